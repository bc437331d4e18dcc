//! Language sections: each language other than the default has its own
//! front page, tags, authors, archives, feeds, quotes and search under its
//! prefix (`/ja/`), and the default language's listings hold only its own
//! articles.

use dateline::BuildOptions;
use dateline::incremental::Session;

use crate::archives::fixture;
use crate::harness::{TestSite, main_of};

fn built() -> TestSite {
    let site = fixture("hugo-sections");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles), (6, 6));
    site
}

const EN: [&str; 3] = ["Pier to be rebuilt", "Ferry timetable changes", "Fish market reopens"];
const JA: [&str; 3] = ["桟橋を再建へ", "フェリーの時刻表が変更", "灯籠祭り"];

/// Every listing page of the language at `prefix`, joined.
fn pages(site: &TestSite, prefix: &str, rels: &[&str]) -> String {
    rels.iter().map(|r| main_of(&site.read(&format!("{prefix}{r}"))).to_string()).collect()
}

#[test]
fn each_language_lists_only_its_own_articles() {
    let site = built();
    let listings = ["index.html", "page/2/index.html", "archive/index.html"];
    let (en, ja) = (pages(&site, "", &listings), pages(&site, "ja/", &listings));
    for t in EN {
        assert!(en.contains(t) && !ja.contains(t), "{t}");
    }
    for t in JA {
        assert!(ja.contains(t) && !en.contains(t), "{t}");
    }
    assert!(site.read("ja/index.html").starts_with("<!doctype html>\n<html lang=\"ja\">"));
    // A tag both languages use has a page in each, listing each its own.
    let (en_tag, ja_tag) = (site.read("tags/harbour/index.html"), site.read("ja/tags/harbour/index.html"));
    assert!(en_tag.contains(EN[0]) && !en_tag.contains(JA[0]), "{en_tag}");
    assert!(ja_tag.contains(JA[0]) && ja_tag.contains(JA[1]) && !ja_tag.contains(EN[0]), "{ja_tag}");
    assert!(site.read("ja/tags/index.html").contains("href=\"/ja/tags/港湾/\""));
    assert!(!site.exists("tags/港湾/index.html") && !site.exists("ja/tags/market/index.html"));
    assert!(site.read("ja/authors/田中健/index.html").contains(JA[1]));
    assert!(site.read("ja/2022/08/index.html").contains(JA[2]));
    assert!(site.read("ja/2024/index.html").contains("href=\"/ja/2024/03/\""));
}

#[test]
fn pages_of_a_section_link_within_it() {
    let site = built();
    let ja = site.read("ja/2024/03/01/pier/index.html");
    for link in ["href=\"/ja/\"", "href=\"/ja/tags/\"", "href=\"/ja/search/\"", "href=\"/ja/tags/harbour/\""]
    {
        assert!(ja.contains(link), "{link}: {ja}");
    }
    assert!(ja.contains("href=\"/ja/authors/田中健/\"") && ja.contains("href=\"/ja/feed.xml\""), "{ja}");
    // Neighbours are the language's own.
    assert!(ja.contains("href=\"/ja/2022/08/15/lantern/\"") && !ja.contains(EN[2]), "{ja}");
    let en = site.read("2024/03/01/pier/index.html");
    assert!(en.contains("href=\"/tags/\"") && !en.contains("href=\"/ja/tags/"), "{en}");
    // Translations of one file name link each other.
    assert!(ja.contains("hreflang=\"en\" href=\"https://harbour.example/2024/03/01/pier/\""), "{ja}");
    assert!(en.contains("hreflang=\"ja\" href=\"https://harbour.example/ja/2024/03/01/pier/\""), "{en}");
    assert!(ja.contains("\"inLanguage\":\"ja\""), "{ja}");
    // Every page leads to each language's front page, its own marked.
    assert!(ja.contains("<a href=\"/\" hreflang=\"en\" lang=\"en\">English</a>"), "{ja}");
    assert!(
        ja.contains("<a href=\"/ja/\" hreflang=\"ja\" lang=\"ja\" aria-current=\"true\">日本語</a>"),
        "{ja}"
    );
    let tags = site.read("tags/index.html");
    assert!(tags.contains("lang=\"en\" aria-current=\"true\">English</a>"), "{tags}");
    // Readers see the other versions too, named in their own language.
    assert!(ja.contains("<a href=\"/2024/03/01/pier/\" hreflang=\"en\" lang=\"en\">English</a>"), "{ja}");
    assert!(en.contains("lang=\"ja\">日本語</a>"), "{en}");
}

