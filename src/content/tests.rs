use super::*;
use crate::config::{Config, Settings};

fn settings() -> Settings {
    Settings::new(Config::default()).unwrap()
}

fn parse_ok(text: &str, path: &str) -> Article {
    let (r, _) = parse(text, Path::new(path), &settings());
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

fn parse_err(text: &str) -> Vec<String> {
    let (r, _) = parse(text, Path::new("content/a.md"), &settings());
    r.unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn full_article() {
    let a = parse_ok(
        "---\ntitle: Harbour reopens\ndate: 2024-02-01 18:30\ntags: harbour, council\nauthors: [Ann Lee, ann lee]\n---\nBody\n",
        "content/2024/harbour.md",
    );
    assert_eq!(a.title, "Harbour reopens");
    assert_eq!(a.rel_url, "2024/02/01/harbour/");
    assert_eq!(a.tags, ["harbour", "council"]);
    assert_eq!(a.authors, ["Ann Lee"]);
    assert_eq!(a.body, "Body\n");
    assert_eq!(a.body_line, 7);
}

#[test]
fn date_from_jekyll_file_name() {
    let a = parse_ok("---\ntitle: T\n---\n", "content/2019-03-04-storm-hits.md");
    assert_eq!(a.rel_url, "2019/03/04/storm-hits/");
}

#[test]
fn bundle_index_takes_folder_name_and_bom_is_ignored() {
    let a = parse_ok("\u{feff}---\ntitle: T\ndate: 2020-01-02\n---\n", "content/2020/big-story/index.md");
    assert_eq!(a.slug, "big-story");
}

#[test]
fn every_problem_of_a_file_is_reported_with_its_line() {
    let errs = parse_err("---\nsummary: s\ndraft: maybe\n---\n");
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(errs[0].starts_with("content/a.md:3:1: `draft`"), "{errs:?}");
    assert!(errs.iter().any(|e| e.starts_with("content/a.md:1:1: missing `title`")), "{errs:?}");
    assert!(errs.iter().any(|e| e.starts_with("content/a.md:1:1: missing `date`")), "{errs:?}");
}

#[test]
fn other_tools_date_keys_and_quoted_drafts() {
    let a = parse_ok("---\ntitle: T\ndraft: 'false'\npublishDate: 2021-05-06\n---\n", "content/harbour.md");
    assert_eq!((a.rel_url.as_str(), a.draft), ("2021/05/06/harbour/", false));
}

#[test]
fn bad_date_points_at_its_line() {
    let errs = parse_err("---\ntitle: T\n\ndate: 2024-02-30\n---\n");
    assert_eq!(errs.len(), 1);
    assert!(errs[0].starts_with("content/a.md:4:1: `date`:"), "{errs:?}");
}

#[test]
fn missing_front_matter() {
    let errs = parse_err("# Just a heading\n");
    assert!(errs[0].starts_with("content/a.md:1:1: no front matter"), "{errs:?}");
}

#[test]
fn permalinks_expand_as_replacing_each_token_in_turn_would() {
    let date: Zoned = "2024-03-07T09:00:00+00:00[UTC]".parse().unwrap();
    let by_replacing = |pattern: &str, slug: &str| {
        let out = pattern
            .replace(":year", "2024")
            .replace(":month", "03")
            .replace(":day", "07")
            .replace(":slug", slug);
        out.trim_start_matches('/').to_string()
    };
    for pattern in [
        "/:year/:month/:day/:slug/",
        ":slug.html",
        "/news/:year-:month/:slug",
        "/a::year:/:sl:dayug/",
        "//:x:",
        "",
    ] {
        for slug in ["council-vote", "year", "a-:day"] {
            assert_eq!(
                super::validate::expand_permalink(pattern, &date, slug),
                by_replacing(pattern, slug),
                "{pattern} {slug}"
            );
        }
    }
}

#[test]
fn walk_order_is_file_name_order() {
    let names = ["b.md", "a.md", "a", "a-b", "a.b", "é.md", "Z.md", "a b", "2024-01-01-x.md", ".hidden"];
    for parent in ["content/2024", "/abs/x y", "c"] {
        let parent = Path::new(parent);
        let mut by_path: Vec<PathBuf> = names.iter().map(|n| parent.join(n)).collect();
        let mut by_file_name = by_path.clone();
        by_path.sort_by(|a, b| super::walk::by_name(a, b));
        by_file_name.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        assert_eq!(by_path, by_file_name);
    }
}
