//! Dockerfile builtins: effective user, remote shells, secrets in the build.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::shell::{self, ShellWord};
use super::{Hit, param_strings, secrets};
use crate::engine::run::{Target, UnitCtx, stage_name};
use crate::model::dockerfile::{CommandForm, Dockerfile, Instruction, InstructionKind, Stage};

/// The last `USER` of a stage, following `FROM <earlier stage>` chains.
fn effective_user<'a>(
    df: &'a Dockerfile,
    stage: &'a Stage,
    depth: usize,
) -> Option<(&'a str, crate::source::Span)> {
    let own = df
        .stage_instructions(stage)
        .iter()
        .rev()
        .find_map(|i| match &i.kind {
            InstructionKind::User(w) => Some((w.text.as_str(), w.span)),
            _ => None,
        });
    if own.is_some() || depth > 16 {
        return own;
    }
    if stage.base_is_stage {
        let base = df.stages.iter().take(stage.index).rev().find(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&stage.image.repository))
        })?;
        return effective_user(df, base, depth + 1);
    }
    None
}

/// The first stage of a `FROM <earlier stage>` chain: the one built on an external image.
fn root_stage<'a>(df: &'a Dockerfile, stage: &'a Stage) -> &'a Stage {
    let mut cur = stage;
    for _ in 0..16 {
        if !cur.base_is_stage {
            break;
        }
        let base = df.stages.iter().take(cur.index).rev().find(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&cur.image.repository))
        });
        match base {
            Some(b) => cur = b,
            None => break,
        }
    }
    cur
}

fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user).trim();
    name == "root" || name == "0"
}

/// BH0310: the final stage runs as root (explicitly, or by never setting USER).
pub fn runs_as_root(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerStage(df, stage, _) = target else {
        return vec![];
    };
    if stage.image.repository == "scratch" {
        return vec![];
    }
    match effective_user(df, stage, 0) {
        Some((user, span)) if is_root(user) => vec![Hit::at(
            0,
            span,
            format!(
                "the image runs as `{user}`: the last USER of the final {} is root",
                stage_name(stage)
            ),
        )],
        Some(_) => vec![],
        None => {
            let nonroot_bases = param_strings(params, "non_root_base_images");
            // The external image the stage is built on, through `FROM <earlier stage>` chains,
            // written `registry/repository:tag` so patterns can name the registry.
            let image = &root_stage(df, stage).image;
            let reference = format!(
                "{}{}:{}",
                image
                    .registry
                    .as_deref()
                    .map(|r| format!("{r}/"))
                    .unwrap_or_default(),
                image.repository,
                image.tag.as_deref().unwrap_or("latest")
            );
            if nonroot_bases
                .iter()
                .any(|b| super::glob_matches(b, &reference))
            {
                return vec![];
            }
            let span = df
                .instructions
                .get(stage.from)
                .map(|i| i.span)
                .unwrap_or_default();
            vec![Hit::at(
                0,
                span,
                format!(
                    "the final {} never sets a non-root USER, so the container runs as root",
                    stage_name(stage)
                ),
            )]
        }
    }
}

/// Shell commands of a RUN/CMD/ENTRYPOINT, including here-documents.
fn scripts(df: &Dockerfile, kind: &InstructionKind) -> Vec<Vec<ShellWord>> {
    let mut out = Vec::new();
    let add_form = |c: &CommandForm, out: &mut Vec<Vec<ShellWord>>| match c {
        CommandForm::Shell(w) => {
            out.extend(shell::commands(&w.text, w.span.start as usize, df.escape))
        }
        CommandForm::Exec(words) => {
            // ["sh", "-c", "script"] runs a script; anything else is one command.
            if words.len() >= 3 && words[1].text == "-c" {
                out.extend(shell::commands(
                    &words[2].text,
                    words[2].span.start as usize + 1,
                    '\\',
                ));
            } else {
                out.push(
                    words
                        .iter()
                        .map(|w| ShellWord {
                            text: w.text.clone(),
                            span: w.span,
                        })
                        .collect(),
                );
            }
        }
    };
    match kind {
        InstructionKind::Run { command, heredocs } => {
            add_form(command, &mut out);
            for h in heredocs {
                out.extend(shell::commands(&h.text, h.span.start as usize, '\\'));
            }
        }
        InstructionKind::Cmd(c) | InstructionKind::Entrypoint(c) => add_form(c, &mut out),
        _ => {}
    }
    out
}

