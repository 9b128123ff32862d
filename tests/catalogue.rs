//! The catalogue polices itself: every check is well-formed, documented,
//! tagged with policy requirements, and proven by its examples and by its
//! fixtures under `testdata/checks/<ID>/` (exact lines, and silence on the
//! passing variant).
//!
//! An example or fixture may bring its own `bulkhead.toml` (a `### file:
//! bulkhead.toml` part of an example, a file in a fixture folder): it is
//! loaded as the scan's configuration, for checks that stay silent until
//! configured.
//!
//! Examples and fixtures are scanned with the current date, unless one of
//! their files holds `--today YYYY-MM-DD` (in a comment such as `# scanned
//! with bulkhead scan --today 2030-01-01`): then with that date, as the CLI
//! option would, so checks that judge dates (certificate expiry) are proven
//! the same way whatever the day the tests run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use bulkhead::config::Config;
use bulkhead::date::Date;
use bulkhead::engine::catalogue::{Catalogue, Check};
use bulkhead::scan::{ScanOptions, ScanResult, scan};

fn catalogue() -> Catalogue {
    Catalogue::builtin().expect("embedded checks load")
}

/// Numbered requirements of the policy: `A.5-<section>.<item>`, plus the
/// sections without numbered items.
fn policy_tags() -> BTreeSet<String> {
    let mut tags = BTreeSet::new();
    let items = [
        (1, 7),
        (2, 2),
        (3, 6),
        (4, 4),
        (5, 6),
        (6, 6),
        (9, 2),
        (10, 4),
    ];
    for (section, n) in items {
        for i in 1..=n {
            tags.insert(format!("A.5-{section}.{i}"));
        }
    }
    for s in ["A.5-7", "A.5-8", "A.5-11"] {
        tags.insert(s.to_string());
    }
    tags
}

#[test]
fn checks_are_well_formed() {
    let cat = catalogue();
    assert!(!cat.checks.is_empty());
    let tags = policy_tags();
    let id_re = regex::Regex::new(r"^BH0[1-9]\d{2}$").unwrap();
    let name_re = regex::Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*$").unwrap();
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for c in &cat.checks {
        assert!(id_re.is_match(&c.id), "{}: malformed id", c.id);
        assert!(
            name_re.is_match(&c.name),
            "{}: name must be kebab-case",
            c.id
        );
        assert!(ids.insert(c.id.clone()), "{}: duplicate id", c.id);
        assert!(
            names.insert(c.name.clone()),
            "{}: duplicate name {}",
            c.id,
            c.name
        );
        assert!(!c.policy.is_empty(), "{}: no policy tag", c.id);
        for t in &c.policy {
            assert!(tags.contains(t), "{}: unknown policy tag {t}", c.id);
        }
        let file = Path::new(&c.source)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert_eq!(
            file,
            format!("{}-{}.yaml", c.id, c.name),
            "{}: file must be named <ID>-<name>.yaml",
            c.id
        );
        assert!(
            c.title.len() >= 10 && !c.title.ends_with('.'),
            "{}: title",
            c.id
        );
        assert!(c.rationale.len() >= 40, "{}: rationale too short", c.id);
        assert!(
            c.remediation.ends_with('.') || c.remediation.ends_with("```"),
            "{}: remediation must be a sentence ending in '.'",
            c.id
        );
        assert!(
            !c.examples.fail.is_empty() && !c.examples.pass.is_empty(),
            "{}: examples",
            c.id
        );
    }
}

/// The scan date a fixture or example asks for with `--today YYYY-MM-DD`.
fn scan_date<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Date> {
    texts.into_iter().find_map(|text| {
        let (_, rest) = text.split_once("--today ")?;
        Some(Date::parse(rest.get(..10)?).expect("`--today` takes YYYY-MM-DD"))
    })
}

/// The configuration an example or fixture brings along, else the defaults.
fn fixture_config(dir: &Path) -> Config {
    let path = dir.join(bulkhead::config::FILE_NAME);
    if path.is_file() {
        Config::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    } else {
        Config::default()
    }
}

fn scan_dir(dir: &Path, today: Option<Date>) -> ScanResult {
    let cfg = Config {
        today,
        ..fixture_config(dir)
    };
    scan(
        &ScanOptions {
            paths: vec![dir.to_path_buf()],
            root: dir.to_path_buf(),
            threads: 1,
            value_stats: false,
        },
        &catalogue(),
        &cfg,
    )
    .expect("scan runs")
}

fn lines_of(check: &Check, result: &ScanResult) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = result
        .findings
        .iter()
        .filter(|f| f.check.id == check.id)
        .map(|f| (f.source.path.clone(), f.source.line_col(f.span.start).line))
        .collect();
    v.sort();
    v
}

