//! The full-text search index: built once per build from every published
//! article (headline, summary, tags, bylines, people quoted and the whole
//! body), split into small immutable files that the browser loads on demand.
//!
//! Articles are numbered by date, oldest first (id 0), so a new story takes
//! the next id and leaves every file about older ones as it was. Words are
//! stemmed for the site's language (see [`analyse`]); each stem keeps, per
//! article, one weight from 0 to 31: a BM25 score of its occurrences (16
//! levels), plus 16 when it is in the headline or a tag. The reader's
//! browser adds inverse document frequencies, so the index holds no global
//! figure that would change every file when one article changes.
//!
//! Files under `/search/` (see [`files`] for the shapes): `manifest.json`,
//! the one file with a fixed name; everything else is named by a hash of
//! its bytes, so a cache or CDN can never mix files of two builds, and an
//! unchanged file keeps its name and is not written again.

mod analyse;
mod cache;
pub mod encode;
mod files;
pub mod text;

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::error::Result;
use crate::render::Page;
use analyse::{Analyser, Field, Run};

pub use cache::{Cache, Output};
pub use files::{DOCS_PER_FILE, FILES_PER_IDS};

/// The browser script, written to `/search/search.js`.
pub const SCRIPT: &str = include_str!("../../templates/search.js");

/// Articles analysed together on one thread.
const RUN: usize = 512;

/// What the reader's browser gets of one article for its result line. The
/// text excerpts are cut from and quoted phrases checked against is the
/// article's own page, fetched for the results shown: the index holds no
/// second copy of every body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Doc {
    /// Headline.
    pub title: String,
    /// URL path, base path included.
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date in the site's `date_format`.
    pub shown: String,
    /// Bylines.
    pub authors: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

/// The whole index in memory, before it is split into files.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Documents by id, oldest first.
    pub docs: Vec<Doc>,
    /// Stem -> (id, weight), ascending ids.
    pub terms: BTreeMap<String, Vec<(u32, u8)>>,
    /// Words the browser could not find their stem from (see [`aliases`]).
    pub aliases: BTreeMap<String, String>,
    /// Tag -> ascending ids.
    pub tags: BTreeMap<String, Vec<u32>>,
    /// Author -> ascending ids.
    pub authors: BTreeMap<String, Vec<u32>>,
    /// Each year with its first id.
    pub years: Vec<(String, u32)>,
}

impl Index {
    /// Indexes `articles` in the listing `order` (newest first; ids count
    /// from its end).
    pub fn build(articles: &[Article], rendered: &[Rendered], order: &[usize], settings: &Settings) -> Index {
        let by_id: Vec<usize> = order.iter().rev().copied().collect();
        let language = settings.config.language.as_str();
        let runs: Vec<(Run, Vec<Doc>)> = by_id
            .par_chunks(RUN)
            .map(|chunk| {
                let mut analyser = Analyser::new(language);
                let docs = chunk
                    .iter()
                    .map(|&i| {
                        analyser.article(&fields(&articles[i], &rendered[i]), &rendered[i].html);
                        doc(&articles[i], settings)
                    })
                    .collect();
                (analyser.finish(), docs)
            })
            .collect();
        let mut index = merge(runs);
        index.facets();
        index
    }

    fn facets(&mut self) {
        for (id, doc) in self.docs.iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            for t in &doc.tags {
                self.tags.entry(t.clone()).or_default().push(id);
            }
            for a in &doc.authors {
                self.authors.entry(a.clone()).or_default().push(id);
            }
            let year = doc.date.get(..4).unwrap_or_default();
            if self.years.last().is_none_or(|(y, _)| y != year) {
                self.years.push((year.to_string(), id));
            }
        }
    }

    /// Every file of the index, under `search/`.
    pub fn pages(&self) -> Result<Vec<Page>> {
        files::pages(self)
    }
}

/// Builds the index of the published articles and returns its files.
pub fn pages(
    articles: &[Article],
    rendered: &[Rendered],
    order: &[usize],
    settings: &Settings,
) -> Result<Vec<Page>> {
    Index::build(articles, rendered, order, settings).pages()
}

