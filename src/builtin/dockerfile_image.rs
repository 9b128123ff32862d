//! Image-level builtins: image labels and age, the build context
//! (`.dockerignore`), `ADD`, the registries images come from (Dockerfile
//! `FROM` and Kubernetes containers), and whether the final image is built on
//! a configured hardened base image.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::dockerfile::image_stages;
use super::kubernetes_workload::{alternatives, label_groups};
use super::{Hit, param_strings};
use crate::engine::run::{Target, UnitCtx, stage_name};
use crate::model::dockerfile::{Dockerfile, ImageRef, InstructionKind, Pair};

/// LABEL pairs of the final image, in build order (stages it is built on first).
fn image_labels(df: &Dockerfile) -> Vec<&Pair> {
    let chain = image_stages(df);
    df.instructions
        .iter()
        .filter(|i| i.keyword == "LABEL" && i.stage.is_some_and(|s| chain.contains(&s)))
        .filter_map(|i| match &i.kind {
            InstructionKind::Pairs(p) => Some(p.iter()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// BH0335: the final image has no labels naming its application and responsible team.
pub fn image_labels_missing(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerStage(df, stage, _) = target else {
        return vec![];
    };
    if image_stages(df).first() != Some(&stage.index) {
        return vec![];
    }
    let labels = image_labels(df);
    let span = df
        .instructions
        .get(stage.from)
        .map(|i| i.span)
        .unwrap_or_default();
    label_groups(params, "labels")
        .into_iter()
        .filter(|g| {
            !labels
                .iter()
                .any(|p| g.iter().any(|k| k == &p.key.text) && p.value.is_some())
        })
        .map(|g| Hit {
            file: 0,
            span,
            message: Some(format!(
                "the final image ({}) has no label {}",
                stage_name(stage),
                alternatives(&g)
            )),
            evidence: Some(g.join("|")),
            ..Hit::default()
        })
        .collect()
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
/// The day number of an RFC 3339 timestamp or a `YYYY-MM-DD` date.
fn parse_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, rest) = (s.get(..10)?, &s[10..]);
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    crate::date::Date::parse(date)
        .ok()
        .map(crate::date::Date::days_since_epoch)
}

/// BH0336: the image's creation date label is older than the maximum image age.
pub fn image_age(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerStage(df, stage, _) = target else {
        return vec![];
    };
    if image_stages(df).first() != Some(&stage.index) {
        return vec![];
    }
    let keys = param_strings(params, "labels");
    let max = super::param_int(params, "max_image_age_days").unwrap_or(90);
    let now = unit.today.days_since_epoch();
    // The last value of the label wins, as in the image configuration.
    let Some((pair, value)) = image_labels(df)
        .into_iter()
        .filter(|p| keys.iter().any(|k| k == &p.key.text))
        .filter_map(|p| p.value.as_ref().map(|v| (p, v)))
        .next_back()
    else {
        return vec![];
    };
    if value.text.contains('$') {
        return vec![];
    }
    let Some(day) = parse_day(&value.text) else {
        return vec![];
    };
    let age = now - day;
    if age <= max {
        return vec![];
    }
    vec![Hit {
        file: 0,
        span: value.span,
        message: Some(format!(
            "`{}` says the image was built {age} days ago, more than the maximum image age of {max} days: rebuild it with updated packages",
            pair.key.text
        )),
        evidence: Some(format!("{}={}", pair.key.text, value.text)),
        ..Hit::default()
    }]
}

/// The patterns of a `.dockerignore` file, compiled once.
struct DockerIgnore {
    /// In file order: whether the line re-includes (`!`), and its glob.
    rules: Vec<(bool, globset::GlobMatcher)>,
}

impl DockerIgnore {
    /// Compile the lines of a `.dockerignore` file; comments, blank lines and
    /// patterns that are not valid globs are left out.
    fn parse(ignore: &str) -> Self {
        let rules = ignore
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    return None;
                }
                let (negate, pat) = match line.strip_prefix('!') {
                    Some(p) => (true, p.trim()),
                    None => (false, line),
                };
                let pat = pat.trim_start_matches("./").trim_start_matches('/');
                let pat = pat.trim_end_matches('/');
                if pat.is_empty() {
                    return None;
                }
                let glob = globset::GlobBuilder::new(pat)
                    .literal_separator(true)
                    .build()
                    .ok()?;
                Some((negate, glob.compile_matcher()))
            })
            .collect();
        DockerIgnore { rules }
    }

    /// Whether `path` is excluded (the last matching pattern wins; `!`
    /// re-includes; a pattern that matches a folder excludes everything in it).
    fn excludes(&self, path: &str) -> bool {
        let prefixes: Vec<&str> = path
            .match_indices('/')
            .map(|(i, _)| &path[..i])
            .chain(std::iter::once(path))
            .collect();
        let mut excluded = false;
        for (negate, m) in &self.rules {
            if prefixes.iter().any(|p| m.is_match(p)) {
                excluded = !negate;
            }
        }
        excluded
    }
}

