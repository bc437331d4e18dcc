//! The `dateline` command: a thin layer over the library.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the CLI talks to the terminal")]

mod cli;
mod progress;

use std::process::ExitCode;

use clap::Parser;

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for err in e.all() {
                eprintln!("error: {err}");
            }
            let n = e.all().len();
            if n > 1 {
                eprintln!("{n} errors: nothing was written; the previous output is untouched");
            }
            ExitCode::from(1)
        }
    }
}
