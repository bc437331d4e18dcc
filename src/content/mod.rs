//! Finding articles and assets under `content/` and turning each file into a
//! validated [`Article`].

mod entities;
mod frontmatter;
mod pullquotes;
mod split;
mod syntax;
mod toml_front;

use std::path::{Path, PathBuf};

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;
use serde_json::{Map, Value};

pub use entities::decode as decode_entities;
pub use frontmatter::{At, FrontMatter, KNOWN_KEYS};
use pullquotes::read_pullquotes;
pub use pullquotes::{ChosenQuote, Pullquotes};
pub use split::{Format, Split, SplitError, split};
pub use syntax::Foreign;

use crate::config::{DateFallback, Settings};
use crate::error::{Error, Warning};
use crate::slug::slugify;

/// The folder of articles, relative to the site root.
pub const CONTENT_DIR: &str = "content";

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
    /// After this moment the article is no longer published.
    pub expires: Option<Zoned>,
    /// Old URL paths (site-relative, e.g. `old/path/` or `old.html`) that redirect here.
    pub aliases: Vec<String>,
    /// Keys without a built-in meaning.
    pub extra: Map<String, Value>,
    /// The Markdown body.
    pub body: String,
    /// File line where the body starts.
    pub body_line: usize,
    /// A hash of the whole file, to tell when it changed.
    pub source_hash: u64,
    /// Whether the body mentions `.md`, i.e. may link to other articles.
    pub links_articles: bool,
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
    /// Markdown files read (including broken ones and drafts).
    pub read: usize,
}

/// Reads every article and asset under `root/content` (and `root/static`).
pub fn load(root: &Path, settings: &Settings, drafts: bool) -> Loaded {
    let mut loaded = Loaded::default();
    let sources;
    let problems;
    (sources, loaded.assets, problems) = discover_warned(root);
    loaded.errors = problems.errors;
    loaded.warnings = problems.warnings;
    loaded.read = sources.len();
    let results: Vec<_> = sources
        .par_iter()
        .map(|rel| {
            let (result, warnings) = read(root, rel, settings);
            let found = result.as_ref().map(|a| syntax::find(&a.body)).unwrap_or_default();
            (result, warnings, found)
        })
        .collect();
    let mut foreign = Vec::new();
    for (result, warnings, found) in results {
        loaded.warnings.extend(warnings);
        match result {
            Ok(a) if a.draft && !drafts => {}
            Ok(a) => {
                foreign.extend(found.into_iter().map(|k| (k, a.path.clone())));
                loaded.articles.push(a);
            }
            Err(e) => loaded.errors.extend(e),
        }
    }
    loaded.warnings.extend(syntax::warnings(foreign));
    loaded
}

/// Finds the articles (paths relative to `root`, in name order) and the
/// files to copy under `root/content` and `root/static`.
pub fn discover(root: &Path) -> (Vec<PathBuf>, Vec<Asset>, Vec<Error>) {
    let (sources, assets, problems) = discover_warned(root);
    (sources, assets, problems.errors)
}

/// [`discover`], with the warnings about symlinks not followed.
fn discover_warned(root: &Path) -> (Vec<PathBuf>, Vec<Asset>, Problems) {
    let (mut sources, mut assets, mut problems) = (Vec::new(), Vec::new(), Problems::default());
    for (dir, prefix) in [(CONTENT_DIR, true), ("static", false)] {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        walk(
            &base,
            &mut |path, rel| {
                if prefix && rel.ends_with(".md") {
                    sources.push(path);
                } else {
                    assets.push(Asset { source: root.join(&path), rel });
                }
            },
            root,
            &mut problems,
        );
    }
    (sources, assets, problems)
}

/// Reads and parses the article at `rel` (relative to `root`).
pub fn read(root: &Path, rel: &Path, settings: &Settings) -> Parsed {
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
    let modified = match settings.config.date_fallback {
        DateFallback::FileMtime => std::fs::metadata(&full).and_then(|m| m.modified()).ok(),
        DateFallback::None => None,
    };
    parse_file(&text, rel, settings, modified)
}

