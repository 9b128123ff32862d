//! SARIF 2.1.0 for GitHub code scanning and SARIF viewers (contract: DESIGN.md §5).
//!
//! One run. `tool.driver.rules` holds every rule that a result refers to,
//! sorted by id; each result points at its rule by `ruleId` and `ruleIndex`.
//! Locations are repository-relative URIs under `%SRCROOT%` with full regions
//! (1-based lines, 1-based code-point columns, `endColumn` exclusive).
//! `partialFingerprints` hash the rule, the file, the resource and the
//! normalised offending text, never the line, so alerts survive unrelated
//! edits. Scan problems (unparseable files and the like) are tool execution
//! notifications of `invocations[0]`.
//!
//! Accepted findings stay in `results` with `suppressions: [{kind,
//! justification, status: "accepted"}]` (kind `inSource` for comments and
//! annotations, `external` for `bulkhead.toml` entries and the baseline), so
//! code scanning shows them as dismissed rather than open. Each result's
//! properties carry its remediation deadline: `first-seen`, and where the
//! policy sets one `sla-due`, `sla-days` and `sla-overdue`. The output holds no
//! timestamps beyond those dates: the same input on the same day gives the
//! same bytes.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Value, json};
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification, PhysicalLocation, PropertyBag, Region, ReportingConfiguration,
    ReportingDescriptor, ReportingDescriptorReference, Result as SarifResult, ResultLevel, Run,
    RunAutomationDetails, Sarif, Suppression, Tool, ToolComponent,
};

use super::ReportOptions;
use super::pretty::Pretty;
use crate::diagnostic::{DiagLevel, Diagnostic};
use crate::engine::catalogue::{Catalogue, Check, Severity};
use crate::engine::docs;
use crate::finding::{Finding, Sla};
use crate::scan::ScanResult;
use crate::source::{SourceFile, Span};

/// The `$schema` of the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where the tool is documented (`tool.driver.informationUri`).
pub const INFORMATION_URI: &str = "https://github.com/bulkhead-iac/bulkhead";
/// The base id of every artifact location.
pub const SRCROOT: &str = "%SRCROOT%";
/// The `partialFingerprints` key of bulkhead's own fingerprint.
pub const FINGERPRINT_KEY: &str = "bulkhead/v1";
/// The `partialFingerprints` key GitHub matches alerts on.
pub const LINE_HASH_KEY: &str = "primaryLocationLineHash";

/// GitHub rejects rules with more tags than this.
const MAX_TAGS: usize = 20;
/// GitHub truncates rule descriptions longer than this.
const MAX_DESCRIPTION_CHARS: usize = 1024;

