//! The command-line contract: exit codes, formats, determinism, errors.

use std::path::Path;

use assert_cmd::Command;

fn bulkhead() -> Command {
    Command::cargo_bin("bulkhead").unwrap()
}

fn testdata(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(p)
        .display()
        .to_string()
}

#[test]
fn findings_exit_1_and_clean_code_exits_0() {
    bulkhead()
        .args(["scan", &testdata("demo"), "--format", "json"])
        .assert()
        .code(1);
    bulkhead()
        .args([
            "scan",
            &testdata("checks/BH0322/pass-hardened.yaml"),
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    // a finding below the threshold does not fail the run
    bulkhead()
        .args([
            "scan",
            &testdata("checks/BH0311/fail.Dockerfile"),
            "--fail-on",
            "critical",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    bulkhead()
        .args([
            "scan",
            &testdata("checks/BH0311/fail.Dockerfile"),
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
}

#[test]
fn usage_and_config_errors_exit_2() {
    bulkhead().args(["scan", "/no/such/path"]).assert().code(2);
    bulkhead()
        .args(["scan", "--format", "xml"])
        .assert()
        .code(2);
    bulkhead().args(["explain", "BH9999"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("bulkhead.toml");
    std::fs::write(
        &cfg,
        "[checks.BH0301]\nenabled = false\nseverty = \"low\"\n",
    )
    .unwrap();
    let out = bulkhead()
        .args(["scan", dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("bulkhead.toml:3:"), "{err}");
    assert!(err.contains("severty"), "{err}");
}

#[test]
fn output_is_identical_for_any_thread_count() {
    for format in ["sarif", "json", "human", "github"] {
        let one = bulkhead()
            .args(["scan", &testdata(""), "--format", format, "--threads", "1"])
            .output()
            .unwrap();
        let two = bulkhead()
            .args(["scan", &testdata(""), "--format", format, "--threads", "2"])
            .output()
            .unwrap();
        let many = bulkhead()
            .args(["scan", &testdata(""), "--format", format, "--threads", "7"])
            .output()
            .unwrap();
        assert_eq!(one.status.code(), Some(1), "{format}");
        assert!(!one.stdout.is_empty(), "{format}: empty output");
        assert!(
            one.stdout == two.stdout && two.stdout == many.stdout,
            "{format} output differs by thread count"
        );
    }
}

#[test]
fn output_file_and_paths_relative_to_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    bulkhead()
        .args([
            "scan",
            &testdata("demo/services"),
            "--root",
            &testdata("demo"),
            "--format",
            "json",
            "--output",
        ])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"services/api/Dockerfile\""), "{text}");
}

#[test]
fn checks_and_explain() {
    let out = bulkhead()
        .args(["checks"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("BH0301") && text.contains("privileged-container"));
    let out = bulkhead()
        .args(["explain", "privileged-container"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("How to fix it"), "{text}");
    let out = bulkhead()
        .args(["checks", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v.as_array().unwrap().iter().any(|c| c["id"] == "BH0311"));
}

#[test]
fn user_checks_load_fire_and_reject_patterns_that_do_not_compile() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks");
    std::fs::create_dir(&checks).unwrap();
    let check = |regex: &str| {
        format!(
            "id: ORG0001\nname: org-pinned-registry\ntitle: Image not from the company registry\n\
             severity: high\npolicy: [A.5-3.1]\ntargets: [kubernetes.container]\n\
             rationale: Images come from the company registry.\n\
             remediation: Push the image to registry.example.com.\n\
             examples:\n  fail: 'image: nginx'\n  pass: 'image: registry.example.com/nginx'\n\
             match:\n  not:\n    path: image\n    regex: '{regex}'\n"
        )
    };
    let manifest = dir.path().join("pod.yaml");
    std::fs::write(
        &manifest,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: docker.io/nginx:1.27\n",
    )
    .unwrap();
    let scan = |checks: &Path| {
        bulkhead()
            .args(["scan", manifest.to_str().unwrap(), "--format", "json"])
            .args(["--checks", checks.to_str().unwrap()])
            .assert()
    };
    std::fs::write(checks.join("org.yaml"), check(r"^registry\.example\.com/")).unwrap();
    let out = scan(&checks).code(1).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let fired: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["check_id"].as_str())
        .collect();
    assert!(fired.contains(&"ORG0001"), "{fired:?}");
    // A syntax error, and a pattern over the regex crate's size limit: the
    // check does not load (exit 2), it does not silently match nothing.
    for (pattern, error) in [
        (r"^(registry", "regex parse error"),
        (r"\w{1000}\w{1000}\w{1000}", "size limit"),
    ] {
        std::fs::write(checks.join("org.yaml"), check(pattern)).unwrap();
        let err = scan(&checks).code(2).get_output().stderr.clone();
        let err = String::from_utf8_lossy(&err);
        assert!(err.contains("org.yaml") && err.contains(error), "{err}");
    }
}
