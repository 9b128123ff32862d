//! The `bulkhead` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use bulkhead::baseline::Baseline;
use bulkhead::config::{self, Config};
use bulkhead::date::Date;
use bulkhead::engine::catalogue::{Catalogue, Severity};
use bulkhead::engine::docs;
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{self, ScanOptions, ScanResult};
use bulkhead::walk;

#[derive(Parser)]
#[command(
    name = "bulkhead",
    version,
    about = "Static analysis of Terraform, Kubernetes and Dockerfiles against the A.5 Secure Operation policy"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Info,
    Low,
    Medium,
    High,
    Critical,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Table,
    Json,
    Markdown,
}

/// What to scan and with which configuration (shared by `scan` and `baseline`).
#[derive(Args)]
struct Input {
    /// Files or folders to scan (default: the current folder).
    paths: Vec<PathBuf>,
    /// Configuration file (default: bulkhead.toml at the repository root, if present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Extra folder of check definitions.
    #[arg(long)]
    checks: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Repository root that reported paths are relative to
    /// (default: the git work tree containing the first path, else that path).
    #[arg(long)]
    root: Option<PathBuf>,
    /// Judge suppression expiry and remediation deadlines as of this day
    /// (YYYY-MM-DD; default: today, UTC).
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

#[derive(Clone, Copy, ValueEnum)]
enum EnvsFormat {
    Table,
    Json,
}

/// `bulkhead envs`: one block per unit with its class and evidence, then a summary.
fn envs_table(records: &[bulkhead::scan::EnvRecord]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for r in records {
        *counts.entry(r.environment.class.as_str()).or_default() += 1;
        let name = r
            .environment
            .name
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{:<12} {:<18} {}", r.environment.class, r.kind, r.unit);
        if !name.is_empty() {
            let _ = writeln!(out, "{:<12} {:<18}   name{name}", "", "");
        }
        for (i, e) in r.environment.evidence.iter().enumerate() {
            let marker = if i == 0 { "because" } else { "also" };
            let _ = writeln!(out, "{:<12} {:<18}   {marker} {e}", "", "");
        }
    }
    let summary: Vec<String> = counts.iter().map(|(c, n)| format!("{n} {c}")).collect();
    let known = records.len() - counts.get("unknown").copied().unwrap_or(0);
    let _ = writeln!(
        out,
        "\n{} units: {} ({} with a known environment)",
        records.len(),
        summary.join(", "),
        known
    );
    out
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and folders for policy violations.
    Scan {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Write the report to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Lowest severity that makes the exit code 1.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Findings recorded in this baseline file (`bulkhead baseline`) do not fail the run.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Exit with 1 only when a finding is past its remediation deadline.
        #[arg(long)]
        fail_on_overdue: bool,
        /// Never use colour.
        #[arg(long)]
        no_color: bool,
        /// Print scan statistics to standard error (files by kind, Terraform evaluation).
        #[arg(long)]
        stats: bool,
    },
    /// Record the current findings in a baseline file, so that only new ones fail.
    Baseline {
        #[command(flatten)]
        input: Input,
        /// The baseline file to write (entries of an existing one keep their first-seen date).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Show which environment each unit belongs to, and why.
    Envs {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: EnvsFormat,
    },
    /// Write a commented starter bulkhead.toml.
    Init {
        /// Folder to write bulkhead.toml into (default: the current folder).
        dir: Option<PathBuf>,
        /// Overwrite an existing bulkhead.toml.
        #[arg(long)]
        force: bool,
    },
    /// List the checks.
    Checks {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: CatalogueFormat,
        /// Extra folder of check definitions.
        #[arg(long)]
        checks: Vec<PathBuf>,
    },
    /// Explain one check: why it matters, how to fix it, examples.
    Explain {
        /// Check id (BH0301) or name (privileged-container).
        check: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("bulkhead: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn load_catalogue(extra: &[PathBuf]) -> Result<Catalogue, String> {
    let mut cat = Catalogue::builtin().map_err(|e| e.to_string())?;
    for dir in extra {
        cat.add_dir(dir).map_err(|e| e.to_string())?;
    }
    Ok(cat)
}

fn write_out(output: Option<&PathBuf>, text: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

/// A scan with its configuration, catalogue and the repository-relative
/// prefixes of the scanned paths.
struct Scanned {
    cfg: Config,
    cat: Catalogue,
    root: PathBuf,
    scope: Vec<String>,
    result: ScanResult,
}

fn scan_input(input: Input) -> Result<Scanned, String> {
    let paths = if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths
    };
    for p in &paths {
        if !p.exists() {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    let root = match input.root {
        Some(r) => std::fs::canonicalize(&r).map_err(|e| format!("--root {}: {e}", r.display()))?,
        None => walk::repository_root(&paths[0]),
    };
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let mut cfg = match input.config {
        Some(path) => Config::load(&path).map_err(|e| e.to_string())?,
        None => {
            let default = root.join(config::FILE_NAME);
            if default.is_file() {
                Config::load(&default).map_err(|e| e.to_string())?
            } else {
                Config::default()
            }
        }
    };
    cfg.today = Some(input.today.unwrap_or_else(Date::today));
    // Reports name the configuration relative to the repository root.
    if let Some((path, _)) = cfg.origin.as_mut() {
        let abs = std::fs::canonicalize(&*path).unwrap_or_else(|_| PathBuf::from(&*path));
        if let Ok(rel) = abs.strip_prefix(&root) {
            *path = rel.to_string_lossy().replace('\\', "/");
        }
    }
    let mut extra = cfg.checks_dirs.clone();
    extra.extend(input.checks);
    let cat = load_catalogue(&extra)?;
    cfg.validate(&cat).map_err(|e| e.to_string())?;
    let scope = paths
        .iter()
        .map(|p| {
            p.strip_prefix(&root)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default()
        })
        .collect();
    let result = scan::scan(
        &ScanOptions {
            paths,
            root: root.clone(),
            threads: input.threads,
        },
        &cat,
        &cfg,
    )?;
    Ok(Scanned {
        cfg,
        cat,
        root,
        scope,
        result,
    })
}

/// Whether a repository-relative path lies under one of the scanned paths.
fn in_scope(scope: &[String], path: &str) -> bool {
    scope.iter().any(|s| {
        s.is_empty()
            || path == s
            || path
                .strip_prefix(s.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Low => Some(Severity::Low),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::High => Some(Severity::High),
        FailOn::Critical => Some(Severity::Critical),
        FailOn::Never => None,
    }
}

fn run(cli: Cli) -> Result<u8, String> {
    match cli.command {
        Command::Checks { format, checks } => {
            let cat = load_catalogue(&checks)?;
            let text = match format {
                CatalogueFormat::Table => docs::table(&cat),
                CatalogueFormat::Json => docs::json(&cat),
                CatalogueFormat::Markdown => docs::markdown(&cat),
            };
            write_out(None, &text)?;
            Ok(0)
        }
        Command::Explain { check } => {
            let cat = load_catalogue(&[])?;
            let c = cat
                .get(&check)
                .ok_or_else(|| format!("no check `{check}`; `bulkhead checks` lists them"))?;
            write_out(None, &docs::explain_text(c))?;
            Ok(0)
        }
        Command::Envs { input, format } => {
            let Scanned { result, .. } = scan_input(input)?;
            let text = match format {
                EnvsFormat::Json => {
                    let mut t = serde_json::to_string_pretty(&result.environments)
                        .map_err(|e| e.to_string())?;
                    t.push('\n');
                    t
                }
                EnvsFormat::Table => envs_table(&result.environments),
            };
            write_out(None, &text)?;
            Ok(0)
        }
        Command::Init { dir, force } => init(dir.as_deref().unwrap_or(Path::new(".")), force),
        Command::Baseline { input, output } => write_baseline(input, &output),
        Command::Scan {
            input,
            format,
            output,
            fail_on,
            baseline,
            fail_on_overdue,
            no_color,
            stats,
        } => {
            let baseline = baseline
                .map(|p| Baseline::load(&p).map(|b| (p, b)))
                .transpose()?;
            let Scanned {
                cfg,
                cat,
                root,
                scope,
                mut result,
            } = scan_input(input)?;
            if let Some((path, b)) = &baseline {
                let label = path.display().to_string();
                let outcome = b.apply(&label, &mut result.findings, &cfg, &|p| in_scope(&scope, p));
                result.baseline = Some(outcome);
            }
            let threshold = match fail_on {
                Some(f) => threshold(f),
                None => cfg
                    .fail_on
                    .map_or(Some(Severity::Low), config::FailOn::threshold),
            };
            let overdue_gate = fail_on_overdue || cfg.fail_on_overdue.unwrap_or(false);
            let color = format == Format::Human
                && output.is_none()
                && !no_color
                && std::env::var_os("NO_COLOR").is_none()
                && std::io::stdout().is_terminal();
            let opts = ReportOptions {
                color,
                fail_on: threshold,
                fail_on_overdue: overdue_gate,
                root_uri: Some(root_uri(&root)),
                ..ReportOptions::default()
            };
            let text = report::render(format, &result, &cat, &opts);
            write_out(output.as_ref(), &text)?;
            if stats {
                eprint!("{}", stats_text(&result.stats));
            }
            let scanned: usize = result.stats.files.values().sum();
            if scanned == 0 && result.stats.files_failed > 0 {
                eprintln!("bulkhead: nothing could be scanned");
                return Ok(2);
            }
            Ok(u8::from(report::fails(&result, &opts)))
        }
    }
}

/// `bulkhead init`: write the starter configuration, never over an existing file unless forced.
fn init(dir: &Path, force: bool) -> Result<u8, String> {
    if !dir.is_dir() {
        return Err(format!("{}: no such folder", dir.display()));
    }
    let path = dir.join(config::FILE_NAME);
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; use --force to overwrite it",
            path.display()
        ));
    }
    std::fs::write(&path, config::STARTER)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("bulkhead: wrote {}", path.display());
    Ok(0)
}

/// `bulkhead baseline`: record the open findings; entries that stay keep their first-seen date.
fn write_baseline(input: Input, output: &Path) -> Result<u8, String> {
    let previous = if output.exists() {
        Some(Baseline::load(output).map_err(|e| {
            format!("{e}; delete it or choose another --output to start a new baseline")
        })?)
    } else {
        None
    };
    let Scanned {
        cfg, result, scope, ..
    } = scan_input(input)?;
    let mut b = Baseline::from_findings(
        &result.findings,
        previous.as_ref(),
        cfg.today(),
        env!("CARGO_PKG_VERSION"),
    );
    if let Some(p) = &previous {
        b.keep_outside(p, &|path| in_scope(&scope, path));
    }
    std::fs::write(output, b.to_json())
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    let kept = previous.as_ref().map_or(0, |p| {
        b.entries
            .iter()
            .filter(|e| p.entries.iter().any(|x| x.fingerprint == e.fingerprint))
            .count()
    });
    let dropped = previous
        .as_ref()
        .map_or(0, |p| p.entries.len().saturating_sub(kept));
    eprintln!(
        "bulkhead: wrote {} baseline entr{} to {} ({} new, {kept} kept, {dropped} no longer found)",
        b.entries.len(),
        if b.entries.len() == 1 { "y" } else { "ies" },
        output.display(),
        b.entries.len() - kept,
    );
    Ok(0)
}

fn root_uri(root: &std::path::Path) -> String {
    let mut s = String::from("file://");
    let p = root.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        s.push('/');
    }
    for ch in p.chars() {
        match ch {
            ' ' => s.push_str("%20"),
            '%' => s.push_str("%25"),
            '#' => s.push_str("%23"),
            '?' => s.push_str("%3F"),
            c => s.push(c),
        }
    }
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

fn stats_text(s: &bulkhead::scan::Stats) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("files scanned:\n");
    for (kind, n) in &s.files {
        let _ = writeln!(out, "  {:<14} {n}", format!("{kind:?}").to_lowercase());
    }
    let _ = writeln!(out, "  {:<14} {}", "failed", s.files_failed);
    let _ = writeln!(out, "  {:<14} {}", "not IaC", s.files_not_iac);
    let _ = writeln!(
        out,
        "objects: {} Kubernetes objects, {} Terraform blocks, {} Dockerfile stages",
        s.kubernetes_objects, s.terraform_blocks, s.dockerfile_stages
    );
    let v = &s.terraform_values;
    let unknown: usize = v.unknown.values().sum();
    let total = v.known + unknown;
    if total > 0 {
        let _ = writeln!(
            out,
            "terraform values: {} known, {} unknown ({:.1}% known)",
            v.known,
            unknown,
            100.0 * v.known as f64 / total as f64
        );
        let mut reasons: Vec<(&String, &usize)> = v.unknown.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (reason, n) in reasons.into_iter().take(40) {
            let _ = writeln!(out, "  {n:>7}  {reason}");
        }
    }
    out
}
