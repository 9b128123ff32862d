//! Checks written in Rust, named by `builtin:` in their catalogue file.
//!
//! Builtins are for logic the declarative matcher cannot express: shell
//! parsing of `RUN`, effective users across stages, secret detection, port
//! ranges across cloud providers, policy documents.

pub mod certificates;
mod dockerfile;
mod dockerfile_build;
mod dockerfile_image;
mod end_of_life;
mod kubernetes;
mod kubernetes_objects;
mod kubernetes_workload;
pub mod secrets;
pub mod shell;
mod terraform;
mod terraform_aws;
mod terraform_azure_gcp;
mod terraform_joins;
mod terraform_refs;

use std::collections::BTreeMap;

use serde_json::Value as Json;

pub use certificates::TargetCertificates;
pub use terraform_joins::JoinCache;

use crate::engine::run::{Target, UnitCtx};
use crate::model::FileIdx;
use crate::source::Span;

/// One place where a builtin check fired.
#[derive(Debug, Clone, Default)]
pub struct Hit {
    /// File of the location within the unit.
    pub file: FileIdx,
    /// The offending key or value.
    pub span: Span,
    /// A specific message (default: the check's message template).
    pub message: Option<String>,
    /// The offending text for fingerprints (default: the source under `span`).
    pub evidence: Option<String>,
    /// Related locations: file, span, message.
    pub related: Vec<(FileIdx, Span, String)>,
    /// A more specific resource name than the target's.
    pub resource: Option<String>,
}

impl Hit {
    /// A hit at a location with a message.
    #[must_use]
    pub fn at(file: FileIdx, span: Span, message: String) -> Self {
        Hit {
            file,
            span,
            message: Some(message),
            ..Hit::default()
        }
    }
}

/// A builtin check's logic.
pub type BuiltinFn = fn(&Target<'_>, &BTreeMap<String, Json>, &UnitCtx<'_>) -> Vec<Hit>;

