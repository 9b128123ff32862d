//! Suppressions: accepted findings with a documented justification
//! (DESIGN.md §6, policy A.5 section 10.4).
//!
//! **Inline**, in a comment of the scanned file (`#`, `//` and `/* */` in
//! Terraform/HCL, `#` in YAML and Dockerfiles):
//!
//! ```text
//! # bulkhead:ignore BH0301 -- debugging pod, removed after the incident (INC-42)
//! # bulkhead:ignore BH0301,host-namespace-shared until=2027-01-31 -- vendor agent needs the host network
//! ```
//!
//! The comment must start with `bulkhead:ignore`, then check ids or names
//! (comma- or space-separated), an optional `until=YYYY-MM-DD` (the last day
//! the suppression holds) and, after `--`, the justification. A comment at
//! the end of a line applies to that line; a comment on its own line (or a
//! run of comment lines) applies to the next line of code. It suppresses
//! findings of the named checks that start on that line, or anywhere inside
//! the construct that starts there: a Terraform block or nested block, an
//! attribute, a YAML mapping entry or list item (a whole Kubernetes document
//! when it stands above the document's first line, a whole container above
//! its `- name:` item), or a Dockerfile instruction with its continuation
//! lines.
//!
//! **Annotation**, on a Kubernetes object, for every finding inside that object:
//!
//! ```yaml
//! metadata:
//!   annotations:
//!     bulkhead.io/ignore: "BH0301 -- node agent; BH0304 until=2027-01-31 -- needs hostPID"
//! ```
//!
//! **Configuration**: `[[suppressions.ignore]]` entries of `bulkhead.toml`
//! (checks, path globs, a required reason, an optional expiry).
//!
//! The policy wants every accepted deviation documented, so this pass reports
//! problems as findings of check `BH0701` (`invalid-suppression`) at the
//! suppression: one without a justification (it does not suppress), an
//! expired one (it stops suppressing), one naming an unknown check, one that
//! suppresses nothing (unused, or not directly above code), and every inline
//! suppression when `[suppressions] allow_inline = false`. Problems of
//! configuration entries (expired, unused) are scan diagnostics.
//!
//! BH0701 is in the catalogue like every other check (so it is documented,
//! can be turned off or re-rated in `bulkhead.toml`, and has fixtures), but
//! its findings come from this pass, after all other checks ran, not from a
//! matcher: its definition names the pseudo-builtin [`PASS_BUILTIN`], which the
//! catalogue accepts and which yields nothing when the engine runs it.

use std::collections::BTreeMap;
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::engine::catalogue::{Catalogue, Check};
use crate::finding::{Finding, SuppressedBy, Suppression};
use crate::model::{Node, Value};
use crate::parse::yaml::{self, YamlLimits};
use crate::parse::{dockerfile, kubernetes, terraform};
use crate::source::{FileKind, SourceFile, SourceRef, Span, contains};

/// The id of the check whose findings this pass produces.
pub const CHECK_ID: &str = "BH0701";
/// The `builtin:` name of BH0701's definition: findings come from this pass.
pub const PASS_BUILTIN: &str = "suppression_problem";
/// What starts an inline suppression.
pub const MARKER: &str = "bulkhead:ignore";
/// The Kubernetes annotation key.
pub const ANNOTATION: &str = "bulkhead.io/ignore";

/// Whether a text may hold suppressions (a cheap test before any parsing).
#[must_use]
pub fn mentions(text: &str) -> bool {
    // Both start with `bulkhead`: one scan of the text finds the candidates.
    memchr::memmem::find_iter(text.as_bytes(), b"bulkhead")
        .any(|i| text[i..].starts_with(MARKER) || text[i..].starts_with(ANNOTATION))
}

/// Where a suppression applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A comment: findings starting on this 1-based line, or inside a construct starting there.
    Line(u32),
    /// An annotation: findings inside this object.
    Object(Span),
    /// A comment that is neither at the end of a line of code nor directly above one.
    Nowhere,
}

/// One suppression as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Comment or annotation.
    pub by: SuppressedBy,
    /// The suppression text (from the marker to the end of the comment, or the annotation value).
    pub span: Span,
    /// Check ids or names, as written.
    pub checks: Vec<String>,
    /// `until=`: the last day it holds, or the text that is not a date.
    pub until: Option<Result<Date, String>>,
    /// The justification after `--` (`None` when there is no `--`).
    pub reason: Option<String>,
    /// What it applies to.
    pub scope: Scope,
}

