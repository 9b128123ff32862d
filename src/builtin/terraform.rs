//! Terraform builtins: admin ports open to the internet across AWS, Azure
//! and Google Cloud; wildcard IAM policies; hard-coded secrets.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::{Hit, secrets};
use crate::engine::matcher::parse_net;
use crate::engine::run::{Target, UnitCtx};
use crate::model::{Node, Value};
use crate::parse::yaml::{self, YamlLimits};
use crate::source::{FileKind, SourceFile, Span};

const WORLD_SOURCES: &[&str] = &["*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"];

/// A literal network that covers the whole internet.
pub(super) fn is_world(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    if WORLD_SOURCES.contains(&lower.as_str()) {
        return true;
    }
    parse_net(&lower).is_some_and(|n| n.prefix_len() == 0)
}

/// The items under a key of a block body: nested blocks are lists of maps.
pub(super) fn blocks<'a>(body: &'a Node, key: &str) -> &'a [Node] {
    body.get(key).map_or(&[][..], Node::as_many)
}

/// Follow nested blocks along `keys`, flattening the lists on the way.
pub(super) fn descend<'a>(body: &'a Node, keys: &[&str]) -> Vec<&'a Node> {
    let mut cur = vec![body];
    for k in keys {
        cur = cur
            .into_iter()
            .flat_map(|n| blocks(n, k).iter())
            .filter(|n| matches!(n.value, Value::Map(_)))
            .collect();
    }
    cur
}

/// World-open source nodes among the given attributes.
fn world_sources<'a>(body: &'a Node, keys: &[&str]) -> Vec<&'a Node> {
    let mut out = Vec::new();
    for k in keys {
        if let Some(n) = body.get(k) {
            for item in n.as_many() {
                if item.as_str().is_some_and(is_world) {
                    out.push(item);
                }
            }
        }
    }
    out
}

/// Ports `from..=to` of an AWS-style rule (`-1`/`all` protocol means every port).
fn aws_range(body: &Node, proto_key: &str) -> Option<(u32, u32)> {
    let proto = body.get(proto_key).and_then(Node::scalar_text);
    if matches!(proto.as_deref(), Some("-1" | "all")) {
        return Some((0, 65535));
    }
    if matches!(proto.as_deref(), Some("icmp" | "1" | "icmpv6" | "58")) {
        return None;
    }
    let from = body.get("from_port")?.as_f64()?;
    let to = body.get("to_port").and_then(Node::as_f64).unwrap_or(from);
    if from < 0.0 || to < 0.0 {
        return Some((0, 65535));
    }
    Some((from as u32, to as u32))
}

/// Parse `"22"`, `"20-30"`, `"*"` (Azure and GCP port ranges).
fn text_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    if s == "*" {
        return Some((0, 65535));
    }
    match s.split_once('-') {
        Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
        None => s.parse().ok().map(|p| (p, p)),
    }
}

fn admin_ports(params: &BTreeMap<String, Json>) -> Vec<(u32, String)> {
    match params.get("admin_ports") {
        Some(Json::Object(m)) => m
            .iter()
            .filter_map(|(port, name)| {
                Some((port.parse().ok()?, name.as_str().unwrap_or("").to_string()))
            })
            .collect(),
        _ => vec![(22, "SSH".into()), (3389, "RDP".into())],
    }
}

fn exposed(range: (u32, u32), ports: &[(u32, String)]) -> Vec<String> {
    ports
        .iter()
        .filter(|(p, _)| range.0 <= *p && *p <= range.1)
        .map(|(p, n)| format!("{p} ({n})"))
        .collect()
}

