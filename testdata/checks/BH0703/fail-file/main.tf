# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# certs/legacy.pem holds legacy.example.com, expired 2020-01-01.
resource "aws_acm_certificate" "imported" {
  certificate_body = file("${path.module}/certs/legacy.pem") # expect: BH0703
  private_key      = file("${path.module}/certs/legacy.key")
}