static BUILTINS: &[(&str, BuiltinFn)] = &[
    ("dockerfile_runs_as_root", dockerfile::runs_as_root),
    ("dockerfile_remote_shell", dockerfile::remote_shell),
    ("dockerfile_secret", dockerfile::secret_in_build),
    ("kubernetes_runs_as_root", kubernetes::runs_as_root),
    ("kubernetes_secret_env", kubernetes::secret_env),
    ("terraform_admin_port_open", terraform::admin_port_open),
    ("terraform_iam_wildcard", terraform::iam_wildcard),
    ("terraform_hardcoded_secret", terraform::hardcoded_secret),
    // Cross-environment checks run once per scan over the facts index
    // (`crate::env::rules`), not per target.
    ("cross_environment", no_hits),
    // Per-namespace checks run once per scan over facts of every Kubernetes
    // object (`crate::project`), not per target.
    ("namespace_default_deny_egress", no_hits),
    ("kubernetes_seccomp", kubernetes_workload::seccomp),
    (
        "kubernetes_apparmor_unconfined",
        kubernetes_workload::apparmor_unconfined,
    ),
    (
        "kubernetes_workload_labels",
        kubernetes_workload::workload_labels,
    ),
    ("kubernetes_map_entry", kubernetes_objects::map_entry),
    ("kubernetes_ingress_cors", kubernetes_objects::ingress_cors),
    ("kubernetes_ingress_tls", kubernetes_objects::ingress_tls),
    (
        "kubernetes_public_load_balancer",
        kubernetes_objects::public_load_balancer,
    ),
    (
        "kubernetes_configmap_secret",
        kubernetes_objects::configmap_secret_hits,
    ),
    (
        "kubernetes_secret_literal",
        kubernetes_objects::secret_literal,
    ),
    (
        "kubernetes_deprecated_api",
        kubernetes_objects::deprecated_api,
    ),
    (
        "dockerfile_apt_recommends",
        dockerfile_build::apt_recommends,
    ),
    (
        "dockerfile_apt_update_missing",
        dockerfile_build::apt_update_missing,
    ),
    ("dockerfile_package_cache", dockerfile_build::package_cache),
    (
        "dockerfile_build_toolchain",
        dockerfile_build::build_toolchain,
    ),
    ("dockerfile_sudo", dockerfile_build::sudo),
    (
        "dockerfile_world_writable",
        dockerfile_build::world_writable_mode,
    ),
    (
        "dockerfile_download_piped_to_shell",
        dockerfile_build::download_piped_to_shell,
    ),
    ("dockerfile_secret_in_run", dockerfile_build::secret_in_run),
    (
        "tls_verification_disabled",
        dockerfile_build::tls_verification_disabled,
    ),
    (
        "dockerfile_package_signature_disabled",
        dockerfile_build::package_signature_disabled,
    ),
    (
        "dockerfile_image_labels",
        dockerfile_image::image_labels_missing,
    ),
    ("dockerfile_image_age", dockerfile_image::image_age),
    (
        "dockerfile_context_artifacts",
        dockerfile_image::context_artifacts,
    ),
    ("dockerfile_add_local", dockerfile_image::add_local),
    ("dockerfile_add_remote", dockerfile_image::add_remote),
    (
        "image_untrusted_registry",
        dockerfile_image::untrusted_registry,
    ),
    (
        "dockerfile_base_image_not_hardened",
        dockerfile_image::base_image_not_hardened,
    ),
    ("image_end_of_life", end_of_life::base_image_end_of_life),
    ("tf_k8s_privileged", terraform_azure_gcp::k8s_privileged),
    (
        "tf_k8s_privilege_escalation",
        terraform_azure_gcp::k8s_privilege_escalation,
    ),
    (
        "tf_k8s_host_namespace",
        terraform_azure_gcp::k8s_host_namespace,
    ),
    ("tf_k8s_host_path", terraform_azure_gcp::k8s_host_path),
    ("tf_k8s_root_user", terraform_azure_gcp::k8s_root_user),
    ("gce_public_ip", terraform_azure_gcp::gce_public_ip),
    ("gcp_kms_rotation", terraform_azure_gcp::gcp_kms_rotation),
    (
        "gcp_default_service_account",
        terraform_azure_gcp::gcp_default_service_account,
    ),
    (
        "gke_workload_identity",
        terraform_azure_gcp::gke_workload_identity,
    ),
    (
        "terraform_aws_public_resource_policy",
        terraform_aws::public_resource_policy,
    ),
    (
        "terraform_aws_trust_any_principal",
        terraform_aws::trust_any_principal,
    ),
    (
        "terraform_aws_github_oidc_trust",
        terraform_aws::github_oidc_trust,
    ),
    ("terraform_aws_passrole_any", terraform_aws::passrole_any),
    (
        "terraform_aws_ssm_plain_secret",
        terraform_aws::ssm_plain_secret,
    ),
    (
        "terraform_aws_password_policy",
        terraform_aws::password_policy,
    ),
    (
        "terraform_aws_nacl_admin_port_open",
        terraform_aws::nacl_admin_port_open,
    ),
    (
        "terraform_aws_end_of_support",
        terraform_aws::end_of_support,
    ),
    (
        "terraform_aws_lambda_deprecated_runtime",
        terraform_aws::lambda_deprecated_runtime,
    ),
    (
        "terraform_aws_iam_user_direct_policy",
        terraform_aws::iam_user_direct_policy,
    ),
    (
        "terraform_aws_data_store_port_open",
        terraform_aws::data_store_port_open,
    ),
    (
        "terraform_vpc_without_flow_log",
        terraform_joins::vpc_without_flow_log,
    ),
    (
        "terraform_public_alb_without_waf",
        terraform_joins::public_alb_without_waf,
    ),
    (
        "terraform_api_stage_without_waf",
        terraform_joins::api_stage_without_waf,
    ),
    (
        "terraform_s3_public_access_not_blocked",
        terraform_joins::s3_public_access_not_blocked,
    ),
    (
        "terraform_log_bucket_without_versioning",
        terraform_joins::log_bucket_without_versioning,
    ),
    (
        "terraform_secret_without_rotation",
        terraform_joins::secret_without_rotation,
    ),
    (
        "terraform_ecr_scan_on_push_disabled",
        terraform_joins::ecr_scan_on_push_disabled,
    ),
    ("certificate_expired", certificates::expired),
    ("certificate_expiring", certificates::expiring),
    ("certificate_weak_key", certificates::weak_key),
    ("certificate_weak_signature", certificates::weak_signature),
];

