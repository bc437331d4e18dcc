//! dateline turns a folder of Markdown news articles into a complete static
//! archive site: article pages, a paginated front page, tag, author, year and
//! month listings, and a stylesheet, all from templates compiled into the crate.
//!
//! The pipeline runs in one direction, each stage a module:
//! [`config`] → [`content`] (articles) → [`markdown`] → [`archive`] (listings)
//! → [`render`] (pages in memory), [`feeds`] and [`sitemap`] → [`output`]
//! (written atomically).
//!
//! ```no_run
//! use std::path::Path;
//! use dateline::{BuildOptions, Site};
//!
//! let site = Site::load(Path::new("my-paper"), &BuildOptions::default())?;
//! for article in &site.articles {
//!     println!("{} {}", article.date, article.title);
//! }
//! let built = site.build()?; // every page in memory
//! let front = built.pages.iter().find(|p| p.path == "index.html").unwrap();
//! assert!(!front.bytes.is_empty());
//! // Or all at once, onto disk:
//! dateline::build(Path::new("my-paper"), Path::new("my-paper/public"), &BuildOptions::default())?;
//! # Ok::<(), dateline::Error>(())
//! ```

pub mod archive;
pub mod body;
pub mod check;
pub mod config;
pub mod content;
pub mod dates;
pub mod deploy;
pub mod error;
pub mod escape;
pub mod favicon;
pub mod feeds;
mod fingerprint;
pub mod import;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod publish;
pub mod pullout;
pub mod quotes;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod timings;
pub mod undated;
pub mod watch;
pub mod xml;
mod yaml;

#[cfg(test)]
mod testing;

pub use error::{Error, Result, Warning};
pub use site::{BuildOptions, Built, Progress, Report, Site, build, build_with_progress};
