//! Reporters: SARIF, human, JSON, GitHub workflow commands and a Markdown
//! summary. Line and column numbers are computed here, from the byte spans of
//! the findings. Every reporter renders the same [`ScanResult`], so one scan
//! can be written in several formats (`--format` may be repeated).

pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
mod pretty;
pub mod sarif;

use crate::engine::catalogue::{Catalogue, Severity};
use crate::scan::ScanResult;
use crate::source::{LineCol, SourceFile, Span};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets for terminals.
    Human,
    /// Stable, documented JSON for tools and editor plug-ins.
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (pull-request annotations).
    Github,
    /// A Markdown summary: counts by severity and the top findings (GitHub job summaries).
    Markdown,
}

/// Settings that affect rendering.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Use ANSI colours (human format only).
    pub color: bool,
    /// Lowest severity that fails the run (shown in summaries).
    pub fail_on: Option<Severity>,
    /// The tool version written into reports.
    pub version: &'static str,
    /// Absolute repository root (SARIF `originalUriBaseIds`), as a `file://` URI ending in `/`.
    pub root_uri: Option<String>,
    /// Fail only on findings past their remediation deadline (`--fail-on-overdue`).
    pub fail_on_overdue: bool,
    /// SARIF `automationDetails.id` category (`--sarif-category`); `bulkhead` when `None`.
    /// GitHub code scanning keeps the alerts of each category apart.
    pub category: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            color: false,
            fail_on: Some(Severity::Low),
            version: env!("CARGO_PKG_VERSION"),
            root_uri: None,
            fail_on_overdue: false,
            category: None,
        }
    }
}

/// Render a scan result in a format.
#[must_use]
pub fn render(
    format: Format,
    result: &ScanResult,
    catalogue: &Catalogue,
    opts: &ReportOptions,
) -> String {
    match format {
        Format::Human => human::render(result, opts),
        Format::Json => json::render(result, opts),
        Format::Sarif => sarif::render(result, catalogue, opts),
        Format::Github => github::render(result),
        Format::Markdown => markdown::render(result, opts),
    }
}

/// Write a scan result in a format as it is rendered (SARIF, JSON, human and
/// GitHub output are streamed; the Markdown summary is small).
///
/// # Errors
/// The writer's.
pub fn write(
    format: Format,
    result: &ScanResult,
    catalogue: &Catalogue,
    opts: &ReportOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(result, opts, w),
        Format::Json => json::write(result, opts, w),
        Format::Sarif => sarif::write(result, catalogue, opts, w),
        Format::Github => github::write(result, w),
        Format::Markdown => w.write_all(markdown::render(result, opts).as_bytes()),
    }
}

/// The line/column region of a span, for every reporter: 1-based lines,
/// 1-based code-point columns, end exclusive. A span that ends just after a
/// line break ends at the end of the last line it covers, not at column 1 of
/// the next line.
#[must_use]
pub fn region(src: &SourceFile, span: Span) -> (LineCol, LineCol) {
    let (start, mut end) = src.region(span);
    if end.column == 1 && end.line > start.line {
        let line = end.line - 1;
        let chars = u32::try_from(src.line_text(line).chars().count()).unwrap_or(u32::MAX);
        end = LineCol {
            line,
            column: chars.saturating_add(1),
        };
        if end.line == start.line && end.column <= start.column {
            end.column = start.column + 1;
        }
    }
    (start, end)
}

/// Whether a result fails the run: an open finding at or above `fail_on`,
/// or with `fail_on_overdue`, only a finding past its remediation deadline
/// (open or baselined; accepted findings never fail).
#[must_use]
pub fn fails(result: &ScanResult, opts: &ReportOptions) -> bool {
    if opts.fail_on_overdue {
        return result.findings.iter().any(|f| f.is_overdue());
    }
    opts.fail_on.is_some_and(|t| {
        result
            .findings
            .iter()
            .any(|f| f.is_open() && f.severity >= t)
    })
}

/// How many findings are open, suppressed (inline or by configuration),
/// baselined, and past their remediation deadline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Neither suppressed nor baselined.
    pub open: usize,
    /// Accepted inline or by configuration.
    pub suppressed: usize,
    /// Recorded in the baseline.
    pub baselined: usize,
    /// Open or baselined and past their due date.
    pub overdue: usize,
}

/// Count the findings by state.
#[must_use]
pub fn counts(result: &ScanResult) -> Counts {
    let mut c = Counts::default();
    for f in &result.findings {
        if f.is_open() {
            c.open += 1;
        } else if f.is_baselined() {
            c.baselined += 1;
        } else {
            c.suppressed += 1;
        }
        if f.is_overdue() {
            c.overdue += 1;
        }
    }
    c
}

/// Number of open findings per severity, most severe first.
#[must_use]
pub fn severity_counts(result: &ScanResult) -> [(Severity, usize); 5] {
    let mut counts = [
        (Severity::Critical, 0),
        (Severity::High, 0),
        (Severity::Medium, 0),
        (Severity::Low, 0),
        (Severity::Info, 0),
    ];
    for f in result.findings.iter().filter(|f| f.is_open()) {
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == f.severity) {
            c.1 += 1;
        }
    }
    counts
}

/// Diagnostic kinds that mean a file could not be scanned (counted in
/// `files_failed`); the other kinds are notes about files that were scanned.
pub const FILE_FAILURE_KINDS: [&str; 7] = [
    "parse-error",
    "too-large",
    "binary",
    "not-utf8",
    "unreadable",
    "symlink-loop",
    "outside-root",
];

/// Whether a diagnostic says that its file could not be scanned.
#[must_use]
pub fn is_file_failure(d: &crate::diagnostic::Diagnostic) -> bool {
    FILE_FAILURE_KINDS.contains(&d.kind)
}

/// Number of files that were scanned (parsed), of every kind.
#[must_use]
pub fn files_scanned(result: &ScanResult) -> usize {
    result.stats.files.values().sum()
}
