# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# small-curve.example.com: ECDSA P-224; tiny-curve.example.com: P-192;
# old-rsa.example.com: RSA 1024 bits; dsa.example.com: DSA 2048 bits.
# Valid: "Example Root CA" and api.example.com (P-256), web.example.com
# (RSA 2048), edge.example.com (Ed25519). All valid until 2099.

resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy"
  certificate_body = <<-EOT
    # expect-next: BH0705
    -----BEGIN CERTIFICATE-----
    MIICEDCCAXmgAwIBAgIBBjANBgkqhkiG9w0BAQsFADA0MRQwEgYDVQQKDAtFeGFt
    cGxlIE9yZzEcMBoGA1UEAwwTb2xkLXJzYS5leGFtcGxlLmNvbTAgFw0yNDAxMDEw
    MDAwMDBaGA8yMDk5MTIzMTEyMDAwMFowNDEUMBIGA1UECgwLRXhhbXBsZSBPcmcx
    HDAaBgNVBAMME29sZC1yc2EuZXhhbXBsZS5jb20wgZ8wDQYJKoZIhvcNAQEBBQAD
    gY0AMIGJAoGBALGZOP3bcGLZ9BpM79qDG9Rsxb9M07FDak3jvK/lglgIp/DMi2I3
    cuaVrMnzKuK97yqE1L35DV5Ec/XKGNanp8IBOzphLt+1Mc0/VxkfHc87Tnloy8Ip
    xHWHiK7JQM/EdkgNfnqfeTjfj9FppRK1gyEYjnG/F/yfs77/IrgPkRVpAgMBAAGj
    MDAuMAwGA1UdEwEB/wQCMAAwHgYDVR0RBBcwFYITb2xkLXJzYS5leGFtcGxlLmNv
    bTANBgkqhkiG9w0BAQsFAAOBgQAwKfsEKCkbkzgWjNSuW9V2PIRguOt1kkGEepJI
    aMs4Tcoh/KDf4NEqbjIm9ud9thulJOsK/mDXbMJD/2MwEww2+0q6mJtl01MRfmqv
    E2ARys8AHUvcqmpKBvrelUsyBVGcjaV3yOgVYIWsm/ip6/cFCFQiqwOVqGAN2FrL
    puRhxA==
    -----END CERTIFICATE-----
  EOT
  private_key      = var.legacy_private_key
}

resource "google_compute_ssl_certificate" "tiny" {
  name        = "tiny"
  certificate = <<-EOT
    # expect-next: BH0705
    -----BEGIN CERTIFICATE-----
    MIIBfDCCASGgAwIBAgIBCTAKBggqhkjOPQQDAjAwMRQwEgYDVQQKDAtFeGFtcGxl
    IE9yZzEYMBYGA1UEAwwPRXhhbXBsZSBSb290IENBMCAXDTI0MDEwMTAwMDAwMFoY
    DzIwOTkxMjMxMTIwMDAwWjA3MRQwEgYDVQQKDAtFeGFtcGxlIE9yZzEfMB0GA1UE
    AwwWdGlueS1jdXJ2ZS5leGFtcGxlLmNvbTBJMBMGByqGSM49AgEGCCqGSM49AwEB
    AzIABMppdEX/FeifzhopMepWdanAWdKObeYAddXF7p3WMtDAkr//Js4B8CABOTsT
    3iFuyaMzMDEwDAYDVR0TAQH/BAIwADAhBgNVHREEGjAYghZ0aW55LWN1cnZlLmV4
    YW1wbGUuY29tMAoGCCqGSM49BAMCA0kAMEYCIQCSq6WLL7LE3T4jmCIzSwReWqk8
    sK+5BsS9ecmsEgqAFwIhAOB+ST1hyEDJ7tuRdjYgR60Bv3LSVVpphBgeMvI17Ko7
    -----END CERTIFICATE-----
  EOT
  private_key = var.tiny_private_key
}
