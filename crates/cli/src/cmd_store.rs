//! `rasd ingest`, `rasd query`, `rasd export` and `rasd event`: the store from the command line.
//!
//! `ingest` reads documents (one thread), extracts them (`-j N` workers sharing one
//! [`Pipeline`]) and stores them in input order, `--batch N` documents per transaction, so that
//! fusion is deterministic and a killed ingest loses at most the batch in flight, never part of
//! a document. The other commands read the store.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossbeam_channel::{bounded, Receiver, Sender};
use indicatif::{ProgressBar, ProgressStyle};
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate, Record, Span};
use rasd_read::{Position, ReadDoc, ReadOptions, Reader, DEFAULT_MAX_BYTES};
use rasd_store::{DocStatus, EventQuery, EventSummary, ExportFormat, Store};

use crate::budget::{Budget, IN_FLIGHT_BYTES};

const INGEST_HELP: &str = "\
Documents are read like `rasd extract` reads them (.jsonl, .txt, .html, `-` for JSON Lines on
standard input), extracted, and stored with their events, claims, tolls, relations and entities.
Reports of the same real event from different documents are fused into one canonical event
(see `rasd event ID`). A document already in the store (same id and text, or the same text under
another id) is left as it is, so ingesting a file twice changes nothing. A document whose id is
stored with a different text is reported and not stored (exit status 2), unless --replace.

Every --batch documents are stored in one transaction: an interrupted ingest keeps whole
documents only; run it again to add the rest.

Exit status: 0 when every document was stored, 2 when some inputs were skipped (each reported
on standard error as FILE:LINE: message: input that cannot be read, or a document whose extraction
takes longer than --time-budget), 1 on a fatal error (e.g. the store cannot be opened).";

/// Where the store is.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// Store: a SQLite file, ":memory:", or a postgres://user:pass@host/db URL
    /// [default: env RASD_DB, else ./rasd.db].
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Do not check a SQLite file for damage before using it (the check reads the whole
    /// file: about 0.2 s per 100 MB).
    #[arg(long)]
    pub no_check: bool,
}

impl DbArgs {
    fn target(&self) -> String {
        self.db
            .clone()
            .or_else(|| {
                std::env::var("RASD_DB")
                    .ok()
                    .filter(|s| !s.trim().is_empty())
            })
            .unwrap_or_else(|| "rasd.db".to_string())
    }

    /// Open the store and check it for damage ([`Store::check`]): a damaged file is
    /// reported, not read or written as if it were whole.
    fn open(&self) -> anyhow::Result<Store> {
        let s = self.open_again()?;
        if !self.no_check {
            s.check()
                .with_context(|| format!("checking the store {}", shown(&self.target())))?;
        }
        Ok(s)
    }

    /// Another connection to a store [`DbArgs::open`] has opened and checked.
    fn open_again(&self) -> anyhow::Result<Store> {
        let t = self.target();
        Store::open(&t).with_context(|| format!("opening the store {}", shown(&t)))
    }
}

/// A target as it may be printed (no password).
fn shown(target: &str) -> String {
    if rasd_store::is_postgres_url(target) {
        match target
            .split_once("://")
            .and_then(|(s, r)| Some((s, r.split_once('@')?)))
        {
            Some((scheme, (cred, host))) => {
                format!(
                    "{scheme}://{}:***@{host}",
                    cred.split(':').next().unwrap_or_default()
                )
            }
            None => target.to_string(),
        }
    } else {
        target.to_string()
    }
}

/// Arguments of `rasd ingest`.
#[derive(clap::Args)]
#[command(after_help = INGEST_HELP)]
pub struct IngestArgs {
    /// Input files (.jsonl, .txt, .html) or `-` for JSON Lines on standard input [default: -].
    pub files: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::new(200).unwrap_or(NonZeroUsize::MIN))]
    pub batch: NonZeroUsize,
    /// Extraction threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Publication date (YYYY-MM-DD) for documents that give none: the anchor of «أمس», «السبت».
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<IsoDate>,
    /// Add the places of a gazetteer TSV (e.g. made by `rasd gazetteer import geonames`).
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
    /// Skip documents larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub time_budget: crate::cmd_extract::TimeBudget,
    /// A document whose id is stored is extracted again and replaces the stored one (with its
    /// text, metadata and record); the events its reports were part of are fused again.
    #[arg(long)]
    pub replace: bool,
}

