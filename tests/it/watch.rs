//! Incremental rebuilds and watch mode: whatever the sequence of edits, the
//! output equals a clean build, byte for byte.

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::BuildOptions;
use dateline::incremental::Session;

use crate::harness::{Rng, TestSite, Watcher};

fn assert_same_as_clean_build(site: &TestSite, step: &str) {
    let clean = site.root().join("clean");
    dateline::build(site.root(), &clean, &BuildOptions::default()).expect("clean build");
    let (a, b) = (crate::harness::tree(&site.out()), crate::harness::tree(&clean));
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(only_a.is_empty() && only_b.is_empty(), "{step}: extra {only_a:?}, missing {only_b:?}");
    for (k, v) in &a {
        assert!(
            v == &b[k],
            "{step}: {k} differs:\n{}\n----\n{}",
            String::from_utf8_lossy(v),
            String::from_utf8_lossy(&b[k])
        );
    }
    std::fs::remove_dir_all(clean).expect("rm clean");
}

const TAGS: [&str; 5] = ["council", "harbour", "schools", "weather", "café"];
const PEOPLE: [&str; 3] = ["Ann Lee", "Bo Chan", "Cy Díaz"];

fn write_article(site: &TestSite, rng: &mut Rng, name: &str) {
    let day = 1 + rng.below(28);
    let month = 1 + rng.below(3);
    let tags: Vec<&str> = (0..1 + rng.below(2)).map(|_| TAGS[rng.below(TAGS.len())]).collect();
    let draft = if rng.below(8) == 0 { "\ndraft: true" } else { "" };
    let body = format!(
        "Lead paragraph {}.\n\n“We will see how it goes this time around,” said {} on Monday.\n\nMore text {}.\n",
        rng.next() % 1000,
        PEOPLE[rng.below(PEOPLE.len())],
        rng.next() % 100
    );
    site.article(
        &format!("{name}.md"),
        &format!(
            "title: Story {name} {}\ndate: 2024-{month:02}-{day:02}\ntags: [{}]\nauthor: {}{draft}",
            rng.next() % 50,
            tags.join(", "),
            PEOPLE[rng.below(PEOPLE.len())]
        ),
        &body,
    );
}