/// Walks `base` in name order, skipping hidden and editor-temporary files,
/// and calls `found(path relative to root, path relative to base)`.
///
/// A symlink to a file inside the site root is read like the file; a symlink
/// that leads out of the site root, to a folder, or nowhere is skipped with a
/// warning (an error if it is a broken link named as an article), so content can never pull
/// in (and publish) files from elsewhere on the machine, and a symlink loop
/// cannot hang the walk. FIFOs and devices are never opened.
fn walk(base: &Path, found: &mut dyn FnMut(PathBuf, String), root: &Path, loaded: &mut Problems) {
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Hidden files and editor droppings are passed over at every level.
    let keep = |e: &walkdir::DirEntry| {
        let name = e.file_name().to_string_lossy();
        !(name.starts_with('.') || e.file_type().is_file() && is_ignored(&name))
    };
    // What is right under `base` (an archive's years) is walked side by side,
    // each entry into its own list; the lists are then taken in name order,
    // so the result is that of one walk in name order. Only what touches
    // `loaded` or `found` (symlinks, problems) happens in that last, serial
    // pass. (A walkdir walk limited to the top level would still read every
    // folder in it.)
    let mut top: Vec<PathBuf> = Vec::new();
    match std::fs::read_dir(base) {
        Ok(entries) => {
            for entry in entries {
                match entry {
                    Ok(e) => top.push(e.path()),
                    Err(e) => loaded.errors.push(Error::io(base, e)),
                }
            }
        }
        Err(e) => loaded.errors.push(Error::io(base, e)),
    }
    top.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let steps: Vec<Vec<Step>> = top
        .par_iter()
        .map(|path| {
            // A symlink on top is reported like any other, not walked into.
            let walk = walkdir::WalkDir::new(path)
                .follow_root_links(false)
                .sort_by(|a, b| by_name(a.path(), b.path()));
            walk.into_iter().filter_entry(keep).map(|entry| step(entry, base, root)).collect()
        })
        .collect();
    for step in steps.into_iter().flatten() {
        match step {
            Step::Found(rel_root, rel) => found(rel_root, rel),
            Step::Symlink(e) => {
                if symlink_ok(&e, root, &real_root, loaded) {
                    let (rel_root, rel) = relative(&e, base, root);
                    found(rel_root, rel);
                }
            }
            Step::NotRegular(path) => {
                // A FIFO, socket or device: reading one can block for ever.
                let why = "not a regular file (a FIFO, socket or device): replace it with a plain file";
                complain(&path, root, why, loaded);
            }
            Step::Failed(e) => {
                let path = e.path().unwrap_or(base).to_path_buf();
                loaded.errors.push(Error::io(&path, e.into()));
            }
            Step::Folder => {}
        }
    }
}

/// The order of two entries of one folder by name, as walkdir's own
/// `sort_by_file_name` gives it. That calls `Path::file_name` on both at
/// every comparison, parsing the paths from their ends (1.3% of a
/// 10,000-article build's instructions); the entries of one folder share
/// their parent's path, so comparing whole paths is the same and is one
/// `memcmp`.
fn by_name(a: &Path, b: &Path) -> std::cmp::Ordering {
    a.as_os_str().cmp(b.as_os_str())
}

/// What the walk makes of one entry, before anything is recorded.
enum Step {
    /// A file: its path relative to the site root and to the walked folder.
    Found(PathBuf, String),
    /// A symlink, to be checked.
    Symlink(walkdir::DirEntry),
    NotRegular(PathBuf),
    Failed(walkdir::Error),
    Folder,
}

fn step(entry: walkdir::Result<walkdir::DirEntry>, base: &Path, root: &Path) -> Step {
    match entry {
        Ok(e) if e.path_is_symlink() => Step::Symlink(e),
        Ok(e) if e.file_type().is_file() => {
            let (rel_root, rel) = relative(&e, base, root);
            Step::Found(rel_root, rel)
        }
        Ok(e) if !e.file_type().is_dir() => Step::NotRegular(e.into_path()),
        Ok(_) => Step::Folder,
        Err(e) => Step::Failed(e),
    }
}

