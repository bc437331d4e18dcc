//! Pages (issue 21): files under `content/pages/` or marked `page: true`
//! are undated pages at stable URLs, with the site's layout and in no
//! listing, feed, sitemap or index.

use crate::harness::{TestSite, main_of};
use dateline::incremental::Session;

fn newsroom() -> TestSite {
    let site = TestSite::new();
    site.file("site.yaml", "title: The Millbrook Ledger\nbase_url: https://ledger.example.org/\n")
        .article(
            "2024/bridge.md",
            "title: Council votes to fix the bridge\ndate: 2024-02-01\ntags: [council]",
            "The council voted.\n\nRead our [corrections policy](/corrections/).\n",
        )
        .file(
            "content/pages/about.md",
            "---\ntitle: About the Ledger\nsummary: Who we are and how to reach the newsroom.\n---\n\
             The Ledger has covered Millbrook since 1921.\n\nSee the [bridge story](../2024/bridge.md).\n",
        )
        .file(
            "content/pages/policies/corrections.md",
            "---\ntitle: Corrections policy\nupdated: 2024-03-01\nslug: corrections\n---\nWe correct errors promptly.\n",
        )
        .file(
            "content/misc/subscribe.md",
            "---\ntitle: Subscribe\npage: true\nurl: /subscribe-now/\n---\nSubscribe to the Ledger.\n",
        );
    site
}

#[test]
fn pages_build_at_their_urls_with_the_site_layout() {
    let site = newsroom();
    let report = site.build().expect("build");
    assert_eq!((report.articles, report.pages), (1, 3), "pages are not articles");
    let about = site.read("about/index.html");
    assert!(about.contains("<header class=\"masthead\">"), "the masthead");
    assert!(about.contains("<h1 class=\"headline\">About the Ledger</h1>"), "{about}");
    assert!(about.contains("<title>About the Ledger · The Millbrook Ledger</title>"));
    assert!(
        about.contains("<meta name=\"description\" content=\"Who we are and how to reach the newsroom.\">")
    );
    assert!(about.contains("<link rel=\"canonical\" href=\"https://ledger.example.org/about/\">"));
    assert!(about.contains("href=\"/2024/02/01/bridge/\""), "a link to an article's file is resolved");
    let main = main_of(&about);
    assert!(!main.contains("<time"), "no date on a page: {main}");
    // A nested page, renamed by its slug, showing when it was last revised.
    let corrections = site.read("policies/corrections/index.html");
    assert!(corrections.contains("We correct errors promptly."));
    assert!(
        corrections
            .contains("Last updated <time datetime=\"2024-03-01T00:00:00+00:00\">March 1, 2024</time>")
    );
    // `page: true` elsewhere, at its `url`.
    assert!(site.read("subscribe-now/index.html").contains("Subscribe to the Ledger."));
    assert!(!site.exists("subscribe/index.html") && !site.exists("misc/subscribe/index.html"));
}

