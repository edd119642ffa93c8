//! `rasd._rasd`: the rasd pipeline and store, in process, for Python (`import rasd`).
//!
//! The Python package (`python/rasd`) re-exports what this module defines and adds
//! `rasd.to_frames`. Everything here calls the same library functions as the `rasd` binary:
//! a document given as a dict is read by [`rasd_read::read_jsonl_record`], the reader of a
//! line of `rasd extract`'s JSON Lines, and extracted by [`rasd_extract::Pipeline::extract`],
//! so `rasd.extract(...)` gives the very record `rasd extract` prints for the same input.
//! Extraction runs with the GIL released, on threads of its own for `extract_many`.
#![deny(missing_docs)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};
use rasd_extract::Pipeline as RustPipeline;
use rasd_model::Record;
use rasd_read::{ReadDoc, ReadOptions, DEFAULT_MAX_BYTES};

mod docs;
mod store;
mod stream;

/// What goes wrong, by the Python exception it becomes (`rasd.errors`).
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// A document that cannot be read: `rasd.InputError` (a `ValueError`).
    #[error("{0}")]
    Input(String),
    /// A filter, format or option that is not valid: `rasd.QueryError` (a `ValueError`).
    #[error("{0}")]
    Query(String),
    /// The store cannot be opened, read or written: `rasd.StoreError` (an `OSError`).
    #[error("{0}")]
    Store(String),
    /// A gazetteer or detector file cannot be read: `rasd.LoadError` (an `OSError`).
    #[error("{0}")]
    Load(String),
}

impl Error {
    fn class_name(&self) -> &'static str {
        match self {
            Error::Input(_) => "InputError",
            Error::Query(_) => "QueryError",
            Error::Store(_) => "StoreError",
            Error::Load(_) => "LoadError",
        }
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        Python::attach(|py| {
            let class = py
                .import("rasd.errors")
                .and_then(|m| m.getattr(e.class_name()))
                .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
            match class {
                Ok(c) => PyErr::from_type(c, e.to_string()),
                Err(err) => err,
            }
        })
    }
}

/// An error and its sources, joined by `: ` as the `rasd` command prints them (anyhow's `{:#}`).
pub(crate) fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// `json.loads`, imported once.
fn json_loads<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
    })?;
    let s = std::str::from_utf8(bytes).map_err(|e| Error::Input(e.to_string()))?;
    loads.bind(py).call1((PyString::new(py, s),))
}

/// A record as `rasd extract` writes it (one line, without its newline).
fn serialise(record: &Record) -> Result<Vec<u8>, String> {
    serde_json::to_vec(record).map_err(|e| format!("cannot serialise the record: {e}"))
}

/// Extract one document read from the input, with the reader's warnings first, as
/// `rasd extract`'s workers do.
fn extract_read(p: &RustPipeline, rd: &ReadDoc) -> Result<Record, String> {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.extract(&rd.doc)));
    match r {
        Ok(mut record) => {
            let reader_warnings = rd.warnings.iter().map(|w| w.message.clone());
            record.warnings.splice(0..0, reader_warnings);
            Ok(record)
        }
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(format!("{}: extraction failed ({why}); skipped", rd.at))
        }
    }
}

/// The default pipeline (built-in dictionaries, gazetteer and detector), built once.
fn default_pipeline(py: Python<'_>) -> PyResult<Arc<RustPipeline>> {
    static DEFAULT: OnceLock<Arc<RustPipeline>> = OnceLock::new();
    if let Some(p) = DEFAULT.get() {
        return Ok(Arc::clone(p));
    }
    let built = py.detach(|| {
        RustPipeline::builder()
            .build()
            .map_err(|e| Error::Load(format!("loading the knowledge base: {}", chain(&e))))
    })?;
    Ok(Arc::clone(DEFAULT.get_or_init(|| Arc::new(built))))
}

/// The rasd extraction pipeline: dictionaries, gazetteer and event detector, loaded once.
///
/// `Pipeline()` is what `rasd extract` uses; `gazetteer=` adds places from TSV files (as
/// `rasd extract --gazetteer`), `detector=` uses other detector weights, `rules_only=True`
/// judges candidate event words by the hand-written rules alone, `trace=True` adds to each
/// record the rule that produced each field. One pipeline is safe to share between threads.
#[pyclass(module = "rasd._rasd", frozen)]
pub struct Pipeline {
    inner: Arc<RustPipeline>,
    max_bytes: u64,
}

impl Pipeline {
    fn opts(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            published: None,
        }
    }
}

