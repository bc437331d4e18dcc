//! ARCHITECTURE.md's layer table holds for the code: no module of the
//! library imports from a module in a row below its own, nor from another
//! module of its own row.

use std::collections::HashMap;
use std::path::Path;

/// Row of each top-level module, from the ```layers block of ARCHITECTURE.md.
fn layers(doc: &str) -> HashMap<String, usize> {
    let block = doc.split("```layers\n").nth(1).expect("a ```layers block");
    let block = &block[..block.find("```").expect("the block ends")];
    let mut rows = HashMap::new();
    for (row, line) in block.lines().enumerate() {
        for module in line.split_whitespace() {
            assert!(rows.insert(module.to_string(), row).is_none(), "{module} is in two rows");
        }
    }
    rows
}

/// The text of `file` without its `#[cfg(test)]` modules.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut depth = 0i32;
        for skipped in lines.by_ref() {
            depth += skipped.matches('{').count() as i32 - skipped.matches('}').count() as i32;
            if depth <= 0 && (skipped.contains('}') || skipped.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    out
}

/// The top-level modules `text` names through `crate::`.
fn imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + 7..];
        if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(names) = rest.strip_prefix('{') {
            let names = &names[..names.find('}').unwrap_or(names.len())];
            found.extend(names.split(',').map(|n| n.trim().split("::").next().unwrap_or("").to_string()));
        } else {
            found.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    found.retain(|m| m.chars().next().is_some_and(|c| c.is_lowercase()));
    found
}

#[test]
fn modules_import_only_from_the_layers_above_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = layers(&std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md"));
    let src = root.join("src");
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().map(|e| e.expect("walk src")) {
        let path = entry.path();
        let rel = path.strip_prefix(&src).expect("under src");
        if path.extension().is_none_or(|e| e != "rs") || rel.ends_with("tests.rs") {
            continue;
        }
        let first = rel.components().next().expect("a name").as_os_str().to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if matches!(module, "lib" | "main") {
            continue;
        }
        let own = *rows.get(module).unwrap_or_else(|| panic!("{module} is in no row of ARCHITECTURE.md"));
        let text = without_tests(&std::fs::read_to_string(path).expect("read source"));
        for used in imports(&text) {
            let Some(&row) = rows.get(&used) else { continue };
            if used != module && row >= own {
                wrong.push(format!("{}: imports crate::{used} (row {row}) from row {own}", rel.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against ARCHITECTURE.md's layers:\n{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_imports_through_braces_and_paths() {
    let text = "use crate::{archive::Archive, render};\nlet x = crate::feeds::uri(y);\n// $crate::z";
    assert_eq!(imports(text), ["archive", "render", "feeds"]);
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::site;\n}\nuse crate::slug;\n";
    assert_eq!(imports(&without_tests(text)), ["slug"]);
    let rows = layers("```layers\nerror slug\nconfig\n```");
    assert_eq!((rows["slug"], rows["config"]), (0, 1));
}

/// The quote stage's own modules named by `file` (`super::x` at the top of
/// `src/quotes/`, `super::super::x` one folder down), comments left out.
fn quote_imports(text: &str, nested: bool) -> Vec<String> {
    let prefix = if nested { "super::super::" } else { "super::" };
    let code: String =
        text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with("::") || !nested && code[at + prefix.len()..].starts_with("super::") {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        found.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>());
    }
    found.retain(|m| m.chars().next().is_some_and(|c| c.is_lowercase()));
    found
}

#[test]
fn the_quote_stage_modules_import_one_way() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/quotes");
    let mut graph: HashMap<String, Vec<String>> = HashMap::new();
    for entry in walkdir::WalkDir::new(&dir).into_iter().map(|e| e.expect("walk src/quotes")) {
        let rel = entry.path().strip_prefix(&dir).expect("under src/quotes").to_path_buf();
        if rel.extension().is_none_or(|e| e != "rs")
            || rel.ends_with("tests.rs")
            || rel == Path::new("mod.rs")
        {
            continue;
        }
        let nested = rel.components().count() > 1;
        let first = rel.components().next().expect("a name").as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_string();
        let text = without_tests(&std::fs::read_to_string(entry.path()).expect("read source"));
        let uses = graph.entry(module.clone()).or_default();
        uses.extend(quote_imports(&text, nested).into_iter().filter(|u| *u != module));
    }
    // Depth-first search for a way back to where it started.
    fn reaches(graph: &HashMap<String, Vec<String>>, from: &str, to: &str, seen: &mut Vec<String>) -> bool {
        for next in graph.get(from).into_iter().flatten() {
            if next == to {
                return true;
            }
            if !seen.contains(next) {
                seen.push(next.clone());
                if reaches(graph, next, to, seen) {
                    return true;
                }
            }
        }
        false
    }
    let circles: Vec<&String> = graph.keys().filter(|m| reaches(&graph, m, m, &mut Vec::new())).collect();
    assert!(graph.len() > 8, "the quote stage's modules were found: {:?}", graph.keys());
    assert!(circles.is_empty(), "quotes/ modules in an import circle: {circles:?}\n{graph:?}");
}

#[test]
fn the_quote_import_check_reads_super_paths() {
    let text = "use super::names::Tok;\n// super::cues in a comment\nlet v = super::registry::x();";
    assert_eq!(quote_imports(text, false), ["names", "registry"]);
    assert_eq!(quote_imports("use super::super::lexicon::A;\nuse super::Who;", true), ["lexicon"]);
}
