//! `rasd serve`.
use std::process::ExitCode;

/// Arguments of `rasd serve`.
#[derive(clap::Args)]
pub struct ServeArgs {}

pub fn run(_a: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
