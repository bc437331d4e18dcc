//! Command-line arguments and what each command does.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use dateline::{BuildOptions, Result};

/// Editors finish a save (write, rename, backup) within a few milliseconds;
/// waiting longer only delays the preview. Bursts that last longer cost an
/// extra rebuild, which reads the disk again and so is always right.
const DEBOUNCE_MS: u64 = 20;

/// dateline: a static-site generator for news archives.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The systems `dateline import` reads.
#[derive(Debug, Subcommand)]
enum ImportSource {
    /// A WordPress export (Tools > Export in WordPress, WXR 1.0 to 1.2): posts
    /// become content/YEAR/SLUG.md; comments are not imported.
    Wordpress {
        /// The export file (.xml).
        export: PathBuf,
        /// Site root to create or fill (default: the current folder).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Also import pages, into content/pages/.
        #[arg(long)]
        pages: bool,
        /// A local copy of wp-content/uploads, copied to static/wp-content/uploads.
        #[arg(long)]
        media: Option<PathBuf>,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Print how long each stage took.
        #[arg(long)]
        timings: bool,
        /// Build everything that can be built, skipping broken articles
        /// (each listed with its reason; the exit code is still 1).
        #[arg(long)]
        keep_going: bool,
    },
    /// Build, then rebuild whenever content/, templates/, static/ or site.yaml change.
    Watch {
        #[command(flatten)]
        site: SiteArgs,
        #[command(flatten)]
        watch: WatchArgs,
    },
    /// Check a built site: internal links, fragments, images, orphaned articles.
    Check {
        /// The site and how it was built (pass the same flags as to `build`).
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Watch and serve the site on a local web server whose pages reload
    /// themselves, built into ROOT/.dateline/preview (never the output folder).
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        watch: WatchArgs,
        /// Stop after this many seconds (for scripts and tests).
        #[arg(long, hide = true)]
        stop_after: Option<u64>,
    },
    /// Build, then upload what changed to a target configured in site.yaml under `deploy:`.
    Deploy {
        /// Site root: the folder holding content/ (default: the current folder).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: ROOT/public).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The target's name in site.yaml (default: the first).
        #[arg(long)]
        target: Option<String>,
        /// Print what would be uploaded and deleted, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Upload every file, even those the target already has.
        #[arg(long)]
        force: bool,
        /// Deploy the output folder as it is, without building first.
        #[arg(long)]
        no_build: bool,
    },
    /// Print the direct quotes of the given articles, with their speakers.
    Quotes {
        /// Print JSON Lines: one object per article, {"path", "quotes": [{"text", "speaker", "confidence", "line", ...}]}.
        #[arg(long)]
        json: bool,
        /// List the doubtful attributions (below the site's `min_confidence`, or
        /// no speaker shown), most doubtful first; without FILEs, the whole site's.
        #[arg(long, conflicts_with = "json")]
        review: bool,
        /// Site root, for site.yaml's `quotes:` settings and, with --review, its content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Markdown files, with or without front matter.
        #[arg(required_unless_present = "review")]
        files: Vec<PathBuf>,
    },
    /// Turn another system's archive into a dateline site.
    #[command(subcommand)]
    Import(ImportSource),
    /// Create a new site with a sample article and a commented site.yaml.
    Init {
        /// Folder to create (must be empty or absent).
        dir: PathBuf,
    },
    /// Create a new article dated now, under content/YEAR/.
    New {
        /// The headline.
        title: String,
        /// Site root (default: the current folder).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// Where a site is and how to build it.
/// How `watch` and `serve` follow changes.
#[derive(Debug, clap::Args)]
struct WatchArgs {
    /// Poll for changes instead of using the system's file notifications.
    #[arg(long)]
    poll: bool,
    /// Print how long each stage of each rebuild took.
    #[arg(long)]
    timings: bool,
    /// Quiet time in milliseconds after a change before rebuilding; raise
    /// it where saves arrive in slow bursts (network drives, sync tools).
    #[arg(long, default_value_t = DEBOUNCE_MS, value_name = "MS")]
    debounce: u64,
}

#[derive(Debug, clap::Args)]
struct SiteArgs {
    /// Site root: the folder holding content/ (default: the current folder).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder (default: ROOT/public).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Base URL, overriding site.yaml (e.g. https://example.org/news/).
    #[arg(long)]
    base_url: Option<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Include articles dated in the future (embargoed).
    #[arg(long)]
    future: bool,
}

impl SiteArgs {
    fn out(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| self.root.join("public"))
    }

    fn build_options(&self) -> BuildOptions {
        let (drafts, future, base_url) = (self.drafts, self.future, self.base_url.clone());
        BuildOptions { drafts, future, base_url, ..BuildOptions::default() }
    }

    fn watch_options(self, watch: &WatchArgs) -> dateline::watch::WatchOptions {
        let (out, build) = (self.out(), self.build_options());
        dateline::watch::WatchOptions {
            root: self.root,
            out,
            build,
            debounce: std::time::Duration::from_millis(watch.debounce),
            poll: watch.poll,
        }
    }
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build { site, quiet, timings, keep_going } => build(site, quiet, timings, keep_going),
        Command::Check { site } => check(&site),
        Command::Quotes { json, review, root, files } => {
            let min =
                dateline::quotes::review::threshold(&dateline::config::Settings::load(&root)?.config.quotes);
            if review { quote_review(&root, &files, min) } else { quotes(json, &files, min) }
        }
        Command::Deploy { root, output, target, dry_run, force, no_build } => {
            let out = output.unwrap_or_else(|| root.join("public"));
            deploy(&root, &out, dateline::deploy::DeployOptions { target, dry_run, force }, no_build)
        }
        Command::Serve { site, watch, port, bind, open, stop_after } => {
            if site.output.is_some() {
                eprintln!(
                    "note: serve builds its preview into ROOT/{} and never writes the output folder; --output is not used",
                    dateline::serve::PREVIEW_DIR
                );
            }
            let timings = watch.timings;
            let options = dateline::serve::ServeOptions { watch: site.watch_options(&watch), bind, port };
            serve(&options, stop_after, open, timings)
        }
        Command::Watch { site, watch } => {
            let (options, timings) = (site.watch_options(&watch), watch.timings);
            let stop = dateline::watch::stop_flag();
            dateline::watch::run(&options, &stop, &mut |r| print_report(r, timings))
        }
        Command::Import(ImportSource::Wordpress { export, root, pages, media, force }) => {
            let options = dateline::import::ImportOptions { root, pages, media, force };
            let report = dateline::import::wordpress(&export, &options)?;
            println!("{report}");
            Ok(())
        }
        Command::Init { dir } => {
            dateline::scaffold::init(&dir)?;
            println!("created a new site in {}; to see it:", dir.display());
            println!("  cd {}", dir.display());
            println!("  dateline serve --open");
            Ok(())
        }
        Command::New { title, root } => {
            let path = dateline::scaffold::new_article(&root, &title)?;
            println!("{}", path.display());
            Ok(())
        }
    }
}

