//! Terraform / HCL parsing ([`crate::hcl`]) into [`Block`]s whose bodies are
//! [`Node`] trees with exact spans, plus `.tf.json` through the YAML loader.
//!
//! Expressions that are not literals become [`Value::Unknown`] here; the
//! evaluation of variables, locals and functions happens in
//! [`crate::terraform`], which re-reads the same expressions.

use crate::hcl::{Body, Element, Expression, ObjectKey, Span as _, Structure, Template};

use crate::model::dockerfile::Word;
use crate::model::terraform::Block;
use crate::model::{Entry, FileIdx, Node, Value};
use crate::parse::yaml::{self, YamlLimits};
use crate::source::{SourceFile, Span};

/// A Terraform syntax error.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct HclError {
    /// What is wrong.
    pub message: String,
    /// Byte offset.
    pub offset: usize,
}

/// A parsed `.tf`, `.tfvars` or `.hcl` file.
#[derive(Debug)]
pub struct HclFile {
    /// The syntax tree, kept for evaluation.
    pub body: Body,
    /// Top-level blocks.
    pub blocks: Vec<Block>,
    /// Top-level attributes (tfvars assignments, Terragrunt `inputs`, ...).
    pub attributes: Node,
}

/// Parse HCL source text.
///
/// # Errors
/// The first syntax error with its offset.
pub fn parse_hcl(text: &str, file: FileIdx) -> Result<HclFile, HclError> {
    parse_hcl_keeping(text, file, |_| true)
}

/// Block kinds whose body the module evaluator replaces with its evaluated
/// form: [`parse_module_hcl`] does not convert their literal body.
const EVALUATED_KINDS: &[&str] = &[
    "resource",
    "data",
    "provider",
    "terraform",
    "locals",
    "output",
];

/// Parse a `.tf` file of a module for the module evaluator: as
/// [`parse_hcl`], but the blocks the evaluator evaluates from the syntax
/// tree (resources, data sources, providers, `terraform`, `locals`,
/// outputs) get a null body instead of their literal one, which nothing
/// reads. Module calls (their `source`), variables and other blocks keep
/// theirs.
///
/// # Errors
/// As [`parse_hcl`].
pub fn parse_module_hcl(text: &str, file: FileIdx) -> Result<HclFile, HclError> {
    parse_hcl_keeping(text, file, |kind| !EVALUATED_KINDS.contains(&kind))
}

/// Parse HCL source text, converting the literal bodies of the top-level
/// blocks whose kind `literal` accepts.
fn parse_hcl_keeping(
    text: &str,
    file: FileIdx,
    literal: impl Fn(&str) -> bool,
) -> Result<HclFile, HclError> {
    let body = crate::hcl::parse_body(text).map_err(|e| HclError {
        message: e.message,
        offset: e.offset,
    })?;
    let mut blocks = Vec::new();
    let mut attrs = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Block(b) => blocks.push(Block {
                kind: b.ident.as_str().to_string(),
                labels: b
                    .labels
                    .iter()
                    .map(|l| Word {
                        text: l.as_str().to_string(),
                        span: span_of(l.span()),
                    })
                    .collect(),
                ident_span: span_of(b.ident.span()),
                span: span_of(b.span()),
                file,
                body: if literal(b.ident.as_str()) {
                    body_node(&b.body, span_of(b.span()), text, file)
                } else {
                    Node {
                        span: span_of(b.span()),
                        file,
                        value: Value::Null,
                    }
                },
                module_prefix: String::new(),
                instance: String::new(),
                called_from: None,
            }),
            Structure::Attribute(a) => attrs.push(Entry {
                key: a.key.as_str().to_string(),
                key_span: span_of(a.key.span()),
                value: expr_node(&a.value, text, file),
            }),
        }
    }
    let whole = Span::new(0, text.len());
    Ok(HclFile {
        body,
        blocks,
        attributes: Node {
            span: whole,
            file,
            value: Value::Map(attrs),
        },
    })
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(Span::from).unwrap_or_default()
}

/// Convert a block body: attributes as entries, nested blocks grouped by type as lists.
#[must_use]
pub fn body_node(body: &Body, span: Span, text: &str, file: FileIdx) -> Node {
    let mut entries: Vec<Entry> = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => entries.push(Entry {
                key: a.key.as_str().to_string(),
                key_span: span_of(a.key.span()),
                value: expr_node(&a.value, text, file),
            }),
            Structure::Block(b) => {
                let key = b.ident.as_str();
                let bspan = span_of(b.span());
                let mut inner = body_node(&b.body, bspan, text, file);
                if !b.labels.is_empty() {
                    if let Value::Map(e) = &mut inner.value {
                        let labels = b
                            .labels
                            .iter()
                            .map(|l| Node {
                                span: span_of(l.span()),
                                file,
                                value: Value::String(l.as_str().to_string()),
                            })
                            .collect();
                        e.insert(
                            0,
                            Entry {
                                key: "__labels__".into(),
                                key_span: bspan,
                                value: Node {
                                    span: bspan,
                                    file,
                                    value: Value::List(labels),
                                },
                            },
                        );
                    }
                }
                match entries.iter_mut().find(|e| e.key == key) {
                    Some(Entry {
                        value:
                            Node {
                                value: Value::List(list),
                                span,
                                ..
                            },
                        ..
                    }) if list
                        .first()
                        .is_some_and(|n| matches!(n.value, Value::Map(_))) =>
                    {
                        *span = span.cover(bspan);
                        list.push(inner);
                    }
                    _ => entries.push(Entry {
                        key: key.to_string(),
                        key_span: span_of(b.ident.span()),
                        value: Node {
                            span: bspan,
                            file,
                            value: Value::List(vec![inner]),
                        },
                    }),
                }
            }
        }
    }
    Node {
        span,
        file,
        value: Value::Map(entries),
    }
}

