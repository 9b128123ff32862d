//! Reporters: SARIF, human, JSON and GitHub workflow commands. Line and
//! column numbers are computed here, from the byte spans of the findings.

pub mod github;
pub mod human;
pub mod json;
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
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            color: false,
            fail_on: Some(Severity::Low),
            version: env!("CARGO_PKG_VERSION"),
            root_uri: None,
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

/// Number of findings per severity, most severe first.
#[must_use]
pub fn severity_counts(result: &ScanResult) -> [(Severity, usize); 5] {
    let mut counts = [
        (Severity::Critical, 0),
        (Severity::High, 0),
        (Severity::Medium, 0),
        (Severity::Low, 0),
        (Severity::Info, 0),
    ];
    for f in &result.findings {
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == f.severity) {
            c.1 += 1;
        }
    }
    counts
}

/// Number of files that were scanned (parsed), of every kind.
#[must_use]
pub fn files_scanned(result: &ScanResult) -> usize {
    result.stats.files.values().sum()
}
