//! Terraform semantics, proven by scenarios under `testdata/terraform/`: each
//! finding there exists only after evaluation (variables, variable files,
//! locals, conditionals, count, for_each, dynamic blocks, functions, local
//! modules, policy documents, Terragrunt) and points at the place where the
//! offending value is written; each compliant twin (`pass/`) stays silent.
//!
//! A scenario is a folder with `fail/` and `pass/` sub-folders, or a folder
//! scanned as a whole. Lines where a finding must start carry an
//! `expect: <ID>` comment.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bulkhead::config::Config;
use bulkhead::engine::catalogue::Catalogue;
use bulkhead::scan::{ScanOptions, ScanResult, scan};

fn scan_dir(dir: &Path) -> ScanResult {
    scan(
        &ScanOptions {
            paths: vec![dir.to_path_buf()],
            root: dir.to_path_buf(),
            threads: 1,
        },
        &Catalogue::builtin().unwrap(),
        &Config::default(),
    )
    .unwrap()
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

/// `(file, line, check)` for every `expect: ID` marker.
fn markers(dir: &Path) -> BTreeSet<(String, u32, String)> {
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

fn findings(r: &ScanResult, ids: &BTreeSet<String>) -> BTreeSet<(String, u32, String)> {
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

fn scenario(name: &str) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/terraform")
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

#[test]
fn variable_defaults_are_evaluated() {
    scenario("variable-default");
}

#[test]
fn each_variable_file_is_a_variant() {
    scenario("tfvars-variants");
}

#[test]
fn locals_and_conditionals_are_evaluated() {
    scenario("locals-conditional");
}

#[test]
fn count_zero_creates_nothing() {
    scenario("count-disabled");
}

#[test]
fn for_each_instances_are_expanded() {
    scenario("for-each-rules");
}

#[test]
fn dynamic_blocks_are_expanded() {
    scenario("dynamic-ingress");
}

#[test]
fn module_arguments_reach_module_resources() {
    scenario("module-argument");
}

#[test]
fn functions_are_evaluated() {
    scenario("functions");
}

#[test]
fn policy_document_data_sources_are_rendered() {
    scenario("policy-document");
}

#[test]
fn unknown_values_never_fire() {
    scenario("unknown-values");
}

#[test]
fn terragrunt_units_deploy_their_module_with_inputs() {
    scenario("terragrunt");
}

#[test]
fn module_findings_name_the_module_address_and_related_locations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/terraform/module-argument/fail");
    let r = scan_dir(&dir);
    let f = r
        .findings
        .iter()
        .find(|f| f.check.id == "BH0504")
        .expect("finding in module");
    assert_eq!(f.source.path, "main.tf");
    assert_eq!(f.resource, "module.orders_db.aws_db_instance.this");
    assert!(
        f.related
            .iter()
            .any(|rl| rl.source.path == "modules/db/main.tf"),
        "the module's resource is a related location: {:?}",
        f.related
            .iter()
            .map(|r| (&r.source.path, &r.message))
            .collect::<Vec<_>>()
    );
}

#[test]
fn file_and_templatefile_read_inside_the_repository() {
    scenario("file-functions");
}
