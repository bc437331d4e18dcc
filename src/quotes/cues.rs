//! Attribution cues around a quote: speech verbs, their subjects, `according to`, `X:`.

use super::names::{Tok, is_cap, is_stop, is_title, name_at};

/// Who the words around a quote point at, before resolving names against the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who<'a> {
    Name(Vec<&'a str>),
    /// he, she, il, elle: someone named earlier.
    Pronoun,
    /// a spokesman, officials, they: somebody the article does not name.
    Nobody,
    /// A cue with no subject of its own ("Adding:"): the previous speaker goes on.
    Same,
    /// A participle or second verb ("…, saying", "but insists"): the sentence's subject speaks.
    Clause,
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Verbs that report speech or writing, English and French, finite and participle.
pub fn is_speech_verb(w: &str) -> bool {
    let l = lower(w);
    let base = l.split('-').next().unwrap_or("");
    super::lexicon::SPEECH_VERB.contains(&base)
}

/// Verbs that frame a partial quote as someone's words: he called it “a betrayal”.
fn is_framing_verb(w: &str) -> bool {
    super::lexicon::FRAMING_VERB.contains(&lower(w).as_str())
}

fn is_aux(w: &str) -> bool {
    super::lexicon::AUX.contains(&lower(w).as_str())
}

fn pronoun_kind(w: &str) -> Option<Who<'static>> {
    match lower(w).as_str() {
        "he" | "she" | "il" | "elle" => Some(Who::Pronoun),
        "they" | "it" | "ils" | "elles" | "we" | "i" | "you" | "on" | "one" | "nous" | "je" => {
            Some(Who::Nobody)
        }
        _ => None,
    }
}

/// Plural or generic nouns that open a sentence as a subject but name nobody.
fn is_generic(w: &str) -> bool {
    super::lexicon::GENERIC.contains(&lower(w).as_str())
}

/// The subject of a speech verb at `v`, read backwards through auxiliaries
/// and one comma-enclosed apposition ("Jane Roe, a spokeswoman, said").
fn subject_before<'a>(t: &[Tok<'a>], v: usize, lo: usize) -> Option<Who<'a>> {
    let mut e = v;
    while e > lo && is_aux(t[e - 1].word) && t[e - 1].trail.is_empty() {
        e -= 1;
    }
    if e == lo {
        return None;
    }
    if t[e - 1].trail.contains(',') {
        // Close of an apposition: find where it opens.
        let close = e - 1;
        let open = (lo..close).rev().find(|&k| t[k].trail.contains(','));
        if let Some(o) = open {
            if let Some((w, end)) = name_at(t, o + 1)
                && end == close + 1
                && pronoun_kind(t[o + 1].word).is_none()
            {
                return Some(Who::Name(w));
            }
            e = o + 1;
        } else {
            e = close + 1;
        }
    }
    let last = &t[e - 1];
    if let Some(p) = pronoun_kind(last.word) {
        return Some(p);
    }
    if is_participle(t[v].word)
        || matches!(lower(last.word).as_str(), "and" | "but" | "et" | "mais")
    {
        return Some(Who::Clause);
    }
    if !is_cap(last.word) || is_generic(last.word) || is_stop(last.word) {
        return Some(Who::Nobody);
    }
    let mut s = e - 1;
    while s > lo {
        let p = &t[s - 1];
        let joins = p.trail.is_empty() || p.trail == "." && p.word.chars().count() == 1;
        if !joins || !(is_cap(p.word) || super::lexicon::NAME_PARTICLES.contains(&p.word)) {
            break;
        }
        s -= 1;
    }
    while s < e && (is_stop(t[s].word) || is_title(t[s].word) || !is_cap(t[s].word)) {
        s += 1;
    }
    match name_at(t, s) {
        Some((w, _)) if s < e => Some(Who::Name(w)),
        _ => Some(Who::Nobody),
    }
}

fn is_participle(w: &str) -> bool {
    w.ends_with("ing")
}

/// The subject opening the sentence a participle hangs from: "Roe left, saying …".
pub fn sentence_subject<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    let k = usize::from(t.len() > 1 && matches!(t[0].word, "But" | "And" | "Yet" | "So" | "Then"));
    let first = t.get(k)?;
    if let Some(p) = pronoun_kind(first.word) {
        return Some(p);
    }
    let (w, end) = name_at(t, k)?;
    let next = t.get(end)?;
    (!is_cap(next.word) && t[end - 1].trail.is_empty() || t[end - 1].trail == ",")
        .then_some(Who::Name(w))
}

