//! Every name the article uses, where it stands and what gender it shows, for resolving
//! later surnames and pronouns to the fullest name.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gender::{self, Gender};
use super::names::{
    Tok, blocks_antecedent, core, ends_sentence, is_cap, is_connector, is_org_word, is_speech_verb, is_stop,
    is_title, more_chars_than, name_at, name_at_into, particle_lowered, strip_possessive, tokens_into,
    verb_near,
};

pub fn is_person(words: &[&str]) -> bool {
    // Place names read like first-name surname pairs; their first words give them away.
    let place = matches!(
        words.first().copied(),
        Some(
            "United"
                | "New"
                | "North"
                | "South"
                | "East"
                | "West"
                | "San"
                | "Los"
                | "Las"
                | "Saint"
                | "St"
                | "Fort"
                | "Lake"
                | "Mount"
                | "Port"
                | "Upper"
                | "Lower"
                | "Great"
                | "Greater"
                | "Central"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Middle"
                | "Far"
                | "Near"
        )
    );
    // "AIDS", "XL": acronyms and model names, not parts of a person's name.
    let acronym = core(words)
        .iter()
        .any(|w| more_chars_than(w, 1) && !w.contains('.') && !w.chars().any(char::is_lowercase));
    // "Harrow Lane", "Kelso Terrace": a street, unless a first name opens it ("Diane Lane").
    let street = words.len() > 1
        && matches!(
            words.last().copied(),
            Some("Lane" | "Drive" | "Terrace" | "Crescent" | "Wharf" | "Quay")
        )
        && gender::of_first_name(words[0]).is_none();
    // "Row F", "Plan B", "Gate C": a name does not end in a bare letter.
    let lettered = words.len() > 1
        && words.last().is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
    // "African American", "Pacific Islander", "Texas Democrat": a group of
    // people; no person's name ends in one of these words.
    let group = words.len() > 1
        && matches!(
            words.last().copied(),
            Some(
                "American"
                    | "Islander"
                    | "Hispanic"
                    | "Latino"
                    | "Latina"
                    | "Asian"
                    | "African"
                    | "European"
                    | "Caucasian"
                    | "Democrat"
                    | "Republican"
            )
        );
    let first_name = words.len() == 1 && gender::is_lone_first_name(words[0]);
    !place
        && !group
        && !acronym
        && !lettered
        && !street
        && (words.len() >= 2 || first_name)
        && !words.iter().any(|w| is_org_word(w) || is_connector(w) && *w == "of")
}

/// "won an Oscar", "a Kennedy", "the Margaret Ann" (a boat): after an article,
/// a name means a kind of thing or a thing named for someone, not a person.
pub fn names_a_thing(t: &[Tok], i: usize, words: &[&str]) -> bool {
    let Some(before) = i.checked_sub(1).map(|k| &t[k]) else {
        return false;
    };
    before.trail.is_empty()
        && match before.word {
            "a" | "an" => true,
            "the" | "The" => !is_title(t[i].word) && is_person(words),
            _ => false,
        }
}

/// One use of a name in the narrative, or a speaker resolved from a cue.
#[derive(Debug, Clone, Default)]
pub struct Mention {
    /// (block, byte offset), comparable with a quote's opening mark.
    pub at: (usize, usize),
    pub words: Vec<String>,
    /// Could be what a later he/she points at: a speaker, or a name standing as a
    /// subject rather than after a preposition ("in New Brunswick") or as an object.
    pub antecedent: bool,
    /// From an honorific or a pronoun that follows in the same sentence.
    pub gender: Option<Gender>,
    /// Came with a gendered honorific (Mrs Roe), so it is a person.
    pub titled: bool,
    /// The title right before the name, without its full stop ("Insp" in
    /// "Insp. Callum Roe"): a later "Insp. Roe" means the one it came with.
    pub title: Option<Box<str>>,
    /// Stands as an owner ("Walter Roe's son"): a modifier, not the focus.
    pub owner: bool,
    /// A speaker whose gender the cue gave ("Mr Roe said", "she said").
    pub cued: bool,
    /// Came after a word for kin ("his son, Ciaran") or before one ("Jamie
    /// Roe, his nephew,"), before an age ("Amira, 15,") or alone before a
    /// speech verb and a he/she, so it is a person.
    pub kin: bool,
    /// Came with a word for kin or a tie ("his son, Ciaran", "Jamie Roe, his
    /// nephew,"): someone's relative, not the one the story is about.
    pub relative: bool,
    /// Opens its sentence, where the subject usually stands.
    pub opens: bool,
    /// Stands with a speech verb ("Roe said that", "said Roe"): a reported speaker.
    pub speaks: bool,
    /// How old the words around it say the person is (see [`age::age_rank`]).
    pub age_rank: Option<u16>,
    /// "the elder Roe" (true) / "the younger Roe" (false).
    pub told_apart: Option<bool>,
}

impl Mention {
    /// The gender its honorific gives ("Mr. Roe"): a sure sign, where a pronoun
    /// after the name may point at someone else ("Roe met Doe and thanked him").
    pub fn title_gender(&self) -> Option<Gender> {
        self.gender.filter(|_| self.titled)
    }

