//! Dockerfile parsing (via `parse-dockerfile`) into the owned model of
//! [`crate::model::dockerfile`].

use std::collections::HashMap;

use parse_dockerfile as pd;

use crate::model::dockerfile::{
    CommandForm, Dockerfile, Flag, ImageRef, Instruction, InstructionKind, Pair, Stage, Word,
};
use crate::source::Span;

/// A Dockerfile syntax error.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct DockerfileError {
    /// The parser's message.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Parse a Dockerfile.
///
/// # Errors
/// The first syntax error, with its line and column.
pub fn parse(text: &str) -> Result<Dockerfile, DockerfileError> {
    let df = pd::parse(text).map_err(|e| DockerfileError {
        message: first_line(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    let escape = df
        .parser_directives
        .escape
        .as_ref()
        .map_or('\\', |d| d.value.value);
    let mut instructions = Vec::with_capacity(df.instructions.len());
    let mut stages: Vec<Stage> = Vec::new();
    let mut global_args: HashMap<String, String> = HashMap::new();
    for ins in &df.instructions {
        let converted = convert(text, ins, escape);
        if let InstructionKind::From { image, alias } = &converted.kind {
            if let Some(last) = stages.last_mut() {
                last.end = instructions.len();
            }
            let resolved = substitute(&image.text, &global_args);
            let base_is_stage = stages.iter().any(|s| {
                s.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&resolved))
            });
            stages.push(Stage {
                index: stages.len(),
                name: alias.as_ref().map(|a| a.text.clone()),
                from: instructions.len(),
                end: instructions.len() + 1,
                image: ImageRef::parse(&resolved),
                base_is_stage,
            });
        } else if stages.is_empty() {
            if let InstructionKind::Pairs(pairs) = &converted.kind {
                for p in pairs {
                    if let Some(v) = &p.value {
                        global_args.insert(p.key.text.clone(), v.text.clone());
                    }
                }
            }
        }
        let mut converted = converted;
        converted.stage = stages.len().checked_sub(1);
        instructions.push(converted);
    }
    if let Some(last) = stages.last_mut() {
        last.end = instructions.len();
    }
    Ok(Dockerfile {
        instructions,
        stages,
        escape,
    })
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

/// Replace `$VAR`, `${VAR}` and `${VAR:-default}` with known build arguments.
#[must_use]
pub fn substitute(text: &str, vars: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(inner) = after.strip_prefix('{') {
            if let Some(close) = inner.find('}') {
                let expr = &inner[..close];
                let (name, default) = match expr.split_once(":-") {
                    Some((n, d)) => (n, Some(d)),
                    None => (expr, None),
                };
                match vars.get(name).map(String::as_str).or(default) {
                    Some(v) => out.push_str(v),
                    None => out.push_str(&rest[i..i + 2 + close + 1]),
                }
                rest = &inner[close + 1..];
                continue;
            }
        } else {
            let len = after
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if len > 0 {
                let name = &after[..len];
                match vars.get(name) {
                    Some(v) => out.push_str(v),
                    None => out.push_str(&rest[i..=i + len]),
                }
                rest = &after[len..];
                continue;
            }
        }
        out.push('$');
        rest = after;
    }
    out.push_str(rest);
    out
}

fn word(s: &pd::UnescapedString<'_>) -> Word {
    Word {
        text: s.value.to_string(),
        span: Span::from(s.span.clone()),
    }
}

fn flags(f: &[pd::Flag<'_>]) -> Vec<Flag> {
    f.iter()
        .map(|f| Flag {
            name: f.name.value.to_string(),
            value: f.value.as_ref().map(word),
            span: Span::from(f.span()),
        })
        .collect()
}

fn command(c: &pd::Command<'_>) -> CommandForm {
    match c {
        pd::Command::Exec(words) => CommandForm::Exec(words.value.iter().map(word).collect()),
        pd::Command::Shell(s) => CommandForm::Shell(Word {
            text: s.value.to_string(),
            span: Span::from(s.span.clone()),
        }),
        _ => CommandForm::Exec(vec![]),
    }
}

fn command_span(c: &CommandForm) -> Span {
    match c {
        CommandForm::Shell(w) => w.span,
        CommandForm::Exec(ws) => ws
            .iter()
            .map(|w| w.span)
            .reduce(Span::cover)
            .unwrap_or_default(),
    }
}

fn convert(text: &str, ins: &pd::Instruction<'_>, escape: char) -> Instruction {
    use pd::Instruction as I;
    let (keyword, kw, fl, kind): (&'static str, &pd::Keyword, Vec<Flag>, InstructionKind) =
        match ins {
            I::From(f) => (
                "FROM",
                &f.from,
                flags(&f.options),
                InstructionKind::From {
                    image: word(&f.image),
                    alias: f.as_.as_ref().map(|(_, n)| word(n)),
                },
            ),
            I::Run(r) => (
                "RUN",
                &r.run,
                flags(&r.options),
                InstructionKind::Run {
                    command: command(&r.arguments),
                    heredocs: r
                        .here_docs
                        .iter()
                        .map(|h| Word {
                            text: h.value.to_string(),
                            span: Span::from(h.span.clone()),
                        })
                        .collect(),
                },
            ),
            I::Cmd(c) => (
                "CMD",
                &c.cmd,
                vec![],
                InstructionKind::Cmd(command(&c.arguments)),
            ),
            I::Entrypoint(c) => (
                "ENTRYPOINT",
                &c.entrypoint,
                vec![],
                InstructionKind::Entrypoint(command(&c.arguments)),
            ),
            I::Env(e) => (
                "ENV",
                &e.env,
                vec![],
                InstructionKind::Pairs(pairs(text, &e.arguments, escape, true)),
            ),
            I::Arg(a) => (
                "ARG",
                &a.arg,
                vec![],
                InstructionKind::Pairs(pairs(text, &a.arguments, escape, false)),
            ),
            I::Label(l) => (
                "LABEL",
                &l.label,
                vec![],
                InstructionKind::Pairs(pairs(text, &l.arguments, escape, true)),
            ),
            I::User(u) => (
                "USER",
                &u.user,
                vec![],
                InstructionKind::User(word(&u.arguments)),
            ),
            I::Copy(c) => (
                "COPY",
                &c.copy,
                flags(&c.options),
                InstructionKind::Copy {
                    sources: c.src.iter().map(source).collect(),
                    dest: word(&c.dest),
                },
            ),
            I::Add(c) => (
                "ADD",
                &c.add,
                flags(&c.options),
                InstructionKind::Copy {
                    sources: c.src.iter().map(source).collect(),
                    dest: word(&c.dest),
                },
            ),
            I::Expose(e) => (
                "EXPOSE",
                &e.expose,
                vec![],
                InstructionKind::Expose(e.arguments.iter().map(word).collect()),
            ),
            I::Workdir(w) => (
                "WORKDIR",
                &w.workdir,
                vec![],
                InstructionKind::Workdir(word(&w.arguments)),
            ),
            I::Healthcheck(h) => (
                "HEALTHCHECK",
                &h.healthcheck,
                flags(&h.options),
                InstructionKind::Healthcheck(match &h.arguments {
                    pd::HealthcheckArguments::Cmd { arguments, .. } => Some(command(arguments)),
                    _ => None,
                }),
            ),
            I::Shell(s) => (
                "SHELL",
                &s.shell,
                vec![],
                InstructionKind::Words(s.arguments.iter().map(word).collect()),
            ),
            I::Volume(v) => (
                "VOLUME",
                &v.volume,
                vec![],
                InstructionKind::Words(match &v.arguments {
                    pd::JsonOrStringArray::Json(a) => a.value.iter().map(word).collect(),
                    pd::JsonOrStringArray::String(a) => a.iter().map(word).collect(),
                }),
            ),
            I::Stopsignal(s) => (
                "STOPSIGNAL",
                &s.stopsignal,
                vec![],
                InstructionKind::Text(word(&s.arguments)),
            ),
            I::Maintainer(m) => (
                "MAINTAINER",
                &m.maintainer,
                vec![],
                InstructionKind::Text(word(&m.name)),
            ),
            I::Onbuild(o) => (
                "ONBUILD",
                &o.onbuild,
                vec![],
                InstructionKind::Onbuild(Box::new(convert(text, &o.instruction, escape))),
            ),
            // The parser's instruction list is non-exhaustive; a future
            // instruction has no arguments we know how to read.
            _ => {
                return Instruction {
                    keyword: "UNKNOWN",
                    keyword_span: Span::default(),
                    span: Span::default(),
                    stage: None,
                    flags: vec![],
                    kind: InstructionKind::Words(vec![]),
                    commands: std::sync::OnceLock::new(),
                };
            }
        };
    let keyword_span = Span::from(kw.span.clone());
    let end = match &kind {
        InstructionKind::From { image, alias } => alias.as_ref().map_or(image.span, |a| a.span),
        InstructionKind::Run { command, heredocs } => heredocs
            .iter()
            .map(|h| h.span)
            .fold(command_span(command), Span::cover),
        InstructionKind::Cmd(c) | InstructionKind::Entrypoint(c) => command_span(c),
        InstructionKind::Healthcheck(c) => c.as_ref().map_or(keyword_span, command_span),
        InstructionKind::Pairs(p) => p
            .iter()
            .map(|p| {
                p.value
                    .as_ref()
                    .map_or(p.key.span, |v| p.key.span.cover(v.span))
            })
            .reduce(Span::cover)
            .unwrap_or(keyword_span),
        InstructionKind::User(w)
        | InstructionKind::Workdir(w)
        | InstructionKind::Text(w)
        | InstructionKind::Copy { dest: w, .. } => w.span,
        InstructionKind::Expose(ws) | InstructionKind::Words(ws) => ws
            .iter()
            .map(|w| w.span)
            .reduce(Span::cover)
            .unwrap_or(keyword_span),
        InstructionKind::Onbuild(inner) => inner.span,
    };
    Instruction {
        keyword,
        keyword_span,
        span: keyword_span.cover(end),
        stage: None,
        flags: fl,
        kind,
        commands: std::sync::OnceLock::new(),
    }
}

fn source(s: &pd::Source<'_>) -> Word {
    match s {
        pd::Source::Path(p) => word(p),
        pd::Source::HereDoc(h) => Word {
            text: h.value.to_string(),
            span: Span::from(h.span.clone()),
        },
        _ => Word {
            text: String::new(),
            span: Span::default(),
        },
    }
}

/// Split the arguments of ENV/ARG/LABEL into key/value pairs with exact spans.
/// `legacy` allows the old `ENV key value with spaces` form.
fn pairs(text: &str, args: &pd::UnescapedString<'_>, escape: char, legacy: bool) -> Vec<Pair> {
    let base = args.span.start;
    let raw = text.get(args.span.clone()).unwrap_or("");
    let tokens = tokenize(raw, escape);
    let Some(first) = tokens.first() else {
        return vec![];
    };
    if legacy && !first.text.contains('=') {
        let key = Word {
            text: first.text.clone(),
            span: Span::new(base + first.start, base + first.end),
        };
        let value = tokens.get(1).map(|second| {
            let start = second.start;
            let end = tokens.last().map_or(second.end, |t| t.end);
            Word {
                text: args
                    .value
                    .get(first.end.min(args.value.len())..)
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                span: Span::new(base + start, base + end),
            }
        });
        return vec![Pair { key, value }];
    }
    tokens
        .iter()
        .map(|t| match t.text.split_once('=') {
            Some((k, v)) => {
                let eq = t.raw_eq.unwrap_or(t.start + k.len());
                Pair {
                    key: Word {
                        text: k.to_string(),
                        span: Span::new(base + t.start, base + eq),
                    },
                    value: Some(Word {
                        text: v.to_string(),
                        span: Span::new(base + eq + 1, base + t.end),
                    }),
                }
            }
            None => Pair {
                key: Word {
                    text: t.text.clone(),
                    span: Span::new(base + t.start, base + t.end),
                },
                value: None,
            },
        })
        .collect()
}

struct Token {
    text: String,
    start: usize,
    end: usize,
    /// Raw offset of the first unquoted `=`.
    raw_eq: Option<usize>,
}

/// Split on unquoted whitespace, removing quotes and escapes (line continuations count as space).
fn tokenize(raw: &str, escape: char) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur: Option<Token> = None;
    let mut quote: Option<char> = None;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == escape && quote != Some('\'') {
            if let Some(&(j, n)) = chars.peek() {
                chars.next();
                if n == '\n' || n == '\r' {
                    if n == '\r' && chars.peek().is_some_and(|&(_, x)| x == '\n') {
                        chars.next();
                    }
                    if quote.is_none() {
                        if let Some(t) = cur.take() {
                            out.push(t);
                        }
                    }
                    continue;
                }
                let t = cur.get_or_insert_with(|| Token {
                    text: String::new(),
                    start: i,
                    end: i,
                    raw_eq: None,
                });
                t.text.push(n);
                t.end = j + n.len_utf8();
                continue;
            }
        }
        match (quote, c) {
            (None, c) if c.is_whitespace() => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                let t = cur.get_or_insert_with(|| Token {
                    text: String::new(),
                    start: i,
                    end: i,
                    raw_eq: None,
                });
                t.end = i + 1;
            }
            (Some(q), c) if c == q => {
                quote = None;
                if let Some(t) = cur.as_mut() {
                    t.end = i + 1;
                }
            }
            _ => {
                let t = cur.get_or_insert_with(|| Token {
                    text: String::new(),
                    start: i,
                    end: i,
                    raw_eq: None,
                });
                if c == '=' && quote.is_none() && t.raw_eq.is_none() {
                    t.raw_eq = Some(i);
                }
                t.text.push(c);
                t.end = i + c.len_utf8();
            }
        }
    }
    if let Some(t) = cur.take() {
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_pairs_and_spans() {
        let text = "ARG BASE=alpine:3.20\nFROM ${BASE} AS build\nENV A=1 B=\"two words\"\nLABEL team=core\nFROM build\nUSER app\n";
        let df = parse(text).unwrap();
        assert_eq!(df.stages.len(), 2);
        assert_eq!(df.stages[0].image.repository, "alpine");
        assert_eq!(df.stages[0].image.tag.as_deref(), Some("3.20"));
        assert!(df.stages[1].base_is_stage);
        let InstructionKind::Pairs(p) = &df.instructions[2].kind else {
            panic!("ENV expected")
        };
        assert_eq!(p[1].key.text, "B");
        assert_eq!(p[1].value.as_ref().unwrap().text, "two words");
        let v = p[1].value.as_ref().unwrap().span;
        assert_eq!(&text[v.range()], "\"two words\"");
        assert_eq!(&text[p[0].key.span.range()], "A");
        assert_eq!(df.instructions[5].stage, Some(1));
    }

    #[test]
    fn legacy_env_form() {
        let text = "FROM x\nENV PATH /usr/local/bin:$PATH\n";
        let df = parse(text).unwrap();
        let InstructionKind::Pairs(p) = &df.instructions[1].kind else {
            panic!()
        };
        assert_eq!(p[0].key.text, "PATH");
        assert_eq!(p[0].value.as_ref().unwrap().text, "/usr/local/bin:$PATH");
    }

    #[test]
    fn heredocs_and_escape_directive() {
        let text = "# escape=`\nFROM x\nRUN <<EOF\napt-get install -y openssh-server\nEOF\nRUN echo a `\n  b\n";
        let df = parse(text).unwrap();
        assert_eq!(df.escape, '`');
        let InstructionKind::Run { heredocs, .. } = &df.instructions[1].kind else {
            panic!()
        };
        assert!(heredocs[0].text.contains("openssh-server"));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("FROM x\nCMDX y\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
