//! Every export read back by a standard reader: Python's `csv` and `json` modules (skipped when
//! `python3` is missing, except under CI), a GeoJSON structure check, and the Arrow Parquet
//! reader.
mod common;

use std::process::Command;

use arrow_array::{
    Array, BooleanArray, Date32Array, Float64Array, Int64Array, ListArray, StringArray,
};
use arrow_schema::{DataType, TimeUnit};
use common::*;
use rasd_model::{ActorRef, EventType, GeoPrecision, Role, Stance};
use rasd_store::{EventQuery, ExportFormat, Store};

/// Three canonical events: the fused Harir attack (two outlets, a contradiction), an attack on
/// Ain al-Asad, and an arrest without coordinates (left out of GeoJSON).
fn store() -> Store {
    let mut s = Store::open(":memory:").unwrap();
    let mut batch = two_reports();
    let mut far = event(
        EventType::AirDroneStrike,
        "2024-02-10",
        Some(ain_al_asad()),
        vec![claim("مصدر، في \"الشرطة\"", Stance::Asserts)],
    );
    far.killed = Some(2);
    far.injured = Some(5);
    batch.push(doc(
        "asad-1",
        "وكالة ثالثة",
        "قتل شخصان وأصيب خمسة في هجوم على قاعدة عين الأسد.",
        vec![far],
    ));
    // At sea: the Red Sea has no country; the Houthis place it in Yemen.
    let mut sea = event(
        EventType::MissileArtillery,
        "2024-01-20",
        Some(loc(
            "البحر الأحمر",
            "XS.red_sea",
            None,
            20.0,
            38.5,
            GeoPrecision::Region,
        )),
        vec![],
    );
    if let Some(l) = sea.location.as_mut() {
        l.country = None;
        l.name_en = Some("Red Sea".into());
    }
    sea.actors = vec![ActorRef {
        name: "جماعة الحوثي".into(),
        name_en: None,
        entity_id: Some("ye.houthis".into()),
        role: Role::Actor,
    }];
    batch.push(doc(
        "sea-1",
        "قناة خامسة",
        "أعلنت جماعة الحوثي استهداف سفينة في البحر الأحمر بصاروخ.",
        vec![sea],
    ));
    let mut arrest = event(EventType::Arrest, "2024-02", None, vec![]);
    arrest.date_precision = rasd_model::DatePrecision::Month;
    arrest.weapons = vec![];
    let mut l = loc("العراق", "IQ", None, 0.0, 0.0, GeoPrecision::Country);
    l.lat = None;
    l.lon = None;
    arrest.location = Some(l);
    batch.push(doc(
        "arrest-1",
        "صحيفة رابعة",
        "اعتقلت القوات الأمنية خلية في العراق خلال شباط.",
        vec![arrest],
    ));
    s.ingest(&batch).unwrap();
    assert_eq!(s.counts().unwrap().canonical_events, 4);
    s
}

fn export(s: &Store, f: ExportFormat) -> Vec<u8> {
    let mut buf = Vec::new();
    let n = s.export(f, &EventQuery::default(), &mut buf).unwrap();
    assert!(n > 0);
    buf
}

/// Run a Python snippet over `data` (written to a file given as argv[1]); its stdout.
fn python(script: &str, data: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export");
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
        Err(e) => {
            skip(
                "an export read back by Python",
                &format!("python3 not found ({e})"),
            );
            None
        }
    }
}

