//! `rasd gazetteer import geonames`: build a gazetteer TSV (the `data/places.tsv` format) from
//! the GeoNames dumps.
//!
//! Inputs are the two tab-separated dumps of <https://www.geonames.org/> (fetched by the user;
//! rasd downloads nothing):
//!
//! * `allCountries.txt` (or a per-country file such as `IQ.txt`), 19 columns: geonameid, name,
//!   asciiname, alternatenames, latitude, longitude, feature class, feature code, country code,
//!   cc2, admin1 code, admin2 code, admin3, admin4, population, elevation, dem, timezone,
//!   modification date;
//! * `alternateNamesV2.txt`, 10 columns: alternateNameId, geonameid, isolanguage, alternate
//!   name, isPreferredName, isShortName, isColloquial, isHistoric, from, to (the older 8-column
//!   `alternateNames.txt` is read too).
//!
//! What is kept: populated places (class `P` → `locality`, except historical and abandoned
//! ones), first- and second-order divisions (`ADM1` → `admin1`, `ADM2` → `admin2`), independent
//! countries (`PCLI` → `country`) and facilities (airports and airbases, military bases and
//! installations, oil and gas fields, ports, camps, border and customs posts, dams, hospitals,
//! prisons, power stations → `facility`), with their Arabic names (`isolanguage = ar`, neither
//! historic nor colloquial; the preferred one becomes `name_ar`).
//!
//! Memory stays bounded by what is kept, not by the size of the dumps:
//!
//! 1. the alternate names file (≈ 700 MB in reality) is streamed first and only its Arabic
//!    names are kept, in a map keyed by geonameid;
//! 2. `allCountries.txt` is then streamed once. A row's `admin1` column must name the row of its
//!    ADM1 (`gn:<id>`), found by country + admin1 code. The dump is ordered by geonameid, not by
//!    level, so an ADM1 row may come after its places. Rather than reading the file twice (the
//!    input is a stream, not a seekable file) or buffering every row, a row is written at once
//!    when its ADM1 is already known, and held back otherwise; an ADM1 row releases the rows
//!    that waited for it, and rows whose ADM1 never comes are written at the end without one. ADM1 rows carry low geonameids (they were among the first entries),
//!    so in practice few rows wait; the maximum is reported in [`ImportStats::held_back_max`].
//!
//! Malformed lines are counted and skipped; a file none of whose first
//! [`FORMAT_PROBE_LINES`] lines can be read is rejected as not being a GeoNames dump.
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead, Write};

use super::PLACES_COLUMNS;

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// ISO 3166-1 alpha-2 codes to keep (any case); empty keeps every country.
    pub countries: Vec<String>,
    /// Smallest population of a populated place to keep (0 keeps all). Countries, admin
    /// divisions and facilities are not filtered by population.
    pub min_population: u64,
}

/// What an import read and wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Lines read from the alternate names file.
    pub alternate_lines: u64,
    /// Arabic alternate names kept (historic and colloquial ones excluded).
    pub arabic_names: u64,
    /// Lines read from the places file (`allCountries.txt`).
    pub lines_read: u64,
    /// Places written.
    pub places_written: u64,
    /// Of which countries, admin1, admin2, localities and facilities.
    pub by_kind: [u64; 5],
    /// Written places with at least one Arabic name.
    pub with_arabic: u64,
    /// Written places whose `admin1` was resolved to an ADM1 row.
    pub admin1_resolved: u64,
    /// Malformed lines skipped, in both files.
    pub skipped_lines: u64,
    /// Places of another feature class or code.
    pub skipped_feature: u64,
    /// Places outside the selected countries or below the minimum population.
    pub skipped_filter: u64,
    /// Localities and facilities without any Arabic name (skipped: rasd reads Arabic).
    pub skipped_no_arabic: u64,
    /// Largest number of rows held back at once, waiting for their ADM1 row.
    pub held_back_max: u64,
}

