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

use super::{Renderer, quote_views, views};
use crate::archive::{Archive, Group, page_path, paginate};
use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::error::{Error, Result};

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
    /// The language section whose listing this is (see [`Section`]).
    section: Option<usize>,
}

/// What a page of a language section sees besides its own context: the
/// section's language as `site.language`, `lang_prefix` (`ja/`) for links
/// that stay in the section, and the section's feeds.
struct Section {
    prefix: String,
    site: Value,
    lang_prefix: Value,
    feeds: Value,
}

impl Section {
    fn all(r: &Renderer, input: &Input<'_>) -> Vec<Section> {
        let s = input.settings;
        let sections = &input.archive.sections;
        sections
            .iter()
            .map(|sec| {
                let mut config = s.config.clone();
                config.language = views::html_lang(&sec.lang);
                let feeds = super::feed_links::links(&sec.prefix, &s.config.title, s);
                Section {
                    prefix: sec.prefix.clone(),
                    site: super::site_value(
                        &r.root,
                        &crate::config::Settings { config, ..s.clone() },
                        &sec.prefix,
                    ),
                    lang_prefix: Value::from(sec.prefix.as_str()),
                    feeds: Value::from_serializable(&feeds),
                }
            })
            .collect()
    }

    /// `languages` for a site with sections: each language's front page,
    /// named in its own language, with its `lang_prefix` (empty for the
    /// default); `None` for a site of one language (the global is empty).
    fn languages(input: &Input<'_>, sections: &[Section]) -> Option<Value> {
        #[derive(serde::Serialize)]
        struct LanguageView {
            lang: String,
            name: String,
            url: String,
            prefix: String,
        }
        if sections.is_empty() {
            return None;
        }
        let s = input.settings;
        let codes = std::iter::once((crate::content::default_language(s), ""))
            .chain(input.archive.sections.iter().map(|sec| (sec.lang.as_str(), sec.prefix.as_str())));
        let views: Vec<LanguageView> = codes
            .map(|(code, prefix)| {
                let lang = views::html_lang(code);
                LanguageView {
                    name: views::native_name(&lang),
                    lang,
                    url: s.url(prefix),
                    prefix: prefix.into(),
                }
            })
            .collect();
        Some(Value::from_serializable(&views))
    }

    fn apply(&self, ctx: &mut Context) {
        ctx.insert_value("site", self.site.clone());
        ctx.insert_value("lang_prefix", self.lang_prefix.clone());
        if !ctx.contains_key("feeds") {
            ctx.insert_value("feeds", self.feeds.clone());
        }
    }
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
    let mut jobs = Vec::new();
    article_jobs(&mut jobs, r, input, same_pages.then_some(previous));
    let main = Scope { archive: input.archive, prefix: "" };
    scope_jobs(&mut jobs, r, input, main);
    let rel = "404.html";
    jobs.push(Job::new(rel, rel, Ctx::Ready(Context::new()), key(r, rel), None));
    let sections = Section::all(r, input);
    for (k, sec) in input.archive.sections.iter().enumerate() {
        let start = jobs.len();
        scope_jobs(&mut jobs, r, input, Scope { archive: &sec.listings, prefix: &sec.prefix });
        jobs[start..].iter_mut().for_each(|j| j.section = Some(k));
    }
    // Old WordPress short links land on the front page: its script sends them on.
    let shortlinks =
        super::shortlinks::wanted(input.articles).then(|| super::shortlinks::script(input.settings));
    if let Some(script) = &shortlinks
        && let Some(front) = jobs.iter_mut().find(|j| j.path == "index.html")
    {
        front.key = key(r, (front.key, script));
    }
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
    let section_of = |i: usize| {
        let p = &input.articles[i].lang_prefix;
        (!p.is_empty()).then(|| sections.iter().find(|s| &s.prefix == p)).flatten()
    };