/// `hinted`: each rebuild is told the files the step touched, as watch mode
/// tells it the paths of file events (see `Session::build_edited`).
fn random_edits(seed: u64, hinted: bool) {
    let site = TestSite::new();
    site.file("site.yaml", "per_page: 3\n");
    let mut rng = Rng(seed);
    let mut names: Vec<String> = (0..12).map(|i| format!("s{i}")).collect();
    for n in &names {
        write_article(&site, &mut rng, n);
    }
    let mut session = Session::new(site.root(), &site.out(), BuildOptions::default());
    session.build().expect("first build");
    assert_same_as_clean_build(&site, "first build");
    let mut next_name = names.len();
    let article = |n: &str| site.root().join(format!("content/{n}.md"));
    for step in 0..30 {
        let op = rng.below(11);
        let mut touched = Vec::new();
        let what = match op {
            0 | 1 => {
                let n = names[rng.below(names.len())].clone();
                write_article(&site, &mut rng, &n);
                touched.push(article(&n));
                format!("rewrite {n}")
            }
            2 => {
                let n = format!("s{next_name}");
                next_name += 1;
                write_article(&site, &mut rng, &n);
                names.push(n.clone());
                touched.push(article(&n));
                format!("add {n}")
            }
            3 if names.len() > 2 => {
                let n = names.remove(rng.below(names.len()));
                std::fs::remove_file(article(&n)).expect("rm");
                touched.push(article(&n));
                format!("delete {n}")
            }
            4 => {
                let i = rng.below(names.len());
                let to = format!("s{next_name}");
                next_name += 1;
                std::fs::rename(article(&names[i]), article(&to)).expect("mv");
                touched.extend([article(&names[i]), article(&to)]);
                names[i] = to.clone();
                format!("rename to {to}")
            }
            5 if rng.below(2) == 0 => {
                let head =
                    ["", "{% block head %}<meta name=\"v\" content=\"1\">{% endblock head %}"][rng.below(2)];
                site.file("templates/base.html", &format!("{{% extends \"builtin/base.html\" %}}{head}"));
                touched.push(site.root().join("templates/base.html"));
                "template".to_string()
            }
            5 => {
                // Listing entries are rendered once per article and kept
                // between builds: a new entry template must reach them all.
                let entry = format!("<li>{{{{ item.title }}}} {}</li>\n", rng.below(3));
                site.file("templates/partials/story.html", &entry);
                touched.push(site.root().join("templates/partials/story.html"));
                "entry template".to_string()
            }
            6 => {
                let name = format!("content/img{}.svg", rng.below(3));
                site.file(&name, &format!("<svg>{}</svg>", rng.next()));
                touched.push(site.root().join(name));
                "asset".to_string()
            }
            7 => {
                let n = names[rng.below(names.len())].clone();
                let path = article(&n);
                let good = std::fs::read_to_string(&path).expect("read");
                std::fs::write(&path, "---\ntitle: broken\n").expect("break");
                let broken =
                    if hinted { session.build_edited(std::slice::from_ref(&path)) } else { session.build() };
                assert!(broken.is_err(), "step {step}: a broken article fails the build");
                std::fs::write(&path, good).expect("fix");
                touched.push(path);
                format!("break and fix {n}")
            }
            9 | 10 => {
                // An edit of the body only, at times with a new quote: the article keeps its place.
                let n = names[rng.below(names.len())].clone();
                let path = article(&n);
                let mut text = std::fs::read_to_string(&path).expect("read");
                text.push_str(&format!("\nMore news {}.\n", rng.next() % 1000));
                if rng.below(2) == 0 {
                    let who = PEOPLE[rng.below(PEOPLE.len())];
                    text.push_str(&format!("\n“It is a new day for all of us here,” said {who}.\n"));
                }
                std::fs::write(&path, text).expect("edit");
                touched.push(path);
                format!("body of {n}")
            }
            _ => {
                site.file("site.yaml", &format!("per_page: {}\n", 2 + rng.below(3)));
                touched.push(site.root().join("site.yaml"));
                "settings".to_string()
            }
        };
        let built = if hinted { session.build_edited(&touched) } else { session.build() };
        built.unwrap_or_else(|e| panic!("step {step} ({what}): {e}"));
        assert_same_as_clean_build(&site, &format!("seed {seed} step {step} ({what})"));
    }
}

#[test]
fn random_edit_sequences_equal_clean_builds() {
    for seed in [0x9E37_79B9_7F4A_7C15, 42, 7_777_777] {
        random_edits(seed, false);
    }
}

#[test]
fn random_edit_sequences_told_what_changed_equal_clean_builds() {
    for seed in [5, 1_000_003, 0xDEAD_BEEF] {
        random_edits(seed, true);
    }
}

#[test]
fn a_body_edit_renders_few_pages() {
    let site = TestSite::new();
    site.many(60);
    let mut session = Session::new(site.root(), &site.out(), BuildOptions::default());
    let first = session.build().expect("build");
    let path = site.root().join("content/2024/story-030.md");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Paragraph of story 30.", "Paragraph of story 30.\n\nA new line.");
    std::fs::write(&path, text).expect("write");
    let again = session.build().expect("rebuild");
    assert!(again.rendered < first.rendered / 3, "{} of {}", again.rendered, first.rendered);
    assert!(site.read("2024/01/31/story-030/index.html").contains("A new line."));
    let unchanged = session.build().expect("no-op rebuild");
    assert_eq!(unchanged.written, 0, "nothing changed, nothing written");
}

