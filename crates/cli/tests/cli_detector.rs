//! The shipped detector weights (`data/detector/model.tsv`) are exactly what `rasd detector
//! train` makes from the labels (`data/detector/labels.jsonl`) and the articles they refer to.
//!
//! The labels point into the SaudiNewsNet corpus, which never enters the repository: the test
//! needs `../shared` beside it. Without it the test prints `SKIPPED …` and passes, except under
//! `CI=true`, where it fails.
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../../store/tests/common/skip.rs"]
mod skip;

/// The workspace's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root")
}

/// The first line where two texts differ: its number, and the line in each.
fn first_difference(a: &str, b: &str) -> (usize, String, String) {
    let (mut la, mut lb) = (a.lines(), b.lines());
    for n in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => break,
            (x, y) if x != y => {
                let show = |l: Option<&str>| l.map_or("(end of file)".to_string(), String::from);
                return (n, show(x), show(y));
            }
            _ => {}
        }
    }
    (
        0,
        "(same lines; the line ends differ)".into(),
        String::new(),
    )
}

#[test]
fn shipped_weights_are_what_train_makes() {
    let root = root();
    let corpus = root.join("../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz");
    if !corpus.is_file() {
        skip::skip(
            "detector weights",
            &format!(
                "../shared not found ({} is missing; the labels refer to its articles)",
                corpus.display()
            ),
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("model.tsv");
    // The labels' path is written into the weights' header as given: the documented command
    // gives it relative to the root.
    assert!(root.join("data/detector/labels.jsonl").is_file());
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .current_dir(&root)
        .args([
            "detector",
            "train",
            "--labels",
            "data/detector/labels.jsonl",
        ])
        .arg("--corpus")
        .arg(&corpus)
        .arg("--output")
        .arg(&made)
        .output()
        .expect("rasd runs");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rasd detector train failed:\n{log}");
    let made = std::fs::read_to_string(&made).unwrap();
    let shipped = std::fs::read_to_string(root.join("data/detector/model.tsv")).unwrap();
    if made != shipped {
        let (n, s, m) = first_difference(&shipped, &made);
        panic!(
            "data/detector/model.tsv is not what `rasd detector train` makes now (labels, \
             lexicon or features changed since it was trained?); first difference at line {n}:\n\
             shipped: {s}\ntrained: {m}\nRetrain from the repository's root with \
             `rasd detector train` (see data/detector/README.md).\n{log}"
        );
    }
}
