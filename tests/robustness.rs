//! Hostile and broken input: each bad file becomes one clear diagnostic, the
//! scan goes on, and findings elsewhere are not lost.

use std::path::Path;
use std::time::{Duration, Instant};

use bulkhead::config::Config;
use bulkhead::engine::catalogue::Catalogue;
use bulkhead::scan::{ScanOptions, ScanResult, scan};

const GOOD_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n";

fn run(dir: &Path, cfg: &Config) -> ScanResult {
    scan(
        &ScanOptions {
            paths: vec![dir.to_path_buf()],
            root: dir.to_path_buf(),
            threads: 2,
            value_stats: false,
        },
        &Catalogue::builtin().unwrap(),
        cfg,
    )
    .unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, bytes).unwrap();
}

fn diag<'a>(r: &'a ScanResult, path: &str) -> Vec<&'a bulkhead::diagnostic::Diagnostic> {
    r.diagnostics.iter().filter(|d| d.path == path).collect()
}

fn assert_good_pod_found(r: &ScanResult) {
    assert!(
        r.findings
            .iter()
            .any(|f| f.source.path == "good/pod.yaml" && f.check.id == "BH0301"),
        "finding in the good file was lost: {:?}",
        r.diagnostics
    );
}

#[test]
fn hostile_yaml_is_contained() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    let mut bomb =
        String::from("apiVersion: v1\nkind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    write(d, "bomb.yaml", bomb);
    write(
        d,
        "deep-block.yaml",
        format!(
            "apiVersion: v1\nkind: Pod\nspec:\n{}x\n",
            "- ".repeat(100_000)
        ),
    );
    write(
        d,
        "deep-flow.yaml",
        format!("apiVersion: v1\nkind: Pod\nspec: {}", "[".repeat(100_000)),
    );
    write(
        d,
        "deep-map.yaml",
        format!(
            "apiVersion: v1\nkind: Pod\nspec: {}",
            "{a: ".repeat(100_000)
        ),
    );
    write(d, "broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n");
    write(d, "binary.yaml", b"apiVersion\0kind\0\x01\x02");
    write(
        d,
        "latin1.yaml",
        b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n",
    );
    let r = run(d, &Config::default());
    assert_good_pod_found(&r);
    for (file, kind, needle) in [
        ("bomb.yaml", "limit", "limits.yaml_alias_nodes"),
        ("deep-block.yaml", "limit", "limits.yaml_depth"),
        ("deep-flow.yaml", "limit", "limits.yaml_depth"),
        ("deep-map.yaml", "limit", "limits.yaml_depth"),
        ("broken.yaml", "parse-error", ""),
        ("binary.yaml", "binary", "binary"),
        ("latin1.yaml", "not-utf8", "UTF-8"),
    ] {
        let ds = diag(&r, file);
        assert_eq!(ds.len(), 1, "{file}: {ds:?}");
        assert_eq!(ds[0].kind, kind, "{file}: {ds:?}");
        assert!(ds[0].message.contains(needle), "{file}: {ds:?}");
    }
    let latin = diag(&r, "latin1.yaml")[0];
    assert_eq!((latin.line, latin.column), (Some(4), Some(12)));
}

