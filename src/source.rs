//! Source files: reading them under a size cap, byte spans, the line index
//! that turns spans into lines and columns, and the excerpts of files that
//! findings keep once their unit is checked.

mod excerpt;

pub use excerpt::CONTEXT_LINES;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file read under a size cap ([`read_capped`]).
#[derive(Debug)]
pub enum Capped {
    /// Its bytes.
    Bytes(Vec<u8>),
    /// It is larger than the cap: its size when opened, or `None` when it
    /// grew past the cap while it was read.
    TooLarge(Option<u64>),
}

/// Read a file of at most `max` bytes. Its size comes from the open file
/// (one system call, and never stale), and no more than the cap is read even
/// from a file that grows meanwhile.
///
/// # Errors
/// Opening or reading the file.
pub fn read_capped(path: &Path, max: u64) -> std::io::Result<Capped> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > max {
        return Ok(Capped::TooLarge(Some(size)));
    }
    // One byte more than the size: the read that finds the end needs no growth.
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |n| n.saturating_add(1)));
    (&file)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Ok(Capped::TooLarge(None));
    }
    Ok(Capped::Bytes(bytes))
}

/// A file's text, if it is readable, no larger than `max` bytes ([`read_capped`])
/// and valid UTF-8.
#[must_use]
pub fn read_text_capped(path: &Path, max: u64) -> Option<String> {
    match read_capped(path, max).ok()? {
        Capped::Bytes(bytes) => String::from_utf8(bytes).ok(),
        Capped::TooLarge(_) => None,
    }
}

/// A half-open byte range `[start, end)` inside one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes). Values beyond `u32::MAX` saturate.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    /// Span covering both `self` and `other`.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Byte range usable to slice the source text.
    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column (column counted in Unicode code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number in code points, starting at 1.
    pub column: u32,
}

/// What kind of infrastructure source a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// `*.tf`
    Terraform,
    /// `*.tf.json`
    TerraformJson,
    /// `*.tfvars`
    Tfvars,
    /// `*.tfvars.json`
    TfvarsJson,
    /// `terragrunt.hcl` and other `*.hcl` files
    Hcl,
    /// YAML that may hold Kubernetes objects
    Yaml,
    /// JSON that may hold Kubernetes objects
    Json,
    /// `kustomization.yaml`
    Kustomization,
    /// Helm `values*.yaml` (environment evidence only)
    HelmValues,
    /// Dockerfile or Containerfile
    Dockerfile,
}

impl FileKind {
    /// A Terraform module file (`.tf` or `.tf.json`), as opposed to variable
    /// files and the other formats.
    #[must_use]
    pub fn is_terraform(self) -> bool {
        matches!(self, FileKind::Terraform | FileKind::TerraformJson)
    }

    /// The format family used in SARIF tags and reports.
    #[must_use]
    pub fn format(self) -> &'static str {
        match self {
            FileKind::Terraform
            | FileKind::TerraformJson
            | FileKind::Tfvars
            | FileKind::TfvarsJson
            | FileKind::Hcl => "terraform",
            FileKind::Yaml | FileKind::Json | FileKind::Kustomization | FileKind::HelmValues => {
                "kubernetes"
            }
            FileKind::Dockerfile => "dockerfile",
        }
    }
}

/// Whether `haystack` holds `needle`: a SIMD search (memchr's `memmem`),
/// several times faster than `str::contains` over whole files.
#[must_use]
pub fn contains(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// One source file: its repository-relative path, its text and a line index.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the repository root, with forward slashes.
    pub path: String,
    /// Path on disk.
    pub disk_path: PathBuf,
    /// The classification made during discovery.
    pub kind: FileKind,
    /// The whole text of the file (a file read from disk keeps the buffer it
    /// was read into); empty in an excerpt ([`SourceFile::excerpt`]), whose
    /// text is read through the methods.
    pub text: Box<str>,
    /// Where each line starts, built when a position is first asked for:
    /// most files of a scan never report one.
    line_starts: std::sync::OnceLock<Vec<u32>>,
    /// Whether the text mentions an inline suppression, once searched.
    mentions_suppression: std::sync::OnceLock<bool>,
    /// In an excerpt, the kept lines.
    excerpt: Option<Box<excerpt::Excerpt>>,
}

