//! Validation of the built-in knowledge: `data/actors.toml`, `data/places.tsv` and the places
//! imported from GeoNames, `data/places-geonames.tsv`.
//!
//! Every rule checked here is documented in `data/README.md`; when a test fails, its message
//! names the entries and the rule.
use std::collections::{HashMap, HashSet};

use rasd_extract::kb::{
    Actor, Knowledge, Place, PlaceKind, ACTORS_TOML, CUE_ONLY_MARK, PLACES_COUNTRIES_TSV,
    PLACES_DISTRICTS_TSV, PLACES_GEONAMES_TSV, PLACES_TSV,
};
use rasd_text::match_key_str;

fn kb() -> Knowledge {
    let mut kb = Knowledge::parse(ACTORS_TOML, PLACES_TSV)
        .unwrap_or_else(|e| panic!("built-in knowledge does not parse: {e}"));
    kb.add_places_tsv(PLACES_COUNTRIES_TSV)
        .unwrap_or_else(|e| panic!("data/places-countries.tsv does not parse: {e}"));
    kb.add_places_tsv(PLACES_GEONAMES_TSV)
        .unwrap_or_else(|e| panic!("data/places-geonames.tsv does not parse: {e}"));
    kb.add_places_tsv(PLACES_DISTRICTS_TSV)
        .unwrap_or_else(|e| panic!("data/places-districts.tsv does not parse: {e}"));
    kb
}

/// Collect the failures of a check and fail once with all of them.
fn report(what: &str, errors: Vec<String>) {
    if !errors.is_empty() {
        let n = errors.len();
        let shown: Vec<String> = errors.into_iter().take(60).collect();
        panic!("{what}: {n} problem(s)\n  {}", shown.join("\n  "));
    }
}