    /// The gender an honorific or the speaker's cue gave ("Mrs Roe", "she
    /// said"), not one guessed from a pronoun nearby.
    fn sure_gender(&self) -> Option<Gender> {
        self.gender.filter(|_| self.titled || self.cued)
    }

    /// Names a body, not a person: "Team Roe", "Roe Tea Rooms", "Taverna Sofia".
    pub fn is_body(&self) -> bool {
        self.words.iter().any(|w| is_org_word(w))
    }

    /// The gender its first name tells, else the one its own words gave
    /// ("Gideon Roe, the younger brother,").
    pub fn holder_gender(&self) -> Option<Gender> {
        gender::of_first_name(&self.words[0]).or(self.gender)
    }
}

/// The names of an article, indexed by their last word so that what is asked of
/// one name does not scan every mention.
#[derive(Default)]
pub struct Registry {
    /// In the order added: an id is a position here and never moves.
    mentions: Vec<Mention>,
    /// Ids in reading order (speakers are added as their quotes are read).
    order: Vec<u32>,
    /// Ids of the mentions ending in each word, in reading order.
    by_last: FxHashMap<String, Vec<u32>>,
    /// What [`Registry::holders_of`] found so far, by the name's words; kept up
    /// to date as mentions are added.
    holders: RefCell<FxHashMap<String, Holders>>,
    /// Hashes of the first words of names of two words or more: asked of
    /// every lone capital that opens a sentence, so kept without a scan.
    first_words: FxHashSet<u64>,
    /// Acronyms defined in brackets after a name, with the name's words.
    acronyms: Vec<(String, Vec<String>)>,
}

fn word_hash(w: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(w)
}

/// The longer mentions that hold a name, as ids in reading order.
struct Holders {
    /// Some of them end in the name: then only those count.
    any_end: bool,
    ids: Vec<u32>,
    /// The name's number of words and first byte, for [`Holding::may_hold`]
    /// without splitting the name again.
    len: usize,
    first: u8,
}

/// Whether a mention holds a shorter name.
struct Holding<'w> {
    words: &'w [&'w str],
    first: u8,
}

impl<'w> Holding<'w> {
    fn new(words: &'w [&'w str]) -> Holding<'w> {
        Holding { words, first: words.first().and_then(|w| w.bytes().next()).unwrap_or(0) }
    }

    /// Only longer names that start or end like the name can hold it: a first-letter
    /// test spares the word comparisons for nearly every other mention.
    fn may_hold(&self, m: &Mention) -> bool {
        Holding::may_hold_by(self.words.len(), self.first, m)
    }

    /// [`Holding::may_hold`] for a name of `len` words starting with the byte `first`.
    fn may_hold_by(len: usize, first: u8, m: &Mention) -> bool {
        let words = core(&m.words);
        let n = words.len();
        n > len && {
            let byte = |w: &String| w.bytes().next().unwrap_or(0);
            let (a, b) = (byte(&words[0]), byte(&words[n - len]));
            // "Van der Hoek" opening a sentence is "van der Hoek" inside one.
            !(first.is_ascii() && a.is_ascii() && b.is_ascii())
                || a == first
                || b == first
                || first.is_ascii_uppercase() && b == first.to_ascii_lowercase()
        }
    }

    fn ends(&self, m: &Mention) -> bool {
        let words = core(&m.words);
        words.len() > self.words.len() && same_words(&words[words.len() - self.words.len()..], self.words)
    }

    /// "Hollis said" after both "Beth Hollis" and "Hollis Family Farm": a name that
    /// ends in the word is the person; one that starts with it is what they own or run.
    fn holds(&self, m: &Mention, any_end: bool) -> bool {
        contains_name(&m.words, self.words) && (!any_end || self.ends(m))
    }
}

impl Registry {
    /// A speaker the rules resolved at `at`, of the gender the cue gave, if any.
    pub fn add(&mut self, at: (usize, usize), words: &[&str], said_as: Option<Gender>) {
        // A name given again is the same person, of the gender it was given with.
        let last = words.last().copied().unwrap_or("");
        let same = || self.ending_in(last).filter(|m| m.words == words);
        let sure = said_as.or_else(|| same().find_map(Mention::sure_gender));
        let gender = sure.or_else(|| same().find_map(Mention::holder_gender));
        let words = words.iter().map(|w| w.to_string()).collect();
        self.push(Mention {
            at,
            words,
            antecedent: true,
            gender,
            cued: sure.is_some(),
            ..Mention::default()
        });
    }