/// The per-target part of checks that run elsewhere (over the facts index).
fn no_hits(_: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    Vec::new()
}

/// Whether a builtin of this name exists.
#[must_use]
pub fn exists(name: &str) -> bool {
    BUILTINS.iter().any(|(n, _)| *n == name)
}

/// Names of all builtins.
#[must_use]
pub fn names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(n, _)| *n).collect()
}

/// The builtin called `name`.
#[must_use]
pub fn lookup(name: &str) -> Option<BuiltinFn> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Whether `text` matches the glob `pattern` (globset syntax). Patterns come
/// from check parameters and are compiled once per thread, not once per use;
/// an invalid pattern matches nothing.
#[must_use]
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    thread_local! {
        static GLOBS: std::cell::RefCell<std::collections::HashMap<String, Option<globset::GlobMatcher>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    GLOBS.with(|g| {
        let mut g = g.borrow_mut();
        if let Some(m) = g.get(pattern) {
            return m.as_ref().is_some_and(|m| m.is_match(text));
        }
        let m = globset::Glob::new(pattern)
            .ok()
            .map(|g| g.compile_matcher());
        let hit = m.as_ref().is_some_and(|m| m.is_match(text));
        g.insert(pattern.to_string(), m);
        hit
    })
}

/// A whole-number parameter: catalogue defaults arrive as floats (`90.0`),
/// `bulkhead.toml` values as integers or text.
#[must_use]
pub fn param_int(params: &BTreeMap<String, Json>, key: &str) -> Option<i64> {
    params.get(key).and_then(|v| {
        v.as_i64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| f.is_finite() && f.fract() == 0.0)
                    .map(|f| f as i64)
            })
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
    })
}

/// A list-of-strings parameter.
#[must_use]
pub fn param_strings(params: &BTreeMap<String, Json>, key: &str) -> Vec<String> {
    match params.get(key) {
        Some(Json::Array(a)) => a
            .iter()
            .filter_map(|v| match v {
                Json::String(s) => Some(s.clone()),
                Json::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        Some(Json::String(s)) => vec![s.clone()],
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_number_parameters_accept_floats_integers_and_text() {
        let p: BTreeMap<String, Json> = serde_json::from_str(
            r#"{"a": 90.0, "b": 30, "c": " 7 ", "d": 1.5, "e": "x", "f": true}"#,
        )
        .unwrap();
        assert_eq!(param_int(&p, "a"), Some(90));
        assert_eq!(param_int(&p, "b"), Some(30));
        assert_eq!(param_int(&p, "c"), Some(7));
        assert_eq!(param_int(&p, "d"), None);
        assert_eq!(param_int(&p, "e"), None);
        assert_eq!(param_int(&p, "f"), None);
        assert_eq!(param_int(&p, "missing"), None);
    }

    #[test]
    fn globs_are_matched_and_invalid_ones_match_nothing() {
        assert!(glob_matches(
            "cgr.dev/chainguard/*",
            "cgr.dev/chainguard/python"
        ));
        assert!(!glob_matches("cgr.dev/chainguard/*", "docker.io/python"));
        assert!(!glob_matches("a[", "a["));
        // Cached on the second use.
        assert!(glob_matches(
            "cgr.dev/chainguard/*",
            "cgr.dev/chainguard/go"
        ));
    }
}
