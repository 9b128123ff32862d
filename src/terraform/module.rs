//! Terraform modules: loading a module directory (and the local modules it
//! calls) and evaluating it into [`Block`]s whose bodies hold evaluated
//! values, with `count`, `for_each` and `dynamic` blocks expanded.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use crate::hcl::{Body, Expression, Span as _, Structure};

use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::hashing::{Map, Set};
use crate::model::terraform::Block;
use crate::model::{Entry, FileIdx, Node, Value};
use crate::parse::terraform::{self as tfparse, HclFile};
use crate::source::{FileKind, SourceRef, Span};
use crate::terraform::eval::{
    Bindings, Budget, Evaluator, LimitHit, Scope, WithCause, unknown, unknown_node,
};

/// Deepest chain of nested local module calls.
pub const MAX_MODULE_DEPTH: usize = 8;
/// Most instances one `count` or `for_each` may create.
pub const MAX_INSTANCES: usize = 1_000;

/// The files of one unit, indexed by [`FileIdx`].
#[derive(Debug, Default)]
pub struct FileTable {
    /// Sources.
    pub sources: Vec<SourceRef>,
    /// The index of each file, by path on disk (a unit reading a large
    /// module registers hundreds of files: a search of the list for each was
    /// quadratic).
    by_path: Map<PathBuf, FileIdx>,
}

impl FileTable {
    /// Register a file (once: a file registered before keeps its index) and
    /// return its index.
    pub fn add(&mut self, src: SourceRef) -> FileIdx {
        if let Some(&i) = self.by_path.get(&src.disk_path) {
            return i;
        }
        let i = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
        self.by_path.insert(src.disk_path.clone(), i);
        self.sources.push(src);
        i
    }

    /// The index of the file at `disk_path`, if registered.
    #[must_use]
    pub fn index_of(&self, disk_path: &Path) -> Option<FileIdx> {
        self.by_path.get(disk_path).copied()
    }
}

/// One parsed `.tf` file of a module.
#[derive(Debug)]
pub struct ModuleFile {
    /// Index in the unit's file table.
    pub file: FileIdx,
    /// The parsed body (shared between units when the folder comes from a
    /// [`ModuleCache`]; file indices inside its literal blocks are then not
    /// this unit's: [`ModuleFile::file`] is).
    pub parsed: Arc<HclFile>,
}

/// A module directory: its files, and the local modules it calls.
#[derive(Debug, Default)]
pub struct ModuleSource {
    /// Folder, relative to the repository root.
    pub dir: String,
    /// Folder on disk.
    pub disk_dir: PathBuf,
    /// Parsed `.tf` files.
    pub files: Vec<ModuleFile>,
    /// Blocks of `.tf.json` files (literal values only).
    pub json_blocks: Vec<Block>,
    /// Local module calls: block name → index in the [`ModuleTree`].
    pub children: BTreeMap<String, usize>,
}

/// A root module and every local module reachable from it.
#[derive(Debug, Default)]
pub struct ModuleTree {
    /// Modules; index 0 is the root.
    pub modules: Vec<ModuleSource>,
}

/// Loads module directories from disk (for local `source = "./..."` calls).
pub trait ModuleLoader {
    /// Load and parse the `.tf` files of a folder into the file table.
    /// Returns `None` if the folder holds no Terraform files.
    fn load(
        &self,
        disk_dir: &Path,
        files: &mut FileTable,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ModuleSource>;

    /// A folder's canonical path (see [`canonical`]).
    fn canonical(&self, dir: &Path) -> PathBuf {
        canonical(dir)
    }
}

/// Whether a module `source` is local (`./x`, `../x`).
#[must_use]
pub fn is_local_source(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

/// Resolve the local module calls of `root` recursively (at most
/// [`MAX_MODULE_DEPTH`] levels, no cycles).
pub fn build_tree(
    root: ModuleSource,
    loader: &dyn ModuleLoader,
    files: &mut FileTable,
    diags: &mut Vec<Diagnostic>,
) -> ModuleTree {
    build_tree_with(root, loader, files, diags, MAX_MODULE_DEPTH)
}

/// Resolve the local module calls of `root` recursively, at most `max_depth`
/// levels deep (a deeper call is a `limit` diagnostic), without cycles.
pub fn build_tree_with(
    root: ModuleSource,
    loader: &dyn ModuleLoader,
    files: &mut FileTable,
    diags: &mut Vec<Diagnostic>,
    max_depth: usize,
) -> ModuleTree {
    let mut tree = ModuleTree {
        modules: vec![root],
    };
    let mut stack: Vec<(usize, Vec<PathBuf>)> =
        vec![(0, vec![loader.canonical(&tree.modules[0].disk_dir)])];
    // Each folder is read and parsed once per unit: a module called from
    // several places (`module "x" { source = "../.." }` twice) is shared.
    let mut loaded: HashMap<PathBuf, usize> = HashMap::new();
    loaded.insert(loader.canonical(&tree.modules[0].disk_dir), 0);
    while let Some((idx, chain)) = stack.pop() {
        let calls = module_calls(&tree.modules[idx]);
        for (name, source, src_file, span) in calls {
            let report_as = |diags: &mut Vec<Diagnostic>,
                             files: &FileTable,
                             msg: String,
                             level: DiagLevel,
                             kind: &'static str| {
                if let Some(src) = files.sources.get(src_file as usize) {
                    let lc = src.line_col(span.start);
                    diags.push(Diagnostic::at(
                        &src.path, lc.line, lc.column, level, kind, msg,
                    ));
                }
            };
            let report =
                |diags: &mut Vec<Diagnostic>, files: &FileTable, msg: String, level: DiagLevel| {
                    report_as(diags, files, msg, level, "module");
                };
            if !is_local_source(&source) {
                report(
                    diags,
                    files,
                    format!(
                        "module `{name}` comes from `{source}`, which is not available offline; its resources are not checked"
                    ),
                    DiagLevel::Note,
                );
                continue;
            }
            let dir = tree.modules[idx].disk_dir.join(&source);
            let canon = loader.canonical(&dir);
            if chain.contains(&canon) {
                report(
                    diags,
                    files,
                    format!(
                        "module `{name}` calls itself (cycle through `{source}`); not expanded"
                    ),
                    DiagLevel::Warning,
                );
                continue;
            }
            if chain.len() > max_depth {
                report_as(
                    diags,
                    files,
                    format!(
                        "module `{name}` is nested deeper than {max_depth} levels (limits.module_depth); not expanded"
                    ),
                    DiagLevel::Warning,
                    "limit",
                );
                continue;
            }
            if let Some(&shared) = loaded.get(&canon) {
                // Sharing must not close a loop (the module reaching back here).
                if !reaches(&tree, shared, idx) {
                    tree.modules[idx].children.insert(name, shared);
                    continue;
                }
            }
            let Some(child) = loader.load(&dir, files, diags) else {
                report(
                    diags,
                    files,
                    format!("module `{name}`: `{source}` holds no Terraform files"),
                    DiagLevel::Warning,
                );
                continue;
            };
            tree.modules.push(child);
            let child_idx = tree.modules.len() - 1;
            loaded.entry(canon.clone()).or_insert(child_idx);
            tree.modules[idx].children.insert(name, child_idx);
            let mut next = chain.clone();
            next.push(canon);
            stack.push((child_idx, next));
        }
    }
    tree
}

/// Whether module `to` is `from` or one of the modules it calls, directly or not.
fn reaches(tree: &ModuleTree, from: usize, to: usize) -> bool {
    let mut seen = vec![false; tree.modules.len()];
    let mut stack = vec![from];
    while let Some(m) = stack.pop() {
        if m == to {
            return true;
        }
        if std::mem::replace(&mut seen[m], true) {
            continue;
        }
        stack.extend(tree.modules[m].children.values().copied());
    }
    false
}

/// A folder's canonical path (symbolic links resolved), or the path itself.
#[must_use]
pub fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Canonical paths resolved once per scan: a module folder is named by every
/// unit that calls it, and resolving a path takes a system call per
/// component.
#[derive(Debug, Default)]
pub struct CanonicalPaths(Mutex<Map<PathBuf, PathBuf>>);

impl CanonicalPaths {
    /// The canonical path of `p` (see [`canonical`]).
    pub fn get(&self, p: &Path) -> PathBuf {
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(c) = lock().get(p) {
            return c.clone();
        }
        let c = canonical(p);
        lock().insert(p.to_path_buf(), c.clone());
        c
    }
}

/// `(name, source, file, span)` of every module block with a literal source.
fn module_calls(m: &ModuleSource) -> Vec<(String, String, FileIdx, Span)> {
    let mut out = Vec::new();
    for f in &m.files {
        for b in &f.parsed.blocks {
            if b.kind != "module" {
                continue;
            }
            if let (Some(name), Some(src)) =
                (b.label(0), b.body.get("source").and_then(Node::as_str))
            {
                let span = b.body.get("source").map_or(b.ident_span, |n| n.span);
                out.push((name.to_string(), src.to_string(), f.file, span));
            }
        }
    }
    out
}

/// Options of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Value of `terraform.workspace`, if known.
    pub workspace: Option<String>,
    /// Path of the root module relative to the repository root (`path.root`).
    pub root_dir: String,
    /// The repository root on disk: `file()` and `templatefile()` read only inside it.
    pub repo_root: PathBuf,
    /// Size cap for files read by `file()` and `templatefile()`.
    pub max_file_size: u64,
    /// Count known and unknown values into [`Evaluated::stats`] (a walk of
    /// every evaluated body, for `--stats`).
    pub count_values: bool,
}