/// The comparison key of a name: its match key without the cue-only mark `~` and without the
/// article «ال» at the start of any word (the matcher sees through the article).
fn name_key(name: &str) -> String {
    let key = match_key_str(name.trim_start_matches(CUE_ONLY_MARK));
    key.split(' ')
        .map(|w| match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Latitude and longitude bounds (a little generous) of every country the gazetteer uses.
const BBOX: &[(&str, f64, f64, f64, f64)] = &[
    // code, lat min, lat max, lon min, lon max
    ("IQ", 29.0, 37.5, 38.7, 48.8),
    ("SY", 32.3, 37.4, 35.6, 42.5),
    ("LB", 33.0, 34.75, 35.0, 36.7),
    ("PS", 31.2, 32.6, 34.2, 35.6),
    ("IL", 29.4, 33.4, 34.2, 35.95),
    ("JO", 29.1, 33.5, 34.9, 39.4),
    ("SA", 16.2, 32.3, 34.4, 55.8),
    ("YE", 12.0, 19.1, 41.8, 54.6),
    ("AE", 22.5, 26.3, 51.5, 56.5),
    ("KW", 28.5, 30.2, 46.5, 48.5),
    ("BH", 25.5, 26.4, 50.3, 50.9),
    ("QA", 24.4, 26.3, 50.7, 51.7),
    ("OM", 16.6, 26.5, 51.9, 60.0),
    ("IR", 25.0, 39.9, 44.0, 63.4),
    ("EG", 21.9, 31.8, 24.6, 37.0),
    ("LY", 19.4, 33.3, 9.3, 25.2),
    ("SD", 8.6, 22.3, 21.8, 39.0),
    ("SS", 3.4, 12.3, 23.4, 36.0),
    ("TR", 35.8, 42.2, 25.6, 44.9),
    ("CY", 34.5, 35.8, 32.2, 34.7),
    ("SO", -1.8, 12.1, 40.9, 51.5),
    ("DJ", 10.9, 12.8, 41.7, 43.5),
    ("KM", -12.5, -11.3, 43.1, 44.6),
    ("ER", 12.3, 18.1, 36.4, 43.2),
    ("ET", 3.3, 15.0, 32.9, 48.0),
    ("TN", 30.2, 37.6, 7.5, 11.7),
    ("DZ", 18.9, 37.2, -8.7, 12.0),
    ("MA", 27.6, 36.0, -13.2, -1.0),
    ("MR", 14.7, 27.3, -17.1, -4.8),
    ("TD", 7.4, 23.5, 13.4, 24.0),
    ("NE", 11.6, 23.6, 0.1, 16.0),
    ("ML", 10.1, 25.1, -12.3, 4.3),
    ("AF", 29.3, 38.5, 60.5, 75.0),
    ("PK", 23.6, 37.1, 60.8, 77.9),
    ("AZ", 38.3, 41.95, 44.7, 50.4),
    ("AM", 38.8, 41.3, 43.4, 46.7),
    ("GE", 41.0, 43.6, 40.0, 46.8),
    ("US", 18.0, 72.0, -180.0, -65.0),
    ("RU", 41.1, 82.0, 19.0, 180.0),
    ("CN", 18.0, 53.6, 73.4, 135.1),
    ("GB", 49.8, 60.9, -8.7, 1.8),
    ("FR", 41.3, 51.1, -5.2, 9.6),
    ("DE", 47.2, 55.1, 5.8, 15.1),
    ("IT", 35.4, 47.1, 6.6, 18.6),
    ("ES", 27.6, 43.8, -18.2, 4.4),
    ("NL", 50.7, 53.6, 3.3, 7.3),
    ("BE", 49.4, 51.6, 2.5, 6.5),
    ("GR", 34.8, 41.8, 19.3, 29.7),
    ("CA", 41.6, 83.2, -141.1, -52.6),
    ("AU", -43.7, -10.6, 113.1, 153.7),
    ("JP", 24.0, 45.6, 122.9, 146.0),
    ("IN", 6.7, 35.7, 68.1, 97.5),
    ("KP", 37.6, 43.1, 124.2, 130.8),
    ("KR", 33.1, 38.7, 124.6, 130.0),
    ("UA", 44.3, 52.4, 22.1, 40.3),
    ("NO", 57.9, 71.3, 4.5, 31.2),
    ("CH", 45.8, 47.9, 5.9, 10.5),
    ("SE", 55.3, 69.1, 11.0, 24.2),
    ("IE", 51.4, 55.4, -10.5, -5.9),
    ("VA", 41.89, 41.91, 12.44, 12.46),
    ("KE", -4.8, 5.1, 33.9, 42.0),
    ("CF", 2.2, 11.1, 14.4, 27.5),
    ("NG", 4.2, 13.9, 2.6, 14.7),
    ("UZ", 37.1, 45.6, 55.9, 73.2),
    ("TM", 35.1, 42.8, 52.4, 66.7),
    ("TJ", 36.6, 41.1, 67.3, 75.2),
    ("KZ", 40.5, 55.5, 46.4, 87.4),
    ("BY", 51.2, 56.2, 23.1, 32.8),
    ("PL", 49.0, 54.9, 14.1, 24.2),
    ("AT", 46.3, 49.1, 9.5, 17.2),
    ("HU", 45.7, 48.6, 16.1, 22.9),
    ("BG", 41.2, 44.3, 22.3, 28.7),
    ("RO", 43.6, 48.3, 20.2, 29.8),
    ("RS", 42.2, 46.2, 18.8, 23.0),
    ("DK", 54.5, 57.8, 8.0, 15.2),
    ("FI", 59.8, 70.1, 20.5, 31.6),
    ("PT", 32.6, 42.2, -31.3, -6.1), // with Madeira and the Azores
    ("MT", 35.8, 36.1, 14.1, 14.6),
    ("BR", -33.8, 5.3, -74.0, -34.7),
    ("AR", -55.1, -21.7, -73.6, -53.6),
    ("MX", 14.5, 32.8, -118.5, -86.7),
    ("ZA", -34.9, -22.1, 16.4, 32.9),
    ("ID", -11.0, 6.1, 95.0, 141.1),
    ("MY", 0.8, 7.4, 99.6, 119.3),
    ("BD", 20.7, 26.7, 88.0, 92.7),
    ("VE", 0.6, 12.3, -73.4, -59.8),
    ("CU", 19.8, 23.3, -85.0, -74.1),
    ("SN", 12.3, 16.7, -17.6, -11.3),
    ("BF", 9.4, 15.1, -5.6, 2.4),
    ("UG", -1.5, 4.3, 29.5, 35.1),
    ("CD", -13.5, 5.4, 12.2, 31.4),
    ("MZ", -26.9, -10.4, 30.2, 41.0),
];

fn bbox(code: &str) -> Option<(f64, f64, f64, f64)> {
    BBOX.iter()
        .find(|b| b.0 == code)
        .map(|b| (b.1, b.2, b.3, b.4))
}

fn is_code(c: &str) -> bool {
    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn builtin_knowledge_parses_and_is_not_trivial() {
    let kb = kb();
    assert!(kb.actors.len() >= 300, "only {} actors", kb.actors.len());
    assert!(kb.places.len() >= 500, "only {} places", kb.places.len());
    assert_eq!(Knowledge::builtin().actors.len(), kb.actors.len());
    assert_eq!(Knowledge::builtin().places.len(), kb.places.len());
}

/// The imported rows: `gn:` ids, localities, and none of them shares a name with a hand row
/// (the import drops those names: the hand rows stay authoritative).
#[test]
fn imported_places_leave_the_hand_names_to_the_hand_rows() {
    let hand = Knowledge::parse(ACTORS_TOML, PLACES_TSV).expect("hand rows");
    let hand_keys: HashSet<String> = hand
        .places
        .iter()
        .flat_map(|p| std::iter::once(&p.name_ar).chain(&p.aliases_ar))
        .map(|n| name_key(n))
        .collect();
    let mut imported = Knowledge::default();
    let n = imported
        .add_places_tsv(PLACES_GEONAMES_TSV)
        .expect("places-geonames.tsv");
    assert!(n >= 1000, "only {n} imported places");
    let mut errors = Vec::new();
    for p in &imported.places {
        if !p.id.starts_with("gn:") {
            errors.push(format!("{}: an imported row's id is gn:<geonameid>", p.id));
        }
        if p.kind != PlaceKind::Locality {
            errors.push(format!("{}: imported rows are localities", p.id));
        }
        for name in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
            if hand_keys.contains(&name_key(name)) {
                errors.push(format!("{}: {name:?} is the name of a hand row", p.id));
            }
        }
    }
    report("imported places", errors);
}

/// The districts: `gb:` ids, `admin2` rows linked to an admin1, and none of them carries a name
/// of a hand row or of a GeoNames town (the import drops those names).
#[test]
fn districts_leave_the_names_of_built_in_places_to_them() {
    let mut builtin = Knowledge::parse(ACTORS_TOML, PLACES_TSV).expect("hand rows");
    builtin
        .add_places_tsv(PLACES_COUNTRIES_TSV)
        .expect("countries");
    builtin
        .add_places_tsv(PLACES_GEONAMES_TSV)
        .expect("geonames");
    let keys: HashSet<String> = builtin
        .places
        .iter()
        .flat_map(|p| std::iter::once(&p.name_ar).chain(&p.aliases_ar))
        .map(|n| name_key(n))
        .collect();
    let mut districts = Knowledge::default();
    let n = districts
        .add_places_tsv(PLACES_DISTRICTS_TSV)
        .expect("places-districts.tsv");
    assert!(n >= 500, "only {n} districts");
    let mut errors = Vec::new();
    for p in &districts.places {
        if !p.id.starts_with("gb:") || !p.is_imported() {
            errors.push(format!("{}: a district's id is gb:<shape id>", p.id));
        }
        if p.kind != PlaceKind::Admin2 || p.admin1.is_none() {
            errors.push(format!(
                "{}: districts are admin2 rows with an admin1",
                p.id
            ));
        }
        for name in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
            if keys.contains(&name_key(name)) {
                errors.push(format!(
                    "{}: {name:?} is the name of a built-in place",
                    p.id
                ));
            }
        }
    }
    report("districts", errors);
}

#[test]
fn ids_are_unique_and_well_formed() {
    let kb = kb();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for a in &kb.actors {
        if !seen.insert(a.id.as_str()) {
            errors.push(format!("actor id {} twice", a.id));
        }
        let ok = !a.id.is_empty()
            && a.id.split('.').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            });
        if !ok {
            errors.push(format!(
                "actor id {:?}: lowercase dotted words expected",
                a.id
            ));
        }
    }
    let mut seen = HashSet::new();
    for p in &kb.places {
        if !seen.insert(p.id.as_str()) {
            errors.push(format!("place id {} twice", p.id));
        }
        if p.id.is_empty() || p.id.contains(char::is_whitespace) {
            errors.push(format!("place id {:?}: no spaces", p.id));
        }
    }
    report("ids", errors);
}