#[pymethods]
impl Pipeline {
    /// Load a pipeline; raises `rasd.LoadError` when a file cannot be read.
    #[new]
    #[pyo3(signature = (*, gazetteer = None, detector = None, rules_only = false, trace = false, max_bytes = DEFAULT_MAX_BYTES))]
    fn new(
        py: Python<'_>,
        gazetteer: Option<Vec<PathBuf>>,
        detector: Option<PathBuf>,
        rules_only: bool,
        trace: bool,
        max_bytes: u64,
    ) -> PyResult<Self> {
        let inner = py.detach(move || -> Result<RustPipeline, Error> {
            let mut b = RustPipeline::builder().trace(trace).rules_only(rules_only);
            if let Some(path) = &detector {
                let what = format!("reading detector weights {}", path.display());
                let tsv = std::fs::read_to_string(path)
                    .map_err(|e| Error::Load(format!("{what}: {e}")))?;
                let m = rasd_extract::detect::Model::parse(&tsv)
                    .map_err(|e| Error::Load(format!("{what}: {}", chain(&e))))?;
                b = b.detector(rasd_extract::Detector::new(m));
            }
            for g in gazetteer.iter().flatten() {
                let tsv = std::fs::read_to_string(g)
                    .map_err(|e| Error::Load(format!("reading gazetteer {}: {e}", g.display())))?;
                b = b.gazetteer_tsv(tsv);
            }
            b.build()
                .map_err(|e| Error::Load(format!("loading the knowledge base: {}", chain(&e))))
        })?;
        Ok(Pipeline {
            inner: Arc::new(inner),
            max_bytes,
        })
    }

    /// Extract one document: the record (a dict) that `rasd extract` prints for the JSON
    /// Lines record `{"text": text, "published": published, "id": id, "title": title,
    /// "source": source, "url": url}`. Raises `rasd.InputError` when the text is empty.
    #[pyo3(signature = (text, published = None, id = None, title = None, *, source = None, url = None))]
    #[allow(clippy::too_many_arguments)]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        id: Option<&Bound<'py, PyAny>>,
        title: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
        url: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fields = docs::Fields {
            id,
            text: Some(text),
            published,
            source,
            url,
            title,
        };
        let line = self.extract_line(py, &fields)?;
        json_loads(py, &line)
    }

    /// `extract`, but the record as the JSON text `rasd extract` prints (one line, no newline).
    #[pyo3(signature = (text, published = None, id = None, title = None, *, source = None, url = None))]
    #[allow(clippy::too_many_arguments)]
    fn extract_json<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        id: Option<&Bound<'py, PyAny>>,
        title: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
        url: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<String> {
        let fields = docs::Fields {
            id,
            text: Some(text),
            published,
            source,
            url,
            title,
        };
        let line = self.extract_line(py, &fields)?;
        String::from_utf8(line).map_err(|e| Error::Input(e.to_string()).into())
    }

    /// Extract many documents, streaming: an iterator of records in input order.
    ///
    /// `docs` is any iterable of dicts (or mappings, pandas rows, Spark `Row`s) with the fields
    /// of a `rasd extract` JSON Lines record (`text`, and optionally `id`, `published`,
    /// `source`, `url`, `title`), or of plain strings (the text). It is read lazily: at most
    /// 16 × `threads` (at least 64) documents are in flight, whatever its length. `threads`
    /// worker threads (default: all cores) extract with the GIL released.
    ///
    /// A document that cannot be read (no text, not a mapping) raises `rasd.InputError` at
    /// its place in the stream with `errors="raise"` (iteration can go on after it); with
    /// `errors="warn"` it is skipped with a `rasd.RasdWarning` carrying the message
    /// `rasd extract` prints, with `errors="ignore"` skipped silently. `json=True` yields each
    /// record as the JSON line `rasd extract` prints (a str, without its newline).
    #[pyo3(signature = (docs, threads = None, *, errors = "raise", json = false))]
    fn extract_many(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
        errors: &str,
        json: bool,
    ) -> PyResult<stream::Records> {
        stream::Records::start(
            py,
            Arc::clone(&self.inner),
            self.opts(),
            docs,
            threads,
            errors,
            json,
        )
    }

    fn __repr__(&self) -> String {
        "rasd.Pipeline()".to_string()
    }
}

impl Pipeline {
    /// Read the fields as `rasd extract` reads a JSON line, extract (GIL released), serialise.
    fn extract_line(&self, py: Python<'_>, fields: &docs::Fields<'_, '_>) -> PyResult<Vec<u8>> {
        let line = fields.to_json_line(py)?;
        let name: Arc<str> = Arc::from("text");
        let rd = rasd_read::read_jsonl_record(&name, 1, &line, self.opts())
            .map_err(|e| Error::Input(e.kind.to_string()))?;
        let p = Arc::clone(&self.inner);
        let out = py.detach(move || extract_read(&p, &rd).and_then(|r| serialise(&r)));
        out.map_err(|e| Error::Input(e).into())
    }
}

/// The default pipeline, shared by `rasd.extract`, `rasd.extract_many` and `rasd.Store`.
#[pyfunction]
fn default_pipeline_object(py: Python<'_>) -> PyResult<Pipeline> {
    Ok(Pipeline {
        inner: default_pipeline(py)?,
        max_bytes: DEFAULT_MAX_BYTES,
    })
}

/// The module `rasd._rasd`.
#[pymodule]
fn _rasd(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<stream::Records>()?;
    m.add_class::<store::Store>()?;
    m.add_function(wrap_pyfunction!(default_pipeline_object, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("OUTPUT_VERSION", "1")?;
    Ok(())
}
