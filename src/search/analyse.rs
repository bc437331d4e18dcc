//! Articles to weighed stems: each word of each field, stemmed for the
//! site's language, counted with its field's boost.
//!
//! Stems come from Snowball through `rust-stemmers` and are folded to ASCII
//! after stemming (the stemmers know their language's accents). Each run of
//! articles is analysed on its own thread with its own table of the words
//! it met, so a word is stemmed once per run, not once per use, and stems
//! are numbered within the run; [`merge`] joins the runs.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::text;

/// Where a word stands and what it weighs there, BM25F-style: a word in the
/// headline counts as three in the body.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Occurrences are multiplied by this.
    pub boost: f32,
    /// Headline or tag: the term gets the headline bonus.
    pub head: bool,
}

/// The headline.
pub const TITLE: Field = Field { boost: 3.0, head: true };
/// A tag.
pub const TAG: Field = Field { boost: 3.0, head: true };
/// A byline.
pub const AUTHOR: Field = Field { boost: 2.0, head: false };
/// The summary or someone quoted.
pub const SUMMARY: Field = Field { boost: 1.5, head: false };
/// The body.
pub const BODY: Field = Field { boost: 1.0, head: false };

/// The Snowball stemmer of a language tag (`en`, `fr-CA`), if there is one;
/// other languages are indexed by plain words.
pub fn algorithm(language: &str) -> Option<Algorithm> {
    let code = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    Some(match code.as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// One article's stems (numbered in its run) with their weighed counts.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// Stem number -> (weighed occurrences, in headline or tags).
    pub terms: Vec<(u32, f32, bool)>,
    /// Words in all fields, unweighed: BM25's document length.
    pub length: u32,
    /// The article's distinct spellings (numbers of [`Run::words`]), when
    /// the analyser was asked to keep them.
    pub words: Vec<u32>,
}

/// What one run of articles produced.
#[derive(Debug, Default)]
pub struct Run {
    /// Stems by number.
    pub stems: Vec<String>,
    /// Every spelling met (a word lower-cased as written), by number: the
    /// word folded, and its stem's number.
    pub words: Vec<(String, u32)>,
    /// Per article of the run, in order.
    pub counts: Vec<Counts>,
}

/// Analyses a run of articles, each given as its fields.
///
/// A word is stemmed as written (lower-cased, accents kept), once per run;
/// its stem then depends on the word alone, never on which articles came
/// before it, so an article analysed again on its own gives the same stems.
pub struct Analyser {
    stemmer: Option<Stemmer>,
    /// Stem -> its number in the run.
    numbers: FxHashMap<String, u32>,
    /// Per stem number, its weighed count in the current article so far
    /// (zero when it is not in it), and whether it is in the headline or tags.
    tally: Vec<(f32, bool)>,
    /// The current article's stems, in the order met: the first `met_len`.
    /// One longer than the run's stems, so that a stem can be written at
    /// the end before knowing whether it is new.
    met: Vec<u32>,
    met_len: usize,
    scanner: text::Scanner,
    /// Short ASCII words (most words) packed into an integer -> their
    /// spelling's number: looked up without comparing strings byte by byte.
    short: FxHashMap<u128, u32>,
    /// Other words -> their spelling's number.
    long: FxHashMap<String, u32>,
    /// Per spelling number, its stem's number.
    stem_of: Vec<u32>,
    /// Per spelling number, the last article that listed it (with `keep_words`).
    listed: Vec<u32>,
    keep_words: bool,
    run: Run,
}

impl Analyser {
    /// An analyser for `language` (a language tag such as `en`).
    pub fn new(language: &str) -> Analyser {
        Analyser {
            stemmer: algorithm(language).map(Stemmer::create),
            numbers: FxHashMap::default(),
            tally: Vec::new(),
            met: vec![0],
            met_len: 0,
            scanner: text::Scanner::default(),
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            stem_of: Vec::new(),
            listed: Vec::new(),
            keep_words: false,
            run: Run::default(),
        }
    }

    /// An analyser that also lists each article's distinct words in
    /// [`Counts::words`] (for an index kept up to date one article at a time).
    pub fn keeping_words(language: &str) -> Analyser {
        Analyser { keep_words: true, ..Analyser::new(language) }
    }

    /// Adds one article: its fields of plain text, and its body as HTML.
    pub fn article(&mut self, fields: &[(Field, &str)], body_html: &str) {
        let mut counts = Counts::default();
        let mut scanner = std::mem::take(&mut self.scanner);
        for &(field, value) in fields {
            scanner.words(value, &mut |w, ascii| self.count(&mut counts, field, w, ascii));
        }
        scanner.html_words(body_html, &mut |w, ascii| self.count(&mut counts, BODY, w, ascii));
        self.scanner = scanner;
        let met = &self.met[..self.met_len];
        counts.terms = met
            .iter()
            .map(|&s| {
                let (tf, head) = std::mem::take(&mut self.tally[s as usize]);
                (s, tf, head)
            })
            .collect();
        self.met_len = 0;
        self.run.counts.push(counts);
    }

    fn count(&mut self, counts: &mut Counts, field: Field, word: &str, ascii: bool) {
        let spelling = self.spelling(word, ascii);
        if self.keep_words {
            let article = u32::try_from(self.run.counts.len()).unwrap_or(u32::MAX);
            if self.listed[spelling as usize] != article {
                self.listed[spelling as usize] = article;
                counts.words.push(spelling);
            }
        }
        let stem = self.stem_of[spelling as usize];
        // Counted in a table by stem number, not in a list searched per
        // article. The stem is written after the article's stems whether
        // it is new or not, and kept only if it is: a branch there
        // mispredicted on about one word in three.
        let tally = &mut self.tally[stem as usize];
        self.met[self.met_len] = stem;
        self.met_len += usize::from(tally.0 == 0.0);
        tally.0 += field.boost;
        tally.1 |= field.head;
        counts.length += 1;
    }

    /// The number of the spelling `word`, met before or new.
    fn spelling(&mut self, word: &str, ascii: bool) -> u32 {
        if let Some(key) = ascii.then(|| packed(word)).flatten() {
            if let Some(&n) = self.short.get(&key) {
                return n;
            }
            let n = self.new_spelling(word, ascii);
            self.short.insert(key, n);
            return n;
        }
        if let Some(&n) = self.long.get(word) {
            return n;
        }
        let n = self.new_spelling(word, ascii);
        self.long.insert(word.to_string(), n);
        n
    }

    fn new_spelling(&mut self, word: &str, ascii: bool) -> u32 {
        let folded = match ascii {
            true => std::borrow::Cow::Borrowed(word),
            false => text::fold(word),
        };
        let stem = match &self.stemmer {
            Some(s) => text::fold(&s.stem(word)).into_owned(),
            None => folded.to_string(),
        };
        let n = match self.numbers.get(&stem) {
            Some(&n) => n,
            None => {
                let n = u32::try_from(self.run.stems.len()).unwrap_or(u32::MAX);
                self.numbers.insert(stem.clone(), n);
                self.run.stems.push(stem);
                self.tally.push((0.0, false));
                self.met.push(0);
                n
            }
        };
        self.run.words.push((folded.into_owned(), n));
        self.stem_of.push(n);
        self.listed.push(u32::MAX);
        u32::try_from(self.stem_of.len() - 1).unwrap_or(u32::MAX)
    }

    /// The run, once every article is in.
    pub fn finish(self) -> Run {
        self.run
    }
}

/// Keeps, of two stems for one folded word (`café` and `cafe` may stem
/// apart), the one that sorts first: the same whatever order they came in.
pub fn prefer(current: &mut u32, candidate: u32, stems: &[String]) {
    if stems[candidate as usize] < stems[*current as usize] {
        *current = candidate;
    }
}

/// An ASCII word of at most 16 bytes as one integer: words hold no zero
/// byte, so the zeros after it tell its length and no two words share a key.
///
/// Read with two overlapping loads of the word's first and last bytes
/// rather than copied into a zeroed buffer: that copy, once per word, cost
/// a call to `memcpy` and a stalled read of bytes it had just stored.
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    Some(match n {
        17.. => return None,
        8.. => {
            let hi = u64_at(&b[n - 8..]).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
            u128::from(u64_at(b)) | u128::from(hi) << 64
        }
        4.. => {
            // The two reads overlap where n < 8; the bytes they share are equal.
            let (lo, hi) = (u32_at(b), u32_at(&b[n - 4..]));
            u128::from(u64::from(lo) | u64::from(hi) << (8 * (n - 4)))
        }
        _ => b.iter().rev().fold(0, |key, &c| key << 8 | u128::from(c)),
    })
}