/// Bounds of one evaluation (`[limits]` in `bulkhead.toml`).
#[derive(Debug, Clone, Copy)]
pub struct EvalLimits {
    /// Deepest chain of evaluations (`expression_depth`).
    pub expression_depth: usize,
    /// Deepest chain of nested local module calls (`module_depth`).
    pub module_depth: usize,
    /// When the evaluation must stop (the unit's timeout), if ever.
    pub deadline: Option<std::time::Instant>,
}

impl Default for EvalLimits {
    fn default() -> Self {
        EvalLimits {
            expression_depth: crate::terraform::eval::MAX_DEPTH,
            module_depth: MAX_MODULE_DEPTH,
            deadline: None,
        }
    }
}

/// What evaluating a module tree produced.
#[derive(Debug, Default)]
pub struct Evaluated {
    /// Top-level blocks of all modules (addresses prefixed with `module.NAME.`).
    pub blocks: Vec<Block>,
    /// Counts of known and unknown attribute values, by reason category.
    pub stats: ValueStats,
    /// Limits hit while evaluating (their first place each).
    pub limits: Vec<LimitHit>,
}

/// How many attribute values ended known, and why the others are unknown.
#[derive(Debug, Default, Clone)]
pub struct ValueStats {
    /// Known leaf values.
    pub known: usize,
    /// Unknown values by reason (category plus detail head).
    pub unknown: BTreeMap<String, usize>,
}

impl ValueStats {
    fn count(&mut self, n: &Node) {
        match &n.value {
            Value::Unknown(r) => {
                *self.unknown.entry(reason_key(r)).or_default() += 1;
            }
            Value::List(items) => items.iter().for_each(|i| self.count(i)),
            Value::Map(entries) => entries.iter().for_each(|e| self.count(&e.value)),
            _ => self.known += 1,
        }
    }

    /// Merge another set of counts.
    pub fn merge(&mut self, other: &ValueStats) {
        self.known += other.known;
        for (k, v) in &other.unknown {
            *self.unknown.entry(k.clone()).or_default() += v;
        }
    }
}

/// A short grouping key for an unknown reason: the category, and for
/// functions and data sources, which one.
fn reason_key(r: &str) -> String {
    let (cat, detail) = r.split_once(": ").unwrap_or((r, ""));
    match cat {
        unknown::FUNCTION => format!("{cat}: {detail}"),
        unknown::DATA => {
            let ty = detail.split('.').nth(1).unwrap_or("");
            format!("{cat}: {ty}")
        }
        unknown::REFERENCE => {
            let head: String = detail
                .split(['.', '['])
                .next()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            format!("{cat}: {head}")
        }
        unknown::ERROR => {
            let head: String = detail
                .split(':')
                .next()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            format!("{cat}: {head}")
        }
        _ => cat.to_string(),
    }
}

/// `(kind, type, name)` of a resource, data source (`"data"`) or module call
/// (`"module"`, empty type).
type BlockKey<'m> = (&'m str, &'m str, &'m str);

/// A variable of a module scope: the value its call gives, or its default
/// as parsed, borrowed from the parsed module (a large default, such as a
/// table of hundreds of rules, was copied into every instance of its
/// module); copied only when the folder was parsed for another unit under
/// other file indices.
struct Var<'m> {
    name: &'m str,
    key_span: Span,
    value: std::borrow::Cow<'m, Node>,
}

struct ModuleScope<'m> {
    tree: &'m ModuleTree,
    module: &'m ModuleSource,
    files: &'m FileTable,
    /// In declaration order.
    vars: Vec<Var<'m>>,
    locals: Map<&'m str, (&'m Expression, FileIdx)>,
    local_cache: RefCell<Map<String, Rc<Node>>>,
    local_active: RefCell<Set<String>>,
    blocks: Map<BlockKey<'m>, (&'m crate::hcl::Block, FileIdx)>,
    /// Evaluated blocks, and those being evaluated, by the block's address.
    object_cache: RefCell<Map<usize, Rc<Node>>>,
    object_active: RefCell<Set<usize>>,
    path_module: String,
    opts: &'m EvalOptions,
    budget: &'m Budget,
    module_depth: usize,
    depth: usize,
    /// The scopes of called modules without `count` or `for_each`, by call
    /// name: their outputs and their blocks are evaluated in one scope, so
    /// locals and resources of a child are evaluated once, not once for
    /// outputs and again for blocks (which doubled per level of nesting).
    child_scopes: RefCell<Map<String, Rc<ModuleScope<'m>>>>,
    /// `module.NAME.` prefixes of this module (empty for the root), without
    /// instance keys: see [`Scope::address_prefix`].
    address_prefix: String,
}