#[test]
fn hostile_hcl_and_dockerfiles_are_contained() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    write(
        d,
        "deep/main.tf",
        format!("a = {}1{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        d,
        "deep2/main.tf",
        format!("a = {}\n", "{ b = ".repeat(100_000)),
    );
    write(
        d,
        "deep3/main.tf",
        format!("a = \"{}\"\n", "${\"".repeat(50_000)),
    );
    write(
        d,
        "ops/main.tf",
        format!("a = {}1\n", "1 + ".repeat(100_000)),
    );
    write(d, "broken/main.tf", "resource \"x\" \"y\" {\n  a = \n");
    write(
        d,
        "json/main.tf.json",
        format!("{{\"a\": {}", "[".repeat(100_000)),
    );
    write(d, "bad/Dockerfile", "FROM alpine\nCMDX oops\n");
    write(
        d,
        "tmpl/Dockerfile.template",
        "FROM {{ .Image }}\n{{ range .X }}RUN x{{ end }}\n",
    );
    write(d, "empty/Dockerfile", "");
    write(
        d,
        "long/Dockerfile",
        format!(
            "FROM alpine\nRUN {}\n",
            "echo a && ".repeat(50_000) + "true"
        ),
    );
    let r = run(d, &Config::default());
    assert_good_pod_found(&r);
    for file in [
        "deep/main.tf",
        "deep2/main.tf",
        "deep3/main.tf",
        "ops/main.tf",
        "broken/main.tf",
        "json/main.tf.json",
        "bad/Dockerfile",
        "tmpl/Dockerfile.template",
        "empty/Dockerfile",
    ] {
        let ds = diag(&r, file);
        assert_eq!(ds.len(), 1, "{file}: {ds:?}");
        assert_eq!(ds[0].kind, "parse-error", "{file}: {ds:?}");
        assert!(
            ds[0].line.is_some(),
            "{file}: parse errors carry a position"
        );
    }
    assert!(diag(&r, "long/Dockerfile").is_empty());
    let b = &diag(&r, "bad/Dockerfile")[0];
    assert_eq!((b.line, b.column), (Some(2), Some(1)));
}

/// Found by the `pipeline` fuzz target once findings kept excerpts of their
/// files: its check of spans read the kept text, empty in an excerpt, as the
/// file. Spans are checked against the whole file's length and text.
#[test]
fn findings_in_excerpts_keep_their_spans_inside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let dockerfile = b"FROM python:1.12-slim\nLABEL org.opencontainers.imaim\nLABEL org.opencontainers.image.BH \xef\xbb\xbfer=\"payments@eUSER 10001\n";
    write(dir.path(), "svc/Dockerfile", dockerfile);
    let text = std::str::from_utf8(dockerfile).unwrap();
    let r = run(dir.path(), &Config::default());
    assert!(!r.findings.is_empty());
    assert!(r.findings.iter().any(|f| f.source.is_excerpt()));
    for f in &r.findings {
        assert_eq!(f.source.len(), text.len());
        assert!(f.span.start <= f.span.end && f.span.end as usize <= f.source.len());
        assert_eq!(
            f.source.slice(f.span),
            &text[f.span.range()],
            "{}",
            f.check.id
        );
    }
}

#[test]
fn oversized_files_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    write(
        d,
        "big.yaml",
        format!(
            "apiVersion: v1\nkind: ConfigMap\ndata:\n{}",
            "  k: v\n".repeat(2000)
        ),
    );
    let cfg = Config {
        max_file_size: Some(4096),
        ..Config::default()
    };
    let r = run(d, &cfg);
    assert_good_pod_found(&r);
    let ds = diag(&r, "big.yaml");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].kind, "too-large");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_escapes_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret/pod.yaml", GOOD_POD);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    std::os::unix::fs::symlink(d, d.join("good/loop")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret"), d.join("escape")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.yaml"), d.join("dangling.yaml")).unwrap();
    // A named pipe must never be opened (reading it would block forever).
    let fifo = d.join("pipe.yaml");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    let r = run(d, &Config::default());
    assert_good_pod_found(&r);
    assert!(
        r.findings.iter().all(|f| !f.source.path.contains("escape")),
        "followed a link out of the root"
    );
    assert_eq!(
        r.findings.iter().filter(|f| f.check.id == "BH0301").count(),
        1,
        "the loop must not scan the same file twice: {:?}",
        r.findings
            .iter()
            .map(|f| &f.source.path)
            .collect::<Vec<_>>()
    );
    assert!(
        diag(&r, "escape").iter().any(|x| x.kind == "outside-root"),
        "{:?}",
        r.diagnostics
    );
    assert!(
        r.diagnostics.iter().any(|x| x.kind == "symlink-loop"),
        "{:?}",
        r.diagnostics
    );
    if status.is_ok_and(|s| s.success()) {
        assert!(diag(&r, "pipe.yaml").is_empty());
    }
}

