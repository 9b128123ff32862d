//! Typed view of a Dockerfile: stages and instructions with spans.

use crate::model::{Entry, Node, Value};
use crate::source::Span;

/// A piece of text with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The (unescaped) text.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

/// A shell word with its unquoted text and source span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellWord {
    /// Text with quotes and escapes removed.
    pub text: String,
    /// Where it is in the source file.
    pub span: Span,
}

/// Shell form (a string run by the shell) or exec form (a JSON array).
#[derive(Debug, Clone)]
pub enum CommandForm {
    /// `RUN apt-get update`: the raw text, line continuations included.
    Shell(Word),
    /// `CMD ["nginx", "-g", "daemon off;"]`
    Exec(Vec<Word>),
}

/// `KEY=value` (or the legacy `KEY value`) in ENV, ARG and LABEL.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The key.
    pub key: Word,
    /// The value, absent for `ARG NAME` without a default.
    pub value: Option<Word>,
}

/// A `--name=value` option of an instruction.
#[derive(Debug, Clone)]
pub struct Flag {
    /// The option name without dashes.
    pub name: String,
    /// The value, if any.
    pub value: Option<Word>,
    /// The whole option.
    pub span: Span,
}

/// An image reference split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImageRef {
    /// Registry host, if the reference names one (`ghcr.io`, `registry:5000`).
    pub registry: Option<String>,
    /// Repository path (`library/nginx`, `nginx`).
    pub repository: String,
    /// Tag, if given.
    pub tag: Option<String>,
    /// Digest (`sha256:...`), if given.
    pub digest: Option<String>,
}

impl ImageRef {
    /// Split an image reference such as `ghcr.io/org/app:1.2@sha256:ab...`.
    #[must_use]
    pub fn parse(reference: &str) -> ImageRef {
        let (rest, digest) = match reference.split_once('@') {
            Some((r, d)) => (r, Some(d.to_string())),
            None => (reference, None),
        };
        let (registry, path) = match rest.split_once('/') {
            Some((first, remainder))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (Some(first.to_string()), remainder)
            }
            _ => (None, rest),
        };
        let last_slash = path.rfind('/').map_or(0, |i| i + 1);
        let (repository, tag) = match path[last_slash..].rfind(':') {
            Some(i) => (
                path[..last_slash + i].to_string(),
                Some(path[last_slash + i + 1..].to_string()),
            ),
            None => (path.to_string(), None),
        };
        ImageRef {
            registry,
            repository,
            tag,
            digest,
        }
    }
}

/// What an instruction holds, by keyword.
#[derive(Debug, Clone)]
pub enum InstructionKind {
    /// `FROM image [AS name]`
    From {
        /// The image reference as written.
        image: Word,
        /// The stage name.
        alias: Option<Word>,
    },
    /// `RUN`
    Run {
        /// The command.
        command: CommandForm,
        /// Here-document bodies (`RUN <<EOF`).
        heredocs: Vec<Word>,
    },
    /// `CMD`
    Cmd(CommandForm),
    /// `ENTRYPOINT`
    Entrypoint(CommandForm),
    /// `ENV`, `ARG`, `LABEL`
    Pairs(Vec<Pair>),
    /// `USER user[:group]`
    User(Word),
    /// `COPY` and `ADD`
    Copy {
        /// Source paths or URLs (here-documents appear with their body).
        sources: Vec<Word>,
        /// Destination.
        dest: Word,
    },
    /// `EXPOSE`
    Expose(Vec<Word>),
    /// `WORKDIR`
    Workdir(Word),
    /// `HEALTHCHECK NONE` or `HEALTHCHECK CMD ...`
    Healthcheck(Option<CommandForm>),
    /// `SHELL`, `VOLUME`
    Words(Vec<Word>),
    /// `STOPSIGNAL`, `MAINTAINER`
    Text(Word),
    /// `ONBUILD <instruction>`
    Onbuild(Box<Instruction>),
}

/// One instruction.
#[derive(Debug, Clone)]
pub struct Instruction {
    /// Upper-case keyword (`RUN`).
    pub keyword: &'static str,
    /// Location of the keyword.
    pub keyword_span: Span,
    /// The whole instruction, keyword to last argument.
    pub span: Span,
    /// Index of the stage this instruction belongs to (`None` for ARGs before the first FROM).
    pub stage: Option<usize>,
    /// Options such as `--platform` or `--chown`.
    pub flags: Vec<Flag>,
    /// The arguments.
    pub kind: InstructionKind,
    /// The simple commands of a RUN, CMD or ENTRYPOINT, split on first use
    /// (several checks read them; the shell is lexed once).
    pub commands: std::sync::OnceLock<Vec<Vec<ShellWord>>>,
}

/// A build stage, from its FROM to the next.
#[derive(Debug, Clone)]
pub struct Stage {
    /// Zero-based index.
    pub index: usize,
    /// `AS name`, if given.
    pub name: Option<String>,
    /// Index of the FROM instruction in [`Dockerfile::instructions`].
    pub from: usize,
    /// One past the last instruction of the stage.
    pub end: usize,
    /// The base image split into parts (after ARG substitution where the value is known).
    pub image: ImageRef,
    /// Whether the base is an earlier stage of the same file.
    pub base_is_stage: bool,
}

/// A parsed Dockerfile.
#[derive(Debug, Clone)]
pub struct Dockerfile {
    /// All instructions, in order.
    pub instructions: Vec<Instruction>,
    /// The build stages.
    pub stages: Vec<Stage>,
    /// The escape character (`\` unless `# escape=` says otherwise).
    pub escape: char,
}

