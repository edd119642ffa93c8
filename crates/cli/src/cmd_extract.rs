//! `rasd extract` and `rasd explain`.
//!
//! `extract` is a pure, stateless, streaming filter: documents in (files or standard input),
//! one JSON record per document out, in input order. One thread reads, `-j N` workers share
//! one immutable [`Pipeline`] by `Arc`, and the calling thread writes. A fixed number of
//! documents, and of bytes of their text ([`IN_FLIGHT_BYTES`]), may be in flight at once
//! (queued, being extracted, or waiting in the reorder buffer for an earlier one), so memory
//! does not grow with the size of the input nor with the size of its documents.
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
use crossbeam_channel::{bounded, Receiver, Sender, TryRecvError};
use indicatif::{ProgressBar, ProgressStyle};
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate, Record, Span};
use rasd_read::{ReadDoc, ReadOptions, Reader, DEFAULT_MAX_BYTES};

use crate::budget::{Budget, IN_FLIGHT_BYTES};

const EXTRACT_HELP: &str = "\
Input formats:
  .jsonl  one JSON object a line: \"id\", \"text\", optional \"published\" (YYYY-MM-DD), \"source\",
          \"url\", \"title\"; other fields are ignored
  .txt    one document; its id is the file stem
  .html   one page: the article text, without menus, scripts, headers, footers and asides
  -       JSON Lines on standard input (also the default when no file is given)

Every input that cannot be read (a line that is not JSON, a record without text, a document over
--max-bytes, an empty line or file, a missing file) or whose extraction takes longer than
--time-budget is reported on standard error as `rasd: FILE:LINE: message` and skipped; the
others go through. Text that is not UTF-8 (e.g. Windows-1256) is decoded and the record gets a
warning.

Exit status: 0 when every document was processed, 2 when some inputs were skipped, 1 on a fatal
error (e.g. the output cannot be written).";

/// Arguments of `rasd extract`.
#[derive(clap::Args)]
#[command(after_help = EXTRACT_HELP)]
pub struct ExtractArgs {
    /// Input files (.jsonl, .txt, .html) or `-` for JSON Lines on standard input [default: -].
    pub files: Vec<String>,
    /// Write the records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent the JSON records.
    #[arg(long)]
    pub pretty: bool,
    /// Publication date (YYYY-MM-DD) for documents that give none: the anchor of «أمس», «السبت».
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<IsoDate>,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Add to each record the rules that produced its fields (`trace`).
    #[arg(long)]
    pub trace: bool,
    /// Add the places of a gazetteer TSV (e.g. made by `rasd gazetteer import geonames`).
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorOpts,
    /// Skip documents (JSON lines, text or HTML files) larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub time_budget: TimeBudget,
}

/// How long the extraction of one document may take.
#[derive(clap::Args, Clone, Copy)]
pub struct TimeBudget {
    /// Skip a document whose extraction takes longer than SECS seconds (0: no limit).
    #[arg(long = "time-budget", value_name = "SECS", default_value_t = rasd_extract::DEFAULT_TIME_BUDGET.as_secs_f64(), value_parser = parse_secs)]
    pub secs: f64,
}

impl TimeBudget {
    /// The budget, or none for 0.
    pub fn get(self) -> Option<Duration> {
        (self.secs > 0.0).then(|| Duration::from_secs_f64(self.secs))
    }
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && (0.0..=1e9).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number of seconds (0 for no limit)")),
    }
}

