//! Writing XML by hand for feeds and sitemaps: escaping, and one element per call.
//!
//! Feeds and sitemaps have a handful of fixed shapes, so a string builder
//! with an escaping helper is smaller and faster than an XML library. Text
//! and attribute values go through [`escape`]; the HTML of article bodies
//! goes into CDATA sections instead (see [`Xml::cdata_with`]).

use std::borrow::Cow;

/// Escapes `text` for XML content and double-quoted attributes. Characters
/// XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped, since no
/// escape can make them legal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`: memchr's vector search jumps from one
/// `<`, `>` or `&` to the next, and the text between is copied whole when a
/// vectorisable check finds nothing else to escape in it.
pub fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'&', bytes) {
        escape_between(out, &text[from..i]);
        out.push_str(match bytes[i] {
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&amp;",
        });
        from = i + 1;
    }
    escape_between(out, &text[from..]);
}

/// Escapes text that holds no `<`, `>` or `&`.
fn escape_between(out: &mut String, text: &str) {
    // A fold without early exit, of comparisons only, so that it vectorises.
    let special =
        text.bytes().fold(false, |seen, b| seen | may_start_forbidden(b) | (b == b'"') | (b == b'\''));
    if special {
        escape_bytes(out, text);
    } else {
        out.push_str(text);
    }
}

/// [`escape_into`] a byte at a time, by table; runs of characters that need
/// nothing are copied whole.
fn escape_bytes(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        out.push_str(&text[start..i]);
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => {
                // Control characters, and multi-byte characters starting with
                // 0xEF, which may be U+FFFE/U+FFFF: the slow path decides.
                let end = text[i..].char_indices().nth(1).map_or(text.len(), |(n, _)| i + n);
                escape_chars(out, &text[i..end]);
                start = end;
                continue;
            }
        };
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// The bytes [`escape_bytes`] looks at: markup characters, control characters
/// other than tab and line breaks, and the lead byte of U+FFFE/U+FFFF.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b, 0x09 | 0x0a | 0x0d);
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xef] = true;
    table
};

fn escape_chars(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if forbidden(c) => {}
            c => out.push(c),
        }
    }
}

/// Characters XML 1.0 forbids: C0 controls other than tab and line breaks,
/// U+FFFE and U+FFFF. Dropped, since no escape can make them legal.
fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Whether `b` may start a [`forbidden`] character: a control byte other
/// than tab and line breaks, or 0xEF, the lead byte of U+FFFE/U+FFFF. A
/// plain function of the byte, so that the folds using it vectorise.
fn may_start_forbidden(b: u8) -> bool {
    (b < 0x20) & !matches!(b, b'\t' | b'\n' | b'\r') | (b == 0xef)
}

/// HTML ready for a CDATA section, prepared once and written into many
/// documents (an article's body goes into every feed that lists it): a
/// `]]>` split across two sections and the characters XML 1.0 forbids
/// dropped, as [`escape`] drops them. Borrowed when there is neither, as
/// there almost never is.
#[derive(Debug, Clone, Default)]
pub struct Cdata<'a>(Cow<'a, str>);

impl<'a> Cdata<'a> {
    /// Prepares `html`.
    pub fn new(html: &'a str) -> Self {
        let suspect = html.bytes().fold(false, |seen, b| seen | may_start_forbidden(b));
        let legal: Cow<'a, str> = if suspect {
            html.chars().filter(|&c| !forbidden(c)).collect::<String>().into()
        } else {
            html.into()
        };
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
#[derive(Debug, Default)]
pub struct Xml {
    out: String,
}

impl Xml {
    /// A document starting with the XML declaration.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A document expected to grow to about `bytes`: a feed of twenty full
    /// articles would otherwise be copied a dozen times as it grows.
    pub fn with_capacity(bytes: usize) -> Self {
        let mut out = String::with_capacity(bytes.max(64));
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        Xml { out }
    }

    /// `<name attr="v" ...>` and a line break; `attrs` values are escaped.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self
    }

    /// `</name>` and a line break.
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.end(name);
        self
    }

    /// `<name attr="v" ... />` on a line of its own.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
        self
    }

    /// `<name attrs>text</name>` with `text` escaped, on a line of its own.
    pub fn text_with(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.tag(name, attrs);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.end(name);
        self
    }

    /// `<name attrs><![CDATA[html]]></name>` on a line of its own: for the
    /// HTML of article bodies, which then need no escaping. An article's body
    /// is written into every feed that lists it, and escaping it (a `<`, `>`
    /// or `&` every few words) cost more than the rest of the feed.
    pub fn cdata_with(&mut self, name: &str, attrs: &[(&str, &str)], html: &Cdata<'_>) -> &mut Self {
        self.tag(name, attrs);
        self.out.push('>');
        if !html.is_empty() {
            self.out.push_str("<![CDATA[");
            self.out.push_str(&html.0);
            self.out.push_str("]]>");
        }
        self.end(name);
        self
    }

    /// `<name>text</name>` with `text` escaped.
    pub fn text(&mut self, name: &str, text: &str) -> &mut Self {
        self.text_with(name, &[], text)
    }

    /// The finished document.
    pub fn finish(self) -> String {
        self.out
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_into(&mut self.out, v);
            self.out.push('"');
        }
    }

    /// `</name>` and a line break (pushed piece by piece: feeds write
    /// hundreds of thousands of elements, and `write!` costs far more).
    fn end(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_runs_agree_with_escaping_every_character() {
        let pieces =
            ["a", "<", "&", "'", "\"", "\n", "\t", "\r", "\u{1}", "\u{1f}", "\u{FFFE}", "\u{FF01}", "é", "»"];
        let markup_only = ["a", "<", ">", "&", "\n", "é", " ", "<p>", "</a>"];
        let texts = crate::testing::random_texts(0x1405_7b7e_f767_814f, &pieces)
            .chain(crate::testing::random_texts(0x1405_7b7e_f767_8150, &markup_only));
        for s in texts {
            let mut plain = String::new();
            escape_chars(&mut plain, &s);
            assert_eq!(escape(&s), plain, "{s:?}");
            let mut by_bytes = String::new();
            escape_bytes(&mut by_bytes, &s);
            assert_eq!(by_bytes, plain, "{s:?}");
        }
    }

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
