//! The rasd store: documents, mentions, entities, events, claims, tolls and relations in an
//! embedded SQLite database, fused across articles, queried and exported.
//!
//! * [`Store::ingest`] stores a batch of extracted records in **one transaction** (a killed
//!   ingest leaves no partial document) and is idempotent: a document already stored, by id or
//!   by the same text under another id, changes nothing.
//! * **Fusion** ([`fuse`]): each new event report joins the canonical event it is the same real
//!   event as — same type family, compatible dates, places within 25 km (or one inside the
//!   other), no conflicting actors — or starts a new one. The canonical event keeps every
//!   report and every claim, and is flagged a contradiction when one source affirms what
//!   another denies or has not confirmed. [`Store::explain`] says why reports were fused.
//! * [`Store::events`] and friends query; [`Store::export`] writes ACLED-style CSV, PLOVER JSON
//!   Lines, GeoJSON, JSON Lines or Parquet ([`export`]).
//!
//! ```
//! use rasd_store::{EventQuery, Store};
//! let store = Store::open(":memory:").unwrap();
//! assert_eq!(store.events(&EventQuery::default()).unwrap().total, 0);
//! ```
#![deny(missing_docs)]

pub mod export;
pub mod fuse;
mod schema;

use std::str::FromStr;

use rasd_model::{
    ActorRef, Claim, DatePrecision, Designation, Document, EntityType, Event, EventType, Location,
    Outcome, Record, Relation, Toll, Weapon,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database reported an error.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be read or written.
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing Parquet failed.
    #[error("parquet: {0}")]
    Parquet(String),
    /// The target is not supported by this build.
    #[error("unsupported store target {0:?}: use a SQLite path or \":memory:\"")]
    Unsupported(String),
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
    /// Page size asked for.
    pub limit: usize,
    /// Offset asked for.
    pub offset: usize,
}

/// Filters over canonical events.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// First day (`YYYY-MM-DD`), inclusive.
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// Event types (any of).
    pub types: Vec<EventType>,
    /// Actor or target name or entity id (substring of the normalised name).
    pub actor: Option<String>,
    /// Country (ISO alpha-2).
    pub country: Option<String>,
    /// Governorate (as stored, Arabic).
    pub admin1: Option<String>,
    /// Bounding box: min_lon, min_lat, max_lon, max_lat.
    pub bbox: Option<[f64; 4]>,
    /// Full-text search over the Arabic-normalised text of the source documents.
    pub text: Option<String>,
    /// Page size (0 = 100).
    pub limit: usize,
    /// Offset.
    pub offset: usize,
}

/// Filters over entities.
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    /// Name substring (normalised).
    pub name: Option<String>,
    /// Entity type.
    pub kind: Option<EntityType>,
    /// Page size (0 = 100).
    pub limit: usize,
    /// Offset.
    pub offset: usize,
}

/// A canonical (fused) event, as listed.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct EventSummary {
    /// Canonical id (`ev-000001`).
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Date.
    pub date: Option<String>,
    /// Date precision.
    pub date_precision: DatePrecision,
    /// Place.
    pub location: Option<Location>,
    /// Actors and targets.
    pub actors: Vec<ActorRef>,
    /// Weapons.
    pub weapons: Vec<Weapon>,
    /// Killed (the highest figure reported).
    pub killed: Option<u64>,
    /// Injured (the highest figure reported).
    pub injured: Option<u64>,
    /// Outcomes.
    pub outcome: Vec<Outcome>,
    /// Some source affirms it and another denies or has not confirmed it.
    pub contradiction: bool,
    /// Number of reports (documents) fused into it.
    pub n_reports: usize,
    /// Number of claims.
    pub n_claims: usize,
    /// Outlets that reported it.
    pub sources: Vec<String>,
}

/// A claim as stored, with the document it was made in.
#[derive(Debug, Clone, Serialize)]
pub struct StoredClaim {
    /// The claim.
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
    /// The event as extracted from that document (evidence in characters of its text).
    pub event: Event,
}

/// A canonical event with its claims and reports.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: EventSummary,
    /// Every claim of every report.
    pub claims: Vec<StoredClaim>,
    /// Every report.
    pub reports: Vec<Report>,
}

