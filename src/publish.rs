//! Publishing rules: which articles go out now (embargoes and expiry), and the
//! redirect pages that keep an article's old URLs (`aliases`) alive.
//!
//! "Now" is the only time-dependent input of a build; it is taken once, when
//! the build starts, and can be fixed through [`crate::BuildOptions::now`].

use std::collections::HashMap;
use std::path::Path;

use jiff::Timestamp;

use crate::config::Settings;
use crate::content::{Article, At};
use crate::error::Error;
use crate::render::views::escape;
use crate::render::{Page, PageKeys};

/// Keeps the articles that are live at `now`: not dated after it (unless
/// `future`), and not expired at it.
pub fn select(articles: Vec<Article>, future: bool, now: Timestamp) -> Vec<Article> {
    articles.into_iter().filter(|a| is_live(a, future, now)).collect()
}

/// Whether `a` is published at `now`.
pub fn is_live(a: &Article, future: bool, now: Timestamp) -> bool {
    let embargoed = a.date.timestamp() > now;
    let expired = a.expires.as_ref().is_some_and(|e| e.timestamp() <= now);
    (future || !embargoed) && !expired
}

/// Validates the `aliases` of one article, reporting each bad one at its line.
/// Returns the output files (e.g. `old/path/index.html`) of the good ones.
pub fn read_aliases(field: Option<&At<Vec<String>>>, rel: &Path, errors: &mut Vec<Error>) -> Vec<String> {
    let Some(At { value, line }) = field else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in value {
        match alias_file(raw) {
            Ok(file) => out.push(file),
            Err(why) => errors.push(Error::content(
                rel,
                *line,
                1,
                format!("alias `{raw}` {why}: write a path inside the site, such as `/2019/old-story/`"),
            )),
        }
    }
    out
}

/// The output file for the old URL path `raw`, or why it cannot be one.
///
/// Percent-escapes are decoded before checking, so `%2e%2e/` is as refused
/// as `../`; the decoded form is what a web server would map to a file.
pub fn alias_file(raw: &str) -> Result<String, &'static str> {
    let raw = raw.trim();
    if raw.contains("://") || raw.starts_with("//") {
        return Err("is a full URL, not a path");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err("contains an encoded slash");
    }
    let decoded = percent_decode(raw).ok_or("has a broken percent-escape")?;
    if decoded.contains('\\') {
        return Err("contains a backslash");
    }
    if decoded.chars().any(char::is_control) {
        return Err("contains a control character");
    }
    if decoded.contains(':') {
        return Err("contains `:` (a drive letter or scheme)");
    }
    let path = decoded.strip_prefix('/').unwrap_or(&decoded);
    if path.starts_with('/') {
        return Err("is an absolute path");
    }
    let dir = path.ends_with('/') || path.is_empty();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Err("contains `.` or `..`");
    }
    if path.split('/').count() > segments.len() + usize::from(dir) {
        return Err("contains an empty segment (`//`)");
    }
    let joined = segments.join("/");
    let file = if joined.is_empty() {
        "index.html".to_string()
    } else if !dir && (joined.ends_with(".html") || joined.ends_with(".htm")) {
        joined
    } else {
        format!("{joined}/index.html")
    };
    crate::output::check_path(&file).map_err(|_| "is not a plain path")?;
    Ok(file)
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_forms_map_to_files() {
        assert_eq!(alias_file("/old/path/").unwrap(), "old/path/index.html");
        assert_eq!(alias_file("old/path").unwrap(), "old/path/index.html");
        assert_eq!(alias_file("/old/story.html").unwrap(), "old/story.html");
        assert_eq!(alias_file("/caf%C3%A9/").unwrap(), "café/index.html");
        assert_eq!(alias_file("/").unwrap(), "index.html");
    }

    #[test]
    fn alias_paths_cannot_leave_the_output() {
        for bad in [
            "../x/",
            "/a/../../x/",
            "/a/./b/",
            "..\\x",
            "/a\\..\\b",
            "%2e%2e/x/",
            "/%2E%2E/%2e%2e/etc/",
            "..%2fx",
            "..%5cx",
            "%2fetc/passwd",
            "//host/x/",
            "https://example.org/x/",
            "C:/x/",
            "C:\\x",
            "/a//b/",
            "/a%00b/",
            "/a%zz/",
        ] {
            assert!(alias_file(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn bad_alias_is_reported_at_its_line() {
        let mut errors = Vec::new();
        let field = At { value: vec!["/ok/".to_string(), "../up/".to_string()], line: 7 };
        let good = read_aliases(Some(&field), Path::new("content/a.md"), &mut errors);
        assert_eq!(good, ["ok/index.html"]);
        let msg = errors[0].to_string();
        assert!(msg.starts_with("content/a.md:7:1: alias `../up/`"), "{msg}");
    }
}
