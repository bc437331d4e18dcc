//! Reading a session's sources again: only files whose stamp changed, and
//! only the edited ones when a rebuild is told which they are.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::{Outcome, Session};
use crate::body::Rendered;
use crate::config::Settings;
use crate::content::{self, Article, Asset};
use crate::error::{Error, Result, Warning};

/// Size, modification time and file number: a file whose stamp is
/// unchanged is not read again. The file number catches an editor's
/// write-and-rename that keeps size and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

/// File systems keep modification times in coarse ticks (a few
/// milliseconds, up to seconds on some), so two saves of the same size within
/// a tick look alike. As git does with "racily clean" files, a file modified
/// this close to the previous scan is read again and compared by content.
pub(super) const RACY: std::time::Duration = std::time::Duration::from_secs(2);

pub(super) fn is_racy(stamp: Stamp, racy_after: Option<SystemTime>) -> bool {
    match (stamp.modified, racy_after) {
        (Some(m), Some(t)) => m >= t,
        _ => true,
    }
}

pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let ino = 0;
    Some(Stamp { len: m.len(), modified: m.modified().ok(), ino })
}

/// An article source as last read.
pub(super) struct Source {
    pub(super) stamp: Stamp,
    pub(super) warnings: Vec<Warning>,
    /// A draft left out of this session's builds.
    pub(super) draft: bool,
}

impl Session {
    /// Brings `articles` up to date with the disk: unchanged files are kept,
    /// changed ones re-read; returns the files to copy.
    pub(super) fn read_sources(&mut self, settings: &Settings, outcome: &mut Outcome) -> Result<Vec<Asset>> {
        let mut assets = self.read_all_sources(settings, outcome)?;
        let drafts = self.sources.iter().filter(|(_, s)| s.draft).map(|(p, _)| p.as_path());
        content::drop_draft_bundle_files(&self.root, &mut assets, drafts);
        Ok(assets)
    }

    /// [`Self::read_sources`], with the files of draft bundles among those to copy.
    fn read_all_sources(&mut self, settings: &Settings, outcome: &mut Outcome) -> Result<Vec<Asset>> {
        if let Some(edited) = self.edited.take()
            && let Some((paths, assets)) = self.scan.take()
            && self.read_edited(&paths, &edited, settings, outcome)
        {
            self.scan = Some((paths, assets.clone()));
            return Ok(assets);
        }
        let (paths, assets, mut errors) = content::discover(&self.root);
        self.scan = errors.is_empty().then(|| (paths.clone(), assets.clone()));
        let (stamps, changed) = self.look_at(&paths);
        outcome.reread = changed.len();
        let live: HashSet<&PathBuf> = paths.iter().collect();
        outcome.removed = self.sources.keys().filter(|p| !live.contains(p)).count();
        let parsed: Vec<content::Parsed> =
            changed.par_iter().map(|&i| content::read(&self.root, &paths[i], settings)).collect();
        let parsed = match self.update_in_place(&paths, &stamps, &changed, parsed, false) {
            Ok(()) => {
                // Every file is an article of the session.
                self.not_articles.clear();
                return Error::from_many(errors).map_or(Ok(assets), Err);
            }
            Err(parsed) => parsed,
        };

        self.replace_articles(&paths, &stamps, &changed, parsed, &mut errors);
        // Pages marked `page: true` among them, among others.
        self.not_articles = paths.iter().filter(|p| !self.sources.contains_key(*p)).cloned().collect();
        content::link_translations(&mut self.articles);
        errors.extend(content::duplicate_urls(&self.articles));
        errors.extend(crate::publish::alias_collisions(&self.articles));
        Error::from_many(errors).map_or(Ok(assets), Err)
    }

    /// The stamps of `paths`, and which of them changed since the last scan.
    fn look_at(&mut self, paths: &[PathBuf]) -> (Vec<Option<Stamp>>, Vec<usize>) {
        let stamps: Vec<Option<Stamp>> = paths.par_iter().map(|p| stamp(&self.root.join(p))).collect();
        let racy_after = self.last_scan.and_then(|t| t.checked_sub(RACY));
        self.racy_after = racy_after;
        self.last_scan = Some(SystemTime::now());
        let changed: Vec<usize> = (0..paths.len())
            .filter(|&i| match (stamps[i], self.sources.get(&paths[i])) {
                (Some(now), Some(before)) => now != before.stamp || is_racy(now, racy_after),
                _ => true,
            })
            .collect();
        (stamps, changed)
    }

