//! The people a quote may belong to and what the article says about each: the
//! candidates and features the attribution model ([`super::model`]) chooses among.
//!
//! The rules in `cues` still read the sentence around a quote; their answer is one
//! candidate among the names in the quote's own sentence, the one after it, the
//! last speaker and the people named just before. The model then weighs what
//! each rule and position has been worth on labelled news.

use super::facts::Facts;
use super::gender::Gender;
use super::names::{Tok, core, is_cap, is_org_word, join, name_at};
use super::registry::{Registry, is_person, names_a_thing};

/// How the rules reached their answer for a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// A name governed by a speech verb before the quote.
    HeadName,
    /// A name governed by a speech verb after the quote.
    TailName,
    /// he/she resolved to the latest person of that gender.
    Pronoun,
    /// The subject of the sentence a participle hangs on.
    Clause,
    /// No cue of its own: the previous speaker goes on.
    Carried,
    /// A role the article tied to a name before ("the engineer said").
    Role,
    /// A cue that names nobody ("a spokesman said").
    Nobody,
    /// No cue at all.
    NoCue,
}

/// One quote as the rules saw it.
pub struct Scene<'s, 't> {
    pub text: &'s str,
    /// The sentence up to the opening mark.
    pub head: &'s [Tok<'t>],
    /// The sentence after the closing mark.
    pub tail: &'s [Tok<'t>],
    /// Where the quote opens: (block, byte offset).
    pub at: (usize, usize),
    pub route: Route,
    /// The rules' speaker.
    pub rule: Option<&'s str>,
    /// The previous quote's speaker, when it is close enough to go on.
    pub carried: Option<&'s str>,
    /// The gender of the he/she that speaker was read off, if they were.
    pub carried_by_pronoun: Option<Gender>,
    /// The gender of the pronoun in the cue, for a pronoun cue.
    pub pronoun: Option<Gender>,
    pub partial: bool,
    pub facts: &'s Facts<'t>,
    /// Where the previous quote ends, (0, 0) for the first.
    pub since: (usize, usize),
    /// For a he/she, the subject of the sentence before is someone other than
    /// the rules' answer, the latest person named.
    pub disputed: bool,
}

/// Names of the features, in the order of [`Candidate::x`]; the trained
/// weights list the same names, and a test holds the two together.
pub const FEATURES: [&str; 59] = [
    "bias",
    "rule",
    "rule_head_name",
    "rule_tail_name",
    "rule_pronoun",
    "rule_clause",
    "rule_carried",
    "carried",
    "in_head",
    "in_tail",
    "head_verb",
    "tail_verb",
    "head_near",
    "tail_near",
    "recent_only",
    "block_gap",
    "person",
    "single_word",
    "org",
    "titled",
    "mentions",
    "in_quote",
    "gender_match",
    "candidates",
    "partial",
    "ctx_no_cue",
    "ctx_nobody",
    "ctx_pronoun",
    "ctx_clause",
    "ctx_carried",
    "long_name",
    "lower_word",
    "first_block_only",
    "lower_seen",
    "recent_rank0",
    "recent_rank1",
    "opens_sentence",
    "same_block",
    "headline_only",
    "said_once",
    "others_since",
    "named_since",
    "carried_others_since",
    "rule_person",
    "rule_in_quote",
    "spoke_last",
    "spoke_near",
    "subject_last",
    "spoke_last_pron",
    "spoke_near_pron",
    "subject_last_pron",
    "namesake",
    "protagonist",
    "protagonist_pron",
    "carried_pron",
    "rule_role",
    "ctx_role",
    "rivals_of_gender",
    "rule_disputed",
];

/// Number of features.
pub const N: usize = FEATURES.len();

/// A person the quote may belong to, with the evidence for them.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The fullest form of the name in the article.
    pub name: String,
    /// Its features, in the order of [`FEATURES`].
    pub x: [f32; N],
}

#[derive(Default)]
struct Evidence {
    rule: bool,
    carried: bool,
    in_head: bool,
    in_tail: bool,
    head_verb: bool,
    tail_verb: bool,
    head_dist: Option<usize>,
    tail_dist: Option<usize>,
    recent_gap: Option<usize>,
    recent_rank: Option<usize>,
    /// The latest person before the quote reported as speaking ("Roe said that").
    spoke_last: bool,
    /// The latest person before the quote named at the start of a sentence.
    subject_last: bool,
}

/// How many words before and after a quote are searched for names.
const WINDOW: usize = 15;

