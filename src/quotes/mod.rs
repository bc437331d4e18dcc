//! Direct-quote extraction for news articles: public API and the pass that ties marks, cues and names together.

mod attribution;
mod blocks;
mod cues;
mod facts;
mod gender;
mod lexicon;
mod marks;
mod model;
mod names;
mod not_quotes;
pub mod overrides;
mod pullquote;
mod registry;
pub mod review;
mod role_holder;

use attribution::Route;
pub use attribution::{Candidate, FEATURES};
use cues::{Who, head_cue, tail_cue};
use gender::Gender;
use names::{Tok, ends_sentence, first_sentence, is_cap, is_org_word, join, last_sentence};
use pulldown_cmark::Options;
use registry::{Registry, register_names};

pub use blocks::blocks;
pub use overrides::Overrides;
pub use pullquote::choose_pullquotes;

/// A common first name standing alone ("his daughter, Susan"): a person only
/// within the article that introduces them.
pub fn is_bare_first_name(name: &str) -> bool {
    !name.contains(' ') && gender::is_lone_first_name(name)
}

/// Parser options the whole site uses, so block indices agree with rendering.
pub fn md_options() -> Options {
    crate::markdown::options()
}

/// The same options as a value, for callers that want a constant.
pub const MD_OPTIONS: fn() -> Options = md_options;

/// A direct quotation found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words without the marks, trimmed, one trailing comma dropped.
    pub text: String,
    /// Fullest name the article gives; `None` when nobody is named.
    pub speaker: Option<String>,
    /// Embedded in the writer's sentence: he called it “a betrayal of trust”.
    pub partial: bool,
    /// 0-based index of the text block (see [`blocks`]) where the quote starts.
    pub block: usize,
    /// The attribution model's best speaker, shown or not: `speaker` is this
    /// when `confidence` reaches the site's threshold, else `None`.
    pub guess: Option<String>,
    /// Estimated probability, 0 to 1, that `guess` is the person who spoke.
    pub confidence: f32,
}

/// Default least confidence for a speaker to be printed (see [`Quote::confidence`]).
pub const MIN_CONFIDENCE: f32 = model::THRESHOLD;

/// Shows each quote's guessed speaker only when its confidence reaches `min`.
pub fn apply_threshold(quotes: &mut [Quote], min: f32) {
    for q in quotes {
        q.speaker = if q.confidence >= min { q.guess.clone() } else { None };
    }
}

/// Bodies longer than this (in bytes) are not searched for quotes.
pub use crate::content::MAX_QUOTED_BODY as MAX_BODY;

/// Finds every direct quote with its speaker in one article's text blocks.
pub fn extract(blocks: &[String]) -> Vec<Quote> {
    scan(blocks).into_iter().map(|(q, _)| q).collect()
}

/// Every quote with the candidates the model chose its speaker from, for
/// training the model (`examples/quote_features.rs`).
#[doc(hidden)]
pub fn extract_with_candidates(blocks: &[String]) -> Vec<(Quote, Vec<Candidate>)> {
    scan(blocks)
}

fn scan(blocks: &[String]) -> Vec<(Quote, Vec<Candidate>)> {
    let mut spans = marks::by_paragraph(marks::scan(blocks), blocks);
    spans.retain(|s| !nickname(blocks, s));
    if spans.is_empty() {
        // No quote marks, nothing to attribute: spare the name scan.
        return Vec::new();
    }
    let parts = spans.iter().flat_map(|s| s.parts.iter().map(|p| (p.block, p.start, p.end)));
    let facts = facts::Facts::of(blocks);
    let mut reg = register_names(blocks, parts, |b| facts.false_capitals(b));
    let mut out: Vec<(Quote, Vec<Candidate>)> = Vec::new();
    // The last kept quote: (block it ends in, speaker), for quotes with no cue of their own.
    let mut prev = Previous::default();
    let mut last_kept = None;
    for si in 0..spans.len() {
        let Some(mut found) = read_quote(blocks, &spans, si, (&mut reg, &facts), &mut prev) else { continue };
        // The paragraphs of one quotation share its speaker: its words run on
        // with no new mark of who is talking.
        if spans[si].continued
            && last_kept.is_some_and(|k| k + 1 == si)
            && let Some((q, _)) = out.last()
        {
            (found.0.speaker, found.0.guess, found.0.confidence) =
                (q.speaker.clone(), q.guess.clone(), q.confidence);
        }
        last_kept = Some(si);
        out.push(found);
    }
    out
}

