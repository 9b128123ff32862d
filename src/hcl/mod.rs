//! HCL's native syntax (Terraform, Terragrunt): a syntax tree with the byte
//! span of every part, and a parser for it whose time is linear in the input.
//!
//! It replaced `hcl-edit`, the parser the project started with, which took a
//! quarter of a scan's instructions (winnow's error merging of failed
//! alternatives), backtracked exponentially on some unclosed brackets (so
//! such files had to be parsed on a helper thread under a time limit) and
//! rejected repeated object keys, which Terraform accepts. `hcl-edit` stays
//! as a test dependency: both trees, with their spans, are compared on every
//! `.tf`, `.hcl` and `.tfvars` file under `testdata/`.

pub mod ast;
pub mod parser;

#[cfg(test)]
mod differential;

pub use ast::*;
pub use parser::{ParseError, parse_body, parse_template};
