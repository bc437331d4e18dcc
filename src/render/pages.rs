//! The list of pages a site has, and rendering each into bytes.
//!
//! Every listing and article page carries a fingerprint of what it shows
//! (the versions of its articles, its place in the pagination, the template
//! set): a rebuild skips pages whose fingerprint did not change, which is
//! what makes watch-mode rebuilds of a large archive take milliseconds.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;
use tera::{Context, Value};

use super::sections::Section;
use super::{Renderer, listing_views, quote_views, views};
use crate::archive::{Archive, Group, page_path, paginate};
use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::error::{Error, Result};

mod listings;

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the output root, e.g. `2024/02/01/x/index.html`.
    pub path: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Where rendered pages go: a vector in memory, or a folder on disk.
pub type Sink<'a> = dyn Fn(Page) -> Result<()> + Sync + 'a;

/// Fingerprints of pages by output path. `ALWAYS` marks pages that are
/// rendered every time (indexes, year pages: few and cheap).
pub type PageKeys = rustc_hash::FxHashMap<String, u64>;

/// The fingerprint of pages that are never skipped.
pub const ALWAYS: u64 = 0;

/// Everything the templates stage reads.
pub struct Input<'a> {
    /// Articles, in the order the archive indexes.
    pub articles: &'a [Article],
    /// Their rendered bodies (with `version`s).
    pub rendered: &'a [Rendered],
    /// The listings.
    pub archive: &'a Archive,
    /// Settings.
    pub settings: &'a Settings,
    /// Listing view of each article (see [`views::summary`]).
    pub summaries: &'a [Value],
    /// The tag and author pages the articles link to.
    pub links: &'a views::Links<'a>,
}

/// A page's context, built only if the page is rendered: most pages of a
/// rebuild are skipped, and building every listing's views would cost more
/// than rendering the few that changed.
enum Ctx<'a> {
    Ready(Context),
    Article(usize),
    Lazy(Box<dyn Fn() -> Context + Send + Sync + 'a>),
}

/// A page to render: its site-relative URL path, template, context and fingerprint.
struct Job<'a> {
    rel: Cow<'a, str>,
    /// The output file, `rel` with `index.html` where it ends in `/`.
    path: String,
    template: &'static str,
    context: Ctx<'a>,
    key: u64,
    /// When what the page shows last changed, for the sitemap.
    lastmod: Option<Zoned>,
    /// The language section whose listing this is (see [`super::sections::Section`]).
    section: Option<usize>,
}

/// One language's listings: the main archive's (empty prefix) or a section's.
#[derive(Clone, Copy)]
struct Scope<'a> {
    archive: &'a Archive,
    prefix: &'a str,
}

/// An HTML page as the sitemap lists it.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    /// Site-relative URL path, e.g. `tags/x/page/2/` (an article's borrowed).
    pub rel: Cow<'a, str>,
    /// When what it shows last changed: an article's `updated` or `date`,
    /// a listing's newest of those.
    pub lastmod: Option<Zoned>,
}

/// What rendering produced besides the pages themselves.
#[derive(Debug, Default)]
pub struct Written<'a> {
    /// The fingerprint of every page of the site, rendered this time or not
    /// (with `same_pages`, only of those not left out as unchanged).
    pub keys: PageKeys,
    /// Every HTML page that belongs in the sitemap, in the order pages are
    /// listed (the same for the same site; the sitemap sorts them). Empty
    /// when rendering was told the site has the same pages as before.
    pub listed: Vec<Listed<'a>>,
}

impl<'a> Job<'a> {
    fn new(
        rel: impl Into<Cow<'a, str>>,
        template: &'static str,
        context: Ctx<'a>,
        key: u64,
        lastmod: Option<Zoned>,
    ) -> Self {
        let rel = rel.into();
        Job { path: file_path(&rel), rel, template, context, key, lastmod, section: None }
    }
}

/// The newest `modified()` among `items`.
fn newest(articles: &[Article], items: &[usize]) -> Option<Zoned> {
    // Compared as instants (cheaper than zoned times, and the same order).
    let i = items.iter().copied().max_by_key(|&i| articles[i].modified().timestamp())?;
    Some(articles[i].modified().clone())
}

