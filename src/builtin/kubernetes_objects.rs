//! Kubernetes object builtins: annotations and configuration keys, Ingress
//! TLS and CORS, public load balancers, secrets in ConfigMaps and Secrets, and
//! removed API versions.

use std::collections::BTreeMap;

use regex::Regex;
use serde_json::Value as Json;

use super::{Hit, param_strings, secrets};
use crate::engine::run::{Target, UnitCtx};
use crate::model::Node;
use crate::model::kubernetes::Object;

fn object<'a>(target: &'a Target<'_>) -> Option<&'a Object> {
    match target {
        Target::K8sObject(o) => Some(o),
        _ => None,
    }
}

fn annotations(obj: &Object) -> Option<&Node> {
    obj.root.path("metadata.annotations")
}

fn param_regex(params: &BTreeMap<String, Json>, key: &str) -> Option<Regex> {
    // Compiled once per thread and pattern, not once per object.
    thread_local! {
        static REGEXES: std::cell::RefCell<std::collections::HashMap<String, Option<Regex>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let s = params.get(key).and_then(Json::as_str)?;
    REGEXES.with(|r| {
        r.borrow_mut()
            .entry(s.to_string())
            .or_insert_with(|| Regex::new(s).ok())
            .clone()
    })
}

/// Generic: entries of the map at `map` (default `metadata.annotations`) whose key
/// is one of `keys` and whose scalar value matches `value` (any value when unset).
/// The message template `message` may use `{resource}`, `{key}` and `{value}`.
pub fn map_entry(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let path = params
        .get("map")
        .and_then(Json::as_str)
        .unwrap_or("metadata.annotations");
    let Some(map) = obj.root.path(path) else {
        return vec![];
    };
    let keys = param_strings(params, "keys");
    let value_re = param_regex(params, "value");
    let template = params
        .get("message")
        .and_then(Json::as_str)
        .unwrap_or("{resource} sets `{key}: {value}`");
    map.entries()
        .iter()
        .filter(|e| keys.iter().any(|k| k == &e.key))
        .filter_map(|e| {
            let text = e.value.scalar_text()?;
            if value_re
                .as_ref()
                .is_some_and(|re| !re.is_match(text.trim()))
            {
                return None;
            }
            let shown: String = text.lines().next().unwrap_or("").chars().take(60).collect();
            // Block scalars start on the next line: point at the key then.
            let span = if text.contains('\n') {
                e.key_span
            } else {
                e.key_span.cover(e.value.span)
            };
            Some(Hit {
                file: obj.root.file,
                span,
                message: Some(
                    template
                        .replace("{resource}", &obj.address())
                        .replace("{key}", &e.key)
                        .replace("{value}", &shown),
                ),
                evidence: Some(format!("{}={}", e.key, shown)),
                ..Hit::default()
            })
        })
        .collect()
}

/// BH0203: ingress-nginx CORS enabled for every origin (`cors-allow-origin`
/// defaults to `*`).
pub fn ingress_cors(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let Some(ann) = annotations(obj) else {
        return vec![];
    };
    let Some(enabled) = ann
        .get("nginx.ingress.kubernetes.io/enable-cors")
        .filter(|v| v.as_bool() == Some(true))
    else {
        return vec![];
    };
    let origin = ann.get("nginx.ingress.kubernetes.io/cors-allow-origin");
    let (node, why) = match origin {
        None => (
            enabled,
            "enables CORS without `cors-allow-origin`, which defaults to `*`",
        ),
        Some(o) => {
            let text = o.scalar_text().unwrap_or_default();
            if !text.split([',', ' ']).any(|x| x.trim() == "*") {
                return vec![];
            }
            (o, "allows cross-origin requests from any origin (`*`)")
        }
    };
    vec![Hit::at(
        obj.root.file,
        node.span,
        format!("{} {why}", obj.address()),
    )]
}

/// BH0508: an Ingress without `spec.tls`, unless an annotation shows that TLS
/// is terminated by the cloud load balancer in front of it.
pub fn ingress_tls(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    if let Some(tls) = obj.root.path("spec.tls") {
        if !tls.items().is_empty() || !matches!(tls.value, crate::model::Value::List(_)) {
            return vec![];
        }
    }
    if let (Some(ann), Some(Json::Object(tls_ann))) =
        (annotations(obj), params.get("tls_annotations"))
    {
        for (key, pattern) in tls_ann {
            let Some(v) = ann.get(key) else { continue };
            let re = pattern.as_str().and_then(|p| Regex::new(p).ok());
            let text = v.scalar_text().unwrap_or_default();
            if re.is_none_or(|re| re.is_match(&text)) {
                return vec![];
            }
        }
    }
    let span = obj
        .root
        .get("spec")
        .and_then(|s| s.entry("rules").map(|e| e.key_span))
        .unwrap_or_else(|| obj.header_span());
    vec![Hit::at(
        obj.root.file,
        span,
        format!(
            "{} has no `spec.tls`: it serves its hosts over plain HTTP",
            obj.address()
        ),
    )]
}

/// BH0507: a Service of type LoadBalancer that accepts any source address and
/// is neither internal nor the ingress gateway itself.
pub fn public_load_balancer(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let Some(t) = obj
        .root
        .path("spec.type")
        .filter(|t| t.as_str() == Some("LoadBalancer"))
    else {
        return vec![];
    };
    let ann = annotations(obj);
    // Internal load balancers get no public address.
    if let (Some(ann), Some(Json::Object(internal))) = (ann, params.get("internal_annotations")) {
        for (key, pattern) in internal {
            let Some(v) = ann.get(key) else { continue };
            let re = pattern.as_str().and_then(|p| Regex::new(p).ok());
            if re.is_none_or(|re| re.is_match(&v.scalar_text().unwrap_or_default())) {
                return vec![];
            }
        }
    }
    // The gateway (ingress controller, API gateway) is where public traffic belongs.
    if let Some(re) = param_regex(params, "gateway_pattern") {
        let mut names = vec![obj.name.as_str()];
        for key in [
            "app",
            "app.kubernetes.io/name",
            "app.kubernetes.io/component",
        ] {
            if let Some(v) = obj.label(key).and_then(Node::as_str) {
                names.push(v);
            }
        }
        if names.iter().any(|n| re.is_match(n)) {
            return vec![];
        }
    }
    let ranges: Vec<String> = obj
        .root
        .path("spec.loadBalancerSourceRanges")
        .map(|r| r.items().iter().filter_map(Node::scalar_text).collect())
        .or_else(|| {
            ann.and_then(|a| a.get("service.beta.kubernetes.io/load-balancer-source-ranges"))
                .and_then(Node::scalar_text)
                .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
        })
        .unwrap_or_default();
    let open = |r: &str| matches!(r.trim(), "0.0.0.0/0" | "::/0");
    if !ranges.is_empty() && !ranges.iter().any(|r| open(r)) {
        return vec![];
    }
    vec![Hit::at(
        obj.root.file,
        t.span,
        if ranges.is_empty() {
            format!(
                "{} is a public load balancer without loadBalancerSourceRanges: it accepts traffic from any address, bypassing the ingress gateway",
                obj.address()
            )
        } else {
            format!(
                "{} is a public load balancer open to the whole internet in loadBalancerSourceRanges",
                obj.address()
            )
        },
    )]
}

/// Names are compared with `-` and `.` read as `_`, so `api-key` and
/// `spring.datasource.password` are classified like `api_key`.
fn normal_name(name: &str) -> String {
    name.replace(['-', '.'], "_")
}

/// Values that are secret-looking only by their key: numbers, booleans, units.
fn trivial_value(v: &str) -> bool {
    let v = v.trim();
    v.parse::<f64>().is_ok()
        || matches!(
            v.to_ascii_lowercase().as_str(),
            "yes" | "no" | "on" | "off" | "enabled" | "disabled" | "required" | "optional"
        )
}

static EMBEDDED_ASSIGNMENT: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r#"^\s*(?:export\s+)?["']?([A-Za-z][A-Za-z0-9_.\-]*)["']?\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^\s"'#,]+))\s*,?\s*(?:#.*)?$"#)
        .expect("static regex")
});

