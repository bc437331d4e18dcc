//! Every kind of page the built-in templates write is valid HTML, as the Nu
//! Html Checker (vnu.jar, from the npm package `vnu-jar`) reads it.
//!
//! `.ci/run` installs vnu.jar and points `DATELINE_VNU_JAR` at it. Without
//! Java or the jar the test says so and passes, except under `DATELINE_CI`.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::TestSite;

/// The jar, where `.ci/run` puts it unless `DATELINE_VNU_JAR` says otherwise.
fn vnu_jar() -> PathBuf {
    std::env::var_os("DATELINE_VNU_JAR").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/ci-tools/npm/node_modules/vnu-jar/build/dist/vnu.jar")
        },
        PathBuf::from,
    )
}

/// The jar when it and Java are there; `None` (said on stderr) when not,
/// and a failure when not under `DATELINE_CI`.
#[allow(clippy::print_stderr, reason = "a skipped check must say so")]
fn vnu() -> Option<PathBuf> {
    let jar = vnu_jar();
    let java = Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success());
    if java && jar.is_file() {
        return Some(jar);
    }
    assert!(
        std::env::var_os("DATELINE_CI").is_none(),
        "java or {} is missing, and DATELINE_CI is set: .ci/run should have installed them",
        jar.display()
    );
    eprintln!("skipped: java or {} is missing (.ci/run installs them)", jar.display());
    None
}

/// A site with every page type, and the Markdown that used to give invalid
/// or clashing ids: footnote labels with spaces, headings named like the
/// page's own ids, summaries with headings before `<!-- more -->`.
fn every_page_type() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: The Ledger & Co\ndescription: \"News <with> \\\"quotes\\\" & more\"\n\
         base_url: https://example.org/news/\nper_page: 2\n",
    );
    site.article(
        "2024/full.md",
        "title: \"Everything <at> once & </script> more\"\ndate: 2024-03-01T09:00:00+01:00\n\
         updated: 2024-03-02T10:00:00Z\nauthors: [Zoë O'Brien, Sam Lee]\ntags: [harbour, 京都, \"R&D\"]\n\
         summary: A summary with <b>markup</b> & ampersands.\nimage: /img/lead.png\n\
         aliases: [/old/everything/, /2019/legacy.html]\nsource: https://elsewhere.example/story",
        "## Main\n\nOpening with notes.[^1] And[^a spaced label] and[^main] and[^p-2].\n\n\
         “The boats can come home at low tide now,” harbourmaster Tom Briggs said.\n\n\
         <!-- more -->\n\n## Related heading\n\n## Numbers {#p-1}\n\n\
         | Year | Tonnes |\n|-----:|:------:|\n| 2023 | 1,200 |\n| 2024 | 3,400 |\n\n\
         ![A chart](chart.png \"Tonnage\")\n\n![](decorative.png)\n\n\
         - [ ] open task\n- [x] done task\n- “We will keep dredging,” Briggs said of the plan.\n\n\
         > “It is a good day for the town,” said Mayor Ellen Vasquez.\n\n\
         Inline `code`, ~~strike~~, a [link](other.md#numbers) and [nothing]().\n\n\
         ```rust\nfn main() {}\n```\n\nA hard break  \nhere.\n\n---\n\n\
         [^1]: The first note.\n[^a spaced label]: Spaced.\n[^main]: Named like main.\n[^p-2]: Named like a paragraph.\n",
    );
    site.article(
        "2024/other.md",
        "title: Other story\ndate: 2024-02-01\nauthor: Sam Lee\ntags: [harbour]",
        "## Main\n\n## Background\n\n“Another quote for the record,” said Sam Lee.[^1]\n\n\
         <!-- more -->\n\n## Background\n\n[^1]: A note.\n",
    );
    site.article(
        "2024/chosen.md",
        "title: Chosen\ndate: 2024-01-05\ntags: [harbour]\n\
         pullquotes:\n  - text: \"Chosen words appear here\"\n    speaker: A & B",
        "She said: “Chosen words appear here, in full.”\n\n1. “A quote in a list item,” said Sam Lee.\n",
    );
    for i in 1..=3 {
        site.article(
            &format!("2023/filler-{i}.md"),
            &format!("title: Filler {i}\ndate: 2023-0{i}-01\ntags: [harbour]"),
            &format!("Text {i}.[^1]\n\n[^1]: Note {i}.\n"),
        );
    }
    site.build().expect("build");
    site
}

#[test]
fn every_page_type_is_valid_html() {
    let site = every_page_type();
    let pages: Vec<PathBuf> =
        site.files().iter().filter(|f| f.ends_with(".html")).map(|f| site.out().join(f)).collect();
    for page in [
        "index.html",
        "page/2/index.html",
        "404.html",
        "2024/03/01/full/index.html",
        "2024/index.html",
        "2024/03/index.html",
        "archive/index.html",
        "tags/index.html",
        "tags/京都/index.html",
        "tags/harbour/page/2/index.html",
        "authors/index.html",
        "authors/zoë-obrien/index.html",
        "quotes/index.html",
        "quotes/tom-briggs/index.html",
        "search/index.html",
        "old/everything/index.html",
        "2019/legacy.html",
    ] {
        assert!(pages.contains(&site.out().join(page)), "the fixture has no {page}");
    }
    let article = site.read("2024/03/01/full/index.html");
    assert!(article.contains("class=\"pullquote\""), "no pull-out: {article}");
    assert!(article.contains("id=\"fn-2\""), "no footnotes: {article}");

    let Some(jar) = vnu() else { return };
    // Files named one by one, so that nothing is skipped as "not HTML".
    let run = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages)
        .output()
        .expect("run java");
    let report = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success() && report.trim().is_empty(), "vnu found errors:\n{report}");
}
