//! Turning titles, tags and names into URL path segments that are always safe.
//!
//! Letters and digits of any script are kept (lower-cased), so Japanese and
//! Cyrillic tags keep readable URLs, as Hugo does; everything else becomes a
//! single `-`. The result can never contain `/`, `\`, `.` or `%`, so no
//! front-matter value can steer a path out of the output folder.

/// The slug of `text`; empty when `text` holds no letter or digit.
pub fn slugify(text: &str) -> String {
    // Tags, names and titles are nearly always ASCII, and every page lists
    // several of them: those skip decoding and Unicode case tables.
    if text.is_ascii() { slugify_ascii(text) } else { slugify_unicode(text) }
}

fn slugify_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' {
            dash = true;
        }
    }
    out
}

fn slugify_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            // Lower-casing can add a combining mark (`İ` -> `i` + U+0307),
            // which a second pass would turn into `-`: keep only letters and
            // digits, so a slug's slug is itself.
            out.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        } else if c != '\'' && c != '’' {
            // Apostrophes join words ("o'brien" -> "obrien") as readers expect.
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn ascii_titles() {
        assert_eq!(slugify("Council Votes: 5-2 on Budget!"), "council-votes-5-2-on-budget");
        assert_eq!(slugify("  --Hello--  "), "hello");
        assert_eq!(slugify("O'Brien’s café"), "obriens-café");
    }

    #[test]
    fn ascii_text_slugs_as_the_unicode_rules_say() {
        let pieces = ["a", "Z", "9", " ", "-", "'", "_", ".", "/", "%", "Tag", "  "];
        for s in crate::testing::random_texts(0x6a09_e667_f3bc_c908, &pieces) {
            assert_eq!(super::slugify_ascii(&s), super::slugify_unicode(&s), "{s:?}");
        }
    }

    #[test]
    fn unicode_is_kept() {
        assert_eq!(slugify("京都 訪問"), "京都-訪問");
        assert_eq!(slugify("Москва"), "москва");
    }

    #[test]
    fn dotted_capital_i_is_stable() {
        // Found by fuzzing: the lower case of `İ` carries a combining dot.
        let slug = slugify("ǅemo İstanbul ß");
        assert_eq!(slug, "ǆemo-istanbul-ß");
        assert_eq!(slugify(&slug), slug);
    }

    #[test]
    fn never_a_path() {
        for evil in ["../../etc/passwd", "/abs", "..\\win", "%2e%2e%2f", "a/b"] {
            let s = slugify(evil);
            assert!(!s.contains(['/', '\\', '.', '%']), "{evil} -> {s}");
        }
        assert_eq!(slugify("..."), "");
    }
}