#[test]
fn acled_csv_is_read_by_python_csv() {
    let s = store();
    let csv = export(&s, ExportFormat::AcledCsv);
    let script = r#"
import csv, sys
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    r = csv.reader(f)
    header = next(r)
    rows = [dict(zip(header, row)) for row in r]
expected = ["event_id_cnty","event_date","year","time_precision","disorder_type","event_type","sub_event_type","actor1","assoc_actor_1","inter1","actor2","assoc_actor_2","inter2","interaction","civilian_targeting","iso","region","country","admin1","admin2","admin3","location","latitude","longitude","geo_precision","source","source_scale","notes","fatalities","tags","timestamp"]
assert header == expected, header
assert all(len(row) == 31 for row in rows)
by = {r['location']: r for r in rows}
h = by['Harir Air Base']
assert h['event_type'] == 'Explosions/Remote violence', h
assert h['sub_event_type'] == 'Air/drone strike'
assert h['country'] == 'Iraq' and h['iso'] == '368' and h['region'] == 'Middle East'
assert h['event_id_cnty'].startswith('IRQ')
assert h['event_date'] == '2024-02-10' and h['year'] == '2024' and h['time_precision'] == '1'
assert h['geo_precision'] == '1'
assert h['source'] == 'وكالة الرافدين; قناة الشرق', h['source']
assert 'contradiction' in h['tags']
assert h['actor1'] == 'Islamic Resistance in Iraq', h['actor1']
assert h['inter1'] == '3', h['inter1']
assert h['actor2'] == 'United States', h['actor2']
assert h['inter2'] == '8' and h['interaction'] == '38', (h['inter2'], h['interaction'])
assert h['admin1'] == 'Erbil', h['admin1']
assert h['timestamp'].isdigit() and int(h['timestamp']) > 1700000000, h['timestamp']
s = [x for x in rows if x['location'] == 'Red Sea'][0]
assert s['event_id_cnty'].startswith('YEM'), s['event_id_cnty']
assert s['country'] == 'Yemen' and s['iso'] == '887', s
assert s['actor1'] == 'Ansar Allah (Houthis)' or s['actor1'].isascii(), s['actor1']
assert s['inter1'] == '2', s['inter1']
assert float(h['latitude']) == 36.53 and float(h['longitude']) == 44.35
a = by['قاعدة عين الأسد']
assert a['fatalities'] == '2'
assert 'مصدر، في "الشرطة"' in a['notes'], a['notes']
r = [x for x in rows if x['sub_event_type'] == 'Arrests'][0]
assert r['time_precision'] == '2' and r['event_date'] == '2024-02-01' and r['geo_precision'] == '3'
assert r['disorder_type'] == 'Strategic developments'
assert r['fatalities'] == '0' and r['latitude'] == ''
print(len(rows))
"#;
    if let Some(out) = python(script, &csv) {
        assert_eq!(out, "4");
    }
    // The timestamp is when the event was stored: the same in every export.
    assert_eq!(csv, export(&s, ExportFormat::AcledCsv));
}

#[test]
fn jsonl_and_plover_are_read_by_python_json() {
    let s = store();
    let jsonl = export(&s, ExportFormat::Jsonl);
    let script = r#"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
h = [r for r in rows if r['n_reports'] == 2][0]
assert h['id'].startswith('ev-') and h['type'] == 'air_drone_strike'
assert h['contradiction'] is True
assert len(h['claims']) == 2 and {c['outlet'] for c in h['claims']} == {'وكالة الرافدين', 'قناة الشرق'}
assert [r['doc_id'] for r in h['reports']] == ['rafidain-1', 'sharq-7']
assert h['reports'][1]['event']['claims'][0]['stance'] == 'unconfirmed'
print(len(rows))
"#;
    if let Some(out) = python(script, &jsonl) {
        assert_eq!(out, "4");
    }
    let plover = export(&s, ExportFormat::PloverJsonl);
    let script = r#"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
types = sorted(r['event_type'] for r in rows)
assert types == ['COERCE', 'FIGHT', 'FIGHT', 'FIGHT'], types
h = [r for r in rows if len(r['doc_ids']) == 2][0]
assert h['mode'] == 'drone' and h['cameo'] == '1952' and h['date'] == '2024-02-10'
assert h['actor'] == 'Islamic Resistance in Iraq' and h['recipient'] == 'US forces'
assert h['location']['country'] == 'IQ' and h['location']['lat'] == 36.53
assert 'contested' in h['context']
print(len(rows))
"#;
    if let Some(out) = python(script, &plover) {
        assert_eq!(out, "4");
    }
}

fn check_geojson(v: &serde_json::Value) -> usize {
    assert_eq!(v["type"], "FeatureCollection");
    let feats = v["features"].as_array().expect("features is an array");
    for f in feats {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        let p = f["properties"]
            .as_object()
            .expect("properties is an object");
        for k in [
            "id",
            "type",
            "date",
            "location",
            "country",
            "killed",
            "contradiction",
            "sources",
        ] {
            assert!(p.contains_key(k), "{k}");
        }
    }
    feats.len()
}

#[test]
fn geojson_is_a_feature_collection_of_points() {
    let s = store();
    let mut buf = Vec::new();
    let st = s
        .export_stats(ExportFormat::Geojson, &EventQuery::default(), &mut buf)
        .unwrap();
    assert_eq!(
        (st.written, st.skipped),
        (3, 1),
        "the arrest has no coordinates"
    );
    let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
    assert_eq!(check_geojson(&v), 3);
    assert_eq!(v["rasd"]["events_without_coordinates"], 1);
    // Harir: [lon, lat], not [lat, lon].
    let h = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["n_reports"] == 2)
        .unwrap();
    assert_eq!(
        h["geometry"]["coordinates"],
        serde_json::json!([44.35, 36.53])
    );
    let script = r#"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert d['type'] == 'FeatureCollection'