/// BH0601: SSH, RDP and other administrative ports reachable from the internet.
pub fn admin_port_open(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::TfBlock(b) = target else {
        return vec![];
    };
    let ports = admin_ports(params);
    let mut hits = Vec::new();
    let mut report = |src: &Node, open: Vec<String>| {
        if !open.is_empty() {
            hits.push(Hit::at(
                src.file,
                src.span,
                format!(
                    "{} admits the whole internet ({}) to administrative port(s) {}",
                    b.address(),
                    src.scalar_text().unwrap_or_default(),
                    open.join(", ")
                ),
            ));
        }
    };
    let ty = b.label(0).unwrap_or("");
    match ty {
        "aws_security_group" => {
            for rule in b.body.get("ingress").map_or(&[][..], Node::items) {
                if let Some(r) = aws_range(rule, "protocol") {
                    for src in world_sources(rule, &["cidr_blocks", "ipv6_cidr_blocks"]) {
                        report(src, exposed(r, &ports));
                    }
                }
            }
        }
        "aws_security_group_rule"
            if b.body.get("type").and_then(Node::as_str) == Some("ingress") =>
        {
            if let Some(r) = aws_range(&b.body, "protocol") {
                for src in world_sources(&b.body, &["cidr_blocks", "ipv6_cidr_blocks"]) {
                    report(src, exposed(r, &ports));
                }
            }
        }
        "aws_vpc_security_group_ingress_rule" => {
            if let Some(r) = aws_range(&b.body, "ip_protocol") {
                for src in world_sources(&b.body, &["cidr_ipv4", "cidr_ipv6"]) {
                    report(src, exposed(r, &ports));
                }
            }
        }
        "azurerm_network_security_rule" | "azurerm_network_security_group" => {
            let rules: Vec<&Node> = if ty == "azurerm_network_security_rule" {
                vec![&b.body]
            } else {
                b.body
                    .get("security_rule")
                    .map_or(vec![], |n| n.as_many().iter().collect())
            };
            for rule in rules {
                let inbound = rule
                    .get("direction")
                    .and_then(Node::as_str)
                    .is_some_and(|d| d.eq_ignore_ascii_case("inbound"));
                let allow = rule
                    .get("access")
                    .and_then(Node::as_str)
                    .is_some_and(|a| a.eq_ignore_ascii_case("allow"));
                // ICMP, ESP and AH have no ports: their `destination_port_range` is `*`.
                // An unknown protocol is not judged.
                let ported = rule.get("protocol").is_none_or(|p| {
                    p.as_str().is_some_and(|p| {
                        matches!(p.to_ascii_lowercase().as_str(), "tcp" | "udp" | "*")
                    })
                });
                if !inbound || !allow || !ported {
                    continue;
                }
                let mut range_texts: Vec<String> = Vec::new();
                for k in ["destination_port_range", "destination_port_ranges"] {
                    if let Some(n) = rule.get(k) {
                        range_texts.extend(n.as_many().iter().filter_map(Node::scalar_text));
                    }
                }
                let open: Vec<String> = range_texts
                    .iter()
                    .filter_map(|t| text_range(t))
                    .flat_map(|r| exposed(r, &ports))
                    .collect();
                for src in
                    world_sources(rule, &["source_address_prefix", "source_address_prefixes"])
                {
                    report(src, open.clone());
                }
            }
        }
        "google_compute_firewall" => {
            let ingress = b
                .body
                .get("direction")
                .and_then(Node::as_str)
                .is_none_or(|d| d.eq_ignore_ascii_case("ingress"));
            // A disabled rule is not enforced; an unknown `disabled` is not judged.
            let disabled = b
                .body
                .get("disabled")
                .is_some_and(|d| d.as_bool() != Some(false));
            if !ingress || disabled {
                return hits;
            }
            let mut open = Vec::new();
            for allow in b.body.get("allow").map_or(&[][..], Node::items) {
                let proto = allow
                    .get("protocol")
                    .and_then(Node::as_str)
                    .unwrap_or("all");
                if !matches!(proto, "tcp" | "udp" | "all" | "sctp") {
                    continue;
                }
                match allow.get("ports") {
                    None => open.extend(exposed((0, 65535), &ports)),
                    Some(p) => {
                        for t in p.as_many().iter().filter_map(Node::scalar_text) {
                            if let Some(r) = text_range(&t) {
                                open.extend(exposed(r, &ports));
                            }
                        }
                    }
                }
            }
            open.sort();
            open.dedup();
            for src in world_sources(&b.body, &["source_ranges"]) {
                report(src, open.clone());
            }
        }
        _ => {}
    }
    hits
}

/// A policy document as a node: a decoded `jsonencode({...})` object, or a
/// JSON string (heredoc or quoted) parsed with spans into the source.
pub(super) fn policy_document(value: &Node, file_text: &str) -> Option<Node> {
    match &value.value {
        Value::Map(_) => Some(value.clone()),
        Value::String(s) => {
            // Parse the raw source of the value when it is a heredoc, so spans are exact.
            let raw = file_text.get(value.span.range()).unwrap_or("");
            let (text, base) = match raw.find('\n') {
                Some(nl) if raw.starts_with("<<") => {
                    let body = &raw[nl + 1..];
                    let end = body.rfind('\n').unwrap_or(body.len());
                    (&body[..end], value.span.start as usize + nl + 1)
                }
                _ => (s.as_str(), usize::MAX),
            };
            let parsed = parse_json(text, value.file)?;
            if base == usize::MAX {
                // Escaped string: point every node at the attribute value.
                let mut n = parsed;
                respan(&mut n, value.span);
                Some(n)
            } else {
                let mut n = parsed;
                shift(&mut n, base);
                Some(n)
            }
        }
        _ => None,
    }
}

fn parse_json(text: &str, file: u32) -> Option<Node> {
    let src = SourceFile::new(String::new(), "policy.json".into(), FileKind::Json, text);
    let loaded = yaml::load(&src, file, YamlLimits::default()).ok()?;
    loaded.documents.into_iter().next().map(|d| d.root)
}

