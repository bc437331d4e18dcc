//! The compact text form of id lists inside the index's JSON files.
//!
//! A number is written in base 32, low digits first: every digit but the
//! last from [`MORE`], the last from [`LAST`], so numbers need no separator
//! and every character is one a JSON string holds unescaped. A posting list
//! is the ids' gaps (the first id as it is), each followed by one [`LAST`]
//! character holding the article's weight for the term (0-31); the lists of
//! common words are then two bytes an article, against five or more for a
//! JSON array of numbers. `templates/search.js` reads the same form.

/// Final digits: the number ends here.
pub const LAST: &[u8; 32] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";
/// Digits followed by more.
pub const MORE: &[u8; 32] = b"WXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `n` in the form above.
pub fn number(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(char::from(MORE[(n & 31) as usize]));
        n >>= 5;
    }
    out.push(char::from(LAST[n as usize]));
}

/// Ascending ids as gaps: `[3, 4, 11]` -> `3 1 7`.
pub fn ids(list: &[u32]) -> String {
    let mut out = String::with_capacity(list.len() + 4);
    let mut prev = 0;
    for &id in list {
        number(&mut out, id - prev);
        prev = id;
    }
    out
}

/// Ascending ids, each with its weight (at most 31).
pub fn postings(list: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(list.len() * 2 + 4);
    let mut prev = 0;
    for &(id, weight) in list {
        number(&mut out, id - prev);
        out.push(char::from(LAST[usize::from(weight.min(31))]));
        prev = id;
    }
    out
}

/// Reads back what [`number`] wrote, for tests; `None` on a malformed string.
pub fn decode(text: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let (mut n, mut shift) = (0u32, 0u32);
    for b in text.bytes() {
        if let Some(d) = MORE.iter().position(|&m| m == b) {
            n |= u32::try_from(d).ok()? << shift;
            shift += 5;
        } else {
            let d = LAST.iter().position(|&m| m == b)?;
            out.push(n | u32::try_from(d).ok()? << shift);
            (n, shift) = (0, 0);
        }
    }
    (shift == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let values = [0, 1, 31, 32, 33, 1023, 1024, 99_999, u32::MAX];
        let mut s = String::new();
        for v in values {
            number(&mut s, v);
        }
        assert_eq!(decode(&s), Some(values.to_vec()));
        assert_eq!(ids(&[3, 4, 11]), "317");
        assert_eq!(decode("W"), None, "a number cut short");
    }

    #[test]
    fn postings_hold_gaps_and_weights() {
        let s = postings(&[(3, 5), (40, 31), (41, 200)]);
        assert_eq!(decode(&s), Some(vec![3, 5, 37, 31, 1, 31]));
    }

    #[test]
    fn the_browser_script_has_the_same_digits() {
        let script = super::super::SCRIPT;
        for digits in [LAST.as_slice(), MORE.as_slice()] {
            let text = std::str::from_utf8(digits).unwrap_or_default();
            assert!(script.contains(text), "search.js lacks {text}");
        }
    }
}
