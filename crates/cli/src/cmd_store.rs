//! `rasd ingest`, `rasd query`, `rasd export`, `rasd event`: the store from the command line.
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rasd_extract::Pipeline;
use rasd_model::{Document, EventType, IsoDate, Record};
use rasd_read::{ReadOptions, Reader};
use rasd_store::{EventQuery, ExportFormat, Store};

/// Arguments of `rasd ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Input files (.jsonl, .txt, .html) or `-` for JSON Lines on standard input.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Database: a SQLite file.
    #[arg(long, default_value = "rasd.db")]
    pub db: String,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Worker threads for extraction (default: all cores).
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// Publication date for .txt and .html inputs (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<String>,
}

/// Filters shared by `query` and `export`.
#[derive(clap::Args, Clone)]
pub struct Filters {
    /// Database: a SQLite file.
    #[arg(long, default_value = "rasd.db")]
    pub db: String,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Event type (repeatable): air_drone_strike, missile_artillery, …
    #[arg(long = "type")]
    pub types: Vec<String>,
    /// Actor or target (name or entity id).
    #[arg(long)]
    pub actor: Option<String>,
    /// Country (ISO alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// Governorate.
    #[arg(long)]
    pub admin1: Option<String>,
    /// Bounding box: min_lon,min_lat,max_lon,max_lat.
    #[arg(long)]
    pub bbox: Option<String>,
    /// Full-text search over the Arabic text.
    #[arg(long)]
    pub text: Option<String>,
}

/// Arguments of `rasd query`.
#[derive(clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    filters: Filters,
    /// Output: table, json or csv.
    #[arg(long, default_value = "table")]
    format: String,
    /// Page size.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Offset.
    #[arg(long, default_value_t = 0)]
    offset: usize,
}

/// Arguments of `rasd export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    filters: Filters,
    /// acled-csv, plover-jsonl, geojson, jsonl or parquet.
    #[arg(long)]
    format: String,
    /// Output file (required for parquet; standard output otherwise).
    #[arg(short, long)]
    output: Option<String>,
}

/// Arguments of `rasd event`.
#[derive(clap::Args)]
pub struct EventArgs {
    /// Canonical event id (`ev-000001`).
    pub id: String,
    /// Database: a SQLite file.
    #[arg(long, default_value = "rasd.db")]
    pub db: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn query_of(f: &Filters) -> anyhow::Result<EventQuery> {
    let mut types = Vec::new();
    for t in &f.types {
        types.push(EventType::parse(t).with_context(|| format!("unknown event type {t:?}"))?);
    }
    let bbox = match &f.bbox {
        Some(b) => {
            let v: Vec<f64> = b.split(',').map(|x| x.trim().parse::<f64>()).collect::<Result<_, _>>().context("--bbox wants four numbers")?;
            let [a, b, c, d] = v[..] else { bail!("--bbox wants min_lon,min_lat,max_lon,max_lat") };
            Some([a, b, c, d])
        }
        None => None,
    };
    Ok(EventQuery {
        from: f.from.clone(),
        to: f.to.clone(),
        types,
        actor: f.actor.clone(),
        country: f.country.clone(),
        admin1: f.admin1.clone(),
        bbox,
        text: f.text.clone(),
        limit: 0,
        offset: 0,
    })
}

/// `rasd ingest`.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let published = match &a.published {
        Some(p) => Some(IsoDate::parse(p).with_context(|| format!("--published {p:?}"))?),
        None => None,
    };
    let opts = ReadOptions { published, ..ReadOptions::default() };
    let pipeline = Pipeline::new();
    let mut store = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    let jobs = a.jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    let bar = io::stderr().is_terminal().then(|| {
        let b = ProgressBar::new_spinner();
        b.set_style(ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
        b
    });
    let mut skipped = 0usize;
    let mut total = rasd_store::IngestStats::default();
    let mut batch: Vec<Document> = Vec::with_capacity(a.batch);
    let mut flush = |batch: &mut Vec<Document>, store: &mut Store| -> anyhow::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let records = extract_all(&pipeline, batch, jobs);
        let pairs: Vec<(Document, Record)> = batch.drain(..).zip(records).collect();
        let st = store.ingest(&pairs)?;
        total.documents += st.documents;
        total.duplicates += st.duplicates;
        total.reports += st.reports;
        total.fused += st.fused;
        total.new_events += st.new_events;
        if let Some(b) = &bar {
            b.inc(pairs.len() as u64);
        }
        Ok(())
    };
    for f in &a.files {
        for item in Reader::open(f, opts) {
            match item {
                Ok(rd) => {
                    for w in &rd.warnings {
                        eprintln!("rasd: {w}");
                    }
                    batch.push(rd.doc);
                    if batch.len() >= a.batch.max(1) {
                        flush(&mut batch, &mut store)?;
                    }
                }
                Err(e) => {
                    skipped += 1;
                    eprintln!("rasd: {e}");
                }
            }
        }
    }
    flush(&mut batch, &mut store)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let c = store.counts()?;
    eprintln!(
        "rasd: stored {} documents ({} already there, {} skipped); {} event reports, {} fused into existing events; the store holds {} events from {} documents",
        total.documents, total.duplicates, skipped, total.reports, total.fused, c.canonical_events, c.documents
    );
    Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn extract_all(p: &Pipeline, docs: &[Document], jobs: usize) -> Vec<Record> {
    let chunk = docs.len().div_ceil(jobs).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs.chunks(chunk).map(|c| s.spawn(move || c.iter().map(|d| p.extract(d)).collect::<Vec<_>>())).collect();
        // A worker that panicked is a bug in extraction; its documents get empty records.
        handles
            .into_iter()
            .zip(docs.chunks(chunk))
            .flat_map(|(h, c)| h.join().unwrap_or_else(|_| c.iter().map(|d| Record { doc: rasd_model::DocInfo { id: d.id.clone(), lang: "ar".into(), ..Default::default() }, ..Default::default() }).collect()))
            .collect()
    })
}

