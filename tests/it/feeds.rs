//! Feeds, sitemaps, robots.txt and article metadata, checked by hand and by
//! the validators the web uses (feedparser, xmllint with `sitemap.xsd`).
//!
//! The validators are installed by `.ci/run`. Where one is missing the test
//! says so and passes, except under `DATELINE_CI=1` (set by `.ci/run`),
//! where a missing validator fails: CI must not go green without them.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::TestSite;
use dateline::BuildOptions;

/// Whether `probe` runs; when not, skips (returns false) or, under
/// `DATELINE_CI`, fails.
#[expect(clippy::print_stderr, reason = "a skipped check must say so")]
fn have(what: &str, probe: &mut Command) -> bool {
    let ok = probe.output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("DATELINE_CI").is_none(),
            "{what} is missing, and DATELINE_CI is set: .ci/run should have installed it"
        );
        eprintln!("skipped: {what} is not installed (.ci/run installs it)");
    }
    ok
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `sitemap.xsd` from the npm package `sitemap`, where `.ci/run` puts it.
fn sitemap_xsd() -> PathBuf {
    std::env::var_os("DATELINE_SITEMAP_XSD").map_or_else(
        || repo().join("target/ci-tools/npm/node_modules/sitemap/schema/sitemap.xsd"),
        PathBuf::from,
    )
}

/// A site under a sub-path with a host, 25 articles (more than one feed
/// holds) and one article full of characters XML and HTML care about.
fn news_site() -> TestSite {
    let site = TestSite::new();
    site.file("site.yaml", "title: The Ledger & Co\nbase_url: https://example.org/news/\nfeed_limit: 20\n");
    site.many(24);
    site.article(
        "2024/tricky.md",
        "title: \"Less <than> & more </script><script>alert(1)</script>\"\n\
         date: 2024-02-10T12:00:00Z\nupdated: 2024-02-11T08:00:00+01:00\n\
         authors: [Zoë O'Brien, Writer 0]\ntags: [every, 京都, \"R&D\"]\nimage: /img/lead.png\n\
         summary: Summary with <b>tags</b> & ampersands.",
        "See [the list](/news/2024/01/01/story-000/) and ![a chart](chart.png).[^1]\n\n\
         Control \u{1} characters are dropped.\n\n[^1]: A footnote.\n",
    );
    site.build().expect("build");
    site
}

fn validate_feeds(out: &Path) -> serde_json::Value {
    let script = repo().join(".ci/validate_feeds.py");
    let run = Command::new("python3").arg(&script).arg(out).output().expect("python3");
    assert!(run.status.success(), "feed validation failed:\n{}", String::from_utf8_lossy(&run.stderr));
    serde_json::from_slice(&run.stdout).expect("counts")
}

