//! Writes a synthetic news archive for benchmarks and tests, the same for a
//! seed on every machine (see `corpus/mod.rs` for what it holds).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --n 10000 --out DIR [--seed 1] [--flavor plain]
//! cargo run --release --example gen_corpus -- --n 10000 --stats   # what a correct site holds, as JSON
//! ```

#![allow(clippy::print_stdout, reason = "a command: its report is its output")]

mod corpus;

use std::io::Write as _;
use std::path::PathBuf;

use clap::Parser;

/// A synthetic news archive: Markdown articles with YAML front matter.
#[derive(Parser)]
struct Args {
    /// Number of articles.
    #[arg(long)]
    n: usize,
    /// Folder to write the archive into (created if missing).
    #[arg(long, required_unless_present = "stats")]
    out: Option<PathBuf>,
    /// The same seed gives the same archive.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// File layout and front-matter keys: plain (dateline), hugo, zola or jekyll.
    #[arg(long, default_value = "plain", value_parser = flavor)]
    flavor: corpus::Flavor,
    /// Print what a correct site of this archive holds, as JSON; write nothing.
    #[arg(long)]
    stats: bool,
    /// Copy this folder (a peer's settings and templates) into OUT first.
    #[arg(long)]
    templates: Option<PathBuf>,
}

fn flavor(name: &str) -> Result<corpus::Flavor, String> {
    corpus::Flavor::parse(name).ok_or_else(|| format!("no flavor '{name}': plain, hugo, zola or jekyll"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.stats {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &corpus::stats(args.n, args.seed))?;
        return Ok(writeln!(out)?);
    }
    let out = args.out.expect("clap requires --out without --stats");
    if let Some(templates) = &args.templates {
        copy_tree(templates, &out)?;
    }
    corpus::write(&out, args.n, args.seed, args.flavor)?;
    println!("wrote {} articles ({:?}) to {}", args.n, args.flavor, out.display());
    Ok(())
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let dest = to.join(entry.path().strip_prefix(from)?);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}
