//! X.509 certificates written into infrastructure code (A.5 7, "validity and
//! X.509 certificates"): expired, about to expire, weak keys and weak
//! signature algorithms.
//!
//! Certificates are looked for in every known string value of a Kubernetes
//! object and of a Terraform resource, provider or module call, after
//! evaluation (heredocs, `file()` of a PEM file inside the repository,
//! variables and variable files):
//!
//! - PEM blocks in plain text (`-----BEGIN CERTIFICATE-----`), several per
//!   value in bundles; each certificate is judged on its own;
//! - base64 text that decodes to PEM (Secret `data`, webhook `caBundle`,
//!   kubeconfig `certificate-authority-data`, `base64encode(file(...))`);
//! - base64 text that decodes to exactly one DER certificate (Azure
//!   `public_cert_data`, Secret `data` holding DER).
//!
//! Unknown values are never looked at, and a block or value that does not
//! parse as a certificate is ignored. Findings point at the certificate's
//! own `-----BEGIN` line when the PEM text is written in the value, else at
//! the value. Messages name the subject and the date or key size; they
//! never quote the value, so key material next to a certificate is never
//! printed. Dates are judged against [`UnitCtx::today`], never the clock.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde_json::Value as Json;
use sha2::{Digest, Sha256};
use x509_parser::der_parser::der::parse_der_integer;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::AlgorithmIdentifier;

use super::{Hit, param_strings};
use crate::date::Date;
use crate::encoding::base64_decode;
use crate::engine::run::{Target, UnitCtx};
use crate::model::{FileIdx, Node, Value};
use crate::source::Span;

/// PEM labels that hold one X.509 certificate (RFC 7468 and the legacy
/// OpenSSL forms).
const PEM_LABELS: &[&str] = &["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];

/// Shortest base64 text worth decoding: a DER certificate is several hundred
/// bytes, a PEM one more.
const MIN_BASE64_LEN: usize = 200;

/// Annotations that repeat the object they annotate (`kubectl apply`): a
/// certificate there is the one already reported in the object.
const COPY_ANNOTATIONS: &[&str] = &["kubectl.kubernetes.io/last-applied-configuration"];

/// The public key of a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    /// RSA with the modulus size in bits.
    Rsa(u32),
    /// Elliptic curve with the field size in bits and the curve name, if known.
    Ec(u32, Option<&'static str>),
    /// DSA with the size of its prime `p` in bits.
    Dsa(u32),
    /// Ed25519, Ed448 or a key type this module does not judge.
    Other(String),
}

/// What the checks need to know about one certificate.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// The subject as shown in messages: `CN=...`, else the first DNS name,
    /// else the whole subject.
    pub subject: String,
    /// The issuer: `CN=...`, else the whole name.
    pub issuer: String,
    /// The day of `notAfter` (UTC).
    pub not_after: Date,
    /// The public key.
    pub key: KeyKind,
    /// The signature algorithm's name (`sha1WithRSAEncryption`).
    pub signature: String,
    /// The digest of the signature algorithm (`md5`, `sha1`, `sha256`), if known.
    pub digest: Option<&'static str>,
    /// Subject and issuer are the same name: a root or a self-signed
    /// certificate, whose own signature no client verifies.
    pub self_issued: bool,
    /// Whether the certificate is a CA (basic constraints).
    pub is_ca: bool,
    /// SHA-256 of the DER encoding, hex.
    pub fingerprint: String,
}

/// A certificate found in a string value.
#[derive(Debug, Clone)]
pub struct Found {
    /// The certificate.
    pub cert: Certificate,
    /// Its index among the PEM certificate blocks written in the value's
    /// text (`None` when it came from decoded base64).
    pub pem_index: Option<usize>,
}

/// A certificate with the place to report it.
#[derive(Debug)]
struct Located {
    cert: Certificate,
    file: FileIdx,
    span: Span,
    /// The attribute or key path holding it (`data.tls.crt`).
    path: String,
}

