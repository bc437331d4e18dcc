//! Writing the site to disk: all of it into a fresh folder beside the output,
//! then swapped in, so a failed or interrupted build leaves the last good
//! output whole and files of deleted articles never linger.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::content::Asset;
use crate::error::{Error, Result};
use crate::render::Page;

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Rendered pages.
    pub pages: usize,
    /// Copied files.
    pub assets: usize,
}

/// Checks that `rel` is a plain relative path that stays inside the output.
pub fn check_path(rel: &str) -> Result<()> {
    let unsafe_path = || Error::UnsafePath { path: rel.to_string() };
    if rel.is_empty() || rel.contains('\\') || rel.contains('\0') || rel.contains("//") {
        return Err(unsafe_path());
    }
    for c in Path::new(rel).components() {
        if !matches!(c, Component::Normal(_)) {
            return Err(unsafe_path());
        }
    }
    Ok(())
}

/// Writes `pages` and `assets` to `out`, replacing what was there.
pub fn write_site(out: &Path, pages: &[Page], assets: &[Asset]) -> Result<Written> {
    let staging = Staging::new(out)?;
    staging.copy_assets(assets)?;
    pages.par_iter().try_for_each(|p| staging.write(p))?;
    staging.commit()?;
    Ok(Written { pages: pages.len(), assets: assets.len() })
}

/// A fresh folder beside the output that pages are written into as they are
/// rendered; [`Staging::commit`] swaps it in, and dropping it uncommitted
/// removes it, leaving the previous output as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    claimed: Mutex<HashMap<String, PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Prepares an empty staging folder for `out`.
    pub fn new(out: &Path) -> Result<Self> {
        let dir = sibling(out, "new")?;
        clear(&dir)?;
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging { out: out.to_path_buf(), dir, claimed: Mutex::new(HashMap::new()), committed: false })
    }

    /// Reserves `rel` for `source`; a second claim is an error naming both.
    fn claim(&self, rel: &str, source: &Path) -> Result<()> {
        check_path(rel)?;
        let mut claimed = self.claimed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(first) = claimed.insert(rel.to_string(), source.to_path_buf()) {
            return Err(Error::DuplicateUrl { url: format!("/{rel}"), first, second: source.to_path_buf() });
        }
        Ok(())
    }

    /// Writes one page.
    pub fn write(&self, page: &Page) -> Result<()> {
        self.claim(&page.path, Path::new(&page.path))?;
        let path = self.dir.join(&page.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, &page.bytes).map_err(|e| Error::io(&path, e))
    }

    /// Copies files as they are, in parallel.
    pub fn copy_assets(&self, assets: &[Asset]) -> Result<()> {
        for a in assets {
            self.claim(&a.rel, &a.source)?;
        }
        assets.par_iter().try_for_each(|a| {
            let path = self.dir.join(&a.rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            std::fs::copy(&a.source, &path).map(drop).map_err(|e| Error::io(&a.source, e))
        })
    }

    /// Swaps the staging folder in as the output.
    pub fn commit(mut self) -> Result<()> {
        swap(&self.dir, &self.out)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Moves `staging` to `out`, keeping the old output until the new one is in place.
fn swap(staging: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        return std::fs::rename(staging, out).map_err(|e| Error::io(out, e));
    }
    if !out.is_dir() {
        return Err(Error::io(out, std::io::Error::other("the output path exists and is not a folder")));
    }
    let old = sibling(out, "old")?;
    clear(&old)?;
    std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))
}

/// `public` -> `.public.dateline-<what>`, in the same folder so renames stay on one file system.
fn sibling(out: &Path, what: &str) -> Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| Error::io(out, std::io::Error::other("the output path has no folder name")))?;
    Ok(out.with_file_name(format!(".{}.dateline-{what}", name.to_string_lossy())))
}

fn clear(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths() {
        for ok in ["index.html", "2024/01/02/a/index.html", "tags/京都/index.html"] {
            assert!(check_path(ok).is_ok(), "{ok}");
        }
        for bad in ["", "../x", "a/../../x", "/etc/passwd", "a\\..\\b", "a//b", "./a"] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn replaces_output_and_drops_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let page = |p: &str| Page { path: p.into(), bytes: p.as_bytes().to_vec() };
        write_site(&out, &[page("a/index.html"), page("old.html")], &[]).unwrap();
        write_site(&out, &[page("a/index.html")], &[]).unwrap();
        assert!(out.join("a/index.html").exists());
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn unsafe_path_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let pages = [Page { path: "../escape.html".into(), bytes: vec![] }];
        assert!(write_site(&out, &pages, &[]).is_err());
        assert!(!out.exists());
        assert!(!tmp.path().join("escape.html").exists());
    }
}
