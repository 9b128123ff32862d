//! Evaluation of Terraform expressions (as parsed by [`crate::hcl`]) into model
//! [`Node`]s.
//!
//! Values keep their provenance: a literal keeps its own span, and a value
//! reached through `var.x`, `local.y` or a function that passes values through
//! keeps the span of the place where it is written (a tfvars file, a
//! variable default, a module caller's argument). Anything that depends on a
//! value not known before `terraform apply` (a data source, a computed
//! resource attribute, a module output, a variable without a value, an
//! unsupported function) is [`Value::Unknown`], with a reason of the form
//! `<category>: <detail>`; unknowns propagate as in Terraform, so a check
//! never fires on them.

use crate::hcl::{
    BinaryOperator, Directive, Element, Expression, ForExpr, ObjectKey, Span as _, Template,
    TraversalOperator, UnaryOperator,
};

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Instant;

use crate::model::{Entry, FileIdx, Node, Value, format_number};
use crate::source::Span;
use crate::terraform::functions::{self, CallError};

/// Deepest chain of evaluations (through locals, references and nesting).
pub const MAX_DEPTH: usize = 128;
/// Most items a `for` expression or splat may produce.
pub const MAX_ITEMS: usize = 100_000;

/// Categories of unknown values (the prefix of their reason).
pub mod unknown {
    /// A data source attribute.
    pub const DATA: &str = "data source";
    /// A resource attribute known only after apply (or a reference to one).
    pub const RESOURCE: &str = "resource attribute";
    /// A module output.
    pub const MODULE: &str = "module output";
    /// A variable with no default and no value in any variable file.
    pub const VARIABLE: &str = "variable without value";
    /// A function that is not implemented or reads outside the code.
    pub const FUNCTION: &str = "unsupported function";
    /// An evaluation error (Terraform would reject the expression).
    pub const ERROR: &str = "error";
    /// A value derived from another unknown.
    pub const DERIVED: &str = "derived";
    /// Too deep or too large to evaluate.
    pub const LIMIT: &str = "limit";
    /// A name this evaluator does not know (provider-defined, Terragrunt dependency, ...).
    pub const REFERENCE: &str = "reference";
    /// `count.index` / `each.*` where the instances are not known (a resource referenced as a whole).
    pub const INSTANCE: &str = "instance key";
}

/// A limit that stopped part of an evaluation, at the first place it was hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitHit {
    /// Which limit: `expression_depth` or `unit_timeout` (the `[limits]` key).
    pub key: &'static str,
    /// The file of the expression.
    pub file: FileIdx,
    /// The expression.
    pub span: Span,
    /// What happened.
    pub message: String,
}

/// The bounds of one evaluation: how deep expressions may nest and when the
/// evaluation must stop. Evaluation past a bound yields unknown values (so no
/// check fires on them) and records a [`LimitHit`].
#[derive(Debug)]
pub struct Budget {
    /// Deepest chain of evaluations (through locals, references and nesting).
    pub max_depth: usize,
    /// When evaluation must stop, if ever.
    pub deadline: Option<Instant>,
    ticks: Cell<u32>,
    expired: Cell<bool>,
    hits: RefCell<Vec<LimitHit>>,
}

/// Evaluations between two looks at the clock.
const CLOCK_EVERY: u32 = 256;

impl Budget {
    /// A budget with these bounds.
    #[must_use]
    pub fn new(max_depth: usize, deadline: Option<Instant>) -> Self {
        Budget {
            max_depth,
            deadline,
            ticks: Cell::new(0),
            expired: Cell::new(false),
            hits: RefCell::new(Vec::new()),
        }
    }

    /// Whether the deadline has passed (the clock is read every few calls;
    /// once passed, it stays passed).
    pub fn expired(&self) -> bool {
        if self.expired.get() {
            return true;
        }
        let Some(deadline) = self.deadline else {
            return false;
        };
        let t = self.ticks.get().wrapping_add(1);
        self.ticks.set(t);
        if t % CLOCK_EVERY == 0 && Instant::now() >= deadline {
            self.expired.set(true);
        }
        self.expired.get()
    }

    /// Record that a limit was hit (only the first place per limit is kept).
    pub fn hit(&self, key: &'static str, file: FileIdx, span: Span, message: String) {
        let mut hits = self.hits.borrow_mut();
        if hits.iter().all(|h| h.key != key) {
            hits.push(LimitHit {
                key,
                file,
                span,
                message,
            });
        }
    }

    /// The limits hit so far.
    pub fn take_hits(&self) -> Vec<LimitHit> {
        std::mem::take(&mut self.hits.borrow_mut())
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(MAX_DEPTH, None)
    }
}

