//! Renderings of check definitions: `bulkhead explain`, `bulkhead checks`
//! (table, JSON, Markdown for `docs/checks.md`) and the SARIF help text.

use std::fmt::Write as _;

use crate::engine::catalogue::{Catalogue, Check, Logic};

/// Where the check documentation lives (SARIF `helpUri`).
pub const DOCS_URL: &str = "https://github.com/bulkhead-iac/bulkhead/blob/main/docs/checks.md";

/// Link to a check's section.
#[must_use]
pub fn help_uri(c: &Check) -> String {
    format!("{DOCS_URL}#{}", c.doc_anchor())
}

fn fence_lang(c: &Check) -> &'static str {
    match c.format() {
        "kubernetes" => "yaml",
        "dockerfile" => "dockerfile",
        _ => "hcl",
    }
}

/// Plain-text explanation for terminals.
#[must_use]
pub fn explain_text(c: &Check) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} {}: {}", c.id, c.name, c.title);
    let _ = writeln!(
        s,
        "severity: {}   policy: {}",
        c.severity.as_str(),
        c.policy.join(", ")
    );
    let targets: Vec<String> = c.targets.iter().map(|t| format!("{t:?}")).collect();
    let _ = writeln!(s, "applies to: {}", targets.join(", "));
    let _ = writeln!(
        s,
        "\nWhy it matters\n  {}",
        c.rationale.replace('\n', "\n  ")
    );
    let _ = writeln!(
        s,
        "\nHow to fix it\n  {}",
        c.remediation.replace('\n', "\n  ")
    );
    for (label, list) in [("Fails", &c.examples.fail), ("Passes", &c.examples.pass)] {
        if let Some(ex) = list.first() {
            let _ = writeln!(s, "\n{label}:");
            for line in ex.lines() {
                let _ = writeln!(s, "  | {line}");
            }
        }
    }
    if !c.references.is_empty() {
        let _ = writeln!(s, "\nReferences");
        for r in &c.references {
            let _ = writeln!(s, "  {r}");
        }
    }
    if !c.params.is_empty() {
        let _ = writeln!(
            s,
            "\nParameters (override in bulkhead.toml under [checks.{}.params])",
            c.id
        );
        for (k, v) in &c.params {
            let _ = writeln!(s, "  {k} = {v}");
        }
    }
    s
}

/// Markdown help for SARIF `help.markdown` and the docs page.
#[must_use]
pub fn help_markdown(c: &Check) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "**{}** ({}), severity **{}**, policy {}\n",
        c.title,
        c.id,
        c.severity.as_str(),
        c.policy.join(", ")
    );
    let _ = writeln!(s, "### Why it matters\n\n{}\n", c.rationale);
    let _ = writeln!(s, "### How to fix it\n\n{}\n", c.remediation);
    let lang = fence_lang(c);
    if let Some(ex) = c.examples.fail.first() {
        let _ = writeln!(s, "### Fails\n\n```{lang}\n{}\n```\n", ex.trim_end());
    }
    if let Some(ex) = c.examples.pass.first() {
        let _ = writeln!(s, "### Passes\n\n```{lang}\n{}\n```\n", ex.trim_end());
    }
    if !c.params.is_empty() {
        let _ = writeln!(s, "### Parameters\n");
        for (k, v) in &c.params {
            let _ = writeln!(s, "- `{k}` (default `{v}`)");
        }
        let _ = writeln!(s);
    }
    if !c.references.is_empty() {
        let _ = writeln!(s, "### References\n");
        for r in &c.references {
            let _ = writeln!(s, "- {r}");
        }
    }
    s.trim_end().to_string()
}

/// Plain help for SARIF `help.text`.
#[must_use]
pub fn help_text(c: &Check) -> String {
    format!("{}\n\nRemediation: {}", c.rationale, c.remediation)
}

/// `bulkhead checks` as an aligned table.
#[must_use]
pub fn table(cat: &Catalogue) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "ID       SEVERITY  FORMAT      POLICY         NAME");
    for c in &cat.checks {
        let _ = writeln!(
            s,
            "{:<8} {:<9} {:<11} {:<14} {}",
            c.id,
            c.severity.as_str(),
            c.format(),
            c.policy.join(","),
            c.name
        );
    }
    let _ = writeln!(s, "\n{} checks", cat.checks.len());
    s
}

/// `bulkhead checks --format json`.
#[must_use]
pub fn json(cat: &Catalogue) -> String {
    let list: Vec<serde_json::Value> = cat
        .checks
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "name": c.name,
                "title": c.title,
                "severity": c.severity.as_str(),
                "policy": c.policy,
                "format": c.format(),
                "kind": match c.logic { Logic::Match(_) => "declarative", Logic::Builtin(_) => "builtin" },
                "rationale": c.rationale,
                "remediation": c.remediation,
                "references": c.references,
                "params": c.params,
                "help_uri": help_uri(c),
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_default();
    out.push('\n');
    out
}

/// `bulkhead checks --format markdown`: the check reference (`docs/checks.md`).
#[must_use]
pub fn markdown(cat: &Catalogue) -> String {
    let mut s = String::from(
        "# bulkhead checks\n\n<!-- Generated by `bulkhead checks --format markdown`; a test keeps this file current. -->\n\n",
    );
    let _ = writeln!(s, "{} checks.\n", cat.checks.len());
    let _ = writeln!(
        s,
        "| ID | Name | Severity | Format | Policy |\n|---|---|---|---|---|"
    );
    for c in &cat.checks {
        let _ = writeln!(
            s,
            "| [{}](#{}) | {} | {} | {} | {} |",
            c.id,
            c.doc_anchor(),
            c.name,
            c.severity.as_str(),
            c.format(),
            c.policy.join(", ")
        );
    }
    for c in &cat.checks {
        let _ = writeln!(s, "\n## {}-{}\n", c.id.to_ascii_lowercase(), c.name);
        let _ = writeln!(s, "{}\n", help_markdown(c).replace("### ", "#### "));
    }
    s
}