impl fmt::Display for ImportStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [c, a1, a2, l, fac] = self.by_kind;
        writeln!(
            f,
            "alternate names: {} lines read, {} Arabic names kept",
            self.alternate_lines, self.arabic_names
        )?;
        writeln!(
            f,
            "places: {} lines read, {} written ({c} countries, {a1} admin1, {a2} admin2, {l} localities, {fac} facilities)",
            self.lines_read, self.places_written
        )?;
        writeln!(
            f,
            "        {} with an Arabic name, {} with their admin1 resolved, at most {} held back for a later ADM1",
            self.with_arabic, self.admin1_resolved, self.held_back_max
        )?;
        write!(
            f,
            "skipped: {} malformed lines, {} other features, {} filtered out, {} without an Arabic name",
            self.skipped_lines, self.skipped_feature, self.skipped_filter, self.skipped_no_arabic
        )
    }
}

/// What can go wrong importing GeoNames dumps. Malformed lines are not errors: they are
/// counted in [`ImportStats::skipped_lines`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GeonamesError {
    /// An input could not be read.
    #[error("{file}: line {line}: {source}")]
    Read {
        /// Which input: `alternate names` or `places`.
        file: &'static str,
        /// 1-based number of the line being read.
        line: u64,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// An input is not in the GeoNames dump format.
    #[error("{file}: line {line}: not a GeoNames dump: {msg}")]
    Format {
        /// Which input.
        file: &'static str,
        /// 1-based line number at which the import gave up.
        line: u64,
        /// What was expected.
        msg: String,
    },
    /// The output could not be written.
    #[error("writing the gazetteer: {0}")]
    Write(#[source] io::Error),
}

/// A file whose first this many non-empty lines are all malformed is rejected.
pub const FORMAT_PROBE_LINES: u64 = 1000;

const ALT_FILE: &str = "alternate names";
const PLACES_FILE: &str = "places";

/// One Arabic name of a place.
#[derive(Debug)]
struct ArName {
    name: String,
    preferred: bool,
    short: bool,
}

/// Import GeoNames dumps into a gazetteer TSV with the header [`PLACES_COLUMNS`].
///
/// ```
/// use rasd_extract::kb::geonames::{import, ImportOptions};
/// let places = "98182\tBaghdad\tBaghdad\t\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t41\tAsia/Baghdad\t2020-01-01\n";
/// let alternate = "1\t98182\tar\tبغداد\t1\t\t\t\t\t\n";
/// let mut out = Vec::new();
/// let stats = import(places.as_bytes(), alternate.as_bytes(), &ImportOptions::default(), &mut out).unwrap();
/// assert_eq!(stats.places_written, 1);
/// assert!(String::from_utf8(out).unwrap().contains("gn:98182\tlocality\tبغداد\tBaghdad"));
/// ```
pub fn import<R1: BufRead, R2: BufRead, W: Write>(
    all_countries: R1,
    alternate_names: R2,
    opts: &ImportOptions,
    out: W,
) -> Result<ImportStats, GeonamesError> {
    let mut stats = ImportStats::default();
    let arabic = read_alternate_names(alternate_names, &mut stats)?;
    let countries: Vec<String> = opts
        .countries
        .iter()
        .map(|c| c.trim().to_uppercase())
        .collect();
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    writeln!(w, "{}", PLACES_COLUMNS.join("\t")).map_err(GeonamesError::Write)?;
    let mut wait = Admin1Wait::default();
    let mut lines = Lines::new(all_countries, PLACES_FILE);
    let mut good = 0u64;
    while let Some(line) = lines.next_line()? {
        stats.lines_read += 1;
        let Some(row) = parse_place(line) else {
            stats.skipped_lines += 1;
            lines.check_format(good, "19 tab-separated columns: geonameid, name, …, latitude, longitude, feature class, feature code, country code, …")?;
            continue;
        };
        good += 1;
        if let Some(out_row) = out_row(&row, &arabic, &countries, opts, &mut stats) {
            wait.place(&row, out_row, &mut w, &mut stats)?;
        }
    }
    wait.finish(&mut w)?;
    w.flush().map_err(GeonamesError::Write)?;
    Ok(stats)
}

/// The output row of a place line, or `None` (counted in `stats`) when its feature, the
/// options or the lack of an Arabic name leave it out.
fn out_row(
    row: &PlaceRow,
    arabic: &HashMap<u64, Vec<ArName>>,
    countries: &[String],
    opts: &ImportOptions,
    stats: &mut ImportStats,
) -> Option<OutRow> {
    let Some(kind) = kind_of(row.class, row.code) else {
        stats.skipped_feature += 1;
        return None;
    };
    if !countries.is_empty() && !countries.iter().any(|c| c == row.country) {
        stats.skipped_filter += 1;
        return None;
    }
    if kind == Kind::Locality && row.population < opts.min_population {
        stats.skipped_filter += 1;
        return None;
    }
    let names = arabic.get(&row.id).map(Vec::as_slice).unwrap_or(&[]);
    let (name_ar, aliases_ar) = arabic_names(names);
    if name_ar.is_none() && matches!(kind, Kind::Locality | Kind::Admin2 | Kind::Facility) {
        stats.skipped_no_arabic += 1;
        return None;
    }
    let name_en = clean(row.name);
    let mut aliases_en = Vec::new();
    let ascii = clean(row.asciiname);
    if !ascii.is_empty() && ascii != name_en {
        aliases_en.push(ascii);
    }
    stats.places_written += 1;
    stats.by_kind[kind as usize] += 1;
    if names.iter().any(|n| !clean(&n.name).is_empty()) {
        stats.with_arabic += 1;
    }
    Some(OutRow {
        id: row.id,
        kind,
        name_ar: name_ar.unwrap_or_else(|| name_en.clone()),
        name_en,
        aliases_ar: aliases_ar.join("|"),
        aliases_en: aliases_en.join("|"),
        country: row.country.to_string(),
        lat: row.lat.to_string(),
        lon: row.lon.to_string(),
        population: row.population,
    })
}

/// Rows that wait for the ADM1 row of their admin1 code before they can be written.
#[derive(Default)]
struct Admin1Wait {
    /// (country, admin1 code) → geonameid of the ADM1 row.
    adm1: HashMap<(String, String), u64>,
    /// Rows waiting for their ADM1 row, by (country, admin1 code).
    held: HashMap<(String, String), Vec<OutRow>>,
    /// How many rows wait now.
    held_now: u64,
}

impl Admin1Wait {
    /// Write the output row of `row` with its admin1 id, or hold it back until its ADM1 row
    /// comes; an ADM1 row releases the rows that waited for it.
    fn place<W: Write>(
        &mut self,
        row: &PlaceRow,
        line_out: OutRow,
        w: &mut W,
        stats: &mut ImportStats,
    ) -> Result<(), GeonamesError> {
        let kind = line_out.kind;
        let mut released = Vec::new();
        if kind == Kind::Admin1 && has_admin1_code(row.admin1) {
            let key = (row.country.to_string(), row.admin1.to_string());
            if let Entry::Vacant(e) = self.adm1.entry(key) {
                released = self.held.remove(e.key()).unwrap_or_default();
                e.insert(row.id);
            }
        }
        let needs_admin1 =
            !matches!(kind, Kind::Country | Kind::Admin1) && has_admin1_code(row.admin1);
        if !needs_admin1 {
            line_out.write(w, None)?;
            self.held_now -= released.len() as u64;
            for r in released {
                stats.admin1_resolved += 1;
                r.write(w, Some(row.id))?;
            }
            return Ok(());
        }
        let key = (row.country.to_string(), row.admin1.to_string());
        match self.adm1.get(&key) {
            Some(&a) => {
                stats.admin1_resolved += 1;
                line_out.write(w, Some(a))?;
            }
            None => {
                self.held.entry(key).or_default().push(line_out);
                self.held_now += 1;
                stats.held_back_max = stats.held_back_max.max(self.held_now);
            }
        }
        Ok(())
    }

    /// Write the rows whose ADM1 never came, with an empty admin1, in id order.
    fn finish<W: Write>(self, w: &mut W) -> Result<(), GeonamesError> {
        let mut rest: Vec<OutRow> = self.held.into_values().flatten().collect();
        rest.sort_by_key(|r| r.id);
        for r in rest {
            r.write(w, None)?;
        }
        Ok(())
    }
}

/// Stream the alternate names, keeping the Arabic ones.
fn read_alternate_names<R: BufRead>(
    r: R,
    stats: &mut ImportStats,
) -> Result<HashMap<u64, Vec<ArName>>, GeonamesError> {
    let mut map: HashMap<u64, Vec<ArName>> = HashMap::new();
    let mut lines = Lines::new(r, ALT_FILE);
    let mut good = 0u64;
    while let Some(line) = lines.next_line()? {
        stats.alternate_lines += 1;
        let mut cols = line.split('\t');
        let (Some(alt_id), Some(id), Some(lang), Some(name)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            stats.skipped_lines += 1;
            lines.check_format(
                good,
                "tab-separated columns: alternateNameId, geonameid, isolanguage, alternate name, …",
            )?;
            continue;
        };
        let (Ok(_), Ok(id)) = (alt_id.trim().parse::<u64>(), id.trim().parse::<u64>()) else {
            stats.skipped_lines += 1;
            lines.check_format(good, "numeric alternateNameId and geonameid")?;
            continue;
        };
        good += 1;
        if lang != "ar" {
            continue;
        }
        let flag = |c: Option<&str>| c.is_some_and(|v| v.trim() == "1");
        let (preferred, short, colloquial, historic) = (
            flag(cols.next()),
            flag(cols.next()),
            flag(cols.next()),
            flag(cols.next()),
        );
        if colloquial || historic {
            continue;
        }
        let name = clean(name);
        if name.is_empty() {
            continue;
        }
        stats.arabic_names += 1;
        map.entry(id).or_default().push(ArName {
            name,
            preferred,
            short,
        });
    }
    Ok(map)
}

/// The canonical Arabic name (preferred, else the first full name, else a short one) and the
/// other Arabic names, without repeats.
fn arabic_names(names: &[ArName]) -> (Option<String>, Vec<String>) {
    let best = names
        .iter()
        .enumerate()
        .min_by_key(|(i, n)| (!n.preferred, n.short, *i))
        .map(|(_, n)| n.name.clone());
    let Some(best) = best else {
        return (None, Vec::new());
    };
    let mut aliases: Vec<String> = Vec::new();
    for n in names {
        if n.name != best && !aliases.contains(&n.name) {
            aliases.push(n.name.clone());
        }
    }
    (Some(best), aliases)
}

/// A name fit for a TSV cell and for the matcher: no tabs, bars or line breaks, no
/// parenthesised qualifier, no trailing matcher syntax (`*`, `+`), single spaces.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '\t' | '|' | '\n' | '\r' => out.push(' '),
            // Direction marks («حفر الباطن\u{200e}») are no part of a name.
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => {}
            c => out.push(c),
        }
    }
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(['*', '+']).trim().to_string()
}

