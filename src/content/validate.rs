//! Checking front matter as written against what an article needs, and
//! deriving what it leaves out (slug, date from the path, URL).

use std::path::Path;

use jiff::ZonedDateTime as Zoned;

use super::pullquotes::read_pullquotes;
use super::split::Split;
use super::{Article, At, BodyFormat, FrontMatter, decode_entities, language, url_date};
use crate::config::Settings;
use crate::error::{Error, Warning};
use crate::slug::slugify;

/// Turns front matter as written into an [`Article`], reporting every
/// problem; `None` when the article cannot be built.
pub(super) fn validate(
    mut fm: FrontMatter,
    parts: &Split<'_>,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) -> Option<Article> {
    let fence = parts.front_line - 1;
    let raw_stem = bundle_stem(rel, settings);
    let file_stem = rel.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
    let lang = language::of(rel, &file_stem, &fm.extra, settings);
    let title = headline(fm.title.as_ref(), parts, rel, &raw_stem, errors, warnings);
    let old_path = url_date::old_path(&fm.extra).map(str::to_string);
    let date = match &fm.date {
        Some(d) => read_date(&d.value, settings)
            .map_err(|e| errors.push(Error::content(rel, d.line, 1, format!("`date`: {e}"))))
            .ok(),
        None => undated(rel, &raw_stem, old_path.as_deref(), settings, modified).or_else(|| {
            let msg = "missing `date`: add a line such as `date: 2024-02-01`, name the file 2024-02-01-slug.md, or set `date_fallback: file_mtime` in site.yaml";
            errors.push(Error::content(rel, fence, 1, msg));
            None
        }),
    };
    let updated = optional_date(fm.updated.as_ref(), "updated", rel, settings, errors);
    let slug = slug_of(fm.slug.as_ref(), &raw_stem, title.as_deref(), rel, errors);
    let expires = optional_date(fm.expires.as_ref(), "expires", rel, settings, errors);
    let mut aliases = super::aliases::read_aliases(fm.aliases.as_ref(), rel, errors);
    let pullquotes = read_pullquotes(fm.pullquotes.take(), rel, errors);
    let (title, date) = (title?, date?);
    if slug.is_empty() {
        let msg = "cannot make a URL from the file name or title: add a `slug:`";
        errors.push(Error::content(rel, fence, 1, msg));
        return None;
    }
    let rel_url = lang.prefix.clone() + &expand_permalink(&settings.config.permalink, &date, &slug);
    let old_path_written = old_path.is_some();
    old_urls(&mut aliases, old_path.into_iter(), &rel_url);
    let mut guessed = Vec::new();
    let post = super::section_url::Post {
        rel,
        name: &raw_stem,
        slug: fm.slug.as_ref().map(|s| s.value.as_str()),
        title: &title,
        date: &date,
    };
    let old = old_site_urls(&fm, &post, parts, settings, old_path_written);
    old_urls(&mut guessed, old.into_iter(), &rel_url);
    guessed.retain(|g| !aliases.contains(g));
    let tags = tags_of(&fm, rel, settings, errors);
    Some(assemble(
        fm,
        parts,
        rel,
        Derived { title, date, updated, slug, tags, expires, aliases, guessed, rel_url, pullquotes, lang },
    ))
}

/// The URLs the tool an archive comes from gave `post` without writing
/// them down: a Jekyll post's, from its site's permalink style; a Hugo or
/// Zola post's (on a site with their configuration at the root, or with
/// TOML front matter), from its section and name, unless a URL key gave it.
fn old_site_urls(
    fm: &FrontMatter,
    post: &super::section_url::Post<'_>,
    parts: &Split<'_>,
    settings: &Settings,
    url_written: bool,
) -> Vec<String> {
    if fm.extra.get("permalink").is_some() {
        return Vec::new();
    }
    let style = settings.jekyll_permalink.as_deref();
    if let Some(url) =
        super::jekyll_url::post_url(post.rel, post.name, &fm.categories, post.slug, post.date, style)
    {
        return vec![url];
    }
    let hugo_or_zola = settings.section_permalinks.is_some() || parts.format == super::split::Format::Toml;
    if url_written || !hugo_or_zola {
        return Vec::new();
    }
    super::section_url::old_urls(post, settings.section_permalinks.as_deref().unwrap_or_default())
}

