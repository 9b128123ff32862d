//! Suppression comments and annotations: parse the text after the marker,
//! and find every directive in a file of each format.
#![no_main]

#[path = "common.rs"]
mod common;

use bulkhead::source::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = bulkhead::suppress::parse_parts(text);
    for (name, kind) in [
        ("main.tf", FileKind::Terraform),
        ("pod.yaml", FileKind::Yaml),
        ("Dockerfile", FileKind::Dockerfile),
    ] {
        let src = common::source(name, kind, text);
        for d in bulkhead::suppress::directives(&src) {
            assert!(d.span.start <= d.span.end);
            assert!(d.span.end as usize <= text.len(), "{d:?}");
            let _ = format!("{d:?}");
        }
    }
});
