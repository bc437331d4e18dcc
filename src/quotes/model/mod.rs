//! The attribution model: a conditional logit over [`super::attribution`]'s
//! features (each candidate's score against the others and against "nobody
//! named"), trained by `tools/quotes-train/train.py` on labelled news and
//! compiled in as plain numbers (`weights.rs`, generated: do not edit).

use super::attribution::{Candidate, N};

mod weights;

/// The least probability for a speaker to be shown, chosen on held-out data.
pub const THRESHOLD: f32 = weights::THRESHOLD;

/// The candidate's score: higher is likelier; "nobody named" scores 0.
pub fn score(c: &Candidate) -> f32 {
    weights::WEIGHTS.iter().zip(&c.x).map(|(w, x)| w * x).sum()
}

/// The likeliest candidate and its probability against the others and nobody.
pub fn best(cands: &[Candidate]) -> Option<(&Candidate, f32)> {
    let scores: Vec<f32> = cands.iter().map(score).collect();
    let top = scores.iter().copied().fold(0.0f32, f32::max);
    let total: f32 = (-top).exp() + scores.iter().map(|s| (s - top).exp()).sum::<f32>();
    let k = (0..cands.len()).fold(None, |b: Option<usize>, i| match b {
        Some(j) if scores[j] >= scores[i] => Some(j),
        _ => Some(i),
    })?;
    Some((&cands[k], (scores[k] - top).exp() / total))
}

const _: () = assert!(weights::WEIGHTS.len() == N);

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
