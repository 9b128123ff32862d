//! Discovery: a parallel walk of the scan roots with gitignore semantics that
//! finds and classifies infrastructure files.
//!
//! Hidden folders are walked (`.github/`, `.infra/` hold IaC) except `.git`
//! and `.terraform` (downloaded modules and providers). Symbolic links are
//! followed only while they stay inside the repository root; loops and escapes
//! become diagnostics.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::source::FileKind;

/// A file selected for scanning.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Repository-relative path with forward slashes.
    pub rel: String,
    /// Path on disk.
    pub path: PathBuf,
    /// Classification by name.
    pub kind: FileKind,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to scan, sorted by relative path.
    pub files: Vec<Candidate>,
    /// Problems met while walking, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Options for discovery.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Repository root that relative paths are computed against.
    pub root: PathBuf,
    /// Threads for the walk.
    pub threads: usize,
    /// Glob patterns (relative to the root) of paths to leave out.
    pub exclude: Vec<String>,
}

/// Classify a file by its name (and its parent folders for Helm charts).
/// `None` means the file is not infrastructure code and is ignored quietly.
#[must_use]
pub fn classify(rel: &str) -> Option<FileKind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    // `Dockerfile.dockerignore` is the ignore file of that Dockerfile, not a Dockerfile.
    if lower.ends_with(".dockerignore") || lower.ends_with(".containerignore") {
        return None;
    }
    if lower == "dockerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("dockerfile-")
        || lower.ends_with(".dockerfile")
        || lower == "containerfile"
        || lower.starts_with("containerfile.")
    {
        return Some(FileKind::Dockerfile);
    }
    if lower.ends_with(".tf.json") {
        return Some(FileKind::TerraformJson);
    }
    if lower.ends_with(".tfvars.json") {
        return Some(FileKind::TfvarsJson);
    }
    if lower.ends_with(".tf") {
        return Some(FileKind::Terraform);
    }
    if lower.ends_with(".tfvars") {
        return Some(FileKind::Tfvars);
    }
    if lower.ends_with(".hcl") {
        if lower == ".terraform.lock.hcl" {
            return None;
        }
        return Some(FileKind::Hcl);
    }
    let yaml = lower.ends_with(".yaml") || lower.ends_with(".yml");
    if yaml && matches!(lower.as_str(), "kustomization.yaml" | "kustomization.yml") {
        return Some(FileKind::Kustomization);
    }
    if yaml && (lower.starts_with("values") || lower.ends_with("-values.yaml")) {
        return Some(FileKind::HelmValues);
    }
    if yaml {
        return Some(FileKind::Yaml);
    }
    if lower.ends_with(".json") {
        return Some(FileKind::Json);
    }
    None
}

/// Whether a file lies in the `templates/` folder of a Helm chart (a folder
/// named `templates` next to a `Chart.yaml`).
#[must_use]
pub fn is_helm_template(path: &Path) -> bool {
    path.ancestors().skip(1).take(8).any(|dir| {
        dir.file_name().is_some_and(|n| n == "templates")
            && dir.parent().is_some_and(|p| p.join("Chart.yaml").is_file())
    })
}

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // Nearly every path the walk yields is already what joining its
    // components gives: copied whole, not rebuilt a component at a time.
    if let Some(s) = rel.to_str() {
        let normal = !s.starts_with('/')
            && !s.ends_with('/')
            && !s.ends_with("/.")
            && !s.contains("//")
            && !s.contains("/./");
        if normal {
            return s.to_owned();
        }
    }
    components_joined(rel)
}

