//! Pages: the undated text every paper has (About us, Contact, Corrections
//! policy, Ethics), published with the site's layout but in no listing.
//!
//! A file is a page when it is under `content/pages/` or says `page: true`
//! in its front matter. Its URL is stable and independent of dates, so that
//! menus (`nav` in `site.yaml`) can link to it: the `url` key when given,
//! else its path under `content/pages/` without the extension
//! (`content/pages/about.md` is `/about/`, `content/pages/policies/ethics.md`
//! is `/policies/ethics/`, a bundle's `index.md` takes its folder's name),
//! else (`page: true` elsewhere) `/<slug>/`. A `slug` replaces the last
//! segment.

use std::path::{Path, PathBuf};

use jiff::ZonedDateTime as Zoned;
use serde_json::{Map, Value};

use super::split::Split;
use super::{BodyFormat, CONTENT_DIR, FrontMatter, decode_entities, language, validate};
use crate::config::Settings;
use crate::error::Error;
use crate::slug::slugify;

/// The folder of pages under `content/`.
pub const PAGES_DIR: &str = "pages";

/// One page, validated.
#[derive(Debug, Clone)]
pub struct SitePage {
    /// Path relative to the site root, e.g. `content/pages/about.md`.
    pub path: PathBuf,
    /// Its heading and title.
    pub title: String,
    /// Summary from front matter, for `<meta name="description">`.
    pub summary: Option<String>,
    /// Last revision, when stated (shown as "Last updated").
    pub updated: Option<Zoned>,
    /// Hidden unless drafts are built.
    pub draft: bool,
    /// Keys without a built-in meaning, for templates as `page.extra`.
    pub extra: Map<String, Value>,
    /// The Markdown body.
    pub body: String,
    /// Its language code.
    pub lang: String,
    /// `ja/` for a page of a language section, empty otherwise.
    pub lang_prefix: String,
    /// Output path relative to the site root, e.g. `about/`.
    pub rel_url: String,
    /// The line of the front matter's opening fence, for errors about the page as a whole.
    pub line: usize,
}

/// Whether the file at `rel` (relative to the site root) is under
/// `content/pages/`, or at the top of a Jekyll site built as it is (no other
/// document is read from the top).
pub fn is_page_path(rel: &Path) -> bool {
    rel.strip_prefix(CONTENT_DIR).is_ok_and(|r| r.starts_with(PAGES_DIR) && r.iter().count() > 1)
        || rel.iter().count() == 1
}

/// Whether front matter marks its file as a page (`page: true`).
pub(super) fn says_page(fm: &FrontMatter) -> bool {
    fm.extra.get("page") == Some(&Value::Bool(true))
}

/// Turns front matter as written into a [`SitePage`], reporting every problem.
pub(super) fn validate_page(
    mut fm: FrontMatter,
    parts: &Split<'_>,
    rel: &Path,
    settings: &Settings,
    errors: &mut Vec<Error>,
) -> Option<SitePage> {
    let fence = parts.front_line - 1;
    let title = validate::title_of(fm.title.as_ref(), rel, fence, errors);
    let updated = validate::optional_date(fm.updated.as_ref(), "updated", rel, settings, errors);
    let written_url =
        ["url", "permalink"].iter().find_map(|k| fm.extra.get(*k)?.as_str().map(str::to_string));
    let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let lang = language::of(rel, &stem, &fm.extra, settings);
    let rel_url = match written_url {
        Some(url) => url_of(&url).map_err(|m| errors.push(Error::content(rel, fence, 1, m))).ok(),
        None => default_url(rel, fm.slug.as_ref().map(|s| s.value.as_str()), title.as_deref(), &lang.prefix)
            .map_or_else(
                || {
                    let msg = "cannot make a URL from the file name or title: add a `url:` such as /about/";
                    errors.push(Error::content(rel, fence, 1, msg));
                    None
                },
                |u| Some(lang.prefix.clone() + &u),
            ),
    };
    let (title, rel_url) = (title?, rel_url?);
    if !errors.is_empty() {
        return None;
    }
    for key in ["page", "url", "permalink", "layout"] {
        fm.extra.remove(key);
    }
    let unpublished = fm.extra.get("published") == Some(&Value::Bool(false));
    let body = match BodyFormat::of(rel) {
        BodyFormat::Markdown => parts.body.to_string(),
        BodyFormat::Html => super::html_body::to_markdown(parts.body),
    };
    Some(SitePage {
        path: rel.to_path_buf(),
        title,
        summary: fm.summary.as_deref().map(decode_entities),
        updated,
        draft: fm.draft || unpublished,
        extra: fm.extra,
        body,
        lang: lang.code,
        lang_prefix: lang.prefix,
        rel_url,
        line: fence,
    })
}