/// `rasd query`.
pub fn query(a: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&a.filters.db).with_context(|| format!("opening {}", a.filters.db))?;
    let mut q = query_of(&a.filters)?;
    q.limit = a.limit;
    q.offset = a.offset;
    let page = store.events(&q)?;
    let out = io::stdout();
    let mut out = out.lock();
    match a.format.as_str() {
        "json" => writeln!(out, "{}", serde_json::to_string_pretty(&page)?)?,
        "csv" => {
            writeln!(out, "id,type,date,location,country,killed,injured,contradiction,reports")?;
            for e in &page.items {
                let l = e.location.as_ref();
                writeln!(
                    out,
                    "{},{},{},\"{}\",{},{},{},{},{}",
                    e.id,
                    e.kind.as_str(),
                    e.date.clone().unwrap_or_default(),
                    l.map(|l| l.name.replace('"', "\"\"")).unwrap_or_default(),
                    l.and_then(|l| l.country.clone()).unwrap_or_default(),
                    e.killed.map(|x| x.to_string()).unwrap_or_default(),
                    e.injured.map(|x| x.to_string()).unwrap_or_default(),
                    e.contradiction,
                    e.n_reports
                )?;
            }
        }
        "table" => {
            writeln!(out, "{:<10} {:<18} {:<10} {:<4} {:>6} {:>7} {:<3} {}", "id", "type", "date", "cc", "killed", "reports", "!", "place")?;
            for e in &page.items {
                let l = e.location.as_ref();
                writeln!(
                    out,
                    "{:<10} {:<18} {:<10} {:<4} {:>6} {:>7} {:<3} {}",
                    e.id,
                    e.kind.as_str(),
                    e.date.clone().unwrap_or_default(),
                    l.and_then(|l| l.country.clone()).unwrap_or_default(),
                    e.killed.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                    e.n_reports,
                    if e.contradiction { "≠" } else { "" },
                    l.map(|l| l.name.clone()).unwrap_or_default()
                )?;
            }
            writeln!(out, "{} of {} events", page.items.len(), page.total)?;
        }
        other => bail!("unknown --format {other:?}: table, json or csv"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `rasd export`.
pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&a.filters.db).with_context(|| format!("opening {}", a.filters.db))?;
    let format: ExportFormat = a.format.parse()?;
    let q = query_of(&a.filters)?;
    let n = match &a.output {
        Some(path) => {
            let mut f = io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("creating {path}"))?);
            let n = store.export(format, &q, &mut f)?;
            f.flush()?;
            n
        }
        None if format == ExportFormat::Parquet => bail!("parquet is binary: give a file with -o"),
        None => {
            let mut out = io::BufWriter::new(io::stdout());
            let n = store.export(format, &q, &mut out)?;
            out.flush()?;
            n
        }
    };
    eprintln!("rasd: exported {n} events");
    Ok(ExitCode::SUCCESS)
}

/// `rasd event`.
pub fn event(a: EventArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    let Some(e) = store.event(&a.id)? else { bail!("no event {}", a.id) };
    let why = store.explain(&a.id)?;
    let out = io::stdout();
    let mut out = out.lock();
    if a.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({"event": e, "fusion": why}))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = &e.summary;
    writeln!(out, "{} {} {}{}", s.id, s.kind.as_str(), s.date.clone().unwrap_or_default(), if s.contradiction { "  (sources disagree)" } else { "" })?;
    if let Some(l) = &s.location {
        writeln!(out, "  at {} ({})", l.name, l.country.clone().unwrap_or_default())?;
    }
    for a in &s.actors {
        writeln!(out, "  {:?}: {}", a.role, a.name)?;
    }
    writeln!(out, "  claims:")?;
    for c in &e.claims {
        writeln!(out, "    {:?} — {} (via {}) in {}", c.claim.stance, c.claim.source, c.claim.via.clone().unwrap_or_else(|| "-".into()), c.doc_id)?;
    }
    if let Some(w) = why {
        writeln!(out, "  why these reports are one event:")?;
        for r in &w.reasons {
            writeln!(out, "    {r}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
