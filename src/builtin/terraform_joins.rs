//! Terraform checks that join resources of a unit: a VPC and the flow logs
//! that record it, a load balancer or API stage and the WAF web ACL
//! associated with it, an S3 bucket and its public access block, versioning
//! and the services that deliver logs into it, a secret and its rotation,
//! container repositories and the registry's scanning configuration.
//!
//! The partners of every kind are collected once per unit ([`JoinCache`]);
//! each check then looks its target up by address (see
//! [`super::terraform_refs`]). Checks that prove an absence stay silent when
//! a partner's target cannot be traced (a variable without value, a data
//! source, a module output), and when a module that is not expanded (a
//! remote source) receives the target as an argument.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value as Json;

use super::Hit;
use super::terraform::{blocks, descend};
use super::terraform_refs::{RefIndex, Refs, base_address};
use crate::engine::run::{Target, UnitCtx};
use crate::hashing::{Map, Set};
use crate::model::terraform::Block;
use crate::model::{FileIdx, Node, Value};
use crate::source::Span;

/// Arguments of a `module` block that are not inputs of the module.
const MODULE_META_ARGS: &[&str] = &[
    "source",
    "version",
    "providers",
    "count",
    "for_each",
    "depends_on",
];

/// The partners of one kind: which targets they refer to.
#[derive(Debug, Default)]
struct Partners {
    /// Target address (without instance keys) → the partner blocks referring to it.
    by_target: Map<String, Vec<usize>>,
    /// The first partner whose target cannot be traced.
    opaque: Option<usize>,
}

impl Partners {
    fn add(&mut self, partner: usize, refs: Option<Refs>) {
        let Some(refs) = refs else {
            return;
        };
        if refs.opaque && self.opaque.is_none() {
            self.opaque = Some(partner);
        }
        for a in refs.addresses {
            let list = self.by_target.entry(a).or_default();
            if !list.contains(&partner) {
                list.push(partner);
            }
        }
    }

    fn covers(&self, address: &str) -> bool {
        self.by_target.contains_key(address)
    }

    /// Whether some partner refers to `address`, or may: one partner's
    /// target cannot be traced, so absence cannot be proven.
    fn may_cover(&self, address: &str) -> bool {
        self.opaque.is_some() || self.covers(address)
    }
}

