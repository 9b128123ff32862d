//! Kubernetes manifests: YAML or JSON documents that are objects
//! (`apiVersion` + `kind`), with `List` kinds flattened into their items.

use crate::model::Node;
use crate::model::kubernetes::Object;
use crate::parse::yaml::Document;

/// Whether a document root looks like a Kubernetes object.
#[must_use]
pub fn is_object(root: &Node) -> bool {
    root.get("apiVersion").and_then(Node::as_str).is_some()
        && root.get("kind").and_then(Node::as_str).is_some()
}

/// The Kubernetes objects among the documents of one file.
#[must_use]
pub fn objects(documents: Vec<Document>) -> Vec<Object> {
    let mut out = Vec::new();
    for doc in documents {
        push_object(doc.index, doc.root, &mut out);
    }
    out
}

fn push_object(document: usize, root: Node, out: &mut Vec<Object>) {
    if !is_object(&root) {
        return;
    }
    let kind = root
        .get("kind")
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    if kind.ends_with("List") {
        if let Some(items) = root.get("items") {
            for item in items.items() {
                push_object(document, item.clone(), out);
            }
            return;
        }
    }
    let api_version = root
        .get("apiVersion")
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let meta = root.get("metadata");
    let name = meta
        .and_then(|m| m.get("name").or_else(|| m.get("generateName")))
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let namespace = meta
        .and_then(|m| m.get("namespace"))
        .and_then(Node::as_str)
        .map(str::to_string);
    out.push(Object {
        document,
        api_version,
        kind,
        name,
        namespace,
        root,
    });
}
