resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  node_to_node_encryption {
    enabled = true
  }
}

resource "aws_elasticsearch_domain" "configurable" {
  domain_name = "configurable"
  node_to_node_encryption {
    enabled = var.node_to_node
  }
}

# Encryption at rest is a different setting (BH0218).
resource "aws_opensearch_domain" "other" {
  domain_name = "other"
  encrypt_at_rest {
    enabled = false
  }
}
