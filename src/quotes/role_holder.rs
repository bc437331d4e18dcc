//! "the engineer said", "the agency said": the person or body the article
//! tied to that role earlier, as "County Engineer Howard Lisle", "Howard
//! Lisle, the county engineer,", "the Welsh Rivers Agency" or, for a
//! statement, "Roe said in a statement".

use super::cues::{Who, head_cue, opening_role_after_phrase, sentence_subject};
use super::facts::Facts;
use super::gender::Gender;
use super::lexicon::{DETERMINERS, has};
use super::names::{
    Tok, capitalised, ends_sentence, is_cap, is_org_word, is_speech_verb, name_at, strip_possessive,
    tokens_into,
};
use super::registry::is_person;

/// What one earlier use of the role word says about who holds it.
enum Tie<'b> {
    Named(Vec<&'b str>),
    /// "a council engineer": someone the article does not name.
    Unnamed,
    /// "the engineer" again, or the word in some other sense.
    Unknown,
    /// "The club said in a statement": whoever holds that other role.
    Role(&'b str),
}

/// The name tied to `role` by its latest use before `at` that ties one, or
/// `None` when that use introduces someone unnamed or no use ties a name.
pub fn holder<'b>(
    blocks: &'b [String],
    facts: &Facts,
    at: (usize, usize),
    role: &str,
) -> Option<Vec<&'b str>> {
    let capital = capitalised(role);
    let forms: Vec<&str> =
        [role, capital.as_str()].into_iter().chain(short_forms(role).iter().copied()).collect();
    let mut t = Vec::new();
    for b in (0..=at.0).rev().filter(|&b| !facts.headline(b)) {
        let text = if b == at.0 { &blocks[b][..at.1.min(blocks[b].len())] } else { blocks[b].as_str() };
        if !forms.iter().any(|f| text.contains(f)) {
            continue;
        }
        tokens_into(text, &mut t);
        for i in (0..t.len()).rev().filter(|&i| forms.contains(&strip_possessive(t[i].word).0)) {
            match tie(&t, i, role) {
                Tie::Named(w) => return Some(w),
                Tie::Unnamed => return None,
                // Asked from this use back, so each step starts earlier and the chain ends.
                Tie::Role(r) if r != role && !is_document(r) => {
                    let from = t[i].word.as_ptr() as usize - blocks[b].as_ptr() as usize;
                    return holder(blocks, facts, (b, from), r);
                }
                Tie::Role(_) | Tie::Unknown => {}
            }
        }
    }
    None
}

/// "In her remarks, the judge noted … She said … ¶ “…,” she said.": the role
/// that opens the last sentences of `block` (the paragraph before a quote that
/// opens its own), when those after it are about a he or she of gender `g`.
pub fn role_before(block: &str, g: Gender) -> Option<&str> {
    let mut t = Vec::new();
    tokens_into(block, &mut t);
    let mut end = t.len();
    // Three sentences back at most: a chain of he/she runs no longer in news.
    for _ in 0..3 {
        let start = t[..end.checked_sub(1)?].iter().rposition(ends_sentence).map_or(0, |i| i + 1);
        let s = &t[start..end];
        if let Some(role) = opening_role_after_phrase(s) {
            return Some(role);
        }
        if start == 0 || sentence_subject(s) != Some(Who::Pronoun(g)) {
            return None;
        }
        end = start;
    }
    None
}

/// Titles that stand for a role before a name ("Sen. Jo Roe" is the senator).
fn short_forms(role: &str) -> &'static [&'static str] {
    match role {
        "senator" => &["Sen"],
        "governor" => &["Gov"],
        "representative" => &["Rep"],
        "detective" => &["Det"],
        "sergeant" => &["Sgt"],
        "superintendent" => &["Supt"],
        "inspector" => &["Insp"],
        "professor" => &["Prof"],
        "councillor" => &["Cllr", "Cr"],
        "lieutenant" => &["Lt"],
        "captain" => &["Capt"],
        "general" => &["Gen"],
        _ => &[],
    }
}

/// Nouns for a written statement: "the statement said" is whoever issued it.
fn is_document(w: &str) -> bool {
    matches!(w, "statement" | "release" | "email" | "letter" | "memo" | "filing" | "notice")
}

