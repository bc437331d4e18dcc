//! The `aliases` front-matter field: old URL paths that redirect to the article.

use std::path::Path;

use super::At;
use crate::error::Error;
use crate::paths::alias_file;

/// Validates the `aliases` of one article, reporting each bad one at its line.
/// Returns the output files (e.g. `old/path/index.html`) of the good ones.
pub fn read_aliases(field: Option<&At<Vec<String>>>, rel: &Path, errors: &mut Vec<Error>) -> Vec<String> {
    let Some(At { value, line }) = field else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in value {
        match alias_file(raw) {
            Ok(file) => out.push(file),
            Err(why) => errors.push(Error::content(
                rel,
                *line,
                1,
                format!("alias `{raw}` {why}: write a path inside the site, such as `/2019/old-story/`"),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_alias_is_reported_at_its_line() {
        let mut errors = Vec::new();
        let field = At { value: vec!["/ok/".to_string(), "../up/".to_string()], line: 7 };
        let good = read_aliases(Some(&field), Path::new("content/a.md"), &mut errors);
        assert_eq!(good, ["ok/index.html"]);
        let msg = errors[0].to_string();
        assert!(msg.starts_with("content/a.md:7:1: alias `../up/`"), "{msg}");
    }
}
