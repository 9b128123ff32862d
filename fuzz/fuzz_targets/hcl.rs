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
    // Texts with unclosed brackets are parsed on a helper thread under a time
    // limit (the HCL parser can backtrack exponentially on them; see
    // `exponential_hcl_parses_are_stopped_at_the_deadline` in
    // tests/robustness.rs); abandoned helpers would distort fuzzing.
    if bulkhead::parse::terraform::needs_guard(text) {
        return;
    }
    if bulkhead::parse::terraform::parse_hcl(text, 0).is_ok() {
        common::evaluate_module(text, &Default::default());
    }
});
