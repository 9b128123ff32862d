//! Excerpts: what the reports need of a file once its unit is checked.
//!
//! A finding (and a cross-file fact) holds its file until the reports are
//! written: for the lines and columns of its span, the snippet of its first
//! line and, in the terminal report, the lines around it. Holding the whole
//! text held every file with a finding for the whole scan (14 MB of the
//! corpus, mostly bundles of megabytes with a few findings each, and more
//! with every file of a larger repository). An excerpt holds the lines its
//! spans cover and [`CONTEXT_LINES`] on either side, at their offsets in the
//! file, so that every position asked about those spans comes out as from
//! the whole file.

use super::LineCol;

/// Lines kept before and after each span: the context lines of the terminal
/// report.
pub const CONTEXT_LINES: u32 = 1;

/// The kept lines of a file, in runs of consecutive lines.
#[derive(Debug)]
pub(super) struct Excerpt {
    /// In file order, never touching (neighbouring runs are merged).
    runs: Vec<Run>,
    /// Length of the whole file in bytes.
    len: u32,
    /// Number of lines of the whole file (as [`super::SourceFile::line_count`]).
    lines: u32,
}

/// Consecutive lines of a file.
#[derive(Debug)]
struct Run {
    /// 1-based number of its first line.
    line: u32,
    /// Offset of its first byte in the file.
    start: u32,
    /// The lines, each with its line break (the last one of the file may
    /// have none).
    text: Box<str>,
}

impl Run {
    /// Offset in the file one past its last byte.
    fn end(&self) -> u32 {
        self.start
            .saturating_add(u32::try_from(self.text.len()).unwrap_or(u32::MAX))
    }

    /// Where its `k`-th line (0-based) starts in `text`, if it starts inside
    /// the run or right at its end.
    fn line_offset(&self, k: u32) -> Option<usize> {
        match k {
            0 => Some(0),
            k => memchr::memchr_iter(b'\n', self.text.as_bytes())
                .nth(k as usize - 1)
                .map(|i| i + 1),
        }
    }
}

impl Excerpt {
    /// Cut `text`, whose lines start at `starts`, down to the 1-based line
    /// ranges `ranges` (inclusive, any order, overlapping or not), widened by
    /// [`CONTEXT_LINES`]. `None` when that keeps at least half of the text:
    /// the whole file is then kept.
    pub(super) fn cut(
        text: &str,
        starts: &[u32],
        ranges: impl IntoIterator<Item = (u32, u32)>,
    ) -> Option<Excerpt> {
        let lines = u32::try_from(starts.len()).unwrap_or(u32::MAX);
        let mut ranges: Vec<(u32, u32)> = ranges
            .into_iter()
            .map(|(a, b)| {
                (
                    a.min(b).saturating_sub(CONTEXT_LINES).max(1),
                    a.max(b).saturating_add(CONTEXT_LINES).min(lines),
                )
            })
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        // Line `n` (1-based) starts at `starts[n - 1]`; the line after the
        // last one starts at the end of the text.
        let start_of = |n: u32| {
            starts
                .get(n as usize - 1)
                .map_or(text.len(), |&s| (s as usize).min(text.len()))
        };
        let bytes = |&(a, b): &(u32, u32)| start_of(b + 1).saturating_sub(start_of(a));
        if merged.iter().map(bytes).sum::<usize>() * 2 >= text.len() {
            return None;
        }
        let runs = merged
            .iter()
            .map(|&(a, b)| Run {
                line: a,
                start: u32::try_from(start_of(a)).unwrap_or(u32::MAX),
                text: text.get(start_of(a)..start_of(b + 1)).unwrap_or("").into(),
            })
            .collect();
        Some(Excerpt {
            runs,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            lines,
        })
    }

    /// The run holding 1-based `line` at its start or later.
    fn run_of_line(&self, line: u32) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.line <= line);
        self.runs.get(i.checked_sub(1)?)
    }

    /// The run holding `offset` (its end included: the start of the line
    /// after it).
    fn run_of_offset(&self, offset: u32) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.start <= offset);
        let r = self.runs.get(i.checked_sub(1)?)?;
        (offset <= r.end()).then_some(r)
    }

    /// Length of the whole file in bytes.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// Number of lines of the whole file.
    pub(super) fn line_count(&self) -> usize {
        self.lines as usize
    }

    /// Byte offset where 1-based `line` starts; for a line that is not kept,
    /// where the next kept line starts (or the end of the file).
    pub(super) fn line_start(&self, line: u32) -> usize {
        let line = line.max(1);
        if let Some(r) = self.run_of_line(line)
            && let Some(o) = r.line_offset(line - r.line)
        {
            return r.start as usize + o;
        }
        let next = self.runs.partition_point(|r| r.line <= line);
        self.runs
            .get(next)
            .map_or(self.len as usize, |r| r.start as usize)
    }

    /// Text of 1-based `line` without its line terminator; empty for a line
    /// that is not kept.
    pub(super) fn line_text(&self, line: u32) -> &str {
        let line = line.max(1);
        let Some(r) = self.run_of_line(line) else {
            return "";
        };
        let k = line - r.line;
        let Some(start) = r.line_offset(k) else {
            return "";
        };
        let end = r.line_offset(k + 1).unwrap_or(r.text.len());
        r.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// 1-based line and code-point column of a byte offset; for an offset
    /// that is not kept, those of the next kept byte (or of the last one).
    pub(super) fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.len);
        let Some(r) = self.run_of_offset(offset) else {
            let next = self.runs.partition_point(|r| r.start <= offset);
            return match (self.runs.get(next), self.runs.last()) {
                (Some(r), _) => LineCol {
                    line: r.line,
                    column: 1,
                },
                (None, Some(r)) => self.line_col(r.end()),
                (None, None) => LineCol { line: 1, column: 1 },
            };
        };
        let before = &r.text.as_bytes()[..(offset - r.start) as usize];
        let newlines = memchr::memchr_iter(b'\n', before).count();
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let mut end = before.len();
        while end > line_start && !r.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = r.text.get(line_start..end).map_or(0, |s| s.chars().count()) + 1;
        LineCol {
            line: r
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX)),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// The kept text from `start` to `end`, if one run holds it all.
    pub(super) fn slice(&self, start: u32, end: u32) -> Option<&str> {
        let r = self.run_of_offset(start)?;
        if end < start || end > r.end() {
            return None;
        }
        r.text
            .get((start - r.start) as usize..(end - r.start) as usize)
    }

    /// The run holding `offset`: its start, the number of its first line and
    /// its text.
    pub(super) fn text_at(&self, offset: u32) -> Option<(u32, u32, &str)> {
        let r = self.run_of_offset(offset.min(self.len))?;
        Some((r.start, r.line, &r.text))
    }

    /// Bytes kept.
    #[cfg(test)]
    pub(super) fn kept(&self) -> usize {
        self.runs.iter().map(|r| r.text.len()).sum()
    }
}
