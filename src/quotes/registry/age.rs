//! Namesakes told apart by age: "the elder Mr. Roe", "the younger Roe". The
//! article says who is older by kin ("his son, Nikos Roe", "her father, Jan
//! Roe") or by ages ("Kostas Roe, 68,"); without that, nobody is named.

use super::super::gender::Gender;
use super::super::names::Tok;
use super::{Mention, Registry};

/// A rank of age the words around a name give: a child by kin is youngest,
/// a parent by kin eldest, and a stated age sits between.
pub(super) fn age_rank(t: &[Tok], (i, end): (usize, usize)) -> Option<u16> {
    let by_kin = |w: &str| match w.trim_end_matches(',') {
        "son" | "daughter" | "grandson" | "granddaughter" | "nephew" | "niece" | "stepson"
        | "stepdaughter" => Some(0),
        "father" | "mother" | "grandfather" | "grandmother" | "uncle" | "aunt" | "stepfather"
        | "stepmother" | "dad" | "mum" | "mom" => Some(1000),
        // "The boy, Theo Roe,": a child, whatever the age.
        "boy" | "girl" | "toddler" | "baby" => Some(5),
        _ => None,
    };
    if let Some(r) = i.checked_sub(1).and_then(|k| by_kin(t[k].word)) {
        return Some(r);
    }
    if t[end - 1].trail != "," {
        return None;
    }
    let next = t.get(end)?;
    if next.trail.starts_with(',') && super::is_age(next.word) {
        return next.word.parse().ok();
    }
    // "Jan Roe, his father," / "Nikos Roe, her son,".
    super::kin_word_after(t, end).and_then(by_kin)
}

/// "the elder Roe" (true), "the younger Mr. Roe" (false): the word before a
/// name (and its titles) that tells it from its namesakes by age.
pub fn elder_or_younger(w: &str) -> Option<bool> {
    match w {
        "elder" | "older" => Some(true),
        "younger" => Some(false),
        _ => None,
    }
}

impl Registry {
    /// Of the bearers of `words` before `at` (of `gender`, when known), the
    /// eldest or the youngest by what the article says of their ages; `None`
    /// unless it tells at least two of them apart.
    pub fn by_age(
        &self,
        words: &[&str],
        at: (usize, usize),
        elder: bool,
        gender: Option<Gender>,
    ) -> Option<Vec<String>> {
        let holders = self.holders_of(words);
        let mut ranked: Vec<(u16, &Mention)> = Vec::new();
        for m in holders.ids.iter().map(|&i| self.get(i)).filter(|m| m.at < at && m.words.len() > 1) {
            let Some(rank) = self.rank_of(m) else { continue };
            if gender.is_some_and(|want| m.holder_gender().is_some_and(|g| g != want)) {
                continue;
            }
            if !ranked.iter().any(|(_, r)| r.words[0] == m.words[0]) {
                ranked.push((rank, m));
            }
        }
        if ranked.len() < 2 {
            return None;
        }
        let pick = if elder { ranked.iter().max_by_key(|r| r.0) } else { ranked.iter().min_by_key(|r| r.0) }?;
        Some(self.longest_form(&pick.1.words))
    }

    /// The rank any mention of this first name and surname was given.
    fn rank_of(&self, m: &Mention) -> Option<u16> {
        let last = m.words.last()?;
        self.ending_in(last).filter(|x| x.words.first() == m.words.first()).find_map(|x| x.age_rank)
    }

    /// The fullest name a narrative mention stands for; for "the elder Roe",
    /// the namesake of that age, or `None`.
    pub fn fullest_of_mention(&self, m: &Mention, at: (usize, usize)) -> Option<Vec<String>> {
        let words: Vec<&str> = m.words.iter().map(String::as_str).collect();
        match m.told_apart {
            Some(elder) => self.by_age(&words, at, elder, m.title_gender()),
            None => Some(self.fullest_titled(&words, at, m.title_gender(), m.title.as_deref())),
        }
    }
}
