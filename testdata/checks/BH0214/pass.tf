resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
}

# Not set: not judged (only an explicit false is reported).
resource "aws_elasticache_replication_group" "defaults" {
  replication_group_id = "defaults"
  description          = "defaults"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "configurable" {
  replication_group_id       = "configurable"
  description                = "configurable"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = var.at_rest_encryption_enabled
}
