//! The declarative predicate language of check definitions (`match:`).
//!
//! ```yaml
//! match:
//!   all:
//!     - { path: type, equals: ingress }
//!     - { path: cidr_blocks, cidr_contains: "0.0.0.0/0" }
//!     - not: { path: description, regex: "(?i)bastion" }
//! ```
//!
//! A predicate is `all`, `any`, `not`, `each`/`every` (over the items found at
//! `path`, with `where:` evaluated relative to each item) or a test of the
//! values at `path`: `exists`, `absent`, `equals`, `in`, `regex`, `gt`, `gte`,
//! `lt`, `lte`, `contains`, `cidr_contains`, `cidr_within`, `cidr_overlaps`.
//! Paths are dotted keys; `*` matches any key or item; lists are searched
//! implicitly; a path may start at a named root (`$pod.securityContext`,
//! `$object.metadata`); a list of paths means the first one that exists
//! (for inherited settings). Operands starting with `$` name a check parameter.
//!
//! Evaluation is three-valued: a value that is unknown before deployment makes
//! a test *unknown*, and checks only fire on *true*.

use std::collections::BTreeMap;
use std::net::IpAddr;

use ipnet::IpNet;
use regex::Regex;
use serde_json::Value as Json;

use crate::model::{Node, Value};

/// A predicate over a node.
#[derive(Debug, Clone)]
pub enum Pred {
    /// Every sub-predicate holds.
    All(Vec<Pred>),
    /// Some sub-predicate holds.
    Any(Vec<Pred>),
    /// The sub-predicate does not hold.
    Not(Box<Pred>),
    /// Some (`every: false`) or every (`every: true`) item at `path` satisfies `pred`.
    Each {
        /// Where the items are.
        path: Paths,
        /// Universal rather than existential.
        every: bool,
        /// Evaluated with each item as the root.
        pred: Box<Pred>,
    },
    /// A test of the values at `path`.
    Test {
        /// Where the values are.
        path: Paths,
        /// The test.
        test: Test,
    },
}

impl Pred {
    /// Compile every regular expression of the predicate now: a user
    /// check's pattern that cannot be compiled is an error when it loads,
    /// not a test that never matches.
    ///
    /// # Errors
    /// The first pattern that does not compile.
    pub fn compile_patterns(&self) -> Result<(), String> {
        match self {
            Pred::All(preds) | Pred::Any(preds) => {
                preds.iter().try_for_each(Pred::compile_patterns)
            }
            Pred::Not(pred) | Pred::Each { pred, .. } => pred.compile_patterns(),
            Pred::Test {
                test: Test::Regex(re),
                ..
            } => re.compile(),
            Pred::Test { .. } => Ok(()),
        }
    }
}

/// Alternative paths: the first that exists is used.
#[derive(Debug, Clone)]
pub struct Paths(pub Vec<Vec<Seg>>);

/// One path segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A map key (or a list index when numeric).
    Key(String),
    /// Any key or item.
    Any,
    /// A named root (`$pod`).
    Root(String),
}

/// A value operand: a literal or a check parameter.
#[derive(Debug, Clone)]
pub enum Operand {
    /// A literal.
    Lit(Json),
    /// `$name`: the parameter `name`.
    Param(String),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy)]
pub enum CmpOp {
    /// `>`
    Gt,
    /// `>=`
    Gte,
    /// `<`
    Lt,
    /// `<=`
    Lte,
}

/// A regular expression checked when its check is loaded and compiled when
/// it is first used: compiling every pattern of the catalogue took a quarter
/// of the time of a one-file scan, most of them for checks the scan never
/// reaches.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    pattern: Box<str>,
    compiled: std::sync::OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// A pattern whose syntax is valid.
    ///
    /// # Errors
    /// The syntax error, as the regex crate words it.
    pub fn new(pattern: &str) -> Result<Self, String> {
        regex_syntax::Parser::new()
            .parse(pattern)
            .map_err(|e| regex::Error::Syntax(e.to_string()).to_string())?;
        Ok(LazyRegex {
            pattern: pattern.into(),
            compiled: std::sync::OnceLock::new(),
        })
    }

    /// Compile the pattern now.
    ///
    /// # Errors
    /// A pattern the regex crate cannot compile (over its size limit).
    pub fn compile(&self) -> Result<(), String> {
        if self.compiled.get().is_none() {
            let re = Regex::new(&self.pattern).map_err(|e| e.to_string())?;
            let _ = self.compiled.set(Some(re));
        }
        Ok(())
    }

    /// Whether the pattern matches somewhere in `text`. A valid pattern that
    /// cannot be compiled (larger than the regex crate's size limit) matches
    /// nothing.
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

