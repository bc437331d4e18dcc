//! Bad input, through the binary: each problem is one clear error naming the
//! file (and line where there is one), exit code 1, no panic, and the
//! previous `public/` byte for byte as it was.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{TestSite, tree};

/// What a run of the binary did.
struct Run {
    code: Option<i32>,
    stderr: String,
    /// Peak resident memory seen, in kB (0 where `/proc` is missing).
    peak_kb: u64,
}

/// Runs `dateline build` in `root`, killing it if it outlives a generous
/// bound so that a build that blocks (on a FIFO, say) fails the test
/// instead of hanging it.
fn build(root: &Path) -> Run {
    let logs = tempfile::tempdir().expect("log dir");
    let err = logs.path().join("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("build")
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err).expect("log"))
        .spawn()
        .expect("start dateline");
    let start = Instant::now();
    let mut peak_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        peak_kb = peak_kb.max(peak_memory_kb(child.id()));
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dateline build hung:\n{}", std::fs::read_to_string(&err).unwrap_or_default());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&err).expect("stderr");
    assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{stderr}");
    Run { code: status.code(), stderr, peak_kb }
}

fn peak_memory_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// Builds a good site, lets `spoil` add bad input, builds again: the second
/// build must fail with exit code 1 and leave the first output untouched.
/// Returns the site and the error output.
fn rejected(spoil: impl FnOnce(&TestSite)) -> (TestSite, String) {
    let site = TestSite::new();
    site.article("2024/good.md", "title: Good\ndate: 2024-01-01\ntags: [council]", "Fine.\n");
    let first = build(site.root());
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let before = tree(&site.out());
    assert!(before.contains_key("index.html"));
    spoil(&site);
    let run = build(site.root());
    assert_eq!(run.code, Some(1), "exit code 1:\n{}", run.stderr);
    assert!(tree(&site.out()) == before, "the previous output is untouched:\n{}", run.stderr);
    (site, run.stderr)
}

/// Asserts that `stderr` has an error line starting with `start`, and returns it.
fn error_line<'a>(stderr: &'a str, start: &str) -> &'a str {
    stderr
        .lines()
        .find(|l| l.starts_with(&format!("error: {start}")))
        .unwrap_or_else(|| panic!("no error starting {start:?}:\n{stderr}"))
}

#[test]
fn no_closing_fence() {
    let (_, err) = rejected(|s| {
        s.file("content/bad.md", "---\ntitle: Open\ndate: 2024-01-02\nNo fence.\n");
    });
    assert!(error_line(&err, "content/bad.md:1:1: front matter is not closed").contains("`---`"));
}

#[test]
fn yaml_with_a_tab() {
    let (_, err) = rejected(|s| {
        s.file("content/bad.md", "---\ntitle: Tab\n\tdate: 2024-01-02\n---\nx\n");
    });
    assert!(error_line(&err, "content/bad.md:3:").contains("YAML"), "{err}");
}

#[test]
fn yaml_with_bad_indentation() {
    let (_, err) = rejected(|s| {
        s.file("content/bad.md", "---\ntitle: Indent\ndate: 2024-01-02\ntags:\n    - a\n  - b\n---\nx\n");
    });
    let line = error_line(&err, "content/bad.md:");
    assert!(line.contains("YAML"), "{err}");
    let n: usize = line.split(':').nth(2).expect("line").parse().expect("number");
    assert!((5..=6).contains(&n), "the line of the bad indentation: {err}");
}

#[test]
fn missing_title() {
    let (_, err) = rejected(|s| {
        s.article("bad.md", "date: 2024-01-02", "x\n");
    });
    assert!(error_line(&err, "content/bad.md:1:1: missing `title`").contains("title:"));
}

#[test]
fn a_date_that_is_not_a_date() {
    let (_, err) = rejected(|s| {
        s.article("bad.md", "title: Soon\ndate: next week", "x\n");
    });
    error_line(&err, "content/bad.md:3:1: `date`");
}

/// Month names are not read: `June 23, 2020` is refused like any other
/// text, with the form to write instead, since archives in other languages
/// would need every language's month names, and `03/04/2020` style dates
/// are ambiguous.
#[test]
fn a_date_in_words_is_refused_with_the_form_to_use() {
    let (_, err) = rejected(|s| {
        s.article("bad.md", "title: Words\ndate: June 23, 2020", "x\n");
    });
    assert!(error_line(&err, "content/bad.md:3:1: `date`").contains("2024-02-01"), "{err}");
}

#[test]
fn a_file_that_is_not_utf8() {
    let (_, err) = rejected(|s| {
        let path = s.root().join("content/bad.md");
        std::fs::write(path, b"---\ntitle: Caf\xe9\ndate: 2024-01-02\n---\nx\n").expect("write");
    });
    assert!(error_line(&err, "content/bad.md:2: is not UTF-8").contains("UTF-8"));
}

#[test]
fn an_empty_file() {
    let (_, err) = rejected(|s| {
        s.file("content/bad.md", "");
    });
    error_line(&err, "content/bad.md:1:1: no front matter");
}

#[test]
fn two_articles_with_one_url() {
    let (_, err) = rejected(|s| {
        s.article("2024/other/good.md", "title: Twin\ndate: 2024-01-01", "x\n");
    });
    error_line(&err, "content/2024/good.md and content/2024/other/good.md both produce /2024/01/01/good/");
}

