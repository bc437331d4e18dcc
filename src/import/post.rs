//! One WordPress item as a dateline article or page: its front matter.

use jiff::civil::DateTime;
use serde::Serialize;

use super::wxr::{Export, Item};
use crate::slug::slugify;

/// The front matter written for an imported post, in the order written.
#[derive(Debug, Serialize)]
pub struct Front {
    /// Headline.
    pub title: String,
    /// Publication time with the site's offset at the time.
    pub date: String,
    /// Last change, in UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Display names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Categories (dateline lists them with the tags unless told otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The last segment of the URL.
    pub slug: String,
    /// The excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Drafts, private, pending and scheduled posts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// The old permalink's path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The post's id in WordPress.
    pub wordpress_id: u64,
    /// The short link WordPress answers for every post (`/?p=ID`): a query
    /// string no static file can answer, kept for a server rewrite rule.
    pub wordpress_shortlink: String,
}

/// The front matter written for an imported page (under `content/pages/`):
/// no date, since a page is not news, and its old permalink's path as its
/// `url`, so that links to it keep working without a redirect.
#[derive(Debug, Serialize)]
pub struct PageFront {
    /// Title.
    pub title: String,
    /// The old permalink's path; without one, the file name gives the URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Last change, in UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Drafts, private and pending pages.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// The page's id in WordPress.
    pub wordpress_id: u64,
    /// See [`Front::wordpress_shortlink`].
    pub wordpress_shortlink: String,
}

impl From<Front> for PageFront {
    fn from(f: Front) -> Self {
        PageFront {
            title: f.title,
            url: f.aliases.into_iter().next(),
            updated: f.updated,
            summary: f.summary,
            draft: f.draft,
            wordpress_id: f.wordpress_id,
            wordpress_shortlink: f.wordpress_shortlink,
        }
    }
}

/// Statuses that are not published: `draft: true`.
const UNPUBLISHED: &[&str] = &["draft", "pending", "private", "future"];

/// Statuses left out: nothing a reader or an editor wants back.
pub const DISCARDED: &[&str] = &["trash", "auto-draft", "inherit"];

/// The front matter of `item`; `None` when it has no date at all.
pub fn front(item: &Item, export: &Export) -> Option<Front> {
    let (date, local) = date(item)?;
    // WXR 1.0 wrote tags under `tag`, and each category twice, once without a domain.
    let terms = |domains: &[&str]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let chosen = item.terms.iter().filter(|t| domains.contains(&t.domain.as_str()));
        for name in chosen.map(|t| crate::content::decode_entities(&t.name)) {
            if !name.eq_ignore_ascii_case("uncategorized") && !out.contains(&name) {
                out.push(name);
            }
        }
        out
    };
    let id: u64 = item.get("wp:post_id").parse().unwrap_or(0);
    let title = plain(item.get("title"));
    let title = if title.trim().is_empty() { format!("Untitled ({})", local.date()) } else { title };
    let slug = slug(item, &title, id);
    let updated = wp_time(item.get("wp:post_modified_gmt"))
        .filter(|m| *m > wp_time(item.get("wp:post_date_gmt")).unwrap_or(*m))
        .map(|m| format!("{}Z", m.strftime("%Y-%m-%dT%H:%M:%S")));
    let excerpt = item.get("excerpt:encoded");
    Some(Front {
        title,
        date,
        updated,
        authors: author(item, export).into_iter().collect(),
        tags: terms(&["post_tag", "tag"]),
        categories: terms(&["category", ""]),
        slug,
        summary: (!excerpt.is_empty()).then(|| plain(excerpt)),
        draft: UNPUBLISHED.contains(&item.get("wp:status")),
        aliases: old_path(item.get("link"), &export.site).into_iter().collect(),
        wordpress_id: id,
        wordpress_shortlink: format!("/?p={id}"),
    })
}

