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
fn speaker_url(slug: &str, lang_prefix: &str, settings: &Settings) -> Option<String> {
    (!slug.is_empty()).then(|| settings.url(&[lang_prefix, "quotes/", slug, "/"].concat()))
}

fn quote_view<'a>(
    a: &Article,
    (text, speaker): (&'a str, Option<&'a str>),
    slug: Option<&str>,
    partial: bool,
    block: usize,
    settings: &Settings,
) -> QuoteView<'a> {
    let id = format!("p-{}", block + 1);
    QuoteView {
        text,
        speaker,
        // The index's page for the person, under the name their spellings merged to.
        speaker_url: slug.and_then(|s| speaker_url(s, &a.lang_prefix, settings)),
        partial,
        url: [&settings.url(&a.rel_url), "#", &id].concat(),
        id,
        article: None,
    }
}

/// `page.quotes` and `page.pullquotes`; `slugs` holds the speaker's page of
/// each quote (see [`crate::archive::Archive::speaker_slugs`]).
pub fn article_quotes<'a>(
    a: &Article,
    r: &'a Rendered,
    slugs: &[Option<&str>],
    settings: &Settings,
) -> (Vec<QuoteView<'a>>, Vec<QuoteView<'a>>) {
    let slug = |qi: usize| slugs.get(qi).copied().flatten();
    let quotes = r
        .quotes
        .iter()
        .enumerate()
        .map(|(qi, q)| quote_view(a, (&q.text, q.speaker.as_deref()), slug(qi), q.partial, q.block, settings))
        .collect();
    // A pull-out's speaker is one of the article's quoted speakers.
    let slug_of = |name: Option<&str>| slug(r.quotes.iter().position(|q| q.speaker.as_deref() == name)?);
    let pulled = r
        .pullouts
        .iter()
        .map(|p| {
            let speaker = p.speaker.as_deref();
            quote_view(a, (&p.text, speaker), slug_of(speaker), false, p.block, settings)
        })
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

/// Listing items for (article, quote) pairs of the speaker whose page is
/// `slug`: each quote with its article's view.
pub fn quote_items(
    quotes: &[(usize, usize)],
    slug: &str,
    articles: &[Article],
    rendered: &[Rendered],
    summaries: &[Value],
    settings: &Settings,
) -> Vec<Value> {
    quotes
        .iter()
        .map(|&(ai, qi)| {
            let q = &rendered[ai].quotes[qi];
            let said = (q.text.as_str(), q.speaker.as_deref());
            let mut view = quote_view(&articles[ai], said, Some(slug), q.partial, q.block, settings);
            view.article = Some(summaries[ai].clone());
            Value::from_serializable(&view)
        })
        .collect()
}
