# A version whose standard support has not ended.
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.40"
  vpc_config {
    subnet_ids = var.private_subnets
  }
}

# Not pinned: EKS creates the cluster with its default version.
resource "aws_eks_cluster" "latest" {
  name     = "latest"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = var.private_subnets
  }
}

resource "aws_eks_cluster" "configurable" {
  name     = "configurable"
  role_arn = aws_iam_role.cluster.arn
  version  = var.cluster_version
  vpc_config {
    subnet_ids = var.private_subnets
  }
}
