//! Cross-article fusion: one canonical event per real event, however many articles tell it.
//!
//! Every event extracted from a document is a **report**. A new report is compared with the
//! stored canonical events of the same type family whose dates could match (an indexed query on
//! family and day); it joins the best compatible one, or starts a new canonical event.
//!
//! ## When is a report the same event as a canonical event?
//! Nothing may conflict:
//! * **type**: the same family ([`EventType::family`]: every kind of attack is `violence`, so a
//!   drone strike told as «قصف صاروخي» by another outlet still fuses);
//! * **date**: both at day precision and at most one day apart; otherwise equal at the coarser
//!   precision (the day lies in the month, the months are the same…);
//! * **place**: not in two countries; two fine places (facility, locality, district) with points
//!   at most 25 km apart, or of the same gazetteer id or normalised name; a coarse place
//!   (governorate, country, region) only holds a fine one that lies in it (same governorate for a
//!   governorate, same country for a country);
//! * **actors**: when both name who acted, one of them takes part in the other (a clash told
//!   from either side); otherwise no conflict;
//! * **death toll**: not two tolls of ten or more, one over three times the other;
//! * **document**: the canonical event has no report from the same document (the extractor has
//!   already decided that two events of one article are two events).
//!
//! And the evidence must be strong enough, from strongest to weakest:
//! 1. dates within a day and the same place (same id or name, or within 25 km) — fuses; when
//!    both are told only as a whole country, with a shared actor or the same death toll;
//! 2. dates within a day, one place inside the other, and a shared actor or the same type (a
//!    shared actor when one place is a whole country, unless the event is a bombing, an
//!    assault or an abduction many reports told and the report gives its type);
//! 3. compatible coarse dates (month, year), the same place or one inside the other (not a
//!    whole country), and a shared actor or the same type;
//! 4. an unknown date (or an unknown place) only when everything else is strong: same type,
//!    same place (or dates within a day) and a shared actor;
//! 5. a follow-up: one date is only the day an article appeared (no date is told for the event:
//!    a condemnation, a funeral, the bomber's name, published after it), the other lies in the
//!    week before it; the same place or one inside the other, and the same type, a shared actor
//!    or the same death toll;
//! 6. the same death toll, of ten or more, in the same country within a week, whatever places
//!    the reports give (one outlet names the town, another the city its news came from);
//! 7. a late follow-up of a prominent event: a bombing, an assault or an abduction (not the
//!    air strikes, shelling and battles of a front, which recur day after day) told by at least
//!    [`PROMINENT`] reports, and a report of the same type at the same place (or one inside
//!    the other) dated in the week after it, with no death toll or one between half and one and
//!    a half times the event's: the day a condemnation, a funeral or a statement was made,
//!    mistaken for the event's.
//!
//! Who acted conflicts nowhere with an event told by [`PROMINENT`] reports, of the same type,
//! the same place (or one inside the other) and the same day or the week after (rules 1, 2
//! and 7): a report names who acted wrongly more often than it tells another event.
//!
//! Rules 2–4 and 7 fuse only when exactly one canonical event qualifies (ambiguity keeps reports
//! apart), or when one of them is told by many more reports than any other ([`PROMINENT`]);
//! rules 1, 5 and 6 take the best. Among candidates, the strongest match wins, then the closest, then the oldest event:
//! fusion is deterministic for a given order of ingestion, and incremental.
//!
//! ## What the canonical event says
//! The most frequent type (ties: the first report's), the most precise date told by a source
//! (a date that is only the day of publication gives way to one told), the most precise place (ties:
//! the first report's), the union of actors, weapons and outcomes, the **highest** killed and
//! injured figures any report gives (tolls of one attack grow as bodies are found; the figure
//! each outlet gave stays in its report), every claim of every report, and a contradiction when
//! one claim affirms the event (`asserts`, `claims_responsibility`, `attributes`) and another
//! `denies` it or has `unconfirmed` it.
use std::collections::HashSet;

use rasd_model::{
    ActorRef, DatePrecision, Document, Event, EventType, GeoPrecision, IsoDate, Location, Role,
    Stance,
};

use crate::backend::{vals, Db, Row};
use crate::{EventSummary, StoreError};

/// Largest distance between two fine places of one event.
pub const MAX_KM: f64 = 25.0;

/// First and last day (days since 1970-01-01) of a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date.
pub fn day_range(date: Option<&str>) -> Option<(i64, i64)> {
    let d = date?.trim();
    if let Ok(x) = IsoDate::parse(d) {
        let n = x.to_days();
        return Some((n, n));
    }
    let y: i32 = d
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    if d.len() == 4 {
        let first = IsoDate::from_ymd(y, 1, 1)?.to_days();
        return Some((first, IsoDate::from_ymd(y, 12, 31)?.to_days()));
    }
    if d.len() == 7 && d.as_bytes().get(4) == Some(&b'-') {
        let m: u32 = d.get(5..7)?.parse().ok()?;
        let first = IsoDate::from_ymd(y, m, 1)?.to_days();
        let next = if m == 12 {
            IsoDate::from_ymd(y + 1, 1, 1)?
        } else {
            IsoDate::from_ymd(y, m + 1, 1)?
        };
        return Some((first, next.to_days() - 1));
    }
    None
}

/// Great-circle distance in km between two (lat, lon) points.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = (b.0 - a.0).to_radians();
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

/// The comparison key of a name: Arabic match key, and from each word a leading و/ف/ب/ل and
/// the article ال dropped (as the scorer compares place names).
pub fn name_key(name: &str) -> String {
    let key = rasd_text::match_key_str(name);
    let mut out = String::with_capacity(key.len());
    for w in key.split_whitespace() {
        let mut w = w;
        if w.chars().count() > 4 && w.starts_with("لل") {
            // «للقاعدة» is ل + (ا)لقاعدة.
            w = w.get("لل".len()..).unwrap_or(w);
        } else if w.chars().count() > 3 {
            w = w.strip_prefix(['و', 'ف', 'ب', 'ل']).unwrap_or(w);
        }
        if w.chars().count() > 3 {
            w = w.strip_prefix("ال").unwrap_or(w);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The key of an actor: its dictionary id, else `n:` and its name key.
pub fn actor_key(a: &ActorRef) -> String {
    match &a.entity_id {
        Some(id) if !id.is_empty() => id.clone(),
        _ => format!("n:{}", name_key(&a.name)),
    }
}

/// Rank of a place precision, finest first (unknown last).
pub fn geo_rank(p: Option<GeoPrecision>) -> u8 {
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

/// Rank of a date precision, finest first.
pub fn date_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Month => 1,
        DatePrecision::Season => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unknown => 4,
    }
}

fn is_fine(p: Option<GeoPrecision>) -> bool {
    geo_rank(p) <= 2
}

/// A place, as fusion compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Name as written.
    pub name: String,
    /// [`name_key`] of the name.
    pub key: String,
    /// Gazetteer id.
    pub id: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// [`name_key`] of the governorate.
    pub admin1: Option<String>,
    /// (lat, lon).
    pub point: Option<(f64, f64)>,
    /// Precision.
    pub precision: Option<GeoPrecision>,
}

impl Place {
    /// The place of a location.
    pub fn of(l: &Location) -> Place {
        Place {
            name: l.name.clone(),
            key: name_key(&l.name),
            id: l.place_id.clone().filter(|s| !s.is_empty()),
            country: l.country.as_ref().map(|c| c.to_ascii_uppercase()),
            admin1: l.admin1.as_deref().map(name_key).filter(|k| !k.is_empty()),
            point: l
                .lat
                .zip(l.lon)
                .filter(|(a, o)| a.is_finite() && o.is_finite()),
            precision: l.precision,
        }
    }
}

/// What fusion knows of a report or of a canonical event.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Type.
    pub kind: EventType,
    /// Date as written (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    /// First and last day.
    pub range: Option<(i64, i64)>,
    /// Date precision.
    pub precision: DatePrecision,
    /// Place.
    pub place: Option<Place>,
    /// Keys of who acted.
    pub attackers: Vec<String>,
    /// Keys of everyone taking part (actors and targets).
    pub participants: Vec<String>,
    /// The date is told by the text, not only the day of publication.
    pub stated: bool,
    /// Killed.
    pub killed: Option<u64>,
    /// Number of reports (of a canonical event; 0 for a report).
    pub reports: i64,
}

