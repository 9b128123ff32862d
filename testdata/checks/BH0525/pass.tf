resource "aws_redshift_cluster" "dwh" {
  cluster_identifier  = "dwh"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
}

resource "aws_mq_broker" "configurable" {
  broker_name         = "configurable"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = var.publicly_accessible
}

# RDS instances are judged by BH0504.
resource "aws_db_instance" "orders" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
}