/// Arguments of `rasd explain`.
#[derive(clap::Args)]
pub struct ExplainArgs {
    /// Input file (.jsonl, .txt, .html) or `-` for JSON Lines on standard input; or the id of a
    /// stored event (ev-000123), to show why its reports were fused (as `rasd event ID`).
    pub file: String,
    /// The store that holds the event, when FILE is an event id [default: env RASD_DB, else ./rasd.db].
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// The document to explain [default: the first one].
    #[arg(long)]
    pub id: Option<String>,
    /// Publication date (YYYY-MM-DD) when the document gives none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<IsoDate>,
    /// Add the places of a gazetteer TSV.
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorOpts,
    /// Skip documents larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

fn parse_date(s: &str) -> Result<IsoDate, String> {
    IsoDate::parse(s).map_err(|e| e.to_string())
}

/// Which detector judges the candidate event words.
#[derive(clap::Args, Clone, Default)]
pub struct DetectorOpts {
    /// Use these detector weights instead of the built-in ones (made by `rasd detector train`
    /// from your own labels).
    #[arg(long, value_name = "FILE.tsv")]
    pub detector: Option<PathBuf>,
    /// Judge candidate event words with the hand-written rules alone, without the detector.
    #[arg(long, conflicts_with = "detector")]
    pub rules_only: bool,
}

/// The detector whose weights are in a file made by `rasd detector train`.
pub fn load_detector(path: &std::path::Path) -> anyhow::Result<rasd_extract::Detector> {
    let tsv = std::fs::read_to_string(path)
        .with_context(|| format!("reading detector weights {}", path.display()))?;
    let m = rasd_extract::detect::Model::parse(&tsv)
        .with_context(|| format!("reading detector weights {}", path.display()))?;
    Ok(rasd_extract::Detector::new(m))
}

fn build_pipeline(
    trace: bool,
    gazetteers: &[PathBuf],
    d: &DetectorOpts,
) -> anyhow::Result<Pipeline> {
    let mut b = Pipeline::builder().trace(trace).rules_only(d.rules_only);
    if let Some(path) = &d.detector {
        b = b.detector(load_detector(path)?);
    }
    for g in gazetteers {
        let tsv = std::fs::read_to_string(g)
            .with_context(|| format!("reading gazetteer {}", g.display()))?;
        b = b.gazetteer_tsv(tsv);
    }
    b.build().context("loading the knowledge base")
}

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

    /// Report an input that was skipped.
    fn skip(&self, line: &str) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
        self.say(line);
    }

    fn skipped(&self) -> u64 {
        self.skipped.load(Ordering::Relaxed)
    }
}

/// A document's record, serialised, or why it has none.
struct Done {
    seq: u64,
    bytes_in: u64,
    result: Result<Vec<u8>, String>,
}

/// `rasd extract`.
pub fn run(a: ExtractArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Arc::new(
        build_pipeline(a.trace, &a.gazetteer, &a.detector)?.with_time_budget(a.time_budget.get()),
    );
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        _ => Box::new(crate::out::stdout()?.lock()),
    };
    let files = if a.files.is_empty() {
        vec!["-".to_string()]
    } else {
        a.files
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
    let jobs = a.jobs.map_or_else(
        || thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    // Documents in flight at most: queued, being extracted, or waiting to be written in order.
    let window = (jobs * 16).max(64);

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
    let (done_tx, done_rx) = bounded::<Done>(window);
    let (tok_tx, tok_rx) = bounded::<()>(window);
    for _ in 0..window {
        tok_tx.send(()).context("starting")?;
    }

    let budget = Arc::new(Budget::new(IN_FLIGHT_BYTES));
    let reader = {
        let (rep, budget) = (rep.clone(), Arc::clone(&budget));
        thread::Builder::new()
            .name("rasd-read".into())
            .spawn(move || read_all(&files, opts, &rep, &tok_rx, &budget, &work_tx))?
    };
    let mut workers = Vec::with_capacity(jobs);
    for i in 0..jobs {
        let (p, rx, tx) = (Arc::clone(&pipeline), work_rx.clone(), done_tx.clone());
        let pretty = a.pretty;
        workers.push(
            thread::Builder::new()
                .name(format!("rasd-extract-{i}"))
                .spawn(move || work(&p, &rx, &tx, pretty))?,
        );
    }
    drop((work_rx, done_tx));

    let started = Instant::now();
    let written = write_in_order(&mut out, &done_rx, &tok_tx, &budget, &rep, started);
    budget.close();
    let finish = |b: &Option<ProgressBar>| {
        if let Some(b) = b {
            b.finish_and_clear();
        }
    };
    match written.and_then(|n| out.flush().map(|_| n)) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            // The reader of our output has gone (`rasd extract … | head`): stop quietly,
            // without waiting for the input to end.
            finish(&bar);
            return Ok(exit_code(&rep));
        }
        Err(e) => {
            finish(&bar);
            return Err(anyhow::Error::new(e).context("writing the records"));
        }
    }
    drop((done_rx, tok_tx));
    for w in workers {
        let _ = w.join();
    }
    let _ = reader.join();
    finish(&bar);
    Ok(exit_code(&rep))
}

