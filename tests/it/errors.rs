//! Broken input: every problem reported with its place, nothing half-written.

use crate::harness::TestSite;

fn messages(site: &TestSite) -> Vec<String> {
    let err = site.build().expect_err("the build must fail");
    err.all().iter().map(ToString::to_string).collect()
}

#[test]
fn every_broken_article_is_reported_with_file_line_and_column() {
    let site = TestSite::new();
    site.article("good.md", "title: Fine\ndate: 2024-01-01", "x\n");
    site.article("no-title.md", "date: 2024-01-01", "x\n");
    site.article("bad-date.md", "title: T\nsummary: s\ndate: 2024-02-30", "x\n");
    site.article("bad-yaml.md", "title: T\ndate: 2024-01-01\ntags: [a, b\nsummary: x", "x\n");
    site.file("content/no-front.md", "# Just text\n");
    site.file("content/unclosed.md", "---\ntitle: T\n");
    let msgs = messages(&site);
    assert_eq!(msgs.len(), 5, "{msgs:#?}");
    let find =
        |file: &str| msgs.iter().find(|m| m.starts_with(file)).unwrap_or_else(|| panic!("{file}: {msgs:#?}"));
    assert!(find("content/no-title.md:1:1: missing `title`").contains("title:"));
    assert!(find("content/bad-date.md:4:1: `date`").contains("not a real date"));
    let yaml = find("content/bad-yaml.md:");
    assert!(yaml.contains("invalid YAML"), "{yaml}");
    let line: usize = yaml.split(':').nth(1).expect("line").parse().expect("number");
    assert!((4..=6).contains(&line), "line counted in the .md file: {yaml}");
    assert!(find("content/no-front.md:1:1: no front matter").contains("---"));
    assert!(find("content/unclosed.md:1:1: front matter is not closed").contains("---"));
}

#[test]
fn duplicate_urls_name_both_files() {
    let site = TestSite::new();
    site.article("2024/a/story.md", "title: One\ndate: 2024-01-01", "x\n");
    site.article("2024/b/story.md", "title: Two\ndate: 2024-01-01", "x\n");
    let msgs = messages(&site);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0]
            .contains("content/2024/a/story.md and content/2024/b/story.md both produce /2024/01/01/story/"),
        "{msgs:?}"
    );
}

#[test]
fn failed_build_keeps_the_last_good_output() {
    let site = TestSite::new();
    site.article("a.md", "title: First version\ndate: 2024-01-01", "x\n");
    site.build().expect("first build");
    let before = site.read("index.html");
    site.article("b.md", "title: Broken\ndate: never", "x\n");
    site.build().expect_err("broken build");
    assert_eq!(site.read("index.html"), before);
    let siblings: Vec<_> =
        std::fs::read_dir(site.root()).expect("ls").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(siblings.len(), 2, "no staging folder left behind: {siblings:?}");
}

#[test]
fn deleted_articles_do_not_linger() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\ntags: [gone]", "x\n");
    site.article("b.md", "title: B\ndate: 2024-01-02", "x\n");
    site.build().expect("build");
    assert!(site.exists("tags/gone/index.html"));
    std::fs::remove_file(site.root().join("content/a.md")).expect("rm");
    site.build().expect("build");
    assert!(!site.exists("2024/01/01/a/index.html"));
    assert!(!site.exists("tags/gone/index.html"));
}

#[test]
fn typo_keys_warn_but_build() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\ntag: [x]", "x\n");
    let report = site.build().expect("build");
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(
        report.warnings[0].to_string(),
        "content/a.md:4:1: warning: unknown key `tag`: did you mean `tags`? (kept as extra.tag)"
    );
}

#[test]
fn bad_settings_are_named() {
    let site = TestSite::new();
    site.file("site.yaml", "title: x\nper_pag: 3\n");
    let msgs = messages(&site);
    assert!(msgs[0].starts_with("site.yaml:2:"), "{msgs:?}");
    assert!(msgs[0].contains("per_pag"), "{msgs:?}");
}
