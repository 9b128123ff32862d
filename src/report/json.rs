//! The JSON report (`--format json`): a stable format for tools and editor
//! plug-ins. This comment is the contract; fields are only ever added, and a
//! breaking change increments `version`.
//!
//! ```text
//! {
//!   "version": 1,                          // format version (integer)
//!   "tool": { "name": "bulkhead", "version": "0.1.0" },
//!   "summary": {
//!     "findings": 3,                       // number of entries in "findings"
//!     "by_severity": { "critical": 1, "high": 2, "medium": 0, "low": 0, "info": 0 },
//!                                          // open findings only (not suppressed, not baselined)
//!     "files_scanned": { "dockerfile": 1, "yaml": 2 },   // parsed files by kind (see below)
//!     "files_failed": 1,                   // files that could not be read or parsed
//!     "open": 3,                           // findings that count (fail the run)
//!     "suppressed": 0,                     // accepted inline or in bulkhead.toml
//!     "baselined": 0,                      // recorded in the --baseline file
//!     "overdue": 0                         // open or baselined, past their remediation deadline
//!   },
//!   "findings": [                          // sorted by path, position, check id
//!     {
//!       "check_id": "BH0301",              // stable check id
//!       "check_name": "privileged-container",
//!       "title": "Container runs privileged",
//!       "severity": "critical",            // effective: info | low | medium | high | critical
//!       "policy": ["A.5-3.3"],             // policy requirements the check enforces
//!       "path": "k8s/deploy.yaml",         // relative to the repository root, forward slashes
//!       "resource": "Deployment/web container app",
//!       "message": "container in ... runs privileged, ...",
//!       "environment": "production",       // environment class, or null when unknown
//!       "fingerprint": "3f2a9c0d1e4b5a6f", // 16 hex digits; stable across unrelated edits
//!       "start": { "line": 12, "column": 13 },
//!       "end":   { "line": 12, "column": 29 },
//!       "related": [                       // other locations that explain the finding
//!         { "path": "...", "message": "...", "start": {...}, "end": {...} }
//!       ],
//!       "help_uri": "https://github.com/bulkhead-iac/bulkhead/blob/main/docs/checks.md#bh0301-privileged-container",
//!       "suppressed": false,               // true when accepted inline, in bulkhead.toml or by the baseline
//!       "suppression": {                   // null unless suppressed
//!         "kind": "inSource",              // inSource (comment, annotation) | external (config, baseline)
//!         "by": "comment",                 // comment | annotation | config | baseline
//!         "justification": "vendor agent needs it (RISK-42)",
//!         "path": "k8s/deploy.yaml", "line": 11,   // where it is written; absent for the baseline
//!         "until": "2027-01-31"            // last day it holds; absent when it does not expire
//!       },
//!       "sla": {                           // remediation deadline (policy A.5 section 10.3); null if none computed
//!         "first_seen": "2026-12-04",      // the baseline's date, else the scan day
//!         "due": "2026-12-07",             // null: no deadline (low, info; moderate in non-critical apps)
//!         "days": 3,                       // days from first_seen to due, or null
//!         "overdue": false
//!       }
//!     }
//!   ],
//!   "diagnostics": [                       // problems with the scan itself, sorted
//!     {
//!       "path": "k8s/broken.yaml",         // relative path; may be "" for problems without a file
//!       "line": 3, "column": 11,           // 1-based; both absent when unknown
//!       "level": "error",                  // error | warning | note
//!       "kind": "parse-error",             // parse-error, too-large, binary, not-utf8, unreadable,
//!                                          // symlink-loop, outside-root, helm-template,
//!                                          // duplicate-key, limit, expired-suppression,
//!                                          // unused-suppression
//!       "message": "cannot parse: ..."
//!     }
//!   ],
//!   "baseline": {                          // null without --baseline
//!     "path": "bulkhead-baseline.json",
//!     "baselined": 0,                      // findings it hides
//!     "fixed": [                           // its entries that no longer occur
//!       { "fingerprint": "...", "check_id": "BH0301", "path": "...", "resource": "...",
//!         "first_seen": "2026-01-05" }
//!     ]
//!   }
//! }
//! ```
//!
//! Lines and columns are 1-based; columns count Unicode code points; `end` is
//! exclusive (the position just after the last character). File kinds in
//! `files_scanned` are `terraform`, `terraform-json`, `tfvars`, `tfvars-json`,
//! `hcl`, `yaml`, `json`, `kustomization`, `helm-values` and `dockerfile`;
//! kinds with no file are left out. The output is pretty-printed with a
//! trailing newline and is byte-identical for identical input.

