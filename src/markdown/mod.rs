//! Markdown to HTML: parser options and the passes over pulldown-cmark's
//! events (heading ids, link rewriting, summary, paragraph ids, pull-outs).
//!
//! The events of one article are collected once, so every pass works on the
//! same parse: text blocks for the quotes stage are read from it, and the
//! decorations that stage asks for are applied to it before writing HTML.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::slug::slugify;

mod blocks;
use blocks::text_blocks;

/// The parser options every article is read with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// How to resolve links written in an article.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    /// Folder of the article relative to the site root, e.g. `content/2024`.
    pub source_dir: &'a str,
    /// URL paths of articles by their source path relative to the site
    /// root, and by [`post_key`].
    pub articles: &'a HashMap<String, String>,
    /// The site's base path, `/` or `/news/`.
    pub base_path: &'a str,
    /// Whether raw HTML passes through (otherwise it is shown as text).
    pub raw_html: bool,
}

/// A heading of the article, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The anchor.
    pub id: String,
    /// Plain text.
    pub title: String,
}

/// HTML the quotes stage wants placed into an article.
#[derive(Debug, Clone, Default)]
pub struct Decorations {
    /// Text blocks (by index) that get an `id="p-N"`, N = index + 1.
    pub block_ids: BTreeSet<usize>,
    /// HTML inserted before the top-level element holding the given block.
    pub before_block: Vec<(usize, String)>,
}

/// A body's HTML, and what was read from it on the way.
#[derive(Debug, Clone, Default)]
pub struct Html {
    /// The body.
    pub html: String,
    /// The part before `<!-- more -->`, or the first paragraph.
    pub summary_html: String,
    /// Words in the body text.
    pub word_count: usize,
    /// Headings with their ids.
    pub toc: Vec<Heading>,
}

/// One parsed body, between reading its text blocks and writing its HTML.
pub struct Parsed<'a> {
    events: Vec<Event<'a>>,
    /// Plain text of each text block, and the index of the event opening it.
    texts: Vec<String>,
    starts: Vec<usize>,
    /// The Markdown's length, from which the HTML's is guessed.
    source_len: usize,
}

/// Parses `body` and rewrites its links; returns the events and text blocks.
pub fn parse<'a>(body: &'a str, links: &Links<'_>) -> Parsed<'a> {
    // About one event per 24 bytes of Markdown in news prose: sized once
    // rather than doubled (and moved) half a dozen times.
    let mut events: Vec<Event<'a>> = Vec::with_capacity(body.len() / 24 + 16);
    events.extend(Parser::new_ext(body, options()).map(|e| rewrite(e, links)));
    number_footnotes(&mut events);
    assign_heading_ids(&mut events);
    let (starts, texts) = text_blocks(&events).into_iter().unzip();
    Parsed { events, texts, starts, source_len: body.len() }
}

impl Parsed<'_> {
    /// Plain text of each text block (paragraphs, and items of tight lists).
    pub fn blocks(&self) -> &[String] {
        &self.texts
    }

    /// [`Parsed::blocks`], taken.
    pub fn into_blocks(self) -> Vec<String> {
        self.texts
    }

    /// Writes the HTML, applying `deco`.
    pub fn render(self, deco: &Decorations) -> Html {
        let word_count = self.texts.iter().map(|t| t.split_whitespace().count()).sum();
        let toc = collect_toc(&self.events);
        let summary_html = summary(&self.events);
        let events = decorate(self.events, &self.starts, deco);
        // HTML runs about a fifth longer than its Markdown; shrunk below.
        let mut html = String::with_capacity(self.source_len + self.source_len / 3 + 256);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        // Kept until every page and feed is written: at 100,000 articles the
        // slack left by the string's doubling would be hundreds of megabytes.
        html.shrink_to_fit();
        Html { html, summary_html, word_count, toc }
    }
}

/// Renders `body` with no decorations.
pub fn render(body: &str, links: &Links<'_>) -> Html {
    parse(body, links).render(&Decorations::default())
}

fn rewrite<'a>(event: Event<'a>, links: &Links<'_>) -> Event<'a> {
    match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: resolve(dest_url, links), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: resolve(dest_url, links), title, id })
        }
        Event::Html(h) | Event::InlineHtml(h) if !links.raw_html => Event::Text(h),
        Event::Html(h) => Event::Html(relink_html(h, links)),
        Event::InlineHtml(h) => Event::InlineHtml(relink_html(h, links)),
        other => other,
    }
}

/// Raw HTML with the quoted `src` and `href` values of its tags resolved as
/// Markdown links are, so `<img src="map.png">` in a page bundle, a root
/// link under a sub-path base URL and `<a href="@/blog/post.md">` work as
/// they did on the old site. Values hold no quote of their own kind, so the
/// result stays well-formed.
fn relink_html<'a>(html: CowStr<'a>, links: &Links<'_>) -> CowStr<'a> {
    if !html.contains("src=") && !html.contains("href=") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest: &str = &html;
    while let Some((value_at, quote)) = next_link_value(rest) {
        let Some(len) = rest[value_at..].find(quote) else { break };
        let value = &rest[value_at..value_at + len];
        out.push_str(&rest[..value_at]);
        out.push_str(&resolve(CowStr::Borrowed(value), links));
        rest = &rest[value_at + len..];
    }
    if out.is_empty() {
        return html;
    }
    out.push_str(rest);
    out.into()
}

