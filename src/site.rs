//! The orchestrator: load a site, build it into memory, write it out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::archive::Archive;
use crate::body::{Linker, Rendered};
use crate::config::Settings;
use crate::content::{self, Article, Asset};
use crate::error::{Error, Result, Warning};
use crate::output::Staging;
use crate::render::{Input, Page, PageKeys, Renderer, Sink, Written, views};
pub use crate::timings::{Progress, Timings};

/// Choices a build takes besides `site.yaml`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Include articles marked `draft: true`.
    pub drafts: bool,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include articles dated after `now` (embargoed).
    pub future: bool,
    /// The moment embargoes and `expires` are judged against; `None` means
    /// the clock when the site is loaded. The only time-dependent input.
    pub now: Option<jiff::Timestamp>,
    /// Build what can be built, leaving broken articles out (each in
    /// [`Report::skipped`]) instead of stopping at them.
    pub keep_going: bool,
}

/// A site read from disk: settings, articles and files to copy.
pub struct Site {
    /// The site root.
    pub root: PathBuf,
    /// Validated settings.
    pub settings: Settings,
    /// The articles to publish, in path order.
    pub articles: Vec<Article>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Undated pages (About, Corrections...), in path order.
    pub pages: Vec<content::SitePage>,
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
    /// Article files read, including drafts left out.
    pub files_read: usize,
    /// Files under `content/` not read as articles (copied, or set aside).
    pub files_not_read: usize,
    /// Drafts, embargoed and expired articles left out.
    pub left_out: crate::publish::LeftOut,
    /// With `keep_going`: why each broken article was left out.
    pub skipped: Vec<Error>,
    keep_going: bool,
    renderer: Renderer,
}

/// A site built into memory.
pub struct Built {
    /// Every rendered file.
    pub pages: Vec<Page>,
    /// Every copied file.
    pub assets: Vec<Asset>,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone)]
pub struct Report {
    /// Articles published.
    pub articles: usize,
    /// Article files read, including broken ones and drafts.
    pub read: usize,
    /// Files under `content/` not read as articles (copied, or set aside).
    pub not_read: usize,
    /// Pages (About, Corrections...) published.
    pub pages: usize,
    /// With `keep_going`: what is wrong with each article left out (shared,
    /// so a report stays cheap to clone though errors cannot be cloned).
    pub skipped: std::sync::Arc<Vec<Error>>,
    /// Drafts, embargoed and expired articles left out.
    pub left_out: crate::publish::LeftOut,
    /// Files written (pages and copies).
    pub files: usize,
    /// Warnings found on the way.
    pub warnings: Vec<Warning>,
    /// Wall time.
    pub elapsed: Duration,
    /// Time per stage.
    pub timings: Timings,
}

impl Site {
    /// Reads settings, templates and every article under `root`. Fails with
    /// every broken article, not only the first.
    pub fn load(root: &Path, options: &BuildOptions) -> Result<Site> {
        let mut settings = Settings::load(root)?;
        if let Some(url) = &options.base_url {
            settings.set_base_url(url);
        }
        let renderer = Renderer::load(root, &settings)?;
        let mut loaded = content::load(root, &settings, options.drafts);
        if !settings.has_host() && root.join(crate::config::SETTINGS_FILE).is_file() {
            loaded.warnings.push(no_host_warning(&settings));
        }
        loaded.warnings.extend(settings.config.brand.contrast_warnings());
        if let Some(tool) = crate::render::foreign_templates(root) {
            let message = format!(
                "holds {tool}'s templates, not used: dateline builds with its own; write a site.yaml to use templates/ for dateline overrides"
            );
            loaded.warnings.push(Warning { at: crate::error::Location::new("templates", 0, 0), message });
        }
        let now = options.now.unwrap_or_else(jiff::Timestamp::now);
        let (mut articles, mut left_out) = crate::publish::select(loaded.articles, options.future, now);
        left_out.drafts = loaded.drafts;
        let mut clashes = content::duplicate_urls(&articles);
        clashes.extend(crate::publish::alias_collisions(&articles));
        // The later of two articles with one URL is the broken one.
        articles.retain(|a| !clashes.iter().any(|d| d.path() == Some(&a.path)));
        content::link_translations(&mut articles);
        let mut errors = loaded.errors;
        errors.extend(clashes);
        let errors = stop_unless(options.keep_going, errors, loaded.read)?;
        Ok(Site {
            root: root.to_path_buf(),
            settings,
            articles,
            assets: loaded.assets,
            pages: loaded.pages,
            warnings: loaded.warnings,
            files_read: loaded.read,
            files_not_read: loaded.not_read,
            left_out,
            skipped: errors,
            keep_going: options.keep_going,
            renderer,
        })
    }

