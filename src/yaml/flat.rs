//! The flat shape nearly all front matter has, read without a YAML parser:
//! one `key: value` per line, values that are quoted or plain text, dates,
//! booleans, small integers, and lists written `[a, b]` or as `- a` lines.
//!
//! libyaml (through serde_yaml) spends about 360 instructions on each byte of
//! YAML, which made front matter 7% of a whole build. This reader answers only
//! when it is sure to give what serde_yaml gives; for anything else (nested
//! maps, escapes, anchors, multi-line text, tabs, comments after values ...)
//! it answers `None` and the caller asks serde_yaml, which also reports the
//! errors. A test compares the two on generated front matter.

use serde_json::Value;

/// The entries of `text` in order, or `None` when `text` is not in the flat shape.
pub fn parse(text: &str) -> Option<Vec<(String, Value)>> {
    // Tabs, carriage returns, control characters, and the characters libyaml
    // takes for line breaks or refuses: all left to serde_yaml.
    if text.bytes().any(|b| b < 0x20 && b != b'\n' || b == 0x7f)
        || !text.is_ascii()
            && text.chars().any(|c| {
                matches!(
                    c,
                    '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                )
            })
    {
        return None;
    }
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim_end().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = key(line)?;
        let rest = rest.trim_end();
        let value = if rest.is_empty() {
            // `key:` alone: null, or a list of `- item` lines below it.
            let mut items = Vec::new();
            let mut indent = None;
            while let Some(next) = lines.peek() {
                let body = next.trim_start_matches(' ');
                let Some(item) = body.strip_prefix("- ").or_else(|| (body.trim_end() == "-").then_some(""))
                else {
                    break;
                };
                let at = next.len() - body.len();
                if *indent.get_or_insert(at) != at {
                    return None;
                }
                items.push(scalar(item.trim_end(), false)?);
                lines.next();
            }
            if items.is_empty() { Value::Null } else { Value::Array(items) }
        } else if let Some(inner) = rest.strip_prefix('[') {
            flow_list(inner.strip_suffix(']')?)?
        } else {
            scalar(rest, false)?
        };
        out.push((key.to_string(), value));
    }
    Some(out)
}

/// `name: rest` at the start of a line, for a name of letters, digits, `_`
/// and `-` that YAML reads as text.
fn key(line: &str) -> Option<(&str, &str)> {
    let end = line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))?;
    let (name, rest) = line.split_at(end);
    let rest = rest.strip_prefix(':')?;
    let first = name.bytes().next()?;
    if !(first.is_ascii_alphabetic() || first == b'_') || special_word(name) || name.ends_with('-') {
        return None;
    }
    (rest.is_empty() || rest.starts_with(' ')).then(|| (name, rest.trim_start_matches(' ')))
}

/// `a, "b", 'c'`: the inside of a one-line list.
fn flow_list(inner: &str) -> Option<Value> {
    let inner = inner.trim_matches(' ');
    if inner.is_empty() {
        return Some(Value::Array(Vec::new()));
    }
    let mut items = Vec::new();
    let mut rest = inner;
    loop {
        let (item, after) = match rest.as_bytes().first()? {
            b'"' | b'\'' => {
                let end = quoted_end(rest)?;
                (&rest[..end], &rest[end..])
            }
            _ => rest.split_at(rest.find(',').unwrap_or(rest.len())),
        };
        let item = item.trim_end_matches(' ');
        if item.is_empty() {
            return None;
        }
        // Inside brackets, plain text may not hold what delimits a list or map.
        if !item.starts_with(['"', '\'']) && item.contains(['[', ']', '{', '}', ',']) {
            return None;
        }
        items.push(scalar(item, true)?);
        let after = after.trim_start_matches(' ');
        match after.strip_prefix(',') {
            None if after.is_empty() => break,
            None => return None,
            Some(next) => {
                rest = next.trim_start_matches(' ');
                if rest.is_empty() {
                    return None;
                }
            }
        }
    }
    Some(Value::Array(items))
}

