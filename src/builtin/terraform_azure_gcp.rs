//! Terraform builtins for Google Cloud and the Kubernetes provider: pod
//! specs of `kubernetes_*` workload resources (privileged containers,
//! privilege escalation, host namespaces, host paths, UID 0), public IP
//! addresses of Compute Engine instances, and Cloud KMS key rotation.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::Hit;
use super::terraform::{blocks, descend};
use crate::engine::run::{Target, UnitCtx};
use crate::model::terraform::Block;
use crate::model::{Lookup, Node, Value};

/// The pod specs of a `kubernetes_*` workload resource of the Kubernetes
/// provider: `spec` of a pod, `spec.template.spec` of deployments, stateful
/// sets, daemon sets, jobs and replication controllers, and
/// `spec.job_template.spec.template.spec` of cron jobs.
fn pod_specs(body: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for spec in descend(body, &["spec"]) {
        if spec.get("container").is_some() {
            out.push(spec);
        }
    }
    out.extend(descend(body, &["spec", "template", "spec"]));
    out.extend(descend(
        body,
        &["spec", "job_template", "spec", "template", "spec"],
    ));
    out
}

/// A container of a pod spec with its name (`?` when not literal).
struct TfContainer<'a> {
    name: String,
    node: &'a Node,
}

fn containers(spec: &Node) -> Vec<TfContainer<'_>> {
    ["init_container", "container"]
        .iter()
        .flat_map(|k| blocks(spec, k).iter())
        .filter(|c| matches!(c.value, Value::Map(_)))
        .map(|c| TfContainer {
            name: c
                .get("name")
                .and_then(Node::scalar_text)
                .unwrap_or_else(|| "?".into()),
            node: c,
        })
        .collect()
}

/// A field of the (single) `security_context` block of a container or pod.
fn security_field<'a>(holder: &'a Node, key: &str) -> Lookup<'a> {
    match holder.lookup("security_context") {
        Lookup::Found(sc) => match &sc.value {
            Value::List(items) => match items.as_slice() {
                [one] => one.lookup(key),
                [] => Lookup::Missing,
                _ => Lookup::Unknown(sc),
            },
            Value::Map(_) => sc.lookup(key),
            Value::Unknown(_) => Lookup::Unknown(sc),
            _ => Lookup::Missing,
        },
        other => other,
    }
}

fn is_true(n: &Node) -> bool {
    n.as_bool() == Some(true)
}

/// Where to report a container as a whole: its literal `name`, else the block
/// (a name taken from a variable or local is written elsewhere).
fn container_anchor(c: &TfContainer<'_>) -> (u32, crate::source::Span) {
    let inside = |n: &&Node| {
        n.file == c.node.file && c.node.span.start <= n.span.start && n.span.end <= c.node.span.end
    };
    let n = c.node.get("name").filter(inside).unwrap_or(c.node);
    (n.file, n.span)
}

/// The hits `judge` finds in the pod specs of the target, a
/// Kubernetes-provider workload resource: the skeleton of BH0244–BH0248.
fn per_pod_spec(
    target: &Target<'_>,
    mut judge: impl FnMut(&Block, &Node, &mut Vec<Hit>),
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let mut hits = Vec::new();
    for spec in pod_specs(&b.body) {
        judge(b, spec, &mut hits);
    }
    hits
}

