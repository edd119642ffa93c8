//! `rasd`: Arabic conflict news in, structured, source-attributed event data out.
//!
//! Each subcommand lives in its own module; this file only parses the command line and maps
//! errors to exit codes (0: all went through; 1: a fatal error or a command line that cannot be parsed; 2: some
//! inputs were skipped).
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod budget;
mod cmd_detector;
mod cmd_extract;
mod cmd_gazetteer;
mod cmd_serve;
mod cmd_store;
mod out;

/// rasd (رصد): turn Arabic news about armed conflict into structured, source-attributed events.
#[derive(Parser)]
#[command(name = "rasd", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str =
    "Exit status: 0 when every document was processed, 2 when some were skipped \
(each is reported on standard error with its file and line), 1 on a fatal error or a command line that cannot be parsed.";

#[derive(Subcommand)]
enum Command {
    /// Extract events, claims, tolls, relations and entities as JSON Lines (a pure, streaming filter).
    Extract(cmd_extract::ExtractArgs),
    /// Show for one document which rule produced each field, or why a stored event's reports were fused.
    Explain(cmd_extract::ExplainArgs),
    /// Run extraction and store the results in a database (SQLite by default, or PostgreSQL).
    Ingest(cmd_store::IngestArgs),
    /// Extract every stored document again (after an upgrade, or with --published) and fuse anew.
    Reextract(cmd_store::ReextractArgs),
    /// Query stored events.
    Query(cmd_store::QueryArgs),
    /// Export stored events (acled-csv, plover-jsonl, geojson, jsonl, parquet).
    Export(cmd_store::ExportArgs),
    /// Show a stored (fused) event and why its reports were fused.
    Event(cmd_store::EventArgs),
    /// Serve the JSON API and the dashboard.
    Serve(cmd_serve::ServeArgs),
    /// The learned event detector: candidates, training, report.
    Detector(cmd_detector::DetectorArgs),
    /// Manage the gazetteer (import GeoNames dumps).
    Gazetteer(cmd_gazetteer::GazetteerArgs),
}

/// `rasd explain ev-000123` explains a stored event's fusion, unless a file has that name.
fn is_event_id(arg: &str) -> bool {
    arg.strip_prefix("ev-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && !std::path::Path::new(arg).exists()
}

fn main() -> ExitCode {
    out::init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // `--help` and `--version` print and succeed; a command line that cannot be parsed is a
        // fatal error (1), never mistaken for "some inputs were skipped" (2).
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Extract(a) => cmd_extract::run(a),
        Command::Explain(a) if is_event_id(&a.file) => cmd_store::event(cmd_store::EventArgs {
            id: a.file,
            json: false,
            db: cmd_store::DbArgs {
                db: a.db,
                no_check: false,
            },
        }),
        Command::Explain(a) => cmd_extract::explain(a),
        Command::Ingest(a) => cmd_store::ingest(a),
        Command::Reextract(a) => cmd_store::reextract(a),
        Command::Query(a) => cmd_store::query(a),
        Command::Export(a) => cmd_store::export(a),
        Command::Event(a) => cmd_store::event(a),
        Command::Serve(a) => cmd_serve::run(a),
        Command::Gazetteer(a) => cmd_gazetteer::run(a),
        Command::Detector(a) => cmd_detector::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
