//! Properties that must hold for any input, checked on generated
//! repositories: fixtures from `testdata/checks/` (files that make checks
//! fire, and files that must not) placed in random folders, shifted by
//! comment lines with non-ASCII text, with Unix or Windows line endings.
//!
//! - every finding's span (and every related span) lies inside its file, on
//!   character boundaries, on the line the reports name;
//! - rendering never panics, in any format, for scanned or hand-built findings
//!   (with arbitrary spans and messages);
//! - SARIF parses and has the fields GitHub code scanning needs (the full
//!   schema validation runs in `tests/report.rs` and `.ci/run`);
//! - the output is byte-identical whatever the thread count and the order in
//!   which files were created.
//!
//! 64 cases per property by default; `PROPTEST_CASES=1000 cargo test --test
//! properties` runs more.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use bulkhead::config::Config;
use bulkhead::date::Date;
use bulkhead::engine::catalogue::{Catalogue, Severity};
use bulkhead::finding::{Finding, Related};
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{ScanOptions, ScanResult, scan};
use bulkhead::source::{FileKind, SourceFile, SourceRef, Span};
use proptest::prelude::*;
use serde_json::Value;

/// One fixture: files relative to the folder it is placed in.
#[derive(Debug, Clone)]
struct Fixture {
    files: Vec<(String, String)>,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture of `testdata/checks/`: single files (`fail.tf`,
/// `pass.yaml`, ...) and multi-file scenarios (`fail/`, `pass/`).
fn fixtures() -> &'static [Fixture] {
    static POOL: OnceLock<Vec<Fixture>> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut out = Vec::new();
        let root = manifest_dir().join("testdata/checks");
        let mut checks: Vec<PathBuf> = std::fs::read_dir(&root)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        checks.sort();
        for check in checks {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&check)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            entries.sort();
            for e in entries {
                let mut files = Vec::new();
                collect(&e, &e, &mut files);
                if !files.is_empty() {
                    out.push(Fixture { files });
                }
            }
        }
        assert!(out.len() > 50, "too few fixtures: {}", out.len());
        out
    })
}

fn collect(base: &Path, p: &Path, out: &mut Vec<(String, String)>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(base, &e, out);
        }
    } else if let Ok(text) = std::fs::read_to_string(p) {
        let rel = if p == base {
            p.file_name().unwrap().to_string_lossy().into_owned()
        } else {
            p.strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        };
        out.push((rel, text));
    }
}

/// How a fixture is changed before it is written.
#[derive(Debug, Clone)]
struct Placed {
    fixture: usize,
    folder: String,
    /// Comment lines put before the text (shifts every span).
    comments: Vec<String>,
    /// Windows line endings.
    crlf: bool,
}

fn placed() -> impl Strategy<Value = Placed> {
    let n = fixtures().len();
    (
        0..n,
        prop::collection::vec("[a-z]{1,6}", 0..3),
        prop::collection::vec("[ -~]{0,20}|[äöü✓λ→ 中文]{1,8}", 0..3),
        any::<bool>(),
    )
        .prop_map(|(fixture, segs, comments, crlf)| Placed {
            fixture,
            folder: segs.join("/"),
            comments,
            crlf,
        })
}

/// A repository: several placed fixtures, each in its own folder.
fn repository() -> impl Strategy<Value = Vec<Placed>> {
    prop::collection::vec(placed(), 1..5)
}

/// The files of a repository: (relative path, content).
fn materialize(repo: &[Placed]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, p) in repo.iter().enumerate() {
        let fx = &fixtures()[p.fixture];
        for (rel, text) in &fx.files {
            let path = if p.folder.is_empty() {
                format!("r{i}/{rel}")
            } else {
                format!("r{i}/{}/{rel}", p.folder)
            };
            let mut body = String::new();
            // JSON has no comments; a Dockerfile's first lines may be parser directives.
            let commentable = !rel.ends_with(".json") && !text.starts_with("# escape");
            if commentable {
                for c in &p.comments {
                    // Keep the comment from being read as a directive or a suppression.
                    let c = c.replace(['=', '\r', '\n'], " ").replace("bulkhead", "bh");
                    body.push_str("# note ");
                    body.push_str(&c);
                    body.push('\n');
                }
            }
            body.push_str(text);
            if p.crlf {
                body = body.replace("\r\n", "\n").replace('\n', "\r\n");
            }
            out.push((path, body.into_bytes()));
        }
    }
    out
}

fn write_all(dir: &Path, files: &[(String, Vec<u8>)], order: &[usize]) {
    for &i in order {
        let (rel, bytes) = &files[i];
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::builtin().unwrap())
}

fn config() -> Config {
    Config {
        today: Date::new(2026, 12, 4),
        ..Config::default()
    }
}

