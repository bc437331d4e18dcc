//! Walking `content/` and `static/`: which files are articles, which are
//! copied as they are, and which the walk refuses (symlinks leading out of the
//! site, FIFOs), in name order so that every build sees the same list.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::kinds::{self, Sources};
use super::{Asset, CONTENT_DIR};
use crate::error::{Error, Warning};

/// Finds the articles (paths relative to `root`, in name order) and the
/// files to copy under `root/content` and `root/static`.
pub fn discover(root: &Path) -> (Vec<PathBuf>, Vec<Asset>, Vec<Error>) {
    let (sources, problems) = discover_sorted(root);
    (sources.articles, sources.assets, problems.errors)
}

/// The pages under `root/content/pages/`, or at the top of a Jekyll site
/// built as it is (paths relative to `root`, in name order): the few files a
/// rebuild reads every time.
pub fn discover_pages(root: &Path) -> Vec<PathBuf> {
    let base = root.join(CONTENT_DIR).join(super::page::PAGES_DIR);
    if !root.join(CONTENT_DIR).is_dir() {
        return if jekyll_posts(root).is_empty() { Vec::new() } else { jekyll_pages(root) };
    }
    if !base.is_dir() {
        return Vec::new();
    }
    let (mut sources, mut problems) = (Sources::default(), Problems::default());
    let mut found = |path: PathBuf, _: String| {
        let rel = path.strip_prefix(CONTENT_DIR).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        sources.add_content(root, path, rel);
    };
    walk(&base, &mut found, root, &mut problems);
    sources.pages
}

/// [`discover`], with every file sorted out and the walk's warnings.
pub(super) fn discover_sorted(root: &Path) -> (Sources, Problems) {
    let (mut sources, mut problems) = (Sources::default(), Problems::default());
    let posts = jekyll_posts(root);
    let jekyll = !posts.is_empty();
    for (dir, kind) in folders(posts) {
        let base = root.join(&dir);
        if !base.is_dir() {
            continue;
        }
        let mut found = |path: PathBuf, rel: String| match kind {
            Folder::Content => sources.add_content(root, path, rel),
            Folder::Static => sources.assets.push(Asset { source: root.join(&path), rel }),
            Folder::Kept => {
                let rel = format!("{dir}/{rel}");
                sources.assets.push(Asset { source: root.join(&path), rel })
            }
        };
        walk(&base, &mut found, root, &mut problems);
    }
    sources.set_aside_listings();
    if jekyll {
        sources.pages.extend(jekyll_pages(root));
    } else if !root.join(CONTENT_DIR).is_dir() {
        problems.warnings.extend(foreign_root(root));
    }
    (sources, problems)
}

/// The pages at the top of a Jekyll site built as it is (`about.md`): files
/// in a format dateline reads that open with front matter, as Jekyll
/// requires; not its home page or 404 page, which dateline makes.
fn jekyll_pages(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else { return Vec::new() };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| PathBuf::from(e.file_name()))
        .filter(|p| {
            let stem = p.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned());
            !stem.starts_with(['_', '.'])
                && !matches!(stem.as_str(), "index" | "404" | "README" | "readme" | "LICENSE")
                && kinds::is_article_path(p)
                && kinds::opens_front_matter(&root.join(p))
        })
        .collect();
    pages.sort();
    pages
}

/// What a folder of the site root holds.
#[derive(Clone, Copy)]
enum Folder {
    /// Articles and pages (and files beside them, copied).
    Content,
    /// Files copied to the top of the output.
    Static,
    /// Files copied under their folder's own name (a Jekyll site's `assets/`).
    Kept,
}

/// The folders articles and files are read from: `content/` and `static/`;
/// in a Jekyll site built as it is (its `posts` folders found, see
/// [`jekyll_posts`]), its posts and the folders its posts link images from,
/// copied as they are.
fn folders(posts: Vec<String>) -> Vec<(String, Folder)> {
    if posts.is_empty() {
        return vec![(CONTENT_DIR.into(), Folder::Content), ("static".into(), Folder::Static)];
    }
    let mut dirs: Vec<(String, Folder)> = posts.into_iter().map(|d| (d, Folder::Content)).collect();
    dirs.extend([("_drafts".into(), Folder::Content), ("static".into(), Folder::Static)]);
    dirs.extend(JEKYLL_FILES.iter().map(|d| (d.to_string(), Folder::Kept)));
    dirs
}

/// The posts folders of a Jekyll site built as it is (no `content/`):
/// `_posts/`, and `news/_posts/` for a category's posts, as Jekyll reads them.
fn jekyll_posts(root: &Path) -> Vec<String> {
    if root.join(CONTENT_DIR).is_dir() {
        return Vec::new();
    }
    let mut posts: Vec<String> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|d| !d.starts_with(['_', '.']) && root.join(d).join(JEKYLL_POSTS).is_dir())
        .map(|d| format!("{d}/{JEKYLL_POSTS}"))
        .collect();
    posts.sort();
    if root.join(JEKYLL_POSTS).is_dir() {
        posts.insert(0, JEKYLL_POSTS.to_string());
    }
    posts
}

/// A Jekyll site's posts, read in place when the site has no `content/`.
pub const JEKYLL_POSTS: &str = "_posts";

/// Folders a Jekyll site keeps its images and downloads in, by custom.
const JEKYLL_FILES: [&str; 5] = ["assets", "images", "img", "files", "uploads"];

/// A site root without `content/` that holds another tool's posts but no
/// `_posts/` to read in place: a note saying where they go, rather than a
/// silent build of nothing.
fn foreign_root(root: &Path) -> Option<Warning> {
    let posts = ["posts", "_drafts"].into_iter().find(|d| root.join(d).is_dir())?;
    let message = format!(
        "no content/ folder: dateline reads articles from content/, and this folder has {posts}/ \
         (another tool's posts?): move the site's source into content/ (`mkdir content && mv {posts} content/`), \
         or point --root at a folder holding content/"
    );
    Some(Warning { at: crate::error::Location::new(posts, 0, 0), message })
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
pub(super) fn by_name(a: &Path, b: &Path) -> std::cmp::Ordering {
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
    if rel.starts_with(CONTENT_DIR) && kinds::is_article_path(rel) {
        loaded.errors.push(Error::content(rel, 0, 0, why));
    } else {
        loaded
            .warnings
            .push(Warning { at: crate::error::Location::new(rel, 0, 0), message: why.to_string() });
    }
}

/// What a walk found wrong.
#[derive(Default)]
pub(super) struct Problems {
    pub(super) errors: Vec<Error>,
    pub(super) warnings: Vec<Warning>,
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
