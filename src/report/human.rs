//! Human-readable terminal output (`--format human`): findings grouped by
//! file (the findings arrive sorted by path), each file opened by a header line
//! with its number of findings, one `miette` diagnostic per finding with a
//! source snippet and, for cross-file findings, the related locations as
//! nested snippets; then the problems with the scan, then a summary line.
//!
//! Findings of `sensitive` checks (secrets) are printed without any source
//! text: only their location and message.
//!
//! Each finding's help ends with its remediation deadline (`due 2026-12-07`,
//! or `overdue: ...`). Findings accepted by a suppression or the baseline are
//! not shown, only counted in the summary (`2 suppressed, 3 baselined`);
//! baselined findings past their deadline get one line each, and baseline
//! entries that no longer occur are listed as fixed.

use std::fmt;
use std::fmt::Write as _;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    NamedSource, SourceCode,
};

use super::ReportOptions;
use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::engine::catalogue::Severity;
use crate::finding::Finding;
use crate::scan::ScanResult;
use crate::source::{SourceFile, SourceRef, Span};

/// Width the reports are wrapped at (fixed, so output does not depend on the terminal).
pub const WIDTH: usize = 100;

/// One rendered diagnostic: a finding or one of its related locations.
#[derive(Debug)]
struct Report {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Text>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Report>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl MietteDiagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display + 'a>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn MietteDiagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn MietteDiagnostic),
            ))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium | Severity::Low => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// The first sentence of a text, whitespace collapsed.
#[must_use]
pub fn first_sentence(text: &str) -> String {
    let text = crate::finding::normalise(text);
    let mut end = text.len();
    let mut word_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' ' {
            word_start = i + 1;
        } else if matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|&(_, n)| n == ' ')
            // `e.g.` and `i.e.` do not end a sentence.
            && !text[word_start..i].contains('.')
        {
            end = i + c.len_utf8();
            break;
        }
    }
    text[..end].to_string()
}

/// `path:line:column` of a span.
fn position(src: &SourceFile, span: Span) -> String {
    let (start, _) = super::region(src, span);
    format!("{}:{}:{}", src.path, start.line, start.column)
}

/// A label span that miette can show: non-empty, within the text, not
/// covering the final line break.
fn label_span(src: &SourceFile, span: Span) -> miette::SourceSpan {
    let Some((base, _, text)) = src.text_at(span.start) else {
        return (span.start as usize, 0).into();
    };
    let (base, len) = (base as usize, text.len());
    let start = (span.start as usize).clamp(base, base + len);
    let mut end = (span.end as usize).clamp(start, base + len);
    while end > start && matches!(text.as_bytes()[end - base - 1], b'\n' | b'\r') {
        end -= 1;
    }
    (start, end - start).into()
}

/// The source of a snippet, named `path:line:column` after the span's start:
/// miette would count columns in bytes, bulkhead counts code points.
fn named_source(src: &SourceRef, span: Span) -> NamedSource<Text> {
    NamedSource::new(position(src, span), Text(SourceRef::clone(src)))
}

/// A source file's text as miette reads it, shared rather than copied: the
/// kept lines of an excerpt ([`SourceFile::excerpt`]) read as the same lines
/// of the whole file.
#[derive(Debug)]
struct Text(SourceRef);

impl SourceCode for Text {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let at = u32::try_from(span.offset()).unwrap_or(u32::MAX);
        let (base, line, text) = self.0.text_at(at).ok_or(miette::MietteError::OutOfBounds)?;
        if base == 0 {
            return text.read_span(span, context_lines_before, context_lines_after);
        }
        let (base, lines_before) = (base as usize, line as usize - 1);
        let inner = (span.offset() - base, span.len()).into();
        let c = text.read_span(&inner, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new(
            c.data(),
            (c.span().offset() + base, c.span().len()).into(),
            c.line() + lines_before,
            c.column(),
            c.line_count() + lines_before,
        )))
    }
}

/// The remediation deadline of a finding: `due 2026-12-07`, or that it is overdue.
#[must_use]
pub fn deadline_note(f: &Finding) -> Option<String> {
    let sla = f.sla?;
    let due = sla.due?;
    Some(if sla.overdue {
        format!("overdue: was due {due}, first seen {}", sla.first_seen)
    } else {
        format!("due {due}")
    })
}

