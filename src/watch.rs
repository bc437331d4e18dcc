//! Watch mode: file events to rebuilds.
//!
//! Events only say *that* something changed; every rebuild reads the disk
//! again through an incremental [`Session`], so missed, merged or reordered
//! events (editors save in many ways) cannot make the output wrong.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer_opt};

use crate::config::SETTINGS_FILE;
use crate::content::{CONTENT_DIR, JEKYLL_POSTS, is_ignored};
use crate::error::{Error, Result};
use crate::incremental::{Outcome, Session};
use crate::render::TEMPLATES_DIR;
use crate::site::BuildOptions;

/// Folders watched recursively, when they exist (`_posts`: a Jekyll site
/// built as it is).
const WATCHED_DIRS: [&str; 4] = [CONTENT_DIR, TEMPLATES_DIR, "static", JEKYLL_POSTS];

/// What the watcher reports to its caller.
#[derive(Debug)]
pub enum Report {
    /// A build finished; `changed` are the paths that triggered it (empty for the first).
    Built {
        /// The paths whose events triggered the build.
        changed: Vec<PathBuf>,
        /// What the build did.
        outcome: Outcome,
    },
    /// A build failed; the output keeps its last good state.
    Failed(Error),
    /// A note for the user, such as falling back to polling.
    Notice(String),
}

/// Settings of a watch.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Site root.
    pub root: PathBuf,
    /// Output folder (never watched).
    pub out: PathBuf,
    /// Build choices.
    pub build: BuildOptions,
    /// Quiet time after the last event of a burst before rebuilding.
    pub debounce: Duration,
    /// Poll instead of using the system's file notifications.
    pub poll: bool,
}

/// `options` with the root and the output folder's parent made absolute:
/// events carry absolute paths, and are compared with these.
fn absolute(options: &WatchOptions) -> Result<WatchOptions> {
    let mut options = options.clone();
    options.root = std::fs::canonicalize(&options.root).map_err(|e| Error::io(&options.root, e))?;
    if let (Some(parent), Some(name)) = (options.out.parent(), options.out.file_name()) {
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        if let Ok(p) = std::fs::canonicalize(parent) {
            options.out = p.join(name);
        }
    }
    Ok(options)
}

/// The paths of `events` a rebuild must look at, sorted, each once.
fn changed_paths(events: &[notify_debouncer_full::DebouncedEvent], options: &WatchOptions) -> Vec<PathBuf> {
    // Reading files raises access events; our own rebuild must not trigger another.
    let mut changed: Vec<PathBuf> = events
        .iter()
        .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
        .flat_map(|e| e.paths.iter().map(move |p| (p, is_folder(&e.kind) || p.is_dir())))
        .filter(|(p, folder)| relevant(p, *folder, &options.root, &options.out))
        .map(|(p, _)| p.clone())
        .collect();
    changed.sort();
    changed.dedup();
    changed
}

/// Builds once, then rebuilds after every burst of changes until `stop` is
/// set. Content and template errors are reported and never end the watch.
pub fn run(options: &WatchOptions, stop: &AtomicBool, report: &mut dyn FnMut(Report)) -> Result<()> {
    let options = &absolute(options)?;
    let mut session = Session::new(&options.root, &options.out, options.build.clone());
    // With `full` false, the session may read only the changed files when
    // they are all articles it knows (see `Session::build_edited`).
    let mut build = |changed: Vec<PathBuf>, full: bool, report: &mut dyn FnMut(Report)| {
        let result = if full { session.build() } else { session.build_edited(&changed) };
        match result {
            Ok(outcome) => report(Report::Built { changed, outcome }),
            Err(e) => report(Report::Failed(e)),
        }
    };
    // Watch before the first build, so that a save made while it runs is seen.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut watch = Watch::start(options, tx, report)?;
    build(Vec::new(), true, report);
    while !stop.load(Ordering::Relaxed) {
        let mut events = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(events)) => events,
            Ok(Err(errors)) => {
                for e in errors {
                    report(Report::Notice(format!("watch error: {e}")));
                }
                continue;
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Batches that queued up while the last rebuild ran make one rebuild,
        // not one each: under a storm of saves they pile up faster than
        // rebuilds end, and each rebuild reads the whole disk anyway.
        while let Ok(more) = rx.try_recv() {
            match more {
                Ok(more) => events.extend(more),
                Err(errors) => {
                    for e in errors {
                        report(Report::Notice(format!("watch error: {e}")));
                    }
                }
            }
        }
        // Events the system dropped (a queue overflow) mean anything may have changed.
        let rescan = events.iter().any(|e| e.need_rescan());
        let changed = changed_paths(&events, options);
        if changed.is_empty() {
            continue;
        }
        watch.add_new_dirs(&options.root);
        build(changed, rescan, report);
    }
    Ok(())
}

