//! The search page in headless Chromium, driven through chromedriver's
//! WebDriver HTTP API with nothing but std::net. The fixture site is built
//! under the sub-path `/news/` and served by a tiny static server in the test.
//!
//! Needs the Debian packages `chromium` and `chromium-driver`: with
//! `DATELINE_CI` set the test fails without them; otherwise it says so and passes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::TestSite;
use dateline::BuildOptions;

const CHROMIUM: &str = "/usr/bin/chromium";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, when it and Chromium are installed; under `DATELINE_CI`
/// their absence fails the test.
#[allow(clippy::print_stderr, reason = "tells why the test did nothing")]
pub(crate) fn browser() -> Option<PathBuf> {
    let found = chromedriver().filter(|_| Path::new(CHROMIUM).exists());
    if found.is_none() {
        assert!(
            std::env::var_os("DATELINE_CI").is_none(),
            "DATELINE_CI is set but chromium or chromedriver is missing: apt-get install -y chromium chromium-driver"
        );
        eprintln!("skipping the browser test: chromium or chromedriver is not installed");
    }
    found
}

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].iter().map(PathBuf::from).find(|p| p.exists())
}

/// Serves `root` at `/news/` on 127.0.0.1 until dropped.
pub(crate) struct Server {
    pub(crate) port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn start(root: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => serve(stream, &root),
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Server { port, stop, thread: Some(thread) }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream, root: &Path) {
    let _ = stream.set_nonblocking(false);
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = path.strip_prefix("/news/").map(|rel| {
        let rel = percent_decode(rel);
        let file = root.join(&rel);
        if rel.is_empty() || rel.ends_with('/') { file.join("index.html") } else { file }
    });
    let (status, body, kind) = match file.filter(|_| !path.contains("..")).map(std::fs::read) {
        Some(Ok(bytes)) => {
            let kind = match Path::new(path).extension().and_then(|e| e.to_str()) {
                Some("js") => "text/javascript",
                Some("json") => "application/json",
                Some("css") => "text/css",
                Some("ico") => "image/x-icon",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                _ => "text/html; charset=utf-8",
            };
            ("200 OK", bytes, kind)
        }
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn percent_decode(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match (b[i], s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A chromedriver process, killed when dropped.
pub(crate) struct Driver {
    port: u16,
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    pub(crate) fn start(binary: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver { port, child };
        let ready = wait_for(Duration::from_secs(30), || {
            driver.try_call("GET", "/status", None).filter(|v| v["value"]["ready"] == true)
        });
        assert!(ready.is_some(), "chromedriver did not become ready");
        driver
    }

    fn try_call(&self, method: &str, path: &str, body: Option<&Value>) -> Option<Value> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        let body = body.map(Value::to_string).unwrap_or_default();
        // chromedriver speaks HTTP/1.1 only; answers carry a Content-Length.
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).ok()?;
        let mut reader = BufReader::new(stream);
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).ok()?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().ok()?;
                }
            }
        }
        let mut json = vec![0; length];
        reader.read_exact(&mut json).ok()?;
        serde_json::from_slice(&json).ok()
    }

    pub(crate) fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let v =
            self.try_call(method, path, Some(&body)).unwrap_or_else(|| panic!("{method} {path}: no answer"));
        assert!(v["value"]["error"].is_null(), "{method} {path}: {v}");
        v["value"].clone()
    }
}

/// A browser session, ended (closing Chromium) when dropped, even when an
/// assertion fails, so no browser outlives the test.
pub(crate) struct Session<'a> {
    driver: &'a Driver,
    pub(crate) id: String,
}

impl<'a> Session<'a> {
    /// A headless Chromium with a fresh profile in `profile`.
    pub(crate) fn open(driver: &'a Driver, profile: &Path) -> Session<'a> {
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:loggingPrefs": {"browser": "ALL"}, "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     format!("--user-data-dir={}", profile.display())],
        }}}});
        let session = driver.call("POST", "/session", caps);
        Session { driver, id: session["sessionId"].as_str().expect("session id").to_string() }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self.driver.try_call("DELETE", &format!("/session/{}", self.id), None);
    }
}