/// Why the ConfigMap entry `key: text` holds a secret, and where in `text`.
fn configmap_secret(key: &str, text: &str) -> Option<(String, usize, usize)> {
    if let Some(kind) = secrets::known_format(text) {
        return Some((format!("the value matches the {kind} format"), 0, 0));
    }
    if !text.contains('\n') {
        let v = text.trim();
        if secrets::is_secret_name(&normal_name(key))
            && !secrets::is_placeholder(v)
            && !trivial_value(v)
        {
            return Some((format!("`{key}` is set to a literal value"), 0, 0));
        }
        return None;
    }
    // An embedded configuration file: `name: value` and `name=value` lines.
    // Only lines with a word that every secret name holds can qualify: they
    // are found in one scan (embedded files run to thousands of lines).
    let mut next_line = 0;
    for word in secrets::SECRET_NAME_WORD.find_iter(text) {
        if word.start() < next_line {
            continue;
        }
        let here = memchr::memrchr(b'\n', &text.as_bytes()[..word.start()]).map_or(0, |i| i + 1);
        next_line = memchr::memchr(b'\n', &text.as_bytes()[word.start()..])
            .map_or(text.len(), |i| word.start() + i + 1);
        let line = &text[here..next_line];
        if !line.contains([':', '=']) {
            continue;
        }
        let Some(c) = EMBEDDED_ASSIGNMENT.captures(line.trim_end_matches(['\n', '\r'])) else {
            continue;
        };
        let name = &c[1];
        let value = c
            .get(2)
            .or_else(|| c.get(3))
            .or_else(|| c.get(4))
            .map_or("", |m| m.as_str());
        if secrets::is_secret_name(&normal_name(name))
            && !secrets::is_placeholder(value)
            && !trivial_value(value)
            && !value.contains('$')
            && !value.contains('%')
        {
            let start = c.get(1).map_or(0, |m| m.start());
            return Some((
                format!("`{name}` in `{key}` is set to a literal value"),
                here + start,
                here + line.trim_end().len(),
            ));
        }
    }
    None
}

