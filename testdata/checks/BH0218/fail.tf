resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  encrypt_at_rest {
    enabled = false # expect: BH0218
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
  encrypt_at_rest {
    enabled = "false" # expect: BH0218
  }
}

# No encrypt_at_rest block: unencrypted by default.
resource "aws_opensearch_domain" "defaults" { # expect: BH0218
  domain_name    = "defaults"
  engine_version = "OpenSearch_2.13"
}
