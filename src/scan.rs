//! The scan pipeline: discover files, group them into units, then load,
//! parse and check each unit in parallel, and merge the results in a
//! deterministic order.
//!
//! A unit is a Terraform directory (all `.tf`, `.tf.json` and `.tfvars` files
//! of one folder form one module), or one other file. Each unit is processed
//! on its own and dropped before the next, so memory follows the largest unit,
//! not the repository; only files with findings stay in memory.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::engine::catalogue::Catalogue;
use crate::engine::run::{ActiveCheck, Target, UnitCtx, active_checks, run_target};
use crate::env::config::EnvConfig;
use crate::env::facts::{Collector, Fact};
use crate::env::kustomize::{self, OverlayIndex};
use crate::env::{self, Environment};
use crate::finding::Finding;
use crate::model::{Entry, Node, Value};
use crate::parse::yaml::YamlLimits;
use crate::parse::{dockerfile, kubernetes, terraform, yaml};
use crate::source::{Capped, FileKind, SourceFile, SourceRef, Span, contains};
use crate::walk::{self, Candidate, WalkOptions};

/// Default per-file size cap: 5 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

/// Source text of Terraform folders kept parsed between their reads by
/// different units (their own unit, the units that call them), at most.
const MODULE_CACHE_BYTES: usize = 4 * 1024 * 1024;

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Files or folders to scan.
    pub paths: Vec<PathBuf>,
    /// Repository root: output paths are relative to it.
    pub root: PathBuf,
    /// Worker threads (0 = all cores).
    pub threads: usize,
    /// Count known and unknown Terraform values ([`Stats::terraform_values`],
    /// for `--stats`): a walk of every evaluated body.
    pub value_stats: bool,
}

/// Counts reported with the results.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Files scanned, by kind.
    pub files: BTreeMap<FileKind, usize>,
    /// Kubernetes objects seen.
    pub kubernetes_objects: usize,
    /// Terraform blocks seen.
    pub terraform_blocks: usize,
    /// Dockerfile stages seen.
    pub dockerfile_stages: usize,
    /// Files that could not be scanned.
    pub files_failed: usize,
    /// YAML/JSON files without Kubernetes objects (ignored).
    pub files_not_iac: usize,
    /// Terraform attribute values that evaluated to known values, and why the others did not.
    #[serde(skip)]
    pub terraform_values: crate::terraform::module::ValueStats,
}

/// Everything a scan produced.
#[derive(Debug, Default)]
pub struct ScanResult {
    /// Findings, sorted by path, position and check. Boxed: every unit's
    /// findings are moved into this list at the end of a scan, and moving
    /// pointers instead of whole findings means the list and the units'
    /// results never hold two copies of hundreds of thousands of findings.
    pub findings: Vec<Box<Finding>>,
    /// Scan problems, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts.
    pub stats: Stats,
    /// Repository root used for relative paths.
    pub root: PathBuf,
    /// The environment of every unit, with its evidence (`bulkhead envs`).
    pub environments: Vec<EnvRecord>,
    /// What the baseline given with `--baseline` hid and which of its entries are fixed.
    pub baseline: Option<crate::baseline::Outcome>,
}

/// The environment assigned to one unit.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct EnvRecord {
    /// What the unit is: `terraform`, `terragrunt`, `kustomize-overlay`,
    /// `kubernetes`, `dockerfile`, `helm-values`.
    pub kind: &'static str,
    /// The unit: a folder, a file, or a folder with its variable file.
    pub unit: String,
    /// Its environment and the evidence.
    #[serde(flatten)]
    pub environment: EnvSummary,
}

/// An environment as recorded for a unit.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct EnvSummary {
    /// Class.
    pub class: String,
    /// Name, when known.
    pub name: Option<String>,
    /// Evidence, strongest first (`kind: detail @ path:line`).
    pub evidence: Vec<String>,
}

impl From<&Environment> for EnvSummary {
    fn from(e: &Environment) -> Self {
        EnvSummary {
            class: e.class.as_str().to_string(),
            name: e.name.clone(),
            evidence: e
                .evidence
                .iter()
                .map(|ev| match ev.line {
                    Some(l) => format!("{}: {} @ {}:{l}", ev.kind, ev.detail, ev.path),
                    None => format!("{}: {} @ {}", ev.kind, ev.detail, ev.path),
                })
                .collect(),
        }
    }
}

/// A group of files checked together.
#[derive(Debug)]
enum Unit {
    TerraformDir(String, Vec<Candidate>),
    File(Candidate),
}

#[derive(Default)]
struct UnitResult {
    findings: Vec<Finding>,
    /// `findings`, boxed once the unit is done (see [`ScanResult::findings`]).
    #[expect(clippy::vec_box, reason = "the merge moves pointers, not findings")]
    boxed: Vec<Box<Finding>>,
    diagnostics: Vec<Diagnostic>,
    stats: Stats,
    facts: Vec<Fact>,
    /// Namespace facts of Kubernetes objects (default-deny egress, BH0544).
    egress: Vec<crate::project::egress::Fact>,
    environments: Vec<EnvRecord>,
    /// Files that may hold suppressions (kept for the suppression pass).
    suppression_sources: Vec<SourceRef>,
}

impl UnitResult {
    fn record(&mut self, kind: &'static str, unit: String, env: &Environment) {
        self.environments.push(EnvRecord {
            kind,
            unit,
            environment: EnvSummary::from(env),
        });
    }
}

/// Run a scan.
///
/// # Errors
/// A thread pool that cannot be built.
pub fn scan(
    opts: &ScanOptions,
    catalogue: &Catalogue,
    config: &Config,
) -> Result<ScanResult, String> {
    let pool = thread_pool(opts)?;
    Ok(scan_discovered(
        discover(opts, config),
        opts,
        catalogue,
        config,
        &pool,
    ))
}

/// The threads a scan runs on (`opts.threads`, or one per core), with stacks
/// deep enough for nested modules. The command line also loads the
/// catalogue and renders the reports on them rather than on more threads:
/// a thread's first allocations take fresh memory for a heap of its own,
/// and a second pool takes time to start.
///
/// # Errors
/// A thread pool that cannot be built.
pub fn thread_pool(opts: &ScanOptions) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(thread_count(opts))
        .stack_size(16 * 1024 * 1024)
        .build()
        .map_err(|e| e.to_string())
}

/// The worker threads a scan uses.
fn thread_count(opts: &ScanOptions) -> usize {
    if opts.threads == 0 {
        std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
    } else {
        opts.threads
    }
}

/// The first step of a scan: find the files to scan. It needs neither the
/// catalogue nor the checks, so it can run while they load.
#[must_use]
pub fn discover(opts: &ScanOptions, config: &Config) -> walk::Discovery {
    discover_each(opts, config, &|_| {})
}

/// [`discover`], handing each file to `found` as soon as it is found
/// ([`walk::discover_each`]): to feed [`ModuleCalls`] while the walk runs.
#[must_use]
pub fn discover_each(
    opts: &ScanOptions,
    config: &Config,
    found: &(dyn Fn(&Candidate) + Sync),
) -> walk::Discovery {
    walk::discover_each(
        &opts.paths,
        &WalkOptions {
            root: opts.root.clone(),
            threads: thread_count(opts),
            exclude: config.exclude.clone(),
        },
        found,
    )
}

/// The local module calls of the Terraform folders, read from the text of
/// their files before anything is parsed: which folders other units call,
/// so that a shared folder is parsed once and dropped after its last use
/// ([`crate::terraform::module::folder_uses`]). Fed file by file, from any
/// thread ([`ModuleCalls::add`]).
pub struct ModuleCalls {
    max_size: u64,
    paths: crate::terraform::module::CanonicalPaths,
    /// By folder as walked (the unit's path): its canonical path and the
    /// canonical folders its files call.
    folders: std::sync::Mutex<BTreeMap<String, (PathBuf, Vec<PathBuf>)>>,
}

impl ModuleCalls {
    /// An empty index for a scan with `config` (its file size cap).
    #[must_use]
    pub fn new(config: &Config) -> Self {
        ModuleCalls {
            max_size: config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            paths: crate::terraform::module::CanonicalPaths::default(),
            folders: std::sync::Mutex::new(BTreeMap::new()),
        }
    }

    /// Whether [`ModuleCalls::add`] does anything with a file: Terraform
    /// module files only.
    #[must_use]
    pub fn wants(c: &Candidate) -> bool {
        c.kind.is_terraform()
    }

