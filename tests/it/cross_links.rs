//! Links between articles written as other generators write them (Jekyll's
//! `post_url` and `link`, Hugo's `ref` and `relref`, Zola's `@/` paths)
//! reach the article's dateline URL, in a clean build and after a rebuild.

use dateline::BuildOptions;
use dateline::incremental::Session;

use crate::harness::{TestSite, main_of};

#[test]
fn jekyll_post_url_link_and_relative_url_reach_their_targets() {
    let site = TestSite::new();
    site.file("_config.yml", "title: Harbour notes\nbaseurl: /news\n");
    site.file("site.yaml", "title: Harbour notes\nbase_url: https://example.org/news/\n");
    site.file("_posts/2015-04-20-vote.md", "---\ntitle: Council vote\n---\nThe vote passed.\n");
    site.file(
        "_posts/2015-05-01-after.md",
        "---\ntitle: After the vote\n---\nSee [the vote]({% post_url 2015-04-20-vote %}), \
         [again]({{ site.baseurl }}{% link _posts/2015-04-20-vote.md %}) and \
         ![the map]({{ \"/assets/map.png\" | relative_url }}).\n",
    );
    site.file("assets/map.png", "not really a PNG");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = main_of(&site.read("2015/05/01/after/index.html")).to_string();
    assert!(html.contains("<a href=\"/news/2015/04/20/vote/\">the vote</a>"), "{html}");
    assert!(html.contains("<a href=\"/news/2015/04/20/vote/\">again</a>"), "{html}");
    assert!(html.contains("src=\"/news/assets/map.png\""), "{html}");
    let warned: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert!(!warned.iter().any(|w| w.contains("Liquid")), "{warned:?}");
}

#[test]
fn hugo_ref_and_relref_reach_pages_and_bundles() {
    let site = TestSite::new();
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n");
    site.article("posts/harbour/index.md", "title: Harbour\ndate: 2023-02-01", "Dredging.\n");
    site.article("posts/mill.md", "title: Mill\ndate: 2023-01-15", "Flour.\n");
    site.article(
        "posts/digest.md",
        "title: Digest\ndate: 2023-03-01",
        "Read [the mill]({{< ref \"mill.md\" >}}), [the harbour]({{< relref \"/posts/harbour\" >}}) \
         and [its plan]({{< ref \"harbour#plan\" >}}).\n",
    );
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = main_of(&site.read("2023/03/01/digest/index.html")).to_string();
    assert!(html.contains("href=\"/2023/01/15/mill/\""), "{html}");
    assert!(html.contains("href=\"/2023/02/01/harbour/\""), "{html}");
    assert!(html.contains("href=\"/2023/02/01/harbour/#plan\""), "{html}");
}

#[test]
fn zola_internal_links_follow_a_moved_article_in_a_rebuild() {
    let site = TestSite::new();
    site.file("zola.toml", "base_url = 'https://example.org'\n");
    site.article("blog/ferry.md", "title: Ferry\ndate: 2021-02-28", "Timetable.\n");
    site.article(
        "blog/summary.md",
        "title: Summary\ndate: 2021-03-05",
        "See [the ferry](@/blog/ferry.md).\n",
    );
    let mut session = Session::new(site.root(), &site.out(), BuildOptions::default());
    session.build().unwrap_or_else(|e| panic!("{e}"));
    let page = "2021/03/05/summary/index.html";
    assert!(site.read(page).contains("href=\"/2021/02/28/ferry/\""), "{}", site.read(page));
    // The linked article's date, and so its URL, changes: the link follows.
    site.article("blog/ferry.md", "title: Ferry\ndate: 2021-03-01", "Timetable.\n");
    session.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(site.read(page).contains("href=\"/2021/03/01/ferry/\""), "{}", site.read(page));
}

#[test]
fn raw_html_in_a_bundle_points_at_its_published_files_under_a_sub_path() {
    let site = TestSite::new();
    site.file("site.yaml", "title: Harbour\nbase_url: https://example.org/news/\n");
    site.article(
        "posts/harbour/index.md",
        "title: Harbour\ndate: 2023-02-01",
        "<figure><img src=\"map.png\" alt=\"Map\"><figcaption>The plan</figcaption></figure>\n\n\
         See <a href=\"/about/\">us</a> and <a href=\"@/posts/mill.md\">the mill</a>.\n",
    );
    site.file("content/posts/harbour/map.png", "not really a PNG");
    site.article("posts/mill.md", "title: Mill\ndate: 2023-01-15", "Flour.\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = main_of(&site.read("2023/02/01/harbour/index.html")).to_string();
    let src = html.split("<img src=\"").nth(1).and_then(|s| s.split('"').next()).expect("an img");
    let published = src.strip_prefix("/news/").expect("under the base path");
    assert_eq!(site.read(published), "not really a PNG", "{src} is where the image went");
    assert!(html.contains("<a href=\"/news/about/\">us</a>"), "{html}");
    assert!(html.contains("<a href=\"/news/2023/01/15/mill/\">the mill</a>"), "{html}");
}
