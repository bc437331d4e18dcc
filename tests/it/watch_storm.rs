//! Watch mode under a storm: hundreds of saves in a few seconds, in every way
//! editors save, with deletions landing in the middle of rebuilds and a file
//! read while half-written. The watcher keeps running, and once the storm is
//! over its output equals a clean build, byte for byte.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dateline::BuildOptions;

use crate::harness::{Rng, TestSite, Watcher, tree};

const ARTICLES: usize = 60;
const SAVES: usize = 500;
/// The pause between saves: with the half-written pauses, 500 saves take
/// about 10 seconds.
const PACE: Duration = Duration::from_millis(14);

fn path_of(site: &TestSite, i: usize) -> std::path::PathBuf {
    site.root().join(format!("content/storm/story-{i:03}.md"))
}

/// A whole, valid article `i`, different on each call.
fn text(rng: &mut Rng, i: usize) -> String {
    const TAGS: [&str; 6] = ["council", "harbour", "schools", "weather", "café", "roads"];
    let tags: Vec<&str> = (0..1 + rng.below(3)).map(|_| TAGS[rng.below(TAGS.len())]).collect();
    format!(
        "---\ntitle: Story {i} v{}\ndate: {}-{:02}-{:02}\ntags: [{}]\nauthor: Writer {}\n---\n\
         Lead paragraph {}.\n\n“We will see how it goes,” said Ann Lee on Monday.\n",
        rng.next() % 1000,
        2023 + rng.below(2),
        1 + rng.below(12),
        1 + rng.below(28),
        tags.join(", "),
        rng.below(4),
        rng.next() % 100_000
    )
}

/// Every file under `dir`, skipping files that vanish while being read (the
/// watcher may be deleting them).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?.to_string_lossy().into_owned();
            Some((rel, std::fs::read(e.path()).ok()?))
        })
        .collect()
}

fn logs(dir: &Path) -> (String, String) {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
    (read("out"), read("err"))
}

fn assert_alive(watcher: &mut Watcher, log_dir: &Path, when: &str) {
    let status = watcher.0.try_wait().expect("try_wait");
    let (out, err) = logs(log_dir);
    assert!(status.is_none(), "{when}: the watcher exited ({status:?})\nstdout:\n{out}\nstderr:\n{err}");
    assert!(!err.contains("panicked"), "{when}: the watcher panicked:\n{err}");
}

#[test]
fn watch_survives_a_storm_of_saves_and_ends_equal_to_a_clean_build() {
    let site = TestSite::new();
    let log_dir = tempfile::tempdir().expect("log dir");
    let mut rng = Rng(0x5EED_0F57_0A11);
    for i in 0..ARTICLES {
        std::fs::create_dir_all(path_of(&site, i).parent().expect("parent")).expect("mkdir");
        std::fs::write(path_of(&site, i), text(&mut rng, i)).expect("write");
    }
    let child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["watch", "--root"])
        .arg(site.root())
        .stdout(std::fs::File::create(log_dir.path().join("out")).expect("log"))
        .stderr(std::fs::File::create(log_dir.path().join("err")).expect("log"))
        .spawn()
        .expect("start watch");
    let mut watcher = Watcher(child);
    let start = Instant::now();
    while !logs(log_dir.path()).0.lines().any(|l| !l.trim().is_empty()) {
        assert_alive(&mut watcher, log_dir.path(), "first build");
        assert!(start.elapsed() < Duration::from_secs(120), "no first build: {:?}", logs(log_dir.path()));
        std::thread::sleep(Duration::from_millis(50));
    }

    let mut deleted: Vec<usize> = Vec::new();
    // In place, renamed over, deleted, half-written.
    let mut counts = [0usize; 4];
    for save in 0..SAVES {
        let i = rng.below(ARTICLES);
        let path = path_of(&site, i);
        let op = if deleted.contains(&i) { 0 } else { rng.below(10) };
        let kind = match op {
            // Half-written long enough to be read so (the quiet time before a
            // rebuild is 100 ms), then completed in place.
            _ if save % 50 == 7 => {
                let whole = text(&mut rng, i);
                let mut f = std::fs::File::create(&path).expect("create");
                f.write_all(&whole.as_bytes()[..whole.len() / 3]).expect("half");
                f.flush().expect("flush");
                std::thread::sleep(Duration::from_millis(200));
                f.write_all(&whole.as_bytes()[whole.len() / 3..]).expect("rest");
                deleted.retain(|&d| d != i);
                3
            }
            // Write in place, or re-create a deleted article.
            0..=3 => {
                std::fs::write(&path, text(&mut rng, i)).expect("write");
                deleted.retain(|&d| d != i);
                0
            }
            // An editor's write-and-rename.
            4..=8 => {
                let tmp = path.with_file_name(format!(".story-{i:03}.md.tmp"));
                std::fs::write(&tmp, text(&mut rng, i)).expect("write tmp");
                std::fs::rename(&tmp, &path).expect("rename over");
                1
            }
            // Deleted, while rebuilds run; a later save of it re-creates it.
            _ => {
                std::fs::remove_file(&path).expect("rm");
                deleted.push(i);
                2
            }
        };
        counts[kind] += 1;
        if save % 100 == 0 {
            assert_alive(&mut watcher, log_dir.path(), &format!("save {save}"));
        }
        std::thread::sleep(PACE);
    }
    let storm = start.elapsed();
    assert_alive(&mut watcher, log_dir.path(), "end of the storm");

    // Settled: two snapshots a second apart are equal, the logs included (a
    // rebuild prints a line when it ends), and at least one rebuild ended
    // after the storm, so a rebuild still rendering is not taken for quiet.
    let settle = Instant::now();
    let at_end = logs(log_dir.path());
    let mut last = (snapshot(&site.out()), at_end.clone());
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let now = (snapshot(&site.out()), logs(log_dir.path()));
        if now == last && now.1 != at_end {
            break;
        }
        last = now;
        assert!(
            settle.elapsed() < Duration::from_secs(180),
            "the output never settled: {:?}",
            logs(log_dir.path())
        );
    }
    assert_alive(&mut watcher, log_dir.path(), "after settling");

    let clean = tempfile::tempdir().expect("clean dir");
    dateline::build(site.root(), clean.path(), &BuildOptions::default()).expect("clean build");
    let (watched, built) = (tree(&site.out()), tree(clean.path()));
    let differ: Vec<&String> = watched
        .keys()
        .chain(built.keys())
        .filter(|k| watched.get(*k) != built.get(*k))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let (out, err) = logs(log_dir.path());
    assert!(
        differ.is_empty(),
        "watched output differs from a clean build in {differ:?}\nstdout:\n{out}\nstderr:\n{err}"
    );
    let rebuilds = out.lines().count();
    eprintln!(
        "storm: {SAVES} saves in {:.1} s ({counts:?} by kind), {rebuilds} lines of rebuilds, {} stderr lines, \
         settled in {:.1} s, {} files equal",
        storm.as_secs_f64(),
        err.lines().count(),
        settle.elapsed().as_secs_f64(),
        watched.len()
    );
    assert!(rebuilds > 1, "the watcher rebuilt during the storm:\n{out}");
}