    let errors: Vec<Error> = jobs
        .par_iter()
        .filter(|j| j.key == ALWAYS || previous.get(&j.path) != Some(&j.key))
        .map(|j| {
            // About the size of the built-in templates' pages: an article's body
            // and 8 KB around it, 16 KB for a listing.
            let bytes = match &j.context {
                Ctx::Ready(ctx) if languages.is_none() => r.render(j.template, ctx, 1 << 14)?,
                Ctx::Ready(ctx) => {
                    let mut ctx = ctx.clone();
                    languages.as_ref().inspect(|l| ctx.insert_value("languages", Value::clone(l)));
                    r.render(j.template, &ctx, 1 << 14)?
                }
                Ctx::Article(i) => {
                    let mut ctx = article_context(*i, input, r.page_quotes);
                    section_of(*i).inspect(|s| s.apply(&mut ctx));
                    languages.as_ref().inspect(|l| ctx.insert_value("languages", Value::clone(l)));
                    r.render(j.template, &ctx, input.rendered[*i].html.len() + (1 << 13))?
                }
                Ctx::Lazy(build) => {
                    let mut ctx = build();
                    j.section.inspect(|&k| sections[k].apply(&mut ctx));
                    languages.as_ref().inspect(|l| ctx.insert_value("languages", Value::clone(l)));
                    r.render(j.template, &ctx, 1 << 14)?
                }
            };
            let bytes = match &shortlinks {
                Some(script) if j.path == "index.html" => super::shortlinks::inject(bytes, script),
                _ => bytes,
            };
            sink(Page { path: j.path.clone(), bytes })
        })
        .filter_map(Result::err)
        .collect();
    if let Some(e) = Error::from_many(super::distinct(errors)) {
        return Err(e);
    }
    sink(Page { path: "style.css".into(), bytes: r.stylesheet().as_bytes().to_vec() })?;
    let mut keys = PageKeys::with_capacity_and_hasher(jobs.len() + 1, Default::default());
    keys.insert("style.css".into(), ALWAYS);
    let mut listed = Vec::with_capacity(if same_pages { 0 } else { jobs.len() });
    for j in jobs {
        if j.template != "404.html" && !same_pages {
            listed.push(Listed { rel: j.rel, lastmod: j.lastmod });
        }
        keys.insert(j.path, j.key);
    }
    Ok(Written { keys, listed })
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
            let k = key_with(r, (input.rendered[i].version, v(a.older[i]), v(a.newer[i])), related);
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
    let page = views::page(&input.articles[i], &input.rendered[i], quotes, input.settings, input.links);
    ctx.insert_value("page", page);
    let near = |o: Option<usize>| o.map_or_else(Value::none, |j| s[j].clone());
    ctx.insert_value("older", near(a.older[i]));
    ctx.insert_value("newer", near(a.newer[i]));
    let related: Vec<Value> = a.related[i].iter().map(|&j| s[j].clone()).collect();
    ctx.insert_value("related", Value::from(related));
    ctx
}

/// The listings of one language: front page, indexes, tags, authors,
/// dates, quotes and the search page.
fn scope_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &'a Input<'a>, scope: Scope<'a>) {
    let p = scope.prefix;
    listing_jobs(jobs, r, input, p, "index.html", &scope.archive.order, 0, |_| {});
    index_jobs(jobs, r, input, scope);
    for (kind, template, gs, var) in [
        ("tags", "tag.html", &scope.archive.tags, "tag"),
        ("authors", "author.html", &scope.archive.authors, "author"),
    ] {
        group_jobs(jobs, r, input, (p, kind), template, gs, var);
    }
    date_jobs(jobs, r, input, scope);
    quote_jobs(jobs, r, input, scope);
    let rel = format!("{p}search/");
    let context = match p {
        "" => Ctx::Ready(Context::new()),
        _ => Ctx::Lazy(Box::new(Context::new)),
    };
    jobs.push(Job::new(rel.clone(), "search.html", context, key(r, &rel), None));
}

/// The tags, authors and archive indexes, fingerprinted by what they list.
fn index_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &'a Input<'a>, scope: Scope<'a>) {
    let (a, p) = (scope.archive, scope.prefix);
    let lastmod = newest(input.articles, &a.order);
    fn groups(gs: &[Group]) -> Vec<(&str, &str, usize)> {
        gs.iter().map(|g| (g.name.as_str(), g.slug.as_str(), g.articles.len())).collect()
    }
    let months: Vec<(i16, Vec<(i8, usize)>)> = a
        .years
        .iter()
        .map(|y| (y.year, y.months.iter().map(|m| (m.month, m.articles.len())).collect()))
        .collect();
    let keys = [key(r, ("tags/", groups(&a.tags))), key(r, ("authors/", groups(&a.authors))), key(r, months)];
    for ((rel, template), k) in
        [("tags/", "tags.html"), ("authors/", "authors.html"), ("archive/", "archive.html")]
            .into_iter()
            .zip(keys)
    {
        let build = move || {
            let s = input.settings;
            let mut ctx = Context::new();
            match template {
                "tags.html" => ctx.insert_value("tags", views::groups(&a.tags, &format!("{p}tags"), s)),
                "authors.html" => {
                    ctx.insert_value("authors", views::groups(&a.authors, &format!("{p}authors"), s))
                }
                _ => ctx.insert_value("years", views::years(a, p, s)),
            }
            ctx
        };
        let (context, lastmod) = (Ctx::Lazy(Box::new(build)), lastmod.clone());
        jobs.push(Job::new(format!("{p}{rel}"), template, context, k, lastmod));
    }
}

fn group_jobs<'a>(
    jobs: &mut Vec<Job<'a>>,
    r: &Renderer,
    input: &'a Input<'a>,
    (lang, kind): (&'a str, &'static str),
    template: &'static str,
    groups: &'a [Group],
    var: &'static str,
) {
    let prefix: std::sync::Arc<str> = format!("{lang}{kind}").into();
    for g in groups {
        let base = format!("{prefix}/{}/", g.slug);
        let extra = key(r, (&g.name, &g.slug));
        let prefix = prefix.clone();
        // Built only when one of the group's pages is rendered: most rebuilds
        // render none of them.
        listing_jobs(jobs, r, input, &base, template, &g.articles, extra, move |c| {
            let s = input.settings;
            c.insert_value(var, views::group(g, &prefix, s));
            let title = super::feed_links::group_title(&g.name, s);
            let mut feeds = super::feed_links::links(lang, &s.config.title, s);
            feeds.extend(super::feed_links::links(&format!("{prefix}/{}/", g.slug), &title, s));
            c.insert_value("feeds", Value::from_serializable(&feeds));
        });
    }
}

