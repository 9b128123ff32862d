//! YAML/JSON front end: load every document, then read Kubernetes objects
//! and their pod specs from them.
#![no_main]

#[path = "common.rs"]
mod common;

use bulkhead::parse::yaml::{self, YamlLimits};
use bulkhead::source::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = common::source("fuzz.yaml", FileKind::Yaml, text);
    if let Ok(loaded) = yaml::load(&src, 0, YamlLimits::default()) {
        for d in &loaded.documents {
            assert!(d.root.span.end as usize <= text.len() + 1);
        }
        let objects = bulkhead::parse::kubernetes::objects(loaded.documents);
        for o in &objects {
            let _ = o.address();
            let _ = o.pod_spec();
            let _ = o.containers().len();
        }
    }
});
