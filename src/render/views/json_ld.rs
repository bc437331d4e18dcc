//! The schema.org `NewsArticle` block of an article page (JSON-LD),
//! written through serde.

use serde::Serialize;

use super::SummaryView;
use crate::config::Settings;

/// The schema.org `NewsArticle` of an article page, for its JSON-LD block.
/// Fields in the order serde_json writes a map's keys (sorted), as the
/// `json_ld` filter does, so that a template may make it either way.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Vec<Thing<'a>>,
    date_modified: &'a str,
    date_published: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[&'a str; 1]>,
    in_language: &'a str,
    keywords: Vec<&'a str>,
    main_entity_of_page: WebPage<'a>,
    publisher: Publisher<'a>,
    url: &'a str,
}

/// The schema.org `Organization` that publishes the site, with its logo
/// (`brand.logo`) and its profiles elsewhere (`social`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Publisher<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<ImageObject>,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    same_as: Vec<&'a str>,
    url: &'a str,
}

#[derive(Serialize)]
struct ImageObject {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
}

impl<'a> Publisher<'a> {
    fn of(settings: &'a Settings) -> Self {
        let logo = settings.config.brand.logo_rel().map(|l| settings.permalink(l));
        Publisher {
            kind: "Organization",
            logo: logo.map(|url| ImageObject { kind: "ImageObject", url }),
            name: settings.publisher(),
            same_as: settings.config.social.iter().map(|u| u.0.as_str()).collect(),
            url: &settings.base_url,
        }
    }
}

/// A schema.org `Person` or `Organization`.
#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct WebPage<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
}

/// [`NewsArticle`] as JSON ready for its script block (see
/// [`crate::render::filters::script_safe`]).
pub(super) fn news_article(
    s: &SummaryView<'_>,
    description: &str,
    image: Option<&str>,
    lang: &str,
    settings: &Settings,
) -> String {
    let ld = NewsArticle {
        context: "https://schema.org",
        kind: "NewsArticle",
        author: s.authors.iter().map(|a| Thing { kind: "Person", name: a.name, url: &a.permalink }).collect(),
        date_modified: s.updated.as_ref().unwrap_or(&s.date),
        date_published: &s.date,
        description,
        headline: s.title,
        image: image.map(|i| [i]),
        in_language: lang,
        keywords: s.tags.iter().map(|t| t.name).collect(),
        main_entity_of_page: WebPage { id: &s.permalink, kind: "WebPage" },
        publisher: Publisher::of(settings),
        url: &s.permalink,
    };
    crate::render::filters::script_safe(
        serde_json::to_string(&ld).expect("strings and arrays always serialise"),
    )
}
