//! Dockerfile builtins over `RUN` commands: package installation hygiene
//! (recommends, index updates, caches, toolchains, signature checks), `sudo`,
//! world-writable modes, downloads piped into shells, secrets and disabled
//! TLS verification.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value as Json;

use super::dockerfile::{image_stages, instruction_scripts};
use super::shell::{self, ShellWord};
use super::{Hit, param_strings, secrets};
use crate::engine::run::{Target, UnitCtx};
use crate::model::dockerfile::{Dockerfile, Instruction, InstructionKind};

/// A RUN instruction with its shell commands.
struct Run<'a> {
    ins: &'a Instruction,
    cmds: Vec<&'a [ShellWord]>,
}

impl Run<'_> {
    fn new<'a>(df: &Dockerfile, ins: &'a Instruction) -> Run<'a> {
        // Commands inside `if`/`then`/`do` blocks start after the keyword.
        let cmds = instruction_scripts(df, ins)
            .iter()
            .map(|c| {
                let skip = c.iter().take_while(|w| is_keyword(&w.text)).count();
                c.get(skip..).unwrap_or(&[])
            })
            .filter(|c| !c.is_empty())
            .collect();
        Run { ins, cmds }
    }

    /// Some word of the RUN contains `needle`.
    fn mentions(&self, needle: &str) -> bool {
        self.cmds
            .iter()
            .copied()
            .flatten()
            .any(|w| w.text.contains(needle))
    }

    /// A `--mount=type=cache` whose target starts with one of `prefixes`.
    fn cache_mount(&self, prefixes: &[&str]) -> bool {
        self.ins.flags.iter().any(|f| {
            f.name == "mount"
                && f.value.as_ref().is_some_and(|v| {
                    v.text.contains("type=cache")
                        && v.text.split(',').any(|kv| {
                            kv.split_once('=').is_some_and(|(k, val)| {
                                matches!(k, "target" | "dst" | "destination")
                                    && prefixes.iter().any(|p| val.starts_with(p))
                            })
                        })
                })
        })
    }
}

/// The RUN instruction of a target.
fn run_of<'a>(target: &'a Target<'_>) -> Option<(&'a Dockerfile, Run<'a>)> {
    let Target::DockerInstruction(df, ins, _) = target else {
        return None;
    };
    matches!(ins.kind, InstructionKind::Run { .. }).then(|| (*df, Run::new(df, ins)))
}

/// Whether an instruction's layer ends up in the final image.
fn in_image(df: &Dockerfile, ins: &Instruction) -> bool {
    ins.stage.is_some_and(|s| image_stages(df).contains(&s))
}

/// Shell keywords that may precede a command.
fn is_keyword(t: &str) -> bool {
    matches!(
        t,
        "then" | "else" | "elif" | "do" | "if" | "while" | "until" | "!" | "{" | "("
    )
}

/// The program of a command (basename, after shell keywords and wrappers) and its words.
fn program(cmd: &[ShellWord]) -> Option<(&str, &[ShellWord])> {
    let mut words = cmd;
    while let Some((first, rest)) = words.split_first() {
        if is_keyword(&first.text) {
            words = rest;
        } else {
            break;
        }
    }
    let words = shell::strip_wrappers(words);
    let first = words.first()?;
    Some((first.text.rsplit('/').next().unwrap_or(""), words))
}

/// The first argument that is not an option (skipping the values of `with_value` options).
fn verb<'a>(args: &'a [ShellWord], with_value: &[&str]) -> Option<&'a ShellWord> {
    let mut i = 0;
    while let Some(w) = args.get(i) {
        if w.text.starts_with('-') {
            if with_value.contains(&w.text.as_str()) {
                i += 1;
            }
            i += 1;
        } else {
            return Some(w);
        }
    }
    None
}

const APT_OPTS: &[&str] = &["-o", "-t", "-c", "--target-release"];

/// `apt-get update` / `apt update`.
fn is_apt_update(cmd: &[ShellWord]) -> bool {
    program(cmd).is_some_and(|(p, w)| {
        matches!(p, "apt-get" | "apt")
            && verb(&w[1..], APT_OPTS).is_some_and(|v| v.text == "update")
    })
}

/// Installs by apt-get or apt that name at least one package from a repository.
fn apt_installs<'r>(run: &'r Run<'_>) -> Vec<shell::Install<'r>> {
    run.cmds
        .iter()
        .filter_map(|c| shell::install(c))
        .filter(|i| {
            i.manager == "apt-get"
                && matches!(
                    i.words
                        .first()
                        .map(|w| w.text.rsplit('/').next().unwrap_or("")),
                    Some("apt-get" | "apt")
                )
                && i.packages.iter().any(|p| !p.text.ends_with(".deb"))
                && !simulated(i)
        })
        .collect()
}