/// The candidates of one quote so far, each with the evidence for them.
#[derive(Default)]
struct Found(Vec<(Vec<String>, Evidence)>);

impl Found {
    fn note(&mut self, words: Vec<String>, f: impl Fn(&mut Evidence)) {
        match self.0.iter().position(|(w, _)| *w == words) {
            Some(i) => f(&mut self.0[i].1),
            None => {
                let mut e = Evidence::default();
                f(&mut e);
                self.0.push((words, e));
            }
        }
    }
}

/// Every candidate speaker of one quote, with its features.
pub fn candidates(reg: &Registry, s: &Scene) -> Vec<Candidate> {
    let mut found = Found::default();
    if let Some(r) = s.rule {
        found.note(split(r), |e| e.rule = true);
    }
    if let Some(c) = s.carried {
        found.note(split(c), |e| e.carried = true);
    }
    names_around(reg, s, &mut found);
    if let Some(full) = latest_person(reg, s.at, |m| m.speaks) {
        found.note(full, |e| e.spoke_last = true);
    }
    if let Some(full) = latest_person(reg, s.at, |m| m.opens) {
        found.note(full, |e| e.subject_last = true);
    }
    for (rank, (full, gap)) in recent_people(reg, s.at, 3).into_iter().enumerate() {
        found.note(full, |e| {
            e.recent_gap = Some(e.recent_gap.map_or(gap, |g| g.min(gap)));
            e.recent_rank = Some(rank);
        });
    }
    // A he or she never means someone the article shows to be of the other
    // gender: in hand-labelled news such a candidate was right 4 times in 268.
    let clashes = |w: &[String]| s.pronoun.is_some_and(|want| reg.gender_of(w).is_some_and(|g| g != want));
    found.0.retain(|(w, _)| !clashes(w));
    let n = found.0.len();
    // A he or she, or a chain carried on from one, is harder to read the more
    // people of that gender the article has named: asked once per quote.
    let want = s.pronoun.or(s.carried_by_pronoun.filter(|_| s.route == Route::Carried));
    let rivals = want.map(|g| reg.surnames_of_gender(s.at, g, MAX_RIVALS + 1));
    found.0.into_iter().map(|(words, e)| features(reg, s, words, &e, (n, rivals.as_deref()))).collect()
}

/// Rivals past this many add nothing to [`FEATURES`]' rivals_of_gender.
const MAX_RIVALS: usize = 8;

/// The names in the quote's sentence, before and after it.
fn names_around(reg: &Registry, s: &Scene, found: &mut Found) {
    // Speakers stand near their quote: names further off only cost time.
    let head = &s.head[s.head.len().saturating_sub(WINDOW)..];
    // One name often stands both before and after a quote: resolve each once.
    let mut known: Vec<(Vec<String>, Option<Vec<String>>)> = Vec::new();
    let mut resolve = |words: &[&str]| -> Option<Vec<String>> {
        if let Some((_, full)) = known.iter().find(|(w, _)| w == words) {
            return full.clone();
        }
        let full = resolve(reg, words, s.at);
        known.push((words.iter().map(|w| w.to_string()).collect(), full.clone()));
        full
    };
    for (words, i, end) in names_in(head) {
        if let Some(full) = resolve(&words) {
            let verb = super::names::verb_near(head, i, end);
            let dist = head.len() - end;
            found.note(full, |e| {
                e.in_head = true;
                e.head_verb |= verb;
                e.head_dist = Some(e.head_dist.map_or(dist, |d| d.min(dist)));
            });
        }
    }
    for (words, i, end) in names_in(&s.tail[..s.tail.len().min(WINDOW)]) {
        if let Some(full) = resolve(&words) {
            let verb = super::names::verb_near(s.tail, i, end);
            found.note(full, |e| {
                e.in_tail = true;
                e.tail_verb |= verb;
                e.tail_dist = Some(e.tail_dist.map_or(i, |d| d.min(i)));
            });
        }
    }
}

fn split(name: &str) -> Vec<String> {
    name.split(' ').map(str::to_string).collect()
}