/// A name in quote marks that stands as a subject: “Perry” told me, a man
/// who gave his name only as “Perry”. It is read as a name, not as words.
/// So is one inside a name: Jake “Tommo” Thompson.
fn nickname(blocks: &[String], s: &marks::Span) -> bool {
    let [p] = s.parts[..] else { return false };
    let b = &blocks[p.block];
    let word = &b[p.start..p.end];
    let next = b[s.after..].split_whitespace().next().unwrap_or("");
    let alone = is_cap(word)
        && word.chars().all(char::is_alphabetic)
        && !names::is_stop(word)
        && (next.starts_with(|c: char| c.is_lowercase()) || next.is_empty());
    alone || names::nickname_within(word, b[..s.open].split_whitespace().next_back().unwrap_or(""), next)
}

/// The sentence around one quote: what comes before the opening mark and after the closing one.
struct Around<'a> {
    head: Vec<Tok<'a>>,
    tail: Vec<Tok<'a>>,
}

/// A title in quote marks inside the sentence ("a contestant on “The
/// Apprentice,” who …"): one that does not end the sentence before the next
/// quote, as a quote would.
fn names_a_work(block: &str, s: &marks::Span) -> bool {
    let [p] = s.parts[..] else { return false };
    block.get(p.start..p.end).is_some_and(|text| {
        not_quotes::title_case_run(text) && !text.trim_end_matches(',').ends_with(['.', '!', '?'])
    })
}

fn around<'a>(blocks: &'a [String], spans: &[marks::Span], si: usize) -> Around<'a> {
    let span = &spans[si];
    let (first, last) = (span.parts[0], span.parts[span.parts.len() - 1]);
    let b0 = &blocks[first.block];
    // Placards reading “…” and “…”: the head of a list's first item is every item's.
    let mut next = span.open;
    let lo = spans[..si]
        .iter()
        .rev()
        .filter(|s| s.parts.last().is_some_and(|p| p.block == first.block))
        .find(|s| {
            let listed = b0
                .get(s.after..next)
                .is_some_and(|gap| matches!(gap.trim(), "and" | "or" | "," | ", and" | ", or"));
            next = s.open;
            !listed && !names_a_work(b0, s)
        })
        .map_or(0, |s| s.after.min(span.open));
    // "Roe, a farmer, said that given the field:" then the quote as a
    // paragraph of its own: the sentence before the colon is its head.
    let intro = (first.block > 0 && b0[..span.open].trim().is_empty())
        .then(|| blocks[first.block - 1].trim_end())
        .filter(|prev| prev.ends_with(':'))
        .map(last_sentence);
    let head = intro.unwrap_or_else(|| last_sentence(&b0[lo..span.open]));
    let b1 = &blocks[last.block];
    let hi = spans
        .get(si + 1)
        .filter(|s| s.parts[0].block == last.block && s.open >= span.after)
        .map_or(b1.len(), |s| s.open);
    let rest = &b1[span.after.min(hi)..hi];
    // “…”. Roe replied: “…” – the sentence ends at the mark; what follows
    // is the next one's.
    let tail = if rest.starts_with(['.', '!', '?']) { Vec::new() } else { first_sentence(rest) };
    Around { head, tail }
}

