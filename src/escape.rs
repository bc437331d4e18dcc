//! Escaping text for the places it is written into: HTML text and
//! attributes, and URIs.

use std::fmt::Write as _;

/// Escapes text for HTML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`] onto `out`: runs without a special character are copied whole.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    // The five are ASCII, so every cut falls between characters.
    while let Some(i) = rest.bytes().position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Percent-encodes what a URI may not hold raw (non-ASCII, spaces, quotes),
/// so `/tags/京都/` becomes `/tags/%E4%BA%AC%E9%83%BD/`.
pub fn uri(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    uri_into(&mut out, text);
    out
}

/// [`uri`] onto `out`.
pub fn uri_into(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b > 0x20 && b < 0x7f && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}')
        {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_each_special_character() {
        let by_char = |text: &str| -> String {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect()
        };
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", "—", "京", " ", "&amp;"];
        for text in crate::testing::random_texts(0x5eed, &pieces) {
            assert_eq!(escape(&text), by_char(&text), "{text:?}");
        }
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("https://e.org/tags/café culture/"), "https://e.org/tags/caf%C3%A9%20culture/");
        assert_eq!(uri("https://e.org/a?b=c#d"), "https://e.org/a?b=c#d");
    }
}
