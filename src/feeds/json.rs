//! JSON Feed 1.1.

use serde::Serialize;

use super::{Channel, Entry};
use crate::dates::rfc3339;

#[derive(Serialize)]
struct Feed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: &'a str,
    authors: [Author<'a>; 1],
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

pub(super) fn write(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
    let feed = Feed {
        version: "https://jsonfeed.org/version/1.1",
        title: ch.title,
        home_page_url: &ch.home,
        feed_url: &ch.self_urls[2],
        description: ch.description,
        language: ch.language,
        authors: [Author { name: ch.publisher, url: None }],
        items: entries.iter().map(|e| item(e)).collect(),
    };
    let mut bytes = Vec::with_capacity(super::expected_len(entries));
    if serde_json::to_writer_pretty(&mut bytes, &feed).is_err() {
        bytes.clear();
    }
    bytes.push(b'\n');
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).unwrap_or_default()
}

fn item<'a>(e: &'a Entry<'a>) -> Item<'a> {
    Item {
        id: &e.id,
        url: &e.url,
        title: e.title,
        content_html: &e.content_html,
        summary: &e.summary_text,
        image: e.image.as_deref(),
        date_published: rfc3339(e.published),
        date_modified: rfc3339(e.updated),
        authors: e.authors.iter().map(|(name, url)| Author { name, url: Some(url) }).collect(),
        tags: e.tags,
    }
}
