//! Which resources of a unit a Terraform value refers to: the join key of
//! checks that pair a resource with its partners (a VPC and its flow log, a
//! bucket and its public access block).
//!
//! After evaluation a reference such as `aws_vpc.main.id` is an unknown value
//! whose reason names the resource with the module it was evaluated in
//! (`resource attribute: module.net.aws_vpc.main.id`), and a known attribute
//! (`aws_s3_bucket.logs.bucket`) keeps the span where the resource writes it.
//! [`RefIndex::references`] turns both back into resource addresses. Where the
//! evaluated value has lost the reference (an index by an unknown
//! `count.index`, a template with a variable without value) the expression
//! text is read instead. Anything that cannot be traced to a resource of the
//! unit (a variable without value, a data source, the output of a remote
//! module) makes the answer *opaque*: a check that proves absence must then
//! stay silent.
//!
//! Addresses are compared without instance keys (`aws_vpc.main[0]` and
//! `module.net["a"].aws_vpc.this` are `aws_vpc.main` and
//! `module.net.aws_vpc.this`): a partner that refers to one instance is taken
//! to cover them all.

use crate::hashing::Map;
use crate::model::terraform::Block;
use crate::model::{FileIdx, Node, Value};
use crate::source::{SourceRef, Span};
use crate::terraform::eval::{unknown, unknown_category};

/// Longest unknown reason detail the evaluator keeps; a detail this long may
/// be cut inside the address.
const MAX_DETAIL: usize = 160;

/// Roots of a traversal that are not resources.
const NON_RESOURCE_ROOTS: &[&str] = &[
    "var",
    "local",
    "data",
    "module",
    "each",
    "count",
    "self",
    "path",
    "terraform",
];

/// What a value refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refs {
    /// Addresses without instance keys of the unit's resources the value
    /// refers to (`module.net.aws_vpc.this`), each once.
    pub addresses: Vec<String>,
    /// Part of the value comes from somewhere this unit does not show (a
    /// variable without value, a data source, a module output): it may refer
    /// to any resource.
    pub opaque: bool,
}

impl Refs {
    fn add(&mut self, address: String) {
        if !self.addresses.contains(&address) {
            self.addresses.push(address);
        }
    }
}

