//! Rebuilding a site again and again, as watch mode does, doing only the work
//! a change needs.
//!
//! A [`Session`] keeps what the last build read and rendered. A rebuild looks
//! at what is on disk (never at file events): it re-reads only files whose
//! size or modification time changed, re-renders the Markdown of articles
//! whose version changed, re-renders pages whose fingerprint changed, writes
//! only files whose bytes changed and deletes files the site no longer has.
//! The first build of a session is a clean one, written atomically, so the
//! output of any sequence of rebuilds equals a clean build.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Instant, SystemTime};

use rayon::prelude::*;
use tera::Value;

use crate::archive::{self, Archive};
use crate::body::{Linker, Rendered};
use crate::config::Settings;
use crate::content::{self, Article, Asset};
use crate::error::{Error, Result, Warning};
use crate::fingerprint::hash;
use crate::output::Staging;
use crate::paths::check_path;
use crate::render::{Input, Page, PageKeys, Renderer, views};
use crate::site::{BuildOptions, Timings};

/// Size, modification time and file number: a file whose stamp is
/// unchanged is not read again. The file number catches an editor's
/// write-and-rename that keeps size and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

/// File systems keep modification times in coarse ticks (a few
/// milliseconds, up to seconds on some), so two saves of the same size within
/// a tick look alike. As git does with "racily clean" files, a file modified
/// this close to the previous scan is read again and compared by content.
const RACY: std::time::Duration = std::time::Duration::from_secs(2);

fn is_racy(stamp: Stamp, racy_after: Option<SystemTime>) -> bool {
    match (stamp.modified, racy_after) {
        (Some(m), Some(t)) => m >= t,
        _ => true,
    }
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let ino = 0;
    Some(Stamp { len: m.len(), modified: m.modified().ok(), ino })
}

/// An article source as last read.
struct Source {
    stamp: Stamp,
    warnings: Vec<Warning>,
}

/// What one build or rebuild did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Articles published.
    pub articles: usize,
    /// Article files read because they were new or changed.
    pub reread: usize,
    /// Article files that went away.
    pub removed: usize,
    /// Pages rendered through templates (the rest were unchanged).
    pub rendered: usize,
    /// Files written because their bytes changed.
    pub written: usize,
    /// Files deleted because the site no longer has them.
    pub deleted: usize,
    /// Warnings of the current sources.
    pub warnings: Vec<Warning>,
    /// Time per stage.
    pub timings: Timings,
    /// Wall time.
    pub elapsed: std::time::Duration,
}

/// A site kept in memory between builds.
pub struct Session {
    root: PathBuf,
    out: PathBuf,
    options: BuildOptions,
    settings_key: u64,
    sources: HashMap<PathBuf, Source>,
    /// Published articles in path order, with their bodies rendered.
    articles: Vec<Article>,
    rendered: Vec<Rendered>,
    /// Articles not published now (embargoed or expired), kept for when they are.
    held: HashMap<PathBuf, (Article, Rendered)>,
    summaries: Vec<Value>,
    /// What each summary view was built from: the article version and the
    /// template set (the view holds the article's rendered listing entry).
    summary_versions: Vec<u64>,
    /// The link map, kept while no article was added, removed or moved.
    linker: Option<Linker>,
    archive: Option<(u64, Archive)>,
    /// What places each article in the listings (URL, date, tags, authors),
    /// hashed, with the path and source hash it was taken from.
    shapes: Vec<(PathBuf, u64, u64)>,
    /// Per article, its rendering version and a hash of who its quotes are by;
    /// with `quoted_key`, what the speaker listings were built from.
    quoted: Vec<(u64, u64)>,
    quoted_key: u64,
    /// The paths of the search index files and the key of what they index.
    search: Option<(u64, Vec<String>)>,
    /// The paths of the sitemaps and robots.txt, and the key of what they list.
    sitemaps: Option<(u64, Vec<String>)>,
    keys: PageKeys,
    /// Hash of the bytes of every page written, by output path.
    written: rustc_hash::FxHashMap<String, u64>,
    /// Source stamp of every copied file, by output path.
    copied: HashMap<String, (PathBuf, Option<Stamp>)>,
    built: bool,
    /// When the previous build looked at the sources.
    last_scan: Option<SystemTime>,
    /// Files modified after this are compared by content, not stamp.
    racy_after: Option<SystemTime>,
    /// The article paths and files to copy of the last full scan, while
    /// nothing but article edits happened since.
    scan: Option<(Vec<PathBuf>, Vec<Asset>)>,
    /// The templates as last loaded.
    renderer: Option<Renderer>,
    /// For the next build only: the articles that changed, when the caller
    /// knows them (see [`Session::build_edited`]).
    edited: Option<Vec<PathBuf>>,
}

