use super::*;

fn links<'a>(articles: &'a HashMap<String, String>, base: &'a str) -> Links<'a> {
    Links { source_dir: "content/2024", articles, base_path: base, raw_html: true }
}

fn html(md: &str) -> Html {
    let map = HashMap::new();
    render(md, &links(&map, "/"))
}

#[test]
fn headings_get_unique_ids() {
    let r = html("# Budget vote\n\n## Budget vote\n\n## Custom {#mine}\n\n## ¿Qué?\n");
    assert!(r.html.contains("<h1 id=\"budget-vote\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"budget-vote-1\">"));
    assert!(r.html.contains("<h2 id=\"mine\">"));
    assert!(r.html.contains("<h2 id=\"qué\">"));
    assert_eq!(r.toc.len(), 4);
    assert_eq!(r.toc[0].title, "Budget vote");
}

#[test]
fn extensions_are_on() {
    let r = html(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~ \"quoted\"\n\n- [x] done\n\n[^1]: A note.\n",
    );
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("<del>old</del>"));
    assert!(r.html.contains("“quoted”"));
    assert!(r.html.contains("checkbox"));
    assert!(r.html.contains("footnote-definition"));
}

#[test]
fn summary_is_first_paragraph_or_before_more() {
    let r = html("First *para*.\n\nSecond.\n");
    assert_eq!(r.summary_html, "<p>First <em>para</em>.</p>\n");
    let r = html("One.\n\nTwo.\n\n<!-- more -->\n\nThree.\n");
    assert_eq!(r.summary_html, "<p>One.</p>\n<p>Two.</p>\n");
    assert_eq!(html("").summary_html, "");
}

#[test]
fn word_count_counts_text_blocks() {
    assert_eq!(html("One two three.\n\n- four\n- five six\n").word_count, 6);
}

#[test]
fn links_resolve_against_the_article_folder() {
    let mut map = HashMap::new();
    map.insert("content/2023/old.md".to_string(), "/news/2023/01/02/old/".to_string());
    let r = render(
        "![m](mill.svg) [o](../2023/old.md#x) [a](/about/) [e](https://e.org/) [m](mailto:a@b) [f](#top)",
        &links(&map, "/news/"),
    );
    assert!(r.html.contains("src=\"/news/2024/mill.svg\""), "{}", r.html);
    assert!(r.html.contains("href=\"/news/2023/01/02/old/#x\""));
    assert!(r.html.contains("href=\"/news/about/\""));
    assert!(r.html.contains("href=\"https://e.org/\""));
    assert!(r.html.contains("href=\"mailto:a@b\""));
    assert!(r.html.contains("href=\"#top\""));
}

#[test]
fn references_by_source_find_their_article() {
    let mut map = HashMap::new();
    for (path, url) in [
        ("content/2023/old.md", "/news/old/"),
        ("content/2024/mill/index.md", "/news/mill/"),
        ("_posts/2015-04-20-vote.md", "/news/vote/"),
    ] {
        map.insert(path.to_string(), url.to_string());
    }
    map.insert(post_key("2015-04-20-vote"), "/news/vote/".to_string());
    map.insert(post_key("old"), "/news/old/".to_string());
    let r = render(
        "[z](@/2023/old.md#x) [h](@/2024/mill) [rel](@./mill/) [far](@./old) \
         [j](@post/2015-04-20-vote) [l](@/_posts/2015-04-20-vote.md) [gone](@/2022/gone.md)",
        &links(&map, "/news/"),
    );
    for href in [
        "href=\"/news/old/#x\"",
        "href=\"/news/mill/\">h",
        "href=\"/news/mill/\">rel",
        "href=\"/news/old/\">far",
        "href=\"/news/vote/\">j",
        "href=\"/news/vote/\">l",
        "href=\"/news/2022/gone/\">gone",
    ] {
        assert!(r.html.contains(href), "{href} in {}", r.html);
    }
}