impl<'m> ModuleScope<'m> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        tree: &'m ModuleTree,
        idx: usize,
        files: &'m FileTable,
        mut inputs: BTreeMap<String, Node>,
        opts: &'m EvalOptions,
        budget: &'m Budget,
        module_depth: usize,
        depth: usize,
    ) -> Self {
        let module = &tree.modules[idx];
        let mut locals = Map::default();
        let mut blocks = Map::default();
        let mut vars: Vec<Var<'m>> = Vec::new();
        // Variables whose value was moved out of `inputs` (a variable
        // declared twice takes a copy the second time).
        let mut given: Set<&str> = Set::default();
        for f in &module.files {
            let hcl_blocks = f.parsed.body.iter().filter_map(|s| match s {
                Structure::Block(b) => Some(b),
                Structure::Attribute(_) => None,
            });
            for (b, mb) in hcl_blocks.zip(f.parsed.blocks.iter()) {
                let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
                match (b.ident.as_str(), labels.as_slice()) {
                    ("locals", _) => {
                        for a in b.body.attributes() {
                            locals.insert(a.key.as_str(), (&a.value, f.file));
                        }
                    }
                    ("resource", [ty, name]) => {
                        blocks.insert(("resource", *ty, *name), (b, f.file));
                    }
                    ("data", [ty, name]) => {
                        blocks.insert(("data", *ty, *name), (b, f.file));
                    }
                    ("module", [name]) => {
                        blocks.insert(("module", "", *name), (b, f.file));
                    }
                    ("variable", [name]) => {
                        let key_span = span_of(b.ident.span()).cover(span_of(b.labels[0].span()));
                        let input = inputs.remove(*name).or_else(|| {
                            given.contains(name).then(|| {
                                vars.iter()
                                    .find(|v| v.name == *name)
                                    .map(|v| v.value.as_ref().clone())
                            })?
                        });
                        if input.is_some() {
                            given.insert(name);
                        }
                        use std::borrow::Cow;
                        let value = match input {
                            Some(v) => Cow::Owned(v),
                            // The literal default, as parsed with the file.
                            None => match mb.body.get("default") {
                                Some(d) if mb.file == f.file => Cow::Borrowed(d),
                                Some(d) => Cow::Owned(node_in_file(d.clone(), f.file)),
                                None => Cow::Owned(unknown_node(
                                    key_span,
                                    f.file,
                                    unknown::VARIABLE,
                                    &format!("var.{name}"),
                                )),
                            },
                        };
                        vars.push(Var {
                            name,
                            key_span,
                            value,
                        });
                    }
                    _ => {}
                }
            }
        }
        ModuleScope {
            tree,
            module,
            files,
            vars,
            locals,
            local_cache: RefCell::new(Map::default()),
            local_active: RefCell::new(Set::default()),
            blocks,
            object_cache: RefCell::new(Map::default()),
            object_active: RefCell::new(Set::default()),
            path_module: module.dir.clone(),
            opts,
            budget,
            module_depth,
            depth,
            child_scopes: RefCell::new(Map::default()),
            address_prefix: String::new(),
        }
    }

    fn evaluator(&self, file: FileIdx, depth: usize) -> Evaluator<'_> {
        Evaluator {
            scope: self,
            file,
            depth,
        }
    }
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(Span::from).unwrap_or_default()
}

impl Scope for ModuleScope<'_> {
    fn var(&self, name: &str) -> Option<&Node> {
        // The last declaration, as a lookup in a map with repeated keys.
        self.vars
            .iter()
            .rev()
            .find(|v| v.name == name)
            .map(|v| v.value.as_ref())
    }

    fn vars(&self) -> Node {
        let entries = self
            .vars
            .iter()
            .map(|v| Entry {
                key: v.name.to_string(),
                key_span: v.key_span,
                value: v.value.as_ref().clone(),
            })
            .collect();
        Node {
            span: Span::default(),
            file: 0,
            value: Value::Map(entries),
        }
    }

    fn budget(&self) -> Option<&Budget> {
        Some(self.budget)
    }

    fn address_prefix(&self) -> &str {
        &self.address_prefix
    }

    fn local(&self, name: &str, span: Span, file: FileIdx, depth: usize) -> Rc<Node> {
        if let Some(v) = self.local_cache.borrow().get(name) {
            return Rc::clone(v);
        }
        let Some((expr, lfile)) = self.locals.get(name) else {
            return Rc::new(unknown_node(
                span,
                file,
                unknown::ERROR,
                &format!("undeclared local.{name}"),
            ));
        };
        if !self.local_active.borrow_mut().insert(name.to_string()) {
            return Rc::new(unknown_node(
                span,
                file,
                unknown::ERROR,
                &format!("local.{name} refers to itself"),
            ));
        }
        let v = Rc::new(
            self.evaluator(*lfile, depth + 1)
                .eval(expr, &Bindings::default()),
        );
        self.local_active.borrow_mut().remove(name);
        self.local_cache
            .borrow_mut()
            .insert(name.to_string(), Rc::clone(&v));
        v
    }

    fn block_object(&self, kind: &str, ty: &str, name: &str, depth: usize) -> Option<Rc<Node>> {
        let (block, file) = *self.blocks.get(&(kind, ty, name))?;
        let key = std::ptr::from_ref(block) as usize;
        if kind == "data" && ty != "aws_iam_policy_document" {
            return Some(Rc::new(Node {
                span: Span::default(),
                file,
                value: Value::Map(vec![]),
            }));
        }
        if let Some(v) = self.object_cache.borrow().get(&key) {
            return Some(Rc::clone(v));
        }
        if !self.object_active.borrow_mut().insert(key) {
            // A reference cycle between resources: the attribute is unknown.
            return Some(Rc::new(Node {
                span: Span::default(),
                file,
                value: Value::Map(vec![]),
            }));
        }
        let obj = if kind == "module" {
            // A module's outputs, evaluated in the child module when it is local.
            self.module_outputs(name, block, file, depth)
        } else {
            let mut b = Bindings::default();
            b.push("count", count_unknown(file));
            b.push("each", each_unknown(file));
            let mut body = self.body(&block.body, span_of(block.span()), file, &b, depth + 1);
            if ty == "aws_iam_policy_document" {
                let doc = crate::terraform::policy::document_from_data_source(&body);
                if let Value::Map(entries) = &mut body.value {
                    entries.push(Entry {
                        key: "json".into(),
                        key_span: doc.span,
                        value: doc,
                    });
                }
            }
            body
        };
        let obj = Rc::new(obj);
        self.object_active.borrow_mut().remove(&key);
        self.object_cache.borrow_mut().insert(key, Rc::clone(&obj));
        Some(obj)
    }

    fn function(&self, name: &str, args: &[Node], span: Span, file: FileIdx) -> Option<Node> {
        match name {
            "file" | "templatefile" | "fileexists" => {}
            _ => return None,
        }
        let Some(path) = args.first().and_then(Node::as_str) else {
            return Some(
                unknown_node(span, file, unknown::DERIVED, &format!("{name} path"))
                    .with_cause(args.first()?),
            );
        };
        let resolved = self.resolve_file(path);
        if name == "fileexists" {
            return Some(Node::new(span, Value::Bool(resolved.is_some())).at_file(file));
        }
        let Some(text) =
            resolved.and_then(|p| crate::source::read_text_capped(&p, self.opts.max_file_size))
        else {
            return Some(unknown_node(
                span,
                file,
                unknown::FUNCTION,
                &format!("{name} (file not readable inside the repository)"),
            ));
        };
        if name == "file" {
            return Some(Node::new(span, Value::String(text)).at_file(file));
        }
        // templatefile(path, vars): render the template with the given variables.
        let template = match crate::hcl::parse_template(&text) {
            Ok(t) => t,
            Err(e) => {
                return Some(unknown_node(
                    span,
                    file,
                    unknown::ERROR,
                    &format!("templatefile: {}", e.message),
                ));
            }
        };
        let mut b = Bindings::default();
        if let Some(vars) = args.get(1) {
            if vars.is_unknown() {
                return Some(
                    unknown_node(span, file, unknown::DERIVED, "templatefile variables")
                        .with_cause(vars),
                );
            }
            for e in vars.entries() {
                b.push(&e.key, e.value.clone());
            }
        }
        Some(
            self.evaluator(file, self.depth + 1)
                .render_template(&template, span, &b),
        )
    }

    fn fixed_root(&self, name: &str) -> Option<Node> {
        let s = |v: &str| Node {
            span: Span::default(),
            file: 0,
            value: Value::String(v.to_string()),
        };
        match name {
            "path" => Some(Node {
                span: Span::default(),
                file: 0,
                value: Value::Map(vec![
                    Entry {
                        key: "module".into(),
                        key_span: Span::default(),
                        value: s(if self.path_module.is_empty() {
                            "."
                        } else {
                            &self.path_module
                        }),
                    },
                    Entry {
                        key: "root".into(),
                        key_span: Span::default(),
                        value: s(if self.opts.root_dir.is_empty() {
                            "."
                        } else {
                            &self.opts.root_dir
                        }),
                    },
                    Entry {
                        key: "cwd".into(),
                        key_span: Span::default(),
                        value: s("."),
                    },
                ]),
            }),
            "terraform" => Some(Node {
                span: Span::default(),
                file: 0,
                value: Value::Map(vec![Entry {
                    key: "workspace".into(),
                    key_span: Span::default(),
                    value: match &self.opts.workspace {
                        Some(w) => s(w),
                        None => unknown_node(
                            Span::default(),
                            0,
                            unknown::REFERENCE,
                            "terraform.workspace",
                        ),
                    },
                }]),
            }),
            _ => None,
        }
    }

    fn source(&self, file: FileIdx) -> Option<SourceRef> {
        self.files.sources.get(file as usize).cloned()
    }
}