/// Render a scan result as a SARIF 2.1.0 log (pretty-printed, trailing newline).
///
/// Rules come from the findings themselves (which carry their check), so user
/// checks loaded next to the built-in catalogue are described too.
#[must_use]
pub fn render(result: &ScanResult, catalogue: &Catalogue, opts: &ReportOptions) -> String {
    let mut out = Vec::with_capacity(1 << 16);
    // Writing to memory cannot fail.
    let _ = write(result, catalogue, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Write a scan result as a SARIF 2.1.0 log (pretty-printed, trailing
/// newline), each result serialised as it is built: the log of a large
/// repository is never held in memory whole.
///
/// # Errors
/// The writer's.
pub fn write(
    result: &ScanResult,
    _catalogue: &Catalogue,
    opts: &ReportOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // The log around the results is built on one thread while the first
    // chunk of results renders on the others (both are needed before
    // anything can be written).
    let mut results = rendered_results(result).peekable();
    let (text, _) = rayon::join(
        || log_text(result, opts),
        || {
            results.peek();
        },
    );
    let text = text?;
    match text.split_once(&format!("\"results\": \"{RESULTS_PLACEHOLDER}\"")) {
        Some((head, tail)) => {
            w.write_all(head.as_bytes())?;
            w.write_all(b"\"results\": ")?;
            write_results(results, w)?;
            w.write_all(tail.as_bytes())?;
        }
        None => w.write_all(text.as_bytes())?,
    }
    w.write_all(b"\n")
}

/// The log, pretty-printed, with a placeholder for run 0's results.
///
/// It goes through a `Value` to reorder its fields; the results are
/// rendered a chunk at a time and written as they are (a `Value`, or even a
/// typed list, of every result took several times the size of the output).
/// The placeholder keeps the key's place in the run.
fn log_text(result: &ScanResult, opts: &ReportOptions) -> std::io::Result<String> {
    let log = build_without_results(result, opts);
    // serde-sarif writes fields alphabetically; put the log's and the run's
    // identifying fields first so the file reads top-down.
    let mut value = serde_json::to_value(&log).unwrap_or(Value::Null);
    put_first(&mut value, &["$schema", "version", "runs"]);
    if let Some(Value::Array(runs)) = value.get_mut("runs") {
        for run in runs {
            put_first(
                run,
                &[
                    "tool",
                    "automationDetails",
                    "originalUriBaseIds",
                    "columnKind",
                    "invocations",
                ],
            );
        }
    }
    // Run 0's results are written in place of a placeholder, straight from
    // the rendered findings.
    if let Some(results) = value
        .get_mut("runs")
        .and_then(|runs| runs.get_mut(0))
        .and_then(|run| run.get_mut("results"))
    {
        *results = Value::String(RESULTS_PLACEHOLDER.into());
    }
    serde_json::to_string_pretty(&value).map_err(std::io::Error::other)
}

/// Stands for run 0's `results` in the log while its other parts are
/// rendered. Only there can `"results": "…"` appear with unescaped quotes:
/// a JSON string escapes the quotes it holds.
const RESULTS_PLACEHOLDER: &str = "bulkhead:results";

/// Write run 0's `results` array, pretty-printed at its place in the log
/// (as serde_json prints it: `[]` when empty).
fn write_results(
    results: impl Iterator<Item = String>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut first = true;
    for r in results {
        w.write_all(if first { b"[\n" } else { b",\n" })?;
        w.write_all(RESULT_INDENT.as_bytes())?;
        w.write_all(r.as_bytes())?;
        first = false;
    }
    if first {
        w.write_all(b"[]")
    } else {
        w.write_all(b"\n")?;
        w.write_all(&RESULT_INDENT.as_bytes()[2..])?;
        w.write_all(b"]")
    }
}

/// Findings rendered together, in parallel, before they are written.
const RENDER_CHUNK: usize = 1024;

/// The indentation of a result of the first run in the pretty-printed log.
const RESULT_INDENT: &str = "        ";

/// The results of a scan in order, each pretty-printed at its place in the
/// log: chunks of findings are rendered on all threads of the current rayon
/// pool, one chunk at a time, so the output is the same as rendering them
/// one by one and memory holds one chunk, not the whole log.
fn rendered_results(result: &ScanResult) -> impl Iterator<Item = String> + '_ {
    let rule_index = rule_indices(result);
    let mut occurrences = Occurrences::default();
    result.findings.chunks(RENDER_CHUNK).flat_map(move |chunk| {
        let fingerprints: Vec<String> = chunk.par_iter().map(|f| f.fingerprint()).collect();
        let numbered: Vec<(String, u32)> = fingerprints
            .into_iter()
            .map(|fp| {
                let n = occurrences.next(&fp);
                (fp, n)
            })
            .collect();
        chunk
            .par_iter()
            .zip(numbered)
            .map(|(f, (fp, n))| {
                let index = rule_index.get(f.check.id.as_str()).copied().unwrap_or(0);
                let mut out = Vec::with_capacity(2048);
                write_result(&mut out, f, index, &fp, n);
                String::from_utf8(out).unwrap_or_default()
            })
            .collect::<Vec<_>>()
    })
}

/// Numbers the findings that share a fingerprint 1, 2, ... in report order
/// (the suffix of `primaryLocationLineHash`).
#[derive(Default)]
struct Occurrences(HashMap<String, u32>);

impl Occurrences {
    fn next(&mut self, fingerprint: &str) -> u32 {
        let n = self.0.entry(fingerprint.to_string()).or_insert(0);
        *n += 1;
        *n
    }
}

/// Where a result of the first run sits in the pretty-printed log, in
/// levels of indentation (`runs[0].results[i]`).
const RESULT_DEPTH: usize = 4;

/// One result as pretty JSON at its place in the log (lines after the first
/// indented; the first is indented where it is written), written straight
/// from the finding: the bytes of the serialised [`finding_result`] (a test
/// holds them equal), without building the typed result and its property
/// maps only to serialise them.
fn write_result(out: &mut Vec<u8>, f: &Finding, rule_index: i64, fingerprint: &str, n: u32) {
    let mut j = Pretty::new(out, RESULT_DEPTH);
    j.begin_object();
    j.field_str("level", result_level_name(f.severity));
    j.key("locations").begin_array().element();
    write_location(&mut j, None, &f.source, f.span, !f.check.sensitive);
    j.end_array();
    j.key("message").begin_object();
    j.field_str("text", &f.message).end_object();
    j.key("partialFingerprints").begin_object();
    j.field_str(FINGERPRINT_KEY, fingerprint);
    j.field_str(LINE_HASH_KEY, &format!("{fingerprint}:{n}"));
    j.end_object();
    j.key("properties").begin_object();
    j.key("tags").begin_array();
    for tag in &f.check.policy {
        j.element().string(tag);
    }
    j.end_array();
    // The other properties in key order, as a map serialises them.
    if let Some(env) = &f.environment {
        j.field_str("environment", env);
    }
    if let Some(sla) = f.sla {
        j.field_str("first-seen", &sla.first_seen.to_string());
    }
    j.field_str("resource", &f.resource);
    j.field_str("severity", f.severity.as_str());
    if let Some(Sla {
        due: Some(due),
        days: Some(days),
        overdue,
        ..
    }) = f.sla
    {
        j.field_int("sla-days", days);
        j.field_str("sla-due", &due.to_string());
        j.key("sla-overdue").bool(overdue);
    }
    j.end_object();
    if !f.related.is_empty() {
        j.key("relatedLocations").begin_array();
        for (i, r) in f.related.iter().enumerate() {
            j.element();
            let id = i64::try_from(i + 1).unwrap_or(i64::MAX);
            write_location(&mut j, Some((id, &r.message)), &r.source, r.span, false);
        }
        j.end_array();
    }
    j.field_str("ruleId", &f.check.id);
    j.field_int("ruleIndex", rule_index);
    if let Some(sup) = &f.suppression {
        j.key("suppressions").begin_array().element().begin_object();
        match &sup.at {
            Some((path, line)) => j.field_str(
                "justification",
                &format!("{} ({path}:{line})", sup.justification),
            ),
            None => j.field_str("justification", &sup.justification),
        };
        j.field_str("kind", sup.by.sarif_kind());
        j.field_str("status", "accepted");
        j.end_object().end_array();
    }
    j.end_object();
}

/// A location (with its id and message when it is a related one): what
/// [`physical`] builds, written.
fn write_location(
    j: &mut Pretty<'_>,
    related: Option<(i64, &str)>,
    src: &SourceFile,
    span: Span,
    with_snippet: bool,
) {
    j.begin_object();
    if let Some((id, message)) = related {
        j.field_int("id", id);
        j.key("message").begin_object();
        j.field_str("text", message).end_object();
    }
    let (start, end) = super::region(src, span);
    j.key("physicalLocation").begin_object();
    j.key("artifactLocation").begin_object();
    j.field_str("uri", &encode_uri_path(&src.path));
    j.field_str("uriBaseId", SRCROOT).end_object();
    j.key("region").begin_object();
    j.field_int("endColumn", i64::from(end.column));
    j.field_int("endLine", i64::from(end.line));
    if with_snippet {
        j.key("snippet").begin_object();
        j.field_str("text", src.line_text(start.line).trim_end());
        j.end_object();
    }
    j.field_int("startColumn", i64::from(start.column));
    j.field_int("startLine", i64::from(start.line));
    j.end_object().end_object().end_object();
}

/// Move `keys` (those present) to the front of a JSON object, in that order.
fn put_first(value: &mut Value, keys: &[&str]) {
    if let Value::Object(map) = value {
        let mut ordered = serde_json::Map::new();
        for key in keys {
            if let Some(v) = map.remove(*key) {
                ordered.insert((*key).to_string(), v);
            }
        }
        ordered.append(map);
        *map = ordered;
    }
}

/// Build the typed SARIF log.
#[must_use]
pub fn build(result: &ScanResult, opts: &ReportOptions) -> Sarif {
    let mut log = build_without_results(result, opts);
    if let Some(run) = log.runs.first_mut() {
        run.results = Some(results(result).collect());
    }
    log
}

/// The index of each referenced rule in the run's rules (sorted by id).
fn rule_indices(result: &ScanResult) -> HashMap<&str, i64> {
    let ids: std::collections::BTreeSet<&str> = result
        .findings
        .iter()
        .map(|f| f.check.id.as_str())
        .collect();
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| (id, i64::try_from(i).unwrap_or(i64::MAX)))
        .collect()
}

/// The results of a scan in order, each built when it is asked for.
fn results(result: &ScanResult) -> Box<dyn Iterator<Item = SarifResult> + '_> {
    let rule_index = rule_indices(result);
    let mut occurrences = Occurrences::default();
    Box::new(result.findings.iter().map(move |f| {
        let fp = f.fingerprint();
        let n = occurrences.next(&fp);
        let index = rule_index.get(f.check.id.as_str()).copied().unwrap_or(0);
        finding_result(f, index, &fp, n)
    }))
}