pub(super) fn render_all<'a>(
    r: &Renderer,
    input: &'a Input<'a>,
    previous: &PageKeys,
    same_pages: bool,
    sink: &Sink<'_>,
) -> Result<Written<'a>> {
    let mut jobs = all_jobs(r, input, same_pages.then_some(previous));
    // Old WordPress short links land on the front page: its script sends them on.
    let shortlinks =
        super::shortlinks::wanted(input.articles).then(|| super::shortlinks::script(input.settings));
    if let Some(script) = &shortlinks
        && let Some(front) = jobs.iter_mut().find(|j| j.path == "index.html")
    {
        front.key = key(r, (front.key, script));
    }
    let sections = Section::all(r, input);
    let languages = Section::languages(input, &sections);
    // Every page shows the list of languages: a page made before a language
    // came or went is made again.
    if languages.is_some() {
        let all: Vec<(&str, &str)> =
            input.archive.sections.iter().map(|s| (s.prefix.as_str(), s.lang.as_str())).collect();
        for j in jobs.iter_mut().filter(|j| j.key != ALWAYS) {
            j.key = key(r, (j.key, &all));
        }
    }
    let pass = Pass { r, input, sections, languages, shortlinks };
    let errors: Vec<Error> = jobs
        .par_iter()
        .filter(|j| j.key == ALWAYS || previous.get(&j.path) != Some(&j.key))
        .map(|j| sink(Page { path: j.path.clone(), bytes: pass.bytes(j)? }))
        .filter_map(Result::err)
        .collect();
    if let Some(e) = Error::from_many(super::distinct(errors)) {
        return Err(e);
    }
    sink(Page { path: "style.css".into(), bytes: r.stylesheet().as_bytes().to_vec() })?;
    Ok(written(jobs, same_pages))
}

/// Every page of the site: articles, then the main listings, the 404 page,
/// and each language section's listings.
fn all_jobs<'a>(r: &Renderer, input: &'a Input<'a>, unchanged: Option<&PageKeys>) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    article_jobs(&mut jobs, r, input, unchanged);
    let main = Scope { archive: input.archive, prefix: "" };
    listings::scope_jobs(&mut jobs, r, input, main);
    let rel = "404.html";
    jobs.push(Job::new(rel, rel, Ctx::Ready(Context::new()), key(r, rel), None));
    for (k, sec) in input.archive.sections.iter().enumerate() {
        let start = jobs.len();
        listings::scope_jobs(&mut jobs, r, input, Scope { archive: &sec.listings, prefix: &sec.prefix });
        jobs[start..].iter_mut().for_each(|j| j.section = Some(k));
    }
    jobs
}

/// What every page of one rendering pass shares.
struct Pass<'r, 'a> {
    r: &'r Renderer,
    input: &'a Input<'a>,
    sections: Vec<Section>,
    /// `languages` for a site with sections.
    languages: Option<Value>,
    /// The front page's script for old WordPress short links.
    shortlinks: Option<String>,
}

impl Pass<'_, '_> {
    fn bytes(&self, j: &Job) -> Result<Vec<u8>> {
        let (r, input) = (self.r, self.input);
        let with_languages = |ctx: &mut Context| {
            self.languages.as_ref().inspect(|l| ctx.insert_value("languages", Value::clone(l)));
        };
        // About the size of the built-in templates' pages: an article's body
        // and 8 KB around it, 16 KB for a listing.
        let bytes = match &j.context {
            Ctx::Ready(ctx) if self.languages.is_none() => r.render(j.template, ctx, 1 << 14)?,
            Ctx::Ready(ctx) => {
                let mut ctx = ctx.clone();
                with_languages(&mut ctx);
                r.render(j.template, &ctx, 1 << 14)?
            }
            Ctx::Article(i) => {
                let mut ctx = article_context(*i, input, r.page_quotes);
                let p = &input.articles[*i].lang_prefix;
                let section =
                    (!p.is_empty()).then(|| self.sections.iter().find(|s| &s.prefix == p)).flatten();
                section.inspect(|s| s.apply(&mut ctx));
                with_languages(&mut ctx);
                r.render(j.template, &ctx, input.rendered[*i].html.len() + (1 << 13))?
            }
            Ctx::Lazy(build) => {
                let mut ctx = build();
                j.section.inspect(|&k| self.sections[k].apply(&mut ctx));
                with_languages(&mut ctx);
                r.render(j.template, &ctx, 1 << 14)?
            }
        };
        Ok(match &self.shortlinks {
            Some(script) if j.path == "index.html" => super::shortlinks::inject(bytes, script),
            _ => bytes,
        })
    }
}

