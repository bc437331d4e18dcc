use super::*;
use serde_json::json;

fn entries(pairs: &[(&str, Value)]) -> Vec<Entry> {
    pairs
        .iter()
        .enumerate()
        .map(|(i, (k, v))| Entry { key: k.to_string(), value: v.clone(), line: i + 2 })
        .collect()
}

#[test]
fn lenient_shapes() {
    let (mut e, mut w) = (vec![], vec![]);
    let fm = read(
        entries(&[
            ("title", json!(1984)),
            ("tags", json!("council, budget ,")),
            ("author", json!("Ann Lee")),
            ("authors", json!(["Bo Chan"])),
            ("image", Value::Null),
        ]),
        Path::new("a.md"),
        &mut e,
        &mut w,
    );
    assert!(e.is_empty() && w.is_empty());
    assert_eq!(fm.title.unwrap().value, "1984");
    assert_eq!(fm.tags, ["council", "budget"]);
    assert_eq!(fm.authors, ["Ann Lee", "Bo Chan"]);
    assert_eq!(fm.image, None);
}

#[test]
fn bylines_in_every_shape() {
    let (mut e, mut w) = (vec![], vec![]);
    let fm = read(
        entries(&[
            ("author", json!("Ann Lee and Bo Chan")),
            ("by", json!("Cy Ode, Di Fox & Ed Gray")),
            ("authors", json!([])),
            ("categories", json!(["news", 2024])),
            ("category", json!("politics")),
        ]),
        Path::new("a.md"),
        &mut e,
        &mut w,
    );
    assert!(e.is_empty() && w.is_empty(), "{e:?} {w:?}");
    assert_eq!(fm.authors, ["Ann Lee", "Bo Chan", "Cy Ode", "Di Fox", "Ed Gray"]);
    assert_eq!(fm.categories, ["news", "2024", "politics"]);
    assert_eq!(fm.extra["category"], json!("politics"));
}

#[test]
fn script_urls_are_refused() {
    for bad in ["javascript:alert(1)", " JaVa\tScript:x", "data:text/html,<b>", "vbscript:x"] {
        let (mut e, mut w) = (vec![], vec![]);
        let fm = read(entries(&[("source", json!(bad))]), Path::new("a.md"), &mut e, &mut w);
        assert_eq!(fm.source, None);
        assert!(e[0].to_string().contains("`source` must be a web address"), "{bad}");
    }
    let (mut e, mut w) = (vec![], vec![]);
    let fm = read(
        entries(&[("source", json!("https://a.org/x")), ("image", json!("img/a.png"))]),
        Path::new("a.md"),
        &mut e,
        &mut w,
    );
    assert!(e.is_empty());
    assert_eq!(fm.source.as_deref(), Some("https://a.org/x"));
}

#[test]
fn short_keys_are_not_typos() {
    let (mut e, mut w) = (vec![], vec![]);
    read(entries(&[("my", json!(1)), ("id", json!(2))]), Path::new("a.md"), &mut e, &mut w);
    assert!(w.is_empty(), "{w:?}");
    read(
        entries(&[("image1", json!("a.png")), ("image2", json!("b.png"))]),
        Path::new("a.md"),
        &mut e,
        &mut w,
    );
    assert!(w.is_empty(), "numbered keys: {w:?}");
}

#[test]
fn keys_are_read_in_any_case() {
    let (mut e, mut w) = (vec![], vec![]);
    let pairs = [
        ("Title", json!("Mill")),
        ("DATE", json!("2020-05-05")),
        ("Tags", json!(["a"])),
        ("lastMod", json!("2020-06-01")),
    ];
    let fm = read(entries(&pairs), Path::new("a.md"), &mut e, &mut w);
    assert!(e.is_empty() && w.is_empty(), "{e:?} {w:?}");
    assert_eq!(fm.title.map(|t| t.value).as_deref(), Some("Mill"));
    assert_eq!(fm.date.map(|d| d.value).as_deref(), Some("2020-05-05"));
    assert_eq!((fm.tags, fm.updated.map(|d| d.value)), (vec!["a".to_string()], Some("2020-06-01".into())));
}

#[test]
fn typos_warn_and_are_kept() {
    let (mut e, mut w) = (vec![], vec![]);
    let fm = read(
        entries(&[
            ("tittle", json!("x")),
            ("tag", json!("a")),
            ("autor", json!("b")),
            ("location", json!("Dock")),
        ]),
        Path::new("a.md"),
        &mut e,
        &mut w,
    );
    let msgs: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(msgs[0].starts_with("a.md:2:1: warning: unknown key `tittle`: did you mean `title`?"));
    assert!(msgs[1].contains("did you mean `tags`"));
    assert!(msgs[2].contains("did you mean `author`"));
    assert_eq!(fm.extra.len(), 4);
}

#[test]
fn wrong_types_are_errors_with_lines() {
    let (mut e, mut w) = (vec![], vec![]);
    read(entries(&[("title", json!(["a"])), ("draft", json!("maybe"))]), Path::new("a.md"), &mut e, &mut w);
    let msgs: Vec<String> = e.iter().map(ToString::to_string).collect();
    assert!(msgs[0].starts_with("a.md:2:1: `title` must be text"), "{msgs:?}");
    assert!(msgs[1].starts_with("a.md:3:1: `draft` must be true or false"), "{msgs:?}");
}
