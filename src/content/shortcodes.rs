//! The commonest template calls of other generators, turned into the
//! Markdown they stood for, so an imported archive reads as it did: Hugo's
//! `figure`, `youtube`, `vimeo` and `highlight` shortcodes and its `ref` and
//! `relref` links, Zola's `youtube` and `vimeo`, embeds of posts and code
//! (`tweet`, `x`, `instagram`, `gist`, `streamable`) in any of the three
//! syntaxes as links to them, Jekyll's `{% highlight %}`,
//! `{% raw %}`, `{{ site.baseurl }}`, its `post_url` and `link` tags and its
//! `relative_url` filter, each within one line ([`super::syntax::write_out`]
//! goes through a body). Any other call stays as text and is named by
//! [`super::syntax`]'s warning.

/// One line, converted, or `None` when it holds no call dateline knows.
pub(super) fn convert_line(line: &str) -> Option<String> {
    let content = line.trim_end();
    let ending = &line[content.len()..];
    if let Some(fence) = highlight_fence(content.trim()) {
        return Some(format!("{fence}{ending}"));
    }
    let mut out = String::new();
    let mut rest = content;
    let mut changed = false;
    while let Some((at, len, markdown)) = next_call(rest) {
        out.push_str(&rest[..at]);
        match markdown {
            Some(m) => {
                out.push_str(&m);
                changed = true;
            }
            None => out.push_str(&rest[at..at + len]),
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    changed.then(|| out + ending)
}

/// The code fence a highlight block opens with.
fn highlight_fence(t: &str) -> Option<String> {
    let mut words = strip_tag(t)?.split_whitespace();
    (words.next()? == "highlight")
        .then(|| format!("```{}", words.next().unwrap_or("").trim_matches(['"', '\''])))
}

/// The fence that ends a highlight block, for the line of the tag that
/// closes it (`{{< /highlight >}}`, `{% endhighlight %}`).
pub(super) fn close_highlight(line: &str) -> Option<String> {
    let content = line.trim_end();
    let closes = strip_tag(content.trim()).is_some_and(|t| matches!(t, "/highlight" | "endhighlight"));
    closes.then(|| format!("```{}", &line[content.len()..]))
}

/// The inside of a whole-line tag: `{{< x >}}`, `{{% x %}}` or `{% x %}`.
fn strip_tag(t: &str) -> Option<&str> {
    [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")]
        .iter()
        .find_map(|(open, close)| t.strip_prefix(open)?.strip_suffix(close))
        .map(|inner| inner.trim_matches(['-', ' ']))
}

/// The next call in `s`: its start, its length, and its Markdown when known.
fn next_call(s: &str) -> Option<(usize, usize, Option<String>)> {
    let at = s.find("{{").into_iter().chain(s.find("{%")).min()?;
    let rest = &s[at..];
    let close = match rest.get(..3) {
        Some("{{<") => ">}}",
        Some("{{%") => "%}}",
        _ if rest.starts_with("{%") => "%}",
        _ => "}}",
    };
    let Some(end) = rest[2..].find(close).map(|e| e + 2 + close.len()) else {
        return Some((at, 2, None));
    };
    let inner = rest[2..end - close.len()].trim_matches(['<', '>', '%', '-', ' ']);
    Some((at, end, markdown_of(inner).or_else(|| link_target(inner, close == "%}"))))
}

/// A link target written as a call, as the reference by source that
/// the Markdown stage resolves to the article's URL: Jekyll's `post_url`
/// (`@post/name`) and `link` (`@/path`), Hugo's `ref` and `relref` (`@/path`
/// from the content folder, `@./path` from the page's), and Jekyll's
/// `relative_url` and `absolute_url` filters on a quoted path (the path).
fn link_target(inner: &str, liquid: bool) -> Option<String> {
    if let Some((path, filter)) = inner.rsplit_once('|') {
        let path = path.trim();
        let unquoted = path.strip_prefix(['"', '\''])?.strip_suffix(['"', '\''])?;
        let known = matches!(filter.trim(), "relative_url" | "absolute_url");
        return (known && !unquoted.contains(['"', '\'', '(', ')', ' '])).then(|| unquoted.to_string());
    }
    let (name, args) = call(inner)?;
    let path =
        args.first().map(|(_, v)| v.as_str()).filter(|p| !p.is_empty() && !p.contains([' ', '(', ')']))?;
    match name {
        "post_url" if liquid => Some(format!("@post/{}", path.rsplit('/').next()?)),
        "link" if liquid => Some(format!("@/{}", path.trim_start_matches('/'))),
        "ref" | "relref" if !liquid => Some(match path.strip_prefix('/') {
            Some(from_content) => format!("@/{from_content}"),
            None => format!("@./{path}"),
        }),
        _ => None,
    }
}

/// The Markdown of one call's inside (`figure src="a.jpg"`, `youtube(id="x")`).
fn markdown_of(inner: &str) -> Option<String> {
    match inner {
        "site.baseurl" | "site.url" | "raw" | "endraw" => return Some(String::new()),
        _ => {}
    }
    let (name, args) = call(inner)?;
    let arg = |key: &str| args.iter().find(|(k, _)| k.as_deref() == Some(key)).map(|(_, v)| v.as_str());
    let first = args.iter().find(|(k, _)| k.is_none()).map(|(_, v)| v.as_str());
    match name {
        "figure" => {
            let src = arg("src")?;
            let alt = arg("alt").or(arg("caption")).unwrap_or("");
            let caption = arg("caption").map(|c| format!(" *{}*", escape(c))).unwrap_or_default();
            Some(format!("![{}](<{}>){caption}", escape(alt), src.replace('>', "%3E")))
        }
        "youtube" => video("https://www.youtube.com/watch?v=", arg("id").or(first)?, "YouTube"),
        "vimeo" => video("https://vimeo.com/", arg("id").or(first)?, "Vimeo"),
        "streamable" => video("https://streamable.com/", arg("id").or(first)?, "Streamable"),
        "instagram" => {
            embed("[See the post on Instagram](https://www.instagram.com/p/", arg("id").or(first)?, "/)")
        }
        "tweet" | "x" => match (arg("user"), arg("id").or(first)) {
            (Some(user), Some(id)) if is_id(user) => {
                embed(&format!("[See the post on X](https://x.com/{user}/status/"), id, ")")
            }
            (_, Some(id)) => embed("[See the post on X](https://x.com/i/status/", id, ")"),
            _ => None,
        },
        // Hugo's `gist user id`, Jekyll's `gist user/id`, Zola's `gist(url=...)`.
        "gist" => match (arg("url"), args.get(1)) {
            (Some(url), _) => url.strip_prefix("https://gist.github.com/").and_then(gist),
            (None, Some((None, id))) => gist(&format!("{}/{id}", first?)),
            (None, _) => gist(first?),
        },
        _ => None,
    }
}

fn video(prefix: &str, id: &str, site: &str) -> Option<String> {
    embed(&format!("[Watch the video on {site}]({prefix}"), id, ")")
}

/// A link to an embedded post or video, when its id is safe in a URL.
fn embed(open: &str, id: &str, close: &str) -> Option<String> {
    is_id(id).then(|| format!("{open}{id}{close}"))
}

fn gist(path: &str) -> Option<String> {
    let safe = path.split('/').count() <= 2 && path.split('/').all(is_id);
    safe.then(|| format!("[See the code on GitHub](https://gist.github.com/{path})"))
}

/// Letters, digits, `-` and `_`: an id that needs no escaping in a URL.
fn is_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// An argument of a call: its key (none for a positional one) and value.
type Argument = (Option<String>, String);

/// A call's name and arguments, Hugo's (`name a key="v"`) or Zola's
/// (`name(key="v", k2=1)`); `None` for anything else, such as Liquid values.
fn call(inner: &str) -> Option<(&str, Vec<Argument>)> {
    let (name, after) = split_name(inner);
    if name.is_empty() {
        return None;
    }
    let rest = after.trim();
    let args = match rest.strip_prefix('(') {
        Some(zola) => zola.strip_suffix(')')?,
        None if rest.is_empty() || after.starts_with(' ') => rest,
        None => return None,
    };
    Some((name, arguments(args)))
}

/// The name a call starts with (letters, digits, `_`) and what follows it.
pub(super) fn split_name(s: &str) -> (&str, &str) {
    s.split_at(s.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count())
}

/// `a key="v w" k2='x', k3=1` as (key, value) pairs; positional ones have no key.
fn arguments(s: &str) -> Vec<Argument> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let Some(&c) = chars.peek() else { break };
        let mut key = None;
        let mut word = String::new();
        if c != '"' && c != '\'' {
            while let Some(&c) = chars.peek().filter(|c| !c.is_whitespace() && **c != ',' && **c != '=') {
                word.push(c);
                chars.next();
            }
            if chars.peek() == Some(&'=') {
                chars.next();
                key = Some(std::mem::take(&mut word));
            }
        }
        if let Some(&q) = chars.peek().filter(|c| **c == '"' || **c == '\'') {
            chars.next();
            word = chars.by_ref().take_while(|c| *c != q).collect();
        } else if key.is_some() {
            while let Some(&c) = chars.peek().filter(|c| !c.is_whitespace() && **c != ',') {
                word.push(c);
                chars.next();
            }
        }
        out.push((key, word));
    }
    out
}

/// `text` safe inside Markdown's image brackets and emphasis.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '<' | '>' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::syntax::write_out as convert;

    #[test]
    fn any_mix_of_pieces_keeps_its_lines_and_never_panics() {
        let pieces = [
            "{{", "{%", "<", ">", "%", "}}", "%}", "é", " ", "\n", "figure", "src=\"", "\"", "(", ")",
            "youtube", "```", "{:", "}",
        ];
        let mut state = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            let out = convert(&text);
            assert_eq!(out.matches('\n').count(), text.matches('\n').count(), "{text:?} -> {out:?}");
        }
    }

    #[test]
    fn hugo_calls() {
        let body = "{{< figure src=\"mill.jpg\" alt=\"The mill\" caption=\"Built *1820*\" >}}\n";
        assert_eq!(convert(body), "![The mill](<mill.jpg>) *Built \\*1820\\**\n");
        assert_eq!(
            convert("See {{< youtube dQw4w9WgXcQ >}} now"),
            "See [Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ) now"
        );
        let code = "{{< highlight go \"linenos=table\" >}}\nx := 1\n{{< /highlight >}}\n";
        assert_eq!(convert(code), "```go\nx := 1\n```\n");
        assert_eq!(
            convert("[a]({{< ref \"/posts/vote.md#result\" >}}) [b]({{< relref \"mill\" >}})"),
            "[a](@/posts/vote.md#result) [b](@./mill)"
        );
        assert_eq!(
            convert("{{< tweet user=\"harbour_news\" id=\"1453110110599868418\" >}}"),
            "[See the post on X](https://x.com/harbour_news/status/1453110110599868418)"
        );
        assert_eq!(
            convert("{{< gist spf13 7896402 >}}"),
            "[See the code on GitHub](https://gist.github.com/spf13/7896402)"
        );
        assert_eq!(
            convert("{{< instagram BWNjjyYFxVx >}}"),
            "[See the post on Instagram](https://www.instagram.com/p/BWNjjyYFxVx/)"
        );
        let same = "{{< tweet user=\"a b\" >}} {{< gist a/../b >}} {{< notice >}}";
        assert_eq!(convert(same), same, "unknown calls and unsafe ids stay");
    }

    #[test]
    fn zola_and_jekyll_calls() {
        assert_eq!(
            convert("{{ vimeo(id=\"124313553\") }}"),
            "[Watch the video on Vimeo](https://vimeo.com/124313553)"
        );
        let code = "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n";
        assert_eq!(convert(code), "```ruby\nputs 1\n```\n");
        let tutorial = "```\n{% highlight ruby %}\n{{ site.baseurl }}\n{% endhighlight %}\n```\n";
        assert_eq!(
            convert(tutorial),
            tutorial,
            "a highlight shown in code stays, and its end does not close the code"
        );
        assert_eq!(convert("![a]({{ site.baseurl }}/a.png)"), "![a](/a.png)");
        assert_eq!(convert("{% raw %}{{ x }}{% endraw %}"), "{{ x }}");
        let same = "{{ page.title }} and {% if x %}";
        assert_eq!(convert(same), same);
        assert_eq!(convert("[Vote]({% post_url /news/2015-4-20-vote %})"), "[Vote](@post/2015-4-20-vote)");
        assert_eq!(
            convert("{% gist parkr/c08ee0f2726fd0e3909d %}"),
            "[See the code on GitHub](https://gist.github.com/parkr/c08ee0f2726fd0e3909d)"
        );
        assert_eq!(
            convert("{{ gist(url=\"https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57\") }}"),
            "[See the code on GitHub](https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57)"
        );
        assert_eq!(convert("[A]({% link _pages/about.md %})"), "[A](@/_pages/about.md)");
        assert_eq!(convert("![m]({{ \"/img/m.png\" | relative_url }})"), "![m](/img/m.png)");
        let same = "{{ page.url | relative_url }} {{ \"x\" | upcase }} {{< link \"a.md\" >}}";
        assert_eq!(convert(same), same, "only known filters on a written path, and link is Jekyll's");
        let same = "{{ youtube(id=\"x\\\"><script>\") }}";
        assert_eq!(convert(same), same, "ids are checked");
        let fenced = "```\n{{< youtube abc >}}\n```\n";
        assert_eq!(convert(fenced), fenced, "examples in code stay");
    }
}
