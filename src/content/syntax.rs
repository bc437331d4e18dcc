//! Template syntax of other generators left in article bodies (Jekyll's
//! Liquid, Hugo's and Zola's shortcodes). The calls dateline knows are written
//! out ([`write_out`]); the rest is shown as text, and said so once per kind,
//! naming the files, rather than once per occurrence.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Location, Warning};

/// Template syntax from another generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Foreign {
    /// `{% tag %}` or `{{ value }}`.
    Liquid,
    /// `{{< shortcode >}}` or `{{% shortcode %}}`.
    HugoShortcode,
    /// `{{ shortcode(arg=1) }}` or `{% shortcode() %}`.
    ZolaShortcode,
}

impl Foreign {
    fn describe(self) -> &'static str {
        match self {
            Foreign::Liquid => "Liquid tags (`{% ... %}`, `{{ ... }}`)",
            Foreign::HugoShortcode => "Hugo shortcodes (`{{< ... >}}`, `{{% ... %}}`)",
            Foreign::ZolaShortcode => "Zola shortcodes (`{{ name(...) }}`, `{% name(...) %}`)",
        }
    }
}

/// The kinds of foreign syntax in `body`, outside fenced code blocks (where
/// they are usually an example, not a leftover).
pub fn find(body: &str) -> Vec<Foreign> {
    // Every kind starts `{{` or `{%`: most bodies have neither, told by a
    // vectorised search for `{` instead of a look at every line.
    let b = body.as_bytes();
    if !memchr::memchr_iter(b'{', b).any(|i| matches!(b.get(i + 1), Some(b'{' | b'%'))) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut fences = Fences::default();
    for line in body.lines() {
        let t = line.trim_start();
        // Nearly every line has no brace at all; only those are worth a closer look.
        if fences.code(line) || !t.contains('{') {
            continue;
        }
        let hugo = t.contains("{{<") || t.contains("{{%");
        if hugo && !found.contains(&Foreign::HugoShortcode) {
            found.push(Foreign::HugoShortcode);
        }
        let rest = t.replace("{{<", "").replace("{{%", "");
        for opening in ["{{", "{%"] {
            for (at, _) in rest.match_indices(opening) {
                let kind = if is_call(&rest[at + 2..]) { Foreign::ZolaShortcode } else { Foreign::Liquid };
                if !found.contains(&kind) {
                    found.push(kind);
                }
            }
        }
    }
    found
}

/// Whether a tag's inside starts with a call, `name(`: Zola's shortcodes
/// are calls, Liquid's values and tags never are (`end` closes Zola's body
/// shortcodes).
fn is_call(inside: &str) -> bool {
    let inside = inside.trim_start_matches(['-', ' ']);
    let (name, rest) = super::shortcodes::split_name(inside);
    !name.is_empty() && rest.trim_start().starts_with('(') || inside.trim_end().starts_with("end %}")
}

/// `body` with the calls [`super::shortcodes`] knows and Kramdown's
/// attribute lists written out, outside fenced code (a `{% highlight %}`
/// written out as a fence is code from there on). Each line stays one line,
/// so line numbers in messages still point into the file.
pub fn write_out(body: &str) -> String {
    if !body.contains('{') {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut fences = Fences::default();
    // Whether the open fence was a highlight tag, which its own tag closes.
    let mut highlight = false;
    for line in body.split_inclusive('\n') {
        if fences.is_open() {
            let closed = highlight.then(|| super::shortcodes::close_highlight(line)).flatten();
            let line = closed.map_or(Cow::Borrowed(line), Cow::Owned);
            fences.code(&line);
            out.push_str(&line);
            continue;
        }
        let converted = super::shortcodes::convert_line(line);
        highlight = converted.is_some();
        let line = converted.map_or(Cow::Borrowed(line), Cow::Owned);
        match fences.code(&line) {
            true => out.push_str(&line),
            false => out.push_str(&super::kramdown::without_list(&line)),
        }
    }
    out
}

/// Which lines of a Markdown body are fenced code, read line by line: the
/// line opening a ``` or ~~~ fence and those after it, until the same mark
/// closes it.
#[derive(Default)]
struct Fences(Option<&'static str>);

impl Fences {
    /// Takes the next line: whether it is code.
    fn code(&mut self, line: &str) -> bool {
        let t = line.trim_start();
        if let Some(mark) = ["```", "~~~"].into_iter().find(|m| t.starts_with(m)) {
            self.0 = if self.0 == Some(mark) { None } else { self.0.or(Some(mark)) };
        }
        self.is_open()
    }

    fn is_open(&self) -> bool {
        self.0.is_some()
    }
}

/// One warning per kind, naming every file that has it.
pub fn warnings(mut found: Vec<(Foreign, PathBuf)>) -> Vec<Warning> {
    found.sort();
    let mut out = Vec::new();
    for kind in [Foreign::Liquid, Foreign::HugoShortcode, Foreign::ZolaShortcode] {
        let files: Vec<&Path> = found.iter().filter(|(k, _)| *k == kind).map(|(_, p)| p.as_path()).collect();
        let Some(first) = files.first() else {
            continue;
        };
        let mut names: Vec<String> = files.iter().take(10).map(|p| p.display().to_string()).collect();
        if files.len() > 10 {
            names.push(format!("and {} more", files.len() - 10));
        }
        out.push(Warning {
            at: Location::new(*first, 0, 0),
            message: format!(
                "{} are shown as text, not run, in {} file{}: {}",
                kind.describe(),
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_outside_code() {
        assert_eq!(find("{% highlight ruby %}\nx\n{% endhighlight %}"), [Foreign::Liquid]);
        assert_eq!(find("<img src=\"{{ site.baseurl }}/a.png\">"), [Foreign::Liquid]);
        assert_eq!(find("{{< figure src=\"a.jpg\" >}}"), [Foreign::HugoShortcode]);
        assert_eq!(find("{{% note %}}x{{% /note %}}"), [Foreign::HugoShortcode]);
        assert_eq!(find("{{ video(id=\"abc\") }}"), [Foreign::ZolaShortcode]);
        assert_eq!(find("{% quote(author=\"Ann\") %}\nx\n{% end %}"), [Foreign::ZolaShortcode]);
        assert_eq!(find("{{ page.title | upcase }} {% if x %}"), [Foreign::Liquid]);
        assert!(find("```\n{{ site.baseurl }}\n```\n~~~\n{% raw %}\n~~~\nplain { text }").is_empty());
    }

    #[test]
    fn one_warning_per_kind_naming_files() {
        let w = warnings(vec![
            (Foreign::Liquid, "content/b.md".into()),
            (Foreign::HugoShortcode, "content/c.md".into()),
            (Foreign::Liquid, "content/a.md".into()),
        ]);
        assert_eq!(w.len(), 2);
        assert_eq!(
            w[0].to_string(),
            "content/a.md: warning: Liquid tags (`{% ... %}`, `{{ ... }}`) are shown as text, not run, in 2 files: content/a.md, content/b.md"
        );
        assert!(w[1].message.contains("Hugo shortcodes") && w[1].message.contains("content/c.md"));
    }
}
