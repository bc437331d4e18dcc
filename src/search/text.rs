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

/// Han, hiragana and katakana (full and half width): the scripts written
/// without spaces between words. The browser script holds the same ranges.
pub fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x2FFFF
    )
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
    let mut out = Vec::new();
    Scanner::default().words(&normalise(text), &mut |w, _| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `text`, lower-cased but not folded (a
/// stemmer wants the accents of its language), in order, repeats included.
/// Words are runs of letters and digits of the text as written (as the
/// browser script splits them), lower-cased afterwards.
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    Scanner::default().words(text, &mut |w, _| f(w));
}

/// What a byte is to the word scanner: not part of an ASCII word, a
/// lower-case letter or digit, or an upper-case letter.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            LOWER | UPPER
        } else if c.is_ascii_alphanumeric() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    t
};
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// Splits text into words with buffers kept from one call to the next, so
/// that indexing a whole archive allocates nothing per word or per run.
#[derive(Debug, Default)]
pub struct Scanner {
    word: String,
    decoded: String,
}

impl Scanner {
    /// Calls `f(word, ascii)` with each word of `text` as [`each_word`]
    /// gives them; `ascii` tells that the word is all ASCII (so it needs no
    /// folding). Runs of ASCII, most words of most archives, are lower-cased
    /// without a copy of the text.
    pub fn words(&mut self, text: &str, f: &mut impl FnMut(&str, bool)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if CLASS[usize::from(b)] != 0 {
                let start = i;
                let mut upper = 0;
                while i < bytes.len() {
                    let c = CLASS[usize::from(bytes[i])];
                    if c == 0 {
                        break;
                    }
                    upper |= c;
                    i += 1;
                }
                if i < bytes.len() && bytes[i] >= 0x80 {
                    i = self.other_word(text, start, f);
                    continue;
                }
                let w = &text[start..i];
                if (2..=MAX_WORD).contains(&w.len()) {
                    if upper & UPPER != 0 {
                        self.word.clear();
                        self.word.push_str(w);
                        self.word.make_ascii_lowercase();
                        f(&self.word, true);
                    } else {
                        f(w, true);
                    }
                }
            } else if b < 0x80 {
                i += 1;
            } else {
                i = self.other_word(text, i, f);
            }
        }
    }

    /// The word at `start` (or the one character there, if it is not part
    /// of one) when it holds non-ASCII characters; returns where it ends.
    fn other_word(&mut self, text: &str, start: usize, f: &mut impl FnMut(&str, bool)) -> usize {
        let rest = &text[start..];
        let end = rest.char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(rest.len(), |(j, _)| j);
        if end == 0 {
            return start + rest.chars().next().map_or(1, char::len_utf8);
        }
        if rest[..end].chars().any(is_cjk) {
            self.cjk_run(&rest[..end], f);
            return start + end;
        }
        self.word.clear();
        for c in rest[..end].chars() {
            self.word.extend(c.to_lowercase());
        }
        if keep(&self.word) {
            f(&self.word, self.word.is_ascii());
        }
        start + end
    }

    /// A run of letters holding Chinese or Japanese, written without spaces
    /// between words: each two neighbouring characters are a word (a lone
    /// one is a word of its own), so that a query for 工事 finds 港の工事が
    ///始まった. Letters of other scripts in the run are words as usual.
    fn cjk_run(&mut self, run: &str, f: &mut impl FnMut(&str, bool)) {
        let chars: Vec<char> = run.chars().flat_map(char::to_lowercase).collect();
        let mut i = 0;
        while i < chars.len() {
            let cjk = is_cjk(chars[i]);
            let end = chars[i..].iter().position(|&c| is_cjk(c) != cjk).map_or(chars.len(), |k| i + k);
            let piece = &chars[i..end];
            if cjk && piece.len() > 1 {
                for pair in piece.windows(2) {
                    self.word.clear();
                    self.word.extend(pair);
                    f(&self.word, false);
                }
            } else {
                self.word.clear();
                self.word.extend(piece);
                if keep(&self.word) {
                    f(&self.word, self.word.is_ascii());
                }
            }
            i = end;
        }
    }

    /// [`Scanner::words`] of each run of text of an HTML fragment (see
    /// [`each_text`]): a tag ends a word.
    pub fn html_words(&mut self, html: &str, f: &mut impl FnMut(&str, bool)) {
        let mut rest = html;
        while !rest.is_empty() {
            let cut = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            let run = &rest[..cut];
            if memchr::memchr(b'&', run.as_bytes()).is_some() {
                let mut decoded = std::mem::take(&mut self.decoded);
                decoded.clear();
                decode_into(run, &mut decoded);
                self.words(&decoded, f);
                self.decoded = decoded;
            } else {
                self.words(run, f);
            }
            rest = &rest[cut..];
            if !rest.is_empty() {
                rest = memchr::memchr(b'>', rest.as_bytes()).map_or("", |j| &rest[j + 1..]);
            }
        }
    }
}

