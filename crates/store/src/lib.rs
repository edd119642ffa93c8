//! The rasd store: what rasd extracted, kept in SQLite (one file, or in memory) or in
//! PostgreSQL (a team database), fused across articles, queried and exported.
//!
//! * [`Store::ingest`] stores a batch of documents with their records in **one transaction**
//!   (a killed ingest leaves no partial document) and is idempotent: a document already stored,
//!   by id or by the same text under another id, changes nothing.
//! * **Fusion** ([`fuse`]): the same attack told by ten outlets is one canonical event that keeps
//!   every report, every source and every claim, flagged as a contradiction when one source
//!   affirms what another denies or has not confirmed. [`Store::explain`] says why reports were
//!   fused. Fusion is incremental: each batch fuses against what is stored.
//! * [`Store::events`], [`Store::entities`], [`Store::search`]… query; [`Store::export`] writes
//!   ACLED-style CSV, PLOVER JSON Lines, GeoJSON, JSON Lines or Parquet ([`export`]).
//!
//! ```
//! use rasd_model::{Claim, DatePrecision, Document, Event, EventType, Location, Record, Stance};
//! use rasd_store::{EventQuery, Store};
//!
//! fn report(id: &str, outlet: &str, text: &str, stance: Stance) -> (Document, Record) {
//!     let mut doc = Document::new(id, text);
//!     doc.meta.source = Some(outlet.into());
//!     let mut rec = Record::default();
//!     rec.events.push(Event {
//!         id: "e1".into(),
//!         kind: EventType::AirDroneStrike,
//!         date: Some("2024-02-10".into()),
//!         date_precision: DatePrecision::Day,
//!         date_text: None,
//!         location: Some(Location { name: "قاعدة حرير".into(), country: Some("IQ".into()),
//!             lat: Some(36.53), lon: Some(44.35), ..Default::default() }),
//!         actors: vec![], weapons: vec![], count: None, killed: None, injured: None,
//!         outcome: vec![], contradiction: false, evidence: vec![],
//!         claims: vec![Claim { source: "مصدر".into(), anonymous: true, via: None, stance,
//!             source_id: None, evidence: vec![] }],
//!     });
//!     (doc, rec)
//! }
//!
//! let mut store = Store::open(":memory:")?;
//! store.ingest(&[
//!     report("a", "وكالة الأنباء", "هاجمت طائرة مسيرة قاعدة حرير.", Stance::Asserts),
//!     report("b", "قناة الأخبار", "لم يؤكد المسؤولون أي هجوم على قاعدة حرير.", Stance::Unconfirmed),
//! ])?;
//! let page = store.events(&EventQuery::default())?;
//! assert_eq!(page.total, 1);
//! assert!(page.items[0].contradiction);
//! assert_eq!(page.items[0].n_reports, 2);
//! # Ok::<(), rasd_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod backend;
pub mod export;
pub mod fuse;
mod schema;

use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

use rasd_model::{
    ActorRef, Claim, DatePrecision, Designation, Document, EntityType, Event, EventType, IsoDate,
    Location, Outcome, Record, Relation, Span, Toll, Weapon,
};
use serde::{Deserialize, Serialize};

use backend::{vals, Db, Kind, Row, Val};

pub use backend::Interrupter;

pub use schema::VERSION as SCHEMA_VERSION;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL reported an error.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// A stored JSON value could not be read or written.
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// Writing Parquet failed.
    #[error("parquet: {0}")]
    Parquet(String),
    /// The database was written by a newer rasd.
    #[error("the database has schema version {found}; this rasd reads up to {supported}")]
    Schema {
        /// Version found.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The database file is damaged ([`Store::check`]).
    #[error("the database is damaged ({problems}): restore it from a backup, or recover what it holds with `sqlite3 FILE .recover`")]
    Damaged {
        /// What SQLite's check found (its first lines).
        problems: String,
    },
    /// The work was stopped ([`Interrupter::interrupt`]): its client has gone or its deadline
    /// has passed.
    #[error("interrupted")]
    Interrupted,
    /// A format name or a filter value is not valid.
    #[error("invalid {what}: {value:?}")]
    Invalid {
        /// What was given.
        what: &'static str,
        /// The value.
        value: String,
    },
}

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items match in all.
    pub total: usize,
    /// Page size used.
    pub limit: usize,
    /// Offset used.
    pub offset: usize,
}

/// Default page size when a query asks for 0.
pub const DEFAULT_LIMIT: usize = 100;

/// Filters over canonical events (all optional; they combine with AND).
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// First day, inclusive (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for its first day).
    pub from: Option<String>,
    /// Last day, inclusive (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for its last day).
    pub to: Option<String>,
    /// Event types (any of them).
    pub types: Vec<EventType>,
    /// An actor or target: dictionary id, or (part of) a name, compared after normalisation.
    pub actor: Option<String>,
    /// Country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Governorate or province (Arabic name, compared after normalisation).
    pub admin1: Option<String>,
    /// Bounding box: min_lon, min_lat, max_lon, max_lat.
    pub bbox: Option<[f64; 4]>,
    /// Words that a source document must contain (full-text search over normalised Arabic).
    pub text: Option<String>,
    /// Page size (0: [`DEFAULT_LIMIT`]; exports: all).
    pub limit: usize,
    /// Offset.
    pub offset: usize,
}

impl EventQuery {
    /// An event type by its name, or the message `rasd query --type` gives for another word.
    pub fn event_type(name: &str) -> Result<EventType, String> {
        EventType::parse(name).ok_or_else(|| {
            let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
            format!("unknown event type {name:?} (one of: {})", all.join(", "))
        })
    }

    /// A bounding box written `min_lon,min_lat,max_lon,max_lat`, or the message `rasd query
    /// --bbox` gives for anything else.
    pub fn bbox(text: &str) -> Result<[f64; 4], String> {
        let v: Vec<f64> = text
            .split(',')
            .map(|x| x.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("--bbox {text:?}: four numbers expected"))?;
        <[f64; 4]>::try_from(v.as_slice())
            .map_err(|_| format!("--bbox {text:?}: min_lon,min_lat,max_lon,max_lat expected"))
    }
}

/// Filters over entities.
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    /// Id, or part of a name or alias (compared after normalisation).
    pub text: Option<String>,
    /// Entity type.
    pub kind: Option<EntityType>,
    /// Page size (0: [`DEFAULT_LIMIT`]).
    pub limit: usize,
    /// Offset.
    pub offset: usize,
}

/// A canonical (fused) event, as listed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventSummary {
    /// Canonical id (`ev-000123`).
    pub id: String,
    /// Event type (the most frequent among its reports).
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The most precise date of its reports.
    pub date: Option<String>,
    /// Precision of `date`.
    pub date_precision: DatePrecision,
    /// The date is told by a source (not only the day a report appeared).
    #[serde(default)]
    pub date_stated: bool,
    /// The most precise place of its reports.
    pub location: Option<Location>,
    /// Actors and targets of all its reports.
    pub actors: Vec<ActorRef>,
    /// Weapons of all its reports.
    pub weapons: Vec<Weapon>,
    /// Killed: the highest figure a report gives.
    pub killed: Option<u64>,
    /// Injured: the highest figure a report gives.
    pub injured: Option<u64>,
    /// Outcomes of all its reports.
    pub outcome: Vec<Outcome>,
    /// Some source affirms it and another denies or has not confirmed it.
    pub contradiction: bool,
    /// Number of reports (one per document) fused into it.
    pub n_reports: usize,
    /// Number of claims over all reports.
    pub n_claims: usize,
    /// Outlets that reported it.
    pub sources: Vec<String>,
}

