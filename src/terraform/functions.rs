//! Terraform built-in functions (placeholder until the library lands: every call is unsupported).

use crate::model::{FileIdx, Node};
use crate::source::Span;

/// Why a call has no known value.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// An argument is unknown.
    Unknown(String),
    /// Terraform would reject this call.
    Invalid(String),
    /// The function is not implemented.
    Unsupported(String),
}

/// Call Terraform function `name`.
///
/// # Errors
/// Always [`CallError::Unsupported`] in this placeholder.
pub fn call(name: &str, _args: &[Node], _span: Span, _file: FileIdx) -> Result<Node, CallError> {
    Err(CallError::Unsupported(name.to_string()))
}

/// Names of the implemented functions.
#[must_use]
pub fn implemented() -> &'static [&'static str] {
    &[]
}