/// The log with an empty list of results.
fn build_without_results(result: &ScanResult, opts: &ReportOptions) -> Sarif {
    // Every referenced rule once, sorted by id, with the effective severity of
    // its findings (the configured one when the configuration overrides it).
    let mut referenced: BTreeMap<&str, (&Arc<Check>, Severity)> = BTreeMap::new();
    for f in &result.findings {
        referenced
            .entry(f.check.id.as_str())
            .and_modify(|(_, s)| *s = (*s).max(f.severity))
            .or_insert((&f.check, f.severity));
    }
    let rules: Vec<ReportingDescriptor> = referenced.values().map(|(c, s)| rule(c, *s)).collect();

    let driver = ToolComponent::builder()
        .name("bulkhead")
        .semantic_version(opts.version)
        .version(opts.version)
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .build();

    let notifications: Vec<Notification> = result.diagnostics.iter().map(notification).collect();
    let invocation = Invocation::builder()
        .execution_successful(true)
        .tool_execution_notifications(notifications)
        .build();

    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(Vec::<SarifResult>::new())
        .invocations(vec![invocation])
        .automation_details(
            RunAutomationDetails::builder()
                .id(automation_id(opts.category.as_deref()))
                .build(),
        )
        .column_kind(json!("unicodeCodePoints"))
        .build();
    if let Some(root) = &opts.root_uri {
        let mut root = root.clone();
        if !root.ends_with('/') {
            root.push('/');
        }
        let mut bases = BTreeMap::new();
        bases.insert(
            SRCROOT.to_string(),
            ArtifactLocation::builder().uri(root).build(),
        );
        run.original_uri_base_ids = Some(bases);
    }

    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// `automationDetails.id`: the category followed by `/` (GitHub code
/// scanning's convention for a category without a run id). GitHub's upload
/// keeps an id that the log already has, so the category must be set here.
#[must_use]
pub fn automation_id(category: Option<&str>) -> String {
    let category = category.map(str::trim).filter(|c| !c.is_empty());
    let mut id = category.unwrap_or("bulkhead").to_string();
    if !id.ends_with('/') {
        id.push('/');
    }
    id
}

/// The reporting descriptor of a check.
fn rule(c: &Check, severity: Severity) -> ReportingDescriptor {
    let mut tags: Vec<String> = vec!["security".to_string()];
    for t in c.policy.iter().map(String::as_str).chain([c.format()]) {
        if !tags.iter().any(|have| have == t) {
            tags.push(t.to_string());
        }
    }
    tags.truncate(MAX_TAGS);
    let mut props = BTreeMap::new();
    props.insert("security-severity".to_string(), json!(severity.score()));
    props.insert("precision".to_string(), json!("high"));
    ReportingDescriptor::builder()
        .id(c.id.clone())
        .name(c.name.clone())
        .short_description(text_message(&limit(&c.title)))
        .full_description(text_message(&limit(&unwrap_lines(&c.rationale))))
        .help(
            MultiformatMessageString::builder()
                .text(docs::help_text(c))
                .markdown(docs::help_markdown(c))
                .build(),
        )
        .help_uri(docs::help_uri(c))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(severity.sarif_level()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(tags)
                .additional_properties(props)
                .build(),
        )
        .build()
}

fn text_message(text: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

/// Join hard-wrapped lines into paragraphs (descriptions are shown as plain
/// text, where a wrapped source line would show as a line break).
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(crate::finding::normalise)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Keep a description within GitHub's limit, cutting at a character boundary.
fn limit(text: &str) -> String {
    if text.chars().count() <= MAX_DESCRIPTION_CHARS {
        return text.to_string();
    }
    let mut s: String = text.chars().take(MAX_DESCRIPTION_CHARS - 1).collect();
    s.push('…');
    s
}

fn result_level(s: Severity) -> ResultLevel {
    match result_level_name(s) {
        "error" => ResultLevel::Error,
        "note" => ResultLevel::Note,
        _ => ResultLevel::Warning,
    }
}

/// A result's `level`: `error`, `note` or `warning`.
fn result_level_name(s: Severity) -> &'static str {
    match s.sarif_level() {
        level @ ("error" | "note") => level,
        _ => "warning",
    }
}

/// One result: the finding at its primary location, with fingerprints and related locations.
fn finding_result(f: &Finding, rule_index: i64, fingerprint: &str, occurrence: u32) -> SarifResult {
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(FINGERPRINT_KEY.to_string(), fingerprint.to_string());
    fingerprints.insert(
        LINE_HASH_KEY.to_string(),
        format!("{fingerprint}:{occurrence}"),
    );

    // The snippet is the start line; sensitive checks never show source text.
    let primary = Location::builder()
        .physical_location(physical(&f.source, f.span, !f.check.sensitive))
        .build();

    let related: Vec<Location> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Location::builder()
                .id(i64::try_from(i + 1).unwrap_or(i64::MAX))
                .physical_location(physical(&r.source, r.span, false))
                .message(Message::builder().text(r.message.clone()).build())
                .build()
        })
        .collect();

    let mut props = BTreeMap::new();
    props.insert("resource".to_string(), json!(f.resource));
    if let Some(env) = &f.environment {
        props.insert("environment".to_string(), json!(env));
    }
    props.insert("severity".to_string(), json!(f.severity.as_str()));
    if let Some(sla) = f.sla {
        props.insert("first-seen".to_string(), json!(sla.first_seen.to_string()));
        if let (Some(due), Some(days)) = (sla.due, sla.days) {
            props.insert("sla-due".to_string(), json!(due.to_string()));
            props.insert("sla-days".to_string(), json!(days));
            props.insert("sla-overdue".to_string(), json!(sla.overdue));
        }
    }

    let mut r = SarifResult::builder()
        .rule_id(f.check.id.clone())
        .rule_index(rule_index)
        .level(result_level(f.severity))
        .message(Message::builder().text(f.message.clone()).build())
        .locations(vec![primary])
        .partial_fingerprints(fingerprints)
        .properties(
            PropertyBag::builder()
                .tags(f.check.policy.clone())
                .additional_properties(props)
                .build(),
        )
        .build();
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    if let Some(sup) = &f.suppression {
        let mut justification = sup.justification.clone();
        if let Some((path, line)) = &sup.at {
            justification = format!("{justification} ({path}:{line})");
        }
        r.suppressions = Some(vec![
            Suppression::builder()
                .kind(json!(sup.by.sarif_kind()))
                .status(json!("accepted"))
                .justification(justification)
                .build(),
        ]);
    }
    r
}