/// Days within which a follow-up article's day of publication may follow the event.
pub const FOLLOW_UP_DAYS: i64 = 7;

/// How long after an event many told a report that gives its death toll again may be that
/// event told late.
pub const LATE_TOLL_DAYS: i64 = 30;

/// Reports from which a canonical event is the one an ambiguous report joins, when no other
/// candidate has a third of them.
pub const PROMINENT: i64 = 10;

/// The smallest death toll that, repeated, makes two reports one event.
pub const SAME_TOLL_MIN: u64 = 10;

impl Facts {
    /// The facts of an extracted event.
    pub fn of(e: &Event) -> Facts {
        let range = day_range(e.date.as_deref());
        let precision = match (range, e.date_precision) {
            (None, _) => DatePrecision::Unknown,
            (Some((a, b)), DatePrecision::Unknown) if a == b => DatePrecision::Day,
            (Some(_), DatePrecision::Unknown) => DatePrecision::Year,
            (Some(_), p) => p,
        };
        let mut attackers = Vec::new();
        let mut participants = Vec::new();
        for a in &e.actors {
            let k = actor_key(a);
            if a.role == Role::Actor && !attackers.contains(&k) {
                attackers.push(k.clone());
            }
            if !participants.contains(&k) {
                participants.push(k);
            }
        }
        Facts {
            kind: e.kind,
            date: e.date.clone(),
            range,
            precision,
            place: e.location.as_ref().map(Place::of),
            attackers,
            participants,
            stated: e.date_text.is_some(),
            killed: e.killed,
            reports: 0,
        }
    }

    /// The same death toll, of at least [`SAME_TOLL_MIN`].
    fn same_toll(&self, c: &Facts) -> bool {
        matches!((self.killed, c.killed), (Some(a), Some(b)) if a == b && a >= SAME_TOLL_MIN)
    }
}

/// How strongly a report matches a canonical event.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Which rule (1 strongest … 7 weakest) lets them fuse.
    pub rule: u8,
    /// Ordering key: higher is better.
    pub score: (u8, u8, u8, u8, i64),
    /// Why, in words.
    pub reasons: Vec<String>,
    /// Reports of the canonical event.
    pub reports: i64,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateFit {
    Unknown = 0,
    Later = 1,
    Week = 2,
    Coarse = 3,
    NextDay = 4,
    SameDay = 5,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PlaceFit {
    Unknown = 0,
    Inside = 1,
    Same = 2,
}

fn date_fit(r: &Facts, c: &Facts) -> Result<(DateFit, String), String> {
    let (Some(a), Some(b)) = (r.range, c.range) else {
        return Ok((DateFit::Unknown, "one date unknown".into()));
    };
    let show = |f: &Facts| f.date.clone().unwrap_or_default();
    if r.precision == DatePrecision::Day && c.precision == DatePrecision::Day {
        let d = (a.0 - b.0).abs();
        return match d {
            0 => Ok((DateFit::SameDay, format!("same day ({})", show(r)))),
            1 => Ok((
                DateFit::NextDay,
                format!("dates compatible ({} ~ {}, ±1 day)", show(c), show(r)),
            )),
            _ if follow_up(r, c) || follow_up(c, r) => Ok((
                DateFit::Week,
                format!(
                    "a follow-up: {} is only the day an article appeared, within a week of {}",
                    if r.stated { show(c) } else { show(r) },
                    if r.stated { show(r) } else { show(c) }
                ),
            )),
            _ if d <= FOLLOW_UP_DAYS && r.same_toll(c) => Ok((
                DateFit::Week,
                format!("{} and {} within a week", show(c), show(r)),
            )),
            // «بعد الهجوم الانتحاري الذي أوقع 32 قتيلا»: an event many told, told again with
            // its death toll within the month after (rule 7 decides).
            _ if a.0 > b.0 && d <= LATE_TOLL_DAYS && c.reports >= PROMINENT && r.same_toll(c) => {
                Ok((
                    DateFit::Later,
                    format!(
                        "{} within a month after {}, an event told by {} reports, with its \
                         death toll ({})",
                        show(r),
                        show(c),
                        c.reports,
                        r.killed.unwrap_or(0)
                    ),
                ))
            }
            // «اتضح من الهجوم الأخير في سوروج»: a report dated only by its article, told in
            // the month after an event many told (rule 7 decides, by place and type).
            _ if a.0 > b.0 && d <= LATE_TOLL_DAYS && c.reports >= PROMINENT && !r.stated => Ok((
                DateFit::Later,
                format!(
                    "{} is only the day an article appeared, within a month after {}, an \
                     event told by {} reports",
                    show(r),
                    show(c),
                    c.reports
                ),
            )),
            // Rule 7 decides whether this is enough.
            _ if a.0 > b.0 && d <= FOLLOW_UP_DAYS && c.reports >= PROMINENT => Ok((
                DateFit::Later,
                format!(
                    "{} within a week after {}, an event told by {} reports",
                    show(r),
                    show(c),
                    c.reports
                ),
            )),
            _ => Err(format!(
                "dates {} and {} are {d} days apart",
                show(c),
                show(r)
            )),
        };
    }
    if a.0 <= b.1 && b.0 <= a.1 {
        Ok((
            DateFit::Coarse,
            format!(
                "dates compatible at the coarser precision ({} ~ {})",
                show(c),
                show(r)
            ),
        ))
    } else {
        Err(format!("dates {} and {} do not overlap", show(c), show(r)))
    }
}

/// Is `a`'s date only its article's day of publication, and does `b`'s date lie in the week
/// before it?
fn follow_up(a: &Facts, b: &Facts) -> bool {
    let (Some(x), Some(y)) = (a.range, b.range) else {
        return false;
    };
    !a.stated && x.0 >= y.0 && x.0 - y.0 <= FOLLOW_UP_DAYS
}

fn inside(coarse: &Place, fine: &Place) -> bool {
    match coarse.precision {
        Some(GeoPrecision::Admin1) => match (&coarse.admin1, &fine.admin1) {
            // A governorate's own admin1 is itself when the gazetteer leaves it empty.
            (_, Some(f)) => *f == coarse.key || coarse.admin1.as_ref() == Some(f),
            _ => false,
        },
        Some(GeoPrecision::Country) => coarse.country.is_some() && coarse.country == fine.country,
        // A region (a strip, a border area): the same country and near its point.
        _ => {
            coarse.country.is_some()
                && coarse.country == fine.country
                && match (coarse.point, fine.point) {
                    (Some(a), Some(b)) => km(a, b) <= 100.0,
                    _ => false,
                }
        }
    }
}

fn place_fit(r: &Facts, c: &Facts) -> Result<(PlaceFit, String, f64), String> {
    let (Some(a), Some(b)) = (&r.place, &c.place) else {
        return Ok((PlaceFit::Unknown, "one place unknown".into(), 1e6));
    };
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if x != y {
            return Err(format!("different countries ({y}, {x})"));
        }
    }
    let dist = match (a.point, b.point) {
        (Some(p), Some(q)) => km(p, q),
        _ => 1e6,
    };
    if a.id.is_some() && a.id == b.id {
        return Ok((PlaceFit::Same, format!("same place «{}»", b.name), 0.0));
    }
    let (fa, fb) = (is_fine(a.precision), is_fine(b.precision));
    if fa == fb && !a.key.is_empty() && a.key == b.key {
        return Ok((
            PlaceFit::Same,
            format!("same place name «{}»", b.name),
            dist.min(1e5),
        ));
    }
    if fa && fb {
        return if dist <= MAX_KM {
            Ok((
                PlaceFit::Same,
                format!("«{}» and «{}» {dist:.1} km apart", b.name, a.name),
                dist,
            ))
        } else if dist < 1e6 {
            Err(format!("«{}» and «{}» {dist:.0} km apart", b.name, a.name))
        } else {
            Err(format!(
                "«{}» and «{}» are different places",
                b.name, a.name
            ))
        };
    }
    let (coarse, fine) = if fa { (b, a) } else { (a, b) };
    if !fa && !fb {
        // Two coarse places: the same one only (handled above by id or name).
        return Err(format!("«{}» and «{}» are different areas", b.name, a.name));
    }
    if inside(coarse, fine) {
        Ok((
            PlaceFit::Inside,
            format!("«{}» lies in «{}»", fine.name, coarse.name),
            dist,
        ))
    } else {
        Err(format!(
            "«{}» is not known to lie in «{}»",
            fine.name, coarse.name
        ))
    }
}

