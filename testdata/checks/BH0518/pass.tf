resource "aws_db_parameter_group" "postgres" {
  name   = "orders-pg16"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  # Another parameter switched off: not about TLS.
  parameter {
    name  = "log_statement"
    value = "0"
  }
}

resource "aws_rds_cluster_parameter_group" "mysql" {
  name   = "shop-aurora-mysql8"
  family = "aurora-mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_docdb_cluster_parameter_group" "docs" {
  name   = "docs"
  family = "docdb5.0"
  parameter {
    name  = "tls"
    value = "enabled"
  }
}

resource "aws_db_parameter_group" "configurable" {
  name   = "configurable"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = var.force_ssl
  }
}
