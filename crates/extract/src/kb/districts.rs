//! `rasd gazetteer import districts`: the districts of the region's wars (Yemen's «مديريات»,
//! Syria's «نواحي», Iraq's «أقضية», Afghanistan's and Somalia's districts) as `admin2` rows.
//!
//! The source is a gazetteer TSV in the [`PLACES_COLUMNS`] format (`data/places-districts-source.tsv`,
//! made by `scripts/gazetteer-districts.py` from the geoBoundaries centroids and the Arabic names
//! written by hand in `data/places-districts-names.tsv`). The import keeps its rows as `admin2`
//! and drops the names that would do harm in running text, by the same rules as the GeoNames
//! import ([`Reserved::name_verdict`]):
//!
//! * names of the built-in rows (hand rows, countries, GeoNames towns) stay theirs: a district
//!   named after its seat town is found as the town;
//! * names that are words the rules read, actor or given names, too short, or reviewed out are
//!   dropped; names reviewed cue-only, or marked cue-only in the source (`~`), are matched only
//!   after a cue («مديرية»، «في»…);
//! * a name that two districts of different countries share is dropped from both; one that two
//!   districts of the same admin1 share (the two halves of one district) stays the first's.
//!
//! A district left without a name is left out. The output keeps the source's order, so the same
//! source gives the same bytes.
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, Write};

use super::geonamescache::{name_key, CacheError, NameVerdict, Reserved};
use super::{KbError, Knowledge, PlaceKind, CUE_ONLY_MARK, PLACES_COLUMNS};

/// What an import of districts did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistrictStats {
    /// Rows of the source.
    pub rows_read: u64,
    /// Rows written.
    pub rows_written: u64,
    /// Names written.
    pub names_written: u64,
    /// Names dropped as a word, an actor or given name, too short or reviewed out.
    pub names_reserved: u64,
    /// Names dropped because a built-in place carries them.
    pub names_of_builtin: u64,
    /// Names dropped because districts of two countries share them.
    pub names_shared: u64,
    /// Names dropped because an earlier district of the same admin1 carries them (the two
    /// halves of one district).
    pub names_repeated: u64,
    /// Names kept cue-only.
    pub names_cue_only: u64,
}

impl fmt::Display for DistrictStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "rasd: {} districts read, {} written with {} names ({} cue-only); names dropped: \
             {} reserved, {} of built-in places, {} shared across countries, {} repeated in an admin1",
            self.rows_read,
            self.rows_written,
            self.names_written,
            self.names_cue_only,
            self.names_reserved,
            self.names_of_builtin,
            self.names_shared,
            self.names_repeated
        )
    }
}

