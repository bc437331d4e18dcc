//! TOML front matter (`+++` fences, from Hugo and Zola sites), read into the
//! same entries as YAML front matter so the rest of the pipeline never knows
//! which language the file used.
//!
//! Zola keeps taxonomies in a `[taxonomies]` table and free values in
//! `[extra]`: both are lifted to the top level, so `[taxonomies] tags = [..]`
//! is `tags` and `[extra] location = ".."` reaches templates as
//! `page.extra.location`, as it does in Zola. A top-level key wins over a
//! lifted one of the same name.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::yaml::Entry;

/// Tables whose keys are lifted to the top level.
const LIFTED: &[&str] = &["taxonomies", "extra"];

/// Parses a TOML block whose first line is line `first_line` of `path`.
pub fn parse_front_matter(text: &str, first_line: usize, path: &Path) -> Result<Vec<Entry>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e, text, first_line, path))?;
    let lines = key_lines(text, first_line);
    let line_of = |table: &str, key: &str| {
        lines.iter().find(|(t, k, _)| t == table && k == key).map_or(first_line, |(_, _, l)| *l)
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(table.len());
    let mut lifted = Vec::new();
    for (key, value) in table {
        match value {
            toml::Value::Table(inner) if LIFTED.contains(&key.as_str()) => {
                for (k, v) in inner {
                    let line = line_of(&key, &k);
                    lifted.push(Entry { value: to_json(v), key: k, line });
                }
            }
            v => {
                let line = line_of("", &key);
                entries.push(Entry { value: to_json(v), key, line });
            }
        }
    }
    for entry in lifted {
        if !entries.iter().any(|e| e.key == entry.key) {
            entries.push(entry);
        }
    }
    Ok(entries)
}

/// YAML front matter with Zola's tables written as maps (`taxonomies:` with
/// `tags:` under it), lifted as [`parse_front_matter`] lifts TOML's: each
/// lifted key takes its table's line.
pub fn lift(entries: Vec<Entry>) -> Vec<Entry> {
    if !entries.iter().any(|e| LIFTED.contains(&e.key.as_str()) && e.value.is_object()) {
        return entries;
    }
    let (tables, mut entries): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| LIFTED.contains(&e.key.as_str()) && e.value.is_object());
    for table in tables {
        let Value::Object(inner) = table.value else { continue };
        for (key, value) in inner {
            if !entries.iter().any(|e| e.key == key) {
                entries.push(Entry { key, value, line: table.line });
            }
        }
    }
    entries
}

fn toml_error(e: &toml::de::Error, text: &str, first_line: usize, path: &Path) -> Error {
    // Bytes, not `str` slices: a span is not promised to fall on a char boundary.
    let (line, column) = e.span().map_or((first_line, 0), |span| {
        let bytes = text.as_bytes();
        let before = bytes.get(..span.start).unwrap_or(bytes);
        let line = before.iter().filter(|b| **b == b'\n').count();
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        (first_line + line, column)
    });
    let msg = e.message().trim().replace('\n', " ");
    Error::content(path, line, column, format!("invalid TOML: {msg} (text needs quotes: title = \"...\")"))
}

/// `(table, key, file line)` of every `key = value` line, where `table` is
/// the last `[header]` above it (empty at the top).
fn key_lines(text: &str, first_line: usize) -> Vec<(String, String, usize)> {
    let mut table = String::new();
    let mut found = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_start_matches('[').split(']').next().unwrap_or_default().trim().to_string();
        } else if let Some((key, _)) = line.split_once('=') {
            let key = key.trim().trim_matches(['"', '\'']).to_string();
            if !key.is_empty() && !key.starts_with('#') {
                found.push((table.clone(), key, first_line + i));
            }
        }
    }
    found
}

fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(f).map_or_else(|| Value::String(f.to_string()), Value::Number)
        }
        toml::Value::Boolean(b) => Value::Bool(b),
        // Dates go on as text, exactly as YAML dates do, for `dates::parse`.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(text: &str) -> Result<Vec<Entry>> {
        parse_front_matter(text, 2, Path::new("a.md"))
    }

    #[test]
    fn hugo_front_matter() {
        let e = parse(
            "title = \"Storm hits\"\ndate = 2013-09-14T20:46:50-04:00\ntags = [\"go\", 1.21, 47]\ncategories = [\"news\"]\n",
        )
        .unwrap();
        let got: Vec<_> = e.iter().map(|e| (e.key.as_str(), e.line)).collect();
        assert_eq!(got, [("title", 2), ("date", 3), ("tags", 4), ("categories", 5)]);
        assert_eq!(e[1].value, json!("2013-09-14T20:46:50-04:00"));
        assert_eq!(e[2].value, json!(["go", 1.21, 47]));
    }

    #[test]
    fn zola_tables_are_lifted() {
        let e = parse(
            "title = \"T\"\ndate = 2020-01-02\n\n[taxonomies]\ntags = [\"a\", \"b\"]\nauthors = [\"Ann\"]\n\n[extra]\nlocation = \"Dock\"\ntitle = \"ignored\"\nimage = { uid = \"x\" }\n",
        )
        .unwrap();
        let got: Vec<_> = e.iter().map(|e| (e.key.as_str(), e.line)).collect();
        assert_eq!(
            got,
            [("title", 2), ("date", 3), ("tags", 6), ("authors", 7), ("location", 10), ("image", 12)]
        );
        assert_eq!(e[0].value, json!("T"));
        assert_eq!(e[1].value, json!("2020-01-02"));
        assert_eq!(e[5].value, json!({"uid": "x"}));
    }

    #[test]
    fn errors_point_into_the_file() {
        let err = parse("title = \"ok\"\ndate = next week\n").unwrap_err().to_string();
        assert!(err.starts_with("a.md:3:"), "{err}");
        assert!(err.contains("invalid TOML"), "{err}");
        let err = parse("title = \"a\"\ntitle = \"b\"\n").unwrap_err().to_string();
        assert!(err.starts_with("a.md:3:"), "{err}");
        assert!(err.contains("duplicate"), "{err}");
    }
}
