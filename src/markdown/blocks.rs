//! Text blocks of a parsed body: the prose the quotes stage reads.
//!
//! Walks the events the renderer already holds and remembers which event
//! opens each block, so that ids and pull-outs land on the right element;
//! `quotes::blocks` reads Markdown through this same walk.

use pulldown_cmark::{Event, Tag, TagEnd};

enum Frame {
    /// A paragraph (`inline`) or list item collecting text, with the event that opened it.
    Collect { text: String, inline: bool, start: usize },
    /// Headings, table cells, code and HTML blocks: their text is not prose.
    Wall,
}

/// Each block's opening event index and plain text.
pub fn text_blocks(events: &[Event<'_>]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut image_depth = 0usize;
    for (i, ev) in events.iter().enumerate() {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Item => {
                    flush_item(&mut stack, &mut out);
                    let inline = matches!(tag, Tag::Paragraph);
                    // About a paragraph's or an item's length, so that the text
                    // is seldom moved while it grows.
                    let text = String::with_capacity(if inline { 384 } else { 96 });
                    stack.push(Frame::Collect { text, inline, start: i });
                }
                Tag::Heading { .. } | Tag::TableCell | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    flush_item(&mut stack, &mut out);
                    stack.push(Frame::Wall);
                }
                Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) => {
                    flush_item(&mut stack, &mut out);
                }
                Tag::Image { .. } => image_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Item => {
                    if let Some(Frame::Collect { text, inline, start }) = stack.pop()
                        && (inline || !text.is_empty())
                    {
                        let trimmed = text.trim();
                        let text = if trimmed.len() == text.len() { text } else { trimmed.to_string() };
                        out.push((start, text));
                    }
                }
                TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                    stack.pop();
                }
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if image_depth == 0 => push(&mut stack, t),
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

/// A tight item's text so far becomes its own block before a nested block starts.
fn flush_item(stack: &mut [Frame], out: &mut Vec<(usize, String)>) {
    if let Some(Frame::Collect { text, inline: false, start }) = stack.last_mut()
        && !text.trim().is_empty()
    {
        out.push((*start, text.trim().to_string()));
        text.clear();
    }
}
