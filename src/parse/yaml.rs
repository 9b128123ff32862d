//! YAML (and JSON, which is YAML 1.2) to [`Node`] trees, built from the
//! `saphyr-parser` event stream.
//!
//! The tree is built iteratively, never recursively, so hostile nesting cannot
//! overflow the stack; nesting depth, alias expansion and document count are
//! bounded by [`YamlLimits`] and reported as errors when exceeded (with
//! [`YamlError::limit`] set), as is running past the unit's deadline. Repeated
//! keys are kept (the last one wins for lookups) and reported to the caller;
//! finding them stays linear in the size of a mapping.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

use super::yaml_scalar::Plain;

use crate::model::{Entry, FileIdx, Node, Value};
use crate::source::{SourceFile, Span};

/// Bounds applied while loading YAML.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    /// Deepest nesting of maps and sequences accepted.
    pub max_depth: usize,
    /// Most nodes that alias expansion may copy in one file.
    pub max_alias_nodes: usize,
    /// Most documents in one stream.
    pub max_documents: usize,
    /// When loading must stop (the per-unit timeout), if any.
    pub deadline: Option<Instant>,
}

/// Default deepest nesting of mappings and sequences.
pub const MAX_DEPTH: usize = 200;
/// Default most nodes that aliases may copy in one file.
pub const MAX_ALIAS_NODES: usize = 100_000;
/// Default most documents in one stream.
pub const MAX_DOCUMENTS: usize = 10_000;

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: MAX_DEPTH,
            max_alias_nodes: MAX_ALIAS_NODES,
            max_documents: MAX_DOCUMENTS,
            deadline: None,
        }
    }
}

/// One document of a YAML stream.
#[derive(Debug)]
pub struct Document {
    /// Zero-based position in the stream.
    pub index: usize,
    /// The root value.
    pub root: Node,
}

/// A key that appears twice in one mapping.
#[derive(Debug, Clone)]
pub struct DuplicateKey {
    /// The repeated key.
    pub key: String,
    /// Where it is repeated.
    pub span: Span,
}

/// A YAML syntax or limit error at a position.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// What went wrong.
    pub message: String,
    /// Byte offset of the problem.
    pub offset: usize,
    /// The limit that was hit (its `[limits]` key in `bulkhead.toml`:
    /// `yaml_depth`, `yaml_alias_nodes`, `yaml_documents`, `unit_timeout`),
    /// or `None` when the text is invalid.
    pub limit: Option<&'static str>,
}

/// The result of loading a stream.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents, in order.
    pub documents: Vec<Document>,
    /// Keys repeated within a mapping.
    pub duplicate_keys: Vec<DuplicateKey>,
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
        /// Keys seen so far, once the mapping is large enough for a linear
        /// search to cost more than hashing.
        index: Option<HashSet<String>>,
    },
}

/// Mappings with more entries than this look repeated keys up in a hash set.
const INDEX_FROM: usize = 16;
/// Events between two looks at the clock.
const CLOCK_EVERY: u32 = 1024;

struct Builder<'a> {
    src: &'a SourceFile,
    /// Original offsets where a space was inserted (see [`load`]), sorted.
    inserted: &'a [usize],
    /// Lines left out of the parsed text (see [`strip_crd_schemas`]), in order.
    cuts: &'a [Cut],
    ascii: bool,
    limits: YamlLimits,
    anchors: HashMap<usize, Node>,
    alias_budget: usize,
    out: Loaded,
}

impl Builder<'_> {
    fn offset(&self, m: &Marker) -> usize {
        let o = if self.ascii {
            let i = m.index();
            let before = self.cuts.partition_point(|c| c.at <= i);
            let removed = before
                .checked_sub(1)
                .map_or(0, |k| self.cuts[k].bytes_through);
            (i + removed).min(self.src.text.len())
        } else {
            let line = m.line();
            let before = self.cuts.partition_point(|c| c.line <= line);
            let removed = before
                .checked_sub(1)
                .map_or(0, |k| self.cuts[k].lines_through);
            self.src.offset_of(line + removed, m.col())
        };
        // Map an offset of the patched text back to the original text.
        let shifted = self
            .inserted
            .iter()
            .enumerate()
            .take_while(|(k, p)| **p + k < o)
            .count();
        o - shifted
    }

    fn err(&self, m: &Marker, message: impl Into<String>) -> YamlError {
        YamlError {
            message: message.into(),
            offset: self.offset(m),
            limit: None,
        }
    }

    fn limit(&self, key: &'static str, m: &Marker, message: impl Into<String>) -> YamlError {
        YamlError {
            limit: Some(key),
            ..self.err(m, message)
        }
    }
}

