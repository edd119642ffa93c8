//! The SQLite schema and its migrations (versioned with `PRAGMA user_version`).
use rusqlite::Connection;

/// Migrations in order; `user_version` counts those applied.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    source TEXT, url TEXT, published TEXT, title TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, body);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, name_en TEXT,
    aliases TEXT NOT NULL, designations TEXT NOT NULL
);
CREATE TABLE mentions (doc_id TEXT NOT NULL REFERENCES documents(id), entity_id TEXT NOT NULL, start INTEGER, end INTEGER);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE canonical (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, family TEXT NOT NULL,
    date TEXT, day INTEGER, day_end INTEGER,
    country TEXT, admin1_key TEXT, lat REAL, lon REAL,
    actor_keys TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX canonical_family_day ON canonical(family, day);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT, day INTEGER, day_end INTEGER,
    actor_ids TEXT NOT NULL,
    event TEXT NOT NULL,
    canonical_id TEXT NOT NULL REFERENCES canonical(id),
    reason TEXT NOT NULL
);
CREATE INDEX reports_canonical ON reports(canonical_id);
CREATE INDEX reports_doc ON reports(doc_id);
CREATE TABLE claims (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    doc_id TEXT NOT NULL, source TEXT NOT NULL, anonymous INTEGER NOT NULL,
    via TEXT, stance TEXT NOT NULL
);
CREATE TABLE tolls (doc_id TEXT NOT NULL REFERENCES documents(id), country TEXT, killed INTEGER, injured INTEGER, as_of TEXT, json TEXT NOT NULL);
CREATE TABLE relations (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL, subject_id TEXT, object_id TEXT,
    json TEXT NOT NULL
);
"#];

/// Bring a database to the current schema.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL lets readers (the server) read while an ingest writes; not for in-memory databases.
    let _ = conn.pragma_update(None, "journal_mode", "WAL");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, m) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        conn.execute_batch(&format!(
            "BEGIN; {m}; PRAGMA user_version = {}; COMMIT;",
            i + 1
        ))?;
    }
    Ok(())
}
