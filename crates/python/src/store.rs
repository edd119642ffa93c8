//! `rasd.Store`: the SQLite/PostgreSQL store of `rasd ingest`, `query`, `export` and `event`.
use std::io::Write;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use rasd_model::{Document, Record};
use rasd_read::ReadOptions;
use rasd_store::{EventQuery, ExportFormat, IngestStats, Store as RustStore};

use crate::stream::{Engine, OnError, INPUT_NAME};
use crate::{chain, default_pipeline, docs, extract_read, json_loads, Error, Pipeline};

/// A target as it may be printed (no password), as the CLI shows it.
fn shown(target: &str) -> String {
    if rasd_store::is_postgres_url(target) {
        match target
            .split_once("://")
            .and_then(|(s, r)| Some((s, r.split_once('@')?)))
        {
            Some((scheme, (cred, host))) => format!(
                "{scheme}://{}:***@{host}",
                cred.split(':').next().unwrap_or_default()
            ),
            None => target.to_string(),
        }
    } else {
        target.to_string()
    }
}

fn store_err(what: impl std::fmt::Display, e: impl std::error::Error + 'static) -> Error {
    Error::Store(format!("{what}: {}", chain(&e)))
}

/// The store that `rasd ingest` fills and `rasd query`, `rasd export`, `rasd event` and
/// `rasd serve` read: a SQLite file (created when missing), `":memory:"`, or a
/// `postgres://user:password@host/db` URL shared by a team.
///
/// Several processes may write to one PostgreSQL store at once: each batch is one
/// transaction, and fusion is serialised between writers, so nothing is lost and the same
/// event reported by several writers becomes one canonical event. Raises `rasd.StoreError`
/// (an `OSError`) when the store cannot be opened.
#[pyclass(module = "rasd._rasd", frozen)]
pub struct Store {
    inner: Mutex<Option<RustStore>>,
    target: String,
}

impl Store {
    fn lock(&self) -> PyResult<MutexGuard<'_, Option<RustStore>>> {
        self.inner
            .lock()
            .map_err(|_| Error::Store("the store's connection was poisoned".into()).into())
    }

    /// Run `f` on the connection with the GIL released.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut RustStore) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        let target = self.target.clone();
        py.detach(|| {
            let mut guard = self
                .inner
                .lock()
                .map_err(|_| Error::Store("the store's connection was poisoned".into()))?;
            match guard.as_mut() {
                Some(s) => f(s),
                None => Err(Error::Store(format!("the store {target} is closed"))),
            }
        })
        .map_err(PyErr::from)
    }
}

/// Documents with their records on their way into the store, `size` a transaction, and what
/// was done with them, counted as `rasd ingest` counts it.
struct Batches<'s> {
    store: &'s Store,
    size: usize,
    replace: bool,
    on_error: OnError,
    pending: Vec<(Document, Record)>,
    totals: IngestStats,
    skipped: u64,
}

impl<'s> Batches<'s> {
    fn new(store: &'s Store, size: usize, replace: bool, on_error: OnError) -> Self {
        Batches {
            store,
            size: size.max(1),
            replace,
            on_error,
            pending: Vec::new(),
            totals: IngestStats::default(),
            skipped: 0,
        }
    }

    /// One document and its record, or the message of one that cannot be stored.
    fn push(&mut self, py: Python<'_>, item: Result<(Document, Record), String>) -> PyResult<()> {
        match item {
            Ok(pair) => self.pending.push(pair),
            Err(msg) => {
                self.skipped += 1;
                self.on_error.handle(py, msg)?;
            }
        }
        if self.pending.len() >= self.size {
            self.flush(py)?;
        }
        Ok(())
    }

    /// Store what is pending, in one transaction.
    fn flush(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let (docs, replace) = (std::mem::take(&mut self.pending), self.replace);
        let target = self.store.target.clone();
        let st = self.store.with(py, move |s| {
            s.ingest_replacing(&docs, replace)
                .map_err(|e| store_err(format!("storing {} documents in {target}", docs.len()), e))
        })?;
        for id in &st.conflicts {
            OnError::Warn.handle(py, conflict_message(id))?;
        }
        self.totals.add(st);
        Ok(())
    }

    /// Store the rest; what was done, as a dict.
    fn finish<'py>(mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.flush(py)?;
        let skipped = self.skipped + self.totals.conflicts.len() as u64;
        stats_dict(py, &self.totals, skipped)
    }
}

fn conflict_message(id: &str) -> String {
    format!(
        "{INPUT_NAME}: the id {id:?} is already taken in the store by a different text; not \
         stored (give it another id, or `replace=True` to replace the stored document)"
    )
}