#[test]
fn actors_have_names_kinds_and_links() {
    let kb = kb();
    let mut errors = Vec::new();
    for a in &kb.actors {
        if a.name_ar.trim().is_empty() || !has_arabic(&a.name_ar) {
            errors.push(format!("{}: name_ar must be Arabic and non-empty", a.id));
        }
        if a.name_en.trim().is_empty() {
            errors.push(format!("{}: empty name_en", a.id));
        }
        if let Some(c) = &a.country {
            if !is_code(c) {
                errors.push(format!("{}: country {c:?} is not ISO 3166-1 alpha-2", a.id));
            } else if !kb
                .places
                .iter()
                .any(|p| p.kind == PlaceKind::Country && &p.country == c)
            {
                errors.push(format!(
                    "{}: country {c} has no country row in places.tsv",
                    a.id
                ));
            }
        }
        if let Some(p) = &a.parent {
            if p == &a.id {
                errors.push(format!("{}: is its own parent", a.id));
            } else if kb.actor(p).is_none() {
                errors.push(format!("{}: parent {p} does not exist", a.id));
            }
        }
        for x in &a.affiliated {
            if x == &a.id || kb.actor(x).is_none() {
                errors.push(format!(
                    "{}: affiliated {x} does not exist (or is itself)",
                    a.id
                ));
            }
            if a.parent.as_deref() == Some(x.as_str()) {
                errors.push(format!("{}: {x} is both parent and affiliated", a.id));
            }
        }
        // Parent chains end.
        let mut cur: &Actor = a;
        for _ in 0..=kb.actors.len() {
            match cur.parent.as_deref().and_then(|p| kb.actor(p)) {
                Some(next) if next.id == a.id => {
                    errors.push(format!("{}: parent cycle", a.id));
                    break;
                }
                Some(next) => cur = next,
                None => break,
            }
        }
    }
    report("actors", errors);
}

