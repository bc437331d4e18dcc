//! Fingerprints: what a rebuild compares to tell whether a page, a listing
//! or an article may have changed since the last build.

/// A hash of `value`, stable within a process (fingerprints are never stored).
pub(crate) fn hash(value: &impl std::hash::Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    std::hash::Hasher::finish(&h)
}