/// Convert an expression: literals to values, anything else to `Unknown` with its text.
#[must_use]
pub fn expr_node(expr: &Expression, text: &str, file: FileIdx) -> Node {
    let span = span_of(expr.span());
    let value = match expr {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => n.value().as_f64().map_or(Value::Null, Value::Number),
        Expression::String(s) => Value::String(s.value().to_string()),
        Expression::Array(a) => Value::List(a.iter().map(|e| expr_node(e, text, file)).collect()),
        Expression::Object(o) => Value::Map(
            o.iter()
                .map(|(k, v)| {
                    let (key, key_span) = match k {
                        ObjectKey::Ident(i) => (i.as_str().to_string(), span_of(i.span())),
                        ObjectKey::Expression(e) => {
                            let n = expr_node(e, text, file);
                            let key = n.as_str().map_or_else(
                                || text.get(n.span.range()).unwrap_or("?").to_string(),
                                str::to_string,
                            );
                            (key, n.span)
                        }
                    };
                    Entry {
                        key,
                        key_span,
                        value: expr_node(v.expr(), text, file),
                    }
                })
                .collect(),
        ),
        Expression::StringTemplate(t) => {
            literal_template(t, None).map_or_else(|| unknown_text(text, span), Value::String)
        }
        Expression::HeredocTemplate(h) => literal_template(&h.template, h.indent())
            .map_or_else(|| unknown_text(text, span), Value::String),
        Expression::Parenthesis(p) => return expr_node(p.inner(), text, file),
        // `jsonencode({...})` of a literal keeps the literal's structure and spans, so
        // policy checks see statements, actions and principals where they are written.
        Expression::FuncCall(f)
            if f.name.namespace.is_empty()
                && f.name.name.as_str() == "jsonencode"
                && f.args.iter().count() == 1 =>
        {
            match f.args.iter().next().map(|a| expr_node(a, text, file)) {
                Some(n) if !n.contains_unknown() => return n,
                _ => unknown_text(text, span),
            }
        }
        _ => unknown_text(text, span),
    };
    Node { span, file, value }
}

fn unknown_text(text: &str, span: Span) -> Value {
    let t = text.get(span.range()).unwrap_or("expression").trim();
    let t: String = t.chars().take(120).collect();
    Value::Unknown(t.into())
}

/// The string value of a template made only of literal parts.
fn literal_template(t: &Template, indent: Option<usize>) -> Option<String> {
    let mut out = String::new();
    for e in t.iter() {
        match e {
            Element::Literal(l) => out.push_str(l.value()),
            _ => return None,
        }
    }
    Some(match indent {
        Some(n) => dedent(&out, n),
        None => out,
    })
}

/// Remove up to `n` leading spaces from every line (`<<-EOF` heredocs).
#[must_use]
pub fn dedent(s: &str, n: usize) -> String {
    s.split_inclusive('\n')
        .map(|line| {
            let strip = line
                .bytes()
                .take(n)
                .take_while(|b| *b == b' ' || *b == b'\t')
                .count();
            &line[strip..]
        })
        .collect()
}

/// Parse a `.tf.json` file: `{"resource": {"type": {"name": {...}}}, ...}`.
///
/// # Errors
/// A JSON syntax error with its offset.
pub fn parse_tf_json(src: &SourceFile, file: FileIdx) -> Result<Vec<Block>, HclError> {
    let loaded = yaml::load(src, file, YamlLimits::default()).map_err(|e| HclError {
        message: e.message,
        offset: e.offset,
    })?;
    let mut blocks = Vec::new();
    let Some(doc) = loaded.documents.into_iter().next() else {
        return Ok(blocks);
    };
    for top in doc.root.entries() {
        let kind = top.key.as_str();
        let label_depth = match kind {
            "resource" | "data" => 2,
            "module" | "provider" | "variable" | "output" => 1,
            _ => 0,
        };
        collect_json_blocks(
            kind,
            top.key_span,
            &top.value,
            label_depth,
            &mut Vec::new(),
            file,
            &mut blocks,
        );
    }
    Ok(blocks)
}