impl ModuleScope<'_> {
    /// Resolve a path given to `file()`: relative to the repository root (where
    /// `path.module` points) or to the root module; never outside the repository.
    fn resolve_file(&self, path: &str) -> Option<PathBuf> {
        let root = std::fs::canonicalize(&self.opts.repo_root).ok()?;
        let p = Path::new(path);
        let candidates = if p.is_absolute() {
            vec![p.to_path_buf()]
        } else {
            vec![root.join(p), root.join(&self.opts.root_dir).join(p)]
        };
        candidates
            .into_iter()
            .filter_map(|c| std::fs::canonicalize(c).ok())
            .find(|c| c.starts_with(&root) && c.is_file())
    }
}

fn count_unknown(file: FileIdx) -> Node {
    Node {
        span: Span::default(),
        file,
        value: Value::Map(vec![Entry {
            key: "index".into(),
            key_span: Span::default(),
            value: unknown_node(Span::default(), file, unknown::INSTANCE, "count.index"),
        }]),
    }
}

fn each_unknown(file: FileIdx) -> Node {
    let u = |k: &str| Entry {
        key: k.into(),
        key_span: Span::default(),
        value: unknown_node(
            Span::default(),
            file,
            unknown::INSTANCE,
            &format!("each.{k}"),
        ),
    };
    Node {
        span: Span::default(),
        file,
        value: Value::Map(vec![u("key"), u("value")]),
    }
}

fn iter_object(key: Node, value: Node) -> Node {
    Node {
        span: value.span,
        file: value.file,
        value: Value::Map(vec![
            Entry {
                key: "key".into(),
                key_span: key.span,
                value: key,
            },
            Entry {
                key: "value".into(),
                key_span: Span::default(),
                value,
            },
        ]),
    }
}

const META_ARGS: &[&str] = &[
    "count",
    "for_each",
    "depends_on",
    "provider",
    "providers",
    "lifecycle",
    "source",
    "version",
];

impl ModuleScope<'_> {
    /// Evaluate a block body: attributes to values, nested blocks to lists of maps,
    /// `dynamic` blocks expanded.
    fn body(&self, body: &Body, span: Span, file: FileIdx, b: &Bindings, depth: usize) -> Node {
        let ev = self.evaluator(file, depth);
        let mut entries: Vec<Entry> = Vec::new();
        let push_block =
            |entries: &mut Vec<Entry>, key: &str, key_span: Span, inner: Node| match entries
                .iter_mut()
                .find(|e| e.key == key)
            {
                Some(Entry {
                    value:
                        Node {
                            value: Value::List(list),
                            span,
                            ..
                        },
                    ..
                }) => {
                    *span = span.cover(inner.span);
                    list.push(inner);
                }
                _ => entries.push(Entry {
                    key: key.to_string(),
                    key_span,
                    value: Node {
                        span: inner.span,
                        file,
                        value: Value::List(vec![inner]),
                    },
                }),
            };
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => entries.push(Entry {
                    key: a.key.as_str().to_string(),
                    key_span: span_of(a.key.span()),
                    value: attribute_value(&ev, &a.value, b),
                }),
                Structure::Block(blk) if blk.ident.as_str() == "dynamic" => {
                    let Some(label) = blk.labels.first().map(|l| l.as_str().to_string()) else {
                        continue;
                    };
                    let bspan = span_of(blk.span());
                    let iterator = blk
                        .body
                        .get_attribute("iterator")
                        .and_then(|a| match &a.value {
                            Expression::Variable(v) => Some(v.as_str().to_string()),
                            _ => None,
                        })
                        .unwrap_or_else(|| label.clone());
                    let Some(content) = blk.body.get_blocks("content").next() else {
                        continue;
                    };
                    let coll = blk
                        .body
                        .get_attribute("for_each")
                        .map(|a| ev.eval(&a.value, b))
                        .unwrap_or_else(|| Node {
                            span: bspan,
                            file,
                            value: Value::Null,
                        });
                    let pairs: Vec<(Node, Node)> = match &coll.value {
                        Value::List(items) => items
                            .iter()
                            .enumerate()
                            .map(|(i, v)| {
                                (
                                    Node {
                                        span: v.span,
                                        file: v.file,
                                        value: Value::Number(i as f64),
                                    },
                                    v.clone(),
                                )
                            })
                            .collect(),
                        Value::Map(es) => es
                            .iter()
                            .map(|e| {
                                (
                                    Node {
                                        span: e.key_span,
                                        file: e.value.file,
                                        value: Value::String(e.key.clone()),
                                    },
                                    e.value.clone(),
                                )
                            })
                            .collect(),
                        Value::Null => vec![],
                        _ => {
                            // Unknown collection: one block with an unknown iterator, so
                            // literal content is still checked.
                            vec![(
                                unknown_node(coll.span, file, unknown::DERIVED, "dynamic key")
                                    .with_cause(&coll),
                                unknown_node(coll.span, file, unknown::DERIVED, "dynamic value")
                                    .with_cause(&coll),
                            )]
                        }
                    };
                    for (k, v) in pairs.into_iter().take(MAX_INSTANCES) {
                        let inner_b = b.with(&iterator, iter_object(k, v));
                        let inner = self.body(&content.body, bspan, file, &inner_b, depth + 1);
                        push_block(&mut entries, &label, span_of(blk.ident.span()), inner);
                    }
                }
                Structure::Block(blk) => {
                    let inner = self.body(&blk.body, span_of(blk.span()), file, b, depth + 1);
                    push_block(
                        &mut entries,
                        blk.ident.as_str(),
                        span_of(blk.ident.span()),
                        inner,
                    );
                }
            }
        }
        Node {
            span,
            file,
            value: Value::Map(entries),
        }
    }

    fn module_outputs(
        &self,
        name: &str,
        block: &crate::hcl::Block,
        file: FileIdx,
        depth: usize,
    ) -> Node {
        let Some(&child) = self.module.children.get(name) else {
            return Node {
                span: span_of(block.span()),
                file,
                value: Value::Map(vec![]),
            };
        };
        if self.depth >= self.module_depth {
            return Node {
                span: span_of(block.span()),
                file,
                value: Value::Map(vec![]),
            };
        }
        let scope = self.child_scope(name, child, || {
            let b = Bindings::default()
                .with("count", count_unknown(file))
                .with("each", each_unknown(file));
            self.body(&block.body, span_of(block.span()), file, &b, depth + 1)
        });
        let mut outs = Vec::new();
        for f in &self.tree.modules[child].files {
            for s in f.parsed.body.iter() {
                let Structure::Block(ob) = s else { continue };
                if ob.ident.as_str() != "output" {
                    continue;
                }
                let (Some(label), Some(v)) = (ob.labels.first(), ob.body.get_attribute("value"))
                else {
                    continue;
                };
                let value = scope
                    .evaluator(f.file, depth + 1)
                    .eval(&v.value, &Bindings::default());
                outs.push(Entry {
                    key: label.as_str().to_string(),
                    key_span: span_of(label.span()),
                    value,
                });
            }
        }
        Node {
            span: span_of(block.span()),
            file,
            value: Value::Map(outs),
        }
    }

    /// Evaluate every block of this module (and, recursively, of its local modules).
    fn blocks(&self, prefix: &str, out: &mut Evaluated) {
        // At least one block each (more with `count`, `for_each` and called
        // modules): room made once, not by repeated doubling of a vector
        // of large blocks.
        let own: usize = self
            .module
            .files
            .iter()
            .map(|f| f.parsed.blocks.len())
            .sum();
        out.blocks.reserve(own + self.module.json_blocks.len());
        for f in &self.module.files {
            for (hb, mb) in f
                .parsed
                .body
                .iter()
                .filter_map(|s| match s {
                    Structure::Block(b) => Some(b),
                    Structure::Attribute(_) => None,
                })
                .zip(f.parsed.blocks.iter())
            {
                let kind = hb.ident.as_str();
                match kind {
                    "resource" | "data" | "module" => self.instances(hb, mb, f.file, prefix, out),
                    // Variable blocks hold type constraints, not values: keep their literal form.
                    "variable" => out.blocks.push(in_file(prefixed(mb, prefix), f.file)),
                    "provider" | "terraform" | "locals" | "output" => {
                        let body = self.body(&hb.body, mb.span, f.file, &Bindings::default(), 1);
                        if self.opts.count_values {
                            out.stats.count(&body);
                        }
                        // A folder shared by several units was parsed under
                        // another file index: the block is in `f.file`.
                        out.blocks.push(Block {
                            file: f.file,
                            ..with_body(mb, prefix, body)
                        });
                    }
                    _ => {}
                }
            }
        }
        out.blocks
            .extend(self.module.json_blocks.iter().map(|b| prefixed(b, prefix)));
    }

    /// Expand `count` / `for_each` and evaluate each instance.
    fn instances(
        &self,
        hb: &crate::hcl::Block,
        mb: &Block,
        file: FileIdx,
        prefix: &str,
        out: &mut Evaluated,
    ) {
        let ev = self.evaluator(file, 1);
        let base = Bindings::default();
        let mut instances: Vec<(String, Bindings)> = Vec::new();
        if let Some(c) = hb.body.get_attribute("count") {
            let n = ev.eval(&c.value, &base);
            match n.as_f64() {
                Some(k) if k >= 0.0 => {
                    for i in 0..(k as usize).min(MAX_INSTANCES) {
                        let idx = Node {
                            span: n.span,
                            file,
                            value: Value::Number(i as f64),
                        };
                        let count = Node {
                            span: n.span,
                            file,
                            value: Value::Map(vec![Entry {
                                key: "index".into(),
                                key_span: n.span,
                                value: idx,
                            }]),
                        };
                        instances.push((format!("[{i}]"), base.with("count", count)));
                    }
                }
                Some(_) => {}
                None => instances.push((String::new(), base.with("count", count_unknown(file)))),
            }
        } else if let Some(fe) = hb.body.get_attribute("for_each") {
            let coll = ev.eval(&fe.value, &base);
            match &coll.value {
                Value::Map(es) => {
                    for e in es.iter().take(MAX_INSTANCES) {
                        let key = Node {
                            span: e.key_span,
                            file: e.value.file,
                            value: Value::String(e.key.clone()),
                        };
                        instances.push((
                            format!("[{:?}]", e.key),
                            base.with("each", iter_object(key, e.value.clone())),
                        ));
                    }
                }
                Value::List(items) => {
                    for v in items.iter().take(MAX_INSTANCES) {
                        let label = v.scalar_text().unwrap_or_default();
                        instances.push((
                            format!("[{label:?}]"),
                            base.with("each", iter_object(v.clone(), v.clone())),
                        ));
                    }
                }
                Value::Null => {}
                _ => instances.push((String::new(), base.with("each", each_unknown(file)))),
            }
        } else {
            instances.push((String::new(), base));
        }
        let is_module = hb.ident.as_str() == "module";
        for (suffix, b) in instances {
            let body = self.body(&hb.body, mb.span, file, &b, 1);
            if self.opts.count_values {
                out.stats.count(&body);
            }
            // The evaluated body replaces the literal one: do not copy it.
            let mut block = Block {
                kind: mb.kind.clone(),
                labels: mb.labels.clone(),
                ident_span: mb.ident_span,
                span: mb.span,
                file,
                body: Node::new(mb.span, Value::Null),
                module_prefix: prefix.to_string(),
                instance: String::new(),
                called_from: None,
            };
            block.instance = suffix.clone();
            if is_module {
                if let Some(&child) = mb.label(0).and_then(|n| self.module.children.get(n)) {
                    if self.depth < self.module_depth {
                        let name = mb.label(0).unwrap_or("");
                        // One instance: the scope that answers `module.NAME.output`
                        // references also yields the blocks.
                        let single = hb.body.get_attribute("count").is_none()
                            && hb.body.get_attribute("for_each").is_none();
                        let scope = if single {
                            self.child_scope(name, child, || body.clone())
                        } else {
                            Rc::new(self.child_with_args(name, child, body.clone()))
                        };
                        let child_prefix =
                            format!("{prefix}module.{}{suffix}.", mb.label(0).unwrap_or(""));
                        // Straight into `out`: collecting them apart and
                        // appending them moved every block once per level
                        // of nesting.
                        let from = out.blocks.len();
                        scope.blocks(&child_prefix, out);
                        for cb in &mut out.blocks[from..] {
                            if cb.called_from.is_none() {
                                cb.called_from = Some((file, mb.header_span()));
                            }
                        }
                    }
                }
            }
            block.body = body;
            out.blocks.push(block);
        }
    }
}

