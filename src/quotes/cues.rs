//! Attribution cues around a quote: speech verbs, their subjects, `according to`, `X:`.

use super::gender::{Gender, of_pronoun};
use super::lexicon::{AUX, DETERMINERS, FRAMING_VERB, Folded, GENERIC, has};
use super::names::{
    Tok, is_cap, is_dash, is_lower_title, is_one_char, is_org_word, is_speech_verb, is_stop, is_title,
    month_as_name, name_at, strip_possessive,
};
use super::registry::is_person;
use apposition::past_apposition;
pub use clause::sentence_subject;
use roles::{
    according_to, after_role, before_party, holder_after, is_role_part, is_role_word, role_then_name,
};

/// Who the words around a quote point at, before resolving names against the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who<'a> {
    Name(Vec<&'a str>),
    /// he, she, il, elle: someone named earlier, of this gender.
    Pronoun(Gender),
    /// a spokesman, officials, they: somebody the article does not name.
    Nobody,
    /// A cue with no subject of its own ("Adding:"): the previous speaker goes on.
    Same,
    /// A participle or second verb ("…, saying", "but insists"): the sentence's subject speaks.
    Clause,
    /// "the county engineer said": the holder of a role (its head noun), whom
    /// the article may have named with it before.
    Role(&'a str),
    /// The name the article tied to that role ("County Engineer Howard Lisle").
    Holder(Vec<&'a str>),
}

fn lower(w: &str) -> Folded<'_> {
    Folded::new(w)
}

/// Verbs that frame a partial quote as someone's words: he called it “a betrayal”.
fn is_framing_verb(w: &str) -> bool {
    has(&FRAMING_VERB, w)
}

fn is_aux(w: &str) -> bool {
    has(&AUX, w)
}

pub fn pronoun_kind(w: &str) -> Option<Who<'static>> {
    if let Some(g) = of_pronoun(w)
        && !matches!(w, "him" | "his" | "His" | "himself" | "her" | "Her" | "hers" | "herself")
    {
        return Some(Who::Pronoun(g));
    }
    match lower(w).as_str() {
        "they" | "it" | "ils" | "elles" | "we" | "i" | "you" | "on" | "one" | "nous" | "je" => {
            Some(Who::Nobody)
        }
        _ => None,
    }
}

/// Plural or generic nouns that open a sentence as a subject but name nobody.
fn is_generic(w: &str) -> bool {
    has(&GENERIC, w)
}

/// "Roe and 24-year-old Jo Lee explained": two people say the words, and a
/// pull-out can name only one; the name at `k` is the second of a pair.
fn joint_subject(t: &[Tok], lo: usize, k: usize) -> bool {
    (k.saturating_sub(2).max(lo + 1)..k).rev().any(|j| {
        matches!(t[j].word, "and" | "&")
            && t[j - 1..k].iter().all(|x| x.trail.is_empty())
            && is_cap(t[j - 1].word)
            && !is_stop(t[j - 1].word)
    })
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
    let e = if e > lo + 1 { before_party(t, e) } else { e };
    if !is_participle(t[v].word)
        && t[e..v].iter().any(|a| matches!(a.word, "is" | "was" | "were" | "are" | "been" | "being"))
    {
        // "she was warned that …": the subject heard the words, someone else said them.
        return Some(Who::Nobody);
    }
    let e = match past_apposition(t, lo, e) {
        Ok(e) => e,
        Err(who) => return Some(who),
    };
    let last = &t[e - 1];
    if let Some(p) = pronoun_kind(last.word) {
        return Some(p);
    }
    if matches!(lower(last.word).as_str(), "and" | "but" | "et" | "mais") {
        // "Ms. Roe smiled and said": the subject of the first verb says it.
        return Some(second_verb_subject(t, lo, e - 1).unwrap_or(Who::Clause));
    }
    if is_participle(t[v].word) {
        return Some(Who::Clause);
    }
    if !is_cap(last.word) {
        return Some(gendered_role(t, e - 1).or_else(|| definite_role(t, e - 1)).unwrap_or(Who::Nobody));
    }
    let s = name_start(t, lo, e);
    if is_generic(last.word) || is_stop(last.word) {
        // "Sgt. Jo Roe of South Wales Police said": the person before the
        // force speaks, where "Police said" alone names nobody.
        let of = (s.max(lo + 1)..e)
            .rev()
            .find(|&j| matches!(t[j].word, "of" | "with") && t[j - 1].trail.is_empty());
        return Some(of.map_or(Who::Nobody, |j| before_of_phrase(t, lo, j)));
    }
    let mut k = s;
    // "a spokesman for Gov. Jo Roe said": titles sit between "for" and the name.
    while k > lo && is_title(t[k - 1].word) && matches!(t[k - 1].trail, "" | ".") {
        k -= 1;
    }
    let k = past_article(t, lo, k);
    if joint_subject(t, lo, k) {
        return Some(Who::Nobody);
    }
    if k > lo && t[k - 1].trail.is_empty() && is_of_phrase(t[k - 1].word) {
        return Some(before_of_phrase(t, lo, k - 1));
    }
    match name_at(t, s) {
        Some((w, _)) if s < e => Some(Who::Name(w)),
        _ => Some(Who::Nobody),
    }
}

