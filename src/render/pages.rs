//! The list of pages a site has, and rendering each into bytes.

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

/// A page to render: its site-relative URL path, template and context.
struct Job {
    rel: String,
    template: &'static str,
    context: Context,
}

pub(super) fn render_all(
    r: &Renderer,
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    settings: &Settings,
    sink: &Sink<'_>,
) -> Result<usize> {
    let views = views::summaries(articles, rendered, settings);
    let mut jobs: Vec<Job> = Vec::new();
    listing_jobs(
        &mut jobs,
        "",
        "index.html",
        &archive.order,
        &views,
        settings,
        |_| {},
    );
    index_jobs(&mut jobs, archive, settings);
    for (prefix, template, gs, var) in [
        ("tags", "tag.html", &archive.tags, "tag"),
        ("authors", "author.html", &archive.authors, "author"),
    ] {
        group_jobs(&mut jobs, prefix, template, gs, var, &views, settings);
    }
    for y in &archive.years {
        let mut ctx = Context::new();
        ctx.insert_value("year", views::year(y, settings));
        jobs.push(Job {
            rel: format!("{:04}/", y.year),
            template: "year.html",
            context: ctx,
        });
        for m in &y.months {
            let month = views::month(y.year, m, settings);
            let base = format!("{:04}/{:02}/", y.year, m.month);
            listing_jobs(
                &mut jobs,
                &base,
                "month.html",
                &m.articles,
                &views,
                settings,
                |c| c.insert_value("month", month.clone()),
            );
        }
    }
    quote_jobs(&mut jobs, articles, rendered, archive, &views, settings);
    jobs.push(Job {
        rel: "404.html".into(),
        template: "404.html",
        context: Context::new(),
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
    Ok(articles.len() + jobs.len() + 1)
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

fn index_jobs(jobs: &mut Vec<Job>, archive: &Archive, settings: &Settings) {
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
        });
    }
}

fn group_jobs(
    jobs: &mut Vec<Job>,
    prefix: &str,
    template: &'static str,
    groups: &[Group],
    var: &'static str,
    views: &views::ArticleViews,
    settings: &Settings,
) {
    for g in groups {
        let value = views::group(g, prefix, settings);
        let base = format!("{prefix}/{}/", g.slug);
        listing_jobs(jobs, &base, template, &g.articles, views, settings, |c| {
            c.insert_value(var, value.clone())
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
    jobs.push(Job {
        rel: "quotes/".into(),
        template: "quotes.html",
        context: ctx,
    });
    for s in &archive.speakers {
        let speaker = quote_views::speaker(s, settings);
        let items = quote_views::speaker_items(s, articles, rendered, &views.summaries, settings);
        let base = format!("quotes/{}/", s.slug);
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
    extra: impl Fn(&mut Context),
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
        extra(&mut ctx);
        jobs.push(Job {
            rel: page_path(base, pager.number),
            template,
            context: ctx,
        });
    }
}
