//! Terraform's built-in function library, evaluated over model [`Node`]s.
//!
//! [`call`] applies one function to arguments that are already evaluated,
//! with Terraform's semantics. Results that pass values through (`lookup`,
//! `element`, `merge`, `concat`, `flatten`, `values`, `one`, `tolist`, ...)
//! are the original nodes, so a finding on them points where the value is
//! written; computed values (strings, numbers, new lists and maps) carry the
//! span and file of the call.
//!
//! Unknown values ([`Value::Unknown`]) propagate as Terraform propagates
//! them: a call whose result depends on an unknown fails with
//! [`CallError::Unknown`], while known structure around unknown elements is
//! kept (`length` of a list with unknown items, `merge` of maps with unknown
//! values, `lookup` of a key whose value is known, ...). An unknown carries no
//! type, so where Terraform's answer would depend on the type of an unknown
//! (an unknown element of `flatten` may be a list) the result is unknown.
//!
//! Functions that would read files, the clock or randomness are never
//! evaluated ([`CallError::Unsupported`]). Map results are ordered by key, as
//! Terraform iterates them; sets are deduplicated lists, with strings and
//! numbers in ascending order as Terraform orders them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use sha2::{Digest, Sha256, Sha512};

use crate::encoding::{base64_decode_padded as base64_decode, base64_encode};
use crate::model::{Entry, FileIdx, Node, Value, format_number};
use crate::parse::yaml::{self, YamlLimits};
use crate::source::{FileKind, SourceFile, Span};

/// Why a call has no known value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CallError {
    /// An argument (or part of it) is unknown, so the result is unknown.
    #[error("unknown: {0}")]
    Unknown(String),
    /// Terraform would reject this call (wrong types, index out of range, ...).
    #[error("{0}")]
    Invalid(String),
    /// The function is not implemented (or reads the filesystem, the clock, randomness).
    #[error("unsupported: {0}")]
    Unsupported(String),
}

type R<T> = Result<T, CallError>;

/// Deepest nesting walked by the recursive functions (`flatten`, encoders).
const MAX_DEPTH: usize = 256;
/// Largest string a function may build, in bytes.
const MAX_OUTPUT: usize = 16 << 20;
/// Widest padding accepted by `format` and `indent`; larger widths are capped.
const MAX_PAD: usize = 10_000;
/// Largest `format` precision; larger precisions are capped.
const MAX_PRECISION: usize = 1_000;
/// Terraform's limit on the length of a `range` result.
const MAX_RANGE: usize = 1024;
/// Most elements a function may build (`split`, `regexall`, `setproduct`).
const MAX_ITEMS: usize = 1_000_000;

/// Names of the implemented functions (sorted).
const IMPLEMENTED: &[&str] = &[
    "abs",
    "alltrue",
    "anytrue",
    "base64decode",
    "base64encode",
    "base64sha256",
    "base64sha512",
    "basename",
    "ceil",
    "chomp",
    "chunklist",
    "cidrhost",
    "cidrnetmask",
    "cidrsubnet",
    "cidrsubnets",
    "coalesce",
    "coalescelist",
    "compact",
    "concat",
    "contains",
    "csvdecode",
    "dirname",
    "distinct",
    "element",
    "endswith",
    "flatten",
    "floor",
    "format",
    "formatlist",
    "indent",
    "index",
    "join",
    "jsondecode",
    "jsonencode",
    "keys",
    "length",
    "log",
    "lookup",
    "lower",
    "matchkeys",
    "max",
    "md5",
    "merge",
    "min",
    "nonsensitive",
    "one",
    "parseint",
    "pow",
    "range",
    "regex",
    "regexall",
    "replace",
    "reverse",
    "sensitive",
    "setintersection",
    "setproduct",
    "setsubtract",
    "setunion",
    "sha1",
    "sha256",
    "sha512",
    "signum",
    "slice",
    "sort",
    "split",
    "startswith",
    "strcontains",
    "strrev",
    "substr",
    "sum",
    "title",
    "tobool",
    "tolist",
    "tomap",
    "tonumber",
    "toset",
    "tostring",
    "transpose",
    "trim",
    "trimprefix",
    "trimspace",
    "trimsuffix",
    "upper",
    "urlencode",
    "uuidv5",
    "values",
    "yamldecode",
    "yamlencode",
    "zipmap",
];

/// Functions that read the filesystem or the environment; never evaluated.
const FILESYSTEM: &[&str] = &[
    "abspath",
    "file",
    "filebase64",
    "filebase64sha256",
    "filebase64sha512",
    "fileexists",
    "filemd5",
    "fileset",
    "filesha1",
    "filesha256",
    "filesha512",
    "pathexpand",
    "templatefile",
];

/// Call Terraform function `name` with evaluated arguments. `span`/`file` locate the call.
///
/// `core::`-prefixed names are the built-in functions; other namespaced names
/// (`provider::aws::arn_parse`) are provider-defined and not evaluated.
///
/// # Errors
/// [`CallError::Unknown`] when the result depends on an unknown value,
/// [`CallError::Invalid`] when Terraform would reject the call, and
/// [`CallError::Unsupported`] for functions that are not evaluated here.
pub fn call(name: &str, args: &[Node], span: Span, file: FileIdx) -> Result<Node, CallError> {
    let name = name.strip_prefix("core::").unwrap_or(name);
    if name.contains("::") {
        return Err(unsupported(format!(
            "provider-defined function {name}() is not evaluated"
        )));
    }
    let cx = Cx { span, file };
    let out = dispatch(name, &cx, args)?;
    match &out.value {
        Value::Unknown(why) => Err(unknown(why)),
        _ => Ok(out),
    }
}

/// Names of the implemented functions (sorted).
#[must_use]
pub fn implemented() -> &'static [&'static str] {
    IMPLEMENTED
}

fn dispatch(name: &str, cx: &Cx, a: &[Node]) -> R<Node> {
    match name {
        // Numbers.
        "abs" => math1(cx, a, f64::abs),
        "ceil" => math1(cx, a, f64::ceil),
        "floor" => math1(cx, a, f64::floor),
        "signum" => math1(cx, a, signum),
        "log" => {
            arity(a, 2, 2)?;
            let (x, base) = (number(&a[0])?, number(&a[1])?);
            cx.number(x.ln() / base.ln())
        }
        "pow" => {
            arity(a, 2, 2)?;
            let (x, y) = (number(&a[0])?, number(&a[1])?);
            cx.number(x.powf(y))
        }
        "max" => min_max(a, true),
        "min" => min_max(a, false),
        "parseint" => parseint(cx, a),
        "range" => range(cx, a),
        "sum" => sum(cx, a),
        // Strings.
        "chomp" => str1(cx, a, |s| s.trim_end_matches(['\r', '\n']).to_owned()),
        "endswith" => str_test(cx, a, |s, t| s.ends_with(t)),
        "format" => format(cx, a),
        "formatlist" => formatlist(cx, a),
        "indent" => indent(cx, a),
        "join" => join(cx, a),
        "lower" => str1(cx, a, lower),
        "regex" => regex_call(cx, a, false),
        "regexall" => regex_call(cx, a, true),
        "replace" => replace(cx, a),
        "split" => split(cx, a),
        "startswith" => str_test(cx, a, |s, t| s.starts_with(t)),
        "strcontains" => str_test(cx, a, |s, t| s.contains(t)),
        "strrev" => str1(cx, a, |s| graphemes(s).into_iter().rev().collect()),
        "substr" => substr(cx, a),
        "title" => str1(cx, a, title),
        "trim" => str2(cx, a, |s, cut| {
            s.trim_matches(|c| cut.contains(c)).to_owned()
        }),
        "trimprefix" => str2(cx, a, |s, p| s.strip_prefix(p).unwrap_or(s).to_owned()),
        "trimspace" => str1(cx, a, |s| s.trim().to_owned()),
        "trimsuffix" => str2(cx, a, |s, p| s.strip_suffix(p).unwrap_or(s).to_owned()),
        "upper" => str1(cx, a, upper),
        // Collections.
        "alltrue" => all_any(cx, a, true),
        "anytrue" => all_any(cx, a, false),
        "chunklist" => chunklist(cx, a),
        "coalesce" => coalesce(a),
        "coalescelist" => coalescelist(a),
        "compact" => compact(cx, a),
        "concat" => concat(cx, a),
        "contains" => contains(cx, a),
        "distinct" => distinct(cx, a),
        "element" => element(a),
        "flatten" => flatten(cx, a),
        "index" => index(cx, a),
        "keys" => keys(cx, a),
        "length" => length(cx, a),
        "lookup" => lookup(a),
        "matchkeys" => matchkeys(cx, a),
        "merge" => merge(cx, a),
        "one" => one(cx, a),
        "reverse" => reverse(cx, a),
        "setintersection" => set_op(cx, a, SetOp::Intersection),
        "setproduct" => setproduct(cx, a),
        "setsubtract" => set_op(cx, a, SetOp::Subtract),
        "setunion" => set_op(cx, a, SetOp::Union),
        "slice" => slice(cx, a),
        "sort" => sort(cx, a),
        "transpose" => transpose(cx, a),
        "values" => values(cx, a),
        "zipmap" => zipmap(cx, a),
        // Type conversions. Sensitivity is not tracked, so (non)sensitive is the identity.
        "nonsensitive" | "sensitive" => {
            arity(a, 1, 1)?;
            Ok(a[0].clone())
        }
        "tobool" => tobool(a),
        "tolist" => tolist(a),
        "tomap" => tomap(a),
        "tonumber" => tonumber(a),
        "toset" => toset(a),
        "tostring" => tostring(a),
        // Encoding.
        "base64decode" => base64decode(cx, a),
        "base64encode" => str1(cx, a, |s| base64_encode(s.as_bytes())),
        "csvdecode" => csvdecode(cx, a),
        "jsondecode" => jsondecode(cx, a),
        "jsonencode" => jsonencode(cx, a),
        "urlencode" => str1(cx, a, urlencode),
        "yamldecode" => yamldecode(cx, a),
        "yamlencode" => yamlencode(cx, a),
        // Hashing.
        "base64sha256" => str1(cx, a, |s| base64_encode(&Sha256::digest(s.as_bytes()))),
        "base64sha512" => str1(cx, a, |s| base64_encode(&Sha512::digest(s.as_bytes()))),
        "md5" => str1(cx, a, |s| hex::encode(md5::Md5::digest(s.as_bytes()))),
        "sha1" => str1(cx, a, |s| hex::encode(sha1::Sha1::digest(s.as_bytes()))),
        "sha256" => str1(cx, a, |s| hex::encode(Sha256::digest(s.as_bytes()))),
        "sha512" => str1(cx, a, |s| hex::encode(Sha512::digest(s.as_bytes()))),
        "uuidv5" => uuidv5(cx, a),
        // Networks.
        "cidrhost" => cidrhost(cx, a),
        "cidrnetmask" => cidrnetmask(cx, a),
        "cidrsubnet" => cidrsubnet(cx, a),
        "cidrsubnets" => cidrsubnets(cx, a),
        // Paths: string manipulation only, the filesystem is not consulted.
        "basename" => str1(cx, a, basename),
        "dirname" => str1(cx, a, dirname),
        // Never evaluated here.
        "can" | "try" => Err(unsupported(format!(
            "{name}() is evaluated lazily by the expression evaluator"
        ))),
        "plantimestamp" | "timestamp" => Err(unsupported(format!("{name}() reads the clock"))),
        "bcrypt" | "uuid" => Err(unsupported(format!("{name}() is not deterministic"))),
        "list" | "map" => Err(invalid(format!(
            "the \"{name}\" function was deprecated in Terraform v0.12 and is no longer \
             available; use to{name}(...) syntax to write a literal {name}"
        ))),
        _ if FILESYSTEM.contains(&name) => {
            Err(unsupported(format!("{name}() reads the filesystem")))
        }
        _ => Err(unsupported(format!("function {name}() is not implemented"))),
    }
}

// ---------------------------------------------------------------------------
// Shared helpers: result nodes, errors, argument conversions.
// ---------------------------------------------------------------------------

/// The location of the call, given to the values it computes.
struct Cx {
    span: Span,
    file: FileIdx,
}

impl Cx {
    fn node(&self, value: Value) -> Node {
        Node {
            span: self.span,
            file: self.file,
            value,
        }
    }

    fn string(&self, s: impl Into<String>) -> Node {
        self.node(Value::String(s.into()))
    }

    fn boolean(&self, b: bool) -> Node {
        self.node(Value::Bool(b))
    }

    fn number(&self, n: f64) -> R<Node> {
        if n.is_nan() {
            return Err(invalid("the result is not a number"));
        }
        Ok(self.node(Value::Number(n)))
    }

    fn list(&self, items: Vec<Node>) -> Node {
        self.node(Value::List(items))
    }

    fn map(&self, entries: Vec<Entry>) -> Node {
        self.node(Value::Map(entries))
    }

    fn entry(&self, key: String, value: Node) -> Entry {
        Entry {
            key,
            key_span: self.span,
            value,
        }
    }
}

fn invalid(msg: impl Into<String>) -> CallError {
    CallError::Invalid(msg.into())
}

fn unsupported(msg: impl Into<String>) -> CallError {
    CallError::Unsupported(msg.into())
}

fn unknown(why: &str) -> CallError {
    CallError::Unknown(why.to_owned())
}

fn arity(args: &[Node], min: usize, max: usize) -> R<()> {
    if (min..=max).contains(&args.len()) {
        return Ok(());
    }
    let want = if min == max {
        min.to_string()
    } else if max == usize::MAX {
        format!("at least {min}")
    } else {
        format!("{min} to {max}")
    };
    Err(invalid(format!(
        "wrong number of arguments: expected {want}, got {}",
        args.len()
    )))
}

/// Refuse to build a string longer than [`MAX_OUTPUT`] bytes.
fn check_size(len: usize) -> R<()> {
    if len > MAX_OUTPUT {
        return Err(invalid(format!(
            "the result would be longer than {MAX_OUTPUT} bytes"
        )));
    }
    Ok(())
}

/// The reason of the first unknown value in `n`, if any.
fn unknown_in(n: &Node) -> Option<&str> {
    let mut stack = vec![n];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Unknown(why) => return Some(why),
            Value::List(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => stack.extend(entries.iter().rev().map(|e| &e.value)),
            _ => {}
        }
    }
    None
}

/// `n` itself must be known (its elements may not be).
fn known(n: &Node) -> R<&Node> {
    match &n.value {
        Value::Unknown(why) => Err(unknown(why)),
        _ => Ok(n),
    }
}

/// `n` and everything inside it must be known.
fn wholly(n: &Node) -> R<&Node> {
    match unknown_in(n) {
        Some(why) => Err(unknown(why)),
        None => Ok(n),
    }
}

/// Terraform's name for the type of a value, for messages.
fn kind(n: &Node) -> &'static str {
    match n.value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "list",
        Value::Map(_) => "map",
        Value::Unknown(_) => "unknown value",
    }
}

/// A string argument; numbers and bools convert as Terraform converts them.
fn text(n: &Node) -> R<Cow<'_, str>> {
    match &n.value {
        Value::String(s) => Ok(Cow::Borrowed(s)),
        Value::Number(x) => Ok(Cow::Owned(format_number(*x))),
        Value::Bool(b) => Ok(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Null => Err(invalid("argument must not be null")),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!(
            "string required, but received {}",
            kind(n)
        ))),
    }
}

/// Terraform's string-to-number conversion (decimal notation only).
fn parse_number(s: &str) -> Option<f64> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if !ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A number argument; numeric strings convert.
fn number(n: &Node) -> R<f64> {
    match &n.value {
        Value::Number(x) => Ok(*x),
        Value::String(s) => parse_number(s).ok_or_else(|| {
            invalid(format!(
                "cannot convert {s:?} to number; given string must be a decimal representation of a number"
            ))
        }),
        Value::Null => Err(invalid("argument must not be null")),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("number required, but received {}", kind(n)))),
    }
}

/// A whole-number argument.
fn integer(n: &Node) -> R<i64> {
    let x = number(n)?;
    if x.fract() != 0.0 || x.abs() >= 9.2e18 {
        return Err(invalid(format!(
            "{} is not a whole number between -9223372036854775808 and 9223372036854775807",
            format_number(x)
        )));
    }
    // In range and whole, so the conversion is exact.
    Ok(x as i64)
}

/// A bool argument; the strings "true"/"false" (and "1"/"0") convert.
fn boolean(n: &Node) -> R<bool> {
    match &n.value {
        Value::Bool(b) => Ok(*b),
        Value::String(s) => match s.as_str() {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(invalid(format!(
                "cannot convert {s:?} to bool; only the strings \"true\" or \"false\" are allowed"
            ))),
        },
        Value::Null => Err(invalid("argument must not be null")),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("bool required, but received {}", kind(n)))),
    }
}

/// A list (or tuple, or set) argument; its elements may be unknown.
fn list(n: &Node) -> R<&[Node]> {
    match &n.value {
        Value::List(items) => Ok(items),
        Value::Unknown(why) => Err(unknown(why)),
        Value::Null => Err(invalid("argument must not be null")),
        _ => Err(invalid(format!("list required, but received {}", kind(n)))),
    }
}

/// A map (or object) argument, as its distinct keys in order; values may be unknown.
fn map(n: &Node) -> R<Vec<&Entry>> {
    match &n.value {
        Value::Map(entries) => Ok(sorted_entries(entries)),
        Value::Unknown(why) => Err(unknown(why)),
        Value::Null => Err(invalid("argument must not be null")),
        _ => Err(invalid(format!("map required, but received {}", kind(n)))),
    }
}

/// The entries of a map ordered by key, the last one winning for a repeated key.
fn sorted_entries(entries: &[Entry]) -> Vec<&Entry> {
    let mut by_key: BTreeMap<&str, &Entry> = BTreeMap::new();
    for e in entries {
        by_key.insert(&e.key, e);
    }
    by_key.into_values().collect()
}