    /// Record a file: its folder is a unit's, and the local `source`
    /// arguments of a `.tf` file (read under the size cap; a file over it is
    /// not scanned, so its calls do not count) are calls of that folder.
    pub fn add(&self, c: &Candidate) {
        use crate::terraform::module::local_sources;
        let (Some(disk_dir), true) = (c.path.parent(), Self::wants(c)) else {
            return;
        };
        let mut targets: Vec<PathBuf> = Vec::new();
        if c.kind == FileKind::Terraform {
            if let Some(text) = crate::source::read_text_capped(&c.path, self.max_size) {
                targets.extend(local_sources(&text).map(|s| self.paths.get(&disk_dir.join(s))));
            }
        }
        // Resolved once per folder (the paths are cached), outside the lock.
        let canonical = self.paths.get(disk_dir);
        self.lock()
            .entry(parent_dir(&c.rel).to_string())
            .or_insert_with(|| (canonical, Vec::new()))
            .1
            .extend(targets);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, (PathBuf, Vec<PathBuf>)>> {
        // Never held across code that can panic: a poisoned map is consistent.
        self.folders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many units read each folder, and the canonical paths resolved.
    fn uses(
        self,
    ) -> (
        std::collections::HashMap<PathBuf, usize>,
        crate::terraform::module::CanonicalPaths,
    ) {
        let folders = self
            .folders
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let dirs: Vec<PathBuf> = folders.values().map(|(d, _)| d.clone()).collect();
        let calls = folders
            .into_values()
            .filter(|(_, t)| !t.is_empty())
            .map(|(d, mut t)| {
                t.sort_unstable();
                t.dedup();
                (d, t)
            })
            .collect();
        (
            crate::terraform::module::folder_uses(&dirs, &calls),
            self.paths,
        )
    }
}

/// The work of a scan that can start before the walk ends, done by the pool
/// while it waits for it ([`discover_each`] hands over the files as they are
/// found): the module calls of the Terraform files ([`ModuleCalls`]), the
/// kustomizations, and, once the catalogue is loaded, the active checks.
pub struct Prefetch {
    calls: ModuleCalls,
    /// Parsed kustomizations by path, in the order they were found.
    kustomizations: std::sync::Mutex<Vec<(String, kustomize::Kustomization)>>,
    checks: std::sync::OnceLock<(Vec<ActiveCheck>, Dispatch)>,
}

impl Prefetch {
    /// Nothing read yet, for a scan with `config`.
    #[must_use]
    pub fn new(config: &Config) -> Self {
        Prefetch {
            calls: ModuleCalls::new(config),
            kustomizations: std::sync::Mutex::new(Vec::new()),
            checks: std::sync::OnceLock::new(),
        }
    }

    /// Whether [`Prefetch::add`] does anything with a file.
    #[must_use]
    pub fn wants(c: &Candidate) -> bool {
        ModuleCalls::wants(c) || c.kind == FileKind::Kustomization
    }

    /// Read what a file found by the walk contributes (from any thread).
    pub fn add(&self, c: &Candidate) {
        if ModuleCalls::wants(c) {
            self.calls.add(c);
        } else if c.kind == FileKind::Kustomization {
            if let Some(k) = load(c, self.calls.max_size)
                .ok()
                .and_then(|src| kustomize::parse(&src))
            {
                self.kustomizations
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((c.rel.clone(), k));
            }
        }
    }

    /// Select and sort the active checks of `config` once the catalogue
    /// is loaded.
    pub fn prepare_checks(&self, catalogue: &Catalogue, config: &Config) {
        self.checks
            .get_or_init(|| prepared_checks(catalogue, config));
    }

    /// The overlay index of the kustomizations read, taken in path order
    /// (as [`overlay_index`] takes them).
    fn overlays(found: std::sync::Mutex<Vec<(String, kustomize::Kustomization)>>) -> OverlayIndex {
        let mut list = found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        list.sort_by(|a, b| a.0.cmp(&b.0));
        list.dedup_by(|a, b| a.0 == b.0);
        OverlayIndex::build(list.into_iter().map(|(_, k)| k).collect())
    }
}

/// The active checks of `config` and their dispatch by target.
fn prepared_checks(catalogue: &Catalogue, config: &Config) -> (Vec<ActiveCheck>, Dispatch) {
    let checks = active_checks(catalogue, config);
    let dispatch = Dispatch::new(&checks);
    (checks, dispatch)
}

/// Run a scan, on `pool` ([`thread_pool`]), of the files [`discover`] found
/// with the same options.
#[must_use]
pub fn scan_discovered(
    discovery: walk::Discovery,
    opts: &ScanOptions,
    catalogue: &Catalogue,
    config: &Config,
    pool: &rayon::ThreadPool,
) -> ScanResult {
    scan_discovered_with(discovery, None, opts, catalogue, config, pool)
}

/// [`scan_discovered`] with the work done while the walk ran (fed the files
/// of `discovery`, see [`Prefetch`]); `None` does it all after the walk.
#[must_use]
pub fn scan_discovered_with(
    discovery: walk::Discovery,
    prefetch: Option<Prefetch>,
    opts: &ScanOptions,
    catalogue: &Catalogue,
    config: &Config,
    pool: &rayon::ThreadPool,
) -> ScanResult {
    let env_cfg = crate::env::config::from(config);
    let (calls, early) = match prefetch {
        Some(p) => (
            Some(p.calls),
            Some((Prefetch::overlays(p.kustomizations), p.checks.into_inner())),
        ),
        None => (None, None),
    };
    let prepare = || prepared_checks(catalogue, config);
    let (overlays, (checks, dispatch)) = match early {
        Some((overlays, Some(prepared))) => (overlays, prepared),
        Some((overlays, None)) => (overlays, prepare()),
        // Reading the kustomizations (a hundred files in the corpus) beside
        // preparing the checks.
        None => pool.install(|| rayon::join(|| overlay_index(&discovery.files, config), prepare)),
    };
    let units = group(discovery.files);
    let max_size = config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
    use crate::terraform::module::{CanonicalPaths, ModuleCache};
    let ctx = |modules| ProcessCtx {
        max_size,
        root: &opts.root,
        env_cfg: &env_cfg,
        overlays: &overlays,
        limits: &config.limits,
        deadline: None,
        modules,
        today: config.today(),
        value_stats: opts.value_stats,
    };
    // Terraform folders need to know, before the first is scanned, which
    // module folders other units call (so a shared folder is parsed once and
    // dropped after its last use): that pre-pass reads every `.tf` file.
    // Unless it ran during the walk ([`Prefetch`]), it runs beside the other
    // units (YAML, Dockerfiles, ...), which do not call modules; the
    // Terraform folders follow, in path order.
    let (tf_units, other_units): (Vec<usize>, Vec<usize>) =
        (0..units.len()).partition(|&i| matches!(units[i], Unit::TerraformDir(..)));
    let no_modules = ModuleCache::new(
        0,
        std::collections::HashMap::new(),
        CanonicalPaths::default(),
    );
    // Units are split one by one between the threads (`with_max_len(1)`):
    // left to itself, rayon hands a thread a run of neighbouring units it
    // cannot give away once started, and at the end of the corpus's
    // Terraform folders one thread ran sixty small module folders alone for
    // 23 ms while the other waited. Neighbours still mostly run on the same
    // thread (each thread takes half of what is left): a queue that dealt
    // units out one at a time in turn cost 6 % more CPU.
    let others = || {
        let pctx = ctx(&no_modules);
        other_units
            .par_iter()
            .with_max_len(1)
            .map(|&i| process_guarded(&units[i], &dispatch, &pctx))
            .collect::<Vec<_>>()
    };
    let ((uses, paths), other_results) = pool.install(|| match calls {
        Some(calls) => (calls.uses(), others()),
        None => rayon::join(|| terraform_folder_uses(&units, config), others),
    });
    let modules = ModuleCache::new(MODULE_CACHE_BYTES, uses, paths);
    let tf_results: Vec<UnitResult> = pool.install(|| {
        let pctx = ctx(&modules);
        tf_units
            .par_iter()
            .with_max_len(1)
            .map(|&i| process_guarded(&units[i], &dispatch, &pctx))
            .collect()
    });
    let all = || other_results.iter().chain(&tf_results);
    let mut out = ScanResult {
        diagnostics: discovery.diagnostics,
        root: opts.root.clone(),
        ..ScanResult::default()
    };
    // Exact sizes: at a hundred thousand files, growing by doubling left up to
    // half of the largest vectors unused.
    let mut facts: Vec<Fact> = Vec::with_capacity(all().map(|r| r.facts.len()).sum());
    let mut egress: Vec<crate::project::egress::Fact> =
        Vec::with_capacity(all().map(|r| r.egress.len()).sum());
    let mut suppression_sources: Vec<SourceRef> = Vec::new();
    out.findings
        .reserve_exact(all().map(|r| r.boxed.len()).sum());
    out.environments
        .reserve_exact(all().map(|r| r.environments.len()).sum());
    // Back in unit order.
    let mut others = other_units.into_iter().zip(other_results).peekable();
    let mut tfs = tf_units.into_iter().zip(tf_results).peekable();
    let in_order = std::iter::from_fn(|| match (others.peek(), tfs.peek()) {
        (Some((a, _)), Some((b, _))) if a < b => others.next(),
        (_, Some(_)) => tfs.next(),
        (Some(_), None) => others.next(),
        (None, None) => None,
    });
    for (_, r) in in_order {
        suppression_sources.extend(r.suppression_sources);
        facts.extend(r.facts);
        egress.extend(r.egress);
        out.environments.extend(r.environments);
        out.findings.extend(r.boxed);
        out.diagnostics.extend(r.diagnostics);
        for (k, n) in r.stats.files {
            *out.stats.files.entry(k).or_default() += n;
        }
        out.stats.kubernetes_objects += r.stats.kubernetes_objects;
        out.stats.terraform_blocks += r.stats.terraform_blocks;
        out.stats.dockerfile_stages += r.stats.dockerfile_stages;
        out.stats.files_failed += r.stats.files_failed;
        out.stats.files_not_iac += r.stats.files_not_iac;
        out.stats.terraform_values.merge(&r.stats.terraform_values);
    }
    // Leaf overlays carry their own environment. (A set: testing every
    // overlay against every rendering was quadratic in the repository size.)
    let rendering_overlays: std::collections::HashSet<&str> = overlays
        .renderings
        .values()
        .flatten()
        .map(|r| r.overlay.as_str())
        .collect();
    for k in overlays.kustomizations.values() {
        if rendering_overlays.contains(k.dir.as_str()) {
            let e = env::infer::overlay(&env_cfg, k);
            out.environments.push(EnvRecord {
                kind: "kustomize-overlay",
                unit: k.dir.clone(),
                environment: EnvSummary::from(&e),
            });
        }
    }
    out.environments.sort();
    out.environments.dedup();
    facts.sort_by(|a, b| {
        (&a.source.path, a.span.start, a.kind).cmp(&(&b.source.path, b.span.start, b.kind))
    });
    out.findings.extend(
        env::rules::run(&facts, &checks, &env_cfg)
            .into_iter()
            .map(Box::new),
    );
    // Namespaces are judged on whole folders: a scan of single files (a
    // pre-commit run without `--repo-context`) does not see the policies.
    if opts.paths.iter().any(|p| p.is_dir()) {
        out.findings.extend(
            crate::project::egress::run(&egress, &checks)
                .into_iter()
                .map(Box::new),
        );
    }
    out.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
    crate::suppress::apply(
        &mut out.findings,
        &mut out.diagnostics,
        &suppression_sources,
        catalogue,
        config,
    );
    crate::sla::assign(
        &mut out.findings,
        &config.application,
        config.today(),
        &|_| None,
    );
    out.diagnostics.sort();
    out.diagnostics.dedup();
    out
}

/// Sub-folders whose variable files belong to the module in the folder above.
pub const TFVARS_FOLDERS: &[&str] = &[
    "env",
    "envs",
    "environments",
    "config",
    "configs",
    "vars",
    "tfvars",
    "variables",
];

fn parent_dir(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

/// How many units will read each Terraform folder, read from the files of
/// the units ([`ModuleCalls`]).
fn terraform_folder_uses(
    units: &[Unit],
    config: &Config,
) -> (
    std::collections::HashMap<PathBuf, usize>,
    crate::terraform::module::CanonicalPaths,
) {
    let calls = ModuleCalls::new(config);
    units.par_iter().for_each(|u| {
        if let Unit::TerraformDir(_, files) = u {
            files.iter().for_each(|c| calls.add(c));
        }
    });
    calls.uses()
}

/// The folder on disk of a Terraform unit: that of its first module file.
fn terraform_folder(files: &[Candidate]) -> Option<&std::path::Path> {
    files
        .iter()
        .find(|c| c.kind.is_terraform())
        .and_then(|c| c.path.parent())
}

fn group(files: Vec<Candidate>) -> Vec<Unit> {
    let module_dirs: std::collections::BTreeSet<String> = files
        .iter()
        .filter(|c| c.kind.is_terraform())
        .map(|c| parent_dir(&c.rel).to_string())
        .collect();
    let mut tf_dirs: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    let mut units = Vec::new();
    for c in files {
        match c.kind {
            FileKind::Terraform | FileKind::TerraformJson => {
                tf_dirs
                    .entry(parent_dir(&c.rel).to_string())
                    .or_default()
                    .push(c);
            }
            FileKind::Tfvars | FileKind::TfvarsJson => {
                // Variable files go to the module of their folder, or of the folder
                // above when they sit in an `env/`, `config/`, ... sub-folder.
                let dir = parent_dir(&c.rel);
                let last = dir.rsplit('/').next().unwrap_or(dir);
                let owner = if module_dirs.contains(dir) {
                    dir.to_string()
                } else if TFVARS_FOLDERS.contains(&last) && module_dirs.contains(parent_dir(dir)) {
                    parent_dir(dir).to_string()
                } else {
                    dir.to_string()
                };
                tf_dirs.entry(owner).or_default().push(c);
            }
            _ => units.push(Unit::File(c)),
        }
    }
    units.extend(
        tf_dirs
            .into_iter()
            .map(|(dir, files)| Unit::TerraformDir(dir, files)),
    );
    units
}

/// Read a file with the size cap, refusing binary and non-UTF-8 content.
///
/// # Errors
/// A diagnostic saying why the file was not read.
pub fn load(c: &Candidate, max_size: u64) -> Result<SourceRef, Diagnostic> {
    let bytes = match crate::source::read_capped(&c.path, max_size) {
        Ok(Capped::Bytes(bytes)) => bytes,
        Ok(Capped::TooLarge(size)) => {
            let size = size.map_or(String::new(), |n| format!("{n} bytes, "));
            return Err(Diagnostic::file(
                &c.rel,
                DiagLevel::Warning,
                "too-large",
                format!("file is {size}over the {max_size}-byte limit; not scanned"),
            ));
        }
        Err(e) => {
            return Err(Diagnostic::file(
                &c.rel,
                DiagLevel::Error,
                "unreadable",
                format!("cannot read file: {e}"),
            ));
        }
    };
    source_from_bytes(c.rel.clone(), c.path.clone(), c.kind, bytes)
}

/// Build a source file from raw bytes.
///
/// # Errors
/// Binary content (NUL bytes) or invalid UTF-8, with the position.
pub fn source_from_bytes(
    rel: String,
    path: PathBuf,
    kind: FileKind,
    mut bytes: Vec<u8>,
) -> Result<SourceRef, Diagnostic> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(Diagnostic::file(
            &rel,
            DiagLevel::Error,
            "binary",
            "file holds binary data (NUL bytes); not scanned".into(),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            return Err(Diagnostic::at(
                &rel,
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
                DiagLevel::Error,
                "not-utf8",
                format!("file is not valid UTF-8 (invalid byte at offset {valid}); not scanned"),
            ));
        }
    };
    Ok(Arc::new(SourceFile::new(rel, path, kind, text)))
}

fn parse_error(src: &SourceFile, offset: usize, message: &str) -> Diagnostic {
    let lc = src.line_col(u32::try_from(offset).unwrap_or(u32::MAX));
    Diagnostic::at(
        &src.path,
        lc.line,
        lc.column,
        DiagLevel::Error,
        "parse-error",
        format!("cannot parse: {message}"),
    )
}

/// Process a unit; an internal error in one unit becomes a diagnostic for it
/// and never costs the findings of the others.
fn process_guarded(unit: &Unit, checks: &Dispatch, ctx: &ProcessCtx<'_>) -> UnitResult {
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut r = process(unit, checks, ctx);
        keep_excerpts(&mut r);
        r
    }));
    match checked {
        Ok(mut r) => {
            // Every unit's results stay alive until the merge: they keep no
            // spare capacity (four slots for one finding), and the findings
            // are boxed so that the merge moves pointers. Into a new vector:
            // `collect` would reuse the findings' buffer in place, and keep
            // its 168 bytes per finding alive for an 8-byte pointer.
            let findings = std::mem::take(&mut r.findings);
            r.boxed = Vec::with_capacity(findings.len());
            r.boxed.extend(findings.into_iter().map(Box::new));
            r.facts.shrink_to_fit();
            r.egress.shrink_to_fit();
            r.environments.shrink_to_fit();
            r.diagnostics.shrink_to_fit();
            r
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            let path = match unit {
                Unit::TerraformDir(dir, _) => dir.clone(),
                Unit::File(c) => c.rel.clone(),
            };
            let mut r = UnitResult::default();
            r.diagnostics.push(Diagnostic::file(
                &path,
                DiagLevel::Error,
                "internal-error",
                format!("internal error while checking this input ({what}); please report it"),
            ));
            r
        }
    }
}