    fn push(&mut self, m: Mention) {
        let id = self.mentions.len() as u32;
        // Names come in reading order, speakers after the names before them:
        // most go at the end, which is asked first.
        let after = |list: &[u32], ms: &[Mention]| match list.last() {
            Some(&k) if ms[k as usize].at > m.at => list.partition_point(|&k| ms[k as usize].at <= m.at),
            _ => list.len(),
        };
        let i = after(&self.order, &self.mentions);
        self.order.insert(i, id);
        // "Lane" and "Mr. Lane" stand for "Robert Lane Jr" too.
        let last = core(&m.words).last().map_or("", String::as_str);
        let lowered = particle_lowered(last);
        let last = lowered.as_deref().unwrap_or(last);
        match self.by_last.get_mut(last) {
            Some(list) => list.insert(after(list, &self.mentions), id),
            None => drop(self.by_last.insert(last.to_string(), vec![id])),
        }
        if m.words.len() > 1 {
            self.first_words.insert(word_hash(&m.words[0]));
        }
        let mut holders = self.holders.borrow_mut();
        // While the names are read, nobody has asked yet.
        holders.retain(|key, h| {
            if !Holding::may_hold_by(h.len, h.first, &m) {
                return true;
            }
            let words: Vec<&str> = key.split(' ').collect();
            let test = Holding::new(&words);
            if test.ends(&m) && !h.any_end {
                return false;
            }
            if test.holds(&m, h.any_end) {
                h.ids.insert(after(&h.ids, &self.mentions), id);
            }
            true
        });
        drop(holders);
        self.mentions.push(m);
    }

    fn get(&self, id: u32) -> &Mention {
        &self.mentions[id as usize]
    }