/// What the use of the role word at token `i` ties it to.
fn tie<'b>(t: &[Tok<'b>], i: usize, role: &str) -> Tie<'b> {
    if is_document(role) {
        return issuer(t, i);
    }
    // "Engineer Howard Lisle", "county engineer Howard Lisle", "the county
    // engineer, Howard Lisle".
    if matches!(t[i].trail, "" | "," | ".")
        && (t[i].trail != "." || is_cap(t[i].word))
        && t.get(i + 1).is_some_and(|n| is_cap(n.word))
        && let Some((w, _)) = name_at(t, i + 1)
        // "President Obama": after a title, a surname alone names someone.
        && (plausible(&w) || is_cap(t[i].word) && t[i].trail != ",")
    {
        return Tie::Named(w);
    }
    if let Some(w) = apposed_before(t, i).filter(|w| plausible(w)) {
        return Tie::Named(w);
    }
    // "the Welsh Rivers Agency", "the Diocese of Wexham".
    if is_cap(t[i].word)
        && let Some(w) = run_through(t, i)
    {
        return Tie::Named(w);
    }
    let det = (i.saturating_sub(4)..i).rev().find(|&j| !t[j].trail.is_empty() || is_determiner(t[j].word));
    if det.is_some_and(|j| is_indefinite(t[j].word)) { Tie::Unnamed } else { Tie::Unknown }
}

/// "a", "an", "one", "another": someone not met before.
fn is_indefinite(w: &str) -> bool {
    matches!(w, "a" | "an" | "A" | "An" | "one" | "One" | "another")
}

fn is_determiner(w: &str) -> bool {
    has(&DETERMINERS, w) || is_indefinite(w) || strip_possessive(w).1
}

/// "Howard Lisle, the county engineer": the name before a comma and the
/// determiner that opens the role phrase ending at token `i`.
fn apposed_before<'b>(t: &[Tok<'b>], i: usize) -> Option<Vec<&'b str>> {
    // Also with no article: "Deborah Langtry, chair of the commission".
    let bare = i > 0 && t[i - 1].trail.ends_with(',');
    let d = if bare { Some(i) } else { (i.saturating_sub(5)..i).rev().find(|&j| is_determiner(t[j].word)) }?;
    if t[d..i].iter().any(|k| !k.trail.is_empty()) || d == 0 || !t[d - 1].trail.ends_with(',') {
        return None;
    }
    let mut s = d - 1;
    while s > 0 && t[s - 1].trail.is_empty() && is_cap(t[s - 1].word) {
        s -= 1;
    }
    name_at(t, s).filter(|&(_, end)| end == d).map(|(w, _)| w)
}

/// The capitalised name that the capitalised role word at `i` is part of.
fn run_through<'b>(t: &[Tok<'b>], i: usize) -> Option<Vec<&'b str>> {
    let mut s = i;
    while s > 0 && t[s - 1].trail.is_empty() && (is_cap(t[s - 1].word) || t[s - 1].word == "of") {
        s -= 1;
    }
    (s..=i)
        .filter(|&k| is_cap(t[k].word))
        .find_map(|k| name_at(t, k).filter(|(w, end)| *end > i && w.len() > 1))
        .map(|(w, _)| w)
}

/// A person or a body, not a place ("a woman from New Hampshire") or a
/// capitalised word opening a sentence.
fn plausible(w: &[&str]) -> bool {
    w.len() > 1 && (is_person(w) || w.iter().any(|x| is_org_word(x)))
}