/// An install that only simulates or downloads (`apt-get install -s`, `--dry-run`).
fn simulated(i: &shell::Install<'_>) -> bool {
    i.options.iter().any(|o| {
        matches!(
            o.text.as_str(),
            "-s" | "--simulate"
                | "--dry-run"
                | "--just-print"
                | "--recon"
                | "--no-act"
                | "-d"
                | "--download-only"
        )
    })
}

fn first_word_span(i: &shell::Install<'_>) -> crate::source::Span {
    i.words.first().map(|w| w.span).unwrap_or_default()
}

/// BH0326: `apt-get install` without `--no-install-recommends`.
pub fn apt_recommends(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((df, run)) = run_of(target) else {
        return vec![];
    };
    if !in_image(df, run.ins) {
        return vec![];
    }
    // Configured for the whole build (`APT::Install-Recommends "false";` in apt.conf.d).
    if unit
        .files
        .first()
        .is_some_and(|f| f.text.contains("APT::Install-Recommends"))
    {
        return vec![];
    }
    apt_installs(&run)
        .iter()
        .filter(|i| {
            !i.words.iter().any(|w| {
                w.text == "--no-install-recommends" || w.text.starts_with("--without-recommends")
            })
        })
        .map(|i| {
            Hit::at(
                0,
                first_word_span(i),
                format!(
                    "`{} install` also installs recommended packages: add --no-install-recommends",
                    i.words[0].text.rsplit('/').next().unwrap_or("apt-get")
                ),
            )
        })
        .collect()
}

/// BH0327: `apt-get install` in a RUN that does not run `apt-get update` first.
pub fn apt_update_missing(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((df, run)) = run_of(target) else {
        return vec![];
    };
    if !in_image(df, run.ins) || run.cache_mount(&["/var/lib/apt"]) {
        return vec![];
    }
    let cmds = &run.cmds;
    let Some(install) = apt_installs(&run).into_iter().next() else {
        return vec![];
    };
    let start = first_word_span(&install).start;
    let updated_before = cmds
        .iter()
        .any(|c| is_apt_update(c) && c.first().is_some_and(|w| w.span.start < start));
    if updated_before {
        return vec![];
    }
    let earlier = df.instructions.iter().any(|i| {
        i.span.start < run.ins.span.start
            && i.stage == run.ins.stage
            && matches!(i.kind, InstructionKind::Run { .. })
            && instruction_scripts(df, i).iter().any(|c| is_apt_update(c))
    });
    vec![Hit::at(
        0,
        first_word_span(&install),
        if earlier {
            "`apt-get install` relies on the package index of an earlier RUN, which the build cache can keep stale: run `apt-get update` in the same RUN".to_string()
        } else {
            "`apt-get install` runs without `apt-get update` in the same RUN, so it installs from a stale or missing package index".to_string()
        },
    )]
}

/// BH0328: package manager caches and indexes left in the layer that downloaded them.
pub fn package_cache(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Some((df, run)) = run_of(target) else {
        return vec![];
    };
    if !in_image(df, run.ins) {
        return vec![];
    }
    let mut hits = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for cmd in &run.cmds {
        let Some(i) = shell::install(cmd).filter(|i| !simulated(i)) else {
            continue;
        };
        if seen.contains(&i.manager) {
            continue;
        }
        let prog = i
            .words
            .first()
            .map_or("", |w| w.text.rsplit('/').next().unwrap_or(""));
        let (left, fix) = match i.manager {
            "apt-get" if matches!(prog, "apt-get" | "apt") => {
                // Only the layer that downloaded the lists can remove them.
                let updated = run.cmds.iter().any(|c| is_apt_update(c));
                let cleaned = run.mentions("/var/lib/apt/lists")
                    || run.cmds.iter().any(|c| {
                        program(c).is_some_and(|(p, w)| {
                            matches!(p, "apt-get" | "apt")
                                && verb(&w[1..], APT_OPTS).is_some_and(|v| v.text == "dist-clean")
                        })
                    })
                    || run.cache_mount(&["/var/lib/apt"]);
                if !updated || cleaned {
                    continue;
                }
                ("the apt package lists", "rm -rf /var/lib/apt/lists/*")
            }
            "apk" => {
                let no_cache = i.options.iter().any(|o| o.text == "--no-cache");
                if no_cache
                    || run.mentions("/var/cache/apk")
                    || run.mentions("/etc/apk/cache")
                    || run.cmds.iter().any(|c| {
                        program(c).is_some_and(|(p, w)| {
                            p == "apk" && w.get(1).is_some_and(|v| v.text == "cache")
                        })
                    })
                {
                    continue;
                }
                ("the apk package index", "apk add --no-cache")
            }
            "yum" | "dnf" | "microdnf" | "tdnf" => {
                let cleaned = run.cmds.iter().any(|c| {
                    program(c).is_some_and(|(p, w)| {
                        matches!(p, "yum" | "dnf" | "microdnf" | "tdnf")
                            && verb(&w[1..], &["--setopt"]).is_some_and(|v| v.text == "clean")
                    })
                }) || run.mentions("/var/cache/yum")
                    || run.mentions("/var/cache/dnf")
                    || run.mentions("/var/cache/tdnf")
                    || run.cache_mount(&["/var/cache/yum", "/var/cache/dnf", "/var/cache/tdnf"]);
                if cleaned {
                    continue;
                }
                (
                    "the package metadata cache",
                    "yum clean all / dnf clean all",
                )
            }
            "zypper" => {
                let cleaned = run.cmds.iter().any(|c| {
                    program(c).is_some_and(|(p, w)| {
                        p == "zypper"
                            && w.iter()
                                .skip(1)
                                .any(|v| matches!(v.text.as_str(), "clean" | "cc"))
                    })
                }) || run.mentions("/var/cache/zypp");
                if cleaned {
                    continue;
                }
                ("the zypper cache", "zypper clean --all")
            }
            _ => continue,
        };
        seen.push(i.manager);
        hits.push(Hit::at(
            0,
            first_word_span(&i),
            format!(
                "`{prog}` leaves {left} in the image layer: clean up in the same RUN (`{fix}`)"
            ),
        ));
    }
    hits
}

