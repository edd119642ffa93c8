//! Cross-article fusion: one canonical event per real event.
//!
//! A new report joins a canonical event when all of these hold (and otherwise starts one):
//! * the same type family (`EventType::family`: all kinds of violence are one family);
//! * compatible dates: the two date ranges (a day, a month, a year) overlap, give or take a day;
//!   reports without a date never fuse;
//! * compatible places: the same gazetteer entry, points within 25 km, or, when one is a country,
//!   region or governorate, the other inside it (same country, same governorate when given);
//! * no conflicting actors: when both name an attacker with a dictionary id, the ids agree;
//! * the canonical event has no report from the same document (the extractor already decided
//!   that two events of one article are distinct).
//!
//! The canonical event takes the most frequent type, the most precise date and place, the union
//! of actors, weapons and outcomes, the highest killed and injured figures (reports of a toll
//! usually grow), every claim of every report, and is a contradiction when one claim affirms
//! what another denies or has not confirmed.
use rasd_model::{DatePrecision, Document, Event, GeoPrecision, IsoDate, Record, Stance};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{EventSummary, Report, StoreError};

/// First and last day (days since 1970-01-01) of a date at its precision.
pub fn day_range(date: Option<&str>) -> Option<(i64, i64)> {
    let d = date?;
    if let Ok(x) = IsoDate::parse(d) {
        let n = x.to_days();
        return Some((n, n));
    }
    let y: i32 = d.get(..4)?.parse().ok()?;
    if let Some(m) = d.get(5..7).and_then(|m| m.parse::<u32>().ok()) {
        let first = IsoDate::from_ymd(y, m, 1)?;
        let next = if m == 12 {
            IsoDate::from_ymd(y + 1, 1, 1)?
        } else {
            IsoDate::from_ymd(y, m + 1, 1)?
        };
        return Some((first.to_days(), next.to_days() - 1));
    }
    Some((
        IsoDate::from_ymd(y, 1, 1)?.to_days(),
        IsoDate::from_ymd(y, 12, 31)?.to_days(),
    ))
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = (b.0 - a.0).to_radians();
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

fn coarse(p: Option<GeoPrecision>) -> bool {
    matches!(
        p,
        Some(GeoPrecision::Country | GeoPrecision::Region | GeoPrecision::Admin1) | None
    )
}

/// Are two locations compatible? Returns a reason when they are.
pub fn places(
    a: Option<&rasd_model::Location>,
    b: Option<&rasd_model::Location>,
) -> Option<String> {
    let (Some(a), Some(b)) = (a, b) else {
        return Some("one report has no place".into());
    };
    if a.place_id.is_some() && a.place_id == b.place_id {
        return Some(format!("same place ({})", a.name));
    }
    if a.country.is_some() && b.country.is_some() && a.country != b.country {
        return None;
    }
    if let (Some(x1), Some(y1), Some(x2), Some(y2)) = (a.lat, a.lon, b.lat, b.lon) {
        let d = km((x1, y1), (x2, y2));
        if d <= 25.0 {
            return Some(format!("{d:.1} km apart"));
        }
    }
    if coarse(a.precision) || coarse(b.precision) {
        let (c, f) = if coarse(a.precision) { (a, b) } else { (b, a) };
        if c.precision == Some(GeoPrecision::Admin1) {
            let ka = c
                .admin1
                .as_deref()
                .or(Some(c.name.as_str()))
                .map(rasd_text::match_key_str);
            let kb = f.admin1.as_deref().map(rasd_text::match_key_str);
            if kb.is_some() && ka != kb {
                return None;
            }
        }
        return Some(format!("{} lies in {}", f.name, c.name));
    }
    None
}

fn actor_ids(e: &Event) -> String {
    let ids: Vec<&str> = e
        .actors
        .iter()
        .filter_map(|a| a.entity_id.as_deref())
        .collect();
    format!("|{}|", ids.join("|"))
}

fn attacker(e: &Event) -> Option<&str> {
    e.actors
        .iter()
        .find(|a| a.role == rasd_model::Role::Actor)
        .and_then(|a| a.entity_id.as_deref())
}

/// Store one event report and fuse it; returns true when it joined an existing event.
pub fn add_report(
    tx: &Transaction,
    doc: &Document,
    rec: &Record,
    e: &Event,
) -> Result<bool, StoreError> {
    let range = day_range(e.date.as_deref());
    let family = e.kind.family();
    let mut best: Option<(String, String, f64)> = None;
    if let Some((d0, d1)) = range {
        let mut stmt = tx.prepare_cached(
            "SELECT c.id, c.summary FROM canonical c
             WHERE c.family = ?1 AND c.day IS NOT NULL AND c.day <= ?3 + 1 AND c.day_end >= ?2 - 1
               AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.canonical_id = c.id AND r.doc_id = ?4)",
        )?;
        let rows = stmt.query_map(params![family, d0, d1, doc.id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, summary) = row?;
            let s: EventSummary = serde_json::from_str(&summary)?;
            let Some(place_reason) = places(s.location.as_ref(), e.location.as_ref()) else {
                continue;
            };
            let their = s
                .actors
                .iter()
                .find(|a| a.role == rasd_model::Role::Actor)
                .and_then(|a| a.entity_id.as_deref());
            if let (Some(x), Some(y)) = (their, attacker(e)) {
                if x != y {
                    continue;
                }
            }
            // Prefer the closest in place, then in time.
            let dist = match (
                s.location.as_ref().and_then(|l| l.lat.zip(l.lon)),
                e.location.as_ref().and_then(|l| l.lat.zip(l.lon)),
            ) {
                (Some(a), Some(b)) => km(a, b),
                _ => 50.0,
            };
            let reason = format!(
                "same family ({family}), dates {} ~ {}, {place_reason}, actors compatible",
                s.date.clone().unwrap_or_default(),
                e.date.clone().unwrap_or_default()
            );
            if best.as_ref().is_none_or(|b| dist < b.2) {
                best = Some((id, reason, dist));
            }
        }
    }
    let (canonical_id, reason, fused) = match best {
        Some((id, reason, _)) => (id, reason, true),
        None => {
            let n: i64 = tx.query_row("SELECT COUNT(*) FROM canonical", [], |r| r.get(0))?;
            let id = format!("ev-{:06}", n + 1);
            tx.execute(
                "INSERT INTO canonical (id, type, family, date, day, day_end, actor_keys, summary) VALUES (?1,?2,?3,?4,?5,?6,'','{}')",
                params![id, e.kind.as_str(), family, e.date, range.map(|r| r.0), range.map(|r| r.1)],
            )?;
            (id, "first report".to_string(), false)
        }
    };
    tx.execute(
        "INSERT INTO reports (doc_id, local_id, type, date, day, day_end, actor_ids, event, canonical_id, reason)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        params![
            doc.id,
            e.id,
            e.kind.as_str(),
            e.date,
            range.map(|r| r.0),
            range.map(|r| r.1),
            actor_ids(e),
            serde_json::to_string(e)?,
            canonical_id,
            reason
        ],
    )?;
    let report_id = tx.last_insert_rowid();
    for c in &e.claims {
        tx.execute(
            "INSERT INTO claims (report_id, doc_id, source, anonymous, via, stance) VALUES (?1,?2,?3,?4,?5,?6)",
            params![report_id, doc.id, c.source, c.anonymous, c.via, serde_json::to_string(&c.stance)?],
        )?;
    }
    let _ = rec;
    refresh(tx, &canonical_id)?;
    Ok(fused)
}