fn find_cue<'a>(text: &str, head: &[Tok<'a>], tail: &[Tok<'a>], partial: bool) -> Option<Who<'a>> {
    if text.ends_with('.') || text.ends_with('\u{2026}') {
        return head_cue(head, partial).or_else(|| tail_cue(tail, true));
    }
    match (tail_cue(tail, false), head_cue(head, partial)) {
        (Some(c), _) => Some(c),
        // "Growth suggests “…” in the west, Roe said": an inanimate subject
        // before the quote gives way to the person named after it.
        (None, Some(h @ (Who::Nobody | Who::Role(_)))) => cues::closing_cue(tail).or(Some(h)),
        (None, h) => h.or_else(|| cues::closing_cue(tail)),
    }
}

fn read_quote<'b>(
    blocks: &'b [String],
    spans: &[marks::Span],
    si: usize,
    (reg, facts): (&mut Registry, &facts::Facts<'b>),
    prev: &mut Previous,
) -> Option<(Quote, Vec<Candidate>)> {
    let span = &spans[si];
    let (first, last) = (span.parts[0], span.parts[span.parts.len() - 1]);
    let text = quote_text(blocks, span);
    if text.is_empty() {
        return None;
    }
    let Around { head, tail } = around(blocks, spans, si);
    let partial = is_partial(&text, &head);
    let cue = find_cue(&text, &head, &tail, partial).or_else(|| named_next(blocks, span));
    let ctx = context(blocks, span, (&text, &head, &tail), partial, cue.is_some());
    if !worth_keeping(&text, &ctx) || not_quotes::is_scare_quote(&text, ctx.cue) {
        return None;
    }
    let at = (first.block, span.open);
    let carried = carried_speaker(blocks, prev, first.block, cue.is_some(), head.len());
    // Only for naming: a cue borrowed from the next quote does not make this one speech.
    let cue = cue.or_else(|| borrowed_cue(&blocks[last.block], spans, si, last.block, (&text, &tail)));
    let before = &blocks[first.block][..span.open];
    // The whole sentence before the quote, in its paragraph: only a he/she
    // cue asks about it, so only then is the paragraph tokenised.
    let mut before_toks = Vec::new();
    if matches!(cue, Some(Who::Pronoun(_))) {
        names::tokens_into(before, &mut before_toks);
    }
    let prior = sentence_before(&before_toks);
    // A sentence before the quote in its paragraph whose subject is named
    // ("Teresa, overhearing, rolled her eyes.") stands nearer than anyone
    // the paragraph before described.
    let described = |g| match prior.is_some_and(|s| matches!(cues::sentence_subject(s), Some(Who::Name(_)))) {
        true => cues::unnamed_subject(&[before], g),
        false => cues::unnamed_subject(&[earlier_block(blocks, first.block), before], g),
    };
    let cue = cue.map(|c| match c {
        // "His daughter has seen it. “…,” she said": the he/she is most likely
        // the person just described, whom the article does not name here.
        Who::Pronoun(g) if described(g) => Who::Nobody,
        c => c,
    });
    // "Her daughter, overhearing, laughs. “…”": an uncued quote after a sentence
    // about an unnamed person, opening its paragraph, is theirs, not the last
    // speaker's.
    let about_unnamed = |g| !before.contains(['\u{201c}', '"']) && cues::unnamed_subject(&[before], g);
    let cue = match cue {
        None if about_unnamed(Gender::Female) || about_unnamed(Gender::Male) => Some(Who::Nobody),
        Some(Who::Role(r)) => {
            Some(role_holder::holder(blocks, facts, at, r).map_or(Who::Nobody, Who::Holder))
        }
        Some(Who::Pronoun(g)) => {
            Some(role_subject((reg, facts), blocks, (prior, before), at, g).unwrap_or(Who::Pronoun(g)))
        }
        c => c,
    };
    // "Mr Roe said": the honorific tells the speaker's gender where the
    // surname's other bearers leave it open.
    let honorific = match &cue {
        Some(Who::Name(w)) => facts.honorific_before(w[0]),
        _ => None,
    };
    let (mut speaker, mut route, pronoun) =
        rule_speaker((reg, facts), cue, before, at, &head, carried.clone());
    let disputed = pronoun.filter(|_| route == Route::Pronoun).is_some_and(|g| {
        subject_before((reg, facts), prior, at, g).is_some_and(|s| speaker.as_ref() != Some(&s))
    });
    if let Some(g) = pronoun.filter(|_| prev.asked && route == Route::Pronoun && is_reply(&tail)) {
        let asker = prev.speaker.as_ref().and_then(|(_, s)| s.as_deref()).unwrap_or("");
        if speaker.as_deref() == Some(asker) {
            let start = pronoun_at(before, at, g);
            // A witness answers through a run of questions: look further back.
            speaker = reg.last_person_but(start, at.0.saturating_sub(6), g, Some(asker)).map(|w| w.join(" "));
            // The one who answers is nobody named near: better no name than the asker's.
            if speaker.is_none() {
                route = Route::Nobody;
            }
        }
    }
    if let Some(s) = &speaker {
        let w: Vec<&str> = s.split(' ').collect();
        reg.add(at, &w, honorific.or(pronoun));
    }
    let replied_to =
        prev.speaker.as_ref().and_then(|(_, s)| s.clone()).filter(|_| prev.asked && is_reply(&tail));
    let since = std::mem::replace(&mut prev.end, (last.block, span.after));
    prev.replied_to = replied_to;
    prev.asked = text.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}']).ends_with('?');
    prev.speaker = Some((last.block, speaker.clone()));
    // A chain of carried quotes is as sure as the cue that started it.
    let carried_by_pronoun = prev.by_pronoun;
    if route != Route::Carried {
        prev.by_pronoun = pronoun.filter(|_| route == Route::Pronoun);
    }
    let scene = attribution::Scene {
        text: &text,
        head: &head,
        tail: &tail,
        at,
        route,
        rule: speaker.as_deref(),
        carried: carried.as_deref(),
        carried_by_pronoun,
        pronoun,
        partial,
        facts,
        since,
        disputed,
    };
    let cands = attribution::candidates(reg, &scene);
    let (guess, confidence) = match model::best(&cands) {
        Some((c, p)) => (Some(c.name.clone()), p),
        None => (None, 0.0),
    };
    let shown = if confidence >= MIN_CONFIDENCE { guess.clone() } else { None };
    Some((Quote { text, speaker: shown, partial, block: first.block, guess, confidence }, cands))
}

