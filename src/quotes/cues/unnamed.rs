//! People the article describes without naming them ("his daughter", "the
//! woman"), who may be the he or she of a quote nearer than anyone named.

use super::super::gender::{self, Gender};
use super::super::names::{is_cap, is_lower_title};

/// "His daughter has seen it twice. She told …": a sentence in `texts` has
/// an unnamed person of gender `want` as its subject, whom a he/she after it
/// more likely means than anyone named before. Also "A volunteer with a boat
/// was blunter", "The engineer who was logged out said she …", and anyone
/// who "asked not to be named".
///
/// Read off the raw text, without tokens: it is asked of every quote with a
/// he/she cue, about the paragraph before it too.
pub fn unnamed_subject(texts: &[&str], want: Gender) -> bool {
    texts
        .iter()
        .flat_map(|s| s.split_terminator(['.', '!', '?']))
        .any(|sentence| described(sentence, want) || anonymous(sentence, want))
}

/// The sentence opens (past a place phrase) with a person described, not named.
fn described(sentence: &str, want: Gender) -> bool {
    let words: Vec<&str> = past_opening_phrase(sentence).split_whitespace().collect();
    let [det, rest @ ..] = &words[..] else { return false };
    let definite = match *det {
        "His" | "Her" | "Their" | "The" => true,
        "A" | "An" | "One" | "a" | "an" | "one" => false,
        _ => return false,
    };
    let person = |i: usize| {
        let w = rest[i].trim_end_matches(',');
        match of_person_noun(w) {
            Some(g) => g == want,
            // "The former teacher said" is someone named before; "a volunteer",
            // "the engineer who …" someone new.
            None => {
                let gendered = of_role_noun(w);
                (is_role_word(w) || gendered.is_some())
                    && (!definite || rest.get(i + 1) == Some(&"who"))
                    && gendered.map_or_else(|| says_gender(sentence, want), |g| g == want)
            }
        }
    };
    let Some(k) = (0..rest.len().min(3)).find(|&i| person(i)) else {
        return false;
    };
    // "His daughter, Ann Roe," "his son Tom", "The young man was Tom Roe",
    // "who gave her name only as Ruth": named after all.
    let named = rest.get(k + 1).is_some_and(|w| is_cap(w))
        || rest[k + 1..].windows(2).any(|p| matches!(p[0], "as" | "was" | "is" | "named") && is_cap(p[1]));
    !named && !rest[..k].iter().any(|w| is_cap(w))
}

/// "At the main entrance, a woman …": the sentence past a place or time
/// phrase that opens it.
fn past_opening_phrase(sentence: &str) -> &str {
    let s = sentence.trim_start();
    let opener = s.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "At" | "On" | "In" | "Outside" | "Inside" | "Near" | "Back" | "By" | "After" | "Before" | "Later"
        )
    });
    match s.find(", ") {
        Some(i) if opener && i < 60 => &s[i + 2..],
        _ => s,
    }
}

/// "a volunteer", "the engineer who …", "one employee": a role or job.
fn is_role_word(w: &str) -> bool {
    is_lower_title(w)
        || matches!(
            w,
            "employee"
                | "worker"
                | "regular"
                | "customer"
                | "supporter"
                | "fan"
                | "resident"
                | "parent"
                | "neighbour"
                | "neighbor"
                | "witness"
                | "passenger"
                | "visitor"
                | "shopper"
                | "voter"
                | "spectator"
                | "bystander"
                | "commuter"
                | "patient"
                | "student"
                | "volunteer"
                | "official"
                | "source"
        )
}

/// "who asked not to be named", "declined to give his name": someone the
/// article leaves unnamed on purpose, of the gender its he/she says.
fn anonymous(sentence: &str, want: Gender) -> bool {
    const SIGNS: [&str; 6] = [
        "not to be named",
        "not be named",
        "give his name",
        "give her name",
        "name not be used",
        "of anonymity",
    ];
    SIGNS.iter().any(|p| sentence.contains(p)) && says_gender(sentence, want)
}

/// The sentence has a he/she (his, her …) of gender `want`.
fn says_gender(sentence: &str, want: Gender) -> bool {
    let words: &[&str] = match want {
        Gender::Male => &["he", "his", "him"],
        Gender::Female => &["she", "her"],
    };
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| words.contains(&w))
}

fn of_person_noun(w: &str) -> Option<Gender> {
    match w {
        "man" | "boy" | "gentleman" => Some(Gender::Male),
        "woman" | "girl" | "lady" => Some(Gender::Female),
        _ => gender::of_kin(w),
    }
}

/// "spokeswoman", "chairman": a role that says its holder's gender.
fn of_role_noun(w: &str) -> Option<Gender> {
    match w {
        "chairman" | "policeman" | "fireman" | "fisherman" | "postman" => Some(Gender::Male),
        _ if w.ends_with("woman") => Some(Gender::Female),
        _ if w.ends_with("sman") => Some(Gender::Male),
        _ => None,
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
        // Past an opening phrase, with a role and her pronoun, or anonymous.
        assert!(unnamed_subject(&["At the gate, a woman whose son was hurt said he is fine."], f));
        assert!(unnamed_subject(&["The engineer who was logged out said she will rest."], f));
        assert!(!unnamed_subject(&["The engineer who was logged out said he will rest."], f));
        assert!(unnamed_subject(&["One worker, who asked not to be named, said her shift was cut."], f));
        assert!(!unnamed_subject(&["The engineer Ann Roe said she will rest."], f));
        // A role with "the" is someone named before; a name after "was" or "as".
        assert!(!unnamed_subject(&["The former teacher said she kept the essay."], f));
        assert!(!unnamed_subject(&["The young woman was Ann Roe, a driver."], f));
        assert!(!unnamed_subject(&["Her neighbour, who gave her name only as Ruth, said it flooded."], f));
        // A role that says its gender; a fan or a resident is as unnamed as a worker.
        assert!(unnamed_subject(&["A spokeswoman for the council said the office would comply."], f));
        assert!(!unnamed_subject(&["A spokesman for the council said the office would comply."], f));
        assert!(!unnamed_subject(&["The spokeswoman said the office would comply."], f));
        assert!(unnamed_subject(
            &["One supporter, who said he had seen every fight, was hoarse."],
            Gender::Male
        ));
    }
}