fn u64_at(b: &[u8]) -> u64 {
    u64::from_le_bytes(b[..8].try_into().unwrap_or_default())
}

fn u32_at(b: &[u8]) -> u32 {
    u32::from_le_bytes(b[..4].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_of(run: &Run, word: &str) -> String {
        let n = run.words.iter().find(|(w, _)| w == word).map(|w| w.1).unwrap_or(u32::MAX);
        run.stems.get(n as usize).cloned().unwrap_or_default()
    }

    #[test]
    fn english_words_share_stems() {
        let mut a = Analyser::new("en-GB");
        a.article(&[(TITLE, "Dredging the harbour")], "<p>They <em>dredged</em> it. Harbours&#33;</p>");
        let run = a.finish();
        let stem_of = |w: &str| stem_of(&run, w);
        assert_eq!(stem_of("dredging"), "dredg");
        assert_eq!(stem_of("dredged"), "dredg");
        assert_eq!(stem_of("harbours"), "harbour");
        let counts = &run.counts[0];
        assert_eq!(counts.length, 7);
        let dredg: Vec<_> =
            counts.terms.iter().filter(|t| run.stems[t.0 as usize] == "dredg").map(|t| (t.1, t.2)).collect();
        assert_eq!(dredg, [(4.0, true)], "3 for the headline, 1 for the body, merged");
    }

    #[test]
    fn long_and_short_words_are_counted_alike() {
        let mut a = Analyser::new("en");
        a.article(
            &[(TITLE, "Internationalisation")],
            "<p>internationalisation INTERNATIONALISATION tide tides</p>",
        );
        let run = a.finish();
        let stem_of = |w: &str| stem_of(&run, w);
        assert_eq!(stem_of("internationalisation"), "internationalis");
        assert_eq!(stem_of("tides"), "tide");
        let mut terms: Vec<(String, f32)> =
            run.counts[0].terms.iter().map(|t| (run.stems[t.0 as usize].clone(), t.1)).collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(terms, [("internationalis".to_string(), 5.0), ("tide".to_string(), 2.0)]);
    }

    #[test]
    fn packed_words_are_their_bytes_zero_padded() {
        let word = "abcdefghijklmnopq";
        for n in 0..=16 {
            let mut key = [0u8; 16];
            key[..n].copy_from_slice(&word.as_bytes()[..n]);
            assert_eq!(packed(&word[..n]), Some(u128::from_le_bytes(key)), "{n} bytes");
        }
        assert_eq!(packed(word), None);
    }

    #[test]
    fn unknown_languages_keep_plain_folded_words() {
        let mut a = Analyser::new("ja");
        a.article(&[], "Café cafés 京都");
        let run = a.finish();
        let mut stems = run.stems.clone();
        stems.sort();
        assert_eq!(stems, ["cafe", "cafes", "京都"]);
    }

    #[test]
    fn stems_are_folded_after_stemming() {
        let mut a = Analyser::new("fr");
        a.article(&[(SUMMARY, "Élections municipales")], "");
        let run = a.finish();
        assert!(run.stems.iter().all(|s| s.is_ascii()), "{:?}", run.stems);
        assert!(run.words.iter().any(|(w, _)| w == "elections"));
    }
}
