//! Exports in the formats analysts already use.
//!
//! ## ACLED-style CSV: how rasd fields map to the columns
//! | column | from |
//! |---|---|
//! | event_id_cnty | country code and the canonical number (`IQ000012`) |
//! | event_date, year | `date` (a month or a year stands at its first day) |
//! | time_precision | 1 day, 2 month or season, 3 year or unknown |
//! | disorder_type | Political violence (violent types), Demonstrations (protest), Strategic developments (others) |
//! | event_type, sub_event_type | `EventType::acled()`; designation and threat: Strategic developments / Other |
//! | actor1, actor2 | the first actor and the first target; assoc_actor_* the others, `; `-joined |
//! | inter1, inter2, interaction, civilian_targeting, admin2, admin3, source_scale | left empty: rasd does not code them |
//! | iso, region, country | from the location's country (ISO 3166 numeric, ACLED region, English name) |
//! | admin1, location, latitude, longitude | the location (English name when known) |
//! | geo_precision | 1 facility or town, 2 district, governorate or region, 3 country |
//! | source | the outlets that reported it, `; `-joined |
//! | notes | a one-line summary with the claims and their stances |
//! | fatalities | `killed` (0 when unknown, as ACLED does) |
//! | tags | `contradiction` when sources disagree; `reports=N` |
//! | timestamp | export time (Unix seconds) |
//!
//! PLOVER JSON Lines use `EventType::plover()`; GeoJSON writes points `[lon, lat]` with the
//! event's properties (events without coordinates are left out); JSON Lines write each
//! canonical event with its claims and reports; Parquet writes a flat table.
use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use rasd_model::{DatePrecision, EventType, GeoPrecision, Role};
use serde_json::json;

use crate::{EventDetail, ExportFormat, StoreError};

/// (ISO alpha-2, ISO numeric, English name, ACLED region).
const COUNTRIES: &[(&str, u16, &str, &str)] = &[
    ("IQ", 368, "Iraq", "Middle East"),
    ("SY", 760, "Syria", "Middle East"),
    ("LB", 422, "Lebanon", "Middle East"),
    ("PS", 275, "Palestine", "Middle East"),
    ("IL", 376, "Israel", "Middle East"),
    ("JO", 400, "Jordan", "Middle East"),
    ("IR", 364, "Iran", "Middle East"),
    ("YE", 887, "Yemen", "Middle East"),
    ("SA", 682, "Saudi Arabia", "Middle East"),
    ("AE", 784, "United Arab Emirates", "Middle East"),
    ("KW", 414, "Kuwait", "Middle East"),
    ("BH", 48, "Bahrain", "Middle East"),
    ("QA", 634, "Qatar", "Middle East"),
    ("OM", 512, "Oman", "Middle East"),
    ("TR", 792, "Turkey", "Middle East"),
    ("EG", 818, "Egypt", "Northern Africa"),
    ("LY", 434, "Libya", "Northern Africa"),
    ("TN", 788, "Tunisia", "Northern Africa"),
    ("DZ", 12, "Algeria", "Northern Africa"),
    ("MA", 504, "Morocco", "Northern Africa"),
    ("SD", 729, "Sudan", "Northern Africa"),
    ("SS", 728, "South Sudan", "Eastern Africa"),
    ("SO", 706, "Somalia", "Eastern Africa"),
    ("US", 840, "United States", "North America"),
    ("CY", 196, "Cyprus", "Europe"),
];

fn country(code: Option<&str>) -> (String, String, String) {
    match code.and_then(|c| COUNTRIES.iter().find(|x| x.0 == c)) {
        Some((_, n, name, region)) => (n.to_string(), name.to_string(), region.to_string()),
        None => (
            String::new(),
            code.unwrap_or_default().to_string(),
            String::new(),
        ),
    }
}

