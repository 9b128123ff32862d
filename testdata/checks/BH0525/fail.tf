resource "aws_redshift_cluster" "dwh" {
  cluster_identifier  = "dwh"
  node_type           = "ra3.xlplus"
  publicly_accessible = true # expect: BH0525
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = true # expect: BH0525
}

resource "aws_mq_broker" "orders" {
  broker_name         = "orders"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = "true" # expect: BH0525
}

variable "public" {
  default = true # expect: BH0525
}

resource "aws_redshiftserverless_workgroup" "analytics" {
  namespace_name      = "analytics"
  workgroup_name      = "analytics"
  publicly_accessible = var.public
}