fn actors_fit(r: &Facts, c: &Facts) -> Result<(bool, String), String> {
    let shared: Vec<&String> = r
        .participants
        .iter()
        .filter(|k| c.participants.contains(k))
        .collect();
    // Only actors the dictionary knows conflict: a name no dictionary knows may be a name
    // misread (and the attacker of a follow-up is often only guessed).
    let known = |v: &[String]| -> Vec<String> {
        v.iter().filter(|k| !k.starts_with("n:")).cloned().collect()
    };
    let (ra, ca) = (known(&r.attackers), known(&c.attackers));
    if !ra.is_empty()
        && !ca.is_empty()
        && !ra.iter().any(|k| c.participants.contains(k))
        && !ca.iter().any(|k| r.participants.contains(k))
    {
        return Err(format!(
            "conflicting actors ({} / {})",
            c.attackers.join(", "),
            r.attackers.join(", ")
        ));
    }
    if shared.is_empty() {
        Ok((
            false,
            "actors compatible (no conflicting named actor)".into(),
        ))
    } else {
        let names: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
        Ok((
            true,
            format!("actors compatible (shared: {})", names.join(", ")),
        ))
    }
}

/// Can report `r` join canonical event `c`? `Err` says why not.
pub fn judge(r: &Facts, c: &Facts) -> Result<Match, String> {
    if r.kind.family() != c.kind.family() {
        return Err(format!(
            "different type families ({}, {})",
            c.kind.family(),
            r.kind.family()
        ));
    }
    let (date, date_why) = date_fit(r, c)?;
    // Two death tolls of ten or more, one over three times the other, are two events (or a
    // figure misread: it must not become the event's).
    if let (Some(a), Some(b)) = (r.killed, c.killed) {
        if a.min(b) >= SAME_TOLL_MIN && a.max(b) > 3 * a.min(b) {
            return Err(format!("death tolls {b} and {a} too far apart"));
        }
    }
    let toll = r.same_toll(c);
    let (place, place_why, dist) = match place_fit(r, c) {
        Ok(x) => x,
        // Rule 6: the same toll in the same country, whatever the towns.
        Err(why) if toll && !why.starts_with("different countries") => (
            PlaceFit::Unknown,
            format!("{why}, but the same death toll ({})", r.killed.unwrap_or(0)),
            1e6,
        ),
        Err(why) => return Err(why),
    };
    let day = date >= DateFit::NextDay;
    let week = date == DateFit::Week || day;
    let same_type = r.kind == c.kind;
    // An event many outlets told, at the same place (or one inside the other) and of the same
    // type: a report names who acted wrongly more often than it tells another event.
    let prominent = c.reports >= PROMINENT
        && same_type
        && place >= PlaceFit::Inside
        && (day || date == DateFit::Later);
    // The same toll within a week (or in the month told) outweighs who each outlet says did it.
    let (shared, actor_why) = match actors_fit(r, c) {
        Err(why)
            if toll
                && (week
                    || date == DateFit::Coarse
                    || (date == DateFit::Later && c.reports >= PROMINENT)) =>
        {
            (false, format!("{why}, but the same death toll"))
        }
        Err(why) if prominent => (false, format!("{why}, but told by {} reports", c.reports)),
        other => other?,
    };
    // Two reports told only at the level of a whole country are one event by their day alone
    // no more than a town and its country are: an arrest and another arrest of the day.
    let rule = if day && place == PlaceFit::Same && (shared || toll || !country_wide(r, c)) {
        1
    } else if day
        && place == PlaceFit::Inside
        && (shared || (same_type && (!country_wide(r, c) || (prominent && one_off(r.kind)))))
    {
        // A bombing told the next day only with its country is the bombing many told there.
        2
    } else if date == DateFit::Coarse
        && (place == PlaceFit::Same || (place == PlaceFit::Inside && !country_wide(r, c)))
        && (shared || same_type)
    {
        3
    } else if shared
        && same_type
        && ((date == DateFit::Unknown && place == PlaceFit::Same)
            || (day && place == PlaceFit::Unknown))
    {
        4
    } else if date == DateFit::Week && place >= PlaceFit::Inside && (same_type || shared || toll) {
        5
    } else if (week || date == DateFit::Coarse) && toll {
        6
    } else if date == DateFit::Later
        && ((prominent && one_off(r.kind) && toll_fits(r, c))
            || (toll && c.reports >= PROMINENT && place >= PlaceFit::Inside && one_off(c.kind)))
    {
        // A bombing many told, told late: by its type, or by its death toll whatever type the
        // late report gives it.
        7
    } else {
        return Err("evidence too weak".into());
    };
    let type_why = if same_type {
        format!("same type ({})", r.kind.as_str())
    } else {
        format!(
            "same type family ({}: {} ~ {})",
            r.kind.family(),
            c.kind.as_str(),
            r.kind.as_str()
        )
    };
    Ok(Match {
        rule,
        score: (
            date as u8,
            place as u8,
            u8::from(shared),
            u8::from(same_type),
            -((dist * 1000.0).round() as i64),
        ),
        reasons: vec![type_why, date_why, place_why, actor_why],
        reports: c.reports,
    })
}