/// What decides whether quoted text is a quote at all.
fn context(
    blocks: &[String],
    span: &marks::Span,
    (text, head, tail): (&str, &[Tok], &[Tok]),
    partial: bool,
    cue: bool,
) -> Context {
    let last = span.parts[span.parts.len() - 1];
    Context {
        partial,
        cue,
        closed: span.closed,
        punctuated: blocks[last.block][last.start..last.end]
            .trim_end()
            .ends_with([',', '.', '!', '?', ';', ':', '\u{2026}']),
        names_it: names_what_follows(head)
            || listed_after_one_named(head)
            || not_quotes::names_something(text, head, tail),
    }
}

/// The quote read before this one.
#[derive(Default)]
struct Previous {
    /// The block it ends in, and its speaker by the rules.
    speaker: Option<(usize, Option<String>)>,
    /// Where it ends: (block, byte offset).
    end: (usize, usize),
    /// The gender of the he/she its speaker was read off, itself or through
    /// the quotes it carries on.
    by_pronoun: Option<Gender>,
    /// It was a question.
    asked: bool,
    /// It replied ("Doe replied") to a question of this speaker's.
    replied_to: Option<String>,
}

/// "“…,” she replied": the cue after the quote answers the one before it.
fn is_reply(tail: &[Tok]) -> bool {
    tail.iter()
        .take(3)
        .any(|t| matches!(t.word, "replied" | "answered" | "responded" | "retorted" | "replies" | "answers"))
}