/// [`pages`] for a watch session: only what changed since the last call
/// with the same `cache` is analysed and made again (see [`Cache`]).
pub fn pages_cached(
    articles: &[Article],
    rendered: &[Rendered],
    order: &[usize],
    settings: &Settings,
    cache: &mut Cache,
) -> Result<Output> {
    cache::pages(articles, rendered, order, settings, cache)
}

/// The plain-text fields of an article; the body is added as HTML.
fn fields<'a>(a: &'a Article, r: &'a Rendered) -> Vec<(Field, &'a str)> {
    let mut fields = vec![(analyse::TITLE, a.title.as_str())];
    fields.extend(a.tags.iter().map(|t| (analyse::TAG, t.as_str())));
    fields.extend(a.authors.iter().map(|t| (analyse::AUTHOR, t.as_str())));
    // A summary of the front matter is text of its own; one taken from the
    // body is already in it.
    fields.extend(a.summary.iter().map(|s| (analyse::SUMMARY, s.as_str())));
    let mut speakers: Vec<&str> = r.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
    speakers.sort_unstable();
    speakers.dedup();
    fields.extend(speakers.into_iter().map(|s| (analyse::SUMMARY, s)));
    fields
}

fn doc(a: &Article, settings: &Settings) -> Doc {
    let iso = crate::dates::rfc3339(&a.date);
    let shown =
        crate::dates::format(&iso, &settings.config.date_format).unwrap_or_else(|_| iso[..10].to_string());
    Doc {
        title: a.title.clone(),
        url: settings.url(&a.rel_url),
        date: iso[..10].to_string(),
        shown,
        authors: a.authors.clone(),
        tags: a.tags.clone(),
    }
}

/// BM25's constants, as most engines set them.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// One article's weight for a term: its BM25 term-frequency factor scaled
/// to 0-15, plus 16 for a headline or tag match.
pub fn weight(tf: f32, head: bool, length: u32, avg_length: f32) -> u8 {
    let norm = K1 * (1.0 - B + B * length as f32 / avg_length.max(1.0));
    let part = tf * (K1 + 1.0) / (tf + norm);
    let level = round(part / (K1 + 1.0) * 15.0).clamp(1, 15);
    level + if head { 16 } else { 0 }
}

/// `x.round() as u8` for `x` from 0 to 255: `f32::round` is a library call
/// on x86-64's baseline, paid once per posting. Rounds half away from zero
/// too: the fraction left by truncating such an `x` is exact.
fn round(x: f32) -> u8 {
    let whole = x as u8;
    whole + u8::from(x - f32::from(whole) >= 0.5)
}

/// The mean article length rounded to two significant digits, so that an
/// edit rarely moves it and with it the weights of unrelated articles.
fn rounded_mean(total: u64, count: usize) -> f32 {
    let mean = total as f64 / count.max(1) as f64;
    if mean < 10.0 {
        return mean.max(1.0) as f32;
    }
    let unit = 10f64.powi(mean.log10().floor() as i32 - 1);
    ((mean / unit).round() * unit) as f32
}

/// Joins the runs: one numbering of stems, postings in id order.
fn merge(runs: Vec<(Run, Vec<Doc>)>) -> Index {
    let total: u64 = runs.iter().flat_map(|(r, _)| &r.counts).map(|c| u64::from(c.length)).sum();
    let count: usize = runs.iter().map(|(_, d)| d.len()).sum();
    let avg = rounded_mean(total, count);
    // Weighing every posting is most of the merge: done a run per thread,
    // so that what is left in turn is numbering stems and copying lists.
    let firsts = runs.iter().scan(0u32, |id, (run, _)| {
        let first = *id;
        *id += u32::try_from(run.counts.len()).unwrap_or(u32::MAX);
        Some(first)
    });
    let firsts: Vec<u32> = firsts.collect();
    let grouped: Vec<Grouped> =
        runs.par_iter().zip(firsts).map(|((run, _), first)| Grouped::new(run, first, avg)).collect();
    let mut numbers: FxHashMap<String, u32> = FxHashMap::default();
    let mut stems: Vec<String> = Vec::new();
    let mut words: FxHashMap<String, u32> = FxHashMap::default();
    let mut docs = Vec::with_capacity(count);
    let mut globals = Vec::with_capacity(runs.len());
    for (run, run_docs) in runs {
        let global: Vec<u32> = run
            .stems
            .into_iter()
            .map(|s| {
                let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
                *numbers.entry(s).or_insert_with_key(|s| {
                    stems.push(s.clone());
                    next
                })
            })
            .collect();
        for (w, stem) in run.words {
            let stem = global[stem as usize];
            words.entry(w).and_modify(|s| analyse::prefer(s, stem, &stems)).or_insert(stem);
        }
        docs.extend(run_docs);
        globals.push(global);
    }
    let postings = join_postings(&grouped, &globals, stems.len());
    let aliases = aliases(&words, &stems);
    let terms = stems.into_iter().zip(postings).collect();
    Index { docs, terms, aliases, ..Index::default() }
}

