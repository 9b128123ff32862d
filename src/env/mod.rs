//! Environments: which code is production and which is not.
//!
//! Every unit (a Terraform root module with one variable-file variant, a
//! Terragrunt unit, a Kubernetes object, a Dockerfile, a Helm values file)
//! gets an [`Environment`]: a class and the evidence for it. Evidence is
//! weighed in this order, the first that applies wins:
//!
//! 1. explicit configuration (`[environments.NAME] paths = [...]` in `bulkhead.toml`);
//! 2. in-file declarations (`environment = "prod"` in a variable file or
//!    Terragrunt inputs, an `Environment`/`env` tag or label, a Kustomize
//!    overlay's namespace, a Kubernetes namespace);
//! 3. account, project or subscription ids configured per environment;
//! 4. path tokens (`envs/prod`, `overlays/production`, `prod.tfvars`,
//!    `values-prod.yaml`), whole tokens only, the deepest one winning.
//!
//! Staging counts as non-production unless configuration says otherwise.

pub mod config;
pub mod facts;
pub mod infer;
pub mod kustomize;
pub mod rules;
pub mod tokens;

use serde::Serialize;

/// The classes of environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EnvClass {
    /// Production.
    Production,
    /// Staging, pre-production, acceptance.
    Staging,
    /// Test, QA, integration.
    Test,
    /// Development, sandboxes.
    Development,
    /// Deliberately shared by every environment (a central registry, state, DNS).
    Shared,
    /// Not known.
    Unknown,
}

impl EnvClass {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EnvClass::Production => "production",
            EnvClass::Staging => "staging",
            EnvClass::Test => "test",
            EnvClass::Development => "development",
            EnvClass::Shared => "shared",
            EnvClass::Unknown => "unknown",
        }
    }

    /// Parse a class name (also the usual spellings: `prod`, `dev`, `qa`, ...).
    #[must_use]
    pub fn parse(s: &str) -> Option<EnvClass> {
        match s.to_ascii_lowercase().as_str() {
            "production" => Some(EnvClass::Production),
            "staging" => Some(EnvClass::Staging),
            "test" => Some(EnvClass::Test),
            "development" => Some(EnvClass::Development),
            "shared" => Some(EnvClass::Shared),
            "unknown" => Some(EnvClass::Unknown),
            other => tokens::class_of_token(other),
        }
    }

    /// Whether this is a non-production class (staging, test, development).
    #[must_use]
    pub fn is_non_production(self) -> bool {
        matches!(
            self,
            EnvClass::Staging | EnvClass::Test | EnvClass::Development
        )
    }
}

/// Where an environment assignment comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// `config`, `declaration`, `namespace`, `overlay`, `account`, `path`.
    pub kind: &'static str,
    /// What was seen (`environment = "prod"`, `path segment overlays/production`).
    pub detail: String,
    /// File where it was seen.
    pub path: String,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// The environment of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Environment {
    /// The class.
    pub class: EnvClass,
    /// The environment's own name when known (`qa`, `prod-eu`, a configured name).
    pub name: Option<String>,
    /// Every piece of evidence considered, strongest first; the first decided.
    pub evidence: Vec<Evidence>,
}

impl Environment {
    /// An environment with no evidence.
    #[must_use]
    pub fn unknown() -> Self {
        Environment {
            class: EnvClass::Unknown,
            name: None,
            evidence: Vec::new(),
        }
    }

    /// A short label: the name if known, else the class.
    #[must_use]
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) if !n.eq_ignore_ascii_case(self.class.as_str()) => {
                format!("{} ({n})", self.class.as_str())
            }
            _ => self.class.as_str().to_string(),
        }
    }
}

/// A candidate piece of evidence with its strength (lower is stronger).
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Rank in the evidence order: 0 config, 1 declaration, 2 account, 3 path.
    pub rank: u8,
    /// The class it names.
    pub class: EnvClass,
    /// The environment name it names, if any.
    pub name: Option<String>,
    /// The evidence.
    pub evidence: Evidence,
}

/// Decide an environment from candidates: the strongest rank wins; within a
/// rank, the first candidate.
#[must_use]
pub fn decide(mut candidates: Vec<Candidate>) -> Environment {
    candidates.sort_by_key(|c| c.rank);
    let Some(first) = candidates.first() else {
        return Environment::unknown();
    };
    Environment {
        class: first.class,
        name: first.name.clone(),
        evidence: candidates.iter().map(|c| c.evidence.clone()).collect(),
    }
}

/// Evidence from a repository-relative path (rank 3).
#[must_use]
pub fn path_candidate(path: &str) -> Option<Candidate> {
    let (class, segment) = tokens::class_of_path(path)?;
    Some(Candidate {
        rank: 3,
        class,
        name: Some(segment.clone()),
        evidence: Evidence {
            kind: "path",
            detail: format!("path segment `{segment}`"),
            path: path.to_string(),
            line: None,
        },
    })
}

/// Evidence from a declared value such as `environment = "prod"` (rank 1).
#[must_use]
pub fn declaration_candidate(
    key: &str,
    value: &str,
    path: &str,
    line: Option<u32>,
) -> Option<Candidate> {
    let class = EnvClass::parse(value).or_else(|| tokens::class_of_name(value).map(|x| x.0))?;
    Some(Candidate {
        rank: 1,
        class,
        name: Some(value.to_string()),
        evidence: Evidence {
            kind: "declaration",
            detail: format!("{key} = \"{value}\""),
            path: path.to_string(),
            line,
        },
    })
}

/// Keys whose value names an environment.
pub const ENV_KEYS: &[&str] = &[
    "environment",
    "env",
    "stage",
    "environment_name",
    "env_name",
    "Environment",
    "Env",
    "ENV",
    "ENVIRONMENT",
];
