resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.27" # expect: BH0904
  vpc_config {
    subnet_ids = var.private_subnets
  }
}

# 1.9 is older than 1.29: versions compare component by component.
resource "aws_eks_cluster" "ancient" {
  name     = "ancient"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.9" # expect: BH0904
  vpc_config {
    subnet_ids = var.private_subnets
  }
}

variable "node_version" {
  default = "1.28" # expect: BH0904
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "workers"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.private_subnets
  version         = var.node_version
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
