//! The whole per-file pipeline: the input is written into a scratch
//! repository as `main.tf`, `manifest.yaml` or `Dockerfile` (chosen by the
//! first byte), scanned with the built-in catalogue, and rendered as SARIF,
//! JSON and human output.
#![no_main]

use std::sync::OnceLock;

use bulkhead::config::Config;
use bulkhead::engine::catalogue::Catalogue;
use bulkhead::report::{self, Format, ReportOptions};
use bulkhead::scan::{ScanOptions, scan};
use libfuzzer_sys::fuzz_target;

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::builtin().expect("built-in catalogue"))
}

const NAMES: [&str; 6] = [
    "main.tf",
    "manifest.yaml",
    "Dockerfile",
    "prod.tfvars",
    "terragrunt.hcl",
    "kustomization.yaml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(sel) % NAMES.len()];
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let sub = root.join("svc");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::write(sub.join(name), body).expect("write");
    if name == "prod.tfvars" {
        std::fs::write(
            sub.join("main.tf"),
            "variable \"a\" {}\nresource \"aws_s3_bucket\" \"b\" { bucket = var.a }\n",
        )
        .expect("write");
    }
    if name == "kustomization.yaml" {
        std::fs::write(sub.join("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n").expect("write");
    }
    let result = scan(
        &ScanOptions {
            paths: vec![root.to_path_buf()],
            root: root.to_path_buf(),
            threads: 1,
            value_stats: false,
        },
        catalogue(),
        &Config::default(),
    )
    .expect("scan");
    for f in &result.findings {
        assert!(f.span.start <= f.span.end);
        assert!(
            f.span.end as usize <= f.source.len(),
            "span past the end: {f:?}"
        );
    }
    let opts = ReportOptions::default();
    for format in [Format::Sarif, Format::Json, Format::Human, Format::Github] {
        let out = report::render(format, &result, catalogue(), &opts);
        if format == Format::Sarif {
            let v: serde_json_check::Value =
                serde_json_check::from_str(&out).expect("SARIF is JSON");
            assert!(v.get("runs").is_some());
        }
    }
});