/// A scalar converted to a string, keeping its location (list(string) conversion).
fn stringify(n: &Node) -> R<Node> {
    match &n.value {
        Value::Number(_) | Value::Bool(_) => Ok(Node {
            span: n.span,
            file: n.file,
            value: Value::String(text(n)?.into_owned()),
        }),
        Value::String(_) | Value::Null | Value::Unknown(_) => Ok(n.clone()),
        _ => Err(invalid(format!(
            "string required, but received {}",
            kind(n)
        ))),
    }
}

/// Convert a sequence to one element type as Terraform does for a list:
/// mixed strings, numbers and bools all become strings.
fn unify(items: &[Node]) -> R<Vec<Node>> {
    let (mut s, mut n, mut b, mut l, mut m) = (false, false, false, false, false);
    for it in items {
        match it.value {
            Value::String(_) => s = true,
            Value::Number(_) => n = true,
            Value::Bool(_) => b = true,
            Value::List(_) => l = true,
            Value::Map(_) => m = true,
            Value::Null | Value::Unknown(_) => {}
        }
    }
    let scalars = usize::from(s) + usize::from(n) + usize::from(b);
    if (scalars > 0 && (l || m)) || (l && m) {
        return Err(invalid("all elements must have the same type"));
    }
    if scalars > 1 {
        items.iter().map(stringify).collect()
    } else {
        Ok(items.to_vec())
    }
}

/// Terraform's `==`: values of different types are unequal; `None` if an
/// unknown value decides the answer.
fn equal(a: &Node, b: &Node) -> Option<bool> {
    equal_at(a, b, 0)
}

fn equal_at(a: &Node, b: &Node, depth: usize) -> Option<bool> {
    if depth > MAX_DEPTH {
        return None;
    }
    match (&a.value, &b.value) {
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => None,
        (Value::Null, Value::Null) => Some(true),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Number(x), Value::Number(y)) => Some(x == y),
        (Value::String(x), Value::String(y)) => Some(x == y),
        (Value::List(x), Value::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            all_equal(x.iter().zip(y).map(|(p, q)| equal_at(p, q, depth + 1)))
        }
        (Value::Map(x), Value::Map(y)) => {
            let (x, y) = (sorted_entries(x), sorted_entries(y));
            if x.len() != y.len() || x.iter().zip(&y).any(|(p, q)| p.key != q.key) {
                return Some(false);
            }
            all_equal(
                x.iter()
                    .zip(&y)
                    .map(|(p, q)| equal_at(&p.value, &q.value, depth + 1)),
            )
        }
        _ => Some(false),
    }
}

fn all_equal(results: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unsure = false;
    for r in results {
        match r {
            Some(false) => return Some(false),
            None => unsure = true,
            Some(true) => {}
        }
    }
    if unsure { None } else { Some(true) }
}

/// A hashable identity for scalars (`None` for collections and unknowns).
fn scalar_key(n: &Node) -> Option<(u8, String)> {
    match &n.value {
        Value::Null => Some((0, String::new())),
        Value::Bool(b) => Some((1, b.to_string())),
        Value::Number(x) => {
            let x = if *x == 0.0 { 0.0 } else { *x };
            Some((2, x.to_bits().to_string()))
        }
        Value::String(s) => Some((3, s.clone())),
        _ => None,
    }
}

/// Membership tests over known values: hashed for scalars, linear otherwise.
struct Members<'a> {
    scalars: HashSet<(u8, String)>,
    others: Vec<&'a Node>,
}

impl<'a> Members<'a> {
    fn new(items: impl IntoIterator<Item = &'a Node>) -> Self {
        let mut m = Members {
            scalars: HashSet::new(),
            others: Vec::new(),
        };
        for it in items {
            m.insert(it);
        }
        m
    }

    /// Add `n`; false if an equal value was already present.
    fn insert(&mut self, n: &'a Node) -> bool {
        match scalar_key(n) {
            Some(k) => self.scalars.insert(k),
            None if self.contains(n) => false,
            None => {
                self.others.push(n);
                true
            }
        }
    }

    fn contains(&self, n: &Node) -> bool {
        match scalar_key(n) {
            Some(k) => self.scalars.contains(&k),
            None => self.others.iter().any(|o| equal(o, n) == Some(true)),
        }
    }
}

/// Drop repeated values, keeping the first of each.
fn dedupe(items: Vec<Node>) -> Vec<Node> {
    let keep: Vec<bool> = {
        let mut seen = Members::new([]);
        items.iter().map(|n| seen.insert(n)).collect()
    };
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(n, k)| k.then_some(n))
        .collect()
}

/// A Terraform set of known values: distinct, strings and numbers in ascending order.
fn make_set(items: Vec<Node>) -> Vec<Node> {
    let mut out = dedupe(items);
    if out.iter().all(|n| matches!(n.value, Value::String(_))) {
        out.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
    } else if out.iter().all(|n| matches!(n.value, Value::Number(_))) {
        out.sort_by(|x, y| num_of(x).total_cmp(&num_of(y)));
    } else if out.iter().all(|n| matches!(n.value, Value::Bool(_))) {
        out.sort_by_key(|n| matches!(n.value, Value::Bool(true)));
    }
    out
}

fn num_of(n: &Node) -> f64 {
    match n.value {
        Value::Number(x) => x,
        _ => 0.0,
    }
}

/// Round away binary noise from decimal arithmetic (`0.1 * 3` is `0.3`).
fn tidy(x: f64) -> f64 {
    if x.fract() == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{x:.14e}").parse().unwrap_or(x)
}

// ---------------------------------------------------------------------------
// Numbers.
// ---------------------------------------------------------------------------

fn math1(cx: &Cx, a: &[Node], f: fn(f64) -> f64) -> R<Node> {
    arity(a, 1, 1)?;
    cx.number(f(number(&a[0])?))
}

fn signum(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// `min`/`max` select one of their arguments, which keeps its location.
fn min_max(a: &[Node], max: bool) -> R<Node> {
    let Some(first) = a.first() else {
        return Err(invalid("must pass at least one number"));
    };
    let mut best = (first, number(first)?);
    for n in &a[1..] {
        let v = number(n)?;
        if (max && v > best.1) || (!max && v < best.1) {
            best = (n, v);
        }
    }
    Ok(Node {
        span: best.0.span,
        file: best.0.file,
        value: Value::Number(best.1),
    })
}

fn parseint(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let s = match &a[0].value {
        Value::String(s) => s.as_str(),
        Value::Unknown(why) => return Err(unknown(why)),
        _ => {
            return Err(invalid(format!(
                "first argument must be a string, not {}",
                kind(&a[0])
            )));
        }
    };
    let base = integer(&a[1])?;
    if !(2..=62).contains(&base) {
        return Err(invalid(
            "base must be a whole number between 2 and 62 inclusive",
        ));
    }
    let err = || invalid(format!("cannot parse {s:?} as a base {base} integer"));
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() {
        return Err(err());
    }
    let mut v = 0.0f64;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            'a'..='z' => u32::from(c) - u32::from('a') + 10,
            'A'..='Z' if base <= 36 => u32::from(c) - u32::from('A') + 10,
            'A'..='Z' => u32::from(c) - u32::from('A') + 36,
            _ => return Err(err()),
        };
        if i64::from(d) >= base {
            return Err(err());
        }
        v = v * base as f64 + f64::from(d);
    }
    cx.number(if neg { -v } else { v })
}

fn range(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 3)?;
    let nums = a.iter().map(number).collect::<R<Vec<f64>>>()?;
    let (start, end, step) = match nums.as_slice() {
        [e] => (0.0, *e, if *e < 0.0 { -1.0 } else { 1.0 }),
        [s, e] => (*s, *e, if e < s { -1.0 } else { 1.0 }),
        [s, e, st] => (*s, *e, *st),
        _ => return Err(invalid("must have one, two, or three arguments")),
    };
    if step == 0.0 {
        return Err(invalid("step must not be zero"));
    }
    let down = step < 0.0;
    if down && end > start {
        return Err(invalid("end must be less than start when step is negative"));
    }
    if !down && end < start {
        return Err(invalid(
            "end must be greater than start when step is positive",
        ));
    }
    let mut out = Vec::new();
    let mut i = 0.0f64;
    loop {
        let v = tidy(start + step * i);
        if v.is_nan() || (down && v <= end) || (!down && v >= end) {
            break;
        }
        if out.len() >= MAX_RANGE {
            return Err(invalid(format!(
                "more than {MAX_RANGE} values were generated; either decrease the difference \
                 between start and end or use a smaller step"
            )));
        }
        out.push(cx.number(v)?);
        i += 1.0;
    }
    Ok(cx.list(out))
}

fn sum(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let items = list(&a[0])?;
    if items.is_empty() {
        return Err(invalid("cannot sum an empty list"));
    }
    wholly(&a[0])?;
    let mut total = 0.0;
    for it in items {
        let bad = || invalid("argument must be list, set, or tuple of number values");
        if it.is_null() {
            return Err(bad());
        }
        total += number(it).map_err(|_| bad())?;
    }
    if total.is_nan() {
        return Err(invalid("can't compute sum of opposing infinities"));
    }
    cx.number(tidy(total))
}

// ---------------------------------------------------------------------------
// Strings.
// ---------------------------------------------------------------------------

fn str1(cx: &Cx, a: &[Node], f: impl Fn(&str) -> String) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    Ok(cx.string(f(&s)))
}

fn str2(cx: &Cx, a: &[Node], f: impl Fn(&str, &str) -> String) -> R<Node> {
    arity(a, 2, 2)?;
    let (s, t) = (text(&a[0])?, text(&a[1])?);
    Ok(cx.string(f(&s, &t)))
}

fn str_test(cx: &Cx, a: &[Node], f: impl Fn(&str, &str) -> bool) -> R<Node> {
    arity(a, 2, 2)?;
    let (s, t) = (text(&a[0])?, text(&a[1])?);
    Ok(cx.boolean(f(&s, &t)))
}

/// A one-character case mapping, as Go's `unicode.ToUpper`/`ToLower` (a
/// character whose mapping is several characters is left alone).
fn simple_case(c: char, mut mapped: impl Iterator<Item = char>) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) => m,
        _ => c,
    }
}

fn upper(s: &str) -> String {
    s.chars()
        .map(|c| simple_case(c, c.to_uppercase()))
        .collect()
}

fn lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\u{130}' {
                'i'
            } else {
                simple_case(c, c.to_lowercase())
            }
        })
        .collect()
}

/// Go's `strings.Title`: upper-case the first letter of each word.
fn title(s: &str) -> String {
    let separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !c.is_alphanumeric() && c.is_whitespace()
        }
    };
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if separator(prev) {
                simple_case(c, c.to_uppercase())
            } else {
                c
            };
            prev = c;
            out
        })
        .collect()
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters that extend the preceding grapheme cluster (combining marks,
/// joiners, variation selectors, emoji modifiers, tags).
fn is_extend(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF
        | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5
        | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x0900..=0x0903
        | 0x093A..=0x093C
        | 0x093E..=0x094F
        | 0x0951..=0x0957
        | 0x0962..=0x0963
        | 0x0E31
        | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF
        | 0x302A..=0x302F
        | 0x3099..=0x309A
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// The "characters" Terraform counts: an approximation of Unicode extended
/// grapheme clusters (exact for text without Hangul jamo sequences).
fn graphemes(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut regional = 0usize;
    for (i, c) in s.char_indices() {
        let join = match prev {
            None => false,
            Some(p) => {
                (p == '\r' && c == '\n')
                    || (is_extend(c) && p != '\r' && p != '\n')
                    || p == '\u{200D}'
                    || (is_regional_indicator(c) && is_regional_indicator(p) && regional % 2 == 1)
            }
        };
        if !join && i > 0 {
            out.push(s.get(start..i).unwrap_or(""));
            start = i;
            regional = 0;
        }
        if is_regional_indicator(c) {
            regional += 1;
        }
        prev = Some(c);
    }
    if start < s.len() {
        out.push(s.get(start..).unwrap_or(""));
    }
    out
}

fn indent(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let n = integer(&a[0])?;
    let s = text(&a[1])?;
    if n < 0 {
        return Err(invalid("the number of spaces must not be negative"));
    }
    let n = usize::try_from(n).unwrap_or(MAX_PAD).min(MAX_PAD);
    let lines = s.matches('\n').count();
    check_size(s.len().saturating_add(lines.saturating_mul(n)))?;
    let pad = format!("\n{}", " ".repeat(n));
    Ok(cx.string(s.replace('\n', &pad)))
}

fn join(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, usize::MAX)?;
    let sep = text(&a[0])?;
    if a.len() < 2 {
        return Err(invalid("at least one list is required"));
    }
    let mut parts: Vec<Cow<'_, str>> = Vec::new();
    for (li, l) in a[1..].iter().enumerate() {
        let items = list(l)?;
        wholly(l)?;
        for (ei, it) in items.iter().enumerate() {
            if it.is_null() {
                return Err(invalid(if a.len() > 2 {
                    format!(
                        "element {ei} of list {} is null; cannot concatenate null values",
                        li + 1
                    )
                } else {
                    format!("element {ei} is null; cannot concatenate null values")
                }));
            }
            parts.push(text(it)?);
        }
    }
    let total = parts
        .iter()
        .map(|p| p.len())
        .sum::<usize>()
        .saturating_add(sep.len().saturating_mul(parts.len().saturating_sub(1)));
    check_size(total)?;
    Ok(cx.string(parts.join(&*sep)))
}

fn split(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let (sep, s) = (text(&a[0])?, text(&a[1])?);
    let count = if sep.is_empty() {
        s.chars().count()
    } else {
        s.matches(&*sep).count() + 1
    };
    if count > MAX_ITEMS {
        return Err(invalid(format!(
            "the result would have more than {MAX_ITEMS} elements"
        )));
    }
    let parts = if sep.is_empty() {
        s.chars().map(|c| cx.string(c)).collect()
    } else {
        s.split(&*sep).map(|p| cx.string(p)).collect()
    };
    Ok(cx.list(parts))
}

fn compile(pattern: &str) -> R<regex::Regex> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 22)
        .dfa_size_limit(1 << 22)
        .build()
        .map_err(|e| invalid(format!("invalid regular expression pattern: {e}")))
}

fn replace(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 3, 3)?;
    let (s, find, rep) = (text(&a[0])?, text(&a[1])?, text(&a[2])?);
    if find.len() > 1
        && find.starts_with('/')
        && find.ends_with('/')
        && let Some(pattern) = find.get(1..find.len() - 1)
    {
        let re = compile(pattern)?;
        let mut out = String::new();
        let mut last = 0;
        for caps in re.captures_iter(&s) {
            let Some(m) = caps.get(0) else { continue };
            out.push_str(s.get(last..m.start()).unwrap_or(""));
            caps.expand(&rep, &mut out);
            last = m.end();
            check_size(out.len())?;
        }
        out.push_str(s.get(last..).unwrap_or(""));
        check_size(out.len())?;
        return Ok(cx.string(out));
    }
    let count = if find.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(&*find).count()
    };
    check_size(s.len().saturating_add(count.saturating_mul(rep.len())))?;
    Ok(cx.string(s.replace(&*find, &rep)))
}

fn substr(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 3, 3)?;
    let s = text(&a[0])?;
    let offset = integer(&a[1])?;
    let length = integer(&a[2])?;
    let g = graphemes(&s);
    let total = i64::try_from(g.len()).unwrap_or(i64::MAX);
    let start = if offset < 0 {
        offset.saturating_add(total).max(0)
    } else {
        offset
    };
    if length == 0 || start >= total {
        return Ok(cx.string(""));
    }
    let start = usize::try_from(start).unwrap_or(0);
    let end = if length < 0 {
        g.len()
    } else {
        start
            .saturating_add(usize::try_from(length).unwrap_or(usize::MAX))
            .min(g.len())
    };
    Ok(cx.string(g.get(start..end).map(<[&str]>::concat).unwrap_or_default()))
}

fn regex_call(cx: &Cx, a: &[Node], all: bool) -> R<Node> {
    arity(a, 2, 2)?;
    let (pattern, s) = (text(&a[0])?, text(&a[1])?);
    let re = compile(&pattern)?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    if named > 0 && named < names.len() {
        return Err(invalid(
            "invalid regular expression pattern: cannot mix both named and unnamed capture groups",
        ));
    }
    let result = |caps: &regex::Captures<'_>| -> Node {
        let group = |i: usize| {
            caps.get(i)
                .map_or_else(|| cx.node(Value::Null), |m| cx.string(m.as_str()))
        };
        if names.is_empty() {
            group(0)
        } else if named > 0 {
            let mut by_name: BTreeMap<&str, Node> = BTreeMap::new();
            for (i, n) in names.iter().enumerate() {
                if let Some(n) = n {
                    by_name.insert(n, group(i + 1));
                }
            }
            cx.map(
                by_name
                    .into_iter()
                    .map(|(k, v)| cx.entry(k.to_owned(), v))
                    .collect(),
            )
        } else {
            cx.list((1..=names.len()).map(group).collect())
        }
    };
    if all {
        let mut out = Vec::new();
        for caps in re.captures_iter(&s) {
            if out.len() >= MAX_ITEMS {
                return Err(invalid(format!("more than {MAX_ITEMS} matches")));
            }
            out.push(result(&caps));
        }
        return Ok(cx.list(out));
    }
    let caps = re
        .captures(&s)
        .ok_or_else(|| invalid("pattern did not match any part of the given string"))?;
    Ok(result(&caps))
}

// ---------------------------------------------------------------------------
// format and formatlist (Go fmt semantics, as go-cty implements them).
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Verb {
    zero: bool,
    sharp: bool,
    minus: bool,
    plus: bool,
    space: bool,
    width: Option<usize>,
    prec: Option<usize>,
    mode: char,
    arg: usize,
}

fn format(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, usize::MAX)?;
    let f = text(&a[0])?;
    for x in &a[1..] {
        wholly(x)?;
    }
    Ok(cx.string(format_str(&f, &a[1..])?))
}