fn process(unit: &Unit, checks: &Dispatch, ctx: &ProcessCtx<'_>) -> UnitResult {
    let max_size = ctx.max_size;
    let timeout = ctx.limits.unit_timeout();
    let ctx = &ProcessCtx {
        deadline: timeout.map(|t| Instant::now() + t),
        ..*ctx
    };
    let mut r = UnitResult::default();
    match unit {
        Unit::TerraformDir(dir, files) => process_terraform(dir, files, checks, ctx, &mut r),
        Unit::File(c) => match load(c, max_size).inspect(|src| keep_suppressions(src, &mut r)) {
            Err(d) => {
                r.stats.files_failed += 1;
                r.diagnostics.push(d);
            }
            Ok(src) => match c.kind {
                FileKind::Dockerfile => process_dockerfile(&src, checks, ctx, &mut r),
                FileKind::Hcl => process_hcl(&src, checks, ctx, &mut r),
                _ => process_yaml(&src, checks, ctx, &mut r),
            },
        },
    }
    if ctx.expired()
        && !r
            .diagnostics
            .iter()
            .any(|d| d.message.contains(TIMEOUT_KEY))
    {
        let path = match unit {
            Unit::TerraformDir(dir, _) if dir.is_empty() => ".".to_string(),
            Unit::TerraformDir(dir, _) => dir.clone(),
            Unit::File(c) => c.rel.clone(),
        };
        r.diagnostics.push(Diagnostic::file(
            &path,
            DiagLevel::Warning,
            "limit",
            timeout_message(timeout),
        ));
    }
    // Keep only the findings; the unit's sources are released with them.
    r
}

