# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# Scanned with `bulkhead scan --today 2030-01-01`: payments.example.com
# expires 2030-01-20 (in 19 days, reported), reports.example.com 2030-03-15
# (in 73 days), api.example.com and "Example Root CA" 2099-12-31;
# legacy.example.com expired 2020-01-01 (BH0703, not this check).

resource "aws_iam_server_certificate" "payments" {
  name             = "payments"
  certificate_body = <<-EOT
    # expect-next: BH0704
    -----BEGIN CERTIFICATE-----
    MIIBhTCCASugAwIBAgIBBDAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMB4XDTI5MDEwMTAwMDAwMFoX
    DTMwMDEyMDEyMDAwMFowNTEUMBIGA1UECgwLRXhhbXBsZSBPcmcxHTAbBgNVBAMM
    FHBheW1lbnRzLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
    rci4M2NHKlDv48pSWYsV5mCG5E6j39Ii9IVA5GeeYnxXYrFWoflN51RJ2Ia1JwBO
    NV75/ouj4uhyDRP2WYPF9KMxMC8wDAYDVR0TAQH/BAIwADAfBgNVHREEGDAWghRw
    YXltZW50cy5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNIADBFAiAjBycwUWJpLkJ/
    kYaU6zpXTK0r3lxc+HuKBMerQPAQAQIhANPKmeRngzm96RVmDatwxMxZJORq/EgK
    R0JrWhN+AuuK
    -----END CERTIFICATE-----
  EOT
  private_key      = var.payments_private_key
}

resource "aws_iam_server_certificate" "reports" {
  name             = "reports"
  certificate_body = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASmgAwIBAgIBBTAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMB4XDTI5MDEwMTAwMDAwMFoX
    DTMwMDMxNTEyMDAwMFowNDEUMBIGA1UECgwLRXhhbXBsZSBPcmcxHDAaBgNVBAMM
    E3JlcG9ydHMuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATp
    4d1jOelavw5QUQYjXWHUolXRJ+lqwoccImHanAhCyRIAbLIQPCQD05neE/bgaqy1
    NeflQb+YSNnchA1PX3IjozAwLjAMBgNVHRMBAf8EAjAAMB4GA1UdEQQXMBWCE3Jl
    cG9ydHMuZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSAAwRQIhAJh8ydztet3pC2qE
    2N1pBADFdmU2KBNSPMetMNZYwULxAiBbPMZIBMUtniqjntP5oAX4fssC12RmryJC
    1OIgW/q7Tw==
    -----END CERTIFICATE-----
  EOT
  private_key      = var.reports_private_key
}
