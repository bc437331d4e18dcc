//! Appositions between a subject and its verb: "Jo Roe, 45, a nurse in
//! Dayton, Ohio, who drove all night, said".

use super::super::lexicon::{DETERMINERS, has};
use super::super::names::{Tok, is_cap, is_state, name_at};
use super::roles::is_party;
use super::{Who, pronoun_kind};

/// Where the subject ends when the words before token `e` close an apposition
/// ("Jane Roe, a spokeswoman,"): `Err` with the name when it stands right
/// after the opening comma, else the end to read back from.
pub fn past_apposition<'a>(t: &[Tok<'a>], lo: usize, e: usize) -> Result<usize, Who<'a>> {
    if !t[e - 1].trail.contains(',') {
        return Ok(e);
    }
    let close = e - 1;
    let mut commas = (lo..close).rev().filter(|&k| t[k].trail.contains(','));
    let Some(mut o) = commas.next() else {
        return Ok(close + 1);
    };
    // "Jo Roe of Durham, N.C., said": the state or region belongs to the
    // place, and the subject is read further back.
    let region = o + 1 == close && is_state(t[close].word) && is_cap(t[o].word) || is_region(t, lo, o, close);
    if o + 1 == close && is_party(t[close].word) {
        // "Sen. Jo Roe, R-Wis., said": the party closes the name itself.
        return Ok(o + 1);
    }
    if region {
        return past_apposition(t, lo, o + 1);
    }
    // "Jo Roe, 30, of Leeds, who voted early, said", "Ana Roe, whose husband,
    // Vik, 47, was killed, said": a relative clause, with commas of its own or
    // none; the subject stands before it.
    if let Some(k) =
        (lo + 1..=o).rev().find(|&k| t[k].trail.contains(',') && matches!(t[k + 1].word, "who" | "whose"))
    {
        return past_apposition(t, lo, k + 1);
    }
    let n = o + 1 + usize::from(o + 1 < close && matches!(t[o + 1].word, "The" | "the"));
    if let Some((w, end)) = name_at(t, n)
        && end == close + 1
        && pronoun_kind(t[n].word).is_none()
    {
        // "Jo Roe, who lives outside the capital, Leeds, said": the name before
        // the relative clause is the subject, not the place inside it; so is the
        // name before "the editor of the paper, the Gazette, said".
        let relative = (lo..o).rev().find(|&k| {
            t[k].trail.contains(',')
                && is_cap(t[k].word)
                // "Intervening, the minister, Jo Roe, asked": an opening
                // participle or adverb is no name before the apposition.
                && !(k == lo && super::clause::is_opener(t[k].word))
                && (matches!(t[k + 1].word, "who" | "whose") || !is_cap(t[o].word) && k + 1 < o)
        });
        return match relative {
            Some(k) => Ok(k + 1),
            None => Err(Who::Name(w)),
        };
    }
    // "Roe, a professor of ports, planning and transport, said": a list inside
    // the apposition; read back to the comma that follows a capitalised word.
    // An age ("Jo Roe, 45, a nurse, said") is one more piece of the apposition.
    while is_list_item(t, o) || is_age(t[o].word) {
        match commas.next() {
            Some(k) => o = k,
            None => break,
        }
    }
    Ok(o + 1)
}

/// "in Dayton, Ohio," "of Lyon, France,": the words from `o + 1` to `close`
/// name the region of the place that a preposition brings in before the comma
/// at `o`, not the subject.
fn is_region(t: &[Tok], lo: usize, o: usize, close: usize) -> bool {
    let region = close - o <= 2 && t[o + 1..=close].iter().all(|k| is_cap(k.word) && k.lead.is_empty());
    let mut p = o;
    while p > lo && is_cap(t[p].word) && (p == o || t[p].trail.is_empty()) {
        p -= 1;
    }
    region && p < o && matches!(t[p].word, "in" | "of" | "from" | "near" | "outside") && t[p].trail.is_empty()
}

fn is_age(w: &str) -> bool {
    !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the words after the comma at token `o` continue a list in lower case
/// rather than open the apposition after a subject.
fn is_list_item(t: &[Tok], o: usize) -> bool {
    let next = t[o + 1].word;
    !is_cap(t[o].word) && !is_cap(next) && !has(&DETERMINERS, next) && pronoun_kind(next).is_none()
}
