//! `docs/checks.md` is generated from the catalogue and kept current:
//! `BULKHEAD_UPDATE_DOCS=1 cargo test --test docs` rewrites it.

use std::path::Path;

use bulkhead::engine::catalogue::Catalogue;
use bulkhead::engine::docs;

#[test]
fn check_reference_is_current() {
    let cat = Catalogue::builtin().unwrap();
    let want = docs::markdown(&cat);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    if std::env::var_os("BULKHEAD_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/checks.md is out of date: run `BULKHEAD_UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn every_policy_tag_of_a_check_is_a_known_requirement() {
    let cat = Catalogue::builtin().unwrap();
    for c in &cat.checks {
        for tag in &c.policy {
            assert!(
                docs::REQUIREMENTS.iter().any(|(t, _, _)| t == tag),
                "{}: {tag} is not a requirement of the policy",
                c.id
            );
        }
    }
}
