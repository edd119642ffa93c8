//! The store on SQLite: idempotent ingest, cross-article fusion, queries, files and migrations.
mod common;

use common::*;
use rasd_store::{EventQuery, Store};

fn mem() -> Store {
    Store::open(":memory:").unwrap()
}

#[test]
fn ingesting_twice_changes_nothing() {
    scenario_idempotent(&mut mem());
}

#[test]
fn two_outlets_on_one_attack_fuse_with_both_claims_and_a_contradiction() {
    scenario_fusion_contradiction(&mut mem());
}

#[test]
fn same_day_attacks_at_different_places_stay_apart() {
    scenario_apart(&mut mem());
}

#[test]
fn a_new_batch_fuses_against_stored_events() {
    scenario_incremental(&mut mem());
}

#[test]
fn a_taken_id_is_refused_then_replaced() {
    scenario_conflict_and_replace(&mut mem());
}

#[test]
fn queries_filter_page_and_search() {
    scenario_queries(&mut mem());
}

#[test]
fn a_file_database_is_created_reopened_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rasd.db");
    let path = path.to_str().unwrap();
    {
        let mut s = Store::open(path).unwrap();
        assert_eq!(s.backend(), "sqlite");
        s.ingest(&two_reports()).unwrap();
    }
    let mut s = Store::open(path).unwrap();
    assert_eq!(s.counts().unwrap().canonical_events, 1);
    let c = rusqlite::Connection::open(path).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, rasd_store::SCHEMA_VERSION);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Ingesting again into the reopened file changes nothing.
    let before = s.counts().unwrap();
    s.ingest(&two_reports()).unwrap();
    assert_eq!(s.counts().unwrap(), before);
}

#[test]
fn a_database_from_a_newer_rasd_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", 999).unwrap();
    drop(c);
    let err = Store::open(path.to_str().unwrap()).unwrap_err();
    assert!(err.to_string().contains("999"), "{err}");
}

#[test]
fn a_failed_batch_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rasd.db");
    let path = path.to_str().unwrap();
    let mut s = Store::open(path).unwrap();
    s.ingest(&two_reports()[..1]).unwrap();
    // Break the store behind its back so that the second document of the batch fails.
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch("DROP TABLE tolls")
        .unwrap();
    let fine = two_reports().remove(1);
    let mut broken = doc(
        "toll-doc",
        "وكالة",
        "أعلنت وزارة الصحة حصيلة جديدة للضحايا.",
        vec![],
    );
    broken.1.tolls.push(rasd_model::Toll::default());
    assert!(s.ingest(&[fine, broken]).is_err());
    // Neither document of the failed batch is there, and the store still answers.
    assert_eq!(s.documents(10, 0).unwrap().total, 1);
    assert_eq!(
        s.events(&EventQuery::default()).unwrap().items[0].n_reports,
        1
    );
    assert!(s.document("sharq-7").unwrap().is_none());
    assert_eq!(s.search("البنتاغون", 10).unwrap().len(), 0);
}

/// A town, and the governorate it lies in.
fn ramadi_and_anbar() -> (rasd_model::Location, rasd_model::Location) {
    use rasd_model::GeoPrecision;
    let town = loc(
        "الرمادي",
        "IQ.ramadi",
        Some("الأنبار"),
        33.42,
        43.3,
        GeoPrecision::Locality,
    );
    let gov = loc("الأنبار", "IQ.anbar", None, 33.0, 42.0, GeoPrecision::Admin1);
    (town, gov)
}

fn acting(mut e: rasd_model::Event, id: &str, name: &str) -> rasd_model::Event {
    e.actors.push(rasd_model::ActorRef {
        role: rasd_model::Role::Actor,
        name: name.into(),
        name_en: None,
        entity_id: Some(id.into()),
    });
    e
}

