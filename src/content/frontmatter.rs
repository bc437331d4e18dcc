//! The front matter as written: known fields read leniently, the rest kept.
//!
//! Built by hand from YAML entries rather than derived with serde because real
//! archives write the same field in several shapes (a list or a comma-separated
//! string, a number where text was meant) and each field needs its own line
//! for error messages.

use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, Location, Warning};
use crate::yaml::Entry;

/// Keys with a meaning; anything else goes to `extra`.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "author",
    "authors",
    "by",
    "tags",
    "summary",
    "slug",
    "draft",
    "image",
    "source",
    "pullquotes",
    "expires",
    "aliases",
    "speakers",
    "not_quotes",
];

/// A value and the file line it was written on.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Its line in the `.md` file.
    pub line: usize,
}

/// Front matter as the file states it, before validation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// `title`.
    pub title: Option<At<String>>,
    /// `date`, unparsed.
    pub date: Option<At<String>>,
    /// `updated`, unparsed.
    pub updated: Option<At<String>>,
    /// `author`, `authors` and `by`, merged; a string naming several people is split.
    pub authors: Vec<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// `categories` and `category` (also kept in `extra` as written).
    pub categories: Vec<String>,
    /// The lines of `tags` and of the last of `categories` and `category` (0: absent).
    pub tags_line: (usize, usize),
    /// `summary`.
    pub summary: Option<String>,
    /// `slug`.
    pub slug: Option<At<String>>,
    /// `draft`.
    pub draft: bool,
    /// `image`.
    pub image: Option<String>,
    /// `source`: URL of the original.
    pub source: Option<String>,
    /// `pullquotes`, left for the quotes stage to read.
    pub pullquotes: Option<At<Value>>,
    /// `expires`, unparsed: the article is dropped after this date.
    pub expires: Option<At<String>>,
    /// `aliases`: old URL paths that redirect here, unvalidated.
    pub aliases: Option<At<Vec<String>>>,
    /// `speakers`, left for the quotes stage to read.
    pub speakers: Option<At<Value>>,
    /// `not_quotes`, left for the quotes stage to read.
    pub not_quotes: Option<At<Value>>,
    /// Every other key.
    pub extra: Map<String, Value>,
}

