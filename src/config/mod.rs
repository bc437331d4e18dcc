//! Site settings: embedded defaults, overridden by an optional `site.yaml`.

pub mod brand;
pub mod colour;
pub mod deploy;
mod old_site;

use std::path::Path;

use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::error::{Error, Result};

/// The settings file looked for at the site root.
pub const SETTINGS_FILE: &str = "site.yaml";

/// Settings as written in `site.yaml`; every field has a default.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Name of the publication.
    pub title: String,
    /// One-line description, used in metadata and feeds.
    pub description: String,
    /// Where the site lives: `/`, `https://example.org/` or `https://example.org/news/`.
    pub base_url: String,
    /// Language tag for `<html lang>`; with `languages`, the default one.
    pub language: String,
    /// Language sections (`[en, ja]`): articles in a top folder named for one
    /// (`content/ja/`), or saying `lang: ja`, get `/ja/` URLs unless it is
    /// the default language.
    pub languages: Vec<String>,
    /// IANA time zone in which dates are read and shown. Unset: dates
    /// without an offset are read in UTC, and a date written with an offset
    /// keeps it (as Hugo and Zola show it), so an imported post stays on the
    /// day, and at the URL, its old site gave it.
    pub timezone: Option<String>,
    /// Articles per listing page.
    pub per_page: usize,
    /// Article URL pattern with `:year`, `:month`, `:day` and `:slug`.
    pub permalink: String,
    /// strftime pattern for dates shown to readers.
    pub date_format: String,
    /// Related articles shown under each article.
    pub related: usize,
    /// Words read per minute, for reading time.
    pub words_per_minute: usize,
    /// Pull-out quotes per article.
    pub pullquotes: usize,
    /// Direct quotes: `false` turns them off (pull-outs and the quotes index
    /// need them); a map sets how sure a speaker must be to be shown.
    pub quotes: QuotesConfig,
    /// Articles in each feed, newest first.
    pub feed_limit: usize,
    /// What tag and author feeds carry of each article.
    pub group_feeds: FeedText,
    /// Publisher named in feeds and article metadata; empty means the title.
    pub publisher: String,
    /// Free-form values passed to templates as `site.extra`.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Where an article without a date in its front matter, file name or
    /// folders takes one from.
    pub date_fallback: DateFallback,
    /// Whether `categories` and `category` are merged into `tags`.
    pub categories_as_tags: bool,
    /// Markdown options.
    pub markdown: MarkdownConfig,
    /// Where `dateline deploy` puts the site, and with which headers.
    pub deploy: deploy::DeployConfig,
    /// The look: logo, accent colour, colour scheme, font, social image.
    pub brand: brand::Brand,
    /// The masthead menu, in order; empty means the built-in sections.
    pub nav: Vec<brand::NavItem>,
    /// The line at the foot of every page; empty means title and description.
    pub footer: String,
    /// The publication's profiles elsewhere: footer links and `sameAs`.
    pub social: Vec<brand::WebUrl>,
}

/// Where an undated article takes its date from (`date_fallback`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFallback {
    /// Nowhere: an undated article is an error naming the file.
    #[default]
    None,
    /// The file's last-modified time, for archives that never wrote dates.
    FileMtime,
}

/// What a feed carries of each article (`group_feeds`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedText {
    /// The summary and a link, as newsrooms' section feeds do: a site of
    /// 400 tags would otherwise write 1,200 copies of 20 full articles.
    #[default]
    Summary,
    /// The whole article, as the site-wide feeds always carry.
    Full,
}

/// The `markdown:` settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Raw HTML in bodies passes through (true, as in Zola and Jekyll) or is
    /// shown as text (false, for archives that take outside contributions).
    pub raw_html: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig { raw_html: true }
    }
}

