//! Errors that carry their location: the file, the line and column, and what to fix.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a source file a problem was found. Lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the user would type it (relative to the site root where possible).
    pub path: PathBuf,
    /// Line in the file, 0 when unknown.
    pub line: usize,
    /// Column in the line, 0 when unknown.
    pub column: usize,
}

impl Location {
    /// A location in `path` at `line`:`column` (0 means unknown).
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location { path: path.into(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An article (or `site.yaml`) is malformed at a known place.
    #[error("{at}: {message}")]
    Content {
        /// Where.
        at: Location,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A template failed to parse or render.
    #[error("template error: {message}")]
    Template {
        /// Tera's report, with the template name, line and cause.
        message: String,
    },
    /// Two sources would be written to the same output file.
    #[error(
        "{} and {} both produce {url}: give one of them another `slug` or date",
        first.display(),
        second.display()
    )]
    DuplicateUrl {
        /// The output URL both claim.
        url: String,
        /// The first file.
        first: PathBuf,
        /// The second file.
        second: PathBuf,
    },
    /// A computed output path would leave the output folder.
    #[error("refusing to write {path}: it is not a plain path inside the output folder")]
    UnsafePath {
        /// The offending output path.
        path: String,
    },
    /// Deploying the built site failed; the message says what to do.
    #[error("deploy: {message}")]
    Deploy {
        /// What went wrong and how to fix it, with no credentials in it.
        message: String,
    },
    /// Several errors, all reported together.
    #[error("{}", render_many(.0))]
    Many(Vec<Error>),
    /// Broken articles stopped the build (without `--keep-going`).
    #[error("{}", render_many(errors))]
    Articles {
        /// What is wrong with each, one or more per file.
        errors: Vec<Error>,
        /// Markdown files read.
        read: usize,
        /// Files with at least one error.
        skipped: usize,
    },
    /// Broken articles were left out: the build stopped, or with
    /// `--keep-going` went on without them. Each was reported already.
    #[error(
        "{skipped} broken article{} {}",
        if *skipped == 1 { "" } else { "s" },
        if *written {
            "skipped (listed above); everything else was built"
        } else {
            "stopped the build: nothing was written, the previous output is untouched (--keep-going builds the rest)"
        }
    )]
    Incomplete {
        /// Articles left out.
        skipped: usize,
        /// Whether the rest of the site was written.
        written: bool,
    },
}

fn render_many(errors: &[Error]) -> String {
    let mut out = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&e.to_string());
    }
    out
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }

    /// A content error at `path:line:column`.
    pub fn content(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Error::Content { at: Location::new(path, line, column), message: message.into() }
    }

    /// Folds a list of errors into one, or `None` when empty.
    pub fn from_many(mut errors: Vec<Error>) -> Option<Self> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Many(errors)),
        }
    }

    /// The file an error is about, when it is about one file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. } => Some(path),
            Error::Content { at, .. } => Some(&at.path),
            Error::DuplicateUrl { second, .. } => Some(second),
            _ => None,
        }
    }

    /// The individual errors: one for a single error, each of them for
    /// [`Error::Many`] and [`Error::Articles`].
    pub fn all(&self) -> Vec<&Error> {
        match self {
            Error::Many(v) | Error::Articles { errors: v, .. } => v.iter().flat_map(|e| e.all()).collect(),
            e => vec![e],
        }
    }
}

/// How many files the errors are about (an error about no one file counts as one).
pub fn files_of(errors: &[Error]) -> usize {
    let mut paths: Vec<Option<&Path>> = errors.iter().flat_map(Error::all).map(Error::path).collect();
    paths.sort();
    paths.dedup();
    paths.len()
}

/// A problem worth telling the user about that does not stop the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub at: Location,
    /// What looks wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.at, self.message)
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
