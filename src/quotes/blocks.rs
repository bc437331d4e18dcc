//! Markdown body -> plain text of each text block (paragraphs and tight list items).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One open container on the walk. Only paragraphs and list items collect text;
/// headings, table cells and code blocks are walls so their text never reaches a block.
enum Frame {
    Collect { text: String, inline: bool },
    Wall,
}

/// Plain text of each text block (paragraphs, tight list items) of a Markdown body.
pub fn blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Image alt text is a description of a picture, not prose anyone said.
    let mut image_depth = 0usize;
    for ev in Parser::new_ext(markdown, super::md_options()) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    flush_item(&mut stack, &mut out);
                    stack.push(Frame::Collect { text: String::new(), inline: true });
                }
                Tag::Item => {
                    flush_item(&mut stack, &mut out);
                    stack.push(Frame::Collect { text: String::new(), inline: false });
                }
                Tag::Heading { .. } | Tag::TableCell | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    flush_item(&mut stack, &mut out);
                    stack.push(Frame::Wall);
                }
                Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) => {
                    // A nested block inside a tight item ends the item's own text so
                    // the blocks stay in document order.
                    flush_item(&mut stack, &mut out);
                }
                Tag::Image { .. } => image_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Item => {
                    if let Some(Frame::Collect { text, inline }) = stack.pop()
                        && (inline || !text.is_empty())
                    {
                        out.push(tidy(&text));
                    }
                }
                TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                    stack.pop();
                }
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if image_depth == 0 => push(&mut stack, &t),
            Event::SoftBreak | Event::HardBreak => push(&mut stack, " "),
            _ => {}
        }
    }
    out
}

fn push(stack: &mut [Frame], s: &str) {
    if let Some(Frame::Collect { text, .. }) = stack.last_mut() {
        text.push_str(s);
    }
}

/// A tight item's text gathered so far becomes its own block before a nested block starts.
fn flush_item(stack: &mut [Frame], out: &mut Vec<String>) {
    if let Some(Frame::Collect { text, inline: false }) = stack.last_mut()
        && !text.trim().is_empty()
    {
        out.push(tidy(text));
        text.clear();
    }
}

fn tidy(s: &str) -> String {
    s.trim().to_string()
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
