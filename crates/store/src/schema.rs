//! The schema, one text for both databases, and its versioned migrations.
//!
//! SQLite counts applied migrations in `PRAGMA user_version`; PostgreSQL in the one-row table
//! `rasd_schema`. DDL is written with three placeholders: `{id}` (an auto-numbered primary key),
//! `{int}` and `{real}`. Full-text search differs: SQLite has a contentless FTS5 table over the
//! Arabic match key of each document (its rowid is the document's number), PostgreSQL a
//! `tsvector` column of the same key with a GIN index.
//!
//! | table | one row per |
//! |---|---|
//! | `documents` | document: id, text hash, outlet, url, published, title, text, record JSON |
//! | `entities` | entity (dictionary id or `new:` slug): type, names, aliases, designations |
//! | `mentions` | mention of an entity in a document (character offsets) |
//! | `events` | event **report**: one event as one document tells it, with its columns and JSON |
//! | `claims` | claim of a report |
//! | `tolls`, `relations` | toll, relation of a document |
//! | `canonical_events` | real event: the fused summary, the columns fusion and queries use, and when it was stored or last changed (`stored_at`, schema 2) |
//! | `event_links` | report → canonical event, with why it joined |
//! | `canonical_actors` | actor or target of a canonical event (for actor queries) |
use crate::backend::{Db, Kind};
use crate::StoreError;

