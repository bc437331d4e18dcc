//! Every file an import writes, made in memory first: one Markdown file
//! per post (and page, if asked), and `site.yaml` for a new site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::body::{self, Media};
use super::post::{self, DISCARDED};
use super::wxr::{Export, Item};
use super::{ImportOptions, ImportReport};

/// A file to write: its path relative to the root, and its text.
pub type File = (PathBuf, String);

/// The files for `export`, and the report of what they hold.
pub fn files(export: &Export, options: &ImportOptions) -> (Vec<File>, ImportReport) {
    let mut report = ImportReport::default();
    let mut files = Vec::new();
    let mut used = Used::default();
    let attachments = attachments(export);
    for item in &export.items {
        report.comments += item.comments;
        let kind = if item.get("wp:post_type").is_empty() { "post" } else { item.get("wp:post_type") };
        let status = item.get("wp:status");
        let skip = match (kind, status) {
            ("post" | "page", s) if DISCARDED.contains(&s) => Some(format!("{kind} ({status})")),
            ("page", _) if !options.pages => Some("page (import them with --pages)".to_string()),
            ("post" | "page", _) => None,
            (other, _) => Some(other.to_string()),
        };
        if let Some(why) = skip {
            *report.skipped.entry(why).or_default() += 1;
            continue;
        }
        let folder = (kind == "page").then_some("pages");
        let Some(mut front) = post::front(item, export) else {
            *report.skipped.entry(format!("{kind} without any date")).or_default() += 1;
            continue;
        };
        let media = Media { by_id: attachments.by_id.clone(), of_post: attachments.of(item) };
        let html = uploads_local(item.get("content:encoded"), &export.site, options.media.is_some());
        let body = body::to_markdown(&html, &media, &mut report.unconverted);
        let dir = folder.map_or_else(|| front.date[..4].to_string(), str::to_string);
        front.slug = used.claim(&dir, &front.date[..10], &front.slug);
        let slug = front.slug.clone();
        match folder {
            Some(_) => report.pages += 1,
            None => report.posts += 1,
        }
        report.drafts += usize::from(front.draft && folder.is_none());
        let yaml = match folder {
            Some(_) => serde_yaml::to_string(&post::PageFront::from(front)),
            None => serde_yaml::to_string(&front),
        }
        .unwrap_or_default();
        let path = PathBuf::from("content").join(&dir).join(format!("{slug}.md"));
        files.push((path, format!("---\n{yaml}---\n\n{body}")));
    }
    files.extend(site_settings(export, options));
    (files, report)
}

/// Slugs taken, by folder and by day: two posts with one slug on one day
/// would share a URL, two in one folder a file.
#[derive(Default)]
struct Used(BTreeSet<(String, String)>);

impl Used {
    /// `slug`, or `slug-2`, `slug-3`... when taken.
    fn claim(&mut self, dir: &str, day: &str, slug: &str) -> String {
        let mut n = 1;
        loop {
            let candidate = if n == 1 { slug.to_string() } else { format!("{slug}-{n}") };
            let (by_dir, by_day) =
                ((format!("dir {dir}"), candidate.clone()), (format!("day {day}"), candidate.clone()));
            if !self.0.contains(&by_dir) && !self.0.contains(&by_day) {
                self.0.insert(by_dir);
                self.0.insert(by_day);
                return candidate;
            }
            n += 1;
        }
    }
}

/// Attachments: URL and title by id, and ids by parent post.
struct Attachments {
    by_id: BTreeMap<String, (String, String)>,
    by_parent: BTreeMap<String, Vec<String>>,
}

impl Attachments {
    fn of(&self, item: &Item) -> Vec<String> {
        self.by_parent.get(item.get("wp:post_id")).cloned().unwrap_or_default()
    }
}

fn attachments(export: &Export) -> Attachments {
    let mut a = Attachments { by_id: BTreeMap::new(), by_parent: BTreeMap::new() };
    for item in export.items.iter().filter(|i| i.get("wp:post_type") == "attachment") {
        let id = item.get("wp:post_id").to_string();
        let url = item.get("wp:attachment_url");
        let url = if url.is_empty() { item.get("guid") } else { url };
        a.by_id.insert(id.clone(), (url.to_string(), crate::content::decode_entities(item.get("title"))));
        a.by_parent.entry(item.get("wp:post_parent").to_string()).or_default().push(id);
    }
    a
}

/// With a local copy of the uploads, links to them on the old site point at
/// the copy the new site serves.
fn uploads_local(html: &str, site: &str, local: bool) -> String {
    let host = site.split("://").nth(1).unwrap_or("").trim_end_matches('/');
    if !local || host.is_empty() {
        return html.to_string();
    }
    ["https://", "http://"].iter().fold(html.to_string(), |text, scheme| {
        text.replace(&format!("{scheme}{host}/wp-content/uploads/"), "/wp-content/uploads/")
    })
}

/// `site.yaml` naming the site, when the root has none.
fn site_settings(export: &Export, options: &ImportOptions) -> Option<File> {
    let path = PathBuf::from(crate::config::SETTINGS_FILE);
    if options.root.join(&path).exists() {
        return None;
    }
    #[derive(serde::Serialize)]
    struct Settings<'a> {
        title: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        base_url: &'a str,
    }
    let title = if export.title.is_empty() { "Imported from WordPress" } else { &export.title };
    let base = if export.site.starts_with("http") { export.site.as_str() } else { "" };
    let yaml = serde_yaml::to_string(&Settings { title, base_url: base }).ok()?;
    Some((path, format!("# Made by `dateline import wordpress`.\n{yaml}")))
}
