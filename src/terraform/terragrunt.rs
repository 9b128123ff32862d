//! Terragrunt units: a `terragrunt.hcl` with its `include`s, `locals`,
//! `inputs`, `dependency` blocks and `terraform { source }`, evaluated the
//! way Terragrunt would, without running anything.
//!
//! Supported functions: `find_in_parent_folders`, `read_terragrunt_config`,
//! `path_relative_to_include`, `path_relative_from_include`, `get_env` (always
//! its default: the environment of the machine running the scan is never
//! read), `get_terragrunt_dir`, `get_parent_terragrunt_dir`,
//! `get_original_terragrunt_dir`, `get_repo_root`, `get_path_to_repo_root`,
//! `get_path_from_repo_root`. Functions that ask a cloud or run a command
//! (`get_aws_account_id`, `run_cmd`, `sops_decrypt_file`, ...) are unknown.
//! `dependency.NAME.outputs` are unknown. Files outside the repository root
//! are never read.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::hcl::{Body, Expression, Span as _, Structure};

use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::model::{Entry, FileIdx, Node, Value};
use crate::parse::terraform as tfparse;
use crate::source::{FileKind, Span};
use crate::terraform::eval::{Bindings, Evaluator, Scope, unknown, unknown_node};
use crate::terraform::module::FileTable;

/// Deepest chain of includes and `read_terragrunt_config` calls.
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// The evaluated configuration of a Terragrunt unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The unit's `terragrunt.hcl` in the file table.
    pub file: FileIdx,
    /// Inputs after merging includes (child wins), as a map.
    pub inputs: Node,
    /// `terraform { source = ... }`, if known.
    pub source: Option<Node>,
    /// The whole evaluated configuration (`locals`, `inputs`, `terraform`, ...).
    pub config: Node,
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(Span::from).unwrap_or_default()
}

fn string(s: &str, span: Span, file: FileIdx) -> Node {
    Node {
        span,
        file,
        value: Value::String(s.to_string()),
    }
}

fn map(entries: Vec<Entry>, span: Span, file: FileIdx) -> Node {
    Node {
        span,
        file,
        value: Value::Map(entries),
    }
}

fn entry(key: &str, value: Node) -> Entry {
    Entry {
        key: key.to_string(),
        key_span: value.span,
        value,
    }
}

/// Shallow merge: keys of `over` replace those of `base`.
fn merge_shallow(base: &Node, over: &Node) -> Node {
    let mut entries: Vec<Entry> = base.entries().to_vec();
    for e in over.entries() {
        entries.retain(|x| x.key != e.key);
        entries.push(e.clone());
    }
    map(entries, over.span, over.file)
}

/// Shared state of one unit's evaluation.
pub struct Loader<'a> {
    /// Repository root: nothing outside it is read.
    pub root: PathBuf,
    /// Size cap per file.
    pub max_size: u64,
    /// The unit's files.
    pub files: RefCell<&'a mut FileTable>,
    /// Problems found.
    pub diags: RefCell<Vec<Diagnostic>>,
    cache: RefCell<HashMap<PathBuf, Node>>,
    active: RefCell<Vec<PathBuf>>,
}

impl<'a> Loader<'a> {
    /// A loader for one unit.
    pub fn new(root: &Path, max_size: u64, files: &'a mut FileTable) -> Self {
        Loader {
            root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            max_size,
            files: RefCell::new(files),
            diags: RefCell::new(Vec::new()),
            cache: RefCell::new(HashMap::new()),
            active: RefCell::new(Vec::new()),
        }
    }

