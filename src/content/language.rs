//! Language sections: which language an article is in, the URL prefix that
//! keeps translations from colliding (`/ja/2024/...`), and the links between
//! translations of one article.
//!
//! An article's language is its front matter's `lang` or `language`, else a
//! top folder of `content/` named for a language listed in `site.yaml`
//! (`content/ja/`), else a Hugo-style suffix (`budget.ja.md`), else the
//! site's. Translations share a `translation_key` (Hugo's `translationKey`),
//! or by default their path with the language taken out.

use std::path::Path;

use serde_json::{Map, Value};

use crate::config::Settings;

/// Another language's version of an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Translation {
    /// Its language, as listed in `site.yaml`.
    pub lang: String,
    /// Its URL path relative to the site root.
    pub rel_url: String,
}

/// The language of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The code as the site lists it (or as written, for an unlisted one).
    pub code: String,
    /// `ja/` for a language other than the default; empty otherwise.
    pub prefix: String,
    /// What translations of this article share.
    pub key: String,
}

/// Two codes name the same language: `zh_TW`, `zh-tw`.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .all(|(x, y)| x.eq_ignore_ascii_case(&y) || (x == b'_' || x == b'-') && (y == b'_' || y == b'-'))
}

/// The site's default language: `language` if listed (or none are), else the first listed.
pub fn default_code(settings: &Settings) -> &str {
    let c = &settings.config;
    match c.languages.first() {
        Some(first) if !c.languages.iter().any(|l| same(l, &c.language)) => first,
        _ => &c.language,
    }
}

fn listed<'a>(settings: &'a Settings, code: &str) -> Option<&'a str> {
    settings.config.languages.iter().find(|l| same(l, code)).map(String::as_str)
}

/// The language of the file at `rel` (`content/...`) with front matter `extra`;
/// `stem` is its file name without extension.
pub fn of(rel: &Path, stem: &str, extra: &Map<String, Value>, settings: &Settings) -> Language {
    if settings.config.languages.is_empty() {
        return unsectioned(rel, extra, settings);
    }
    let inner: Vec<String> = rel.iter().skip(1).map(|c| c.to_string_lossy().into_owned()).collect::<Vec<_>>();
    // A page's language folder is under `pages/` (`content/pages/ja/about.md`).
    let at = usize::from(inner.first().is_some_and(|f| f == super::page::PAGES_DIR));
    let folder = inner.get(at).filter(|_| inner.len() > at + 1).and_then(|f| listed(settings, f));
    let suffix = stem.rsplit_once('.').and_then(|(_, s)| listed(settings, s));
    let written = ["lang", "language"].iter().find_map(|k| extra.get(*k)?.as_str()).map(str::trim);
    let code = match written.filter(|w| !w.is_empty()) {
        Some(w) => listed(settings, w).unwrap_or(w),
        None => folder.or(suffix).unwrap_or_else(|| default_code(settings)),
    }
    .to_string();
    let prefix = match same(&code, default_code(settings)) || settings.config.languages.is_empty() {
        true => String::new(),
        false => format!("{code}/"),
    };
    let key = ["translation_key", "translationKey"].iter().find_map(|k| extra.get(*k)?.as_str());
    let key = key.map(str::to_string).unwrap_or_else(|| {
        let mut parts: Vec<&str> = inner.iter().map(String::as_str).collect();
        if folder.is_some() {
            parts.remove(at);
        }
        let file = parts.pop().unwrap_or_default();
        let base = file.rsplit_once('.').map_or(file, |(b, _)| b);
        let base = match suffix {
            Some(_) => base.rsplit_once('.').map_or(base, |(b, _)| b),
            None => base,
        };
        parts.push(base);
        parts.join("/")
    });
    Language { code, prefix, key }
}