#[test]
fn feedparser_reads_every_feed_without_errors() {
    let site = news_site();
    if !have("python3 with feedparser", Command::new("python3").args(["-c", "import feedparser"])) {
        return;
    }
    let counts = validate_feeds(&site.out());
    for (feed, n) in [
        ("feed.xml", 20),
        ("rss.xml", 20),
        ("feed.json", 20),
        ("tags/every/feed.xml", 20),
        ("tags/tag0/rss.xml", 8),
        ("tags/京都/feed.json", 1),
        ("authors/writer-1/feed.xml", 12),
        ("authors/zoë-obrien/rss.xml", 1),
    ] {
        assert_eq!(counts[feed], n, "{feed}: {counts}");
    }
    // The entry as feedparser sees it: title unescaped once, links absolute
    // (in the site's feeds, which carry the whole article).
    let check = r#"
import feedparser, sys
for name in ("feed.xml", "rss.xml"):
    d = feedparser.parse(sys.argv[1] + "/" + name)
    e = d.entries[0]
    assert e.title == "Less <than> & more </script><script>alert(1)</script>", e.title
    assert e.link == "https://example.org/news/2024/02/10/tricky/", e.link
    body = e.content[0].value
    assert 'href="https://example.org/news/2024/01/01/story-000/"' in body, body
    assert 'src="https://example.org/news/2024/chart.png"' in body, body
    assert 'href="https://example.org/news/2024/02/10/tricky/#fn-1"' in body, body
    assert [t.term for t in e.tags] == ["every", "京都", "R&D"], e.tags
    assert e.updated_parsed[:4] == (2024, 2, 11, 7), e.updated_parsed
    assert e.published_parsed[:4] == (2024, 2, 10, 12), e.published_parsed
names = [a.name for a in feedparser.parse(sys.argv[1] + "/feed.xml").entries[0].authors]
assert names == ["Zoë O'Brien", "Writer 0"], names
"#;
    let run = Command::new("python3").args(["-c", check]).arg(site.out()).output().expect("python3");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn feeds_hold_what_the_specs_require() {
    let site = news_site();
    let atom = site.read("feed.xml");
    for part in [
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">",
        "<title>The Ledger &amp; Co</title>",
        "<id>https://example.org/news/feed.xml</id>",
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/news/feed.xml\"/>",
        // Newest change of any entry, not the build time.
        "<updated>2024-02-11T08:00:00+01:00</updated>",
        "<author>\n<name>The Ledger &amp; Co</name>",
        "<title>Less &lt;than&gt; &amp; more &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>",
        "<category term=\"R&amp;D\"/>",
        "<published>2024-02-10T12:00:00+00:00</published>",
    ] {
        assert!(atom.contains(part), "{part}\n{atom}");
    }
    assert!(!atom.contains('\u{1}'));
    assert_eq!(atom.matches("<entry>").count(), 20);

    let rss = site.read("tags/every/rss.xml");
    for part in [
        "<title>every · The Ledger &amp; Co</title>",
        "<link>https://example.org/news/tags/every/</link>",
        "<description>Stories tagged every in The Ledger &amp; Co</description>",
        "<guid isPermaLink=\"true\">https://example.org/news/2024/02/10/tricky/</guid>",
        "<pubDate>Sat, 10 Feb 2024 12:00:00 +0000</pubDate>",
        "<dc:creator>Zoë O&apos;Brien</dc:creator>",
    ] {
        assert!(rss.contains(part), "{part}\n{rss}");
    }

    let json: serde_json::Value =
        serde_json::from_str(&site.read("authors/writer-0/feed.json")).expect("json");
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["feed_url"], "https://example.org/news/authors/writer-0/feed.json");
    let item = &json["items"][0];
    assert_eq!(item["id"], "https://example.org/news/2024/02/10/tricky/");
    assert_eq!(item["summary"], "Summary with <b>tags</b> & ampersands.");
    assert_eq!(item["date_modified"], "2024-02-11T08:00:00+01:00");
    assert_eq!(item["image"], "https://example.org/news/img/lead.png");
    assert_eq!(item["tags"], serde_json::json!(["every", "京都", "R&D"]));
}

#[test]
fn feed_limit_and_group_feeds() {
    let site = TestSite::new();
    site.file("site.yaml", "feed_limit: 3\nbase_url: https://e.org\n");
    site.many(5);
    site.build().expect("build");
    assert_eq!(site.read("feed.xml").matches("<entry>").count(), 3);
    assert_eq!(site.read("rss.xml").matches("<item>").count(), 3);
    // Newest first.
    let atom = site.read("feed.xml");
    assert!(atom.find("Story 4").unwrap() < atom.find("Story 3").unwrap());
    for dir in ["tags/every", "tags/tag1", "authors/writer-0"] {
        for f in ["feed.xml", "rss.xml", "feed.json"] {
            assert!(site.exists(&format!("{dir}/{f}")), "{dir}/{f}");
        }
    }
}

#[test]
fn tag_and_author_feeds_carry_summaries_unless_told_full() {
    let site = TestSite::new();
    site.file("site.yaml", "base_url: https://e.org\n");
    site.article(
        "2024/pier.md",
        "title: Pier\ndate: 2024-03-01\ntags: [harbour]\nauthor: Jo Roe\nsummary: The pier reopens.",
        "The council voted.\n\nDredging starts in May.\n",
    );
    site.build().expect("build");
    let body = "Dredging starts in May.";
    // The site's own feeds carry the whole article in every format.
    assert!(site.read("feed.xml").contains(body));
    assert!(site.read("rss.xml").contains("<content:encoded>"));
    for dir in ["tags/harbour", "authors/jo-roe"] {
        let (atom, rss) = (site.read(&format!("{dir}/feed.xml")), site.read(&format!("{dir}/rss.xml")));
        assert!(atom.contains("The pier reopens.") && !atom.contains(body), "{atom}");
        assert!(rss.contains("The pier reopens.") && !rss.contains(body), "{rss}");
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{dir}/feed.json"))).expect("json");
        assert_eq!(json["items"][0]["content_html"], "<p>The pier reopens.</p>");
    }
    site.file("site.yaml", "base_url: https://e.org\ngroup_feeds: full\n");
    site.build().expect("build");
    assert!(site.read("tags/harbour/feed.xml").contains(body));
    assert!(site.read("authors/jo-roe/rss.xml").contains(body));
    let json: serde_json::Value = serde_json::from_str(&site.read("tags/harbour/feed.json")).expect("json");
    assert!(json["items"][0]["content_html"].as_str().unwrap().contains(body));
}

