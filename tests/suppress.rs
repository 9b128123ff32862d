//! Suppressions (DESIGN.md §6): each comment syntax, the annotation form, the
//! enclosing-construct rule, and every way a suppression can fail (no reason,
//! expired, unused, another check, unknown check, turned off), reported as
//! BH0701. Configuration entries, and SARIF with suppressed results.

use std::path::Path;
use std::process::Command;

use bulkhead::config::Config;
use bulkhead::date::Date;
use bulkhead::engine::catalogue::Catalogue;
use bulkhead::finding::{Finding, SuppressedBy};
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{ScanOptions, ScanResult, scan};

/// The checks these tests rely on (plus BH0701). Other checks are left out so
/// that new checks do not change the results.
const CHECKS: [&str; 6] = ["BH0201", "BH0301", "BH0304", "BH0311", "BH0313", "BH0601"];

fn catalogue() -> Catalogue {
    let mut cat = Catalogue::builtin().expect("embedded checks load");
    cat.checks
        .retain(|c| CHECKS.contains(&c.id.as_str()) || c.id == "BH0701");
    cat
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn config(toml: &str, today: &str) -> Config {
    let mut cfg = Config::parse("bulkhead.toml", toml).expect("config parses");
    cfg.today = Some(day(today));
    cfg
}

fn scan_with(files: &[(&str, &str)], cfg: &Config) -> ScanResult {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    scan(
        &ScanOptions {
            paths: vec![dir.path().to_path_buf()],
            root: dir.path().to_path_buf(),
            threads: 2,
            value_stats: false,
        },
        &catalogue(),
        cfg,
    )
    .expect("scan runs")
}

fn scan_files(files: &[(&str, &str)]) -> ScanResult {
    scan_with(files, &config("", "2026-12-04"))
}

fn of<'a>(r: &'a ScanResult, id: &str) -> Vec<&'a Finding> {
    r.findings
        .iter()
        .map(AsRef::as_ref)
        .filter(|f: &&Finding| f.check.id == id)
        .collect()
}

fn line(f: &Finding) -> u32 {
    f.source.line_col(f.span.start).line
}

/// Findings of `id` as (line, suppressed?).
fn states(r: &ScanResult, id: &str) -> Vec<(u32, bool)> {
    of(r, id)
        .iter()
        .map(|f| (line(f), f.suppression.is_some()))
        .collect()
}

/// BH0701 findings as (line, message).
fn problems(r: &ScanResult) -> Vec<(u32, String)> {
    of(r, "BH0701")
        .iter()
        .map(|f| (line(f), f.message.to_string()))
        .collect()
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
";

/// `POD` with `comment` inserted before line `at` (1-based).
fn pod_with(at: usize, comment: &str) -> String {
    let mut lines: Vec<&str> = POD.lines().collect();
    lines.insert(at - 1, comment);
    lines.join("\n") + "\n"
}

// ------------------------------------------------------------------ syntaxes

#[test]
fn yaml_comment_above_the_offending_line() {
    let r = scan_files(&[(
        "pod.yaml",
        &pod_with(
            10,
            "        # bulkhead:ignore BH0301 -- debugging pod (INC-7)",
        ),
    )]);
    assert_eq!(states(&r, "BH0301"), [(11, true)]);
    let s = of(&r, "BH0301")[0].suppression.clone().unwrap();
    assert_eq!(s.by, SuppressedBy::Comment);
    assert_eq!(s.justification, "debugging pod (INC-7)");
    assert_eq!(s.at, Some(("pod.yaml".to_string(), 10)));
    assert!(problems(&r).is_empty(), "{:?}", problems(&r));
}

#[test]
fn yaml_comment_on_the_offending_line_by_name() {
    let text = POD.replace(
        "privileged: true",
        "privileged: true # bulkhead:ignore privileged-container -- debugging pod",
    );
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(10, true)]);
    assert!(problems(&r).is_empty());
}

#[test]
fn yaml_comment_above_the_document_or_the_container_item() {
    // Above the document's first line: the whole object.
    let r = scan_files(&[(
        "pod.yaml",
        &format!("---\n# bulkhead:ignore BH0301 -- whole pod\n{POD}"),
    )]);
    assert_eq!(states(&r, "BH0301"), [(12, true)]);
    // Above the container list item: that container.
    let r = scan_files(&[(
        "pod.yaml",
        &pod_with(7, "    # bulkhead:ignore BH0301 -- this container"),
    )]);
    assert_eq!(states(&r, "BH0301"), [(11, true)]);
    assert!(problems(&r).is_empty());
}

