//! Writing the site to disk: all of it into a fresh folder beside the output,
//! then swapped in, so a failed or interrupted build leaves the last good
//! output whole and files of deleted articles never linger.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::content::Asset;
use crate::error::{Error, Result};
use crate::paths::check_path;
use crate::render::Page;

/// The file, at the top of the output folder, that says a build made the
/// folder and for which base URL: `deploy --no-build` refuses a folder
/// without it, or made for another address (a preview's localhost one).
/// Never uploaded by `deploy`.
pub const BUILD_STAMP: &str = ".dateline-build";

#[derive(serde::Serialize, serde::Deserialize)]
struct Stamp {
    generator: String,
    base_url: String,
}

/// The build stamp of a site built for `base_url`.
pub fn stamp_page(base_url: &str) -> Page {
    let stamp =
        Stamp { generator: format!("dateline {}", env!("CARGO_PKG_VERSION")), base_url: base_url.into() };
    let mut bytes = serde_json::to_vec_pretty(&stamp).unwrap_or_default();
    bytes.push(b'\n');
    Page { path: BUILD_STAMP.into(), bytes }
}

/// The base URL the output folder `out` was built for, if a build made it.
pub fn stamped_base_url(out: &Path) -> Option<String> {
    let bytes = std::fs::read(out.join(BUILD_STAMP)).ok()?;
    serde_json::from_slice::<Stamp>(&bytes).ok().map(|s| s.base_url)
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Rendered pages.
    pub pages: usize,
    /// Copied files.
    pub assets: usize,
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
    claimed: Mutex<FxHashMap<String, PathBuf>>,
    /// Folders made so far, relative to `dir`: most pages share their
    /// folders' parents, and asking the kernel again costs a failed `mkdir`.
    made: Mutex<FxHashSet<String>>,
    committed: bool,
}

impl Staging {
    /// Prepares an empty staging folder for `out`, first cleaning up after
    /// a build that was killed (see [`recover`]).
    pub fn new(out: &Path) -> Result<Self> {
        recover(out)?;
        let dir = sibling(out, "new")?;
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            claimed: Mutex::default(),
            made: Mutex::default(),
            committed: false,
        })
    }

    /// Reserves `rel` for `source`; a second claim is an error naming both.
    fn claim(&self, rel: &str, source: &Path) -> Result<()> {
        check_path(rel)?;
        let mut claimed = self.claimed.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(first) = claimed.insert(rel.to_string(), source.to_path_buf()) {
            return Err(Error::DuplicateUrl { url: format!("/{rel}"), first, second: source.to_path_buf() });
        }
        Ok(())
    }

    /// Writes one page.
    pub fn write(&self, page: &Page) -> Result<()> {
        self.claim(&page.path, Path::new(&page.path))?;
        self.make_parents(&page.path)?;
        let path = self.path(&page.path);
        std::fs::write(&path, &page.bytes).map_err(|e| Error::io(&path, e))
    }

    /// `rel` under the staging folder, allocated once (`join` copies the
    /// folder's path and then grows it).
    fn path(&self, rel: &str) -> PathBuf {
        let mut path = PathBuf::with_capacity(self.dir.as_os_str().len() + rel.len() + 1);
        path.push(&self.dir);
        path.push(rel);
        path
    }

    /// Makes the folders above `rel` (a checked relative path), each once.
    fn make_parents(&self, rel: &str) -> Result<()> {
        let Some((parent, _)) = rel.rsplit_once('/') else { return Ok(()) };
        let made = |folder: &str| self.made.lock().unwrap_or_else(PoisonError::into_inner).contains(folder);
        if made(parent) {
            return Ok(());
        }
        // Top down, so that each `mkdir` finds its parent; another thread may
        // make the same folder at the same time, which is as good.
        let ends = parent.match_indices('/').map(|(i, _)| i).chain([parent.len()]);
        for end in ends {
            let folder = &parent[..end];
            if made(folder) {
                continue;
            }
            let path = self.path(folder);
            match std::fs::create_dir(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_dir() => {}
                Err(e) => return Err(Error::io(&path, e)),
            }
            self.made.lock().unwrap_or_else(PoisonError::into_inner).insert(folder.to_string());
        }
        Ok(())
    }

    /// Copies files as they are, in parallel.
    pub fn copy_assets(&self, assets: &[Asset]) -> Result<()> {
        for a in assets {
            self.claim(&a.rel, &a.source)?;
        }
        assets.par_iter().try_for_each(|a| {
            self.make_parents(&a.rel)?;
            let path = self.path(&a.rel);
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
    if exchange(staging, out)? {
        // `staging` now holds the old output. Failing to delete it loses
        // nothing: the next build removes it.
        let _ = remove_tree(staging);
        return Ok(());
    }
    // Two renames: for an instant `out` does not exist. A build killed right
    // then leaves the old output in `old`, which `recover` puts back.
    let old = sibling(out, "old")?;
    clear(&old)?;
    std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    let _ = remove_tree(&old);
    Ok(())
}

/// Swaps two folders in one atomic step, so `out` is never missing, not
/// even for an instant; `Ok(false)` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels (ENOSYS) and file systems without the flag (EINVAL).
        Err(e) if e == rustix::io::Errno::NOSYS || e == rustix::io::Errno::INVAL => Ok(false),
        Err(e) => Err(Error::io(b, e.into())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> Result<bool> {
    Ok(false)
}

/// Cleans up after a build that was killed: puts the old output back if the
/// kill fell between the two renames of a non-atomic swap, then removes every
/// leftover `.public.dateline-*` folder.
pub fn recover(out: &Path) -> Result<()> {
    let old = sibling(out, "old")?;
    if !out.exists() && old.is_dir() {
        std::fs::rename(&old, out).map_err(|e| Error::io(out, e))?;
    }
    let prefix = sibling(out, "")?;
    let (Some(parent), Some(prefix)) = (prefix.parent(), prefix.file_name()) else {
        return Ok(());
    };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let prefix = prefix.to_string_lossy();
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix.as_ref()) {
            clear(&entry.path())?;
        }
    }
    Ok(())
}

/// `public` -> `.public.dateline-<what>`, in the same folder so renames stay on one file system.
fn sibling(out: &Path, what: &str) -> Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| Error::io(out, std::io::Error::other("the output path has no folder name")))?;
    Ok(out.with_file_name(format!(".{}.dateline-{what}", name.to_string_lossy())))
}

