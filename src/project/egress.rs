//! Default-deny egress per Kubernetes namespace (BH0544).
//!
//! Every namespace that runs workloads needs a NetworkPolicy that selects all
//! of its pods and restricts egress, so that only destinations allowed
//! explicitly are reachable. Each Kubernetes object of a scan yields at most
//! one small [`Fact`] (a workload, a default-deny egress policy, a policy of
//! a network plugin, a cluster-wide policy); [`run`] groups them by namespace
//! once per scan.
//!
//! The namespace of an object is the one the Kustomize overlay rendering it
//! sets (Kustomize overrides `metadata.namespace`), else `metadata.namespace`,
//! else `default`. Objects of files that could not be parsed (or Helm
//! templates, which are not YAML before rendering) are not seen: a namespace
//! is judged on the objects bulkhead could read. A scan of single files
//! judges no namespace (the scan pipeline runs [`run`] only when a folder is
//! scanned), because the policies live in other files.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::engine::run::ActiveCheck;
use crate::finding::{Finding, Related};
use crate::model::kubernetes::Object;
use crate::model::{Node, Value};
use crate::source::{SourceRef, Span};

/// The id of the check.
pub const CHECK_ID: &str = "BH0544";

/// The namespace of objects that do not name one.
pub const DEFAULT_NAMESPACE: &str = "default";

/// Related locations listed with a finding, at most.
const MAX_RELATED: usize = 4;

/// What an object tells about the egress isolation of its namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// A workload: pods run in the namespace.
    Workload,
    /// A NetworkPolicy that selects every pod and restricts egress.
    DefaultDenyEgress,
    /// A NetworkPolicy that restricts egress for the pods it selects: a
    /// namespace whose every workload is selected by one is not reported.
    EgressPolicy,
    /// A namespaced policy of a network plugin (Cilium, Calico, Antrea): its
    /// effect is not judged, and its namespace is not reported.
    PluginPolicy,
    /// A cluster-wide policy (Calico `GlobalNetworkPolicy`, Cilium
    /// `CiliumClusterwideNetworkPolicy`, `AdminNetworkPolicy`, ...) that can
    /// deny egress in every namespace: nothing is reported.
    ClusterWidePolicy,
}

/// One object's contribution.
#[derive(Debug, Clone)]
pub struct Fact {
    /// What the object is.
    pub role: Role,
    /// Its namespace (as rendered).
    pub namespace: String,
    /// Whether the namespace is written (in the object or by an overlay)
    /// rather than implied.
    pub explicit: bool,
    /// The file.
    pub source: SourceRef,
    /// Where the object is named.
    pub span: Span,
    /// The object (`Deployment/payments/api`).
    pub resource: String,
    /// The label of the object's environment, when known.
    pub environment: Option<String>,
    /// A workload's pod labels.
    pub labels: Vec<(String, String)>,
    /// An [`Role::EgressPolicy`]'s pod selector; `None` when it is not
    /// understood (then it may select every pod).
    pub selector: Option<Selector>,
}

/// A label selector (`matchLabels` and `matchExpressions`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selector {
    /// `matchLabels`.
    pub labels: Vec<(String, String)>,
    /// `matchExpressions`: key, operator, values.
    pub expressions: Vec<(String, String, Vec<String>)>,
}

impl Selector {
    /// Read a selector; `None` when it holds something not understood.
    #[must_use]
    pub fn parse(node: Option<&Node>) -> Option<Selector> {
        let mut sel = Selector::default();
        let Some(node) = node else { return Some(sel) };
        for e in node.entries() {
            match e.key.as_str() {
                "matchLabels" => {
                    for l in e.value.entries() {
                        sel.labels.push((l.key.clone(), l.value.scalar_text()?));
                    }
                }
                "matchExpressions" => {
                    for x in e.value.as_many() {
                        let key = x.get("key").and_then(Node::scalar_text)?;
                        let op = x.get("operator").and_then(Node::as_str)?;
                        if !matches!(op, "In" | "NotIn" | "Exists" | "DoesNotExist") {
                            return None;
                        }
                        let values = x
                            .get("values")
                            .map_or(&[][..], Node::as_many)
                            .iter()
                            .map(Node::scalar_text)
                            .collect::<Option<Vec<_>>>()?;
                        sel.expressions.push((key, op.to_string(), values));
                    }
                }
                _ => {}
            }
        }
        Some(sel)
    }

