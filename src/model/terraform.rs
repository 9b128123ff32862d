//! Typed view of Terraform and Terragrunt configuration: top-level blocks with
//! their labels and a body converted to [`Node`]s.

use crate::model::dockerfile::Word;
use crate::model::{FileIdx, Node};
use crate::source::Span;

/// A top-level block such as `resource "aws_s3_bucket" "logs" { ... }`.
#[derive(Debug, Clone)]
pub struct Block {
    /// Block type: `resource`, `data`, `module`, `provider`, `variable`,
    /// `output`, `locals`, `terraform`, or a Terragrunt block name.
    pub kind: String,
    /// Labels (`aws_s3_bucket`, `logs`).
    pub labels: Vec<Word>,
    /// Location of the block type keyword.
    pub ident_span: Span,
    /// The whole block.
    pub span: Span,
    /// File of the block within its unit.
    pub file: FileIdx,
    /// The body: attributes as entries, nested blocks as lists of maps under their type.
    pub body: Node,
    /// `module.NAME.` prefixes of the module instance this block belongs to (empty in the root module).
    pub module_prefix: String,
    /// Instance key for `count`/`for_each` (`[0]`, `["a"]`), empty otherwise.
    pub instance: String,
    /// Where the module holding this block is called (file and span of the `module` block header).
    pub called_from: Option<(FileIdx, Span)>,
}

impl Block {
    /// First label (resource or data type, provider name, module or variable name).
    #[must_use]
    pub fn label(&self, i: usize) -> Option<&str> {
        self.labels.get(i).map(|w| w.text.as_str())
    }

    /// The Terraform address: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.p`,
    /// `module.vpc`, `provider.aws`, `var.region`.
    #[must_use]
    pub fn address(&self) -> String {
        format!(
            "{}{}{}",
            self.module_prefix,
            self.local_address(),
            self.instance
        )
    }

    /// The address within its own module, without instance key.
    #[must_use]
    pub fn local_address(&self) -> String {
        let l0 = self.label(0).unwrap_or("");
        let l1 = self.label(1).unwrap_or("");
        match self.kind.as_str() {
            "resource" => format!("{l0}.{l1}"),
            "data" => format!("data.{l0}.{l1}"),
            "module" => format!("module.{l0}"),
            "provider" => format!("provider.{l0}"),
            "variable" => format!("var.{l0}"),
            "output" => format!("output.{l0}"),
            other if self.labels.is_empty() => other.to_string(),
            other => format!(
                "{other}.{}",
                self.labels
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(".")
            ),
        }
    }

    /// The span to report for the block as a whole: its header line.
    #[must_use]
    pub fn header_span(&self) -> Span {
        self.labels
            .last()
            .map_or(self.ident_span, |l| self.ident_span.cover(l.span))
    }
}
