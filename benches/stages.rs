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
use dateline::config::Settings;
use dateline::content::{self, Article};
use dateline::site::Linker;
use dateline::{BuildOptions, Site};

/// Enough articles for listings to paginate and tags to repeat, few enough
/// to keep a run of every bench within seconds.
const ARTICLES: usize = 200;

const PEOPLE: [&str; 6] =
    ["Maria Delgado", "Samuel Okafor", "Yuki Tanaka", "Ingrid Berg", "Tom Briggs", "Leila Haddad"];
const TAGS: [&str; 8] =
    ["council", "harbour", "schools", "budget", "transport", "health", "courts", "weather"];

/// One article file: front matter, then news prose with headings, a list, a
/// link, a table and quotes with named speakers, as in the benchmark corpus.
fn article_text(i: usize) -> String {
    let who = PEOPLE[i % PEOPLE.len()];
    let other = PEOPLE[(i * 7 + 3) % PEOPLE.len()];
    let tags = [TAGS[i % TAGS.len()], TAGS[(i / 3) % TAGS.len()], TAGS[(i / 5 + 2) % TAGS.len()]];
    let mut body = format!(
        "MILLBROOK — The council voted {}-2 on Tuesday to approve plan {i}, ending a long fight.\n\n",
        3 + i % 4
    );
    for p in 0..6 {
        body.push_str(&format!(
            "“We have waited {p} years for this and the boats can finally come home at low tide,” \
             said {who}, the harbour master. The vote followed a [report](https://example.org/{i}/{p}) \
             on silt, costs and the *dredging* schedule.\n\n\
             {other} told reporters: “The budget holds, but only just, and we will watch every invoice \
             closely from now on.” Officials expect work to start in spring.\n\n"
        ));
        if p == 2 {
            body.push_str(
                "## What happens next\n\n- tenders in May\n- work from June\n- review in **2026**\n\n",
            );
            body.push_str("| item | cost |\n|---|---|\n| dredging | 3.4m |\n| survey | 0.2m |\n\n");
        }
    }
    format!(
        "---\ntitle: Council approves plan {i}\ndate: 2024-{:02}-{:02} 10:{:02}\nauthor: {who}\n\
         tags: [{}]\nsummary: The vote ends a long fight over plan {i}.\n---\n\n{body}",
        1 + i % 12,
        1 + i % 28,
        i % 60,
        tags.join(", ")
    )
}

fn rel(i: usize) -> PathBuf {
    PathBuf::from(format!("content/2024/plan-{i}.md"))
}

fn settings() -> Settings {
    // No site.yaml in an empty folder: the default settings.
    let empty = tempfile::tempdir().expect("temp dir");
    Settings::load(empty.path()).expect("default settings")
}

fn parse_all(texts: &[String], settings: &Settings) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| content::parse(t, &rel(i), settings).0.expect("valid article"))
        .collect()
}

fn stages(c: &mut Criterion) {
    let texts: Vec<String> = (0..ARTICLES).map(article_text).collect();
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

fn write_site(root: &Path, texts: &[String]) {
    for (i, text) in texts.iter().enumerate() {
        let path = root.join(rel(i));
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