/// Load every document of `src` (YAML or JSON text).
///
/// # Errors
/// A syntax error or an exceeded limit, with its position.
pub fn load(src: &SourceFile, file: FileIdx, limits: YamlLimits) -> Result<Loaded, YamlError> {
    match load_inner(src, &[], file, limits) {
        Err(e) if e.message.contains(UNDER_INDENTED) => load_relaxed(src, file, limits, e),
        other => other,
    }
}

const UNDER_INDENTED: &str = "invalid indentation in quoted scalar";

/// Kubernetes tooling (go-yaml) accepts multi-line quoted scalars whose
/// continuation lines are not indented past their key; the YAML spec does
/// not. Indent each offending line by one space and parse again, mapping
/// every position back to the original text.
fn load_relaxed(
    src: &SourceFile,
    file: FileIdx,
    limits: YamlLimits,
    mut err: YamlError,
) -> Result<Loaded, YamlError> {
    let original: &str = &src.text;
    let mut inserted: Vec<usize> = Vec::new();
    for _ in 0..256 {
        // The error points at the opening quote: indent every continuation line
        // of that scalar.
        let lines = continuation_lines(original, err.offset);
        if lines.is_empty() || lines.iter().any(|l| inserted.contains(l)) {
            return Err(err);
        }
        inserted.extend(lines);
        inserted.sort_unstable();
        let mut patched = String::with_capacity(original.len() + inserted.len());
        let mut last = 0;
        for &p in &inserted {
            patched.push_str(&original[last..p]);
            patched.push(' ');
            last = p;
        }
        patched.push_str(&original[last..]);
        let patched_src =
            SourceFile::new(src.path.clone(), src.disk_path.clone(), src.kind, patched);
        match load_inner(&patched_src, &inserted, file, limits) {
            Err(e) if e.message.contains(UNDER_INDENTED) => err = e,
            other => return other,
        }
    }
    Err(err)
}

/// Start offsets of the lines after the first of the quoted scalar opening at `start`.
fn continuation_lines(text: &str, start: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let Some(&quote) = bytes.get(start).filter(|b| **b == b'"' || **b == b'\'') else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        if quote == b'"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return out;
        }
        if b == b'\n' {
            out.push(i + 1);
        }
        i += 1;
    }
    vec![]
}