/// Parse one DER certificate at the start of `der`; the number of bytes it
/// takes is returned with it.
#[must_use]
pub fn parse_der(der: &[u8]) -> Option<(Certificate, usize)> {
    let (rest, x) = X509Certificate::from_der(der).ok()?;
    let used = der.len().checked_sub(rest.len())?;
    let tbs = &x.tbs_certificate;
    let not_after =
        Date::from_days_since_epoch(tbs.validity.not_after.timestamp().div_euclid(86_400));
    let (signature, digest) = signature_algorithm(&x.signature_algorithm);
    let fingerprint = hex::encode(Sha256::digest(der.get(..used)?));
    let cert = Certificate {
        subject: shown_name(&x, true),
        issuer: shown_name(&x, false),
        not_after,
        key: key_kind(&x),
        signature,
        digest,
        self_issued: tbs.subject.as_raw() == tbs.issuer.as_raw(),
        is_ca: x.is_ca(),
        fingerprint,
    };
    Some((cert, used))
}

/// `CN=...` of the subject (or issuer); for the subject without a common
/// name, its first DNS name; else the whole name.
fn shown_name(x: &X509Certificate<'_>, subject: bool) -> String {
    let name = if subject { x.subject() } else { x.issuer() };
    let cn = name.iter_common_name().find_map(|a| a.as_str().ok());
    let text = match cn {
        Some(cn) => format!("CN={cn}"),
        None => {
            let dns = subject
                .then(|| x.subject_alternative_name().ok().flatten())
                .flatten()
                .and_then(|san| {
                    san.value.general_names.iter().find_map(|g| match g {
                        x509_parser::extensions::GeneralName::DNSName(d) => Some(d.to_string()),
                        _ => None,
                    })
                });
            match dns {
                Some(d) => format!("DNS:{d}"),
                None => name.to_string(),
            }
        }
    };
    let clean: String = text.chars().filter(|c| !c.is_control()).take(120).collect();
    if clean.is_empty() {
        "(empty subject)".to_string()
    } else {
        clean
    }
}

/// Named curves by OID with their size in bits.
const CURVES: &[(&str, &str, u32)] = &[
    ("1.2.840.10045.3.1.1", "P-192", 192),
    ("1.3.132.0.33", "P-224", 224),
    ("1.2.840.10045.3.1.7", "P-256", 256),
    ("1.3.132.0.34", "P-384", 384),
    ("1.3.132.0.35", "P-521", 521),
    ("1.3.132.0.10", "secp256k1", 256),
    ("1.3.132.0.8", "secp160r1", 160),
    ("1.3.132.0.9", "secp160k1", 160),
    ("1.3.132.0.30", "secp160r2", 160),
    ("1.3.132.0.31", "secp192k1", 192),
    ("1.3.132.0.32", "secp224k1", 224),
    ("1.3.36.3.3.2.8.1.1.1", "brainpoolP160r1", 160),
    ("1.3.36.3.3.2.8.1.1.3", "brainpoolP192r1", 192),
    ("1.3.36.3.3.2.8.1.1.5", "brainpoolP224r1", 224),
    ("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1", 256),
    ("1.3.36.3.3.2.8.1.1.9", "brainpoolP320r1", 320),
    ("1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1", 384),
    ("1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1", 512),
];

/// Bit length of a big-endian unsigned integer.
fn bit_length(bytes: &[u8]) -> u32 {
    let Some(pos) = bytes.iter().position(|b| *b != 0) else {
        return 0;
    };
    let significant = bytes.get(pos..).unwrap_or_default();
    let lead = significant.first().map_or(0, |b| b.leading_zeros());
    u32::try_from(significant.len())
        .unwrap_or(u32::MAX / 8)
        .saturating_mul(8)
        .saturating_sub(lead)
}