/// Is either place a whole country (too wide for the type alone to tie a report to an event)?
fn country_wide(r: &Facts, c: &Facts) -> bool {
    [r, c].iter().any(|f| {
        f.place
            .as_ref()
            .is_some_and(|p| p.precision == Some(GeoPrecision::Country))
    })
}

/// Types of attack that strike once (a bombing, an assault), not day after day like the air
/// strikes, shelling and battles of a front.
fn one_off(k: EventType) -> bool {
    matches!(
        k,
        EventType::SuicideBomb
            | EventType::RemoteExplosive
            | EventType::Attack
            | EventType::Abduction
    )
}

/// The report gives no death toll, or one the event's could have grown from or to (between
/// half and one and a half times it).
fn toll_fits(r: &Facts, c: &Facts) -> bool {
    match (r.killed, c.killed) {
        (Some(a), Some(b)) => 2 * a >= b && 2 * a <= 3 * b,
        _ => true,
    }
}

/// Pick the canonical event a report joins among judged candidates (`(id, match)`), or none.
/// Rule 1 and the follow-up and same-toll rules (5, 6) take the best (the oldest on a tie):
/// their evidence names one real event, told again; rules 2–4 only a candidate alone.
pub fn choose(mut cands: Vec<(i64, Match)>) -> Option<(i64, Match)> {
    cands.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let first = cands.first()?;
    if first.1.rule == 1 && first.1.score.3 == 0 {
        // A bombing reported a day from a small event of another type, at the place of a
        // bombing many told in the days before, is that bombing told late.
        let late = cands
            .iter()
            .position(|c| c.1.rule == 7 && c.1.reports >= 3 * first.1.reports.max(1));
        if let Some(i) = late {
            return Some(cands.swap_remove(i));
        }
    }
    if first.1.rule == 1 || cands.iter().all(|c| matches!(c.1.rule, 5 | 6)) {
        return cands.into_iter().next();
    }
    // Among several, one told by many more reports than any other is the one the news is
    // about («the bombing» of a week's follow-ups).
    let most = cands.iter().map(|c| c.1.reports).max().unwrap_or(0);
    let second = {
        let mut r: Vec<i64> = cands.iter().map(|c| c.1.reports).collect();
        r.sort_unstable_by(|a, b| b.cmp(a));
        r.get(1).copied().unwrap_or(0)
    };
    if cands.len() > 1 && most >= PROMINENT && most >= 3 * second.max(1) {
        return cands.into_iter().find(|c| c.1.reports == most);
    }

    // Weaker rules: only when nothing else qualifies.
    (cands.len() == 1)
        .then(|| cands.into_iter().next())
        .flatten()
}

/// The canonical id as shown: `ev-000123`.
pub fn show_id(n: i64) -> String {
    format!("ev-{n:06}")
}

/// The number of a canonical id (`ev-000123`, `ev-123` or `123`).
pub fn parse_id(id: &str) -> Option<i64> {
    let n = id.trim().strip_prefix("ev-").unwrap_or(id.trim());
    n.parse().ok().filter(|n| *n > 0)
}

fn keys(v: &[String]) -> String {
    if v.is_empty() {
        String::new()
    } else {
        format!("|{}|", v.join("|"))
    }
}

fn unkeys(s: &str) -> Vec<String> {
    s.split('|')
        .filter(|k| !k.is_empty())
        .map(String::from)
        .collect()
}

fn precision_name(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Season => "season",
        DatePrecision::Year => "year",
        DatePrecision::Unknown => "unknown",
    }
}

fn parse_precision(s: &str) -> DatePrecision {
    match s {
        "day" => DatePrecision::Day,
        "month" => DatePrecision::Month,
        "season" => DatePrecision::Season,
        "year" => DatePrecision::Year,
        _ => DatePrecision::Unknown,
    }
}

fn parse_geo(s: Option<String>) -> Option<GeoPrecision> {
    serde_json::from_value(serde_json::Value::String(s?)).ok()
}

fn geo_name(p: Option<GeoPrecision>) -> Option<String> {
    serde_json::to_value(p?).ok()?.as_str().map(String::from)
}

/// Classes of canonical date ranges: (class, longest range in days minus one).
const SPANS: [(i64, i64); 3] = [(0, 0), (1, 30), (2, 366)];

/// The class of a date range in [`SPANS`].
fn span_of(range: Option<(i64, i64)>) -> i64 {
    match range {
        Some((a, b)) if b - a <= 0 => 0,
        Some((a, b)) if b - a <= 30 => 1,
        _ => 2,
    }
}

/// Columns of `canonical_events` that fusion reads, in the order [`facts_of_row`] expects.
const CANON_COLS: &str = "id, type, date, date_precision, day, day_end, place_name, place_key, \
     place_id, country, admin1_key, lat, lon, geo_precision, attackers, participants, \
     date_stated, killed, n_reports";

fn facts_of_row(r: &Row) -> (i64, Facts) {
    let place = r.opt_text(6).map(|name| Place {
        name,
        key: r.text(7),
        id: r.opt_text(8),
        country: r.opt_text(9),
        admin1: r.opt_text(10),
        point: r.opt_real(11).zip(r.opt_real(12)),
        precision: parse_geo(r.opt_text(13)),
    });
    let range = r.opt_int(4).zip(r.opt_int(5));
    (
        r.int(0),
        Facts {
            kind: EventType::parse(&r.text(1)).unwrap_or(EventType::Attack),
            date: r.opt_text(2),
            range,
            precision: parse_precision(&r.text(3)),
            place,
            attackers: unkeys(&r.text(14)),
            participants: unkeys(&r.text(15)),
            stated: r.opt_int(16).unwrap_or(0) != 0,
            killed: r.opt_int(17).and_then(|k| u64::try_from(k).ok()),
            reports: r.opt_int(18).unwrap_or(0),
        },
    )
}

/// Find the canonical event a report joins, if any: `(id, reasons)`.
fn find(db: &mut Db, doc_id: &str, f: &Facts) -> Result<Option<(i64, Match)>, StoreError> {
    let cands: Vec<(i64, Match)> = candidates(db, f)?
        .into_iter()
        .filter_map(|(id, c)| judge(f, &c).ok().map(|m| (id, m)))
        .collect();
    // A canonical event holds at most one report of a document.
    let mut ok = Vec::with_capacity(cands.len());
    for (id, m) in cands {
        let same_doc = db.int(
            "SELECT COUNT(*) FROM event_links WHERE canonical_id = ? AND doc_id = ?",
            &vals![id, doc_id],
        )?;
        if same_doc == 0 {
            ok.push((id, m));
        }
    }
    Ok(choose(ok))
}