/// The speaker named after an inverted verb: said Jane Roe / said the Ministry / dit-il.
fn subject_after<'a>(t: &[Tok<'a>], v: usize) -> Who<'a> {
    let vw = lower(t[v].word);
    if vw.ends_with("-il") || vw.ends_with("-elle") {
        return Who::Pronoun;
    }
    let Some(first) = t.get(v + 1) else {
        return Who::Same;
    };
    if let Some(p) = pronoun_kind(first.word) {
        return p;
    }
    let mut i = v + 1;
    let det = matches!(
        lower(first.word).as_str(),
        "the" | "le" | "la" | "l" | "les"
    );
    if det {
        i += 1;
    }
    if let Some((w, _)) = name_at(t, i) {
        return Who::Name(w);
    }
    // "said the firm's chief, Jane Roe": a bare name after the description.
    let comma = (v + 1..t.len().min(v + 12)).find(|&k| t[k].trail.contains(','));
    if let Some(c) = comma
        && let Some((w, _)) = name_at(t, c + 1)
        && pronoun_kind(t[c + 1].word).is_none()
        && !is_generic(t[c + 1].word)
    {
        return Who::Name(w);
    }
    if matches!(
        lower(first.word).as_str(),
        "on" | "in" | "at" | "to" | "during" | "mardi" | "lundi"
    ) {
        return Who::Same;
    }
    Who::Nobody
}

fn according_to<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    for i in 0..t.len() {
        let l = lower(t[i].word);
        let np = if l == "according" && t.get(i + 1).is_some_and(|n| lower(n.word) == "to") {
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
        let skip = matches!(lower(first.word).as_str(), "the" | "le" | "la" | "l");
        return Some(match name_at(t, np + usize::from(skip)) {
            Some((w, _)) => Who::Name(w),
            None => Who::Nobody,
        });
    }
    None
}

/// An attribution closing the sentence the quote sits in:
/// `“…” except in the west, Roe said.` or `…, said Jane Roe, an economist.`
pub fn closing_cue<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    for v in 1..t.len() {
        if !is_speech_verb(t[v].word) {
            continue;
        }
        if t[v - 1].trail.contains(',') {
            let w = subject_after(t, v);
            if matches!(w, Who::Name(_) | Who::Pronoun) {
                return Some(w);
            }
            continue;
        }
        let s = (0..v)
            .rev()
            .find(|&k| t[k].trail.contains([',', ';', '\u{2014}']))
            .map_or(0, |k| k + 1);
        let rest = t.len() - v - 1;
        if s > 0
            && v - s <= 4
            && rest <= 6
            && (is_cap(t[s].word) || pronoun_kind(t[s].word).is_some())
        {
            let w = subject_before(t, v, s)?;
            if matches!(w, Who::Name(_) | Who::Pronoun) {
                return Some(w);
            }
        }
    }
    None
}

/// Cue in the words after the closing mark, up to the sentence's end.
pub fn tail_cue<'a>(t: &[Tok<'a>], new_sentence: bool) -> Option<Who<'a>> {
    let first = t.first()?;
    if is_speech_verb(first.word) && !new_sentence {
        if is_participle(first.word) {
            return Some(Who::Clause);
        }
        return Some(subject_after(t, 0));
    }
    if matches!(lower(first.word).as_str(), "a" | "ont")
        && t.get(1).is_some_and(|n| is_speech_verb(n.word))
    {
        return Some(subject_after(t, 1));
    }
    if !new_sentence && let Some(w) = according_to(&t[..t.len().min(6)]) {
        return Some(w);
    }
    let subjectish = is_cap(first.word)
        || is_generic(first.word)
        || pronoun_kind(first.word).is_some()
        || super::lexicon::DETERMINERS.contains(&lower(first.word).as_str());
    if !subjectish || first.lead.contains(['(', '[']) {
        return None;
    }
    let window = if new_sentence { 4 } else { 30 };
    let v = (0..t.len().min(window)).find(|&k| is_speech_verb(t[k].word))?;
    if (0..v).any(|k| {
        matches!(
            lower(t[k].word).as_str(),
            "that" | "and" | "but" | "which" | "when" | "if" | "because" | "while"
        )
    }) {
        return None;
    }
    subject_before(t, v, 0)
}