/// Arguments of `rasd reextract`.
#[derive(clap::Args)]
#[command(after_help = REEXTRACT_HELP)]
pub struct ReextractArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Publication date (YYYY-MM-DD) for stored documents that have none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<IsoDate>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::new(200).unwrap_or(NonZeroUsize::MIN))]
    pub batch: NonZeroUsize,
    /// Extraction threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Add the places of a gazetteer TSV.
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
}

const REEXTRACT_HELP: &str = "\
Every stored document is extracted again from its stored text and metadata by this rasd (after
an upgrade, or with --published for documents stored without a date), replaces its old record,
and all event reports are then fused again, in the order the documents were stored. The
documents keep their ids; canonical event ids may change.";

/// Event filters shared by `query` and `export`.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD; YYYY-MM or YYYY for its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD; YYYY-MM or YYYY for its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Event types, repeated or comma-separated (air_drone_strike, missile_artillery, …).
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// An actor or target: dictionary id or (part of) its Arabic name.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country (ISO 3166-1 alpha-2, e.g. IQ).
    #[arg(long)]
    pub country: Option<String>,
    /// Governorate or province (Arabic name).
    #[arg(long)]
    pub admin1: Option<String>,
    /// Bounding box: min_lon,min_lat,max_lon,max_lat.
    #[arg(long, value_name = "BOX", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Words a source article must contain (diacritics, hamza forms, ta marbuta folded).
    #[arg(long)]
    pub text: Option<String>,
}

impl FilterArgs {
    fn query(&self, limit: usize, offset: usize) -> anyhow::Result<EventQuery> {
        let mut types = Vec::new();
        for t in self
            .types
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        {
            types.push(EventQuery::event_type(t).map_err(anyhow::Error::msg)?);
        }
        let bbox = match &self.bbox {
            None => None,
            Some(b) => Some(EventQuery::bbox(b).map_err(anyhow::Error::msg)?),
        };
        Ok(EventQuery {
            from: self.from.clone(),
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

/// Output formats of `rasd query`.
#[derive(clap::ValueEnum, Clone, Copy, Default)]
pub enum QueryFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// One JSON object: the page of events.
    Json,
    /// CSV with a header.
    Csv,
}

/// Arguments of `rasd query`.
#[derive(clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How many events to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// How many matching events to pass over first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Arguments of `rasd export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// acled-csv, plover-jsonl, geojson, jsonl (events with claims and reports) or parquet.
    #[arg(long, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output (required for parquet).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Arguments of `rasd event`.
#[derive(clap::Args)]
pub struct EventArgs {
    /// Canonical event id (ev-000123).
    pub id: String,
    /// Print JSON (the event, its claims and reports, and `fusion`: why they were fused).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

fn parse_date(s: &str) -> Result<IsoDate, String> {
    IsoDate::parse(s).map_err(|e| e.to_string())
}

// ---- ingest ---------------------------------------------------------------------------------

/// Standard-error reporting that keeps out of the progress bar's way.
#[derive(Clone)]
struct Reporter {
    bar: Option<ProgressBar>,
    skipped: Arc<AtomicU64>,
}

impl Reporter {
    fn say(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("rasd: {line}")),
            None => eprintln!("rasd: {line}"),
        }
    }

    fn skip(&self, line: &str) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
        self.say(line);
    }
}

/// A document extracted, or why it was not.
struct Extracted {
    seq: u64,
    bytes: u64,
    at: String,
    result: Result<(Document, Record), String>,
}

/// Where `ingest` takes its documents from.
enum Source {
    /// Files (or standard input) as `rasd extract` reads them.
    Files(Vec<String>, ReadOptions),
    /// The documents of a store, as they were given, up to the one numbered `upto`.
    Stored {
        store: Store,
        target: String,
        upto: i64,
        published: Option<IsoDate>,
    },
}

/// What every ingest shares, whatever its source.
struct IngestRun {
    pipeline: Arc<Pipeline>,
    jobs: usize,
    batch: usize,
    replace: bool,
}

fn build_pipeline(
    gazetteers: &[PathBuf],
    time_budget: Option<std::time::Duration>,
) -> anyhow::Result<Arc<Pipeline>> {
    let mut b = Pipeline::builder().time_budget(time_budget);
    for g in gazetteers {
        let tsv = std::fs::read_to_string(g)
            .with_context(|| format!("reading gazetteer {}", g.display()))?;
        b = b.gazetteer_tsv(tsv);
    }
    Ok(Arc::new(b.build().context("loading the knowledge base")?))
}

fn jobs(j: Option<NonZeroUsize>) -> usize {
    j.map_or_else(
        || thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    )
}

/// `rasd ingest`.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let run = IngestRun {
        pipeline: build_pipeline(&a.gazetteer, a.time_budget.get())?,
        jobs: jobs(a.jobs),
        batch: a.batch.get(),
        replace: a.replace,
    };
    let target = a.db.target();
    let store = a.db.open()?;
    let files = if a.files.is_empty() {
        vec!["-".to_string()]
    } else {
        a.files.clone()
    };
    if files.iter().any(|f| f == "-") && io::stdin().is_terminal() {
        eprintln!(
            "rasd: reading JSON Lines from standard input (give files, or pipe documents in)"
        );
    }
    let opts = ReadOptions {
        max_bytes: a.max_bytes,
        published: a.published,
    };
    // A second connection lets the reader skip documents already stored before they are
    // extracted (resuming an interrupted ingest costs little); the store checks again anyway.
    let known = if target == ":memory:" {
        None
    } else {
        Some(a.db.open_again()?)
    };
    ingest_from(&run, store, &target, Source::Files(files, opts), known)
}

