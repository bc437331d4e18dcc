//! The preview server: watch mode into a preview folder of its own
//! (`.dateline/preview/` under the site root, never the output folder),
//! plus a small HTTP server for it, whose pages reload themselves after
//! each rebuild.
//!
//! Live reload uses Server-Sent Events: every served HTML page gets one
//! `<script>` (never the files `build` writes) that listens on
//! `/__dateline/events` and reloads the page, or shows the build error over
//! it until a fix is saved. Plain threads and std's TCP listener are enough
//! for a preview on one machine; no async runtime is needed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::watch::{self, Report, WatchOptions};

/// Where the preview is built, under the site root: never the output
/// folder, whose pages must keep the site's own base URL.
pub const PREVIEW_DIR: &str = ".dateline/preview";

/// The preview folder of the site at `root`.
pub fn preview_dir(root: &Path) -> PathBuf {
    root.join(PREVIEW_DIR)
}

const LIVE_JS: &str = include_str!("../templates/live.js");
const EVENTS: &str = "/__dateline/events";
const SCRIPT: &str = "/__dateline/live.js";

/// Settings of the preview server.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to watch and build; its output folder is not used: the preview
    /// goes to [`preview_dir`].
    pub watch: WatchOptions,
    /// Address to listen on; 127.0.0.1 unless told otherwise.
    pub bind: String,
    /// Port; 0 picks a free one.
    pub port: u16,
}

/// The last build's outcome, shared with every open page.
#[derive(Default)]
struct Live {
    state: Mutex<(u64, Option<String>)>,
    changed: Condvar,
}

impl Live {
    fn publish(&self, error: Option<String>) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.0 += 1;
        s.1 = error;
        self.changed.notify_all();
    }
}

/// Serves the site until `stop` is set; `started` gets the address being served.
pub fn run(
    options: &ServeOptions,
    stop: &Arc<AtomicBool>,
    started: &mut dyn FnMut(&str),
    report: &mut dyn FnMut(Report),
) -> Result<()> {
    let listener = TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| Error::io(Path::new(&format!("{}:{}", options.bind, options.port)), e))?;
    let addr = listener.local_addr().map_err(|e| Error::io(Path::new(&options.bind), e))?;
    let url = format!("http://{addr}/");
    let mut watch_options = options.watch.clone();
    watch_options.build.base_url = Some(url.clone());
    watch_options.out = preview_dir(&watch_options.root);
    let live = Arc::new(Live::default());
    let out = watch_options.out.clone();
    let server = {
        let (live, stop) = (Arc::clone(&live), Arc::clone(stop));
        std::thread::spawn(move || accept(&listener, &out, &live, &stop))
    };
    started(&url);
    let result = watch::run(&watch_options, stop, &mut |r| {
        match &r {
            Report::Built { .. } => live.publish(None),
            Report::Failed(e) => live.publish(Some(e.to_string())),
            Report::Notice(_) => {}
        }
        report(r);
    });
    stop.store(true, Ordering::Relaxed);
    live.publish(None);
    let _ = server.join();
    result
}

fn accept(listener: &TcpListener, out: &Path, live: &Arc<Live>, stop: &Arc<AtomicBool>) {
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, _)) => {
                let (out, live, stop) = (out.to_path_buf(), Arc::clone(live), Arc::clone(stop));
                std::thread::spawn(move || {
                    let _ = stream.set_nonblocking(false);
                    let _ = handle(stream, &out, &live, &stop);
                });
            }
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn handle(mut stream: TcpStream, out: &Path, live: &Live, stop: &AtomicBool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.by_ref().take(8192).read_line(&mut line)?;
    loop {
        let mut header = String::new();
        if reader.by_ref().take(8192).read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, 405, "text/plain", b"only GET and HEAD", method == "HEAD");
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    match path {
        EVENTS => events(stream, live, stop),
        SCRIPT => respond(&mut stream, 200, "text/javascript", LIVE_JS.as_bytes(), method == "HEAD"),
        _ => serve_file(&mut stream, out, path, method == "HEAD"),
    }
}

fn serve_file(stream: &mut TcpStream, out: &Path, path: &str, head: bool) -> std::io::Result<()> {
    let Some(file) = resolve(out, path) else {
        if !path.ends_with('/') && resolve(out, &format!("{path}/")).is_some() {
            let location = format!("{path}/");
            let msg = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
            );
            return stream.write_all(msg.as_bytes());
        }
        let body = std::fs::read(out.join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
        return respond(stream, 404, "text/html; charset=utf-8", &with_script(body), head);
    };
    let kind = content_type(&file);
    let body = std::fs::read(&file)?;
    let body = if kind.starts_with("text/html") { with_script(body) } else { body };
    respond(stream, 200, kind, &body, head)
}

/// The file a URL path names inside `out`: decoded, `..` refused, a folder
/// served by its `index.html`, and never anything outside `out` (symlinks
/// included).
pub fn resolve(out: &Path, path: &str) -> Option<PathBuf> {
    let decoded = crate::paths::percent_decode(path).filter(|d| !d.contains('\0'))?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) || decoded.contains('\\') {
        return None;
    }
    let mut file = out.join(rel);
    if decoded.ends_with('/') || decoded.is_empty() {
        file = file.join("index.html");
    }
    let real = std::fs::canonicalize(&file).ok()?;
    let root = std::fs::canonicalize(out).ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

/// Adds the live-reload script to an HTML page.
fn with_script(mut body: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\"></script>");
    let at = body.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(body.len());
    body.splice(at..at, tag.bytes());
    body
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: u16, kind: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// One Server-Sent Events stream: `reload` after each good build, `error`
/// with the message after a failed one, a comment now and then to notice
/// closed pages.
fn events(mut stream: TcpStream, live: &Live, stop: &AtomicBool) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
    )?;
    let mut state = live.state.lock().unwrap_or_else(PoisonError::into_inner);
    let mut seen = state.0;
    if let Some(e) = &state.1 {
        let msg = event("error", e);
        drop(state);
        stream.write_all(msg.as_bytes())?;
        state = live.state.lock().unwrap_or_else(PoisonError::into_inner);
    }
    while !stop.load(Ordering::Relaxed) {
        let (s, timeout) =
            live.changed.wait_timeout(state, Duration::from_secs(10)).unwrap_or_else(PoisonError::into_inner);
        state = s;
        let msg = if timeout.timed_out() || state.0 == seen {
            ": ping\n\n".to_string()
        } else {
            seen = state.0;
            match &state.1 {
                Some(e) => event("error", e),
                None => event("reload", &seen.to_string()),
            }
        };
        drop(state);
        stream.write_all(msg.as_bytes())?;
        stream.flush()?;
        state = live.state.lock().unwrap_or_else(PoisonError::into_inner);
    }
    Ok(())
}

fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.lines() {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        assert!(resolve(&out, "/a/").is_some());
        assert!(resolve(&out, "/a/index.html").is_some());
        assert!(resolve(&out, "/a").is_none(), "a folder without its slash is redirected");
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/%2e%2e/%2e%2e/secret.txt",
            "/a\\..\\..\\secret.txt",
            "/%00",
        ] {
            assert!(resolve(&out, bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt")).unwrap();
            assert!(resolve(&out, "/link.txt").is_none(), "a symlink out of the output");
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_body() {
        let page = with_script(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8(page).unwrap(),
            format!("<html><body><p>x</p><script src=\"{SCRIPT}\"></script></body></html>")
        );
    }

    #[test]
    fn events_carry_multi_line_data() {
        assert_eq!(event("error", "a\nb"), "event: error\ndata: a\ndata: b\n\n");
    }
}