/// The date with its offset, from `post_date` and `post_date_gmt` (their
/// difference is the site's offset then); the local time alone when the
/// GMT one is unset (drafts), then `post_modified`; and the local time.
fn date(item: &Item) -> Option<(String, DateTime)> {
    let local = wp_time(item.get("wp:post_date")).or_else(|| wp_time(item.get("wp:post_modified")))?;
    let stamp = local.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    let Some(gmt) = wp_time(item.get("wp:post_date_gmt")) else {
        return Some((stamp, local));
    };
    let minutes = local.duration_since(gmt).as_secs() / 60;
    let (sign, minutes) = if minutes < 0 { ('-', -minutes) } else { ('+', minutes) };
    Some((format!("{stamp}{sign}{:02}:{:02}", minutes / 60, minutes % 60), local))
}

/// `2011-01-05 14:30:00`; `None` for WordPress's unset `0000-00-00 00:00:00`.
fn wp_time(text: &str) -> Option<DateTime> {
    if text.is_empty() || text.starts_with("0000") {
        return None;
    }
    text.replacen(' ', "T", 1).parse().ok()
}

/// `post_name` (percent-decoded: WordPress stores non-ASCII slugs encoded),
/// else the title, else `post-ID`.
fn slug(item: &Item, title: &str, id: u64) -> String {
    let name = item.get("wp:post_name");
    let decoded = crate::paths::percent_decode(name).unwrap_or_else(|| name.to_string());
    [slugify(&decoded), slugify(title)]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| format!("post-{id}"))
}

/// The display name of the item's author; the login when it has none.
fn author(item: &Item, export: &Export) -> Option<String> {
    let login = item.get("dc:creator");
    if login.is_empty() {
        return None;
    }
    let display = export.authors.get(login).map(|s| s.as_str()).unwrap_or("");
    Some(if display.is_empty() { login.to_string() } else { display.to_string() })
}

/// The path of the old permalink on the old site, if it is a path (not a
/// `?p=` query, which no static file can answer).
fn old_path(link: &str, site: &str) -> Option<String> {
    let rest = link.strip_prefix(site.trim_end_matches('/')).unwrap_or(link);
    let rest = match rest.find("://") {
        Some(i) => {
            let after = &rest[i + 3..];
            after.find('/').map_or("/", |j| &after[j..])
        }
        None => rest,
    };
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let path = if path.starts_with('/') { path.to_string() } else { format!("/{path}") };
    (path != "/" && crate::paths::alias_file(&path).is_ok()).then_some(path)
}

/// An excerpt as plain text: tags dropped, entities decoded, space collapsed.
fn plain(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    crate::content::decode_entities(&text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(pairs: &[(&str, &str)]) -> Item {
        let mut i = Item::default();
        for (k, v) in pairs {
            i.fields.insert(k.to_string(), v.to_string());
        }
        i
    }

    #[test]
    fn dates_carry_the_sites_offset() {
        let i = item(&[("wp:post_date", "2011-01-05 14:30:00"), ("wp:post_date_gmt", "2011-01-05 19:30:00")]);
        assert_eq!(date(&i).unwrap().0, "2011-01-05T14:30:00-05:00");
        let i = item(&[("wp:post_date", "2020-06-01 09:00:00"), ("wp:post_date_gmt", "0000-00-00 00:00:00")]);
        assert_eq!(date(&i).unwrap().0, "2020-06-01T09:00:00");
        assert!(date(&item(&[("wp:post_date", "0000-00-00 00:00:00")])).is_none());
    }

    #[test]
    fn old_links_become_paths() {
        let site = "https://news.example.org";
        assert_eq!(
            old_path("https://news.example.org/2011/01/05/hello/", site).as_deref(),
            Some("/2011/01/05/hello/")
        );
        assert_eq!(old_path("http://old.example.org/blog/hello/", site).as_deref(), Some("/blog/hello/"));
        assert_eq!(old_path("https://news.example.org/?p=12", site), None);
    }

    #[test]
    fn non_ascii_slugs_are_decoded() {
        let i = item(&[("wp:post_name", "%e6%97%a5%e6%9c%ac-news")]);
        assert_eq!(slug(&i, "x", 1), slugify("日本-news"));
        assert_eq!(slug(&item(&[]), "", 9), "post-9");
        assert_eq!(plain("<p>One &amp; <b>two</b></p>"), "One & two");
    }
}
