# Test certificates from testdata/certificates, made once with its
# make-certificates.sh (Python `cryptography` and `openssl ca`, fixed validity
# dates) and pasted here as text.
# A module in the repository: the certificate is reported once, where it
# is written, through the resource of the module that uses it.
module "tls" {
  source      = "./modules/tls"
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