fn load_inner(
    src: &SourceFile,
    inserted: &[usize],
    file: FileIdx,
    limits: YamlLimits,
) -> Result<Loaded, YamlError> {
    let stripped = strip_crd_schemas(&src.text);
    // Positions in the stripped text map back to the source through its cuts.
    let (text, cuts): (&str, &[Cut]) = match &stripped {
        Some(st) => (&st.text, &st.cuts),
        None => (&src.text, &[]),
    };
    let mut b = Builder {
        src,
        inserted,
        cuts,
        ascii: text.is_ascii(),
        limits,
        anchors: HashMap::new(),
        alias_budget: limits.max_alias_nodes,
        out: Loaded::default(),
    };
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut doc_root: Option<Node> = None;
    let mut ticks = 0u32;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            if e.info().contains("recursion limit") {
                // The parser's own bound on flow nesting.
                b.limit("yaml_depth", e.marker(), "nesting too deep for the parser")
            } else {
                b.err(e.marker(), e.info().to_string())
            }
        })?;
        ticks = ticks.wrapping_add(1);
        if ticks % CLOCK_EVERY == 0 && b.limits.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(b.limit(
                "unit_timeout",
                &span.start,
                "loading took longer than the time limit",
            ));
        }
        let start = b.offset(&span.start);
        let end = b.offset(&span.end).max(start);
        let finished: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::Nothing => None,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                if b.out.documents.len() >= b.limits.max_documents {
                    return Err(b.limit(
                        "yaml_documents",
                        &span.start,
                        format!("more than {} documents", b.limits.max_documents),
                    ));
                }
                b.anchors.clear();
                doc_root = None;
                None
            }
            Event::DocumentEnd => {
                let index = b.out.documents.len();
                let root = doc_root
                    .take()
                    .unwrap_or_else(|| node(Span::new(start, start), file, Value::Null));
                b.out.documents.push(Document { index, root });
                None
            }
            Event::Alias(id) => {
                let Some(target) = b.anchors.get(&id) else {
                    return Err(b.err(&span.start, "alias to an unknown anchor"));
                };
                let size = count_nodes(target);
                if size > b.alias_budget {
                    return Err(b.limit(
                        "yaml_alias_nodes",
                        &span.start,
                        format!(
                            "alias expansion exceeds {} nodes (possible billion-laughs attack)",
                            b.limits.max_alias_nodes
                        ),
                    ));
                }
                b.alias_budget -= size;
                let mut copy = target.clone();
                copy.span = Span::new(start, end);
                Some((copy, 0))
            }
            Event::Scalar(value, style, anchor, tag) => {
                let forced_str = tag
                    .as_ref()
                    .is_some_and(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str");
                let v = if style == ScalarStyle::Plain && !forced_str {
                    resolve_plain(&value)
                } else {
                    Value::String(value.into_owned())
                };
                Some((node(Span::new(start, end), file, v), anchor))
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= b.limits.max_depth {
                    return Err(b.limit(
                        "yaml_depth",
                        &span.start,
                        format!("nesting deeper than {} levels", b.limits.max_depth),
                    ));
                }
                stack.push(Frame::Seq {
                    start,
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= b.limits.max_depth {
                    return Err(b.limit(
                        "yaml_depth",
                        &span.start,
                        format!("nesting deeper than {} levels", b.limits.max_depth),
                    ));
                }
                stack.push(Frame::Map {
                    start,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    index: None,
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq {
                    start: s,
                    anchor,
                    items,
                }) => {
                    let e = end.max(items.last().map_or(s, |n| n.span.end as usize));
                    Some((node(Span::new(s, e), file, Value::List(items)), anchor))
                }
                _ => return Err(b.err(&span.start, "unbalanced sequence end")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    start: s,
                    anchor,
                    entries,
                    ..
                }) => {
                    let e = end.max(entries.last().map_or(s, |n| n.value.span.end as usize));
                    Some((node(Span::new(s, e), file, Value::Map(entries)), anchor))
                }
                _ => return Err(b.err(&span.start, "unbalanced mapping end")),
            },
        };
        let Some((n, anchor)) = finished else {
            continue;
        };
        if anchor != 0 {
            b.anchors.insert(anchor, n.clone());
        }
        match stack.last_mut() {
            None => doc_root = Some(n),
            Some(Frame::Seq { items, .. }) => items.push(n),
            Some(Frame::Map {
                entries,
                key,
                index,
                ..
            }) => match key.take() {
                None => {
                    let k = match &n.value {
                        Value::String(s) => s.clone(),
                        Value::Null => String::new(),
                        other => scalar_key(other),
                    };
                    *key = Some((k, n.span));
                }
                Some((k, key_span)) => {
                    if k == "<<" {
                        merge_into(entries, index, &n);
                    } else {
                        if is_repeated(entries, index, &k) {
                            b.out.duplicate_keys.push(DuplicateKey {
                                key: k.clone(),
                                span: key_span,
                            });
                        }
                        entries.push(Entry {
                            key: k,
                            key_span,
                            value: n,
                        });
                    }
                }
            },
        }
    }
    if let Some(root) = doc_root.take() {
        let index = b.out.documents.len();
        b.out.documents.push(Document { index, root });
    }
    Ok(b.out)
}

/// Lines left out of the text handed to the parser.
#[derive(Debug)]
struct Cut {
    /// Offset in the stripped text where the left-out lines were.
    at: usize,
    /// 1-based line of the stripped text that follows them.
    line: usize,
    /// Bytes left out up to and including this cut.
    bytes_through: usize,
    /// Lines left out up to and including this cut.
    lines_through: usize,
}

/// A text without some of its lines.
#[derive(Debug)]
struct Stripped {
    text: String,
    cuts: Vec<Cut>,
}

