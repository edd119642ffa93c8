//! `rasd detector`: the learned event detector's candidates, training and report.
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use rasd_extract::Pipeline;
use rasd_read::{ReadOptions, Reader, DEFAULT_MAX_BYTES};

/// Arguments of `rasd detector`.
#[derive(clap::Args)]
pub struct DetectorArgs {
    #[command(subcommand)]
    cmd: DetectorCmd,
}

#[derive(clap::Subcommand)]
enum DetectorCmd {
    /// List the candidate event words of documents (JSON Lines: document id, character offsets
    /// of the word and of its sentence, the lexicon's kind): what labels refer to.
    Candidates {
        /// Input files (.jsonl, .txt, .html) or `-`.
        files: Vec<String>,
    },
}

/// Run `rasd detector`.
pub fn run(a: DetectorArgs) -> anyhow::Result<ExitCode> {
    match a.cmd {
        DetectorCmd::Candidates { files } => candidates(files),
    }
}

fn candidates(files: Vec<String>) -> anyhow::Result<ExitCode> {
    let p = Pipeline::new();
    let files = if files.is_empty() {
        vec!["-".to_string()]
    } else {
        files
    };
    let opts = ReadOptions {
        max_bytes: DEFAULT_MAX_BYTES,
        published: None,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut skipped = 0u64;
    for f in &files {
        for item in Reader::open(f, opts.clone()) {
            let rd = match item {
                Ok(rd) => rd,
                Err(e) => {
                    skipped += 1;
                    eprintln!("rasd: {e}");
                    continue;
                }
            };
            for (t, s, value) in p.candidates(&rd.doc) {
                let line = serde_json::json!({
                    "doc": rd.doc.id, "start": t.start, "end": t.end,
                    "sent_start": s.start, "sent_end": s.end, "value": value,
                });
                writeln!(out, "{line}").context("writing")?;
            }
        }
    }
    out.flush().context("writing")?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
