//! An article's body, rendered: its Markdown as HTML with the quotes found
//! in it and the pull-outs chosen, and the versions that tell a rebuild
//! whether anything shown of it changed. The stage between the article model
//! (`content`) and the listings (`archive`).

use std::collections::HashMap;
use std::path::Path;

use crate::config::Settings;
use crate::content::{Article, SitePage};
use crate::error::Result;
use crate::fingerprint::hash;
use crate::markdown::{self, Heading, Html};
use crate::pullout::PullOut;
use crate::quotes::Quote;

/// An article body rendered, with its quotes and the versions that tell
/// a later build whether it changed.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body.
    pub html: String,
    /// The part before `<!-- more -->`, or the first paragraph.
    pub summary_html: String,
    /// Words in the body text.
    pub word_count: usize,
    /// Headings with their ids.
    pub toc: Vec<Heading>,
    /// Every direct quote found, in order.
    pub quotes: Vec<Quote>,
    /// The quotes set beside the text.
    pub pullouts: Vec<PullOut>,
    /// Changes whenever anything this article's pages show may have changed:
    /// its source, the settings, or (if it links to other articles) their URLs.
    pub version: u64,
    /// Changes whenever what listings show of the article may have changed
    /// (title, URL, dates, bylines, tags, summary, image).
    pub summary_version: u64,
}

impl From<Html> for Rendered {
    fn from(h: Html) -> Self {
        let Html { html, summary_html, word_count, toc } = h;
        Rendered { html, summary_html, word_count, toc, ..Rendered::default() }
    }
}

/// Renders article bodies: resolves links between articles and versions
/// each result, so that unchanged articles can be recognised across builds.
pub struct Linker {
    urls: HashMap<String, String>,
    links_hash: u64,
    settings_hash: u64,
}

impl Linker {
    /// The link map of `articles`.
    pub fn new(articles: &[Article], settings: &Settings) -> Self {
        let mut urls = HashMap::with_capacity(articles.len() * 2);
        for a in articles {
            let url = settings.url(&a.rel_url);
            if let Some(stem) = file_stem(&a.path) {
                urls.entry(markdown::post_key(stem)).or_insert_with(|| url.clone());
            }
            urls.insert(slash_path(&a.path), url);
        }
        let mut sorted: Vec<(&String, &String)> = urls.iter().collect();
        sorted.sort();
        Linker { links_hash: hash(&sorted), settings_hash: hash(&format!("{settings:?}")), urls }
    }

    /// The version `a` would get: see [`Rendered::version`].
    pub fn version(&self, a: &Article) -> u64 {
        // Only a body mentioning `.md` can link to another article, so only
        // such bodies change when other articles move.
        let links = if a.links_articles { self.links_hash } else { 0 };
        // Translations come and go with other files: a page's hreflang links.
        hash(&(a.source_hash, &a.path, self.settings_hash, links, &a.translations))
    }

    /// Renders one article with its quotes and pull-outs.
    pub fn render(&self, a: &Article, settings: &Settings) -> Result<Rendered> {
        let dir = a.path.parent().map(slash_path).unwrap_or_default();
        let links = markdown::Links {
            source_dir: &dir,
            articles: &self.urls,
            base_path: &settings.base_path,
            raw_html: settings.config.markdown.raw_html,
        };
        let parsed = markdown::parse(&a.body, &links);
        let (quotes, pullouts, deco) = if settings.config.quotes.enabled {
            let c = &settings.config;
            crate::pullout::analyse(a, parsed.blocks(), c.pullquotes, &c.quotes)?
        } else {
            Default::default()
        };
        let mut rendered = Rendered::from(parsed.render(&deco));
        rendered.quotes = quotes;
        rendered.pullouts = pullouts;
        rendered.version = self.version(a);
        let listed = (&a.title, &a.rel_url, a.date.timestamp(), a.updated.as_ref().map(|u| u.timestamp()));
        let more = (&a.authors, &a.tags, &a.summary, &a.image, &rendered.summary_html, &a.expires);
        rendered.summary_version = hash(&(listed, more, self.settings_hash));
        Ok(rendered)
    }
}

impl Linker {
    /// Renders a page's body: links to articles resolved as in articles,
    /// but no quotes or pull-outs (an About page quotes no one worth a pull-out).
    pub fn render_page(&self, p: &SitePage, settings: &Settings) -> Html {
        let dir = p.path.parent().map(slash_path).unwrap_or_default();
        let links = markdown::Links {
            source_dir: &dir,
            articles: &self.urls,
            base_path: &settings.base_path,
            raw_html: settings.config.markdown.raw_html,
        };
        markdown::render(&p.body, &links)
    }
}

/// The name an article is known by without its folder: its file's stem, or
/// its folder's name for a bundle's `index.md`.
fn file_stem(path: &Path) -> Option<&str> {
    let stem = path.file_stem()?.to_str()?;
    match stem {
        "index" | "_index" => path.parent()?.file_name()?.to_str(),
        _ => Some(stem),
    }
}

/// A path with `/` separators, as used in URLs and link maps.
fn slash_path(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
