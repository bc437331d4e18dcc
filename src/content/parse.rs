//! Reading one article file: bytes to text, text to front matter and body,
//! front matter to a validated [`Article`].

use std::path::Path;

use super::page::{self, SitePage};
use super::split::{Format, Split, SplitError, split};
use super::{Article, At, FrontMatter, frontmatter, toml_front, validate};
use crate::config::{DateFallback, Settings};
use crate::error::{Error, Warning};

/// Reads and parses the article at `rel` (relative to `root`); a page
/// comes back as an empty list of errors (see [`read_doc`]).
pub fn read(root: &Path, rel: &Path, settings: &Settings) -> Parsed {
    only_article(read_doc(root, rel, settings))
}

/// An article or a page, as a file holds it.
#[derive(Debug, Clone)]
pub enum Doc {
    /// A dated article.
    Article(Box<Article>),
    /// An undated page.
    Page(Box<SitePage>),
}

/// An article or page, or every error found in its file, and its warnings.
pub type ParsedDoc = (std::result::Result<Doc, Vec<Error>>, Vec<Warning>);

fn only_article((result, warnings): ParsedDoc) -> Parsed {
    match result {
        Ok(Doc::Article(a)) => (Ok(*a), warnings),
        Ok(Doc::Page(_)) => (Err(Vec::new()), warnings),
        Err(e) => (Err(e), warnings),
    }
}

/// Reads and parses the file at `rel` (relative to `root`): an article, or
/// a page when it is under `content/pages/` or says `page: true`.
pub fn read_doc(root: &Path, rel: &Path, settings: &Settings) -> ParsedDoc {
    let full = root.join(rel);
    let bytes = match std::fs::read(&full) {
        Ok(b) => b,
        Err(e) => return (Err(vec![Error::io(rel, e)]), Vec::new()),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let msg = "is not UTF-8 text: save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)";
            return (Err(vec![Error::content(rel, line, 0, msg)]), Vec::new());
        }
    };
    // Jekyll's drafts carry no date until they are published.
    let draft_folder = rel.iter().any(|c| c == "_drafts");
    let modified = match settings.config.date_fallback {
        _ if draft_folder => std::fs::metadata(&full).and_then(|m| m.modified()).ok(),
        DateFallback::FileMtime => std::fs::metadata(&full).and_then(|m| m.modified()).ok(),
        DateFallback::None => None,
    };
    parse_doc(&text, rel, settings, modified)
}

/// An article or every error found in its file, and its warnings.
pub type Parsed = (std::result::Result<Article, Vec<Error>>, Vec<Warning>);

/// Parses one article file; `rel` is its path relative to the site root.
pub fn parse(text: &str, rel: &Path, settings: &Settings) -> Parsed {
    parse_file(text, rel, settings, None)
}

/// [`parse`], with the file's last-modified time for `date_fallback: file_mtime`.
///
/// A page (see [`validate::page_note`]) comes back as an empty list of
/// errors with a warning saying why it was not built.
pub fn parse_file(
    text: &str,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> Parsed {
    only_article(parse_doc(text, rel, settings, modified))
}

/// [`parse_file`] for articles and pages alike.
pub fn parse_doc(
    text: &str,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> ParsedDoc {
    let mut warnings = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parts = match split_located(text, rel) {
        Ok(p) => p,
        Err(e) => return (Err(vec![e]), warnings),
    };
    if settings.config.quotes.enabled && parts.body.len() > super::MAX_QUOTED_BODY {
        let message = format!(
            "the body is {} KiB: quotes are not looked for in bodies over {} KiB",
            parts.body.len() >> 10,
            super::MAX_QUOTED_BODY >> 10
        );
        warnings.push(Warning { at: crate::error::Location::new(rel, parts.body_line, 0), message });
    }
    let entries = match front_entries(&parts, rel) {
        Ok(e) => e,
        Err(e) => return (Err(vec![e]), warnings),
    };
    let mut errors = Vec::new();
    let mut fm = frontmatter::read(entries, rel, &mut errors, &mut warnings);
    fill_in(&mut fm, parts.front_line);
    if page::is_page_path(rel) || page::says_page(&fm) {
        let page = page::validate_page(fm, &parts, rel, settings, &mut errors);
        return match page {
            Some(p) if errors.is_empty() => (Ok(Doc::Page(Box::new(p))), warnings),
            _ => (Err(errors), warnings),
        };
    }
    if let Some(note) = validate::page_note(&fm, rel, settings, modified) {
        warnings.push(note);
        return (Err(errors), warnings);
    }
    let article = validate::validate(fm, &parts, rel, settings, modified, &mut errors, &mut warnings);
    match article {
        Some(mut a) if errors.is_empty() => {
            // Only compared within one process (watch mode), so a fast
            // non-keyed hash does: SipHash cost 1% of a build here.
            a.source_hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, text);
            (Ok(Doc::Article(Box::new(a))), warnings)
        }
        _ => (Err(errors), warnings),
    }
}

/// The entries of a split file's front matter, YAML or TOML.
pub(crate) fn front_entries(parts: &Split<'_>, rel: &Path) -> Result<Vec<crate::yaml::Entry>, Error> {
    match parts.format {
        Format::Yaml => {
            crate::yaml::parse_front_matter(parts.front, parts.front_line, rel).map(toml_front::lift)
        }
        Format::Toml => toml_front::parse_front_matter(parts.front, parts.front_line, rel),
    }
}

/// The file cut into front matter and body, or where and why it cannot be.
fn split_located<'a>(text: &'a str, rel: &Path) -> Result<Split<'a>, Error> {
    split(text).map_err(|e| match e {
        SplitError::NoFrontMatter(line) => {
            let msg = "no front matter: start the file with a `---` line, then `title:` and `date:`, then `---` (or TOML between `+++` lines)";
            Error::content(rel, line, 1, msg)
        }
        SplitError::Unclosed(line) => {
            let msg = match text.trim_start().starts_with("+++") {
                true => "front matter is not closed: add a `+++` line after the last field",
                false => "front matter is not closed: add a `---` line after the last field",
            };
            Error::content(rel, line, 1, msg)
        }
    })
}

/// Keys other tools date a post with when it has no `date` (Hugo's
/// `publishDate`, some exporters' `pubDate`, `published`, `created`).
const OTHER_DATE_KEYS: &[&str] =
    &["publishDate", "publishdate", "pubDate", "pubdate", "published", "created", "date_published"];

/// A date written under another tool's key, when there is no `date`.
fn fill_in(fm: &mut FrontMatter, line: usize) {
    if fm.date.is_none()
        && let Some(value) = OTHER_DATE_KEYS.iter().find_map(|k| fm.extra.get(*k)?.as_str())
    {
        fm.date = Some(At { value: value.to_string(), line });
    }
}
