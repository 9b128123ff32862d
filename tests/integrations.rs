//! Where users run bulkhead: several reports from one scan, the pre-commit
//! option `--repo-context`, the GitHub Action (`action.yml`, whose shell steps
//! are run here as the runner would run them) and the example workflow.
//!
//! The test marked `#[ignore]` runs the real `pre-commit` client and needs it
//! installed: `.ci/run` installs it from PyPI into `target/ci-venv` and runs
//! `cargo test --test integrations -- --ignored`. `PRE_COMMIT` may name
//! another `pre-commit` executable.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bulkhead::model::{Node, Value};
use bulkhead::parse::yaml::{self, YamlLimits};
use bulkhead::source::{FileKind, SourceFile};
use serde_json::Value as Json;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bulkhead_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("bulkhead")
}

fn bulkhead() -> Command {
    let mut c = Command::new(bulkhead_bin());
    c.current_dir(repo());
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn show(out: &Output) -> String {
    format!(
        "status {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    )
}

fn json_file(path: &Path) -> serde_json::Value {
    let t = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&t).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ------------------------------------------------------- several reports, one scan

#[test]
fn one_scan_writes_each_format_to_its_own_output() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("a.sarif");
    let json = dir.path().join("b.json");
    let md = dir.path().join("c.md");
    let out = bulkhead()
        .args(["scan", "testdata/demo", "--format", "sarif", "--output"])
        .arg(&sarif)
        .args(["--format", "github", "--format", "json", "--output"])
        .arg(&json)
        .args(["--format", "markdown", "-o"])
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    // github has no --output: it is the one report on standard output.
    let annotations = text(&out.stdout);
    let sarif = json_file(&sarif);
    let json = json_file(&json);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert_eq!(results.len(), findings.len());
    assert_eq!(annotations.lines().count(), findings.len(), "{annotations}");
    assert!(annotations.lines().all(|l| l.starts_with("::")));
    assert!(annotations.contains("file=testdata/demo/services/api/Dockerfile"));
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.starts_with(&format!("### bulkhead: {} open findings", findings.len())),
        "{md}"
    );
}