    /// Whether the selector selects pods with these labels.
    #[must_use]
    pub fn matches(&self, labels: &[(String, String)]) -> bool {
        let get = |k: &str| labels.iter().find(|(lk, _)| lk == k).map(|(_, v)| v);
        self.labels.iter().all(|(k, v)| get(k) == Some(v))
            && self
                .expressions
                .iter()
                .all(|(k, op, values)| match (op.as_str(), get(k)) {
                    ("In", Some(v)) => values.contains(v),
                    ("NotIn", v) => v.is_none_or(|v| !values.contains(v)),
                    ("Exists", v) => v.is_some(),
                    ("DoesNotExist", v) => v.is_none(),
                    _ => false,
                })
    }
}

/// The API group of an `apiVersion` (`""` for the core group).
fn api_group(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(g, _)| g)
}

/// Workload kinds of the built-in API groups.
fn is_workload(obj: &Object) -> bool {
    matches!(
        obj.kind.as_str(),
        "Pod"
            | "Deployment"
            | "StatefulSet"
            | "DaemonSet"
            | "Job"
            | "CronJob"
            | "ReplicaSet"
            | "ReplicationController"
    ) && matches!(
        api_group(&obj.api_version),
        "" | "apps" | "batch" | "extensions"
    )
}

/// Whether a label selector selects every pod: absent, `{}`, or with empty
/// `matchLabels` and `matchExpressions`.
fn selects_all(selector: Option<&Node>) -> bool {
    let Some(sel) = selector else { return true };
    match &sel.value {
        Value::Null => true,
        Value::Map(entries) => entries.iter().all(|e| match e.key.as_str() {
            "matchLabels" => match &e.value.value {
                Value::Null => true,
                Value::Map(labels) => labels.is_empty(),
                _ => false,
            },
            "matchExpressions" => e.value.as_many().is_empty(),
            // Other keys are not part of a label selector; the API server drops them.
            _ => true,
        }),
        _ => false,
    }
}

/// Whether a NetworkPolicy spec applies to egress, with the API's defaulting:
/// without `policyTypes`, a policy is an Ingress policy, and an Egress policy
/// too when it has at least one `egress` rule.
fn applies_to_egress(spec: &Node) -> bool {
    let types = spec.get("policyTypes").map_or(&[][..], Node::as_many);
    if types.is_empty() {
        spec.get("egress").is_some_and(|e| !e.as_many().is_empty())
    } else {
        types.iter().any(|t| t.as_str() == Some("Egress"))
    }
}

/// The role of an object, if it has one.
#[must_use]
pub fn role_of(obj: &Object) -> Option<Role> {
    let group = api_group(&obj.api_version);
    match obj.kind.as_str() {
        _ if is_workload(obj) => Some(Role::Workload),
        "NetworkPolicy" if matches!(group, "networking.k8s.io" | "extensions") => {
            let spec = obj.root.get("spec")?;
            if !applies_to_egress(spec) {
                None
            } else if selects_all(spec.get("podSelector")) {
                Some(Role::DefaultDenyEgress)
            } else {
                Some(Role::EgressPolicy)
            }
        }
        // Calico (`projectcalico.org`), Antrea (`crd.antrea.io`) and Cilium policies.
        "NetworkPolicy" | "CiliumNetworkPolicy" => Some(Role::PluginPolicy),
        "GlobalNetworkPolicy"
        | "CiliumClusterwideNetworkPolicy"
        | "AdminNetworkPolicy"
        | "BaselineAdminNetworkPolicy"
        | "ClusterNetworkPolicy" => Some(Role::ClusterWidePolicy),
        _ => None,
    }
}

