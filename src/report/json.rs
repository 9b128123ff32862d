//! placeholder
use crate::scan::ScanResult;
use super::ReportOptions;
/// Render.
#[must_use]
pub fn render(_r: &ScanResult, _o: &ReportOptions) -> String { String::new() }
