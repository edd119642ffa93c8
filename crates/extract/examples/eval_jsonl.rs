//! Extract records from a JSON Lines file with the library alone (for quick evaluation runs).
//!
//! `cargo run --release -p rasd-extract --example eval_jsonl -- IN.jsonl > OUT.jsonl`
use std::io::{BufRead, Write};

use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: eval_jsonl IN.jsonl")?;
    let trace = std::env::args().any(|a| a == "--trace");
    let p = Pipeline::builder().trace(trace).build()?;
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v["text"].as_str().unwrap_or_default();
        let mut doc = Document::new(v["id"].as_str().unwrap_or_default(), text);
        doc.meta.published = v["published"].as_str().and_then(|s| IsoDate::parse(s).ok());
        doc.meta.source = v["source"].as_str().map(String::from);
        // The title too, as `rasd extract` reads it: the detector weighs its words.
        doc.meta.title = v["title"].as_str().map(String::from);
        let rec = p.extract(&doc);
        writeln!(out, "{}", serde_json::to_string(&rec)?)?;
    }
    Ok(())
}