/// Migrations in order: (common DDL, SQLite-only DDL, PostgreSQL-only DDL).
const MIGRATIONS: &[(&str, &str, &str)] = &[(
    r#"
CREATE TABLE documents (
    num {id},
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    outlet TEXT, url TEXT, published TEXT, title TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    n_events {int} NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    name_en TEXT,
    country TEXT,
    aliases TEXT NOT NULL,
    designations TEXT NOT NULL,
    n_mentions {int} NOT NULL,
    n_documents {int} NOT NULL
);
CREATE INDEX entities_name_key ON entities (name_key);
CREATE TABLE mentions (
    id {id},
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start_char {int} NOT NULL,
    end_char {int} NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE TABLE events (
    id {id},
    doc_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    family TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    day {int},
    day_end {int},
    place_name TEXT, place_key TEXT, place_id TEXT, country TEXT, admin1 TEXT,
    lat {real}, lon {real}, geo_precision TEXT,
    killed {int}, injured {int},
    weapons TEXT NOT NULL,
    outcome TEXT NOT NULL,
    evidence TEXT NOT NULL,
    actor_keys TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX events_doc ON events (doc_id);
CREATE TABLE claims (
    id {id},
    event_id {int} NOT NULL,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    anonymous {int} NOT NULL,
    via TEXT,
    stance TEXT NOT NULL,
    source_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX claims_event ON claims (event_id);
CREATE INDEX claims_doc ON claims (doc_id);
CREATE TABLE tolls (
    id {id},
    doc_id TEXT NOT NULL,
    place_name TEXT, country TEXT,
    killed {int}, injured {int},
    as_of TEXT, source TEXT,
    data TEXT NOT NULL
);
CREATE INDEX tolls_doc ON tolls (doc_id);
CREATE INDEX tolls_as_of ON tolls (as_of);
CREATE TABLE relations (
    id {id},
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    subject TEXT NOT NULL, object TEXT NOT NULL,
    subject_id TEXT, object_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX relations_doc ON relations (doc_id);
CREATE INDEX relations_subject ON relations (subject_id);
CREATE INDEX relations_object ON relations (object_id);
CREATE TABLE canonical_events (
    id {id},
    type TEXT NOT NULL,
    family TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    day {int},
    day_end {int},
    span {int} NOT NULL,
    place_name TEXT, place_key TEXT, place_id TEXT, country TEXT, admin1_key TEXT,
    lat {real}, lon {real}, geo_precision TEXT,
    geo_rank {int} NOT NULL,
    attackers TEXT NOT NULL,
    participants TEXT NOT NULL,
    killed {int}, injured {int},
    affirms {int} NOT NULL, doubts {int} NOT NULL, contradiction {int} NOT NULL,
    n_reports {int} NOT NULL,
    n_claims {int} NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX canonical_fuse ON canonical_events (family, span, day, day_end, country, lat, lon, geo_rank);
CREATE INDEX canonical_place ON canonical_events (family, place_key);
CREATE INDEX canonical_place_id ON canonical_events (family, place_id);
CREATE INDEX canonical_day ON canonical_events (day);
CREATE INDEX canonical_country ON canonical_events (country);
CREATE TABLE event_links (
    event_id {int} PRIMARY KEY,
    canonical_id {int} NOT NULL,
    doc_id TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX event_links_canonical ON event_links (canonical_id, doc_id);
CREATE INDEX event_links_doc ON event_links (doc_id);
CREATE TABLE canonical_actors (
    canonical_id {int} NOT NULL,
    role TEXT NOT NULL,
    actor_key TEXT NOT NULL,
    entity_id TEXT,
    name_key TEXT NOT NULL
);
CREATE INDEX canonical_actors_event ON canonical_actors (canonical_id, actor_key);
CREATE INDEX canonical_actors_entity ON canonical_actors (entity_id);
"#,
    "CREATE VIRTUAL TABLE documents_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 0');",
    "ALTER TABLE documents ADD COLUMN fts tsvector;
     CREATE INDEX documents_fts ON documents USING GIN (fts);",
), (
    // 2: when a canonical event was stored or last changed (Unix seconds): the ACLED export's
    // `timestamp`. Events stored before are stamped with the time of the migration.
    "ALTER TABLE canonical_events ADD COLUMN stored_at {int};",
    "UPDATE canonical_events SET stored_at = CAST(strftime('%s', 'now') AS INTEGER);",
    "UPDATE canonical_events SET stored_at = CAST(EXTRACT(EPOCH FROM now()) AS BIGINT);",
), (
    // 3: whether a canonical event's date is told by a source or is only the day a report
    // appeared (fusion lets a follow-up's day of publication join the event of the week before).
    "ALTER TABLE canonical_events ADD COLUMN date_stated {int} NOT NULL DEFAULT 0;",
    "",
    "",
)];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

fn ddl(db: &Db, sql: &str) -> String {
    let (id, int, real) = match db.kind() {
        Kind::Sqlite => ("INTEGER PRIMARY KEY", "INTEGER", "REAL"),
        Kind::Postgres => (
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "BIGINT",
            "DOUBLE PRECISION",
        ),
    };
    sql.replace("{id}", id)
        .replace("{int}", int)
        .replace("{real}", real)
}

/// Bring a database to the current schema.
pub fn migrate(db: &mut Db) -> Result<(), StoreError> {
    match db.kind() {
        Kind::Sqlite => {
            // WAL lets readers (the server) read while an ingest writes; in-memory databases
            // keep their own journal.
            db.batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
        }
        Kind::Postgres => {
            // Two processes creating it at once: the loser's error is harmless.
            let _ = db.batch("CREATE TABLE IF NOT EXISTS rasd_schema (version BIGINT NOT NULL)");
        }
    }
    let version = current(db)?;
    if version > VERSION {
        return Err(StoreError::Schema {
            found: version,
            supported: VERSION,
        });
    }
    for (i, (common, sqlite, pg)) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        let n = i as i64 + 1;
        let specific = match db.kind() {
            Kind::Sqlite => sqlite,
            Kind::Postgres => pg,
        };
        let stamp = match db.kind() {
            Kind::Sqlite => format!("PRAGMA user_version = {n};"),
            Kind::Postgres => {
                format!("DELETE FROM rasd_schema; INSERT INTO rasd_schema (version) VALUES ({n});")
            }
        };
        let body = format!("{}\n{}\n{stamp}", ddl(db, common), ddl(db, specific));
        // Serialise concurrent migrations (two processes opening a new database at once), and
        // look again once the lock is held.
        db.batch(match db.kind() {
            Kind::Sqlite => "BEGIN IMMEDIATE",
            Kind::Postgres => "BEGIN; LOCK TABLE rasd_schema IN ACCESS EXCLUSIVE MODE;",
        })?;
        let r = match current(db) {
            Ok(v) if v >= n => Ok(()),
            Ok(_) => db.batch(&body),
            Err(e) => Err(e),
        };
        match r {
            Ok(()) => db.batch("COMMIT")?,
            Err(e) => {
                let _ = db.batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(())
}

fn current(db: &mut Db) -> Result<i64, StoreError> {
    match db.kind() {
        Kind::Sqlite => db.int("PRAGMA user_version", &[]),
        Kind::Postgres => db.int("SELECT COALESCE(MAX(version), 0) FROM rasd_schema", &[]),
    }
}