const INSTANCE: &str = r#"resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}
"#;

#[test]
fn hcl_hash_comment_above_the_block_header() {
    let text = format!("# bulkhead:ignore BH0201 -- agent update pending (RISK-4)\n{INSTANCE}");
    let r = scan_files(&[("main.tf", &text)]);
    assert_eq!(states(&r, "BH0201"), [(8, true)]);
    assert!(problems(&r).is_empty());
}

#[test]
fn hcl_slash_comment_on_the_offending_line() {
    let text = INSTANCE.replace(
        "\"optional\"",
        "\"optional\" // bulkhead:ignore imds-v1-allowed -- agent update pending",
    );
    let r = scan_files(&[("main.tf", &text)]);
    assert_eq!(states(&r, "BH0201"), [(7, true)]);
    assert!(problems(&r).is_empty());
}

#[test]
fn hcl_block_comment_above_a_nested_block() {
    let text = INSTANCE.replace(
        "  metadata_options {",
        "  /* bulkhead:ignore BH0201 until=2999-01-01\n     -- agent update pending */\n  metadata_options {",
    );
    let r = scan_files(&[("main.tf", &text)]);
    assert_eq!(states(&r, "BH0201"), [(9, true)]);
    let s = of(&r, "BH0201")[0].suppression.clone().unwrap();
    assert_eq!(s.justification, "agent update pending");
    assert_eq!(s.until, Some(day("2999-01-01")));
    assert!(problems(&r).is_empty());
}

#[test]
fn hcl_comment_markers_inside_strings_and_heredocs_are_not_suppressions() {
    let text = INSTANCE.replace(
        "  ami ",
        "  user_data = <<EOT\n# bulkhead:ignore BH0201 -- only text\nEOT\n  tags = { note = \"# bulkhead:ignore BH0201 -- only text\" }\n  ami ",
    );
    let r = scan_files(&[("main.tf", &text)]);
    assert_eq!(states(&r, "BH0201"), [(11, false)]);
    assert!(problems(&r).is_empty());
}

const DOCKERFILE: &str =
    "FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    dropbear\nUSER app\n";

#[test]
fn dockerfile_comment_above_the_instruction_covers_its_continuation_lines() {
    let text = DOCKERFILE.replace(
        "RUN ",
        "# bulkhead:ignore BH0311 -- jump host image (RISK-9)\nRUN ",
    );
    let r = scan_files(&[("Dockerfile", &text)]);
    assert_eq!(states(&r, "BH0311"), [(5, true)]);
    assert!(problems(&r).is_empty());
}

#[test]
fn dockerfile_comment_at_the_end_of_the_line() {
    let text = DOCKERFILE.replace(
        "    dropbear",
        "    dropbear # bulkhead:ignore remote-shell-in-image -- jump host image",
    );
    let r = scan_files(&[("Dockerfile", &text)]);
    assert_eq!(states(&r, "BH0311"), [(4, true)]);
    assert!(problems(&r).is_empty());
}

