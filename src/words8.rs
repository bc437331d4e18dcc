//! Eight bytes at a time: which bytes of a machine word of text are zero or
//! letters and digits, so that word counts and the quote name scan pass over
//! runs of plain text a word at a time. Safe code, no SIMD.

/// 0x01 in every byte: `ONES * b` is `b` in every byte.
pub const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// The high bit of every byte.
pub const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// The eight bytes at `at` as one word, if there are eight; the first byte
/// is the lowest (little-endian), so `<< 8` moves a flag to the next byte.
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The high bit of each byte of `word` that is zero, and no other bit
/// (exact per byte, unlike the yes/no tests: no carry crosses bytes).
pub fn zero_bytes(word: u64) -> u64 {
    !(((word & !HIGH) + !HIGH) | word) & HIGH
}

/// The high bit of each byte of `word` that lies strictly between `lo` and
/// `hi` (`lo` below 128, `hi` at most 128; bytes of 128 and above never do),
/// and no other bit: exact per byte, as the seven low bits are added apart
/// from the high one so that no carry or borrow crosses into the next byte.
pub fn between(word: u64, lo: u8, hi: u8) -> u64 {
    let low = word & !HIGH;
    (ONES * (127 + u64::from(hi)) - low) & !word & (low + ONES * (127 - u64::from(lo))) & HIGH
}

/// The high bit of each byte of `word` that is an ASCII letter or digit.
pub fn alphanumeric_bytes(word: u64) -> u64 {
    // Setting bit 5 folds upper case onto lower case and leaves digits alone.
    between(word | (ONES * 0x20), b'a' - 1, b'z' + 1) | between(word, b'0' - 1, b'9' + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn word_tests_agree_with_looking_at_each_byte() {
        let mut rng = XorShift(0x8b17e5);
        for _ in 0..20_000 {
            // Bytes drawn from a few values around the ones escapers test,
            // so that words with and without them both come up often.
            let bytes: Vec<u8> = (0..8)
                .map(|_| {
                    [
                        0x00, 0x1f, 0x20, 0x21, b'"', b'&', b'<', 0x7f, 0x80, 0xef, b'a', b'0', b'9', b'/',
                        b':', b'@', b'A', b'Z', b'[', b'`', b'z', b'{', 0xc1, 0xda, 0xfa,
                    ][(rng.next() % 25) as usize]
                })
                .collect();
            let word = word_at(&bytes, 0).expect("eight bytes");
            let zeros: Vec<bool> = (0..8).map(|k| zero_bytes(word) >> (8 * k + 7) & 1 == 1).collect();
            assert_eq!(zeros, bytes.iter().map(|&x| x == 0).collect::<Vec<_>>(), "{bytes:?}");
            assert_eq!(zero_bytes(word) & !HIGH, 0);
            let alnum: Vec<bool> = (0..8).map(|k| alphanumeric_bytes(word) >> (8 * k + 7) & 1 == 1).collect();
            assert_eq!(alnum, bytes.iter().map(u8::is_ascii_alphanumeric).collect::<Vec<_>>(), "{bytes:?}");
            assert_eq!(alphanumeric_bytes(word) & !HIGH, 0);
        }
        assert_eq!(word_at(b"1234567", 0), None);
    }
}