fn shift(n: &mut Node, by: usize) {
    let by = u32::try_from(by).unwrap_or(0);
    n.span = Span {
        start: n.span.start + by,
        end: n.span.end + by,
    };
    match &mut n.value {
        Value::List(items) => items.iter_mut().for_each(|i| shift(i, by as usize)),
        Value::Map(entries) => entries.iter_mut().for_each(|e| {
            e.key_span = Span {
                start: e.key_span.start + by,
                end: e.key_span.end + by,
            };
            shift(&mut e.value, by as usize);
        }),
        _ => {}
    }
}

fn respan(n: &mut Node, span: Span) {
    n.span = span;
    match &mut n.value {
        Value::List(items) => items.iter_mut().for_each(|i| respan(i, span)),
        Value::Map(entries) => entries.iter_mut().for_each(|e| {
            e.key_span = span;
            respan(&mut e.value, span);
        }),
        _ => {}
    }
}

pub(super) fn get_ci<'a>(n: &'a Node, key: &str) -> Option<&'a Node> {
    n.entries()
        .iter()
        .rev()
        .find(|e| e.key.eq_ignore_ascii_case(key))
        .map(|e| &e.value)
}

/// Statements of a policy: (effect allow?, actions, resources).
fn wildcard_statements(doc: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    let Some(stmts) = get_ci(doc, "Statement") else {
        return out;
    };
    for st in stmts.as_many() {
        let allow = get_ci(st, "Effect")
            .and_then(Node::as_str)
            .is_none_or(|e| e.eq_ignore_ascii_case("allow"));
        if !allow || get_ci(st, "NotAction").is_some() {
            continue;
        }
        let resources_all = get_ci(st, "Resource")
            .is_some_and(|r| r.as_many().iter().any(|x| x.as_str() == Some("*")));
        if let Some(actions) = get_ci(st, "Action") {
            for a in actions.as_many() {
                if a.as_str()
                    .is_some_and(|s| s == "*" || s == "*:*" || (s.ends_with(":*") && resources_all))
                {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// BH0402: an IAM policy allows every action (`*`), or every action of a service on every resource.
pub fn iam_wildcard(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::TfBlock(b) = target else {
        return vec![];
    };
    let text = unit.files.get(b.file as usize).map_or("", |f| &f.text);
    let mut hits = Vec::new();
    let mut add = |a: &Node| {
        let action = a.as_str().unwrap_or("*");
        let what = if action == "*" || action == "*:*" {
            "every action on".to_string()
        } else {
            format!("every `{}` action on", action.trim_end_matches(":*"))
        };
        hits.push(Hit::at(
            a.file,
            a.span,
            format!("{} allows {what} its resources (`{action}`)", b.address()),
        ));
    };
    if b.kind == "data" && b.label(0) == Some("aws_iam_policy_document") {
        for st in b.body.get("statement").map_or(&[][..], Node::items) {
            let allow = st
                .get("effect")
                .and_then(Node::as_str)
                .is_none_or(|e| e == "Allow");
            if !allow {
                continue;
            }
            let resources_all = st
                .get("resources")
                .is_some_and(|r| r.as_many().iter().any(|x| x.as_str() == Some("*")));
            for a in st.get("actions").map_or(&[][..], Node::as_many) {
                if a.as_str()
                    .is_some_and(|s| s == "*" || s == "*:*" || (s.ends_with(":*") && resources_all))
                {
                    add(a);
                }
            }
        }
        return hits;
    }
    // `policy` of the policy resources, or every `inline_policy` block of a role.
    let inline = b.body.get("inline_policy").map_or(&[][..], Node::items);
    let policies = b
        .body
        .get("policy")
        .into_iter()
        .chain(inline.iter().filter_map(|p| p.get("policy")));
    for policy in policies {
        if let Some(doc) = policy_document(policy, text) {
            for a in wildcard_statements(&doc) {
                add(a);
            }
        }
    }
    hits
}

/// BH0403: a secret written as a literal in Terraform code.
pub fn hardcoded_secret(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::TfBlock(b) = target else {
        return vec![];
    };
    let extra = super::param_strings(params, "attributes");
    let mut hits = Vec::new();
    b.body.walk(&mut |path, node| {
        let Some(name) = path.last() else {
            return;
        };
        let Value::String(text) = &node.value else {
            return;
        };
        let reason = if extra.iter().any(|a| a == name) && !secrets::is_placeholder(text) {
            Some(format!("`{name}` is set to a literal value"))
        } else {
            secrets::classify(name, text)
        };
        if let Some(why) = reason {
            hits.push(Hit {
                file: node.file,
                span: node.span,
                message: Some(format!("{} holds a hard-coded secret: {why}", b.address())),
                evidence: Some(format!("{}={}", path.join("."), secrets::digest(text))),
                ..Hit::default()
            });
        }
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_world() {
        assert!(is_world("0.0.0.0/0"));
        assert!(is_world("Internet"));
        assert!(is_world("::/0"));
        assert!(!is_world("10.0.0.0/8"));
        assert_eq!(text_range("20-30"), Some((20, 30)));
        assert_eq!(text_range("*"), Some((0, 65535)));
    }
}
