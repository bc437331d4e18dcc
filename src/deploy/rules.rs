//! What headers each file gets: `Content-Type` by extension, `Cache-Control`
//! by glob rules, and whether it is text worth gzipping.

use crate::config::deploy::CacheRule;

/// Pages, feeds, sitemaps, the search index and `robots.txt` change with
/// every article, so caches must ask again soon; images rarely change; the
/// stylesheet and scripts keep their names across changes (dateline does not
/// fingerprint them), so a day rather than a year.
const DEFAULT_RULES: &[(&str, &str)] = &[
    ("*.{html,htm,xml,json,txt,xsl}", "public, max-age=300"),
    ("*.{css,js,mjs}", "public, max-age=86400"),
    (
        "*.{png,jpg,jpeg,gif,webp,avif,svg,ico,bmp,tif,tiff,woff,woff2,ttf,otf,mp3,mp4,webm,ogg,pdf}",
        "public, max-age=2592000",
    ),
    ("*", "public, max-age=3600"),
];

/// The media type for a site-relative path, from its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" | "xsl" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "zip" => "application/zip",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Whether gzip pays off for this media type (images and fonts are compressed already).
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || ["application/json", "application/xml", "image/svg+xml", "application/wasm"]
            .iter()
            .any(|t| content_type.starts_with(t))
}

/// The configured `Cache-Control` rules followed by the built-in ones.
#[derive(Debug, Clone)]
pub struct CacheRules {
    rules: Vec<(Vec<String>, String)>,
}

impl CacheRules {
    /// `configured` first, then the defaults, so every file matches something.
    pub fn new(configured: &[CacheRule]) -> Self {
        let own = configured.iter().map(|r| (r.glob.as_str(), r.value.as_str()));
        let rules = own
            .chain(DEFAULT_RULES.iter().copied())
            .map(|(g, v)| (expand_braces(g), v.to_string()))
            .collect();
        CacheRules { rules }
    }

    /// The value for `path`: that of the first rule whose glob matches.
    pub fn for_path(&self, path: &str) -> &str {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.rules
            .iter()
            .find(|(globs, _)| {
                globs.iter().any(|g| if g.contains('/') { glob_match(g, path) } else { glob_match(g, name) })
            })
            .map_or("", |(_, v)| v.as_str())
    }
}

/// `*.{png,jpg}` -> `*.png`, `*.jpg` (one level of braces, as globs use them).
fn expand_braces(glob: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (glob.find('{'), glob.find('}')) else {
        return vec![glob.to_string()];
    };
    if close < open {
        return vec![glob.to_string()];
    }
    glob[open + 1..close]
        .split(',')
        .flat_map(|alt| expand_braces(&format!("{}{alt}{}", &glob[..open], &glob[close + 1..])))
        .collect()
}

/// `*` matches within one path segment, `**` across segments, `?` one character.
fn glob_match(glob: &str, path: &str) -> bool {
    let g: Vec<char> = glob.chars().collect();
    let p: Vec<char> = path.chars().collect();
    matches(&g, &p)
}

fn matches(g: &[char], p: &[char]) -> bool {
    match g.first() {
        None => p.is_empty(),
        Some('*') if g.get(1) == Some(&'*') => {
            let rest = if g.get(2) == Some(&'/') { &g[3..] } else { &g[2..] };
            (0..=p.len()).any(|i| matches(rest, &p[i..]))
        }
        Some('*') => {
            let run = p.iter().take_while(|c| **c != '/').count();
            (0..=run).any(|i| matches(&g[1..], &p[i..]))
        }
        Some('?') => p.first().is_some_and(|c| *c != '/') && matches(&g[1..], &p[1..]),
        Some(c) => p.first() == Some(c) && matches(&g[1..], &p[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.html", "index.html"));
        assert!(!glob_match("*.html", "a/index.html"));
        assert!(glob_match("**/*.html", "a/b/index.html"));
        assert!(glob_match("**/*.html", "index.html"));
        assert!(glob_match("images/**", "images/a/b.png"));
        assert!(glob_match("feed.?ml", "feed.xml"));
        assert_eq!(expand_braces("*.{a,b}"), ["*.a", "*.b"]);
    }

    #[test]
    fn configured_rules_come_first_then_defaults() {
        let own = [CacheRule { glob: "search/**".into(), value: "no-store".into() }];
        let rules = CacheRules::new(&own);
        assert_eq!(rules.for_path("search/index/ab.json"), "no-store");
        assert_eq!(rules.for_path("2024/01/02/a/index.html"), "public, max-age=300");
        assert_eq!(rules.for_path("feed.xml"), "public, max-age=300");
        assert_eq!(rules.for_path("style.css"), "public, max-age=86400");
        assert_eq!(rules.for_path("2024/photo.JPG"), "public, max-age=3600");
        assert_eq!(rules.for_path("2024/photo.jpg"), "public, max-age=2592000");
    }

    #[test]
    fn types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/xml");
        assert_eq!(content_type("x.JPG"), "image/jpeg");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
        assert!(compressible("text/css; charset=utf-8") && compressible("application/json"));
        assert!(!compressible("image/png"));
    }
}
