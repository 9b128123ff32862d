//! End of life of the distributions and runtimes that container images are
//! built on: the dated table `data/end-of-life.toml` (embedded at build
//! time), how an image reference names a release of it, and BH0914.
//!
//! An image reference names a product by its repository (`python`,
//! `docker.io/library/python`, a Docker Hub mirror such as
//! `public.ecr.aws/docker/library/python`, or `mcr.microsoft.com/dotnet/aspnet`),
//! a release line by the first token of its tag (`3.7` in `3.7-slim-buster`,
//! a codename such as `buster` or `gallium`), and the distribution it is built
//! on by the other tokens (`buster`, `alpine3.15`, `focal`). Nothing is read
//! from a registry: unknown repositories, floating tags (`latest`, `3`,
//! `lts`), references by digest alone and unresolved build arguments are never
//! judged.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value as Json;

use super::dockerfile::image_stages;
use super::dockerfile_image::normalised_image;
use super::{Hit, param_strings};
use crate::date::Date;
use crate::engine::run::{Target, UnitCtx, stage_name};
use crate::model::dockerfile::{ImageRef, InstructionKind};

/// The table as kept in the repository.
const TABLE_TEXT: &str = include_str!("../../data/end-of-life.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    reviewed: Date,
    #[serde(default)]
    docker_hub_mirrors: Vec<String>,
    #[serde(default)]
    variant_images: Vec<String>,
    #[serde(default)]
    variant_repositories: Vec<String>,
    products: BTreeMap<String, ProductFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductFile {
    name: String,
    source: String,
    reviewed: Date,
    #[serde(default)]
    distribution: bool,
    variant_prefix: Option<String>,
    images: Vec<String>,
    #[serde(default)]
    codenames: BTreeMap<String, String>,
    releases: BTreeMap<String, Date>,
}

/// A release line and the day it reached (or reaches) its end of life.
#[derive(Debug, Clone)]
struct Line {
    release: String,
    parts: Vec<u64>,
    date: Date,
}

/// A product of the table: a distribution or a runtime.
#[derive(Debug)]
struct Product {
    key: String,
    name: String,
    distribution: bool,
    variant_prefix: Option<String>,
    codenames: Vec<(String, String)>,
    /// Sorted by version.
    lines: Vec<Line>,
}

impl Product {
    /// `Python 3.7`, `Debian 10 (buster)`, `OpenJDK 8 on the deprecated openjdk image`.
    fn label(&self, release: &str) -> String {
        let base = if self.name.contains("{release}") {
            self.name.replace("{release}", release)
        } else {
            format!("{} {release}", self.name)
        };
        let codename = self
            .codenames
            .iter()
            .find(|(code, rel)| rel == release && code.bytes().all(|b| b.is_ascii_alphabetic()));
        match codename {
            Some((code, _)) if self.distribution => format!("{base} ({code})"),
            _ => base,
        }
    }
}

/// How a tag names the release line that ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// The line itself (`3.7`, `3.7.17`, `buster`).
    Line,
    /// A loose tag (`python:2`) whose newest line has ended and has a successor.
    Newest(String),
    /// A release without a line of its own (`nginx:1.7.9`), covered by the
    /// next newer line of the same major version.
    OlderThan(String),
}

/// A release line an image reference names, and its end of life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    /// The product key in the table (`python`, `debian`).
    pub product: String,
    /// The release line in the table (`3.7`, `10`).
    pub release: String,
    /// The line as messages name it (`Python 3.7`, `Debian 10 (buster)`).
    pub label: String,
    /// Its end of life.
    pub date: Date,
    /// How the reference names it.
    pub how: How,
}

impl Ending {
    /// `Python 3.7`, `Python 2.7, the newest 2.x line`, `nginx 1.7.9, older than nginx 1.8`.
    fn describe(&self, table: &Table) -> String {
        match &self.how {
            How::Line => self.label.clone(),
            How::Newest(prefix) => format!("{}, the newest {prefix}.x line", self.label),
            How::OlderThan(version) => {
                let own = table
                    .product(&self.product)
                    .map_or_else(|| version.clone(), |p| p.label(version));
                format!("{own}, older than {}", self.label)
            }
        }
    }

