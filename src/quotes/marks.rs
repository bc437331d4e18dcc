//! Pairs quotation marks into spans, across paragraphs when a paragraph reopens the quote.

use super::cues::{Who, tail_cue};
use super::names::first_sentence;

/// Which kind of mark opened a span; only the same kind closes it, so nested
/// quotes of the other kind stay inside the outer quote's text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Family {
    Double,
    Single,
    Guillemet,
}

/// One piece of quoted text: `start..end` are byte offsets of the words inside the marks.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub struct Span {
    pub parts: Vec<Part>,
    /// Byte offset of the opening mark in the first part's block.
    pub open: usize,
    /// Byte offset just past the closing mark in the last part's block.
    pub after: usize,
    pub closed: bool,
    /// Carries on the quotation of the span before it into a new paragraph.
    pub continued: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

fn family(c: char) -> Option<Family> {
    match c {
        '\u{201c}' | '\u{201d}' | '"' | '\u{201e}' | '\u{201f}' => Some(Family::Double),
        '\u{2018}' | '\u{2019}' | '\'' | '\u{201a}' => Some(Family::Single),
        '\u{ab}' | '\u{bb}' => Some(Family::Guillemet),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    family(c).is_some()
}

/// Whitespace or punctuation that can stand right before an opening mark.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(c) || is_mark(c),
    }
}

fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}\u{2026}\u{2014}\u{2013}-".contains(c) || is_mark(c),
    }
}

/// Decides a mark's role from what touches it first, then from its glyph, because
/// typed and auto-curled text often gets the glyph wrong (German „…“, stray ” for “).
/// `None` means an apostrophe (don’t, the ’90s, Jones’s).
fn direction(c: char, prev: Option<char>, next: Option<char>) -> Option<Dir> {
    let fam = family(c)?;
    if fam == Family::Single {
        let pl = prev.is_some_and(char::is_alphanumeric);
        let nl = next.is_some_and(char::is_alphanumeric);
        if pl && nl {
            return None;
        }
        if !pl && next.is_some_and(|n| n.is_ascii_digit()) {
            return None;
        }
    }
    let spaced = prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace);
    if spaced && fam != Family::Guillemet {
        // A double or single mark with space on both sides is a typo, not a quote.
        return None;
    }
    let open_ctx = opens_after(prev) && !next.is_none_or(char::is_whitespace);
    let close_ctx = !opens_after(prev) && closes_before(next);
    if open_ctx && !close_ctx {
        // French guillemets are spaced on both sides; the glyph decides those below.
        if c == '\u{bb}' {
            return Some(Dir::Close);
        }
        return Some(Dir::Open);
    }
    if close_ctx && !open_ctx {
        if c == '\u{ab}' {
            return Some(Dir::Open);
        }
        return Some(Dir::Close);
    }
    Some(match c {
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{2018}' | '\u{201a}' | '\u{ab}' => Dir::Open,
        '\u{201d}' | '\u{2019}' | '\u{bb}' => Dir::Close,
        _ => Dir::Either,
    })
}

/// Reopening marks that continue a quote into the next paragraph.
fn reopens(block: &str, fam: Family) -> Option<usize> {
    let t = block.trim_start();
    let c = t.chars().next()?;
    let skip = block.len() - t.len();
    let ok = family(c) == Some(fam) && !matches!(c, '\u{201d}' | '\u{2019}' | '\u{bb}');
    ok.then_some(skip + c.len_utf8())
}

struct Open {
    fam: Family,
    mark: usize,
    parts: Vec<Part>,
    start: usize,
}

pub fn scan(blocks: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut carry: Option<Open> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let mut cur = carry.take().and_then(|o| resume(o, blocks, bi, &mut spans));
        // Only four bytes can begin a mark ('"', '\'', and the lead bytes of the
        // curly and angle marks), so the scan jumps from one to the next instead
        // of decoding every character: this runs over every article's text.
        let bytes = block.as_bytes();
        let mut i = cur.as_ref().map_or(0, |o| o.start);
        while let Some(k) = next_mark_byte(&bytes[i..]) {
            i += k;
            let Some(c) = block[i..].chars().next() else { break };
            let end = i + c.len_utf8();
            let prev = block[..i].chars().next_back();
            if let Some(fam) = family(c)
                && let Some(dir) = direction(c, prev, block[end..].chars().next())
            {
                let mark = Mark { fam, dir, straight_single: c == '\'' && !opens_after(prev), at: i, end };
                on_mark(&mut cur, mark, (bi, block), &mut spans);
            }
            i = end;
        }
        if let Some(mut o) = cur {
            o.parts.push(Part { block: bi, start: o.start, end: block.len() });
            carry = Some(o);
        }
    }
    if let Some(o) = carry {
        finish_unclosed(&mut spans, o, blocks);
    }
    spans.sort_by_key(|s| (s.parts[0].block, s.open));
    spans
}

