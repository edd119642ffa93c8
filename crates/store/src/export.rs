//! Exports of canonical events in the formats analysts already use: ACLED-style CSV, PLOVER
//! JSON Lines, GeoJSON, JSON Lines of [`EventDetail`], and Parquet.
//!
//! Every format streams: events are written page by page as the store reads them. The mapping
//! from rasd fields to each format is documented in `crates/store/EXPORTS.md`.
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use rasd_extract::kb::{Actor, ActorKind, Knowledge, PlaceKind};
use rasd_model::{DatePrecision, EntityType, EventType, GeoPrecision, IsoDate, Role};
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
/// Write a value as JSON; a failure to write is a failure to write ([`StoreError::Io`]: a
/// reader that has gone is a broken pipe, not bad JSON).
fn json_to<W: Write + ?Sized, T: serde::Serialize>(out: &mut W, v: &T) -> Result<(), StoreError> {
    serde_json::to_writer(out, v).map_err(|e| match e.io_error_kind() {
        Some(_) => StoreError::Io(e.into()),
        None => StoreError::Json(e),
    })
}

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

/// The dictionary entry of an actor, when it has one.
fn dict_actor(a: &rasd_model::ActorRef) -> Option<&'static Actor> {
    Knowledge::builtin().actor(a.entity_id.as_deref()?)
}

/// An actor's English name: the dictionary's, else the one the record gives, else its Arabic
/// name as written.
fn english_name(a: &rasd_model::ActorRef) -> String {
    dict_actor(a)
        .map(|d| d.name_en.clone())
        .or_else(|| a.name_en.clone().filter(|n| !n.is_empty()))
        .unwrap_or_else(|| a.name.clone())
}