impl Session {
    /// A session for the site at `root`, writing to `out`; nothing is read yet.
    pub fn new(root: &Path, out: &Path, options: BuildOptions) -> Self {
        Session {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            options,
            settings_key: 0,
            sources: HashMap::new(),
            articles: Vec::new(),
            rendered: Vec::new(),
            held: HashMap::new(),
            summaries: Vec::new(),
            summary_versions: Vec::new(),
            linker: None,
            archive: None,
            shapes: Vec::new(),
            quoted: Vec::new(),
            quoted_key: 0,
            search: None,
            sitemaps: None,
            keys: PageKeys::default(),
            written: Default::default(),
            copied: HashMap::new(),
            built: false,
            last_scan: None,
            racy_after: None,
            scan: None,
            edited: None,
            renderer: None,
        }
    }

    /// [`Session::build`] when the caller knows the only changes are edits
    /// of the files `changed` (absolute, or relative to the root): if all of
    /// them are articles of the last build and still there, only they are
    /// read, and the folders are not walked again; otherwise a full build.
    /// The files themselves are always read in full and compared by
    /// content, so a wrong hint costs time, never correctness, as long as
    /// nothing else changed (file notifications tell that much).
    pub fn build_edited(&mut self, changed: &[PathBuf]) -> Result<Outcome> {
        let rel: Option<Vec<PathBuf>> = changed
            .iter()
            .map(|p| p.strip_prefix(&self.root).unwrap_or(p).to_path_buf())
            .map(|p| (self.sources.contains_key(&p) && self.root.join(&p).is_file()).then_some(p))
            .collect();
        self.edited = rel.filter(|r| self.built && self.scan.is_some() && !r.is_empty());
        let result = self.build();
        self.edited = None;
        result
    }

