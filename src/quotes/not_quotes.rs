//! Quoted words that nobody said: titles of works, terms being named, scare quotes.
//! News prose puts all of these between quotation marks; a pull-out of
//! “The Walking Dead.” or “post-truth” would be an error in large type.

use super::gender::of_first_name;
use super::lexicon::Folded;
use super::names::{Tok, is_speech_verb, is_title};

/// Nouns for works that carry titles, and verbs that introduce one.
fn is_work_word(w: &str) -> bool {
    matches!(
        Folded::new(w).as_str(),
        "film"
            | "films"
            | "movie"
            | "movies"
            | "book"
            | "books"
            | "novel"
            | "memoir"
            | "show"
            | "shows"
            | "series"
            | "sitcom"
            | "song"
            | "songs"
            | "single"
            | "album"
            | "exhibition"
            | "exhibit"
            | "play"
            | "musical"
            | "opera"
            | "documentary"
            | "podcast"
            | "episode"
            | "painting"
            | "poem"
            | "titled"
            | "entitled"
            | "called"
            | "named"
    )
}

/// Words that introduce a term rather than anyone's words.
fn introduces_term(head: &[Tok]) -> bool {
    let n = head.len();
    let last = |k: usize| n >= k && head[n - k].trail.is_empty();
    let w = |k: usize| Folded::new(head[n - k].word);
    if n >= 1 && last(1) {
        let one = w(1);
        if matches!(
            one.as_str(),
            "so-called"
                | "dubbed"
                | "nicknamed"
                | "termed"
                | "coined"
                | "branded"
                | "word"
                | "term"
                | "phrase"
                | "words"
        ) {
            return true;
        }
    }
    // "known as", "referred to as"; "the concept of"
    n >= 2
        && last(1)
        && last(2)
        && matches!((w(2).as_str(), w(1).as_str()), ("known" | "to", "as") | ("concept", "of"))
}

/// A capitalised run in the shape of a title ("World War Z.", "The Walking Dead").
fn title_shaped(text: &str) -> bool {
    let body = text.trim_end_matches(['.', ',', '!', '?']);
    let words: Vec<&str> = body.split_whitespace().take(9).collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_alphabetic() || c.is_uppercase()) || is_small_word(w)
        })
}

/// A title of a work: title-shaped, with a work word just before or after it.
pub fn is_work_title(text: &str, head: &[Tok], tail: &[Tok]) -> bool {
    if !title_shaped(text) {
        return false;
    }
    let before = head.iter().rev().take(4).any(|t| is_work_word(t.word));
    let after = tail.iter().take(2).any(|t| is_work_word(t.word));
    before || after
}

/// Two to eight words each starting with a capital letter ("Meet the Press.",
/// "Makes You Want To Retch."): a show, a headline, a slogan or a nickname.
/// News prose writes what people say in sentence case, so such a run is a
/// title whether or not a work word stands near it. Left to the other rules:
/// shouting in capitals, questions and exclamations ("Marco! Marco!"), and a
/// run opening with a person ("Donald Trump.", "President Jo Roe."), which
/// are said.
pub fn title_case_run(text: &str) -> bool {
    let body = text.trim_end_matches(['.', ',']);
    let words: Vec<&str> = body.split_whitespace().take(9).collect();
    let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    (2..=8).contains(&words.len())
        && !body.contains(['?', '!'])
        && body.chars().any(char::is_lowercase)
        && !is_title(words[0])
        && of_first_name(words[0]).is_none()
        // "I’m Switzerland," is someone speaking of themselves.
        && !(words[0] == "I" || words[0].starts_with("I’") || words[0].starts_with("I'"))
        && words.iter().all(|w| capital(w) || is_small_word(w))
}

fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "for"
            | "to"
            | "at"
            | "with"
            | "by"
            | "from"
            | "into"
            | "as"
    )
}

/// Not a quote at all, whatever cue stands near it: a work's title, a term
/// introduced by "so-called", "known as", "the word".
pub fn names_something(text: &str, head: &[Tok], tail: &[Tok]) -> bool {
    let short = text.split_whitespace().nth(5).is_none();
    // "“Yes, Your Honor,” Pell said": an address after a comma, and a speech
    // verb right after, make it speech.
    let said = text.contains(", ") && tail.iter().take(3).any(|t| is_speech_verb(t.word));
    is_work_title(text, head, tail) || title_case_run(text) && !said || short && introduces_term(head)
}

/// One to three words with no speech cue and no sentence or clause of their
/// own: scare quotes ("jobs machine"). "No, not even" has a speaker's comma.
pub fn is_scare_quote(text: &str, cued: bool) -> bool {
    let words = text.split_whitespace().take(4).count();
    let sentence = text.chars().next().is_some_and(char::is_uppercase) && text.ends_with(['.', '!', '?']);
    // The comma that closes "“permit banks,” which …" is the sentence's, not the speaker's.
    !cued && words <= 3 && !sentence && !text.trim_end_matches(',').contains([',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::names::tokens;

    #[test]
    fn titles_of_works_after_or_before_a_work_word() {
        assert!(is_work_title("World War Z.", &tokens("she starred in the film"), &[]));
        assert!(is_work_title("The Walking Dead", &tokens("fans of"), &tokens("series finale")));
        assert!(is_work_title("Night Tides,", &tokens("his new book,"), &tokens("out in May")));
        // A sentence in lower case is not a title, whatever precedes it.
        assert!(!is_work_title("we will rebuild the pier", &tokens("in the film he says"), &[]));
        // Title case with nothing about a work nearby is left to the other rules.
        assert!(!is_work_title("Harbour Road", &tokens("they met on"), &[]));
    }

    #[test]
    fn title_case_runs_are_titles_unless_said() {
        assert!(names_something("Harbour Lights Tonight.", &tokens("she told"), &[]));
        assert!(names_something("Gulls Return To the Old Pier", &tokens("the headline read"), &[]));
        assert!(names_something("Down by the Quay,", &tokens("the cast singing"), &[]));
        assert!(!names_something("We will rebuild the pier.", &tokens("she said"), &[]));
        assert!(!names_something("Ahoy! Ahoy!", &[], &[]));
        assert!(!names_something("Who Pays For It?", &[], &[]));
        assert!(!names_something("WE WANT THE PIER", &[], &[]));
        assert!(!names_something("Mayor Jo Roe.", &[], &[]));
        assert!(!names_something("Maria Lopez.", &[], &[]));
        assert!(!names_something("Harbour.", &[], &[]));
        assert!(!names_something("I’m Switzerland,", &[], &[]));
        assert!(!names_something("Yes, Your Honour", &[], &tokens("Roe said.")));
    }

    #[test]
    fn terms_introduced_as_terms() {
        assert!(names_something("jobs machine", &tokens("the so-called"), &[]));
        assert!(names_something("post-truth", &tokens("what is known as"), &[]));
        assert!(names_something("resilience", &tokens("she kept using the word"), &[]));
        assert!(!names_something("a betrayal of trust", &tokens("she called it"), &[]));
    }

    #[test]
    fn scare_quotes_are_short_and_uncued() {
        assert!(is_scare_quote("uncoupling", false));
        assert!(is_scare_quote("jobs machine", false));
        assert!(is_scare_quote("tide banks,", false));
        assert!(!is_scare_quote("jobs machine", true));
        assert!(!is_scare_quote("Go home now!", false));
        assert!(!is_scare_quote("No, not even", false));
        assert!(!is_scare_quote("the tide comes in twice a day", false));
    }
}
