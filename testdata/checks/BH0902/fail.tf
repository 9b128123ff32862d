resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  engine_version    = "5.7.44" # expect: BH0902
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "postgres"
  engine_version    = "9.6" # expect: BH0902
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-mysql"
  engine_version     = "5.7.mysql_aurora.2.11.2" # expect: BH0902
}

variable "postgres_version" {
  default = "11.22" # expect: BH0902
}

resource "aws_rds_cluster" "aurora_pg" {
  cluster_identifier = "aurora-pg"
  engine             = "aurora-postgresql"
  engine_version     = var.postgres_version
}