/// The parts of a suppression after the marker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    /// Check ids or names.
    pub checks: Vec<String>,
    /// `until=` value.
    pub until: Option<Result<Date, String>>,
    /// Text after `--`, trimmed.
    pub reason: Option<String>,
}

/// Parse `BH0301,BH0304 until=2027-01-31 -- reason`. Ids, names and `until=`
/// come first; `--` starts the justification; any other word ends the
/// suppression (so a trailing comment such as `# expect: ...` is not part of it).
#[must_use]
pub fn parse_parts(text: &str) -> Parts {
    let mut parts = Parts::default();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix("--") {
            parts.reason = Some(crate::finding::normalise(r));
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if let Some(date) = word.strip_prefix("until=") {
            parts.until = Some(Date::parse(date));
        } else if !word.contains("--")
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ','))
        {
            parts
                .checks
                .extend(word.split(',').filter(|s| !s.is_empty()).map(String::from));
        } else {
            break;
        }
        rest = &rest[end..];
    }
    parts
}

/// A comment: the whole comment and the text between its delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Comment {
    start: usize,
    body_start: usize,
    body_end: usize,
    end: usize,
}

#[derive(Clone, Copy)]
enum Mode {
    Code(u32),
    Str,
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

fn trim_cr(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && b[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

/// Comments of HCL text: `#` and `//` to the end of the line, `/* */`;
/// strings (with `${}` templates) and heredocs are skipped.
fn hcl_comments(text: &str) -> Vec<Comment> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut stack = vec![Mode::Code(0)];
    let mut i = 0;
    while i < n {
        let top = stack.len() - 1;
        match stack[top] {
            Mode::Str => match b[i] {
                b'\\' => i += 2,
                b'"' | b'\n' => {
                    stack.pop();
                    i += 1;
                }
                b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                    stack.push(Mode::Code(0));
                    i += 2;
                }
                c @ (b'$' | b'%') if b.get(i + 1) == Some(&c) => i += 2,
                _ => i += 1,
            },
            Mode::Code(depth) => match b[i] {
                b'"' => {
                    stack.push(Mode::Str);
                    i += 1;
                }
                b'{' => {
                    stack[top] = Mode::Code(depth + 1);
                    i += 1;
                }
                b'}' => {
                    if depth == 0 && stack.len() > 1 {
                        stack.pop();
                    } else {
                        stack[top] = Mode::Code(depth.saturating_sub(1));
                    }
                    i += 1;
                }
                b'#' | b'/' if b[i] == b'#' || b.get(i + 1) == Some(&b'/') => {
                    let body_start = if b[i] == b'#' { i + 1 } else { i + 2 };
                    let end = line_end(b, i);
                    let end = trim_cr(b, i, end);
                    out.push(Comment {
                        start: i,
                        body_start,
                        body_end: end,
                        end,
                    });
                    i = end;
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    let close = text[i + 2..].find("*/").map(|p| i + 2 + p);
                    let (body_end, end) = close.map_or((n, n), |c| (c, c + 2));
                    out.push(Comment {
                        start: i,
                        body_start: i + 2,
                        body_end,
                        end,
                    });
                    i = end;
                }
                b'<' if b.get(i + 1) == Some(&b'<') => {
                    i = skip_heredoc(text, i).unwrap_or(i + 2);
                }
                _ => i += 1,
            },
        }
    }
    out
}

/// The end of a heredoc starting at `i` (`<<EOF` or `<<-EOF`), if one starts there.
fn skip_heredoc(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i + 2;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    let id_start = j;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-') {
        j += 1;
    }
    if j == id_start || !b[id_start].is_ascii_alphabetic() && b[id_start] != b'_' {
        return None;
    }
    let ident = &text[id_start..j];
    let eol = line_end(b, j);
    if !text[j..eol].trim().is_empty() {
        return None;
    }
    let mut pos = eol + 1;
    while pos < b.len() {
        let e = line_end(b, pos);
        if text[pos..e].trim() == ident {
            return Some(e);
        }
        pos = e + 1;
    }
    Some(b.len())
}

