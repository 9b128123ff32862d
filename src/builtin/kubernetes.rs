//! Kubernetes builtins: effective user of a container, secrets in env.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::{Hit, secrets};
use crate::engine::run::{Target, UnitCtx};
use crate::model::{Lookup, Node};

/// A security-context field, container first, then the pod.
fn inherited<'a>(container: &'a Node, pod: Option<&'a Node>, key: &str) -> Lookup<'a> {
    let from = |n: &'a Node| -> Lookup<'a> {
        match n.lookup("securityContext") {
            Lookup::Found(sc) => sc.lookup(key),
            other => other,
        }
    };
    match from(container) {
        Lookup::Missing => pod.map_or(Lookup::Missing, from),
        found => found,
    }
}

/// BH0302: a container runs as UID 0, or nothing prevents it from doing so.
pub fn runs_as_root(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Target::K8sContainer(obj, c) = target else {
        return vec![];
    };
    let pod = obj.pod_spec();
    let user = inherited(c.node, pod, "runAsUser");
    let non_root = inherited(c.node, pod, "runAsNonRoot");
    let file = obj.root.file;
    match user {
        Lookup::Found(u) if u.as_f64() == Some(0.0) => {
            return vec![Hit::at(
                file,
                u.span,
                format!("container `{}` runs as UID 0 (root)", c.name),
            )];
        }
        Lookup::Found(u) if u.as_f64().is_some_and(|n| n > 0.0) => return vec![],
        Lookup::Unknown(_) => return vec![],
        Lookup::Found(u) if u.is_unknown() => return vec![],
        _ => {}
    }
    match non_root {
        Lookup::Found(n) if n.as_bool() == Some(true) || n.is_unknown() => vec![],
        Lookup::Unknown(_) => vec![],
        Lookup::Found(n) => vec![Hit::at(
            file,
            n.span,
            format!(
                "container `{}` sets runAsNonRoot to false and may run as root",
                c.name
            ),
        )],
        Lookup::Missing => vec![Hit::at(
            file,
            c.node.get("name").map_or(c.node.span, |n| n.span),
            format!(
                "container `{}` may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser",
                c.name
            ),
        )],
    }
}

/// BH0404: a literal secret in a container's environment.
pub fn secret_env(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Target::K8sContainer(obj, c) = target else {
        return vec![];
    };
    let Some(env) = c.node.get("env") else {
        return vec![];
    };
    env.items()
        .iter()
        .filter_map(|e| {
            let name = e.get("name")?.as_str()?;
            let value = e.get("value")?;
            let text = value.scalar_text()?;
            let why = secrets::classify(name, &text)?;
            Some(Hit {
                file: obj.root.file,
                span: value.span,
                message: Some(format!(
                    "container `{}` sets environment variable `{name}` to a literal secret: {why}",
                    c.name
                )),
                evidence: Some(format!("{name}={}", secrets::digest(&text))),
                ..Hit::default()
            })
        })
        .collect()
}