#[test]
fn a_template_with_a_syntax_error() {
    let (_, err) = rejected(|s| {
        s.file(
            "templates/tag.html",
            "{% extends \"builtin/tag.html\" %}\n\n{% block title %}{{ tag.name {% endblock %}",
        );
    });
    error_line(&err, "template error");
    assert!(err.contains("--> tag.html:3:"), "the template and line: {err}");
}

/// Tera 2 already refuses to render an undefined variable, naming the
/// template and the line.
#[test]
fn a_template_using_a_variable_that_does_not_exist() {
    let (_, err) = rejected(|s| {
        s.file(
            "templates/index.html",
            "{% extends \"builtin/index.html\" %}\n{% block title %}\n{{ no_such_thing }}{% endblock %}",
        );
    });
    assert!(error_line(&err, "template error").contains("`no_such_thing` is not defined"), "{err}");
    assert!(err.contains("--> index.html:3:"), "the template and line: {err}");
}

/// As root every file is readable, so unreadable means not a file: a FIFO
/// named like an article (reading it would block the build for ever).
#[cfg(unix)]
#[test]
fn an_article_that_is_not_a_file() {
    let (_, err) = rejected(|s| {
        let status = Command::new("mkfifo").arg(s.root().join("content/bad.md")).status().expect("mkfifo");
        assert!(status.success());
    });
    assert!(error_line(&err, "content/bad.md: ").contains("not a regular file"), "{err}");
}

/// A folder named like an article is a folder: its articles build.
#[test]
fn a_folder_named_like_an_article_is_a_folder() {
    let site = TestSite::new();
    site.article("odd.md/inner.md", "title: Inner\ndate: 2024-01-01", "x\n");
    let run = build(site.root());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(site.exists("2024/01/01/inner/index.html"));
}

/// A symlink loop in place of an article loses the article: an error. (A
/// loop through folders is a warning: folder symlinks are never followed,
/// see containment.rs.)
#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content() {
    use std::os::unix::fs::symlink;
    let (_, err) = rejected(|s| {
        let content = s.root().join("content");
        symlink(content.join("loop-b.md"), content.join("loop-a.md")).expect("link");
        symlink(content.join("loop-a.md"), content.join("loop-b.md")).expect("link");
        symlink(&content, content.join("self")).expect("link");
    });
    assert!(error_line(&err, "content/loop-a.md: ").contains("symlink"), "{err}");
    error_line(&err, "content/loop-b.md: ");
}

/// It builds, with a warning that quotes are not looked for (see
/// `quotes::MAX_BODY`).
#[test]
fn a_50_mb_article_builds_in_bounded_memory() {
    let site = TestSite::new();
    let paragraph = "The council met on Tuesday to discuss the harbour. “We will not wait another year,” said Mayor Ellen Vasquez. Work starts in **May**, with [details](https://example.org/).\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    site.article("2024/huge.md", "title: Huge\ndate: 2024-01-01", &body);
    let run = build(site.root());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("content/2024/huge.md:5: warning: the body is"), "{}", run.stderr);
    let page = std::fs::metadata(site.out().join("2024/01/01/huge/index.html")).expect("page").len();
    assert!(page > 50_000_000, "the whole body is on the page: {page} bytes");
    if run.peak_kb > 0 {
        assert!(run.peak_kb < 2 * 1024 * 1024, "peak memory {} MB", run.peak_kb / 1024);
    }
}

/// pulldown-cmark, our passes over its events and the quote extractor all
/// walk the event stream without recursing, so any depth builds: no cap is
/// needed (`build` above fails on a stack overflow or panic).
#[test]
fn markdown_nested_100000_levels() {
    for (name, line, tag) in
        [("quotes", ">".repeat(100_000), "<blockquote>"), ("lists", "- ".repeat(100_000), "<ul>")]
    {
        let site = TestSite::new();
        let body = format!("Intro.\n\n{line}“Deep down,” said Ann Lee.\n\nAfter.\n");
        site.article("2024/deep.md", "title: Deep\ndate: 2024-01-01", &body);
        let run = build(site.root());
        assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
        let page = site.read("2024/01/01/deep/index.html");
        assert!(page.matches(tag).count() >= 1000, "{name} nested as written");
        assert!(page.contains("Deep down") && page.contains("After."), "{name}");
    }
}

/// Each tag's page and feed show the article with all its tags, so the
/// work grows with the square of the count: past `MAX_TAGS` it is an error.
#[test]
fn an_article_with_10000_tags() {
    let tags: Vec<String> = (0..10_000).map(|i| format!("t{i}")).collect();
    let (_, err) = rejected(|s| {
        s.article("bad.md", &format!("title: Tagged\ndate: 2024-01-02\ntags: [{}]", tags.join(", ")), "x\n");
    });
    assert!(error_line(&err, "content/bad.md:4:1: 10000 tags").contains("at most 1000"), "{err}");
}

#[test]
fn a_tag_that_slugifies_to_nothing() {
    let (_, err) = rejected(|s| {
        s.article("bad.md", "title: Bang\ndate: 2024-01-02\ntags: [fine, \"!!!\"]", "x\n");
    });
    assert!(error_line(&err, "content/bad.md:4:1: ").contains("!!!"), "{err}");
}
