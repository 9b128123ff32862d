//! A streaming writer of pretty-printed JSON: byte for byte what
//! `serde_json`'s `PrettyFormatter` prints with a two-space indent, for
//! output written straight from the scan's own types rather than through
//! typed or `Value` intermediates built only to be serialised.

/// Writes one JSON value into a byte buffer, nested `depth` levels deep in
/// an enclosing document (lines after the first are indented to match).
pub struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    /// For each open object or array: whether it has a member yet.
    filled: Vec<bool>,
}

impl<'a> Pretty<'a> {
    /// A writer appending to `out`, at `depth` levels of indentation.
    pub fn new(out: &'a mut Vec<u8>, depth: usize) -> Self {
        Pretty {
            out,
            depth,
            filled: Vec::with_capacity(8),
        }
    }

    fn newline(&mut self) {
        /// Indentation for the usual depths, written in one copy.
        const SPACES: &[u8; 64] = &[b' '; 64];
        self.out.push(b'\n');
        let mut width = 2 * self.depth;
        while width > 0 {
            let n = width.min(SPACES.len());
            self.out.extend_from_slice(&SPACES[..n]);
            width -= n;
        }
    }

    /// The separator and line break before a member of the open container.
    fn member(&mut self) {
        if let Some(filled) = self.filled.last_mut() {
            if *filled {
                self.out.push(b',');
            }
            *filled = true;
        }
        self.newline();
    }

    fn open(&mut self, bracket: u8) -> &mut Self {
        self.out.push(bracket);
        self.depth += 1;
        self.filled.push(false);
        self
    }

    fn close(&mut self, bracket: u8) -> &mut Self {
        self.depth = self.depth.saturating_sub(1);
        if self.filled.pop() == Some(true) {
            self.newline();
        }
        self.out.push(bracket);
        self
    }

    /// Open an object.
    pub fn begin_object(&mut self) -> &mut Self {
        self.open(b'{')
    }

    /// Close the innermost object.
    pub fn end_object(&mut self) -> &mut Self {
        self.close(b'}')
    }

    /// Open an array.
    pub fn begin_array(&mut self) -> &mut Self {
        self.open(b'[')
    }

    /// Close the innermost array.
    pub fn end_array(&mut self) -> &mut Self {
        self.close(b']')
    }

    /// Start a member of the open object: its key; its value follows.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.member();
        self.string(key);
        self.out.extend_from_slice(b": ");
        self
    }

    /// Start an element of the open array; its value follows.
    pub fn element(&mut self) -> &mut Self {
        self.member();
        self
    }

    /// A string, escaped as `serde_json` escapes it.
    pub fn string(&mut self, s: &str) -> &mut Self {
        // Nearly every string of a report needs no escape: it is copied whole
        // (serde_json looks each byte up and writes the runs between escapes).
        if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
            // Writing into memory cannot fail.
            let _ = serde_json::to_writer(&mut *self.out, s);
        } else {
            self.out.reserve(s.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(s.as_bytes());
            self.out.push(b'"');
        }
        self
    }

    /// An integer.
    pub fn int(&mut self, n: i64) -> &mut Self {
        let mut buf = itoa::Buffer::new();
        self.out.extend_from_slice(buf.format(n).as_bytes());
        self
    }

    /// A boolean.
    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
        self
    }

    /// A member holding a string.
    pub fn field_str(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key).string(value)
    }

    /// A member holding an integer.
    pub fn field_int(&mut self, key: &str, value: i64) -> &mut Self {
        self.key(key).int(value)
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use serde_json::json;

    fn serde_pretty(v: &serde_json::Value, depth: usize) -> String {
        let text = serde_json::to_string_pretty(v).unwrap();
        text.replace('\n', &format!("\n{}", "  ".repeat(depth)))
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = (0u8..=0x7f).map(|b| format!("a{}b", b as char)).collect();
        cases.extend(
            ["", "plain", "é ü 😀", "\u{2028}\u{2029}", "/path/x", "\"\\"].map(String::from),
        );
        for s in cases {
            let mut out = Vec::new();
            Pretty::new(&mut out, 0).string(&s);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn writes_what_serde_json_prints() {
        let v = json!({
            "a": "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7f} é",
            "b": [],
            "c": {},
            "d": [1, {"e": true, "f": false}, [-3]],
            "g": {"h": {"i": []}},
        });
        // Deeper than the indentation written in one copy, too.
        for depth in [0, 4, 40] {
            let mut out = Vec::new();
            let mut j = Pretty::new(&mut out, depth);
            j.begin_object();
            j.field_str(
                "a",
                "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7f} é",
            );
            j.key("b").begin_array().end_array();
            j.key("c").begin_object().end_object();
            j.key("d").begin_array();
            j.element().int(1);
            j.element().begin_object();
            j.key("e").bool(true);
            j.key("f").bool(false);
            j.end_object();
            j.element().begin_array().element().int(-3).end_array();
            j.end_array();
            j.key("g").begin_object().key("h").begin_object();
            j.key("i").begin_array().end_array();
            j.end_object().end_object();
            j.end_object();
            assert_eq!(String::from_utf8(out).unwrap(), serde_pretty(&v, depth));
        }
    }
}