/// Where the next quoted `src` or `href` value of a tag in `html` starts, and
/// its quote.
fn next_link_value(html: &str) -> Option<(usize, char)> {
    let mut from = 0;
    loop {
        let at = from + html[from..].find("src=").into_iter().chain(html[from..].find("href=")).min()?;
        let name_len = if html[at..].starts_with("src=") { 4 } else { 5 };
        let before = &html[..at];
        let in_tag =
            before.ends_with(|c: char| c.is_ascii_whitespace()) && before.rfind('<') > before.rfind('>');
        let quote = html[at + name_len..].chars().next().filter(|q| matches!(q, '"' | '\''));
        if let (true, Some(q)) = (in_tag, quote) {
            return Some((at + name_len + 1, q));
        }
        from = at + name_len;
    }
}

/// Makes a link written relative to the article's file point at the right
/// URL: a sibling image keeps working, a link to another `.md` file becomes
/// that article's URL, and root links get the base path.
fn resolve<'a>(dest: CowStr<'a>, links: &Links<'_>) -> CowStr<'a> {
    let d: &str = &dest;
    let external = d.contains("://")
        || d.starts_with("//")
        || d.starts_with('#')
        || d.starts_with('?')
        || d.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || c == '+')
        });
    if external || d.is_empty() {
        return dest;
    }
    if let Some(rest) = d.strip_prefix('/') {
        if links.base_path == "/" || d.starts_with(links.base_path) {
            return dest;
        }
        return format!("{}{rest}", links.base_path).into();
    }
    let (path, fragment) = match d.find(['#', '?']) {
        Some(i) => (&d[..i], &d[i..]),
        None => (d, ""),
    };
    if let Some(reference) = path.strip_prefix('@') {
        return format!("{}{fragment}", from_source(reference, links)).into();
    }
    let joined = normalise(&format!("{}/{path}", links.source_dir));
    if let Some(url) = links.articles.get(&joined) {
        return format!("{url}{fragment}").into();
    }
    let rel = joined.strip_prefix("content/").unwrap_or(&joined);
    format!("{}{rel}{fragment}", links.base_path).into()
}

/// The key under which [`Links::articles`] also holds an article by its file
/// name without extension (a bundle's by its folder's), as Jekyll's
/// `{% post_url 2019-03-04-name %}` names a post.
pub fn post_key(stem: &str) -> String {
    format!("@post/{stem}")
}

/// The URL of an article named by its source, as other generators write
/// links: `/blog/post.md` from the content folder (Zola's `@/blog/post.md`;
/// Hugo's `ref "/blog/post"` and Jekyll's `link` are written out to it),
/// `./post` from the article's folder and then from the content folder
/// (Hugo's `ref "post"`), and `post/2019-03-04-name` (Jekyll's `post_url`).
/// The extension may be left out, and a bundle is found by its folder. One
/// not found becomes the URL its path suggests.
fn from_source(reference: &str, links: &Links<'_>) -> String {
    let found = |key: &str| {
        let key = key.trim_end_matches('/');
        let with = |suffix: &str| links.articles.get(&format!("{key}{suffix}"));
        with("").or_else(|| with(".md")).or_else(|| with("/index.md")).or_else(|| with("/_index.md")).cloned()
    };
    let url = if let Some(name) = reference.strip_prefix("post/") {
        links.articles.get(&post_key(name)).cloned()
    } else if let Some(path) = reference.strip_prefix("./") {
        found(&normalise(&format!("{}/{path}", links.source_dir)))
            .or_else(|| found(&format!("content/{path}")))
            .or_else(|| found(path))
            .or_else(|| {
                let name = path.trim_end_matches('/').rsplit('/').next()?;
                links.articles.get(&post_key(name.trim_end_matches(".md"))).cloned()
            })
    } else {
        let path = reference.trim_start_matches('/');
        found(&format!("content/{path}")).or_else(|| found(path))
    };
    url.unwrap_or_else(|| {
        let path = reference.trim_start_matches(['.', '/']).trim_start_matches("post/");
        format!("{}{}/", links.base_path, path.trim_end_matches(".md").trim_end_matches('/'))
    })
}

/// Resolves `.` and `..` segments without touching the file system.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Ids the built-in article template gives its own elements; a heading
/// taking one would make the page's ids ambiguous.
const TEMPLATE_IDS: [&str; 2] = ["main", "related-heading"];

