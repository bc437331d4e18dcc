//! Criterion benches of the hot stages of a build, through the public API, on
//! a small generated archive: a regression in one stage shows in its own
//! figure. `cargo bench --bench stages`; whole-site figures come from
//! `benches/bench.sh`.

#![allow(missing_docs, reason = "criterion_group! defines an undocumented function")]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::archive::Archive;
use dateline::body::Linker;
use dateline::config::Settings;
use dateline::content::{self, Article};
use dateline::{BuildOptions, Site};

/// Enough articles for listings to paginate and tags to repeat, few enough
/// to keep a run of every bench within seconds.
const ARTICLES: usize = 200;

// The benchmark corpus generator (examples/gen_corpus), used here as a library.
#[allow(dead_code, reason = "the benches use only part of the generator")]
#[path = "../examples/gen_corpus/corpus/mod.rs"]
mod gen_corpus;

/// The first articles of the benchmark corpus: (relative path, file text).
fn corpus() -> Vec<(PathBuf, String)> {
    let plain = gen_corpus::Flavor::Plain;
    gen_corpus::articles(ARTICLES, 1).map(|a| (a.path(plain), a.text(plain))).collect()
}

fn settings() -> Settings {
    // No site.yaml in an empty folder: the default settings.
    let empty = tempfile::tempdir().expect("temp dir");
    Settings::load(empty.path()).expect("default settings")
}

fn parse_all(texts: &[(PathBuf, String)], settings: &Settings) -> Vec<Article> {
    texts.iter().map(|(path, text)| content::parse(text, path, settings).0.expect("valid article")).collect()
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let settings = settings();
    let articles = parse_all(&texts, &settings);
    let linker = Linker::new(&articles, &settings);
    let rendered: Vec<_> = articles.iter().map(|a| linker.render(a, &settings).expect("renders")).collect();

    let mut g = c.benchmark_group("stages");
    g.bench_function("front matter", |b| b.iter(|| parse_all(black_box(&texts), &settings)));
    g.bench_function("markdown and quotes", |b| {
        b.iter(|| {
            let linker = Linker::new(black_box(&articles), &settings);
            articles.iter().map(|a| linker.render(a, &settings).expect("renders")).collect::<Vec<_>>()
        })
    });
    g.bench_function("listings", |b| {
        b.iter(|| Archive::build(black_box(&articles), &rendered, settings.config.related))
    });
    g.finish();

    let site = tempfile::tempdir().expect("temp dir");
    write_site(site.path(), &texts);
    let loaded = Site::load(site.path(), &BuildOptions::default()).expect("site loads");
    let mut g = c.benchmark_group("site");
    g.bench_function("templates (Site::build)", |b| b.iter(|| loaded.build().expect("builds").pages.len()));
    g.finish();
}

fn write_site(root: &Path, texts: &[(PathBuf, String)]) {
    for (rel, text) in texts {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write article");
    }
}

criterion_group! {
    name = benches;
    // Few, short samples: these benches watch for regressions of whole
    // percents, and must stay quick on a shared two-core machine.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
