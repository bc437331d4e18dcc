//! A WordPress body to Markdown: block comments and shortcodes first, then
//! `wpautop`'s paragraphs, then htmd with handlers for what WordPress writes
//! and Markdown has no word for (figures with captions, embeds).

use std::collections::BTreeMap;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::{Element, HtmlToMarkdown};

use super::shortcodes::{self, Kept, Unconverted};

/// The site's attachments, for galleries.
#[derive(Debug, Default)]
pub struct Media {
    /// URL and title of each attachment by its post id.
    pub by_id: BTreeMap<String, (String, String)>,
    /// The attachments of the post being converted, in export order.
    pub of_post: Vec<String>,
}

/// Tags that open a block in HTML: a paragraph `wpautop` leaves alone.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "iframe",
    "li",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
    "audio",
    "object",
    "script",
    "style",
];

/// Converts one body, counting what could not be converted.
pub fn to_markdown(html: &str, media: &Media, unconverted: &mut Unconverted) -> String {
    let mut kept = Kept::default();
    let html = shortcodes::strip_block_comments(html, &mut kept, unconverted);
    let html = shortcodes::convert(&html, media, unconverted);
    let html = autop(&html);
    let markdown = converter().convert(&html).unwrap_or_else(|_| html.clone());
    kept.restore(markdown.trim()) + "\n"
}

/// WordPress's `wpautop`, as far as a body needs it: text separated by a
/// blank line is a paragraph, a single line break inside one is a `<br>`;
/// chunks that open with a block tag stay as they are; a URL alone in its
/// paragraph is an embed, written as a link.
fn autop(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    for chunk in html.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let lower = chunk.to_ascii_lowercase();
        let opens_block = lower.strip_prefix('<').is_some_and(|rest| {
            let name: String =
                rest.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
            BLOCK_TAGS.contains(&name.as_str())
        });
        if opens_block {
            out.push_str(chunk);
        } else if (chunk.starts_with("http://") || chunk.starts_with("https://"))
            && !chunk.contains(char::is_whitespace)
        {
            out.push_str(&format!("<p><a href=\"{chunk}\">{chunk}</a></p>"));
        } else {
            out.push_str("<p>");
            out.push_str(&chunk.replace('\n', "<br>"));
            out.push_str("</p>");
        }
        out.push_str("\n\n");
    }
    out
}

fn attr<'a>(el: &'a Element<'_>, name: &str) -> &'a str {
    el.attrs.iter().find(|a| &*a.name.local == name).map_or("", |a| &*a.value)
}

fn converter() -> HtmlToMarkdown {
    HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript"])
        .add_handler(vec!["figure"], figure)
        .add_handler(vec!["figcaption"], |h: &dyn Handlers, el: Element| {
            let text = h.walk_children(el.node).content;
            Some(HandlerResult::from(format!("\n\n<figcaption>{}</figcaption>\n\n", text.trim())))
        })
        .add_handler(vec!["iframe", "video", "audio", "embed", "source"], |_: &dyn Handlers, el: Element| {
            let src = attr(&el, "src");
            let link = if src.is_empty() { String::new() } else { format!("\n\n<{src}>\n\n") };
            Some(HandlerResult::from(link))
        })
        .build()
}

/// A figure with a caption stays a figure, its image in Markdown inside;
/// an embed figure is a link to what it embeds; any other figure is its
/// content (a gallery's list, a lone image).
fn figure(h: &dyn Handlers, el: Element) -> Option<HandlerResult> {
    let class = attr(&el, "class");
    let content = h.walk_children(el.node).content;
    let content = content.trim();
    if class.contains("wp-block-embed") {
        let url = content.lines().map(str::trim).find(|l| l.starts_with("http")).unwrap_or(content);
        let url = url.trim_start_matches('<').trim_end_matches('>');
        return Some(HandlerResult::from(format!("\n\n<{url}>\n\n")));
    }
    if content.contains("<figcaption>") {
        return Some(HandlerResult::from(format!("\n\n<figure>\n\n{content}\n\n</figure>\n\n")));
    }
    Some(HandlerResult::from(format!("\n\n{content}\n\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> (String, Unconverted) {
        let mut un = Unconverted::new();
        (to_markdown(html, &Media::default(), &mut un), un)
    }

    #[test]
    fn wpautop_paragraphs_and_breaks() {
        let (m, _) =
            md("First line\nsame paragraph.\n\nSecond <strong>bold</strong>.\n\n<ul>\n<li>one</li>\n</ul>");
        assert!(m.starts_with("First line  \nsame paragraph.\n\nSecond **bold**."), "{m}");
        assert!(
            m.contains("*   one") || m.contains("* one") || m.contains("-   one") || m.contains("- one"),
            "{m}"
        );
    }

    #[test]
    fn captions_become_figures_and_embeds_links() {
        let (m, _) = md(
            "[caption width=\"300\"]<img src=\"https://s.example/q.jpg\" alt=\"Quay\"> The quay[/caption]\n\nhttps://www.youtube.com/watch?v=abc\n\n<!-- wp:embed {\"url\":\"https://vimeo.com/1\"} -->\n<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/1\n</div></figure>\n<!-- /wp:embed -->\n\n<iframe src=\"https://maps.example/x\"></iframe>",
        );
        assert!(m.contains("<figure>\n\n![Quay](https://s.example/q.jpg)\n\n<figcaption>The quay</figcaption>\n\n</figure>"), "{m}");
        assert!(m.contains("https://www.youtube.com/watch?v=abc"), "{m}");
        assert!(m.contains("<https://vimeo.com/1>"), "{m}");
        assert!(m.contains("<https://maps.example/x>"), "{m}");
    }

    #[test]
    fn more_and_dynamic_blocks_survive_as_comments() {
        let (m, un) = md(
            "<!-- wp:paragraph --><p>Lead.</p><!-- /wp:paragraph -->\n<!-- wp:more --><!--more--><!-- /wp:more -->\n<p>Rest.</p><!-- wp:archives /-->",
        );
        assert!(m.contains("Lead.\n\n<!--more-->\n\nRest."), "{m}");
        assert!(m.contains("<!-- wp:archives /-->"), "{m}");
        assert_eq!(un["wp:archives block"], 1);
    }
}