/// A path's components joined with `/` (lossily decoded): the form of every
/// relative path the scan reports.
fn components_joined(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Walk `paths` (files or folders) and return the infrastructure files.
#[must_use]
pub fn discover(paths: &[PathBuf], opts: &WalkOptions) -> Discovery {
    discover_each(paths, opts, &|_| {})
}

/// [`discover`], handing each file to `found` as soon as it is found (on
/// the walk's threads, in no particular order; a file reached twice may be
/// handed over twice), so that work on it can start before the walk ends.
#[must_use]
pub fn discover_each(
    paths: &[PathBuf],
    opts: &WalkOptions,
    found: &(dyn Fn(&Candidate) + Sync),
) -> Discovery {
    let root_canon = std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
    let mut exclude = globset::GlobSetBuilder::new();
    for pat in &opts.exclude {
        if let Ok(g) = globset::Glob::new(pat) {
            exclude.add(g);
        }
    }
    let exclude = exclude
        .build()
        .unwrap_or_else(|_| globset::GlobSet::empty());
    let files = Mutex::new(Vec::new());
    let diags = Mutex::new(Vec::new());
    let Some((first, rest)) = paths.split_first() else {
        return Discovery::default();
    };
    let mut builder = WalkBuilder::new(first);
    for p in rest {
        builder.add(p);
    }
    builder
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .ignore(true)
        .parents(true)
        .follow_links(true)
        .threads(opts.threads.max(1))
        .filter_entry(|e| {
            let name = e.file_name();
            !(e.file_type().is_some_and(|t| t.is_dir()) && (name == ".git" || name == ".terraform"))
        });
    builder.build_parallel().run(|| {
        let files = &files;
        let diags = &diags;
        let root = &opts.root;
        let root_canon = &root_canon;
        let exclude = &exclude;
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let (path, kind, msg) = describe_walk_error(&err, root);
                    if let Ok(mut d) = diags.lock() {
                        d.push(Diagnostic::file(&path, DiagLevel::Warning, kind, msg));
                    }
                    return WalkState::Continue;
                }
            };
            let is_file = entry.file_type().is_some_and(|t| t.is_file());
            if entry.path_is_symlink() {
                if let Ok(target) = std::fs::canonicalize(entry.path()) {
                    if !target.starts_with(root_canon) {
                        let rel = rel_path(root, entry.path());
                        if is_file && classify(&rel).is_some()
                            || entry.file_type().is_some_and(|t| t.is_dir())
                        {
                            if let Ok(mut d) = diags.lock() {
                                d.push(Diagnostic::file(
                                    &rel,
                                    DiagLevel::Note,
                                    "outside-root",
                                    "symbolic link points outside the repository root; not followed"
                                        .into(),
                                ));
                            }
                        }
                        return WalkState::Skip;
                    }
                }
            }
            if !is_file {
                return WalkState::Continue;
            }
            let rel = rel_path(root, entry.path());
            if exclude.is_match(&rel) {
                return WalkState::Continue;
            }
            let kind = classify(&rel).filter(|k| {
                !matches!(k, FileKind::Yaml | FileKind::HelmValues | FileKind::Json)
                    || !is_helm_template(entry.path())
            });
            let Some(kind) = kind else {
                if has_yaml_ext(&rel) && is_helm_template(entry.path()) {
                    if let Ok(mut d) = diags.lock() {
                        d.push(Diagnostic::file(
                            &rel,
                            DiagLevel::Note,
                            "helm-template",
                            "Helm chart template skipped: templates are not YAML until rendered"
                                .into(),
                        ));
                    }
                }
                return WalkState::Continue;
            };
            let candidate = Candidate {
                rel,
                path: entry.path().to_path_buf(),
                kind,
            };
            found(&candidate);
            if let Ok(mut f) = files.lock() {
                f.push(candidate);
            }
            WalkState::Continue
        })
    });
    let mut files = files.into_inner().unwrap_or_default();
    files.sort();
    files.dedup_by(|a, b| a.rel == b.rel);
    let mut diagnostics = diags.into_inner().unwrap_or_default();
    // Helm template notes are summarised per chart, not per file.
    collapse_helm_notes(&mut diagnostics);
    diagnostics.sort();
    diagnostics.dedup();
    Discovery { files, diagnostics }
}

fn has_yaml_ext(rel: &str) -> bool {
    rel.ends_with(".yaml") || rel.ends_with(".yml") || rel.ends_with(".tpl")
}

