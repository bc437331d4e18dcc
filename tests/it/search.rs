//! The search page and its sharded index, on fixture sites.

use crate::harness::TestSite;
use dateline::BuildOptions;
use serde_json::Value;

fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Decodes a delta-encoded id list.
fn ids(list: &Value) -> Vec<u64> {
    let mut id = 0;
    list.as_array()
        .expect("array")
        .iter()
        .map(|d| {
            id += d.as_u64().expect("number");
            id
        })
        .collect()
}

#[test]
fn search_page_script_and_shards_are_written() {
    let site = TestSite::new();
    site.article(
        "2024/harbour.md",
        "title: Harbour dredging approved\ndate: 2024-02-01\ntags: [Café Culture]\nauthor: Zoë Ørsted",
        "The council voted 5-2.\n",
    )
    .article(
        "2024/market.md",
        "title: Market opens by the harbour\ndate: 2024-02-10\nsummary: Stalls & <b>music</b>",
        "Body.\n",
    );
    site.build_with(&BuildOptions {
        base_url: Some("https://example.org/news/".into()),
        ..BuildOptions::default()
    })
    .expect("build");

    let page = site.read("search/index.html");
    assert!(page.contains("data-index=\"/news/search/\""), "{page}");
    assert!(page.contains("<script src=\"/news/search/search.js\" defer></script>"));
    assert!(site.read("index.html").contains("<a href=\"/news/search/\">Search</a>"));
    assert!(site.read("search/search.js").contains("function shardKey"));

    let manifest = json(&site, "search/manifest.json");
    assert_eq!(manifest["count"], 2);
    assert_eq!(manifest["per_shard"], 500);
    let shards: Vec<&str> =
        manifest["shards"].as_array().expect("shards").iter().map(|s| s.as_str().expect("key")).collect();
    for key in &shards {
        assert!(site.exists(&format!("search/index/{key}.json")), "{key}");
    }
    // Newest first: the market story is id 0, the harbour story id 1.
    let ha = json(&site, "search/index/ha.json");
    assert_eq!(ids(&ha["harbour"]), [0, 1]);
    assert_eq!(ids(&json(&site, "search/index/ca.json")["cafe"]), [1]);
    assert_eq!(ids(&json(&site, "search/index/zo.json")["zoe"]), [1]);
    assert_eq!(ids(&json(&site, "search/index/mu.json")["music"]), [0]);
    let docs = json(&site, "search/docs/0.json");
    assert_eq!(docs[0]["title"], "Market opens by the harbour");
    assert_eq!(docs[0]["url"], "/news/2024/02/10/market/");
    assert_eq!(docs[0]["summary"], "Stalls & <b>music</b>", "plain text, escaped by the script");
    assert_eq!(docs[1]["date"], "2024-02-01");
    assert_eq!(docs[1]["shown"], "February 1, 2024");
    assert_eq!(docs[1]["summary"], "The council voted 5-2.");
}

#[test]
fn metadata_is_split_every_500_articles() {
    let site = TestSite::new();
    site.many(501);
    site.build().expect("build");
    assert_eq!(json(&site, "search/docs/0.json").as_array().expect("docs").len(), 500);
    let last = json(&site, "search/docs/1.json");
    assert_eq!(last.as_array().expect("docs").len(), 1);
    assert_eq!(last[0]["title"], "Story 0", "the oldest story has the last id");
    assert!(!site.exists("search/docs/2.json"));
    let every = ids(&json(&site, "search/index/ev.json")["every"]);
    assert_eq!(every, (0..501).collect::<Vec<u64>>());
}

#[test]
fn drafts_and_embargoed_stories_are_not_indexed() {
    let site = TestSite::new();
    site.article("a.md", "title: Public tide table\ndate: 2024-01-01", "x\n")
        .article("b.md", "title: Secret tide plan\ndate: 2024-01-02\ndraft: true", "x\n")
        .article("c.md", "title: Future tide news\ndate: 2999-01-01", "x\n");
    site.build().expect("build");
    let ti = json(&site, "search/index/ti.json");
    assert_eq!(ids(&ti["tide"]), [0]);
    assert!(!site.read("search/docs/0.json").contains("Secret"));
    assert!(!site.read("search/docs/0.json").contains("Future"));
}