/// A package removal: the names it removes, and whether it removes automatically
/// installed packages or names packages through variables.
struct Removal {
    names: Vec<String>,
    auto: bool,
    variable: bool,
}

fn removal(cmd: &[ShellWord]) -> Option<Removal> {
    let (p, w) = program(cmd)?;
    let args = &w[1..];
    let is_removal = match p {
        "apt-get" | "apt" | "aptitude" => verb(args, APT_OPTS)
            .is_some_and(|v| matches!(v.text.as_str(), "remove" | "purge" | "autoremove")),
        "apk" => verb(args, &["-t", "--virtual"]).is_some_and(|v| v.text == "del"),
        "yum" | "dnf" | "microdnf" | "tdnf" | "zypper" => verb(args, &[])
            .is_some_and(|v| matches!(v.text.as_str(), "remove" | "erase" | "autoremove" | "rm")),
        _ => false,
    };
    if !is_removal {
        return None;
    }
    let names: Vec<String> = args
        .iter()
        .filter(|a| !a.text.starts_with('-'))
        .skip(1)
        .map(|a| shell::package_name(&a.text).to_string())
        .collect();
    Some(Removal {
        auto: args
            .iter()
            .any(|a| a.text == "--auto-remove" || a.text == "autoremove"),
        variable: names.iter().any(|n| n.contains('$')),
        names,
    })
}

/// The value of `--virtual NAME` / `-t NAME` / `--virtual=NAME` of an apk install.
fn apk_virtual(i: &shell::Install<'_>) -> Option<String> {
    let mut it = i.words.iter();
    while let Some(w) = it.next() {
        if let Some(v) = w.text.strip_prefix("--virtual=") {
            return Some(v.to_string());
        }
        if w.text == "--virtual" || w.text == "-t" {
            return it.next().map(|v| v.text.clone());
        }
    }
    None
}

/// BH0333: compilers and build tools installed into the final image.
pub fn build_toolchain(
    target: &Target<'_>,
    params: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Target::DockerStage(df, stage, _) = target else {
        return vec![];
    };
    let tools = param_strings(params, "packages");
    let chain = image_stages(df);
    if chain.first() != Some(&stage.index) {
        return vec![];
    }
    // RUNs of the image in build order.
    let runs: Vec<Run<'_>> = df
        .instructions
        .iter()
        .filter(|i| {
            matches!(i.kind, InstructionKind::Run { .. })
                && i.stage.is_some_and(|s| chain.contains(&s))
        })
        .map(|i| Run::new(df, i))
        .collect();
    // `apt-mark auto` (directly or through `xargs`) followed by an automatic removal.
    let apt_mark_auto = runs.iter().flat_map(|r| &r.cmds).any(|c| {
        c.windows(2)
            .any(|w| w[0].text.ends_with("apt-mark") && w[1].text == "auto")
    });
    // The removals of every RUN (by RUN), found once and only when a
    // toolchain package is installed.
    let mut removals: Option<Vec<(usize, Removal)>> = None;
    let mut hits = Vec::new();
    for (ri, run) in runs.iter().enumerate() {
        for cmd in &run.cmds {
            let Some(inst) = shell::install(cmd) else {
                continue;
            };
            if inst.manager == "pip" {
                continue;
            }
            let virt = apk_virtual(&inst);
            for p in &inst.packages {
                let name = shell::package_name(&p.text);
                if !tools.iter().any(|t| t == name) {
                    continue;
                }
                let removals = removals.get_or_insert_with(|| {
                    runs.iter()
                        .enumerate()
                        .flat_map(|(k, r)| {
                            r.cmds
                                .iter()
                                .filter_map(|c| removal(c))
                                .map(move |x| (k, x))
                        })
                        .collect()
                });
                // Removed by this RUN or a later one.
                let removed = removals.iter().filter(|(k, _)| *k >= ri).any(|(k, r)| {
                    r.names
                        .iter()
                        .any(|n| n == name || virt.as_deref() == Some(n))
                        || (*k == ri && r.variable)
                        || (r.auto && apt_mark_auto)
                });
                if removed {
                    continue;
                }
                hits.push(Hit::at(
                    0,
                    p.span,
                    format!(
                        "`{name}` is installed into the final image: build in an earlier stage and copy only the artifacts"
                    ),
                ));
            }
        }
    }
    hits
}

