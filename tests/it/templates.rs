//! Site templates override the built-in ones; template errors say where.

use crate::harness::TestSite;

fn site() -> TestSite {
    let site = TestSite::new();
    site.article("a.md", "title: Hello\ndate: 2024-01-01\ntags: [x]", "Body text.\n");
    site
}

#[test]
fn an_override_replaces_a_built_in() {
    let site = site();
    site.file("templates/tag.html", "TAG {{ tag.name }} {{ paginator.count }}");
    site.build().expect("build");
    assert_eq!(site.read("tags/x/index.html"), "TAG x 1");
    assert!(site.read("index.html").contains("<h1 class=\"section-title\">Latest stories</h1>"));
}

#[test]
fn an_override_of_the_listing_entry_shows_on_every_listing() {
    let site = site();
    site.file(
        "templates/partials/story.html",
        "<li class=\"mine\">{{ item.title }} ({{ item.tags | length }})</li>\n",
    );
    site.build().expect("build");
    for rel in ["index.html", "tags/x/index.html", "2024/01/index.html"] {
        let page = site.read(rel);
        assert!(page.contains("<li class=\"mine\">Hello (1)</li>"), "{rel}: {page}");
        assert!(!page.contains("class=\"story\""), "{rel}");
    }
    assert!(!site.read("2024/01/01/a/index.html").contains("class=\"mine\""));
}

#[test]
fn an_override_of_base_changes_every_page() {
    let site = site();
    site.file(
        "templates/base.html",
        "{% extends \"builtin/base.html\" %}{% block head %}<meta name=\"x-test\" content=\"1\">{% endblock head %}",
    );
    site.build().expect("build");
    for rel in ["index.html", "2024/01/01/a/index.html", "tags/index.html", "404.html"] {
        assert!(site.read(rel).contains("<meta name=\"x-test\" content=\"1\">"), "{rel}");
    }
}

#[test]
fn the_stylesheet_can_be_replaced() {
    let site = site();
    site.file("templates/style.css", "body{color:red}");
    site.build().expect("build");
    assert_eq!(site.read("style.css"), "body{color:red}");
}

#[test]
fn a_syntax_error_names_template_and_line() {
    let site = site();
    site.file("templates/article.html", "line one\n{{ page.title ) }}\nline three\n");
    let err = site.build().expect_err("broken template").to_string();
    assert!(err.contains("article.html"), "{err}");
    assert!(err.contains("article.html:2:"), "{err}");
}

#[test]
fn a_render_error_is_reported_once() {
    let site = site();
    site.article("b.md", "title: Two\ndate: 2024-01-02", "x\n");
    site.file("templates/article.html", "{{ page.title | no_such_filter }}");
    let err = site.build().expect_err("broken template");
    assert!(err.to_string().contains("no_such_filter"), "{err}");
    assert_eq!(err.all().len(), 1, "{err}");
}
