resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  engine_version    = "17.2"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

# Major version only: the latest minor version of a supported major.
resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "mysql"
  engine_version    = "8.4"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

# Not pinned: RDS picks the default (current) version.
resource "aws_db_instance" "latest" {
  identifier        = "latest"
  engine            = "mariadb"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

# Aurora MySQL 3 (MySQL 8.0 compatible) is a different release line than RDS for MySQL 8.0.
resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-mysql"
  engine_version     = "8.0.mysql_aurora.3.08.0"
}

# An engine the table does not cover.
resource "aws_db_instance" "oracle" {
  identifier        = "oracle"
  engine            = "oracle-ee"
  engine_version    = "19"
  instance_class    = "db.m5.large"
  allocated_storage = 100
}

resource "aws_db_instance" "configurable" {
  identifier        = "configurable"
  engine            = "postgres"
  engine_version    = var.engine_version
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}