/// The hits `judge` finds in each container (init containers first) of each
/// pod spec of the target; `judge` also sees the container's pod spec.
fn per_container(
    target: &Target<'_>,
    mut judge: impl FnMut(&Block, &Node, &TfContainer<'_>) -> Option<Hit>,
) -> Vec<Hit> {
    per_pod_spec(target, |b, spec, hits| {
        hits.extend(containers(spec).iter().filter_map(|c| judge(b, spec, c)));
    })
}

/// BH0244: a container of a Kubernetes-provider workload runs privileged.
pub fn k8s_privileged(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    per_container(target, |b, _, c| {
        match security_field(c.node, "privileged") {
            Lookup::Found(v) if is_true(v) => Some(Hit::at(
                v.file,
                v.span,
                format!(
                    "container `{}` of {} runs privileged, with all host devices and capabilities",
                    c.name,
                    b.address()
                ),
            )),
            _ => None,
        }
    })
}

/// BH0245: a container may gain more privileges than its parent process
/// (`allow_privilege_escalation` not set to `false`).
pub fn k8s_privilege_escalation(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    per_container(target, |b, _, c| {
        // A privileged container is reported by BH0244; Kubernetes rejects
        // `allowPrivilegeEscalation: false` together with `privileged: true`.
        match security_field(c.node, "privileged") {
            Lookup::Found(v) if is_true(v) || v.is_unknown() => return None,
            Lookup::Unknown(_) => return None,
            _ => {}
        }
        match security_field(c.node, "allow_privilege_escalation") {
            Lookup::Found(v) if is_true(v) => Some(Hit::at(
                v.file,
                v.span,
                format!(
                    "container `{}` of {} allows privilege escalation",
                    c.name,
                    b.address()
                ),
            )),
            Lookup::Missing => {
                let (file, span) = container_anchor(c);
                Some(Hit::at(
                    file,
                    span,
                    format!(
                        "container `{}` of {} allows privilege escalation: set security_context.allow_privilege_escalation to false",
                        c.name,
                        b.address()
                    ),
                ))
            }
            _ => None,
        }
    })
}

/// BH0246: the pod shares the node's network, PID or IPC namespace.
pub fn k8s_host_namespace(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    per_pod_spec(target, |b, spec, hits| {
        for (key, what) in [
            ("host_network", "network"),
            ("host_pid", "process (PID)"),
            ("host_ipc", "IPC"),
        ] {
            if let Some(v) = spec.get(key).filter(|v| is_true(v)) {
                hits.push(Hit::at(
                    v.file,
                    v.span,
                    format!("{} shares the node's {what} namespace", b.address()),
                ));
            }
        }
    })
}

/// BH0247: the pod mounts a directory of the node (`host_path` volume).
pub fn k8s_host_path(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    per_pod_spec(target, |b, spec, hits| {
        for vol in blocks(spec, "volume") {
            for hp in blocks(vol, "host_path") {
                if !matches!(hp.value, Value::Map(_)) {
                    continue;
                }
                let (node, path) = match hp.get("path") {
                    Some(p) => (p, p.scalar_text()),
                    None => (hp, None),
                };
                let shown = path.map_or_else(String::new, |p| format!(" `{p}`"));
                hits.push(Hit::at(
                    node.file,
                    node.span,
                    format!(
                        "{} mounts the node's directory{shown} through a host_path volume",
                        b.address()
                    ),
                ));
            }
        }
    })
}

/// BH0248: a container runs as UID 0, set on the container or inherited from the pod.
pub fn k8s_root_user(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    per_container(target, |b, spec, c| {
        let user = match security_field(c.node, "run_as_user") {
            Lookup::Missing => security_field(spec, "run_as_user"),
            found => found,
        };
        match user {
            Lookup::Found(u) if u.as_f64() == Some(0.0) => Some(Hit::at(
                u.file,
                u.span,
                format!(
                    "container `{}` of {} runs as UID 0 (root)",
                    c.name,
                    b.address()
                ),
            )),
            _ => None,
        }
    })
}

/// Whether the entry `key` of `body` was generated by a `dynamic` block: its
/// key is then written as `dynamic` in the source.
fn from_dynamic_block(body: &Node, key: &str, unit: &UnitCtx<'_>) -> bool {
    let Some(e) = body.entry(key) else {
        return false;
    };
    unit.files
        .get(e.value.file as usize)
        .is_some_and(|f| f.text.get(e.key_span.range()) == Some("dynamic"))
}

/// BH0537: a Compute Engine instance or template gets an external IP address
/// (an `access_config` block in a network interface).
pub fn gce_public_ip(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let mut hits = Vec::new();
    for nic in blocks(&b.body, "network_interface") {
        if !matches!(nic.value, Value::Map(_)) {
            continue;
        }
        // A `dynamic "access_config"` block may be generated zero times: the
        // evaluation keeps one instance when its collection is unknown, so
        // generated blocks are not judged.
        if from_dynamic_block(nic, "access_config", unit) {
            continue;
        }
        let Some(entry) = nic.entry("access_config") else {
            continue;
        };
        if entry.value.as_many().is_empty() {
            continue;
        }
        let file = entry.value.file;
        hits.push(Hit::at(
            file,
            entry.key_span,
            format!(
                "{} has an external IP address: its network interface has an access_config block",
                b.address()
            ),
        ));
    }
    hits
}

/// Seconds of a Google duration such as `"7776000s"`.
fn duration_seconds(s: &str) -> Option<f64> {
    let t = s.trim();
    let n = t.strip_suffix('s')?;
    n.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// BH0435: a symmetric Cloud KMS key without automatic rotation, or with a
/// rotation period longer than `max_days`.
pub fn gcp_kms_rotation(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let max_days = params
        .get("max_days")
        .and_then(Json::as_f64)
        .unwrap_or(90.0);
    // Only symmetric encryption keys rotate automatically; imported and
    // external (Cloud EKM) keys are rotated by their owner.
    let purpose_ok = match b.body.get("purpose") {
        None => true,
        Some(p) => p.as_str() == Some("ENCRYPT_DECRYPT"),
    };
    let import_only = b
        .body
        .get("import_only")
        .is_some_and(|v| v.as_bool() != Some(false));
    let external =
        descend(&b.body, &["version_template"])
            .iter()
            .any(|t| match t.get("protection_level") {
                Some(p) => p.as_str().is_none_or(|s| s.starts_with("EXTERNAL")),
                None => false,
            });
    if !purpose_ok || import_only || external {
        return vec![];
    }
    match b.body.get("rotation_period") {
        None => vec![Hit::at(
            b.file,
            b.header_span(),
            format!(
                "{} is never rotated automatically: set rotation_period (at most {} days)",
                b.address(),
                crate::model::format_number(max_days)
            ),
        )],
        Some(v) => {
            let Some(secs) = v.as_str().and_then(duration_seconds) else {
                return vec![];
            };
            if secs <= max_days * 86_400.0 {
                return vec![];
            }
            vec![Hit::at(
                v.file,
                v.span,
                format!(
                    "{} rotates only every {} days, more than {} days",
                    b.address(),
                    crate::model::format_number((secs / 86_400.0 * 10.0).round() / 10.0),
                    crate::model::format_number(max_days)
                ),
            )]
        }
    }
}

/// BH0431: instances and GKE nodes that run with the Compute Engine default
/// service account (shared by every machine of the project).
pub fn gcp_default_service_account(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let suffix = params
        .get("default_suffix")
        .and_then(Json::as_str)
        .unwrap_or("-compute@developer.gserviceaccount.com");
    let addr = b.address();
    let mut hits = Vec::new();
    // `Some(hit location)` when the account is the default one, `None` when it
    // is dedicated or unknown.
    let judge =
        |holder: &Node, key: &str, anchor: (u32, crate::source::Span)| match holder.lookup(key) {
            Lookup::Missing => Some(anchor),
            Lookup::Found(n) if n.is_null() => Some(anchor),
            Lookup::Found(n) => n
                .as_str()
                .filter(|e| e.ends_with(suffix))
                .map(|_| (n.file, n.span)),
            Lookup::Unknown(_) => None,
        };
    let header = (b.file, b.header_span());
    // The default account applies when `node_config` or its `service_account` is missing.
    let node_pool = |pool: &Node, anchor: (u32, crate::source::Span)| {
        let configs = blocks(pool, "node_config");
        if configs.is_empty() {
            return vec![anchor];
        }
        configs
            .iter()
            .filter(|c| matches!(c.value, Value::Map(_)))
            .filter_map(|c| judge(c, "service_account", anchor))
            .collect::<Vec<_>>()
    };
    match b.label(0).unwrap_or("") {
        "google_compute_instance"
        | "google_compute_instance_template"
        | "google_compute_region_instance_template"
        | "google_compute_instance_from_template" => {
            let Some(entry) = b.body.entry("service_account") else {
                return hits;
            };
            for sa in entry.value.as_many() {
                if !matches!(sa.value, Value::Map(_)) {
                    continue;
                }
                if let Some((file, span)) = judge(sa, "email", (entry.value.file, entry.key_span)) {
                    hits.push(Hit::at(
                        file,
                        span,
                        format!("{addr} runs with the Compute Engine default service account"),
                    ));
                }
            }
        }
        "google_container_node_pool" => {
            for (file, span) in node_pool(&b.body, header) {
                hits.push(Hit::at(
                    file,
                    span,
                    format!(
                        "{addr} runs its nodes with the Compute Engine default service account: set node_config.service_account"
                    ),
                ));
            }
        }
        "google_container_cluster" => {
            // Autopilot nodes are configured through cluster_autoscaling.
            if b.body
                .get("enable_autopilot")
                .is_some_and(|v| v.as_bool() != Some(false))
            {
                return hits;
            }
            let pools = blocks(&b.body, "node_pool");
            let mut found = Vec::new();
            if pools.is_empty() {
                let removed = b
                    .body
                    .get("remove_default_node_pool")
                    .is_some_and(|v| v.as_bool() != Some(false));
                if !removed {
                    found.extend(node_pool(&b.body, header));
                }
            } else {
                for pool in pools.iter().filter(|p| matches!(p.value, Value::Map(_))) {
                    let anchor = pool.get("name").map_or(header, |n| (n.file, n.span));
                    found.extend(node_pool(pool, anchor));
                }
            }
            for (file, span) in found {
                hits.push(Hit::at(
                    file,
                    span,
                    format!(
                        "{addr} runs GKE nodes with the Compute Engine default service account: set node_config.service_account"
                    ),
                ));
            }
        }
        _ => {}
    }
    hits
}

/// Node pools of a GKE resource that opt out of Workload Identity: the
/// metadata mode `GCE_METADATA` or the legacy `node_metadata = "EXPOSE"`.
fn metadata_opt_outs(pool: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for cfg in descend(pool, &["node_config", "workload_metadata_config"]) {
        for (key, bad) in [("mode", "GCE_METADATA"), ("node_metadata", "EXPOSE")] {
            if let Some(v) = cfg.get(key).filter(|v| v.as_str() == Some(bad)) {
                out.push(v);
            }
        }
    }
    out
}

/// The Workload Identity pool of a `workload_identity_config` block (the
/// pre-4.0 provider called it `identity_namespace`).
fn pool_of(c: &Node) -> Lookup<'_> {
    match c.lookup("workload_pool") {
        Lookup::Missing => c.lookup("identity_namespace"),
        found => found,
    }
}

/// BH0439: GKE Standard clusters without Workload Identity, and node pools
/// that expose the node's metadata (and service account) to pods.
pub fn gke_workload_identity(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(b) = target.tf_block() else {
        return vec![];
    };
    let addr = b.address();
    let opt_out = |v: &Node| {
        Hit::at(
            v.file,
            v.span,
            format!(
                "{addr} exposes the node's metadata server and service account to pods ({})",
                v.scalar_text().unwrap_or_default()
            ),
        )
    };
    match b.label(0).unwrap_or("") {
        "google_container_node_pool" => metadata_opt_outs(&b.body)
            .into_iter()
            .map(opt_out)
            .collect(),
        "google_container_cluster" => {
            let mut hits: Vec<Hit> = metadata_opt_outs(&b.body)
                .into_iter()
                .map(opt_out)
                .collect();
            for pool in blocks(&b.body, "node_pool") {
                hits.extend(metadata_opt_outs(pool).into_iter().map(opt_out));
            }
            // Autopilot clusters always use Workload Identity.
            if b.body
                .get("enable_autopilot")
                .is_some_and(|v| v.as_bool() != Some(false))
            {
                return hits;
            }
            let configs = blocks(&b.body, "workload_identity_config");
            let enabled = configs.iter().any(|c| match pool_of(c) {
                Lookup::Found(p) => !p.is_null(),
                Lookup::Unknown(_) => true,
                Lookup::Missing => false,
            });
            if !enabled {
                hits.push(Hit::at(
                    b.file,
                    b.header_span(),
                    format!(
                        "{addr} has no workload_identity_config: every pod can use the credentials of its node's service account"
                    ),
                ));
            }
            hits
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_seconds("7776000s"), Some(7_776_000.0));
        assert_eq!(duration_seconds("86400.5s"), Some(86_400.5));
        assert_eq!(duration_seconds("90d"), None);
        assert_eq!(duration_seconds("-1s"), None);
    }
}
