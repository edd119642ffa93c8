//! Exports of canonical events in the formats analysts already use: ACLED-style CSV, PLOVER
//! JSON Lines, GeoJSON, JSON Lines of [`EventDetail`], and Parquet.
//!
//! Every format streams: events are written page by page as the store reads them. The mapping
//! from rasd fields to each format is documented in `crates/store/EXPORTS.md`.
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use rasd_model::{DatePrecision, EntityType, EventType, GeoPrecision, Role};
use serde_json::json;

use crate::{enum_name, EventDetail, ExportFormat, ExportStats, StoreError};

/// What the store knows of an actor: its entity type and country.
pub type ActorKinds = HashMap<String, (EntityType, Option<String>)>;

/// (ISO alpha-2, alpha-3, numeric, English name, ACLED region).
const COUNTRIES: &[(&str, &str, u16, &str, &str)] = &[
    ("IQ", "IRQ", 368, "Iraq", "Middle East"),
    ("SY", "SYR", 760, "Syria", "Middle East"),
    ("LB", "LBN", 422, "Lebanon", "Middle East"),
    ("PS", "PSE", 275, "Palestine", "Middle East"),
    ("IL", "ISR", 376, "Israel", "Middle East"),
    ("JO", "JOR", 400, "Jordan", "Middle East"),
    ("IR", "IRN", 364, "Iran", "Middle East"),
    ("YE", "YEM", 887, "Yemen", "Middle East"),
    ("SA", "SAU", 682, "Saudi Arabia", "Middle East"),
    ("AE", "ARE", 784, "United Arab Emirates", "Middle East"),
    ("KW", "KWT", 414, "Kuwait", "Middle East"),
    ("BH", "BHR", 48, "Bahrain", "Middle East"),
    ("QA", "QAT", 634, "Qatar", "Middle East"),
    ("OM", "OMN", 512, "Oman", "Middle East"),
    ("TR", "TUR", 792, "Turkey", "Middle East"),
    ("CY", "CYP", 196, "Cyprus", "Europe"),
    ("EG", "EGY", 818, "Egypt", "Northern Africa"),
    ("LY", "LBY", 434, "Libya", "Northern Africa"),
    ("TN", "TUN", 788, "Tunisia", "Northern Africa"),
    ("DZ", "DZA", 12, "Algeria", "Northern Africa"),
    ("MA", "MAR", 504, "Morocco", "Northern Africa"),
    ("EH", "ESH", 732, "Western Sahara", "Northern Africa"),
    ("SD", "SDN", 729, "Sudan", "Northern Africa"),
    ("SS", "SSD", 728, "South Sudan", "Eastern Africa"),
    ("SO", "SOM", 706, "Somalia", "Eastern Africa"),
    ("DJ", "DJI", 262, "Djibouti", "Eastern Africa"),
    ("ER", "ERI", 232, "Eritrea", "Eastern Africa"),
    ("ET", "ETH", 231, "Ethiopia", "Eastern Africa"),
    ("KE", "KEN", 404, "Kenya", "Eastern Africa"),
    ("MR", "MRT", 478, "Mauritania", "Western Africa"),
    ("ML", "MLI", 466, "Mali", "Western Africa"),
    ("NE", "NER", 562, "Niger", "Western Africa"),
    ("NG", "NGA", 566, "Nigeria", "Western Africa"),
    ("BF", "BFA", 854, "Burkina Faso", "Western Africa"),
    ("TD", "TCD", 148, "Chad", "Middle Africa"),
    ("KM", "COM", 174, "Comoros", "Eastern Africa"),
    ("AF", "AFG", 4, "Afghanistan", "Caucasus and Central Asia"),
    ("PK", "PAK", 586, "Pakistan", "South Asia"),
    ("AZ", "AZE", 31, "Azerbaijan", "Caucasus and Central Asia"),
    ("AM", "ARM", 51, "Armenia", "Caucasus and Central Asia"),
    ("RU", "RUS", 643, "Russia", "Europe"),
    ("UA", "UKR", 804, "Ukraine", "Europe"),
    ("GB", "GBR", 826, "United Kingdom", "Europe"),
    ("FR", "FRA", 250, "France", "Europe"),
    ("DE", "DEU", 276, "Germany", "Europe"),
    ("US", "USA", 840, "United States", "North America"),
];

