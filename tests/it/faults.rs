//! Faults: a build killed with SIGKILL in the middle leaves the previous
//! output whole, and the next build cleans up and succeeds.

use std::process::{Command, Stdio};

use crate::harness::TestSite;

/// `n` articles with enough text that rendering them takes a while.
fn bulk(site: &TestSite, n: usize) {
    let paragraph = "The council met again on Tuesday to discuss the harbour, the budget and the roads. “We will not wait another year,” said Mayor Ellen Vasquez.\n\n".repeat(6);
    for i in 0..n {
        site.article(
            &format!("bulk/{}/story-{i:05}.md", 2000 + i % 20),
            &format!("title: Bulk story {i}\ndate: {}-01-01\ntags: [bulk, t{}]", 2000 + i % 20, i % 50),
            &paragraph,
        );
    }
}

#[cfg(unix)]
#[test]
fn kill_9_mid_build_leaves_the_previous_output_whole() {
    use std::os::unix::process::ExitStatusExt;
    let site = TestSite::new();
    site.article("first.md", "title: The first edition\ndate: 1999-01-01", "x\n");
    site.build().expect("first build");
    let before = crate::harness::tree(&site.out());
    assert!(before.contains_key("index.html"));

    bulk(&site, 800);
    let staging = site.root().join(".public.dateline-new");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["build", "--quiet"])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dateline");
    // Wait until pages are being written into the staging folder, then kill.
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            panic!("the build finished ({status}) before it could be killed: make the site bigger");
        }
        let writing = std::fs::read_dir(&staging).map(|d| d.count() > 1).unwrap_or(false);
        if writing {
            break;
        }
        std::thread::yield_now();
    }
    Command::new("kill").args(["-9", &child.id().to_string()]).status().expect("kill -9");
    let status = child.wait().expect("reap");
    assert_eq!(status.signal(), Some(9), "killed by SIGKILL, not finished: {status}");

    assert_eq!(crate::harness::tree(&site.out()), before, "the previous output is whole");
    assert!(staging.exists(), "the kill left a staging folder to clean up");

    let report = site.build().expect("the next build succeeds");
    assert_eq!(report.articles, 801);
    assert!(site.exists("2019/01/01/story-00799/index.html"));
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dateline"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