/// The path of `e` relative to the site root, and relative to `base` with `/`.
fn relative(e: &walkdir::DirEntry, base: &Path, root: &Path) -> (PathBuf, String) {
    let rel_base = e.path().strip_prefix(base).unwrap_or(e.path());
    let rel_root = e.path().strip_prefix(root).unwrap_or(e.path());
    let rel = rel_base.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
    (rel_root.to_path_buf(), rel)
}

/// Whether the symlink `e` is a file inside the site root; complains when
/// not. Links refused by policy (outside the root, to a folder) are warnings;
/// broken ones (a loop, no target, a FIFO) go through [`complain`].
fn symlink_ok(e: &walkdir::DirEntry, root: &Path, real_root: &Path, loaded: &mut Problems) -> bool {
    let refused = match std::fs::canonicalize(e.path()) {
        Err(err) => {
            let why = format!("symlink not followed: it leads nowhere readable ({err})");
            complain(e.path(), root, &why, loaded);
            return false;
        }
        Ok(target) if !target.starts_with(real_root) => {
            "symlink not followed: it points outside the site root"
        }
        Ok(target) if target.is_dir() => {
            "symlink not followed: it points to a folder; link the files instead"
        }
        Ok(target) if !target.is_file() => {
            let why = "symlink not followed: it points to a FIFO, socket or device, not a plain file";
            complain(e.path(), root, why, loaded);
            return false;
        }
        Ok(_) => return true,
    };
    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
    loaded
        .warnings
        .push(Warning { at: crate::error::Location::new(rel, 0, 0), message: refused.to_string() });
    false
}

/// Reports a file the walk cannot take: an error when it is named as an
/// article (an article would silently go missing), a warning otherwise.
fn complain(path: &Path, root: &Path, why: &str, loaded: &mut Problems) {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if rel.starts_with(CONTENT_DIR) && rel.extension().is_some_and(|x| x == "md") {
        loaded.errors.push(Error::content(rel, 0, 0, why));
    } else {
        loaded
            .warnings
            .push(Warning { at: crate::error::Location::new(rel, 0, 0), message: why.to_string() });
    }
}

/// What a walk found wrong.
#[derive(Default)]
struct Problems {
    errors: Vec<Error>,
    warnings: Vec<Warning>,
}

/// Hidden files and the temporary files editors write beside the real one
/// (`.#x.md`, `x.md~`, `.x.md.swp`, and vim's probe file `4913`).
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.chars().all(|c| c.is_ascii_digit())
}

/// An article or every error found in its file, and its warnings.
pub type Parsed = (std::result::Result<Article, Vec<Error>>, Vec<Warning>);

/// Parses one article file; `rel` is its path relative to the site root.
pub fn parse(text: &str, rel: &Path, settings: &Settings) -> Parsed {
    parse_file(text, rel, settings, None)
}

/// [`parse`], with the file's last-modified time for `date_fallback: file_mtime`.
pub fn parse_file(
    text: &str,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> Parsed {
    let mut warnings = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parts = match split(text) {
        Ok(p) => p,
        Err(SplitError::NoFrontMatter(line)) => {
            let msg = "no front matter: start the file with a `---` line, then `title:` and `date:`, then `---` (or TOML between `+++` lines)";
            return (Err(vec![Error::content(rel, line, 1, msg)]), warnings);
        }
        Err(SplitError::Unclosed(line)) => {
            let msg = match text.trim_start().starts_with("+++") {
                true => "front matter is not closed: add a `+++` line after the last field",
                false => "front matter is not closed: add a `---` line after the last field",
            };
            return (Err(vec![Error::content(rel, line, 1, msg)]), warnings);
        }
    };
    if settings.config.quotes && parts.body.len() > crate::quotes::MAX_BODY {
        let message = format!(
            "the body is {} KiB: quotes are not looked for in bodies over {} KiB",
            parts.body.len() >> 10,
            crate::quotes::MAX_BODY >> 10
        );
        warnings.push(Warning { at: crate::error::Location::new(rel, parts.body_line, 0), message });
    }
    let entries = match parts.format {
        Format::Yaml => crate::yaml::parse_front_matter(parts.front, parts.front_line, rel),
        Format::Toml => toml_front::parse_front_matter(parts.front, parts.front_line, rel),
    };
    let entries = match entries {
        Ok(e) => e,
        Err(e) => return (Err(vec![e]), warnings),
    };
    let mut errors = Vec::new();
    let fm = frontmatter::read(entries, rel, &mut errors, &mut warnings);
    let article = validate(fm, &parts, rel, settings, modified, &mut errors);
    match article {
        Some(mut a) if errors.is_empty() => {
            // Only compared within one process (watch mode), so a fast
            // non-keyed hash does: SipHash cost 1% of a build here.
            a.source_hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, text);
            (Ok(a), warnings)
        }
        _ => (Err(errors), warnings),
    }
}

