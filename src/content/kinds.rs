//! Which files under `content/` are articles.
//!
//! Archives come with the extensions their tools wrote: Jekyll's default is
//! `.markdown`, older sites use `.mdown` or `.mkd`, and Jekyll and Hugo both
//! build `.html` files that start with front matter. Section and index pages
//! (Hugo's and Zola's `_index.md`, an `index.md` above other articles) hold
//! the text of a listing, not an article: they are set aside with a note.
//! Jekyll's machinery folders (`_layouts`, `_includes`, ...) hold templates,
//! never articles, and are neither read nor published.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::Asset;
use crate::error::{Location, Warning};

/// Extensions of Markdown articles, as the tools archives come from write them.
pub const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn"];

/// Jekyll folders of templates, includes, data and build output.
const MACHINERY: &[&str] = &["_layouts", "_includes", "_sass", "_data", "_site", "_plugins"];

/// Extensions of documents in formats dateline does not read, worth naming
/// when an archive holds them (an image or a PDF under `content/` is not).
const OTHER_DOCUMENTS: &[&str] = &["textile", "rst", "org", "adoc", "asciidoc", "txt", "rmd", "ipynb"];

/// What an article's body is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// Markdown, with raw HTML allowed as the site says.
    #[default]
    Markdown,
    /// HTML, as old Jekyll and Hugo posts are.
    Html,
}

impl BodyFormat {
    /// The format of the file at `rel`, by its extension.
    pub fn of(rel: &Path) -> BodyFormat {
        match extension(rel).as_str() {
            "html" | "htm" => BodyFormat::Html,
            _ => BodyFormat::Markdown,
        }
    }
}

/// Whether the extension of `rel` is one articles are written with
/// (Markdown, or HTML, which is an article only when it has front matter).
pub fn is_article_path(rel: &Path) -> bool {
    let ext = extension(rel);
    MARKDOWN_EXTENSIONS.contains(&ext.as_str()) || ext == "html" || ext == "htm"
}

fn extension(rel: &Path) -> String {
    rel.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

/// Whether the file at `full` is an article candidate: Markdown by its
/// name, or HTML whose first line opens front matter (an HTML file without
/// it is a page published as it is).
fn is_article(full: &Path, rel: &Path) -> bool {
    let ext = extension(rel);
    if MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
        return true;
    }
    (ext == "html" || ext == "htm") && opens_front_matter(full)
}

/// The file opens with front matter (YAML or TOML, after any byte-order mark).
pub(super) fn opens_front_matter(full: &Path) -> bool {
    let mut head = [0u8; 256];
    let Ok(mut file) = std::fs::File::open(full) else {
        // Left to the reader, which reports why it cannot be read.
        return true;
    };
    let n = file.read(&mut head).unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("---") || text.starts_with("+++")
}

/// What the walk of `content/` found, sorted out.
#[derive(Debug, Default)]
pub struct Sources {
    /// Article files, relative to the site root, in path order.
    pub articles: Vec<PathBuf>,
    /// Files under `content/pages/` read as pages, in path order.
    pub pages: Vec<PathBuf>,
    /// Files to copy.
    pub assets: Vec<Asset>,
    /// Section and index pages, not read.
    pub listings: Vec<PathBuf>,
    /// Files in Jekyll's machinery folders, not read.
    pub machinery: Vec<PathBuf>,
    /// Files under `content/` copied rather than read as articles.
    pub copied: usize,
    /// Documents in formats not read, by extension.
    pub other_documents: BTreeMap<String, Vec<PathBuf>>,
}

impl Sources {
    /// Sorts one file of `content/`: `path` is relative to the site root,
    /// `rel` to `content/`.
    pub fn add_content(&mut self, root: &Path, path: PathBuf, rel: String) {
        let folders = Path::new(&rel).parent().into_iter().flat_map(Path::iter);
        if folders.filter_map(|f| f.to_str()).any(|f| MACHINERY.contains(&f)) {
            self.machinery.push(path);
        } else if is_article(&root.join(&path), &path) {
            // A section page (`_index.md`) is set aside below, even there.
            let section = path.file_stem().is_some_and(|s| s == "_index");
            match super::page::is_page_path(&path) && !section {
                true => self.pages.push(path),
                false => self.articles.push(path),
            }
        } else {
            let ext = extension(&path);
            if OTHER_DOCUMENTS.contains(&ext.as_str()) {
                self.other_documents.entry(ext).or_default().push(path.clone());
            }
            self.copied += 1;
            self.assets.push(Asset { source: root.join(&path), rel });
        }
    }