fn wait_for(logs: &Path, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        let log = |f: &str| std::fs::read_to_string(logs.join(f)).unwrap_or_default();
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}\nstdout:\n{}\nstderr:\n{}",
            log("out"),
            log("err")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_follows_how_editors_save() {
    let site = TestSite::new();
    let logs = tempfile::tempdir().expect("log dir");
    site.article("a.md", "title: Alpha\ndate: 2024-01-01", "First.\n");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["watch", "--debounce", "50", "--timings", "--root"])
        .arg(site.root())
        .stdout(std::fs::File::create(logs.path().join("out")).expect("log"))
        .stderr(std::fs::File::create(logs.path().join("err")).expect("log"))
        .spawn()
        .expect("start watch");
    let _guard = Watcher(child);
    let page = |rel: &str| std::fs::read_to_string(site.out().join(rel)).unwrap_or_default();
    wait_for(logs.path(), "first build", || page("2024/01/01/a/index.html").contains("Alpha"));

    // Write in place.
    site.article("a.md", "title: Alpha two\ndate: 2024-01-01", "First.\n");
    wait_for(logs.path(), "in-place save", || page("2024/01/01/a/index.html").contains("Alpha two"));
    // Write a temporary file, rename it over the article.
    site.file("content/.a.md.tmp", "---\ntitle: Alpha three\ndate: 2024-01-01\n---\nFirst.\n");
    std::fs::rename(site.root().join("content/.a.md.tmp"), site.root().join("content/a.md")).expect("rename");
    wait_for(logs.path(), "rename over", || page("2024/01/01/a/index.html").contains("Alpha three"));
    // Rename the old file to a backup, write a new one.
    std::fs::rename(site.root().join("content/a.md"), site.root().join("content/a.md~")).expect("backup");
    site.article("a.md", "title: Alpha four\ndate: 2024-01-01", "First.\n");
    wait_for(logs.path(), "backup and write", || page("2024/01/01/a/index.html").contains("Alpha four"));
    // A new folder with an article inside; then the folder deleted.
    site.article("2025/new/b.md", "title: Beta\ndate: 2025-02-02", "Second.\n");
    wait_for(logs.path(), "new folder", || page("2025/02/02/b/index.html").contains("Beta"));
    std::fs::remove_dir_all(site.root().join("content/2025")).expect("rm folder");
    wait_for(logs.path(), "deleted folder", || !site.out().join("2025/02/02/b/index.html").exists());
    // A broken article keeps the last good output; fixing it rebuilds.
    site.article("c.md", "title: Gamma\ndate: 2024-03-03\ndate: 2024-03-04", "x\n");
    std::thread::sleep(Duration::from_millis(600));
    assert!(page("2024/01/01/a/index.html").contains("Alpha four"));
    site.article("c.md", "title: Gamma\ndate: 2024-03-03", "x\n");
    wait_for(logs.path(), "fixed article", || page("2024/03/03/c/index.html").contains("Gamma"));
    // Editor droppings never reach the site.
    site.file("content/.#c.md", "junk");
    site.file("content/4913", "junk");
    site.file("content/c.md.swp", "junk");
    std::thread::sleep(Duration::from_millis(600));
    assert!(!site.out().join("4913").exists() && !site.out().join("c.md.swp").exists());
    drop(_guard);
    let err = std::fs::read_to_string(logs.path().join("err")).expect("stderr log");
    assert!(
        err.contains("stages: ") && err.contains("render "),
        "--timings prints each rebuild's stages:\n{err}"
    );
    let _ = std::fs::remove_file(site.root().join("content/a.md~"));
    assert_same_as_clean_build(&site, "after watching");
}

#[test]
fn a_broken_draft_written_while_watching_does_not_stop_rebuilds() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01", "Text.\n");
    let mut session = Session::new(site.root(), &site.out(), BuildOptions::default());
    session.build().expect("first build");
    site.article("_drafts/idea.md", "title:\ndate: someday", "Later.\n");
    site.article("b.md", "title: B\ndate: 2024-01-02", "More.\n");
    site.article("plan/index.md", "title: Plan\ndate: 2024-01-03\ndraft: true", "![Map](map.png)\n");
    site.file("content/plan/map.png", "png");
    session.build().unwrap_or_else(|e| panic!("a draft stopped the rebuild: {e}"));
    assert!(!site.files().iter().any(|f| f.ends_with("map.png")), "a draft bundle's image");
    assert!(site.exists("2024/01/02/b/index.html"));
    assert_same_as_clean_build(&site, "broken draft");
}
