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
fn browser() -> Option<PathBuf> {
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
struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(root: PathBuf) -> Server {
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
struct Driver {
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
    fn start(binary: &Path) -> Driver {
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

    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let v =
            self.try_call(method, path, Some(&body)).unwrap_or_else(|| panic!("{method} {path}: no answer"));
        assert!(v["value"]["error"].is_null(), "{method} {path}: {v}");
        v["value"].clone()
    }
}

/// A browser session, ended (closing Chromium) when dropped, even when an
/// assertion fails, so no browser outlives the test.
struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl<'a> Session<'a> {
    /// A headless Chromium with a fresh profile in `profile`.
    fn open(driver: &'a Driver, profile: &Path) -> Session<'a> {
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
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

fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
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
        "title: Harbour dredging approved\ndate: 2024-01-10\ntags: [harbour]",
        "The council voted to dredge the channel.\n",
    )
    .article(
        "b.md",
        "title: Harbour festival returns\ndate: 2024-02-20\nauthor: Zoë Ørsted",
        "Boats & <b>bands</b> on the quay.\n",
    )
    .article("c.md", "title: Café opens on Mill Street\ndate: 2024-03-01", "Coffee at last.\n");
    site.build_with(&BuildOptions { base_url: Some("/news/".into()), ..BuildOptions::default() })
        .expect("build");
    site
}

const RESULTS: &str = "return [document.getElementById('search-status').textContent, \
    Array.from(document.querySelectorAll('#search-results li')).map(li => [\
    li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent, \
    li.querySelector('time').textContent, li.querySelector('.story-summary').textContent])];";

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
    let sid = session.id.clone();
    let s = |p: &str| format!("/session/{sid}{p}");
    let url = format!("http://127.0.0.1:{}/news/search/", server.port);
    driver.call("POST", &s("/url"), json!({ "url": url }));
    let input =
        driver.call("POST", &s("/element"), json!({"using": "css selector", "value": "#search-input"}));
    let input = input[ELEMENT].as_str().unwrap_or_else(|| panic!("element id: {input}")).to_string();
    let results_for = |typed: &str, expect: &str| -> Value {
        driver.call("POST", &s(&format!("/element/{input}/value")), json!({ "text": typed }));
        wait_for(Duration::from_secs(15), || {
            let v = driver.call("POST", &s("/execute/sync"), json!({"script": RESULTS, "args": []}));
            v[0].as_str().is_some_and(|st| st.contains(expect)).then_some(v)
        })
        .unwrap_or_else(|| panic!("no `{expect}` after typing {typed:?}"))
    };

    // A prefix finds both harbour stories, newest first, under /news/.
    let v = results_for("harb", "2 stories match “harb”.");
    assert_eq!(
        v[1],
        json!([
            [
                "/news/2024/02/20/b/",
                "Harbour festival returns",
                "February 20, 2024",
                "Boats & bands on the quay."
            ],
            [
                "/news/2024/01/10/a/",
                "Harbour dredging approved",
                "January 10, 2024",
                "The council voted to dredge the channel."
            ],
        ])
    );
    // Words are ANDed.
    let v = results_for(" dredg", "1 story matches “harb dredg”.");
    assert_eq!(v[1][0][1], "Harbour dredging approved");
    // Authors are searchable, accents folded on both sides.
    driver.call("POST", &s(&format!("/element/{input}/clear")), json!({}));
    let v = results_for("zoe orsted", "1 story matches “zoe orsted”.");
    assert_eq!(v[1][0][1], "Harbour festival returns");
    driver.call("POST", &s(&format!("/element/{input}/clear")), json!({}));
    let v = results_for("CAFÉ", "1 story matches “CAFÉ”.");
    assert_eq!(v[1][0][0], "/news/2024/03/01/c/");
    driver.call("POST", &s(&format!("/element/{input}/clear")), json!({}));
    let v = results_for("nothingmatches", "No stories match “nothingmatches”.");
    assert_eq!(v[1], json!([]));
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
