//! Splitting and parsing front matter (YAML and TOML) of any text: never a
//! panic, and the split parts always lie inside the text in order.
#![no_main]

use std::path::Path;

use dateline::config::{Config, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parts) = dateline::content::split(text) {
        assert!(text.ends_with(parts.body));
        assert!(text.contains(parts.front));
        assert!(parts.front_line < parts.body_line);
    }
    let settings = Settings::new(Config::default()).expect("default settings");
    let (result, _warnings) = dateline::content::parse(text, Path::new("content/f.md"), &settings);
    if let Err(errors) = result {
        assert!(!errors.is_empty());
    }
});