fn key_kind(x: &X509Certificate<'_>) -> KeyKind {
    let spki = x.public_key();
    let algorithm = spki.algorithm.algorithm.to_id_string();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyKind::Rsa(bit_length(rsa.modulus)),
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| oid.to_id_string())
                .and_then(|oid| CURVES.iter().find(|(o, _, _)| *o == oid));
            match curve {
                Some((_, name, bits)) => KeyKind::Ec(*bits, Some(name)),
                None => match u32::try_from(point.key_size()) {
                    Ok(bits) if bits > 0 => KeyKind::Ec(bits, None),
                    _ => KeyKind::Other(algorithm),
                },
            }
        }
        Ok(PublicKey::DSA(y)) => {
            // The size of a DSA key is that of its prime `p`, the first of
            // the domain parameters (RFC 3279); the public value is a little
            // shorter at times.
            let p = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|params| parse_der_integer(params.data).ok())
                .and_then(|(_, p)| p.as_slice().ok().map(bit_length));
            KeyKind::Dsa(p.unwrap_or_else(|| bit_length(y).div_ceil(8) * 8))
        }
        _ => KeyKind::Other(match algorithm.as_str() {
            "1.3.101.112" => "Ed25519".to_string(),
            "1.3.101.113" => "Ed448".to_string(),
            _ => algorithm,
        }),
    }
}