/// (alpha-3, numeric, name, region) of an ISO alpha-2 code.
fn country(code: Option<&str>) -> Option<(&'static str, u16, &'static str, &'static str)> {
    let c = code?;
    COUNTRIES
        .iter()
        .find(|x| x.0.eq_ignore_ascii_case(c))
        .map(|x| (x.1, x.2, x.3, x.4))
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

/// The first day a date stands for (`2024-03` → `2024-03-01`).
fn first_day(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01"),
        4 => format!("{date}-01-01"),
        _ => date.to_string(),
    }
}

/// Would a spreadsheet read this cell as a formula? OWASP's list: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return (also after leading spaces, which spreadsheets skip).
fn formula_like(s: &str) -> bool {
    s.starts_with(['\t', '\r'])
        || s.trim_start_matches(' ')
            .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV cell of text (RFC 4180 quoting). Text that a spreadsheet would run as a formula
/// (`=HYPERLINK(…)` from a hostile source name) is neutralised as OWASP describes: a single
/// quote before it, and the cell quoted.
pub fn csv_text(s: &str) -> String {
    if formula_like(s) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else {
        csv_quote(s)
    }
}

/// A CSV cell of a number the exporter formatted itself (a negative longitude stays a number).
pub fn csv_number(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+'))
    {
        s.to_string()
    } else {
        csv_text(s)
    }
}

fn csv_quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The ACLED columns that hold numbers.
const ACLED_NUMERIC: [&str; 11] = [
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "timestamp",
];

fn actor_name(a: &rasd_model::ActorRef) -> String {
    match &a.name_en {
        Some(en) if !en.is_empty() => format!("{en} ({})", a.name),
        _ => a.name.clone(),
    }
}

fn names(e: &EventDetail, role: Role) -> Vec<String> {
    e.summary
        .actors
        .iter()
        .filter(|a| a.role == role)
        .map(actor_name)
        .collect()
}

/// ACLED interaction code of an actor: 1 state forces (8 outside their country), 3 political
/// militias (armed groups), 6 protesters (actor of a protest), 7 civilians; `None` unknown.
fn inter(e: &EventDetail, role: Role, kinds: &ActorKinds) -> Option<u8> {
    let s = &e.summary;
    if role == Role::Actor && s.kind == EventType::Protest {
        return Some(6);
    }
    let a = s.actors.iter().find(|a| a.role == role)?;
    let (kind, home) = kinds.get(a.entity_id.as_deref()?)?;
    let here = s.location.as_ref().and_then(|l| l.country.as_deref());
    Some(match kind {
        EntityType::State => match (home.as_deref(), here) {
            (Some(h), Some(c)) if !h.eq_ignore_ascii_case(c) => 8,
            _ => 1,
        },
        EntityType::ArmedGroup => 3,
        EntityType::Person | EntityType::Media if role == Role::Target => 7,
        _ => return None,
    })
}

fn time_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "1",
        DatePrecision::Month | DatePrecision::Season => "2",
        DatePrecision::Year | DatePrecision::Unknown => "3",
    }
}

fn geo_precision(p: Option<GeoPrecision>) -> &'static str {
    match p {
        Some(GeoPrecision::Facility | GeoPrecision::Locality) => "1",
        Some(GeoPrecision::Admin2 | GeoPrecision::Admin1 | GeoPrecision::Region) => "2",
        Some(GeoPrecision::Country) | None => "3",
    }
}

fn disorder(kind: EventType) -> &'static str {
    match kind {
        EventType::Protest => "Demonstrations",
        EventType::Designation | EventType::Threat | EventType::Agreement | EventType::Arrest => {
            "Strategic developments"
        }
        _ => "Political violence",
    }
}

