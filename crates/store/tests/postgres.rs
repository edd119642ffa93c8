//! The store on PostgreSQL: the same scenarios as on SQLite, each in a schema of its own.
//!
//! The server comes from env `RASD_TEST_PG` (a `postgres://` URL; `.ci/setup.d/postgres.sh`
//! starts one and sets it). Without it each test prints `SKIPPED` on the terminal and passes —
//! except under CI (env `CI=true`), where it fails.
mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use rasd_store::{EventQuery, ExportFormat, Store};

/// A schema created for one test and dropped after it.
struct Scratch {
    url: String,
    schema: String,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.url, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

impl Scratch {
    fn open(&self) -> Store {
        let sep = if self.url.contains('?') { '&' } else { '?' };
        let url = format!(
            "{}{sep}options=-c%20search_path%3D{}",
            self.url, self.schema
        );
        Store::open(&url).expect("open the PostgreSQL store")
    }
}

fn scratch(name: &str) -> Option<Scratch> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let url = match std::env::var("RASD_TEST_PG") {
        Ok(u) if !u.trim().is_empty() => u,
        _ => {
            skip(
                &format!("postgres {name}"),
                "set RASD_TEST_PG=postgres://… (source .ci/setup.d/postgres.sh) to run it",
            );
            return None;
        }
    };
    let schema = format!(
        "rasd_t_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        name
    );
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect to RASD_TEST_PG");
    c.batch_execute(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ))
    .expect("create a test schema");
    Some(Scratch { url, schema })
}

#[test]
fn pg_ingesting_twice_changes_nothing() {
    let Some(db) = scratch("idem") else { return };
    let mut s = db.open();
    assert_eq!(s.backend(), "postgres");
    scenario_idempotent(&mut s);
}

#[test]
fn pg_two_outlets_fuse_with_a_contradiction() {
    let Some(db) = scratch("fuse") else { return };
    scenario_fusion_contradiction(&mut db.open());
}

#[test]
fn pg_same_day_attacks_at_different_places_stay_apart() {
    let Some(db) = scratch("apart") else { return };
    scenario_apart(&mut db.open());
}

#[test]
fn pg_a_taken_id_is_refused_then_replaced() {
    let Some(db) = scratch("replace") else { return };
    scenario_conflict_and_replace(&mut db.open());
}

#[test]
fn pg_a_new_batch_fuses_against_stored_events() {
    let Some(db) = scratch("incr") else { return };
    scenario_incremental(&mut db.open());
}

#[test]
fn pg_queries_filter_page_and_search() {
    let Some(db) = scratch("query") else { return };
    scenario_queries(&mut db.open());
}

#[test]
fn pg_reopening_migrates_nothing_and_keeps_data() {
    let Some(db) = scratch("reopen") else { return };
    db.open().ingest(&two_reports()).unwrap();
    let s = db.open();
    assert_eq!(s.counts().unwrap().canonical_events, 1);
    assert!(!s.target().contains(":rasd@") || s.target().contains("***"));
}

#[test]
fn pg_concurrent_ingests_fuse_as_one() {
    let Some(db) = scratch("conc") else { return };
    db.open();
    let batches = two_reports();
    std::thread::scope(|sc| {
        for b in &batches {
            let mut s = db.open();
            sc.spawn(move || s.ingest(std::slice::from_ref(b)).unwrap());
        }
    });
    let s = db.open();
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.events, c.canonical_events), (2, 2, 1));
    assert!(s.verify().unwrap().is_empty());
}

#[test]
fn pg_exports_match_sqlite_exports() {
    let Some(db) = scratch("export") else { return };
    let mut pg = db.open();
    let mut lite = Store::open(":memory:").unwrap();
    pg.ingest(&two_reports()).unwrap();
    lite.ingest(&two_reports()).unwrap();
    for f in [
        ExportFormat::Jsonl,
        ExportFormat::PloverJsonl,
        ExportFormat::Geojson,
    ] {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        pg.export(f, &EventQuery::default(), &mut a).unwrap();
        lite.export(f, &EventQuery::default(), &mut b).unwrap();
        assert_eq!(
            String::from_utf8(a).unwrap(),
            String::from_utf8(b).unwrap(),
            "{f}"
        );
    }
}

/// Eight attacks at eight places on eight days, each told by four outlets.
fn eight_events_four_outlets() -> Vec<(rasd_model::Document, rasd_model::Record)> {
    use rasd_model::{EventType, GeoPrecision, Stance};
    let outlets = ["وكالة الرصد", "قناة الخبر", "موقع الحدث", "صحيفة المساء"];
    let mut out = Vec::new();
    for i in 0..8u32 {
        let place = loc(
            &format!("بلدة رقم {i}"),
            &format!("IQ.test_{i}"),
            Some("الأنبار"),
            30.0 + f64::from(i),
            40.0 + f64::from(i),
            GeoPrecision::Locality,
        );
        for (j, outlet) in outlets.iter().enumerate() {
            let ev = event(
                EventType::AirDroneStrike,
                &format!("2024-03-{:02}", i + 1),
                Some(place.clone()),
                vec![claim(&format!("مصدر {j}"), Stance::Asserts)],
            );
            let text = format!("أفاد {outlet} بأن طائرة مسيرة قصفت البلدة رقم {i} في اليوم {i}.");
            out.push(doc(&format!("ev{i}-o{j}"), outlet, &text, vec![ev]));
        }
    }
    out
}

#[test]
fn pg_four_writers_with_overlapping_reports_lose_nothing_and_fuse_alike() {
    let Some(db) = scratch("four") else { return };
    // Four writers open the new store at once (each migrates it, or finds it migrated).
    let barrier = std::sync::Barrier::new(4);
    let docs = eight_events_four_outlets();
    let stats: Vec<rasd_store::IngestStats> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..4usize)
            .map(|w| {
                let (db, docs, barrier) = (&db, &docs, &barrier);
                sc.spawn(move || {
                    barrier.wait();
                    let mut s = db.open();
                    // Three quarters of the reports each, every writer in its own order: each
                    // report is ingested by three writers at once, one per transaction.
                    let mut mine: Vec<_> = docs
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % 4 != w)
                        .map(|(_, d)| d.clone())
                        .collect();
                    mine.rotate_left(w * 5);
                    if w % 2 == 1 {
                        mine.reverse();
                    }
                    barrier.wait();
                    let mut st = rasd_store::IngestStats::default();
                    for d in &mine {
                        st.add(s.ingest(std::slice::from_ref(d)).expect("ingest"));
                    }
                    st
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let stored: usize = stats.iter().map(|s| s.documents).sum();
    let dupes: usize = stats.iter().map(|s| s.duplicates).sum();
    assert_eq!((stored, dupes), (32, 3 * 32 - 32));
    let s = db.open();
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.events, c.canonical_events), (32, 32, 8));
    let page = s
        .events(&EventQuery {
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert!(page.items.iter().all(|e| e.n_reports == 4), "{page:?}");
    assert!(s.verify().unwrap().is_empty());
}
