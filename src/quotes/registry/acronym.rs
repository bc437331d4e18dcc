//! "the Transport and Allied Workers' Union (TAWU)": an acronym defined in
//! brackets after the name it stands for. Its initials need not spell the
//! name's first run of capitals alone, as the name scan reads it ("Transport"
//! and "Allied Workers' Union" are two runs to it), so the definition is
//! read where it is made.

use crate::quotes::names::{Tok, is_cap};

/// Every acronym defined in `t`, with the words it stands for.
pub fn defined_in(t: &[Tok]) -> Vec<(String, Vec<String>)> {
    let owned =
        |(a, words): (&str, Vec<&str>)| (a.to_string(), words.iter().map(|w| w.to_string()).collect());
    (0..t.len()).filter(|&k| t[k].lead.ends_with('(')).filter_map(|k| defined_at(t, k)).map(owned).collect()
}

/// The acronym in brackets at token `k` and the words before it that it
/// stands for: capitalised words, with small words between them, whose
/// initials spell its capitals ("Department for Transport (DfT)").
fn defined_at<'a>(t: &[Tok<'a>], k: usize) -> Option<(&'a str, Vec<&'a str>)> {
    let acronym = t[k].word;
    if !t[k].lead.ends_with('(')
        || !t[k].trail.starts_with(')')
        || !acronym.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let capitals: Vec<u8> = acronym.bytes().filter(u8::is_ascii_uppercase).collect();
    if !(2..=6).contains(&capitals.len()) || !acronym.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut need = capitals.len();
    let mut j = k;
    while need > 0 {
        j = j.checked_sub(1)?;
        let p = &t[j];
        // The words run on to the bracket: no comma or full stop between
        // them, though a plural's apostrophe may end one ("Workers'").
        if !matches!(p.trail, "" | "'" | "\u{2019}") || (j + 1 < k && !t[j + 1].lead.is_empty()) {
            return None;
        }
        if is_cap(p.word) {
            if p.word.bytes().next() != Some(capitals[need - 1]) {
                return None;
            }
            need -= 1;
        } else if !matches!(p.word, "and" | "of" | "for" | "the" | "on" | "in" | "de" | "des" | "du") {
            return None;
        }
    }
    Some((acronym, t[j..k].iter().map(|t| t.word).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::names::tokens;

    fn defined(s: &str) -> Option<(String, String)> {
        let t = tokens(s);
        (0..t.len()).find_map(|k| defined_at(&t, k)).map(|(a, w)| (a.to_string(), w.join(" ")))
    }

    #[test]
    fn an_acronym_in_brackets_stands_for_the_words_whose_initials_it_spells() {
        let d = |a: &str, w: &str| Some((a.to_string(), w.to_string()));
        assert_eq!(
            defined("Members of the Transport and Allied Workers' Union (TAWU) walked out"),
            d("TAWU", "Transport and Allied Workers Union")
        );
        assert_eq!(
            defined("a grant from the Department for Transport (DfT) last year"),
            d("DfT", "Department for Transport")
        );
        assert_eq!(defined("said the Halden Arts Council (HAC)."), d("HAC", "Halden Arts Council"));
        // Initials that do not spell it, a comma between, or no brackets: no definition.
        assert_eq!(defined("the Halden Arts Council (HRC) said"), None);
        assert_eq!(defined("Roe, Arts Council (RAC) said"), None);
        assert_eq!(defined("the Halden Arts Council HAC said"), None);
        assert_eq!(defined("he said (OK) twice"), None);
    }
}
