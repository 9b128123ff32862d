//! Environment declarations in `bulkhead.toml`: explicit paths, account,
//! project, subscription and cluster ids, CIDRs and namespaces per
//! environment, the `shared` tier, and reasoned exceptions. Explicit
//! configuration always wins over inference.
//!
//! ```toml
//! [environments.production]
//! paths = ["live/prod/**", "k8s/overlays/production/**"]
//! aws_accounts = ["111111111111"]
//! cidrs = ["10.13.0.0/16"]
//!
//! [environments.staging]
//! class = "staging"
//! paths = ["live/stage/**"]
//! aws_accounts = ["222222222222"]
//!
//! [environments.shared]              # deliberately shared by everything
//! class = "shared"
//! aws_accounts = ["999999999999"]
//! state_buckets = ["acme-terraform-state"]
//!
//! [[environment_exceptions]]
//! check = "BH0103"
//! value = "acme-terraform-state"
//! reason = "central state bucket with per-environment prefixes and IAM"
//! ```

use serde::Deserialize;

use super::{Candidate, EnvClass, Evidence};

/// One declared environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvDecl {
    /// The class (`production`, `staging`, `test`, `development`, `shared`);
    /// defaults to the class the environment's name suggests.
    pub class: Option<String>,
    /// Glob patterns of repository-relative paths that belong to it.
    #[serde(default)]
    pub paths: Vec<String>,
    /// AWS account ids.
    #[serde(default)]
    pub aws_accounts: Vec<String>,
    /// Google Cloud project ids (globs allowed).
    #[serde(default)]
    pub gcp_projects: Vec<String>,
    /// Azure subscription ids.
    #[serde(default)]
    pub azure_subscriptions: Vec<String>,
    /// Kubernetes clusters (API server URLs, context or cluster names).
    #[serde(default)]
    pub clusters: Vec<String>,
    /// Address ranges of the environment's networks.
    #[serde(default)]
    pub cidrs: Vec<String>,
    /// Kubernetes namespaces (globs allowed).
    #[serde(default)]
    pub namespaces: Vec<String>,
    /// Terraform state buckets (for the shared tier).
    #[serde(default)]
    pub state_buckets: Vec<String>,
}

/// An accepted cross-environment sharing, with its justification.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvException {
    /// Check id or name.
    pub check: String,
    /// The shared value (account id, bucket, secret name, CIDR); `*` globs allowed.
    pub value: String,
    /// Why the sharing is acceptable. Required.
    pub reason: String,
}

/// The environment part of the configuration.
#[derive(Debug, Clone, Default)]
pub struct EnvConfig {
    /// Declared environments by name.
    pub environments: Vec<(String, EnvDecl)>,
    /// Accepted sharings.
    pub exceptions: Vec<EnvException>,
}

fn glob(p: &str) -> Option<globset::GlobMatcher> {
    globset::Glob::new(p).ok().map(|g| g.compile_matcher())
}

impl EnvDecl {
    /// The class of a declared environment named `name`.
    #[must_use]
    pub fn class_for(&self, name: &str) -> EnvClass {
        self.class
            .as_deref()
            .and_then(EnvClass::parse)
            .or_else(|| EnvClass::parse(name))
            .or_else(|| super::tokens::class_of_name(name).map(|x| x.0))
            .unwrap_or(EnvClass::Unknown)
    }
}

impl EnvConfig {
    /// Evidence from configured path globs (rank 0).
    #[must_use]
    pub fn path_candidate(&self, path: &str) -> Option<Candidate> {
        for (name, decl) in &self.environments {
            for p in &decl.paths {
                if glob(p).is_some_and(|g| g.is_match(path)) {
                    return Some(Candidate {
                        rank: 0,
                        class: decl.class_for(name),
                        name: Some(name.clone()),
                        evidence: Evidence {
                            kind: "config",
                            detail: format!("bulkhead.toml: environments.{name}.paths `{p}`"),
                            path: path.to_string(),
                            line: None,
                        },
                    });
                }
            }
        }
        None
    }

    /// The configured environment owning an id (account, project, subscription,
    /// cluster, namespace), matched by `field`.
    #[must_use]
    pub fn owner_of(&self, field: IdField, value: &str) -> Option<(String, EnvClass)> {
        for (name, decl) in &self.environments {
            let list = match field {
                IdField::AwsAccount => &decl.aws_accounts,
                IdField::GcpProject => &decl.gcp_projects,
                IdField::AzureSubscription => &decl.azure_subscriptions,
                IdField::Cluster => &decl.clusters,
                IdField::Namespace => &decl.namespaces,
                IdField::StateBucket => &decl.state_buckets,
            };
            if list
                .iter()
                .any(|p| p == value || glob(p).is_some_and(|g| g.is_match(value)))
            {
                return Some((name.clone(), decl.class_for(name)));
            }
        }
        None
    }

    /// Configured CIDRs per environment: (name, class, network).
    #[must_use]
    pub fn cidrs(&self) -> Vec<(String, EnvClass, ipnet::IpNet)> {
        let mut out = Vec::new();
        for (name, decl) in &self.environments {
            for c in &decl.cidrs {
                if let Some(n) = crate::engine::matcher::parse_net(c) {
                    out.push((name.clone(), decl.class_for(name), n));
                }
            }
        }
        out
    }

    /// The exception accepting `value` for `check` (id or name), if any.
    #[must_use]
    pub fn exception(
        &self,
        check_id: &str,
        check_name: &str,
        value: &str,
    ) -> Option<&EnvException> {
        self.exceptions.iter().find(|e| {
            (e.check.eq_ignore_ascii_case(check_id) || e.check == check_name)
                && (e.value == value || glob(&e.value).is_some_and(|g| g.is_match(value)))
        })
    }
}

/// Kinds of identifiers configuration can assign to environments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdField {
    /// AWS account id.
    AwsAccount,
    /// GCP project id.
    GcpProject,
    /// Azure subscription id.
    AzureSubscription,
    /// Kubernetes cluster.
    Cluster,
    /// Kubernetes namespace.
    Namespace,
    /// Terraform state bucket.
    StateBucket,
}

/// The environment part of a configuration.
#[must_use]
pub fn from(config: &crate::config::Config) -> EnvConfig {
    config.env_config()
}
