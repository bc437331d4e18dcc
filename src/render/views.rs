//! What templates see: views built once per article and per listing, then
//! shared. A Tera 2 value is reference-counted, so putting the same article
//! view into a hundred listing pages copies a pointer, not the article.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;
use tera::Value;

use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;
use crate::escape::escape_into;
use crate::markdown::Heading;

/// A named link: an author or a tag on an article.
#[derive(Debug, Serialize)]
pub struct LinkView<'a> {
    /// As written.
    pub name: &'a str,
    /// URL path.
    pub url: Cow<'a, str>,
    /// Full URL (a path when `base_url` has no host).
    pub permalink: Cow<'a, str>,
}

/// A name's page: (language prefix, `tags` or `authors`, name).
type LinkKey<'a> = (&'a str, &'static str, &'a str);

/// The URL path and full URL of the page of each tag and author that
/// articles name, made once per build: each article's listing view and page
/// view would otherwise slug and join every name again. `None` for a name
/// with no letter or digit, which gets no page. A name it lacks (an
/// incremental rebuild passes an empty one) is made on the spot.
#[derive(Default)]
pub struct Links<'a> {
    /// By (language prefix, `tags` or `authors`, name): each language has
    /// its own tag and author pages.
    made: FxHashMap<LinkKey<'a>, Option<(String, String)>>,
}

impl<'a> Links<'a> {
    /// The pages of every author and tag of `articles`.
    pub fn new(articles: &'a [Article], settings: &Settings) -> Self {
        let mut made = FxHashMap::default();
        for a in articles {
            let lang = a.lang_prefix.as_str();
            for (prefix, names) in [("authors", &a.authors), ("tags", &a.tags)] {
                for n in names {
                    made.entry((lang, prefix, n.as_str()))
                        .or_insert_with(|| link_target(n, lang, prefix, settings));
                }
            }
        }
        Links { made }
    }
}

fn link_target(name: &str, lang: &str, prefix: &str, settings: &Settings) -> Option<(String, String)> {
    let slug = crate::slug::slugify(name);
    let rel = [lang, prefix, "/", &slug, "/"].concat();
    (!slug.is_empty()).then(|| (settings.url(&rel), settings.permalink(&rel)))
}

/// An article as listings show it.
#[derive(Debug, Serialize)]
struct SummaryView<'a> {
    title: &'a str,
    url: String,
    permalink: String,
    date: String,
    updated: Option<String>,
    authors: Vec<LinkView<'a>>,
    tags: Vec<LinkView<'a>>,
    summary: String,
    image: Option<&'a str>,
}

/// An article as its own page shows it: the summary fields and the rest
/// (serialised by hand below, as one flat map).
#[derive(Debug)]
struct PageView<'a> {
    summary: SummaryView<'a>,
    reading_time: usize,
    word_count: usize,
    content: &'a str,
    slug: &'a str,
    source: Option<&'a str>,
    path: String,
    toc: &'a [Heading],
    extra: &'a serde_json::Map<String, serde_json::Value>,
    quotes: Vec<super::quote_views::QuoteView<'a>>,
    pullquotes: Vec<super::quote_views::QuoteView<'a>>,
    description: String,
    image_url: Option<String>,
    /// A safe string: a Tera value is taken into the view as it is.
    json_ld: Value,
    /// The article's language, as `<html lang>` and `hreflang` want it (`zh-TW`).
    lang: String,
    /// Its versions in other languages.
    translations: Vec<TranslationView>,
}

/// Another language's version of the article, for `hreflang` links.
#[derive(Debug, Serialize)]
struct TranslationView {
    lang: String,
    /// The language's own name for itself (`日本語`), or its code.
    name: String,
    url: String,
    permalink: String,
}

