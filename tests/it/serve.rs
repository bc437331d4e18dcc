//! `dateline serve`: the output over HTTP, pretty URLs, the 404 page, content
//! types, the live-reload script only in served pages, and reload or error
//! events after each rebuild.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::TestSite;

/// A running `dateline serve`, killed when dropped (and stopping by itself
/// after two minutes in any case).
pub struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    pub port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    pub fn start(site: &TestSite) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["serve", "--port", "0", "--stop-after", "120", "--root"])
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let first = lines.next().expect("a line").expect("utf-8");
        let url = first.split_whitespace().nth(1).expect("url").to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{first}");
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        let port = url.trim_end_matches('/').rsplit(':').next().expect("port").parse().expect("port number");
        let served = Served { child, url, port };
        let start = Instant::now();
        while get(port, "/").0 != 200 {
            assert!(start.elapsed() < Duration::from_secs(20), "the server never answered");
            std::thread::sleep(Duration::from_millis(100));
        }
        served
    }
}

/// Status, headers (lower-cased names) and body of a GET.
pub fn get(port: u16, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, Vec::new(), Vec::new());
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status =
        lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, raw[split + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn site() -> TestSite {
    let site = TestSite::new();
    site.article(
        "2024/harbour.md",
        "title: Harbour reopens\ndate: 2024-04-09\ntags: [harbour]",
        "The dredgers left.\n",
    );
    site.file("content/2024/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site
}

#[test]
fn serves_pretty_urls_types_and_the_404_page() {
    let site = site();
    let served = Served::start(&site);
    let (status, headers, body) = get(served.port, "/2024/04/09/harbour/");
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "text/html; charset=utf-8");
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("Harbour reopens"));
    assert!(body.contains("<script src=\"/__dateline/live.js\"></script></body>"), "script injected");
    // Never into what is written to disk.
    let preview = site.root().join(".dateline/preview/2024/04/09/harbour/index.html");
    assert!(!std::fs::read_to_string(preview).expect("preview page").contains("__dateline"));
    let (status, headers, _) = get(served.port, "/2024/04/09/harbour");
    assert_eq!((status, header(&headers, "location")), (301, "/2024/04/09/harbour/"));
    let (status, headers, _) = get(served.port, "/2024/map.svg");
    assert_eq!((status, header(&headers, "content-type")), (200, "image/svg+xml"));
    let (status, headers, _) = get(served.port, "/style.css");
    assert_eq!((status, header(&headers, "content-type")), (200, "text/css; charset=utf-8"));
    let (status, _, body) = get(served.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("Page not found"));
    for escape in ["/../content/2024/harbour.md", "/%2e%2e/content/2024/harbour.md"] {
        assert_eq!(get(served.port, escape).0, 404, "{escape}");
    }
    let (status, headers, body) = get(served.port, "/__dateline/live.js");
    assert_eq!((status, header(&headers, "content-type")), (200, "text/javascript"));
    assert!(String::from_utf8_lossy(&body).contains("EventSource"));
}

/// Reads server-sent events until one named `name` arrives; returns its data.
fn next_event(reader: &mut impl BufRead, name: &str) -> String {
    let mut current = String::new();
    let mut data = String::new();
    loop {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).expect("read event") > 0, "stream closed");
        let line = line.trim_end_matches(['\r', '\n']);
        if let Some(n) = line.strip_prefix("event: ") {
            current = n.to_string();
        } else if let Some(d) = line.strip_prefix("data: ") {
            data.push_str(d);
            data.push('\n');
        } else if line.is_empty() && !current.is_empty() {
            if current == name {
                return data;
            }
            current.clear();
            data.clear();
        }
    }
}

#[test]
fn pages_hear_of_rebuilds_and_of_errors() {
    let site = site();
    let served = Served::start(&site);
    let mut stream = TcpStream::connect(("127.0.0.1", served.port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    stream.write_all(b"GET /__dateline/events HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status).expect("status");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    std::thread::sleep(Duration::from_millis(300));

    site.article(
        "2024/harbour.md",
        "title: Harbour reopens at last\ndate: 2024-04-09",
        "The dredgers left.\n",
    );
    next_event(&mut reader, "reload");
    assert!(
        String::from_utf8_lossy(&get(served.port, "/2024/04/09/harbour/").2)
            .contains("Harbour reopens at last")
    );

    site.article("2024/broken.md", "title: Broken\ndate: not a date", "x\n");
    let error = next_event(&mut reader, "error");
    assert!(error.contains("content/2024/broken.md:3:1: `date`"), "{error}");
    std::fs::remove_file(site.root().join("content/2024/broken.md")).expect("fix");
    next_event(&mut reader, "reload");
}

#[test]
fn the_preview_has_its_own_folder_and_never_touches_the_output() {
    let site = site();
    site.file("site.yaml", "title: The Ledger\nbase_url: https://ledger.example.org/\n");
    site.build().expect("build");
    let published = crate::harness::tree(&site.out());
    let served = Served::start(&site);
    let body = String::from_utf8_lossy(&get(served.port, "/2024/04/09/harbour/").2).into_owned();
    assert!(
        body.contains(&format!("href=\"{}2024/04/09/harbour/\"", served.url)),
        "canonical to the preview"
    );
    // A rebuild goes to the preview too.
    site.article("2024/harbour.md", "title: Harbour reopens again\ndate: 2024-04-09", "Later.\n");
    let start = Instant::now();
    while !String::from_utf8_lossy(&get(served.port, "/2024/04/09/harbour/").2).contains("reopens again") {
        assert!(start.elapsed() < Duration::from_secs(20), "no rebuild");
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(served);
    let preview = site.root().join(".dateline/preview");
    let page = std::fs::read_to_string(preview.join("2024/04/09/harbour/index.html")).expect("preview page");
    assert!(page.contains("http://127.0.0.1:") && page.contains("reopens again"));
    assert_eq!(crate::harness::tree(&site.out()), published, "public/ is byte for byte as built");
    assert!(!site.read("sitemap.xml").contains("127.0.0.1"));
}

#[test]
fn serving_a_site_never_built_writes_no_output_folder() {
    let site = site();
    let served = Served::start(&site);
    assert_eq!(get(served.port, "/2024/04/09/harbour/").0, 200);
    drop(served);
    assert!(!site.out().exists(), "no public/ from a preview");
}