fn is_folder(kind: &notify::EventKind) -> bool {
    use notify::event::{CreateKind, RemoveKind};
    matches!(
        kind,
        notify::EventKind::Create(CreateKind::Folder) | notify::EventKind::Remove(RemoveKind::Folder)
    )
}

/// Whether a changed path can affect the site: under a watched folder or the
/// settings file, not in the output, not an editor's temporary file. Folders
/// are never temporary files, even when named like vim's `4913` probe (a
/// year folder `2025`).
pub fn relevant(path: &Path, folder: bool, root: &Path, out: &Path) -> bool {
    if path.starts_with(out) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = rel.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        || !folder && is_ignored(&name)
    {
        return false;
    }
    rel == Path::new(SETTINGS_FILE) || WATCHED_DIRS.iter().any(|d| rel.starts_with(d))
}

/// The debouncer, native or polling, and which folders it covers.
struct Watch {
    inner: Box<dyn WatchPaths>,
    watched: Vec<PathBuf>,
}

trait WatchPaths {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()>;
}

impl<T: Watcher, C: FileIdCache> WatchPaths for Debouncer<T, C> {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        Debouncer::watch(self, path, mode)
    }
}

impl Watch {
    fn start(
        options: &WatchOptions,
        tx: mpsc::Sender<DebounceEventResult>,
        report: &mut dyn FnMut(Report),
    ) -> Result<Self> {
        if !options.poll {
            match Self::native(options, tx.clone()) {
                Ok(w) => return Ok(w),
                Err(e) => report(Report::Notice(limit_advice(&e))),
            }
        }
        Self::polling(options, tx)
    }

    fn native(options: &WatchOptions, tx: mpsc::Sender<DebounceEventResult>) -> notify::Result<Self> {
        let debouncer = new_debouncer_opt::<_, RecommendedWatcher, _>(
            options.debounce,
            None,
            tx,
            notify_debouncer_full::RecommendedCache::new(),
            notify::Config::default(),
        )?;
        let mut w = Watch { inner: Box::new(debouncer), watched: Vec::new() };
        w.watch_all(&options.root)?;
        Ok(w)
    }

    fn polling(options: &WatchOptions, tx: mpsc::Sender<DebounceEventResult>) -> Result<Self> {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        let debouncer = new_debouncer_opt::<_, PollWatcher, _>(
            options.debounce,
            None,
            tx,
            notify_debouncer_full::NoCache,
            config,
        )
        .map_err(|e| Error::io(&options.root, std::io::Error::other(e.to_string())))?;
        let mut w = Watch { inner: Box::new(debouncer), watched: Vec::new() };
        w.watch_all(&options.root)
            .map_err(|e| Error::io(&options.root, std::io::Error::other(e.to_string())))?;
        Ok(w)
    }

    /// The root itself (for `site.yaml` and folders created later) and each
    /// watched folder that exists.
    fn watch_all(&mut self, root: &Path) -> notify::Result<()> {
        self.inner.watch(root, RecursiveMode::NonRecursive)?;
        self.watched.push(root.to_path_buf());
        self.add_dirs(root)
    }

    fn add_dirs(&mut self, root: &Path) -> notify::Result<()> {
        for d in WATCHED_DIRS {
            let dir = root.join(d);
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.inner.watch(&dir, RecursiveMode::Recursive)?;
                self.watched.push(dir);
            }
        }
        Ok(())
    }

    /// Starts watching folders created since (a new `templates/`, say).
    fn add_new_dirs(&mut self, root: &Path) {
        let _ = self.add_dirs(root);
    }
}

/// What to tell the user when native watching fails, most often because the
/// system's limit on watched folders is reached.
fn limit_advice(e: &notify::Error) -> String {
    let limit = matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
        || matches!(&e.kind, notify::ErrorKind::Io(io) if io.raw_os_error() == Some(28));
    if limit {
        "the system's limit on watched folders is reached; falling back to polling. \
         To raise it: sudo sysctl fs.inotify.max_user_watches=524288 \
         (add the line fs.inotify.max_user_watches=524288 to /etc/sysctl.conf to keep it)"
            .to_string()
    } else {
        format!("file notifications unavailable ({e}); falling back to polling")
    }
}

/// A stop flag shared with the thread running [`run`].
pub fn stop_flag() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_inputs_are_relevant() {
        let root = Path::new("/site");
        let out = Path::new("/site/public");
        for yes in
            ["/site/content/a.md", "/site/templates/base.html", "/site/static/x.png", "/site/site.yaml"]
        {
            assert!(relevant(Path::new(yes), false, root, out), "{yes}");
        }
        for no in [
            "/site/public/index.html",
            "/site/content/.a.md.swp",
            "/site/content/.#a.md",
            "/site/content/a.md~",
            "/site/content/4913",
            "/site/README.md",
            "/site/.git/index",
            "/elsewhere/content/a.md",
        ] {
            assert!(!relevant(Path::new(no), false, root, out), "{no}");
        }
        assert!(relevant(Path::new("/site/content/2025"), true, root, out), "a year folder");
    }
}
