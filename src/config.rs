//! `bulkhead.toml`: the configuration of a repository.
//!
//! Found at the repository root (or given with `--config FILE`). Every key is
//! documented on its field below; `bulkhead init` writes a commented starter
//! file ([`STARTER`]). Unknown or mistyped keys, values of the wrong type,
//! unknown check ids or names, parameters a check does not take and invalid
//! globs are errors naming the file, the line and the key, and stop the run
//! with exit code 2.
//!
//! ```toml
//! fail_on = "medium"
//! exclude = ["vendor/**"]
//!
//! [checks.BH0308]
//! enabled = false
//!
//! [application]
//! criticality = "critical"
//! exposure = "internet-facing"
//!
//! [[application.paths]]
//! glob = "tools/**"
//! criticality = "non-critical"
//! exposure = "internal"
//!
//! [suppressions]
//! allow_inline = true
//!
//! [[suppressions.ignore]]
//! checks = ["BH0309"]
//! paths = ["legacy/**"]
//! reason = "legacy stack, replaced in Q3 (RISK-42)"
//! until = "2027-01-31"
//!
//! [limits]
//! unit_timeout = 30
//! yaml_documents = 20000
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::date::Date;
use crate::engine::catalogue::{Catalogue, Check, Severity};
use crate::env::config::{EnvConfig, EnvDecl, EnvException};

/// The name looked for at the scan root.
pub const FILE_NAME: &str = "bulkhead.toml";

/// Settings of one check (`[checks.BH0301]` or `[checks.privileged-container]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// `enabled = false` turns the check off (`true` turns it back on).
    pub enabled: Option<bool>,
    /// `severity = "critical"` overrides the severity: `info`, `low`, `medium`,
    /// `high` or `critical`. It decides `--fail-on` and the remediation deadline.
    pub severity: Option<Severity>,
    /// `params = { ... }` overrides parameters of the check (`bulkhead explain ID` names them).
    #[serde(default)]
    pub params: BTreeMap<String, serde_json::Value>,
}

/// Lowest severity that fails a run (`fail_on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Low and above (the default).
    Low,
    /// Medium and above.
    Medium,
    /// High and above.
    High,
    /// Critical only.
    Critical,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    /// The lowest failing severity, `None` for `never`.
    #[must_use]
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Low => Some(Severity::Low),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::High => Some(Severity::High),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Never => None,
        }
    }
}

/// Whether an application is critical (policy A.5 section 10.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criticality {
    /// `critical`
    Critical,
    /// `non-critical`
    NonCritical,
}

/// Whether an application is reachable from the internet (policy A.5 section 10.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exposure {
    /// `internet-facing`
    InternetFacing,
    /// `internal`
    Internal,
}

/// `[application]`: what the scanned code runs, for remediation deadlines.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// `criticality = "critical" | "non-critical"`. Default: `critical`.
    pub criticality: Option<Criticality>,
    /// `exposure = "internet-facing" | "internal"`. Default: `internet-facing`.
    /// Without configuration the strictest deadlines apply.
    pub exposure: Option<Exposure>,
    /// `[[application.paths]]`: criticality and exposure of parts of the
    /// repository. The first entry whose glob matches a file decides; what it
    /// leaves out comes from `[application]`.
    #[serde(default)]
    pub paths: Vec<ApplicationPath>,
}

/// One `[[application.paths]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationPath {
    /// `glob = "services/payments/**"`: repository-relative files it applies to.
    pub glob: Spanned<String>,
    /// `criticality = "critical" | "non-critical"` for those files.
    pub criticality: Option<Criticality>,
    /// `exposure = "internet-facing" | "internal"` for those files.
    pub exposure: Option<Exposure>,
}

/// `[suppressions]`: how findings may be accepted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppressions {
    /// `allow_inline = false` makes `bulkhead:ignore` comments and
    /// `bulkhead.io/ignore` annotations ineffective (each is reported as
    /// BH0701); only `[[suppressions.ignore]]` entries and the baseline then
    /// accept findings. Default: `true`.
    #[serde(default = "yes")]
    pub allow_inline: bool,
    /// `[[suppressions.ignore]]`: accepted findings, kept in the configuration
    /// rather than next to the code.
    #[serde(default)]
    pub ignore: Vec<IgnoreRule>,
}

fn yes() -> bool {
    true
}

impl Default for Suppressions {
    fn default() -> Self {
        Suppressions {
            allow_inline: true,
            ignore: Vec::new(),
        }
    }
}

