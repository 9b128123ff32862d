//! Environment inference for each kind of unit (see the module documentation
//! of [`crate::env`] for the order of evidence).

use crate::model::Node;
use crate::model::kubernetes::Object;
use crate::model::terraform::Block;
use crate::source::SourceRef;

use super::config::{EnvConfig, IdField};
use super::facts::Collector;
use super::kustomize::{Kustomization, Rendering};
use super::{
    Candidate, ENV_KEYS, Environment, Evidence, decide, declaration_candidate, path_candidate,
};

fn line_of(files: &[SourceRef], n: &Node) -> (String, Option<u32>) {
    files
        .get(n.file as usize)
        .map_or((String::new(), None), |s| {
            (s.path.clone(), Some(s.line_col(n.span.start).line))
        })
}

/// `environment = "prod"` (and the other environment keys) in a map of values.
fn declarations(values: &Node, files: &[SourceRef], out: &mut Vec<Candidate>) {
    for key in ENV_KEYS {
        if let Some(n) = values.get(key) {
            if let Some(v) = n.as_str() {
                let (path, line) = line_of(files, n);
                if let Some(c) = declaration_candidate(key, v, &path, line) {
                    out.push(c);
                }
            }
        }
    }
}

fn account_candidate(cfg: &EnvConfig, field: IdField, id: &str, path: &str) -> Option<Candidate> {
    let (name, class) = cfg.owner_of(field, id)?;
    Some(Candidate {
        rank: 2,
        class,
        name: Some(name.clone()),
        evidence: Evidence {
            kind: "account",
            detail: format!("`{id}` belongs to environment `{name}` in bulkhead.toml"),
            path: path.to_string(),
            line: None,
        },
    })
}

/// A Terraform root module evaluated with one variable file (or none).
#[must_use]
pub fn terraform(
    cfg: &EnvConfig,
    dir: &str,
    variant: Option<(&str, &Node)>,
    base: &[(String, Node)],
    blocks: &[Block],
    files: &[SourceRef],
) -> Environment {
    let mut c = Vec::new();
    if let Some((path, _)) = variant {
        c.extend(cfg.path_candidate(path));
    }
    c.extend(
        cfg.path_candidate(&format!("{dir}/"))
            .or_else(|| cfg.path_candidate(dir)),
    );
    if let Some((_, values)) = variant {
        declarations(values, files, &mut c);
    }
    for (_, values) in base {
        declarations(values, files, &mut c);
    }
    // Tags: provider default tags first, then any resource's tags.
    for b in blocks.iter().filter(|b| b.kind == "provider") {
        for dt in b.body.get("default_tags").map_or(&[][..], Node::as_many) {
            if let Some(tags) = dt.get("tags") {
                declarations(tags, files, &mut c);
            }
        }
    }
    if !c.iter().any(|x| x.rank <= 1) {
        if let Some(tags) = blocks
            .iter()
            .filter(|b| b.kind == "resource" && b.module_prefix.is_empty())
            .find_map(|b| {
                b.body
                    .get("tags")
                    .filter(|t| ENV_KEYS.iter().any(|k| t.get(k).is_some()))
            })
        {
            declarations(tags, files, &mut c);
        }
    }
    if let Some(acc) = Collector::aws_account(blocks) {
        c.extend(account_candidate(cfg, IdField::AwsAccount, &acc, dir));
    }
    if let Some((path, _)) = variant {
        c.extend(path_candidate(path));
    }
    c.extend(path_candidate(&format!("{dir}/")));
    decide(c)
}

/// A Terragrunt unit, from its merged inputs (which carry `env.hcl` and
/// `account.hcl` values in the usual layouts) and its path.
#[must_use]
pub fn terragrunt(
    cfg: &EnvConfig,
    unit_path: &str,
    inputs: &Node,
    files: &[SourceRef],
) -> Environment {
    let mut c = Vec::new();
    c.extend(cfg.path_candidate(unit_path));
    declarations(inputs, files, &mut c);
    for key in ["aws_account_id", "account_id"] {
        if let Some(id) = inputs.get(key).and_then(Node::as_str) {
            c.extend(account_candidate(cfg, IdField::AwsAccount, id, unit_path));
        }
    }
    c.extend(path_candidate(unit_path));
    decide(c)
}

