//! Pages (About, Contact, Corrections policy): rendered with the site's
//! layout through `page.html`, at URLs that no article, listing or other
//! page may take. They are in no listing, feed, sitemap, search index or
//! quotes index: a reader finds them through the menu and links.

use crate::archive::Archive;
use crate::body::Linker;
use crate::config::Settings;
use crate::content::{Article, SitePage};
use crate::error::{Error, Result};
use crate::render::{ALWAYS, Page, PageKeys, Renderer};

/// Renders every page; `taken` holds the output files of every other page
/// of the site, by which a page's URL is refused (with its file and line)
/// when an article, listing or another page has it. The masthead's list of
/// languages comes from `archive`.
pub fn render(
    pages: &[SitePage],
    (articles, archive): (&[Article], &Archive),
    settings: &Settings,
    renderer: &Renderer,
    taken: &PageKeys,
) -> Result<Vec<Page>> {
    if pages.is_empty() {
        return Ok(Vec::new());
    }
    collisions(pages, articles, taken)?;
    // Only some bodies can link to an article: the others need no map of
    // every article's URL.
    let linked = pages.iter().any(|p| crate::content::may_link(&p.body));
    let linker = Linker::new(if linked { articles } else { &[] }, settings);
    let languages = crate::render::languages(archive, settings);
    pages
        .iter()
        .map(|p| renderer.render_site_page(p, &linker.render_page(p, settings), settings, languages.as_ref()))
        .collect::<Result<Vec<Page>>>()
}

/// An error for every page whose URL is already another's. Keys of
/// `ALWAYS` are files made outside the templates (redirects, indexes, and
/// in a rebuild the pages themselves as last written): not checked here.
fn collisions(pages: &[SitePage], articles: &[Article], taken: &PageKeys) -> Result<()> {
    let mut errors = Vec::new();
    let mut seen: rustc_hash::FxHashMap<&str, &SitePage> = Default::default();
    for p in pages {
        let file = format!("{}index.html", p.rel_url);
        let what = if let Some(first) = seen.insert(&p.rel_url, p) {
            Some(format!("the page {}", first.path.display()))
        } else if taken.get(&file).is_some_and(|k| *k != ALWAYS) {
            Some(match articles.iter().find(|a| a.rel_url == p.rel_url) {
                Some(a) => format!("the article {}", a.path.display()),
                None => "a page dateline makes (a listing, tag, author, archive, quotes or search page)"
                    .to_string(),
            })
        } else {
            None
        };
        if let Some(what) = what {
            let message = format!(
                "the page URL /{} is already the URL of {what}: give this page another `url:` or `slug:`",
                p.rel_url
            );
            errors.push(Error::content(&p.path, p.line, 1, message));
        }
    }
    Error::from_many(errors).map_or(Ok(()), Err)
}