/// A `url` as written (`/about/`, `about`, `/policies/corrections/`) as an
/// output folder relative to the site root (`about/`), or why it cannot be.
fn url_of(written: &str) -> Result<String, String> {
    let trimmed = written.trim().trim_matches('/');
    let bad = trimmed.is_empty()
        || trimmed.contains("://")
        || trimmed.contains(['?', '#', '\\'])
        || trimmed.split('/').any(|s| s.is_empty() || s == "." || s == "..");
    if bad {
        return Err(format!(
            "`url: {written}` is not a page path: write a path such as /about/ or /policies/corrections/"
        ));
    }
    Ok(format!("{trimmed}/"))
}

/// The URL of a page without a `url`: its path under `content/pages/`
/// (slugified, a bundle's `index` dropped) or, elsewhere, its slug; a
/// `slug` replaces the last segment.
fn default_url(rel: &Path, slug: Option<&str>, title: Option<&str>, lang_prefix: &str) -> Option<String> {
    let under = rel.strip_prefix(Path::new(CONTENT_DIR).join(PAGES_DIR)).ok();
    let mut segments: Vec<String> = match under {
        Some(inner) => {
            // The language folder is the page's language prefix, added by the caller.
            let folder =
                lang_prefix.strip_suffix('/').filter(|f| inner.starts_with(f) && inner.iter().count() > 1);
            let inner = folder.map_or(inner, |f| inner.strip_prefix(f).unwrap_or(inner));
            let mut s: Vec<String> =
                inner.with_extension("").iter().map(|c| slugify(&c.to_string_lossy())).collect();
            if s.last().is_some_and(|l| l == "index" || l == "_index") {
                s.pop();
            }
            s
        }
        None => {
            let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let stem = if stem == "index" {
                rel.parent()
                    .and_then(|p| p.file_name())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or(stem)
            } else {
                stem
            };
            vec![slugify(&stem)]
        }
    };
    segments.retain(|s| !s.is_empty());
    let own = slug.map(slugify).filter(|s| !s.is_empty());
    match (own, segments.last_mut()) {
        (Some(s), Some(last)) => *last = s,
        (Some(s), None) => segments.push(s),
        (None, None) => segments.push(title.map(slugify).filter(|s| !s.is_empty())?),
        (None, Some(_)) => {}
    }
    Some(segments.join("/") + "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_from_paths_slugs_and_url_keys() {
        let url = |p: &str, slug: Option<&str>| default_url(Path::new(p), slug, Some("About Us"), "");
        assert_eq!(url("content/pages/about.md", None).as_deref(), Some("about/"));
        assert_eq!(
            url("content/pages/Policies/Ethics Code.md", None).as_deref(),
            Some("policies/ethics-code/")
        );
        assert_eq!(url("content/pages/contact/index.md", None).as_deref(), Some("contact/"));
        assert_eq!(url("content/pages/about.md", Some("about-us")).as_deref(), Some("about-us/"));
        assert_eq!(url("content/misc/subscribe.md", None).as_deref(), Some("subscribe/"));
        assert_eq!(url("content/pages/index.md", None).as_deref(), Some("about-us/"), "the title's slug");
        // A language folder is the prefix the caller adds, not a segment.
        let ja = |p: &str| default_url(Path::new(p), None, None, "ja/");
        assert_eq!(ja("content/pages/ja/about.md").as_deref(), Some("about/"));
        assert_eq!(ja("content/pages/ja.md").as_deref(), Some("ja/"), "a page named like the language");
        assert_eq!(url_of("/about/").as_deref(), Ok("about/"));
        assert_eq!(url_of("policies/corrections").as_deref(), Ok("policies/corrections/"));
        for bad in ["/", "https://x.org/a/", "/a/../b/", "/a?b", "a//b"] {
            assert!(url_of(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_files_inside_the_pages_folder_are_pages_by_place() {
        assert!(is_page_path(Path::new("content/pages/about.md")));
        assert!(!is_page_path(Path::new("content/pages.md")));
        assert!(!is_page_path(Path::new("content/2024/pages/x.md")));
    }
}