/// The fingerprints of every page and, unless the site has the same pages as
/// before, the pages the sitemap lists.
fn written(jobs: Vec<Job<'_>>, same_pages: bool) -> Written<'_> {
    let mut keys = PageKeys::with_capacity_and_hasher(jobs.len() + 1, Default::default());
    keys.insert("style.css".into(), ALWAYS);
    let mut listed = Vec::with_capacity(if same_pages { 0 } else { jobs.len() });
    for j in jobs {
        if j.template != "404.html" && !same_pages {
            listed.push(Listed { rel: j.rel, lastmod: j.lastmod });
        }
        keys.insert(j.path, j.key);
    }
    Written { keys, listed }
}

/// `2024/x/` -> `2024/x/index.html`; `404.html` stays.
fn file_path(rel: &str) -> String {
    let mut path = String::with_capacity(rel.len() + 10);
    file_path_into(rel, &mut path);
    path
}

/// [`file_path`] into a buffer, for lookups that need no string of their own.
fn file_path_into(rel: &str, path: &mut String) {
    path.clear();
    path.push_str(rel);
    if rel.is_empty() || rel.ends_with('/') {
        path.push_str("index.html");
    }
}

/// A fingerprint of `parts` under the template set's own; never `ALWAYS`.
fn key(r: &Renderer, parts: impl Hash) -> u64 {
    key_with(r, parts, [])
}

/// [`key`] of `parts` followed by `versions`, hashed as they come (no list
/// is collected: this runs for every page at every rebuild).
fn key_with(r: &Renderer, parts: impl Hash, versions: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = DefaultHasher::new();
    r.fingerprint.hash(&mut h);
    parts.hash(&mut h);
    versions.into_iter().for_each(|v| v.hash(&mut h));
    h.finish().max(1)
}

/// With `unchanged` (the keys of a previous build with the same pages),
/// articles whose page key is the same are left out: their entries stand.
fn article_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &Input<'a>, unchanged: Option<&PageKeys>) {
    let v = |i: Option<usize>| i.map(|i| input.rendered[i].summary_version);
    let a = input.archive;
    // Ten thousand keys at every rebuild: made in parallel, and a path is
    // only allocated for a page that is rendered.
    let made: Vec<Job<'a>> = input
        .articles
        .par_iter()
        .enumerate()
        .map_init(String::new, |path, (i, article)| {
            let related = a.related[i].iter().map(|&j| input.rendered[j].summary_version);
            // The speakers' pages move when another article names a person in full.
            let slugs = a.quote_slugs(i, input.rendered[i].quotes.len());
            let k = key_with(r, (input.rendered[i].version, v(a.older[i]), v(a.newer[i]), slugs), related);
            if let Some(before) = unchanged {
                file_path_into(&article.rel_url, path);
                if before.get(path.as_str()) == Some(&k) {
                    return None;
                }
            }
            let lastmod = Some(article.modified().clone());
            Some(Job::new(article.rel_url.as_str(), "article.html", Ctx::Article(i), k, lastmod))
        })
        .flatten()
        .collect();
    jobs.extend(made);
}

fn article_context(i: usize, input: &Input<'_>, quotes: bool) -> Context {
    let (a, s) = (input.archive, input.summaries);
    let mut ctx = Context::new();
    let slugs = a.quote_slugs(i, input.rendered[i].quotes.len());
    let quotes = quotes.then_some(slugs.as_slice());
    let page = views::page(&input.articles[i], &input.rendered[i], quotes, input.settings, input.links);
    ctx.insert_value("page", page);
    let near = |o: Option<usize>| o.map_or_else(Value::none, |j| s[j].clone());
    ctx.insert_value("older", near(a.older[i]));
    ctx.insert_value("newer", near(a.newer[i]));
    let related: Vec<Value> = a.related[i].iter().map(|&j| s[j].clone()).collect();
    ctx.insert_value("related", Value::from(related));
    ctx
}
