//! Bringing a session's bodies, listings and views up to date: only those
//! whose inputs changed are made again.

use std::collections::HashMap;

use rayon::prelude::*;
use tera::Value;

use super::{Session, carry};
use crate::archive::Archive;
use crate::body::{Linker, Rendered};
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::fingerprint::hash;
use crate::render::{Renderer, views};

impl Session {
    /// Renders the bodies whose version changed.
    pub(super) fn render_markdown(&mut self, settings: &Settings) -> Result<()> {
        // A kept link map means only articles re-read since need rendering.
        let (linker, kept) = match self.linker.take() {
            Some(l) => (l, true),
            None => (Linker::new(&self.articles, settings), false),
        };
        let stale: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                let version = self.rendered[i].version;
                version == 0 || !kept && version != linker.version(&self.articles[i])
            })
            .collect();
        let results: Vec<(usize, Result<Rendered>)> =
            stale.par_iter().map(|&i| (i, linker.render(&self.articles[i], settings))).collect();
        let mut errors = Vec::new();
        for (i, r) in results {
            match r {
                Ok(r) => self.rendered[i] = r,
                Err(e) => {
                    self.rendered[i] = Rendered::default();
                    errors.push(e);
                }
            }
        }
        self.linker = Some(linker);
        Error::from_many(errors).map_or(Ok(()), Err)
    }

    /// The listings; their structure is kept while no article's place in
    /// them (URL, date, tags, authors) changed. Speakers follow the quotes.
    pub(super) fn update_archive(&mut self, settings: &Settings) {
        let (articles, rendered) = (&self.articles, &self.rendered);
        self.shapes = carry(std::mem::take(&mut self.shapes), articles.len(), |i, kept| {
            let a = &articles[i];
            match kept {
                Some(s) if s.0 == a.path && s.1 == a.source_hash => s,
                _ => (
                    a.path.clone(),
                    a.source_hash,
                    hash(&(&a.rel_url, a.date.timestamp(), &a.tags, &a.authors)),
                ),
            }
        });
        let each: Vec<u64> = self.shapes.iter().map(|s| s.2).collect();
        let key = hash(&(each, settings.config.related));
        // Who is quoted where, per article, kept by rendering version: most
        // edits leave every attribution as it was.
        self.quoted = carry(std::mem::take(&mut self.quoted), rendered.len(), |i, kept| {
            let r = &rendered[i];
            match kept {
                Some(q) if q.0 == r.version => q,
                _ => (r.version, hash(&r.quotes.iter().map(|q| &q.speaker).collect::<Vec<_>>())),
            }
        });
        let each: Vec<u64> = self.quoted.iter().map(|q| q.1).collect();
        let quoted_key = hash(&(key, each));
        let archive = match self.archive.take() {
            Some((k, mut a)) if k == key => {
                if quoted_key != self.quoted_key {
                    a.refresh_speakers(&self.rendered);
                }
                a
            }
            _ => Archive::build(&self.articles, &self.rendered, settings.config.related),
        };
        self.quoted_key = quoted_key;
        self.archive = Some((key, archive));
    }

    /// Listing views: rebuilt only for articles whose version changed, or
    /// all of them when the templates did (each holds its rendered entry).
    pub(super) fn update_summaries(&mut self, settings: &Settings, renderer: &Renderer) -> Result<()> {
        let mut old: HashMap<u64, Value> =
            self.summary_versions.drain(..).zip(self.summaries.drain(..)).collect();
        let (articles, rendered) = (&self.articles, &self.rendered);
        let version = |i: usize| hash(&(rendered[i].summary_version, renderer.fingerprint()));
        let summaries: Result<Vec<Value>> = (0..articles.len())
            .into_par_iter()
            .map(|i| match old.get(&version(i)) {
                Some(v) => Ok(v.clone()),
                None => renderer.with_story(views::summary(
                    &articles[i],
                    &rendered[i],
                    settings,
                    &views::Links::default(),
                )),
            })
            .collect();
        old.clear();
        self.summaries = summaries?;
        self.summary_versions = (0..articles.len()).map(version).collect();
        Ok(())
    }
}