/// Languages' own names for themselves, for links a reader of either follows.
const NATIVE: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("hi", "हिन्दी"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("sv", "Svenska"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("vi", "Tiếng Việt"),
    ("zh-CN", "简体中文"),
    ("zh-HK", "繁體中文"),
    ("zh-TW", "繁體中文"),
    ("zh", "中文"),
];

/// The name of the language whose HTML code is `lang`: its own, else the code.
pub fn native_name(lang: &str) -> String {
    let base = lang.split('-').next().unwrap_or(lang);
    let found = NATIVE.iter().find(|(c, _)| *c == lang).or_else(|| NATIVE.iter().find(|(c, _)| *c == base));
    found.map_or_else(|| lang.to_string(), |(_, n)| (*n).to_string())
}

/// A language code as HTML wants it: `zh_tw` -> `zh-TW`.
pub fn html_lang(code: &str) -> String {
    let mut parts = code.split(['_', '-']);
    let first = parts.next().unwrap_or_default().to_ascii_lowercase();
    parts.fold(first, |out, p| {
        let p = if p.len() == 2 { p.to_ascii_uppercase() } else { p.to_string() };
        out + "-" + &p
    })
}

/// The fields of [`SummaryView`] and then [`PageView`]'s own, in one map.
/// `#[serde(flatten)]` did the same through serde's map path, which sends
/// every key through a key serialiser and cost a third of an article page's
/// view.
impl Serialize for PageView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // Taken apart field by field, so that a field added to either struct
        // does not compile until it is written here too.
        let PageView {
            summary: SummaryView { title, url, permalink, date, updated, authors, tags, summary, image },
            reading_time,
            word_count,
            content,
            slug,
            source,
            path,
            toc,
            extra,
            quotes,
            pullquotes,
            description,
            image_url,
            json_ld,
            lang,
            translations,
        } = self;
        let mut m = serializer.serialize_struct("PageView", 24)?;
        m.serialize_field("title", title)?;
        m.serialize_field("url", url)?;
        m.serialize_field("permalink", permalink)?;
        m.serialize_field("date", date)?;
        m.serialize_field("updated", updated)?;
        m.serialize_field("authors", authors)?;
        m.serialize_field("tags", tags)?;
        m.serialize_field("summary", summary)?;
        m.serialize_field("image", image)?;
        m.serialize_field("reading_time", reading_time)?;
        m.serialize_field("word_count", word_count)?;
        m.serialize_field("content", content)?;
        m.serialize_field("slug", slug)?;
        m.serialize_field("source", source)?;
        m.serialize_field("path", path)?;
        m.serialize_field("toc", toc)?;
        m.serialize_field("extra", extra)?;
        m.serialize_field("quotes", quotes)?;
        m.serialize_field("pullquotes", pullquotes)?;
        m.serialize_field("description", description)?;
        m.serialize_field("image_url", image_url)?;
        m.serialize_field("json_ld", json_ld)?;
        m.serialize_field("lang", lang)?;
        m.serialize_field("translations", translations)?;
        m.end()
    }
}

fn links<'a>(
    names: &'a [String],
    lang: &'a str,
    prefix: &'static str,
    settings: &Settings,
    made: &'a Links<'_>,
) -> Vec<LinkView<'a>> {
    names
        .iter()
        .filter_map(|n| {
            let (url, permalink) = match made.made.get(&(lang, prefix, n.as_str())) {
                Some(Some((url, permalink))) => {
                    (Cow::Borrowed(url.as_str()), Cow::Borrowed(permalink.as_str()))
                }
                Some(None) => return None,
                None => {
                    let (url, permalink) = link_target(n, lang, prefix, settings)?;
                    (Cow::Owned(url), Cow::Owned(permalink))
                }
            };
            Some(LinkView { name: n, url, permalink })
        })
        .collect()
}

/// The summary as HTML: front matter's `summary` as a paragraph, or the
/// rendered part before `<!-- more -->` (or the first paragraph).
pub fn summary_html(a: &Article, r: &Rendered) -> String {
    match &a.summary {
        Some(s) => {
            let mut html = String::with_capacity(s.len() + 16);
            html.push_str("<p>");
            escape_into(&mut html, s);
            html.push_str("</p>");
            html
        }
        None => r.summary_html.clone(),
    }
}

/// The summary as plain text, for `<meta name="description">`, Open Graph
/// and JSON Feed's `summary`.
pub fn description(a: &Article, r: &Rendered) -> String {
    match &a.summary {
        Some(s) => s.clone(),
        None => plain_text(&r.summary_html),
    }
}

/// The text of an HTML fragment: tags dropped, the entities our Markdown
/// writer produces decoded, white space collapsed.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (None, c) => text.push(c),
            (Some(name), '>') => {
                // Block boundaries separate words; inline tags do not.
                let name = name.trim_start_matches('/');
                if ["p", "br", "li", "h", "div", "blockquote", "tr", "td", "figure"]
                    .iter()
                    .any(|b| name.starts_with(b))
                {
                    text.push(' ');
                }
                tag = None;
            }
            (Some(name), c) => name.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lead image as a full URL (a path when `base_url` has no host): a
