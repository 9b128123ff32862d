//! Baselines through the command line: `bulkhead baseline` records the
//! current findings, `scan --baseline` hides them (but keeps their deadlines),
//! survives inserted lines, reports fixed entries, and `--fail-on-overdue`.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use bulkhead::engine::catalogue::Catalogue;

fn bulkhead() -> Command {
    Command::cargo_bin("bulkhead").unwrap()
}

/// A `bulkhead.toml` that turns every check off except `ids` (and BH0701),
/// so that checks added later do not change these tests.
fn only(ids: &[&str]) -> String {
    Catalogue::builtin()
        .unwrap()
        .checks
        .iter()
        .filter(|c| !ids.contains(&c.id.as_str()) && c.id != "BH0701")
        .map(|c| format!("[checks.{}]\nenabled = false\n", c.id))
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

const DOCKERFILE: &str = "FROM alpine:3.20\nRUN apk add --no-cache dropbear\nUSER app\n";

struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
    baseline: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(root.join("k8s")).unwrap();
        std::fs::write(root.join("bulkhead.toml"), only(&["BH0301", "BH0311"])).unwrap();
        std::fs::write(root.join("k8s/pod.yaml"), POD).unwrap();
        std::fs::write(root.join("Dockerfile"), DOCKERFILE).unwrap();
        let baseline = dir.path().join("baseline.json");
        Repo {
            _dir: dir,
            root,
            baseline,
        }
    }

    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.root.join(path), text).unwrap();
    }

    fn baseline(&self, today: &str) {
        bulkhead()
            .arg("baseline")
            .arg(&self.root)
            .arg("--output")
            .arg(&self.baseline)
            .args(["--today", today])
            .assert()
            .code(0);
    }

    fn entries(&self) -> Vec<serde_json::Value> {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&self.baseline).unwrap()).unwrap();
        v["entries"].as_array().unwrap().clone()
    }

    /// `scan --baseline` with extra arguments: exit code and standard output.
    fn scan(&self, today: &str, args: &[&str]) -> (i32, String) {
        let out = bulkhead()
            .arg("scan")
            .arg(&self.root)
            .arg("--baseline")
            .arg(&self.baseline)
            .args(["--today", today])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
        )
    }

    fn json(&self, today: &str, args: &[&str]) -> (i32, serde_json::Value) {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let (code, out) = self.scan(today, &all);
        (code, serde_json::from_str(&out).unwrap())
    }
}

fn lines_of(json: &serde_json::Value, check: &str) -> Vec<u64> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == check)
        .map(|f| f["start"]["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn the_baseline_file_records_findings_by_fingerprint() {
    let repo = Repo::new();
    repo.baseline("2026-12-01");
    let text = std::fs::read_to_string(&repo.baseline).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["generated"], "2026-12-01");
    let entries = repo.entries();
    let summary: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["check_id"].as_str().unwrap().to_string(),
                e["first_seen"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Dockerfile".into(), "BH0311".into(), "2026-12-01".into()),
            ("k8s/pod.yaml".into(), "BH0301".into(), "2026-12-01".into()),
        ]
    );
    for e in &entries {
        assert_eq!(e["fingerprint"].as_str().unwrap().len(), 16);
        assert!(!e["resource"].as_str().unwrap().is_empty());
        assert!(!text.contains("\"line\""), "no line numbers in a baseline");
    }
}

