//! Issue 21: article metadata, what the build left out, and `dateline init`.

use crate::harness::TestSite;

fn meta_description(html: &str) -> Vec<&str> {
    html.match_indices("<meta name=\"description\" content=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("closing quote")]
        })
        .collect()
}

#[test]
fn article_meta_description_is_its_summary_escaped() {
    let site = TestSite::new();
    site.file("site.yaml", "title: The Ledger\ndescription: News from Millbrook & around\n")
        .article(
            "2024/bridge.md",
            "title: Bridge fixed\ndate: 2024-02-01\nsummary: 'Council votes \"yes\" on <repairs> & more'",
            "Body text.\n",
        )
        .article("2024/plain.md", "title: Plain\ndate: 2024-02-02", "First paragraph of plain.\n");
    site.build().expect("build");
    let article = site.read("2024/02/01/bridge/index.html");
    assert_eq!(
        meta_description(&article),
        ["Council votes &quot;yes&quot; on &lt;repairs&gt; &amp; more"],
        "{article}"
    );
    // Without a summary in front matter, the first paragraph is the summary.
    let plain = site.read("2024/02/02/plain/index.html");
    assert_eq!(meta_description(&plain), ["First paragraph of plain."]);
    // Pages that are not articles keep the site's description.
    for rel in ["index.html", "tags/index.html", "archive/index.html"] {
        assert_eq!(meta_description(&site.read(rel)), ["News from Millbrook &amp; around"], "{rel}");
    }
}