impl SourceFile {
    /// Build a source file (its line index is built when first needed).
    #[must_use]
    pub fn new(
        path: String,
        disk_path: PathBuf,
        kind: FileKind,
        text: impl Into<Box<str>>,
    ) -> Self {
        SourceFile {
            path,
            disk_path,
            kind,
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            mentions_suppression: std::sync::OnceLock::new(),
            excerpt: None,
        }
    }

    /// The same file cut down to the lines `spans` cover and
    /// [`CONTEXT_LINES`] around them, at their offsets: what the reports read
    /// of a file once its unit is checked. Every line, column, line text,
    /// slice and snippet context asked about those spans is the whole file's;
    /// about other places, the methods answer for the nearest kept text.
    ///
    /// `None` (keep the file whole) for a file that may hold suppressions
    /// (the suppression pass reads its whole text), for an excerpt, and when
    /// the cut would keep half of the text or more.
    #[must_use]
    pub fn excerpt(&self, spans: impl IntoIterator<Item = Span>) -> Option<SourceFile> {
        if self.excerpt.is_some() || self.mentions_suppression() {
            return None;
        }
        // 1-based lines of a span's ends (its columns are not needed).
        let line = |offset: u32| {
            let i = self.line_index((offset as usize).min(self.text.len()));
            u32::try_from(i + 1).unwrap_or(u32::MAX)
        };
        let ranges = spans
            .into_iter()
            .map(|s| (line(s.start), line(s.end.max(s.start))));
        let cut = excerpt::Excerpt::cut(&self.text, self.line_starts(), ranges)?;
        Some(SourceFile {
            path: self.path.clone(),
            disk_path: self.disk_path.clone(),
            kind: self.kind,
            text: Box::default(),
            line_starts: std::sync::OnceLock::new(),
            mentions_suppression: std::sync::OnceLock::from(false),
            excerpt: Some(Box::new(cut)),
        })
    }

    /// Whether this is an excerpt ([`SourceFile::excerpt`]).
    #[must_use]
    pub fn is_excerpt(&self) -> bool {
        self.excerpt.is_some()
    }

    /// Length of the whole file in bytes (an excerpt's too: spans are
    /// checked against it, not against the kept text).
    #[must_use]
    pub fn len(&self) -> usize {
        self.excerpt.as_ref().map_or(self.text.len(), |e| e.len())
    }

    /// Whether the file is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stretch of text that holds `offset`: its offset in the file, the
    /// number of its first line and the text. The whole text for a whole
    /// file; in an excerpt, the kept lines around `offset` (`None` if it is
    /// not kept).
    #[must_use]
    pub fn text_at(&self, offset: u32) -> Option<(u32, u32, &str)> {
        match &self.excerpt {
            Some(e) => e.text_at(offset),
            None => Some((0, 1, &self.text)),
        }
    }

    /// Whether the text may hold inline suppressions
    /// ([`crate::suppress::mentions`]), searched once per file: the scan
    /// searches every file it reads, and the suppression pass asks again
    /// about the files of the findings, among them the largest of a scan.
    #[must_use]
    pub fn mentions_suppression(&self) -> bool {
        *self
            .mentions_suppression
            .get_or_init(|| crate::suppress::mentions(&self.text))
    }