/// BH0329: `sudo` in a RUN command.
pub fn sudo(target: &Target<'_>, _: &BTreeMap<String, Json>, _: &UnitCtx<'_>) -> Vec<Hit> {
    let Some((_, run)) = run_of(target) else {
        return vec![];
    };
    let mut hits = Vec::new();
    for cmd in &run.cmds {
        for w in *cmd {
            let t = w.text.as_str();
            let assignment = t.split_once('=').is_some_and(|(k, _)| {
                !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            });
            if assignment || matches!(t, "env" | "exec" | "nohup" | "time" | "command") {
                continue;
            }
            if t == "sudo" || t.ends_with("/sudo") {
                hits.push(Hit::at(
                    0,
                    w.span,
                    "RUN uses `sudo`: build steps that need root should run before a `USER` switch instead".to_string(),
                ));
            }
            break;
        }
    }
    hits
}

/// Whether a numeric or symbolic mode makes files writable by every user
/// (the sticky bit, as on `/tmp`, is accepted).
fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let digits: Vec<u8> = mode.bytes().map(|b| b - b'0').collect();
        if digits.len() < 3 || digits.len() > 4 {
            return false;
        }
        let others = digits[digits.len() - 1];
        let sticky = digits.len() == 4 && digits[0] & 1 == 1;
        return others & 2 == 2 && !sticky;
    }
    mode.split(',').any(|clause| {
        let who_end = clause
            .find(|c: char| !matches!(c, 'u' | 'g' | 'o' | 'a'))
            .unwrap_or(clause.len());
        let who = &clause[..who_end];
        let rest = &clause[who_end..];
        (who.contains('o') || who.contains('a'))
            && rest.starts_with(['+', '='])
            && rest[1..].contains('w')
            && !rest.contains('t')
    })
}

/// BH0334: `chmod`, `mkdir -m` or `install -m` with a world-writable mode.
pub fn world_writable_mode(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((_, run)) = run_of(target) else {
        return vec![];
    };
    let mut hits = Vec::new();
    for cmd in &run.cmds {
        let Some((p, words)) = program(cmd) else {
            continue;
        };
        let args = &words[1..];
        let mode = match p {
            "chmod" => args
                .iter()
                .find(|a| {
                    let t = a.text.as_str();
                    let option = t.starts_with("--")
                        || (t.len() > 1
                            && t.starts_with('-')
                            && t[1..].bytes().all(|b| b"Rcfvh".contains(&b)));
                    !option
                })
                .map(|a| (a, a.text.as_str())),
            "mkdir" | "install" => args.iter().enumerate().find_map(|(k, a)| {
                if a.text == "-m" || a.text == "--mode" {
                    args.get(k + 1).map(|v| (v, v.text.as_str()))
                } else if let Some(m) = a.text.strip_prefix("--mode=") {
                    Some((a, m))
                } else if a.text.len() > 2 && a.text.starts_with("-m") {
                    Some((a, &a.text[2..]))
                } else {
                    None
                }
            }),
            _ => None,
        };
        let Some((m, text)) = mode else { continue };
        // Paths the same RUN deletes again (a temporary build folder) never reach the image.
        let targets: Vec<&ShellWord> = args
            .iter()
            .skip_while(|a| !std::ptr::eq(*a, m))
            .skip(1)
            .filter(|a| !a.text.starts_with('-'))
            .collect();
        // Device nodes such as /dev/null are world-writable by design.
        let devices = !targets.is_empty() && targets.iter().all(|t| t.text.starts_with("/dev/"));
        let removed = devices
            || !targets.is_empty()
                && targets.iter().all(|t| {
                    run.cmds.iter().any(|c| {
                        program(c)
                            .is_some_and(|(p, w)| p == "rm" && w.iter().any(|x| x.text == t.text))
                    })
                });
        if world_writable(text) && !removed {
            hits.push(Hit::at(
                0,
                m.span,
                format!("`{p}` sets the world-writable mode `{text}`: any user in the container can change these files"),
            ));
        }
    }
    hits
}

