//! Markdown body -> plain text of each text block (paragraphs and tight list items).

/// Plain text of each text block (paragraphs, tight list items) of a Markdown
/// body, read exactly as the site build reads it (`markdown::parse`), so block
/// indices here and paragraph ids on pages always agree.
pub fn blocks(markdown: &str) -> Vec<String> {
    let map = std::collections::HashMap::new();
    let links = crate::markdown::Links { source_dir: "", articles: &map, base_path: "/", raw_html: true };
    crate::markdown::parse(markdown, &links).into_blocks()
}

#[cfg(test)]
mod tests {
    use super::blocks;

    #[test]
    fn paragraphs_items_and_quotes_are_blocks() {
        let md = "# Title \"x\"\n\nFirst *para*\nline two.\n\n- tight one\n- tight two\n\n> quoted para\n\n1. loose\n\n2. loose b\n";
        assert_eq!(
            blocks(md),
            vec!["First para line two.", "tight one", "tight two", "quoted para", "loose", "loose b"]
        );
    }

    #[test]
    fn code_urls_html_and_alt_text_are_dropped() {
        let md = "See `let x = \"y\";` and [the site](http://e.com/\"q\") <span title=\"t\">ok</span> ![alt \"pic\"](i.png).\n\n```\n\"code\"\n```\n\n| a |\n|---|\n| \"cell\" |\n";
        assert_eq!(blocks(md), vec!["See  and the site ok ."]);
    }

    #[test]
    fn smart_punctuation_curls_straight_quotes() {
        assert_eq!(
            blocks("He said \"yes\" and 'no'."),
            vec!["He said \u{201c}yes\u{201d} and \u{2018}no\u{2019}."]
        );
    }

    #[test]
    fn nested_list_keeps_document_order() {
        let md = "- outer\n  - inner\n- last\n\nFootnote[^1].\n\n[^1]: The note.\n";
        assert_eq!(blocks(md), vec!["outer", "inner", "last", "Footnote.", "The note."]);
    }
}