fn first_day(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01"),
        4 => format!("{date}-01-01"),
        _ => date.to_string(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn names(e: &EventDetail, role: Role) -> Vec<String> {
    e.summary
        .actors
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.name_en.clone().unwrap_or_else(|| a.name.clone()))
        .collect()
}

fn notes(e: &EventDetail) -> String {
    let s = &e.summary;
    let loc = s
        .location
        .as_ref()
        .map(|l| l.name.clone())
        .unwrap_or_default();
    let claims: Vec<String> = e
        .claims
        .iter()
        .map(|c| {
            format!(
                "{} ({})",
                c.claim.source,
                serde_json::to_value(c.claim.stance)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            )
        })
        .collect();
    format!(
        "{} at {} on {}. Claims: {}",
        s.kind.as_str(),
        loc,
        s.date.clone().unwrap_or_default(),
        claims.join("; ")
    )
}

/// The ACLED column names, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

fn acled_row(e: &EventDetail, now: u64) -> Vec<String> {
    let s = &e.summary;
    let loc = s.location.as_ref();
    let code = loc.and_then(|l| l.country.as_deref());
    let (iso, cname, region) = country(code);
    let date = s.date.as_deref().map(first_day).unwrap_or_default();
    let time_precision = match s.date_precision {
        DatePrecision::Day => "1",
        DatePrecision::Month | DatePrecision::Season => "2",
        _ => "3",
    };
    let (et, sub) = s
        .kind
        .acled()
        .unwrap_or(("Strategic developments", "Other"));
    let disorder = match s.kind {
        EventType::Protest => "Demonstrations",
        EventType::Designation | EventType::Threat | EventType::Agreement | EventType::Arrest => {
            "Strategic developments"
        }
        _ => "Political violence",
    };
    let actors = names(e, Role::Actor);
    let targets = names(e, Role::Target);
    let geo = match loc.and_then(|l| l.precision) {
        Some(GeoPrecision::Facility | GeoPrecision::Locality) => "1",
        Some(GeoPrecision::Country) | None => "3",
        _ => "2",
    };
    let num = s.id.trim_start_matches("ev-");
    let mut tags = vec![format!("reports={}", s.n_reports)];
    if s.contradiction {
        tags.insert(0, "contradiction".into());
    }
    vec![
        format!("{}{num}", code.unwrap_or("XX")),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        time_precision.into(),
        disorder.into(),
        et.into(),
        sub.into(),
        actors.first().cloned().unwrap_or_default(),
        actors
            .iter()
            .skip(1)
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
        String::new(),
        targets.first().cloned().unwrap_or_default(),
        targets
            .iter()
            .skip(1)
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
        String::new(),
        String::new(),
        String::new(),
        iso,
        region,
        cname,
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        String::new(),
        String::new(),
        loc.map(|l| l.name_en.clone().unwrap_or_else(|| l.name.clone()))
            .unwrap_or_default(),
        loc.and_then(|l| l.lat)
            .map(|x| format!("{x:.4}"))
            .unwrap_or_default(),
        loc.and_then(|l| l.lon)
            .map(|x| format!("{x:.4}"))
            .unwrap_or_default(),
        geo.into(),
        s.sources.join("; "),
        String::new(),
        notes(e),
        s.killed.unwrap_or(0).to_string(),
        tags.join("; "),
        now.to_string(),
    ]
}

/// Write events in a format; returns how many were written.
pub fn write(
    format: ExportFormat,
    events: &[EventDetail],
    out: &mut (dyn Write + Send),
) -> Result<usize, StoreError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    match format {
        ExportFormat::AcledCsv => {
            writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
            for e in events {
                let row: Vec<String> = acled_row(e, now).iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
            Ok(events.len())
        }
        ExportFormat::Jsonl => {
            for e in events {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
            Ok(events.len())
        }
        ExportFormat::PloverJsonl => {
            for e in events {
                let s = &e.summary;
                let loc = s.location.as_ref();
                let v = json!({
                    "id": s.id,
                    "event_type": s.kind.plover(),
                    "mode": s.kind.acled().map(|x| x.1),
                    "rasd_type": s.kind.as_str(),
                    "event_date": s.date,
                    "actor": names(e, Role::Actor).first(),
                    "recipient": names(e, Role::Target).first(),
                    "location": loc.map(|l| json!({"name": l.name, "country": l.country, "admin1": l.admin1, "lat": l.lat, "lon": l.lon})),
                    "fatalities": s.killed,
                    "injuries": s.injured,
                    "context": if s.contradiction { vec!["contradiction"] } else { Vec::new() },
                    "sources": s.sources,
                    "claims": e.claims.iter().map(|c| json!({"source": c.claim.source, "stance": c.claim.stance, "via": c.claim.via, "doc_id": c.doc_id})).collect::<Vec<_>>(),
                });
                writeln!(out, "{v}")?;
            }
            Ok(events.len())
        }
        ExportFormat::Geojson => {
            let features: Vec<serde_json::Value> = events
                .iter()
                .filter_map(|e| {
                    let s = &e.summary;
                    let l = s.location.as_ref()?;
                    let (lat, lon) = (l.lat?, l.lon?);
                    Some(json!({
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [lon, lat]},
                        "properties": {
                            "id": s.id, "type": s.kind.as_str(), "date": s.date, "location": l.name,
                            "country": l.country, "admin1": l.admin1, "precision": l.precision,
                            "killed": s.killed, "injured": s.injured, "contradiction": s.contradiction,
                            "n_reports": s.n_reports, "sources": s.sources,
                        }
                    }))
                })
                .collect();
            let n = features.len();
            serde_json::to_writer(
                &mut *out,
                &json!({"type": "FeatureCollection", "features": features}),
            )?;
            writeln!(out)?;
            Ok(n)
        }
        ExportFormat::Parquet => parquet(events, out),
    }
}

fn parquet(events: &[EventDetail], out: &mut (dyn Write + Send)) -> Result<usize, StoreError> {
    let str_col = |f: &dyn Fn(&EventDetail) -> Option<String>| -> ArrayRef {
        Arc::new(StringArray::from(
            events.iter().map(f).collect::<Vec<Option<String>>>(),
        ))
    };
    let f64_col = |f: &dyn Fn(&EventDetail) -> Option<f64>| -> ArrayRef {
        Arc::new(Float64Array::from(
            events.iter().map(f).collect::<Vec<Option<f64>>>(),
        ))
    };
    let u64_col = |f: &dyn Fn(&EventDetail) -> Option<u64>| -> ArrayRef {
        Arc::new(UInt64Array::from(
            events.iter().map(f).collect::<Vec<Option<u64>>>(),
        ))
    };
    let schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Utf8, true),
        Field::new("type", DataType::Utf8, true),
        Field::new("date", DataType::Utf8, true),
        Field::new("location", DataType::Utf8, true),
        Field::new("country", DataType::Utf8, true),
        Field::new("admin1", DataType::Utf8, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("actor", DataType::Utf8, true),
        Field::new("target", DataType::Utf8, true),
        Field::new("weapons", DataType::Utf8, true),
        Field::new("killed", DataType::UInt64, true),
        Field::new("injured", DataType::UInt64, true),
        Field::new("contradiction", DataType::Boolean, true),
        Field::new("n_reports", DataType::UInt64, true),
        Field::new("sources", DataType::Utf8, true),
    ]));
    let loc = |e: &EventDetail| e.summary.location.clone();
    let cols: Vec<ArrayRef> = vec![
        str_col(&|e| Some(e.summary.id.clone())),
        str_col(&|e| Some(e.summary.kind.as_str().to_string())),
        str_col(&|e| e.summary.date.clone()),
        str_col(&|e| loc(e).map(|l| l.name)),
        str_col(&|e| loc(e).and_then(|l| l.country)),
        str_col(&|e| loc(e).and_then(|l| l.admin1)),
        f64_col(&|e| loc(e).and_then(|l| l.lat)),
        f64_col(&|e| loc(e).and_then(|l| l.lon)),
        str_col(&|e| names(e, Role::Actor).first().cloned()),
        str_col(&|e| names(e, Role::Target).first().cloned()),
        str_col(&|e| {
            Some(
                e.summary
                    .weapons
                    .iter()
                    .filter_map(|w| serde_json::to_value(w).ok()?.as_str().map(String::from))
                    .collect::<Vec<_>>()
                    .join(";"),
            )
        }),
        u64_col(&|e| e.summary.killed),
        u64_col(&|e| e.summary.injured),
        Arc::new(BooleanArray::from(
            events
                .iter()
                .map(|e| Some(e.summary.contradiction))
                .collect::<Vec<_>>(),
        )),
        u64_col(&|e| Some(e.summary.n_reports as u64)),
        str_col(&|e| Some(e.summary.sources.join("; "))),
    ];
    let batch = RecordBatch::try_new(schema.clone(), cols)
        .map_err(|e| StoreError::Parquet(e.to_string()))?;
    let mut buf = Vec::new();
    {
        let mut w = parquet::arrow::ArrowWriter::try_new(&mut buf, schema, None)
            .map_err(|e| StoreError::Parquet(e.to_string()))?;
        w.write(&batch)
            .map_err(|e| StoreError::Parquet(e.to_string()))?;
        w.close().map_err(|e| StoreError::Parquet(e.to_string()))?;
    }
    out.write_all(&buf)?;
    Ok(events.len())
}
