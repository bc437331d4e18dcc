//! Rendering: every page of the site into memory, through Tera.

pub mod feed_links;
mod filters;
mod listing_views;
pub mod look;
mod pages;
mod quote_views;
mod sections;
pub use sections::languages;
pub mod shortlinks;
mod site_pages;
mod templates;
pub mod views;

use std::hash::{Hash, Hasher};
use std::path::Path;

use tera::{Context, Tera, Value};

pub use pages::{ALWAYS, Input, Listed, Page, PageKeys, Sink, Written};
pub use site_pages::PAGE_TEMPLATE;
pub use templates::{BUILTIN, STORY, STYLESHEET, TEMPLATES_DIR, foreign_templates};

use crate::config::Settings;
use crate::error::{Error, Result};

/// The template set of one site.
pub struct Renderer {
    tera: Tera,
    /// The site's own stylesheet or the built-in one, with the brand's
    /// custom properties after it.
    stylesheet: String,
    /// Changes whenever a template, the stylesheet or a setting changes.
    fingerprint: u64,
    /// Whether some template may read `page.quotes` or `page.pullquotes`;
    /// article pages leave them empty otherwise.
    page_quotes: bool,
    /// The site root, for the `site` of language sections' pages.
    root: std::path::PathBuf,
}

impl Renderer {
    /// Loads the built-in templates and the site's overrides.
    pub fn load(root: &Path, settings: &Settings) -> Result<Self> {
        let (mut tera, stylesheet, sources) = templates::load(root)?;
        let global = tera.global_context();
        global.insert_value("site", site_value(root, settings, ""));
        let feeds = feed_links::links("", &settings.config.title, settings);
        global.insert_value("feeds", Value::from_serializable(&feeds));
        // `ja/` on the pages of a language section (see `pages::Section`).
        global.insert_value("lang_prefix", Value::from(""));
        // Every language's front page, on the pages of a site with sections.
        global.insert_value("languages", Value::from(Vec::<Value>::new()));
        let mut h = std::hash::DefaultHasher::new();
        let page_quotes = templates::reads_page_quotes(&sources);
        let stylesheet =
            stylesheet.as_deref().unwrap_or(STYLESHEET).to_string() + &settings.config.brand.css();
        (sources, &stylesheet, format!("{settings:?}"), global.get("site").map(|v| v.to_string()))
            .hash(&mut h);
        Ok(Renderer { tera, stylesheet, fingerprint: h.finish(), page_quotes, root: root.to_path_buf() })
    }

    /// Renders every page whose fingerprint differs from `previous` (all of
    /// them when `previous` is empty) and hands each to `sink` as soon as it
    /// is ready; returns the fingerprints of every page of the site and the
    /// HTML pages for the sitemap. `same_pages` says the site has the same
    /// pages as when `previous` was made (and the same sitemap): unchanged
    /// article pages are then skipped without a trace (their keys stand in
    /// `previous`) and no sitemap list is made. Errors are gathered, one per
    /// distinct cause.
    pub fn render_all<'a>(
        &self,
        input: &'a Input<'a>,
        previous: &PageKeys,
        same_pages: bool,
        sink: &Sink<'_>,
    ) -> Result<Written<'a>> {
        pages::render_all(self, input, previous, same_pages, sink)
    }

    /// Changes whenever a template, the stylesheet or a setting changes.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The stylesheet to publish: the site's own or the built-in one, with
    /// the brand's accent and font (see [`crate::config::brand::Brand::css`]).
    pub fn stylesheet(&self) -> &str {
        &self.stylesheet
    }

    /// An article's listing view with its entry in listings rendered once
    /// (`partials/story.html`, as `story`): an article is on half a dozen
    /// listing pages (front page, tags, author, month), which then copy the
    /// entry instead of running the template for each of their articles.
    pub fn with_story(&self, summary: Value) -> Result<Value> {
        let mut ctx = Context::new();
        ctx.insert_value("item", summary.clone());
        let html = self.render(STORY, &ctx, 1024)?;
        // The context let go first, so that the view is extended, not copied.
        drop(ctx);
        let html = String::from_utf8(html).map_err(|e| Error::Template { message: e.to_string() })?;
        Ok(views::with_field(summary, "story", Value::safe_string(&html)))
    }

    /// Renders into bytes for the file, starting from a buffer of `capacity`:
    /// Tera's own `render` starts from the template's size, grows the page a
    /// few times and then checks it is UTF-8, which it always is.
    fn render(&self, template: &str, ctx: &Context, capacity: usize) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(capacity);
        self.tera.render_to(template, ctx, &mut bytes).map_err(templates::template_error)?;
        Ok(bytes)
    }
}

#[derive(serde::Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    language: &'a str,
    timezone: &'a str,
    date_format: &'a str,
    extra: &'a serde_json::Map<String, serde_json::Value>,
    #[serde(flatten)]
    look: look::Look,
}

/// The `site` of templates; `lang_prefix` (`ja/`) is a language section's.
pub(crate) fn site_value(root: &Path, s: &Settings, lang_prefix: &str) -> Value {
    Value::from_serializable(&SiteView {
        title: &s.config.title,
        description: &s.config.description,
        base_url: &s.base_url,
        base_path: &s.base_path,
        language: &s.config.language,
        timezone: s.config.timezone.as_deref().unwrap_or("UTC"),
        date_format: &s.config.date_format,
        extra: &s.config.extra,
        look: look::look(root, s, lang_prefix),
    })
}

/// Collapses identical template errors (a broken base template fails on
/// every page) into one report.
fn distinct(errors: Vec<Error>) -> Vec<Error> {
    let mut seen = std::collections::HashSet::new();
    errors.into_iter().filter(|e| seen.insert(e.to_string())).collect()
}
