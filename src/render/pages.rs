//! The list of pages a site has, and rendering each into bytes.

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;
use tera::{Context, Value};

use super::{Renderer, quote_views, views};
use crate::archive::{Archive, Group, page_path, paginate};
use crate::config::Settings;
use crate::content::Article;
use crate::error::{Error, Result};
use crate::markdown::Rendered;

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the output root, e.g. `2024/02/01/x/index.html`.
    pub path: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// A page to render: its site-relative URL path, template and context, and
/// when what it shows last changed (for the sitemap).
struct Job {
    rel: String,
    template: &'static str,
    context: Context,
    lastmod: Option<Zoned>,
}

/// An HTML page as the sitemap lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Site-relative URL path, e.g. `tags/x/page/2/`.
    pub rel: String,
    /// When what it shows last changed: an article's `updated` or `date`,
    /// a listing's newest of those.
    pub lastmod: Option<Zoned>,
}

/// What rendering produced besides the pages themselves.
#[derive(Debug, Default)]
pub struct Written {
    /// Files handed to the sink.
    pub files: usize,
    /// Every HTML page that belongs in the sitemap, in URL order.
    pub listed: Vec<Listed>,
}

/// The newest `modified()` among `items`.
fn newest(articles: &[Article], items: &[usize]) -> Option<Zoned> {
    items.iter().map(|&i| articles[i].modified()).max().cloned()
}

pub(super) fn render_all(
    r: &Renderer,
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    settings: &Settings,
    sink: &Sink<'_>,
) -> Result<Written> {
    let views = views::summaries(articles, rendered, settings);
    let mut jobs: Vec<Job> = Vec::new();
    let newest_all = newest(articles, &archive.order);
    listing_jobs(
        &mut jobs,
        "",
        "index.html",
        &archive.order,
        &views,
        settings,
        |j| j.lastmod.clone_from(&newest_all),
    );
    index_jobs(&mut jobs, archive, settings, &newest_all);
    for (kind, gs) in [
        (("tags", "tag.html", "tag"), &archive.tags),
        (("authors", "author.html", "author"), &archive.authors),
    ] {
        group_jobs(&mut jobs, kind, gs, &views, articles, settings);
    }
    for y in &archive.years {
        let mut ctx = Context::new();
        ctx.insert_value("year", views::year(y, settings));
        jobs.push(Job {
            rel: format!("{:04}/", y.year),
            template: "year.html",
            context: ctx,
            lastmod: y
                .months
                .iter()
                .filter_map(|m| newest(articles, &m.articles))
                .max(),
        });
        for m in &y.months {
            let month = views::month(y.year, m, settings);
            let base = format!("{:04}/{:02}/", y.year, m.month);
            let lastmod = newest(articles, &m.articles);
            listing_jobs(
                &mut jobs,
                &base,
                "month.html",
                &m.articles,
                &views,
                settings,
                |j| {
                    j.context.insert_value("month", month.clone());
                    j.lastmod.clone_from(&lastmod);
                },
            );
        }
    }
    quote_jobs(&mut jobs, articles, rendered, archive, &views, settings);
    jobs.push(Job {
        rel: "404.html".into(),
        template: "404.html",
        context: Context::new(),
        lastmod: None,
    });

    let listing_pages = jobs.par_iter().map(|j| {
        let html = r.render(j.template, &j.context)?;
        sink(Page {
            path: file_path(&j.rel),
            bytes: html.into_bytes(),
        })
    });
    let article_pages = (0..articles.len()).into_par_iter().map(|i| {
        let mut ctx = Context::new();
        ctx.insert_value("page", views::page(&articles[i], &rendered[i], settings));
        let near = |o: Option<usize>| o.map_or_else(Value::none, |j| views.summaries[j].clone());
        ctx.insert_value("older", near(archive.older[i]));
        ctx.insert_value("newer", near(archive.newer[i]));
        let related: Vec<Value> = archive.related[i]
            .iter()
            .map(|&j| views.summaries[j].clone())
            .collect();
        ctx.insert_value("related", Value::from(related));
        let html = r.render("article.html", &ctx)?;
        sink(Page {
            path: file_path(&articles[i].rel_url),
            bytes: html.into_bytes(),
        })
    });
    let errors: Vec<Error> = article_pages
        .chain(listing_pages)
        .filter_map(Result::err)
        .collect();
    if let Some(e) = Error::from_many(super::distinct(errors)) {
        return Err(e);
    }
    sink(Page {
        path: "style.css".into(),
        bytes: r.stylesheet().as_bytes().to_vec(),
    })?;
    let files = articles.len() + jobs.len() + 1;
    let mut listed: Vec<Listed> = jobs
        .into_iter()
        .filter(|j| j.template != "404.html")
        .map(|j| Listed {
            rel: j.rel,
            lastmod: j.lastmod,
        })
        .chain(articles.iter().map(|a| Listed {
            rel: a.rel_url.clone(),
            lastmod: Some(a.modified().clone()),
        }))
        .collect();
    listed.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(Written { files, listed })
}