#[test]
fn kubernetes_annotation_suppresses_inside_the_object_only() {
    let annotated = POD.replace(
        "  name: debug\n",
        "  name: debug\n  annotations:\n    bulkhead.io/ignore: \"BH0304 -- host network for the agent; BH0301 until=2999-12-31 -- device access (RISK-12)\"\n",
    )
    .replace("spec:\n", "spec:\n  hostNetwork: true\n");
    let text = format!("{annotated}---\n{POD}");
    let r = scan_files(&[("pods.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(13, true), (24, false)]);
    assert_eq!(states(&r, "BH0304").len(), 1);
    assert!(of(&r, "BH0304")[0].suppression.is_some());
    let s = of(&r, "BH0301")[0].suppression.clone().unwrap();
    assert_eq!(s.by, SuppressedBy::Annotation);
    assert_eq!(s.justification, "device access (RISK-12)");
    assert!(problems(&r).is_empty(), "{:?}", problems(&r));
}

// ------------------------------------------------------------------ the rules

#[test]
fn a_suppression_without_a_reason_does_not_suppress_and_is_reported() {
    for comment in [
        "        # bulkhead:ignore BH0301",
        "        # bulkhead:ignore BH0301 --",
        "        # bulkhead:ignore BH0301 --   ",
    ] {
        let r = scan_files(&[("pod.yaml", &pod_with(10, comment))]);
        assert_eq!(states(&r, "BH0301"), [(11, false)], "{comment}");
        let p = problems(&r);
        assert_eq!(p.len(), 1, "{comment}: {p:?}");
        assert_eq!(p[0].0, 10);
        assert!(p[0].1.contains("no justification"), "{}", p[0].1);
    }
}

#[test]
fn an_expired_suppression_stops_suppressing_and_says_so() {
    let text = pod_with(
        10,
        "        # bulkhead:ignore BH0301 until=2026-12-03 -- debugging pod",
    );
    let r = scan_with(&[("pod.yaml", &text)], &config("", "2026-12-04"));
    assert_eq!(states(&r, "BH0301"), [(11, false)]);
    let p = problems(&r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].1.contains("expired on 2026-12-03"), "{}", p[0].1);
    assert!(p[0].1.contains("no longer suppresses"), "{}", p[0].1);
}

#[test]
fn a_suppression_holds_through_its_until_day() {
    let text = pod_with(
        10,
        "        # bulkhead:ignore BH0301 until=2026-12-04 -- debugging pod",
    );
    for today in ["2026-01-01", "2026-12-04"] {
        let r = scan_with(&[("pod.yaml", &text)], &config("", today));
        assert_eq!(states(&r, "BH0301"), [(11, true)], "{today}");
        assert!(problems(&r).is_empty(), "{today}");
    }
    let r = scan_with(&[("pod.yaml", &text)], &config("", "2026-12-05"));
    assert_eq!(states(&r, "BH0301"), [(11, false)]);
}

#[test]
fn an_invalid_expiry_does_not_suppress() {
    let text = pod_with(
        10,
        "        # bulkhead:ignore BH0301 until=2027-02-30 -- debugging pod",
    );
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(11, false)]);
    assert!(problems(&r)[0].1.contains("expiry is invalid"));
}

#[test]
fn an_unused_suppression_is_reported() {
    let text = "# bulkhead:ignore BH0201 -- nothing to suppress here\nresource \"aws_instance\" \"ok\" {\n  metadata_options {\n    http_tokens = \"required\"\n  }\n}\n";
    let r = scan_files(&[("main.tf", text)]);
    assert!(of(&r, "BH0201").is_empty());
    let p = problems(&r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, 1);
    assert!(
        p[0].1.contains("suppresses no finding of BH0201"),
        "{}",
        p[0].1
    );
}

#[test]
fn a_suppression_for_another_check_does_not_suppress() {
    let text = pod_with(10, "        # bulkhead:ignore BH0304 -- wrong check");
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(11, false)]);
    let p = problems(&r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].1.contains("suppresses no finding of BH0304"),
        "{}",
        p[0].1
    );
}

#[test]
fn one_of_several_checks_unused_is_reported() {
    let text = pod_with(
        10,
        "        # bulkhead:ignore BH0301, BH0304 -- debugging pod",
    );
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(11, true)]);
    let p = problems(&r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].1.contains("no finding of BH0304"), "{}", p[0].1);
}

#[test]
fn an_unknown_check_is_reported_and_the_known_ones_still_suppress() {
    let text = pod_with(
        10,
        "        # bulkhead:ignore BH0301,BH9999 -- debugging pod",
    );
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(11, true)]);
    let p = problems(&r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].1.contains("`BH9999`, which is no check"), "{}", p[0].1);
}

#[test]
fn a_suppression_separated_by_a_blank_line_applies_to_nothing() {
    let text = pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod\n");
    let r = scan_files(&[("pod.yaml", &text)]);
    assert_eq!(states(&r, "BH0301"), [(12, false)]);
    assert!(problems(&r)[0].1.contains("applies to nothing"));
}