fn clear(path: &Path) -> Result<()> {
    match remove_tree(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// Removes a folder and all it holds, its entries in parallel. Deleting the
/// previous output of a 10,000-article site (17,700 files on /dev/shm) took
/// 0.43 s one file at a time and 0.25 s on two cores: a quarter of a rebuild.
/// Symbolic links are removed, never followed.
fn remove_tree(path: &Path) -> std::io::Result<()> {
    let entries = std::fs::read_dir(path)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|e| match e.file_type()?.is_dir() {
        true => remove_tree(&e.path()),
        false => std::fs::remove_file(e.path()),
    })?;
    std::fs::remove_dir(path)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn stale_staging_folders_are_cleaned_and_a_half_swap_is_undone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let page = Page { path: "index.html".into(), bytes: b"old".to_vec() };
        write_site(&out, std::slice::from_ref(&page), &[]).unwrap();
        // A build killed between the two renames of the fallback swap.
        std::fs::rename(&out, tmp.path().join(".public.dateline-old")).unwrap();
        std::fs::create_dir_all(tmp.path().join(".public.dateline-new/a")).unwrap();
        std::fs::create_dir_all(tmp.path().join(".public.dateline-1234")).unwrap();
        std::fs::create_dir_all(tmp.path().join("other")).unwrap();
        recover(&out).unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"old");
        let mut left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["other", "public"]);
    }

    #[test]
    fn swapping_over_an_existing_output_keeps_nothing_old() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("stale.html"), "x").unwrap();
        let staging = tmp.path().join(".public.dateline-new");
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(staging.join("index.html"), "new").unwrap();
        swap(&staging, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(!out.join("stale.html").exists() && !staging.exists());
    }

    #[test]
    fn removing_a_tree_removes_links_not_what_they_point_at() {
        let tmp = tempfile::tempdir().unwrap();
        let kept = tmp.path().join("kept");
        std::fs::create_dir_all(&kept).unwrap();
        std::fs::write(kept.join("a.html"), "a").unwrap();
        let tree = tmp.path().join("tree");
        std::fs::create_dir_all(tree.join("2024/05/pier")).unwrap();
        std::fs::write(tree.join("2024/05/pier/index.html"), "x").unwrap();
        std::fs::write(tree.join("index.html"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, tree.join("link")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(std::fs::read_to_string(kept.join("a.html")).unwrap(), "a");
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