fn date_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &'a Input<'a>, scope: Scope<'a>) {
    let p = scope.prefix;
    for y in &scope.archive.years {
        let months: Vec<(i8, usize)> = y.months.iter().map(|m| (m.month, m.articles.len())).collect();
        let build = move || {
            let mut ctx = Context::new();
            ctx.insert_value("year", views::year(y, p, input.settings));
            ctx
        };
        jobs.push(Job::new(
            format!("{p}{:04}/", y.year),
            "year.html",
            Ctx::Lazy(Box::new(build)),
            key(r, (y.year, months)),
            y.months.iter().filter_map(|m| newest(input.articles, &m.articles)).max(),
        ));
        for m in &y.months {
            let month = views::month(y.year, m, p, input.settings);
            let base = format!("{p}{:04}/{:02}/", y.year, m.month);
            listing_jobs(jobs, r, input, &base, "month.html", &m.articles, 0, move |c| {
                c.insert_value("month", month.clone())
            });
        }
    }
}

fn quote_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &'a Input<'a>, scope: Scope<'a>) {
    let (archive, settings, p) = (scope.archive, input.settings, scope.prefix);
    let build = move || {
        let (by_count, az) = quote_views::speakers(&archive.speakers, p, settings);
        let mut ctx = Context::new();
        ctx.insert_value("speakers", by_count);
        ctx.insert_value("speakers_az", az);
        ctx
    };
    let listed: Vec<_> = archive.speakers.iter().map(|s| (&s.name, &s.slug, s.quotes.len())).collect();
    let quoted = |s: &crate::archive::Speaker| s.quotes.iter().map(|&(a, _)| a).collect::<Vec<_>>();
    let all: Vec<usize> = archive.speakers.iter().flat_map(quoted).collect();
    let lastmod = newest(input.articles, &all);
    jobs.push(Job::new(
        format!("{p}quotes/"),
        "quotes.html",
        Ctx::Lazy(Box::new(build)),
        key(r, ("quotes/", listed)),
        lastmod,
    ));
    for s in &archive.speakers {
        let versions: Vec<(u64, usize)> =
            s.quotes.iter().map(|&(a, q)| (input.rendered[a].version, q)).collect();
        let base = format!("{p}quotes/{}/", s.slug);
        let lastmod = newest(input.articles, &quoted(s));
        let count = s.quotes.len();
        for pager in paginate(count, settings.config.per_page) {
            let k =
                key(r, (&base, &s.name, count, pager.number, pager.total, &versions[pager.range.clone()]));
            let rel = page_path(&base, pager.number);
            let base: std::sync::Arc<str> = base.as_str().into();
            let build = move || {
                let on_page = &s.quotes[pager.range.clone()];
                let items = quote_views::quote_items(
                    on_page,
                    input.articles,
                    input.rendered,
                    input.summaries,
                    settings,
                );
                let mut ctx = Context::new();
                ctx.insert_value("paginator", views::paginator(&base, &pager, count, items, settings));
                ctx.insert_value("speaker", quote_views::speaker(s, p, settings));
                ctx
            };
            jobs.push(Job::new(rel, "speaker.html", Ctx::Lazy(Box::new(build)), k, lastmod.clone()));
        }
    }
}

/// One job per page of a paginated listing of `items` rooted at `base`;
/// `extra` fingerprints what `add` puts into the context.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site per listing kind; a struct would only rename them"
)]
fn listing_jobs<'a>(
    jobs: &mut Vec<Job<'a>>,
    r: &Renderer,
    input: &'a Input<'a>,
    base: &str,
    template: &'static str,
    items: &'a [usize],
    extra: u64,
    add: impl Fn(&mut Context) + Clone + Send + Sync + 'a,
) {
    let settings = input.settings;
    let lastmod = newest(input.articles, items);
    let shared_base: std::sync::Arc<str> = base.into();
    for pager in paginate(items.len(), settings.config.per_page) {
        let on_page = &items[pager.range.clone()];
        let versions = on_page.iter().map(|&i| input.rendered[i].summary_version);
        let k = key_with(r, (base, template, extra, pager.number, pager.total, items.len()), versions);
        let (owned_base, add, total) = (shared_base.clone(), add.clone(), items.len());
        let (rel, lastmod) = (page_path(base, pager.number), lastmod.clone());
        let build = move || {
            let slice: Vec<Value> = on_page.iter().map(|&i| input.summaries[i].clone()).collect();
            let mut ctx = Context::new();
            ctx.insert_value("paginator", views::paginator(&owned_base, &pager, total, slice, settings));
            add(&mut ctx);
            ctx
        };
        jobs.push(Job::new(rel, template, Ctx::Lazy(Box::new(build)), k, lastmod));
    }
}
