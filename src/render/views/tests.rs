use super::*;
use crate::config::{Config, Settings};

/// The JSON-LD as a template would make it through the `json_ld` filter.
fn by_serde_json(
    s: &SummaryView<'_>,
    description: &str,
    image: Option<&str>,
    settings: &Settings,
) -> serde_json::Value {
    let authors: Vec<serde_json::Value> = s
        .authors
        .iter()
        .map(|a| serde_json::json!({"@type": "Person", "name": a.name, "url": a.permalink}))
        .collect();
    let tags: Vec<&str> = s.tags.iter().map(|t| t.name).collect();
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "url": s.permalink,
        "mainEntityOfPage": {"@type": "WebPage", "@id": s.permalink},
        "datePublished": s.date,
        "dateModified": s.updated.as_ref().unwrap_or(&s.date),
        "author": authors,
        "keywords": tags,
        "inLanguage": settings.config.language,
        "publisher": {"@type": "Organization", "name": settings.publisher(), "url": settings.base_url},
    });
    if let Some(logo) = settings.config.brand.logo_rel() {
        ld["publisher"]["logo"] =
            serde_json::json!({"@type": "ImageObject", "url": settings.permalink(logo)});
    }
    if !settings.config.social.is_empty() {
        let same: Vec<&str> = settings.config.social.iter().map(|u| u.0.as_str()).collect();
        ld["publisher"]["sameAs"] = serde_json::json!(same);
    }
    if !description.is_empty() {
        ld["description"] = description.into();
    }
    if let Some(image) = image {
        ld["image"] = serde_json::json!([image]);
    }
    ld
}

#[test]
fn json_ld_struct_matches_the_json_ld_filter() {
    let link = |name: &'static str, permalink: &str| LinkView {
        name,
        url: Cow::Borrowed(""),
        permalink: permalink.to_string().into(),
    };
    for (base, language) in [("/", "en"), ("https://example.org/a&b/", "fr-CA")] {
        let branded = base != "/";
        let settings = Settings::new(Config {
            base_url: base.into(),
            language: language.into(),
            brand: crate::config::brand::Brand {
                logo: branded.then(|| "logo <1>.svg".into()),
                ..Default::default()
            },
            social: if branded {
                vec![crate::config::brand::WebUrl("https://m.example/@a&b".into())]
            } else {
                Vec::new()
            },
            ..Config::default()
        })
        .expect("settings");
        for (k, title) in ["Plain", "</script><script>alert(1)</script>", "Q&A: “quotes” \\ \"x\"\n\u{1}é"]
            .into_iter()
            .enumerate()
        {
            let s = SummaryView {
                title,
                url: "/2024/x/".into(),
                permalink: format!("{base}2024/x/"),
                date: "2024-02-01T10:00:00+01:00".into(),
                updated: (k == 1).then(|| "2024-02-02T10:00:00+01:00".into()),
                authors: if k == 0 {
                    Vec::new()
                } else {
                    vec![link("Ann <Roe>", "/a/ann/"), link("Ben", "/a/b&n/")]
                },
                tags: if k == 2 { Vec::new() } else { vec![link("a&b", "/t/"), link("Ünï", "/t/u/")] },
                summary: String::new(),
                image: None,
            };
            for (description, image) in
                [("", None), ("A <b>description</b> & more", Some("https://e.org/a.png?x=1&y=2"))]
            {
                let want =
                    super::super::filters::json_ld_text(&by_serde_json(&s, description, image, &settings));
                assert_eq!(
                    json_ld::news_article(&s, description, image, &settings.config.language, &settings),
                    want
                );
            }
        }
    }
}
