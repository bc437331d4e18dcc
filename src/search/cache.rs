//! The index kept up to date between the builds of a watch session.
//!
//! Each article's analysis (its stems with their counts, its words, its
//! result line) is kept by the article's rendering version, so a rebuild
//! analyses only the articles that changed. When the articles keep their
//! ids and the mean length its rounded value (see [`super::rounded_mean`]),
//! only the posting lists of the changed articles' stems are updated, only
//! the aliases their words could move are checked again, and only the shards
//! holding a changed key are made again: the others are reported as kept,
//! unchanged on disk. Otherwise every list is made again from the kept
//! analyses. Either way the files equal a clean build's byte for byte.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::analyse::{self, Analyser};
use super::{Doc, Index, doc, encode, fields, files, guess, rounded_mean, weight};
use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::error::Result;
use crate::render::Page;

/// One article as the index needs it.
#[derive(Debug)]
struct Analysed {
    /// Stem id -> (weighed occurrences, in headline or tags).
    terms: Vec<(u32, f32, bool)>,
    length: u32,
    /// (word id, stem id) of each of its spellings.
    words: Vec<(u32, u32)>,
    doc: Doc,
}

/// (article id, weight), ascending ids.
type Postings = Vec<(u32, u8)>;

/// (stem id, articles using the spelling).
type Uses = Vec<(u32, u32)>;

/// A shard as last made: its last key, how many keys it holds, its name.
#[derive(Debug)]
struct Made {
    last: String,
    keys: usize,
    name: String,
}

/// The files of a rebuild: those made, and the paths of those unchanged.
#[derive(Debug, Default)]
pub struct Output {
    /// Files made (their bytes may still equal what is on disk).
    pub pages: Vec<Page>,
    /// Files of the last build that are still part of the index, unchanged.
    pub kept: Vec<String>,
}

/// What a watch session keeps of the index between builds.
#[derive(Debug, Default)]
pub struct Cache {
    language: String,
    analysed: FxHashMap<u64, Analysed>,
    stems: Vec<String>,
    stem_ids: FxHashMap<String, u32>,
    words: Vec<String>,
    word_ids: FxHashMap<String, u32>,
    /// Every word met, by spelling, to find the words a stem may stand for.
    sorted_words: BTreeMap<String, u32>,
    /// Versions of the articles indexed, by id.
    versions: Vec<u64>,
    avg: f32,
    /// By stem id.
    postings: Vec<Postings>,
    encoded: Vec<String>,
    /// By word id.
    word_stems: Vec<Uses>,
    /// By word id: the stem its alias names, if it has one.
    alias_of: Vec<Option<u32>>,
    /// Every key of the shards: its stem id (when a stem) and word id (when an alias).
    keys: BTreeMap<String, (Option<u32>, Option<u32>)>,
    /// Shards by their first key.
    shards: FxHashMap<String, Made>,
    docs: Vec<Doc>,
    doc_names: Vec<String>,
    facets: Option<(String, Vec<(String, u32)>)>,
    /// Keys changed since the shards were made.
    dirty: FxHashSet<String>,
}

/// The index files of the published articles, made again only where
/// something changed since the last call with the same `cache`.
pub fn pages(
    articles: &[Article],
    rendered: &[Rendered],
    order: &[usize],
    settings: &Settings,
    cache: &mut Cache,
) -> Result<Output> {
    let result = cache.update(articles, rendered, order, settings);
    if result.is_err() {
        // Half updated: start over next time.
        *cache = Cache::default();
    }
    result
}

impl Cache {
    fn update(
        &mut self,
        articles: &[Article],
        rendered: &[Rendered],
        order: &[usize],
        settings: &Settings,
    ) -> Result<Output> {
        let language = settings.config.language.as_str();
        if self.language != language {
            *self = Cache { language: language.to_string(), ..Cache::default() };
        }
        let by_id: Vec<usize> = order.iter().rev().copied().collect();
        let versions: Vec<u64> = by_id.iter().map(|&i| rendered[i].version).collect();
        self.analyse(articles, rendered, &by_id, &versions, settings);
        let total: u64 = versions.iter().map(|v| u64::from(self.analysed[v].length)).sum();
        let avg = rounded_mean(total, versions.len());
        let all = versions.len() != self.versions.len() || avg != self.avg;
        if all {
            self.reset();
        }
        self.avg = avg;
        let (stems, words) = self.apply(&versions, all);
        let old = std::mem::replace(&mut self.versions, versions);
        self.mark_stems(stems);
        self.mark_words(words);
        let mut out = Output::default();
        let keep: FxHashSet<u64> = self.versions.iter().copied().collect();
        self.analysed.retain(|v, _| keep.contains(v));
        let ids = self.docs_files(&old, &mut out)?;
        let shards = self.shard_files(all, &mut out)?;
        let shards = shards.iter().map(|(k, n)| (k.as_str(), n.clone())).collect();
        let (facets, years) = self.facets.clone().unwrap_or_default();
        let parts = files::Parts { count: self.docs.len(), shards, ids, facets, years: &years };
        out.pages.extend(files::manifest(parts)?);
        Ok(out)
    }

