//! AWS-specific Terraform builtins: resource and trust policies that admit
//! anyone, `iam:PassRole` on every role, GitHub OIDC trust without a
//! repository restriction, permissions granted to individual IAM users,
//! secrets in plain SSM parameters, weak account password policies, network
//! ACLs and security groups open on administrative or data store ports, and
//! engines and runtimes past their end of support (dated tables in the check
//! parameters, judged against today's date).

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::terraform::{get_ci, is_world, policy_document};
use super::{Hit, secrets};
use crate::date::Date;
use crate::engine::run::{Target, UnitCtx};
use crate::model::terraform::Block;
use crate::model::{Node, Value};

// ---------------------------------------------------------------------------
// Policy documents
// ---------------------------------------------------------------------------

/// The parsed policy documents held by `keys` of a block (JSON strings,
/// `jsonencode` objects or `aws_iam_policy_document` data sources).
fn documents(b: &Block, keys: &[&str], unit: &UnitCtx<'_>) -> Vec<Node> {
    let mut out = Vec::new();
    for k in keys {
        let Some(value) = b.body.get(k) else {
            continue;
        };
        if value.is_unknown() {
            continue;
        }
        let text = unit.files.get(value.file as usize).map_or("", |f| &f.text);
        if let Some(doc) = policy_document(value, text) {
            out.push(doc);
        }
    }
    out
}

/// The statements of a policy document.
fn statements(doc: &Node) -> &[Node] {
    get_ci(doc, "Statement").map_or(&[][..], Node::as_many)
}

/// `Some(true)` for an `Allow` statement (the default), `None` when unknown.
fn allows(st: &Node) -> Option<bool> {
    match get_ci(st, "Effect") {
        None => Some(true),
        Some(e) => e.as_str().map(|e| e.eq_ignore_ascii_case("allow")),
    }
}

/// Whether a statement carries a condition (an unknown one counts: it may restrict).
fn has_condition(st: &Node) -> bool {
    match get_ci(st, "Condition") {
        None => false,
        Some(c) => match &c.value {
            Value::Null => false,
            Value::Map(e) => !e.is_empty(),
            Value::List(items) => !items.is_empty(),
            _ => true,
        },
    }
}

/// The `"*"` that makes a statement's principal everyone: `"*"`,
/// `{"AWS": "*"}` or `{"*": ["*"]}` (a data source `principals` block of type `*`).
fn world_principal(st: &Node) -> Option<&Node> {
    let p = get_ci(st, "Principal")?;
    if p.as_str() == Some("*") {
        return Some(p);
    }
    for key in ["AWS", "*"] {
        if let Some(ids) = get_ci(p, key) {
            if let Some(star) = ids.as_many().iter().find(|i| i.as_str() == Some("*")) {
                return Some(star);
            }
        }
    }
    None
}

/// Action strings of a statement (lower-cased), with their nodes.
fn actions(st: &Node) -> Vec<(String, &Node)> {
    get_ci(st, "Action")
        .map_or(&[][..], Node::as_many)
        .iter()
        .filter_map(|a| a.as_str().map(|s| (s.to_ascii_lowercase(), a)))
        .collect()
}

/// IAM-style wildcard match (`*` any run, `?` one character), case-insensitive.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Resource type → attributes holding a resource-based policy.
const RESOURCE_POLICY_KEYS: &[(&str, &[&str])] = &[
    ("aws_s3_bucket_policy", &["policy"]),
    ("aws_s3_bucket", &["policy"]),
    ("aws_sqs_queue_policy", &["policy"]),
    ("aws_sqs_queue", &["policy"]),
    ("aws_sns_topic_policy", &["policy"]),
    ("aws_sns_topic", &["policy"]),
    ("aws_ecr_repository_policy", &["policy"]),
    ("aws_kms_key", &["policy"]),
    ("aws_secretsmanager_secret_policy", &["policy"]),
    ("aws_secretsmanager_secret", &["policy"]),
    ("aws_efs_file_system_policy", &["policy"]),
    ("aws_glacier_vault", &["access_policy"]),
    ("aws_elasticsearch_domain", &["access_policies"]),
    ("aws_opensearch_domain", &["access_policies"]),
];

