//! Dispatch: every check meets only the targets it declares, and its hits
//! become [`Finding`]s.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value as Json;

use crate::builtin::{self, Hit};
use crate::config::Config;
use crate::engine::catalogue::{Catalogue, Check, Logic, TargetKind};
use crate::engine::matcher::{MatchCtx, Paths, Tri, resolve_paths};
use crate::finding::{Finding, Related};
use crate::model::dockerfile::{Dockerfile, Instruction, Stage};
use crate::model::kubernetes::{Container, Object};
use crate::model::terraform::Block;
use crate::model::{FileIdx, Node};
use crate::source::{SourceRef, Span};

/// Something a check can look at.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// A top-level Terraform block.
    TfBlock(&'a Block),
    /// A Kubernetes object.
    K8sObject(&'a Object),
    /// The pod spec of a workload.
    K8sPod(&'a Object, &'a Node),
    /// One container of a workload.
    K8sContainer(&'a Object, Container<'a>),
    /// A whole Dockerfile.
    DockerFile(&'a Dockerfile),
    /// One build stage (`final` says whether it is the last one).
    DockerStage(&'a Dockerfile, &'a Stage, &'a Node),
    /// One instruction.
    DockerInstruction(&'a Dockerfile, &'a Instruction, &'a Node),
}

impl<'a> Target<'a> {
    /// The Terraform block, for a Terraform target.
    #[must_use]
    pub fn tf_block(&self) -> Option<&'a Block> {
        match self {
            Target::TfBlock(b) => Some(b),
            _ => None,
        }
    }
}

impl Target<'_> {
    /// Whether a check's target selector applies.
    #[must_use]
    pub fn selected_by(&self, sel: &TargetKind) -> bool {
        fn eq(want: Option<&String>, have: &str) -> bool {
            want.is_none_or(|w| {
                w == have || (w.ends_with('*') && have.starts_with(&w[..w.len() - 1]))
            })
        }
        match (self, sel) {
            (Target::TfBlock(b), TargetKind::TfResource(t)) => {
                b.kind == "resource" && eq(t.as_ref(), b.label(0).unwrap_or(""))
            }
            (Target::TfBlock(b), TargetKind::TfData(t)) => {
                b.kind == "data" && eq(t.as_ref(), b.label(0).unwrap_or(""))
            }
            (Target::TfBlock(b), TargetKind::TfProvider(t)) => {
                b.kind == "provider" && eq(t.as_ref(), b.label(0).unwrap_or(""))
            }
            (Target::TfBlock(b), TargetKind::TfModule) => b.kind == "module",
            (Target::TfBlock(b), TargetKind::TfBlock(k)) => &b.kind == k,
            (Target::K8sObject(o), TargetKind::K8sObject(k)) => eq(k.as_ref(), &o.kind),
            (Target::K8sPod(..), TargetKind::K8sPod)
            | (Target::K8sContainer(..), TargetKind::K8sContainer)
            | (Target::DockerFile(_), TargetKind::DockerFile)
            | (Target::DockerStage(..), TargetKind::DockerStage) => true,
            (Target::DockerStage(df, st, _), TargetKind::DockerFinalStage) => {
                df.final_stage().is_some_and(|f| f.index == st.index)
            }
            (Target::DockerInstruction(_, i, _), TargetKind::DockerInstruction(k)) => {
                eq(k.as_ref(), i.keyword)
            }
            _ => false,
        }
    }

    /// The node declarative checks see.
    #[must_use]
    pub fn root(&self) -> Option<&Node> {
        match self {
            Target::TfBlock(b) => Some(&b.body),
            Target::K8sObject(o) => Some(&o.root),
            Target::K8sPod(_, spec) => Some(spec),
            Target::K8sContainer(_, c) => Some(c.node),
            Target::DockerFile(_) => None,
            Target::DockerStage(_, _, n) | Target::DockerInstruction(_, _, n) => Some(n),
        }
    }

    /// Where to report when no more specific node is known, and in which file.
    #[must_use]
    pub fn default_location(&self) -> (FileIdx, Span) {
        match self {
            Target::TfBlock(b) => (b.file, b.header_span()),
            Target::K8sObject(o) | Target::K8sPod(o, _) => (o.root.file, o.header_span()),
            Target::K8sContainer(o, c) => (
                o.root.file,
                c.node.get("name").map_or(c.node.span, |n| n.span),
            ),
            Target::DockerFile(df) => (
                0,
                df.instructions
                    .first()
                    .map_or(Span::default(), |i| i.keyword_span),
            ),
            Target::DockerStage(df, st, _) => (
                0,
                df.instructions
                    .get(st.from)
                    .map_or(Span::default(), |i| i.span),
            ),
            Target::DockerInstruction(_, i, _) => (0, i.span),
        }
    }

    /// The resource address or object identity used in messages and fingerprints.
    #[must_use]
    pub fn resource(&self) -> String {
        match self {
            Target::TfBlock(b) => b.address(),
            Target::K8sObject(o) | Target::K8sPod(o, _) => o.address(),
            Target::K8sContainer(o, c) => format!("{} container {}", o.address(), c.name),
            Target::DockerFile(_) => "Dockerfile".into(),
            Target::DockerStage(_, st, _) => stage_name(st),
            Target::DockerInstruction(df, i, _) => match i.stage.and_then(|s| df.stages.get(s)) {
                Some(st) => format!("{} {}", stage_name(st), i.keyword),
                None => i.keyword.to_string(),
            },
        }
    }

    /// Named roots for `$name.` paths.
    fn named_roots(&self) -> Vec<(&'static str, &Node)> {
        match self {
            Target::K8sContainer(o, _) => {
                let mut v = vec![("object", &o.root)];
                if let Some(spec) = o.pod_spec() {
                    v.push(("pod", spec));
                }
                v
            }
            Target::K8sPod(o, _) => vec![("object", &o.root)],
            _ => vec![],
        }
    }
}

/// `stage build` or `stage 0`.
#[must_use]
pub fn stage_name(st: &Stage) -> String {
    match &st.name {
        Some(n) => format!("stage {n}"),
        None => format!("stage {}", st.index),
    }
}

/// A check with its effective parameters and severity.
#[derive(Debug, Clone)]
pub struct ActiveCheck {
    /// The definition.
    pub check: Arc<Check>,
    /// Parameters: defaults overlaid with configuration.
    pub params: BTreeMap<String, Json>,
    /// Severity after configuration.
    pub severity: crate::engine::catalogue::Severity,
    /// The builtin's logic, looked up once by name (a builtin check run on
    /// each of a scan's tens of thousands of targets searched the list of
    /// builtins by name each time).
    pub builtin: Option<builtin::BuiltinFn>,
}

/// The checks that are enabled, with configuration applied.
#[must_use]
pub fn active_checks(catalogue: &Catalogue, config: &Config) -> Vec<ActiveCheck> {
    catalogue
        .checks
        .iter()
        .filter(|c| config.check_enabled(c))
        .map(|c| {
            let mut params = c.params.clone();
            if let Some(over) = config.check_params(c) {
                for (k, v) in over {
                    params.insert(k.clone(), v.clone());
                }
            }
            ActiveCheck {
                check: Arc::clone(c),
                params,
                severity: config.check_severity(c).unwrap_or(c.severity),
                builtin: match &c.logic {
                    Logic::Builtin(name) => builtin::lookup(name),
                    Logic::Match(_) => None,
                },
            }
        })
        .collect()
}

/// What a unit knows while its checks run.
#[derive(Debug)]
pub struct UnitCtx<'a> {
    /// The unit's files, indexed by [`FileIdx`].
    pub files: &'a [SourceRef],
    /// The unit's environment class, if known.
    pub environment: Option<&'a str>,
    /// The date checks judge expiry and age against (`--today` or the system date).
    pub today: crate::date::Date,
    /// Every evaluated Terraform block of the unit (root module and called
    /// modules), for checks that join resources (a VPC and its flow log);
    /// empty for Kubernetes and Dockerfile units.
    pub tf_blocks: &'a [Block],
    /// What `tf_blocks` say about each other (which flow log records which
    /// VPC, ...), built on first use by the checks that join resources.
    pub tf_joins: builtin::JoinCache,
    /// The certificates found in the target being checked, shared by the
    /// certificate checks; [`run_target`] empties it before each target.
    pub certificates: builtin::TargetCertificates,
}

impl<'a> UnitCtx<'a> {
    /// The context of a unit, its caches empty.
    #[must_use]
    pub fn new(
        files: &'a [SourceRef],
        environment: Option<&'a str>,
        today: crate::date::Date,
        tf_blocks: &'a [Block],
    ) -> Self {
        UnitCtx {
            files,
            environment,
            today,
            tf_blocks,
            tf_joins: builtin::JoinCache::default(),
            certificates: builtin::TargetCertificates::default(),
        }
    }
}

/// Run every applicable check on one target, appending findings.
pub fn run_target(
    checks: &[ActiveCheck],
    unit: &UnitCtx<'_>,
    target: &Target<'_>,
    out: &mut Vec<Finding>,
) {
    unit.certificates.clear();
    for ac in checks {
        if !ac.check.targets.iter().any(|t| target.selected_by(t)) {
            continue;
        }
        let hits = match &ac.check.logic {
            Logic::Match(pred) => match_hits(ac, pred, target),
            Logic::Builtin(_) => ac
                .builtin
                .map_or_else(Vec::new, |f| f(target, &ac.params, unit)),
        };
        for hit in hits {
            if let Some(f) = to_finding(ac, unit, target, hit) {
                out.push(f);
            }
        }
    }
}

fn match_hits(
    ac: &ActiveCheck,
    pred: &crate::engine::matcher::Pred,
    target: &Target<'_>,
) -> Vec<Hit> {
    let Some(root) = target.root() else {
        return vec![];
    };
    let roots = target.named_roots();
    let ctx = MatchCtx {
        root,
        roots: &roots,
        params: &ac.params,
    };
    let (file, default_span) = target.default_location();
    match pred.eval(&ctx) {
        Tri::True(evidence) => {
            let located = ac.check.location.as_ref().and_then(|p| {
                let (nodes, _) = resolve_paths(
                    &ctx,
                    &Paths(vec![
                        p.split('.')
                            .map(|s| crate::engine::matcher::Seg::Key(s.to_string()))
                            .collect(),
                    ]),
                );
                nodes.first().copied()
            });
            let node = located.or(evidence);
            vec![Hit {
                file: node.map_or(file, |n| n.file),
                span: node.map_or(default_span, |n| n.span),
                message: None,
                evidence: node.and_then(Node::scalar_text),
                ..Hit::default()
            }]
        }
        Tri::Unknown if ac.check.fire_on_unknown => vec![Hit {
            file,
            span: default_span,
            message: Some(format!(
                "{} cannot be proven safe: {}",
                target.resource(),
                ac.check.title
            )),
            ..Hit::default()
        }],
        _ => vec![],
    }
}

fn to_finding(
    ac: &ActiveCheck,
    unit: &UnitCtx<'_>,
    target: &Target<'_>,
    hit: Hit,
) -> Option<Finding> {
    let source = unit.files.get(hit.file as usize)?.clone();
    let resource = hit.resource.clone().unwrap_or_else(|| target.resource());
    let value = if ac.check.sensitive {
        "[redacted]".to_string()
    } else {
        hit.evidence.clone().unwrap_or_default()
    };
    let message = hit.message.clone().unwrap_or_else(|| {
        let template = ac
            .check
            .message
            .clone()
            .unwrap_or_else(|| "{title} ({resource})".to_string());
        template
            .replace("{title}", &ac.check.title)
            .replace("{resource}", &resource)
            .replace("{value}", &value)
    });
    let evidence = match hit.evidence {
        Some(e) => e,
        // Never let a secret reach a fingerprint: hash it first.
        None if ac.check.sensitive => crate::builtin::secrets::digest(source.slice(hit.span)),
        None => source.slice(hit.span).to_string(),
    };
    let mut context = hit.related;
    if let Target::TfBlock(b) = target {
        // A value written elsewhere (a variable file, a default, a module
        // argument): show the resource it ends up in.
        let inside =
            hit.file == b.file && b.span.start <= hit.span.start && hit.span.end <= b.span.end;
        if !inside {
            context.push((b.file, b.header_span(), format!("used by {}", b.address())));
        }
        if let Some((file, span)) = b.called_from {
            if !(inside && file == hit.file) {
                context.push((file, span, "module called here".to_string()));
            }
        }
    }
    let related = context
        .into_iter()
        .filter_map(|(f, span, message)| {
            Some(Related {
                source: unit.files.get(f as usize)?.clone(),
                span,
                message,
            })
        })
        .collect();
    Some(Finding {
        check: Arc::clone(&ac.check),
        severity: ac.severity,
        source,
        span: hit.span,
        message: message.into(),
        resource: resource.into(),
        evidence: evidence.into(),
        related,
        environment: unit.environment.map(Into::into),
        suppression: None,
        sla: None,
    })
}
