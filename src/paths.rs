//! Site-relative paths: an output path that stays inside the output folder,
//! and the output file an old URL (an article's alias) maps to.

use std::path::{Component, Path};

use crate::error::{Error, Result};

/// Checks that `rel` is a plain relative path that stays inside the output.
pub fn check_path(rel: &str) -> Result<()> {
    let unsafe_path = || Error::UnsafePath { path: rel.to_string() };
    if rel.is_empty() || rel.contains('\\') || rel.contains('\0') || rel.contains("//") {
        return Err(unsafe_path());
    }
    for c in Path::new(rel).components() {
        if !matches!(c, Component::Normal(_)) {
            return Err(unsafe_path());
        }
    }
    Ok(())
}

/// The output file for the old URL path `raw`, or why it cannot be one.
///
/// Percent-escapes are decoded before checking, so `%2e%2e/` is as refused
/// as `../`; the decoded form is what a web server would map to a file.
pub fn alias_file(raw: &str) -> Result<String, &'static str> {
    let raw = raw.trim();
    if raw.contains("://") || raw.starts_with("//") {
        return Err("is a full URL, not a path");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err("contains an encoded slash");
    }
    let decoded = percent_decode(raw).ok_or("has a broken percent-escape")?;
    if decoded.contains('\\') {
        return Err("contains a backslash");
    }
    if decoded.chars().any(char::is_control) {
        return Err("contains a control character");
    }
    if decoded.contains(':') {
        return Err("contains `:` (a drive letter or scheme)");
    }
    let path = decoded.strip_prefix('/').unwrap_or(&decoded);
    if path.starts_with('/') {
        return Err("is an absolute path");
    }
    let dir = path.ends_with('/') || path.is_empty();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Err("contains `.` or `..`");
    }
    if path.split('/').count() > segments.len() + usize::from(dir) {
        return Err("contains an empty segment (`//`)");
    }
    let joined = segments.join("/");
    let file = if joined.is_empty() {
        "index.html".to_string()
    } else if !dir && (joined.ends_with(".html") || joined.ends_with(".htm")) {
        joined
    } else {
        format!("{joined}/index.html")
    };
    check_path(&file).map_err(|_| "is not a plain path")?;
    Ok(file)
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths() {
        for ok in ["index.html", "2024/01/02/a/index.html", "tags/京都/index.html"] {
            assert!(check_path(ok).is_ok(), "{ok}");
        }
        for bad in ["", "../x", "a/../../x", "/etc/passwd", "a\\..\\b", "a//b", "./a"] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn alias_forms_map_to_files() {
        assert_eq!(alias_file("/old/path/").unwrap(), "old/path/index.html");
        assert_eq!(alias_file("old/path").unwrap(), "old/path/index.html");
        assert_eq!(alias_file("/old/story.html").unwrap(), "old/story.html");
        assert_eq!(alias_file("/caf%C3%A9/").unwrap(), "café/index.html");
        assert_eq!(alias_file("/").unwrap(), "index.html");
    }

    #[test]
    fn alias_paths_cannot_leave_the_output() {
        for bad in [
            "../x/",
            "/a/../../x/",
            "/a/./b/",
            "..\\x",
            "/a\\..\\b",
            "%2e%2e/x/",
            "/%2E%2E/%2e%2e/etc/",
            "..%2fx",
            "..%5cx",
            "%2fetc/passwd",
            "//host/x/",
            "https://example.org/x/",
            "C:/x/",
            "C:\\x",
            "/a//b/",
            "/a%00b/",
            "/a%zz/",
        ] {
            assert!(alias_file(bad).is_err(), "{bad} was accepted");
        }
    }
}