    /// The offsets where lines start.
    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            // Counted first: the index stays as long as the file, and growing
            // it by doubling took up to twice its size (a bundle of
            // megabytes has tens of thousands of lines).
            let lines = memchr::memchr_iter(b'\n', self.text.as_bytes()).count() + 1;
            let mut starts = Vec::with_capacity(lines);
            starts.push(0u32);
            starts.extend(
                memchr::memchr_iter(b'\n', self.text.as_bytes())
                    .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            );
            starts
        })
    }

    /// Number of lines in the file.
    #[must_use]
    pub fn line_count(&self) -> usize {
        if let Some(e) = &self.excerpt {
            return e.line_count();
        }
        self.line_starts().len()
    }

    /// Byte offset where 1-based `line` starts (clamped to the file).
    #[must_use]
    pub fn line_start(&self, line: u32) -> usize {
        if let Some(e) = &self.excerpt {
            return e.line_start(line);
        }
        let idx = (line.max(1) - 1) as usize;
        self.line_starts()
            .get(idx)
            .map_or(self.text.len(), |&s| s as usize)
    }

    /// Text of 1-based `line` without its line terminator.
    #[must_use]
    pub fn line_text(&self, line: u32) -> &str {
        if let Some(e) = &self.excerpt {
            return e.line_text(line);
        }
        let start = self.line_start(line);
        let end = self.line_start(line + 1).min(self.text.len());
        let s = self.text.get(start..end).unwrap_or("");
        s.trim_end_matches(['\n', '\r'])
    }

    /// Convert a byte offset to a 1-based line and code-point column.
    #[must_use]
    pub fn line_col(&self, offset: u32) -> LineCol {
        if let Some(e) = &self.excerpt {
            return e.line_col(offset);
        }
        let offset = (offset as usize).min(self.text.len());
        let line_idx = self.line_index(offset);
        let start = self.line_starts().get(line_idx).map_or(0, |&s| s as usize);
        let mut end = offset;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text.get(start..end).map_or(0, |s| s.chars().count()) + 1;
        LineCol {
            line: u32::try_from(line_idx + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// 0-based index of the line holding `offset` (at most the text's
    /// length) in a whole file.
    fn line_index(&self, offset: usize) -> usize {
        match self
            .line_starts()
            .binary_search(&u32::try_from(offset).unwrap_or(u32::MAX))
        {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Convert a 1-based line and 0-based code-point column to a byte offset.
    #[must_use]
    pub fn offset_of(&self, line: usize, col_chars: usize) -> usize {
        let start = self.line_start(u32::try_from(line).unwrap_or(u32::MAX));
        let Some((base, _, text)) = self.text_at(u32::try_from(start).unwrap_or(u32::MAX)) else {
            return start;
        };
        let rest = text.get(start - base as usize..).unwrap_or("");
        rest.char_indices()
            .nth(col_chars)
            .map_or(base as usize + text.len(), |(i, _)| start + i)
    }

    /// The source text covered by `span` (empty if the span is out of range).
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        if let Some(e) = &self.excerpt {
            return e.slice(span.start, span.end).unwrap_or("");
        }
        self.text.get(span.range()).unwrap_or("")
    }

    /// A line/column region for a span: start inclusive, end exclusive.
    #[must_use]
    pub fn region(&self, span: Span) -> (LineCol, LineCol) {
        let start = self.line_col(span.start);
        let mut end = self.line_col(span.end.max(span.start));
        if span.end <= span.start {
            end = LineCol {
                line: start.line,
                column: start.column + 1,
            };
        }
        (start, end)
    }
}

/// Everything reported refers to files through this shared handle.
pub type SourceRef = Arc<SourceFile>;

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a".into(), "a".into(), FileKind::Yaml, text)
    }

    #[test]
    fn read_capped_reads_up_to_the_cap_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        for (text, cap) in [("", 0), ("abc", 3), ("abc", 100)] {
            std::fs::write(&path, text).unwrap();
            match read_capped(&path, cap).unwrap() {
                Capped::Bytes(b) => assert_eq!(b, text.as_bytes()),
                other => panic!("{text:?} under {cap}: {other:?}"),
            }
        }
        std::fs::write(&path, "abcd").unwrap();
        assert!(matches!(
            read_capped(&path, 3),
            Ok(Capped::TooLarge(Some(4)))
        ));
        assert!(read_capped(&dir.path().join("missing"), 3).is_err());
        assert!(
            read_capped(dir.path(), 1 << 20).is_err(),
            "a folder is not read"
        );
    }

    #[test]
    fn line_col_counts_code_points() {
        let f = file("ab\nçd: x\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'd' is after the two-byte 'ç'
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_text(2), "çd: x");
        assert_eq!(f.offset_of(2, 1), 5);
    }

    /// A text with Windows and Unix line breaks, multi-byte characters, an
    /// empty line and no final line break.
    fn mixed_text() -> String {
        let mut t = String::new();
        for i in 1..=60 {
            let line = match i % 5 {
                0 => String::new(),
                1 => format!("key{i}: \"ç{}é\"", "z".repeat(i % 11)),
                _ => format!("  - item {i} 😀 {}", "a".repeat(i % 13)),
            };
            t.push_str(&line);
            t.push_str(if i % 3 == 0 { "\r\n" } else { "\n" });
        }
        t.push_str("last: line");
        t
    }

    #[test]
    fn an_excerpt_answers_as_the_whole_file_about_its_spans() {
        let whole = file(&mixed_text());
        let at = |line: usize, col: usize| u32::try_from(whole.offset_of(line, col)).unwrap();
        let end = u32::try_from(whole.text.len()).unwrap();
        let spans = [
            Span {
                start: at(1, 0),
                end: at(1, 3),
            },
            Span {
                start: at(12, 2),
                end: at(12, 9),
            },
            Span {
                start: at(13, 0),
                end: at(13, 4),
            },
            Span {
                start: at(30, 1),
                end: at(33, 0),
            },
            Span {
                start: at(45, 3),
                end: at(45, 3),
            },
            Span {
                start: at(61, 2),
                end,
            },
        ];
        let cut = whole.excerpt(spans).expect("most of the file is left out");
        assert!(cut.is_excerpt() && !whole.is_excerpt());
        assert!(cut.text.is_empty());
        assert_eq!(cut.len(), whole.len());
        let kept = cut.excerpt.as_ref().unwrap().kept();
        assert!(
            kept * 3 < whole.text.len(),
            "kept {kept} of {}",
            whole.text.len()
        );
        assert_eq!(cut.line_count(), whole.line_count());
        for span in spans {
            assert_eq!(cut.region(span), whole.region(span), "{span:?}");
            assert_eq!(cut.slice(span), whole.slice(span), "{span:?}");
            let (first, last) = (
                whole.line_col(span.start).line,
                whole.line_col(span.end).line,
            );
            let lines = first.saturating_sub(CONTEXT_LINES).max(1)
                ..=(last + CONTEXT_LINES).min(u32::try_from(whole.line_count()).unwrap());
            for line in lines {
                assert_eq!(cut.line_text(line), whole.line_text(line), "line {line}");
                assert_eq!(cut.line_start(line), whole.line_start(line), "line {line}");
                let starts = whole.line_start(line);
                let ends = whole.line_start(line + 1);
                for offset in starts..=ends {
                    let o = u32::try_from(offset).unwrap();
                    assert_eq!(cut.line_col(o), whole.line_col(o), "offset {offset}");
                }
                for col in 0..whole.line_text(line).chars().count() {
                    let l = line as usize;
                    assert_eq!(
                        cut.offset_of(l, col),
                        whole.offset_of(l, col),
                        "{line}:{col}"
                    );
                }
            }
            let (base, line, text) = cut.text_at(span.start).unwrap();
            assert_eq!(&whole.text[base as usize..base as usize + text.len()], text);
            assert_eq!(whole.line_col(base), LineCol { line, column: 1 });
        }
        // Elsewhere: answers without panicking, from the nearest kept text.
        for offset in (0..=end + 3).step_by(7) {
            let lc = cut.line_col(offset);
            assert!(lc.line >= 1 && lc.line as usize <= whole.line_count());
            let _ = cut.slice(Span {
                start: offset,
                end: offset + 40,
            });
            let _ = cut.text_at(offset);
        }
        for line in 0..=70 {
            let _ = (
                cut.line_text(line),
                cut.line_start(line),
                cut.offset_of(line as usize, 3),
            );
        }
    }

    #[test]
    fn files_that_gain_little_or_may_hold_suppressions_stay_whole() {
        let whole = file(&mixed_text());
        let all = Span::new(0, whole.text.len());
        assert!(whole.excerpt([all]).is_none(), "the span covers the file");
        let cut = whole.excerpt([Span::new(0, 1)]).unwrap();
        assert!(cut.excerpt([Span::new(0, 1)]).is_none(), "already cut");
        assert!(!cut.mentions_suppression());
        let suppressed = file(&format!("{}\n# bulkhead:ignore BH0001\n", mixed_text()));
        assert!(suppressed.mentions_suppression());
        assert!(suppressed.excerpt([Span::new(0, 1)]).is_none());
        assert!(
            whole
                .excerpt([])
                .is_some_and(|e| e.line_count() == whole.line_count())
        );
    }

    #[test]
    fn offsets_past_end_are_clamped() {
        let f = file("x");
        assert_eq!(f.line_col(99), LineCol { line: 1, column: 2 });
        assert_eq!(f.slice(Span::new(5, 9)), "");
    }
}