fn actor_name(a: &rasd_model::ActorRef) -> String {
    match &a.name_en {
        Some(en) if !en.is_empty() => format!("{en} ({})", a.name),
        _ => match dict_actor(a) {
            Some(d) => format!("{} ({})", d.name_en, a.name),
            None => a.name.clone(),
        },
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

fn english_names(e: &EventDetail, role: Role) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in e.summary.actors.iter().filter(|a| a.role == role) {
        let n = english_name(a);
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Armed groups that fight to overthrow or replace a state's government, or to secede: ACLED's
/// rebel groups (inter code 2). Every other armed group of the dictionary is a political militia
/// (3). The dictionary records no such attribute, so the list is kept here (and in EXPORTS.md).
const REBEL_GROUPS: &[&str] = &[
    "int.isis",
    "int.alqaeda",
    "int.aqim",
    "int.jnim",
    "so.al_shabaab",
    "ye.aqap",
    "ye.houthis",
    "sy.hts",
    "sy.hurras_al_din",
    "sy.tip",
    "sy.ahrar_al_sham",
    "sy.jaysh_al_islam",
    "sy.faylaq_al_sham",
    "sy.nlf",
    "sy.fsa",
    "sy.sdf",
    "sy.ypg",
    "sy.ypj",
    "tr.pkk",
    "tr.hpg",
    "ir.pjak",
    "ir.jaysh_al_adl",
    "ir.ansar_al_furqan",
    "ir.asmla",
    "sd.rsf",
    "sd.jem",
    "sd.sla_mm",
    "sd.sla_aw",
    "sd.splm_n",
    "eg.hasm",
    "eg.liwa_al_thawra",
    "iq.naqshbandi",
    "iq.ansar_al_islam",
];

fn is_rebel(id: &str) -> bool {
    REBEL_GROUPS
        .iter()
        .any(|r| id == *r || id.strip_prefix(r).is_some_and(|rest| rest.starts_with('.')))
}

/// ACLED interaction code of the first actor of a role (the ACLED codebook's actor types):
/// 1 state forces (a state, its forces or agencies, in their own country), 2 rebel groups,
/// 3 political militias (other armed groups), 6 protesters (the actor of a protest), 7 civilians
/// (a person, an outlet or an organisation as target), 8 external forces (a state's forces
/// outside their country); `None` when the actor is not known.
fn inter(e: &EventDetail, role: Role, kinds: &ActorKinds) -> Option<u8> {
    let s = &e.summary;
    if role == Role::Actor && s.kind == EventType::Protest {
        return Some(6);
    }
    let a = s.actors.iter().find(|a| a.role == role)?;
    let id = a.entity_id.as_deref()?;
    let here = event_country(e);
    let state = |home: Option<&str>| match (home, here) {
        (Some(h), Some(c)) if !h.eq_ignore_ascii_case(c) => 8,
        _ => 1,
    };
    if let Some(d) = Knowledge::builtin().actor(id) {
        return match d.kind {
            ActorKind::State | ActorKind::StateForce | ActorKind::Agency => {
                Some(state(d.country.as_deref()))
            }
            ActorKind::ArmedGroup if is_rebel(id) => Some(2),
            ActorKind::ArmedGroup => Some(3),
            ActorKind::Person | ActorKind::Media | ActorKind::Organization
                if role == Role::Target =>
            {
                Some(7)
            }
            _ => None,
        };
    }
    let (kind, home) = kinds.get(id)?;
    Some(match kind {
        EntityType::State => state(home.as_deref()),
        EntityType::ArmedGroup => 3,
        EntityType::Person | EntityType::Media | EntityType::Organization
            if role == Role::Target =>
        {
            7
        }
        _ => return None,
    })
}

/// The country of an event: its place's, else (at sea, in a region across states) the country
/// of its first actor, then of its first target, that the dictionary places in a country.
fn event_country(e: &EventDetail) -> Option<&str> {
    let s = &e.summary;
    if let Some(c) = s.location.as_ref().and_then(|l| l.country.as_deref()) {
        return Some(c);
    }
    for role in [Role::Actor, Role::Target] {
        for a in s.actors.iter().filter(|a| a.role == role) {
            if let Some(c) = dict_actor(a).and_then(|d| d.country.as_deref()) {
                return Some(c);
            }
        }
    }
    None
}

/// The English name of an event's admin1 (governorate, province), as ACLED writes it: from the
/// gazetteer, without the word «Governorate» or «Province».
fn admin1_en(l: &rasd_model::Location) -> Option<String> {
    let kb = Knowledge::builtin();
    let place = l.place_id.as_deref().and_then(|id| kb.place(id));
    let admin = match place {
        Some(p) if p.kind == PlaceKind::Admin1 => Some(p),
        Some(p) => p.admin1.as_deref().and_then(|id| kb.place(id)),
        None => None,
    }
    .or_else(|| {
        // No gazetteer id: the admin1 by its Arabic name, in the event's country.
        let name = rasd_text::match_key_str(l.admin1.as_deref()?);
        kb.places.iter().find(|p| {
            p.kind == PlaceKind::Admin1
                && l.country
                    .as_deref()
                    .is_none_or(|c| c.eq_ignore_ascii_case(&p.country))
                && rasd_text::match_key_str(&p.name_ar) == name
        })
    })?;
    let en = admin.name_en.trim();
    let short = [
        " Governorate",
        " Province",
        " Region",
        " District",
        " State",
    ]
    .iter()
    .find_map(|suffix| en.strip_suffix(suffix))
    .unwrap_or(en);
    Some(short.to_string())
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

/// The prefix of an ACLED event id: the ISO alpha-3 of the event's country; `SEA` for an event
/// at sea or in a region across states that no actor places in a country; `XXX` without a place.
fn id_prefix(e: &EventDetail) -> &'static str {
    if let Some(c) = country(event_country(e)) {
        return c.0;
    }
    match e.summary.location.as_ref() {
        Some(l) if l.country.is_none() => "SEA",
        _ => "XXX",
    }
}

fn acled_row(e: &EventDetail, kinds: &ActorKinds) -> Vec<String> {
    let s = &e.summary;
    let loc = s.location.as_ref();
    let code = event_country(e);
    let c = country(code);
    let date = s.date.as_deref().map(first_day).unwrap_or_default();
    let (et, sub) = acled_types(s.kind);
    let actors = english_names(e, Role::Actor);
    let targets = english_names(e, Role::Target);
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
        format!("{}{num}", id_prefix(e)),
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
        loc.and_then(|l| admin1_en(l).or_else(|| l.admin1.clone()))
            .unwrap_or_default(),
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
        e.stored_at.map(|t| t.to_string()).unwrap_or_default(),
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

/// The columns of the Parquet table, filled row by row.
struct Columns {
    id: StringBuilder,
    kind: StringBuilder,
    plover: StringBuilder,
    cameo: StringBuilder,
    acled_type: StringBuilder,
    acled_sub: StringBuilder,
    date: Date32Builder,
    date_precision: StringBuilder,
    location: StringBuilder,
    location_en: StringBuilder,
    place_id: StringBuilder,
    country: StringBuilder,
    admin1: StringBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    geo_precision: StringBuilder,
    actors: ListBuilder<StringBuilder>,
    actors_en: ListBuilder<StringBuilder>,
    targets: ListBuilder<StringBuilder>,
    targets_en: ListBuilder<StringBuilder>,
    weapons: ListBuilder<StringBuilder>,
    outcome: ListBuilder<StringBuilder>,
    killed: Int64Builder,
    injured: Int64Builder,
    contradiction: BooleanBuilder,
    n_reports: Int64Builder,
    n_claims: Int64Builder,
    sources: ListBuilder<StringBuilder>,
    doc_ids: ListBuilder<StringBuilder>,
    stored_at: TimestampMillisecondBuilder,
    rows: usize,
}

/// A list column's item field: strings, never null.
fn item() -> Arc<Field> {
    Arc::new(Field::new("item", DataType::Utf8, false))
}

fn list() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(item())
}

fn parquet_schema() -> Arc<Schema> {
    let s = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    let l = |n: &str| Field::new(n, DataType::List(item()), false);
    let i = |n: &str, null: bool| Field::new(n, DataType::Int64, null);
    Arc::new(Schema::new(vec![
        s("id", false),
        s("type", false),
        s("plover_event_type", false),
        s("cameo_code", false),
        s("acled_event_type", true),
        s("acled_sub_event_type", true),
        Field::new("date", DataType::Date32, true),
        s("date_precision", false),
        s("location", true),
        s("location_en", true),
        s("place_id", true),
        s("country", true),
        s("admin1", true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        s("geo_precision", true),
        l("actors"),
        l("actors_en"),
        l("targets"),
        l("targets_en"),
        l("weapons"),
        l("outcome"),
        i("killed", true),
        i("injured", true),
        Field::new("contradiction", DataType::Boolean, false),
        i("n_reports", false),
        i("n_claims", false),
        l("sources"),
        l("doc_ids"),
        Field::new(
            "stored_at",
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            true,
        ),
    ]))
}

fn push_list<I: IntoIterator<Item = S>, S: AsRef<str>>(b: &mut ListBuilder<StringBuilder>, v: I) {
    for x in v {
        b.values().append_value(x);
    }
    b.append(true);
}

impl Columns {
    fn new() -> Columns {
        Columns {
            id: StringBuilder::new(),
            kind: StringBuilder::new(),
            plover: StringBuilder::new(),
            cameo: StringBuilder::new(),
            acled_type: StringBuilder::new(),
            acled_sub: StringBuilder::new(),
            date: Date32Builder::new(),
            date_precision: StringBuilder::new(),
            location: StringBuilder::new(),
            location_en: StringBuilder::new(),
            place_id: StringBuilder::new(),
            country: StringBuilder::new(),
            admin1: StringBuilder::new(),
            lat: Float64Builder::new(),
            lon: Float64Builder::new(),
            geo_precision: StringBuilder::new(),
            actors: list(),
            actors_en: list(),
            targets: list(),
            targets_en: list(),
            weapons: list(),
            outcome: list(),
            killed: Int64Builder::new(),
            injured: Int64Builder::new(),
            contradiction: BooleanBuilder::new(),
            n_reports: Int64Builder::new(),
            n_claims: Int64Builder::new(),
            sources: list(),
            doc_ids: list(),
            stored_at: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            rows: 0,
        }
    }

    fn push(&mut self, e: &EventDetail) {
        let s = &e.summary;
        let l = s.location.as_ref();
        let arabic = |role: Role| -> Vec<String> {
            s.actors
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.name.clone())
                .collect()
        };
        let int = |v: Option<u64>| v.and_then(|x| i64::try_from(x).ok());
        self.id.append_value(&s.id);
        self.kind.append_value(s.kind.as_str());
        self.plover.append_value(s.kind.plover());
        self.cameo.append_value(cameo(e));
        self.acled_type.append_option(s.kind.acled().map(|x| x.0));
        self.acled_sub.append_option(s.kind.acled().map(|x| x.1));
        // The first day of the date (a month, a year), as days since 1970-01-01.
        let day = s
            .date
            .as_deref()
            .and_then(|d| IsoDate::parse(&first_day(d)).ok())
            .and_then(|d| i32::try_from(d.to_days()).ok());
        self.date.append_option(day);
        self.date_precision
            .append_value(enum_name(&s.date_precision));
        self.location.append_option(l.map(|l| l.name.as_str()));
        self.location_en
            .append_option(l.and_then(|l| l.name_en.as_deref()));
        self.place_id
            .append_option(l.and_then(|l| l.place_id.as_deref()));
        self.country
            .append_option(l.and_then(|l| l.country.as_deref()));
        self.admin1
            .append_option(l.and_then(|l| l.admin1.as_deref()));
        self.lat.append_option(l.and_then(|l| l.lat));
        self.lon.append_option(l.and_then(|l| l.lon));
        self.geo_precision
            .append_option(l.and_then(|l| l.precision).map(|p| enum_name(&p)));
        push_list(&mut self.actors, arabic(Role::Actor));
        push_list(&mut self.actors_en, english_names(e, Role::Actor));
        push_list(&mut self.targets, arabic(Role::Target));
        push_list(&mut self.targets_en, english_names(e, Role::Target));
        push_list(&mut self.weapons, s.weapons.iter().map(enum_name));
        push_list(&mut self.outcome, s.outcome.iter().map(enum_name));
        self.killed.append_option(int(s.killed));
        self.injured.append_option(int(s.injured));
        self.contradiction.append_value(s.contradiction);
        self.n_reports.append_value(s.n_reports as i64);
        self.n_claims.append_value(s.n_claims as i64);
        push_list(&mut self.sources, &s.sources);
        push_list(
            &mut self.doc_ids,
            e.reports.iter().map(|r| r.doc_id.as_str()),
        );
        self.stored_at
            .append_option(e.stored_at.and_then(|t| t.checked_mul(1000)));
        self.rows += 1;
    }

    fn len(&self) -> usize {
        self.rows
    }

    fn take(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch, StoreError> {
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.plover.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.acled_type.finish()),
            Arc::new(self.acled_sub.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.location.finish()),
            Arc::new(self.location_en.finish()),
            Arc::new(self.place_id.finish()),
            Arc::new(self.country.finish()),
            Arc::new(self.admin1.finish()),
            Arc::new(self.lat.finish()),
            Arc::new(self.lon.finish()),
            Arc::new(self.geo_precision.finish()),
            Arc::new(self.actors.finish()),
            Arc::new(self.actors_en.finish()),
            Arc::new(self.targets.finish()),
            Arc::new(self.targets_en.finish()),
            Arc::new(self.weapons.finish()),
            Arc::new(self.outcome.finish()),
            Arc::new(self.killed.finish()),
            Arc::new(self.injured.finish()),
            Arc::new(self.contradiction.finish()),
            Arc::new(self.n_reports.finish()),
            Arc::new(self.n_claims.finish()),
            Arc::new(self.sources.finish()),
            Arc::new(self.doc_ids.finish()),
            Arc::new(self.stored_at.finish()),
        ];
        self.rows = 0;
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
                    cols: Box::new(Columns::new()),
                }
            }
        };
        Ok(Writer {
            sink,
            stats: ExportStats::default(),
        })
    }

    /// Write one event (`kinds`: what the store knows of its actors).
    pub fn write(&mut self, e: &EventDetail, kinds: &ActorKinds) -> Result<(), StoreError> {
        match &mut self.sink {
            Sink::Csv(out) => {
                let row: Vec<String> = acled_row(e, kinds)
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
                json_to(&mut **out, e)?;
                writeln!(out)?;
            }
            Sink::Plover(out) => {
                json_to(&mut **out, &plover(e, kinds))?;
                writeln!(out)?;
            }
            Sink::Geojson(out) => match feature(e) {
                Some(f) => {
                    if self.stats.written > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    json_to(&mut **out, &f)?;
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
