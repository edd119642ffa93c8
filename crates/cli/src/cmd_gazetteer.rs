//! `rasd gazetteer import geonames`: a gazetteer TSV from the GeoNames dumps, loadable with
//! `rasd extract --gazetteer OUT.tsv`.
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_extract::kb::geonames::{import, ImportOptions};

/// Arguments of `rasd gazetteer`.
#[derive(clap::Args)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(clap::Subcommand)]
enum GazetteerCommand {
    /// Build a gazetteer TSV from a downloaded dump.
    Import(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
    #[command(subcommand)]
    source: ImportSource,
}

#[derive(clap::Subcommand)]
enum ImportSource {
    /// GeoNames dumps (allCountries.txt or a country file such as IQ.txt, and alternateNamesV2.txt).
    #[command(
        after_help = "The dumps come from https://download.geonames.org/export/dump/ (fetched by you: \
rasd downloads nothing). Places are kept with their Arabic names; the summary goes to standard error.\n\n\
Example:\n  rasd gazetteer import geonames allCountries.txt alternateNamesV2.txt --countries IQ,SY -o places-iq-sy.tsv\n  \
rasd extract --gazetteer places-iq-sy.tsv news.jsonl"
    )]
    Geonames(GeonamesArgs),
}

#[derive(clap::Args)]
struct GeonamesArgs {
    /// The places dump (allCountries.txt, or IQ.txt…).
    all_countries: PathBuf,
    /// The alternate names dump (alternateNamesV2.txt or alternateNames.txt).
    alternate_names: PathBuf,
    /// Write the TSV to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only these countries (ISO 3166-1 alpha-2 codes, comma-separated).
    #[arg(long, value_name = "IQ,SY,...", value_delimiter = ',')]
    countries: Vec<String>,
    /// Keep only populated places with at least N inhabitants (divisions and facilities are kept).
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_population: u64,
}

fn open(p: &Path) -> anyhow::Result<BufReader<File>> {
    let f = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
    Ok(BufReader::with_capacity(1 << 20, f))
}

/// `rasd gazetteer …`.
pub fn run(a: GazetteerArgs) -> anyhow::Result<ExitCode> {
    let GazetteerCommand::Import(ImportArgs {
        source: ImportSource::Geonames(g),
    }) = a.command;
    let all = open(&g.all_countries)?;
    let alt = open(&g.alternate_names)?;
    let countries: Vec<String> = g
        .countries
        .iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    if let Some(bad) = countries
        .iter()
        .find(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
    {
        anyhow::bail!("--countries: {bad:?} is not a two-letter country code");
    }
    let opts = ImportOptions {
        countries,
        min_population: g.min_population,
    };
    let out: Box<dyn Write> = match &g.output {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        _ => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let stats = import(all, alt, &opts, &mut out).context("importing GeoNames")?;
    out.flush().context("writing the gazetteer")?;
    eprintln!("{stats}");
    if let Some(p) = &g.output {
        eprintln!(
            "rasd: wrote {}; use it with `rasd extract --gazetteer {}`",
            p.display(),
            p.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
