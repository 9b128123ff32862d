resource "aws_db_instance" "orders" {
  identifier                 = "orders"
  engine                     = "postgres"
  instance_class             = "db.t3.medium"
  allocated_storage          = 20
  auto_minor_version_upgrade = false # expect: BH0903
}

resource "aws_mq_broker" "events" {
  broker_name                = "events"
  engine_type                = "ActiveMQ"
  engine_version             = "5.18"
  host_instance_type         = "mq.m5.large"
  auto_minor_version_upgrade = "false" # expect: BH0903
}

resource "aws_redshift_cluster" "dwh" {
  cluster_identifier    = "dwh"
  node_type             = "ra3.xlplus"
  allow_version_upgrade = false # expect: BH0903
}

variable "minor_upgrades" {
  default = false # expect: BH0903
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier         = aws_rds_cluster.main.id
  instance_class             = "db.r6g.large"
  engine                     = "aurora-postgresql"
  auto_minor_version_upgrade = var.minor_upgrades
}