/// A physical location with a full region; the start line as snippet if asked.
fn physical(src: &SourceFile, span: Span, with_snippet: bool) -> PhysicalLocation {
    let (start, end) = super::region(src, span);
    let mut region = Region::builder()
        .start_line(i64::from(start.line))
        .start_column(i64::from(start.column))
        .end_line(i64::from(end.line))
        .end_column(i64::from(end.column))
        .build();
    if with_snippet {
        let text = src.line_text(start.line).trim_end().to_string();
        region.snippet = Some(ArtifactContent::builder().text(text).build());
    }
    PhysicalLocation::builder()
        .artifact_location(artifact(&src.path))
        .region(region)
        .build()
}

fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder()
        .uri(encode_uri_path(path))
        .uri_base_id(SRCROOT)
        .build()
}

/// A scan problem as a tool execution notification.
fn notification(d: &Diagnostic) -> Notification {
    let level = match d.level {
        DiagLevel::Error => "error",
        DiagLevel::Warning => "warning",
        DiagLevel::Note => "note",
    };
    let mut n = Notification::builder()
        .level(json!(level))
        .message(
            Message::builder()
                .text(format!("{}: {}", d.kind, d.message))
                .build(),
        )
        .descriptor(ReportingDescriptorReference::builder().id(d.kind).build())
        .build();
    if !d.path.is_empty() {
        let mut physical = PhysicalLocation::builder()
            .artifact_location(artifact(&d.path))
            .build();
        if let Some(line) = d.line {
            let mut region = Region::builder().start_line(i64::from(line)).build();
            region.start_column = d.column.map(i64::from);
            physical.region = Some(region);
        }
        n.locations = Some(vec![
            Location::builder().physical_location(physical).build(),
        ]);
    }
    n
}