    /// Renders the Markdown of every article, with its quotes and pull-outs.
    /// Fails with every article whose chosen pull-outs are not in its body.
    pub fn render_markdown(&self) -> Result<Vec<Rendered>> {
        let (rendered, errors) = self.render_markdown_each();
        match Error::from_many(errors) {
            Some(e) => Err(e),
            None => Ok(rendered.into_iter().flatten().collect()),
        }
    }

    /// Renders each article's Markdown: `None` for the ones that failed,
    /// whose errors come second.
    fn render_markdown_each(&self) -> (Vec<Option<Rendered>>, Vec<Error>) {
        let linker = Linker::new(&self.articles, &self.settings);
        let results: Vec<Result<Rendered>> =
            self.articles.par_iter().map(|a| linker.render(a, &self.settings)).collect();
        split_results(results)
    }

    /// [`Site::render_markdown_each`] for a build that reads no source again:
    /// each article's Markdown is dropped as soon as its HTML is made, so the
    /// two are never all held at once (at 100,000 articles the sources are
    /// 600 MB).
    fn render_markdown_dropping_sources(&mut self) -> (Vec<Option<Rendered>>, Vec<Error>) {
        let linker = Linker::new(&self.articles, &self.settings);
        let settings = &self.settings;
        let results: Vec<Result<Rendered>> = self
            .articles
            .par_iter_mut()
            .map(|a| {
                let r = linker.render(a, settings);
                a.body = String::new();
                r
            })
            .collect();
        split_results(results)
    }

