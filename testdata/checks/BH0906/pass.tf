resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  node_type            = "cache.t4g.small"
  engine_version       = "7.1"
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id = "valkey"
  description          = "valkey"
  node_type            = "cache.t4g.small"
  engine               = "valkey"
  engine_version       = "8.0"
}

resource "aws_elasticache_cluster" "redis6" {
  cluster_id      = "redis6"
  engine          = "redis"
  engine_version  = "6.x"
  node_type       = "cache.t3.small"
  num_cache_nodes = 1
}

# Memcached versions are not covered by the table.
resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  engine_version  = "1.4.5"
  node_type       = "cache.t3.small"
  num_cache_nodes = 2
}

resource "aws_elasticache_replication_group" "configurable" {
  replication_group_id = "configurable"
  description          = "configurable"
  node_type            = "cache.t4g.small"
  engine_version       = var.engine_version
}