fn has_admin1_code(code: &str) -> bool {
    !code.is_empty() && code != "00"
}

/// Output kinds, in the order of [`ImportStats::by_kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country = 0,
    Admin1 = 1,
    Admin2 = 2,
    Locality = 3,
    Facility = 4,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Locality => "locality",
            Kind::Facility => "facility",
        }
    }
}

/// Facility feature codes (GeoNames files some under class S, others under L).
const FACILITY_CODES: &[&str] = &[
    "AIRB", "AIRF", "AIRH", "AIRP", "MILB", "NVB", "INSM", "BRKS", "FT", "OILF", "GASF", "OILR",
    "OILT", "OILJ", "PRT", "PO", "CMP", "CMPRF", "PSTB", "PSTC", "PSTP", "DAM", "HSP", "HSPC",
    "HSPD", "PRN", "PS", "PSN", "PSH",
];

fn kind_of(class: &str, code: &str) -> Option<Kind> {
    match class {
        "P" if !matches!(code, "PPLH" | "PPLQ") => Some(Kind::Locality),
        "A" => match code {
            "PCLI" => Some(Kind::Country),
            "ADM1" => Some(Kind::Admin1),
            "ADM2" => Some(Kind::Admin2),
            _ => None,
        },
        "S" | "L" if FACILITY_CODES.contains(&code) => Some(Kind::Facility),
        _ => None,
    }
}

