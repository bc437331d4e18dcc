//! The binary: commands, exit codes, the summary line.

use crate::harness::TestSite;

#[test]
fn build_prints_a_summary_and_exits_zero() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-01", "x\n");
    let out = site.cli(&["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("built 1 articles, "), "{stdout}");
    assert!(stdout.contains(" files written to "), "{stdout}");
    assert!(site.exists("index.html"));
}

#[test]
fn content_errors_exit_one_and_list_every_file() {
    let site = TestSite::new();
    site.article("a.md", "date: 2024-01-01", "x\n");
    site.article("b.md", "title: B", "x\n");
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: content/a.md:1:1: missing `title`"), "{stderr}");
    assert!(stderr.contains("error: content/b.md:1:1: missing `date`"), "{stderr}");
    assert!(!site.exists("index.html"));
}

#[test]
fn usage_errors_exit_two() {
    let site = TestSite::new();
    assert_eq!(site.cli(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(site.cli(&["frobnicate"]).status.code(), Some(2));
    for cmd in ["build", "init", "new"] {
        let help = site.cli(&[cmd, "--help"]);
        assert!(help.status.success(), "{cmd} --help");
        assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: dateline"), "{cmd}");
    }
}

#[test]
fn init_then_new_then_build() {
    let site = TestSite::new();
    let out = site.cli(&["init", "paper"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let paper = site.root().join("paper");
    let yaml = std::fs::read_to_string(paper.join("site.yaml")).expect("site.yaml");
    assert!(yaml.contains("# ") && yaml.contains("per_page: 20"));
    let new = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["new", "Storm closes Harbour Road", "--root"])
        .arg(&paper)
        .output()
        .expect("new");
    assert!(new.status.success());
    let path = String::from_utf8_lossy(&new.stdout).trim().to_string();
    assert!(path.ends_with("storm-closes-harbour-road.md"), "{path}");
    let text = std::fs::read_to_string(&path).expect("article");
    assert!(text.starts_with("---\ntitle: \"Storm closes Harbour Road\"\ndate: "));
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["build", "--drafts", "--root"])
        .arg(&paper)
        .output()
        .expect("build");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(String::from_utf8_lossy(&build.stdout).starts_with("built 2 articles"));
    assert!(site.cli(&["init", "paper"]).status.code() == Some(1), "init refuses a non-empty folder");
}

#[test]
fn build_into_a_pipe_shows_no_progress() {
    // `output()` pipes stderr, as a CI log or `2>file` would: whatever the
    // build's length, a bar or its escape codes must not end up there.
    let site = TestSite::new();
    site.many(200);
    let out = site.cli(&["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "nothing but warnings on stderr, and there are none: {stderr:?}");
    let quiet = site.cli(&["build", "--quiet"]);
    assert!(quiet.status.success());
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
}
