//! `dateline deploy` to a folder target: incremental uploads, deletions,
//! dry runs, recovery after a failure, and the command line. S3 is in `s3`.

#[cfg(feature = "s3")]
mod s3;

use std::collections::BTreeMap;
use std::path::Path;

use crate::harness::TestSite;
use dateline::deploy::{DeployOptions, Summary};

const MANIFEST: &str = ".dateline-manifest.json";

/// A site of a few articles whose only target is the folder `target`.
fn site_to(target: &Path) -> TestSite {
    let site = TestSite::new();
    site.many(12);
    site.file(
        "site.yaml",
        &format!("deploy:\n  targets:\n    - name: local\n      url: \"file://{}/\"\n", target.display()),
    );
    site
}

fn deploy(site: &TestSite, options: &DeployOptions) -> Summary {
    site.build().expect("build");
    dateline::deploy::deploy(site.root(), &site.out(), options, &mut |_, _| {}).expect("deploy")
}

/// Every file of the site under `dir` and its bytes (not the build stamp,
/// which is never deployed).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !(e.depth() == 1 && e.file_name() == dateline::output::BUILD_STAMP))
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix").to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The paths whose bytes differ between two snapshots, or that only `after` has.
pub fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    after.iter().filter(|(p, b)| before.get(*p) != Some(b)).map(|(p, _)| p.clone()).collect()
}

fn without_manifest(mut files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files.remove(MANIFEST);
    files
}

#[test]
fn first_deploy_uploads_everything_and_a_second_nothing() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    let first = deploy(&site, &DeployOptions::default());
    assert_eq!(first.uploaded, site.files());
    assert!(first.deleted.is_empty());
    assert!(first.bytes_sent > 0);
    assert_eq!(without_manifest(snapshot(target.path())), snapshot(&site.out()));
    assert!(target.path().join(MANIFEST).is_file());

    let second = deploy(&site, &DeployOptions::default());
    assert!(second.uploaded.is_empty(), "{:?}", second.uploaded);
    assert!(second.deleted.is_empty());
    assert_eq!(second.unchanged, site.files().len());
    assert_eq!(second.bytes_sent, 0);

    let forced = deploy(&site, &DeployOptions { force: true, ..DeployOptions::default() });
    assert_eq!(forced.uploaded.len(), site.files().len());
}

#[test]
fn editing_one_article_uploads_it_and_the_listings_that_changed() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    deploy(&site, &DeployOptions::default());
    let before = snapshot(&site.out());
    site.article(
        "2024/story-002.md",
        "title: Story 2, corrected\ndate: 2024-01-03\ntags: [every, tag2]\nauthor: Writer 0",
        "A corrected paragraph.\n",
    );
    site.build().expect("build");
    let expected = changed(&before, &snapshot(&site.out()));
    let summary = deploy(&site, &DeployOptions::default());
    assert_eq!(summary.uploaded, expected);
    assert!(summary.uploaded.contains(&"2024/01/03/story-002/index.html".to_string()));
    assert!(summary.uploaded.contains(&"index.html".to_string()), "the front page lists the new title");
    assert!(summary.uploaded.len() < site.files().len() / 2, "{:?}", summary.uploaded);
    // Index files are named by their bytes: the ones replaced go.
    assert!(summary.deleted.iter().all(|f| f.starts_with("search/")), "{:?}", summary.deleted);
    assert_eq!(without_manifest(snapshot(target.path())), snapshot(&site.out()));
}

#[test]
fn deleting_an_article_deletes_its_files() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    deploy(&site, &DeployOptions::default());
    std::fs::remove_file(site.root().join("content/2024/story-005.md")).expect("rm");
    let summary = deploy(&site, &DeployOptions::default());
    assert!(
        summary.deleted.contains(&"2024/01/06/story-005/index.html".to_string()),
        "{:?}",
        summary.deleted
    );
    assert!(!target.path().join("2024/01/06/story-005/index.html").exists());
    assert!(!target.path().join("2024/01/06/story-005").exists(), "empty folders are removed");
    assert_eq!(without_manifest(snapshot(target.path())), snapshot(&site.out()));
}

#[test]
fn dry_run_changes_nothing() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    let dry = deploy(&site, &DeployOptions { dry_run: true, ..DeployOptions::default() });
    assert_eq!(dry.uploaded, site.files(), "the plan lists every upload");
    assert!(snapshot(target.path()).is_empty(), "nothing was written");

    deploy(&site, &DeployOptions::default());
    let deployed = snapshot(target.path());
    std::fs::remove_file(site.root().join("content/2024/story-005.md")).expect("rm");
    let dry = deploy(&site, &DeployOptions { dry_run: true, ..DeployOptions::default() });
    assert!(dry.deleted.contains(&"2024/01/06/story-005/index.html".to_string()));
    assert!(!dry.uploaded.is_empty());
    assert_eq!(snapshot(target.path()), deployed);
}

