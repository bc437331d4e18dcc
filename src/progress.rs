//! A progress bar on the terminal for builds that take a while.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Builds shorter than this show no bar: it would only flicker.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Whether a build should show progress: only to a person watching a
/// terminal, never into a pipe, a file or a log.
pub fn wanted(quiet: bool, stderr_is_terminal: bool) -> bool {
    !quiet && stderr_is_terminal
}

/// A bar on stderr, hidden until the build has run for [`SHOW_AFTER`].
pub struct Bar {
    bar: ProgressBar,
    done: Option<mpsc::Sender<()>>,
    reveal: Option<JoinHandle<()>>,
}

impl Bar {
    /// A bar when `wanted`, for stderr as it is now; otherwise none.
    pub fn start(quiet: bool) -> Option<Bar> {
        if !wanted(quiet, std::io::stderr().is_terminal()) {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{spinner} {msg:10} [{bar:30}] {pos}/{len} files {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        let (done, wait) = mpsc::channel::<()>();
        let shown = bar.clone();
        // A timer rather than a check on each update: the Markdown stage
        // writes nothing for seconds, and the bar should still appear.
        let reveal = std::thread::spawn(move || {
            if wait.recv_timeout(SHOW_AFTER) == Err(RecvTimeoutError::Timeout) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Some(Bar { bar, done: Some(done), reveal: Some(reveal) })
    }

    /// The library's view of this bar.
    pub fn hook(&self) -> Arc<dyn dateline::Progress> {
        Arc::new(Hook(self.bar.clone()))
    }
}

impl Drop for Bar {
    /// Clears the bar, so the summary line starts on a clean line.
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(reveal) = self.reveal.take() {
            let _ = reveal.join();
        }
        self.bar.finish_and_clear();
    }
}

/// Forwards the build's progress to the bar.
struct Hook(ProgressBar);

impl dateline::Progress for Hook {
    fn stage(&self, name: &'static str) {
        self.0.set_message(name);
    }

    fn expect(&self, files: usize) {
        self.0.set_length(files as u64);
    }

    fn written(&self, files: usize) {
        self.0.inc(files as u64);
        // Listings, feeds and the search index come on top of the articles
        // and are not counted beforehand: the bar grows to take them.
        let pos = self.0.position();
        if self.0.length().is_some_and(|len| pos > len) {
            self.0.set_length(pos);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wanted;

    #[test]
    fn only_on_a_terminal_and_never_when_quiet() {
        assert!(wanted(false, true));
        assert!(!wanted(true, true));
        assert!(!wanted(false, false));
        assert!(!wanted(true, false));
    }
}
