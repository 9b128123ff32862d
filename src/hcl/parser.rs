//! A recursive-descent parser of HCL's native syntax. It never backtracks
//! over a token: the only text read twice is whitespace and comments after a
//! term, which each enclosing level of an expression peeks at for an
//! operator. Nesting is capped ([`MAX_NESTING`]), so the time is linear in
//! the input (with that bounded factor on whitespace) and hostile input
//! cannot exhaust the stack.

use std::ops::Range;

use super::ast::{
    Array, Attribute, BinaryOp, BinaryOperator, Block, BlockLabel, Body, Conditional, Decorated,
    Directive, Element, ElseTemplateExpr, Expression, ForCond, ForDirective, ForExpr, ForIntro,
    ForTemplateExpr, FuncArgs, FuncCall, FuncName, HeredocTemplate, Ident, IfDirective,
    IfTemplateExpr, Interpolation, Number, Object, ObjectKey, ObjectValue, Parenthesis, Span as _,
    StringTemplate, Structure, Template, Traversal, TraversalOperator, UnaryOp, UnaryOperator,
};

/// Deepest nesting of blocks, brackets and templates accepted.
pub const MAX_NESTING: usize = 256;

/// A syntax error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// What is wrong.
    pub message: String,
    /// Byte offset.
    pub offset: usize,
}

type R<T> = Result<T, ParseError>;

/// Parse a whole file.
///
/// # Errors
/// The first syntax error.
pub fn parse_body(text: &str) -> R<Body> {
    let mut p = Parser::new(text);
    let body = p.body(false)?;
    if p.pos < p.b.len() {
        return Err(p.error("expected an attribute or a block"));
    }
    Ok(body)
}

/// Parse a template (the text of a file read by `templatefile`).
///
/// # Errors
/// The first syntax error.
pub fn parse_template(text: &str) -> R<Template> {
    let mut p = Parser::new(text);
    let (mut t, end) = p.template(TemplateKind::Bare)?;
    if end != End::Eof {
        return Err(p.error("unexpected template directive"));
    }
    // The text comes from another file than the call that renders it: the
    // template as a whole has no place in the caller's file (an empty span
    // at its start, as hcl-edit left it unset).
    t.span = 0..0;
    Ok(t)
}

#[derive(Clone, Copy)]
struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    depth: usize,
}

/// Where a template's text ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TemplateKind<'d> {
    /// At the closing `"`.
    Quoted,
    /// At a line holding only the delimiter.
    Heredoc(&'d str),
    /// At the end of the input.
    Bare,
}

/// What ended a (nested) template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Eof,
    Quote,
    Heredoc,
    Else,
    Endif,
    Endfor,
}

fn is_id_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_id_continue(c: u8) -> bool {
    ID_CONTINUE[usize::from(c)]
}