/// BH0408: a ConfigMap entry holds a password, token or key.
pub fn configmap_secret_hits(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let Some(data) = obj.root.get("data") else {
        return vec![];
    };
    let source = unit.files.get(obj.root.file as usize);
    data.entries()
        .iter()
        .filter_map(|e| {
            let text = e.value.as_str()?;
            let (why, from, to) = configmap_secret(&e.key, text)?;
            // Point at the line inside a block scalar when the text is verbatim in the file.
            let mut span = e.value.span;
            if to > from {
                if let Some(src) = source {
                    let raw = src.slice(e.value.span);
                    let needle = &text[from..to];
                    if let Some(i) = raw.find(needle) {
                        let start = e.value.span.start as usize + i;
                        span = crate::source::Span::new(start, start + needle.len());
                    }
                }
            }
            Some(Hit {
                file: obj.root.file,
                span,
                message: Some(format!(
                    "ConfigMap {} holds a secret in clear text: {why}",
                    obj.address()
                )),
                evidence: Some(format!("{}={}", e.key, secrets::digest(text))),
                ..Hit::default()
            })
        })
        .collect()
}

/// A value that is a public certificate (or chain), not a key.
fn public_certificate(v: &str) -> bool {
    let t = v.trim();
    t.starts_with("-----BEGIN CERTIFICATE-----") && !t.contains("PRIVATE KEY")
}

/// Secret `data` values: base64 in either alphabet, whitespace ignored.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    crate::encoding::base64_decode_any_alphabet(s)
}

