//! Splitting a Markdown file into its front-matter block and its body: YAML
//! between `---` lines (Jekyll, most tools) or TOML between `+++` lines (Hugo, Zola).

/// The language of a front-matter block, told by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
}

/// A file cut in two, with the line numbers needed to point into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// YAML or TOML, from the opening fence.
    pub format: Format,
    /// The text between the fences (without them).
    pub front: &'a str,
    /// File line of the first front-matter line.
    pub front_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// File line where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---` or `+++`; holds the first non-blank line number.
    NoFrontMatter(usize),
    /// The opening fence on this line is never closed.
    Unclosed(usize),
}

/// Splits `text` (already without a byte-order mark). Blank lines before the
/// opening fence are allowed, as Jekyll allows them; `...` also closes YAML,
/// as YAML allows. A TOML block opens and closes with `+++`.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut offset = 0;
    let mut line = 1;
    // Skip leading blank lines.
    let format = loop {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        let current = &text[offset..end];
        if current.trim().is_empty() && end < text.len() {
            offset = end;
            line += 1;
            continue;
        }
        offset = end;
        match current.trim_end() {
            "---" => break Format::Yaml,
            "+++" => break Format::Toml,
            _ => return Err(SplitError::NoFrontMatter(line)),
        }
    };
    let open_line = line;
    let front_start = offset;
    let front_line = line + 1;
    line += 1;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        let current = text[offset..end].trim_end();
        let closes = match format {
            Format::Yaml => current == "---" || current == "...",
            Format::Toml => current == "+++",
        };
        if closes {
            return Ok(Split {
                format,
                front: &text[front_start..offset],
                front_line,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(SplitError::Unclosed(open_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_file() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!((s.front, s.front_line, s.body, s.body_line), ("title: a\n", 2, "body\n", 4));
    }

    #[test]
    fn blank_lines_and_crlf() {
        let s = split("\n\r\n---\r\ntitle: a\r\n---\r\nbody").unwrap();
        assert_eq!(s.front, "title: a\r\n");
        assert_eq!(s.front_line, 4);
        assert_eq!(s.body, "body");
        assert_eq!(s.body_line, 6);
    }

    #[test]
    fn empty_front_and_body() {
        let s = split("---\n---").unwrap();
        assert_eq!((s.front, s.body), ("", ""));
    }

    #[test]
    fn errors_carry_lines() {
        assert_eq!(split("\ntitle: x\n"), Err(SplitError::NoFrontMatter(2)));
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed(1)));
        assert_eq!(split(""), Err(SplitError::NoFrontMatter(1)));
    }

    #[test]
    fn toml_between_plus_lines() {
        let s = split("+++\ntitle = \"a\"\n---\n+++\nbody\n").unwrap();
        assert_eq!(s.format, Format::Toml);
        assert_eq!(s.front, "title = \"a\"\n---\n");
        assert_eq!((s.body, s.body_line), ("body\n", 5));
        assert_eq!(split("+++\ntitle = 1\n---\n"), Err(SplitError::Unclosed(1)));
    }

    #[test]
    fn a_rule_in_the_body_is_not_a_fence() {
        let s = split("---\ntitle: a\n---\ntext\n\n---\n\nmore\n").unwrap();
        assert_eq!(s.body, "text\n\n---\n\nmore\n");
    }
}
