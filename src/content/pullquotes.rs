//! How an article's pull-out quotes are chosen: the `pullquotes` front-matter
//! field, read into a count or a list the quotes stage checks against the body.

use std::path::Path;

use serde_json::Value;

use super::At;
use crate::error::Error;

/// How an article's pull-outs are chosen (front matter `pullquotes`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Pullquotes {
    /// As many as the site setting says, picked automatically.
    #[default]
    Auto,
    /// This many, picked automatically (`pullquotes: 0` turns them off).
    Count(usize),
    /// Chosen by the author: text that must occur in the body, and its speaker.
    Chosen(Vec<ChosenQuote>),
}

/// A pull-out the author chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenQuote {
    /// The quoted words.
    pub text: String,
    /// Who said them.
    pub speaker: Option<String>,
    /// Line of the `pullquotes:` key in the `.md` file.
    pub line: usize,
    /// 1-based position in the list, for messages.
    pub entry: usize,
}

pub(super) fn read_pullquotes(value: Option<At<Value>>, rel: &Path, errors: &mut Vec<Error>) -> Pullquotes {
    let Some(At { value, line }) = value else {
        return Pullquotes::Auto;
    };
    let bad = "`pullquotes` must be a number (0 turns them off) or a list of `{text: ..., speaker: ...}`";
    match value {
        Value::Null => Pullquotes::Auto,
        Value::Bool(false) => Pullquotes::Count(0),
        Value::Number(n) if n.as_u64().is_some() => Pullquotes::Count(n.as_u64().unwrap_or(0) as usize),
        Value::Array(items) => {
            let mut chosen = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let text = item.get("text").and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty());
                match text {
                    Some(text) => chosen.push(ChosenQuote {
                        text: text.to_string(),
                        speaker: item.get("speaker").and_then(Value::as_str).map(str::to_string),
                        line,
                        entry: i + 1,
                    }),
                    None => errors.push(Error::content(
                        rel,
                        line,
                        1,
                        format!("{bad}: entry {} has no `text`", i + 1),
                    )),
                }
            }
            Pullquotes::Chosen(chosen)
        }
        _ => {
            errors.push(Error::content(rel, line, 1, bad));
            Pullquotes::Auto
        }
    }
}