/// Adds the old URLs as aliases, so they keep working; an alias that is the
/// new URL `rel_url` (an import keeps every old link, whether or not the
/// scheme changed) has nothing to redirect.
fn old_urls(aliases: &mut Vec<String>, old: impl Iterator<Item = String>, rel_url: &str) {
    for path in old {
        if let Ok(file) = crate::paths::alias_file(&url_date::alias_of(&path))
            && !aliases.contains(&file)
        {
            aliases.push(file);
        }
    }
    let own = format!("{rel_url}index.html");
    aliases.retain(|file| *file != own);
}

/// Layouts that mark a page, not an article, in Jekyll and Hugo front matter.
const ARTICLE_LAYOUTS: &[&str] = &["post", "posts", "article", "single", "story", "news"];

/// A note when the file is a page of the old site (an about page, a 404
/// page, a home page): it names a layout other than a post's and has no date
/// anywhere. Such files are left out with this note instead of being
/// refused as articles without a date.
pub(super) fn page_note(
    fm: &FrontMatter,
    rel: &Path,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> Option<crate::error::Warning> {
    let layout = fm.extra.get("layout")?.as_str()?.trim().to_ascii_lowercase();
    if fm.date.is_some() || ARTICLE_LAYOUTS.contains(&layout.as_str()) {
        return None;
    }
    let old_path = url_date::old_path(&fm.extra);
    if undated(rel, &bundle_stem(rel, settings), old_path, settings, modified).is_some() {
        return None;
    }
    let message = format!(
        "a page (`layout: {layout}`, no date), not an article: not built; move it to content/pages/ or add `page: true` to publish it as a page"
    );
    Some(crate::error::Warning { at: crate::error::Location::new(rel, 1, 1), message })
}

/// What validation derived, to be put together with the rest of the front matter.
struct Derived {
    title: String,
    date: Zoned,
    updated: Option<Zoned>,
    slug: String,
    tags: Vec<String>,
    expires: Option<Zoned>,
    aliases: Vec<String>,
    guessed: Vec<String>,
    rel_url: String,
    pullquotes: super::Pullquotes,
    lang: language::Language,
}

fn assemble(fm: FrontMatter, parts: &Split<'_>, rel: &Path, d: Derived) -> Article {
    let decoded = |items: Vec<String>| dedup(items.iter().map(|s| decode_entities(s)).collect());
    // Jekyll hides `published: false` posts and everything in `_drafts/`.
    let unpublished = fm.extra.get("published").is_some_and(|v| v == &serde_json::Value::Bool(false))
        || rel.iter().any(|c| c == "_drafts");
    let format = BodyFormat::of(rel);
    let body = match format {
        BodyFormat::Markdown => super::syntax::write_out(parts.body),
        BodyFormat::Html => super::html_body::to_markdown(parts.body),
    };
    Article {
        path: rel.to_path_buf(),
        title: d.title,
        date: d.date,
        updated: d.updated,
        authors: decoded(fm.authors),
        tags: decoded(d.tags),
        summary: fm.summary.as_deref().map(decode_entities),
        slug: d.slug,
        draft: fm.draft || unpublished,
        image: fm.image,
        source: fm.source,
        pullquotes: d.pullquotes,
        speakers: fm.speakers,
        not_quotes: fm.not_quotes,
        expires: d.expires,
        aliases: d.aliases,
        guessed_aliases: d.guessed,
        extra: fm.extra,
        links_articles: super::may_link(&body),
        body,
        source_hash: 0,
        body_line: parts.body_line,
        format,
        rel_url: d.rel_url,
        lang: d.lang.code,
        lang_prefix: d.lang.prefix,
        translation_key: d.lang.key,
        translations: Vec::new(),
    }
}

pub(super) fn title_of(
    title: Option<&At<String>>,
    rel: &Path,
    fence: usize,
    errors: &mut Vec<Error>,
) -> Option<String> {
    match title {
        Some(t) if !t.value.trim().is_empty() => Some(decode_entities(t.value.trim())),
        Some(t) => {
            errors.push(Error::content(rel, t.line, 1, "`title` is empty: write the headline"));
            None
        }
        None => {
            let msg = "missing `title`: add a line such as `title: Council approves budget`";
            errors.push(Error::content(rel, fence, 1, msg));
            None
        }
    }
}

/// The headline as written, else an imported post's from its file name (with
/// a warning), else an error.
fn headline(
    title: Option<&At<String>>,
    parts: &Split<'_>,
    rel: &Path,
    stem: &str,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let fence = parts.front_line - 1;
    let Some(headline) = untitled_post(title, parts, rel, stem) else {
        return title_of(title, rel, fence, errors);
    };
    let message = format!(
        "no `title`: headed \"{headline}\" from the file name, as Jekyll does; add `title:` to choose the headline"
    );
    warnings.push(Warning { at: crate::error::Location::new(rel, fence, 1), message });
    Some(headline)
}

/// The headline of an imported post with none (no `title`, or a blank one),
/// made from its file name as Jekyll makes it (`2015-04-20-first-post.md`:
/// "First Post"). Only for files the tools that allow untitled posts wrote:
/// in Jekyll's `_posts/` or `_drafts/`, named with a date, or with Hugo's and
/// Zola's TOML front matter; elsewhere a missing headline is an error.
fn untitled_post(title: Option<&At<String>>, parts: &Split<'_>, rel: &Path, stem: &str) -> Option<String> {
    if title.is_some_and(|t| !t.value.trim().is_empty()) {
        return None;
    }
    let dated = crate::dates::split_file_name(stem);
    let jekyll = super::jekyll_url::in_posts_or_drafts(rel);
    if !(jekyll || dated.is_some() || parts.format == super::split::Format::Toml) {
        return None;
    }
    let words = dated.map_or(stem, |(_, rest)| rest).split(['-', '_', ' ']).filter(|w| !w.is_empty());
    let headline: Vec<String> = words
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    (!headline.is_empty()).then(|| headline.join(" "))
}

/// The `slug` as written, else the file name without its date, else the title.
fn slug_of(
    written: Option<&At<String>>,
    raw_stem: &str,
    title: Option<&str>,
    rel: &Path,
    errors: &mut Vec<Error>,
) -> String {
    if let Some(s) = written {
        let slug = slugify(&s.value);
        if slug.is_empty() {
            errors.push(Error::content(rel, s.line, 1, "`slug` has no letters or digits"));
        }
        return slug;
    }
    let stem = crate::dates::split_file_name(raw_stem).map_or(raw_stem, |(_, rest)| rest);
    let slug = slugify(stem);
    if slug.is_empty() { title.map(slugify).unwrap_or_default() } else { slug }
}

/// Tags, with categories when the site counts them as tags.
fn tags_of(fm: &FrontMatter, rel: &Path, settings: &Settings, errors: &mut Vec<Error>) -> Vec<String> {
    check_tags(&fm.tags, fm.tags_line.0, rel, errors);
    let mut tags = fm.tags.clone();
    if settings.config.categories_as_tags {
        check_tags(&fm.categories, fm.tags_line.1, rel, errors);
        tags.extend(fm.categories.iter().cloned());
    }
    tags
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
pub(super) fn optional_date(
    field: Option<&At<String>>,
    key: &str,
    rel: &Path,
    settings: &Settings,
    errors: &mut Vec<Error>,
) -> Option<Zoned> {
    let d = field?;
    read_date(&d.value, settings)
        .map_err(|e| errors.push(Error::content(rel, d.line, 1, format!("`{key}`: {e}"))))
        .ok()
}

/// A front-matter date, in the site's time zone when it has one.
fn read_date(text: &str, settings: &Settings) -> Result<Zoned, String> {
    match settings.config.timezone {
        Some(_) => crate::dates::parse(text, &settings.tz),
        None => crate::dates::parse_as_written(text, &settings.tz),
    }
}

/// The date of an article whose front matter has none: from the file name
/// (`2019-03-04-title.md`), its folders (`2019/03/04/title.md`), its old URL
/// (`permalink: /2019/03/04/title/`), or the configured fallback.
fn undated(
    rel: &Path,
    stem: &str,
    old_path: Option<&str>,
    settings: &Settings,
    modified: Option<std::time::SystemTime>,
) -> Option<Zoned> {
    let folders = rel.parent().into_iter().flat_map(|p| p.iter()).filter_map(|s| s.to_str());
    let day = crate::dates::from_file_name(stem)
        .or_else(|| crate::dates::from_folders(folders))
        .or_else(|| old_path.and_then(url_date::date_in));
    if let Some(day) = day {
        return day.to_zoned_datetime(settings.tz.clone()).ok();
    }
    let ts = jiff::Timestamp::try_from(modified?).ok()?;
    Some(ts.to_zoned_datetime(settings.tz.clone()))
}

/// The file name without extension (nor language suffix, `budget.ja.md`);
/// a bundle's `index.md` takes its folder's name.
fn bundle_stem(rel: &Path, settings: &Settings) -> String {
    let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = language::strip_suffix(&stem, settings).to_string();
    if stem != "index" {
        return stem;
    }
    rel.parent().and_then(|p| p.file_name()).map_or(stem, |s| s.to_string_lossy().into_owned())
}

pub(super) fn expand_permalink(pattern: &str, date: &Zoned, slug: &str) -> String {
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