/// The named subject of a plain past-tense verb right before the
/// conjunction at token `c`, when nothing else stands between them.
fn second_verb_subject<'a>(t: &[Tok<'a>], lo: usize, c: usize) -> Option<Who<'a>> {
    let verb = t.get(c.checked_sub(1)?)?;
    if c < lo + 2 || !verb.trail.is_empty() || !t[c].trail.is_empty() || is_cap(verb.word) {
        return None;
    }
    if !verb.word.ends_with("ed") {
        return None;
    }
    match subject_before(t, c - 1, lo)? {
        w @ (Who::Name(_) | Who::Pronoun(_)) => Some(w),
        _ => None,
    }
}

/// The first word of the capitalised run ending before token `e`, past stop
/// words and titles, unless the titles open an organisation's name.
fn name_start(t: &[Tok], lo: usize, e: usize) -> usize {
    let mut s = e - 1;
    while s > lo {
        let p = &t[s - 1];
        let joins = p.trail.is_empty() || p.trail == "." && is_one_char(p.word);
        if !joins || !(is_cap(p.word) || super::lexicon::NAME_PARTICLES.contains(p.word)) {
            break;
        }
        s -= 1;
    }
    while s < e && (is_stop(t[s].word) && !month_as_name(t, s) || is_title(t[s].word) || !is_cap(t[s].word)) {
        s += 1;
    }
    let mut b = s;
    while b > lo && is_title(t[b - 1].word) && t[b - 1].trail.is_empty() {
        b -= 1;
    }
    if b < s && name_at(t, b).is_some_and(|(w, _)| w.iter().any(|x| is_org_word(x))) {
        s = b;
    }
    s
}

/// The speaker when the subject is tied by "for", "with", "of" at token `p`:
/// "a spokesman for Acme said": the name only says whose spokesman;
/// "Chief Jo Roe with the Acme Police said": the person before it speaks.
fn before_of_phrase<'a>(t: &[Tok<'a>], lo: usize, p: usize) -> Who<'a> {
    let mut h = p;
    while h > lo && is_cap(t[h - 1].word) && !is_title(t[h - 1].word) && t[h - 1].trail.is_empty() {
        h -= 1;
    }
    match name_at(t, h) {
        Some((w, end)) if h < p && end == p => {
            // "Jo Roe of the Acme Center for Studies": the organisation is
            // itself tied to the person before it.
            let k = past_article(t, lo, h);
            if k > lo + 1
                && t[k - 1].trail.is_empty()
                && is_of_phrase(t[k - 1].word)
                && w.iter().any(|x| is_org_word(x))
            {
                if let n @ Who::Name(_) = before_of_phrase(t, lo, k - 1) {
                    return n;
                }
            }
            Who::Name(w)
        }
        _ => Who::Nobody,
    }
}

