//! Rendering the site's pages (About, Corrections...) through `page.html`.

use serde::Serialize;
use tera::{Context, Value};

use super::{Page, Renderer, views};
use crate::config::Settings;
use crate::content::SitePage;
use crate::error::Result;
use crate::markdown::{Heading, Html};

/// The template of pages.
pub const PAGE_TEMPLATE: &str = "page.html";

/// What `page.html` shows of a page, as `page`.
#[derive(Serialize)]
struct SitePageView<'a> {
    title: &'a str,
    url: String,
    permalink: String,
    content: &'a str,
    description: String,
    updated: Option<String>,
    toc: &'a [Heading],
    word_count: usize,
    lang: String,
    path: String,
    extra: &'a serde_json::Map<String, serde_json::Value>,
}

/// The `page` of a page's template: its body's HTML, and the summary (or
/// first paragraph) as its description.
pub fn site_page(p: &SitePage, html: &Html, settings: &Settings) -> Value {
    Value::from_serializable(&SitePageView {
        title: &p.title,
        url: settings.url(&p.rel_url),
        permalink: settings.permalink(&p.rel_url),
        content: &html.html,
        description: p.summary.clone().unwrap_or_else(|| views::plain_text(&html.summary_html)),
        updated: p.updated.as_ref().map(crate::dates::rfc3339),
        toc: &html.toc,
        word_count: html.word_count,
        lang: views::html_lang(&p.lang),
        path: p.path.to_string_lossy().into_owned(),
        extra: &p.extra,
    })
}

impl Renderer {
    /// Renders one page, whose body is `html`, into its output file.
    pub fn render_site_page(
        &self,
        p: &SitePage,
        html: &Html,
        settings: &Settings,
        languages: Option<&Value>,
    ) -> Result<Page> {
        let mut ctx = Context::new();
        ctx.insert_value("page", site_page(p, html, settings));
        if let Some(l) = languages {
            ctx.insert_value("languages", l.clone());
        }
        // A page of a language section sees the section as its pages do.
        if !p.lang_prefix.is_empty() {
            let mut config = settings.config.clone();
            config.language = views::html_lang(&p.lang);
            let section = Settings { config, ..settings.clone() };
            ctx.insert_value("site", super::site_value(&self.root, &section, &p.lang_prefix));
            ctx.insert_value("lang_prefix", Value::from(p.lang_prefix.as_str()));
        }
        let bytes = self.render(PAGE_TEMPLATE, &ctx, html.html.len() + (1 << 13))?;
        Ok(Page { path: format!("{}index.html", p.rel_url), bytes })
    }
}