/// BH0524: a resource-based policy lets anyone (`Principal: "*"`) act on the
/// resource, without a condition that narrows who.
pub fn public_resource_policy(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let ty = b.label(0).unwrap_or("");
    let Some((_, keys)) = RESOURCE_POLICY_KEYS.iter().find(|(t, _)| *t == ty) else {
        return vec![];
    };
    // A search domain inside a VPC is reached only from the VPC: its access
    // policy is not what keeps the internet out.
    // Likewise a domain with fine-grained access control, which authenticates
    // every request itself (AWS recommends an open access policy with it).
    if ty.ends_with("search_domain") {
        let fine_grained = b
            .body
            .get("advanced_security_options")
            .and_then(|o| o.as_many().first())
            .and_then(|o| o.get("enabled"))
            .is_some_and(|e| e.as_bool() != Some(false));
        if b.body.get("vpc_options").is_some() || fine_grained {
            return vec![];
        }
    }
    let mut hits = Vec::new();
    for doc in documents(b, keys, unit) {
        for st in statements(&doc) {
            if allows(st) != Some(true) || has_condition(st) {
                continue;
            }
            let Some(star) = world_principal(st) else {
                continue;
            };
            let acts: Vec<String> = actions(st)
                .into_iter()
                .map(|(_, n)| n.scalar_text().unwrap_or_default())
                .collect();
            let what = if acts.is_empty() {
                String::new()
            } else {
                format!(" `{}`", acts.join("`, `"))
            };
            hits.push(Hit::at(
                star.file,
                star.span,
                format!(
                    "{} grants{what} to everyone (Principal \"*\") without a condition",
                    b.address()
                ),
            ));
        }
    }
    hits
}

/// BH0417: a role trust policy lets any AWS principal assume the role.
pub fn trust_any_principal(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let mut hits = Vec::new();
    for doc in documents(b, &["assume_role_policy"], unit) {
        for st in statements(&doc) {
            if allows(st) != Some(true) || has_condition(st) {
                continue;
            }
            let acts = actions(st);
            let assumes = acts.is_empty() || acts.iter().any(|(a, _)| glob(a, "sts:assumerole"));
            if !assumes {
                continue;
            }
            if let Some(star) = world_principal(st) {
                hits.push(Hit::at(
                    star.file,
                    star.span,
                    format!(
                        "{} can be assumed by any AWS account (Principal \"*\") without a condition",
                        b.address()
                    ),
                ));
            }
        }
    }
    hits
}

const GITHUB_ISSUER: &str = "token.actions.githubusercontent.com";

/// One condition of a statement: operator, key and values. JSON policies
/// write `{"StringLike": {"key": [...]}}`; `aws_iam_policy_document` writes
/// `condition { test, variable, values }` blocks.
struct Cond<'a> {
    op: String,
    key: String,
    values: &'a Node,
}

/// The conditions of a statement, or `None` when some part is unknown.
fn conditions(st: &Node) -> Option<Vec<Cond<'_>>> {
    let Some(c) = get_ci(st, "Condition") else {
        return Some(vec![]);
    };
    let mut out = Vec::new();
    match &c.value {
        Value::Null => {}
        Value::Map(ops) => {
            for op in ops {
                if op.value.is_unknown() {
                    return None;
                }
                for e in op.value.entries() {
                    out.push(Cond {
                        op: op.key.clone(),
                        key: e.key.clone(),
                        values: &e.value,
                    });
                }
            }
        }
        Value::List(blocks) => {
            for blk in blocks {
                let (Some(op), Some(key), Some(values)) = (
                    blk.get("test").and_then(Node::as_str),
                    blk.get("variable").and_then(Node::as_str),
                    blk.get("values"),
                ) else {
                    return None;
                };
                out.push(Cond {
                    op: op.to_string(),
                    key: key.to_string(),
                    values,
                });
            }
        }
        _ => return None,
    }
    Some(out)
}

