//! Baselines: the findings a repository already had when it adopted bulkhead,
//! recorded so that only new findings fail a run.
//!
//! `bulkhead baseline [PATH]... --output FILE` writes the open findings (not
//! those suppressed inline or by configuration) by fingerprint; `bulkhead scan
//! --baseline FILE` marks findings whose fingerprint is recorded as baselined:
//! they are still reported (in SARIF as suppressed with kind `external`) but
//! do not fail the run, and they keep the first-seen date of their entry, so
//! their remediation deadline keeps running. Entries that match no finding
//! any more are reported as fixed, so the baseline can be shrunk by writing it
//! again (entries that stay keep their first-seen date).
//!
//! Fingerprints hash the check, the file, the resource and the normalised
//! offending text, never the line ([`Finding::fingerprint`]), so inserting or
//! removing lines elsewhere in a file does not turn a known finding into a new
//! one. The file format (JSON):
//!
//! ```text
//! {
//!   "version": 1,
//!   "tool_version": "0.1.0",
//!   "generated": "2026-05-04",
//!   "entries": [
//!     {
//!       "fingerprint": "3f2a9c0d1e4b5a6f",
//!       "check_id": "BH0301",
//!       "path": "k8s/deploy.yaml",
//!       "resource": "Deployment/web container app",
//!       "first_seen": "2026-05-04"
//!     }
//!   ]
//! }
//! ```
//!
//! Entries are sorted by path, check, resource and fingerprint, one per
//! fingerprint, so the file diffs well in review.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::date::Date;
use crate::finding::{Finding, SuppressedBy, Suppression};

/// The format version written into `version`.
pub const FORMAT_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// Version of bulkhead that wrote the file.
    pub tool_version: String,
    /// The day the file was written.
    pub generated: Date,
    /// The recorded findings.
    pub entries: Vec<Entry>,
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// [`Finding::fingerprint`].
    pub fingerprint: String,
    /// Check id.
    pub check_id: String,
    /// Repository-relative path.
    pub path: String,
    /// Resource address or object identity.
    pub resource: String,
    /// The day the finding was first recorded.
    pub first_seen: Date,
}

/// What applying a baseline found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The baseline file, as given.
    pub path: String,
    /// Number of findings hidden by the baseline.
    pub baselined: usize,
    /// Entries that match no finding any more (in the scanned paths).
    pub fixed: Vec<Entry>,
}

impl Baseline {
    /// A baseline of the open findings. Entries of `previous` that still
    /// occur keep their first-seen date; new ones are first seen `today`.
    #[must_use]
    pub fn from_findings(
        findings: &[Box<Finding>],
        previous: Option<&Baseline>,
        today: Date,
        tool_version: &str,
    ) -> Baseline {
        let known: BTreeMap<&str, Date> = previous
            .map(|b| {
                b.entries
                    .iter()
                    .map(|e| (e.fingerprint.as_str(), e.first_seen))
                    .collect()
            })
            .unwrap_or_default();
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.is_open()) {
            let fingerprint = f.fingerprint();
            let first_seen = known.get(fingerprint.as_str()).copied().unwrap_or(today);
            entries.entry(fingerprint.clone()).or_insert(Entry {
                fingerprint,
                check_id: f.check.id.clone(),
                path: f.source.path.clone(),
                resource: f.resource.to_string(),
                first_seen,
            });
        }
        let mut b = Baseline {
            version: FORMAT_VERSION,
            tool_version: tool_version.to_string(),
            generated: today,
            entries: entries.into_values().collect(),
        };
        b.sort();
        b
    }

    /// Add the entries of `previous` for files outside the scanned paths
    /// (a scan of one folder must not drop the rest of the repository's entries).
    pub fn keep_outside(&mut self, previous: &Baseline, in_scope: &dyn Fn(&str) -> bool) {
        for e in &previous.entries {
            if !in_scope(&e.path) && !self.entries.iter().any(|x| x.fingerprint == e.fingerprint) {
                self.entries.push(e.clone());
            }
        }
        self.sort();
    }

    /// Sort the entries by path, check, resource and fingerprint.
    pub fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            (&a.path, &a.check_id, &a.resource, &a.fingerprint).cmp(&(
                &b.path,
                &b.check_id,
                &b.resource,
                &b.fingerprint,
            ))
        });
    }

    /// Parse a baseline file's text.
    ///
    /// # Errors
    /// Invalid JSON, missing or unknown fields, an unsupported version.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if b.version != FORMAT_VERSION {
            return Err(format!(
                "baseline format version {} is not supported (this bulkhead reads version {FORMAT_VERSION})",
                b.version
            ));
        }
        Ok(b)
    }

    /// Read a baseline file.
    ///
    /// # Errors
    /// An unreadable or invalid file, naming it.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        Baseline::parse(&text).map_err(|e| format!("baseline {}: {e}", path.display()))
    }

    /// The file text: pretty-printed JSON with a trailing newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Mark the findings the baseline records as baselined (findings already
    /// suppressed inline or by configuration stay as they are), give every
    /// finding its remediation deadline from its first-seen date, and list
    /// the entries that no longer occur among the files `in_scope` accepts.
    pub fn apply(
        &self,
        label: &str,
        findings: &mut [Box<Finding>],
        config: &Config,
        in_scope: &dyn Fn(&str) -> bool,
    ) -> Outcome {
        let by_fp: BTreeMap<&str, &Entry> = self
            .entries
            .iter()
            .map(|e| (e.fingerprint.as_str(), e))
            .collect();
        let mut matched: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        let mut first_seen: BTreeMap<String, Date> = BTreeMap::new();
        let mut baselined = 0;
        for f in findings.iter_mut() {
            let fp = f.fingerprint();
            let Some(e) = by_fp.get(fp.as_str()) else {
                continue;
            };
            matched.insert(e.fingerprint.as_str());
            first_seen.insert(fp, e.first_seen);
            if f.suppression.is_none() {
                baselined += 1;
                f.suppression = Some(Box::new(Suppression {
                    by: SuppressedBy::Baseline,
                    justification: format!(
                        "recorded in the baseline {label} (first seen {})",
                        e.first_seen
                    ),
                    at: None,
                    until: None,
                }));
            }
        }
        crate::sla::assign(findings, &config.application, config.today(), &|f| {
            first_seen.get(&f.fingerprint()).copied()
        });
        let fixed = self
            .entries
            .iter()
            .filter(|e| !matched.contains(e.fingerprint.as_str()) && in_scope(&e.path))
            .cloned()
            .collect();
        Outcome {
            path: label.to_string(),
            baselined,
            fixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_round_trip_and_reject_other_versions() {
        let b = Baseline {
            version: 1,
            tool_version: "0.1.0".into(),
            generated: Date::new(2026, 5, 4).unwrap(),
            entries: vec![Entry {
                fingerprint: "00ff".into(),
                check_id: "BH0301".into(),
                path: "k8s/a.yaml".into(),
                resource: "Pod/a container a".into(),
                first_seen: Date::new(2026, 1, 2).unwrap(),
            }],
        };
        let text = b.to_json();
        assert!(text.contains("\"first_seen\": \"2026-01-02\""), "{text}");
        assert_eq!(Baseline::parse(&text).unwrap(), b);
        let v2 = text.replace("\"version\": 1", "\"version\": 2");
        assert!(Baseline::parse(&v2).unwrap_err().contains("version 2"));
        assert!(Baseline::parse("{}").is_err());
    }
}
