variable "encrypt_storage" {
  type = bool
}

resource "aws_rds_cluster" "reporting" {
  cluster_identifier = "reporting"
  engine             = "aurora-mysql"
  storage_encrypted  = var.encrypt_storage
}