/// Signature algorithms by OID: name and digest.
const SIGNATURES: &[(&str, &str, &str)] = &[
    ("1.2.840.113549.1.1.2", "md2WithRSAEncryption", "md2"),
    ("1.2.840.113549.1.1.3", "md4WithRSAEncryption", "md4"),
    ("1.2.840.113549.1.1.4", "md5WithRSAEncryption", "md5"),
    ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption", "sha1"),
    ("1.3.14.3.2.3", "md5WithRSA", "md5"),
    ("1.3.14.3.2.29", "sha1WithRSA", "sha1"),
    ("1.3.14.3.2.27", "dsaWithSHA1", "sha1"),
    ("1.2.840.10040.4.3", "dsaWithSHA1", "sha1"),
    ("1.2.840.10045.4.1", "ecdsa-with-SHA1", "sha1"),
    ("1.2.840.113549.1.1.14", "sha224WithRSAEncryption", "sha224"),
    ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption", "sha256"),
    ("1.2.840.113549.1.1.12", "sha384WithRSAEncryption", "sha384"),
    ("1.2.840.113549.1.1.13", "sha512WithRSAEncryption", "sha512"),
    ("2.16.840.1.101.3.4.3.1", "dsa-with-SHA224", "sha224"),
    ("2.16.840.1.101.3.4.3.2", "dsa-with-SHA256", "sha256"),
    ("1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "sha224"),
    ("1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "sha256"),
    ("1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "sha384"),
    ("1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "sha512"),
    ("1.3.101.112", "Ed25519", "sha512"),
    ("1.3.101.113", "Ed448", "shake256"),
];

/// Hash algorithms by OID (RSASSA-PSS parameters).
const DIGESTS: &[(&str, &str)] = &[
    ("1.2.840.113549.2.2", "md2"),
    ("1.2.840.113549.2.5", "md5"),
    ("1.3.14.3.2.26", "sha1"),
    ("2.16.840.1.101.3.4.2.4", "sha224"),
    ("2.16.840.1.101.3.4.2.1", "sha256"),
    ("2.16.840.1.101.3.4.2.2", "sha384"),
    ("2.16.840.1.101.3.4.2.3", "sha512"),
];

const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";

fn signature_algorithm(alg: &AlgorithmIdentifier<'_>) -> (String, Option<&'static str>) {
    let oid = alg.algorithm.to_id_string();
    if let Some((_, name, digest)) = SIGNATURES.iter().find(|(o, _, _)| *o == oid) {
        return ((*name).to_string(), Some(digest));
    }
    if oid == RSASSA_PSS {
        // The hash is a parameter, SHA-1 when absent (RFC 4055).
        let digest = alg
            .parameters
            .as_ref()
            .and_then(|p| RsaSsaPssParams::try_from(p).ok())
            .map(|p| p.hash_algorithm_oid().to_id_string())
            .and_then(|h| DIGESTS.iter().find(|(o, _)| *o == h).map(|(_, d)| *d));
        let name = match digest {
            Some(d) => format!("RSASSA-PSS with {}", digest_name(d)),
            None => "RSASSA-PSS".to_string(),
        };
        return (name, digest);
    }
    (oid, None)
}

/// A PEM certificate block in a text: where its `-----BEGIN` line starts,
/// where its `-----END` line ends, and its base64 body.
#[derive(Debug, Clone, Copy)]
struct PemBlock<'a> {
    begin: usize,
    end: usize,
    body: &'a str,
}

/// Every PEM block with a certificate label, in order, whether or not its
/// body decodes.
fn pem_blocks(text: &str) -> Vec<PemBlock<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text.get(from..).and_then(|t| t.find("-----BEGIN ")) {
        let begin = from + rel;
        let after = begin + "-----BEGIN ".len();
        let Some(label_len) = text.get(after..).and_then(|t| t.find("-----")) else {
            break;
        };
        let label = text.get(after..after + label_len).unwrap_or_default();
        if !PEM_LABELS.contains(&label) {
            // Labels are short and on one line: look again right after `BEGIN`.
            from = after;
            continue;
        }
        let body_start = after + label_len + "-----".len();
        let rest = text.get(body_start..).unwrap_or_default();
        // A block ends before the next one begins; one without its END line
        // is skipped.
        let window = rest.find("-----BEGIN ").unwrap_or(rest.len());
        let end_marker = format!("-----END {label}-----");
        let Some(body_len) = rest.get(..window).and_then(|w| w.find(&end_marker)) else {
            from = body_start + window;
            continue;
        };
        let body = rest.get(..body_len).unwrap_or_default();
        let end = body_start + body_len + end_marker.len();
        out.push(PemBlock { begin, end, body });
        from = end;
    }
    out
}

/// Whether a byte is in the standard base64 alphabet.
fn is_base64_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

/// The certificate of a PEM block, if its body decodes and parses.
fn pem_certificate(block: &PemBlock<'_>) -> Option<Certificate> {
    // PEM pasted with escaped line breaks (`\n` written as two characters).
    let body = if block.body.contains("\\n") {
        std::borrow::Cow::Owned(block.body.replace("\\n", "\n").replace("\\r", ""))
    } else {
        std::borrow::Cow::Borrowed(block.body)
    };
    let der = base64_decode(&body)?;
    // `TRUSTED CERTIFICATE` appends trust settings after the certificate.
    parse_der(&der).map(|(c, _)| c)
}

/// Whether the text is long enough and written in the base64 alphabet only.
fn looks_base64(text: &str) -> bool {
    let t = text.trim();
    t.len() >= MIN_BASE64_LEN
        && t.bytes()
            .all(|c| c.is_ascii_whitespace() || c == b'=' || is_base64_byte(c))
}

/// Every certificate in a string value: PEM blocks written in it, else the
/// PEM or DER certificate its base64 decodes to.
#[must_use]
pub fn certificates_in(text: &str) -> Vec<Found> {
    // Called on every string value: one searcher built once, SIMD scans.
    static BEGIN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("-----BEGIN "));
    if BEGIN.find(text.as_bytes()).is_some() {
        return pem_blocks(text)
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                pem_certificate(b).map(|cert| Found {
                    cert,
                    pem_index: Some(i),
                })
            })
            .collect();
    }
    if !looks_base64(text) {
        return Vec::new();
    }
    let Some(bytes) = base64_decode(text) else {
        return Vec::new();
    };
    if let Ok(decoded) = std::str::from_utf8(&bytes) {
        if BEGIN.find(decoded.as_bytes()).is_some() {
            return pem_blocks(decoded)
                .iter()
                .filter_map(pem_certificate)
                .map(|cert| Found {
                    cert,
                    pem_index: None,
                })
                .collect();
        }
    }
    // Exactly one DER certificate and nothing else: anything less strict
    // would guess.
    match parse_der(&bytes) {
        Some((cert, used)) if used == bytes.len() => vec![Found {
            cert,
            pem_index: None,
        }],
        _ => Vec::new(),
    }
}

