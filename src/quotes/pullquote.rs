//! Choosing pull-outs: the quotes set in large type beside the story.
//!
//! A pull-out prints its speaker's name big, so a wrong name there is the
//! worst error a page can make, and a missing one is forgivable: only quotes
//! whose speaker is shown (confident enough, or settled by an editor) are
//! candidates, unless the site allows unnamed pull-outs. A pull-out must also
//! read alone: a full sentence of 8 to 40 words, outside the lede, and never
//! a title or a term in quote marks.

use super::Quote;

/// Fewest and most words a pull-out may have.
const WORDS: std::ops::RangeInclusive<usize> = 8..=40;

/// Indices into `quotes` of the best up to `n` pull-out candidates, best
/// first; `unnamed` lets quotes without a shown speaker in, after named ones.
pub fn choose_pullquotes(quotes: &[Quote], n: usize, unnamed: bool) -> Vec<usize> {
    let mut ranked: Vec<(Rank, usize)> =
        quotes.iter().enumerate().filter(|(_, q)| eligible(q, unnamed)).map(|(i, q)| (rank(q), i)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().take(n).map(|(_, i)| i).collect()
}

/// Whether `q` may be a pull-out at all.
fn eligible(q: &Quote, unnamed: bool) -> bool {
    let words = q.text.split_whitespace().count();
    // The lede's quote is already what the reader sees first.
    q.block != 0
        && (unnamed || q.speaker.is_some())
        && !q.partial
        && WORDS.contains(&words)
        && is_sentence(&q.text)
        && !is_title(&q.text)
}

/// Starts like a sentence and does not stop mid-clause. The closing comma
/// of “…,” she said is already gone from the text, so a missing full stop is
/// no sign of a fragment.
fn is_sentence(text: &str) -> bool {
    let starts =
        text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let trimmed = text.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')']);
    let dangling = trimmed.rsplit(char::is_whitespace).next().is_some_and(|w| {
        matches!(w, "and" | "but" | "or" | "that" | "which" | "because" | "the" | "a" | "an" | "to" | "of")
    });
    starts && !dangling && !trimmed.ends_with([':', ';', ',', '-', '\u{2013}', '\u{2014}'])
}

/// Every word capitalised but the small ones: the name of a book, film or
/// show, not someone's words.
fn is_title(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "with",
    ];
    text.split_whitespace().all(|w| {
        let first = w.chars().find(|c| c.is_alphanumeric());
        first.is_none_or(|c| !c.is_lowercase())
            || SMALL.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()))
    })
}

/// Named first; then a length that reads well in a box; then the surer
/// attribution.
type Rank = (bool, bool, u32);

fn rank(q: &Quote) -> Rank {
    let words = q.text.split_whitespace().count();
    let confidence = (q.confidence.clamp(0.0, 1.0) * 1000.0) as u32;
    (q.speaker.is_some(), (12..=30).contains(&words), confidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, speaker: Option<&str>, partial: bool, block: usize) -> Quote {
        let speaker: Option<String> = speaker.map(Into::into);
        Quote { text: text.into(), guess: speaker.clone(), speaker, partial, block, confidence: 1.0 }
    }

    const FULL: &str = "Our bakers start work at four every morning to have bread ready.";

    #[test]
    fn only_named_full_sentences_outside_the_lede() {
        let qs = vec![
            q("We will open eight new tea rooms across the county this spring.", Some("Ada Quill"), false, 0),
            q("a nice cup of tea for everyone who comes in from the cold", Some("Ada Quill"), true, 2),
            q(FULL, None, false, 3),
            q(FULL, Some("Ada Quill"), false, 4),
            q("Yes.", Some("Ada Quill"), false, 5),
            q("and then we will see what the council makes of all this", Some("Ada Quill"), false, 6),
        ];
        assert_eq!(choose_pullquotes(&qs, 3, false), vec![3]);
        assert_eq!(choose_pullquotes(&qs, 0, false), Vec::<usize>::new());
        // Allowed unnamed ones come after every named one.
        assert_eq!(choose_pullquotes(&qs, 3, true), vec![3, 2]);
    }

    #[test]
    fn eight_to_forty_words() {
        let words = |n: usize| format!("Word{}.", " word".repeat(n - 1));
        let qs: Vec<Quote> =
            [7, 8, 40, 41].iter().map(|&n| q(&words(n), Some("Ada Quill"), false, 1)).collect();
        let mut chosen = choose_pullquotes(&qs, 4, false);
        chosen.sort();
        assert_eq!(chosen, vec![1, 2]);
    }

    #[test]
    fn below_the_threshold_is_not_a_pull_out() {
        let mut qs = vec![q(FULL, Some("Ada Quill"), false, 1)];
        qs[0].confidence = 0.3;
        crate::quotes::apply_threshold(&mut qs, 0.5);
        assert!(choose_pullquotes(&qs, 1, false).is_empty());
        crate::quotes::apply_threshold(&mut qs, 0.2);
        assert_eq!(choose_pullquotes(&qs, 1, false), vec![0]);
    }

    #[test]
    fn surer_speakers_and_readable_lengths_rank_first() {
        let long =
            format!("{} {}", FULL, "And the ovens stay warm until the last loaf leaves the shop at six.");
        let mut qs = vec![q(FULL, Some("Ada Quill"), false, 1), q(FULL, Some("Tom Briggs"), false, 2)];
        qs[0].confidence = 0.6;
        qs.push(q(&long, Some("Ada Quill"), false, 3));
        assert_eq!(choose_pullquotes(&qs, 3, false), vec![1, 2, 0]);
    }

    #[test]
    fn titles_and_fragments_are_never_pull_outs() {
        assert!(is_title("The Curious Case of the Dog in the Night"));
        assert!(!is_title(FULL));
        assert!(!is_sentence("and then we will see what the council makes of it"));
        assert!(!is_sentence("We will see what the council makes of it, and"));
        assert!(is_sentence("We finally have a channel deep enough for the fleet again"));
    }
}