/// What the resources of one unit say about each other.
#[derive(Debug, Default)]
pub struct Joins {
    refs: RefIndex,
    /// `aws_flow_log.vpc_id`.
    flow_logs: Partners,
    /// `resource_arn` of WAF web ACL associations.
    waf: Partners,
    /// Origins of CloudFront distributions with a web ACL.
    edge_waf: Partners,
    /// Arguments of modules that are not expanded (remote sources).
    remote_args: Partners,
    /// `aws_s3_bucket_public_access_block.bucket`.
    public_access_blocks: Partners,
    /// An `aws_s3_account_public_access_block` exists.
    account_public_access_block: bool,
    /// Versioning or object lock configured by a separate resource.
    versioning: Partners,
    /// Buckets that receive logs: address → (delivering block, what it logs).
    log_sinks: Map<String, Vec<(usize, &'static str)>>,
    /// `aws_secretsmanager_secret_rotation.secret_id`.
    rotations: Partners,
    /// An `aws_ecr_registry_scanning_configuration` exists.
    registry_scanning: bool,
}

/// The joins of one unit, built the first time a check needs them.
#[derive(Debug, Default)]
pub struct JoinCache(OnceLock<Joins>);

impl JoinCache {
    fn get(&self, unit: &UnitCtx<'_>) -> &Joins {
        self.0.get_or_init(|| Joins::build(unit))
    }
}

/// Where logs go: partner type, nested blocks then attribute, what is logged.
const LOG_SINKS: &[(&str, &[&str], &str)] = &[
    ("aws_cloudtrail", &["s3_bucket_name"], "CloudTrail"),
    (
        "aws_config_delivery_channel",
        &["s3_bucket_name"],
        "AWS Config",
    ),
    (
        "aws_s3_bucket_logging",
        &["target_bucket"],
        "S3 server access",
    ),
    (
        "aws_s3_bucket",
        &["logging", "target_bucket"],
        "S3 server access",
    ),
    ("aws_lb", &["access_logs", "bucket"], "load balancer access"),
    (
        "aws_lb",
        &["connection_logs", "bucket"],
        "load balancer connection",
    ),
    (
        "aws_alb",
        &["access_logs", "bucket"],
        "load balancer access",
    ),
    (
        "aws_elb",
        &["access_logs", "bucket"],
        "load balancer access",
    ),
    (
        "aws_cloudfront_distribution",
        &["logging_config", "bucket"],
        "CloudFront access",
    ),
    ("aws_flow_log", &["log_destination"], "VPC flow"),
];

impl Joins {
    fn build(unit: &UnitCtx<'_>) -> Joins {
        let blocks = unit.tf_blocks;
        let mut j = Joins {
            refs: RefIndex::new(blocks),
            ..Joins::default()
        };
        // Module calls whose resources are part of the unit: every prefix of
        // a block's `module.A.module.B.` path.
        let mut expanded: Set<String> = Set::default();
        for b in blocks {
            let prefix = base_address(&b.module_prefix);
            let mut call = String::new();
            let mut segs = prefix.split('.').filter(|s| !s.is_empty());
            while let (Some(kw), Some(name)) = (segs.next(), segs.next()) {
                call.push_str(kw);
                call.push('.');
                call.push_str(name);
                call.push('.');
                expanded.insert(call.clone());
            }
        }
        for (i, b) in blocks.iter().enumerate() {
            if b.kind == "module" {
                let call = format!(
                    "{}module.{}.",
                    base_address(&b.module_prefix),
                    b.label(0).unwrap_or("")
                );
                if !expanded.contains(&call) {
                    for e in b.body.entries() {
                        if !MODULE_META_ARGS.contains(&e.key.as_str()) {
                            j.remote_args.add(i, j.refs_of(unit, b, &b.body, &e.key));
                        }
                    }
                }
                continue;
            }
            if b.kind != "resource" {
                continue;
            }
            let ty = b.label(0).unwrap_or("");
            match ty {
                "aws_flow_log" => {
                    let r = j.refs_of(unit, b, &b.body, "vpc_id");
                    j.flow_logs.add(i, r);
                }
                "aws_wafv2_web_acl_association" | "aws_wafregional_web_acl_association" => {
                    let r = j.refs_of(unit, b, &b.body, "resource_arn");
                    j.waf.add(i, r);
                }
                "aws_cloudfront_distribution"
                    if b.body.get("web_acl_id").is_some_and(|n| !n.is_null()) =>
                {
                    for origin in blocks_of(&b.body, "origin") {
                        let r = j.refs_of(unit, b, origin, "domain_name");
                        j.edge_waf.add(i, r);
                    }
                }
                "aws_s3_bucket_public_access_block" => {
                    let r = j.refs_of(unit, b, &b.body, "bucket");
                    j.public_access_blocks.add(i, r);
                }
                "aws_s3_account_public_access_block" => j.account_public_access_block = true,
                "aws_s3_bucket_versioning" => {
                    let status = descend(&b.body, &["versioning_configuration"])
                        .into_iter()
                        .filter_map(|c| c.get("status"))
                        .next_back();
                    // Suspended or Disabled keeps no new versions.
                    if status.is_none_or(|s| s.is_unknown() || s.as_str() == Some("Enabled")) {
                        let r = j.refs_of(unit, b, &b.body, "bucket");
                        j.versioning.add(i, r);
                    }
                }
                "aws_s3_bucket_object_lock_configuration" => {
                    let r = j.refs_of(unit, b, &b.body, "bucket");
                    j.versioning.add(i, r);
                }
                "aws_secretsmanager_secret_rotation" => {
                    let r = j.refs_of(unit, b, &b.body, "secret_id");
                    j.rotations.add(i, r);
                }
                "aws_ecr_registry_scanning_configuration" => j.registry_scanning = true,
                _ => {}
            }
            for (sink_ty, path, what) in LOG_SINKS {
                if *sink_ty != ty || !sends_to_s3(b) {
                    continue;
                }
                let Some((attr, nested)) = path.split_last() else {
                    continue;
                };
                for holder in descend(&b.body, nested) {
                    // `access_logs { enabled = false }` delivers nothing.
                    if holder.get("enabled").and_then(Node::as_bool) == Some(false) {
                        continue;
                    }
                    let Some(r) = j.refs_of(unit, b, holder, attr) else {
                        continue;
                    };
                    for a in r.addresses {
                        let list = j.log_sinks.entry(a).or_default();
                        if !list.iter().any(|(p, _)| *p == i) {
                            list.push((i, what));
                        }
                    }
                }
            }
        }
        j
    }

