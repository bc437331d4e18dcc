//! Feeds: Atom, RSS 2.0 and JSON Feed 1.1 for the whole site, each tag and
//! each author, written in Rust beside the pages.
//!
//! Each article that appears in some feed is prepared once (an `Entry`: full
//! URLs, absolute links in its HTML, dates) and then written into every feed
//! that holds it, in all three formats.

mod atom;
mod json;
mod rss;

use std::borrow::Cow;
use std::collections::HashMap;

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;

use crate::archive::{Archive, Group};
use crate::body::Rendered;
use crate::config::{FeedText, Settings};
use crate::content::Article;
use crate::error::Result;
use crate::escape::{uri, uri_into};
use crate::render::feed_links::{FORMATS, group_title, site_title};
use crate::render::{Page, PageKeys, Sink, views};
use crate::xml::Cdata;

/// One listing to publish as feeds.
struct Listing<'a> {
    title: String,
    description: String,
    /// Site-relative path of the HTML listing; the feeds sit beside it.
    rel: String,
    /// Its articles, newest first, already cut to `feed_limit`.
    articles: &'a [usize],
    /// Its oldest article, for the date in a `tag:` feed id.
    oldest: Option<usize>,
    /// Its language, as feeds write it (`ja`, `zh-TW`).
    language: String,
    /// Whether its entries carry the full article or the summary alone.
    full: bool,
}

/// What a feed says about its channel, shared by the three formats.
struct Channel<'a> {
    title: &'a str,
    description: &'a str,
    /// Full URL of the HTML listing.
    home: String,
    /// Full URL of each format's file, in [`FORMATS`] order.
    self_urls: [String; 3],
    /// Atom feed id.
    id: String,
    /// Newest `updated` (or date) of the entries.
    updated: Option<&'a Zoned>,
    language: &'a str,
    publisher: &'a str,
    /// Whether entries carry the full article (else their summary alone).
    full: bool,
}

/// An article as every feed writes it.
struct Entry<'a> {
    title: &'a str,
    url: String,
    id: String,
    /// Whether `id` is the article's URL (RSS `isPermaLink`).
    id_is_url: bool,
    published: &'a Zoned,
    updated: &'a Zoned,
    /// Names with full URLs of their pages.
    authors: Vec<(&'a str, String)>,
    tags: &'a [String],
    summary_text: String,
    /// The summary's HTML, links made absolute.
    summary_html: String,
    /// The article's HTML, borrowed as it is when no link had to change.
    content_html: Cow<'a, str>,
    /// The summary and the content above, ready once for the XML formats
    /// (the content borrows the article's HTML when no link had to change).
    summary_xml: Cdata<'static>,
    content_xml: Cdata<'a>,
    image: Option<String>,
}

/// About how long a feed of `entries` will be, so that it is allocated once.
fn expected_len(entries: &[&Entry<'_>], full: bool) -> usize {
    let content = |e: &Entry<'_>| if full { e.content_xml.len() } else { 0 };
    entries.iter().map(|e| content(e) + e.summary_xml.len() + 1024).sum::<usize>() + 2048
}

/// The listings that have feeds: the whole site, each tag and each author,
/// each cut to the newest `feed_limit` articles; and the same for each
/// language section, under its prefix (`ja/feed.xml`).
fn listings<'a>(archive: &'a Archive, settings: &Settings) -> Vec<Listing<'a>> {
    let mut listings = language_listings(archive, "", &settings.config.language, settings);
    for s in &archive.sections {
        let language = views::html_lang(&s.lang);
        listings.extend(language_listings(&s.listings, &s.prefix, &language, settings));
    }
    listings
}

