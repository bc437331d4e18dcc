//! What an editor checks: the quotes of a file as the site shows them (the
//! front matter's corrections and the site's threshold applied), where each
//! starts in the file, and the doubtful ones across a whole archive.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

use super::{Overrides, Quote, apply_threshold, blocks, extract};
use crate::error::{Error, Result};

/// The least confidence at which `settings` show a speaker.
pub fn threshold(settings: &crate::config::QuotesConfig) -> f32 {
    settings.min_confidence.unwrap_or(super::MIN_CONFIDENCE)
}

/// One file's quotes, as shown.
#[derive(Debug, Clone, Default)]
pub struct FileQuotes {
    /// The quotes, corrections and threshold applied.
    pub quotes: Vec<Quote>,
    /// For each quote, the 1-based line of the file where it starts.
    pub lines: Vec<usize>,
    /// For each quote, whether the front matter settled its speaker.
    pub settled: Vec<bool>,
}

/// Reads the quotes of one Markdown file (front matter optional), showing a
/// speaker only at `min` confidence or above. Problems with the front matter
/// or its corrections come back beside the quotes, which are then shown as
/// if there were no corrections.
pub fn read_file(path: &Path, min: f32) -> Result<(FileQuotes, Vec<Error>)> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let parts = crate::content::split(text).ok();
    let body = parts.as_ref().map_or(text, |p| p.body);
    let blocks = match crate::content::BodyFormat::of(path) {
        crate::content::BodyFormat::Html => blocks(&crate::content::html_to_markdown(body)),
        _ => blocks(body),
    };
    let mut quotes = if body.len() > super::MAX_BODY { Vec::new() } else { extract(&blocks) };
    apply_threshold(&mut quotes, min);
    let mut errors = Vec::new();
    let overrides = match &parts {
        Some(p) => read_overrides(p, path, &mut errors),
        None => Overrides::default(),
    };
    if errors.is_empty() {
        errors = overrides.check(&blocks, path);
    }
    let settled = match errors.is_empty() {
        true => overrides.apply(&mut quotes),
        false => vec![false; quotes.len()],
    };
    let lines = locate(text, text.len() - body.len(), &quotes);
    Ok((FileQuotes { quotes, lines, settled }, errors))
}

fn read_overrides(parts: &crate::content::Split<'_>, path: &Path, errors: &mut Vec<Error>) -> Overrides {
    let entries = match crate::content::front_entries(parts, path) {
        Ok(e) => e,
        Err(e) => {
            errors.push(e);
            return Overrides::default();
        }
    };
    let find = |key: &str| entries.iter().find(|e| e.key == key).map(|e| (&e.value, e.line));
    let (speakers, not_quotes): (Option<(&Value, usize)>, _) =
        (find(super::overrides::SPEAKERS_KEY), find(super::overrides::NOT_QUOTES_KEY));
    Overrides::read(speakers, not_quotes, path, errors)
}

/// The 1-based line where each quote starts in `text`, whose body begins at
/// byte `body_start`. Quotes come in reading order, so each is looked for
/// after the one before; the comparison keeps only letters and digits,
/// lower-cased, so Markdown emphasis, smart quotes and line breaks between
/// the source and the extracted words do not matter. A quote that cannot be
/// found (its opening words altered by an entity or a link) takes the line
/// of the one before it.
pub fn locate(text: &str, body_start: usize, quotes: &[Quote]) -> Vec<usize> {
    let source: Vec<(char, usize)> = text[body_start..]
        .char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| (fold(c), body_start + i))
        .collect();
    let line_of = |byte: usize| text[..byte].bytes().filter(|&b| b == b'\n').count() + 1;
    let mut cursor = 0;
    let mut last = line_of(body_start);
    let mut lines = Vec::with_capacity(quotes.len());
    for q in quotes {
        let key: Vec<char> = q.text.chars().filter(|c| c.is_alphanumeric()).map(fold).collect();
        let found = [40, 12]
            .into_iter()
            .filter_map(|n| {
                let key = &key[..key.len().min(n)];
                search(&source[cursor..], key).map(|i| cursor + i).or_else(|| search(&source, key))
            })
            .next();
        if let Some(i) = found {
            cursor = i + 1;
            last = line_of(source[i].1);
        }
        lines.push(last);
    }
    lines
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn search(hay: &[(char, usize)], key: &[char]) -> Option<usize> {
    if key.is_empty() || key.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - key.len()).find(|&i| hay[i..i + key.len()].iter().zip(key).all(|(h, k)| h.0 == *k))
}

/// A quote an editor should look at: its speaker is not shown, or was
/// guessed with less than the site's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Doubt {
    /// The file, as given or relative to the folder the command ran in.
    pub path: PathBuf,
    /// Line where the quote starts.
    pub line: usize,
    /// The quoted words.
    pub text: String,
    /// Who the model thinks said it, shown or not.
    pub guess: Option<String>,
    /// The model's confidence in `guess`.
    pub confidence: f32,
}

/// The doubtful quotes of one file: every attribution below `min` and every
/// quote shown without a speaker, leaving out those the front matter settled.
pub fn doubts(path: &Path, fq: &FileQuotes, min: f32) -> Vec<Doubt> {
    (0..fq.quotes.len())
        .filter(|&i| !fq.settled[i])
        .filter(|&i| fq.quotes[i].speaker.is_none() || fq.quotes[i].confidence < min)
        .map(|i| {
            let q = &fq.quotes[i];
            Doubt {
                path: path.to_path_buf(),
                line: fq.lines[i],
                text: q.text.clone(),
                guess: q.guess.clone(),
                confidence: q.confidence,
            }
        })
        .collect()
}