fn validate(
    fm: FrontMatter,
    parts: &Split<'_>,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
    errors: &mut Vec<Error>,
) -> Option<Article> {
    let fence = parts.front_line - 1;
    let raw_stem = bundle_stem(rel);
    let stem = match crate::dates::from_file_name(&raw_stem) {
        Some(_) => raw_stem[10..].trim_start_matches('-').to_string(),
        None => raw_stem.clone(),
    };
    let title = match fm.title {
        Some(t) if !t.value.trim().is_empty() => Some(decode_entities(t.value.trim())),
        Some(t) => {
            errors.push(Error::content(rel, t.line, 1, "`title` is empty: write the headline"));
            None
        }
        None => {
            errors.push(Error::content(
                rel,
                fence,
                1,
                "missing `title`: add a line such as `title: Council approves budget`",
            ));
            None
        }
    };
    let date = match &fm.date {
        Some(d) => crate::dates::parse(&d.value, &settings.tz)
            .map_err(|e| errors.push(Error::content(rel, d.line, 1, format!("`date`: {e}"))))
            .ok(),
        None => undated(rel, &raw_stem, settings, modified).or_else(|| {
            let msg = "missing `date`: add a line such as `date: 2024-02-01`, name the file 2024-02-01-slug.md, or set `date_fallback: file_mtime` in site.yaml";
            errors.push(Error::content(rel, fence, 1, msg));
            None
        }),
    };
    let updated = optional_date(fm.updated.as_ref(), "updated", rel, settings, errors);
    let slug = match &fm.slug {
        Some(s) => {
            let slug = slugify(&s.value);
            if slug.is_empty() {
                errors.push(Error::content(rel, s.line, 1, "`slug` has no letters or digits"));
            }
            slug
        }
        None => {
            let slug = slugify(&stem);
            if slug.is_empty() { title.as_deref().map(slugify).unwrap_or_default() } else { slug }
        }
    };
    let expires = optional_date(fm.expires.as_ref(), "expires", rel, settings, errors);
    let aliases = crate::publish::read_aliases(fm.aliases.as_ref(), rel, errors);
    let pullquotes = read_pullquotes(fm.pullquotes, rel, errors);
    let (title, date) = (title?, date?);
    if slug.is_empty() {
        errors.push(Error::content(
            rel,
            fence,
            1,
            "cannot make a URL from the file name or title: add a `slug:`",
        ));
        return None;
    }
    let rel_url = expand_permalink(&settings.config.permalink, &date, &slug);
    check_tags(&fm.tags, fm.tags_line.0, rel, errors);
    let mut tags = fm.tags;
    if settings.config.categories_as_tags {
        check_tags(&fm.categories, fm.tags_line.1, rel, errors);
        tags.extend(fm.categories);
    }
    let decoded = |items: Vec<String>| dedup(items.iter().map(|s| decode_entities(s)).collect());
    Some(Article {
        path: rel.to_path_buf(),
        title,
        date,
        updated,
        authors: decoded(fm.authors),
        tags: decoded(tags),
        summary: fm.summary.as_deref().map(decode_entities),
        slug,
        draft: fm.draft,
        image: fm.image,
        source: fm.source,
        pullquotes,
        expires,
        aliases,
        extra: fm.extra,
        body: parts.body.to_string(),
        source_hash: 0,
        links_articles: parts.body.contains(".md"),
        body_line: parts.body_line,
        rel_url,
    })
}