/// `dateline build`: every broken article on its own line, then a summary.
fn build(site: SiteArgs, quiet: bool, timings: bool, keep_going: bool) -> Result<()> {
    let (root, out) = (site.root.clone(), site.out());
    let options = BuildOptions { keep_going, ..site.build_options() };
    let built = match crate::progress::Bar::start(quiet) {
        Some(bar) => dateline::build_with_progress(&root, &out, &options, bar.hook()),
        None => dateline::build(&root, &out, &options),
    };
    let report = match built {
        Ok(report) => report,
        Err(dateline::Error::Articles { errors, read, skipped }) => {
            for e in errors.iter().flat_map(dateline::Error::all) {
                eprintln!("error: {e}");
            }
            eprintln!(
                "built 0 articles, nothing written (articles read: {read}, built: 0, skipped: {skipped})"
            );
            return Err(dateline::Error::Incomplete { skipped, written: false });
        }
        Err(e) => return Err(e),
    };
    for w in &report.warnings {
        eprintln!("{w}");
    }
    for e in report.skipped.iter().flat_map(dateline::Error::all) {
        eprintln!("skipped: {e}");
    }
    let skipped = dateline::error::files_of(&report.skipped);
    if !quiet {
        println!(
            "built {} articles, {} files written to {} in {:.0} ms (articles read: {}, built: {}, skipped: {skipped}; {}other files under content/ not read as articles: {})",
            report.articles,
            report.files,
            out.display(),
            report.elapsed.as_secs_f64() * 1000.0,
            report.read,
            report.articles,
            if report.pages > 0 { format!("pages: {}; ", report.pages) } else { String::new() },
            report.not_read,
        );
        for line in report.left_out.lines() {
            println!("{line}");
        }
    }
    if timings {
        eprintln!("stages: {}", report.timings);
    }
    match skipped {
        0 => Ok(()),
        _ => Err(dateline::Error::Incomplete { skipped, written: true }),
    }
}

/// `dateline deploy`: builds (unless `no_build`), then uploads what changed.
fn deploy(root: &Path, out: &Path, options: dateline::deploy::DeployOptions, no_build: bool) -> Result<()> {
    if !no_build {
        let report = dateline::build(root, out, &BuildOptions::default())?;
        for w in &report.warnings {
            eprintln!("{w}");
        }
        println!("built {} articles, {} files", report.articles, report.files);
        for line in report.left_out.lines() {
            println!("{line}");
        }
    }
    let dry_run = options.dry_run;
    let summary = dateline::deploy::deploy(root, out, &options, &mut |plan, to| {
        for line in dateline::deploy::describe(plan, to, dry_run) {
            println!("{line}");
        }
    })?;
    println!("{summary}");
    Ok(())
}

