//! Writing a session's output: atomically the first time, then only the
//! files whose bytes changed, removing those the site no longer has.

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use super::read::{is_racy, stamp};
use super::{Outcome, Session};
use crate::content::Asset;
use crate::error::{Error, Result};
use crate::fingerprint::hash;
use crate::output::Staging;
use crate::paths::check_path;
use crate::render::{Page, PageKeys};

impl Session {
    /// Writes what changed; the first build of a session is written atomically.
    pub(super) fn write(
        &mut self,
        pages: Vec<Page>,
        keys: &PageKeys,
        assets: &[Asset],
        outcome: &mut Outcome,
    ) -> Result<()> {
        if !self.built {
            let staging = Staging::new(&self.out)?;
            staging.copy_assets(assets)?;
            pages.par_iter().try_for_each(|p| staging.write(p))?;
            staging.commit()?;
            self.written = pages.iter().map(|p| (p.path.clone(), hash(&p.bytes))).collect();
            self.copied =
                assets.iter().map(|a| (a.rel.clone(), (a.source.clone(), stamp(&a.source)))).collect();
            outcome.written = pages.len() + assets.len();
            return Ok(());
        }
        for p in &pages {
            check_path(&p.path)?;
        }
        let changed: Vec<&Page> =
            pages.iter().filter(|p| self.written.get(&p.path) != Some(&hash(&p.bytes))).collect();
        changed.par_iter().try_for_each(|p| write_file(&self.out.join(&p.path), &p.bytes))?;
        for p in &changed {
            self.written.insert(p.path.clone(), hash(&p.bytes));
        }
        outcome.written = changed.len();
        outcome.written += self.copy_changed(assets)?;
        let stale: Vec<String> = self.written.keys().filter(|p| !keys.contains_key(*p)).cloned().collect();
        for rel in stale {
            self.written.remove(&rel);
            remove_file(&self.out, &rel)?;
            outcome.deleted += 1;
        }
        Ok(())
    }

    pub(super) fn copy_changed(&mut self, assets: &[Asset]) -> Result<usize> {
        let mut n = 0;
        let live: HashSet<&str> = assets.iter().map(|a| a.rel.as_str()).collect();
        for a in assets {
            check_path(&a.rel)?;
            let now = (a.source.clone(), stamp(&a.source));
            let racy = now.1.is_none_or(|s| is_racy(s, self.racy_after));
            if racy || self.copied.get(&a.rel) != Some(&now) {
                let dest = self.out.join(&a.rel);
                if let Some(parent) = dest.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                std::fs::copy(&a.source, &dest).map_err(|e| Error::io(&a.source, e))?;
                self.copied.insert(a.rel.clone(), now);
                n += 1;
            }
        }
        let gone: Vec<String> = self.copied.keys().filter(|r| !live.contains(r.as_str())).cloned().collect();
        for rel in gone {
            self.copied.remove(&rel);
            remove_file(&self.out, &rel)?;
        }
        Ok(n)
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// Removes `rel` under `out`, then its folders while they are empty.
fn remove_file(out: &Path, rel: &str) -> Result<()> {
    let path = out.join(rel);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&path, e)),
        _ => {}
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}