/// A diagnostic for an HCL syntax error.
fn hcl_error(src: &SourceFile, e: &terraform::HclError) -> Diagnostic {
    parse_error(src, e.offset, &e.message)
}

/// The `[limits]` key of the per-unit timeout.
const TIMEOUT_KEY: &str = "limits.unit_timeout";

fn timeout_message(timeout: Option<std::time::Duration>) -> String {
    format!(
        "checking this unit took longer than {} s ({TIMEOUT_KEY}); it was stopped and its findings may be incomplete",
        timeout.map_or(0.0, |t| t.as_secs_f64())
    )
}

/// A diagnostic for a YAML error: `limit` when a limit was hit, `parse-error` otherwise.
fn yaml_error(
    src: &SourceFile,
    e: &yaml::YamlError,
    timeout: Option<std::time::Duration>,
) -> Diagnostic {
    match e.limit {
        None => parse_error(src, e.offset, &e.message),
        Some(key) => {
            let lc = src.line_col(u32::try_from(e.offset).unwrap_or(u32::MAX));
            let message = if key == "unit_timeout" {
                timeout_message(timeout)
            } else {
                format!("{} (limits.{key}); not checked", e.message)
            };
            Diagnostic::at(
                &src.path,
                lc.line,
                lc.column,
                DiagLevel::Warning,
                "limit",
                message,
            )
        }
    }
}

/// Diagnostics for the limits that stopped part of a Terraform evaluation.
fn eval_limit_diagnostics(
    hits: &[crate::terraform::eval::LimitHit],
    sources: &[SourceRef],
    timeout: Option<std::time::Duration>,
    out: &mut Vec<Diagnostic>,
) {
    for h in hits {
        let Some(src) = sources.get(h.file as usize) else {
            continue;
        };
        let lc = src.line_col(h.span.start);
        let message = if h.key == "unit_timeout" {
            timeout_message(timeout)
        } else {
            format!("{} (limits.{})", h.message, h.key)
        };
        out.push(Diagnostic::at(
            &src.path,
            lc.line,
            lc.column,
            DiagLevel::Warning,
            "limit",
            message,
        ));
    }
}

/// Cut the files the unit's results point at down to the lines they point
/// at ([`SourceFile::excerpt`]): the results live until the reports are
/// written, and the whole files with them (on the corpus, 14 MB of text for
/// a few thousand findings). A file the unit no longer points at is dropped
/// with the unit; a Terraform module file may stay whole a while longer in
/// the module cache.
fn keep_excerpts(r: &mut UnitResult) {
    type Key = *const SourceFile;
    let mut spans: crate::hashing::Map<Key, (SourceRef, Vec<Span>)> =
        crate::hashing::Map::default();
    let mut add = |src: &SourceRef, span: Span| {
        spans
            .entry(Arc::as_ptr(src))
            .or_insert_with(|| (Arc::clone(src), Vec::new()))
            .1
            .push(span);
    };
    for f in &r.findings {
        add(&f.source, f.span);
        for rel in &f.related {
            add(&rel.source, rel.span);
        }
    }
    for f in &r.facts {
        add(&f.source, f.span);
    }
    for f in &r.egress {
        add(&f.source, f.span);
    }
    let cut: crate::hashing::Map<Key, SourceRef> = spans
        .into_iter()
        .filter_map(|(k, (src, spans))| Some((k, Arc::new(src.excerpt(spans)?))))
        .collect();
    if cut.is_empty() {
        return;
    }
    let swap = |src: &mut SourceRef| {
        if let Some(e) = cut.get(&Arc::as_ptr(src)) {
            *src = Arc::clone(e);
        }
    };
    for f in &mut r.findings {
        swap(&mut f.source);
        f.related.iter_mut().for_each(|rel| swap(&mut rel.source));
    }
    r.facts.iter_mut().for_each(|f| swap(&mut f.source));
    r.egress.iter_mut().for_each(|f| swap(&mut f.source));
}

/// Keep a file that may hold suppressions for the suppression pass.
fn keep_suppressions(src: &SourceRef, r: &mut UnitResult) {
    if src.mentions_suppression() {
        r.suppression_sources.push(Arc::clone(src));
    }
}

/// The active checks split by what they look at, so that a target meets only
/// the checks that may select it (a Terraform resource meets the checks of its
/// type and the generic Terraform checks, never the Kubernetes ones).
/// `run_target` still confirms each selector.
struct Dispatch {
    /// Terraform checks that select exact block types, one map per block kind
    /// (resource, data, provider): type → checks.
    tf_typed: [crate::hashing::Map<String, Vec<ActiveCheck>>; 3],
    /// Other Terraform checks (`terraform.module`, `terraform.block:KIND`,
    /// wildcards), by the kind of block they may select (`resource`,
    /// `module`, ...): on the corpus, testing each against every block took
    /// a million selector tests.
    tf_other: crate::hashing::Map<String, Vec<ActiveCheck>>,
    /// Kubernetes checks.
    k8s: Vec<ActiveCheck>,
    /// Dockerfile checks.
    docker: Vec<ActiveCheck>,
    /// Whether namespace facts are collected (BH0544 is active).
    egress: bool,
}