/// The `.dockerignore` that applies to a Dockerfile whose context is its own
/// folder or a folder above it: `<Dockerfile>.dockerignore`, then the nearest
/// `.dockerignore` up to the repository root.
fn nearest_dockerignore(disk_path: &Path, rel: &str) -> Option<(PathBuf, String)> {
    let dir = disk_path.parent()?;
    let name = disk_path.file_name()?.to_string_lossy().to_string();
    let own = dir.join(format!("{name}.dockerignore"));
    if let Ok(t) = std::fs::read_to_string(&own) {
        return Some((own, t));
    }
    let depth = rel.split('/').count().saturating_sub(1);
    let mut cur = Some(dir);
    for _ in 0..=depth {
        let d = cur?;
        let f = d.join(".dockerignore");
        if let Ok(t) = std::fs::read_to_string(&f) {
            return Some((f, t));
        }
        cur = d.parent();
    }
    None
}

/// BH0702: the whole build context is copied into the image and no
/// `.dockerignore` keeps development artifacts such as `.git` out of it.
pub fn context_artifacts(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerInstruction(_, ins, _) = target else {
        return vec![];
    };
    let InstructionKind::Copy { sources, .. } = &ins.kind else {
        return vec![];
    };
    if ins.flags.iter().any(|f| f.name == "from") {
        return vec![];
    }
    let Some(whole) = sources
        .iter()
        .find(|s| matches!(s.text.as_str(), "." | "./" | "*" | "./*" | "./."))
    else {
        return vec![];
    };
    let Some(src) = unit.files.first() else {
        return vec![];
    };
    let dir = src
        .disk_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut required = param_strings(params, "artifacts");
    for a in param_strings(params, "artifacts_if_present") {
        if dir.join(&a).exists() {
            required.push(a);
        }
    }
    let (missing, why): (Vec<String>, String) =
        match nearest_dockerignore(&src.disk_path, &src.path) {
            None => (required, "there is no .dockerignore".to_string()),
            Some((path, text)) => {
                let ignore = DockerIgnore::parse(&text);
                let missing: Vec<String> = required
                    .into_iter()
                    .filter(|a| !ignore.excludes(a))
                    .collect();
                let shown = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().to_string());
                (missing, format!("{shown} does not exclude them"))
            }
        };
    if missing.is_empty() {
        return vec![];
    }
    let list = missing
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![Hit {
        file: 0,
        span: whole.span,
        message: Some(format!(
            "{} copies the whole build context, including {list}, into the image: {why}",
            ins.keyword
        )),
        evidence: Some(format!("{} {}", ins.keyword, missing.join(","))),
        ..Hit::default()
    }]
}

fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("git@")
}

fn is_git(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("git@") || l.contains(".git#") || l.ends_with(".git") || l.starts_with("git://")
}

/// Local sources that `ADD` may unpack: tar archives, possibly compressed.
fn maybe_archive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        ".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst", ".lz4",
    ]
    .iter()
    .any(|e| l.ends_with(e))
}

/// BH0330: `ADD` of local files and folders, where `COPY` does the same
/// without unpacking or fetching.
pub fn add_local(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Target::DockerInstruction(_, ins, _) = target else {
        return vec![];
    };
    let InstructionKind::Copy { sources, .. } = &ins.kind else {
        return vec![];
    };
    if ins.keyword != "ADD" {
        return vec![];
    }
    let plain: Vec<_> = sources.iter().filter(|s| !s.text.contains('\n')).collect();
    // Any archive, URL or variable may be the reason for ADD.
    if plain.is_empty()
        || plain
            .iter()
            .any(|s| is_url(&s.text) || maybe_archive(&s.text) || s.text.contains('$'))
    {
        return vec![];
    }
    vec![Hit::at(
        0,
        ins.keyword_span,
        format!(
            "`ADD {}` copies local files: use COPY, which does not unpack archives or fetch URLs",
            plain[0].text
        ),
    )]
}

/// BH0331: `ADD` downloads a URL without `--checksum`.
pub fn add_remote(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Target::DockerInstruction(_, ins, _) = target else {
        return vec![];
    };
    let InstructionKind::Copy { sources, .. } = &ins.kind else {
        return vec![];
    };
    if ins.keyword != "ADD" || ins.flags.iter().any(|f| f.name == "checksum") {
        return vec![];
    }
    sources
        .iter()
        .filter(|s| is_url(&s.text) && !is_git(&s.text))
        .map(|s| {
            Hit::at(
                0,
                s.span,
                format!(
                    "`ADD` downloads `{}` without verifying it: add `--checksum=sha256:...`",
                    s.text
                ),
            )
        })
        .collect()
}