/// The previous speaker, when this quote follows closely enough to be theirs.
fn carried_speaker(
    blocks: &[String],
    prev: &Previous,
    block: usize,
    cued: bool,
    head_len: usize,
) -> Option<String> {
    // "“You don't know who did it?” Roe asked. ¶ “I know whose log-in it
    // was,” Doe replied. ¶ “That's not what I asked.”": after a reply, an
    // uncued paragraph goes back to the one who asked.
    if let Some(asker) = &prev.replied_to
        && !cued
        && head_len < 3
        && prev.speaker.as_ref().is_some_and(|(b, _)| *b + 1 == block)
    {
        return Some(asker.clone());
    }
    prev.speaker
        .as_ref()
        .filter(|(b, _)| {
            // Uncued words inside the writer's sentence in a new paragraph ("Outrage
            // spread – “…,” one post read") are not the last speaker going on; nor
            // is an uncued answer to a question ("“Then why …?” asked Jo Roe. ¶
            // “You would have to ask them.”").
            *b == block || cued || head_len < 3 && !prev.asked
        })
        // Pictures, captions and link lines between two paragraphs of one speaker's
        // words do not interrupt them.
        .filter(|(b, _)| {
            *b + 1 >= block || *b + 4 >= block && blocks[*b + 1..block].iter().all(|x| is_filler(x))
        })
        .and_then(|(_, s)| s.clone())
}

/// "The mayor was unmoved. “…,” she said.": a he or she after a sentence
/// opening with a role, in the quote's paragraph, is that role's holder when
/// the article named a person holding it who may be of that gender.
/// `prior` is the whole sentence before the quote in its paragraph; a quote
/// that opens its paragraph asks the paragraph before ([`role_holder::role_before`]).
fn role_subject<'b>(
    (reg, facts): (&Registry, &facts::Facts),
    blocks: &'b [String],
    (prior, before): (Option<&[Tok]>, &str),
    at: (usize, usize),
    g: Gender,
) -> Option<Who<'b>> {
    let role = match prior {
        Some(p) => cues::opening_role(p)?,
        None if before.trim().is_empty() => role_holder::role_before(earlier_block(blocks, at.0), g)?,
        None => return None,
    };
    let w = role_holder::holder(blocks, facts, at, role)?;
    let full = reg.fullest_of(&w, at, Some(g));
    agrees(reg, &full, g).then_some(Who::Holder(w))
}

/// The last whole sentence before the one the quote opens in, of the
/// tokens of its paragraph up to the quote.
fn sentence_before<'t, 'a>(t: &'t [Tok<'a>]) -> Option<&'t [Tok<'a>]> {
    let open = match t.last() {
        Some(l) if ends_sentence(l) => t.len(),
        _ => t.iter().rposition(ends_sentence)? + 1,
    };
    let start = t[..open - 1].iter().rposition(ends_sentence).map_or(0, |i| i + 1);
    Some(&t[start..open])
}

/// A person the article may mean by a he or she of gender `g`.
fn agrees(reg: &Registry, full: &[String], g: Gender) -> bool {
    let fw: Vec<&str> = full.iter().map(String::as_str).collect();
    registry::is_person(&fw) && reg.gender_of(full).is_none_or(|h| h == g)
}

/// "Ortiz said Haddad's case was common. “…,” she said.": the subject of the
/// sentence before, in the quote's paragraph, whom a he or she after it may
/// mean over the latest name. Hand-labelled news mostly means the subject and
/// PolNeAR's machine-resolved labels the latest, so the rules keep the latest
/// and a disagreement only lowers the model's confidence (`rule_disputed`).
fn subject_before(
    (reg, facts): (&Registry, &facts::Facts),
    prior: Option<&[Tok]>,
    at: (usize, usize),
    g: Gender,
) -> Option<String> {
    let Some(Who::Name(w)) = cues::sentence_subject(prior?) else { return None };
    if facts.told_apart_by_age(w[0]).is_some() {
        return None;
    }
    let full = reg.fullest_of(&w, at, Some(g));
    agrees(reg, &full, g).then(|| join(&full.iter().map(String::as_str).collect::<Vec<_>>(), false))
}

