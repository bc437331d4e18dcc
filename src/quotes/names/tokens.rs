//! Splitting text into words with their punctuation, and into sentences:
//! the first pass over every paragraph a quote may sit in.

use super::ends_sentence;

/// A whitespace-separated word with its surrounding punctuation split off.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub word: &'a str,
    pub trail: &'a str,
    pub lead: &'a str,
}

pub fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokens_into(s, &mut out);
    out
}

/// [`tokens`] into `out` (cleared first), for a scan that reuses one buffer.
pub fn tokens_into<'a>(s: &'a str, out: &mut Vec<Tok<'a>>) {
    tokenize::<false>(s, out);
}

/// The tokens of `s` up to the first that ends a sentence, with it: what
/// follows a quote up to its sentence's end, without reading the rest of
/// the paragraph.
pub fn first_sentence(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize::<true>(s, &mut out);
    out
}

/// The tokens of `s` after the last one that ends a sentence: the sentence
/// a quote opens in, without tokenising the paragraph before it. Pieces
/// between white space and em dashes are tokenised each on its own, so the
/// tokens of a piece's start onwards are the last tokens of the whole; the
/// search goes back piece by piece from the last `.`, `!`, `?` or `…`.
pub fn last_sentence(s: &str) -> Vec<Tok<'_>> {
    let mut end = s.len();
    while let Some(p) = s[..end].rfind(['.', '!', '?', '\u{2026}']) {
        let start = s[..p]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == '\u{2014}')
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut t = tokens(&s[start..]);
        // The piece at `start` may hold no word, and then no sentence end:
        // the first token is its own only if no piece boundary comes first.
        let own = t.first().is_some_and(|f| {
            let word_at = f.word.as_ptr() as usize - s.as_ptr() as usize;
            !s[start..word_at].contains(|c: char| c.is_whitespace() || c == '\u{2014}')
        });
        if own && ends_sentence(&t[0]) {
            t.remove(0);
            return t;
        }
        end = start;
    }
    tokens(s)
}

/// [`tokens_into`], stopping after the first sentence with `FIRST_SENTENCE`.
// Long on purpose: its cases share the position it keeps (see below).
fn tokenize<'a, const FIRST_SENTENCE: bool>(s: &'a str, out: &mut Vec<Tok<'a>>) {
    // One pass over the bytes, a whitespace-separated piece at a time: this runs
    // on every word of every article, so ASCII bytes are classed by a table.
    // An em dash glued between words ("Roe\u{2014}who") ends the first piece
    // like a space, keeping the dash.
    let bytes = s.as_bytes();
    let n = bytes.len();
    out.clear();
    out.reserve(n / 6);
    let mut i = 0;
    // Where a piece of dashes alone starts, until the next word takes it.
    let mut dash = None;
    while i < n {
        let piece = i;
        // The word: from the first letter or digit to the end of the last one.
        let (mut from, mut to) = (usize::MAX, 0);
        // Most pieces are a bare ASCII word and a space: settled here without
        // the general loop below.
        if CLASS[usize::from(bytes[i])] == WORD {
            i = word_end(bytes, i + 1);
            if i == n || bytes[i] == b' ' {
                let lead = dash.take().map_or("", |d| &s[d..piece]);
                out.push(Tok { lead, word: &s[piece..i], trail: "" });
                // One space before the next word is the rule.
                if bytes.get(i + 1).is_some_and(|&b| CLASS[usize::from(b)] == WORD) {
                    i += 1;
                } else {
                    skip_space(s, &mut i);
                }
                continue;
            }
            (from, to) = (piece, i);
        }
        let end = loop {
            if i >= n {
                break i;
            }
            match CLASS[usize::from(bytes[i])] {
                WORD => {
                    from = from.min(i);
                    i = word_end(bytes, i + 1);
                    to = i;
                }
                SPACE => break i,
                MARK => i += 1,
                _ => {
                    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                    if c.is_whitespace() {
                        break i;
                    }
                    let len = c.len_utf8();
                    if c.is_alphanumeric() {
                        from = from.min(i);
                        to = i + len;
                    }
                    i += len;
                    if c == '\u{2014}' {
                        break i;
                    }
                }
            }
        };
        if from != usize::MAX {
            let t =
                Tok { lead: &s[dash.take().unwrap_or(piece)..from], word: &s[from..to], trail: &s[to..end] };
            // Only a token with a trail can end a sentence, so the fast path
            // above never has to ask.
            let last = FIRST_SENTENCE && ends_sentence(&t);
            out.push(t);
            if last {
                return;
            }
        } else if end > piece && s[piece..end].chars().all(is_dash) {
            // A dash standing alone ("in Palm Beach - Roe said") parts the
            // words on either side: it leads the word after it.
            dash = dash.or(Some(piece));
        }
        skip_space(s, &mut i);
    }
}

/// The end of the run of ASCII letters and digits at `from`: the bulk of
/// any text, scanned through a slice iterator (no bounds check per byte).
fn word_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest.iter().position(|&b| CLASS[usize::from(b)] != WORD).unwrap_or(rest.len())
}

/// Hyphens and dashes: set between spaces, they part clauses, never a name.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}')
}

/// Moves `i` past the white space at it.
fn skip_space(s: &str, i: &mut usize) {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(*i) {
        *i += match CLASS[usize::from(b)] {
            SPACE => 1,
            WORD | MARK => break,
            _ => match s[*i..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
    }
}

/// Byte classes for [`tokens`]: ASCII letters and digits, ASCII white space,
/// other ASCII, and the bytes of longer characters (decoded when met).
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MARK: u8 = 2;
const OTHER: u8 = 3;
const CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE
        } else {
            MARK
        };
        b += 1;
    }
    table
};