#[test]
fn raw_html_links_resolve_as_markdown_links_do() {
    let mut map = HashMap::new();
    map.insert("content/2023/old.md".to_string(), "/news/2023/01/02/old/".to_string());
    let r = render(
        "<figure><img alt=\"Mill\" src=\"mill.svg\"></figure>\n\nSee <a href='../2023/old.md'>it</a>, \
         <a href=\"/about/\">us</a>, <a href=\"https://e.org/\">them</a> <a data-href=\"x.png\" title=\"src=x\">z</a>\n\n<p>Write src=\"y.png\" in a tag</p>\n",
        &links(&map, "/news/"),
    );
    assert!(r.html.contains("<img alt=\"Mill\" src=\"/news/2024/mill.svg\">"), "{}", r.html);
    assert!(r.html.contains("<a href='/news/2023/01/02/old/'>it</a>"), "{}", r.html);
    assert!(r.html.contains("<a href=\"/news/about/\">us</a>"));
    assert!(r.html.contains("<a href=\"https://e.org/\">them</a>"));
    assert!(r.html.contains("<a data-href=\"x.png\" title=\"src=x\">z</a>"), "{}", r.html);
    assert!(r.html.contains("<p>Write src=\"y.png\" in a tag</p>"), "text between tags stays: {}", r.html);
}

#[test]
fn raw_html_can_be_escaped() {
    let map = HashMap::new();
    let l = Links { raw_html: false, ..links(&map, "/") };
    let r = render("<script>alert(1)</script>\n\nHi <b>x</b>\n", &l);
    assert!(!r.html.contains("<script>"), "{}", r.html);
    assert!(r.html.contains("&lt;b&gt;"));
}

#[test]
fn blocks_and_decorations() {
    let map = HashMap::new();
    let p = parse(
        "Intro `code` here.\n\n> Quoted para.\n\n- tight one\n- tight two\n\n```\ncode\n```\n",
        &links(&map, "/"),
    );
    assert_eq!(p.blocks(), ["Intro  here.", "Quoted para.", "tight one", "tight two"]);
    let mut deco = Decorations::default();
    deco.block_ids.extend([1, 3]);
    deco.before_block.push((1, "<figure>F</figure>".into()));
    let r = p.render(&deco);
    assert!(
        r.html.contains("<figure>F</figure>\n<blockquote>\n<p id=\"p-2\">Quoted para.</p>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<li id=\"p-4\">tight two</li>"), "{}", r.html);
}

#[test]
fn footnotes_get_ids_of_their_numbers() {
    let r = html("Text[^a note] and[^1] again[^a note].\n\n[^1]: One.\n[^a note]: Spaced.\n");
    assert!(
        r.html.contains(
            "<a href=\"#fn-1\">1</a></sup> and<sup class=\"footnote-reference\"><a href=\"#fn-2\">2</a>"
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("again<sup class=\"footnote-reference\"><a href=\"#fn-1\">1</a>"));
    assert!(r.html.contains(
        "<div class=\"footnote-definition\" id=\"fn-2\"><sup class=\"footnote-definition-label\">2</sup>"
    ));
    assert!(r.html.contains(
        "<div class=\"footnote-definition\" id=\"fn-1\"><sup class=\"footnote-definition-label\">1</sup>"
    ));
}

#[test]
fn headings_leave_ids_to_the_page_paragraphs_and_footnotes() {
    let r = html("## Main\n\n## Related heading\n\n## P 1\n\n## Fn 2 {#fn-2}\n\n## Fn 2x\n");
    for id in ["main-1", "related-heading-1", "p-1-1", "fn-2-1", "fn-2x"] {
        assert!(r.html.contains(&format!(" id=\"{id}\">")), "{id}: {}", r.html);
    }
}

#[test]
fn summaries_carry_no_ids_or_footnotes() {
    let r = html("## Lead {.big}\n\nOne.[^1]\n\n[^1]: Note.\n\n<!-- more -->\n\nTwo.\n");
    assert_eq!(r.summary_html, "<h2 class=\"big\">Lead</h2>\n<p>One.</p>\n");
    assert!(r.html.contains("<h2 id=\"lead\" class=\"big\">"), "{}", r.html);
}
