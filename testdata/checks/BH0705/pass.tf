# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# small-curve.example.com: ECDSA P-224; tiny-curve.example.com: P-192;
# old-rsa.example.com: RSA 1024 bits; dsa.example.com: DSA 2048 bits.
# Valid: "Example Root CA" and api.example.com (P-256), web.example.com
# (RSA 2048), edge.example.com (Ed25519). All valid until 2099.

resource "google_compute_ssl_certificate" "web" {
  name        = "web"
  certificate = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIICSTCCAe6gAwIBAgIBBzAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMCAXDTI0MDEwMTAwMDAwMFoY
    DzIwOTkxMjMxMTIwMDAwWjAwMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEYMBYGA1UE
    AwwPd2ViLmV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC
    AQEAvwFg6nOpHvM7I7vhcuaOGIKk1CiT4w/fHfVdwgjKszWIBHTyhjDQhLteiupW
    oKgRXr39qObX87LUgJkYh4l9FOEuPQGF3kZdIkO94YQubjxlWYYb9uP+1XnoVPzO
    dA1dyuGpQXIZwbklafUed3lYmDxtqQ6eFoUTElQhncVR1GEh6pNhcJTJno3l/ja8
    QSTlebQlzbU4kKzJCpkk+8k8o+Cq/z5wj/C6Npm5JeyLEc8lULfMIbg/PjWCrmbS
    1oCj4brJIqkQt/tZew6DSIkrq8SmYT9LDbcVZVlq6O0QYeviOqKBuSYuvr2jSu8V
    xFaTnoWm8GDMjBClAban9tkXZQIDAQABoywwKjAMBgNVHRMBAf8EAjAAMBoGA1Ud
    EQQTMBGCD3dlYi5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNJADBGAiEAunKlmkAP
    eeT7Xnb05ibf9bl3l8j5AWbHOYl5sEDpPmoCIQCG4v9LHmjDhe9w5bJVMcQJXxXa
    5jzIV09aHyPQojeEQg==
    -----END CERTIFICATE-----
  EOT
  private_key = var.web_private_key
}