/// A claim as stored, with the document it was made in.
#[derive(Debug, Clone, Serialize)]
pub struct StoredClaim {
    /// The claim (evidence: character offsets into that document's text).
    #[serde(flatten)]
    pub claim: Claim,
    /// Document.
    pub doc_id: String,
    /// Outlet of the document.
    pub outlet: Option<String>,
}

/// One report of a canonical event: the event as one document told it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Document.
    pub doc_id: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The event as extracted from that document (evidence: character offsets into its text).
    pub event: Event,
}

/// A canonical event with all its claims and reports.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: EventSummary,
    /// Every claim of every report.
    pub claims: Vec<StoredClaim>,
    /// Every report, in the order they were stored.
    pub reports: Vec<Report>,
    /// When the canonical event was stored or last changed by a report (Unix seconds, UTC).
    pub stored_at: Option<i64>,
}

/// Why reports were fused into one canonical event.
#[derive(Debug, Clone, Serialize)]
pub struct FusionExplanation {
    /// Canonical id.
    pub event_id: String,
    /// (document, outlet) of each report, in the order they joined.
    pub reports: Vec<(String, Option<String>)>,
    /// One line per report: why it joined (same type family, dates, distance, actors).
    pub reasons: Vec<String>,
}

/// An entity, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    /// Id (dictionary id or `new:` slug).
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Arabic name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Mentions in all documents.
    pub n_mentions: usize,
    /// Canonical events it takes part in.
    pub n_events: usize,
}

/// A relation as stored, with its document.
#[derive(Debug, Clone, Serialize)]
pub struct StoredRelation {
    /// The relation.
    #[serde(flatten)]
    pub relation: Relation,
    /// Document.
    pub doc_id: String,
}

/// An entity with everything known of it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: EntitySummary,
    /// Other names.
    pub aliases: Vec<String>,
    /// Relations it takes part in.
    pub relations: Vec<StoredRelation>,
    /// Its listings.
    pub designations: Vec<Designation>,
    /// Its canonical events, newest first (at most 500).
    pub events: Vec<EventSummary>,
}

/// A document, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// Id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Number of events extracted from it.
    pub n_events: usize,
}

/// A document with its text and record.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    /// Id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The original text (record spans are character offsets into it).
    pub text: String,
    /// The extracted record.
    pub record: Record,
}

/// A toll with its document.
#[derive(Debug, Clone, Serialize)]
pub struct TollRow {
    /// Document.
    pub doc_id: String,
    /// The toll.
    #[serde(flatten)]
    pub toll: Toll,
}

/// A full-text search hit.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// Document.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// The original text around the first match.
    pub snippet: String,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct IngestStats {
    /// Documents stored.
    pub documents: usize,
    /// Documents already stored (same id and text, or the same text under another id), left
    /// as they were.
    pub duplicates: usize,
    /// Documents not stored because their id is taken by a different text (ids, in order).
    pub conflicts: Vec<String>,
    /// Stored documents replaced by a new extraction ([`Store::ingest_replacing`]).
    pub replaced: usize,
    /// Event reports stored.
    pub reports: usize,
    /// Reports that joined an existing canonical event.
    pub fused: usize,
    /// Canonical events created.
    pub new_events: usize,
    /// Canonical events merged into another once later reports showed them one real event
    /// (counted in `new_events` too).
    pub merged: usize,
}

impl IngestStats {
    /// Add another batch's figures to these.
    pub fn add(&mut self, o: IngestStats) {
        self.documents += o.documents;
        self.duplicates += o.duplicates;
        self.conflicts.extend(o.conflicts);
        self.replaced += o.replaced;
        self.reports += o.reports;
        self.fused += o.fused;
        self.new_events += o.new_events;
        self.merged += o.merged;
    }
}

/// Whether a document is in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStatus {
    /// Neither its id nor its text is stored.
    New,
    /// Stored under this id with this text.
    Stored,
    /// This text is stored under another id.
    SameText,
    /// This id is stored with a different text.
    IdTaken,
}

/// Row counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: usize,
    /// Entity mentions.
    pub mentions: usize,
    /// Entities.
    pub entities: usize,
    /// Event reports (one per event per document).
    pub events: usize,
    /// Canonical (fused) events.
    pub canonical_events: usize,
    /// Claims.
    pub claims: usize,
    /// Tolls.
    pub tolls: usize,
    /// Relations.
    pub relations: usize,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// ACLED-style CSV (`acled-csv`).
    AcledCsv,
    /// PLOVER events as JSON Lines (`plover-jsonl`).
    PloverJsonl,
    /// GeoJSON FeatureCollection of points (`geojson`).
    Geojson,
    /// Canonical events with claims and reports, as JSON Lines (`jsonl`).
    Jsonl,
    /// Parquet with a flat schema (`parquet`).
    Parquet,
}

impl ExportFormat {
    /// Every format with its name.
    pub const ALL: [(&'static str, ExportFormat); 5] = [
        ("acled-csv", ExportFormat::AcledCsv),
        ("plover-jsonl", ExportFormat::PloverJsonl),
        ("geojson", ExportFormat::Geojson),
        ("jsonl", ExportFormat::Jsonl),
        ("parquet", ExportFormat::Parquet),
    ];

    /// The format's name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|x| x.1 == self)
            .map_or("jsonl", |x| x.0)
    }
}

impl FromStr for ExportFormat {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::ALL
            .iter()
            .find(|x| x.0.eq_ignore_ascii_case(s.trim()))
            .map(|x| x.1)
            .ok_or_else(|| StoreError::Invalid {
                what: "export format (acled-csv, plover-jsonl, geojson, jsonl, parquet)",
                value: s.to_string(),
            })
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ExportStats {
    /// Events written.
    pub written: usize,
    /// Events left out (GeoJSON: events without coordinates).
    pub skipped: usize,
}

/// The store: one connection to one database.
///
/// `Send` but not `Sync`: share it behind a `Mutex`, or give each thread its own connection
/// ([`Store::reopen`]).
pub struct Store {
    db: RefCell<Db>,
    target: String,
    /// What it was opened on, password included: for [`Store::reopen`], never shown.
    raw: String,
}

/// Most characters a full-text query may have ([`Store::search`], [`EventQuery::text`]).
pub const MAX_QUERY_CHARS: usize = 10_000;
/// Most distinct words a full-text query may have.
pub const MAX_QUERY_WORDS: usize = 1_000;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend())
            .finish_non_exhaustive()
    }
}

/// The hash under which a text is stored: 128-bit FNV-1a of its bytes, in hex.
pub fn text_hash(text: &str) -> String {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in text.as_bytes() {
        h ^= u128::from(*b);
        h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B);
    }
    format!("{h:032x}")
}

fn json<T: Serialize>(v: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_string(v)?)
}

fn enum_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn enum_parse<T: for<'de> Deserialize<'de>>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn limit_or_default(limit: usize) -> usize {
    if limit == 0 {
        DEFAULT_LIMIT
    } else {
        limit
    }
}

/// True for `postgres://` and `postgresql://` targets.
pub fn is_postgres_url(target: &str) -> bool {
    let t = target.trim_start();
    t.starts_with("postgres://") || t.starts_with("postgresql://")
}

impl Store {
    /// Open a store: a `postgres://…` or `postgresql://…` URL, `:memory:` (an in-memory SQLite
    /// database), or the path of a SQLite file (created when missing). The schema is created or
    /// migrated.
    pub fn open(target: &str) -> Result<Store, StoreError> {
        let mut db = if is_postgres_url(target) {
            Db::postgres(target.trim())?
        } else {
            Db::sqlite(target)?
        };
        schema::migrate(&mut db)?;
        let shown = if is_postgres_url(target) {
            redact(target)
        } else {
            target.to_string()
        };
        Ok(Store {
            db: RefCell::new(db),
            target: shown,
            raw: target.to_string(),
        })
    }

