//! placeholder
use crate::scan::ScanResult;
/// Render.
#[must_use]
pub fn render(_r: &ScanResult) -> String { String::new() }