/// The byte after the closing quote of the quoted text at the start of `s`.
fn quoted_end(s: &str) -> Option<usize> {
    let quote = s.as_bytes()[0];
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// One value, already trimmed: quoted text, or plain text YAML reads as
/// text, a boolean, null, a small integer or a date.
fn scalar(s: &str, in_list: bool) -> Option<Value> {
    if s.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    match s.as_bytes().first() {
        None => Some(Value::Null),
        Some(b'"') => {
            let inner = s.strip_prefix('"')?.strip_suffix('"')?;
            // Most quoted values hold neither a quote nor a backslash: taken whole.
            if memchr::memchr2(b'"', b'\\', inner.as_bytes()).is_none() {
                return Some(Value::String(inner.to_string()));
            }
            // Only `\"` and `\\`: other escapes are left to serde_yaml.
            let mut text = String::with_capacity(inner.len());
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => return None,
                    '\\' => match chars.next()? {
                        e @ ('"' | '\\') => text.push(e),
                        _ => return None,
                    },
                    c => text.push(c),
                }
            }
            Some(Value::String(text))
        }
        Some(b'\'') => {
            let inner = s.strip_prefix('\'')?.strip_suffix('\'')?;
            if inner.replace("''", "").contains('\'') {
                return None;
            }
            Some(Value::String(inner.replace("''", "'")))
        }
        Some(b) if b.is_ascii_alphabetic() => {
            // `: ` would start a map and ` #` a comment; `:` at the end too.
            if s.contains(": ") || s.contains(" #") || s.ends_with(':') || in_list && s.contains(':') {
                return None;
            }
            Some(match s {
                "null" | "Null" | "NULL" => Value::Null,
                "true" | "True" | "TRUE" => Value::Bool(true),
                "false" | "False" | "FALSE" => Value::Bool(false),
                _ => Value::String(s.to_string()),
            })
        }
        Some(b) if b.is_ascii_digit() => {
            if is_date(s) {
                Some(Value::String(s.to_string()))
            } else if s.len() <= 18
                && s.bytes().all(|b| b.is_ascii_digit())
                && (s == "0" || !s.starts_with('0'))
            {
                s.parse::<i64>().ok().map(Value::from)
            } else {
                None
            }
        }
        Some(_) => None,
    }
}

/// `2024-02-01`, optionally followed by `T` or a space and a time of day
/// (`10:00`, `10:00:00`, `10:00:00.5`) and a zone (`Z`, `+01:00`, `+0100`).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10))
    {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !(matches!(b[10], b'T' | b't' | b' ') && digits(11..13) && b.get(13) == Some(&b':') && digits(14..16))
    {
        return false;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        if !digits(i + 1..i + 3) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &b[i..] {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] | [b'+' | b'-', h1, h2, m1, m2] => {
            [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit())
        }
        [b'+' | b'-', h1, h2] => h1.is_ascii_digit() && h2.is_ascii_digit(),
        _ => false,
    }
}

