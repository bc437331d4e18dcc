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

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Instant, SystemTime};

mod extra;
mod read;
mod update;
mod write;

use tera::Value;

use read::{Source, Stamp};

use crate::archive::Archive;
use crate::body::{Linker, Rendered};
use crate::config::Settings;
use crate::content::{self, Article, Asset};
use crate::error::{Error, Result, Warning};
use crate::fingerprint::hash;
use crate::render::{Input, Page, PageKeys, Renderer, views};
use crate::site::{BuildOptions, Timings};

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
    /// Drafts, embargoed and expired articles left out.
    pub left_out: crate::publish::LeftOut,
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
    /// What the search index keeps between builds (each article's analysis).
    search_cache: HashMap<String, crate::search::Cache>,
    /// The paths of the sitemaps and robots.txt, and the key of what they list.
    sitemaps: Option<(u64, Vec<String>)>,
    keys: PageKeys,
    /// The redirect pages of the last build: made again every time, so they
    /// are no page of the site an alias could collide with.
    alias_paths: Vec<String>,
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
    /// Files of the last scan that are not articles (pages marked
    /// `page: true`, old sites' layout pages).
    not_articles: Vec<PathBuf>,
    /// The pages, read again at every build (a site has a handful), and
    /// the draft pages left out.
    pages: content::LoadedPages,
    /// The output files of the pages, as last rendered.
    page_files: Vec<String>,
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
            search_cache: Default::default(),
            sitemaps: None,
            keys: PageKeys::default(),
            alias_paths: Vec::new(),
            written: Default::default(),
            copied: HashMap::new(),
            built: false,
            last_scan: None,
            racy_after: None,
            scan: None,
            edited: None,
            renderer: None,
            not_articles: Vec::new(),
            pages: content::LoadedPages::default(),
            page_files: Vec::new(),
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
        let (mut outcome, mut timings) = (Outcome::default(), Timings::default());
        let (settings, renderer, assets) = self.update(&mut outcome, &mut timings)?;
        let look_warnings = settings.config.brand.contrast_warnings();
        let previous = if self.built { std::mem::take(&mut self.keys) } else { PageKeys::default() };
        let pages = Mutex::new(Vec::new());
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
        let sitemap_key = self.sitemap_key(&renderer, &assets, &settings);
        let same_pages =
            !previous.is_empty() && self.sitemaps.as_ref().is_some_and(|(k, _)| *k == sitemap_key);
        let (written, feed_keys) =
            match render_site(&input, &renderer, &previous, same_pages, &pages, &mut outcome, &mut timings) {
                Ok(done) => done,
                Err(e) => {
                    self.keys = previous;
                    return Err(e);
                }
            };
        // Files generated again only when what they show changed; unchanged
        // ones are neither rendered, copied nor compared again, only kept.
        let mut kept: Vec<String> = Vec::new();
        let sitemaps = unless_unchanged(&mut self.sitemaps, sitemap_key, &mut kept, || {
            crate::site::sitemap_pages(&self.articles, archive, &settings, &written, &assets, &mut timings)
        });
        let mut keys = if same_pages {
            let mut keys = previous;
            for path in &self.alias_paths {
                keys.remove(path);
            }
            keys.extend(written.keys);
            keys
        } else {
            written.keys
        };
        keys.extend(feed_keys);
        let pages = pages.into_inner().unwrap_or_else(PoisonError::into_inner);
        let extra = self.extras(&settings, &renderer, &mut keys, &mut kept, &mut timings)?;
        let stamp = crate::output::stamp_page(&settings.base_url);
        let extra = extra.into_iter().chain(sitemaps).chain([stamp]).collect();
        let written = Written { pages, extra, kept, keys };
        let mut outcome = self.finish(written, renderer, &assets, outcome, timings, start)?;
        outcome.warnings.extend(look_warnings);
        Ok(outcome)
    }

    /// Settings, templates, articles, bodies, listings and views brought up
    /// to date with the disk.
    fn update(
        &mut self,
        outcome: &mut Outcome,
        timings: &mut Timings,
    ) -> Result<(Settings, Renderer, Vec<Asset>)> {
        let settings_key = self.settings_key;
        let settings = self.settings()?;
        // Only articles changed (and not the settings): the templates are as loaded.
        let renderer = match self.renderer.take() {
            Some(r) if self.edited.is_some() && settings_key == self.settings_key => r,
            _ => timings.time("templates-load", || Renderer::load(&self.root, &settings))?,
        };
        let assets = timings.time("read", || self.read_sources(&settings, outcome))?;
        timings.time("read-pages", || self.read_pages(&settings))?;
        timings.time("markdown", || self.render_markdown(&settings))?;
        timings.time("listings", || self.update_archive(&settings));
        timings.time("views", || self.update_summaries(&settings, &renderer))?;
        Ok((settings, renderer, assets))
    }

    /// Writes the pages of a rebuild and keeps what the next one compares.
    fn finish(
        &mut self,
        made: Written,
        renderer: Renderer,
        assets: &[Asset],
        mut outcome: Outcome,
        mut timings: Timings,
        start: Instant,
    ) -> Result<Outcome> {
        let Written { mut pages, extra, kept, mut keys } = made;
        for p in extra {
            keys.insert(p.path.clone(), crate::render::ALWAYS);
            pages.push(p);
        }
        for path in kept {
            keys.insert(path, crate::render::ALWAYS);
        }
        if let Err(e) = timings.time("write", || self.write(pages, &keys, assets, &mut outcome)) {
            // What was kept may not be on disk: generate it all next time.
            (self.search, self.sitemaps) = (None, None);
            self.search_cache = Default::default();
            return Err(e);
        }
        self.keys = keys;
        self.renderer = Some(renderer);
        self.built = true;
        outcome.articles = self.articles.len();
        outcome.warnings = self.warnings();
        outcome.left_out = self.left_out();
        outcome.timings = timings;
        outcome.elapsed = start.elapsed();
        Ok(outcome)
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
            self.search_cache = Default::default();
        }
        Ok(settings)
    }

    /// The pages under `content/pages/` and those among the files that are
    /// not articles, read again.
    fn read_pages(&mut self, settings: &Settings) -> Result<()> {
        let mut paths = content::discover_pages(&self.root);
        paths.extend(self.not_articles.iter().cloned());
        paths.sort();
        self.pages = content::read_pages(&self.root, &paths, settings, self.options.drafts);
        match Error::from_many(std::mem::take(&mut self.pages.errors)) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// What the last build left out: drafts among the sources, and the
    /// held articles, expired or embargoed as `publish::select` counts them.
    fn left_out(&self) -> crate::publish::LeftOut {
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        let mut left = crate::publish::LeftOut {
            drafts: self.sources.values().filter(|s| s.draft).count() + self.pages.drafts,
            ..Default::default()
        };
        for (a, _) in self.held.values() {
            if a.expires.as_ref().is_some_and(|e| e.timestamp() <= now) {
                left.expired += 1;
            } else {
                left.embargoed += 1;
            }
        }
        left
    }

    fn warnings(&self) -> Vec<Warning> {
        let mut paths: Vec<&PathBuf> =
            self.sources.iter().filter(|(_, s)| !s.warnings.is_empty()).map(|(p, _)| p).collect();
        paths.sort();
        paths.iter().flat_map(|p| self.sources[*p].warnings.iter().cloned()).collect()
    }
}

