//! What templates see of the site's look: `site.brand`, `site.nav`,
//! `site.footer`, `site.social` and `site.icons`, made once per build from
//! `site.yaml` and the files under `static/`.

use std::path::Path;

use serde::Serialize;

use crate::config::Settings;
use crate::config::brand::{Brand, STATIC_DIR, Scheme};

/// The look's part of the `site` variable.
#[derive(Debug, Serialize)]
pub struct Look {
    brand: BrandView,
    nav: Vec<NavView>,
    footer: String,
    social: Vec<SocialView>,
    icons: Vec<IconView>,
}

/// `site.brand`.
#[derive(Debug, Serialize)]
struct BrandView {
    /// URL path of the logo.
    logo: Option<String>,
    /// The accents as the stylesheet gets them (`#rrggbb`).
    accent: Option<String>,
    accent_dark: Option<String>,
    scheme: Scheme,
    /// For `<meta name="color-scheme">`: `light`, `dark` or `light dark`.
    color_scheme: &'static str,
    font: crate::config::brand::Font,
    /// Full URL of the default social card.
    image: Option<String>,
}

/// One `site.nav` entry, its URL under the base path.
#[derive(Debug, Serialize)]
struct NavView {
    label: String,
    url: String,
}

/// One `site.social` entry: the URL and a short name to show
/// (`mastodon.example/@ledger`).
#[derive(Debug, Serialize)]
struct SocialView {
    url: String,
    name: String,
}

/// One `<link>` of `site.icons`.
#[derive(Debug, Serialize)]
struct IconView {
    rel: &'static str,
    href: String,
    #[serde(rename = "type")]
    kind: &'static str,
    sizes: &'static str,
}

/// The built-in sections of the masthead menu, for a site without `nav`.
const SECTIONS: &[(&str, &str)] = &[
    ("Latest", ""),
    ("Archive", "archive/"),
    ("Topics", "tags/"),
    ("Reporters", "authors/"),
    ("Quotes", "quotes/"),
    ("Search", "search/"),
];

/// The look of the site under `root`; the built-in menu of a language
/// section leads to its own listings (`lang_prefix`, `ja/`).
pub fn look(root: &Path, s: &Settings, lang_prefix: &str) -> Look {
    let c = &s.config;
    let nav = if c.nav.is_empty() {
        let url = |rel: &str| s.url(&[lang_prefix, rel].concat());
        SECTIONS.iter().map(|(label, rel)| NavView { label: (*label).into(), url: url(rel) }).collect()
    } else {
        c.nav.iter().map(|n| NavView { label: n.label.clone(), url: link(&n.url, s) }).collect()
    };
    Look {
        brand: brand_view(&c.brand, s),
        nav,
        footer: c.footer.clone(),
        social: c.social.iter().map(|u| SocialView { url: u.0.clone(), name: short_name(&u.0) }).collect(),
        icons: icons(root, s),
    }
}

fn brand_view(b: &Brand, s: &Settings) -> BrandView {
    let (accent, accent_dark) = b.accents();
    BrandView {
        logo: b.logo_rel().map(|l| s.url(l)),
        accent: accent.map(|c| c.css()),
        accent_dark: accent_dark.map(|c| c.css()),
        scheme: b.scheme,
        color_scheme: match b.scheme {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Auto => "light dark",
        },
        font: b.font,
        image: default_image(s),
    }
}

/// The full URL of `brand.image`, the social card of articles without one.
pub fn default_image(s: &Settings) -> Option<String> {
    let b = &s.config.brand;
    match b.image_rel() {
        Some(rel) => Some(s.permalink(rel)),
        None => b.image.as_ref().map(|i| i.trim().to_string()),
    }
}

/// A nav URL: a site path goes under the base path, a full URL stays.
fn link(url: &str, s: &Settings) -> String {
    if url.starts_with('/') && !url.starts_with("//") { s.url(url) } else { url.to_string() }
}

fn short_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_string()
}

/// The icons pages link to: `favicon.ico` (the site's or the built-in
/// one) always, since browsers ask for it anyway; then the best of an SVG
/// logo or a `static/favicon.svg`/`.png`; and a touch icon.
fn icons(root: &Path, s: &Settings) -> Vec<IconView> {
    let own = |name: &str| root.join(STATIC_DIR).join(name).is_file();
    let mut out = vec![IconView { rel: "icon", href: s.url("favicon.ico"), kind: "", sizes: "32x32" }];
    let b = &s.config.brand;
    let svg = if own("favicon.svg") {
        Some("favicon.svg".to_string())
    } else {
        b.logo_rel().filter(|_| b.logo_is_svg()).map(str::to_string)
    };
    if let Some(svg) = svg {
        out.push(IconView { rel: "icon", href: s.url(&svg), kind: "image/svg+xml", sizes: "any" });
    } else if own("favicon.png") {
        out.push(IconView { rel: "icon", href: s.url("favicon.png"), kind: "image/png", sizes: "" });
    }
    out.push(IconView { rel: "apple-touch-icon", href: s.url(TOUCH_ICON), kind: "", sizes: "" });
    out
}

/// Where the touch icon is published, the site's own or a made one.
pub const TOUCH_ICON: &str = "apple-touch-icon.png";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn social_names_are_short() {
        assert_eq!(short_name("https://www.facebook.com/ledger/"), "facebook.com/ledger");
        assert_eq!(short_name("https://mastodon.example/@ledger"), "mastodon.example/@ledger");
    }

    #[test]
    fn nav_paths_go_under_the_base_path() {
        let mut s = Settings::new(Config::default()).unwrap();
        s.set_base_url("https://example.org/news/");
        assert_eq!(link("/tags/x/", &s), "/news/tags/x/");
        assert_eq!(link("https://elsewhere.example/", &s), "https://elsewhere.example/");
        let l = look(Path::new("/nonexistent"), &s, "");
        assert_eq!(l.nav[1].url, "/news/archive/");
        assert_eq!(l.icons.len(), 2);
    }
}
