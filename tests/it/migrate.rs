//! Archives brought from other tools build as they are: fixture sites laid
//! out as `jekyll new`, Zola and Hugo lay them out, with the files those
//! tools keep beside the posts (section pages, layouts, about pages).

use dateline::BuildOptions;

use crate::archives::fixture;
use crate::harness::main_of;

fn warnings(report: &dateline::Report) -> Vec<String> {
    report.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn jekyll_posts_build_under_every_markdown_extension() {
    let site = fixture("jekyll");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles, report.skipped.len()), (9, 6, 0), "{:?}", site.files());
    for page in [
        "2019/03/04/welcome-to-jekyll/index.html",
        "2018/06/01/harbour-dredging/index.html",
        "2015/05/05/ferry-timetable/index.html",
        "2015/05/06/market-day/index.html",
        "2016/02/02/mill-fire/index.html",
        "2017/11/20/council-vote/index.html",
    ] {
        assert!(site.exists(page), "missing {page}: {:?}", site.files());
    }
    // The index page, the layout and the Textile notes are not articles.
    assert_eq!(report.not_read, 3);
    assert!(!site.files().iter().any(|f| f.contains("_layouts") || f.starts_with("about")));
}

#[test]
fn jekyll_pages_and_index_are_noted_not_refused() {
    let site = fixture("jekyll");
    let w = warnings(&site.build().unwrap_or_else(|e| panic!("{e}")));
    let has = |file: &str, what: &str| w.iter().any(|m| m.starts_with(file) && m.contains(what));
    assert!(has("content/about.markdown", "a page (`layout: page`, no date)"), "{w:#?}");
    assert!(has("content/404.html", "a page (`layout: default`, no date)"), "{w:#?}");
    assert!(has("content/index.markdown", "1 section or index page(s) are not articles"), "{w:#?}");
    assert!(has("content/_layouts/default.html", "template and data folders"), "{w:#?}");
    assert!(has("content/notes.textile", "1 .textile file(s) are not read as articles"), "{w:#?}");
}

#[test]
fn a_date_only_in_the_permalink_dates_the_article_and_the_old_url_lives() {
    let site = fixture("jekyll");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = site.read("2017/11/20/council-vote/index.html");
    assert!(html.contains("<time datetime=\"2017-11-20T00:00:00"), "{}", main_of(&html));
    // The permalink differs from the new URL: it redirects there.
    let old = site.read("news/2018/06/01/harbour-dredging-begins/index.html");
    assert!(old.contains("url=/2018/06/01/harbour-dredging/"), "{old}");
}

#[test]
fn jekyll_drafts_folder_holds_drafts() {
    let site = fixture("jekyll");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(!site.files().iter().any(|f| f.contains("unfinished-story")));
    let report = site.build_with(&BuildOptions { drafts: true, ..BuildOptions::default() }).expect("build");
    assert_eq!(report.articles, 7);
    assert!(site.files().iter().any(|f| f.ends_with("unfinished-story/index.html")), "{:?}", site.files());
}

#[test]
fn html_posts_are_articles_with_text_summaries() {
    let site = fixture("jekyll");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let body = main_of(&site.read("2016/02/02/mill-fire/index.html")).to_string();
    assert!(
        body.contains(
            "<p>Firefighters were called to the <em>old mill</em> at dawn &amp; stayed until noon.</p>"
        ),
        "{body}"
    );
    assert!(
        body.contains(
            "<div class=\"gallery\"><img src=\"https://img.example.org/mill.jpg\" alt=\"The mill\"></div>"
        ),
        "{body}"
    );
    assert!(body.contains("<script>"), "raw HTML is on by default: {body}");
    // The quote in its text was found like any Markdown article's: its
    // paragraph gets the id quotes link to. (Too short for a pull-out.)
    assert!(body.contains("<p id=\"p-2\">"), "{body}");
    let front = site.read("index.html");
    assert!(front.contains("Firefighters were called to the <em>old mill</em>"), "summary from the text");
}

