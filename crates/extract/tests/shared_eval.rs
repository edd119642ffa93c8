//! Quality guard on the shared evaluation sets, when `../shared` is beside the repository:
//! runs the pipeline over the seed and dev inputs and the shared scorer over the output, and
//! fails when a figure falls below the floor recorded here (raise the floors as quality grows).
//! Skipped when `../shared` or `python3` is missing (the real articles never enter the repo).
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("eval/score.py").exists().then_some(p)
}

fn score(shared: &Path, set: &str) -> Option<serde_json::Value> {
    let input = std::fs::read_to_string(shared.join(format!("{set}.input.jsonl"))).ok()?;
    let p = Pipeline::new();
    let mut out = tempfile::NamedTempFile::new().ok()?;
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let mut doc = Document::new(v["id"].as_str()?, v["text"].as_str()?);
        doc.meta.published = v["published"].as_str().and_then(|s| IsoDate::parse(s).ok());
        doc.meta.source = v["source"].as_str().map(String::from);
        writeln!(out, "{}", serde_json::to_string(&p.extract(&doc)).ok()?).ok()?;
    }
    let res = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(shared.join(format!("{set}.gold.jsonl")))
        .arg(out.path())
        .arg("--json")
        .output()
        .ok()?;
    serde_json::from_slice(&res.stdout).ok()
}

fn f1(v: &serde_json::Value, k: &str) -> f64 {
    v[k]["f1"].as_f64().unwrap_or(0.0)
}

#[test]
fn seed_and_dev_stay_above_their_floors() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval not found");
        return;
    };
    let Some(seed) = score(&shared, "seed/seed") else {
        eprintln!("skipped: python3 or the scorer is not available");
        return;
    };
    let dev = score(&shared, "eval/dev/dev").expect("dev scores");
    eprintln!("seed: {seed}\ndev: {dev}");
    for (v, k, floor) in [
        (&seed, "entities", 0.80),
        (&seed, "relations", 0.80),
        (&seed, "claims", 0.60),
        (&dev, "entities", 0.70),
    ] {
        assert!(f1(v, k) >= floor, "{k} F1 {} below {floor}", f1(v, k));
    }
}