    /// Analyses the articles not analysed yet, in runs on several threads.
    fn analyse(
        &mut self,
        articles: &[Article],
        rendered: &[Rendered],
        by_id: &[usize],
        versions: &[u64],
        settings: &Settings,
    ) {
        let mut seen = FxHashSet::default();
        let missing: Vec<usize> = by_id
            .iter()
            .zip(versions)
            .filter(|(_, v)| !self.analysed.contains_key(*v) && seen.insert(**v))
            .map(|(&i, _)| i)
            .collect();
        let language = self.language.clone();
        let runs: Vec<_> = missing
            .par_chunks(super::RUN)
            .map(|chunk| {
                let mut analyser = Analyser::keeping_words(&language);
                let docs: Vec<(u64, Doc)> = chunk
                    .iter()
                    .map(|&i| {
                        analyser.article(&fields(&articles[i], &rendered[i]), &rendered[i].html);
                        (rendered[i].version, doc(&articles[i], settings))
                    })
                    .collect();
                (analyser.finish(), docs)
            })
            .collect();
        for (run, docs) in runs {
            self.intern(run, docs);
        }
    }

    /// Files a run's articles under the session's numbering of stems and words.
    fn intern(&mut self, run: analyse::Run, docs: Vec<(u64, Doc)>) {
        let stems: Vec<u32> =
            run.stems.into_iter().map(|s| intern(&mut self.stems, &mut self.stem_ids, s)).collect();
        let words: Vec<(u32, u32)> = run
            .words
            .into_iter()
            .map(|(w, s)| {
                let known = self.word_ids.len();
                let id = intern(&mut self.words, &mut self.word_ids, w);
                if self.word_ids.len() > known {
                    self.sorted_words.insert(self.words[id as usize].clone(), id);
                }
                (id, stems[s as usize])
            })
            .collect();
        for (counts, (version, doc)) in run.counts.into_iter().zip(docs) {
            let terms = counts.terms.iter().map(|&(s, tf, head)| (stems[s as usize], tf, head)).collect();
            let words = counts.words.iter().map(|&w| words[w as usize]).collect();
            self.analysed.insert(version, Analysed { terms, length: counts.length, words, doc });
        }
        self.postings.resize(self.stems.len(), Vec::new());
        self.encoded.resize(self.stems.len(), String::new());
        self.word_stems.resize(self.words.len(), Vec::new());
        self.alias_of.resize(self.words.len(), None);
    }

    /// Forgets the lists, to make them again from every article.
    fn reset(&mut self) {
        self.versions.clear();
        self.postings.iter_mut().for_each(Vec::clear);
        self.encoded.iter_mut().for_each(String::clear);
        self.word_stems.iter_mut().for_each(Vec::clear);
        self.alias_of.iter_mut().for_each(|a| *a = None);
        self.keys.clear();
        self.shards.clear();
        self.dirty.clear();
    }

    /// Takes out what changed articles held and puts in what they hold now;
    /// returns the stems and words whose lists this changed. An edit leaves
    /// most of an article's weights and spellings as they were: those are not
    /// returned, so their shards are not made again.
    fn apply(&mut self, versions: &[u64], all: bool) -> (FxHashSet<u32>, FxHashSet<u32>) {
        let (mut stems, mut words) = (FxHashSet::default(), FxHashSet::default());
        for (id, &version) in versions.iter().enumerate() {
            let old = self.versions.get(id).copied();
            if !all && old == Some(version) {
                continue;
            }
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            let (mut was, mut gone) = match old.and_then(|v| self.analysed.get(&v)) {
                Some(a) => take_out((&mut self.postings, &mut self.word_stems), a, id),
                None => Default::default(),
            };
            let a = &self.analysed[&version];
            for &(s, tf, head) in &a.terms {
                let list = &mut self.postings[s as usize];
                let at = list.partition_point(|p| p.0 < id);
                let weight = weight(tf, head, a.length, self.avg);
                list.insert(at, (id, weight));
                if was.remove(&s) != Some(weight) {
                    stems.insert(s);
                }
            }
            for &(w, s) in &a.words {
                let list = &mut self.word_stems[w as usize];
                match list.iter_mut().find(|u| u.0 == s) {
                    Some(u) => u.1 += 1,
                    None => list.push((s, 1)),
                }
                // A spelling always has the same stem: it changed only if
                // the article used it before and not now, or now and not before.
                if !gone.remove(&w) {
                    words.insert(w);
                }
            }
            stems.extend(was.into_keys());
            words.extend(gone);
        }
        (stems, words)
    }