/// Why reports were fused into one event.
#[derive(Debug, Clone, Serialize)]
pub struct FusionExplanation {
    /// Canonical id.
    pub event_id: String,
    /// (document, outlet) of each report.
    pub reports: Vec<(String, Option<String>)>,
    /// One line per joined report.
    pub reasons: Vec<String>,
}

/// An entity, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    /// Id.
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Name.
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
    /// Names seen or known.
    pub aliases: Vec<String>,
    /// Relations it takes part in.
    pub relations: Vec<StoredRelation>,
    /// Listings.
    pub designations: Vec<Designation>,
    /// Its events.
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
    /// Number of events extracted.
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
    /// The original text (record spans are characters of it).
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
    /// A piece of the text around the match.
    pub snippet: String,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct IngestStats {
    /// Documents stored.
    pub documents: usize,
    /// Documents already stored (same id or same text), left as they were.
    pub duplicates: usize,
    /// Event reports stored.
    pub reports: usize,
    /// Reports that joined an existing canonical event.
    pub fused: usize,
    /// Canonical events created.
    pub new_events: usize,
}

/// Row counts of every table.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: usize,
    /// Entity mentions.
    pub mentions: usize,
    /// Entities.
    pub entities: usize,
    /// Event reports.
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
    /// ACLED-style CSV.
    AcledCsv,
    /// PLOVER events as JSON Lines.
    PloverJsonl,
    /// GeoJSON FeatureCollection of points.
    Geojson,
    /// Canonical events with claims and reports, as JSON Lines.
    Jsonl,
    /// Parquet (flat schema).
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "acled-csv" | "acled" | "csv" => ExportFormat::AcledCsv,
            "plover-jsonl" | "plover" => ExportFormat::PloverJsonl,
            "geojson" => ExportFormat::Geojson,
            "jsonl" => ExportFormat::Jsonl,
            "parquet" => ExportFormat::Parquet,
            _ => {
                return Err(StoreError::Invalid {
                    what: "export format",
                    value: s.to_string(),
                })
            }
        })
    }
}

/// The store: one connection to one database.
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

fn text_hash(text: &str) -> String {
    Document::hash_id(text)
}

fn to_json<T: Serialize>(v: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_string(v)?)
}