/// path starting with `/` is under the site root, a bare name is beside the
/// article, anything with a scheme is kept.
pub fn image_url(a: &Article, settings: &Settings) -> Option<String> {
    let image = a.image.as_deref()?;
    Some(if image.contains("://") || image.starts_with("//") {
        image.to_string()
    } else if image.starts_with('/') {
        settings.permalink(image)
    } else {
        settings.permalink(&format!("{}{image}", a.rel_url))
    })
}

fn summary_view<'a>(
    a: &'a Article,
    r: &'a Rendered,
    settings: &Settings,
    made: &'a Links<'_>,
) -> SummaryView<'a> {
    let summary = summary_html(a, r);
    SummaryView {
        title: &a.title,
        url: settings.url(&a.rel_url),
        permalink: settings.permalink(&a.rel_url),
        date: crate::dates::rfc3339(&a.date),
        updated: a.updated.as_ref().map(crate::dates::rfc3339),
        authors: links(&a.authors, &a.lang_prefix, "authors", settings, made),
        tags: links(&a.tags, &a.lang_prefix, "tags", settings, made),
        summary,
        image: a.image.as_deref(),
    }
}

/// The listing view of one article.
pub fn summary(a: &Article, r: &Rendered, settings: &Settings, links: &Links<'_>) -> Value {
    Value::from_serializable(&summary_view(a, r, settings, links))
}

/// The listing view of every article with its rendered entry (see
/// [`super::Renderer::with_story`]), built in parallel.
pub fn summaries(
    articles: &[Article],
    rendered: &[Rendered],
    settings: &Settings,
    renderer: &super::Renderer,
    links: &Links<'_>,
) -> crate::error::Result<Vec<Value>> {
    use rayon::prelude::*;
    articles
        .par_iter()
        .zip(rendered.par_iter())
        .map(|(a, r)| renderer.with_story(summary(a, r, settings, links)))
        .collect()
}

/// The `page` of an article's own page; `page.quotes` and `page.pullquotes`
/// are left empty without `quotes` (no template reads them).
pub fn page(
    a: &Article,
    r: &Rendered,
    quotes: Option<&[Option<&str>]>,
    settings: &Settings,
    links: &Links<'_>,
) -> Value {
    let (quotes, pullquotes) = match quotes {
        Some(slugs) => super::quote_views::article_quotes(a, r, slugs, settings),
        None => Default::default(),
    };
    let wpm = settings.config.words_per_minute.max(1);
    let summary = summary_view(a, r, settings, links);
    let description = description(a, r);
    // An article without an image of its own shows the site's social card.
    let image_url = image_url(a, settings).or_else(|| super::look::default_image(settings));
    let lang = html_lang(&a.lang);
    let json_ld = json_ld::news_article(&summary, &description, image_url.as_deref(), &lang, settings);
    Value::from_serializable(&PageView {
        reading_time: r.word_count.div_ceil(wpm).max(1),
        word_count: r.word_count,
        quotes,
        pullquotes,
        description,
        image_url,
        summary,
        content: &r.html,
        slug: &a.slug,
        source: a.source.as_deref(),
        path: a.path.to_string_lossy().into_owned(),
        toc: &r.toc,
        extra: &a.extra,
        // Ready for its script block: the `json_ld` filter leaves a safe string
        // as it is, so the built-in `{{ page.json_ld | json_ld }}` costs nothing.
        json_ld: Value::safe_string(&json_ld),
        lang,
        translations: a
            .translations
            .iter()
            .map(|t| TranslationView {
                name: native_name(&html_lang(&t.lang)),
                lang: html_lang(&t.lang),
                url: settings.url(&t.rel_url),
                permalink: settings.permalink(&t.rel_url),
            })
            .collect(),
    })
}

/// `view` (a map) with `key` set to `value`, for a value known only once the
/// view is made. The map is copied if something else still holds the view,
/// and rebuilt either way: a view that can hold the value from the start (a
/// Tera value in a serialised struct is taken as it is) is cheaper.
pub fn with_field(view: Value, key: &'static str, value: Value) -> Value {
    let mut map = view.into_map().unwrap_or_default();
    map.insert(key.into(), value);
    Value::from(map)
}

mod json_ld;
#[cfg(test)]
mod tests;