fn run(dir: &Path, threads: usize) -> ScanResult {
    scan(
        &ScanOptions {
            paths: vec![dir.to_path_buf()],
            root: dir.to_path_buf(),
            threads,
            value_stats: false,
        },
        catalogue(),
        &config(),
    )
    .unwrap()
}

fn opts() -> ReportOptions {
    ReportOptions {
        version: "0.0.0-test",
        ..ReportOptions::default()
    }
}

fn render_all(result: &ScanResult) -> Vec<String> {
    [Format::Human, Format::Json, Format::Sarif, Format::Github]
        .into_iter()
        .map(|f| report::render(f, result, catalogue(), &opts()))
        .collect()
}

/// A span is inside its file, on character boundaries, and the line and
/// column that reports give for its start name the line that holds it. The
/// file is read again from disk: a finding may hold an excerpt of it
/// ([`SourceFile::excerpt`]), which must answer as the whole file does.
fn check_span(held: &SourceFile, span: Span, what: &str) -> Result<(), TestCaseError> {
    let text = std::fs::read_to_string(&held.disk_path)
        .map_err(|e| TestCaseError::fail(format!("{what}: {}: {e}", held.disk_path.display())))?;
    let src = &SourceFile::new(held.path.clone(), held.disk_path.clone(), held.kind, text);
    prop_assert_eq!(
        report::region(held, span),
        report::region(src, span),
        "{}: region of {:?} in {}",
        what,
        span,
        src.path
    );
    let (first, last) = report::region(src, span);
    let (first, last) = (first.line.saturating_sub(1).max(1), last.line + 1);
    for line in first..=last.min(u32::try_from(src.line_count()).unwrap_or(u32::MAX)) {
        prop_assert_eq!(
            held.line_text(line),
            src.line_text(line),
            "{}: line {} of {}",
            what,
            line,
            src.path
        );
    }
    prop_assert_eq!(
        held.slice(span),
        src.slice(span),
        "{}: text of {:?}",
        what,
        span
    );
    let len = src.text.len();
    prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    prop_assert!(
        span.end as usize <= len,
        "{what}: span {span:?} past the end of {} ({len} bytes)",
        src.path
    );
    prop_assert!(
        src.text.is_char_boundary(span.start as usize)
            && src.text.is_char_boundary(span.end as usize),
        "{what}: span {span:?} splits a character in {}",
        src.path
    );
    let (start, end) = report::region(src, span);
    let line_start = src.line_start(start.line);
    let next_line = src.line_start(start.line + 1);
    prop_assert!(
        line_start <= span.start as usize && (span.start as usize) < next_line.max(line_start + 1),
        "{what}: span {span:?} of {} is not on reported line {}",
        src.path,
        start.line
    );
    let col_text = &src.text[line_start..span.start as usize];
    prop_assert_eq!(
        start.column as usize,
        col_text.chars().count() + 1,
        "{}: column of {:?} in {}",
        what,
        span,
        src.path
    );
    prop_assert!(
        (end.line, end.column) >= (start.line, start.column),
        "{what}: region ends before it starts"
    );
    prop_assert!(
        end.line as usize <= src.line_count(),
        "{what}: end line past the file"
    );
    Ok(())
}

