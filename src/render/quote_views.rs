//! What templates see of quotes: on the article page, and on the quotes index.

use serde::Serialize;
use tera::Value;

use crate::archive::Speaker;
use crate::body::Rendered;
use crate::config::Settings;
use crate::content::Article;

/// A quote on its article page.
#[derive(Debug, Serialize)]
pub struct QuoteView<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_url: Option<String>,
    partial: bool,
    /// The id of the paragraph that holds it.
    id: String,
    /// Link straight to that paragraph.
    url: String,
    /// On the quotes pages: the article's listing view, shared.
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<Value>,
}

/// The speaker's page in the quotes of `lang_prefix`'s language.
fn speaker_url(name: &str, lang_prefix: &str, settings: &Settings) -> Option<String> {
    let slug = crate::slug::slugify(name);
    (!slug.is_empty()).then(|| settings.url(&[lang_prefix, "quotes/", &slug, "/"].concat()))
}

fn quote_view<'a>(
    a: &Article,
    text: &'a str,
    speaker: Option<&'a str>,
    partial: bool,
    block: usize,
    settings: &Settings,
) -> QuoteView<'a> {
    let id = format!("p-{}", block + 1);
    QuoteView {
        text,
        speaker,
        speaker_url: speaker.and_then(|s| speaker_url(s, &a.lang_prefix, settings)),
        partial,
        url: [&settings.url(&a.rel_url), "#", &id].concat(),
        id,
        article: None,
    }
}

/// `page.quotes` and `page.pullquotes`.
pub fn article_quotes<'a>(
    a: &Article,
    r: &'a Rendered,
    settings: &Settings,
) -> (Vec<QuoteView<'a>>, Vec<QuoteView<'a>>) {
    let quotes = r
        .quotes
        .iter()
        .map(|q| quote_view(a, &q.text, q.speaker.as_deref(), q.partial, q.block, settings))
        .collect();
    let pulled = r
        .pullouts
        .iter()
        .map(|p| quote_view(a, &p.text, p.speaker.as_deref(), false, p.block, settings))
        .collect();
    (quotes, pulled)
}

/// A speaker with a link and a count.
#[derive(Debug, Serialize)]
struct SpeakerView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
}

fn speaker_view<'a>(s: &'a Speaker, lang_prefix: &str, settings: &Settings) -> SpeakerView<'a> {
    SpeakerView {
        name: &s.name,
        slug: &s.slug,
        url: settings.url(&format!("{lang_prefix}quotes/{}/", s.slug)),
        count: s.quotes.len(),
    }
}

/// One speaker, for their page in the quotes of `lang_prefix`'s language.
pub fn speaker(s: &Speaker, lang_prefix: &str, settings: &Settings) -> Value {
    Value::from_serializable(&speaker_view(s, lang_prefix, settings))
}

/// Every speaker of one language's quotes twice: most quoted first, and A to Z.
pub fn speakers(all: &[Speaker], lang_prefix: &str, settings: &Settings) -> (Value, Value) {
    let view = |s| speaker_view(s, lang_prefix, settings);
    let mut by_count: Vec<SpeakerView<'_>> = all.iter().map(view).collect();
    by_count.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let mut az: Vec<SpeakerView<'_>> = all.iter().map(view).collect();
    az.sort_by_cached_key(|v| (v.name.to_lowercase(), v.slug));
    (Value::from_serializable(&by_count), Value::from_serializable(&az))
}

/// Listing items for (article, quote) pairs: each quote with its article's view.
pub fn quote_items(
    quotes: &[(usize, usize)],
    articles: &[Article],
    rendered: &[Rendered],
    summaries: &[Value],
    settings: &Settings,
) -> Vec<Value> {
    quotes
        .iter()
        .map(|&(ai, qi)| {
            let q = &rendered[ai].quotes[qi];
            let mut view =
                quote_view(&articles[ai], &q.text, q.speaker.as_deref(), q.partial, q.block, settings);
            view.article = Some(summaries[ai].clone());
            Value::from_serializable(&view)
        })
        .collect()
}
