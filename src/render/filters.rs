//! Filters the built-in templates need that Tera 2 does not ship.

use std::cell::RefCell;
use std::fmt::Write as _;

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
    thread_local! {
        static FORMATTED: RefCell<(String, FxHashMap<String, String>)> = RefCell::default();
    }
    FORMATTED.with_borrow_mut(|(key, memo)| {
        // The pattern's length first, so that no pattern and date can pass
        // for another pair.
        key.clear();
        let _ = write!(key, "{}:{format}{value}", format.len());
        if let Some(done) = memo.get(key.as_str()) {
            return Ok(done.clone());
        }
        let done = crate::dates::format(value, format).map_err(tera::Error::message)?;
        if memo.len() >= 1 << 16 {
            // A long watch session must not grow it without end.
            memo.clear();
        }
        memo.insert(key.clone(), done.clone());
        Ok(done)
    })
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&`
/// become \u escapes so that no text can close the script element. Keys
/// come out sorted (through `serde_json`'s ordered map), since a template
/// map iterates in no fixed order and builds must be identical.
fn json_ld(value: tera::Value, _: Kwargs, _: &State) -> tera::Value {
    let json = serde_json::to_value(&value)
        .and_then(|v| serde_json::to_string(&v))
        .unwrap_or_else(|_| "null".into());
    let escaped = json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    tera::Value::safe_string(&escaped)
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
}
