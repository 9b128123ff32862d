# Public endpoint left at its defaults: open to 0.0.0.0/0.
resource "aws_eks_cluster" "defaults" {
  name     = "defaults"
  role_arn = aws_iam_role.cluster.arn
  vpc_config { # expect: BH0604
    subnet_ids = var.private_subnets
  }
}

resource "aws_eks_cluster" "explicit" {
  name     = "explicit"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids              = var.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24", "0.0.0.0/0"] # expect: BH0604
  }
}

variable "api_allowed_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"] # expect: BH0604
}

resource "aws_eks_cluster" "from_variable" {
  name     = "from-variable"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids          = var.private_subnets
    public_access_cidrs = var.api_allowed_cidrs
  }
}
