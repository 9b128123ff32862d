resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}

variable "log_types" {
  default = ["audit", "authenticator"]
}

resource "aws_eks_cluster" "from_variable" {
  name     = "from-variable"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
  enabled_cluster_log_types = var.log_types
}

resource "aws_eks_cluster" "configurable" {
  name     = "configurable"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
  enabled_cluster_log_types = var.cluster_log_types
}

# One log type decided at deployment: it may be the missing one.
resource "aws_eks_cluster" "partly_known" {
  name     = "partly-known"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
  enabled_cluster_log_types = ["audit", var.extra_log_type]
}