#[test]
fn feeds_per_language() {
    let site = built();
    for (prefix, own, other, lang) in [("", EN, JA, "en"), ("ja/", JA, EN, "ja")] {
        let atom = site.read(&format!("{prefix}feed.xml"));
        assert!(atom.contains(&format!("xml:lang=\"{lang}\"")), "{atom}");
        assert!(own.iter().all(|t| atom.contains(t)) && !other.iter().any(|t| atom.contains(t)), "{atom}");
        let rss = site.read(&format!("{prefix}tags/harbour/rss.xml"));
        assert!(rss.contains(own[0]) && !rss.contains(other[0]), "{rss}");
        let json = site.read(&format!("{prefix}feed.json"));
        let feed: serde_json::Value = serde_json::from_str(&json).expect("JSON Feed");
        assert_eq!(feed["items"].as_array().map(Vec::len), Some(3), "{json}");
        assert_eq!(feed["language"], lang);
    }
    assert!(site.read("ja/authors/田中健/feed.xml").contains(JA[1]));
}

#[test]
fn quotes_and_search_per_language() {
    let site = built();
    let (en, ja) = (site.read("quotes/index.html"), site.read("ja/quotes/index.html"));
    assert!(en.contains("Maria Lopez") && !en.contains("Kenji Tanaka"), "{en}");
    assert!(ja.contains("Kenji Tanaka") && !ja.contains("Maria Lopez"), "{ja}");
    assert!(ja.contains("href=\"/ja/quotes/kenji-tanaka/\""), "{ja}");
    assert!(site.read("ja/quotes/kenji-tanaka/index.html").contains("before the summer"));
    let search = site.read("ja/search/index.html");
    assert!(search.contains("data-index=\"/ja/search/\""), "{search}");
    for (prefix, own, other) in [("", EN, JA), ("ja/", JA, EN)] {
        let manifest: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{prefix}search/manifest.json"))).expect("manifest");
        assert_eq!(manifest["count"], 3);
        let docs: String = site
            .files()
            .into_iter()
            .filter(|f| f.starts_with(&format!("{prefix}search/docs/")))
            .map(|f| site.read(&f))
            .collect();
        assert!(own.iter().all(|t| docs.contains(t)), "{docs}");
        assert!(!other.iter().any(|t| docs.contains(t)), "{docs}");
    }
}

#[test]
fn the_sitemap_lists_every_language_and_check_passes() {
    let site = built();
    let sitemap = site.read("sitemap.xml");
    for url in [
        "https://harbour.example/ja/",
        "https://harbour.example/ja/tags/harbour/",
        "https://harbour.example/tags/harbour/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}: {sitemap}");
    }
    // Translations and front pages name each other; plain listings do not.
    let pier =
        sitemap.split("<url>").find(|u| u.contains("<loc>https://harbour.example/ja/2024/03/01/pier/</loc>"));
    let pier = pier.expect("the article in the sitemap");
    assert!(pier.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://harbour.example/2024/03/01/pier/\"/>"), "{pier}");
    let front =
        sitemap.split("<url>").find(|u| u.contains("<loc>https://harbour.example/</loc>")).expect("front");
    assert!(front.contains("hreflang=\"ja\" href=\"https://harbour.example/ja/\""), "{front}");
    let lantern = sitemap.split("<url>").find(|u| u.contains("lantern/</loc>")).expect("lantern");
    assert!(!lantern.contains("xhtml:link"), "{lantern}");
    // The news sitemap holds every language's latest stories, each in its language.
    let news = site.read("news-sitemap.xml");
    assert!(news.contains("<loc>https://harbour.example/ja/2024/04/02/ferry/</loc>"), "{news}");
    assert!(
        news.contains("<news:language>ja</news:language>")
            && news.contains("<news:language>en</news:language>"),
        "{news}"
    );
    let out = site.cli(&["check"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn rebuilds_of_a_section_match_a_clean_build() {
    let site = fixture("hugo-sections");
    let mut session = Session::new(site.root(), &site.out(), BuildOptions::default());
    session.build().expect("first build");
    let edited = "content/ja/posts/lantern.md";
    site.file(edited, "---\ntitle: \"灯籠祭り\"\ndate: 2024-08-15\ntags: [港湾]\n---\n\"The lanterns are back,\" said Mika Sato.\n");
    session.build().expect("rebuild");
    let clean = site.root().join("clean");
    dateline::build(site.root(), &clean, &BuildOptions::default()).expect("clean build");
    assert_eq!(crate::harness::tree(&site.out()), crate::harness::tree(&clean));
    assert!(site.read("ja/quotes/index.html").contains("Mika Sato"));
    assert!(site.read("ja/tags/港湾/index.html").contains("灯籠祭り"));
    // A language that comes during a session reaches every page's list of languages.
    site.file("content/en/posts/quai.md", "---\ntitle: Le quai\ndate: 2024-03-01\nlang: fr\n---\nTexte.\n");
    session.build().expect("rebuild with French");
    let clean = site.root().join("clean2");
    dateline::build(site.root(), &clean, &BuildOptions::default()).expect("clean build");
    assert_eq!(crate::harness::tree(&site.out()), crate::harness::tree(&clean));
    assert!(site.read("2024/04/02/ferry/index.html").contains(">Français</a>"));
}
