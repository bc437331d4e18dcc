//! Turning article text into search words: HTML to plain text, lower-casing,
//! folding accented Latin letters to ASCII, splitting into words.
//!
//! `templates/search.js` applies the same rules to what readers type; the
//! folding table is duplicated there, and a test keeps the two in step.

/// Accented letters and the ASCII letter each folds to. Written out rather
/// than derived from Unicode decomposition so the browser script can carry
/// the identical table (decomposition misses `ø`, `ł`, `đ`, `ı`).
pub const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("çćĉċč", "c"),
    ("ďđ", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("ß", "ss"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("þ", "th"),
];

/// Longest word kept; longer runs are URLs or noise, not search terms.
const MAX_WORD: usize = 40;

fn fold_char(c: char, out: &mut String) {
    for (from, to) in FOLDS {
        if from.contains(c) {
            out.push_str(to);
            return;
        }
    }
    out.push(c);
}

/// Lower-cased and folded: `Café Ørsted` -> `cafe orsted`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
            fold_char(c, &mut out);
        }
    }
    out
}

/// Whether a word is worth indexing: two characters or more, or a single
/// non-ASCII one (a CJK word can be one character; `a` or `s` cannot).
fn keep(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => !c.is_ascii(),
        (Some(_), Some(_)) => word.chars().count() <= MAX_WORD,
        _ => false,
    }
}

/// The normalised words of `text`, in order, repeats included.
pub fn words(text: &str) -> Vec<String> {
    normalise(text).split(|c: char| !c.is_alphanumeric()).filter(|w| keep(w)).map(str::to_string).collect()
}

/// The distinct words of `fields` (as [`words`] finds them), sorted and
/// joined by spaces: all the index needs of an article, in one string
/// instead of a string per word (an archive's articles hold hundreds of
/// thousands of words, and the index is built beside the pages, at the
/// build's peak of memory).
pub fn word_set<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for field in fields {
        text.push_str(field);
        text.push(' ');
    }
    // Normalising works a character at a time, so the joined fields split
    // into the words of each.
    let normal = normalise(&text);
    let mut found: Vec<&str> = normal.split(|c: char| !c.is_alphanumeric()).filter(|w| keep(w)).collect();
    found.sort_unstable();
    found.dedup();
    found.join(" ")
}

/// The shard a word lives in: its first two characters, each ASCII letter or
/// digit as it is and anything else as `_` plus its hex code point, so shard
/// names are plain file names on every system (`京都` -> `_4eac_90fd`).
pub fn shard_key(word: &str) -> String {
    let mut key = String::new();
    for c in word.chars().take(2) {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else {
            key.push_str(&format!("_{:x}", u32::from(c)));
        }
    }
    key
}

/// The text of an HTML fragment: tags dropped, entities decoded, white space collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = match rest[i..].find('>') {
            Some(j) => &rest[i + j + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    collapse(&decode_entities(&out))
}

/// Decodes the entities pulldown-cmark and our templates write, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_folded_and_split() {
        let w = words("Café Ørsted's HARBOUR-dredging: a 5-2 vote, 2024");
        assert_eq!(
            w,
            ["cafe", "orsted", "harbour", "dredging", "vote", "2024"],
            "single ASCII characters are dropped"
        );
        assert_eq!(normalise("Straße Łódź Æsir"), "strasse lodz aesir");
    }

    #[test]
    fn non_latin_words_are_kept() {
        let w = words("京都 visit, Москва");
        assert_eq!(w, ["京都", "visit", "москва"]);
        let one = words("京 a");
        assert_eq!(one, ["京"]);
    }

    #[test]
    fn word_set_is_the_distinct_words_of_every_field() {
        let fields = ["Café Ørsted's vote", "", "VOTE: harbour, 京都 a", "Jane Roe", "harbour"];
        let mut want: Vec<String> = fields.iter().flat_map(|f| words(f)).collect();
        want.sort();
        want.dedup();
        assert_eq!(word_set(fields), want.join(" "));
        assert_eq!(word_set(["a", ""]), "");
    }

    #[test]
    fn shard_keys_are_plain_file_names() {
        assert_eq!(shard_key("harbour"), "ha");
        assert_eq!(shard_key("2024"), "20");
        assert_eq!(shard_key("京都"), "_4eac_90fd");
        assert_eq!(shard_key("京"), "_4eac");
        assert_eq!(shard_key("мо"), "_43c_43e");
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text("<p>Fish &amp; chips<br>at <em>Tom&#39;s</em> &#x263A;</p>\n"),
            "Fish & chips at Tom's ☺"
        );
        assert_eq!(decode_entities("a & b &bogus; &"), "a & b &bogus; &");
    }

    #[test]
    fn truncation_keeps_words_whole() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four", 12), "one two…");
    }

    #[test]
    fn the_browser_script_folds_the_same_letters() {
        let script = super::super::SCRIPT;
        for (from, to) in FOLDS {
            let entry = format!("[\"{from}\", \"{to}\"]");
            assert!(script.contains(&entry), "search.js lacks {entry}");
        }
    }
}
