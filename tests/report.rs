//! The reporters: every format is snapshotted on a small fixture tree
//! (`testdata/report/`: Terraform, Kubernetes, a Dockerfile and a file that
//! does not parse) and on hand-built findings that exercise related
//! locations, environments, multi-line spans, secrets and escaping. The SARIF
//! output must pass `shared/tools/validate-sarif`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use bulkhead::config::Config;
use bulkhead::date::Date;
use bulkhead::diagnostic::{DiagLevel, Diagnostic};
use bulkhead::engine::catalogue::{Catalogue, Severity, parse_check};
use bulkhead::finding::{Finding, Related};
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{ScanOptions, ScanResult, scan};
use bulkhead::source::{FileKind, SourceFile, SourceRef, Span};

/// The checks the fixture relies on. Other checks are left out so that new
/// checks do not change these snapshots.
const FIXTURE_CHECKS: [&str; 2] = ["BH0301", "BH0311"];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn opts() -> ReportOptions {
    ReportOptions {
        root_uri: None,
        version: "0.0.0-test",
        ..Default::default()
    }
}

fn fixture_catalogue() -> Catalogue {
    let mut cat = Catalogue::builtin().expect("embedded checks load");
    cat.checks
        .retain(|c| FIXTURE_CHECKS.contains(&c.id.as_str()));
    assert_eq!(
        cat.checks.len(),
        FIXTURE_CHECKS.len(),
        "fixture checks missing from the catalogue"
    );
    cat
}

/// The configuration of the fixture scans: deadlines are computed as of a
/// fixed day so that the snapshots do not change with the date.
fn fixture_config() -> Config {
    Config {
        today: Date::new(2026, 12, 4),
        ..Config::default()
    }
}

fn fixture() -> (ScanResult, Catalogue) {
    let dir = manifest_dir().join("testdata/report");
    let cat = fixture_catalogue();
    let result = scan(
        &ScanOptions {
            paths: vec![dir.clone()],
            root: dir,
            threads: 1,
            value_stats: false,
        },
        &cat,
        &fixture_config(),
    )
    .expect("scan runs");
    (result, cat)
}

fn render(format: Format, result: &ScanResult, cat: &Catalogue) -> String {
    report::render(format, result, cat, &opts())
}

// ---------------------------------------------------------------- fixture tree

#[test]
fn fixture_scans_as_expected() {
    let (result, _) = fixture();
    let found: Vec<(String, &str)> = result
        .findings
        .iter()
        .map(|f| (f.source.path.clone(), f.check.id.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("Dockerfile".to_string(), "BH0311"),
            ("Dockerfile".to_string(), "BH0311"),
            ("k8s/deploy.yaml".to_string(), "BH0301"),
            ("k8s/deploy.yaml".to_string(), "BH0301"),
        ]
    );
    assert_eq!(result.stats.files_failed, 1);
    assert_eq!(result.diagnostics.len(), 1);
    assert_eq!(result.diagnostics[0].path, "broken.yaml");
    assert_eq!(result.diagnostics[0].kind, "parse-error");
}

#[test]
fn fixture_human() {
    let (result, cat) = fixture();
    insta::assert_snapshot!("fixture_human", render(Format::Human, &result, &cat));
}

#[test]
fn fixture_json() {
    let (result, cat) = fixture();
    insta::assert_snapshot!("fixture_json", render(Format::Json, &result, &cat));
}

#[test]
fn fixture_sarif() {
    let (result, cat) = fixture();
    insta::assert_snapshot!("fixture_sarif", render(Format::Sarif, &result, &cat));
}

#[test]
fn fixture_github() {
    let (result, cat) = fixture();
    insta::assert_snapshot!("fixture_github", render(Format::Github, &result, &cat));
}

#[test]
fn fixture_markdown() {
    let (result, cat) = fixture();
    insta::assert_snapshot!("fixture_markdown", render(Format::Markdown, &result, &cat));
}

#[test]
fn output_does_not_depend_on_threads() {
    let dir = manifest_dir().join("testdata/report");
    let cat = fixture_catalogue();
    let many = scan(
        &ScanOptions {
            paths: vec![dir.clone()],
            root: dir,
            threads: 4,
            value_stats: false,
        },
        &cat,
        &fixture_config(),
    )
    .expect("scan runs");
    let (one, _) = fixture();
    for format in [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
    ] {
        assert_eq!(render(format, &one, &cat), render(format, &many, &cat));
    }
}

#[test]
fn sarif_root_uri_is_the_srcroot_base() {
    let (result, cat) = fixture();
    let opts = ReportOptions {
        root_uri: Some("file:///work/repo/".into()),
        ..opts()
    };
    let sarif: serde_json::Value =
        serde_json::from_str(&report::render(Format::Sarif, &result, &cat, &opts)).unwrap();
    assert_eq!(
        sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///work/repo/"
    );
    validate_sarif(
        &report::render(Format::Sarif, &result, &cat, &opts),
        "root-uri",
    );
}