/// The canonical events whose type family, dates and place could match `f` (each once).
fn candidates(db: &mut Db, f: &Facts) -> Result<Vec<(i64, Facts)>, StoreError> {
    let family = f.kind.family();
    let mut rows = Vec::new();
    let place_key = f
        .place
        .as_ref()
        .map(|p| p.key.clone())
        .filter(|k| !k.is_empty());
    let place_id = f.place.as_ref().and_then(|p| p.id.clone());
    if let Some((d0, d1)) = f.range {
        // Only rows whose place could be compatible come back: no other country, and fine
        // points in a box around ours (coarse places and unplaced events always come back).
        let country = f.place.as_ref().and_then(|p| p.country.clone());
        let (lat0, lat1, lon0, lon1) = match f
            .place
            .as_ref()
            .and_then(|p| p.point.filter(|_| is_fine(p.precision)))
        {
            Some((lat, lon)) => {
                let dlat = MAX_KM / 111.0 + 0.01;
                let dlon = MAX_KM / (111.0 * lat.to_radians().cos().abs().max(0.05)) + 0.01;
                (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
            }
            None => (-1000.0, 1000.0, -1000.0, 1000.0),
        };
        // By length of the canonical date range (a day, up to a month, up to a year), so
        // that each indexed scan covers a few days of day-precise events, a month of
        // month-precise ones, a year of the rare year-precise ones.
        for (span, longest) in SPANS {
            rows.extend(db.query(
                &format!(
                    "SELECT {CANON_COLS} FROM canonical_events
                     WHERE family = ? AND span = ? AND day <= ? AND day >= ? AND day_end >= ?
                       AND (country IS NULL OR CAST(? AS TEXT) IS NULL OR country = ?)
                       AND (lat IS NULL OR geo_rank > 2
                            OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))"
                ),
                &vals![
                    family,
                    span,
                    d1 + FOLLOW_UP_DAYS,
                    d0 - FOLLOW_UP_DAYS - longest,
                    d0 - FOLLOW_UP_DAYS,
                    country.clone(),
                    country.clone(),
                    lat0,
                    lat1,
                    lon0,
                    lon1
                ],
            )?);
        }
        // The same death toll in the same country within a week, wherever it is placed; or
        // within a month before, for an event many told (rule 7 decides).
        if let (Some(k), Some(country)) = (
            f.killed.filter(|k| *k >= SAME_TOLL_MIN),
            f.place.as_ref().and_then(|p| p.country.clone()),
        ) {
            rows.extend(db.query(
                &format!(
                    "SELECT {CANON_COLS} FROM canonical_events
                     WHERE family = ? AND span = 0 AND day <= ? AND day >= ? AND country = ?
                       AND killed = ? AND (day >= ? OR n_reports >= ?)"
                ),
                &vals![
                    family,
                    d1 + FOLLOW_UP_DAYS,
                    d0 - LATE_TOLL_DAYS,
                    country,
                    i64::try_from(k).unwrap_or(i64::MAX),
                    d0 - FOLLOW_UP_DAYS,
                    PROMINENT
                ],
            )?);
        }
        // A report dated only by its article: an event many told in the month before, in
        // the same country (rule 7 decides).
        if let (false, Some(country)) = (f.stated, f.place.as_ref().and_then(|p| p.country.clone()))
        {
            rows.extend(db.query(
                &format!(
                    "SELECT {CANON_COLS} FROM canonical_events
                     WHERE family = ? AND span = 0 AND day < ? AND day >= ? AND country = ?
                       AND n_reports >= ?"
                ),
                &vals![
                    family,
                    d0 - FOLLOW_UP_DAYS,
                    d0 - LATE_TOLL_DAYS,
                    country,
                    PROMINENT
                ],
            )?);
        }
        if let Some(k) = &place_key {
            rows.extend(db.query(
                &format!(
                    // Two indexed lookups: with `OR`, SQLite would scan the whole family.
                    "SELECT {CANON_COLS} FROM canonical_events
                     WHERE family = ? AND place_key = ? AND day IS NULL
                     UNION ALL
                     SELECT {CANON_COLS} FROM canonical_events
                     WHERE family = ? AND place_id = ? AND day IS NULL"
                ),
                &vals![family, k, family, place_id.clone()],
            )?);
        }
    } else if let Some(k) = &place_key {
        rows.extend(db.query(
            &format!(
                "SELECT {CANON_COLS} FROM canonical_events WHERE family = ? AND place_key = ?
                 UNION ALL
                 SELECT {CANON_COLS} FROM canonical_events WHERE family = ? AND place_id = ?"
            ),
            &vals![family, k, family, place_id],
        )?);
    }
    let mut seen = HashSet::new();
    Ok(rows
        .iter()
        .map(facts_of_row)
        .filter(|(id, _)| seen.insert(*id))
        .collect())
}

/// Merge each of the canonical events `ids` (those a batch of reports touched) into a
/// canonical event told by more reports that it matches, as if it were one report, when no
/// document tells both (or one in five of their reports at most): two canonical events of one
/// real event arise when its first reports disagree (a town and its governorate, who acted)
/// before it is known to be prominent. Not by rule 4 (an unknown date or place) nor rule 6 (the
/// same toll at places far apart: a canonical event's toll is the highest of its reports, and in
/// a war the same figure comes back by chance). Returns how many were merged.
pub(crate) fn consolidate(db: &mut Db, ids: &[i64]) -> Result<usize, StoreError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    let mut merged = 0;
    // Lowest id first; an event that took another's reports is looked at again (its type or
    // toll may have changed with them).
    while let Some(b) = ids.pop() {
        let Some(row) = db.row(
            &format!("SELECT {CANON_COLS} FROM canonical_events WHERE id = ?"),
            &vals![b],
        )?
        else {
            continue;
        };
        let (_, fb) = facts_of_row(&row);
        let mut cands = Vec::new();
        for (a, fa) in candidates(db, &fb)? {
            if a == b || !better(a, &fa, b, &fb) {
                continue;
            }
            let Ok(m) = judge(&fb, &fa) else {
                continue;
            };
            if m.rule == 4 || m.rule == 6 {
                continue;
            }
            let shared = db.int(
                "SELECT COUNT(*) FROM event_links x JOIN event_links y ON x.doc_id = y.doc_id
                 WHERE x.canonical_id = ? AND y.canonical_id = ?",
                &vals![a, b],
            )?;
            // An article that split the event in two, among many that did not, does not
            // keep two canonical events apart.
            // One type, one place, one day: one event (as ACLED codes), however many
            // articles split it.
            // And a day apart, for an event many told.
            // And a bombing many told, told again days later at its place: an article that
            // tells it twice (its day, and the day of what followed it) tells one bombing.
            let one = m.rule == 1
                && (m.score.0 == DateFit::SameDay as u8 || fa.reports >= PROMINENT)
                && m.score.1 == PlaceFit::Same as u8
                && m.score.3 == 1
                || matches!(m.rule, 5 | 7)
                    && fa.reports >= PROMINENT
                    && one_off(fb.kind)
                    && m.score.1 == PlaceFit::Same as u8
                    && m.score.3 == 1;
            if one || shared == 0 || shared * 5 <= fb.reports.min(fa.reports) {
                cands.push((a, m));
            }
        }
        if let Some((a, m)) = choose(cands) {
            absorb(db, a, b, &m)?;
            merged += 1;
            if !ids.contains(&a) {
                ids.push(a);
            }
        }
    }
    Ok(merged)
}

