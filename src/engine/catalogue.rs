//! The check catalogue: check definitions (`checks/**/*.yaml`) loaded into
//! [`Check`]s, embedded at build time, plus user checks from folders.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::matcher::Pred;
use crate::parse::yaml::{self, YamlLimits};
use crate::source::{FileKind, SourceFile};

include!(concat!(env!("OUT_DIR"), "/embedded_checks.rs"));

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Info,
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Severity {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// GitHub `security-severity` score.
    #[must_use]
    pub fn score(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "3.0",
            Severity::Info => "1.0",
        }
    }

    /// SARIF level.
    #[must_use]
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Critical | Severity::High => "error",
            Severity::Medium | Severity::Low => "warning",
            Severity::Info => "note",
        }
    }
}

/// What a check looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// `terraform.resource[:TYPE]`
    TfResource(Option<String>),
    /// `terraform.data[:TYPE]`
    TfData(Option<String>),
    /// `terraform.provider[:NAME]`
    TfProvider(Option<String>),
    /// `terraform.module`
    TfModule,
    /// `terraform.block:KIND` (any top-level block type, e.g. `terraform`, `locals`)
    TfBlock(String),
    /// `kubernetes.object[:KIND]`
    K8sObject(Option<String>),
    /// `kubernetes.pod`: the pod spec of every workload kind
    K8sPod,
    /// `kubernetes.container`: every container of every pod spec
    K8sContainer,
    /// `dockerfile.file`
    DockerFile,
    /// `dockerfile.stage`
    DockerStage,
    /// `dockerfile.final-stage`
    DockerFinalStage,
    /// `dockerfile.instruction[:KEYWORD]`
    DockerInstruction(Option<String>),
    /// `project.environments`: runs once per scan over the facts of every
    /// unit (cross-environment checks).
    ProjectEnvironments,
    /// `project.kubernetes`: runs once per scan over facts gathered from the
    /// Kubernetes objects of every unit (per-namespace checks).
    ProjectKubernetes,
}

impl TargetKind {
    /// Parse a target selector such as `terraform.resource:aws_s3_bucket`.
    ///
    /// # Errors
    /// An unknown selector.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (base, arg) = match s.split_once(':') {
            Some((b, a)) => (b, Some(a.to_string())),
            None => (s, None),
        };
        Ok(match (base, arg) {
            ("terraform.resource", a) => TargetKind::TfResource(a),
            ("terraform.data", a) => TargetKind::TfData(a),
            ("terraform.provider", a) => TargetKind::TfProvider(a),
            ("terraform.module", None) => TargetKind::TfModule,
            ("terraform.block", Some(a)) => TargetKind::TfBlock(a),
            ("kubernetes.object", a) => TargetKind::K8sObject(a),
            ("kubernetes.pod", None) => TargetKind::K8sPod,
            ("kubernetes.container", None) => TargetKind::K8sContainer,
            ("dockerfile.file", None) => TargetKind::DockerFile,
            ("dockerfile.stage", None) => TargetKind::DockerStage,
            ("dockerfile.final-stage", None) => TargetKind::DockerFinalStage,
            ("dockerfile.instruction", a) => {
                TargetKind::DockerInstruction(a.map(|k| k.to_ascii_uppercase()))
            }
            ("project.environments", None) => TargetKind::ProjectEnvironments,
            ("project.kubernetes", None) => TargetKind::ProjectKubernetes,
            _ => return Err(format!("unknown target `{s}`")),
        })
    }

    /// The format family (`terraform`, `kubernetes`, `dockerfile`).
    #[must_use]
    pub fn format(&self) -> &'static str {
        match self {
            TargetKind::TfResource(_)
            | TargetKind::TfData(_)
            | TargetKind::TfProvider(_)
            | TargetKind::TfModule
            | TargetKind::TfBlock(_) => "terraform",
            TargetKind::K8sObject(_)
            | TargetKind::K8sPod
            | TargetKind::K8sContainer
            | TargetKind::ProjectKubernetes => "kubernetes",
            TargetKind::ProjectEnvironments => "environments",
            _ => "dockerfile",
        }
    }
}

/// The logic of a check.
#[derive(Debug, Clone)]
pub enum Logic {
    /// A declarative predicate.
    Match(Pred),
    /// A check implemented in Rust (`src/builtin/`).
    Builtin(String),
}