impl Dockerfile {
    /// The last stage: the image that is built unless `--target` says otherwise.
    #[must_use]
    pub fn final_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }

    /// The instructions of a stage (FROM included).
    #[must_use]
    pub fn stage_instructions(&self, stage: &Stage) -> &[Instruction] {
        self.instructions.get(stage.from..stage.end).unwrap_or(&[])
    }
}

fn word_node(w: &Word) -> Node {
    Node::new(w.span, Value::String(w.text.clone()))
}

fn entry(key: &str, span: Span, value: Node) -> Entry {
    Entry {
        key: key.to_string(),
        key_span: span,
        value,
    }
}

fn command_node(c: &CommandForm) -> Node {
    match c {
        CommandForm::Shell(w) => word_node(w),
        CommandForm::Exec(words) => {
            let span = words
                .iter()
                .map(|w| w.span)
                .reduce(Span::cover)
                .unwrap_or_default();
            Node::new(span, Value::List(words.iter().map(word_node).collect()))
        }
    }
}

impl Instruction {
    /// The model node that declarative checks see for this instruction:
    /// `keyword`, `flags` (name → value), and by kind `image` (`name`, `registry`,
    /// `repository`, `tag`, `digest`), `alias`, `command`, `pairs` (key → value),
    /// `user`, `sources`, `dest`, `ports`, `path`, `words`, `text`.
    #[must_use]
    pub fn to_node(&self) -> Node {
        let mut e = vec![entry(
            "keyword",
            self.keyword_span,
            Node::new(self.keyword_span, Value::String(self.keyword.to_string())),
        )];
        if !self.flags.is_empty() {
            let flags = self
                .flags
                .iter()
                .map(|f| {
                    let v = f
                        .value
                        .as_ref()
                        .map_or_else(|| Node::new(f.span, Value::Bool(true)), word_node);
                    entry(&f.name, f.span, v)
                })
                .collect();
            e.push(entry(
                "flags",
                self.span,
                Node::new(self.span, Value::Map(flags)),
            ));
        }
        match &self.kind {
            InstructionKind::From { image, alias } => {
                let r = ImageRef::parse(&image.text);
                let s = |v: &Option<String>| {
                    v.as_ref().map_or(Value::Null, |t| Value::String(t.clone()))
                };
                let parts = vec![
                    entry("name", image.span, word_node(image)),
                    entry(
                        "registry",
                        image.span,
                        Node::new(image.span, s(&r.registry)),
                    ),
                    entry(
                        "repository",
                        image.span,
                        Node::new(image.span, Value::String(r.repository.clone())),
                    ),
                    entry("tag", image.span, Node::new(image.span, s(&r.tag))),
                    entry("digest", image.span, Node::new(image.span, s(&r.digest))),
                ];
                e.push(entry(
                    "image",
                    image.span,
                    Node::new(image.span, Value::Map(parts)),
                ));
                if let Some(a) = alias {
                    e.push(entry("alias", a.span, word_node(a)));
                }
            }
            InstructionKind::Run { command, .. } => {
                e.push(entry("command", self.span, command_node(command)));
            }
            InstructionKind::Cmd(c) | InstructionKind::Entrypoint(c) => {
                e.push(entry("command", self.span, command_node(c)));
            }
            InstructionKind::Healthcheck(c) => {
                if let Some(c) = c {
                    e.push(entry("command", self.span, command_node(c)));
                }
            }
            InstructionKind::Pairs(pairs) => {
                let m = pairs
                    .iter()
                    .map(|p| {
                        let v = p
                            .value
                            .as_ref()
                            .map_or_else(|| Node::new(p.key.span, Value::Null), word_node);
                        entry(&p.key.text, p.key.span, v)
                    })
                    .collect();
                e.push(entry(
                    "pairs",
                    self.span,
                    Node::new(self.span, Value::Map(m)),
                ));
            }
            InstructionKind::User(w) => e.push(entry("user", w.span, word_node(w))),
            InstructionKind::Copy { sources, dest } => {
                let list = sources.iter().map(word_node).collect();
                e.push(entry(
                    "sources",
                    self.span,
                    Node::new(self.span, Value::List(list)),
                ));
                e.push(entry("dest", dest.span, word_node(dest)));
            }
            InstructionKind::Expose(ports) => {
                let list = ports.iter().map(word_node).collect();
                e.push(entry(
                    "ports",
                    self.span,
                    Node::new(self.span, Value::List(list)),
                ));
            }
            InstructionKind::Workdir(w) => e.push(entry("path", w.span, word_node(w))),
            InstructionKind::Words(words) => {
                let list = words.iter().map(word_node).collect();
                e.push(entry(
                    "words",
                    self.span,
                    Node::new(self.span, Value::List(list)),
                ));
            }
            InstructionKind::Text(w) => e.push(entry("text", w.span, word_node(w))),
            InstructionKind::Onbuild(inner) => {
                e.push(entry("instruction", inner.span, inner.to_node()));
            }
        }
        Node::new(self.span, Value::Map(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references_split() {
        let r = ImageRef::parse("ghcr.io/org/app:1.2@sha256:abc");
        assert_eq!(r.registry.as_deref(), Some("ghcr.io"));
        assert_eq!(r.repository, "org/app");
        assert_eq!(r.tag.as_deref(), Some("1.2"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        let r = ImageRef::parse("localhost:5000/app");
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(r.tag, None);
        let r = ImageRef::parse("nginx");
        assert_eq!(
            (r.registry, r.repository.as_str(), r.tag),
            (None, "nginx", None)
        );
    }
}
