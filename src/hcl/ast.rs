//! The syntax tree of HCL's native syntax, with the byte span of every part.

use std::ops::Range;

/// Anything with a byte span in its file.
pub trait Span {
    /// The byte range, when known.
    fn span(&self) -> Option<Range<usize>>;
}

/// A value and the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decorated<T> {
    value: T,
    span: Range<usize>,
}

impl<T> Decorated<T> {
    /// A value read from `span`.
    #[must_use]
    pub fn new(value: T, span: Range<usize>) -> Self {
        Decorated { value, span }
    }

    /// The value.
    #[must_use]
    pub fn value(&self) -> &T {
        &self.value
    }
}

/// [`Span`] of types that keep theirs in a `span` field.
macro_rules! span_field {
    ($($t:ty),* $(,)?) => {$(
        impl Span for $t {
            fn span(&self) -> Option<Range<usize>> {
                Some(self.span.clone())
            }
        }
    )*};
}

span_field!(Body, Attribute, Block, Template, Interpolation);

impl<T> Span for Decorated<T> {
    fn span(&self) -> Option<Range<usize>> {
        Some(self.span.clone())
    }
}

impl<T> std::ops::Deref for Decorated<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// An identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident(pub(crate) Box<str>);

impl Ident {
    /// The identifier's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A number literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub(crate) f64);

impl Number {
    /// The number, when it is finite.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        self.0.is_finite().then_some(self.0)
    }
}

/// A body: attributes and blocks, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Body {
    pub(crate) structures: Vec<Structure>,
    pub(crate) span: Range<usize>,
}

impl Body {
    /// Attributes and blocks in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, Structure> {
        self.structures.iter()
    }

    /// The attributes.
    pub fn attributes(&self) -> impl Iterator<Item = &Attribute> {
        self.structures.iter().filter_map(|s| match s {
            Structure::Attribute(a) => Some(a),
            Structure::Block(_) => None,
        })
    }

    /// The blocks.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.structures.iter().filter_map(|s| match s {
            Structure::Block(b) => Some(b),
            Structure::Attribute(_) => None,
        })
    }

    /// The attribute called `key` (the first, if repeated).
    #[must_use]
    pub fn get_attribute(&self, key: &str) -> Option<&Attribute> {
        self.attributes().find(|a| a.key.as_str() == key)
    }

    /// The blocks of type `ident`.
    pub fn get_blocks<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks().filter(move |b| b.ident.as_str() == ident)
    }
}

/// An attribute or a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Structure {
    /// `key = value`.
    Attribute(Attribute),
    /// `type "label" { ... }`.
    Block(Block),
}

/// `key = value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// The name.
    pub key: Decorated<Ident>,
    /// The value.
    pub value: Expression,
    pub(crate) span: Range<usize>,
}

/// `type "label" ident { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block type.
    pub ident: Decorated<Ident>,
    /// The labels.
    pub labels: Vec<BlockLabel>,
    /// The body.
    pub body: Body,
    pub(crate) span: Range<usize>,
}

/// A block label: an identifier or a quoted string.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockLabel {
    /// A bare identifier.
    Ident(Decorated<Ident>),
    /// A quoted string (its value, unescaped).
    String(Decorated<String>),
}

impl BlockLabel {
    /// The label's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            BlockLabel::Ident(i) => i.as_str(),
            BlockLabel::String(s) => s.as_str(),
        }
    }
}

impl Span for BlockLabel {
    fn span(&self) -> Option<Range<usize>> {
        match self {
            BlockLabel::Ident(i) => i.span(),
            BlockLabel::String(s) => s.span(),
        }
    }
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expression {
    /// `null`.
    Null(Decorated<()>),
    /// `true` / `false`.
    Bool(Decorated<bool>),
    /// A number.
    Number(Decorated<Number>),
    /// A quoted string without interpolations or directives.
    String(Decorated<String>),
    /// `[a, b]`.
    Array(Array),
    /// `{ k = v }`.
    Object(Object),
    /// A quoted string with interpolations or directives.
    StringTemplate(StringTemplate),
    /// `<<EOT ... EOT`.
    HeredocTemplate(Box<HeredocTemplate>),
    /// `( expr )`.
    Parenthesis(Box<Parenthesis>),
    /// A bare name.
    Variable(Decorated<Ident>),
    /// `cond ? a : b`.
    Conditional(Box<Conditional>),
    /// `name(args)`.
    FuncCall(Box<FuncCall>),
    /// `expr.attr[index]...`.
    Traversal(Box<Traversal>),
    /// `-x`, `!x`.
    UnaryOp(Box<UnaryOp>),
    /// `a + b`.
    BinaryOp(Box<BinaryOp>),
    /// `[for ...]`, `{for ...}`.
    ForExpr(Box<ForExpr>),
}

impl Span for Expression {
    fn span(&self) -> Option<Range<usize>> {
        Some(match self {
            Expression::Null(d) => d.span.clone(),
            Expression::Bool(d) => d.span.clone(),
            Expression::Number(d) => d.span.clone(),
            Expression::String(d) => d.span.clone(),
            Expression::Variable(d) => d.span.clone(),
            Expression::Array(a) => a.span.clone(),
            Expression::Object(o) => o.span.clone(),
            Expression::StringTemplate(t) => t.span.clone(),
            Expression::HeredocTemplate(h) => h.span.clone(),
            Expression::Parenthesis(p) => p.span.clone(),
            Expression::Conditional(c) => c.span.clone(),
            Expression::FuncCall(f) => f.span.clone(),
            Expression::Traversal(t) => t.span.clone(),
            Expression::UnaryOp(u) => u.span.clone(),
            Expression::BinaryOp(b) => b.span.clone(),
            Expression::ForExpr(f) => f.span.clone(),
        })
    }
}

/// `[a, b]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Array {
    pub(crate) values: Vec<Expression>,
    pub(crate) span: Range<usize>,
}

