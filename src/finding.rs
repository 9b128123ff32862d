//! Findings: a check that fired at a location.

use std::sync::Arc;

use crate::engine::catalogue::{Check, Severity};
use crate::source::{SourceRef, Span};

/// Another place that explains a finding (the other environment, the module call).
#[derive(Debug, Clone)]
pub struct Related {
    /// The file.
    pub source: SourceRef,
    /// The location.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// A check that fired.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The check.
    pub check: Arc<Check>,
    /// Effective severity (after configuration).
    pub severity: Severity,
    /// The file of the primary location.
    pub source: SourceRef,
    /// The offending key or value.
    pub span: Span,
    /// What is wrong, naming the resource.
    pub message: String,
    /// Resource address or object identity (`aws_s3_bucket.logs`, `Deployment/web`).
    pub resource: String,
    /// Normalised offending text, for fingerprints (never printed for sensitive checks).
    pub evidence: String,
    /// Related locations.
    pub related: Vec<Related>,
    /// Environment class of the unit, when known.
    pub environment: Option<String>,
}

impl Finding {
    /// Sort key: path, start, check id, message.
    #[must_use]
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.source.path,
            self.span.start,
            self.span.end,
            &self.check.id,
            &self.message,
        )
    }

    /// A fingerprint that survives unrelated edits: a hash of the rule, the file,
    /// the resource address and the normalised offending text (not the line).
    #[must_use]
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [
            self.check.id.as_str(),
            self.source.path.as_str(),
            self.resource.as_str(),
            &normalise(&self.evidence),
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let digest = h.finalize();
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

/// Collapse whitespace so that reformatting does not change a fingerprint.
#[must_use]
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