#[test]
fn states_have_country_rows() {
    let kb = kb();
    let mut errors = Vec::new();
    for a in kb
        .actors
        .iter()
        .filter(|a| a.kind == rasd_extract::kb::ActorKind::State)
    {
        match &a.country {
            None => errors.push(format!("{}: a state needs its country code", a.id)),
            Some(c) if a.id != c.to_lowercase() => errors.push(format!(
                "{}: a state's id is its lowercase country code",
                a.id
            )),
            Some(_) => {}
        }
    }
    report("states", errors);
}

fn is_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let Some(y) = parts
        .first()
        .filter(|y| num(y, 4))
        .and_then(|y| y.parse::<u32>().ok())
    else {
        return false;
    };
    if !(1945..=2100).contains(&y) {
        return false;
    }
    match parts.len() {
        1 => true,
        2 | 3 => {
            let m: u32 = if num(parts[1], 2) {
                parts[1].parse().unwrap_or(0)
            } else {
                0
            };
            if !(1..=12).contains(&m) {
                return false;
            }
            if parts.len() == 2 {
                return true;
            }
            let dd: u32 = if num(parts[2], 2) {
                parts[2].parse().unwrap_or(0)
            } else {
                0
            };
            let max = match m {
                2 if y % 4 == 0 => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (1..=max).contains(&dd)
        }
        _ => false,
    }
}