/// Whether the command before `next` pipes its output into it: only `|`
/// separates them in the file (line continuations and comment lines aside).
fn piped(file: &str, prev: &[ShellWord], next: &[ShellWord]) -> bool {
    let (Some(a), Some(b)) = (prev.last(), next.first()) else {
        return false;
    };
    let Some(gap) = file.get(a.span.end as usize..b.span.start as usize) else {
        return false;
    };
    let mut sep = String::new();
    for line in gap.split('\n') {
        let t = line.trim();
        if t.starts_with('#') {
            continue;
        }
        sep.push_str(t.trim_end_matches(['\\', '`']));
    }
    let sep = sep.trim();
    matches!(sep, "|" | "|&")
}

/// Whether an interpreter invocation runs the program it reads on standard
/// input (`sh`, `bash -s`, `python3 -`), rather than a script file or a
/// `-c`/`-e` program that treats the input as data.
fn runs_stdin(program: &str, args: &[ShellWord]) -> bool {
    // Single-letter options that take the program from the command line.
    let inline: &[char] = match program {
        "sh" | "bash" | "zsh" | "dash" | "ash" | "ksh" | "fish" => &['c'],
        "python" | "python2" | "python3" => &['c', 'm'],
        "perl" | "ruby" => &['e', 'E', 'n', 'p'],
        "node" => &['e', 'p'],
        "php" => &['r', 'R', 'F', 'B', 'E'],
        _ => return false,
    };
    for a in args {
        let t = a.text.as_str();
        if t == "-" || t == "-s" || t == "--" {
            return true;
        }
        if let Some(long) = t.strip_prefix("--") {
            if matches!(long, "eval" | "print" | "command") {
                return false;
            }
            continue;
        }
        if let Some(short) = t.strip_prefix('-') {
            if short.contains('s') && inline == ['c'] {
                return true;
            }
            if short.chars().any(|c| inline.contains(&c)) {
                return false;
            }
            continue;
        }
        // A script file: the piped input is its data.
        return false;
    }
    true
}

const SHELLS: &[&str] = &[
    "sh", "bash", "zsh", "dash", "ash", "ksh", "fish", "python", "python2", "python3", "perl",
    "ruby", "node", "php",
];

fn is_download(cmd: &[ShellWord]) -> bool {
    program(cmd).is_some_and(|(p, _)| matches!(p, "curl" | "wget"))
}

/// BH0332: a download piped straight into a shell or interpreter.
pub fn download_piped_to_shell(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((_, run)) = run_of(target) else {
        return vec![];
    };
    let text = unit.files.first().map_or("", |f| &f.text);
    let mut hits = Vec::new();
    // Commands joined by pipes, tracked as "the pipeline so far downloads".
    let mut downloading = false;
    for (k, cmd) in run.cmds.iter().enumerate() {
        let piped_in = k > 0 && piped(text, run.cmds[k - 1], cmd);
        if !piped_in {
            downloading = false;
        }
        let Some((p, words)) = program(cmd) else {
            continue;
        };
        let p = p.to_string();
        let is_shell = SHELLS.contains(&p.as_str());
        if piped_in && downloading && is_shell && runs_stdin(&p, &words[1..]) {
            hits.push(Hit::at(
                0,
                words[0].span,
                format!("a download is piped into `{p}` and run without any integrity check"),
            ));
        }
        // `bash <(curl ...)` and `sh -c "$(curl ...)"`.
        if is_shell {
            if let Some(w) = words.iter().skip(1).find(|w| {
                ["<(curl", "<(wget", "$(curl", "$(wget", "`curl", "`wget"]
                    .iter()
                    .any(|s| w.text.contains(s))
            }) {
                hits.push(Hit::at(
                    0,
                    w.span,
                    format!(
                        "`{p}` runs a script straight from a download without any integrity check"
                    ),
                ));
            }
        }
        downloading = (downloading && piped_in) || is_download(cmd);
    }
    hits
}

/// Flags whose next word is a secret value.
const SECRET_FLAGS: &[&str] = &[
    "--password",
    "--passwd",
    "--pass",
    "--token",
    "--api-key",
    "--apikey",
    "--secret",
    "--client-secret",
    "--access-key",
    "--secret-key",
    "--auth-token",
    "--access-token",
    "--private-token",
];

static AUTH_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(authorization\s*:\s*(?:bearer|basic|token)\s+|(?:x-api-key|private-token|x-auth-token|x-vault-token)\s*:\s*)(\S+)\s*$")
        .expect("static regex")
});

