//! Finding articles and assets under `content/` and turning each file into a
//! validated [`Article`].
//!
//! An archive brought from another tool is read as it is: Markdown under any
//! of its usual extensions, HTML posts with front matter, dates from the file
//! name, folders or old permalink; section and index pages are recognised and
//! left to the listings dateline builds itself.

mod aliases;
mod entities;
mod frontmatter;
mod html_body;
mod jekyll_url;
mod kinds;
mod kramdown;
mod language;
mod page;
mod parse;
mod pullquotes;
mod section_url;
mod shortcodes;
mod split;
mod syntax;
mod toml_front;
mod url_date;
mod validate;
mod walk;

use std::path::{Path, PathBuf};

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;
use serde_json::{Map, Value};

pub use entities::decode as decode_entities;
pub use frontmatter::{At, FrontMatter, KNOWN_KEYS};
pub(crate) use html_body::to_markdown as html_to_markdown;
pub use kinds::{BodyFormat, is_article_path};
pub use language::{Translation, default_code as default_language, link_translations};
pub use page::{PAGES_DIR, SitePage, is_page_path};
pub(crate) use parse::front_entries;
pub use parse::{Doc, Parsed, ParsedDoc, parse, parse_doc, parse_file, read, read_doc};
pub use pullquotes::{ChosenQuote, Pullquotes};
pub use split::{Format, Split, SplitError, split};
pub use syntax::Foreign;
pub use validate::{MAX_TAGS, duplicate_urls};
pub use walk::{JEKYLL_POSTS, discover, discover_pages, is_ignored};

use crate::config::Settings;
use crate::error::{Error, Location, Warning};

/// The folder of articles, relative to the site root.
pub const CONTENT_DIR: &str = "content";

/// Bodies longer than this (in bytes) are not searched for quotes: resolving
/// a name compares it with every name before it, so the time grows with the
/// square of the length, and no real article comes near it.
pub const MAX_QUOTED_BODY: usize = 1 << 20;

/// One article, validated: every field a later stage needs, already parsed.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the site root, e.g. `content/2024/budget.md`.
    pub path: PathBuf,
    /// Headline.
    pub title: String,
    /// Publication time, in the site's time zone.
    pub date: Zoned,
    /// Last significant update, if stated.
    pub updated: Option<Zoned>,
    /// Bylines, in the order written.
    pub authors: Vec<String>,
    /// Tags, in the order written, without duplicates.
    pub tags: Vec<String>,
    /// Summary from front matter.
    pub summary: Option<String>,
    /// Last URL segment.
    pub slug: String,
    /// Hidden unless drafts are built.
    pub draft: bool,
    /// Lead image URL.
    pub image: Option<String>,
    /// URL of the original publication.
    pub source: Option<String>,
    /// How this article's pull-out quotes are chosen.
    pub pullquotes: Pullquotes,
    /// `speakers` as written (a quote's opening words to its speaker), for
    /// the quotes stage, which checks it against the body.
    pub speakers: Option<At<Value>>,
    /// `not_quotes` as written (quoted words that are not quotes), likewise.
    pub not_quotes: Option<At<Value>>,
    /// After this moment the article is no longer published.
    pub expires: Option<Zoned>,
    /// Old URL paths (site-relative, e.g. `old/path/` or `old.html`) that redirect here.
    pub aliases: Vec<String>,
    /// Old URL paths worked out rather than written (a Jekyll post's from
    /// its site's permalink style): redirected to here unless something
    /// else of the site has that path, never an error.
    pub guessed_aliases: Vec<String>,
    /// Keys without a built-in meaning.
    pub extra: Map<String, Value>,
    /// The Markdown body.
    pub body: String,
    /// File line where the body starts.
    pub body_line: usize,
    /// A hash of the whole file, to tell when it changed.
    pub source_hash: u64,
    /// Whether the body may link to other articles: see [`may_link`].
    pub links_articles: bool,
    /// What the body is written in.
    pub format: BodyFormat,
    /// Its language code, as `site.yaml` lists it.
    pub lang: String,
    /// `ja/` for a language other than the site's default, empty otherwise:
    /// the folder its URL and its language's listings sit under.
    pub lang_prefix: String,
    /// What its translations share (see `translation_key`).
    pub translation_key: String,
    /// Its versions in other languages, set by [`link_translations`].
    pub translations: Vec<Translation>,
    /// Output path relative to the site root, e.g. `2024/02/01/budget/`.
    pub rel_url: String,
}

impl Article {
    /// When the article last changed: `updated`, or else `date`.
    pub fn modified(&self) -> &Zoned {
        self.updated.as_ref().unwrap_or(&self.date)
    }
}

/// A non-Markdown file under `content/` or `static/`, copied as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Where it is on disk.
    pub source: PathBuf,
    /// Where it goes, relative to the output root.
    pub rel: String,
}

/// What reading `content/` produced: the good articles, and every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Valid articles, in path order.
    pub articles: Vec<Article>,
    /// Files to copy.
    pub assets: Vec<Asset>,
    /// One or more errors per broken file.
    pub errors: Vec<Error>,
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
    /// Article files read (including broken ones and drafts).
    pub read: usize,
    /// Files under `content/` not read as articles (copied, or set aside).
    pub not_read: usize,
    /// Drafts left out (without `--drafts`), pages included.
    pub drafts: usize,
    /// Valid pages, in path order.
    pub pages: Vec<SitePage>,
}