/// `registry/repository` with Docker Hub spelled out (`docker.io/library/nginx`).
#[must_use]
pub fn normalised_image(r: &ImageRef) -> String {
    let registry = match r.registry.as_deref() {
        None | Some("index.docker.io" | "registry-1.docker.io" | "registry.hub.docker.com") => {
            "docker.io"
        }
        Some(x) => x,
    };
    if registry == "docker.io" && !r.repository.contains('/') {
        format!("docker.io/library/{}", r.repository)
    } else {
        format!("{registry}/{}", r.repository)
    }
}

/// Whether an image (`registry/repository`) matches an allow-list entry: a glob,
/// or a registry or repository prefix.
fn trusted(image: &str, entry: &str) -> bool {
    let e = entry.trim().trim_end_matches('/');
    if e.contains('*') || e.contains('?') {
        return super::glob_matches(e, image);
    }
    image == e || image.starts_with(&format!("{e}/"))
}

/// BH0323: an image from a registry outside the allow-list `trusted_registries`.
pub fn untrusted_registry(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let allow = param_strings(params, "trusted_registries");
    if allow.is_empty() {
        return vec![];
    }
    let check = |text: &str| -> Option<String> {
        if text.contains('$') || text.contains("{{") || text.trim().is_empty() {
            return None;
        }
        let image = normalised_image(&ImageRef::parse(text.trim()));
        (!allow.iter().any(|a| trusted(&image, a))).then_some(image)
    };
    match target {
        Target::K8sContainer(obj, c) => {
            let Some(node) = c.node.get("image") else {
                return vec![];
            };
            let Some(image) = node.as_str().and_then(check) else {
                return vec![];
            };
            vec![Hit::at(
                obj.root.file,
                node.span,
                format!(
                    "container `{}` pulls `{image}`, which is not from a trusted registry (trusted_registries)",
                    c.name
                ),
            )]
        }
        Target::DockerStage(df, stage, _) => {
            if stage.base_is_stage || stage.image.repository == "scratch" {
                return vec![];
            }
            let Some(InstructionKind::From { image, .. }) =
                df.instructions.get(stage.from).map(|i| &i.kind)
            else {
                return vec![];
            };
            // After build-argument substitution; unknown when an argument has no default.
            let resolved = format!(
                "{}{}",
                stage
                    .image
                    .registry
                    .as_deref()
                    .map(|r| format!("{r}/"))
                    .unwrap_or_default(),
                stage.image.repository
            );
            let Some(name) = check(&resolved) else {
                return vec![];
            };
            vec![Hit::at(
                0,
                image.span,
                format!(
                    "{} builds on `{name}`, which is not from a trusted registry (trusted_registries)",
                    stage_name(stage)
                ),
            )]
        }
        _ => vec![],
    }
}

/// Whether an image matches an entry of `hardened_base_images`: entries whose
/// last segment holds a `:` are matched against `registry/repository:tag`,
/// the others against `registry/repository` (as in `trusted_registries`).
fn hardened(name: &str, tag: Option<&str>, entry: &str) -> bool {
    let e = entry.trim();
    // `registry:5000` alone is a registry with a port, not a tag.
    let tagged = e
        .rsplit_once('/')
        .is_some_and(|(_, last)| last.contains(':'));
    if tagged {
        tag.is_some_and(|t| trusted(&format!("{name}:{t}"), e))
    } else {
        trusted(name, e)
    }
}