/// A `sub` pattern that admits every repository (or every repository of an
/// owner): `*`, `repo:*`, `repo:org/*`, `repo:org/app-*:...`.
fn broad_subject(v: &str) -> bool {
    if v.trim() == "*" {
        return true;
    }
    let Some(rest) = v.strip_prefix("repo:") else {
        return false;
    };
    let repo = rest.split(':').next().unwrap_or("");
    repo.contains('*') || repo.contains('?')
}

/// BH0418: a role trusts GitHub Actions tokens without restricting the
/// repository (`token.actions.githubusercontent.com:sub`).
pub fn github_oidc_trust(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let mut hits = Vec::new();
    for doc in documents(b, &["assume_role_policy"], unit) {
        for st in statements(&doc) {
            if allows(st) != Some(true) {
                continue;
            }
            let federated = get_ci(st, "Principal").and_then(|p| get_ci(p, "Federated"));
            let github_principal = federated.is_some_and(|f| {
                f.as_many()
                    .iter()
                    .any(|i| i.as_str().is_some_and(|s| s.contains(GITHUB_ISSUER)))
            });
            let Some(conds) = conditions(st) else {
                continue;
            };
            let github_keys = conds
                .iter()
                .any(|c| c.key.to_ascii_lowercase().starts_with(GITHUB_ISSUER));
            if !github_principal && !github_keys {
                continue;
            }
            let acts = actions(st);
            if !acts.is_empty()
                && !acts
                    .iter()
                    .any(|(a, _)| glob(a, "sts:assumerolewithwebidentity"))
            {
                continue;
            }
            let subs: Vec<&Cond<'_>> = conds
                .iter()
                .filter(|c| {
                    let k = c.key.to_ascii_lowercase();
                    k == format!("{GITHUB_ISSUER}:sub")
                })
                .collect();
            if subs.is_empty() {
                let at = federated.unwrap_or(st);
                hits.push(Hit::at(
                    at.file,
                    at.span,
                    format!(
                        "{} trusts GitHub Actions tokens of any repository: add a condition on `{GITHUB_ISSUER}:sub`",
                        b.address()
                    ),
                ));
                continue;
            }
            for c in subs {
                let op = c.op.to_ascii_lowercase();
                if !op.ends_with("stringlike") {
                    continue;
                }
                for v in c.values.as_many() {
                    if v.as_str().is_some_and(broad_subject) {
                        hits.push(Hit::at(
                            v.file,
                            v.span,
                            format!(
                                "{} trusts GitHub Actions tokens of every repository matching `{}`",
                                b.address(),
                                v.as_str().unwrap_or_default()
                            ),
                        ));
                    }
                }
            }
        }
    }
    hits
}

/// BH0415: an identity policy allows `iam:PassRole` on every role.
pub fn passrole_any(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let mut docs = documents(b, &["policy"], unit);
    for inline in b.body.get("inline_policy").map_or(&[][..], Node::items) {
        if let Some(p) = inline.get("policy") {
            if p.is_unknown() {
                continue;
            }
            let text = unit.files.get(p.file as usize).map_or("", |f| &f.text);
            docs.extend(policy_document(p, text));
        }
    }
    let mut hits = Vec::new();
    for doc in &docs {
        for st in statements(doc) {
            if allows(st) != Some(true) || get_ci(st, "NotResource").is_some() {
                continue;
            }
            let every_role = get_ci(st, "Resource").is_some_and(|r| {
                r.as_many().iter().any(|x| {
                    x.as_str().is_some_and(|s| {
                        s == "*" || (s.starts_with("arn:") && s.ends_with(":role/*"))
                    })
                })
            });
            if !every_role {
                continue;
            }
            for (a, node) in actions(st) {
                // `*` and `iam:*` are reported by the wildcard check (BH0402).
                if a == "*" || a == "*:*" || a == "iam:*" {
                    continue;
                }
                if glob(&a, "iam:passrole") {
                    hits.push(Hit::at(
                        node.file,
                        node.span,
                        format!(
                            "{} allows passing every IAM role (`{}` on all roles) to AWS services",
                            b.address(),
                            node.as_str().unwrap_or_default()
                        ),
                    ));
                }
            }
        }
    }
    hits
}