    /// `on` for the line's own date, `by` when an older release is covered by it.
    fn preposition(&self) -> &'static str {
        match self.how {
            How::OlderThan(_) => "by",
            _ => "on",
        }
    }
}

/// Per-product release dates from the `end_of_life` parameter, merged over the table.
type Overrides = BTreeMap<String, Vec<Line>>;

/// The end-of-life table.
#[derive(Debug, Default)]
pub struct Table {
    reviewed: Option<Date>,
    products: Vec<Product>,
    by_image: HashMap<String, usize>,
    mirrors: Vec<String>,
    variant_images: Vec<String>,
    variant_repositories: Vec<String>,
}

/// `[v]1.2.3...` at the start of a tag token: its numbers and their text.
fn leading_version(token: &str) -> Option<(Vec<u64>, String)> {
    let t = match token.strip_prefix('v') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => token,
    };
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let len = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let text = t.get(..len)?.trim_end_matches('.');
    let parts = text
        .split('.')
        .map(str::parse::<u64>)
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some((parts, text.to_string()))
}

/// The numbers of a release line of the table (`3.10` is `[3, 10]`).
fn release_parts(release: &str) -> Option<Vec<u64>> {
    let (parts, text) = leading_version(release)?;
    (text.len() == release.len()).then_some(parts)
}

/// `python` is the Docker Official Image `docker.io/library/python`.
fn image_key(entry: &str) -> String {
    let e = entry.trim().trim_end_matches('/').to_ascii_lowercase();
    if e.contains('/') {
        e
    } else {
        format!("docker.io/library/{e}")
    }
}

fn sorted_lines(releases: impl IntoIterator<Item = (String, Date)>) -> Result<Vec<Line>, String> {
    let mut lines = Vec::new();
    for (release, date) in releases {
        let parts = release_parts(&release)
            .ok_or_else(|| format!("release `{release}` is not a version such as `3.10`"))?;
        lines.push(Line {
            release,
            parts,
            date,
        });
    }
    lines.sort_by(|a, b| a.parts.cmp(&b.parts));
    Ok(lines)
}

impl Table {
    /// Read a table in the format of `data/end-of-life.toml`.
    ///
    /// # Errors
    /// Invalid TOML, unknown keys, a release that is not a version, a product
    /// without source or reviewed after the table, or an image listed twice.
    pub fn parse(text: &str) -> Result<Table, String> {
        let file: TableFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut table = Table {
            reviewed: Some(file.reviewed),
            mirrors: file
                .docker_hub_mirrors
                .iter()
                .map(|m| m.trim().trim_end_matches('/').to_ascii_lowercase())
                .collect(),
            variant_images: file.variant_images.iter().map(|i| image_key(i)).collect(),
            variant_repositories: file
                .variant_repositories
                .iter()
                .map(|r| r.trim().trim_end_matches('/').to_ascii_lowercase())
                .collect(),
            ..Table::default()
        };
        for (key, p) in file.products {
            if p.source.trim().is_empty() {
                return Err(format!("{key}: no source"));
            }
            if p.reviewed > file.reviewed {
                return Err(format!(
                    "{key}: reviewed {} after the table ({})",
                    p.reviewed, file.reviewed
                ));
            }
            let lines = sorted_lines(p.releases).map_err(|e| format!("{key}: {e}"))?;
            for (code, release) in &p.codenames {
                if !lines.iter().any(|l| &l.release == release) && release_parts(release).is_none()
                {
                    return Err(format!("{key}: codename {code} names `{release}`"));
                }
            }
            let index = table.products.len();
            for image in &p.images {
                if table.by_image.insert(image_key(image), index).is_some() {
                    return Err(format!("{key}: image {image} is listed twice"));
                }
            }
            table.products.push(Product {
                key,
                name: p.name,
                distribution: p.distribution,
                variant_prefix: p.variant_prefix.map(|v| v.to_ascii_lowercase()),
                codenames: p
                    .codenames
                    .into_iter()
                    .map(|(c, r)| (c.to_ascii_lowercase(), r))
                    .collect(),
                lines,
            });
        }
        Ok(table)
    }

