//! `rasd extract` and `rasd explain`.
use std::process::ExitCode;

/// Arguments of `rasd extract`.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Input files (.jsonl, .txt, .html) or `-` for JSON Lines on standard input.
    pub files: Vec<String>,
}

/// Arguments of `rasd explain`.
#[derive(clap::Args)]
pub struct ExplainArgs {
    /// Input file.
    pub file: String,
}

pub fn run(_a: ExtractArgs) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}

pub fn explain(_a: ExplainArgs) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}