#[test]
fn pages_are_in_no_listing_feed_sitemap_or_index() {
    let site = newsroom();
    site.build().expect("build");
    let files = site.files();
    for file in &files {
        if file.ends_with(".html")
            && !["about/", "policies/", "subscribe-now/"].iter().any(|p| file.starts_with(p))
            || file.ends_with(".xml")
            || file.ends_with(".json")
        {
            let text = site.read(file);
            for title in ["About the Ledger", "Corrections policy", "Subscribe"] {
                assert!(!text.contains(title), "{file} mentions the page {title}");
            }
            for url in ["/about/", "/policies/corrections/", "/subscribe-now/"] {
                assert!(!text.contains(url), "{file} links to the page {url}");
            }
        }
    }
    assert!(files.iter().any(|f| f == "tags/council/index.html") && files.iter().any(|f| f == "feed.xml"));
    assert!(files.iter().any(|f| f.starts_with("sitemap")), "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with("tags/") && f.contains("about")));
}

#[test]
fn a_page_url_taken_by_an_article_or_listing_is_a_located_error() {
    let site = TestSite::new();
    site.file("site.yaml", "permalink: /:slug/\n")
        .article("2024/about.md", "title: About town\ndate: 2024-02-01", "News.\n")
        .file("content/pages/about.md", "---\ntitle: About us\n---\nUs.\n")
        .file("content/pages/tags.md", "---\ntitle: Our tags\nurl: /tags/\n---\nTags.\n")
        .file("content/pages/again.md", "---\ntitle: About again\nslug: about\n---\nUs again.\n");
    let err = site.build().expect_err("collisions").to_string();
    assert!(
        err.contains("content/pages/about.md:1:1: the page URL /about/ is already the URL of the article content/2024/about.md"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/pages/tags.md:1:1: the page URL /tags/ is already the URL of a page dateline makes"
        ),
        "{err}"
    );
    assert!(err.contains("content/pages/again.md:1:1: the page URL /about/ is already the URL of the page content/pages/about.md"), "{err}");
    assert!(!site.out().exists(), "nothing written");
}

#[test]
fn a_broken_page_is_a_located_error_and_a_missing_date_is_fine() {
    let site = TestSite::new();
    site.article("2024/a.md", "title: A\ndate: 2024-02-01", "A.\n")
        .file("content/pages/contact.md", "---\ntitle: Contact\n---\nCall us.\n")
        .file("content/pages/broken.md", "---\ntitle: [unclosed\n---\nx\n")
        .file("content/pages/untitled.md", "---\nsummary: no title\n---\nx\n")
        .file("content/pages/bad-url.md", "---\ntitle: Bad\nurl: https://elsewhere.example/\n---\nx\n");
    let err = site.build().expect_err("broken pages").to_string();
    assert!(err.contains("content/pages/broken.md:3:1: invalid YAML"), "{err}");
    assert!(err.contains("content/pages/untitled.md:1:1: missing `title`"), "{err}");
    assert!(
        err.contains("content/pages/bad-url.md:1:1: `url: https://elsewhere.example/` is not a page path"),
        "{err}"
    );
    assert!(!err.contains("contact.md"), "no date is fine for a page: {err}");
    for f in ["broken", "untitled", "bad-url"] {
        std::fs::remove_file(site.root().join(format!("content/pages/{f}.md"))).expect("rm");
    }
    site.build().expect("build");
    assert!(site.read("contact/index.html").contains("Call us."));
}

#[test]
fn draft_pages_are_left_out_and_counted() {
    let site = TestSite::new();
    site.article("2024/a.md", "title: A\ndate: 2024-02-01", "A.\n")
        .file("content/pages/ethics.md", "---\ntitle: Ethics\ndraft: true\n---\nSoon.\n");
    let report = site.build().expect("build");
    assert!(!site.exists("ethics/index.html"));
    assert_eq!(report.left_out.drafts, 1);
    site.build_with(&dateline::BuildOptions { drafts: true, ..Default::default() }).expect("build");
    assert!(site.exists("ethics/index.html"));
}

#[test]
fn a_site_template_overrides_page_html() {
    let site = newsroom();
    site.file(
        "templates/page.html",
        "{% extends \"builtin/page.html\" %}{% block content %}<div class=\"own\">{{ page.title }}</div>{% endblock content %}",
    );
    site.build().expect("build");
    assert!(site.read("about/index.html").contains("<div class=\"own\">About the Ledger</div>"));
}

#[test]
fn rebuilds_follow_pages_and_equal_a_clean_build() {
    let site = newsroom();
    let mut session =
        Session::new(site.root(), &site.root().join("watched"), dateline::BuildOptions::default());
    session.build().expect("first build");
    let watched =
        |rel: &str| std::fs::read_to_string(site.root().join("watched").join(rel)).unwrap_or_default();
    assert!(watched("about/index.html").contains("since 1921"));
    site.file(
        "content/pages/about.md",
        "---\ntitle: About the Ledger\n---\nFounded in 1921, owned by readers.\n",
    );
    session.build_edited(&[site.root().join("content/pages/about.md")]).expect("rebuild");
    assert!(watched("about/index.html").contains("owned by readers"));
    // An article edit keeps the pages.
    site.article("2024/bridge.md", "title: Council votes to fix the bridge\ndate: 2024-02-01", "Edited.\n");
    session.build_edited(&[site.root().join("content/2024/bridge.md")]).expect("rebuild");
    assert!(watched("about/index.html").contains("owned by readers"));
    assert!(watched("subscribe-now/index.html").contains("Subscribe"));
    // A page removed, another added.
    std::fs::remove_file(site.root().join("content/misc/subscribe.md")).expect("rm");
    site.file("content/pages/contact.md", "---\ntitle: Contact\n---\nCall us.\n");
    session.build().expect("rebuild");
    assert!(!site.root().join("watched/subscribe-now/index.html").exists());
    assert!(watched("contact/index.html").contains("Call us."));
    site.build().expect("clean build");
    assert_eq!(crate::harness::tree(&site.root().join("watched")), crate::harness::tree(&site.out()));
}

#[test]
fn a_section_file_in_the_pages_folder_is_set_aside_not_a_page() {
    let site = TestSite::new();
    site.article("2024/a.md", "title: A\ndate: 2024-02-01", "A.\n")
        .file("content/pages/_index.md", "---\ntitle: Pages\n---\nHugo's section text.\n")
        .file("content/pages/about.md", "---\ntitle: About\n---\nUs.\n");
    let report = site.build().expect("build");
    assert!(site.exists("about/index.html"));
    assert!(!site.files().iter().any(|f| f.starts_with("pages/")), "{:?}", site.files());
    assert!(report.warnings.iter().any(|w| w.to_string().contains("content/pages/_index.md")));
}

#[test]
fn the_build_summary_counts_pages() {
    let site = newsroom();
    let out = site.cli(&["build"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("built: 1, skipped: 0; pages: 3; other files"), "{stdout}");
}

#[test]
fn a_page_in_a_language_folder_is_a_page_of_that_language() {
    let site = TestSite::new();
    site.file("site.yaml", "title: Ledger\nlanguages: [en, ja]\n")
        .file("content/pages/about.md", "---\ntitle: About\n---\nAbout us.\n")
        .file("content/pages/ja/about.md", "---\ntitle: 概要\n---\n私たちについて。\n")
        .article("ja/hi.md", "title: こんにちは\ndate: 2024-01-01", "こんにちは。\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let en = site.read("about/index.html");
    assert!(en.contains("<html lang=\"en\"") && en.contains("About us."), "{en}");
    let ja = site.read("ja/about/index.html");
    assert!(ja.contains("<html lang=\"ja\"") && ja.contains("私たちについて。"), "{ja}");
    // Its masthead is the section's: the menu links stay under /ja/.
    assert!(
        ja.contains("href=\"/ja/tags/\"") && !ja.contains("href=\"/tags/\""),
        "{}",
        &ja[..ja.len().min(3000)]
    );
    assert!(!site.exists("ja/ja/about/index.html"));
    // Both show the masthead's list of languages, as every other page does.
    for page in [&en, &ja] {
        assert!(page.contains("class=\"masthead-languages\"") && page.contains("href=\"/ja/\""), "{page}");
    }
}
