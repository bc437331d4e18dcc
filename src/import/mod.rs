//! `dateline import wordpress`: a WordPress export (WXR) turned into a
//! dateline site, one Markdown file per post.
//!
//! Safe to run again: nothing is written until every file has been made in
//! memory and none of them would overwrite an existing file (unless
//! `force`), and the same export always gives the same files.

mod body;
mod plan;
mod post;
mod shortcodes;
mod write;
mod wxr;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What to import and where.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The site root; posts go to `ROOT/content/`.
    pub root: PathBuf,
    /// Also import pages, into `content/pages/`.
    pub pages: bool,
    /// A local copy of `wp-content/uploads`, copied to `static/wp-content/uploads`.
    pub media: Option<PathBuf>,
    /// Overwrite files that exist.
    pub force: bool,
}

/// What an import did, for its summary line.
#[derive(Debug, Default, Clone)]
pub struct ImportReport {
    /// Posts written (drafts included).
    pub posts: usize,
    /// Of those, drafts (draft, pending, private and scheduled posts).
    pub drafts: usize,
    /// Pages written (with `pages`).
    pub pages: usize,
    /// Items not imported, by kind.
    pub skipped: BTreeMap<String, usize>,
    /// Comments in the export (never imported).
    pub comments: usize,
    /// Shortcodes and blocks kept as text, by kind.
    pub unconverted: BTreeMap<String, usize>,
    /// Media files copied.
    pub media: usize,
    /// Every file written, relative to the root.
    pub written: Vec<PathBuf>,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |m: &BTreeMap<String, usize>| {
            m.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")
        };
        write!(f, "imported {} posts ({} drafts) and {} pages", self.posts, self.drafts, self.pages)?;
        if !self.skipped.is_empty() {
            write!(f, "; skipped: {}", list(&self.skipped))?;
        }
        if self.comments > 0 {
            write!(f, "; {} comments not imported (dateline has no comments)", self.comments)?;
        }
        if !self.unconverted.is_empty() {
            write!(f, "; kept as text, to finish by hand: {}", list(&self.unconverted))?;
        }
        if self.media > 0 {
            write!(f, "; {} media files copied", self.media)?;
        }
        Ok(())
    }
}

/// Imports the WordPress export at `export` into `options.root`.
pub fn wordpress(export: &Path, options: &ImportOptions) -> Result<ImportReport> {
    let bytes = std::fs::read(export).map_err(|e| Error::io(export, e))?;
    let xml = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        Error::content(export, line, 1, "the export is not UTF-8: WordPress writes UTF-8; export it again")
    })?;
    let data = wxr::read(&xml, export)?;
    let (files, mut report) = plan::files(&data, options);
    let media = match &options.media {
        Some(dir) => write::media_files(dir)?,
        None => Vec::new(),
    };
    write::check_free(&options.root, &files, &media, options.force)?;
    write::all(&options.root, &files)?;
    report.media = write::copy_media(&options.root, &media)?;
    report.written = files.into_iter().map(|f| f.0).collect();
    Ok(report)
}