fn finding_report(f: &Finding) -> Report {
    let code = Some(format!("{} {}", f.check.id, f.check.name));
    let mut help = Some(first_sentence(&f.check.remediation)).filter(|h| !h.is_empty());
    if let Some(note) = deadline_note(f) {
        help = Some(match help {
            Some(h) => format!("{h}\n{note}"),
            None => note,
        });
    }
    let severity = miette_severity(f.severity);
    if f.check.sensitive {
        // Secrets: location and message only, never the source text.
        let mut message = format!("{}: {}", position(&f.source, f.span), f.message);
        for r in &f.related {
            let _ = write!(
                message,
                "\n  related: {}: {}",
                position(&r.source, r.span),
                r.message
            );
        }
        return Report {
            message,
            code,
            severity,
            help,
            source: None,
            labels: Vec::new(),
            related: Vec::new(),
        };
    }
    let related = f
        .related
        .iter()
        .map(|r| Report {
            message: r.message.clone(),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            source: Some(named_source(&r.source, r.span)),
            labels: vec![LabeledSpan::new_primary_with_span(
                None,
                label_span(&r.source, r.span),
            )],
            related: Vec::new(),
        })
        .collect();
    Report {
        message: f.message.to_string(),
        code,
        severity,
        help,
        source: Some(named_source(&f.source, f.span)),
        labels: vec![LabeledSpan::new_primary_with_span(
            Some(f.check.title.clone()),
            label_span(&f.source, f.span),
        )],
        related,
    }
}

