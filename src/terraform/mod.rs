//! Terraform semantics: evaluation of expressions, variables, locals, modules and functions.

pub mod eval;
pub mod functions;
pub mod module;
pub mod policy;
pub mod terragrunt;
