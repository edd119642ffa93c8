//! The two databases behind one small interface.
//!
//! The store writes its SQL once, with `?` placeholders and portable types (integers, reals,
//! text); [`Db`] runs it on SQLite (rusqlite, statements cached) or on PostgreSQL (the sync
//! `postgres` client; `?` become `$1…`, statements prepared once and cached, values converted
//! to the parameter types the server infers). The few places where the two differ — DDL types,
//! full-text search, locking for concurrent ingests — ask [`Db::kind`].
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use postgres::types::{ToSql, Type};

use crate::StoreError;

/// A value going into or coming out of a query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// SQL NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// A string.
    Text(String),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<usize> for Val {
    fn from(v: usize) -> Self {
        Val::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Val {
    fn from(v: u64) -> Self {
        Val::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<bool> for Val {
    fn from(v: bool) -> Self {
        Val::Int(i64::from(v))
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Self {
        Val::Real(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(v.to_string())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(v)
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Self {
        Val::Text(v.clone())
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Self {
        v.map_or(Val::Null, Into::into)
    }
}

/// Build an array of `Val`s from anything convertible.
macro_rules! vals {
    ($($v:expr),* $(,)?) => { [$($crate::backend::Val::from($v)),*] };
}
pub(crate) use vals;

/// One result row.
#[derive(Debug, Clone)]
pub(crate) struct Row(Vec<Val>);

impl Row {
    fn at(&self, i: usize) -> &Val {
        self.0.get(i).unwrap_or(&Val::Null)
    }

    /// A text column that may be NULL.
    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.at(i) {
            Val::Text(s) => Some(s.clone()),
            Val::Int(n) => Some(n.to_string()),
            Val::Real(x) => Some(x.to_string()),
            Val::Null => None,
        }
    }

    /// A text column (NULL reads as empty).
    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }

    /// An integer column that may be NULL.
    pub fn opt_int(&self, i: usize) -> Option<i64> {
        match self.at(i) {
            Val::Int(n) => Some(*n),
            Val::Real(x) => Some(*x as i64),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }

    /// An integer column (NULL reads as 0).
    pub fn int(&self, i: usize) -> i64 {
        self.opt_int(i).unwrap_or(0)
    }

    /// A count (never negative).
    pub fn count(&self, i: usize) -> usize {
        usize::try_from(self.int(i)).unwrap_or(0)
    }

    /// A real column that may be NULL.
    pub fn opt_real(&self, i: usize) -> Option<f64> {
        match self.at(i) {
            Val::Real(x) => Some(*x),
            Val::Int(n) => Some(*n as f64),
            Val::Text(s) => s.parse().ok(),
            Val::Null => None,
        }
    }
}

/// Which database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// SQLite (a file or in memory).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A PostgreSQL connection with its prepared statements.
pub(crate) struct Pg {
    client: postgres::Client,
    stmts: HashMap<String, postgres::Statement>,
}

/// The connection itself.
pub(crate) enum Conn {
    /// SQLite.
    Sqlite(rusqlite::Connection),
    /// PostgreSQL.
    Postgres(Box<Pg>),
}

/// One connection to one database, and the flag that stops its work
/// ([`Interrupter::interrupt`]).
pub(crate) struct Db {
    conn: Conn,
    stop: Arc<AtomicBool>,
}

/// Stops the work of a connection from another thread: the statement running is interrupted
/// (SQLite) or cancelled (PostgreSQL), and every later call fails with
/// [`StoreError::Interrupted`] until [`Interrupter::reset`].
#[derive(Clone)]
pub struct Interrupter {
    stop: Arc<AtomicBool>,
    handle: Arc<Handle>,
}

enum Handle {
    Sqlite(rusqlite::InterruptHandle),
    Postgres(postgres::CancelToken),
}

impl std::fmt::Debug for Interrupter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupter")
            .field("stopped", &self.stop.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Interrupter {
    /// Stop the connection's work now.
    pub fn interrupt(&self) {
        self.stop.store(true, Ordering::SeqCst);
        match &*self.handle {
            Handle::Sqlite(h) => h.interrupt(),
            Handle::Postgres(t) => {
                // The cancel request is a connection of its own, made by a blocking client:
                // never on the caller's (possibly async) thread.
                let t = t.clone();
                let _ = std::thread::Builder::new()
                    .name("rasd-pg-cancel".into())
                    .spawn(move || {
                        let _ = t.cancel_query(postgres::NoTls);
                    });
            }
        }
    }

    /// Has the work been stopped?
    pub fn is_interrupted(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Let the connection work again.
    pub fn reset(&self) {
        self.stop.store(false, Ordering::SeqCst);
    }
}

impl Db {
    fn wrap(conn: Conn) -> Db {
        Db {
            conn,
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Open SQLite at a path (or `:memory:`).
    pub fn sqlite(target: &str) -> Result<Db, StoreError> {
        let conn = if target == ":memory:" {
            rusqlite::Connection::open_in_memory()?
        } else {
            rusqlite::Connection::open(target)?
        };
        conn.busy_timeout(std::time::Duration::from_secs(60))?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Db::wrap(Conn::Sqlite(conn)))
    }

    /// Connect to PostgreSQL.
    pub fn postgres(url: &str) -> Result<Db, StoreError> {
        let client = postgres::Client::connect(url, postgres::NoTls)?;
        Ok(Db::wrap(Conn::Postgres(Box::new(Pg {
            client,
            stmts: HashMap::new(),
        }))))
    }

    /// Which database this is.
    pub fn kind(&self) -> Kind {
        match self.conn {
            Conn::Sqlite(_) => Kind::Sqlite,
            Conn::Postgres(_) => Kind::Postgres,
        }
    }

    /// What stops this connection's work from another thread.
    pub fn interrupter(&self) -> Interrupter {
        let handle = match &self.conn {
            Conn::Sqlite(c) => Handle::Sqlite(c.get_interrupt_handle()),
            Conn::Postgres(p) => Handle::Postgres(p.client.cancel_token()),
        };
        Interrupter {
            stop: Arc::clone(&self.stop),
            handle: Arc::new(handle),
        }
    }

    /// Fail with [`StoreError::Interrupted`] once the work was stopped.
    pub fn check(&self) -> Result<(), StoreError> {
        if self.stop.load(Ordering::SeqCst) {
            Err(StoreError::Interrupted)
        } else {
            Ok(())
        }
    }

    /// An error of a statement, as [`StoreError::Interrupted`] when the work was stopped.
    fn failed(&self, e: StoreError) -> StoreError {
        if self.stop.load(Ordering::SeqCst) {
            StoreError::Interrupted
        } else {
            e
        }
    }

    /// Run statements without parameters or results (DDL, `BEGIN`, `COMMIT`).
    pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        // `ROLLBACK` and `COMMIT` still run after an interruption.
        if !sql.starts_with("ROLLBACK") {
            self.check()?;
        }
        let r = match &mut self.conn {
            Conn::Sqlite(c) => c.execute_batch(sql).map_err(StoreError::from),
            Conn::Postgres(p) => p.client.batch_execute(sql).map_err(StoreError::from),
        };
        r.map_err(|e| self.failed(e))
    }

    /// Run one statement; returns the number of rows changed.
    pub fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError> {
        self.check()?;
        self.exec_inner(sql, params).map_err(|e| self.failed(e))
    }

    fn exec_inner(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError> {
        match &mut self.conn {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
                Ok(n as u64)
            }
            Conn::Postgres(p) => {
                let st = p.prepare(sql)?;
                let boxed = pg_params(&st, params)?;
                let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| b.as_ref()).collect();
                Ok(p.client.execute(&st, &refs)?)
            }
        }
    }

    /// Run a query; returns every row.
    pub fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, StoreError> {
        self.check()?;
        self.query_inner(sql, params).map_err(|e| self.failed(e))
    }

    fn query_inner(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, StoreError> {
        match &mut self.conn {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let mut rows =
                    st.query(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut v = Vec::with_capacity(n);
                    for i in 0..n {
                        v.push(from_sqlite(r.get_ref(i)?));
                    }
                    out.push(Row(v));
                }
                Ok(out)
            }
            Conn::Postgres(p) => {
                let st = p.prepare(sql)?;
                let boxed = pg_params(&st, params)?;
                let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| b.as_ref()).collect();
                let rows = p.client.query(&st, &refs)?;
                rows.iter().map(from_pg).collect()
            }
        }
    }

    /// Run a query; returns its first row, if any.
    pub fn row(&mut self, sql: &str, params: &[Val]) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Run a query that returns one integer (a count, an id).
    pub fn int(&mut self, sql: &str, params: &[Val]) -> Result<i64, StoreError> {
        Ok(self.row(sql, params)?.map(|r| r.int(0)).unwrap_or(0))
    }
}

impl Pg {
    fn prepare(&mut self, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(st) = self.stmts.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(&dollar_params(sql))?;
        self.stmts.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// `?` placeholders to PostgreSQL's `$1, $2…` (our SQL has no `?` inside string literals).
fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

fn to_sqlite(v: &Val) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match v {
        Val::Null => Value::Null,
        Val::Int(n) => Value::Integer(*n),
        Val::Real(x) => Value::Real(*x),
        Val::Text(s) => Value::Text(s.clone()),
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Val {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Val::Null,
        ValueRef::Integer(n) => Val::Int(n),
        ValueRef::Real(x) => Val::Real(x),
        ValueRef::Text(t) | ValueRef::Blob(t) => Val::Text(String::from_utf8_lossy(t).into_owned()),
    }
}

/// Convert values to the types PostgreSQL inferred for the statement's parameters.
fn pg_params(
    st: &postgres::Statement,
    params: &[Val],
) -> Result<Vec<Box<dyn ToSql + Sync>>, StoreError> {
    let types = st.params();
    if types.len() != params.len() {
        return Err(StoreError::Invalid {
            what: "query parameters",
            value: format!("{} given, {} expected", params.len(), types.len()),
        });
    }
    let mut out: Vec<Box<dyn ToSql + Sync>> = Vec::with_capacity(params.len());
    for (ty, v) in types.iter().zip(params) {
        let b: Box<dyn ToSql + Sync> = match *ty {
            Type::INT8 => Box::new(match v {
                Val::Null => None,
                Val::Int(n) => Some(*n),
                Val::Real(x) => Some(*x as i64),
                Val::Text(s) => s.parse::<i64>().ok(),
            }),
            Type::INT4 => Box::new(match v {
                Val::Int(n) => i32::try_from(*n).ok(),
                Val::Real(x) => Some(*x as i32),
                Val::Text(s) => s.parse::<i32>().ok(),
                Val::Null => None,
            }),
            Type::INT2 => Box::new(match v {
                Val::Int(n) => i16::try_from(*n).ok(),
                _ => None,
            }),
            Type::FLOAT8 => Box::new(match v {
                Val::Real(x) => Some(*x),
                Val::Int(n) => Some(*n as f64),
                Val::Text(s) => s.parse::<f64>().ok(),
                Val::Null => None,
            }),
            Type::FLOAT4 => Box::new(match v {
                Val::Real(x) => Some(*x as f32),
                Val::Int(n) => Some(*n as f32),
                _ => None,
            }),
            Type::BOOL => Box::new(match v {
                Val::Int(n) => Some(*n != 0),
                _ => None,
            }),
            _ => Box::new(match v {
                Val::Null => None,
                Val::Int(n) => Some(n.to_string()),
                Val::Real(x) => Some(x.to_string()),
                Val::Text(s) => Some(s.clone()),
            }),
        };
        out.push(b);
    }
    Ok(out)
}

fn from_pg(r: &postgres::Row) -> Result<Row, StoreError> {
    let mut v = Vec::with_capacity(r.len());
    for (i, col) in r.columns().iter().enumerate() {
        let val = match *col.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map_or(Val::Null, Val::Int),
            Type::INT4 => r
                .try_get::<_, Option<i32>>(i)?
                .map_or(Val::Null, |n| Val::Int(n.into())),
            Type::INT2 => r
                .try_get::<_, Option<i16>>(i)?
                .map_or(Val::Null, |n| Val::Int(n.into())),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map_or(Val::Null, Val::Real),
            Type::FLOAT4 => r
                .try_get::<_, Option<f32>>(i)?
                .map_or(Val::Null, |x| Val::Real(x.into())),
            Type::BOOL => r
                .try_get::<_, Option<bool>>(i)?
                .map_or(Val::Null, |b| Val::Int(b.into())),
            _ => r
                .try_get::<_, Option<String>>(i)?
                .map_or(Val::Null, Val::Text),
        };
        v.push(val);
    }
    Ok(Row(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered() {
        assert_eq!(
            dollar_params("SELECT a FROM t WHERE b = ? AND c = '?' AND d IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d IN ($2, $3)"
        );
    }

    #[test]
    fn sqlite_round_trips_values() {
        let mut db = Db::sqlite(":memory:").unwrap();
        db.batch("CREATE TABLE t (a INTEGER, b REAL, c TEXT)")
            .unwrap();
        db.exec(
            "INSERT INTO t VALUES (?, ?, ?)",
            &vals![7i64, 1.5f64, "قصف"],
        )
        .unwrap();
        db.exec(
            "INSERT INTO t VALUES (?, ?, ?)",
            &vals![None::<i64>, None::<f64>, None::<String>],
        )
        .unwrap();
        let rows = db
            .query("SELECT a, b, c FROM t ORDER BY a NULLS LAST", &[])
            .unwrap();
        assert_eq!(rows[0].int(0), 7);
        assert_eq!(rows[0].opt_real(1), Some(1.5));
        assert_eq!(rows[0].text(2), "قصف");
        assert_eq!(rows[1].opt_int(0), None);
        assert_eq!(rows[1].opt_text(2), None);
    }
}
