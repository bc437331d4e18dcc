//! The output floor: how long it takes just to write a built site's files
//! and folders, with nothing to compute. It reads a site into memory, then
//! times making its folders (parent before child, each level in parallel)
//! and writing its files (in parallel, `std::fs::write` each) into an empty
//! folder, RUNS times. Whatever a generator does on top of this is its own
//! cost; this part only an output with fewer bytes, files or folders can
//! shrink.
//!
//! `cargo bench --bench output_floor -- SITE DEST [RUNS]` prints one line of
//! JSON: the median, least and most seconds, and the counts. `bench.sh` runs
//! it on dateline's output beside the floor.

#![allow(clippy::print_stdout, reason = "a measuring tool: its report is its output")]
#![allow(clippy::print_stderr, reason = "a measuring tool: its usage goes to stderr")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

struct Site {
    /// Relative paths of the folders below the root, shallowest first.
    folders: Vec<PathBuf>,
    files: Vec<(PathBuf, Vec<u8>)>,
}

fn load(root: &Path) -> std::io::Result<Site> {
    let (mut folders, mut files) = (Vec::new(), Vec::new());
    for entry in walkdir::WalkDir::new(root).min_depth(1).sort_by_file_name() {
        let entry = entry?;
        let rel = entry.path().strip_prefix(root).map_err(std::io::Error::other)?.to_path_buf();
        if entry.file_type().is_dir() {
            folders.push(rel);
        } else {
            files.push((rel, fs::read(entry.path())?));
        }
    }
    folders.sort_by_key(|f| f.components().count());
    Ok(Site { folders, files })
}

/// Writes the site under `dest` and returns the seconds it took.
fn write(site: &Site, dest: &Path) -> std::io::Result<f64> {
    let start = Instant::now();
    fs::create_dir(dest)?;
    let mut rest = &site.folders[..];
    while let Some(first) = rest.first() {
        let depth = first.components().count();
        let level = rest.iter().take_while(|f| f.components().count() == depth).count();
        rest[..level].par_iter().try_for_each(|f| fs::create_dir(dest.join(f)))?;
        rest = &rest[level..];
    }
    site.files.par_iter().try_for_each(|(rel, bytes)| fs::write(dest.join(rel), bytes))?;
    Ok(start.elapsed().as_secs_f64())
}

fn run(args: &[String]) -> std::io::Result<()> {
    let (site_dir, dest) = (Path::new(&args[0]), Path::new(&args[1]));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let site = load(site_dir)?;
    let mut times = Vec::with_capacity(runs);
    // One warm-up run, as hyperfine makes for the tools beside it.
    for i in 0..=runs {
        if dest.exists() {
            fs::remove_dir_all(dest)?;
        }
        let t = write(&site, dest)?;
        if i > 0 {
            times.push(t);
        }
    }
    fs::remove_dir_all(dest)?;
    times.sort_by(f64::total_cmp);
    let bytes: usize = site.files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{{\"median\": {}, \"min\": {}, \"max\": {}, \"runs\": {runs}, \"files\": {}, \"folders\": {}, \"bytes\": {bytes}}}",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        site.files.len(),
        site.folders.len() + 1,
    );
    Ok(())
}

fn main() -> ExitCode {
    // `cargo bench` adds `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if args.len() < 2 {
        eprintln!("usage: cargo bench --bench output_floor -- SITE DEST [RUNS]");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("output_floor: {e}");
            ExitCode::FAILURE
        }
    }
}
