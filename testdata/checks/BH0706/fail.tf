# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# Signed by a CA with a weak digest: sha1.example.com (ecdsa-with-SHA1),
# legacy-api.example.com (sha1WithRSAEncryption), md5.example.com
# (md5WithRSAEncryption), pss.example.com (RSASSA-PSS, SHA-1 by default).
# "Example Legacy Root CA" signs itself with SHA-1: a root, not reported.
# Valid: api.example.com (ecdsa-with-SHA256), pss256.example.com (RSASSA-PSS
# with SHA-256), edge.example.com (Ed25519), dsa.example.com (DSA with
# SHA-256). All valid until 2099.

resource "aws_acm_certificate" "legacy_api" {
  certificate_body  = <<-EOT
    # expect-next: BH0706
    -----BEGIN CERTIFICATE-----
    MIIDXjCCAkagAwIBAgIBITANBgkqhkiG9w0BAQUFADA3MRQwEgYDVQQKDAtFeGFt
    cGxlIE9yZzEfMB0GA1UEAwwWRXhhbXBsZSBMZWdhY3kgUm9vdCBDQTAgFw0yNDAx
    MDEwMDAwMDBaGA8yMDk5MTIzMTEyMDAwMFowNzEUMBIGA1UECgwLRXhhbXBsZSBP
    cmcxHzAdBgNVBAMMFmxlZ2FjeS1hcGkuZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3
    DQEBAQUAA4IBDwAwggEKAoIBAQDA/J7xoFFZWAB/uiUlzdlpjBJNQx46aZo6VqtS
    M0rLK922fivIBhNOhZ4pvvceVNoi2VWTyMeiepVOs8mOFWNTvqYcpKMNayTmbI02
    w1bVTh8YC7lUA8nRUTHkJc37XfX7FxAX/zAwxMWLniFmz/KGgMqowwAI471d+XU5
    s5IXMXXls1R40uOCB2sGoOjmG2XFMPsas9kx5VcWYTpukDG05RFnNN9P8OJFWyvp
    pbwgMGKIB7oxtgbrz23X3A7KQFTVHlG2ZK0fVAwyR/y6/7cxgPGnzo5CSn6ZOAEm
    nSszjuXjS4MlrzZDsu0BB2lt3PausFCTLQSIqIPqc70k9Y/vAgMBAAGjczBxMAwG
    A1UdEwEB/wQCMAAwIQYDVR0RBBowGIIWbGVnYWN5LWFwaS5leGFtcGxlLmNvbTAd
    BgNVHQ4EFgQUhg/2PWAPI0mYFM4rUQjGCR9/SA4wHwYDVR0jBBgwFoAUIidd8jA5
    fMZpeEk4linXq81yLvAwDQYJKoZIhvcNAQEFBQADggEBABzMM1a/NJPXlXc4j6DC
    UG4+HM/fywcepa/6QFajSK+ZZgB05KcvuJCpx4FX06RKzDRMjt1YZHaN8fgzjIrr
    tp73gGuGs7owajjh/aheyAH1NfQfxZBSRcB2f5atS4cPeFreuayomVSHOjF4Xw+W
    ypQFdGvp+cgQQzVmtKXsPPf43YWd5ZTrU+g1tSXb42/OUAPxlwlUL66s3uS0rxH7
    CGJiEbD10OK9FK2TrKYAdfliZpv+bcCDWRDyliRNFW7Sr5lPj44ZCxTKA2RZLv87
    cqm2Wln3DmrevooarlBPdhHGK/cVAWINFKQ5yNo7WNn+sqnZ4o93zXBjNyN7cRP2
    +gI=
    -----END CERTIFICATE-----
  EOT
  certificate_chain = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIDHTCCAgWgAwIBAgIBIDANBgkqhkiG9w0BAQUFADA3MRQwEgYDVQQKDAtFeGFt
    cGxlIE9yZzEfMB0GA1UEAwwWRXhhbXBsZSBMZWdhY3kgUm9vdCBDQTAgFw0xMDAx
    MDEwMDAwMDBaGA8yMDk5MTIzMTEyMDAwMFowNzEUMBIGA1UECgwLRXhhbXBsZSBP
    cmcxHzAdBgNVBAMMFkV4YW1wbGUgTGVnYWN5IFJvb3QgQ0EwggEiMA0GCSqGSIb3
    DQEBAQUAA4IBDwAwggEKAoIBAQCQQb1Ddiak+79WlMy/ByCt0wrJeCxPoSeGga++
    XXAeNt3i6j57XjC+MF7g6FczCwM8WlaLkXResaPhQI/VrxBoFDRZbLx9TYjHgawX
    0O0vubln0r05ARYQxXVrKYnviGKkleXy6dFvCguSHrevzykSKYqrUczmtHBfFwJC
    62iuPwKmRfGuU8Ex0yxT9qnSm13V9FQvixEVS7TiUVjYI81ILrHyzXxpI2ochxJC
    veaCY77KvcFifcWU/Rk9kqET4be6auZL78rjttSNQJgF4xByNTXMviYk0RPJO4Qn
    1uS6I6BqLzaL6Nlu5UUPmobxKU6c4V6UDNqzF9671EHkXY7VAgMBAAGjMjAwMA8G
    A1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFCInXfIwOXzGaXhJOJYp16vNci7wMA0G
    CSqGSIb3DQEBBQUAA4IBAQAAo1SFUqbhVJJSEcmE1HJYDOa2mCA9ujWBWfYLDrR7
    kgkMUMNq3kk/05z2VcVMT9Pi9CNptmavzb8HocUeXGrym3tv7JL73plFj/qEymgJ
    adzxEPbCyB9gdFghAsFefkQ/F5IS4qaimfJumd1cvov5yxE2qZgtzAQWQkSiT0bl
    j0gT777PsNekTL0Zcm/7f8Z3j+/JXwK5LyCUZLe0l2Hq6dxqvMuGopmh8DbUSP0H
    s9rOT6BxsTKenWAWoK4AU8o4g4B8x2ExkV4symU/C9zzeP8peWY5h1+c7Y59I33x
    BxzFFlVX71xNDWg9PucvqmltFpIu2tzDMvn+PUqCWWrK
    -----END CERTIFICATE-----
  EOT
  private_key       = var.legacy_api_private_key
}
