resource "aws_db_instance" "explicit" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  storage_encrypted = false # expect: BH0210
}

resource "aws_db_instance" "unset" { # expect: BH0210
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
}

resource "aws_rds_cluster" "aurora" { # expect: BH0210
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
  storage_encrypted  = false # expect: BH0210
}

resource "aws_neptune_cluster" "graph" { # expect: BH0210
  cluster_identifier = "graph"
}