impl Store {
    /// Open (creating when needed) a SQLite database at `target`, or `":memory:"`.
    pub fn open(target: &str) -> Result<Store, StoreError> {
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            return Err(StoreError::Unsupported(target.to_string()));
        }
        let conn = if target == ":memory:" {
            Connection::open_in_memory()?
        } else {
            Connection::open(target)?
        };
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        schema::migrate(&conn)?;
        Ok(Store { conn })
    }

    /// Store a batch of documents and their records in one transaction, fusing their events.
    pub fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<IngestStats, StoreError> {
        let tx = self.conn.transaction()?;
        let mut stats = IngestStats::default();
        for (doc, rec) in batch {
            let hash = text_hash(&doc.text);
            let exists: bool = tx
                .query_row(
                    "SELECT 1 FROM documents WHERE id = ?1 OR hash = ?2",
                    params![doc.id, hash],
                    |_| Ok(true),
                )
                .optional()?
                .unwrap_or(false);
            if exists {
                stats.duplicates += 1;
                continue;
            }
            tx.execute(
                "INSERT INTO documents (id, hash, source, url, published, title, text, record) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                params![
                    doc.id,
                    hash,
                    rec.doc.source,
                    rec.doc.url,
                    rec.doc.published,
                    rec.doc.title,
                    doc.text,
                    to_json(rec)?
                ],
            )?;
            tx.execute(
                "INSERT INTO documents_fts (doc_id, body) VALUES (?1, ?2)",
                params![doc.id, rasd_text::match_key_str(&doc.text)],
            )?;
            for e in &rec.entities {
                tx.execute(
                    "INSERT INTO entities (id, type, name, name_key, name_en, aliases, designations) VALUES (?1,?2,?3,?4,?5,?6,?7)
                     ON CONFLICT(id) DO NOTHING",
                    params![
                        e.id,
                        to_json(&e.kind)?,
                        e.name,
                        rasd_text::match_key_str(&e.name),
                        e.name_en,
                        to_json(&e.aliases)?,
                        to_json(&e.designations)?
                    ],
                )?;
                for m in &e.mentions {
                    tx.execute(
                        "INSERT INTO mentions (doc_id, entity_id, start, end) VALUES (?1,?2,?3,?4)",
                        params![doc.id, e.id, m.start as i64, m.end as i64],
                    )?;
                }
            }
            for t in &rec.tolls {
                tx.execute(
                    "INSERT INTO tolls (doc_id, country, killed, injured, as_of, json) VALUES (?1,?2,?3,?4,?5,?6)",
                    params![
                        doc.id,
                        t.place.as_ref().and_then(|p| p.country.clone()),
                        t.killed.map(|x| x as i64),
                        t.injured.map(|x| x as i64),
                        t.as_of,
                        to_json(t)?
                    ],
                )?;
            }
            for r in &rec.relations {
                tx.execute(
                    "INSERT INTO relations (doc_id, type, subject, object, subject_id, object_id, json) VALUES (?1,?2,?3,?4,?5,?6,?7)",
                    params![doc.id, to_json(&r.kind)?, r.subject, r.object, r.subject_id, r.object_id, to_json(r)?],
                )?;
            }
            for e in &rec.events {
                let fused = fuse::add_report(&tx, doc, rec, e)?;
                stats.reports += 1;
                if fused {
                    stats.fused += 1;
                } else {
                    stats.new_events += 1;
                }
            }
            stats.documents += 1;
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |t: &str| -> Result<usize, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as usize)
        };
        Ok(Counts {
            documents: n("documents")?,
            mentions: n("mentions")?,
            entities: n("entities")?,
            events: n("reports")?,
            canonical_events: n("canonical")?,
            claims: n("claims")?,
            tolls: n("tolls")?,
            relations: n("relations")?,
        })
    }

    /// Canonical events matching a query, newest first.
    pub fn events(&self, q: &EventQuery) -> Result<Page<EventSummary>, StoreError> {
        let (where_sql, args) = event_filter(q)?;
        let limit = if q.limit == 0 { 100 } else { q.limit };
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM canonical c WHERE {where_sql}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.summary FROM canonical c WHERE {where_sql} ORDER BY c.date DESC, c.id LIMIT {limit} OFFSET {}",
            q.offset
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            r.get::<_, String>(0)
        })?;
        let mut items = Vec::new();
        for row in rows {
            items.push(serde_json::from_str(&row?)?);
        }
        Ok(Page {
            items,
            total: total as usize,
            limit,
            offset: q.offset,
        })
    }

    /// One canonical event with its claims and reports.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let summary: Option<String> = self
            .conn
            .query_row("SELECT summary FROM canonical WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(summary) = summary else {
            return Ok(None);
        };
        let summary: EventSummary = serde_json::from_str(&summary)?;
        let reports = fuse::reports_of(&self.conn, id)?;
        let mut claims = Vec::new();
        for r in &reports {
            for c in &r.event.claims {
                claims.push(StoredClaim {
                    claim: c.clone(),
                    doc_id: r.doc_id.clone(),
                    outlet: r.outlet.clone(),
                });
            }
        }
        Ok(Some(EventDetail {
            summary,
            claims,
            reports,
        }))
    }

    /// Why a canonical event's reports were fused.
    pub fn explain(&self, id: &str) -> Result<Option<FusionExplanation>, StoreError> {
        let exists: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM canonical WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare(
            "SELECT r.doc_id, d.source, r.reason FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.canonical_id = ?1 ORDER BY r.rowid",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut reports = Vec::new();
        let mut reasons = Vec::new();
        for row in rows {
            let (doc, outlet, reason) = row?;
            reasons.push(format!("{doc}: {reason}"));
            reports.push((doc, outlet));
        }
        Ok(Some(FusionExplanation {
            event_id: id.to_string(),
            reports,
            reasons,
        }))
    }

    /// Entities matching a query, most mentioned first.
    pub fn entities(&self, q: &EntityQuery) -> Result<Page<EntitySummary>, StoreError> {
        let limit = if q.limit == 0 { 100 } else { q.limit };
        let name = q
            .name
            .as_deref()
            .map(|n| format!("%{}%", rasd_text::match_key_str(n)))
            .unwrap_or_else(|| "%".into());
        let kind = match q.kind {
            Some(k) => to_json(&k)?,
            None => "%".into(),
        };
        let total: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM entities WHERE name_key LIKE ?1 AND type LIKE ?2",
            params![name, kind],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT e.id, e.type, e.name, e.name_en,
                    (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n
             FROM entities e WHERE e.name_key LIKE ?1 AND e.type LIKE ?2 ORDER BY n DESC, e.id LIMIT {limit} OFFSET {}",
            q.offset
        ))?;
        let rows = stmt.query_map(params![name, kind], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (id, kind, name, name_en, n) = row?;
            let n_events = self.conn.query_row(
                "SELECT COUNT(DISTINCT canonical_id) FROM reports WHERE actor_ids LIKE ?1",
                [format!("%|{id}|%")],
                |r| r.get::<_, i64>(0),
            )? as usize;
            items.push(EntitySummary {
                id,
                kind: serde_json::from_str(&kind)?,
                name,
                name_en,
                n_mentions: n as usize,
                n_events,
            });
        }
        Ok(Page {
            items,
            total: total as usize,
            limit,
            offset: q.offset,
        })
    }

    /// One entity with its aliases, relations, designations and events.
    pub fn entity(&self, id: &str) -> Result<Option<EntityDetail>, StoreError> {
        let row: Option<(String, String, Option<String>, String, String)> = self
            .conn
            .query_row(
                "SELECT type, name, name_en, aliases, designations FROM entities WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((kind, name, name_en, aliases, designations)) = row else {
            return Ok(None);
        };
        let n_mentions = self.conn.query_row(
            "SELECT COUNT(*) FROM mentions WHERE entity_id = ?1",
            [id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        let mut stmt = self.conn.prepare(
            "SELECT doc_id, json FROM relations WHERE subject_id = ?1 OR object_id = ?1 OR subject = ?2 OR object = ?2",
        )?;
        let rows = stmt.query_map(params![id, name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut relations = Vec::new();
        for row in rows {
            let (doc_id, json) = row?;
            relations.push(StoredRelation {
                relation: serde_json::from_str(&json)?,
                doc_id,
            });
        }
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT c.summary FROM canonical c JOIN reports r ON r.canonical_id = c.id WHERE r.actor_ids LIKE ?1 ORDER BY c.date DESC LIMIT 500",
        )?;
        let rows = stmt.query_map([format!("%|{id}|%")], |r| r.get::<_, String>(0))?;
        let mut events = Vec::new();
        for row in rows {
            events.push(serde_json::from_str(&row?)?);
        }
        let summary = EntitySummary {
            id: id.to_string(),
            kind: serde_json::from_str(&kind)?,
            name,
            name_en,
            n_mentions,
            n_events: events.len(),
        };
        Ok(Some(EntityDetail {
            summary,
            aliases: serde_json::from_str(&aliases)?,
            relations,
            designations: serde_json::from_str(&designations)?,
            events,
        }))
    }

    /// Documents, newest first.
    pub fn documents(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Page<DocumentSummary>, StoreError> {
        let limit = if limit == 0 { 100 } else { limit };
        let total: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT d.id, d.source, d.url, d.published, d.title, (SELECT COUNT(*) FROM reports r WHERE r.doc_id = d.id)
             FROM documents d ORDER BY d.published DESC, d.id LIMIT {limit} OFFSET {offset}"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                source: r.get(1)?,
                url: r.get(2)?,
                published: r.get(3)?,
                title: r.get(4)?,
                n_events: r.get::<_, i64>(5)? as usize,
            })
        })?;
        let items = rows.collect::<Result<Vec<_>, _>>()?;
        Ok(Page {
            items,
            total: total as usize,
            limit,
            offset,
        })
    }

    /// One document with its text and record.
    pub fn document(&self, id: &str) -> Result<Option<DocumentDetail>, StoreError> {
        let row: Option<(String, Option<String>, Option<String>, Option<String>, Option<String>, String, String)> = self
            .conn
            .query_row("SELECT id, source, url, published, title, text, record FROM documents WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
            })
            .optional()?;
        let Some((id, source, url, published, title, text, record)) = row else {
            return Ok(None);
        };
        Ok(Some(DocumentDetail {
            id,
            source,
            url,
            published,
            title,
            text,
            record: serde_json::from_str(&record)?,
        }))
    }

    /// Tolls, newest first.
    pub fn tolls(&self, limit: usize, offset: usize) -> Result<Page<TollRow>, StoreError> {
        let limit = if limit == 0 { 100 } else { limit };
        let total: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM tolls", [], |r| r.get(0))?;
        let mut stmt =
            self.conn.prepare(&format!("SELECT doc_id, json FROM tolls ORDER BY as_of DESC, rowid LIMIT {limit} OFFSET {offset}"))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut items = Vec::new();
        for row in rows {
            let (doc_id, json) = row?;
            items.push(TollRow {
                doc_id,
                toll: serde_json::from_str(&json)?,
            });
        }
        Ok(Page {
            items,
            total: total as usize,
            limit,
            offset,
        })
    }

    /// Full-text search over the Arabic-normalised text of the documents.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let limit = if limit == 0 { 20 } else { limit };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT f.doc_id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12)
             FROM documents_fts f JOIN documents d ON d.id = f.doc_id WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT {limit}"
        ))?;
        let rows = stmt.query_map([query], |r| {
            Ok(SearchHit {
                doc_id: r.get(0)?,
                title: r.get(1)?,
                snippet: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Write the canonical events matching a query in a format; returns how many were written.
    pub fn export(
        &self,
        format: ExportFormat,
        q: &EventQuery,
        out: &mut (dyn std::io::Write + Send),
    ) -> Result<usize, StoreError> {
        let mut all = Vec::new();
        let mut q = q.clone();
        q.limit = 10_000;
        q.offset = 0;
        loop {
            let page = self.events(&q)?;
            let n = page.items.len();
            for s in page.items {
                let detail = self.event(&s.id)?;
                if let Some(d) = detail {
                    all.push(d);
                }
            }
            if n < q.limit {
                break;
            }
            q.offset += n;
        }
        export::write(format, &all, out)
    }

    /// The underlying connection (for tests and tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// A safe FTS5 query from user words: each word quoted, all required.
fn fts_query(text: &str) -> Option<String> {
    let key = rasd_text::match_key_str(text);
    let words: Vec<String> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn event_filter(q: &EventQuery) -> Result<(String, Vec<rusqlite::types::Value>), StoreError> {
    use rusqlite::types::Value;
    let mut w = vec!["1=1".to_string()];
    let mut a: Vec<Value> = Vec::new();
    if let Some(f) = &q.from {
        a.push(Value::Text(f.clone()));
        w.push(format!("c.date >= ?{}", a.len()));
    }
    if let Some(t) = &q.to {
        a.push(Value::Text(format!("{t}\u{10FFFF}")));
        w.push(format!("c.date <= ?{}", a.len()));
    }
    if !q.types.is_empty() {
        let list: Vec<String> = q
            .types
            .iter()
            .map(|t| format!("'{}'", t.as_str()))
            .collect();
        w.push(format!("c.type IN ({})", list.join(",")));
    }
    if let Some(x) = &q.actor {
        a.push(Value::Text(format!("%{}%", rasd_text::match_key_str(x))));
        w.push(format!("c.actor_keys LIKE ?{}", a.len()));
    }
    if let Some(x) = &q.country {
        a.push(Value::Text(x.to_uppercase()));
        w.push(format!("c.country = ?{}", a.len()));
    }
    if let Some(x) = &q.admin1 {
        a.push(Value::Text(rasd_text::match_key_str(x)));
        w.push(format!("c.admin1_key = ?{}", a.len()));
    }
    if let Some([x0, y0, x1, y1]) = q.bbox {
        if !(x0 <= x1 && y0 <= y1) {
            return Err(StoreError::Invalid {
                what: "bbox",
                value: format!("{x0},{y0},{x1},{y1}"),
            });
        }
        w.push(format!(
            "c.lon BETWEEN {x0} AND {x1} AND c.lat BETWEEN {y0} AND {y1}"
        ));
    }
    if let Some(t) = &q.text {
        if let Some(fq) = fts_query(t) {
            a.push(Value::Text(fq));
            w.push(format!(
                "c.id IN (SELECT r.canonical_id FROM reports r WHERE r.doc_id IN (SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?{}))",
                a.len()
            ));
        }
    }
    Ok((w.join(" AND "), a))
}
