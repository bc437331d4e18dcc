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

fn ids(idx: &Index, stem: &str) -> Vec<u32> {
    idx.terms.get(stem).map(|l| l.iter().map(|p| p.0).collect()).unwrap_or_default()
}

#[test]
fn indexes_every_field_and_the_whole_body() {
    let idx = index(
        vec![
            article(
                "Harbour dredging approved",
                "2024-01-02",
                "tags: [Council]\nauthor: Zoë Ørsted",
                "The *channel* &amp; the quay.\n\nParagraph nine mentions budgets.",
            ),
            article("Market opens", "2024-01-03", "summary: Stalls & café", "Body."),
        ],
        &[1, 0],
    );
    // Ids count from the oldest: the harbour story (index 0) is id 0.
    assert_eq!(idx.docs[1].title, "Market opens");
    assert_eq!(idx.docs[0].url, "/news/2024/01/02/harbour-dredging-approved/");
    assert_eq!(idx.docs[0].date, "2024-01-02");
    assert_eq!(idx.docs[0].shown, "January 2, 2024");
    assert_eq!(idx.docs[0].tags, ["Council"]);
    assert_eq!(idx.docs[0].authors, ["Zoë Ørsted"]);
    for (stem, want) in [
        ("harbour", vec![0]),
        ("dredg", vec![0]),
        ("channel", vec![0]),
        ("budget", vec![0]),
        ("council", vec![0]),
        ("zoe", vec![0]),
        ("orsted", vec![0]),
        ("cafe", vec![1]),
        ("stall", vec![1]),
    ] {
        assert_eq!(ids(&idx, stem), want, "{stem}");
    }
    assert_eq!(idx.tags["Council"], [0]);
    assert_eq!(idx.years, [("2024".to_string(), 0)]);
}

#[test]
fn headline_words_weigh_more_than_body_words() {
    let idx = index(
        vec![
            article("Tide tables", "2024-01-01", "", "Nothing else here."),
            article("Other news", "2024-01-02", "", "Tide tables were printed."),
        ],
        &[1, 0],
    );
    let tide = &idx.terms["tide"];
    assert_eq!(tide.len(), 2);
    assert!(tide[0].1 >= 16, "headline bonus: {tide:?}");
    assert!(tide[1].1 < 16 && tide[1].1 >= 1, "{tide:?}");
    assert!(weight(5.0, false, 100, 100.0) > weight(1.0, false, 100, 100.0));
    assert!(weight(1.0, false, 50, 100.0) > weight(1.0, false, 400, 100.0), "short articles first");
}

#[test]
fn words_the_browser_cannot_stem_are_aliased() {
    let idx = index(vec![article("Happy sailors", "2024-01-01", "", "They dredged it.")], &[0]);
    assert_eq!(idx.aliases.get("happy").map(String::as_str), Some("happi"));
    assert!(!idx.aliases.contains_key("dredged"), "dredg is found by the rule");
    let stems = ["dredg", "dred", "happi"];
    assert_eq!(guess("dredged", |s| stems.contains(&s)), Some("dredg"));
    assert_eq!(guess("dredgers", |s| stems.contains(&s)), Some("dredg"));
    assert_eq!(guess("happy", |s| stems.contains(&s)), None);
    assert_eq!(guess("京", |s| s == "京"), Some("京"));
}

#[test]
fn common_words_list_every_id_once_in_order() {
    let items: Vec<_> = (0..5)
        .map(|i| article(&format!("Vote {i}"), &format!("2024-01-0{}", i + 1), "", "Vote vote."))
        .collect();
    let idx = index(items, &[4, 3, 2, 1, 0]);
    assert_eq!(ids(&idx, "vote"), [0, 1, 2, 3, 4]);
}

fn find<'a>(pages: &'a [Page], prefix: &str) -> Vec<&'a Page> {
    pages.iter().filter(|p| p.path.starts_with(prefix)).collect()
}