fn acled_types(kind: EventType) -> (&'static str, &'static str) {
    kind.acled().unwrap_or(("Strategic developments", "Other"))
}

/// A short summary in English with the Arabic names: type, place, date, reports, claims.
fn notes(e: &EventDetail) -> String {
    let s = &e.summary;
    let mut out = s.kind.as_str().replace('_', " ");
    if let Some(l) = &s.location {
        match &l.name_en {
            Some(en) => out.push_str(&format!(" at {} ({en})", l.name)),
            None => out.push_str(&format!(" at {}", l.name)),
        }
    }
    if let Some(d) = &s.date {
        out.push_str(&format!(" on {d}"));
    }
    let actors = names(e, Role::Actor);
    if !actors.is_empty() {
        out.push_str(&format!("; by {}", actors.join(", ")));
    }
    let targets = names(e, Role::Target);
    if !targets.is_empty() {
        out.push_str(&format!("; against {}", targets.join(", ")));
    }
    if s.killed.is_some() || s.injured.is_some() {
        out.push_str(&format!(
            "; killed {}, injured {}",
            s.killed.map_or("?".into(), |k| k.to_string()),
            s.injured.map_or("?".into(), |k| k.to_string())
        ));
    }
    out.push_str(&format!("; {} report(s)", s.n_reports));
    if !e.claims.is_empty() {
        let claims: Vec<String> = e
            .claims
            .iter()
            .map(|c| format!("{} ({})", c.claim.source, enum_name(&c.claim.stance)))
            .collect();
        out.push_str(&format!("; claims: {}", claims.join(", ")));
    }
    if s.contradiction {
        out.push_str("; sources contradict each other");
    }
    out.push('.');
    out
}

fn acled_row(e: &EventDetail, kinds: &ActorKinds, now: u64) -> Vec<String> {
    let s = &e.summary;
    let loc = s.location.as_ref();
    let code = loc.and_then(|l| l.country.as_deref());
    let c = country(code);
    let date = s.date.as_deref().map(first_day).unwrap_or_default();
    let (et, sub) = acled_types(s.kind);
    let actors = names(e, Role::Actor);
    let targets = names(e, Role::Target);
    let i1 =
        inter(e, Role::Actor, kinds).filter(|_| !actors.is_empty() || s.kind == EventType::Protest);
    let i2 = inter(e, Role::Target, kinds);
    let interaction = match (i1, i2) {
        (Some(a), Some(b)) => (u16::from(a.min(b)) * 10 + u16::from(a.max(b))).to_string(),
        (Some(a), None) => (u16::from(a) * 10).to_string(),
        _ => String::new(),
    };
    let civilian =
        if s.kind.acled().map(|x| x.0) == Some("Violence against civilians") || i2 == Some(7) {
            "Civilian targeting"
        } else {
            ""
        };
    let num = s.id.trim_start_matches("ev-").trim_start_matches('0');
    let mut tags = vec![
        format!("rasd_type={}", s.kind.as_str()),
        format!("reports={}", s.n_reports),
    ];
    if s.contradiction {
        tags.insert(0, "contradiction".into());
    }
    let show = |x: Option<u8>| x.map(|v| v.to_string()).unwrap_or_default();
    vec![
        format!("{}{num}", c.map_or("XXX", |c| c.0)),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        time_precision(s.date_precision).into(),
        disorder(s.kind).into(),
        et.into(),
        sub.into(),
        actors.first().cloned().unwrap_or_default(),
        actors.get(1..).unwrap_or_default().join("; "),
        show(i1),
        targets.first().cloned().unwrap_or_default(),
        targets.get(1..).unwrap_or_default().join("; "),
        show(i2),
        interaction,
        civilian.into(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        c.map(|c| c.2.to_string())
            .or_else(|| code.map(String::from))
            .unwrap_or_default(),
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
        geo_precision(loc.and_then(|l| l.precision)).into(),
        s.sources.join("; "),
        String::new(),
        notes(e),
        s.killed.unwrap_or(0).to_string(),
        tags.join("; "),
        now.to_string(),
    ]
}

/// PLOVER mode of an event: how the act was carried out, where rasd can tell.
fn plover_mode(e: &EventDetail) -> Option<&'static str> {
    use rasd_model::Weapon as W;
    let s = &e.summary;
    Some(match s.kind {
        EventType::AirDroneStrike if s.weapons.contains(&W::Drone) => "drone",
        EventType::AirDroneStrike => "aerial",
        EventType::MissileArtillery => "shelling",
        EventType::RemoteExplosive | EventType::SuicideBomb => "explosion",
        EventType::ArmedClash => "firearms",
        EventType::Attack if s.weapons.contains(&W::Knife) => "primitive",
        EventType::Attack => "firearms",
        EventType::Abduction => "abduct",
        EventType::Arrest => "arrest",
        EventType::Protest => "demo",
        EventType::Designation => "sanction",
        EventType::Threat => return None,
        EventType::Agreement => "ceasefire",
    })
}

