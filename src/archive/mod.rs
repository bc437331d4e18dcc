//! The listings built from all articles: order, tags, authors, years and
//! months, neighbours, related articles, and pagination.
//!
//! Everything here holds indices into the article list, so a listing costs a
//! few bytes per entry however large the articles are.

use rustc_hash::FxHashMap;

use crate::body::Rendered;
use crate::content::Article;
use crate::slug::slugify;

mod related;
mod speakers;

pub use speakers::speakers;

/// A tag or an author with its articles, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Display name (the first spelling met, in date order).
    pub name: String,
    /// URL segment.
    pub slug: String,
    /// Article indices, newest first.
    pub articles: Vec<usize>,
}

/// One month of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// 1 to 12.
    pub month: i8,
    /// Article indices, newest first.
    pub articles: Vec<usize>,
}

/// One year, months newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: i16,
    /// Months that have articles.
    pub months: Vec<Month>,
}

impl Year {
    /// Articles in the year.
    pub fn count(&self) -> usize {
        self.months.iter().map(|m| m.articles.len()).sum()
    }
}

/// All listings of a site.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Article indices, newest first; ties broken by path.
    pub order: Vec<usize>,
    /// Tags by slug.
    pub tags: Vec<Group>,
    /// Authors by slug.
    pub authors: Vec<Group>,
    /// Years, newest first.
    pub years: Vec<Year>,
    /// For each article, the next older one.
    pub older: Vec<Option<usize>>,
    /// For each article, the next newer one.
    pub newer: Vec<Option<usize>>,
    /// For each article, related ones: most shared tags, then nearest in time.
    pub related: Vec<Vec<usize>>,
    /// Everyone quoted, by slug, with their quotes newest first.
    pub speakers: Vec<Speaker>,
    /// The slug of the speaker's page of each quote that has one, by
    /// (article, quote), in its language's quotes index: one person's
    /// spellings share one page.
    pub speaker_slugs: rustc_hash::FxHashMap<(usize, usize), String>,
    /// The listings of each language other than the default, which the
    /// fields above leave out (see [`Section`]).
    pub sections: Vec<Section>,
}

/// A language's own listings, under its prefix (`ja/`): a newsroom with an
/// English site and a Japanese section lists each story in its own
/// language's front page, tags, archives, feeds, quotes and search only.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// `ja/`: where its listings sit.
    pub prefix: String,
    /// Its language code.
    pub lang: String,
    /// Its order, tags, authors, years and speakers (the per-article fields,
    /// `older`, `newer` and `related`, are the main archive's and empty here).
    pub listings: Archive,
}

/// A person or organisation quoted somewhere in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Full name: the fullest of the spellings that are this person.
    pub name: String,
    /// URL segment.
    pub slug: String,
    /// (article index, quote index in that article), newest article first.
    pub quotes: Vec<(usize, usize)>,
}

impl Archive {
    /// Builds every listing; `related` is how many related articles to keep.
    /// Articles of the default language (an empty `lang_prefix`) make the
    /// main listings, every other language a [`Section`]; neighbours and
    /// related articles stay within an article's language.
    pub fn build(articles: &[Article], rendered: &[Rendered], related: usize) -> Archive {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        let key = |i: &usize| (std::cmp::Reverse(articles[*i].date.timestamp()), &articles[*i].path);
        order.sort_by(|a, b| key(a).cmp(&key(b)));
        let (order, others) = by_language(order, articles);
        let mut older = vec![None; articles.len()];
        let mut newer = vec![None; articles.len()];
        for list in std::iter::once(&order).chain(others.iter().map(|(_, o)| o)) {
            for w in list.windows(2) {
                older[w[0]] = Some(w[1]);
                newer[w[1]] = Some(w[0]);
            }
        }
        let mut main = Archive::listings(order, articles, rendered);
        let sections: Vec<Section> = others
            .into_iter()
            .map(|(prefix, o)| Section {
                lang: articles[o[0]].lang.clone(),
                prefix: prefix.to_string(),
                listings: Archive::listings(o, articles, rendered),
            })
            .collect();
        let tag_lists: Vec<(&str, &[Group])> = std::iter::once(("", main.tags.as_slice()))
            .chain(sections.iter().map(|s| (s.prefix.as_str(), s.listings.tags.as_slice())))
            .collect();
        // Related articles weigh nearness in time across the whole archive.
        let all: Option<Vec<usize>> = (!sections.is_empty()).then(|| {
            let mut all: Vec<usize> = (0..articles.len()).collect();
            all.sort_by(|a, b| key(a).cmp(&key(b)));
            all
        });
        main.related = related_articles(articles, &tag_lists, all.as_deref().unwrap_or(&main.order), related);
        (main.older, main.newer, main.sections) = (older, newer, sections);
        main.speaker_slugs = main.slugs_of_quotes();
        main
    }