pub(crate) fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(v) = f() {
            return Some(v);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn fixture() -> TestSite {
    let site = TestSite::new();
    site.article(
        "a.md",
        "title: Harbour dredging approved\ndate: 2024-01-10\ntags: [harbour, council]",
        "The council voted to dredge the channel.\n\nIn paragraph nine, the old ferry's mattress was \
         finally moved off the slipway.\n",
    )
    .article(
        "b.md",
        "title: Harbour festival returns\ndate: 2024-02-20\nauthor: Zoë Ørsted",
        "Boats & <b>bands</b> on the quay. The road bond vote passed.\n",
    )
    .article(
        "c.md",
        "title: Café opens on Mill Street\ndate: 2024-03-01\ntags: [council]",
        "Coffee at last. A bond for the road was discussed.\n",
    )
    .article(
        "d.md",
        "title: \"<img src=x onerror=window.pwned=1> Tide report\"\ndate: 2023-05-01",
        "The tide was `<img src=x onerror=window.pwned=2>` high.\n",
    );
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("build");
    site
}

/// The status line, then per result: link, headline, date, excerpt text and
/// the words marked in it.
const RESULTS: &str = "return [document.getElementById('search-status').textContent, \
    Array.from(document.querySelectorAll('#search-results li')).map(li => [\
    li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent, \
    li.querySelector('time').textContent, li.querySelector('.search-excerpt').textContent, \
    Array.from(li.querySelectorAll('mark')).map(m => m.textContent)])];";

/// A browser on the fixture site, with helpers for the search page.
pub(crate) struct Browser<'a> {
    pub(crate) driver: &'a Driver,
    pub(crate) session: &'a Session<'a>,
    pub(crate) port: u16,
}

impl Browser<'_> {
    pub(crate) fn at(&self, p: &str) -> String {
        format!("/session/{}{p}", self.session.id)
    }

    pub(crate) fn open(&self, rel: &str) {
        let url = format!("http://127.0.0.1:{}/news/{rel}", self.port);
        self.driver.call("POST", &self.at("/url"), json!({ "url": url }));
    }

    pub(crate) fn script(&self, js: &str) -> Value {
        self.driver.call("POST", &self.at("/execute/sync"), json!({"script": js, "args": []}))
    }

    fn element(&self, css: &str) -> String {
        let e =
            self.driver.call("POST", &self.at("/element"), json!({"using": "css selector", "value": css}));
        e[ELEMENT].as_str().unwrap_or_else(|| panic!("element id: {e}")).to_string()
    }

    fn type_in(&self, css: &str, text: &str) {
        let input = self.element(css);
        self.driver.call("POST", &self.at(&format!("/element/{input}/clear")), json!({}));
        self.driver.call("POST", &self.at(&format!("/element/{input}/value")), json!({ "text": text }));
    }

    /// The results once the status line holds `expect`.
    fn results(&self, expect: &str) -> Value {
        wait_for(Duration::from_secs(15), || {
            let v = self.script(RESULTS);
            v[0].as_str().is_some_and(|st| st.contains(expect)).then_some(v)
        })
        .unwrap_or_else(|| panic!("no `{expect}`: {}", self.script(RESULTS)))
    }

    /// Console messages of level SEVERE since the last call.
    pub(crate) fn console_errors(&self) -> Vec<String> {
        let log = self.driver.call("POST", &self.at("/se/log"), json!({"type": "browser"}));
        log.as_array()
            .map(|l| l.iter().filter(|e| e["level"] == "SEVERE").map(|e| e["message"].to_string()).collect())
            .unwrap_or_default()
    }
}

fn titles(v: &Value) -> Vec<String> {
    let mut t: Vec<String> = v[1].as_array().expect("results").iter().map(|r| r[1].to_string()).collect();
    t.sort();
    t
}