/// An address without instance keys: `module.net["a"].aws_vpc.this[0]` is
/// `module.net.aws_vpc.this`.
#[must_use]
pub fn base_address(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    for c in address.chars() {
        if depth > 0 {
            if quoted {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    quoted = false;
                }
                continue;
            }
            match c {
                '"' => quoted = true,
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            continue;
        }
        if c == '[' {
            depth = 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// The resource address named by the detail of a `resource attribute`
/// unknown (`module.net.aws_vpc.this.id` → `module.net.aws_vpc.this`).
fn address_in_reason(detail: &str) -> Option<String> {
    if detail.chars().count() >= MAX_DETAIL {
        return None;
    }
    let base = base_address(detail);
    let mut segs = base.split('.');
    let mut out = String::new();
    loop {
        let seg = segs.next()?;
        if seg == "module" {
            let name = segs.next()?;
            out.push_str("module.");
            out.push_str(name);
            out.push('.');
            continue;
        }
        let name = segs.next()?;
        if seg.is_empty() || name.is_empty() {
            return None;
        }
        out.push_str(seg);
        out.push('.');
        out.push_str(name);
        return Some(out);
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// What an expression's text refers to.
#[derive(Debug, Default, PartialEq, Eq)]
struct Written {
    /// Resource addresses (`TYPE.NAME` written as the root of a traversal;
    /// resource types always hold an underscore).
    resources: Vec<String>,
    /// `each.value` is read (the instance of `for_each`).
    each_value: bool,
    /// Another value source is read (`var.`, `local.`, `data.`, `module.`).
    other: bool,
}

/// Read the references written in an expression's text.
fn written_references(text: &str) -> Written {
    let mut out = Written::default();
    let chars: Vec<char> = text.chars().collect();
    let ident_end = |from: usize| {
        chars
            .iter()
            .skip(from)
            .position(|&c| !is_ident_char(c))
            .map_or(chars.len(), |n| from + n)
    };
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let after_boundary = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .is_none_or(|&p| !(is_ident_char(p) || p == '.'));
        if !((c.is_ascii_alphabetic() || c == '_') && after_boundary) {
            i += 1;
            continue;
        }
        let j = ident_end(i);
        if chars.get(j) != Some(&'.') {
            i = j;
            continue;
        }
        let k = ident_end(j + 1);
        let root: String = chars.get(i..j).unwrap_or_default().iter().collect();
        let name: String = chars.get(j + 1..k).unwrap_or_default().iter().collect();
        i = k.max(j + 1);
        if name.is_empty() {
            continue;
        }
        if NON_RESOURCE_ROOTS.contains(&root.as_str()) {
            // `count.index` and `each.key` select instances, `path.*` and
            // `terraform.*` are fixed; the others bring in values from
            // outside the resource graph.
            match (root.as_str(), name.as_str()) {
                ("count" | "path" | "terraform", _) | ("each", "key") => {}
                ("each", _) => out.each_value = true,
                _ => out.other = true,
            }
        } else if root.contains('_') {
            let address = format!("{root}.{name}");
            if !out.resources.contains(&address) {
                out.resources.push(address);
            }
        }
    }
    out
}

/// The bucket name in an S3 bucket ARN, a bucket domain name or a plain name.
fn s3_bucket_name(s: &str) -> &str {
    let mut name = s;
    if let Some(rest) = s.strip_prefix("arn:") {
        // arn:PARTITION:s3:::NAME[/KEY]
        if let Some((_, after)) = rest.split_once(":s3:::") {
            name = after.split('/').next().unwrap_or(after);
        }
    }
    if let Some(pos) = name.find(".s3.") {
        if name.ends_with(".amazonaws.com") {
            name = &name[..pos];
        }
    }
    name
}

/// The text of an attribute's expression where `from` writes it: from its
/// key to the next attribute of the same block (or the block's end).
fn written_text<'f>(
    files: &'f [SourceRef],
    from: &Block,
    holder: &Node,
    entry: &crate::model::Entry,
) -> Option<&'f str> {
    let mut end = from.span.end;
    if holder.span.start <= entry.key_span.start && entry.key_span.end <= holder.span.end {
        end = end.min(holder.span.end);
    }
    if let Some(next) = holder
        .entries()
        .iter()
        .map(|e| e.key_span.start)
        .filter(|&s| s > entry.key_span.start)
        .min()
    {
        end = end.min(next);
    }
    files
        .get(from.file as usize)?
        .text
        .get(entry.key_span.end as usize..end as usize)
}

/// The unit's blocks indexed for reference lookups: built once per unit.
#[derive(Debug, Default)]
pub struct RefIndex {
    /// Blocks by address without instance keys.
    by_address: Map<String, Vec<usize>>,
    /// Per file: the module prefixes (without instance keys) of the blocks written in it.
    prefixes: Map<FileIdx, Vec<String>>,
    /// Per file: resource blocks as (start, end, index), sorted by start.
    spans: Map<FileIdx, Vec<(u32, u32, usize)>>,
    /// S3 buckets by their literal `bucket` name.
    bucket_names: Map<String, Vec<usize>>,
}

impl RefIndex {
    /// Index the evaluated blocks of a unit.
    #[must_use]
    pub fn new(blocks: &[Block]) -> Self {
        let mut ix = RefIndex::default();
        for (i, b) in blocks.iter().enumerate() {
            let prefix = base_address(&b.module_prefix);
            let list = ix.prefixes.entry(b.file).or_default();
            if !list.contains(&prefix) {
                list.push(prefix);
            }
            if b.kind != "resource" {
                if b.kind == "data" || b.kind == "module" {
                    ix.by_address
                        .entry(base_address(&b.address()))
                        .or_default()
                        .push(i);
                }
                continue;
            }
            let ty = b.label(0).unwrap_or("");
            ix.by_address
                .entry(base_address(&b.address()))
                .or_default()
                .push(i);
            ix.spans
                .entry(b.file)
                .or_default()
                .push((b.span.start, b.span.end, i));
            if ty == "aws_s3_bucket" {
                if let Some(name) = b.body.get("bucket").and_then(Node::as_str) {
                    ix.bucket_names.entry(name.to_string()).or_default().push(i);
                }
            }
        }
        for v in ix.spans.values_mut() {
            v.sort_unstable();
        }
        ix
    }

    /// Indices of the blocks (all instances) at an address without instance keys.
    #[must_use]
    pub fn at_address(&self, address: &str) -> &[usize] {
        self.by_address.get(address).map_or(&[], Vec::as_slice)
    }

    /// The module prefix that resource names written in `file` resolve in,
    /// seen from `from`: `from`'s own module when the file belongs to it,
    /// else the only module the file belongs to.
    fn prefix_for(&self, from: &Block, file: FileIdx) -> Option<String> {
        let own = base_address(&from.module_prefix);
        if from.file == file {
            return Some(own);
        }
        let list = self.prefixes.get(&file)?;
        if list.contains(&own) {
            return Some(own);
        }
        match list.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        }
    }

    /// The resources whose block holds the text at `span` of `file` (a known
    /// attribute read through a reference keeps the span where the resource
    /// writes it). Instances of the same module share their text: prefer
    /// those in `from`'s module.
    fn containing(&self, blocks: &[Block], from: &Block, file: FileIdx, span: Span) -> Vec<String> {
        let Some(list) = self.spans.get(&file) else {
            return vec![];
        };
        let pp = list.partition_point(|&(start, _, _)| start <= span.start);
        let Some(&(start, _, _)) = pp.checked_sub(1).and_then(|i| list.get(i)) else {
            return vec![];
        };
        let candidates: Vec<&Block> = list
            .get(..pp)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&(s, _, _)| s == start)
            .filter(|&&(_, end, _)| span.end <= end)
            .filter_map(|&(_, _, i)| blocks.get(i))
            // A literal written in the referring block itself refers to nothing.
            .filter(|b| !(b.file == from.file && b.span == from.span))
            .collect();
        let own = base_address(&from.module_prefix);
        let mine: Vec<&&Block> = candidates
            .iter()
            .filter(|b| base_address(&b.module_prefix) == own)
            .collect();
        let chosen: Vec<&Block> = if mine.is_empty() {
            candidates
        } else {
            mine.into_iter().copied().collect()
        };
        let mut out: Vec<String> = Vec::new();
        for b in chosen {
            let a = base_address(&b.address());
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// Resource addresses written in `text` (of `file`), resolved in the
    /// module that `from` sees the file in, and whether they are all the
    /// text can refer to (it names at least one resource and reads no other
    /// value source). `each.value` stands for what `from`'s `for_each` is
    /// written to iterate over.
    fn text_refs(
        &self,
        files: &[SourceRef],
        from: &Block,
        file: FileIdx,
        text: &str,
    ) -> (Vec<String>, bool) {
        let mut written = written_references(text);
        if written.each_value && !written.other {
            match from
                .body
                .entry("for_each")
                .and_then(|e| written_text(files, from, &from.body, e))
                .map(written_references)
            {
                Some(each) if !each.resources.is_empty() && !each.each_value && !each.other => {
                    for r in each.resources {
                        if !written.resources.contains(&r) {
                            written.resources.push(r);
                        }
                    }
                    written.each_value = false;
                }
                _ => written.other = true,
            }
        }
        if written.resources.is_empty() {
            return (vec![], false);
        }
        let Some(prefix) = self.prefix_for(from, file) else {
            return (vec![], false);
        };
        let complete = !written.other && !written.each_value;
        let out = written
            .resources
            .into_iter()
            .map(|n| format!("{prefix}{n}"))
            .collect();
        (out, complete)
    }

    /// What the value of `key` in `holder` (the body of `from` or a nested
    /// block of it) refers to; `None` when the attribute is absent or null.
    #[must_use]
    pub fn references(
        &self,
        blocks: &[Block],
        files: &[SourceRef],
        from: &Block,
        holder: &Node,
        key: &str,
    ) -> Option<Refs> {
        let entry = holder.entry(key)?;
        if entry.value.is_null() {
            return None;
        }
        let mut refs = Refs::default();
        let mut lost = false;
        self.walk(blocks, files, from, &entry.value, &mut refs, &mut lost);
        if lost {
            // The evaluated value lost (part of) the reference: read the
            // expression where the attribute is written.
            let (found, complete) = written_text(files, from, holder, entry)
                .map_or((vec![], false), |t| {
                    self.text_refs(files, from, from.file, t)
                });
            found.into_iter().for_each(|a| refs.add(a));
            refs.opaque = !complete;
        }
        Some(refs)
    }

    /// Collect what a value refers to; `lost` is set for parts that could not be traced.
    fn walk(
        &self,
        blocks: &[Block],
        files: &[SourceRef],
        from: &Block,
        node: &Node,
        refs: &mut Refs,
        lost: &mut bool,
    ) {
        match &node.value {
            Value::List(items) => {
                for n in items {
                    self.walk(blocks, files, from, n, refs, lost);
                }
            }
            Value::Map(entries) => {
                for e in entries {
                    self.walk(blocks, files, from, &e.value, refs, lost);
                }
            }
            Value::Unknown(reason) => {
                if unknown_category(reason) == unknown::RESOURCE {
                    let detail = reason.split_once(": ").map_or("", |(_, d)| d);
                    if let Some(a) = address_in_reason(detail) {
                        refs.add(a);
                        return;
                    }
                }
                // Another cause (an unknown instance key, a variable without
                // value): the expression behind it may still name the resource.
                let text = files
                    .get(node.file as usize)
                    .and_then(|f| f.text.get(node.span.range()));
                let (found, complete) = text.map_or((vec![], false), |t| {
                    self.text_refs(files, from, node.file, t)
                });
                found.into_iter().for_each(|a| refs.add(a));
                if !complete {
                    *lost = true;
                }
            }
            Value::String(s) => {
                if s.contains("${") {
                    // A `.tf.json` value: a template that is not evaluated.
                    let (found, complete) = self.text_refs(files, from, node.file, s);
                    found.into_iter().for_each(|a| refs.add(a));
                    if !complete {
                        *lost = true;
                    }
                    return;
                }
                for a in self.containing(blocks, from, node.file, node.span) {
                    refs.add(a);
                }
                if let Some(ixs) = self.bucket_names.get(s3_bucket_name(s)) {
                    for b in ixs.iter().filter_map(|&i| blocks.get(i)) {
                        refs.add(base_address(&b.address()));
                    }
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::terraform::module::{
        DiskLoader, EvalOptions, FileTable, ModuleLoader, build_tree, evaluate,
    };

    /// Evaluate a module tree written into a temporary folder (`path`, text).
    fn evaluate_files(files: &[(&str, &str)]) -> (Vec<Block>, Vec<SourceRef>) {
        let dir = tempfile::tempdir().expect("temporary folder");
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("folder");
            std::fs::write(p, text).expect("write");
        }
        let root: &Path = dir.path();
        let mut table = FileTable::default();
        let mut diags = Vec::new();
        let loader = DiskLoader {
            root,
            max_size: 1 << 20,
        };
        let source = loader.load(root, &mut table, &mut diags).expect("module");
        let tree = build_tree(source, &loader, &mut table, &mut diags);
        let opts = EvalOptions {
            workspace: None,
            root_dir: String::new(),
            repo_root: root.to_path_buf(),
            max_file_size: 1 << 20,
            count_values: false,
        };
        let blocks = evaluate(&tree, &table, &BTreeMap::new(), &opts).blocks;
        (blocks, table.sources)
    }

    /// What `key` of the block at `address` refers to.
    fn refs(files: &[(&str, &str)], address: &str, key: &str) -> Refs {
        let (blocks, sources) = evaluate_files(files);
        let ix = RefIndex::new(&blocks);
        let from = blocks
            .iter()
            .find(|b| b.address() == address)
            .unwrap_or_else(|| panic!("no block {address}"));
        ix.references(&blocks, &sources, from, &from.body, key)
            .unwrap_or_else(|| panic!("{address} has no {key}"))
    }

    fn traced(addresses: &[&str]) -> Refs {
        Refs {
            addresses: addresses.iter().map(|a| (*a).to_string()).collect(),
            opaque: false,
        }
    }

    fn opaque(addresses: &[&str]) -> Refs {
        Refs {
            opaque: true,
            ..traced(addresses)
        }
    }

    const VPC: &str = "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n";

    fn with_vpc(flow_log: &str) -> Refs {
        let text = format!("{VPC}\nresource \"aws_flow_log\" \"f\" {{\n{flow_log}\n}}\n");
        refs(&[("main.tf", &text)], "aws_flow_log.f", "vpc_id")
    }

    #[test]
    fn addresses_lose_their_instance_keys() {
        assert_eq!(base_address("aws_vpc.main[0]"), "aws_vpc.main");
        assert_eq!(
            base_address(r#"module.net["a.b]"].aws_vpc.this["x\"]"]"#),
            "module.net.aws_vpc.this"
        );
        assert_eq!(
            base_address("module.net.module.sub."),
            "module.net.module.sub."
        );
    }

    #[test]
    fn reasons_name_the_resource_with_its_module() {
        assert_eq!(
            address_in_reason("aws_vpc.main.id").as_deref(),
            Some("aws_vpc.main")
        );
        assert_eq!(
            address_in_reason("module.net.module.sub.aws_vpc.this.tags.Name").as_deref(),
            Some("module.net.module.sub.aws_vpc.this")
        );
        assert_eq!(address_in_reason("aws_vpc"), None);
        // A reason cut at the evaluator's limit may be cut inside the address.
        let long = format!("module.{}.aws_vpc.this.id", "m".repeat(200));
        assert_eq!(address_in_reason(&long), None);
    }

    #[test]
    fn written_references_are_traversal_roots_with_a_resource_type() {
        let w = written_references(
            "= \"${aws_s3_bucket.logs.arn}/*\" # data.aws_vpc.x.id module.vpc.vpc_id",
        );
        assert_eq!(w.resources, vec!["aws_s3_bucket.logs"]);
        assert!(w.other);
        let w = written_references("aws_vpc.main[count.index].id");
        assert_eq!(
            w,
            Written {
                resources: vec!["aws_vpc.main".into()],
                ..Written::default()
            }
        );
        let w = written_references("lookup(each.value, \"id\")");
        assert!(w.each_value && w.resources.is_empty() && !w.other);
        assert_eq!(written_references("jsonencode(local.x)").resources.len(), 0);
        assert!(written_references("var.vpc_id").other);
        assert!(!written_references("each.key").other);
    }

    #[test]
    fn bucket_names_come_from_arns_and_domain_names() {
        assert_eq!(s3_bucket_name("logs"), "logs");
        assert_eq!(s3_bucket_name("arn:aws:s3:::logs/AWSLogs/"), "logs");
        assert_eq!(s3_bucket_name("arn:aws-us-gov:s3:::logs"), "logs");
        assert_eq!(s3_bucket_name("logs.s3.amazonaws.com"), "logs");
        assert_eq!(s3_bucket_name("logs.s3.eu-west-1.amazonaws.com"), "logs");
        assert_eq!(s3_bucket_name("logs.example.com"), "logs.example.com");
    }

    #[test]
    fn references_through_attributes_instances_and_templates() {
        assert_eq!(
            with_vpc("vpc_id = aws_vpc.main.id"),
            traced(&["aws_vpc.main"])
        );
        assert_eq!(
            with_vpc("vpc_id = aws_vpc.main[0].id"),
            traced(&["aws_vpc.main"])
        );
        assert_eq!(
            with_vpc("vpc_id = \"${aws_vpc.main.id}\""),
            traced(&["aws_vpc.main"])
        );
        assert_eq!(
            with_vpc("vpc_id = lower(aws_vpc.main.id)"),
            traced(&["aws_vpc.main"])
        );
        assert_eq!(with_vpc("vpc_id = \"vpc-0a1b2c3d\""), traced(&[]));
        // An instance key that is not known: the written reference still names the VPC.
        assert_eq!(
            with_vpc("count = var.n\nvpc_id = aws_vpc.main[count.index].id"),
            traced(&["aws_vpc.main"])
        );
    }

    #[test]
    fn untraceable_values_are_opaque() {
        let text = format!(
            "{VPC}\nvariable \"vpc_id\" {{}}\ndata \"aws_vpc\" \"d\" {{}}\n\
             module \"remote\" {{\n  source = \"example/vpc/aws\"\n}}\n\
             resource \"aws_flow_log\" \"var\" {{\n  vpc_id = var.vpc_id\n}}\n\
             resource \"aws_flow_log\" \"data\" {{\n  vpc_id = data.aws_vpc.d.id\n}}\n\
             resource \"aws_flow_log\" \"module\" {{\n  vpc_id = module.remote.vpc_id\n}}\n\
             resource \"aws_flow_log\" \"mixed\" {{\n  vpc_id = \"${{var.vpc_id}}${{aws_vpc.main.id}}\"\n}}\n"
        );
        let files = [("main.tf", text.as_str())];
        assert_eq!(refs(&files, "aws_flow_log.var", "vpc_id"), opaque(&[]));
        assert_eq!(refs(&files, "aws_flow_log.data", "vpc_id"), opaque(&[]));
        assert_eq!(refs(&files, "aws_flow_log.module", "vpc_id"), opaque(&[]));
        assert_eq!(
            refs(&files, "aws_flow_log.mixed", "vpc_id"),
            opaque(&["aws_vpc.main"])
        );
    }

    #[test]
    fn for_each_over_a_resource_refers_to_it() {
        let text = format!(
            "{VPC}\nresource \"aws_flow_log\" \"f\" {{\n  for_each = aws_vpc.main\n  vpc_id = each.value.id\n}}\n\
             resource \"aws_flow_log\" \"g\" {{\n  for_each = var.vpcs\n  vpc_id = each.value\n}}\n\
             variable \"vpcs\" {{}}\n"
        );
        let (blocks, sources) = evaluate_files(&[("main.tf", &text)]);
        let ix = RefIndex::new(&blocks);
        for b in blocks.iter().filter(|b| b.kind == "resource") {
            let Some(r) = ix.references(&blocks, &sources, b, &b.body, "vpc_id") else {
                continue;
            };
            match b.label(1) {
                Some("f") => assert_eq!(r, traced(&["aws_vpc.main"]), "{}", b.address()),
                Some("g") => assert!(r.opaque, "{}", b.address()),
                _ => {}
            }
        }
    }

    #[test]
    fn known_attributes_and_names_refer_to_their_bucket() {
        let text = r#"
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
resource "aws_s3_bucket_public_access_block" "by_name" {
  bucket = aws_s3_bucket.logs.bucket
}
resource "aws_s3_bucket_public_access_block" "literal" {
  bucket = "example-logs"
}
resource "aws_cloudtrail" "arn" {
  s3_bucket_name = "arn:aws:s3:::example-logs"
}
resource "aws_s3_bucket_public_access_block" "other" {
  bucket = "someone-elses-bucket"
}
"#;
        let files = [("main.tf", text)];
        let logs = traced(&["aws_s3_bucket.logs"]);
        assert_eq!(
            refs(
                &files,
                "aws_s3_bucket_public_access_block.by_name",
                "bucket"
            ),
            logs
        );
        assert_eq!(
            refs(
                &files,
                "aws_s3_bucket_public_access_block.literal",
                "bucket"
            ),
            logs
        );
        assert_eq!(refs(&files, "aws_cloudtrail.arn", "s3_bucket_name"), logs);
        assert_eq!(
            refs(&files, "aws_s3_bucket_public_access_block.other", "bucket"),
            traced(&[])
        );
        // A name from a variable without value: the written reference names the bucket.
        let text = r#"
variable "name" {}
resource "aws_s3_bucket" "logs" {
  bucket = var.name
}
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.bucket
}
"#;
        assert_eq!(
            refs(
                &[("main.tf", text)],
                "aws_s3_bucket_public_access_block.logs",
                "bucket"
            ),
            traced(&["aws_s3_bucket.logs"])
        );
    }

    const NET_MODULE: &str = r#"
variable "peer" {
  default = ""
}
resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_flow_log" "this" {
  vpc_id = aws_vpc.this.id
}
resource "aws_flow_log" "peer" {
  vpc_id = var.peer
}
output "vpc_id" {
  value = aws_vpc.this.id
}
"#;

    #[test]
    fn references_carry_the_module_they_are_written_in() {
        let root = format!(
            "{VPC}\nmodule \"a\" {{\n  source = \"./net\"\n  peer = aws_vpc.main.id\n}}\n\
             module \"b\" {{\n  source = \"./net\"\n  peer = module.a.vpc_id\n}}\n\
             resource \"aws_flow_log\" \"root\" {{\n  vpc_id = module.b.vpc_id\n}}\n"
        );
        let files = [("main.tf", root.as_str()), ("net/main.tf", NET_MODULE)];
        // Inside a module: the module's own resource.
        assert_eq!(
            refs(&files, "module.a.aws_flow_log.this", "vpc_id"),
            traced(&["module.a.aws_vpc.this"])
        );
        assert_eq!(
            refs(&files, "module.b.aws_flow_log.this", "vpc_id"),
            traced(&["module.b.aws_vpc.this"])
        );
        // Into a module: the caller's resource.
        assert_eq!(
            refs(&files, "module.a.aws_flow_log.peer", "vpc_id"),
            traced(&["aws_vpc.main"])
        );
        // Between two instances of the same module, and out of a module.
        assert_eq!(
            refs(&files, "module.b.aws_flow_log.peer", "vpc_id"),
            traced(&["module.a.aws_vpc.this"])
        );
        assert_eq!(
            refs(&files, "aws_flow_log.root", "vpc_id"),
            traced(&["module.b.aws_vpc.this"])
        );
    }
}