    /// Check the database for damage: SQLite's `PRAGMA quick_check` reads every page and
    /// index entry (time linear in the size of the file); a PostgreSQL server keeps its own
    /// checksums, so nothing is done there.
    pub fn check(&self) -> Result<(), StoreError> {
        let mut db = self.db.borrow_mut();
        if !matches!(db.kind(), Kind::Sqlite) {
            return Ok(());
        }
        let problems: Vec<String> = db
            .query("PRAGMA quick_check(5)", &[])?
            .iter()
            .map(|r| r.text(0))
            .filter(|t| t != "ok")
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Damaged {
                problems: problems.join("; "),
            })
        }
    }

    /// Another connection to the same database (for a pool of readers). An in-memory SQLite
    /// database cannot be shared: it is refused.
    pub fn reopen(&self) -> Result<Store, StoreError> {
        if self.raw.trim() == ":memory:" {
            return Err(StoreError::Invalid {
                what: "store to open twice (an in-memory database has one connection)",
                value: self.raw.clone(),
            });
        }
        Store::open(&self.raw)
    }

    /// Can [`Store::reopen`] open another connection?
    pub fn can_reopen(&self) -> bool {
        self.raw.trim() != ":memory:"
    }

    /// What stops this connection's work from another thread (a client that has gone, a
    /// deadline): the running statement is interrupted and later calls fail with
    /// [`StoreError::Interrupted`] until the interrupter is reset.
    pub fn interrupter(&self) -> Interrupter {
        self.db.borrow().interrupter()
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        match self.db.borrow().kind() {
            Kind::Sqlite => "sqlite",
            Kind::Postgres => "postgres",
        }
    }

    /// The target it was opened on (a PostgreSQL password is hidden).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Store a batch of documents with their records in one transaction, fusing their events
    /// into canonical events inside the same transaction. Documents already stored (same id,
    /// or the same text under another id) are left as they are.
    ///
    /// A document whose id is stored with a different text is not stored either: its id is
    /// listed in [`IngestStats::conflicts`], for the caller to report.
    pub fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<IngestStats, StoreError> {
        self.ingest_replacing(batch, false)
    }

    /// [`Store::ingest`], and with `replace`, a document whose id is stored (with the same text
    /// or another) replaces the stored one: its rows are deleted, the canonical events its
    /// reports were part of are fused again from their other reports, then it is stored and
    /// fused anew. Re-extracting a store (`rasd reextract`, `rasd ingest --replace`) uses it.
    pub fn ingest_replacing(
        &mut self,
        batch: &[(Document, Record)],
        replace: bool,
    ) -> Result<IngestStats, StoreError> {
        let db = self.db.get_mut();
        begin(db)?;
        let mut stats = IngestStats::default();
        let r = batch
            .iter()
            .try_for_each(|(doc, rec)| ingest_one(db, doc, rec, replace, &mut stats))
            .and_then(|()| {
                stats.merged += consolidate_docs(db, batch.iter().map(|(d, _)| d.id.as_str()))?;
                Ok(())
            });
        match r {
            Ok(()) => {
                db.batch("COMMIT")?;
                Ok(stats)
            }
            Err(e) => {
                let _ = db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Fuse every stored report again, from scratch, in the order they were stored (after the
    /// fusion rules changed). One transaction.
    pub fn refuse(&mut self) -> Result<IngestStats, StoreError> {
        let db = self.db.get_mut();
        begin(db)?;
        let r = refuse_all(db);
        match r {
            Ok(s) => {
                db.batch("COMMIT")?;
                Ok(s)
            }
            Err(e) => {
                let _ = db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Is a document already stored, by id or by the same text under another id?
    pub fn has_document(&self, id: &str, text: &str) -> Result<bool, StoreError> {
        let mut db = self.db.borrow_mut();
        Ok(db.int(
            "SELECT COUNT(*) FROM documents WHERE id = ? OR hash = ?",
            &vals![id, text_hash(text)],
        )? > 0)
    }

    /// Count to `n` in SQL, slowly: work to interrupt, for tests of deadlines.
    #[doc(hidden)]
    pub fn count_to(&self, n: i64) -> Result<i64, StoreError> {
        self.db.borrow_mut().int(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?)
             SELECT COUNT(*) FROM c",
            &vals![n],
        )
    }

    /// Whether a document (its id, its text) is stored.
    pub fn document_status(&self, id: &str, text: &str) -> Result<DocStatus, StoreError> {
        let mut db = self.db.borrow_mut();
        status(&mut db, id, &text_hash(text))
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let mut db = self.db.borrow_mut();
        let mut n = |t: &str| -> Result<usize, StoreError> {
            Ok(db.int(&format!("SELECT COUNT(*) FROM {t}"), &[])?.max(0) as usize)
        };
        Ok(Counts {
            documents: n("documents")?,
            mentions: n("mentions")?,
            entities: n("entities")?,
            events: n("events")?,
            canonical_events: n("canonical_events")?,
            claims: n("claims")?,
            tolls: n("tolls")?,
            relations: n("relations")?,
        })
    }

    /// Canonical events matching a query, newest first.
    pub fn events(&self, q: &EventQuery) -> Result<Page<EventSummary>, StoreError> {
        let mut db = self.db.borrow_mut();
        events_page(&mut db, q, limit_or_default(q.limit))
    }

    /// One canonical event (`ev-000123`) with its claims and reports.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let Some(n) = fuse::parse_id(id) else {
            return Ok(None);
        };
        let mut db = self.db.borrow_mut();
        let Some(row) = db.row(
            "SELECT summary FROM canonical_events WHERE id = ?",
            &vals![n],
        )?
        else {
            return Ok(None);
        };
        let summary: EventSummary = serde_json::from_str(&row.text(0))?;
        Ok(Some(detail(&mut db, n, summary)?))
    }

    /// Why a canonical event's reports were fused.
    pub fn explain(&self, id: &str) -> Result<Option<FusionExplanation>, StoreError> {
        let Some(n) = fuse::parse_id(id) else {
            return Ok(None);
        };
        let mut db = self.db.borrow_mut();
        if db.int(
            "SELECT COUNT(*) FROM canonical_events WHERE id = ?",
            &vals![n],
        )? == 0
        {
            return Ok(None);
        }
        let rows = db.query(
            "SELECT l.doc_id, d.outlet, e.local_id, l.reason FROM event_links l
             JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = l.doc_id
             WHERE l.canonical_id = ? ORDER BY e.id",
            &vals![n],
        )?;
        let mut reports = Vec::new();
        let mut reasons = Vec::new();
        for r in rows {
            let (doc, outlet) = (r.text(0), r.opt_text(1));
            let from = match &outlet {
                Some(o) => format!("{doc} ({o}) {}", r.text(2)),
                None => format!("{doc} {}", r.text(2)),
            };
            reasons.push(format!("{from}: {}", r.text(3)));
            reports.push((doc, outlet));
        }
        Ok(Some(FusionExplanation {
            event_id: fuse::show_id(n),
            reports,
            reasons,
        }))
    }

    /// Entities matching a query, most mentioned first.
    pub fn entities(&self, q: &EntityQuery) -> Result<Page<EntitySummary>, StoreError> {
        let limit = limit_or_default(q.limit);
        let mut db = self.db.borrow_mut();
        let mut w = vec!["1 = 1".to_string()];
        let mut args: Vec<Val> = Vec::new();
        if let Some(t) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let key = rasd_text::match_key_str(t);
            let ids = dictionary_ids(t);
            let known = if ids.is_empty() {
                String::new()
            } else {
                format!(" OR id IN ({})", vec!["?"; ids.len()].join(", "))
            };
            w.push(format!(
                "(id = ? OR name_key LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'
                  OR LOWER(name_en) LIKE ? ESCAPE '\\'{known})"
            ));
            args.extend(vals![
                t,
                format!("%{}%", like_escape(&key)),
                format!("%{}%", like_escape(t)),
                format!("%{}%", like_escape(&t.to_lowercase()))
            ]);
            args.extend(ids.into_iter().map(Val::from));
        }
        if let Some(k) = q.kind {
            w.push("type = ?".into());
            args.push(enum_name(&k).into());
        }
        let wh = w.join(" AND ");
        let total = db.int(&format!("SELECT COUNT(*) FROM entities WHERE {wh}"), &args)?;
        let rows = db.query(
            &format!(
                "SELECT id, type, name, name_en, n_mentions FROM entities WHERE {wh}
                 ORDER BY n_mentions DESC, id LIMIT {limit} OFFSET {}",
                sql_offset(q.offset)
            ),
            &args,
        )?;
        let mut items = Vec::with_capacity(rows.len());
        for r in rows {
            items.push(entity_summary(&mut db, &r)?);
        }
        Ok(Page {
            items,
            total: total.max(0) as usize,
            limit,
            offset: q.offset,
        })
    }

    /// One entity with its aliases, relations, designations and events.
    pub fn entity(&self, id: &str) -> Result<Option<EntityDetail>, StoreError> {
        let mut db = self.db.borrow_mut();
        let Some(r) = db.row(
            "SELECT id, type, name, name_en, n_mentions, aliases, designations FROM entities WHERE id = ?",
            &vals![id],
        )?
        else {
            return Ok(None);
        };
        let summary = entity_summary(&mut db, &r)?;
        let aliases: Vec<String> = serde_json::from_str(&r.text(5))?;
        let designations: Vec<Designation> = serde_json::from_str(&r.text(6))?;
        let rows = db.query(
            "SELECT doc_id, data FROM relations WHERE subject_id = ? OR object_id = ?
             OR subject = ? OR object = ? ORDER BY id LIMIT 1000",
            &vals![id, id, &summary.name, &summary.name],
        )?;
        let mut relations = Vec::new();
        for r in rows {
            relations.push(StoredRelation {
                relation: serde_json::from_str(&r.text(1))?,
                doc_id: r.text(0),
            });
        }
        let rows = db.query(
            "SELECT c.summary FROM canonical_events c WHERE c.id IN
                 (SELECT canonical_id FROM canonical_actors WHERE entity_id = ?)
             ORDER BY c.day DESC NULLS LAST, c.id DESC LIMIT 500",
            &vals![id],
        )?;
        let mut events = Vec::new();
        for r in rows {
            events.push(serde_json::from_str(&r.text(0))?);
        }
        Ok(Some(EntityDetail {
            summary,
            aliases,
            relations,
            designations,
            events,
        }))
    }

    /// Documents, newest first.
    pub fn documents(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Page<DocumentSummary>, StoreError> {
        let limit = limit_or_default(limit);
        let mut db = self.db.borrow_mut();
        let total = db.int("SELECT COUNT(*) FROM documents", &[])?;
        let rows = db.query(
            &format!(
                "SELECT id, outlet, url, published, title, n_events FROM documents
                 ORDER BY published DESC NULLS LAST, num DESC LIMIT {limit} OFFSET {}",
                sql_offset(offset)
            ),
            &[],
        )?;
        let items = rows
            .iter()
            .map(|r| DocumentSummary {
                id: r.text(0),
                source: r.opt_text(1),
                url: r.opt_text(2),
                published: r.opt_text(3),
                title: r.opt_text(4),
                n_events: r.count(5),
            })
            .collect();
        Ok(Page {
            items,
            total: total.max(0) as usize,
            limit,
            offset,
        })
    }

    /// Stored documents as they were given (id, text, outlet, url, published, title), in the
    /// order they were stored, `limit` at a time: those numbered after `after` and up to
    /// `upto` (see [`Store::last_document_number`]). Returns each with its number.
    pub fn stored_documents(
        &self,
        after: i64,
        upto: i64,
        limit: usize,
    ) -> Result<Vec<(i64, Document)>, StoreError> {
        let mut db = self.db.borrow_mut();
        let rows = db.query(
            &format!(
                "SELECT num, id, outlet, url, published, title, text FROM documents
                 WHERE num > ? AND num <= ? ORDER BY num LIMIT {}",
                limit.max(1)
            ),
            &vals![after, upto],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                let mut doc = Document::new(r.text(1), r.text(6));
                doc.meta.source = r.opt_text(2);
                doc.meta.url = r.opt_text(3);
                doc.meta.published = r.opt_text(4).and_then(|p| IsoDate::parse(&p).ok());
                doc.meta.title = r.opt_text(5);
                (r.int(0), doc)
            })
            .collect())
    }

    /// The number of the document stored last (0 when the store is empty).
    pub fn last_document_number(&self) -> Result<i64, StoreError> {
        self.db
            .borrow_mut()
            .int("SELECT COALESCE(MAX(num), 0) FROM documents", &[])
    }

    /// One document with its text and record.
    pub fn document(&self, id: &str) -> Result<Option<DocumentDetail>, StoreError> {
        let mut db = self.db.borrow_mut();
        let Some(r) = db.row(
            "SELECT id, outlet, url, published, title, text, record FROM documents WHERE id = ?",
            &vals![id],
        )?
        else {
            return Ok(None);
        };
        Ok(Some(DocumentDetail {
            id: r.text(0),
            source: r.opt_text(1),
            url: r.opt_text(2),
            published: r.opt_text(3),
            title: r.opt_text(4),
            text: r.text(5),
            record: serde_json::from_str(&r.text(6))?,
        }))
    }

    /// Tolls, newest first.
    pub fn tolls(&self, limit: usize, offset: usize) -> Result<Page<TollRow>, StoreError> {
        let limit = limit_or_default(limit);
        let mut db = self.db.borrow_mut();
        let total = db.int("SELECT COUNT(*) FROM tolls", &[])?;
        let rows = db.query(
            &format!(
                "SELECT doc_id, data FROM tolls ORDER BY as_of DESC NULLS LAST, id DESC
                 LIMIT {limit} OFFSET {}",
                sql_offset(offset)
            ),
            &[],
        )?;
        let mut items = Vec::with_capacity(rows.len());
        for r in rows {
            items.push(TollRow {
                doc_id: r.text(0),
                toll: serde_json::from_str(&r.text(1))?,
            });
        }
        Ok(Page {
            items,
            total: total.max(0) as usize,
            limit,
            offset,
        })
    }

    /// Full-text search over the Arabic-normalised text of the documents (every word must be
    /// there; diacritics, alef forms, ta marbuta, alef maqsura and digits are folded).
    ///
    /// Repeated words count once; a query of more than [`MAX_QUERY_CHARS`] characters or
    /// [`MAX_QUERY_WORDS`] distinct words is refused ([`StoreError::Invalid`]).
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let words = query_words(text)?;
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let limit = if limit == 0 { 20 } else { limit.min(1000) };
        let mut db = self.db.borrow_mut();
        let rows = match db.kind() {
            Kind::Sqlite => db.query(
                &format!(
                    "SELECT d.id, d.title, d.text FROM documents_fts f JOIN documents d ON d.num = f.rowid
                     WHERE documents_fts MATCH ? ORDER BY f.rank, d.num LIMIT {limit}"
                ),
                &vals![fts5_query(&words)],
            )?,
            Kind::Postgres => db.query(
                &format!(
                    "SELECT d.id, d.title, d.text FROM documents d
                     WHERE d.fts @@ plainto_tsquery('simple', ?)
                     ORDER BY ts_rank(d.fts, plainto_tsquery('simple', ?)) DESC, d.num LIMIT {limit}"
                ),
                &vals![words.join(" "), words.join(" ")],
            )?,
        };
        let set: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
        let mut hits = Vec::with_capacity(rows.len());
        for r in &rows {
            db.check()?;
            hits.push(SearchHit {
                doc_id: r.text(0),
                title: r.opt_text(1),
                snippet: snippet(&r.text(2), &set),
            });
        }
        Ok(hits)
    }

    /// Write the canonical events matching a query (all of them when `q.limit` is 0) in a
    /// format; returns how many were written.
    pub fn export(
        &self,
        format: ExportFormat,
        q: &EventQuery,
        out: &mut (dyn std::io::Write + Send),
    ) -> Result<usize, StoreError> {
        Ok(self.export_stats(format, q, out)?.written)
    }

    /// [`Store::export`], also saying how many events were left out (GeoJSON: no coordinates).
    pub fn export_stats(
        &self,
        format: ExportFormat,
        q: &EventQuery,
        out: &mut (dyn std::io::Write + Send),
    ) -> Result<ExportStats, StoreError> {
        let mut w = export::Writer::new(format, out)?;
        let mut db = self.db.borrow_mut();
        let mut q = q.clone();
        let mut left = if q.limit == 0 { usize::MAX } else { q.limit };
        const PAGE: usize = 1000;
        let mut kinds = HashMap::new();
        while left > 0 {
            let page = events_page(&mut db, &q, PAGE.min(left))?;
            let n = page.items.len();
            for s in page.items {
                let Some(id) = fuse::parse_id(&s.id) else {
                    continue;
                };
                let d = detail(&mut db, id, s)?;
                let actors = actor_kinds(&mut db, &d, &mut kinds)?;
                w.write(&d, &actors)?;
            }
            left = left.saturating_sub(n);
            if n < PAGE {
                break;
            }
            q.offset += n;
        }
        w.finish()
    }

    /// Check that every stored document has all its rows (events, claims, mentions, tolls,
    /// relations as its record says, and every report linked to a canonical event). Returns
    /// the problems found, in words; empty when the store is whole.
    pub fn verify(&self) -> Result<Vec<String>, StoreError> {
        let mut db = self.db.borrow_mut();
        let mut problems = Vec::new();
        let docs = db.query(
            "SELECT id, record, n_events FROM documents ORDER BY num",
            &[],
        )?;
        let count = |db: &mut Db, sql: &str, id: &str| db.int(sql, &vals![id]);
        for d in docs {
            let id = d.text(0);
            let rec: Record = serde_json::from_str(&d.text(1))?;
            let want_claims: usize = rec.events.iter().map(|e| e.claims.len()).sum();
            let want_mentions: usize = rec.entities.iter().map(|e| e.mentions.len()).sum();
            let checks = [
                (
                    "events",
                    "SELECT COUNT(*) FROM events WHERE doc_id = ?",
                    rec.events.len(),
                ),
                (
                    "claims",
                    "SELECT COUNT(*) FROM claims WHERE doc_id = ?",
                    want_claims,
                ),
                (
                    "mentions",
                    "SELECT COUNT(*) FROM mentions WHERE doc_id = ?",
                    want_mentions,
                ),
                (
                    "tolls",
                    "SELECT COUNT(*) FROM tolls WHERE doc_id = ?",
                    rec.tolls.len(),
                ),
                (
                    "relations",
                    "SELECT COUNT(*) FROM relations WHERE doc_id = ?",
                    rec.relations.len(),
                ),
                (
                    "event links",
                    "SELECT COUNT(*) FROM event_links WHERE doc_id = ?",
                    rec.events.len(),
                ),
            ];
            for (what, sql, want) in checks {
                let got = count(&mut db, sql, &id)?;
                if got != want as i64 {
                    problems.push(format!("{id}: {got} {what} stored, {want} in its record"));
                }
            }
            if d.count(2) != rec.events.len() {
                problems.push(format!(
                    "{id}: n_events {} but {} events",
                    d.count(2),
                    rec.events.len()
                ));
            }
        }
        let orphans = db.int(
            "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id)",
            &[],
        )?;
        if orphans > 0 {
            problems.push(format!("{orphans} events without their document"));
        }
        let empty = db.int(
            "SELECT COUNT(*) FROM canonical_events c WHERE NOT EXISTS
                 (SELECT 1 FROM event_links l WHERE l.canonical_id = c.id)",
            &[],
        )?;
        if empty > 0 {
            problems.push(format!("{empty} canonical events without reports"));
        }
        Ok(problems)
    }
}