fn exit_code(rep: &Reporter) -> ExitCode {
    if rep.skipped() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The reading thread: every input in turn, documents numbered in order.
fn read_all(
    files: &[String],
    opts: ReadOptions,
    rep: &Reporter,
    tokens: &Receiver<()>,
    budget: &Budget,
    work: &Sender<(u64, ReadDoc)>,
) {
    let mut seq = 0u64;
    for f in files {
        for item in Reader::open(f, opts) {
            match item {
                Ok(rd) => {
                    for w in &rd.warnings {
                        rep.say(&format!("{}: warning: {}", w.at, w.message));
                    }
                    // Wait until the document may be in flight (a token, and room for its
                    // bytes); stop when the writer has stopped.
                    if tokens.recv().is_err()
                        || !budget.take(rd.doc.text.len() as u64)
                        || work.send((seq, rd)).is_err()
                    {
                        return;
                    }
                    seq += 1;
                }
                Err(e) => rep.skip(&e.to_string()),
            }
        }
    }
}

/// A worker thread: extract, add the reader's warnings, serialise.
fn work(pipeline: &Pipeline, rx: &Receiver<(u64, ReadDoc)>, tx: &Sender<Done>, pretty: bool) {
    while let Ok((seq, rd)) = rx.recv() {
        let bytes_in = rd.doc.text.len() as u64;
        let result = match catch_unwind(AssertUnwindSafe(|| pipeline.try_extract(&rd.doc))) {
            Ok(Ok(mut record)) => {
                let reader_warnings = rd.warnings.iter().map(|w| w.message.clone());
                record.warnings.splice(0..0, reader_warnings);
                serialise(&record, pretty)
                    .map_err(|e| format!("{}: cannot serialise the record: {e}", rd.at))
            }
            Ok(Err(e)) => Err(format!("{}: {e}; skipped", rd.at)),
            Err(panic) => Err(format!(
                "{}: extraction failed ({}); skipped",
                rd.at,
                panic_message(&*panic)
            )),
        };
        if tx
            .send(Done {
                seq,
                bytes_in,
                result,
            })
            .is_err()
        {
            return;
        }
    }
}

fn serialise(record: &Record, pretty: bool) -> serde_json::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(4096);
    if pretty {
        serde_json::to_writer_pretty(&mut buf, record)?;
    } else {
        serde_json::to_writer(&mut buf, record)?;
    }
    buf.push(b'\n');
    Ok(buf)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// The writing side: records in input order through a reorder buffer bounded by the tokens.
fn write_in_order(
    out: &mut dyn Write,
    rx: &Receiver<Done>,
    tokens: &Sender<()>,
    budget: &Budget,
    rep: &Reporter,
    started: Instant,
) -> io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut next, mut docs, mut bytes) = (0u64, 0u64, 0u64);
    let mut last_tick = Instant::now();
    loop {
        let done = match rx.try_recv() {
            Ok(d) => d,
            Err(TryRecvError::Empty) => {
                // Nothing ready: let downstream see what we have before waiting.
                out.flush()?;
                match rx.recv() {
                    Ok(d) => d,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        pending.insert(done.seq, done);
        while let Some(d) = pending.remove(&next) {
            match d.result {
                Ok(b) => {
                    out.write_all(&b)?;
                    docs += 1;
                    bytes += d.bytes_in;
                }
                Err(msg) => rep.skip(&msg),
            }
            next += 1;
            budget.give(d.bytes_in);
            let _ = tokens.send(());
        }
        if let Some(b) = &rep.bar {
            if last_tick.elapsed() >= Duration::from_millis(250) {
                last_tick = Instant::now();
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                b.set_position(docs);
                b.set_message(format!(
                    "{:.1} MB/s, {} skipped",
                    bytes as f64 / 1e6 / secs,
                    rep.skipped()
                ));
            }
        }
    }
    out.flush()?;
    Ok(docs)
}

/// `rasd explain`.
pub fn explain(a: ExplainArgs) -> anyhow::Result<ExitCode> {
    let pipeline = build_pipeline(true, &a.gazetteer, &a.detector)?;
    let opts = ReadOptions {
        max_bytes: a.max_bytes,
        published: a.published,
    };
    let mut skipped = 0u64;
    let mut found = None;
    for item in Reader::open(&a.file, opts) {
        match item {
            Ok(rd) if a.id.as_ref().is_none_or(|id| *id == rd.doc.id) => {
                found = Some(rd);
                break;
            }
            Ok(_) => {}
            Err(e) => {
                skipped += 1;
                eprintln!("rasd: {e}");
            }
        }
    }
    let Some(rd) = found else {
        match &a.id {
            Some(id) => anyhow::bail!("no document with id {id:?} in {}", a.file),
            None => anyhow::bail!("no readable document in {}", a.file),
        }
    };
    for w in &rd.warnings {
        eprintln!("rasd: {}: warning: {}", w.at, w.message);
    }
    let mut record = pipeline.extract(&rd.doc);
    record
        .warnings
        .splice(0..0, rd.warnings.iter().map(|w| w.message.clone()));
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(render(&rd.doc, &record).as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e).context("writing"),
        _ => {}
    }
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text under a character span, shortened for display.
fn quote(text: &str, span: Span) -> String {
    const MAX: usize = 140;
    let len = span.end.saturating_sub(span.start);
    let s: String = text.chars().skip(span.start).take(len.min(MAX)).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if len > MAX {
        format!("«{s}…»")
    } else {
        format!("«{s}»")
    }
}

fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref()
        .map_or_else(|| "–".to_string(), |v| v.to_string())
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn location(l: &rasd_model::Location) -> String {
    let mut s = l.name.clone();
    if let Some(en) = &l.name_en {
        s += &format!(" ({en})");
    }
    let mut parts = Vec::new();
    if let Some(a) = &l.admin1 {
        parts.push(a.clone());
    }
    if let Some(c) = &l.country {
        parts.push(c.clone());
    }
    if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
        parts.push(format!("{lat:.3}, {lon:.3}"));
    }
    if let Some(p) = &l.precision {
        parts.push(json_name(p));
    }
    if let Some(id) = &l.place_id {
        parts.push(id.clone());
    }
    if !parts.is_empty() {
        s += &format!(" — {}", parts.join(", "));
    }
    s
}

/// The human-readable explanation of one record.
fn render(doc: &Document, r: &Record) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let text = &doc.text;
    let _ = writeln!(o, "document {}", r.doc.id);
    for (k, v) in [
        ("source", &r.doc.source),
        ("published", &r.doc.published),
        ("title", &r.doc.title),
        ("url", &r.doc.url),
    ] {
        if let Some(v) = v {
            let _ = writeln!(o, "  {k:<10} {v}");
        }
    }
    let _ = writeln!(
        o,
        "  {} characters: {} events, {} tolls, {} relations, {} entities, {} trace lines",
        text.chars().count(),
        r.events.len(),
        r.tolls.len(),
        r.relations.len(),
        r.entities.len(),
        r.trace.len()
    );
    // Trace lines by the record part they explain: `e1.type` → `e1`.
    let mut used = vec![false; r.trace.len()];
    let mut rules = |o: &mut String, key: &str| {
        let mut first = true;
        for (i, t) in r.trace.iter().enumerate() {
            let (head, field) = t.field.split_once('.').unwrap_or((t.field.as_str(), ""));
            if head != key {
                continue;
            }
            used[i] = true;
            let label = if first { "rules" } else { "" };
            first = false;
            let field = if field.is_empty() { "·" } else { field };
            let _ = writeln!(
                o,
                "    {label:<10} {field:<9} {}  ← {} [{}..{}]",
                t.rule,
                quote(text, t.span),
                t.span.start,
                t.span.end
            );
        }
    };
    for e in &r.events {
        let _ = writeln!(o);
        let date = match (&e.date, &e.date_text) {
            (Some(d), Some(t)) => format!("{d} ({}, from «{t}»)", json_name(&e.date_precision)),
            (Some(d), None) => format!("{d} ({})", json_name(&e.date_precision)),
            (None, _) => "date unknown".to_string(),
        };
        let _ = writeln!(o, "{}  {}  {date}", e.id, e.kind.as_str());
        if let Some(l) = &e.location {
            let _ = writeln!(o, "    {:<10} {}", "location", location(l));
        }
        if !e.actors.is_empty() {
            let actors: Vec<String> = e
                .actors
                .iter()
                .map(|a| {
                    format!(
                        "{}: {}{}",
                        json_name(&a.role),
                        a.name,
                        a.entity_id
                            .as_ref()
                            .map_or(String::new(), |id| format!(" [{id}]"))
                    )
                })
                .collect();
            let _ = writeln!(o, "    {:<10} {}", "actors", actors.join(" · "));
        }
        if !e.weapons.is_empty() || e.count.is_some() {
            let w: Vec<String> = e.weapons.iter().map(json_name).collect();
            let count = e.count.map_or(String::new(), |c| format!(" ×{c}"));
            let _ = writeln!(o, "    {:<10} {}{count}", "weapons", w.join(", "));
        }
        if e.killed.is_some() || e.injured.is_some() {
            let _ = writeln!(
                o,
                "    {:<10} killed {}, injured {}",
                "casualties",
                opt(&e.killed),
                opt(&e.injured)
            );
        }
        if !e.outcome.is_empty() {
            let w: Vec<String> = e.outcome.iter().map(json_name).collect();
            let _ = writeln!(o, "    {:<10} {}", "outcome", w.join(", "));
        }
        for (i, c) in e.claims.iter().enumerate() {
            let label = if i == 0 { "claims" } else { "" };
            let anon = if c.anonymous { " (anonymous)" } else { "" };
            let via = c
                .via
                .as_ref()
                .map_or(String::new(), |v| format!(" via {v}"));
            let _ = writeln!(
                o,
                "    {label:<10} {}: {}{anon}{via}",
                json_name(&c.stance),
                c.source
            );
        }
        if e.contradiction {
            let _ = writeln!(o, "    {:<10} yes: sources disagree", "contradiction");
        }
        for (i, s) in e.evidence.iter().enumerate() {
            let label = if i == 0 { "evidence" } else { "" };
            let _ = writeln!(
                o,
                "    {label:<10} [{}..{}] {}",
                s.start,
                s.end,
                quote(text, *s)
            );
        }
        rules(&mut o, &e.id);
    }
    for (i, t) in r.tolls.iter().enumerate() {
        let key = format!("toll{}", i + 1);
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{key}  killed {}, injured {}  as of {}",
            opt(&t.killed),
            opt(&t.injured),
            opt(&t.as_of)
        );
        if let Some(p) = &t.place {
            let _ = writeln!(o, "    {:<10} {}", "place", location(p));
        }
        if let Some(s) = &t.source {
            let _ = writeln!(o, "    {:<10} {s}", "source");
        }
        if !t.breakdown.is_empty() {
            let b: Vec<String> = t
                .breakdown
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            let _ = writeln!(o, "    {:<10} {}", "breakdown", b.join(", "));
        }
        for (i, s) in t.evidence.iter().enumerate() {
            let label = if i == 0 { "evidence" } else { "" };
            let _ = writeln!(
                o,
                "    {label:<10} [{}..{}] {}",
                s.start,
                s.end,
                quote(text, *s)
            );
        }
        rules(&mut o, &key);
    }
    if !r.relations.is_empty() {
        let _ = writeln!(o, "\nrelations");
        for rel in &r.relations {
            let ev = rel
                .evidence
                .first()
                .map_or(String::new(), |s| format!("  {}", quote(text, *s)));
            let _ = writeln!(
                o,
                "    {}: {} → {}{ev}",
                json_name(&rel.kind),
                rel.subject,
                rel.object
            );
        }
    }
    if !r.entities.is_empty() {
        let _ = writeln!(o, "\nentities");
        for en in &r.entities {
            let en_name = en
                .name_en
                .as_ref()
                .map_or(String::new(), |n| format!(" ({n})"));
            let _ = writeln!(
                o,
                "    {:<13} {}{en_name}  [{}], {} mention(s)",
                json_name(&en.kind),
                en.name,
                en.id,
                en.mentions.len()
            );
        }
    }
    let rest: Vec<_> = r
        .trace
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t)
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(o, "\nother rules");
        for t in rest {
            let _ = writeln!(
                o,
                "    {:<12} {}  ← {} [{}..{}]",
                t.field,
                t.rule,
                quote(text, t.span),
                t.span.start,
                t.span.end
            );
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(o, "\nwarnings");
        for w in &r.warnings {
            let _ = writeln!(o, "    - {w}");
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::{DocInfo, TraceLine};

    #[test]
    fn quote_takes_character_spans() {
        let t = "قال مصدر أمني إن طائرة مسيرة سقطت";
        assert_eq!(quote(t, Span::new(4, 13)), "«مصدر أمني»");
        assert_eq!(quote(t, Span::new(100, 200)), "«»");
    }

    #[test]
    fn render_groups_trace_lines_by_part() {
        let doc = Document::new("d", "أعلنت وزارة الصحة مقتل عشرة أشخاص");
        let r = Record {
            doc: DocInfo {
                id: "d".into(),
                lang: "ar".into(),
                ..Default::default()
            },
            tolls: vec![rasd_model::Toll {
                killed: Some(10),
                ..Default::default()
            }],
            trace: vec![
                TraceLine {
                    field: "toll1".into(),
                    rule: "toll cue".into(),
                    text: "مقتل".into(),
                    span: Span::new(18, 22),
                },
                TraceLine {
                    field: "x.y".into(),
                    rule: "odd".into(),
                    text: String::new(),
                    span: Span::new(0, 5),
                },
            ],
            ..Default::default()
        };
        let s = render(&doc, &r);
        assert!(s.contains("toll1  killed 10, injured –"), "{s}");
        assert!(
            s.contains("rules      ·         toll cue  ← «مقتل» [18..22]"),
            "{s}"
        );
        assert!(
            s.contains("other rules\n    x.y          odd  ← «أعلنت»"),
            "{s}"
        );
    }
}