// ---------------------------------------------------------------------------
// Secrets and accounts
// ---------------------------------------------------------------------------

/// BH0419: an SSM parameter whose name says it holds a secret is stored as a
/// plain `String`.
pub fn ssm_plain_secret(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let Some(ty) = b.body.get("type") else {
        return vec![];
    };
    if !matches!(ty.as_str(), Some("String" | "StringList")) {
        return vec![];
    }
    let Some(name) = b.body.get("name").and_then(Node::as_str) else {
        return vec![];
    };
    let last = name.rsplit('/').next().unwrap_or(name);
    if !secrets::is_secret_name(last) {
        return vec![];
    }
    vec![Hit::at(
        ty.file,
        ty.span,
        format!(
            "{} stores `{name}` as a plain `{}` parameter instead of a `SecureString`",
            b.address(),
            ty.as_str().unwrap_or_default()
        ),
    )]
}

/// BH0606: permissions granted to individual IAM users (inline policies,
/// policy attachments, or `aws_iam_policy_attachment` with `users`).
pub fn iam_user_direct_policy(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let (at, what) = match b.label(0).unwrap_or("") {
        "aws_iam_user_policy" => (b.body.get("user"), "an inline policy"),
        "aws_iam_user_policy_attachment" => (b.body.get("user"), "a managed policy"),
        "aws_iam_policy_attachment" => {
            // Only a literal, non-empty list of users is reported.
            let users = b
                .body
                .get("users")
                .filter(|u| !u.is_unknown() && !u.as_many().is_empty());
            if users.is_none() {
                return vec![];
            }
            (users, "a managed policy")
        }
        _ => return vec![],
    };
    let (file, span) = at.map_or((b.file, b.header_span()), |n| (n.file, n.span));
    vec![Hit::at(
        file,
        span,
        format!(
            "{} attaches {what} directly to IAM users instead of a group or role",
            b.address()
        ),
    )]
}

fn param_f64(params: &BTreeMap<String, Json>, key: &str, default: f64) -> f64 {
    params.get(key).and_then(Json::as_f64).unwrap_or(default)
}

/// BH0608: the account password policy allows short or reused passwords.
pub fn password_policy(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let min_length = param_f64(params, "minimum_password_length", 14.0);
    let min_reuse = param_f64(params, "password_reuse_prevention", 24.0);
    let mut hits = Vec::new();
    let mut unset: Vec<String> = Vec::new();
    for (key, want, default, what) in [
        (
            "minimum_password_length",
            min_length,
            6.0,
            "accepts passwords shorter than",
        ),
        (
            "password_reuse_prevention",
            min_reuse,
            0.0,
            "remembers fewer previous passwords than",
        ),
    ] {
        match b.body.get(key) {
            Some(v) if v.is_unknown() => {}
            Some(v) => {
                if let Some(n) = v.as_f64() {
                    if n < want {
                        hits.push(Hit::at(
                            v.file,
                            v.span,
                            format!(
                                "{} {what} {want} (`{key}` is {})",
                                b.address(),
                                crate::model::format_number(n)
                            ),
                        ));
                    }
                }
            }
            None => {
                if default < want {
                    unset.push(format!(
                        "{what} {want} (`{key}` is not set; the default is {})",
                        crate::model::format_number(default)
                    ));
                }
            }
        }
    }
    // Settings that are missing are reported together, at the resource.
    if !unset.is_empty() {
        hits.push(Hit::at(
            b.file,
            b.header_span(),
            format!("{} {}", b.address(), unset.join(" and ")),
        ));
    }
    hits
}