#[test]
fn pages_link_their_feeds() {
    let site = news_site();
    let site_feeds = [
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"The Ledger &amp; Co (Atom)\" href=\"/news/feed.xml\">",
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Ledger &amp; Co (RSS)\" href=\"/news/rss.xml\">",
        "<link rel=\"alternate\" type=\"application/feed+json\" title=\"The Ledger &amp; Co (JSON Feed)\" href=\"/news/feed.json\">",
    ];
    for page in
        ["index.html", "2024/02/10/tricky/index.html", "tags/index.html", "404.html", "tags/every/index.html"]
    {
        let html = site.read(page);
        let head = &html[..html.find("</head>").expect("head")];
        for link in site_feeds {
            assert!(head.contains(link), "{page}: {link}");
        }
    }
    let tag = site.read("tags/every/page/2/index.html");
    assert!(tag.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"every · The Ledger &amp; Co (Atom)\" href=\"/news/tags/every/feed.xml\">"));
    let author = site.read("authors/writer-0/index.html");
    assert!(author.contains("href=\"/news/authors/writer-0/feed.json\">"));
}

#[test]
fn article_metadata() {
    let site = news_site();
    let html = site.read("2024/02/10/tricky/index.html");
    let head = &html[..html.find("</head>").expect("head")];
    for part in [
        "<link rel=\"canonical\" href=\"https://example.org/news/2024/02/10/tricky/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:site_name\" content=\"The Ledger &amp; Co\">",
        "<meta property=\"og:title\" content=\"Less &lt;than&gt; &amp; more &lt;/script&gt;",
        "<meta property=\"og:url\" content=\"https://example.org/news/2024/02/10/tricky/\">",
        "<meta property=\"og:description\" content=\"Summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.\">",
        "<meta property=\"og:image\" content=\"https://example.org/news/img/lead.png\">",
        "<meta property=\"article:published_time\" content=\"2024-02-10T12:00:00+00:00\">",
        "<meta property=\"article:modified_time\" content=\"2024-02-11T08:00:00+01:00\">",
        "<meta property=\"article:author\" content=\"https://example.org/news/authors/zoë-obrien/\">",
        "<meta property=\"article:tag\" content=\"京都\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
    ] {
        assert!(head.contains(part), "{part}\n{head}");
    }
    // JSON-LD: one script element, whatever the title holds.
    assert_eq!(html.matches("<script").count(), 1, "{head}");
    assert_eq!(html.matches("</script>").count(), 1, "{head}");
    let start = head.find("<script type=\"application/ld+json\">").expect("ld") + 35;
    let end = head[start..].find("</script>").expect("end") + start;
    let ld: serde_json::Value = serde_json::from_str(&head[start..end]).expect("valid JSON");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Less <than> & more </script><script>alert(1)</script>");
    assert_eq!(ld["author"][0]["@type"], "Person");
    assert_eq!(ld["author"][0]["name"], "Zoë O'Brien");
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["name"], "The Ledger & Co");
    assert_eq!(ld["mainEntityOfPage"]["@id"], "https://example.org/news/2024/02/10/tricky/");
    assert_eq!(ld["dateModified"], "2024-02-11T08:00:00+01:00");
    assert_eq!(ld["keywords"], serde_json::json!(["every", "京都", "R&D"]));
    assert_eq!(ld["image"], serde_json::json!(["https://example.org/news/img/lead.png"]));
}

