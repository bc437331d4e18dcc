//! The site's look from `site.yaml`: `brand` (logo, accent colour, colour
//! scheme, font, social image), `nav`, `footer` and `social`. Values are
//! checked while they are read, so a bad one is reported at its line; files
//! they name are checked against the site's `static/` folder by [`check_files`].

use std::path::Path;

use serde::{Deserialize, Deserializer};

use super::colour::{self, Colour};
use crate::error::{Error, Result, Warning};

/// Folder of the files a site copies as they are; logo and image live there.
pub const STATIC_DIR: &str = "static";

/// The `brand:` settings.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Brand {
    /// A file under `static/` shown in the masthead instead of the title.
    pub logo: Option<String>,
    /// Colour of links, topic kickers and the rule over pull-out quotes.
    pub accent: Option<Colour>,
    /// The accent on the dark background; by default `accent` lightened
    /// until links read on it.
    pub accent_dark: Option<Colour>,
    /// Light, dark, or the reader's system setting.
    pub scheme: Scheme,
    /// The family of the text.
    pub font: Font,
    /// The social card of articles without an image: a file under `static/`
    /// or a full URL.
    pub image: Option<String>,
}

/// `brand.scheme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Dark text on light paper.
    Light,
    /// Light text on a dark background.
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

/// `brand.font`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Font {
    /// A book serif (Georgia and the like).
    #[default]
    Serif,
    /// A neutral sans serif (Helvetica, Arial).
    Sans,
    /// The reader's interface font (system-ui).
    System,
}

impl Font {
    /// The stylesheet's custom property holding this family.
    pub fn css_var(self) -> &'static str {
        match self {
            Font::Serif => "--serif",
            Font::Sans => "--grotesk",
            Font::System => "--sans",
        }
    }
}

/// One `nav:` entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavItem {
    /// What the menu shows.
    #[serde(deserialize_with = "label")]
    pub label: String,
    /// A site path (`/tags/council/`, under `base_url`) or a full URL.
    #[serde(deserialize_with = "nav_url")]
    pub url: String,
}

/// A full `http(s)` URL, checked while read (`social:` entries).
#[derive(Debug, Clone, PartialEq)]
pub struct WebUrl(pub String);

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match url::Url::parse(s.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                Ok(WebUrl(u.to_string()))
            }
            _ => Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&s),
                &"a full address such as https://mastodon.social/@ledger",
            )),
        }
    }
}

fn label<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &"a label readers see"));
    }
    Ok(s.trim().to_string())
}

fn nav_url<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let s = String::deserialize(d)?;
    let t = s.trim();
    let full = url::Url::parse(t).is_ok_and(|u| u.has_host());
    if t.is_empty() || t.contains(char::is_whitespace) || !(full || t.starts_with('/')) {
        return Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Str(&s),
            &"a site path starting with / (such as /tags/council/) or a full URL",
        ));
    }
    Ok(t.to_string())
}

/// Reads `brand.accent` and `brand.accent_dark` as CSS colours.
impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Colour::parse(&s).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&s),
                &"a CSS colour such as \"#8a1c1c\", darkred, rgb(138 28 28) or hsl(0 66% 33%)",
            )
        })
    }
}

impl Brand {
    /// The logo's site path without a leading `/`, if any.
    pub fn logo_rel(&self) -> Option<&str> {
        self.logo.as_deref().map(|l| l.trim().trim_start_matches('/'))
    }

    /// Whether the logo is an SVG, which browsers take as an icon too.
    pub fn logo_is_svg(&self) -> bool {
        self.logo_rel().is_some_and(|l| l.to_ascii_lowercase().ends_with(".svg"))
    }

    /// The image's site path, unless it is a full URL.
    pub fn image_rel(&self) -> Option<&str> {
        let i = self.image.as_deref()?.trim();
        (!i.contains("://") && !i.starts_with("//")).then(|| i.trim_start_matches('/'))
    }

    /// The accent on the light and on the dark background, as the stylesheet
    /// gets them (`None` keeps the built-in one).
    pub fn accents(&self) -> (Option<Colour>, Option<Colour>) {
        let dark = match (&self.accent_dark, &self.accent, self.scheme) {
            (Some(d), _, _) => Some(d.clone()),
            (None, Some(a), Scheme::Dark) => Some(a.clone()),
            (None, Some(a), _) => Some(colour::readable_on(a, &colour::dark_paper())),
            (None, None, _) => None,
        };
        (self.accent.clone(), dark)
    }

    /// A warning for each accent in use that links would show below WCAG AA
    /// (4.5:1) on the page background, with the measured ratio.
    pub fn contrast_warnings(&self) -> Vec<Warning> {
        let (light, dark) = self.accents();
        let mut checks = Vec::new();
        if self.scheme != Scheme::Dark {
            checks.push(("brand.accent", light, colour::light_paper(), "light"));
        }
        if self.scheme != Scheme::Light {
            let key = if self.accent_dark.is_some() { "brand.accent_dark" } else { "brand.accent" };
            checks.push((key, dark, colour::dark_paper(), "dark"));
        }
        checks
            .into_iter()
            .filter_map(|(key, c, paper, name)| {
                let c = c?;
                let ratio = colour::contrast(&c, &paper);
                (ratio < 4.5).then(|| Warning {
                    at: crate::error::Location::new(super::SETTINGS_FILE, 0, 0),
                    message: format!(
                        "{key} `{}` on the {name} background ({}) has a contrast of {ratio:.2}:1, below the 4.5:1 \
                         that WCAG AA asks of link text: pick a {} colour",
                        c.written,
                        paper.written,
                        if name == "light" { "darker" } else { "lighter" },
                    ),
                })
            })
            .collect()
    }