/// Event filters as `rasd query` and `rasd export` take them.
#[derive(Default)]
struct Filters {
    from_: Option<String>,
    to: Option<String>,
    types: Vec<String>,
    actor: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
    bbox: Option<Vec<f64>>,
    bbox_text: Option<String>,
    text: Option<String>,
}

impl Filters {
    /// The query, with the CLI's messages for what cannot be read.
    fn query(&self, limit: usize, offset: usize) -> Result<EventQuery, Error> {
        let mut types = Vec::new();
        for t in self.types.iter().flat_map(|t| t.split(',')) {
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            types.push(EventQuery::event_type(t).map_err(Error::Query)?);
        }
        let bbox = match (&self.bbox, &self.bbox_text) {
            (Some(v), _) => Some(<[f64; 4]>::try_from(v.as_slice()).map_err(|_| {
                Error::Query(format!(
                    "bbox {v:?}: four numbers expected (min_lon, min_lat, max_lon, max_lat)"
                ))
            })?),
            (None, Some(b)) => Some(EventQuery::bbox(b).map_err(Error::Query)?),
            (None, None) => None,
        };
        Ok(EventQuery {
            from: self.from_.clone(),
            to: self.to.clone(),
            types,
            actor: self.actor.clone(),
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            bbox,
            text: self.text.clone(),
            limit,
            offset,
        })
    }
}

/// A date filter: a string (`2024`, `2024-02`, `2024-02-10`) or a `datetime.date`.
fn date_arg(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if v.hasattr("isoformat")? {
        let s: String = v.call_method0("isoformat")?.extract()?;
        return Ok(Some(s.chars().take(10).collect()));
    }
    Err(Error::Query(format!(
        "a date filter is a string or a date, not {}",
        v.get_type().name()?
    ))
    .into())
}

/// `type=`: a string (comma-separated) or a list of strings.
fn types_arg(v: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    match v.filter(|v| !v.is_none()) {
        None => Ok(Vec::new()),
        Some(v) if v.is_instance_of::<PyString>() => Ok(vec![v.extract()?]),
        Some(v) => v.extract(),
    }
}

#[allow(clippy::too_many_arguments)]
fn filters(
    from_: Option<&Bound<'_, PyAny>>,
    to: Option<&Bound<'_, PyAny>>,
    types: Option<&Bound<'_, PyAny>>,
    actor: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
    bbox: Option<&Bound<'_, PyAny>>,
    text: Option<String>,
) -> PyResult<Filters> {
    let (bbox_nums, bbox_text) = match bbox.filter(|b| !b.is_none()) {
        None => (None, None),
        Some(b) if b.is_instance_of::<PyString>() => (None, Some(b.extract::<String>()?)),
        Some(b) => (
            Some(b.extract::<Vec<f64>>().map_err(|_| {
                Error::Query(
                    "bbox: four numbers expected (min_lon, min_lat, max_lon, max_lat)".into(),
                )
            })?),
            None,
        ),
    };
    Ok(Filters {
        from_: date_arg(from_)?,
        to: date_arg(to)?,
        types: types_arg(types)?,
        actor,
        country,
        admin1,
        bbox: bbox_nums,
        bbox_text,
        text,
    })
}

fn stats_dict<'py>(py: Python<'py>, st: &IngestStats, skipped: u64) -> PyResult<Bound<'py, PyAny>> {
    let mut v = serde_json::to_value(st).map_err(|e| Error::Store(e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("skipped".into(), skipped.into());
    }
    let bytes = serde_json::to_vec(&v).map_err(|e| Error::Store(e.to_string()))?;
    json_loads(py, &bytes)
}

#[pymethods]
impl Store {
    /// Open (and create or migrate) a store: a SQLite path, `":memory:"`, or a PostgreSQL URL.
    #[new]
    fn new(py: Python<'_>, target: PathBuf) -> PyResult<Self> {
        let raw = target.to_string_lossy().into_owned();
        let show = shown(&raw);
        let opened = {
            let (raw, show) = (raw.clone(), show.clone());
            py.detach(move || {
                RustStore::open(&raw).map_err(|e| store_err(format!("opening the store {show}"), e))
            })?
        };
        Ok(Store {
            inner: Mutex::new(Some(opened)),
            target: show,
        })
    }

    /// The store's target as it may be shown (a PostgreSQL password hidden).
    #[getter]
    fn target(&self) -> String {
        self.target.clone()
    }

