//! `dateline check` on built fixture sites: clean, and broken on purpose.

use crate::harness::TestSite;

fn clean_site() -> TestSite {
    let site = TestSite::new();
    site.file("content/2024/pic.png", "png")
        .article(
            "2024/a.md",
            "title: A story\ndate: 2024-01-01\ntags: [x]\naliases: [/old-a/]",
            "See ![pic](pic.png) and [b](b.md).\n\nJump to [details](#details).\n\n## Details\n\nText.\n",
        )
        .article("2024/b.md", "title: B story\ndate: 2024-01-02", "Back to [a](a.md#details).\n");
    site.build().expect("build");
    site
}

fn check(site: &TestSite) -> (i32, String) {
    let out = site.cli(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().expect("exit code"), stdout)
}

/// Appends `html` inside `<main>` of a built page.
fn inject(site: &TestSite, rel: &str, html: &str) {
    let path = site.out().join(rel);
    let page = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, page.replace("</main>", &format!("{html}</main>"))).expect("write");
}

#[test]
fn a_clean_site_passes() {
    let site = clean_site();
    let (code, stdout) = check(&site);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn a_clean_site_under_a_sub_path_passes() {
    let site = clean_site();
    site.file("site.yaml", "base_url: https://example.org/news/\n");
    site.build().expect("build");
    let (code, stdout) = check(&site);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn broken_link_is_reported_on_its_page() {
    let site = clean_site();
    inject(&site, "2024/01/01/a/index.html", "<a href=\"/nowhere/\">x</a>");
    let (code, stdout) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(stdout, "public/2024/01/01/a/index.html: broken link /nowhere/ (no such page)\n");
}

#[test]
fn missing_image_is_reported() {
    let site = clean_site();
    std::fs::remove_file(site.out().join("2024/pic.png")).expect("remove");
    let (code, stdout) = check(&site);
    assert_eq!(code, 1);
    // The image is in the summary, so every listing showing it reports it too.
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "public/2024/01/01/a/index.html: missing image /2024/pic.png (no such file)");
    assert!(lines.contains(&"public/index.html: missing image /2024/pic.png (no such file)"));
    assert!(lines.iter().all(|l| l.ends_with("missing image /2024/pic.png (no such file)")));
}

#[test]
fn bad_fragment_is_reported() {
    let site = clean_site();
    inject(&site, "2024/01/02/b/index.html", "<a href=\"../../01/a/#nope\">x</a>");
    let (code, stdout) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "public/2024/01/02/b/index.html: broken fragment ../../01/a/#nope (no id \"nope\" on that page)\n"
    );
}

#[test]
fn orphaned_article_is_reported() {
    let site = clean_site();
    // Remove every listing link to story B by rewriting listing pages.
    for rel in site.files() {
        if rel.ends_with(".html") && !rel.starts_with("2024/01/0") {
            let path = site.out().join(&rel);
            let page = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, page.replace("href=\"/2024/01/02/b/\"", "href=\"/\"")).expect("write");
        }
    }
    let (code, stdout) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(stdout, "public/2024/01/02/b/index.html: orphaned: no listing page links to this article\n");
}

#[test]
fn a_missing_output_is_a_clear_error() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01", "x\n");
    let out = site.cli(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("run `dateline build` first"), "{stderr}");
}
