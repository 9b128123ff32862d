# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# api.example.com is valid until 2099; the rest is unknown until deployment
# or not a certificate.

resource "aws_iam_server_certificate" "api" {
  name             = "api"
  certificate_body = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASOgAwIBAgIBAzAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMCAXDTI0MDEwMTAwMDAwMFoY
    DzIwOTkxMjMxMTIwMDAwWjAwMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEYMBYGA1UE
    AwwPYXBpLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/okJ
    hpmQ+3HmEGrSYZWDNtROOfuakNaxmyr8ZBvLHt1PQBo5Z6Ceqr+CMGG3pJbAZ8yV
    EP4inzumlRY7KmnxRaMsMCowDAYDVR0TAQH/BAIwADAaBgNVHREEEzARgg9hcGku
    ZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSQAwRgIhAOjnevQExXfV9ldFpoKX7zRz
    k9iMZnRkEz1OUtH0FkPwAiEAkHV3+b0r/gi3iCSiXoobie0g3xTVYXh+RMLndYMh
    E+o=
    -----END CERTIFICATE-----
  EOT
  private_key      = var.api_private_key
}

resource "tls_self_signed_cert" "internal" {
  private_key_pem       = var.internal_key
  validity_period_hours = 720
  allowed_uses          = ["server_auth"]
  subject {
    common_name = "internal.example.com"
  }
}

resource "aws_iam_server_certificate" "internal" {
  name             = "internal"
  certificate_body = tls_self_signed_cert.internal.cert_pem
  private_key      = var.internal_key
}

resource "aws_acm_certificate" "missing" {
  certificate_body = file("${path.module}/certs/not-in-the-repository.pem")
  private_key      = var.api_private_key
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = base64encode("#!/bin/sh\necho hello > /tmp/hello\n")
}

# Not used by any resource: nothing is deployed with it.
locals {
  old_ca = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIBbjCCARSgAwIBAgIBCzAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMB4XDTE1MDEwMTAwMDAwMFoX
    DTIwMDYzMDEyMDAwMFowPDEUMBIGA1UECgwLRXhhbXBsZSBPcmcxJDAiBgNVBAMM
    G0V4YW1wbGUgT2xkIEludGVybWVkaWF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49
    AwEHA0IABBPpmxhr/4R803rJ3yPtyrXJSeLI3A5cqToOMpIlROAVznyMcFHQyDWm
    qmMWX8UEhSdU9Z3WiIUozngOl/5/GqujEzARMA8GA1UdEwEB/wQFMAMBAf8wCgYI
    KoZIzj0EAwIDSAAwRQIhAJX/qFY0OH15xooGjyS4WGTYKTydVTPOalrskFxpEwLi
    AiAWObUMdINRG7bXpIvwV62mPs0gX95+pzuX9uD2/VuiuQ==
    -----END CERTIFICATE-----
  EOT
}
