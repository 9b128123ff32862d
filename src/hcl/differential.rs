//! The parser against `hcl-edit`: both trees, dumped in one format (kinds,
//! spans, values), must be equal on every `.tf` and `.hcl` file under
//! `testdata/`.

use std::fmt::Write as _;
use std::ops::Range;

use super::ast as own;

fn line(out: &mut String, depth: usize, what: &str, span: Option<Range<usize>>) {
    let span = span.map_or_else(|| "?".to_string(), |r| format!("{}..{}", r.start, r.end));
    let _ = writeln!(out, "{:indent$}{what} @{span}", "", indent = depth * 2);
}

/// The syntax trees of both parsers, under one name each: they share the
/// names of their types and fields, so one dumper (below) serves both.
mod edit {
    pub use hcl_edit::Span;
    pub use hcl_edit::expr::*;
    pub use hcl_edit::structure::*;
    pub use hcl_edit::template::*;
}

/// `$body`, `$template` and `$expr` dump the tree of module `$ast`.
macro_rules! dumper {
    ($ast:ident, $body:ident, $template:ident, $expr:ident) => {
        fn $body(b: &$ast::Body, d: usize, out: &mut String) {
            use $ast::{BlockLabel, Span as _, Structure};
            for s in b.iter() {
                match s {
                    Structure::Attribute(a) => {
                        line(out, d, "attr", a.span());
                        line(out, d + 1, &format!("key {}", a.key.as_str()), a.key.span());
                        $expr(&a.value, d + 1, out);
                    }
                    Structure::Block(bl) => {
                        line(out, d, "block", bl.span());
                        line(
                            out,
                            d + 1,
                            &format!("ident {}", bl.ident.as_str()),
                            bl.ident.span(),
                        );
                        for l in &bl.labels {
                            let kind = match l {
                                BlockLabel::Ident(_) => "ident",
                                BlockLabel::String(_) => "string",
                            };
                            line(
                                out,
                                d + 1,
                                &format!("label {kind} {:?}", l.as_str()),
                                l.span(),
                            );
                        }
                        $body(&bl.body, d + 1, out);
                    }
                }
            }
        }

        fn $template(t: &$ast::Template, d: usize, out: &mut String) {
            use $ast::{Directive, Element, Span as _};
            for e in t.iter() {
                match e {
                    Element::Literal(l) => line(out, d, &format!("lit {:?}", l.value()), l.span()),
                    Element::Interpolation(i) => {
                        line(out, d, "interp", i.span());
                        $expr(&i.expr, d + 1, out);
                    }
                    Element::Directive(dir) => match dir.as_ref() {
                        Directive::If(i) => {
                            line(out, d, "if", None);
                            $expr(&i.if_expr.cond_expr, d + 1, out);
                            line(out, d + 1, "inner", $ast::Span::span(&i.if_expr.template));
                            $template(&i.if_expr.template, d + 1, out);
                            if let Some(e) = &i.else_expr {
                                line(out, d, "else", None);
                                line(out, d + 1, "inner", $ast::Span::span(&e.template));
                                $template(&e.template, d + 1, out);
                            }
                        }
                        Directive::For(f) => {
                            let f = &f.for_expr;
                            let k = f.key_var.as_ref().map(|k| k.as_str().to_string());
                            line(
                                out,
                                d,
                                &format!("tfor {k:?} {}", f.value_var.as_str()),
                                None,
                            );
                            $expr(&f.collection_expr, d + 1, out);
                            line(out, d + 1, "inner", $ast::Span::span(&f.template));
                            $template(&f.template, d + 1, out);
                        }
                    },
                }
            }
        }

        fn $expr(e: &$ast::Expression, d: usize, out: &mut String) {
            use $ast::{Expression as E, ObjectKey, Span as _, TraversalOperator as T};
            let sp = e.span();
            match e {
                E::Null(_) => line(out, d, "null", sp),
                E::Bool(b) => line(out, d, &format!("bool {}", b.value()), sp),
                E::Number(n) => line(out, d, &format!("num {:?}", n.value().as_f64()), sp),
                E::String(s) => line(out, d, &format!("str {:?}", s.value()), sp),
                E::Array(a) => {
                    line(out, d, "array", sp);
                    a.iter().for_each(|x| $expr(x, d + 1, out));
                }
                E::Object(o) => {
                    line(out, d, "object", sp);
                    for (k, v) in o.iter() {
                        match k {
                            ObjectKey::Ident(i) => {
                                line(out, d + 1, &format!("kident {}", i.as_str()), i.span())
                            }
                            ObjectKey::Expression(x) => {
                                line(out, d + 1, "kexpr", None);
                                $expr(x, d + 2, out);
                            }
                        }
                        $expr(v.expr(), d + 2, out);
                    }
                }
                E::StringTemplate(t) => {
                    line(out, d, "template", sp);
                    line(out, d + 1, "inner", $ast::Span::span(&**t));
                    $template(t, d + 1, out);
                }
                E::HeredocTemplate(h) => {
                    line(out, d, &format!("heredoc {:?}", h.indent()), sp);
                    line(out, d + 1, "inner", $ast::Span::span(&h.template));
                    $template(&h.template, d + 1, out);
                }
                E::Parenthesis(p) => {
                    line(out, d, "paren", sp);
                    $expr(p.inner(), d + 1, out);
                }
                E::Variable(v) => line(out, d, &format!("var {}", v.as_str()), sp),
                E::Conditional(c) => {
                    line(out, d, "cond", sp);
                    $expr(&c.cond_expr, d + 1, out);
                    $expr(&c.true_expr, d + 1, out);
                    $expr(&c.false_expr, d + 1, out);
                }
                E::FuncCall(f) => {
                    let ns: Vec<&str> = f.name.namespace.iter().map(|n| n.as_str()).collect();
                    line(
                        out,
                        d,
                        &format!(
                            "call {ns:?} {} {}",
                            f.name.name.as_str(),
                            f.args.expand_final()
                        ),
                        sp,
                    );
                    f.args.iter().for_each(|x| $expr(x, d + 1, out));
                }
                E::Traversal(t) => {
                    line(out, d, "traversal", sp);
                    $expr(&t.expr, d + 1, out);
                    for op in &t.operators {
                        match op.value() {
                            T::AttrSplat(_) => line(out, d + 1, ".*", op.span()),
                            T::FullSplat(_) => line(out, d + 1, "[*]", op.span()),
                            T::GetAttr(i) => {
                                line(out, d + 1, &format!(".{}", i.as_str()), op.span())
                            }
                            T::LegacyIndex(i) => {
                                line(out, d + 1, &format!(".{}", i.value()), op.span())
                            }
                            T::Index(x) => {
                                line(out, d + 1, "[]", op.span());
                                $expr(x, d + 2, out);
                            }
                        }
                    }
                }
                E::UnaryOp(u) => {
                    line(out, d, &format!("unary {:?}", u.operator.value()), sp);
                    $expr(&u.expr, d + 1, out);
                }
                E::BinaryOp(b) => {
                    line(out, d, &format!("binary {:?}", b.operator.value()), sp);
                    $expr(&b.lhs_expr, d + 1, out);
                    $expr(&b.rhs_expr, d + 1, out);
                }
                E::ForExpr(f) => {
                    let k = f.intro.key_var.as_ref().map(|k| k.as_str().to_string());
                    line(
                        out,
                        d,
                        &format!("for {k:?} {} {}", f.intro.value_var.as_str(), f.grouping),
                        sp,
                    );
                    $expr(&f.intro.collection_expr, d + 1, out);
                    if let Some(k) = &f.key_expr {
                        $expr(k, d + 1, out);
                    }
                    $expr(&f.value_expr, d + 1, out);
                    if let Some(c) = &f.cond {
                        $expr(&c.expr, d + 1, out);
                    }
                }
            }
        }
    };
}