#[test]
fn designations_are_well_formed() {
    const BY: &[&str] = &["US-FTO", "US-SDGT", "US-TCO", "UK", "EU", "UN", "CA", "AU"];
    let kb = kb();
    let mut errors = Vec::new();
    for a in &kb.actors {
        let mut seen = HashSet::new();
        for d in &a.designations {
            if !BY.contains(&d.by.as_str()) {
                errors.push(format!(
                    "{}: designation by {:?} is not one of {BY:?}",
                    a.id, d.by
                ));
            }
            if !seen.insert(d.by.as_str()) {
                errors.push(format!("{}: two designations by {}", a.id, d.by));
            }
            match &d.date {
                Some(date) if !is_date(date) => {
                    errors.push(format!("{}: designation date {date:?}", a.id))
                }
                _ => {}
            }
        }
    }
    report("designations", errors);
    assert!(is_date("2019-04-15") && is_date("2004-10") && is_date("1997"));
    assert!(
        !is_date("2019-02-30")
            && !is_date("2019-13")
            && !is_date("19-01-01")
            && !is_date("2019-1-5")
    );
}

#[test]
fn places_have_admin1_and_coordinates_inside_their_country() {
    let kb = kb();
    let generated: std::collections::HashSet<&str> = PLACES_COUNTRIES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut errors = Vec::new();
    for p in &kb.places {
        if p.name_ar.trim().is_empty() || !has_arabic(&p.name_ar) {
            errors.push(format!("{}: name_ar must be Arabic and non-empty", p.id));
        }
        if p.name_en.trim().is_empty() {
            errors.push(format!("{}: empty name_en", p.id));
        }
        if p.country.is_empty() {
            // Seas and regions across states carry no country.
            if p.kind != PlaceKind::Region {
                errors.push(format!(
                    "{}: only regions and seas may lack a country",
                    p.id
                ));
            }
        } else if !is_code(&p.country) {
            errors.push(format!("{}: country {:?}", p.id, p.country));
        } else if let Some((la0, la1, lo0, lo1)) = bbox(&p.country) {
            if !(la0..=la1).contains(&p.lat) || !(lo0..=lo1).contains(&p.lon) {
                errors.push(format!(
                    "{}: {} {} outside {}",
                    p.id, p.lat, p.lon, p.country
                ));
            }
        } else if !generated.contains(p.country.as_str()) {
            // The world's other countries (data/places-countries.tsv) take the points GeoNames
            // gives their capitals and towns; the hand rows' countries have a box here.
            errors.push(format!(
                "{}: no bounding box for {} in tests/knowledge.rs",
                p.id, p.country
            ));
        }
        if p.kind == PlaceKind::Country && p.id != p.country {
            errors.push(format!("{}: a country row's id is its code", p.id));
        }
        match (&p.admin1, p.kind) {
            (Some(_), PlaceKind::Country | PlaceKind::Admin1) => {
                errors.push(format!("{}: a {:?} row has no admin1", p.id, p.kind))
            }
            (Some(id), _) => match kb.place(id) {
                None => errors.push(format!("{}: admin1 {id} does not exist", p.id)),
                Some(a) if a.kind != PlaceKind::Admin1 => {
                    errors.push(format!("{}: admin1 {id} is a {:?}", p.id, a.kind))
                }
                Some(a) if a.country != p.country => errors.push(format!(
                    "{}: admin1 {id} is in {}, not {}",
                    p.id, a.country, p.country
                )),
                Some(_) => {}
            },
            (None, _) => {}
        }
    }
    report("places", errors);
}

#[test]
fn every_country_of_an_admin1_has_a_country_row() {
    let kb = kb();
    let countries: HashSet<&str> = kb
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .map(|p| p.country.as_str())
        .collect();
    let errors: Vec<String> = kb
        .places
        .iter()
        .filter(|p| !p.country.is_empty() && !countries.contains(p.country.as_str()))
        .map(|p| format!("{}: no country row {}", p.id, p.country))
        .collect();
    report("countries", errors);
}

