//! The synthetic 1,000-article corpus from `../shared/bench/gen_corpus.py`,
//! checked against the counts the generator itself says a correct site has.
//! Needs python3 and the generator (path in `DATELINE_GEN_CORPUS`, or the
//! shared folder beside the repository); without them it says so and passes.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::TestSite;

fn generator() -> Option<PathBuf> {
    let path = std::env::var_os("DATELINE_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py"));
    let python = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    (path.exists() && python).then_some(path)
}

#[test]
fn thousand_article_corpus_matches_the_generator_stats() {
    let Some(gen_corpus) = generator() else {
        eprintln!("skipped: gen_corpus.py or python3 not found (set DATELINE_GEN_CORPUS)");
        return;
    };
    let site = TestSite::new();
    let status = Command::new("python3")
        .arg(&gen_corpus)
        .args(["--n", "1000", "--flavor", "plain", "--out"])
        .arg(site.root())
        .status()
        .expect("generate");
    assert!(status.success());
    let stats =
        Command::new("python3").arg(&gen_corpus).args(["--n", "1000", "--stats"]).output().expect("stats");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats json");
    let report = site.build().expect("build");
    assert_eq!(report.articles, 1000);

    let files = site.files();
    let count = |pred: &dyn Fn(&[&str]) -> bool| {
        files.iter().filter(|f| pred(&f.split('/').collect::<Vec<_>>())).count() as u64
    };
    let articles = count(&|p| p.len() == 5 && p[0].len() == 4 && p[0].chars().all(|c| c.is_ascii_digit()));
    assert_eq!(articles, 1000, "one page per article");
    let tag_firsts = count(&|p| p.len() == 3 && p[0] == "tags" && p[2] == "index.html");
    assert_eq!(tag_firsts, stats["tags"].as_u64().expect("tags"), "one page per tag");
    let tag_pages = count(&|p| p[0] == "tags" && p.len() >= 3 && p.last() == Some(&"index.html"));
    assert_eq!(tag_pages, stats["tag_pages_paginated_20"].as_u64().expect("paginated"));
    let index_pages = count(&|p| p == ["index.html"] || p.len() == 3 && p[0] == "page");
    assert_eq!(index_pages, stats["index_pages_20"].as_u64().expect("index pages"));

    // The biggest tag's pages hold exactly its articles.
    let counts = stats["tag_counts"].as_object().expect("tag counts");
    let (name, n) = counts.iter().max_by_key(|(_, v)| v.as_u64()).expect("a tag");
    let slug = dateline::slug::slugify(name);
    let n = n.as_u64().expect("n") as usize;
    let mut seen = 0;
    for page in 1..=n.div_ceil(20) {
        let rel = if page == 1 {
            format!("tags/{slug}/index.html")
        } else {
            format!("tags/{slug}/page/{page}/index.html")
        };
        seen += crate::harness::stories(&site.read(&rel));
    }
    assert_eq!(seen, n, "{name}");
}
