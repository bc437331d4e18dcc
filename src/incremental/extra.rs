//! The files a rebuild makes besides the pages of articles and listings:
//! the site's own pages, the search index, redirects, and the key that says
//! whether the sitemaps still hold.

use super::*;

impl Session {
    /// The key of the sitemaps, which follow the set of pages and what they
    /// show of each article: the same key means the same pages as last time,
    /// so rendering may skip unchanged articles outright.
    pub(super) fn sitemap_key(&self, renderer: &Renderer, assets: &[Asset], settings: &Settings) -> u64 {
        let shown: Vec<u64> = self.rendered.iter().map(|r| r.summary_version).collect();
        let own_robots =
            (assets.iter().any(|a| a.rel == "robots.txt"), crate::favicon::own(assets, settings));
        hash(&(self.quoted_key, renderer.fingerprint(), self.settings_key, shown, own_robots))
    }

    /// The site's own pages, then the search index and redirects: the pages
    /// first, so that an alias over one is refused.
    pub(super) fn extras(
        &mut self,
        settings: &Settings,
        renderer: &Renderer,
        keys: &mut PageKeys,
        kept: &mut Vec<String>,
        timings: &mut Timings,
    ) -> Result<Vec<Page>> {
        let extra = self.own_pages(settings, renderer, keys, timings).and_then(|mut own| {
            own.extend(self.extra_pages(settings, keys, kept, timings)?);
            Ok(own)
        });
        if extra.is_err() {
            // The keys of last time are spent: the next build renders everything.
            (self.search, self.sitemaps) = (None, None);
            self.search_cache = Default::default();
        }
        extra
    }

    /// The pages, rendered every time (a site has a handful), their files
    /// put in `keys`. Last time's stand in the keys kept from then and are
    /// taken out first, so that a page gone does not stay (the key of an
    /// article now at its URL is not `ALWAYS`, and stays).
    pub(super) fn own_pages(
        &mut self,
        settings: &Settings,
        renderer: &Renderer,
        keys: &mut PageKeys,
        timings: &mut Timings,
    ) -> Result<Vec<Page>> {
        for path in self.page_files.drain(..) {
            if keys.get(&path) == Some(&crate::render::ALWAYS) {
                keys.remove(&path);
            }
        }
        let Some((_, archive)) = &self.archive else {
            return Err(Error::Template { message: "internal: listings missing".into() });
        };
        let pages = timings.time("pages", || {
            crate::undated::render(&self.pages.pages, (&self.articles, archive), settings, renderer, keys)
        })?;
        self.page_files = pages.iter().map(|p| p.path.clone()).collect();
        keys.extend(self.page_files.iter().map(|p| (p.clone(), crate::render::ALWAYS)));
        Ok(pages)
    }

    /// The search index (unless no article changed: then its paths
    /// go to `kept`) and the redirect pages of aliases.
    pub(super) fn extra_pages(
        &mut self,
        settings: &Settings,
        keys: &mut PageKeys,
        kept: &mut Vec<String>,
        timings: &mut Timings,
    ) -> Result<Vec<Page>> {
        let Some((_, archive)) = &self.archive else {
            return Err(Error::Template { message: "internal: listings missing".into() });
        };
        let orders =
            std::iter::once(&archive.order).chain(archive.sections.iter().map(|s| &s.listings.order));
        let listed: Vec<Vec<u64>> =
            orders.map(|o| o.iter().map(|&i| self.rendered[i].version).collect()).collect();
        let key = hash(&listed);
        let search = match self.search.take() {
            Some((k, paths)) if k == key => {
                kept.extend(paths.iter().cloned());
                self.search = Some((k, paths));
                Vec::new()
            }
            previous => {
                // Index files are named by their bytes: last time's names
                // may be gone, and must not be kept from the previous keys.
                for path in previous.iter().flat_map(|(_, paths)| paths) {
                    keys.remove(path);
                }
                let out = timings.time("search", || {
                    crate::site::search_pages_cached(
                        &self.articles,
                        &self.rendered,
                        archive,
                        settings,
                        &mut self.search_cache,
                    )
                })?;
                let paths =
                    out.pages.iter().map(|p| p.path.clone()).chain(out.kept.iter().cloned()).collect();
                self.search = Some((key, paths));
                // Files unchanged since the last build are kept, not made again.
                kept.extend(out.kept);
                out.pages
            }
        };
        let aliases = crate::publish::alias_pages(&self.articles, settings, keys)?;
        self.alias_paths = aliases.iter().map(|p| p.path.clone()).collect();
        let shortlinks = crate::render::shortlinks::map_page(&self.articles, &self.pages.pages, settings);
        Ok(search.into_iter().chain(aliases).chain(shortlinks).collect())
    }
}