use std::collections::BTreeMap;

use serde::Serialize;

use super::ReportOptions;
use crate::diagnostic::Diagnostic;
use crate::engine::catalogue::Severity;
use crate::engine::docs;
use crate::finding::Finding;
use crate::scan::ScanResult;
use crate::source::{FileKind, LineCol, SourceFile, Span};

/// The format version written into `version`.
pub const FORMAT_VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Format version.
    pub version: u32,
    /// The producing tool.
    pub tool: ToolInfo<'a>,
    /// Counts.
    pub summary: Summary,
    /// Findings, sorted (each converted as it is written).
    pub findings: Findings<'a>,
    /// Scan problems, sorted.
    pub diagnostics: &'a [Diagnostic],
    /// The baseline given with `--baseline`.
    pub baseline: Option<BaselineJson<'a>>,
}

/// `findings`: serialised one at a time, never all converted at once.
#[derive(Debug)]
pub struct Findings<'a>(pub &'a [Box<Finding>]);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(|f| finding(f)))
    }
}

/// `tool`.
#[derive(Debug, Serialize)]
pub struct ToolInfo<'a> {
    /// Always `bulkhead`.
    pub name: &'a str,
    /// The tool version.
    pub version: &'a str,
}

/// `summary`.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Number of findings.
    pub findings: usize,
    /// Findings per severity.
    pub by_severity: BySeverity,
    /// Parsed files by kind.
    pub files_scanned: BTreeMap<FileKind, usize>,
    /// Files that could not be scanned.
    pub files_failed: usize,
    /// Findings that count.
    pub open: usize,
    /// Findings accepted inline or by configuration.
    pub suppressed: usize,
    /// Findings recorded in the baseline.
    pub baselined: usize,
    /// Open or baselined findings past their remediation deadline.
    pub overdue: usize,
}

/// `baseline`.
#[derive(Debug, Serialize)]
pub struct BaselineJson<'a> {
    /// The baseline file, as given.
    pub path: &'a str,
    /// Findings it hides.
    pub baselined: usize,
    /// Entries that no longer occur.
    pub fixed: &'a [crate::baseline::Entry],
}

/// `findings[].suppression`.
#[derive(Debug, Serialize)]
pub struct SuppressionJson<'a> {
    /// SARIF kind: `inSource` or `external`.
    pub kind: &'static str,
    /// `comment`, `annotation`, `config` or `baseline`.
    pub by: crate::finding::SuppressedBy,
    /// The documented justification.
    pub justification: &'a str,
    /// Where it is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    /// Line where it is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Last day it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<crate::date::Date>,
}

/// `findings[].sla`.
#[derive(Debug, Serialize)]
pub struct SlaJson {
    /// First seen.
    pub first_seen: crate::date::Date,
    /// Due date, if any.
    pub due: Option<crate::date::Date>,
    /// Days from first seen to due.
    pub days: Option<i64>,
    /// Past the due date.
    pub overdue: bool,
}

/// `summary.by_severity`.
#[derive(Debug, Default, Serialize)]
pub struct BySeverity {
    /// Critical findings.
    pub critical: usize,
    /// High findings.
    pub high: usize,
    /// Medium findings.
    pub medium: usize,
    /// Low findings.
    pub low: usize,
    /// Informational findings.
    pub info: usize,
}

/// A position.
#[derive(Debug, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in code points.
    pub column: u32,
}

impl From<LineCol> for Position {
    fn from(lc: LineCol) -> Self {
        Position {
            line: lc.line,
            column: lc.column,
        }
    }
}