/// One run's postings, weighed, grouped by its own stem numbers.
struct Grouped {
    /// Where each stem's list starts in `lists`, and one past the last.
    starts: Vec<usize>,
    lists: Vec<(u32, u8)>,
}

impl Grouped {
    /// The run's postings, its first article having id `first`. Each list's
    /// place is counted first, so nothing is moved as the lists grow.
    fn new(run: &Run, first: u32, avg: f32) -> Grouped {
        let mut starts = vec![0; run.stems.len() + 1];
        for t in run.counts.iter().flat_map(|c| &c.terms) {
            starts[t.0 as usize + 1] += 1;
        }
        for s in 1..starts.len() {
            starts[s] += starts[s - 1];
        }
        let mut next = starts.clone();
        let mut lists = vec![(0, 0); starts[run.stems.len()]];
        for (id, counts) in (first..).zip(&run.counts) {
            for &(stem, tf, head) in &counts.terms {
                let at = &mut next[stem as usize];
                lists[*at] = (id, weight(tf, head, counts.length, avg));
                *at += 1;
            }
        }
        Grouped { starts, lists }
    }

    /// The list of the run's stem `stem`.
    fn list(&self, stem: usize) -> &[(u32, u8)] {
        &self.lists[self.starts[stem]..self.starts[stem + 1]]
    }
}

/// Each stem's postings from every run, in run order: `globals` gives, per
/// run, the index's number of each of its stems.
fn join_postings(grouped: &[Grouped], globals: &[Vec<u32>], stems: usize) -> Vec<Vec<(u32, u8)>> {
    let mut sizes = vec![0; stems];
    for (g, global) in grouped.iter().zip(globals) {
        for (s, &n) in global.iter().enumerate() {
            sizes[n as usize] += g.list(s).len();
        }
    }
    let mut postings: Vec<Vec<(u32, u8)>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (g, global) in grouped.iter().zip(globals) {
        for (s, &n) in global.iter().enumerate() {
            postings[n as usize].extend_from_slice(g.list(s));
        }
    }
    postings
}

/// The browser finds a word's stem without a stemmer: the longest stem of
/// the index that is the word or the word less up to four final letters
/// (`dredged` -> `dredg`). Words of the articles for which that rule gives
/// another stem than Snowball's (`happy` -> `happi`) are listed here.
fn aliases(words: &FxHashMap<String, u32>, stems: &[String]) -> BTreeMap<String, String> {
    let known: rustc_hash::FxHashSet<&str> = stems.iter().map(String::as_str).collect();
    words
        .par_iter()
        .filter_map(|(w, &n)| {
            let stem = &stems[n as usize];
            (guess(w, |p| known.contains(p)) != Some(stem.as_str())).then(|| (w.clone(), stem.clone()))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// The rule above; `is_stem` tells whether a string is a stem of the index.
pub fn guess(word: &str, is_stem: impl Fn(&str) -> bool) -> Option<&str> {
    let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(1).chain([word.len()]).collect();
    let len = ends.len();
    let shortest = len.saturating_sub(4).max(len.min(2));
    (shortest..=len).rev().map(|n| &word[..ends[n - 1]]).find(|p| is_stem(p))
}

#[cfg(test)]
mod tests;
