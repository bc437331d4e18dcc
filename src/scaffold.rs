//! `dateline init` and `dateline new`: starting a site and an article.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const SITE_YAML: &str = "\
# Settings for this site. Every key is optional; the values shown are the defaults
# unless noted.

# Name of the publication, shown in the masthead and in page titles.
title: My Paper
# One line about it, used in metadata and feeds.
description: News from our town
# Where the site will live. Feeds, sitemaps and canonical links need a full
# URL (https://example.org/ or https://example.org/news/); a path such as /
# or /news/ is fine for previews and gets a warning. Default: /
base_url: /
# Language of the articles, for <html lang>.
language: en
# Dates are read and shown in this IANA time zone (left out: UTC, and a
# date written with an offset keeps it).
timezone: UTC
# Articles per listing page (front page, tags, authors, months).
per_page: 20
# Article URLs. Tokens: :year :month :day :slug
permalink: /:year/:month/:day/:slug/
# How dates are shown to readers (strftime).
date_format: \"%B %-d, %Y\"
# Related articles under each article.
related: 5
# Pull-out quotes per article (0 turns them off).
pullquotes: 1
# Find direct quotes and their speakers (pull-outs and /quotes/ need them);
# `false` turns them off. A map tunes them: a speaker is shown only when the
# attribution is at least `min_confidence` sure (0 to 1), and a quote with no
# speaker shown becomes a pull-out only with `unnamed_pullouts: true`, e.g.
# quotes: {min_confidence: 0.8, unnamed_pullouts: false}
quotes: true
# Newest articles in each feed (site, tag and author feeds).
feed_limit: 20
# Publisher named in feeds and article metadata. Default: the title.
# publisher: My Paper Media
# An article with no date in its front matter, file name or folders:
# none (an error naming the file) or file_mtime (its modification time).
date_fallback: none
# Merge `categories` and `category` into tags.
categories_as_tags: true
markdown:
  # Raw HTML in article bodies: true passes it through, false shows it as text.
  raw_html: true
# Anything else for your templates, available as site.extra.
extra: {}
# The paper's own look (see \"Make it yours\" in dateline's README):
# brand:
#   logo: logo.svg        # a file in static/, shown instead of the title
#   accent: \"#8a1c1c\"     # any CSS colour: links, rules, the pull-out bar
#   scheme: auto          # light | dark | auto (the reader's system setting)
#   font: serif           # serif | sans | system
#   image: card.png       # social card of articles without an image
# nav:                    # the masthead menu; default: the built-in sections
#   - {label: Council, url: /tags/council/}
#   - {label: Archive, url: /archive/}
# footer: \"© 2026 My Paper · tips@example.org\"
# social:                 # footer links, and sameAs in article metadata
#   - https://mastodon.social/@mypaper
";

/// Creates a new site in `dir`, which must be absent or empty: settings,
/// one published article (so the first build shows a page, not an empty
/// site), an empty `static/` for the logo and other files, and a
/// `.gitignore` for the output and preview folders.
pub fn init(dir: &Path) -> Result<()> {
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?.next().is_some() {
        return Err(Error::io(dir, std::io::Error::other("the folder is not empty; choose a new one")));
    }
    let now = jiff::ZonedDateTime::now();
    let year = now.year();
    let articles = dir.join("content").join(format!("{year:04}"));
    std::fs::create_dir_all(&articles).map_err(|e| Error::io(&articles, e))?;
    write(&dir.join("site.yaml"), SITE_YAML)?;
    // The built site and the preview are made from the sources, not kept with them.
    write(&dir.join(".gitignore"), "/public/\n/.dateline/\n")?;
    let static_dir = dir.join("static");
    std::fs::create_dir_all(&static_dir).map_err(|e| Error::io(&static_dir, e))?;
    let body = "Write the first paragraph here: who, what, when, where.\n\n\
                \"Quotes with a named speaker become pull-outs,\" the editor said.\n\n\
                ## A subheading\n\nMore of the story.\n";
    let front = front_matter("Welcome to the archive", &now, SAMPLE_SUMMARY, false);
    write(&articles.join("welcome.md"), &format!("{front}{body}"))?;
    Ok(())
}

/// Writes a new article for `title` dated now; returns its path.
pub fn new_article(root: &Path, title: &str) -> Result<PathBuf> {
    let slug = crate::slug::slugify(title);
    if slug.is_empty() {
        return Err(Error::io(Path::new(title), std::io::Error::other("the title needs a letter or digit")));
    }
    let now = jiff::ZonedDateTime::now();
    let dir = root.join("content").join(format!("{:04}", now.year()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        return Err(Error::io(&path, std::io::Error::other("an article with this name already exists")));
    }
    write(&path, &format!("{}Write the story here.\n", front_matter(title, &now, "", true)))?;
    Ok(path)
}

const SAMPLE_SUMMARY: &str = "A first article, to show what a page looks like; edit it or delete it.";

/// The front matter and the blank line after it.
fn front_matter(title: &str, now: &jiff::ZonedDateTime, summary: &str, draft: bool) -> String {
    let quoted = serde_json::to_string(title).unwrap_or_default();
    let summary = serde_json::to_string(summary).unwrap_or_default();
    format!(
        "---\ntitle: {quoted}\ndate: {}\nauthors: []\ntags: []\nsummary: {summary}\ndraft: {draft}\n---\n\n",
        now.strftime("%Y-%m-%dT%H:%M:%S%:z")
    )
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}