#[test]
fn two_events_of_one_bombing_merge_once_many_reports_tell_it() {
    use rasd_model::EventType::SuicideBomb;
    let (town, gov) = ramadi_and_anbar();
    let mut s = mem();
    // The first two reports name two different actors (one misread) and two places, the town
    // and its governorate: two canonical events. Eleven more tell it in the town, later.
    let mut batch = vec![
        doc(
            "a1",
            "outlet-a",
            "تفجير انتحاري في الرمادي أوقع قتلى.",
            vec![acting(
                event(SuicideBomb, "2015-08-06", Some(town.clone()), vec![]),
                "eg",
                "مصر",
            )],
        ),
        doc(
            "b1",
            "outlet-b",
            "تفجير انتحاري في الأنبار أوقع قتلى.",
            vec![acting(
                event(SuicideBomb, "2015-08-06", Some(gov.clone()), vec![]),
                "pk",
                "باكستان",
            )],
        ),
    ];
    s.ingest(&batch).unwrap();
    batch.clear();
    for i in 0..11 {
        batch.push(doc(
            &format!("t{i}"),
            &format!("outlet-t{i}"),
            &format!("انتحاري يفجر نفسه في الرمادي ({i})."),
            vec![event(SuicideBomb, "2015-08-06", Some(town.clone()), vec![])],
        ));
    }
    s.ingest(&batch).unwrap();
    let all = |s: &Store| {
        s.events(&EventQuery {
            limit: 100,
            ..Default::default()
        })
        .unwrap()
        .items
    };
    assert_eq!(all(&s).len(), 2, "{:?}", all(&s));
    // A later report in the governorate joins its event, which then merges into the one twelve
    // reports tell.
    let st = s
        .ingest(&[doc(
            "b2",
            "outlet-c",
            "تفجير انتحاري في الأنبار.",
            vec![event(SuicideBomb, "2015-08-06", Some(gov), vec![])],
        )])
        .unwrap();
    assert_eq!(st.merged, 1);
    let events = all(&s);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].n_reports, 14);
    assert_eq!(events[0].date.as_deref(), Some("2015-08-06"));
}

#[test]
fn a_bombing_many_told_and_told_again_days_later_by_the_same_articles_is_one_event() {
    use rasd_model::EventType::SuicideBomb;
    let (town, _) = ramadi_and_anbar();
    let mut s = mem();
    s.ingest(&bombing_told_by_twelve(&town, None)).unwrap();
    // Two follow-ups each tell it twice: on its day, and on the day of what came after it.
    let follow: Vec<_> = (0..2)
        .map(|i| {
            doc(
                &format!("f{i}"),
                &format!("outlet-f{i}"),
                &format!("بعد ثلاثة أيام على التفجير الانتحاري في الرمادي ({i})."),
                vec![
                    event(SuicideBomb, "2015-08-06", Some(town.clone()), vec![]),
                    event(SuicideBomb, "2015-08-09", Some(town.clone()), vec![]),
                ],
            )
        })
        .collect();
    s.ingest(&follow).unwrap();
    let events = all_events(&s);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].n_reports, 16);
    assert_eq!(events[0].date.as_deref(), Some("2015-08-06"));
}

#[test]
fn a_bombing_many_told_and_told_with_its_toll_weeks_later_is_one_event() {
    use rasd_model::EventType::ArmedClash;
    let (town, _) = ramadi_and_anbar();
    let with_toll = |mut e: rasd_model::Event, k: u64| {
        e.killed = Some(k);
        e
    };
    let mut s = mem();
    s.ingest(&bombing_told_by_twelve(&town, Some(32))).unwrap();
    // Two weeks later an article gives its toll again, dated and typed by what it tells now;
    // another gives another toll at the same place: another event.
    s.ingest(&[
        doc(
            "late",
            "outlet-late",
            "منذ الهجوم الانتحاري الذي أوقع 32 قتيلا في الرمادي.",
            vec![with_toll(
                event(ArmedClash, "2015-08-20", Some(town.clone()), vec![]),
                32,
            )],
        ),
        doc(
            "other",
            "outlet-other",
            "اشتباكات في الرمادي أوقعت 12 قتيلا.",
            vec![with_toll(
                event(ArmedClash, "2015-08-20", Some(town), vec![]),
                12,
            )],
        ),
    ])
    .unwrap();
    let events = all_events(&s);
    assert_eq!(events.len(), 2, "{events:?}");
    let bombing = events
        .iter()
        .find(|e| e.n_reports == 13)
        .expect("the bombing");
    assert_eq!(bombing.date.as_deref(), Some("2015-08-06"));
}

/// Every canonical event of a store (up to 100).
fn all_events(s: &Store) -> Vec<rasd_store::EventSummary> {
    s.events(&EventQuery {
        limit: 100,
        ..Default::default()
    })
    .unwrap()
    .items
}

/// A suicide bombing in a town on 2015-08-06, told by twelve outlets (with a death toll).
fn bombing_told_by_twelve(
    town: &rasd_model::Location,
    killed: Option<u64>,
) -> Vec<(rasd_model::Document, rasd_model::Record)> {
    (0..12)
        .map(|i| {
            let mut e = event(
                rasd_model::EventType::SuicideBomb,
                "2015-08-06",
                Some(town.clone()),
                vec![],
            );
            e.killed = killed;
            doc(
                &format!("t{i}"),
                &format!("outlet-t{i}"),
                &format!("انتحاري يفجر نفسه في الرمادي ({i})."),
                vec![e],
            )
        })
        .collect()
}