/// `CustomResourceDefinition` documents carry the bulk of Kubernetes YAML
/// (operator and install bundles: 80 % of the YAML bytes of a typical
/// corpus) in their `spec` (the OpenAPI schema), which no check reads. The
/// lines of the top-level `spec:` block of such documents are left out of the
/// text given to the parser (whole lines, so every position after them maps
/// back to the source by the bytes and lines left out): the object keeps its
/// `apiVersion`, `kind` and `metadata` (removed-API checks, labels,
/// annotations, suppressions), and its `spec` is null.
/// `None` when the text holds no such document.
fn strip_crd_schemas(text: &str) -> Option<Stripped> {
    if !crate::source::contains(text, "CustomResourceDefinition") {
        return None;
    }
    // One pass over the lines (as `split_inclusive('\n')` cuts them; line
    // ends found with SIMD: CRD bundles run to megabytes), by documents split
    // at column-0 markers, without a table of every line.
    let is_marker = |l: &str| {
        let t = l.trim_end_matches(['\n', '\r']);
        (t.starts_with("---") || t.starts_with("..."))
            && t[3..].chars().next().is_none_or(char::is_whitespace)
    };
    let is_crd_kind = |l: &str| {
        l.strip_prefix("kind:").is_some_and(|v| {
            let v = v.split(" #").next().unwrap_or(v).trim();
            v.trim_matches(['"', '\'']) == "CustomResourceDefinition"
        })
    };
    let is_spec = |l: &str| {
        l.strip_prefix("spec:")
            .is_some_and(|rest| rest.split(" #").next().unwrap_or(rest).trim().is_empty())
    };
    // The block of `spec:`: indented, blank and comment lines after it.
    let in_block = |l: &str| l.starts_with([' ', '\t', '\n', '\r', '#']) || l.is_empty();
    let mut left_out: Vec<LeftOut> = Vec::new();
    let mut doc = DocScan::default();
    let (mut at, mut index) = (0, 0);
    while at < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
        let line = &text[at..end];
        if is_marker(line) {
            left_out.extend(std::mem::take(&mut doc).finish());
        } else {
            doc.crd |= is_crd_kind(line);
            match &mut doc.block {
                // The document's first `spec:` line: its block starts below.
                None if is_spec(line) => {
                    doc.block = Some(LeftOut {
                        lines: index + 1..index + 1,
                        bytes: end..end,
                    });
                    doc.in_block = true;
                }
                Some(block) if doc.in_block => {
                    if in_block(line) {
                        block.lines.end = index + 1;
                        block.bytes.end = end;
                    } else {
                        doc.in_block = false;
                    }
                }
                _ => {}
            }
        }
        at = end;
        index += 1;
    }
    left_out.extend(doc.finish());
    if left_out.is_empty() {
        return None;
    }
    let cut_bytes: usize = left_out.iter().map(|l| l.bytes.len()).sum();
    let mut out = Stripped {
        text: String::with_capacity(text.len() - cut_bytes),
        cuts: Vec::with_capacity(left_out.len()),
    };
    // `kept_from`: first byte after the previous cut; totals left out so far.
    let (mut kept_from, mut bytes, mut removed_lines) = (0, 0, 0);
    for LeftOut {
        lines,
        bytes: range,
    } in left_out
    {
        out.text.push_str(&text[kept_from..range.start]);
        // Line `lines.start + 1` (1-based) of the source, less the lines left out before it.
        let line = lines.start + 1 - removed_lines;
        bytes += range.len();
        removed_lines += lines.len();
        out.cuts.push(Cut {
            at: out.text.len(),
            line,
            bytes_through: bytes,
            lines_through: removed_lines,
        });
        kept_from = range.end;
    }
    out.text.push_str(&text[kept_from..]);
    Some(out)
}

/// Lines [`strip_crd_schemas`] leaves out: 0-based line indices and the
/// bytes they span.
#[derive(Debug, Clone)]
struct LeftOut {
    lines: std::ops::Range<usize>,
    bytes: std::ops::Range<usize>,
}

/// One document as [`strip_crd_schemas`] reads it.
#[derive(Debug, Default)]
struct DocScan {
    /// A column-0 `kind: CustomResourceDefinition` line was seen.
    crd: bool,
    /// The block of the document's first column-0 `spec:` line, so far.
    block: Option<LeftOut>,
    /// Lines still extend that block.
    in_block: bool,
}

impl DocScan {
    /// The lines to leave out of a finished document: its `spec` block, if
    /// it is a CRD and the block is not empty.
    fn finish(self) -> Option<LeftOut> {
        self.block.filter(|b| self.crd && !b.lines.is_empty())
    }
}

fn node(span: Span, file: FileIdx, value: Value) -> Node {
    Node { span, file, value }
}

fn scalar_key(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => crate::model::format_number(*n),
        _ => "?".into(),
    }
}