/// The `quotes:` settings, written `quotes: false` or
/// `quotes: { min_confidence: 0.8, unnamed_pullouts: false }`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotesConfig {
    /// Find direct quotes at all.
    pub enabled: bool,
    /// Least confidence (0 to 1) for a speaker to be shown; `None` leaves
    /// it to the quotes stage's default, which is set on validation data.
    pub min_confidence: Option<f32>,
    /// Whether a quote without a shown speaker may be a pull-out.
    pub unnamed_pullouts: bool,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig { enabled: true, min_confidence: None, unnamed_pullouts: false }
    }
}

impl<'de> Deserialize<'de> for QuotesConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(QuotesVisitor)
    }
}

/// The map form of `quotes:`; the range check happens while reading, so
/// the parser's error carries the line of the bad value.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct QuotesFields {
    enabled: bool,
    #[serde(deserialize_with = "confidence")]
    min_confidence: Option<f32>,
    unnamed_pullouts: bool,
}

impl Default for QuotesFields {
    fn default() -> Self {
        let d = QuotesConfig::default();
        QuotesFields {
            enabled: d.enabled,
            min_confidence: d.min_confidence,
            unnamed_pullouts: d.unnamed_pullouts,
        }
    }
}

fn confidence<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<f32>, D::Error> {
    let Some(v) = Option::<f64>::deserialize(d)? else {
        return Ok(None);
    };
    if (0.0..=1.0).contains(&v) {
        return Ok(Some(v as f32));
    }
    let want = "`min_confidence` from 0 to 1, such as 0.8 (higher shows fewer speakers, more surely right)";
    Err(serde::de::Error::invalid_value(serde::de::Unexpected::Float(v), &want))
}

struct QuotesVisitor;

