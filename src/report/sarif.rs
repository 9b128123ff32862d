//! placeholder
use crate::scan::ScanResult;
use crate::engine::catalogue::Catalogue;
use super::ReportOptions;
/// Render.
#[must_use]
pub fn render(_r: &ScanResult, _c: &Catalogue, _o: &ReportOptions) -> String { String::new() }
