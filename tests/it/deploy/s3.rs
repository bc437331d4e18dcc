//! `dateline deploy` to a real S3 API: moto's server on 127.0.0.1, started
//! here and killed when the test ends. Without moto the tests say so and
//! return, unless `DATELINE_CI` is set, where they must run.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::{Attribute, ObjectStoreExt, path::Path as Key};

use super::{changed, snapshot};
use crate::harness::TestSite;

const BUCKET: &str = "news-bucket";

/// A moto server on a free port of 127.0.0.1, killed on drop.
struct Moto {
    child: Child,
    port: u16,
}

impl Moto {
    /// Starts moto, or returns `None` (outside CI) when it is not installed.
    #[expect(clippy::print_stderr, reason = "a skipped test must say so")]
    fn start(extra_env: &[(&str, &str)]) -> Option<Moto> {
        let installed = Command::new("python3").args(["-c", "import moto.server"]).output();
        if !installed.is_ok_and(|o| o.status.success()) {
            assert!(
                std::env::var_os("DATELINE_CI").is_none(),
                "moto is missing: pip install 'moto[server]' (DATELINE_CI is set)"
            );
            eprintln!("skipping the S3 deploy test: moto is missing (pip install 'moto[server]')");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("addr").port();
        let child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .envs(extra_env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let moto = Moto { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto did not start on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(moto)
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates the bucket with a plain request (moto accepts it unsigned).
    fn create_bucket(&self) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            s,
            "PUT /{BUCKET} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut reply = String::new();
        s.read_to_string(&mut reply).expect("reply");
        assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    }

    /// A client of our own, to read back what deploy stored.
    fn store(&self) -> AmazonS3 {
        AmazonS3Builder::new()
            .with_bucket_name(BUCKET)
            .with_region("us-east-1")
            .with_endpoint(self.endpoint())
            .with_allow_http(true)
            .with_access_key_id("testing")
            .with_secret_access_key("testing")
            .build()
            .expect("client")
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn s3_site(moto: &Moto) -> TestSite {
    let site = TestSite::new();
    site.many(6).file(
        "site.yaml",
        &format!(
            "deploy:\n  targets:\n    - name: moto\n      url: \"s3://{BUCKET}/news?region=us-east-1&endpoint={}\"\n  \
             cache_control:\n    - {{glob: 'search/**', value: 'no-cache'}}\n  gzip: true\n",
            moto.endpoint()
        ),
    );
    site
}

/// Runs `dateline deploy ARGS` with credentials in the environment only.
fn deploy(site: &TestSite, args: &[&str], secret: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("deploy")
        .args(args)
        .current_dir(site.root())
        .env("AWS_ACCESS_KEY_ID", "AKIATESTING")
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env("AWS_SHARED_CREDENTIALS_FILE", site.root().join("no-such-credentials"))
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .output()
        .expect("run dateline")
}

fn stdout_ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The paths a dry run plans to upload.
fn planned(stdout: &str) -> Vec<String> {
    let mut paths: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  upload "))
        .map(|l| l.rsplit_once(" (").map_or(l, |(p, _)| p).to_string())
        .collect();
    paths.sort();
    paths
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

#[test]
fn deploys_incrementally_with_headers() {
    let Some(moto) = Moto::start(&[]) else { return };
    moto.create_bucket();
    let site = s3_site(&moto);
    let total = {
        site.build().expect("build");
        site.files().len()
    };
    let dry = stdout_ok(&deploy(&site, &["--dry-run"], "s3cr3t-value"));
    assert_eq!(planned(&dry), site.files());
    let store = moto.store();
    let rt = runtime();
    let manifest = Key::from("news/.dateline-manifest.json");
    assert!(rt.block_on(store.head(&manifest)).is_err(), "a dry run writes nothing");

    let first = stdout_ok(&deploy(&site, &[], "s3cr3t-value"));
    assert!(first.contains(&format!("{total} uploaded")), "{first}");
    assert!(!first.contains("s3cr3t-value") && !first.contains("AKIATESTING"), "{first}");
    let second = stdout_ok(&deploy(&site, &[], "s3cr3t-value"));
    assert!(second.contains(&format!("0 uploaded (0 B), 0 deleted, {total} unchanged")), "{second}");

    check_headers(&rt, &store, &site);

    let before = snapshot(&site.out());
    site.article(
        "2024/story-001.md",
        "title: Story 1 updated\ndate: 2024-01-02\ntags: [every]",
        "New text.\n",
    );
    site.build().expect("build");
    let expected = changed(&before, &snapshot(&site.out()));
    let dry = stdout_ok(&deploy(&site, &["--no-build", "--dry-run"], "s3cr3t-value"));
    assert_eq!(planned(&dry), expected);
    let third = stdout_ok(&deploy(&site, &["--no-build"], "s3cr3t-value"));
    assert!(third.contains(&format!("{} uploaded", expected.len())), "{third}");

    std::fs::remove_file(site.root().join("content/2024/story-001.md")).expect("rm");
    let fourth = stdout_ok(&deploy(&site, &[], "s3cr3t-value"));
    assert!(fourth.contains("  delete 2024/01/02/story-001/index.html"), "{fourth}");
    let gone = rt.block_on(store.head(&Key::from("news/2024/01/02/story-001/index.html")));
    assert!(matches!(gone, Err(object_store::Error::NotFound { .. })), "{gone:?}");
}

/// Content types, cache rules (configured and default) and gzip, read back.
fn check_headers(rt: &tokio::runtime::Runtime, store: &AmazonS3, site: &TestSite) {
    for (path, kind, cache, gzipped) in [
        ("index.html", "text/html; charset=utf-8", "public, max-age=300", true),
        ("style.css", "text/css; charset=utf-8", "public, max-age=86400", true),
        ("feed.xml", "application/xml", "public, max-age=300", true),
        ("search/manifest.json", "application/json", "no-cache", true),
    ] {
        let got = rt.block_on(store.get(&Key::from(format!("news/{path}")))).expect(path);
        let attr = |a: Attribute| got.attributes.get(&a).map(|v| v.as_ref().to_string());
        assert_eq!(attr(Attribute::ContentType).as_deref(), Some(kind), "{path}");
        assert_eq!(attr(Attribute::CacheControl).as_deref(), Some(cache), "{path}");
        assert_eq!(attr(Attribute::ContentEncoding).as_deref(), gzipped.then_some("gzip"), "{path}");
        let body = rt.block_on(got.bytes()).expect("body");
        let mut text = String::new();
        flate2::read::GzDecoder::new(&body[..]).read_to_string(&mut text).expect("gzip");
        assert_eq!(text, site.read(path), "{path}");
    }
}

#[test]
fn wrong_credentials_give_a_clear_error_without_the_secret() {
    // With no free actions, moto checks every key against its (empty) IAM.
    let Some(moto) = Moto::start(&[("INITIAL_NO_AUTH_ACTION_COUNT", "0")]) else { return };
    let site = s3_site(&moto);
    let out = deploy(&site, &[], "wrong-s3cr3t-value");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("refused the credentials"), "{stderr}");
    assert!(stderr.contains("AWS_SECRET_ACCESS_KEY"), "{stderr}");
    assert!(!stderr.contains("wrong-s3cr3t-value") && !stderr.contains("AKIATESTING"), "{stderr}");
}
