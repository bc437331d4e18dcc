//! Dates and old addresses from the URL keys other tools write: Zola's
//! `path = "2014/12/12/slug"`, Jekyll's `permalink: /2019/03/04/slug/`, Hugo's
//! `url: /2019/03/04/slug/`. Archives that kept their URLs this way often
//! carry no `date` at all, and readers still follow links to those URLs.

use jiff::civil::Date;
use serde_json::{Map, Value};

/// The keys that hold an article's old URL, in the order they are trusted.
pub const URL_KEYS: [&str; 3] = ["path", "permalink", "url"];

/// The first URL key of `extra` holding a site path (not a full URL, not a
/// pattern with `:placeholders`), as written.
pub fn old_path(extra: &Map<String, Value>) -> Option<&str> {
    URL_KEYS.iter().filter_map(|k| extra.get(*k)?.as_str()).map(str::trim).find(|p| {
        !p.is_empty() && !p.contains(':') && crate::paths::alias_file(p).is_ok_and(|f| f != "index.html")
    })
}

/// The alias that keeps `path` working: a folder URL unless it names a file.
pub fn alias_of(path: &str) -> String {
    let path = path.trim_start_matches('/');
    let last = path.rsplit('/').next().unwrap_or_default();
    if path.ends_with('/') || last.contains('.') { format!("/{path}") } else { format!("/{path}/") }
}

/// The date written into a URL path: `YYYY/MM/DD/` folders, a `YYYY-MM-DD-`
/// segment, or failing those `YYYY/MM/` (the first of the month).
pub fn date_in(path: &str) -> Option<Date> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if let Some(d) = crate::dates::from_folders(segments.iter().copied()) {
        return Some(d);
    }
    if let Some(d) = segments.iter().find_map(|s| crate::dates::from_file_name(s)) {
        return Some(d);
    }
    segments.windows(2).find_map(|w| {
        let year = (w[0].len() == 4).then(|| w[0].parse::<i16>().ok()).flatten()?;
        let month = (1..=2).contains(&w[1].len()).then(|| w[1].parse::<i8>().ok()).flatten()?;
        (1000..=2999).contains(&year).then(|| Date::new(year, month, 1).ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_from_every_url_shape() {
        let d = |y, m, d| Some(Date::new(y, m, d).unwrap());
        assert_eq!(date_in("2014/12/12/slug"), d(2014, 12, 12));
        assert_eq!(date_in("/2019/03/04/slug/"), d(2019, 3, 4));
        assert_eq!(date_in("/blog/2019-03-04-slug.html"), d(2019, 3, 4));
        assert_eq!(date_in("/news/2020/7/slug/"), d(2020, 7, 1));
        assert_eq!(date_in("/about/"), None);
        assert_eq!(date_in("/top/100/things/"), None);
    }

    #[test]
    fn only_site_paths_are_old_addresses() {
        let map = |k: &str, v: &str| json!({ k: v }).as_object().cloned().unwrap();
        assert_eq!(old_path(&map("path", "2014/12/12/slug")), Some("2014/12/12/slug"));
        assert_eq!(old_path(&map("url", "https://example.org/a/")), None);
        assert_eq!(old_path(&map("permalink", "/:year/:title/")), None);
        assert_eq!(old_path(&map("permalink", "/")), None);
        assert_eq!(alias_of("2014/12/12/slug"), "/2014/12/12/slug/");
        assert_eq!(alias_of("/old/story.html"), "/old/story.html");
    }
}