fn diagnostic_line(d: &Diagnostic) -> String {
    let level = match d.level {
        DiagLevel::Error => "error",
        DiagLevel::Warning => "warning",
        DiagLevel::Note => "note",
    };
    let mut at = d.path.clone();
    if !at.is_empty() {
        if let Some(line) = d.line {
            let _ = write!(at, ":{line}");
            if let Some(col) = d.column {
                let _ = write!(at, ":{col}");
            }
        }
        at.push_str(": ");
    }
    format!("{level}: {at}{}", d.message.replace('\n', "\n  "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing summary line: open findings by severity, suppressed and
/// baselined ones, those past their deadline, files that failed.
#[must_use]
pub fn summary(result: &ScanResult) -> String {
    let scanned = super::files_scanned(result);
    let files = plural(scanned, "file", "files");
    let c = super::counts(result);
    let mut s = if c.open == 0 {
        let open = if result.findings.is_empty() {
            ""
        } else {
            "open "
        };
        format!("No {open}findings in {files} scanned")
    } else {
        let parts: Vec<String> = super::severity_counts(result)
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(sev, n)| format!("{n} {}", sev.as_str()))
            .collect();
        format!(
            "{} ({}) in {files} scanned",
            plural(c.open, "finding", "findings"),
            parts.join(", ")
        )
    };
    let mut accepted = Vec::new();
    if c.suppressed > 0 {
        accepted.push(format!("{} suppressed", c.suppressed));
    }
    if c.baselined > 0 {
        accepted.push(format!("{} baselined", c.baselined));
    }
    if !accepted.is_empty() {
        let _ = write!(s, "; {}", accepted.join(", "));
    }
    if c.overdue > 0 {
        let _ = write!(
            s,
            "; {} past {} remediation deadline",
            c.overdue,
            if c.overdue == 1 { "its" } else { "their" }
        );
    }
    let failed = result.stats.files_failed;
    if failed > 0 {
        let _ = write!(
            s,
            "; {} could not be scanned",
            plural(failed, "file", "files")
        );
    }
    s.push('.');
    if let Some(b) = &result.baseline {
        if !b.fixed.is_empty() {
            let _ = write!(
                s,
                "\n{} of the baseline {} no longer {} (fixed); write the baseline again with `bulkhead baseline --output {}` to drop {}.",
                plural(b.fixed.len(), "entry", "entries"),
                b.path,
                if b.fixed.len() == 1 {
                    "occurs"
                } else {
                    "occur"
                },
                b.path,
                if b.fixed.len() == 1 { "it" } else { "them" },
            );
        }
    }
    s
}

/// Fixed baseline entries shown one per line, at most this many.
const MAX_FIXED_LINES: usize = 20;

/// Lines for baselined findings past their deadline and for fixed baseline entries.
fn baseline_lines(result: &ScanResult) -> String {
    let mut out = String::new();
    for f in result
        .findings
        .iter()
        .filter(|f| f.is_baselined() && f.is_overdue())
    {
        let note = deadline_note(f).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}: {} {}: {} (baselined; {note})",
            position(&f.source, f.span),
            f.check.id,
            f.check.name,
            f.message.replace('\n', " ")
        );
    }
    if let Some(b) = &result.baseline {
        for e in b.fixed.iter().take(MAX_FIXED_LINES) {
            let _ = writeln!(
                out,
                "fixed: {} {} ({}), in the baseline since {}",
                e.path, e.check_id, e.resource, e.first_seen
            );
        }
        if b.fixed.len() > MAX_FIXED_LINES {
            let _ = writeln!(
                out,
                "fixed: ... and {} more",
                b.fixed.len() - MAX_FIXED_LINES
            );
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The line that opens the findings of one file:
/// `── k8s/deploy.yaml · 2 findings ───...`, as wide as the reports.
fn file_header(path: &str, findings: usize, color: bool) -> String {
    let mut line = format!("── {path} · {} ", plural(findings, "finding", "findings"));
    let width = line.chars().count();
    if width < WIDTH {
        line.push_str(&"─".repeat(WIDTH - width));
    }
    if color {
        format!("\u{1b}[1m{line}\u{1b}[0m\n\n")
    } else {
        format!("{line}\n\n")
    }
}

/// Render a scan result for a terminal.
#[must_use]
pub fn render(result: &ScanResult, opts: &ReportOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(result, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Text buffered before it is written out.
const CHUNK: usize = 1 << 16;

/// Write a scan result for a terminal, a chunk at a time (the report of a
/// large repository is never held in memory whole).
///
/// # Errors
/// The writer's.
pub fn write(
    result: &ScanResult,
    opts: &ReportOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_context_lines(crate::source::CONTEXT_LINES as usize)
        .with_urls(false)
        .without_primary_span_start()
        .with_show_related_as_nested(true);
    let mut out = String::new();
    let open: Vec<&Finding> = result
        .findings
        .iter()
        .map(AsRef::as_ref)
        .filter(|f: &&Finding| f.is_open())
        .collect();
    let mut current: Option<&str> = None;
    for (i, f) in open.iter().enumerate() {
        if current != Some(f.source.path.as_str()) {
            let path = f.source.path.as_str();
            current = Some(path);
            let n = open[i..]
                .iter()
                .take_while(|g| g.source.path == path)
                .count();
            out.push_str(&file_header(path, n, opts.color));
        }
        let report = finding_report(f);
        let mut one = String::new();
        if handler.render_report(&mut one, &report).is_ok() {
            out.push_str(&one);
        } else {
            // A span miette cannot show: fall back to a plain line.
            let _ = writeln!(
                out,
                "{}: {} [{}]",
                position(&f.source, f.span),
                f.message,
                f.check.id
            );
        }
        out.push('\n');
        if out.len() >= CHUNK {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    for d in &result.diagnostics {
        out.push_str(&diagnostic_line(d));
        out.push('\n');
    }
    if !result.diagnostics.is_empty() {
        out.push('\n');
    }
    out.push_str(&baseline_lines(result));
    out.push_str(&summary(result));
    out.push('\n');
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(
            first_sentence("Remove `privileged: true`. Grant only\n  what is needed."),
            "Remove `privileged: true`."
        );
        assert_eq!(first_sentence("Use v1.2.3 or later"), "Use v1.2.3 or later");
        assert_eq!(first_sentence(""), "");
        assert_eq!(
            first_sentence("Pin a digest, e.g. `image@sha256:...`, in CI. Then rebuild."),
            "Pin a digest, e.g. `image@sha256:...`, in CI."
        );
    }

    #[test]
    fn an_excerpt_shows_the_snippet_of_the_whole_file() {
        let text: String = (1..=40)
            .map(|i| format!("line {i}: çà {}\r\n", "x".repeat(i % 7)))
            .collect();
        let whole: SourceRef = Arc::new(SourceFile::new(
            "f.yaml".into(),
            "f.yaml".into(),
            crate::source::FileKind::Yaml,
            text.as_str(),
        ));
        let at = |line: usize, col: usize| u32::try_from(whole.offset_of(line, col)).unwrap();
        let spans = [
            Span::new(0, 4),
            Span {
                start: at(20, 2),
                end: at(20, 6),
            },
            Span {
                start: at(30, 0),
                end: at(32, 3),
            },
            Span {
                start: at(40, 1),
                end: u32::try_from(text.len()).unwrap(),
            },
        ];
        let cut: SourceRef = Arc::new(whole.excerpt(spans).expect("a small part is kept"));
        assert!(cut.is_excerpt());
        let context = crate::source::CONTEXT_LINES as usize;
        for span in spans {
            let (a, b) = (label_span(&whole, span), label_span(&cut, span));
            assert_eq!(a, b, "label of {span:?}");
            let (ta, tb) = (Text(Arc::clone(&whole)), Text(Arc::clone(&cut)));
            let ca = ta.read_span(&a, context, context).unwrap();
            let cb = tb.read_span(&b, context, context).unwrap();
            assert_eq!(ca.data(), cb.data(), "snippet of {span:?}");
            assert_eq!(ca.span(), cb.span(), "snippet span of {span:?}");
            assert_eq!(
                (ca.line(), ca.column(), ca.line_count()),
                (cb.line(), cb.column(), cb.line_count()),
                "snippet position of {span:?}"
            );
            assert_eq!(position(&whole, span), position(&cut, span));
        }
    }
}
