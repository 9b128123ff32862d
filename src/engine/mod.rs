//! The check engine: the catalogue, the declarative matcher, and the dispatch
//! of checks to the targets of a scan unit.

pub mod catalogue;
pub mod docs;
pub mod matcher;
pub mod run;
