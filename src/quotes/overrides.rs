//! An editor's corrections to one article's quotes, from its front matter:
//! `speakers:` settles who said a quote (or that nobody is named), and
//! `not_quotes:` strikes quoted words that are not speech (a title, a term).
//!
//! Both win over the attribution model. Each entry must name words the body
//! really has, so a correction cannot silently stop applying after an edit.
//! Words are compared as runs of letters and digits, lower-cased, so quote
//! marks, punctuation, emphasis and line breaks never decide a match.

use std::path::Path;

use serde_json::Value;

use super::Quote;
use crate::error::Error;

/// The front-matter key that assigns speakers.
pub const SPEAKERS_KEY: &str = "speakers";
/// The front-matter key that lists quoted text that is not a quote.
pub const NOT_QUOTES_KEY: &str = "not_quotes";

/// One article's corrections, read but not yet checked against its body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    speakers: Vec<Entry>,
    not_quotes: Vec<Entry>,
}

/// One correction: the words as written, their comparison form, and for
/// `speakers:` who said them (`None`: nobody named).
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    text: String,
    words: Vec<String>,
    speaker: Option<String>,
    /// Line of the key (`speakers:` or `not_quotes:`) in the `.md` file.
    line: usize,
}

impl Overrides {
    /// Reads the values of `speakers:` and `not_quotes:`, each with the file
    /// line of its key; a badly shaped value is an error at that line.
    pub fn read(
        speakers: Option<(&Value, usize)>,
        not_quotes: Option<(&Value, usize)>,
        path: &Path,
        errors: &mut Vec<Error>,
    ) -> Overrides {
        let mut out = Overrides::default();
        if let Some((value, line)) = speakers {
            out.speakers = read_speakers(value, line, path, errors);
        }
        if let Some((value, line)) = not_quotes {
            out.not_quotes = read_not_quotes(value, line, path, errors);
        }
        out
    }

    /// Whether there is nothing to correct.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty() && self.not_quotes.is_empty()
    }

    /// An error for every entry whose words the body (its text blocks) lacks.
    pub fn check(&self, blocks: &[String], path: &Path) -> Vec<Error> {
        if self.is_empty() {
            return Vec::new();
        }
        let body: Vec<String> = blocks.iter().flat_map(|b| words(b)).collect();
        let keyed = self.speakers.iter().map(|e| (SPEAKERS_KEY, e));
        let all = keyed.chain(self.not_quotes.iter().map(|e| (NOT_QUOTES_KEY, e)));
        all.filter(|(_, e)| find(&body, &e.words).is_none())
            .map(|(key, e)| {
                let short: String = e.text.chars().take(50).collect();
                let msg = format!(
                    "`{key}`: \"{short}\" does not occur in the body: copy the quote's words exactly as the article has them"
                );
                Error::content(path, e.line, 1, msg)
            })
            .collect()
    }

    /// Applies the corrections: quotes struck by `not_quotes:` are removed,
    /// and a quote named in `speakers:` gets that speaker with confidence 1.
    /// Returns, for each quote kept, whether an editor settled it.
    pub fn apply(&self, quotes: &mut Vec<Quote>) -> Vec<bool> {
        if self.is_empty() {
            return vec![false; quotes.len()];
        }
        let struck = |q: &Quote| {
            let w = words(&q.text);
            self.not_quotes.iter().any(|e| w.starts_with(&e.words))
        };
        quotes.retain(|q| !struck(q));
        let mut settled = vec![false; quotes.len()];
        let quote_words: Vec<Vec<String>> = quotes.iter().map(|q| words(&q.text)).collect();
        for e in &self.speakers {
            // The opening words, as asked; failing that, words from inside
            // the quote, since an editor may copy a memorable middle part.
            let opens: Vec<usize> =
                (0..quotes.len()).filter(|&i| quote_words[i].starts_with(&e.words)).collect();
            let hits = if opens.is_empty() {
                (0..quotes.len()).filter(|&i| find(&quote_words[i], &e.words).is_some()).collect()
            } else {
                opens
            };
            for i in hits {
                let q = &mut quotes[i];
                q.guess = e.speaker.clone();
                q.speaker = e.speaker.clone();
                q.confidence = 1.0;
                settled[i] = true;
            }
        }
        settled
    }
}