/// Percent-encode a repository-relative path for use as a relative URI
/// reference: unreserved characters, `/` and the sub-delimiters stay, every
/// other byte (space, `%`, `#`, `?`, `:`, non-ASCII) is encoded.
#[must_use]
pub fn encode_uri_path(path: &str) -> String {
    let keep = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            )
    };
    // Nearly every path needs no encoding.
    if path.bytes().all(keep) {
        return path.to_string();
    }
    let mut out = String::with_capacity(path.len() + 8);
    for b in path.bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automation_id_is_the_category_with_a_slash() {
        assert_eq!(automation_id(None), "bulkhead/");
        assert_eq!(automation_id(Some("")), "bulkhead/");
        assert_eq!(automation_id(Some("bulkhead-infra")), "bulkhead-infra/");
        assert_eq!(automation_id(Some("iac/prod/")), "iac/prod/");
    }

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(encode_uri_path("infra/main.tf"), "infra/main.tf");
        assert_eq!(
            encode_uri_path("my dir/a#b?.yaml"),
            "my%20dir/a%23b%3F.yaml"
        );
        assert_eq!(encode_uri_path("100%/c:d"), "100%25/c%3Ad");
        assert_eq!(encode_uri_path("é.tf"), "%C3%A9.tf");
    }

    /// Text that spells the results placeholder is escaped where it appears,
    /// so the results still go to `runs[0].results` and nothing is replaced.
    #[test]
    fn results_placeholder_spelled_in_a_message_stays_a_message() {
        let spelled = format!("\"results\": \"{RESULTS_PLACEHOLDER}\"");
        let result = ScanResult {
            diagnostics: vec![Diagnostic::file(
                "main.tf",
                DiagLevel::Error,
                "parse-error",
                spelled.clone(),
            )],
            ..ScanResult::default()
        };
        let text = render(&result, &Catalogue::default(), &ReportOptions::default());
        let log: Value = serde_json::from_str(&text).unwrap();
        let run = &log["runs"][0];
        assert_eq!(run["results"], json!([]));
        let notes = &run["invocations"][0]["toolExecutionNotifications"];
        assert!(notes.to_string().contains(RESULTS_PLACEHOLDER), "{notes}");
        assert!(text.ends_with("}\n"));
    }

    /// A result serialised from its typed form, indented for its place in
    /// the log: what [`write_result`] must write.
    fn serialised(r: &SarifResult) -> String {
        let text = serde_json::to_string_pretty(r).unwrap();
        text.replace('\n', &format!("\n{RESULT_INDENT}"))
    }

    /// Results are written straight from the findings: byte for byte the
    /// serialisation of the typed result, for every optional part.
    #[test]
    fn written_results_equal_the_typed_ones() {
        use crate::date::Date;
        use crate::finding::{Related, SuppressedBy, Suppression as Accepted};
        use crate::source::FileKind;

        let cat = Catalogue::builtin().unwrap();
        let plain = cat.checks.iter().find(|c| !c.sensitive).unwrap();
        let sensitive = cat.checks.iter().find(|c| c.sensitive).unwrap();
        let text = "a: 1\nname: \"caf\u{e9} \\ \u{1} \u{1F600}\"\t \r\nlast line without break";
        let src = Arc::new(SourceFile::new(
            "dir with space/caf\u{e9}#1.yaml".into(),
            "x".into(),
            FileKind::Yaml,
            text,
        ));
        let other = Arc::new(SourceFile::new(
            "b.tf".into(),
            "b.tf".into(),
            FileKind::Terraform,
            "x = 1\n",
        ));
        let day = Date::new(2026, 2, 28).unwrap();
        let base = Finding {
            check: Arc::clone(plain),
            severity: Severity::High,
            source: Arc::clone(&src),
            span: Span::new(5, 40),
            message: "quotes \" and\nlines \u{7f}".into(),
            resource: "Deployment/web \u{e9}".into(),
            evidence: "e".into(),
            related: vec![],
            environment: None,
            suppression: None,
            sla: None,
        };
        let mut cases = vec![base.clone()];
        cases.push(Finding {
            check: Arc::clone(sensitive),
            severity: Severity::Info,
            span: Span::new(text.len() - 4, text.len()),
            environment: Some("production".into()),
            related: vec![
                Related {
                    source: Arc::clone(&other),
                    span: Span::new(0, 5),
                    message: "the other \"one\"".into(),
                },
                Related {
                    source: Arc::clone(&src),
                    span: Span::new(3, 3),
                    message: String::new(),
                },
            ],
            sla: Some(Sla {
                first_seen: day,
                due: None,
                days: None,
                overdue: false,
            }),
            ..base.clone()
        });
        for (by, at) in [
            (SuppressedBy::Comment, Some(("a.yaml".to_string(), 7))),
            (SuppressedBy::Annotation, None),
            (SuppressedBy::Config, None),
            (SuppressedBy::Baseline, Some(("b\"ase".to_string(), 1))),
        ] {
            cases.push(Finding {
                severity: Severity::Medium,
                span: Span::new(0, text.len()),
                suppression: Some(Box::new(Accepted {
                    by,
                    justification: "because \\ reasons".into(),
                    at,
                    until: Some(day),
                })),
                sla: Some(Sla {
                    first_seen: day,
                    due: Date::new(2026, 3, 30),
                    days: Some(30),
                    overdue: true,
                }),
                ..base.clone()
            });
        }
        for severity in [Severity::Critical, Severity::Low] {
            cases.push(Finding {
                severity,
                ..base.clone()
            });
        }
        for (i, f) in cases.iter().enumerate() {
            let index = i64::try_from(i).unwrap();
            let fp = f.fingerprint();
            let n = u32::try_from(i).unwrap() + 1;
            let mut written = Vec::new();
            write_result(&mut written, f, index, &fp, n);
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serialised(&finding_result(f, index, &fp, n)),
                "case {i}"
            );
        }
    }

    #[test]
    fn long_descriptions_are_limited() {
        let long = "x".repeat(2000);
        assert_eq!(limit(&long).chars().count(), MAX_DESCRIPTION_CHARS);
        assert_eq!(limit("short"), "short");
    }
}
