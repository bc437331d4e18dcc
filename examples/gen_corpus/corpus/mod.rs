//! A synthetic news archive of any size, the same for a given seed on every
//! machine: the benchmark corpus, and the input of the corpus test.
//!
//! Article `i` is drawn from its own random stream (seed, i); only its date
//! and slug look back at earlier articles, to stay unique. So the first 1,000
//! articles of a 10,000-article archive are exactly the 1,000-article archive,
//! and a figure measured on one size can be compared with another.
//!
//! The prose imitates wire copy: a dateline, paragraphs of three to six
//! sentences, direct quotes with named speakers in the forms news writing
//! uses, subheadings, lists, links, emphasis, the odd table, code block and
//! block quote; tags follow a Zipf law over 400 names, as real archives do
//! (a few tags on thousands of articles, most on a handful).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The archive's file layout and front-matter keys, after the tool it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// dateline: `content/YYYY/slug.md`.
    Plain,
    /// Hugo: `content/posts/slug.md`, the same keys.
    Hugo,
    /// Zola: `content/posts/slug.md`, `authors`, `description`, `taxonomies`.
    Zola,
    /// Jekyll: `_posts/YYYY-MM-DD-slug.md`, the same keys as plain.
    Jekyll,
}

impl Flavor {
    /// The flavor named `name`, if any.
    pub fn parse(name: &str) -> Option<Flavor> {
        Some(match name {
            "plain" => Flavor::Plain,
            "hugo" => Flavor::Hugo,
            "zola" => Flavor::Zola,
            "jekyll" => Flavor::Jekyll,
            _ => return None,
        })
    }
}

/// One generated article.
pub struct Article {
    /// Headline.
    pub title: String,
    /// URL slug, unique in the archive.
    pub slug: String,
    /// Seconds since the Unix epoch, unique in the archive.
    pub date: i64,
    /// The byline.
    pub author: String,
    /// One to five tags, most popular first more often than not.
    pub tags: Vec<String>,
    /// One sentence for listings.
    pub summary: String,
    /// Markdown.
    pub body: String,
    /// Words of prose in the body (code left out).
    pub words: usize,
}

impl Article {
    /// The article's file, relative to the archive's root.
    pub fn path(&self, flavor: Flavor) -> PathBuf {
        let date = timestamp(self.date);
        match flavor {
            Flavor::Plain => format!("content/{}/{}.md", date.strftime("%Y"), self.slug).into(),
            Flavor::Hugo | Flavor::Zola => format!("content/posts/{}.md", self.slug).into(),
            Flavor::Jekyll => format!("_posts/{}-{}.md", date.strftime("%Y-%m-%d"), self.slug).into(),
        }
    }

    /// The whole file: front matter, a blank line, the body.
    pub fn text(&self, flavor: Flavor) -> String {
        let quoted = |s: &str| serde_json::to_string(s).expect("a string always serializes");
        let tags = format!("[{}]", self.tags.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", "));
        let date = timestamp(self.date).strftime("%Y-%m-%dT%H:%M:%S+00:00");
        let (title, author, summary) = (quoted(&self.title), quoted(&self.author), quoted(&self.summary));
        let front = match flavor {
            Flavor::Plain | Flavor::Hugo | Flavor::Jekyll => {
                format!("title: {title}\ndate: {date}\nauthor: {author}\ntags: {tags}\nsummary: {summary}\n")
            }
            Flavor::Zola => format!(
                "title: {title}\ndate: {date}\nauthors: [{author}]\ndescription: {summary}\n\
                 taxonomies:\n  tags: {tags}\n"
            ),
        };
        format!("---\n{front}---\n\n{}", self.body)
    }
}

fn timestamp(seconds: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(seconds).expect("dates lie between 2005 and 2025")
}

/// SplitMix64: tiny, fast and well mixed; all the randomness here goes
/// through it, so the archive depends on nothing but the seed.
pub struct Rng(u64);