/// What the rules alone make of a cue: the speaker, how they were reached, and
/// the gender a pronoun cue asks for.
/// `before` is the quote's block up to its opening mark.
fn rule_speaker(
    (reg, facts): (&Registry, &facts::Facts),
    cue: Option<Who>,
    before: &str,
    at: (usize, usize),
    head: &[Tok],
    carried: Option<String>,
) -> (Option<String>, Route, Option<Gender>) {
    // A name read off the head's own words, wherever the head was taken from.
    let span = head
        .first()
        .zip(head.last())
        .map(|(f, l)| f.word.as_ptr() as usize..l.word.as_ptr() as usize + l.word.len());
    let in_head = |w: &[&str]| span.as_ref().is_some_and(|r| r.contains(&(w[0].as_ptr() as usize)));
    let carry = |c: Option<String>| {
        let r = if c.is_some() { Route::Carried } else { Route::NoCue };
        (c, r, None)
    };
    match cue {
        Some(Who::Name(w)) => {
            let r = if in_head(&w) { Route::HeadName } else { Route::TailName };
            (resolve_name((reg, facts), &w, at), r, None)
        }
        Some(Who::Pronoun(g)) => {
            let start = pronoun_at(before, at, g);
            (reg.last_person(start, at.0.saturating_sub(3), g).map(|w| w.join(" ")), Route::Pronoun, Some(g))
        }
        Some(Who::Nobody | Who::Role(_)) => (None, Route::Nobody, None),
        Some(Who::Holder(w)) => (resolve_name((reg, facts), &w, at), Route::Role, None),
        Some(Who::Clause) => {
            // The sentence running up to the quote, which may start before earlier quotes.
            let sent = last_sentence(before);
            // "he" opening the sentence points before it, not at a name in its object.
            let start =
                sent.first().map_or(at, |t| (at.0, t.word.as_ptr() as usize - before.as_ptr() as usize));
            match cues::sentence_subject(&sent) {
                Some(Who::Name(w)) => (resolve_name((reg, facts), &w, at), Route::Clause, None),
                Some(Who::Pronoun(g)) => (
                    reg.last_person(start, at.0.saturating_sub(3), g).map(|w| w.join(" ")),
                    Route::Clause,
                    Some(g),
                ),
                _ => carry(carried),
            }
        }
        Some(Who::Same) | None => carry(carried),
    }
}

/// Where a he/she cue before the quote stands ("but he said Roe's plan “…”"): a
/// name between it and the quote is part of what was said, not whom it means.
/// A cue after the quote, or none found, leaves the quote's own position.
fn pronoun_at(before: &str, at: (usize, usize), g: Gender) -> (usize, usize) {
    let sent = last_sentence(before);
    sent.iter()
        .rev()
        .find(|t| cues::pronoun_kind(t.word) == Some(Who::Pronoun(g)))
        .map_or(at, |t| (at.0, t.word.as_ptr() as usize - before.as_ptr() as usize))
}

/// “A” and “B,” Roe said: a quote running on into the next one in the same sentence
/// shares the cue after that one.
/// [`shared_cue`], for a quote whose sentence runs on past it unfinished.
fn borrowed_cue<'a>(
    block: &'a str,
    spans: &[marks::Span],
    si: usize,
    bi: usize,
    (text, tail): (&str, &[Tok<'_>]),
) -> Option<Who<'a>> {
    let runs_on =
        !tail.is_empty() && !tail.iter().any(ends_sentence) && !text.ends_with(['.', '!', '?', '\u{2026}']);
    runs_on.then(|| shared_cue(block, spans, si, bi)).flatten()
}

fn shared_cue<'a>(block: &'a str, spans: &[marks::Span], si: usize, bi: usize) -> Option<Who<'a>> {
    let next = spans.get(si + 1)?;
    if next.parts.len() != 1 || next.parts[0].block != bi {
        return None;
    }
    let hi = spans
        .get(si + 2)
        .filter(|s| s.parts[0].block == bi && s.open >= next.after)
        .map_or(block.len(), |s| s.open);
    let t = &first_sentence(&block[next.after.min(hi)..hi])[..];
    match tail_cue(t, false).or_else(|| cues::closing_cue(t)) {
        Some(w @ (Who::Name(_) | Who::Pronoun(_))) => Some(w),
        _ => None,
    }
}