#[test]
fn html_posts_follow_the_raw_html_rule() {
    let site = fixture("jekyll");
    site.file("site.yaml", "title: T\nmarkdown: {raw_html: false}\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let body = main_of(&site.read("2016/02/02/mill-fire/index.html")).to_string();
    assert!(!body.contains("<script>") && body.contains("&lt;script&gt;"), "{body}");
    assert!(body.contains("<em>old mill</em>"), "what Markdown says is kept: {body}");
}

#[test]
fn zola_path_dates_and_section_pages() {
    let site = fixture("zola");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles), (3, 3));
    let html = site.read("2014/12/12/first-post/index.html");
    assert!(html.contains("<time datetime=\"2014-12-12T00:00:00"));
    assert!(html.contains("href=\"/tags/launch/\""), "taxonomies are read as tags");
    // `path` with slashes, unlike the new URL: kept as an alias.
    assert!(site.read("2015/02/14/bundle-story/index.html").contains("url=/2015/02/14/bundle/"));
    assert!(site.read("blog/second/index.html").contains("url=/"), "Zola's own URL redirects");
    let w = warnings(&report);
    assert!(
        w.iter().any(|m| m.contains("2 section or index page(s)") && m.contains("content/blog/_index.md")),
        "{w:#?}"
    );
    assert!(!site.files().iter().any(|f| f.contains("_index")));
    // Zola's own templates, written for Zola's variables, are left aside.
    assert!(
        w.iter().any(|m| m.starts_with("templates: warning: holds Zola's templates, not used")),
        "{w:#?}"
    );
}

#[test]
fn hugo_section_pages_are_not_articles_and_url_keys_alias() {
    let site = fixture("hugo");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles, report.not_read), (3, 3, 3));
    assert!(site.exists("2023/01/15/my-first-post/index.html"));
    assert!(site.exists("2023/02/01/bundle/index.html"), "a bundle's index.md is its article");
    assert!(site.read("2012/05/06/old-address.html").contains("url=/2012/05/06/old-address/"));
    // Hugo's own URLs (section, then file or bundle name) redirect too.
    assert!(site.read("posts/my-first-post/index.html").contains("url=/2023/01/15/my-first-post/"));
    assert!(site.read("posts/bundle/index.html").contains("url=/2023/02/01/bundle/"));
    assert!(!site.exists("posts/old-address/index.html"), "its `url` was its address");
}