/// The CAMEO code of an event, refined by its weapon where CAMEO distinguishes it
/// (1952: remotely piloted aerial munitions; 1832: vehicular bombing).
fn cameo(e: &EventDetail) -> &'static str {
    use rasd_model::Weapon as W;
    let s = &e.summary;
    match s.kind {
        EventType::AirDroneStrike if s.weapons.contains(&W::Drone) => "1952",
        EventType::RemoteExplosive if s.weapons.contains(&W::CarBomb) => "1832",
        k => k.cameo(),
    }
}

fn plover(e: &EventDetail, kinds: &ActorKinds) -> serde_json::Value {
    let s = &e.summary;
    let loc = s.location.as_ref();
    let actor = s.actors.iter().find(|a| a.role == Role::Actor);
    let recipient = s.actors.iter().find(|a| a.role == Role::Target);
    let country_of = |a: Option<&rasd_model::ActorRef>| {
        a.and_then(|a| kinds.get(a.entity_id.as_deref()?))
            .and_then(|k| k.1.clone())
    };
    let mut context = Vec::new();
    if s.contradiction {
        context.push("contested");
    }
    if matches!(
        s.kind,
        EventType::AirDroneStrike | EventType::MissileArtillery
    ) {
        context.push("military");
    }
    json!({
        "id": s.id,
        "date": s.date.as_deref().map(first_day),
        "date_precision": s.date_precision,
        "event_type": s.kind.plover(),
        "mode": plover_mode(e),
        "cameo": cameo(e),
        "context": context,
        "actor": actor.map(|a| a.name_en.clone().unwrap_or_else(|| a.name.clone())),
        "actor_name_ar": actor.map(|a| a.name.clone()),
        "actor_id": actor.and_then(|a| a.entity_id.clone()),
        "actor_country": country_of(actor),
        "recipient": recipient.map(|a| a.name_en.clone().unwrap_or_else(|| a.name.clone())),
        "recipient_name_ar": recipient.map(|a| a.name.clone()),
        "recipient_id": recipient.and_then(|a| a.entity_id.clone()),
        "recipient_country": country_of(recipient),
        "location": loc.map(|l| json!({
            "place_name": l.name,
            "place_name_en": l.name_en,
            "place_id": l.place_id,
            "country": l.country,
            "admin1": l.admin1,
            "lat": l.lat,
            "lon": l.lon,
            "geo_precision": l.precision,
        })),
        "fatalities": s.killed,
        "injuries": s.injured,
        "weapons": s.weapons,
        "outcome": s.outcome,
        "rasd_type": s.kind.as_str(),
        "acled_event_type": s.kind.acled().map(|x| x.0),
        "acled_sub_event_type": s.kind.acled().map(|x| x.1),
        "contradiction": s.contradiction,
        "sources": s.sources,
        "doc_ids": e.reports.iter().map(|r| r.doc_id.as_str()).collect::<Vec<_>>(),
        "claims": e.claims.iter().map(|c| json!({
            "source": c.claim.source,
            "anonymous": c.claim.anonymous,
            "via": c.claim.via,
            "stance": c.claim.stance,
            "doc_id": c.doc_id,
            "outlet": c.outlet,
        })).collect::<Vec<_>>(),
    })
}

