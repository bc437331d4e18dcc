//! JSON Feed 1.1, written by hand: the articles' HTML is most of every feed,
//! and serde_json's string escaping, byte by byte, was 9% of a whole build.
//! The layout is serde_json's pretty printing (two-space indents, `"key":
//! value`), which the tests hold it to.

use super::{Channel, Entry};
use crate::dates::rfc3339;
use crate::json_string::escape_into;

pub(super) fn write(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
    let mut w = Writer { out: String::with_capacity(super::expected_len(entries)), depth: 0 };
    w.open('{');
    w.field("version", "https://jsonfeed.org/version/1.1");
    w.field("title", ch.title);
    w.field("home_page_url", &ch.home);
    w.field("feed_url", &ch.self_urls[2]);
    w.field("description", ch.description);
    w.field("language", ch.language);
    w.key("authors");
    w.open('[');
    author(&mut w, ch.publisher, None);
    w.close(']');
    w.key("items");
    w.open('[');
    for e in entries {
        item(&mut w, e);
    }
    w.close(']');
    w.close('}');
    w.out.push('\n');
    w.out
}

fn item(w: &mut Writer, e: &Entry<'_>) {
    w.element();
    w.open('{');
    w.field("id", &e.id);
    w.field("url", &e.url);
    w.field("title", e.title);
    match &e.content_json {
        Some(escaped) => w.escaped_field("content_html", escaped),
        None => w.field("content_html", &e.content_html),
    }
    w.field("summary", &e.summary_text);
    if let Some(image) = &e.image {
        w.field("image", image);
    }
    w.field("date_published", &rfc3339(e.published));
    w.field("date_modified", &rfc3339(e.updated));
    if !e.authors.is_empty() {
        w.key("authors");
        w.open('[');
        for (name, url) in &e.authors {
            author(w, name, Some(url));
        }
        w.close(']');
    }
    if !e.tags.is_empty() {
        w.key("tags");
        w.open('[');
        for t in e.tags {
            w.element();
            w.string(t);
        }
        w.close(']');
    }
    w.close('}');
}

/// An author object, as a member of an array.
fn author(w: &mut Writer, name: &str, url: Option<&str>) {
    w.element();
    w.open('{');
    w.field("name", name);
    if let Some(url) = url {
        w.field("url", url);
    }
    w.close('}');
}

/// Pretty-printed JSON. `open` and `close` bracket an object or array;
/// `key` starts each member of an object, `element` each of an array.
struct Writer {
    out: String,
    depth: usize,
}

/// Whether the container being written has no member yet: the byte just
/// written is its opening bracket.
fn at_open(out: &str) -> bool {
    matches!(out.as_bytes().last(), Some(b'{' | b'['))
}

impl Writer {
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !at_open(&self.out) {
            self.newline();
        }
        self.out.push(bracket);
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts the next member of an array.
    fn element(&mut self) {
        if !at_open(&self.out) {
            self.out.push(',');
        }
        self.newline();
    }

    fn key(&mut self, name: &str) {
        self.element();
        self.string(name);
        self.out.push_str(": ");
    }

    fn field(&mut self, name: &str, value: &str) {
        self.key(name);
        self.string(value);
    }

    /// [`Writer::field`] with a value escaped already.
    fn escaped_field(&mut self, name: &str, escaped: &str) {
        self.key(name);
        self.out.push('"');
        self.out.push_str(escaped);
        self.out.push('"');
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        escape_into(&mut self.out, text);
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_serde_json_pretty() {
        let mut w = Writer { out: String::new(), depth: 0 };
        w.open('{');
        w.field("a", "x");
        w.key("empty");
        w.open('[');
        w.close(']');
        w.key("list");
        w.open('[');
        author(&mut w, "n", Some("u"));
        author(&mut w, "m", None);
        w.element();
        w.string("s");
        w.close(']');
        w.close('}');
        let expected = serde_json::json!({
            "a": "x",
            "empty": [],
            "list": [{"name": "n", "url": "u"}, {"name": "m"}, "s"],
        });
        assert_eq!(w.out, serde_json::to_string_pretty(&expected).expect("serialises"));
    }

    /// The feed as serde_json writes it from structs: the definition the
    /// hand-written feed keeps to.
    fn by_serde(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
        #[derive(serde::Serialize)]
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
        #[derive(serde::Serialize)]
        struct Author<'a> {
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            url: Option<&'a str>,
        }
        #[derive(serde::Serialize)]
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
        let items = entries
            .iter()
            .map(|e| Item {
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
        serde_json::to_string_pretty(&feed).expect("serialises") + "\n"
    }

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
            summary_xml: crate::xml::Cdata::new(""),
            content_xml: crate::xml::Cdata::new(&html).into_owned(),
            // The full entry as if several feeds held it: escaped in advance.
            content_json: full.then(|| {
                let mut json = String::new();
                escape_into(&mut json, &html);
                json
            }),
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
        };
        let (full, bare) = (entry(1, &date, &tags, true), entry(2, &date, &[], false));
        for entries in [vec![], vec![&full], vec![&full, &bare], vec![&bare, &full]] {
            assert_eq!(write(&ch, &entries), by_serde(&ch, &entries));
        }
    }
}