#[test]
fn files_are_named_by_their_bytes_and_listed_in_the_manifest() {
    let items: Vec<_> =
        (0..3).map(|i| article(&format!("Harbour {i}"), "2024-01-01", "tags: [京都]", "Hat.")).collect();
    let idx = index(items, &[0, 1, 2]);
    let pages = idx.pages().unwrap();
    let manifest = find(&pages, "search/manifest.json")[0];
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    assert_eq!(manifest["count"], 3);
    assert_eq!(manifest["docs_per_file"], DOCS_PER_FILE);
    assert_eq!(manifest["files_per_ids"], FILES_PER_IDS);
    let shard = manifest["shards"][0][1].as_str().unwrap();
    assert_eq!(manifest["shards"][0][0], "");
    let shard = find(&pages, &format!("search/shard/{shard}.json"))[0];
    let shard: serde_json::Value = serde_json::from_slice(&shard.bytes).unwrap();
    assert_eq!(encode::decode(shard["postings"]["harbour"].as_str().unwrap()).unwrap().len(), 6);
    assert!(shard["postings"]["京都"].is_string());
    let ids = find(&pages, &format!("search/ids/{}.json", manifest["ids"][0].as_str().unwrap()))[0];
    let files: Vec<String> = serde_json::from_slice(&ids.bytes).unwrap();
    assert_eq!(files.len(), 1, "3 articles, one docs file");
    let docs = find(&pages, &format!("search/docs/{}.json", files[0]));
    assert_eq!(docs.len(), 1);
    assert_eq!(files[0], super::files::fingerprint(&docs[0].bytes));
    let docs: serde_json::Value = serde_json::from_slice(&docs[0].bytes).unwrap();
    assert_eq!(docs[0]["title"], "Harbour 2", "ids count from the end of the listing order");
    assert_eq!(find(&pages, "search/facets/").len(), 1);
    assert_eq!(find(&pages, "search/search.js").len(), 1);
}

