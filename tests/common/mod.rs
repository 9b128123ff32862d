//! Scenario helpers shared by the integration tests: scan a folder and
//! compare its findings with the `expect: <ID>` markers in its files.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bulkhead::config::Config;
use bulkhead::engine::catalogue::Catalogue;
use bulkhead::scan::{ScanOptions, ScanResult, scan};

pub fn scan_dir(dir: &Path) -> ScanResult {
    scan(
        &ScanOptions {
            paths: vec![dir.to_path_buf()],
            root: dir.to_path_buf(),
            threads: 1,
            value_stats: false,
        },
        &Catalogue::builtin().unwrap(),
        &Config::default(),
    )
    .unwrap()
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
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

/// `(file, line, check)` for every `expect: ID` marker.
pub fn markers(dir: &Path) -> BTreeSet<(String, u32, String)> {
    let mut out = BTreeSet::new();
    for f in files_under(dir) {
        let rel = f
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find("expect: ") {
                for id in line[pos + 8..]
                    .split([',', ' '])
                    .filter(|s| s.starts_with("BH"))
                {
                    out.insert((rel.clone(), u32::try_from(i + 1).unwrap(), id.to_string()));
                }
            }
        }
    }
    out
}

pub fn findings(r: &ScanResult, ids: &BTreeSet<String>) -> BTreeSet<(String, u32, String)> {
    r.findings
        .iter()
        .filter(|f| ids.contains(&f.check.id))
        .map(|f| {
            (
                f.source.path.clone(),
                f.source.line_col(f.span.start).line,
                f.check.id.clone(),
            )
        })
        .collect()
}

/// Run the scenario `testdata/<group>/<name>`: its `fail/` variant must
/// produce exactly the marked findings, its `pass/` twin none of those checks.
pub fn scenario(group: &str, name: &str) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(group)
        .join(name);
    let fail = base.join("fail");
    let pass = base.join("pass");
    let (fail, pass) = if fail.is_dir() || pass.is_dir() {
        (fail.is_dir().then_some(fail), pass.is_dir().then_some(pass))
    } else {
        (Some(base.clone()), None)
    };
    let mut ids: BTreeSet<String> = BTreeSet::new();
    if let Some(dir) = &fail {
        let want = markers(dir);
        assert!(
            !want.is_empty(),
            "{name}: the fail variant has no expect markers"
        );
        ids = want.iter().map(|(_, _, id)| id.clone()).collect();
        let r = scan_dir(dir);
        let errors: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.kind == "parse-error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let got = findings(&r, &ids);
        assert_eq!(got, want, "{name}: findings differ from the markers");
    }
    if let Some(dir) = &pass {
        let r = scan_dir(dir);
        let watched: BTreeSet<String> = if ids.is_empty() {
            r.findings.iter().map(|f| f.check.id.clone()).collect()
        } else {
            ids
        };
        let got = findings(&r, &watched);
        assert!(
            got.is_empty(),
            "{name}: the compliant twin must be silent: {got:?}"
        );
    }
}
