//! The search page and its index files, on fixture sites.

use crate::harness::TestSite;
use dateline::BuildOptions;
use dateline::search::encode;
use serde_json::Value;

fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The index as the browser reads it: manifest, then a key's shard.
struct Reader<'a> {
    site: &'a TestSite,
    manifest: Value,
}

impl<'a> Reader<'a> {
    fn new(site: &'a TestSite) -> Self {
        Reader { site, manifest: json(site, "search/manifest.json") }
    }

    fn shard_of(&self, key: &str) -> Value {
        let shards = self.manifest["shards"].as_array().expect("shards");
        let at = shards.iter().rposition(|s| s[0].as_str().expect("key") <= key).expect("first shard");
        json(self.site, &format!("search/shard/{}.json", shards[at][1].as_str().expect("name")))
    }

    /// Ids of a stem, without weights.
    fn ids(&self, stem: &str) -> Vec<u32> {
        let shard = self.shard_of(stem);
        let Some(text) = shard["postings"][stem].as_str() else { return Vec::new() };
        let numbers = encode::decode(text).expect("postings");
        let mut id = 0;
        numbers
            .chunks(2)
            .map(|p| {
                id += p[0];
                id
            })
            .collect()
    }

    fn doc(&self, id: usize) -> Value {
        let m = &self.manifest;
        let per = m["docs_per_file"].as_u64().expect("docs_per_file") as usize;
        let files = m["files_per_ids"].as_u64().expect("files_per_ids") as usize;
        let file = id / per;
        let ids = m["ids"][file / files].as_str().expect("ids file");
        let names = json(self.site, &format!("search/ids/{ids}.json"));
        let docs =
            json(self.site, &format!("search/docs/{}.json", names[file % files].as_str().expect("name")));
        docs[id % per].clone()
    }
}

#[test]
fn the_index_holds_every_field_and_the_whole_body() {
    let site = TestSite::new();
    site.article(
        "2024/harbour.md",
        "title: Harbour dredging approved\ndate: 2024-02-01\ntags: [Café Culture]\nauthor: Zoë Ørsted",
        "The council voted 5-2.\n\nIn paragraph nine, a mattress was found.\n",
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
    assert!(page.contains("aria-live=\"polite\""));
    assert!(site.read("index.html").contains("<a href=\"/news/search/\">Search</a>"));
    assert!(site.read("search/search.js").contains("function stemsOf"));

    let r = Reader::new(&site);
    assert_eq!(r.manifest["count"], 2);
    assert_eq!(r.manifest["years"], serde_json::json!([["2024", 0]]));
    // Oldest first: the harbour story is id 0, the market story id 1.
    assert_eq!(r.ids("harbour"), [0, 1]);
    assert_eq!(r.ids("mattress"), [0], "a word of the body only");
    assert_eq!(r.ids("dredg"), [0], "stemmed");
    assert_eq!(r.ids("cafe"), [0]);
    assert_eq!(r.ids("zoe"), [0]);
    assert_eq!(r.ids("music"), [1]);
    let doc = r.doc(1);
    assert_eq!(doc["title"], "Market opens by the harbour");
    assert_eq!(doc["url"], "/news/2024/02/10/market/");
    assert_eq!(doc["shown"], "February 10, 2024");
    let doc = r.doc(0);
    assert_eq!(doc["date"], "2024-02-01");
    assert_eq!(doc["authors"], serde_json::json!(["Zoë Ørsted"]));
    assert_eq!(doc["tags"], serde_json::json!(["Café Culture"]));
    let facets =
        json(&site, &format!("search/facets/{}.json", r.manifest["facets"].as_str().expect("facets")));
    assert_eq!(facets["tags"], serde_json::json!([["Café Culture", "0"]]));
}

#[test]
fn drafts_and_embargoed_stories_are_not_indexed() {
    let site = TestSite::new();
    site.article("a.md", "title: Public tide table\ndate: 2024-01-01", "x\n")
        .article("b.md", "title: Secret tide plan\ndate: 2024-01-02\ndraft: true", "x\n")
        .article("c.md", "title: Future tide news\ndate: 2999-01-01", "x\n");
    site.build().expect("build");
    let r = Reader::new(&site);
    assert_eq!(r.ids("tide"), [0]);
    assert!(r.ids("secret").is_empty());
    assert!(r.ids("futur").is_empty());
    assert_eq!(r.manifest["count"], 1);
}

#[test]
fn index_files_are_named_by_their_bytes() {
    let site = TestSite::new();
    site.many(600);
    site.build().expect("build");
    let r = Reader::new(&site);
    assert_eq!(r.manifest["ids"].as_array().expect("ids").len(), 1, "4,096 articles an ids file");
    let names = json(&site, &format!("search/ids/{}.json", r.manifest["ids"][0].as_str().expect("ids")));
    assert_eq!(names.as_array().expect("names").len(), 75, "8 articles a docs file");
    assert_eq!(r.doc(599)["title"], "Story 599", "the newest story has the last id");
    for f in site.files().iter().filter(|f| f.starts_with("search/") && f.ends_with(".json")) {
        if f == "search/manifest.json" {
            continue;
        }
        let hash = f.rsplit('/').next().expect("name").trim_end_matches(".json");
        assert_eq!(hash.len(), 12, "{f}");
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{f}");
    }
}

#[test]
fn a_rebuild_after_one_edit_rewrites_few_index_files() {
    let site = TestSite::new();
    site.many(300);
    site.article("edited.md", "title: Lighthouse keeper retires\ndate: 2020-01-01", "After forty years.\n");
    let mut session = dateline::incremental::Session::new(site.root(), &site.out(), BuildOptions::default());
    session.build().expect("first build");
    let before: std::collections::BTreeSet<String> =
        site.files().into_iter().filter(|f| f.starts_with("search/")).collect();
    site.article("edited.md", "title: Lighthouse keeper retires\ndate: 2020-01-01", "After fifty years.\n");
    session.build().expect("rebuild");
    let after: std::collections::BTreeSet<String> =
        site.files().into_iter().filter(|f| f.starts_with("search/")).collect();
    let new: Vec<&String> = after.difference(&before).collect();
    // The shards of "forty" and "fifty", nothing else.
    assert!((1..=2).contains(&new.len()), "{new:?}");
    assert!(new.iter().all(|f| f.starts_with("search/shard/")), "{new:?}");
    assert_eq!(before.len(), after.len(), "old files are removed");
    let r = Reader::new(&site);
    assert_eq!(r.ids("fifti"), [0]);
    assert!(r.ids("forti").is_empty());
}

#[test]
fn the_site_has_an_icon_unless_it_brings_its_own() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01", "x\n");
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("build");
    assert_eq!(std::fs::read(site.out().join("favicon.ico")).expect("icon"), dateline::favicon::ICON);
    assert!(site.read("index.html").contains("<link rel=\"icon\" href=\"/news/favicon.ico\""));
    site.file("static/favicon.ico", "own icon");
    site.build().expect("build");
    assert_eq!(site.read("favicon.ico"), "own icon");
}