/// `rasd reextract`.
pub fn reextract(a: ReextractArgs) -> anyhow::Result<ExitCode> {
    let run = IngestRun {
        pipeline: build_pipeline(&a.gazetteer, Some(rasd_extract::DEFAULT_TIME_BUDGET))?,
        jobs: jobs(a.jobs),
        batch: a.batch.get(),
        replace: true,
    };
    let target = a.db.target();
    if target == ":memory:" {
        anyhow::bail!("an in-memory store holds nothing to extract again");
    }
    let mut store = a.db.open()?;
    let upto = store.last_document_number()?;
    let source = Source::Stored {
        store: a.db.open_again()?,
        target: shown(&target),
        upto,
        published: a.published,
    };
    let code = ingest_from(&run, a.db.open_again()?, &target, source, None)?;
    // Fuse every report again in the order the documents were stored, as a fresh ingest of
    // the same documents would.
    let st = store.refuse().context("fusing the events again")?;
    eprintln!(
        "rasd: fused again: {} event reports, {} canonical events",
        st.reports,
        st.new_events - st.merged
    );
    Ok(code)
}

/// Read, extract (`run.jobs` workers) and store in input order, `run.batch` documents a
/// transaction; report what was stored, skipped and refused.
fn ingest_from(
    run: &IngestRun,
    mut store: Store,
    target: &str,
    source: Source,
    known: Option<Store>,
) -> anyhow::Result<ExitCode> {
    // Documents in flight at most (queued, being extracted, or waiting for an earlier one).
    let window = (run.jobs * 16).max(64);
    let bar = io::stderr().is_terminal().then(|| {
        let b = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}",
        ) {
            b.set_style(style);
        }
        b.enable_steady_tick(Duration::from_millis(200));
        b
    });
    let rep = Reporter {
        bar: bar.clone(),
        skipped: Arc::new(AtomicU64::new(0)),
    };

    let (work_tx, work_rx) = bounded::<(u64, ReadDoc)>(window);
    let (done_tx, done_rx) = bounded::<Extracted>(window);
    let (tok_tx, tok_rx) = bounded::<()>(window);
    for _ in 0..window {
        tok_tx.send(()).context("starting")?;
    }
    let budget = Arc::new(Budget::new(IN_FLIGHT_BYTES));
    let already = Arc::new(AtomicU64::new(0));
    let replace = run.replace;
    let reader = {
        let (rep, already, budget) = (rep.clone(), Arc::clone(&already), Arc::clone(&budget));
        thread::Builder::new()
            .name("rasd-read".into())
            .spawn(move || {
                let feed = Feed {
                    rep: &rep,
                    known: known.as_ref(),
                    replace,
                    already: &already,
                    tokens: &tok_rx,
                    budget: &budget,
                    work: &work_tx,
                };
                match source {
                    Source::Files(files, opts) => feed.files(&files, opts),
                    Source::Stored {
                        store,
                        target,
                        upto,
                        published,
                    } => feed.stored(&store, &target, upto, published),
                }
            })?
    };
    let mut workers = Vec::with_capacity(run.jobs);
    for i in 0..run.jobs {
        let (p, rx, tx) = (Arc::clone(&run.pipeline), work_rx.clone(), done_tx.clone());
        workers.push(
            thread::Builder::new()
                .name(format!("rasd-extract-{i}"))
                .spawn(move || work(&p, &rx, &tx))?,
        );
    }
    drop((work_rx, done_tx));

    let started = Instant::now();
    let mut totals = rasd_store::IngestStats::default();
    let mut pending: BTreeMap<u64, Extracted> = BTreeMap::new();
    let mut next = 0u64;
    let mut batch = Batch::default();
    let mut seen = 0u64;
    let mut result = Ok(());
    while let Ok(done) = done_rx.recv() {
        pending.insert(done.seq, done);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            let _ = tok_tx.send(());
            budget.give(d.bytes);
            match d.result {
                Ok(pair) => {
                    seen += 1;
                    batch.bytes += d.bytes;
                    batch.docs.push(pair);
                    batch.at.push(d.at);
                }
                Err(msg) => rep.skip(&msg),
            }
            // A batch is stored when it has its documents, or half the bytes in flight.
            if batch.docs.len() >= run.batch || batch.bytes >= IN_FLIGHT_BYTES / 2 {
                result = batch.store(&mut store, target, replace, &rep, &mut totals);
                if result.is_err() {
                    break;
                }
            }
        }
        if result.is_err() {
            break;
        }
        if let Some(b) = &bar {
            b.set_position(seen);
            b.set_message(format!(
                "{} stored, {} already there, {} events ({} fused), {} skipped",
                totals.documents,
                totals.duplicates + already.load(Ordering::Relaxed) as usize,
                totals.reports,
                totals.fused,
                rep.skipped.load(Ordering::Relaxed)
            ));
        }
    }
    if result.is_ok() {
        result = batch.store(&mut store, target, replace, &rep, &mut totals);
    }
    // Stop the threads (they see the closed channels and budget) before reporting.
    budget.close();
    drop((done_rx, tok_tx));
    for w in workers {
        let _ = w.join();
    }
    let _ = reader.join();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    result?;
    totals.duplicates += already.load(Ordering::Relaxed) as usize;
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    let skipped = rep.skipped.load(Ordering::Relaxed);
    let replaced = if totals.replaced > 0 {
        format!(" ({} replacing stored ones)", totals.replaced)
    } else {
        String::new()
    };
    let merged = match totals.merged {
        0 => String::new(),
        n => format!(", {n} of them merged into another as later reports came"),
    };
    eprintln!(
        "rasd: {} documents stored{replaced}, {} already in the store, {} skipped; {} event reports: {} fused \
         into known events, {} new events{merged} ({:.0} documents extracted a second) in {}",
        totals.documents,
        totals.duplicates,
        skipped,
        totals.reports,
        totals.fused,
        totals.new_events,
        seen as f64 / secs,
        shown(target)
    );
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Documents waiting to be stored in one transaction, with where each was read.
#[derive(Default)]
struct Batch {
    docs: Vec<(Document, Record)>,
    at: Vec<String>,
    bytes: u64,
}

