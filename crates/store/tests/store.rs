//! Store behaviour: idempotent ingest, cross-article fusion, queries and exports read back by
//! standard readers. Records are built by hand so that these tests do not move with extraction.
use std::process::Command;

use rasd_model::*;
use rasd_store::{EventQuery, ExportFormat, Store};

fn loc(name: &str, id: &str, country: &str, lat: f64, lon: f64, p: GeoPrecision) -> Location {
    Location {
        name: name.into(),
        name_en: None,
        place_id: Some(id.into()),
        country: Some(country.into()),
        admin1: None,
        lat: Some(lat),
        lon: Some(lon),
        precision: Some(p),
    }
}

fn claim(source: &str, stance: Stance) -> Claim {
    Claim {
        source: source.into(),
        anonymous: true,
        via: None,
        stance,
        source_id: None,
        evidence: vec![],
    }
}

fn event(kind: EventType, date: &str, l: Location, claims: Vec<Claim>) -> Event {
    Event {
        id: "e1".into(),
        kind,
        date: Some(date.into()),
        date_precision: DatePrecision::Day,
        date_text: None,
        location: Some(l),
        actors: vec![],
        weapons: vec![Weapon::Drone],
        count: None,
        killed: None,
        injured: None,
        outcome: vec![],
        claims,
        contradiction: false,
        evidence: vec![Span::new(0, 5)],
    }
}

fn doc(id: &str, outlet: &str, text: &str, events: Vec<Event>) -> (Document, Record) {
    let mut d = Document::new(id, text);
    d.meta.source = Some(outlet.into());
    let r = Record {
        doc: DocInfo {
            id: id.into(),
            source: Some(outlet.into()),
            published: Some("2024-03-09".into()),
            lang: "ar".into(),
            ..Default::default()
        },
        events,
        entities: vec![Entity {
            id: "iq".into(),
            kind: EntityType::State,
            name: "العراق".into(),
            name_en: Some("Iraq".into()),
            aliases: vec![],
            mentions: vec![Span::new(0, 3)],
            new: false,
            country: Some("IQ".into()),
            designations: vec![],
        }],
        ..Default::default()
    };
    (d, r)
}

fn harir() -> Location {
    loc(
        "قاعدة حرير",
        "IQ.harir_base",
        "IQ",
        36.53,
        44.35,
        GeoPrecision::Facility,
    )
}

fn two_reports() -> Vec<(Document, Record)> {
    vec![
        doc(
            "a",
            "وكالة أولى",
            "مصدر أمني يؤكد هجوما بطائرة مسيرة على قاعدة حرير.",
            vec![event(
                EventType::AirDroneStrike,
                "2024-03-09",
                harir(),
                vec![claim("مصدر أمني", Stance::Asserts)],
            )],
        ),
        doc(
            "b",
            "صحيفة ثانية",
            "البنتاغون ليس على علم بأي هجوم على قاعدة حرير.",
            vec![event(
                EventType::AirDroneStrike,
                "2024-03-09",
                harir(),
                vec![claim("البنتاغون", Stance::Unconfirmed)],
            )],
        ),
    ]
}

#[test]
fn ingesting_twice_changes_nothing() {
    let mut s = Store::open(":memory:").unwrap();
    s.ingest(&two_reports()).unwrap();
    let first = s.counts().unwrap();
    let again = s.ingest(&two_reports()).unwrap();
    assert_eq!(again.documents, 0);
    assert_eq!(again.duplicates, 2);
    // The same text under another id is the same document.
    let (mut d, mut r) = two_reports().remove(0);
    d.id = "a-copy".into();
    r.doc.id = "a-copy".into();
    s.ingest(&[(d, r)]).unwrap();
    assert_eq!(s.counts().unwrap(), first);
}