#[test]
fn inline_suppressions_can_be_forbidden() {
    let text = pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod");
    let annotated = POD.replace(
        "  name: debug\n",
        "  name: other\n  annotations:\n    bulkhead.io/ignore: \"BH0301 -- device access\"\n",
    );
    let cfg = config("[suppressions]\nallow_inline = false\n", "2026-12-04");
    let r = scan_with(&[("pod.yaml", &text), ("other.yaml", &annotated)], &cfg);
    assert!(of(&r, "BH0301").iter().all(|f| f.suppression.is_none()));
    assert_eq!(of(&r, "BH0301").len(), 2);
    let p = problems(&r);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p.iter().all(|(_, m)| m.contains("allow_inline = false")),
        "{p:?}"
    );
    // Configuration entries still accept findings.
    let cfg = config(
        "[suppressions]\nallow_inline = false\n[[suppressions.ignore]]\nchecks = [\"BH0301\"]\npaths = [\"other.yaml\"]\nreason = \"device access (RISK-12)\"\n",
        "2026-12-04",
    );
    let r = scan_with(&[("pod.yaml", &text), ("other.yaml", &annotated)], &cfg);
    let by: Vec<(String, Option<SuppressedBy>)> = of(&r, "BH0301")
        .iter()
        .map(|f| (f.source.path.clone(), f.suppression.as_ref().map(|s| s.by)))
        .collect();
    assert_eq!(
        by,
        [
            ("other.yaml".to_string(), Some(SuppressedBy::Config)),
            ("pod.yaml".to_string(), None)
        ]
    );
}

#[test]
fn bh0701_can_be_turned_off_and_re_rated() {
    let text = pod_with(10, "        # bulkhead:ignore BH0301");
    let r = scan_with(
        &[("pod.yaml", &text)],
        &config("[checks.BH0701]\nenabled = false\n", "2026-12-04"),
    );
    assert!(problems(&r).is_empty());
    let r = scan_with(
        &[("pod.yaml", &text)],
        &config(
            "[checks.invalid-suppression]\nseverity = \"high\"\n",
            "2026-12-04",
        ),
    );
    assert_eq!(of(&r, "BH0701")[0].severity.as_str(), "high");
}

#[test]
fn configuration_entries_expire_and_report_when_unused() {
    let cfg = config(
        "[[suppressions.ignore]]\nchecks = [\"BH0301\"]\nreason = \"expired\"\nuntil = 2026-01-31\n\n[[suppressions.ignore]]\nchecks = [\"BH0311\"]\nreason = \"no Dockerfile here\"\n",
        "2026-12-04",
    );
    let r = scan_with(&[("pod.yaml", POD)], &cfg);
    assert_eq!(states(&r, "BH0301"), [(10, false)]);
    let kinds: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.message.as_str()))
        .collect();
    assert!(
        kinds
            .iter()
            .any(|(k, m)| *k == "expired-suppression" && m.contains("bulkhead.toml:2")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(k, m)| *k == "unused-suppression" && m.contains("bulkhead.toml:7")),
        "{kinds:?}"
    );
}

// ------------------------------------------------------------------ reports

