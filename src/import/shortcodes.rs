//! WordPress shortcodes (`[caption]`, `[gallery]`, `[embed]`...) and block
//! comments (`<!-- wp:paragraph -->`) turned into plain HTML before the
//! HTML-to-Markdown step, and the ones that cannot be turned counted.
//!
//! Shortcodes have no grammar beyond WordPress's own regular expression, so
//! they are scanned here: `[name attrs]`, `[name attrs /]` or
//! `[name attrs]text[/name]`. A bracketed word without attributes and
//! without a closing tag (`[sic]`, `[1]`) is prose, not a shortcode.

use std::collections::BTreeMap;

use super::body::Media;

/// What could not be converted, by kind (`[contact-form-7]`, `wp:latest-posts`), with counts.
pub type Unconverted = BTreeMap<String, usize>;

/// Text kept untouched through the HTML-to-Markdown step, put back after it.
#[derive(Debug, Default)]
pub struct Kept(pub Vec<String>);

impl Kept {
    /// A placeholder paragraph for `text`.
    pub fn keep(&mut self, text: String) -> String {
        self.0.push(text);
        format!("\n\n<p>{}</p>\n\n", Self::token(self.0.len() - 1))
    }

    /// The placeholder of the `n`th kept text: a word no Markdown converter escapes.
    pub fn token(n: usize) -> String {
        format!("DATELINEKEPT{n}X")
    }

    /// `markdown` with every placeholder replaced by its text.
    pub fn restore(&self, markdown: &str) -> String {
        let mut out = markdown.to_string();
        for (n, text) in self.0.iter().enumerate().rev() {
            out = out.replace(&Self::token(n), text);
        }
        out
    }
}

/// Removes the block editor's comments, keeping the HTML between them;
/// `<!--more-->` and blocks made only by PHP (`<!-- wp:latest-posts /-->`)
/// are kept as comments, the latter counted.
pub fn strip_block_comments(html: &str, kept: &mut Kept, unconverted: &mut Unconverted) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("-->") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let comment = &rest[start..start + len + 3];
        let inner = comment[4..comment.len() - 3].trim();
        if inner.starts_with("more") {
            out.push_str(&kept.keep("<!--more-->".to_string()));
        } else if let Some(block) = inner.strip_prefix("wp:")
            && inner.ends_with('/')
        {
            let name = block.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or(block);
            *unconverted.entry(format!("wp:{name} block")).or_default() += 1;
            out.push_str(&kept.keep(comment.to_string()));
        }
        rest = &rest[start + len + 3..];
    }
    out.push_str(rest);
    out
}

/// Shortcodes WordPress itself defines, which are shortcodes even bare.
const BUILT_IN: &[&str] = &["caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"];

/// One shortcode found in the text.
struct Found<'a> {
    name: &'a str,
    attrs: BTreeMap<String, String>,
    inner: Option<&'a str>,
    /// Byte range of the whole shortcode.
    span: (usize, usize),
}

/// Replaces each shortcode with HTML; unknown ones are kept as text and counted.
pub fn convert(html: &str, media: &Media, unconverted: &mut Unconverted) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(found) = next_shortcode(html, at) {
        out.push_str(&html[at..found.span.0]);
        let whole = &html[found.span.0..found.span.1];
        match to_html(&found, media) {
            Some(converted) => out.push_str(&converted),
            None => {
                *unconverted.entry(format!("[{}] shortcode", found.name)).or_default() += 1;
                out.push_str(whole);
            }
        }
        at = found.span.1;
    }
    out.push_str(&html[at..]);
    out
}

fn to_html(s: &Found<'_>, media: &Media) -> Option<String> {
    let attr = |k: &str| s.attrs.get(k).map(String::as_str).unwrap_or("");
    let inner = s.inner.unwrap_or("");
    match s.name {
        "caption" | "wp_caption" => {
            // The caption is the text after the image (or the `caption` attribute).
            let split = inner.rfind('>').map_or(0, |i| i + 1);
            let (image, text) = inner.split_at(split);
            let text = if text.trim().is_empty() { attr("caption") } else { text.trim() };
            Some(format!("<figure>{image}<figcaption>{text}</figcaption></figure>"))
        }
        "gallery" => Some(gallery(attr("ids"), media)),
        "embed" => link(inner.trim()),
        "video" | "audio" => {
            let src = ["src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a"]
                .iter()
                .map(|k| attr(k))
                .find(|v| !v.is_empty())
                .unwrap_or(inner.trim());
            link(src)
        }
        "youtube" | "vimeo" | "soundcloud" | "tweet" | "twitter" => {
            let url =
                s.attrs.get("url").or_else(|| s.attrs.get("")).map(String::as_str).unwrap_or(inner.trim());
            link(url.trim_start_matches('='))
        }
        _ => None,
    }
}

fn link(url: &str) -> Option<String> {
    let url = url.trim();
    (url.starts_with("http://") || url.starts_with("https://"))
        .then(|| format!("<p><a href=\"{url}\">{url}</a></p>"))
}

