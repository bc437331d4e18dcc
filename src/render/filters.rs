//! Filters the built-in templates need that Tera 2 does not ship.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tera::{Kwargs, State, Tera};

/// Registers `date`, `slugify` and `json_ld`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("date", date);
    tera.register_filter("slugify", |s: &str, _: Kwargs, _: &State| crate::slug::slugify(s));
    tera.register_filter("json_ld", json_ld);
}

/// `{{ page.date | date(format="%B %-d, %Y") }}`: formats an RFC 3339 date in
/// the offset it carries (the site's time zone).
fn date(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let format = kwargs.get::<&str>("format")?.unwrap_or("%B %-d, %Y");
    // Listings show each article's date on many pages (front page, tags,
    // authors, months, related stories): each rendering thread keeps what it
    // formatted, by pattern and date.
    // Pattern, then date: both looked up as they are, with no key to build.
    type Memo = FxHashMap<String, FxHashMap<String, String>>;
    thread_local! {
        static FORMATTED: RefCell<(usize, Memo)> = RefCell::default();
    }
    FORMATTED.with_borrow_mut(|(count, memo)| {
        if let Some(done) = memo.get(format).and_then(|dates| dates.get(value)) {
            return Ok(done.clone());
        }
        let done = crate::dates::format(value, format).map_err(tera::Error::message)?;
        if *count >= 1 << 16 {
            // A long watch session must not grow it without end.
            memo.clear();
            *count = 0;
        }
        *count += 1;
        memo.entry(format.to_string()).or_default().insert(value.to_string(), done.clone());
        Ok(done)
    })
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&`
/// become \u escapes so that no text can close the script element. Keys
/// come out sorted (through `serde_json`'s ordered map), since a template
/// map iterates in no fixed order and builds must be identical. A safe
/// string is taken as this filter's own output and left as it is, which
/// makes the filter idempotent and lets `page.json_ld` be made in advance.
fn json_ld(value: tera::Value, _: Kwargs, _: &State) -> tera::Value {
    if value.is_string() && value.is_safe() {
        return value;
    }
    let json = serde_json::to_value(&value).unwrap_or(serde_json::Value::Null);
    tera::Value::safe_string(&json_ld_text(&json))
}

/// `value` as the `json_ld` filter writes it.
pub(super) fn json_ld_text(value: &serde_json::Value) -> String {
    script_safe(serde_json::to_string(value).unwrap_or_else(|_| "null".into()))
}

/// `json` with `<`, `>` and `&` as \u escapes, so that no value can close
/// the script element it goes into.
pub(super) fn script_safe(json: String) -> String {
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_dates_keep_their_pattern() {
        let mut tera = Tera::default();
        register(&mut tera);
        let t = r#"{{ d | date(format="%Y") }} {{ d | date(format="%B %-d") }} {{ d | date(format="%Y") }} {{ e | date(format="%Y") }}"#;
        tera.add_raw_template("t", t).expect("template parses");
        let mut ctx = tera::Context::new();
        ctx.insert("d", "2024-03-05T10:00:00+01:00");
        ctx.insert("e", "1999-12-31");
        for _ in 0..2 {
            assert_eq!(tera.render("t", &ctx).expect("renders"), "2024 March 5 2024 1999");
        }
    }

    #[test]
    fn json_ld_escapes_and_is_idempotent() {
        let mut tera = Tera::default();
        register(&mut tera);
        let t = "{{ m | json_ld }}|{{ m | json_ld | json_ld }}|{{ s | json_ld }}|{{ s | json_ld | json_ld }}";
        tera.add_raw_template("t", t).expect("template parses");
        let mut ctx = tera::Context::new();
        ctx.insert("m", &serde_json::json!({"b": "</script>", "a": ["x & y"]}));
        ctx.insert("s", "<b>");
        let map = r#"{"a":["x \u0026 y"],"b":"\u003c/script\u003e"}"#;
        let text = r#""\u003cb\u003e""#;
        assert_eq!(tera.render("t", &ctx).expect("renders"), format!("{map}|{map}|{text}|{text}"));
    }
}