fn feature(e: &EventDetail) -> Option<serde_json::Value> {
    let s = &e.summary;
    let l = s.location.as_ref()?;
    let (lat, lon) = (l.lat?, l.lon?);
    if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
        return None;
    }
    Some(json!({
        "type": "Feature",
        "id": s.id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": s.id,
            "type": s.kind.as_str(),
            "date": s.date,
            "date_precision": s.date_precision,
            "location": l.name,
            "location_en": l.name_en,
            "place_id": l.place_id,
            "country": l.country,
            "admin1": l.admin1,
            "geo_precision": l.precision,
            "actors": s.actors.iter().filter(|a| a.role == Role::Actor).map(|a| a.name.as_str()).collect::<Vec<_>>(),
            "targets": s.actors.iter().filter(|a| a.role == Role::Target).map(|a| a.name.as_str()).collect::<Vec<_>>(),
            "weapons": s.weapons,
            "outcome": s.outcome,
            "killed": s.killed,
            "injured": s.injured,
            "contradiction": s.contradiction,
            "n_reports": s.n_reports,
            "n_claims": s.n_claims,
            "sources": s.sources,
        }
    }))
}

/// One row of the flat Parquet table.
#[derive(Default)]
struct Columns {
    id: Vec<String>,
    kind: Vec<String>,
    plover: Vec<String>,
    cameo: Vec<String>,
    acled_type: Vec<Option<String>>,
    acled_sub: Vec<Option<String>>,
    date: Vec<Option<String>>,
    date_precision: Vec<String>,
    location: Vec<Option<String>>,
    location_en: Vec<Option<String>>,
    place_id: Vec<Option<String>>,
    country: Vec<Option<String>>,
    admin1: Vec<Option<String>>,
    lat: Vec<Option<f64>>,
    lon: Vec<Option<f64>>,
    geo_precision: Vec<Option<String>>,
    actors: Vec<String>,
    targets: Vec<String>,
    weapons: Vec<String>,
    outcome: Vec<String>,
    killed: Vec<Option<u64>>,
    injured: Vec<Option<u64>>,
    contradiction: Vec<bool>,
    n_reports: Vec<u64>,
    n_claims: Vec<u64>,
    sources: Vec<String>,
    doc_ids: Vec<String>,
}