/// Reads the entries of one file's front matter; problems go to `errors` and `warnings`.
// One match arm per key, each a few lines: better read as one table than split.
pub fn read(
    entries: Vec<Entry>,
    path: &Path,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Warning>,
) -> FrontMatter {
    let mut fm = FrontMatter::default();
    // Jekyll reads a string of tags or categories as words (`categories:
    // jekyll update`); a string with commas is a list everywhere.
    let jekyll = super::jekyll_url::in_posts_or_drafts(path);
    // Other tools' names for an update time and a summary, used when the
    // file has no `updated` or `summary` (and kept in `extra` as written).
    let (mut lastmod, mut described) = (None, None);
    for Entry { key, value, line } in entries {
        let mut wrong =
            |what: &str| errors.push(Error::content(path, line, 1, format!("`{key}` must be {what}")));
        match canonical(&key) {
            "title" => match text(&value) {
                Some(t) => fm.title = Some(At { value: t, line }),
                // `title:` left blank: reported once, as an empty headline.
                None if value.is_null() => fm.title = Some(At { value: String::new(), line }),
                None => wrong("text, such as `title: Council approves budget`"),
            },
            "date" | "updated" | "expires" => match text(&value) {
                Some(t) => {
                    let at = Some(At { value: t, line });
                    match canonical(&key) {
                        "date" => fm.date = at,
                        "updated" => fm.updated = at,
                        _ => fm.expires = at,
                    }
                }
                None => wrong("a date such as 2024-02-01 or 2024-02-01T18:30:00+01:00"),
            },
            "author" | "authors" | "by" => match names(&value) {
                Some(names) => fm.authors.extend(names),
                None => wrong("a name or a list of names"),
            },
            "categories" | "category" => {
                match words_or_list(&value, jekyll) {
                    Some(c) => {
                        fm.categories.extend(c);
                        fm.tags_line.1 = line;
                    }
                    None => wrong("a list such as `[news, politics]` or `news, politics`"),
                }
                fm.extra.insert(key, value);
            }
            "tags" => match words_or_list(&value, jekyll) {
                Some(tags) => {
                    fm.tags.extend(tags);
                    fm.tags_line.0 = line;
                }
                None => wrong("a list such as `[council, budget]` or `council, budget`"),
            },
            "summary" => fm.summary = optional_text(&value, &mut wrong),
            "image" => fm.image = web_address(optional_text(&image_address(&value), &mut wrong), &mut wrong),
            "source" => fm.source = web_address(optional_text(&value, &mut wrong), &mut wrong),
            "slug" => match text(&value) {
                Some(t) => fm.slug = Some(At { value: t, line }),
                None => wrong("text made of letters, digits and dashes"),
            },
            "draft" => match value {
                Value::Bool(b) => fm.draft = b,
                Value::Null => {}
                // Hand-edited archives quote it.
                Value::String(s)
                    if ["true", "yes", "false", "no"].contains(&s.trim().to_lowercase().as_str()) =>
                {
                    fm.draft = ["true", "yes"].contains(&s.trim().to_lowercase().as_str())
                }
                _ => wrong("true or false"),
            },
            "pullquotes" => fm.pullquotes = Some(At { value, line }),
            "speakers" => fm.speakers = Some(At { value, line }),
            "not_quotes" => fm.not_quotes = Some(At { value, line }),
            // jekyll-redirect-from's name for the same thing.
            "aliases" | "redirect_from" => match list(&value) {
                Some(paths) => match &mut fm.aliases {
                    Some(known) => known.value.extend(paths),
                    None => fm.aliases = Some(At { value: paths, line }),
                },
                None => wrong("a list of old URL paths, such as `[/old/path/]`"),
            },
            "lastmod" | "last_modified_at" | "modified" => {
                // Only a readable one: these keys were never checked by the old tool.
                lastmod = text(&value)
                    .filter(|t| crate::dates::parse(t, &jiff::tz::TimeZone::UTC).is_ok())
                    .map(|t| At { value: t, line });
                fm.extra.insert(key, value);
            }
            "description" | "excerpt" => {
                described = text(&value).filter(|t| !t.trim().is_empty());
                fm.extra.insert(key, value);
            }
            _ => {
                if let Some(meant) = likely_typo(&key) {
                    warnings.push(Warning {
                        at: Location::new(path, line, 1),
                        message: format!(
                            "unknown key `{key}`: did you mean `{meant}`? (kept as extra.{key})"
                        ),
                    });
                }
                fm.extra.insert(key, value);
            }
        }
    }
    if fm.updated.is_none() {
        fm.updated = lastmod;
    }
    if fm.summary.is_none() {
        fm.summary = described;
    }
    fm
}

/// Other tools' keys [`read`] takes besides [`KNOWN_KEYS`].
const OTHER_TOOLS_KEYS: &[&str] = &[
    "categories",
    "category",
    "redirect_from",
    "lastmod",
    "last_modified_at",
    "modified",
    "description",
    "excerpt",
];

/// `key`, or the key [`read`] knows that it spells in other letter case
/// (`Title:`, `lastMod:`), as Hugo reads keys without regard to case.
fn canonical(key: &str) -> &str {
    KNOWN_KEYS.iter().chain(OTHER_TOOLS_KEYS).find(|k| k.eq_ignore_ascii_case(key)).copied().unwrap_or(key)
}

fn optional_text(value: &Value, wrong: &mut impl FnMut(&str)) -> Option<String> {
    match value {
        Value::Null => None,
        v => match text(v) {
            Some(t) if t.trim().is_empty() => None,
            Some(t) => Some(t),
            None => {
                wrong("text");
                None
            }
        },
    }
}

