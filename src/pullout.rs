//! Quotes of one article: extracting them from its text blocks, choosing the
//! pull-outs (automatically or as the author listed them) and the HTML that
//! places them beside the paragraph they come from.

use std::path::Path;

use serde::Serialize;

use crate::config::QuotesConfig;
use crate::content::{Article, At, Pullquotes};
use crate::error::Error;
use crate::markdown::Decorations;
use crate::quotes::{self, Overrides, Quote};

/// A quote set beside the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PullOut {
    /// The words.
    pub text: String,
    /// Who said them.
    pub speaker: Option<String>,
    /// Index of the text block they are in.
    pub block: usize,
}

/// Quotes and pull-outs of one article, and the decorations that show them.
/// A speaker is shown at the site's confidence or above; the article's
/// `speakers:` and `not_quotes:` corrections win over the model.
pub fn analyse(
    article: &Article,
    blocks: &[String],
    default_count: usize,
    settings: &QuotesConfig,
) -> Result<(Vec<Quote>, Vec<PullOut>, Decorations), Error> {
    let mut found = match article.body.len() > quotes::MAX_BODY {
        true => Vec::new(),
        false => quotes::extract(blocks),
    };
    quotes::apply_threshold(&mut found, quotes::review::threshold(settings));
    if article.speakers.is_some() || article.not_quotes.is_some() {
        let mut errors = Vec::new();
        let overrides =
            Overrides::read(at(&article.speakers), at(&article.not_quotes), &article.path, &mut errors);
        errors.extend(overrides.check(blocks, &article.path));
        if let Some(e) = Error::from_many(errors) {
            return Err(e);
        }
        overrides.apply(&mut found);
    }
    let unnamed = settings.unnamed_pullouts;
    let pulled = match &article.pullquotes {
        Pullquotes::Auto => auto(&found, default_count, unnamed),
        Pullquotes::Count(n) => auto(&found, *n, unnamed),
        Pullquotes::Chosen(chosen) => {
            let mut pulled = Vec::new();
            for c in chosen {
                let block = find_block(blocks, &c.text)
                    .ok_or_else(|| not_found(&article.path, c.line, c.entry, &c.text))?;
                pulled.push(PullOut { text: c.text.clone(), speaker: c.speaker.clone(), block });
            }
            pulled
        }
    };
    let mut deco = Decorations::default();
    deco.block_ids.extend(found.iter().map(|q| q.block));
    for p in &pulled {
        deco.block_ids.insert(p.block);
        deco.before_block.push((p.block, figure(p)));
    }
    Ok((found, pulled, deco))
}

fn at(v: &Option<At<serde_json::Value>>) -> Option<(&serde_json::Value, usize)> {
    v.as_ref().map(|a| (&a.value, a.line))
}

fn auto(found: &[Quote], n: usize, unnamed: bool) -> Vec<PullOut> {
    quotes::choose_pullquotes(found, n, unnamed)
        .into_iter()
        .map(|i| PullOut {
            text: found[i].text.clone(),
            speaker: found[i].speaker.clone(),
            block: found[i].block,
        })
        .collect()
}

fn not_found(path: &Path, line: usize, entry: usize, text: &str) -> Error {
    let short: String = text.chars().take(40).collect();
    Error::content(
        path,
        line,
        1,
        format!(
            "pull-out quote {entry} (\"{short}\") does not occur in the body: copy the words exactly as the article has them"
        ),
    )
}

/// The block holding `text`, comparing without regard to quote-mark style,
/// case or spacing (smart punctuation curls the body's marks).
fn find_block(blocks: &[String], text: &str) -> Option<usize> {
    let needle = normalise(text);
    if needle.is_empty() {
        return None;
    }
    blocks.iter().position(|b| normalise(b).contains(&needle))
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '‘' | '’' | '‚' | '′' => out.push('\''),
                '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
                '–' | '—' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The figure; hidden from screen readers since the words are already in the text.
fn figure(p: &PullOut) -> String {
    let esc = crate::escape::escape;
    let caption =
        p.speaker.as_deref().map(|s| format!("<figcaption>{}</figcaption>", esc(s))).unwrap_or_default();
    format!(
        "<figure class=\"pullquote\" aria-hidden=\"true\"><blockquote><p>{}</p></blockquote>{caption}</figure>\n",
        esc(&p.text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_text_matches_across_quote_styles() {
        let blocks = vec!["Intro.".to_string(), "“We won’t stop,” she said.".to_string()];
        assert_eq!(find_block(&blocks, "We won't  stop"), Some(1));
        assert_eq!(find_block(&blocks, "never said"), None);
        assert_eq!(find_block(&blocks, "  "), None);
    }

    #[test]
    fn figure_escapes_and_hides() {
        let html = figure(&PullOut { text: "<b>".into(), speaker: Some("A & B".into()), block: 0 });
        assert_eq!(
            html,
            "<figure class=\"pullquote\" aria-hidden=\"true\"><blockquote><p>&lt;b&gt;</p></blockquote><figcaption>A &amp; B</figcaption></figure>\n"
        );
    }
}
