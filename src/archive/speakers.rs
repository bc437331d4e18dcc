//! Who is quoted across the archive: one entry per person, however the
//! articles spell them.
//!
//! Names are compared without honorifics and roles ("Dr.", "Sen.", "Prime
//! Minister"), case, punctuation or Latin accents, and an umlaut also matches
//! its spelled-out form (Müller = Mueller = Muller). Nothing looser: a bare
//! surname never joins a full name, and "George Bush" never joins "George W.
//! Bush", since putting one person's words under another's name is far worse
//! than listing a person twice. Each entry shows its fullest spelling. A
//! first name alone ("his daughter, Susan") is no entry: it would gather
//! every Susan of the archive.

use rustc_hash::FxHashMap;

use super::Speaker;
use crate::body::Rendered;
use crate::slug::slugify;

/// Everyone quoted, by slug, with their quotes newest article first.
pub fn speakers(order: &[usize], rendered: &[Rendered]) -> Vec<Speaker> {
    // Each distinct spelling, in the order first met, and its quotes.
    let mut spelled: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: Vec<(&str, Vec<(usize, usize)>)> = Vec::new();
    for &i in order {
        for (qi, q) in rendered[i].quotes.iter().enumerate() {
            let Some(name) = q.speaker.as_deref().filter(|n| !crate::quotes::is_bare_first_name(n)) else {
                continue;
            };
            let k = *spelled.entry(name).or_insert_with(|| {
                names.push((name, Vec::new()));
                names.len() - 1
            });
            names[k].1.push((i, qi));
        }
    }
    let people = group(&names.iter().map(|(n, _)| *n).collect::<Vec<_>>());
    let mut by_slug: FxHashMap<String, usize> = FxHashMap::default();
    let mut out: Vec<Speaker> = Vec::new();
    for spellings in people {
        let name = fullest(spellings.iter().map(|&k| names[k].0));
        let slug = slugify(&name);
        if slug.is_empty() {
            continue;
        }
        let mut quotes: Vec<(usize, usize)> =
            spellings.iter().flat_map(|&k| names[k].1.iter().copied()).collect();
        let at = *by_slug.entry(slug.clone()).or_insert_with(|| {
            out.push(Speaker { name, slug, quotes: Vec::new() });
            out.len() - 1
        });
        out[at].quotes.append(&mut quotes);
    }
    let rank: FxHashMap<usize, usize> = order.iter().enumerate().map(|(r, &i)| (i, r)).collect();
    for s in &mut out {
        // Newest article first, and in reading order within one.
        s.quotes.sort_by_key(|&(i, qi)| (rank[&i], qi));
    }
    out.sort_unstable_by(|a, b| a.slug.cmp(&b.slug));
    out
}

/// The spellings of `names` that are one person, as lists of indices.
fn group(names: &[&str]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..names.len()).collect();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (k, name) in names.iter().enumerate() {
        for key in keys(name) {
            match by_key.get(&key) {
                Some(&other) => union(&mut parent, k, other),
                None => drop(by_key.insert(key, k)),
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut roots = Vec::new();
    for k in 0..names.len() {
        let r = find(&mut parent, k);
        groups.entry(r).or_insert_with(|| {
            roots.push(r);
            Vec::new()
        });
        groups.get_mut(&r).expect("inserted").push(k);
    }
    roots.into_iter().map(|r| groups.remove(&r).unwrap_or_default()).collect()
}

fn find(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The earlier spelling stays the root, so groups come out in order met.
    parent[ra.max(rb)] = ra.min(rb);
}

/// The fullest of one person's spellings: most words once titles are
/// gone, then the one that keeps its accents, then the first met.
fn fullest<'a>(spellings: impl Iterator<Item = &'a str>) -> String {
    let mut best: Option<(usize, usize, Vec<&str>)> = None;
    for s in spellings {
        let words = strip_titles(s);
        let score = (words.len(), words.iter().map(|w| w.chars().filter(|c| !c.is_ascii()).count()).sum());
        if best.as_ref().is_none_or(|b| score > (b.0, b.1)) {
            best = Some((score.0, score.1, words));
        }
    }
    best.map(|b| b.2.join(" ")).unwrap_or_default()
}

/// The comparison forms of a name: accents dropped; with an umlaut, also
/// spelled out (ü as ue), which is how German names are written without one.
pub fn keys(name: &str) -> Vec<String> {
    let words = strip_titles(name);
    let plain = key(&words, false);
    let mut out = vec![plain];
    if name.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
        out.push(key(&words, true));
    }
    out
}

