//! `dateline deploy`: puts the built site on a folder or S3-compatible
//! target, uploading only new and changed files and deleting what the site
//! no longer has.
//!
//! The target's state is kept in a manifest object, [`plan::MANIFEST`], at
//! its root: the SHA-256 and headers of every file dateline put there. One
//! read of it and one listing tell what changed, where per-object metadata
//! would need a request per file; the listing catches objects removed or
//! replaced behind dateline's back. Only files recorded in the manifest are
//! ever deleted, so files that other tools put beside the site are left alone.
//!
//! Storage goes through `object_store`, which is async: a small
//! single-threaded tokio runtime lives inside [`deploy`] only, and the rest
//! of dateline stays synchronous.

#[cfg(feature = "s3")]
mod credentials;
pub mod plan;
pub mod rules;
mod run;
pub mod target;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::config::Settings;
use crate::config::deploy::TargetUrl;
use crate::error::{Error, Result};
use plan::{Headers, Plan};
use rules::CacheRules;
use target::Target;

pub use crate::config::deploy::DeployConfig;

/// Choices of one deploy besides `site.yaml`.
#[derive(Debug, Clone, Default)]
pub struct DeployOptions {
    /// The target's name; `None` means the first configured.
    pub target: Option<String>,
    /// Print the plan and change nothing.
    pub dry_run: bool,
    /// Upload every file, whatever the manifest says.
    pub force: bool,
}

/// What a deploy did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The target, as shown to users (never with credentials).
    pub target: String,
    /// Whether it was a dry run (nothing changed).
    pub dry_run: bool,
    /// Paths uploaded (planned, in a dry run).
    pub uploaded: Vec<String>,
    /// Paths deleted (planned, in a dry run).
    pub deleted: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Files on the target that dateline did not put there.
    pub foreign: usize,
    /// Bytes sent in uploads.
    pub bytes_sent: u64,
    /// Requests made to the target.
    pub requests: usize,
    /// Wall time, from reading the settings to the manifest written.
    pub elapsed: Duration,
}

/// Deploys the built site in `out` to a target configured in `root`'s
/// `site.yaml`. `on_plan` sees the plan, with the target's name, before
/// anything changes.
pub fn deploy(
    root: &Path,
    out: &Path,
    options: &DeployOptions,
    on_plan: &mut dyn FnMut(&Plan, &str),
) -> Result<Summary> {
    let start = Instant::now();
    let settings = Settings::load(root)?;
    let config = &settings.config.deploy;
    let chosen = config.target(options.target.as_deref())?;
    let url = TargetUrl::parse(&chosen.url)
        .map_err(|m| Error::Deploy { message: format!("target `{}`: {m}", chosen.name) })?;
    let target = Target::open(&url)?;
    let headers = Headers {
        enabled: target.has_headers,
        rules: CacheRules::new(&config.cache_control),
        gzip: config.gzip,
    };
    built_for_site(out, &settings)?;
    let local = plan::scan(out, &headers)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Deploy { message: format!("cannot start the upload runtime: {e}") })?;
    runtime.block_on(async {
        let (manifest, listed, looked) = run::remote_state(&target).await?;
        let plan = plan::compare(local, manifest, &listed, options.force);
        on_plan(&plan, &target.display);
        let mut summary = Summary {
            target: target.display.clone(),
            dry_run: options.dry_run,
            unchanged: plan.unchanged,
            foreign: plan.foreign,
            requests: looked,
            ..Summary::default()
        };
        if options.dry_run {
            summary.uploaded = plan.uploads.iter().map(|(l, _)| l.path.clone()).collect();
            summary.deleted = plan.deletes.clone();
        } else {
            let (outcome, result) = run::execute(&target, out, &plan, config.concurrency).await;
            result?;
            summary.uploaded = outcome.uploaded;
            summary.deleted = outcome.deleted;
            summary.bytes_sent = outcome.bytes;
            summary.requests += outcome.requests;
        }
        summary.uploaded.sort();
        summary.deleted.sort();
        summary.elapsed = start.elapsed();
        Ok(summary)
    })
}

/// Refuses an output folder that `build` did not make with the site's own
/// base URL: a preview's pages link to localhost, and a folder from
/// elsewhere may be anything. (A missing folder is left to [`plan::scan`].)
fn built_for_site(out: &Path, settings: &Settings) -> Result<()> {
    if !out.is_dir() {
        return Ok(());
    }
    let message = match crate::output::stamped_base_url(out) {
        Some(url) if url == settings.base_url => return Ok(()),
        Some(url) => format!(
            "{} was built for {url}, not for this site's base_url {}: its links, feeds and sitemap \
             would point there; run `dateline build` first (or deploy without --no-build)",
            out.display(),
            settings.base_url
        ),
        None => format!(
            "{} was not made by `dateline build` (it has no {} file): run `dateline build` first \
             (or deploy without --no-build)",
            out.display(),
            crate::output::BUILD_STAMP
        ),
    };
    Err(Error::Deploy { message })
}

/// The plan as lines for a person: a headline, every deletion, and every
/// upload too in a dry run (a real run would print thousands on a first deploy).
pub fn describe(plan: &Plan, target: &str, dry_run: bool) -> Vec<String> {
    let new = plan.uploads.iter().filter(|(_, r)| *r == plan::Reason::New).count();
    let verb = if dry_run { "would upload" } else { "uploading" };
    let mut lines = vec![format!(
        "{target}: {verb} {} files ({new} new, {} changed), deleting {}, {} unchanged",
        plan.uploads.len(),
        plan.uploads.len() - new,
        plan.deletes.len(),
        plan.unchanged
    )];
    if dry_run {
        lines.extend(plan.uploads.iter().map(|(l, r)| format!("  upload {} ({})", l.path, r.as_str())));
    }
    lines.extend(plan.deletes.iter().map(|p| format!("  delete {p}")));
    if plan.foreign > 0 {
        lines.push(format!(
            "  ({} files on the target were not put there by dateline: left alone)",
            plan.foreign
        ));
    }
    lines
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.dry_run {
            return write!(f, "dry run: nothing was changed on {}", self.target);
        }
        write!(
            f,
            "deployed to {}: {} uploaded ({}), {} deleted, {} unchanged, {} requests in {:.1} s",
            self.target,
            self.uploaded.len(),
            human_bytes(self.bytes_sent),
            self.deleted.len(),
            self.unchanged,
            self.requests,
            self.elapsed.as_secs_f64()
        )
    }
}

fn human_bytes(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_and_plan_read_well() {
        let s = Summary {
            target: "s3://b/p".into(),
            uploaded: vec!["a".into(), "b".into()],
            deleted: vec!["c".into()],
            unchanged: 7,
            bytes_sent: 12_345,
            requests: 6,
            elapsed: Duration::from_millis(1500),
            ..Summary::default()
        };
        assert_eq!(
            s.to_string(),
            "deployed to s3://b/p: 2 uploaded (12.3 kB), 1 deleted, 7 unchanged, 6 requests in 1.5 s"
        );
        let plan = Plan { deletes: vec!["old/index.html".into()], unchanged: 3, ..Plan::default() };
        let lines = describe(&plan, "s3://b/p", true);
        assert_eq!(lines[0], "s3://b/p: would upload 0 files (0 new, 0 changed), deleting 1, 3 unchanged");
        assert_eq!(lines[1], "  delete old/index.html");
    }
}