/// BH0409: a Secret object with literal data committed to the repository.
pub fn secret_literal(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let kind_type = obj
        .root
        .get("type")
        .and_then(Node::as_str)
        .unwrap_or("Opaque");
    if param_strings(params, "ignore_types")
        .iter()
        .any(|t| t == kind_type)
    {
        return vec![];
    }
    let mut keys: Vec<&str> = Vec::new();
    let mut first: Option<crate::source::Span> = None;
    for (field, encoded) in [("data", true), ("stringData", false)] {
        let Some(map) = obj.root.get(field) else {
            continue;
        };
        for e in map.entries() {
            let Some(raw) = e.value.scalar_text() else {
                continue;
            };
            if raw.contains("{{") || raw.contains("${") || raw.contains("$(") {
                continue;
            }
            let text = if encoded {
                match decode_base64(raw.trim()) {
                    Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    None => raw.clone(),
                }
            } else {
                raw.clone()
            };
            if text.trim().is_empty()
                || public_certificate(&text)
                || (secrets::is_placeholder(&text) && secrets::known_format(&text).is_none())
            {
                continue;
            }
            // An embedded configuration file is only a secret if it holds one.
            if text.trim().contains('\n') && configmap_secret(&e.key, &text).is_none() {
                continue;
            }
            keys.push(&e.key);
            first.get_or_insert(e.key_span);
        }
    }
    let Some(span) = first else {
        return vec![];
    };
    let list = keys
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![Hit {
        file: obj.root.file,
        span,
        message: Some(format!(
            "{} stores literal secret data in the repository ({} {list})",
            obj.address(),
            if keys.len() == 1 { "key" } else { "keys" }
        )),
        evidence: Some(format!("{}:{}", obj.address(), keys.join(","))),
        ..Hit::default()
    }]
}

