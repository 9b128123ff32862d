//! A small POSIX-shell lexer for Dockerfile `RUN` commands: words with exact
//! spans, split into simple commands at `&&`, `||`, `;`, `|`, `&` and newlines,
//! and recognition of package-manager installs.

use crate::source::Span;

pub use crate::model::dockerfile::ShellWord;

/// Split a script into simple commands (lists of words).
///
/// `base` is the byte offset of `script` in its file; `escape` is the
/// Dockerfile escape character, whose line continuations join lines.
#[must_use]
pub fn commands(script: &str, base: usize, escape: char) -> Vec<Vec<ShellWord>> {
    let mut out: Vec<Vec<ShellWord>> = Vec::new();
    let mut cmd: Vec<ShellWord> = Vec::new();
    let mut word: Option<ShellWord> = None;
    let mut quote: Option<char> = None;
    let mut at_line_start = true;
    let bytes = script.as_bytes();
    let mut it = script.char_indices().peekable();
    let flush_word = |word: &mut Option<ShellWord>, cmd: &mut Vec<ShellWord>| {
        if let Some(w) = word.take() {
            cmd.push(w);
        }
    };
    while let Some((i, c)) = it.next() {
        // Comment lines inside continued RUN instructions are removed by Docker.
        if at_line_start && quote.is_none() {
            if c == ' ' || c == '\t' {
                continue;
            }
            at_line_start = false;
            if c == '#' {
                // The comment line disappears with its line break.
                for (_, n) in it.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                at_line_start = true;
                continue;
            }
        }
        if c == escape && quote != Some('\'') {
            match it.peek().copied() {
                Some((_, '\n')) => {
                    it.next();
                    flush_word(&mut word, &mut cmd);
                    at_line_start = true;
                    continue;
                }
                Some((_, '\r')) => {
                    it.next();
                    if it.peek().is_some_and(|&(_, n)| n == '\n') {
                        it.next();
                    }
                    flush_word(&mut word, &mut cmd);
                    at_line_start = true;
                    continue;
                }
                Some((j, n)) => {
                    it.next();
                    let w = word.get_or_insert_with(|| ShellWord {
                        text: String::new(),
                        span: Span::new(base + i, base + i),
                    });
                    w.text.push(n);
                    w.span.end = u32::try_from(base + j + n.len_utf8()).unwrap_or(u32::MAX);
                    continue;
                }
                None => continue,
            }
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
                if let Some(w) = word.as_mut() {
                    w.span.end = u32::try_from(base + i + 1).unwrap_or(u32::MAX);
                }
            } else if let Some(w) = word.as_mut() {
                w.text.push(c);
                w.span.end = u32::try_from(base + i + c.len_utf8()).unwrap_or(u32::MAX);
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                let w = word.get_or_insert_with(|| ShellWord {
                    text: String::new(),
                    span: Span::new(base + i, base + i),
                });
                w.span.end = u32::try_from(base + i + 1).unwrap_or(u32::MAX);
            }
            '\n' => {
                flush_word(&mut word, &mut cmd);
                if !cmd.is_empty() {
                    out.push(std::mem::take(&mut cmd));
                }
                at_line_start = true;
            }
            ';' | '&' | '|' | '(' | ')' | '{' | '}'
                if word.is_none() || matches!(c, ';' | '&' | '|') =>
            {
                flush_word(&mut word, &mut cmd);
                if !cmd.is_empty() {
                    out.push(std::mem::take(&mut cmd));
                }
                // skip the second char of && and ||
                if (c == '&' || c == '|') && bytes.get(i + 1) == Some(&(c as u8)) {
                    it.next();
                }
            }
            c if c.is_whitespace() => flush_word(&mut word, &mut cmd),
            _ => {
                let w = word.get_or_insert_with(|| ShellWord {
                    text: String::new(),
                    span: Span::new(base + i, base + i),
                });
                w.text.push(c);
                w.span.end = u32::try_from(base + i + c.len_utf8()).unwrap_or(u32::MAX);
            }
        }
    }
    flush_word(&mut word, &mut cmd);
    if !cmd.is_empty() {
        out.push(cmd);
    }
    out
}