impl Rng {
    /// The stream named by `seed` and `stream`.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

mod words;
use words::*;

/// What every article draws from: bylines, tags with their popularity, and
/// the people quoted.
pub struct Pools {
    authors: Vec<String>,
    tags: Vec<String>,
    /// Running sum of the tags' Zipf weights, for drawing by popularity.
    weights: Vec<f64>,
    speakers: Vec<String>,
}

impl Pools {
    /// The pools of `seed`.
    pub fn new(seed: u64) -> Pools {
        let mut rng = Rng::new(seed, u64::MAX);
        let mut names = HashSet::new();
        let mut person = |rng: &mut Rng| loop {
            let name = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
            if names.insert(name.clone()) {
                return name;
            }
        };
        let authors = (0..60).map(|_| person(&mut rng)).collect();
        let speakers = (0..300).map(|_| person(&mut rng)).collect();
        let mut tags: Vec<String> = SUBJECTS.iter().chain(CITIES).map(|t| t.to_lowercase()).collect();
        let mut pairs: Vec<String> =
            SUBJECTS.iter().flat_map(|s| ANGLES.iter().map(move |a| format!("{s} {a}"))).collect();
        shuffle(&mut rng, &mut pairs);
        tags.extend(pairs.into_iter().take(400 - tags.len()));
        // Popularity: broad subjects first, then cities and pairs, each shuffled.
        let (head, tail) = tags.split_at_mut(SUBJECTS.len());
        shuffle(&mut rng, head);
        shuffle(&mut rng, tail);
        let mut sum = 0.0;
        let weights = (1..=tags.len())
            .map(|rank| {
                sum += 1.0 / rank as f64;
                sum
            })
            .collect();
        Pools { authors, tags, weights, speakers }
    }

    fn tag(&self, rng: &mut Rng) -> &str {
        let x = rng.unit() * self.weights[self.weights.len() - 1];
        &self.tags[self.weights.partition_point(|&w| w < x).min(self.tags.len() - 1)]
    }
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
}

/// 2005-01-01T00:00:00Z and the number of seconds to the end of 2025.
const START: i64 = 1_104_537_600;
const SPAN: i64 = 662_774_400;
const MIN_WORDS: usize = 350;
const MAX_WORDS: usize = 1200;

/// The archive of `n` articles for `seed`, oldest index first.
pub fn articles(n: usize, seed: u64) -> impl Iterator<Item = Article> {
    let pools = Pools::new(seed);
    let (mut slugs, mut dates) = (HashSet::new(), HashSet::new());
    (0..n).map(move |i| {
        let mut rng = Rng::new(seed, i as u64);
        let mut offset = rng.range(0, SPAN as u64 - 1) as i64;
        while !dates.insert(offset) {
            offset = (offset + 1) % SPAN;
        }
        let mut article = Writer::new(&mut rng, &pools).article();
        article.date = START + offset;
        let base = article.slug.clone();
        let mut k = 2;
        while !slugs.insert(article.slug.clone()) {
            article.slug = format!("{base}-{k}");
            k += 1;
        }
        article
    })
}

/// Writes the archive of `n` articles for `seed` under `root`.
pub fn write(root: &Path, n: usize, seed: u64, flavor: Flavor) -> std::io::Result<()> {
    let mut made = HashSet::new();
    for article in articles(n, seed) {
        let path = root.join(article.path(flavor));
        let dir = path.parent().expect("an article's path has a folder");
        if made.insert(dir.to_path_buf()) {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, article.text(flavor))?;
    }
    Ok(())
}

/// What a correct site of the archive holds, counted from the articles.
#[derive(serde::Serialize)]
pub struct Stats {
    /// Articles.
    pub n: usize,
    /// The seed.
    pub seed: u64,
    /// Distinct tags.
    pub tags: usize,
    /// Distinct bylines.
    pub authors: usize,
    /// Distinct years.
    pub years: usize,
    /// Tag pages at 20 articles a page.
    pub tag_pages_paginated_20: usize,
    /// Front pages at 20 articles a page.
    pub index_pages_20: usize,
    /// Articles on the most used tag.
    pub max_tag_count: usize,
    /// Words of prose in all bodies.
    pub total_words: usize,
    /// Articles with each kind of block or span.
    pub articles_with: BTreeMap<&'static str, usize>,
    /// Articles per tag.
    pub tag_counts: BTreeMap<String, usize>,
}

/// The counts of the archive of `n` articles for `seed`.
pub fn stats(n: usize, seed: u64) -> Stats {
    let (mut tag_counts, mut authors, mut years) = (BTreeMap::new(), HashSet::new(), HashSet::new());
    let (mut total_words, mut articles_with) = (0, BTreeMap::new());
    for a in articles(n, seed) {
        for t in &a.tags {
            *tag_counts.entry(t.clone()).or_insert(0) += 1;
        }
        authors.insert(a.author.clone());
        years.insert(timestamp(a.date).strftime("%Y").to_string());
        total_words += a.words;
        let body = format!("\n{}", a.body);
        for (kind, mark) in [
            ("blockquote", "\n> "),
            ("h2", "\n## "),
            ("list", "\n- "),
            ("link", "](https://"),
            ("table", "\n| --- "),
            ("code", "\n```"),
        ] {
            *articles_with.entry(kind).or_insert(0) += usize::from(body.contains(mark));
        }
    }
    Stats {
        n,
        seed,
        tags: tag_counts.len(),
        authors: authors.len(),
        years: years.len(),
        tag_pages_paginated_20: tag_counts.values().map(|c: &usize| c.div_ceil(20)).sum(),
        index_pages_20: n.div_ceil(20),
        max_tag_count: tag_counts.values().copied().max().unwrap_or(0),
        total_words,
        articles_with,
        tag_counts,
    }
}

/// Writes one article: picks its people and subject, then adds blocks until
/// the body reaches its length.
struct Writer<'a> {
    rng: &'a mut Rng,
    pools: &'a Pools,
    city: &'static str,
    /// (full name, role, organisation) of the article's speakers.
    speakers: Vec<(&'a str, &'static str, &'static str)>,
    introduced: HashSet<&'a str>,
    blocks: Vec<String>,
    words: usize,
}

impl<'a> Writer<'a> {
    fn new(rng: &'a mut Rng, pools: &'a Pools) -> Self {
        let city = rng.pick(CITIES);
        let count = rng.range(1, 3);
        let speakers = (0..count)
            .map(|_| {
                let who = &pools.speakers[(rng.next() % pools.speakers.len() as u64) as usize];
                (who.as_str(), rng.pick(ROLES), rng.pick(BODIES))
            })
            .collect();
        Writer { rng, pools, city, speakers, introduced: HashSet::new(), blocks: Vec::new(), words: 0 }
    }

