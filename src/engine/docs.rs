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

/// The numbered requirements of the A.5 policy: tag, title, and what bulkhead
/// offers where the requirement cannot be proven from source code.
pub const REQUIREMENTS: &[(&str, &str, &str)] = &[
    ("A.5-1.1", "Segregation of stages", ""),
    ("A.5-1.2", "Isolated connections", ""),
    ("A.5-1.3", "Resource isolation", ""),
    ("A.5-1.4", "Separate authorization", ""),
    ("A.5-1.5", "Access server separation", ""),
    (
        "A.5-1.6",
        "Restricted production access",
        "Who may access production is an organisational decision; bulkhead checks the access the code grants (IAM, RBAC, administrative ports, sections 4 and 6).",
    ),
    ("A.5-1.7", "Data usage restrictions", ""),
    (
        "A.5-2.1",
        "Pre-deployment hardening",
        "Hardened base images (BH0250) are checked once `hardened_base_images` names the organisation's approved images.",
    ),
    (
        "A.5-2.2",
        "Hardening verification",
        "Running bulkhead in CI on every change (GitHub Action, pre-commit hook) is the automated verification for infrastructure code; running systems also need periodic runtime scans.",
    ),
    (
        "A.5-3.1",
        "Secure build",
        "Hardened base images (BH0250) are checked once `hardened_base_images` names the approved images; trusted registries (BH0323) have a default list.",
    ),
    (
        "A.5-3.2",
        "Security scans",
        "Known-vulnerable packages inside built images need an image scanner run on the built image; bulkhead covers misconfiguration and end-of-life bases, and ECR repositories whose images nobody scans (BH0339).",
    ),
    ("A.5-3.3", "Minimal privileges", ""),
    ("A.5-3.4", "Prohibited remote shells", ""),
    ("A.5-3.5", "Lifecycle management", ""),
    ("A.5-3.6", "Labeling", ""),
    ("A.5-4.1", "Least privilege principle", ""),
    ("A.5-4.2", "Authenticated and authorized access", ""),
    ("A.5-4.3", "Dedicated service accounts", ""),
    ("A.5-4.4", "Secure secrets management", ""),
    ("A.5-5.1", "Dedicated environments", ""),
    ("A.5-5.2", "Encrypted communication", ""),
    (
        "A.5-5.3",
        "External access approval",
        "Approval is a process; bulkhead reports the external access paths (public addresses, open ingress) that need it.",
    ),
    (
        "A.5-5.4",
        "Restricted outgoing communication",
        "Kubernetes namespaces that run workloads need a default-deny egress NetworkPolicy (BH0544, judged across the whole repository); handling egress through proxies (SHOULD) is an architecture decision bulkhead does not check.",
    ),
    ("A.5-5.5", "Restricted incoming communication", ""),
    (
        "A.5-5.6",
        "Web application firewall",
        "A WAF is optional (MAY): these checks are informational and list public entry points without one so that the decision is taken consciously.",
    ),
    ("A.5-6.1", "Limited access", ""),
    ("A.5-6.2", "Personalized accounts", ""),
    ("A.5-6.3", "Network restrictions", ""),
    ("A.5-6.4", "Two-factor authentication", ""),
    ("A.5-6.5", "Logging", ""),
    (
        "A.5-6.6",
        "Revocation",
        "Revoking access when a role changes is a process; bulkhead reports long-lived credentials (access keys, static secrets) that make revocation hard.",
    ),
    (
        "A.5-7",
        "Security scanning",
        "X.509 certificates committed in Kubernetes objects and Terraform values: expired (BH0703), expiring within the window (BH0704), weak keys (BH0705), MD5 or SHA-1 signatures (BH0706). Development artifacts exposed through the build context (BH0702). Missing patches are A.5-9.1's; malware is found by scanning the running systems, not their code.",
    ),
    (
        "A.5-8",
        "Security monitoring",
        "Monitoring runs outside the code; bulkhead checks that the sources it needs are on (threat detection, flow, access and audit logs, also across resources: a VPC without a flow log, BH0816) and that log buckets keep versions (BH0817).",
    ),
    (
        "A.5-9.1",
        "System updates",
        "End of life and end of support are judged on the scan date (`--today`) against dated tables (check parameters; `data/end-of-life.toml` for images, BH0914) that need a review as releases end.",
    ),
    (
        "A.5-9.2",
        "Decommissioning",
        "Whether a service is still used cannot be seen in its code.",
    ),
    (
        "A.5-10.1",
        "Remediate vulnerabilities quickly",
        "bulkhead gives every finding a remediation deadline from the SLA tables (see the README).",
    ),
    (
        "A.5-10.2",
        "Temporary measures",
        "A process requirement; suppressions with a reason and an expiry date document temporary acceptance.",
    ),
    (
        "A.5-10.3",
        "Remediation SLA",
        "Each finding carries its due date from the policy's SLA tables, computed from severity, application criticality and exposure.",
    ),
    (
        "A.5-10.4",
        "Documented SLA extensions",
        "Suppressions and baseline exceptions require a written justification.",
    ),
    (
        "A.5-11",
        "Incident management",
        "A process requirement that cannot be checked in infrastructure code.",
    ),
];

/// The coverage table: every requirement with the checks that enforce it.
#[must_use]
pub fn coverage(cat: &Catalogue) -> String {
    let mut s = String::from("| Requirement | Checks | Notes |\n|---|---|---|\n");
    for (tag, title, note) in REQUIREMENTS {
        let ids: Vec<String> = cat
            .checks
            .iter()
            .filter(|c| c.policy.iter().any(|p| p == tag))
            .map(|c| format!("[{}](#{})", c.id, c.doc_anchor()))
            .collect();
        let checks = if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        };
        let note = if note.is_empty() && ids.is_empty() {
            "not covered yet"
        } else {
            note
        };
        let _ = writeln!(s, "| {tag} {title} | {checks} | {note} |");
    }
    s
}

/// `bulkhead checks --format markdown`: the check reference (`docs/checks.md`).
#[must_use]
pub fn markdown(cat: &Catalogue) -> String {
    let mut s = String::from(
        "# bulkhead checks\n\n<!-- Generated by `bulkhead checks --format markdown`; a test keeps this file current. -->\n\n",
    );
    let _ = writeln!(s, "{} checks.\n", cat.checks.len());
    let _ = writeln!(s, "## Coverage of the A.5 policy\n");
    s.push_str(&coverage(cat));
    let _ = writeln!(s, "\n## All checks\n");
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