/// Whether `id` has the form of the ids given to quoted paragraphs (`p-N`)
/// or footnotes (`fn-N`), which headings must leave to them.
fn generated_id(id: &str) -> bool {
    ["p-", "fn-"].iter().any(|prefix| {
        id.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Renames footnotes to `fn-N`, N being the number readers see.
///
/// Labels are the author's words (`[^a note]`, `[^1]`), and pulldown-cmark
/// writes them as ids verbatim: ids with spaces, or ids that clash with a
/// heading or the page around the article. Numbering in order of first
/// appearance is what pulldown-cmark's writer does, so the numbers stay.
fn number_footnotes(events: &mut [Event<'_>]) {
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut id = |label: &CowStr<'_>| {
        let next = numbers.len() + 1;
        let n = *numbers.entry(label.to_string()).or_insert(next);
        CowStr::from(format!("fn-{n}"))
    };
    for e in events {
        match e {
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = id(label)
            }
            _ => {}
        }
    }
}

fn assign_heading_ids(events: &mut [Event<'_>]) {
    let mut used: rustc_hash::FxHashSet<String> = TEMPLATE_IDS.iter().map(|s| s.to_string()).collect();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let written = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = written.unwrap_or_else(|| {
                let s = slugify(&text);
                if s.is_empty() { "section".to_string() } else { s }
            });
            let mut unique = base.clone();
            let mut n = 1;
            while generated_id(&unique) || !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(unique.into());
            }
            i = j;
        }
        i += 1;
    }
}

fn collect_toc(events: &[Event<'_>]) -> Vec<Heading> {
    let mut toc = Vec::new();
    let mut current: Option<Heading> = None;
    for e in events {
        match e {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some(Heading {
                    level: heading_level(*level),
                    id: id.as_deref().unwrap_or_default().to_string(),
                    title: String::new(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.title.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => toc.extend(current.take()),
            _ => {}
        }
    }
    toc
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn summary(events: &[Event<'_>]) -> String {
    let more = events.iter().position(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => {
            let t: String = h.chars().filter(|c| !c.is_whitespace()).collect();
            t == "<!--more-->"
        }
        _ => false,
    });
    let slice: &[Event<'_>] = match more {
        Some(end) => &events[..end],
        None => {
            let Some(start) = events.iter().position(|e| matches!(e, Event::Start(Tag::Paragraph))) else {
                return String::new();
            };
            let end = events[start..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
                .map_or(events.len(), |n| start + n + 1);
            &events[start..end]
        }
    };
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, without_ids(slice).into_iter());
    html
}

/// `events` without the ids and footnotes of the article page: a listing
/// shows many summaries on one page, where heading ids would repeat and
/// footnote links would point at nothing.
fn without_ids<'a>(events: &[Event<'a>]) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_footnote = 0usize;
    for e in events {
        match e {
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote += 1,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = in_footnote.saturating_sub(1),
            _ if in_footnote > 0 => {}
            Event::FootnoteReference(_) => {}
            Event::Start(Tag::Heading { level, id: _, classes, attrs }) => {
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: None,
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }))
            }
            e => out.push(e.clone()),
        }
    }
    out
}

fn decorate<'a>(events: Vec<Event<'a>>, blocks: &[usize], deco: &Decorations) -> Vec<Event<'a>> {
    if deco.block_ids.is_empty() && deco.before_block.is_empty() {
        return events;
    }
    // Event index -> block index for the blocks that need something; looked up
    // for every event, so a table rather than a hash map.
    let mut by_event: Vec<Option<usize>> = vec![None; events.len()];
    for (b, ev) in blocks.iter().enumerate() {
        if deco.block_ids.contains(&b)
            && let Some(slot) = by_event.get_mut(*ev)
        {
            *slot = Some(b);
        }
    }
    // Figures go before the top-level element that contains their block.
    let mut inserts: BTreeMap<usize, String> = BTreeMap::new();
    let top = top_level_starts(&events);
    for (b, html) in &deco.before_block {
        if let Some(ev) = blocks.get(*b) {
            let at = top.iter().rev().find(|s| **s <= *ev).copied().unwrap_or(0);
            inserts.entry(at).or_default().push_str(html);
        }
    }
    let mut out = Vec::with_capacity(events.len() + inserts.len() * 2);
    let mut inserts = inserts.into_iter().peekable();
    let mut closers: Vec<Option<&'static str>> = Vec::new();
    for (i, e) in events.into_iter().enumerate() {
        if let Some((_, html)) = inserts.next_if(|(at, _)| *at == i) {
            out.push(Event::Html(html.into()));
        }
        match (&e, by_event[i]) {
            (Event::Start(Tag::Paragraph), Some(b)) => {
                out.push(Event::Html(format!("<p id=\"p-{}\">", b + 1).into()));
                closers.push(Some("</p>\n"));
            }
            (Event::Start(Tag::Item), Some(b)) => {
                out.push(Event::Html(format!("<li id=\"p-{}\">", b + 1).into()));
                closers.push(Some("</li>\n"));
            }
            (Event::Start(Tag::Paragraph | Tag::Item), None) => {
                closers.push(None);
                out.push(e);
            }
            (Event::End(TagEnd::Paragraph | TagEnd::Item), _) => match closers.pop().flatten() {
                Some(c) => out.push(Event::Html(c.into())),
                None => out.push(e),
            },
            _ => out.push(e),
        }
    }
    out
}

/// Indices of events that open a top-level block.
fn top_level_starts(events: &[Event<'_>]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut starts = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(_) => {
                if depth == 0 {
                    starts.push(i);
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => starts.push(i),
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests;