/// `word` with accented Latin letters folded to ASCII; borrowed when it is ASCII.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut out);
    }
    std::borrow::Cow::Owned(out)
}

/// Calls `f` with each run of text of an HTML fragment, between its tags,
/// entities decoded (a copy only for runs that hold one).
pub fn each_text(html: &str, mut f: impl FnMut(&str)) {
    let mut rest = html;
    while !rest.is_empty() {
        let cut = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
        let run = &rest[..cut];
        if run.contains('&') {
            f(&decode_entities(run));
        } else if !run.is_empty() {
            f(run);
        }
        rest = &rest[cut..];
        if !rest.is_empty() {
            rest = memchr::memchr(b'>', rest.as_bytes()).map_or("", |j| &rest[j + 1..]);
        }
    }
}

/// Decodes the entities pulldown-cmark and our templates write, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    out
}

/// [`decode_entities`] appending to `out`.
fn decode_into(s: &str, out: &mut String) {
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
    fn chinese_and_japanese_are_indexed_by_pairs_of_characters() {
        assert_eq!(
            words("港の工事が始まった"),
            ["港の", "の工", "工事", "事が", "が始", "始ま", "まっ", "った"]
        );
        // Other letters in the run are words of their own; a lone character stays one.
        assert_eq!(words("iPhone発売 京"), ["iphone", "発売", "京"]);
        assert_eq!(words("서울 시장"), ["서울", "시장"], "Korean is written with spaces");
        assert!(is_cjk('ｶ') && is_cjk('𠀋') && is_cjk('ー') && !is_cjk('서'));
    }

    #[test]
    fn each_word_keeps_accents_for_the_stemmer() {
        let mut seen = Vec::new();
        each_word("Café Ørsted's VOTE: a 京", |w| seen.push(w.to_string()));
        assert_eq!(seen, ["café", "ørsted", "vote", "京"]);
        seen.clear();
        each_word("ÉLAN naïve TAX2024 Ünter-den x", |w| seen.push(w.to_string()));
        assert_eq!(seen, ["élan", "naïve", "tax2024", "ünter", "den"]);
        assert_eq!(fold("ørsted"), "orsted");
        assert!(matches!(fold("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn html_words_are_split_at_tags_and_entities_decoded() {
        let mut seen = Vec::new();
        let mut scanner = Scanner::default();
        let html = "<p>Fish &amp; CHIPS</p><p>ca<em>f&#233;</em> caf&#233; Ørsted x</p>";
        scanner.html_words(html, &mut |w, ascii| seen.push((w.to_string(), ascii)));
        let expected = [
            ("fish", true),
            ("chips", true),
            ("ca", true),
            ("fé", false),
            ("café", false),
            ("ørsted", false),
        ];
        let expected: Vec<(String, bool)> = expected.iter().map(|(w, a)| (w.to_string(), *a)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn html_becomes_runs_of_text() {
        let mut runs = Vec::new();
        each_text("<p>Fish &amp; chips<br>at <em>Tom&#39;s</em> &#x263A;</p>\n<!-- x", |t| {
            runs.push(t.to_string())
        });
        assert_eq!(runs, ["Fish & chips", "at ", "Tom's", " ☺", "\n"]);
        assert_eq!(decode_entities("a & b &bogus; &"), "a & b &bogus; &");
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