/// `dateline serve`: until Ctrl-C, or `stop_after` seconds.
fn serve(
    options: &dateline::serve::ServeOptions,
    stop_after: Option<u64>,
    open: bool,
    timings: bool,
) -> Result<()> {
    let stop = dateline::watch::stop_flag();
    if let Some(secs) = stop_after {
        let stop = std::sync::Arc::clone(&stop);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(secs));
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
        });
    }
    let mut started = |url: &str| {
        println!("serving {url} (Ctrl-C to stop)");
        println!(
            "preview built in {}; the output folder is left as it is (`dateline build` writes it)",
            dateline::serve::preview_dir(&options.watch.root).display()
        );
        if open {
            let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
            let _ = std::process::Command::new(opener).arg(url).spawn();
        }
    };
    dateline::serve::run(options, &stop, &mut started, &mut |r| print_report(r, timings))
}

/// One line per build, as it happens.
pub fn print_report(report: dateline::watch::Report, timings: bool) {
    use dateline::watch::Report;
    use std::io::Write;
    match report {
        Report::Built { changed, outcome } => {
            for w in &outcome.warnings {
                eprintln!("{w}");
            }
            let ms = outcome.elapsed.as_secs_f64() * 1000.0;
            if changed.is_empty() {
                println!(
                    "built {} articles, {} files written in {ms:.0} ms; watching for changes (Ctrl-C to stop)",
                    outcome.articles, outcome.written
                );
            } else {
                let what: Vec<String> = changed.iter().take(3).map(|p| p.display().to_string()).collect();
                let more = if changed.len() > 3 {
                    format!(" and {} more", changed.len() - 3)
                } else {
                    String::new()
                };
                println!(
                    "rebuilt in {ms:.0} ms after {}{more} changed: {} pages rendered, {} files written, {} deleted",
                    what.join(", "),
                    outcome.rendered,
                    outcome.written,
                    outcome.deleted
                );
            }
            for line in outcome.left_out.lines() {
                println!("{line}");
            }
            if timings {
                eprintln!("stages: {}", outcome.timings);
            }
        }
        Report::Failed(e) => {
            for err in e.all() {
                eprintln!("error: {err}");
            }
            eprintln!("the output keeps the last good build; save a fix to rebuild");
        }
        Report::Notice(n) => eprintln!("note: {n}"),
    }
    let _ = std::io::stdout().flush();
}

/// Prints every problem; exits with 1 when there is any.
fn check(site: &SiteArgs) -> Result<()> {
    // `public/x.html: ...` reads better than `./public/x.html: ...`.
    let out = match (&site.output, site.root.to_str()) {
        (None, Some(".")) => PathBuf::from("public"),
        _ => site.out(),
    };
    let problems = dateline::check::check_built(&site.root, &out, &site.build_options())?;
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        eprintln!("{}: no problems found", out.display());
        Ok(())
    } else {
        eprintln!("{}: {} problems", out.display(), problems.len());
        std::process::exit(1)
    }
}

fn quotes(json: bool, files: &[PathBuf], min: f32) -> Result<()> {
    let mut errors = Vec::new();
    for path in files {
        let (found, problems) = match dateline::quotes::review::read_file(path, min) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        errors.extend(problems);
        let quotes = found.quotes.iter().zip(&found.lines);
        if json {
            let line = serde_json::json!({
                "path": path.to_string_lossy(),
                "quotes": quotes.map(|(q, line)| serde_json::json!({
                    "text": q.text, "speaker": q.speaker, "partial": q.partial, "paragraph": q.block + 1,
                    "confidence": q.confidence, "line": line,
                })).collect::<Vec<_>>(),
            });
            println!("{line}");
        } else {
            println!("{}: {} quotes", path.display(), found.quotes.len());
            for (q, line) in quotes {
                let who = q.speaker.as_deref().unwrap_or("(unnamed)");
                let kind = if q.partial { " (partial)" } else { "" };
                println!("  line {line} ¶{} {who}{kind} ({:.2}): “{}”", q.block + 1, q.confidence, q.text);
            }
        }
    }
    dateline::Error::from_many(errors).map_or(Ok(()), Err)
}

/// `quotes --review`: one line per doubtful quote, a count on stderr.
fn quote_review(root: &std::path::Path, files: &[PathBuf], min: f32) -> Result<()> {
    use dateline::quotes::review;
    let (doubts, count, errors) =
        if files.is_empty() { review::review_site(root, min) } else { review::review_files(files, min) };
    for d in &doubts {
        println!("{d}");
    }
    eprintln!("{} of {count} quotes to check (speaker below {min} or not shown)", doubts.len());
    dateline::Error::from_many(errors).map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_app() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