/// Token `k`, or the definite article just before it ("the", "la", "le").
fn past_article(t: &[Tok], lo: usize, k: usize) -> usize {
    if k > lo && matches!(t[k - 1].word, "the" | "la" | "le") { k - 1 } else { k }
}

/// Prepositions that tie a name to an unnamed head noun before it.
fn is_of_phrase(w: &str) -> bool {
    matches!(
        w,
        "for"
            | "of"
            | "at"
            | "with"
            | "from"
            | "by"
            | "to"
            | "in"
            | "on"
            | "near"
            | "outside"
            | "close"
            | "pour"
            | "chez"
            | "representing"
            | "advising"
            | "backing"
            | "supporting"
            | "defending"
    )
}

fn is_participle(w: &str) -> bool {
    w.ends_with("ing")
}

/// "So says Gov. Jo Roe, whose …": the opening of the paragraph after a quote
/// that stands alone as its own, naming who said it.
pub fn so_says<'a>(next: &[Tok<'a>]) -> Option<Who<'a>> {
    let [so, verb, ..] = next else { return None };
    (so.word == "So" && so.trail.is_empty() && is_speech_verb(verb.word) && next.len() > 2)
        .then(|| subject_after(next, 1))
}

/// The speaker named after an inverted verb: said Jane Roe / said the Ministry / dit-il.
fn subject_after<'a>(t: &[Tok<'a>], v: usize) -> Who<'a> {
    let vw = lower(t[v].word);
    let vw = vw.as_str();
    if vw.ends_with("-il") {
        return Who::Pronoun(Gender::Male);
    }
    if vw.ends_with("-elle") {
        return Who::Pronoun(Gender::Female);
    }
    let Some(first) = t.get(v + 1) else {
        return Who::Same;
    };
    if let Some(p) = pronoun_kind(first.word) {
        return p;
    }
    let mut i = v + 1;
    let det = matches!(lower(first.word).as_str(), "the" | "le" | "la" | "l" | "les");
    if det {
        i += 1;
    }
    // "wrote the American ambassador at the time, Jo Roe": after an article, a
    // capitalised word before a role describes it.
    let named = name_at(t, i).filter(|&(_, end)| {
        !(det && t[end - 1].trail.is_empty() && t.get(end).is_some_and(|n| is_role_word(n)))
    });
    if let Some((w, end)) = named {
        if let Some(holder) = holder_after(t, end) {
            return Who::Name(holder);
        }
        // "said Roe's lawyer": someone of Roe's speaks, unnamed.
        let owner = strip_possessive(t[end - 1].word).1;
        if owner && t.get(end).is_some_and(|n| !is_cap(n.word)) {
            return Who::Nobody;
        }
        return Who::Name(w);
    }
    // "said board chair Jane Roe": a lower-case role, then the person holding it.
    let roles = t[i..].iter().take(4).take_while(|k| is_role_part(k)).count();
    if t[i..i + roles].iter().any(is_role_word)
        && let Some((w, _)) = name_at(t, i + roles)
        && is_person(&w)
    {
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
    if matches!(lower(first.word).as_str(), "on" | "in" | "at" | "to" | "during" | "mardi" | "lundi") {
        return Who::Same;
    }
    if det && let Some(g) = gendered_role(t, i).or_else(|| definite_role(t, i + role_head(&t[i..]))) {
        return g;
    }
    Who::Nobody
}

/// "The mayor was unmoved.": the role a sentence opens with, when no name
/// follows it; a he or she after such a sentence is most likely its holder.
pub fn opening_role<'a>(t: &[Tok<'a>]) -> Option<&'a str> {
    t.first().filter(|f| f.word == "The").and_then(|_| role_after_the(t))
}

/// [`opening_role`] after an introductory phrase too: "In her remarks, the
/// judge noted …".
pub fn opening_role_after_phrase<'a>(t: &[Tok<'a>]) -> Option<&'a str> {
    opening_role(t).or_else(|| {
        let intro =
            matches!(t.first()?.word, "In" | "At" | "During" | "After" | "Before" | "Later" | "Earlier");
        let comma = t.iter().take(10).position(|x| x.trail.contains(','))?;
        let rest = &t[comma + 1..];
        (intro && rest.first()?.word == "the").then(|| role_after_the(rest)).flatten()
    })
}