/// One `[[suppressions.ignore]]` entry: findings of some checks in some files are accepted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreRule {
    /// `checks = ["BH0309", "privileged-container"]`: ids or names (required).
    pub checks: Vec<Spanned<String>>,
    /// `paths = ["legacy/**"]`: repository-relative globs. Default: every file.
    #[serde(default)]
    pub paths: Vec<Spanned<String>>,
    /// `reason = "..."`: the documented justification (required, not empty).
    pub reason: Spanned<String>,
    /// `until = "2027-01-31"`: the acceptance ends after this day.
    pub until: Option<Date>,
}

/// `[limits]`: caps that keep hostile or unusually large input from costing
/// unbounded time or memory. Each is reported as a scan diagnostic of kind
/// `limit` (a SARIF `toolExecutionNotification`) naming the key when it is
/// hit; the rest of the scan goes on. The file size cap is the top-level
/// `max_file_size`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// `yaml_depth = 200`: deepest nesting of mappings and sequences in a YAML
    /// or JSON file. A deeper file is not checked.
    pub yaml_depth: Option<usize>,
    /// `yaml_alias_nodes = 100000`: most nodes that YAML aliases (`*name`)
    /// may copy in one file (billion-laughs protection). A file over it is
    /// not checked.
    pub yaml_alias_nodes: Option<usize>,
    /// `yaml_documents = 10000`: most `---` documents in one YAML file. A
    /// file with more is not checked.
    pub yaml_documents: Option<usize>,
    /// `expression_depth = 128`: deepest chain of Terraform evaluations
    /// (nested expressions, and references through locals, variables and
    /// resources). Deeper values are unknown, so no check fires on them.
    pub expression_depth: Option<usize>,
    /// `module_depth = 8`: deepest chain of nested local Terraform module
    /// calls that is followed. Deeper modules are not checked.
    pub module_depth: Option<usize>,
    /// `unit_timeout = 10`: seconds that one unit (a Terraform folder with
    /// its modules and variable files, a Terragrunt unit, or one other file)
    /// may take. When it runs out, loading and evaluation stop, what was found
    /// so far is kept, and the unit is reported. `0` turns the timeout off.
    pub unit_timeout: Option<f64>,
}

/// Default `unit_timeout`, in seconds.
pub const DEFAULT_UNIT_TIMEOUT: f64 = 10.0;

impl Limits {
    /// The YAML loading limits, with a deadline.
    #[must_use]
    pub fn yaml(&self, deadline: Option<std::time::Instant>) -> crate::parse::yaml::YamlLimits {
        let d = crate::parse::yaml::YamlLimits::default();
        crate::parse::yaml::YamlLimits {
            max_depth: self.yaml_depth.unwrap_or(d.max_depth),
            max_alias_nodes: self.yaml_alias_nodes.unwrap_or(d.max_alias_nodes),
            max_documents: self.yaml_documents.unwrap_or(d.max_documents),
            deadline,
        }
    }

    /// The Terraform evaluation limits, with a deadline.
    #[must_use]
    pub fn eval(
        &self,
        deadline: Option<std::time::Instant>,
    ) -> crate::terraform::module::EvalLimits {
        let d = crate::terraform::module::EvalLimits::default();
        crate::terraform::module::EvalLimits {
            expression_depth: self.expression_depth.unwrap_or(d.expression_depth),
            module_depth: self.module_depth.unwrap_or(d.module_depth),
            deadline,
        }
    }

