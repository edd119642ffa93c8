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
    score_files(
        shared,
        &shared.join(format!("{set}.input.jsonl")),
        &shared.join(format!("{set}.gold.jsonl")),
    )
}

/// Extract every document of `input` and score the records against `gold` with the shared scorer.
fn score_files(shared: &Path, input: &Path, gold: &Path) -> Option<serde_json::Value> {
    let input = std::fs::read_to_string(input).ok()?;
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
        .arg(gold)
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
        (&seed, "claims", 0.80),
        (&seed, "events", 0.85),
        (&seed, "tolls", 0.90),
        (&dev, "entities", 0.80),
        (&dev, "events", 0.80),
        (&dev, "claims", 0.75),
    ] {
        assert!(f1(v, k) >= floor, "{k} F1 {} below {floor}", f1(v, k));
    }
}

/// The project's own evaluation set (`eval/heldout`, articles written for it), scored with the
/// shared scorer: the same floors-only guard, on fifty articles of five genres.
#[test]
fn own_evaluation_set_stays_above_its_floors() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval not found");
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/heldout");
    let (mut input, mut gold) = (String::new(), String::new());
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("eval/heldout")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".input.jsonl"))
        .collect();
    names.sort();
    for p in names {
        input.push_str(&std::fs::read_to_string(&p).expect("input"));
        let g = p.to_string_lossy().replace(".input.jsonl", ".gold.jsonl");
        gold.push_str(&std::fs::read_to_string(g).expect("gold"));
    }
    let mut i = tempfile::NamedTempFile::new().expect("temp");
    let mut g = tempfile::NamedTempFile::new().expect("temp");
    i.write_all(input.as_bytes()).expect("write");
    g.write_all(gold.as_bytes()).expect("write");
    let Some(v) = score_files(&shared, i.path(), g.path()) else {
        eprintln!("skipped: python3 or the scorer is not available");
        return;
    };
    eprintln!("eval/heldout: {v}");
    for (k, floor) in [
        ("events", 0.70),
        ("claims", 0.44),
        ("tolls", 0.57),
        ("entities", 0.80),
    ] {
        assert!(f1(&v, k) >= floor, "{k} F1 {} below {floor}", f1(&v, k));
    }
}
