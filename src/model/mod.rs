//! The format-neutral, span-carrying model that every check runs on.
//!
//! Each parsed source becomes a tree of [`Node`]s: maps, lists, scalars and
//! [`Value::Unknown`] for values that cannot be known before deployment
//! (unevaluated expressions). Every node carries the byte [`Span`] of its text
//! and the index of the file it came from within its unit.

pub mod dockerfile;
pub mod kubernetes;
pub mod terraform;

use crate::source::Span;

/// Index of a file within one scan unit (see [`crate::scan`]).
pub type FileIdx = u32;

/// A value in the model, with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is written.
    pub span: Span,
    /// The file (within the unit) holding `span`.
    pub file: FileIdx,
    /// The value itself.
    pub value: Value,
}

/// One key of a map with its location and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as written (unquoted).
    pub key: String,
    /// Location of the key.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

/// The kinds of values.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` / `~` / empty.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (integers are exact up to 2^53).
    Number(f64),
    /// A string.
    String(String),
    /// A list or sequence.
    List(Vec<Node>),
    /// A map, object or block body, in source order. Repeated keys are kept.
    Map(Vec<Entry>),
    /// A value that is not known statically; the text says why.
    Unknown(Box<str>),
}

/// The outcome of looking something up: found, provably missing, or not knowable.
#[derive(Debug, Clone, Copy)]
pub enum Lookup<'a> {
    /// The path leads to this node.
    Found(&'a Node),
    /// The path does not exist.
    Missing,
    /// The path goes through an unknown value.
    Unknown(&'a Node),
}

impl Node {
    /// A node in file 0.
    #[must_use]
    pub fn new(span: Span, value: Value) -> Self {
        Node {
            span,
            file: 0,
            value,
        }
    }

    /// The same node, located in `file`.
    #[must_use]
    pub fn at_file(mut self, file: FileIdx) -> Self {
        self.file = file;
        self
    }

    /// An unknown value with a reason.
    #[must_use]
    pub fn unknown(span: Span, file: FileIdx, why: &str) -> Self {
        Node {
            span,
            file,
            value: Value::Unknown(why.into()),
        }
    }

    /// The entry for `key` in a map (the last one if the key is repeated).
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            Value::Map(entries) => entries.iter().rev().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The value for `key` in a map.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// Look up `key`, distinguishing "missing" from "unknown".
    #[must_use]
    pub fn lookup(&self, key: &str) -> Lookup<'_> {
        match &self.value {
            Value::Map(_) => self.get(key).map_or(Lookup::Missing, Lookup::Found),
            Value::Unknown(_) => Lookup::Unknown(self),
            _ => Lookup::Missing,
        }
    }

    /// Follow a dotted path of map keys.
    #[must_use]
    pub fn path(&self, path: &str) -> Option<&Node> {
        let mut cur = self;
        for seg in path.split('.').filter(|s| !s.is_empty()) {
            cur = cur.get(seg)?;
        }
        Some(cur)
    }

    /// The entries of a map (empty for anything else).
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(e) => e,
            _ => &[],
        }
    }

    /// The items of a list (empty for anything else).
    #[must_use]
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::List(v) => v,
            _ => &[],
        }
    }

    /// The items of a list, or the node itself when it is a single map (Terraform
    /// blocks written once, Kubernetes fields that accept one or many).
    #[must_use]
    pub fn as_many(&self) -> &[Node] {
        match &self.value {
            Value::List(v) => v,
            Value::Null => &[],
            _ => std::slice::from_ref(self),
        }
    }

    /// The string, if this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, accepting the strings `"true"`/`"false"` as Terraform does.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "true" => Some(true),
            Value::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// The number, accepting numeric strings as Terraform does.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(n) => Some(*n),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// Whether the value is unknown.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        matches!(self.value, Value::Unknown(_))
    }

    /// Whether the value is null.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// Whether this value or anything inside it is unknown.
    #[must_use]
    pub fn contains_unknown(&self) -> bool {
        match &self.value {
            Value::Unknown(_) => true,
            Value::List(v) => v.iter().any(Node::contains_unknown),
            Value::Map(e) => e.iter().any(|e| e.value.contains_unknown()),
            _ => false,
        }
    }

    /// A scalar rendered as text (strings as-is, numbers without a trailing `.0`).
    #[must_use]
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(format_number(*n)),
            Value::Null => Some("null".into()),
            _ => None,
        }
    }

    /// Convert to JSON (unknown values become `null`), for reports and policy parsing.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null | Value::Unknown(_) => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::List(v) => serde_json::Value::Array(v.iter().map(Node::to_json).collect()),
            Value::Map(e) => serde_json::Value::Object(
                e.iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Visit this node and all nodes below it, depth first, with the key path to each.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&[&'a str], &'a Node)) {
        let mut path: Vec<&'a str> = Vec::new();
        walk_inner(self, &mut path, f);
    }
}

fn walk_inner<'a>(
    node: &'a Node,
    path: &mut Vec<&'a str>,
    f: &mut dyn FnMut(&[&'a str], &'a Node),
) {
    f(path, node);
    match &node.value {
        Value::Map(entries) => {
            for e in entries {
                path.push(&e.key);
                walk_inner(&e.value, path, f);
                path.pop();
            }
        }
        Value::List(items) => {
            for item in items {
                walk_inner(item, path, f);
            }
        }
        _ => {}
    }
}

/// Render a number the way users write it (`22`, not `22.0`).
#[must_use]
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Node {
        Node::new(Span::default(), Value::String(v.into()))
    }

    #[test]
    fn lookups_tell_missing_from_unknown() {
        let map = Node::new(
            Span::default(),
            Value::Map(vec![Entry {
                key: "a".into(),
                key_span: Span::default(),
                value: s("x"),
            }]),
        );
        assert!(matches!(map.lookup("a"), Lookup::Found(_)));
        assert!(matches!(map.lookup("b"), Lookup::Missing));
        let unk = Node::unknown(Span::default(), 0, "var.x");
        assert!(matches!(unk.lookup("a"), Lookup::Unknown(_)));
        assert_eq!(format_number(22.0), "22");
        assert_eq!(format_number(0.5), "0.5");
    }
}
