//! People the article describes without naming them ("his daughter", "the
//! woman"), who may be the he or she of a quote nearer than anyone named.

use super::super::gender::{self, Gender};
use super::super::names::{Tok, ends_sentence, is_cap, tokens_into};

/// "His daughter has seen it twice. She told …": a sentence in `texts` opens
/// with an unnamed person of gender `want` as its subject, whom a he/she after
/// it more likely means than anyone named before.
pub fn unnamed_subject(texts: &[&str], want: Gender) -> bool {
    let mut t = Vec::new();
    texts.iter().any(|s| {
        tokens_into(s, &mut t);
        (0..t.len().saturating_sub(1)).any(|i| {
            (i == 0 || ends_sentence(&t[i - 1]))
                && matches!(t[i].word, "His" | "Her" | "Their" | "The" | "A" | "An" | "One")
                && t[i].trail.is_empty()
                && of_person_noun(t[i + 1].word) == Some(want)
                && !named(&t, i + 1)
        })
    })
}

/// "His daughter, Ann Roe," or "his son Tom": a name follows the noun.
fn named(t: &[Tok], noun: usize) -> bool {
    matches!(t[noun].trail, "" | ",") && t.get(noun + 1).is_some_and(|n| is_cap(n.word) && n.lead.is_empty())
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
        assert!(!unnamed_subject(&["His son has seen it."], f));
        assert!(!unnamed_subject(&["Roe met his daughter."], f));
    }
}