    fn refs_of(&self, unit: &UnitCtx<'_>, from: &Block, holder: &Node, key: &str) -> Option<Refs> {
        self.refs
            .references(unit.tf_blocks, unit.files, from, holder, key)
    }
}

/// Whether a log source may write to S3 (flow logs go to CloudWatch Logs
/// unless `log_destination_type` says otherwise).
fn sends_to_s3(b: &Block) -> bool {
    if b.label(0) != Some("aws_flow_log") {
        return true;
    }
    b.body
        .get("log_destination_type")
        .is_some_and(|t| t.is_unknown() || t.as_str() == Some("s3"))
}

fn blocks_of<'a>(body: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
    blocks(body, key)
        .iter()
        .filter(|n| matches!(n.value, Value::Map(_)))
}

/// The resource block a check looks at, with its address without instance keys.
fn resource<'a>(target: &Target<'a>, ty: &[&str]) -> Option<(&'a Block, String)> {
    let Target::TfBlock(b) = target else {
        return None;
    };
    (b.kind == "resource" && b.label(0).is_some_and(|t| ty.contains(&t)))
        .then(|| (*b, base_address(&b.address())))
}

/// A finding on the block's header line.
fn header_hit(b: &Block, message: String, related: Vec<(FileIdx, Span, String)>) -> Hit {
    Hit {
        related,
        ..Hit::at(b.file, b.header_span(), message)
    }
}

/// The header of a partner block, as a related location.
fn related(unit: &UnitCtx<'_>, partner: usize, message: String) -> Option<(FileIdx, Span, String)> {
    let p = unit.tf_blocks.get(partner)?;
    Some((p.file, p.header_span(), message))
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// BH0816: an AWS VPC that no flow log records.
pub fn vpc_without_flow_log(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_vpc"]) else {
        return vec![];
    };
    let j = unit.tf_joins.get(unit);
    if j.flow_logs.may_cover(&addr) || j.remote_args.covers(&addr) {
        return vec![];
    }
    vec![header_hit(
        b,
        format!(
            "{} has no VPC flow log: no aws_flow_log in this configuration sets vpc_id to it",
            b.address()
        ),
        vec![],
    )]
}

/// BH0541: an internet-facing Application Load Balancer without a WAF web ACL.
pub fn public_alb_without_waf(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_lb", "aws_alb"]) else {
        return vec![];
    };
    let application = match b.body.get("load_balancer_type") {
        None => true,
        Some(n) if n.is_null() => true,
        Some(n) => n.as_str() == Some("application"),
    };
    let internet_facing = match b.body.get("internal") {
        None => true,
        Some(n) if n.is_null() => true,
        Some(n) => n.as_bool() == Some(false),
    };
    if !application || !internet_facing {
        return vec![];
    }
    let j = unit.tf_joins.get(unit);
    if j.waf.may_cover(&addr) || j.edge_waf.may_cover(&addr) || j.remote_args.covers(&addr) {
        return vec![];
    }
    vec![header_hit(
        b,
        format!(
            "{} is an internet-facing Application Load Balancer without an AWS WAF web ACL (no aws_wafv2_web_acl_association refers to it)",
            b.address()
        ),
        vec![],
    )]
}

/// BH0542: a stage of a public REST API without a WAF web ACL.
pub fn api_stage_without_waf(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_api_gateway_stage"]) else {
        return vec![];
    };
    let j = unit.tf_joins.get(unit);
    // Only APIs declared here can be shown to be public (not PRIVATE).
    let Some(api_refs) = j.refs_of(unit, b, &b.body, "rest_api_id") else {
        return vec![];
    };
    if api_refs.opaque || api_refs.addresses.is_empty() {
        return vec![];
    }
    for api in &api_refs.addresses {
        let apis = j.refs.at_address(api);
        if apis.is_empty() {
            return vec![];
        }
        for a in apis.iter().filter_map(|&i| unit.tf_blocks.get(i)) {
            if a.kind != "resource"
                || a.label(0) != Some("aws_api_gateway_rest_api")
                || !public_rest_api(a)
            {
                return vec![];
            }
        }
    }
    if j.waf.may_cover(&addr)
        || api_refs.addresses.iter().any(|a| j.waf.covers(a))
        || j.remote_args.covers(&addr)
    {
        return vec![];
    }
    vec![header_hit(
        b,
        format!(
            "{} serves a public REST API without an AWS WAF web ACL (no aws_wafv2_web_acl_association refers to it)",
            b.address()
        ),
        vec![],
    )]
}

