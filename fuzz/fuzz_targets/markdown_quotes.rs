//! Any body through Markdown, quote extraction, pull-out choice and HTML:
//! never a panic.
#![no_main]

use std::collections::HashMap;
use std::path::Path;

use dateline::config::{Config, Settings};
use dateline::markdown::{self, Links};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::new(Config::default()).expect("default settings");
    let text = format!("---\ntitle: Fuzz\ndate: 2024-01-01\n---\n{body}");
    let (result, _) = dateline::content::parse(&text, Path::new("content/f.md"), &settings);
    let Ok(article) = result else {
        return;
    };
    let articles = HashMap::new();
    let links = Links {
        source_dir: "content",
        articles: &articles,
        base_path: "/",
        raw_html: data.first().is_some_and(|b| b % 2 == 0),
    };
    let parsed = markdown::parse(&article.body, &links);
    let blocks = parsed.blocks();
    if let Ok((_quotes, _pullouts, deco)) = dateline::pullout::analyse(&article, &blocks, 2) {
        let rendered = parsed.render(&deco);
        assert!(rendered.summary_html.len() <= rendered.html.len() + article.body.len() * 8 + 64);
    }
});
