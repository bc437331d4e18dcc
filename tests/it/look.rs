//! The sample site with its brand (the repository's `site.yaml`, `content/`
//! and `static/`) in headless Chromium, light and dark through an emulated
//! `prefers-color-scheme`: links take the accent, the masthead menu shows the
//! configured items, no page logs an error and axe-core finds no
//! accessibility violation. Screenshots of the front page and an article at
//! 1280 and 390 pixels, light and dark, are saved under
//! `target/tmp/screenshots/` for a reviewer.
//!
//! axe-core comes from `DATELINE_AXE_JS` (set by `.ci/run`, which installs it
//! from npm) or, without it, from an npm install into a temporary folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};

use crate::browser::{Browser, Driver, Server, Session, browser, wait_for};
use crate::harness::TestSite;
use dateline::BuildOptions;

/// The repository's sample site, built under `/news/`.
fn sample() -> TestSite {
    let site = TestSite::new();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content", "static"] {
        for e in walkdir::WalkDir::new(repo.join(dir)).into_iter().filter_map(Result::ok) {
            let rel = e.path().strip_prefix(repo).expect("inside the repository");
            let to = site.root().join(rel);
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(e.path(), &to).expect("copy");
            }
        }
    }
    std::fs::copy(repo.join("site.yaml"), site.root().join("site.yaml")).expect("site.yaml");
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("the sample site builds");
    site
}

/// The text of axe-core, or `None` (test skipped) where npm cannot fetch it
/// outside CI.
#[allow(clippy::print_stderr, reason = "tells why the test did nothing")]
fn axe_source(scratch: &Path) -> Option<String> {
    if let Some(path) = std::env::var_os("DATELINE_AXE_JS") {
        return Some(std::fs::read_to_string(&path).expect("DATELINE_AXE_JS names axe.min.js"));
    }
    let ok = std::process::Command::new("npm")
        .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
        .arg(scratch)
        .arg("axe-core@4")
        .status()
        .is_ok_and(|s| s.success());
    let file = scratch.join("node_modules/axe-core/axe.min.js");
    if !ok || !file.is_file() {
        assert!(
            std::env::var_os("DATELINE_CI").is_none(),
            "DATELINE_CI is set but axe-core could not be installed"
        );
        eprintln!("skipping the accessibility test: npm could not install axe-core");
        return None;
    }
    Some(std::fs::read_to_string(file).expect("axe.min.js"))
}

const AXE_RUN: &str = "const done = arguments[arguments.length - 1];
axe.run(document).then(r => done([r.passes.length, r.violations.map(v =>
  v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))]))
  .catch(e => done([0, ['axe failed: ' + e]]));";

impl Browser<'_> {
    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.driver.call("POST", &self.at("/goog/cdp/execute"), json!({"cmd": cmd, "params": params}))
    }

    fn scheme(&self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": value}]}),
        );
    }

    fn width(&self, width: u32) {
        let metrics = json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600});
        self.cdp("Emulation.setDeviceMetricsOverride", metrics);
    }

    /// Opens `rel` and waits for the page and its late requests.
    fn load(&self, rel: &str) {
        self.open(rel);
        wait_for(Duration::from_secs(10), || {
            (self.script("return document.readyState;") == "complete").then_some(())
        })
        .expect("page loads");
        std::thread::sleep(Duration::from_millis(300));
    }

    fn violations(&self, axe: &str) -> Vec<String> {
        if self.script("return typeof axe;") != "object" {
            self.script(&format!("{axe}\nreturn typeof axe;"));
        }
        let v = self.driver.call("POST", &self.at("/execute/async"), json!({"script": AXE_RUN, "args": []}));
        // Rules that passed: a run that checked nothing would find nothing too.
        assert!(v[0].as_u64().is_some_and(|n| n >= 10), "axe-core checked too little: {v}");
        v[1].as_array()
            .expect("a list of violations")
            .iter()
            .map(|s| s.as_str().unwrap_or("?").to_string())
            .collect()
    }

    /// A full-page PNG of what the browser shows.
    fn screenshot(&self, to: &Path) {
        let height = self.script("return document.documentElement.scrollHeight;").as_f64().unwrap_or(900.0);
        let width = self.script("return document.documentElement.clientWidth;").as_f64().unwrap_or(1280.0);
        let clip = json!({"x": 0, "y": 0, "width": width, "height": height, "scale": 1});
        let shot = self.cdp(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true, "clip": clip}),
        );
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("base64");
        assert_eq!(&png[1..4], b"PNG");
        std::fs::write(to, png).expect("write screenshot");
    }
}

/// `#0f4c81` as `getComputedStyle` writes it.
fn rgb(hex: &str) -> String {
    let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex");
    format!("rgb({}, {}, {})", v(1), v(3), v(5))
}

/// The value of a custom property in the brand block of the built stylesheet.
fn brand_var(css: &str, name: &str) -> String {
    let block = &css[css.find("/* brand, from site.yaml */").expect("the sample has a brand")..];
    let at = block.find(&format!("{name}: ")).expect(name) + name.len() + 2;
    block[at..at + 7].to_string()
}