    /// The mentions ending in `word`, in reading order.
    pub fn ending_in<'r>(&'r self, word: &str) -> impl Iterator<Item = &'r Mention> + 'r {
        let lowered = particle_lowered(word);
        self.by_last.get(lowered.as_deref().unwrap_or(word)).into_iter().flatten().map(|&i| self.get(i))
    }

    /// How many mentions stand strictly between `from` and `to`.
    pub fn count_between(&self, from: (usize, usize), to: (usize, usize)) -> usize {
        let a = self.order.partition_point(|&k| self.get(k).at <= from);
        let b = self.order.partition_point(|&k| self.get(k).at < to);
        b.saturating_sub(a)
    }

    /// The mentions before `at` back to the start of block `min_block`, latest first.
    pub fn before(&self, at: (usize, usize), min_block: usize) -> impl Iterator<Item = &Mention> {
        let end = self.order.partition_point(|&k| self.get(k).at < at);
        self.order[..end].iter().rev().map(|&k| self.get(k)).take_while(move |m| m.at.0 >= min_block)
    }

    /// Of holders with different first names ("Chris" and "Anne Marie"
    /// Murphy), the latest of one not introduced as someone's kin ("his
    /// father, Nikos Roe"), named most often; on a tie, the latest.
    /// A son named for his father ("Jo Roe Jr") counts as another first name.
    fn likeliest_bearer(&self, ids: impl Iterator<Item = u32>) -> Option<u32> {
        struct Bearer<'r> {
            first: (&'r str, &'r str),
            count: usize,
            not_kin: bool,
            /// Given an age under 16 ("Theo Roe, 7,"): children go by first names.
            child: bool,
            last: (usize, u32),
        }
        let mut bearers: Vec<Bearer> = Vec::new();
        for (n, i) in ids.enumerate() {
            let m = self.get(i);
            let w = &m.words;
            let first = (w[0].as_str(), w[core(w).len()..].first().map_or("", String::as_str));
            let child = m.age_rank.is_some_and(|a| (1..16).contains(&a));
            match bearers.iter_mut().find(|b| b.first == first) {
                Some(b) => (b.count, b.last, b.child) = (b.count + 1, (n, i), b.child || child),
                None => bearers.push(Bearer { first, count: 1, not_kin: !m.relative, child, last: (n, i) }),
            }
        }
        bearers.iter().max_by_key(|b| (!b.child, b.not_kin, b.count, b.last.0)).map(|b| b.last.1)
    }

    /// Fullest name containing `words` at its end or start; prefers the latest one before `at`.
    pub fn fullest(&self, words: &[&str], at: (usize, usize)) -> Vec<String> {
        self.fullest_of(words, at, None)
    }

    /// [`Registry::fullest`] for a mention known to be of `gender` ("Mr. Roe"):
    /// no fuller form whose first name says otherwise ("Ann Roe").
    pub fn fullest_of(&self, words: &[&str], at: (usize, usize), gender: Option<Gender>) -> Vec<String> {
        self.fullest_titled(words, at, gender, None)
    }

    /// [`Registry::fullest_of`] for a name given with `title` ("Mrs Quell"),
    /// which [`Registry::titled_holder`] may settle.
    pub fn fullest_titled(
        &self,
        words: &[&str],
        at: (usize, usize),
        gender: Option<Gender>,
        title: Option<&str>,
    ) -> Vec<String> {
        if let [w] = words
            && let Some(full) = self.spelled_out(w)
        {
            return full;
        }
        let key = words.join(" ");
        let best = {
            let mut memo = self.holders.borrow_mut();
            let h = memo.entry(key).or_insert_with(|| self.holders_of(words));
            // "Team Roe" and "Roe Tea Rooms" hold "Roe" too; a person does first.
            let org = |i: &u32| self.get(*i).is_body();
            let people = h.ids.iter().any(|i| !org(i));
            let agrees = |i: &u32| {
                !(people && org(i))
                    && gender.is_none_or(|g| self.get(*i).holder_gender().is_none_or(|f| f == g))
            };
            // The latest holder before `at`, else the first one after it; of two
            // people who share a surname, the one reported speaking before.
            let before = h.ids.iter().copied().take_while(|&i| self.get(i).at < at).filter(agrees);
            let latest = self.likeliest_bearer(before.clone());
            // A relative ("her mother, Carmen Roe") speaking does not take the
            // bare surname from the person the story is about.
            let kin = |i: u32| {
                h.ids.iter().any(|&k| self.get(k).relative && self.get(k).words[0] == self.get(i).words[0])
            };
            let speaker = before.filter(|&i| self.get(i).speaks && !kin(i)).last();
            let titled = match (title, words) {
                (Some(title), [surname]) => self.titled_holder(&h.ids, (surname, title, gender), at, agrees),
                _ => None,
            };
            titled.or(speaker).or(latest).or_else(|| h.ids.iter().copied().find(agrees))
        };
        match best {
            Some(i) => self.longest_form(&self.get(i).words),
            None => self.longest_form(words),
        }
    }

    /// "Mrs Quell said" where the article names several Quells: the one
    /// introduced with the same title ("Insp. Callum Roe" for "Insp. Roe"),
    /// else the one named latest before the title first went with the
    /// surname, as a reader takes it; the title keeps that bearer after.
    /// `None` when only one person, or no adult, bears the surname.
    fn titled_holder(
        &self,
        ids: &[u32],
        (surname, title, gender): (&str, &str, Option<Gender>),
        at: (usize, usize),
        agrees: impl Fn(&u32) -> bool,
    ) -> Option<u32> {
        let adult = |m: &Mention| !m.age_rank.is_some_and(|a| (1..16).contains(&a));
        let mut people: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|i| self.get(*i).at < at && agrees(i) && adult(self.get(*i)))
            .collect();
        let first = |i: u32| self.get(i).words[0].as_str();
        if people.first().is_none_or(|&p| people.iter().all(|&i| first(i) == first(p))) {
            return None;
        }
        // "Mrs Roe" after "Agnes Roe" and "Percival Roe": a bearer known to be
        // of the title's gender goes before one whose gender is not known.
        if let Some(g) = gender
            && people.iter().any(|&i| self.get(i).holder_gender() == Some(g))
        {
            people.retain(|&i| self.get(i).holder_gender() == Some(g));
        }
        if let Some(&i) = people.iter().rev().find(|&&i| self.get(i).title.as_deref() == Some(title)) {
            return Some(i);
        }
        let first_use = self
            .ending_in(surname)
            .find(|m| m.words.len() == 1 && m.title.as_deref() == Some(title))
            .map_or(at, |m| m.at.min(at));
        let latest = people.iter().rev().copied().find(|&i| self.get(i).at < first_use)?;
        // "led by Jo Roe, 61, and her daughter, Kim Roe": of those the latest
        // paragraph names, the one the relative is introduced by.
        let block = self.get(latest).at.0;
        let lead = people.iter().rev().copied().take_while(|&i| self.get(i).at.0 >= block).find(|&i| {
            let m = self.get(i);
            m.at < first_use && !m.relative && !m.owner
        });
        lead.or(Some(latest))
    }

    /// The full name of the one person named before with the first name `w`.
    fn bearer_of_first_name(&self, w: &str) -> Option<Vec<String>> {
        let mut bearers = self.mentions.iter().filter(|m| m.words.len() > 1 && m.words[0] == w);
        let first = bearers.next()?;
        bearers.all(|m| m.words == first.words).then(|| first.words.clone())
    }

    /// "LLR" after "Lage Landen Rail": the name whose initials an acronym is.
    fn spelled_out(&self, acronym: &str) -> Option<Vec<String>> {
        if let Some((_, words)) = self.acronyms.iter().find(|(a, _)| a == acronym) {
            return Some(words.clone());
        }
        let n = acronym.len();
        if !(2..=5).contains(&n) || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let initials = |m: &Mention| -> String {
            m.words.iter().filter(|w| !is_connector(w)).filter_map(|w| w.chars().next()).collect()
        };
        let m = self.mentions.iter().find(|m| m.words.len() >= n && initials(m) == acronym)?;
        Some(m.words.clone())
    }

    /// The longer mentions that hold `words`: asked once per name and article,
    /// since every quote asks again about the names near it.
    fn holders_of(&self, words: &[&str]) -> Holders {
        let test = Holding::new(words);
        let mut near: Vec<u32> = self.order.iter().copied().filter(|&k| test.may_hold(self.get(k))).collect();
        // "Taverna Sofia" does not make "Sofia" a surname: a body's name is no
        // person's, so "Sofia Papadakis" still holds it as a first name.
        let any_end = near.iter().any(|&k| test.ends(self.get(k)) && !self.get(k).is_body());
        near.retain(|&k| test.holds(self.get(k), any_end));
        Holders { any_end, ids: near, len: words.len(), first: test.first }
    }

    /// "Ada Quill" after "Ada Mae Quill": the same person, given in full elsewhere.
    /// Initials are left alone: they tell a father from a son of the same name.
    fn longest_form<S: AsRef<str>>(&self, found: &[S]) -> Vec<String> {
        let suffixed = found.len() > core(found).len();
        let mut longer = self.ending_in(core(found).last().map_or("", AsRef::as_ref)).filter(|m| {
            found.len() > 1
                && m.words.len() > found.len()
                // "Donald Trump" is not short for "Donald Trump Jr".
                && (m.words.len() > core(&m.words).len()) == suffixed
                && m.words[0] == found[0].as_ref()
                && m.words.iter().all(|w| more_chars_than(w, 1))
                && in_order(&m.words, found)
        });
        match longer.next() {
            Some(m) if longer.all(|o| o.words == m.words) => m.words.clone(),
            _ => found.iter().map(|w| w.as_ref().to_string()).collect(),
        }
    }

    /// A common first name decides; otherwise every honorific or pronoun seen with the
    /// name or its surname must agree, since two people may share a surname.
    pub fn gender_of(&self, full: &[String]) -> Option<Gender> {
        // A first name alone ("his wife, Jane") tells too, unless someone in the
        // article bears it as a surname.
        if let Some(g) = gender::of_first_name(&full[0])
            && (full.len() > 1 || !self.is_surname(&full[0]))
        {
            return Some(g);
        }
        // A title or kin word given with the full name ("his daughter, Mia
        // Roe") tells before what its surname was given with: "Mr Roe" may be
        // her father. A pronoun after it may be someone else's.
        let exact = |m: &&Mention| m.words == full && (m.titled || m.relative || m.cued);
        let own = self.ending_in(core(full).last().map_or("", String::as_str));
        let mut given = own.filter(exact).filter_map(|m| m.gender).peekable();
        if given.peek().is_some() {
            return agreed(given);
        }
        // A shorter form ends in one of the name's words: only those are read.
        let forms = full.iter().flat_map(|w| self.ending_in(w));
        agreed(
            forms
                .filter(|m| {
                    m.words.len() <= full.len() && {
                        let part: Vec<&str> = m.words.iter().map(String::as_str).collect();
                        m.words == full || contains_name(full, &part)
                    }
                })
                .filter_map(|m| m.gender),
        )
    }

    /// The person a bare he/she points at: the latest person of that gender named before `at`.
    /// Someone whose gender is unknown is taken only when nobody of the right gender is
    /// in reach and nobody else is either, because a wrong name is worse than none.
    pub fn last_person(&self, at: (usize, usize), min_block: usize, want: Gender) -> Option<Vec<String>> {
        self.last_person_but(at, min_block, want, None)
    }

    /// [`Registry::last_person`] passing over the person whose fullest name is
    /// `but`: "“Did you see it?” Dr Roe asked. ¶ “No,” she replied." The
    /// one who replies is not the one who asked.
    pub fn last_person_but(
        &self,
        at: (usize, usize),
        min_block: usize,
        want: Gender,
        but: Option<&str>,
    ) -> Option<Vec<String>> {
        self.before(at, min_block).filter(|m| m.antecedent).find_map(|m| {
            let words: Vec<&str> = m.words.iter().map(String::as_str).collect();
            // A gendered honorific shows a person even before a surname alone.
            let person = !m.is_body()
                && (is_person(&words)
                    || m.titled
                    || self.is_surname(&m.words[0])
                    || self.shown_as_person(&m.words));
            if !person {
                return None;
            }
            // "the younger Roe" whom the article does not tell apart: no one.
            let Some(full) = self.fullest_of_mention(m, at) else {
                return Some(None);
            };
            // "Mr Roe" is no she, even where other Roes leave the surname's gender open.
            let agrees = |g: Gender| g == want;
            (self.gender_of(&full).is_none_or(agrees)
                && m.sure_gender().is_none_or(agrees)
                && but.is_none_or(|b| full.join(" ") != b))
            .then_some(Some(full))
        })?
    }

    /// The surnames of the people of gender `want` the article names before
    /// `at`, told by a first name or an honorific: distinct, latest first, at
    /// most `max`.
    pub fn surnames_of_gender(&self, at: (usize, usize), want: Gender, max: usize) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for m in self.before(at, 0) {
            let Some(l) = m.words.last() else { continue };
            if m.antecedent && m.holder_gender() == Some(want) && !seen.contains(&l.as_str()) {
                seen.push(l);
                if seen.len() == max {
                    break;
                }
            }
        }
        seen
    }

    /// How often the article names its most named surname, in any form: the
    /// story's protagonist, whom a bare he or she most often means.
    pub fn most_named(&self) -> usize {
        self.by_last.values().map(Vec::len).max().unwrap_or(0)
    }

    /// The name as shown: a generational suffix is kept only where the article
    /// names someone else with the same name ("Robert Lane Sr" and "Robert Lane
    /// Jr"), since later mentions and other reports mostly leave it out.
    pub fn shown_form<'w>(&self, words: &'w [&'w str]) -> &'w [&'w str] {
        let base = core(words);
        if base.len() == words.len() {
            return words;
        }
        let namesake = self
            .ending_in(base[base.len() - 1])
            .any(|m| same_words(core(&m.words), base) && !same_words(&m.words, words));
        if namesake { words } else { base }
    }

    /// Some mention of exactly `words` came with kin or an age ("Hamid, 43,"),
    /// which shows a person whom the name lists do not know.
    pub fn shown_as_person<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let last = words.last().map_or("", AsRef::as_ref);
        self.ending_in(last)
            .any(|m| m.kin && m.words.iter().map(String::as_str).eq(words.iter().map(AsRef::as_ref)))
    }

    /// "Mathilde, for her part, …" after "Mathilde Collet": a fuller name
    /// starts with the word.
    fn is_first_name(&self, w: &str) -> bool {
        self.first_words.contains(&word_hash(w))
    }

    fn is_surname(&self, w: &str) -> bool {
        self.ending_in(w).any(|m| m.words.len() > 1)
    }
}

