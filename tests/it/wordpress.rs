//! `dateline import wordpress`: the fixture exports under
//! `tests/fixtures/wordpress` imported into temporary sites, then built.

use std::path::{Path, PathBuf};

use crate::harness::{TestSite, tree};

fn export(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress").join(name)
}

/// Runs the import in `site`'s root; returns (success, stdout, stderr).
fn import(site: &TestSite, name: &str, extra: &[&str]) -> (bool, String, String) {
    let file = export(name);
    let mut args = vec!["import", "wordpress", file.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let out = site.cli(&args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn content(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join("content").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn posts_get_every_front_matter_field() {
    let site = TestSite::new();
    let (ok, stdout, stderr) = import(&site, "news-1.2.xml", &[]);
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "imported 8 posts (4 drafts) and 0 pages; skipped: 2 attachment, 1 nav_menu_item, 1 page (import them with --pages), 1 post (trash); 2 comments not imported (dateline has no comments); kept as text, to finish by hand: 2 [contact-form-7] shortcode, 1 wp:latest-posts block"
    );
    let bridge = content(&site, "2023/bridge-vote.md");
    for line in [
        "title: Council approves the new bridge & the budget",
        "date: 2023-03-14T13:30:00-04:00",
        "updated: 2023-03-15T13:00:00Z",
        "authors:\n- Maria Ortiz",
        "tags:\n- council\n- Bridge & roads",
        "categories:\n- Local\n",
        "slug: bridge-vote",
        "summary: A vote & a budget.",
        "aliases:\n- /2023/03/14/bridge-vote/",
        "wordpress_id: 10",
    ] {
        assert!(bridge.contains(line), "{line:?} in\n{bridge}");
    }
    assert!(!bridge.contains("draft:") && !bridge.contains("Uncategorized"), "{bridge}");
    // Entities outside CDATA, an author without a display name, an empty excerpt.
    let cafe = content(&site, "2022/cafe-reopens.md");
    assert!(cafe.contains("title: Café reopens on Main Street – with a new owner"), "{cafe}");
    assert!(cafe.contains("authors:\n- jdoe") && !cafe.contains("summary:"), "{cafe}");
    // A non-ASCII slug, decoded; a second `cafe-reopens` the same day.
    assert!(content(&site, "2022/姉妹都市.md").contains("slug: 姉妹都市"));
    assert!(content(&site, "2022/cafe-reopens-2.md").contains("slug: cafe-reopens-2"));
    for draft in [
        "2023/draft-flood-defences.md",
        "2023/school-board.md",
        "2023/staff-notes.md",
        "2031/election-guide.md",
    ] {
        assert!(content(&site, draft).contains("\ndraft: true\n"), "{draft}");
    }
    assert!(!site.root().join("content/pages").exists(), "pages only with --pages");
}

#[test]
fn bodies_become_markdown_with_figures_galleries_and_links() {
    let site = TestSite::new();
    assert!(import(&site, "news-1.2.xml", &[]).0);
    let bridge = content(&site, "2023/bridge-vote.md");
    assert!(bridge.contains("The council voted **seven to two** on Tuesday.\n\n<!--more-->"), "{bridge}");
    assert!(bridge.contains("<figure>\n\n![The old bridge](https://courier.example.org/wp-content/uploads/2023/03/bridge.jpg)\n\n<figcaption>The old bridge at dusk</figcaption>\n\n</figure>"), "{bridge}");
    assert!(
        bridge.contains("<https://www.youtube.com/watch?v=abc123>") && !bridge.contains("wp:paragraph"),
        "{bridge}"
    );
    let cafe = content(&site, "2022/cafe-reopens.md");
    assert!(cafe.contains("on Monday.  \nThe new owner"), "wpautop line break: {cafe}");
    assert!(cafe.contains("<figcaption>Lena Park behind the counter</figcaption>"), "{cafe}");
    assert!(
        cafe.contains("![Counter](https://courier.example.org/wp-content/uploads/2022/11/counter.jpg)"),
        "gallery: {cafe}"
    );
    assert!(cafe.contains("(https://www.youtube.com/watch?v=cafe42)"), "{cafe}");
    assert!(cafe.contains("contact-form-7 id=\"44\""), "unconvertible shortcodes stay: {cafe}");
}

#[test]
fn an_imported_site_builds_and_passes_check() {
    let site = TestSite::new();
    assert!(import(&site, "news-1.2.xml", &["--pages"]).0);
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles), (8, 4), "the page is not an article");
    for page in [
        "2023/03/14/bridge-vote/index.html",
        "2022/11/02/cafe-reopens/index.html",
        "2022/11/02/cafe-reopens-2/index.html",
        "2022/11/02/姉妹都市/index.html",
    ] {
        assert!(site.exists(page), "{page}: {:?}", site.files());
    }
    // The page at its old URL, undated, out of the listings.
    let about = site.read("about/index.html");
    assert!(
        about.contains("<h1 class=\"headline\">About the Courier</h1>") && about.contains("Founded in 1911.")
    );
    assert!(
        !site.exists("2015/06/01/about/index.html") && !site.read("index.html").contains("About the Courier")
    );
    let written = std::fs::read_to_string(site.root().join("content/pages/about.md")).expect("page file");
    assert!(written.contains("url: /about/\n") && !written.contains("date:"), "{written}");
    assert!(!site.files().iter().any(|f| f.contains("election-guide") || f.contains("staff-notes")));
    let html = site.read("2023/03/14/bridge-vote/index.html");
    assert!(html.contains("<figcaption>The old bridge at dusk</figcaption>"), "{html}");
    let out = site.cli(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn running_twice_needs_force_and_gives_the_same_files() {
    let site = TestSite::new();
    assert!(import(&site, "news-1.2.xml", &["--pages"]).0);
    let first = tree(&site.root().join("content"));
    std::fs::write(site.root().join("content/2023/bridge-vote.md"), "edited by hand").expect("edit");
    let (ok, _, stderr) = import(&site, "news-1.2.xml", &["--pages"]);
    assert!(!ok && stderr.contains("would overwrite content/2023/bridge-vote.md"), "{stderr}");
    assert!(stderr.contains("pass --force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/2023/bridge-vote.md")).expect("read"),
        "edited by hand"
    );
    assert!(import(&site, "news-1.2.xml", &["--pages", "--force"]).0);
    assert_eq!(tree(&site.root().join("content")), first);
}

#[test]
fn wxr_1_0_with_http_namespaces() {
    let site = TestSite::new();
    let (ok, stdout, stderr) = import(&site, "classic-1.0.xml", &[]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("imported 1 posts (0 drafts)"), "{stdout}");
    let post = content(&site, "2009/storm-and-flood.md");
    assert!(post.contains("title: 'Storm & flood: the 2009 winter'"), "{post}");
    assert!(post.contains("date: 2009-01-05T14:30:00-05:00") && post.contains("tags:\n- storm"), "{post}");
    assert!(post.contains("categories:\n- Weather\n") && post.contains("authors:\n- gazette"), "{post}");
    assert!(post.contains("The storm came in overnight.\n\nRoads closed at *dawn*."), "{post}");
    assert!(!post.contains("aliases"), "a `?p=` link is no path: {post}");
    assert!(site.build().is_ok());
}

#[test]
fn a_cut_export_is_a_located_error_and_nothing_is_written() {
    let site = TestSite::new();
    let (ok, _, stderr) = import(&site, "truncated.xml", &[]);
    assert!(!ok);
    // Cut inside a tag: the line of the cut, and what to do.
    assert!(stderr.contains("truncated.xml:25:1: the export is not well-formed XML"), "{stderr}");
    assert!(stderr.contains("export it again"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(!site.root().join("content").exists());
}

#[test]
fn media_are_copied_and_linked_locally() {
    let site = TestSite::new();
    site.file("uploads/2023/03/bridge.jpg", "JPEG");
    let uploads = site.root().join("uploads");
    let (ok, stdout, stderr) = import(&site, "news-1.2.xml", &["--media", uploads.to_str().expect("path")]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("; 1 media files copied"), "{stdout}");
    assert!(site.root().join("static/wp-content/uploads/2023/03/bridge.jpg").is_file());
    assert!(
        content(&site, "2023/bridge-vote.md")
            .contains("![The old bridge](/wp-content/uploads/2023/03/bridge.jpg)")
    );
}

#[test]
fn old_short_links_find_their_article_through_the_front_page() {
    let site = TestSite::new();
    assert!(import(&site, "news-1.2.xml", &["--pages"]).0);
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let front = site.read("index.html");
    let head = &front[..front.find("</head>").expect("a head")];
    assert!(head.contains("<script>") && head.contains("fetch(\"/wp-ids.json\")"), "{head}");
    assert!(head.contains("(?:p|page_id)="), "{head}");
    assert!(!site.read("2023/03/14/bridge-vote/index.html").contains("wp-ids.json"));
    let map: serde_json::Value = serde_json::from_str(&site.read("wp-ids.json")).expect("JSON");
    assert_eq!(map["10"], "/2023/03/14/bridge-vote/");
    assert_eq!(map["12"], "/2022/11/02/姉妹都市/");
    assert_eq!(map["19"], "/about/", "pages answer ?page_id= from the same map");
    assert!(map.get("14").is_none() && map.get("15").is_none(), "drafts are not published: {map}");
    // A site that never was WordPress gets neither.
    let plain = TestSite::new();
    plain.article("a.md", "title: A\ndate: 2024-01-02", "Text.");
    plain.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(!plain.read("index.html").contains("<script>") && !plain.exists("wp-ids.json"));
}