impl Dispatch {
    fn new(checks: &[ActiveCheck]) -> Self {
        use crate::engine::catalogue::TargetKind as K;
        let mut d = Dispatch {
            tf_typed: Default::default(),
            tf_other: crate::hashing::Map::default(),
            k8s: Vec::new(),
            docker: Vec::new(),
            egress: checks
                .iter()
                .any(|c| c.check.id == crate::project::egress::CHECK_ID),
        };
        for ac in checks {
            let targets = &ac.check.targets;
            let typed = |t: &K| -> Option<(usize, String)> {
                let (kind, ty) = match t {
                    K::TfResource(Some(ty)) => (0, ty),
                    K::TfData(Some(ty)) => (1, ty),
                    K::TfProvider(Some(ty)) => (2, ty),
                    _ => return None,
                };
                (!ty.ends_with('*')).then(|| (kind, ty.clone()))
            };
            let is_tf = |t: &K| {
                matches!(
                    t,
                    K::TfResource(_)
                        | K::TfData(_)
                        | K::TfProvider(_)
                        | K::TfModule
                        | K::TfBlock(_)
                )
            };
            if targets.iter().any(is_tf) {
                if targets
                    .iter()
                    .filter(|t| is_tf(t))
                    .all(|t| typed(t).is_some())
                {
                    for (kind, ty) in targets.iter().filter_map(typed) {
                        d.tf_typed[kind].entry(ty).or_default().push(ac.clone());
                    }
                } else {
                    let mut kinds: Vec<&str> = targets
                        .iter()
                        .filter_map(|t| match t {
                            K::TfResource(_) => Some("resource"),
                            K::TfData(_) => Some("data"),
                            K::TfProvider(_) => Some("provider"),
                            K::TfModule => Some("module"),
                            K::TfBlock(kind) => Some(kind.as_str()),
                            _ => None,
                        })
                        .collect();
                    kinds.sort_unstable();
                    kinds.dedup();
                    for kind in kinds {
                        d.tf_other
                            .entry(kind.to_string())
                            .or_default()
                            .push(ac.clone());
                    }
                }
            }
            if targets
                .iter()
                .any(|t| matches!(t, K::K8sObject(_) | K::K8sPod | K::K8sContainer))
            {
                d.k8s.push(ac.clone());
            }
            if targets.iter().any(|t| {
                matches!(
                    t,
                    K::DockerFile | K::DockerStage | K::DockerFinalStage | K::DockerInstruction(_)
                )
            }) {
                d.docker.push(ac.clone());
            }
        }
        d
    }

    /// Run the checks that may select a Terraform block.
    fn tf_block(
        &self,
        unit: &UnitCtx<'_>,
        b: &crate::model::terraform::Block,
        out: &mut Vec<Finding>,
    ) {
        let kind = match b.kind.as_str() {
            "resource" => Some(0),
            "data" => Some(1),
            "provider" => Some(2),
            _ => None,
        };
        if let Some(typed) = kind.and_then(|k| self.tf_typed[k].get(b.label(0).unwrap_or(""))) {
            run_target(typed, unit, &Target::TfBlock(b), out);
        }
        if let Some(other) = self.tf_other.get(b.kind.as_str()) {
            run_target(other, unit, &Target::TfBlock(b), out);
        }
    }
}

/// What every unit needs to know.
#[derive(Clone, Copy)]
struct ProcessCtx<'a> {
    max_size: u64,
    root: &'a std::path::Path,
    env_cfg: &'a EnvConfig,
    overlays: &'a OverlayIndex,
    limits: &'a crate::config::Limits,
    /// When the current unit must stop.
    deadline: Option<Instant>,
    /// Called Terraform modules, parsed once per scan.
    modules: &'a crate::terraform::module::ModuleCache,
    /// The date checks judge expiry and age against.
    today: crate::date::Date,
    /// Count Terraform values (see [`ScanOptions::value_stats`]).
    value_stats: bool,
}

impl ProcessCtx<'_> {
    /// Whether the current unit ran out of time.
    fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    fn yaml_limits(&self) -> YamlLimits {
        self.limits.yaml(self.deadline)
    }
}

/// Read every kustomization first, so that an overlay's environment reaches
/// the manifests it renders.
fn overlay_index(files: &[Candidate], config: &Config) -> OverlayIndex {
    let max = config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
    let list = files
        .par_iter()
        .filter(|c| c.kind == FileKind::Kustomization)
        .filter_map(|c| load(c, max).ok())
        .filter_map(|src| kustomize::parse(&src))
        .collect();
    OverlayIndex::build(list)
}

fn tfvars_values(src: &SourceRef, idx: u32, ctx: &ProcessCtx<'_>) -> Result<Node, Diagnostic> {
    if src.kind == FileKind::TfvarsJson {
        let loaded = yaml::load(src, idx, ctx.yaml_limits())
            .map_err(|e| yaml_error(src, &e, ctx.limits.unit_timeout()))?;
        return Ok(loaded.documents.into_iter().next().map_or_else(
            || Node::new(Span::default(), Value::Map(vec![])),
            |d| d.root,
        ));
    }
    terraform::parse_hcl(&src.text, idx)
        .map(|f| f.attributes)
        .map_err(|e| hcl_error(src, &e))
}

/// Whether a variable file is always loaded (`terraform.tfvars`, `*.auto.tfvars`)
/// rather than being one variant among several.
fn is_base_tfvars(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    matches!(name, "terraform.tfvars" | "terraform.tfvars.json")
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
}

fn process_terraform(
    dir: &str,
    files: &[Candidate],
    checks: &Dispatch,
    ctx: &ProcessCtx<'_>,
    r: &mut UnitResult,
) {
    use crate::terraform::module::{self, DiskLoader, EvalOptions, FileTable, ModuleSource};
    let mut table = FileTable::default();
    let disk_dir =
        terraform_folder(files).map_or_else(|| ctx.root.join(dir), std::path::Path::to_path_buf);
    let mut root = ModuleSource {
        dir: dir.to_string(),
        disk_dir,
        ..ModuleSource::default()
    };
    let mut base: Vec<(String, Node)> = Vec::new();
    let mut variants: Vec<(String, Node)> = Vec::new();
    let disk = DiskLoader {
        root: ctx.root,
        max_size: ctx.max_size,
    };
    // When other units read this folder too (they call it as a module), it
    // is parsed once for all of them: take it from the shared cache, if it
    // holds exactly this unit's Terraform files.
    let shared = if ctx.modules.expects(&root.disk_dir) {
        ctx.modules.dir(&root.disk_dir, &disk).filter(|p| {
            let mut theirs: Vec<&str> = p.files().collect();
            let mut ours: Vec<&str> = files
                .iter()
                .filter(|c| c.kind.is_terraform())
                .map(|c| c.rel.as_str())
                .collect();
            theirs.sort_unstable();
            ours.sort_unstable();
            theirs == ours
        })
    } else {
        None
    };
    for c in files {
        if let Some((src, parsed)) = shared
            .as_ref()
            .filter(|_| c.kind.is_terraform())
            .and_then(|p| p.add_file(&c.rel, &mut root, &mut table, &mut r.diagnostics))
        {
            keep_suppressions(&src, r);
            if parsed {
                *r.stats.files.entry(c.kind).or_default() += 1;
            } else {
                r.stats.files_failed += 1;
            }
            continue;
        }
        let src = match load(c, ctx.max_size) {
            Ok(s) => {
                keep_suppressions(&s, r);
                s
            }
            Err(d) => {
                r.stats.files_failed += 1;
                r.diagnostics.push(d);
                continue;
            }
        };
        let idx = table.add(Arc::clone(&src));
        match c.kind {
            FileKind::Terraform | FileKind::TerraformJson => {
                if module::add_file(&mut root, idx, &src, &mut r.diagnostics) {
                    *r.stats.files.entry(c.kind).or_default() += 1;
                } else {
                    r.stats.files_failed += 1;
                }
            }
            _ => match tfvars_values(&src, idx, ctx) {
                Ok(values) => {
                    *r.stats.files.entry(c.kind).or_default() += 1;
                    if is_base_tfvars(&c.rel) {
                        base.push((c.rel.clone(), values));
                    } else {
                        variants.push((c.rel.clone(), values));
                    }
                }
                Err(d) => {
                    r.stats.files_failed += 1;
                    r.diagnostics.push(d);
                }
            },
        }
    }
    if root.files.is_empty() && root.json_blocks.is_empty() {
        return;
    }
    let loader = module::CachedLoader {
        disk,
        cache: ctx.modules,
    };
    let eval_limits = ctx.limits.eval(ctx.deadline);
    let tree = module::build_tree_with(
        root,
        &loader,
        &mut table,
        &mut r.diagnostics,
        eval_limits.module_depth,
    );
    let mut base_inputs: BTreeMap<String, Node> = BTreeMap::new();
    for (_, values) in &base {
        for e in values.entries() {
            base_inputs.insert(e.key.clone(), e.value.clone());
        }
    }
    // One evaluation per variable file that is not always loaded; one in all if there is none.
    let mut runs: Vec<(Option<String>, BTreeMap<String, Node>)> = Vec::new();
    if variants.is_empty() {
        runs.push((None, base_inputs));
    } else {
        for (name, values) in &variants {
            let mut inputs = base_inputs.clone();
            for e in values.entries() {
                inputs.insert(e.key.clone(), e.value.clone());
            }
            runs.push((Some(name.clone()), inputs));
        }
    }
    let mut opts = EvalOptions {
        workspace: None,
        root_dir: dir.to_string(),
        repo_root: ctx.root.to_path_buf(),
        max_file_size: ctx.max_size,
        count_values: ctx.value_stats,
    };
    for (i, (variant, inputs)) in runs.iter().enumerate() {
        if i > 0 && ctx.expired() {
            break;
        }
        // Values are counted in the first evaluation only.
        opts.count_values = ctx.value_stats && i == 0;
        let evaluated = module::evaluate_with(&tree, &table, inputs, &opts, &eval_limits);
        eval_limit_diagnostics(
            &evaluated.limits,
            &table.sources,
            ctx.limits.unit_timeout(),
            &mut r.diagnostics,
        );
        if i == 0 {
            r.stats.terraform_blocks += evaluated.blocks.len();
            r.stats.terraform_values.merge(&evaluated.stats);
        }
        let variant_values = variant
            .as_ref()
            .and_then(|v| variants.iter().find(|(n, _)| n == v))
            .map(|(n, values)| (n.as_str(), values));
        let environment = env::infer::terraform(
            ctx.env_cfg,
            dir,
            variant_values,
            &base,
            &evaluated.blocks,
            &table.sources,
        );
        let unit = match variant {
            Some(v) => format!("{} with {v}", if dir.is_empty() { "." } else { dir }),
            None => {
                if dir.is_empty() {
                    ".".to_string()
                } else {
                    dir.to_string()
                }
            }
        };
        r.record("terraform", unit.clone(), &environment);
        let label = environment.label();
        let uctx = UnitCtx::new(
            &table.sources,
            (environment.class != env::EnvClass::Unknown).then_some(label.as_str()),
            ctx.today,
            &evaluated.blocks,
        );
        for b in &evaluated.blocks {
            if ctx.expired() {
                break;
            }
            checks.tf_block(&uctx, b, &mut r.findings);
        }
        let mut collector = Collector {
            env: &environment,
            unit: &unit,
            files: &table.sources,
            out: Vec::new(),
        };
        collector.terraform(&evaluated.blocks);
        r.facts.extend(collector.out);
    }
}