    /// The block the build adds to the stylesheet: the configured accent and
    /// font as custom properties (empty when neither is set).
    pub fn css(&self) -> String {
        let (light, dark) = self.accents();
        let mut vars = String::new();
        if let Some(c) = light {
            vars.push_str(&format!(" --accent: {};", c.css()));
        }
        if let Some(c) = dark {
            vars.push_str(&format!(" --accent-dark: {};", c.css()));
        }
        if self.font != Font::default() {
            vars.push_str(&format!(" --font: var({});", self.font.css_var()));
        }
        if vars.is_empty() {
            return String::new();
        }
        format!("\n/* brand, from site.yaml */\n:root {{{vars} }}\n")
    }
}

/// Checks that the files `brand` names are under `root/static/`, each error
/// at the line of its key in `text` (the settings file).
pub fn check_files(brand: &Brand, root: &Path, text: &str) -> Result<()> {
    let mut errors = Vec::new();
    let named = [("logo", brand.logo_rel()), ("image", brand.image_rel())];
    for (key, rel) in named {
        let Some(rel) = rel else { continue };
        let file = root.join(STATIC_DIR).join(rel);
        if rel.is_empty() || rel.split('/').any(|s| s == "..") || !file.is_file() {
            let (line, column) = crate::yaml::nested_key_line(text, &["brand", key]).unwrap_or((0, 0));
            errors.push(Error::content(
                Path::new(super::SETTINGS_FILE),
                line,
                column,
                format!(
                    "brand.{key} `{rel}`: there is no file {STATIC_DIR}/{rel}: put the file in {STATIC_DIR}/ \
                     or fix the name{}",
                    if key == "image" { " (or give a full URL)" } else { "" }
                ),
            ));
        }
    }
    Error::from_many(errors).map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> std::result::Result<super::super::Config, String> {
        crate::yaml::parse_settings(text, Path::new("site.yaml")).map_err(|e| e.to_string())
    }

    #[test]
    fn brand_keys_parse() {
        let c = read(
            "brand:\n  logo: logo.svg\n  accent: \"#0a5\"\n  scheme: dark\n  font: sans\n  image: /card.png\n\
             nav:\n  - {label: Council, url: /tags/council/}\nfooter: \"© Ledger\"\nsocial:\n  - https://mastodon.example/@ledger\n",
        )
        .unwrap();
        assert_eq!(c.brand.logo_rel(), Some("logo.svg"));
        assert!(c.brand.logo_is_svg());
        assert_eq!(c.brand.accent.as_ref().map(|a| a.css()), Some("#00aa55".to_string()));
        assert_eq!((c.brand.scheme, c.brand.font), (Scheme::Dark, Font::Sans));
        assert_eq!(c.brand.image_rel(), Some("card.png"));
        assert_eq!(c.nav, [NavItem { label: "Council".into(), url: "/tags/council/".into() }]);
        assert_eq!(c.footer, "© Ledger");
        assert_eq!(c.social, [WebUrl("https://mastodon.example/@ledger".into())]);
    }

    #[test]
    fn bad_values_are_located() {
        let e = read("title: x\nbrand:\n  accent: \"#12345\"\n").unwrap_err();
        assert!(e.starts_with("site.yaml:3:") && e.contains("CSS colour"), "{e}");
        let e = read("brand:\n  scheme: sepia\n").unwrap_err();
        assert!(e.starts_with("site.yaml:2:") && e.contains("sepia") && e.contains("auto"), "{e}");
        let e = read("brand:\n  font: comic\n").unwrap_err();
        assert!(e.starts_with("site.yaml:2:") && e.contains("system"), "{e}");
        let e = read("nav:\n  - {label: A, url: /a/}\n  - {label: B, url: tags/b}\n").unwrap_err();
        assert!(e.starts_with("site.yaml:3:") && e.contains("starting with /"), "{e}");
        let e = read("social:\n  - mastodon.example/@x\n").unwrap_err();
        assert!(e.starts_with("site.yaml:2:") && e.contains("https://"), "{e}");
    }

    #[test]
    fn missing_files_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let text = "title: x\nbrand:\n  accent: red\n  logo: logo.svg\n";
        let c = read(text).unwrap();
        let e = check_files(&c.brand, dir.path(), text).unwrap_err().to_string();
        assert!(e.starts_with("site.yaml:4:") && e.contains("static/logo.svg"), "{e}");
        std::fs::create_dir(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static/logo.svg"), "<svg/>").unwrap();
        check_files(&c.brand, dir.path(), text).unwrap();
    }

    #[test]
    fn dark_accent_is_derived_readable_and_low_contrast_warns() {
        let b = Brand { accent: Colour::parse("#8a1c1c"), ..Brand::default() };
        let (light, dark) = b.accents();
        assert_eq!(light.map(|c| c.css()), Some("#8a1c1c".to_string()));
        let dark = dark.unwrap();
        assert!(colour::contrast(&dark, &colour::dark_paper()) >= 4.5, "{}", dark.css());
        assert!(b.contrast_warnings().is_empty());
        let pale = Brand { accent: Colour::parse("gold"), scheme: Scheme::Light, ..Brand::default() };
        let w = pale.contrast_warnings();
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("brand.accent `gold`") && w[0].message.contains(":1"),
            "{}",
            w[0].message
        );
        let dim = Brand { accent_dark: Colour::parse("#333"), ..Brand::default() };
        assert!(dim.contrast_warnings()[0].message.contains("brand.accent_dark"));
    }

    #[test]
    fn css_block_sets_only_what_is_configured() {
        assert_eq!(Brand::default().css(), "");
        let b = Brand { font: Font::System, ..Brand::default() };
        assert!(b.css().contains("--font: var(--sans);") && !b.css().contains("--accent"));
    }
}
