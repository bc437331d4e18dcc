//! Kramdown's attribute lists (`{: .center}`, `{:#intro}`), which Jekyll
//! sites write under images, paragraphs and headings. CommonMark has no such
//! thing and would print them as text; they only set classes and ids, so
//! they are removed (a line of its own is left blank, keeping line numbers).

/// `body` without attribute lists; `None` when it has none.
pub fn strip_attribute_lists(body: &str) -> Option<String> {
    if !body.contains("{:") {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(mark) = ["```", "~~~"].into_iter().find(|m| t.starts_with(m)) {
            fence = if fence == Some(mark) { None } else { fence.or(Some(mark)) };
        }
        match fence {
            None => out.push_str(&without_list(line)),
            Some(_) => out.push_str(line),
        }
    }
    Some(out)
}

/// `line` without a trailing attribute list (`## Heading {: #id}`), or
/// blank when it is nothing else.
fn without_list(line: &str) -> std::borrow::Cow<'_, str> {
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
    use super::*;

    #[test]
    fn lists_go_and_text_stays() {
        let body = "![Mill](mill.jpg)\n{: .center}\n\n## Vote {: #vote}\n\nSet {: in text} stays.\n";
        assert_eq!(
            strip_attribute_lists(body).as_deref(),
            Some("![Mill](mill.jpg)\n\n\n## Vote\n\nSet {: in text} stays.\n")
        );
        assert_eq!(strip_attribute_lists("no lists here"), None);
        let code = "```\nx = {: keep}\n```\n";
        assert_eq!(strip_attribute_lists(code).as_deref(), Some(code));
        assert_eq!(
            strip_attribute_lists("{::comment}\nx\n{:/comment}\n").as_deref(),
            Some("{::comment}\nx\n{:/comment}\n")
        );
    }
}