#[test]
fn names_are_clean() {
    let kb = kb();
    let mut errors = Vec::new();
    let mut check = |id: &str, names: &mut dyn Iterator<Item = &String>| {
        let mut keys = HashSet::new();
        for n in names {
            if n.trim() != n || n.is_empty() {
                errors.push(format!("{id}: name {n:?} has outer spaces or is empty"));
            }
            if n.contains(['\t', '|', '\n']) {
                errors.push(format!("{id}: name {n:?} contains a tab, a newline or |"));
            }
            // The matcher reads a trailing * (prefix) or + (enclitics) as syntax.
            if n.ends_with('*') || n.ends_with('+') {
                errors.push(format!("{id}: name {n:?} ends in matcher syntax"));
            }
            if has_arabic(n) && n.contains(['(', ')', '[', ']']) {
                errors.push(format!(
                    "{id}: Arabic name {n:?} contains brackets (it would never match)"
                ));
            }
            if n.starts_with(CUE_ONLY_MARK) && !has_arabic(n) {
                errors.push(format!("{id}: cue-only mark ~ on a non-Arabic name {n:?}"));
            }
            if !keys.insert(match_key_str(n)) {
                errors.push(format!(
                    "{id}: {n:?} repeats another name of the entry after normalisation"
                ));
            }
        }
    };
    for a in &kb.actors {
        check(&a.id, &mut std::iter::once(&a.name_ar).chain(&a.aliases_ar));
    }
    for p in &kb.places {
        check(&p.id, &mut std::iter::once(&p.name_ar).chain(&p.aliases_ar));
    }
    report("names", errors);
}

/// Two actors never share a name: a name that could mean two actors is left out, or written in
/// full in each («وزارة الدفاع العراقية», «وزارة الدفاع السورية»).
#[test]
fn no_two_actors_share_a_name() {
    let kb = kb();
    let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
    for a in &kb.actors {
        let mut keys: Vec<String> = std::iter::once(&a.name_ar)
            .chain(&a.aliases_ar)
            .map(|n| name_key(n))
            .collect();
        keys.extend(
            std::iter::once(&a.name_en)
                .chain(&a.aliases_en)
                .map(|n| n.to_lowercase())
                .map(|n| format!("en:{}", n.trim_start_matches("the "))),
        );
        keys.sort();
        keys.dedup();
        for k in keys {
            by_key.entry(k).or_default().push(&a.id);
        }
    }
    // Shared by actors of disjoint theatres: the document's country says which one.
    let by_theatre = |ids: &[&str]| {
        let theatres: Vec<&Vec<String>> = ids
            .iter()
            .filter_map(|id| kb.actor(id))
            .map(|a| &a.theatres)
            .collect();
        let mut all: Vec<&String> = theatres.iter().flat_map(|t| t.iter()).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        theatres.iter().all(|t| !t.is_empty()) && all.len() == n
    };
    let mut errors: Vec<String> = by_key
        .iter()
        .filter(|(_, ids)| ids.len() > 1 && !by_theatre(ids))
        .map(|(k, ids)| format!("{k:?}: {}", ids.join(", ")))
        .collect();
    errors.sort();
    report("actor names shared (rule A1 of data/README.md)", errors);
}

/// Two places may share a name only when their kinds differ (a city and its governorate), their
/// countries differ, or they lie in different admin1 units (two villages of the same name).
#[test]
fn places_sharing_a_name_are_separated_by_a_rule() {
    let kb = kb();
    let mut by_key: HashMap<String, Vec<&Place>> = HashMap::new();
    for p in &kb.places {
        let mut keys: Vec<String> = std::iter::once(&p.name_ar)
            .chain(&p.aliases_ar)
            .map(|n| name_key(n))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            by_key.entry(k).or_default().push(p);
        }
    }
    let mut errors = Vec::new();
    for (k, ps) in &by_key {
        for (i, a) in ps.iter().enumerate() {
            for b in ps.iter().skip(i + 1) {
                if a.kind == b.kind && a.country == b.country && a.admin1 == b.admin1 {
                    errors.push(format!(
                        "{k:?}: {} and {} ({:?}, {}, admin1 {:?})",
                        a.id, b.id, a.kind, a.country, a.admin1
                    ));
                }
            }
        }
    }
    errors.sort();
    report("place names shared (rule P1 of data/README.md)", errors);
}

