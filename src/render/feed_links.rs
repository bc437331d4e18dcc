//! The feeds a page links to in its head: the three formats of the site's
//! feeds and of each tag's and author's (the feeds themselves are written by
//! `feeds`, which takes the formats and titles from here).

use serde::Serialize;

use crate::config::Settings;

/// The three formats: file name, media type and the name shown to readers.
pub const FORMATS: [(&str, &str, &str); 3] = [
    ("feed.xml", "application/atom+xml", "Atom"),
    ("rss.xml", "application/rss+xml", "RSS"),
    ("feed.json", "application/feed+json", "JSON Feed"),
];

/// A feed as HTML pages link it: `<link rel="alternate" type title href>`.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    /// `Site (Atom)`, `council · Site (RSS)`.
    pub title: String,
    /// The media type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// URL path of the feed.
    pub url: String,
}

/// The links to the three feeds of the listing at `rel` (`""`, `tags/x/`).
pub fn links(rel: &str, title: &str, settings: &Settings) -> Vec<FeedLink> {
    FORMATS
        .iter()
        .map(|(file, kind, label)| FeedLink {
            title: format!("{title} ({label})"),
            kind,
            url: settings.url(&[rel, file].concat()),
        })
        .collect()
}

/// The title of a tag's or author's feeds in the language under `prefix`.
pub fn group_title(name: &str, prefix: &str, settings: &Settings) -> String {
    format!("{name} · {}", site_title(prefix, settings))
}

/// The site's title in the feeds of the language under `prefix` (`ja/`):
/// the site's own for the default language, with the language's own name
/// for a section (`The Ledger (日本語)`), so that a reader subscribed to
/// both can tell them apart.
pub fn site_title(prefix: &str, settings: &Settings) -> String {
    match prefix.strip_suffix('/') {
        Some(code) if !code.is_empty() => {
            format!(
                "{} ({})",
                settings.config.title,
                super::views::native_name(&super::views::html_lang(code))
            )
        }
        _ => settings.config.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn settings(base_url: &str) -> Settings {
        Settings::new(Config { base_url: base_url.into(), ..Config::default() }).unwrap()
    }

    #[test]
    fn pages_link_three_feeds() {
        let s = settings("/news/");
        let links = links("tags/x/", "x · Site", &s);
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["/news/tags/x/feed.xml", "/news/tags/x/rss.xml", "/news/tags/x/feed.json"]);
        assert_eq!(links[1].title, "x · Site (RSS)");
        assert_eq!(links[2].kind, "application/feed+json");
    }
}
