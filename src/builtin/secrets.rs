//! Secret detection shared by the Terraform, Kubernetes and Dockerfile
//! checks: secret-looking names with literal values, and well-known token
//! formats anywhere. Values are never copied into messages.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

static SECRET_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[_\-.])(password|passwd|pwd|pass|secret|secret[_\-]?key|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|client[_\-]?secret|auth[_\-]?token|credentials?|connection[_\-]?string)($|[_\-.])",
    )
    .expect("static regex")
});

static NOT_SECRET_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(_file|_path|_dir|_name|_id|_arn|_length|_policy|_version|_enabled|_rotation|_ttl|_url|_uri|_length|_type|_header|_expiry|_kms_key.*|_ref|_key_id|_secret_name|_endpoint|_count)$|^(secret_?ref|secretKeyRef|token_?url|password_?policy|passwordless)",
    )
    .expect("static regex")
});

/// A word that every name [`is_secret_name`] accepts holds (each alternative
/// of its pattern contains one of them): a text without it names no secret,
/// a cheap scan before any line is parsed. Keep the two in step.
pub static SECRET_NAME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)pass|pwd|secret|token|key|credential|connection").expect("static regex")
});

/// Known token formats: (description, pattern), looked for in one pass.
const KNOWN_FORMATS: [(&str, &str); 6] = [
    ("AWS access key id", r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    ("private key", r"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
    ("GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    ("Slack token", r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    ("Google API key", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    ("Stripe secret key", r"\bsk_live_[0-9a-zA-Z]{24,}\b"),
];

static KNOWN_FORMAT_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(KNOWN_FORMATS.iter().map(|(_, p)| p)).expect("static regex"));

/// Whether a key or variable name says it holds a secret.
#[must_use]
pub fn is_secret_name(name: &str) -> bool {
    SECRET_NAME.is_match(name) && !NOT_SECRET_NAME.is_match(name)
}

/// The kind of well-known secret format a value contains.
#[must_use]
pub fn known_format(value: &str) -> Option<&'static str> {
    // Nearly no value holds one: `is_match` rejects them with the set's
    // literal prefilter, where `matches` runs every pattern over every value.
    if !KNOWN_FORMAT_SET.is_match(value) {
        return None;
    }
    KNOWN_FORMAT_SET
        .matches(value)
        .iter()
        .next()
        .map(|i| KNOWN_FORMATS[i].0)
}

/// Whether a value is a placeholder, a reference or empty rather than a secret.
#[must_use]
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim();
    if v.len() < 4 {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    v.starts_with('$')
        || v.contains("${")
        || v.contains("{{")
        || v.starts_with('<') && v.ends_with('>')
        || lower.starts_with("arn:")
        || lower.starts_with("projects/")
        || lower.starts_with("/run/secrets")
        || lower.starts_with("vault:")
        || lower.starts_with("ssm:")
        || lower.starts_with("secretsmanager:")
        || lower.starts_with("file:")
        || lower.starts_with("/")
        || matches!(
            lower.as_str(),
            "changeme"
                | "change_me"
                | "placeholder"
                | "redacted"
                | "xxxx"
                | "xxxxxx"
                | "none"
                | "null"
                | "true"
                | "false"
                | "example"
                | "dummy"
                | "test"
        )
        || lower.chars().all(|c| c == 'x' || c == '*' || c == '.')
}

/// A stable digest of a secret, so fingerprints never carry the value.
#[must_use]
pub fn digest(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(secret.as_bytes())[..6])
}

/// Shannon entropy in bits per character.
#[must_use]
pub fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let mut n = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// Why `value` under `name` is a hard-coded secret, if it is one.
#[must_use]
pub fn classify(name: &str, value: &str) -> Option<String> {
    if let Some(kind) = known_format(value) {
        return Some(format!("the value matches the {kind} format"));
    }
    if is_secret_name(name) && !is_placeholder(value) {
        return Some(format!("`{name}` is set to a literal value"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values() {
        assert!(is_secret_name("DB_PASSWORD"));
        assert!(is_secret_name("api_key"));
        assert!(is_secret_name("master_password"));
        assert!(!is_secret_name("password_file"));
        assert!(!is_secret_name("PASSWORD_PATH"));
        assert!(!is_secret_name("kms_key_id"));
        assert!(!is_secret_name("compass"));
        assert!(classify("x", "AKIAIOSFODNN7EXAMPLE").is_some());
        assert!(classify("password", "${var.pw}").is_none());
        assert!(classify("password", "S3cr3t-Pa55").is_some());
        assert!(classify("password", "changeme").is_none());
        assert!(entropy("aaaa") < 0.1);
    }

    /// `SECRET_NAME_WORD` is a prefilter: every name `is_secret_name`
    /// accepts must hold one of its words, whatever the case and separators.
    #[test]
    fn every_secret_name_holds_a_prefilter_word() {
        let cores = [
            "password",
            "passwd",
            "pwd",
            "pass",
            "secret",
            "secret_key",
            "secret-key",
            "secretkey",
            "token",
            "api_key",
            "api-key",
            "apikey",
            "access_key",
            "accesskey",
            "private-key",
            "client_secret",
            "clientsecret",
            "auth_token",
            "auth-token",
            "credential",
            "credentials",
            "connection_string",
            "connectionstring",
        ];
        let mut accepted = 0;
        for core in cores {
            for prefix in ["", "db_", "x.", "my-app_"] {
                for suffix in ["", "_value", ".b64", "-2"] {
                    for case in [core.to_string(), core.to_uppercase(), capitalise(core)] {
                        let name = format!("{prefix}{case}{suffix}");
                        if is_secret_name(&name) {
                            accepted += 1;
                            assert!(SECRET_NAME_WORD.is_match(&name), "{name}");
                        }
                    }
                }
            }
        }
        assert!(accepted > 500, "{accepted}");
        assert!(!SECRET_NAME_WORD.is_match("\"title\": \"Requests per second\","));
    }

    fn capitalise(s: &str) -> String {
        s.split(['_', '-'])
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("_")
    }
}