fn process_hcl(src: &SourceRef, checks: &Dispatch, ctx: &ProcessCtx<'_>, r: &mut UnitResult) {
    if let Err(e) = terraform::parse_hcl(&src.text, 0) {
        r.stats.files_failed += 1;
        r.diagnostics.push(hcl_error(src, &e));
        return;
    }
    *r.stats.files.entry(src.kind).or_default() += 1;
    if src.path.rsplit('/').next() == Some("terragrunt.hcl") {
        process_terragrunt(src, checks, ctx, r);
    }
}

/// A Terragrunt unit: evaluate its configuration, then the module it deploys
/// (when the source is local) with the unit's inputs as variables.
fn process_terragrunt(
    src: &SourceRef,
    checks: &Dispatch,
    ctx: &ProcessCtx<'_>,
    r: &mut UnitResult,
) {
    use crate::terraform::module::{self, DiskLoader, EvalOptions, FileTable, ModuleLoader};
    use crate::terraform::terragrunt::{self as tg, Loader};
    let mut table = FileTable::default();
    let (unit, diags) = {
        let loader = Loader::new(ctx.root, ctx.max_size, &mut table);
        let unit = loader.unit(&src.disk_path);
        (unit, loader.diags.into_inner())
    };
    r.diagnostics.extend(diags);
    let Some(unit) = unit else {
        return;
    };
    let unit_dir_rel = src
        .path
        .rsplit_once('/')
        .map_or(".", |(d, _)| d)
        .to_string();
    let environment = env::infer::terragrunt(ctx.env_cfg, &src.path, &unit.inputs, &table.sources);
    r.record("terragrunt", unit_dir_rel.clone(), &environment);
    let label = environment.label();
    {
        let mut collector = Collector {
            env: &environment,
            unit: &unit_dir_rel,
            files: &table.sources,
            out: Vec::new(),
        };
        collector.terragrunt(&unit.config);
        r.facts.extend(collector.out);
    }
    let unit_dir = src
        .disk_path
        .parent()
        .map_or_else(|| ctx.root.to_path_buf(), std::path::Path::to_path_buf);
    let Some(source) = unit.source.as_ref() else {
        return;
    };
    let Some(source_text) = source.as_str() else {
        return;
    };
    let Some(module_dir) = tg::local_source_dir(&unit_dir, source_text) else {
        let lc = table
            .sources
            .get(source.file as usize)
            .map(|s| (s.path.clone(), s.line_col(source.span.start)));
        if let Some((path, lc)) = lc {
            r.diagnostics.push(Diagnostic::at(
                &path,
                lc.line,
                lc.column,
                DiagLevel::Note,
                "module",
                format!("Terraform source `{source_text}` is remote and not available offline; only the unit's own configuration is checked"),
            ));
        }
        return;
    };
    let loader = DiskLoader {
        root: ctx.root,
        max_size: ctx.max_size,
    };
    let Some(root_module) = loader.load(&module_dir, &mut table, &mut r.diagnostics) else {
        return;
    };
    let module_rel = root_module.dir.clone();
    let eval_limits = ctx.limits.eval(ctx.deadline);
    let tree = module::build_tree_with(
        root_module,
        &loader,
        &mut table,
        &mut r.diagnostics,
        eval_limits.module_depth,
    );
    let inputs: BTreeMap<String, Node> = unit
        .inputs
        .entries()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    let evaluated = module::evaluate_with(
        &tree,
        &table,
        &inputs,
        &EvalOptions {
            workspace: None,
            root_dir: module_rel,
            repo_root: ctx.root.to_path_buf(),
            max_file_size: ctx.max_size,
            count_values: ctx.value_stats,
        },
        &eval_limits,
    );
    eval_limit_diagnostics(
        &evaluated.limits,
        &table.sources,
        ctx.limits.unit_timeout(),
        &mut r.diagnostics,
    );
    r.stats.terraform_blocks += evaluated.blocks.len();
    r.stats.terraform_values.merge(&evaluated.stats);
    let mut blocks = evaluated.blocks;
    // Resources of the deployed module are reached through this unit.
    for b in &mut blocks {
        if b.called_from.is_none() {
            b.called_from = Some((source.file, source.span));
        }
    }
    let uctx = UnitCtx::new(
        &table.sources,
        (environment.class != env::EnvClass::Unknown).then_some(label.as_str()),
        ctx.today,
        &blocks,
    );
    let mut collector = Collector {
        env: &environment,
        unit: &unit_dir_rel,
        files: &table.sources,
        out: Vec::new(),
    };
    collector.terraform(&blocks);
    r.facts.extend(collector.out);
    for b in &blocks {
        if ctx.expired() {
            break;
        }
        checks.tf_block(&uctx, b, &mut r.findings);
    }
}