/// Proper-name runs in a sentence: (words, first token, token after the run).
fn names_in<'t>(t: &[Tok<'t>]) -> Vec<(Vec<&'t str>, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is_cap(t[i].word) {
            i += 1;
            continue;
        }
        match name_at(t, i) {
            Some((w, end)) if end > i => {
                if !names_a_thing(t, i, &w) {
                    out.push((w, i, end));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The fullest name for `words`, or `None` for what names nobody in particular.
fn resolve(reg: &Registry, words: &[&str], at: (usize, usize)) -> Option<Vec<String>> {
    let full = reg.fullest(words, at);
    if full.len() == 1 && (is_org_word(&full[0]) || !is_cap(&full[0])) {
        return None;
    }
    Some(full)
}

/// People named shortly before the quote, latest first, with how many blocks back.
fn recent_people(reg: &Registry, at: (usize, usize), max: usize) -> Vec<(Vec<String>, usize)> {
    let mut seen: Vec<(Vec<String>, usize)> = Vec::new();
    for m in reg.before(at, at.0.saturating_sub(2)).filter(|m| m.antecedent) {
        let Some(full) = person_named(reg, m, at) else {
            continue;
        };
        if !seen.iter().any(|(w, _)| *w == full) {
            seen.push((full, at.0 - m.at.0));
            if seen.len() == max {
                break;
            }
        }
    }
    seen
}

/// The fullest name of the latest person named before `at`, in its block or
/// the two before, by a mention that `pick` accepts.
fn latest_person(
    reg: &Registry,
    at: (usize, usize),
    pick: impl Fn(&super::registry::Mention) -> bool,
) -> Option<Vec<String>> {
    let m = reg.before(at, at.0.saturating_sub(2)).find(|m| m.antecedent && pick(m))?;
    person_named(reg, m, at)
}

/// The fullest name of the person a mention names, if it names one: "Roe"
/// alone is a person once the article has named "Jo Roe".
fn person_named(reg: &Registry, m: &super::registry::Mention, at: (usize, usize)) -> Option<Vec<String>> {
    let full = reg.fullest_of_mention(m, at)?;
    let fw: Vec<&str> = full.iter().map(String::as_str).collect();
    (is_person(&fw) || m.titled || reg.shown_as_person(&m.words)).then_some(full)
}

fn near(d: Option<usize>) -> f32 {
    d.map_or(0.0, |d| 1.0 / (1.0 + d as f32))
}

/// What the article's other mentions of a candidate say, gathered in one pass.
#[derive(Default)]
struct Mentions {
    /// Mentions ending in the candidate's surname.
    count: usize,
    first_block_only: bool,
    titled: bool,
    /// The latest one before the quote opens its sentence.
    opens: bool,
    same_block: bool,
    /// Mentions of exactly this name, and whether all are in headlines.
    exact: usize,
    headline_only: bool,
    /// Named between the previous quote and this one; others named there.
    named_since: bool,
    others_since: usize,
    /// Reported as speaking in the quote's block or the one before, before it.
    spoke_near: bool,
    /// Someone else with the surname: a fuller name with another first word.
    namesake: bool,
    /// Shown to be a person by a word for kin or an age ("his son, Amrit").
    kin: bool,
}

impl Mentions {
    fn of(reg: &Registry, s: &Scene, words: &[String]) -> Mentions {
        let last = core(words).last().map_or("", String::as_str);
        let mut m = Mentions { first_block_only: true, headline_only: true, ..Mentions::default() };
        let mut latest: Option<&super::registry::Mention> = None;
        let mut same_since = 0;
        for x in reg.ending_in(last) {
            let between = x.at > s.since && x.at < s.at;
            same_since += usize::from(between);
            m.named_since |= between;
            m.count += 1;
            m.first_block_only &= x.at.0 == 0;
            m.titled |= x.titled;
            if x.at < s.at {
                m.same_block |= x.at.0 == s.at.0;
                m.spoke_near |= x.speaks && x.at.0 + 1 >= s.at.0;
                if latest.is_none_or(|l| l.at < x.at) {
                    latest = Some(x);
                }
            }
            m.namesake |= x.words.len() > 1 && (words.len() < 2 || x.words[0] != words[0]);
            if x.words == words {
                m.exact += 1;
                m.kin |= x.kin;
                m.headline_only &= s.facts.headline(x.at.0);
            }
        }
        m.others_since = reg.count_between(s.since, s.at) - same_since;
        m.opens = latest.is_some_and(|l| l.opens);
        m.headline_only &= m.exact > 0;
        m
    }
}

// One line per feature, in the order of FEATURES: better read as one list than split.
/// `n` is the number of candidates; `rivals`, for a he/she quote or its chain,
/// the surnames of the people of that gender named before it.
fn features(
    reg: &Registry,
    s: &Scene,
    words: Vec<String>,
    e: &Evidence,
    (n, rivals): (usize, Option<&[&str]>),
) -> Candidate {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let last = core(&w).last().copied().unwrap_or("");
    let m = Mentions::of(reg, s, &words);
    let lower_seen = w.iter().skip(1).filter(|x| s.facts.writes_lower(x)).count();
    let gender = s.pronoun.map(|want| reg.gender_of(&words).map(|g| g == want));
    let in_quote = names_word(s.text, last);
    let person = is_person(&w) || m.kin;
    let protagonist = m.count >= reg.most_named();
    let route = |r: Route| f32::from(u8::from(s.route == r));
    let rule = f32::from(u8::from(e.rule));
    let b = |v: bool| f32::from(u8::from(v));
    let x = [
        1.0,
        rule,
        rule * route(Route::HeadName),
        rule * route(Route::TailName),
        rule * route(Route::Pronoun),
        rule * route(Route::Clause),
        rule * route(Route::Carried),
        b(e.carried),
        b(e.in_head),
        b(e.in_tail),
        b(e.head_verb),
        b(e.tail_verb),
        near(e.head_dist),
        near(e.tail_dist),
        b(!e.in_head && !e.in_tail && !e.rule && !e.carried),
        e.recent_gap.map_or(1.0, |g| g as f32 / 3.0),
        b(person),
        b(w.len() == 1),
        b(w.iter().any(|x| is_org_word(x))),
        b(m.titled),
        (1.0 + m.count as f32).ln(),
        b(in_quote),
        b(gender == Some(Some(true))),
        (n as f32).ln(),
        b(s.partial),
        route(Route::NoCue),
        route(Route::Nobody),
        route(Route::Pronoun),
        route(Route::Clause),
        route(Route::Carried),
        b(w.len() >= 4),
        b(w.iter().any(|x| !is_cap(x))),
        b(m.first_block_only && s.at.0 > 0),
        lower_seen as f32,
        b(e.recent_rank == Some(0)),
        b(e.recent_rank == Some(1)),
        b(m.opens),
        b(m.same_block),
        b(m.headline_only),
        b(m.exact <= 1),
        (1.0 + m.others_since as f32).ln(),
        b(m.named_since),
        b(e.carried && m.others_since > 0),
        rule * b(person),
        rule * b(in_quote),
        b(e.spoke_last),
        b(m.spoke_near),
        b(e.subject_last),
        b(e.spoke_last) * route(Route::Pronoun),
        b(m.spoke_near) * route(Route::Pronoun),
        b(e.subject_last) * route(Route::Pronoun),
        b(m.namesake),
        b(protagonist),
        b(protagonist) * route(Route::Pronoun),
        b(e.carried && s.carried_by_pronoun.is_some()),
        rule * route(Route::Role),
        route(Route::Role),
        rivals.map_or(0.0, |r| (1.0 + r.iter().filter(|&&l| l != last).count().min(MAX_RIVALS) as f32).ln()),
        rule * b(s.disputed),
    ];
    Candidate { name: join(display_words(reg.shown_form(&w), s.facts), true), x }
}

/// `text` holds `word` as a whole word (between characters that are not
/// letters or digits): found by a substring search, not by splitting the text.
fn names_word(text: &str, word: &str) -> bool {
    if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
        return false;
    }
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The name without the role run into it: "Political Editor Matthew Boyle" is
/// Matthew Boyle where the article also writes "editor" in lower case, as
/// "Sen. Ann Roe" is Ann Roe. At least two words are kept.
pub fn display_words<'w>(w: &'w [&'w str], facts: &Facts<'_>) -> &'w [&'w str] {
    // "Texas-based", "Boston-area": a description, whatever the article's words.
    let described = |x: &&str| x.split('-').skip(1).any(|p| p.chars().next().is_some_and(char::is_lowercase));
    let role = |x: &&str| super::names::is_title(x) || described(x) || facts.writes_lower(x);
    match w[..w.len().saturating_sub(2)].iter().rposition(role) {
        // "Department of Conservation" where the article writes "department":
        // what follows a cut must still start like a name, not with "of".
        // "National Vehicle Safety Office" where it writes "vehicle": a body's
        // name is made of common words, none of them a role.
        Some(i) if is_cap(w[i + 1]) && !w[i + 1..].iter().any(|x| super::names::is_org_word(x)) => {
            &w[i + 1..]
        }
        _ => w,
    }
}

#[cfg(test)]
mod tests;
