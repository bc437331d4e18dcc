//! The floor: the least work any static-site generator must do for an
//! archive. It reads every article, renders its Markdown with pulldown-cmark
//! (tables, footnotes, strikethrough, smart punctuation), and writes one HTML file per article, in
//! parallel; no templates, no listings, no front matter beyond finding its
//! end. `benches/bench.sh` times dateline against it.
//!
//! `cargo run --release --example floor -- CONTENT_DIR OUT_DIR`

#![allow(clippy::print_stdout, reason = "a command: its report is its output")]

use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: floor CONTENT_DIR OUT_DIR".into());
    };
    let mut articles = Vec::new();
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "md") {
            articles.push(entry.into_path());
        }
    }
    articles.par_iter().enumerate().try_for_each(|(i, path)| render(path, &out.join(format!("a{i}"))))?;
    println!("{} articles", articles.len());
    Ok(())
}

fn render(path: &Path, dir: &Path) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let body = text
        .strip_prefix("---")
        .and_then(|rest| rest.find("\n---").map(|end| &rest[end + 4..]))
        .unwrap_or(&text);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut page = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut page, Parser::new_ext(body, options));
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("index.html"), page)
}