/// Tests of a value.
#[derive(Debug, Clone)]
pub enum Test {
    /// Some value is present (not null).
    Exists,
    /// No value is present.
    Absent,
    /// Equal to the operand (numbers and booleans also match their string forms).
    Equals(Operand),
    /// Equal to one of the operand's items.
    In(Operand),
    /// The scalar text matches the regular expression.
    Regex(LazyRegex),
    /// Numeric comparison.
    Cmp(CmpOp, Operand),
    /// A list containing the operand, or a string containing it as a substring.
    Contains(Operand),
    /// The value is a network that contains the operand's network.
    CidrContains(Operand),
    /// The value is a network inside the operand's network.
    CidrWithin(Operand),
    /// The value's network overlaps the operand's.
    CidrOverlaps(Operand),
}

/// Three-valued result, with the node that proved a `true`.
#[derive(Debug, Clone, Copy)]
pub enum Tri<'a> {
    /// Holds; the evidence is the node that made it hold, if any.
    True(Option<&'a Node>),
    /// Does not hold.
    False,
    /// Depends on values unknown before deployment.
    Unknown,
}

impl Tri<'_> {
    /// Whether the result is `True`.
    #[must_use]
    pub fn is_true(&self) -> bool {
        matches!(self, Tri::True(_))
    }
}

/// What a predicate is evaluated against.
#[derive(Debug, Clone, Copy)]
pub struct MatchCtx<'a> {
    /// The current root (the target, or the item inside `each`).
    pub root: &'a Node,
    /// Named roots (`pod`, `object`, ...).
    pub roots: &'a [(&'a str, &'a Node)],
    /// Parameters (defaults merged with config).
    pub params: &'a BTreeMap<String, Json>,
}

fn parse_path(s: &str) -> Vec<Seg> {
    s.split('.')
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "*" => Seg::Any,
            _ if p.starts_with('$') => Seg::Root(p[1..].to_string()),
            _ => Seg::Key(p.to_string()),
        })
        .collect()
}