/// The pages of a rebuild, before they are written.
struct Written {
    /// Rendered this time.
    pages: Vec<Page>,
    /// Generated this time, outside the templates (search index, redirects, sitemaps).
    extra: Vec<Page>,
    /// Unchanged since the last build: kept on disk as they are.
    kept: Vec<String>,
    /// The fingerprint of every page of the site.
    keys: PageKeys,
}

/// The HTML pages whose fingerprint changed, then the feeds whose articles
/// changed, into `pages`; counts the HTML pages in `outcome`.
fn render_site<'a>(
    input: &'a Input<'a>,
    renderer: &Renderer,
    previous: &PageKeys,
    same_pages: bool,
    pages: &Mutex<Vec<Page>>,
    outcome: &mut Outcome,
    timings: &mut Timings,
) -> Result<(crate::render::Written<'a>, PageKeys)> {
    let sink = |p: Page| {
        pages.lock().unwrap_or_else(PoisonError::into_inner).push(p);
        Ok(())
    };
    let written = timings.time("render", || renderer.render_all(input, previous, same_pages, &sink))?;
    outcome.rendered = pages.lock().unwrap_or_else(PoisonError::into_inner).len();
    let feeds = timings.time("feeds", || {
        crate::feeds::write_all(
            input.articles,
            input.rendered,
            input.archive,
            input.settings,
            previous,
            &sink,
        )
    })?;
    Ok((written, feeds))
}

/// Pages made again only when `key` changed since the last build; otherwise
/// none, and the paths of last time go to `kept`.
fn unless_unchanged(
    cache: &mut Option<(u64, Vec<String>)>,
    key: u64,
    kept: &mut Vec<String>,
    make: impl FnOnce() -> Vec<Page>,
) -> Vec<Page> {
    if let Some((k, paths)) = cache
        && *k == key
    {
        kept.extend(paths.iter().cloned());
        return Vec::new();
    }
    let pages = make();
    *cache = Some((key, pages.iter().map(|p| p.path.clone()).collect()));
    pages
}

/// A per-article cache brought up to date: `refresh` gets each article's
/// entry of last time, by position, and keeps it or makes a new one. Kept
/// entries are moved, not copied: articles stay in place between most rebuilds.
fn carry<T>(old: Vec<T>, len: usize, refresh: impl Fn(usize, Option<T>) -> T) -> Vec<T> {
    let mut old = old.into_iter();
    (0..len).map(|i| refresh(i, old.next())).collect()
}
