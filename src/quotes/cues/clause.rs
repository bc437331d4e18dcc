//! The subject of a sentence that a participle or second verb hangs from
//! ("On Friday, Roe left, saying …"), past introductory phrases and appositions.

use super::super::lexicon::{DETERMINERS, has};
use super::super::names::is_speech_verb;
use super::super::names::{Tok, is_cap, is_stop, name_at};
use super::super::registry::is_person;
use super::{Who, after_role, is_generic, is_of_phrase, is_role_word, lower, pronoun_kind};

/// The subject opening the sentence a participle hangs from: "Roe left, saying …".
/// Up to two introductory phrases are passed over: "On Monday, in Leeds, Roe left, saying …".
pub fn sentence_subject<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    let mut k = usize::from(t.len() > 1 && matches!(t[0].word, "But" | "And" | "Yet" | "So" | "Then"));
    for skipped in [false, true, true] {
        let first = t.get(k)?;
        // English "On Friday," is a preposition, French "On dit" a pronoun.
        let on_date = first.word == "On" && t.get(k + 1).is_some_and(|n| is_cap(n.word));
        if let Some(p) = pronoun_kind(first.word)
            && !on_date
        {
            return Some(p);
        }
        if let Some(w) = clause_subject(t, k, skipped) {
            return w;
        }
        // Only a phrase that cannot be a subject is skipped: a preposition, a time,
        // a participle or adverb ("Speaking later, …", "Tuesday, …").
        let w = first.word;
        // "in Salem, Oregon, …": a one-word place finishing the previous phrase.
        let place = skipped && is_cap(w) && first.trail == ",";
        let intro = (is_stop(w) || is_opener(w) || is_of_phrase(w) || is_lead_in(w) || place)
            && !has(&DETERMINERS, w)
            && !matches!(lower(w).as_str(), "this" | "that" | "these" | "those" | "it" | "there");
        let comma = (k..t.len().min(k + 12)).find(|&j| t[j].trail.contains(','))?;
        if !intro || t[k..comma].iter().any(|x| is_speech_verb(x.word)) {
            return None;
        }
        k = comma + 1;
    }
    None
}

/// Lower-case words that open an introductory phrase rather than a subject.
fn is_lead_in(w: &str) -> bool {
    matches!(
        w,
        "during"
            | "after"
            | "before"
            | "on"
            | "amid"
            | "despite"
            | "since"
            | "as"
            | "while"
            | "when"
            | "following"
            | "speaking"
            | "later"
            | "earlier"
            | "last"
            | "once"
    )
}

/// A capitalised participle or adverb opening a sentence ("Surveying", "Interestingly"),
/// which reads like a one-word name.
pub fn is_opener(w: &str) -> bool {
    is_cap(w) && w.len() > 5 && (w.ends_with("ing") || w.ends_with("ly"))
}

/// A name (or role and name) at `k` followed by its verb; `Some(None)` when the name
/// only qualifies a plural noun, `None` when no subject stands there.
/// After an introductory phrase (`skipped`) a comma after the name is more often a
/// place's ("in Salem, Oregon, Roe …") than an apposition's.
fn clause_subject<'a>(t: &[Tok<'a>], k: usize, skipped: bool) -> Option<Option<Who<'a>>> {
    if is_opener(t[k].word) {
        return None;
    }
    let (w, end) = name_at(t, k).or_else(|| after_role(t, k))?;
    let next = t.get(end)?;
    if matches!(next.word, "and" | "&") && t[end - 1].trail.is_empty() {
        // "Roe and Doe issued a statement, calling it …": two people, neither alone.
        return Some(Some(Who::Nobody));
    }
    if is_generic(next.word) {
        // "Acme officers lingered, saying …": the name only qualifies the noun.
        return Some(Some(Who::Nobody));
    }
    if !is_cap(next.word) && t[end - 1].trail.is_empty() {
        // "Acme's Ohio state director, Jo Roe, wrote": the name only says where.
        let r = end + t[end..].iter().take(3).take_while(|x| is_role_word(x)).count();
        if let Some(h) = t.get(r)
            && h.trail == ","
            && !is_cap(h.word)
            && let Some((p, e)) = name_at(t, r + 1)
            && is_person(&p)
            && t[e - 1].trail == ","
        {
            return Some(Some(Who::Name(p)));
        }
        return Some(Some(Who::Name(w)));
    }
    (t[end - 1].trail == "," && !skipped).then_some(Some(Who::Name(w)))
}