/// Comments of YAML text: `#` at the start of a line or after whitespace,
/// outside quoted scalars and block scalars.
fn yaml_comments(text: &str) -> Vec<Comment> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut block_indent: Option<usize> = None;
    let mut pos = 0;
    while pos < b.len() {
        let eol = line_end(b, pos);
        let end = trim_cr(b, pos, eol);
        let line = &text[pos..end];
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let Some(bi) = block_indent {
            if blank || indent > bi {
                pos = eol + 1;
                continue;
            }
            block_indent = None;
        }
        let (mut in_single, mut in_double) = (false, false);
        let mut prev_ws = true;
        let mut last_sig: Option<char> = None;
        let mut comment_at = None;
        let mut chars = line.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if in_double {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    in_double = false;
                }
            } else if in_single {
                if c == '\'' {
                    in_single = false;
                }
            } else {
                let may_quote = matches!(last_sig, None | Some(':' | '-' | '[' | '{' | ',' | '?'))
                    && (prev_ws || matches!(last_sig, Some('[' | '{' | ',')));
                match c {
                    '#' if prev_ws => {
                        comment_at = Some(k);
                        break;
                    }
                    '"' if may_quote => in_double = true,
                    '\'' if may_quote => in_single = true,
                    _ => {}
                }
            }
            prev_ws = c == ' ' || c == '\t';
            if !c.is_whitespace() {
                last_sig = Some(c);
            }
        }
        let code_end = comment_at.unwrap_or(line.len());
        let code = line[..code_end].trim_end();
        let scalar_start = code.rsplit([' ', '\t']).next().unwrap_or("");
        if (scalar_start.starts_with('|') || scalar_start.starts_with('>'))
            && scalar_start[1..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
            && code.len() > scalar_start.len()
        {
            block_indent = Some(indent);
        }
        if let Some(k) = comment_at {
            out.push(Comment {
                start: pos + k,
                body_start: pos + k + 1,
                body_end: end,
                end,
            });
        }
        pos = eol + 1;
    }
    out
}

/// Comments of a Dockerfile: lines starting with `#`, and a `# bulkhead:ignore`
/// at the end of an instruction line.
fn dockerfile_comments(text: &str) -> Vec<Comment> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < b.len() {
        let eol = line_end(b, pos);
        let end = trim_cr(b, pos, eol);
        let line = &text[pos..end];
        let t = line.trim_start();
        let at = if t.starts_with('#') {
            Some(line.len() - t.len())
        } else {
            line.match_indices('#')
                .find(|(k, _)| {
                    line[..*k].ends_with([' ', '\t'])
                        && line[k + 1..].trim_start().starts_with(MARKER)
                })
                .map(|(k, _)| k)
        };
        if let Some(k) = at {
            out.push(Comment {
                start: pos + k,
                body_start: pos + k + 1,
                body_end: end,
                end,
            });
        }
        pos = eol + 1;
    }
    out
}

fn comments(src: &SourceFile) -> Vec<Comment> {
    match src.kind {
        FileKind::Terraform | FileKind::Tfvars | FileKind::Hcl => hcl_comments(&src.text),
        FileKind::Yaml | FileKind::Kustomization | FileKind::HelmValues => yaml_comments(&src.text),
        FileKind::Dockerfile => dockerfile_comments(&src.text),
        FileKind::Json | FileKind::TerraformJson | FileKind::TfvarsJson => Vec::new(),
    }
}

/// Per 0-based line: whether it holds code (text outside comments), and
/// whether it is skipped when looking for the line below a comment
/// (comment-only lines, YAML document markers).
fn line_kinds(src: &SourceFile, comments: &[Comment]) -> (Vec<bool>, Vec<bool>) {
    let text: &str = &src.text;
    let mut in_comment = vec![false; text.len()];
    for c in comments {
        for x in &mut in_comment[c.start..c.end.min(text.len())] {
            *x = true;
        }
    }
    let lines = src.line_count();
    let mut code = vec![false; lines];
    let mut skip = vec![false; lines];
    let yaml = matches!(
        src.kind,
        FileKind::Yaml | FileKind::Kustomization | FileKind::HelmValues
    );
    for l in 0..lines {
        let line_no = u32::try_from(l + 1).unwrap_or(u32::MAX);
        let start = src.line_start(line_no);
        let end = src.line_start(line_no + 1).min(text.len());
        let bytes = &text.as_bytes()[start..end];
        let has_code = bytes
            .iter()
            .enumerate()
            .any(|(k, c)| !c.is_ascii_whitespace() && !in_comment[start + k]);
        let has_comment = (start..end).any(|k| in_comment[k]);
        let marker = yaml && matches!(src.line_text(line_no).trim(), "---" | "...");
        code[l] = has_code && !marker;
        skip[l] = (has_comment && !has_code) || marker;
    }
    (code, skip)
}

