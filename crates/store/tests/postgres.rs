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
