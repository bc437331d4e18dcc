//! The offline search index: built once per build from every published
//! article, split into small files that the browser loads on demand.
//!
//! Layout under `/search/`:
//! - `manifest.json`: `{"version", "count", "per_shard", "shards": [keys]}`;
//! - `index/<key>.json`: normalised word -> article ids, for every word whose
//!   first two characters make `<key>` (see [`text::shard_key`]); ids are
//!   ascending and delta-encoded (`[3, 1, 7]` means 3, 4, 11), which keeps
//!   the lists of common words short;
//! - `docs/<n>.json`: the `title`, `url`, `date` (ISO), `shown` (the date as
//!   the site formats it) and `summary` (plain text) of ids `500n..500n+499`.
//!
//! Ids follow the front page's order, newest first, so a reader's results
//! come out newest first without sorting, and the newest stories share the
//! first metadata file.

pub mod text;

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::error::{Error, Result};
use crate::render::Page;

/// The browser script, written to `/search/search.js`.
pub const SCRIPT: &str = include_str!("../../templates/search.js");

/// Articles per metadata file.
pub const DOCS_PER_SHARD: usize = 500;

/// Characters of summary kept per article.
const SUMMARY_CHARS: usize = 240;

/// What a result shows of one article.
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
    /// Plain-text summary, shortened.
    pub summary: String,
}

/// The whole index in memory, before it is split into files.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Documents by id.
    pub docs: Vec<Doc>,
    /// Normalised word -> ascending ids.
    pub words: BTreeMap<String, Vec<u32>>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    count: usize,
    per_shard: usize,
    shards: Vec<&'a str>,
}

impl Index {
    /// Indexes `articles` in the listing `order` (ids are positions in it):
    /// words of the title, summary, tags and authors.
    pub fn build(articles: &[Article], rendered: &[Rendered], order: &[usize], settings: &Settings) -> Index {
        let per_article: Vec<(String, Doc)> = order
            .par_iter()
            .map(|&i| {
                let (a, r) = (&articles[i], &rendered[i]);
                let summary = match &a.summary {
                    Some(s) => text::decode_entities(s),
                    None => text::html_to_text(&r.summary_html),
                };
                let fields = [a.title.as_str(), summary.as_str()]
                    .into_iter()
                    .chain(a.tags.iter().map(String::as_str))
                    .chain(a.authors.iter().map(String::as_str));
                (text::word_set(fields), doc(a, &summary, settings))
            })
            .collect();
        let mut index = Index { docs: Vec::with_capacity(per_article.len()), words: BTreeMap::new() };
        let mut words: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (id, (found, doc)) in per_article.into_iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            // Each word once per article, and ids arrive in ascending order.
            for w in found.split(' ').filter(|w| !w.is_empty()) {
                match words.get_mut(w) {
                    Some(ids) => ids.push(id),
                    None => {
                        words.insert(w.to_string(), vec![id]);
                    }
                }
            }
            index.docs.push(doc);
        }
        index.words = words.into_iter().collect();
        index
    }

    /// The word shards: key -> (word -> ids), both sorted.
    pub fn shards(&self) -> BTreeMap<String, BTreeMap<&str, &[u32]>> {
        let mut shards: BTreeMap<String, BTreeMap<&str, &[u32]>> = BTreeMap::new();
        for (w, ids) in &self.words {
            shards.entry(text::shard_key(w)).or_default().insert(w, ids);
        }
        shards
    }

    /// Every file of the index, under `search/`.
    pub fn pages(&self) -> Result<Vec<Page>> {
        let shards = self.shards();
        let mut pages = Vec::with_capacity(shards.len() + self.docs.len() / DOCS_PER_SHARD + 3);
        let manifest = Manifest {
            version: 1,
            count: self.docs.len(),
            per_shard: DOCS_PER_SHARD,
            shards: shards.keys().map(String::as_str).collect(),
        };
        pages.push(json_page("search/manifest.json".into(), &manifest)?);
        for (key, words) in &shards {
            let encoded: BTreeMap<&str, Vec<u32>> = words.iter().map(|(w, ids)| (*w, deltas(ids))).collect();
            pages.push(json_page(format!("search/index/{key}.json"), &encoded)?);
        }
        for (n, chunk) in self.docs.chunks(DOCS_PER_SHARD).enumerate() {
            pages.push(json_page(format!("search/docs/{n}.json"), &chunk)?);
        }
        pages.push(Page { path: "search/search.js".into(), bytes: SCRIPT.as_bytes().to_vec() });
        Ok(pages)
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

fn doc(a: &Article, summary: &str, settings: &Settings) -> Doc {
    let iso = crate::dates::rfc3339(&a.date);
    let shown =
        crate::dates::format(&iso, &settings.config.date_format).unwrap_or_else(|_| iso[..10].to_string());
    Doc {
        title: a.title.clone(),
        url: settings.url(&a.rel_url),
        date: iso[..10].to_string(),
        shown,
        summary: text::truncate(summary, SUMMARY_CHARS),
    }
}

/// `[3, 4, 11]` -> `[3, 1, 7]`.
pub fn deltas(ids: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    ids.iter()
        .map(|&id| {
            let d = id - prev;
            prev = id;
            d
        })
        .collect()
}

fn json_page(path: String, value: &impl Serialize) -> Result<Page> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| Error::Template { message: format!("search index {path}: {e}") })?;
    Ok(Page { path, bytes })
}

#[cfg(test)]
mod tests;