fn config(text: &str) -> Config {
    Config::parse("bulkhead.toml", text).unwrap()
}

fn limit_diags<'a>(r: &'a ScanResult, path: &str) -> Vec<&'a bulkhead::diagnostic::Diagnostic> {
    diag(r, path)
        .into_iter()
        .filter(|d| d.kind == "limit")
        .collect()
}

#[test]
fn limits_are_configurable_and_each_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    write(
        d,
        "nested.yaml",
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  a:\n    b:\n      c:\n        d:\n          e: x\n",
    );
    write(
        d,
        "aliases.yaml",
        "apiVersion: v1\nkind: ConfigMap\nx: &a [1, 2, 3]\ny: [*a, *a, *a]\n",
    );
    write(
        d,
        "docs.yaml",
        "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\n",
    );
    // The resource comes first and the deepest local first, so that nothing
    // is cached when the chain is followed.
    let mut chain = String::from(
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b-${local.l19}\"\n}\nlocals {\n",
    );
    for i in (1..20).rev() {
        chain.push_str(&format!("  l{i} = local.l{} + 1\n", i - 1));
    }
    chain.push_str("  l0 = 1\n}\n");
    write(d, "chain/main.tf", chain);
    write(d, "mods/main.tf", "module \"a\" {\n  source = \"./a\"\n}\n");
    write(
        d,
        "mods/a/main.tf",
        "module \"b\" {\n  source = \"./b\"\n}\n",
    );
    write(
        d,
        "mods/a/b/main.tf",
        "module \"c\" {\n  source = \"./c\"\n}\n",
    );
    write(
        d,
        "mods/a/b/c/main.tf",
        "resource \"aws_s3_bucket\" \"deep\" {}\n",
    );

    // The defaults let all of this through.
    let r = run(d, &Config::default());
    assert_good_pod_found(&r);
    assert!(
        r.diagnostics.iter().all(|x| x.kind != "limit"),
        "{:?}",
        r.diagnostics
    );

    let cfg = config(
        "[limits]\nyaml_depth = 5\nyaml_alias_nodes = 5\nyaml_documents = 2\nexpression_depth = 10\nmodule_depth = 1\n",
    );
    let r = run(d, &cfg);
    assert_good_pod_found(&r);
    for (file, key) in [
        ("nested.yaml", "limits.yaml_depth"),
        ("aliases.yaml", "limits.yaml_alias_nodes"),
        ("docs.yaml", "limits.yaml_documents"),
        ("chain/main.tf", "limits.expression_depth"),
        ("mods/a/main.tf", "limits.module_depth"),
    ] {
        let ds = limit_diags(&r, file);
        assert_eq!(ds.len(), 1, "{file}: {:?}", r.diagnostics);
        assert!(ds[0].message.contains(key), "{file}: {ds:?}");
        assert!(
            ds[0].line.is_some(),
            "{file}: a limit names where it was hit"
        );
    }
}

#[test]
fn invalid_limits_are_configuration_errors() {
    for text in [
        "[limits]\nunit_timeout = -1\n",
        "[limits]\nyaml_depht = 3\n",
    ] {
        let e = Config::parse("bulkhead.toml", text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("bulkhead.toml:2:"), "{e}");
    }
    assert!(
        config("[limits]\nunit_timeout = 0.5\n")
            .limits
            .unit_timeout()
            == Some(Duration::from_millis(500))
    );
    assert!(
        config("[limits]\nunit_timeout = 0\n")
            .limits
            .unit_timeout()
            .is_none()
    );
}

