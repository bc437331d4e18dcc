//! What the configuration of the tool an archive comes from says about its
//! old URLs: Jekyll's `permalink` style, and whether the root is a Hugo or
//! Zola site (with Hugo's `permalinks` patterns by section), and that site's
//! languages. dateline keeps those URLs working as redirects; nothing else
//! of these files is read.

use std::path::Path;

/// What the old tool's configuration at a site's root says.
#[derive(Debug, Default)]
pub struct OldSite {
    /// The `permalink` of a Jekyll site's `_config.yml`.
    pub jekyll_permalink: Option<String>,
    /// See [`section_permalinks`]; `None` when the root holds no Hugo or Zola configuration.
    pub section_permalinks: Option<Vec<(String, String)>>,
    /// See [`languages`].
    pub languages: Option<(String, Vec<String>)>,
}

impl OldSite {
    /// Reads the configuration files at `root`, each once.
    pub fn read(root: &Path) -> Self {
        let config = config(root);
        OldSite {
            jekyll_permalink: jekyll_permalink(root),
            section_permalinks: config.as_ref().map(section_permalinks),
            languages: config.as_ref().and_then(languages),
        }
    }
}

/// The `permalink` of a Jekyll site's `_config.yml` (at the root or in `content/`).
fn jekyll_permalink(root: &Path) -> Option<String> {
    ["_config.yml", "content/_config.yml"].iter().find_map(|f| {
        let text = std::fs::read_to_string(root.join(f)).ok()?;
        let value: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
        Some(value.get("permalink")?.as_str()?.trim().to_string())
    })
}

/// Hugo's and Zola's configuration files, newest names first.
const CONFIG_FILES: [&str; 6] =
    ["hugo.toml", "hugo.yaml", "zola.toml", "config.toml", "config.yaml", "hugo.json"];

/// The configuration of a Hugo or Zola site at `root`, as JSON.
fn config(root: &Path) -> Option<serde_json::Value> {
    let (name, text) =
        CONFIG_FILES.iter().find_map(|f| Some((*f, std::fs::read_to_string(root.join(f)).ok()?)))?;
    match name.rsplit('.').next() {
        Some("toml") => toml::from_str(&text).ok(),
        Some("json") => serde_json::from_str(&text).ok(),
        _ => serde_yaml::from_str(&text).ok(),
    }
}

/// The languages of a multilingual Hugo or Zola site: its default language
/// and every language, by Hugo's `weight` (the default first when there is
/// none). `None` unless the configuration names at least two.
fn languages(config: &serde_json::Value) -> Option<(String, Vec<String>)> {
    let table = config.get("languages")?.as_object()?;
    let key = |k: &str| config.get(k).and_then(serde_json::Value::as_str).map(str::to_lowercase);
    let default =
        key("defaultContentLanguage").or_else(|| key("default_language")).unwrap_or_else(|| "en".into());
    let weight =
        |code: &str| table.get(code).and_then(|l| l.get("weight")).and_then(serde_json::Value::as_i64);
    let mut codes: Vec<String> = table.keys().map(|k| k.to_lowercase()).collect();
    if !codes.contains(&default) {
        codes.push(default.clone());
    }
    codes.sort_by_key(|c| (weight(c).unwrap_or(i64::MAX), *c != default, c.clone()));
    (codes.len() >= 2).then_some((default, codes))
}

/// Hugo's `permalinks` patterns by section (`posts = "/:year/:month/:slug/"`),
/// empty for a Zola site or a Hugo site that set none.
fn section_permalinks(config: &serde_json::Value) -> Vec<(String, String)> {
    let table = config.get("permalinks").and_then(serde_json::Value::as_object);
    // Hugo 0.120 and later also accept them by kind: `[permalinks.page]`.
    let table = table.map(|t| t.get("page").and_then(serde_json::Value::as_object).unwrap_or(t));
    let patterns = table.into_iter().flatten().filter_map(|(section, pattern)| {
        Some((section.trim_matches('/').to_string(), pattern.as_str()?.to_string()))
    });
    patterns.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_permalinks_in_either_form() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(OldSite::read(dir.path()).section_permalinks, None);
        std::fs::write(
            dir.path().join("hugo.toml"),
            "baseURL = '/'\n[permalinks]\nposts = '/:year/:slug/'\n",
        )
        .expect("write");
        assert_eq!(
            OldSite::read(dir.path()).section_permalinks,
            Some(vec![("posts".into(), "/:year/:slug/".into())])
        );
        std::fs::write(dir.path().join("hugo.toml"), "[permalinks.page]\nnews = '/n/:slug/'\n")
            .expect("write");
        assert_eq!(
            OldSite::read(dir.path()).section_permalinks,
            Some(vec![("news".into(), "/n/:slug/".into())])
        );
        std::fs::write(dir.path().join("hugo.toml"), "base_url = 'https://example.org'\n").expect("write");
        assert_eq!(OldSite::read(dir.path()).section_permalinks, Some(Vec::new()));
        assert_eq!(OldSite::read(dir.path()).languages, None);
    }

    #[test]
    fn languages_of_hugo_and_zola() {
        let dir = tempfile::tempdir().expect("temp dir");
        let hugo = "defaultContentLanguage = 'ja'\n[languages.en]\nweight = 2\n[languages.ja]\nweight = 1\n";
        std::fs::write(dir.path().join("hugo.toml"), hugo).expect("write");
        assert_eq!(OldSite::read(dir.path()).languages, Some(("ja".into(), vec!["ja".into(), "en".into()])));
        std::fs::remove_file(dir.path().join("hugo.toml")).expect("rm");
        let zola = "default_language = 'en'\n[languages.fr]\ntitle = 'x'\n";
        std::fs::write(dir.path().join("config.toml"), zola).expect("write");
        assert_eq!(OldSite::read(dir.path()).languages, Some(("en".into(), vec!["en".into(), "fr".into()])));
    }
}