    /// Builds every page into memory.
    pub fn build(&self) -> Result<Built> {
        let pages = Mutex::new(Vec::new());
        let sink = |p| {
            pages.lock().unwrap_or_else(PoisonError::into_inner).push(p);
            Ok(())
        };
        self.render(&sink, &mut Timings::default())?;
        let mut pages = pages.into_inner().unwrap_or_else(PoisonError::into_inner);
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Built { pages, assets: self.assets.clone() })
    }

    /// Renders every page into `sink`, timing each stage; returns the page count.
    pub fn render(&self, sink: &Sink<'_>, timings: &mut Timings) -> Result<usize> {
        self.render_counted(sink, timings).map(|(pages, ..)| pages)
    }

    /// [`Site::render`], also returning the articles built and, with
    /// `keep_going`, the errors of those whose Markdown stage failed.
    pub fn render_counted(
        &self,
        sink: &Sink<'_>,
        timings: &mut Timings,
    ) -> Result<(usize, usize, Vec<Error>)> {
        let (rendered, errors) = timings.time("markdown", || self.render_markdown_each());
        self.render_rendered(rendered, errors, sink, timings)
    }

    /// The pages, feeds and search index of `input`. Feeds need nothing from
    /// the HTML pages and are made beside them, filling the cores the pages'
    /// last templates leave idle. The search index follows on its own, so
    /// that `--timings` shows its own cost: beside the templates it had taken
    /// as long in wall time as both stages' contention made it (230-250 ms of
    /// a 10,000-article build, against 130-140 ms alone), and the build was
    /// no faster for the overlap (hyperfine, 10 runs: 1.264 s beside, 1.222 s after).
    fn pages_feeds_search<'a>(
        &self,
        input: &'a Input<'a>,
        sink: &Sink<'_>,
        timings: &mut Timings,
    ) -> Result<(crate::render::Written<'a>, PageKeys, Vec<Page>)> {
        let (settings, none) = (&self.settings, PageKeys::default());
        let (articles, rendered, archive) = (input.articles, input.rendered, input.archive);
        if let Some(p) = &timings.1 {
            p.stage("templates");
        }
        let ((written, templates), (feeds, feeds_time)) = rayon::join(
            || Timings::measure(|| self.renderer.render_all(input, &none, false, sink)),
            || {
                Timings::measure(|| {
                    crate::feeds::write_all(articles, rendered, archive, settings, &none, sink)
                })
            },
        );
        let (search, search_time) = Timings::measure(|| search_pages(articles, rendered, archive, settings));
        timings.0.extend([("templates", templates), ("feeds", feeds_time), ("search", search_time)]);
        Ok((written?, feeds?, search?))
    }

    /// [`Site::render_counted`] after the Markdown stage.
    fn render_rendered(
        &self,
        rendered: Vec<Option<Rendered>>,
        errors: Vec<Error>,
        sink: &Sink<'_>,
        timings: &mut Timings,
    ) -> Result<(usize, usize, Vec<Error>)> {
        let errors = stop_unless(self.keep_going, errors, self.files_read)?;
        let kept: Vec<Article>;
        let (articles, rendered): (&[Article], Vec<Rendered>) = if errors.is_empty() {
            (&self.articles, rendered.into_iter().flatten().collect())
        } else {
            // Rare (keep-going with broken pull-outs): copy the survivors.
            let (a, r): (Vec<_>, Vec<_>) =
                self.articles.iter().zip(rendered).filter_map(|(a, r)| Some((a.clone(), r?))).unzip();
            kept = a;
            (&kept, r)
        };
        let archive =
            timings.time("listings", || Archive::build(articles, &rendered, self.settings.config.related));
        let (summaries, links) = timings.time("views", || {
            let links = views::Links::new(articles, &self.settings);
            views::summaries(articles, &rendered, &self.settings, &self.renderer, &links).map(|s| (s, links))
        })?;
        let input = Input {
            articles,
            rendered: &rendered,
            archive: &archive,
            settings: &self.settings,
            summaries: &summaries,
            links: &links,
        };
        let settings = &self.settings;
        let (mut written, feeds, mut extra) = self.pages_feeds_search(&input, sink, timings)?;
        let pages = crate::undated::render(
            &self.pages,
            (articles, &archive),
            settings,
            &self.renderer,
            &written.keys,
        )?;
        written.keys.extend(pages.iter().map(|p| (p.path.clone(), crate::render::ALWAYS)));
        extra.extend(pages);
        extra.extend(crate::render::shortlinks::map_page(articles, &self.pages, settings));
        // Aliases are checked against every page of the site, so that an
        // alias over a generated page is reported, never written over it.
        extra.extend(crate::publish::alias_pages(articles, settings, &written.keys)?);
        extra.extend(sitemap_pages(articles, &archive, settings, &written, &self.assets, timings));
        let count = extra.len();
        for page in extra {
            sink(page)?;
        }
        Ok((written.keys.len() + feeds.len() + count, articles.len(), errors))
    }
}

/// Feeds, sitemaps and canonical links want full URLs; a site configured
/// without a host gets them as paths (and `tag:` ids in feeds), which is
/// right for a preview and wrong for publishing.
fn no_host_warning(settings: &Settings) -> Warning {
    Warning {
        at: crate::error::Location::new(crate::config::SETTINGS_FILE, 0, 0),
        message: format!(
            "base_url `{}` has no host, so feeds, sitemaps and canonical links hold paths, \
             not full URLs; set base_url (or --base-url) to the address the site is published \
             at, such as https://example.org/",
            settings.config.base_url
        ),
    }
}

/// The search index of each language: the default language's under
/// `search/`, each section's under its prefix (`ja/search/`), stemmed for
/// its language, so that a reader of `/ja/search/` finds Japanese articles.
pub(crate) fn search_pages(
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    settings: &Settings,
) -> Result<Vec<Page>> {
    let mut pages = crate::search::pages(articles, rendered, &archive.order, settings)?;
    for s in &archive.sections {
        let mut config = settings.config.clone();
        config.language.clone_from(&s.lang);
        let language = Settings { config, ..settings.clone() };
        for mut page in crate::search::pages(articles, rendered, &s.listings.order, &language)? {
            page.path.insert_str(0, &s.prefix);
            pages.push(page);
        }
    }
    Ok(pages)
}