/// Names in the narrative (outside quotes), in reading order.
/// `quoted` gives the quoted ranges as (block, start, end): names in them are the
/// speaker's words, not the narrative's. Blocks for which `headline` holds are
/// left out: in a title-case headline, capitalised words run into false names
/// ("Roe Slams Doe") that would pass for the fullest form of a real one.
pub fn register_names(
    blocks: &[String],
    quoted: impl Iterator<Item = (usize, usize, usize)>,
    headline: impl Fn(usize) -> bool,
) -> Registry {
    let mut reg = Registry::default();
    let mut ranges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); blocks.len()];
    for (block, start, end) in quoted {
        ranges[block].push((start, end));
    }
    // One token list and one name buffer for the whole scan, the list big
    // enough for the longest block at once (about a token per six bytes).
    let longest = blocks.iter().map(String::len).max().unwrap_or(0);
    let (mut t, mut w) = (Vec::with_capacity(longest / 5 + 8), Vec::new());
    // Names read after the paragraph following the last quote name no one
    // who speaks in the article: nothing asks about them.
    let last = ranges.iter().rposition(|r| !r.is_empty()).map_or(blocks.len(), |k| k + 2);
    for (bi, b) in blocks.iter().enumerate().take(last).filter(|(bi, _)| !headline(*bi)) {
        // Who is reported as speaking is asked only of the two blocks before a
        // quote and its own: the speech verb is looked for there only.
        let near_quote = ranges[bi..].iter().take(3).any(|r| !r.is_empty());
        for (gs, ge) in gaps(&mut ranges[bi], b.len()) {
            tokens_into(&b[gs..ge], &mut t);
            if memchr::memchr(b'(', &b.as_bytes()[gs..ge]).is_some() {
                reg.acronyms.extend(acronym::defined_in(&t));
            }
            let mut i = 0;
            while i < t.len() {
                i = match is_cap(t[i].word).then(|| name_at_into(&t, i, &mut w)).flatten() {
                    Some(end) if end > i => {
                        let at = (bi, t[i].word.as_ptr() as usize - b.as_ptr() as usize);
                        if let Some(m) = mention(&reg, &t, (i, end), &w, at, near_quote) {
                            reg.push(m);
                        }
                        end
                    }
                    _ => i + 1,
                };
            }
        }
    }
    reg
}