    /// Builds the site from what is on disk now. On error the output keeps
    /// its last good state, and the next call starts from what did succeed.
    pub fn build(&mut self) -> Result<Outcome> {
        let start = Instant::now();
        let mut outcome = Outcome::default();
        let mut timings = Timings::default();
        let settings_key = self.settings_key;
        let settings = self.settings()?;
        // Only articles changed (and not the settings): the templates are as loaded.
        let renderer = match self.renderer.take() {
            Some(r) if self.edited.is_some() && settings_key == self.settings_key => r,
            _ => timings.time("templates-load", || Renderer::load(&self.root, &settings))?,
        };
        let assets = timings.time("read", || self.read_sources(&settings, &mut outcome))?;
        timings.time("markdown", || self.render_markdown(&settings))?;
        timings.time("listings", || self.update_archive(&settings));
        timings.time("views", || self.update_summaries(&settings, &renderer))?;
        let previous = if self.built { std::mem::take(&mut self.keys) } else { PageKeys::default() };
        let pages = Mutex::new(Vec::new());
        let sink = |p: Page| {
            pages.lock().unwrap_or_else(PoisonError::into_inner).push(p);
            Ok(())
        };
        let Some((_, archive)) = &self.archive else {
            return Err(Error::Template { message: "internal: listings missing".into() });
        };
        let input = Input {
            articles: &self.articles,
            rendered: &self.rendered,
            archive,
            settings: &settings,
            summaries: &self.summaries,
            // A rebuild makes the views of a few articles: their links are
            // made on the spot.
            links: &views::Links::default(),
        };
        // The sitemaps follow the set of pages and what they show of each
        // article; the same key means the same pages as last time, so
        // rendering may skip unchanged articles outright.
        let shown: Vec<u64> = self.rendered.iter().map(|r| r.summary_version).collect();
        let own_robots = assets.iter().any(|a| a.rel == "robots.txt");
        let sitemap_key =
            hash(&(self.quoted_key, renderer.fingerprint(), self.settings_key, shown, own_robots));
        let same_pages =
            !previous.is_empty() && self.sitemaps.as_ref().is_some_and(|(k, _)| *k == sitemap_key);
        let written = timings.time("render", || renderer.render_all(&input, &previous, same_pages, &sink));
        let written = match written {
            Ok(w) => w,
            Err(e) => {
                self.keys = previous;
                return Err(e);
            }
        };
        outcome.rendered = pages.lock().unwrap_or_else(PoisonError::into_inner).len();
        let feeds = timings.time("feeds", || {
            crate::feeds::write_all(&self.articles, &self.rendered, archive, &settings, &previous, &sink)
        });
        let feed_keys = match feeds {
            Ok(k) => k,
            Err(e) => {
                self.keys = previous;
                return Err(e);
            }
        };
        // Files generated again only when what they show changed; unchanged
        // ones are neither rendered, copied nor compared again, only kept.
        let mut kept: Vec<String> = Vec::new();
        let sitemaps = match self.sitemaps.take() {
            Some((k, paths)) if k == sitemap_key => {
                kept.extend(paths.iter().cloned());
                self.sitemaps = Some((k, paths));
                Vec::new()
            }
            _ => {
                let pages = crate::site::sitemap_pages(
                    &self.articles,
                    archive,
                    &settings,
                    &written,
                    &assets,
                    &mut timings,
                );
                self.sitemaps = Some((sitemap_key, pages.iter().map(|p| p.path.clone()).collect()));
                pages
            }
        };
        let mut pages = pages.into_inner().unwrap_or_else(PoisonError::into_inner);
        let mut keys = if same_pages {
            let mut keys = previous;
            keys.extend(written.keys);
            keys
        } else {
            written.keys
        };
        keys.extend(feed_keys);
        let order = archive.order.clone();
        let extra = self.extra_pages(&order, &settings, &keys, &mut kept, &mut timings);
        let extra = match extra {
            Ok(e) => e,
            Err(e) => {
                // The keys of last time are spent: the next build renders everything.
                (self.search, self.sitemaps) = (None, None);
                return Err(e);
            }
        };
        for p in extra.into_iter().chain(sitemaps) {
            keys.insert(p.path.clone(), crate::render::ALWAYS);
            pages.push(p);
        }
        for path in kept {
            keys.insert(path, crate::render::ALWAYS);
        }
        if let Err(e) = timings.time("write", || self.write(pages, &keys, &assets, &mut outcome)) {
            // What was kept may not be on disk: generate it all next time.
            (self.search, self.sitemaps) = (None, None);
            return Err(e);
        }
        self.keys = keys;
        self.renderer = Some(renderer);
        self.built = true;
        outcome.articles = self.articles.len();
        outcome.warnings = self.warnings();
        outcome.timings = timings;
        outcome.elapsed = start.elapsed();
        Ok(outcome)
    }

