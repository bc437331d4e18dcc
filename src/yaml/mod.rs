//! The one place that parses YAML: front-matter blocks and `site.yaml`.
//!
//! Front matter comes back as ordered entries of JSON values with the line of
//! each key in the `.md` file, so later stages can point at the exact line
//! without knowing anything about YAML.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, Result};

/// One top-level `key: value` of a front-matter block.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// The value, converted to JSON (YAML dates stay strings).
    pub value: Value,
    /// Line of the key in the source file (from 1).
    pub line: usize,
}

/// Parses a front-matter block whose first line is line `first_line` of `path`.
pub fn parse_front_matter(text: &str, first_line: usize, path: &Path) -> Result<Vec<Entry>> {
    let lines = key_lines(text, first_line, path)?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let line_of = |key: &str| lines.iter().find(|(name, _)| name == key).map_or(first_line, |(_, l)| *l);
    let parsed: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| yaml_error(&e, first_line, path))?;
    let map = match parsed {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => return Ok(Vec::new()),
        _ => {
            return Err(Error::content(
                path,
                first_line,
                1,
                "front matter must be a list of `key: value` lines",
            ));
        }
    };
    let mut entries = Vec::with_capacity(map.len());
    for (k, v) in map {
        let key = match &k {
            serde_yaml::Value::String(s) => s.clone(),
            other => scalar_to_string(other).unwrap_or_default(),
        };
        let line = line_of(&key);
        let value =
            to_json(v).map_err(|msg| Error::content(path, line, 1, format!("the value of `{key}` {msg}")))?;
        entries.push(Entry { key, value, line });
    }
    Ok(entries)
}

/// Deserializes `site.yaml` (or any settings file) into `T`.
pub fn parse_settings<T: DeserializeOwned + Default>(text: &str, path: &Path) -> Result<T> {
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    serde_yaml::from_str(text).map_err(|e| {
        let mut err = yaml_error(&e, 1, path);
        if let Error::Content { at, message } = &mut err {
            // A value refused by a setting's own check is reported at the start
            // of the map holding it: point at the value itself.
            if let Some((line, column)) = bad_value_line(text, message, at.line) {
                (at.line, at.column) = (line, column);
                // The YAML is fine; the value is not what the setting takes.
                if let Some(rest) = message.strip_prefix("invalid YAML: ") {
                    *message = rest.replace(" (check quoting and indentation)", "");
                }
            }
        }
        err
    })
}

/// The line and column of the value a serde message quotes (`invalid value:
/// string "x"`, ``unknown variant `x` ``), searched from line `from` on.
fn bad_value_line(text: &str, message: &str, from: usize) -> Option<(usize, usize)> {
    let quoted = ["string \"", "unknown variant `", "floating point `", "integer `"]
        .iter()
        .find_map(|open| {
            let start = message.find(open)? + open.len();
            let close = if open.ends_with('"') { "\", expected" } else { "`" };
            let end = message[start..].find(close)? + start;
            Some(&message[start..end])
        })
        .filter(|v| !v.is_empty())?;
    text.lines().enumerate().skip(from.saturating_sub(1)).find_map(|(i, l)| {
        let col = l.find(quoted)?;
        Some((i + 1, col + 1))
    })
}

/// The line and column (from 1) of a key nested in block maps, such as
/// `["brand", "logo"]` for `brand:` then an indented `logo:`; with a flow map
/// (`brand: {logo: x}`) the line of the innermost key found on its own line.
/// For errors found after parsing, when the value is checked against files.
pub fn nested_key_line(text: &str, keys: &[&str]) -> Option<(usize, usize)> {
    let mut found = None;
    let mut depth = 0;
    // The indent of the map being searched: 0 at the top, then that of the
    // first line under the key matched last.
    let mut level = Some(0);
    let mut parent = None;
    for (i, raw) in text.lines().enumerate() {
        let body = raw.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = raw.len() - body.len();
        if parent.is_some_and(|p| indent <= p) {
            break;
        }
        let at = *level.get_or_insert(indent);
        if indent == at && block_key(body) == Some(keys[depth]) {
            found = Some((i + 1, indent + 1));
            depth += 1;
            if depth == keys.len() {
                break;
            }
            parent = Some(indent);
            level = None;
        }
    }
    found
}

/// The key of a `key: value` line (quotes dropped).
fn block_key(body: &str) -> Option<&str> {
    let colon = body.find(':')?;
    let after = &body[colon + 1..];
    (after.is_empty() || after.starts_with([' ', '\t']))
        .then(|| body[..colon].trim().trim_matches(['"', '\'']))
}

