#!/bin/sh
# Makes the test certificates of this folder. Run once by hand; tests never
# call it (the certificates are committed, and copied as text into the
# fixtures under testdata/checks/BH0703..BH0706). Needs Python with the
# `cryptography` package (48.0 was used) and OpenSSL 3 (3.0.19 was used).
# Validity dates are fixed, so the outcome of every check depends only on the
# scan date; keys are new on every run, so the text differs each time.
set -eu
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Most certificates: Python `cryptography` (any date, any key type).
python3 - "$out" <<'PY'
import datetime as dt, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, ec, dsa, ed25519

out = sys.argv[1]

def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Org"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])

def day(s):
    return dt.datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)

def cert(file, cn, key, not_before, not_after, issuer=None, issuer_key=None, ca=False, serial=1):
    b = (x509.CertificateBuilder()
         .subject_name(name(cn))
         .issuer_name(name(issuer or cn))
         .public_key(key.public_key())
         .serial_number(serial)
         .not_valid_before(day(not_before))
         .not_valid_after(day(not_after) + dt.timedelta(hours=12))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
    signer = issuer_key or key
    c = b.sign(signer, None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256())
    with open(f"{out}/{file}.pem", "w") as f:
        f.write(c.public_bytes(serialization.Encoding.PEM).decode())

p256 = lambda: ec.generate_private_key(ec.SECP256R1())
root = p256()
cert("root-ec", "Example Root CA", root, "2024-01-01", "2099-12-31", ca=True, serial=10)
cert("expired-ec", "legacy.example.com", p256(), "2019-01-01", "2020-01-01", serial=2)
cert("expired-ca-ec", "Example Old Intermediate CA", p256(), "2015-01-01", "2020-06-30",
     "Example Root CA", root, ca=True, serial=11)
cert("valid-ec", "api.example.com", p256(), "2024-01-01", "2099-12-31", "Example Root CA", root, serial=3)
cert("expiring-ec", "payments.example.com", p256(), "2029-01-01", "2030-01-20", "Example Root CA", root, serial=4)
cert("later-ec", "reports.example.com", p256(), "2029-01-01", "2030-03-15", "Example Root CA", root, serial=5)
cert("rsa1024", "old-rsa.example.com", rsa.generate_private_key(public_exponent=65537, key_size=1024),
     "2024-01-01", "2099-12-31", serial=6)
cert("rsa2048", "web.example.com", rsa.generate_private_key(public_exponent=65537, key_size=2048),
     "2024-01-01", "2099-12-31", "Example Root CA", root, serial=7)
cert("ec-p224", "small-curve.example.com", ec.generate_private_key(ec.SECP224R1()),
     "2024-01-01", "2099-12-31", "Example Root CA", root, serial=8)
cert("ec-p192", "tiny-curve.example.com", ec.generate_private_key(ec.SECP192R1()),
     "2024-01-01", "2099-12-31", "Example Root CA", root, serial=9)
cert("dsa", "dsa.example.com", dsa.generate_private_key(key_size=2048), "2024-01-01", "2099-12-31", serial=12)
cert("ed25519", "edge.example.com", ed25519.Ed25519PrivateKey.generate(), "2024-01-01", "2099-12-31", serial=13)
with open("root-ec.key", "wb") as f:
    f.write(root.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption()))
PY

# MD5, SHA-1 and RSA-PSS signatures: `cryptography` refuses to sign with
# MD5 and SHA-1, `openssl ca` does not.
touch index.txt
echo 20 > serial
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = CA_default
[ CA_default ]
database = ./index.txt
new_certs_dir = .
serial = ./serial
policy = policy_any
unique_subject = no
email_in_dn = no
[ policy_any ]
organizationName = optional
commonName = supplied
[ v3_ca ]
basicConstraints = critical,CA:TRUE
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = critical,CA:FALSE
subjectAltName = DNS:${ENV::SAN}
CNF
sign() { # out cn key ca-key ca-cert digest [options...]
  o=$1 cn=$2 key=$3 cakey=$4 cacert=$5 md=$6
  shift 6
  openssl req -new -key "$key" -subj "/O=Example Org/CN=$cn" -out "$o.csr"
  SAN=$cn openssl ca -batch -config ca.cnf -keyfile "$cakey" -cert "$cacert" -in "$o.csr" -md "$md" \
    -startdate 20240101000000Z -enddate 20991231120000Z -extensions v3_leaf -notext -out "$out/$o.pem" "$@"
}
openssl genrsa -out rsa-root.key 2048
openssl req -new -key rsa-root.key -subj "/O=Example Org/CN=Example Legacy Root CA" -out rsa-root.csr
SAN=x openssl ca -batch -config ca.cnf -selfsign -keyfile rsa-root.key -in rsa-root.csr -md sha1 \
  -startdate 20100101000000Z -enddate 20991231120000Z -extensions v3_ca -notext -out "$out/root-rsa-sha1.pem"
for n in sha1-leaf-rsa md5-leaf pss-sha1 pss-sha256; do openssl genrsa -out $n.key 2048; done
sign sha1-leaf-rsa legacy-api.example.com sha1-leaf-rsa.key rsa-root.key "$out/root-rsa-sha1.pem" sha1
sign md5-leaf md5.example.com md5-leaf.key rsa-root.key "$out/root-rsa-sha1.pem" md5
# RSA-PSS without a hash algorithm parameter: SHA-1 by default (RFC 4055).
sign pss-sha1 pss.example.com pss-sha1.key rsa-root.key "$out/root-rsa-sha1.pem" sha1 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:20
sign pss-sha256 pss256.example.com pss-sha256.key rsa-root.key "$out/root-rsa-sha1.pem" sha256 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
openssl ecparam -name prime256v1 -genkey -noout -out sha1-leaf-ec.key
sign sha1-leaf-ec sha1.example.com sha1-leaf-ec.key root-ec.key "$out/root-ec.pem" sha1