/// Whether `key` is already a key of the mapping being built; records it
/// otherwise. Small mappings search linearly, large ones keep a hash set.
fn is_repeated(entries: &[Entry], index: &mut Option<HashSet<String>>, key: &str) -> bool {
    if index.is_none() && entries.len() >= INDEX_FROM {
        *index = Some(entries.iter().map(|e| e.key.clone()).collect());
    }
    match index {
        Some(set) => !set.insert(key.to_string()),
        None => entries.iter().any(|e| e.key == key),
    }
}

/// YAML merge keys (`<<: *base`): copy entries that the mapping does not set itself.
fn merge_into(entries: &mut Vec<Entry>, index: &mut Option<HashSet<String>>, from: &Node) {
    for source in from.as_many() {
        for e in source.entries() {
            if !is_repeated(entries, index, &e.key) {
                entries.push(e.clone());
            }
        }
    }
}

fn count_nodes(n: &Node) -> usize {
    let mut count = 0usize;
    n.walk(&mut |_, _| count += 1);
    count
}

/// A plain scalar as a value (see [`super::yaml_scalar::resolve`]).
fn resolve_plain(s: &str) -> Value {
    match super::yaml_scalar::resolve(s) {
        Plain::Null => Value::Null,
        Plain::Bool(b) => Value::Bool(b),
        Plain::Number(n) => Value::Number(n),
        Plain::Str(s) => Value::String(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileKind;

    fn src(text: &str) -> SourceFile {
        SourceFile::new("t.yaml".into(), "t.yaml".into(), FileKind::Yaml, text)
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let f = src("a:\n  b: true\n---\nc: [1, x]\n");
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        assert_eq!(l.documents.len(), 2);
        let b = l.documents[0].root.get("a").unwrap().entry("b").unwrap();
        assert_eq!(f.line_col(b.key_span.start).line, 2);
        assert_eq!(f.line_col(b.value.span.start).column, 6);
        assert_eq!(b.value.value, Value::Bool(true));
        let c = l.documents[1].root.get("c").unwrap();
        assert_eq!(c.items()[0].value, Value::Number(1.0));
        assert_eq!(f.slice(c.items()[1].span), "x");
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        let f = src("é: 1\nk: vé\n");
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        let k = l.documents[0].root.entry("k").unwrap();
        assert_eq!(f.slice(k.value.span), "vé");
    }

    #[test]
    fn duplicate_keys_are_kept_and_reported() {
        let f = src("a: 1\na: 2\n");
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        assert_eq!(l.duplicate_keys.len(), 1);
        assert_eq!(
            l.documents[0].root.get("a").unwrap().value,
            Value::Number(2.0)
        );
    }

    #[test]
    fn alias_bombs_are_stopped() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let err = load(&src(&text), 0, YamlLimits::default()).unwrap_err();
        assert!(err.message.contains("alias expansion"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "- ".repeat(100_000) + "x\n";
        let err = load(&src(&text), 0, YamlLimits::default()).unwrap_err();
        assert!(err.message.contains("nesting"), "{}", err.message);
        let text = "{a: ".repeat(100_000);
        assert!(load(&src(&text), 0, YamlLimits::default()).is_err());
    }

    #[test]
    fn under_indented_quoted_scalars_are_accepted_with_exact_spans() {
        let text = "a:\n  d: \"one\n  two\"\n  e: x\n";
        let f = src(text);
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        let a = l.documents[0].root.get("a").unwrap();
        assert_eq!(a.get("d").unwrap().as_str(), Some("one two"));
        assert_eq!(f.slice(a.get("e").unwrap().span), "x");
    }

    #[test]
    fn crd_schemas_are_skipped_with_exact_spans() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: crontabs.example.com # ✓\n  labels: {app: x}\nspec:\n  group: example.com\n  # comment ü\n  versions:\n    - name: v1\n      schema: {openAPIV3Schema: {type: object, description: \"ü ---\"}}\nstatus: {}\n---\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 2\n";
        let f = src(text);
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        assert_eq!(l.documents.len(), 3);
        let crd = &l.documents[1].root;
        assert_eq!(crd.get("spec").map(|n| &n.value), Some(&Value::Null));
        let name = crd.path("metadata.name").unwrap();
        assert_eq!(f.slice(name.span), "crontabs.example.com");
        assert_eq!(f.slice(crd.get("status").unwrap().span), "{}");
        let d = &l.documents[2].root;
        assert_eq!(d.path("spec.replicas").unwrap().value, Value::Number(2.0));
        assert_eq!(f.slice(d.path("spec.replicas").unwrap().span), "2");
        assert_eq!(
            f.line_col(d.path("spec.replicas").unwrap().span.start).line,
            23
        );
    }

    /// Per cut: offset in the stripped text, line after it, bytes and lines
    /// left out so far.
    type Cuts = Vec<(usize, usize, usize, usize)>;

    /// What is left out of a text: the stripped text and its cuts.
    fn cut(text: &str) -> Option<(String, Cuts)> {
        strip_crd_schemas(text).map(|s| {
            let cuts = s.cuts.iter();
            let cuts = cuts.map(|c| (c.at, c.line, c.bytes_through, c.lines_through));
            (s.text, cuts.collect())
        })
    }

    #[test]
    fn crd_spec_blocks_are_cut_by_documents_and_whole_lines() {
        let crd = "kind: CustomResourceDefinition\n";
        // The `kind` may follow the `spec` block; blank and comment lines
        // belong to the block.
        let t = format!("spec:\n  a: 1\n\n# c\n{crd}");
        assert_eq!(
            cut(&t),
            Some((format!("spec:\n{crd}"), vec![(6, 2, 12, 3)]))
        );
        // No final line break.
        let t = format!("{crd}spec:\n  a: 1");
        assert_eq!(
            cut(&t),
            Some((format!("{crd}spec:\n"), vec![(37, 3, 6, 1)]))
        );
        // Only CRD documents; the first `spec:` of each; markers end blocks;
        // a `spec:` with a value or a comment-only rest; CRLF lines.
        let t = format!(
            "kind: Deployment\nspec:\n  a\n--- # x\r\n{crd}spec: # s\r\n\r\n  b: 2\r\n...\nspec: {{}}\n{crd}spec:\n c\nspec:\n d\n"
        );
        let kept = format!(
            "kind: Deployment\nspec:\n  a\n--- # x\r\n{crd}spec: # s\r\n...\nspec: {{}}\n{crd}spec:\nspec:\n d\n"
        );
        assert_eq!(
            cut(&t),
            Some((kept, vec![(78, 7, 10, 2), (128, 11, 13, 3)]))
        );
        // Nothing to cut: no CRD, an empty block, no `spec:` block.
        assert_eq!(cut("kind: Deployment\nspec:\n  a\n"), None);
        assert_eq!(cut(&format!("{crd}spec:\nstatus: {{}}\n")), None);
        assert_eq!(cut(&format!("{crd}spec: {{a: 1}}\n  b\n")), None);
    }

    #[test]
    fn positions_after_several_left_out_schemas_map_back() {
        let crd = |n: &str| {
            format!(
                "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: {n}\nspec:\n  group: g\n  versions:\n    - name: v1\n      description: long text\n"
            )
        };
        // ASCII only (positions by index) and with a character after the
        // cuts that is not (positions by line and column).
        for tail in ["tail", "tailé"] {
            let text = format!(
                "{}---\n{}status:\n  x: mid\n---\nkind: ConfigMap\ndata:\n  k: {tail}\n",
                crd("one"),
                crd("two")
            );
            let f = src(&text);
            let l = load(&f, 0, YamlLimits::default()).unwrap();
            assert_eq!(l.documents.len(), 3);
            for (d, name) in [(0, "one"), (1, "two")] {
                let root = &l.documents[d].root;
                assert_eq!(root.get("spec").map(|n| &n.value), Some(&Value::Null));
                assert_eq!(f.slice(root.path("metadata.name").unwrap().span), name);
            }
            assert_eq!(
                f.slice(l.documents[1].root.path("status.x").unwrap().span),
                "mid"
            );
            let k = l.documents[2].root.path("data.k").unwrap();
            assert_eq!(f.slice(k.span), tail);
            assert_eq!(f.line_col(k.span.start).line, 25);
        }
    }

    #[test]
    fn merge_keys_and_scalars_resolve() {
        let f = src("base: &b {x: 1}\nd:\n  <<: *b\n  y: 0x10\n  z: '1'\n  n: ~\n");
        let l = load(&f, 0, YamlLimits::default()).unwrap();
        let d = l.documents[0].root.get("d").unwrap();
        assert_eq!(d.get("x").unwrap().value, Value::Number(1.0));
        assert_eq!(d.get("y").unwrap().value, Value::Number(16.0));
        assert_eq!(d.get("z").unwrap().value, Value::String("1".into()));
        assert_eq!(d.get("n").unwrap().value, Value::Null);
    }
}