/// Where the `index`-th PEM certificate block of a value is written, when
/// the source text of the value holds the same blocks (a YAML block scalar,
/// a heredoc, a quoted string); `None` when it does not (`file()`, a
/// variable rendered into a template).
fn block_span(source: &str, span: Span, index: usize, value_blocks: usize) -> Option<Span> {
    let blocks = pem_blocks(source);
    if blocks.len() != value_blocks {
        return None;
    }
    let b = blocks.get(index)?;
    let start = span.start as usize + b.begin;
    Some(Span::new(start, span.start as usize + b.end))
}

/// Every certificate in the known string values under `root`.
fn collect(root: &Node, unit: &UnitCtx<'_>, out: &mut Vec<Located>) {
    root.walk(&mut |path, node| {
        let Value::String(text) = &node.value else {
            return;
        };
        if path.len() >= 3
            && path.first() == Some(&"metadata")
            && path.get(1) == Some(&"annotations")
            && path.get(2).is_some_and(|a| COPY_ANNOTATIONS.contains(a))
        {
            return;
        }
        let found = certificates_in(text);
        if found.is_empty() {
            return;
        }
        let value_blocks = pem_blocks(text).len();
        let source = unit
            .files
            .get(node.file as usize)
            .map_or("", |f| f.slice(node.span));
        for f in found {
            let span = f
                .pem_index
                .and_then(|i| block_span(source, node.span, i, value_blocks))
                .unwrap_or(node.span);
            out.push(Located {
                cert: f.cert,
                file: node.file,
                span,
                path: path.join("."),
            });
        }
    });
}

/// The certificates of the target being checked, found once for every
/// certificate check that looks at it (each would walk the whole target).
/// [`crate::engine::run::run_target`] empties it before each target.
/// The slot is keyed by the target's address as well, so that a caller that
/// forgets to empty it gets the right answer, only slower.
#[derive(Debug, Default)]
pub struct TargetCertificates(Mutex<Option<(usize, Arc<[Located]>)>>);

impl TargetCertificates {
    /// Forget the certificates of the previous target.
    pub fn clear(&self) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = None;
        }
    }

    /// The certificates of `target`, found on the first call for it.
    fn of(&self, target: &Target<'_>, unit: &UnitCtx<'_>) -> Arc<[Located]> {
        let key = match target {
            Target::K8sObject(o) => std::ptr::from_ref(*o).addr(),
            Target::TfBlock(b) => std::ptr::from_ref(*b).addr(),
            _ => 0,
        };
        let Ok(mut slot) = self.0.lock() else {
            return located(target, unit).into();
        };
        match &*slot {
            Some((k, found)) if *k == key => Arc::clone(found),
            _ => {
                let found: Arc<[Located]> = located(target, unit).into();
                *slot = Some((key, Arc::clone(&found)));
                found
            }
        }
    }
}

/// The certificates of a target, each with the place to report it.
fn located(target: &Target<'_>, unit: &UnitCtx<'_>) -> Vec<Located> {
    let mut out = Vec::new();
    match target {
        Target::K8sObject(o) => collect(&o.root, unit, &mut out),
        Target::TfBlock(b) => {
            // A module evaluated here passes its arguments to its own
            // resources, which are checked themselves: only the arguments of
            // modules from outside the repository are looked at.
            let evaluated = b.kind == "module"
                && unit
                    .tf_blocks
                    .iter()
                    .any(|c| c.called_from == Some((b.file, b.header_span())));
            if !evaluated {
                collect(&b.body, unit, &mut out);
            }
        }
        _ => {}
    }
    let (file, default) = target.default_location();
    for l in &mut out {
        // Values without a location of their own (built by evaluation).
        if l.span == Span::default() {
            l.file = file;
            l.span = default;
        }
    }
    out
}

fn hit(target: &Target<'_>, l: &Located, message: String) -> Hit {
    let place = if l.path.is_empty() {
        String::new()
    } else {
        format!(" (`{}`)", l.path)
    };
    Hit {
        file: l.file,
        span: l.span,
        message: Some(format!(
            "{}{place}: {}certificate `{}` {message}",
            target.resource(),
            if l.cert.is_ca { "CA " } else { "" },
            l.cert.subject
        )),
        evidence: Some(format!("{}:{}", l.path, l.cert.fingerprint)),
        ..Hit::default()
    }
}

