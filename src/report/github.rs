//! GitHub Actions workflow commands (`--format github`): one annotation per
//! finding, shown on the pull request's changed files.
//!
//! ```text
//! ::error file=k8s/deploy.yaml,line=12,col=13,endLine=12,endColumn=28,title=BH0301 privileged-container::container in ...
//! ```
//!
//! Critical and high findings are `error`s, medium and low ones `warning`s,
//! informational ones `notice`s. Columns are given only for single-line
//! locations (GitHub ignores them otherwise) and `endColumn` is the last
//! character, inclusive, like `endLine`. Files that could not be scanned are
//! reported as `warning`s so that a broken file does not go unnoticed.
//! Findings accepted by a suppression or the baseline are left out, except
//! baselined findings past their remediation deadline; messages end with the
//! deadline (`(due 2026-12-07)`).
//! Values are escaped exactly as GitHub's `@actions/core` toolkit does.

use std::fmt::Write as _;

use crate::diagnostic::DiagLevel;
use crate::engine::catalogue::Severity;
use crate::finding::Finding;
use crate::scan::ScanResult;

/// Escape the data (message) part of a workflow command: `%`, CR and LF.
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command: as data, plus `:` and `,`.
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The command name for a severity.
#[must_use]
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "notice",
    }
}

/// Format one workflow command from its properties (values unescaped) and message.
#[must_use]
pub fn workflow_command(name: &str, props: &[(&str, String)], message: &str) -> String {
    let mut s = format!("::{name}");
    for (i, (k, v)) in props.iter().enumerate() {
        s.push(if i == 0 { ' ' } else { ',' });
        let _ = write!(s, "{k}={}", escape_property(v));
    }
    let _ = write!(s, "::{}", escape_data(message));
    s
}

fn annotation(f: &Finding) -> String {
    let (start, end) = super::region(&f.source, f.span);
    let mut props = vec![
        ("file", f.source.path.clone()),
        ("line", start.line.to_string()),
    ];
    if start.line == end.line {
        props.push(("col", start.column.to_string()));
        props.push(("endLine", end.line.to_string()));
        let last = end.column.saturating_sub(1).max(start.column);
        props.push(("endColumn", last.to_string()));
    } else {
        props.push(("endLine", end.line.to_string()));
    }
    props.push(("title", format!("{} {}", f.check.id, f.check.name)));
    let mut message = f.message.to_string();
    if let Some(note) = super::human::deadline_note(f) {
        message = format!("{message} ({note})");
    }
    if f.is_baselined() {
        message.push_str(" [baselined]");
    }
    workflow_command(command(f.severity), &props, &message)
}

/// Render findings (and files that could not be scanned) as workflow commands.
#[must_use]
pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(result, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Write findings (and files that could not be scanned) as workflow commands,
/// a chunk at a time.
///
/// # Errors
/// The writer's.
pub fn write(result: &ScanResult, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = String::new();
    // Accepted findings are not annotated, except baselined ones past their deadline.
    for f in result
        .findings
        .iter()
        .filter(|f| f.is_open() || (f.is_baselined() && f.is_overdue()))
    {
        out.push_str(&annotation(f));
        out.push('\n');
        if out.len() >= 1 << 16 {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    for d in result
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagLevel::Error)
    {
        let mut props = Vec::new();
        if !d.path.is_empty() {
            props.push(("file", d.path.clone()));
            if let Some(line) = d.line {
                props.push(("line", line.to_string()));
                if let Some(col) = d.column {
                    props.push(("col", col.to_string()));
                }
            }
        }
        let message = format!("{}: {}", d.kind, d.message);
        out.push_str(&workflow_command("warning", &props, &message));
        out.push('\n');
    }
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escaping_matches_the_toolkit() {
        assert_eq!(
            escape_data("50% done\r\nnext: a,b"),
            "50%25 done%0D%0Anext: a,b"
        );
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("plain"), "plain");
    }

    #[test]
    fn property_escaping_matches_the_toolkit() {
        assert_eq!(
            escape_property("dir,x/a:b%c\nd\re"),
            "dir%2Cx/a%3Ab%25c%0Ad%0De"
        );
        assert_eq!(
            escape_property("BH0301 privileged-container"),
            "BH0301 privileged-container"
        );
    }

    #[test]
    fn each_special_character_is_escaped_on_its_own() {
        // The five characters of the workflow-command syntax, one at a time:
        // `%`, CR and LF everywhere; `:` and `,` only in property values,
        // where they would end the value or the property list.
        for (c, data, property) in [
            ("%", "%25", "%25"),
            ("\r", "%0D", "%0D"),
            ("\n", "%0A", "%0A"),
            (":", ":", "%3A"),
            (",", ",", "%2C"),
        ] {
            assert_eq!(escape_data(&format!("a{c}b")), format!("a{data}b"), "{c:?}");
            assert_eq!(
                escape_property(&format!("a{c}b")),
                format!("a{property}b"),
                "{c:?}"
            );
        }
        // `%` is escaped first, so an escaped sequence is never decoded twice.
        assert_eq!(escape_property("%3A:"), "%253A%3A");
        assert_eq!(escape_data("%0D\r"), "%250D%0D");
        // A whole command: a property value holding all five, and a message.
        assert_eq!(
            workflow_command(
                "warning",
                &[("file", "a%b\r\nc:d,e.tf".into()), ("line", "1".into())],
                "100%: a,b\r\nc"
            ),
            "::warning file=a%25b%0D%0Ac%3Ad%2Ce.tf,line=1::100%25: a,b%0D%0Ac"
        );
    }

    #[test]
    fn commands_are_assembled_like_the_toolkit() {
        assert_eq!(
            workflow_command(
                "error",
                &[
                    ("file", "a,b.yaml".into()),
                    ("line", "3".into()),
                    ("title", "T: x".into())
                ],
                "bad: 100%\nreally"
            ),
            "::error file=a%2Cb.yaml,line=3,title=T%3A x::bad: 100%25%0Areally"
        );
        assert_eq!(workflow_command("warning", &[], "m"), "::warning::m");
    }

    #[test]
    fn severities_map_to_commands() {
        assert_eq!(command(Severity::Critical), "error");
        assert_eq!(command(Severity::High), "error");
        assert_eq!(command(Severity::Medium), "warning");
        assert_eq!(command(Severity::Low), "warning");
        assert_eq!(command(Severity::Info), "notice");
    }
}