    /// The speaker's page of each of the `quotes` quotes of article `i`.
    pub fn quote_slugs(&self, i: usize, quotes: usize) -> Vec<Option<&str>> {
        (0..quotes).map(|qi| self.speaker_slugs.get(&(i, qi)).map(String::as_str)).collect()
    }

    /// [`Archive::speaker_slugs`] from the speakers of every language.
    fn slugs_of_quotes(&self) -> rustc_hash::FxHashMap<(usize, usize), String> {
        let all = std::iter::once(&self.speakers).chain(self.sections.iter().map(|s| &s.listings.speakers));
        all.flatten().flat_map(|sp| sp.quotes.iter().map(move |&q| (q, sp.slug.clone()))).collect()
    }

    /// The listings of the articles in `order` (one language's).
    fn listings(order: Vec<usize>, articles: &[Article], rendered: &[Rendered]) -> Archive {
        let tags = group(&order, |i| &articles[i].tags);
        let authors = group(&order, |i| &articles[i].authors);
        let years = by_date(&order, articles);
        let speakers = speakers(&order, rendered);
        Archive { speakers, order, tags, authors, years, ..Archive::default() }
    }

    /// Gathers who is quoted again, in every language, after quotes changed.
    pub fn refresh_speakers(&mut self, rendered: &[Rendered]) {
        self.speakers = speakers(&self.order, rendered);
        for s in &mut self.sections {
            s.listings.speakers = speakers(&s.listings.order, rendered);
        }
        self.speaker_slugs = self.slugs_of_quotes();
    }
}

/// Splits `order` into the default language's articles and each other
/// language's (by prefix, in prefix order); a site of one language costs a
/// scan.
fn by_language(order: Vec<usize>, articles: &[Article]) -> (Vec<usize>, Vec<(&str, Vec<usize>)>) {
    if order.iter().all(|&i| articles[i].lang_prefix.is_empty()) {
        return (order, Vec::new());
    }
    let mut others: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    let mut main = Vec::new();
    for i in order {
        match articles[i].lang_prefix.as_str() {
            "" => main.push(i),
            p => others.entry(p).or_default().push(i),
        }
    }
    (main, others.into_iter().collect())
}

fn group<'a>(order: &[usize], names: impl Fn(usize) -> &'a Vec<String>) -> Vec<Group> {
    let mut groups = BySlug::default();
    for &i in order {
        for name in names(i) {
            let k = groups.index(name, |slug| Group { name: name.clone(), slug, articles: Vec::new() });
            if let Some(g) = k.map(|k| &mut groups.items[k])
                && g.articles.last() != Some(&i)
            {
                g.articles.push(i);
            }
        }
    }
    let mut out = groups.items;
    out.sort_unstable_by(|a, b| a.slug.cmp(&b.slug));
    out
}

/// Things gathered by the slug of their name (tags, authors):
/// names that slug alike share one item, made from the first. Names repeat
/// across thousands of articles, so each distinct name is slugged once and
/// its item found by the name itself after that.
struct BySlug<'a, T> {
    by_name: FxHashMap<&'a str, Option<usize>>,
    by_slug: FxHashMap<String, usize>,
    items: Vec<T>,
}