fn process_yaml(src: &SourceRef, checks: &Dispatch, pctx: &ProcessCtx<'_>, r: &mut UnitResult) {
    let text: &str = &src.text;
    let maybe_k8s = contains(text, "apiVersion") && contains(text, "kind");
    if !maybe_k8s && !matches!(src.kind, FileKind::Kustomization | FileKind::HelmValues) {
        r.stats.files_not_iac += 1;
        return;
    }
    let loaded = match yaml::load(src, 0, pctx.yaml_limits()) {
        Ok(l) => l,
        Err(e) if e.limit.is_some() => {
            r.stats.files_failed += 1;
            r.diagnostics
                .push(yaml_error(src, &e, pctx.limits.unit_timeout()));
            return;
        }
        Err(e) => {
            if contains(text, "{{") {
                // Go/Helm/Jinja template markers: the file is a template, not YAML yet.
                r.diagnostics.push(Diagnostic::file(
                    &src.path,
                    DiagLevel::Note,
                    "template",
                    "templated YAML (`{{ }}` markers) is not valid YAML until rendered; skipped"
                        .into(),
                ));
                return;
            }
            if matches!(src.kind, FileKind::Yaml | FileKind::Json) && !looks_like_k8s_line(text) {
                // Not Kubernetes, so not ours to judge (templated CI files and the like).
                r.stats.files_not_iac += 1;
                return;
            }
            r.stats.files_failed += 1;
            r.diagnostics.push(parse_error(src, e.offset, &e.message));
            return;
        }
    };
    if matches!(src.kind, FileKind::Kustomization | FileKind::HelmValues) {
        *r.stats.files.entry(src.kind).or_default() += 1;
        if src.kind == FileKind::HelmValues {
            r.record(
                "helm-values",
                src.path.clone(),
                &env::infer::file(pctx.env_cfg, &src.path),
            );
        }
        return;
    }
    // A Kustomize patch is a fragment of an object; it is checked as part of
    // the objects it patches, not on its own (missing fields are not missing).
    if pctx.overlays.is_patch(&src.path) {
        *r.stats.files.entry(src.kind).or_default() += 1;
        return;
    }
    let objects = kubernetes::objects(loaded.documents);
    if objects.is_empty() {
        r.stats.files_not_iac += 1;
        return;
    }
    *r.stats.files.entry(src.kind).or_default() += 1;
    for d in &loaded.duplicate_keys {
        let lc = src.line_col(d.span.start);
        r.diagnostics.push(Diagnostic::at(
            &src.path,
            lc.line,
            lc.column,
            DiagLevel::Warning,
            "duplicate-key",
            format!(
                "key `{}` is repeated in one mapping; the last value is used",
                d.key
            ),
        ));
    }
    r.stats.kubernetes_objects += objects.len();
    let mut files = vec![Arc::clone(src)];
    // The file's environments: one per overlay that renders it, or its own.
    let renderings = pctx.overlays.renderings_of(&src.path);
    let overlay_envs: Vec<Option<Environment>> = if renderings.is_empty() {
        vec![None]
    } else {
        renderings
            .iter()
            .map(|rd| {
                pctx.overlays
                    .kustomizations
                    .get(&rd.overlay)
                    .map(|k| env::infer::overlay(pctx.env_cfg, k))
            })
            .collect()
    };
    let mut file_env: Option<Environment> = None;
    let mut patch_files = PatchFiles::default();
    for o in &objects {
        if pctx.expired() {
            break;
        }
        let mut labels: Vec<String> = Vec::new();
        for (i, oe) in overlay_envs.iter().enumerate() {
            let environment =
                env::infer::kubernetes(pctx.env_cfg, src, o, renderings.get(i), oe.as_ref());
            if environment.class != env::EnvClass::Unknown {
                labels.push(environment.label());
            }
            let unit = match renderings.get(i) {
                Some(rd) => format!("{} via {}", o.address(), rd.overlay),
                None => format!("{}#{}", src.path, o.address()),
            };
            // Facts come from the object as the overlay renders it (its patches applied).
            let patched = renderings
                .get(i)
                .filter(|rd| !rd.patches.is_empty())
                .and_then(|rd| patch_files.patched(o, &rd.patches, pctx, &mut files));
            let mut collector = Collector {
                env: &environment,
                unit: &unit,
                files: &files,
                out: Vec::new(),
            };
            collector.kubernetes(patched.as_ref().unwrap_or(o));
            r.facts.extend(collector.out);
            if checks.egress {
                r.egress.extend(crate::project::egress::fact(
                    o,
                    patched.as_ref().unwrap_or(o),
                    renderings.get(i).and_then(|rd| rd.namespace.as_deref()),
                    src,
                    (environment.class != env::EnvClass::Unknown).then(|| environment.label()),
                ));
            }
            if file_env
                .as_ref()
                .is_none_or(|f| f.class == env::EnvClass::Unknown)
            {
                file_env = Some(environment);
            }
        }
        labels.sort();
        labels.dedup();
        let label = labels.join(", ");
        let ctx = UnitCtx::new(
            &files,
            (!label.is_empty()).then_some(label.as_str()),
            pctx.today,
            &[],
        );
        run_target(&checks.k8s, &ctx, &Target::K8sObject(o), &mut r.findings);
        if let Some(spec) = o.pod_spec() {
            run_target(&checks.k8s, &ctx, &Target::K8sPod(o, spec), &mut r.findings);
            for c in o.containers() {
                run_target(
                    &checks.k8s,
                    &ctx,
                    &Target::K8sContainer(o, c),
                    &mut r.findings,
                );
            }
        }
    }
    if let Some(e) = file_env {
        r.record("kubernetes", src.path.clone(), &e);
    }
}

/// The overlay patch files of one unit, each read and parsed once. Every
/// object of a file is patched once per overlay that renders it: reading the
/// patches again each time made a file of many objects, rendered by several
/// overlays, open the same few patch files hundreds of times.
#[derive(Default)]
struct PatchFiles {
    /// By path: the document roots of the file (their nodes in its place in
    /// the unit's file table), or `None` when it cannot be read or parsed.
    loaded: std::collections::HashMap<String, Option<Vec<Node>>>,
}

impl PatchFiles {
    /// An object with an overlay's strategic-merge patches applied (only
    /// patches naming the same kind and name), or `None` when none applies.
    /// A patch file joins the unit's file table when it is first read.
    fn patched(
        &mut self,
        o: &crate::model::kubernetes::Object,
        patches: &[String],
        pctx: &ProcessCtx<'_>,
        files: &mut Vec<SourceRef>,
    ) -> Option<crate::model::kubernetes::Object> {
        let mut obj: Option<crate::model::kubernetes::Object> = None;
        for p in patches {
            let docs = self
                .loaded
                .entry(p.clone())
                .or_insert_with(|| load_patch(p, pctx, files));
            for root in docs.iter().flatten() {
                let kind = root.get("kind").and_then(Node::as_str);
                let name = root.path("metadata.name").and_then(Node::as_str);
                if kind == Some(o.kind.as_str()) && name == Some(o.name.as_str()) {
                    kustomize::merge_patch(&mut obj.get_or_insert_with(|| o.clone()).root, root);
                }
            }
        }
        obj
    }
}

/// Read and parse one patch file as the next file of the unit's table.
fn load_patch(p: &str, pctx: &ProcessCtx<'_>, files: &mut Vec<SourceRef>) -> Option<Vec<Node>> {
    let cand = Candidate {
        rel: p.to_string(),
        path: pctx.root.join(p),
        kind: FileKind::Yaml,
    };
    let src = load(&cand, pctx.max_size).ok()?;
    let idx = u32::try_from(files.len()).unwrap_or(u32::MAX);
    let loaded = yaml::load(&src, idx, pctx.yaml_limits()).ok()?;
    files.push(src);
    Some(loaded.documents.into_iter().map(|d| d.root).collect())
}

/// Whether a YAML file that failed to parse was meant to hold Kubernetes objects.
fn looks_like_k8s_line(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("apiVersion:"))
        && text.lines().any(|l| l.starts_with("kind:"))
}

