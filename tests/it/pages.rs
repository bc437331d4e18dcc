//! Every page type, pagination boundaries, unicode, dates, drafts, assets.

use crate::harness::{TestSite, main_of, stories};
use dateline::BuildOptions;

fn small_site() -> TestSite {
    let site = TestSite::new();
    site.article(
        "2023/harbour.md",
        "title: Harbour dredging approved\ndate: 2023-03-28\nauthors: [Sam Okafor, Maria Delgado]\ntags: [harbour, council]",
        "MILLBROOK — The council voted.\n\n“We waited long enough,” said Mayor Ellen Vasquez.\n",
    )
    .article(
        "2024/budget.md",
        "title: Budget passes\ndate: 2024-02-01T18:30:00Z\nauthor: Maria Delgado\ntags: council, budget\nsummary: A summary from front matter.",
        "First paragraph.\n\n## Details\n\nMore text here.\n",
    )
    .article(
        "2024/market.md",
        "title: Market opens\ndate: 2024-02-10\nauthor: Sam Okafor\ntags: [market]\nlocation: Depot Square",
        "Stalls opened.\n\n<!-- more -->\n\nLater text.\n",
    );
    site.build().expect("build");
    site
}

#[test]
fn every_page_type_is_written() {
    let site = small_site();
    for rel in [
        "index.html",
        "2023/03/28/harbour/index.html",
        "2024/02/01/budget/index.html",
        "tags/index.html",
        "tags/council/index.html",
        "authors/index.html",
        "authors/maria-delgado/index.html",
        "archive/index.html",
        "2024/index.html",
        "2024/02/index.html",
        "2023/03/index.html",
        "404.html",
        "style.css",
    ] {
        assert!(site.exists(rel), "missing {rel}; have {:?}", site.files());
    }
    assert!(!site.exists("page/2/index.html"));
}

#[test]
fn article_page_shows_its_parts() {
    let site = small_site();
    let html = site.read("2024/02/01/budget/index.html");
    let main = main_of(&html);
    assert!(main.contains("<h1 class=\"headline\">Budget passes</h1>"));
    assert!(main.contains("<time datetime=\"2024-02-01T18:30:00+00:00\">February 1, 2024</time>"));
    assert!(main.contains("<a href=\"/authors/maria-delgado/\" rel=\"author\">Maria Delgado</a>"));
    assert!(main.contains("<a href=\"/tags/budget/\">budget</a>"));
    assert!(main.contains("1 min read"));
    assert!(main.contains("<h2 id=\"details\">Details</h2>"));
    // Older: the 2023 harbour story; newer: the market story.
    assert!(main.contains("rel=\"prev\" href=\"/2023/03/28/harbour/\""), "{main}");
    assert!(main.contains("rel=\"next\" href=\"/2024/02/10/market/\""), "{main}");
    // Related: shares the council tag with the harbour story only.
    let related = &main[main.find("Related coverage").expect("related")..];
    assert!(related.contains("/2023/03/28/harbour/"));
    assert!(!related.contains("/2024/02/10/market/"));
}

#[test]
fn listings_show_title_date_authors_summary_newest_first() {
    let site = small_site();
    let html = site.read("index.html");
    let main = main_of(&html);
    assert_eq!(stories(main), 3);
    let market = main.find("Market opens").expect("market");
    let budget = main.find("Budget passes").expect("budget");
    let harbour = main.find("Harbour dredging approved").expect("harbour");
    assert!(market < budget && budget < harbour);
    assert!(main.contains("<p>A summary from front matter.</p>"));
    assert!(main.contains("<p>Stalls opened.</p>") && !main.contains("Later text"));
    assert!(main.contains("<p>MILLBROOK — The council voted.</p>"));
    assert!(main.contains(">Sam Okafor</a>, <a href=\"/authors/maria-delgado/\">Maria Delgado</a>"));
}

#[test]
fn indexes_count_tags_authors_and_months() {
    let site = small_site();
    let tags = site.read("tags/index.html");
    assert!(tags.contains("<a href=\"/tags/council/\">council</a> <span class=\"count\">2</span>"), "{tags}");
    assert!(tags.contains("<a href=\"/tags/market/\">market</a> <span class=\"count\">1</span>"));
    let authors = site.read("authors/index.html");
    assert!(authors.contains("Sam Okafor</a> <span class=\"count\">2</span>"));
    let archive = site.read("archive/index.html");
    assert!(archive.contains("<a href=\"/2024/\">2024</a> <span class=\"count\">2</span>"), "{archive}");
    assert!(archive.contains("<a href=\"/2024/02/\">February</a> <span class=\"count\">2</span>"));
    assert!(archive.find("/2024/").expect("2024") < archive.find("/2023/").expect("2023"));
    let year = site.read("2024/index.html");
    assert!(year.contains("<a href=\"/2024/02/\">February</a> <span class=\"count\">2</span>"));
    let month = site.read("2024/02/index.html");
    assert_eq!(stories(&month), 2);
    assert!(month.contains("February 2024"));
}