/// Whether a REST API is reachable from the internet: its endpoint types are
/// known and none is PRIVATE (the default is EDGE).
fn public_rest_api(api: &Block) -> bool {
    if api
        .body
        .get("endpoint_configuration")
        .is_some_and(Node::contains_unknown)
    {
        return false;
    }
    let configs = descend(&api.body, &["endpoint_configuration"]);
    configs.iter().all(|c| match c.get("types") {
        None => true,
        Some(t) if t.is_null() => true,
        Some(t) => match &t.value {
            Value::List(items) => items
                .iter()
                .all(|i| i.as_str().is_some_and(|s| s != "PRIVATE")),
            _ => false,
        },
    })
}

/// BH0543: an S3 bucket that no public access block covers.
pub fn s3_public_access_not_blocked(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_s3_bucket"]) else {
        return vec![];
    };
    let j = unit.tf_joins.get(unit);
    if j.account_public_access_block
        || j.public_access_blocks.may_cover(&addr)
        || j.remote_args.covers(&addr)
    {
        return vec![];
    }
    vec![header_hit(
        b,
        format!(
            "{} declares no S3 Block Public Access: no aws_s3_bucket_public_access_block refers to it and the account-level block is not managed here",
            b.address()
        ),
        vec![],
    )]
}

/// BH0817: an S3 bucket that receives logs but keeps no object versions.
pub fn log_bucket_without_versioning(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_s3_bucket"]) else {
        return vec![];
    };
    let j = unit.tf_joins.get(unit);
    let Some(sinks) = j.log_sinks.get(&addr) else {
        return vec![];
    };
    // Provider v3: `versioning { enabled = true }` and object lock inline.
    let inline_versioning = descend(&b.body, &["versioning"]).iter().any(|v| {
        v.get("enabled")
            .is_some_and(|e| e.is_unknown() || e.as_bool() == Some(true))
    });
    let object_lock = b
        .body
        .get("object_lock_enabled")
        .is_some_and(|n| n.is_unknown() || n.as_bool() == Some(true))
        || !descend(&b.body, &["object_lock_configuration"]).is_empty();
    if inline_versioning
        || object_lock
        || j.versioning.may_cover(&addr)
        || j.remote_args.covers(&addr)
    {
        return vec![];
    }
    let mut kinds: Vec<&str> = Vec::new();
    for (_, what) in sinks {
        if !kinds.contains(what) {
            kinds.push(what);
        }
    }
    let related_locations = sinks
        .iter()
        .filter_map(|(p, what)| {
            related(unit, *p, format!("delivers {what} logs to {}", b.address()))
        })
        .collect();
    vec![header_hit(
        b,
        format!(
            "{} stores {} logs but keeps no object versions: a deleted or overwritten log file cannot be recovered",
            b.address(),
            kinds.join(", ")
        ),
        related_locations,
    )]
}

/// BH0440: a Secrets Manager secret without automatic rotation.
pub fn secret_without_rotation(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, addr)) = resource(target, &["aws_secretsmanager_secret"]) else {
        return vec![];
    };
    // Provider v2/v3 configured rotation on the secret itself.
    let inline = ["rotation_lambda_arn", "rotation_rules"]
        .iter()
        .any(|k| b.body.get(k).is_some_and(|n| !n.is_null()));
    let j = unit.tf_joins.get(unit);
    if inline || j.rotations.may_cover(&addr) || j.remote_args.covers(&addr) {
        return vec![];
    }
    vec![header_hit(
        b,
        format!(
            "{} is never rotated: no aws_secretsmanager_secret_rotation refers to it",
            b.address()
        ),
        vec![],
    )]
}

/// BH0339: an ECR repository that does not scan pushed images, in a unit
/// that does not configure registry-level scanning either.
pub fn ecr_scan_on_push_disabled(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((b, _)) = resource(target, &["aws_ecr_repository"]) else {
        return vec![];
    };
    if b.body
        .get("image_scanning_configuration")
        .is_some_and(Node::is_unknown)
    {
        return vec![];
    }
    let setting = descend(&b.body, &["image_scanning_configuration"])
        .into_iter()
        .filter_map(|c| c.get("scan_on_push"))
        .next_back();
    // Absent or null: off, the default.
    let (file, span) = match setting {
        Some(n) if n.is_null() => (b.file, b.header_span()),
        Some(n) if n.as_bool() == Some(false) => (n.file, n.span),
        Some(_) => return vec![],
        None => (b.file, b.header_span()),
    };
    if unit.tf_joins.get(unit).registry_scanning {
        return vec![];
    }
    vec![Hit::at(
        file,
        span,
        format!(
            "{} does not scan pushed images for vulnerabilities (scan_on_push is off and no registry scanning configuration is managed here)",
            b.address()
        ),
    )]
}