#[test]
fn two_outlets_on_one_attack_fuse_with_both_claims_and_a_contradiction() {
    let mut s = Store::open(":memory:").unwrap();
    let st = s.ingest(&two_reports()).unwrap();
    assert_eq!((st.reports, st.fused, st.new_events), (2, 1, 1));
    let page = s.events(&EventQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    let e = s.event(&page.items[0].id).unwrap().unwrap();
    assert_eq!(e.reports.len(), 2);
    assert_eq!(e.claims.len(), 2);
    assert!(e.summary.contradiction);
    assert_eq!(e.summary.sources.len(), 2);
    let why = s.explain(&page.items[0].id).unwrap().unwrap();
    assert!(
        why.reasons.iter().any(|r| r.contains("same place")),
        "{:?}",
        why.reasons
    );
}

#[test]
fn same_day_attacks_at_distant_places_stay_apart() {
    let mut s = Store::open(":memory:").unwrap();
    let far = loc(
        "قاعدة عين الأسد",
        "IQ.ain_al_asad",
        "IQ",
        33.79,
        42.44,
        GeoPrecision::Facility,
    );
    s.ingest(&[
        doc(
            "a",
            "وكالة أولى",
            "هجوم على حرير",
            vec![event(
                EventType::AirDroneStrike,
                "2024-03-09",
                harir(),
                vec![],
            )],
        ),
        doc(
            "c",
            "وكالة ثالثة",
            "هجوم على عين الأسد",
            vec![event(EventType::AirDroneStrike, "2024-03-09", far, vec![])],
        ),
    ])
    .unwrap();
    assert_eq!(s.counts().unwrap().canonical_events, 2);
}

#[test]
fn queries_filter_by_country_type_bbox_and_text() {
    let mut s = Store::open(":memory:").unwrap();
    s.ingest(&two_reports()).unwrap();
    let q = |q: EventQuery| s.events(&q).unwrap().total;
    assert_eq!(
        q(EventQuery {
            country: Some("IQ".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventQuery {
            country: Some("SY".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        q(EventQuery {
            types: vec![EventType::Protest],
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        q(EventQuery {
            bbox: Some([44.0, 36.0, 45.0, 37.0]),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventQuery {
            from: Some("2024-03-10".into()),
            ..Default::default()
        }),
        0
    );
    // Full text over normalised Arabic: «مسيّرة» with a shadda finds «مسيرة».
    assert_eq!(
        q(EventQuery {
            text: Some("مسيّرة".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(s.search("البنتاغون", 10).unwrap().len(), 1);
    assert_eq!(s.documents(10, 0).unwrap().total, 2);
    assert!(s.entity("iq").unwrap().is_some());
}

fn export(s: &Store, f: ExportFormat) -> Vec<u8> {
    let mut buf = Vec::new();
    s.export(f, &EventQuery::default(), &mut buf).unwrap();
    buf
}

fn python(script: &str, data: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in");
    std::fs::write(&path, data).unwrap();
    match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(o) => {
            assert!(
                o.status.success(),
                "python: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(String::from_utf8_lossy(&o.stdout).trim().to_string())
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: python3 not found");
            None
        }
        Err(e) => panic!("python3 is required in CI: {e}"),
    }
}

#[test]
fn exports_are_read_back_by_standard_readers() {
    let mut s = Store::open(":memory:").unwrap();
    s.ingest(&two_reports()).unwrap();
    let csv = export(&s, ExportFormat::AcledCsv);
    if let Some(out) = python(
        "import csv,sys\nrows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8')))\nassert rows[0]['event_type']=='Explosions/Remote violence', rows\nassert rows[0]['country']=='Iraq'\nassert 'contradiction' in rows[0]['tags']\nprint(len(rows), len(rows[0]))",
        &csv,
    ) {
        assert_eq!(out, "1 31");
    }
    let jsonl = export(&s, ExportFormat::Jsonl);
    if let Some(out) = python("import json,sys\nrows=[json.loads(l) for l in open(sys.argv[1],encoding='utf-8')]\nprint(len(rows), len(rows[0]['claims']))", &jsonl) {
        assert_eq!(out, "1 2");
    }
    let plover = export(&s, ExportFormat::PloverJsonl);
    if let Some(out) = python("import json,sys\nrows=[json.loads(l) for l in open(sys.argv[1],encoding='utf-8')]\nprint(rows[0]['event_type'])", &plover) {
        assert_eq!(out, "ASSAULT");
    }
    let geo = export(&s, ExportFormat::Geojson);
    let check = "import json,sys\nd=json.load(open(sys.argv[1],encoding='utf-8'))\nassert d['type']=='FeatureCollection'\nfor f in d['features']:\n    assert f['type']=='Feature' and f['geometry']['type']=='Point'\n    lon,lat=f['geometry']['coordinates']\n    assert -180<=lon<=180 and -90<=lat<=90\n    assert isinstance(f['properties'],dict) and 'type' in f['properties']\nprint(len(d['features']))";
    if let Some(out) = python(check, &geo) {
        assert_eq!(out, "1");
    }
    let pq = export(&s, ExportFormat::Parquet);
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        bytes::Bytes::from(pq),
    )
    .unwrap()
    .build()
    .unwrap();
    let rows: usize = reader.map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows, 1);
}