/// Import the districts of `source` (a gazetteer TSV) against the reserved names, writing a
/// gazetteer TSV of `admin2` rows.
///
/// ```
/// use rasd_extract::kb::districts::import;
/// use rasd_extract::kb::geonamescache::Reserved;
/// use rasd_extract::kb::Knowledge;
/// let src = "gb:1\tadmin2\tالسدة\tAs Saddah\t~مديرية السدة\t\tYE\tYE.ibb\t14.2\t44.3\t0\n";
/// let reserved = Reserved::new(&Knowledge::default(), "").unwrap();
/// let mut out = Vec::new();
/// let stats = import(src, &reserved, &mut out).unwrap();
/// assert_eq!(stats.rows_written, 1);
/// assert!(String::from_utf8(out).unwrap().contains("gb:1\tadmin2\tالسدة\tAs Saddah\t~مديرية السدة"));
/// ```
pub fn import<W: Write>(
    source: &str,
    reserved: &Reserved,
    out: W,
) -> Result<DistrictStats, CacheError> {
    let mut kb = Knowledge::default();
    kb.add_places_tsv(source)
        .map_err(|e: KbError| CacheError::Format(e.to_string()))?;
    let mut stats = DistrictStats {
        rows_read: kb.places.len() as u64,
        ..Default::default()
    };
    // Each name key: the countries of the districts that carry it.
    let mut countries: HashMap<String, Vec<&str>> = HashMap::new();
    for p in &kb.places {
        for n in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
            let v = countries.entry(name_key(n)).or_default();
            if !v.contains(&p.country.as_str()) {
                v.push(&p.country);
            }
        }
    }
    // Names already written, with their country and admin1.
    let mut written: HashSet<(String, String, Option<String>)> = HashSet::new();
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    writeln!(w, "{}", PLACES_COLUMNS.join("\t")).map_err(CacheError::Write)?;
    writeln!(
        w,
        "# The districts of the region's wars: centroids from geoBoundaries (CC BY 4.0), Arabic \
         names written by hand; imported by `rasd gazetteer import districts`: do not edit, see \
         data/README.md"
    )
    .map_err(CacheError::Write)?;
    for p in &kb.places {
        let mut names: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for n in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
            let k = name_key(n);
            if keys.contains(&k) {
                continue;
            }
            keys.push(k.clone());
            let cue = n.starts_with(CUE_ONLY_MARK);
            let bare = n.trim_start_matches(CUE_ONLY_MARK);
            match reserved.name_verdict(&k) {
                NameVerdict::Reserved => stats.names_reserved += 1,
                NameVerdict::OfHand => stats.names_of_builtin += 1,
                _ if countries.get(&k).is_some_and(|c| c.len() > 1) => stats.names_shared += 1,
                _ if !written.insert((k.clone(), p.country.clone(), p.admin1.clone())) => {
                    stats.names_repeated += 1
                }
                NameVerdict::Cue => {
                    stats.names_cue_only += 1;
                    names.push(format!("{CUE_ONLY_MARK}{bare}"));
                }
                NameVerdict::Keep if cue => {
                    stats.names_cue_only += 1;
                    names.push(n.clone());
                }
                NameVerdict::Keep => names.push(n.clone()),
            }
        }
        // A cue-only name is no canonical name when a plain one exists.
        names.sort_by_key(|n| n.starts_with(CUE_ONLY_MARK));
        let Some((first, rest)) = names.split_first() else {
            continue;
        };
        stats.rows_written += 1;
        stats.names_written += names.len() as u64;
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}",
            p.id,
            PlaceKind::Admin2.as_str(),
            first,
            p.name_en,
            rest.join("|"),
            p.aliases_en.join("|"),
            p.country,
            p.admin1.as_deref().unwrap_or_default(),
            p.lat,
            p.lon,
            p.population
        )
        .map_err(CacheError::Write)?;
    }
    w.flush().map_err(CacheError::Write)?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str, builtin: &str) -> (String, DistrictStats) {
        let mut kb = Knowledge::default();
        kb.add_places_tsv(builtin).expect("builtin");
        let reserved = Reserved::new(&kb, "cue\tالوادي\n").expect("reserved");
        let mut out = Vec::new();
        let stats = import(src, &reserved, &mut out).expect("import");
        (String::from_utf8(out).expect("utf8"), stats)
    }

    #[test]
    fn names_of_builtin_places_and_shared_names_are_dropped() {
        let builtin = "YE.yarim\tlocality\tيريم\tYarim\t\t\tYE\tYE.ibb\t14.3\t44.4\t0\n";
        let src = "gb:1\tadmin2\tيريم\tYarim\t\t\tYE\tYE.ibb\t14.3\t44.4\t0\n\
                   gb:2\tadmin2\tالسدة\tAs Saddah\t\t\tYE\tYE.ibb\t14.2\t44.3\t0\n\
                   gb:3\tadmin2\tكرسنان\tKarsanan\t\t\tYE\tYE.ibb\t14.2\t44.3\t0\n\
                   gb:4\tadmin2\tكرسنان\tKarsanan\tحي البلدة\t\tSO\t\t2.0\t45.0\t0\n\
                   gb:5\tadmin2\tالوادي\tWadi\t\t\tYE\tYE.hadramawt\t15.9\t48.8\t0\n\
                   gb:6\tadmin2\tالوادي\tWadi East\t\t\tYE\tYE.hadramawt\t15.9\t48.9\t0\n";
        let (out, stats) = run(src, builtin);
        assert!(!out.contains("gb:1\t"), "{out}");
        assert!(out.contains("gb:2\tadmin2\tالسدة\tAs Saddah"), "{out}");
        assert!(!out.contains("gb:3\t"), "{out}");
        assert!(
            out.contains("gb:4\tadmin2\tحي البلدة\tKarsanan\t\t"),
            "{out}"
        );
        assert!(out.contains("gb:5\tadmin2\t~الوادي"), "{out}");
        assert!(!out.contains("gb:6\t"), "{out}");
        assert_eq!(stats.names_repeated, 1);
        assert_eq!(stats.rows_read, 6);
        assert_eq!(stats.rows_written, 3);
        assert_eq!(stats.names_of_builtin, 1);
        assert_eq!(stats.names_shared, 2);
    }

    #[test]
    fn a_cue_only_name_of_the_source_stays_cue_only_and_second() {
        let src = "gb:7\tadmin2\t~سلام\tSalam\tبلدة سلام\t\tAF\tAF.kunar\t35.0\t71.0\t0\n";
        let (out, _) = run(src, "");
        assert!(
            out.contains("gb:7\tadmin2\tبلدة سلام\tSalam\t~سلام\t"),
            "{out}"
        );
    }
}