/// [`listings`] of one language, whose listings sit under `lang` (`ja/`).
fn language_listings<'a>(
    archive: &'a Archive,
    lang: &str,
    language: &str,
    settings: &Settings,
) -> Vec<Listing<'a>> {
    let limit = settings.config.feed_limit;
    let cut = |list: &[usize]| list.len().min(limit);
    let mut listings = vec![Listing {
        title: site_title(lang, settings),
        description: settings.config.description.clone(),
        rel: lang.to_string(),
        articles: &archive.order[..cut(&archive.order)],
        oldest: archive.order.last().copied(),
        language: language.to_string(),
        full: true,
    }];
    let full = settings.config.group_feeds == FeedText::Full;
    for (prefix, groups, what) in
        [("tags", &archive.tags, "Stories tagged"), ("authors", &archive.authors, "Stories by")]
    {
        listings.extend(groups.iter().map(|g: &Group| Listing {
            title: group_title(&g.name, lang, settings),
            description: format!("{what} {} in {}", g.name, settings.config.title),
            rel: format!("{lang}{prefix}/{}/", g.slug),
            articles: &g.articles[..cut(&g.articles)],
            oldest: g.articles.last().copied(),
            language: language.to_string(),
            full,
        }));
    }
    listings
}

/// Writes the feeds of the site into `sink`, skipping those whose
/// fingerprint is in `previous` (a rebuild rewrites only feeds whose
/// articles changed); returns the fingerprints of every feed file.
pub fn write_all(
    articles: &[Article],
    rendered: &[Rendered],
    archive: &Archive,
    settings: &Settings,
    previous: &PageKeys,
    sink: &Sink<'_>,
) -> Result<PageKeys> {
    let mut listings = listings(archive, settings);
    let mut keys = PageKeys::default();
    listings.retain(|l| {
        let versions: Vec<u64> = l.articles.iter().map(|&i| rendered[i].version).collect();
        let oldest = l.oldest.map(|i| articles[i].date.year());
        let key = crate::fingerprint::hash(&(
            &l.title,
            &l.description,
            &l.rel,
            versions,
            oldest,
            &l.language,
            l.full,
        ))
        .max(1);
        let changed =
            FORMATS.iter().any(|(file, _, _)| previous.get(&format!("{}{file}", l.rel)) != Some(&key));
        for (file, _, _) in FORMATS {
            keys.insert(format!("{}{file}", l.rel), key);
        }
        changed
    });
    // Each article once, with its full text only where a full feed holds it
    // (sorted so that an article's full slot comes first and is kept).
    let mut slots: Vec<(usize, bool)> =
        listings.iter().flat_map(|l| l.articles.iter().map(|&i| (i, l.full))).collect();
    slots.sort_unstable_by_key(|&(i, full)| (i, !full));
    slots.dedup_by_key(|s| s.0);
    let entries: HashMap<usize, Entry<'_>> =
        slots.par_iter().map(|&(i, full)| (i, entry(&articles[i], &rendered[i], settings, full))).collect();

    let errors: Vec<Result<()>> = listings
        .par_iter()
        .flat_map_iter(|l| {
            let items: Vec<&Entry<'_>> = l.articles.iter().map(|i| &entries[i]).collect();
            let ch = channel(l, &items, articles, settings);
            [atom::write(&ch, &items), rss::write(&ch, &items), json::write(&ch, &items)]
                .into_iter()
                .zip(FORMATS)
                .map(move |(text, (file, _, _))| {
                    sink(Page { path: format!("{}{file}", l.rel), bytes: text.into_bytes() })
                })
                .collect::<Vec<_>>()
        })
        .filter(Result::is_err)
        .collect();
    if let Some(Err(e)) = errors.into_iter().next() {
        return Err(e);
    }
    Ok(keys)
}

fn channel<'a>(
    l: &'a Listing<'_>,
    items: &[&'a Entry<'a>],
    articles: &[Article],
    settings: &'a Settings,
) -> Channel<'a> {
    let self_urls = FORMATS.map(|(file, _, _)| uri(&settings.permalink(&format!("{}{file}", l.rel))));
    let id = if settings.has_host() {
        self_urls[0].clone()
    } else {
        let year = l.oldest.map_or(2000, |i| articles[i].date.year());
        tag_uri(settings, &year.to_string(), &settings.url(&format!("{}feed.xml", l.rel)))
    };
    Channel {
        title: &l.title,
        description: if l.description.is_empty() { &l.title } else { &l.description },
        home: uri(&settings.permalink(&l.rel)),
        self_urls,
        id,
        updated: items.iter().map(|e| e.updated).max(),
        language: &l.language,
        publisher: settings.publisher(),
        full: l.full,
    }
}