/// Where rendered pages go: a vector in memory, or a folder on disk.
pub type Sink<'a> = dyn Fn(Page) -> Result<()> + Sync + 'a;

/// `2024/x/` -> `2024/x/index.html`; `404.html` stays.
fn file_path(rel: &str) -> String {
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

fn index_jobs(
    jobs: &mut Vec<Job>,
    archive: &Archive,
    settings: &Settings,
    lastmod: &Option<Zoned>,
) {
    for (rel, template, var, value) in [
        (
            "tags/",
            "tags.html",
            "tags",
            views::groups(&archive.tags, "tags", settings),
        ),
        (
            "authors/",
            "authors.html",
            "authors",
            views::groups(&archive.authors, "authors", settings),
        ),
        (
            "archive/",
            "archive.html",
            "years",
            views::years(archive, settings),
        ),
    ] {
        let mut ctx = Context::new();
        ctx.insert_value(var, value);
        jobs.push(Job {
            rel: rel.into(),
            template,
            context: ctx,
            lastmod: lastmod.clone(),
        });
    }
}

/// `kind` is the URL prefix, template and variable name of the group pages.
fn group_jobs(
    jobs: &mut Vec<Job>,
    (prefix, template, var): (&str, &'static str, &'static str),
    groups: &[Group],
    views: &views::ArticleViews,
    articles: &[Article],
    settings: &Settings,
) {
    for g in groups {
        let value = views::group(g, prefix, settings);
        let base = format!("{prefix}/{}/", g.slug);
        let title = crate::feeds::group_title(&g.name, settings);
        let mut feeds = crate::feeds::links("", &settings.config.title, settings);
        feeds.extend(crate::feeds::links(&base, &title, settings));
        let feeds = Value::from_serializable(&feeds);
        let lastmod = newest(articles, &g.articles);
        listing_jobs(jobs, &base, template, &g.articles, views, settings, |j| {
            j.context.insert_value(var, value.clone());
            j.context.insert_value("feeds", feeds.clone());
            j.lastmod.clone_from(&lastmod);
        });
    }
}

fn quote_jobs(
    jobs: &mut Vec<Job>,
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    views: &views::ArticleViews,
    settings: &Settings,
) {
    let (by_count, az) = quote_views::speakers(&archive.speakers, settings);
    let mut ctx = Context::new();
    ctx.insert_value("speakers", by_count);
    ctx.insert_value("speakers_az", az);
    let quoted = |s: &crate::archive::Speaker| s.quotes.iter().map(|&(a, _)| a).collect::<Vec<_>>();
    let all: Vec<usize> = archive.speakers.iter().flat_map(quoted).collect();
    jobs.push(Job {
        rel: "quotes/".into(),
        template: "quotes.html",
        context: ctx,
        lastmod: newest(articles, &all),
    });
    for s in &archive.speakers {
        let speaker = quote_views::speaker(s, settings);
        let items = quote_views::speaker_items(s, articles, rendered, &views.summaries, settings);
        let base = format!("quotes/{}/", s.slug);
        let lastmod = newest(articles, &quoted(s));
        for pager in paginate(items.len(), settings.config.per_page) {
            let slice = items[pager.range.clone()].to_vec();
            let mut ctx = Context::new();
            ctx.insert_value(
                "paginator",
                views::paginator(&base, &pager, items.len(), slice, settings),
            );
            ctx.insert_value("speaker", speaker.clone());
            jobs.push(Job {
                rel: page_path(&base, pager.number),
                template: "speaker.html",
                context: ctx,
                lastmod: lastmod.clone(),
            });
        }
    }
}

/// One job per page of a paginated listing of `items` rooted at `base`.
fn listing_jobs(
    jobs: &mut Vec<Job>,
    base: &str,
    template: &'static str,
    items: &[usize],
    views: &views::ArticleViews,
    settings: &Settings,
    finish: impl Fn(&mut Job),
) {
    for pager in paginate(items.len(), settings.config.per_page) {
        let slice: Vec<Value> = items[pager.range.clone()]
            .iter()
            .map(|&i| views.summaries[i].clone())
            .collect();
        let mut ctx = Context::new();
        ctx.insert_value(
            "paginator",
            views::paginator(base, &pager, items.len(), slice, settings),
        );
        let mut job = Job {
            rel: page_path(base, pager.number),
            template,
            context: ctx,
            lastmod: None,
        };
        finish(&mut job);
        jobs.push(job);
    }
}