impl Batch {
    fn store(
        &mut self,
        store: &mut Store,
        target: &str,
        replace: bool,
        rep: &Reporter,
        totals: &mut rasd_store::IngestStats,
    ) -> anyhow::Result<()> {
        if self.docs.is_empty() {
            return Ok(());
        }
        let st = store
            .ingest_replacing(&self.docs, replace)
            .with_context(|| {
                format!("storing {} documents in {}", self.docs.len(), shown(target))
            })?;
        for id in &st.conflicts {
            // The last document of the batch with that id is the one refused.
            let at = self
                .docs
                .iter()
                .zip(&self.at)
                .rev()
                .find(|((d, _), _)| d.id == *id)
                .map_or("", |(_, at)| at.as_str());
            rep.skip(&conflict_message(at, id));
        }
        totals.add(st);
        self.docs.clear();
        self.at.clear();
        self.bytes = 0;
        Ok(())
    }
}

fn conflict_message(at: &str, id: &str) -> String {
    format!(
        "{at}: the id {id:?} is already taken in the store by a different text; not stored \
         (give it another id, or `rasd ingest --replace` to replace the stored document)"
    )
}

/// The reading side of an ingest.
struct Feed<'a> {
    rep: &'a Reporter,
    known: Option<&'a Store>,
    replace: bool,
    already: &'a AtomicU64,
    tokens: &'a Receiver<()>,
    budget: &'a Budget,
    work: &'a Sender<(u64, ReadDoc)>,
}

