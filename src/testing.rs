//! Helpers for unit tests: random texts built from the pieces a test cares
//! about, for checking a fast path against its plain definition.

/// A xorshift generator: deterministic, so a failure names an input that
/// fails again on the next run.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// 2,000 strings of up to 31 `pieces` each, drawn from `seed`.
pub fn random_texts<'a>(seed: u64, pieces: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    let mut rng = XorShift(seed);
    (0..2000).map(move |_| {
        let len = rng.next() >> 59;
        (0..len).map(|_| pieces[(rng.next() % pieces.len() as u64) as usize]).collect()
    })
}
