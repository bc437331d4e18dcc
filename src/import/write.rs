//! Writing an import's files: all or nothing, never over an existing file
//! unless forced.

use std::path::{Path, PathBuf};

use super::plan::File;
use crate::error::{Error, Result};

/// Where the media copy goes, under the root: the path WordPress served it at.
const UPLOADS: &str = "static/wp-content/uploads";

/// Fails, naming them, if any file would be overwritten without `force`.
pub fn check_free(root: &Path, files: &[File], media: &[(PathBuf, PathBuf)], force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    let taken: Vec<String> = files
        .iter()
        .map(|(rel, _)| rel.clone())
        .chain(media.iter().map(|(_, rel)| rel.clone()))
        .filter(|rel| root.join(rel).exists())
        .map(|rel| rel.display().to_string())
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    let more = if taken.len() > 5 { format!(" and {} more", taken.len() - 5) } else { String::new() };
    Err(Error::content(
        root,
        0,
        0,
        format!(
            "the import would overwrite {}{more}: nothing was written; import into an empty folder, or pass --force to overwrite",
            taken[..taken.len().min(5)].join(", ")
        ),
    ))
}

/// Writes every file.
pub fn all(root: &Path, files: &[File]) -> Result<()> {
    for (rel, text) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Every file under the uploads copy `dir`, with where it goes under the root.
pub fn media_files(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            out.push((entry.path().to_path_buf(), Path::new(UPLOADS).join(rel)));
        }
    }
    Ok(out)
}

/// Copies the media files; returns how many.
pub fn copy_media(root: &Path, media: &[(PathBuf, PathBuf)]) -> Result<usize> {
    for (from, rel) in media {
        let to = root.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::copy(from, &to).map_err(|e| Error::io(from, e))?;
    }
    Ok(media.len())
}
