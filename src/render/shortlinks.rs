//! WordPress short links (`/?p=123`, `/?page_id=45`): every WordPress post
//! answers them, and old pages, mails and social posts are full of them. A
//! static host serves the front page for them whatever the query, so the
//! front page of a site whose articles carry `wordpress_id` gets a short
//! script that looks the id up in `wp-ids.json` and goes on to the article.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::config::Settings;
use crate::content::{Article, SitePage};
use crate::escape::escape;
use crate::render::Page;

/// The file the script reads: WordPress post id -> URL path.
pub const MAP: &str = "wp-ids.json";

/// The id in `wordpress_id`, a number or a string of digits.
fn id_of(extra: &serde_json::Map<String, Value>) -> Option<u64> {
    match extra.get("wordpress_id")? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Whether some article has a WordPress id, so the front page needs the script.
pub fn wanted(articles: &[Article]) -> bool {
    articles.iter().any(|a| id_of(&a.extra).is_some())
}

/// `wp-ids.json` for the articles and pages with a WordPress id (posts and
/// pages share WordPress's numbering, so `?p=` and `?page_id=` read one
/// map); `None` when no article has one.
pub fn map_page(articles: &[Article], pages: &[SitePage], settings: &Settings) -> Option<Page> {
    if !wanted(articles) {
        return None;
    }
    let posts = articles.iter().filter_map(|a| Some((id_of(&a.extra)?, settings.url(&a.rel_url))));
    let pages = pages.iter().filter_map(|p| Some((id_of(&p.extra)?, settings.url(&p.rel_url))));
    let map: BTreeMap<String, String> = posts.chain(pages).map(|(id, url)| (id.to_string(), url)).collect();
    let bytes = serde_json::to_vec(&map).expect("a map of strings always serialises");
    Some(Page { path: MAP.into(), bytes })
}

/// The inline script: only a query with `p` or `page_id` fetches the map,
/// and any failure leaves the reader on the front page without an error.
pub fn script(settings: &Settings) -> String {
    let map = escape(&settings.url(MAP));
    format!(
        "<script>(function(){{var m=/[?&](?:p|page_id)=(\\d+)(?:&|$)/.exec(location.search);\
         if(m)fetch(\"{map}\").then(function(r){{return r.ok?r.json():{{}}}})\
         .then(function(ids){{var u=ids[m[1]];if(u)location.replace(u+location.hash)}})\
         .catch(function(){{}})}})();</script>\n"
    )
}

/// `html` with `script` at the end of its head (or its start, for a
/// template without one): the redirect happens before the page is drawn.
pub fn inject(html: Vec<u8>, script: &str) -> Vec<u8> {
    let at = html.windows(7).position(|w| w.eq_ignore_ascii_case(b"</head>")).unwrap_or(0);
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_head() {
        let html = b"<html><head><title>x</title></HEAD><body></body></html>".to_vec();
        let out = String::from_utf8(inject(html, "<script>s</script>")).unwrap();
        assert_eq!(out, "<html><head><title>x</title><script>s</script></HEAD><body></body></html>");
        let bare = String::from_utf8(inject(b"<p>x</p>".to_vec(), "<s>")).unwrap();
        assert_eq!(bare, "<s><p>x</p>");
    }

    #[test]
    fn ids_are_numbers_or_digit_strings() {
        let map = |v: Value| serde_json::json!({ "wordpress_id": v }).as_object().cloned().unwrap();
        assert_eq!(id_of(&map(serde_json::json!(123))), Some(123));
        assert_eq!(id_of(&map(serde_json::json!(" 77 "))), Some(77));
        assert_eq!(id_of(&map(serde_json::json!("x"))), None);
        assert_eq!(id_of(&serde_json::Map::new()), None);
    }
}
