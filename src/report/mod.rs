//! Reporters: SARIF, human, JSON and GitHub workflow commands. Line and
//! column numbers are computed here, from the byte spans of the findings.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::engine::catalogue::{Catalogue, Severity};
use crate::scan::ScanResult;

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
pub fn render(format: Format, result: &ScanResult, catalogue: &Catalogue, opts: &ReportOptions) -> String {
    match format {
        Format::Human => human::render(result, opts),
        Format::Json => json::render(result, opts),
        Format::Sarif => sarif::render(result, catalogue, opts),
        Format::Github => github::render(result),
    }
}
