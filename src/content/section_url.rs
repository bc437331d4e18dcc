//! The URL Hugo and Zola gave a post: its section folders, then its slug or
//! file name (`content/posts/harbour.md`: `/posts/harbour/`), or on a Hugo
//! site with `permalinks` for its section, that pattern. Kept as a guessed
//! alias, so that links to the old site still reach the article.

use std::path::Path;

use jiff::ZonedDateTime as Zoned;

use crate::slug::slugify;

/// A post as Hugo and Zola name it.
pub struct Post<'a> {
    /// Its path under the site root.
    pub rel: &'a Path,
    /// The file name without extension and language, or a bundle's folder name.
    pub name: &'a str,
    /// `slug` as written.
    pub slug: Option<&'a str>,
    /// The headline.
    pub title: &'a str,
    /// The publication date.
    pub date: &'a Zoned,
}

/// The old URL paths of `post`: Hugo's (the file name as it is, or the
/// section's pattern in `permalinks`) and, for a file named with a date,
/// Zola's (the name without it).
pub fn old_urls(post: &Post<'_>, permalinks: &[(String, String)]) -> Vec<String> {
    let sections = sections(post.rel);
    let section = sections.first().map_or("", String::as_str);
    let name = slugify(post.name);
    let slug = post.slug.map(slugify).filter(|s| !s.is_empty());
    let mut urls = Vec::new();
    match permalinks.iter().find(|(s, _)| s == section) {
        Some((_, pattern)) => urls.push(expand(pattern, post, &sections, &name, slug.as_deref())),
        None => urls.push(in_section(&sections, slug.as_deref().unwrap_or(&name))),
    }
    if let Some((_, rest)) = crate::dates::split_file_name(post.name)
        && slug.is_none()
    {
        urls.push(in_section(&sections, &slugify(rest)));
    }
    urls.retain(|u| u.trim_matches('/').chars().any(|c| c != '/'));
    urls.dedup();
    urls
}

/// The folders between `content/` and the post, as URL segments; a bundle's
/// own folder is its name, not a section.
fn sections(rel: &Path) -> Vec<String> {
    let mut folders: Vec<String> = rel
        .parent()
        .into_iter()
        .flat_map(|p| p.iter())
        .map(|c| c.to_string_lossy().into_owned())
        .filter(|c| c != super::CONTENT_DIR)
        .collect();
    if super::is_bundle_index(rel) {
        folders.pop();
    }
    folders.iter().map(|f| slugify(f)).filter(|f| !f.is_empty()).collect()
}

fn in_section(sections: &[String], last: &str) -> String {
    sections.iter().map(String::as_str).chain([last]).fold(String::from("/"), |url, s| url + s + "/")
}

/// Hugo's permalink tokens in `pattern`, longest first so that `:slugorfilename`
/// is not read as `:slug`.
fn expand(pattern: &str, post: &Post<'_>, sections: &[String], name: &str, slug: Option<&str>) -> String {
    let d = post.date;
    let title = slugify(post.title);
    let values = [
        (":slugorcontentbasename", slug.unwrap_or(name).to_string()),
        (":slugorfilename", slug.unwrap_or(name).to_string()),
        (":contentbasename", name.to_string()),
        (":filename", name.to_string()),
        (":monthname", d.strftime("%B").to_string().to_lowercase()),
        (":sections", sections.join("/")),
        (":section", sections.first().cloned().unwrap_or_default()),
        (":title", title.clone()),
        (":slug", slug.map_or(title, str::to_string)),
        (":year", format!("{:04}", d.year())),
        (":month", format!("{:02}", d.month())),
        (":day", format!("{:02}", d.day())),
    ];
    values.iter().fold(pattern.to_string(), |url, (token, value)| url.replace(token, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(rel: &str, slug: Option<&str>, permalinks: &[(&str, &str)]) -> Vec<String> {
        let date = crate::dates::parse("2021-02-28", &jiff::tz::TimeZone::UTC).expect("date");
        let rel = Path::new(rel);
        let name = rel.file_stem().expect("stem").to_string_lossy();
        let name = if name == "index" {
            rel.parent().and_then(|p| p.file_name()).expect("folder").to_string_lossy()
        } else {
            name
        };
        let post = Post { rel, name: &name, slug, title: "Harbour Notes", date: &date };
        let permalinks: Vec<(String, String)> =
            permalinks.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        old_urls(&post, &permalinks)
    }

    #[test]
    fn hugo_and_zola_urls() {
        assert_eq!(urls("content/posts/harbour.md", None, &[]), ["/posts/harbour/"]);
        assert_eq!(urls("content/posts/harbour/index.md", None, &[]), ["/posts/harbour/"]);
        assert_eq!(urls("content/posts/harbour.md", Some("tides"), &[]), ["/posts/tides/"]);
        assert_eq!(
            urls("content/blog/2021-02-28_Harbour notes.md", None, &[]),
            ["/blog/2021-02-28-harbour-notes/", "/blog/harbour-notes/"]
        );
        let hugo = [("posts", "/:year/:month/:slug/")];
        assert_eq!(urls("content/posts/harbour.md", None, &hugo), ["/2021/02/harbour-notes/"]);
        assert_eq!(urls("content/posts/harbour.md", Some("tides"), &hugo), ["/2021/02/tides/"]);
        let hugo = [("posts", "/:sections/:slugorfilename/")];
        assert_eq!(urls("content/posts/local/harbour.md", None, &hugo), ["/posts/local/harbour/"]);
    }
}