/// A gallery as a list of its images: the `ids` given, or else the
/// attachments of the post, in their export order.
fn gallery(ids: &str, media: &Media) -> String {
    let chosen: Vec<&(String, String)> = if ids.trim().is_empty() {
        media.of_post.iter().filter_map(|id| media.by_id.get(id)).collect()
    } else {
        ids.split(',').filter_map(|id| media.by_id.get(id.trim())).collect()
    };
    let items: String = chosen
        .iter()
        .map(|(url, title)| format!("<li><img src=\"{url}\" alt=\"{}\"></li>", title.replace('"', "&quot;")))
        .collect();
    format!("<ul class=\"gallery\">{items}</ul>")
}

/// The next shortcode at or after byte `from`.
fn next_shortcode(text: &str, from: usize) -> Option<Found<'_>> {
    let mut at = from;
    while let Some(open) = text[at..].find('[').map(|i| at + i) {
        at = open + 1;
        // `[[name]]` is WordPress's escape for a literal shortcode.
        if text[open..].starts_with("[[") {
            at = open + 2;
            continue;
        }
        let close = text[open..].find(']').map(|i| open + i)?;
        let tag = &text[open + 1..close];
        let name_len =
            tag.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(tag.len());
        let name = &tag[..name_len];
        let after = &tag[name_len..];
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) || tag.contains('\n') {
            continue;
        }
        if !(after.is_empty() || after.starts_with([' ', '=', '/'])) {
            continue;
        }
        let end_tag = format!("[/{name}]");
        let self_closing = after.trim_end().ends_with('/');
        let closing = (!self_closing).then(|| text[close..].find(&end_tag).map(|i| close + i)).flatten();
        let attrs = attributes(after.trim_end_matches('/'));
        if closing.is_none() && attrs.is_empty() && !name.contains(['_', '-']) && !BUILT_IN.contains(&name) {
            continue; // `[sic]`, `[1]`, `[Updated]`: prose
        }
        let (inner, end) = match closing {
            Some(c) => (Some(&text[close + 1..c]), c + end_tag.len()),
            None => (None, close + 1),
        };
        return Some(Found { name, attrs, inner, span: (open, end) });
    }
    None
}

/// `key="value" key='value' key=value bare`; a bare value (`[youtube=URL]`,
/// `[embed URL]`) is stored under the empty key.
fn attributes(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_end);
        let Some(value_part) = after.strip_prefix('=') else {
            out.entry(String::new()).or_insert_with(|| key.to_string());
            rest = after.trim_start();
            continue;
        };
        let (value, next) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &value_part[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = value_part.find(char::is_whitespace).unwrap_or(value_part.len());
                value_part.split_at(end)
            }
        };
        let key = if key.is_empty() { String::new() } else { key.to_ascii_lowercase() };
        out.insert(key, crate::content::decode_entities(value));
        rest = next.trim_start();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media() -> Media {
        let mut m = Media::default();
        m.by_id.insert("7".into(), ("https://s.example/a.jpg".into(), "Quay".into()));
        m.by_id.insert("8".into(), ("https://s.example/b.jpg".into(), "Mill".into()));
        m.of_post = vec!["8".into()];
        m
    }

    #[test]
    fn known_shortcodes_become_html() {
        let mut un = Unconverted::new();
        let html = convert(
            "[caption id=\"attachment_7\" align=\"alignleft\" width=\"300\"]<img src=\"a.jpg\" alt=\"Quay\" /> The quay at dawn[/caption]\n[gallery ids=\"7, 8\"]\n[gallery]\n[embed]https://v.example/1[/embed]\n[youtube=https://y.example/watch?v=x]",
            &media(),
            &mut un,
        );
        assert!(
            html.contains(
                "<figure><img src=\"a.jpg\" alt=\"Quay\" /><figcaption>The quay at dawn</figcaption></figure>"
            ),
            "{html}"
        );
        assert!(html.contains("<ul class=\"gallery\"><li><img src=\"https://s.example/a.jpg\" alt=\"Quay\"></li><li><img src=\"https://s.example/b.jpg\" alt=\"Mill\"></li></ul>"), "{html}");
        assert!(
            html.contains(
                "<ul class=\"gallery\"><li><img src=\"https://s.example/b.jpg\" alt=\"Mill\"></li></ul>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://v.example/1\">")
                && html.contains("<a href=\"https://y.example/watch?v=x\">"),
            "{html}"
        );
        assert!(un.is_empty(), "{un:?}");
    }

    #[test]
    fn unknown_ones_are_kept_and_counted_and_prose_is_left() {
        let mut un = Unconverted::new();
        let text = "He said [sic] it. [contact-form-7 id=\"4\" title=\"Tips\"] [contact-form-7 id=\"5\"] [[gallery]] [1]";
        assert_eq!(convert(text, &media(), &mut un), text);
        assert_eq!(un.into_iter().collect::<Vec<_>>(), [("[contact-form-7] shortcode".to_string(), 2)]);
    }

    #[test]
    fn block_comments_go_and_dynamic_blocks_are_kept() {
        let (mut kept, mut un) = (Kept::default(), Unconverted::new());
        let out = strip_block_comments(
            "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n<!-- wp:latest-posts {\"postsToShow\":3} /-->",
            &mut kept,
            &mut un,
        );
        assert!(out.contains("<p>Hi</p>") && !out.contains("wp:paragraph"), "{out}");
        assert_eq!(kept.0, ["<!--more-->", "<!-- wp:latest-posts {\"postsToShow\":3} /-->"]);
        assert_eq!(un["wp:latest-posts block"], 1);
    }
}