#[test]
fn examples_fire_and_stay_silent_as_labelled() {
    let cat = catalogue();
    let mut failures = Vec::new();
    for c in &cat.checks {
        for (label, examples, want_hits) in [
            ("fail", &c.examples.fail, true),
            ("pass", &c.examples.pass, false),
        ] {
            for (i, ex) in examples.iter().enumerate() {
                let dir = tempfile::tempdir().unwrap();
                let files = c.example_files(ex);
                for (path, text) in &files {
                    let p = dir.path().join(path);
                    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                    std::fs::write(p, text).unwrap();
                }
                let today = scan_date(files.iter().map(|(_, t)| t.as_str()));
                let r = scan_dir(dir.path(), today);
                if let Some(d) = r.diagnostics.iter().find(|d| d.kind == "parse-error") {
                    failures.push(format!("{} {label} example {i}: {d:?}", c.id));
                }
                let hits = lines_of(c, &r).len();
                if want_hits != (hits > 0) {
                    failures.push(format!("{} {label} example {i}: {hits} finding(s)", c.id));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "examples disagree with their labels:\n{}",
        failures.join("\n")
    );
}

/// Lines marked `expect: ID` (that line) or `expect-next: ID` (the next line
/// that is not a comment).
fn expected_lines(text: &str, id: &str) -> Vec<u32> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for (marker, next) in [("expect-next:", true), ("expect:", false)] {
            let Some(pos) = line.find(marker) else {
                continue;
            };
            if !next && line[..pos].ends_with("expect-") {
                continue;
            }
            let ids = &line[pos + marker.len()..];
            if !ids.split([',', ' ']).any(|x| x.trim() == id) {
                continue;
            }
            if next {
                let target = lines
                    .iter()
                    .enumerate()
                    .skip(i + 1)
                    .find(|(_, l)| {
                        let t = l.trim_start();
                        !(t.starts_with('#') || t.starts_with("//"))
                    })
                    .map(|(j, _)| j)
                    .expect("expect-next before a line");
                out.push(u32::try_from(target + 1).unwrap());
            } else {
                out.push(u32::try_from(i + 1).unwrap());
            }
        }
    }
    out.sort_unstable();
    out
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn fixtures_prove_exact_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/checks");
    let cat = catalogue();
    let mut problems = Vec::new();
    let known: BTreeSet<&str> = cat.checks.iter().map(|c| c.id.as_str()).collect();
    for entry in std::fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if !known.contains(name.as_str()) {
            problems.push(format!("testdata/checks/{name} has no check"));
        }
    }
    for c in &cat.checks {
        let dir = root.join(&c.id);
        if !dir.is_dir() {
            problems.push(format!("{}: no fixtures in testdata/checks/{}", c.id, c.id));
            continue;
        }
        let mut saw = BTreeMap::from([("fail", false), ("pass", false)]);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let fname = path.file_name().unwrap().to_string_lossy().to_string();
            let kind = if fname.starts_with("fail") {
                "fail"
            } else if fname.starts_with("pass") {
                "pass"
            } else {
                continue;
            };
            saw.insert(kind, true);
            // Each fixture (a file or a folder) is scanned on its own.
            let tmp = tempfile::tempdir().unwrap();
            if path.is_dir() {
                copy_dir(&path, tmp.path());
            } else {
                std::fs::copy(&path, tmp.path().join(&fname)).unwrap();
            }
            let texts: Vec<String> = files_under(tmp.path())
                .iter()
                .map(|f| std::fs::read_to_string(f).unwrap_or_default())
                .collect();
            let result = scan_dir(tmp.path(), scan_date(texts.iter().map(String::as_str)));
            if let Some(d) = result.diagnostics.iter().find(|d| d.kind == "parse-error") {
                problems.push(format!("{}: {fname}: {d:?}", c.id));
            }
            let got = lines_of(c, &result);
            let mut want = Vec::new();
            for f in files_under(tmp.path()) {
                let rel = f
                    .strip_prefix(tmp.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = std::fs::read_to_string(&f).unwrap();
                for l in expected_lines(&text, &c.id) {
                    want.push((rel.clone(), l));
                }
            }
            want.sort();
            if kind == "pass" && !got.is_empty() {
                problems.push(format!(
                    "{}: {fname} must be silent, fired at {got:?}",
                    c.id
                ));
            }
            if kind == "fail" && (want.is_empty() || got != want) {
                problems.push(format!("{}: {fname}: expected {want:?}, got {got:?}", c.id));
            }
        }
        for (k, seen) in saw {
            if !seen {
                problems.push(format!("{}: no {k} fixture", c.id));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "fixture problems:\n{}",
        problems.join("\n")
    );
}

/// Built-in patterns compile when first used: each must compile.
#[test]
fn builtin_patterns_compile() {
    let mut n = 0;
    for c in &catalogue().checks {
        if let bulkhead::engine::catalogue::Logic::Match(pred) = &c.logic {
            pred.compile_patterns()
                .unwrap_or_else(|e| panic!("{}: {e}", c.id));
            n += 1;
        }
    }
    assert!(n > 50, "only {n} declarative checks");
}

/// The parallel load (for runs that do nothing else meanwhile) yields the
/// same catalogue, in the same order.
#[test]
fn parallel_load_is_the_same_catalogue() {
    let one = catalogue();
    let all = Catalogue::builtin_parallel().expect("embedded checks load");
    let key = |c: &Check| format!("{} {} {} {:?}", c.id, c.source, c.title, c.targets);
    let one: Vec<String> = one.checks.iter().map(|c| key(c)).collect();
    let all: Vec<String> = all.checks.iter().map(|c| key(c)).collect();
    assert_eq!(one, all);
}