/// Hide the password of a URL.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((cred, host)) => {
            let user = cred.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_string(),
    }
}

/// Start a write transaction; on PostgreSQL, concurrent ingests wait for each other (fusion
/// reads what the other would write).
fn begin(db: &mut Db) -> Result<(), StoreError> {
    match db.kind() {
        Kind::Sqlite => db.batch("BEGIN IMMEDIATE"),
        Kind::Postgres => {
            db.batch("BEGIN; LOCK TABLE canonical_events IN SHARE ROW EXCLUSIVE MODE;")
        }
    }
}

fn status(db: &mut Db, id: &str, hash: &str) -> Result<DocStatus, StoreError> {
    if let Some(r) = db.row("SELECT hash FROM documents WHERE id = ?", &vals![id])? {
        return Ok(if r.text(0) == hash {
            DocStatus::Stored
        } else {
            DocStatus::IdTaken
        });
    }
    Ok(
        if db.int(
            "SELECT COUNT(*) FROM documents WHERE hash = ?",
            &vals![hash],
        )? > 0
        {
            DocStatus::SameText
        } else {
            DocStatus::New
        },
    )
}

fn ingest_one(
    db: &mut Db,
    doc: &Document,
    rec: &Record,
    replace: bool,
    stats: &mut IngestStats,
) -> Result<(), StoreError> {
    let hash = text_hash(&doc.text);
    match status(db, &doc.id, &hash)? {
        DocStatus::New => {}
        DocStatus::Stored | DocStatus::IdTaken if replace => {
            let affected = delete_document(db, &doc.id)?;
            refuse_events(db, &affected)?;
            stats.replaced += 1;
            // The same text may also be stored under another id: then it stays there.
            if db.int(
                "SELECT COUNT(*) FROM documents WHERE hash = ?",
                &vals![&hash],
            )? > 0
            {
                stats.duplicates += 1;
                return Ok(());
            }
        }
        DocStatus::Stored | DocStatus::SameText => {
            stats.duplicates += 1;
            return Ok(());
        }
        DocStatus::IdTaken => {
            stats.conflicts.push(doc.id.clone());
            return Ok(());
        }
    }
    let outlet = rec.doc.source.clone().or_else(|| doc.meta.source.clone());
    let url = rec.doc.url.clone().or_else(|| doc.meta.url.clone());
    let title = rec.doc.title.clone().or_else(|| doc.meta.title.clone());
    let published = rec
        .doc
        .published
        .clone()
        .or_else(|| doc.meta.published.map(|d| d.to_string()));
    let num = db.int(
        "INSERT INTO documents (id, hash, outlet, url, published, title, text, record, n_events)
         VALUES (?,?,?,?,?,?,?,?,?) RETURNING num",
        &vals![
            &doc.id,
            &hash,
            outlet.clone(),
            url,
            published,
            title,
            &doc.text,
            json(rec)?,
            rec.events.len(),
        ],
    )?;
    let body = rasd_text::match_key_str(&doc.text);
    match db.kind() {
        Kind::Sqlite => db.exec(
            "INSERT INTO documents_fts (rowid, body) VALUES (?, ?)",
            &vals![num, body],
        )?,
        Kind::Postgres => db.exec(
            "UPDATE documents SET fts = to_tsvector('simple', ?) WHERE num = ?",
            &vals![body, num],
        )?,
    };
    for e in &rec.entities {
        store_entity(db, &doc.id, e)?;
    }
    for t in &rec.tolls {
        db.exec(
            "INSERT INTO tolls (doc_id, place_name, country, killed, injured, as_of, source, data)
             VALUES (?,?,?,?,?,?,?,?)",
            &vals![
                &doc.id,
                t.place.as_ref().map(|p| p.name.clone()),
                t.place.as_ref().and_then(|p| p.country.clone()),
                t.killed,
                t.injured,
                t.as_of.clone(),
                t.source.clone(),
                json(t)?,
            ],
        )?;
    }
    for r in &rec.relations {
        db.exec(
            "INSERT INTO relations (doc_id, type, subject, object, subject_id, object_id, data)
             VALUES (?,?,?,?,?,?,?)",
            &vals![
                &doc.id,
                enum_name(&r.kind),
                &r.subject,
                &r.object,
                r.subject_id.clone(),
                r.object_id.clone(),
                json(r)?,
            ],
        )?;
    }
    for e in &rec.events {
        let added = fuse::add_report(db, doc, outlet.as_deref(), e)?;
        stats.reports += 1;
        if added.fused {
            stats.fused += 1;
        } else {
            stats.new_events += 1;
        }
    }
    stats.documents += 1;
    Ok(())
}

