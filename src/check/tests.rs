use super::*;

fn files() -> HashSet<String> {
    ["index.html", "a/index.html", "a/b/index.html", "img/x.png", "404.html"]
        .into_iter()
        .map(String::from)
        .collect()
}

fn file(f: &str, frag: Option<&str>) -> Target {
    Target::File(f.into(), frag.map(String::from))
}

#[test]
fn resolves_root_relative_relative_and_fragment_links() {
    let fs = files();
    let r = |page, link| resolve(page, link, "/", &fs);
    assert_eq!(r("index.html", "/a/"), file("a/index.html", None));
    assert_eq!(r("index.html", "/a"), file("a/index.html", None));
    assert_eq!(r("a/index.html", "b/#top"), file("a/b/index.html", Some("top")));
    assert_eq!(r("a/b/index.html", "../../img/x.png"), file("img/x.png", None));
    assert_eq!(r("a/index.html", "#p-3"), file("a/index.html", Some("p-3")));
    assert_eq!(r("a/index.html", "/?q=x"), file("index.html", None));
    assert_eq!(r("a/index.html", "/nope/"), Target::Broken("no such page".into()));
    assert_eq!(r("a/index.html", "../../x"), Target::Broken("leaves the site".into()));
    for external in ["https://x.org/", "mailto:a@b.c", "//cdn.x/y", "data:,x", ""] {
        assert_eq!(r("index.html", external), Target::External, "{external}");
    }
}

#[test]
fn links_must_stay_under_the_base_path() {
    let fs = files();
    assert_eq!(resolve("index.html", "/news/a/", "/news/", &fs), file("a/index.html", None));
    assert_eq!(
        resolve("index.html", "/a/", "/news/", &fs),
        Target::Broken("outside the base path /news/".into())
    );
}

#[test]
fn percent_escapes_are_decoded() {
    let mut fs = files();
    fs.insert("tags/京都/index.html".into());
    assert_eq!(
        resolve("index.html", "/tags/%E4%BA%AC%E9%83%BD/", "/", &fs),
        file("tags/京都/index.html", None)
    );
    assert_eq!(decode("100%"), "100%");
}