// ---------------------------------------------------------------------------
// Network ACLs
// ---------------------------------------------------------------------------

/// A `{"port": "service name"}` parameter as a list.
fn port_names(params: &BTreeMap<String, Json>, key: &str) -> Vec<(u32, String)> {
    match params.get(key) {
        Some(Json::Object(m)) => m
            .iter()
            .filter_map(|(port, name)| {
                Some((port.parse().ok()?, name.as_str().unwrap_or("").to_string()))
            })
            .collect(),
        _ => vec![],
    }
}

/// The named ports inside `range`, for messages: `22 (SSH), 3389 (RDP)`.
fn ports_in(range: (u32, u32), ports: &[(u32, String)]) -> Vec<String> {
    ports
        .iter()
        .filter(|(p, _)| range.0 <= *p && *p <= range.1)
        .map(|(p, n)| format!("{p} ({n})"))
        .collect()
}

/// Ports of a TCP or UDP network ACL rule; `None` for other protocols
/// (including "all traffic", `-1`) and unknown values.
fn nacl_range(rule: &Node) -> Option<(u32, u32)> {
    let proto = rule.get("protocol")?.scalar_text()?.to_ascii_lowercase();
    match proto.as_str() {
        "6" | "tcp" | "17" | "udp" => {
            let from = rule.get("from_port")?.as_f64()?;
            let to = rule.get("to_port")?.as_f64()?;
            if from < 0.0 || to < 0.0 {
                return None;
            }
            Some((from as u32, to as u32))
        }
        _ => None,
    }
}