impl Feed<'_> {
    /// Every input in turn, documents numbered in order.
    fn files(&self, files: &[String], opts: ReadOptions) {
        let mut seq = 0u64;
        for f in files {
            for item in Reader::open(f, opts) {
                match item {
                    Ok(rd) => {
                        if !self.send(&mut seq, rd) {
                            return;
                        }
                    }
                    Err(e) => self.rep.skip(&e.to_string()),
                }
            }
        }
    }

    /// The stored documents, `--published` given to those without a date.
    fn stored(&self, store: &Store, target: &str, upto: i64, published: Option<IsoDate>) {
        let name: Arc<str> = Arc::from(target);
        let (mut seq, mut after) = (0u64, 0i64);
        loop {
            let page = match store.stored_documents(after, upto, 100) {
                Ok(p) => p,
                Err(e) => {
                    self.rep
                        .skip(&format!("{target}: reading stored documents: {e}"));
                    return;
                }
            };
            if page.is_empty() {
                return;
            }
            for (num, mut doc) in page {
                after = num;
                if doc.meta.published.is_none() {
                    doc.meta.published = published;
                }
                let at = Position::new(&Arc::from(format!("{name}#{}", doc.id)), None);
                let rd = ReadDoc {
                    doc,
                    at,
                    warnings: Vec::new(),
                };
                if !self.send(&mut seq, rd) {
                    return;
                }
            }
        }
    }

    /// Hand a document on, unless it is already stored; false when the writer has stopped.
    fn send(&self, seq: &mut u64, rd: ReadDoc) -> bool {
        let status = self
            .known
            .map(|s| s.document_status(&rd.doc.id, &rd.doc.text));
        match status {
            Some(Ok(DocStatus::SameText)) => {
                self.already.fetch_add(1, Ordering::Relaxed);
                return true;
            }
            Some(Ok(DocStatus::Stored)) if !self.replace => {
                self.already.fetch_add(1, Ordering::Relaxed);
                return true;
            }
            Some(Ok(DocStatus::IdTaken)) if !self.replace => {
                self.rep
                    .skip(&conflict_message(&rd.at.to_string(), &rd.doc.id));
                return true;
            }
            _ => {}
        }
        for w in &rd.warnings {
            self.rep.say(&format!("{}: warning: {}", w.at, w.message));
        }
        if self.tokens.recv().is_err()
            || !self.budget.take(rd.doc.text.len() as u64)
            || self.work.send((*seq, rd)).is_err()
        {
            return false;
        }
        *seq += 1;
        true
    }
}

