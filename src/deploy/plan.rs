//! What a deploy will do: the built files with their hashes and headers,
//! compared with the target's manifest and listing.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::rules::{CacheRules, compressible, content_type};
use crate::error::{Error, Result};
use crate::output::BUILD_STAMP;

/// The manifest's name at the target root.
pub const MANIFEST: &str = ".dateline-manifest.json";

/// What the target holds, as recorded by the last deploy.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Format version.
    pub version: u32,
    /// Site-relative path to what was uploaded there.
    pub files: BTreeMap<String, Entry>,
}

/// One uploaded file: its content hash and the headers it was given.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// SHA-256 of the built file, before any gzip.
    pub sha256: String,
    /// Bytes stored on the target (after gzip).
    pub size: u64,
    /// `Content-Type`, on targets that keep headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `Cache-Control`, on targets that keep headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<String>,
    /// `gzip` when stored compressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// A built file as it should be on the target.
#[derive(Debug, Clone)]
pub struct Local {
    /// Site-relative path with `/`.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// Its size on disk.
    pub size: u64,
    /// Headers it gets (none on folder targets).
    pub content_type: Option<String>,
    /// See [`Entry::cache_control`].
    pub cache_control: Option<String>,
    /// Whether it is stored gzipped.
    pub gzip: bool,
}

impl Local {
    fn matches(&self, e: &Entry) -> bool {
        e.sha256 == self.sha256
            && e.content_type == self.content_type
            && e.cache_control == self.cache_control
            && e.encoding.is_some() == self.gzip
    }
}

/// Why a file is uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not on the target.
    New,
    /// Its bytes or headers differ.
    Changed,
    /// On the target but not known to the manifest, or of another size.
    Unknown,
    /// `--force`.
    Forced,
}

impl Reason {
    /// A word for the plan.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::New => "new",
            Reason::Changed => "changed",
            Reason::Unknown => "not in the manifest",
            Reason::Forced => "forced",
        }
    }
}

/// What a deploy will do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Files to upload, assets before pages so no page links to a missing file.
    pub uploads: Vec<(Local, Reason)>,
    /// Site-relative paths to delete: put there by dateline, no longer built.
    pub deletes: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Files on the target that dateline did not put there and leaves alone.
    pub foreign: usize,
    /// The manifest read from the target.
    pub manifest: Manifest,
}

/// How headers are chosen for a target.
pub struct Headers {
    /// Whether the target keeps headers at all.
    pub enabled: bool,
    /// `Cache-Control` rules.
    pub rules: CacheRules,
    /// Whether text files are gzipped.
    pub gzip: bool,
}

/// Every file under `out` with its hash and headers, in path order.
pub fn scan(out: &Path, headers: &Headers) -> Result<Vec<Local>> {
    if !out.is_dir() {
        return Err(Error::Deploy {
            message: format!("{}: no built site to deploy; run without --no-build", out.display()),
        });
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(out, e.into()))?;
        // The build stamp says how the folder was made; it is no page of the site.
        if entry.file_type().is_file() && !(entry.depth() == 1 && entry.file_name() == BUILD_STAMP) {
            paths.push(entry.into_path());
        }
    }
    paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
            let rel = p.strip_prefix(out).unwrap_or(p);
            let path =
                rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let kind = content_type(&path);
            let on = headers.enabled;
            Ok(Local {
                sha256: hex(&Sha256::digest(&bytes)),
                size: bytes.len() as u64,
                content_type: on.then(|| kind.to_string()),
                cache_control: on.then(|| headers.rules.for_path(&path).to_string()),
                gzip: on && headers.gzip && compressible(kind),
                path,
            })
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares the built files with the target: `listed` maps each object under
/// the target (by site-relative path) to its size.
pub fn compare(local: Vec<Local>, manifest: Manifest, listed: &HashMap<String, u64>, force: bool) -> Plan {
    let mut plan = Plan::default();
    let built: HashMap<&str, ()> = local.iter().map(|l| (l.path.as_str(), ())).collect();
    plan.deletes = manifest.files.keys().filter(|p| !built.contains_key(p.as_str())).cloned().collect();
    plan.foreign = listed
        .keys()
        .filter(|p| !built.contains_key(p.as_str()) && !manifest.files.contains_key(p.as_str()))
        .count();
    for l in local {
        let known = manifest.files.get(&l.path);
        let remote = listed.get(&l.path);
        let reason = match (known, remote) {
            _ if force => Reason::Forced,
            (Some(e), Some(size)) if l.matches(e) && e.size == *size => {
                plan.unchanged += 1;
                continue;
            }
            (Some(_), Some(_)) => Reason::Changed,
            (None, Some(_)) => Reason::Unknown,
            _ => Reason::New,
        };
        plan.uploads.push((l, reason));
    }
    plan.uploads.sort_by_key(|(l, _)| (is_page(&l.path), l.path.clone()));
    plan.manifest = manifest;
    plan
}

/// Pages, feeds and indexes link to assets, so they go last.
fn is_page(path: &str) -> bool {
    [".html", ".htm", ".xml", ".json", ".txt"].iter().any(|ext| path.ends_with(ext))
}

/// Reads a manifest, refusing one that is not dateline's.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest> {
    serde_json::from_slice(bytes).map_err(|e| Error::Deploy {
        message: format!(
            "the target's {MANIFEST} is unreadable ({e}); delete it and deploy with --force to upload everything"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(path: &str, sha: &str) -> Local {
        Local {
            path: path.into(),
            sha256: sha.into(),
            size: 3,
            content_type: None,
            cache_control: None,
            gzip: false,
        }
    }

    fn entry(sha: &str) -> Entry {
        Entry { sha256: sha.into(), size: 3, content_type: None, cache_control: None, encoding: None }
    }

    #[test]
    fn new_changed_unchanged_deleted_foreign() {
        let mut manifest = Manifest::default();
        for (p, s) in [("same.html", "1"), ("edit.html", "1"), ("gone.html", "1"), ("lost.css", "1")] {
            manifest.files.insert(p.into(), entry(s));
        }
        let listed: HashMap<String, u64> =
            ["same.html", "edit.html", "gone.html", "theirs.txt", "stray.html"].map(|p| (p.into(), 3)).into();
        let built = vec![
            local("same.html", "1"),
            local("edit.html", "2"),
            local("lost.css", "1"),
            local("new.png", "1"),
            local("stray.html", "1"),
        ];
        let plan = compare(built, manifest, &listed, false);
        let ups: Vec<_> = plan.uploads.iter().map(|(l, r)| (l.path.as_str(), *r)).collect();
        assert_eq!(
            ups,
            [
                ("lost.css", Reason::New),
                ("new.png", Reason::New),
                ("edit.html", Reason::Changed),
                ("stray.html", Reason::Unknown)
            ]
        );
        assert_eq!(plan.deletes, ["gone.html"]);
        assert_eq!((plan.unchanged, plan.foreign), (1, 1));
    }

    #[test]
    fn force_uploads_everything() {
        let mut manifest = Manifest::default();
        manifest.files.insert("a.html".into(), entry("1"));
        let listed: HashMap<String, u64> = [("a.html".to_string(), 3)].into();
        let plan = compare(vec![local("a.html", "1")], manifest, &listed, true);
        assert_eq!(plan.uploads[0].1, Reason::Forced);
        assert_eq!(plan.unchanged, 0);
    }

    #[test]
    fn bad_manifest_is_explained() {
        let err = parse_manifest(b"{not json").unwrap_err().to_string();
        assert!(err.contains(MANIFEST) && err.contains("--force"), "{err}");
    }
}