impl<'m> ModuleScope<'m> {
    /// The scope of a called module, evaluated with the arguments of its call
    /// (its evaluated body, whose values become the variables).
    fn child_with_args(&self, name: &str, child: usize, args: Node) -> ModuleScope<'m> {
        let entries = match args.value {
            Value::Map(entries) => entries,
            _ => Vec::new(),
        };
        let inputs: BTreeMap<String, Node> = entries
            .into_iter()
            .filter(|e| !META_ARGS.contains(&e.key.as_str()))
            .map(|e| (e.key, e.value))
            .collect();
        let mut scope = ModuleScope::new(
            self.tree,
            child,
            self.files,
            inputs,
            self.opts,
            self.budget,
            self.module_depth,
            self.depth + 1,
        );
        scope.address_prefix = format!("{}module.{name}.", self.address_prefix);
        scope
    }

    /// The shared scope of the module called `name` (created on first use
    /// from the call's arguments).
    fn child_scope(
        &self,
        name: &str,
        child: usize,
        args: impl FnOnce() -> Node,
    ) -> Rc<ModuleScope<'m>> {
        if let Some(s) = self.child_scopes.borrow().get(name) {
            return Rc::clone(s);
        }
        let scope = Rc::new(self.child_with_args(name, child, args()));
        self.child_scopes
            .borrow_mut()
            .entry(name.to_string())
            .or_insert(scope)
            .clone()
    }
}

/// The value of an attribute. `attr = jsonencode({...})` keeps the encoded
/// structure (with the spans of its parts) when it is fully known, so that
/// policy and container-definition checks see statements and fields where
/// they are written; everywhere else `jsonencode` yields its string.
fn attribute_value(ev: &Evaluator<'_>, expr: &Expression, b: &Bindings) -> Node {
    if let Expression::FuncCall(f) = expr {
        if f.name.namespace.is_empty() && f.name.name.as_str() == "jsonencode" {
            if let Some(arg) = f.args.iter().next() {
                let v = ev.eval(arg, b);
                // Unknown parts (an ARN known after apply) stay unknown inside the structure.
                if matches!(v.value, Value::Map(_) | Value::List(_)) {
                    return v;
                }
            }
        }
    }
    ev.eval(expr, b)
}

/// A block (and every node of its body) moved to file `file` of the unit.
fn in_file(mut b: Block, file: FileIdx) -> Block {
    if b.file != file {
        b.file = file;
        set_file(&mut b.body, file);
    }
    b
}

/// A node (and every node inside it) moved to file `file` of the unit.
fn node_in_file(mut n: Node, file: FileIdx) -> Node {
    set_file(&mut n, file);
    n
}