/// The role after a sentence's opening "the", when no name follows it.
fn role_after_the<'a>(t: &[Tok<'a>]) -> Option<&'a str> {
    let [first, rest @ ..] = t else { return None };
    if !first.trail.is_empty() {
        return None;
    }
    // "The judge noted that …": the role's head may be followed by a verb that
    // reads as one more role word, so the title is looked for back from the end.
    (1..=1 + role_head(rest)).rev().find_map(|k| {
        let next_named = t.get(k + 1).is_some_and(|n| is_cap(n.word));
        match definite_role(t, k) {
            Some(Who::Role(r)) if !next_named && is_lower_title(r) => Some(r),
            _ => None,
        }
    })
}

/// "commission's", "club's": a lower-case owner before a role.
fn is_lower_possessive(k: &Tok) -> bool {
    let (bare, poss) = strip_possessive(k.word);
    poss && k.trail.is_empty() && bare.chars().all(|c| c.is_lowercase())
}

/// Where the role words at the start of `t` end: "county engineer" in
/// "county engineer at the hearing".
fn role_head(t: &[Tok]) -> usize {
    // "the commission's chair": the role is the possessor's.
    if t.first().is_some_and(is_lower_possessive) {
        return 1 + role_head(&t[1..]);
    }
    let n = t.iter().take(3).take_while(|k| k.trail.is_empty() && is_role_word(k)).count();
    if t.get(n).is_some_and(|k| is_role_word(&Tok { trail: "", ..*k })) { n } else { n.saturating_sub(1) }
}

/// "the county engineer" with its head noun at `k`: a role someone holds,
/// behind up to three lower-case words after "the". Not the spokesman, who
/// is most often unnamed, nor a number or "the latter".
fn definite_role<'a>(t: &[Tok<'a>], k: usize) -> Option<Who<'a>> {
    let role = t.get(k)?;
    let noun = role.lead.is_empty()
        && role.word.len() > 2
        && role.word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !matches!(
            role.word,
            "two"
                | "three"
                | "four"
                | "pair"
                | "latter"
                | "former"
                | "others"
                | "other"
                | "same"
                | "first"
                | "second"
        );
    let mut j = k;
    while noun && j > 0 && k - j < 4 {
        let w = &t[j - 1];
        if !w.trail.is_empty() {
            return None;
        }
        if matches!(w.word, "the" | "The") {
            return Some(Who::Role(role.word));
        }
        if !is_role_word(w) && !is_lower_possessive(w) {
            return None;
        }
        j -= 1;
    }
    None
}

/// "the actress said", "said the businessman": a role that gives its holder's
/// gender (as [`super::gender::of_title`] reads it) stands for someone named
/// before, as he or she would.
fn gendered_role<'a>(t: &[Tok<'a>], k: usize) -> Option<Who<'a>> {
    let role = t.get(k)?;
    if k == 0 || !matches!(t[k - 1].word, "the" | "The") || !role.lead.is_empty() || is_cap(role.word) {
        return None;
    }
    // Not "the spokesman", who is most often unnamed, nor kin ("the father")
    // or a form of address ("the lady").
    if matches!(
        role.word,
        "spokesman" | "spokeswoman" | "father" | "brother" | "sister" | "lady" | "lord" | "sir" | "miss"
    ) {
        return None;
    }
    super::gender::of_title(&super::names::capitalised(role.word)).map(Who::Pronoun)
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
            if matches!(w, Who::Name(_) | Who::Pronoun(_)) {
                return Some(w);
            }
            continue;
        }
        let s = (0..v).rev().find(|&k| t[k].trail.contains([',', ';', '\u{2014}'])).map_or(0, |k| k + 1);
        let rest = t.len() - v - 1;
        if s > 0
            && v - s <= 4
            && rest <= 6
            && (is_cap(t[s].word) || pronoun_kind(t[s].word).is_some() || has(&DETERMINERS, t[s].word))
        {
            let w = subject_before(t, v, s)?;
            if matches!(w, Who::Name(_) | Who::Pronoun(_)) {
                return Some(w);
            }
        }
    }
    None
}

