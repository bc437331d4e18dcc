//! JSON string escaping as serde_json does it, for the JSON written by hand
//! (the JSON Feed, the JSON-LD of article pages): article HTML is most of
//! every JSON feed, and serde_json escapes it a byte at a time.

/// JSON string escaping as serde_json does it: quote, backslash and control
/// characters; everything else, non-ASCII included, as it is.
pub fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // HTML has a quote every few dozen bytes and a line feed after each
    // block, and seldom any other control character: when it has none,
    // memchr's vector search jumps from one of the three to the next. (A
    // fold, not `any`, so that the check has no early exit and vectorises.)
    let others = bytes.iter().fold(false, |seen, &b| seen | ((b < 0x20) & (b != b'\n')));
    if others {
        return escape_words(out, text);
    }
    let mut start = 0;
    for i in memchr::memchr3_iter(b'"', b'\\', b'\n', bytes) {
        out.push_str(&text[start..i]);
        out.push_str(match bytes[i] {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            _ => "\\n",
        });
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// [`escape_into`] for any text: eight bytes are checked at a time, and runs
/// that need nothing are copied whole.
fn escape_words(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = crate::words8::word_at(bytes, i)
            && !needs_escape(word)
        {
            i += 8;
            continue;
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            if let Some(escape) = escape(b) {
                out.push_str(&text[start..i]);
                match escape {
                    Escape::Short(s) => out.push_str(s),
                    Escape::Unicode => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        out.push_str("\\u00");
                        out.push(char::from(HEX[usize::from(b >> 4)]));
                        out.push(char::from(HEX[usize::from(b & 0xf)]));
                    }
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.push_str(&text[start..]);
}

/// Whether any of the eight bytes is a control character, `"` or `\\`.
fn needs_escape(word: u64) -> bool {
    use crate::words8::{has_below, has_byte};
    has_below(word, 0x20) || has_byte(word, b'"') || has_byte(word, b'\\')
}

enum Escape {
    Short(&'static str),
    Unicode,
}

fn escape(b: u8) -> Option<Escape> {
    Some(match b {
        b'"' => Escape::Short("\\\""),
        b'\\' => Escape::Short("\\\\"),
        b'\n' => Escape::Short("\\n"),
        b'\r' => Escape::Short("\\r"),
        b'\t' => Escape::Short("\\t"),
        0x08 => Escape::Short("\\b"),
        0x0c => Escape::Short("\\f"),
        0..0x20 => Escape::Unicode,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_matches_serde_json() {
        let pieces = [
            "a", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1f}", "\u{7f}", "é", "<p>", " ", "\u{8}", "\u{c}",
        ];
        let without_controls = ["a", "\"", "\\", "\n", "é", "<p>", " ", "\u{7f}", "“q”"];
        let texts = crate::testing::random_texts(0x15_0e5c, &pieces)
            .chain(crate::testing::random_texts(0x15_0e5d, &without_controls));
        for text in texts {
            let plain = serde_json::to_string(&text).expect("a string serialises");
            for escape in [escape_into, escape_words] {
                let mut fast = String::new();
                escape(&mut fast, &text);
                assert_eq!(format!("\"{fast}\""), plain, "{text:?}");
            }
        }
    }
}
