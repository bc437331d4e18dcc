//! What the whole article tells about the words of names: which blocks are
//! set in title case, and which words it also writes in lower case.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gender::{self, Gender};
use super::names;

/// What the whole article tells about the words of names, asked as candidates
/// come: reading every word of every article up front cost more than the
/// model where quotes are few, searching word by word more where they are many.
pub struct Facts<'a> {
    blocks: &'a [String],
    /// Per block, whether it is set in title case (see [`Facts::headline`]).
    headline: Vec<bool>,
    /// Answers of [`Facts::writes_lower`] so far.
    asked: RefCell<FxHashMap<String, bool>>,
    /// Every lower-case word of the article, read once enough words were asked.
    lower: RefCell<Option<FxHashSet<&'a str>>>,
}

/// Distinct words searched for one by one before the whole text is read into a set.
const SEARCHES: usize = 32;

/// Letters and digits, any non-ASCII byte (so UTF-8 words stay whole) and the apostrophe.
fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii() || c == b'\''
}

/// Three to 25 words, seven in ten capitalised: a headline or a heading.
/// Asked of every block: a sentence gives itself away by its eighth word
/// in lower case (even 25 words would then be under seven in ten).
fn title_case(b: &str) -> bool {
    let (mut caps, mut all) = (0, 0);
    for w in block_words(b) {
        all += 1;
        caps += usize::from(w[0].is_ascii_uppercase());
        if all > 25 || all - caps >= 8 {
            return false;
        }
    }
    all >= 3 && caps * 10 >= all * 7
}

/// The words of a block, split at ASCII bytes only (so each is whole UTF-8).
fn block_words(b: &str) -> impl Iterator<Item = &[u8]> {
    b.as_bytes().split(|c| !word_byte(*c)).filter(|w| !w.is_empty())
}

impl<'a> Facts<'a> {
    /// The facts of an article's text blocks.
    pub fn of(blocks: &'a [String]) -> Facts<'a> {
        let headline = blocks.iter().map(|b| title_case(b)).collect();
        Facts { blocks, headline, asked: RefCell::default(), lower: RefCell::default() }
    }

    /// Block `i` is set in title case: a headline or heading, where capitalised
    /// words run together into false names.
    pub fn headline(&self, i: usize) -> bool {
        self.headline.get(i).copied().unwrap_or(false)
    }

    /// Block `i` is a headline whose capitals are no sign of a name ("Roe
    /// Responds to Council"): in title case, with no lower-case word but the
    /// short ones headlines leave small. "Nurse Ada Roe said." is a sentence.
    pub fn false_capitals(&self, i: usize) -> bool {
        self.headline(i)
            && block_words(&self.blocks[i]).filter(|w| !w[0].is_ascii_uppercase()).all(|w| {
                w.len() <= 3
                    || matches!(w, b"with" | b"from" | b"into" | b"over" | b"upon" | b"onto" | b"than")
            })
    }

    /// The gender of the honorific right before `word`, a slice of one of the
    /// article's blocks ("Mrs." before "Roe" in "said Mrs. Roe").
    pub fn honorific_before(&self, word: &str) -> Option<Gender> {
        self.title_before(word).and_then(gender::of_title)
    }

    /// The title right before `word`, without its full stop ("Insp" before
    /// "Roe" in "Insp. Roe said").
    pub fn title_before(&self, word: &str) -> Option<&'a str> {
        let w = self.words_before(word).next()?;
        let bare = super::registry::bare_title(w);
        (names::is_title(w) || names::is_title(bare)).then_some(bare)
    }

    /// "the younger Mr Roe", "the elder Roe": a surname its bearers share, told
    /// apart by age; whether the elder (true) or the younger (false) is meant.
    pub fn told_apart_by_age(&self, word: &str) -> Option<bool> {
        let mut before = self.words_before(word).skip_while(|w| names::is_title(w));
        before.next().and_then(super::registry::elder_or_younger)
    }

    /// The words before `word` (a slice of one of the blocks), nearest first.
    fn words_before(&self, word: &str) -> impl Iterator<Item = &'a str> {
        let at = word.as_ptr() as usize;
        let b =
            self.blocks.iter().find(|b| (b.as_ptr() as usize..b.as_ptr() as usize + b.len()).contains(&at));
        b.map_or("", |b| &b[..at - b.as_ptr() as usize]).split_whitespace().rev()
    }

    /// The article also writes `word` in lower case ("says", "slams"): a
    /// capitalised one in a name is more likely a headline's verb or a role.
    pub fn writes_lower(&self, word: &str) -> bool {
        if let Some(&known) = self.asked.borrow().get(word) {
            return known;
        }
        let l = word.to_lowercase();
        let found = l.len() > 3 && l.as_bytes()[0].is_ascii_lowercase() && self.find(&l);
        self.asked.borrow_mut().insert(word.to_string(), found);
        found
    }

    fn find(&self, l: &str) -> bool {
        if self.lower.borrow().is_none() && self.asked.borrow().len() >= SEARCHES {
            let all = self.blocks.iter().flat_map(|b| block_words(b)).filter(|w| w[0].is_ascii_lowercase());
            *self.lower.borrow_mut() = Some(all.filter_map(|w| std::str::from_utf8(w).ok()).collect());
        }
        if let Some(set) = self.lower.borrow().as_ref() {
            return set.contains(l);
        }
        let finder = memchr::memmem::Finder::new(l.as_bytes());
        self.blocks.iter().any(|b| {
            let b = b.as_bytes();
            finder.find_iter(b).any(|at| {
                let end = at + l.len();
                (at == 0 || !word_byte(b[at - 1])) && (end == b.len() || !word_byte(b[end]))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_blocks_are_headlines() {
        let blocks =
            ["Council Votes To Fix The Bridge".to_string(), "The council voted on Monday.".to_string()];
        let f = Facts::of(&blocks);
        assert_eq!((f.headline(0), f.headline(1), f.headline(2)), (true, false, false));
        assert!(f.writes_lower("Council") && f.writes_lower("Voted"));
        assert!(!f.writes_lower("Votes") && !f.writes_lower("The"));
        // Past the searches one by one, the answers come from the set: the same.
        let words =
            ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"];
        assert!(words.iter().all(|w| !f.writes_lower(w)));
        assert!(!f.writes_lower("Monday") && f.writes_lower("Voted") && f.writes_lower("Council"));
        let fresh = Facts::of(&blocks);
        assert!(fresh.lower.borrow().is_none());
    }

    #[test]
    fn false_capitals_are_title_case_with_only_short_lower_case_words() {
        let blocks = [
            "Ada Roe Responds to Council".to_string(),
            "Nurse Ida Lund said.".to_string(),
            "The council met, and she responds today.".to_string(),
        ];
        let f = Facts::of(&blocks);
        assert!(f.headline(0) && f.headline(1));
        assert!(f.false_capitals(0));
        assert!(!f.false_capitals(1) && !f.false_capitals(2));
    }
}