/// Who issued the statement named at token `i`: "a statement from Roe", or
/// the subject of "Roe said in a statement".
fn issuer<'b>(t: &[Tok<'b>], i: usize) -> Tie<'b> {
    if t[i].trail.is_empty() && t.get(i + 1).is_some_and(|n| matches!(n.word, "from" | "by")) {
        let k = i + 2 + usize::from(t.get(i + 2).is_some_and(|n| n.word == "the"));
        return name_at(t, k).filter(|(w, _)| plausible(w)).map_or(Tie::Unknown, |(w, _)| Tie::Named(w));
    }
    // "In a statement, the Welsh Rivers Agency said": the subject after it.
    if t[i].trail.starts_with(',') {
        let k = i + 1 + usize::from(t.get(i + 1).is_some_and(|n| matches!(n.word, "the" | "The")));
        if let Some((w, end)) = name_at(t, k)
            && plausible(&w)
            && t.get(end).is_some_and(|n| is_speech_verb(n.word))
        {
            return Tie::Named(w);
        }
        // "In a statement, the club said".
        if k > i + 1
            && t.get(k).is_some_and(|r| !is_cap(r.word))
            && t.get(k + 1).is_some_and(|n| is_speech_verb(n.word))
        {
            return Tie::Role(t[k].word);
        }
    }
    let start = (0..i).rev().find(|&j| ends_sentence(&t[j])).map_or(0, |j| j + 1);
    // "Its owner, Acme Ltd, said in a statement": the subject of the speech
    // verb that the statement goes with, else of the sentence. A lone name
    // will do as the speech verb's subject ("Crestline said in a statement").
    let cue = head_cue(&t[start..i], false);
    let spoke = matches!(&cue, Some(Who::Name(w)) if w.len() == 1);
    match cue.or_else(|| sentence_subject(&t[start..i])) {
        Some(Who::Name(w)) if spoke || plausible(&w) => Tie::Named(w),
        Some(Who::Role(r)) => Tie::Role(r),
        _ => Tie::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::blocks::blocks;

    fn held(text: &str, role: &str) -> Option<String> {
        let b = blocks(text);
        let facts = Facts::of(&b);
        let last = b.len() - 1;
        holder(&b, &facts, (last, b[last].len()), role).map(|w| w.join(" "))
    }

    #[test]
    fn a_title_before_a_name_ties_it() {
        let t = "The hearing heard from County Engineer Howard Lisle on Monday.\n\nThe engineer said";
        assert_eq!(held(t, "engineer").as_deref(), Some("Howard Lisle"));
        assert_eq!(held("Sen. Ada Quill pressed the panel.\n\nx", "senator").as_deref(), Some("Ada Quill"));
    }

    #[test]
    fn an_apposition_ties_it_either_way() {
        let t = "Howard Lisle, the county engineer, told commissioners the wells were dry.\n\nx";
        assert_eq!(held(t, "engineer").as_deref(), Some("Howard Lisle"));
        let t = "The county engineer, Howard Lisle, told commissioners the wells were dry.\n\nx";
        assert_eq!(held(t, "engineer").as_deref(), Some("Howard Lisle"));
        let t = "Greta Saunby, chair of the commission, opened the hearing.\n\nx";
        assert_eq!(held(t, "chair").as_deref(), Some("Greta Saunby"));
    }

    #[test]
    fn a_body_named_with_the_word_ties_it() {
        let t = "The Welsh Rivers Agency approved the wall in May.\n\nx";
        assert_eq!(held(t, "agency").as_deref(), Some("Welsh Rivers Agency"));
    }

    #[test]
    fn a_statement_belongs_to_who_issued_it() {
        let t = "Kestrel Dynamics said in a statement that it would close two plants.\n\nx";
        assert_eq!(held(t, "statement").as_deref(), Some("Kestrel Dynamics"));
        let t = "In a statement, the Welsh Rivers Agency said the wall would hold.\n\nx";
        assert_eq!(held(t, "statement").as_deref(), Some("Welsh Rivers Agency"));
        let t = "Its owner, Redmere Polymers Ltd, said in a statement that it would help.\n\nx";
        assert_eq!(held(t, "statement").as_deref(), Some("Redmere Polymers Ltd"));
        let t = "The figures came in a statement from Marta Ruiz late on Friday.\n\nx";
        assert_eq!(held(t, "statement").as_deref(), Some("Marta Ruiz"));
        // A lone name as the speech verb's subject, and a role that the
        // article tied to a name before.
        let t = "Crestline said in a statement that it was disappointed.\n\nx";
        assert_eq!(held(t, "statement").as_deref(), Some("Crestline"));
        let club = "He opened the Eastfield Boxing Club in 1977.\n\n";
        let t = format!("{club}The club said in a statement that it would close.\n\nx");
        assert_eq!(held(&t, "statement").as_deref(), Some("Eastfield Boxing Club"));
        let t = format!("{club}In a statement, the club said it would close.\n\nx");
        assert_eq!(held(&t, "statement").as_deref(), Some("Eastfield Boxing Club"));
        let t = "In a statement, the club said it would close.\n\nx";
        assert_eq!(held(t, "statement"), None);
    }

    #[test]
    fn an_unnamed_holder_or_no_tie_gives_none() {
        let t =
            "County Engineer Howard Lisle spoke first. Then an engineer from the state office stood up.\n\nx";
        assert_eq!(held(t, "engineer"), None);
        assert_eq!(held("The engineer was late.\n\nx", "engineer"), None);
    }
}
