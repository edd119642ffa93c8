//! Streaming extraction of a Python iterable: documents are pulled lazily, extracted by worker
//! threads with the GIL released, and handed back in input order, with at most a window of
//! documents in flight (the same bound as `rasd extract`: 16 × workers, at least 64).
use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use crossbeam_channel::{bounded, Receiver, Sender};
use pyo3::exceptions::PyStopIteration;
use pyo3::prelude::*;
use rasd_extract::Pipeline as RustPipeline;
use rasd_read::{ReadDoc, ReadOptions};

use crate::{docs, extract_read, json_loads, serialise, Error};

/// The name given to the iterable in messages: `docs:3: no "text" field`.
pub(crate) const INPUT_NAME: &str = "docs";

/// What to do with a document that cannot be read or extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnError {
    /// Raise `rasd.InputError`.
    Raise,
    /// Skip it with a `rasd.RasdWarning`.
    Warn,
    /// Skip it.
    Ignore,
}

impl OnError {
    /// `"raise"`, `"warn"` or `"ignore"`.
    pub fn parse(s: &str) -> Result<OnError, Error> {
        match s {
            "raise" => Ok(OnError::Raise),
            "warn" => Ok(OnError::Warn),
            "ignore" => Ok(OnError::Ignore),
            other => Err(Error::Query(format!(
                "errors={other:?}: \"raise\", \"warn\" or \"ignore\" expected"
            ))),
        }
    }

    /// Act on a document that failed: `Err` to raise, `Ok` to go on.
    pub fn handle(self, py: Python<'_>, msg: String) -> PyResult<()> {
        match self {
            OnError::Raise => Err(Error::Input(msg).into()),
            OnError::Warn => {
                let class = py.import("rasd.errors")?.getattr("RasdWarning")?;
                py.import("warnings")?
                    .getattr("warn")?
                    .call1((msg, class, 2))?;
                Ok(())
            }
            OnError::Ignore => Ok(()),
        }
    }
}

/// The number of worker threads: given, or all cores.
pub(crate) fn workers(threads: Option<usize>) -> usize {
    threads
        .filter(|&n| n > 0)
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

/// A document's result, numbered in input order.
type Done<T> = (u64, Result<T, String>);

/// Pulls documents from a Python iterator, extracts them on worker threads, and gives the
/// results back in input order.
pub(crate) struct Engine<T> {
    input: Option<Py<PyAny>>,
    work: Option<Sender<(u64, ReadDoc)>>,
    done: Receiver<Done<T>>,
    pending: BTreeMap<u64, Result<T, String>>,
    /// The next document to hand back.
    next: u64,
    /// Documents taken from the input so far.
    taken: u64,
    window: u64,
    opts: ReadOptions,
    name: Arc<str>,
    _workers: Vec<JoinHandle<()>>,
}

impl<T: Send + 'static> Engine<T> {
    /// Start `threads` workers that turn each document into a `T` with `f`.
    pub fn start<F>(
        py: Python<'_>,
        pipeline: Arc<RustPipeline>,
        opts: ReadOptions,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
        f: F,
    ) -> PyResult<Engine<T>>
    where
        F: Fn(&RustPipeline, ReadDoc) -> Result<T, String> + Send + Sync + 'static,
    {
        let input = docs.try_iter()?.into_any().unbind();
        let jobs = workers(threads);
        let window = (jobs * 16).max(64);
        let (work_tx, work_rx) = bounded::<(u64, ReadDoc)>(window);
        let (done_tx, done_rx) = bounded::<Done<T>>(window);
        let f = Arc::new(f);
        let mut handles = Vec::with_capacity(jobs);
        for i in 0..jobs {
            let (rx, tx, p, f) = (
                work_rx.clone(),
                done_tx.clone(),
                Arc::clone(&pipeline),
                Arc::clone(&f),
            );
            let h = thread::Builder::new()
                .name(format!("rasd-py-extract-{i}"))
                .spawn(move || {
                    while let Ok((seq, rd)) = rx.recv() {
                        if tx.send((seq, f(&p, rd))).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| Error::Load(format!("starting a worker thread: {e}")))?;
            handles.push(h);
        }
        let _ = py;
        Ok(Engine {
            input: Some(input),
            work: Some(work_tx),
            done: done_rx,
            pending: BTreeMap::new(),
            next: 0,
            taken: 0,
            window: window as u64,
            opts,
            name: Arc::from(INPUT_NAME),
            _workers: handles,
        })
    }

    /// Take documents from the input while the window has room.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.taken - self.next < self.window {
            let Some(input) = &self.input else {
                return Ok(());
            };
            let item = match input.bind(py).call_method0("__next__") {
                Ok(item) => item,
                Err(e) if e.is_instance_of::<PyStopIteration>(py) => {
                    self.input = None;
                    self.work = None;
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
            let seq = self.taken;
            self.taken += 1;
            // Items are numbered from 1, as lines are.
            let line = seq + 1;
            let read = match docs::doc_line(py, &item)? {
                Ok(json) => rasd_read::read_jsonl_record(&self.name, line, &json, self.opts)
                    .map_err(|e| e.to_string()),
                Err(msg) => Err(format!("{}:{line}: {msg}", self.name)),
            };
            match read {
                Ok(rd) => {
                    let sent = self
                        .work
                        .as_ref()
                        .is_some_and(|w| w.send((seq, rd)).is_ok());
                    if !sent {
                        return Err(
                            Error::Input("the extraction threads have stopped".into()).into()
                        );
                    }
                }
                Err(msg) => {
                    self.pending.insert(seq, Err(msg));
                }
            }
        }
        Ok(())
    }

    /// The next result in input order, `None` at the end.
    pub fn next(&mut self, py: Python<'_>) -> PyResult<Option<Result<T, String>>> {
        self.fill(py)?;
        loop {
            if let Some(r) = self.pending.remove(&self.next) {
                self.next += 1;
                return Ok(Some(r));
            }
            if self.next >= self.taken {
                return Ok(None);
            }
            let rx = self.done.clone();
            let got = py.detach(move || rx.recv());
            match got {
                Ok((seq, r)) => {
                    self.pending.insert(seq, r);
                }
                Err(_) => {
                    return Err(Error::Input("the extraction threads have stopped".into()).into())
                }
            }
        }
    }
}

/// The records of `extract_many`, in input order (an iterator).
#[pyclass(module = "rasd._rasd")]
pub struct Records {
    engine: Engine<Vec<u8>>,
    on_error: OnError,
    json: bool,
}

impl Records {
    /// Start extracting `docs`.
    pub fn start(
        py: Python<'_>,
        pipeline: Arc<RustPipeline>,
        opts: ReadOptions,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
        errors: &str,
        json: bool,
    ) -> PyResult<Records> {
        let on_error = OnError::parse(errors)?;
        let engine = Engine::start(py, pipeline, opts, docs, threads, |p, rd| {
            extract_read(p, &rd).and_then(|r| serialise(&r).map_err(|e| format!("{}: {e}", rd.at)))
        })?;
        Ok(Records {
            engine,
            on_error,
            json,
        })
    }
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            match self.engine.next(py)? {
                None => return Ok(None),
                Some(Ok(bytes)) => {
                    return if self.json {
                        let s =
                            String::from_utf8(bytes).map_err(|e| Error::Input(e.to_string()))?;
                        Ok(Some(pyo3::types::PyString::new(py, &s).into_any()))
                    } else {
                        json_loads(py, &bytes).map(Some)
                    };
                }
                Some(Err(msg)) => self.on_error.handle(py, msg)?,
            }
        }
    }
}