/// One entry of `findings`.
#[derive(Debug, Serialize)]
pub struct FindingJson<'a> {
    /// Check id.
    pub check_id: &'a str,
    /// Check name.
    pub check_name: &'a str,
    /// Check title.
    pub title: &'a str,
    /// Effective severity.
    pub severity: &'static str,
    /// Policy tags.
    pub policy: &'a [String],
    /// Repository-relative path.
    pub path: &'a str,
    /// Resource address or object identity.
    pub resource: &'a str,
    /// What is wrong.
    pub message: &'a str,
    /// Environment class, if known.
    pub environment: Option<&'a str>,
    /// Stable fingerprint.
    pub fingerprint: String,
    /// Start of the offending text.
    pub start: Position,
    /// End of the offending text (exclusive).
    pub end: Position,
    /// Related locations.
    pub related: Vec<RelatedJson<'a>>,
    /// Documentation of the check.
    pub help_uri: String,
    /// Accepted inline, by configuration or by the baseline.
    pub suppressed: bool,
    /// How it was accepted.
    pub suppression: Option<SuppressionJson<'a>>,
    /// Remediation deadline.
    pub sla: Option<SlaJson>,
}

/// One entry of `findings[].related`.
#[derive(Debug, Serialize)]
pub struct RelatedJson<'a> {
    /// Repository-relative path.
    pub path: &'a str,
    /// What is there.
    pub message: &'a str,
    /// Start.
    pub start: Position,
    /// End (exclusive).
    pub end: Position,
}

fn positions(src: &SourceFile, span: Span) -> (Position, Position) {
    let (s, e) = super::region(src, span);
    (s.into(), e.into())
}

fn finding(f: &Finding) -> FindingJson<'_> {
    let (start, end) = positions(&f.source, f.span);
    FindingJson {
        check_id: &f.check.id,
        check_name: &f.check.name,
        title: &f.check.title,
        severity: f.severity.as_str(),
        policy: &f.check.policy,
        path: &f.source.path,
        resource: &f.resource,
        message: &f.message,
        environment: f.environment.as_deref(),
        fingerprint: f.fingerprint(),
        start,
        end,
        related: f
            .related
            .iter()
            .map(|r| {
                let (start, end) = positions(&r.source, r.span);
                RelatedJson {
                    path: &r.source.path,
                    message: &r.message,
                    start,
                    end,
                }
            })
            .collect(),
        help_uri: docs::help_uri(&f.check),
        suppressed: f.suppression.is_some(),
        suppression: f.suppression.as_ref().map(|x| SuppressionJson {
            kind: x.by.sarif_kind(),
            by: x.by,
            justification: &x.justification,
            path: x.at.as_ref().map(|(p, _)| p.as_str()),
            line: x.at.as_ref().map(|(_, l)| *l),
            until: x.until,
        }),
        sla: f.sla.map(|s| SlaJson {
            first_seen: s.first_seen,
            due: s.due,
            days: s.days,
            overdue: s.overdue,
        }),
    }
}

/// Build the report structure.
#[must_use]
pub fn build<'a>(result: &'a ScanResult, opts: &ReportOptions) -> Report<'a> {
    let c = super::counts(result);
    let mut by = BySeverity::default();
    for (s, n) in super::severity_counts(result) {
        match s {
            Severity::Critical => by.critical = n,
            Severity::High => by.high = n,
            Severity::Medium => by.medium = n,
            Severity::Low => by.low = n,
            Severity::Info => by.info = n,
        }
    }
    Report {
        version: FORMAT_VERSION,
        tool: ToolInfo {
            name: "bulkhead",
            version: opts.version,
        },
        summary: Summary {
            findings: result.findings.len(),
            by_severity: by,
            files_scanned: result.stats.files.clone(),
            files_failed: result.stats.files_failed,
            open: c.open,
            suppressed: c.suppressed,
            baselined: c.baselined,
            overdue: c.overdue,
        },
        findings: Findings(&result.findings),
        diagnostics: &result.diagnostics,
        baseline: result.baseline.as_ref().map(|b| BaselineJson {
            path: &b.path,
            baselined: b.baselined,
            fixed: &b.fixed,
        }),
    }
}

/// Render a scan result as the JSON report (pretty-printed, trailing newline).
#[must_use]
pub fn render(result: &ScanResult, opts: &ReportOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(result, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Write the JSON report (pretty-printed, trailing newline) as it is serialised.
///
/// # Errors
/// The writer's.
pub fn write(
    result: &ScanResult,
    opts: &ReportOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &build(result, opts))?;
    w.write_all(b"\n")
}