fn store_entity(db: &mut Db, doc_id: &str, e: &rasd_model::Entity) -> Result<(), StoreError> {
    let existing = db.row(
        "SELECT aliases, designations FROM entities WHERE id = ?",
        &vals![&e.id],
    )?;
    match existing {
        None => {
            let mut aliases: Vec<String> = Vec::new();
            for a in &e.aliases {
                if *a != e.name && !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
            db.exec(
                "INSERT INTO entities (id, type, name, name_key, name_en, country, aliases,
                     designations, n_mentions, n_documents)
                 VALUES (?,?,?,?,?,?,?,?,?,1)",
                &vals![
                    &e.id,
                    enum_name(&e.kind),
                    &e.name,
                    rasd_text::match_key_str(&e.name),
                    e.name_en.clone(),
                    e.country.clone(),
                    json(&aliases)?,
                    json(&e.designations)?,
                    e.mentions.len(),
                ],
            )?;
        }
        Some(r) => {
            let mut aliases: Vec<String> = serde_json::from_str(&r.text(0)).unwrap_or_default();
            let mut designations: Vec<Designation> =
                serde_json::from_str(&r.text(1)).unwrap_or_default();
            let (na, nd) = (aliases.len(), designations.len());
            for a in &e.aliases {
                if *a != e.name && !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
            for d in &e.designations {
                if !designations.contains(d) {
                    designations.push(d.clone());
                }
            }
            if aliases.len() != na || designations.len() != nd {
                db.exec(
                    "UPDATE entities SET aliases = ?, designations = ? WHERE id = ?",
                    &vals![json(&aliases)?, json(&designations)?, &e.id],
                )?;
            }
            db.exec(
                "UPDATE entities SET n_mentions = n_mentions + ?, n_documents = n_documents + 1
                 WHERE id = ?",
                &vals![e.mentions.len(), &e.id],
            )?;
        }
    }
    for m in &e.mentions {
        db.exec(
            "INSERT INTO mentions (doc_id, entity_id, start_char, end_char) VALUES (?,?,?,?)",
            &vals![doc_id, &e.id, m.start, m.end],
        )?;
    }
    Ok(())
}

/// Delete a document and every row made from it (its entities' counts go down; an entity no
/// document mentions any more goes). Returns the canonical events its reports were part of.
fn delete_document(db: &mut Db, id: &str) -> Result<Vec<i64>, StoreError> {
    let Some(d) = db.row(
        "SELECT num, text, record FROM documents WHERE id = ?",
        &vals![id],
    )?
    else {
        return Ok(Vec::new());
    };
    let affected: Vec<i64> = db
        .query(
            "SELECT DISTINCT canonical_id FROM event_links WHERE doc_id = ? ORDER BY canonical_id",
            &vals![id],
        )?
        .iter()
        .map(|r| r.int(0))
        .collect();
    if db.kind() == Kind::Sqlite {
        // A contentless FTS5 table forgets a row given the very words it indexed.
        db.exec(
            "INSERT INTO documents_fts (documents_fts, rowid, body) VALUES ('delete', ?, ?)",
            &vals![d.int(0), rasd_text::match_key_str(&d.text(1))],
        )?;
    }
    let rec: Record = serde_json::from_str(&d.text(2))?;
    for e in &rec.entities {
        db.exec(
            "UPDATE entities SET n_mentions = n_mentions - ?, n_documents = n_documents - 1
             WHERE id = ?",
            &vals![e.mentions.len(), &e.id],
        )?;
    }
    db.exec("DELETE FROM entities WHERE n_documents <= 0", &[])?;
    for t in [
        "mentions",
        "claims",
        "events",
        "tolls",
        "relations",
        "event_links",
    ] {
        db.exec(&format!("DELETE FROM {t} WHERE doc_id = ?"), &vals![id])?;
    }
    db.exec("DELETE FROM documents WHERE id = ?", &vals![id])?;
    Ok(affected)
}

/// Fuse again the remaining reports of some canonical events (after a document was deleted):
/// the events go, and their reports are fused in the order they were stored, as new reports.
fn refuse_events(db: &mut Db, ids: &[i64]) -> Result<(), StoreError> {
    let mut reports = Vec::new();
    for &c in ids {
        for r in db.query(
            "SELECT event_id FROM event_links WHERE canonical_id = ?",
            &vals![c],
        )? {
            reports.push(r.int(0));
        }
        db.exec(
            "DELETE FROM canonical_actors WHERE canonical_id = ?",
            &vals![c],
        )?;
        db.exec("DELETE FROM event_links WHERE canonical_id = ?", &vals![c])?;
        db.exec("DELETE FROM canonical_events WHERE id = ?", &vals![c])?;
    }
    reports.sort_unstable();
    for id in reports {
        let Some(r) = db.row(
            "SELECT e.doc_id, d.outlet, e.data FROM events e JOIN documents d ON d.id = e.doc_id
             WHERE e.id = ?",
            &vals![id],
        )?
        else {
            continue;
        };
        let e: Event = serde_json::from_str(&r.text(2))?;
        let f = fuse::Facts::of(&e);
        fuse::link(db, id, &r.text(0), r.opt_text(1).as_deref(), &e, &f)?;
    }
    Ok(())
}

/// [`fuse::consolidate`] the canonical events that reports of these documents joined.
fn consolidate_docs<'a>(
    db: &mut Db,
    docs: impl Iterator<Item = &'a str>,
) -> Result<usize, StoreError> {
    let mut ids = Vec::new();
    for d in docs {
        for r in db.query(
            "SELECT canonical_id FROM event_links WHERE doc_id = ?",
            &vals![d],
        )? {
            ids.push(r.int(0));
        }
    }
    fuse::consolidate(db, &ids)
}