/// Cue in the words before the opening mark, back to the sentence's start.
/// A full-sentence quote must follow its verb closely ("Roe said on Monday:");
/// a partial quote may sit anywhere in the verb's clause.
pub fn head_cue<'a>(t: &[Tok<'a>], partial: bool) -> Option<Who<'a>> {
    if t.is_empty() {
        return None;
    }
    let reach = if partial { t.len() } else { 7 };
    let lo = t.len().saturating_sub(reach);
    if let Some(v) = (lo..t.len())
        .rev()
        .find(|&k| is_speech_verb(t[k].word) || partial && is_framing_verb(t[k].word))
    {
        // A speech verb after the subject: "Roe said:", "Roe told reporters that".
        if let Some(w) = subject_before(t, v, 0) {
            return Some(w);
        }
        if is_participle(t[v].word) {
            return Some(Who::Clause);
        }
        return Some(subject_after(t, v));
    }
    if let Some(w) = according_to(t) {
        return Some(w);
    }
    let last = t.last()?;
    if last.trail.ends_with(':') {
        // "Jane Roe: “…”" in interviews and live coverage.
        let s = (0..t.len())
            .rev()
            .take_while(|&k| k + 1 == t.len() || t[k].trail.is_empty())
            .last()?;
        if let Some((w, end)) = name_at(t, s)
            && end == t.len()
        {
            return Some(Who::Name(w));
        }
        // "Roe echoed the point:" introduces her own words; the clause's subject speaks.
        let k =
            usize::from(t.len() > 1 && matches!(t[0].word, "But" | "And" | "Yet" | "So" | "Then"));
        if let Some(p) = pronoun_kind(t[k].word) {
            return Some(p);
        }
        if let Some((w, end)) = name_at(t, k)
            && end < t.len()
            && !is_cap(t[end].word)
            && t[end - 1].trail.is_empty()
        {
            return Some(Who::Name(w));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::names::tokens;
    use super::*;

    fn tail(s: &str) -> Option<Who<'_>> {
        let t = tokens(s);
        tail_cue(&t, false).map(|w| match w {
            Who::Name(v) => Who::Name(v.to_vec()),
            o => o,
        })
    }

    fn head(s: &str) -> Option<String> {
        let t = tokens(s);
        head_cue(&t, true).map(|w| format!("{w:?}"))
    }

    #[test]
    fn tail_patterns() {
        assert_eq!(
            tail("said Ada Quill, a baker."),
            Some(Who::Name(vec!["Ada", "Quill"]))
        );
        assert_eq!(
            tail("Quill said on Friday."),
            Some(Who::Name(vec!["Quill"]))
        );
        assert_eq!(
            tail("Ada Quill, head baker at Crumb Ltd, said."),
            Some(Who::Name(vec!["Ada", "Quill"]))
        );
        assert_eq!(
            tail("the bakery's owner, Ada Quill, said."),
            Some(Who::Name(vec!["Ada", "Quill"]))
        );
        assert_eq!(tail("she told reporters."), Some(Who::Pronoun));
        assert_eq!(tail("a spokesman said."), Some(Who::Nobody));
        assert_eq!(tail("officials said."), Some(Who::Nobody));
        assert_eq!(
            tail("the Tea Ministry said."),
            Some(Who::Name(vec!["Tea", "Ministry"]))
        );
        assert_eq!(
            tail("according to Ada Quill."),
            Some(Who::Name(vec!["Ada", "Quill"]))
        );
        assert_eq!(
            tail("a déclaré Jules Forge."),
            Some(Who::Name(vec!["Jules", "Forge"]))
        );
        assert_eq!(tail("explique-t-il."), Some(Who::Pronoun));
        assert_eq!(tail("and the crowd cheered."), None);
        let t = tokens("except in the west, Quill said.");
        assert_eq!(closing_cue(&t), Some(Who::Name(vec!["Quill"])));
        let t = tokens("in the west, said Ada Quill, a baker in Dunmore.");
        assert_eq!(closing_cue(&t), Some(Who::Name(vec!["Ada", "Quill"])));
    }

    #[test]
    fn head_patterns() {
        assert_eq!(
            head("Ada Quill said:"),
            Some("Name([\"Ada\", \"Quill\"])".into())
        );
        assert_eq!(
            head("In a note, the Tea Ministry wrote:"),
            Some("Name([\"Tea\", \"Ministry\"])".into())
        );
        assert_eq!(
            head("Quill called the plan"),
            Some("Name([\"Quill\"])".into())
        );
        assert_eq!(
            head("Ada Quill:"),
            Some("Name([\"Ada\", \"Quill\"])".into())
        );
        assert_eq!(
            head("Selon Jules Forge,"),
            Some("Name([\"Jules\", \"Forge\"])".into())
        );
        assert_eq!(head("Adding:"), Some("Clause".into()));
        assert_eq!(head("The menu lists a"), None);
        assert_eq!(
            head("Ada Quill echoed the point:"),
            Some("Name([\"Ada\", \"Quill\"])".into())
        );
        assert_eq!(head("But she chose her words:"), Some("Pronoun".into()));
    }
}
