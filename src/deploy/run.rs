//! Carrying out a plan: bounded parallel uploads, then deletions, then the
//! manifest, which records only what succeeded so that a deploy stopped
//! partway is finished by the next one.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use futures::{StreamExt, TryStreamExt};
use object_store::{Attribute, Attributes, ObjectStoreExt, PutOptions, PutPayload};

use super::plan::{Entry, Local, MANIFEST, Manifest, Plan, parse_manifest};
use super::target::{Target, explain};
use crate::error::{Error, Result};

/// What was done, even when it stopped partway.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Paths uploaded.
    pub uploaded: Vec<String>,
    /// Paths deleted.
    pub deleted: Vec<String>,
    /// Bytes sent in uploads, manifest aside.
    pub bytes: u64,
    /// Requests made, listing pages and manifest included.
    pub requests: usize,
}

/// The manifest and the size of every object under the target, by
/// site-relative path, the manifest itself aside.
pub async fn remote_state(target: &Target) -> Result<(Manifest, HashMap<String, u64>, usize)> {
    let key = target.key(MANIFEST)?;
    let manifest = match target.store.get(&key).await {
        Ok(got) => {
            parse_manifest(&got.bytes().await.map_err(|e| explain(target, "reading the manifest", &e))?)?
        }
        Err(object_store::Error::NotFound { .. }) => Manifest::default(),
        Err(e) => return Err(explain(target, "reading the manifest", &e)),
    };
    let prefix = target.root()?;
    let objects: Vec<_> = target
        .store
        .list(prefix.as_ref())
        .try_collect()
        .await
        .map_err(|e| explain(target, "listing the target", &e))?;
    let listed: HashMap<String, u64> = objects
        .iter()
        .filter_map(|m| Some((target.rel(&m.location)?.to_string(), m.size)))
        .filter(|(p, _)| p != MANIFEST)
        .collect();
    // S3 lists 1,000 keys a request; the other request is the manifest's.
    Ok((manifest, listed, 1 + objects.len() / 1000 + 1))
}

/// Uploads, deletes, then writes the manifest of what succeeded. On failure
/// the error says how much was done and that a new deploy finishes the job.
pub async fn execute(target: &Target, out: &Path, plan: &Plan, concurrency: usize) -> (Outcome, Result<()>) {
    let mut manifest = plan.manifest.clone();
    let mut outcome = Outcome::default();
    let mut failure = None;
    let mut uploads = futures::stream::iter(plan.uploads.iter().map(|(l, _)| upload(target, out, l)))
        .buffer_unordered(concurrency);
    while let Some(result) = uploads.next().await {
        outcome.requests += 1;
        match result {
            Ok((path, entry)) => {
                outcome.bytes += entry.size;
                outcome.uploaded.push(path.clone());
                manifest.files.insert(path, entry);
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    // Dropping the stream cancels uploads still in flight: they are not in
    // the manifest, so the next deploy uploads them again.
    drop(uploads);
    if failure.is_none() {
        let mut deletes = futures::stream::iter(plan.deletes.iter().map(|p| delete(target, p)))
            .buffer_unordered(concurrency);
        while let Some(result) = deletes.next().await {
            outcome.requests += 1;
            match result {
                Ok(path) => {
                    manifest.files.remove(&path);
                    outcome.deleted.push(path);
                }
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
    }
    outcome.requests += 1;
    let saved = write_manifest(target, &manifest).await;
    let result = match (failure, saved) {
        (None, saved) => saved,
        (Some(e), saved) => Err(stopped(e, &outcome, plan, saved.err())),
    };
    (outcome, result)
}

fn stopped(e: Error, outcome: &Outcome, plan: &Plan, manifest_error: Option<Error>) -> Error {
    let saved = match manifest_error {
        None => "they are recorded in the manifest".to_string(),
        Some(m) => format!("the manifest could not be saved either ({m})"),
    };
    Error::Deploy {
        message: format!(
            "{e}\nstopped after {} of {} uploads and {} of {} deletions; {saved}: run the same \
             deploy again to finish",
            outcome.uploaded.len(),
            plan.uploads.len(),
            outcome.deleted.len(),
            plan.deletes.len()
        ),
    }
}

async fn upload(target: &Target, out: &Path, l: &Local) -> Result<(String, Entry)> {
    let file = out.join(&l.path);
    let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
    let body = if l.gzip { gzip(&bytes).map_err(|e| Error::io(&file, e))? } else { bytes };
    let mut attributes = Attributes::new();
    if let Some(t) = &l.content_type {
        attributes.insert(Attribute::ContentType, t.clone().into());
    }
    if let Some(c) = &l.cache_control {
        attributes.insert(Attribute::CacheControl, c.clone().into());
    }
    if l.gzip {
        attributes.insert(Attribute::ContentEncoding, "gzip".into());
    }
    let entry = Entry {
        sha256: l.sha256.clone(),
        size: body.len() as u64,
        content_type: l.content_type.clone(),
        cache_control: l.cache_control.clone(),
        encoding: l.gzip.then(|| "gzip".to_string()),
    };
    let options = PutOptions { attributes, ..PutOptions::default() };
    target
        .store
        .put_opts(&target.key(&l.path)?, PutPayload::from(body), options)
        .await
        .map_err(|e| explain(target, &format!("uploading {}", l.path), &e))?;
    Ok((l.path.clone(), entry))
}

async fn delete(target: &Target, path: &str) -> Result<String> {
    match target.store.delete(&target.key(path)?).await {
        Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(path.to_string()),
        Err(e) => Err(explain(target, &format!("deleting {path}"), &e)),
    }
}

async fn write_manifest(target: &Target, manifest: &Manifest) -> Result<()> {
    let mut manifest = manifest.clone();
    manifest.version = 1;
    let bytes = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| Error::Deploy { message: format!("cannot write the manifest: {e}") })?;
    let mut attributes = Attributes::new();
    if target.has_headers {
        attributes.insert(Attribute::ContentType, "application/json".into());
        attributes.insert(Attribute::CacheControl, "no-store".into());
    }
    let options = PutOptions { attributes, ..PutOptions::default() };
    target
        .store
        .put_opts(&target.key(MANIFEST)?, PutPayload::from(bytes), options)
        .await
        .map(drop)
        .map_err(|e| explain(target, &format!("writing {MANIFEST}"), &e))
}

/// Gzip with no file name or time in the header, so equal input gives equal output.
fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn gzip_is_deterministic_and_reversible() {
        use std::io::Read;
        let text = "<p>hello</p>".repeat(100);
        let a = super::gzip(text.as_bytes()).unwrap();
        assert_eq!(a, super::gzip(text.as_bytes()).unwrap());
        assert!(a.len() < text.len());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&a[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
    }
}