impl<'de> serde::de::Visitor<'de> for QuotesVisitor {
    type Value = QuotesConfig;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("true, false, or a map such as `{min_confidence: 0.8, unnamed_pullouts: false}`")
    }

    fn visit_bool<E: serde::de::Error>(self, on: bool) -> std::result::Result<QuotesConfig, E> {
        Ok(QuotesConfig { enabled: on, ..QuotesConfig::default() })
    }

    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<QuotesConfig, E> {
        Ok(QuotesConfig::default())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<QuotesConfig, A::Error> {
        let f = QuotesFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(QuotesConfig {
            enabled: f.enabled,
            min_confidence: f.min_confidence,
            unnamed_pullouts: f.unnamed_pullouts,
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Dateline".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            languages: Vec::new(),
            timezone: None,
            per_page: 20,
            permalink: "/:year/:month/:day/:slug/".into(),
            date_format: "%B %-d, %Y".into(),
            related: 5,
            words_per_minute: 200,
            pullquotes: 1,
            quotes: QuotesConfig::default(),
            feed_limit: 20,
            group_feeds: FeedText::Summary,
            publisher: String::new(),
            extra: serde_json::Map::new(),
            date_fallback: DateFallback::None,
            categories_as_tags: true,
            markdown: MarkdownConfig::default(),
            deploy: deploy::DeployConfig::default(),
            brand: brand::Brand::default(),
            nav: Vec::new(),
            footer: String::new(),
            social: Vec::new(),
        }
    }
}

/// Settings after validation, with derived values.
#[derive(Debug, Clone)]
pub struct Settings {
    /// What was configured.
    pub config: Config,
    /// The parsed time zone.
    pub tz: TimeZone,
    /// Absolute base URL ending in `/`, or just the path when no host is set.
    pub base_url: String,
    /// Path part of the base URL, starting and ending with `/`.
    pub base_path: String,
    /// The `permalink` of a Jekyll site's `_config.yml` (at the root or in
    /// `content/`), for the old URLs of its posts.
    pub jekyll_permalink: Option<String>,
    /// On a Hugo or Zola site, Hugo's `permalinks` by section (empty when
    /// it set none), for the old URLs of its posts; `None` on other sites.
    pub section_permalinks: Option<Vec<(String, String)>>,
}

impl Settings {
    /// Reads `site.yaml` under `root` if it exists, over the defaults.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(SETTINGS_FILE);
        let (config, text) = match std::fs::read_to_string(&path) {
            Ok(text) => (crate::yaml::parse_settings(&text, Path::new(SETTINGS_FILE))?, text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), String::new()),
            Err(e) => return Err(Error::io(&path, e)),
        };
        brand::check_files(&config.brand, root, &text)?;
        let mut config = config;
        let old = old_site::OldSite::read(root);
        // A multilingual Hugo or Zola site keeps its languages until site.yaml says otherwise.
        if let Some((default, all)) = old.languages
            && !sets_any(&text, &["language", "languages"])
        {
            (config.language, config.languages) = (default, all);
        }
        let mut settings = Settings::new(config)?;
        settings.jekyll_permalink = old.jekyll_permalink;
        settings.section_permalinks = old.section_permalinks;
        Ok(settings)
    }

    /// Validates `config`.
    pub fn new(config: Config) -> Result<Self> {
        let bad = |msg: String| Error::content(Path::new(SETTINGS_FILE), 0, 0, msg);
        let zone = config.timezone.as_deref().unwrap_or("UTC");
        let tz = TimeZone::get(zone).map_err(|_| {
            bad(format!("unknown time zone `{zone}`: use an IANA name such as UTC or Europe/Berlin"))
        })?;
        if config.title.trim().is_empty() {
            // Every page's <title> and every feed's title would be empty, which HTML and Atom forbid.
            return Err(bad("`title` is empty: write the site's name".into()));
        }
        if config.per_page == 0 {
            return Err(bad("`per_page` must be at least 1".into()));
        }
        if config.feed_limit == 0 {
            return Err(bad("`feed_limit` must be at least 1".into()));
        }
        if !config.permalink.contains(":slug") || !config.permalink.ends_with('/') {
            return Err(bad(format!("`permalink` `{}` must contain :slug and end with /", config.permalink)));
        }
        config.deploy.validate()?;
        let (base_url, base_path) = split_base_url(&config.base_url);
        Ok(Settings { config, tz, base_url, base_path, jekyll_permalink: None, section_permalinks: None })
    }

    /// Replaces the base URL (the `--base-url` flag).
    pub fn set_base_url(&mut self, url: &str) {
        self.config.base_url = url.to_string();
        (self.base_url, self.base_path) = split_base_url(url);
    }

    /// The URL path of a site-relative path such as `tags/x/`.
    pub fn url(&self, rel: &str) -> String {
        [self.base_path.as_str(), rel.trim_start_matches('/')].concat()
    }

    /// The absolute URL of a site-relative path, for feeds and canonical links.
    pub fn permalink(&self, rel: &str) -> String {
        [self.base_url.as_str(), rel.trim_start_matches('/')].concat()
    }

    /// `https://example.org` for `https://example.org/news/`: what turns a
    /// root-relative path (`/news/x/`) into a full URL. Empty without a host.
    pub fn origin(&self) -> &str {
        &self.base_url[..self.base_url.len() - self.base_path.len()]
    }

    /// Whether `base_url` names a host, so that permalinks are full URLs.
    pub fn has_host(&self) -> bool {
        !self.origin().is_empty()
    }

    /// The publisher's name: `publisher`, or the site title.
    pub fn publisher(&self) -> &str {
        if self.config.publisher.is_empty() { &self.config.title } else { &self.config.publisher }
    }
}

fn split_base_url(url: &str) -> (String, String) {
    let mut url = url.trim().to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    let path = match url.find("://") {
        Some(i) => match url[i + 3..].find('/') {
            Some(j) => url[i + 3 + j..].to_string(),
            None => "/".to_string(),
        },
        None => {
            if !url.starts_with('/') {
                url.insert(0, '/');
            }
            url.clone()
        }
    };
    (url, path)
}

