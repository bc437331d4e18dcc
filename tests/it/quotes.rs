//! Quotes on article pages, pull-outs, and the quotes index.

use crate::harness::TestSite;

const BODY: &str = "MILLBROOK — The harbour reopened on Monday after the dredging.\n\n\
“We finally have a channel deep enough for the fishing fleet again,” said Tom Briggs, the harbour master.\n\n\
Briggs said the work took two years.\n\n\
“The boats can come home at low tide now, and that changes everything for them,” Briggs added.\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.article("2024/harbour.md", "title: Harbour reopens\ndate: 2024-04-09", BODY);
    site.article(
        "2024/market.md",
        "title: Market opens\ndate: 2024-05-01",
        "The market opened.\n\n“Every stall is taken this year, which has never happened before,” said Ellen Vasquez, the market manager.\n",
    );
    site
}

#[test]
fn an_article_gets_a_pull_out_beside_its_paragraph() {
    let site = site();
    site.build().expect("build");
    let html = site.read("2024/04/09/harbour/index.html");
    let fig = html.find("<figure class=\"pullquote\" aria-hidden=\"true\">").expect("pull-out");
    let caption = &html[fig..html[fig..].find("</figure>").expect("end") + fig];
    assert!(caption.contains("<figcaption>Tom Briggs</figcaption>"), "{caption}");
    // Placed right before the paragraph that holds the quote, which has an id.
    let after = &html[fig..];
    let para = after.find("<p id=\"p-").expect("paragraph id");
    assert!(
        after[para..].starts_with("<p id=\"p-2\">") || after[para..].starts_with("<p id=\"p-4\">"),
        "{after}"
    );
    assert_eq!(html.matches("class=\"pullquote\"").count(), 1, "one pull-out by default");
}

#[test]
fn pullquotes_zero_turns_them_off_and_the_setting_sets_how_many() {
    let site = site();
    site.article("2024/harbour.md", "title: Harbour reopens\ndate: 2024-04-09\npullquotes: 0", BODY);
    site.build().expect("build");
    assert!(!site.read("2024/04/09/harbour/index.html").contains("class=\"pullquote\""));
    site.article("2024/harbour.md", "title: Harbour reopens\ndate: 2024-04-09", BODY);
    site.file("site.yaml", "pullquotes: 2\n");
    site.build().expect("build");
    assert_eq!(site.read("2024/04/09/harbour/index.html").matches("class=\"pullquote\"").count(), 2);
}

#[test]
fn authors_can_choose_pull_outs() {
    let site = site();
    site.article(
        "2024/harbour.md",
        "title: Harbour reopens\ndate: 2024-04-09\npullquotes:\n  - text: \"The boats can come home at low tide now\"\n    speaker: Tom Briggs",
        BODY,
    );
    site.build().expect("build");
    let html = site.read("2024/04/09/harbour/index.html");
    assert!(html.contains("<blockquote><p>The boats can come home at low tide now</p></blockquote><figcaption>Tom Briggs</figcaption>"), "{html}");
}

#[test]
fn a_chosen_pull_out_missing_from_the_body_is_an_error_with_its_line() {
    let site = site();
    site.article(
        "2024/harbour.md",
        "title: Harbour reopens\ndate: 2024-04-09\npullquotes:\n  - text: Words nobody said",
        BODY,
    );
    let err = site.build().expect_err("must fail").to_string();
    assert!(
        err.starts_with(
            "content/2024/harbour.md:4:1: pull-out quote 1 (\"Words nobody said\") does not occur in the body"
        ),
        "{err}"
    );
}

#[test]
fn templates_receive_page_quotes() {
    let site = site();
    site.file(
        "templates/article.html",
        "{% for q in page.quotes %}[{{ q.speaker }}|{{ q.id }}|{{ q.partial }}|{{ q.url }}]{% endfor %}{% for p in page.pullquotes %}<{{ p.text }}>{% endfor %}",
    );
    site.build().expect("build");
    let out = site.read("2024/04/09/harbour/index.html");
    assert!(out.contains("[Tom Briggs|p-2|false|/2024/04/09/harbour/#p-2]"), "{out}");
    assert!(out.contains("[Tom Briggs|p-4|false|/2024/04/09/harbour/#p-4]"), "{out}");
    assert_eq!(out.matches('<').count(), 1, "{out}");
}

#[test]
fn the_quotes_index_lists_speakers_and_links_to_paragraphs() {
    let site = site();
    site.build().expect("build");
    let index = site.read("quotes/index.html");
    let most = &index[index.find("Most quoted").expect("most quoted")..index.find("A–Z").expect("a-z")];
    let briggs = most.find("Tom Briggs").expect("Briggs");
    let vasquez = most.find("Ellen Vasquez").expect("Vasquez");
    assert!(briggs < vasquez, "most quoted first: {most}");
    assert!(most.contains("<a href=\"/quotes/tom-briggs/\">Tom Briggs</a> <span class=\"count\">2</span>"));
    let page = site.read("quotes/tom-briggs/index.html");
    assert!(page.contains("<a href=\"/2024/04/09/harbour/#p-2\">Harbour reopens</a>"), "{page}");
    assert_eq!(page.matches("class=\"quote-item\"").count(), 2);
}

#[test]
fn quotes_command_prints_json_lines() {
    let site = site();
    let out = site.cli(&["quotes", "--json", "content/2024/harbour.md", "content/2024/market.md"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "content/2024/harbour.md");
    let q = &lines[0]["quotes"][0];
    assert_eq!(q["text"], "We finally have a channel deep enough for the fishing fleet again");
    assert_eq!(q["speaker"], "Tom Briggs");
    assert_eq!(lines[1]["quotes"][0]["speaker"], "Ellen Vasquez");
}

#[test]
fn quotes_can_be_turned_off() {
    let site = site();
    site.file("site.yaml", "quotes: false\n");
    site.build().expect("build");
    assert!(!site.read("2024/04/09/harbour/index.html").contains("class=\"pullquote\""));
    assert!(!site.read("2024/04/09/harbour/index.html").contains("id=\"p-"));
    assert!(site.read("quotes/index.html").contains("No quotes yet."));
    assert!(!site.exists("quotes/tom-briggs/index.html"));
}
