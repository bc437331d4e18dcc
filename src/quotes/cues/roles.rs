//! Role phrases before a name ("market manager Jo Roe", "Former mayor Jo Roe") and
//! "according to X": the attribution shapes that wrap a name in other words.

use super::super::lexicon::{AUX, DETERMINERS, has};
use super::super::names::{Tok, is_cap, is_lower_title, name_at};
use super::super::registry::is_person;
use super::{Who, is_of_phrase, is_title, lower, pronoun_kind};

/// "according to X" starting within the first `reach` words.
pub fn according_to<'a>(t: &[Tok<'a>], reach: usize) -> Option<Who<'a>> {
    for i in 0..t.len().min(reach) {
        let l = lower(t[i].word);
        let l = l.as_str();
        let np = if l == "according" && t.get(i + 1).is_some_and(|n| lower(n.word).as_str() == "to") {
            i + 2
        } else if l == "selon" || l == "d'après" {
            i + 1
        } else {
            continue;
        };
        let first = t.get(np)?;
        if let Some(p) = pronoun_kind(first.word) {
            return Some(p);
        }
        let skip = matches!(lower(first.word).as_str(), "the" | "a" | "an" | "le" | "la" | "l");
        return Some(match name_at(t, np + usize::from(skip)) {
            // "according to the Ravens coach": the team names whose coach, not who.
            Some((_, end)) if skip && t.get(end).is_some_and(|n| is_lower_title(n.word)) => Who::Nobody,
            Some((w, end)) => Who::Name(holder_after(t, end).unwrap_or(w)),
            None => Who::Nobody,
        });
    }
    None
}

/// A lower-case word that can be part of a role ("board chair", "co-owner"), not a
/// preposition or adverb leading to a place or time.
pub fn is_role_word(k: &Tok) -> bool {
    k.trail.is_empty()
        && k.lead.is_empty()
        && k.word.chars().all(|c| c.is_lowercase() || c == '-')
        && !is_of_phrase(k.word)
        && !has(&AUX, k.word)
        && !has(&DETERMINERS, k.word)
        && !matches!(
            k.word,
            "on" | "during"
                | "after"
                | "before"
                | "that"
                | "when"
                | "as"
                | "and"
                | "but"
                | "while"
                | "about"
                | "since"
                | "last"
                | "this"
                | "outside"
                | "inside"
                | "near"
                | "into"
                | "over"
                | "under"
                | "through"
                | "than"
                | "told"
                | "who"
                | "whose"
        )
}

/// A word of a role phrase that may be capitalised: "Republican strategist",
/// "Public Advocate" before the name of the person holding it.
pub fn is_role_part(k: &Tok) -> bool {
    is_role_word(k) || k.trail.is_empty() && k.lead.is_empty() && is_title(k.word)
}

/// "Former mayor Jo Roe", "club treasurer Jo Roe": the person after a role that opens a clause.
pub fn after_role<'a>(t: &[Tok<'a>], k: usize) -> Option<(Vec<&'a str>, usize)> {
    let lead = usize::from(t.get(k).is_some_and(|x| is_title(x.word) && x.trail.is_empty()));
    let roles = t[(k + lead).min(t.len())..].iter().take(3).take_while(|x| is_role_word(x)).count();
    if roles == 0 {
        return None;
    }
    name_at(t, k + lead + roles).filter(|(w, _)| is_person(w))
}

/// "said Acme campaign manager Jo Roe": the person holding a role of the
/// name that ends before token `end`, who speaks rather than the name.
pub fn holder_after<'a>(t: &[Tok<'a>], end: usize) -> Option<Vec<&'a str>> {
    if end == 0 || !t[end - 1].trail.is_empty() {
        return None;
    }
    let mut roles = t[end..].iter().take(4).take_while(|x| is_role_part(x)).count();
    // "said Acme's campaign manager, Jo Roe": the role closed by a comma,
    // read as a word of the role without it.
    let bare = |x: &Tok<'a>| Tok { trail: "", ..*x };
    if t.get(end + roles).is_some_and(|x| x.trail == "," && is_role_part(&bare(x))) {
        roles += 1;
    }
    if !t[end..end + roles].iter().any(|x| is_role_word(&bare(x))) {
        return None;
    }
    name_at(t, end + roles).map(|(w, _)| w).filter(|w| is_person(w))
}

/// "market manager Jo Roe said", "former Ohio governor Jo Roe (R) said": a
/// few words naming a role, lower-case or a place or party before a role word,
/// then the name that carries the verb at `v`.
pub fn role_then_name(t: &[Tok], v: usize) -> bool {
    let e = before_party(t, v);
    (1..e.min(7)).any(|s| {
        is_cap(t[s].word)
            && is_role_part(&t[s - 1])
            && t[..s].iter().all(|k| is_role_part(k) || is_cap(k.word) && k.trail.is_empty())
            && name_at(t, s).is_some_and(|(_, end)| end == e)
    })
}

/// "D", "R-Ohio", "I-Vt": a party, with the state it is from.
pub fn is_party(w: &str) -> bool {
    let mut parts = w.split('-');
    parts.next().is_some_and(|p| matches!(p, "D" | "R" | "I")) && parts.all(is_cap)
}

/// "(D)", "(R-Ohio)": a party in brackets after a name.
fn is_party_tag(k: &Tok) -> bool {
    is_party(k.word) && k.lead == "(" && k.trail.starts_with([')', '.'])
}

/// Token `v`, or the party tag just before it: where the name before a verb ends.
pub fn before_party(t: &[Tok], v: usize) -> usize {
    if v > 1 && is_party_tag(&t[v - 1]) { v - 1 } else { v }
}