#[test]
fn sitemap_lists_every_page_and_validates() {
    let site = news_site();
    let xml = site.read("sitemap.xml");
    let html_pages = site.files().into_iter().filter(|f| f.ends_with(".html") && f != "404.html").count();
    assert_eq!(xml.matches("<url>").count(), html_pages);
    for part in [
        // An article: its update.
        "<loc>https://example.org/news/2024/02/10/tricky/</loc>\n<lastmod>2024-02-11T08:00:00+01:00</lastmod>",
        // A listing: its newest article.
        "<loc>https://example.org/news/tags/tag0/</loc>\n<lastmod>2024-01-22T00:00:00+00:00</lastmod>",
        "<loc>https://example.org/news/tags/%E4%BA%AC%E9%83%BD/</loc>",
    ] {
        assert!(xml.contains(part), "{part}");
    }
    assert!(!xml.contains("404.html"));
    let xsd = sitemap_xsd();
    if !have(
        "xmllint and sitemap.xsd (npm package sitemap)",
        Command::new("xmllint").args(["--noout", "--schema"]).arg(&xsd).arg(site.out().join("sitemap.xml")),
    ) {
        return;
    }
    for file in ["sitemap.xml", "news-sitemap.xml"] {
        // The news sitemap's own schema is not shipped; it must still be well-formed.
        let mut cmd = Command::new("xmllint");
        cmd.arg("--noout");
        if file == "sitemap.xml" {
            cmd.arg("--schema").arg(&xsd);
        }
        let run = cmd.arg(site.out().join(file)).output().expect("xmllint");
        assert!(run.status.success(), "{file}: {}", String::from_utf8_lossy(&run.stderr));
    }
}

#[test]
fn news_sitemap_holds_the_last_two_days_and_robots_points_to_it() {
    let site = TestSite::new();
    site.file("site.yaml", "base_url: https://e.org/\npublisher: Ledger Media\n");
    for (name, date) in [
        ("old", "2024-03-01T10:00:00Z"),
        ("edge", "2024-03-08T12:00:00Z"),
        ("recent", "2024-03-09T09:00:00Z"),
        ("newest", "2024-03-10T12:00:00Z"),
    ] {
        site.article(&format!("{name}.md"), &format!("title: {name} & co\ndate: {date}"), "x\n");
    }
    site.build().expect("build");
    let news = site.read("news-sitemap.xml");
    assert_eq!(news.matches("<url>").count(), 3, "{news}");
    assert!(!news.contains("/old/"));
    for part in [
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"",
        "<news:name>Ledger Media</news:name>",
        "<news:language>en</news:language>",
        "<news:publication_date>2024-03-08T12:00:00+00:00</news:publication_date>",
        "<news:title>newest &amp; co</news:title>",
    ] {
        assert!(news.contains(part), "{part}\n{news}");
    }
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://e.org/sitemap.xml\nSitemap: https://e.org/news-sitemap.xml\n"
    );
}

#[test]
fn a_site_robots_txt_wins() {
    let site = TestSite::new();
    site.many(1).file("static/robots.txt", "User-agent: *\nDisallow: /\n");
    site.build().expect("build");
    assert_eq!(site.read("robots.txt"), "User-agent: *\nDisallow: /\n");
}

#[test]
fn without_a_host_ids_are_tag_uris_and_a_warning_says_why() {
    let site = TestSite::new();
    site.file("site.yaml", "title: Ledger\n");
    site.many(2);
    let report = site.build().expect("build");
    assert_eq!(report.warnings.len(), 1);
    let warning = report.warnings[0].to_string();
    assert!(warning.starts_with("site.yaml: warning: base_url `/` has no host"), "{warning}");
    let atom = site.read("feed.xml");
    assert!(atom.contains("<id>tag:ledger,2024:/feed.xml</id>"), "{atom}");
    assert!(atom.contains("<id>tag:ledger,2024-01-02:/2024/01/02/story-001/</id>"));
    assert!(atom.contains("href=\"/2024/01/02/story-001/\""));
    let rss = site.read("rss.xml");
    assert!(rss.contains("<guid isPermaLink=\"false\">tag:ledger,2024-01-02:/2024/01/02/story-001/</guid>"));
    assert!(site.read("robots.txt").contains("Sitemap: /sitemap.xml"));
    if have("python3 with feedparser", Command::new("python3").args(["-c", "import feedparser"])) {
        validate_feeds(&site.out());
    }
}

#[test]
fn an_empty_site_has_valid_feeds_and_a_sitemap() {
    let site = TestSite::new();
    site.file("content/.keep", "");
    site.build_with(&BuildOptions { base_url: Some("https://e.org/".into()), ..BuildOptions::default() })
        .expect("build");
    assert!(site.read("feed.xml").contains("<updated>1970-01-01T00:00:00+00:00</updated>"));
    assert!(!site.exists("news-sitemap.xml"));
    assert!(!site.read("robots.txt").contains("news-sitemap"));
    // Front page, tags, authors, archive, quotes indexes and the search page.
    assert_eq!(site.read("sitemap.xml").matches("<url>").count(), 6);
}
