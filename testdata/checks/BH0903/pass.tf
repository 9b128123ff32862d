resource "aws_db_instance" "orders" {
  identifier                 = "orders"
  engine                     = "postgres"
  instance_class             = "db.t3.medium"
  allocated_storage          = 20
  auto_minor_version_upgrade = true
}

# Enabled by default.
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "cache"
  node_type            = "cache.t4g.small"
}

resource "aws_mq_broker" "configurable" {
  broker_name                = "configurable"
  engine_type                = "RabbitMQ"
  engine_version             = "3.13"
  host_instance_type         = "mq.m5.large"
  auto_minor_version_upgrade = var.auto_minor_version_upgrade
}

# Major version upgrades are a different decision.
resource "aws_db_instance" "pinned_major" {
  identifier                  = "pinned-major"
  engine                      = "postgres"
  instance_class              = "db.t3.medium"
  allocated_storage           = 20
  allow_major_version_upgrade = false
}