#[test]
fn a_large_index_is_cut_into_shards_that_keep_their_names() {
    let n = 1500;
    let body = |i: usize| (0..80).map(|w| format!("w{}x{} ", w * 7 + i % 13, i % 9)).collect::<String>();
    let items: Vec<_> = (0..n).map(|i| article(&format!("Story {i}"), "2024-01-01", "", &body(i))).collect();
    let order: Vec<usize> = (0..n).collect();
    let (articles, mut rendered): (Vec<_>, Vec<_>) = items.into_iter().unzip();
    let before = Index::build(&articles, &rendered, &order, &settings()).pages().unwrap();
    let shards = find(&before, "search/shard/");
    assert!(shards.len() > 3, "{} shards", shards.len());
    assert!(shards.iter().all(|p| p.bytes.len() < super::files::SHARD_BYTES * 4));
    // One word of one article changes: the shards of other words keep their
    // bytes and names.
    rendered[750].html = format!("<p>zebra {}</p>", &body(750)[5..]);
    let after = Index::build(&articles, &rendered, &order, &settings()).pages().unwrap();
    let names = |pages: &[Page]| -> std::collections::BTreeSet<String> {
        find(pages, "search/shard/").iter().map(|p| p.path.clone()).collect()
    };
    let (b, a) = (names(&before), names(&after));
    let kept = b.intersection(&a).count();
    assert!(kept + 2 >= b.len(), "{kept} of {} shards kept", b.len());
    assert_eq!(find(&before, "search/docs/"), find(&after, "search/docs/"), "no headline changed");
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

/// The files an index cache gives after a build, with the bytes of those it
/// kept from before.
fn cached_files(
    articles: &[Article],
    rendered: &[Rendered],
    order: &[usize],
    cache: &mut Cache,
    disk: &mut std::collections::BTreeMap<String, Vec<u8>>,
) -> (std::collections::BTreeMap<String, Vec<u8>>, usize) {
    let out = pages_cached(articles, rendered, order, &settings(), cache).unwrap();
    let made = out.pages.iter().filter(|p| !p.path.contains("/ids/")).count();
    let mut files = std::collections::BTreeMap::new();
    for path in out.kept {
        let bytes = disk.get(&path).cloned().unwrap_or_else(|| panic!("kept {path} was never made"));
        files.insert(path, bytes);
    }
    for p in out.pages {
        files.insert(p.path, p.bytes);
    }
    *disk = files.clone();
    (files, made)
}

fn clean_files(
    articles: &[Article],
    rendered: &[Rendered],
    order: &[usize],
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let index = Index::build(articles, rendered, order, &settings());
    index.pages().unwrap().into_iter().map(|p| (p.path, p.bytes)).collect()
}

#[test]
fn a_cached_index_equals_a_clean_one_after_every_edit() {
    let n = 1203;
    let body = |i: usize, extra: &str| {
        let words: String = (0..60).map(|w| format!("w{}x{} ", w * 7 + i % 13, i % 9)).collect();
        format!("<p>{extra} {words} happy café cafe</p>")
    };
    let tags = |i: usize| format!("tags: [T{}]", i % 5);
    let items: Vec<_> = (0..n)
        .map(|i| article(&format!("Story {i}"), &format!("2024-01-{:02}", 1 + i % 28), &tags(i), "x"))
        .collect();
    let (mut articles, mut rendered): (Vec<_>, Vec<_>) = items.into_iter().unzip();
    for (i, r) in rendered.iter_mut().enumerate() {
        r.html = body(i, "");
        r.version = i as u64;
    }
    let mut order: Vec<usize> = (0..n).collect();
    let (mut cache, mut disk) = (Cache::default(), Default::default());
    // The last two leave the text as it was: a new version alone.
    let edits: Vec<(usize, &str)> = vec![
        (600, "zebra"),
        (600, "zebras zebra"),
        (3, "happiness"),
        (600, ""),
        (n - 1, "w1x1 quay"),
        (n - 1, ""),
        (n - 1, ""),
    ];
    let (mut first, _) = cached_files(&articles, &rendered, &order, &mut cache, &mut disk);
    let clean = clean_files(&articles, &rendered, &order);
    assert_eq!(first.keys().collect::<Vec<_>>(), clean.keys().collect::<Vec<_>>());
    assert!(first == clean, "the first build differs from a clean one");
    let mut made_by_step = Vec::new();
    for (step, (at, words)) in edits.into_iter().enumerate() {
        rendered[at].html = body(at, words);
        rendered[at].version = 10_000 + step as u64;
        let (files, made) = cached_files(&articles, &rendered, &order, &mut cache, &mut disk);
        let clean = clean_files(&articles, &rendered, &order);
        assert_eq!(files.keys().collect::<Vec<_>>(), clean.keys().collect::<Vec<_>>(), "edit {step}");
        assert!(files == clean, "edit {step}: bytes differ");
        assert!(made < files.len() / 4, "edit {step}: {made} of {} files made again", files.len());
        made_by_step.push(made);
        first = files;
    }
    // Unchanged text makes no shard, document or facet file again: only
    // the manifest and the script, which are made every time.
    assert_eq!(made_by_step[made_by_step.len() - 1], 2, "{made_by_step:?}");
    // A tag changed: the facets and the article's document file are made again.
    articles[7].tags = vec!["Harbour".into()];
    rendered[7].version = 50_000;
    let (files, made) = cached_files(&articles, &rendered, &order, &mut cache, &mut disk);
    assert!(files == clean_files(&articles, &rendered, &order), "after a tag change");
    assert_eq!(made, 5, "the facets, one docs file, the shard of the tag word, the manifest, the script");
    // The last article taken out: the last docs file loses one.
    order.pop();
    let (files, _) = cached_files(&articles, &rendered, &order, &mut cache, &mut disk);
    assert!(files == clean_files(&articles, &rendered, &order), "after the last article went");
    // An article taken out and one headline changed: ids move, and the
    // index is made again from the kept analyses.
    order.remove(10);
    articles[20].title = "Harbour".into();
    rendered[20].version = 99_999;
    let (files, _) = cached_files(&articles, &rendered, &order, &mut cache, &mut disk);
    assert!(files == clean_files(&articles, &rendered, &order) && files != first, "after a removal");
}

#[test]
fn weights_round_as_f32_round_does() {
    let halves = (0..32).map(|n| n as f32 / 2.0);
    // The floats on either side of each half.
    let near =
        halves.clone().flat_map(|x| [x.to_bits().saturating_sub(1), x.to_bits() + 1].map(f32::from_bits));
    let spread = (0..100_000).map(|n| n as f32 * 15.0 / 100_000.0);
    for x in halves.chain(near).chain(spread).filter(|x| (0.0..255.0).contains(x)) {
        assert_eq!(round(x), x.round() as u8, "{x}");
    }
}