    /// `template` with every `{slot}` filled by a fresh draw.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').expect("slots are closed");
            out.push_str(&rest[..open]);
            let slot = &rest[open + 1..close];
            let word = self.slot(slot);
            out.push_str(&word);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// One of `templates`, filled.
    fn fill_any(&mut self, templates: &[&str]) -> String {
        let template = self.rng.pick(templates);
        self.fill(template)
    }

    fn slot(&mut self, slot: &str) -> String {
        let r = &mut *self.rng;
        match slot {
            "body" => r.pick(BODIES).to_string(),
            "Body" => capital(r.pick(BODIES)),
            "city" if r.chance(0.5) => self.city.to_string(),
            "city" => r.pick(CITIES).to_string(),
            "act" => r.pick(ACTS).to_string(),
            "did" => r.pick(DID).to_string(),
            "thing" => r.pick(THINGS).to_string(),
            "kind" => r.pick(KINDS).to_string(),
            "adj" => r.pick(ADJECTIVES).to_string(),
            "worry" => r.pick(WORRIES).to_string(),
            "measure" => r.pick(MEASURES).to_string(),
            "when" => r.pick(WHEN).to_string(),
            "day" => r.pick(DAYS).to_string(),
            "people" => r.pick(PEOPLE).to_string(),
            "per" => format!("{}.{}", r.range(0, 18), r.range(0, 9)),
            "num" => r.range(4, 990).to_string(),
            "year" => r.range(1990, 2024).to_string(),
            "money" => format!("${}.{} {}", r.range(1, 9), r.range(0, 9), r.pick(&["million", "billion"])),
            other => panic!("no slot named {other}"),
        }
    }