fn parquet_schema() -> Arc<Schema> {
    let s = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    Arc::new(Schema::new(vec![
        s("id", false),
        s("type", false),
        s("plover_event_type", false),
        s("cameo_code", false),
        s("acled_event_type", true),
        s("acled_sub_event_type", true),
        s("date", true),
        s("date_precision", false),
        s("location", true),
        s("location_en", true),
        s("place_id", true),
        s("country", true),
        s("admin1", true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        s("geo_precision", true),
        s("actors", false),
        s("targets", false),
        s("weapons", false),
        s("outcome", false),
        Field::new("killed", DataType::UInt64, true),
        Field::new("injured", DataType::UInt64, true),
        Field::new("contradiction", DataType::Boolean, false),
        Field::new("n_reports", DataType::UInt64, false),
        Field::new("n_claims", DataType::UInt64, false),
        s("sources", false),
        s("doc_ids", false),
    ]))
}

impl Columns {
    fn push(&mut self, e: &EventDetail) {
        let s = &e.summary;
        let l = s.location.as_ref();
        let join = |v: Vec<String>| v.join("; ");
        self.id.push(s.id.clone());
        self.kind.push(s.kind.as_str().into());
        self.plover.push(s.kind.plover().into());
        self.cameo.push(cameo(e).into());
        self.acled_type
            .push(s.kind.acled().map(|x| x.0.to_string()));
        self.acled_sub.push(s.kind.acled().map(|x| x.1.to_string()));
        self.date.push(s.date.clone());
        self.date_precision.push(enum_name(&s.date_precision));
        self.location.push(l.map(|l| l.name.clone()));
        self.location_en.push(l.and_then(|l| l.name_en.clone()));
        self.place_id.push(l.and_then(|l| l.place_id.clone()));
        self.country.push(l.and_then(|l| l.country.clone()));
        self.admin1.push(l.and_then(|l| l.admin1.clone()));
        self.lat.push(l.and_then(|l| l.lat));
        self.lon.push(l.and_then(|l| l.lon));
        self.geo_precision
            .push(l.and_then(|l| l.precision).map(|p| enum_name(&p)));
        self.actors.push(join(names(e, Role::Actor)));
        self.targets.push(join(names(e, Role::Target)));
        self.weapons
            .push(join(s.weapons.iter().map(enum_name).collect()));
        self.outcome
            .push(join(s.outcome.iter().map(enum_name).collect()));
        self.killed.push(s.killed);
        self.injured.push(s.injured);
        self.contradiction.push(s.contradiction);
        self.n_reports.push(s.n_reports as u64);
        self.n_claims.push(s.n_claims as u64);
        self.sources.push(s.sources.join("; "));
        self.doc_ids
            .push(join(e.reports.iter().map(|r| r.doc_id.clone()).collect()));
    }

    fn len(&self) -> usize {
        self.id.len()
    }

    fn take(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch, StoreError> {
        let c = std::mem::take(self);
        fn text(v: Vec<String>) -> ArrayRef {
            Arc::new(StringArray::from(v))
        }
        fn opt(v: Vec<Option<String>>) -> ArrayRef {
            Arc::new(StringArray::from(v))
        }
        let cols: Vec<ArrayRef> = vec![
            text(c.id),
            text(c.kind),
            text(c.plover),
            text(c.cameo),
            opt(c.acled_type),
            opt(c.acled_sub),
            opt(c.date),
            text(c.date_precision),
            opt(c.location),
            opt(c.location_en),
            opt(c.place_id),
            opt(c.country),
            opt(c.admin1),
            Arc::new(Float64Array::from(c.lat)),
            Arc::new(Float64Array::from(c.lon)),
            opt(c.geo_precision),
            text(c.actors),
            text(c.targets),
            text(c.weapons),
            text(c.outcome),
            Arc::new(UInt64Array::from(c.killed)),
            Arc::new(UInt64Array::from(c.injured)),
            Arc::new(BooleanArray::from(c.contradiction)),
            Arc::new(UInt64Array::from(c.n_reports)),
            Arc::new(UInt64Array::from(c.n_claims)),
            text(c.sources),
            text(c.doc_ids),
        ];
        RecordBatch::try_new(Arc::clone(schema), cols)
            .map_err(|e| StoreError::Parquet(e.to_string()))
    }
}

/// Rows per Parquet row group written at once.
const PARQUET_BATCH: usize = 8192;

enum Sink<'a> {
    Csv(&'a mut (dyn Write + Send)),
    Jsonl(&'a mut (dyn Write + Send)),
    Plover(&'a mut (dyn Write + Send)),
    Geojson(&'a mut (dyn Write + Send)),
    Parquet {
        w: Box<parquet::arrow::ArrowWriter<&'a mut (dyn Write + Send)>>,
        schema: Arc<Schema>,
        cols: Box<Columns>,
    },
}

/// A streaming writer of one export format.
pub struct Writer<'a> {
    sink: Sink<'a>,
    stats: ExportStats,
    now: u64,
}

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Parquet(e.to_string())
}

impl<'a> Writer<'a> {
    /// Start writing a format to `out` (writes the CSV header, opens the GeoJSON collection).
    pub fn new(format: ExportFormat, out: &'a mut (dyn Write + Send)) -> Result<Self, StoreError> {
        let sink = match format {
            ExportFormat::AcledCsv => {
                writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
                Sink::Csv(out)
            }
            ExportFormat::Jsonl => Sink::Jsonl(out),
            ExportFormat::PloverJsonl => Sink::Plover(out),
            ExportFormat::Geojson => {
                write!(out, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
                Sink::Geojson(out)
            }
            ExportFormat::Parquet => {
                let schema = parquet_schema();
                let props = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .build();
                let w = parquet::arrow::ArrowWriter::try_new(out, Arc::clone(&schema), Some(props))
                    .map_err(pq)?;
                Sink::Parquet {
                    w: Box::new(w),
                    schema,
                    cols: Box::default(),
                }
            }
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Ok(Writer {
            sink,
            stats: ExportStats::default(),
            now,
        })
    }

    /// Write one event (`kinds`: what the store knows of its actors).
    pub fn write(&mut self, e: &EventDetail, kinds: &ActorKinds) -> Result<(), StoreError> {
        match &mut self.sink {
            Sink::Csv(out) => {
                let row: Vec<String> = acled_row(e, kinds, self.now)
                    .iter()
                    .zip(ACLED_COLUMNS)
                    .map(|(f, col)| {
                        if ACLED_NUMERIC.contains(&col) {
                            csv_number(f)
                        } else {
                            csv_text(f)
                        }
                    })
                    .collect();
                writeln!(out, "{}", row.join(","))?;
            }
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut **out, e)?;
                writeln!(out)?;
            }
            Sink::Plover(out) => {
                serde_json::to_writer(&mut **out, &plover(e, kinds))?;
                writeln!(out)?;
            }
            Sink::Geojson(out) => match feature(e) {
                Some(f) => {
                    if self.stats.written > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut **out, &f)?;
                }
                None => {
                    self.stats.skipped += 1;
                    return Ok(());
                }
            },
            Sink::Parquet { w, schema, cols } => {
                cols.push(e);
                if cols.len() >= PARQUET_BATCH {
                    let batch = cols.take(schema)?;
                    w.write(&batch).map_err(pq)?;
                }
            }
        }
        self.stats.written += 1;
        Ok(())
    }

    /// Finish the file (close the GeoJSON collection, write the Parquet footer).
    pub fn finish(self) -> Result<ExportStats, StoreError> {
        match self.sink {
            Sink::Csv(out) | Sink::Jsonl(out) | Sink::Plover(out) => out.flush()?,
            Sink::Geojson(out) => {
                // A foreign member (RFC 7946 §6.1) says how many events had no coordinates.
                writeln!(
                    out,
                    "\n],\"rasd\":{{\"events_without_coordinates\":{}}}}}",
                    self.stats.skipped
                )?;
                out.flush()?;
            }
            Sink::Parquet {
                mut w,
                schema,
                mut cols,
            } => {
                if cols.len() > 0 {
                    let batch = cols.take(&schema)?;
                    w.write(&batch).map_err(pq)?;
                }
                let out = w.into_inner().map_err(pq)?;
                out.flush()?;
            }
        }
        Ok(self.stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_text("قاعدة حرير"), "قاعدة حرير");
        assert_eq!(csv_text("a, b"), "\"a, b\"");
        assert_eq!(csv_text("say \"no\""), "\"say \"\"no\"\"\"");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, want) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+1", "\"'+1\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("  =1", "\"'  =1\""),
            ("وكالة = الأنباء", "وكالة = الأنباء"),
        ] {
            assert_eq!(csv_text(cell), want, "{cell:?}");
        }
        assert_eq!(csv_number("-12.5000"), "-12.5000");
        assert_eq!(csv_number("=1"), "\"'=1\"");
    }

    #[test]
    fn countries_have_codes() {
        assert_eq!(country(Some("IQ")).map(|c| c.1), Some(368));
        assert_eq!(country(Some("ps")).map(|c| c.0), Some("PSE"));
        assert!(country(Some("ZZ")).is_none());
        assert_eq!(first_day("2024-03"), "2024-03-01");
    }
}