/// The one gender all of `genders` are, if any are and they agree.
fn agreed(mut genders: impl Iterator<Item = Gender>) -> Option<Gender> {
    let first = genders.next()?;
    genders.all(|g| g == first).then_some(first)
}

/// The stretches of a block between its quoted ranges.
fn gaps(quoted: &mut [(usize, usize)], len: usize) -> Vec<(usize, usize)> {
    quoted.sort_unstable();
    let mut from = 0;
    let mut gaps = Vec::new();
    for &(s, e) in quoted.iter() {
        if s > from {
            gaps.push((from, s));
        }
        from = from.max(e);
    }
    gaps.push((from, len));
    gaps
}

/// The mention the name `w` at tokens `i..end` makes at `at`, or `None` when
/// it is likely no name; whether a speech verb stands with it is looked for
/// only when `ask_speaks`.
fn mention(
    reg: &Registry,
    t: &[Tok],
    (i, end): (usize, usize),
    w: &[&str],
    at: (usize, usize),
    ask_speaks: bool,
) -> Option<Mention> {
    let starts_sentence = i == 0 || ends_sentence(&t[i - 1]);
    let kin = kin_before(t, i);
    let aged = t[end - 1].trail == "," && aged_after(&t[end..]);
    // A lone capital opening a sentence is often not a name; with a title
    // before it, an age or a speech verb after it, or once the article has
    // used it as a name, it is.
    let named = w.len() > 1
        || !starts_sentence
        || aged
        || reg.is_surname(w[0])
        || reg.shown_as_person(&w[..1])
        || reg.is_first_name(w[0])
        || gender::opens_as_name(w[0]) && t.get(end).is_none_or(|n| !is_cap(n.word))
        || is_title(t[i].word)
        || t.get(end).is_some_and(|n| is_speech_verb(n.word));
    if !named || names_a_thing(t, i, w) {
        return None;
    }
    // "Born Joan Pascoe in 1934, she …", "Joan Roe (née Pascoe)": a maiden
    // name is another name of someone the article already knows ("Joan
    // Roe"), not a newcomer; one the article does not know is left out.
    let birth_name = t[i].word == "Born" || i > 0 && matches!(t[i - 1].word, "Born" | "born" | "née" | "nee");
    let words =
        if birth_name { reg.bearer_of_first_name(w[0])? } else { w.iter().map(|x| x.to_string()).collect() };
    let k = if i > 1 && matches!(t[i - 1].word, "the" | "la" | "le") { i - 1 } else { i };
    // "chaired by Jo Roe": the agent of a passive is its subject in all but form.
    // "opened on Thursday by Jo Roe": a short phrase may stand between them.
    let agent = k > 1
        && t[k - 1].word == "by"
        && (k.saturating_sub(6)..k - 1)
            .rev()
            .take_while(|&j| t[j].trail.is_empty())
            .any(|j| t[j].word.ends_with("ed"));
    // "Roe asked Doe whether she would resign": the one asked answers next.
    let asked = k > 0
        && t[k - 1].word == "asked"
        && t.get(end)
            .is_some_and(|n| matches!(n.word, "whether" | "if" | "about" | "why" | "how" | "what" | "when"));
    let after_word =
        k > 0 && blocks_antecedent(t[k - 1].word) && t[k - 1].trail.is_empty() && !agent && !asked;
    let titled = title_gender(t, i);
    // "Jamie Roe, his nephew,": kin in the apposition, as kin before the name.
    let kin_of = kin_after(t, end);
    let gender = titled.or(kin.flatten()).or(kin_of).or_else(|| pronoun_after(t, end));
    // "Rukhsana said her family …": a lone name that speaks and is then a he or
    // a she is someone, as a name with an age is.
    let spoke_as_person =
        w.len() == 1 && gender.is_some() && t.get(end).is_some_and(|n| is_speech_verb(n.word));
    let opens = starts_sentence
        || i > 0
            && matches!(t[i - 1].word, "But" | "And" | "Yet" | "So" | "Then")
            && (i == 1 || ends_sentence(&t[i - 2]))
        || after_opening_phrase(t, i);
    Some(Mention {
        at,
        words,
        antecedent: !after_word,
        gender,
        titled: titled.is_some(),
        title: title_before_name(t, i),
        owner: strip_possessive(t[end - 1].word).1,
        cued: false,
        kin: kin.is_some() || kin_of.is_some() || aged || spoke_as_person,
        relative: kin.is_some() || kin_of.is_some(),
        opens,
        speaks: ask_speaks && verb_near(t, i, end),
        age_rank: age::age_rank(t, (i, end)),
        told_apart: i.checked_sub(1).and_then(|k| elder_or_younger(t[k].word)),
    })
}