#[test]
#[allow(clippy::print_stderr, reason = "says where the screenshots are")]
fn branded_sample_site_in_light_and_dark() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let scratch = tempfile::tempdir().expect("scratch");
    let Some(axe) = axe_source(scratch.path()) else {
        return;
    };
    let site = sample();
    let settings = dateline::config::Settings::load(site.root()).expect("settings");
    let labels: Vec<String> = settings.config.nav.iter().map(|n| n.label.clone()).collect();
    assert!(!labels.is_empty(), "the sample site sets nav");
    let css = site.read("style.css");
    let accents = [rgb(&brand_var(&css, "--accent")), rgb(&brand_var(&css, "--accent-dark"))];

    let server = Server::start(site.out());
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, &scratch.path().join("profile"));
    let b = Browser { driver: &driver, session: &session, port: server.port };
    b.load("");
    let article = b.script("return document.querySelector('.story-title a').getAttribute('href');");
    let article = article.as_str().and_then(|a| a.strip_prefix("/news/")).expect("a story link").to_string();

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let pages = [
        "",
        article.as_str(),
        "archive/",
        "2024/",
        "tags/",
        "tags/council/",
        "authors/",
        "quotes/",
        "search/",
        "about/",
        "404.html",
    ];
    for (dark, accent) in [(false, &accents[0]), (true, &accents[1])] {
        let scheme = if dark { "dark" } else { "light" };
        b.scheme(dark);
        b.width(1280);
        for page in pages {
            b.load(page);
            let at = format!("/news/{page} ({scheme})");
            let link = b.script("return getComputedStyle(document.querySelector('.social-links a')).color;");
            assert_eq!(link, accent.as_str(), "link colour on {at}");
            let nav = b.script(
                "return Array.from(document.querySelectorAll('.masthead-nav a')).map(a => a.textContent);",
            );
            assert_eq!(nav, json!(labels), "menu on {at}");
            let logo = b.script(
                "const i = document.querySelector('.masthead-logo'); return [i.alt, i.naturalWidth > 0];",
            );
            assert_eq!(logo, json!([settings.config.title, true]), "logo on {at}");
            assert_eq!(b.console_errors(), Vec::<String>::new(), "console on {at}");
            assert_eq!(b.violations(&axe), Vec::<String>::new(), "axe-core on {at}");
        }
        let paper = b.script("return getComputedStyle(document.body).backgroundColor;");
        assert_eq!(paper, rgb(if dark { "#161412" } else { "#fffdf8" }), "page background ({scheme})");
        for (name, page) in [("front", ""), ("article", article.as_str())] {
            for width in [1280, 390] {
                b.width(width);
                b.load(page);
                b.screenshot(&shots.join(format!("{name}-{width}-{scheme}.png")));
            }
        }
    }
    assert_eq!(b.script("return fetch('/news/favicon.ico').then(r => r.status);"), 200);
    eprintln!("screenshots in {}", shots.display());
}

/// The built-in look without any brand, on an article with every element the
/// stylesheet colours (pull-out, block quote, code, table, footnote) and on
/// search results with marked words: no axe-core violation, light or dark.
#[test]
fn built_in_look_passes_axe_in_both_schemes() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let scratch = tempfile::tempdir().expect("scratch");
    let Some(axe) = axe_source(scratch.path()) else {
        return;
    };
    let site = TestSite::new();
    site.article(
        "2024/bridge.md",
        "title: Council votes to fix the bridge\ndate: 2024-03-01\ntags: [council]\nauthor: Ann Roe",
        "The council met on Tuesday night to settle the bridge.\n\n\
         \"We cannot ask the ferry crews to wait through another long winter,\" said Mayor Elena Vasquez.\n\n\
         > A letter to the editor, quoted.\n\n\
         | Ward | Votes |\n|---|---|\n| North | 5 |\n\n\
         The cost[^1] is `4.2m` dollars.\n\n```\nbudget = 4.2\n```\n\n[^1]: Before tax.\n",
    );
    site.article("2024/ferry.md", "title: Ferry timetable changes\ndate: 2024-03-02", "The bridge closes.\n");
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("build");
    let html = site.read("2024/03/01/bridge/index.html");
    for part in ["class=\"pullquote\"", "<blockquote>", "<table>", "<pre>", "footnote-definition"] {
        assert!(html.contains(part), "{part} in {html}");
    }
    let server = Server::start(site.out());
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, &scratch.path().join("profile"));
    let b = Browser { driver: &driver, session: &session, port: server.port };
    for dark in [false, true] {
        b.scheme(dark);
        for page in ["", "2024/03/01/bridge/", "search/?q=bridge"] {
            b.load(page);
            if page.starts_with("search") {
                let marked = wait_for(Duration::from_secs(10), || {
                    (b.script("return document.querySelectorAll('#search-results mark').length;") != 0)
                        .then_some(())
                });
                assert!(marked.is_some(), "search results with marked words");
            }
            let at = format!("/news/{page} ({})", if dark { "dark" } else { "light" });
            assert_eq!(b.console_errors(), Vec::<String>::new(), "console on {at}");
            assert_eq!(b.violations(&axe), Vec::<String>::new(), "axe-core on {at}");
        }
    }
}