/// A quote that runs over several paragraphs, one span per paragraph, as
/// labelled news marks them (PolNeAR's annotators split all nine such
/// quotes in its training set): the later ones carry on its speaker.
pub fn by_paragraph(spans: Vec<Span>, blocks: &[String]) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        if s.parts.len() == 1 {
            out.push(s);
            continue;
        }
        let last = s.parts.len() - 1;
        for (i, p) in s.parts.iter().enumerate() {
            if blocks[p.block][p.start..p.end].trim().is_empty() {
                continue;
            }
            // A reopened paragraph starts at its own mark, just before the words.
            let open = if i == 0 {
                s.open
            } else {
                blocks[p.block][..p.start].char_indices().next_back().map_or(0, |(k, _)| k)
            };
            let (after, closed) = if i == last { (s.after, s.closed) } else { (p.end, true) };
            out.push(Span { parts: vec![*p], open, after, closed, continued: i > 0 });
        }
    }
    out
}

/// A quote left open at the end of a paragraph, taken up again in paragraph
/// `bi` when it reopens there; else finished as it stands.
fn resume(mut o: Open, blocks: &[String], bi: usize, spans: &mut Vec<Span>) -> Option<Open> {
    let block = &blocks[bi];
    // A paragraph that hands its quote on to the next one ends a sentence;
    // "the sign read “Open late" followed by a new quote does not.
    let handed_on = o.parts.last().is_some_and(|p| {
        blocks[p.block][p.start..p.end].trim_end().ends_with(['.', '!', '?', '\u{2026}', ':', ';'])
    });
    if handed_on
        && let Some(at) = reopens(block, o.fam)
        && !has_own_cue(block, at, o.fam)
    {
        o.start = at;
        return Some(o);
    }
    finish_unclosed(spans, o, blocks);
    None
}

/// One quote mark met by [`scan`].
struct Mark {
    fam: Family,
    dir: Dir,
    /// A straight ' that does not follow a space or an opening: an apostrophe.
    straight_single: bool,
    /// Where it starts and ends in its block.
    at: usize,
    end: usize,
}

/// Opens, closes or drops the current quote at a mark of block `bi`.
fn on_mark(cur: &mut Option<Open>, m: Mark, (bi, block): (usize, &str), spans: &mut Vec<Span>) {
    let fresh = |m: &Mark| Some(Open { fam: m.fam, mark: m.at, parts: Vec::new(), start: m.end });
    match cur {
        None => {
            if m.dir != Dir::Close && !m.straight_single {
                *cur = fresh(&m);
            }
        }
        Some(o) if o.fam == m.fam => {
            if m.dir == Dir::Open {
                // A second opener means the first was a stray mark, unless
                // the first quote's sentence ended: then the writer dropped its
                // closing mark ("… maybe two. “Now …").
                let done = &block[o.start..m.at];
                if o.parts.is_empty()
                    && done.trim_end().ends_with(['.', '!', '?'])
                    && done.split_whitespace().count() >= 3
                {
                    let parts = vec![Part { block: bi, start: o.start, end: m.at }];
                    spans.push(Span { parts, open: o.mark, after: m.at, closed: true, continued: false });
                }
                if o.parts.is_empty() {
                    *cur = fresh(&m);
                }
            } else if let Some(mut o) = cur.take() {
                o.parts.push(Part { block: bi, start: o.start, end: m.at });
                spans.push(Span {
                    parts: o.parts,
                    open: o.mark,
                    after: m.end,
                    closed: true,
                    continued: false,
                });
            }
        }
        Some(_) => {}
    }
}

/// Offset of the first byte that can begin a quote mark: '"', '\'', or the
/// first byte of U+2018-U+201F (0xE2) or of the guillemets (0xC2).
fn next_mark_byte(bytes: &[u8]) -> Option<usize> {
    let common = memchr::memchr3(b'"', b'\'', 0xE2, bytes);
    // Guillemets are rare; search for them only as far as the next common mark.
    let hay = &bytes[..common.unwrap_or(bytes.len())];
    memchr::memchr(0xC2, hay).or(common)
}

