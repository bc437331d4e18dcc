//! What editors control about quotes: the confidence threshold and unnamed
//! pull-outs in site.yaml, `dateline quotes --review`, front-matter
//! `speakers:` and `not_quotes:`, and one entry per person in the quotes index.

use crate::harness::TestSite;

/// Line 5 of the file (after three front-matter lines and the fence): a
/// plain lede. The quote on line 7 has nobody speaking around it.
const FLOOD: &str = "MILLBROOK — The river rose two feet overnight and closed the lower town.\n\n\
“The water is coming up faster than anyone here has ever seen it come up before.”\n\n\
“We have moved every family on Mill Lane to the school hall for the night,” said Ada Quill, the fire chief.\n\n\
Volunteers filled sandbags at the depot, where a sign read “Sandbags: take what you need”.\n";

fn flood_site(front: &str) -> TestSite {
    let site = TestSite::new();
    site.article("2024/flood.md", &format!("title: Flood\ndate: 2024-03-02{front}"), FLOOD);
    site
}

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The 1-based line of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("in text")].matches('\n').count() + 1
}

#[test]
fn quotes_json_gives_confidence_and_the_line_each_quote_starts_on() {
    let site = flood_site("");
    let out = stdout(&site.cli(&["quotes", "--json", "content/2024/flood.md"]));
    let obj: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    let file = std::fs::read_to_string(site.root().join("content/2024/flood.md")).expect("read");
    let quotes = obj["quotes"].as_array().expect("quotes");
    let water = quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with("The water")).expect("water");
    assert_eq!(water["line"], line_of(&file, "“The water"));
    let families = quotes.iter().find(|q| q["speaker"] == "Ada Quill").expect("Ada Quill's quote");
    assert_eq!(families["line"], line_of(&file, "“We have moved"));
    for q in quotes {
        let c = q["confidence"].as_f64().expect("confidence is a number");
        assert!((0.0..=1.0).contains(&c), "{q}");
        assert!(q["text"].is_string() && q.get("speaker").is_some(), "{q}");
    }
}

#[test]
fn review_lists_quotes_without_a_shown_speaker_with_path_and_line() {
    let site = flood_site("");
    site.article(
        "2024/fair.md",
        "title: Fair\ndate: 2024-06-01",
        "The fair opened.\n\n“Every stall is taken this year, which has never happened before,” said Ellen Vasquez, the manager.\n",
    );
    let out = site.cli(&["quotes", "--review"]);
    let listed = stdout(&out);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "{listed}");
    assert!(
        lines[0].starts_with(
            "content/2024/flood.md:7: \"The water is coming up faster than anyone here has ever seen it come up before.\" — "
        ),
        "{listed}"
    );
    assert!(lines[0].ends_with(')'), "{listed}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 quotes to check"), "{out:?}");
    // The same from elsewhere, by --root, and for named files.
    let other = TestSite::new();
    let by_root = stdout(&other.cli(&["quotes", "--review", "--root", &site.root().to_string_lossy()]));
    assert!(by_root.contains("content/2024/flood.md:7: \"The water"), "{by_root}");
    assert_eq!(stdout(&site.cli(&["quotes", "--review", "content/2024/fair.md"])), "");
}

#[test]
fn a_speakers_entry_settles_a_quote_everywhere() {
    let front =
        "\nspeakers:\n  \"The water is coming up\": Tom Briggs\n  \"We have moved every family\": null";
    let site = flood_site(front);
    assert_eq!(stdout(&site.cli(&["quotes", "--review"])), "", "settled quotes are not doubtful");
    let out = stdout(&site.cli(&["quotes", "--json", "content/2024/flood.md"]));
    let obj: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    let water = &obj["quotes"][0];
    assert_eq!((water["speaker"].as_str(), water["confidence"].as_f64()), (Some("Tom Briggs"), Some(1.0)));
    let families =
        obj["quotes"].as_array().unwrap().iter().find(|q| q["text"].as_str().unwrap().starts_with("We have"));
    assert_eq!(families.expect("kept")["speaker"], serde_json::Value::Null);

    site.file("templates/article.html", "{% for q in page.quotes %}[{{ q.speaker }}]{% endfor %}");
    site.build().expect("build");
    let page = site.read("2024/03/02/flood/index.html");
    assert!(page.contains("[Tom Briggs]") && !page.contains("Ada Quill"), "{page}");
    assert!(site.exists("quotes/tom-briggs/index.html"));
    assert!(!site.exists("quotes/ada-quill/index.html"));
}

