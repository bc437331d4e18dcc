//! The `deploy:` section of `site.yaml`: named targets (their URLs parsed
//! and checked here, before anything is built), cache rules, gzip.
//!
//! Credentials never belong here: `site.yaml` is committed with the site, so
//! a key that looks like a secret is refused with a pointer to the
//! environment, before anything is built.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

/// Uploads in flight at once, unless `concurrency` says otherwise.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// `deploy:` as written in `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DeployConfig {
    /// Named places to deploy to; the first is the default.
    pub targets: Vec<TargetConfig>,
    /// `Cache-Control` by glob, tried in order before the built-in rules.
    pub cache_control: Vec<CacheRule>,
    /// Gzip text files on targets that can serve `Content-Encoding: gzip`.
    pub gzip: bool,
    /// Uploads and deletions in flight at once.
    pub concurrency: usize,
    /// Keys not known above, refused by [`DeployConfig::validate`].
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

impl Default for DeployConfig {
    fn default() -> Self {
        DeployConfig {
            targets: Vec::new(),
            cache_control: Vec::new(),
            gzip: false,
            concurrency: DEFAULT_CONCURRENCY,
            other: BTreeMap::new(),
        }
    }
}

/// One named target.
#[derive(Debug, Clone, Deserialize)]
pub struct TargetConfig {
    /// What `--target` calls it.
    pub name: String,
    /// `file:///srv/www/news/` or `s3://bucket/prefix?region=...&endpoint=...`.
    pub url: String,
    /// Keys not known above, refused by [`DeployConfig::validate`].
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// `Cache-Control: value` for files matching `glob`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheRule {
    /// `*.html`, `images/**`, `*.{png,jpg}`: without a `/` it matches the file name.
    pub glob: String,
    /// The header value, such as `public, max-age=300`.
    pub value: String,
}

impl DeployConfig {
    /// Checks names, URLs and keys; refuses anything that looks like a credential.
    pub fn validate(&self) -> Result<()> {
        let bad = |msg: String| Error::content(Path::new(super::SETTINGS_FILE), 0, 0, msg);
        check_keys("deploy", &self.other, &["targets", "cache_control", "gzip", "concurrency"])
            .map_err(bad)?;
        if !(1..=64).contains(&self.concurrency) {
            return Err(bad(format!("deploy: `concurrency` is {}; use 1 to 64", self.concurrency)));
        }
        for (i, t) in self.targets.iter().enumerate() {
            let what = format!("deploy target `{}`", t.name);
            check_keys(&what, &t.other, &["name", "url"]).map_err(bad)?;
            if t.name.trim().is_empty() {
                return Err(bad(format!("deploy target number {} has no `name`", i + 1)));
            }
            if self.targets[..i].iter().any(|o| o.name == t.name) {
                return Err(bad(format!("{what} is named twice: give each target its own name")));
            }
            TargetUrl::parse(&t.url).map_err(|m| bad(format!("{what}: {m}")))?;
        }
        for r in &self.cache_control {
            if r.glob.trim().is_empty() || r.value.trim().is_empty() {
                return Err(bad("deploy: every `cache_control` rule needs a `glob` and a `value`".into()));
            }
        }
        Ok(())
    }

    /// The target called `name`, or the first one.
    pub fn target(&self, name: Option<&str>) -> Result<&TargetConfig> {
        let bad = |msg: String| Error::Deploy { message: msg };
        let names = || self.targets.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ");
        match name {
            _ if self.targets.is_empty() => {
                Err(bad("site.yaml has no deploy targets: add `deploy: {targets: [{name: production, url: \
                 \"s3://bucket/prefix?region=...\"}]}` (see the README)"
                    .into()))
            }
            None => Ok(&self.targets[0]),
            Some(n) => self.targets.iter().find(|t| t.name == n).ok_or_else(|| {
                bad(format!("no deploy target named `{n}` in site.yaml; there are: {}", names()))
            }),
        }
    }
}

/// Whether a settings key would hold a secret.
pub(crate) fn looks_like_credential(key: &str) -> bool {
    let k = key.to_ascii_lowercase().replace('-', "_");
    ["secret", "password", "passwd", "token", "access_key", "credential", "api_key", "apikey", "signature"]
        .iter()
        .any(|w| k.contains(w))
        || k == "key"
}

/// The message for a credential found in `site.yaml` or a target URL.
pub(crate) fn credential_refusal(what: &str, key: &str) -> String {
    format!(
        "{what}: `{key}` looks like a credential, and site.yaml must not hold credentials (it is \
         published with the site's sources): remove it and set AWS_ACCESS_KEY_ID and \
         AWS_SECRET_ACCESS_KEY in the environment, or use ~/.aws/credentials"
    )
}

fn check_keys(
    what: &str,
    other: &BTreeMap<String, serde_json::Value>,
    known: &[&str],
) -> std::result::Result<(), String> {
    match other.keys().next() {
        None => Ok(()),
        Some(k) if looks_like_credential(k) => Err(credential_refusal(what, k)),
        Some(k) => Err(format!("{what}: unknown key `{k}`; known keys: {}", known.join(", "))),
    }
}