fn formatlist(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, usize::MAX)?;
    let f = text(&a[0])?;
    let args = &a[1..];
    if args.is_empty() {
        return Ok(cx.list(vec![cx.string(format_str(&f, &[])?)]));
    }
    let mut iter_len: Option<(usize, usize)> = None;
    for (i, x) in args.iter().enumerate() {
        match &x.value {
            Value::List(items) => match iter_len {
                None => iter_len = Some((items.len(), i)),
                Some((n, j)) if n != items.len() => {
                    return Err(invalid(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of length {n}",
                        i + 1,
                        items.len(),
                        j + 1
                    )));
                }
                Some(_) => {}
            },
            // An unknown may be a list, which would decide the result's length.
            Value::Unknown(why) => return Err(unknown(why)),
            _ => {}
        }
    }
    let n = iter_len.map_or(1, |(n, _)| n);
    let mut out = Vec::with_capacity(n);
    let mut size = 0usize;
    for k in 0..n {
        let fargs: Vec<&Node> = args
            .iter()
            .map(|x| match &x.value {
                Value::List(items) => items.get(k).unwrap_or(x),
                _ => x,
            })
            .collect();
        if let Some(why) = fargs.iter().find_map(|x| unknown_in(x)) {
            out.push(cx.node(Value::Unknown(why.into())));
            continue;
        }
        let owned: Vec<Node> = fargs.into_iter().cloned().collect();
        let s = format_str(&f, &owned).map_err(|e| match e {
            CallError::Invalid(m) => invalid(format!("error on format iteration {k}: {m}")),
            other => other,
        })?;
        size = size.saturating_add(s.len());
        check_size(size)?;
        out.push(cx.string(s));
    }
    Ok(cx.list(out))
}

fn digits_at(chars: &[(usize, char)], mut i: usize) -> (usize, usize) {
    let mut n = 0usize;
    while let Some(d) = chars.get(i).and_then(|&(_, c)| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d as usize);
        i += 1;
    }
    (n, i)
}

fn bad_format_char(chars: &[(usize, char)], i: usize, len: usize) -> CallError {
    match chars.get(i) {
        Some(&(o, c)) => invalid(format!("unrecognized format character {c:?} at offset {o}")),
        None => invalid(format!("invalid format string starting at offset {len}")),
    }
}

fn format_str(f: &str, args: &[Node]) -> R<String> {
    let chars: Vec<(usize, char)> = f.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = String::new();
    let (mut i, mut next, mut highest) = (0usize, 1usize, 0usize);
    while let Some(&(off, c)) = chars.get(i) {
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        if at(i + 1) == Some('%') {
            out.push('%');
            i += 2;
            continue;
        }
        let mut v = Verb {
            arg: next,
            ..Verb::default()
        };
        i += 1;
        while let Some(flag) = at(i) {
            match flag {
                '0' => v.zero = true,
                '#' => v.sharp = true,
                '-' => v.minus = true,
                '+' => v.plus = true,
                ' ' => v.space = true,
                _ => break,
            }
            i += 1;
        }
        if at(i) == Some('[') {
            i += 1;
            if !matches!(at(i), Some('1'..='9')) {
                return Err(bad_format_char(&chars, i, f.len()));
            }
            let (n, j) = digits_at(&chars, i);
            v.arg = n;
            i = j;
            if at(i) != Some(']') {
                return Err(bad_format_char(&chars, i, f.len()));
            }
            i += 1;
        }
        if matches!(at(i), Some('1'..='9')) {
            let (n, j) = digits_at(&chars, i);
            v.width = Some(n.min(MAX_PAD));
            i = j;
        }
        if at(i) == Some('.') {
            let (n, j) = digits_at(&chars, i + 1);
            v.prec = Some(n.min(MAX_PRECISION));
            i = j;
        }
        match at(i) {
            Some(m) if m.is_ascii_alphabetic() => {
                v.mode = m;
                i += 1;
            }
            _ => return Err(bad_format_char(&chars, i, f.len())),
        }
        let end = chars.get(i).map_or(f.len(), |&(o, _)| o);
        let raw = f.get(off..end).unwrap_or("");
        format_verb(&v, raw, off, args, &mut out)?;
        check_size(out.len())?;
        highest = highest.max(v.arg);
        next = v.arg.saturating_add(1);
    }
    if highest < args.len() {
        return Err(invalid(if highest == 0 {
            "too many arguments; no verbs in format string".to_owned()
        } else {
            format!("too many arguments; only {highest} used by format string")
        }));
    }
    Ok(out)
}

fn format_verb(v: &Verb, raw: &str, off: usize, args: &[Node], out: &mut String) -> R<()> {
    let Some(arg) = v.arg.checked_sub(1).and_then(|i| args.get(i)) else {
        return Err(invalid(format!(
            "not enough arguments for {raw:?} at {off}: need index {} but have {} total",
            v.arg,
            args.len()
        )));
    };
    if v.mode != 'v' && arg.is_null() {
        return Err(invalid(format!(
            "unsupported value for {raw:?} at {off}: null value cannot be formatted"
        )));
    }
    let bad = |e: CallError| match e {
        CallError::Invalid(m) => invalid(format!("unsupported value for {raw:?} at {off}: {m}")),
        other => other,
    };
    match v.mode {
        'v' => {
            let s = match &arg.value {
                Value::String(s) if !v.sharp => s.clone(),
                Value::Number(x) if !v.sharp => {
                    let body = if x.is_infinite() {
                        "Inf".to_owned()
                    } else {
                        fmt_g(x.abs(), None, false)
                    };
                    let sign = if *x < 0.0 {
                        "-"
                    } else if x.is_infinite() {
                        "+"
                    } else {
                        ""
                    };
                    format!("{sign}{body}")
                }
                _ => {
                    let mut j = String::new();
                    json_write(arg, &mut j, 0).map_err(bad)?;
                    j
                }
            };
            out.push_str(&pad_width(v, s));
        }
        't' => out.push_str(if boolean(arg).map_err(bad)? {
            "true"
        } else {
            "false"
        }),
        'b' | 'd' | 'o' | 'x' | 'X' => {
            let x = number(arg).map_err(bad)?;
            out.push_str(&go_int(v, x).map_err(bad)?);
        }
        'e' | 'E' | 'f' | 'g' | 'G' => {
            let x = number(arg).map_err(bad)?;
            out.push_str(&go_float(v, x));
        }
        's' | 'q' => {
            let s = text(arg).map_err(bad)?;
            let s = match v.prec {
                Some(p) if p > 0 => graphemes(&s).into_iter().take(p).collect(),
                _ => s.into_owned(),
            };
            let s = if v.mode == 'q' {
                let mut q = String::new();
                json_quote(&s, &mut q);
                q
            } else {
                s
            };
            out.push_str(&pad_width(v, s));
        }
        m => {
            return Err(invalid(format!(
                "unsupported format verb {m:?} in {raw:?} at offset {off}"
            )));
        }
    }
    Ok(())
}

/// Pad to the verb's width, counting characters as Terraform does.
fn pad_width(v: &Verb, s: String) -> String {
    let Some(width) = v.width else { return s };
    let have = graphemes(&s).len();
    if have >= width {
        return s;
    }
    let pad = (if v.zero { "0" } else { " " }).repeat(width - have);
    if v.minus { s + &pad } else { pad + &s }
}

/// Go's integer formatting (`%b %d %o %x %X` with flags, width and precision).
fn go_int(v: &Verb, x: f64) -> R<String> {
    if !x.is_finite() || x.fract() != 0.0 {
        return Err(invalid("an integer is required"));
    }
    let (neg, ax) = (x < 0.0, x.abs());
    let base = match v.mode {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = if ax < 3.4e38 {
        // Whole and below 2^128, so the conversion is exact.
        to_radix(ax as u128, base)
    } else if base == 10 {
        format!("{ax:.0}")
    } else {
        return Err(invalid("the integer is too large to format in this base"));
    };
    if v.mode == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = if neg {
        "-"
    } else if v.plus {
        "+"
    } else if v.space {
        " "
    } else {
        ""
    };
    let prefix = match (v.sharp, v.mode) {
        (true, 'b') => "0b",
        (true, 'o') => "0",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let mut zeros = 0;
    if let Some(p) = v.prec {
        if digits.len() < p {
            zeros = p - digits.len();
        } else if digits == "0" && p == 0 {
            return Ok(String::new());
        }
    }
    let length = sign.len() + prefix.len() + zeros + digits.len();
    let (mut left, mut right) = (0, 0);
    if let Some(w) = v.width
        && length < w
    {
        let d = w - length;
        if v.minus {
            right = d;
        } else if v.zero && v.prec.is_none() {
            zeros = d;
        } else {
            left = d;
        }
    }
    Ok(format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    ))
}

fn to_radix(mut n: u128, base: u32) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let mut digits = Vec::new();
    let b = u128::from(base);
    while n > 0 {
        let d = u32::try_from(n % b).unwrap_or(0);
        digits.push(char::from_digit(d, base).unwrap_or('0'));
        n /= b;
    }
    digits.iter().rev().collect()
}

/// Go's float formatting (`%e %E %f %g %G` with flags, width and precision).
fn go_float(v: &Verb, x: f64) -> String {
    let (neg, ax) = (x < 0.0, x.abs());
    let upper = v.mode.is_ascii_uppercase();
    let body = if ax.is_infinite() {
        "Inf".to_owned()
    } else {
        match v.mode {
            'e' | 'E' => {
                let p = v.prec.unwrap_or(6);
                let (d, e) = decimal(ax, Some(p + 1));
                fmt_e(&d, e, p, upper)
            }
            'f' => format!("{:.*}", v.prec.unwrap_or(6), ax),
            _ => fmt_g(ax, v.prec, upper),
        }
    };
    let sign = if neg {
        "-"
    } else if v.plus || ax.is_infinite() {
        "+"
    } else if v.space {
        " "
    } else {
        ""
    };
    let pad = v
        .width
        .map_or(0, |w| w.saturating_sub(sign.len() + body.len()));
    if v.zero && !ax.is_infinite() {
        format!("{sign}{}{body}", "0".repeat(pad))
    } else if v.minus {
        format!("{sign}{body}{}", " ".repeat(pad))
    } else {
        format!("{}{sign}{body}", " ".repeat(pad))
    }
}

/// The decimal digits of `x >= 0` (trailing zeros trimmed) and the position
/// of the decimal point: `x = 0.DIGITS × 10^exp`. `sig` rounds to that many
/// significant digits; `None` gives the shortest representation.
fn decimal(x: f64, sig: Option<usize>) -> (String, i32) {
    if x == 0.0 {
        return (String::new(), 0);
    }
    let s = match sig {
        None => format!("{x:e}"),
        Some(p) => format!("{:.*e}", p.saturating_sub(1), x),
    };
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    if digits == "0" {
        return (String::new(), 0);
    }
    (digits, exp + 1)
}

fn fmt_e(d: &str, exp: i32, prec: usize, upper: bool) -> String {
    let mut b = String::new();
    b.push(d.chars().next().unwrap_or('0'));
    if prec > 0 {
        b.push('.');
        let rest = d.get(1..).unwrap_or("");
        let take = rest.len().min(prec);
        b.push_str(rest.get(..take).unwrap_or(""));
        b.push_str(&"0".repeat(prec - take));
    }
    b.push(if upper { 'E' } else { 'e' });
    let e = if d.is_empty() { 0 } else { exp - 1 };
    b.push(if e < 0 { '-' } else { '+' });
    let e = e.unsigned_abs();
    if e < 10 {
        b.push('0');
    }
    let _ = write!(b, "{e}");
    b
}

fn fmt_f(d: &str, exp: i32, prec: usize) -> String {
    let mut b = String::new();
    let digit = |i: i64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| d.as_bytes().get(i))
            .map_or('0', |&c| char::from(c))
    };
    if exp > 0 {
        for i in 0..i64::from(exp) {
            b.push(digit(i));
        }
    } else {
        b.push('0');
    }
    if prec > 0 {
        b.push('.');
        for i in 1..=prec {
            b.push(digit(i64::from(exp) + i as i64 - 1));
        }
    }
    b
}

/// Go's `%g`: `%e` for large or small exponents, `%f` otherwise.
fn fmt_g(x: f64, prec: Option<usize>, upper: bool) -> String {
    let shortest = prec.is_none();
    let mut p = prec.unwrap_or(0).max(usize::from(!shortest));
    let (d, dexp) = decimal(x, if shortest { None } else { Some(p) });
    if shortest {
        p = d.len();
    }
    let (dlen, de) = (d.len() as i64, i64::from(dexp));
    let mut eprec = p as i64;
    if eprec > dlen && dlen >= de {
        eprec = dlen;
    }
    if shortest {
        eprec = 6;
    }
    let exp = de - 1;
    if exp < -4 || exp >= eprec {
        return fmt_e(&d, dexp, p.min(d.len()).saturating_sub(1), upper);
    }
    let pp = if p as i64 > de { dlen } else { p as i64 };
    fmt_f(&d, dexp, usize::try_from((pp - de).max(0)).unwrap_or(0))
}

// ---------------------------------------------------------------------------
// Collections.
// ---------------------------------------------------------------------------

fn length(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let n = match &a[0].value {
        Value::String(s) => graphemes(s).len(),
        Value::List(items) => items.len(),
        Value::Map(entries) => sorted_entries(entries).len(),
        Value::Unknown(why) => return Err(unknown(why)),
        Value::Null => return Err(invalid("argument must not be null")),
        _ => {
            return Err(invalid(
                "argument must be a string, a collection type, or a structural type",
            ));
        }
    };
    cx.number(n as f64)
}

fn all_any(cx: &Cx, a: &[Node], all: bool) -> R<Node> {
    arity(a, 1, 1)?;
    let mut unsure: Option<&str> = None;
    // A known element that decides the answer wins over unknown ones.
    for it in list(&a[0])? {
        match &it.value {
            Value::Unknown(why) => {
                unsure.get_or_insert(why);
            }
            Value::Null => {
                if all {
                    return Ok(cx.boolean(false));
                }
            }
            _ => {
                let b = boolean(it)?;
                if b != all {
                    return Ok(cx.boolean(b));
                }
            }
        }
    }
    match unsure {
        Some(why) => Err(unknown(why)),
        None => Ok(cx.boolean(all)),
    }
}

fn chunklist(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let size = integer(&a[1])?;
    if size < 0 {
        return Err(invalid("the size argument must be positive"));
    }
    let items = unify(list(&a[0])?)?;
    if items.is_empty() {
        return Ok(cx.list(Vec::new()));
    }
    if size == 0 {
        let whole = Node {
            span: a[0].span,
            file: a[0].file,
            value: Value::List(items),
        };
        return Ok(cx.list(vec![whole]));
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Ok(cx.list(items.chunks(size).map(|c| cx.list(c.to_vec())).collect()))
}

fn coalesce(a: &[Node]) -> R<Node> {
    // Terraform converts the arguments to one type first: mixed scalars become
    // strings, and then empty strings are skipped.
    let (mut s, mut n, mut b, mut c) = (false, false, false, false);
    for x in a {
        match x.value {
            Value::String(_) => s = true,
            Value::Number(_) => n = true,
            Value::Bool(_) => b = true,
            Value::List(_) | Value::Map(_) => c = true,
            Value::Null | Value::Unknown(_) => {}
        }
    }
    let scalars = usize::from(s) + usize::from(n) + usize::from(b);
    if c && scalars > 0 {
        return Err(invalid("all arguments must have the same type"));
    }
    let as_string = s || scalars > 1;
    for x in a {
        match &x.value {
            Value::Unknown(why) => return Err(unknown(why)),
            Value::Null => continue,
            _ => {}
        }
        let v = if as_string { stringify(x)? } else { x.clone() };
        if as_string && v.as_str() == Some("") {
            continue;
        }
        return Ok(v);
    }
    Err(invalid("no non-null, non-empty-string arguments"))
}

fn coalescelist(a: &[Node]) -> R<Node> {
    if a.is_empty() {
        return Err(invalid("at least one argument is required"));
    }
    if a.iter()
        .any(|x| !matches!(x.value, Value::List(_) | Value::Null | Value::Unknown(_)))
    {
        return Err(invalid("coalescelist arguments must be lists or tuples"));
    }
    for x in a {
        match &x.value {
            Value::Unknown(why) => return Err(unknown(why)),
            Value::List(items) if !items.is_empty() => return Ok(x.clone()),
            _ => {}
        }
    }
    Err(invalid("no non-null arguments"))
}

fn compact(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let items = list(&a[0])?;
    wholly(&a[0])?;
    let mut out = Vec::new();
    for it in items {
        let s = stringify(it)?;
        match &s.value {
            Value::Null => {}
            Value::String(x) if x.is_empty() => {}
            _ => out.push(s),
        }
    }
    Ok(cx.list(out))
}

fn concat(cx: &Cx, a: &[Node]) -> R<Node> {
    if a.is_empty() {
        return Err(invalid("at least one argument is required"));
    }
    let mut out = Vec::new();
    for x in a {
        match &x.value {
            Value::List(items) => out.extend(items.iter().cloned()),
            Value::Unknown(why) => return Err(unknown(why)),
            Value::Null => return Err(invalid("argument must not be null")),
            _ => {
                return Err(invalid(format!(
                    "all arguments must be lists or tuples; got {}",
                    kind(x)
                )));
            }
        }
    }
    Ok(cx.list(out))
}

fn contains(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let items = match &a[0].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        Value::Null => return Err(invalid("cannot search a nil list or set")),
        _ => return Err(invalid("argument must be list, tuple, or set")),
    };
    if items.is_empty() {
        return Ok(cx.boolean(false));
    }
    known(&a[1])?;
    let mut unsure = None;
    for it in items {
        match equal(it, &a[1]) {
            Some(true) => return Ok(cx.boolean(true)),
            Some(false) => {}
            None => unsure = unsure.or_else(|| unknown_in(it).or_else(|| unknown_in(&a[1]))),
        }
    }
    match unsure {
        Some(why) => Err(unknown(why)),
        None => Ok(cx.boolean(false)),
    }
}