/// An extraction thread.
fn work(pipeline: &Pipeline, rx: &Receiver<(u64, ReadDoc)>, tx: &Sender<Extracted>) {
    while let Ok((seq, rd)) = rx.recv() {
        let bytes = rd.doc.text.len() as u64;
        let at = rd.at.to_string();
        let result = match catch_unwind(AssertUnwindSafe(|| pipeline.try_extract(&rd.doc))) {
            Ok(Ok(mut record)) => {
                record
                    .warnings
                    .splice(0..0, rd.warnings.iter().map(|w| w.message.clone()));
                Ok((rd.doc, record))
            }
            Ok(Err(e)) => Err(format!("{}: {e}; skipped", rd.at)),
            Err(_) => Err(format!("{}: extraction failed; skipped", rd.at)),
        };
        if tx
            .send(Extracted {
                seq,
                bytes,
                at,
                result,
            })
            .is_err()
        {
            return;
        }
    }
}

// ---- query ----------------------------------------------------------------------------------

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn num(v: Option<u64>) -> String {
    v.map_or_else(|| "–".to_string(), |n| n.to_string())
}

fn place(e: &EventSummary) -> String {
    e.location
        .as_ref()
        .map_or_else(String::new, |l| match &l.name_en {
            Some(en) => format!("{} ({en})", l.name),
            None => l.name.clone(),
        })
}

/// `rasd query`.
pub fn query(a: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = a.db.open()?;
    let q = a.filter.query(a.limit.max(1), a.offset)?;
    let page = store.events(&q)?;
    let mut out = BufWriter::new(crate::out::stdout()?.lock());
    let r = match a.format {
        QueryFormat::Json => serde_json::to_writer(&mut out, &page)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out)),
        QueryFormat::Csv => write_csv(&mut out, &page.items),
        QueryFormat::Table => {
            let mut buf = Vec::new();
            write_table(&mut buf, &page).and_then(|_| out.write_all(&terminal_safe(&buf)))
        }
    };
    match r.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("writing"),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn write_csv(out: &mut dyn Write, items: &[EventSummary]) -> io::Result<()> {
    writeln!(
        out,
        "id,date,date_precision,type,location,country,admin1,lat,lon,killed,injured,contradiction,n_reports,n_claims,sources"
    )?;
    for e in items {
        let l = e.location.as_ref();
        let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let row = [
            e.id.clone(),
            e.date.clone().unwrap_or_default(),
            name(&e.date_precision),
            e.kind.as_str().to_string(),
            l.map(|l| l.name.clone()).unwrap_or_default(),
            l.and_then(|l| l.country.clone()).unwrap_or_default(),
            l.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            f(l.and_then(|l| l.lat)),
            f(l.and_then(|l| l.lon)),
            e.killed.map(|x| x.to_string()).unwrap_or_default(),
            e.injured.map(|x| x.to_string()).unwrap_or_default(),
            e.contradiction.to_string(),
            e.n_reports.to_string(),
            e.n_claims.to_string(),
            e.sources.join("; "),
        ];
        // Text cells that a spreadsheet would run as formulas are neutralised (OWASP).
        let row: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if matches!(i, 7..=13) {
                    rasd_store::export::csv_number(s)
                } else {
                    rasd_store::export::csv_text(s)
                }
            })
            .collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, page: &rasd_store::Page<EventSummary>) -> io::Result<()> {
    if page.items.is_empty() {
        writeln!(out, "no events match ({} in all)", page.total)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<10} {:<10} {:<17} {:>6} {:>7} {:>7} {:<2} place — sources",
        "id", "date", "type", "killed", "injured", "reports", "!"
    )?;
    for e in &page.items {
        writeln!(
            out,
            "{:<10} {:<10} {:<17} {:>6} {:>7} {:>7} {:<2} {} — {}",
            e.id,
            e.date.clone().unwrap_or_else(|| "?".into()),
            e.kind.as_str(),
            num(e.killed),
            num(e.injured),
            e.n_reports,
            if e.contradiction { "!" } else { "" },
            place(e),
            e.sources.join("; ")
        )?;
    }
    let last = page.offset + page.items.len();
    writeln!(
        out,
        "{}–{} of {} events (! = sources contradict each other; `rasd event ID` for one)",
        page.offset + 1,
        last,
        page.total
    )?;
    Ok(())
}