    fn product(&self, key: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.key == key)
    }

    /// The product's release lines with the parameter's dates merged in.
    fn lines<'a>(&self, p: &'a Product, overrides: &'a Overrides) -> Cow<'a, [Line]> {
        let Some(extra) = overrides.get(&p.key) else {
            return Cow::Borrowed(&p.lines);
        };
        let mut lines = p.lines.clone();
        for e in extra {
            match lines.iter_mut().find(|l| l.parts == e.parts) {
                Some(l) => l.date = e.date,
                None => lines.push(e.clone()),
            }
        }
        lines.sort_by(|a, b| a.parts.cmp(&b.parts));
        Cow::Owned(lines)
    }

    /// `registry/repository` with Docker Hub spelled out and Docker Hub
    /// mirrors (the table's and `extra_mirrors`) replaced by Docker Hub.
    fn canonical(&self, r: &ImageRef, extra_mirrors: &[String]) -> String {
        let name = normalised_image(r).to_ascii_lowercase();
        let extra = extra_mirrors
            .iter()
            .map(|m| m.trim().trim_end_matches('/').to_ascii_lowercase());
        for m in self.mirrors.iter().cloned().chain(extra) {
            if m.is_empty() {
                continue;
            }
            if let Some(rest) = name.strip_prefix(&m).and_then(|r| r.strip_prefix('/')) {
                return if rest.contains('/') {
                    format!("docker.io/{rest}")
                } else {
                    format!("docker.io/library/{rest}")
                };
            }
        }
        name
    }

    /// The release line of a product that a tag token names, if the table knows it.
    fn resolve(&self, p: &Product, token: &str, overrides: &Overrides) -> Option<Ending> {
        let named = p.codenames.iter().find(|(code, _)| {
            token == code
                || token
                    .strip_prefix(code.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        });
        let (version, text) = match named {
            Some((_, release)) => (release_parts(release)?, release.clone()),
            None => leading_version(token)?,
        };
        self.resolve_version(p, &version, &text, overrides)
    }

    fn resolve_version(
        &self,
        p: &Product,
        version: &[u64],
        text: &str,
        overrides: &Overrides,
    ) -> Option<Ending> {
        let lines = self.lines(p, overrides);
        let ending = |l: &Line, how: How| Ending {
            product: p.key.clone(),
            release: l.release.clone(),
            label: p.label(&l.release),
            date: l.date,
            how,
        };
        // The line itself, or a patch release of it.
        if let Some(l) = lines
            .iter()
            .filter(|l| version.starts_with(&l.parts))
            .max_by_key(|l| l.parts.len())
        {
            return Some(ending(l, How::Line));
        }
        // A loose tag: the newest line under it, once a later line exists.
        let newest = lines
            .iter()
            .filter(|l| l.parts.starts_with(version))
            .max_by(|a, b| a.parts.cmp(&b.parts));
        if let Some(l) = newest {
            let closed = lines
                .iter()
                .any(|o| !o.parts.starts_with(version) && o.parts.as_slice() > version);
            return closed.then(|| ending(l, How::Newest(text.to_string())));
        }
        // Older than a line of the same major version: covered by the next
        // newer line. A major version the table does not know is not judged.
        if !lines.iter().any(|l| l.parts.first() == version.first()) {
            return None;
        }
        lines
            .iter()
            .find(|l| l.parts.as_slice() > version)
            .map(|l| ending(l, How::OlderThan(text.to_string())))
    }

    /// Distributions (and runtimes) named by tokens of a tag or repository
    /// name: codenames (`buster`), prefixed versions (`alpine3.15`,
    /// `debian11`, `nodejs16`, `debian-11`).
    fn variants(&self, tokens: &[&str], skip: Option<usize>, overrides: &Overrides) -> Vec<Ending> {
        let mut out = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            for p in &self.products {
                if p.distribution {
                    let named = p.codenames.iter().any(|(code, _)| {
                        token == code
                            || token
                                .strip_prefix(code.as_str())
                                .is_some_and(|rest| rest.starts_with('.'))
                    });
                    if named {
                        out.extend(self.resolve(p, token, overrides));
                        continue;
                    }
                }
                let Some(prefix) = &p.variant_prefix else {
                    continue;
                };
                let Some(rest) = token.strip_prefix(prefix.as_str()) else {
                    continue;
                };
                let version = if rest.is_empty() {
                    // `debian-11`: the version is the next token.
                    tokens.get(i + 1).and_then(|t| leading_version(t))
                } else {
                    leading_version(rest)
                };
                if let Some((v, text)) = version {
                    out.extend(self.resolve_version(p, &v, &text, overrides));
                }
            }
        }
        out
    }

    /// Every release line of the table that an image reference names, with
    /// its end of life (past or future). `extra_mirrors` are more Docker Hub
    /// mirrors; `overrides` more or other dates.
    fn lookup(
        &self,
        reference: &str,
        extra_mirrors: &[String],
        overrides: &Overrides,
    ) -> Vec<Ending> {
        let text = reference.trim().to_ascii_lowercase();
        if text.is_empty() || text.contains(['$', '{', '}', ' ']) {
            return vec![];
        }
        let r = ImageRef::parse(&text);
        let name = self.canonical(&r, extra_mirrors);
        let tokens: Vec<&str> = r
            .tag
            .as_deref()
            .map(|t| t.split('-').filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let mut out = Vec::new();
        if let Some(p) = self.by_image.get(&name).and_then(|i| self.products.get(*i)) {
            // `node:lts-gallium`: the release follows `lts`.
            let at = usize::from(tokens.first() == Some(&"lts") && tokens.len() > 1);
            if let Some(token) = tokens.get(at) {
                out.extend(self.resolve(p, token, overrides));
            }
            out.extend(self.variants(&tokens, Some(at), overrides));
        } else if self.variant_images.contains(&name) {
            out.extend(self.variants(&tokens, None, overrides));
        } else if let Some(base) = self.variant_repositories.iter().find_map(|prefix| {
            name.strip_prefix(prefix.as_str())
                .and_then(|rest| rest.strip_prefix('/'))
        }) {
            let last = base.rsplit('/').next().unwrap_or(base);
            let parts: Vec<&str> = last.split('-').filter(|s| !s.is_empty()).collect();
            out.extend(self.variants(&parts, None, overrides));
        }
        let mut seen = Vec::new();
        out.retain(|e| {
            let key = (e.product.clone(), e.release.clone());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        out
    }
}

/// The table embedded from `data/end-of-life.toml` (empty if it were invalid;
/// a unit test keeps it valid).
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::parse(TABLE_TEXT).unwrap_or_default())
}