static URL_CREDENTIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z][A-Za-z0-9+.\-]*://([^/\s:@]+):([^/\s@]+)@").expect("static regex")
});

/// A value written in the script rather than expanded at build time.
fn literal(v: &str) -> bool {
    !v.contains('$') && !v.contains('`') && !secrets::is_placeholder(v)
}

fn assignment(t: &str) -> Option<(&str, &str)> {
    let (k, v) = t.split_once('=')?;
    (!k.is_empty()
        && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !k.as_bytes()[0].is_ascii_digit())
    .then_some((k, v))
}

/// Secrets written in one command: (word, reason).
fn command_secrets(cmd: &[ShellWord]) -> Vec<(&ShellWord, String)> {
    let mut out = Vec::new();
    let prog = program(cmd).map_or("", |(p, _)| p);
    let mut k = 0;
    while let Some(w) = cmd.get(k) {
        k += 1;
        let t = w.text.as_str();
        if let Some(kind) = secrets::known_format(t) {
            out.push((w, format!("a value matches the {kind} format")));
            continue;
        }
        if let Some((name, value)) = assignment(t) {
            if secrets::is_secret_name(name) && literal(value) {
                out.push((w, format!("`{name}` is assigned a literal value")));
            }
            continue;
        }
        if let Some(flag) = t.strip_prefix("--") {
            if let Some((name, value)) = flag.split_once('=') {
                if secrets::is_secret_name(&name.replace('-', "_")) && literal(value) {
                    out.push((w, format!("`--{name}` is given a literal value")));
                }
                continue;
            }
        }
        if SECRET_FLAGS.contains(&t) {
            if let Some(v) = cmd.get(k).filter(|v| !v.text.starts_with('-')) {
                if literal(&v.text) {
                    out.push((v, format!("`{t}` is given a literal value")));
                }
                k += 1;
            }
            continue;
        }
        if matches!(
            prog,
            "mysql" | "mysqladmin" | "mysqldump" | "mysqlimport" | "mysqlshow" | "mariadb"
        ) && t.len() > 2
            && t.starts_with("-p")
            && literal(&t[2..])
        {
            out.push((
                w,
                "the MySQL password option `-p` is given a literal value".into(),
            ));
            continue;
        }
        if matches!(prog, "curl") && (t == "-u" || t == "--user") {
            if let Some(v) = cmd.get(k) {
                if v.text.split_once(':').is_some_and(|(_, p)| literal(p)) {
                    out.push((v, format!("`curl {t}` is given a literal password")));
                }
                k += 1;
            }
            continue;
        }
        if let Some(c) = AUTH_HEADER.captures(t) {
            if literal(&c[2]) {
                out.push((w, "an HTTP header carries a literal credential".into()));
            }
            continue;
        }
        if let Some(c) = URL_CREDENTIALS.captures(t) {
            if literal(&c[2]) {
                out.push((w, "a URL embeds a literal password".into()));
            }
        }
    }
    out
}

/// BH0414: passwords, tokens and keys written into RUN commands.
pub fn secret_in_run(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    unit: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((_, run)) = run_of(target) else {
        return vec![];
    };
    let text = unit.files.first().map_or("", |f| &f.text);
    let mut hits = Vec::new();
    for (k, cmd) in run.cmds.iter().enumerate() {
        for (w, why) in command_secrets(cmd) {
            hits.push(Hit {
                file: 0,
                span: w.span,
                message: Some(format!(
                    "RUN writes a secret into the Dockerfile and the image history: {why}"
                )),
                evidence: Some(secrets::digest(&w.text)),
                ..Hit::default()
            });
        }
        // `echo 'user:password' | chpasswd`
        if let Some((p, _)) = program(cmd) {
            if p == "chpasswd" && k > 0 && piped(text, run.cmds[k - 1], cmd) {
                let prev = &run.cmds[k - 1];
                if program(prev).is_some_and(|(e, _)| matches!(e, "echo" | "printf")) {
                    for w in prev.iter().skip(1) {
                        if w.text
                            .split_once(':')
                            .is_some_and(|(u, pw)| !u.is_empty() && literal(pw.trim()))
                        {
                            hits.push(Hit {
                                file: 0,
                                span: w.span,
                                message: Some(
                                    "RUN sets a literal account password with `chpasswd`".into(),
                                ),
                                evidence: Some(secrets::digest(&w.text)),
                                ..Hit::default()
                            });
                        }
                    }
                }
            }
        }
    }
    hits
}

