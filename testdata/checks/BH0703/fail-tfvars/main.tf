# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
variable "ca_bundle" {
  type        = string
  description = "PEM bundle of the CAs the load balancer trusts for client certificates."
}

resource "aws_lb_trust_store" "clients" {
  name                                     = "clients"
  ca_certificates_bundle_s3_bucket         = "trust-stores"
  ca_certificates_bundle_s3_key            = "clients.pem"
}

resource "aws_s3_object" "clients_bundle" {
  bucket  = "trust-stores"
  key     = "clients.pem"
  content = var.ca_bundle
}
