//! Language sections as their pages see them: the section's language,
//! prefix and feeds, and the list of every language's front page.

use tera::{Context, Value};

use super::pages::Input;
use super::{Renderer, views};

/// What a page of a language section sees besides its own context: the
/// section's language as `site.language`, `lang_prefix` (`ja/`) for links
/// that stay in the section, and the section's feeds.
pub(super) struct Section {
    pub(super) prefix: String,
    site: Value,
    lang_prefix: Value,
    feeds: Value,
}

impl Section {
    pub(super) fn all(r: &Renderer, input: &Input<'_>) -> Vec<Section> {
        let s = input.settings;
        let sections = &input.archive.sections;
        sections
            .iter()
            .map(|sec| {
                let mut config = s.config.clone();
                config.language = views::html_lang(&sec.lang);
                let title = super::feed_links::site_title(&sec.prefix, s);
                let feeds = super::feed_links::links(&sec.prefix, &title, s);
                Section {
                    prefix: sec.prefix.clone(),
                    site: super::site_value(
                        &r.root,
                        &crate::config::Settings { config, ..s.clone() },
                        &sec.prefix,
                    ),
                    lang_prefix: Value::from(sec.prefix.as_str()),
                    feeds: Value::from_serializable(&feeds),
                }
            })
            .collect()
    }

    /// `languages` for a site with sections: each language's front page,
    /// named in its own language, with its `lang_prefix` (empty for the
    /// default); `None` for a site of one language (the global is empty).
    pub(super) fn languages(input: &Input<'_>, sections: &[Section]) -> Option<Value> {
        if sections.is_empty() {
            return None;
        }
        languages(input.archive, input.settings)
    }

    pub(super) fn apply(&self, ctx: &mut Context) {
        ctx.insert_value("site", self.site.clone());
        ctx.insert_value("lang_prefix", self.lang_prefix.clone());
        if !ctx.contains_key("feeds") {
            ctx.insert_value("feeds", self.feeds.clone());
        }
    }
}

/// `languages` for a site with sections: each language's front page, named
/// in its own language, with its `lang_prefix` (empty for the default);
/// `None` for a site of one language.
pub fn languages(archive: &crate::archive::Archive, s: &crate::config::Settings) -> Option<Value> {
    #[derive(serde::Serialize)]
    struct LanguageView {
        lang: String,
        name: String,
        url: String,
        /// The full URL, for `hreflang` links.
        permalink: String,
        prefix: String,
    }
    if archive.sections.is_empty() {
        return None;
    }
    let codes = std::iter::once((crate::content::default_language(s), ""))
        .chain(archive.sections.iter().map(|sec| (sec.lang.as_str(), sec.prefix.as_str())));
    let views: Vec<LanguageView> = codes
        .map(|(code, prefix)| {
            let lang = views::html_lang(code);
            LanguageView {
                name: views::native_name(&lang),
                lang,
                url: s.url(prefix),
                permalink: s.permalink(prefix),
                prefix: prefix.into(),
            }
        })
        .collect();
    Some(Value::from_serializable(&views))
}