/// The fact of one object as an overlay renders it (or as written, without
/// an overlay). `located` gives the place (the object as written in
/// `source`); `judged` gives the content (with the overlay's patches).
#[must_use]
pub fn fact(
    located: &Object,
    judged: &Object,
    overlay_namespace: Option<&str>,
    source: &SourceRef,
    environment: Option<String>,
) -> Option<Fact> {
    let role = role_of(judged)?;
    let labels = if role == Role::Workload {
        judged
            .pod_metadata()
            .and_then(|m| m.get("labels"))
            .map_or(&[][..], Node::entries)
            .iter()
            .filter_map(|e| Some((e.key.clone(), e.value.scalar_text()?)))
            .collect()
    } else {
        Vec::new()
    };
    let selector = if role == Role::EgressPolicy {
        Selector::parse(judged.root.path("spec.podSelector"))
    } else {
        None
    };
    let written = overlay_namespace
        .or(judged.namespace.as_deref())
        .filter(|ns| !ns.is_empty());
    Some(Fact {
        role,
        namespace: written.unwrap_or(DEFAULT_NAMESPACE).to_string(),
        explicit: written.is_some(),
        source: Arc::clone(source),
        span: located.header_span(),
        resource: located.address(),
        environment,
        labels,
        selector,
    })
}

