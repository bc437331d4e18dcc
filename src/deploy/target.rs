//! Where a site is deployed: a folder or an S3-compatible bucket, parsed from
//! a target URL and opened as an `object_store` store.

use std::sync::Arc;

use object_store::ObjectStore;
use object_store::path::Path as StorePath;

use crate::config::deploy::TargetUrl;
use crate::error::{Error, Result};

/// An opened target.
pub struct Target {
    /// The store, rooted at the bucket (S3) or the folder (file).
    pub store: Arc<dyn ObjectStore>,
    /// Where the site lives inside the store.
    pub prefix: String,
    /// Whether objects keep `Content-Type`, `Cache-Control` and `Content-Encoding`.
    pub has_headers: bool,
    /// How to name it in messages: the URL without its query.
    pub display: String,
}

impl Target {
    /// Opens `url`; credentials for S3 come from the environment or the
    /// shared credentials file, never from the URL.
    pub fn open(url: &TargetUrl) -> Result<Self> {
        match url {
            TargetUrl::Folder(path) => {
                std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
                let store = object_store::local::LocalFileSystem::new_with_prefix(path)
                    .map_err(|e| {
                        deploy_error(&format!("cannot open {}: {}", path.display(), scrub(&e.to_string())))
                    })?
                    .with_automatic_cleanup(true);
                Ok(Target {
                    store: Arc::new(store),
                    prefix: String::new(),
                    has_headers: false,
                    display: format!("{}/", path.display().to_string().trim_end_matches('/')),
                })
            }
            TargetUrl::S3 { bucket, prefix, options } => open_s3(bucket, prefix, options),
        }
    }

    /// The store path of a site-relative path.
    pub fn key(&self, rel: &str) -> Result<StorePath> {
        let full = if self.prefix.is_empty() { rel.to_string() } else { format!("{}/{rel}", self.prefix) };
        StorePath::parse(&full).map_err(|e| deploy_error(&format!("cannot name `{rel}` on the target: {e}")))
    }

    /// The store path of the prefix, if there is one, for listing.
    pub fn root(&self) -> Result<Option<StorePath>> {
        if self.prefix.is_empty() {
            return Ok(None);
        }
        StorePath::parse(&self.prefix)
            .map(Some)
            .map_err(|e| deploy_error(&format!("the target prefix is not a valid key: {e}")))
    }

    /// The site-relative path of a store path, if it is under the prefix.
    pub fn rel<'a>(&self, key: &'a StorePath) -> Option<&'a str> {
        let key = key.as_ref();
        if self.prefix.is_empty() {
            return Some(key);
        }
        key.strip_prefix(self.prefix.as_str())?.strip_prefix('/')
    }
}

#[cfg(feature = "s3")]
fn open_s3(bucket: &str, prefix: &str, options: &[(String, String)]) -> Result<Target> {
    use object_store::aws::AmazonS3Builder;
    let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
    if std::env::var_os("AWS_ACCESS_KEY_ID").is_none() {
        if let Some((id, secret, token)) = super::credentials::from_file() {
            builder = builder.with_access_key_id(id).with_secret_access_key(secret);
            if let Some(token) = token {
                builder = builder.with_token(token);
            }
        }
    }
    for (k, v) in options {
        builder = match k.as_str() {
            "region" => builder.with_region(v),
            "endpoint" => builder.with_endpoint(v).with_allow_http(v.starts_with("http://")),
            _ => builder.with_virtual_hosted_style_request(v == "true"),
        };
    }
    let store = builder
        .build()
        .map_err(|e| deploy_error(&format!("cannot open s3://{bucket}: {}", scrub(&e.to_string()))))?;
    Ok(Target {
        store: Arc::new(store),
        prefix: prefix.to_string(),
        has_headers: true,
        display: format!("s3://{bucket}/{prefix}"),
    })
}

#[cfg(not(feature = "s3"))]
fn open_s3(bucket: &str, _prefix: &str, _options: &[(String, String)]) -> Result<Target> {
    Err(deploy_error(&format!(
        "s3://{bucket}: this dateline was built without S3 support; rebuild it with the default \
         features (cargo install dateline, without --no-default-features)"
    )))
}

/// A deploy error with a message.
pub(crate) fn deploy_error(message: &str) -> Error {
    Error::Deploy { message: message.to_string() }
}

/// Explains a storage error for `doing` (e.g. "uploading index.html"),
/// with credentials scrubbed from whatever the store reported.
pub(crate) fn explain(target: &Target, doing: &str, e: &object_store::Error) -> Error {
    let detail = scrub(&e.to_string());
    let hint = match e {
        object_store::Error::PermissionDenied { .. } | object_store::Error::Unauthenticated { .. } => {
            "the storage refused the credentials or the permission: check AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY (or ~/.aws/credentials) and the bucket's policy"
        }
        _ if detail.contains("InvalidAccessKeyId") || detail.contains("SignatureDoesNotMatch") => {
            "the storage refused the credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \
             (or ~/.aws/credentials)"
        }
        _ if detail.contains("NoSuchBucket") => "the bucket does not exist: create it, or fix the target URL",
        _ => "check the target URL, the network and the permissions",
    };
    deploy_error(&format!("{}: {doing} failed: {hint} ({detail})", target.display))
}

/// Removes the values of credential variables from a message.
pub(crate) fn scrub(message: &str) -> String {
    let mut out = message.to_string();
    for var in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_TOKEN"] {
        if let Ok(v) = std::env::var(var) {
            if v.len() >= 4 {
                out = out.replace(&v, "***");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(TargetUrl::parse("file:///srv/www/").unwrap(), TargetUrl::Folder("/srv/www/".into()));
        let s3 = TargetUrl::parse("s3://bucket/news/site/?region=eu-west-1&endpoint=http://127.0.0.1:9000")
            .unwrap();
        let TargetUrl::S3 { bucket, prefix, options } = s3 else { panic!("s3") };
        assert_eq!((bucket.as_str(), prefix.as_str()), ("bucket", "news/site"));
        assert_eq!(options[1], ("endpoint".into(), "http://127.0.0.1:9000".into()));
        assert!(TargetUrl::parse("s3:///x").is_err());
        assert!(
            TargetUrl::parse("https://example.org/").unwrap_err().contains("unsupported scheme `https:`")
        );
        assert!(TargetUrl::parse("s3://b/?acl=public").unwrap_err().contains("unknown option `acl`"));
    }
}
