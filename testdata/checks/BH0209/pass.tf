resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# No endpoint options at all: not judged.
resource "aws_opensearch_domain" "plain" {
  domain_name = "plain"
}

resource "aws_opensearch_domain" "configurable" {
  domain_name = "configurable"
  domain_endpoint_options {
    tls_security_policy = var.tls_security_policy
  }
}