    /// The search index (unless what it shows is unchanged: then its paths
    /// go to `kept`) and the redirect pages of aliases.
    fn extra_pages(
        &mut self,
        order: &[usize],
        settings: &Settings,
        keys: &PageKeys,
        kept: &mut Vec<String>,
        timings: &mut Timings,
    ) -> Result<Vec<Page>> {
        let listed: Vec<u64> = order.iter().map(|&i| self.rendered[i].summary_version).collect();
        let key = hash(&listed);
        let search = match self.search.take() {
            Some((k, paths)) if k == key => {
                kept.extend(paths.iter().cloned());
                self.search = Some((k, paths));
                Vec::new()
            }
            _ => {
                let pages = timings.time("search", || {
                    crate::search::pages(&self.articles, &self.rendered, order, settings)
                })?;
                self.search = Some((key, pages.iter().map(|p| p.path.clone()).collect()));
                pages
            }
        };
        let aliases = crate::publish::alias_pages(&self.articles, settings, keys)?;
        Ok(search.into_iter().chain(aliases).collect())
    }

    /// Settings as on disk; a change of settings starts over.
    fn settings(&mut self) -> Result<Settings> {
        let mut settings = Settings::load(&self.root)?;
        if let Some(url) = &self.options.base_url {
            settings.set_base_url(url);
        }
        let key = hash(&(format!("{settings:?}"), self.options.drafts));
        if key != self.settings_key {
            self.settings_key = key;
            self.sources.clear();
            self.articles.clear();
            self.rendered.clear();
            self.held.clear();
            self.summaries.clear();
            self.summary_versions.clear();
            self.linker = None;
            self.archive = None;
            self.shapes.clear();
            self.quoted.clear();
        }
        Ok(settings)
    }

    fn warnings(&self) -> Vec<Warning> {
        let mut paths: Vec<&PathBuf> =
            self.sources.iter().filter(|(_, s)| !s.warnings.is_empty()).map(|(p, _)| p).collect();
        paths.sort();
        paths.iter().flat_map(|p| self.sources[*p].warnings.iter().cloned()).collect()
    }

    /// Brings `articles` up to date with the disk: unchanged files are kept,
    /// changed ones re-read; returns the files to copy.
    fn read_sources(&mut self, settings: &Settings, outcome: &mut Outcome) -> Result<Vec<Asset>> {
        if let Some(edited) = self.edited.take()
            && let Some((paths, assets)) = self.scan.take()
            && self.read_edited(&paths, &edited, settings, outcome)
        {
            self.scan = Some((paths, assets.clone()));
            return Ok(assets);
        }
        let (paths, assets, mut errors) = content::discover(&self.root);
        self.scan = errors.is_empty().then(|| (paths.clone(), assets.clone()));
        let stamps: Vec<Option<Stamp>> = paths.par_iter().map(|p| stamp(&self.root.join(p))).collect();
        let racy_after = self.last_scan.and_then(|t| t.checked_sub(RACY));
        self.racy_after = racy_after;
        self.last_scan = Some(SystemTime::now());
        let changed: Vec<usize> = (0..paths.len())
            .filter(|&i| match (stamps[i], self.sources.get(&paths[i])) {
                (Some(now), Some(before)) => now != before.stamp || is_racy(now, racy_after),
                _ => true,
            })
            .collect();
        outcome.reread = changed.len();
        let live: HashSet<&PathBuf> = paths.iter().collect();
        outcome.removed = self.sources.keys().filter(|p| !live.contains(p)).count();
        let parsed: Vec<content::Parsed> =
            changed.par_iter().map(|&i| content::read(&self.root, &paths[i], settings)).collect();
        let parsed = match self.update_in_place(&paths, &stamps, &changed, parsed, false) {
            Ok(()) => return Error::from_many(errors).map_or(Ok(assets), Err),
            Err(parsed) => parsed,
        };

        self.linker = None;
        // Old articles by path, to move (not copy) the unchanged ones.
        let mut old: HashMap<PathBuf, (Article, Rendered)> = std::mem::take(&mut self.articles)
            .into_iter()
            .zip(std::mem::take(&mut self.rendered))
            .map(|(a, r)| (a.path.clone(), (a, r)))
            .chain(std::mem::take(&mut self.held))
            .collect();
        let mut fresh: HashMap<usize, Article> = HashMap::new();
        for (&i, (result, warnings)) in changed.iter().zip(parsed) {
            if let (Ok(a), Some((kept, _))) = (&result, old.get(&paths[i]))
                && a.source_hash == kept.source_hash
            {
                continue; // re-read only because its time stamp was too recent to trust
            }
            self.sources.remove(&paths[i]);
            old.remove(&paths[i]);
            match (result, stamps[i]) {
                (Ok(a), Some(stamp)) => {
                    self.sources.insert(paths[i].clone(), Source { stamp, warnings });
                    if !a.draft || self.options.drafts {
                        fresh.insert(i, a);
                    }
                }
                (Ok(_), None) => {}
                (Err(e), _) => errors.extend(e),
            }
        }
        self.sources.retain(|p, _| live.contains(p));
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        for (i, path) in paths.iter().enumerate() {
            let (a, r) = match (fresh.remove(&i), old.remove(path)) {
                (Some(a), _) => (a, Rendered::default()),
                (None, Some(kept)) => kept,
                (None, None) => continue,
            };
            if crate::publish::is_live(&a, self.options.future, now) {
                self.articles.push(a);
                self.rendered.push(r);
            } else {
                self.held.insert(path.clone(), (a, r));
            }
        }
        content::link_translations(&mut self.articles);
        errors.extend(content::duplicate_urls(&self.articles));
        errors.extend(crate::publish::alias_collisions(&self.articles));
        Error::from_many(errors).map_or(Ok(assets), Err)
    }