/// The `end_of_life` parameter: `{ product = { release = "YYYY-MM-DD" } }`.
fn overrides(params: &BTreeMap<String, Json>) -> Overrides {
    let mut out = Overrides::new();
    let Some(Json::Object(products)) = params.get("end_of_life") else {
        return out;
    };
    for (product, releases) in products {
        let Json::Object(releases) = releases else {
            continue;
        };
        let pairs = releases.iter().filter_map(|(release, date)| {
            let d = date.as_str().and_then(|s| Date::parse(s).ok())?;
            Some((release.clone(), d))
        });
        let lines: Vec<Line> = pairs
            .filter_map(|(release, date)| {
                Some(Line {
                    parts: release_parts(&release)?,
                    release,
                    date,
                })
            })
            .collect();
        out.insert(product.to_ascii_lowercase(), lines);
    }
    out
}

fn param_days(params: &BTreeMap<String, Json>, key: &str) -> i64 {
    super::param_int(params, key).unwrap_or(0).max(0)
}

fn param_bool(params: &BTreeMap<String, Json>, key: &str) -> bool {
    params.get(key).and_then(Json::as_bool).unwrap_or(false)
}

/// Days after its review when the table is said to be out of date: releases
/// that ended since are missing from it.
const STALE_AFTER_DAYS: i64 = 365;

/// A note for messages when the table has not been reviewed for a year.
fn stale(table: &Table, today: Date) -> String {
    match table.reviewed {
        Some(r) if r.days_until(today) > STALE_AFTER_DAYS => {
            format!("; the end-of-life table was last reviewed on {r}")
        }
        _ => String::new(),
    }
}

