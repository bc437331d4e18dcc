//! RSS 2.0, with `content:encoded` for the full text and `dc:creator` for
//! bylines (RSS's own `author` wants an e-mail address).

use super::{Channel, Entry};
use crate::dates::{rfc2822, rfc3339};
use crate::xml::Xml;

pub(super) fn write(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
    let mut x = Xml::with_capacity(super::expected_len(entries, ch.full));
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    );
    x.open("channel", &[]);
    x.text("title", ch.title)
        .text("link", &ch.home)
        .text("description", ch.description)
        .text("language", ch.language)
        .text("generator", "dateline");
    x.empty("atom:link", &[("rel", "self"), ("type", "application/rss+xml"), ("href", &ch.self_urls[1])]);
    if let Some(updated) = ch.updated {
        x.text("lastBuildDate", &rfc2822(updated));
    }
    for e in entries {
        item(&mut x, e, ch.full);
    }
    x.close("channel").close("rss");
    x.finish()
}

fn item(x: &mut Xml, e: &Entry<'_>, full: bool) {
    x.open("item", &[]);
    x.text("title", e.title).text("link", &e.url);
    let permalink = if e.id_is_url { "true" } else { "false" };
    x.text_with("guid", &[("isPermaLink", permalink)], &e.id);
    x.text("pubDate", &rfc2822(e.published));
    if e.updated != e.published {
        x.text("atom:updated", &rfc3339(e.updated));
    }
    for (name, _) in &e.authors {
        x.text("dc:creator", name);
    }
    for t in e.tags {
        x.text("category", t);
    }
    x.cdata_with("description", &[], &e.summary_xml);
    if full {
        x.cdata_with("content:encoded", &[], &e.content_xml);
    }
    x.close("item");
}
