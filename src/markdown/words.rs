//! Word counts for reading times: `split_whitespace().count()`, eight bytes
//! at a time where the text is ASCII. It runs over the whole text of every
//! article.

use crate::words8::{HIGH, ONES, zero_bytes};

/// `text.split_whitespace().count()`.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut i) = (0, 0);
    // Whether the byte before `i` is white space (the start counts as such).
    let mut after_space = true;
    while i < bytes.len() {
        for chunk in bytes[i..].chunks_exact(8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let Some(space) = ascii_space(word) else { break };
            // A word starts at each byte that is not space after one that is.
            let before = (space << 8) | if after_space { 0x80 } else { 0 };
            let starts = !space & HIGH & before;
            // The flags summed into the top byte: `count_ones` is a dozen
            // instructions on x86-64 without POPCNT, the baseline target.
            words += (((starts >> 7).wrapping_mul(ONES)) >> 56) as usize;
            after_space = space >> 63 == 1;
            i += 8;
        }
        // One character at a time where the text is not plain ASCII.
        let Some(&b) = bytes.get(i) else { break };
        let (space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.is_whitespace(), c.len_utf8())
        };
        words += usize::from(!space && after_space);
        after_space = space;
        i += len;
    }
    words
}

/// The high bit of each byte of `word` that is a space or a line feed;
/// `None` if it holds a byte that is not ASCII or another control character
/// (tab, carriage return and the rest are left to the character path).
fn ascii_space(word: u64) -> Option<u64> {
    if word & HIGH != 0 {
        return None;
    }
    let control = zero_bytes(word & (ONES * 0xe0));
    let line_feed = zero_bytes(word ^ (ONES * u64::from(b'\n')));
    if control & !line_feed != 0 {
        return None;
    }
    Some(line_feed | zero_bytes(word ^ (ONES * u64::from(b' '))))
}