#[test]
fn output_pairs_with_the_format_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    // An --output before every --format belongs to the first one.
    let out = bulkhead()
        .args(["scan", "testdata/demo/services", "--output"])
        .arg(&json)
        .args(["--format", "json", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(text(&out.stdout).starts_with("::"), "{}", show(&out));
    assert_eq!(json_file(&json)["version"], 1);
    // `--output -` is standard output.
    let out = bulkhead()
        .args([
            "scan",
            "testdata/demo/services",
            "--format",
            "json",
            "--output",
            "-",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    // Without --format, --output takes the human report.
    let human = dir.path().join("r.txt");
    bulkhead()
        .args(["scan", "testdata/demo/services", "--output"])
        .arg(&human)
        .output()
        .unwrap();
    let t = std::fs::read_to_string(&human).unwrap();
    assert!(
        t.contains("── testdata/demo/services/api/Dockerfile · "),
        "{t}"
    );
}

#[test]
fn ambiguous_outputs_are_usage_errors() {
    let cases: [(&[&str], &str); 3] = [
        (
            &["--format", "json", "--format", "github"],
            "--format json and --format github would both write to standard output",
        ),
        (
            &["--format", "json", "--output", "x", "--output", "y"],
            "both follow --format json",
        ),
        (
            &[
                "--format", "json", "-o", "x", "--format", "sarif", "-o", "x",
            ],
            "--output x is given twice",
        ),
    ];
    for (args, message) in cases {
        let out = bulkhead()
            .args(["scan", "testdata/demo/services"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(
            text(&out.stderr).contains(message),
            "{args:?}: {}",
            show(&out)
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?}: nothing is written on errors"
        );
    }
}

#[test]
fn sarif_category_becomes_the_automation_id() {
    let out = bulkhead()
        .args(["scan", "testdata/demo/services", "--format", "sarif"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"][0]["automationDetails"]["id"], "bulkhead/");
    let out = bulkhead()
        .args(["scan", "testdata/demo/services", "--format", "sarif"])
        .args(["--sarif-category", "bulkhead-images"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"][0]["automationDetails"]["id"], "bulkhead-images/");
}

// ------------------------------------------------------- --repo-context

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "bulkhead tests")
        .env("GIT_AUTHOR_EMAIL", "tests@bulkhead.invalid")
        .env("GIT_COMMITTER_NAME", "bulkhead tests")
        .env("GIT_COMMITTER_EMAIL", "tests@bulkhead.invalid")
        .output()
        .unwrap_or_else(|e| panic!("cannot run git: {e}"));
    assert!(out.status.success(), "git {args:?}: {}", show(&out));
}

fn write(dir: &Path, rel: &str, content: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

const BAD_DOCKERFILE: &str = "FROM debian:12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8\n\
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server\n\
USER 10001\n";

const CLEAN_DOCKERFILE: &str = "FROM debian:12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8\n\
LABEL org.opencontainers.image.title=\"hello\" org.opencontainers.image.source=\"https://example.com/hello\" org.opencontainers.image.vendor=\"Example Team\"\n\
USER 10001\n\
CMD [\"/bin/true\"]\n";

/// A repository where development shares production's account (BH0101,
/// reported in the development file with production as related evidence)
/// and a Dockerfile installs an SSH server (BH0311).
fn shared_account_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for env in ["dev", "prod"] {
        let rel = format!("envs/{env}/main.tf");
        let src = std::fs::read_to_string(repo().join("testdata/checks/BH0101/fail").join(&rel))
            .unwrap()
            .replace(" # expect: BH0101", "");
        write(dir.path(), &rel, &src);
    }
    write(dir.path(), "images/jump/Dockerfile", BAD_DOCKERFILE);
    git(dir.path(), &["init", "-q"]);
    dir
}

fn scan_findings(dir: &Path, args: &[&str]) -> Vec<(String, String)> {
    let out = Command::new(bulkhead_bin())
        .current_dir(dir)
        .args(["scan", "--format", "json", "--fail-on", "never"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", show(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String)], id: &str, path: &str) -> bool {
    found.iter().any(|(i, p)| i == id && p == path)
}

#[test]
fn repo_context_scans_the_repository_and_reports_the_given_files() {
    let repo = shared_account_repo();
    let dir = repo.path();
    // The development file alone has no production to compare with.
    let alone = scan_findings(dir, &["envs/dev/main.tf"]);
    assert!(!has(&alone, "BH0101", "envs/dev/main.tf"), "{alone:?}");
    // With the repository as context, the shared account is found ...
    let dev = scan_findings(dir, &["--repo-context", "envs/dev/main.tf"]);
    assert!(has(&dev, "BH0101", "envs/dev/main.tf"), "{dev:?}");
    // ... and only findings of the given file are reported.
    assert!(dev.iter().all(|(_, p)| p == "envs/dev/main.tf"), "{dev:?}");
    // A change to the production file is part of the problem too: the
    // finding has its related location there.
    let prod = scan_findings(dir, &["--repo-context", "envs/prod/main.tf"]);
    assert!(has(&prod, "BH0101", "envs/dev/main.tf"), "{prod:?}");
    assert!(
        !prod.iter().any(|(_, p)| p.starts_with("images/")),
        "{prod:?}"
    );
    let image = scan_findings(dir, &["--repo-context", "images/jump/Dockerfile"]);
    assert!(has(&image, "BH0311", "images/jump/Dockerfile"), "{image:?}");
    assert!(image.iter().all(|(_, p)| p == "images/jump/Dockerfile"));
    // Paths are relative to the repository root from any folder.
    let out = Command::new(bulkhead_bin())
        .current_dir(dir.join("envs"))
        .args([
            "scan",
            "--repo-context",
            "--format",
            "github",
            "dev/main.tf",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(
        text(&out.stdout).contains("file=envs/dev/main.tf,"),
        "{}",
        show(&out)
    );
}

#[test]
fn repo_context_rejects_files_of_another_repository() {
    let a = shared_account_repo();
    let b = shared_account_repo();
    let out = Command::new(bulkhead_bin())
        .current_dir(a.path())
        .args(["scan", "--repo-context", "envs/dev/main.tf"])
        .arg(b.path().join("envs/prod/main.tf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(text(&out.stderr).contains("outside the repository root"));
}

// ------------------------------------------------------- the GitHub Action

/// A YAML file of the repository, read with bulkhead's own YAML loader, as JSON.
fn load_yaml(rel: &str) -> Json {
    let t = std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let src = SourceFile::new(rel.into(), repo().join(rel), FileKind::Yaml, t);
    let loaded =
        yaml::load(&src, 0, YamlLimits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(loaded.duplicate_keys.is_empty(), "{rel}: repeated keys");
    let doc = loaded
        .documents
        .first()
        .unwrap_or_else(|| panic!("{rel}: empty"));
    to_json(&doc.root)
}

fn to_json(n: &Node) -> Json {
    match &n.value {
        Value::Null | Value::Unknown(_) => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(x) => serde_json::json!(x),
        Value::String(s) => Json::String(s.clone()),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
    }
}

fn workflows() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo().join(".github/workflows"))
        .unwrap()
        .map(|e| {
            format!(
                ".github/workflows/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .filter(|p| p.ends_with(".yml") || p.ends_with(".yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

/// Every step of the action and of every job of the workflows, with where it is.
fn all_steps() -> Vec<(String, Json)> {
    let mut steps = Vec::new();
    let action = load_yaml("action.yml");
    for s in action["runs"]["steps"].as_array().unwrap() {
        steps.push(("action.yml".to_string(), s.clone()));
    }
    for wf in workflows() {
        let doc = load_yaml(&wf);
        for job in doc["jobs"].as_object().unwrap().values() {
            for s in job["steps"].as_array().unwrap() {
                steps.push((wf.clone(), s.clone()));
            }
        }
    }
    steps
}

fn str_of<'a>(y: &'a Json, key: &str) -> Option<&'a str> {
    y.get(key).and_then(Json::as_str)
}

#[test]
fn inputs_reach_shell_steps_only_through_the_environment() {
    for (file, step) in all_steps() {
        if let Some(run) = str_of(&step, "run") {
            assert!(
                !run.contains("${{"),
                "{file}: step `{}` has an expression inside run:, pass it through env:",
                str_of(&step, "name").unwrap_or("?")
            );
        }
    }
}

#[test]
fn third_party_actions_are_pinned_by_commit() {
    let pinned = regex::Regex::new(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$").unwrap();
    let mut remote = 0;
    for (file, step) in all_steps() {
        let Some(uses) = str_of(&step, "uses") else {
            continue;
        };
        if uses.starts_with("./") {
            continue;
        }
        remote += 1;
        assert!(
            pinned.is_match(uses),
            "{file}: `{uses}` is not pinned by a full commit SHA"
        );
    }
    assert!(remote >= 3);
    // The version each SHA stands for is written next to it.
    for file in std::iter::once("action.yml".to_string()).chain(workflows()) {
        let t = std::fs::read_to_string(repo().join(&file)).unwrap();
        for line in t.lines().filter(|l| l.contains("uses:") && l.contains('@')) {
            assert!(line.contains("# v"), "{file}: `{line}` names no version");
        }
    }
}

#[test]
fn example_workflow_scans_the_demo_with_the_local_action() {
    let doc = load_yaml(".github/workflows/bulkhead.yml");
    let job = &doc["jobs"]["scan"];
    let perms = &job["permissions"];
    assert_eq!(str_of(perms, "contents"), Some("read"));
    assert_eq!(str_of(perms, "security-events"), Some("write"));
    let step = job["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| str_of(s, "uses") == Some("./"))
        .expect("a step uses the action at the repository root");
    assert_eq!(str_of(&step["with"], "paths"), Some("testdata/demo"));
    // The demo has findings by design: they must not fail the workflow.
    assert_eq!(str_of(&step["with"], "fail-on"), Some("never"));
}

fn action_step(id_or_name: &str) -> Json {
    let action = load_yaml("action.yml");
    action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| str_of(s, "id") == Some(id_or_name) || str_of(s, "name") == Some(id_or_name))
        .unwrap_or_else(|| panic!("action.yml has no step `{id_or_name}`"))
        .clone()
}

/// Run one `run:` step of the action with bash, as the runner does, in `cwd`.
fn run_action_step(step: &str, cwd: &Path, env: &[(&str, &str)]) -> Output {
    let step = action_step(step);
    let script = str_of(&step, "run").expect("a run step");
    assert_eq!(str_of(&step, "shell"), Some("bash"));
    Command::new("bash")
        .args([
            "--noprofile",
            "--norc",
            "-e",
            "-o",
            "pipefail",
            "-c",
            script,
        ])
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", std::env::var_os("HOME").unwrap_or_default())
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn step_outputs(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

struct ActionRun {
    _dir: tempfile::TempDir,
    out: Output,
    outputs: BTreeMap<String, String>,
    sarif: PathBuf,
    temp: PathBuf,
}

fn run_scan_step(formats: &str, fail_on: &str, upload: &str) -> ActionRun {
    let dir = tempfile::tempdir().unwrap();
    let temp = dir.path().join("runner-temp");
    std::fs::create_dir_all(&temp).unwrap();
    let sarif = dir.path().join("results/bulkhead.sarif");
    std::fs::create_dir_all(sarif.parent().unwrap()).unwrap();
    let github_output = dir.path().join("github-output");
    let bin = bulkhead_bin();
    let out = run_action_step(
        "scan",
        &repo(),
        &[
            ("BULKHEAD", bin.to_str().unwrap()),
            (
                "INPUT_PATHS",
                "testdata/demo/services\n testdata/demo/deploy",
            ),
            ("INPUT_CONFIG", ""),
            ("INPUT_BASELINE", ""),
            ("INPUT_FAIL_ON", fail_on),
            ("INPUT_FORMATS", formats),
            ("INPUT_SARIF_OUTPUT", sarif.to_str().unwrap()),
            ("INPUT_JSON_OUTPUT", ""),
            ("INPUT_UPLOAD", upload),
            ("INPUT_CATEGORY", "bulkhead-demo"),
            ("INPUT_ARGS", "--today 2026-12-04 --threads 2"),
            ("GITHUB_OUTPUT", github_output.to_str().unwrap()),
            ("RUNNER_TEMP", temp.to_str().unwrap()),
            ("RUNNER_OS", "Linux"),
        ],
    );
    let outputs = step_outputs(&github_output);
    ActionRun {
        _dir: dir,
        out,
        outputs,
        sarif,
        temp,
    }
}

#[test]
fn action_scans_once_and_writes_sarif_annotations_and_summary() {
    let run = run_scan_step("sarif,github,markdown,human", "", "true");
    let out = &run.out;
    // The scan step itself succeeds: the exit code is raised at the end.
    assert!(out.status.success(), "{}", show(out));
    assert_eq!(run.outputs.get("exit-code").map(String::as_str), Some("1"));
    let stdout = text(&out.stdout);
    // One scan: the command line is logged once, with every report on it.
    let logged: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("bulkhead scan"))
        .collect();
    assert_eq!(logged.len(), 1, "{stdout}");
    assert!(
        logged[0].contains("--format sarif --output")
            && logged[0].contains("--format markdown --output")
            && logged[0].contains("--sarif-category bulkhead-demo")
            && logged[0].ends_with("-- testdata/demo/services testdata/demo/deploy"),
        "{}",
        logged[0]
    );
    // Annotations on standard output, with repository-relative paths.
    assert!(
        stdout.contains("::error file=testdata/demo/services/api/Dockerfile,line=10,"),
        "{stdout}"
    );
    // The human report is printed with workflow commands turned off.
    let token = stdout
        .lines()
        .find_map(|l| l.strip_prefix("::stop-commands::"))
        .expect("human report between stop-commands");
    assert!(stdout.contains(&format!("::{token}::")));
    assert!(stdout.contains("── testdata/demo/services/api/Dockerfile · "));
    // SARIF where asked, its absolute path as an output, with the category.
    assert_eq!(
        run.outputs.get("sarif-file").map(PathBuf::from),
        Some(run.sarif.clone())
    );
    let sarif = json_file(&run.sarif);
    assert_eq!(
        sarif["runs"][0]["automationDetails"]["id"],
        "bulkhead-demo/"
    );
    // The summary file, then the summary step appends it to the job summary.
    let summary_file = run
        .outputs
        .get("summary-file")
        .expect("summary-file output");
    assert!(Path::new(summary_file).starts_with(&run.temp));
    let step_summary = run.temp.join("step-summary.md");
    std::fs::write(&step_summary, "earlier step\n").unwrap();
    let out = run_action_step(
        "Job summary",
        &repo(),
        &[
            ("SUMMARY_FILE", summary_file),
            ("GITHUB_STEP_SUMMARY", step_summary.to_str().unwrap()),
        ],
    );
    assert!(out.status.success(), "{}", show(&out));
    let summary = std::fs::read_to_string(&step_summary).unwrap();
    assert!(
        summary.starts_with("earlier step\n### bulkhead: "),
        "{summary}"
    );
    assert!(summary.contains("| critical |") && summary.contains("BH0311"));
}

#[test]
fn action_build_is_keyed_by_source_and_reused_on_a_cache_hit() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("github-output");
    let env = [
        ("INPUT_TOOLCHAIN", ""),
        ("RUNNER_OS", "Linux"),
        ("RUNNER_ARCH", "X64"),
        ("GITHUB_OUTPUT", outputs.to_str().unwrap()),
    ];
    // The action's working directory is its own source: this repository.
    let out = run_action_step("setup", &repo(), &env);
    assert!(out.status.success(), "{}", show(&out));
    let first = step_outputs(&outputs);
    let key = &first["key"];
    let restore = &first["restore-key"];
    assert!(
        restore.starts_with("bulkhead-build-Linux-X64-"),
        "{restore}"
    );
    assert!(
        key.starts_with(restore.as_str()) && key.len() > restore.len() + 8,
        "{key}"
    );
    std::fs::remove_file(&outputs).unwrap();
    let out = run_action_step("setup", &repo(), &env);
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(step_outputs(&outputs)["key"], *key, "the key is stable");

    // On a cache hit the restored binary is used as it is, without cargo.
    let home = dir.path().join("home");
    let cached = home.join(".cache/bulkhead-action/target/dist/bulkhead");
    std::fs::create_dir_all(cached.parent().unwrap()).unwrap();
    std::fs::copy(bulkhead_bin(), &cached).unwrap();
    std::fs::remove_file(&outputs).unwrap();
    let step = action_step("build");
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-e", "-o", "pipefail", "-c"])
        .arg(str_of(&step, "run").unwrap())
        .current_dir(repo())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", &home)
        .envs([
            ("INPUT_TOOLCHAIN", ""),
            ("CACHE_HIT", "true"),
            ("RUNNER_OS", "Linux"),
            ("GITHUB_OUTPUT", outputs.to_str().unwrap()),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(text(&out.stdout).contains("cache hit"), "{}", show(&out));
    let built = step_outputs(&outputs);
    assert_eq!(built["bin"], cached.to_str().unwrap());
    assert_eq!(built["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn action_raises_the_exit_code_only_in_its_last_step() {
    let action = load_yaml("action.yml");
    let steps = action["runs"]["steps"].as_array().unwrap();
    let last = steps.last().unwrap();
    assert_eq!(str_of(last, "name"), Some("Result"));
    // Summary, upload and result run even when an earlier step failed.
    for name in ["Job summary", "Upload SARIF to code scanning", "Result"] {
        let step = action_step(name);
        assert!(
            str_of(&step, "if").is_some_and(|c| c.starts_with("always()")),
            "{name} must run with if: always()"
        );
    }
    let upload = action_step("Upload SARIF to code scanning");
    assert!(
        str_of(&upload, "uses")
            .unwrap()
            .starts_with("github/codeql-action/upload-sarif@")
    );
    assert_eq!(
        str_of(&upload["with"], "category"),
        Some("${{ inputs.category }}")
    );
    for (code, ok) in [("0", true), ("1", false), ("2", false)] {
        let out = run_action_step("Result", &repo(), &[("CODE", code)]);
        assert_eq!(out.status.success(), ok, "{code}: {}", show(&out));
        assert_eq!(out.status.code().unwrap().to_string(), code);
        if !ok {
            assert!(text(&out.stdout).starts_with("::error title=bulkhead::"));
        }
    }
    // fail-on: never makes the scan's own code 0.
    let run = run_scan_step("github", "never", "false");
    assert!(run.out.status.success(), "{}", show(&run.out));
    assert_eq!(run.outputs.get("exit-code").map(String::as_str), Some("0"));
    assert!(
        !run.outputs.contains_key("sarif-file"),
        "no SARIF was asked for"
    );
    // An unknown format is an error of the step itself.
    let run = run_scan_step("sarif,xml", "", "false");
    assert_eq!(run.out.status.code(), Some(2), "{}", show(&run.out));
}

// ------------------------------------------------------- pre-commit

fn pre_commit() -> PathBuf {
    let exe = std::env::var_os("PRE_COMMIT").map_or_else(
        || repo().join("target/ci-venv/bin/pre-commit"),
        PathBuf::from,
    );
    assert!(
        exe.is_file(),
        "pre-commit is not installed at {}: run .ci/run, or `python3 -m venv target/ci-venv && \
         target/ci-venv/bin/pip install pre-commit`, or set PRE_COMMIT",
        exe.display()
    );
    exe
}

/// A copy of the published hook with the same id, arguments and file filter,
/// run as `language: system` with `entry` starting with `program` instead of
/// `bulkhead`: `language: rust` would `cargo install` bulkhead, a release
/// build of its own, inside pre-commit's cache.
fn hook_repo(dir: &Path, program: &str) -> PathBuf {
    let manifest = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(manifest.matches("language: rust").count(), 1);
    assert_eq!(manifest.matches("entry: bulkhead ").count(), 1);
    let manifest = manifest
        .replace("language: rust", "language: system")
        .replace("entry: bulkhead ", &format!("entry: {program} "));
    let hooks = dir.join(format!("hooks-{}", dir.read_dir().unwrap().count()));
    write(&hooks, ".pre-commit-hooks.yaml", &manifest);
    git(&hooks, &["init", "-q"]);
    git(&hooks, &["add", "-A"]);
    git(&hooks, &["commit", "-q", "-m", "hooks"]);
    hooks
}

fn try_repo(project: &Path, hooks: &Path, cache: &Path, files: &[&str]) -> Output {
    Command::new(pre_commit())
        .args([
            "try-repo",
            hooks.to_str().unwrap(),
            "bulkhead",
            "--verbose",
            "--files",
        ])
        .args(files)
        .current_dir(project)
        .env("PRE_COMMIT_HOME", cache)
        .env("PRE_COMMIT_COLOR", "never")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap()
}

#[test]
#[ignore = "needs the pre-commit client; .ci/run installs it and runs this"]
fn pre_commit_hook_fails_on_a_bad_dockerfile_and_passes_a_clean_one() {
    // The published manifest is valid for the real client.
    let out = Command::new(pre_commit())
        .args(["validate-manifest", ".pre-commit-hooks.yaml"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));

    let work = tempfile::tempdir().unwrap();
    let cache = work.path().join("pre-commit-cache");
    let bin = bulkhead_bin();
    let hooks = hook_repo(work.path(), bin.to_str().unwrap());

    let project = shared_account_repo();
    let p = project.path();
    write(p, "Dockerfile", BAD_DOCKERFILE);
    write(p, "README.md", "not infrastructure\n");
    git(p, &["add", "-A"]);

    let out = try_repo(p, &hooks, &cache, &["Dockerfile"]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "{}", show(&out));
    assert!(stdout.contains("Failed"), "{}", show(&out));
    assert!(
        stdout.contains("BH0311 remote-shell-in-image"),
        "{}",
        show(&out)
    );
    assert!(stdout.contains("openssh-server"), "{}", show(&out));
    // Only the given file is reported, though the whole repository is read.
    assert!(!stdout.contains("images/jump/Dockerfile"), "{}", show(&out));

    // Cross-file context: the development file alone is not wrong, next to
    // the production file it shares an account with, it is.
    let out = try_repo(p, &hooks, &cache, &["envs/dev/main.tf"]);
    assert!(!out.status.success(), "{}", show(&out));
    assert!(text(&out.stdout).contains("BH0101"), "{}", show(&out));

    write(p, "Dockerfile", CLEAN_DOCKERFILE);
    git(p, &["add", "-A"]);
    let out = try_repo(p, &hooks, &cache, &["Dockerfile"]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(text(&out.stdout).contains("Passed"), "{}", show(&out));

    // Files that are not infrastructure as code never reach the hook.
    let out = try_repo(p, &hooks, &cache, &["README.md"]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        text(&out.stdout).contains("no files to check"),
        "{}",
        show(&out)
    );

    // The `files` filter of the manifest, as the client applies it.
    let names = [
        "main.tf",
        "x.tf.json",
        "prod.tfvars",
        "live/terragrunt.hcl",
        "k8s/app.yaml",
        "k8s/app.yml",
        "k8s/list.json",
        "Containerfile",
        "svc/Dockerfile.prod",
        "svc/api.dockerfile",
        "README.md",
        "main.go",
        "notes.txt",
    ];
    for n in names {
        write(p, n, "x\n");
    }
    git(p, &["add", "-A"]);
    let echo = hook_repo(work.path(), "echo FILES");
    let out = try_repo(p, &echo, &cache, &names);
    assert!(out.status.success(), "{}", show(&out));
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("FILES "))
        .unwrap_or_else(|| panic!("{}", show(&out)));
    let mut passed: Vec<&str> = line.split_whitespace().collect();
    passed.retain(|f| !["scan", "--repo-context"].contains(f));
    passed.sort_unstable();
    let mut expected = names[..10].to_vec();
    expected.sort_unstable();
    assert_eq!(passed, expected);
}