    fn article(mut self) -> Article {
        let author = self.pools.authors[(self.rng.next() % 60) as usize].clone();
        let k = [1, 2, 2, 3, 3, 3, 4, 4, 5][(self.rng.next() % 9) as usize];
        let mut tags: Vec<String> = Vec::new();
        while tags.len() < k {
            let tag = self.pools.tag(self.rng);
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
        let title = capital(&self.fill_any(HEADLINES));
        let slug: Vec<String> = slugify(&title).split('-').take(9).map(str::to_string).collect();
        let summary = capital(&self.fill_any(STANDFIRSTS));
        self.body();
        let body = self.blocks.join("\n\n") + "\n";
        Article { title, slug: slug.join("-"), date: 0, author, tags, summary, body, words: self.words }
    }

    fn body(&mut self) {
        let target = self.rng.range(MIN_WORDS as u64, MAX_WORDS as u64) as usize;
        let mut extras = self.extras();
        let n = self.rng.range(2, 3) as usize;
        let lead = self.sentences(n);
        self.push(format!("{} — {lead}", self.city.to_uppercase()), None);
        let (mut quotes, mut links) = (self.rng.range(1, 4), self.rng.range(0, 3));
        while self.words < target || quotes > 0 {
            if !extras.is_empty() && self.blocks.len() > 1 && self.rng.chance(0.4) {
                let kind = extras.pop().expect("not empty");
                self.extra(kind);
                continue;
            }
            let quote = quotes > 0 && (self.rng.chance(0.5) || self.words + 150 > target);
            let link = links > 0 && self.rng.chance(0.3);
            let paragraph = self.paragraph(quote, link);
            if !quote && self.words + count(&paragraph) > MAX_WORDS {
                break;
            }
            self.push(paragraph, None);
            quotes -= u64::from(quote);
            links -= u64::from(link);
        }
        // What did not fit between paragraphs goes at the end, while it fits.
        while let Some(kind) = extras.pop() {
            let (blocks, words) = (self.blocks.len(), self.words);
            self.extra(kind);
            if self.words > MAX_WORDS {
                self.blocks.truncate(blocks);
                self.words = words;
                break;
            }
        }
    }

    /// The blocks other than paragraphs this article will hold, in order.
    fn extras(&mut self) -> Vec<&'static str> {
        let mut extras = Vec::new();
        for (kind, p) in [("quote-block", 0.25), ("list", 0.4), ("table", 0.08), ("code", 0.05)] {
            if self.rng.chance(p) {
                extras.push(kind);
            }
        }
        if self.rng.chance(0.55) {
            extras.extend(std::iter::repeat_n("heading", self.rng.range(0, 3) as usize));
        }
        shuffle(self.rng, &mut extras);
        extras
    }

    fn push(&mut self, block: String, prose: Option<usize>) {
        self.words += prose.unwrap_or_else(|| count(&block));
        self.blocks.push(block);
    }

    fn sentences(&mut self, n: usize) -> String {
        let all: Vec<String> = (0..n).map(|_| self.fill_any(SENTENCES)).collect();
        all.join(" ")
    }

    fn paragraph(&mut self, quote: bool, link: bool) -> String {
        let n = self.rng.range(2, 5);
        let mut sentences: Vec<String> = (0..n).map(|_| self.fill_any(SENTENCES)).collect();
        if link {
            let i = (self.rng.next() % sentences.len() as u64) as usize;
            let url = format!(
                "https://{}/{}/{}-{}",
                self.rng.pick(HOSTS),
                self.rng.pick(&["reports", "news", "data", "filings"]),
                self.rng.pick(KINDS),
                self.rng.range(1000, 9999)
            );
            let text = self.rng.pick(LINK_TEXTS);
            let s = &mut sentences[i];
            s.pop();
            write!(s, ", as set out in [{text}]({url}).").expect("writing to a string");
        }
        if self.rng.chance(0.25) {
            emphasise(self.rng, &mut sentences[0]);
        }
        if quote {
            let at = (self.rng.next() % (sentences.len() as u64 + 1)) as usize;
            let q = self.quote();
            sentences.insert(at, q);
        }
        sentences.join(" ")
    }