fn collapse_helm_notes(diags: &mut Vec<Diagnostic>) {
    let mut charts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    diags.retain(|d| {
        if d.kind != "helm-template" {
            return true;
        }
        let dir = d
            .path
            .rfind("/templates/")
            .map_or(d.path.as_str(), |i| &d.path[..i + "/templates".len()]);
        *charts.entry(dir.to_string()).or_default() += 1;
        false
    });
    for (dir, n) in charts {
        diags.push(Diagnostic::file(
            &dir,
            DiagLevel::Note,
            "helm-template",
            format!(
                "{n} Helm chart template file(s) skipped: templates are not YAML until rendered"
            ),
        ));
    }
}

fn describe_walk_error(err: &ignore::Error, root: &Path) -> (String, &'static str, String) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (_, kind, msg) = describe_walk_error(err, root);
            (rel_path(root, path), kind, msg)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe_walk_error(err, root)
        }
        ignore::Error::Loop { child, .. } => (
            rel_path(root, child),
            "symlink-loop",
            "symbolic link loop; not followed".into(),
        ),
        ignore::Error::Io(e) => (String::new(), "unreadable", format!("cannot read: {e}")),
        other => (String::new(), "unreadable", other.to_string()),
    }
}

/// The repository root for `path`: the enclosing git work tree, else the path
/// itself (or its folder, for a file).
#[must_use]
pub fn repository_root(path: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let start = if abs.is_file() {
        abs.parent().map_or(abs.clone(), Path::to_path_buf)
    } else {
        abs.clone()
    };
    let mut cur = Some(start.as_path());
    while let Some(dir) = cur {
        if dir.join(".git").exists() {
            return dir.to_path_buf();
        }
        cur = dir.parent();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copied whole or rebuilt from its components, a path comes out the
    /// same as joining its components.
    #[test]
    fn relative_paths_are_their_components_joined() {
        let root = Path::new("repo");
        for rel in [
            "",
            ".",
            "a",
            "a/b.tf",
            "./a/b",
            "a/./b",
            "a//b",
            "a/b/",
            "a/b/.",
            "a/..",
            "../a",
            "a/../b",
            "/abs/x",
            "//x",
            ".hidden/x",
            "a/.b/c",
            "a/b./c",
            "a/..b",
            "é/ü.yaml",
        ] {
            let path = root.join(rel);
            assert_eq!(
                rel_path(root, &path),
                components_joined(path.strip_prefix(root).unwrap_or(&path)),
                "{rel:?}"
            );
            assert_eq!(
                rel_path(Path::new("elsewhere"), &path),
                components_joined(&path),
                "{rel:?}"
            );
        }
    }

    #[test]
    fn classification_by_name() {
        assert_eq!(classify("a/main.tf"), Some(FileKind::Terraform));
        assert_eq!(classify("a/x.tf.json"), Some(FileKind::TerraformJson));
        assert_eq!(classify("prod.tfvars"), Some(FileKind::Tfvars));
        assert_eq!(classify("live/terragrunt.hcl"), Some(FileKind::Hcl));
        assert_eq!(classify(".terraform.lock.hcl"), None);
        assert_eq!(
            classify("k/kustomization.yaml"),
            Some(FileKind::Kustomization)
        );
        assert_eq!(
            classify("chart/values-prod.yaml"),
            Some(FileKind::HelmValues)
        );
        assert_eq!(classify("k/deploy.yml"), Some(FileKind::Yaml));
        assert_eq!(classify("svc/Dockerfile"), Some(FileKind::Dockerfile));
        assert_eq!(classify("svc/Dockerfile.prod"), Some(FileKind::Dockerfile));
        assert_eq!(classify("svc/app.dockerfile"), Some(FileKind::Dockerfile));
        assert_eq!(classify("svc/Dockerfile.dockerignore"), None);
        assert_eq!(classify("svc/Containerfile"), Some(FileKind::Dockerfile));
        assert_eq!(classify("src/main.rs"), None);
        assert_eq!(classify("README.md"), None);
    }
}
