resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  node_type            = "cache.t4g.small"
  engine_version       = "5.0.6" # expect: BH0906
}

resource "aws_elasticache_cluster" "legacy" {
  cluster_id      = "legacy"
  engine          = "redis"
  engine_version  = "3.2.10" # expect: BH0906
  node_type       = "cache.t3.small"
  num_cache_nodes = 1
}
