//! `bulkhead.toml`: parse any text as a configuration and validate it
//! against the built-in catalogue.
#![no_main]

use std::sync::OnceLock;

use bulkhead::config::Config;
use bulkhead::engine::catalogue::Catalogue;
use libfuzzer_sys::fuzz_target;

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::builtin().expect("built-in catalogue"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse("bulkhead.toml", text) {
        Ok(cfg) => {
            let _ = cfg.validate(catalogue());
            let _ = cfg.env_config();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
