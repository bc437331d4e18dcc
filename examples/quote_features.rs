//! Prints every quote of the given Markdown files with the attribution model's
//! candidates and their features, as JSON Lines: the input of
//! `tools/quotes-train/train.py`.
//!
//! `cargo run --release --example quote_features -- FILE... > features.jsonl`

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let body = dateline::content::split(&text).map_or(text.as_str(), |s| s.body);
        let found = dateline::quotes::extract_with_candidates(&dateline::quotes::blocks(body));
        let quotes: Vec<_> = found
            .iter()
            .map(|(q, cands)| {
                let cands: Vec<_> =
                    cands.iter().map(|c| serde_json::json!({"name": c.name, "x": c.x.to_vec()})).collect();
                serde_json::json!({"text": q.text, "speaker": q.speaker, "candidates": cands})
            })
            .collect();
        writeln!(out, "{}", serde_json::json!({"path": path, "quotes": quotes}))?;
    }
    Ok(())
}