/// Is canonical event `a` told by more reports than `b` (or as many, and older)?
fn better(a: i64, fa: &Facts, b: i64, fb: &Facts) -> bool {
    fa.reports > fb.reports || (fa.reports == fb.reports && a < b)
}

/// Move every report of canonical event `b` into `a`, folding each in, and delete `b`.
fn absorb(db: &mut Db, a: i64, b: i64, m: &Match) -> Result<(), StoreError> {
    let rows = db.query(
        "SELECT l.event_id, l.reason, d.outlet, e.data FROM event_links l
         JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = l.doc_id
         WHERE l.canonical_id = ? ORDER BY l.event_id",
        &vals![b],
    )?;
    let why = format!(
        "with the reports of {} merged into this event ({})",
        show_id(b),
        m.reasons.join("; ")
    );
    for r in &rows {
        db.exec(
            "UPDATE event_links SET canonical_id = ?, reason = ? WHERE event_id = ?",
            &vals![a, format!("{} — {why}", r.text(1)), r.int(0)],
        )?;
        let e: Event = serde_json::from_str(&r.text(3))?;
        merge(db, a, true, r.opt_text(2).as_deref(), &e)?;
    }
    db.exec(
        "DELETE FROM canonical_actors WHERE canonical_id = ?",
        &vals![b],
    )?;
    db.exec("DELETE FROM canonical_events WHERE id = ?", &vals![b])?;
    Ok(())
}

/// The outcome of adding one report.
pub(crate) struct Added {
    /// True when it joined an existing one.
    pub fused: bool,
}

/// Store one event report of a document and fuse it.
pub(crate) fn add_report(
    db: &mut Db,
    doc: &Document,
    outlet: Option<&str>,
    e: &Event,
) -> Result<Added, StoreError> {
    let f = Facts::of(e);
    let loc = e.location.as_ref();
    let report_id = db.int(
        "INSERT INTO events (doc_id, local_id, type, family, date, date_precision, day, day_end,
             place_name, place_key, place_id, country, admin1, lat, lon, geo_precision,
             killed, injured, weapons, outcome, evidence, actor_keys, data)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        &vals![
            &doc.id,
            &e.id,
            e.kind.as_str(),
            e.kind.family(),
            e.date.clone(),
            precision_name(f.precision),
            f.range.map(|r| r.0),
            f.range.map(|r| r.1),
            loc.map(|l| l.name.clone()),
            f.place.as_ref().map(|p| p.key.clone()),
            loc.and_then(|l| l.place_id.clone()),
            loc.and_then(|l| l.country.clone()),
            loc.and_then(|l| l.admin1.clone()),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            geo_name(loc.and_then(|l| l.precision)),
            e.killed,
            e.injured,
            serde_json::to_string(&e.weapons)?,
            serde_json::to_string(&e.outcome)?,
            serde_json::to_string(&e.evidence)?,
            keys(&f.participants),
            serde_json::to_string(e)?,
        ],
    )?;
    for c in &e.claims {
        db.exec(
            "INSERT INTO claims (event_id, doc_id, source, anonymous, via, stance, source_id, data)
             VALUES (?,?,?,?,?,?,?,?)",
            &vals![
                report_id,
                &doc.id,
                &c.source,
                c.anonymous,
                c.via.clone(),
                stance_name(c.stance),
                c.source_id.clone(),
                serde_json::to_string(c)?,
            ],
        )?;
    }
    link(db, report_id, &doc.id, outlet, e, &f)
}

/// Fuse a stored report (already in `events`) into a canonical event.
pub(crate) fn link(
    db: &mut Db,
    report_id: i64,
    doc_id: &str,
    outlet: Option<&str>,
    e: &Event,
    f: &Facts,
) -> Result<Added, StoreError> {
    let found = find(db, doc_id, f)?;
    let (canonical_id, fused, reason) = match found {
        Some((id, m)) => (id, true, m.reasons.join("; ")),
        None => {
            let id = db.int(
                "INSERT INTO canonical_events (type, family, date_precision, span, geo_rank, attackers,
                     participants, affirms, doubts, contradiction, n_reports, n_claims, summary)
                 VALUES (?, ?, 'unknown', 2, 6, '', '', 0, 0, 0, 0, 0, '{}') RETURNING id",
                &vals![e.kind.as_str(), e.kind.family()],
            )?;
            (id, false, "first report".to_string())
        }
    };
    db.exec(
        "INSERT INTO event_links (event_id, canonical_id, doc_id, reason) VALUES (?,?,?,?)",
        &vals![report_id, canonical_id, doc_id, reason],
    )?;
    merge(db, canonical_id, fused, outlet, e)?;
    Ok(Added { fused })
}

/// Seconds since 1970-01-01 UTC: when a canonical event was stored or last changed.
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The snake_case name of a stance.
pub fn stance_name(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "asserts",
        Stance::Denies => "denies",
        Stance::Unconfirmed => "unconfirmed",
        Stance::ClaimsResponsibility => "claims_responsibility",
        Stance::Attributes => "attributes",
    }
}

fn same_actor(a: &ActorRef, b: &ActorRef) -> bool {
    a.role == b.role && actor_key(a) == actor_key(b)
}