/// Removed API versions: (apiVersion, kind or `*`, removed in, replacement).
const REMOVED_APIS: &[(&str, &str, &str, &str)] = &[
    (
        "extensions/v1beta1",
        "Ingress",
        "1.22",
        "networking.k8s.io/v1",
    ),
    (
        "extensions/v1beta1",
        "NetworkPolicy",
        "1.16",
        "networking.k8s.io/v1",
    ),
    (
        "extensions/v1beta1",
        "PodSecurityPolicy",
        "1.16",
        "Pod Security Admission (PodSecurityPolicy was removed in 1.25)",
    ),
    ("extensions/v1beta1", "*", "1.16", "apps/v1"),
    ("apps/v1beta1", "*", "1.16", "apps/v1"),
    ("apps/v1beta2", "*", "1.16", "apps/v1"),
    (
        "policy/v1beta1",
        "PodSecurityPolicy",
        "1.25",
        "Pod Security Admission",
    ),
    ("policy/v1beta1", "*", "1.25", "policy/v1"),
    ("batch/v1beta1", "CronJob", "1.25", "batch/v1"),
    ("batch/v2alpha1", "CronJob", "1.21", "batch/v1"),
    (
        "networking.k8s.io/v1beta1",
        "*",
        "1.22",
        "networking.k8s.io/v1",
    ),
    (
        "rbac.authorization.k8s.io/v1beta1",
        "*",
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    (
        "rbac.authorization.k8s.io/v1alpha1",
        "*",
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    ("autoscaling/v2beta1", "*", "1.25", "autoscaling/v2"),
    ("autoscaling/v2beta2", "*", "1.26", "autoscaling/v2"),
    (
        "storage.k8s.io/v1beta1",
        "CSIStorageCapacity",
        "1.27",
        "storage.k8s.io/v1",
    ),
    ("storage.k8s.io/v1beta1", "*", "1.22", "storage.k8s.io/v1"),
    (
        "admissionregistration.k8s.io/v1beta1",
        "*",
        "1.22",
        "admissionregistration.k8s.io/v1",
    ),
    (
        "apiextensions.k8s.io/v1beta1",
        "*",
        "1.22",
        "apiextensions.k8s.io/v1",
    ),
    (
        "apiregistration.k8s.io/v1beta1",
        "*",
        "1.22",
        "apiregistration.k8s.io/v1",
    ),
    (
        "authentication.k8s.io/v1beta1",
        "*",
        "1.22",
        "authentication.k8s.io/v1",
    ),
    (
        "authorization.k8s.io/v1beta1",
        "*",
        "1.22",
        "authorization.k8s.io/v1",
    ),
    (
        "certificates.k8s.io/v1beta1",
        "*",
        "1.22",
        "certificates.k8s.io/v1",
    ),
    (
        "coordination.k8s.io/v1beta1",
        "*",
        "1.22",
        "coordination.k8s.io/v1",
    ),
    (
        "scheduling.k8s.io/v1beta1",
        "*",
        "1.22",
        "scheduling.k8s.io/v1",
    ),
    (
        "scheduling.k8s.io/v1alpha1",
        "*",
        "1.22",
        "scheduling.k8s.io/v1",
    ),
    (
        "discovery.k8s.io/v1beta1",
        "*",
        "1.25",
        "discovery.k8s.io/v1",
    ),
    ("events.k8s.io/v1beta1", "*", "1.25", "events.k8s.io/v1"),
    ("node.k8s.io/v1beta1", "*", "1.25", "node.k8s.io/v1"),
    (
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "*",
        "1.26",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1beta2",
        "*",
        "1.29",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1beta3",
        "*",
        "1.32",
        "flowcontrol.apiserver.k8s.io/v1",
    ),
];

/// The removal version and replacement of a removed built-in API.
#[must_use]
pub fn removed_api(api_version: &str, kind: &str) -> Option<(&'static str, &'static str)> {
    REMOVED_APIS
        .iter()
        .find(|(v, k, _, _)| *v == api_version && (*k == "*" || *k == kind))
        .map(|(_, _, removed, replacement)| (*removed, *replacement))
}

/// BH0901: an object written against an API version that Kubernetes removed.
pub fn deprecated_api(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some(obj) = object(target) else {
        return vec![];
    };
    let Some((removed, replacement)) = removed_api(&obj.api_version, &obj.kind) else {
        return vec![];
    };
    let span = obj
        .root
        .get("apiVersion")
        .map_or_else(|| obj.header_span(), |n| n.span);
    vec![Hit {
        file: obj.root.file,
        span,
        message: Some(format!(
            "{} uses `{}`, which Kubernetes {removed} removed: use {replacement}",
            obj.address(),
            obj.api_version
        )),
        evidence: Some(format!("{} {}", obj.api_version, obj.kind)),
        ..Hit::default()
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_apis_by_kind() {
        assert_eq!(
            removed_api("extensions/v1beta1", "Ingress").map(|r| r.0),
            Some("1.22")
        );
        assert_eq!(
            removed_api("extensions/v1beta1", "Deployment").map(|r| r.0),
            Some("1.16")
        );
        assert!(removed_api("apps/v1", "Deployment").is_none());
        assert!(removed_api("policy/v1", "PodDisruptionBudget").is_none());
    }

    #[test]
    fn base64_and_embedded_files() {
        assert_eq!(decode_base64("cGFzc3dvcmQ=").unwrap(), b"password");
        assert!(configmap_secret("db_password", "hunter2-prod").is_some());
        assert!(configmap_secret("max_tokens", "4000").is_none());
        assert!(configmap_secret("api-key-header", "X-Api-Key").is_none());
        let file = "server:\n  port: 8080\n  password: \"S3cr3t-value\"\n";
        let (_, from, to) = configmap_secret("app.yaml", file).unwrap();
        assert_eq!(&file[from..to], "password: \"S3cr3t-value\"");
        assert!(configmap_secret("app.yaml", "password: ${DB_PASSWORD}\n").is_none());
    }
}
