//! What listing pages see: tags and authors with their counts, the year and
//! month archives, and the paginator.

use serde::Serialize;
use tera::Value;

use crate::archive::{Archive, Group, Month, Pager, Year};
use crate::config::Settings;

/// A tag or author with its URL and count.
#[derive(Debug, Serialize)]
pub struct GroupView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
}

/// The view of a tag or author group rooted at `prefix` (`tags` or `authors`).
pub fn group(g: &Group, prefix: &str, settings: &Settings) -> Value {
    Value::from_serializable(&group_view(g, prefix, settings))
}

fn group_view<'a>(g: &'a Group, prefix: &str, settings: &Settings) -> GroupView<'a> {
    GroupView {
        name: &g.name,
        slug: &g.slug,
        url: settings.url(&format!("{prefix}/{}/", g.slug)),
        count: g.articles.len(),
    }
}

/// Every group, for the tags and authors indexes, alphabetical by name.
pub fn groups(gs: &[Group], prefix: &str, settings: &Settings) -> Value {
    let mut views: Vec<GroupView<'_>> = gs.iter().map(|g| group_view(g, prefix, settings)).collect();
    views.sort_by_cached_key(|v| (v.name.to_lowercase(), v.slug));
    Value::from_serializable(&views)
}

#[derive(Debug, Serialize)]
struct MonthView {
    year: i16,
    month: i8,
    name: String,
    url: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct YearView {
    year: i16,
    url: String,
    count: usize,
    months: Vec<MonthView>,
}

fn month_view(year: i16, m: &Month, lang: &str, settings: &Settings) -> MonthView {
    let name = jiff::civil::date(year, m.month, 1).strftime("%B").to_string();
    MonthView {
        year,
        month: m.month,
        name,
        url: settings.url(&format!("{lang}{year:04}/{:02}/", m.month)),
        count: m.articles.len(),
    }
}

fn year_view(y: &Year, lang: &str, settings: &Settings) -> YearView {
    YearView {
        year: y.year,
        url: settings.url(&format!("{lang}{:04}/", y.year)),
        count: y.count(),
        months: y.months.iter().map(|m| month_view(y.year, m, lang, settings)).collect(),
    }
}

/// One year with its months, in the archive of `lang`'s prefix (`ja/` or empty).
pub fn year(y: &Year, lang: &str, settings: &Settings) -> Value {
    Value::from_serializable(&year_view(y, lang, settings))
}

/// One month, likewise.
pub fn month(year: i16, m: &Month, lang: &str, settings: &Settings) -> Value {
    Value::from_serializable(&month_view(year, m, lang, settings))
}

/// Every year, newest first, for the archive page.
pub fn years(archive: &Archive, lang: &str, settings: &Settings) -> Value {
    let views: Vec<YearView> = archive.years.iter().map(|y| year_view(y, lang, settings)).collect();
    Value::from_serializable(&views)
}

#[derive(Debug, Serialize)]
struct PagerView {
    number: usize,
    total: usize,
    first_url: String,
    last_url: String,
    prev_url: Option<String>,
    next_url: Option<String>,
    count: usize,
    /// Shared views, taken into the paginator as they are.
    items: Value,
}

/// The `paginator` of one listing page; `items` are its article (or quote) views.
pub fn paginator(base: &str, pager: &Pager, count: usize, items: Vec<Value>, settings: &Settings) -> Value {
    let url = |n: usize| settings.url(&crate::archive::page_path(base, n));
    let view = PagerView {
        number: pager.number,
        total: pager.total,
        first_url: url(1),
        last_url: url(pager.total),
        prev_url: (pager.number > 1).then(|| url(pager.number - 1)),
        next_url: (pager.number < pager.total).then(|| url(pager.number + 1)),
        count,
        items: Value::from(items),
    };
    Value::from_serializable(&view)
}