    /// Encodes the touched stems' lists again; a stem that came or went
    /// may change the alias of words it begins.
    fn mark_stems(&mut self, stems: FxHashSet<u32>) {
        let mut words = Vec::new();
        for s in stems {
            let stem = &self.stems[s as usize];
            let list = &self.postings[s as usize];
            self.encoded[s as usize] = encode::postings(list);
            self.dirty.insert(stem.clone());
            let entry = self.keys.get(stem).copied().unwrap_or_default();
            let now = (!list.is_empty()).then_some(s);
            if entry.0 == now {
                continue;
            }
            set_key(&mut self.keys, stem, (now, entry.1));
            let chars = stem.chars().count();
            let near =
                self.sorted_words.range(stem.clone()..).take_while(|(w, _)| w.starts_with(stem.as_str()));
            words.extend(near.filter(|(w, _)| w.chars().count() <= chars + 4).map(|(_, &id)| id));
        }
        self.mark_words(words);
    }

    /// Settles the stem and alias of each word given.
    fn mark_words(&mut self, words: impl IntoIterator<Item = u32>) {
        for w in words {
            let stems = &self.stems;
            let chosen = self.word_stems[w as usize].iter().map(|u| u.0).reduce(|mut a, b| {
                analyse::prefer(&mut a, b, stems);
                a
            });
            let word = &self.words[w as usize];
            let is_stem =
                |p: &str| self.stem_ids.get(p).is_some_and(|&s| !self.postings[s as usize].is_empty());
            let alias = chosen.filter(|&s| guess(word, is_stem) != Some(stems[s as usize].as_str()));
            if alias == self.alias_of[w as usize] {
                continue;
            }
            self.alias_of[w as usize] = alias;
            self.dirty.insert(word.clone());
            let entry = self.keys.get(word).copied().unwrap_or_default();
            set_key(&mut self.keys, word, (entry.0, alias.map(|_| w)));
        }
    }

    /// The `docs/` and `ids/` files, and the facets; returns the `ids/` names.
    /// Only the documents of articles whose version is not `old`'s are
    /// looked at: a rebuild after one edit compares one, not thousands.
    fn docs_files(&mut self, old: &[u64], out: &mut Output) -> Result<Vec<String>> {
        let per = files::DOCS_PER_FILE;
        let count = self.versions.len();
        let mut changed = vec![false; count.div_ceil(per)];
        // A last file that lost documents is made again.
        if self.docs.len() > count
            && let Some(last) = changed.last_mut()
        {
            *last = true;
        }
        self.docs.truncate(count);
        let mut facets_changed = self.facets.is_none() || old.len() != count;
        for (id, v) in self.versions.iter().enumerate() {
            if old.get(id) == Some(v) && id < self.docs.len() {
                continue;
            }
            let doc = &self.analysed[v].doc;
            match self.docs.get_mut(id) {
                Some(had) if had == doc => continue,
                Some(had) => {
                    facets_changed |= !same_facets(had, doc);
                    had.clone_from(doc);
                }
                None => {
                    facets_changed = true;
                    self.docs.push(doc.clone());
                }
            }
            changed[id / per] = true;
        }
        let made: Vec<Option<(String, Vec<u8>)>> = self
            .docs
            .par_chunks(per)
            .enumerate()
            .map(|(n, chunk)| {
                if !changed[n] && n < self.doc_names.len() {
                    return Ok(None);
                }
                let bytes = files::docs_file(chunk)?;
                Ok(Some((files::fingerprint(&bytes), bytes)))
            })
            .collect::<Result<_>>()?;
        let names =
            made.into_iter().enumerate().map(|(n, m)| keep_or_add(out, "docs", &self.doc_names[..], n, m));
        let names: Vec<String> = names.collect();
        let ids = files::ids_files(&names, &mut out.pages)?;
        match &self.facets {
            Some((name, _)) if !facets_changed => out.kept.push(files::path("facets", name)),
            _ => {
                let mut index = Index { docs: std::mem::take(&mut self.docs), ..Index::default() };
                index.facets();
                let bytes = files::facets_file(&index.tags, &index.authors)?;
                let name = files::hashed(&mut out.pages, "facets", bytes);
                self.facets = Some((name, index.years));
                self.docs = index.docs;
            }
        }
        self.doc_names = names;
        Ok(ids)
    }

