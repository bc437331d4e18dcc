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
use crate::config::Settings;
use crate::content::{self, Article, Asset};
use crate::error::{Error, Result, Warning};
use crate::markdown::Rendered;
use crate::output::{Staging, check_path};
use crate::render::{Input, Page, PageKeys, Renderer, views};
use crate::site::{BuildOptions, Linker, Timings, hash};

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
    /// The article version each summary view was built from.
    summary_versions: Vec<u64>,
    /// The link map, kept while no article was added, removed or moved.
    linker: Option<Linker>,
    archive: Option<(u64, Archive)>,
    /// The search index files and the key of what they index.
    search: Option<(u64, Vec<Page>)>,
    /// The sitemaps and robots.txt, and the key of what they list.
    sitemaps: Option<(u64, Vec<Page>)>,
    keys: PageKeys,
    /// Hash of the bytes of every page written, by output path.
    written: HashMap<String, u64>,
    /// Source stamp of every copied file, by output path.
    copied: HashMap<String, (PathBuf, Option<Stamp>)>,
    built: bool,
    /// When the previous build looked at the sources.
    last_scan: Option<SystemTime>,
    /// Files modified after this are compared by content, not stamp.
    racy_after: Option<SystemTime>,
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
            search: None,
            sitemaps: None,
            keys: PageKeys::new(),
            written: HashMap::new(),
            copied: HashMap::new(),
            built: false,
            last_scan: None,
            racy_after: None,
        }
    }

    /// Builds the site from what is on disk now. On error the output keeps
    /// its last good state, and the next call starts from what did succeed.
    pub fn build(&mut self) -> Result<Outcome> {
        let start = Instant::now();
        let mut outcome = Outcome::default();
        let mut timings = Timings::default();
        let settings = self.settings()?;
        let renderer = timings.time("templates-load", || Renderer::load(&self.root, &settings))?;
        let assets = timings.time("read", || self.read_sources(&settings, &mut outcome))?;
        timings.time("markdown", || self.render_markdown(&settings))?;
        timings.time("listings", || self.update_archive(&settings));
        timings.time("views", || self.update_summaries(&settings));
        let previous = if self.built { std::mem::take(&mut self.keys) } else { PageKeys::new() };
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
        };
        let written = timings.time("render", || renderer.render_all(&input, &previous, &sink));
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
        // The sitemaps follow the page list and what listings show.
        let listed: Vec<_> =
            written.listed.iter().map(|l| (&l.rel, l.lastmod.as_ref().map(|z| z.timestamp()))).collect();
        let shown: Vec<u64> = self.rendered.iter().map(|r| r.summary_version).collect();
        let own_robots = assets.iter().any(|a| a.rel == "robots.txt");
        let sitemap_key = hash(&(listed, shown, own_robots));
        let sitemaps = match self.sitemaps.take() {
            Some((k, pages)) if k == sitemap_key => pages,
            _ => crate::site::sitemap_pages(
                &self.articles,
                archive,
                &settings,
                &written,
                &assets,
                &mut timings,
            ),
        };
        self.sitemaps = Some((sitemap_key, sitemaps.clone()));
        let mut pages = pages.into_inner().unwrap_or_else(PoisonError::into_inner);
        let mut keys = written.keys;
        keys.extend(feed_keys);
        let order = archive.order.clone();
        let extra = self.extra_pages(&order, &settings, &keys, &mut timings);
        let extra = match extra {
            Ok(e) => e,
            Err(e) => {
                self.keys = previous;
                return Err(e);
            }
        };
        for p in extra.into_iter().chain(sitemaps) {
            keys.insert(p.path.clone(), crate::render::ALWAYS);
            pages.push(p);
        }
        timings.time("write", || self.write(pages, &keys, &assets, &mut outcome))?;
        self.keys = keys;
        self.built = true;
        outcome.articles = self.articles.len();
        outcome.warnings = self.warnings();
        outcome.timings = timings;
        outcome.elapsed = start.elapsed();
        Ok(outcome)
    }

    /// The search index (kept while what it shows is unchanged) and the
    /// redirect pages of aliases.
    fn extra_pages(
        &mut self,
        order: &[usize],
        settings: &Settings,
        keys: &PageKeys,
        timings: &mut Timings,
    ) -> Result<Vec<Page>> {
        let listed: Vec<u64> = order.iter().map(|&i| self.rendered[i].summary_version).collect();
        let key = hash(&listed);
        let search = match self.search.take() {
            Some((k, pages)) if k == key => pages,
            _ => timings
                .time("search", || crate::search::pages(&self.articles, &self.rendered, order, settings))?,
        };
        self.search = Some((key, search.clone()));
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
        }
        Ok(settings)
    }

    fn warnings(&self) -> Vec<Warning> {
        let mut paths: Vec<&PathBuf> = self.sources.keys().collect();
        paths.sort();
        paths.iter().flat_map(|p| self.sources[*p].warnings.iter().cloned()).collect()
    }

    /// Brings `articles` up to date with the disk: unchanged files are kept,
    /// changed ones re-read; returns the files to copy.
    fn read_sources(&mut self, settings: &Settings, outcome: &mut Outcome) -> Result<Vec<Asset>> {
        let (paths, assets, mut errors) = content::discover(&self.root);
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
        let parsed = match self.update_in_place(&paths, &stamps, &changed, parsed) {
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
        errors.extend(content::duplicate_urls(&self.articles));
        errors.extend(crate::publish::alias_collisions(&self.articles));
        Error::from_many(errors).map_or(Ok(assets), Err)
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
    ) -> std::result::Result<(), Vec<content::Parsed>> {
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        let same_files = self.held.is_empty()
            && paths.len() == self.articles.len()
            && paths.iter().zip(&self.articles).all(|(p, a)| *p == a.path);
        let fits = same_files
            && changed.iter().zip(&parsed).all(|(&i, (result, _))| match (result, stamps[i]) {
                (Ok(a), Some(_)) => {
                    let old = &self.articles[i];
                    (!a.draft || self.options.drafts)
                        && crate::publish::is_live(a, self.options.future, now)
                        && a.rel_url == old.rel_url
                        && a.aliases == old.aliases
                }
                _ => false,
            });
        if !fits {
            return Err(parsed);
        }
        for (&i, (result, warnings)) in changed.iter().zip(parsed) {
            let (Ok(a), Some(stamp)) = (result, stamps[i]) else { continue };
            self.sources.insert(paths[i].clone(), Source { stamp, warnings });
            // A file re-read only because its time stamp was too recent to
            // trust keeps its rendering when its content is the same.
            if a.source_hash != self.articles[i].source_hash {
                self.articles[i] = a;
                self.rendered[i] = Rendered::default();
            }
        }
        Ok(())
    }

    /// Renders the bodies whose version changed.
    fn render_markdown(&mut self, settings: &Settings) -> Result<()> {
        let linker = match self.linker.take() {
            Some(l) => l,
            None => Linker::new(&self.articles, settings),
        };
        let stale: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                self.rendered[i].version == 0 || self.rendered[i].version != linker.version(&self.articles[i])
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
        let shape: Vec<_> =
            self.articles.iter().map(|a| (&a.rel_url, a.date.timestamp(), &a.tags, &a.authors)).collect();
        let key = hash(&(shape, settings.config.related));
        let mut archive = match self.archive.take() {
            Some((k, a)) if k == key => a,
            _ => Archive::build(&self.articles, &self.rendered, settings.config.related),
        };
        archive.speakers = archive::speakers(&archive.order, &self.rendered);
        self.archive = Some((key, archive));
    }

    /// Listing views: rebuilt only for articles whose version changed.
    fn update_summaries(&mut self, settings: &Settings) {
        let mut old: HashMap<u64, Value> =
            self.summary_versions.drain(..).zip(self.summaries.drain(..)).collect();
        let (articles, rendered) = (&self.articles, &self.rendered);
        self.summaries = (0..articles.len())
            .into_par_iter()
            .map(|i| match old.get(&rendered[i].summary_version) {
                Some(v) => v.clone(),
                None => views::summary(&articles[i], &rendered[i], settings),
            })
            .collect();
        old.clear();
        self.summary_versions = rendered.iter().map(|r| r.summary_version).collect();
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