/// "Her father, Luis, shrugs", "The coach, Tobias Lenk, confirmed it", "In a
/// statement, Roe said": a name after a short opening phrase and its comma
/// is still the sentence's subject. The phrase opens with a determiner or a
/// preposition and names no one itself.
fn after_opening_phrase(t: &[Tok], i: usize) -> bool {
    if i < 2 || !t[i - 1].trail.starts_with(',') {
        return false;
    }
    let Some(j) = (i.saturating_sub(6)..i - 1).rev().find(|&j| j == 0 || ends_sentence(&t[j - 1])) else {
        return false;
    };
    let opener = matches!(
        t[j].word,
        "The"
            | "Her"
            | "His"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "In"
            | "On"
            | "At"
            | "After"
            | "Later"
            | "Earlier"
    );
    opener && t[j + 1..i].iter().all(|k| !is_cap(k.word)) && t[j..i - 1].iter().all(|k| k.trail.is_empty())
}

/// The last of the titles that open the name at `i` ("Insp" in "Det. Insp.
/// Jo Roe"), without its full stop.
fn title_before_name(t: &[Tok], i: usize) -> Option<Box<str>> {
    let n = t[i..].iter().take_while(|k| is_title(k.word)).count();
    n.checked_sub(1).map(|k| bare_title(t[i + k].word).into())
}

/// A title without its full stop: "Mr." and "Mr" are one title.
pub fn bare_title(w: &str) -> &str {
    w.trim_end_matches('.')
}

/// "Mrs. Roe", "Sir Ian Roe": the honorifics in front of a name.
fn title_gender(t: &[Tok], i: usize) -> Option<Gender> {
    t[i..].iter().take_while(|k| is_title(k.word)).find_map(|k| gender::of_title(k.word))
}

/// "Amira, 15,", "Freya, ten," or "Amira, a 34-year-old farmer": an age in the apposition
/// after a name.
fn aged_after(t: &[Tok]) -> bool {
    match t {
        [n, ..] if is_age(n.word) => n.trail.starts_with(','),
        // A child's age in words, as British and Australian papers write it: "Freya, ten,".
        [n, ..] if is_young_age(n.word) => n.trail.starts_with([',', '.']),
        [a, n, ..] if matches!(a.word, "a" | "an") => n.word.ends_with("-year-old"),
        _ => false,
    }
}

fn is_young_age(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
    )
}

/// A person's age in figures.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u16>().is_ok_and(|n| n <= 120)
}

