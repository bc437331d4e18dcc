//! How long each stage of a build took, and the hook through which a front
//! end hears the build advance.

use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long each stage of a build took; tells the build's [`Progress`], if
/// any, as each stage begins.
#[derive(Clone, Default)]
pub struct Timings(pub Vec<(&'static str, Duration)>, pub(crate) Option<Arc<dyn Progress>>);

impl std::fmt::Debug for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Timings").field(&self.0).finish()
    }
}

/// Hears how a build advances, so that a front end can show progress: the
/// library itself never prints. Calls come from several threads.
pub trait Progress: Send + Sync {
    /// A stage begins, named as in [`Timings`].
    fn stage(&self, name: &'static str);
    /// The build writes at least `files` files in all; more may follow.
    fn expect(&self, files: usize);
    /// `files` more files were written.
    fn written(&self, files: usize);
}

impl Timings {
    /// Runs `f`, returning its time too: for stages that run side by side,
    /// whose times are recorded once both are done.
    pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Duration) {
        let start = Instant::now();
        let out = f();
        (out, start.elapsed())
    }

    /// Runs `f`, recording its time under `stage`.
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        if let Some(p) = &self.1 {
            p.stage(stage);
        }
        let start = Instant::now();
        let out = f();
        self.0.push((stage, start.elapsed()));
        out
    }
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> =
            self.0.iter().map(|(s, d)| format!("{s} {:.0} ms", d.as_secs_f64() * 1000.0)).collect();
        write!(f, "{}", parts.join(", "))
    }
}
