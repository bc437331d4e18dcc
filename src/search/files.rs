//! The index as files, each shape a serde struct.
//!
//! - `manifest.json`: [`Manifest`]; read first, and the only name that is
//!   not a hash (served with a short cache life, it points at the rest);
//! - `shard/<hash>.json`: [`Shard`], the stems (and aliases) from one key to
//!   the next shard's first key, in byte order, cut at about
//!   [`SHARD_BYTES`]: a query loads the shard of each word, so what it
//!   downloads stays the same however large the archive grows (only the
//!   lists of its own words grow with it);
//! - `docs/<hash>.json`: [`DOCS_PER_FILE`] [`Doc`](super::Doc)s, by id
//!   (file `n` holds ids `8n` to `8n+7`): the few a page of results
//!   needs, without a file per article;
//! - `ids/<hash>.json`: the names of [`FILES_PER_IDS`] `docs/` files, in order;
//! - `facets/<hash>.json`: [`Facets`], every tag's and author's ids;
//! - `search.js`, the script (its name is fixed: the page refers to it).

use std::collections::BTreeMap;
use std::hash::Hasher;

use rayon::prelude::*;
use serde::Serialize;

use super::{Index, encode};
use crate::error::{Error, Result};
use crate::render::Page;

/// Articles per `docs/` file.
pub const DOCS_PER_FILE: usize = 8;

/// `docs/` file names per `ids/` file.
pub const FILES_PER_IDS: usize = 256;

/// About how many bytes of JSON a shard holds before the next starts.
pub const SHARD_BYTES: usize = 16 * 1024;

/// Version of the file shapes, checked by the script.
const VERSION: u32 = 2;

/// The entry point.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// Articles indexed.
    count: usize,
    /// `[first key, file]` of each shard, in key order.
    shards: Vec<(&'a str, String)>,
    /// The `ids/` files, in id order.
    ids: Vec<String>,
    docs_per_file: usize,
    files_per_ids: usize,
    /// The `facets/` file.
    facets: String,
    /// `[year, first id]`, ascending.
    years: &'a [(String, u32)],
}

/// One slice of the stems.
#[derive(Serialize, Default)]
struct Shard<'a> {
    /// Stem -> postings (see [`encode::postings`]).
    postings: BTreeMap<&'a str, &'a str>,
    /// Word -> its stem, where the browser's rule would miss it.
    aliases: BTreeMap<&'a str, &'a str>,
}

/// Filters: name -> ids (see [`encode::ids`]).
#[derive(Serialize)]
struct Facets<'a> {
    tags: Vec<(&'a str, String)>,
    authors: Vec<(&'a str, String)>,
}

fn key_hash(key: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(key.as_bytes());
    // FxHash's low bits are weak: take the high ones.
    h.finish() >> 40
}

/// A short hash of `bytes`, for file names: the same bytes, the same name.
pub(super) fn fingerprint(bytes: &[u8]) -> String {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    format!("{:012x}", h.finish() & 0xffff_ffff_ffff)
}

fn json(what: &str, value: &impl Serialize) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Template { message: format!("search index {what}: {e}") })
}

/// Every file of the index, manifest first.
pub fn pages(index: &Index) -> Result<Vec<Page>> {
    let docs: Vec<Vec<u8>> = index.docs.par_chunks(DOCS_PER_FILE).map(docs_file).collect::<Result<_>>()?;
    let mut pages = Vec::with_capacity(docs.len() + docs.len() / FILES_PER_IDS + 128);
    let names: Vec<String> = docs.into_iter().map(|b| hashed(&mut pages, "docs", b)).collect();
    let ids = ids_files(&names, &mut pages)?;
    let encoded: Vec<(&str, String)> =
        index.terms.par_iter().map(|(stem, list)| (stem.as_str(), encode::postings(list))).collect();
    let entries = entries(&encoded, &index.aliases);
    let ranges = ranges(&entries);
    let shards: Vec<Vec<u8>> =
        ranges.par_iter().map(|r| shard_file(&entries[r.clone()])).collect::<Result<_>>()?;
    let shards = ranges
        .iter()
        .zip(shards)
        .map(|(r, b)| (first_key(&entries, r), hashed(&mut pages, "shard", b)))
        .collect();
    let facets = hashed(&mut pages, "facets", facets_file(&index.tags, &index.authors)?);
    let parts = Parts { count: index.docs.len(), shards, ids, facets, years: &index.years };
    pages.extend(manifest(parts)?);
    Ok(pages)
}

/// What the manifest points at.
pub(super) struct Parts<'a> {
    pub count: usize,
    /// `[first key, file]` of each shard.
    pub shards: Vec<(&'a str, String)>,
    pub ids: Vec<String>,
    pub facets: String,
    pub years: &'a [(String, u32)],
}

/// The manifest, and the script beside it.
pub(super) fn manifest(parts: Parts<'_>) -> Result<[Page; 2]> {
    let manifest = Manifest {
        version: VERSION,
        count: parts.count,
        shards: parts.shards,
        ids: parts.ids,
        docs_per_file: DOCS_PER_FILE,
        files_per_ids: FILES_PER_IDS,
        facets: parts.facets,
        years: parts.years,
    };
    Ok([
        Page { path: "search/manifest.json".into(), bytes: json("manifest", &manifest)? },
        Page { path: "search/search.js".into(), bytes: super::SCRIPT.as_bytes().to_vec() },
    ])
}