    /// The time one unit may take; `None` when the timeout is off.
    #[must_use]
    pub fn unit_timeout(&self) -> Option<std::time::Duration> {
        let secs = self.unit_timeout.unwrap_or(DEFAULT_UNIT_TIMEOUT);
        (secs > 0.0 && secs.is_finite()).then(|| std::time::Duration::from_secs_f64(secs))
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `fail_on = "medium"`: lowest severity that makes the exit code 1
    /// (`info`, `low`, `medium`, `high`, `critical`, `never`). Default `low`;
    /// `--fail-on` overrides it.
    pub fail_on: Option<FailOn>,
    /// `fail_on_overdue = true`: the exit code depends only on findings past
    /// their remediation deadline (as `--fail-on-overdue`).
    pub fail_on_overdue: Option<bool>,
    /// `max_file_size = 5242880`: files larger than this many bytes are reported, not read.
    pub max_file_size: Option<u64>,
    /// `exclude = ["vendor/**"]`: globs of repository-relative paths to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// `checks_dirs = ["policies/checks"]`: folders of extra check definitions,
    /// relative to the configuration file.
    #[serde(default)]
    pub checks_dirs: Vec<PathBuf>,
    /// `[checks.<id or name>]`: per-check settings.
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, CheckConfig>,
    /// `[application]`: criticality and exposure, for remediation deadlines.
    #[serde(default)]
    pub application: Application,
    /// `[suppressions]`: inline suppressions on or off, accepted findings.
    #[serde(default)]
    pub suppressions: Suppressions,
    /// `[environments.<name>]`: declared environments with their paths and
    /// account, project, subscription, cluster, CIDR and namespace ids
    /// (documented in [`crate::env::config`]).
    #[serde(default)]
    pub environments: BTreeMap<String, EnvDecl>,
    /// `[[environment_exceptions]]`: accepted cross-environment sharings, each
    /// with `check`, `value` and a required `reason`.
    #[serde(default)]
    pub environment_exceptions: Vec<EnvException>,
    /// `[limits]`: caps on YAML nesting, aliases and documents, Terraform
    /// expression and module depth, and the time per unit.
    #[serde(default)]
    pub limits: Limits,
    /// The day that expiry dates and deadlines are judged on (not read from
    /// the file: `--today` or the system date when `None`).
    #[serde(skip)]
    pub today: Option<Date>,
    /// Where the configuration was read from, and its text (set by
    /// [`Config::parse`]; error messages and suppression reports name its lines).
    #[serde(skip)]
    pub origin: Option<(String, Arc<str>)>,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// What to say after an unknown parameter: the closest name, or the names
/// the check takes.
fn parameter_hint(name: &str, check: &Check) -> String {
    let closest = check
        .params
        .keys()
        .map(|p| (strsim::jaro_winkler(name, p), p))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((_, p)) => format!(" (did you mean `{p}`?)"),
        None if check.params.is_empty() => "; it takes no parameters".to_string(),
        None => format!(
            "; it takes {}",
            check
                .params
                .keys()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Config {
    /// Parse configuration text.
    ///
    /// # Errors
    /// Syntax errors, unknown keys and wrong types, with their line.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            ConfigError::Invalid {
                path: path.to_string(),
                line,
                column,
                message: e.message().trim_end().to_string(),
            }
        })?;
        cfg.origin = Some((path.to_string(), Arc::from(text)));
        cfg.check_values()?;
        Ok(cfg)
    }

