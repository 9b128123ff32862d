//! Dockerfile front end: parse, then turn every instruction into a node.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(df) = bulkhead::parse::dockerfile::parse(text) {
        for ins in &df.instructions {
            let _ = ins.to_node();
        }
    }
});