/// Cue in the words after the closing mark, up to the sentence's end.
pub fn tail_cue<'a>(t: &[Tok<'a>], new_sentence: bool) -> Option<Who<'a>> {
    let first = t.first()?;
    if let Some(w) = signed(t) {
        return Some(w);
    }
    if is_speech_verb(first.word) && !new_sentence {
        if is_participle(first.word) {
            return Some(Who::Clause);
        }
        return Some(subject_after(t, 0));
    }
    if matches!(lower(first.word).as_str(), "a" | "ont") && t.get(1).is_some_and(|n| is_speech_verb(n.word)) {
        return Some(subject_after(t, 1));
    }
    // "according to" before any speech verb: "…," Roe said, according to Lee
    // is Roe's.
    let reach = (0..t.len().min(8)).find(|&k| is_speech_verb(t[k].word)).unwrap_or(8);
    if !new_sentence && let Some(w) = according_to(t, reach) {
        return Some(w);
    }
    if let Some(w) = as_source_put_it(t) {
        return Some(w);
    }
    let subjectish = is_cap(first.word)
        || is_generic(first.word)
        || pronoun_kind(first.word).is_some()
        || has(&DETERMINERS, first.word);
    let window = if new_sentence { 4 } else { 30 };
    let v = (0..t.len().min(window)).find(|&k| is_speech_verb(t[k].word))?;
    if !(subjectish || role_then_name(t, v)) || first.lead.contains(['(', '[']) {
        return None;
    }
    // Conjunctions inside an apposition ("Roe, wearing a hat and pins, said")
    // do not open a new clause.
    let scope = if v > 0 { past_apposition(t, 0, v).unwrap_or(v) } else { v };
    let two_verbs = v >= 2 && scope == v && second_verb_subject(t, 0, v - 1).is_some();
    let scope = if two_verbs { v - 1 } else { scope };
    if (0..scope).any(|k| {
        matches!(
            lower(t[k].word).as_str(),
            "that" | "and" | "but" | "which" | "when" | "if" | "because" | "while"
        )
    }) {
        return None;
    }
    subject_before(t, v, 0)
}

/// "“…” — Jo Roe": a dash, then the name that signs the quote, and at most
/// a description after a comma.
fn signed<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    let dashed = |s: &str| s.chars().next().is_some_and(is_dash);
    if !(dashed(t[0].lead) || dashed(t[0].word)) {
        return None;
    }
    // The dash may stand as a word of its own, or lead the name's first.
    let k = usize::from(t[0].word.chars().all(is_dash));
    let (w, end) = name_at(t, k)?;
    let closes = end == t.len() || t[end - 1].trail.starts_with(',');
    (closes && is_person(&w)).then_some(Who::Name(w))
}

/// "“…,” as the Gazette reported" / "as Roe put it": the source named in an as-clause.
fn as_source_put_it<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    if t.first()?.word != "as" {
        return None;
    }
    let v = (2..t.len().min(7)).find(|&k| {
        is_speech_verb(t[k].word) || t[k].word == "put" && t.get(k + 1).is_some_and(|n| n.word == "it")
    })?;
    if t[1..v].iter().any(|k| !k.trail.is_empty() && k.trail != "'s") {
        return None;
    }
    match subject_before(t, v, 1)? {
        w @ (Who::Name(_) | Who::Pronoun(_)) => Some(w),
        _ => None,
    }
}

