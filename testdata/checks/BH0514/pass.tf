resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# Not set: HTTPS is enforced by default.
resource "aws_opensearch_domain" "defaults" {
  domain_name = "defaults"
}

resource "aws_opensearch_domain" "configurable" {
  domain_name = "configurable"
  domain_endpoint_options {
    enforce_https = var.enforce_https
  }
}