#[test]
fn name_key_strips_the_article_of_every_word() {
    assert_eq!(name_key("القوات الأميركية"), name_key("قوات أميركية"));
    assert_eq!(name_key("~الباب"), name_key("باب"));
    assert_ne!(name_key("الجيش السوري"), name_key("الجيش السوري الحر"));
}

/// The names the news of the region uses most resolve to the expected entries.
#[test]
fn frequent_names_resolve() {
    let kb = kb();
    let actor_of = |name: &str| -> Vec<String> {
        let k = name_key(name);
        kb.actors
            .iter()
            .filter(|a| {
                std::iter::once(&a.name_ar)
                    .chain(&a.aliases_ar)
                    .any(|n| name_key(n) == k)
            })
            .map(|a| a.id.clone())
            .collect()
    };
    for (name, id) in [
        ("البنتاغون", "us.dod"),
        ("القوات الأمريكية", "us.military"),
        ("سنتكوم", "us.centcom"),
        ("التحالف الدولي لمكافحة الإرهاب", "int.coalition"),
        ("المقاومة الإسلامية في العراق", "iq.iri"),
        ("الحشد الشعبي", "iq.pmf"),
        ("جيش الاحتلال", "il.idf"),
        ("الحوثيين", "ye.houthis"),
        ("كتائب القسام", "ps.hamas.qassam"),
        ("قسد", "sy.sdf"),
        ("فرانس برس", "media.afp"),
        ("داعش", "int.isis"),
        ("جيش سوريا الحرة", "sy.syrian_free_army"),
        ("الجيش السوري الحر", "sy.fsa"),
        ("وزارة الصحة التابعة لحركة حماس", "ps.gaza.moh"),
    ] {
        assert_eq!(actor_of(name), vec![id.to_string()], "{name}");
    }
    let place_of = |name: &str, kind: PlaceKind| -> Vec<String> {
        let k = name_key(name);
        kb.places
            .iter()
            .filter(|p| {
                p.kind == kind
                    && std::iter::once(&p.name_ar)
                        .chain(&p.aliases_ar)
                        .any(|n| name_key(n) == k)
            })
            .map(|p| p.id.clone())
            .collect()
    };
    for (name, kind, id) in [
        ("قاعدة عين الأسد", PlaceKind::Facility, "IQ.ain_al_asad"),
        ("الأنبار", PlaceKind::Admin1, "IQ.anbar"),
        ("التنف", PlaceKind::Facility, "SY.tanf"),
        ("قطاع غزة", PlaceKind::Region, "PS.gaza_strip"),
        ("دير الزور", PlaceKind::Admin1, "SY.deir_ez_zor"),
        ("دير الزور", PlaceKind::Locality, "SY.deir_ez_zor_city"),
        ("ولاية لوغار", PlaceKind::Admin1, "AF.logar"),
        ("بركي براك", PlaceKind::Admin2, "AF.baraki_barak"),
        ("مجزر", PlaceKind::Admin2, "YE.majzar"),
        ("جعولة", PlaceKind::Locality, "YE.jaawla"),
        // Imported from GeoNames.
        ("مايدوغوري", PlaceKind::Locality, "gn:2331447"),
        ("قندهار", PlaceKind::Locality, "gn:1138336"),
    ] {
        assert_eq!(place_of(name, kind), vec![id.to_string()], "{name}");
    }
    let asad = kb.place("IQ.ain_al_asad").map(|p| kb.admin1_name(p));
    assert_eq!(asad, Some(Some("الأنبار")));
}