/// What to say about an image, judged on `today`: `None` when nothing it
/// names has ended (or ends within `warn_days`).
fn verdict(
    table: &Table,
    subject: &str,
    endings: &[Ending],
    today: Date,
    warn_days: i64,
) -> Option<(String, String)> {
    let mut ended: Vec<&Ending> = endings.iter().filter(|e| e.date <= today).collect();
    ended.sort_by_key(|e| e.date);
    let evidence = |list: &[&Ending]| {
        list.iter()
            .map(|e| format!("{} {}", e.product, e.release))
            .collect::<Vec<_>>()
            .join("|")
    };
    if let Some((first, rest)) = ended.split_first() {
        let mut what = first.describe(table);
        for e in rest {
            what.push_str(&format!(
                "; also {} {} {}",
                e.describe(table),
                e.preposition(),
                e.date
            ));
        }
        let message = format!(
            "{subject} reached end of life {} {} ({what}){}",
            first.preposition(),
            first.date,
            stale(table, today)
        );
        return Some((message, evidence(&ended)));
    }
    if warn_days == 0 {
        return None;
    }
    let mut soon: Vec<&Ending> = endings
        .iter()
        .filter(|e| today.days_until(e.date) <= warn_days)
        .collect();
    soon.sort_by_key(|e| e.date);
    let first = soon.first()?;
    let message = format!(
        "{subject} reaches end of life {} {} ({}), in {} days{}",
        first.preposition(),
        first.date,
        first.describe(table),
        today.days_until(first.date),
        stale(table, today)
    );
    Some((message, evidence(&soon)))
}

/// `registry/repository:tag` as written, without the digest.
fn shown(r: &ImageRef) -> String {
    let mut s = String::new();
    if let Some(reg) = &r.registry {
        s.push_str(reg);
        s.push('/');
    }
    s.push_str(&r.repository);
    if let Some(tag) = &r.tag {
        s.push(':');
        s.push_str(tag);
    }
    s
}