    /// `"sqlite"` or `"postgres"`.
    #[getter]
    fn backend(&self) -> PyResult<&'static str> {
        let g = self.lock()?;
        Ok(g.as_ref().map_or("closed", |s| s.backend()))
    }

    /// Extract documents and store them, as `rasd ingest` does; returns what was done
    /// (`documents` stored, `duplicates` already there, `conflicts`, `reports`, `fused`,
    /// `new_events`, `replaced`, `skipped`).
    ///
    /// `docs` is an iterable as for `extract_many` (dicts with `text` and optionally `id`,
    /// `published`, `source`, `url`, `title`). Every `batch` documents are stored in one
    /// transaction. A document already stored is left as it is; one whose id is stored with
    /// another text is not stored (a `rasd.RasdWarning`), unless `replace=True`.
    #[pyo3(signature = (docs, *, batch = 200, threads = None, replace = false, pipeline = None, errors = "raise"))]
    #[allow(clippy::too_many_arguments)]
    fn ingest<'py>(
        &self,
        py: Python<'py>,
        docs: &Bound<'py, PyAny>,
        batch: usize,
        threads: Option<usize>,
        replace: bool,
        pipeline: Option<PyRef<'py, Pipeline>>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on_error = OnError::parse(errors)?;
        let (p, opts) = match &pipeline {
            Some(p) => (Arc::clone(&p.inner), p.opts()),
            None => (default_pipeline(py)?, ReadOptions::default()),
        };
        let mut engine = Engine::start(py, p, opts, docs, threads, |p, rd| {
            extract_read(p, &rd).map(|rec| (rd.doc, rec))
        })?;
        let mut out = Batches::new(self, batch, replace, on_error);
        while let Some(r) = engine.next(py)? {
            out.push(py, r)?;
        }
        out.finish(py)
    }

    /// Store documents with records already extracted (by `rasd.extract`, `extract_many`, a
    /// Spark job or `rasd extract`): an iterable of `(doc, record)` pairs, `doc` a dict as for
    /// `ingest` (its `text` is needed: evidence and search point into it), `record` a dict or
    /// its JSON text. Returns what was done, as `ingest`.
    #[pyo3(signature = (pairs, *, batch = 200, replace = false, errors = "raise"))]
    fn ingest_records<'py>(
        &self,
        py: Python<'py>,
        pairs: &Bound<'py, PyAny>,
        batch: usize,
        replace: bool,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on_error = OnError::parse(errors)?;
        let name: Arc<str> = Arc::from(INPUT_NAME);
        let dumps = py.import("json")?.getattr("dumps")?;
        let mut out = Batches::new(self, batch, replace, on_error);
        for (i, item) in pairs.try_iter()?.enumerate() {
            let item = item?;
            let line = i as u64 + 1;
            let pair = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
            let read = match pair {
                None => Err(format!(
                    "{name}:{line}: a (doc, record) pair expected, not {}",
                    item.get_type().name()?
                )),
                Some(t) => {
                    let (doc, rec) = (t.get_item(0)?, t.get_item(1)?);
                    let rec_json: String = if rec.is_instance_of::<PyString>() {
                        rec.extract()?
                    } else {
                        dumps.call1((&rec,))?.extract()?
                    };
                    match docs::doc_line(py, &doc)? {
                        Err(msg) => Err(format!("{name}:{line}: {msg}")),
                        Ok(json) => {
                            match rasd_read::read_jsonl_record(
                                &name,
                                line,
                                &json,
                                ReadOptions::default(),
                            ) {
                                Err(e) => Err(e.to_string()),
                                Ok(rd) => serde_json::from_str::<Record>(&rec_json)
                                    .map(|r| (rd.doc, r))
                                    .map_err(|e| {
                                        format!(
                                            "{name}:{line}: the record is not a rasd record: {e}"
                                        )
                                    }),
                            }
                        }
                    }
                }
            };
            out.push(py, read)?;
        }
        out.finish(py)
    }

    /// Canonical events matching the filters, newest first: the page `rasd query --format json`
    /// prints (`items`, `total`, `limit`, `offset`). Filters combine with AND: `from_`/`to` (a
    /// day, month or year), `type` (a list, or comma-separated), `actor` (dictionary id, or any
    /// of its names), `country` (ISO alpha-2), `admin1`, `bbox` (min_lon, min_lat, max_lon,
    /// max_lat), `text` (words a source article contains). Raises `rasd.QueryError`.
    #[pyo3(signature = (*, from_ = None, to = None, r#type = None, actor = None, country = None, admin1 = None, bbox = None, text = None, limit = 20, offset = 0))]
    #[allow(clippy::too_many_arguments)]
    fn query<'py>(
        &self,
        py: Python<'py>,
        from_: Option<&Bound<'py, PyAny>>,
        to: Option<&Bound<'py, PyAny>>,
        r#type: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        country: Option<String>,
        admin1: Option<String>,
        bbox: Option<&Bound<'py, PyAny>>,
        text: Option<String>,
        limit: usize,
        offset: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let q = filters(from_, to, r#type, actor, country, admin1, bbox, text)?
            .query(limit.max(1), offset)?;
        let bytes = self.with(py, move |s| {
            let page = s.events(&q).map_err(query_err)?;
            serde_json::to_vec(&page).map_err(|e| Error::Store(e.to_string()))
        })?;
        json_loads(py, &bytes)
    }

    /// One canonical event (`ev-000123`) as `rasd event ID --json` prints it (with its claims,
    /// its reports and `fusion`: why they were fused), or `None`.
    fn event<'py>(&self, py: Python<'py>, id: String) -> PyResult<Bound<'py, PyAny>> {
        let bytes = self.with(py, move |s| {
            let Some(d) = s.event(&id).map_err(query_err)? else {
                return Ok(None);
            };
            let why = s.explain(&id).map_err(query_err)?;
            let mut v = serde_json::to_value(&d).map_err(|e| Error::Store(e.to_string()))?;
            if let (Some(o), Some(w)) = (v.as_object_mut(), why) {
                let w = serde_json::to_value(w).map_err(|e| Error::Store(e.to_string()))?;
                o.insert("fusion".into(), w);
            }
            serde_json::to_vec(&v)
                .map(Some)
                .map_err(|e| Error::Store(e.to_string()))
        })?;
        match bytes {
            Some(b) => json_loads(py, &b),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Export the events matching the filters (as for `query`, without paging) as `rasd
    /// export --format FORMAT` does: `acled-csv`, `plover-jsonl`, `geojson`, `jsonl` or
    /// `parquet`. With `path`, the file is written and `{"written": n, "skipped": n}` returned;
    /// without, the export is returned (`str`, or `bytes` for parquet).
    #[pyo3(signature = (format, path = None, *, from_ = None, to = None, r#type = None, actor = None, country = None, admin1 = None, bbox = None, text = None))]
    #[allow(clippy::too_many_arguments)]
    fn export<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        path: Option<PathBuf>,
        from_: Option<&Bound<'py, PyAny>>,
        to: Option<&Bound<'py, PyAny>>,
        r#type: Option<&Bound<'py, PyAny>>,
        actor: Option<String>,
        country: Option<String>,
        admin1: Option<String>,
        bbox: Option<&Bound<'py, PyAny>>,
        text: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fmt = ExportFormat::from_str(format).map_err(|e| Error::Query(e.to_string()))?;
        let q = filters(from_, to, r#type, actor, country, admin1, bbox, text)?.query(0, 0)?;
        match path {
            Some(p) => {
                let st = self.with(py, move |s| {
                    let f = std::fs::File::create(&p)
                        .map_err(|e| store_err(format!("cannot create {}", p.display()), e))?;
                    let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
                    let st = s.export_stats(fmt, &q, &mut w).map_err(query_err)?;
                    w.into_inner()
                        .map_err(|e| e.into_error())
                        .and_then(|f| f.sync_all())
                        .map_err(|e| store_err(format!("writing {}", p.display()), e))?;
                    Ok(st)
                })?;
                let bytes = serde_json::to_vec(&st).map_err(|e| Error::Store(e.to_string()))?;
                json_loads(py, &bytes)
            }
            None => {
                let out = self.with(py, move |s| {
                    let mut buf = Vec::new();
                    s.export_stats(fmt, &q, &mut buf).map_err(query_err)?;
                    let _ = buf.flush();
                    Ok(buf)
                })?;
                if fmt == ExportFormat::Parquet {
                    Ok(PyBytes::new(py, &out).into_any())
                } else {
                    let s = String::from_utf8(out).map_err(|e| Error::Store(e.to_string()))?;
                    Ok(PyString::new(py, &s).into_any())
                }
            }
        }
    }

    /// Row counts: documents, mentions, entities, events (reports), canonical_events, claims,
    /// tolls, relations.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let bytes = self.with(py, |s| {
            let c = s.counts().map_err(query_err)?;
            serde_json::to_vec(&c).map_err(|e| Error::Store(e.to_string()))
        })?;
        json_loads(py, &bytes)
    }

    /// Problems in the stored data (none in a healthy store): a list of messages.
    fn verify<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let problems = self.with(py, |s| s.verify().map_err(query_err))?;
        PyList::new(py, problems)
    }

    /// Close the connection; later calls raise `rasd.StoreError`.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        py.detach(|| {
            if let Ok(mut g) = self.inner.lock() {
                g.take();
            }
        });
        Ok(())
    }

    fn __enter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, PyTuple>) -> PyResult<bool> {
        self.close(py)?;
        Ok(false)
    }

    fn __repr__(&self) -> String {
        format!("rasd.Store({:?})", self.target)
    }
}

/// A store error while reading: an invalid filter value is the caller's (`QueryError`).
fn query_err(e: rasd_store::StoreError) -> Error {
    match e {
        rasd_store::StoreError::Invalid { .. } => Error::Query(chain(&e)),
        other => Error::Store(chain(&other)),
    }
}