/// The bytes that may continue an identifier: ASCII letters and digits, `_`,
/// `-`, and every byte of a non-ASCII character (one table lookup per byte
/// in the identifier scan, the parser's busiest loop).
static ID_CONTINUE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80;
        i += 1;
    }
    table
};

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            b: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    fn error(&self, message: &str) -> ParseError {
        ParseError {
            message: message.to_string(),
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.b[self.pos..].starts_with(s)
    }

    fn expect(&mut self, c: u8, what: &str) -> R<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error(&format!("nesting deeper than {MAX_NESTING} levels")));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Spaces, tabs and `/* */` comments.
    fn sp(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    match memchr::memmem::find(&self.b[self.pos + 2..], b"*/") {
                        Some(k) => self.pos += k + 4,
                        None => return,
                    }
                }
                _ => return,
            }
        }
    }

    /// Whitespace with newlines, and every kind of comment.
    fn ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.pos += 1,
                Some(b'#') => self.line_comment(),
                Some(b'/') if self.peek_at(1) == Some(b'/') => self.line_comment(),
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    match memchr::memmem::find(&self.b[self.pos + 2..], b"*/") {
                        Some(k) => self.pos += k + 4,
                        None => return,
                    }
                }
                _ => return,
            }
        }
    }

    /// Skip a `#` or `//` comment up to (not including) the line ending.
    fn line_comment(&mut self) {
        self.pos =
            memchr::memchr(b'\n', &self.b[self.pos..]).map_or(self.b.len(), |k| self.pos + k);
        if self.pos > 0 && self.b[self.pos - 1] == b'\r' && self.pos < self.b.len() {
            self.pos -= 1;
        }
    }

    fn skip(&mut self, newlines: bool) {
        if newlines { self.ws() } else { self.sp() }
    }

    /// The end of a line: spaces, an optional comment, and a line ending
    /// (or the end of the input).
    fn line_end(&mut self) -> R<()> {
        self.sp();
        match self.peek() {
            None => Ok(()),
            Some(b'#') => {
                self.line_comment();
                self.newline()
            }
            Some(b'/') if self.peek_at(1) == Some(b'/') => {
                self.line_comment();
                self.newline()
            }
            _ => self.newline(),
        }
    }

    fn newline(&mut self) -> R<()> {
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                self.pos += 2;
                Ok(())
            }
            _ => Err(self.error("expected a newline")),
        }
    }

    fn ident(&mut self) -> R<Decorated<Ident>> {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_id_start(c) => {}
            _ => return Err(self.error("expected an identifier")),
        }
        self.pos += 1;
        let rest = &self.b[self.pos..];
        self.pos += rest
            .iter()
            .position(|&c| !is_id_continue(c))
            .unwrap_or(rest.len());
        // Stay on a character boundary (identifiers may hold any non-ASCII letter).
        while !self.text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
        Ok(Decorated::new(
            Ident(self.text[start..self.pos].into()),
            start..self.pos,
        ))
    }

    // ----- structure -----

    /// Attributes and blocks up to the end of the input or (`in_block`) a `}`.
    fn body(&mut self, in_block: bool) -> R<Body> {
        let start = self.pos;
        let mut structures = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                None => break,
                Some(b'}') if in_block => break,
                _ => {}
            }
            structures.push(self.structure()?);
        }
        Ok(Body {
            structures,
            span: start..self.pos,
        })
    }

    fn structure(&mut self) -> R<Structure> {
        let start = self.pos;
        let ident = self.ident()?;
        self.sp();
        if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
            self.pos += 1;
            self.sp();
            let value = self.expr(false)?;
            let end = self.pos;
            if self.peek_after_sp() != Some(b'}') {
                self.line_end()?;
            }
            return Ok(Structure::Attribute(Attribute {
                key: ident,
                value,
                span: start..end,
            }));
        }
        let mut labels = Vec::new();
        loop {
            match self.peek() {
                Some(b'"') => {
                    let lstart = self.pos;
                    let s = self.quoted_literal()?;
                    labels.push(BlockLabel::String(Decorated::new(s, lstart..self.pos)));
                }
                Some(c) if is_id_start(c) => labels.push(BlockLabel::Ident(self.ident()?)),
                Some(b'{') => break,
                _ => return Err(self.error("expected a block label or `{`")),
            }
            self.sp();
        }
        self.pos += 1;
        self.enter()?;
        self.sp();
        let body = match self.peek() {
            // A one-line block: `{}` or `{ key = value }`.
            Some(b'}') => Body {
                structures: Vec::new(),
                span: self.pos..self.pos,
            },
            Some(b'\n' | b'\r' | b'#') => self.body(true)?,
            Some(b'/') if self.peek_at(1) == Some(b'/') => self.body(true)?,
            _ => {
                let bstart = self.pos;
                let s = self.structure()?;
                Body {
                    structures: vec![s],
                    span: bstart..self.pos,
                }
            }
        };
        self.ws();
        self.expect(b'}', "`}`")?;
        self.leave();
        let end = self.pos;
        if self.peek_after_sp() != Some(b'}') {
            self.line_end()?;
        }
        Ok(Structure::Block(Block {
            ident,
            labels,
            body,
            span: start..end,
        }))
    }

    fn peek_after_sp(&self) -> Option<u8> {
        // Look ahead on a copy.
        let mut p = *self;
        p.sp();
        p.peek()
    }

    /// A quoted string without interpolations (a block label).
    fn quoted_literal(&mut self) -> R<String> {
        let start = self.pos;
        self.pos += 1;
        match self.template(TemplateKind::Quoted)? {
            (t, End::Quote) => match t.elements.as_slice() {
                [] => Ok(String::new()),
                [Element::Literal(l)] => Ok(l.value().clone()),
                _ => Err(ParseError {
                    message: "a block label cannot hold interpolations".into(),
                    offset: start,
                }),
            },
            _ => Err(self.error("expected `\"`")),
        }
    }

    // ----- expressions -----

    fn expr(&mut self, nl: bool) -> R<Expression> {
        self.enter()?;
        let cond = self.binary(nl, 0)?;
        let save = self.pos;
        self.skip(nl);
        let out = if self.peek() == Some(b'?') {
            self.pos += 1;
            self.skip(nl);
            let t = self.expr(nl)?;
            self.skip(nl);
            self.expect(b':', "`:`")?;
            self.skip(nl);
            let f = self.expr(nl)?;
            let span = start_of(&cond)..end_of(&f);
            Expression::Conditional(Box::new(Conditional {
                cond_expr: cond,
                true_expr: t,
                false_expr: f,
                span,
            }))
        } else {
            self.pos = save;
            cond
        };
        self.leave();
        Ok(out)
    }

    fn binop(&self) -> Option<(BinaryOperator, usize)> {
        use BinaryOperator as B;
        let two = self.b.get(self.pos..self.pos + 2);
        let op = match two {
            Some(b"==") => (B::Eq, 2),
            Some(b"!=") => (B::NotEq, 2),
            Some(b"<=") => (B::LessEq, 2),
            Some(b">=") => (B::GreaterEq, 2),
            Some(b"&&") => (B::And, 2),
            Some(b"||") => (B::Or, 2),
            Some(b"//" | b"/*") => return None,
            _ => match self.peek()? {
                b'<' => (B::Less, 1),
                b'>' => (B::Greater, 1),
                b'+' => (B::Plus, 1),
                b'-' => (B::Minus, 1),
                b'*' => (B::Mul, 1),
                b'/' => (B::Div, 1),
                b'%' => (B::Mod, 1),
                _ => return None,
            },
        };
        Some(op)
    }

    fn binary(&mut self, nl: bool, min: u8) -> R<Expression> {
        let mut lhs = self.unary(nl)?;
        // Each operator of a chain nests the tree one level deeper (to the
        // left): it counts towards the nesting cap, or a long chain would
        // build a tree too deep to walk or drop.
        let mut chained = 0;
        loop {
            let save = self.pos;
            self.skip(nl);
            let Some((op, len)) = self.binop().filter(|(op, _)| op.precedence() >= min) else {
                self.pos = save;
                self.depth -= chained;
                return Ok(lhs);
            };
            self.enter()?;
            chained += 1;
            let ostart = self.pos;
            self.pos += len;
            let operator = Decorated::new(op, ostart..self.pos);
            self.skip(nl);
            let rhs = self.binary(nl, op.precedence() + 1)?;
            let span = start_of(&lhs)..end_of(&rhs);
            lhs = Expression::BinaryOp(Box::new(BinaryOp {
                lhs_expr: lhs,
                operator,
                rhs_expr: rhs,
                span,
            }));
        }
    }

    fn unary(&mut self, nl: bool) -> R<Expression> {
        let start = self.pos;
        let op = match self.peek() {
            Some(b'-') => UnaryOperator::Neg,
            Some(b'!') => UnaryOperator::Not,
            _ => return self.term(nl),
        };
        self.pos += 1;
        if op == UnaryOperator::Neg {
            let save = self.pos;
            self.sp();
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                let n = self.number_value()?;
                return self.postfix(
                    nl,
                    start,
                    Expression::Number(Decorated::new(Number(-n), start..self.pos)),
                );
            }
            self.pos = save;
        }
        let operator = Decorated::new(op, start..start + 1);
        self.enter()?;
        let expr = self.unary(nl)?;
        self.leave();
        let span = start..end_of(&expr);
        Ok(Expression::UnaryOp(Box::new(UnaryOp {
            operator,
            expr,
            span,
        })))
    }

    fn number_value(&mut self) -> R<f64> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        self.text[start..self.pos]
            .parse::<f64>()
            .map_err(|_| ParseError {
                message: "invalid number".into(),
                offset: start,
            })
    }

    fn term(&mut self, nl: bool) -> R<Expression> {
        let start = self.pos;
        let base = match self.peek() {
            Some(b'"') => self.quoted()?,
            Some(b'[') => self.tuple_or_for()?,
            Some(b'{') => self.object_or_for()?,
            Some(b'<') if self.peek_at(1) == Some(b'<') => self.heredoc()?,
            Some(b'(') => {
                self.pos += 1;
                self.enter()?;
                self.ws();
                let inner = self.expr(true)?;
                self.ws();
                self.expect(b')', "`)`")?;
                self.leave();
                Expression::Parenthesis(Box::new(Parenthesis {
                    inner,
                    span: start..self.pos,
                }))
            }
            Some(c) if c.is_ascii_digit() => {
                let n = self.number_value()?;
                Expression::Number(Decorated::new(Number(n), start..self.pos))
            }
            Some(c) if is_id_start(c) => self.identlike(nl)?,
            _ => return Err(self.error("expected an expression")),
        };
        self.postfix(nl, start, base)
    }

    /// Attribute accesses, indexes and splats after a term.
    fn postfix(&mut self, nl: bool, start: usize, base: Expression) -> R<Expression> {
        let mut operators = Vec::new();
        loop {
            let save = self.pos;
            self.skip(nl);
            let ostart = self.pos;
            let op = match self.peek() {
                Some(b'.') if self.peek_at(1) == Some(b'.') => None,
                Some(b'.') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'*') => {
                            self.pos += 1;
                            Some(TraversalOperator::AttrSplat(Decorated::new(
                                (),
                                ostart..self.pos,
                            )))
                        }
                        Some(c) if c.is_ascii_digit() => {
                            let dstart = self.pos;
                            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                                self.pos += 1;
                            }
                            let n = self.text[dstart..self.pos].parse::<u64>().map_err(|_| {
                                ParseError {
                                    message: "invalid index".into(),
                                    offset: dstart,
                                }
                            })?;
                            Some(TraversalOperator::LegacyIndex(Decorated::new(
                                n,
                                ostart..self.pos,
                            )))
                        }
                        _ => Some(TraversalOperator::GetAttr(self.ident()?)),
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    self.enter()?;
                    self.ws();
                    let op = if self.peek() == Some(b'*') {
                        self.pos += 1;
                        self.ws();
                        self.expect(b']', "`]`")?;
                        TraversalOperator::FullSplat(Decorated::new((), ostart..self.pos))
                    } else {
                        let e = self.expr(true)?;
                        self.ws();
                        self.expect(b']', "`]`")?;
                        TraversalOperator::Index(e)
                    };
                    self.leave();
                    Some(op)
                }
                _ => None,
            };
            match op {
                Some(op) => operators.push(Decorated::new(op, ostart..self.pos)),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if operators.is_empty() {
            return Ok(base);
        }
        Ok(Expression::Traversal(Box::new(Traversal {
            expr: base,
            operators,
            span: start..self.pos,
        })))
    }

    fn identlike(&mut self, nl: bool) -> R<Expression> {
        let start = self.pos;
        let ident = self.ident()?;
        let save = self.pos;
        self.skip(nl);
        if self.starts_with(b"::") || self.peek() == Some(b'(') {
            let mut namespace = Vec::new();
            let mut name = ident;
            while self.starts_with(b"::") {
                self.pos += 2;
                self.skip(nl);
                namespace.push(name);
                name = self.ident()?;
                self.skip(nl);
            }
            self.expect(b'(', "`(`")?;
            self.enter()?;
            let mut args = Vec::new();
            let mut expand_final = false;
            loop {
                self.ws();
                if self.peek() == Some(b')') {
                    break;
                }
                if expand_final {
                    return Err(self.error("expected `)` after `...`"));
                }
                args.push(self.expr(true)?);
                self.ws();
                if self.starts_with(b"...") {
                    self.pos += 3;
                    expand_final = true;
                    self.ws();
                }
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b')') => break,
                    _ => return Err(self.error("expected `,` or `)`")),
                }
            }
            self.pos += 1;
            self.leave();
            return Ok(Expression::FuncCall(Box::new(FuncCall {
                name: FuncName { namespace, name },
                args: FuncArgs { args, expand_final },
                span: start..self.pos,
            })));
        }
        self.pos = save;
        let span = start..self.pos;
        Ok(match ident.as_str() {
            "null" => Expression::Null(Decorated::new((), span)),
            "true" => Expression::Bool(Decorated::new(true, span)),
            "false" => Expression::Bool(Decorated::new(false, span)),
            _ => Expression::Variable(ident),
        })
    }

    /// Whether the next word (after whitespace) is `for` followed by a space.
    fn at_for(&self) -> bool {
        let mut p = *self;
        p.ws();
        p.starts_with(b"for")
            && p.peek_at(3)
                .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    }

    fn tuple_or_for(&mut self) -> R<Expression> {
        let start = self.pos;
        self.pos += 1;
        self.enter()?;
        if self.at_for() {
            let e = self.for_expr(start, b']')?;
            self.leave();
            return Ok(e);
        }
        let mut values = Vec::new();
        loop {
            self.ws();
            if self.peek() == Some(b']') {
                break;
            }
            values.push(self.expr(true)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
        self.pos += 1;
        self.leave();
        Ok(Expression::Array(Array {
            values,
            span: start..self.pos,
        }))
    }

    fn object_or_for(&mut self) -> R<Expression> {
        let start = self.pos;
        self.pos += 1;
        self.enter()?;
        if self.at_for() {
            let e = self.for_expr(start, b'}')?;
            self.leave();
            return Ok(e);
        }
        let mut items = Vec::new();
        loop {
            self.ws();
            if self.peek() == Some(b'}') {
                break;
            }
            let key = match self.expr(true)? {
                Expression::Variable(v) => ObjectKey::Ident(v),
                e => ObjectKey::Expression(e),
            };
            self.sp();
            match self.peek() {
                Some(b'=' | b':') => self.pos += 1,
                _ => return Err(self.error("expected `=` or `:`")),
            }
            self.ws();
            let expr = self.expr(true)?;
            items.push((key, ObjectValue { expr }));
            self.sp();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => break,
                Some(b'\n' | b'\r' | b'#') => {}
                Some(b'/') if self.peek_at(1) == Some(b'/') => {}
                _ => return Err(self.error("expected `,`, a newline or `}`")),
            }
        }
        self.pos += 1;
        self.leave();
        Ok(Expression::Object(Object {
            items,
            span: start..self.pos,
        }))
    }

    /// `k, v in collection` (or `v in collection`) of a for expression or
    /// a `%{ for }` directive.
    fn for_intro(&mut self) -> R<(Option<Decorated<Ident>>, Decorated<Ident>, Expression)> {
        let first = self.ident()?;
        self.ws();
        let (key_var, value_var) = if self.peek() == Some(b',') {
            self.pos += 1;
            self.ws();
            let second = self.ident()?;
            self.ws();
            (Some(first), second)
        } else {
            (None, first)
        };
        if !self.starts_with(b"in") || self.peek_at(2).is_some_and(is_id_continue) {
            return Err(self.error("expected `in`"));
        }
        self.pos += 2;
        self.ws();
        Ok((key_var, value_var, self.expr(true)?))
    }

    /// The rest of `[for ...]` or `{for ...}` after its opening bracket.
    fn for_expr(&mut self, start: usize, close: u8) -> R<Expression> {
        self.ws();
        self.pos += 3;
        self.ws();
        let (key_var, value_var, collection_expr) = self.for_intro()?;
        self.ws();
        self.expect(b':', "`:`")?;
        self.ws();
        let first = self.expr(true)?;
        self.ws();
        let (key_expr, value_expr) = if close == b'}' {
            if !self.starts_with(b"=>") {
                return Err(self.error("expected `=>`"));
            }
            self.pos += 2;
            self.ws();
            let v = self.expr(true)?;
            self.ws();
            (Some(first), v)
        } else {
            (None, first)
        };
        let grouping = close == b'}' && self.starts_with(b"...");
        if grouping {
            self.pos += 3;
            self.ws();
        }
        let cond = if self.starts_with(b"if") && !self.peek_at(2).is_some_and(is_id_continue) {
            self.pos += 2;
            self.ws();
            let expr = self.expr(true)?;
            self.ws();
            Some(ForCond { expr })
        } else {
            None
        };
        self.expect(close, if close == b'}' { "`}`" } else { "`]`" })?;
        Ok(Expression::ForExpr(Box::new(ForExpr {
            intro: ForIntro {
                key_var,
                value_var,
                collection_expr,
            },
            key_expr,
            value_expr,
            grouping,
            cond,
            span: start..self.pos,
        })))
    }

    // ----- templates -----

    fn quoted(&mut self) -> R<Expression> {
        let start = self.pos;
        self.pos += 1;
        self.enter()?;
        let (mut template, end) = self
            .template(TemplateKind::Quoted)
            .map_err(|e| unterminated_at(e, start))?;
        self.leave();
        if end != End::Quote {
            return Err(self.error("unexpected template directive"));
        }
        let span = start..self.pos;
        template.span = span.clone();
        let plain = template
            .elements
            .iter()
            .all(|e| matches!(e, Element::Literal(_)));
        if plain {
            let s = match template.elements.into_iter().next() {
                Some(Element::Literal(l)) => l.value().clone(),
                _ => String::new(),
            };
            return Ok(Expression::String(Decorated::new(s, span)));
        }
        Ok(Expression::StringTemplate(StringTemplate {
            template,
            span,
        }))
    }

    fn heredoc(&mut self) -> R<Expression> {
        let start = self.pos;
        self.pos += 2;
        let indented = self.peek() == Some(b'-');
        if indented {
            self.pos += 1;
        }
        let delim = self.ident()?;
        self.newline()?;
        self.enter()?;
        let delimiter = delim.value().clone();
        let (mut template, end) = self
            .template(TemplateKind::Heredoc(delim.as_str()))
            .map_err(|e| unterminated_at(e, start))?;
        self.leave();
        if end != End::Heredoc {
            return Err(self.error("expected the heredoc's closing delimiter"));
        }
        let indent = if indented {
            dedent_amount(&template)
        } else {
            None
        };
        if let Some(n) = indent {
            dedent(&mut template, n);
        }
        Ok(Expression::HeredocTemplate(Box::new(HeredocTemplate {
            delimiter,
            template,
            indent,
            span: start..self.pos,
        })))
    }

    /// Elements up to the end of `kind`, or an `else` / `endif` / `endfor`.
    fn template(&mut self, kind: TemplateKind<'_>) -> R<(Template, End)> {
        let start = self.pos;
        let mut elements = Vec::new();
        let mut lit = String::new();
        let mut lit_start = self.pos;
        // Where the content ends (before a closing quote, a directive or a
        // heredoc's delimiter line).
        let content_end;
        let flush = |elements: &mut Vec<Element>, lit: &mut String, from: usize, to: usize| {
            if !lit.is_empty() {
                elements.push(Element::Literal(Decorated::new(
                    std::mem::take(lit),
                    from..to,
                )));
            }
        };
        let end = loop {
            let Some(c) = self.peek() else {
                if kind == TemplateKind::Bare {
                    flush(&mut elements, &mut lit, lit_start, self.pos);
                    content_end = self.pos;
                    break End::Eof;
                }
                return Err(self.error(match kind {
                    TemplateKind::Quoted => "unterminated string",
                    _ => "unterminated heredoc",
                }));
            };
            match c {
                b'"' if kind == TemplateKind::Quoted => {
                    flush(&mut elements, &mut lit, lit_start, self.pos);
                    content_end = self.pos;
                    self.pos += 1;
                    break End::Quote;
                }
                b'\\' if kind == TemplateKind::Quoted => {
                    self.escape(&mut lit)?;
                }
                b'$' | b'%' if self.peek_at(1) == Some(c) && self.peek_at(2) == Some(b'{') => {
                    // `$${` and `%%{`: a literal `${` / `%{`.
                    lit.push(c as char);
                    lit.push('{');
                    self.pos += 3;
                }
                b'$' if self.peek_at(1) == Some(b'{') => {
                    flush(&mut elements, &mut lit, lit_start, self.pos);
                    let istart = self.pos;
                    self.pos += 2;
                    if self.peek() == Some(b'~') {
                        self.pos += 1;
                    }
                    self.ws();
                    let expr = self.expr(true)?;
                    self.ws();
                    if self.peek() == Some(b'~') {
                        self.pos += 1;
                    }
                    self.expect(b'}', "`}`")?;
                    elements.push(Element::Interpolation(Interpolation {
                        expr,
                        span: istart..self.pos,
                    }));
                    lit_start = self.pos;
                }
                b'%' if self.peek_at(1) == Some(b'{') => {
                    flush(&mut elements, &mut lit, lit_start, self.pos);
                    let dstart = self.pos;
                    self.pos += 2;
                    if self.peek() == Some(b'~') {
                        self.pos += 1;
                    }
                    self.ws();
                    let word = self.ident()?;
                    match word.as_str() {
                        "if" => {
                            self.ws();
                            let cond_expr = self.expr(true)?;
                            self.close_directive()?;
                            self.enter()?;
                            let (template, end) = self.template(kind)?;
                            let (else_expr, end) = if end == End::Else {
                                let (t, e) = self.template(kind)?;
                                (Some(ElseTemplateExpr { template: t }), e)
                            } else {
                                (None, end)
                            };
                            self.leave();
                            if end != End::Endif {
                                return Err(ParseError {
                                    message: "`%{ if }` without `%{ endif }`".into(),
                                    offset: dstart,
                                });
                            }
                            elements.push(Element::Directive(Box::new(Directive::If(
                                IfDirective {
                                    if_expr: IfTemplateExpr {
                                        cond_expr,
                                        template,
                                    },
                                    else_expr,
                                },
                            ))));
                        }
                        "for" => {
                            self.ws();
                            let (key_var, value_var, collection_expr) = self.for_intro()?;
                            self.close_directive()?;
                            self.enter()?;
                            let (template, end) = self.template(kind)?;
                            self.leave();
                            if end != End::Endfor {
                                return Err(ParseError {
                                    message: "`%{ for }` without `%{ endfor }`".into(),
                                    offset: dstart,
                                });
                            }
                            elements.push(Element::Directive(Box::new(Directive::For(
                                ForDirective {
                                    for_expr: ForTemplateExpr {
                                        key_var,
                                        value_var,
                                        collection_expr,
                                        template,
                                    },
                                },
                            ))));
                        }
                        "else" | "endif" | "endfor" => {
                            content_end = dstart;
                            self.close_directive()?;
                            break match word.as_str() {
                                "else" => End::Else,
                                "endif" => End::Endif,
                                _ => End::Endfor,
                            };
                        }
                        _ => {
                            return Err(ParseError {
                                message: format!("unknown template directive `{}`", word.as_str()),
                                offset: dstart,
                            });
                        }
                    }
                    lit_start = self.pos;
                }
                b'\n' | b'\r' => {
                    if let TemplateKind::Heredoc(delim) = kind {
                        if let Some(after) = self.heredoc_end_at(delim) {
                            // The line ending belongs to the last literal.
                            let nl_end = if c == b'\r' {
                                self.pos + 2
                            } else {
                                self.pos + 1
                            };
                            lit.push_str(&self.text[self.pos..nl_end]);
                            flush(&mut elements, &mut lit, lit_start, nl_end);
                            content_end = nl_end;
                            self.pos = after;
                            break End::Heredoc;
                        }
                    }
                    lit.push(c as char);
                    self.pos += 1;
                }
                _ => {
                    // Copy a run of plain text at once.
                    let run_end = self.b[self.pos..]
                        .iter()
                        .position(|&x| matches!(x, b'"' | b'\\' | b'$' | b'%' | b'\n' | b'\r'))
                        .map_or(self.b.len(), |k| self.pos + k)
                        .max(self.pos + 1);
                    let mut to = run_end;
                    while !self.text.is_char_boundary(to) {
                        to += 1;
                    }
                    lit.push_str(&self.text[self.pos..to]);
                    self.pos = to;
                }
            }
        };
        Ok((
            Template {
                elements,
                span: start..content_end,
            },
            end,
        ))
    }

    /// At a line ending: if the next line holds only the heredoc's delimiter
    /// (after spaces), the offset just past the delimiter.
    fn heredoc_end_at(&self, delim: &str) -> Option<usize> {
        let mut p = self.pos;
        if self.b.get(p) == Some(&b'\r') {
            p += 1;
        }
        if self.b.get(p) != Some(&b'\n') {
            return None;
        }
        p += 1;
        while matches!(self.b.get(p), Some(b' ' | b'\t')) {
            p += 1;
        }
        let rest = &self.b[p..];
        if rest.starts_with(delim.as_bytes())
            && !rest.get(delim.len()).copied().is_some_and(is_id_continue)
        {
            Some(p + delim.len())
        } else {
            None
        }
    }

    /// `[~]}` closing a directive.
    fn close_directive(&mut self) -> R<()> {
        self.ws();
        if self.peek() == Some(b'~') {
            self.pos += 1;
        }
        self.expect(b'}', "`}`")
    }

    /// A backslash escape in a quoted string.
    fn escape(&mut self, out: &mut String) -> R<()> {
        let at = self.pos;
        let bad = |message: &str| ParseError {
            message: message.into(),
            offset: at,
        };
        let c = self.peek_at(1).ok_or_else(|| bad("unterminated string"))?;
        self.pos += 2;
        match c {
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let hex = self
                    .text
                    .get(self.pos..self.pos + n)
                    .ok_or_else(|| bad("invalid unicode escape"))?;
                let code =
                    u32::from_str_radix(hex, 16).map_err(|_| bad("invalid unicode escape"))?;
                out.push(char::from_u32(code).ok_or_else(|| bad("invalid unicode escape"))?);
                self.pos += n;
            }
            _ => return Err(bad("invalid escape sequence")),
        }
        Ok(())
    }
}