fn validate_sarif(sarif: &str, name: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/validate-sarif");
    assert!(script.is_file(), "missing {}", script.display());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.sarif"));
    std::fs::write(&file, sarif).unwrap();
    let out = Command::new("bash")
        .arg(&script)
        .args(["--no-multitool", "-q"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate-sarif rejected {name}.sarif:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sarif_marks_suppressed_results_and_passes_the_validator() {
    let cfg = config(
        "[[suppressions.ignore]]\nchecks = [\"BH0311\"]\nreason = \"jump host image (RISK-9)\"\n",
        "2026-12-04",
    );
    let r = scan_with(
        &[
            (
                "pod.yaml",
                &pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod"),
            ),
            ("Dockerfile", DOCKERFILE),
            ("k8s/open.yaml", POD),
        ],
        &cfg,
    );
    let sarif = report::render(Format::Sarif, &r, &catalogue(), &ReportOptions::default());
    validate_sarif(&sarif, "suppressed");
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let find = |path: &str| {
        results
            .iter()
            .find(|x| x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path)
            .unwrap_or_else(|| panic!("no result for {path}"))
    };
    assert_eq!(
        find("pod.yaml")["suppressions"],
        serde_json::json!([{
            "justification": "debugging pod (pod.yaml:10)",
            "kind": "inSource",
            "status": "accepted"
        }])
    );
    assert_eq!(find("Dockerfile")["suppressions"][0]["kind"], "external");
    assert_eq!(find("Dockerfile")["suppressions"][0]["status"], "accepted");
    assert!(find("k8s/open.yaml").get("suppressions").is_none());
    // Every result carries its deadline.
    assert_eq!(find("k8s/open.yaml")["properties"]["sla-due"], "2026-12-07");
    assert_eq!(
        find("k8s/open.yaml")["properties"]["first-seen"],
        "2026-12-04"
    );
    assert_eq!(find("k8s/open.yaml")["properties"]["sla-days"], 3);
}

#[test]
fn human_and_json_count_suppressed_findings() {
    let r = scan_files(&[
        (
            "pod.yaml",
            &pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod"),
        ),
        ("k8s/open.yaml", POD),
    ]);
    let human = report::render(Format::Human, &r, &catalogue(), &ReportOptions::default());
    assert!(
        human.contains("1 finding (1 critical) in 2 files scanned; 1 suppressed."),
        "{human}"
    );
    assert!(
        !human.contains("pod.yaml:11"),
        "suppressed findings are not shown:\n{human}"
    );
    assert!(human.contains("due 2026-12-07"), "{human}");
    let json: serde_json::Value = serde_json::from_str(&report::render(
        Format::Json,
        &r,
        &catalogue(),
        &ReportOptions::default(),
    ))
    .unwrap();
    assert_eq!(json["summary"]["open"], 1);
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(json["summary"]["by_severity"]["critical"], 1);
    let sup = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["suppressed"] == true)
        .unwrap();
    assert_eq!(sup["suppression"]["by"], "comment");
    assert_eq!(sup["suppression"]["kind"], "inSource");
    assert_eq!(sup["suppression"]["justification"], "debugging pod");
    assert_eq!(sup["suppression"]["line"], 10);
    // Only the open finding fails the run.
    assert!(report::fails(&r, &ReportOptions::default()));
    let quiet = scan_files(&[(
        "pod.yaml",
        &pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod"),
    )]);
    assert!(!report::fails(&quiet, &ReportOptions::default()));
}

#[test]
fn suppressions_in_a_file_that_does_not_parse_are_not_called_unused() {
    let broken = pod_with(10, "        # bulkhead:ignore BH0301 -- debugging pod") + "  bad: [\n";
    let r = scan_files(&[("pod.yaml", &broken)]);
    assert!(r.diagnostics.iter().any(|d| d.kind == "parse-error"));
    assert!(problems(&r).is_empty(), "{:?}", problems(&r));
}

/// Human output with suppressed, baselined (one overdue) and fixed baseline
/// entries, for review by eye.
#[test]
fn human_output_with_suppressed_and_baselined_findings() {
    use bulkhead::baseline::{Baseline, Entry};
    let cfg = config("", "2026-12-09");
    let r0 = scan_with(
        &[
            (
                "pod.yaml",
                &pod_with(
                    10,
                    "        # bulkhead:ignore BH0301 -- debugging pod (INC-7)",
                ),
            ),
            ("Dockerfile", DOCKERFILE),
            ("k8s/open.yaml", POD),
            ("main.tf", INSTANCE),
        ],
        &cfg,
    );
    let mut r = r0;
    // The Dockerfile and Terraform findings were recorded on Tuesday 2026-12-01;
    // one entry is for a finding that is gone.
    let mut entries: Vec<Entry> = r
        .findings
        .iter()
        .filter(|f| f.check.id == "BH0311" || f.check.id == "BH0201")
        .map(|f| Entry {
            fingerprint: f.fingerprint(),
            check_id: f.check.id.clone(),
            path: f.source.path.clone(),
            resource: f.resource.to_string(),
            first_seen: day("2026-12-01"),
        })
        .collect();
    entries.push(Entry {
        fingerprint: "0123456789abcdef".into(),
        check_id: "BH0313".into(),
        path: "Dockerfile".into(),
        resource: "stage 0".into(),
        first_seen: day("2026-11-02"),
    });
    let baseline = Baseline {
        version: 1,
        tool_version: "0.0.0-test".into(),
        generated: day("2026-12-01"),
        entries,
    };
    let outcome = baseline.apply("bulkhead-baseline.json", &mut r.findings, &cfg, &|_| true);
    assert_eq!(outcome.baselined, 2);
    assert_eq!(outcome.fixed.len(), 1);
    r.baseline = Some(outcome);
    let opts = ReportOptions {
        version: "0.0.0-test",
        ..ReportOptions::default()
    };
    let human = report::render(Format::Human, &r, &catalogue(), &opts);
    insta::assert_snapshot!("suppressed_and_baselined_human", human);
    let overdue = ReportOptions {
        fail_on_overdue: true,
        ..opts.clone()
    };
    assert!(
        report::fails(&r, &overdue),
        "the baselined high finding is overdue"
    );
    let sarif = report::render(Format::Sarif, &r, &catalogue(), &opts);
    validate_sarif(&sarif, "suppressed-and-baselined");
}
