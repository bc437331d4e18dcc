//! Related articles: for each article, the ones sharing the most tags with it,
//! ties going to the nearest in time (then the newer).
//!
//! Counting every article of every tag an article has costs the sum of the
//! squares of the tag sizes, which grows with the square of the archive: a tag
//! on a tenth of 100,000 articles alone means a billion steps. Instead, the
//! articles sharing three or more tags with an article are found through lists
//! of the articles holding each *triple* of tags (rarer than any of its tags);
//! of those sharing exactly two, only the nearest in time in each list of the
//! articles holding a *pair* of tags can make the cut; and those sharing one
//! tag are only needed to fill what is left, from the articles next to it in
//! time in each of its tags. Every list is in listing order, so "nearest in
//! time" is a walk outwards from where the article would stand in it.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Articles with more tags than this are not put in pair lists (they would
/// need a list per pair); every article checks them directly instead.
const WIDE: usize = 16;

/// `article_tags[i]`: the tag ids of article `i`; `lists[g]`: the articles of
/// tag `g` in listing order; `order`: the listing order. Returns, for each
/// article, at most `keep` related articles, best first.
pub(super) fn related(
    article_tags: &[Vec<u32>],
    lists: &[&[usize]],
    order: &[usize],
    keep: usize,
) -> Vec<Vec<usize>> {
    let n = article_tags.len();
    if keep == 0 {
        return vec![Vec::new(); n];
    }
    let article_tags: Vec<Vec<u32>> = article_tags
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut pairs: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    let mut triples: FxHashMap<(u32, u32, u32), Vec<usize>> = FxHashMap::default();
    let mut wide = Vec::new();
    for &j in order {
        let t = &article_tags[j];
        if t.len() > WIDE {
            wide.push(j);
            continue;
        }
        for (a, &g) in t.iter().enumerate() {
            for (b, &h) in t.iter().enumerate().skip(a + 1) {
                pairs.entry((g, h)).or_default().push(j);
                for &k in &t[b + 1..] {
                    triples.entry((g, h, k)).or_default().push(j);
                }
            }
        }
    }
    let ctx = Ctx {
        article_tags: &article_tags,
        lists,
        rank: &rank,
        order,
        pairs: &pairs,
        triples: &triples,
        wide: &wide,
    };
    // One hit counter per worker, reused for every article it takes.
    let min_len = n.div_ceil(rayon::current_num_threads() * 4).max(1);
    (0..n)
        .into_par_iter()
        .with_min_len(min_len)
        .map_init(|| (vec![0u32; n], Vec::new()), |(hits, touched), i| ctx.best(i, keep, hits, touched))
        .collect()
}

struct Ctx<'a> {
    article_tags: &'a [Vec<u32>],
    lists: &'a [&'a [usize]],
    rank: &'a [usize],
    order: &'a [usize],
    pairs: &'a FxHashMap<(u32, u32), Vec<usize>>,
    triples: &'a FxHashMap<(u32, u32, u32), Vec<usize>>,
    wide: &'a [usize],
}

/// (shared tags, distance in the listing, rank): smaller is better after
/// reversing the count.
type Cand = (u32, usize, usize);

fn better(a: &Cand, b: &Cand) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
}