fn param_number(params: &BTreeMap<String, Json>, key: &str, default: i64) -> i64 {
    super::param_int(params, key).unwrap_or(default)
}

/// BH0703: certificates whose `notAfter` day is before the scan date.
pub fn expired(target: &Target<'_>, _: &BTreeMap<String, Json>, unit: &UnitCtx<'_>) -> Vec<Hit> {
    unit.certificates
        .of(target, unit)
        .iter()
        .filter(|l| l.cert.not_after < unit.today)
        .map(|l| hit(target, l, format!("expired on {}", l.cert.not_after)))
        .collect()
}

/// BH0704: certificates that expire within `expiry_window_days` of the scan
/// date (expired ones are BH0703's).
pub fn expiring(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let window = param_number(params, "expiry_window_days", 30).max(0);
    unit.certificates
        .of(target, unit)
        .iter()
        .filter_map(|l| {
            let left = unit.today.days_until(l.cert.not_after);
            (0..=window).contains(&left).then(|| {
                let when = match left {
                    0 => "on the scan date".to_string(),
                    1 => "1 day after the scan date".to_string(),
                    n => format!("{n} days after the scan date"),
                };
                hit(
                    target,
                    l,
                    format!(
                        "expires on {}, {when} (window: {window} days)",
                        l.cert.not_after
                    ),
                )
            })
        })
        .collect()
}

/// Why a key is weak, if it is.
fn weak_key_reason(key: &KeyKind, min_rsa: i64, min_ec: i64) -> Option<String> {
    match key {
        KeyKind::Rsa(bits) if i64::from(*bits) < min_rsa => {
            Some(format!("has a {bits}-bit RSA key (minimum {min_rsa} bits)"))
        }
        KeyKind::Ec(bits, curve) if i64::from(*bits) < min_ec => Some(match curve {
            Some(c) => {
                format!("has a {bits}-bit elliptic-curve key on {c} (minimum {min_ec} bits)")
            }
            None => format!("has a {bits}-bit elliptic-curve key (minimum {min_ec} bits)"),
        }),
        KeyKind::Dsa(bits) => Some(format!(
            "has a {bits}-bit DSA key (DSA is no longer approved for signatures, FIPS 186-5)"
        )),
        _ => None,
    }
}

/// BH0705: certificates with RSA keys under `min_rsa_bits`, elliptic-curve
/// keys under `min_ec_bits`, or DSA keys.
pub fn weak_key(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let min_rsa = param_number(params, "min_rsa_bits", 2048);
    let min_ec = param_number(params, "min_ec_bits", 256);
    unit.certificates
        .of(target, unit)
        .iter()
        .filter_map(|l| {
            weak_key_reason(&l.cert.key, min_rsa, min_ec).map(|why| hit(target, l, why))
        })
        .collect()
}

/// `MD5`, `SHA-1`: a digest as people write it.
fn digest_name(digest: &str) -> String {
    match digest.strip_prefix("sha") {
        Some(bits) => format!("SHA-{bits}"),
        None => digest.to_ascii_uppercase(),
    }
}