/// Make an unknown node with a categorised reason.
#[must_use]
pub fn unknown_node(span: Span, file: FileIdx, category: &str, detail: &str) -> Node {
    // The detail is cut at 160 characters; the reason is built in one allocation.
    // (No more bytes than that: no more characters, nothing to count.)
    let cut = if detail.len() <= 160 {
        detail.len()
    } else {
        detail
            .char_indices()
            .nth(160)
            .map_or(detail.len(), |(i, _)| i)
    };
    let mut reason = String::with_capacity(category.len() + 2 + cut);
    reason.push_str(category);
    reason.push_str(": ");
    reason.push_str(&detail[..cut]);
    Node {
        span,
        file,
        value: Value::Unknown(reason.into()),
    }
}

/// The category of an unknown value's reason.
#[must_use]
pub fn unknown_category(reason: &str) -> &str {
    // What comes before the first ": ". Asked for every unknown value met;
    // `split_once(": ")` built a general substring searcher each time.
    let bytes = reason.as_bytes();
    memchr::memchr_iter(b':', bytes)
        .find(|&i| bytes.get(i + 1) == Some(&b' '))
        .map_or(reason, |i| &reason[..i])
}

/// What names resolve to, beyond the bindings of the evaluation context.
pub trait Scope {
    /// `var.NAME`, if the module declares it.
    fn var(&self, name: &str) -> Option<&Node>;
    /// `var` itself: an object of all the variables.
    fn vars(&self) -> Node;
    /// `local.NAME` (shared: evaluated once, read many times).
    fn local(&self, name: &str, span: Span, file: FileIdx, depth: usize) -> Rc<Node>;
    /// A resource (`TYPE.NAME`), data source (`data.TYPE.NAME`) or module
    /// (`module.NAME`) as an object of its known attributes, or `None` when no
    /// such block exists.
    fn block_object(&self, kind: &str, ty: &str, name: &str, depth: usize) -> Option<Rc<Node>>;
    /// `path.module`, `path.root`, `path.cwd`, `terraform.workspace` and other
    /// fixed roots.
    fn fixed_root(&self, name: &str) -> Option<Node>;
    /// A source file of the unit (to quote expressions in unknown reasons).
    fn source(&self, file: FileIdx) -> Option<crate::source::SourceRef>;
    /// A function that only exists in this scope (Terragrunt's built-ins).
    /// `None` means the name is not one of them.
    fn function(&self, name: &str, args: &[Node], span: Span, file: FileIdx) -> Option<Node> {
        let _ = (name, args, span, file);
        None
    }
    /// The bounds of this evaluation; `None`: [`MAX_DEPTH`] and no deadline.
    fn budget(&self) -> Option<&Budget> {
        None
    }
    /// `module.NAME.` prefixes of the module whose expressions this scope
    /// evaluates (empty in the root module, no instance keys). Resource
    /// references in unknown reasons carry it, so that a value passed into or
    /// out of a module still names the resource it comes from.
    fn address_prefix(&self) -> &str {
        ""
    }
}

/// A referenced block whose missing attributes are unknown rather than null
/// (they are known only after apply): the category of that unknown and the
/// block's address, in parts, joined only when an attribute is missing.
#[derive(Debug, Clone, Copy)]
struct MissingIsUnknown<'a> {
    category: &'static str,
    address: [&'a str; 4],
}

/// Names bound while evaluating: `count`, `each`, `for` variables, dynamic-block iterators.
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    vars: Vec<(Rc<str>, Rc<Node>)>,
}

impl Bindings {
    /// Bindings with one more name (shadowing earlier ones).
    #[must_use]
    pub fn with(&self, name: &str, value: Node) -> Bindings {
        let mut vars = self.vars.clone();
        vars.push((Rc::from(name), Rc::new(value)));
        Bindings { vars }
    }

    /// Add a name in place.
    pub fn push(&mut self, name: &str, value: Node) {
        self.vars.push((Rc::from(name), Rc::new(value)));
    }

    fn get(&self, name: &str) -> Option<&Rc<Node>> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v)
    }
}

/// The root of a traversal: borrowed, shared or computed.
enum Held<'a> {
    Ref(&'a Node),
    Shared(Rc<Node>),
    Own(Node),
}

impl Held<'_> {
    fn node(&self) -> &Node {
        match self {
            Held::Ref(n) => n,
            Held::Shared(n) => n,
            Held::Own(n) => n,
        }
    }
}

/// Evaluates expressions of one file against a scope.
pub struct Evaluator<'s> {
    /// Where names resolve.
    pub scope: &'s dyn Scope,
    /// The file the expressions come from.
    pub file: FileIdx,
    /// Evaluation depth so far (for nested references).
    pub depth: usize,
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(Span::from).unwrap_or_default()
}

fn node(span: Span, file: FileIdx, value: Value) -> Node {
    Node { span, file, value }
}

/// Whether a node is an unknown that came from an evaluation error.
fn is_error(n: &Node) -> bool {
    matches!(&n.value, Value::Unknown(r) if unknown_category(r) == unknown::ERROR)
}

/// First unknown inside a value, if any.
fn first_unknown(n: &Node) -> Option<&Node> {
    match &n.value {
        Value::Unknown(_) => Some(n),
        Value::List(items) => items.iter().find_map(first_unknown),
        Value::Map(entries) => entries.iter().find_map(|e| first_unknown(&e.value)),
        _ => None,
    }
}