/// A parsed target URL, checked but not yet opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetUrl {
    /// A local or mounted folder.
    Folder(std::path::PathBuf),
    /// A bucket, a key prefix (no leading or trailing `/`), and connection options.
    S3 {
        /// Bucket name.
        bucket: String,
        /// Key prefix inside the bucket, possibly empty.
        prefix: String,
        /// `region`, `endpoint` and `virtual_hosted` from the query string.
        options: Vec<(String, String)>,
    },
}

const S3_OPTIONS: &[&str] = &["region", "endpoint", "virtual_hosted"];

impl TargetUrl {
    /// Parses `file:///...` or `s3://bucket/prefix?region=...&endpoint=...`.
    /// Errors never repeat the URL, which might hold a secret.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let url = url::Url::parse(text.trim())
            .map_err(|e| format!("`url` is not a URL ({e}): use file:///path/ or s3://bucket/prefix"))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(credential_refusal("the target URL", "user:password@"));
        }
        match url.scheme() {
            "file" => url
                .to_file_path()
                .map(TargetUrl::Folder)
                .map_err(|()| "a file: URL needs an absolute path, as in file:///srv/www/news/".to_string()),
            "s3" => {
                let bucket = url.host_str().unwrap_or_default().to_string();
                if bucket.is_empty() {
                    return Err("an s3: URL needs a bucket, as in s3://bucket/prefix".into());
                }
                let prefix = url.path().trim_matches('/').to_string();
                let mut options = Vec::new();
                for (k, v) in url.query_pairs() {
                    if looks_like_credential(&k) {
                        return Err(credential_refusal("the target URL", &k));
                    }
                    if !S3_OPTIONS.contains(&k.as_ref()) {
                        return Err(format!(
                            "unknown option `{k}` in the URL; known: {}",
                            S3_OPTIONS.join(", ")
                        ));
                    }
                    options.push((k.into_owned(), v.into_owned()));
                }
                Ok(TargetUrl::S3 { bucket, prefix, options })
            }
            other => Err(format!("unsupported scheme `{other}:`; use file:///path/ or s3://bucket/prefix")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn parse(yaml: &str) -> Result<Config> {
        let config: Config = crate::yaml::parse_settings(yaml, Path::new("site.yaml"))?;
        config.deploy.validate().map(|()| config)
    }

    #[test]
    fn targets_rules_and_defaults() {
        let c = parse(
            "deploy:\n  targets:\n    - name: staging\n      url: file:///srv/www/\n    - name: prod\n      \
             url: s3://b/p?region=eu-west-1\n  cache_control:\n    - {glob: '*.html', value: no-cache}\n  gzip: true\n",
        )
        .unwrap();
        assert_eq!(c.deploy.targets.len(), 2);
        assert_eq!(c.deploy.target(None).unwrap().name, "staging");
        assert_eq!(c.deploy.target(Some("prod")).unwrap().url, "s3://b/p?region=eu-west-1");
        assert!(c.deploy.gzip);
        assert_eq!(c.deploy.concurrency, DEFAULT_CONCURRENCY);
        let err = c.deploy.target(Some("nope")).unwrap_err().to_string();
        assert!(err.contains("no deploy target named `nope`") && err.contains("staging, prod"), "{err}");
        assert!(parse("title: x\n").unwrap().deploy.target(None).is_err());
    }

    #[test]
    fn credentials_are_refused_without_echoing_them() {
        for yaml in [
            "deploy:\n  targets:\n    - name: p\n      url: s3://b/\n      secret_access_key: SeCrEt123\n",
            "deploy:\n  aws_access_key_id: AKIAEXAMPLE\n",
            "deploy:\n  targets:\n    - name: p\n      url: s3://b/?secret_access_key=SeCrEt123\n",
            "deploy:\n  targets:\n    - name: p\n      url: s3://AKIA:SeCrEt123@b/\n",
        ] {
            let err = parse(yaml).unwrap_err().to_string();
            assert!(err.contains("looks like a credential") || err.contains("credentials"), "{err}");
            assert!(!err.contains("SeCrEt123") && !err.contains("AKIAEXAMPLE"), "{err}");
        }
    }

    #[test]
    fn bad_settings_are_named() {
        let err =
            parse("deploy:\n  targets:\n    - name: p\n      url: s3://b/\n      bucket: x\n").unwrap_err();
        assert!(err.to_string().contains("unknown key `bucket`"), "{err}");
        let err = parse("deploy:\n  targets:\n    - {name: p, url: 'ftp://x/'}\n").unwrap_err();
        assert!(err.to_string().contains("ftp"), "{err}");
        let err = parse(
            "deploy:\n  targets:\n    - {name: p, url: 'file:///a/'}\n    - {name: p, url: 'file:///b/'}\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("named twice"), "{err}");
        assert!(parse("deploy:\n  concurrency: 0\n").is_err());
    }
}
