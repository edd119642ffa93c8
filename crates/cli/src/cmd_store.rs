//! `rasd ingest`, `rasd query`, `rasd export`, `rasd event`.
use std::process::ExitCode;

/// Arguments of `rasd ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Input files.
    pub files: Vec<String>,
}

/// Arguments of `rasd query`.
#[derive(clap::Args)]
pub struct QueryArgs {}

/// Arguments of `rasd export`.
#[derive(clap::Args)]
pub struct ExportArgs {}

/// Arguments of `rasd event`.
#[derive(clap::Args)]
pub struct EventArgs {
    /// Event id.
    pub id: String,
}

pub fn ingest(_a: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
pub fn query(_a: QueryArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
pub fn export(_a: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
pub fn event(_a: EventArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
