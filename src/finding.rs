//! Findings: a check that fired at a location, and what became of it
//! (suppressed, baselined) and by when it must be fixed.

use std::sync::Arc;

use crate::date::Date;
use crate::engine::catalogue::{Check, Severity};
use crate::source::{SourceRef, Span};

/// What accepted a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressedBy {
    /// A `bulkhead:ignore` comment.
    Comment,
    /// A `bulkhead.io/ignore` Kubernetes annotation.
    Annotation,
    /// A `[[suppressions.ignore]]` entry of `bulkhead.toml`.
    Config,
    /// An entry of the baseline file given with `--baseline`.
    Baseline,
}

impl SuppressedBy {
    /// The SARIF `suppression.kind`: `inSource` for comments and annotations,
    /// `external` for the configuration and the baseline.
    #[must_use]
    pub fn sarif_kind(self) -> &'static str {
        match self {
            SuppressedBy::Comment | SuppressedBy::Annotation => "inSource",
            SuppressedBy::Config | SuppressedBy::Baseline => "external",
        }
    }
}

/// Why a finding does not count: an accepted risk with its justification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// What accepted it.
    pub by: SuppressedBy,
    /// The documented justification.
    pub justification: String,
    /// Where the suppression is written: repository-relative path and 1-based line.
    pub at: Option<(String, u32)>,
    /// The last day the suppression holds, if it expires.
    pub until: Option<Date>,
}

/// The remediation deadline of a finding (policy A.5 section 10.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sla {
    /// When the finding was first seen: the baseline's date, else today.
    pub first_seen: Date,
    /// The due date; `None` when the policy sets none (low and info findings,
    /// moderate ones of non-critical applications).
    pub due: Option<Date>,
    /// Days from `first_seen` to `due`.
    pub days: Option<i64>,
    /// Whether the due date has passed.
    pub overdue: bool,
}

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
    pub message: Box<str>,
    /// Resource address or object identity (`aws_s3_bucket.logs`, `Deployment/web`).
    pub resource: Box<str>,
    /// Normalised offending text, for fingerprints (never printed for sensitive checks).
    pub evidence: Box<str>,
    /// Related locations.
    pub related: Vec<Related>,
    /// Environment class of the unit, when known.
    pub environment: Option<Box<str>>,
    /// Set when the finding is accepted (inline, by configuration or by the
    /// baseline): it is still reported, but does not fail the run. (Boxed:
    /// most findings have none, and a scan may hold hundreds of thousands.)
    pub suppression: Option<Box<Suppression>>,
    /// The remediation deadline, once assigned.
    pub sla: Option<Sla>,
}

impl Finding {
    /// Whether the finding counts: neither suppressed nor in the baseline.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.suppression.is_none()
    }

    /// Whether the finding is accepted inline or by configuration (not by the baseline).
    #[must_use]
    pub fn is_suppressed(&self) -> bool {
        self.suppression
            .as_ref()
            .is_some_and(|s| s.by != SuppressedBy::Baseline)
    }

    /// Whether the finding is hidden by the baseline.
    #[must_use]
    pub fn is_baselined(&self) -> bool {
        self.suppression
            .as_ref()
            .is_some_and(|s| s.by == SuppressedBy::Baseline)
    }

    /// Whether the finding is past its remediation deadline and not accepted
    /// inline or by configuration (baselined findings keep their deadline).
    #[must_use]
    pub fn is_overdue(&self) -> bool {
        !self.is_suppressed() && self.sla.is_some_and(|s| s.overdue)
    }

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
            &self.resource,
            &normalise(&self.evidence),
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        hex::encode(&h.finalize()[..8])
    }
}

/// Collapse whitespace so that reformatting does not change a fingerprint.
#[must_use]
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    /// A scan of a large repository holds every finding at once: keep them small.
    #[test]
    fn findings_stay_small() {
        assert!(std::mem::size_of::<super::Finding>() <= 176);
    }
}
