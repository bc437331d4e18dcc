//! Writing XML for feeds and sitemaps, through quick-xml's writer: one
//! element a line, text and attribute values escaped by quick-xml, and the
//! characters XML 1.0 forbids dropped first (no escape can make them legal).
//! The HTML of article bodies goes into CDATA sections instead of being
//! escaped (see [`Cdata`]).

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Escapes `text` for XML content and double-quoted attributes, dropping
/// the characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    quick_xml::escape::escape(legal(text)).into_owned()
}

/// `text` without the characters XML 1.0 forbids; borrowed when it has none.
fn legal(text: &str) -> Cow<'_, str> {
    if text.chars().any(forbidden) { text.chars().filter(|&c| !forbidden(c)).collect() } else { text.into() }
}

/// Characters XML 1.0 forbids: C0 controls other than tab and line breaks,
/// U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// HTML ready for a CDATA section, prepared once and written into many
/// documents (an article's body goes into every feed that lists it): a
/// `]]>` split across two sections and the characters XML 1.0 forbids
/// dropped. Borrowed when there is neither, as there almost never is.
#[derive(Debug, Clone, Default)]
pub struct Cdata<'a>(Cow<'a, str>);

impl<'a> Cdata<'a> {
    /// Prepares `html`.
    pub fn new(html: &'a str) -> Self {
        let legal = legal(html);
        if memchr::memmem::find(legal.as_bytes(), b"]]>").is_none() {
            return Cdata(legal);
        }
        Cdata(legal.replace("]]>", "]]]]><![CDATA[>").into())
    }

    /// The same text, owning it.
    pub fn into_owned(self) -> Cdata<'static> {
        Cdata(Cow::Owned(self.0.into_owned()))
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A document being written.
pub struct Xml {
    w: Writer<Vec<u8>>,
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

impl Xml {
    /// A document starting with the XML declaration.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A document expected to grow to about `bytes`: a feed of twenty full
    /// articles would otherwise be copied a dozen times as it grows.
    pub fn with_capacity(bytes: usize) -> Self {
        let mut x = Xml { w: Writer::new(Vec::with_capacity(bytes.max(64))) };
        x.event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
        x.line();
        x
    }

    /// `<name attr="v" ...>` and a line break.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.event(Event::Start(start(name, attrs)));
        self.line()
    }

    /// `</name>` and a line break.
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.event(Event::End(BytesEnd::new(name)));
        self.line()
    }

    /// `<name attr="v" ... />` on a line of its own.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.event(Event::Empty(start(name, attrs)));
        self.line()
    }

    /// `<name attrs>text</name>` with `text` escaped, on a line of its own.
    pub fn text_with(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.event(Event::Start(start(name, attrs)));
        self.event(Event::Text(BytesText::from_escaped(quick_xml::escape::escape(legal(text)))));
        self.close(name)
    }

    /// `<name attrs><![CDATA[html]]></name>` on a line of its own: for the
    /// HTML of article bodies, which then need no escaping.
    pub fn cdata_with(&mut self, name: &str, attrs: &[(&str, &str)], html: &Cdata<'_>) -> &mut Self {
        self.event(Event::Start(start(name, attrs)));
        if !html.is_empty() {
            self.event(Event::CData(BytesCData::new(html.0.as_ref())));
        }
        self.close(name)
    }

    /// `<name>text</name>` with `text` escaped.
    pub fn text(&mut self, name: &str, text: &str) -> &mut Self {
        self.text_with(name, &[], text)
    }

    /// The finished document.
    pub fn finish(self) -> String {
        String::from_utf8(self.w.into_inner()).expect("written from strings")
    }

    fn event(&mut self, event: Event<'_>) {
        // Writing into a Vec cannot fail.
        let _ = self.w.write_event(event);
    }

    fn line(&mut self) -> &mut Self {
        self.w.get_mut().push(b'\n');
        self
    }
}

/// A start tag with its attributes, their values made legal (quick-xml
/// escapes them).
fn start<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for &(key, value) in attrs {
        match legal(value) {
            Cow::Borrowed(v) => tag.push_attribute((key, v)),
            Cow::Owned(v) => tag.push_attribute((key, v.as_str())),
        }
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_illegal_characters() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>\u{1}\u{FFFF}\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;\n"
        );
        assert_eq!(escape("]]>"), "]]&gt;");
        // Fast runs around multi-byte text, and U+FFFE/U+FFFF among other 0xEF-led characters.
        assert_eq!(escape("café «x» 京都 & \u{FFFE}\u{FF01}end"), "café «x» 京都 &amp; \u{FF01}end");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn cdata_splits_its_end_marker_and_drops_illegal_characters() {
        let mut x = Xml::new();
        x.cdata_with("c", &[("type", "html")], &Cdata::new("<p>a]]>b & \u{1}c\u{FFFE}</p>]]>"));
        x.cdata_with("d", &[], &Cdata::new(""));
        assert!(matches!(Cdata::new("<p>é</p>").0, Cow::Borrowed(_)));
        let body = x.finish();
        assert_eq!(
            body.lines().skip(1).collect::<Vec<_>>(),
            ["<c type=\"html\"><![CDATA[<p>a]]]]><![CDATA[>b & c</p>]]]]><![CDATA[>]]></c>", "<d></d>"]
        );
        // Read back as XML text: the sections joined give the text itself.
        let joined: String = body
            .lines()
            .nth(1)
            .unwrap_or_default()
            .split("<![CDATA[")
            .skip(1)
            .map(|p| p.split_once("]]>").map_or(p, |(t, _)| t))
            .collect();
        assert_eq!(joined, "<p>a]]>b & c</p>]]>");
    }

    #[test]
    fn writes_elements() {
        let mut x = Xml::new();
        x.open("a", &[("k", "1 < 2")]);
        x.text("b", "x & y").empty("c", &[]).close("a");
        assert_eq!(
            x.finish(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a k=\"1 &lt; 2\">\n<b>x &amp; y</b>\n<c/>\n</a>\n"
        );
    }
}
