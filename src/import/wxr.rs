//! Reading a WordPress export (WXR 1.0 to 1.2) with quick-xml.
//!
//! Elements are told apart by namespace, not by the prefix written, and the
//! namespaces are recognised by what they name, whatever the scheme
//! (WordPress has written both `http://wordpress.org/export/1.2/` and
//! `https://`). An export that declares no namespace for a prefix it uses
//! (some plugins write those) is read by the prefix as written.

use std::collections::BTreeMap;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::error::Error;

/// A term an item is filed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// `category`, `post_tag`, `post_format`, or a custom taxonomy.
    pub domain: String,
    /// The term's slug.
    pub nicename: String,
    /// The term's name.
    pub name: String,
}

/// One `<item>`: a post, page, attachment, menu item or other post type.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Direct children by qualified name (`title`, `wp:post_id`, `content:encoded`...).
    pub fields: BTreeMap<String, String>,
    /// `<category>` elements, in order.
    pub terms: Vec<Term>,
    /// Comments in the export (not imported).
    pub comments: usize,
}

impl Item {
    /// A field's text, trimmed; empty when absent.
    pub fn get(&self, key: &str) -> &str {
        self.fields.get(key).map_or("", |s| s.trim())
    }
}

/// What an export holds.
#[derive(Debug, Default)]
pub struct Export {
    /// The site's address (`<channel><link>`).
    pub site: String,
    /// The site's name (`<channel><title>`).
    pub title: String,
    /// Display names by login (`wp:author`).
    pub authors: BTreeMap<String, String>,
    /// Every item, in order.
    pub items: Vec<Item>,
}

/// Where the reader is: the short names of the open elements.
struct State {
    path: Vec<String>,
    opened: Vec<usize>,
    text: String,
    item: Option<Item>,
    term: Option<(String, String)>,
    author: BTreeMap<String, String>,
    export: Export,
}

/// Reads the export `xml`; `file` names it in errors.
pub fn read(xml: &str, file: &Path) -> Result<Export, Error> {
    let mut reader = NsReader::from_str(xml);
    let mut st = State {
        path: Vec::new(),
        opened: Vec::new(),
        text: String::new(),
        item: None,
        term: None,
        author: BTreeMap::new(),
        export: Export::default(),
    };
    let line_at = |offset: u64| {
        xml.as_bytes()[..(offset as usize).min(xml.len())].iter().filter(|b| **b == b'\n').count() + 1
    };
    loop {
        let at = reader.buffer_position();
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, ev)) => (short_ns(&ns), ev),
            Err(e) => {
                let line = line_at(reader.error_position());
                return Err(Error::content(
                    file,
                    line,
                    1,
                    format!(
                        "the export is not well-formed XML ({e}): export it again, or mend the XML at this line"
                    ),
                ));
            }
        };
        let located = |msg: String| Error::content(file, line_at(at), 1, msg);
        match event {
            Event::Start(e) => st.open(name(&ns, &e), &e, line_at(at)),
            Event::Empty(e) => {
                st.open(name(&ns, &e), &e, line_at(at));
                st.close();
            }
            Event::End(_) => st.close(),
            Event::Text(t) => st.text.push_str(&t.xml10_content().map_err(|e| located(e.to_string()))?),
            Event::CData(t) => st.text.push_str(&t.xml10_content().map_err(|e| located(e.to_string()))?),
            Event::GeneralRef(r) => {
                let name = r.xml10_content().map_err(|e| located(e.to_string()))?;
                st.text.push_str(&entity(&name));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    finished(st, file)
}

/// The export read to its end, or what says it is cut short or no export.
fn finished(st: State, file: &Path) -> Result<Export, Error> {
    if let (Some(open), Some(line)) = (st.path.last(), st.opened.last()) {
        let msg = format!(
            "the export ends inside <{open}> opened on this line: the file is cut short; export it again"
        );
        return Err(Error::content(file, *line, 1, msg));
    }
    if st.export.site.is_empty() && st.export.items.is_empty() {
        let msg =
            "not a WordPress export: no <channel> with a <link> or <item>s (in WordPress: Tools > Export)";
        return Err(Error::content(file, 1, 1, msg));
    }
    Ok(st.export)
}

/// `wp:post_id`, `content:encoded`, or a plain name.
fn name(ns: &str, e: &BytesStart<'_>) -> String {
    let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    match (ns, e.name().prefix()) {
        ("", Some(p)) => format!("{}:{local}", String::from_utf8_lossy(p.as_ref())),
        ("", None) => local,
        (ns, _) => format!("{ns}:{local}"),
    }
}

/// The conventional prefix of a namespace WordPress uses, told by what it
/// names; `""` for none or an unknown one.
fn short_ns(ns: &ResolveResult<'_>) -> String {
    let ResolveResult::Bound(ns) = ns else {
        return String::new();
    };
    let uri = String::from_utf8_lossy(ns.as_ref()).to_ascii_lowercase();
    let uri = uri.trim_end_matches('/');
    if uri.contains("wordpress.org/export/") && uri.ends_with("excerpt") {
        "excerpt"
    } else if uri.contains("wordpress.org/export/") {
        "wp"
    } else if uri.contains("purl.org/rss/1.0/modules/content") {
        "content"
    } else if uri.contains("purl.org/dc/elements/") {
        "dc"
    } else {
        ""
    }
    .to_string()
}

/// The text of `&name;`: XML's own five, character references, and the
/// HTML entities some exports leave outside CDATA.
fn entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => crate::content::decode_entities(&format!("&{name};")),
    }
}

