use super::*;
use crate::config::Config;

fn settings(base_url: &str) -> Settings {
    Settings::new(Config {
        base_url: base_url.into(),
        title: "The Millbrook Ledger!".into(),
        ..Config::default()
    })
    .unwrap()
}

#[test]
fn root_relative_links_get_the_origin() {
    let s = settings("https://example.org/news/");
    let html = concat!(
        r##"<a href="/news/x/">x</a> <img src='/news/a.png' alt=""> "##,
        r##"<a href="//cdn.example/y">y</a> <a href="https://o.example/">o</a> "##,
        r##"<a href="#fn-1">1</a> <span data-href="/z">z</span> <code>href=&quot;/q&quot;</code>"##,
    );
    let out = absolute_links(html, "https://example.org/news/a/", &s);
    assert_eq!(
        out,
        concat!(
            r##"<a href="https://example.org/news/x/">x</a> <img src='https://example.org/news/a.png' alt=""> "##,
            r##"<a href="//cdn.example/y">y</a> <a href="https://o.example/">o</a> "##,
            r##"<a href="https://example.org/news/a/#fn-1">1</a> <span data-href="/z">z</span> <code>href=&quot;/q&quot;</code>"##,
        )
    );
}

#[test]
fn links_stay_paths_without_a_host() {
    let s = settings("/");
    let html = r##"<a href="/x/">x</a>"##;
    assert_eq!(absolute_links(html, "/a/", &s), html);
}

#[test]
fn ids_without_a_host_are_tag_uris() {
    let s = settings("/");
    assert_eq!(
        tag_uri(&s, "2024-02-01", "/tags/京都/"),
        "tag:the-millbrook-ledger,2024-02-01:/tags/%E4%BA%AC%E9%83%BD/"
    );
    let nameless = Settings::new(Config { title: "京都新聞".into(), ..Config::default() }).unwrap();
    assert!(tag_uri(&nameless, "2024", "/feed.xml").starts_with("tag:dateline,2024:"));
}