impl Array {
    /// The items.
    pub fn iter(&self) -> std::slice::Iter<'_, Expression> {
        self.values.iter()
    }
}

/// `{ k = v }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub(crate) items: Vec<(ObjectKey, ObjectValue)>,
    pub(crate) span: Range<usize>,
}

impl Object {
    /// Keys and values in file order (repeated keys are kept).
    pub fn iter(&self) -> impl Iterator<Item = (&ObjectKey, &ObjectValue)> {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

/// An object key.
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectKey {
    /// A bare identifier.
    Ident(Decorated<Ident>),
    /// Any other expression (a quoted string, `(expr)`).
    Expression(Expression),
}

impl Span for ObjectKey {
    fn span(&self) -> Option<Range<usize>> {
        match self {
            ObjectKey::Ident(i) => i.span(),
            ObjectKey::Expression(e) => e.span(),
        }
    }
}

/// An object value.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectValue {
    pub(crate) expr: Expression,
}

impl ObjectValue {
    /// The value's expression.
    #[must_use]
    pub fn expr(&self) -> &Expression {
        &self.expr
    }
}

/// A quoted template.
#[derive(Debug, Clone, PartialEq)]
pub struct StringTemplate {
    pub(crate) template: Template,
    pub(crate) span: Range<usize>,
}

impl std::ops::Deref for StringTemplate {
    type Target = Template;
    fn deref(&self) -> &Template {
        &self.template
    }
}

/// A heredoc.
#[derive(Debug, Clone, PartialEq)]
pub struct HeredocTemplate {
    /// The delimiter.
    pub delimiter: Ident,
    /// The content.
    pub template: Template,
    pub(crate) indent: Option<usize>,
    pub(crate) span: Range<usize>,
}

impl HeredocTemplate {
    /// For `<<-`, the indentation removed from every line.
    #[must_use]
    pub fn indent(&self) -> Option<usize> {
        self.indent
    }
}

/// Literal text, interpolations and directives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub(crate) elements: Vec<Element>,
    pub(crate) span: Range<usize>,
}

impl Template {
    /// The elements in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Element> {
        self.elements.iter()
    }
}

/// A part of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// Literal text (unescaped).
    Literal(Decorated<String>),
    /// `${ expr }`.
    Interpolation(Interpolation),
    /// `%{ if }`, `%{ for }`.
    Directive(Box<Directive>),
}

/// `${ expr }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Interpolation {
    /// The expression.
    pub expr: Expression,
    pub(crate) span: Range<usize>,
}

/// A template directive.
#[derive(Debug, Clone, PartialEq)]
pub enum Directive {
    /// `%{ if c }...%{ else }...%{ endif }`.
    If(IfDirective),
    /// `%{ for k, v in c }...%{ endfor }`.
    For(ForDirective),
}

/// `%{ if c }...%{ else }...%{ endif }`.
#[derive(Debug, Clone, PartialEq)]
pub struct IfDirective {
    /// The condition and the template it selects.
    pub if_expr: IfTemplateExpr,
    /// The `else` part.
    pub else_expr: Option<ElseTemplateExpr>,
}

/// `%{ if c }template`.
#[derive(Debug, Clone, PartialEq)]
pub struct IfTemplateExpr {
    /// The condition.
    pub cond_expr: Expression,
    /// The template rendered when it holds.
    pub template: Template,
}

/// `%{ else }template`.
#[derive(Debug, Clone, PartialEq)]
pub struct ElseTemplateExpr {
    /// The template rendered when the condition fails.
    pub template: Template,
}

/// `%{ for k, v in c }...%{ endfor }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForDirective {
    /// The loop.
    pub for_expr: ForTemplateExpr,
}

