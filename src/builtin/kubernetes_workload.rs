//! Kubernetes workload builtins: seccomp and AppArmor profiles (fields and
//! the legacy annotations), and the labels that name a workload's application
//! and responsible team.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::Hit;
use crate::engine::run::{Target, UnitCtx};
use crate::model::Node;
use crate::model::kubernetes::{ContainerKind, Object};

/// A profile setting that applies to a container, and whether it disables confinement.
struct Profile<'a> {
    node: &'a Node,
    unconfined: bool,
}

/// A string annotation of the pod template (the object's own metadata for a Pod).
fn pod_annotation<'a>(obj: &'a Object, key: &str) -> Option<&'a Node> {
    obj.pod_metadata()?.get("annotations")?.get(key)
}

fn field_profile<'a>(holder: &'a Node, field: &str) -> Option<Profile<'a>> {
    let t = holder.path("securityContext")?.get(field)?.get("type")?;
    let text = t.as_str()?;
    Some(Profile {
        node: t,
        unconfined: text.eq_ignore_ascii_case("unconfined"),
    })
}

fn annotation_profile(node: &Node) -> Option<Profile<'_>> {
    let text = node.as_str()?;
    Some(Profile {
        node,
        unconfined: text.trim().eq_ignore_ascii_case("unconfined"),
    })
}

/// Whether the pod is scheduled on Windows nodes, where Linux profiles do not apply.
fn windows_pod(spec: &Node) -> bool {
    spec.path("os.name")
        .and_then(Node::as_str)
        .is_some_and(|o| o.eq_ignore_ascii_case("windows"))
}

/// The effective seccomp setting of each container: container field, container
/// annotation, pod field, pod annotation (fields win over annotations).
fn seccomp_profiles<'a>(obj: &'a Object, spec: &'a Node) -> Vec<(&'a str, Option<Profile<'a>>)> {
    let pod = field_profile(spec, "seccompProfile").or_else(|| {
        pod_annotation(obj, "seccomp.security.alpha.kubernetes.io/pod").and_then(annotation_profile)
    });
    obj.containers()
        .into_iter()
        .filter(|c| c.kind != ContainerKind::Ephemeral)
        .map(|c| {
            let own = field_profile(c.node, "seccompProfile").or_else(|| {
                pod_annotation(
                    obj,
                    &format!("container.seccomp.security.alpha.kubernetes.io/{}", c.name),
                )
                .and_then(annotation_profile)
            });
            let eff = own.or_else(|| {
                pod.as_ref().map(|p| Profile {
                    node: p.node,
                    unconfined: p.unconfined,
                })
            });
            (c.name, eff)
        })
        .collect()
}

/// BH0315 (`report: unset`) and BH0316 (`report: unconfined`): containers
/// without a seccomp profile, or with the profile `Unconfined`.
pub fn seccomp(target: &Target<'_>, params: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Target::K8sPod(obj, spec) = target else {
        return vec![];
    };
    if windows_pod(spec) {
        return vec![];
    }
    let file = obj.root.file;
    let profiles = seccomp_profiles(obj, spec);
    if params.get("report").and_then(Json::as_str) == Some("unconfined") {
        let mut hits: Vec<Hit> = Vec::new();
        for (name, p) in &profiles {
            let Some(p) = p else { continue };
            if !p.unconfined {
                continue;
            }
            if let Some(h) = hits.iter_mut().find(|h| h.span == p.node.span) {
                h.message = Some(format!(
                    "{}, `{name}`",
                    h.message.as_deref().unwrap_or_default()
                ));
                continue;
            }
            hits.push(Hit::at(
                file,
                p.node.span,
                format!(
                    "{} runs without seccomp filtering (`Unconfined`): container `{name}`",
                    obj.address()
                ),
            ));
        }
        return hits;
    }
    let unset: Vec<&str> = profiles
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(n, _)| *n)
        .collect();
    if unset.is_empty() {
        return vec![];
    }
    let names = unset
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![Hit::at(
        file,
        obj.header_span(),
        format!(
            "{} sets no seccomp profile for {} {names}: set securityContext.seccompProfile.type to RuntimeDefault",
            obj.address(),
            if unset.len() == 1 {
                "container"
            } else {
                "containers"
            }
        ),
    )]
}

/// BH0317: a container runs without AppArmor confinement (`Unconfined`), set by
/// the field (container or pod) or the beta annotation.
pub fn apparmor_unconfined(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::K8sPod(obj, spec) = target else {
        return vec![];
    };
    if windows_pod(spec) {
        return vec![];
    }
    let pod = field_profile(spec, "appArmorProfile");
    let mut hits: Vec<Hit> = Vec::new();
    for c in obj.containers() {
        let eff = field_profile(c.node, "appArmorProfile")
            .or_else(|| {
                pod_annotation(
                    obj,
                    &format!("container.apparmor.security.beta.kubernetes.io/{}", c.name),
                )
                .and_then(annotation_profile)
            })
            .or_else(|| {
                pod.as_ref().map(|p| Profile {
                    node: p.node,
                    unconfined: p.unconfined,
                })
            });
        let Some(p) = eff.filter(|p| p.unconfined) else {
            continue;
        };
        if let Some(h) = hits.iter_mut().find(|h| h.span == p.node.span) {
            h.message = Some(format!(
                "{}, `{}`",
                h.message.as_deref().unwrap_or_default(),
                c.name
            ));
            continue;
        }
        hits.push(Hit::at(
            obj.root.file,
            p.node.span,
            format!(
                "{} runs without AppArmor confinement (`unconfined`): container `{}`",
                obj.address(),
                c.name
            ),
        ));
    }
    hits
}

/// A parameter that is a list of groups of alternatives: `["a", ["b", "c"]]`
/// means `a`, and one of `b` or `c`.
pub(super) fn label_groups(params: &BTreeMap<String, Json>, key: &str) -> Vec<Vec<String>> {
    let Some(Json::Array(items)) = params.get(key) else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|v| match v {
            Json::String(s) => Some(vec![s.clone()]),
            Json::Array(a) => {
                let g: Vec<String> = a
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect();
                (!g.is_empty()).then_some(g)
            }
            _ => None,
        })
        .collect()
}

/// `a`, or `a` or `b`, in back-quotes for messages.
pub(super) fn alternatives(group: &[String]) -> String {
    let quoted: Vec<String> = group.iter().map(|g| format!("`{g}`")).collect();
    match quoted.len() {
        0 | 1 => quoted.concat(),
        _ => format!(
            "{} or {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

/// BH0322: a workload has no label naming its application or its responsible
/// team, on the object or on its pod template.
pub fn workload_labels(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::K8sPod(obj, _) = target else {
        return vec![];
    };
    let own = obj.root.path("metadata.labels");
    let template = obj.pod_metadata().and_then(|m| m.get("labels"));
    let has = |key: &str| {
        [own, template]
            .into_iter()
            .flatten()
            .any(|labels| labels.get(key).is_some())
    };
    let span = obj
        .root
        .get("metadata")
        .and_then(|m| m.entry("labels"))
        .map_or_else(|| obj.header_span(), |e| e.key_span);
    label_groups(params, "labels")
        .into_iter()
        .filter(|group| !group.iter().any(|k| has(k)))
        .map(|group| Hit {
            file: obj.root.file,
            span,
            message: Some(format!(
                "{} has no label {} on the workload or its pod template",
                obj.address(),
                alternatives(&group)
            )),
            evidence: Some(group.join("|")),
            ..Hit::default()
        })
        .collect()
}
