//! JSON Feed 1.1 through serde: the feed's structure as structs, written by
//! serde_json's pretty printer (two-space indents, keys in field order).

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

/// The JSON Feed of `entries`.
pub(super) fn write(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
    let items = entries
        .iter()
        .map(|e| Item {
            id: &e.id,
            url: &e.url,
            title: e.title,
            // JSON Feed wants content in every item: the summary stands in.
            content_html: if ch.full { &e.content_html } else { &e.summary_html },
            summary: &e.summary_text,
            image: e.image.as_deref(),
            date_published: rfc3339(e.published),
            date_modified: rfc3339(e.updated),
            authors: e.authors.iter().map(|(name, url)| Author { name, url: Some(url) }).collect(),
            tags: e.tags,
        })
        .collect();
    let feed = Feed {
        version: "https://jsonfeed.org/version/1.1",
        title: ch.title,
        home_page_url: &ch.home,
        feed_url: &ch.self_urls[2],
        description: ch.description,
        language: ch.language,
        authors: [Author { name: ch.publisher, url: None }],
        items,
    };
    let mut out = Vec::with_capacity(super::expected_len(entries, ch.full));
    serde_json::to_writer_pretty(&mut out, &feed).expect("strings and arrays always serialise");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(n: usize, date: &'a jiff::ZonedDateTime, tags: &'a [String], full: bool) -> Entry<'a> {
        let html = format!("<p class=\"x\">Story {n}\tsaid \\ \u{1}\u{7f} “quoted”</p>\n<p>é</p>");
        Entry {
            title: if full { "A \"title\"" } else { "Plain" },
            url: format!("https://e.org/{n}/"),
            id: format!("https://e.org/{n}/"),
            id_is_url: true,
            published: date,
            updated: date,
            authors: if full { vec![("Ann Roe", "https://e.org/authors/ann-roe/".into())] } else { vec![] },
            tags,
            summary_text: format!("Story {n}"),
            summary_html: format!("<p>Story {n}</p>"),
            summary_xml: crate::xml::Cdata::new(""),
            content_xml: crate::xml::Cdata::new(&html).into_owned(),
            content_html: html.into(),
            image: full.then(|| "https://e.org/a.png".into()),
        }
    }

    #[test]
    fn feeds_match_serde_json_structs() {
        let date =
            crate::dates::parse("2024-02-01T10:00:00+01:00", &jiff::tz::TimeZone::UTC).expect("a date");
        let tags = vec!["council".to_string(), "Ödön \"q\"".to_string()];
        let ch = Channel {
            title: "T \\ t",
            description: "D",
            home: "https://e.org/".into(),
            self_urls: ["a".into(), "b".into(), "https://e.org/feed.json".into()],
            id: "a".into(),
            updated: Some(&date),
            language: "en",
            publisher: "P",
            full: true,
        };
        let (full, bare) = (entry(1, &date, &tags, true), entry(2, &date, &[], false));
        let feed: serde_json::Value =
            serde_json::from_str(&write(&ch, &[&full, &bare])).expect("the feed is JSON");
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["title"], "T \\ t");
        assert_eq!(feed["authors"], serde_json::json!([{"name": "P"}]));
        let (first, second) = (&feed["items"][0], &feed["items"][1]);
        assert_eq!(first["content_html"], full.content_html.as_ref());
        assert_eq!(
            first["authors"],
            serde_json::json!([{"name": "Ann Roe", "url": "https://e.org/authors/ann-roe/"}])
        );
        assert_eq!(first["tags"], serde_json::json!(["council", "Ödön \"q\""]));
        assert_eq!(first["image"], "https://e.org/a.png");
        assert_eq!(first["date_published"], rfc3339(&date));
        assert!(
            second.get("authors").is_none() && second.get("tags").is_none() && second.get("image").is_none()
        );
        let text = write(&ch, &[]);
        assert!(text.starts_with("{\n  \"version\": ") && text.ends_with("\"items\": []\n}\n"), "{text}");
    }
}