impl<T> Default for BySlug<'_, T> {
    fn default() -> Self {
        BySlug { by_name: FxHashMap::default(), by_slug: FxHashMap::default(), items: Vec::new() }
    }
}

impl<'a, T> BySlug<'a, T> {
    /// The index in `items` of `name`'s item, made by `make` from the slug
    /// if it is the first of its slug; `None` for a name with an empty slug.
    fn index(&mut self, name: &'a str, make: impl FnOnce(String) -> T) -> Option<usize> {
        if let Some(&k) = self.by_name.get(name) {
            return k;
        }
        let slug = slugify(name);
        let items = &mut self.items;
        let k = (!slug.is_empty()).then(|| {
            *self.by_slug.entry(slug.clone()).or_insert_with(|| {
                items.push(make(slug));
                items.len() - 1
            })
        });
        self.by_name.insert(name, k);
        k
    }
}

fn by_date(order: &[usize], articles: &[Article]) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for &i in order {
        let (y, m) = (articles[i].date.year(), articles[i].date.month());
        if years.last().is_none_or(|last| last.year != y) {
            years.push(Year { year: y, months: Vec::new() });
        }
        let year = years.last_mut().expect("pushed above");
        if year.months.last().is_none_or(|last| last.month != m) {
            year.months.push(Month { month: m, articles: Vec::new() });
        }
        year.months.last_mut().expect("pushed above").articles.push(i);
    }
    years
}

/// For each article, the `keep` articles sharing most tags with it, nearer
/// in time first. `tags` holds each language's tags under its prefix: a tag
/// is only shared within a language. Counting goes through a dense
/// per-thread table instead of a hash map: a tag shared by thousands of
/// articles makes this the hot loop.
fn related_articles(
    articles: &[Article],
    tags: &[(&str, &[Group])],
    order: &[usize],
    keep: usize,
) -> Vec<Vec<usize>> {
    if keep == 0 {
        return vec![Vec::new(); articles.len()];
    }
    let all = tags.iter().flat_map(|(p, gs)| gs.iter().map(move |g| (*p, g)));
    let by_slug: FxHashMap<(&str, &str), u32> =
        all.clone().enumerate().map(|(id, (p, t))| ((p, t.slug.as_str()), id as u32)).collect();
    let mut by_name: FxHashMap<(&str, &str), Option<u32>> = FxHashMap::default();
    let article_tags: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| {
            let p = a.lang_prefix.as_str();
            let tags = a.tags.iter().map(String::as_str);
            let mut id =
                |t| *by_name.entry((p, t)).or_insert_with(|| by_slug.get(&(p, slugify(t).as_str())).copied());
            tags.filter_map(&mut id).collect()
        })
        .collect();
    let lists: Vec<&[usize]> = all.map(|(_, t)| t.articles.as_slice()).collect();
    related::related(&article_tags, &lists, order, keep)
}

/// One page of a paginated listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// 1-based page number.
    pub number: usize,
    /// Pages in the listing (at least 1).
    pub total: usize,
    /// The range of the listing on this page.
    pub range: std::ops::Range<usize>,
}

/// Cuts `len` items into pages of `per_page`; an empty listing still has one page.
pub fn paginate(len: usize, per_page: usize) -> Vec<Pager> {
    let total = len.div_ceil(per_page).max(1);
    (0..total)
        .map(|p| Pager { number: p + 1, total, range: p * per_page..((p + 1) * per_page).min(len) })
        .collect()
}

/// The site-relative path of page `n` of a listing rooted at `base` (`""` or `tags/x/`).
pub fn page_path(base: &str, n: usize) -> String {
    if n <= 1 { base.to_string() } else { format!("{base}page/{n}/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_boundaries() {
        assert_eq!(paginate(0, 20), vec![Pager { number: 1, total: 1, range: 0..0 }]);
        assert_eq!(paginate(20, 20).len(), 1);
        let p = paginate(21, 20);
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].range, 20..21);
        assert_eq!(page_path("tags/a/", 1), "tags/a/");
        assert_eq!(page_path("tags/a/", 3), "tags/a/page/3/");
        assert_eq!(page_path("", 2), "page/2/");
    }
}