fn earlier_block(blocks: &[String], b: usize) -> &str {
    b.checked_sub(1).map_or("", |k| blocks[k].as_str())
}

/// A quote that is its paragraph whole, owned by the next one ("So says …").
fn named_next<'a>(blocks: &'a [String], span: &marks::Span) -> Option<Who<'a>> {
    let (first, last) = (span.parts[0], span.parts[span.parts.len() - 1]);
    let alone = blocks[first.block][..span.open].trim().is_empty()
        && blocks[last.block][span.after..].trim().is_empty();
    alone.then(|| cues::so_says(&first_sentence(blocks.get(last.block + 1)?))).flatten()
}

/// A block that is not narrative prose: an image, or a caption or link with no full stop.
fn is_filler(block: &str) -> bool {
    !block
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', ')', ']'])
        .ends_with(['.', '!', '?', ':', '\u{2026}'])
}

fn quote_text(blocks: &[String], span: &marks::Span) -> String {
    let mut text = String::new();
    for p in &span.parts {
        let piece = blocks[p.block][p.start..p.end].trim_matches(|c: char| c.is_whitespace());
        if piece.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(piece);
    }
    if text.ends_with(',') {
        text.pop();
        let t = text.trim_end().len();
        text.truncate(t);
    }
    text
}

/// Embedded in the writer's sentence rather than standing as the speaker's own sentence.
fn is_partial(text: &str, head: &[Tok]) -> bool {
    // The verb of a split quote's cue sits right before the second half; one further
    // back belongs to a clause the quote only finishes.
    let spoken_before = head.last().is_some_and(|t| t.trail.contains(','))
        && head.iter().rev().take(if head.len() <= 8 { 8 } else { 4 }).any(|t| names::is_speech_verb(t.word));
    if text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase) {
        // The second half of a split quote: “The kettle,” he said, “was fine.”
        return !spoken_before;
    }
    head.last().is_some_and(|t| {
        !t.trail.contains([':', ',', '\u{2014}', '\u{2013}']) && !names::is_speech_verb(t.word)
    }) && !text.ends_with(['.', '!', '?'])
}

/// "the word “…”", "a placard that read “…”": what follows is named or
/// displayed, not said.
fn names_what_follows(head: &[Tok]) -> bool {
    head.last().is_some_and(|t| matches!(t.trail, "" | ":") && lexicon::has(&lexicon::NAMING_WORD, t.word))
        || displays_it(head)
        || calls_it(head)
}

/// "what locals have taken to calling “the paper burn”", "what some call the
/// “…”": a name for a thing. When a person calls it so ("what he calls the
/// “Washington cartel”", "which Roe called a “disaster”"), the words are theirs.
fn calls_it(head: &[Tok]) -> bool {
    let n = head.len();
    let end = n - usize::from(n > 0 && matches!(head[n - 1].word, "the" | "a" | "an"));
    let Some(v) = end.checked_sub(1).map(|k| &head[k]) else {
        return false;
    };
    if !(head[end - 1..n].iter().all(|t| t.trail.is_empty())
        && matches!(v.word, "calling" | "calls" | "call" | "called"))
    {
        return false;
    }
    let who = head[..end - 1].iter().rev().find(|t| {
        !(t.word.ends_with("ly")
            || matches!(
                t.word,
                "had" | "has" | "have" | "are" | "were" | "is" | "was" | "to" | "on" | "taken" | "insist"
            ))
    });
    who.is_some_and(|t| {
        !is_cap(t.word)
            && !matches!(t.word, "he" | "she" | "they" | "we" | "you" | "who" | "whom" | "I")
            && t.trail.is_empty()
    })
}

