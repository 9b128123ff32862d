//! `bulkhead.toml` through the command line: mistyped keys and values are
//! errors with file and line (exit 2), `bulkhead init` writes a starter file
//! that parses and never overwrites one without `--force`, and application
//! criticality and exposure (per path glob) set the remediation deadlines.

use assert_cmd::Command;
use bulkhead::config::{Config, STARTER};
use bulkhead::engine::catalogue::Catalogue;

fn bulkhead() -> Command {
    Command::cargo_bin("bulkhead").unwrap()
}

fn stderr_of(dir: &std::path::Path, config: &str) -> String {
    std::fs::write(dir.join("bulkhead.toml"), config).unwrap();
    let out = bulkhead()
        .arg("scan")
        .arg(dir)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn mistyped_keys_are_errors_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "fail_on = \"high\"\n\n[application]\ncriticality = \"critical\"\nexposure = \"internet-facing\"\nexpsure = \"internal\"\n",
            "bulkhead.toml:6:",
            "expsure",
        ),
        (
            "[suppressions]\nallow_inline = false\nallow_inlne = true\n",
            "bulkhead.toml:3:",
            "allow_inlne",
        ),
        (
            "[application]\nexposure = \"public\"\n",
            "bulkhead.toml:2:",
            "internet-facing",
        ),
        (
            "[[application.paths]]\nglob = \"services/payments/**\"\ncriticality = \"very\"\n",
            "bulkhead.toml:3:",
            "non-critical",
        ),
        (
            "[[suppressions.ignore]]\nchecks = [\"BH0301\"]\nreason = \"r\"\nuntil = \"31.01.2027\"\n",
            "bulkhead.toml:4:",
            "YYYY-MM-DD",
        ),
        (
            "[checks.BH0301]\nenabled = false\n\n[checks.BH9301]\nenabled = false\n",
            "bulkhead.toml:4:",
            "BH9301",
        ),
        ("fail_on = \"severe\"\n", "bulkhead.toml:1:", "severe"),
    ];
    for (config, at, key) in cases {
        let err = stderr_of(dir.path(), config);
        assert!(err.contains(at), "{config}\n=> {err}");
        assert!(err.contains(key), "{config}\n=> {err}");
    }
}

#[test]
fn init_writes_a_starter_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    bulkhead().arg("init").arg(dir.path()).assert().code(0);
    let path = dir.path().join("bulkhead.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, STARTER);
    let cfg = Config::parse("bulkhead.toml", &text).unwrap();
    cfg.validate(&Catalogue::builtin().unwrap()).unwrap();
    assert!(text.contains("[application]") && text.contains("allow_inline"));

    std::fs::write(&path, "fail_on = \"high\"\n").unwrap();
    let out = bulkhead()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "fail_on = \"high\"\n"
    );

    bulkhead()
        .arg("init")
        .arg(dir.path())
        .arg("--force")
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), STARTER);
    // The starter file is a working configuration.
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM alpine:3.20\nUSER app\n",
    )
    .unwrap();
    bulkhead()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json", "--fail-on", "never"])
        .assert()
        .code(0);
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

#[test]
fn application_class_per_path_sets_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for sub in ["services/payments", "tools", "other"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
        std::fs::write(root.join(sub).join("pod.yaml"), POD).unwrap();
    }
    std::fs::write(
        root.join("bulkhead.toml"),
        "[application]\ncriticality = \"non-critical\"\nexposure = \"internal\"\n\n[[application.paths]]\nglob = \"services/payments/**\"\ncriticality = \"critical\"\nexposure = \"internet-facing\"\n\n[[application.paths]]\nglob = \"tools/**\"\nexposure = \"internet-facing\"\n",
    )
    .unwrap();
    // Friday 2026-12-04.
    let out = bulkhead()
        .arg("scan")
        .arg(root)
        .args(["--format", "json", "--today", "2026-12-04"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let due: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == "BH0301")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["sla"]["due"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            // internal, non-critical: 21 days
            ("other/pod.yaml".into(), "2026-12-25".into()),
            // internet-facing, critical: end of the next working day (Monday)
            ("services/payments/pod.yaml".into(), "2026-12-07".into()),
            // internet-facing, non-critical: 7 days
            ("tools/pod.yaml".into(), "2026-12-11".into()),
        ]
    );
}
