//! The site's own look from `site.yaml` (`brand`, `nav`, `footer`, `social`):
//! each key visible in the built pages and stylesheet, bad values refused at
//! their line.

use crate::harness::TestSite;

const LOGO: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><rect width=\"120\" height=\"40\" fill=\"#0b3d2e\"/></svg>\n";

const BRANDED: &str = "title: The Millbrook Ledger
description: News from the valley
base_url: https://ledger.example.org/
brand:
  logo: logo.svg
  accent: \"#0b5d3b\"
  scheme: auto
  font: sans
  image: /card.png
nav:
  - {label: Council, url: /tags/council/}
  - {label: Sports, url: /tags/sports/}
  - {label: Weather service, url: https://weather.example/}
footer: \"© 2026 The Millbrook Ledger · tips@ledger.example.org\"
social:
  - https://mastodon.example/@ledger
  - https://www.facebook.example/millbrookledger/
";

fn branded() -> TestSite {
    let site = TestSite::new();
    site.file("site.yaml", BRANDED)
        .file("static/logo.svg", LOGO)
        .file("static/card.png", "png")
        .article("a.md", "title: Bridge fixed\ndate: 2024-01-10\ntags: [council]", "The council voted.\n")
        .article(
            "b.md",
            "title: Mill reopens\ndate: 2024-01-11\nimage: /mill.jpg\ntags: [sports]",
            "The mill is open again.\n",
        );
    site
}

#[test]
fn every_brand_key_shows_in_pages_and_stylesheet() {
    let site = branded();
    let report = site.build().expect("build");
    assert!(report.warnings.iter().all(|w| !w.message.contains("contrast")), "{:?}", report.warnings);
    let front = site.read("index.html");
    // logo instead of the title text, the title kept as its alt text
    assert!(
        front.contains(r#"<a class="masthead-title" href="/"><img class="masthead-logo" src="/logo.svg" alt="The Millbrook Ledger"></a>"#),
        "{front}"
    );
    assert!(site.exists("logo.svg"));
    // scheme on the body, and the browser told which schemes the page has
    assert!(front.contains(r#"<body data-scheme="auto">"#));
    assert!(front.contains(r#"<meta name="color-scheme" content="light dark">"#));
    // nav: the configured items in order, site paths under the base path
    let nav = &front[front.find("masthead-nav").expect("nav")..front.find("</nav>").expect("end")];
    let council = nav.find(r#"<a href="/tags/council/">Council</a>"#).expect("council");
    let sports = nav.find(r#"<a href="/tags/sports/">Sports</a>"#).expect("sports");
    let weather = nav.find(r#"<a href="https://weather.example/">Weather service</a>"#).expect("external");
    assert!(council < sports && sports < weather, "{nav}");
    assert!(!nav.contains("Reporters"), "the built-in sections are replaced: {nav}");
    // footer and social links
    assert!(front.contains("<p>© 2026 The Millbrook Ledger · tips@ledger.example.org</p>"), "{front}");
    assert!(
        front.contains(r#"<a href="https://mastodon.example/@ledger" rel="me">mastodon.example/@ledger</a>"#)
    );
    assert!(front.contains(r#">facebook.example/millbrookledger</a>"#), "{front}");
    // icons: the SVG logo as icon, favicon.ico and a touch icon that exist
    assert!(
        front.contains(r#"<link rel="icon" href="/logo.svg" type="image/svg+xml" sizes="any">"#),
        "{front}"
    );
    assert!(front.contains(r#"<link rel="icon" href="/favicon.ico" sizes="32x32">"#));
    assert!(front.contains(r#"<link rel="apple-touch-icon" href="/apple-touch-icon.png">"#));
    let drawn = |rel: &str| std::fs::read(site.out().join(rel)).expect(rel);
    assert_ne!(drawn("favicon.ico"), dateline::favicon::ICON, "the tab icon is drawn from the SVG logo");
    assert_ne!(drawn("apple-touch-icon.png"), dateline::favicon::TOUCH_ICON);
    assert_eq!(&drawn("apple-touch-icon.png")[16..24], [0, 0, 0, 180, 0, 0, 0, 180]);
    // accent and font through the stylesheet's custom properties
    let css = site.read("style.css");
    let brand = &css[css.find("/* brand, from site.yaml */").expect("brand block")..];
    assert!(brand.contains("--accent: #0b5d3b;") && brand.contains("--font: var(--grotesk);"), "{brand}");
    assert!(brand.contains("--accent-dark: #"), "a dark accent is derived for the dark scheme: {brand}");
    assert_eq!(css.matches("body[data-scheme=\"auto\"]").count(), 1);

    // brand.image: the social card of the article without one, not of the other
    let plain = site.read("2024/01/10/a/index.html");
    assert!(plain.contains(r#"<meta property="og:image" content="https://ledger.example.org/card.png">"#));
    assert!(plain.contains(r#""image":["https://ledger.example.org/card.png"]"#), "{plain}");
    let own = site.read("2024/01/11/b/index.html");
    assert!(own.contains(r#"<meta property="og:image" content="https://ledger.example.org/mill.jpg">"#));
    // social: sameAs of the publisher, with the logo
    let ld = &plain[plain.find("application/ld+json").expect("json-ld")..];
    assert!(
        ld.contains(
            r#""sameAs":["https://mastodon.example/@ledger","https://www.facebook.example/millbrookledger/"]"#
        ),
        "{ld}"
    );
    assert!(
        ld.contains(r#""logo":{"@type":"ImageObject","url":"https://ledger.example.org/logo.svg"}"#),
        "{ld}"
    );
}

#[test]
fn an_unbranded_site_keeps_the_built_in_look() {
    let site = TestSite::new();
    site.article("a.md", "title: A\ndate: 2024-01-10", "x\n");
    site.build().expect("build");
    let front = site.read("index.html");
    assert!(front.contains(r#"<a class="masthead-title" href="/">Dateline</a>"#));
    for section in ["Latest", "Archive", "Topics", "Reporters", "Quotes", "Search"] {
        assert!(front.contains(&format!(">{section}</a>")), "{section}");
    }
    assert!(!site.read("style.css").contains("/* brand, from site.yaml"));
    assert!(!front.contains("social-links"));
    // no own icon: the built-in ones, linked and present
    assert!(site.exists("favicon.ico") && site.exists("apple-touch-icon.png"));
    assert!(!front.contains("image/svg+xml"));
}

#[test]
fn a_site_favicon_is_linked() {
    let site = TestSite::new();
    site.file("static/favicon.png", "png").article("a.md", "title: A\ndate: 2024-01-10", "x\n");
    site.build().expect("build");
    // not a PNG after all: the built-in icons stand in
    assert_eq!(std::fs::read(site.out().join("favicon.ico")).expect("icon"), dateline::favicon::ICON);
    let front = site.read("index.html");
    assert!(front.contains(r#"<link rel="icon" href="/favicon.png" type="image/png">"#), "{front}");
    site.file("static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site.build().expect("build");
    assert!(site.read("index.html").contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml""#));
}

#[test]
fn dark_scheme_and_system_font_reach_the_page() {
    let site = TestSite::new();
    site.file("site.yaml", "title: Night Desk\nbrand: {scheme: dark, font: system, accent: \"#ffb347\"}\n")
        .article("a.md", "title: A\ndate: 2024-01-10", "x\n");
    let report = site.build().expect("build");
    assert!(report.warnings.iter().all(|w| !w.message.contains("contrast")), "{:?}", report.warnings);
    assert!(site.read("index.html").contains(r#"<body data-scheme="dark">"#));
    let css = site.read("style.css");
    assert!(css.contains("--accent: #ffb347; --accent-dark: #ffb347; --font: var(--sans);"), "{css}");
}

/// (message, line) of the one error the build gives for `yaml`.
fn refused(yaml: &str, logo: bool) -> String {
    let site = TestSite::new();
    site.file("site.yaml", yaml).article("a.md", "title: A\ndate: 2024-01-10", "x\n");
    if logo {
        site.file("static/other.svg", LOGO);
    }
    let out = site.cli(&["build"]);
    assert!(!out.status.success(), "the build must fail for {yaml}");
    assert!(!site.exists("index.html"), "nothing half-written");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bad_brand_values_are_located_in_site_yaml() {
    let e = refused("title: x\nbrand:\n  scheme: auto\n  accent: \"#8a1c1\"\n", false);
    assert!(e.contains("site.yaml:4:") && e.contains("#8a1c1") && e.contains("CSS colour"), "{e}");
    let e = refused("title: x\nbrand:\n  accent: reddish\n", false);
    assert!(e.contains("site.yaml:3:") && e.contains("reddish"), "{e}");
    let e = refused("title: x\nbrand:\n  logo: logo.svg\n", true);
    assert!(
        e.contains("site.yaml:3:3:")
            && e.contains("static/logo.svg")
            && e.contains("put the file in static/"),
        "{e}"
    );
    let e = refused("title: x\n\nbrand:\n  font: serif\n  scheme: sepia\n", false);
    assert!(e.contains("site.yaml:5:") && e.contains("sepia") && e.contains("`light`, `dark`"), "{e}");
    let e = refused("title: x\nbrand:\n  image: card.png\n", false);
    assert!(e.contains("site.yaml:3:3:") && e.contains("static/card.png"), "{e}");
    let e = refused("title: x\nnav:\n  - {label: Sports, url: sports}\n", false);
    assert!(e.contains("site.yaml:3:") && e.contains("starting with /"), "{e}");
}

#[test]
fn a_low_contrast_accent_is_a_warning_with_its_ratio() {
    let site = TestSite::new();
    site.file("site.yaml", "title: x\nbrand:\n  accent: gold\n  scheme: light\n").article(
        "a.md",
        "title: A\ndate: 2024-01-10",
        "x\n",
    );
    let out = site.cli(&["build"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("brand.accent `gold`") && err.contains("1.") && err.contains(":1, below the 4.5:1"),
        "{err}"
    );
    // the site still builds with the chosen colour
    assert!(site.read("style.css").contains("--accent: #ffd700;"));
    // watch and serve say it too, at every rebuild
    let mut session =
        dateline::incremental::Session::new(site.root(), &site.out(), dateline::BuildOptions::default());
    let outcome = session.build().expect("rebuild");
    assert!(
        outcome.warnings.iter().any(|w| w.message.contains("brand.accent `gold`")),
        "{:?}",
        outcome.warnings
    );
}
