//! The template set: built-in templates compiled into the binary, overridden
//! by files of the same name in the site's `templates/` folder.
//!
//! Every built-in is also registered as `builtin/<name>`, so an override can
//! extend the template it replaces (`{% extends "builtin/base.html" %}`).

use std::path::Path;

use crate::error::{Error, Result};

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("author.html", include_str!("../../templates/author.html")),
    ("authors.html", include_str!("../../templates/authors.html")),
    ("archive.html", include_str!("../../templates/archive.html")),
    ("year.html", include_str!("../../templates/year.html")),
    ("month.html", include_str!("../../templates/month.html")),
    ("quotes.html", include_str!("../../templates/quotes.html")),
    ("speaker.html", include_str!("../../templates/speaker.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("partials/list.html", include_str!("../../templates/partials/list.html")),
    (STORY, include_str!("../../templates/partials/story.html")),
    ("partials/pagination.html", include_str!("../../templates/partials/pagination.html")),
    ("partials/meta.html", include_str!("../../templates/partials/meta.html")),
];

/// The template of an article's entry in listings, rendered once per article.
pub const STORY: &str = "partials/story.html";

/// The built-in stylesheet, written to `/style.css` unless the site has its own.
pub const STYLESHEET: &str = include_str!("../../templates/style.css");

/// Folder of a site's template overrides, relative to its root.
pub const TEMPLATES_DIR: &str = "templates";

/// The template set, the site's stylesheet if any, and every template
/// source by name.
pub type Loaded = (tera::Tera, Option<String>, Vec<(String, String)>);

/// Loads the built-ins and the overrides under `root/templates`; the sources
/// are returned too, to fingerprint the template set.
/// The tool whose site `root` is, when its `templates/` folder holds that
/// tool's templates rather than dateline overrides: a Zola site (its
/// `config.toml` or `zola.toml`, and no `site.yaml`) keeps Tera templates
/// there too, written for Zola's variables, and built in place every page
/// would fail on them.
pub fn foreign_templates(root: &Path) -> Option<&'static str> {
    let zola = ["config.toml", "zola.toml"].iter().any(|f| root.join(f).is_file());
    (zola && !root.join(crate::config::SETTINGS_FILE).is_file() && root.join(TEMPLATES_DIR).is_dir())
        .then_some("Zola")
}

pub fn load(root: &Path) -> Result<Loaded> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".htm", ".xml"]);
    super::filters::register(&mut tera);
    let mut sources: Vec<(String, String)> = Vec::new();
    for (name, body) in BUILTIN {
        sources.push((format!("builtin/{name}"), (*body).to_string()));
    }
    let mut stylesheet = None;
    let dir = root.join(TEMPLATES_DIR);
    let mut overrides: Vec<(String, String)> = Vec::new();
    if dir.is_dir() && foreign_templates(root).is_none() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(&dir, e.into()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            if name.split('/').any(|s| s.starts_with('.')) || crate::content::is_ignored(&name) {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            if name == "style.css" {
                stylesheet = Some(text);
            } else {
                overrides.push((name, text));
            }
        }
    }
    for (name, body) in BUILTIN {
        if !overrides.iter().any(|(n, _)| n == name) {
            sources.push(((*name).to_string(), (*body).to_string()));
        }
    }
    sources.extend(overrides);
    tera.add_raw_templates(sources.clone()).map_err(template_error)?;
    Ok((tera, stylesheet, sources))
}

/// A Tera error with its whole chain, since Tera keeps the cause in `source()`.
pub fn template_error(e: tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    Error::Template { message }
}

/// Whether a template may read an article's `page.quotes` or
/// `page.pullquotes`: built for every article page, their views cost ~1.5%
/// of a build, and the built-in templates set the pull-outs in the body
/// instead. Inside `{{ }}` and `{% %}`, any `page` not followed by `.` and
/// another name (indexed, iterated, filtered, passed on or printed whole)
/// counts as reading them, as do the two names after any `.`.
pub fn reads_page_quotes(sources: &[(String, String)]) -> bool {
    sources.iter().any(|(_, text)| expressions(text).any(reads_quotes))
}

/// The text inside each `{{ }}` and `{% %}` of a template.
fn expressions(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let open = rest.find('{')?;
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = after;
                return Some("");
            }
        };
        let inner = &after[1..];
        let end = inner.find(close).unwrap_or(inner.len());
        rest = inner.get(end + close.len()..).unwrap_or("");
        Some(&inner[..end])
    })
}

fn reads_quotes(expr: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let bytes = expr.as_bytes();
    let mut at = 0;
    while at < expr.len() {
        let Some(start) = expr[at..].find(ident).map(|i| at + i) else { break };
        let end = expr[start..].find(|c: char| !ident(c)).map_or(expr.len(), |i| start + i);
        let word = &expr[start..end];
        let after_dot = start > 0 && bytes[start - 1] == b'.';
        if after_dot && matches!(word, "quotes" | "pullquotes") || word == "__tera_context" {
            return true;
        }
        if word == "page" && !after_dot {
            // `page.x` names one field; anything else hands `page` on whole.
            let next = expr[end..].trim_start();
            let field = next.strip_prefix('.').map(str::trim_start);
            if !field.is_some_and(|f| f.starts_with(|c: char| ident(c))) {
                return true;
            }
        }
        at = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(text: &str) -> bool {
        reads_page_quotes(&[("t.html".into(), text.into())])
    }

    #[test]
    fn built_in_templates_leave_page_quotes_unread() {
        let sources: Vec<(String, String)> =
            BUILTIN.iter().map(|(n, t)| ((*n).to_string(), (*t).to_string())).collect();
        assert!(!reads_page_quotes(&sources));
    }

    #[test]
    fn any_way_to_page_quotes_counts() {
        for yes in [
            "{{ page.quotes | length }}",
            "{% for q in page.pullquotes %}{{ q.text }}{% endfor %}",
            "{% for q in p.quotes %}{% endfor %}",
            "{% set p = page %}",
            "{{ page | json_encode }}",
            "{{ page[\"quotes\"] }}",
            "{% for k, v in page %}{% endfor %}",
            "{{ m::card(item=page) }}",
            "{{ page }}",
            "{{ __tera_context }}",
        ] {
            assert!(reads(yes), "{yes}");
        }
        for no in [
            "{{ page.title }} on the next page, with quotes",
            "<a href=\"{{ site.base_path }}quotes/\">Quotes</a>",
            "{% for q in quotes %}{{ q.text }}{% endfor %}",
            "{{ pages }} {{ site.page }} {{ page_title }}",
            "{ not an expression } {# page #}",
        ] {
            assert!(!reads(no), "{no}");
        }
    }
}