/// BH0914: a Dockerfile stage whose layers end up in the final image, or a
/// Kubernetes container, runs an image of a distribution or runtime release
/// past its end of life on the scan date.
pub fn base_image_end_of_life(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let table = table();
    let mirrors = param_strings(params, "docker_hub_mirrors");
    let overrides = overrides(params);
    let warn_days = param_days(params, "warn_days_before");
    match target {
        Target::DockerStage(df, stage, _) => {
            if stage.base_is_stage || stage.image.repository.eq_ignore_ascii_case("scratch") {
                return vec![];
            }
            let in_image = image_stages(df).contains(&stage.index);
            if !in_image && !param_bool(params, "build_stages") {
                return vec![];
            }
            let Some(InstructionKind::From { image, .. }) =
                df.instructions.get(stage.from).map(|i| &i.kind)
            else {
                return vec![];
            };
            // After build-argument substitution; `$` remains when an argument has no default.
            let text = shown(&stage.image);
            let endings = table.lookup(&text, &mirrors, &overrides);
            let subject = if in_image {
                format!("base image {text}")
            } else {
                format!("image {text} of the build-only {}", stage_name(stage))
            };
            verdict(table, &subject, &endings, unit.today, warn_days)
                .map(|(message, evidence)| Hit {
                    file: 0,
                    span: image.span,
                    message: Some(message),
                    evidence: Some(evidence),
                    ..Hit::default()
                })
                .into_iter()
                .collect()
        }
        Target::K8sContainer(obj, c) => {
            let Some(node) = c.node.get("image") else {
                return vec![];
            };
            let Some(reference) = node.as_str() else {
                return vec![];
            };
            let endings = table.lookup(reference, &mirrors, &overrides);
            let text = shown(&ImageRef::parse(reference.trim()));
            let subject = format!("image {text} of container `{}`", c.name);
            verdict(table, &subject, &endings, unit.today, warn_days)
                .map(|(message, evidence)| Hit {
                    file: obj.root.file,
                    span: node.span,
                    message: Some(message),
                    evidence: Some(evidence),
                    ..Hit::default()
                })
                .into_iter()
                .collect()
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("valid date")
    }

    /// `(product release how)` of everything a reference names.
    fn names(reference: &str) -> Vec<String> {
        table()
            .lookup(reference, &[], &Overrides::new())
            .into_iter()
            .map(|e| {
                let how = match e.how {
                    How::Line => String::new(),
                    How::Newest(p) => format!(" newest {p}"),
                    How::OlderThan(v) => format!(" older {v}"),
                };
                format!("{} {}{how}", e.product, e.release)
            })
            .collect()
    }

    #[test]
    fn the_embedded_table_is_valid() {
        let t = Table::parse(TABLE_TEXT).expect("data/end-of-life.toml parses");
        assert!(t.reviewed.is_some());
        for key in [
            "debian", "ubuntu", "alpine", "centos", "python", "node", "golang", "php", "ruby",
            "openjdk", "dotnet", "nginx",
        ] {
            assert!(t.product(key).is_some(), "{key} missing");
        }
        assert!(!table().products.is_empty());
    }

    #[test]
    fn invalid_tables_are_rejected() {
        let base =
            "reviewed = 2026-01-01\n[products.x]\nname = \"X\"\nsource = \"s\"\nimages = [\"x\"]\n";
        assert!(
            Table::parse(&format!(
                "{base}reviewed = 2026-01-01\n[products.x.releases]\n\"1.0\" = 2020-01-01\n"
            ))
            .is_ok()
        );
        // Reviewed after the table, a release that is not a version, an unknown key.
        assert!(
            Table::parse(&format!(
                "{base}reviewed = 2026-02-01\n[products.x.releases]\n\"1.0\" = 2020-01-01\n"
            ))
            .is_err()
        );
        assert!(
            Table::parse(&format!(
                "{base}reviewed = 2026-01-01\n[products.x.releases]\n\"one\" = 2020-01-01\n"
            ))
            .is_err()
        );
        assert!(
            Table::parse(&format!(
                "{base}reviewed = 2026-01-01\nfoo = 1\n[products.x.releases]\n"
            ))
            .is_err()
        );
    }

    #[test]
    fn versions_at_the_start_of_tokens() {
        assert_eq!(
            leading_version("3.7.17"),
            Some((vec![3, 7, 17], "3.7.17".into()))
        );
        assert_eq!(leading_version("8u342"), Some((vec![8], "8".into())));
        assert_eq!(leading_version("v1.21"), Some((vec![1, 21], "1.21".into())));
        assert_eq!(
            leading_version("3.12.0b1"),
            Some((vec![3, 12, 0], "3.12.0".into()))
        );
        assert_eq!(
            leading_version("20.04_stable"),
            Some((vec![20, 4], "20.04".into()))
        );
        assert_eq!(leading_version("slim"), None);
        assert_eq!(leading_version("vx"), None);
        assert_eq!(leading_version("99999999999999999999999"), None);
        assert_eq!(release_parts("3.10"), Some(vec![3, 10]));
        assert_eq!(release_parts("3.10-slim"), None);
    }

    #[test]
    fn tags_name_release_lines() {
        assert_eq!(names("python:3.7"), ["python 3.7"]);
        assert_eq!(names("python:3.7.17-slim"), ["python 3.7"]);
        assert_eq!(names("python:3.10.14-alpine"), ["python 3.10"]);
        assert_eq!(names("node:16-alpine3.15"), ["node 16", "alpine 3.15"]);
        assert_eq!(names("python:3.7-slim-buster"), ["python 3.7", "debian 10"]);
        assert_eq!(names("debian:stretch"), ["debian 9"]);
        assert_eq!(names("debian:9"), ["debian 9"]);
        assert_eq!(names("debian:stretch-20230109-slim"), ["debian 9"]);
        assert_eq!(names("ubuntu:bionic-20230530"), ["ubuntu 18.04"]);
        assert_eq!(names("ubuntu:18.04"), ["ubuntu 18.04"]);
        assert_eq!(names("centos:7"), ["centos 7"]);
        assert_eq!(names("centos:centos7.9.2009"), ["centos 7"]);
        assert_eq!(names("alpine:3.15.4"), ["alpine 3.15"]);
        assert_eq!(names("golang:1.19-bullseye"), ["golang 1.19", "debian 11"]);
        assert_eq!(names("openjdk:8u342-jdk-slim"), ["openjdk 8"]);
        assert_eq!(names("php:7.4-fpm-alpine3.13"), ["php 7.4", "alpine 3.13"]);
        assert_eq!(names("node:lts-gallium"), ["node 16"]);
        assert_eq!(names("node:gallium-alpine"), ["node 16"]);
        assert_eq!(
            names("mcr.microsoft.com/dotnet/aspnet:6.0-focal"),
            ["dotnet 6", "ubuntu 20.04"]
        );
        assert_eq!(
            names("mcr.microsoft.com/dotnet/core/sdk:3.1"),
            ["dotnet 3.1"]
        );
        // Bitnami spells the distribution `debian-11`.
        assert_eq!(
            names("bitnami/python:3.7.17-debian-11-r5"),
            ["python 3.7", "debian 11"]
        );
    }

    #[test]
    fn registries_and_mirrors() {
        assert_eq!(names("docker.io/library/python:3.7"), ["python 3.7"]);
        assert_eq!(names("docker.io/python:3.7"), ["python 3.7"]);
        assert_eq!(names("library/python:3.7"), ["python 3.7"]);
        assert_eq!(names("index.docker.io/library/python:3.7"), ["python 3.7"]);
        assert_eq!(
            names("public.ecr.aws/docker/library/python:3.7"),
            ["python 3.7"]
        );
        assert_eq!(names("mirror.gcr.io/library/node:14"), ["node 14"]);
        assert_eq!(names("Python:3.7"), ["python 3.7"]);
        // A repository of the same name elsewhere is another image.
        assert!(names("ghcr.io/example/python:3.7").is_empty());
        assert!(names("example/python:3.7").is_empty());
        // A mirror given as a parameter.
        let t = table();
        let found = t.lookup(
            "harbor.example.com/dockerhub/library/python:3.7",
            &["harbor.example.com/dockerhub/".to_string()],
            &Overrides::new(),
        );
        assert_eq!(found.len(), 1);
        assert!(
            t.lookup(
                "harbor.example.com/dockerhub/library/python:3.7",
                &[],
                &Overrides::new()
            )
            .is_empty()
        );
    }

    #[test]
    fn digests_latest_and_arguments() {
        // A digest pins a build of the tag: the tag still names the release.
        assert_eq!(names("python:3.7@sha256:0123456789abcdef"), ["python 3.7"]);
        assert!(names("python@sha256:0123456789abcdef").is_empty());
        assert!(names("python").is_empty());
        assert!(names("python:latest").is_empty());
        assert!(names("python:slim").is_empty());
        assert!(names("python:${PYTHON_VERSION}-slim").is_empty());
        assert!(names("{{ .Values.image }}").is_empty());
        assert!(names("").is_empty());
    }

    #[test]
    fn loose_old_and_new_tags() {
        // `python:2` is 2.7, which has a successor; `python:3` follows the newest 3.x.
        assert_eq!(names("python:2"), ["python 2.7 newest 2"]);
        assert!(names("python:3").is_empty());
        assert!(names("python:3-slim").is_empty());
        assert!(names("golang:1").is_empty());
        assert!(names("node:lts").is_empty());
        assert!(names("nginx:stable-alpine").is_empty());
        assert_eq!(names("php:7-apache"), ["php 7.4 newest 7"]);
        // Older than a line of the same major version: covered by the next newer line.
        assert_eq!(names("nginx:1.7.9"), ["nginx 1.8 older 1.7.9"]);
        assert_eq!(names("nginx:v1.9"), ["nginx 1.10 older 1.9"]);
        assert_eq!(names("golang:1.9"), ["golang 1.10 older 1.9"]);
        assert_eq!(names("node:0.12"), ["node 0.12"]);
        assert_eq!(names("node:0.8"), ["node 0.10 older 0.8"]);
        // A major version the table does not know (a tag that never existed).
        assert!(names("mysql:1.7.9").is_empty());
        assert!(names("alpine:1.8.0").is_empty());
        assert!(names("dotnet/aspnet:4.8").is_empty());
        // Newer than the table: not judged.
        assert!(names("python:3.99").is_empty());
        assert!(names("node:99-alpine").is_empty());
    }

    #[test]
    fn repositories_that_name_their_base() {
        assert_eq!(names("rust:1.70-slim-buster"), ["debian 10"]);
        assert!(names("rust:1.70-slim").is_empty());
        assert_eq!(
            names("nvidia/cuda:11.8.0-runtime-ubuntu18.04"),
            ["ubuntu 18.04"]
        );
        assert_eq!(names("nvidia/cuda:10.2-devel-centos7"), ["centos 7"]);
        assert_eq!(names("gcr.io/distroless/base-debian10"), ["debian 10"]);
        assert_eq!(
            names("gcr.io/distroless/nodejs16-debian11:nonroot"),
            ["node 16", "debian 11"]
        );
        assert!(names("gcr.io/distroless/static").is_empty());
        // Unknown repositories never fire, whatever their tags say.
        assert!(names("example/app:1.0-buster").is_empty());
    }

    #[test]
    fn judged_against_the_scan_date() {
        let t = table();
        let python37 = t.lookup("python:3.7-slim", &[], &Overrides::new());
        assert!(
            verdict(
                t,
                "base image python:3.7-slim",
                &python37,
                d("2023-06-26"),
                0
            )
            .is_none()
        );
        let (message, evidence) = verdict(
            t,
            "base image python:3.7-slim",
            &python37,
            d("2023-06-27"),
            0,
        )
        .expect("ended");
        assert_eq!(
            message,
            "base image python:3.7-slim reached end of life on 2023-06-27 (Python 3.7)"
        );
        assert_eq!(evidence, "python 3.7");
        // Warned ahead only when asked.
        let (soon, _) = verdict(
            t,
            "base image python:3.7-slim",
            &python37,
            d("2023-06-17"),
            30,
        )
        .expect("within 30 days");
        assert!(
            soon.contains("reaches end of life on 2023-06-27 (Python 3.7), in 10 days"),
            "{soon}"
        );
        assert!(verdict(t, "x", &python37, d("2023-05-01"), 30).is_none());
        // Both the runtime and its base distribution: the earlier first.
        let both = t.lookup("python:3.9-slim-buster", &[], &Overrides::new());
        let (message, _) = verdict(
            t,
            "base image python:3.9-slim-buster",
            &both,
            d("2026-01-01"),
            0,
        )
        .expect("ended");
        assert_eq!(
            message,
            "base image python:3.9-slim-buster reached end of life on 2024-06-30 (Debian 10 (buster); also Python 3.9 on 2025-10-31)"
        );
        let old = t.lookup("nginx:1.7.9", &[], &Overrides::new());
        let (message, _) =
            verdict(t, "image nginx:1.7.9", &old, d("2026-01-01"), 0).expect("ended");
        assert!(
            message.contains("by 2016-04-26 (nginx 1.7.9, older than nginx 1.8)"),
            "{message}"
        );
    }

    #[test]
    fn an_old_table_says_so() {
        let t = table();
        let reviewed = t.reviewed.expect("reviewed");
        let python27 = t.lookup("python:2.7", &[], &Overrides::new());
        let (fresh, _) =
            verdict(t, "base image python:2.7", &python27, reviewed, 0).expect("ended");
        assert!(!fresh.contains("last reviewed"), "{fresh}");
        let (old, _) = verdict(
            t,
            "base image python:2.7",
            &python27,
            reviewed.add_days(400),
            0,
        )
        .expect("ended");
        assert!(
            old.ends_with(&format!(
                "; the end-of-life table was last reviewed on {reviewed}"
            )),
            "{old}"
        );
    }

    #[test]
    fn parameters_override_dates() {
        let params: BTreeMap<String, Json> = serde_json::from_value(serde_json::json!({
            "end_of_life": { "ubuntu": { "20.04": "2030-04-01" }, "python": { "3.15": "2031-10-31" } }
        }))
        .expect("params");
        let o = overrides(&params);
        let t = table();
        let focal = t.lookup("ubuntu:focal", &[], &o);
        assert_eq!(focal.first().map(|e| e.date), Some(d("2030-04-01")));
        let future = t.lookup("python:3.15", &[], &o);
        assert_eq!(future.first().map(|e| e.date), Some(d("2031-10-31")));
        assert_eq!(param_days(&params, "warn_days_before"), 0);
        let days = |v: Json| {
            let p: BTreeMap<String, Json> = [("warn_days_before".to_string(), v)].into();
            param_days(&p, "warn_days_before")
        };
        assert_eq!(days(serde_json::json!(30)), 30);
        assert_eq!(days(serde_json::json!(30.0)), 30);
        assert_eq!(days(serde_json::json!("30")), 30);
        assert_eq!(days(serde_json::json!(-5)), 0);
    }
}
