//! The synthetic 1,000-article corpus of `examples/gen_corpus`, built and
//! checked against the counts the generator itself says a correct site has.

use crate::gen_corpus::{self, Flavor};
use crate::harness::TestSite;

#[test]
fn thousand_article_corpus_matches_the_generator_stats() {
    let site = TestSite::new();
    gen_corpus::write(site.root(), 1000, 1, Flavor::Plain).expect("generate");
    let stats = gen_corpus::stats(1000, 1);
    let report = site.build().expect("build");
    assert_eq!(report.articles, 1000);

    let files = site.files();
    let count = |pred: &dyn Fn(&[&str]) -> bool| {
        files.iter().filter(|f| pred(&f.split('/').collect::<Vec<_>>())).count()
    };
    let articles = count(&|p| p.len() == 5 && p[0].len() == 4 && p[0].chars().all(|c| c.is_ascii_digit()));
    assert_eq!(articles, 1000, "one page per article");
    let tag_firsts = count(&|p| p.len() == 3 && p[0] == "tags" && p[2] == "index.html");
    assert_eq!(tag_firsts, stats.tags, "one page per tag");
    let tag_pages = count(&|p| p[0] == "tags" && p.len() >= 3 && p.last() == Some(&"index.html"));
    assert_eq!(tag_pages, stats.tag_pages_paginated_20);
    let index_pages = count(&|p| p == ["index.html"] || p.len() == 3 && p[0] == "page");
    assert_eq!(index_pages, stats.index_pages_20);
    let author_firsts = count(&|p| p.len() == 3 && p[0] == "authors" && p[2] == "index.html");
    assert_eq!(author_firsts, stats.authors, "one page per author");
    let years = count(&|p| p.len() == 2 && p[0].len() == 4 && p[0].parse::<u32>().is_ok());
    assert_eq!(years, stats.years, "one page per year");

    // The biggest tag's pages hold exactly its articles.
    let (name, &n) = stats.tag_counts.iter().max_by_key(|(_, n)| **n).expect("a tag");
    assert_eq!(n, stats.max_tag_count);
    let slug = dateline::slug::slugify(name);
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

#[test]
fn corpus_is_the_same_for_a_seed_and_grows_by_appending() {
    let small: Vec<String> = gen_corpus::articles(50, 7).map(|a| a.text(Flavor::Plain)).collect();
    let large: Vec<String> = gen_corpus::articles(80, 7).map(|a| a.text(Flavor::Plain)).collect();
    assert_eq!(small[..], large[..50], "the first articles of a larger archive are the smaller one");
    let other: Vec<String> = gen_corpus::articles(50, 8).map(|a| a.text(Flavor::Plain)).collect();
    assert_ne!(small, other, "another seed, another archive");
    for a in gen_corpus::articles(200, 7) {
        assert!((350..=1250).contains(&a.words), "{} words in {}", a.words, a.slug);
        assert!(a.body.contains('“'), "every article quotes someone: {}", a.slug);
        assert!((1..=5).contains(&a.tags.len()));
    }
}