/// An unterminated string or heredoc is reported where it opens.
fn unterminated_at(mut e: ParseError, open: usize) -> ParseError {
    if e.message.starts_with("unterminated") {
        e.offset = open;
    }
    e
}

fn start_of(e: &Expression) -> usize {
    e.span().map_or(0, |r| r.start)
}

fn end_of(e: &Expression) -> usize {
    e.span().map_or(0, |r| r.end)
}

/// The smallest indentation of the template's literal lines.
fn dedent_amount(t: &Template) -> Option<usize> {
    let mut indent: Option<usize> = None;
    let mut skip_first = false;
    for e in &t.elements {
        if let Element::Literal(l) = e {
            for (i, line) in l.value().split('\n').enumerate() {
                if i == 0 && skip_first {
                    continue;
                }
                if line.trim().is_empty() {
                    continue;
                }
                let n = line.len() - line.trim_start_matches([' ', '\t']).len();
                indent = Some(indent.map_or(n, |m: usize| m.min(n)));
            }
            skip_first = !l.value().ends_with('\n');
        } else {
            skip_first = true;
        }
    }
    indent
}

/// Remove `n` leading spaces from every line of the template's literals.
fn dedent(t: &mut Template, n: usize) {
    let mut skip_first = false;
    for e in &mut t.elements {
        if let Element::Literal(l) = e {
            let mut out = String::with_capacity(l.value().len());
            for (i, line) in l.value().split_inclusive('\n').enumerate() {
                if i == 0 && skip_first {
                    out.push_str(line);
                    continue;
                }
                let ws = line.len() - line.trim_start_matches([' ', '\t']).len();
                out.push_str(&line[ws.min(n)..]);
            }
            skip_first = !l.value().ends_with('\n');
            let span: Range<usize> = l.span().unwrap_or_default();
            *l = Decorated::new(out, span);
        } else {
            skip_first = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> ParseError {
        parse_body(text).expect_err(text)
    }

    #[test]
    fn errors_say_what_was_expected_where() {
        let e = error("resource \"x\" \"y\" {\n  a = \n}\n");
        assert_eq!(
            (e.message.as_str(), e.offset),
            ("expected an expression", 25)
        );
        let e = error("locals {\n  a = \"unterminated\n}\n");
        assert_eq!((e.message.as_str(), e.offset), ("unterminated string", 15));
        let e = error("a = <<EOT\nno end\n");
        assert_eq!((e.message.as_str(), e.offset), ("unterminated heredoc", 4));
        let e = error("a = {\n  b = 1 c = 2\n}\n");
        assert_eq!(e.offset, 14);
        assert!(error("a = [1, 2\nb = 3\n").message.contains("`]`"));
        // `in` is a word in both kinds of `for`.
        assert!(error("a = [for v inx : v]\n").message.contains("`in`"));
        let e = parse_template("%{ for v inx }${v}%{ endfor }").expect_err("inx");
        assert!(e.message.contains("`in`"), "{}", e.message);
    }

    #[test]
    fn nesting_and_operator_chains_are_capped_not_overflowed() {
        // Brackets, parentheses, objects, templates, unary and conditional
        // chains a thousand deep, and a chain of 100,000 operators.
        let deep = [
            format!("a = {}1{}\n", "[".repeat(1000), "]".repeat(1000)),
            format!("a = {}1{}\n", "(".repeat(1000), ")".repeat(1000)),
            format!("a = {}\n", "{ b = ".repeat(1000)),
            format!("a = \"{}\"\n", "${\"".repeat(1000)),
            format!("a = {}x\n", "!".repeat(1000)),
            format!("a = {}x\n", "c ? 1 : ".repeat(1000)),
            format!("a = {}1\n", "1 + ".repeat(100_000)),
            format!("{}\n", "b {\n".repeat(1000)),
        ];
        for text in &deep {
            let e = error(text);
            assert!(
                e.message.contains("nesting deeper than 256"),
                "{}",
                e.message
            );
        }
        // Just under the cap parses.
        let ok = format!("a = {}1\n", "1 + ".repeat(200));
        assert!(parse_body(&ok).is_ok());
    }

    #[test]
    fn terraform_accepts_repeated_object_keys_and_so_do_we() {
        let body = parse_body("a = {\n  k = 1\n  k = 2\n}\n").expect("parses");
        let Some(Structure::Attribute(a)) = body.iter().next() else {
            panic!("an attribute");
        };
        let Expression::Object(o) = &a.value else {
            panic!("an object");
        };
        assert_eq!(o.iter().count(), 2);
    }
}