fn distinct(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let items = list(&a[0])?;
    wholly(&a[0])?;
    Ok(cx.list(dedupe(unify(items)?)))
}

fn element(a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let idx = integer(&a[1])?;
    if idx < 0 {
        return Err(invalid("cannot use element function with a negative index"));
    }
    let items = match &a[0].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        _ => {
            return Err(invalid(format!(
                "cannot read elements from {}",
                kind(&a[0])
            )));
        }
    };
    if items.is_empty() {
        return Err(invalid("cannot use element function with an empty list"));
    }
    let i = usize::try_from(idx).unwrap_or(0) % items.len();
    items
        .get(i)
        .cloned()
        .ok_or_else(|| invalid("index out of range"))
}

fn flatten(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let items = match &a[0].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        _ => return Err(invalid("can only flatten lists, sets and tuples")),
    };
    let mut out = Vec::new();
    flatten_into(items, &mut out, 0)?;
    Ok(cx.list(out))
}

fn flatten_into(items: &[Node], out: &mut Vec<Node>, depth: usize) -> R<()> {
    if depth >= MAX_DEPTH {
        return Err(invalid("lists are nested too deeply to flatten"));
    }
    for it in items {
        match &it.value {
            Value::List(inner) => flatten_into(inner, out, depth + 1)?,
            // It may be a list, whose elements would be spliced in.
            Value::Unknown(why) => return Err(unknown(why)),
            _ => out.push(it.clone()),
        }
    }
    Ok(())
}

fn index(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let items = match &a[0].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        _ => return Err(invalid("argument must be a list or tuple")),
    };
    if items.is_empty() {
        return Err(invalid("cannot search an empty list"));
    }
    for (i, it) in items.iter().enumerate() {
        match equal(it, &a[1]) {
            Some(true) => return cx.number(i as f64),
            Some(false) => {}
            None => {
                let why = unknown_in(it).or_else(|| unknown_in(&a[1]));
                return Err(unknown(why.unwrap_or("unknown value")));
            }
        }
    }
    Err(invalid("item not found"))
}

fn keys(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let entries = map(&a[0])?;
    Ok(cx.list(
        entries
            .iter()
            .map(|e| Node {
                span: e.key_span,
                file: e.value.file,
                value: Value::String(e.key.clone()),
            })
            .collect(),
    ))
}

fn values(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let entries = map(&a[0])?;
    Ok(cx.list(entries.iter().map(|e| e.value.clone()).collect()))
}

fn lookup(a: &[Node]) -> R<Node> {
    arity(a, 2, 3)?;
    match &a[0].value {
        Value::Map(entries) => {
            let key = text(&a[1])?;
            if let Some(e) = entries.iter().rev().find(|e| e.key == *key) {
                return Ok(e.value.clone());
            }
            match a.get(2) {
                Some(default) => Ok(default.clone()),
                None => Err(invalid(format!("lookup failed to find key {key:?}"))),
            }
        }
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid("lookup() requires a map as the first argument")),
    }
}

fn matchkeys(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 3, 3)?;
    let (vals, ks, search) = (list(&a[0])?, list(&a[1])?, list(&a[2])?);
    if vals.len() != ks.len() {
        return Err(invalid("length of keys and values should be equal"));
    }
    if search.is_empty() {
        return Ok(cx.list(Vec::new()));
    }
    for x in a {
        wholly(x)?;
    }
    // Keys and search set are converted to one type.
    let joint: Vec<Node> = ks.iter().chain(search).cloned().collect();
    let joint = unify(&joint)?;
    let (ks, search) = joint.split_at(ks.len());
    let search = Members::new(search);
    Ok(cx.list(
        ks.iter()
            .zip(vals)
            .filter(|(k, _)| search.contains(k))
            .map(|(_, v)| v.clone())
            .collect(),
    ))
}

fn merge(cx: &Cx, a: &[Node]) -> R<Node> {
    let mut out: BTreeMap<&str, &Entry> = BTreeMap::new();
    for x in a {
        match &x.value {
            Value::Null => {}
            Value::Map(entries) => {
                for e in entries {
                    out.insert(&e.key, e);
                }
            }
            Value::Unknown(why) => return Err(unknown(why)),
            _ => {
                return Err(invalid(format!(
                    "arguments must be maps or objects, got {}",
                    kind(x)
                )));
            }
        }
    }
    Ok(cx.map(out.into_values().cloned().collect()))
}

fn one(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let wrong = || invalid("must be a list, set, or tuple value with either zero or one elements");
    match &a[0].value {
        Value::List(items) => match items.as_slice() {
            [] => Ok(cx.node(Value::Null)),
            [x] => Ok(x.clone()),
            _ => Err(wrong()),
        },
        Value::Unknown(why) => Err(unknown(why)),
        Value::Null => Err(invalid("argument must not be null")),
        _ => Err(wrong()),
    }
}

fn reverse(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    match &a[0].value {
        Value::List(items) => Ok(cx.list(items.iter().rev().cloned().collect())),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!(
            "can only reverse list or tuple values, not {}",
            kind(&a[0])
        ))),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum SetOp {
    Union,
    Intersection,
    Subtract,
}

fn set_op(cx: &Cx, a: &[Node], op: SetOp) -> R<Node> {
    match op {
        SetOp::Subtract => arity(a, 2, 2)?,
        _ => arity(a, 1, usize::MAX)?,
    }
    let mut lens = Vec::with_capacity(a.len());
    let mut all = Vec::new();
    for x in a {
        let items = list(x)?;
        wholly(x)?;
        lens.push(items.len());
        all.extend(items.iter().cloned());
    }
    // Elements of all the sets are converted to one type.
    let all = unify(&all)?;
    let mut sets = Vec::with_capacity(lens.len());
    let mut rest = all.as_slice();
    for n in lens {
        let (set, tail) = rest.split_at(n.min(rest.len()));
        sets.push(set);
        rest = tail;
    }
    let (first, others) = sets.split_first().unwrap_or((&rest, &[]));
    let out: Vec<Node> = match op {
        SetOp::Union => all.clone(),
        SetOp::Intersection => {
            let others: Vec<Members<'_>> = others.iter().map(|s| Members::new(*s)).collect();
            first
                .iter()
                .filter(|x| others.iter().all(|m| m.contains(x)))
                .cloned()
                .collect()
        }
        SetOp::Subtract => {
            let minus = Members::new(others.iter().flat_map(|s| s.iter()));
            first
                .iter()
                .filter(|x| !minus.contains(x))
                .cloned()
                .collect()
        }
    };
    Ok(cx.list(make_set(out)))
}

fn setproduct(cx: &Cx, a: &[Node]) -> R<Node> {
    if a.len() < 2 {
        return Err(invalid("at least two arguments are required"));
    }
    let sets = a
        .iter()
        .map(|x| unify(list(x)?))
        .collect::<R<Vec<Vec<Node>>>>()?;
    let total = sets
        .iter()
        .try_fold(1usize, |acc, s| acc.checked_mul(s.len()));
    let total = match total {
        Some(t) if t.saturating_mul(sets.len()) <= MAX_ITEMS => t,
        _ => {
            return Err(invalid(format!(
                "the product would have more than {MAX_ITEMS} elements"
            )));
        }
    };
    let mut out = Vec::with_capacity(total);
    if total > 0 {
        let mut pos = vec![0usize; sets.len()];
        for _ in 0..total {
            let tuple = sets
                .iter()
                .zip(&pos)
                .filter_map(|(s, &i)| s.get(i).cloned())
                .collect();
            out.push(cx.list(tuple));
            for j in (0..sets.len()).rev() {
                pos[j] += 1;
                if pos[j] < sets[j].len() {
                    break;
                }
                pos[j] = 0;
            }
        }
    }
    Ok(cx.list(out))
}

fn slice(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 3, 3)?;
    let items = match &a[0].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        _ => return Err(invalid("must be a list or tuple value")),
    };
    let (start, end) = (integer(&a[1])?, integer(&a[2])?);
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    if start < 0 {
        return Err(invalid("start index must not be less than zero"));
    }
    if start > len {
        return Err(invalid(
            "start index must not be greater than the length of the list",
        ));
    }
    if end < 0 {
        return Err(invalid("end index must not be less than zero"));
    }
    if end > len {
        return Err(invalid(
            "end index must not be greater than the length of the list",
        ));
    }
    if start > end {
        return Err(invalid("start index must not be greater than end index"));
    }
    let (start, end) = (
        usize::try_from(start).unwrap_or(0),
        usize::try_from(end).unwrap_or(0),
    );
    Ok(cx.list(items.get(start..end).unwrap_or(&[]).to_vec()))
}

fn sort(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let items = list(&a[0])?;
    wholly(&a[0])?;
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        if it.is_null() {
            return Err(invalid(format!(
                "given list element {i} is null; a null string cannot be sorted"
            )));
        }
        out.push(stringify(it)?);
    }
    out.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
    Ok(cx.list(out))
}

fn transpose(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let entries = map(&a[0])?;
    wholly(&a[0])?;
    let bad = || invalid("input must be a map of lists of strings");
    let mut out: BTreeMap<String, (Span, Vec<Node>)> = BTreeMap::new();
    for e in entries {
        for it in list(&e.value).map_err(|_| bad())? {
            let key = match &it.value {
                Value::String(_) | Value::Number(_) | Value::Bool(_) => text(it)?.into_owned(),
                _ => return Err(bad()),
            };
            let slot = out.entry(key).or_insert_with(|| (it.span, Vec::new()));
            slot.1.push(Node {
                span: e.key_span,
                file: e.value.file,
                value: Value::String(e.key.clone()),
            });
        }
    }
    Ok(cx.map(
        out.into_iter()
            .map(|(key, (key_span, mut v))| {
                v.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
                Entry {
                    key,
                    key_span,
                    value: cx.list(v),
                }
            })
            .collect(),
    ))
}

fn zipmap(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let ks = list(&a[0])?;
    wholly(&a[0])?;
    let vs = match &a[1].value {
        Value::List(items) => items,
        Value::Unknown(why) => return Err(unknown(why)),
        _ => return Err(invalid("values argument must be a list or tuple value")),
    };
    if ks.len() != vs.len() {
        return Err(invalid(format!(
            "number of keys ({}) does not match number of values ({})",
            ks.len(),
            vs.len()
        )));
    }
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    for (i, (k, v)) in ks.iter().zip(vs).enumerate() {
        if k.is_null() {
            return Err(invalid(format!("keys list has null value at index {i}")));
        }
        let key = text(k)?.into_owned();
        out.insert(
            key.clone(),
            Entry {
                key,
                key_span: k.span,
                value: v.clone(),
            },
        );
    }
    Ok(cx.map(out.into_values().collect()))
}

// ---------------------------------------------------------------------------
// Type conversions: the converted value keeps the location of the original.
// ---------------------------------------------------------------------------

fn relabel(n: &Node, value: Value) -> Node {
    Node {
        span: n.span,
        file: n.file,
        value,
    }
}

fn tostring(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::String(_) | Value::Null | Value::Number(_) | Value::Bool(_) => stringify(x),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to string", kind(x)))),
    }
}

fn tonumber(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::Number(_) | Value::Null => Ok(x.clone()),
        Value::String(_) => Ok(relabel(x, Value::Number(number(x)?))),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to number", kind(x)))),
    }
}

fn tobool(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::Bool(_) | Value::Null => Ok(x.clone()),
        Value::String(_) => Ok(relabel(x, Value::Bool(boolean(x)?))),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to bool", kind(x)))),
    }
}

fn tolist(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::List(items) => Ok(relabel(x, Value::List(unify(items)?))),
        Value::Null => Ok(x.clone()),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to list", kind(x)))),
    }
}

fn toset(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::List(items) => {
            wholly(x)?;
            Ok(relabel(x, Value::List(make_set(unify(items)?))))
        }
        Value::Null => Ok(x.clone()),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to set", kind(x)))),
    }
}

fn tomap(a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let x = &a[0];
    match &x.value {
        Value::Map(entries) => {
            let entries = sorted_entries(entries);
            let vals: Vec<Node> = entries.iter().map(|e| e.value.clone()).collect();
            let vals = unify(&vals)?;
            let out = entries
                .iter()
                .zip(vals)
                .map(|(e, value)| Entry {
                    key: e.key.clone(),
                    key_span: e.key_span,
                    value,
                })
                .collect();
            Ok(relabel(x, Value::Map(out)))
        }
        Value::Null => Ok(x.clone()),
        Value::Unknown(why) => Err(unknown(why)),
        _ => Err(invalid(format!("cannot convert {} to map", kind(x)))),
    }
}

// ---------------------------------------------------------------------------
// Encodings.
// ---------------------------------------------------------------------------

/// Quote a string as Go's `encoding/json` does (HTML-safe escapes).
fn json_quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\0'..='\u{1f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Terraform's JSON encoding: object keys sorted, no spaces.
fn json_write(n: &Node, out: &mut String, depth: usize) -> R<()> {
    if depth > MAX_DEPTH {
        return Err(invalid("value is nested too deeply to encode"));
    }
    match &n.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(x) => {
            if !x.is_finite() {
                return Err(invalid("cannot encode an infinite number"));
            }
            out.push_str(&format_number(*x));
        }
        Value::String(s) => json_quote(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_write(it, out, depth + 1)?;
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, e) in sorted_entries(entries).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_quote(&e.key, out);
                out.push(':');
                json_write(&e.value, out, depth + 1)?;
            }
            out.push('}');
        }
        Value::Unknown(why) => return Err(unknown(why)),
    }
    Ok(())
}

fn jsonencode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    wholly(&a[0])?;
    let mut out = String::new();
    json_write(&a[0], &mut out, 0)?;
    check_size(out.len())?;
    Ok(cx.string(out))
}

/// A decoded JSON value (objects reject repeated keys, as Terraform does).
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Json::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(x) = seq.next_element()? {
            items.push(x);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut seen = HashSet::new();
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            if !seen.insert(k.clone()) {
                return Err(de::Error::custom(format!(
                    "duplicate {k:?} property in JSON object"
                )));
            }
            entries.push((k, v));
        }
        Ok(Json::Object(entries))
    }
}

/// Build nodes from decoded JSON (nesting is bounded by the JSON parser).
fn json_node(cx: &Cx, j: Json) -> Node {
    match j {
        Json::Null => cx.node(Value::Null),
        Json::Bool(b) => cx.boolean(b),
        Json::Number(x) => cx.node(Value::Number(x)),
        Json::String(s) => cx.string(s),
        Json::Array(items) => cx.list(items.into_iter().map(|x| json_node(cx, x)).collect()),
        Json::Object(entries) => {
            let mut entries: Vec<Entry> = entries
                .into_iter()
                .map(|(k, v)| cx.entry(k, json_node(cx, v)))
                .collect();
            entries.sort_by(|x, y| x.key.cmp(&y.key));
            cx.map(entries)
        }
    }
}

fn jsondecode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    let j: Json = serde_json::from_str(&s).map_err(|e| invalid(e.to_string()))?;
    Ok(json_node(cx, j))
}

fn yamldecode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    let src = SourceFile::new("yamldecode".to_owned(), PathBuf::new(), FileKind::Yaml, &*s);
    let loaded = yaml::load(&src, cx.file, YamlLimits::default()).map_err(|e| {
        let at = src.line_col(u32::try_from(e.offset).unwrap_or(u32::MAX));
        invalid(format!(
            "on line {}, column {}: {}",
            at.line, at.column, e.message
        ))
    })?;
    let mut docs = loaded.documents.into_iter();
    let Some(doc) = docs.next() else {
        return Ok(cx.node(Value::Null));
    };
    if docs.next().is_some() {
        return Err(invalid("unexpected extra content after value"));
    }
    let mut root = doc.root;
    // The decoded values are computed by the call: locate them there.
    let mut stack = vec![&mut root];
    while let Some(n) = stack.pop() {
        n.span = cx.span;
        n.file = cx.file;
        match &mut n.value {
            Value::List(items) => stack.extend(items.iter_mut()),
            Value::Map(entries) => {
                for e in entries.iter_mut() {
                    e.key_span = cx.span;
                    stack.push(&mut e.value);
                }
            }
            _ => {}
        }
    }
    Ok(root)
}

fn yamlencode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    wholly(&a[0])?;
    let mut out = String::new();
    match &a[0].value {
        Value::List(items) if !items.is_empty() => yaml_seq(&mut out, items, 0, false, 0)?,
        Value::Map(entries) if !entries.is_empty() => {
            yaml_map(&mut out, &sorted_entries(entries), 0, false, 0)?;
        }
        _ => {
            let plain = yaml_scalar(&mut out, &a[0], 2)?;
            out.push('\n');
            if plain {
                out.push_str("...\n");
            }
        }
    }
    check_size(out.len())?;
    Ok(cx.string(out))
}

/// Characters libyaml writes unescaped.
fn yaml_printable(c: char) -> bool {
    matches!(c, '\n' | '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}')
        || (('\u{E000}'..='\u{FFFD}').contains(&c) && c != '\u{FEFF}')
}

fn yaml_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn yaml_pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// A mapping in block style; `inline_first` when the first key continues the current line.
fn yaml_map(
    out: &mut String,
    entries: &[&Entry],
    indent: usize,
    inline_first: bool,
    depth: usize,
) -> R<()> {
    if depth > MAX_DEPTH {
        return Err(invalid("value is nested too deeply to encode"));
    }
    for (i, e) in entries.iter().enumerate() {
        if i > 0 || !inline_first {
            yaml_pad(out, indent);
        }
        let simple = e.key.len() <= 128 && !e.key.contains(yaml_break);
        if simple {
            yaml_double_quoted(out, &e.key, indent + 2, false);
            out.push(':');
        } else {
            out.push_str("? ");
            yaml_double_quoted(out, &e.key, indent + 2, true);
            out.push('\n');
            yaml_pad(out, indent);
            out.push(':');
        }
        yaml_value(out, &e.value, indent, simple, depth)?;
    }
    Ok(())
}

