resource "aws_eks_cluster" "private" {
  name     = "private"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids              = var.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "restricted" {
  name     = "restricted"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = true
    public_access_cidrs    = ["203.0.113.0/24"]
  }
}

# Allowed networks from a variable without a value: unknown.
resource "aws_eks_cluster" "configurable" {
  name     = "configurable"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids          = var.private_subnets
    public_access_cidrs = var.public_access_cidrs
  }
}

resource "aws_eks_cluster" "toggle" {
  name     = "toggle"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = var.public_endpoint
  }
}