/// BH0311: a remote shell server is installed or started in the image.
pub fn remote_shell(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerInstruction(df, ins, _) = target else {
        return vec![];
    };
    let packages = param_strings(params, "packages");
    let daemons = param_strings(params, "daemons");
    let mut hits = Vec::new();
    for cmd in instruction_scripts(df, ins) {
        if let Some(inst) = shell::install(cmd) {
            for p in &inst.packages {
                let name = shell::package_name(&p.text);
                if packages.iter().any(|x| x == name) {
                    hits.push(Hit::at(
                        0,
                        p.span,
                        format!(
                            "`{name}` installs a remote shell server into the image ({} install)",
                            inst.manager
                        ),
                    ));
                }
            }
            continue;
        }
        let words = shell::strip_wrappers(cmd);
        let Some(first) = words.first() else {
            continue;
        };
        let program = first.text.rsplit('/').next().unwrap_or("");
        let started = if matches!(program, "service" | "rc-service") {
            words
                .get(1)
                .filter(|w| daemons.iter().any(|d| d == &w.text) || w.text == "ssh")
        } else if program == "systemctl" {
            words.iter().skip(1).find(|w| {
                let unit = w.text.trim_end_matches(".service");
                daemons.iter().any(|d| d == unit) || unit == "ssh"
            })
        } else if daemons.iter().any(|d| d == program) {
            Some(first)
        } else {
            None
        };
        if let Some(w) = started {
            hits.push(Hit::at(
                0,
                w.span,
                format!("`{}` starts a remote shell server in the container", w.text),
            ));
        }
    }
    hits
}

/// BH0401: secrets written into the image through ENV, ARG or LABEL values.
pub fn secret_in_build(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerInstruction(_, ins, _) = target else {
        return vec![];
    };
    let InstructionKind::Pairs(pairs) = &ins.kind else {
        return vec![];
    };
    pairs
        .iter()
        .filter_map(|p| {
            let v = p.value.as_ref()?;
            let why = secrets::classify(&p.key.text, &v.text)?;
            Some(Hit {
                file: 0,
                span: v.span,
                message: Some(format!(
                    "{} `{}` bakes a secret into the image: {why}",
                    ins.keyword, p.key.text
                )),
                evidence: Some(format!("{}={}", p.key.text, secrets::digest(&v.text))),
                ..Hit::default()
            })
        })
        .collect()
}

/// Shell commands of a RUN, CMD or ENTRYPOINT (here-documents included), for
/// the other Dockerfile builtins.
pub(super) fn instruction_scripts<'a>(
    df: &Dockerfile,
    ins: &'a Instruction,
) -> &'a [Vec<ShellWord>] {
    ins.commands.get_or_init(|| scripts(df, &ins.kind))
}

/// The stage a stage is built on, when it is an earlier stage of the same file.
pub(super) fn base_stage<'a>(df: &'a Dockerfile, stage: &Stage) -> Option<&'a Stage> {
    if !stage.base_is_stage {
        return None;
    }
    df.stages.iter().take(stage.index).rev().find(|s| {
        s.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(&stage.image.repository))
    })
}

/// Indexes of the stages whose layers make up the final image: the final
/// stage and the earlier stages it is built on (`FROM <stage>`).
pub(super) fn image_stages(df: &Dockerfile) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cur = df.final_stage();
    while let Some(st) = cur {
        if out.contains(&st.index) || out.len() > 16 {
            break;
        }
        out.push(st.index);
        cur = base_stage(df, st);
    }
    out
}