/// Render a primitive for string interpolation.
fn to_template_string(n: &Node) -> Option<String> {
    match &n.value {
        Value::String(s) => Some(s.clone()),
        Value::Number(x) => Some(format_number(*x)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Terraform equality: same type and value (numbers compared numerically).
#[must_use]
pub fn values_equal(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| values_equal(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|e| {
                    y.iter()
                        .any(|f| f.key == e.key && values_equal(&e.value, &f.value))
                })
        }
        _ => false,
    }
}

impl Evaluator<'_> {
    fn unknown(&self, span: Span, category: &str, detail: &str) -> Node {
        unknown_node(span, self.file, category, detail)
    }

    fn text_of(&self, span: Span) -> String {
        let src = self.scope.source(self.file);
        src.as_ref()
            .and_then(|s| s.text.get(span.range()))
            .unwrap_or("expression")
            .trim()
            .to_string()
    }

    fn deeper(&self) -> Evaluator<'_> {
        Evaluator {
            scope: self.scope,
            file: self.file,
            depth: self.depth + 1,
        }
    }

    /// Evaluate an expression.
    #[must_use]
    pub fn eval(&self, expr: &Expression, b: &Bindings) -> Node {
        let span = span_of(expr.span());
        let budget = self.scope.budget();
        let max_depth = budget.map_or(MAX_DEPTH, |b| b.max_depth);
        if self.depth > max_depth {
            if let Some(b) = budget {
                b.hit(
                    "expression_depth",
                    self.file,
                    span,
                    format!("expressions nest deeper than {max_depth} levels (through locals, references and nesting); the rest is not evaluated"),
                );
            }
            return self.unknown(span, unknown::LIMIT, "expression nesting too deep");
        }
        if let Some(b) = budget.filter(|b| b.expired()) {
            b.hit(
                "unit_timeout",
                self.file,
                span,
                "evaluation ran out of time; the rest of this unit is not evaluated".into(),
            );
            return self.unknown(span, unknown::LIMIT, "time limit");
        }
        let e = self.deeper();
        match expr {
            Expression::Null(_) => node(span, self.file, Value::Null),
            Expression::Bool(v) => node(span, self.file, Value::Bool(*v.value())),
            Expression::Number(n) => node(
                span,
                self.file,
                n.value().as_f64().map_or(Value::Null, Value::Number),
            ),
            Expression::String(s) => node(span, self.file, Value::String(s.value().to_string())),
            Expression::Array(a) => node(
                span,
                self.file,
                Value::List(a.iter().map(|x| e.eval(x, b)).collect()),
            ),
            Expression::Object(o) => {
                let mut entries: Vec<Entry> = Vec::new();
                for (k, v) in o.iter() {
                    let (key, key_span) = match k {
                        ObjectKey::Ident(i) => (i.as_str().to_string(), span_of(i.span())),
                        ObjectKey::Expression(kx) => {
                            let kn = e.eval(kx, b);
                            match to_template_string(&kn) {
                                Some(s) => (s, kn.span),
                                None if kn.is_unknown() => {
                                    return self
                                        .unknown(
                                            span,
                                            unknown::DERIVED,
                                            &format!("object key {}", self.text_of(kn.span)),
                                        )
                                        .with_cause(&kn);
                                }
                                None => {
                                    return self.unknown(
                                        span,
                                        unknown::ERROR,
                                        "invalid object key",
                                    );
                                }
                            }
                        }
                    };
                    let value = e.eval(v.expr(), b);
                    entries.retain(|x| x.key != key);
                    entries.push(Entry {
                        key,
                        key_span,
                        value,
                    });
                }
                node(span, self.file, Value::Map(entries))
            }
            Expression::StringTemplate(t) => e.template(t, None, span, b),
            Expression::HeredocTemplate(h) => e.template(&h.template, h.indent(), span, b),
            Expression::Parenthesis(p) => e.eval(p.inner(), b),
            Expression::Variable(v) => e.variable(v.as_str(), span, b),
            Expression::Traversal(t) => e.traversal(&t.expr, &t.operators, span, b),
            Expression::FuncCall(f) => e.func_call(f, span, b),
            Expression::Conditional(c) => {
                let cond = e.eval(&c.cond_expr, b);
                match cond.as_bool() {
                    Some(true) => e.eval(&c.true_expr, b),
                    Some(false) => e.eval(&c.false_expr, b),
                    None if cond.is_unknown() => {
                        // Both branches equal: the result is known anyway.
                        let t = e.eval(&c.true_expr, b);
                        let f = e.eval(&c.false_expr, b);
                        if first_unknown(&t).is_none() && values_equal(&t, &f) {
                            t
                        } else {
                            self.unknown(
                                span,
                                unknown::DERIVED,
                                &format!("condition {}", self.text_of(cond.span)),
                            )
                            .with_cause(&cond)
                        }
                    }
                    None => self.unknown(span, unknown::ERROR, "condition is not a boolean"),
                }
            }
            Expression::UnaryOp(u) => {
                let v = e.eval(&u.expr, b);
                if v.is_unknown() {
                    return self
                        .unknown(span, unknown::DERIVED, &self.text_of(span))
                        .with_cause(&v);
                }
                match u.operator.value() {
                    UnaryOperator::Neg => v.as_f64().map_or_else(
                        || self.unknown(span, unknown::ERROR, "negation of a non-number"),
                        |x| node(span, self.file, Value::Number(-x)),
                    ),
                    UnaryOperator::Not => v.as_bool().map_or_else(
                        || self.unknown(span, unknown::ERROR, "negation of a non-boolean"),
                        |x| node(span, self.file, Value::Bool(!x)),
                    ),
                }
            }
            Expression::BinaryOp(op) => e.binary(op, span, b),
            Expression::ForExpr(f) => e.for_expr(f, span, b),
        }
    }

    fn binary(&self, op: &crate::hcl::BinaryOp, span: Span, b: &Bindings) -> Node {
        let operator = *op.operator.value();
        let lhs = self.eval(&op.lhs_expr, b);
        // Short-circuit logic: a known side can decide the result.
        match operator {
            BinaryOperator::And if lhs.as_bool() == Some(false) => {
                return node(span, self.file, Value::Bool(false));
            }
            BinaryOperator::Or if lhs.as_bool() == Some(true) => {
                return node(span, self.file, Value::Bool(true));
            }
            _ => {}
        }
        let rhs = self.eval(&op.rhs_expr, b);
        match operator {
            BinaryOperator::And | BinaryOperator::Or => {
                let want = matches!(operator, BinaryOperator::Or);
                if rhs.as_bool() == Some(want) {
                    return node(span, self.file, Value::Bool(want));
                }
                match (lhs.as_bool(), rhs.as_bool()) {
                    (Some(_), Some(r)) => node(span, self.file, Value::Bool(r)),
                    _ => self
                        .unknown(span, unknown::DERIVED, &self.text_of(span))
                        .with_cause(&lhs)
                        .with_cause(&rhs),
                }
            }
            BinaryOperator::Eq | BinaryOperator::NotEq => {
                if first_unknown(&lhs).is_some() || first_unknown(&rhs).is_some() {
                    return self
                        .unknown(span, unknown::DERIVED, &self.text_of(span))
                        .with_cause(&rhs)
                        .with_cause(&lhs);
                }
                let eq = values_equal(&lhs, &rhs);
                node(
                    span,
                    self.file,
                    Value::Bool(if matches!(operator, BinaryOperator::Eq) {
                        eq
                    } else {
                        !eq
                    }),
                )
            }
            _ => {
                if lhs.is_unknown() || rhs.is_unknown() {
                    return self
                        .unknown(span, unknown::DERIVED, &self.text_of(span))
                        .with_cause(&rhs)
                        .with_cause(&lhs);
                }
                let (Some(x), Some(y)) = (lhs.as_f64(), rhs.as_f64()) else {
                    return self.unknown(span, unknown::ERROR, "arithmetic on a non-number");
                };
                let v = match operator {
                    BinaryOperator::Plus => Value::Number(x + y),
                    BinaryOperator::Minus => Value::Number(x - y),
                    BinaryOperator::Mul => Value::Number(x * y),
                    BinaryOperator::Div if y != 0.0 => Value::Number(x / y),
                    BinaryOperator::Mod if y != 0.0 => Value::Number(x % y),
                    BinaryOperator::Less => Value::Bool(x < y),
                    BinaryOperator::LessEq => Value::Bool(x <= y),
                    BinaryOperator::Greater => Value::Bool(x > y),
                    BinaryOperator::GreaterEq => Value::Bool(x >= y),
                    _ => return self.unknown(span, unknown::ERROR, "division by zero"),
                };
                node(span, self.file, v)
            }
        }
    }

    /// Render a template (`templatefile()`) with the given bindings.
    #[must_use]
    pub fn render_template(&self, t: &Template, span: Span, b: &Bindings) -> Node {
        self.template(t, None, span, b)
    }

    fn template(&self, t: &Template, indent: Option<usize>, span: Span, b: &Bindings) -> Node {
        // A template that is exactly one interpolation yields the value itself.
        let elems: Vec<&Element> = t.iter().collect();
        if let [Element::Interpolation(i)] = elems.as_slice() {
            return self.eval(&i.expr, b);
        }
        let mut out = String::new();
        if let Err(n) = self.render(t, &mut out, b) {
            return n;
        }
        let s = match indent {
            Some(n) => crate::parse::terraform::dedent(&out, n),
            None => out,
        };
        node(span, self.file, Value::String(s))
    }

    fn render(&self, t: &Template, out: &mut String, b: &Bindings) -> Result<(), Node> {
        for el in t.iter() {
            match el {
                Element::Literal(l) => out.push_str(l.value()),
                Element::Interpolation(i) => {
                    let v = self.eval(&i.expr, b);
                    match to_template_string(&v) {
                        Some(s) => out.push_str(&s),
                        None if v.is_unknown() => {
                            return Err(self
                                .unknown(
                                    span_of(t.span()),
                                    unknown::DERIVED,
                                    &self.text_of(span_of(i.expr.span())),
                                )
                                .with_cause(&v));
                        }
                        None if v.is_null() => {
                            return Err(self.unknown(
                                span_of(t.span()),
                                unknown::ERROR,
                                "null in template",
                            ));
                        }
                        None => {
                            return Err(self.unknown(
                                span_of(t.span()),
                                unknown::ERROR,
                                "non-primitive value in template",
                            ));
                        }
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(ifd) => {
                        let c = self.eval(&ifd.if_expr.cond_expr, b);
                        match c.as_bool() {
                            Some(true) => self.render(&ifd.if_expr.template, out, b)?,
                            Some(false) => {
                                if let Some(e) = &ifd.else_expr {
                                    self.render(&e.template, out, b)?;
                                }
                            }
                            None => {
                                return Err(self
                                    .unknown(
                                        span_of(t.span()),
                                        unknown::DERIVED,
                                        "template condition",
                                    )
                                    .with_cause(&c));
                            }
                        }
                    }
                    Directive::For(ford) => {
                        let f = &ford.for_expr;
                        let coll = self.eval(&f.collection_expr, b);
                        let pairs = self.iteration(&coll)?;
                        for (k, v) in pairs {
                            let mut inner = b.with(f.value_var.as_str(), v);
                            if let Some(kv) = &f.key_var {
                                inner.push(kv.as_str(), k);
                            }
                            self.render(&f.template, out, &inner)?;
                        }
                    }
                },
            }
        }
        Ok(())
    }

    /// The (key, value) pairs a `for` iterates over.
    fn iteration(&self, coll: &Node) -> Result<Vec<(Node, Node)>, Node> {
        match &coll.value {
            Value::List(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| (node(v.span, v.file, Value::Number(i as f64)), v.clone()))
                .collect()),
            Value::Map(entries) => Ok(entries
                .iter()
                .map(|e| {
                    (
                        node(e.key_span, e.value.file, Value::String(e.key.clone())),
                        e.value.clone(),
                    )
                })
                .collect()),
            Value::Unknown(_) => Err(self
                .unknown(
                    coll.span,
                    unknown::DERIVED,
                    &format!("iteration over {}", self.text_of(coll.span)),
                )
                .with_cause(coll)),
            Value::Null => Err(self.unknown(coll.span, unknown::ERROR, "iteration over null")),
            _ => Err(self.unknown(coll.span, unknown::ERROR, "iteration over a primitive")),
        }
    }

    fn for_expr(&self, f: &ForExpr, span: Span, b: &Bindings) -> Node {
        let coll = self.eval(&f.intro.collection_expr, b);
        let pairs = match self.iteration(&coll) {
            Ok(p) => p,
            Err(n) => return n,
        };
        if pairs.len() > MAX_ITEMS {
            return self.unknown(span, unknown::LIMIT, "for expression too large");
        }
        let mut list = Vec::new();
        let mut map: Vec<Entry> = Vec::new();
        for (k, v) in pairs {
            let mut inner = b.clone();
            match &f.intro.key_var {
                Some(kv) => {
                    inner.push(kv.as_str(), k);
                    inner.push(f.intro.value_var.as_str(), v);
                }
                None => inner.push(f.intro.value_var.as_str(), v),
            }
            if let Some(c) = &f.cond {
                let cv = self.eval(&c.expr, &inner);
                match cv.as_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => {
                        return self
                            .unknown(span, unknown::DERIVED, "for condition")
                            .with_cause(&cv);
                    }
                }
            }
            let value = self.eval(&f.value_expr, &inner);
            match &f.key_expr {
                None => list.push(value),
                Some(kx) => {
                    let kn = self.eval(kx, &inner);
                    let Some(key) = to_template_string(&kn) else {
                        return self
                            .unknown(span, unknown::DERIVED, "for key")
                            .with_cause(&kn);
                    };
                    if f.grouping {
                        match map.iter_mut().find(|e| e.key == key) {
                            Some(Entry {
                                value:
                                    Node {
                                        value: Value::List(items),
                                        ..
                                    },
                                ..
                            }) => items.push(value),
                            _ => map.push(Entry {
                                key,
                                key_span: kn.span,
                                value: node(span, self.file, Value::List(vec![value])),
                            }),
                        }
                    } else {
                        map.retain(|e| e.key != key);
                        map.push(Entry {
                            key,
                            key_span: kn.span,
                            value,
                        });
                    }
                }
            }
        }
        if f.key_expr.is_some() {
            node(span, self.file, Value::Map(map))
        } else {
            node(span, self.file, Value::List(list))
        }
    }

    fn func_call(&self, f: &crate::hcl::FuncCall, span: Span, b: &Bindings) -> Node {
        let name = if f.name.namespace.is_empty() {
            f.name.name.as_str().to_string()
        } else {
            let mut parts: Vec<&str> = f.name.namespace.iter().map(|n| n.as_str()).collect();
            parts.push(f.name.name.as_str());
            parts.join("::")
        };
        match name.as_str() {
            "try" => {
                for a in f.args.iter() {
                    let v = self.eval(a, b);
                    if is_error(&v) || first_unknown(&v).is_some_and(is_error) {
                        continue;
                    }
                    if first_unknown(&v).is_some() {
                        return self
                            .unknown(span, unknown::DERIVED, &self.text_of(span))
                            .with_cause(&v);
                    }
                    return v;
                }
                return self.unknown(span, unknown::ERROR, "no try() argument succeeded");
            }
            "can" => {
                let Some(a) = f.args.iter().next() else {
                    return self.unknown(span, unknown::ERROR, "can() needs an argument");
                };
                let v = self.eval(a, b);
                let ok = match first_unknown(&v) {
                    None => true,
                    Some(u) if is_error(u) => false,
                    Some(_) => {
                        return self
                            .unknown(span, unknown::DERIVED, &self.text_of(span))
                            .with_cause(&v);
                    }
                };
                return node(span, self.file, Value::Bool(ok));
            }
            _ => {}
        }
        let mut args: Vec<Node> = f.args.iter().map(|a| self.eval(a, b)).collect();
        if f.args.expand_final() {
            if let Some(last) = args.pop() {
                match last.value {
                    Value::List(items) => args.extend(items),
                    Value::Unknown(_) => {
                        return self.unknown(span, unknown::DERIVED, &self.text_of(span));
                    }
                    _ => return self.unknown(span, unknown::ERROR, "expansion of a non-list"),
                }
            }
        }
        if let Some(err) = args.iter().find(|a| is_error(a)) {
            return err.clone();
        }
        if let Some(v) = self.scope.function(&name, &args, span, self.file) {
            return v;
        }
        match functions::call(&name, &args, span, self.file) {
            Ok(n) => n,
            Err(CallError::Unknown(_)) => {
                let cause = args.iter().find_map(first_unknown);
                let n = self.unknown(span, unknown::DERIVED, &format!("{name}(...)"));
                match cause {
                    Some(c) => n.with_cause(c),
                    None => n,
                }
            }
            Err(CallError::Invalid(msg)) => {
                self.unknown(span, unknown::ERROR, &format!("{name}: {msg}"))
            }
            Err(CallError::Unsupported(_)) => self.unknown(span, unknown::FUNCTION, &name),
        }
    }

    fn variable(&self, name: &str, span: Span, b: &Bindings) -> Node {
        if let Some(v) = b.get(name) {
            return (**v).clone();
        }
        if name == "var" {
            return self.scope.vars();
        }
        if let Some(n) = self.scope.fixed_root(name) {
            return n;
        }
        self.unknown(span, unknown::REFERENCE, name)
    }

    /// Evaluate `root.op.op...`, walking borrowed values and copying only the result.
    fn traversal(
        &self,
        root: &Expression,
        ops: &[crate::hcl::Decorated<TraversalOperator>],
        span: Span,
        b: &Bindings,
    ) -> Node {
        let mut consumed = 0;
        let held: Held<'_>;
        let mut missing_is_unknown: Option<MissingIsUnknown<'_>> = None;
        let attr = |i: usize| -> Option<&str> {
            match ops.get(i).map(|o| o.value()) {
                Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
                _ => None,
            }
        };
        match root {
            Expression::Variable(v) if b.get(v.as_str()).is_some() => {
                held = Held::Shared(Rc::clone(b.get(v.as_str()).expect("checked above")));
            }
            Expression::Variable(v) => {
                let name = v.as_str();
                match name {
                    "var" => {
                        let Some(vn) = attr(0) else {
                            return self.unknown(span, unknown::ERROR, "var needs an attribute");
                        };
                        consumed = 1;
                        held = match self.scope.var(vn) {
                            Some(n) => Held::Ref(n),
                            None => {
                                return self.unknown(
                                    span,
                                    unknown::ERROR,
                                    &format!("undeclared variable var.{vn}"),
                                );
                            }
                        };
                    }
                    "local" => {
                        let Some(ln) = attr(0) else {
                            return self.unknown(span, unknown::ERROR, "local needs an attribute");
                        };
                        consumed = 1;
                        held = Held::Shared(self.scope.local(ln, span, self.file, self.depth));
                    }
                    "data" => {
                        let (Some(ty), Some(n)) = (attr(0), attr(1)) else {
                            return self.unknown(span, unknown::ERROR, "data needs type and name");
                        };
                        consumed = 2;
                        match self.scope.block_object("data", ty, n, self.depth) {
                            None => {
                                return self.unknown(
                                    span,
                                    unknown::ERROR,
                                    &format!("undeclared data.{ty}.{n}"),
                                );
                            }
                            // Data sources evaluated locally (policy documents) have known attributes.
                            Some(obj) if !obj.entries().is_empty() => {
                                held = Held::Shared(obj);
                                missing_is_unknown = Some(MissingIsUnknown {
                                    category: unknown::DATA,
                                    address: ["data.", ty, ".", n],
                                });
                            }
                            Some(_) => {
                                return self.unknown(span, unknown::DATA, &self.text_of(span));
                            }
                        }
                    }
                    "module" => {
                        let Some(m) = attr(0) else {
                            return self.unknown(span, unknown::ERROR, "module needs a name");
                        };
                        consumed = 1;
                        match self.scope.block_object("module", "", m, self.depth) {
                            Some(obj) => {
                                held = Held::Shared(obj);
                                missing_is_unknown = Some(MissingIsUnknown {
                                    category: unknown::MODULE,
                                    address: ["module.", m, "", ""],
                                });
                            }
                            None => {
                                return self.unknown(span, unknown::MODULE, &self.text_of(span));
                            }
                        }
                    }
                    _ => {
                        if let Some(n) = self.scope.fixed_root(name) {
                            held = Held::Own(n);
                        } else if let Some(n) = attr(0) {
                            // A resource: TYPE.NAME
                            consumed = 1;
                            match self.scope.block_object("resource", name, n, self.depth) {
                                Some(obj) => {
                                    held = Held::Shared(obj);
                                    missing_is_unknown = Some(MissingIsUnknown {
                                        category: unknown::RESOURCE,
                                        address: [self.scope.address_prefix(), name, ".", n],
                                    });
                                }
                                None => {
                                    return self.unknown(
                                        span,
                                        unknown::REFERENCE,
                                        &self.text_of(span),
                                    );
                                }
                            }
                        } else {
                            return self.unknown(span, unknown::REFERENCE, name);
                        }
                    }
                }
            }
            other => held = Held::Own(self.eval(other, b)),
        }
        let mut cur: &Node = held.node();
        let mut path_text = String::new();
        for (idx, op) in ops.iter().enumerate().skip(consumed) {
            if let Value::Unknown(_) = cur.value {
                return self
                    .unknown(span, unknown::DERIVED, &self.text_of(span))
                    .with_cause(cur);
            }
            match op.value() {
                TraversalOperator::GetAttr(id) => {
                    path_text.push('.');
                    path_text.push_str(id.as_str());
                    cur = match &cur.value {
                        Value::Map(_) => match cur.get(id.as_str()) {
                            Some(n) => n,
                            None => {
                                return match &missing_is_unknown {
                                    Some(m) => self.unknown(
                                        span,
                                        m.category,
                                        &(m.address.concat() + &path_text),
                                    ),
                                    None => node(span, self.file, Value::Null),
                                };
                            }
                        },
                        Value::Null => {
                            return self.unknown(span, unknown::ERROR, "attribute of null");
                        }
                        _ => {
                            return self.unknown(
                                span,
                                unknown::ERROR,
                                &format!("no attribute {}", id.as_str()),
                            );
                        }
                    };
                }
                TraversalOperator::Index(ix) => {
                    let key = self.eval(ix, b);
                    match self.index(cur, &key, span, missing_is_unknown.as_ref()) {
                        Ok(n) => cur = n,
                        Err(n) => return n,
                    }
                }
                TraversalOperator::LegacyIndex(i) => {
                    let key = node(span, self.file, Value::Number(*i.value() as f64));
                    match self.index(cur, &key, span, missing_is_unknown.as_ref()) {
                        Ok(n) => cur = n,
                        Err(n) => return n,
                    }
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    // The splat applies the remaining operators to every item.
                    let attr_only = matches!(op.value(), TraversalOperator::AttrSplat(_));
                    return self.splat(
                        cur,
                        &ops[idx + 1..],
                        span,
                        b,
                        attr_only,
                        missing_is_unknown.as_ref(),
                    );
                }
            }
        }
        cur.clone()
    }

    /// `cur[key]`: the element, or a computed node (unknown, error) in `Err`.
    fn index<'n>(
        &self,
        cur: &'n Node,
        key: &Node,
        span: Span,
        resource: Option<&MissingIsUnknown<'_>>,
    ) -> Result<&'n Node, Node> {
        if key.is_unknown() {
            return Err(self
                .unknown(span, unknown::DERIVED, &self.text_of(span))
                .with_cause(key));
        }
        match &cur.value {
            Value::List(items) => {
                let Some(i) = key.as_f64() else {
                    return Err(self.unknown(span, unknown::ERROR, "list index is not a number"));
                };
                if i < 0.0 || i.fract() != 0.0 {
                    return Err(self.unknown(span, unknown::ERROR, "invalid list index"));
                }
                items
                    .get(i as usize)
                    .ok_or_else(|| self.unknown(span, unknown::ERROR, "list index out of range"))
            }
            Value::Map(_) => {
                let Some(k) = to_template_string(key) else {
                    return Err(self.unknown(span, unknown::ERROR, "map key is not a string"));
                };
                match cur.get(&k) {
                    Some(n) => Ok(n),
                    // `aws_instance.web[0]`: the resource object stands for each instance.
                    None if resource.is_some() => Ok(cur),
                    None => Err(self.unknown(span, unknown::ERROR, &format!("no key {k:?}"))),
                }
            }
            Value::Unknown(_) => Err(self
                .unknown(span, unknown::DERIVED, &self.text_of(span))
                .with_cause(cur)),
            _ => Err(self.unknown(span, unknown::ERROR, "index of a primitive")),
        }
    }

    fn splat(
        &self,
        cur: &Node,
        rest: &[crate::hcl::Decorated<TraversalOperator>],
        span: Span,
        b: &Bindings,
        attr_only: bool,
        resource: Option<&MissingIsUnknown<'_>>,
    ) -> Node {
        let items: Vec<&Node> = match &cur.value {
            // A resource object stands for all its instances.
            Value::Map(_) if resource.is_some() => vec![cur],
            Value::List(items) => items.iter().collect(),
            Value::Null => vec![],
            Value::Unknown(_) => {
                return self
                    .unknown(span, unknown::DERIVED, &self.text_of(span))
                    .with_cause(cur);
            }
            _ => vec![cur],
        };
        if items.len() > MAX_ITEMS {
            return self.unknown(span, unknown::LIMIT, "splat too large");
        }
        let mut out = Vec::with_capacity(items.len());
        'items: for item in items {
            let mut v: &Node = item;
            for op in rest {
                if attr_only && !matches!(op.value(), TraversalOperator::GetAttr(_)) {
                    break;
                }
                v = match op.value() {
                    TraversalOperator::GetAttr(id) => match &v.value {
                        Value::Map(_) => match (v.get(id.as_str()), resource) {
                            (Some(n), _) => n,
                            (None, Some(m)) => {
                                out.push(self.unknown(
                                    span,
                                    m.category,
                                    &format!("{}.{}", m.address.concat(), id.as_str()),
                                ));
                                continue 'items;
                            }
                            (None, None) => {
                                out.push(node(span, self.file, Value::Null));
                                continue 'items;
                            }
                        },
                        Value::Unknown(_) => v,
                        _ => return self.unknown(span, unknown::ERROR, "attribute of a primitive"),
                    },
                    TraversalOperator::Index(ix) => {
                        let key = self.eval(ix, b);
                        match self.index(v, &key, span, None) {
                            Ok(n) => n,
                            Err(n) => {
                                out.push(n);
                                continue 'items;
                            }
                        }
                    }
                    TraversalOperator::LegacyIndex(i) => {
                        let key = node(span, self.file, Value::Number(*i.value() as f64));
                        match self.index(v, &key, span, None) {
                            Ok(n) => n,
                            Err(n) => {
                                out.push(n);
                                continue 'items;
                            }
                        }
                    }
                    _ => v,
                };
            }
            out.push(v.clone());
        }
        node(span, self.file, Value::List(out))
    }
}