/// Words YAML reads as null or a boolean when unquoted.
fn special_word(s: &str) -> bool {
    matches!(s, "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    /// What serde_yaml makes of `text`, as the front-matter reader converts it.
    fn by_serde_yaml(text: &str) -> Option<Vec<(String, Value)>> {
        let parsed: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
        match parsed {
            serde_yaml::Value::Null => Some(Vec::new()),
            serde_yaml::Value::Mapping(m) => m
                .into_iter()
                .map(|(k, v)| Some((k.as_str()?.to_string(), super::super::to_json(v).ok()?)))
                .collect(),
            _ => None,
        }
    }

    #[test]
    fn reads_the_common_shapes() {
        let text = "title: \"Council \\\"votes\\\" #1: yes\"\ndate: 2024-02-01T10:00:00+01:00\n\
                    author: Ann O'Roe\ntags: [\"a b\", 'c''d', e]\ndraft: false\npullquotes: 2\n\
                    # a comment\n\nauthors:\n  - Ann Roe\n  - \"Ben Poe\"\nimage:\nday: 2024-02-01\n";
        let got = parse(text).expect("flat front matter");
        assert_eq!(Some(got.clone()), by_serde_yaml(text));
        let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["title", "date", "author", "tags", "draft", "pullquotes", "authors", "image", "day"]
        );
        assert_eq!(got[0].1, Value::String("Council \"votes\" #1: yes".into()));
        assert_eq!(got[3].1, serde_json::json!(["a b", "c'd", "e"]));
        assert_eq!(got[7].1, Value::Null);
    }

    #[test]
    fn leaves_the_rest_to_serde_yaml() {
        for text in [
            "a: b: c\n",
            "a: x # note\n",
            "a: |\n  text\n",
            "a:\n  b: c\n",
            "a: 007\n",
            "a: 1.5\n",
            "a: ~\n",
            "a: \"tab\\tstop\"\n",
            "a: &x y\n",
            "a: [b, [c]]\n",
            "a: [b,,c]\n",
            "a: first\n  second\n",
            "a:\n  - b\n   - c\n",
            "true: x\n",
            "a: \"x\u{2028}y\"\n",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    /// Random front matter from pieces chosen to sit on the edges of the
    /// flat shape: whenever the reader answers, serde_yaml must agree.
    #[test]
    fn agrees_with_serde_yaml_whenever_it_answers() {
        let keys = ["title", "date", "tags", "author", "summary", "draft", "image", "k2", "x-y", "_k"];
        let odd_keys = ["true", "null", "a b", "é", "-a", "a-", "1a", "a.b"];
        let seps = [": ", ":", " : ", ":  ", ": \"", ":\t"];
        let common = [
            "plain",
            "Plain text, with comma",
            "\"q\"",
            "'it''s'",
            "2024-02-01",
            "2024-02-01T10:00:00Z",
            "12",
            "true",
            "[a, b]",
            "[\"a\", 'b']",
            "[]",
            "Ünïcode — “q”",
            "",
        ];
        let values = [
            "plain",
            "Plain text, with comma",
            "it's",
            "a: b",
            "a #b",
            "a#b",
            "x:",
            "\"q\"",
            "\"a\\\"b\"",
            "\"a\\nb\"",
            "\"a\\\\b\"",
            "\"a",
            "'s'",
            "'it''s'",
            "'a",
            "'''",
            "2024-02-01",
            "2024-02-01T10:00:00Z",
            "2024-02-01T10:00:00.25+01:00",
            "2024-02-01 10:00",
            "2024-02-01 10:00:00 +01:00",
            "2024-13-45",
            "2024-02-01T10",
            "12",
            "0",
            "007",
            "-3",
            "+3",
            "1.5",
            "1e5",
            "0x1f",
            "123456789012345678901",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "yes",
            "no",
            "on",
            "inf",
            "nan",
            ".inf",
            "[a, b]",
            "[\"a\", 'b']",
            "[a b, c]",
            "[]",
            "[ ]",
            "[a,]",
            "[a,,b]",
            "[a, [b]]",
            "[a: b]",
            "[a]x",
            "{}",
            "{a: b}",
            "|",
            ">",
            "&a x",
            "*a",
            "!t x",
            "- a",
            "?",
            "@x",
            "`x`",
            "%x",
            "Ünïcode — “q”",
            "x\u{85}y",
            "x\u{2028}y",
            "\u{feff}x",
            "a\\b",
            "",
            " ",
            "  lead",
            "trail  ",
            "é",
            "a\u{7f}b",
            "a\u{1}b",
        ];
        let lines = [
            "",
            "# c",
            "  - a",
            "  - \"b\"",
            "- c",
            "   - d",
            "  -",
            "  nested: x",
            "  more",
            "---",
            "...",
            " # c",
        ];
        let mut rng = XorShift(0x5be0_cd19_137e_2179);
        let mut pick = |n: usize| (rng.next() % n as u64) as usize;
        let mut answered = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + pick(5) {
                if pick(4) == 0 {
                    text.push_str(lines[pick(lines.len())]);
                } else {
                    text.push_str(if pick(4) == 0 {
                        odd_keys[pick(odd_keys.len())]
                    } else {
                        keys[pick(keys.len())]
                    });
                    text.push_str(if pick(4) == 0 { seps[pick(seps.len())] } else { ": " });
                    text.push_str(if pick(2) == 0 {
                        values[pick(values.len())]
                    } else {
                        common[pick(common.len())]
                    });
                }
                text.push('\n');
            }
            if let Some(got) = parse(&text) {
                // Repeated keys never get here: the caller rejects them first.
                let mut names: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
                names.sort_unstable();
                if names.windows(2).any(|w| w[0] == w[1]) {
                    continue;
                }
                answered += 1;
                assert_eq!(Some(got), by_serde_yaml(&text), "{text:?}");
            }
        }
        // The test means something only if the reader answers often.
        assert!(answered > 2_000, "{answered}");
    }
}
