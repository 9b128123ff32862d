//! The `bulkhead` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use bulkhead::baseline::Baseline;
use bulkhead::config::{self, Config};
use bulkhead::date::Date;
use bulkhead::engine::catalogue::{Catalogue, Severity};
use bulkhead::engine::docs;
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{self, ScanOptions, ScanResult};
use bulkhead::walk;

/// mimalloc (see [`bulkhead::allocator`]).
#[global_allocator]
static ALLOCATOR: bulkhead::allocator::Mimalloc = bulkhead::allocator::Mimalloc;

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
    ///
    /// `--format` may be repeated to write several reports from one scan. Each
    /// `--output` belongs to the `--format` written before it (an `--output`
    /// before the first `--format` belongs to the first); a format without an
    /// `--output`, or with `--output -`, writes to standard output, and only
    /// one may. Example: `--format sarif --output bulkhead.sarif --format github`.
    #[command(verbatim_doc_comment)]
    Scan {
        #[command(flatten)]
        input: Input,
        /// Output format (default: human); repeat it for several reports.
        #[arg(long, value_enum)]
        format: Vec<Format>,
        /// Write the report of the preceding --format to this file (`-`: standard output).
        #[arg(long, short)]
        output: Vec<PathBuf>,
        /// Scan the whole repository for context (cross-file and environment
        /// checks), but report only findings located in the given files, or
        /// with related evidence in them (for pre-commit hooks).
        #[arg(long)]
        repo_context: bool,
        /// SARIF category (`automationDetails.id`): keeps the code-scanning alerts
        /// of several bulkhead runs in one repository apart.
        #[arg(long, value_name = "NAME", default_value = "bulkhead")]
        sarif_category: String,
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
    bulkhead::allocator::keep_freed_memory();
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let positions = matches
        .subcommand_matches("scan")
        .map(|m| {
            let indices = |id: &str| -> Vec<usize> {
                m.indices_of(id).map(Iterator::collect).unwrap_or_default()
            };
            (indices("format"), indices("output"))
        })
        .unwrap_or_default();
    match run(cli, &positions) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("bulkhead: error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The catalogue for commands that do nothing else meanwhile (`checks`, `explain`).
fn load_catalogue(extra: &[PathBuf]) -> Result<Catalogue, String> {
    load_catalogue_with(extra, true)
}

/// The built-in checks (parsed on every thread when `parallel`) and those of `extra`.
fn load_catalogue_with(extra: &[PathBuf], parallel: bool) -> Result<Catalogue, String> {
    let builtin = if parallel {
        Catalogue::builtin_parallel()
    } else {
        Catalogue::builtin()
    };
    let mut cat = builtin.map_err(|e| e.to_string())?;
    for dir in extra {
        cat.add_dir(dir).map_err(|e| e.to_string())?;
    }
    Ok(cat)
}

/// Write a report to a file or standard output through a buffer, as it is rendered.
fn write_report(
    output: Option<&PathBuf>,
    render: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>,
) -> Result<(), String> {
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
            let file = std::fs::File::create(path).map_err(cannot)?;
            let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
            render(&mut w).and_then(|()| w.flush()).map_err(cannot)
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
            render(&mut w)
                .and_then(|()| w.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

fn write_out(output: Option<&PathBuf>, text: &str) -> Result<(), String> {
    match output.filter(|p| p.as_os_str() != "-") {
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

/// Pair each `--format` with its `--output` by their positions on the command
/// line: an `--output` belongs to the closest `--format` before it, or to the
/// first one when it comes before every `--format`. Formats without an output
/// (or with `-`) write to standard output, and at most one may.
fn pair_reports(
    formats: &[(usize, Format)],
    outputs: &[(usize, PathBuf)],
) -> Result<Vec<(Format, Option<PathBuf>)>, String> {
    let formats: Vec<(usize, Format)> = if formats.is_empty() {
        vec![(0, Format::Human)]
    } else {
        formats.to_vec()
    };
    let mut reports: Vec<(Format, Option<PathBuf>)> =
        formats.iter().map(|&(_, f)| (f, None)).collect();
    for (at, path) in outputs {
        let owner = formats.iter().rposition(|(i, _)| i < at).unwrap_or(0);
        if let Some(previous) = &reports[owner].1 {
            return Err(format!(
                "--output {} and --output {} both follow --format {}: give each --format its own --output",
                previous.display(),
                path.display(),
                format_name(reports[owner].0)
            ));
        }
        reports[owner].1 = Some(path.clone());
    }
    let is_stdout = |o: &Option<PathBuf>| o.as_ref().is_none_or(|p| p.as_os_str() == "-");
    let stdout: Vec<&str> = reports
        .iter()
        .filter(|(_, o)| is_stdout(o))
        .map(|(f, _)| format_name(*f))
        .collect();
    if stdout.len() > 1 {
        let (last, rest) = stdout.split_last().unwrap_or((&"", &[]));
        return Err(format!(
            "--format {} and --format {last} would {} write to standard output: give all but one an --output FILE",
            rest.join(", --format "),
            if stdout.len() == 2 { "both" } else { "all" },
        ));
    }
    let mut files: Vec<&PathBuf> = reports
        .iter()
        .filter_map(|(_, o)| o.as_ref())
        .filter(|p| p.as_os_str() != "-")
        .collect();
    files.sort();
    if let Some(w) = files.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("--output {} is given twice", w[0].display()));
    }
    Ok(reports)
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Human => "human",
        Format::Json => "json",
        Format::Sarif => "sarif",
        Format::Github => "github",
        Format::Markdown => "markdown",
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
    /// The threads the scan ran on, for the reports.
    pool: rayon::ThreadPool,
}

/// Scan the input. With `repo_context`, the whole repository root is scanned
/// and the given paths only become the scope that findings are reported for
/// (see [`keep_in_scope`]).
fn scan_input(input: Input, repo_context: bool, value_stats: bool) -> Result<Scanned, String> {
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
    let scope = paths
        .iter()
        .map(|p| {
            p.strip_prefix(&root)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default()
        })
        .collect();
    if repo_context {
        if let Some(outside) = paths.iter().find(|p| !p.starts_with(&root)) {
            return Err(format!(
                "--repo-context: {} is outside the repository root {}",
                outside.display(),
                root.display()
            ));
        }
    }
    let paths = if repo_context {
        vec![root.clone()]
    } else {
        paths
    };
    let opts = ScanOptions {
        paths,
        root: root.clone(),
        threads: input.threads,
        value_stats,
    };
    // One pool of threads loads the catalogue, scans and renders the reports.
    let pool = scan::thread_pool(&opts)?;
    // The walk needs neither the catalogue nor the checks: it runs on this
    // thread while they load on the pool (a start-up cost every scan pays),
    // and is dropped if they fail. With `--threads 1` the walk runs after the
    // catalogue. Named files only (a pre-commit run): the walk is instant,
    // and the catalogue is parsed on every thread of the pool.
    let files_only = opts.paths.iter().all(|p| p.is_file());
    let walk = |found: &(dyn Fn(&walk::Candidate) + Sync)| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            scan::discover_each(&opts, &cfg, found)
        }))
        .ok()
    };
    let (discovery, cat, prefetch) = if input.threads == 1 {
        let cat = load_catalogue_with(&extra, false);
        (walk(&|_| {}), cat, None)
    } else {
        let mut cat = None;
        let mut discovery = None;
        // The pool, idle once the catalogue is loaded, prepares the checks
        // and reads the module calls of the Terraform files and the
        // kustomizations as the walk finds them (work the scan would
        // otherwise do after the walk).
        let prefetch = scan::Prefetch::new(&cfg);
        pool.in_place_scope(|s| {
            let (prefetch, cfg) = (&prefetch, &cfg);
            s.spawn(|_| {
                let loaded = load_catalogue_with(&extra, files_only);
                if let Ok(c) = &loaded {
                    prefetch.prepare_checks(c, cfg);
                }
                cat = Some(loaded);
            });
            discovery = walk(&|c: &walk::Candidate| {
                if scan::Prefetch::wants(c) {
                    let c = c.clone();
                    s.spawn(move |_| prefetch.add(&c));
                }
            });
        });
        let cat = cat.unwrap_or_else(|| Err("the catalogue did not load".into()));
        (discovery, cat, Some(prefetch))
    };
    let cat = cat?;
    cfg.validate(&cat).map_err(|e| e.to_string())?;
    let discovery = discovery.ok_or("the file walk failed")?;
    // On the pool, as everything that allocates from here on: its threads
    // reuse the memory the units freed, where this thread would touch fresh
    // pages (a first write to a page of fresh memory cost up to 5 ms here).
    let result =
        pool.install(|| scan::scan_discovered_with(discovery, prefetch, &opts, &cat, &cfg, &pool));
    Ok(Scanned {
        cfg,
        cat,
        root,
        scope,
        result,
        pool,
    })
}

