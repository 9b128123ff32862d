//! HCL's native syntax (Terraform, Terragrunt): a syntax tree with the byte
//! span of every part, and a linear-time parser for it.
//!
//! Not used by the scan yet: it is checked against `hcl-edit` (same tree,
//! same spans) on every `.tf` and `.hcl` file under `testdata/`, before the
//! evaluator moves onto it.

pub mod ast;
pub mod parser;

#[cfg(test)]
mod differential;

pub use ast::*;
pub use parser::{ParseError, parse_body, parse_template};