/// The line a comment applies to.
fn comment_scope(src: &SourceFile, c: &Comment, code: &[bool], skip: &[bool]) -> Scope {
    let first = src
        .line_col(u32::try_from(c.start).unwrap_or(u32::MAX))
        .line;
    let last = src
        .line_col(u32::try_from(c.end.saturating_sub(1).max(c.start)).unwrap_or(u32::MAX))
        .line;
    let text: &str = &src.text;
    let line_start = src.line_start(first);
    if !text[line_start..c.start].trim().is_empty() {
        return Scope::Line(first);
    }
    if code.get(last as usize - 1).copied().unwrap_or(false) {
        return Scope::Line(last);
    }
    let mut l = last as usize; // 0-based index of the next line
    while l < code.len() {
        if code[l] {
            return Scope::Line(u32::try_from(l + 1).unwrap_or(u32::MAX));
        }
        if !skip[l] {
            return Scope::Nowhere;
        }
        l += 1;
    }
    Scope::Nowhere
}

/// The inline suppressions (comments and annotations) of a file.
#[must_use]
pub fn directives(src: &SourceFile) -> Vec<Directive> {
    let mut out = Vec::new();
    if !src.mentions_suppression() {
        return out;
    }
    let text: &str = &src.text;
    let all = comments(src);
    let mut kinds: Option<(Vec<bool>, Vec<bool>)> = None;
    for c in &all {
        let body = &text[c.body_start..c.body_end];
        let t = body.trim_start_matches(|ch: char| ch.is_whitespace() || ch == '*');
        let Some(after) = t.strip_prefix(MARKER) else {
            continue;
        };
        if after.chars().next().is_some_and(|ch| !ch.is_whitespace()) {
            continue;
        }
        let marker_at = c.body_start + (body.len() - t.len());
        let end = c.body_start + body.trim_end().len();
        let parts = parse_parts(after);
        let (code, skip) = kinds.get_or_insert_with(|| line_kinds(src, &all));
        out.push(Directive {
            by: SuppressedBy::Comment,
            span: Span::new(marker_at, end.max(marker_at)),
            checks: parts.checks,
            until: parts.until,
            reason: parts.reason,
            scope: comment_scope(src, c, code, skip),
        });
    }
    if matches!(
        src.kind,
        FileKind::Yaml | FileKind::Json | FileKind::Kustomization | FileKind::HelmValues
    ) && contains(text, ANNOTATION)
    {
        out.extend(annotation_directives(src));
    }
    out
}

fn annotation_directives(src: &SourceFile) -> Vec<Directive> {
    let Ok(loaded) = yaml::load(src, 0, YamlLimits::default()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for o in kubernetes::objects(loaded.documents) {
        let Some(value) = o.annotation(ANNOTATION) else {
            continue;
        };
        let scope = Scope::Object(o.root.span);
        let text = value.as_str().unwrap_or("");
        let mut any = false;
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            any = true;
            let parts = parse_parts(part);
            out.push(Directive {
                by: SuppressedBy::Annotation,
                span: value.span,
                checks: parts.checks,
                until: parts.until,
                reason: parts.reason,
                scope,
            });
        }
        if !any {
            out.push(Directive {
                by: SuppressedBy::Annotation,
                span: value.span,
                checks: Vec::new(),
                until: None,
                reason: None,
                scope,
            });
        }
    }
    out
}