#[test]
fn json_is_valid_and_counts_match() {
    let (result, cat) = fixture();
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json, &result, &cat)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["findings"], 4);
    assert_eq!(v["summary"]["by_severity"]["critical"], 2);
    assert_eq!(v["summary"]["by_severity"]["high"], 2);
    assert_eq!(v["summary"]["files_failed"], 1);
    assert_eq!(v["findings"].as_array().unwrap().len(), 4);
}

// ---------------------------------------------------------------- hand-built findings

const PLAIN_CHECK: &str = r#"
id: BH0198
name: shared-state-bucket
title: Environments share a state bucket
severity: medium
policy: [A.5-1.3, A.5-1.4]
targets: [terraform.resource:aws_s3_bucket]
rationale: |
  Production and test state in one bucket let a test pipeline read
  production secrets.
remediation: |
  Give each environment its own state bucket. Restrict access by role.
match: {path: bucket, exists: true}
examples:
  fail: 'resource "aws_s3_bucket" "a" { bucket = "x" }'
  pass: 'resource "aws_s3_bucket" "a" {}'
"#;

const SECRET_CHECK: &str = r#"
id: BH0499
name: plaintext-secret
title: Secret in plain text
severity: info
policy: [A.5-4.2]
targets: [kubernetes.container]
sensitive: true
rationale: Secrets in manifests end up in every clone of the repository.
remediation: Move the value into a secret store. Rotate it.
match: {path: env, exists: true}
examples:
  fail: 'x'
  pass: 'y'
"#;

const SECRET: &str = "hunter2-s3cr3t-value";

fn source(path: &str, kind: FileKind, text: &str) -> SourceRef {
    Arc::new(SourceFile::new(path.into(), path.into(), kind, text))
}