#[test]
fn extra_front_matter_reaches_templates() {
    let site = small_site();
    site.file("templates/article.html", "{% extends \"builtin/article.html\" %}{% block title %}{{ page.extra.location | default(value=\"-\") }}{% endblock title %}");
    site.build().expect("build");
    assert!(site.read("2024/02/10/market/index.html").contains("<title>Depot Square</title>"));
    assert!(site.read("2024/02/01/budget/index.html").contains("<title>-</title>"));
}

#[test]
fn pagination_exactly_twenty() {
    let site = TestSite::new();
    site.many(20);
    site.build().expect("build");
    assert_eq!(stories(&site.read("index.html")), 20);
    assert!(!site.exists("page/2/index.html"));
    assert_eq!(stories(&site.read("tags/every/index.html")), 20);
    assert!(!site.exists("tags/every/page/2/index.html"));
    assert!(!site.read("index.html").contains("class=\"pagination\""));
}

#[test]
fn pagination_twenty_one() {
    let site = TestSite::new();
    site.many(21);
    site.build().expect("build");
    let first = site.read("index.html");
    assert_eq!(stories(&first), 20);
    assert!(first.contains("<a rel=\"next\" href=\"/page/2/\">"));
    assert!(first.contains("Page 1 of 2"));
    let second = site.read("page/2/index.html");
    assert_eq!(stories(&second), 1);
    assert!(second.contains("Story 0<"), "the oldest story is last");
    assert!(second.contains("<a rel=\"prev\" href=\"/\">"));
    assert!(!site.exists("page/3/index.html"));
    assert_eq!(stories(&site.read("tags/every/page/2/index.html")), 1);
    // tag0 has stories 0,3,...,18 + 21? no: 0..21 step 3 = 7 stories, one page.
    assert_eq!(stories(&site.read("tags/tag0/index.html")), 7);
    assert!(!site.exists("tags/tag0/page/2/index.html"));
    // January has 21 stories too: month pages paginate.
    assert_eq!(stories(&site.read("2024/01/page/2/index.html")), 1);
    assert!(!site.exists("page/1/index.html"), "page 1 lives at the listing root");
}

#[test]
fn zero_articles_still_make_a_site() {
    let site = TestSite::new();
    site.file("content/.keep", "");
    site.build().expect("build");
    let index = site.read("index.html");
    assert_eq!(stories(&index), 0);
    assert!(index.contains("Nothing has been published here yet."));
    assert!(site.exists("tags/index.html") && site.exists("archive/index.html") && site.exists("404.html"));
}

#[test]
fn no_content_folder_builds_an_empty_site() {
    let site = TestSite::new();
    site.build().expect("build");
    assert!(site.exists("index.html"));
}

#[test]
fn unicode_titles_and_tags() {
    let site = TestSite::new();
    site.article(
        "2024/kyoto.md",
        "title: \"京都の代表団, Café Ørsted & «Москва»\"\ndate: 2024-06-15\ntags: [京都, café culture, Москва]\nauthor: Zoë Brontë",
        "Ein „Zitat“.\n",
    );
    site.build().expect("build");
    let files = site.files();
    assert!(files.contains(&"tags/京都/index.html".to_string()), "{files:?}");
    assert!(files.contains(&"tags/café-culture/index.html".to_string()));
    assert!(files.contains(&"tags/москва/index.html".to_string()));
    assert!(files.contains(&"authors/zoë-brontë/index.html".to_string()));
    assert!(files.contains(&"2024/06/15/kyoto/index.html".to_string()));
    let html = site.read("2024/06/15/kyoto/index.html");
    assert!(html.contains("京都の代表団, Café Ørsted &amp; «Москва»"), "title escaped once");
    assert!(site.read("tags/京都/index.html").contains("<h1 class=\"section-title\">京都</h1>"));
}

#[test]
fn every_documented_date_format() {
    let site = TestSite::new();
    site.file("site.yaml", "timezone: Europe/Berlin\n");
    let cases = [
        ("a", "2024-02-01", "2024/02/01/a/", "2024-02-01T00:00:00+01:00"),
        ("b", "2024-02-01T18:30:00Z", "2024/02/01/b/", "2024-02-01T19:30:00+01:00"),
        ("c", "2024-02-01T23:30:00-05:00", "2024/02/02/c/", "2024-02-02T05:30:00+01:00"),
        ("d", "2024-02-01 18:30:00 +0100", "2024/02/01/d/", "2024-02-01T18:30:00+01:00"),
        ("e", "2024-02-01 18:30", "2024/02/01/e/", "2024-02-01T18:30:00+01:00"),
        ("f", "2024-7-4 5:00:00", "2024/07/04/f/", "2024-07-04T05:00:00+02:00"),
    ];
    for (slug, date, _, _) in cases {
        site.article(&format!("{slug}.md"), &format!("title: {slug}\ndate: {date}"), "x\n");
    }
    site.article("2019-03-04-from-name.md", "title: From the file name", "x\n");
    site.build().expect("build");
    for (_, _, url, stamp) in cases {
        let html = site.read(&format!("{url}index.html"));
        assert!(html.contains(&format!("<time datetime=\"{stamp}\">")), "{url}: {stamp}");
    }
    assert!(site.exists("2019/03/04/from-name/index.html"));
}

