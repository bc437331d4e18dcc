//! The listing pages of one language's archive: front page, tags and
//! authors, years and months, quotes, each paginated.

use super::*;

/// The listings of one language: front page, indexes, tags, authors,
/// dates, quotes and the search page.
pub(super) fn scope_jobs<'a>(jobs: &mut Vec<Job<'a>>, r: &Renderer, input: &'a Input<'a>, scope: Scope<'a>) {
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
                "tags.html" => {
                    ctx.insert_value("tags", listing_views::groups(&a.tags, &format!("{p}tags"), s))
                }
                "authors.html" => {
                    ctx.insert_value("authors", listing_views::groups(&a.authors, &format!("{p}authors"), s))
                }
                _ => ctx.insert_value("years", listing_views::years(a, p, s)),
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
            c.insert_value(var, listing_views::group(g, &prefix, s));
            let title = super::super::feed_links::group_title(&g.name, lang, s);
            let mut feeds =
                super::super::feed_links::links(lang, &super::super::feed_links::site_title(lang, s), s);
            feeds.extend(super::super::feed_links::links(&format!("{prefix}/{}/", g.slug), &title, s));
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
            ctx.insert_value("year", listing_views::year(y, p, input.settings));
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
            let month = listing_views::month(y.year, m, p, input.settings);
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
                    &s.slug,
                    input.articles,
                    input.rendered,
                    input.summaries,
                    settings,
                );
                let mut ctx = Context::new();
                ctx.insert_value(
                    "paginator",
                    listing_views::paginator(&base, &pager, count, items, settings),
                );
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
            ctx.insert_value(
                "paginator",
                listing_views::paginator(&owned_base, &pager, total, slice, settings),
            );
            add(&mut ctx);
            ctx
        };
        jobs.push(Job::new(rel, template, Ctx::Lazy(Box::new(build)), k, lastmod));
    }
}