impl State {
    fn open(&mut self, name: String, e: &BytesStart<'_>, line: usize) {
        self.text.clear();
        match (self.path.len(), name.as_str()) {
            (2, "item") => self.item = Some(Item::default()),
            (3, "category") if self.item.is_some() => {
                let attr = |key: &[u8]| {
                    e.try_get_attribute(key)
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default()
                };
                self.term = Some((attr(b"domain"), attr(b"nicename")));
            }
            (3, "wp:comment") => {
                if let Some(item) = &mut self.item {
                    item.comments += 1;
                }
            }
            _ => {}
        }
        self.path.push(name);
        self.opened.push(line);
    }

    fn close(&mut self) {
        let text = std::mem::take(&mut self.text);
        let name = self.path.pop().unwrap_or_default();
        self.opened.pop();
        let parent = self.path.last().map(String::as_str);
        match (self.path.len(), parent, name.as_str()) {
            (2, Some("channel"), "item") => self.export.items.extend(self.item.take()),
            (2, Some("channel"), "link") => self.export.site = text.trim().to_string(),
            (2, Some("channel"), "title") => self.export.title = text.trim().to_string(),
            (2, Some("channel"), "wp:author") => {
                let author = std::mem::take(&mut self.author);
                let login = author.get("wp:author_login").cloned().unwrap_or_default();
                let display = author.get("wp:author_display_name").cloned().unwrap_or_default();
                if !login.trim().is_empty() {
                    self.export.authors.insert(login.trim().to_string(), display.trim().to_string());
                }
            }
            (3, Some("wp:author"), key) => {
                self.author.insert(key.to_string(), text);
            }
            (3, Some("item"), "category") => {
                if let (Some(item), Some((domain, nicename))) = (&mut self.item, self.term.take()) {
                    item.terms.push(Term { domain, nicename, name: text.trim().to_string() });
                }
            }
            (3, Some("item"), key) => {
                if let Some(item) = &mut self.item {
                    item.fields.insert(key.to_string(), text);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><link>https://news.example.org</link>
"#;

    #[test]
    fn items_fields_terms_and_authors() {
        let xml = format!(
            "{HEAD}<wp:author><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_display_name><![CDATA[Ann Lee]]></wp:author_display_name></wp:author>\n<item><title>A &amp; B &rsquo;s</title><dc:creator><![CDATA[ann]]></dc:creator><content:encoded><![CDATA[<p>Hi</p>]]></content:encoded><category domain=\"post_tag\" nicename=\"x-y\"><![CDATA[X Y]]></category><wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item></channel></rss>"
        );
        let ex = read(&xml, Path::new("e.xml")).unwrap();
        assert_eq!(ex.site, "https://news.example.org");
        assert_eq!(ex.authors["ann"], "Ann Lee");
        let item = &ex.items[0];
        assert_eq!(
            (item.get("title"), item.get("dc:creator"), item.get("content:encoded")),
            ("A & B ’s", "ann", "<p>Hi</p>")
        );
        assert_eq!(
            item.terms,
            [Term { domain: "post_tag".into(), nicename: "x-y".into(), name: "X Y".into() }]
        );
        assert_eq!(item.comments, 1);
        assert!(!item.fields.contains_key("wp:comment_id"), "comment fields stay with comments");
    }

    #[test]
    fn malformed_exports_are_located() {
        let cut = format!("{HEAD}<item><title>x</title>\n<wp:post_id>1</wp:post_id>");
        let e = read(&cut, Path::new("e.xml")).unwrap_err().to_string();
        assert!(e.starts_with("e.xml:4:1: the export ends inside <item>"), "{e}");
        let wrong = format!("{HEAD}<item><title>x</wp:post_id>\n</item></channel></rss>");
        let e = read(&wrong, Path::new("e.xml")).unwrap_err().to_string();
        assert!(e.starts_with("e.xml:4:") && e.contains("not well-formed"), "{e}");
        let e = read("<html><body>hi</body></html>", Path::new("e.xml")).unwrap_err().to_string();
        assert!(e.contains("not a WordPress export"), "{e}");
    }
}