dumper!(edit, edit_body, edit_template, edit_expr);
dumper!(own, own_body, own_template, own_expr);

/// Both parsers' view of `text`: `Err` when one of them rejects it.
pub(crate) fn dumps(text: &str) -> (Result<String, String>, Result<String, String>) {
    let theirs = hcl_edit::parser::parse_body(text)
        .map(|b| {
            let mut s = String::new();
            edit_body(&b, 0, &mut s);
            s
        })
        .map_err(|e| e.to_string());
    let ours = super::parse_body(text)
        .map(|b| {
            let mut s = String::new();
            own_body(&b, 0, &mut s);
            s
        })
        .map_err(|e| e.to_string());
    (theirs, ours)
}

/// The first differing line of two dumps, with context.
pub(crate) fn first_difference(a: &str, b: &str) -> Option<String> {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = (0..al.len().max(bl.len())).find(|&i| al.get(i) != bl.get(i))?;
    let from = i.saturating_sub(3);
    Some(format!(
        "hcl-edit:\n{}\nours:\n{}",
        al[from..(i + 3).min(al.len())].join("\n"),
        bl[from..(i + 3).min(bl.len())].join("\n")
    ))
}

/// The `.tf`, `.hcl` and `.tfvars` files below `root`, sorted.
fn hcl_files(root: std::path::PathBuf) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_some_and(|e| e == "tf" || e == "hcl" || e == "tfvars")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn same_trees_as_hcl_edit_on_testdata() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let files = hcl_files(root);
    let mut failures = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        match dumps(&text) {
            (Ok(a), Ok(b)) => {
                if let Some(diff) = first_difference(&a, &b) {
                    failures.push(format!("{}:\n{diff}", f.display()));
                }
            }
            (Err(_), Err(_)) => {}
            (a, b) => failures.push(format!(
                "{}: hcl-edit {:?}, ours {:?}",
                f.display(),
                a.err(),
                b.err()
            )),
        }
    }
    assert!(files.len() > 100, "{} files", files.len());
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// Run by hand on a folder of real repositories: `HCL_DIFF_DIR=... cargo test
/// --lib hcl::differential::folder -- --ignored --nocapture`.
#[test]
#[ignore = "needs HCL_DIFF_DIR"]
fn folder() {
    let Some(root) = std::env::var_os("HCL_DIFF_DIR") else {
        return;
    };
    let files = hcl_files(std::path::PathBuf::from(root));
    let (mut same, mut both_err, mut differ) = (0, 0, 0);
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        match dumps(&text) {
            (Ok(a), Ok(b)) => match first_difference(&a, &b) {
                None => same += 1,
                Some(diff) => {
                    differ += 1;
                    if differ <= 8 {
                        println!("{}:\n{diff}\n", f.display());
                    }
                }
            },
            (Err(_), Err(_)) => both_err += 1,
            (a, b) => {
                differ += 1;
                if differ <= 8 {
                    println!(
                        "{}: hcl-edit {:?}\n ours {:?}\n",
                        f.display(),
                        a.err(),
                        b.err()
                    );
                }
            }
        }
    }
    println!(
        "{} files: {same} same, {both_err} rejected by both, {differ} differ",
        files.len()
    );
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    for round in 0..3 {
        let t = std::time::Instant::now();
        let n = texts
            .iter()
            .filter(|t| hcl_edit::parser::parse_body(t).is_ok())
            .count();
        let theirs = t.elapsed();
        let t = std::time::Instant::now();
        let m = texts
            .iter()
            .filter(|t| super::parse_body(t).is_ok())
            .count();
        let ours = t.elapsed();
        println!(
            "round {round}: {bytes} bytes; hcl-edit {theirs:?} ({n} ok), ours {ours:?} ({m} ok): {:.1}x",
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

/// `templatefile` texts: the same elements and spans as hcl-edit's template
/// parser, or both rejected.
#[test]
fn same_templates_as_hcl_edit() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut texts: Vec<String> = [
        "plain text\nover lines\n",
        "${a} and ${b.c[0]} %{ if x }yes%{ else }no%{ endif } %{ for k, v in m }${k}=${v}\n%{ endfor }",
        "escaped $${not} and %%{not} \\n stays",
        "${~ a ~} %{~ if b ~} c %{~ endif ~}",
        "${\"nested ${q}\"}",
        "",
        "${",
        "%{ if a }unclosed",
        "%{ endif }",
        "${ a }}%",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    for dir in [
        "terraform/file-functions/fail",
        "terraform/file-functions/pass",
    ] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "tftpl") {
                texts.extend(std::fs::read_to_string(entry.path()));
            }
        }
    }
    assert!(texts.len() > 10);
    for text in &texts {
        let theirs = hcl_edit::parser::parse_template(text).map(|t| {
            let mut s = String::new();
            line(
                &mut s,
                0,
                "template",
                hcl_edit::Span::span(&t).or(Some(0..0)),
            );
            edit_template(&t, 1, &mut s);
            s
        });
        let ours = super::parse_template(text).map(|t| {
            let mut s = String::new();
            line(&mut s, 0, "template", own::Span::span(&t));
            own_template(&t, 1, &mut s);
            s
        });
        match (theirs, ours) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{text:?}: hcl-edit {:?}, ours {:?}", a.err(), b.err()),
        }
    }
}
