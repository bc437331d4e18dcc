//! `sitemap.xml` (split into an index and parts when large), the Google News
//! sitemap and `robots.txt`.

use jiff::{SignedDuration, ZonedDateTime as Zoned};

use crate::archive::Archive;
use crate::config::Settings;
use crate::content::Article;
use crate::dates::rfc3339;
use crate::escape::uri;
use crate::render::{Listed, Page};
use crate::xml::Xml;

/// URLs per sitemap file, as the protocol allows at most.
pub const MAX_URLS: usize = 50_000;

/// Articles per news sitemap, as Google News allows at most.
pub const MAX_NEWS: usize = 1_000;

/// How far back from the newest article the news sitemap reaches.
pub const NEWS_WINDOW: SignedDuration = SignedDuration::from_hours(48);

const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The sitemaps and `robots.txt` (unless the site has its own, a
/// `static/robots.txt`).
pub fn pages(
    listed: &[Listed],
    articles: &[Article],
    archive: &Archive,
    settings: &Settings,
    own_robots: bool,
) -> Vec<Page> {
    let mut sorted: Vec<&Listed> = listed.iter().collect();
    sorted.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    let alternates = alternates(articles, archive, settings);
    let mut files = sitemaps_with(&sorted, settings, MAX_URLS, &alternates);
    let news = news(articles, archive, settings);
    let has_news = news.is_some();
    files.extend(news);
    if !own_robots {
        files.push(robots(settings, has_news));
    }
    files
}

/// `sitemap.xml` listing every page; when there are more than `max`, an
/// index at `sitemap.xml` and parts `sitemap-1.xml`, ... of at most `max`.
pub fn sitemaps(listed: &[&Listed], settings: &Settings, max: usize) -> Vec<Page> {
    sitemaps_with(listed, settings, max, &Alternates::default())
}

/// A page's versions in other languages, by its path: `(hreflang, full URL)`,
/// itself included.
type Alternates = rustc_hash::FxHashMap<String, Vec<(String, String)>>;

/// The language versions of every translated article, and of each
/// language's front page; empty for a site of one language.
fn alternates(articles: &[Article], archive: &Archive, settings: &Settings) -> Alternates {
    let mut out = Alternates::default();
    if archive.sections.is_empty() {
        return out;
    }
    let lang = crate::render::views::html_lang;
    for a in articles.iter().filter(|a| !a.translations.is_empty()) {
        let own = std::iter::once((lang(&a.lang), uri(&settings.permalink(&a.rel_url))));
        let others = a.translations.iter().map(|t| (lang(&t.lang), uri(&settings.permalink(&t.rel_url))));
        out.insert(a.rel_url.clone(), own.chain(others).collect());
    }
    let default = crate::content::default_language(settings);
    let fronts: Vec<(String, String)> = std::iter::once((lang(default), uri(&settings.permalink(""))))
        .chain(archive.sections.iter().map(|s| (lang(&s.lang), uri(&settings.permalink(&s.prefix)))))
        .collect();
    for rel in std::iter::once("").chain(archive.sections.iter().map(|s| s.prefix.as_str())) {
        out.insert(rel.to_string(), fronts.clone());
    }
    out
}

fn sitemaps_with(listed: &[&Listed], settings: &Settings, max: usize, alternates: &Alternates) -> Vec<Page> {
    if listed.len() <= max {
        return vec![page("sitemap.xml", urlset(listed, settings, alternates))];
    }
    let mut index = Xml::new();
    index.open("sitemapindex", &[("xmlns", NS)]);
    let mut pages = Vec::new();
    for (n, part) in listed.chunks(max).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.open("sitemap", &[]);
        index.text("loc", &uri(&settings.permalink(&name)));
        if let Some(newest) = part.iter().filter_map(|l| l.lastmod.as_ref()).max() {
            index.text("lastmod", &rfc3339(newest));
        }
        index.close("sitemap");
        pages.push(page(&name, urlset(part, settings, alternates)));
    }
    index.close("sitemapindex");
    pages.insert(0, page("sitemap.xml", index.finish()));
    pages
}

fn urlset(listed: &[&Listed], settings: &Settings, alternates: &Alternates) -> String {
    let mut x = Xml::new();
    match alternates.is_empty() {
        true => x.open("urlset", &[("xmlns", NS)]),
        false => x.open("urlset", &[("xmlns", NS), ("xmlns:xhtml", XHTML_NS)]),
    };
    for l in listed {
        x.open("url", &[]);
        x.text("loc", &uri(&settings.permalink(&l.rel)));
        if let Some(lastmod) = &l.lastmod {
            x.text("lastmod", &rfc3339(lastmod));
        }
        for (lang, href) in alternates.get(l.rel.as_ref()).into_iter().flatten() {
            x.empty("xhtml:link", &[("rel", "alternate"), ("hreflang", lang), ("href", href)]);
        }
        x.close("url");
    }
    x.close("urlset");
    x.finish()
}

/// The Google News sitemap: articles published within [`NEWS_WINDOW`] of
/// the newest one, newest first. Measured from the newest article, not from
/// the clock, so that two builds of the same input are identical. None when
/// the site has no articles (a sitemap needs at least one URL).
pub fn news(articles: &[Article], archive: &Archive, settings: &Settings) -> Option<Page> {
    // Every language's newest stories: each section lists its own.
    let orders = std::iter::once(&archive.order).chain(archive.sections.iter().map(|s| &s.listings.order));
    let newest: &Zoned = orders.clone().filter_map(|o| o.first()).map(|&i| &articles[i].date).max()?;
    let since = newest.timestamp() - NEWS_WINDOW;
    let mut x = Xml::new();
    x.open("urlset", &[("xmlns", NS), ("xmlns:news", NEWS_NS)]);
    let mut recent: Vec<&Article> = orders
        .flat_map(|o| {
            o.iter().map(|&i| &articles[i]).take_while(|a| a.date.timestamp() >= since).take(MAX_NEWS)
        })
        .collect();
    if !archive.sections.is_empty() {
        recent.sort_by(|a, b| {
            (std::cmp::Reverse(a.date.timestamp()), &a.path)
                .cmp(&(std::cmp::Reverse(b.date.timestamp()), &b.path))
        });
    }
    recent.truncate(MAX_NEWS);
    for a in recent {
        let language = crate::render::views::html_lang(&a.lang);
        x.open("url", &[]);
        x.text("loc", &uri(&settings.permalink(&a.rel_url)));
        x.open("news:news", &[]).open("news:publication", &[]);
        x.text("news:name", settings.publisher()).text("news:language", &language).close("news:publication");
        x.text("news:publication_date", &rfc3339(&a.date)).text("news:title", &a.title);
        x.close("news:news").close("url");
    }
    x.close("urlset");
    Some(page("news-sitemap.xml", x.finish()))
}

/// `robots.txt`: allow everything, name the sitemaps.
fn robots(settings: &Settings, has_news: bool) -> Page {
    let mut text = String::from("User-agent: *\nAllow: /\n\n");
    text.push_str(&format!("Sitemap: {}\n", uri(&settings.permalink("sitemap.xml"))));
    if has_news {
        text.push_str(&format!("Sitemap: {}\n", uri(&settings.permalink("news-sitemap.xml"))));
    }
    page("robots.txt", text)
}

fn page(path: &str, text: String) -> Page {
    Page { path: path.to_string(), bytes: text.into_bytes() }
}

#[cfg(test)]
mod tests;
