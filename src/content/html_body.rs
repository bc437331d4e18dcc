//! HTML posts: old Jekyll and Hugo archives keep articles as `.html` files
//! with front matter. Their bodies are turned into Markdown that writes back
//! the same HTML (htmd's faithful mode keeps every tag Markdown cannot say as
//! raw HTML), so that they go through the one renderer: summaries, word
//! counts and quotes come from their text, and the raw HTML left in them
//! follows the site's `markdown.raw_html` rule like any Markdown article's.

use htmd::HtmlToMarkdown;
use htmd::options::{Options, TranslationMode};

/// The Markdown for an HTML body; the HTML itself if it cannot be read
/// (html5ever reads any text, so that is only an I/O error of its sink).
pub fn to_markdown(html: &str) -> String {
    let converter = HtmlToMarkdown::builder()
        .options(Options { translation_mode: TranslationMode::Faithful, ..Options::default() })
        .build();
    converter.convert(html).unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_text_and_other_tags_stay() {
        let md = to_markdown(
            "<p>The <em>council</em> met &amp; voted.</p>\n<p>Second</p>\n<iframe src=\"https://v.example/1\"></iframe>",
        );
        assert!(
            md.contains("The *council* met & voted.") || md.contains("The _council_ met & voted."),
            "{md}"
        );
        assert!(md.contains("\n\nSecond"), "{md}");
        assert!(md.contains("<iframe src=\"https://v.example/1\"></iframe>"), "{md}");
    }
}
