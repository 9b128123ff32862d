//! Environment inference and cross-environment checks: each unit of a mixed
//! repository gets the right class (and decoys such as `modules/products`,
//! `test/integration/envs` and Terragrunt's `*-live` get none), and the
//! cross-environment scenarios under `testdata/envs/` fire at the marked
//! lines while their compliant twins stay silent.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn classes(dir: &str) -> BTreeMap<String, String> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/envs")
        .join(dir);
    let r = common::scan_dir(&base);
    r.environments
        .iter()
        .map(|e| {
            (
                format!("{} {}", e.kind, e.unit),
                e.environment.class.clone(),
            )
        })
        .collect()
}

#[test]
fn units_get_their_environment_and_decoys_get_none() {
    let c = classes("inference");
    let want = [
        ("terraform envs/production", "production"),
        ("terraform envs/development", "development"),
        ("terraform envs/shared", "shared"),
        ("terraform modules/products", "unknown"),
        ("terraform test/integration/envs", "unknown"),
        ("terraform reproduce", "unknown"),
        ("terraform app with app/config/prod.tfvars", "production"),
        ("terraform app with app/config/dev.tfvars", "development"),
        ("terraform svc", "staging"),
        ("terraform tagged", "production"),
        ("kubernetes k8s/base/deploy.yaml", "production"),
        ("kustomize-overlay k8s/overlays/production", "production"),
        ("helm-values charts/shop/values-prod.yaml", "production"),
        ("dockerfile docker/Dockerfile.dev", "development"),
        ("terragrunt infrastructure-live/us-east-1/app", "unknown"),
    ];
    let mut wrong = Vec::new();
    for (unit, class) in want {
        match c.get(unit) {
            Some(got) if got == class => {}
            other => wrong.push(format!("{unit}: want {class}, got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}\nall units: {c:#?}", wrong.join("\n"));
}

#[test]
fn evidence_explains_each_decision() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/envs/inference");
    let r = common::scan_dir(&base);
    let app = r
        .environments
        .iter()
        .find(|e| e.unit == "app with app/config/prod.tfvars")
        .unwrap();
    assert!(
        app.environment.evidence[0].contains("env = \"prod\""),
        "{:?}",
        app.environment.evidence
    );
    let overlay = r
        .environments
        .iter()
        .find(|e| e.unit == "k8s/base/deploy.yaml")
        .unwrap();
    assert!(
        overlay.environment.evidence[0].contains("overlay"),
        "{:?}",
        overlay.environment.evidence
    );
}

#[test]
fn variable_file_variants_are_separate_environments() {
    common::scenario("envs", "tfvars-shared-account");
}