/// Whether site.yaml's `text` sets any of `keys` (the defaults of a parsed
/// [`Config`] cannot tell).
fn sets_any(text: &str, keys: &[&str]) -> bool {
    let written: serde_yaml::Value = serde_yaml::from_str(text).unwrap_or_default();
    keys.iter().any(|k| written.get(*k).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_forms() {
        assert_eq!(split_base_url("/"), ("/".into(), "/".into()));
        assert_eq!(split_base_url("https://example.org"), ("https://example.org/".into(), "/".into()));
        assert_eq!(
            split_base_url("https://example.org/news"),
            ("https://example.org/news/".into(), "/news/".into())
        );
    }

    #[test]
    fn origin_is_the_base_url_without_its_path() {
        let mut s = Settings::new(Config::default()).unwrap();
        assert_eq!((s.origin(), s.has_host()), ("", false));
        s.set_base_url("https://example.org/news");
        assert_eq!((s.origin(), s.has_host()), ("https://example.org", true));
    }

    #[test]
    fn unknown_settings_are_named() {
        let err = crate::yaml::parse_settings::<Config>("titel: x\n", Path::new("site.yaml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("site.yaml:1:"), "{err}");
        assert!(err.contains("titel"), "{err}");
    }

    #[test]
    fn reliability_settings_parse() {
        let c: Config = crate::yaml::parse_settings(
            "date_fallback: file_mtime\ncategories_as_tags: false\nmarkdown: {raw_html: false}\n",
            Path::new("site.yaml"),
        )
        .unwrap();
        assert_eq!(c.date_fallback, DateFallback::FileMtime);
        assert!(!c.categories_as_tags && !c.markdown.raw_html);
        let d = Config::default();
        assert_eq!(d.date_fallback, DateFallback::None);
        assert!(d.categories_as_tags && d.markdown.raw_html);
        let err = crate::yaml::parse_settings::<Config>("date_fallback: guess\n", Path::new("site.yaml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("file_mtime"), "{err}");
    }

    #[test]
    fn quotes_setting_takes_a_switch_or_a_map() {
        let read =
            |t: &str| crate::yaml::parse_settings::<Config>(t, Path::new("site.yaml")).map(|c| c.quotes);
        let off = read("quotes: false\n").unwrap();
        assert!(!off.enabled);
        assert_eq!(off.min_confidence, None);
        assert_eq!(read("title: x\n").unwrap(), QuotesConfig::default());
        let tuned = read("quotes:\n  min_confidence: 0.8\n  unnamed_pullouts: true\n").unwrap();
        assert_eq!(tuned, QuotesConfig { enabled: true, min_confidence: Some(0.8), unnamed_pullouts: true });
        assert!(!read("quotes: {enabled: false}\n").unwrap().enabled);
    }

    #[test]
    fn bad_quotes_settings_are_located() {
        let err = |t: &str| {
            crate::yaml::parse_settings::<Config>(t, Path::new("site.yaml")).unwrap_err().to_string()
        };
        let e = err("title: x\nquotes:\n  min_confidence: 1.5\n");
        assert!(e.starts_with("site.yaml:3:"), "{e}");
        assert!(e.contains("from 0 to 1"), "{e}");
        let e = err("title: x\nquotes:\n  min_confidense: 0.5\n");
        assert!(e.starts_with("site.yaml:3:") && e.contains("min_confidense"), "{e}");
        let e = err("quotes: sometimes\n");
        assert!(e.starts_with("site.yaml:1:") && e.contains("min_confidence"), "{e}");
    }

    #[test]
    fn bad_time_zone_is_explained() {
        let config = Config { timezone: Some("Mars/Olympus".into()), ..Config::default() };
        let err = Settings::new(config).unwrap_err().to_string();
        assert!(err.contains("unknown time zone `Mars/Olympus`"), "{err}");
    }

    #[test]
    fn empty_site_title_is_refused() {
        let config = Config { title: "  ".into(), ..Config::default() };
        let err = Settings::new(config).unwrap_err().to_string();
        assert!(err.contains("`title` is empty"), "{err}");
    }
}
