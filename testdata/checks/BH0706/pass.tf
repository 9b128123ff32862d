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

resource "aws_acm_certificate" "api" {
  certificate_body  = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIDvjCCAnKgAwIBAgIBJDBBBgkqhkiG9w0BAQowNKAPMA0GCWCGSAFlAwQCAQUA
    oRwwGgYJKoZIhvcNAQEIMA0GCWCGSAFlAwQCAQUAogMCASAwNzEUMBIGA1UECgwL
    RXhhbXBsZSBPcmcxHzAdBgNVBAMMFkV4YW1wbGUgTGVnYWN5IFJvb3QgQ0EwIBcN
    MjQwMTAxMDAwMDAwWhgPMjA5OTEyMzExMjAwMDBaMDMxFDASBgNVBAoMC0V4YW1w
    bGUgT3JnMRswGQYDVQQDDBJwc3MyNTYuZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3
    DQEBAQUAA4IBDwAwggEKAoIBAQCrIEvFdgTaBzQ/VpgAJCSKwpuHHVLSr4WI7NNp
    4+WdHXzd2PknXG/Wnnqy1zD0AnLvnXmBNfWvhcEtt9gpU9jmz73sJzLBfQCIqQCt
    dK7d8h8FfGaO5GcUIo9jUYTTVUuHVQuBjEPl8aZbAVdkqmW+fKrw4g1gG6nvX5K5
    TDiveXiqiO6X7WT1+goCziCH2lDiD1UtUasFe6MMdke/Ft6J500eZ4h5JTa/w6PF
    V+cmIffktvy15ifH41bzZUy9iTrHLpofMjNpoaYmpizPgkx+Gufs+80fEwWaz1Mp
    /xGdsJfnZ/D7bvHRmV+1ijxWecYWfQ38l4UKHf/Z9F0taiVRAgMBAAGjbzBtMAwG
    A1UdEwEB/wQCMAAwHQYDVR0RBBYwFIIScHNzMjU2LmV4YW1wbGUuY29tMB0GA1Ud
    DgQWBBQzVc9K3bGR8RYq4B03rVWxIncOcjAfBgNVHSMEGDAWgBQiJ13yMDl8xml4
    STiWKderzXIu8DBBBgkqhkiG9w0BAQowNKAPMA0GCWCGSAFlAwQCAQUAoRwwGgYJ
    KoZIhvcNAQEIMA0GCWCGSAFlAwQCAQUAogMCASADggEBAFoihtj97l0jTS1tou9W
    VwS4pq317aYGVCBsQawAN+4xtIOuM+/zOjKiJlDufxLo3Nq5YnrpXSpGH9sAjHAo
    +N39OaMHZKk8naJfyYKbO/G2Do1xQStPfLDJ51+1JRP02UfAo7iVf0DtsFBHXtPZ
    0z/vKZRrM4U0aVubXoeC7Uwk8Sgt1xQBIcrSGqd6CQBG4frUpJZ85X7U4fv73Mwd
    eytmFlxXZrEhnosb5pH3B2vPOXonXYc8ZBAeyW+lflyuMfzMkTzVQ447y3CdR3kr
    VHuhoSsDfhNnigqN1o6gkrvIlzzQKROaqCV81EIYKcZLDfOJDwakIeV36M3sdF11
    UgY=
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
  private_key       = var.api_private_key
}