fn process_dockerfile(
    src: &SourceRef,
    checks: &Dispatch,
    pctx: &ProcessCtx<'_>,
    r: &mut UnitResult,
) {
    let df = match dockerfile::parse(&src.text) {
        Ok(df) => df,
        Err(e) => {
            r.stats.files_failed += 1;
            let col = u32::try_from(e.column).unwrap_or(1);
            r.diagnostics.push(Diagnostic::at(
                &src.path,
                u32::try_from(e.line).unwrap_or(1),
                col,
                DiagLevel::Error,
                "parse-error",
                format!("cannot parse: {}", e.message),
            ));
            return;
        }
    };
    *r.stats.files.entry(src.kind).or_default() += 1;
    r.stats.dockerfile_stages += df.stages.len();
    let files = [Arc::clone(src)];
    let environment = env::infer::file(pctx.env_cfg, &src.path);
    r.record("dockerfile", src.path.clone(), &environment);
    let label = environment.label();
    let ctx = UnitCtx::new(
        &files,
        (environment.class != env::EnvClass::Unknown).then_some(label.as_str()),
        pctx.today,
        &[],
    );
    run_target(
        &checks.docker,
        &ctx,
        &Target::DockerFile(&df),
        &mut r.findings,
    );
    let last = df.stages.len().saturating_sub(1);
    for st in &df.stages {
        let Some(from) = df.instructions.get(st.from) else {
            continue;
        };
        let mut node = from.to_node();
        if let Value::Map(e) = &mut node.value {
            let flag = |k: &str, v: bool| Entry {
                key: k.into(),
                key_span: from.keyword_span,
                value: Node::new(from.keyword_span, Value::Bool(v)),
            };
            // The base image after build-argument substitution (`FROM ${BASE}`); parts that
            // depend on an argument without a default are unknown.
            if let Some(img) = e.iter_mut().find(|x| x.key == "image") {
                let span = img.value.span;
                let resolved = !(st.image.repository.contains('$')
                    || st.image.tag.as_deref().is_some_and(|t| t.contains('$'))
                    || st
                        .image
                        .registry
                        .as_deref()
                        .is_some_and(|t| t.contains('$')));
                let part = |v: Option<&str>| match v {
                    _ if !resolved => Node::unknown(span, 0, "build argument without a default"),
                    Some(t) => Node::new(span, Value::String(t.to_string())),
                    None => Node::new(span, Value::Null),
                };
                if let Value::Map(parts) = &mut img.value.value {
                    for p in parts.iter_mut() {
                        p.value = match p.key.as_str() {
                            "registry" => part(st.image.registry.as_deref()),
                            "repository" => part(Some(&st.image.repository)),
                            "tag" => part(st.image.tag.as_deref()),
                            "digest" => part(st.image.digest.as_deref()),
                            _ => continue,
                        };
                    }
                }
            }
            e.push(flag("base_is_stage", st.base_is_stage));
            e.push(flag("final", st.index == last));
            e.push(flag("scratch", st.image.repository == "scratch"));
            e.push(Entry {
                key: "index".into(),
                key_span: Span::default(),
                value: Node::new(from.keyword_span, Value::Number(st.index as f64)),
            });
        }
        run_target(
            &checks.docker,
            &ctx,
            &Target::DockerStage(&df, st, &node),
            &mut r.findings,
        );
    }
    for ins in &df.instructions {
        if pctx.expired() {
            break;
        }
        let node = ins.to_node();
        run_target(
            &checks.docker,
            &ctx,
            &Target::DockerInstruction(&df, ins, &node),
            &mut r.findings,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch repository holding `files`: the folder (removed when
    /// dropped), its canonical path and the options of a scan of it.
    fn scratch_repo(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, ScanOptions) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        for (rel, text) in files {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        let opts = ScanOptions {
            paths: vec![root.clone()],
            root: root.clone(),
            threads: 2,
            value_stats: false,
        };
        (dir, root, opts)
    }

    #[test]
    fn module_calls_fed_during_the_walk_count_as_after_it() {
        let files = [
            ("main.tf", "module \"a\" {\n  source = \"./modules/a\"\n}\n"),
            (
                "modules/a/main.tf",
                "module \"b\" {\n  source = \"../b\"\n}\n",
            ),
            ("modules/a/vars.tf.json", "{}"),
            ("modules/b/main.tf", "resource \"null_resource\" \"x\" {}\n"),
            (
                "env/dev/main.tf",
                "module \"a\" {\n    source = \"../../modules/a\"\n}\n",
            ),
            ("env/dev/terraform.tfvars", "x = 1\n"),
            ("json/main.tf.json", "{}"),
        ];
        let (_dir, root, opts) = scratch_repo(&files);
        let config = Config::default();
        let fed = ModuleCalls::new(&config);
        let discovery = discover_each(&opts, &config, &|c| fed.add(c));
        // In another order, with every file twice.
        let again = ModuleCalls::new(&config);
        for c in discovery.files.iter().rev().chain(&discovery.files) {
            again.add(c);
        }
        let units = group(discovery.files);
        let (after, _) = terraform_folder_uses(&units, &config);
        let (during, _) = fed.uses();
        let (twice, _) = again.uses();
        let expected: std::collections::HashMap<PathBuf, usize> = [
            ("", 1),
            ("modules/a", 3),
            ("modules/b", 4),
            ("env/dev", 1),
            ("json", 1),
        ]
        .into_iter()
        .map(|(d, n)| {
            (
                if d.is_empty() {
                    root.clone()
                } else {
                    root.join(d)
                },
                n,
            )
        })
        .collect();
        assert_eq!(after, expected);
        assert_eq!(during, expected);
        assert_eq!(twice, expected);
    }

    #[test]
    fn kustomizations_and_checks_prefetched_during_the_walk_equal_those_after_it() {
        let files = [
            ("base/kustomization.yaml", "resources:\n  - deploy.yaml\n"),
            (
                "base/deploy.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n",
            ),
            (
                "overlays/prod/kustomization.yaml",
                "namespace: prod\nresources:\n  - ../../base\n",
            ),
            (
                "overlays/dev/kustomization.yml",
                "namespace: dev\nresources:\n  - ../../base\n",
            ),
            (
                "overlays/dev/kustomization.yaml",
                "namespace: dev2\nresources:\n  - ../../base\n",
            ),
        ];
        let (_dir, _, opts) = scratch_repo(&files);
        let config = Config::default();
        let catalogue = Catalogue::builtin().expect("catalogue");
        let prefetch = Prefetch::new(&config);
        let discovery = discover_each(&opts, &config, &|_| {});
        // In another order, with every file twice.
        for c in discovery.files.iter().rev().chain(&discovery.files) {
            if Prefetch::wants(c) {
                prefetch.add(c);
            }
        }
        prefetch.prepare_checks(&catalogue, &config);
        let after = overlay_index(&discovery.files, &config);
        assert!(!after.kustomizations.is_empty());
        assert_eq!(
            format!("{:?}", Prefetch::overlays(prefetch.kustomizations)),
            format!("{after:?}")
        );
        let (checks, _) = prefetch.checks.into_inner().expect("prepared");
        let ids = |c: &[ActiveCheck]| c.iter().map(|a| a.check.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&checks), ids(&active_checks(&catalogue, &config)));
    }

    #[test]
    fn patch_files_are_read_once_per_unit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let patch =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n";
        std::fs::write(dir.path().join("replicas.yaml"), patch).expect("write patch");
        let base = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n";
        let src: SourceRef = Arc::new(SourceFile::new(
            "base.yaml".into(),
            dir.path().join("base.yaml"),
            FileKind::Yaml,
            base,
        ));
        let loaded = yaml::load(&src, 0, YamlLimits::default()).expect("base parses");
        let objects = kubernetes::objects(loaded.documents);
        let (env_cfg, overlays, limits) = (
            EnvConfig::default(),
            OverlayIndex::default(),
            crate::config::Limits::default(),
        );
        let modules = crate::terraform::module::ModuleCache::new(
            0,
            std::collections::HashMap::new(),
            crate::terraform::module::CanonicalPaths::default(),
        );
        let pctx = ProcessCtx {
            max_size: DEFAULT_MAX_FILE_SIZE,
            root: dir.path(),
            env_cfg: &env_cfg,
            overlays: &overlays,
            limits: &limits,
            deadline: None,
            modules: &modules,
            today: crate::date::Date::new(2026, 1, 1).expect("a date"),
            value_stats: false,
        };
        let patches = vec!["replicas.yaml".to_string(), "missing.yaml".to_string()];
        let mut files = vec![Arc::clone(&src)];
        let mut cache = PatchFiles::default();
        // Two renderings of both objects: the deployment is patched each time,
        // the service never; the patch file joins the table once.
        for _ in 0..2 {
            let deployment = cache.patched(&objects[0], &patches, &pctx, &mut files);
            let replicas = deployment
                .as_ref()
                .and_then(|d| d.root.path("spec.replicas"))
                .and_then(Node::as_f64);
            assert_eq!(replicas, Some(3.0));
            assert!(
                cache
                    .patched(&objects[1], &patches, &pctx, &mut files)
                    .is_none()
            );
        }
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["base.yaml", "replicas.yaml"]);
        // The patched value's node points at the patch file.
        let deployment = cache
            .patched(&objects[0], &patches, &pctx, &mut files)
            .expect("patched");
        let node = deployment.root.path("spec.replicas").expect("replicas");
        assert_eq!(files[node.file as usize].path, "replicas.yaml");
    }
}
