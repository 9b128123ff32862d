resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
}

variable "tls" {
  type    = bool
  default = true
}

resource "aws_elasticache_replication_group" "defaulted_variable" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = var.tls
}

resource "aws_elasticache_cluster" "configurable" {
  cluster_id                 = "configurable"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 1
  transit_encryption_enabled = var.transit_encryption
}
