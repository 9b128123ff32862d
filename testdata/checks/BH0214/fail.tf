resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = false # expect: BH0214
  transit_encryption_enabled = true
}

variable "at_rest" {
  type    = bool
  default = false # expect: BH0214
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "page cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = var.at_rest
}
