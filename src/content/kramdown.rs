//! Kramdown's attribute lists (`{: .center}`, `{:#intro}`), which Jekyll
//! sites write under images, paragraphs and headings. CommonMark has no such
//! thing and would print them as text; they only set classes and ids, so
//! they are removed (a line of its own is left blank, keeping line numbers),
//! line by line as [`super::syntax::write_out`] goes through a body.

/// `line` without a trailing attribute list (`## Heading {: #id}`), or
/// blank when it is nothing else.
pub(super) fn without_list(line: &str) -> std::borrow::Cow<'_, str> {
    let content = line.trim_end();
    let ending = &line[content.len()..];
    let Some(at) = content.rfind("{:") else {
        return line.into();
    };
    let list = &content[at..];
    // `{::comment}`, `{:/}` and the other extensions are not attribute lists.
    if !list.ends_with('}')
        || list.starts_with("{::")
        || list.starts_with("{:/")
        || list[2..list.len() - 1].contains(['{', '}'])
    {
        return line.into();
    }
    format!("{}{ending}", content[..at].trim_end()).into()
}

#[cfg(test)]
mod tests {
    use super::super::syntax::write_out;

    #[test]
    fn lists_go_and_text_stays() {
        let body = "![Mill](mill.jpg)\n{: .center}\n\n## Vote {: #vote}\n\nSet {: in text} stays.\n";
        assert_eq!(write_out(body), "![Mill](mill.jpg)\n\n\n## Vote\n\nSet {: in text} stays.\n");
        assert_eq!(write_out("no lists here"), "no lists here");
        let code = "```\nx = {: keep}\n```\n";
        assert_eq!(write_out(code), code);
        let comment = "{::comment}\nx\n{:/comment}\n";
        assert_eq!(write_out(comment), comment);
    }
}