/// The reports of a canonical event, in the order they were stored.
pub fn reports_of(conn: &rusqlite::Connection, id: &str) -> Result<Vec<Report>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.doc_id, d.source, d.url, d.published, d.title, r.event FROM reports r JOIN documents d ON d.id = r.doc_id
         WHERE r.canonical_id = ?1 ORDER BY r.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (doc_id, outlet, url, published, title, event) = row?;
        out.push(Report {
            doc_id,
            outlet,
            url,
            published,
            title,
            event: serde_json::from_str(&event)?,
        });
    }
    Ok(out)
}

fn precision_rank(p: Option<GeoPrecision>) -> u8 {
    match p {
        Some(GeoPrecision::Facility) => 0,
        Some(GeoPrecision::Locality) => 1,
        Some(GeoPrecision::Admin2) => 2,
        Some(GeoPrecision::Admin1) => 3,
        Some(GeoPrecision::Region) => 4,
        Some(GeoPrecision::Country) => 5,
        None => 6,
    }
}

fn date_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Month => 1,
        DatePrecision::Season => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unknown => 4,
    }
}

/// Recompute a canonical event's summary from all its reports.
fn refresh(tx: &Transaction, id: &str) -> Result<(), StoreError> {
    let reports = reports_of(tx, id)?;
    let Some(first) = reports.first() else {
        return Ok(());
    };
    let mut kinds: Vec<(rasd_model::EventType, usize)> = Vec::new();
    for r in &reports {
        match kinds.iter_mut().find(|k| k.0 == r.event.kind) {
            Some(k) => k.1 += 1,
            None => kinds.push((r.event.kind, 1)),
        }
    }
    let kind = kinds
        .iter()
        .max_by_key(|k| k.1)
        .map(|k| k.0)
        .unwrap_or(first.event.kind);
    let dated = reports
        .iter()
        .filter(|r| r.event.date.is_some())
        .min_by_key(|r| date_rank(r.event.date_precision));
    let located = reports
        .iter()
        .filter(|r| r.event.location.is_some())
        .min_by_key(|r| precision_rank(r.event.location.as_ref().and_then(|l| l.precision)));
    let mut s = EventSummary {
        id: id.to_string(),
        kind,
        date: dated.and_then(|r| r.event.date.clone()),
        date_precision: dated.map(|r| r.event.date_precision).unwrap_or_default(),
        location: located.and_then(|r| r.event.location.clone()),
        actors: Vec::new(),
        weapons: Vec::new(),
        killed: None,
        injured: None,
        outcome: Vec::new(),
        contradiction: false,
        n_reports: 0,
        n_claims: 0,
        sources: Vec::new(),
    };
    let mut docs: Vec<&str> = Vec::new();
    let mut affirms = false;
    let mut doubts = false;
    for r in &reports {
        let e = &r.event;
        for a in &e.actors {
            let dup = s.actors.iter().any(|b| {
                b.role == a.role
                    && (a.entity_id.is_some() && b.entity_id == a.entity_id
                        || rasd_text::match_key_str(&b.name) == rasd_text::match_key_str(&a.name))
            });
            if !dup {
                s.actors.push(a.clone());
            }
        }
        for w in &e.weapons {
            if !s.weapons.contains(w) {
                s.weapons.push(*w);
            }
        }
        for o in &e.outcome {
            if !s.outcome.contains(o) {
                s.outcome.push(*o);
            }
        }
        s.killed = s.killed.max(e.killed);
        s.injured = s.injured.max(e.injured);
        for c in &e.claims {
            affirms |= c.stance.affirms();
            doubts |= matches!(c.stance, Stance::Denies | Stance::Unconfirmed);
        }
        s.n_claims += e.claims.len();
        if !docs.contains(&r.doc_id.as_str()) {
            docs.push(&r.doc_id);
        }
        if let Some(o) = &r.outlet {
            if !s.sources.contains(o) {
                s.sources.push(o.clone());
            }
        }
    }
    s.contradiction = affirms && doubts;
    s.n_reports = docs.len();
    let range = day_range(s.date.as_deref());
    let actor_keys: Vec<String> = s
        .actors
        .iter()
        .flat_map(|a| {
            [
                rasd_text::match_key_str(&a.name),
                a.entity_id.clone().unwrap_or_default(),
            ]
        })
        .collect();
    tx.execute(
        "UPDATE canonical SET type = ?2, date = ?3, day = ?4, day_end = ?5, country = ?6, admin1_key = ?7, lat = ?8, lon = ?9,
                actor_keys = ?10, summary = ?11 WHERE id = ?1",
        params![
            id,
            s.kind.as_str(),
            s.date,
            range.map(|r| r.0),
            range.map(|r| r.1),
            s.location.as_ref().and_then(|l| l.country.clone()),
            s.location.as_ref().and_then(|l| l.admin1.as_deref().map(rasd_text::match_key_str)),
            s.location.as_ref().and_then(|l| l.lat),
            s.location.as_ref().and_then(|l| l.lon),
            format!("|{}|", actor_keys.join("|")),
            serde_json::to_string(&s)?
        ],
    )?;
    let _: Option<i64> = tx.query_row("SELECT 1", [], |r| r.get(0)).optional()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ranges_cover_their_precision() {
        let (a, b) = day_range(Some("2024-02")).unwrap();
        assert_eq!(b - a, 28);
        let (a, b) = day_range(Some("2023")).unwrap();
        assert_eq!(b - a, 364);
        assert!(day_range(None).is_none());
        assert!(day_range(Some("x")).is_none());
    }
}