#[test]
fn search_page_finds_stories_as_one_types() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let site = fixture();
    let server = Server::start(site.out());
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, profile.path());
    let b = Browser { driver: &driver, session: &session, port: server.port };
    b.open("search/");

    // A prefix finds both harbour stories, under /news/.
    b.type_in("#search-input", "harb");
    let v = b.results("2 stories match “harb”.");
    assert_eq!(titles(&v), ["\"Harbour dredging approved\"", "\"Harbour festival returns\""]);
    let festival = v[1].as_array().expect("results").iter().find(|r| r[0] == "/news/2024/02/20/b/").cloned();
    let festival = festival.expect("festival story");
    assert_eq!(festival[2], "February 20, 2024");
    assert_eq!(festival[3], "Boats & bands on the quay. The road bond vote passed.");
    // Words are ANDed; only the last one matches as a prefix.
    b.type_in("#search-input", "harbour dredg");
    let v = b.results("1 story matches “harbour dredg”.");
    assert_eq!(v[1][0][1], "Harbour dredging approved");
    // Authors are searchable, accents folded on both sides.
    b.type_in("#search-input", "zoe orsted");
    let v = b.results("1 story matches “zoe orsted”.");
    assert_eq!(v[1][0][1], "Harbour festival returns");
    b.type_in("#search-input", "CAFÉ");
    let v = b.results("1 story matches “CAFÉ”.");
    assert_eq!(v[1][0][0], "/news/2024/03/01/c/");
    b.type_in("#search-input", "nothingmatches");
    let v = b.results("No stories match “nothingmatches”.");
    assert_eq!(v[1], json!([]));
}

#[test]
fn full_text_search_marks_stems_phrases_and_filters() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let site = fixture();
    let server = Server::start(site.out());
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, profile.path());
    let b = Browser { driver: &driver, session: &session, port: server.port };

    // Loaded straight from a URL: a word of paragraph nine, marked.
    b.open("search/?q=mattress");
    let v = b.results("1 story matches “mattress”.");
    assert_eq!(v[1][0][1], "Harbour dredging approved");
    assert_eq!(v[1][0][4], json!(["mattress"]));
    assert!(v[1][0][3].as_str().is_some_and(|t| t.contains("mattress was finally moved")), "{v}");
    assert_eq!(b.script("return document.getElementById('search-input').value;"), "mattress");

    // Another form of the word: `dredged` is not in the text, `dredge` is.
    b.type_in("#search-input", "dredged");
    let v = b.results("1 story matches “dredged”.");
    assert_eq!(v[1][0][1], "Harbour dredging approved");
    assert_eq!(v[1][0][4], json!(["dredge"]));
    let url = b.script("return location.search;");
    assert_eq!(url, "?q=dredged");

    // A phrase, against the same two words apart.
    b.type_in("#search-input", "road bond ");
    let v = b.results("2 stories match “road bond”.");
    assert_eq!(titles(&v), ["\"Café opens on Mill Street\"", "\"Harbour festival returns\""]);
    b.type_in("#search-input", "\"road bond\"");
    let v = b.results("1 story matches “\"road bond\"”.");
    assert_eq!(v[1][0][1], "Harbour festival returns");
    assert_eq!(v[1][0][4], json!(["road", "bond"]));

    // A tag filter from the URL, then from its button.
    b.open("search/?q=council&tag=harbour");
    let v = b.results("1 story matches “council”, topic harbour.");
    assert_eq!(v[1][0][1], "Harbour dredging approved");
    b.open("search/?q=council");
    b.results("2 stories match “council”.");
    let button = b.element("button[data-key='tag:harbour']");
    assert_eq!(
        b.script("return document.querySelector(\"button[data-key='tag:harbour']\").textContent;"),
        "harbour (1)"
    );
    driver.call("POST", &b.at(&format!("/element/{button}/click")), json!({}));
    b.results("1 story matches “council”, topic harbour.");
    assert_eq!(b.script("return location.search;"), "?q=council&tag=harbour");
    let focused = b.script("return document.activeElement.getAttribute('data-key');");
    assert_eq!(focused, "tag:harbour", "focus stays on the button");
    assert_eq!(b.script("return document.activeElement.getAttribute('aria-pressed');"), "true");
}

#[test]
fn article_text_never_becomes_markup_and_pages_log_no_errors() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let site = fixture();
    let server = Server::start(site.out());
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, profile.path());
    let b = Browser { driver: &driver, session: &session, port: server.port };

    b.open("search/?q=tide");
    let v = b.results("1 story matches “tide”.");
    assert_eq!(v[1][0][1], "<img src=x onerror=window.pwned=1> Tide report");
    assert!(v[1][0][3].as_str().is_some_and(|t| t.contains("<img src=x onerror=window.pwned=2>")), "{v}");
    assert_eq!(b.script("return document.querySelectorAll('#search-results img').length;"), 0);
    assert_eq!(b.script("return window.pwned === undefined;"), true);
    assert_eq!(b.console_errors(), Vec::<String>::new(), "search page");

    for page in ["", "2024/01/10/a/", "search/", "search/?q=harbour+council&sort=newest"] {
        b.open(page);
        wait_for(Duration::from_secs(5), || {
            (b.script("return document.readyState;") == "complete").then_some(())
        });
        // Let late requests (the icon, the index) finish.
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(b.console_errors(), Vec::<String>::new(), "/news/{page}");
    }
    let icon = b.script("return fetch('/news/favicon.ico').then(r => r.status);");
    assert_eq!(icon, 200);
}