    /// Re-reads only `edited`, articles of the last scan's `paths`, taking
    /// the stamps of the others as they were; false (nothing changed) when
    /// it is not an edit in place, for a full scan to handle.
    fn read_edited(
        &mut self,
        paths: &[PathBuf],
        edited: &[PathBuf],
        settings: &Settings,
        outcome: &mut Outcome,
    ) -> bool {
        // Scanned paths are in path order.
        let mut changed: Vec<usize> = edited.iter().filter_map(|p| paths.binary_search(p).ok()).collect();
        changed.sort_unstable();
        changed.dedup();
        if changed.len() != edited.len() {
            return false;
        }
        // Only the stamps of changed files are looked at.
        let mut stamps: Vec<Option<Stamp>> = vec![None; paths.len()];
        for &i in &changed {
            stamps[i] = stamp(&self.root.join(&paths[i]));
        }
        let parsed: Vec<content::Parsed> =
            changed.par_iter().map(|&i| content::read(&self.root, &paths[i], settings)).collect();
        outcome.reread = changed.len();
        self.update_in_place(paths, &stamps, &changed, parsed, true).is_ok()
    }

    /// The common case of an edit: the same files as before, all published,
    /// and no changed article moved to another URL or alias. The changed
    /// articles are replaced where they stand, and the URL checks of the
    /// last build still hold. Otherwise `parsed` goes back to the general path.
    fn update_in_place(
        &mut self,
        paths: &[PathBuf],
        stamps: &[Option<Stamp>],
        changed: &[usize],
        parsed: Vec<content::Parsed>,
        same_scan: bool,
    ) -> std::result::Result<(), Vec<content::Parsed>> {
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        // The same files as last time, every one of them read without error
        // (known without looking when `paths` is the last scan's).
        let same_files = self.held.is_empty()
            && paths.len() == self.sources.len()
            && (same_scan || paths.iter().all(|p| self.sources.contains_key(p)));
        let slot = |i: usize| self.articles.binary_search_by(|a| a.path.cmp(&paths[i])).ok();
        let fits = same_files
            && changed.iter().zip(&parsed).all(|(&i, (result, _))| match (result, stamps[i], slot(i)) {
                (Ok(a), Some(_), Some(k)) => {
                    let old = &self.articles[k];
                    (!a.draft || self.options.drafts)
                        && crate::publish::is_live(a, self.options.future, now)
                        && a.rel_url == old.rel_url
                        && a.aliases == old.aliases
                        && (&a.lang, &a.translation_key) == (&old.lang, &old.translation_key)
                }
                _ => false,
            });
        if !fits {
            return Err(parsed);
        }
        let slots: Vec<Option<usize>> = changed.iter().map(|&i| slot(i)).collect();
        for ((&i, (result, warnings)), k) in changed.iter().zip(parsed).zip(slots) {
            let (Ok(a), Some(stamp), Some(k)) = (result, stamps[i], k) else { continue };
            self.sources.insert(paths[i].clone(), Source { stamp, warnings });
            // A file re-read only because its time stamp was too recent to
            // trust keeps its rendering when its content is the same.
            if a.source_hash != self.articles[k].source_hash {
                let translations = std::mem::take(&mut self.articles[k].translations);
                self.articles[k] = content::Article { translations, ..a };
                self.rendered[k] = Rendered::default();
            }
        }
        Ok(())
    }