/// Carry the root cause of an unknown value along derived unknowns.
pub trait WithCause {
    /// Keep the root cause: the reason of the unknown that made this one unknown.
    #[must_use]
    fn with_cause(self, other: &Node) -> Node;
}

impl WithCause for Node {
    /// Keep the root cause: the reason of the unknown that made this one unknown
    /// (the first unknown inside `other`), unless this one already has a root cause.
    fn with_cause(mut self, other: &Node) -> Node {
        let mine_is_root =
            matches!(&self.value, Value::Unknown(r) if unknown_category(r) != unknown::DERIVED);
        if mine_is_root {
            return self;
        }
        if let Some(Node {
            value: Value::Unknown(r),
            ..
        }) = first_unknown(other)
        {
            self.value = Value::Unknown(r.clone());
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_category_ends_at_the_first_colon_and_space() {
        assert_eq!(unknown_category("variable: var.x"), "variable");
        assert_eq!(unknown_category("data source: aws_vpc: id"), "data source");
        assert_eq!(unknown_category("a:b: c"), "a:b");
        assert_eq!(unknown_category("no category"), "no category");
        assert_eq!(unknown_category("trailing:"), "trailing:");
        assert_eq!(unknown_category("é: x"), "é");
    }

    #[test]
    fn unknown_reasons_keep_160_characters_of_detail() {
        let reason = |detail: &str| match unknown_node(Span::default(), 0, "variable", detail).value
        {
            Value::Unknown(r) => r.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(reason("var.x"), "variable: var.x");
        let long = "é".repeat(200);
        assert_eq!(reason(&long), format!("variable: {}", "é".repeat(160)));
        assert_eq!(unknown_category(&reason(&long)), "variable");
    }
}