/// The words of a command after wrappers (`sudo`, `env`, `VAR=value`, `exec`, `nohup`).
#[must_use]
pub fn strip_wrappers(cmd: &[ShellWord]) -> &[ShellWord] {
    let mut rest = cmd;
    while let Some((first, tail)) = rest.split_first() {
        let t = first.text.as_str();
        let is_assignment = t.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        if matches!(t, "sudo" | "env" | "exec" | "nohup" | "time" | "command") || is_assignment {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

/// A package installation found in a command.
#[derive(Debug, Clone)]
pub struct Install<'a> {
    /// `apt-get`, `apk`, `yum`, `dnf`, `microdnf`, `zypper`, `pip`.
    pub manager: &'static str,
    /// The package arguments.
    pub packages: Vec<&'a ShellWord>,
    /// The options given.
    pub options: Vec<&'a ShellWord>,
    /// The command words (after wrappers).
    pub words: &'a [ShellWord],
}

/// Recognise a package installation.
#[must_use]
pub fn install(cmd: &[ShellWord]) -> Option<Install<'_>> {
    let words = strip_wrappers(cmd);
    let program = words.first()?.text.rsplit('/').next()?;
    let (manager, verbs, opts_with_value): (&'static str, &[&str], &[&str]) = match program {
        "apt-get" | "apt" | "aptitude" => (
            "apt-get",
            &["install"],
            &["-o", "-t", "--target-release", "-c"],
        ),
        "apk" => (
            "apk",
            &["add"],
            &["-t", "--virtual", "-X", "--repository", "-p", "--root"],
        ),
        "yum" | "dnf" | "microdnf" | "tdnf" => (
            match program {
                "yum" => "yum",
                "dnf" => "dnf",
                "microdnf" => "microdnf",
                _ => "tdnf",
            },
            &["install"],
            &[
                "--enablerepo",
                "--disablerepo",
                "--setopt",
                "--releasever",
                "--installroot",
            ],
        ),
        "zypper" => ("zypper", &["install", "in"], &["-r", "--repo"]),
        "pip" | "pip3" => (
            "pip",
            &["install"],
            &[
                "-r",
                "-c",
                "-i",
                "--index-url",
                "--extra-index-url",
                "-t",
                "--target",
            ],
        ),
        "python" | "python3" => {
            // python -m pip install ...
            let m = words.iter().position(|w| w.text == "-m")?;
            if words.get(m + 1).is_none_or(|w| w.text != "pip") {
                return None;
            }
            return install_args(
                "pip",
                &words[m + 2..],
                &["install"],
                &["-r", "-c", "-i", "--index-url"],
            )
            .map(|mut i| {
                i.words = words;
                i
            });
        }
        _ => return None,
    };
    install_args(manager, &words[1..], verbs, opts_with_value).map(|mut i| {
        i.words = words;
        i
    })
}

fn install_args<'a>(
    manager: &'static str,
    args: &'a [ShellWord],
    verbs: &[&str],
    opts_with_value: &[&str],
) -> Option<Install<'a>> {
    let mut i = 0;
    let mut options = Vec::new();
    // options may come before the verb
    while let Some(w) = args.get(i) {
        if w.text.starts_with('-') {
            options.push(w);
            if opts_with_value.contains(&w.text.as_str()) {
                i += 1;
            }
            i += 1;
        } else {
            break;
        }
    }
    if !verbs.contains(&args.get(i)?.text.as_str()) {
        return None;
    }
    i += 1;
    let mut packages = Vec::new();
    while let Some(w) = args.get(i) {
        if w.text.starts_with('-') {
            options.push(w);
            if opts_with_value.contains(&w.text.as_str()) {
                i += 1;
            }
        } else if !w.text.is_empty() {
            packages.push(w);
        }
        i += 1;
    }
    Some(Install {
        manager,
        packages,
        options,
        words: args,
    })
}

/// A package name without its version or release pin (`openssh-server=1:9.2` → `openssh-server`).
#[must_use]
pub fn package_name(spec: &str) -> &str {
    let end = spec.find(['=', '<', '>', '~', '[']).unwrap_or(spec.len());
    spec[..end].trim_end_matches([':', '@'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_commands_and_keeps_spans() {
        let s = "apt-get update && apt-get install -y --no-install-recommends \\\n    openssh-server curl; rm -rf /x";
        let cmds = commands(s, 10, '\\');
        assert_eq!(cmds.len(), 3);
        let inst = install(&cmds[1]).unwrap();
        assert_eq!(inst.manager, "apt-get");
        let names: Vec<_> = inst.packages.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(names, ["openssh-server", "curl"]);
        let sp = inst.packages[0].span;
        assert_eq!(
            &s[sp.start as usize - 10..sp.end as usize - 10],
            "openssh-server"
        );
    }

    #[test]
    fn comments_quotes_and_wrappers() {
        let s = "set -e; \\\n# a comment && apk add sshd\n DEBIAN_FRONTEND=noninteractive sudo apk add --no-cache 'dropbear'";
        let cmds = commands(s, 0, '\\');
        let installs: Vec<_> = cmds.iter().filter_map(|c| install(c)).collect();
        assert_eq!(installs.len(), 1);
        assert_eq!(installs[0].packages[0].text, "dropbear");
        assert_eq!(package_name("openssh-server=1:9.2p1"), "openssh-server");
    }

    #[test]
    fn python_m_pip() {
        let cmds = commands("python3 -m pip install --no-cache-dir flask==3.0", 0, '\\');
        let i = install(&cmds[0]).unwrap();
        assert_eq!(i.manager, "pip");
        assert_eq!(package_name(&i.packages[0].text), "flask");
    }
}