/// A reopened paragraph whose quote closes on a comma and a cue ("“…,” he added") is a
/// new quote with its own attribution, not the previous paragraph's quote going on.
fn has_own_cue(block: &str, from: usize, fam: Family) -> bool {
    let mut prev = None;
    let mut it = block[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        if family(c) == Some(fam) && direction(c, prev, next) == Some(Dir::Close) {
            if !block[from..from + i].trim_end().ends_with([',', '?', '!']) {
                return false;
            }
            let t = first_sentence(&block[from + i + c.len_utf8()..]);
            return tail_cue(&t, false).is_some_and(|w| w != Who::Same);
        }
        prev = Some(c);
    }
    false
}

/// A mark left open at a paragraph's end that the next paragraph does not reopen
/// ends with its paragraph, so a stray mark never swallows the article.
fn finish_unclosed(spans: &mut Vec<Span>, o: Open, blocks: &[String]) {
    let Some(last) = o.parts.last() else { return };
    if o.parts.iter().all(|p| blocks[p.block][p.start..p.end].trim().is_empty()) {
        return;
    }
    let after = last.end;
    spans.push(Span { parts: o.parts, open: o.mark, after, closed: false, continued: false });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bs: &[&str]) -> Vec<String> {
        let owned: Vec<String> = bs.iter().map(|s| s.to_string()).collect();
        scan(&owned)
            .iter()
            .map(|s| {
                s.parts.iter().map(|p| owned[p.block][p.start..p.end].trim()).collect::<Vec<_>>().join(" | ")
            })
            .collect()
    }

    #[test]
    fn curly_straight_single_guillemet_german() {
        assert_eq!(texts(&["“Tea is hot,” Ann said."]), ["Tea is hot,"]);
        assert_eq!(texts(&["\"Tea is hot,\" Ann said."]), ["Tea is hot,"]);
        assert_eq!(texts(&["‘Tea is hot,’ Ann said."]), ["Tea is hot,"]);
        assert_eq!(texts(&["« Le thé est chaud », dit Anne."]), ["Le thé est chaud"]);
        assert_eq!(texts(&["«\u{a0}Le thé\u{a0}», dit Anne."]), ["Le thé"]);
        assert_eq!(texts(&["„Der Tee ist heiß“, sagte Anna."]), ["Der Tee ist heiß"]);
    }

    #[test]
    fn mark_bytes_are_found_where_the_first_mark_starts() {
        // Every mark, and characters sharing a mark's lead byte that are not marks.
        let pieces = ["a", "\"", "'", "\u{201c}", "\u{2019}", "\u{ab}", "\u{bb}", "\u{e9}", "\u{2014}", " "];
        let is_lead = |b: u8| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2);
        for s in crate::testing::random_texts(0x2545_f491_4f6c_dd1d, &pieces) {
            // The search stops at the first byte that may begin a mark, so never past one.
            let got = next_mark_byte(s.as_bytes());
            assert_eq!(got, s.bytes().position(is_lead), "{s:?}");
            let first_mark = s.char_indices().find(|&(_, c)| is_mark(c)).map(|(i, _)| i);
            assert!(first_mark.is_none_or(|m| got.is_some_and(|g| g <= m)), "{s:?}");
        }
    }

    #[test]
    fn nested_single_stays_inside_double() {
        assert_eq!(texts(&["“He told me ‘never’ twice,” Bo said."]), ["He told me ‘never’ twice,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(texts(&["We don’t like the ’90s or the Joneses’ car, ‘Ok’ said Al."]), ["Ok"]);
    }

    #[test]
    fn split_quote_is_two_spans() {
        assert_eq!(texts(&["“Up,” she said, “and down.”"]), ["Up,", "and down."]);
    }

    #[test]
    fn multi_paragraph_quote_is_one_span() {
        assert_eq!(
            texts(&["Lu said: “First part.", "“Second part.”", "After."]),
            ["First part. | Second part."]
        );
    }

    #[test]
    fn stray_mark_stops_at_paragraph_end() {
        assert_eq!(texts(&["A stray “ mark here and more", "Then “real” text."]), ["real"]);
        assert_eq!(texts(&["Ends with a mark. “", "Next para."]), Vec::<String>::new());
    }
}