#[test]
fn hugo_permalinks_of_the_old_site_redirect() {
    let site = crate::harness::TestSite::new();
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n[permalinks]\nnews = '/:year/:month/:slug/'\n");
    site.article("news/harbour.md", "title: Harbour Works Begin\ndate: 2020-05-05", "Dredging.\n");
    site.article("posts/mill.md", "title: Mill\ndate: 2020-06-06", "Flour.\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(site.read("2020/05/harbour-works-begin/index.html").contains("url=/2020/05/05/harbour/"));
    assert!(site.read("posts/mill/index.html").contains("url=/2020/06/06/mill/"));
}

#[test]
fn every_migrated_fixture_passes_check_and_says_what_was_not_read() {
    for name in ["jekyll", "zola", "hugo"] {
        let site = fixture(name);
        let out = site.cli(&["build"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("other files under content/ not read as articles: 3)"), "{name}: {stdout}");
        let out = site.cli(&["check"]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn language_folders_get_their_own_urls_lang_and_hreflang() {
    let site = fixture("hugo-languages");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles), (6, 6), "no collision between translations");
    let en = site.read("2024/03/01/budget/index.html");
    let ja = site.read("ja/2024/03/01/budget/index.html");
    let zh = site.read("zh_tw/2024/03/01/budget/index.html");
    assert!(en.starts_with("<!doctype html>\n<html lang=\"en\">"), "{en}");
    assert!(ja.starts_with("<!doctype html>\n<html lang=\"ja\">"), "{ja}");
    assert!(zh.starts_with("<!doctype html>\n<html lang=\"zh-TW\">"), "{zh}");
    for page in [&en, &ja, &zh] {
        assert!(
            page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/2024/03/01/budget/\">"),
            "{page}"
        );
        assert!(
            page.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"/ja/2024/03/01/budget/\">"),
            "{page}"
        );
        assert!(
            page.contains("<link rel=\"alternate\" hreflang=\"zh-TW\" href=\"/zh_tw/2024/03/01/budget/\">"),
            "{page}"
        );
    }
    // A shared translationKey links files of different names.
    // A section's feeds carry its language's name, so a reader subscribed to
    // both can tell them apart; the default language's keep the site's title.
    let title = |feed: &str| {
        let xml = site.read(feed);
        let at = xml.find("<title>").expect("a title") + 7;
        xml[at..at + xml[at..].find("</title>").expect("its end")].to_string()
    };
    let (en_title, ja_title) = (title("feed.xml"), title("ja/feed.xml"));
    assert_eq!(ja_title, format!("{en_title} (日本語)"));
    assert!(site.read("ja/index.html").contains(&format!("title=\"{ja_title} (Atom)\"")));
    // Each language's front page names the others as its alternates.
    for front in ["index.html", "ja/index.html", "zh_tw/index.html"] {
        let html = site.read(front);
        for (lang, href) in [("en", "/"), ("ja", "/ja/"), ("zh-TW", "/zh_tw/")] {
            let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\">");
            assert!(html.contains(&link), "{front} lacks {link}");
        }
    }
    let fune = site.read("ja/2024/04/02/fune/index.html");
    assert!(fune.contains("hreflang=\"en\" href=\"/2024/04/02/ferry/\""), "{fune}");
    let alone = site.read("2024/05/05/only-english/index.html");
    assert!(!alone.contains("rel=\"alternate\" hreflang"), "{alone}");
    let out = site.cli(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn common_front_matter_shapes_build() {
    let site = crate::archives::fixture("front-matter-shapes");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    // Every file but the draft (`draft: yes`) is an article.
    assert_eq!((report.read, report.articles), (15, 14), "{:?}", report.skipped);
    let tags = site.read("tags/index.html");
    // Jekyll's word lists, comma strings with quoted items, Zola's
    // taxonomies written in YAML.
    for tag in ["news", "local", "harbour", "council", "port-works", "local-news", "hydrogen", "taxes"] {
        assert!(tags.contains(&format!("href=\"/tags/{tag}/\"")), "{tag}: {tags}");
    }
    assert!(!tags.contains("&quot;"), "{tags}");
    let authors = site.read("authors/index.html");
    for a in ["ann-lee", "bo-chan", "cy-diaz", "walter-nakagawa"] {
        assert!(authors.contains(&format!("/authors/{a}/")), "{a}: {authors}");
    }
    // Mail and slashed dates, Hugo's slug, lastmod and aliases, an image map.
    assert!(site.exists("2019/03/04/f/index.html") && site.exists("2019/03/04/h/index.html"));
    assert!(site.exists("2019/03/07/hugo-keys-slug/index.html") && site.exists("old/hugo-keys/index.html"));
    assert!(site.read("2019/03/10/i/index.html").contains("https://shapes.example/img/x.jpg"));
    assert!(!site.exists("2019/03/05/b/index.html"), "draft: yes is a draft");
    // jekyll-redirect-from, excerpt and last_modified_at; Hugo's description and lastmod.
    assert!(site.read("articles/redirected.html").contains("/2019/03/16/redirected/"));
    let front = site.read("index.html");
    assert!(front.contains("An excerpt for listings") && front.contains(">desc<"), "{front}");
    let hugo = site.read("2019/03/07/hugo-keys-slug/index.html");
    assert!(hugo.contains("2019-04-01"), "lastmod is the update time: {hugo}");
    let out = site.cli(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_site_root_with_posts_but_no_content_says_where_posts_go() {
    // Not Jekyll's `_posts/` (read in place): a folder of posts by another name.
    let site = crate::harness::TestSite::new();
    site.file("posts/2019-03-04-a.md", "---\ntitle: A\n---\nText.\n");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.articles, 0);
    let said: Vec<String> = report.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(
        said.iter().any(|m| m.contains("no content/ folder") && m.contains("mv posts content/")),
        "{said:?}"
    );
}

/// The Jekyll fixture as `jekyll new` leaves it: posts in `_posts/` at the
/// top of the site, no `content/`, and an `assets/` folder for images.
fn jekyll_root() -> crate::harness::TestSite {
    let site = crate::harness::TestSite::new();
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jekyll/content");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.expect("walk fixture");
        let to = site.root().join(entry.path().strip_prefix(&from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
    site.file("assets/harbour.png", "not really a PNG");
    site.file("_config.yml", "title: Harbour notes\n");
    site
}

#[test]
fn a_jekyll_site_builds_from_its_own_root() {
    let site = jekyll_root();
    assert!(!site.root().join("content").exists());
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.articles, report.skipped.len()), (6, 0), "{:?}", site.files());
    for page in ["2019/03/04/welcome-to-jekyll/index.html", "2016/02/02/mill-fire/index.html"] {
        assert!(site.exists(page), "missing {page}: {:?}", site.files());
    }
    // The permalink still reaches the post, and so does the URL Jekyll's
    // default style gave a post without one.
    let old = site.read("news/2018/06/01/harbour-dredging-begins/index.html");
    assert!(old.contains("url=/2018/06/01/harbour-dredging/"), "{old}");
    let old = site.read("jekyll/update/2019/03/04/welcome-to-jekyll.html");
    assert!(old.contains("url=/2019/03/04/welcome-to-jekyll/"), "{old}");
    // about.markdown is a page at its permalink, in the site's layout.
    let about = site.read("about/index.html");
    assert!(
        about.contains("<h1 class=\"headline\">About</h1>") && about.contains("base Jekyll theme"),
        "{about}"
    );
    // The home page is dateline's front page, not the Jekyll index file.
    assert!(site.read("index.html").contains("welcome-to-jekyll"));
    assert!(!site.files().iter().any(|f| f.contains("_layouts") || f.contains("unfinished-story")));
    // Images linked from /assets/ are copied where the posts expect them.
    assert_eq!(site.read("assets/harbour.png"), "not really a PNG");
    assert!(!warnings(&report).iter().any(|w| w.contains("no content/ folder")), "{:?}", warnings(&report));
    let report = site.build_with(&BuildOptions { drafts: true, ..BuildOptions::default() }).expect("build");
    assert_eq!(report.articles, 7);
}

#[test]
fn a_watch_session_on_a_jekyll_root_keeps_its_pages_and_sees_post_edits() {
    let site = jekyll_root();
    let mut session =
        dateline::incremental::Session::new(site.root(), &site.out(), dateline::BuildOptions::default());
    session.build().expect("first build");
    let post = "_posts/2019-03-04-welcome-to-jekyll.markdown";
    let text = std::fs::read_to_string(site.root().join(post)).expect("post");
    site.file(post, &text.replace("---\nYou", "---\nA new first line about the harbour.\n\nYou"));
    session.build().expect("rebuild");
    assert!(
        site.read("2019/03/04/welcome-to-jekyll/index.html").contains("A new first line about the harbour")
    );
    assert!(site.read("about/index.html").contains("base Jekyll theme"), "the page is still there");
}

#[test]
fn saving_an_article_unchanged_in_a_watch_session_keeps_the_old_links() {
    // Editors save without changing anything; the redirect pages made last
    // time are no pages an alias could collide with.
    let site = crate::archives::fixture("jekyll");
    let mut session =
        dateline::incremental::Session::new(site.root(), &site.out(), dateline::BuildOptions::default());
    session.build().expect("first build");
    let post = "content/_posts/2018-06-01-harbour-dredging.markdown";
    let text = std::fs::read_to_string(site.root().join(post)).expect("post");
    site.file(post, &text);
    session.build().unwrap_or_else(|e| panic!("rebuild after a save with no change: {e}"));
    let old = site.read("news/2018/06/01/harbour-dredging-begins/index.html");
    assert!(old.contains("url=/2018/06/01/harbour-dredging/"), "{old}");
}

#[test]
fn the_permalink_style_of_config_yml_keeps_old_post_links() {
    let site = jekyll_root();
    site.file("_config.yml", "title: Harbour notes\npermalink: /blog/:year/:title/\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    let old = site.read("blog/2019/welcome-to-jekyll/index.html");
    assert!(old.contains("url=/2019/03/04/welcome-to-jekyll/"), "{old}");
    assert!(!site.exists("jekyll/update/2019/03/04/welcome-to-jekyll.html"));
    let out = site.cli(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn guessed_jekyll_urls_that_collide_never_stop_the_build() {
    // With `permalink: none`, Jekyll gives two posts of one title the same
    // URL (the later overwrote the earlier): the build takes it for the first.
    let site = crate::harness::TestSite::new();
    site.file("_config.yml", "permalink: none\n")
        .file("_posts/2019-03-04-weekly-notes.md", "---\ntitle: Weekly notes\n---\nFirst week.\n")
        .file("_posts/2019-03-11-weekly-notes.md", "---\ntitle: Weekly notes\n---\nSecond week.\n")
        .file(
            "_posts/2019-03-12-about.md",
            "---\ntitle: About this blog\npermalink: /weekly-notes.html\n---\nText.\n",
        );
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.articles, 3);
    // A written permalink wins over a guessed one.
    let old = site.read("weekly-notes.html");
    assert!(old.contains("url=/2019/03/12/about/"), "{old}");
}

#[test]
fn a_jekyll_category_folder_of_posts_is_read_with_its_category() {
    let site = crate::harness::TestSite::new();
    site.file("_posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nFirst.\n")
        .file("news/_posts/2020-01-02-harbour.md", "---\ntitle: Harbour\n---\nSecond.\n")
        .file("news/index.html", "---\nlayout: default\n---\n<p>listing</p>\n");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.articles, 2, "{:?}", site.files());
    assert!(site.exists("2020/01/02/harbour/index.html"));
    // The folder is the post's category in the URL Jekyll gave it.
    let old = site.read("news/2020/01/02/harbour.html");
    assert!(old.contains("url=/2020/01/02/harbour/"), "{old}");
}

#[test]
fn untitled_and_oddly_named_posts_build_as_their_old_tools_built_them() {
    let site = crate::harness::TestSite::new();
    // Jekyll: no title, an unpadded date in the file name.
    site.article("_posts/2015-4-20-first-post-of-spring.md", "layout: post", "The ferry ran again.\n");
    // Zola: a date and an underscore, TOML front matter, no date line.
    site.file("content/blog/2021-02-28_Harbour notes.md", "+++\ntitle = \"Harbour notes\"\n+++\nTides.\n");
    // Hugo writes keys in any case.
    site.article("news/capital.md", "Title: Mill Reopens\nDate: 2020-05-05\nTags: [mills]", "Flour.\n");
    // A half-written draft must not stop the build.
    site.article("_drafts/template.md", "title:\ndate: someday", "Write here.\n");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    let w = warnings(&report);
    let html = site.read("2015/04/20/first-post-of-spring/index.html");
    assert!(main_of(&html).contains("First Post Of Spring"), "{html}");
    assert!(w.iter().any(|m| m.contains("headed \"First Post Of Spring\" from the file name")), "{w:#?}");
    assert!(site.read("2021/02/28/harbour-notes/index.html").contains("Harbour notes"));
    let html = site.read("2020/05/05/capital/index.html");
    assert!(main_of(&html).contains("Mill Reopens") && html.contains("/tags/mills/"), "{html}");
    assert!(
        w.iter().any(|m| m.starts_with("content/_drafts/template.md:") && m.contains("not built")),
        "{w:#?}"
    );
    assert_eq!(report.articles, 3);
    // With `--drafts` the same draft is an error, located.
    let err =
        site.build_with(&BuildOptions { drafts: true, ..Default::default() }).expect_err("a broken draft");
    assert!(err.to_string().contains("content/_drafts/template.md:3:1: `date`"), "{err}");
}

#[test]
fn a_blank_title_is_one_error_outside_imported_posts() {
    let site = crate::harness::TestSite::new();
    site.article("notes.md", "title:\ndate: 2024-01-01", "x\n");
    let err = site.build().expect_err("no headline").to_string();
    assert!(err.contains("content/notes.md:2:1: `title` is empty"), "{err}");
    assert!(!err.contains("must be text") && !err.contains("missing `title`"), "{err}");
}

#[test]
fn kramdown_lists_zola_shortcodes_and_draft_bundles() {
    let site = crate::harness::TestSite::new();
    site.article(
        "_posts/2019-03-04-mill.md",
        "title: Mill",
        "![Mill](/mill.jpg)\n{: .center}\n\n## Vote {: #vote}\n\nText.\n",
    );
    let body = "{{ youtube(id=\"abc\") }}\n\n{{ gallery(dir=\"x\") }}\n";
    site.article("blog/video.md", "title: Video\ndate: 2020-01-01", body);
    site.article("posts/plan/index.md", "title: Plan\ndate: 2020-02-02\ndraft: true", "![Map](map.png)\n");
    site.file("content/posts/plan/map.png", "png");
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    let html = site.read("2019/03/04/mill/index.html");
    assert!(!html.contains("{:"), "{html}");
    assert!(main_of(&html).contains(">Vote</h2>"), "{html}");
    let w = warnings(&report);
    assert!(w.iter().any(|m| m.contains("Zola shortcodes") && m.contains("content/blog/video.md")), "{w:#?}");
    assert!(!w.iter().any(|m| m.contains("Liquid")), "{w:#?}");
    let html = site.read("2020/01/01/video/index.html");
    assert!(html.contains("<a href=\"https://www.youtube.com/watch?v=abc\">"), "{html}");
    assert!(!site.files().iter().any(|f| f.ends_with("map.png")), "{:?}", site.files());
    site.build_with(&BuildOptions { drafts: true, ..Default::default() }).expect("with drafts");
    assert!(site.files().iter().any(|f| f.ends_with("map.png")), "{:?}", site.files());
}

#[test]
fn a_hugo_sites_languages_are_read_from_its_configuration() {
    let site = fixture("hugo-languages");
    site.file("site.yaml", "title: Harbour Times\n");
    let hugo = "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n[languages.zh_tw]\nweight = 3\n";
    site.file("hugo.toml", hugo);
    let report = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.read, report.articles), (6, 6), "no collision between translations");
    let ja = site.read("ja/2024/03/01/budget/index.html");
    assert!(ja.starts_with("<!doctype html>\n<html lang=\"ja\">"), "{ja}");
    assert!(ja.contains("hreflang=\"en\" href=\"/2024/03/01/budget/\""), "{ja}");
    // site.yaml's own choice wins.
    site.file("site.yaml", "title: Harbour Times\nlanguages: []\n");
    let err = site.build().map(|_| ()).expect_err("translations collide without language sections");
    assert!(err.to_string().contains("budget"), "{err}");
}