/// More tags than this on one article is a broken export, not an editor's
/// choice; and since each tag's page and feed show the article with all its
/// tags, the work grows with the square of the count.
pub const MAX_TAGS: usize = 1000;

/// A tag must be able to have a page: one without letters or digits has no
/// URL, and listings would leave it out without a word.
fn check_tags(tags: &[String], line: usize, rel: &Path, errors: &mut Vec<Error>) {
    if tags.len() > MAX_TAGS {
        let msg = format!(
            "{} tags: at most {MAX_TAGS} per article (is this a broken export?); keep the ones readers browse by",
            tags.len()
        );
        errors.push(Error::content(rel, line, 1, msg));
    }
    for tag in tags.iter().filter(|t| slugify(&decode_entities(t)).is_empty()) {
        let msg = format!(
            "tag `{tag}` has no letters or digits, so it cannot have a page: spell it out or remove it"
        );
        errors.push(Error::content(rel, line, 1, msg));
    }
}

/// Parses an optional date field, reporting a bad one under its key.
fn optional_date(
    field: Option<&At<String>>,
    key: &str,
    rel: &Path,
    settings: &Settings,
    errors: &mut Vec<Error>,
) -> Option<Zoned> {
    let d = field?;
    crate::dates::parse(&d.value, &settings.tz)
        .map_err(|e| errors.push(Error::content(rel, d.line, 1, format!("`{key}`: {e}"))))
        .ok()
}

/// The date of an article whose front matter has none: from the file name
/// (`2019-03-04-title.md`), its folders (`2019/03/04/title.md`), or the
/// configured fallback.
fn undated(
    rel: &Path,
    stem: &str,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> Option<Zoned> {
    let folders = rel.parent().into_iter().flat_map(|p| p.iter()).filter_map(|s| s.to_str());
    let day = crate::dates::from_file_name(stem).or_else(|| crate::dates::from_folders(folders));
    if let Some(day) = day {
        return day.to_zoned_datetime(settings.tz.clone()).ok();
    }
    let ts = jiff::Timestamp::try_from(modified?).ok()?;
    Some(ts.to_zoned_datetime(settings.tz.clone()))
}

/// The file name without extension; a bundle's `index.md` takes its folder's name.
fn bundle_stem(rel: &Path) -> String {
    let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if stem != "index" {
        return stem;
    }
    rel.parent().and_then(|p| p.file_name()).map_or(stem, |s| s.to_string_lossy().into_owned())
}

fn expand_permalink(pattern: &str, date: &Zoned, slug: &str) -> String {
    use std::fmt::Write as _;
    // One pass: values put in are never read again for tokens.
    let pattern = pattern.trim_start_matches('/');
    let mut out = String::with_capacity(pattern.len() + slug.len());
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let token = [":year", ":month", ":day", ":slug"].into_iter().find(|t| rest.starts_with(t));
        match token {
            Some(":year") => drop(write!(out, "{:04}", date.year())),
            Some(":month") => drop(write!(out, "{:02}", date.month())),
            Some(":day") => drop(write!(out, "{:02}", date.day())),
            Some(_) => out.push_str(slug),
            None => out.push(':'),
        }
        rest = &rest[token.map_or(1, str::len)..];
    }
    out.push_str(rest);
    out
}

/// Removes repeats, ignoring case, keeping the first spelling.
fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|o| o.to_lowercase() == item.to_lowercase()) {
            out.push(item);
        }
    }
    out
}

/// An error for every article whose URL an earlier one already took.
pub fn duplicate_urls(articles: &[Article]) -> Vec<Error> {
    let mut seen: rustc_hash::FxHashMap<&str, &Path> = rustc_hash::FxHashMap::default();
    let mut errors = Vec::new();
    for a in articles {
        if let Some(first) = seen.insert(&a.rel_url, &a.path) {
            errors.push(Error::DuplicateUrl {
                url: format!("/{}", a.rel_url),
                first: first.to_path_buf(),
                second: a.path.clone(),
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests;