    /// Load a configuration file.
    ///
    /// # Errors
    /// See [`Config::parse`].
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut cfg = Config::parse(&path.display().to_string(), &text)?;
        let base = path.parent().unwrap_or(Path::new("."));
        cfg.checks_dirs = cfg.checks_dirs.iter().map(|d| base.join(d)).collect();
        Ok(cfg)
    }

    /// An error at a byte offset of the configuration text.
    fn error_at(&self, offset: usize, message: String) -> ConfigError {
        let (path, line, column) = match &self.origin {
            Some((path, text)) => {
                let (l, c) = line_col(text, offset);
                (path.clone(), l, c)
            }
            None => (FILE_NAME.to_string(), 1, 1),
        };
        ConfigError::Invalid {
            path,
            line,
            column,
            message,
        }
    }

    /// Checks that need no catalogue: globs compile, reasons are given.
    fn check_values(&self) -> Result<(), ConfigError> {
        let glob = |g: &Spanned<String>, key: &str| {
            globset::Glob::new(g.get_ref()).map(|_| ()).map_err(|e| {
                self.error_at(
                    g.span().start,
                    format!("{key}: invalid glob `{}`: {e}", g.get_ref()),
                )
            })
        };
        for p in &self.application.paths {
            glob(&p.glob, "application.paths.glob")?;
        }
        for rule in &self.suppressions.ignore {
            for p in &rule.paths {
                glob(p, "suppressions.ignore.paths")?;
            }
            if rule.reason.get_ref().trim().is_empty() {
                return Err(self.error_at(
                    rule.reason.span().start,
                    "suppressions.ignore.reason: a suppression needs a documented justification"
                        .into(),
                ));
            }
            if rule.checks.is_empty() {
                return Err(self.error_at(
                    rule.reason.span().start,
                    "suppressions.ignore.checks: name at least one check".into(),
                ));
            }
        }
        if let Some(t) = self.limits.unit_timeout {
            if !(t >= 0.0 && t.is_finite() && t < 1e9) {
                let at = self
                    .origin
                    .as_ref()
                    .and_then(|(_, text)| text.find("unit_timeout"));
                return Err(self.error_at(
                    at.unwrap_or(0),
                    format!("limits.unit_timeout: {t} is not a number of seconds (0 turns the timeout off)"),
                ));
            }
        }
        if let Some((_, text)) = &self.origin {
            for pat in &self.exclude {
                if let Err(e) = globset::Glob::new(pat) {
                    let at = text
                        .find(&format!("\"{pat}\""))
                        .or_else(|| text.find(pat.as_str()));
                    return Err(self.error_at(
                        at.unwrap_or(0),
                        format!("exclude: invalid glob `{pat}`: {e}"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Check names against the catalogue: every `[checks.X]` table and every
    /// `suppressions.ignore.checks` entry must name a known check, and every
    /// parameter set under `[checks.X]` must be one the check takes.
    ///
    /// # Errors
    /// The first unknown id or name, with its line.
    pub fn validate(&self, catalogue: &Catalogue) -> Result<(), ConfigError> {
        for (key, cc) in &self.checks {
            let Some(check) = catalogue.get(key.get_ref()) else {
                return Err(self.error_at(
                    key.span().start,
                    format!(
                        "checks.{}: no such check id or name; `bulkhead checks` lists them",
                        key.get_ref()
                    ),
                ));
            };
            // A misspelt parameter would otherwise be ignored without a word.
            if let Some(name) = cc.params.keys().find(|n| !check.params.contains_key(*n)) {
                return Err(self.error_at(
                    key.span().start,
                    format!(
                        "checks.{}.params: {} has no parameter `{name}`{}",
                        key.get_ref(),
                        check.id,
                        parameter_hint(name, check)
                    ),
                ));
            }
        }
        for rule in &self.suppressions.ignore {
            for c in &rule.checks {
                if catalogue.get(c.get_ref()).is_none() {
                    return Err(self.error_at(
                        c.span().start,
                        format!(
                            "suppressions.ignore.checks: no check `{}`; `bulkhead checks` lists them",
                            c.get_ref()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The file the configuration was read from, if any.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.origin.as_ref().map(|(p, _)| p.as_str())
    }

    /// The 1-based line of a byte offset of the configuration text.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        self.origin.as_ref().map(|(_, t)| line_col(t, offset).0)
    }

    /// The environment part of the configuration.
    #[must_use]
    pub fn env_config(&self) -> EnvConfig {
        EnvConfig {
            environments: self
                .environments
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            exceptions: self.environment_exceptions.clone(),
        }
    }

    /// The day expiry and deadlines are judged on.
    #[must_use]
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::today)
    }

    fn for_check(&self, c: &Check) -> Option<&CheckConfig> {
        self.checks
            .get(c.id.as_str())
            .or_else(|| self.checks.get(c.name.as_str()))
    }

    /// Whether a check runs.
    #[must_use]
    pub fn check_enabled(&self, c: &Check) -> bool {
        self.for_check(c).and_then(|cc| cc.enabled).unwrap_or(true)
    }

    /// A configured severity.
    #[must_use]
    pub fn check_severity(&self, c: &Check) -> Option<Severity> {
        self.for_check(c).and_then(|cc| cc.severity)
    }

    /// Configured parameters.
    #[must_use]
    pub fn check_params(&self, c: &Check) -> Option<&BTreeMap<String, serde_json::Value>> {
        self.for_check(c).map(|cc| &cc.params)
    }
}

/// The file `bulkhead init` writes: every setting, commented out at its default.
pub const STARTER: &str = r#"# bulkhead.toml: configuration of bulkhead, the infrastructure-as-code checker.
# Every setting below is optional; the commented values are the defaults or examples.
# Unknown keys are errors, so a typo never goes unnoticed.

# Lowest severity that makes `bulkhead scan` exit with 1:
# info, low, medium, high, critical or never (--fail-on overrides it).
# fail_on = "low"

# Exit with 1 only for findings past their remediation deadline (--fail-on-overdue).
# fail_on_overdue = false

# Files larger than this many bytes are reported, not read.
# max_file_size = 5242880

# Repository-relative globs of paths to leave out.
# exclude = ["vendor/**", "**/testdata/**"]

# Folders of your own check definitions, relative to this file.
# checks_dirs = ["policies/checks"]

# Per-check settings, by id or name (`bulkhead checks` lists them).
# [checks.BH0308]
# enabled = false
#
# [checks.admin-port-open-to-internet]
# severity = "critical"
# params = { admin_ports = { "22" = "SSH", "3389" = "RDP" } }

# What the code runs, for remediation deadlines (policy A.5 section 10.3).
# Without this table the strictest class applies: critical and internet-facing.
[application]
# criticality = "critical"          # or "non-critical"
# exposure = "internet-facing"      # or "internal"

# Parts of the repository that differ; the first matching glob decides.
# [[application.paths]]
# glob = "tools/**"
# criticality = "non-critical"
# exposure = "internal"

[suppressions]
# false: `bulkhead:ignore` comments and `bulkhead.io/ignore` annotations do not
# suppress; only the entries below and a baseline (--baseline) accept findings.
# allow_inline = true

# Findings accepted here instead of next to the code. A reason is required.
# [[suppressions.ignore]]
# checks = ["BH0309"]
# paths = ["legacy/**"]
# reason = "legacy stack, replaced in Q3 (RISK-42)"
# until = "2027-01-31"

# Caps against hostile or unusually large input; each is reported when hit.
[limits]
# yaml_depth = 200                  # deepest YAML/JSON nesting
# yaml_alias_nodes = 100000         # nodes YAML aliases may copy in one file
# yaml_documents = 10000            # documents in one YAML file
# expression_depth = 128            # deepest chain of Terraform evaluations
# module_depth = 8                  # deepest chain of local module calls
# unit_timeout = 10                 # seconds per unit; 0 turns it off
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Config::parse("bulkhead.toml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let text = err("fail_on = \"high\"\n\n[checks.BH0301]\nenabbled = false\n");
        assert!(text.starts_with("bulkhead.toml:4:"), "{text}");
        assert!(text.contains("enabbled"), "{text}");
    }

    #[test]
    fn mistyped_keys_and_values_name_their_line() {
        let text = err("[application]\ncriticality = \"critical\"\nexposure = \"public\"\n");
        assert!(text.starts_with("bulkhead.toml:3:"), "{text}");
        assert!(text.contains("internet-facing"), "{text}");
        let text = err("[suppressions]\nallow_inlin = false\n");
        assert!(text.starts_with("bulkhead.toml:2:"), "{text}");
        assert!(text.contains("allow_inlin"), "{text}");
        let text = err("[suppressions]\nallow_inline = \"no\"\n");
        assert!(text.starts_with("bulkhead.toml:2:"), "{text}");
        let text = err("fail_on = \"hihg\"\n");
        assert!(text.starts_with("bulkhead.toml:1:"), "{text}");
        let text = err("[[application.paths]]\nglob = \"a/**\"\ncritical = true\n");
        assert!(text.starts_with("bulkhead.toml:3:"), "{text}");
        assert!(text.contains("critical"), "{text}");
    }

    #[test]
    fn invalid_globs_and_missing_reasons_name_their_line() {
        let text = err("[[application.paths]]\nglob = \"a/[**\"\n");
        assert!(text.starts_with("bulkhead.toml:2:"), "{text}");
        let text = err("\n[[suppressions.ignore]]\nchecks = [\"BH0301\"]\nreason = \"  \"\n");
        assert!(text.starts_with("bulkhead.toml:4:"), "{text}");
        assert!(text.contains("justification"), "{text}");
        let text = err("[[suppressions.ignore]]\nchecks = [\"BH0301\"]\n");
        assert!(text.contains("reason"), "{text}");
        let text = err("exclude = [\"ok/**\",\n  \"bad/[\"]\n");
        assert!(text.starts_with("bulkhead.toml:2:"), "{text}");
    }

    #[test]
    fn check_settings_parse() {
        let cfg = Config::parse(
            "b.toml",
            "[checks.BH0501]\nseverity = \"critical\"\nparams = { admin_ports = [22] }\n",
        )
        .unwrap();
        let cc = &cfg.checks["BH0501"];
        assert_eq!(cc.severity, Some(Severity::Critical));
        assert_eq!(cc.params["admin_ports"], serde_json::json!([22]));
    }

    #[test]
    fn application_and_suppressions_parse() {
        let cfg = Config::parse(
            "b.toml",
            "fail_on = \"never\"\n[application]\ncriticality = \"non-critical\"\nexposure = \"internal\"\n[[application.paths]]\nglob = \"services/payments/**\"\ncriticality = \"critical\"\n[suppressions]\nallow_inline = false\n[[suppressions.ignore]]\nchecks = [\"BH0309\"]\nreason = \"legacy\"\nuntil = 2027-01-31\n[[suppressions.ignore]]\nchecks = [\"BH0301\"]\nreason = \"x\"\nuntil = \"2027-02-01\"\n",
        )
        .unwrap();
        assert_eq!(cfg.fail_on, Some(FailOn::Never));
        assert_eq!(cfg.application.criticality, Some(Criticality::NonCritical));
        assert_eq!(cfg.application.exposure, Some(Exposure::Internal));
        assert_eq!(
            cfg.application.paths[0].glob.get_ref(),
            "services/payments/**"
        );
        assert!(!cfg.suppressions.allow_inline);
        assert_eq!(cfg.suppressions.ignore[0].until, Date::new(2027, 1, 31));
        assert_eq!(cfg.suppressions.ignore[1].until, Date::new(2027, 2, 1));
        assert!(Config::default().suppressions.allow_inline);
    }

    #[test]
    fn unknown_checks_are_named_with_their_line() {
        let cat = Catalogue::builtin().unwrap();
        let cfg = Config::parse(
            "b.toml",
            "[checks.BH0301]\nenabled = false\n\n[checks.BH9999]\nenabled = false\n",
        )
        .unwrap();
        let text = cfg.validate(&cat).unwrap_err().to_string();
        assert!(text.starts_with("b.toml:4:"), "{text}");
        assert!(text.contains("BH9999"), "{text}");
        let cfg = Config::parse("b.toml", "[[suppressions.ignore]]\nchecks = [\"BH0301\",\n \"privileged-containr\"]\nreason = \"r\"\n").unwrap();
        let text = cfg.validate(&cat).unwrap_err().to_string();
        assert!(text.starts_with("b.toml:3:"), "{text}");
        let ok =
            Config::parse("b.toml", "[checks.privileged-container]\nenabled = false\n").unwrap();
        assert!(ok.validate(&cat).is_ok());
        assert!(!ok.check_enabled(cat.get("BH0301").unwrap()));
    }

    #[test]
    fn unknown_parameters_are_errors_with_a_hint() {
        let cat = Catalogue::builtin().unwrap();
        let msg = |text: &str| {
            Config::parse("b.toml", text)
                .unwrap()
                .validate(&cat)
                .unwrap_err()
                .to_string()
        };
        // A near miss names the parameter meant.
        let text = msg("\n[checks.BH0601]\nparams = { admin_port = [22] }\n");
        assert!(text.starts_with("b.toml:2:"), "{text}");
        assert!(text.contains("no parameter `admin_port`"), "{text}");
        assert!(text.contains("did you mean `admin_ports`?"), "{text}");
        // Otherwise the names it takes, or that it takes none.
        let text = msg("[checks.BH0601]\nparams = { zzz = 1 }\n");
        assert!(text.contains("it takes `admin_ports`"), "{text}");
        let text = msg("[checks.BH0301]\nparams = { x = 1 }\n");
        assert!(text.contains("it takes no parameters"), "{text}");
        let ok = Config::parse(
            "b.toml",
            "[checks.BH0601]\nparams = { admin_ports = [22] }\n",
        )
        .unwrap();
        assert!(ok.validate(&cat).is_ok());
    }

    #[test]
    fn the_starter_file_parses() {
        let cfg = Config::parse("bulkhead.toml", STARTER).unwrap();
        assert!(cfg.suppressions.allow_inline);
        assert!(cfg.application.criticality.is_none());
        // Every commented setting parses when uncommented.
        let uncommented: String = STARTER
            .lines()
            .map(|l| {
                let t = l.trim_start_matches("# ");
                if t.contains(" = ") || t.starts_with('[') {
                    t
                } else {
                    ""
                }
            })
            .map(|l| l.split("  #").next().unwrap_or(l).to_string() + "\n")
            .collect();
        let full = Config::parse("bulkhead.toml", &uncommented)
            .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(full.fail_on, Some(FailOn::Low));
        assert_eq!(full.suppressions.ignore.len(), 1);
        assert_eq!(full.application.paths.len(), 1);
        assert!(full.validate(&Catalogue::builtin().unwrap()).is_ok());
    }
}