    /// A direct quote with its speaker: named in full with a role the first
    /// time, by family name after that.
    fn quote(&mut self) -> String {
        let (who, role, body) = self.speakers[(self.rng.next() % self.speakers.len() as u64) as usize];
        let said = self.fill_any(QUOTES);
        let family = who.rsplit(' ').next().expect("a name has words");
        if self.introduced.insert(who) {
            return format!("“{said},” said {who}, {role} at {body}.");
        }
        match self.rng.range(0, 2) {
            0 => format!("“{said},” {family} said."),
            1 => format!("{family} told reporters: “{said}.”"),
            _ => {
                let more = self.fill_any(QUOTES);
                format!("“{said},” {family} said. “{more}.”")
            }
        }
    }

    fn extra(&mut self, kind: &str) {
        match kind {
            "heading" => {
                let text = capital(&self.fill_any(SUBHEADS));
                self.push(format!("## {text}"), Some(count(&text)));
            }
            "quote-block" => {
                let n = self.rng.range(1, 2) as usize;
                let text = self.sentences(n);
                self.push(format!("> {text}"), Some(count(&text)));
            }
            "list" => self.list(),
            "table" => self.table(),
            _ => self.code(),
        }
    }

    fn list(&mut self) {
        let intro = self.fill_any(&["The {kind} includes:", "Among the measures:", "In brief:"]);
        self.push(intro, None);
        let ordered = self.rng.chance(0.3);
        let mut lines = String::new();
        let mut words = 0;
        for i in 1..=self.rng.range(3, 6) {
            let item = capital(&self.fill_any(LIST_ITEMS));
            words += count(&item);
            let mark = if ordered { format!("{i}.") } else { "-".to_string() };
            let _ = writeln!(lines, "{mark} {item}");
        }
        lines.pop();
        self.push(lines, Some(words));
    }

    fn table(&mut self) {
        let caption = capital(&self.fill("{measure} by city, in percent:"));
        self.push(caption, None);
        let first = self.rng.range(2018, 2021);
        let mut rows = format!("| City | {first} | {} | Change |\n| --- | ---: | ---: | ---: |", first + 3);
        for _ in 0..self.rng.range(3, 5) {
            let (a, b) = (self.rng.unit() * 20.0, self.rng.unit() * 20.0);
            let _ = write!(rows, "\n| {} | {a:.1} | {b:.1} | {:+.1} |", self.rng.pick(CITIES), b - a);
        }
        let words = count(&rows);
        self.push(rows, Some(words));
    }

    fn code(&mut self) {
        self.push("The figures can be checked against the published data:".to_string(), None);
        let series = slugify(self.rng.pick(MEASURES)).replace('-', "_");
        let code = match self.rng.range(0, 2) {
            0 => format!(
                "```sh\ncurl -s https://stats.example.gov/v1/{series}.csv \\\n  | sort -t, -k2 -n | tail -3\n```"
            ),
            1 => format!(
                "```sql\nSELECT city, AVG(value) AS mean\nFROM {series}\nWHERE year >= {}\nGROUP BY city;\n```",
                self.rng.range(2000, 2020)
            ),
            _ => format!(
                "```json\n{{\n  \"series\": \"{series}\",\n  \"change\": {}.{},\n  \"unit\": \"percent\"\n}}\n```",
                self.rng.range(0, 12),
                self.rng.range(0, 9)
            ),
        };
        self.push(code, Some(0));
    }
}

/// Marks one word of `sentence` as emphasis or strong emphasis.
fn emphasise(rng: &mut Rng, sentence: &mut String) {
    let mut words: Vec<String> = sentence.split(' ').map(str::to_string).collect();
    if words.len() > 4 {
        let i = rng.range(1, words.len() as u64 - 3) as usize;
        let mark = rng.pick(&["*", "**"]);
        words[i] = format!("{mark}{}{mark}", words[i]);
        *sentence = words.join(" ");
    }
}

fn count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// ASCII letters and digits, lower-cased, with one `-` for everything else.
fn slugify(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| *c != '’' && *c != '\'')
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join("-")
}