/// A sequence in block style.
fn yaml_seq(
    out: &mut String,
    items: &[Node],
    indent: usize,
    inline_first: bool,
    depth: usize,
) -> R<()> {
    if depth > MAX_DEPTH {
        return Err(invalid("value is nested too deeply to encode"));
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 || !inline_first {
            yaml_pad(out, indent);
        }
        out.push('-');
        yaml_value(out, it, indent, false, depth)?;
    }
    Ok(())
}

/// The value after `key:` (`after_key`) or after `- ` / `: `, up to its last newline.
fn yaml_value(out: &mut String, v: &Node, indent: usize, after_key: bool, depth: usize) -> R<()> {
    match &v.value {
        Value::Map(entries) if !entries.is_empty() => {
            let entries = sorted_entries(entries);
            if after_key {
                out.push('\n');
                yaml_map(out, &entries, indent + 2, false, depth + 1)
            } else {
                out.push(' ');
                yaml_map(out, &entries, indent + 2, true, depth + 1)
            }
        }
        Value::List(items) if !items.is_empty() => {
            if after_key {
                // Sequences in mappings are not indented.
                out.push('\n');
                yaml_seq(out, items, indent, false, depth + 1)
            } else {
                out.push(' ');
                yaml_seq(out, items, indent + 2, true, depth + 1)
            }
        }
        _ => {
            out.push(' ');
            yaml_scalar(out, v, indent + 2)?;
            out.push('\n');
            Ok(())
        }
    }
}

/// A scalar (or empty collection); true when written plain.
fn yaml_scalar(out: &mut String, n: &Node, indent: usize) -> R<bool> {
    match &n.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(x) if x.is_infinite() => {
            out.push_str(if *x > 0.0 { "+Inf" } else { "-Inf" });
        }
        Value::Number(x) => out.push_str(&format_number(*x)),
        Value::String(s) => {
            let literal = s.contains('\n')
                && s.chars()
                    .all(|c| yaml_printable(c) && c != '\u{2028}' && c != '\u{2029}')
                && !s.contains(" \n")
                && !s.ends_with(' ');
            if literal {
                yaml_literal(out, s, indent);
            } else {
                yaml_double_quoted(out, s, indent, true);
            }
            return Ok(false);
        }
        Value::List(_) => {
            out.push_str("[]");
            return Ok(false);
        }
        Value::Map(_) => {
            out.push_str("{}");
            return Ok(false);
        }
        Value::Unknown(why) => return Err(unknown(why)),
    }
    Ok(true)
}

/// A multi-line string in literal block style, without its final newline.
fn yaml_literal(out: &mut String, s: &str, indent: usize) {
    out.push('|');
    if s.starts_with([' ', '\n']) {
        out.push('2');
    }
    if !s.ends_with('\n') {
        out.push('-');
    } else if s == "\n" || s.ends_with("\n\n") {
        out.push('+');
    }
    out.push('\n');
    let mut line_start = true;
    for c in s.chars() {
        if c == '\n' {
            out.push('\n');
            line_start = true;
        } else {
            if line_start {
                yaml_pad(out, indent);
                line_start = false;
            }
            out.push(c);
        }
    }
    if out.ends_with('\n') {
        out.pop();
    }
}

/// A double-quoted string as libyaml writes it, folding long lines at spaces
/// past column 80 when `allow_breaks`.
fn yaml_double_quoted(out: &mut String, s: &str, indent: usize, allow_breaks: bool) {
    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
    let mut column = out.get(line_start..).map_or(0, |l| l.chars().count());
    out.push('"');
    column += 1;
    let chars: Vec<char> = s.chars().collect();
    let mut spaces = false;
    for (i, &c) in chars.iter().enumerate() {
        if !yaml_printable(c) || yaml_break(c) || c == '"' || c == '\\' {
            let esc = match c {
                '\0' => "\\0".to_owned(),
                '\u{7}' => "\\a".to_owned(),
                '\u{8}' => "\\b".to_owned(),
                '\t' => "\\t".to_owned(),
                '\n' => "\\n".to_owned(),
                '\u{b}' => "\\v".to_owned(),
                '\u{c}' => "\\f".to_owned(),
                '\r' => "\\r".to_owned(),
                '\u{1b}' => "\\e".to_owned(),
                '"' => "\\\"".to_owned(),
                '\\' => "\\\\".to_owned(),
                '\u{85}' => "\\N".to_owned(),
                '\u{a0}' => "\\_".to_owned(),
                '\u{2028}' => "\\L".to_owned(),
                '\u{2029}' => "\\P".to_owned(),
                c if u32::from(c) <= 0xFF => format!("\\x{:02X}", u32::from(c)),
                c if u32::from(c) <= 0xFFFF => format!("\\u{:04X}", u32::from(c)),
                c => format!("\\U{:08X}", u32::from(c)),
            };
            column += esc.len();
            out.push_str(&esc);
            spaces = false;
        } else if c == ' ' {
            if allow_breaks && !spaces && column > 80 && i != 0 && i + 1 != chars.len() {
                out.push('\n');
                yaml_pad(out, indent);
                column = indent;
                if chars.get(i + 1) == Some(&' ') {
                    out.push('\\');
                    column += 1;
                }
            } else {
                out.push(' ');
                column += 1;
            }
            spaces = true;
        } else {
            out.push(c);
            column += 1;
            spaces = false;
        }
    }
    out.push('"');
}

fn csvdecode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    let mut rows = parse_csv(&s).map_err(invalid)?.into_iter();
    let Some(header) = rows.next() else {
        return Err(invalid("missing header line"));
    };
    let mut seen = HashSet::new();
    for h in &header {
        if !seen.insert(h) {
            return Err(invalid(format!("duplicate column name {h:?}")));
        }
    }
    let out = rows
        .map(|row| {
            let mut entries: Vec<Entry> = header
                .iter()
                .zip(row)
                .map(|(k, v)| cx.entry(k.clone(), cx.string(v)))
                .collect();
            entries.sort_by(|x, y| x.key.cmp(&y.key));
            cx.map(entries)
        })
        .collect();
    Ok(cx.list(out))
}

/// RFC 4180 records as Go's `encoding/csv` reads them (blank lines skipped,
/// every record with as many fields as the first).
fn parse_csv(s: &str) -> Result<Vec<Vec<String>>, String> {
    let b: Vec<char> = s.chars().collect();
    let at = |i: usize| b.get(i).copied();
    let eol = |i: usize| match at(i) {
        None | Some('\n') => true,
        Some('\r') => matches!(at(i + 1), None | Some('\n')),
        _ => false,
    };
    let (mut i, mut line) = (0usize, 1usize);
    let mut records: Vec<Vec<String>> = Vec::new();
    while i < b.len() {
        if eol(i) {
            i += if at(i) == Some('\r') { 2 } else { 1 };
            line += 1;
            continue;
        }
        let record_line = line;
        let mut record = Vec::new();
        loop {
            let mut field = String::new();
            if at(i) == Some('"') {
                i += 1;
                loop {
                    match at(i) {
                        None => {
                            return Err(format!(
                                "parse error on line {line}: extraneous or missing \" in quoted-field"
                            ));
                        }
                        Some('"') if at(i + 1) == Some('"') => {
                            field.push('"');
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some('\r') if at(i + 1) == Some('\n') => {
                            field.push('\n');
                            i += 2;
                            line += 1;
                        }
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                            i += 1;
                        }
                    }
                }
                if at(i) != Some(',') && !eol(i) {
                    return Err(format!(
                        "parse error on line {line}: extraneous or missing \" in quoted-field"
                    ));
                }
            } else {
                while at(i) != Some(',') && !eol(i) {
                    let Some(c) = at(i) else { break };
                    if c == '"' {
                        return Err(format!(
                            "parse error on line {line}: bare \" in non-quoted-field"
                        ));
                    }
                    field.push(c);
                    i += 1;
                }
            }
            record.push(field);
            if at(i) == Some(',') {
                i += 1;
                continue;
            }
            if at(i) == Some('\r') {
                i += 1;
            }
            if at(i) == Some('\n') {
                i += 1;
                line += 1;
            }
            break;
        }
        if let Some(first) = records.first()
            && first.len() != record.len()
        {
            return Err(format!(
                "record on line {record_line}: wrong number of fields"
            ));
        }
        records.push(record);
    }
    Ok(records)
}

fn base64decode(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    let bytes = base64_decode(&s).ok_or_else(|| {
        let shown: String = s.chars().take(40).collect();
        invalid(format!("failed to decode base64 data {shown:?}"))
    })?;
    let decoded = String::from_utf8(bytes)
        .map_err(|_| invalid("the result of decoding the provided string is not valid UTF-8"))?;
    Ok(cx.string(decoded))
}

/// Go's `url.QueryEscape`.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// UUIDs.
// ---------------------------------------------------------------------------

fn uuidv5(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let (ns, name) = (text(&a[0])?, text(&a[1])?);
    let namespace = match &*ns {
        "dns" => uuid::Uuid::NAMESPACE_DNS,
        "url" => uuid::Uuid::NAMESPACE_URL,
        "oid" => uuid::Uuid::NAMESPACE_OID,
        "x500" => uuid::Uuid::NAMESPACE_X500,
        // Hyphenated, plain, braced or `urn:uuid:`.
        other => uuid::Uuid::try_parse(other)
            .map_err(|_| invalid(format!("uuidv5() doesn't support namespace {ns}")))?,
    };
    Ok(cx.string(uuid::Uuid::new_v5(&namespace, name.as_bytes()).to_string()))
}

// ---------------------------------------------------------------------------
// Networks.
// ---------------------------------------------------------------------------

/// A parsed CIDR prefix: the network address, its length and the address width.
struct Cidr {
    base: u128,
    len: u32,
    bits: u32,
}

/// The netmask of a `len`-bit prefix in a `bits`-bit address.
fn prefix_mask(len: u32, bits: u32) -> u128 {
    let all = all_ones(bits);
    all & !all.checked_shr(len).unwrap_or(0)
}

fn all_ones(bits: u32) -> u128 {
    u128::MAX.checked_shr(128 - bits.min(128)).unwrap_or(0)
}

/// Dotted IPv4, accepting leading zeros (decimal) as Terraform does.
fn parse_ipv4(s: &str) -> Option<u32> {
    let mut out = 0u32;
    let mut parts = 0;
    for p in s.split('.') {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = p.trim_start_matches('0');
        if digits.len() > 3 {
            return None;
        }
        let v: u32 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        if v > 255 {
            return None;
        }
        out = (out << 8) | v;
        parts += 1;
    }
    (parts == 4).then_some(out)
}

fn parse_cidr(s: &str) -> R<Cidr> {
    let err = || {
        invalid(format!(
            "invalid CIDR expression: invalid CIDR address: {s}"
        ))
    };
    let (ip, len) = s.split_once('/').ok_or_else(err)?;
    if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let len: u32 = len.parse().map_err(|_| err())?;
    let (addr, bits) = if ip.contains(':') {
        (u128::from(ip.parse::<Ipv6Addr>().map_err(|_| err())?), 128)
    } else {
        (u128::from(parse_ipv4(ip).ok_or_else(err)?), 32)
    };
    if len > bits {
        return Err(err());
    }
    Ok(Cidr {
        base: addr & prefix_mask(len, bits),
        len,
        bits,
    })
}

fn ip_string(addr: u128, bits: u32) -> String {
    if bits == 32 {
        Ipv4Addr::from(u32::try_from(addr).unwrap_or(0)).to_string()
    } else {
        Ipv6Addr::from(addr).to_string()
    }
}

fn net_string(addr: u128, len: u32, bits: u32) -> String {
    let len8 = u8::try_from(len).unwrap_or(u8::MAX);
    let net = if bits == 32 {
        ipnet::Ipv4Net::new(Ipv4Addr::from(u32::try_from(addr).unwrap_or(0)), len8)
            .map(|n| n.to_string())
    } else {
        ipnet::Ipv6Net::new(Ipv6Addr::from(addr), len8).map(|n| n.to_string())
    };
    net.unwrap_or_else(|_| format!("{}/{len}", ip_string(addr, bits)))
}

/// A whole number as a (possibly huge) integer.
fn big_integer(n: &Node) -> R<i128> {
    let x = number(n)?;
    if x.fract() != 0.0 || x.abs() >= 1.7e38 {
        return Err(invalid(format!(
            "{} is not a whole number in range",
            format_number(x)
        )));
    }
    // Whole and in range, so the conversion is exact.
    Ok(x as i128)
}

fn cidrhost(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 2, 2)?;
    let c = parse_cidr(&text(&a[0])?)?;
    let host = big_integer(&a[1])?;
    let max = all_ones(c.bits - c.len);
    let too_big = || {
        invalid(format!(
            "prefix of {} does not accommodate a host numbered {host}",
            c.len
        ))
    };
    let offset = if host >= 0 {
        let h = host.unsigned_abs();
        if h > max {
            return Err(too_big());
        }
        h
    } else {
        let back = host.unsigned_abs() - 1;
        if back > max {
            return Err(too_big());
        }
        max - back
    };
    Ok(cx.string(ip_string(c.base | offset, c.bits)))
}

fn cidrnetmask(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, 1)?;
    let s = text(&a[0])?;
    let c = parse_cidr(&s)?;
    if c.bits != 32 {
        return Err(invalid(format!(
            "IPv6 addresses cannot have a netmask: {s}"
        )));
    }
    Ok(cx.string(ip_string(prefix_mask(c.len, 32), 32)))
}

fn cidrsubnet(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 3, 3)?;
    let c = parse_cidr(&text(&a[0])?)?;
    let newbits = integer(&a[1])?;
    let netnum = big_integer(&a[2])?;
    if newbits < 0 {
        return Err(invalid("newbits must not be negative"));
    }
    let new_len = i64::from(c.len) + newbits;
    if new_len > i64::from(c.bits) {
        return Err(invalid(format!(
            "insufficient address space to extend prefix of {} by {newbits}",
            c.len
        )));
    }
    let new_len = u32::try_from(new_len).unwrap_or(c.bits);
    let num = netnum.unsigned_abs();
    if netnum < 0 || num > all_ones(new_len - c.len) {
        return Err(invalid(format!(
            "prefix extension of {newbits} does not accommodate a subnet numbered {netnum}"
        )));
    }
    let subnet = c.base | num.checked_shl(c.bits - new_len).unwrap_or(0);
    Ok(cx.string(net_string(subnet, new_len, c.bits)))
}

fn cidrsubnets(cx: &Cx, a: &[Node]) -> R<Node> {
    arity(a, 1, usize::MAX)?;
    let c = parse_cidr(&text(&a[0])?)?;
    let Some(first) = a.get(1) else {
        return Ok(cx.list(Vec::new()));
    };
    let first_len = (i64::from(c.len) + integer(first)?).clamp(0, i64::from(c.bits));
    let first_len = u32::try_from(first_len).unwrap_or(c.bits);
    let host = |len: u32| all_ones(c.bits - len);
    // Start just before the prefix, then allocate each subnet after the previous one.
    let mut cur = (
        c.base.wrapping_sub(1) & all_ones(c.bits) & prefix_mask(first_len, c.bits),
        first_len,
    );
    let mut out = Vec::with_capacity(a.len() - 1);
    for n in &a[1..] {
        let ext = integer(n)?;
        if ext < 1 {
            return Err(invalid("must extend prefix by at least one bit"));
        }
        if ext > 32 {
            return Err(invalid("may not extend prefix by more than 32 bits"));
        }
        let len = i64::from(c.len) + ext;
        if len > i64::from(c.bits) {
            let family = if c.bits == 32 { "IPv4" } else { "IPv6" };
            return Err(invalid(format!(
                "would extend prefix to {len} bits, which is too long for an {family} address"
            )));
        }
        let len = u32::try_from(len).unwrap_or(c.bits);
        let last = cur.0 | host(cur.1);
        let containing = last & prefix_mask(len, c.bits);
        let next = (containing | host(len)).wrapping_add(1) & all_ones(c.bits);
        if next == 0 || next & prefix_mask(c.len, c.bits) != c.base {
            return Err(invalid(format!(
                "not enough remaining address space for a subnet with a prefix of {len} bits after {}",
                net_string(cur.0, cur.1, c.bits)
            )));
        }
        cur = (next, len);
        out.push(cx.string(net_string(next, len, c.bits)));
    }
    Ok(cx.list(out))
}

// ---------------------------------------------------------------------------
// Paths (Go's path/filepath on Unix; no filesystem access).
// ---------------------------------------------------------------------------

fn basename(p: &str) -> String {
    if p.is_empty() {
        return ".".to_owned();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_owned();
    }
    trimmed
        .rsplit_once('/')
        .map_or(trimmed, |(_, base)| base)
        .to_owned()
}

fn dirname(p: &str) -> String {
    let dir = p.rfind('/').map_or("", |i| p.get(..=i).unwrap_or(""));
    clean_path(dir)
}