#[test]
fn files_removed_behind_its_back_come_back_and_others_are_left_alone() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    std::fs::write(target.path().join("keep-me.txt"), "not dateline's").expect("write");
    deploy(&site, &DeployOptions::default());
    std::fs::remove_file(target.path().join("style.css")).expect("rm");
    let summary = deploy(&site, &DeployOptions::default());
    assert_eq!(summary.uploaded, ["style.css"]);
    assert_eq!(summary.foreign, 1);
    assert!(target.path().join("keep-me.txt").is_file());
}

#[test]
fn a_failed_deploy_is_finished_by_the_next() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    // A file where a folder must go makes every upload under it fail.
    std::fs::write(target.path().join("tags"), "in the way").expect("write");
    site.build().expect("build");
    let err = dateline::deploy::deploy(site.root(), &site.out(), &DeployOptions::default(), &mut |_, _| {})
        .expect_err("blocked")
        .to_string();
    assert!(err.contains("uploading tags/"), "{err}");
    assert!(err.contains("run the same deploy again to finish"), "{err}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(target.path().join(MANIFEST)).expect("manifest"))
            .expect("json");
    let recorded = manifest["files"].as_object().expect("files").len();
    assert!(recorded > 0 && recorded < site.files().len(), "{recorded}");
    for path in manifest["files"].as_object().expect("files").keys() {
        assert!(target.path().join(path).is_file(), "the manifest records only what was uploaded: {path}");
    }

    std::fs::remove_file(target.path().join("tags")).expect("rm");
    let summary = deploy(&site, &DeployOptions::default());
    assert_eq!(summary.uploaded.len() + recorded, site.files().len());
    assert_eq!(without_manifest(snapshot(target.path())), snapshot(&site.out()));
}

#[test]
fn cli_prints_plan_and_summary_and_explains_mistakes() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    let out = site.cli(&["deploy", "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("would upload"), "{stdout}");
    assert!(stdout.contains("  upload index.html (new)"), "{stdout}");
    assert!(stdout.contains("dry run: nothing was changed"), "{stdout}");
    assert!(!target.path().join("index.html").exists());

    let out = site.cli(&["deploy", "--no-build", "--target", "local"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("{} uploaded", site.files().len())), "{stdout}");
    assert!(target.path().join("index.html").is_file());

    let out = site.cli(&["deploy", "--no-build", "--target", "production"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no deploy target named `production`") && stderr.contains("local"), "{stderr}");
}

#[test]
fn credentials_in_site_yaml_are_refused_and_not_repeated() {
    let site = TestSite::new();
    site.many(1).file(
        "site.yaml",
        "deploy:\n  targets:\n    - name: p\n      url: s3://bucket/site\n      secret_access_key: wJalrXUtnFEMI\n",
    );
    let out = site.cli(&["deploy"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("`secret_access_key` looks like a credential"), "{stderr}");
    assert!(stderr.contains("AWS_SECRET_ACCESS_KEY"), "{stderr}");
    assert!(!stderr.contains("wJalrXUtnFEMI"), "{stderr}");
}

#[test]
fn no_targets_is_explained() {
    let site = TestSite::new();
    site.many(1);
    let out = site.cli(&["deploy"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("site.yaml has no deploy targets"), "{stderr}");
}

#[test]
fn no_build_refuses_a_folder_not_built_for_the_site() {
    let target = tempfile::tempdir().expect("tmp");
    let site = site_to(target.path());
    let deploy_no_build = || {
        let out = site.cli(&["deploy", "--no-build"]);
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // A folder put together by hand.
    site.file("public/index.html", "<p>hand-made</p>");
    let (code, stderr) = deploy_no_build();
    assert_eq!(code, Some(1));
    assert!(stderr.contains("was not made by `dateline build`"), "{stderr}");
    assert!(stderr.contains("run `dateline build` first"), "{stderr}");
    // Built for another address, as a preview is.
    site.build_with(&dateline::BuildOptions {
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Default::default()
    })
    .expect("build");
    let (code, stderr) = deploy_no_build();
    assert_eq!(code, Some(1));
    assert!(stderr.contains("was built for http://127.0.0.1:1111/"), "{stderr}");
    assert!(stderr.contains("run `dateline build` first"), "{stderr}");
    assert!(snapshot(target.path()).is_empty(), "nothing uploaded");
    // Built for the site: deployed, without the stamp.
    site.build().expect("build");
    let (code, stderr) = deploy_no_build();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(target.path().join("index.html").is_file());
    assert!(!target.path().join(dateline::output::BUILD_STAMP).exists(), "the stamp stays home");
}