/// [`search_pages`] for a watch session: each language's index is kept in
/// `caches` (by its prefix) and only what changed is made again.
pub(crate) fn search_pages_cached(
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    settings: &Settings,
    caches: &mut HashMap<String, crate::search::Cache>,
) -> Result<crate::search::Output> {
    let own = caches.entry(String::new()).or_default();
    let mut out = crate::search::pages_cached(articles, rendered, &archive.order, settings, own)?;
    for s in &archive.sections {
        let mut config = settings.config.clone();
        config.language.clone_from(&s.lang);
        let language = Settings { config, ..settings.clone() };
        let cache = caches.entry(s.prefix.clone()).or_default();
        let more = crate::search::pages_cached(articles, rendered, &s.listings.order, &language, cache)?;
        for mut page in more.pages {
            page.path.insert_str(0, &s.prefix);
            out.pages.push(page);
        }
        out.kept.extend(more.kept.into_iter().map(|p| format!("{}{p}", s.prefix)));
    }
    caches.retain(|k, _| k.is_empty() || archive.sections.iter().any(|s| &s.prefix == k));
    Ok(out)
}

/// The sitemaps, `robots.txt` and `favicon.ico` (unless the site has its own).
pub(crate) fn sitemap_pages(
    articles: &[Article],
    archive: &Archive,
    settings: &Settings,
    written: &Written,
    assets: &[Asset],
    timings: &mut Timings,
) -> Vec<Page> {
    let own_robots = assets.iter().any(|a| a.rel == "robots.txt");
    let mut pages = timings
        .time("sitemaps", || crate::sitemap::pages(&written.listed, articles, archive, settings, own_robots));
    pages.extend(crate::favicon::page(assets, settings));
    pages
}

/// Rendered articles in order (`None` for each that failed), and the errors.
fn split_results(results: Vec<Result<Rendered>>) -> (Vec<Option<Rendered>>, Vec<Error>) {
    let mut rendered = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(r) => rendered.push(Some(r)),
            Err(e) => {
                rendered.push(None);
                errors.push(e);
            }
        }
    }
    (rendered, errors)
}

/// Fails with every article error unless the build keeps going without
/// them, in which case they come back to be reported as skipped.
fn stop_unless(keep_going: bool, errors: Vec<Error>, read: usize) -> Result<Vec<Error>> {
    if keep_going || errors.is_empty() {
        return Ok(errors);
    }
    Err(Error::Articles { skipped: crate::error::files_of(&errors), errors, read })
}

/// Loads the site at `root`, builds it and writes it to `out` atomically:
/// pages stream into a fresh folder beside `out` as they are rendered, and
/// the folder replaces `out` only when everything succeeded.
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<Report> {
    build_inner(root, out, options, None)
}

/// [`build`], telling `progress` how it goes.
pub fn build_with_progress(
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    progress: Arc<dyn Progress>,
) -> Result<Report> {
    build_inner(root, out, options, Some(progress))
}

fn build_inner(
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    progress: Option<Arc<dyn Progress>>,
) -> Result<Report> {
    let start = Instant::now();
    let mut timings = Timings(Vec::new(), progress.clone());
    let site = timings.time("load", || Site::load(root, options))?;
    let staging = Staging::new(out)?;
    if let Some(p) = &progress {
        p.expect(site.articles.len() + site.assets.len());
    }
    timings.time("copy", || staging.copy_assets(&site.assets))?;
    let tell = |files| {
        if let Some(p) = &progress {
            p.written(files);
        }
    };
    tell(site.assets.len());
    let write = |p: Page| {
        staging.write(&p)?;
        tell(1);
        Ok(())
    };
    let mut site = site;
    let (rendered, errors) = timings.time("markdown", || site.render_markdown_dropping_sources());
    let (pages, built, late) = site.render_rendered(rendered, errors, &write, &mut timings)?;
    staging.write(&crate::output::stamp_page(&site.settings.base_url))?;
    timings.time("swap", || staging.commit())?;
    let mut skipped = site.skipped;
    skipped.extend(late);
    Ok(Report {
        articles: built,
        read: site.files_read,
        not_read: site.files_not_read,
        pages: site.pages.len(),
        left_out: site.left_out,
        skipped: std::sync::Arc::new(skipped),
        files: pages + site.assets.len(),
        warnings: site.warnings,
        elapsed: start.elapsed(),
        timings,
    })
}
