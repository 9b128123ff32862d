resource "aws_db_parameter_group" "postgres" {
  name   = "orders-pg16"
  family = "postgres16"
  parameter {
    name  = "log_connections"
    value = "1"
  }
  parameter {
    name  = "rds.force_ssl"
    value = "0" # expect: BH0518
  }
}

resource "aws_rds_cluster_parameter_group" "mysql" {
  name   = "shop-aurora-mysql8"
  family = "aurora-mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "OFF" # expect: BH0518
  }
}

resource "aws_docdb_cluster_parameter_group" "docs" {
  name   = "docs"
  family = "docdb5.0"
  parameter {
    name  = "tls"
    value = "disabled" # expect: BH0518
  }
}

resource "aws_redshift_parameter_group" "dwh" {
  name   = "dwh"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "false" # expect: BH0518
  }
}

resource "aws_neptune_cluster_parameter_group" "graph" {
  name   = "graph"
  family = "neptune1.3"
  parameter {
    name  = "neptune_enforce_ssl"
    value = 0 # expect: BH0518
  }
}
