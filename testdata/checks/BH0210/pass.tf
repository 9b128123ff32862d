resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  storage_encrypted = true
}

# Read replica: inherits the encryption of its source.
resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t3.medium"
  replicate_source_db = aws_db_instance.orders.identifier
}

# Restored from a snapshot: inherits the snapshot's encryption.
resource "aws_db_instance" "restored" {
  identifier          = "restored"
  instance_class      = "db.t3.medium"
  snapshot_identifier = "orders-final"
}

# Aurora Serverless v1 is always encrypted.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "serverless"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}

# A KMS key implies encryption.
resource "aws_rds_cluster" "keyed" {
  cluster_identifier = "keyed"
  engine             = "aurora-postgresql"
  kms_key_id         = aws_kms_key.db.arn
  storage_encrypted  = true
}

# Secondary cluster of a global database.
resource "aws_rds_cluster" "secondary" {
  cluster_identifier        = "secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.main.id
}

# Decided by a variable without a value.
resource "aws_db_instance" "configurable" {
  identifier        = "configurable"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  storage_encrypted = var.storage_encrypted
}

# A cluster instance has no storage setting of its own.
resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.keyed.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}

# SQL Server Express Edition cannot be encrypted at rest.
resource "aws_db_instance" "express" {
  identifier        = "express"
  engine            = "sqlserver-ex"
  instance_class    = "db.t3.small"
  allocated_storage = 20
  storage_encrypted = false
}
