//! `--keep-going`: everything that can be built is, broken articles are
//! listed with their reasons, and the summary counts read, built, skipped.

use dateline::BuildOptions;

use crate::harness::TestSite;

fn keep_going() -> BuildOptions {
    BuildOptions { keep_going: true, ..Default::default() }
}

/// Two good articles, and three broken ones in three different ways.
fn mixed_site() -> TestSite {
    let site = TestSite::new();
    site.article("good.md", "title: Good\ndate: 2024-01-01\ntags: [kept]", "x\n");
    site.article("other.md", "title: Other\ndate: 2024-01-02", "x\n");
    site.article("no-title.md", "date: 2024-01-03\ntags: [lost]", "x\n");
    site.article("2024/01/01/other.md", "title: Same URL\ndate: 2024-01-02\nslug: other", "x\n");
    site.article(
        "bad-pull.md",
        "title: Bad pull-out\ndate: 2024-01-04\npullquotes:\n  - text: words that are not there",
        "Nothing quoted.\n",
    );
    site
}

#[test]
fn builds_the_rest_and_lists_each_broken_article() {
    let site = mixed_site();
    let report = site.build_with(&keep_going()).expect("keep going");
    assert_eq!((report.read, report.articles), (5, 2));
    let msgs: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.starts_with("content/no-title.md:1:1: missing `title`")));
    assert!(msgs.iter().any(|m| {
        m.contains("content/2024/01/01/other.md and content/other.md both produce /2024/01/02/other/")
    }));
    assert!(msgs.iter().any(|m| m.starts_with("content/bad-pull.md:4:")), "{msgs:#?}");
    assert!(site.exists("2024/01/01/good/index.html"));
    // The first in path order keeps the URL.
    assert!(site.read("2024/01/02/other/index.html").contains("<h1 class=\"headline\">Same URL</h1>"));
    assert!(!site.exists("2024/01/04/bad-pull/index.html"));
    assert!(site.exists("tags/kept/index.html"));
    assert!(!site.exists("tags/lost/index.html"));
    assert!(!site.read("index.html").contains("Bad pull-out"));
}

#[test]
fn without_it_a_broken_article_stops_the_build() {
    let site = mixed_site();
    let err = site.build().expect_err("stops");
    match &err {
        dateline::Error::Articles { read, skipped, .. } => assert_eq!((*read, *skipped), (5, 2)),
        other => panic!("{other:?}"),
    }
    assert!(!site.out().exists());
}

#[test]
fn cli_keep_going_exits_one_with_a_summary() {
    let site = mixed_site();
    let out = site.cli(&["build", "--keep-going"]);
    assert_eq!(out.status.code(), Some(1));
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("(articles read: 5, built: 2, skipped: 3;"), "{stdout}");
    assert!(stderr.contains("skipped: content/no-title.md:1:1: missing `title`"), "{stderr}");
    assert!(stderr.contains("skipped: content/bad-pull.md:4:"), "{stderr}");
    assert!(stderr.contains("error: 3 broken articles skipped (listed above)"), "{stderr}");
    assert!(site.exists("index.html"));
}

#[test]
fn cli_without_keep_going_still_prints_the_counts() {
    let site = mixed_site();
    site.article("bad-pull.md", "title: Fine now\ndate: 2024-01-04", "x\n");
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: content/no-title.md:1:1: missing `title`"), "{stderr}");
    assert!(stderr.contains("(articles read: 5, built: 0, skipped: 2)"), "{stderr}");
    assert!(stderr.contains("nothing was written, the previous output is untouched"), "{stderr}");
    assert!(!site.exists("index.html"));
}

#[test]
fn a_clean_build_reports_nothing_skipped() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01", "x\n");
    let out = site.cli(&["build", "--keep-going"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("(articles read: 1, built: 1, skipped: 0;"), "{stdout}");
}