fn refuse_all(db: &mut Db) -> Result<IngestStats, StoreError> {
    db.batch(
        "DELETE FROM canonical_actors; DELETE FROM event_links; DELETE FROM canonical_events;",
    )?;
    if db.kind() == Kind::Sqlite {
        // Number canonical events from 1 again.
        let _ = db.batch("DELETE FROM sqlite_sequence WHERE name = 'canonical_events'");
    } else {
        db.batch("ALTER TABLE canonical_events ALTER COLUMN id RESTART WITH 1")?;
    }
    let mut stats = IngestStats::default();
    let mut after = 0i64;
    loop {
        let rows = db.query(
            "SELECT e.id, e.doc_id, d.outlet, e.data FROM events e JOIN documents d ON d.id = e.doc_id
             WHERE e.id > ? ORDER BY e.id LIMIT 5000",
            &vals![after],
        )?;
        if rows.is_empty() {
            break;
        }
        for r in &rows {
            after = r.int(0);
            let e: Event = serde_json::from_str(&r.text(3))?;
            let f = fuse::Facts::of(&e);
            let added = fuse::link(db, after, &r.text(1), r.opt_text(2).as_deref(), &e, &f)?;
            stats.reports += 1;
            if added.fused {
                stats.fused += 1;
            } else {
                stats.new_events += 1;
            }
        }
        let docs: Vec<String> = rows.iter().map(|r| r.text(1)).collect();
        stats.merged += consolidate_docs(db, docs.iter().map(String::as_str))?;
    }
    Ok(stats)
}