/// BH0605: a network ACL admits the internet to administrative ports.
pub fn nacl_admin_port_open(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let ports = port_names(params, "admin_ports");
    let ty = b.label(0).unwrap_or("");
    let (rules, action_key): (Vec<&Node>, &str) = if ty == "aws_network_acl_rule" {
        let ingress = match b.body.get("egress") {
            None => true,
            Some(e) => e.as_bool() == Some(false),
        };
        if !ingress {
            return vec![];
        }
        (vec![&b.body], "rule_action")
    } else {
        (
            b.body
                .get("ingress")
                .map_or(vec![], |n| n.as_many().iter().collect()),
            "action",
        )
    };
    let mut hits = Vec::new();
    for rule in rules {
        let allow = rule
            .get(action_key)
            .and_then(Node::as_str)
            .is_some_and(|a| a.eq_ignore_ascii_case("allow"));
        if !allow {
            continue;
        }
        let Some(range) = nacl_range(rule) else {
            continue;
        };
        // Return traffic of a stateless ACL: the ephemeral range up to 65535
        // (1024-65535, 32768-65535, ...) is not an opening for administration.
        if range.0 >= 1024 && range.1 == 65535 {
            continue;
        }
        let open = ports_in(range, &ports);
        if open.is_empty() {
            continue;
        }
        for key in ["cidr_block", "ipv6_cidr_block"] {
            if let Some(src) = rule.get(key) {
                if src.as_str().is_some_and(is_world) {
                    hits.push(Hit::at(
                        src.file,
                        src.span,
                        format!(
                            "{} admits the whole internet ({}) to administrative port(s) {}",
                            b.address(),
                            src.as_str().unwrap_or_default(),
                            open.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    hits
}

/// Ports `from..=to` of a security group rule; `None` for ICMP and unknown values.
fn sg_range(rule: &Node, proto_key: &str) -> Option<(u32, u32)> {
    let proto = rule.get(proto_key)?.scalar_text()?.to_ascii_lowercase();
    if matches!(proto.as_str(), "-1" | "all") {
        return Some((0, 65535));
    }
    if !matches!(proto.as_str(), "tcp" | "6" | "udp" | "17") {
        return None;
    }
    let from = rule.get("from_port")?.as_f64()?;
    let to = rule.get("to_port").and_then(Node::as_f64).unwrap_or(from);
    if from < 0.0 || to < 0.0 {
        return Some((0, 65535));
    }
    Some((from as u32, to as u32))
}

/// BH0421: a security group admits the internet to a database, cache or
/// search engine port.
pub fn data_store_port_open(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let ports = port_names(params, "data_store_ports");
    let (rules, proto_key, sources): (Vec<&Node>, &str, &[&str]) = match b.label(0).unwrap_or("") {
        "aws_security_group" => (
            b.body
                .get("ingress")
                .map_or(vec![], |n| n.as_many().iter().collect()),
            "protocol",
            &["cidr_blocks", "ipv6_cidr_blocks"],
        ),
        "aws_security_group_rule"
            if b.body.get("type").and_then(Node::as_str) == Some("ingress") =>
        {
            (
                vec![&b.body],
                "protocol",
                &["cidr_blocks", "ipv6_cidr_blocks"],
            )
        }
        "aws_vpc_security_group_ingress_rule" => {
            (vec![&b.body], "ip_protocol", &["cidr_ipv4", "cidr_ipv6"])
        }
        _ => return vec![],
    };
    let mut hits = Vec::new();
    for rule in rules {
        let Some(range) = sg_range(rule, proto_key) else {
            continue;
        };
        // Every port open: reported by the administrative-port check (BH0601).
        if range.0 == 0 && range.1 >= 65535 {
            continue;
        }
        let open = ports_in(range, &ports);
        if open.is_empty() {
            continue;
        }
        for key in sources {
            for src in rule.get(key).map_or(&[][..], Node::as_many) {
                if src.as_str().is_some_and(is_world) {
                    hits.push(Hit::at(
                        src.file,
                        src.span,
                        format!(
                            "{} admits the whole internet ({}) to data store port(s) {}",
                            b.address(),
                            src.as_str().unwrap_or_default(),
                            open.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    hits
}

// ---------------------------------------------------------------------------
// End of support
// ---------------------------------------------------------------------------

/// Leading numeric components of a version: `8.0.mysql_aurora.3.04` → `[8, 0]`,
/// `6.x` → `[6]`, `v1.29` → `[1, 29]`.
fn version_parts(v: &str) -> Vec<u64> {
    let v = v.trim().trim_start_matches(['v', 'V']);
    let mut out = Vec::new();
    for part in v.split('.') {
        match part.parse::<u64>() {
            Ok(n) => out.push(n),
            Err(_) => break,
        }
    }
    out
}

/// Whether `version` belongs to `major` or an older release line
/// (compared on the components `major` has).
fn at_or_before(version: &[u64], major: &[u64]) -> bool {
    let n = major.len().min(version.len());
    if n == 0 {
        return false;
    }
    let v = &version[..n];
    let m = &major[..n];
    v <= m
}

/// Dated table `{engine: {major: "YYYY-MM-DD"}}` from a parameter.
fn dated_table(
    params: &BTreeMap<String, Json>,
    key: &str,
) -> BTreeMap<String, Vec<(String, Date)>> {
    let mut out: BTreeMap<String, Vec<(String, Date)>> = BTreeMap::new();
    if let Some(Json::Object(engines)) = params.get(key) {
        for (engine, majors) in engines {
            if let Json::Object(m) = majors {
                for (major, date) in m {
                    if let Some(d) = date.as_str().and_then(|s| Date::parse(s).ok()) {
                        out.entry(engine.clone())
                            .or_default()
                            .push((major.clone(), d));
                    }
                }
            }
        }
    }
    out
}

/// The newest release line of `table` whose end of support is on or before `today`.
fn newest_ended(lines: &[(String, Date)], today: Date) -> Option<(&str, Date)> {
    lines
        .iter()
        .filter(|(_, d)| *d <= today)
        .max_by(|a, b| version_parts(&a.0).cmp(&version_parts(&b.0)))
        .map(|(m, d)| (m.as_str(), *d))
}

fn end_of_support_hits(b: &Block, params: &BTreeMap<String, Json>, today: Date) -> Vec<Hit> {
    let attr = params
        .get("version_attribute")
        .and_then(Json::as_str)
        .unwrap_or("engine_version");
    let engine = match params.get("engine_attribute").and_then(Json::as_str) {
        Some(key) => match b.body.get(key) {
            Some(n) => match n.as_str() {
                Some(s) => s.to_ascii_lowercase(),
                None => return vec![],
            },
            None => match params.get("default_engine").and_then(Json::as_str) {
                Some(d) => d.to_string(),
                None => return vec![],
            },
        },
        None => params
            .get("default_engine")
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string(),
    };
    let Some(v) = b.body.get(attr) else {
        return vec![];
    };
    let Some(text) = v.scalar_text().filter(|_| !v.is_unknown()) else {
        return vec![];
    };
    let table = dated_table(params, "end_of_support");
    let Some(lines) = table.get(&engine) else {
        return vec![];
    };
    let Some((line, date)) = newest_ended(lines, today) else {
        return vec![];
    };
    let version = version_parts(&text);
    if !at_or_before(&version, &version_parts(line)) {
        return vec![];
    }
    // The release line the version belongs to, for the message.
    let own = lines
        .iter()
        .filter(|(m, d)| *d <= today && at_or_before(&version, &version_parts(m)))
        .min_by(|a, b| version_parts(&a.0).cmp(&version_parts(&b.0)))
        .filter(|(m, _)| {
            let m = version_parts(m);
            version.len() >= m.len() && version[..m.len()] == m[..]
        });
    let when = match own {
        Some((m, d)) => format!("{engine} {m} reached its end of standard support on {d}"),
        None => {
            format!("{engine} {line} and older reached their end of standard support by {date}")
        }
    };
    vec![Hit::at(
        v.file,
        v.span,
        format!("{} runs {engine} {text}: {when}", b.address()),
    )]
}

/// BH0902, BH0904, BH0906: an engine or platform version whose release line
/// is past its end of standard support, from a dated table in the parameters.
pub fn end_of_support(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    end_of_support_hits(b, params, unit.today)
}

fn deprecated_runtime_hits(b: &Block, params: &BTreeMap<String, Json>, today: Date) -> Vec<Hit> {
    let Some(rt) = b.body.get("runtime") else {
        return vec![];
    };
    let Some(name) = rt.as_str() else {
        return vec![];
    };
    let Some(Json::Object(table)) = params.get("deprecated_runtimes") else {
        return vec![];
    };
    let Some(date) = table
        .get(name)
        .and_then(Json::as_str)
        .and_then(|s| Date::parse(s).ok())
    else {
        return vec![];
    };
    if date > today {
        return vec![];
    }
    vec![Hit::at(
        rt.file,
        rt.span,
        format!(
            "{} uses the Lambda runtime `{name}`, deprecated since {date}: it no longer receives security patches",
            b.address()
        ),
    )]
}

/// BH0905: a Lambda function on a deprecated runtime.
pub fn lambda_deprecated_runtime(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    deprecated_runtime_hits(b, params, unit.today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("iam:Pass*", "iam:passrole"));
        assert!(glob("iam:*Role", "iam:PassRole"));
        assert!(glob("iam:PassRol?", "iam:passrole"));
        assert!(!glob("iam:Get*", "iam:passrole"));
        assert!(!glob("s3:*", "iam:passrole"));
        assert!(glob("*", "iam:passrole"));
    }

    #[test]
    fn subjects() {
        assert!(broad_subject("*"));
        assert!(broad_subject("repo:*"));
        assert!(broad_subject("repo:octo-org/*"));
        assert!(broad_subject("repo:octo-org/app-*:ref:refs/heads/main"));
        assert!(!broad_subject("repo:octo-org/app:*"));
        assert!(!broad_subject("repo:octo-org/app:ref:refs/heads/main"));
    }

    #[test]
    fn versions() {
        assert_eq!(version_parts("8.0.mysql_aurora.3.04.0"), vec![8, 0]);
        assert_eq!(version_parts("6.x"), vec![6]);
        assert_eq!(version_parts("1.29"), vec![1, 29]);
        assert!(at_or_before(&[5, 7, 44], &[5, 7]));
        assert!(at_or_before(&[9, 6], &[11]));
        assert!(!at_or_before(&[8, 0, 35], &[5, 7]));
        assert!(!at_or_before(&[1, 30], &[1, 29]));
        assert!(at_or_before(&[1, 9], &[1, 29]));
        assert!(!at_or_before(&[], &[11]));
    }

    fn block(hcl: &str) -> Block {
        crate::parse::terraform::parse_hcl(hcl, 0)
            .expect("valid HCL")
            .blocks
            .remove(0)
    }

    fn table() -> BTreeMap<String, Json> {
        serde_json::from_value(serde_json::json!({
            "version_attribute": "engine_version",
            "engine_attribute": "engine",
            "end_of_support": {
                "postgres": {"11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28"},
                "mysql": {"5.7": "2024-02-29", "8.0": "2026-07-31"}
            }
        }))
        .unwrap()
    }

    #[test]
    fn end_of_support_follows_the_calendar() {
        let d = |s: &str| Date::parse(s).unwrap();
        let pg12 = block(
            "resource \"aws_db_instance\" \"a\" {\n  engine = \"postgres\"\n  engine_version = \"12.19\"\n}\n",
        );
        assert!(end_of_support_hits(&pg12, &table(), d("2025-01-01")).is_empty());
        let hits = end_of_support_hits(&pg12, &table(), d("2025-03-01"));
        assert_eq!(hits.len(), 1);
        let msg = hits[0].message.as_deref().unwrap();
        assert!(
            msg.contains("postgres 12 reached its end of standard support on 2025-02-28"),
            "{msg}"
        );
        // A release line older than the table: covered by the newest ended line.
        let pg9 = block(
            "resource \"aws_db_instance\" \"a\" {\n  engine = \"postgres\"\n  engine_version = \"9.6.22\"\n}\n",
        );
        let hits = end_of_support_hits(&pg9, &table(), d("2025-03-01"));
        assert!(hits[0].message.as_deref().unwrap().contains("12 and older"));
        let mysql8 = block(
            "resource \"aws_db_instance\" \"a\" {\n  engine = \"mysql\"\n  engine_version = \"8.0.36\"\n}\n",
        );
        assert!(end_of_support_hits(&mysql8, &table(), d("2026-07-30")).is_empty());
        assert_eq!(
            end_of_support_hits(&mysql8, &table(), d("2026-07-31")).len(),
            1
        );
        let unknown = block(
            "resource \"aws_db_instance\" \"a\" {\n  engine = \"postgres\"\n  engine_version = var.v\n}\n",
        );
        assert!(end_of_support_hits(&unknown, &table(), d("2030-01-01")).is_empty());
    }

    #[test]
    fn runtimes_are_deprecated_from_their_date() {
        let d = |s: &str| Date::parse(s).unwrap();
        let params: BTreeMap<String, Json> = serde_json::from_value(
            serde_json::json!({"deprecated_runtimes": {"python3.9": "2025-12-15"}}),
        )
        .unwrap();
        let f = block("resource \"aws_lambda_function\" \"f\" {\n  runtime = \"python3.9\"\n}\n");
        assert!(deprecated_runtime_hits(&f, &params, d("2025-12-14")).is_empty());
        assert_eq!(
            deprecated_runtime_hits(&f, &params, d("2025-12-15")).len(),
            1
        );
    }

    #[test]
    fn newest_ended_line() {
        let d = |s: &str| Date::parse(s).unwrap();
        let lines = vec![
            ("11".to_string(), d("2024-02-29")),
            ("12".to_string(), d("2025-02-28")),
            ("13".to_string(), d("2026-02-28")),
        ];
        assert_eq!(
            newest_ended(&lines, d("2025-06-01")).map(|x| x.0),
            Some("12")
        );
        assert_eq!(newest_ended(&lines, d("2020-01-01")), None);
    }
}