/// Pages read, and what was wrong with the others.
#[derive(Debug, Default)]
pub struct LoadedPages {
    /// Valid pages (drafts only when asked for), in path order.
    pub pages: Vec<SitePage>,
    /// Draft pages left out.
    pub drafts: usize,
    /// One or more errors per broken file.
    pub errors: Vec<Error>,
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
}

/// Reads the pages at `paths` (relative to `root`); a file there that
/// turns out to be an article is passed over.
pub fn read_pages(root: &Path, paths: &[PathBuf], settings: &Settings, drafts: bool) -> LoadedPages {
    let mut loaded = LoadedPages::default();
    let results: Vec<ParsedDoc> = paths.par_iter().map(|rel| read_doc(root, rel, settings)).collect();
    for (result, warnings) in results {
        loaded.warnings.extend(warnings);
        match result {
            Ok(Doc::Page(p)) if p.draft && !drafts => loaded.drafts += 1,
            Ok(Doc::Page(p)) => loaded.pages.push(*p),
            Ok(Doc::Article(_)) => {}
            Err(e) => loaded.errors.extend(e),
        }
    }
    loaded
}

/// Reads every article and asset under `root/content` (and `root/static`).
pub fn load(root: &Path, settings: &Settings, drafts: bool) -> Loaded {
    let mut loaded = Loaded::default();
    let (sources, problems) = walk::discover_sorted(root);
    loaded.errors = problems.errors;
    loaded.warnings = problems.warnings;
    loaded.warnings.extend(sources.notes());
    loaded.read = sources.articles.len();
    loaded.not_read = sources.not_read();
    loaded.assets = sources.assets;
    let results: Vec<_> = sources
        .articles
        .par_iter()
        .map(|rel| {
            let (result, warnings) = read_doc(root, rel, settings);
            let found = match &result {
                Ok(Doc::Article(a)) => syntax::find(&a.body),
                _ => Default::default(),
            };
            (rel, result, warnings, found)
        })
        .collect();
    let mut foreign = Vec::new();
    let mut left_out: Vec<PathBuf> = Vec::new();
    let mut pages = read_pages(root, &sources.pages, settings, drafts);
    for (rel, result, warnings, found) in results {
        loaded.warnings.extend(warnings);
        match result {
            Ok(Doc::Article(a)) if a.draft && !drafts => {
                loaded.drafts += 1;
                left_out.push(a.path);
            }
            Ok(Doc::Article(a)) => {
                foreign.extend(found.into_iter().map(|k| (k, a.path.clone())));
                loaded.articles.push(*a);
            }
            // A `page: true` file among the articles.
            Ok(Doc::Page(p)) if p.draft && !drafts => pages.drafts += 1,
            Ok(Doc::Page(p)) => pages.pages.push(*p),
            Err(e) if in_drafts_folder(rel) && !drafts => {
                loaded.drafts += 1;
                loaded.warnings.extend(e.into_iter().map(draft_problem));
            }
            Err(e) => loaded.errors.extend(e),
        }
    }
    pages.pages.sort_by(|a, b| a.path.cmp(&b.path));
    drop_draft_bundle_files(root, &mut loaded.assets, left_out.iter().map(PathBuf::as_path));
    loaded.drafts += pages.drafts;
    loaded.errors.extend(pages.errors);
    loaded.warnings.extend(pages.warnings);
    loaded.pages = pages.pages;
    loaded.warnings.extend(syntax::warnings(foreign));
    loaded
}

/// Leaves out the files of draft bundles (`posts/plan/index.md` with
/// `draft: true`): a bundle's images are published with its article, so a
/// draft's must wait with it.
pub fn drop_draft_bundle_files<'a>(
    root: &Path,
    assets: &mut Vec<Asset>,
    drafts: impl Iterator<Item = &'a Path>,
) {
    let folders: Vec<PathBuf> =
        drafts.filter(|rel| is_bundle_index(rel)).filter_map(|rel| Some(root.join(rel.parent()?))).collect();
    if !folders.is_empty() {
        assets.retain(|a| !folders.iter().any(|f| a.source.starts_with(f)));
    }
}

/// Whether `rel` is a page bundle's article (`posts/plan/index.md`, or
/// `index.ja.md` in a language), whose folder is its own.
fn is_bundle_index(rel: &Path) -> bool {
    rel.file_stem().is_some_and(|s| s == "index" || s.to_string_lossy().starts_with("index."))
}

/// A file in Jekyll's `_drafts/`, which Jekyll reads only when asked to:
/// without `--drafts`, a half-written draft must not stop the build of what
/// is published, so its problems are told as [`draft_problem`] warnings.
pub fn in_drafts_folder(rel: &Path) -> bool {
    rel.iter().any(|c| c == "_drafts")
}

/// A problem in a draft that is not being built, told as a warning.
pub fn draft_problem(e: Error) -> Warning {
    let (at, message) = match e {
        Error::Content { at, message } => (at, message),
        other => (Location::new(other.path().unwrap_or(Path::new("")), 1, 1), other.to_string()),
    };
    Warning { at, message: format!("{message} (a draft in `_drafts/`, not built; fix it before `--drafts`)") }
}

/// Whether a body may link to other articles: only one mentioning `.md` or
/// `@` (a reference by source such as Zola's `@/blog/post.md`) can.
pub fn may_link(body: &str) -> bool {
    body.contains(".md") || body.contains('@')
}

#[cfg(test)]
mod tests;
