//! bulkhead: a static analyzer for infrastructure as code (Terraform,
//! Kubernetes manifests, Dockerfiles) that enforces the A.5 Secure Operation
//! policy, across files and environments.
//!
//! The pipeline: [`walk`] discovers files, [`scan`] groups them into units and
//! parses them ([`parse`]) into the span-carrying [`model`], the [`engine`]
//! runs the check catalogue (declarative checks and [`builtin`] ones), and
//! [`report`] renders the findings.

pub mod allocator;
pub mod baseline;
pub mod builtin;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod encoding;
pub mod engine;
pub mod env;
pub mod finding;
pub mod hashing;
pub mod hcl;
pub mod model;
pub mod parse;
pub mod project;
pub mod report;
pub mod scan;
pub mod sla;
pub mod source;
pub mod suppress;
pub mod terraform;
pub mod walk;