    /// Renders the bodies whose version changed.
    fn render_markdown(&mut self, settings: &Settings) -> Result<()> {
        // A kept link map means only articles re-read since need rendering.
        let (linker, kept) = match self.linker.take() {
            Some(l) => (l, true),
            None => (Linker::new(&self.articles, settings), false),
        };
        let stale: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                let version = self.rendered[i].version;
                version == 0 || !kept && version != linker.version(&self.articles[i])
            })
            .collect();
        let results: Vec<(usize, Result<Rendered>)> =
            stale.par_iter().map(|&i| (i, linker.render(&self.articles[i], settings))).collect();
        let mut errors = Vec::new();
        for (i, r) in results {
            match r {
                Ok(r) => self.rendered[i] = r,
                Err(e) => {
                    self.rendered[i] = Rendered::default();
                    errors.push(e);
                }
            }
        }
        self.linker = Some(linker);
        Error::from_many(errors).map_or(Ok(()), Err)
    }

    /// The listings; their structure is kept while no article's place in
    /// them (URL, date, tags, authors) changed. Speakers follow the quotes.
    fn update_archive(&mut self, settings: &Settings) {
        let (articles, rendered) = (&self.articles, &self.rendered);
        self.shapes = carry(std::mem::take(&mut self.shapes), articles.len(), |i, kept| {
            let a = &articles[i];
            match kept {
                Some(s) if s.0 == a.path && s.1 == a.source_hash => s,
                _ => (
                    a.path.clone(),
                    a.source_hash,
                    hash(&(&a.rel_url, a.date.timestamp(), &a.tags, &a.authors)),
                ),
            }
        });
        let each: Vec<u64> = self.shapes.iter().map(|s| s.2).collect();
        let key = hash(&(each, settings.config.related));
        // Who is quoted where, per article, kept by rendering version: most
        // edits leave every attribution as it was.
        self.quoted = carry(std::mem::take(&mut self.quoted), rendered.len(), |i, kept| {
            let r = &rendered[i];
            match kept {
                Some(q) if q.0 == r.version => q,
                _ => (r.version, hash(&r.quotes.iter().map(|q| &q.speaker).collect::<Vec<_>>())),
            }
        });
        let each: Vec<u64> = self.quoted.iter().map(|q| q.1).collect();
        let quoted_key = hash(&(key, each));
        let archive = match self.archive.take() {
            Some((k, mut a)) if k == key => {
                if quoted_key != self.quoted_key {
                    a.speakers = archive::speakers(&a.order, &self.rendered);
                }
                a
            }
            _ => Archive::build(&self.articles, &self.rendered, settings.config.related),
        };
        self.quoted_key = quoted_key;
        self.archive = Some((key, archive));
    }

    /// Listing views: rebuilt only for articles whose version changed, or
    /// all of them when the templates did (each holds its rendered entry).
    fn update_summaries(&mut self, settings: &Settings, renderer: &Renderer) -> Result<()> {
        let mut old: HashMap<u64, Value> =
            self.summary_versions.drain(..).zip(self.summaries.drain(..)).collect();
        let (articles, rendered) = (&self.articles, &self.rendered);
        let version = |i: usize| hash(&(rendered[i].summary_version, renderer.fingerprint()));
        let summaries: Result<Vec<Value>> = (0..articles.len())
            .into_par_iter()
            .map(|i| match old.get(&version(i)) {
                Some(v) => Ok(v.clone()),
                None => renderer.with_story(views::summary(
                    &articles[i],
                    &rendered[i],
                    settings,
                    &views::Links::default(),
                )),
            })
            .collect();
        old.clear();
        self.summaries = summaries?;
        self.summary_versions = (0..articles.len()).map(version).collect();
        Ok(())
    }

    /// Writes what changed; the first build of a session is written atomically.
    fn write(
        &mut self,
        pages: Vec<Page>,
        keys: &PageKeys,
        assets: &[Asset],
        outcome: &mut Outcome,
    ) -> Result<()> {
        if !self.built {
            let staging = Staging::new(&self.out)?;
            staging.copy_assets(assets)?;
            pages.par_iter().try_for_each(|p| staging.write(p))?;
            staging.commit()?;
            self.written = pages.iter().map(|p| (p.path.clone(), hash(&p.bytes))).collect();
            self.copied =
                assets.iter().map(|a| (a.rel.clone(), (a.source.clone(), stamp(&a.source)))).collect();
            outcome.written = pages.len() + assets.len();
            return Ok(());
        }
        for p in &pages {
            check_path(&p.path)?;
        }
        let changed: Vec<&Page> =
            pages.iter().filter(|p| self.written.get(&p.path) != Some(&hash(&p.bytes))).collect();
        changed.par_iter().try_for_each(|p| write_file(&self.out.join(&p.path), &p.bytes))?;
        for p in &changed {
            self.written.insert(p.path.clone(), hash(&p.bytes));
        }
        outcome.written = changed.len();
        outcome.written += self.copy_changed(assets)?;
        let stale: Vec<String> = self.written.keys().filter(|p| !keys.contains_key(*p)).cloned().collect();
        for rel in stale {
            self.written.remove(&rel);
            remove_file(&self.out, &rel)?;
            outcome.deleted += 1;
        }
        Ok(())
    }

    fn copy_changed(&mut self, assets: &[Asset]) -> Result<usize> {
        let mut n = 0;
        let live: HashSet<&str> = assets.iter().map(|a| a.rel.as_str()).collect();
        for a in assets {
            check_path(&a.rel)?;
            let now = (a.source.clone(), stamp(&a.source));
            let racy = now.1.is_none_or(|s| is_racy(s, self.racy_after));
            if racy || self.copied.get(&a.rel) != Some(&now) {
                let dest = self.out.join(&a.rel);
                if let Some(parent) = dest.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                std::fs::copy(&a.source, &dest).map_err(|e| Error::io(&a.source, e))?;
                self.copied.insert(a.rel.clone(), now);
                n += 1;
            }
        }
        let gone: Vec<String> = self.copied.keys().filter(|r| !live.contains(r.as_str())).cloned().collect();
        for rel in gone {
            self.copied.remove(&rel);
            remove_file(&self.out, &rel)?;
        }
        Ok(n)
    }
}

/// A per-article cache brought up to date: `refresh` gets each article's
/// entry of last time, by position, and keeps it or makes a new one. Kept
/// entries are moved, not copied: articles stay in place between most rebuilds.
fn carry<T>(old: Vec<T>, len: usize, refresh: impl Fn(usize, Option<T>) -> T) -> Vec<T> {
    let mut old = old.into_iter();
    (0..len).map(|i| refresh(i, old.next())).collect()
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// Removes `rel` under `out`, then its folders while they are empty.
fn remove_file(out: &Path, rel: &str) -> Result<()> {
    let path = out.join(rel);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&path, e)),
        _ => {}
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}