/// Constructs by the line they start on: Terraform blocks, attributes and
/// nested blocks; YAML documents, mapping entries and list items; Dockerfile
/// instructions. A comment above such a line covers the whole construct.
fn constructs(src: &SourceFile) -> BTreeMap<u32, Span> {
    fn push(src: &SourceFile, out: &mut BTreeMap<u32, Span>, mut span: Span) {
        // YAML block nodes end where the next token starts: drop the trailing
        // white space and list dash that belong to the next item.
        let b = src.text.as_bytes();
        loop {
            let end = span.end as usize;
            if end <= span.start as usize || end > b.len() {
                break;
            }
            let last = b[end - 1];
            let dash = last == b'-' && end >= 2 && b[end - 2].is_ascii_whitespace();
            if last.is_ascii_whitespace() || dash {
                span.end -= 1;
            } else {
                break;
            }
        }
        if span.end <= span.start {
            return;
        }
        let line = src.line_col(span.start).line;
        out.entry(line)
            .and_modify(|s| *s = s.cover(span))
            .or_insert(span);
    }
    fn walk(src: &SourceFile, out: &mut BTreeMap<u32, Span>, node: &Node, hcl: bool) {
        match &node.value {
            Value::Map(entries) => {
                for e in entries {
                    if e.key == "__labels__" {
                        continue;
                    }
                    let nested_blocks = hcl
                        && matches!(&e.value.value, Value::List(items)
                            if items.iter().all(|i| matches!(i.value, Value::Map(_))));
                    if !nested_blocks {
                        push(
                            src,
                            out,
                            Span {
                                start: e.key_span.start,
                                end: e.value.span.end.max(e.key_span.end),
                            },
                        );
                    }
                    walk(src, out, &e.value, hcl);
                }
            }
            Value::List(items) => {
                for item in items {
                    push(src, out, item.span);
                    walk(src, out, item, hcl);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    match src.kind {
        FileKind::Terraform | FileKind::Tfvars | FileKind::Hcl => {
            if let Ok(f) = terraform::parse_hcl(&src.text, 0) {
                for b in &f.blocks {
                    push(src, &mut out, b.span);
                    walk(src, &mut out, &b.body, true);
                }
                walk(src, &mut out, &f.attributes, true);
            }
        }
        FileKind::Yaml | FileKind::Kustomization | FileKind::HelmValues => {
            if let Ok(l) = yaml::load(src, 0, YamlLimits::default()) {
                for d in &l.documents {
                    push(src, &mut out, d.root.span);
                    walk(src, &mut out, &d.root, false);
                }
            }
        }
        FileKind::Dockerfile => {
            if let Ok(df) = dockerfile::parse(&src.text) {
                for i in &df.instructions {
                    push(src, &mut out, i.span);
                }
            }
        }
        _ => {}
    }
    out
}

/// What is wrong with one suppression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `allow_inline = false`.
    Forbidden,
    /// No check named.
    NoChecks,
    /// No text after `--`.
    NoReason,
    /// `until=` is not a date.
    BadDate(String),
    /// `until=` is in the past.
    Expired(Date),
    /// A name that is no check.
    Unknown(String),
    /// BH0701 named: its findings cannot be suppressed inline.
    SelfSuppression,
    /// Not at the end of or directly above a line of code.
    Nowhere,
    /// A named check with no finding to suppress.
    Unused(String),
}

impl Problem {
    /// The problem as a sentence fragment.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Problem::Forbidden => "inline suppressions are turned off (`allow_inline = false` in the `[suppressions]` table of bulkhead.toml), so it has no effect".into(),
            Problem::NoChecks => "it names no check (write `bulkhead:ignore BH0301 -- reason`)".into(),
            Problem::NoReason => "it has no justification (write the reason after `--`), so it does not suppress anything".into(),
            Problem::BadDate(e) => format!("its expiry is invalid ({e}), so it does not suppress anything"),
            Problem::Expired(d) => format!("it expired on {d} and no longer suppresses; fix the finding or renew the suppression with a new date and reason"),
            Problem::Unknown(c) => format!("it names `{c}`, which is no check (`bulkhead checks` lists them)"),
            Problem::SelfSuppression => format!("{CHECK_ID} findings cannot be suppressed inline; fix the suppression or turn {CHECK_ID} off in bulkhead.toml"),
            Problem::Nowhere => "it is neither at the end of a line of code nor directly above one, so it applies to nothing".into(),
            Problem::Unused(c) => format!("it suppresses no finding of {c}; remove it"),
        }
    }

    /// Whether the suppression is ineffective because of this problem.
    fn blocks(&self) -> bool {
        matches!(
            self,
            Problem::Forbidden
                | Problem::NoChecks
                | Problem::NoReason
                | Problem::BadDate(_)
                | Problem::Expired(_)
                | Problem::Nowhere
        )
    }
}

/// A directive with the checks it names resolved and its problems found.
struct Judged {
    path: String,
    source: SourceRef,
    directive: Directive,
    line: u32,
    /// Resolved checks (id) with whether each suppressed something.
    checks: Vec<(Arc<Check>, bool)>,
    problems: Vec<Problem>,
}

impl Judged {
    fn effective(&self) -> bool {
        !self.problems.iter().any(Problem::blocks)
    }
}

fn judge(
    source: &SourceRef,
    d: Directive,
    catalogue: &Catalogue,
    config: &Config,
    today: Date,
) -> Judged {
    let mut problems = Vec::new();
    if !config.suppressions.allow_inline {
        problems.push(Problem::Forbidden);
    }
    if d.checks.is_empty() {
        problems.push(Problem::NoChecks);
    }
    if d.reason.as_deref().is_none_or(str::is_empty) {
        problems.push(Problem::NoReason);
    }
    match &d.until {
        Some(Err(e)) => problems.push(Problem::BadDate(e.clone())),
        Some(Ok(until)) if today > *until => problems.push(Problem::Expired(*until)),
        _ => {}
    }
    if d.scope == Scope::Nowhere {
        problems.push(Problem::Nowhere);
    }
    let mut checks: Vec<(Arc<Check>, bool)> = Vec::new();
    for name in &d.checks {
        match catalogue.get(name) {
            Some(c) if c.id == CHECK_ID => problems.push(Problem::SelfSuppression),
            Some(c) => {
                if !checks.iter().any(|(have, _)| have.id == c.id) {
                    checks.push((Arc::clone(c), false));
                }
            }
            None => problems.push(Problem::Unknown(name.clone())),
        }
    }
    let line = source.line_col(d.span.start).line;
    Judged {
        path: source.path.clone(),
        source: Arc::clone(source),
        directive: d,
        line,
        checks,
        problems,
    }
}

fn covers(d: &Directive, src: &SourceFile, f: &Finding, constructs: &BTreeMap<u32, Span>) -> bool {
    match d.scope {
        Scope::Nowhere => false,
        Scope::Object(span) => span.start <= f.span.start && f.span.start < span.end,
        Scope::Line(line) => {
            src.line_col(f.span.start).line == line
                || constructs
                    .get(&line)
                    .is_some_and(|s| s.start <= f.span.start && f.span.start < s.end)
        }
    }
}

/// Apply inline suppressions and `[[suppressions.ignore]]` entries to the
/// findings of a scan, and report suppression problems as BH0701 findings
/// (and, for configuration entries, as diagnostics). `sources` are the
/// scanned files that [`mentions`] suppressions; the files of findings are
/// looked at as well. Findings stay sorted.
pub fn apply(
    findings: &mut Vec<Box<Finding>>,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &[SourceRef],
    catalogue: &Catalogue,
    config: &Config,
) {
    let today = config.today();
    let mut files: BTreeMap<&str, &SourceRef> = BTreeMap::new();
    for s in sources {
        files.entry(s.path.as_str()).or_insert(s);
    }
    // Files with findings that were not handed over: a scan hands over the
    // files it read that mention a suppression, and has searched the others
    // (the answer is kept with the file).
    for f in findings.iter() {
        let path = f.source.path.as_str();
        if !files.contains_key(path) && f.source.mentions_suppression() {
            files.insert(path, &f.source);
        }
    }
    let mut judged: Vec<Judged> = Vec::new();
    for src in files.values() {
        for d in directives(src) {
            judged.push(judge(src, d, catalogue, config, today));
        }
    }
    // Match findings to the effective suppressions of their file.
    let mut by_path: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, j) in judged.iter().enumerate() {
        if j.effective() {
            by_path.entry(j.path.clone()).or_default().push(i);
        }
    }
    let mut construct_cache: BTreeMap<String, BTreeMap<u32, Span>> = BTreeMap::new();
    for f in findings.iter_mut() {
        let Some(idx) = by_path.get(f.source.path.as_str()) else {
            continue;
        };
        for &i in idx {
            let j = &mut judged[i];
            let Some(slot) = j.checks.iter().position(|(c, _)| c.id == f.check.id) else {
                continue;
            };
            let covered = match j.directive.scope {
                Scope::Line(_) => {
                    let cons = construct_cache
                        .entry(j.path.clone())
                        .or_insert_with(|| constructs(&j.source));
                    covers(&j.directive, &j.source, f, cons)
                }
                _ => covers(&j.directive, &j.source, f, &BTreeMap::new()),
            };
            if !covered {
                continue;
            }
            j.checks[slot].1 = true;
            if f.suppression.is_none() {
                f.suppression = Some(Box::new(Suppression {
                    by: j.directive.by,
                    justification: j.directive.reason.clone().unwrap_or_default(),
                    at: Some((j.path.clone(), j.line)),
                    until: j.directive.until.clone().and_then(Result::ok),
                }));
            }
        }
    }
    // Report problems.
    let bh0701 = catalogue
        .get(CHECK_ID)
        .filter(|c| config.check_enabled(c))
        .cloned();
    if let Some(check) = bh0701 {
        let severity = config.check_severity(&check).unwrap_or(check.severity);
        // A file that could not be parsed has no findings: its suppressions are not unused.
        let broken: std::collections::BTreeSet<&str> = diagnostics
            .iter()
            .filter(|d| d.level == DiagLevel::Error)
            .map(|d| d.path.as_str())
            .collect();
        for mut j in judged {
            if j.effective() && !broken.contains(j.path.as_str()) {
                for (c, used) in &j.checks {
                    if !used && config.check_enabled(c) {
                        j.problems.push(Problem::Unused(c.id.clone()));
                    }
                }
            }
            if j.problems.is_empty() {
                continue;
            }
            let what: Vec<String> = j.problems.iter().map(Problem::describe).collect();
            let names = if j.directive.checks.is_empty() {
                String::new()
            } else {
                format!(" of {}", j.directive.checks.join(", "))
            };
            let form = match j.directive.by {
                SuppressedBy::Annotation => "annotation",
                _ => "comment",
            };
            findings.push(Box::new(Finding {
                check: Arc::clone(&check),
                severity,
                span: j.directive.span,
                message: format!("suppression{names} ({form}): {}", what.join("; ")).into(),
                resource: format!("suppression{names}").into(),
                evidence: crate::finding::normalise(j.source.slice(j.directive.span)).into(),
                related: Vec::new(),
                environment: None,
                suppression: None,
                sla: None,
                source: j.source,
            }));
        }
    }
    apply_config(findings, diagnostics, catalogue, config, today);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// `[[suppressions.ignore]]` entries of the configuration.
fn apply_config(
    findings: &mut [Box<Finding>],
    diagnostics: &mut Vec<Diagnostic>,
    catalogue: &Catalogue,
    config: &Config,
    today: Date,
) {
    let file = config.path().unwrap_or(crate::config::FILE_NAME);
    for rule in &config.suppressions.ignore {
        let first = rule.checks.first().map_or(rule.reason.span(), |c| c.span());
        let line = config.line_of(first.start).unwrap_or(1);
        let at = format!("{file}:{line}");
        let ids: Vec<&str> = rule
            .checks
            .iter()
            .filter_map(|c| catalogue.get(c.get_ref()).map(|c| c.id.as_str()))
            .collect();
        if let Some(until) = rule.until {
            if today > until {
                diagnostics.push(Diagnostic::file(
                    "",
                    DiagLevel::Warning,
                    "expired-suppression",
                    format!("{at}: the `[[suppressions.ignore]]` entry for {} expired on {until} and no longer suppresses", ids.join(", ")),
                ));
                continue;
            }
        }
        let globs: Option<GlobSet> = if rule.paths.is_empty() {
            None
        } else {
            let mut b = GlobSetBuilder::new();
            for p in &rule.paths {
                if let Ok(g) = Glob::new(p.get_ref()) {
                    b.add(g);
                }
            }
            b.build().ok()
        };
        let mut used = false;
        for f in findings.iter_mut() {
            if f.suppression.is_some()
                || !ids.contains(&f.check.id.as_str())
                || globs.as_ref().is_some_and(|g| !g.is_match(&f.source.path))
            {
                continue;
            }
            used = true;
            f.suppression = Some(Box::new(Suppression {
                by: SuppressedBy::Config,
                justification: rule.reason.get_ref().trim().to_string(),
                at: Some((file.to_string(), u32::try_from(line).unwrap_or(u32::MAX))),
                until: rule.until,
            }));
        }
        if !used {
            diagnostics.push(Diagnostic::file(
                "",
                DiagLevel::Warning,
                "unused-suppression",
                format!(
                    "{at}: the `[[suppressions.ignore]]` entry for {} suppresses no finding; remove it",
                    ids.join(", ")
                ),
            ));
        }
    }
    diagnostics.sort();
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_finds_either_spelling_in_one_scan() {
        // `mentions` looks for the common prefix first.
        assert!(MARKER.starts_with("bulkhead") && ANNOTATION.starts_with("bulkhead"));
        assert!(mentions(
            "# bulkhead scan\nx = 1 # bulkhead:ignore BH0101 reason\n"
        ));
        assert!(mentions(
            "metadata:\n  annotations:\n    bulkhead.io/ignore: BH0301\n"
        ));
        assert!(!mentions("# run bulkhead scan . before pushing\n"));
        assert!(!mentions(""));
    }

    fn src(path: &str, kind: FileKind, text: &str) -> SourceFile {
        SourceFile::new(path.into(), path.into(), kind, text)
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parts_parse() {
        let p = parse_parts(" BH0301,BH0304 until=2027-01-31 -- vendor agent,  needs it ");
        assert_eq!(p.checks, ["BH0301", "BH0304"]);
        assert_eq!(p.until, Some(Ok(d("2027-01-31"))));
        assert_eq!(p.reason.as_deref(), Some("vendor agent, needs it"));
        let p = parse_parts(" privileged-container, BH0304 --reason");
        assert_eq!(p.checks, ["privileged-container", "BH0304"]);
        assert_eq!(p.reason.as_deref(), Some("reason"));
        let p = parse_parts(" BH0301 # expect: BH0701");
        assert_eq!(p.checks, ["BH0301"]);
        assert_eq!(p.reason, None);
        let p = parse_parts(" BH0301 --");
        assert_eq!(p.reason.as_deref(), Some(""));
        let p = parse_parts(" BH0301 until=2027-02-30 -- r");
        assert!(matches!(p.until, Some(Err(_))));
    }

    #[test]
    fn hcl_comment_forms() {
        let text = "# bulkhead:ignore A -- hash\nresource \"a\" \"b\" { // bulkhead:ignore B -- slashes\n  x = \"# not a comment ${var.y} // nor this\"\n  /* bulkhead:ignore C -- block */ y = 1\n  z = <<EOT\n# bulkhead:ignore D -- heredoc text\nEOT\n}\n/*\n * bulkhead:ignore E -- multi-line\n */\nresource \"c\" \"d\" {}\n";
        let s = src("main.tf", FileKind::Terraform, text);
        let ds = directives(&s);
        let got: Vec<(String, Scope)> = ds.iter().map(|d| (d.checks.join(","), d.scope)).collect();
        assert_eq!(
            got,
            [
                ("A".to_string(), Scope::Line(2)),
                ("B".to_string(), Scope::Line(2)),
                ("C".to_string(), Scope::Line(4)),
                ("E".to_string(), Scope::Line(12)),
            ]
        );
        assert_eq!(ds[3].reason.as_deref(), Some("multi-line"));
        assert_eq!(s.slice(ds[1].span), "bulkhead:ignore B -- slashes");
    }

    #[test]
    fn yaml_comment_forms() {
        let text = "---\n# bulkhead:ignore A -- doc\napiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x # bulkhead:ignore N -- in a string\"\n  note: it's # bulkhead:ignore B -- after a plain scalar\nscript: |\n  # bulkhead:ignore C -- block scalar text\nspec: {} # bulkhead:ignore D -- trailing\n# bulkhead:ignore E -- blank line follows\n\nother: 1\n";
        let s = src("a.yaml", FileKind::Yaml, text);
        let got: Vec<(String, Scope)> = directives(&s)
            .iter()
            .map(|d| (d.checks.join(","), d.scope))
            .collect();
        assert_eq!(
            got,
            [
                ("A".to_string(), Scope::Line(3)),
                ("B".to_string(), Scope::Line(7)),
                ("D".to_string(), Scope::Line(10)),
                ("E".to_string(), Scope::Nowhere),
            ]
        );
    }

    #[test]
    fn dockerfile_comment_forms() {
        let text = "# bulkhead:ignore A -- above\n# another comment\nFROM alpine\nRUN apk add x \\\n    y # bulkhead:ignore B -- trailing\nRUN echo '#' # not one\n";
        let s = src("Dockerfile", FileKind::Dockerfile, text);
        let got: Vec<(String, Scope)> = directives(&s)
            .iter()
            .map(|d| (d.checks.join(","), d.scope))
            .collect();
        assert_eq!(
            got,
            [
                ("A".to_string(), Scope::Line(3)),
                ("B".to_string(), Scope::Line(5))
            ]
        );
    }

    #[test]
    fn marker_must_start_the_comment() {
        let s = src(
            "main.tf",
            FileKind::Terraform,
            "# TODO: bulkhead:ignore A -- later\n# bulkhead:ignored A -- no\nx = 1\n",
        );
        assert!(directives(&s).is_empty());
    }

    #[test]
    fn annotations_split_on_semicolons() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    bulkhead.io/ignore: \"BH0301 -- one; BH0304 until=2027-01-31 -- two\"\nspec: {}\n";
        let s = src("p.yaml", FileKind::Yaml, text);
        let ds = directives(&s);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].by, SuppressedBy::Annotation);
        assert_eq!(ds[1].checks, ["BH0304"]);
        assert_eq!(ds[1].reason.as_deref(), Some("two"));
        assert!(matches!(ds[0].scope, Scope::Object(sp) if sp.start == 0));
    }

    #[test]
    fn constructs_cover_blocks_and_items() {
        let s = src(
            "main.tf",
            FileKind::Terraform,
            "resource \"a\" \"b\" {\n  ingress {\n    x = 1\n  }\n  ingress {\n    x = 2\n  }\n}\n",
        );
        let c = constructs(&s);
        assert_eq!(s.line_col(c[&1].end - 1).line, 8);
        assert_eq!(
            s.line_col(c[&2].end - 1).line,
            4,
            "one nested block, not both"
        );
        let y = src(
            "a.yaml",
            FileKind::Yaml,
            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: x\n    - name: b\n",
        );
        let c = constructs(&y);
        assert_eq!(y.line_col(c[&1].end - 1).line, 7, "the document");
        assert_eq!(y.line_col(c[&5].end - 1).line, 6, "the first container");
    }
}