/// Text for a terminal: article metadata (outlets, titles, sources, places) comes from the
/// input, and an escape sequence in it could set the terminal's title or colours or move the
/// cursor. Every control character goes (C0 but the line feed, DEL, C1); tabs and carriage
/// returns become spaces.
fn terminal_safe(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push(c),
            '\t' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.into_bytes()
}

// ---- export ---------------------------------------------------------------------------------

/// `rasd export`.
pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let to_stdout = a.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if a.format == ExportFormat::Parquet && to_stdout {
        anyhow::bail!("parquet is a binary file format: give -o FILE.parquet");
    }
    let store = a.db.open()?;
    let q = a.filter.query(0, 0)?;
    let stats = match &a.output {
        Some(p) if !to_stdout => {
            let f = File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
            let mut w = BufWriter::with_capacity(1 << 16, f);
            let st = store.export_stats(a.format, &q, &mut w)?;
            w.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| crate::out::sync(&f))
                .with_context(|| format!("writing {}", p.display()))?;
            st
        }
        _ => {
            let mut w = BufWriter::with_capacity(1 << 16, crate::out::stdout()?);
            match store.export_stats(a.format, &q, &mut w) {
                Ok(st) => st,
                Err(rasd_store::StoreError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS)
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let whereto = a.output.as_ref().filter(|_| !to_stdout).map_or_else(
        || "standard output".to_string(),
        |p| p.display().to_string(),
    );
    if stats.skipped > 0 {
        eprintln!(
            "rasd: {} events written as {} to {whereto}; {} without coordinates left out",
            stats.written, a.format, stats.skipped
        );
    } else {
        eprintln!(
            "rasd: {} events written as {} to {whereto}",
            stats.written, a.format
        );
    }
    Ok(ExitCode::SUCCESS)
}

// ---- event ----------------------------------------------------------------------------------

/// The text under a character span, shortened.
fn quote(text: &str, span: Span) -> String {
    const MAX: usize = 160;
    let len = span.end.saturating_sub(span.start);
    let s: String = text.chars().skip(span.start).take(len.min(MAX)).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if len > MAX {
        format!("«{s}…»")
    } else {
        format!("«{s}»")
    }
}

/// `rasd event`.
pub fn event(a: EventArgs) -> anyhow::Result<ExitCode> {
    let store = a.db.open()?;
    let Some(d) = store.event(&a.id)? else {
        anyhow::bail!("no event {:?} in {}", a.id, store.target());
    };
    let why = store.explain(&a.id)?;
    let mut out = BufWriter::new(crate::out::stdout()?.lock());
    let r = if a.json {
        let mut v = serde_json::to_value(&d)?;
        if let (Some(o), Some(w)) = (v.as_object_mut(), why) {
            o.insert("fusion".into(), serde_json::to_value(w)?);
        }
        serde_json::to_writer_pretty(&mut out, &v)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        let mut buf = Vec::new();
        render_event(&mut buf, &store, &d, why.as_ref())
            .and_then(|_| out.write_all(&terminal_safe(&buf)))
    };
    match r.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("writing"),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn render_event(
    o: &mut dyn Write,
    store: &Store,
    d: &rasd_store::EventDetail,
    why: Option<&rasd_store::FusionExplanation>,
) -> io::Result<()> {
    let s = &d.summary;
    writeln!(
        o,
        "{}  {}  {} ({})",
        s.id,
        s.kind.as_str(),
        s.date.clone().unwrap_or_else(|| "date unknown".into()),
        name(&s.date_precision)
    )?;
    if let Some(l) = &s.location {
        let mut parts = vec![place(s)];
        if let Some(a) = &l.admin1 {
            parts.push(a.clone());
        }
        if let Some(c) = &l.country {
            parts.push(c.clone());
        }
        if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
            parts.push(format!("{lat:.4}, {lon:.4}"));
        }
        if let Some(p) = &l.precision {
            parts.push(name(p));
        }
        writeln!(o, "  place      {}", parts.join(", "))?;
    }
    for a in &s.actors {
        let en = a
            .name_en
            .as_ref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        let id = a
            .entity_id
            .as_ref()
            .map(|e| format!(" [{e}]"))
            .unwrap_or_default();
        writeln!(o, "  {:<10} {}{en}{id}", name(&a.role), a.name)?;
    }
    if !s.weapons.is_empty() {
        let w: Vec<String> = s.weapons.iter().map(name).collect();
        writeln!(o, "  weapons    {}", w.join(", "))?;
    }
    if !s.outcome.is_empty() {
        let w: Vec<String> = s.outcome.iter().map(name).collect();
        writeln!(o, "  outcome    {}", w.join(", "))?;
    }
    writeln!(
        o,
        "  killed     {}   injured {}",
        num(s.killed),
        num(s.injured)
    )?;
    if s.contradiction {
        writeln!(o, "  !          sources contradict each other")?;
    }
    writeln!(
        o,
        "  sources    {} ({} reports)",
        s.sources.join("; "),
        s.n_reports
    )?;
    writeln!(o, "claims ({})", d.claims.len())?;
    for c in &d.claims {
        let via = c
            .claim
            .via
            .as_ref()
            .map(|v| format!(" via {v}"))
            .unwrap_or_default();
        let anon = if c.claim.anonymous { ", anonymous" } else { "" };
        writeln!(
            o,
            "  {:<22} {}{via}{anon} — {} ({})",
            name(&c.claim.stance),
            c.claim.source,
            c.doc_id,
            c.outlet.clone().unwrap_or_default()
        )?;
    }
    writeln!(o, "reports ({})", d.reports.len())?;
    for (i, r) in d.reports.iter().enumerate() {
        let e = &r.event;
        writeln!(
            o,
            "  {}. {} {} ({}{}) — {} {} at {}",
            i + 1,
            r.doc_id,
            e.id,
            r.outlet.clone().unwrap_or_else(|| "outlet unknown".into()),
            r.published
                .as_ref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default(),
            e.kind.as_str(),
            e.date.clone().unwrap_or_else(|| "?".into()),
            e.location.as_ref().map_or("?".into(), |l| l.name.clone())
        )?;
        if let Some(t) = &r.title {
            writeln!(o, "     {t}")?;
        }
        if let (Some(span), Ok(Some(doc))) = (e.evidence.first(), store.document(&r.doc_id)) {
            writeln!(o, "     {}", quote(&doc.text, *span))?;
        }
    }
    if let Some(w) = why {
        writeln!(o, "why these reports are one event")?;
        for r in &w.reasons {
            writeln!(o, "  {r}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::EventType;

    #[test]
    fn filters_parse_types_and_boxes() {
        let f = FilterArgs {
            types: vec!["air_drone_strike".into(), " protest".into()],
            bbox: Some("44,36,45.5,37".into()),
            ..Default::default()
        };
        let q = f.query(10, 0).unwrap();
        assert_eq!(q.types, vec![EventType::AirDroneStrike, EventType::Protest]);
        assert_eq!(q.bbox, Some([44.0, 36.0, 45.5, 37.0]));
        let bad = FilterArgs {
            types: vec!["airstrike".into()],
            ..Default::default()
        };
        assert!(bad.query(10, 0).is_err());
        let bad = FilterArgs {
            bbox: Some("1,2,3".into()),
            ..Default::default()
        };
        assert!(bad.query(10, 0).is_err());
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let dirty = "وكالة\u{1b}]0;pwned\u{7}\u{1b}[31mحمراء\u{9b}2J\tx\r\n";
        let clean = String::from_utf8(terminal_safe(dirty.as_bytes())).unwrap();
        assert_eq!(clean, "وكالة]0;pwned[31mحمراء2J x \n");
        assert!(!clean.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(shown("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(shown("rasd.db"), "rasd.db");
    }
}