fn read_speakers(value: &Value, line: usize, path: &Path, errors: &mut Vec<Error>) -> Vec<Entry> {
    let shape = "`speakers` must map a quote's opening words to who said them (or null for nobody), such as\n  speakers:\n    \"We will rebuild\": Ada Quill";
    let map = match value {
        Value::Null => return Vec::new(),
        Value::Object(map) => map,
        _ => {
            errors.push(Error::content(path, line, 1, shape));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (text, who) in map {
        let speaker = match who {
            Value::Null => None,
            Value::String(s) if !s.trim().is_empty() => {
                Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            _ => {
                let msg = format!("`speakers`: \"{text}\" needs a name, or null when nobody is named");
                errors.push(Error::content(path, line, 1, msg));
                continue;
            }
        };
        match entry(text, line) {
            Some(e) => out.push(Entry { speaker, ..e }),
            None => errors.push(Error::content(path, line, 1, shape)),
        }
    }
    out
}

fn read_not_quotes(value: &Value, line: usize, path: &Path, errors: &mut Vec<Error>) -> Vec<Entry> {
    let shape = "`not_quotes` must be a list of quoted words that are not quotes, such as `not_quotes: [\"World War Z\", \"jobs machine\"]`";
    let items: Vec<&Value> = match value {
        Value::Null => return Vec::new(),
        Value::Array(items) => items.iter().collect(),
        v @ Value::String(_) => vec![v],
        _ => {
            errors.push(Error::content(path, line, 1, shape));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_str().and_then(|t| entry(t, line)) {
            Some(e) => out.push(e),
            None => errors.push(Error::content(path, line, 1, shape)),
        }
    }
    out
}

/// An entry for `text`; `None` when it has no word to match.
fn entry(text: &str, line: usize) -> Option<Entry> {
    let w = words(text);
    (!w.is_empty()).then(|| Entry { text: text.trim().to_string(), words: w, speaker: None, line })
}

/// The runs of letters and digits of `text`, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Where `needle` starts in `hay` as a run of whole words.
fn find(hay: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, guess: Option<&str>, confidence: f32) -> Quote {
        let guess: Option<String> = guess.map(Into::into);
        Quote { text: text.into(), speaker: guess.clone(), guess, partial: false, block: 1, confidence }
    }

    fn read(yaml: &str) -> (Overrides, Vec<Error>) {
        let v: serde_json::Map<String, Value> = serde_yaml::from_str(yaml).expect("yaml");
        let mut errors = Vec::new();
        let o = Overrides::read(
            v.get(SPEAKERS_KEY).map(|v| (v, 4)),
            v.get(NOT_QUOTES_KEY).map(|v| (v, 7)),
            Path::new("content/a.md"),
            &mut errors,
        );
        (o, errors)
    }

    #[test]
    fn speakers_match_opening_words_across_marks_and_case() {
        let (o, errors) = read("speakers:\n  \"we won't stop,\": Ada  Quill\n  Nobody knew: null\n");
        assert!(errors.is_empty(), "{errors:?}");
        let mut qs = vec![
            q("We won\u{2019}t stop until the bridge is open", Some("Tom Briggs"), 0.3),
            q("Nobody knew the river would rise so fast", Some("Ada Quill"), 0.9),
            q("The bridge will open in May", None, 0.0),
        ];
        let settled = o.apply(&mut qs);
        assert_eq!(settled, vec![true, true, false]);
        assert_eq!(
            (qs[0].speaker.as_deref(), qs[0].guess.as_deref()),
            (Some("Ada Quill"), Some("Ada Quill"))
        );
        assert_eq!(qs[0].confidence, 1.0);
        assert_eq!((qs[1].speaker.as_deref(), qs[1].guess.as_deref(), qs[1].confidence), (None, None, 1.0));
        assert_eq!(qs[2].confidence, 0.0);
    }

    #[test]
    fn words_from_inside_a_quote_match_when_no_quote_opens_with_them() {
        let (o, _) = read("speakers:\n  the bridge: Ada Quill\n");
        let mut qs = vec![q("We won't stop until the bridge is open", None, 0.0)];
        assert_eq!(o.apply(&mut qs), vec![true]);
        assert_eq!(qs[0].speaker.as_deref(), Some("Ada Quill"));
    }

    #[test]
    fn not_quotes_strike_matching_quotes_only() {
        let (o, errors) = read("not_quotes: [\"World War Z\", jobs machine]\n");
        assert!(errors.is_empty(), "{errors:?}");
        let mut qs = vec![
            q("World War Z.", None, 0.0),
            q("jobs machine", Some("Ada Quill"), 0.9),
            q("We want our jobs machine back", Some("Ada Quill"), 0.9),
        ];
        assert_eq!(o.apply(&mut qs), vec![false]);
        assert_eq!(qs.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), ["We want our jobs machine back"]);
    }

    #[test]
    fn entries_must_occur_in_the_body_and_errors_name_the_key_line() {
        let (o, _) = read(
            "speakers:\n  Words nobody said: Ada Quill\n  \"We won't\": Ada Quill\nnot_quotes: [Gone Girl]\n",
        );
        let blocks = vec!["\u{201c}We won\u{2019}t stop,\u{201d} she said.".to_string()];
        let errors: Vec<String> =
            o.check(&blocks, Path::new("content/a.md")).iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("content/a.md:4:1: `speakers`: \"Words nobody said\" does not occur"),
            "{errors:?}"
        );
        assert!(errors[1].starts_with("content/a.md:7:1: `not_quotes`: \"Gone Girl\""), "{errors:?}");
    }

    #[test]
    fn bad_shapes_are_errors_at_the_key() {
        let (_, errors) = read("speakers: [a, b]\nnot_quotes: {a: b}\n");
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(errors[0].starts_with("content/a.md:4:1: `speakers` must map"), "{errors:?}");
        assert!(errors[1].starts_with("content/a.md:7:1: `not_quotes` must be a list"), "{errors:?}");
        let (_, errors) = read("speakers:\n  We will: 3\n");
        assert!(errors[0].to_string().contains("needs a name, or null"), "{errors:?}");
        let (o, errors) = read("speakers: null\nnot_quotes: \"jobs machine\"\n");
        assert!(errors.is_empty() && !o.is_empty());
    }
}