#[test]
fn a_baseline_hides_known_findings_and_survives_inserted_lines() {
    let repo = Repo::new();
    repo.baseline("2026-12-01");
    let (code, v) = repo.json("2026-12-02", &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["open"], 0);
    assert_eq!(v["summary"]["baselined"], 2);
    assert_eq!(lines_of(&v, "BH0301"), [10]);

    // Lines inserted above the finding: a comment block, a label, a blank line.
    let moved = POD
        .replace(
            "apiVersion",
            "# debugging pod\n# owned by the platform team\n\napiVersion",
        )
        .replace(
            "  name: debug\n",
            "  name: debug\n  labels:\n    team: platform\n",
        );
    repo.write("k8s/pod.yaml", &moved);
    let (code, v) = repo.json("2026-12-02", &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(lines_of(&v, "BH0301"), [15], "the finding moved");
    assert_eq!(v["summary"]["baselined"], 2);
    assert!(v["baseline"]["fixed"].as_array().unwrap().is_empty());
    let (_, human) = repo.scan("2026-12-02", &[]);
    assert!(
        human.contains("No open findings in 2 files scanned; 2 baselined."),
        "{human}"
    );

    // A new finding fails the run; the known ones stay hidden.
    let more = format!(
        "{moved}---\n{}",
        POD.replace("name: debug", "name: debug-2")
    );
    repo.write("k8s/pod.yaml", &more);
    let (code, v) = repo.json("2026-12-02", &[]);
    assert_eq!(code, 1);
    assert_eq!(v["summary"]["open"], 1);
    assert_eq!(v["summary"]["baselined"], 2);
}

#[test]
fn findings_that_disappeared_are_reported_as_fixed() {
    let repo = Repo::new();
    repo.baseline("2026-12-01");
    repo.write("Dockerfile", "FROM alpine:3.20\nUSER app\n");
    let (code, v) = repo.json("2026-12-02", &[]);
    assert_eq!(code, 0);
    let fixed = v["baseline"]["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 1, "{v}");
    assert_eq!(fixed[0]["check_id"], "BH0311");
    assert_eq!(fixed[0]["path"], "Dockerfile");
    assert_eq!(v["baseline"]["baselined"], 1);
    let (_, human) = repo.scan("2026-12-02", &[]);
    assert!(
        human.contains("1 entry of the baseline") && human.contains("no longer occurs (fixed)"),
        "{human}"
    );
    assert!(human.contains("fixed: Dockerfile BH0311"), "{human}");

    // Scanning one folder does not call the rest of the baseline fixed.
    let out = bulkhead()
        .arg("scan")
        .arg(repo.root.join("k8s"))
        .arg("--root")
        .arg(&repo.root)
        .arg("--config")
        .arg(repo.root.join("bulkhead.toml"))
        .arg("--baseline")
        .arg(&repo.baseline)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["baseline"]["fixed"].as_array().unwrap().is_empty(), "{v}");
}

#[test]
fn writing_the_baseline_again_keeps_first_seen_and_drops_fixed_entries() {
    let repo = Repo::new();
    repo.baseline("2026-12-01");
    repo.write("Dockerfile", "FROM alpine:3.20\nUSER app\n");
    repo.write(
        "k8s/pod.yaml",
        &format!("{POD}---\n{}", POD.replace("name: debug", "name: debug-2")),
    );
    repo.baseline("2026-12-10");
    let seen: Vec<(String, String)> = repo
        .entries()
        .iter()
        .map(|e| {
            (
                e["resource"].as_str().unwrap().to_string(),
                e["first_seen"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Pod/debug container shell".into(), "2026-12-01".into()),
            ("Pod/debug-2 container shell".into(), "2026-12-10".into()),
        ]
    );
}

#[test]
fn baselined_findings_keep_their_deadline_and_fail_on_overdue_uses_only_deadlines() {
    let repo = Repo::new();
    // Tuesday 2026-12-01: the critical finding is due on Wednesday, the high one a week later.
    repo.baseline("2026-12-01");
    let (_, v) = repo.json("2026-12-02", &[]);
    let sla: Vec<(String, String, bool)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check_id"].as_str().unwrap().to_string(),
                f["sla"]["due"].as_str().unwrap().to_string(),
                f["sla"]["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sla,
        [
            ("BH0311".into(), "2026-12-08".into(), false),
            ("BH0301".into(), "2026-12-02".into(), false),
        ]
    );
    assert_eq!(repo.scan("2026-12-02", &["--fail-on-overdue"]).0, 0);
    let (code, human) = repo.scan("2026-12-03", &["--fail-on-overdue"]);
    assert_eq!(code, 1, "{human}");
    assert!(
        human.contains("BH0301 privileged-container")
            && human.contains("(baselined; overdue: was due 2026-12-02, first seen 2026-12-01)"),
        "{human}"
    );
    assert!(
        human.contains("; 1 past its remediation deadline."),
        "{human}"
    );
    // Without --fail-on-overdue, baselined findings do not fail the run.
    assert_eq!(repo.scan("2026-12-03", &[]).0, 0);
    // New findings are first seen today, so they are not overdue.
    let fresh = bulkhead()
        .arg("scan")
        .arg(&repo.root)
        .args(["--fail-on-overdue", "--today", "2026-12-03"])
        .output()
        .unwrap();
    assert_eq!(fresh.status.code(), Some(0));
}

#[test]
fn sarif_with_baselined_findings_passes_the_validator() {
    let repo = Repo::new();
    repo.baseline("2026-12-01");
    let (code, sarif) = repo.scan("2026-12-02", &["--format", "sarif"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    for r in v["runs"][0]["results"].as_array().unwrap() {
        assert_eq!(r["suppressions"][0]["kind"], "external");
        assert_eq!(r["suppressions"][0]["status"], "accepted");
        assert!(
            r["suppressions"][0]["justification"]
                .as_str()
                .unwrap()
                .contains("first seen 2026-12-01"),
            "{r}"
        );
        assert_eq!(r["properties"]["first-seen"], "2026-12-01");
    }
    validate_sarif(&sarif);
}

#[test]
fn a_broken_baseline_is_a_usage_error() {
    let repo = Repo::new();
    std::fs::write(&repo.baseline, "{\"version\": 1}").unwrap();
    let out = repo.scan("2026-12-02", &[]);
    assert_eq!(out.0, 2);
    bulkhead()
        .arg("scan")
        .arg(&repo.root)
        .args(["--baseline", "/no/such/baseline.json"])
        .assert()
        .code(2);
    // `bulkhead baseline` does not overwrite a file it cannot read.
    bulkhead()
        .arg("baseline")
        .arg(&repo.root)
        .arg("--output")
        .arg(&repo.baseline)
        .assert()
        .code(2);
}

fn validate_sarif(sarif: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/validate-sarif");
    assert!(script.is_file(), "missing {}", script.display());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("baselined.sarif");
    std::fs::write(&file, sarif).unwrap();
    let out = Std::new("bash")
        .arg(&script)
        .args(["--no-multitool", "-q"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate-sarif rejected the SARIF:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