/// A Kustomize leaf overlay.
#[must_use]
pub fn overlay(cfg: &EnvConfig, k: &Kustomization) -> Environment {
    let mut c = Vec::new();
    c.extend(cfg.path_candidate(&k.path));
    for key in ENV_KEYS {
        if let Some(v) = k.labels.get(*key) {
            c.extend(declaration_candidate(key, v, &k.path, None));
        }
    }
    if let Some(ns) = &k.namespace {
        c.extend(namespace_candidate(cfg, ns, &k.path, k.namespace_line));
    }
    c.extend(path_candidate(&k.path));
    decide(c)
}

fn namespace_candidate(
    cfg: &EnvConfig,
    ns: &str,
    path: &str,
    line: Option<u32>,
) -> Option<Candidate> {
    if let Some((name, class)) = cfg.owner_of(IdField::Namespace, ns) {
        return Some(Candidate {
            rank: 0,
            class,
            name: Some(name.clone()),
            evidence: Evidence {
                kind: "config",
                detail: format!(
                    "namespace `{ns}` belongs to environment `{name}` in bulkhead.toml"
                ),
                path: path.to_string(),
                line,
            },
        });
    }
    let (class, _) = super::tokens::class_of_name(ns)?;
    Some(Candidate {
        rank: 1,
        class,
        name: Some(ns.to_string()),
        evidence: Evidence {
            kind: "namespace",
            detail: format!("namespace `{ns}`"),
            path: path.to_string(),
            line,
        },
    })
}

/// A Kubernetes object, as rendered by one overlay (or on its own).
#[must_use]
pub fn kubernetes(
    cfg: &EnvConfig,
    src: &SourceRef,
    obj: &Object,
    rendering: Option<&Rendering>,
    overlay_env: Option<&Environment>,
) -> Environment {
    let mut c = Vec::new();
    c.extend(cfg.path_candidate(&src.path));
    if let Some(labels) = obj.root.path("metadata.labels") {
        declarations(labels, std::slice::from_ref(src), &mut c);
    }
    if let Some(e) = overlay_env.filter(|e| e.class != super::EnvClass::Unknown) {
        if let Some(first) = e.evidence.first() {
            c.push(Candidate {
                rank: 1,
                class: e.class,
                name: e.name.clone(),
                evidence: Evidence {
                    kind: "overlay",
                    detail: format!(
                        "rendered by overlay `{}` ({})",
                        rendering.map_or("", |r| r.overlay.as_str()),
                        first.detail
                    ),
                    path: rendering.map_or_else(String::new, |r| r.overlay_file.clone()),
                    line: first.line,
                },
            });
        }
    }
    // An Argo CD Application belongs to the environment it deploys to.
    let destination = (obj.kind == "Application")
        .then(|| {
            obj.root
                .path("spec.destination.namespace")
                .and_then(Node::as_str)
        })
        .flatten()
        .map(str::to_string);
    let ns = destination
        .or_else(|| rendering.and_then(|r| r.namespace.clone()))
        .or_else(|| obj.namespace.clone())
        .or_else(|| (obj.kind == "Namespace").then(|| obj.name.clone()));
    if let Some(ns) = ns {
        let line = obj
            .root
            .path("metadata.namespace")
            .map(|n| src.line_col(n.span.start).line);
        c.extend(namespace_candidate(cfg, &ns, &src.path, line));
    }
    c.extend(path_candidate(&src.path));
    decide(c)
}

/// A file that is a unit on its own (Dockerfile, Helm values file).
#[must_use]
pub fn file(cfg: &EnvConfig, path: &str) -> Environment {
    let mut c = Vec::new();
    c.extend(cfg.path_candidate(path));
    c.extend(path_candidate(path));
    decide(c)
}