/// Examples that document the check and are run as tests.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// File name the examples are scanned as (default by format: `main.tf`,
    /// `manifest.yaml`, `Dockerfile`).
    #[serde(default)]
    pub file: Option<String>,
    /// Code on which the check must fire.
    #[serde(deserialize_with = "one_or_many")]
    pub fail: Vec<String>,
    /// Code on which the check must stay silent.
    #[serde(deserialize_with = "one_or_many")]
    pub pass: Vec<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    name: String,
    title: String,
    severity: Severity,
    policy: Vec<String>,
    targets: Vec<String>,
    rationale: String,
    remediation: String,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    message: Option<String>,
    examples: Examples,
    #[serde(default, rename = "match")]
    matcher: Option<serde_json::Value>,
    #[serde(default)]
    builtin: Option<String>,
    #[serde(default)]
    params: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    fire_on_unknown: bool,
    #[serde(default)]
    sensitive: bool,
    #[serde(default)]
    location: Option<String>,
}

/// One check of the catalogue.
#[derive(Debug, Clone)]
pub struct Check {
    /// Stable id (`BH0301`).
    pub id: String,
    /// Kebab-case name of the bad pattern.
    pub name: String,
    /// One-line title.
    pub title: String,
    /// Default severity.
    pub severity: Severity,
    /// Policy tags (`A.5-3.3`).
    pub policy: Vec<String>,
    /// What the check looks at.
    pub targets: Vec<TargetKind>,
    /// Why the pattern is a problem.
    pub rationale: String,
    /// How to fix it.
    pub remediation: String,
    /// Further reading.
    pub references: Vec<String>,
    /// Message template: `{resource}`, `{value}`, `{key}` are replaced.
    pub message: Option<String>,
    /// Documented and tested examples.
    pub examples: Examples,
    /// The logic.
    pub logic: Logic,
    /// Parameters (overridable in config).
    pub params: BTreeMap<String, serde_json::Value>,
    /// Fire when the value cannot be proven safe (unknown counts as bad).
    pub fire_on_unknown: bool,
    /// The offending value is a secret: never print it.
    pub sensitive: bool,
    /// For declarative checks: report at this path instead of the matched node.
    pub location: Option<String>,
    /// Where the definition was loaded from.
    pub source: String,
}

impl Check {
    /// The format family of the check's first target.
    #[must_use]
    pub fn format(&self) -> &'static str {
        self.targets.first().map_or("terraform", TargetKind::format)
    }

    /// The default file name the examples are scanned as.
    #[must_use]
    pub fn example_file(&self) -> String {
        if let Some(f) = &self.examples.file {
            return f.clone();
        }
        match self.format() {
            "kubernetes" => "manifest.yaml".into(),
            "dockerfile" => "Dockerfile".into(),
            _ => "main.tf".into(),
        }
    }

    /// The files an example consists of. An example may hold several files,
    /// each introduced by a `### file: PATH` line (cross-file and
    /// cross-environment checks); otherwise it is one file named by
    /// [`Check::example_file`].
    #[must_use]
    pub fn example_files(&self, example: &str) -> Vec<(String, String)> {
        if !example.lines().any(|l| l.starts_with("### file: ")) {
            return vec![(self.example_file(), example.to_string())];
        }
        let mut out: Vec<(String, String)> = Vec::new();
        for line in example.lines() {
            if let Some(path) = line.strip_prefix("### file: ") {
                out.push((path.trim().to_string(), String::new()));
            } else if let Some((_, text)) = out.last_mut() {
                text.push_str(line);
                text.push('\n');
            }
        }
        out
    }

    /// Anchor of the check's section in `docs/checks.md`.
    #[must_use]
    pub fn doc_anchor(&self) -> String {
        format!("{}-{}", self.id.to_ascii_lowercase(), self.name)
    }
}

/// An error in a check definition.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct CheckError {
    /// The file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Parse one check definition.
///
/// # Errors
/// Invalid YAML, unknown or missing fields, bad targets or predicates.
pub fn parse_check(path: &str, text: &str) -> Result<Check, CheckError> {
    let err = |message: String| CheckError {
        path: path.to_string(),
        message,
    };
    let src = SourceFile::new(path.into(), path.into(), FileKind::Yaml, text);
    let loaded = yaml::load(&src, 0, YamlLimits::default()).map_err(|e| {
        let lc = src.line_col(u32::try_from(e.offset).unwrap_or(u32::MAX));
        err(format!("{}:{}: {}", lc.line, lc.column, e.message))
    })?;
    let doc = loaded
        .documents
        .into_iter()
        .next()
        .ok_or_else(|| err("empty check file".into()))?;
    let raw: RawCheck =
        serde_json::from_value(doc.root.to_json()).map_err(|e| err(e.to_string()))?;
    check_from_raw(path, raw)
}