    /// Moves section and index pages out of the articles: `_index.*`
    /// anywhere, and `index.*` at the top of `content/` or in a folder that
    /// holds other articles. An `index.md` alone in its folder is a page
    /// bundle (the article and its images) and stays an article.
    pub fn set_aside_listings(&mut self) {
        let all = &self.articles;
        // The walk is depth-first in name order, so the files under one
        // folder are neighbours: an index with another article under its
        // folder has one right before or after it.
        let is_listing = |i: usize| {
            let p = &all[i];
            match p.file_stem().and_then(|s| s.to_str()) {
                Some("_index") => true,
                Some("index") => {
                    let dir = p.parent().unwrap_or(Path::new(""));
                    let beside =
                        |j: Option<usize>| j.and_then(|j| all.get(j)).is_some_and(|o| o.starts_with(dir));
                    dir.parent().is_none_or(|d| d.as_os_str().is_empty())
                        || beside(i.checked_sub(1))
                        || beside(Some(i + 1))
                }
                _ => false,
            }
        };
        let listing: Vec<bool> = (0..all.len()).map(is_listing).collect();
        if !listing.contains(&true) {
            return;
        }
        let mut flags = listing.into_iter();
        let (listings, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            std::mem::take(&mut self.articles).into_iter().partition(|_| flags.next().unwrap_or(false));
        self.articles = articles;
        self.listings = listings;
    }

    /// Files under `content/` not read as articles.
    pub fn not_read(&self) -> usize {
        self.listings.len() + self.machinery.len() + self.copied
    }

    /// One note per kind of file set aside, naming the first few.
    pub fn notes(&self) -> Vec<Warning> {
        let mut notes = Vec::new();
        let mut note = |files: &[PathBuf], what: String| {
            if let Some(first) = files.first() {
                let names: Vec<String> = files.iter().take(5).map(|p| p.display().to_string()).collect();
                let more =
                    if files.len() > 5 { format!(" and {} more", files.len() - 5) } else { String::new() };
                let message = format!("{what}: {}{more}", names.join(", "));
                notes.push(Warning { at: Location::new(first, 0, 0), message });
            }
        };
        note(
            &self.listings,
            format!(
                "{} section or index page(s) are not articles and were not read (dateline makes the listings itself; move any text worth keeping into an article or a template)",
                self.listings.len()
            ),
        );
        note(
            &self.machinery,
            format!(
                "{} file(s) in Jekyll's template and data folders were not read nor published",
                self.machinery.len()
            ),
        );
        for (ext, files) in &self.other_documents {
            let msg = format!(
                "{} .{ext} file(s) are not read as articles (only Markdown and HTML with front matter are) and were copied as they are: convert them to Markdown to publish them as articles",
                files.len()
            );
            note(files, msg);
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(paths: &[&str]) -> Sources {
        let articles = paths.iter().map(PathBuf::from).collect();
        let mut s = Sources { articles, ..Sources::default() };
        s.set_aside_listings();
        s
    }

    #[test]
    fn section_pages_are_set_aside_and_bundles_kept() {
        let s = sources(&[
            "content/_index.md",
            "content/posts/_index.md",
            "content/posts/a.md",
            "content/posts/bundle/index.md",
            "content/index.html",
            "content/blog/index.html",
            "content/blog/2020-01-01-b.markdown",
        ]);
        let names = |v: &[PathBuf]| v.iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(&s.articles),
            ["content/posts/a.md", "content/posts/bundle/index.md", "content/blog/2020-01-01-b.markdown"]
        );
        assert_eq!(
            names(&s.listings),
            ["content/_index.md", "content/posts/_index.md", "content/index.html", "content/blog/index.html"]
        );
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(BodyFormat::of(Path::new("a/b.HTML")), BodyFormat::Html);
        assert_eq!(BodyFormat::of(Path::new("a/b.markdown")), BodyFormat::Markdown);
        assert!(is_article_path(Path::new("x.mdown")) && !is_article_path(Path::new("x.txt")));
    }
}