for f in d['features']:
    assert f['type'] == 'Feature' and f['geometry']['type'] == 'Point'
    lon, lat = f['geometry']['coordinates']
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert isinstance(f['properties'], dict) and f['properties']['type']
print(len(d['features']))
"#;
    if let Some(out) = python(script, &buf) {
        assert_eq!(out, "3");
    }
    // An empty export is still a valid collection.
    let mut empty = Vec::new();
    let q = EventQuery {
        country: Some("SY".into()),
        ..Default::default()
    };
    s.export(ExportFormat::Geojson, &q, &mut empty).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&empty).unwrap();
    assert_eq!(check_geojson(&v), 0);
}

#[test]
fn parquet_is_read_by_the_arrow_reader_with_arrow_types() {
    let s = store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let mut f = std::fs::File::create(&path).unwrap();
    assert_eq!(
        s.export(ExportFormat::Parquet, &EventQuery::default(), &mut f)
            .unwrap(),
        4
    );
    drop(f);
    let file = std::fs::File::open(&path).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 4);
    let b = &batches[0];
    let schema = b.schema();
    let ty = |n: &str| schema.field_with_name(n).unwrap().data_type().clone();
    assert_eq!(ty("date"), DataType::Date32);
    for n in [
        "actors",
        "actors_en",
        "targets",
        "weapons",
        "outcome",
        "sources",
        "doc_ids",
    ] {
        assert!(
            matches!(ty(n), DataType::List(ref f) if *f.data_type() == DataType::Utf8),
            "{n}"
        );
    }
    for n in ["killed", "injured", "n_reports", "n_claims"] {
        assert_eq!(ty(n), DataType::Int64, "{n}");
    }
    assert!(schema.field_with_name("killed").unwrap().is_nullable());
    assert!(matches!(
        ty("stored_at"),
        DataType::Timestamp(TimeUnit::Millisecond, _)
    ));
    let col = |n: &str| b.column(schema.index_of(n).unwrap()).clone();
    let ids = col("id");
    let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
    let n_reports = col("n_reports");
    let n_reports = n_reports.as_any().downcast_ref::<Int64Array>().unwrap();
    let i = (0..rows).find(|&i| n_reports.value(i) == 2).unwrap();
    assert!(ids.value(i).starts_with("ev-"));
    let contra = col("contradiction");
    assert!(contra
        .as_any()
        .downcast_ref::<BooleanArray>()
        .unwrap()
        .value(i));
    let lat = col("lat");
    let lat = lat.as_any().downcast_ref::<Float64Array>().unwrap();
    assert_eq!(lat.value(i), 36.53);
    assert_eq!(lat.null_count(), 1, "the arrest has no point");
    let date = col("date");
    let date = date.as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(
        i64::from(date.value(i)),
        rasd_model::IsoDate::parse("2024-02-10").unwrap().to_days()
    );
    let sources = col("sources");
    let sources = sources.as_any().downcast_ref::<ListArray>().unwrap();
    let v = sources.value(i);
    let v = v.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(
        (0..v.len()).map(|k| v.value(k)).collect::<Vec<_>>(),
        ["وكالة الرافدين", "قناة الشرق"]
    );
    let killed = col("killed");
    assert!(
        killed.null_count() > 0,
        "unknown figures are nulls, not zeros"
    );
    // pandas reads the same file with its types (when pyarrow and pandas are installed).
    let script = r#"
import sys
try:
    import pandas as pd
except ImportError:
    print("no pandas"); sys.exit(0)
df = pd.read_parquet(sys.argv[1])
assert str(df['date'].dtype).startswith('datetime64') or df['date'].map(type).astype(str).str.contains('date').all(), df['date'].dtype
assert isinstance(df['sources'][0], (list,)) or hasattr(df['sources'][0], '__len__')
assert str(df['stored_at'].dtype).startswith('datetime64'), df['stored_at'].dtype
print(len(df))
"#;
    let bytes = std::fs::read(&path).unwrap();
    if let Some(out) = python(script, &bytes) {
        assert!(out == "4" || out == "no pandas", "{out}");
    }
}

#[test]
fn exports_follow_the_query() {
    let s = store();
    let q = EventQuery {
        types: vec![EventType::Arrest],
        ..Default::default()
    };
    let mut buf = Vec::new();
    assert_eq!(s.export(ExportFormat::Jsonl, &q, &mut buf).unwrap(), 1);
    let q = EventQuery {
        limit: 2,
        ..Default::default()
    };
    let mut buf = Vec::new();
    assert_eq!(s.export(ExportFormat::AcledCsv, &q, &mut buf).unwrap(), 2);
    assert_eq!(String::from_utf8(buf).unwrap().lines().count(), 3);
}