/// A built-in check from its definition as prepared at build time (JSON:
/// see `build.rs`).
fn prepared_check(path: &str, json: &str) -> Result<Check, CheckError> {
    let raw: RawCheck = serde_json::from_str(json).map_err(|e| CheckError {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    check_from_raw(path, raw)
}

fn check_from_raw(path: &str, raw: RawCheck) -> Result<Check, CheckError> {
    let err = |message: String| CheckError {
        path: path.to_string(),
        message,
    };
    let logic = match (raw.matcher, raw.builtin) {
        (Some(m), None) => Logic::Match(Pred::from_json(&m).map_err(err)?),
        (None, Some(b)) => {
            // `suppression_problem` (BH0701) is produced by the suppression pass, not by a builtin.
            if !crate::builtin::exists(&b) && b != crate::suppress::PASS_BUILTIN {
                return Err(err(format!("unknown builtin `{b}`")));
            }
            Logic::Builtin(b)
        }
        _ => {
            return Err(err(
                "a check needs exactly one of `match` and `builtin`".into()
            ));
        }
    };
    let targets = raw
        .targets
        .iter()
        .map(|t| TargetKind::parse(t))
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    if targets.is_empty() {
        return Err(err("a check needs at least one target".into()));
    }
    Ok(Check {
        id: raw.id,
        name: raw.name,
        title: raw.title,
        severity: raw.severity,
        policy: raw.policy,
        targets,
        rationale: raw.rationale.trim().to_string(),
        remediation: raw.remediation.trim().to_string(),
        references: raw.references,
        message: raw.message,
        examples: raw.examples,
        logic,
        params: raw.params,
        fire_on_unknown: raw.fire_on_unknown,
        sensitive: raw.sensitive,
        location: raw.location,
        source: path.to_string(),
    })
}

/// All loaded checks, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The checks.
    pub checks: Vec<Arc<Check>>,
}

impl Catalogue {
    /// The checks built into the binary.
    ///
    /// # Errors
    /// A broken embedded definition (caught by the catalogue tests).
    pub fn builtin() -> Result<Self, CheckError> {
        Self::embedded(false)
    }

    /// [`Catalogue::builtin`], parsed on every thread of the current rayon
    /// pool: for runs where nothing else wants the cores meanwhile (a scan
    /// of named files, whose walk is instant). Otherwise the sequential
    /// load, beside the walk, is as fast and takes less CPU.
    ///
    /// # Errors
    /// As [`Catalogue::builtin`] (one of the broken definitions).
    pub fn builtin_parallel() -> Result<Self, CheckError> {
        Self::embedded(true)
    }

    fn embedded(parallel: bool) -> Result<Self, CheckError> {
        use rayon::prelude::*;
        let parse = |(path, json): &(&str, &str)| prepared_check(path, json).map(Arc::new);
        let mut checks: Vec<Arc<Check>> = if parallel {
            EMBEDDED_CHECKS
                .par_iter()
                .map(parse)
                .collect::<Result<_, _>>()?
        } else {
            EMBEDDED_CHECKS
                .iter()
                .map(parse)
                .collect::<Result<_, _>>()?
        };
        checks.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Catalogue { checks })
    }

    /// Add user checks from every `*.yaml` file under `dir`.
    ///
    /// # Errors
    /// An unreadable folder, a broken definition or an id that is already taken.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), CheckError> {
        let mut files = Vec::new();
        collect_yaml(dir, &mut files).map_err(|e| CheckError {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| CheckError {
                path: f.display().to_string(),
                message: e.to_string(),
            })?;
            let check = parse_check(&f.display().to_string(), &text)?;
            // Built-in patterns compile when first used (a test compiles them
            // all); a user's must compile now, or the check fails to load.
            if let Logic::Match(pred) = &check.logic {
                pred.compile_patterns().map_err(|message| CheckError {
                    path: f.display().to_string(),
                    message,
                })?;
            }
            if self.get(&check.id).is_some() || self.get(&check.name).is_some() {
                return Err(CheckError {
                    path: f.display().to_string(),
                    message: format!("check id or name `{}` is already defined", check.id),
                });
            }
            self.checks.push(Arc::new(check));
        }
        self.checks.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(())
    }

    /// A check by id or name.
    #[must_use]
    pub fn get(&self, id_or_name: &str) -> Option<&Arc<Check>> {
        self.checks
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(id_or_name) || c.name == id_or_name)
    }
}

fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_yaml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in check prepared at build time is the check the YAML
    /// loader makes from its definition, and none is missing.
    #[test]
    fn prepared_checks_equal_the_loaded_definitions() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        collect_yaml(&root.join("checks"), &mut on_disk).unwrap();
        assert_eq!(on_disk.len(), EMBEDDED_CHECKS.len());
        for (path, json) in EMBEDDED_CHECKS {
            let yaml = std::fs::read_to_string(root.join(path)).unwrap();
            let loaded = parse_check(path, &yaml).unwrap();
            let prepared = prepared_check(path, json).unwrap();
            assert_eq!(format!("{prepared:?}"), format!("{loaded:?}"), "{path}");
        }
    }
}