/// The distinct words of a search, folded as the index is, in their order. A query over
/// [`MAX_QUERY_CHARS`] characters or [`MAX_QUERY_WORDS`] distinct words is refused, so that
/// no query costs more than a bounded, linear amount of work.
fn query_words(text: &str) -> Result<Vec<String>, StoreError> {
    let chars = text.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(StoreError::Invalid {
            what: "search: too long a query (at most 10000 characters)",
            value: format!("{chars} characters"),
        });
    }
    let mut seen = std::collections::HashSet::new();
    let words: Vec<String> = rasd_text::match_key_str(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && seen.insert(w.to_string()))
        .map(String::from)
        .collect();
    if words.len() > MAX_QUERY_WORDS {
        return Err(StoreError::Invalid {
            what: "search: too many words (at most 1000 distinct words)",
            value: format!("{} words", words.len()),
        });
    }
    Ok(words)
}

/// An offset as SQL takes it: rows are counted in signed 64 bits, and no table holds
/// more, so a larger offset is the last page there is (empty).
fn sql_offset(offset: usize) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

/// An FTS5 query: every word quoted (no operators from the user), all required.
fn fts5_query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The original text around the first word of the text that the query has, about 160
/// characters. One pass over the text, whatever the number of words.
fn snippet(text: &str, words: &std::collections::HashSet<&str>) -> String {
    let key = rasd_text::match_key(text, &[Span::new(0, text.len())]);
    let mut hit = None;
    let mut start = None;
    for (i, c) in key.text.char_indices().chain([(key.text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                if key.text.get(a..i).is_some_and(|w| words.contains(w)) {
                    hit = Some((a, i));
                    break;
                }
                start = None;
            }
            _ => {}
        }
    }
    let (start, end) = match hit {
        Some((a, b)) => {
            let s = key.to_original(Span::new(a, b));
            (s.start, s.end)
        }
        None => (0, 0),
    };
    let before: Vec<(usize, char)> = text
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .collect();
    let from = before.len().saturating_sub(60);
    let a = before.get(from).map_or(start, |x| x.0);
    let b = text
        .get(end..)
        .unwrap_or_default()
        .char_indices()
        .nth(100)
        .map_or(text.len(), |x| end + x.0);
    let mut s = String::new();
    if a > 0 {
        s.push('…');
    }
    s.push_str(text.get(a..b).unwrap_or_default().trim());
    if b < text.len() {
        s.push('…');
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value for `LIKE … ESCAPE '\'`: its `%`, `_` and `\` match themselves.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Most dictionary actors one name query stands for.
const MAX_NAME_IDS: usize = 200;

/// Ids of the dictionary's actors that have a name (canonical or other, Arabic or English) that
/// holds `query`: compared as Arabic match keys, English case-insensitively; a query of one to
/// three letters («IS», «KH») must be a whole name.
fn dictionary_ids(query: &str) -> Vec<String> {
    let kb = rasd_extract::kb::Knowledge::builtin();
    let q_key = rasd_text::match_key_str(query.trim());
    let q_en = query.trim().to_lowercase();
    let short = query.trim().chars().count() <= 3;
    let fits = |name: &str, q: &str| if short { name == q } else { name.contains(q) };
    kb.actors
        .iter()
        .filter(|a| {
            std::iter::once(&a.name_en)
                .chain(&a.aliases_en)
                .any(|n| fits(&n.to_lowercase(), &q_en))
                || std::iter::once(&a.name_ar)
                    .chain(&a.aliases_ar)
                    .any(|n| fits(&rasd_text::match_key_str(n), &q_key))
        })
        .take(MAX_NAME_IDS)
        .map(|a| a.id.clone())
        .collect()
}

/// Day bounds of a `from`/`to` filter value.
fn filter_day(what: &'static str, s: &str, last: bool) -> Result<i64, StoreError> {
    let s = s.trim();
    if let Ok(d) = IsoDate::parse(s) {
        return Ok(d.to_days());
    }
    fuse::day_range(Some(s))
        .map(|(a, b)| if last { b } else { a })
        .ok_or_else(|| StoreError::Invalid {
            what,
            value: s.to_string(),
        })
}

fn event_filter(kind: Kind, q: &EventQuery) -> Result<(String, Vec<Val>), StoreError> {
    let mut w = vec!["1 = 1".to_string()];
    let mut a: Vec<Val> = Vec::new();
    if let Some(f) = q.from.as_deref().filter(|s| !s.trim().is_empty()) {
        w.push("c.day_end >= ?".into());
        a.push(filter_day("from date", f, false)?.into());
    }
    if let Some(t) = q.to.as_deref().filter(|s| !s.trim().is_empty()) {
        w.push("c.day <= ?".into());
        a.push(filter_day("to date", t, true)?.into());
    }
    if !q.types.is_empty() {
        let marks = vec!["?"; q.types.len()].join(", ");
        w.push(format!("c.type IN ({marks})"));
        a.extend(q.types.iter().map(|t| Val::from(t.as_str())));
    }
    if let Some(x) = q.actor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // Any name of the dictionary, Arabic or English, finds its actor; names as written
        // find actors the dictionary does not know.
        let ids = dictionary_ids(x);
        let marks = vec!["?"; ids.len()].join(", ");
        let known = if ids.is_empty() {
            String::new()
        } else {
            format!(" OR entity_id IN ({marks})")
        };
        w.push(format!(
            "c.id IN (SELECT canonical_id FROM canonical_actors
                      WHERE entity_id = ? OR actor_key = ? OR name_key LIKE ? ESCAPE '\\'{known}
                      OR entity_id IN (SELECT id FROM entities
                          WHERE LOWER(name_en) LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'))"
        ));
        a.extend(vals![
            x,
            x,
            format!("%{}%", like_escape(&fuse::name_key(x))),
        ]);
        a.extend(ids.into_iter().map(Val::from));
        a.extend(vals![
            format!("%{}%", like_escape(&x.to_lowercase())),
            format!("%{}%", like_escape(x)),
        ]);
    }
    if let Some(x) = q
        .country
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        w.push("c.country = ?".into());
        a.push(x.to_ascii_uppercase().into());
    }
    if let Some(x) = q.admin1.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let k = fuse::name_key(x);
        w.push("(c.admin1_key = ? OR (c.geo_rank = 3 AND c.place_key = ?))".into());
        a.extend(vals![k.clone(), k]);
    }
    if let Some([x0, y0, x1, y1]) = q.bbox {
        let ok = [x0, y0, x1, y1].iter().all(|v| v.is_finite()) && x0 <= x1 && y0 <= y1;
        if !ok {
            return Err(StoreError::Invalid {
                what: "bbox (min_lon,min_lat,max_lon,max_lat)",
                value: format!("{x0},{y0},{x1},{y1}"),
            });
        }
        w.push("c.lon >= ? AND c.lon <= ? AND c.lat >= ? AND c.lat <= ?".into());
        a.extend(vals![x0, x1, y0, y1]);
    }
    if let Some(t) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        let words = query_words(t)?;
        // Text without a word («...», «؟!») is in no article: it finds nothing, not every event.
        if words.is_empty() {
            w.push("1 = 0".into());
        } else {
            match kind {
                Kind::Sqlite => {
                    w.push(
                        "c.id IN (SELECT l.canonical_id FROM event_links l
                              JOIN documents d ON d.id = l.doc_id
                              WHERE d.num IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
                            .into(),
                    );
                    a.push(fts5_query(&words).into());
                }
                Kind::Postgres => {
                    w.push(
                        "c.id IN (SELECT l.canonical_id FROM event_links l
                              JOIN documents d ON d.id = l.doc_id
                              WHERE d.fts @@ plainto_tsquery('simple', ?))"
                            .into(),
                    );
                    a.push(words.join(" ").into());
                }
            }
        }
    }
    Ok((w.join(" AND "), a))
}

fn events_page(
    db: &mut Db,
    q: &EventQuery,
    limit: usize,
) -> Result<Page<EventSummary>, StoreError> {
    let (wh, args) = event_filter(db.kind(), q)?;
    let total = db.int(
        &format!("SELECT COUNT(*) FROM canonical_events c WHERE {wh}"),
        &args,
    )?;
    let rows = db.query(
        &format!(
            "SELECT c.summary FROM canonical_events c WHERE {wh}
             ORDER BY c.day DESC NULLS LAST, c.id DESC LIMIT {limit} OFFSET {}",
            sql_offset(q.offset)
        ),
        &args,
    )?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        items.push(serde_json::from_str(&r.text(0))?);
    }
    Ok(Page {
        items,
        total: total.max(0) as usize,
        limit,
        offset: q.offset,
    })
}

fn detail(db: &mut Db, id: i64, summary: EventSummary) -> Result<EventDetail, StoreError> {
    let rows = db.query(
        "SELECT e.doc_id, d.outlet, d.url, d.published, d.title, e.data FROM event_links l
         JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id
         WHERE l.canonical_id = ? ORDER BY e.id",
        &vals![id],
    )?;
    let mut reports = Vec::with_capacity(rows.len());
    let mut claims = Vec::new();
    for r in rows {
        let event: Event = serde_json::from_str(&r.text(5))?;
        let (doc_id, outlet) = (r.text(0), r.opt_text(1));
        for c in &event.claims {
            claims.push(StoredClaim {
                claim: c.clone(),
                doc_id: doc_id.clone(),
                outlet: outlet.clone(),
            });
        }
        reports.push(Report {
            doc_id,
            outlet,
            url: r.opt_text(2),
            published: r.opt_text(3),
            title: r.opt_text(4),
            event,
        });
    }
    let stored_at = db
        .row(
            "SELECT stored_at FROM canonical_events WHERE id = ?",
            &vals![id],
        )?
        .and_then(|r| r.opt_int(0));
    Ok(EventDetail {
        summary,
        claims,
        reports,
        stored_at,
    })
}

fn entity_summary(db: &mut Db, r: &Row) -> Result<EntitySummary, StoreError> {
    let id = r.text(0);
    let n_events = db.int(
        "SELECT COUNT(DISTINCT canonical_id) FROM canonical_actors WHERE entity_id = ?",
        &vals![&id],
    )?;
    let kind = enum_parse(&r.text(1)).ok_or_else(|| StoreError::Invalid {
        what: "stored entity type",
        value: r.text(1),
    })?;
    Ok(EntitySummary {
        id,
        kind,
        name: r.text(2),
        name_en: r.opt_text(3),
        n_mentions: r.count(4),
        n_events: n_events.max(0) as usize,
    })
}

/// (type, country) of each actor of an event that the store knows, for export codes.
fn actor_kinds(
    db: &mut Db,
    d: &EventDetail,
    cache: &mut HashMap<String, Option<(EntityType, Option<String>)>>,
) -> Result<HashMap<String, (EntityType, Option<String>)>, StoreError> {
    let mut out = HashMap::new();
    for a in &d.summary.actors {
        let Some(id) = &a.entity_id else { continue };
        if !cache.contains_key(id) {
            let row = db.row(
                "SELECT type, country FROM entities WHERE id = ?",
                &vals![id],
            )?;
            let v = row.and_then(|r| Some((enum_parse(&r.text(0))?, r.opt_text(1))));
            cache.insert(id.clone(), v);
        }
        if let Some(Some(v)) = cache.get(id) {
            out.insert(id.clone(), v.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_formats_parse_by_name() {
        for (name, f) in ExportFormat::ALL {
            assert_eq!(name.parse::<ExportFormat>().unwrap(), f);
            assert_eq!(f.to_string(), name);
        }
        assert!("xlsx".parse::<ExportFormat>().is_err());
    }

    #[test]
    fn snippets_come_from_the_original_text() {
        let text = "في صباح اليوم، هاجمت طائرةٌ مسيّرةٌ قاعدةَ حرير الجوية في أربيل.";
        let words = query_words("مسيرة").unwrap();
        let s = snippet(text, &words.iter().map(String::as_str).collect());
        assert!(s.contains("مسيّرةٌ"), "{s}");
    }

    #[test]
    fn query_words_are_distinct_and_capped() {
        assert_eq!(query_words("قصف، قصف «حرير» قصف").unwrap(), ["قصف", "حرير"]);
        assert!(
            query_words(&"قصف ".repeat(2000)).is_ok(),
            "one distinct word"
        );
        let many: Vec<String> = (0..1001).map(|i| format!("w{i}")).collect();
        assert!(matches!(
            query_words(&many.join(" ")),
            Err(StoreError::Invalid { .. })
        ));
        assert!(matches!(
            query_words(&"ق".repeat(MAX_QUERY_CHARS + 1)),
            Err(StoreError::Invalid { .. })
        ));
    }

    #[test]
    fn dictionary_names_in_both_languages_find_actors() {
        for q in [
            "Islamic State",
            "islamic state",
            "ISIS",
            "Daesh",
            "داعش",
            "الدولة الإسلامية",
        ] {
            assert!(dictionary_ids(q).contains(&"int.isis".to_string()), "{q}");
        }
        assert!(!dictionary_ids("IS").is_empty());
        assert!(dictionary_ids("zzzz-no-such-actor").is_empty());
        assert_eq!(like_escape("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn passwords_are_hidden() {
        assert_eq!(
            redact("postgres://rasd:secret@127.0.0.1/db"),
            "postgres://rasd:***@127.0.0.1/db"
        );
    }

    #[test]
    fn text_hashes_differ() {
        assert_ne!(text_hash("أ"), text_hash("ا"));
        assert_eq!(text_hash("قصف").len(), 32);
    }
}
