//! Publishing rules: which articles go out now (embargoes and expiry), and the
//! redirect pages that keep an article's old URLs (`aliases`) alive.
//!
//! "Now" is the only time-dependent input of a build; it is taken once, when
//! the build starts, and can be fixed through [`crate::BuildOptions::now`].

use std::collections::HashMap;
use std::path::Path;

use jiff::Timestamp;

use crate::config::Settings;
use crate::content::Article;
use crate::error::Error;
use crate::escape::escape;
use crate::render::{Page, PageKeys};

/// Articles a build left out, by reason, so an empty site says why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Marked `draft: true`.
    pub drafts: usize,
    /// Dated after the build's "now".
    pub embargoed: usize,
    /// Past their `expires` date.
    pub expired: usize,
}

impl LeftOut {
    /// One line per reason that left something out, naming what includes
    /// it: `1 draft not built (--drafts to include)`.
    pub fn lines(&self) -> Vec<String> {
        let plural =
            |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        let mut lines = Vec::new();
        if self.drafts > 0 {
            lines.push(format!("{} not built (--drafts to include)", plural(self.drafts, "draft", "drafts")));
        }
        if self.embargoed > 0 {
            let what = plural(self.embargoed, "embargoed article", "embargoed articles");
            lines.push(format!("{what} not built: dated in the future (--future to include)"));
        }
        if self.expired > 0 {
            let what = plural(self.expired, "expired article", "expired articles");
            lines.push(format!(
                "{what} not built: past its `expires` date (remove or change `expires` to include)"
            ));
        }
        lines
    }
}

/// Keeps the articles that are live at `now`: not dated after it (unless
/// `future`), and not expired at it; counts the others.
pub fn select(articles: Vec<Article>, future: bool, now: Timestamp) -> (Vec<Article>, LeftOut) {
    let mut left = LeftOut::default();
    let live = articles
        .into_iter()
        .filter(|a| {
            if a.expires.as_ref().is_some_and(|e| e.timestamp() <= now) {
                left.expired += 1;
            } else if !future && a.date.timestamp() > now {
                left.embargoed += 1;
            } else {
                return true;
            }
            false
        })
        .collect();
    (live, left)
}

/// Whether `a` is published at `now`.
pub fn is_live(a: &Article, future: bool, now: Timestamp) -> bool {
    let embargoed = a.date.timestamp() > now;
    let expired = a.expires.as_ref().is_some_and(|e| e.timestamp() <= now);
    (future || !embargoed) && !expired
}

/// An error for every alias that is another article's page or another
/// article's alias, naming both files.
pub fn alias_collisions(articles: &[Article]) -> Vec<Error> {
    let mut owner: HashMap<String, &Path> =
        articles.iter().map(|a| (format!("{}index.html", a.rel_url), a.path.as_path())).collect();
    let mut errors = Vec::new();
    for a in articles {
        for file in &a.aliases {
            if let Some(first) = owner.get(file.as_str()) {
                errors.push(Error::content(
                    &a.path,
                    0,
                    0,
                    format!(
                        "alias /{} is already the URL of {} (or one of its aliases): remove it from one of them",
                        alias_url(file),
                        first.display()
                    ),
                ));
            } else {
                owner.insert(file.clone(), &a.path);
            }
        }
    }
    errors
}

/// The redirect pages of every alias; `pages` holds every other page of the
/// site, so an alias over a listing page is an error, not an overwrite.
pub fn alias_pages(articles: &[Article], settings: &Settings, pages: &PageKeys) -> Result<Vec<Page>, Error> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for a in articles {
        for file in &a.aliases {
            if pages.contains_key(file) {
                errors.push(Error::content(
                    &a.path,
                    0,
                    0,
                    format!(
                        "alias /{} collides with the generated page {file}: choose another old path",
                        alias_url(file)
                    ),
                ));
                continue;
            }
            out.push(Page { path: file.clone(), bytes: redirect_html(a, settings).into_bytes() });
        }
    }
    // Guessed old URLs give way to any page or written alias, and the first
    // article to guess a path keeps it.
    let mut taken: rustc_hash::FxHashSet<String> = out.iter().map(|p| p.path.clone()).collect();
    for a in articles {
        for file in &a.guessed_aliases {
            if !pages.contains_key(file) && taken.insert(file.clone()) {
                out.push(Page { path: file.clone(), bytes: redirect_html(a, settings).into_bytes() });
            }
        }
    }
    Error::from_many(errors).map_or(Ok(out), Err)
}

/// `old/index.html` -> `old/`, for messages.
fn alias_url(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

/// A page that sends readers and crawlers on to the article's URL.
pub fn redirect_html(a: &Article, settings: &Settings) -> String {
    let url = escape(&settings.url(&a.rel_url));
    let canonical = escape(&settings.permalink(&a.rel_url));
    let title = escape(&a.title);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n\
         <p>This story has moved to <a href=\"{url}\">{title}</a>.</p>\n</body>\n</html>\n",
        lang = escape(&settings.config.language),
    )
}
