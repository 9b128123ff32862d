# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# legacy.example.com (2020-01-01) and "Example Old Intermediate CA"
# (2020-06-30) have expired; "Example Root CA" is valid until 2099.

resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy"
  certificate_body = <<-EOT
    # expect-next: BH0703
    -----BEGIN CERTIFICATE-----
    MIIBhDCCASqgAwIBAgIBAjAKBggqhkjOPQQDAjAzMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29tMB4XDTE5MDEwMTAwMDAw
    MFoXDTIwMDEwMTEyMDAwMFowMzEUMBIGA1UECgwLRXhhbXBsZSBPcmcxGzAZBgNV
    BAMMEmxlZ2FjeS5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
    BJm8j0QLEeT3g/8tIoVGzN+H7dcuOoK/3onPH6AyS/mjxRaSU62FDmS/xihMr524
    4fbcKgp2yJn//Eddj3wQzDijLzAtMAwGA1UdEwEB/wQCMAAwHQYDVR0RBBYwFIIS
    bGVnYWN5LmV4YW1wbGUuY29tMAoGCCqGSM49BAMCA0gAMEUCIErPB/Qa30pjOIsF
    xYaPaurRVOhIDLVtgXZY7RTOiQSYAiEAr47KrrANOpmdGXXjJ35KkvSAPuImfs7k
    NtJ/X7VBVO4=
    -----END CERTIFICATE-----
  EOT
  private_key      = var.legacy_private_key
}

# A chain: only the expired intermediate is reported.
resource "aws_acm_certificate" "imported" {
  certificate_body  = var.certificate_body
  private_key       = var.private_key
  certificate_chain = <<-EOT
    # expect-next: BH0703
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
    -----BEGIN CERTIFICATE-----
    MIIBYzCCAQqgAwIBAgIBCjAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMCAXDTI0MDEwMTAwMDAwMFoY
    DzIwOTkxMjMxMTIwMDAwWjAwMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEYMBYGA1UE
    AwwPRXhhbXBsZSBSb290IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsUuQ
    xdwSTWSVhTpiqAAFqurNVhZbm+80R9kERynMG9/Sjaw46e16SrRzhWxHjVDKMdgi
    WkmRtWnTVFOqJusq6qMTMBEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNH
    ADBEAiAmoh5UaEZzNAvT9v7x1+hGG/yF4rksk0FwXX9d2n0UvAIgNMwe+dCM8GwS
    GWf7ITwvW2kwvG0jw3RIDY9+WVkJW+s=
    -----END CERTIFICATE-----
  EOT
}

locals {
  legacy_ca = <<-EOT
    # expect-next: BH0703
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

# Reported where the value is written (the local), once per resource using it.
resource "kubernetes_secret_v1" "ca" {
  metadata {
    name      = "legacy-ca"
    namespace = "shop"
  }
  data = {
    "ca.crt" = local.legacy_ca
  }
}

provider "kubernetes" {
  host                   = "https://k8s.example.com"
  cluster_ca_certificate = base64decode("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJiakNDQVJTZ0F3SUJBZ0lCQ3pBS0JnZ3Foa2pPUFFRREFqQXdNUlF3RWdZRFZRUUtEQXRGZUdGdGNHeGwKSUU5eVp6RVlNQllHQTFVRUF3d1BSWGhoYlhCc1pTQlNiMjkwSUVOQk1CNFhEVEUxTURFd01UQXdNREF3TUZvWApEVEl3TURZek1ERXlNREF3TUZvd1BERVVNQklHQTFVRUNnd0xSWGhoYlhCc1pTQlBjbWN4SkRBaUJnTlZCQU1NCkcwVjRZVzF3YkdVZ1QyeGtJRWx1ZEdWeWJXVmthV0YwWlNCRFFUQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDkKQXdFSEEwSUFCQlBwbXhoci80UjgwM3JKM3lQdHlyWEpTZUxJM0E1Y3FUb09NcElsUk9BVnpueU1jRkhReURXbQpxbU1XWDhVRWhTZFU5WjNXaUlVb3puZ09sLzUvR3F1akV6QVJNQThHQTFVZEV3RUIvd1FGTUFNQkFmOHdDZ1lJCktvWkl6ajBFQXdJRFNBQXdSUUloQUpYL3FGWTBPSDE1eG9vR2p5UzRXR1RZS1R5ZFZUUE9hbHJza0Z4cEV3TGkKQWlBV09iVU1kSU5SRzdiWHBJdndWNjJtUHMwZ1g5NStwenVYOXVEMi9WdWl1UT09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K") # expect: BH0703
}

# Azure takes the DER bytes as base64 without the PEM lines.
resource "azurerm_virtual_network_gateway" "vpn" {
  name                = "vpn"
  location            = "westeurope"
  resource_group_name = "network"
  type                = "Vpn"
  sku                 = "VpnGw1"
  ip_configuration {
    public_ip_address_id = var.public_ip_id
    subnet_id            = var.gateway_subnet_id
  }
  vpn_client_configuration {
    address_space = ["172.16.0.0/24"]
    root_certificate {
      name             = "legacy-root"
      public_cert_data = "MIIBbjCCARSgAwIBAgIBCzAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMB4XDTE1MDEwMTAwMDAwMFoXDTIwMDYzMDEyMDAwMFowPDEUMBIGA1UECgwLRXhhbXBsZSBPcmcxJDAiBgNVBAMMG0V4YW1wbGUgT2xkIEludGVybWVkaWF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBPpmxhr/4R803rJ3yPtyrXJSeLI3A5cqToOMpIlROAVznyMcFHQyDWmqmMWX8UEhSdU9Z3WiIUozngOl/5/GqujEzARMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAJX/qFY0OH15xooGjyS4WGTYKTydVTPOalrskFxpEwLiAiAWObUMdINRG7bXpIvwV62mPs0gX95+pzuX9uD2/VuiuQ==" # expect: BH0703
    }
  }
}

# A module from outside the repository: its arguments are all there is to see.
module "edge_tls" {
  source      = "git::https://example.com/terraform-modules/edge-tls.git?ref=v1.2.0"
  certificate = <<-EOT
    # expect-next: BH0703
    -----BEGIN CERTIFICATE-----
    MIIBhDCCASqgAwIBAgIBAjAKBggqhkjOPQQDAjAzMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29tMB4XDTE5MDEwMTAwMDAw
    MFoXDTIwMDEwMTEyMDAwMFowMzEUMBIGA1UECgwLRXhhbXBsZSBPcmcxGzAZBgNV
    BAMMEmxlZ2FjeS5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
    BJm8j0QLEeT3g/8tIoVGzN+H7dcuOoK/3onPH6AyS/mjxRaSU62FDmS/xihMr524
    4fbcKgp2yJn//Eddj3wQzDijLzAtMAwGA1UdEwEB/wQCMAAwHQYDVR0RBBYwFIIS
    bGVnYWN5LmV4YW1wbGUuY29tMAoGCCqGSM49BAMCA0gAMEUCIErPB/Qa30pjOIsF
    xYaPaurRVOhIDLVtgXZY7RTOiQSYAiEAr47KrrANOpmdGXXjJ35KkvSAPuImfs7k
    NtJ/X7VBVO4=
    -----END CERTIFICATE-----
  EOT
}