fn parse_paths(v: &Json) -> Result<Paths, String> {
    match v {
        Json::String(s) => Ok(Paths(vec![parse_path(s)])),
        Json::Array(a) => a
            .iter()
            .map(|p| {
                p.as_str()
                    .map(parse_path)
                    .ok_or_else(|| "a path must be a string".to_string())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Paths),
        _ => Err("`path` must be a string or a list of strings".into()),
    }
}

fn operand(v: &Json) -> Operand {
    match v {
        Json::String(s) if s.starts_with("$$") => Operand::Lit(Json::String(s[1..].to_string())),
        Json::String(s) if s.starts_with('$') => Operand::Param(s[1..].to_string()),
        other => Operand::Lit(other.clone()),
    }
}

impl Pred {
    /// Build a predicate from its YAML/JSON form.
    ///
    /// # Errors
    /// Unknown keys, missing paths, invalid regular expressions.
    pub fn from_json(v: &Json) -> Result<Pred, String> {
        let Json::Object(map) = v else {
            return Err(format!("a predicate must be a mapping, found {v}"));
        };
        if let Some(list) = map.get("all").or_else(|| map.get("any")) {
            let Json::Array(items) = list else {
                return Err("`all`/`any` take a list".into());
            };
            let preds = items
                .iter()
                .map(Pred::from_json)
                .collect::<Result<Vec<_>, _>>()?;
            if map.len() != 1 {
                return Err("`all`/`any` stand alone in their mapping".into());
            }
            return Ok(if map.contains_key("all") {
                Pred::All(preds)
            } else {
                Pred::Any(preds)
            });
        }
        if let Some(inner) = map.get("not") {
            if map.len() != 1 {
                return Err("`not` stands alone in its mapping".into());
            }
            return Ok(Pred::Not(Box::new(Pred::from_json(inner)?)));
        }
        if let Some(p) = map.get("each").or_else(|| map.get("every")) {
            let every = map.contains_key("every");
            let inner = map
                .get("where")
                .ok_or_else(|| "`each`/`every` need `where`".to_string())?;
            for k in map.keys() {
                if !matches!(k.as_str(), "each" | "every" | "where") {
                    return Err(format!("unknown key `{k}` in `each`"));
                }
            }
            return Ok(Pred::Each {
                path: parse_paths(p)?,
                every,
                pred: Box::new(Pred::from_json(inner)?),
            });
        }
        let path = map
            .get("path")
            .ok_or_else(|| format!("a test needs `path`: {v}"))
            .and_then(parse_paths)?;
        let mut test = None;
        for (k, val) in map {
            let t = match k.as_str() {
                "path" => continue,
                "exists" => {
                    if val.as_bool() == Some(false) {
                        Test::Absent
                    } else {
                        Test::Exists
                    }
                }
                "absent" => {
                    if val.as_bool() == Some(false) {
                        Test::Exists
                    } else {
                        Test::Absent
                    }
                }
                "equals" => Test::Equals(operand(val)),
                "in" => Test::In(operand(val)),
                "regex" => Test::Regex(LazyRegex::new(
                    val.as_str().ok_or("`regex` takes a string")?,
                )?),
                "gt" => Test::Cmp(CmpOp::Gt, operand(val)),
                "gte" => Test::Cmp(CmpOp::Gte, operand(val)),
                "lt" => Test::Cmp(CmpOp::Lt, operand(val)),
                "lte" => Test::Cmp(CmpOp::Lte, operand(val)),
                "contains" => Test::Contains(operand(val)),
                "cidr_contains" => Test::CidrContains(operand(val)),
                "cidr_within" => Test::CidrWithin(operand(val)),
                "cidr_overlaps" => Test::CidrOverlaps(operand(val)),
                other => return Err(format!("unknown test `{other}`")),
            };
            if test.replace(t).is_some() {
                return Err("a test mapping holds one test besides `path`".into());
            }
        }
        Ok(Pred::Test {
            path,
            test: test.ok_or(
                "a test needs one of exists/absent/equals/in/regex/gt/gte/lt/lte/contains/cidr_*",
            )?,
        })
    }

    /// Evaluate against a context.
    #[must_use]
    pub fn eval<'a>(&self, ctx: &MatchCtx<'a>) -> Tri<'a> {
        match self {
            Pred::All(preds) => {
                let mut evidence = None;
                let mut unknown = false;
                for p in preds {
                    match p.eval(ctx) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => unknown = true,
                        Tri::True(e) => {
                            if e.is_some() {
                                evidence = e;
                            }
                        }
                    }
                }
                if unknown {
                    Tri::Unknown
                } else {
                    Tri::True(evidence)
                }
            }
            Pred::Any(preds) => {
                let mut unknown = false;
                for p in preds {
                    match p.eval(ctx) {
                        t @ Tri::True(_) => return t,
                        Tri::Unknown => unknown = true,
                        Tri::False => {}
                    }
                }
                if unknown { Tri::Unknown } else { Tri::False }
            }
            Pred::Not(p) => match p.eval(ctx) {
                Tri::True(_) => Tri::False,
                Tri::False => Tri::True(None),
                Tri::Unknown => Tri::Unknown,
            },
            Pred::Each { path, every, pred } => {
                let (nodes, mut unknown) = resolve_paths(ctx, path);
                let mut items: Vec<&Node> = Vec::new();
                for n in nodes {
                    match &n.value {
                        Value::List(v) => items.extend(v.iter()),
                        Value::Unknown(_) => unknown = true,
                        _ => items.push(n),
                    }
                }
                let mut any_false = false;
                for item in &items {
                    if item.is_unknown() {
                        unknown = true;
                        continue;
                    }
                    let sub = MatchCtx { root: item, ..*ctx };
                    match pred.eval(&sub) {
                        Tri::True(e) if !*every => return Tri::True(e.or(Some(item))),
                        Tri::True(_) => {}
                        Tri::False => any_false = true,
                        Tri::Unknown => unknown = true,
                    }
                }
                if *every {
                    if any_false {
                        Tri::False
                    } else if unknown {
                        Tri::Unknown
                    } else {
                        Tri::True(None)
                    }
                } else if unknown {
                    Tri::Unknown
                } else {
                    Tri::False
                }
            }
            Pred::Test { path, test } => eval_test(ctx, path, test),
        }
    }
}

/// Resolve alternatives: the first path that leads somewhere (or through an unknown).
#[must_use]
pub fn resolve_paths<'a>(ctx: &MatchCtx<'a>, paths: &Paths) -> (Vec<&'a Node>, bool) {
    for segs in &paths.0 {
        let (start, rest) = match segs.first() {
            Some(Seg::Root(name)) => match ctx.roots.iter().find(|(n, _)| n == name) {
                Some((_, node)) => (*node, &segs[1..]),
                None => continue,
            },
            _ => (ctx.root, &segs[..]),
        };
        let mut out = Vec::new();
        let mut unknown = false;
        resolve(start, rest, &mut out, &mut unknown);
        out.retain(|n| !n.is_null());
        if !out.is_empty() || unknown {
            return (out, unknown);
        }
    }
    (Vec::new(), false)
}