fn span_of(src: &SourceFile, needle: &str) -> Span {
    let start = src.text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn hand_built() -> (ScanResult, Catalogue) {
    let plain =
        Arc::new(parse_check("checks/test/BH0198-shared-state-bucket.yaml", PLAIN_CHECK).unwrap());
    let secret =
        Arc::new(parse_check("checks/test/BH0499-plaintext-secret.yaml", SECRET_CHECK).unwrap());
    let cat = Catalogue {
        checks: vec![Arc::clone(&plain), Arc::clone(&secret)],
    };

    let prod = source(
        "envs/prod/main.tf",
        FileKind::Terraform,
        "terraform {\n  backend \"s3\" {\n    bucket = \"acme-state\"\n    key    = \"prod\"\n  }\n}\n",
    );
    let test = source(
        "envs/test env/main.tf",
        FileKind::Terraform,
        "terraform {\n  backend \"s3\" {\n    bucket = \"acme-state\"\n  }\n}\n",
    );
    let manifest = source(
        "k8s/app.yaml",
        FileKind::Yaml,
        &format!("env:\n  - name: DB_PASSWORD\n    value: \"{SECRET}\"\n"),
    );

    // A multi-line span (the whole backend block) with a related location in
    // another environment, and a message that needs escaping in every format.
    let block_start = prod.text.find("backend").unwrap();
    let block_end = prod.text.find("  }\n").unwrap() + 4; // includes the line break
    let shared = Finding {
        check: Arc::clone(&plain),
        severity: Severity::Medium,
        source: Arc::clone(&prod),
        span: Span::new(block_start, block_end),
        message: "state bucket \"acme-state\" is shared by production and test, 100% of state, keys: prod,test\nsee related".into(),
        resource: "terraform.backend.s3".into(),
        evidence: "bucket = \"acme-state\"".into(),
        related: vec![Related {
            source: Arc::clone(&test),
            span: span_of(&test, "bucket = \"acme-state\""),
            message: "the test environment uses the same bucket".into(),
        }],
        environment: Some("production".into()),
        suppression: None,
        sla: None,
    };
    let value_start = manifest.text.find(SECRET).unwrap() - 1;
    let leaked = Finding {
        check: Arc::clone(&secret),
        severity: Severity::Info,
        source: Arc::clone(&manifest),
        span: Span::new(value_start, value_start + SECRET.len() + 2),
        message: "env DB_PASSWORD holds a secret in plain text".into(),
        resource: "Pod/app container app".into(),
        evidence: SECRET.into(),
        related: vec![],
        environment: None,
        suppression: None,
        sla: None,
    };
    let mut result = ScanResult {
        findings: vec![Box::new(shared), Box::new(leaked)],
        diagnostics: vec![
            Diagnostic::file(
                "",
                DiagLevel::Note,
                "limit",
                "no files matched the path filter".into(),
            ),
            Diagnostic::file(
                "modules/huge.tf",
                DiagLevel::Warning,
                "too-large",
                "file is 9000000 bytes, over the 5242880-byte limit; not scanned".into(),
            ),
            Diagnostic::at(
                "k8s/bad,name.yaml",
                3,
                11,
                DiagLevel::Error,
                "parse-error",
                "cannot parse: unexpected ':'\nat the end".into(),
            ),
        ],
        ..ScanResult::default()
    };
    result
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    result.stats.files.insert(FileKind::Terraform, 2);
    result.stats.files.insert(FileKind::Yaml, 1);
    result.stats.files_failed = 2;
    (result, cat)
}

#[test]
fn hand_built_human() {
    let (result, cat) = hand_built();
    insta::assert_snapshot!("hand_built_human", render(Format::Human, &result, &cat));
}

#[test]
fn hand_built_json() {
    let (result, cat) = hand_built();
    insta::assert_snapshot!("hand_built_json", render(Format::Json, &result, &cat));
}

#[test]
fn hand_built_sarif() {
    let (result, cat) = hand_built();
    insta::assert_snapshot!("hand_built_sarif", render(Format::Sarif, &result, &cat));
}

#[test]
fn hand_built_github() {
    let (result, cat) = hand_built();
    insta::assert_snapshot!("hand_built_github", render(Format::Github, &result, &cat));
}

#[test]
fn hand_built_markdown() {
    let (result, cat) = hand_built();
    insta::assert_snapshot!(
        "hand_built_markdown",
        render(Format::Markdown, &result, &cat)
    );
}

#[test]
fn markdown_lists_the_most_severe_findings_first_and_at_most_ten() {
    let (mut result, cat) = hand_built();
    let first = result.findings[0].clone();
    result.findings = (0..12)
        .map(|i| {
            let mut f = first.clone();
            f.severity = if i == 7 {
                Severity::Critical
            } else {
                Severity::Low
            };
            f
        })
        .collect();
    let md = render(Format::Markdown, &result, &cat);
    assert!(md.starts_with("### bulkhead: 12 open findings\n"), "{md}");
    assert!(md.contains("#### Top 10 findings"), "{md}");
    assert!(
        md.contains("| critical | 1 |\n| high | 0 |\n| medium | 0 |\n| low | 11 |"),
        "{md}"
    );
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| critical |") || l.starts_with("| low |"))
        .collect();
    // Two count rows, then the ten listed findings, the critical one first.
    assert_eq!(rows.len(), 12, "{md}");
    assert!(rows[2].starts_with("| critical | [BH0198]"), "{md}");
    assert!(md.contains("2 more findings: see the annotations"), "{md}");
}

#[test]
fn secrets_are_never_printed() {
    let (result, cat) = hand_built();
    for format in [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
    ] {
        let out = render(format, &result, &cat);
        assert!(
            !out.contains(SECRET),
            "{format:?} output shows the secret:\n{out}"
        );
    }
}

#[test]
fn fingerprints_do_not_depend_on_the_line() {
    let (mut result, cat) = hand_built();
    let before: serde_json::Value =
        serde_json::from_str(&render(Format::Sarif, &result, &cat)).unwrap();
    // Insert lines above the finding: same rule, file, resource and text.
    let f = &mut result.findings[0];
    let text = format!("# comment\n\n{}", f.source.text);
    let moved = source(&f.source.path, f.source.kind, &text);
    f.span = Span::new(f.span.start as usize + 11, f.span.end as usize + 11);
    f.source = moved;
    let after: serde_json::Value =
        serde_json::from_str(&render(Format::Sarif, &result, &cat)).unwrap();
    let fp = |v: &serde_json::Value| v["runs"][0]["results"][0]["partialFingerprints"].clone();
    let line = |v: &serde_json::Value| {
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .clone()
    };
    assert_ne!(line(&before), line(&after));
    assert_eq!(fp(&before), fp(&after));
}

#[test]
fn empty_scan() {
    let result = ScanResult::default();
    let cat = Catalogue::default();
    assert_eq!(
        render(Format::Human, &result, &cat),
        "No findings in 0 files scanned.\n"
    );
    assert_eq!(render(Format::Github, &result, &cat), "");
    let sarif = render(Format::Sarif, &result, &cat);
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );
    validate_sarif(&sarif, "empty");
}

// ---------------------------------------------------------------- validator

/// Run `shared/tools/validate-sarif --no-multitool -q` on a SARIF text.
fn validate_sarif(sarif: &str, name: &str) {
    let script = manifest_dir().join("../shared/tools/validate-sarif");
    assert!(
        script.is_file(),
        "the SARIF validator is missing: expected it at {} (the shared tools folder next to the \
         repository); it is required to test the SARIF output",
        script.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.sarif"));
    std::fs::write(&file, sarif).unwrap();
    let out = Command::new("bash")
        .arg(&script)
        .args(["--no-multitool", "-q"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "validate-sarif rejected {name}.sarif ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sarif_passes_the_validator() {
    let (result, cat) = fixture();
    validate_sarif(&render(Format::Sarif, &result, &cat), "fixture");
    let (result, cat) = hand_built();
    validate_sarif(&render(Format::Sarif, &result, &cat), "hand-built");
}

#[test]
fn human_colour_is_optional() {
    let (result, cat) = fixture();
    let plain = render(Format::Human, &result, &cat);
    assert!(!plain.contains('\u{1b}'), "escape codes without colour");
    let coloured = report::render(
        Format::Human,
        &result,
        &cat,
        &ReportOptions {
            color: true,
            ..opts()
        },
    );
    assert!(coloured.contains("\u{1b}["), "no escape codes with colour");
    assert!(coloured.contains("4 findings (2 critical, 2 high)"));
}