/// Go's `filepath.Clean`.
fn clean_path(p: &str) -> String {
    if p.is_empty() {
        return ".".to_owned();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|last| *last != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if rooted {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value as J, json};

    /// Where the calls under test are written.
    const CALL: Span = Span {
        start: 100,
        end: 120,
    };
    /// File of the calls under test.
    const CALL_FILE: FileIdx = 7;
    /// In test JSON, this string stands for an unknown value.
    const UNK: &str = "(unknown)";

    /// Build a node from JSON (at offset 0 of file 0).
    fn j(v: &J) -> Node {
        let value = match v {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => Value::Number(n.as_f64().unwrap()),
            J::String(s) if s == UNK => Value::Unknown("test".into()),
            J::String(s) => Value::String(s.clone()),
            J::Array(items) => Value::List(items.iter().map(j).collect()),
            J::Object(m) => Value::Map(
                m.iter()
                    .map(|(k, v)| Entry {
                        key: k.clone(),
                        key_span: Span::default(),
                        value: j(v),
                    })
                    .collect(),
            ),
        };
        Node::new(Span::default(), value)
    }

    /// Drop locations and order map keys, to compare values only.
    fn strip(n: &Node) -> Node {
        let value = match &n.value {
            Value::List(items) => Value::List(items.iter().map(strip).collect()),
            Value::Map(entries) => Value::Map(
                sorted_entries(entries)
                    .into_iter()
                    .map(|e| Entry {
                        key: e.key.clone(),
                        key_span: Span::default(),
                        value: strip(&e.value),
                    })
                    .collect(),
            ),
            v => v.clone(),
        };
        Node::new(Span::default(), value)
    }

    fn run(name: &str, args: &J) -> Result<Node, CallError> {
        let args: Vec<Node> = args.as_array().unwrap().iter().map(j).collect();
        call(name, &args, CALL, CALL_FILE)
    }

    #[track_caller]
    fn ok(name: &str, args: J, want: J) {
        match run(name, &args) {
            Ok(got) => assert_eq!(strip(&got), strip(&j(&want)), "{name}({args})"),
            Err(e) => panic!("{name}({args}) failed: {e:?}"),
        }
    }

    #[track_caller]
    fn bad(name: &str, args: J) {
        match run(name, &args) {
            Err(CallError::Invalid(_)) => {}
            other => panic!("{name}({args}): expected Invalid, got {other:?}"),
        }
    }

    #[track_caller]
    fn unk(name: &str, args: J) {
        match run(name, &args) {
            Err(CallError::Unknown(_)) => {}
            other => panic!("{name}({args}): expected Unknown, got {other:?}"),
        }
    }

    #[track_caller]
    fn approx(name: &str, args: J, want: f64) {
        match run(name, &args).map(|n| n.value) {
            Ok(Value::Number(x)) => assert!((x - want).abs() < 1e-9, "{name}({args}) = {x}"),
            other => panic!("{name}({args}) = {other:?}"),
        }
    }

    fn at(start: u32, file: FileIdx, value: Value) -> Node {
        Node {
            span: Span {
                start,
                end: start + 1,
            },
            file,
            value,
        }
    }

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    // --- Registry -----------------------------------------------------------

    #[test]
    fn implemented_is_sorted_and_dispatched() {
        let names = implemented();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "not sorted");
        for name in names {
            let r = call(name, &[], CALL, 0);
            assert!(
                !matches!(r, Err(CallError::Unsupported(_))),
                "{name} is listed but not dispatched"
            );
        }
    }

    #[test]
    fn unsupported_functions() {
        for name in [
            "try",
            "can",
            "file",
            "templatefile",
            "fileexists",
            "filebase64",
            "fileset",
            "abspath",
            "pathexpand",
            "timestamp",
            "uuid",
            "bcrypt",
            "formatdate",
            "provider::aws::arn_parse",
            "nosuchfunction",
        ] {
            assert!(
                matches!(run(name, &json!(["x"])), Err(CallError::Unsupported(_))),
                "{name}"
            );
        }
        ok("core::length", json!([[1, 2]]), json!(2));
        bad("list", json!([1]));
    }

    // --- Numbers ------------------------------------------------------------

    #[test]
    fn numbers() {
        ok("abs", json!([23]), json!(23));
        ok("abs", json!([0]), json!(0));
        ok("abs", json!([-12.4]), json!(12.4));
        ok("abs", json!(["-3"]), json!(3));
        ok("ceil", json!([5]), json!(5));
        ok("ceil", json!([5.1]), json!(6));
        ok("floor", json!([4.9]), json!(4));
        ok("floor", json!([-1.5]), json!(-2));
        approx("log", json!([50, 10]), 1.698_970_004_336_018_5);
        approx("log", json!([16, 2]), 4.0);
        approx("log", json!([1, 10]), 0.0);
        ok("pow", json!([3, 2]), json!(9));
        ok("pow", json!([4, 0]), json!(1));
        ok("signum", json!([-13]), json!(-1));
        ok("signum", json!([0]), json!(0));
        ok("signum", json!([344]), json!(1));
        ok("max", json!([12, 54, 3]), json!(54));
        ok("min", json!([12, 54, 3]), json!(3));
        ok("max", json!(["7", 5]), json!(7));
        bad("min", json!([]));
        bad("abs", json!(["x"]));
        bad("abs", json!([true]));
        unk("abs", json!([UNK]));
    }

    #[test]
    fn parseint() {
        ok("parseint", json!(["100", 10]), json!(100));
        ok("parseint", json!(["FF", 16]), json!(255));
        ok("parseint", json!(["-10", 16]), json!(-16));
        ok("parseint", json!(["1011111011101111", 2]), json!(48879));
        ok("parseint", json!(["aA", 62]), json!(656));
        ok("parseint", json!(["zz", 36]), json!(1295));
        bad("parseint", json!(["12", 2]));
        bad("parseint", json!(["", 10]));
        bad("parseint", json!(["1", 63]));
        bad("parseint", json!([100, 10]));
    }

    #[test]
    fn range() {
        ok("range", json!([3]), json!([0, 1, 2]));
        ok("range", json!([1, 4]), json!([1, 2, 3]));
        ok("range", json!([1, 8, 2]), json!([1, 3, 5, 7]));
        ok("range", json!([1, 4, 0.5]), json!([1, 1.5, 2, 2.5, 3, 3.5]));
        ok("range", json!([4, 1]), json!([4, 3, 2]));
        ok("range", json!([10, 5, -2]), json!([10, 8, 6]));
        ok("range", json!([-3]), json!([0, -1, -2]));
        ok("range", json!([0]), json!([]));
        ok(
            "range",
            json!([0, 1, 0.1]),
            json!([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
        );
        ok(
            "length",
            json!([run("range", &json!([1024])).unwrap().to_json()]),
            json!(1024),
        );
        bad("range", json!([1025]));
        bad("range", json!([0, 1e300]));
        bad("range", json!([1, 2, 0]));
        bad("range", json!([1, 5, -1]));
        bad("range", json!([5, 1, 1]));
        bad("range", json!([]));
    }

    #[test]
    fn sum() {
        ok("sum", json!([[10, 13, 6, 4.5]]), json!(33.5));
        ok("sum", json!([["1", 2]]), json!(3));
        ok("sum", json!([[0.1, 0.2]]), json!(0.3));
        bad("sum", json!([[]]));
        bad("sum", json!([[1, null]]));
        bad("sum", json!([["a"]]));
        unk("sum", json!([[1, UNK]]));
    }

    // --- Strings ------------------------------------------------------------

    #[test]
    fn simple_strings() {
        ok("chomp", json!(["hello\n"]), json!("hello"));
        ok("chomp", json!(["hello\r\n"]), json!("hello"));
        ok("chomp", json!(["hello\n\n"]), json!("hello"));
        ok("chomp", json!(["hel\nlo"]), json!("hel\nlo"));
        ok("endswith", json!(["hello world", "world"]), json!(true));
        ok("endswith", json!(["hello world", "hello"]), json!(false));
        ok("startswith", json!(["hello world", "hello"]), json!(true));
        ok("startswith", json!(["hello world", "world"]), json!(false));
        ok("startswith", json!(["hello", ""]), json!(true));
        ok("strcontains", json!(["hello world", "wor"]), json!(true));
        ok("strcontains", json!(["hello world", "wod"]), json!(false));
        ok("lower", json!(["HELLO"]), json!("hello"));
        ok("lower", json!(["АЛЛО!"]), json!("алло!"));
        ok("upper", json!(["hello"]), json!("HELLO"));
        ok("upper", json!(["алло!"]), json!("АЛЛО!"));
        ok("upper", json!(["straße"]), json!("STRAßE"));
        ok("title", json!(["hello world"]), json!("Hello World"));
        ok(
            "title",
            json!(["hello_world-foo bar.baz"]),
            json!("Hello_world-Foo Bar.Baz"),
        );
        ok("trim", json!(["?!hello?!", "!?"]), json!("hello"));
        ok("trim", json!(["foobar", "far"]), json!("oob"));
        ok(
            "trim",
            json!(["   hello! world.!  ", "! "]),
            json!("hello! world."),
        );
        ok("trimprefix", json!(["helloworld", "hello"]), json!("world"));
        ok(
            "trimprefix",
            json!(["helloworld", "cat"]),
            json!("helloworld"),
        );
        ok("trimsuffix", json!(["helloworld", "world"]), json!("hello"));
        ok(
            "trimsuffix",
            json!(["helloworld", "cat"]),
            json!("helloworld"),
        );
        ok("trimspace", json!(["  hello\n\n"]), json!("hello"));
        ok("strrev", json!(["hello"]), json!("olleh"));
        ok("strrev", json!(["a ☃"]), json!("☃ a"));
        ok("strrev", json!(["xe\u{301}y"]), json!("ye\u{301}x"));
        ok("upper", json!([12]), json!("12"));
        bad("upper", json!([null]));
        bad("upper", json!([[1]]));
        unk("upper", json!([UNK]));
        unk("trimprefix", json!(["abc", UNK]));
    }

    #[test]
    fn substr() {
        ok("substr", json!(["hello world", 1, 4]), json!("ello"));
        ok("substr", json!(["🤔🤷", 0, 1]), json!("🤔"));
        ok("substr", json!(["hello world", -5, -1]), json!("world"));
        ok("substr", json!(["hello world", 6, 10]), json!("world"));
        ok("substr", json!(["hello", 10, 2]), json!(""));
        ok("substr", json!(["hello", -10, 2]), json!("he"));
        ok("substr", json!(["hello", 1, 0]), json!(""));
        ok("substr", json!(["ne\u{301}e", 1, 1]), json!("e\u{301}"));
        bad("substr", json!(["hello", 1.5, 1]));
    }

    #[test]
    fn length() {
        ok("length", json!([[]]), json!(0));
        ok("length", json!([["a", "b"]]), json!(2));
        ok("length", json!([{"a": "b"}]), json!(1));
        ok("length", json!(["hello"]), json!(5));
        ok("length", json!(["👾🕹️"]), json!(2));
        ok("length", json!(["e\u{301}"]), json!(1));
        ok("length", json!(["🇫🇷🇩🇪"]), json!(2));
        // The list is known even though an element is not.
        ok("length", json!([["a", UNK]]), json!(2));
        ok("length", json!([{"a": UNK, "b": 1}]), json!(2));
        unk("length", json!([UNK]));
        bad("length", json!([5]));
        bad("length", json!([null]));
    }

    #[test]
    fn format() {
        ok(
            "format",
            json!(["Hello, %s!", "Ander"]),
            json!("Hello, Ander!"),
        );
        ok(
            "format",
            json!(["There are %d lights", 4]),
            json!("There are 4 lights"),
        );
        ok("format", json!(["%d", "42"]), json!("42"));
        ok("format", json!(["%5d|", 42]), json!("   42|"));
        ok("format", json!(["%-5d|", 42]), json!("42   |"));
        ok("format", json!(["%05d", -42]), json!("-0042"));
        ok("format", json!(["%+d", 5]), json!("+5"));
        ok("format", json!(["%.3d", 7]), json!("007"));
        ok(
            "format",
            json!(["%b %o %x %X %#x", 5, 8, 255, 255, 255]),
            json!("101 10 ff FF 0xff"),
        );
        ok("format", json!(["%.2f", 1.23456]), json!("1.23"));
        ok("format", json!(["%5.2f|", 1.23456]), json!(" 1.23|"));
        ok("format", json!(["%f", 1.5]), json!("1.500000"));
        ok("format", json!(["%e", 1234.5678]), json!("1.234568e+03"));
        ok("format", json!(["%E", 0.000_123]), json!("1.230000E-04"));
        ok("format", json!(["%g", 1_000_000]), json!("1e+06"));
        ok("format", json!(["%g", 123_456]), json!("123456"));
        ok("format", json!(["%g", 0.0001]), json!("0.0001"));
        ok("format", json!(["%g", 0.00001]), json!("1e-05"));
        ok("format", json!(["%.3g", 1.23456]), json!("1.23"));
        ok("format", json!(["%v", 1.5]), json!("1.5"));
        ok("format", json!(["%v", 1_000_000]), json!("1e+06"));
        ok(
            "format",
            json!(["%v %v %v", "a", true, null]),
            json!("a true null"),
        );
        ok("format", json!(["%v", [1, "a"]]), json!("[1,\"a\"]"));
        ok(
            "format",
            json!(["%v", {"b": 1, "a": [true]}]),
            json!("{\"a\":[true],\"b\":1}"),
        );
        ok("format", json!(["%#v", "a"]), json!("\"a\""));
        ok("format", json!(["%t", true]), json!("true"));
        ok("format", json!(["%t", "false"]), json!("false"));
        ok("format", json!(["%q", "a\"b<"]), json!("\"a\\\"b\\u003c\""));
        ok("format", json!(["%q", 12]), json!("\"12\""));
        ok("format", json!(["%s", 12]), json!("12"));
        ok("format", json!(["%s", true]), json!("true"));
        ok(
            "format",
            json!(["%-5s|%5s|", "ab", "cd"]),
            json!("ab   |   cd|"),
        );
        ok("format", json!(["%.2s", "héllo"]), json!("hé"));
        ok("format", json!(["%%"]), json!("%"));
        ok("format", json!(["100%%"]), json!("100%"));
        ok(
            "format",
            json!(["%[2]s %[1]s %s", "a", "b"]),
            json!("b a b"),
        );
        ok(
            "format",
            json!(["%99999999999s", "a"]),
            json!(format!("{}a", " ".repeat(MAX_PAD - 1))),
        );
        bad("format", json!(["%d", 1.5]));
        bad("format", json!(["%d", "x"]));
        bad("format", json!(["%d", true]));
        bad("format", json!(["%s %s", "a"]));
        bad("format", json!(["%s", "a", "b"]));
        bad("format", json!(["no verbs", "a"]));
        bad("format", json!(["%s", [1]]));
        bad("format", json!(["%s", null]));
        bad("format", json!(["%z", 1]));
        bad("format", json!(["%", 1]));
        bad("format", json!(["%[0]s", 1]));
        bad("format", json!(["%!", 1]));
        unk("format", json!(["%s", UNK]));
        unk("format", json!(["%v", [1, UNK]]));
        unk("format", json!([UNK, 1]));
    }

    #[test]
    fn formatlist() {
        ok(
            "formatlist",
            json!(["Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"]]),
            json!([
                "Hello, Valentina!",
                "Hello, Ander!",
                "Hello, Olivia!",
                "Hello, Sam!"
            ]),
        );
        ok(
            "formatlist",
            json!(["%s, %s!", "Salutations", ["Valentina", "Ander"]]),
            json!(["Salutations, Valentina!", "Salutations, Ander!"]),
        );
        ok(
            "formatlist",
            json!(["%s=%s", ["a", "b"], [1, 2]]),
            json!(["a=1", "b=2"]),
        );
        ok("formatlist", json!(["x"]), json!(["x"]));
        ok("formatlist", json!(["%s", []]), json!([]));
        // An unknown element makes only its own result unknown.
        let got = run("formatlist", &json!(["<%s>", ["a", UNK]])).unwrap();
        assert_eq!(got.items()[0].as_str(), Some("<a>"));
        assert!(got.items()[1].is_unknown());
        bad("formatlist", json!(["%s %s", ["a"], ["b", "c"]]));
        bad("formatlist", json!(["%d", ["a"]]));
        unk("formatlist", json!(["%s", UNK]));
    }

    #[test]
    fn indent_join_split() {
        ok(
            "indent",
            json!([2, "[\n  foo,\n  bar,\n]\n"]),
            json!("[\n    foo,\n    bar,\n  ]\n  "),
        );
        ok(
            "indent",
            json!([1_000_000_000, "a\nb"]),
            json!(format!("a\n{}b", " ".repeat(MAX_PAD))),
        );
        bad("indent", json!([-1, "a"]));
        ok(
            "join",
            json!([", ", ["foo", "bar", "baz"]]),
            json!("foo, bar, baz"),
        );
        ok("join", json!([", ", ["foo"]]), json!("foo"));
        ok("join", json!([", ", []]), json!(""));
        ok(
            "join",
            json!(["-", ["a"], ["b", 1, true]]),
            json!("a-b-1-true"),
        );
        bad("join", json!([",", ["a", null]]));
        bad("join", json!([","]));
        bad("join", json!([",", "a"]));
        unk("join", json!([",", ["a", UNK]]));
        ok("split", json!([",", "foo"]), json!(["foo"]));
        ok(
            "split",
            json!([",", "foo,bar,baz"]),
            json!(["foo", "bar", "baz"]),
        );
        ok("split", json!([",", ""]), json!([""]));
        ok("split", json!(["", "abc"]), json!(["a", "b", "c"]));
        ok("split", json!([", ", "a, b,c"]), json!(["a", "b,c"]));
    }

    #[test]
    fn replace() {
        ok(
            "replace",
            json!(["1 + 2 + 3", "+", "-"]),
            json!("1 - 2 - 3"),
        );
        ok(
            "replace",
            json!(["hello world", "/w.*d/", "everybody"]),
            json!("hello everybody"),
        );
        ok(
            "replace",
            json!(["hello world", "/(h)(e)/", "$2$1"]),
            json!("ehllo world"),
        );
        ok(
            "replace",
            json!(["a-b-c", "/-/", "${0}${0}"]),
            json!("a--b--c"),
        );
        ok("replace", json!(["abc", "", "-"]), json!("-a-b-c-"));
        ok("replace", json!(["a/b", "/", "|"]), json!("a|b"));
        // "//" is the empty pattern, which matches between every character.
        ok("replace", json!(["a//b", "//", "|"]), json!("|a|/|/|b|"));
        bad("replace", json!(["abc", "/(/", "x"]));
    }

    #[test]
    fn regex() {
        ok(
            "regex",
            json!(["[a-z]+", "53453453.345345aaabbbccc23454"]),
            json!("aaabbbccc"),
        );
        ok(
            "regex",
            json!(["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"]),
            json!(["2019", "02", "01"]),
        );
        ok(
            "regex",
            json!([
                "^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?",
                "https://terraform.io/docs/"
            ]),
            json!({"authority": "terraform.io", "scheme": "https"}),
        );
        ok("regex", json!(["(a)|(b)", "b"]), json!([null, "b"]));
        bad("regex", json!(["[a-z]+", "53453453.34534523454"]));
        bad("regex", json!(["(?P<x>a)(b)", "ab"]));
        bad("regex", json!(["[", "a"]));
        ok(
            "regexall",
            json!(["[a-z]+", "1234abcd5678efgh9"]),
            json!(["abcd", "efgh"]),
        );
        ok("regexall", json!(["[a-z]+", "123456789"]), json!([]));
        ok(
            "regexall",
            json!(["(\\d)(\\w)", "1a 2b"]),
            json!([["1", "a"], ["2", "b"]]),
        );
        unk("regex", json!([UNK, "a"]));
    }

    // --- Collections --------------------------------------------------------

    #[test]
    fn alltrue_anytrue() {
        ok("alltrue", json!([["true", true]]), json!(true));
        ok("alltrue", json!([[true, false]]), json!(false));
        ok("alltrue", json!([[]]), json!(true));
        ok("alltrue", json!([[UNK, false]]), json!(false));
        ok("alltrue", json!([[true, null]]), json!(false));
        unk("alltrue", json!([[UNK, true]]));
        bad("alltrue", json!([["yes"]]));
        ok("anytrue", json!([["true"]]), json!(true));
        ok("anytrue", json!([[true, false]]), json!(true));
        ok("anytrue", json!([[]]), json!(false));
        ok("anytrue", json!([[false, UNK, true]]), json!(true));
        unk("anytrue", json!([[false, UNK]]));
    }

    #[test]
    fn chunklist() {
        ok(
            "chunklist",
            json!([["a", "b", "c", "d", "e"], 2]),
            json!([["a", "b"], ["c", "d"], ["e"]]),
        );
        ok(
            "chunklist",
            json!([["a", "b", "c", "d", "e"], 1]),
            json!([["a"], ["b"], ["c"], ["d"], ["e"]]),
        );
        ok("chunklist", json!([[], 2]), json!([]));
        ok("chunklist", json!([["a", "b"], 0]), json!([["a", "b"]]));
        ok("chunklist", json!([["a", UNK], 1]), json!([["a"], [UNK]]));
        bad("chunklist", json!([["a"], -1]));
    }

    #[test]
    fn coalesce() {
        ok("coalesce", json!(["a", "b"]), json!("a"));
        ok("coalesce", json!(["", "b"]), json!("b"));
        ok("coalesce", json!([1, 2]), json!(1));
        ok("coalesce", json!([0, 2]), json!(0));
        ok("coalesce", json!([null, "x"]), json!("x"));
        ok("coalesce", json!([1, ""]), json!("1"));
        ok("coalesce", json!(["", 5]), json!("5"));
        ok("coalesce", json!(["a", UNK]), json!("a"));
        ok("coalesce", json!([[], ["a"]]), json!([]));
        unk("coalesce", json!(["", UNK, "b"]));
        bad("coalesce", json!([null, ""]));
        bad("coalesce", json!([]));
        bad("coalesce", json!(["a", ["b"]]));
        ok(
            "coalescelist",
            json!([["a", "b"], ["c", "d"]]),
            json!(["a", "b"]),
        );
        ok("coalescelist", json!([[], ["c", "d"]]), json!(["c", "d"]));
        ok("coalescelist", json!([null, ["c"]]), json!(["c"]));
        unk("coalescelist", json!([[], UNK]));
        bad("coalescelist", json!([[], []]));
        bad("coalescelist", json!([["a"], "b"]));
    }

    #[test]
    fn compact_concat_distinct() {
        ok(
            "compact",
            json!([["a", "", "b", null, "c"]]),
            json!(["a", "b", "c"]),
        );
        ok("compact", json!([[1, ""]]), json!(["1"]));
        unk("compact", json!([["a", UNK]]));
        ok(
            "concat",
            json!([["a", ""], ["b", "c"]]),
            json!(["a", "", "b", "c"]),
        );
        ok("concat", json!([["a", UNK], ["b"]]), json!(["a", UNK, "b"]));
        ok("concat", json!([[]]), json!([]));
        unk("concat", json!([["a"], UNK]));
        bad("concat", json!([]));
        bad("concat", json!([["a"], "b"]));
        ok(
            "distinct",
            json!([["a", "b", "a", "c", "d", "b"]]),
            json!(["a", "b", "c", "d"]),
        );
        ok("distinct", json!([[[1], [2], [1]]]), json!([[1], [2]]));
        ok("distinct", json!([[1, "1"]]), json!(["1"]));
        unk("distinct", json!([["a", UNK]]));
    }

    #[test]
    fn contains_and_index() {
        ok("contains", json!([["a", "b", "c"], "a"]), json!(true));
        ok("contains", json!([["a", "b", "c"], "d"]), json!(false));
        ok("contains", json!([[], "d"]), json!(false));
        ok("contains", json!([["a", UNK], "a"]), json!(true));
        ok("contains", json!([[1, 2], "1"]), json!(false));
        ok("contains", json!([[{"a": [1]}], {"a": [1]}]), json!(true));
        unk("contains", json!([[UNK, "b"], "a"]));
        unk("contains", json!([["a"], UNK]));
        unk("contains", json!([UNK, "a"]));
        bad("contains", json!([{"a": 1}, "a"]));
        bad("contains", json!([null, "a"]));
        ok("index", json!([["a", "b", "c"], "b"]), json!(1));
        ok("index", json!([["a", UNK], "a"]), json!(0));
        unk("index", json!([[UNK, "b"], "b"]));
        bad("index", json!([["a"], "z"]));
        bad("index", json!([[], "z"]));
    }

    #[test]
    fn element() {
        ok("element", json!([["a", "b", "c"], 1]), json!("b"));
        ok("element", json!([["a", "b", "c"], 3]), json!("a"));
        ok("element", json!([["a", "b", "c"], 5]), json!("c"));
        ok("element", json!([["a", UNK], 0]), json!("a"));
        unk("element", json!([["a", UNK], 1]));
        unk("element", json!([["a"], UNK]));
        unk("element", json!([UNK, 0]));
        bad("element", json!([[], 0]));
        bad("element", json!([["a"], -1]));
        bad("element", json!([["a"], 0.5]));
        bad("element", json!([{"a": 1}, 0]));
    }

    #[test]
    fn flatten() {
        ok(
            "flatten",
            json!([[["a", "b"], [], ["c"]]]),
            json!(["a", "b", "c"]),
        );
        ok(
            "flatten",
            json!([[[["a", "b"], []], ["c"]]]),
            json!(["a", "b", "c"]),
        );
        ok(
            "flatten",
            json!([[{"a": 1}, [2, null]]]),
            json!([{"a": 1}, 2, null]),
        );
        ok("flatten", json!([[]]), json!([]));
        // An unknown element may be a list: the result's shape is unknown.
        unk("flatten", json!([[["a"], UNK]]));
        bad("flatten", json!(["a"]));
        let mut deep = Node::new(Span::default(), Value::List(vec![]));
        for _ in 0..300 {
            deep = Node::new(Span::default(), Value::List(vec![deep]));
        }
        assert!(matches!(
            call("flatten", &[deep], CALL, 0),
            Err(CallError::Invalid(_))
        ));
    }

    #[test]
    fn keys_values_lookup() {
        ok(
            "keys",
            json!([{"a": 1, "c": 2, "d": 3}]),
            json!(["a", "c", "d"]),
        );
        ok("keys", json!([{"b": 1, "a": UNK}]), json!(["a", "b"]));
        ok("keys", json!([{}]), json!([]));
        unk("keys", json!([UNK]));
        bad("keys", json!([["a"]]));
        ok(
            "values",
            json!([{"a": 3, "c": 2, "d": 1}]),
            json!([3, 2, 1]),
        );
        ok("values", json!([{"b": 1, "a": UNK}]), json!([UNK, 1]));
        ok(
            "lookup",
            json!([{"a": "ay", "b": "bee"}, "a", "what?"]),
            json!("ay"),
        );
        ok(
            "lookup",
            json!([{"a": "ay", "b": "bee"}, "c", "what?"]),
            json!("what?"),
        );
        ok("lookup", json!([{"a": "ay"}, "a"]), json!("ay"));
        ok("lookup", json!([{"a": UNK, "b": "x"}, "b"]), json!("x"));
        bad("lookup", json!([{"a": 1}, "c"]));
        bad("lookup", json!([["a"], "a"]));
        unk("lookup", json!([{"a": UNK}, "a"]));
        unk("lookup", json!([UNK, "a"]));
        unk("lookup", json!([{"a": 1}, UNK]));
    }

    #[test]
    fn matchkeys_merge_one() {
        ok(
            "matchkeys",
            json!([
                ["i-123", "i-abc", "i-def"],
                ["us-west", "us-east", "us-east"],
                ["us-east"]
            ]),
            json!(["i-abc", "i-def"]),
        );
        ok(
            "matchkeys",
            json!([["a", "b"], [1, 2], ["2"]]),
            json!(["b"]),
        );
        ok("matchkeys", json!([["a"], ["x"], []]), json!([]));
        bad("matchkeys", json!([["a"], [], ["x"]]));
        ok(
            "merge",
            json!([{"a": "b", "c": "d"}, {"e": "f", "c": "z"}]),
            json!({"a": "b", "c": "z", "e": "f"}),
        );
        ok(
            "merge",
            json!([{"a": "b"}, {"a": [1, 2], "c": "z"}, {"d": 3}]),
            json!({"a": [1, 2], "c": "z", "d": 3}),
        );
        // Unknown values are kept; the merged map is known.
        ok(
            "merge",
            json!([{"a": UNK}, {"b": 1}]),
            json!({"a": UNK, "b": 1}),
        );
        ok("merge", json!([null, {"a": 1}]), json!({"a": 1}));
        ok("merge", json!([]), json!({}));
        unk("merge", json!([UNK, {"a": 1}]));
        bad("merge", json!([{"a": 1}, [1]]));
        ok("one", json!([[]]), json!(null));
        ok("one", json!([["hello"]]), json!("hello"));
        bad("one", json!([["hello", "goodbye"]]));
        bad("one", json!([{"a": 1}]));
        unk("one", json!([UNK]));
        unk("one", json!([[UNK]]));
    }

    #[test]
    fn reverse_slice_sort() {
        ok("reverse", json!([[1, 2, 3]]), json!([3, 2, 1]));
        ok("reverse", json!([[]]), json!([]));
        bad("reverse", json!(["abc"]));
        ok(
            "slice",
            json!([["a", "b", "c", "d"], 1, 3]),
            json!(["b", "c"]),
        );
        ok("slice", json!([["a", "b"], 2, 2]), json!([]));
        bad("slice", json!([["a"], 0, 2]));
        bad("slice", json!([["a", "b"], 2, 1]));
        bad("slice", json!([["a", "b"], -1, 1]));
        ok(
            "sort",
            json!([["e", "d", "a", "x"]]),
            json!(["a", "d", "e", "x"]),
        );
        ok("sort", json!([[10, 9, "b"]]), json!(["10", "9", "b"]));
        bad("sort", json!([["a", null]]));
        unk("sort", json!([["a", UNK]]));
    }

    #[test]
    fn sets() {
        ok(
            "setintersection",
            json!([["a", "b"], ["b", "c"], ["b", "d"]]),
            json!(["b"]),
        );
        ok("setintersection", json!([["b", "a"]]), json!(["a", "b"]));
        ok(
            "setsubtract",
            json!([["a", "b", "c"], ["a", "c"]]),
            json!(["b"]),
        );
        ok(
            "setunion",
            json!([["a", "b"], ["b", "c"], ["d"]]),
            json!(["a", "b", "c", "d"]),
        );
        ok("setunion", json!([["b"], [1]]), json!(["1", "b"]));
        ok("setunion", json!([[3, 1], [2, 1]]), json!([1, 2, 3]));
        ok("setunion", json!([[[1], [1]]]), json!([[1]]));
        unk("setunion", json!([["a"], ["b", UNK]]));
        bad("setsubtract", json!([["a"]]));
        ok(
            "setproduct",
            json!([["development", "staging", "production"], ["app1", "app2"]]),
            json!([
                ["development", "app1"],
                ["development", "app2"],
                ["staging", "app1"],
                ["staging", "app2"],
                ["production", "app1"],
                ["production", "app2"]
            ]),
        );
        ok("setproduct", json!([["a"], []]), json!([]));
        ok(
            "setproduct",
            json!([["a"], ["b"], [1, 2]]),
            json!([["a", "b", 1], ["a", "b", 2]]),
        );
        bad("setproduct", json!([["a"]]));
        let big: Vec<J> = (0..1000).map(|i| json!(i)).collect();
        bad("setproduct", json!([big.clone(), big.clone(), big]));
    }

    #[test]
    fn transpose_zipmap() {
        ok(
            "transpose",
            json!([{"a": ["1", "2"], "b": ["2", "3"]}]),
            json!({"1": ["a"], "2": ["a", "b"], "3": ["b"]}),
        );
        ok("transpose", json!([{}]), json!({}));
        bad("transpose", json!([{"a": "1"}]));
        unk("transpose", json!([{"a": [UNK]}]));
        ok(
            "zipmap",
            json!([["a", "b"], [1, 2]]),
            json!({"a": 1, "b": 2}),
        );
        ok("zipmap", json!([["a", "a"], [1, 2]]), json!({"a": 2}));
        ok("zipmap", json!([["a"], [UNK]]), json!({"a": UNK}));
        unk("zipmap", json!([[UNK], [1]]));
        bad("zipmap", json!([["a"], [1, 2]]));
        bad("zipmap", json!([[null], [1]]));
    }

    // --- Conversions --------------------------------------------------------

    #[test]
    fn conversions() {
        ok("tobool", json!([true]), json!(true));
        ok("tobool", json!(["true"]), json!(true));
        ok("tobool", json!([null]), json!(null));
        bad("tobool", json!(["no"]));
        bad("tobool", json!([1]));
        ok("tolist", json!([["a", "b", "c"]]), json!(["a", "b", "c"]));
        ok("tolist", json!([["a", "b", 3]]), json!(["a", "b", "3"]));
        bad("tolist", json!([{"a": 1}]));
        bad("tolist", json!([[1, [2]]]));
        ok("tomap", json!([{"a": 1, "b": 2}]), json!({"a": 1, "b": 2}));
        ok(
            "tomap",
            json!([{"a": "foo", "b": true}]),
            json!({"a": "foo", "b": "true"}),
        );
        bad("tomap", json!([["a"]]));
        ok("tonumber", json!([1]), json!(1));
        ok("tonumber", json!(["1"]), json!(1));
        ok("tonumber", json!(["-2.5e3"]), json!(-2500));
        ok("tonumber", json!([null]), json!(null));
        bad("tonumber", json!(["no"]));
        bad("tonumber", json!([" 1"]));
        bad("tonumber", json!(["nan"]));
        ok("toset", json!([["a", "b", "c"]]), json!(["a", "b", "c"]));
        ok("toset", json!([["a", "b", 3]]), json!(["3", "a", "b"]));
        ok("toset", json!([["c", "b", "b"]]), json!(["b", "c"]));
        ok("toset", json!([[3, 1, 2, 1]]), json!([1, 2, 3]));
        unk("toset", json!([["a", UNK]]));
        ok("tostring", json!(["hello"]), json!("hello"));
        ok("tostring", json!([1]), json!("1"));
        ok("tostring", json!([1.5]), json!("1.5"));
        ok("tostring", json!([true]), json!("true"));
        ok("tostring", json!([null]), json!(null));
        bad("tostring", json!([[]]));
        unk("tostring", json!([UNK]));
        ok("sensitive", json!(["x"]), json!("x"));
        ok("nonsensitive", json!([{"a": 1}]), json!({"a": 1}));
        unk("nonsensitive", json!([UNK]));
    }

    // --- Encodings ----------------------------------------------------------

    #[test]
    fn base64_and_urlencode() {
        ok(
            "base64encode",
            json!(["Hello World"]),
            json!("SGVsbG8gV29ybGQ="),
        );
        ok("base64encode", json!([""]), json!(""));
        ok("base64encode", json!(["a"]), json!("YQ=="));
        ok("base64encode", json!(["ab"]), json!("YWI="));
        ok("base64encode", json!(["☃"]), json!("4piD"));
        ok(
            "base64decode",
            json!(["SGVsbG8gV29ybGQ="]),
            json!("Hello World"),
        );
        ok("base64decode", json!(["YQ=="]), json!("a"));
        ok("base64decode", json!(["YW\nI="]), json!("ab"));
        bad("base64decode", json!(["Y"]));
        bad("base64decode", json!(["Y=Q="]));
        bad("base64decode", json!(["YQ==YQ=="]));
        bad("base64decode", json!(["/w=="]));
        ok(
            "urlencode",
            json!(["Hello World!"]),
            json!("Hello+World%21"),
        );
        ok("urlencode", json!(["☃"]), json!("%E2%98%83"));
        ok(
            "urlencode",
            json!(["foo:bar@localhost?foo=bar&bar=baz"]),
            json!("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz"),
        );
    }

    #[test]
    fn csvdecode() {
        ok(
            "csvdecode",
            json!(["a,b,c\n1,2,3\n4,5,6"]),
            json!([{"a": "1", "b": "2", "c": "3"}, {"a": "4", "b": "5", "c": "6"}]),
        );
        ok(
            "csvdecode",
            json!(["name,desc\r\n\"x\",\"a, \"\"b\"\"\nc\"\r\n\r\ny,\n"]),
            json!([{"name": "x", "desc": "a, \"b\"\nc"}, {"name": "y", "desc": ""}]),
        );
        ok("csvdecode", json!(["a,b\n"]), json!([]));
        bad("csvdecode", json!(["a,b\n1"]));
        bad("csvdecode", json!([""]));
        bad("csvdecode", json!(["a,a\n1,2"]));
        bad("csvdecode", json!(["a\nx\"y"]));
        bad("csvdecode", json!(["a\n\"x"]));
    }

    #[test]
    fn json() {
        ok(
            "jsondecode",
            json!(["{\"hello\": \"world\"}"]),
            json!({"hello": "world"}),
        );
        ok("jsondecode", json!(["true"]), json!(true));
        ok(
            "jsondecode",
            json!(["[1, \"a\", null, 2.5]"]),
            json!([1, "a", null, 2.5]),
        );
        bad("jsondecode", json!(["{\"a\":1,\"a\":2}"]));
        bad("jsondecode", json!(["{"]));
        bad("jsondecode", json!(["1 2"]));
        bad(
            "jsondecode",
            json!([format!("{}1{}", "[".repeat(500), "]".repeat(500))]),
        );
        ok(
            "jsonencode",
            json!([{"hello": "world"}]),
            json!("{\"hello\":\"world\"}"),
        );
        ok(
            "jsonencode",
            json!([{"b": [1, true, null], "a": "<x> & \"y\"\n"}]),
            json!("{\"a\":\"\\u003cx\\u003e \\u0026 \\\"y\\\"\\n\",\"b\":[1,true,null]}"),
        );
        ok("jsonencode", json!([1.5]), json!("1.5"));
        ok("jsonencode", json!([10]), json!("10"));
        ok("jsonencode", json!(["\u{1}"]), json!("\"\\u0001\""));
        unk("jsonencode", json!([{"a": UNK}]));
        let mut deep = Node::new(Span::default(), Value::Null);
        for _ in 0..300 {
            deep = Node::new(Span::default(), Value::List(vec![deep]));
        }
        assert!(matches!(
            call("jsonencode", &[deep], CALL, 0),
            Err(CallError::Invalid(_))
        ));
    }

    #[test]
    fn yaml() {
        ok(
            "yamldecode",
            json!(["hello: world"]),
            json!({"hello": "world"}),
        );
        ok("yamldecode", json!(["true"]), json!(true));
        ok(
            "yamldecode",
            json!(["{a: &foo [1, 2, 3], b: *foo}"]),
            json!({"a": [1, 2, 3], "b": [1, 2, 3]}),
        );
        ok("yamldecode", json!([""]), json!(null));
        bad("yamldecode", json!(["a: 1\n---\nb: 2"]));
        bad("yamldecode", json!(["a: [1"]));
        ok(
            "yamlencode",
            json!([{"a": "b", "c": "d"}]),
            json!("\"a\": \"b\"\n\"c\": \"d\"\n"),
        );
        ok(
            "yamlencode",
            json!([{"foo": [1, {"a": "b", "c": "d"}, 3], "bar": "baz"}]),
            json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n"),
        );
        ok(
            "yamlencode",
            json!([{"foo": [1, 2, 3], "bar": "baz"}]),
            json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n"),
        );
        ok("yamlencode", json!([true]), json!("true\n...\n"));
        ok("yamlencode", json!([0]), json!("0\n...\n"));
        ok("yamlencode", json!([null]), json!("null\n...\n"));
        ok("yamlencode", json!(["hello"]), json!("\"hello\"\n"));
        ok("yamlencode", json!([""]), json!("\"\"\n"));
        ok("yamlencode", json!([[]]), json!("[]\n"));
        ok("yamlencode", json!([{}]), json!("{}\n"));
        ok("yamlencode", json!([["b"]]), json!("- \"b\"\n"));
        ok(
            "yamlencode",
            json!([[[1, 2], {"k": {}, "l": []}]]),
            json!("- - 1\n  - 2\n- \"k\": {}\n  \"l\": []\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": {"b": {"c": 1}}}]),
            json!("\"a\":\n  \"b\":\n    \"c\": 1\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": "line1\nline2"}]),
            json!("\"a\": |-\n  line1\n  line2\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": "x\n"}]),
            json!("\"a\": |\n  x\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": "x\n\n"}]),
            json!("\"a\": |+\n  x\n\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": " x\ny"}]),
            json!("\"a\": |2-\n   x\n  y\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": "tab\there\n"}]),
            json!("\"a\": \"tab\\there\\n\"\n"),
        );
        ok(
            "yamlencode",
            json!([{"a": "q\"\\é😀"}]),
            json!("\"a\": \"q\\\"\\\\é\\U0001F600\"\n"),
        );
        unk("yamlencode", json!([{"a": UNK}]));
        // Long strings fold at spaces past column 80, and read back unchanged.
        let long = "word ".repeat(30) + "end";
        let enc = run("yamlencode", &json!([{"key": long}])).unwrap();
        let text = enc.as_str().unwrap().to_owned();
        assert!(text.lines().count() > 1, "{text}");
        assert!(text.lines().all(|l| l.chars().count() < 90), "{text}");
        ok("yamldecode", json!([text]), json!({"key": long}));
        // Multi-line values read back unchanged too.
        let value = json!({"a": ["x\ny\n", " lead\n", "trail \nx", "k\u{7}"], "b\nc": 1});
        let enc = run("yamlencode", &json!([value])).unwrap();
        ok("yamldecode", json!([enc.as_str().unwrap()]), value);
    }

    // --- Hashing ------------------------------------------------------------

    #[test]
    fn hashes() {
        ok(
            "md5",
            json!(["hello world"]),
            json!("5eb63bbbe01eeed093cb22bb8f5acdc3"),
        );
        ok(
            "md5",
            json!([""]),
            json!("d41d8cd98f00b204e9800998ecf8427e"),
        );
        ok(
            "md5",
            json!(["b".repeat(56)]),
            json!("b9d955696c7654cd20086bec31670b11"),
        );
        ok(
            "md5",
            json!(["a".repeat(200)]),
            json!("887f30b43b2867f4a9accceee7d16e6c"),
        );
        ok(
            "sha1",
            json!(["hello world"]),
            json!("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"),
        );
        ok(
            "sha1",
            json!(["b".repeat(56)]),
            json!("049adea016c8a8e3b7a9054aeeaa8643453bebd9"),
        );
        ok(
            "sha1",
            json!(["a".repeat(200)]),
            json!("e61cfffe0d9195a525fc6cf06ca2d77119c24a40"),
        );
        ok(
            "sha256",
            json!(["hello world"]),
            json!("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"),
        );
        ok(
            "sha512",
            json!(["hello world"]),
            json!(
                "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"
            ),
        );
        ok(
            "base64sha256",
            json!(["hello world"]),
            json!("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="),
        );
        ok(
            "base64sha512",
            json!(["hello world"]),
            json!(
                "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="
            ),
        );
        ok(
            "uuidv5",
            json!(["dns", "www.terraform.io"]),
            json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
        );
        ok(
            "uuidv5",
            json!(["url", "https://www.terraform.io/"]),
            json!("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"),
        );
        ok(
            "uuidv5",
            json!(["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"]),
            json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
        );
        for namespace in [
            "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
            "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "6ba7b8109dad11d180b400c04fd430c8",
        ] {
            ok(
                "uuidv5",
                json!([namespace, "www.terraform.io"]),
                json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6"),
            );
        }
        bad("uuidv5", json!(["nope", "x"]));
        unk("sha256", json!([UNK]));
    }

    // --- Networks -----------------------------------------------------------

    #[test]
    fn cidrhost_and_netmask() {
        ok(
            "cidrhost",
            json!(["10.12.112.0/20", 16]),
            json!("10.12.112.16"),
        );
        ok(
            "cidrhost",
            json!(["10.12.112.0/20", 268]),
            json!("10.12.113.12"),
        );
        ok(
            "cidrhost",
            json!(["fd00:fd12:3456:7890:00a2::/72", 34]),
            json!("fd00:fd12:3456:7890::22"),
        );
        ok(
            "cidrhost",
            json!(["10.0.0.0/8", -1]),
            json!("10.255.255.255"),
        );
        ok("cidrhost", json!(["10.0.0.0/24", 255]), json!("10.0.0.255"));
        ok("cidrhost", json!(["10.0.0.0/24", -256]), json!("10.0.0.0"));
        ok("cidrhost", json!(["10.0.0.7/32", 0]), json!("10.0.0.7"));
        bad("cidrhost", json!(["10.0.0.0/24", 256]));
        bad("cidrhost", json!(["10.0.0.0/24", -257]));
        bad("cidrhost", json!(["10.0.0.0", 1]));
        bad("cidrhost", json!(["10.0.0.0/33", 1]));
        bad("cidrhost", json!(["10.0.0.256/8", 1]));
        bad("cidrhost", json!(["10.0.0.4294967296/8", 1]));
        bad("cidrhost", json!(["10.0.0/8", 1]));
        ok("cidrhost", json!(["0010.0.0.0/8", 1]), json!("10.0.0.1"));
        ok(
            "cidrnetmask",
            json!(["172.16.0.0/12"]),
            json!("255.240.0.0"),
        );
        ok("cidrnetmask", json!(["10.0.0.0/0"]), json!("0.0.0.0"));
        ok(
            "cidrnetmask",
            json!(["10.0.0.0/32"]),
            json!("255.255.255.255"),
        );
        ok(
            "cidrnetmask",
            json!(["010.001.0.0/16"]),
            json!("255.255.0.0"),
        );
        bad("cidrnetmask", json!(["fd00::/64"]));
        unk("cidrnetmask", json!([UNK]));
    }

    #[test]
    fn cidrsubnet() {
        ok(
            "cidrsubnet",
            json!(["172.16.0.0/12", 4, 2]),
            json!("172.18.0.0/16"),
        );
        ok(
            "cidrsubnet",
            json!(["10.1.2.0/24", 4, 15]),
            json!("10.1.2.240/28"),
        );
        ok(
            "cidrsubnet",
            json!(["fd00:fd12:3456:7890::/56", 16, 162]),
            json!("fd00:fd12:3456:7800:a200::/72"),
        );
        ok(
            "cidrsubnet",
            json!(["10.1.2.3/24", 0, 0]),
            json!("10.1.2.0/24"),
        );
        ok(
            "cidrsubnet",
            json!(["0.0.0.0/0", 8, 10]),
            json!("10.0.0.0/8"),
        );
        ok("cidrsubnet", json!(["::/0", 128, 1]), json!("::1/128"));
        bad("cidrsubnet", json!(["10.1.2.0/24", 4, 16]));
        bad("cidrsubnet", json!(["10.0.0.0/30", 3, 0]));
        bad("cidrsubnet", json!(["10.0.0.0/8", -1, 0]));
        bad("cidrsubnet", json!(["10.0.0.0/8", 4, -1]));
        bad("cidrsubnet", json!(["10.0.0.0/8", 1e300, 0]));
        ok(
            "cidrsubnets",
            json!(["10.1.0.0/16", 4, 4, 8, 4]),
            json!([
                "10.1.0.0/20",
                "10.1.16.0/20",
                "10.1.32.0/24",
                "10.1.48.0/20"
            ]),
        );
        ok(
            "cidrsubnets",
            json!(["fd00:fd12:3456:7890::/56", 16, 16, 16, 32]),
            json!([
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88"
            ]),
        );
        ok(
            "cidrsubnets",
            json!(["128.0.0.0/1", 1, 1]),
            json!(["128.0.0.0/2", "192.0.0.0/2"]),
        );
        // Terraform rejects prefixes starting at the all-zero address
        // (hashicorp/terraform#35486); so do we.
        bad("cidrsubnets", json!(["0.0.0.0/1", 1, 1]));
        ok("cidrsubnets", json!(["10.0.0.0/8"]), json!([]));
        bad("cidrsubnets", json!(["10.0.0.0/30", 1, 1, 1]));
        bad("cidrsubnets", json!(["10.0.0.0/30", 3]));
        bad("cidrsubnets", json!(["10.0.0.0/8", 0]));
        bad("cidrsubnets", json!(["fd00::/8", 33]));
    }

    #[test]
    fn paths() {
        ok("basename", json!(["foo/bar/baz.txt"]), json!("baz.txt"));
        ok("basename", json!(["/"]), json!("/"));
        ok("basename", json!(["foo/"]), json!("foo"));
        ok("basename", json!([""]), json!("."));
        ok("dirname", json!(["foo/bar/baz.txt"]), json!("foo/bar"));
        ok("dirname", json!(["baz.txt"]), json!("."));
        ok("dirname", json!(["/a/b/"]), json!("/a/b"));
        ok("dirname", json!(["/a"]), json!("/"));
        ok("dirname", json!(["a/../../b/c"]), json!("../b"));
    }

    // --- Locations ----------------------------------------------------------

    #[test]
    fn passed_through_values_keep_their_location() {
        let map = at(
            10,
            1,
            Value::Map(vec![
                Entry {
                    key: "a".into(),
                    key_span: Span { start: 20, end: 21 },
                    value: at(24, 2, s("x")),
                },
                Entry {
                    key: "b".into(),
                    key_span: Span { start: 30, end: 31 },
                    value: at(34, 2, s("y")),
                },
            ]),
        );
        let got = call("lookup", &[map.clone(), at(0, 0, s("b"))], CALL, CALL_FILE).unwrap();
        assert_eq!((got.span.start, got.file), (34, 2));
        let got = call("values", std::slice::from_ref(&map), CALL, CALL_FILE).unwrap();
        assert_eq!((got.span, got.file), (CALL, CALL_FILE));
        assert_eq!(got.items()[0].span.start, 24);
        let got = call("keys", std::slice::from_ref(&map), CALL, CALL_FILE).unwrap();
        assert_eq!((got.items()[1].span.start, got.items()[1].file), (30, 2));
        let other = at(
            50,
            3,
            Value::Map(vec![Entry {
                key: "b".into(),
                key_span: Span { start: 60, end: 61 },
                value: at(64, 3, s("z")),
            }]),
        );
        let got = call("merge", &[map.clone(), other], CALL, CALL_FILE).unwrap();
        assert_eq!((got.span, got.file), (CALL, CALL_FILE));
        let a = got.entry("a").unwrap();
        assert_eq!(
            (a.key_span.start, a.value.span.start, a.value.file),
            (20, 24, 2)
        );
        let b = got.entry("b").unwrap();
        assert_eq!(
            (b.key_span.start, b.value.span.start, b.value.file),
            (60, 64, 3)
        );

        let list = at(
            70,
            4,
            Value::List(vec![at(71, 4, s("p")), at(75, 4, s("q"))]),
        );
        let got = call(
            "element",
            &[list.clone(), at(0, 0, Value::Number(3.0))],
            CALL,
            0,
        )
        .unwrap();
        assert_eq!((got.span.start, got.file), (75, 4));
        let got = call("concat", &[list.clone(), list.clone()], CALL, 0).unwrap();
        let starts: Vec<u32> = got.items().iter().map(|n| n.span.start).collect();
        assert_eq!(starts, [71, 75, 71, 75]);
        let got = call("tolist", std::slice::from_ref(&list), CALL, 0).unwrap();
        assert_eq!((got.span.start, got.file), (70, 4));
        let got = call(
            "one",
            &[at(80, 5, Value::List(vec![at(81, 5, s("only"))]))],
            CALL,
            0,
        );
        assert_eq!(got.unwrap().span.start, 81);
        let nested = at(90, 6, Value::List(vec![list.clone(), at(95, 6, s("r"))]));
        let got = call("flatten", &[nested], CALL, 0).unwrap();
        let starts: Vec<u32> = got.items().iter().map(|n| n.span.start).collect();
        assert_eq!(starts, [71, 75, 95]);
        let got = call("coalesce", &[at(1, 0, s("")), at(5, 8, s("v"))], CALL, 0).unwrap();
        assert_eq!((got.span.start, got.file), (5, 8));
        let got = call(
            "max",
            &[at(1, 0, Value::Number(1.0)), at(5, 8, Value::Number(9.0))],
            CALL,
            0,
        );
        assert_eq!(got.unwrap().span.start, 5);
    }

    #[test]
    fn computed_values_are_located_at_the_call() {
        let got = call("upper", &[at(3, 1, s("x"))], CALL, CALL_FILE).unwrap();
        assert_eq!((got.span, got.file), (CALL, CALL_FILE));
        let got = run("jsondecode", &json!(["{\"a\": [1]}"])).unwrap();
        assert_eq!((got.span, got.file), (CALL, CALL_FILE));
        let a = got.entry("a").unwrap();
        assert_eq!((a.key_span, a.value.items()[0].span), (CALL, CALL));
        let got = run("yamldecode", &json!(["a:\n  - 1"])).unwrap();
        let a = got.entry("a").unwrap();
        assert_eq!(
            (got.span, a.key_span, a.value.items()[0].span),
            (CALL, CALL, CALL)
        );
        assert_eq!(a.value.items()[0].file, CALL_FILE);
        let got = run("range", &json!([2])).unwrap();
        assert!(
            got.items()
                .iter()
                .all(|n| n.span == CALL && n.file == CALL_FILE)
        );
    }

    // --- Robustness ---------------------------------------------------------

    #[test]
    fn no_panics_on_odd_arguments() {
        let pool = [
            json!(null),
            json!(true),
            json!(-1),
            json!(0),
            json!(2.5),
            json!(1e300),
            json!(""),
            json!("%5.2[1]d %q %v %"),
            json!("10.0.0.0/8"),
            json!("fd00::/8"),
            json!("/(/"),
            json!([]),
            json!(["a", 1, null, [2]]),
            json!({"a": [1, {"b": UNK}], "c": "d"}),
            json!(UNK),
        ];
        let mut arg_lists: Vec<Vec<J>> = vec![vec![]];
        for a in &pool {
            arg_lists.push(vec![a.clone()]);
            for b in &pool {
                arg_lists.push(vec![a.clone(), b.clone()]);
            }
        }
        for a in &pool[..6] {
            for b in &pool[5..10] {
                for c in &pool[..6] {
                    arg_lists.push(vec![a.clone(), b.clone(), c.clone()]);
                }
            }
        }
        for name in implemented() {
            for args in &arg_lists {
                let nodes: Vec<Node> = args.iter().map(j).collect();
                let _ = call(name, &nodes, CALL, 0);
            }
        }
    }
}