/// Environment variables that switch off certificate verification: (name, values
/// that disable it; empty = any non-empty value).
const INSECURE_ENV: &[(&str, &[&str])] = &[
    ("NODE_TLS_REJECT_UNAUTHORIZED", &["0"]),
    ("PYTHONHTTPSVERIFY", &["0"]),
    ("GIT_SSL_NO_VERIFY", &[]),
    ("NPM_CONFIG_STRICT_SSL", &["false", "0"]),
    ("npm_config_strict_ssl", &["false", "0"]),
    ("YARN_STRICT_SSL", &["false", "0"]),
    ("PIP_TRUSTED_HOST", &[]),
    ("GOINSECURE", &[]),
    ("CURL_INSECURE", &["1", "true"]),
];

/// Why `name=value` disables TLS verification, if it does.
pub(super) fn insecure_env(name: &str, value: &str) -> Option<String> {
    let v = value.trim().trim_matches(['"', '\'']);
    let (n, values) = INSECURE_ENV.iter().find(|(n, _)| *n == name)?;
    let bad = if values.is_empty() {
        !v.is_empty()
    } else {
        values.iter().any(|x| x.eq_ignore_ascii_case(v))
    };
    bad.then(|| format!("`{n}={v}` turns off TLS certificate verification"))
}

/// Why a command turns off TLS certificate verification, and the word that does.
fn insecure_command(cmd: &[ShellWord]) -> Option<(&ShellWord, String)> {
    for w in cmd {
        if let Some((k, v)) = assignment(&w.text) {
            if let Some(why) = insecure_env(k, v) {
                return Some((w, why));
            }
        }
    }
    let (p, words) = program(cmd)?;
    let args = &words[1..];
    let lower = |w: &ShellWord| w.text.to_ascii_lowercase();
    match p {
        "curl" => args
            .iter()
            .find(|w| {
                w.text == "--insecure"
                    || (w.text.starts_with('-')
                        && !w.text.starts_with("--")
                        && w.text.len() > 1
                        && w.text[1..].bytes().all(|b| b.is_ascii_alphabetic())
                        && w.text[1..].contains('k'))
            })
            .map(|w| (w, "`curl` skips certificate verification".to_string())),
        "wget" => args
            .iter()
            .find(|w| w.text == "--no-check-certificate")
            .map(|w| {
                (
                    w,
                    "`wget --no-check-certificate` skips certificate verification".to_string(),
                )
            }),
        "pip" | "pip3" | "python" | "python3" | "uv" => args
            .iter()
            .find(|w| w.text == "--trusted-host" || w.text.starts_with("--trusted-host="))
            .map(|w| {
                (
                    w,
                    "`pip --trusted-host` skips certificate verification".to_string(),
                )
            }),
        "git" => args
            .iter()
            .enumerate()
            .find(|(k, w)| {
                let t = lower(w);
                t == "http.sslverify=false"
                    || (t == "http.sslverify"
                        && args.get(k + 1).is_some_and(|v| lower(v) == "false"))
            })
            .map(|(_, w)| {
                (
                    w,
                    "`git` is configured with `http.sslVerify false`".to_string(),
                )
            }),
        "npm" | "yarn" | "pnpm" => args
            .iter()
            .enumerate()
            .find(|(k, w)| {
                let t = lower(w);
                t == "--strict-ssl=false"
                    || t == "strict-ssl=false"
                    || ((t == "strict-ssl" || t == "--strict-ssl" || t == "strict_ssl")
                        && args.get(k + 1).is_some_and(|v| lower(v) == "false"))
            })
            .map(|(_, w)| (w, format!("`{p}` is configured with `strict-ssl false`"))),
        "composer" => args
            .iter()
            .enumerate()
            .find(|(k, w)| {
                w.text == "secure-http" && args.get(k + 1).is_some_and(|v| lower(v) == "false")
            })
            .map(|(_, w)| {
                (
                    w,
                    "`composer` is configured with `secure-http false`".to_string(),
                )
            }),
        _ => cmd
            .iter()
            .find(|w| {
                let t = lower(w);
                t.contains("acquire::https::verify-peer") && t.contains("false")
                    || t.contains("acquire::https::verify-host") && t.contains("false")
            })
            .map(|w| {
                (
                    w,
                    "apt is configured not to verify HTTPS certificates".to_string(),
                )
            }),
    }
}

