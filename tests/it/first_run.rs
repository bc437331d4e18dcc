//! Issue 21: article metadata, what the build left out, and `dateline init`.

use crate::harness::TestSite;

fn meta_description(html: &str) -> Vec<&str> {
    html.match_indices("<meta name=\"description\" content=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("closing quote")]
        })
        .collect()
}

#[test]
fn article_meta_description_is_its_summary_escaped() {
    let site = TestSite::new();
    site.file("site.yaml", "title: The Ledger\ndescription: News from Millbrook & around\n")
        .article(
            "2024/bridge.md",
            "title: Bridge fixed\ndate: 2024-02-01\nsummary: 'Council votes \"yes\" on <repairs> & more'",
            "Body text.\n",
        )
        .article("2024/plain.md", "title: Plain\ndate: 2024-02-02", "First paragraph of plain.\n");
    site.build().expect("build");
    let article = site.read("2024/02/01/bridge/index.html");
    assert_eq!(
        meta_description(&article),
        ["Council votes &quot;yes&quot; on &lt;repairs&gt; &amp; more"],
        "{article}"
    );
    // Without a summary in front matter, the first paragraph is the summary.
    let plain = site.read("2024/02/02/plain/index.html");
    assert_eq!(meta_description(&plain), ["First paragraph of plain."]);
    // Pages that are not articles keep the site's description.
    for rel in ["index.html", "tags/index.html", "archive/index.html"] {
        assert_eq!(meta_description(&site.read(rel)), ["News from Millbrook &amp; around"], "{rel}");
    }
}

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn build_summary_says_what_was_left_out_and_how_to_include_it() {
    let site = TestSite::new();
    site.article("2024/live.md", "title: Live\ndate: 2024-02-01", "Out now.\n")
        .article("2024/draft-a.md", "title: Draft A\ndate: 2024-02-02\ndraft: true", "Not yet.\n")
        .article("2024/draft-b.md", "title: Draft B\ndate: 2024-02-03\ndraft: true", "Not yet.\n")
        .article("2999/later.md", "title: Later\ndate: 2999-01-01", "Embargoed.\n")
        .article("2020/gone.md", "title: Gone\ndate: 2020-01-01\nexpires: 2021-01-01", "Expired.\n");
    let out = stdout(&site.cli(&["build"]));
    assert!(out.starts_with("built 1 articles, "), "{out}");
    assert!(out.contains("\n2 drafts not built (--drafts to include)\n"), "{out}");
    assert!(
        out.contains("\n1 embargoed article not built: dated in the future (--future to include)\n"),
        "{out}"
    );
    assert!(out.contains("\n1 expired article not built: past its `expires` date"), "{out}");

    let out = stdout(&site.cli(&["build", "--drafts", "--future"]));
    assert!(out.starts_with("built 4 articles, "), "{out}");
    assert!(!out.contains("draft") && !out.contains("embargoed"), "{out}");
    assert!(out.contains("1 expired article not built"), "{out}");

    // Nothing left out: no such line at all.
    let clean = TestSite::new();
    clean.article("2024/live.md", "title: Live\ndate: 2024-02-01", "Out now.\n");
    let out = stdout(&clean.cli(&["build"]));
    assert!(!out.contains("not built"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn init_then_build_shows_one_article() {
    let site = TestSite::new();
    let out = stdout(&site.cli(&["init", "mysite"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1..], ["  cd mysite", "  dateline serve --open"], "{out}");
    let dir = site.root().join("mysite");
    assert!(dir.join("static").is_dir(), "no static/");
    let ignored = std::fs::read_to_string(dir.join(".gitignore")).expect(".gitignore");
    assert_eq!(ignored.lines().collect::<Vec<_>>(), ["/public/", "/.dateline/"], "output and preview");
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("build")
        .current_dir(&dir)
        .output()
        .expect("build");
    let summary = stdout(&build);
    assert!(summary.starts_with("built 1 articles, "), "{summary}");
    assert!(!summary.contains("not built"), "{summary}");
    let pages: Vec<_> = walkdir::WalkDir::new(dir.join("public"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().ends_with("welcome/index.html"))
        .collect();
    assert_eq!(pages.len(), 1, "one article page");
    let html = std::fs::read_to_string(pages[0].path()).expect("page");
    assert!(html.contains("<h1 class=\"headline\">Welcome to the archive</h1>"), "{html}");
    let index = std::fs::read_to_string(dir.join("public/index.html")).expect("index");
    assert!(index.contains("Welcome to the archive"), "front page lists it");
}

#[test]
fn serve_builds_say_what_was_left_out_too() {
    let site = TestSite::new();
    site.article("2024/live.md", "title: Live\ndate: 2024-02-01", "Out now.\n")
        .article("2024/draft.md", "title: Draft\ndate: 2024-02-02\ndraft: true", "Not yet.\n")
        .article("2999/later.md", "title: Later\ndate: 2999-01-01", "Embargoed.\n");
    // Stops by itself; the first build is printed long before.
    let out = site.cli(&["serve", "--port", "0", "--stop-after", "3"]);
    let out = stdout(&out);
    assert!(out.contains("built 1 articles, "), "{out}");
    assert!(out.contains("\n1 draft not built (--drafts to include)\n"), "{out}");
    assert!(
        out.contains("\n1 embargoed article not built: dated in the future (--future to include)\n"),
        "{out}"
    );
    assert!(!site.out().exists(), "serve wrote public/");
}