fn set_file(n: &mut Node, file: FileIdx) {
    n.file = file;
    match &mut n.value {
        Value::List(items) => items.iter_mut().for_each(|i| set_file(i, file)),
        Value::Map(entries) => entries
            .iter_mut()
            .for_each(|e| set_file(&mut e.value, file)),
        _ => {}
    }
}

fn prefixed(b: &Block, prefix: &str) -> Block {
    with_body(b, prefix, b.body.clone())
}

/// `b` in the module at `prefix`, with `body` (evaluated) instead of its
/// literal body, which is not copied.
fn with_body(b: &Block, prefix: &str, body: Node) -> Block {
    Block {
        kind: b.kind.clone(),
        labels: b.labels.clone(),
        ident_span: b.ident_span,
        span: b.span,
        file: b.file,
        body,
        module_prefix: prefix.to_string(),
        instance: b.instance.clone(),
        called_from: b.called_from,
    }
}

/// Evaluate a module tree with the given variable values and the default limits.
#[must_use]
pub fn evaluate(
    tree: &ModuleTree,
    files: &FileTable,
    inputs: &BTreeMap<String, Node>,
    opts: &EvalOptions,
) -> Evaluated {
    evaluate_with(tree, files, inputs, opts, &EvalLimits::default())
}

/// Evaluate a module tree with the given variable values within `limits`.
#[must_use]
pub fn evaluate_with(
    tree: &ModuleTree,
    files: &FileTable,
    inputs: &BTreeMap<String, Node>,
    opts: &EvalOptions,
    limits: &EvalLimits,
) -> Evaluated {
    let mut out = Evaluated::default();
    if tree.modules.is_empty() {
        return out;
    }
    let budget = Budget::new(limits.expression_depth, limits.deadline);
    let scope = ModuleScope::new(
        tree,
        0,
        files,
        inputs.clone(),
        opts,
        &budget,
        limits.module_depth,
        0,
    );
    scope.blocks("", &mut out);
    out.limits = budget.take_hits();
    out
}

/// Loads module folders from disk with the size cap of the scan.
pub struct DiskLoader<'a> {
    /// Repository root (for relative paths).
    pub root: &'a Path,
    /// Size cap per file.
    pub max_size: u64,
}

impl ModuleLoader for DiskLoader<'_> {
    fn load(
        &self,
        disk_dir: &Path,
        files: &mut FileTable,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ModuleSource> {
        self.read(disk_dir)?.materialize(disk_dir, files, diags)
    }
}

impl DiskLoader<'_> {
    /// Read and parse the `.tf` and `.tf.json` files of a folder.
    fn read(&self, disk_dir: &Path) -> Option<ParsedDir> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(disk_dir)
            .ok()?
            .filter_map(Result::ok)
            .filter(|e| {
                // The entry's type needs no system call; a link is followed.
                e.file_type().is_ok_and(|t| t.is_file())
                    || (e.file_type().is_ok_and(|t| t.is_symlink()) && e.path().is_file())
            })
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tf" || e == "json"))
            .collect();
        paths.sort();
        let mut out = ParsedDir {
            dir: rel(self.root, disk_dir),
            ..ParsedDir::default()
        };
        for p in paths {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let kind = if name.ends_with(".tf") {
                FileKind::Terraform
            } else if name.ends_with(".tf.json") {
                FileKind::TerraformJson
            } else {
                continue;
            };
            let cand = crate::walk::Candidate {
                rel: rel(self.root, &p),
                path: p.clone(),
                kind,
            };
            match crate::scan::load(&cand, self.max_size) {
                Ok(src) => {
                    out.bytes += src.text.len();
                    let parsed = parse_module_file(&src, 0, &mut out.diags);
                    out.files.push((src, parsed));
                }
                Err(d) => out.diags.push(d),
            }
        }
        Some(out)
    }
}

/// A module folder as read and parsed, before it joins a unit's file table.
#[derive(Debug, Default)]
pub struct ParsedDir {
    dir: String,
    files: Vec<(SourceRef, Option<ParsedFile>)>,
    diags: Vec<Diagnostic>,
    bytes: usize,
}

#[derive(Debug)]
enum ParsedFile {
    Hcl(Arc<HclFile>),
    Json(Vec<Block>),
}