/// An article open in the browser through `dateline serve` shows a new title
/// after the file changes on disk, with no action in the page; a build
/// error shows over the page until it is fixed.
#[test]
fn an_open_page_follows_its_file_through_serve() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let site = TestSite::new();
    site.article("2024/harbour.md", "title: Harbour reopens\ndate: 2024-04-09", "The dredgers left.\n");
    let served = crate::serve::Served::start(&site);
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, profile.path());
    let s = |p: &str| format!("/session/{}{p}", session.id);
    let url = format!("{}2024/04/09/harbour/", served.url);
    driver.call("POST", &s("/url"), json!({ "url": url }));
    let script = |js: &str| driver.call("POST", &s("/execute/sync"), json!({"script": js, "args": []}));
    let headline = "return (document.querySelector('h1.headline') || {}).textContent || '';";
    assert_eq!(script(headline), "Harbour reopens");
    // The page must be listening before the file changes.
    let listening = wait_for(Duration::from_secs(15), || {
        (script("return document.documentElement.getAttribute('data-dateline-live');") == "open")
            .then_some(())
    });
    assert!(listening.is_some(), "the page never opened its event stream");

    site.article(
        "2024/harbour.md",
        "title: Harbour reopens at last\ndate: 2024-04-09",
        "The dredgers left.\n",
    );
    let changed =
        wait_for(Duration::from_secs(20), || (script(headline) == "Harbour reopens at last").then_some(()));
    assert!(changed.is_some(), "the open page did not reload with the new title");

    site.article("2024/broken.md", "title: Broken\ndate: never", "x\n");
    let overlay = "return (document.getElementById('dateline-error') || {}).textContent || '';";
    let shown = wait_for(Duration::from_secs(20), || {
        script(overlay).as_str().filter(|t| t.contains("content/2024/broken.md")).map(str::to_string)
    });
    assert!(shown.is_some(), "the build error was not shown over the page");
    std::fs::remove_file(site.root().join("content/2024/broken.md")).expect("fix");
    let cleared =
        wait_for(Duration::from_secs(20), || script(overlay).as_str().filter(|t| t.is_empty()).map(drop));
    assert!(cleared.is_some(), "the error stayed after the fix");
}

#[test]
fn chinese_and_japanese_are_found_without_spaces_between_words() {
    let Some(driver_bin) = browser() else {
        return;
    };
    let site = TestSite::new();
    site.file("site.yaml", "title: Ledger\nlanguage: ja\n")
        .article("a.md", "title: 港湾の工事\ndate: 2024-01-10", "港の工事が始まった。市長は説明した。\n")
        .article("b.md", "title: 祭り\ndate: 2024-02-10", "夏祭りが戻ってきた。\n");
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("build");
    let server = Server::start(site.out());
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = Driver::start(&driver_bin);
    let session = Session::open(&driver, profile.path());
    let b = Browser { driver: &driver, session: &session, port: server.port };

    b.open("search/?q=工事");
    let v = b.results("1 story matches “工事”.");
    assert_eq!(v[1][0][1], "港湾の工事");
    assert_eq!(v[1][0][4], json!(["工事"]), "{v}");
    // Two words run together, as Japanese writes them: every pair must be there.
    b.type_in("#search-input", "工事が始まった");
    let v = b.results("1 story matches “工事が始まった”.");
    assert!(v[1][0][3].as_str().is_some_and(|t| t.contains("工事が始まった")), "{v}");
    b.type_in("#search-input", "祭り");
    let v = b.results("1 story matches “祭り”.");
    assert_eq!(v[1][0][1], "祭り");
    assert_eq!(b.console_errors(), Vec::<String>::new());
}