/// `--repo-context`: keep the findings located in the scope, or with a
/// related location in it (a change there is part of the problem), and the
/// scan problems of files in the scope and of no file.
fn keep_in_scope(result: &mut ScanResult, scope: &[String]) {
    result.findings.retain(|f| {
        in_scope(scope, &f.source.path) || f.related.iter().any(|r| in_scope(scope, &r.source.path))
    });
    result
        .diagnostics
        .retain(|d| d.path.is_empty() || in_scope(scope, &d.path));
    // Files of the context that failed are not reported, so not counted.
    let failed: std::collections::BTreeSet<&str> = result
        .diagnostics
        .iter()
        .filter(|d| !d.path.is_empty() && report::is_file_failure(d))
        .map(|d| d.path.as_str())
        .collect();
    result.stats.files_failed = result.stats.files_failed.min(failed.len());
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

/// Run a command; `positions` are the command-line indices of the `scan`
/// command's `--format` and `--output` values, to pair them.
fn run(cli: Cli, positions: &(Vec<usize>, Vec<usize>)) -> Result<u8, String> {
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
            let Scanned { result, .. } = scan_input(input, false, false)?;
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
            repo_context,
            sarif_category,
            fail_on,
            baseline,
            fail_on_overdue,
            no_color,
            stats,
        } => {
            let (format_at, output_at) = positions;
            let formats: Vec<(usize, Format)> = format_at.iter().copied().zip(format).collect();
            let outputs: Vec<(usize, PathBuf)> = output_at.iter().copied().zip(output).collect();
            let reports = pair_reports(&formats, &outputs)?;
            let baseline = baseline
                .map(|p| Baseline::load(&p).map(|b| (p, b)))
                .transpose()?;
            let Scanned {
                cfg,
                cat,
                root,
                scope,
                mut result,
                pool,
            } = scan_input(input, repo_context, stats)?;
            if let Some((path, b)) = &baseline {
                let label = path.display().to_string();
                let outcome = b.apply(&label, &mut result.findings, &cfg, &|p| in_scope(&scope, p));
                result.baseline = Some(outcome);
            }
            if repo_context {
                keep_in_scope(&mut result, &scope);
            }
            let threshold = match fail_on {
                Some(f) => threshold(f),
                None => cfg
                    .fail_on
                    .map_or(Some(Severity::Low), config::FailOn::threshold),
            };
            let overdue_gate = fail_on_overdue || cfg.fail_on_overdue.unwrap_or(false);
            let opts = ReportOptions {
                color: false,
                fail_on: threshold,
                fail_on_overdue: overdue_gate,
                root_uri: Some(root_uri(&root)),
                category: Some(sarif_category),
                ..ReportOptions::default()
            };
            // Files first, standard output last, so that it ends the run.
            let mut ordered: Vec<&(Format, Option<PathBuf>)> = reports.iter().collect();
            ordered.sort_by_key(|(_, o)| o.as_ref().is_none_or(|p| p.as_os_str() == "-"));
            for (format, output) in ordered {
                let to_stdout = output.as_ref().is_none_or(|p| p.as_os_str() == "-");
                let color = *format == Format::Human
                    && to_stdout
                    && !no_color
                    && std::env::var_os("NO_COLOR").is_none()
                    && std::io::stdout().is_terminal();
                let opts = ReportOptions {
                    color,
                    ..opts.clone()
                };
                pool.install(|| {
                    write_report(output.as_ref(), |w| {
                        report::write(*format, &result, &cat, &opts, w)
                    })
                })?;
            }
            if stats {
                eprint!("{}", stats_text(&result.stats));
            }
            let scanned: usize = result.stats.files.values().sum();
            let code = if scanned == 0 && result.stats.files_failed > 0 {
                eprintln!("bulkhead: nothing could be scanned");
                2
            } else {
                u8::from(report::fails(&result, &opts))
            };
            // The process ends here: freeing the findings, the files they
            // point at and the catalogue one by one took a millisecond of
            // the corpus scan, for memory the system reclaims at once.
            std::mem::forget((result, cat));
            Ok(code)
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
    } = scan_input(input, false, false)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(
        formats: &[(usize, Format)],
        outputs: &[(usize, &str)],
    ) -> Result<Vec<(Format, Option<String>)>, String> {
        let outputs: Vec<(usize, PathBuf)> = outputs
            .iter()
            .map(|(i, p)| (*i, PathBuf::from(p)))
            .collect();
        pair_reports(formats, &outputs).map(|r| {
            r.into_iter()
                .map(|(f, o)| (f, o.map(|p| p.display().to_string())))
                .collect()
        })
    }

    #[test]
    fn each_output_belongs_to_the_format_before_it() {
        // --format sarif --output a.sarif --format github
        assert_eq!(
            pair(
                &[(1, Format::Sarif), (5, Format::Github)],
                &[(3, "a.sarif")]
            ),
            Ok(vec![
                (Format::Sarif, Some("a.sarif".into())),
                (Format::Github, None)
            ])
        );
        // --format github --format sarif --output a.sarif
        assert_eq!(
            pair(
                &[(1, Format::Github), (3, Format::Sarif)],
                &[(5, "a.sarif")]
            ),
            Ok(vec![
                (Format::Github, None),
                (Format::Sarif, Some("a.sarif".into()))
            ])
        );
        // --output r.json --format json: before every format, it is the first one's
        assert_eq!(
            pair(&[(3, Format::Json)], &[(1, "r.json")]),
            Ok(vec![(Format::Json, Some("r.json".into()))])
        );
        // no --format: human, to the output if there is one
        assert_eq!(pair(&[], &[]), Ok(vec![(Format::Human, None)]));
        assert_eq!(
            pair(&[], &[(1, "r.txt")]),
            Ok(vec![(Format::Human, Some("r.txt".into()))])
        );
        // `-` is standard output
        assert_eq!(
            pair(
                &[(1, Format::Json), (5, Format::Github)],
                &[(3, "-"), (7, "g.txt")]
            ),
            Ok(vec![
                (Format::Json, Some("-".into())),
                (Format::Github, Some("g.txt".into()))
            ])
        );
    }

    #[test]
    fn ambiguous_pairings_are_errors() {
        let both = pair(&[(1, Format::Json), (3, Format::Github)], &[]).unwrap_err();
        assert!(
            both.contains("--format json and --format github would both"),
            "{both}"
        );
        let three = pair(
            &[(1, Format::Json), (3, Format::Github), (5, Format::Human)],
            &[],
        )
        .unwrap_err();
        assert!(
            three.contains("--format json, --format github and --format human would all"),
            "{three}"
        );
        let dash = pair(&[(1, Format::Json), (5, Format::Github)], &[(3, "-")]).unwrap_err();
        assert!(dash.contains("standard output"), "{dash}");
        let two = pair(&[(1, Format::Json)], &[(3, "a"), (5, "b")]).unwrap_err();
        assert!(
            two.contains("--output a and --output b both follow --format json"),
            "{two}"
        );
        let same = pair(
            &[(1, Format::Json), (5, Format::Sarif)],
            &[(3, "a"), (7, "a")],
        )
        .unwrap_err();
        assert!(same.contains("--output a is given twice"), "{same}");
    }

    #[test]
    fn scope_is_whole_path_components() {
        let scope = vec!["envs/dev".to_string(), "Dockerfile".to_string()];
        assert!(in_scope(&scope, "envs/dev/main.tf"));
        assert!(in_scope(&scope, "Dockerfile"));
        assert!(!in_scope(&scope, "envs/development/main.tf"));
        assert!(!in_scope(&scope, "images/Dockerfile"));
        assert!(in_scope(&[String::new()], "anything"));
    }
}
