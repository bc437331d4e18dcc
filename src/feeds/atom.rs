//! Atom (RFC 4287).

use super::{Channel, Entry};
use crate::dates::rfc3339;
use crate::xml::Xml;

/// When a feed has no entries its `updated` cannot come from them; a fixed
/// date keeps builds identical where the build time would not.
pub(super) const NO_ENTRIES: &str = "1970-01-01T00:00:00+00:00";

pub(super) fn write(ch: &Channel<'_>, entries: &[&Entry<'_>]) -> String {
    let mut x = Xml::with_capacity(super::expected_len(entries, ch.full));
    x.open("feed", &[("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", ch.language)]);
    x.text("title", ch.title).text("subtitle", ch.description);
    x.empty("link", &[("rel", "self"), ("type", "application/atom+xml"), ("href", &ch.self_urls[0])]);
    x.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &ch.home)]);
    x.text("id", &ch.id);
    let updated = ch.updated.map(rfc3339);
    x.text("updated", updated.as_deref().unwrap_or(NO_ENTRIES));
    // The feed's author stands for entries without a byline, as RFC 4287
    // requires an author on every entry, directly or through the feed.
    x.open("author", &[]).text("name", ch.publisher).close("author");
    x.text("generator", "dateline");
    for e in entries {
        entry(&mut x, e, ch.full);
    }
    x.close("feed");
    x.finish()
}

fn entry(x: &mut Xml, e: &Entry<'_>, full: bool) {
    x.open("entry", &[]);
    x.text("title", e.title);
    x.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &e.url)]);
    x.text("id", &e.id);
    x.text("published", &rfc3339(e.published));
    x.text("updated", &rfc3339(e.updated));
    for (name, url) in &e.authors {
        x.open("author", &[]).text("name", name).text("uri", url).close("author");
    }
    for t in e.tags {
        x.empty("category", &[("term", t)]);
    }
    if let Some(image) = &e.image {
        x.empty("link", &[("rel", "enclosure"), ("href", image)]);
    }
    x.cdata_with("summary", &[("type", "html")], &e.summary_xml);
    if full {
        x.cdata_with("content", &[("type", "html")], &e.content_xml);
    }
    x.close("entry");
}