fn resolve<'a>(node: &'a Node, segs: &[Seg], out: &mut Vec<&'a Node>, unknown: &mut bool) {
    let Some((seg, rest)) = segs.split_first() else {
        out.push(node);
        return;
    };
    match &node.value {
        Value::Unknown(_) => *unknown = true,
        Value::List(items) => {
            if let Seg::Key(k) = seg {
                if let Ok(i) = k.parse::<usize>() {
                    if let Some(item) = items.get(i) {
                        resolve(item, rest, out, unknown);
                    }
                    return;
                }
            }
            if *seg == Seg::Any {
                for item in items {
                    resolve(item, rest, out, unknown);
                }
            } else {
                for item in items {
                    resolve(item, segs, out, unknown);
                }
            }
        }
        Value::Map(entries) => match seg {
            Seg::Key(k) => {
                if let Some(e) = entries.iter().rev().find(|e| &e.key == k) {
                    resolve(&e.value, rest, out, unknown);
                }
            }
            Seg::Any => {
                for e in entries {
                    resolve(&e.value, rest, out, unknown);
                }
            }
            Seg::Root(_) => {}
        },
        _ => {}
    }
}

fn param<'a>(ctx: &MatchCtx<'a>, op: &'a Operand) -> Option<&'a Json> {
    match op {
        Operand::Lit(v) => Some(v),
        Operand::Param(name) => ctx.params.get(name),
    }
}

fn eval_test<'a>(ctx: &MatchCtx<'a>, path: &Paths, test: &Test) -> Tri<'a> {
    let (nodes, mut unknown) = resolve_paths(ctx, path);
    match test {
        Test::Exists => {
            return match nodes.first() {
                Some(n) if !n.is_unknown() => Tri::True(Some(n)),
                _ if unknown || nodes.iter().any(|n| n.is_unknown()) => Tri::Unknown,
                _ => Tri::False,
            };
        }
        Test::Absent => {
            return if nodes.iter().any(|n| !n.is_unknown()) {
                Tri::False
            } else if unknown || !nodes.is_empty() {
                Tri::Unknown
            } else {
                Tri::True(None)
            };
        }
        _ => {}
    }
    let mut candidates: Vec<&Node> = Vec::new();
    for n in nodes {
        match &n.value {
            Value::List(items) if !matches!(test, Test::Contains(_)) => candidates.extend(items),
            _ => candidates.push(n),
        }
    }
    for c in candidates {
        if c.is_unknown() {
            unknown = true;
            continue;
        }
        if test_value(ctx, c, test) {
            return Tri::True(Some(c));
        }
    }
    if unknown { Tri::Unknown } else { Tri::False }
}

/// Whether a model value equals a literal, with Terraform-style coercion.
#[must_use]
pub fn value_equals(node: &Node, lit: &Json) -> bool {
    match (&node.value, lit) {
        (Value::String(s), Json::String(l)) => s == l,
        (Value::Bool(b), Json::Bool(l)) => b == l,
        (Value::String(s), Json::Bool(l)) => s == if *l { "true" } else { "false" },
        (Value::Number(n), Json::Number(l)) => l.as_f64() == Some(*n),
        (Value::String(s), Json::Number(l)) => s.trim().parse::<f64>().ok() == l.as_f64(),
        (Value::Number(n), Json::String(l)) => l.trim().parse::<f64>().ok() == Some(*n),
        (Value::Null, Json::Null) => true,
        _ => false,
    }
}