/// The columns of an `allCountries.txt` line that the import uses.
struct PlaceRow<'a> {
    id: u64,
    name: &'a str,
    asciiname: &'a str,
    lat: f64,
    lon: f64,
    class: &'a str,
    code: &'a str,
    country: &'a str,
    admin1: &'a str,
    population: u64,
}

fn parse_place(line: &str) -> Option<PlaceRow<'_>> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() < 15 {
        return None;
    }
    let id = c[0].trim().parse().ok()?;
    let lat: f64 = c[4].trim().parse().ok()?;
    let lon: f64 = c[5].trim().parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let country = c[8].trim();
    if !(country.is_empty()
        || (country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())))
    {
        return None;
    }
    let population = match c[14].trim() {
        "" => 0,
        p => p.parse().ok()?,
    };
    Some(PlaceRow {
        id,
        name: c[1],
        asciiname: c[2],
        lat,
        lon,
        class: c[6].trim(),
        code: c[7].trim(),
        country,
        admin1: c[10].trim(),
        population,
    })
}

/// A row ready to be written, but for its admin1 id.
struct OutRow {
    id: u64,
    kind: Kind,
    name_ar: String,
    name_en: String,
    aliases_ar: String,
    aliases_en: String,
    country: String,
    lat: String,
    lon: String,
    population: u64,
}

