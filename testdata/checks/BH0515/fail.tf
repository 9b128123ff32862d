resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  node_to_node_encryption {
    enabled = false # expect: BH0515
  }
}
