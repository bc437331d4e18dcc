//! `dateline check`: reads a built site back and reports broken internal
//! links, missing images, `#fragment`s without a matching id, and article
//! pages that no listing links to.

pub mod scan;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One problem, on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The page, as the output folder plus its path (`public/x/index.html`).
    pub page: PathBuf,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.page.display(), self.message)
    }
}

/// What the checker knows about the site besides its files.
#[derive(Debug, Clone)]
pub struct Expect<'a> {
    /// Path part of the base URL (`/` or `/news/`); root-relative links must start with it.
    pub base_path: &'a str,
    /// Output-relative folders of the article pages (`2024/02/01/x/`).
    pub articles: Vec<&'a str>,
}

/// Loads the site at `root` (with the same options as its build) to learn
/// its base path and articles, then checks the built site in `out`.
pub fn check_built(root: &Path, out: &Path, options: &crate::BuildOptions) -> Result<Vec<Problem>> {
    let site = crate::Site::load(root, options)?;
    let expect = Expect {
        base_path: &site.settings.base_path,
        articles: site.articles.iter().map(|a| a.rel_url.as_str()).collect(),
    };
    check(out, &expect)
}

/// A page read back: where its links point and which ids it has.
struct Scanned {
    links: Vec<(String, &'static str)>,
    ids: HashSet<String>,
    redirect: bool,
}

/// Checks the site in `out`; returns every problem, sorted by page.
pub fn check(out: &Path, expect: &Expect<'_>) -> Result<Vec<Problem>> {
    let files = list_files(out)?;
    let mut pages: HashMap<&str, Scanned> = HashMap::new();
    for rel in files.iter().filter(|f| is_html(f)) {
        let path = out.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        pages.insert(rel, scan_page(&String::from_utf8_lossy(&bytes)));
    }
    let articles: HashSet<String> = expect.articles.iter().map(|a| format!("{a}index.html")).collect();
    let mut problems = Vec::new();
    let mut listed: HashSet<String> = HashSet::new();
    let mut names: Vec<&&str> = pages.keys().collect();
    names.sort();
    for rel in names {
        let page = &pages[*rel];
        let from_listing = !articles.contains(*rel) && !page.redirect;
        let mut report = |message: String| problems.push(Problem { page: out.join(rel), message });
        for (link, kind) in &page.links {
            match resolve(rel, link, expect.base_path, &files) {
                Target::External => {}
                Target::Broken(why) => {
                    let why = if *kind == "img" && why == NO_PAGE { "no such file".to_string() } else { why };
                    report(format!("{} {link} ({why})", broken(kind)))
                }
                Target::File(file, fragment) => {
                    if from_listing {
                        listed.insert(file.clone());
                    }
                    let Some(id) = fragment else { continue };
                    let has = pages.get(file.as_str()).is_some_and(|p| p.ids.contains(&id));
                    if !has && id != "top" {
                        report(format!("broken fragment {link} (no id \"{id}\" on that page)"));
                    }
                }
            }
        }
    }
    let mut orphans: Vec<&String> =
        articles.iter().filter(|a| files.contains(a.as_str()) && !listed.contains(*a)).collect();
    orphans.sort();
    for a in orphans {
        problems.push(Problem {
            page: out.join(a),
            message: "orphaned: no listing page links to this article".into(),
        });
    }
    Ok(problems)
}

const NO_PAGE: &str = "no such page";

fn broken(kind: &str) -> &'static str {
    if kind == "img" { "missing image" } else { "broken link" }
}

fn is_html(rel: &str) -> bool {
    rel.ends_with(".html") || rel.ends_with(".htm")
}

/// Every file under `out`, relative, with `/` separators.
fn list_files(out: &Path) -> Result<HashSet<String>> {
    if !out.is_dir() {
        return Err(Error::io(
            out,
            std::io::Error::other("no built site here: run `dateline build` first, or pass --output"),
        ));
    }
    let mut files = HashSet::new();
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.map_err(|e| Error::io(out, e.into()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(out).unwrap_or(entry.path());
            let rel: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            files.insert(rel.join("/"));
        }
    }
    Ok(files)
}

fn scan_page(html: &str) -> Scanned {
    let mut page = Scanned { links: Vec::new(), ids: HashSet::new(), redirect: false };
    for tag in scan::tags(html) {
        for (name, value) in &tag.attrs {
            match name.as_str() {
                "href" | "src" => {
                    let kind = if tag.name == "img" { "img" } else { "link" };
                    page.links.push((value.clone(), kind));
                }
                "id" => {
                    page.ids.insert(value.clone());
                }
                "name" if tag.name == "a" => {
                    page.ids.insert(value.clone());
                }
                "http-equiv" if value.eq_ignore_ascii_case("refresh") => page.redirect = true,
                _ => {}
            }
        }
    }
    page
}

/// Where a link points.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Another site, `mailto:`, `data:`: not ours to check.
    External,
    /// A file of the site, and the fragment asked for.
    File(String, Option<String>),
    /// Why it points nowhere.
    Broken(String),
}

/// Resolves `link`, found on the page `page` (output-relative), to a file.
fn resolve(page: &str, link: &str, base_path: &str, files: &HashSet<String>) -> Target {
    let link = link.trim();
    if link.is_empty() || has_scheme(link) || link.starts_with("//") {
        return Target::External;
    }
    let (rest, fragment) = match link.split_once('#') {
        Some((r, f)) => (r, (!f.is_empty()).then(|| decode(f))),
        None => (link, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let rel = if path.is_empty() {
        return Target::File(page.to_string(), fragment);
    } else if let Some(abs) = path.strip_prefix('/') {
        match format!("/{abs}").strip_prefix(base_path) {
            Some(r) => r.to_string(),
            None => return Target::Broken(format!("outside the base path {base_path}")),
        }
    } else {
        let dir = page.rfind('/').map_or("", |i| &page[..=i]);
        format!("{dir}{path}")
    };
    let Some(rel) = normalise(&decode(&rel)) else {
        return Target::Broken("leaves the site".into());
    };
    let candidates = if rel.is_empty() || rel.ends_with('/') {
        vec![format!("{rel}index.html")]
    } else {
        vec![rel.clone(), format!("{rel}/index.html")]
    };
    match candidates.into_iter().find(|c| files.contains(c)) {
        Some(file) => Target::File(file, fragment),
        None => Target::Broken(NO_PAGE.into()),
    }
}

/// `a/./b/../c/` -> `a/c/`; `None` if it climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        match *s {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            "" if i != last => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn has_scheme(link: &str) -> bool {
    match link.find(':') {
        Some(i) => {
            let scheme = &link[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Percent-decodes, leaving malformed escapes as they are.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
