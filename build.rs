//! Embeds every check definition under `checks/` into the binary, prepared:
//! each YAML definition is turned into the JSON value the catalogue would
//! build from it at start-up (the YAML of 200-odd checks took most of the
//! start-up of a scan). The conversion follows the YAML loader's rules (plain
//! scalars resolve with the same code, `src/parse/yaml_scalar.rs`) for what
//! check definitions use: one document of mappings with string keys,
//! sequences, scalars, anchors and aliases. Anything else stops the build
//! with the file's name; a catalogue test holds every prepared check equal
//! to the one the loader makes from the YAML.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value};

#[path = "src/parse/yaml_scalar.rs"]
#[allow(dead_code)]
mod yaml_scalar;

use yaml_scalar::Plain;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// A mapping or sequence being built, with the anchor of its start.
enum Open {
    Seq(Vec<Value>, usize),
    Map(Map<String, Value>, Option<String>, usize),
}

/// The first document of a check definition as JSON text.
fn prepare(file: &str, text: &str) -> String {
    let fail = |what: &str| -> ! { panic!("{file}: {what} (not supported in check definitions)") };
    let mut open: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Value> = HashMap::new();
    let mut root: Option<Value> = None;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.unwrap_or_else(|e| panic!("{file}: {e}"));
        let (value, anchor) = match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::Alias(id) => match anchors.get(&id) {
                Some(v) => (v.clone(), 0),
                None => fail("an alias to an unknown anchor"),
            },
            Event::Scalar(text, style, anchor, tag) => {
                if tag.is_some() {
                    fail("a tag");
                }
                let value = if style == ScalarStyle::Plain {
                    match yaml_scalar::resolve(&text) {
                        Plain::Null => Value::Null,
                        Plain::Bool(b) => Value::Bool(b),
                        Plain::Number(n) => Number::from_f64(n).map_or(Value::Null, Value::Number),
                        Plain::Str(s) => Value::String(s.to_string()),
                    }
                } else {
                    Value::String(text.into_owned())
                };
                (value, anchor)
            }
            Event::SequenceStart(anchor, _) => {
                open.push(Open::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                open.push(Open::Map(Map::new(), None, anchor));
                continue;
            }
            Event::SequenceEnd => match open.pop() {
                Some(Open::Seq(items, anchor)) => (Value::Array(items), anchor),
                _ => fail("an unbalanced sequence"),
            },
            Event::MappingEnd => match open.pop() {
                Some(Open::Map(entries, None, anchor)) => (Value::Object(entries), anchor),
                _ => fail("an unbalanced mapping"),
            },
        };
        if anchor != 0 {
            anchors.insert(anchor, value.clone());
        }
        match open.last_mut() {
            None => root = Some(value),
            Some(Open::Seq(items, _)) => items.push(value),
            Some(Open::Map(entries, key, _)) => match key.take() {
                None => {
                    *key = Some(match value {
                        Value::String(s) => s,
                        Value::Null => String::new(),
                        _ => fail("a key that is not a string"),
                    });
                }
                Some(k) if k == "<<" => fail("a merge key"),
                // A repeated key keeps its place and takes the last value,
                // as the loader's mapping does once turned into JSON.
                Some(k) => {
                    entries.insert(k, value);
                }
            },
        }
    }
    serde_json::to_string(&root.unwrap_or(Value::Null)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let checks = manifest.join("checks");
    println!("cargo:rerun-if-changed=checks");
    println!("cargo:rerun-if-changed=src/parse/yaml_scalar.rs");
    let mut files = Vec::new();
    collect(&checks, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Check definitions embedded at build time: (path, the definition as JSON).\npub static EMBEDDED_CHECKS: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&manifest)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let _ = writeln!(code, "    ({rel:?}, {:?}),", prepare(&rel, &text));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embedded_checks.rs");
    std::fs::write(out, code).expect("write embedded check list");
}
