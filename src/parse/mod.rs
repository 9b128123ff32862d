//! Parsers: source text to the span-carrying model, one module per format.

pub mod dockerfile;
pub mod kubernetes;
pub mod terraform;
pub mod yaml;
pub mod yaml_scalar;