/// [`of`] for a site without language sections: nothing to look up.
fn unsectioned(rel: &Path, extra: &Map<String, Value>, settings: &Settings) -> Language {
    let written = ["lang", "language"].iter().find_map(|k| extra.get(*k)?.as_str()).map(str::trim);
    let code = written.filter(|w| !w.is_empty()).unwrap_or(&settings.config.language).to_string();
    let key = ["translation_key", "translationKey"].iter().find_map(|k| extra.get(*k)?.as_str());
    let key = key.map_or_else(|| rel.to_string_lossy().into_owned(), str::to_string);
    Language { code, prefix: String::new(), key }
}

/// `stem` without a listed language's suffix (`budget.ja` -> `budget`).
pub fn strip_suffix<'a>(stem: &'a str, settings: &Settings) -> &'a str {
    match stem.rsplit_once('.') {
        Some((base, s)) if listed(settings, s).is_some() => base,
        _ => stem,
    }
}

/// Links every article to its translations among `articles` (the ones
/// published together, so that no link leads to a page not built).
pub fn link_translations(articles: &mut [super::Article]) {
    // One language (any site without sections): nothing to link.
    if articles.iter().all(|a| a.lang == articles[0].lang) {
        articles.iter_mut().for_each(|a| a.translations.clear());
        return;
    }
    let mut by_key: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, a) in articles.iter().enumerate() {
        by_key.entry(a.translation_key.as_str()).or_default().push(i);
    }
    let groups: Vec<Vec<usize>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    let mut links: Vec<(usize, Vec<Translation>)> = Vec::new();
    for group in groups {
        for &i in &group {
            let others = group
                .iter()
                .filter(|&&j| j != i && articles[j].lang != articles[i].lang)
                .map(|&j| Translation {
                    lang: articles[j].lang.clone(),
                    rel_url: articles[j].rel_url.clone(),
                })
                .collect();
            links.push((i, others));
        }
    }
    for a in articles.iter_mut() {
        a.translations.clear();
    }
    for (i, mut t) in links {
        t.sort_by(|a, b| a.lang.cmp(&b.lang));
        articles[i].translations = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn settings(languages: &[&str]) -> Settings {
        let config =
            Config { languages: languages.iter().map(|s| s.to_string()).collect(), ..Config::default() };
        Settings::new(config).unwrap()
    }

    #[test]
    fn language_from_folder_suffix_or_front_matter() {
        let s = settings(&["en", "ja", "zh_tw"]);
        let none = Map::new();
        let of = |rel: &str, stem: &str, extra: &Map<String, Value>| {
            let l = of(Path::new(rel), stem, extra, &s);
            (l.code, l.prefix, l.key)
        };
        assert_eq!(
            of("content/ja/2024/budget.md", "budget", &none),
            ("ja".into(), "ja/".into(), "2024/budget".into())
        );
        assert_eq!(
            of("content/en/2024/budget.md", "budget", &none),
            ("en".into(), "".into(), "2024/budget".into())
        );
        assert_eq!(of("content/ZH-TW/a.md", "a", &none), ("zh_tw".into(), "zh_tw/".into(), "a".into()));
        assert_eq!(of("content/posts/a.ja.md", "a.ja", &none), ("ja".into(), "ja/".into(), "posts/a".into()));
        let fm = serde_json::json!({"lang": "ja", "translationKey": "k"}).as_object().cloned().unwrap();
        assert_eq!(of("content/x.md", "x", &fm), ("ja".into(), "ja/".into(), "k".into()));
        assert_eq!(of("content/ja.md", "ja", &none).0, "en", "a file named like a language is no section");
    }

    #[test]
    fn without_languages_nothing_moves() {
        let s = settings(&[]);
        let l = of(Path::new("content/ja/a.md"), "a", &Map::new(), &s);
        assert_eq!((l.code.as_str(), l.prefix.as_str()), ("en", ""));
        assert_eq!(strip_suffix("a.ja", &s), "a.ja");
        assert_eq!(strip_suffix("a.ja", &settings(&["ja"])), "a");
    }
}