/// BH0512: TLS certificate verification turned off in the build or the runtime
/// environment (Dockerfile RUN and ENV, Kubernetes container env).
pub fn tls_verification_disabled(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    match target {
        Target::DockerInstruction(df, ins, _) => match &ins.kind {
            InstructionKind::Run { .. } => instruction_scripts(df, ins)
                .iter()
                .filter_map(|c| insecure_command(c))
                .map(|(w, why)| Hit::at(0, w.span, why))
                .collect(),
            InstructionKind::Pairs(pairs) if ins.keyword == "ENV" => pairs
                .iter()
                .filter_map(|p| {
                    let v = p.value.as_ref()?;
                    let why = insecure_env(&p.key.text, &v.text)?;
                    Some(Hit::at(0, p.key.span.cover(v.span), why))
                })
                .collect(),
            _ => vec![],
        },
        Target::K8sContainer(obj, c) => c
            .node
            .get("env")
            .map(|env| {
                env.items()
                    .iter()
                    .filter_map(|e| {
                        let name = e.get("name")?.as_str()?;
                        let value = e.get("value")?;
                        let why = insecure_env(name, &value.scalar_text()?)?;
                        Some(Hit::at(
                            obj.root.file,
                            value.span,
                            format!("container `{}`: {why}", c.name),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => vec![],
    }
}

static GPGCHECK_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[^_a-z]|\\n)gpgcheck\s*=\s*(0|false|no)\b").expect("static regex")
});

/// Why a command installs packages without verifying their signatures.
fn unsigned_packages(cmd: &[ShellWord]) -> Option<(&ShellWord, String)> {
    let (p, words) = program(cmd)?;
    let flags: &[&str] = match p {
        "apt-get" | "apt" | "aptitude" => &[
            "--allow-unauthenticated",
            "--force-yes",
            "--allow-insecure-repositories",
        ],
        "apk" => &["--allow-untrusted"],
        "yum" | "dnf" | "microdnf" | "tdnf" | "rpm" => &["--nogpgcheck", "--nosignature"],
        "zypper" => &["--no-gpg-checks"],
        _ => &[],
    };
    // Package files built earlier in the same build (local paths) carry no repository signature.
    let local_only = shell::install(cmd).is_some_and(|i| {
        !i.packages.is_empty()
            && i.packages
                .iter()
                .all(|pk| pk.text.starts_with('/') || pk.text.starts_with("./"))
    });
    if let Some(w) = words
        .iter()
        .find(|w| flags.contains(&w.text.as_str()))
        .filter(|_| !local_only)
    {
        return Some((
            w,
            format!("`{p} {}` skips package signature verification", w.text),
        ));
    }
    words.iter().find_map(|w| {
        let t = &w.text;
        // A local `file:` repository of packages built in the same RUN has no signature to check.
        if (t.contains("[trusted=yes]") || t.contains(" trusted=yes")) && !t.contains("file:") {
            Some((
                w,
                "an apt source is marked `trusted=yes`, so its packages are not verified"
                    .to_string(),
            ))
        } else if t.contains("AllowUnauthenticated") && (t.contains("true") || t.contains("\"1\""))
        {
            Some((
                w,
                "apt is configured to allow unauthenticated packages".to_string(),
            ))
        } else if GPGCHECK_OFF.is_match(t) {
            Some((
                w,
                "a package repository is configured with `gpgcheck=0`".to_string(),
            ))
        } else {
            None
        }
    })
}

/// BH0338: package signature verification turned off.
pub fn package_signature_disabled(
    target: &Target<'_>,
    _: &BTreeMap<String, Json>,
    _: &UnitCtx<'_>,
) -> Vec<Hit> {
    let Some((_, run)) = run_of(target) else {
        return vec![];
    };
    run.cmds
        .iter()
        .filter_map(|c| unsigned_packages(c))
        .map(|(w, why)| Hit::at(0, w.span, why))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        for m in [
            "777", "0777", "666", "o+w", "a+rwx", "ugo=rwx", "u+x,o+w", "2777",
        ] {
            assert!(world_writable(m), "{m}");
        }
        for m in [
            "755", "1777", "0644", "+w", "u+w", "g+w", "o-w", "a+rx", "+t", "7",
        ] {
            assert!(!world_writable(m), "{m}");
        }
    }

    #[test]
    fn secrets_in_commands() {
        let find = |s: &str| {
            shell::commands(s, 0, '\\')
                .iter()
                .map(|c| command_secrets(c).len())
                .sum::<usize>()
        };
        assert_eq!(find("mysql -uroot -pS3cretPw -e 'select 1'"), 1);
        assert_eq!(find("mysql -uroot -p$MYSQL_PASSWORD"), 0);
        assert_eq!(
            find("curl -H 'Authorization: Bearer abcdef123456' https://x"),
            1
        );
        assert_eq!(
            find("curl -H \"Authorization: Bearer $TOKEN\" https://x"),
            0
        );
        assert_eq!(find("git clone https://bob:hunter22@example.com/r.git"), 1);
        assert_eq!(find("docker login --password-stdin"), 0);
        assert_eq!(find("tool --password=Passw0rd! --user bob"), 1);
        assert_eq!(find("export DB_PASSWORD=Passw0rd!"), 1);
        assert_eq!(find("export DB_PASSWORD_FILE=/run/secrets/db"), 0);
        assert_eq!(find("gpg --recv-keys \"$GPG_KEY\""), 0);
    }
}