/// "Gideon Roe, the younger brother of …", "Ann Roe, his widow,": a word for
/// kin in the apposition after a name gives its gender.
fn kin_after(t: &[Tok], end: usize) -> Option<Gender> {
    kin_word_after(t, end).and_then(gender::of_kin)
}

/// The word for kin in the apposition after a name: "father" in "Jan Roe,
/// his father,".
fn kin_word_after<'t>(t: &[Tok<'t>], end: usize) -> Option<&'t str> {
    if t[end - 1].trail != ","
        || !t.get(end).is_some_and(|d| matches!(d.word, "the" | "his" | "her" | "their"))
    {
        return None;
    }
    t[end + 1..].iter().take(2).map(|k| k.word.trim_end_matches(',')).find(|w| gender::of_kin(w).is_some())
}

/// "his son, Ciaran", "her husband Tom", "his neighbour, Yusuf": a word for
/// kin or a close tie right before a name, which shows a person, and for kin
/// their gender.
fn kin_before(t: &[Tok], i: usize) -> Option<Option<Gender>> {
    let k = &t[i.checked_sub(1)?];
    if !matches!(k.trail, "" | ",") {
        return None;
    }
    let tie = matches!(
        k.word,
        "neighbour"
            | "neighbor"
            | "friend"
            | "colleague"
            | "partner"
            | "cousin"
            | "spouse"
            | "fiancé"
            | "fiancée"
    );
    gender::of_kin(k.word).map(Some).or(tie.then_some(None))
}

/// "Jane Roe said her shop …": the first he/she/his/her after a name in its sentence,
/// unless another person is named before it, or a He/She opening the next one.
fn pronoun_after(t: &[Tok], end: usize) -> Option<Gender> {
    if end > 0 && ends_sentence(&t[end - 1]) {
        return opening_pronoun(t.get(end));
    }
    let mut k = end;
    while k < t.len() && k < end + 15 {
        if let Some(g) = gender::of_pronoun(t[k].word) {
            return Some(g);
        }
        if is_cap(t[k].word)
            && (t.get(k + 1).is_some_and(|n| is_cap(n.word)) || is_title(t[k].word))
            && !is_stop(t[k].word)
            && let Some((w, _)) = name_at(t, k)
            && (is_person(&w) || is_title(t[k].word))
        {
            return None;
        }
        if ends_sentence(&t[k]) {
            return opening_pronoun(t.get(k + 1));
        }
        k += 1;
    }
    None
}

/// "Roe spoke last. She described …": a sentence that names nobody else is
/// most often followed by one about the same person.
fn opening_pronoun(t: Option<&Tok>) -> Option<Gender> {
    t.filter(|n| matches!(n.word, "He" | "She")).and_then(|n| gender::of_pronoun(n.word))
}

/// Every word of `part` appears in `full`, in the same order.
fn in_order<S: AsRef<str>>(full: &[String], part: &[S]) -> bool {
    let mut it = full.iter();
    part.iter().all(|p| it.any(|f| f == p.as_ref()))
}

/// The same word of a name, allowing for accents and their transliterations:
/// Müller, Mueller and Muller are one surname.
pub fn same_word(a: &str, b: &str) -> bool {
    a == b
        || a.len() == b.len() && a.as_bytes()[0] != b.as_bytes()[0] && same_but_particle_case(a, b)
        || (!a.is_ascii() || !b.is_ascii())
            && (fold(a, true) == fold(b, true) || fold(a, false) == fold(b, false))
}

/// "Van" and "van", "Al-Mansouri" and "al-Mansouri": a particle capitalised
/// where it opens a sentence.
fn same_but_particle_case(a: &str, b: &str) -> bool {
    let (upper, lower) = if a.as_bytes()[0].is_ascii_uppercase() { (a, b) } else { (b, a) };
    particle_lowered(upper).is_some_and(|l| l == lower)
}

/// `a` in ASCII: accents dropped, or with German umlauts as ae/oe/ue.
fn fold(a: &str, umlaut_e: bool) -> String {
    let mut out = String::with_capacity(a.len());
    for c in a.chars() {
        match c {
            'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' if umlaut_e => {
                out.push_str(deunicode::deunicode_char(c).unwrap_or(""));
                out.push('e');
            }
            _ => out.push_str(deunicode::deunicode_char(c).unwrap_or("")),
        }
    }
    out
}

fn same_words<S: AsRef<str>>(a: &[S], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x.as_ref(), y))
}

fn contains_name(full: &[String], part: &[&str]) -> bool {
    let full = core(full);
    let n = part.len();
    if n > full.len() {
        return false;
    }
    if same_words(&full[full.len() - n..], part) {
        return true;
    }
    // "Eric Roe" is not short for "Eric Roe Foundation".
    if same_words(&full[..n], part) {
        return !full[n..].iter().any(|w| is_org_word(w)) && (n > 1 || !full.iter().any(|w| is_org_word(w)));
    }
    // "the Ministry" inside "Ministry of Works"; asked last, as the list lookup costs most.
    n == 1 && full.iter().any(|w| w == part[0]) && is_org_word(part[0])
}

mod acronym;
mod age;
pub use age::elder_or_younger;

#[cfg(test)]
mod tests;