#[test]
fn drafts_only_with_the_flag() {
    let site = TestSite::new();
    site.article("a.md", "title: Public\ndate: 2024-01-01", "x\n");
    site.article("b.md", "title: Secret draft\ndate: 2024-01-02\ndraft: true\ntags: [hidden]", "x\n");
    site.build().expect("build");
    assert!(!site.exists("2024/01/02/b/index.html"));
    assert!(!site.read("index.html").contains("Secret draft"));
    assert!(!site.exists("tags/hidden/index.html"));
    site.build_with(&BuildOptions { drafts: true, ..Default::default() }).expect("build");
    assert!(site.exists("2024/01/02/b/index.html"));
    assert!(site.read("index.html").contains("Secret draft"));
}

#[test]
fn assets_and_static_are_copied_and_links_resolve() {
    let site = TestSite::new();
    site.article(
        "2024/harbour/index.md",
        "title: Harbour\ndate: 2024-04-09",
        "![Dredger](dredger.svg)\n\nSee [the vote](../vote.md) and [about](/about/).\n",
    );
    site.article("2024/vote.md", "title: Vote\ndate: 2024-03-01", "x\n");
    site.file("content/2024/harbour/dredger.svg", "<svg/>");
    site.file("static/robots.txt", "User-agent: *\n");
    site.file("content/.hidden.png", "x");
    site.build().expect("build");
    assert_eq!(site.read("2024/harbour/dredger.svg"), "<svg/>");
    assert_eq!(site.read("robots.txt"), "User-agent: *\n");
    assert!(!site.exists(".hidden.png"));
    let html = site.read("2024/04/09/harbour/index.html");
    assert!(html.contains("src=\"/2024/harbour/dredger.svg\""), "{html}");
    assert!(html.contains("href=\"/2024/03/01/vote/\""));
}

#[test]
fn base_url_with_a_sub_path_prefixes_every_link() {
    let site = small_site();
    site.build_with(&BuildOptions {
        base_url: Some("https://example.org/news".into()),
        ..Default::default()
    })
    .expect("build");
    let html = site.read("2024/02/01/budget/index.html");
    assert!(html.contains("href=\"/news/style.css\""));
    assert!(html.contains("href=\"/news/tags/budget/\""));
    assert!(html.contains("href=\"/news/2023/03/28/harbour/\""));
    let hrefs: Vec<&str> = html.split("href=\"").skip(1).map(|s| &s[..s.find('"').expect("quote")]).collect();
    for h in hrefs {
        assert!(h.starts_with("/news/") || h.starts_with("http"), "unprefixed link {h}");
    }
}

#[test]
fn front_matter_text_is_escaped() {
    let site = TestSite::new();
    site.article(
        "x.md",
        "title: \"<script>alert('t')</script>\"\ndate: 2024-01-01\ntags: [\"<b>bold</b>\"]\nauthor: \"A \\\"quoted\\\" <i>name</i>\"\nsummary: \"<img src=x onerror=alert(1)>\"",
        "Body.\n",
    );
    site.build().expect("build");
    for rel in ["2024/01/01/x/index.html", "index.html", "tags/index.html", "authors/index.html"] {
        let html = site.read(rel);
        assert!(!html.contains("<script>alert"), "{rel}");
        assert!(!html.contains("<b>bold</b>"), "{rel}");
        assert!(!html.contains("<i>name</i>"), "{rel}");
        assert!(!html.contains("<img src=x"), "{rel}");
    }
    assert!(site.read("index.html").contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn hostile_slugs_stay_inside_the_output() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\nslug: ../../../escape\ntags: [\"../../up\", \"/abs\"]\nauthor: \"..\\\\..\\\\win\"", "x\n");
    site.build().expect("build");
    let files = site.files();
    assert!(files.contains(&"2024/01/01/escape/index.html".to_string()), "{files:?}");
    assert!(files.contains(&"tags/up/index.html".to_string()));
    assert!(files.contains(&"tags/abs/index.html".to_string()));
    assert!(files.contains(&"authors/win/index.html".to_string()));
    let outside: Vec<_> =
        std::fs::read_dir(site.root()).expect("ls").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(outside.len(), 2, "only content and public: {outside:?}");
}

#[test]
fn builds_are_deterministic() {
    let a = small_site();
    let first = crate::harness::tree(&a.out());
    a.build().expect("rebuild");
    assert_eq!(first, crate::harness::tree(&a.out()));
}