/// Sorts doubts most doubtful (least confident) first, then by file and line.
pub fn sort(doubts: &mut [Doubt]) {
    doubts.sort_by(|a, b| {
        a.confidence.total_cmp(&b.confidence).then_with(|| (&a.path, a.line).cmp(&(&b.path, b.line)))
    });
}

/// The doubts of every article under `root/content`, sorted, with the
/// problems met; paths are shown joined to `root` unless it is `.`.
pub fn review_site(root: &Path, min: f32) -> (Vec<Doubt>, usize, Vec<Error>) {
    let (sources, _, mut errors) = crate::content::discover(root);
    let shown = |rel: &Path| if root == Path::new(".") { rel.to_path_buf() } else { root.join(rel) };
    let files: Vec<PathBuf> = sources.iter().map(|rel| shown(rel)).collect();
    let (doubts, count, more) = review_files(&files, min);
    errors.extend(more);
    (doubts, count, errors)
}

/// The doubts of `files`, sorted, how many quotes they hold, and the problems met.
pub fn review_files(files: &[PathBuf], min: f32) -> (Vec<Doubt>, usize, Vec<Error>) {
    let results: Vec<_> = files.par_iter().map(|p| (p, read_file(p, min))).collect();
    let (mut all, mut count, mut errors) = (Vec::new(), 0, Vec::new());
    for (path, r) in results {
        match r {
            Ok((fq, errs)) => {
                count += fq.quotes.len();
                all.extend(doubts(path, &fq, min));
                errors.extend(errs);
            }
            Err(e) => errors.push(e),
        }
    }
    sort(&mut all);
    (all, count, errors)
}

/// Quotes longer than this many characters are cut in a review line.
const SHOWN_CHARS: usize = 80;

impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = match words.char_indices().nth(SHOWN_CHARS) {
            Some((cut, _)) => format!("{}…", words[..words[..cut].rfind(' ').unwrap_or(cut)].trim_end()),
            None => words,
        };
        let who = self.guess.as_deref().unwrap_or("");
        write!(f, "{}:{}: \"{text}\" — {who}? ({:.2})", self.path.display(), self.line, self.confidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, guess: Option<&str>, confidence: f32, min: f32) -> Quote {
        let guess: Option<String> = guess.map(Into::into);
        let mut q = Quote { text: text.into(), speaker: None, guess, partial: false, block: 0, confidence };
        apply_threshold(std::slice::from_mut(&mut q), min);
        q
    }

    #[test]
    fn lines_are_found_in_order_past_markup() {
        let text = "---\ntitle: x\n---\nIntro.\n\n\u{201c}We *will*\nwin,\u{201d} she said.\n\n\"We will win,\" he said again.\n\n\u{201c}Gone [elsewhere](http://e.org)\u{201d}\n";
        let body = text.find("Intro").unwrap();
        let qs = [
            q("We will win", None, 0.0, 0.5),
            q("We will win", None, 0.0, 0.5),
            q("Gone elsewhere", None, 0.0, 0.5),
            q("Not in the file", None, 0.0, 0.5),
        ];
        assert_eq!(locate(text, body, &qs), vec![6, 9, 11, 11]);
    }

    #[test]
    fn doubts_are_low_confidence_or_unshown_and_not_settled() {
        let min = 0.7;
        let fq = FileQuotes {
            quotes: vec![
                q("Sure thing", Some("Ada Quill"), 0.9, min),
                q("Maybe so", Some("Tom Briggs"), 0.6, min),
                q("Nobody knows", None, 0.0, min),
                q("Settled it", None, 1.0, min),
            ],
            lines: vec![3, 5, 7, 9],
            settled: vec![false, false, false, true],
        };
        let mut d = doubts(Path::new("a.md"), &fq, min);
        d.extend(doubts(Path::new("0.md"), &fq, min));
        sort(&mut d);
        let shown: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "0.md:7: \"Nobody knows\" — ? (0.00)",
                "a.md:7: \"Nobody knows\" — ? (0.00)",
                "0.md:5: \"Maybe so\" — Tom Briggs? (0.60)",
                "a.md:5: \"Maybe so\" — Tom Briggs? (0.60)",
            ]
        );
    }

    #[test]
    fn the_threshold_decides_what_is_shown_and_doubted() {
        let low = q("Maybe so", Some("Tom Briggs"), 0.6, 0.5);
        assert_eq!(low.speaker.as_deref(), Some("Tom Briggs"));
        let fq = FileQuotes { quotes: vec![low], lines: vec![1], settled: vec![false] };
        assert!(doubts(Path::new("a.md"), &fq, 0.5).is_empty());
        assert_eq!(doubts(Path::new("a.md"), &fq, 0.65).len(), 1);
    }

    #[test]
    fn long_quotes_are_cut_on_one_line() {
        let d = Doubt {
            path: "a.md".into(),
            line: 2,
            text: "word\nword ".repeat(30),
            guess: Some("Ada Quill".into()),
            confidence: 0.25,
        };
        let s = d.to_string();
        assert!(!s.contains('\n') && s.contains("…\" — Ada Quill? (0.25)"), "{s}");
    }
}
