//! Slugs: never a path separator, dot or percent sign; slugifying a slug
//! changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let slug = dateline::slug::slugify(text);
    assert!(!slug.contains(['/', '\\', '.', '%']), "{text:?} -> {slug:?}");
    assert_eq!(dateline::slug::slugify(&slug), slug, "{text:?}");
    assert!(!slug.starts_with('-') && !slug.ends_with('-'));
});
