//! Nothing escapes: no front-matter value, setting or symlink makes the
//! build write or read outside its folders, and every value from front
//! matter is escaped wherever it lands.

use std::path::Path;

use dateline::BuildOptions;

use crate::harness::{TestSite, main_of};

/// Every file and folder under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().strip_prefix(dir).expect("prefix").to_string_lossy().into_owned())
        .collect();
    all.sort();
    all
}

#[test]
fn hostile_slugs_tags_and_authors_stay_inside() {
    let outer = tempfile::tempdir().expect("tmp");
    let site = TestSite::new();
    let hostile = [
        "../../escape",
        "/etc/passwd",
        "..\\\\..\\\\win",
        "%2e%2e%2fencoded",
        "..%2F..%2Fmixed",
        "....//double",
        "C:\\\\Windows\\\\x",
    ];
    for (i, h) in hostile.iter().enumerate() {
        site.article(
            &format!("a{i}.md"),
            &format!(
                "title: \"{h}\"\ndate: 2024-01-{:02}\nslug: \"{h}\"\ntags: [\"{h}\"]\nauthor: \"{h}\"",
                i + 1
            ),
            "x\n",
        );
    }
    site.build().expect("build");
    let before = tree(outer.path());
    assert!(before.is_empty());
    let root: Vec<_> = std::fs::read_dir(site.root())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(root.len(), 2, "only content/ and public/: {root:?}");
    for f in site.files() {
        assert!(!f.contains(".."), "{f}");
        assert!(!f.contains('%'), "{f}");
        assert!(!f.contains('\\'), "{f}");
    }
    for slug in ["escape", "etc-passwd", "2e-2e-2fencoded", "double", "c-windows-x"] {
        assert!(site.files().iter().any(|f| f.contains(&format!("/{slug}/"))), "{slug}: {:?}", site.files());
    }
}

#[test]
fn a_permalink_that_climbs_out_writes_nothing() {
    let site = TestSite::new();
    site.file("site.yaml", "permalink: /../../:slug/\n");
    site.article("a.md", "title: A\ndate: 2024-01-01", "x\n");
    let err = site.build().expect_err("unsafe path").to_string();
    assert!(err.contains("refusing to write ../../a/index.html"), "{err}");
    assert!(!site.out().exists());
    assert!(!site.root().join("a").exists());
    assert!(!site.root().parent().expect("parent").join("a/index.html").exists());
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("secret.txt"), "SECRET").expect("write");
    std::fs::write(outside.path().join("planted.md"), "---\ntitle: Planted\ndate: 2024-01-01\n---\nSECRET\n")
        .expect("write");
    let site = TestSite::new();
    site.article("real.md", "title: Real\ndate: 2024-01-02", "x\n");
    site.file("shared/inside.png", "PNG");
    let content = site.root().join("content");
    symlink(outside.path().join("secret.txt"), content.join("secret.txt")).expect("link");
    symlink(outside.path().join("planted.md"), content.join("planted.md")).expect("link");
    symlink(outside.path(), content.join("outside-dir")).expect("link");
    symlink(site.root().join("shared/inside.png"), content.join("inside.png")).expect("link");
    symlink(content.join("loop-b"), content.join("loop-a")).expect("link");
    symlink(content.join("loop-a"), content.join("loop-b")).expect("link");
    symlink(&content, content.join("self")).expect("link");
    let report = site.build().expect("build");
    let files = site.files();
    assert!(!files.iter().any(|f| f.contains("secret") || f.contains("planted")), "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with("outside-dir") || f.starts_with("self")), "{files:?}");
    assert_eq!(site.read("inside.png"), "PNG", "a symlink inside the site is followed");
    assert_eq!(report.articles, 1);
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    for (name, why) in [
        ("secret.txt", "it points outside the site root"),
        ("planted.md", "it points outside the site root"),
        ("outside-dir", "it points outside the site root"),
        ("loop-a", "it leads nowhere readable"),
        ("self", "it points to a folder"),
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("content/{name}: warning: symlink not followed: {why}"))),
            "{name}: {warnings:#?}"
        );
    }
}

#[test]
fn front_matter_is_escaped_in_attributes() {
    let site = TestSite::new();
    site.article(
        "a.md",
        "title: \"\\\" onmouseover=\\\"alert(1)\"\ndate: 2024-01-01\nsource: \"https://example.org/?q=\\\"><script>alert(2)</script>\"\ntags: [\"\\\" onfocus=\\\"x\"]\nauthor: \"<svg onload=alert(3)>\"",
        "Body.\n",
    );
    site.build().expect("build");
    let html = site.read("2024/01/01/a/index.html");
    assert!(!html.contains("\" onmouseover=\"") && !html.contains("\" onfocus=\""), "{html}");
    assert!(!html.contains("<script>alert(2)") && !html.contains("<svg onload"), "{html}");
    assert!(
        html.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;&#x2F;script&gt;")
            || html.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{}",
        main_of(&html)
    );
}

#[test]
fn script_urls_in_front_matter_are_errors() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01\nsource: \"javascript:alert(1)\"", "x\n");
    let err = site.build().expect_err("script url").to_string();
    assert!(err.starts_with("content/a.md:4:1: `source` must be a web address"), "{err}");
}

#[test]
fn json_ld_cannot_close_its_script_block() {
    let site = TestSite::new();
    site.file(
        "templates/article.html",
        "{% extends \"builtin/article.html\" %}{% block head %}<script type=\"application/ld+json\">{{ page.title | json_ld }}</script>{% endblock head %}",
    );
    site.article("a.md", "title: \"</script><script>alert(1)</script> & more\"\ndate: 2024-01-01", "x\n");
    site.build().expect("build");
    let html = site.read("2024/01/01/a/index.html");
    let head = &html[..html.find("</head>").expect("head")];
    assert!(head.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), "{head}");
    // The built-in JSON-LD block and the override's: each closes only itself.
    assert_eq!(head.matches("</script>").count(), head.matches("<script").count(), "{head}");
    assert!(!head.contains("<script>alert"), "{head}");
}

#[test]
fn raw_html_passes_by_default_and_is_escaped_when_turned_off() {
    let site = TestSite::new();
    let body = "Text with <b onclick=\"x()\">inline</b> HTML.\n\n<script>alert(1)</script>\n\n<div class=\"box\">block</div>\n";
    site.article("a.md", "title: A\ndate: 2024-01-01", body);
    site.build().expect("build");
    let html = site.read("2024/01/01/a/index.html");
    assert!(html.contains("<b onclick=\"x()\">inline</b>") && html.contains("<script>alert(1)</script>"));
    site.file("site.yaml", "markdown:\n  raw_html: false\n");
    site.build_with(&BuildOptions::default()).expect("build");
    let html = site.read("2024/01/01/a/index.html");
    let main = main_of(&html);
    assert!(
        !main.contains("<script>") && !main.contains("<b onclick") && !main.contains("<div class=\"box\">"),
        "{main}"
    );
    assert!(main.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{main}");
    assert!(main.contains("&lt;b onclick=\"x()\"&gt;inline&lt;/b&gt;"), "{main}");
}