fn yaml_error(e: &serde_yaml::Error, first_line: usize, path: &Path) -> Error {
    let (line, column) = e.location().map_or((first_line, 0), |l| (l.line() + first_line - 1, l.column()));
    let mut msg = e.to_string();
    // The library appends its own "at line N column M", counted in the block:
    // drop it, since our location counts lines in the whole file.
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    Error::content(path, line, column, format!("invalid YAML: {msg} (check quoting and indentation)"))
}

/// Finds each top-level key and its file line; two equal keys are an error
/// naming both lines, since YAML would otherwise keep one silently.
fn key_lines(text: &str, first_line: usize, path: &Path) -> Result<Vec<(String, usize)>> {
    let mut found: Vec<(String, usize)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = first_line + i;
        let Some(key) = top_level_key(raw) else {
            continue;
        };
        if let Some((_, earlier)) = found.iter().find(|(k, _)| *k == key) {
            return Err(Error::content(
                path,
                line,
                1,
                format!("duplicate key `{key}` (first set on line {earlier}): keep only one"),
            ));
        }
        found.push((key, line));
    }
    Ok(found)
}

fn top_level_key(raw: &str) -> Option<String> {
    let first = raw.chars().next()?;
    if first.is_whitespace() || matches!(first, '-' | '#' | '[' | '{' | '|' | '>' | '.') {
        return None;
    }
    let (key, rest) = if let Some(q) = raw.strip_prefix('"').or_else(|| raw.strip_prefix('\'')) {
        let quote = first;
        let end = q.find(quote)?;
        (q[..end].to_string(), &q[end + 1..])
    } else {
        let colon = raw.find(':')?;
        (raw[..colon].trim_end().to_string(), &raw[colon..])
    };
    let rest = rest.trim_start();
    (rest.starts_with(':') && (rest.len() == 1 || rest[1..].starts_with([' ', '\t']))).then_some(key)
}

fn scalar_to_string(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn to_json(v: serde_yaml::Value) -> std::result::Result<Value, String> {
    Ok(match v {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Value::String(n.to_string()), Value::Number)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(seq) => {
            Value::Array(seq.into_iter().map(to_json).collect::<Result<_, _>>()?)
        }
        serde_yaml::Value::Mapping(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                let key = scalar_to_string(&k).ok_or("has a key that is not text")?;
                out.insert(key, to_json(v)?);
            }
            Value::Object(out)
        }
        serde_yaml::Value::Tagged(t) => to_json(t.value)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Entry>> {
        parse_front_matter(text, 2, Path::new("a.md"))
    }

    #[test]
    fn keys_carry_their_file_line() {
        let e = parse("title: Hello\ntags:\n  - a\n  - b\ndate: 2024-01-02\n").unwrap();
        let lines: Vec<_> = e.iter().map(|e| (e.key.as_str(), e.line)).collect();
        assert_eq!(lines, [("title", 2), ("tags", 3), ("date", 6)]);
        assert_eq!(e[2].value, Value::String("2024-01-02".into()));
    }

    #[test]
    fn syntax_error_points_at_file_line() {
        let err = parse("title: ok\ntags: [a, b\nsummary: x\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("a.md:"), "{text}");
        let line: usize = text.split(':').nth(1).unwrap().parse().unwrap();
        assert!((3..=5).contains(&line), "{text}");
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        let err = parse("title: a\nsummary: b\ntitle: c\n").unwrap_err();
        assert_eq!(err.to_string(), "a.md:4:1: duplicate key `title` (first set on line 2): keep only one");
    }

    #[test]
    fn nested_keys_are_found_at_their_line() {
        let text = "title: x\n# logo: no\nbrand:\n  accent: red\n  logo: a.svg\nlogo: top\n";
        assert_eq!(nested_key_line(text, &["brand", "logo"]), Some((5, 3)));
        assert_eq!(nested_key_line(text, &["logo"]), Some((6, 1)));
        assert_eq!(nested_key_line("brand: {logo: a.svg}\n", &["brand", "logo"]), Some((1, 1)));
        assert_eq!(nested_key_line("brand:\n  accent: red\nlogo: x\n", &["brand", "logo"]), Some((1, 1)));
    }

    #[test]
    fn numbers_and_nested_maps_convert() {
        let e = parse("tags: [go, 1.21, 47]\nimg: {uid: x}\n").unwrap();
        assert_eq!(e[0].value, serde_json::json!(["go", 1.21, 47]));
        assert_eq!(e[1].value, serde_json::json!({"uid": "x"}));
    }
}
