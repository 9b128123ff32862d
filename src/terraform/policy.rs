//! IAM policy documents: the `aws_iam_policy_document` data source turned
//! into the JSON document it renders (as model nodes that keep the spans of
//! the data source's arguments), and policy strings parsed with spans.

use crate::model::{Entry, Node, Value};
use crate::source::Span;

fn entry(key: &str, value: Node) -> Entry {
    Entry {
        key: key.to_string(),
        key_span: value.span,
        value,
    }
}

fn capitalised(data_source_key: &str) -> Option<&'static str> {
    Some(match data_source_key {
        "sid" => "Sid",
        "effect" => "Effect",
        "actions" => "Action",
        "not_actions" => "NotAction",
        "resources" => "Resource",
        "not_resources" => "NotResource",
        _ => return None,
    })
}

/// `principals { type = "AWS", identifiers = [...] }` → `{"AWS": [...]}`.
fn principals(blocks: &Node, span: Span, file: u32) -> Node {
    let mut out: Vec<Entry> = Vec::new();
    for p in blocks.items() {
        let Some(ty) = p.get("type").and_then(Node::as_str) else {
            continue;
        };
        let ids = p.get("identifiers").cloned().unwrap_or(Node {
            span,
            file,
            value: Value::List(vec![]),
        });
        match out.iter_mut().find(|e| e.key == ty) {
            Some(Entry {
                value:
                    Node {
                        value: Value::List(list),
                        ..
                    },
                ..
            }) => list.extend(ids.as_many().iter().cloned()),
            _ => out.push(entry(ty, ids)),
        }
    }
    Node {
        span,
        file,
        value: Value::Map(out),
    }
}

/// The policy document an `aws_iam_policy_document` data source renders.
#[must_use]
pub fn document_from_data_source(body: &Node) -> Node {
    let span = body.span;
    let file = body.file;
    let mut statements = Vec::new();
    for st in body.get("statement").map_or(&[][..], Node::items) {
        let mut e: Vec<Entry> = Vec::new();
        for item in st.entries() {
            if let Some(k) = capitalised(&item.key) {
                e.push(entry(k, item.value.clone()));
            }
        }
        if !e.iter().any(|x| x.key == "Effect") {
            e.push(entry(
                "Effect",
                Node {
                    span: st.span,
                    file,
                    value: Value::String("Allow".into()),
                },
            ));
        }
        if let Some(p) = st.get("principals") {
            e.push(entry("Principal", principals(p, p.span, file)));
        }
        if let Some(p) = st.get("not_principals") {
            e.push(entry("NotPrincipal", principals(p, p.span, file)));
        }
        if let Some(conds) = st.get("condition") {
            e.push(entry("Condition", conds.clone()));
        }
        statements.push(Node {
            span: st.span,
            file,
            value: Value::Map(e),
        });
    }
    Node {
        span,
        file,
        value: Value::Map(vec![
            entry(
                "Version",
                Node {
                    span,
                    file,
                    value: Value::String("2012-10-17".into()),
                },
            ),
            entry(
                "Statement",
                Node {
                    span,
                    file,
                    value: Value::List(statements),
                },
            ),
        ]),
    }
}