    /// The shards, made again where a key of theirs changed or their bounds
    /// moved; returns each one's first key and name, in key order.
    fn shard_files(&mut self, all: bool, out: &mut Output) -> Result<Vec<(String, String)>> {
        let entries: Vec<files::Entry<'_>> = self
            .keys
            .iter()
            .map(|(k, &(s, w))| files::Entry {
                key: k,
                postings: s.map(|s| self.encoded[s as usize].as_str()),
                alias: w.and_then(|w| self.alias_of[w as usize]).map(|s| self.stems[s as usize].as_str()),
            })
            .collect();
        let ranges = files::ranges(&entries);
        let bounds: Vec<(&str, &str)> = ranges.iter().map(|r| bounds(&entries, r)).collect();
        let mut dirty = vec![all; ranges.len()];
        for key in &self.dirty {
            let at = bounds.partition_point(|b| b.0 <= key.as_str()).saturating_sub(1);
            if let Some(d) = dirty.get_mut(at) {
                *d = true;
            }
        }
        let made: Vec<Option<(String, Vec<u8>)>> = (0..ranges.len())
            .into_par_iter()
            .map(|n| {
                let (first, last) = bounds[n];
                let same =
                    self.shards.get(first).is_some_and(|m| m.last == last && m.keys == ranges[n].len());
                if same && !dirty[n] {
                    return Ok(None);
                }
                let bytes = files::shard_file(&entries[ranges[n].clone()])?;
                Ok(Some((files::fingerprint(&bytes), bytes)))
            })
            .collect::<Result<_>>()?;
        let mut shards = FxHashMap::default();
        let mut listed = Vec::with_capacity(ranges.len());
        for ((range, (first, last)), made) in ranges.iter().zip(&bounds).zip(made) {
            let name = match made {
                Some(m) => keep_or_add(out, "shard", &[], 0, Some(m)),
                None => {
                    let name = self.shards[*first].name.clone();
                    out.kept.push(files::path("shard", &name));
                    name
                }
            };
            listed.push((files::first_key(&entries, range).to_string(), name.clone()));
            shards.insert(first.to_string(), Made { last: last.to_string(), keys: range.len(), name });
        }
        self.shards = shards;
        self.dirty.clear();
        Ok(listed)
    }
}

/// Removes article `id`'s postings and its uses of spellings, as `a` gives
/// them; returns the weight each stem had and the spellings it used.
fn take_out(
    (postings, word_stems): (&mut [Postings], &mut [Uses]),
    a: &Analysed,
    id: u32,
) -> (FxHashMap<u32, u8>, FxHashSet<u32>) {
    let (mut was, mut used) = (FxHashMap::default(), FxHashSet::default());
    for &(s, ..) in &a.terms {
        let list = &mut postings[s as usize];
        if let Ok(at) = list.binary_search_by_key(&id, |p| p.0) {
            was.insert(s, list.remove(at).1);
        }
    }
    for &(w, s) in &a.words {
        let list = &mut word_stems[w as usize];
        if let Some(at) = list.iter().position(|u| u.0 == s) {
            list[at].1 -= 1;
            if list[at].1 == 0 {
                list.remove(at);
            }
        }
        used.insert(w);
    }
    (was, used)
}

/// Whether two documents file the same way under tags, authors and years.
fn same_facets(a: &Doc, b: &Doc) -> bool {
    a.tags == b.tags && a.authors == b.authors && a.date.get(..4) == b.date.get(..4)
}

/// The first and last key of a shard (empty for an empty index).
fn bounds<'a>(entries: &[files::Entry<'a>], range: &Range<usize>) -> (&'a str, &'a str) {
    let key = |i: usize| entries.get(i).map_or("", |e| e.key);
    (key(range.start), key(range.end.saturating_sub(1)))
}

/// The name of file `n` of `dir`: kept from `names` when `made` is `None`
/// (its path goes to the kept files), else the new one, whose page is added.
fn keep_or_add(
    out: &mut Output,
    dir: &str,
    names: &[String],
    n: usize,
    made: Option<(String, Vec<u8>)>,
) -> String {
    match made {
        Some((name, bytes)) => {
            out.pages.push(Page { path: files::path(dir, &name), bytes });
            name
        }
        None => {
            let name = names.get(n).cloned().unwrap_or_default();
            out.kept.push(files::path(dir, &name));
            name
        }
    }
}

/// The id of `value` in an interner, added if new.
fn intern(values: &mut Vec<String>, ids: &mut FxHashMap<String, u32>, value: String) -> u32 {
    if let Some(&id) = ids.get(&value) {
        return id;
    }
    let id = u32::try_from(values.len()).unwrap_or(u32::MAX);
    values.push(value.clone());
    ids.insert(value, id);
    id
}

/// Sets a key of the shards, removing it when it is neither stem nor alias.
fn set_key(
    keys: &mut BTreeMap<String, (Option<u32>, Option<u32>)>,
    key: &str,
    value: (Option<u32>, Option<u32>),
) {
    if value == (None, None) {
        keys.remove(key);
    } else {
        keys.insert(key.to_string(), value);
    }
}