fn collect_json_blocks(
    kind: &str,
    ident_span: Span,
    node: &Node,
    depth: usize,
    labels: &mut Vec<Word>,
    file: FileIdx,
    out: &mut Vec<Block>,
) {
    if depth == 0 {
        for body in node.as_many() {
            out.push(Block {
                kind: kind.to_string(),
                labels: labels.clone(),
                ident_span,
                span: body.span,
                file,
                body: json_body(body),
                module_prefix: String::new(),
                instance: String::new(),
                called_from: None,
            });
        }
        return;
    }
    for e in node.entries() {
        labels.push(Word {
            text: e.key.clone(),
            span: e.key_span,
        });
        collect_json_blocks(kind, ident_span, &e.value, depth - 1, labels, file, out);
        labels.pop();
    }
}

/// In JSON syntax, strings with `${` are expressions; everything else is literal.
fn json_body(node: &Node) -> Node {
    let mut n = node.clone();
    mark_json_expressions(&mut n);
    n
}

fn mark_json_expressions(n: &mut Node) {
    match &mut n.value {
        Value::String(s) if s.contains("${") => {
            let t: String = s.chars().take(120).collect();
            n.value = Value::Unknown(t.into());
        }
        Value::List(items) => items.iter_mut().for_each(mark_json_expressions),
        Value::Map(entries) => entries
            .iter_mut()
            .for_each(|e| mark_json_expressions(&mut e.value)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileKind;

    #[test]
    fn module_parse_keeps_only_the_literal_bodies_that_are_read() {
        let text = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n\
                    module \"m\" {\n  source = \"./m\"\n}\n\
                    variable \"v\" {\n  default = 1\n}\n\
                    locals {\n  a = 1\n}\n";
        let full = parse_hcl(text, 3).unwrap();
        let module = parse_module_hcl(text, 3).unwrap();
        assert_eq!(full.blocks.len(), module.blocks.len());
        for (f, m) in full.blocks.iter().zip(&module.blocks) {
            assert_eq!((&f.kind, f.span, f.file), (&m.kind, m.span, m.file));
            match f.kind.as_str() {
                "resource" | "locals" => {
                    assert!(matches!(m.body.value, Value::Null), "{}", f.kind);
                    assert_eq!((m.body.span, m.body.file), (f.span, 3));
                }
                _ => assert_eq!(
                    format!("{:?}", f.body),
                    format!("{:?}", m.body),
                    "{}",
                    f.kind
                ),
            }
        }
        assert_eq!(
            module.blocks[1].body.get("source").and_then(Node::as_str),
            Some("./m")
        );
    }

    #[test]
    fn blocks_attributes_and_nested_blocks() {
        let text = r#"resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 443
  }
  tags = { Env = var.env }
}
"#;
        let f = parse_hcl(text, 0).unwrap();
        let b = &f.blocks[0];
        assert_eq!(b.address(), "aws_security_group.web");
        let ingress = b.body.get("ingress").unwrap();
        assert_eq!(ingress.items().len(), 2);
        let cidr = ingress.items()[0].get("cidr_blocks").unwrap();
        assert_eq!(&text[cidr.items()[0].span.range()], "\"0.0.0.0/0\"");
        assert!(b.body.path("tags.Env").unwrap().is_unknown());
    }

    #[test]
    fn heredoc_literals_are_dedented() {
        let text = "a = <<-EOT\n    {\"x\": 1}\n    EOT\n";
        let f = parse_hcl(text, 0).unwrap();
        assert_eq!(
            f.attributes.get("a").unwrap().as_str(),
            Some("{\"x\": 1}\n")
        );
    }

    #[test]
    fn tf_json_blocks() {
        let text = r#"{"resource": {"aws_db_instance": {"db": {"publicly_accessible": true, "name": "${var.n}"}}}}"#;
        let src = SourceFile::new(
            "m.tf.json".into(),
            "m.tf.json".into(),
            FileKind::TerraformJson,
            text,
        );
        let blocks = parse_tf_json(&src, 0).unwrap();
        assert_eq!(blocks[0].address(), "aws_db_instance.db");
        assert_eq!(
            blocks[0].body.get("publicly_accessible").unwrap().as_bool(),
            Some(true)
        );
        assert!(blocks[0].body.get("name").unwrap().is_unknown());
    }

    #[test]
    fn unclosed_brackets_are_syntax_errors() {
        for ok in [
            "a = { b = [1, (2)] }\n",
            "a = \"${x} %{ if y }z%{ endif } \\\" (\"\n",
            "# ( [\n// {\n/* ) */\na = 1\n",
            "a = <<EOT\n  ( [ {\n  EOT\nb = 2\n",
            "a = <<-EOT\n  \"\n    EOT\n",
        ] {
            assert!(parse_hcl(ok, 0).is_ok(), "{ok}");
        }
        for bad in [
            "a = (",
            "a = {b = [}",
            "a = \"x",
            "a = <<EOT\nx\n",
            "/* x",
            "a = \"${\"\n",
        ] {
            assert!(parse_hcl(bad, 0).is_err(), "{bad}");
        }
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let err = parse_hcl("a = {\n", 0).unwrap_err();
        assert!(!err.message.is_empty());
    }
}
