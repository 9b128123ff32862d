//! Problems with the scan itself (unreadable, oversized or unparseable files,
//! skipped inputs), as opposed to findings about the scanned code.

use serde::Serialize;

/// How serious a scan problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagLevel {
    /// Something was not scanned because it could not be read or parsed.
    Error,
    /// Something was scanned only in part, or a limit was hit.
    Warning,
    /// Something was deliberately skipped (Helm templates, symlinks out of the root).
    Note,
}

/// A problem with one input, with its location where known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Repository-relative path of the file concerned.
    pub path: String,
    /// 1-based line, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Severity.
    pub level: DiagLevel,
    /// Short machine-readable kind: `parse-error`, `too-large`, `binary`, `not-utf8`,
    /// `unreadable`, `symlink-loop`, `outside-root`, `helm-template`, `duplicate-key`, `limit`.
    pub kind: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for a whole file.
    #[must_use]
    pub fn file(path: &str, level: DiagLevel, kind: &'static str, message: String) -> Self {
        Diagnostic {
            path: path.to_string(),
            line: None,
            column: None,
            level,
            kind,
            message,
        }
    }

    /// A diagnostic at a position.
    #[must_use]
    pub fn at(
        path: &str,
        line: u32,
        column: u32,
        level: DiagLevel,
        kind: &'static str,
        message: String,
    ) -> Self {
        Diagnostic {
            path: path.to_string(),
            line: Some(line),
            column: Some(column),
            level,
            kind,
            message,
        }
    }
}
