//! Decoding the HTML entities that WordPress and other exports leave in
//! titles (`Q&amp;A`, `&#8217;`), so they are shown as the characters they
//! stand for and then escaped exactly once by the templates.

/// Named entities seen in real exports; anything else is left as written.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("oacute", "ó"),
    ("uuml", "ü"),
    ("ouml", "ö"),
    ("auml", "ä"),
    ("ntilde", "ñ"),
    ("ccedil", "ç"),
    ("euro", "€"),
    ("pound", "£"),
];

/// `text` with its entities decoded; unknown or malformed ones stay as written.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity(rest) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The entity at the start of `s` (which starts with `&`) and its length.
fn entity(s: &str) -> Option<(String, usize)> {
    let end = s.get(1..)?.find(';')? + 1;
    if end > 12 {
        return None;
    }
    let name = &s[1..end];
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?.to_string()
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1.to_string()
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(decode("Q&amp;A: &lt;b&gt;"), "Q&A: <b>");
        assert_eq!(decode("It&#8217;s &#x1F600; &mdash; ok"), "It’s 😀 — ok");
        assert_eq!(decode("&amp;amp;"), "&amp;");
    }

    #[test]
    fn leaves_the_rest_alone() {
        for s in ["AT&T", "a & b", "&unknown;", "&#xZZ;", "&#0;", "&", "&;", "&#99999999999;"] {
            assert_eq!(decode(s), s);
        }
        assert_eq!(decode("京都 & «Москва»"), "京都 & «Москва»");
    }
}
