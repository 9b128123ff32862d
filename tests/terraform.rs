//! Terraform semantics, proven by scenarios under `testdata/terraform/`: each
//! finding there exists only after evaluation (variables, variable files,
//! locals, conditionals, count, for_each, dynamic blocks, functions, local
//! modules, policy documents, Terragrunt) and points at the place where the
//! offending value is written; each compliant twin (`pass/`) stays silent.
//!
//! A scenario is a folder with `fail/` and `pass/` sub-folders, or a folder
//! scanned as a whole. Lines where a finding must start carry an
//! `expect: <ID>` comment.

mod common;

use std::path::Path;

use common::scan_dir;

fn scenario(name: &str) {
    common::scenario("terraform", name);
}

#[test]
fn variable_defaults_are_evaluated() {
    scenario("variable-default");
}

#[test]
fn each_variable_file_is_a_variant() {
    scenario("tfvars-variants");
}

#[test]
fn locals_and_conditionals_are_evaluated() {
    scenario("locals-conditional");
}

#[test]
fn count_zero_creates_nothing() {
    scenario("count-disabled");
}

#[test]
fn for_each_instances_are_expanded() {
    scenario("for-each-rules");
}

#[test]
fn dynamic_blocks_are_expanded() {
    scenario("dynamic-ingress");
}

#[test]
fn module_arguments_reach_module_resources() {
    scenario("module-argument");
}

#[test]
fn functions_are_evaluated() {
    scenario("functions");
}

#[test]
fn policy_document_data_sources_are_rendered() {
    scenario("policy-document");
}

#[test]
fn unknown_values_never_fire() {
    scenario("unknown-values");
}

#[test]
fn terragrunt_units_deploy_their_module_with_inputs() {
    scenario("terragrunt");
}

#[test]
fn module_findings_name_the_module_address_and_related_locations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/terraform/module-argument/fail");
    let r = scan_dir(&dir);
    let f = r
        .findings
        .iter()
        .find(|f| f.check.id == "BH0504")
        .expect("finding in module");
    assert_eq!(f.source.path, "main.tf");
    assert_eq!(&*f.resource, "module.orders_db.aws_db_instance.this");
    assert!(
        f.related
            .iter()
            .any(|rl| rl.source.path == "modules/db/main.tf"),
        "the module's resource is a related location: {:?}",
        f.related
            .iter()
            .map(|r| (&r.source.path, &r.message))
            .collect::<Vec<_>>()
    );
}

#[test]
fn file_and_templatefile_read_inside_the_repository() {
    scenario("file-functions");
}

#[test]
fn for_expressions_and_splats_are_evaluated() {
    scenario("for-and-splat");
}

#[test]
fn references_between_resources_resolve_to_the_resource() {
    use bulkhead::model::Value;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/terraform/for-and-splat/fail");
    let mut table = bulkhead::terraform::module::FileTable::default();
    let mut diags = Vec::new();
    let loader = bulkhead::terraform::module::DiskLoader {
        root: &dir,
        max_size: 1 << 20,
    };
    use bulkhead::terraform::module::ModuleLoader;
    let root = loader.load(&dir, &mut table, &mut diags).unwrap();
    let tree = bulkhead::terraform::module::build_tree(root, &loader, &mut table, &mut diags);
    let opts = bulkhead::terraform::module::EvalOptions {
        workspace: None,
        root_dir: String::new(),
        repo_root: dir.clone(),
        max_file_size: 1 << 20,
        count_values: false,
    };
    let out = bulkhead::terraform::module::evaluate(&tree, &table, &Default::default(), &opts);
    let rule = out
        .blocks
        .iter()
        .find(|b| b.address() == "aws_security_group_rule.ssh")
        .unwrap();
    // The group id is known only after apply, but the reference names the group.
    match &rule.body.get("security_group_id").unwrap().value {
        Value::Unknown(reason) => {
            assert!(reason.contains("aws_security_group.bastion.id"), "{reason}")
        }
        other => panic!("expected an unknown reference, got {other:?}"),
    }
    let group = out
        .blocks
        .iter()
        .find(|b| b.address() == "aws_security_group.bastion")
        .unwrap();
    assert_eq!(
        group.body.get("description").and_then(|n| n.as_str()),
        Some("SSH for 2 admin networks")
    );
}
