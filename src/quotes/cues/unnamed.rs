//! People the article describes without naming them ("his daughter", "the
//! woman"), who may be the he or she of a quote nearer than anyone named.

use super::super::gender::{self, Gender};
use super::super::names::is_cap;

/// "His daughter has seen it twice. She told …": a sentence in `texts` opens
/// with an unnamed person of gender `want` as its subject, whom a he/she after
/// it more likely means than anyone named before.
///
/// Read off the raw text, without tokens: it is asked of every quote with a
/// he/she cue, about the paragraph before it too.
pub fn unnamed_subject(texts: &[&str], want: Gender) -> bool {
    texts.iter().flat_map(|s| s.split_terminator(['.', '!', '?'])).any(|sentence| {
        let mut words = sentence.split_whitespace();
        let (Some(det), Some(noun)) = (words.next(), words.next()) else { return false };
        let bare = noun.trim_end_matches(',');
        // "His daughter, Ann Roe," or "his son Tom": a name follows the noun.
        let named = words.next().is_some_and(is_cap);
        matches!(det, "His" | "Her" | "Their" | "The" | "A" | "An" | "One")
            && of_person_noun(bare) == Some(want)
            && !named
    })
}

fn of_person_noun(w: &str) -> Option<Gender> {
    match w {
        "man" | "boy" | "gentleman" => Some(Gender::Male),
        "woman" | "girl" | "lady" => Some(Gender::Female),
        _ => gender::of_kin(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unnamed_subject_of_the_gender_counts() {
        let f = Gender::Female;
        assert!(unnamed_subject(&["He has not seen it. His daughter has seen it twice."], f));
        assert!(unnamed_subject(&["", "The woman waved."], f));
        // Named in apposition, of the other gender, or not the subject.
        assert!(!unnamed_subject(&["His daughter, Ann Roe, has seen it."], f));
        assert!(!unnamed_subject(&["His daughter Ann has seen it."], f));
        assert!(!unnamed_subject(&["His son has seen it."], f));
        assert!(!unnamed_subject(&["Roe met his daughter."], f));
    }
}
