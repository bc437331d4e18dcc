//! Publishing rules: embargoes, expiry, aliases and their redirect pages.

use crate::harness::TestSite;
use dateline::BuildOptions;

fn at(ts: &str) -> BuildOptions {
    BuildOptions { now: Some(ts.parse().expect("timestamp")), ..BuildOptions::default() }
}

fn timed_site() -> TestSite {
    let site = TestSite::new();
    site.article("past.md", "title: Past\ndate: 2024-01-01", "x\n")
        .article("embargo.md", "title: Embargoed\ndate: 2024-06-01 09:00", "x\n")
        .article("expiring.md", "title: Expiring\ndate: 2024-01-02\nexpires: 2024-03-01", "x\n");
    site
}

#[test]
fn embargoed_articles_wait_for_their_date_or_future() {
    let site = timed_site();
    site.build_with(&at("2024-05-31T23:59:59Z")).expect("build");
    assert!(!site.exists("2024/06/01/embargo/index.html"));
    assert!(!site.read("index.html").contains("Embargoed"));

    site.build_with(&at("2024-06-01T09:00:00Z")).expect("build");
    assert!(site.exists("2024/06/01/embargo/index.html"), "published at its moment");

    let future = BuildOptions { future: true, ..at("2024-01-05T00:00:00Z") };
    site.build_with(&future).expect("build");
    assert!(site.exists("2024/06/01/embargo/index.html"));
}

#[test]
fn expired_articles_are_dropped_from_their_date() {
    let site = timed_site();
    site.build_with(&at("2024-02-29T23:00:00Z")).expect("build");
    assert!(site.exists("2024/01/02/expiring/index.html"));
    site.build_with(&at("2024-03-01T00:00:00Z")).expect("build");
    assert!(!site.exists("2024/01/02/expiring/index.html"));
    assert!(!site.read("index.html").contains("Expiring"));
    assert!(site.exists("2024/01/01/past/index.html"));
}

#[test]
fn bad_expires_names_file_and_line() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\nexpires: soon", "x\n");
    let err = site.build().expect_err("bad date").to_string();
    assert!(err.starts_with("content/a.md:4:1: `expires`:"), "{err}");
}

#[test]
fn aliases_write_redirect_pages() {
    let site = TestSite::new();
    site.article(
        "a.md",
        "title: Moved & kept\ndate: 2024-01-01\naliases: [/old/story/, /2019/legacy.html, /caf%C3%A9/]",
        "x\n",
    );
    site.build_with(&BuildOptions {
        base_url: Some("https://example.org/news/".into()),
        ..BuildOptions::default()
    })
    .expect("build");
    for rel in ["old/story/index.html", "2019/legacy.html", "café/index.html"] {
        let html = site.read(rel);
        assert!(
            html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/news/2024/01/01/a/\">"),
            "{html}"
        );
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/news/2024/01/01/a/\">"));
        assert!(html.contains("<a href=\"/news/2024/01/01/a/\">Moved &amp; kept</a>"));
    }
}

#[test]
fn unsafe_aliases_are_errors_and_write_nothing() {
    for alias in [
        "../escape/",
        "/a/../../escape/",
        "..\\\\escape",
        "/%2e%2e/escape/",
        "..%2fescape",
        "//host/x/",
        "C:/x/",
    ] {
        let site = TestSite::new();
        site.article("a.md", &format!("title: A\ndate: 2024-01-01\naliases: [\"{alias}\"]"), "x\n");
        let err = site.build().expect_err(alias).to_string();
        assert!(err.starts_with("content/a.md:4:1: alias `"), "{alias}: {err}");
        assert!(!site.out().exists(), "{alias}");
        assert!(!site.root().join("escape").exists(), "{alias}");
    }
}

#[test]
fn alias_over_a_real_page_names_both_files() {
    let site = TestSite::new();
    site.article("old.md", "title: Old\ndate: 2024-01-01", "x\n").article(
        "new.md",
        "title: New\ndate: 2024-01-02\naliases: [/2024/01/01/old/]",
        "x\n",
    );
    let err = site.build().expect_err("collision").to_string();
    assert!(err.contains("content/new.md"), "{err}");
    assert!(err.contains("content/old.md"), "{err}");

    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\naliases: [/tags/]", "x\n");
    let err = site.build().expect_err("collision").to_string();
    assert!(
        err.contains("content/a.md: alias /tags/ collides with the generated page tags/index.html"),
        "{err}"
    );
}
