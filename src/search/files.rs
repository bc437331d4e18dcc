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
    postings: BTreeMap<&'a str, String>,
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
    let docs: Vec<Vec<u8>> =
        index.docs.par_chunks(DOCS_PER_FILE).map(|chunk| json("documents", &chunk)).collect::<Result<_>>()?;
    let mut pages = Vec::with_capacity(docs.len() + docs.len() / FILES_PER_IDS + 128);
    let names: Vec<String> = docs.into_iter().map(|b| hashed(&mut pages, "docs", b)).collect();
    let mut ids = Vec::new();
    for chunk in names.chunks(FILES_PER_IDS) {
        ids.push(hashed(&mut pages, "ids", json("ids", &chunk)?));
    }
    let shards: Vec<(&str, Vec<u8>)> = split(index)
        .into_par_iter()
        .map(|(first, s)| json("shard", &s).map(|b| (first, b)))
        .collect::<Result<_>>()?;
    let shards = shards.into_iter().map(|(first, b)| (first, hashed(&mut pages, "shard", b))).collect();
    let facets = Facets { tags: named_ids(&index.tags), authors: named_ids(&index.authors) };
    let facets = hashed(&mut pages, "facets", json("facets", &facets)?);
    let manifest = Manifest {
        version: VERSION,
        count: index.docs.len(),
        shards,
        ids,
        docs_per_file: DOCS_PER_FILE,
        files_per_ids: FILES_PER_IDS,
        facets,
        years: &index.years,
    };
    pages.push(Page { path: "search/manifest.json".into(), bytes: json("manifest", &manifest)? });
    pages.push(Page { path: "search/search.js".into(), bytes: super::SCRIPT.as_bytes().to_vec() });
    Ok(pages)
}

fn named_ids(lists: &BTreeMap<String, Vec<u32>>) -> Vec<(&str, String)> {
    lists.iter().map(|(k, v)| (k.as_str(), encode::ids(v))).collect()
}

/// Adds a file named by its hash under `search/<dir>/`; returns the name.
fn hashed(pages: &mut Vec<Page>, dir: &str, bytes: Vec<u8>) -> String {
    let name = fingerprint(&bytes);
    pages.push(Page { path: format!("search/{dir}/{name}.json"), bytes });
    name
}

/// The shards, each with its first key, in key order. Keys are stems and
/// aliases together; the first shard starts at the empty key.
fn split(index: &Index) -> Vec<(&str, Shard<'_>)> {
    let mut keys: Vec<(&str, Option<String>, Option<&str>)> = index
        .terms
        .par_iter()
        .map(|(stem, list)| (stem.as_str(), Some(encode::postings(list)), None))
        .collect();
    keys.extend(index.aliases.iter().map(|(w, s)| (w.as_str(), None, Some(s.as_str()))));
    keys.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let lens: Vec<usize> = keys
        .iter()
        .map(|(k, p, a)| k.len() + 6 + p.as_ref().map_or(0, String::len) + a.map_or(0, |s| s.len()))
        .collect();
    // Cut where a key's hash says so once a shard has its minimum size, not
    // where a running total crosses a line: an edit that grows one shard
    // then moves no boundary after the next cut, so the shards past it keep
    // their bytes and names. The divisor, a power of two from the mean key
    // size, makes shards about SHARD_BYTES long and moves only when that
    // mean doubles or halves.
    let mean = lens.iter().sum::<usize>() / lens.len().max(1);
    let every = ((SHARD_BYTES - SHARD_BYTES / 2) / mean.max(1)).max(1).next_power_of_two() as u64;
    let mut shards: Vec<(&str, Shard<'_>)> = vec![("", Shard::default())];
    let mut size = 0;
    for ((key, postings, alias), len) in keys.into_iter().zip(lens) {
        let natural = size >= SHARD_BYTES / 2 && key_hash(key) % every == 0;
        if size > 0 && (natural || size + len > SHARD_BYTES * 3) {
            shards.push((key, Shard::default()));
            size = 0;
        }
        size += len;
        let Some((_, shard)) = shards.last_mut() else { continue };
        if let Some(p) = postings {
            shard.postings.insert(key, p);
        }
        if let Some(s) = alias {
            shard.aliases.insert(key, s);
        }
    }
    shards
}