/// One `docs/` file.
pub(super) fn docs_file(docs: &[super::Doc]) -> Result<Vec<u8>> {
    json("documents", &docs)
}

/// The `ids/` files listing the `docs/` files `names`; returns their names.
pub(super) fn ids_files(names: &[String], pages: &mut Vec<Page>) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for chunk in names.chunks(FILES_PER_IDS) {
        ids.push(hashed(pages, "ids", json("ids", &chunk)?));
    }
    Ok(ids)
}

/// The `facets/` file.
pub(super) fn facets_file(
    tags: &BTreeMap<String, Vec<u32>>,
    authors: &BTreeMap<String, Vec<u32>>,
) -> Result<Vec<u8>> {
    json("facets", &Facets { tags: named_ids(tags), authors: named_ids(authors) })
}

fn named_ids(lists: &BTreeMap<String, Vec<u32>>) -> Vec<(&str, String)> {
    lists.iter().map(|(k, v)| (k.as_str(), encode::ids(v))).collect()
}

/// Adds a file named by its hash under `search/<dir>/`; returns the name.
pub(super) fn hashed(pages: &mut Vec<Page>, dir: &str, bytes: Vec<u8>) -> String {
    let name = fingerprint(&bytes);
    pages.push(Page { path: path(dir, &name), bytes });
    name
}

/// The path of the file `name` under `search/<dir>/`.
pub(super) fn path(dir: &str, name: &str) -> String {
    format!("search/{dir}/{name}.json")
}

/// One key of the shards: a stem with its postings, a word with the stem it
/// stands for, or both.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry<'a> {
    pub key: &'a str,
    /// Encoded (see [`encode::postings`]).
    pub postings: Option<&'a str>,
    pub alias: Option<&'a str>,
}

impl Entry<'_> {
    /// About its size in a shard.
    fn len(&self) -> usize {
        self.key.len() + 6 + self.postings.map_or(0, str::len) + self.alias.map_or(0, str::len)
    }
}

/// The stems with their postings and the aliases, in one list by key.
fn entries<'a>(stems: &'a [(&'a str, String)], aliases: &'a BTreeMap<String, String>) -> Vec<Entry<'a>> {
    let mut out = Vec::with_capacity(stems.len() + aliases.len());
    let mut aliases = aliases.iter().peekable();
    for (stem, postings) in stems {
        while let Some((w, s)) = aliases.next_if(|(w, _)| w.as_str() < *stem) {
            out.push(Entry { key: w, postings: None, alias: Some(s) });
        }
        let alias = aliases.next_if(|(w, _)| w.as_str() == *stem).map(|(_, s)| s.as_str());
        out.push(Entry { key: stem, postings: Some(postings), alias });
    }
    out.extend(aliases.map(|(w, s)| Entry { key: w, postings: None, alias: Some(s) }));
    out
}

/// The key a shard is listed under: the first shard's is the empty key.
pub(super) fn first_key<'a>(entries: &[Entry<'a>], range: &std::ops::Range<usize>) -> &'a str {
    match range.start {
        0 => "",
        i => entries[i].key,
    }
}

/// One shard's file.
pub(super) fn shard_file(entries: &[Entry<'_>]) -> Result<Vec<u8>> {
    let mut shard = Shard::default();
    for e in entries {
        if let Some(p) = e.postings {
            shard.postings.insert(e.key, p);
        }
        if let Some(s) = e.alias {
            shard.aliases.insert(e.key, s);
        }
    }
    json("shard", &shard)
}

/// The shards as ranges of `entries` (sorted by key, each key once), in key order.
pub(super) fn ranges(entries: &[Entry<'_>]) -> Vec<std::ops::Range<usize>> {
    let lens: Vec<usize> = entries.iter().map(Entry::len).collect();
    // Cut where a key's hash says so once a shard has its minimum size, not
    // where a running total crosses a line: an edit that grows one shard
    // then moves no boundary after the next cut, so the shards past it keep
    // their bytes and names. The divisor, a power of two from the mean key
    // size, makes shards about SHARD_BYTES long and moves only when that
    // mean doubles or halves.
    let mean = lens.iter().sum::<usize>() / lens.len().max(1);
    let every = ((SHARD_BYTES - SHARD_BYTES / 2) / mean.max(1)).max(1).next_power_of_two() as u64;
    let mut starts = vec![0];
    let mut size = 0;
    for (i, (entry, len)) in entries.iter().zip(lens).enumerate() {
        let natural = size >= SHARD_BYTES / 2 && key_hash(entry.key) % every == 0;
        if size > 0 && (natural || size + len > SHARD_BYTES * 3) {
            starts.push(i);
            size = 0;
        }
        size += len;
    }
    let ends = starts.iter().skip(1).copied().chain([entries.len()]);
    starts.iter().zip(ends).map(|(&a, b)| a..b).collect()
}