/// BH0706: certificates signed with a digest of `weak_digests` (MD2, MD4,
/// MD5, SHA-1). Self-issued certificates (roots, self-signed) are left out:
/// their own signature is never verified, trust in them is configured.
pub fn weak_signature(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let mut weak = param_strings(params, "weak_digests");
    if weak.is_empty() {
        weak = ["md2", "md4", "md5", "sha1"].map(String::from).to_vec();
    }
    unit.certificates
        .of(target, unit)
        .iter()
        .filter(|l| !l.cert.self_issued)
        .filter_map(|l| {
            let digest = l.cert.digest?;
            weak.iter()
                .any(|w| w.eq_ignore_ascii_case(digest))
                .then(|| {
                    hit(
                        target,
                        l,
                        format!(
                            "is signed with {} by `{}`: {} signatures can be forged",
                            l.cert.signature,
                            l.cert.issuer,
                            digest_name(digest)
                        ),
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test certificates: see `testdata/certificates/make-certificates.sh`.
    macro_rules! pem {
        ($name:literal) => {
            include_str!(concat!("../../testdata/certificates/", $name, ".pem"))
        };
    }

    fn one(text: &str) -> Certificate {
        let found = certificates_in(text);
        assert_eq!(found.len(), 1, "{text}");
        found
            .into_iter()
            .next()
            .map(|f| f.cert)
            .expect("one certificate")
    }

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn reads_subject_dates_and_keys() {
        let c = one(pem!("expired-ec"));
        assert_eq!(c.subject, "CN=legacy.example.com");
        assert_eq!(c.not_after, date("2020-01-01"));
        assert_eq!(c.key, KeyKind::Ec(256, Some("P-256")));
        assert_eq!(c.digest, Some("sha256"));
        assert!(c.self_issued && !c.is_ca);
        assert_eq!(c.fingerprint.len(), 64);

        let c = one(pem!("valid-ec"));
        assert_eq!(c.issuer, "CN=Example Root CA");
        assert_eq!(c.not_after, date("2099-12-31"));
        assert!(!c.self_issued);
        assert!(one(pem!("root-ec")).is_ca);

        assert_eq!(one(pem!("rsa1024")).key, KeyKind::Rsa(1024));
        assert_eq!(one(pem!("rsa2048")).key, KeyKind::Rsa(2048));
        assert_eq!(one(pem!("ec-p224")).key, KeyKind::Ec(224, Some("P-224")));
        assert_eq!(one(pem!("ec-p192")).key, KeyKind::Ec(192, Some("P-192")));
        assert_eq!(one(pem!("dsa")).key, KeyKind::Dsa(2048));
        assert_eq!(one(pem!("ed25519")).key, KeyKind::Other("Ed25519".into()));
    }

    #[test]
    fn reads_signature_digests() {
        let digest = |t: &str| one(t).digest;
        assert_eq!(digest(pem!("md5-leaf")), Some("md5"));
        assert_eq!(digest(pem!("sha1-leaf-rsa")), Some("sha1"));
        assert_eq!(digest(pem!("sha1-leaf-ec")), Some("sha1"));
        assert_eq!(digest(pem!("root-rsa-sha1")), Some("sha1"));
        assert!(one(pem!("root-rsa-sha1")).self_issued);
        // RSASSA-PSS without a hash parameter means SHA-1.
        let pss = one(pem!("pss-sha1"));
        assert_eq!(
            (pss.digest, pss.signature.as_str()),
            (Some("sha1"), "RSASSA-PSS with SHA-1")
        );
        assert_eq!(digest(pem!("pss-sha256")), Some("sha256"));
        assert_eq!(digest(pem!("ed25519")), Some("sha512"));
        assert_eq!(digest(pem!("dsa")), Some("sha256"));
    }

    #[test]
    fn judges_every_certificate_of_a_bundle() {
        let bundle = format!(
            "# CA bundle\n{}{}\n{}",
            pem!("root-ec"),
            pem!("expired-ca-ec"),
            pem!("valid-ec")
        );
        let found = certificates_in(&bundle);
        let subjects: Vec<(&str, Option<usize>)> = found
            .iter()
            .map(|f| (f.cert.subject.as_str(), f.pem_index))
            .collect();
        assert_eq!(
            subjects,
            [
                ("CN=Example Root CA", Some(0)),
                ("CN=Example Old Intermediate CA", Some(1)),
                ("CN=api.example.com", Some(2)),
            ]
        );
    }

    #[test]
    fn private_keys_and_broken_blocks_are_not_certificates() {
        let text = format!(
            "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n\
             -----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUWk9h\n-----END CERTIFICATE-----\n\
             -----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n\
             -----BEGIN CERTIFICATE-----\nMIIB\n{}",
            pem!("valid-ec")
        );
        // The unterminated block swallows nothing: the next one still counts.
        let found = certificates_in(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cert.subject, "CN=api.example.com");
        assert!(certificates_in("-----BEGIN CERTIFICATE-----").is_empty());
        assert!(certificates_in("-----BEGIN ").is_empty());
        // A stray marker does not hide the certificate after it.
        let stray = format!("-----BEGIN RSA\n{}", pem!("valid-ec"));
        assert_eq!(certificates_in(&stray).len(), 1);
        assert!(
            certificates_in("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----").is_empty()
        );
    }

    fn base64(bytes: &[u8]) -> String {
        crate::encoding::base64_encode(bytes)
    }

    #[test]
    fn finds_certificates_in_base64() {
        let pem = pem!("expired-ec");
        let found = certificates_in(&base64(pem.as_bytes()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pem_index, None);
        assert_eq!(found[0].cert.subject, "CN=legacy.example.com");
        // DER, as Azure's `public_cert_data` takes it, with line breaks.
        let body: String = pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(certificates_in(&body).len(), 1);
        // Anything after the certificate: not a certificate value.
        let der = base64_decode(&body).expect("base64");
        let mut longer = der.clone();
        longer.extend_from_slice(b"trailing");
        assert!(certificates_in(&base64(&longer)).is_empty());
        // Base64 of something else.
        assert!(certificates_in(&base64(&[7u8; 300])).is_empty());
        assert!(certificates_in(&"A".repeat(301)).is_empty());
    }

    #[test]
    fn escaped_line_breaks() {
        let escaped = pem!("valid-ec").replace('\n', "\\n");
        assert_eq!(certificates_in(&escaped).len(), 1);
    }

    #[test]
    fn locates_blocks_in_the_source_text() {
        let value = format!("{}{}", pem!("root-ec"), pem!("expired-ec"));
        let source = format!("|\n  {}", value.replace('\n', "\n  "));
        let span = Span::new(100, 100 + source.len());
        let second = block_span(&source, span, 1, 2).expect("second block");
        let text = source
            .get(second.start as usize - 100..second.end as usize - 100)
            .expect("in range");
        assert!(text.starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(text.ends_with("-----END CERTIFICATE-----"));
        // The source does not hold the blocks (`file()`): no block location.
        assert!(block_span("file(\"ca.pem\")", span, 0, 2).is_none());
    }

    #[test]
    fn weak_keys() {
        let reason = |k: KeyKind| weak_key_reason(&k, 2048, 256);
        assert!(reason(KeyKind::Rsa(1024)).is_some_and(|r| r.contains("1024-bit RSA")));
        assert!(reason(KeyKind::Rsa(2048)).is_none());
        assert!(reason(KeyKind::Rsa(4096)).is_none());
        assert!(reason(KeyKind::Ec(224, Some("P-224"))).is_some_and(|r| r.contains("P-224")));
        assert!(reason(KeyKind::Ec(256, Some("P-256"))).is_none());
        assert!(reason(KeyKind::Ec(521, Some("P-521"))).is_none());
        assert!(reason(KeyKind::Dsa(2048)).is_some());
        assert!(reason(KeyKind::Other("Ed25519".into())).is_none());
        assert!(weak_key_reason(&KeyKind::Rsa(2048), 3072, 256).is_some());
    }

    #[test]
    fn many_unterminated_blocks_take_linear_time() {
        let text = "-----BEGIN CERTIFICATE-----\nMIIB\n".repeat(50_000);
        let started = std::time::Instant::now();
        assert!(certificates_in(&text).is_empty());
        let text = format!("{}-----END CERTIFICATE-----", text);
        assert!(certificates_in(&text).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "-----BEGIN CERTIFICATE-----\n====\n-----END CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----",
            "-----BEGIN -----END ",
            "-----BEGIN CERTIFICATE----------END CERTIFICATE-----",
            "-----BEGIN -----BEGIN -----BEGIN CERTIFICATE-----",
        ] {
            let _ = certificates_in(text);
        }
        let der = base64_decode(
            &pem!("rsa2048")
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect::<String>(),
        )
        .expect("base64");
        for cut in 0..der.len() {
            let _ = parse_der(der.get(..cut).unwrap_or_default());
            let mut flipped = der.clone();
            if let Some(b) = flipped.get_mut(cut) {
                *b ^= 0x5a;
            }
            let _ = parse_der(&flipped);
        }
    }
}
