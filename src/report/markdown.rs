//! A Markdown summary (`--format markdown`), for GitHub job summaries
//! (`$GITHUB_STEP_SUMMARY`), pull-request comments and chat messages.
//!
//! ```text
//! ### bulkhead: 3 open findings
//!
//! 3 open findings in 12 files scanned; 1 suppressed. The run fails on findings of severity low or higher.
//!
//! | severity | open findings |
//! |:---|---:|
//! | critical | 1 |
//! ...
//!
//! #### Top findings
//!
//! | severity | check | location | finding |
//! |:---|:---|:---|:---|
//! | critical | [BH0301](…docs/checks.md#bh0301-privileged-container) privileged-container | `k8s/deploy.yaml:12` | container in … runs privileged |
//! ```
//!
//! The summary counts open findings by severity (accepted ones are counted on
//! one line), then lists the most severe open findings (at most
//! [`TOP_FINDINGS`], most severe first, then by path and line) and the files
//! that could not be scanned. It is short by design: the annotations and
//! code-scanning alerts carry the details. Text from the scanned files and
//! messages is escaped so that it cannot break the tables or inject markup;
//! findings of sensitive checks (secrets) show only their message, which
//! never holds the secret.

use std::fmt::Write as _;

use super::ReportOptions;
use crate::diagnostic::DiagLevel;
use crate::engine::docs;
use crate::finding::Finding;
use crate::scan::ScanResult;

/// How many findings the summary lists.
pub const TOP_FINDINGS: usize = 10;
/// How many files that could not be scanned it lists.
const TOP_DIAGNOSTICS: usize = 10;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Escape text for a Markdown table cell: code spans (balanced backticks)
/// are kept as code, everything else is escaped so that it renders
/// literally; `|` is escaped everywhere (GitHub splits table cells before it
/// parses code spans) and line breaks become spaces.
#[must_use]
pub fn escape_cell(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let ticks = text.matches('`').count();
    let mut out = String::with_capacity(text.len() + 8);
    if ticks > 0 && ticks % 2 == 0 {
        for (i, part) in text.split('`').enumerate() {
            if i % 2 == 1 {
                out.push('`');
                out.push_str(&part.replace('|', "\\|"));
                out.push('`');
            } else {
                escape_plain(part, &mut out);
            }
        }
    } else {
        escape_plain(&text, &mut out);
    }
    out
}

fn escape_plain(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

/// A code span holding `text` literally (inside a table cell).
#[must_use]
pub fn code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ").replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

fn location(f: &Finding) -> String {
    let (start, _) = super::region(&f.source, f.span);
    code(&format!("{}:{}", f.source.path, start.line))
}

/// Render the summary.
#[must_use]
pub fn render(result: &ScanResult, opts: &ReportOptions) -> String {
    let mut out = String::new();
    let c = super::counts(result);
    let scanned = plural(super::files_scanned(result), "file", "files");
    let open = plural(c.open, "open finding", "open findings");
    if c.open == 0 {
        let _ = writeln!(out, "### bulkhead: no open findings\n");
        let _ = write!(out, "No open findings in {scanned} scanned");
    } else {
        let _ = writeln!(out, "### bulkhead: {open}\n");
        let _ = write!(out, "{open} in {scanned} scanned");
    }
    let mut extra = Vec::new();
    if c.suppressed > 0 {
        extra.push(format!("{} suppressed", c.suppressed));
    }
    if c.baselined > 0 {
        extra.push(format!("{} baselined", c.baselined));
    }
    if c.overdue > 0 {
        extra.push(format!(
            "{} past {} remediation deadline",
            c.overdue,
            if c.overdue == 1 { "its" } else { "their" }
        ));
    }
    if result.stats.files_failed > 0 {
        extra.push(format!(
            "{} could not be scanned",
            plural(result.stats.files_failed, "file", "files")
        ));
    }
    if !extra.is_empty() {
        let _ = write!(out, "; {}", extra.join(", "));
    }
    out.push('.');
    if opts.fail_on_overdue {
        out.push_str(" The run fails on findings past their remediation deadline.");
    } else if let Some(t) = opts.fail_on {
        let _ = write!(
            out,
            " The run fails on findings of severity {} or higher.",
            t.as_str()
        );
    } else {
        out.push_str(" The run does not fail on findings.");
    }
    out.push_str("\n\n");

    if c.open > 0 {
        out.push_str("| severity | open findings |\n|:---|---:|\n");
        for (sev, n) in super::severity_counts(result) {
            let _ = writeln!(out, "| {} | {n} |", sev.as_str());
        }
        out.push('\n');

        let mut top: Vec<&Finding> = result
            .findings
            .iter()
            .map(AsRef::as_ref)
            .filter(|f: &&Finding| f.is_open())
            .collect();
        // Most severe first; the findings arrive sorted by path and position.
        top.sort_by_key(|f| std::cmp::Reverse(f.severity));
        let shown = top.len().min(TOP_FINDINGS);
        if top.len() > shown {
            let _ = writeln!(out, "#### Top {shown} findings\n");
        } else {
            out.push_str("#### Findings\n\n");
        }
        out.push_str("| severity | check | location | finding |\n|:---|:---|:---|:---|\n");
        for f in &top[..shown] {
            let _ = writeln!(
                out,
                "| {} | [{}]({}) {} | {} | {} |",
                f.severity.as_str(),
                escape_cell(&f.check.id),
                docs::help_uri(&f.check),
                escape_cell(&f.check.name),
                location(f),
                escape_cell(&f.message),
            );
        }
        if top.len() > shown {
            let more = top.len() - shown;
            let _ = writeln!(
                out,
                "\n{more} more {}: see the annotations, the code-scanning alerts or `bulkhead scan` on your machine.",
                if more == 1 { "finding" } else { "findings" }
            );
        }
        out.push('\n');
    }

    let failed: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagLevel::Error || super::is_file_failure(d))
        .collect();
    if !failed.is_empty() {
        out.push_str("#### Not scanned\n\n| file | problem |\n|:---|:---|\n");
        for d in failed.iter().take(TOP_DIAGNOSTICS) {
            let mut at = d.path.clone();
            if let Some(line) = d.line {
                let _ = write!(at, ":{line}");
            }
            let _ = writeln!(
                out,
                "| {} | {} |",
                if at.is_empty() {
                    String::new()
                } else {
                    code(&at)
                },
                escape_cell(&format!("{}: {}", d.kind, d.message))
            );
        }
        if failed.len() > TOP_DIAGNOSTICS {
            let _ = writeln!(out, "\n{} more.", failed.len() - TOP_DIAGNOSTICS);
        }
        out.push('\n');
    }
    // One trailing line break, so that several summaries can be appended.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_code_spans_and_escape_the_rest() {
        assert_eq!(
            escape_cell("`a|b` and *c* <d> | e_f"),
            "`a\\|b` and \\*c\\* &lt;d&gt; \\| e\\_f"
        );
        assert_eq!(escape_cell("odd ` tick"), "odd \\` tick");
        assert_eq!(escape_cell("two\nlines"), "two lines");
        assert_eq!(escape_cell("[x](http://e)"), "\\[x\\](http://e)");
    }

    #[test]
    fn code_spans_fit_their_text() {
        assert_eq!(code("a/b.tf:3"), "`a/b.tf:3`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }
}
