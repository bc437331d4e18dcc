use super::*;
use crate::config::Config;

fn settings(base_url: &str) -> Settings {
    Settings::new(Config { base_url: base_url.into(), ..Config::default() }).unwrap()
}

fn listed(n: usize) -> Vec<Listed<'static>> {
    (0..n)
        .map(|i| Listed {
            rel: format!("p{i}/").into(),
            lastmod: Some(
                crate::dates::parse(&format!("2024-01-{:02}", i + 1), &jiff::tz::TimeZone::UTC).unwrap(),
            ),
        })
        .collect()
}

fn text(p: &Page) -> &str {
    std::str::from_utf8(&p.bytes).unwrap()
}

#[test]
fn small_sites_have_one_sitemap() {
    let pages = sitemaps(&listed(3).iter().collect::<Vec<_>>(), &settings("https://e.org/"), 3);
    assert_eq!(pages.len(), 1);
    let xml = text(&pages[0]);
    assert_eq!(xml.matches("<url>").count(), 3);
    assert!(xml.contains("<loc>https://e.org/p2/</loc>\n<lastmod>2024-01-03T00:00:00+00:00</lastmod>"));
}

#[test]
fn large_sites_get_an_index_and_parts() {
    let pages = sitemaps(&listed(5).iter().collect::<Vec<_>>(), &settings("https://e.org/news/"), 2);
    let names: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
    let index = text(&pages[0]);
    assert!(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    assert!(index.contains(
        "<loc>https://e.org/news/sitemap-2.xml</loc>\n<lastmod>2024-01-04T00:00:00+00:00</lastmod>"
    ));
    let counts: Vec<usize> = pages[1..].iter().map(|p| text(p).matches("<url>").count()).collect();
    assert_eq!(counts, [2, 2, 1]);
}

#[test]
fn robots_names_the_sitemaps() {
    let with_host = text(&robots(&settings("https://e.org/"), true)).to_string();
    assert_eq!(
        with_host,
        "User-agent: *\nAllow: /\n\nSitemap: https://e.org/sitemap.xml\nSitemap: https://e.org/news-sitemap.xml\n"
    );
    let without = text(&robots(&settings("/"), false)).to_string();
    assert!(without.ends_with("Sitemap: /sitemap.xml\n"), "{without}");
}