fn key(words: &[&str], spell_umlauts: bool) -> String {
    let mut out = String::new();
    for w in words {
        let mut folded = String::with_capacity(w.len());
        for c in w.chars() {
            match c {
                'ä' | 'Ä' | 'ö' | 'Ö' | 'ü' | 'Ü' if spell_umlauts => {
                    folded.push_str(deunicode::deunicode_char(c).unwrap_or(""));
                    folded.push('e');
                }
                // Only Latin letters are folded: transliterating other
                // scripts would make different names sound alike.
                c if is_accented_latin(c) => folded.push_str(deunicode::deunicode_char(c).unwrap_or("")),
                // Jean-Luc and Jean Luc are one name; O'Brien and OBrien too.
                '-' | '\u{2010}' | '\u{2013}' => folded.push(' '),
                c if c.is_alphanumeric() => folded.push(c),
                _ => {}
            }
        }
        for part in folded.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&part.to_lowercase());
        }
    }
    out
}

fn is_accented_latin(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c != '\u{d7}' && c != '\u{f7}'
}

/// Honorifics and roles that may stand before a name: "Dr.", "Sen.",
/// "President". Words that are also names or firms ("General", "Major",
/// "Prince") are left alone.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "pres",
    "president",
    "sir",
    "dame",
    "rev",
    "reverend",
    "hon",
    "mayor",
    "judge",
    "justice",
    "chancellor",
    "minister",
    "secretary",
    "ambassador",
    "commissioner",
    "councillor",
    "councilman",
    "councilwoman",
    "sheriff",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "adm",
    "cmdr",
    "insp",
    "det",
];

/// Words that make a role of the title after them: "Prime Minister", "Vice President".
const ROLE_PREFIXES: &[&str] =
    &["prime", "vice", "deputy", "first", "foreign", "attorney", "chief", "former"];

/// The words of `name` without the titles before it; a name that is only
/// titles keeps them all.
pub fn strip_titles(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_title = |w: &str| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str());
    let is_prefix = |w: &str| ROLE_PREFIXES.contains(&w.to_lowercase().as_str());
    let mut start = 0;
    while start < words.len() {
        let step = if is_title(words[start]) {
            1
        } else if is_prefix(words[start]) && words.get(start + 1).is_some_and(|w| is_title(w)) {
            2
        } else {
            break;
        };
        // Only before a name: "Judge" alone, or a title last, is kept.
        if !words.get(start + step).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            break;
        }
        start += step;
    }
    words[start..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> Vec<Vec<&'static str>> {
        let leaked: Vec<&'static str> =
            names.iter().map(|n| &*Box::leak(n.to_string().into_boxed_str())).collect();
        group(&leaked).into_iter().map(|g| g.into_iter().map(|k| leaked[k]).collect()).collect()
    }

    #[test]
    fn accents_and_umlauts_are_one_person() {
        let g = people(&["Gerhard Mueller", "Gerhard Müller", "Gerhard Muller", "Gerhard Möller"]);
        assert_eq!(
            g,
            vec![vec!["Gerhard Mueller", "Gerhard Müller", "Gerhard Muller"], vec!["Gerhard Möller"]]
        );
        assert_eq!(people(&["José Ramírez", "Jose Ramirez"]).len(), 1);
        assert_eq!(people(&["Jean-Luc Picard", "Jean Luc Picard"]).len(), 1);
        assert_eq!(
            fullest(["Gerhard Mueller", "Dr. Gerhard Müller", "Gerhard Muller"].into_iter()),
            "Gerhard Müller"
        );
    }

    #[test]
    fn honorifics_and_roles_are_stripped() {
        assert_eq!(strip_titles("Dr. Ada Quill"), ["Ada", "Quill"]);
        assert_eq!(strip_titles("Sen. Ada Quill"), ["Ada", "Quill"]);
        assert_eq!(strip_titles("Prime Minister Ada Quill"), ["Ada", "Quill"]);
        assert_eq!(strip_titles("Mr Briggs"), ["Briggs"]);
        assert_eq!(strip_titles("General Motors"), ["General", "Motors"]);
        assert_eq!(strip_titles("Judge"), ["Judge"]);
        assert_eq!(strip_titles("Mayor of Millbrook"), ["Mayor", "of", "Millbrook"]);
        let g = people(&["Ada Quill", "Dr. Ada Quill", "Sen. Ada Quill", "MS. ADA QUILL"]);
        assert_eq!(g.len(), 1, "{g:?}");
    }

    #[test]
    fn different_people_sharing_a_surname_stay_apart() {
        let g = people(&["Jane Smith", "John Smith", "Smith", "Dr. Smith", "George Bush", "George W. Bush"]);
        assert_eq!(
            g,
            vec![
                vec!["Jane Smith"],
                vec!["John Smith"],
                vec!["Smith", "Dr. Smith"],
                vec!["George Bush"],
                vec!["George W. Bush"]
            ]
        );
    }

    #[test]
    fn other_scripts_are_not_transliterated() {
        assert_eq!(people(&["王伟", "汪伟"]).len(), 2);
        assert_eq!(keys("Łukasz Żak"), vec!["lukasz zak"]);
    }
}
