use std::collections::HashMap;
use std::path::Path;

use super::*;
use crate::config::{Config, Settings};

fn settings() -> Settings {
    Settings::new(Config { base_url: "https://example.org/news/".into(), ..Config::default() }).unwrap()
}

fn article(title: &str, date: &str, extra: &str, body: &str) -> (Article, Rendered) {
    let s = settings();
    let text = format!("---\ntitle: {title}\ndate: {date}\n{extra}\n---\n{body}");
    let name = format!("content/{}.md", crate::slug::slugify(title));
    let a = crate::content::parse(&text, Path::new(&name), &s).0.unwrap();
    let links = crate::markdown::Links {
        source_dir: "content",
        articles: &HashMap::new(),
        base_path: &s.base_path,
        raw_html: true,
    };
    let r = crate::markdown::render(&a.body, &links).into();
    (a, r)
}

fn index(items: Vec<(Article, Rendered)>, order: &[usize]) -> Index {
    let (articles, rendered): (Vec<_>, Vec<_>) = items.into_iter().unzip();
    Index::build(&articles, &rendered, order, &settings())
}

#[test]
fn indexes_title_summary_tags_and_authors() {
    let idx = index(
        vec![
            article(
                "Harbour dredging approved",
                "2024-01-02",
                "tags: [Council]\nauthor: Zoë Ørsted",
                "The *channel* &amp; the quay.\n\nSecond paragraph mentions budgets.",
            ),
            article("Market opens", "2024-01-03", "summary: Stalls & café", "Body."),
        ],
        &[1, 0],
    );
    // Ids follow the given order: the market story (index 1) is id 0.
    assert_eq!(idx.docs[0].title, "Market opens");
    assert_eq!(idx.docs[1].url, "/news/2024/01/02/harbour-dredging-approved/");
    assert_eq!(idx.docs[1].date, "2024-01-02");
    assert_eq!(idx.docs[1].shown, "January 2, 2024");
    assert_eq!(idx.docs[1].summary, "The channel & the quay.");
    assert_eq!(idx.docs[0].summary, "Stalls & café");
    for (w, ids) in [
        ("harbour", vec![1]),
        ("channel", vec![1]),
        ("council", vec![1]),
        ("zoe", vec![1]),
        ("orsted", vec![1]),
        ("cafe", vec![0]),
        ("stalls", vec![0]),
    ] {
        assert_eq!(idx.words.get(w), Some(&ids), "{w}");
    }
    // Only the summary is indexed, not the rest of the body.
    assert!(!idx.words.contains_key("budgets"));
}

#[test]
fn common_words_list_every_id_once_in_order() {
    let items: Vec<_> = (0..5)
        .map(|i| article(&format!("Vote {i}"), &format!("2024-01-0{}", i + 1), "", "Vote vote."))
        .collect();
    let idx = index(items, &[4, 3, 2, 1, 0]);
    assert_eq!(idx.words["vote"], [0, 1, 2, 3, 4]);
    assert_eq!(deltas(&idx.words["vote"]), [0, 1, 1, 1, 1]);
    assert_eq!(deltas(&[3, 4, 11]), [3, 1, 7]);
}

#[test]
fn files_are_split_by_prefix_and_block() {
    let items: Vec<_> =
        (0..3).map(|i| article(&format!("Harbour {i}"), "2024-01-01", "tags: [京都]", "Hat.")).collect();
    let idx = index(items, &[0, 1, 2]);
    let pages = idx.pages().unwrap();
    let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"search/manifest.json"));
    assert!(paths.contains(&"search/index/ha.json"));
    assert!(paths.contains(&"search/index/_4eac_90fd.json"));
    assert!(paths.contains(&"search/docs/0.json"));
    assert!(paths.contains(&"search/search.js"));
    let ha = pages.iter().find(|p| p.path == "search/index/ha.json").unwrap();
    let ha: serde_json::Value = serde_json::from_slice(&ha.bytes).unwrap();
    assert_eq!(ha, serde_json::json!({"harbour": [0, 1, 1], "hat": [0, 1, 1]}));
    let manifest = pages.iter().find(|p| p.path == "search/manifest.json").unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    assert_eq!(manifest["count"], 3);
    assert_eq!(manifest["per_shard"], DOCS_PER_SHARD);
    assert!(manifest["shards"].as_array().unwrap().contains(&"ha".into()));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let make = || {
        let items: Vec<_> =
            (0..4).map(|i| article(&format!("Story {i} about tides"), "2024-01-01", "", "x")).collect();
        index(items, &[3, 2, 1, 0]).pages().unwrap()
    };
    assert_eq!(make(), make());
}
