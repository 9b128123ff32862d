//! Helpers shared by the fuzz targets.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bulkhead::diagnostic::Diagnostic;
use bulkhead::model::Node;
use bulkhead::source::{FileKind, SourceFile, SourceRef};
use bulkhead::terraform::module::{self, EvalOptions, FileTable, ModuleLoader, ModuleSource};

/// A source file held in memory.
pub fn source(name: &str, kind: FileKind, text: &str) -> SourceRef {
    Arc::new(SourceFile::new(
        name.to_string(),
        PathBuf::from(name),
        kind,
        text,
    ))
}

/// A loader for in-memory modules: local module calls lead nowhere.
pub struct NoModules;

impl ModuleLoader for NoModules {
    fn load(
        &self,
        _disk_dir: &Path,
        _files: &mut FileTable,
        _diags: &mut Vec<Diagnostic>,
    ) -> Option<ModuleSource> {
        None
    }
}

/// Parse `text` as the only `.tf` file of a module and evaluate it with `inputs`.
pub fn evaluate_module(text: &str, inputs: &BTreeMap<String, Node>) -> usize {
    let mut table = FileTable::default();
    let src = source("fuzz/main.tf", FileKind::Terraform, text);
    let idx = table.add(Arc::clone(&src));
    let mut m = ModuleSource {
        dir: "fuzz".into(),
        disk_dir: PathBuf::from("/nonexistent-bulkhead-fuzz"),
        ..ModuleSource::default()
    };
    let mut diags = Vec::new();
    if !module::add_file(&mut m, idx, &src, &mut diags) {
        return 0;
    }
    let tree = module::build_tree(m, &NoModules, &mut table, &mut diags);
    let opts = EvalOptions {
        workspace: Some("default".into()),
        root_dir: "fuzz".into(),
        repo_root: PathBuf::from("/nonexistent-bulkhead-fuzz"),
        max_file_size: 1 << 20,
        ..EvalOptions::default()
    };
    let evaluated = module::evaluate(&tree, &table, inputs, &opts);
    evaluated.blocks.len()
}
