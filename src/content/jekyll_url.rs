//! The URL Jekyll gave a post, kept as an alias when the archive moves: a
//! Jekyll site never writes it down (it follows from the `permalink` style
//! in `_config.yml`, the date, the categories and the file name), and readers
//! still follow links to it.

use std::path::Path;

use jiff::ZonedDateTime as Zoned;

/// Whether `rel` is in Jekyll's `_posts/` or `_drafts/`, whose files Jekyll reads its own way.
pub fn in_posts_or_drafts(rel: &Path) -> bool {
    rel.iter().any(|c| c == "_posts" || c == "_drafts")
}

/// The pattern of one of Jekyll's named permalink styles, or `style` itself.
fn pattern(style: &str) -> &str {
    match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        other => other,
    }
}

/// The URL path Jekyll gave the post at `rel` (a file under a `_posts/`
/// folder), dated `date`, under the permalink `style` (`date` when the site
/// set none); `None` for any other file.
pub fn post_url(
    rel: &Path,
    stem: &str,
    categories: &[String],
    slug: Option<&str>,
    date: &Zoned,
    style: Option<&str>,
) -> Option<String> {
    let folders: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let posts = folders.iter().position(|c| c == "_posts")?;
    // Folders above `_posts/` are categories too (`news/_posts/`), as in Jekyll.
    let mut cats: Vec<String> = Vec::new();
    for c in folders[..posts].iter().filter(|c| *c != super::CONTENT_DIR).chain(categories) {
        let c = c.trim().to_lowercase();
        if !c.is_empty() && !cats.contains(&c) {
            cats.push(c);
        }
    }
    let title = crate::dates::split_file_name(stem).map_or(stem, |(_, rest)| rest);
    let two = |n: i8| format!("{n:02}");
    let d = date.date();
    let url = pattern(style.unwrap_or("date"))
        .replace(":categories", &cats.join("/"))
        .replace(":output_ext", ".html")
        .replace(":title", slug.unwrap_or(title))
        .replace(":slug", slug.unwrap_or(title))
        .replace(":short_year", &format!("{:02}", d.year() % 100))
        .replace(":year", &d.year().to_string())
        .replace(":i_month", &d.month().to_string())
        .replace(":month", &two(d.month()))
        .replace(":i_day", &d.day().to_string())
        .replace(":y_day", &format!("{:03}", d.day_of_year()))
        .replace(":day", &two(d.day()))
        .replace(":hour", &two(date.hour()))
        .replace(":minute", &two(date.minute()))
        .replace(":second", &two(date.second()));
    // An empty `:categories` leaves a doubled slash, which Jekyll drops.
    let mut clean = String::with_capacity(url.len());
    for c in url.chars() {
        if !(c == '/' && clean.ends_with('/')) {
            clean.push(c);
        }
    }
    (!clean.contains(':')).then_some(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Zoned {
        format!("{s}[UTC]").replace('Z', "+00:00").parse().expect("a zoned time")
    }

    #[test]
    fn every_named_style_and_a_pattern() {
        let rel = Path::new("_posts/2019-03-04-welcome-to-jekyll.markdown");
        let stem = "2019-03-04-welcome-to-jekyll";
        let cats = ["Jekyll".to_string(), "update".to_string()];
        let date = at("2019-03-04T09:12:00Z");
        let url = |style| post_url(rel, stem, &cats, None, &date, style);
        assert_eq!(url(None).as_deref(), Some("/jekyll/update/2019/03/04/welcome-to-jekyll.html"));
        assert_eq!(url(Some("pretty")).as_deref(), Some("/jekyll/update/2019/03/04/welcome-to-jekyll/"));
        assert_eq!(url(Some("ordinal")).as_deref(), Some("/jekyll/update/2019/063/welcome-to-jekyll.html"));
        assert_eq!(url(Some("none")).as_deref(), Some("/jekyll/update/welcome-to-jekyll.html"));
        assert_eq!(
            url(Some("/blog/:year/:i_month/:title/")).as_deref(),
            Some("/blog/2019/3/welcome-to-jekyll/")
        );
        // No categories: no empty segment. An unknown placeholder: no alias.
        assert_eq!(
            post_url(rel, stem, &[], Some("hello"), &date, None).as_deref(),
            Some("/2019/03/04/hello.html")
        );
        assert_eq!(url(Some("/:year/:unknown/")), None);
    }

    #[test]
    fn folders_above_posts_are_categories_and_other_files_have_none() {
        let date = at("2020-01-02T00:00:00Z");
        let rel = Path::new("content/news/_posts/2020-01-02-x.md");
        assert_eq!(
            post_url(rel, "2020-01-02-x", &[], None, &date, None).as_deref(),
            Some("/news/2020/01/02/x.html")
        );
        assert_eq!(post_url(Path::new("content/2020/x.md"), "x", &[], None, &date, None), None);
    }
}