/// A later item of a list of quotes whose first is named or displayed
/// (placards reading “…”, “…” and “…”).
fn listed_after_one_named(head: &[Tok]) -> bool {
    // "… a banner reading “…”, and one fan shouted, “…”": a speech verb starts speech anew.
    let joined = head.last().is_some_and(|t| {
        (matches!(t.word, "and" | "or") || t.trail.ends_with(',')) && !names::is_speech_verb(t.word)
    });
    joined
        && head
            .iter()
            .enumerate()
            .any(|(i, t)| i > 0 && t.lead.contains(['"', '\u{201c}']) && names_what_follows(&head[..i]))
}

/// "a placard that read “…”", "T-shirts saying “…”": words on display, which are
/// signs and slogans rather than anyone's speech.
fn displays_it(head: &[Tok]) -> bool {
    let n = head.len();
    n >= 2
        && matches!(head[n - 1].word, "read" | "reads" | "reading" | "saying" | "said" | "bore" | "bearing")
        && head[n.saturating_sub(7)..n - 1].iter().any(|t| {
            matches!(
                lexicon::Folded::new(t.word).as_str(),
                "sign"
                    | "signs"
                    | "placard"
                    | "placards"
                    | "banner"
                    | "banners"
                    | "poster"
                    | "posters"
                    | "billboard"
                    | "billboards"
                    | "shirt"
                    | "shirts"
                    | "t-shirt"
                    | "t-shirts"
                    | "button"
                    | "buttons"
                    | "badge"
                    | "badges"
                    | "sticker"
                    | "stickers"
                    | "flag"
                    | "flags"
            )
        })
}

/// What surrounds a quote, for telling speech from scare quotes, names and titles.
struct Context {
    partial: bool,
    cue: bool,
    closed: bool,
    /// The words inside the marks end in punctuation ("Yes," / "Go.").
    punctuated: bool,
    /// Right after "the book", "dubbed", "signs": a title, nickname or slogan.
    names_it: bool,
}

/// Scare quotes, labels and titles are short and have nobody speaking around them.
fn worth_keeping(text: &str, c: &Context) -> bool {
    let words = text.split_whitespace().count();
    if !c.closed && words < 6 || c.names_it {
        return false;
    }
    let title_case = text.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
            || matches!(w, "of" | "the" | "a" | "and" | "in" | "on" | "for" | "to" | "de" | "la" | "le")
    });
    // A bare "Perry" or “Main Street” is a name even when a speech verb follows.
    if title_case && words <= 3 && !c.punctuated {
        return false;
    }
    if c.cue {
        return true;
    }
    if title_case && !text.ends_with(['.', '!', '?']) {
        return false;
    }
    let shouted = !text.chars().any(char::is_lowercase);
    if shouted && words <= 5 {
        // Acronyms and placards reading “NO MORE”: labels, not speech.
        return false;
    }
    if c.partial { words >= 4 } else { words >= 3 || text.ends_with(['.', '!', '?']) }
}

/// The fullest form of a cue's name; an honorific before it ("said Mrs. Roe")
/// keeps it to a person of that gender.
fn resolve_name((reg, facts): (&Registry, &facts::Facts), w: &[&str], at: (usize, usize)) -> Option<String> {
    let title = facts.title_before(w[0]);
    let honorific = title.and_then(gender::of_title);
    let full = match facts.told_apart_by_age(w[0]) {
        Some(elder) => reg.by_age(w, at, elder, honorific)?,
        None => reg.fullest_titled(w, at, honorific, title),
    };
    if full.len() == 1 && (is_org_word(&full[0]) || !is_cap(&full[0])) {
        // "the Ministry said" with no fuller name anywhere: naming it would guess.
        return None;
    }
    let words: Vec<&str> = full.iter().map(String::as_str).collect();
    Some(join(&words, false))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod family_tests;

/// The quotes of one Markdown file (front matter, if any, is skipped), read
/// with the same parse the site build uses.
pub fn of_file(path: &std::path::Path) -> crate::Result<Vec<Quote>> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let body = crate::content::split(text).map_or(text, |s| s.body);
    Ok(extract(&blocks(body)))
}