#[test]
fn not_quotes_strikes_quoted_words_from_the_build_and_the_command() {
    let site = flood_site("\nnot_quotes:\n  - The water is coming up faster");
    site.file("templates/article.html", "{% for q in page.quotes %}[{{ q.text }}]{% endfor %}");
    site.build().expect("build");
    let page = site.read("2024/03/02/flood/index.html");
    assert!(!page.contains("The water"), "{page}");
    assert!(page.contains("[We have moved every family"), "{page}");
    let out = stdout(&site.cli(&["quotes", "--json", "content/2024/flood.md"]));
    assert!(!out.contains("The water") && out.contains("We have moved"), "{out}");
}

#[test]
fn an_override_missing_from_the_body_is_an_error_at_its_key() {
    let site = flood_site("\ntags: [weather]\nspeakers:\n  \"The tide is turning\": Tom Briggs");
    let err = site.build().expect_err("must fail").to_string();
    assert!(
        err.starts_with(
            "content/2024/flood.md:5:1: `speakers`: \"The tide is turning\" does not occur in the body"
        ),
        "{err}"
    );
    let out = site.cli(&["quotes", "content/2024/flood.md"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("content/2024/flood.md:5:1: `speakers`"),
        "{out:?}"
    );

    let site = flood_site("\nnot_quotes: [Words nobody wrote]");
    let err = site.build().expect_err("must fail").to_string();
    assert!(err.starts_with("content/2024/flood.md:4:1: `not_quotes`: \"Words nobody wrote\""), "{err}");
}

#[test]
fn pull_outs_need_a_shown_speaker_unless_the_site_allows_unnamed_ones() {
    // The only named quote is too short; the long one has no speaker.
    let body = "MILLBROOK — The river rose two feet overnight.\n\n\
“The water is coming up faster than anyone here has ever seen it come up before.”\n\n\
“Stay home,” said Ada Quill, the fire chief.\n";
    let site = TestSite::new();
    site.article("2024/flood.md", "title: Flood\ndate: 2024-03-02", body);
    site.build().expect("build");
    assert!(!site.read("2024/03/02/flood/index.html").contains("class=\"pullquote\""));
    site.file("site.yaml", "quotes:\n  unnamed_pullouts: true\n");
    site.build().expect("build");
    let page = site.read("2024/03/02/flood/index.html");
    let fig = &page[page.find("class=\"pullquote\"").expect("an unnamed pull-out")..];
    let fig = &fig[..fig.find("</figure>").expect("end")];
    assert!(fig.contains("The water is coming up") && !fig.contains("figcaption"), "{fig}");
}

#[test]
fn the_lede_and_short_quotes_are_never_pull_outs() {
    let body = "“We have moved every family on Mill Lane to the school hall for the night,” said Ada Quill, the fire chief.\n\n\
Water reached the bakery.\n\n\
“It is bad,” said Tom Briggs.\n";
    let site = TestSite::new();
    site.article("2024/flood.md", "title: Flood\ndate: 2024-03-02", body);
    site.build().expect("build");
    assert!(!site.read("2024/03/02/flood/index.html").contains("class=\"pullquote\""));
}

#[test]
fn bad_quote_settings_name_the_line() {
    let site = flood_site("");
    site.file("site.yaml", "title: Ledger\nquotes:\n  min_confidence: 2\n");
    let err = site.build().expect_err("must fail").to_string();
    assert!(err.starts_with("site.yaml:3:") && err.contains("from 0 to 1"), "{err}");
    site.file("site.yaml", "quotes: false\n");
    site.build().expect("the on/off form still works");
    assert!(!site.read("2024/03/02/flood/index.html").contains("id=\"p-"));
}

/// An article body whose one quote `who` said.
fn said(who: &str) -> String {
    format!(
        "The council met.\n\n“The bridge will be rebuilt before the winter comes, whatever it costs,” said {who}.\n"
    )
}

#[test]
fn the_quotes_index_shows_one_person_under_the_fullest_name() {
    let site = TestSite::new();
    site.article("2024/a.md", "title: A\ndate: 2024-01-01", &said("Gerhard Mueller, the engineer"));
    site.article("2024/b.md", "title: B\ndate: 2024-01-02", &said("Gerhard Müller, the engineer"));
    site.article("2024/c.md", "title: C\ndate: 2024-01-03", &said("Dr. Gerhard Muller, the engineer"));
    site.article("2024/d.md", "title: D\ndate: 2024-01-04", &said("Jane Smith, a resident"));
    site.article("2024/e.md", "title: E\ndate: 2024-01-05", &said("John Smith, a farmer"));
    site.build().expect("build");
    let index = site.read("quotes/index.html");
    assert!(index.contains(">Gerhard Müller</a> <span class=\"count\">3</span>"), "{index}");
    assert!(!index.contains("Mueller") && !index.contains("Gerhard Muller"), "{index}");
    assert!(index.contains(">Jane Smith</a> <span class=\"count\">1</span>"), "{index}");
    assert!(index.contains(">John Smith</a> <span class=\"count\">1</span>"), "{index}");
    let page = site.read(&format!("quotes/{}/index.html", dateline::slug::slugify("Gerhard Müller")));
    assert_eq!(page.matches("class=\"quote-item\"").count(), 3, "{page}");
}

#[test]
fn a_first_name_alone_speaks_in_its_article_but_has_no_index_entry() {
    let site = TestSite::new();
    let daughter = |father: &str| {
        format!(
            "{father} has fished from the quay since he was a boy.\n\n\
             His daughter, Susan, who runs the stall, agreed. “If the boats go, the stall goes and so does the quay,” Susan said.\n"
        )
    };
    site.article("2024/a.md", "title: A\ndate: 2024-01-01", &daughter("Alan Dunne"));
    site.article("2024/b.md", "title: B\ndate: 2024-01-02", &daughter("Tom Pryce"));
    site.build().expect("build");
    let json = stdout(&site.cli(&["quotes", "--json", "content/2024/a.md"]));
    assert!(json.contains("\"speaker\":\"Susan\""), "{json}");
    let index = site.read("quotes/index.html");
    assert!(!index.contains(">Susan<"), "{index}");
    assert!(!site.root().join("public/quotes/susan").exists());
}

#[test]
fn an_article_links_its_speaker_to_the_merged_page_in_a_clean_build_and_a_rebuild() {
    let site = TestSite::new();
    // A template that shows each quote's link to its speaker's page.
    site.file(
        "templates/article.html",
        "<html><body>{% for q in page.quotes %}<a class=\"sp\" href=\"{{ q.speaker_url }}\">{{ q.speaker }}</a>{% endfor %}</body></html>",
    );
    site.article("2024/a.md", "title: A\ndate: 2024-01-01", &said("Gerhard Mueller, the engineer"));
    let mut session =
        dateline::incremental::Session::new(site.root(), &site.out(), dateline::BuildOptions::default());
    session.build().expect("first build");
    let alone = format!("/quotes/{}/", dateline::slug::slugify("Gerhard Mueller"));
    assert!(site.read("2024/01/01/a/index.html").contains(&format!("href=\"{alone}\"")));
    // Another article spells him with the umlaut: one page, named in full,
    // and the first article's link follows it, in the rebuild as in a clean build.
    site.article("2024/b.md", "title: B\ndate: 2024-01-02", &said("Gerhard Müller, the engineer"));
    session.build().expect("rebuild");
    let merged = format!("/quotes/{}/", dateline::slug::slugify("Gerhard Müller"));
    assert_ne!(alone, merged);
    for page in ["2024/01/01/a/index.html", "2024/01/02/b/index.html"] {
        let html = site.read(page);
        assert!(html.contains(&format!("href=\"{merged}\"")), "{page}: {html}");
    }
    assert!(site.exists(&format!("{}index.html", &merged[1..])));
    let rebuilt = site.read("2024/01/01/a/index.html");
    site.build().expect("clean build");
    assert_eq!(site.read("2024/01/01/a/index.html"), rebuilt);
}