/// Parse a CIDR or a bare address as a network.
#[must_use]
pub fn parse_net(s: &str) -> Option<IpNet> {
    let s = s.trim();
    s.parse::<IpNet>()
        .ok()
        .or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

fn test_value(ctx: &MatchCtx<'_>, c: &Node, test: &Test) -> bool {
    match test {
        Test::Exists | Test::Absent => false,
        Test::Equals(op) => param(ctx, op).is_some_and(|l| value_equals(c, l)),
        Test::In(op) => match param(ctx, op) {
            Some(Json::Array(items)) => items.iter().any(|l| value_equals(c, l)),
            Some(l) => value_equals(c, l),
            None => false,
        },
        Test::Regex(re) => c.scalar_text().is_some_and(|t| re.is_match(&t)),
        Test::Cmp(op, operand) => {
            let (Some(v), Some(l)) = (c.as_f64(), param(ctx, operand).and_then(json_f64)) else {
                return false;
            };
            match op {
                CmpOp::Gt => v > l,
                CmpOp::Gte => v >= l,
                CmpOp::Lt => v < l,
                CmpOp::Lte => v <= l,
            }
        }
        Test::Contains(op) => {
            let Some(l) = param(ctx, op) else {
                return false;
            };
            match &c.value {
                Value::List(items) => items.iter().any(|i| value_equals(i, l)),
                Value::String(s) => l.as_str().is_some_and(|l| s.contains(l)),
                _ => false,
            }
        }
        Test::CidrContains(op) | Test::CidrWithin(op) | Test::CidrOverlaps(op) => {
            let Some(net) = c.as_str().and_then(parse_net) else {
                return false;
            };
            let others: Vec<IpNet> = match param(ctx, op) {
                Some(Json::String(s)) => parse_net(s).into_iter().collect(),
                Some(Json::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str().and_then(parse_net))
                    .collect(),
                _ => vec![],
            };
            others.iter().any(|o| match test {
                Test::CidrContains(_) => net.contains(o),
                Test::CidrWithin(_) => o.contains(&net),
                _ => net.contains(o) || o.contains(&net),
            })
        }
    }
}

fn json_f64(v: &Json) -> Option<f64> {
    match v {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::parse_hcl;

    fn check(hcl: &str, pred: &str) -> bool {
        let f = parse_hcl(hcl, 0).unwrap();
        let json: Json = serde_json::from_str(pred).unwrap();
        let p = Pred::from_json(&json).unwrap();
        let params = BTreeMap::from([("ports".to_string(), serde_json::json!([22, 3389]))]);
        let ctx = MatchCtx {
            root: &f.blocks[0].body,
            roots: &[],
            params: &params,
        };
        match p.eval(&ctx) {
            Tri::True(_) => true,
            Tri::False => false,
            Tri::Unknown => panic!("unknown"),
        }
    }

    const SG: &str = r#"resource "x" "y" {
  ingress {
    from_port = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}"#;

    #[test]
    fn each_binds_conditions_to_one_item() {
        let open_ssh = r#"{"each": "ingress", "where": {"all": [
            {"path": "from_port", "in": "$ports"},
            {"path": "cidr_blocks", "cidr_contains": "0.0.0.0/0"}]}}"#;
        assert!(!check(SG, open_ssh));
        let open_any = r#"{"path": "ingress.cidr_blocks", "cidr_contains": "0.0.0.0/0"}"#;
        assert!(check(SG, open_any));
    }

    #[test]
    fn tests_and_negation() {
        assert!(check(SG, r#"{"path": "ingress.from_port", "gte": 400}"#));
        assert!(check(SG, r#"{"path": "egress", "absent": true}"#));
        assert!(check(SG, r#"{"not": {"path": "egress", "exists": true}}"#));
        assert!(check(
            SG,
            r#"{"path": "ingress.cidr_blocks", "cidr_within": "10.0.0.0/8"}"#
        ));
        assert!(!check(
            SG,
            r#"{"path": "ingress.from_port", "equals": 8080}"#
        ));
        assert!(check(
            SG,
            r#"{"path": "ingress.from_port", "equals": "22"}"#
        ));
    }

    #[test]
    fn unknown_is_not_false() {
        let f = parse_hcl("resource \"x\" \"y\" {\n  a = var.a\n}\n", 0).unwrap();
        let p = Pred::from_json(&serde_json::json!({"path": "a", "equals": true})).unwrap();
        let params = BTreeMap::new();
        let ctx = MatchCtx {
            root: &f.blocks[0].body,
            roots: &[],
            params: &params,
        };
        assert!(matches!(p.eval(&ctx), Tri::Unknown));
        let n = Pred::Not(Box::new(p));
        assert!(matches!(n.eval(&ctx), Tri::Unknown));
    }

    #[test]
    fn bad_predicates_are_errors() {
        assert!(Pred::from_json(&serde_json::json!({"path": "a"})).is_err());
        assert!(Pred::from_json(&serde_json::json!({"path": "a", "bogus": 1})).is_err());
        assert!(Pred::from_json(&serde_json::json!({"path": "a", "regex": "("})).is_err());
    }
}