/// Cue in the words before the opening mark, back to the sentence's start.
/// A full-sentence quote must follow its verb closely ("Roe said on Monday:");
/// a partial quote may sit anywhere in the verb's clause.
pub fn head_cue<'a>(t: &[Tok<'a>], partial: bool) -> Option<Who<'a>> {
    if t.is_empty() {
        return None;
    }
    // "Roe said in an opinion piece before the hearing, “…”": a phrase closed
    // by a comma or colon may run longer between the verb and the quote.
    let introduces = t.last().is_some_and(|l| l.trail.ends_with([',', ':']));
    let reach = if partial {
        t.len()
    } else if introduces {
        13
    } else {
        7
    };
    let lo = t.len().saturating_sub(reach);
    if let Some(v) =
        (lo..t.len()).rev().find(|&k| is_speech_verb(t[k].word) || partial && is_framing_verb(t[k].word))
    {
        return Some(verb_subject(t, v));
    }
    according_to(t, t.len()).or_else(|| colon_head(t))
}

/// Who speaks through the speech verb at `v` of a head cue: "Roe said:",
/// "Roe told reporters that", "said Roe,".
fn verb_subject<'a>(t: &[Tok<'a>], v: usize) -> Who<'a> {
    if let Some(heard) = heard_speaking(t, v) {
        return heard;
    }
    let w = subject_before(t, v, 0);
    if w == Some(Who::Clause) {
        // "Roe wrote on Monday, adding that …": the finite verb before names the subject.
        let earlier = (0..v)
            .rev()
            .filter(|&k| is_speech_verb(t[k].word) && !is_participle(t[k].word))
            .find_map(|k| subject_before(t, k, 0))
            .filter(|e| matches!(e, Who::Name(_) | Who::Pronoun(_)));
        if let Some(e) = earlier {
            return e;
        }
    }
    match w {
        Some(w) => w,
        None if is_participle(t[v].word) => Who::Clause,
        None => subject_after(t, v),
    }
}

/// "Roe recalled her father telling her:", "quoted Lee as saying": the one
/// remembered or quoted speaks through the participle at `v`, not the subject.
fn heard_speaking<'a>(t: &[Tok<'a>], v: usize) -> Option<Who<'a>> {
    if !is_participle(t[v].word) {
        return None;
    }
    let p = (v.saturating_sub(6)..v).rev().take_while(|&k| t[k].trail.is_empty()).find(|&k| {
        matches!(
            t[k].word,
            "recalled"
                | "recalls"
                | "remembered"
                | "remembers"
                | "heard"
                | "hears"
                | "overheard"
                | "quoted"
                | "quotes"
                | "quoting"
                | "recounted"
        )
    })?;
    let np = &t[p + 1..v - usize::from(t[v - 1].word == "as")];
    // "recalled him saying": someone other than the subject, whom the rules
    // cannot tell from the subject by gender alone.
    let named = np.iter().position(|k| is_cap(k.word)).and_then(|i| name_at(np, i));
    (!np.is_empty()).then(|| named.map_or(Who::Nobody, |(w, _)| Who::Name(w)))
}

/// A head ending in a colon with no speech verb: "Jane Roe: “…”" in interviews
/// and live coverage, or "Roe echoed the point:" where the clause's subject speaks.
fn colon_head<'a>(t: &[Tok<'a>]) -> Option<Who<'a>> {
    if !t.last()?.trail.ends_with(':') {
        return None;
    }
    let s = (0..t.len()).rev().take_while(|&k| k + 1 == t.len() || t[k].trail.is_empty()).last()?;
    if let Some((w, end)) = name_at(t, s)
        && end == t.len()
    {
        return Some(Who::Name(w));
    }
    let k = usize::from(t.len() > 1 && matches!(t[0].word, "But" | "And" | "Yet" | "So" | "Then"));
    if let Some(p) = pronoun_kind(t[k].word) {
        return Some(p);
    }
    if let Some((w, end)) = name_at(t, k).or_else(|| after_role(t, k))
        && end < t.len()
        && !is_cap(t[end].word)
        && t[end - 1].trail.is_empty()
    {
        return Some(Who::Name(w));
    }
    None
}

mod apposition;
mod clause;
mod roles;
mod unnamed;
pub use unnamed::unnamed_subject;
#[cfg(test)]
mod tests;
