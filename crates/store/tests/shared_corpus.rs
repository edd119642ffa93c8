//! Real articles from `../shared` (when the files exist next to the workspace), extracted and
//! ingested twice: the second time changes nothing, and every document is stored whole.
mod common;

use common::skip;
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate, Record};
use rasd_store::Store;

const FILES: [&str; 2] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/seed.input.jsonl"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/dev/dev.input.jsonl"
    ),
];

fn documents(path: &str) -> Option<Vec<Document>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).expect("the shared files are JSON Lines");
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
        let mut d = Document::new(s("id").unwrap_or_default(), s("text").unwrap_or_default());
        d.meta.source = s("source");
        d.meta.url = s("url");
        d.meta.title = s("title");
        d.meta.published = s("published").and_then(|p| IsoDate::parse(&p).ok());
        docs.push(d);
    }
    Some(docs)
}

#[test]
fn shared_articles_ingested_twice_give_identical_counts() {
    let p = Pipeline::new();
    let mut batch: Vec<(Document, Record)> = Vec::new();
    for f in FILES {
        match documents(f) {
            Some(docs) => batch.extend(docs.into_iter().map(|d| {
                let r = p.extract(&d);
                (d, r)
            })),
            None => skip(
                "shared corpus",
                &format!("{f} not found (../shared beside the repository)"),
            ),
        }
    }
    if batch.is_empty() {
        return;
    }
    let mut s = Store::open(":memory:").unwrap();
    let first = s.ingest(&batch).unwrap();
    assert_eq!(first.documents, batch.len());
    let counts = s.counts().unwrap();
    let again = s.ingest(&batch).unwrap();
    assert_eq!(again.duplicates, batch.len());
    assert_eq!(s.counts().unwrap(), counts);
    // One document a batch, in reverse: still nothing new.
    for b in batch.iter().rev() {
        s.ingest(std::slice::from_ref(b)).unwrap();
    }
    assert_eq!(s.counts().unwrap(), counts);
    assert_eq!(s.verify().unwrap(), Vec::<String>::new());
    assert!(counts.canonical_events <= counts.events);
    eprintln!("shared corpus: {counts:?}");
}

/// Two outlets of the development set tell the same attack: once stored, some canonical event
/// carries reports from two different documents, and claims from both.
#[test]
fn two_outlets_of_one_attack_fuse_into_one_event_with_both_claims() {
    let Some(docs) = documents(FILES[1]) else {
        skip(
            "two outlets of one attack",
            &format!("{} not found", FILES[1]),
        );
        return;
    };
    let p = Pipeline::new();
    let batch: Vec<(Document, Record)> = docs
        .into_iter()
        .map(|d| {
            let r = p.extract(&d);
            (d, r)
        })
        .collect();
    let mut s = Store::open(":memory:").unwrap();
    s.ingest(&batch).unwrap();
    let page = s
        .events(&rasd_store::EventQuery {
            limit: 10_000,
            ..Default::default()
        })
        .unwrap();
    let mut fused = Vec::new();
    for e in &page.items {
        let d = s.event(&e.id).unwrap().expect("a listed event exists");
        let mut docs: Vec<&str> = d.reports.iter().map(|r| r.doc_id.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut claimed: Vec<&str> = d.claims.iter().map(|c| c.doc_id.as_str()).collect();
        claimed.sort_unstable();
        claimed.dedup();
        if docs.len() >= 2 && claimed.len() >= 2 {
            let why = s
                .explain(&e.id)
                .unwrap()
                .expect("a fused event is explained");
            assert!(why.reports.len() >= 2, "{why:?}");
            fused.push((e.id.clone(), docs.join("+"), d.summary.kind));
        }
    }
    eprintln!("fused across outlets: {fused:?}");
    assert!(
        !fused.is_empty(),
        "no event of the development set was fused across two outlets with both outlets' claims"
    );
}