/// One article as every feed that holds it shows it.
fn entry<'a>(a: &'a Article, r: &'a Rendered, settings: &Settings, full: bool) -> Entry<'a> {
    let url = uri(&settings.permalink(&a.rel_url));
    let (id, id_is_url) = if settings.has_host() {
        (url.clone(), true)
    } else {
        let date = a.date.strftime("%Y-%m-%d").to_string();
        (tag_uri(settings, &date, &settings.url(&a.rel_url)), false)
    };
    let authors = a
        .authors
        .iter()
        .map(|n| {
            let page = format!("{}authors/{}/", a.lang_prefix, crate::slug::slugify(n));
            (n.as_str(), uri(&settings.permalink(&page)))
        })
        .collect();
    let summary_html = views::summary_html(a, r);
    let content_html = if full { absolute_links(&r.html, &url, settings) } else { Cow::Borrowed("") };
    let content_xml = match &content_html {
        Cow::Borrowed(html) => Cdata::new(html),
        Cow::Owned(html) => Cdata::new(html).into_owned(),
    };
    let summary_html = absolute_links(&summary_html, &url, settings).into_owned();
    Entry {
        summary_xml: Cdata::new(&summary_html).into_owned(),
        summary_html,
        content_xml,
        content_html,
        title: &a.title,
        id,
        id_is_url,
        published: &a.date,
        updated: a.modified(),
        authors,
        tags: &a.tags,
        summary_text: views::description(a, r),
        image: views::image_url(a, settings).map(|u| uri(&u)),
        url,
    }
}

/// A `tag:` URI (RFC 4151) for ids when `base_url` has no host: the
/// authority is the site title reduced to a DNS-like name, so ids stay
/// absolute, unique per site and stable.
fn tag_uri(settings: &Settings, date: &str, path: &str) -> String {
    let mut authority = String::new();
    for c in settings.config.title.chars() {
        if c.is_ascii_alphanumeric() {
            authority.push(c.to_ascii_lowercase());
        } else if !authority.is_empty() && !authority.ends_with('-') {
            authority.push('-');
        }
    }
    let authority = authority.trim_end_matches('-');
    let authority = if authority.is_empty() {
        "dateline"
    } else {
        authority[..authority.len().min(63)].trim_end_matches('-')
    };
    let mut id = String::with_capacity(authority.len() + date.len() + path.len() + 8);
    for part in ["tag:", authority, ",", date, ":"] {
        id.push_str(part);
    }
    uri_into(&mut id, path);
    id
}

/// Makes the links of article HTML work outside the site: `href="/x"` and
/// `src="/x"` get the site's origin, `href="#x"` the article's URL. Left as
/// they are without a host, where no origin is known.
pub fn absolute_links<'a>(html: &'a str, article_url: &str, settings: &Settings) -> Cow<'a, str> {
    let first = if settings.has_host() { next_link(html) } else { None };
    let Some(mut at) = first else {
        return Cow::Borrowed(html);
    };
    let origin = settings.origin();
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    loop {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let bytes = tail.as_bytes();
        match bytes[0] {
            b'#' => out.push_str(article_url),
            _ if bytes.get(1) != Some(&b'/') => out.push_str(origin),
            _ => {}
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
        match next_link(rest) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the value of the next `href="`/`src="` attribute starts, if it
/// starts with `/` or `#`.
fn next_link(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("=").map(|i| from + i) {
        let before = &html[..i];
        let quoted = matches!(html.as_bytes().get(i + 1), Some(b'"' | b'\''));
        let attr = |name: &str| {
            before.strip_suffix(name).is_some_and(|b| b.ends_with(|c: char| c.is_ascii_whitespace()))
        };
        if quoted && (attr("href") || attr("src")) {
            if let Some(b'/' | b'#') = html.as_bytes().get(i + 2) {
                return Some(i + 2);
            }
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
mod tests;
