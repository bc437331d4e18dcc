//! Words, proper-name runs, and resolving a surname or pronoun to the fullest name used before.

mod tokens;
#[cfg(test)]
pub use tokens::tokens;
pub use tokens::{Tok, first_sentence, is_dash, last_sentence, tokens_into};

/// Particles written with a capital inside a name ("Marine Le Pen", "Robert
/// De Niro"): part of it when a capitalised name word follows, though at the
/// start of a sentence the same words are often articles ("Le gouvernement").
fn is_cap_particle(w: &str) -> bool {
    matches!(
        w,
        "Al" | "Da"
            | "Das"
            | "De"
            | "Del"
            | "Della"
            | "Den"
            | "Der"
            | "Des"
            | "Di"
            | "Dos"
            | "Du"
            | "El"
            | "La"
            | "Le"
            | "Van"
            | "Von"
    )
}

/// "Jr", "III": a generational suffix, which tells a son from his father
/// but is not the surname later mentions end in.
pub fn is_generational(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// A full name without its generational suffix ("Robert Lane" of "Robert
/// Lane Jr"): the part that "Lane" or "Mr. Lane" later stand for.
pub fn core<S: AsRef<str>>(words: &[S]) -> &[S] {
    match words {
        [rest @ .., last] if rest.len() >= 2 && is_generational(last.as_ref()) => rest,
        _ => words,
    }
}

/// `w.chars().count() == 1`, without counting past two: asked of most
/// capitalised words, where counting them all cost more than the rest.
pub fn is_one_char(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// `w.chars().count() > n`, counting no further than that.
pub fn more_chars_than(w: &str, n: usize) -> bool {
    w.chars().nth(n).is_some()
}

/// A capital opens the word, or it is a surname after a lower-case particle.
#[inline]
pub fn is_cap(w: &str) -> bool {
    // Asked of nearly every word: a lower-case ASCII one is settled by its
    // first byte unless that is a particle's.
    match w.as_bytes().first() {
        Some(c) if c.is_ascii_uppercase() => true,
        Some(b'a' | b'e' | b'd' | b'u') => is_particle_name(w),
        Some(c) if c.is_ascii() => false,
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w` split at a hyphen or apostrophe in its first four bytes ("al" and
/// "Mansouri", "d" and "Estaing"), the joint a particle is written with.
fn at_joint(w: &str) -> Option<(&str, &str)> {
    let k = w.as_bytes().iter().take(4).position(|&c| matches!(c, b'-' | b'\'' | 0xE2))?;
    let rest = w[k..].strip_prefix(['-', '\'', '\u{2019}'])?;
    Some((&w[..k], rest))
}

/// "al-Mansouri", "el-Sayed", "ul-Haq", "d'Estaing": a surname that opens
/// with a lower-case particle joined to it.
fn is_particle_name(w: &str) -> bool {
    at_joint(w).is_some_and(|(p, rest)| is_particle(p) && rest.starts_with(char::is_uppercase))
}

fn is_particle(p: &str) -> bool {
    matches!(p, "al" | "el" | "ad" | "an" | "ar" | "as" | "ash" | "at" | "az" | "ud" | "ul" | "d")
}

/// The form of a name word that does not depend on where it stands: "Van"
/// and "Al-Mansouri" opening a sentence are "van" and "al-Mansouri".
pub fn particle_lowered(w: &str) -> Option<String> {
    // Asked of every name word looked up: settled by its first bytes, with
    // no allocation, for all but the particles.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut buf = [0u8; 3];
    let particle = match at_joint(w) {
        Some((p, _)) => lower_first(p, &mut buf).is_some_and(is_particle),
        None => lower_first(w, &mut buf).is_some_and(is_connector),
    };
    particle.then(|| w[..1].to_ascii_lowercase() + &w[1..])
}

/// `p`, if three bytes or fewer, with its first (ASCII) letter in lower
/// case, written into `buf`: no allocation for the words that are no particle.
fn lower_first<'b>(p: &str, buf: &'b mut [u8; 3]) -> Option<&'b str> {
    let out = buf.get_mut(..p.len())?;
    out.copy_from_slice(p.as_bytes());
    out[0] = out[0].to_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Abbreviations whose full stop does not end a sentence.
pub fn is_abbrev(w: &str) -> bool {
    (is_one_char(w) && is_cap(w))
        || w.contains('.')
        || super::lexicon::ABBREV.contains(w)
        || super::lexicon::STATE.contains(w)
}

/// A US state as the press abbreviates it: "Mass", "N.C" (the tokens keep
/// no final full stop).
pub fn is_state(w: &str) -> bool {
    super::lexicon::STATE.contains(w) || w.len() <= 4 && w.contains('.') && is_cap(w)
}

/// A full stop closed by a bracket ("(D-Ore.)") or followed by a comma
/// ("Roe, R-Wis., said") is an abbreviation's: news writes a party and state
/// after a name that way, and the sentence goes on.
pub fn ends_sentence(t: &Tok) -> bool {
    let abbrev = t.trail.starts_with(".)")
        || t.trail.starts_with(".,")
        || t.trail.starts_with('.') && is_abbrev(t.word);
    t.trail.contains(['.', '!', '?', '\u{2026}']) && !abbrev
}

/// `text` in quote marks between the words `before` and `after` is a
/// nickname inside a name (Jake “Tommo” Thompson, Tony "The Hammer" Ruiz):
/// one to three capitalised words between a first name and a surname.
pub fn nickname_within(text: &str, before: &str, after: &str) -> bool {
    is_nickname(text.split_whitespace())
        && is_name_word(before)
        && is_name_word(after.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

fn is_nickname<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    let mut n = 0;
    words.all(|w| {
        n += 1;
        is_cap(w) && w.chars().all(|c| c.is_alphabetic() || c == '\'')
    }) && (1..=3).contains(&n)
}

fn is_name_word(w: &str) -> bool {
    is_cap(w) && w.chars().all(char::is_alphabetic) && !is_stop(w) && !is_title(w)
}

/// Index of the token after a nickname in quote marks at `j` (Jake “Tommo”
/// Thompson), when a name word follows it.
fn past_nickname(toks: &[Tok], j: usize) -> Option<usize> {
    let opens = |t: &Tok| t.lead.ends_with(['\u{201c}', '"', '\u{2018}']);
    let closes = |t: &Tok| t.trail.starts_with(['\u{201d}', '"', '\u{2019}']);
    if !toks.get(j).is_some_and(opens) {
        return None;
    }
    let k = (j..toks.len().min(j + 3)).find(|&k| closes(&toks[k]))?;
    let after = toks.get(k + 1)?.word;
    (is_nickname(toks[j..=k].iter().map(|t| t.word)) && is_name_word(after)).then_some(k + 1)
}

/// Honorifics and roles: they introduce a name but are never part of it.
pub fn is_title(w: &str) -> bool {
    // Every entry is capitalised, so most words are settled by their first letter.
    is_cap(w) && (super::lexicon::TITLE.contains(w) || w.ends_with("-year-old"))
}

/// A title written in lower case, as a role after "the" or "a" ("the coach",
/// "a volunteer", "the Ravens spokeswoman").
pub fn is_lower_title(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && is_title(&capitalised(w))
}

/// `w` with its first letter in upper case, whatever letter it is ("élite").
pub fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Index of the name after a run of titles at `j` ("Police Chief", "Gov."), if one follows.
fn after_titles(toks: &[Tok], j: usize) -> Option<usize> {
    let mut k = j;
    while k < toks.len()
        && is_title(toks[k].word)
        && toks[k].lead.is_empty()
        && matches!(toks[k].trail, "" | ".")
    {
        k += 1;
    }
    toks.get(k)
        .filter(|n| k > j && is_cap(n.word) && n.lead.is_empty() && !is_title(n.word) && !is_stop(n.word))
        .map(|_| k)
}

/// Capitalised words that start sentences or name times, not speakers.
pub fn is_stop(w: &str) -> bool {
    // Every entry is capitalised, so most words are settled by their first letter.
    is_cap(w) && (super::lexicon::STOP.contains(w) || is_sentence_adverb(w))
}

/// "Interestingly", "Reportedly", "Additionally": a long word with an adverb's
/// ending opens a sentence, not a name (names such as Kimberly or Connolly end
/// otherwise, or are shorter). Stricter than `cues::clause::is_opener`, which
/// only decides where a sentence's subject starts: this one keeps a word out
/// of every name.
fn is_sentence_adverb(w: &str) -> bool {
    const ENDINGS: [&str; 11] =
        ["ingly", "edly", "ally", "tely", "ously", "ntly", "ably", "ibly", "ssly", "fully", "ively"];
    w.len() >= 8 && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Lower-case words allowed inside a name when a capitalised word follows.
pub fn is_connector(w: &str) -> bool {
    super::lexicon::CONNECTOR.contains(w)
}

pub fn is_org_word(w: &str) -> bool {
    // Every entry is capitalised, so most words are settled by their first letter.
    is_cap(w) && super::lexicon::ORG_WORD.contains(w)
}

/// Longest proper-name run starting at `i`: capitalised words, initials, and
/// particles such as "de" or "of" between them. Titles in front are skipped.
/// Returns the name's words and the index after the run.
pub fn name_at<'a>(toks: &[Tok<'a>], i: usize) -> Option<(Vec<&'a str>, usize)> {
    let mut words = Vec::new();
    name_at_into(toks, i, &mut words).map(|end| (words, end))
}

/// "Secretary of State John Kerry", "Chief of Staff Ann Roe": the word after a
/// title's "of" belongs to the title, not to the name that follows it.
fn office_object(toks: &[Tok], i: usize) -> bool {
    i >= 2
        && i < toks.len()
        && toks[i - 1].word == "of"
        && is_title(toks[i - 2].word)
        && toks[i].trail.is_empty()
        && toks.get(i + 1).is_some_and(|n| is_cap(n.word) && n.lead.is_empty())
}

/// [`name_at`] into `words` (cleared first), returning the index after the
/// run: the name scan asks at every capitalised word, and most of those
/// words start no name, so a buffer kept across the scan spares an
/// allocation each time.
// The run's cases share the loop's state (where the name starts, what was
// kept): one scanner reads better than its pieces passing that state around.
pub fn name_at_into<'a>(toks: &[Tok<'a>], start: usize, words: &mut Vec<&'a str>) -> Option<usize> {
    words.clear();
    // Whether the first word is a title, asked once: the lists are looked
    // up for nearly every capitalised word.
    let first_title = toks.get(start).is_some_and(|t| is_title(t.word));
    let i = past_titles(toks, start, first_title)?;
    let i = i + usize::from(office_object(toks, i));
    let mut j = i;
    while j < toks.len() {
        let t = &toks[j];
        if !words.is_empty() && !t.lead.is_empty() {
            match past_nickname(toks, j).filter(|_| toks[j - 1].trail.is_empty()) {
                Some(k) => {
                    j = k;
                    continue;
                }
                None => break,
            }
        }
        let w = t.word;
        let cap = is_cap(w);
        if words.is_empty() && !cap {
            break;
        }
        // "Ministry of Justice", "Department of State": after an organisation's
        // "of", an office's word names its field, not someone's title.
        let of_body = |k: usize| toks[k - 1].word == "of" && words.iter().any(|x| is_org_word(x));
        // "Peter T. King", "Ann B. Bishop": after a middle initial, a surname.
        let after_initial = || !words.is_empty() && is_one_char(toks[j - 1].word) && toks[j - 1].trail == ".";
        let title =
            if j == start { first_title } else { cap && is_title(w) && !of_body(j) && !after_initial() };
        // Whether a capitalised name word follows (after any particles): asked only
        // for particles and possessives, and it costs several word-list lookups.
        let next_cap = || {
            let at = if cap {
                j + 1
            } else {
                toks[j + 1..].iter().position(|n| !is_connector(n.word)).map_or(toks.len(), |k| j + 1 + k)
            };
            toks.get(at).is_some_and(|n| {
                is_cap(n.word) && n.lead.is_empty() && !is_stop(n.word) && (!is_title(n.word) || of_body(at))
            })
        };
        // A datelined "CHICAGO Jane Roe" is not part of the name.
        let dateline = words.is_empty()
            && is_shouted(w)
            && toks.get(j + 1).is_some_and(|n| is_cap(n.word) && !is_shouted(n.word));
        // "Quoting Pike" leads into a name; "Nursing Staff Association" is one.
        let lead_in =
            || is_lead_in(w) && next_cap() && !toks[j + 1..].iter().take(3).any(|n| is_org_word(n.word));
        if dateline || words.is_empty() && t.trail.is_empty() && lead_in() {
            j += 1;
            continue;
        }
        // "Harbour Master Tom Briggs", "Ohio Gov. Jo Roe": the words before the title
        // say what the role is over, and the name starts after it.
        if title
            && w != "M"
            && let Some(k) = after_titles(toks, j)
        {
            words.clear();
            j = k;
            continue;
        }
        // "the Texas Republican said", "the Springfield Democrat": the words
        // before a role that ends the run say what it is over; no name here.
        let ends_phrase = !t.trail.is_empty() || toks.get(j + 1).is_none_or(|n| is_speech_verb(n.word));
        if title
            && ends_phrase
            && !words.is_empty()
            && w != "M"
            && super::gender::of_first_name(words[0]).is_none()
        {
            words.clear();
            break;
        }
        let ok = if cap {
            // "James A. Baker": a middle initial, not the article.
            let initial = !words.is_empty() && is_one_char(w) && t.trail == ".";
            // "Police Scotland": a word that opens sentences ("Police said") opens
            // an organisation's name when a name word follows it.
            let opens_org = words.is_empty()
                && t.trail.is_empty()
                && is_org_word(w)
                && next_cap()
                && toks.get(j + 1).is_some_and(|n| super::gender::of_first_name(n.word).is_none());
            let given_month = words.is_empty()
                && month_as_name(toks, j)
                && (t.trail.is_empty() && next_cap()
                    || toks.get(j + 1).is_some_and(|n| is_speech_verb(n.word)));
            (!is_stop(w)
                || initial
                || opens_org
                || given_month
                || is_cap_particle(w) && t.trail.is_empty() && next_cap())
                && (words.is_empty() || !title || w == "M")
        } else {
            !words.is_empty() && is_connector(w) && t.trail.is_empty() && next_cap()
        };
        if !ok {
            break;
        }
        // "the Farmers' Union": a plural owner keeps its apostrophe as trail.
        let plural_owner = matches!(t.trail, "'" | "\u{2019}") && w.ends_with('s');
        let (bare, poss) = strip_possessive(w);
        let poss = poss || plural_owner;
        // "Moody's Analytics" is one name; in "Acme's Jane Roe" the owner is not.
        let next_cap = poss && next_cap();
        // "Tomas Reyvik's Progress Alliance": an owner of two words or more that
        // are no organisation's is a person, and what follows a name of its own.
        // "St Mary's Hospital" is one; in "the Forum's Jo Roe" the name is hers.
        // "Kestrel Bay Children's Hospital": people as a group own no party
        // ("Ann Roe's National Renewal"), so they are part of the body's name.
        let person = || {
            !words.is_empty()
                && !matches!(words[0], "St" | "Saint")
                && !plural_owner
                && !matches!(bare, "Children" | "Women" | "Men" | "People")
                && !words.iter().chain([&bare]).any(|w| is_org_word(w))
                && toks.get(j + 1).is_some_and(|n| super::gender::of_first_name(n.word).is_none())
        };
        if next_cap && person() {
            words.push(bare);
            j += 1;
            break;
        }
        let org_follows = next_cap && toks[j + 1..].iter().take(3).any(|n| is_org_word(n.word));
        if next_cap && !org_follows {
            words.clear();
            j += 1;
            continue;
        }
        let w = if org_follows { w } else { bare };
        words.push(w);
        j += 1;
        let initial = is_one_char(w) && t.trail == ".";
        if poss && !org_follows {
            break;
        }
        if !t.trail.is_empty() && !initial && !poss {
            break;
        }
    }
    let j = trim_run(words, j);
    // "Justice League", "General Motors": a title opening an organisation's name is part of it.
    if i > start && words.iter().any(|w| is_org_word(w)) && toks[start..i].iter().all(|t| t.trail.is_empty())
    {
        let titles = toks[start..i].iter().map(|t| t.word);
        words.splice(0..0, titles);
    }
    if words.is_empty() { None } else { Some(j) }
}

/// "June Marchbanks said", "June said": a month that is also a given name,
/// before a name word or a speech verb and after no word that dates ("in June").
pub fn month_as_name(toks: &[Tok], j: usize) -> bool {
    matches!(toks[j].word, "April" | "May" | "June")
        && (j == 0
            || !matches!(
                super::lexicon::Folded::new(toks[j - 1].word).as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "from"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "on"
                    | "every"
                    | "each"
                    | "that"
                    | "to"
                    | "between"
                    | "and"
                    | "or"
            ))
}

/// A capitalised word that leads into a name without being part of it: a
/// group ("Floridians Jeb Bush", "Iowans Jo Roe") or a gerund opening the
/// sentence ("Asserting Clinton's ..."); not a hyphenated given name ("Mei-Ling Cho").
fn is_lead_in(w: &str) -> bool {
    w.len() >= 6
        && !w.contains('-')
        && (w.ends_with("ans") || w.ends_with("ing") && super::gender::of_first_name(w).is_none())
}

/// The token after the titles at `start` ("Sen.", "Dr"), or `None` when
/// punctuation after a title ends the run before any name.
fn past_titles(toks: &[Tok], start: usize, first_title: bool) -> Option<usize> {
    let mut i = start;
    while i < toks.len()
        && (if i == start { first_title } else { is_title(toks[i].word) })
        && toks[i].lead.is_empty()
    {
        let stop = toks[i].trail.contains([',', ':', ';']);
        i += 1;
        if stop {
            return None;
        }
    }
    Some(i)
}

/// Drops what does not belong to a name at the end of a run ending before
/// token `end`, and returns where the name now ends.
fn trim_run(words: &mut Vec<&str>, mut end: usize) -> usize {
    // "Lord Baker of Dorking", "Jane Roe of Leeds": a person's seat or home town;
    // organisations ("Bank of Tea") keep their "of".
    if let Some(k) = words.iter().position(|w| *w == "of")
        && k > 0
        && !words[..k].iter().any(|w| is_org_word(w))
    {
        end -= words.len() - k;
        words.truncate(k);
    }
    while words.last().is_some_and(|w| is_connector(w)) {
        words.pop();
        end -= 1;
    }
    // "Fisherman Alan Doyle", "Moderator Hugh Hewitt": a word before a common
    // first name describes the person; it is not part of the name. Short
    // ones are more often the first half of a double first name ("Jo Ann").
    let first = |w: &str| super::gender::of_first_name(w).is_some();
    if words.len() >= 3
        && more_chars_than(words[0], 3)
        && !first(words[0])
        && first(words[1])
        && !words.iter().any(|w| is_org_word(w))
    {
        words.remove(0);
    }
    // "Rebecca Holloway KC", "Jo Roe MP": the letters after a name are no part
    // of it; the run still ends after them.
    while words.len() > 2 && words.last().is_some_and(|w| is_postnominal(w)) {
        words.pop();
    }
    end
}

/// Honours and offices written after a name.
fn is_postnominal(w: &str) -> bool {
    matches!(
        w,
        "KC" | "QC"
            | "SC"
            | "MP"
            | "MSP"
            | "MLA"
            | "MEP"
            | "TD"
            | "OBE"
            | "MBE"
            | "CBE"
            | "KBE"
            | "DBE"
            | "BEM"
    )
}

pub fn strip_possessive(w: &str) -> (&str, bool) {
    for s in ["'s", "\u{2019}s"] {
        if let Some(b) = w.strip_suffix(s) {
            return (b, true);
        }
    }
    (w, false)
}

fn is_shouted(w: &str) -> bool {
    // The test for case first: it stops at the first lower-case letter.
    w.chars().all(|c| !c.is_lowercase()) && more_chars_than(w, 2)
}

/// The name's words as one string; with `initials`, a capital letter standing
/// alone inside it gets its full stop back ("George W. Bush"), one ending it
/// does not ("Malcolm X").
pub fn join(words: &[&str], initials: bool) -> String {
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
        // "Gráinne Ó Súilleabháin": the Irish particle is no initial.
        if initials && k + 1 < words.len() && is_one_char(w) && is_cap(w) && *w != "Ó" {
            s.push('.');
        }
    }
    s
}

/// Words after which a name is a place or an object, not someone who speaks next.
pub fn blocks_antecedent(w: &str) -> bool {
    super::lexicon::BLOCKS_ANTECEDENT.contains(w)
}

/// Verbs that report speech or writing, English and French, finite and participle.
pub fn is_speech_verb(w: &str) -> bool {
    // Capitalised inside a sentence, "States" and "Notes" are names' words
    // (the United States); only the common verbs open a sentence as one.
    if is_cap(w) && !matches!(w, "Said" | "Says" | "Asked" | "Added" | "Adding" | "Replied") {
        return false;
    }
    super::lexicon::has(&super::lexicon::SPEECH_VERB, w.split('-').next().unwrap_or(""))
}

/// A speech verb right before the name ("said Roe"), or within a few words after
/// it, past an apposition ("Roe, a spokeswoman, said").
pub fn verb_near(t: &[Tok], i: usize, end: usize) -> bool {
    if i > 0 && is_speech_verb(t[i - 1].word) {
        return true;
    }
    // Past a comma the verb may follow an apposition; otherwise it stands close.
    let reach = if t[end - 1].trail == "," { 8 } else { 3 };
    t[end..].iter().take(reach).take_while(|k| !ends_sentence(k)).any(|w| is_speech_verb(w.word))
}

#[cfg(test)]
mod tests;
