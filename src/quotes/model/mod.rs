//! The attribution model: gradient-boosted trees over [`super::attribution`]'s
//! features, scoring each candidate on its own; a quote's confidence weighs its
//! best candidate against the others and against nobody. Trained by
//! `tools/quotes-train/train.py` on labelled news and compiled in as plain
//! numbers (`weights.rs`, generated: do not edit).

use super::attribution::{Candidate, N};

mod weights;

/// The least probability for a speaker to be shown, chosen on held-out data.
pub const THRESHOLD: f32 = weights::THRESHOLD;

/// One node of a tree, laid out depth first: a split sends a candidate to
/// the next node when its feature is at most the threshold, else to `right`;
/// a leaf's threshold is the value it adds to the candidate's score.
pub struct Node {
    threshold: f32,
    /// The feature a split reads; `u16::MAX` marks a leaf.
    feature: u16,
    right: u16,
}

impl Node {
    const fn split(feature: u16, threshold: f32, right: u16) -> Node {
        Node { threshold, feature, right }
    }

    const fn leaf(value: f32) -> Node {
        Node { threshold: value, feature: u16::MAX, right: 0 }
    }
}

/// The candidate's score, a log-odds: higher is likelier.
pub fn score(c: &Candidate) -> f32 {
    let leaf = |root: u16| {
        let mut i = usize::from(root);
        loop {
            let n = &weights::NODES[i];
            if n.feature == u16::MAX {
                return n.threshold;
            }
            i = if c.x[usize::from(n.feature)] <= n.threshold { i + 1 } else { usize::from(n.right) };
        }
    };
    weights::BASE + weights::ROOTS.iter().map(|&r| leaf(r)).sum::<f32>()
}

/// The likeliest candidate and its confidence: its probability over all the
/// candidates' and the chance that none of them spoke (as train.py's confidence()).
pub fn best(cands: &[Candidate]) -> Option<(&Candidate, f32)> {
    let p: Vec<f32> = cands.iter().map(|c| 1.0 / (1.0 + (-score(c)).exp())).collect();
    let k = (0..cands.len()).fold(None, |b: Option<usize>, i| match b {
        Some(j) if p[j] >= p[i] => Some(j),
        _ => Some(i),
    })?;
    let total: f32 = p.iter().sum::<f32>() + 1.0 - p[k];
    Some((&cands[k], p[k] / total))
}

const _: () = assert!(weights::FEATURES.len() == N);

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn weights_name_the_features_the_code_computes() {
        assert_eq!(weights::FEATURES, super::super::attribution::FEATURES);
    }

    /// The weights are what the checked-in training script made: a change to the
    /// script without retraining (or an edit by hand) fails here.
    #[test]
    fn weights_come_from_the_checked_in_script() {
        let script = include_bytes!("../../../tools/quotes-train/train.py");
        let digest: String = Sha256::digest(script).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(weights::SCRIPT_SHA256, digest);
    }

    #[test]
    fn the_higher_scored_candidate_wins() {
        let mut a = Candidate { name: "Ada Quill".into(), x: [0.0; N] };
        let mut b = Candidate { name: "Ben Roe".into(), x: [0.0; N] };
        a.x[0] = 1.0;
        b.x[0] = 1.0;
        // The rules' own answer counts for more than no evidence at all.
        a.x[1] = 1.0;
        let cands = [b, a];
        let (c, p) = best(&cands).expect("two candidates");
        assert_eq!(c.name, "Ada Quill");
        assert!(p > 0.0 && p < 1.0);
        assert!(score(&cands[1]) > score(&cands[0]));
        assert!(best(&[]).is_none());
    }
}