/// A unit that would run for minutes (a billion evaluations) is stopped at
/// its deadline and reported; the other units keep their findings.
#[test]
fn a_unit_past_its_timeout_is_stopped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    write(
        d,
        "slow/main.tf",
        "locals {\n  n = length([for a in range(1000) : length([for b in range(1000) : length([for c in range(1000) : c])])])\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b-${local.n}\"\n}\n",
    );
    let started = Instant::now();
    let r = run(d, &config("[limits]\nunit_timeout = 0.5\n"));
    let took = started.elapsed();
    assert_good_pod_found(&r);
    let ds = limit_diags(&r, "slow/main.tf");
    assert_eq!(ds.len(), 1, "{:?}", r.diagnostics);
    assert!(ds[0].message.contains("limits.unit_timeout"), "{ds:?}");
    assert!(
        took < Duration::from_secs(30),
        "the timeout did not stop the unit: {took:?}"
    );
}

/// The YAML loader looks at the clock too: a large file with a tiny budget stops.
#[test]
fn yaml_loading_stops_at_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut big = String::from("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    for i in 0..200_000 {
        big.push_str(&format!("  k{i}: v\n"));
    }
    write(d, "big.yaml", &big);
    let r = run(d, &config("[limits]\nunit_timeout = 0.000001\n"));
    let ds = limit_diags(&r, "big.yaml");
    assert_eq!(ds.len(), 1, "{:?}", r.diagnostics);
    assert!(ds[0].message.contains("limits.unit_timeout"), "{ds:?}");
}

/// Repeated-key detection was quadratic in the size of a mapping: a 4 MB
/// ConfigMap took minutes. It must load in about linear time.
#[test]
fn large_yaml_mappings_load_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut big = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
    for i in 0..100_000 {
        big.push_str(&format!("  k{i}: v\n"));
    }
    big.push_str("  k7: again\n");
    write(d, "big.yaml", &big);
    let r = run(d, &config("[limits]\nunit_timeout = 60\n"));
    let ds = diag(&r, "big.yaml");
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(ds[0].kind, "duplicate-key", "{ds:?}");
}

/// Found by fuzzing (`fuzz/run.sh`, target `tfvars`): unclosed nested objects
/// and parentheses made the HCL parser the scan used before its own (hcl-edit)
/// backtrack exponentially (each `e%nn%{` doubled the time; this one would
/// have taken about half an hour). The parser is linear now: every copy is a
/// parse error with a position, at once, and other files keep their findings.
#[test]
fn inputs_that_made_hcl_parsing_exponential_are_plain_syntax_errors() {
    let fuzzed = "e=(eOl/se%{e%nn%{\nGoe%nn%{\nGl/se%{e%nOOl/se%{e%nn%{\nGodeaOOOOl/s%{e%nn%{\nGodfile%nn%{\nGo/se%{e%nOOl/se%{e%nn%{\nGodfile%nn%{\nGodeaOOOOl/se%e%{e%nn%{\nle%nn%{\naOOOOl/se%{e%nOOl/se%{e%nn%{eaOOOO%{";
    let slow = format!("{fuzzed}{}", "e%nn%{".repeat(12));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/pod.yaml", GOOD_POD);
    write(d, "tf/main.tf", &slow);
    write(d, "vars/main.tf", "variable \"a\" {}\n");
    write(d, "vars/prod.tfvars", &slow);
    write(d, "live/terragrunt.hcl", &slow);
    write(d, "x/main.tf", fuzzed);
    let started = Instant::now();
    let r = run(d, &Config::default());
    let took = started.elapsed();
    assert_good_pod_found(&r);
    for file in [
        "tf/main.tf",
        "vars/prod.tfvars",
        "live/terragrunt.hcl",
        "x/main.tf",
    ] {
        let ds = diag(&r, file);
        assert_eq!(ds.len(), 1, "{file}: {:?}", r.diagnostics);
        assert_eq!(ds[0].kind, "parse-error", "{file}: {ds:?}");
        assert!(ds[0].line.is_some(), "{file}: {ds:?}");
    }
    assert!(took < Duration::from_secs(10), "parsing took {took:?}");
}
