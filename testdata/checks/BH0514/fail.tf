resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  domain_endpoint_options {
    enforce_https = false # expect: BH0514
  }
}

variable "https_only" {
  default = "false" # expect: BH0514
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
  domain_endpoint_options {
    enforce_https = var.https_only
  }
}