    fn rel(&self, p: &Path) -> String {
        let r = p.strip_prefix(&self.root).unwrap_or(p);
        r.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn within_root(&self, p: &Path) -> Option<PathBuf> {
        let c = std::fs::canonicalize(p).ok()?;
        c.starts_with(&self.root).then_some(c)
    }

    /// Load and parse a file (inside the root) into the file table.
    fn parse(&self, path: &Path) -> Option<(FileIdx, tfparse::HclFile)> {
        let canon = self.within_root(path)?;
        let cand = crate::walk::Candidate {
            rel: self.rel(&canon),
            path: canon.clone(),
            kind: FileKind::Hcl,
        };
        let src = match crate::scan::load(&cand, self.max_size) {
            Ok(s) => s,
            Err(d) => {
                self.diags.borrow_mut().push(d);
                return None;
            }
        };
        let idx = self.files.borrow_mut().add(std::sync::Arc::clone(&src));
        match tfparse::parse_hcl(&src.text, idx) {
            Ok(f) => Some((idx, f)),
            Err(e) => {
                let lc = src.line_col(u32::try_from(e.offset).unwrap_or(u32::MAX));
                self.diags.borrow_mut().push(Diagnostic::at(
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

    /// Evaluate a Terragrunt file into its configuration object
    /// (`{locals, inputs, terraform: {source}}`).
    pub fn config(&self, path: &Path, include_from: Option<&Path>) -> Option<Node> {
        let canon = self.within_root(path)?;
        if let Some(v) = self.cache.borrow().get(&canon) {
            if include_from.is_none() {
                return Some(v.clone());
            }
        }
        if self.active.borrow().contains(&canon) || self.active.borrow().len() > MAX_INCLUDE_DEPTH {
            return None;
        }
        let (file, parsed) = self.parse(&canon)?;
        self.active.borrow_mut().push(canon.clone());
        let dir = canon
            .parent()
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        let scope = TgScope::new(
            self,
            file,
            &parsed.body,
            dir,
            include_from.map(Path::to_path_buf),
        );
        let config = scope.evaluate(&parsed.body);
        self.active.borrow_mut().pop();
        if include_from.is_none() {
            self.cache.borrow_mut().insert(canon, config.clone());
        }
        Some(config)
    }

    /// Evaluate a unit's `terragrunt.hcl`.
    pub fn unit(&self, path: &Path) -> Option<Unit> {
        let config = self.config(path, None)?;
        let file = {
            let canon = self.within_root(path)?;
            self.files.borrow().index_of(&canon)?
        };
        let inputs = config
            .get("inputs")
            .cloned()
            .unwrap_or_else(|| map(vec![], Span::default(), file));
        let source = config.path("terraform.source").cloned();
        Some(Unit {
            file,
            inputs,
            source,
            config,
        })
    }
}

/// Names and values visible while evaluating one Terragrunt file.
struct TgScope<'l, 'a> {
    loader: &'l Loader<'a>,
    file: FileIdx,
    dir: PathBuf,
    include_from: Option<PathBuf>,
    locals: HashMap<String, Expression>,
    cache: RefCell<HashMap<String, Node>>,
    active: RefCell<Vec<String>>,
    includes: RefCell<Vec<Entry>>,
    dependencies: Node,
    empty: Node,
}

impl<'l, 'a> TgScope<'l, 'a> {
    fn new(
        loader: &'l Loader<'a>,
        file: FileIdx,
        body: &Body,
        dir: PathBuf,
        include_from: Option<PathBuf>,
    ) -> Self {
        let mut locals = HashMap::new();
        let mut deps = Vec::new();
        for s in body.iter() {
            let Structure::Block(b) = s else { continue };
            match b.ident.as_str() {
                "locals" => {
                    for a in b.body.attributes() {
                        locals.insert(a.key.as_str().to_string(), a.value.clone());
                    }
                }
                "dependency" => {
                    if let Some(l) = b.labels.first() {
                        let span = span_of(b.span());
                        let outputs = unknown_node(
                            span,
                            file,
                            unknown::REFERENCE,
                            &format!("terragrunt dependency {} outputs", l.as_str()),
                        );
                        deps.push(entry(
                            l.as_str(),
                            map(vec![entry("outputs", outputs)], span, file),
                        ));
                    }
                }
                _ => {}
            }
        }
        TgScope {
            loader,
            file,
            dir,
            include_from,
            locals,
            cache: RefCell::new(HashMap::new()),
            active: RefCell::new(Vec::new()),
            includes: RefCell::new(Vec::new()),
            dependencies: map(deps, Span::default(), file),
            empty: map(vec![], Span::default(), file),
        }
    }

    fn eval(&self, expr: &Expression) -> Node {
        let depth = self.active.borrow().len();
        Evaluator {
            scope: self,
            file: self.file,
            depth,
        }
        .eval(expr, &Bindings::default())
    }

    fn path_arg(&self, n: &Node) -> Option<PathBuf> {
        let s = n.as_str()?;
        let p = Path::new(s);
        Some(if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        })
    }

    /// Evaluate the file: includes first (their inputs are the base), then locals,
    /// inputs and the terraform source.
    fn evaluate(&self, body: &Body) -> Node {
        let mut inherited_inputs = self.empty.clone();
        let mut inherited_source: Option<Node> = None;
        let mut inherited_remote_state: Option<Node> = None;
        for s in body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.as_str() != "include" {
                continue;
            }
            let name = b.labels.first().map_or("", |l| l.as_str()).to_string();
            let Some(path_attr) = b.body.get_attribute("path") else {
                continue;
            };
            let p = self.eval(&path_attr.value);
            let Some(path) = self.path_arg(&p) else {
                continue;
            };
            let Some(parent) = self.loader.config(&path, Some(&self.dir)) else {
                self.loader.diags.borrow_mut().push(Diagnostic::file(
                    &self.loader.rel(&self.dir),
                    DiagLevel::Note,
                    "include",
                    format!(
                        "include `{name}` ({}) could not be read",
                        p.as_str().unwrap_or("?")
                    ),
                ));
                continue;
            };
            if let Some(i) = parent.get("inputs") {
                inherited_inputs = merge_shallow(&inherited_inputs, i);
            }
            if let Some(src) = parent.path("terraform.source") {
                inherited_source = Some(src.clone());
            }
            if let Some(rs) = parent.get("remote_state") {
                inherited_remote_state = Some(rs.clone());
            }
            self.includes.borrow_mut().push(entry(&name, parent));
        }
        let mut locals = Vec::new();
        let mut names: Vec<&String> = self.locals.keys().collect();
        names.sort();
        for n in names {
            locals.push(entry(
                n,
                (*self.local(n, Span::default(), self.file, 0)).clone(),
            ));
        }
        let inputs = body
            .get_attribute("inputs")
            .map(|a| self.eval(&a.value))
            .map_or(inherited_inputs.clone(), |i| {
                merge_shallow(&inherited_inputs, &i)
            });
        let source = body
            .get_blocks("terraform")
            .find_map(|t| t.body.get_attribute("source"))
            .map(|a| self.eval(&a.value))
            .or(inherited_source);
        let mut top = vec![
            entry("locals", map(locals, Span::default(), self.file)),
            entry("inputs", inputs),
        ];
        if let Some(src) = source {
            top.push(entry(
                "terraform",
                map(vec![entry("source", src)], Span::default(), self.file),
            ));
        }
        // `remote_state { backend = "s3" config = {...} }`, or the one inherited.
        let remote_state = body
            .get_blocks("remote_state")
            .next()
            .map(|rs| {
                let entries = rs
                    .body
                    .attributes()
                    .map(|a| entry(a.key.as_str(), self.eval(&a.value)))
                    .collect();
                map(entries, span_of(rs.span()), self.file)
            })
            .or(inherited_remote_state);
        if let Some(rs) = remote_state {
            top.push(entry("remote_state", rs));
        }
        map(top, Span::default(), self.file)
    }
}

impl Scope for TgScope<'_, '_> {
    fn var(&self, name: &str) -> Option<&Node> {
        self.empty.get(name)
    }

    fn vars(&self) -> Node {
        self.empty.clone()
    }

    fn local(&self, name: &str, span: Span, file: FileIdx, _depth: usize) -> Rc<Node> {
        if let Some(v) = self.cache.borrow().get(name) {
            return Rc::new(v.clone());
        }
        let Some(expr) = self.locals.get(name) else {
            return Rc::new(unknown_node(
                span,
                file,
                unknown::ERROR,
                &format!("undeclared local.{name}"),
            ));
        };
        let cyclic = {
            let active = self.active.borrow();
            active.iter().any(|n| n == name) || active.len() > 64
        };
        if cyclic {
            return Rc::new(unknown_node(
                span,
                file,
                unknown::ERROR,
                &format!("local.{name} refers to itself"),
            ));
        }
        self.active.borrow_mut().push(name.to_string());
        let v = self.eval(expr);
        self.active.borrow_mut().pop();
        self.cache.borrow_mut().insert(name.to_string(), v.clone());
        Rc::new(v)
    }

    fn block_object(&self, _kind: &str, _ty: &str, _name: &str, _depth: usize) -> Option<Rc<Node>> {
        None
    }

    fn fixed_root(&self, name: &str) -> Option<Node> {
        match name {
            "include" => Some(map(
                self.includes.borrow().clone(),
                Span::default(),
                self.file,
            )),
            "dependency" => Some(self.dependencies.clone()),
            _ => None,
        }
    }

    fn source(&self, file: FileIdx) -> Option<crate::source::SourceRef> {
        self.loader
            .files
            .borrow()
            .sources
            .get(file as usize)
            .cloned()
    }

    fn function(&self, name: &str, args: &[Node], span: Span, file: FileIdx) -> Option<Node> {
        let s = |v: String| Some(string(&v, span, file));
        let rel_dir = |p: &Path| self.loader.rel(p);
        match name {
            "find_in_parent_folders" => {
                let target = args
                    .first()
                    .and_then(Node::as_str)
                    .unwrap_or("terragrunt.hcl");
                // Included files are evaluated in the context of the unit that includes them.
                let start = self.include_from.as_deref().unwrap_or(&self.dir);
                let mut cur = start.parent();
                while let Some(d) = cur {
                    if !d.starts_with(&self.loader.root) {
                        break;
                    }
                    let candidate = d.join(target);
                    if candidate.is_file() {
                        return s(candidate.to_string_lossy().into_owned());
                    }
                    cur = d.parent();
                }
                match args.get(1) {
                    Some(fallback) => Some(fallback.clone()),
                    None => Some(unknown_node(
                        span,
                        file,
                        unknown::ERROR,
                        &format!("{target} not found in parent folders"),
                    )),
                }
            }
            "read_terragrunt_config" => {
                let Some(path) = args.first().and_then(|a| self.path_arg(a)) else {
                    return Some(unknown_node(
                        span,
                        file,
                        unknown::DERIVED,
                        "read_terragrunt_config path",
                    ));
                };
                match self.loader.config(&path, None) {
                    Some(c) => Some(c),
                    None => Some(args.get(1).cloned().unwrap_or_else(|| {
                        unknown_node(
                            span,
                            file,
                            unknown::ERROR,
                            "read_terragrunt_config: file not readable",
                        )
                    })),
                }
            }
            "path_relative_to_include" => {
                let from = self.include_from.as_deref().unwrap_or(&self.dir);
                // From the included (parent) file's folder to the unit's folder.
                let unit = rel_dir(from);
                let parent = rel_dir(&self.dir);
                let rel = unit
                    .strip_prefix(&parent)
                    .map_or(unit.clone(), |r| r.trim_start_matches('/').to_string());
                s(if rel.is_empty() { ".".into() } else { rel })
            }
            "path_relative_from_include" => {
                let from = self.include_from.as_deref().unwrap_or(&self.dir);
                let depth = rel_dir(from)
                    .split('/')
                    .count()
                    .saturating_sub(rel_dir(&self.dir).split('/').count());
                s(if depth == 0 {
                    ".".into()
                } else {
                    vec![".."; depth].join("/")
                })
            }
            "get_env" => Some(args.get(1).cloned().unwrap_or_else(|| {
                unknown_node(span, file, unknown::REFERENCE, "environment variable")
            })),
            "get_terragrunt_dir" | "get_original_terragrunt_dir" => {
                let d = self.include_from.as_deref().unwrap_or(&self.dir);
                s(d.to_string_lossy().into_owned())
            }
            "get_parent_terragrunt_dir" => s(self.dir.to_string_lossy().into_owned()),
            "get_repo_root" => s(self.loader.root.to_string_lossy().into_owned()),
            "get_path_to_repo_root" => {
                let depth = rel_dir(&self.dir)
                    .split('/')
                    .filter(|x| !x.is_empty())
                    .count();
                s(if depth == 0 {
                    ".".into()
                } else {
                    vec![".."; depth].join("/")
                })
            }
            "get_path_from_repo_root" => s(rel_dir(&self.dir)),
            "get_aws_account_id"
            | "get_aws_caller_identity_arn"
            | "get_aws_caller_identity_user_id"
            | "run_cmd"
            | "sops_decrypt_file"
            | "get_terraform_cli_args"
            | "local_exec"
            | "get_platform"
            | "get_working_dir"
            | "read_tfvars_file" => Some(unknown_node(span, file, unknown::FUNCTION, name)),
            "get_terraform_commands_that_need_vars"
            | "get_terraform_commands_that_need_locking"
            | "get_terraform_commands_that_need_input"
            | "get_terraform_commands_that_need_parallelism" => {
                let cmds = [
                    "apply", "console", "destroy", "import", "plan", "push", "refresh",
                ];
                Some(Node {
                    span,
                    file,
                    value: Value::List(cmds.iter().map(|c| string(c, span, file)).collect()),
                })
            }
            _ => None,
        }
    }
}

/// Resolve a local `terraform.source` (`../../modules//mysql`) to a folder.
/// Remote sources (`git::`, registry, `?ref=`, URLs) give `None`.
#[must_use]
pub fn local_source_dir(unit_dir: &Path, source: &str) -> Option<PathBuf> {
    if source.contains("::")
        || source.contains("://")
        || source.contains('?')
        || source.starts_with("tfr:")
    {
        return None;
    }
    let path = source.replace("//", "/");
    let p = Path::new(&path);
    if p.is_absolute() {
        return Some(p.to_path_buf());
    }
    if path.starts_with("./") || path.starts_with("../") {
        return Some(unit_dir.join(p));
    }
    None
}
