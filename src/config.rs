//! `bulkhead.toml`: per-check switches, severities and parameters, excludes
//! and limits. Unknown keys are errors naming the key, file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::engine::catalogue::{Check, Severity};

/// The name looked for at the scan root.
pub const FILE_NAME: &str = "bulkhead.toml";

/// Settings of one check.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Turn the check off (or back on).
    pub enabled: Option<bool>,
    /// Override the severity.
    pub severity: Option<Severity>,
    /// Override parameters.
    #[serde(default)]
    pub params: BTreeMap<String, serde_json::Value>,
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Lowest severity that makes the exit code 1.
    pub fail_on: Option<String>,
    /// Files larger than this many bytes are reported, not read.
    pub max_file_size: Option<u64>,
    /// Glob patterns of paths (relative to the repository root) to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Folders of extra check definitions, relative to the config file.
    #[serde(default)]
    pub checks_dirs: Vec<PathBuf>,
    /// Per-check settings, keyed by id or name.
    #[serde(default)]
    pub checks: BTreeMap<String, CheckConfig>,
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

impl Config {
    /// Parse configuration text.
    ///
    /// # Errors
    /// Syntax errors, unknown keys and wrong types, with their line.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| {
                let before = &text[..s.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            });
            ConfigError::Invalid {
                path: path.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
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

    fn for_check(&self, c: &Check) -> Option<&CheckConfig> {
        self.checks.get(&c.id).or_else(|| self.checks.get(&c.name))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_their_line() {
        let err = Config::parse(
            "bulkhead.toml",
            "fail_on = \"high\"\n\n[checks.BH0301]\nenabbled = false\n",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("bulkhead.toml:4:"), "{text}");
        assert!(text.contains("enabbled"), "{text}");
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
}
