//! HCL front end: parse any text as a Terraform file, then evaluate it as a
//! module (variables, locals, functions, count/for_each, dynamic blocks).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if bulkhead::parse::terraform::parse_hcl(text, 0).is_ok() {
        common::evaluate_module(text, &Default::default());
    }
});
