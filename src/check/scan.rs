//! A small HTML scanner: the start tags of a page and their attributes.
//!
//! Enough for link checking, and written here rather than pulled in as an
//! HTML parser: we only need tag names and attribute values, on pages we
//! generated ourselves; comments, doctypes and the raw text of `<script>`
//! and `<style>` are skipped so that markup inside them is not mistaken for
//! links.

/// A start tag: lower-cased name and attributes with entity-decoded values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Element name, lower-case.
    pub name: String,
    /// Attribute name (lower-case) and value, in document order.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if !next.is_ascii_alphabetic() {
            // `</x>`, `<!doctype>`, `<?x?>` or a stray `<` in text.
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let (tag, len) = start_tag(&rest[1..]);
        i += 1 + len;
        if matches!(tag.name.as_str(), "script" | "style") {
            let close = format!("</{}", tag.name);
            let lower = html[i..].to_ascii_lowercase();
            i += lower.find(&close).unwrap_or(lower.len());
        }
        out.push(tag);
    }
    out
}

/// Parses `name attr=value ...>` and returns the tag and the bytes used.
fn start_tag(s: &str) -> (Tag, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let mut tag = Tag { name: s[..i].to_ascii_lowercase(), attrs: Vec::new() };
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (tag, i);
        }
        if b[i] == b'>' {
            return (tag, i + 1);
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let (v, used) = attr_value(&s[i..]);
            value = crate::search::text::decode_entities(v);
            i += used;
        }
        tag.attrs.push((name, value));
    }
}

/// A quoted or bare attribute value, and the bytes it took.
fn attr_value(s: &str) -> (&str, usize) {
    match s.as_bytes().first() {
        Some(&q @ (b'"' | b'\'')) => match s[1..].find(q as char) {
            Some(end) => (&s[1..1 + end], end + 2),
            None => (&s[1..], s.len()),
        },
        _ => {
            let end = s.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(s.len());
            (&s[..end], end)
        }
    }
}

fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_bare_and_empty_attributes() {
        let t = tags(r#"<A HREF="/a/?x=1&amp;y=2" class='c d' data-x=bare hidden><img src=/i.png alt="">"#);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "a");
        assert_eq!(t[0].attr("href"), Some("/a/?x=1&y=2"));
        assert_eq!(t[0].attr("class"), Some("c d"));
        assert_eq!(t[0].attr("data-x"), Some("bare"));
        assert_eq!(t[0].attr("hidden"), Some(""));
        assert_eq!(t[1].attr("src"), Some("/i.png"));
    }

    #[test]
    fn skips_comments_scripts_and_end_tags() {
        let html = "<!doctype html><!-- <a href=/c/> --><p>x < y</p>\
            <script>var s = '<a href=\"/s/\">';</script><style>a{}</style><br/><a id=z href=/ok/>";
        let t = tags(html);
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "script", "style", "br", "a"]);
        assert_eq!(t[4].attr("href"), Some("/ok/"));
        assert_eq!(t[4].attr("id"), Some("z"));
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for s in ["<a href=\"x", "<a", "<", "<!--", "<script>", "<a href=", "<é>"] {
            let _ = tags(s);
        }
        assert_eq!(tags("<a href=\"x").len(), 1);
    }
}