/// Judge the facts of a whole scan: one finding per namespace that runs
/// workloads without a default-deny egress policy, at its first workload.
#[must_use]
pub fn run(facts: &[Fact], checks: &[ActiveCheck]) -> Vec<Finding> {
    let Some(ac) = checks.iter().find(|c| c.check.id == CHECK_ID) else {
        return Vec::new();
    };
    if facts.iter().any(|f| f.role == Role::ClusterWidePolicy) {
        return Vec::new();
    }
    let mut sorted: Vec<&Fact> = facts.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.source.path, a.span.start, a.role, &a.namespace).cmp(&(
            &b.source.path,
            b.span.start,
            b.role,
            &b.namespace,
        ))
    });
    let mut namespaces: BTreeMap<&str, (Vec<&Fact>, bool)> = BTreeMap::new();
    let mut policies: BTreeMap<&str, Vec<Option<&Selector>>> = BTreeMap::new();
    for f in sorted {
        if f.role == Role::EgressPolicy {
            policies
                .entry(f.namespace.as_str())
                .or_default()
                .push(f.selector.as_ref());
        }
        let (workloads, covered) = namespaces.entry(f.namespace.as_str()).or_default();
        match f.role {
            Role::Workload => {
                // One object rendered twice into one namespace counts once.
                if !workloads
                    .iter()
                    .any(|w| w.source.path == f.source.path && w.span == f.span)
                {
                    workloads.push(f);
                }
            }
            Role::DefaultDenyEgress | Role::PluginPolicy => *covered = true,
            Role::EgressPolicy | Role::ClusterWidePolicy => {}
        }
    }
    let mut out = Vec::new();
    for (namespace, (workloads, covered)) in namespaces {
        if covered {
            continue;
        }
        // Workloads that no egress policy of the namespace selects.
        let selectors = policies.get(namespace).map_or(&[][..], Vec::as_slice);
        let open: Vec<&Fact> = workloads
            .iter()
            .copied()
            .filter(|w| {
                !selectors
                    .iter()
                    .any(|s| s.is_none_or(|s| s.matches(&w.labels)))
            })
            .collect();
        let Some(first) = open.first() else {
            continue;
        };
        let n = workloads.len();
        let implied = if workloads.iter().any(|w| w.explicit) {
            ""
        } else {
            " (manifests without a namespace)"
        };
        let unselected = if open.len() < n {
            format!(" ({} of them selected by no egress policy)", open.len())
        } else {
            String::new()
        };
        let message = format!(
            "namespace \"{namespace}\"{implied} runs {n} workload{} but no NetworkPolicy denies egress by default{unselected}",
            if n == 1 { "" } else { "s" }
        );
        // The environment, when all the workloads reported share one.
        let environment = open
            .iter()
            .all(|w| w.environment == first.environment)
            .then_some(first.environment.as_deref())
            .flatten();
        let related = open
            .iter()
            .skip(1)
            .take(MAX_RELATED)
            .map(|w| Related {
                source: Arc::clone(&w.source),
                span: w.span,
                message: format!("{} also runs in namespace \"{namespace}\"", w.resource),
            })
            .collect();
        out.push(Finding {
            check: Arc::clone(&ac.check),
            severity: ac.severity,
            source: Arc::clone(&first.source),
            span: first.span,
            message: message.into(),
            resource: format!("Namespace/{namespace}").into(),
            evidence: namespace.into(),
            related,
            environment: environment.map(Into::into),
            suppression: None,
            sla: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{kubernetes, yaml};
    use crate::source::{FileKind, SourceFile};

    fn objects(text: &str) -> Vec<Object> {
        let src = SourceFile::new("m.yaml".into(), "m.yaml".into(), FileKind::Yaml, text);
        let loaded = yaml::load(&src, 0, yaml::YamlLimits::default()).expect("valid YAML");
        kubernetes::objects(loaded.documents)
    }

    fn role(text: &str) -> Option<Role> {
        objects(text).first().and_then(role_of)
    }

    #[test]
    fn policy_types_follow_the_api_defaults() {
        let np = |spec: &str| {
            role(&format!(
                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p}}\nspec:\n{spec}"
            ))
        };
        let deny = Some(Role::DefaultDenyEgress);
        assert_eq!(np("  podSelector: {}\n  policyTypes: [Egress]\n"), deny);
        assert_eq!(
            np("  podSelector: {}\n  policyTypes: [Ingress, Egress]\n"),
            deny
        );
        assert_eq!(np("  podSelector: {}\n  policyTypes: [Ingress]\n"), None);
        // Without policyTypes: Ingress, plus Egress when there are egress rules.
        assert_eq!(np("  podSelector: {}\n"), None);
        assert_eq!(np("  podSelector: {}\n  egress: []\n"), None);
        assert_eq!(
            np("  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 10.0.0.0/8}}]\n"),
            deny
        );
        assert_eq!(np("  policyTypes: [Egress]\n"), deny);
        assert_eq!(
            np("  podSelector: {matchLabels: {}, matchExpressions: []}\n  policyTypes: [Egress]\n"),
            deny
        );
        let some = Some(Role::EgressPolicy);
        assert_eq!(
            np("  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n"),
            some
        );
        assert_eq!(
            np(
                "  podSelector:\n    matchExpressions: [{key: app, operator: Exists}]\n  policyTypes: [Egress]\n"
            ),
            some
        );
        assert_eq!(
            np("  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n"),
            None
        );
    }

    #[test]
    fn selectors_match_labels() {
        let labels = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect()
        };
        let sel = |text: &str| {
            let objs = objects(&format!(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: x}}\nsel: {text}\n"
            ));
            Selector::parse(objs.first().and_then(|o| o.root.get("sel")))
        };
        let api = labels(&[("app", "api"), ("tier", "web")]);
        let s = sel("{matchLabels: {app: api}}").expect("understood");
        assert!(s.matches(&api));
        assert!(!s.matches(&labels(&[("app", "queue")])));
        let s = sel("{matchExpressions: [{key: tier, operator: In, values: [web, db]}]}")
            .expect("understood");
        assert!(s.matches(&api));
        let s = sel("{matchExpressions: [{key: tier, operator: NotIn, values: [web]}]}")
            .expect("understood");
        assert!(!s.matches(&api));
        assert!(s.matches(&labels(&[])));
        let s =
            sel("{matchExpressions: [{key: app, operator: DoesNotExist}]}").expect("understood");
        assert!(!s.matches(&api));
        assert_eq!(
            sel("{matchExpressions: [{key: app, operator: Like}]}"),
            None
        );
    }

    #[test]
    fn roles_of_other_objects() {
        assert_eq!(
            role("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"),
            Some(Role::Workload)
        );
        assert_eq!(
            role("apiVersion: example.com/v1\nkind: Job\nmetadata: {name: j}\n"),
            None
        );
        assert_eq!(
            role(
                "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: g}\n"
            ),
            Some(Role::ClusterWidePolicy)
        );
        assert_eq!(
            role("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: n}\n"),
            Some(Role::PluginPolicy)
        );
        assert_eq!(
            role("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"),
            None
        );
    }
}