/// BH0250: the final image is built on an image outside the configured
/// `hardened_base_images` (following `FROM <stage>` chains to the external
/// image). Silent while the list is empty; `scratch` always complies.
pub fn base_image_not_hardened(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let allowed = param_strings(params, "hardened_base_images");
    if allowed.is_empty() {
        return vec![];
    }
    let Target::DockerStage(df, stage, _) = target else {
        return vec![];
    };
    let chain = image_stages(df);
    if chain.first() != Some(&stage.index) {
        return vec![];
    }
    let Some(base) = chain.last().and_then(|i| df.stages.get(*i)) else {
        return vec![];
    };
    if base.base_is_stage || base.image.repository.eq_ignore_ascii_case("scratch") {
        return vec![];
    }
    let Some(InstructionKind::From { image, .. }) = df.instructions.get(base.from).map(|i| &i.kind)
    else {
        return vec![];
    };
    let name = normalised_image(&base.image).to_ascii_lowercase();
    // An argument without a default: the base cannot be known from the source.
    if name.contains('$') || base.image.tag.as_deref().is_some_and(|t| t.contains('$')) {
        return vec![];
    }
    let tag = base.image.tag.as_deref().map(str::to_ascii_lowercase);
    if allowed
        .iter()
        .any(|a| hardened(&name, tag.as_deref(), &a.to_ascii_lowercase()))
    {
        return vec![];
    }
    let mut related = Vec::new();
    let via = if base.index == stage.index {
        String::new()
    } else {
        if let Some(own) = df.instructions.get(stage.from) {
            related.push((
                0,
                own.span,
                format!("the final image is {}", stage_name(stage)),
            ));
        }
        format!(" (through {})", stage_name(base))
    };
    let written = match &base.image.tag {
        Some(t) => format!("{}:{t}", base.image.repository),
        None => base.image.repository.clone(),
    };
    let written = match &base.image.registry {
        Some(r) => format!("{r}/{written}"),
        None => written,
    };
    let shown = if written.eq_ignore_ascii_case(&name) {
        format!("`{name}`")
    } else {
        format!("`{written}` ({name})")
    };
    vec![Hit {
        file: 0,
        span: image.span,
        message: Some(format!(
            "the final image{via} is built on {shown}, which is not one of the hardened base images (hardened_base_images)"
        )),
        evidence: Some(name),
        related,
        ..Hit::default()
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_day("2000-03-01T00:00:00Z"), Some(11_017));
        assert_eq!(parse_day("2000-03-01"), Some(11_017));
        assert_eq!(parse_day("yesterday"), None);
    }

    #[test]
    fn dockerignore_patterns() {
        let dockerignore_excludes =
            |ignore: &str, path: &str| DockerIgnore::parse(ignore).excludes(path);
        assert!(dockerignore_excludes(".git\n", ".git"));
        assert!(dockerignore_excludes("**/.git\n", ".git"));
        assert!(dockerignore_excludes("/.git/\n", ".git"));
        assert!(dockerignore_excludes("*\n!src\n", ".git"));
        assert!(dockerignore_excludes(".*\n", ".env"));
        assert!(!dockerignore_excludes("*\n!.git\n", ".git"));
        assert!(!dockerignore_excludes("node_modules\n.gitignore\n", ".git"));
        assert!(!dockerignore_excludes("# .git\n", ".git"));
        // A folder pattern covers what is inside; `!` later re-includes.
        assert!(dockerignore_excludes("secrets/\n", "secrets/tls/key.pem"));
        assert!(!dockerignore_excludes(
            "secrets\n!secrets/tls\n",
            "secrets/tls/key.pem"
        ));
        // One compiled file answers for every path.
        let ignore = DockerIgnore::parse(".git\n*.env\n[\n");
        assert_eq!(ignore.rules.len(), 2, "the invalid glob `[` is left out");
        assert!(ignore.excludes(".git") && ignore.excludes("prod.env"));
        assert!(!ignore.excludes("src/main.rs"));
    }

    #[test]
    fn registries() {
        let n = |s: &str| normalised_image(&ImageRef::parse(s));
        assert_eq!(n("nginx:1.27"), "docker.io/library/nginx");
        assert_eq!(n("bitnami/redis:7"), "docker.io/bitnami/redis");
        assert_eq!(n("ghcr.io/org/app@sha256:ab"), "ghcr.io/org/app");
        assert!(trusted(
            "registry.k8s.io/ingress-nginx/controller",
            "registry.k8s.io"
        ));
        assert!(trusted("docker.io/library/nginx", "docker.io/library/*"));
        assert!(!trusted("docker.io/bitnami/redis", "docker.io/library/*"));
        assert!(!trusted("registry.k8s.io.evil.com/x", "registry.k8s.io"));
    }

    #[test]
    fn hardened_images() {
        let py = "docker.io/library/python";
        assert!(hardened(
            "cgr.dev/chainguard/python",
            Some("latest"),
            "cgr.dev/chainguard/*"
        ));
        assert!(hardened(
            "gcr.io/distroless/static-debian12",
            None,
            "gcr.io/distroless"
        ));
        assert!(!hardened(py, Some("3.12-slim"), "cgr.dev/chainguard/*"));
        // Entries with a tag match the tag too.
        assert!(hardened(
            py,
            Some("3.12-slim"),
            "docker.io/library/python:3.12-*"
        ));
        assert!(!hardened(
            py,
            Some("3.11-slim"),
            "docker.io/library/python:3.12-*"
        ));
        assert!(!hardened(py, None, "docker.io/library/python:3.12-*"));
        assert!(hardened(
            "registry.example.com:5000/hardened/base",
            Some("1"),
            "registry.example.com:5000/hardened"
        ));
        assert!(hardened(
            "registry.example.com:5000/base",
            Some("1"),
            "registry.example.com:5000"
        ));
    }
}