impl ParsedDir {
    /// The folder's files, by repository-relative path.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(src, _)| src.path.as_str())
    }

    /// Add one of the folder's files (by repository-relative path) to a
    /// unit's file table and to its module, with its syntax errors: the file,
    /// and whether it parsed; `None` when it is not one of the folder's files.
    pub fn add_file(
        &self,
        path: &str,
        m: &mut ModuleSource,
        files: &mut FileTable,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(SourceRef, bool)> {
        let (src, parsed) = self.files.iter().find(|(src, _)| src.path == path)?;
        let idx = files.add(Arc::clone(src));
        diags.extend(self.diags.iter().filter(|d| d.path == path).cloned());
        if let Some(p) = parsed {
            p.add_to(m, idx);
        }
        Some((Arc::clone(src), parsed.is_some()))
    }

    /// Add the folder's files to a unit's file table and make its module.
    fn materialize(
        &self,
        disk_dir: &Path,
        files: &mut FileTable,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ModuleSource> {
        diags.extend(self.diags.iter().cloned());
        let mut m = ModuleSource {
            dir: self.dir.clone(),
            disk_dir: disk_dir.to_path_buf(),
            ..ModuleSource::default()
        };
        for (src, parsed) in &self.files {
            let idx = files.add(Arc::clone(src));
            if let Some(p) = parsed {
                p.add_to(&mut m, idx);
            }
        }
        (!m.files.is_empty() || !m.json_blocks.is_empty()).then_some(m)
    }
}

impl ParsedFile {
    fn add_to(&self, m: &mut ModuleSource, idx: FileIdx) {
        match self {
            ParsedFile::Hcl(h) => m.files.push(ModuleFile {
                file: idx,
                parsed: Arc::clone(h),
            }),
            ParsedFile::Json(blocks) => m
                .json_blocks
                .extend(blocks.iter().map(|b| in_file(b.clone(), idx))),
        }
    }
}

/// Module folders parsed once and shared by the units of a scan that read
/// them: the folder's own unit, examples and wrappers calling `../..`,
/// shared `modules/`. Before the units run, [`folder_uses`] counts how many
/// of them will read each folder; a folder is kept from its first read while
/// more reads are to come (within a total size of source text) and dropped
/// after its last, so it is parsed once and held no longer than needed.
#[derive(Debug)]
pub struct ModuleCache {
    state: Mutex<CacheState>,
    max_bytes: usize,
    paths: CanonicalPaths,
}

#[derive(Debug, Default)]
struct CacheState {
    /// Folders read by more than one unit, by canonical path.
    dirs: Map<PathBuf, CacheEntry>,
    /// Source text of the folders kept.
    bytes: usize,
}

#[derive(Debug)]
struct CacheEntry {
    /// Reads still to come.
    remaining: usize,
    parsed: Option<Arc<ParsedDir>>,
}

impl ModuleCache {
    /// A cache for folders read `uses` times each (by canonical path; folders
    /// read once are not kept), holding at most `max_bytes` of source text,
    /// that resolves paths through `paths`.
    #[must_use]
    pub fn new(max_bytes: usize, uses: HashMap<PathBuf, usize>, paths: CanonicalPaths) -> Self {
        let entries = uses
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(dir, remaining)| {
                let entry = CacheEntry {
                    remaining,
                    parsed: None,
                };
                (dir, entry)
            })
            .collect();
        ModuleCache {
            state: Mutex::new(CacheState {
                dirs: entries,
                bytes: 0,
            }),
            max_bytes,
            paths,
        }
    }

    /// The canonical path of a folder, resolved once per scan.
    pub fn canonical(&self, dir: &Path) -> PathBuf {
        self.paths.get(dir)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, CacheState> {
        // Never held across code that can panic: a poisoned map is consistent.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether the folder `disk_dir` is read by more than one unit and some
    /// of its reads are still to come.
    #[must_use]
    pub fn expects(&self, disk_dir: &Path) -> bool {
        let key = self.canonical(disk_dir);
        self.state().dirs.get(&key).is_some_and(|e| e.remaining > 0)
    }

    /// The folder `disk_dir` parsed: from the cache, or read through `disk`
    /// (and kept when more reads are to come). `None` when it cannot be listed.
    pub fn dir(&self, disk_dir: &Path, disk: &DiskLoader<'_>) -> Option<Arc<ParsedDir>> {
        let key = self.canonical(disk_dir);
        let more_to_come = {
            let mut guard = self.state();
            let st = &mut *guard;
            match st.dirs.get_mut(&key) {
                Some(e) => {
                    e.remaining = e.remaining.saturating_sub(1);
                    let (parsed, remaining) = (e.parsed.clone(), e.remaining);
                    if remaining == 0 {
                        st.dirs.remove(&key);
                        if let Some(p) = &parsed {
                            st.bytes -= p.bytes;
                        }
                    }
                    if let Some(p) = parsed {
                        return Some(p);
                    }
                    remaining > 0
                }
                None => false,
            }
        };
        // Parsed outside the lock: two units may parse the same folder at
        // once, with equal results.
        let p = Arc::new(disk.read(disk_dir)?);
        if more_to_come {
            let mut guard = self.state();
            let st = &mut *guard;
            let fits = st.bytes + p.bytes <= self.max_bytes;
            if let Some(e) = st.dirs.get_mut(&key) {
                if e.parsed.is_none() && e.remaining > 0 && fits {
                    e.parsed = Some(Arc::clone(&p));
                    st.bytes += p.bytes;
                }
            }
        }
        Some(p)
    }
}

/// How many units will read each Terraform folder (by canonical path): its
/// own unit, and every unit whose local module calls reach it, directly or
/// through other folders. `calls` holds, for each unit folder, the folders
/// its `source = "./..."` arguments name; it is read from the text, before
/// any parsing, so it may miss calls (they cost a second parse, nothing else).
#[must_use]
pub fn folder_uses(
    units: &[PathBuf],
    calls: &HashMap<PathBuf, Vec<PathBuf>>,
) -> HashMap<PathBuf, usize> {
    let mut uses: HashMap<PathBuf, usize> = HashMap::new();
    for unit in units {
        let mut seen: HashSet<&Path> = HashSet::new();
        let mut stack: Vec<&Path> = vec![unit];
        while let Some(dir) = stack.pop() {
            if !seen.insert(dir) {
                continue;
            }
            *uses.entry(dir.to_path_buf()).or_default() += 1;
            if let Some(next) = calls.get(dir) {
                stack.extend(next.iter().map(PathBuf::as_path));
            }
        }
    }
    uses
}

/// The local `source` arguments (`./...`, `../...`) written in a Terraform
/// text, one per line as Terraform is formatted (the text is not parsed: an
/// approximation, enough for [`folder_uses`]).
pub fn local_sources<'t>(text: &'t str) -> impl Iterator<Item = &'t str> + 't {
    // Only the lines where `source` is written can hold one: they are found
    // by a SIMD search, not by splitting every line of every file. A line is
    // judged once, at its first `source` (a later one cannot start it), so
    // the work stays linear on a long line full of them.
    let bytes = text.as_bytes();
    let mut next_line = 0;
    memchr::memmem::find_iter(bytes, b"source").filter_map(move |at| {
        if at < next_line {
            return None;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
        next_line = end;
        if !text[start..at].chars().all(char::is_whitespace) {
            return None;
        }
        let rest = text[at + "source".len()..end]
            .trim_start()
            .strip_prefix('=')?;
        let value = rest.trim().strip_prefix('"')?;
        let value = &value[..value.find('"')?];
        is_local_source(value).then_some(value)
    })
}

/// A [`DiskLoader`] that shares parsed folders through a [`ModuleCache`].
pub struct CachedLoader<'a> {
    /// Reads folders that are not cached yet.
    pub disk: DiskLoader<'a>,
    /// The cache of the scan.
    pub cache: &'a ModuleCache,
}

impl ModuleLoader for CachedLoader<'_> {
    fn load(
        &self,
        disk_dir: &Path,
        files: &mut FileTable,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ModuleSource> {
        self.cache
            .dir(disk_dir, &self.disk)?
            .materialize(disk_dir, files, diags)
    }

    fn canonical(&self, dir: &Path) -> PathBuf {
        self.cache.canonical(dir)
    }
}

/// Parse one module file (`.tf` or `.tf.json`) with file index `idx`,
/// reporting a syntax error; `None` when it does not parse.
fn parse_module_file(
    src: &SourceRef,
    idx: FileIdx,
    diags: &mut Vec<Diagnostic>,
) -> Option<ParsedFile> {
    let parsed = match src.kind {
        FileKind::TerraformJson => tfparse::parse_tf_json(src, idx).map(ParsedFile::Json),
        _ => tfparse::parse_module_hcl(&src.text, idx).map(|h| ParsedFile::Hcl(Arc::new(h))),
    };
    match parsed {
        Ok(p) => Some(p),
        Err(e) => {
            let lc = src.line_col(u32::try_from(e.offset).unwrap_or(u32::MAX));
            diags.push(Diagnostic::at(
                &src.path,
                lc.line,
                lc.column,
                DiagLevel::Error,
                "parse-error",
                format!("cannot parse: {}", e.message),
            ));
            None
        }
    }
}

/// Parse a `.tf` or `.tf.json` file into a module, reporting syntax errors.
pub fn add_file(
    m: &mut ModuleSource,
    idx: FileIdx,
    src: &SourceRef,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    match parse_module_file(src, idx, diags) {
        Some(ParsedFile::Hcl(parsed)) => {
            m.files.push(ModuleFile { file: idx, parsed });
            true
        }
        Some(ParsedFile::Json(blocks)) => {
            m.json_blocks.extend(blocks);
            true
        }
        None => false,
    }
}

/// The repository-relative path of `p`, with `.` and `..` resolved, so that a
/// module file has one path whichever caller reached it
/// (`examples/a/../../main.tf` is `main.tf`).
fn rel(root: &Path, p: &Path) -> String {
    use std::path::Component;
    let r = p.strip_prefix(root).unwrap_or(p);
    let mut parts: Vec<String> = Vec::new();
    for c in r.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if parts.last().is_some_and(|l| l != "..") => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evaluate one `main.tf` written into `dir` and return the evaluated blocks.
    fn eval_dir(dir: &Path, text: &str) -> Vec<Block> {
        eval_dir_counting(dir, text, false).blocks
    }

    fn eval_dir_counting(dir: &Path, text: &str, count_values: bool) -> Evaluated {
        std::fs::write(dir.join("main.tf"), text).unwrap();
        let mut table = FileTable::default();
        let mut diags = Vec::new();
        let loader = DiskLoader {
            root: dir,
            max_size: 1 << 20,
        };
        let root = loader.load(dir, &mut table, &mut diags).unwrap();
        let tree = build_tree(root, &loader, &mut table, &mut diags);
        let opts = EvalOptions {
            workspace: None,
            root_dir: String::new(),
            repo_root: dir.to_path_buf(),
            max_file_size: 1 << 20,
            count_values,
        };
        evaluate(&tree, &table, &BTreeMap::new(), &opts)
    }

    #[test]
    fn values_are_counted_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let text = "variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n  acl    = \"private\"\n  tags   = { team = \"web\" }\n}\n";
        let counted = eval_dir_counting(dir.path(), text, true);
        assert_eq!(counted.stats.known, 2);
        assert_eq!(
            counted.stats.unknown.get("variable without value"),
            Some(&1),
            "{:?}",
            counted.stats.unknown
        );
        let quiet = eval_dir_counting(dir.path(), text, false);
        assert_eq!((quiet.stats.known, quiet.stats.unknown.len()), (0, 0));
        assert_eq!(quiet.blocks.len(), counted.blocks.len());
    }

    fn local<'a>(blocks: &'a [Block], name: &str) -> &'a Node {
        blocks
            .iter()
            .find(|b| b.kind == "locals")
            .and_then(|b| b.body.get(name))
            .unwrap()
    }

    #[test]
    fn file_reads_only_inside_the_repository() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "s3cr3t").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("inside.txt"), "hello").unwrap();
        let escape = outside.path().join("secret.txt");
        let text = format!(
            "locals {{\n  a = file(\"inside.txt\")\n  b = file(\"{}\")\n  c = fileexists(\"{}\")\n  d = file(\"../{}/secret.txt\")\n}}\n",
            escape.display(),
            escape.display(),
            outside.path().file_name().unwrap().to_string_lossy()
        );
        let blocks = eval_dir(dir.path(), &text);
        assert_eq!(local(&blocks, "a").as_str(), Some("hello"));
        assert!(local(&blocks, "b").is_unknown());
        assert_eq!(local(&blocks, "c").as_bool(), Some(false));
        assert!(local(&blocks, "d").is_unknown());
    }

    #[test]
    fn blocks_of_called_modules_are_in_the_module_files() {
        let dir = tempfile::tempdir().unwrap();
        let m = dir.path().join("modules/m");
        std::fs::create_dir_all(&m).unwrap();
        std::fs::write(
            m.join("main.tf"),
            "provider \"aws\" {\n  region = \"us-east-1\"\n}\nlocals {\n  a = 1\n}\n",
        )
        .unwrap();
        let mut table = FileTable::default();
        let mut diags = Vec::new();
        let loader = DiskLoader {
            root: dir.path(),
            max_size: 1 << 20,
        };
        std::fs::write(
            dir.path().join("main.tf"),
            "module \"m\" {\n  source = \"./modules/m\"\n}\n",
        )
        .unwrap();
        let root = loader.load(dir.path(), &mut table, &mut diags).unwrap();
        let tree = build_tree(root, &loader, &mut table, &mut diags);
        let opts = EvalOptions {
            workspace: None,
            root_dir: String::new(),
            repo_root: dir.path().to_path_buf(),
            max_file_size: 1 << 20,
            count_values: false,
        };
        let blocks = evaluate(&tree, &table, &BTreeMap::new(), &opts).blocks;
        // Every file of a called module was parsed on its own (as file 0):
        // its blocks must still point at it, never at the caller's file.
        for kind in ["provider", "locals"] {
            let b = blocks.iter().find(|b| b.kind == kind).unwrap();
            assert_eq!(
                table.sources[b.file as usize].path, "modules/m/main.tf",
                "{kind}"
            );
        }
    }

    #[test]
    fn folder_uses_follow_calls_through_folders() {
        let p = PathBuf::from;
        let calls: HashMap<PathBuf, Vec<PathBuf>> = [
            (p("/r/a"), vec![p("/r/m")]),
            (p("/r/b"), vec![p("/r/m"), p("/r/n")]),
            (p("/r/m"), vec![p("/r/n"), p("/r/a")]),
        ]
        .into_iter()
        .collect();
        let uses = folder_uses(&[p("/r/a"), p("/r/b"), p("/r/m")], &calls);
        // Once per unit that reaches the folder, however many paths lead
        // there (cycles included): m and n from every unit, a from its own
        // unit and back through m.
        assert_eq!(uses[&p("/r/m")], 3);
        assert_eq!(uses[&p("/r/n")], 3);
        assert_eq!(uses[&p("/r/a")], 3);
        assert_eq!(uses[&p("/r/b")], 1);
        let texts = "module \"x\" {\n  source  = \"../modules/x\" # local\n}\nmodule \"y\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n# source = \"./commented\"\nsource = \"./\"\n";
        assert_eq!(
            local_sources(texts).collect::<Vec<_>>(),
            ["../modules/x", "./"]
        );
    }

    /// `local_sources` finds the lines by searching for `source`; it must
    /// give what reading every line gives.
    #[test]
    fn local_sources_match_a_line_by_line_reading() {
        fn by_lines(text: &str) -> Vec<&str> {
            text.lines()
                .filter_map(|l| {
                    let rest = l.trim_start().strip_prefix("source")?;
                    let rest = rest.trim_start().strip_prefix('=')?;
                    let value = rest.trim().strip_prefix('"')?;
                    let value = &value[..value.find('"')?];
                    is_local_source(value).then_some(value)
                })
                .collect()
        }
        let lines = [
            "  source = \"./a\"",
            "source=\"../b\" # comment",
            "\u{a0}\u{3000}source = \"./unicode-space\"",
            "  data_source = \"./not\"",
            "  sources = \"./not\"",
            "  source = \"./c\" source = \"./d\"",
            "  source = \"./unterminated",
            "  source = \"registry/x/aws\"",
            "x = 1 # source = \"./e\"",
            "source = \".\"\r",
            "\tsource\t=\t\"..\"\r",
            "source",
            "",
        ];
        // A long line full of `source` is judged once (work per word would
        // be quadratic in the line's length).
        let long = "x = \"".to_string() + &"source ".repeat(200_000) + "\"\nsource = \"./f\"\n";
        assert_eq!(local_sources(&long).collect::<Vec<_>>(), ["./f"]);
        // Every pair of lines, with both line endings and without a final one.
        for a in lines {
            for b in lines {
                for text in [
                    format!("{a}\n{b}\n"),
                    format!("{a}\r\n{b}"),
                    format!("{b}\n{a}"),
                ] {
                    assert_eq!(
                        local_sources(&text).collect::<Vec<_>>(),
                        by_lines(&text),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cached_folders_are_parsed_once_and_dropped_after_their_last_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("main.tf"), "locals {\n  a = 1\n}\n").unwrap();
        let disk = DiskLoader {
            root: dir.path(),
            max_size: 1 << 20,
        };
        let key = canonical(dir.path());
        let cache = ModuleCache::new(
            1 << 20,
            [(key.clone(), 2)].into_iter().collect(),
            CanonicalPaths::default(),
        );
        assert!(cache.expects(dir.path()));
        let first = cache.dir(dir.path(), &disk).unwrap();
        assert!(cache.expects(dir.path()));
        let second = cache.dir(dir.path(), &disk).unwrap();
        assert!(Arc::ptr_eq(&first, &second), "parsed once");
        assert!(!cache.expects(dir.path()), "dropped after the last read");
        assert_eq!(cache.state().bytes, 0);
        // A folder read once is never kept; past the size limit, nothing is.
        let once = ModuleCache::new(
            1 << 20,
            [(key.clone(), 1)].into_iter().collect(),
            CanonicalPaths::default(),
        );
        assert!(!once.expects(dir.path()));
        let tiny = ModuleCache::new(
            4,
            [(key.clone(), 2)].into_iter().collect(),
            CanonicalPaths::default(),
        );
        let a = tiny.dir(dir.path(), &disk).unwrap();
        let b = tiny.dir(dir.path(), &disk).unwrap();
        assert!(!Arc::ptr_eq(&a, &b));
        assert_eq!(tiny.state().bytes, 0);
    }

    #[test]
    fn local_cycles_and_deep_chains_end_unknown() {
        let dir = tempfile::tempdir().unwrap();
        // The deepest local comes first, so nothing is cached when it is evaluated.
        let mut text = String::from("locals {\n  a = local.b\n  b = local.a\n");
        for i in (1..400).rev() {
            text.push_str(&format!("  l{i} = local.l{} + 1\n", i - 1));
        }
        text.push_str("  l0 = 1\n");
        text.push_str("}\n");
        let blocks = eval_dir(dir.path(), &text);
        assert!(local(&blocks, "a").is_unknown());
        // A chain deeper than the evaluation limit ends unknown instead of overflowing.
        assert!(local(&blocks, "l399").is_unknown());
        assert_eq!(local(&blocks, "l10").as_f64(), Some(11.0));
    }
}
