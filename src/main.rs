//! The `bulkhead` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use bulkhead::config::{self, Config};
use bulkhead::engine::catalogue::{Catalogue, Severity};
use bulkhead::engine::docs;
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{self, ScanOptions};
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

#[derive(Subcommand)]
enum Command {
    /// Scan files and folders for policy violations.
    Scan {
        /// Files or folders to scan (default: the current folder).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Write the report to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Configuration file (default: bulkhead.toml at the repository root, if present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Lowest severity that makes the exit code 1.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
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
        /// Never use colour.
        #[arg(long)]
        no_color: bool,
        /// Print scan statistics to standard error (files by kind, Terraform evaluation).
        #[arg(long)]
        stats: bool,
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
        Command::Scan {
            paths,
            format,
            output,
            config,
            fail_on,
            checks,
            threads,
            root,
            no_color,
            stats,
        } => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                paths
            };
            for p in &paths {
                if !p.exists() {
                    return Err(format!("{}: no such file or folder", p.display()));
                }
            }
            let root = match root {
                Some(r) => {
                    std::fs::canonicalize(&r).map_err(|e| format!("--root {}: {e}", r.display()))?
                }
                None => walk::repository_root(&paths[0]),
            };
            let paths: Vec<PathBuf> = paths
                .iter()
                .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                .collect();
            let cfg = match config {
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
            let mut extra = cfg.checks_dirs.clone();
            extra.extend(checks);
            let cat = load_catalogue(&extra)?;
            let fail_on = match fail_on {
                Some(f) => f,
                None => match cfg.fail_on.as_deref() {
                    None | Some("low") => FailOn::Low,
                    Some("info") => FailOn::Info,
                    Some("medium") => FailOn::Medium,
                    Some("high") => FailOn::High,
                    Some("critical") => FailOn::Critical,
                    Some("never") => FailOn::Never,
                    Some(other) => return Err(format!("config: unknown fail_on `{other}`")),
                },
            };
            let threshold = match fail_on {
                FailOn::Info => Some(Severity::Info),
                FailOn::Low => Some(Severity::Low),
                FailOn::Medium => Some(Severity::Medium),
                FailOn::High => Some(Severity::High),
                FailOn::Critical => Some(Severity::Critical),
                FailOn::Never => None,
            };
            let result = scan::scan(
                &ScanOptions {
                    paths,
                    root: root.clone(),
                    threads,
                },
                &cat,
                &cfg,
            )?;
            let color = format == Format::Human
                && output.is_none()
                && !no_color
                && std::env::var_os("NO_COLOR").is_none()
                && std::io::stdout().is_terminal();
            let opts = ReportOptions {
                color,
                fail_on: threshold,
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
            let failing =
                threshold.is_some_and(|t| result.findings.iter().any(|f| f.severity >= t));
            Ok(u8::from(failing))
        }
    }
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
