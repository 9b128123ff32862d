resource "aws_eks_cluster" "no_logs" { # expect: BH0802
  name     = "no-logs"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
}

resource "aws_eks_cluster" "api_only" {
  name     = "api-only"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = var.private_subnets
    endpoint_public_access = false
  }
  enabled_cluster_log_types = ["api", "audit"] # expect: BH0802
}
