//! `rasd gazetteer import geonames`.
use std::process::ExitCode;

/// Arguments of `rasd gazetteer`.
#[derive(clap::Args)]
pub struct GazetteerArgs {}

pub fn run(_a: GazetteerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