/// The SARIF fields GitHub code scanning relies on.
fn check_sarif(text: &str) -> Result<(), TestCaseError> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| TestCaseError::fail(format!("SARIF is not JSON: {e}")))?;
    prop_assert_eq!(v["version"].as_str(), Some("2.1.0"));
    prop_assert!(v["$schema"].is_string());
    let runs = v["runs"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no runs"))?;
    prop_assert_eq!(runs.len(), 1);
    let run = &runs[0];
    prop_assert_eq!(run["tool"]["driver"]["name"].as_str(), Some("bulkhead"));
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for r in &rules {
        for key in [
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "helpUri",
        ] {
            prop_assert!(!r[key].is_null(), "rule without {key}: {r}");
        }
        prop_assert!(r["help"]["text"].is_string() && r["help"]["markdown"].is_string());
        prop_assert!(r["properties"]["security-severity"].is_string());
    }
    for res in run["results"].as_array().cloned().unwrap_or_default() {
        let id = res["ruleId"]
            .as_str()
            .ok_or_else(|| TestCaseError::fail("result without ruleId"))?;
        let idx = res["ruleIndex"]
            .as_u64()
            .ok_or_else(|| TestCaseError::fail("result without ruleIndex"))?;
        prop_assert_eq!(
            rules.get(idx as usize).and_then(|r| r["id"].as_str()),
            Some(id)
        );
        prop_assert!(res["message"]["text"].is_string());
        prop_assert!(matches!(
            res["level"].as_str(),
            Some("error" | "warning" | "note" | "none")
        ));
        prop_assert!(res["partialFingerprints"].is_object());
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap_or("");
        prop_assert!(!uri.is_empty() && !uri.starts_with('/'), "uri {uri:?}");
        prop_assert_eq!(
            loc["artifactLocation"]["uriBaseId"].as_str(),
            Some("%SRCROOT%")
        );
        let region = &loc["region"];
        let (sl, sc) = (
            region["startLine"].as_u64().unwrap_or(0),
            region["startColumn"].as_u64().unwrap_or(0),
        );
        let (el, ec) = (
            region["endLine"].as_u64().unwrap_or(0),
            region["endColumn"].as_u64().unwrap_or(0),
        );
        prop_assert!(sl >= 1 && sc >= 1 && el >= sl && ec >= 1, "region {region}");
        prop_assert!(el > sl || ec > sc, "empty region {region}");
    }
    for n in run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        prop_assert!(n["message"]["text"].is_string());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    /// Spans are inside their files and on the reported lines; every format
    /// renders; SARIF has its required fields.
    #[test]
    fn spans_rendering_and_sarif_hold_for_any_repository(repo in repository()) {
        let files = materialize(&repo);
        let dir = tempfile::tempdir().unwrap();
        let order: Vec<usize> = (0..files.len()).collect();
        write_all(dir.path(), &files, &order);
        let result = run(dir.path(), 2);
        for f in &result.findings {
            check_span(&f.source, f.span, &format!("{} finding", f.check.id))?;
            for r in &f.related {
                check_span(&r.source, r.span, &format!("{} related location", f.check.id))?;
            }
        }
        for d in &result.diagnostics {
            if let (Some(line), Some((_, bytes))) = (d.line, files.iter().find(|(p, _)| *p == d.path)) {
                let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
                prop_assert!(line as usize <= lines, "diagnostic past the end: {d:?}");
            }
        }
        let outputs = render_all(&result);
        check_sarif(&outputs[2])?;
        let json: Value = serde_json::from_str(&outputs[1]).unwrap();
        prop_assert_eq!(json["findings"].as_array().map(Vec::len), Some(result.findings.len()));
    }

    /// The same repository gives byte-identical output with one thread and
    /// with four, whatever order its files were created in.
    #[test]
    fn output_is_the_same_for_any_thread_count_and_file_order(
        repo in repository(),
        seed in any::<u64>(),
    ) {
        let files = materialize(&repo);
        let forward: Vec<usize> = (0..files.len()).collect();
        let mut shuffled = forward.clone();
        // A seeded Fisher-Yates shuffle.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        write_all(a.path(), &files, &forward);
        write_all(b.path(), &files, &shuffled);
        let one = render_all(&run(a.path(), 1));
        let four = render_all(&run(b.path(), 4));
        for (x, y) in one.iter().zip(&four) {
            prop_assert_eq!(x, y);
        }
    }

    /// Rendering hand-built findings with arbitrary spans (also past the end
    /// of the file or inside a character), messages and evidence never panics.
    #[test]
    fn rendering_any_finding_never_panics(
        text in "(?s).{0,200}",
        spans in prop::collection::vec((0u32..400, 0u32..400), 1..6),
        message in "(?s).{0,80}",
        evidence in "(?s).{0,40}",
        path in "[a-zA-Z0-9 ,%#_./-]{1,30}",
        kind in 0usize..4,
    ) {
        let kinds = [FileKind::Terraform, FileKind::Yaml, FileKind::Dockerfile, FileKind::Json];
        let src: SourceRef = Arc::new(SourceFile::new(
            path.clone(),
            PathBuf::from(&path),
            kinds[kind],
            text.as_str(),
        ));
        let checks = &catalogue().checks;
        let mut result = ScanResult::default();
        for (i, (s, e)) in spans.iter().enumerate() {
            let check = Arc::clone(&checks[(i * 37 + *s as usize) % checks.len()]);
            result.findings.push(Box::new(Finding {
                severity: [Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical][i % 5],
                check,
                source: Arc::clone(&src),
                span: Span { start: *s, end: *e },
                message: message.as_str().into(),
                resource: format!("res{i}").into(),
                evidence: evidence.as_str().into(),
                related: vec![Related {
                    source: Arc::clone(&src),
                    span: Span { start: *e, end: *s },
                    message: message.clone(),
                }],
                environment: (i % 2 == 0).then(|| "production".into()),
                suppression: None,
                sla: None,
            }));
        }
        result.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let outputs = render_all(&result);
        let v: Value = serde_json::from_str(&outputs[2]).unwrap();
        prop_assert!(v["runs"][0]["results"].as_array().is_some_and(|r| r.len() == spans.len()));
    }
}
