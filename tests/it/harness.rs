//! A fixture site in a temporary folder, built through the library or the binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use dateline::{BuildOptions, Report};

pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    pub fn new() -> Self {
        TestSite { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes any file under the site root.
    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// Writes `content/<rel>` with the given front-matter lines and body.
    pub fn article(&self, rel: &str, front: &str, body: &str) -> &Self {
        self.file(&format!("content/{rel}"), &format!("---\n{front}\n---\n{body}"))
    }

    /// `n` articles one day apart from 2024-01-01, each tagged `every` and `tag{i%3}`.
    pub fn many(&self, n: usize) -> &Self {
        for i in 0..n {
            let day =
                jiff::civil::date(2024, 1, 1).checked_add(jiff::Span::new().days(i as i64)).expect("date");
            self.article(
                &format!("{}/story-{i:03}.md", day.year()),
                &format!(
                    "title: Story {i}\ndate: {day}\ntags: [every, tag{}]\nauthor: Writer {}",
                    i % 3,
                    i % 2
                ),
                &format!("Paragraph of story {i}.\n"),
            );
        }
        self
    }

    pub fn build(&self) -> dateline::Result<Report> {
        self.build_with(&BuildOptions::default())
    }

    pub fn build_with(&self, options: &BuildOptions) -> dateline::Result<Report> {
        dateline::build(self.root(), &self.out(), options)
    }

    /// Runs the `dateline` binary with `args` in the site root.
    pub fn cli(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run dateline")
    }

    /// A file of the built site.
    pub fn read(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out().join(rel).exists()
    }

    /// Every file of the built site under the output, relative, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(self.out())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(self.out()).expect("prefix").to_string_lossy().replace('\\', "/"))
            // The build stamp says how the folder was made; it is never deployed.
            .filter(|rel| rel != dateline::output::BUILD_STAMP)
            .collect();
        files.sort();
        files
    }
}

/// The text inside `<main>`, where the page differs from every other page.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("<main>");
    let end = html.rfind("</main>").expect("</main>");
    &html[start..end]
}

/// How many listing entries a page shows.
pub fn stories(html: &str) -> usize {
    html.matches("<li class=\"story\">").count()
}

/// Every file under `dir`, relative path to bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix").to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// A small deterministic generator, so a failing sequence can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A child process (a `dateline watch`), killed when dropped.
pub struct Watcher(pub std::process::Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