/// `url` unless it would run script when followed (`javascript:`,
/// `vbscript:`, `data:`), which escaping alone cannot stop in an `href`.
fn web_address(url: Option<String>, wrong: &mut impl FnMut(&str)) -> Option<String> {
    let url = url?;
    // Browsers skip whitespace and control characters inside a scheme.
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"].iter().any(|s| squeezed.starts_with(s)) {
        wrong("a web address (https://..., or a path), not a script or data URL");
        return None;
    }
    Some(url)
}

/// Text from a string, number or boolean (YAML reads `title: 1984` as a number).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list from a YAML list, or a comma-separated string (each item's
/// quotes dropped: `a, "b c"`); blanks dropped.
fn list(value: &Value) -> Option<Vec<String>> {
    let items: Vec<String> = match value {
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().map(text).collect::<Option<_>>()?,
        Value::String(s) => s.split(',').map(|i| unquote(i.trim()).to_string()).collect(),
        other => vec![text(other)?],
    };
    Some(items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
}

/// [`list`], except that with `words` a string without commas is a list
/// of words, as Jekyll reads it.
fn words_or_list(value: &Value, words: bool) -> Option<Vec<String>> {
    match value {
        Value::String(s) if words && !s.contains(',') => {
            Some(s.split_whitespace().map(|w| unquote(w).to_string()).filter(|w| !w.is_empty()).collect())
        }
        other => list(other),
    }
}

fn unquote(s: &str) -> &str {
    let quoted =
        s.len() >= 2 && (s.starts_with('"') && s.ends_with('"') || s.starts_with('\'') && s.ends_with('\''));
    if quoted { &s[1..s.len() - 1] } else { s }
}

/// Bylines: a list as written, or one string split where it names several
/// people (`A and B`, `A, B`, `A & B`), as WordPress and Jekyll exports do.
fn names(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(s) => Some(split_names(s)),
        Value::Object(_) => Some(vec![person(value)?]),
        Value::Array(items) if items.iter().any(Value::is_object) => {
            let names: Option<Vec<String>> =
                items.iter().map(|v| if v.is_object() { person(v) } else { text(v) }).collect();
            Some(names?.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
        }
        other => list(other),
    }
}

/// The name in an author written as a map (`author: {name: Ann Lee, email: ...}`,
/// as Jekyll themes and Hugo's author data write it).
fn person(value: &Value) -> Option<String> {
    ["name", "display_name", "title"].iter().find_map(|k| text(value.get(*k)?))
}

/// The address in an image written as a map (`image: {path: /a.jpg, alt: ..}`,
/// as jekyll-seo-tag and themes write it).
fn image_address(value: &Value) -> Value {
    match value {
        Value::Object(m) => ["path", "url", "src", "feature", "image"]
            .iter()
            .find_map(|k| m.get(*k))
            .cloned()
            .unwrap_or(Value::Null),
        other => other.clone(),
    }
}

fn split_names(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    for sep in [",", " and ", " & ", " AND "] {
        out = out.iter().flat_map(|part| part.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    out.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

/// The known key one edit away from `key` (or a plural away), if any.
fn likely_typo(key: &str) -> Option<&'static str> {
    let lower = key.to_lowercase();
    // Numbered keys (`image1`, `image2`) are a theme's own, not a slip.
    if lower.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    KNOWN_KEYS
        .iter()
        // Keys of two or three letters are one edit from too many words.
        .find(|k| **k == lower || k.len() > 3 && edit_distance(&lower, k) <= 1)
        .copied()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let swap = i > 0 && j > 0 && a[i - 1] == *cb && *ca == b[j - 1];
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            if swap {
                cur[j + 1] = cur[j + 1].min(prev[j - 1] + 1);
            }
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;