/// Fold a new report into its canonical event (summary and index columns).
fn merge(
    db: &mut Db,
    id: i64,
    fused: bool,
    outlet: Option<&str>,
    e: &Event,
) -> Result<(), StoreError> {
    let row = db.row(
        "SELECT summary, affirms, doubts FROM canonical_events WHERE id = ?",
        &vals![id],
    )?;
    let (mut s, mut affirms, mut doubts) = match (fused, row) {
        (true, Some(r)) => (
            serde_json::from_str::<EventSummary>(&r.text(0))?,
            r.int(1) != 0,
            r.int(2) != 0,
        ),
        _ => (
            EventSummary {
                id: show_id(id),
                kind: e.kind,
                date: None,
                date_precision: DatePrecision::Unknown,
                date_stated: false,
                location: None,
                actors: Vec::new(),
                weapons: Vec::new(),
                killed: None,
                injured: None,
                outcome: Vec::new(),
                contradiction: false,
                n_reports: 0,
                n_claims: 0,
                sources: Vec::new(),
            },
            false,
            false,
        ),
    };
    let f = Facts::of(e);
    // Type: the most frequent among the reports (ties: the first report's).
    if fused && e.kind != s.kind {
        let rows = db.query(
            "SELECT e.type, COUNT(*), MIN(e.id) FROM event_links l JOIN events e ON e.id = l.event_id
             WHERE l.canonical_id = ? GROUP BY e.type",
            &vals![id],
        )?;
        let best = rows
            .iter()
            .max_by(|a, b| a.int(1).cmp(&b.int(1)).then(b.int(2).cmp(&a.int(2))));
        if let Some(k) = best.and_then(|r| EventType::parse(&r.text(0))) {
            s.kind = k;
        }
    }
    // A date told by a source wins over one that is only a day of publication; then the most
    // precise.
    if f.range.is_some()
        && (s.date.is_none()
            || (f.stated && !s.date_stated)
            || (f.stated == s.date_stated && date_rank(f.precision) < date_rank(s.date_precision)))
    {
        s.date = e.date.clone();
        s.date_precision = f.precision;
        s.date_stated = f.stated;
    }
    if let Some(l) = &e.location {
        let better = match &s.location {
            None => true,
            Some(old) => {
                let (rn, ro) = (geo_rank(l.precision), geo_rank(old.precision));
                rn < ro || (rn == ro && old.lat.is_none() && l.lat.is_some())
            }
        };
        if better {
            s.location = Some(l.clone());
        }
    }
    for a in &e.actors {
        if !s.actors.iter().any(|b| same_actor(a, b)) {
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
    s.contradiction = (affirms && doubts) || e.contradiction || s.contradiction;
    s.n_claims += e.claims.len();
    s.n_reports += 1;
    if let Some(o) = outlet.filter(|o| !o.trim().is_empty()) {
        if !s.sources.iter().any(|x| x == o) {
            s.sources.push(o.to_string());
        }
    }
    let cf = Facts {
        kind: s.kind,
        date: s.date.clone(),
        range: day_range(s.date.as_deref()),
        precision: s.date_precision,
        place: s.location.as_ref().map(Place::of),
        attackers: Vec::new(),
        participants: Vec::new(),
        stated: s.date_stated,
        killed: s.killed,
        reports: 0,
    };
    let mut attackers = Vec::new();
    let mut participants = Vec::new();
    for a in &s.actors {
        let k = actor_key(a);
        if a.role == Role::Actor && !attackers.contains(&k) {
            attackers.push(k.clone());
        }
        if !participants.contains(&k) {
            participants.push(k);
        }
    }
    let p = cf.place.as_ref();
    db.exec(
        "UPDATE canonical_events SET type = ?, date = ?, date_precision = ?, day = ?, day_end = ?,
             span = ?, place_name = ?, place_key = ?, place_id = ?, country = ?, admin1_key = ?, lat = ?,
             lon = ?, geo_precision = ?, geo_rank = ?, attackers = ?, participants = ?, killed = ?,
             injured = ?, affirms = ?, doubts = ?, contradiction = ?, n_reports = ?, n_claims = ?,
             summary = ?, date_stated = ?, stored_at = ?
         WHERE id = ?",
        &vals![
            s.kind.as_str(),
            s.date.clone(),
            precision_name(s.date_precision),
            cf.range.map(|r| r.0),
            cf.range.map(|r| r.1),
            span_of(cf.range),
            p.map(|p| p.name.clone()),
            p.map(|p| p.key.clone()),
            p.and_then(|p| p.id.clone()),
            p.and_then(|p| p.country.clone()),
            p.and_then(|p| p.admin1.clone()),
            p.and_then(|p| p.point).map(|x| x.0),
            p.and_then(|p| p.point).map(|x| x.1),
            geo_name(p.and_then(|p| p.precision)),
            i64::from(geo_rank(p.and_then(|p| p.precision))),
            keys(&attackers),
            keys(&participants),
            s.killed,
            s.injured,
            affirms,
            doubts,
            s.contradiction,
            s.n_reports,
            s.n_claims,
            serde_json::to_string(&s)?,
            s.date_stated,
            unix_now(),
            id,
        ],
    )?;
    for a in &e.actors {
        let k = actor_key(a);
        let role = if a.role == Role::Actor {
            "actor"
        } else {
            "target"
        };
        let known = db.int(
            "SELECT COUNT(*) FROM canonical_actors WHERE canonical_id = ? AND actor_key = ? AND role = ?",
            &vals![id, &k, role],
        )?;
        if known == 0 {
            db.exec(
                "INSERT INTO canonical_actors (canonical_id, role, actor_key, entity_id, name_key)
                 VALUES (?,?,?,?,?)",
                &vals![id, role, &k, a.entity_id.clone(), name_key(&a.name)],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, id: &str, c: &str, lat: f64, lon: f64, p: GeoPrecision) -> Place {
        Place {
            name: name.into(),
            key: name_key(name),
            id: Some(id.into()),
            country: Some(c.into()),
            admin1: None,
            point: Some((lat, lon)),
            precision: Some(p),
        }
    }

    fn facts(kind: EventType, date: &str, place: Option<Place>, attackers: &[&str]) -> Facts {
        let range = day_range(Some(date));
        let precision = match date.len() {
            10 => DatePrecision::Day,
            7 => DatePrecision::Month,
            4 => DatePrecision::Year,
            _ => DatePrecision::Unknown,
        };
        Facts {
            kind,
            date: Some(date.into()).filter(|d: &String| !d.is_empty()),
            range,
            precision,
            place,
            attackers: attackers.iter().map(|s| s.to_string()).collect(),
            participants: attackers.iter().map(|s| s.to_string()).collect(),
            stated: true,
            killed: None,
            reports: 0,
        }
    }

    fn harir() -> Place {
        place(
            "قاعدة حرير",
            "IQ.harir",
            "IQ",
            36.53,
            44.35,
            GeoPrecision::Facility,
        )
    }

    macro_rules! t {
        ($name:ident, $a:expr, $b:expr, $rule:expr) => {
            #[test]
            fn $name() {
                let got = judge(&$a, &$b).map(|m| m.rule);
                assert_eq!(got.as_ref().ok().copied(), $rule, "{got:?}");
            }
        };
    }

    use EventType::*;

    fn abha() -> Place {
        let mut p = place(
            "أبها",
            "SA.abha",
            "SA",
            18.22,
            42.51,
            GeoPrecision::Locality,
        );
        p.admin1 = Some(name_key("منطقة عسير"));
        p
    }

    fn asir() -> Place {
        let mut p = place(
            "منطقة عسير",
            "SA.asir",
            "SA",
            19.0,
            42.5,
            GeoPrecision::Admin1,
        );
        p.key = name_key("منطقة عسير");
        p
    }

    fn saudi_arabia() -> Place {
        place("السعودية", "SA", "SA", 24.0, 45.0, GeoPrecision::Country)
    }

    t!(
        two_arrests_of_a_day_told_only_by_country_stay_apart,
        facts(Arrest, "2015-08-10", Some(saudi_arabia()), &[]),
        facts(Arrest, "2015-08-10", Some(saudi_arabia()), &[]),
        None
    );

    t!(
        a_bombing_told_only_by_country_the_next_day_joins_the_bombing_many_told,
        facts(
            SuicideBomb,
            "2015-08-07",
            Some(saudi_arabia()),
            &["p.someone"]
        ),
        told(
            facts(SuicideBomb, "2015-08-06", Some(abha()), &["int.isis"]),
            40,
            Some(15)
        ),
        Some(2)
    );
    t!(
        a_bombing_told_only_by_country_stays_apart_from_a_small_one,
        facts(SuicideBomb, "2015-08-07", Some(saudi_arabia()), &[]),
        facts(SuicideBomb, "2015-08-06", Some(abha()), &[]),
        None
    );

    t!(
        two_arrests_of_a_day_by_one_force_told_by_country_fuse,
        facts(Arrest, "2015-08-10", Some(saudi_arabia()), &["sa.police"]),
        facts(Arrest, "2015-08-10", Some(saudi_arabia()), &["sa.police"]),
        Some(1)
    );

    /// A canonical event told by `n` reports, with a death toll.
    fn told(mut f: Facts, n: i64, killed: Option<u64>) -> Facts {
        f.reports = n;
        f.killed = killed;
        f
    }

    t!(
        town_in_governorate_same_type_same_day,
        facts(SuicideBomb, "2015-08-06", Some(abha()), &[]),
        facts(SuicideBomb, "2015-08-06", Some(asir()), &[]),
        Some(2)
    );
    t!(
        late_follow_up_of_a_prominent_bombing,
        facts(SuicideBomb, "2015-08-09", Some(abha()), &["sa"]),
        told(
            facts(SuicideBomb, "2015-08-06", Some(asir()), &["int.isis"]),
            40,
            Some(15)
        ),
        Some(7)
    );
    /// A report whose date is only its article's day of publication.
    fn undated(mut f: Facts) -> Facts {
        f.stated = false;
        f
    }

    t!(
        undated_mention_weeks_after_a_prominent_bombing_joins_it,
        undated(facts(SuicideBomb, "2015-08-31", Some(abha()), &[])),
        told(
            facts(SuicideBomb, "2015-08-06", Some(asir()), &[]),
            40,
            None
        ),
        Some(7)
    );
    t!(
        dated_report_weeks_after_a_prominent_bombing_stays_apart,
        facts(SuicideBomb, "2015-08-31", Some(abha()), &[]),
        told(
            facts(SuicideBomb, "2015-08-06", Some(asir()), &[]),
            40,
            None
        ),
        None
    );
    t!(
        undated_mention_over_a_month_after_stays_apart,
        undated(facts(SuicideBomb, "2015-09-10", Some(abha()), &[])),
        told(
            facts(SuicideBomb, "2015-08-06", Some(asir()), &[]),
            40,
            None
        ),
        None
    );
    t!(
        late_report_of_a_little_told_bombing_stays_apart,
        facts(SuicideBomb, "2015-08-09", Some(abha()), &[]),
        told(facts(SuicideBomb, "2015-08-06", Some(asir()), &[]), 3, None),
        None
    );
    t!(
        late_strikes_are_new_strikes,
        facts(AirDroneStrike, "2015-08-09", Some(abha()), &[]),
        told(
            facts(AirDroneStrike, "2015-08-06", Some(abha()), &[]),
            40,
            None
        ),
        None
    );
    t!(
        tolls_far_apart_are_two_events,
        told(
            facts(SuicideBomb, "2015-08-06", Some(abha()), &[]),
            0,
            Some(390)
        ),
        told(
            facts(SuicideBomb, "2015-08-06", Some(abha()), &[]),
            40,
            Some(32)
        ),
        None
    );
    t!(
        same_day_same_place,
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        Some(1)
    );
    t!(
        next_day_other_violent_type,
        facts(MissileArtillery, "2024-03-10", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        Some(1)
    );
    t!(
        two_days_apart,
        facts(AirDroneStrike, "2024-03-11", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        other_family,
        facts(Protest, "2024-03-09", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        far_places_same_day,
        facts(
            AirDroneStrike,
            "2024-03-09",
            Some(place(
                "عين الأسد",
                "IQ.asad",
                "IQ",
                33.79,
                42.44,
                GeoPrecision::Facility
            )),
            &[]
        ),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        near_places_same_day,
        facts(
            AirDroneStrike,
            "2024-03-09",
            Some(place(
                "أربيل",
                "IQ.erbil",
                "IQ",
                36.41,
                44.2,
                GeoPrecision::Locality
            )),
            &[]
        ),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        Some(1)
    );
    t!(
        country_needs_a_shared_actor,
        facts(
            AirDroneStrike,
            "2024-03-09",
            Some(place(
                "العراق",
                "IQ",
                "IQ",
                33.2,
                43.7,
                GeoPrecision::Country
            )),
            &[]
        ),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        country_with_shared_actor,
        facts(
            AirDroneStrike,
            "2024-03-09",
            Some(place(
                "العراق",
                "IQ",
                "IQ",
                33.2,
                43.7,
                GeoPrecision::Country
            )),
            &["irq_resistance"]
        ),
        facts(
            AirDroneStrike,
            "2024-03-09",
            Some(harir()),
            &["irq_resistance"]
        ),
        Some(2)
    );
    t!(
        conflicting_attackers,
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &["a"]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &["b"]),
        None
    );
    t!(
        month_in_same_place_same_type,
        facts(AirDroneStrike, "2024-03", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        Some(3)
    );
    t!(
        other_month,
        facts(AirDroneStrike, "2024-04", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        unknown_date_needs_everything_else,
        facts(AirDroneStrike, "", Some(harir()), &[]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &[]),
        None
    );
    t!(
        unknown_date_with_everything_else,
        facts(AirDroneStrike, "", Some(harir()), &["x"]),
        facts(AirDroneStrike, "2024-03-09", Some(harir()), &["x"]),
        Some(4)
    );

    #[test]
    fn ambiguous_weak_matches_stay_apart() {
        let m = |rule| Match {
            rule,
            score: (1, 1, 1, 1, 0),
            reasons: vec![],
            reports: 0,
        };
        assert_eq!(choose(vec![(1, m(2)), (2, m(2))]).map(|x| x.0), None);
        assert_eq!(choose(vec![(2, m(2))]).map(|x| x.0), Some(2));
        assert_eq!(choose(vec![(2, m(1)), (1, m(1))]).map(|x| x.0), Some(1));
    }

    #[test]
    fn day_ranges_cover_their_precision() {
        let (a, b) = day_range(Some("2024-02")).unwrap();
        assert_eq!(b - a, 28);
        let (a, b) = day_range(Some("2023")).unwrap();
        assert_eq!(b - a, 364);
        assert!(day_range(None).is_none());
        assert!(day_range(Some("x")).is_none());
        assert!(day_range(Some("2023-13")).is_none());
    }

    #[test]
    fn name_keys_drop_article_and_clitics() {
        assert_eq!(name_key("قاعدةُ عينِ الأسد"), name_key("قاعده عين الاسد"));
        assert_eq!(name_key("بالأنبار"), name_key("الأنبار"));
        assert_eq!(name_key("الأنبار"), "انبار");
    }

    #[test]
    fn ids_round_trip() {
        assert_eq!(show_id(12), "ev-000012");
        assert_eq!(parse_id("ev-000012"), Some(12));
        assert_eq!(parse_id("12"), Some(12));
        assert_eq!(parse_id("ev-x"), None);
        assert_eq!(parse_id("ev-0"), None);
    }
}