impl Ctx<'_> {
    /// How many tags `i` and `j` share (both lists sorted, without repeats).
    fn shared(&self, i: usize, j: usize) -> u32 {
        let (a, b) = (&self.article_tags[i], &self.article_tags[j]);
        let (mut x, mut y, mut count) = (0, 0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    count += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        count
    }

    fn cand(&self, i: usize, j: usize, count: u32) -> Cand {
        (count, self.rank[i].abs_diff(self.rank[j]), self.rank[j])
    }

    fn best(&self, i: usize, keep: usize, hits: &mut [u32], touched: &mut Vec<usize>) -> Vec<usize> {
        let mut cands: Vec<Cand> = if self.article_tags[i].len() > WIDE {
            self.wide_candidates(i, hits, touched)
        } else {
            self.narrow_candidates(i, keep, hits, touched)
        };
        if cands.len() < keep {
            self.fill_with_single(i, keep - cands.len(), &mut cands);
        }
        if cands.len() > keep {
            cands.select_nth_unstable_by(keep - 1, better);
            cands.truncate(keep);
        }
        cands.sort_by(better);
        cands.iter().map(|c| self.order[c.2]).collect()
    }

    /// A wide article counts over its tags themselves: hits are shared tags.
    fn wide_candidates(&self, i: usize, hits: &mut [u32], touched: &mut Vec<usize>) -> Vec<Cand> {
        for &g in &self.article_tags[i] {
            for &j in self.lists[g as usize] {
                if hits[j] == 0 {
                    touched.push(j);
                }
                hits[j] += 1;
            }
        }
        let mut cands = Vec::new();
        for &j in touched.iter() {
            if j != i && hits[j] >= 2 {
                cands.push(self.cand(i, j, hits[j]));
            }
            hits[j] = 0;
        }
        touched.clear();
        cands
    }

    /// The articles sharing two tags or more with `i`, which has few tags.
    fn narrow_candidates(
        &self,
        i: usize,
        keep: usize,
        hits: &mut [u32],
        touched: &mut Vec<usize>,
    ) -> Vec<Cand> {
        let t = &self.article_tags[i];
        let mut cands: Vec<Cand> = Vec::new();
        // Everything sharing three or more tags, once each, from the triple lists.
        for (a, &g) in t.iter().enumerate() {
            for (b, &h) in t.iter().enumerate().skip(a + 1) {
                for &k in &t[b + 1..] {
                    for &j in self.triples.get(&(g, h, k)).into_iter().flatten() {
                        if hits[j] == 0 {
                            touched.push(j);
                        }
                        hits[j] += 1;
                    }
                }
            }
        }
        for &j in touched.iter() {
            if j != i {
                cands.push(self.cand(i, j, self.shared(i, j)));
            }
            hits[j] = 0;
        }
        touched.clear();
        // Sharing exactly two: in each pair list, the `keep` nearest on
        // either side beat every other article of that list sharing two.
        for (a, &g) in t.iter().enumerate() {
            for &h in &t[a + 1..] {
                let Some(list) = self.pairs.get(&(g, h)) else { continue };
                let at = list.partition_point(|&j| self.rank[j] < self.rank[i]);
                let before = self.sharing(i, list[..at].iter().rev(), 2, keep);
                let after = self.sharing(i, list[at..].iter(), 2, keep);
                cands.extend(before.chain(after).map(|j| self.cand(i, j, 2)));
            }
        }
        // Wide articles are in no pair or triple list.
        for &j in self.wide {
            let c = self.shared(i, j);
            if c >= 2 {
                cands.push(self.cand(i, j, c));
            }
        }
        cands
    }

    /// Adds the articles sharing exactly one tag with `i`, enough of them: in
    /// each tag, the `need` nearest on each side are the only ones that can
    /// beat the rest, since any further one has `need` nearer ones before it.
    fn fill_with_single(&self, i: usize, need: usize, cands: &mut Vec<Cand>) {
        let r = self.rank[i];
        for &g in &self.article_tags[i] {
            let list = self.lists[g as usize];
            let at = list.partition_point(|&j| self.rank[j] < r);
            let before = list[..at].iter().rev();
            let after = list[at..].iter();
            let singles = self.sharing(i, before, 1, need).chain(self.sharing(i, after, 1, need));
            cands.extend(singles.map(|j| self.cand(i, j, 1)));
        }
    }

    /// The first `need` articles of `side` other than `i` that share exactly
    /// `count` tags with it.
    fn sharing<'s>(
        &'s self,
        i: usize,
        side: impl Iterator<Item = &'s usize> + 's,
        count: u32,
        need: usize,
    ) -> impl Iterator<Item = usize> + 's {
        side.copied().filter(move |&j| j != i && self.shared(i, j) == count).take(need)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting every article of every tag: the definition `related` must match.
    fn by_counting(
        article_tags: &[Vec<u32>],
        lists: &[&[usize]],
        order: &[usize],
        keep: usize,
    ) -> Vec<Vec<usize>> {
        let n = article_tags.len();
        let mut rank = vec![0usize; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        (0..n)
            .map(|i| {
                let mut t = article_tags[i].clone();
                t.sort_unstable();
                t.dedup();
                let mut counts = vec![0u32; n];
                for &g in &t {
                    for &j in lists[g as usize] {
                        counts[j] += 1;
                    }
                }
                let mut cands: Vec<Cand> = (0..n)
                    .filter(|&j| j != i && counts[j] > 0)
                    .map(|j| (counts[j], rank[i].abs_diff(rank[j]), rank[j]))
                    .collect();
                cands.sort_by(better);
                cands.truncate(keep);
                cands.iter().map(|c| order[c.2]).collect()
            })
            .collect()
    }

    /// A small deterministic generator, so failures repeat.
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    #[test]
    fn pair_lists_give_what_counting_gives() {
        let mut rng = Lcg(7);
        for round in 0..200 {
            let n = 1 + rng.below(120) as usize;
            let tag_count = 1 + rng.below(40) as u32;
            let article_tags: Vec<Vec<u32>> = (0..n)
                .map(|_| {
                    // Mostly a few tags (repeats allowed), some none, now and then a wide article.
                    match rng.below(20) {
                        0 => Vec::new(),
                        1 => (0..tag_count).filter(|_| rng.below(4) != 0).collect(),
                        _ => (0..1 + rng.below(4)).map(|_| rng.below(u64::from(tag_count)) as u32).collect(),
                    }
                })
                .collect();
            let mut order: Vec<usize> = (0..n).collect();
            for k in (1..n).rev() {
                order.swap(k, rng.below(k as u64 + 1) as usize);
            }
            let lists: Vec<Vec<usize>> = (0..tag_count)
                .map(|g| order.iter().copied().filter(|&i| article_tags[i].contains(&g)).collect())
                .collect();
            let lists: Vec<&[usize]> = lists.iter().map(Vec::as_slice).collect();
            let keep = 1 + round % 6;
            assert_eq!(
                related(&article_tags, &lists, &order, keep),
                by_counting(&article_tags, &lists, &order, keep),
                "round {round}"
            );
        }
    }
}