impl OutRow {
    fn write<W: Write>(&self, w: &mut W, admin1: Option<u64>) -> Result<(), GeonamesError> {
        let admin1 = admin1.map(|a| format!("gn:{a}")).unwrap_or_default();
        writeln!(
            w,
            "gn:{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.id,
            self.kind.as_str(),
            self.name_ar,
            self.name_en,
            self.aliases_ar,
            self.aliases_en,
            self.country,
            admin1,
            self.lat,
            self.lon,
            self.population
        )
        .map_err(GeonamesError::Write)
    }
}

/// Lines of an input, read into one reused buffer; invalid UTF-8 lines come back empty and are
/// then malformed.
struct Lines<R> {
    r: R,
    file: &'static str,
    buf: Vec<u8>,
    line: u64,
    bad: u64,
}

impl<R: BufRead> Lines<R> {
    fn new(r: R, file: &'static str) -> Self {
        Lines {
            r,
            file,
            buf: Vec::with_capacity(1024),
            line: 0,
            bad: 0,
        }
    }

    /// The next non-empty, non-comment line, without its line break.
    fn next_line(&mut self) -> Result<Option<&str>, GeonamesError> {
        loop {
            self.buf.clear();
            self.line += 1;
            let n =
                self.r
                    .read_until(b'\n', &mut self.buf)
                    .map_err(|source| GeonamesError::Read {
                        file: self.file,
                        line: self.line,
                        source,
                    })?;
            if n == 0 {
                return Ok(None);
            }
            while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                self.buf.pop();
            }
            if self.buf.is_empty() || self.buf.first() == Some(&b'#') {
                continue;
            }
            // Invalid UTF-8 becomes an empty line, which every parser rejects.
            return Ok(Some(std::str::from_utf8(&self.buf).unwrap_or("")));
        }
    }

    /// Give up when the first lines of a file are all malformed.
    fn check_format(&mut self, good: u64, msg: &str) -> Result<(), GeonamesError> {
        self.bad += 1;
        if good == 0 && self.bad >= FORMAT_PROBE_LINES {
            return Err(GeonamesError::Format {
                file: self.file,
                line: self.line,
                msg: msg.to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(clean($input), $expected);
            }
        };
    }

    t!(clean_keeps_plain_names, "الرمادي", "الرمادي");
    t!(clean_drops_qualifiers, "الرمادي (مدينة)", "الرمادي");
    t!(
        clean_replaces_separators,
        "عين\tالأسد|قاعدة",
        "عين الأسد قاعدة"
    );
    t!(clean_drops_matcher_syntax, "حلب+", "حلب");
    t!(clean_folds_spaces, "  دير   الزور ", "دير الزور");

    #[test]
    fn preferred_name_wins_then_full_then_short() {
        let n = |name: &str, preferred, short| ArName {
            name: name.into(),
            preferred,
            short,
        };
        let (best, aliases) = arabic_names(&[
            n("أ", false, true),
            n("ب", false, false),
            n("ج", true, false),
        ]);
        assert_eq!(best.as_deref(), Some("ج"));
        assert_eq!(aliases, vec!["أ", "ب"]);
        let (best, _) = arabic_names(&[n("أ", false, true), n("ب", false, false)]);
        assert_eq!(best.as_deref(), Some("ب"));
        assert_eq!(arabic_names(&[]).0, None);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("P", "PPL"), Some(Kind::Locality));
        assert_eq!(kind_of("P", "PPLH"), None);
        assert_eq!(kind_of("A", "ADM1"), Some(Kind::Admin1));
        assert_eq!(kind_of("A", "ADM3"), None);
        assert_eq!(kind_of("S", "AIRB"), Some(Kind::Facility));
        assert_eq!(kind_of("L", "OILF"), Some(Kind::Facility));
        assert_eq!(kind_of("H", "STM"), None);
    }
}