    /// The general path: the article list made again from the kept articles
    /// and the `changed` ones just `parsed`, in path order, with the
    /// unpublished ones held aside; article errors go to `errors`.
    fn replace_articles(
        &mut self,
        paths: &[PathBuf],
        stamps: &[Option<Stamp>],
        changed: &[usize],
        parsed: Vec<content::Parsed>,
        errors: &mut Vec<Error>,
    ) {
        self.linker = None;
        // Old articles by path, to move (not copy) the unchanged ones.
        let mut old: HashMap<PathBuf, (Article, Rendered)> = std::mem::take(&mut self.articles)
            .into_iter()
            .zip(std::mem::take(&mut self.rendered))
            .map(|(a, r)| (a.path.clone(), (a, r)))
            .chain(std::mem::take(&mut self.held))
            .collect();
        let mut fresh: HashMap<usize, Article> = HashMap::new();
        for (&i, (result, warnings)) in changed.iter().zip(parsed) {
            if let (Ok(a), Some((kept, _))) = (&result, old.get(&paths[i]))
                && a.source_hash == kept.source_hash
            {
                continue; // re-read only because its time stamp was too recent to trust
            }
            self.sources.remove(&paths[i]);
            old.remove(&paths[i]);
            match (result, stamps[i]) {
                (Ok(a), Some(stamp)) => {
                    let draft = a.draft && !self.options.drafts;
                    self.sources.insert(paths[i].clone(), Source { stamp, warnings, draft });
                    if !draft {
                        fresh.insert(i, a);
                    }
                }
                (Ok(_), None) => {}
                (Err(e), Some(stamp)) if content::in_drafts_folder(&paths[i]) && !self.options.drafts => {
                    let warnings =
                        warnings.into_iter().chain(e.into_iter().map(content::draft_problem)).collect();
                    self.sources.insert(paths[i].clone(), Source { stamp, warnings, draft: true });
                }
                (Err(e), _) => errors.extend(e),
            }
        }
        let live: HashSet<&PathBuf> = paths.iter().collect();
        self.sources.retain(|p, _| live.contains(p));
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        for (i, path) in paths.iter().enumerate() {
            let (a, r) = match (fresh.remove(&i), old.remove(path)) {
                (Some(a), _) => (a, Rendered::default()),
                (None, Some(kept)) => kept,
                (None, None) => continue,
            };
            if crate::publish::is_live(&a, self.options.future, now) {
                self.articles.push(a);
                self.rendered.push(r);
            } else {
                self.held.insert(path.clone(), (a, r));
            }
        }
    }

    /// Re-reads only `edited`, articles of the last scan's `paths`, taking
    /// the stamps of the others as they were; false (nothing changed) when
    /// it is not an edit in place, for a full scan to handle.
    pub(super) fn read_edited(
        &mut self,
        paths: &[PathBuf],
        edited: &[PathBuf],
        settings: &Settings,
        outcome: &mut Outcome,
    ) -> bool {
        // Scanned paths are in path order.
        let mut changed: Vec<usize> = edited.iter().filter_map(|p| paths.binary_search(p).ok()).collect();
        changed.sort_unstable();
        changed.dedup();
        if changed.len() != edited.len() {
            return false;
        }
        // Only the stamps of changed files are looked at.
        let mut stamps: Vec<Option<Stamp>> = vec![None; paths.len()];
        for &i in &changed {
            stamps[i] = stamp(&self.root.join(&paths[i]));
        }
        let parsed: Vec<content::Parsed> =
            changed.par_iter().map(|&i| content::read(&self.root, &paths[i], settings)).collect();
        outcome.reread = changed.len();
        self.update_in_place(paths, &stamps, &changed, parsed, true).is_ok()
    }

    /// The common case of an edit: the same files as before, all published,
    /// and no changed article moved to another URL or alias. The changed
    /// articles are replaced where they stand, and the URL checks of the
    /// last build still hold. Otherwise `parsed` goes back to the general path.
    pub(super) fn update_in_place(
        &mut self,
        paths: &[PathBuf],
        stamps: &[Option<Stamp>],
        changed: &[usize],
        parsed: Vec<content::Parsed>,
        same_scan: bool,
    ) -> std::result::Result<(), Vec<content::Parsed>> {
        let now = self.options.now.unwrap_or_else(jiff::Timestamp::now);
        // The same files as last time, every one of them read without error
        // (known without looking when `paths` is the last scan's).
        let same_files = self.held.is_empty()
            && paths.len() == self.sources.len()
            && (same_scan || paths.iter().all(|p| self.sources.contains_key(p)));
        let slot = |i: usize| self.articles.binary_search_by(|a| a.path.cmp(&paths[i])).ok();
        let fits = same_files
            && changed.iter().zip(&parsed).all(|(&i, (result, _))| match (result, stamps[i], slot(i)) {
                (Ok(a), Some(_), Some(k)) => {
                    let old = &self.articles[k];
                    (!a.draft || self.options.drafts)
                        && crate::publish::is_live(a, self.options.future, now)
                        && a.rel_url == old.rel_url
                        && a.aliases == old.aliases
                        && a.guessed_aliases == old.guessed_aliases
                        && (&a.lang, &a.translation_key) == (&old.lang, &old.translation_key)
                }
                _ => false,
            });
        if !fits {
            return Err(parsed);
        }
        let slots: Vec<Option<usize>> = changed.iter().map(|&i| slot(i)).collect();
        for ((&i, (result, warnings)), k) in changed.iter().zip(parsed).zip(slots) {
            let (Ok(a), Some(stamp), Some(k)) = (result, stamps[i], k) else { continue };
            self.sources.insert(paths[i].clone(), Source { stamp, warnings, draft: false });
            // A file re-read only because its time stamp was too recent to
            // trust keeps its rendering when its content is the same.
            if a.source_hash != self.articles[k].source_hash {
                let translations = std::mem::take(&mut self.articles[k].translations);
                self.articles[k] = content::Article { translations, ..a };
                self.rendered[k] = Rendered::default();
            }
        }
        Ok(())
    }
}