/// `%{ for k, v in c }template`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForTemplateExpr {
    /// The key (or index) variable.
    pub key_var: Option<Decorated<Ident>>,
    /// The value variable.
    pub value_var: Decorated<Ident>,
    /// The collection.
    pub collection_expr: Expression,
    /// The template rendered for each item.
    pub template: Template,
}

/// `( expr )`.
#[derive(Debug, Clone, PartialEq)]
pub struct Parenthesis {
    pub(crate) inner: Expression,
    pub(crate) span: Range<usize>,
}

impl Parenthesis {
    /// The wrapped expression.
    #[must_use]
    pub fn inner(&self) -> &Expression {
        &self.inner
    }
}

/// `cond ? a : b`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conditional {
    /// The condition.
    pub cond_expr: Expression,
    /// The value when it holds.
    pub true_expr: Expression,
    /// The value when it fails.
    pub false_expr: Expression,
    pub(crate) span: Range<usize>,
}

/// `ns::name(args...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncCall {
    /// The function's name.
    pub name: FuncName,
    /// The arguments.
    pub args: FuncArgs,
    pub(crate) span: Range<usize>,
}

/// A function name and its namespace (`provider::aws::arn_parse`).
#[derive(Debug, Clone, PartialEq)]
pub struct FuncName {
    /// The namespace parts.
    pub namespace: Vec<Decorated<Ident>>,
    /// The name.
    pub name: Decorated<Ident>,
}

/// Function arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncArgs {
    pub(crate) args: Vec<Expression>,
    pub(crate) expand_final: bool,
}

impl FuncArgs {
    /// The arguments in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Expression> {
        self.args.iter()
    }

    /// Whether the last argument ends with `...` (its items are the arguments).
    #[must_use]
    pub fn expand_final(&self) -> bool {
        self.expand_final
    }
}

/// `expr` followed by attribute accesses, indexes and splats.
#[derive(Debug, Clone, PartialEq)]
pub struct Traversal {
    /// What is traversed.
    pub expr: Expression,
    /// The steps.
    pub operators: Vec<Decorated<TraversalOperator>>,
    pub(crate) span: Range<usize>,
}

/// One step of a traversal.
#[derive(Debug, Clone, PartialEq)]
pub enum TraversalOperator {
    /// `.*`.
    AttrSplat(Decorated<()>),
    /// `[*]`.
    FullSplat(Decorated<()>),
    /// `.name`.
    GetAttr(Decorated<Ident>),
    /// `[expr]`.
    Index(Expression),
    /// `.0`.
    LegacyIndex(Decorated<u64>),
}

/// `-x`, `!x`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnaryOp {
    /// The operator.
    pub operator: Decorated<UnaryOperator>,
    /// The operand.
    pub expr: Expression,
    pub(crate) span: Range<usize>,
}

/// A unary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOperator {
    /// `-`.
    Neg,
    /// `!`.
    Not,
}

/// `a op b`.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryOp {
    /// The left operand.
    pub lhs_expr: Expression,
    /// The operator.
    pub operator: Decorated<BinaryOperator>,
    /// The right operand.
    pub rhs_expr: Expression,
    pub(crate) span: Range<usize>,
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOperator {
    /// `==`.
    Eq,
    /// `!=`.
    NotEq,
    /// `<=`.
    LessEq,
    /// `>=`.
    GreaterEq,
    /// `<`.
    Less,
    /// `>`.
    Greater,
    /// `+`.
    Plus,
    /// `-`.
    Minus,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Mod,
    /// `&&`.
    And,
    /// `||`.
    Or,
}

impl BinaryOperator {
    /// Binding strength: higher binds tighter.
    #[must_use]
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOperator::Mul | BinaryOperator::Div | BinaryOperator::Mod => 6,
            BinaryOperator::Plus | BinaryOperator::Minus => 5,
            BinaryOperator::LessEq
            | BinaryOperator::GreaterEq
            | BinaryOperator::Less
            | BinaryOperator::Greater => 4,
            BinaryOperator::Eq | BinaryOperator::NotEq => 3,
            BinaryOperator::And => 2,
            BinaryOperator::Or => 1,
        }
    }
}

/// `[for k, v in c : value if cond]`, `{for k, v in c : key => value... if cond}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForExpr {
    /// `for k, v in c :`.
    pub intro: ForIntro,
    /// The key expression (object form).
    pub key_expr: Option<Expression>,
    /// The value expression.
    pub value_expr: Expression,
    /// `...` after the value (object form: group values by key).
    pub grouping: bool,
    /// `if cond`.
    pub cond: Option<ForCond>,
    pub(crate) span: Range<usize>,
}

/// `for k, v in c :`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForIntro {
    /// The key (or index) variable.
    pub key_var: Option<Decorated<Ident>>,
    /// The value variable.
    pub value_var: Decorated<Ident>,
    /// The collection.
    pub collection_expr: Expression,
}

/// `if cond` of a for expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ForCond {
    /// The condition.
    pub expr: Expression,
}
