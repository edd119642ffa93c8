//! Geocoding: choose one gazetteer entry for a place name and turn it into a [`Location`].
//!
//! Disambiguation, in order: a place inside an admin1 stated next to it («الواقعة في محافظة
//! الأنبار»); a place in the country the article is about (the most mentioned country); a
//! hand-written row over one imported from GeoNames; a facility over a town of the same name, a
//! town over its governorate; then population.
use std::collections::HashMap;

use rasd_model::{GeoPrecision, Location, Span};

use crate::ctx::Ctx;
use crate::kb::{Place, PlaceKind};
use crate::lexicon::Class;
use crate::recognize::{Name, NameKind};
use crate::words::W;

/// What the article is about, geographically.
#[derive(Debug, Clone, Default)]
pub struct GeoContext {
    /// Country codes by number of mentions, most mentioned first.
    pub countries: Vec<String>,
}

impl GeoContext {
    /// Count the countries of every place and nationality mention of a document.
    pub fn new(cx: &Ctx) -> GeoContext {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for n in &cx.f.names {
            if let NameKind::Known { places, .. } = &n.kind {
                // A name shared by places of several countries counts for none of them.
                let mut cs: Vec<&str> = places
                    .iter()
                    .map(|&i| cx.kb.places[i].country.as_str())
                    .collect();
                cs.dedup();
                if cs.len() == 1 {
                    *counts.entry(cs[0].to_string()).or_default() += 2;
                }
            }
        }
        for h in cx.f.lex(Class::Nisba) {
            if h.value.len() == 2 && !within_name(cx, h) {
                *counts.entry(h.value.clone()).or_default() += 1;
            }
        }
        let mut v: Vec<(String, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        GeoContext {
            countries: v.into_iter().map(|(c, _)| c).collect(),
        }
    }
}

/// Pick the best candidate of a place name in its sentence.
pub fn choose<'a>(cx: &Ctx<'a>, geo: &GeoContext, name: &Name) -> Option<&'a Place> {
    let cands = cx.places_of(name);
    if cands.len() <= 1 {
        return cands.into_iter().next();
    }
    // Admin1 units named in the same sentence.
    let sent = cx.sentence(name.key);
    // A name that may be this very place («برفح» after «بمدينة رفح») states no governorate.
    let own: Vec<&str> = cands.iter().map(|p| p.id.as_str()).collect();
    let stated: Vec<&str> =
        cx.f.names_in(sent)
            .filter(|n| n.key != name.key)
            .filter(|n| !cx.places_of(n).iter().any(|p| own.contains(&p.id.as_str())))
            .flat_map(|n| cx.places_of(n))
            .filter(|p| p.kind == PlaceKind::Admin1)
            .map(|p| p.id.as_str())
            .collect();
    let rank = |p: &Place| {
        let in_stated = p.admin1.as_deref().is_some_and(|a| stated.contains(&a));
        let country_rank = geo
            .countries
            .iter()
            .position(|c| *c == p.country)
            .unwrap_or(99);
        (
            !in_stated,
            country_rank,
            p.is_imported(),
            p.kind,
            std::cmp::Reverse(p.population),
        )
    };
    cands.into_iter().min_by_key(|p| rank(p))
}

/// The location record of a place mention; a sea with no country takes the article's.
pub fn location_in(cx: &Ctx, geo: &GeoContext, p: &Place, written: Span) -> Location {
    let mut l = location(cx, p, written);
    if p.country.is_empty() {
        l.country = geo.countries.first().cloned();
        l.precision = Some(GeoPrecision::Region);
    }
    l
}

/// The location record of a place mention.
pub fn location(cx: &Ctx, p: &Place, written: Span) -> Location {
    let name = Some(cx.written(written))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| p.name_ar.clone());
    Location {
        name,
        name_en: Some(p.name_en.clone()).filter(|s| !s.is_empty()),
        place_id: Some(p.id.clone()),
        country: Some(p.country.clone()).filter(|c| !c.is_empty()),
        admin1: cx.kb.admin1_name(p).map(str::to_string),
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: Some(p.kind.precision()),
    }
}

/// The location of a bare country code (from a nationality adjective).
pub fn country_location(cx: &Ctx, code: &str) -> Option<Location> {
    let p = cx
        .kb
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country == code)?;
    Some(Location {
        name: p.name_ar.clone(),
        name_en: Some(p.name_en.clone()),
        place_id: Some(p.id.clone()),
        country: Some(p.country.clone()),
        admin1: None,
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: Some(GeoPrecision::Country),
    })
}

/// A nationality adjective that is a name, not an adjective («سوريا» begins like «سوري…»).
fn within_name(cx: &Ctx, h: &crate::recognize::LexHit) -> bool {
    cx.f.names_over(h.key).next().is_some()
}

/// The countries whose outlets call their country «المملكة».
const KINGDOMS: &[&str] = &["SA", "JO", "MA", "BH"];

/// How many times the article names its outlet's own country as home: «بلادنا», «وطننا», and
/// «المملكة» with no adjective after it (not «المملكة المتحدة») when that country is a kingdom.
fn homeland_words(cx: &Ctx, home: &str) -> usize {
    let n = cx.f.a.tokens.len();
    (0..n)
        .filter(|&t| {
            let w = rasd_text::clitics::article_form(
                cx.tok(t)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS_BA),
            );
            W::Homeland.has(&w)
                || (KINGDOMS.contains(&home)
                    && W::Kingdom.has(&w)
                    && !(t + 1 < n && rasd_text::clitics::starts_with_article(cx.tok(t + 1))))
        })
        .count()
}

/// How often an article names each country, most named first (counted once a document).
fn country_votes<'c>(cx: &'c Ctx) -> &'c [(String, usize)] {
    cx.marks.countries.get_or_init(|| {
        count_countries(cx)
            .into_iter()
            .map(|(c, k)| (c.to_string(), k))
            .collect()
    })
}

/// How often an article names each country, most named first: its place names (every
/// candidate of the name in that country), its state actors, its nationality adjectives
/// («مدن مغربية») and, for its outlet's country, «بلادنا» and «المملكة».
fn count_countries<'a>(cx: &'a Ctx) -> Vec<(&'a str, usize)> {
    let mut n: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for name in &cx.f.names {
        let crate::recognize::NameKind::Known { actors, places } = &name.kind else {
            continue;
        };
        let mut countries = places
            .iter()
            .filter_map(|&i| cx.kb.places.get(i))
            .map(|p| p.country.as_str())
            .chain(
                actors
                    .iter()
                    .filter_map(|&i| cx.kb.actors.get(i))
                    .filter(|a| a.kind == crate::kb::ActorKind::State)
                    .filter_map(|a| a.country.as_deref()),
            );
        let Some(first) = countries.next() else {
            continue;
        };
        if countries.all(|c| c == first) {
            *n.entry(first).or_default() += 1;
        }
    }
    for h in cx.f.lex(Class::Nisba) {
        if h.value.len() == 2 && !within_name(cx, h) {
            *n.entry(h.value.as_str()).or_default() += 1;
        }
    }
    if let Some(home) = cx.home.as_deref() {
        let k = homeland_words(cx, home);
        if k > 0 {
            *n.entry(home).or_default() += k;
        }
    }
    let mut v: Vec<(&str, usize)> = n.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    v
}

/// The country an article is about: the one it names most (`country_votes`), twice as often
/// as any other; none when no country stands out.
pub fn article_country(cx: &Ctx) -> Option<String> {
    let v = country_votes(cx);
    let (top, k) = v.first()?;
    let second = v.get(1).map_or(0, |x| x.1);
    (*k >= 2 * second).then(|| top.clone())
}

/// The country an article names most, half as often again as any other: where an event it
/// gives no place is, when the article is about no country more surely (`article_country`).
pub fn main_country(cx: &Ctx) -> Option<String> {
    let v = country_votes(cx);
    let (top, k) = v.first()?;
    let second = v.get(1).map_or(0, |x| x.1);
    (2 * k >= 3 * second && *k > second).then(|| top.clone())
}

/// The one country where the forces an article names fight abroad (an actor's single theatre:
/// «تحالف دعم الشرعية» fights in Yemen): where an event it gives no place is, when the article
/// names no country most. None when its actors fight in different countries.
pub fn theatre_country(cx: &Ctx) -> Option<String> {
    let mut found: Option<&str> = None;
    for name in &cx.f.names {
        let crate::recognize::NameKind::Known { actors, .. } = &name.kind else {
            continue;
        };
        let Some(a) = actors.first().and_then(|&a| cx.kb.actors.get(a)) else {
            continue;
        };
        if let [t] = a.theatres.as_slice() {
            match found {
                Some(f) if f != t.as_str() => return None,
                _ => found = Some(t.as_str()),
            }
        }
    }
    found.map(str::to_string)
}

/// The outlet's own country, for an article that names no other: a Saudi column on «الأجهزة
/// الأمنية» that names no country is about Saudi Arabia.
pub fn home_alone(cx: &Ctx) -> Option<String> {
    let home = cx.home.as_deref()?;
    country_votes(cx)
        .iter()
        .all(|(c, _)| *c == home)
        .then(|| home.to_string())
}

/// The place inside a country that an article is about: the governorate its place names of
/// that country fall in, twice as often as in any other and at least twice, and in it the
/// place named most (a town before its governorate, the first named on a tie). «اليمن» alone,
/// in an article whose places in Yemen are «لحج» and «الحوطة», is most likely in Lahij.
pub fn focus_in(cx: &Ctx, geo: &GeoContext, country: &str) -> Option<Location> {
    // Per governorate: mentions; per place: (mentions, first mention, the place).
    let mut by_admin1: HashMap<&str, usize> = HashMap::new();
    let mut by_place: HashMap<&str, (usize, Span, &Place)> = HashMap::new();
    for n in &cx.f.names {
        if !matches!(&n.kind, NameKind::Known { actors, .. } if actors.is_empty()) {
            continue;
        }
        // «تفجير سروج»: a place told as another event's is not what the article is about.
        let i = cx.tok_at(n.key.start);
        let lo = cx.f.a.tokens[i.saturating_sub(6)].key.start;
        if cx
            .f
            .lex_in(Class::Trigger, Span::new(lo, n.key.start))
            .next()
            .is_some()
        {
            continue;
        }
        let Some(p) = choose(cx, geo, n) else {
            continue;
        };
        if p.country != country || p.kind >= PlaceKind::Region {
            continue;
        }
        let unit = admin1_unit(p);
        *by_admin1.entry(unit).or_default() += 1;
        by_place
            .entry(p.id.as_str())
            .and_modify(|e| e.0 += 1)
            .or_insert((1, n.key, p));
    }
    let mut units: Vec<(&str, usize)> = by_admin1.into_iter().collect();
    units.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (unit, k) = *units.first()?;
    if k < 2 || units.get(1).is_some_and(|s| 2 * s.1 > k) {
        return None;
    }
    let (_, key, p) = by_place
        .into_values()
        .filter(|(_, _, p)| admin1_unit(p) == unit)
        .min_by_key(|(k, key, p)| {
            (
                p.kind == PlaceKind::Admin1,
                std::cmp::Reverse(*k),
                key.start,
            )
        })?;
    Some(location_in(cx, geo, p, key))
}

/// The governorate a place counts for: its admin1, itself when it is one or has none.
pub fn admin1_unit(p: &Place) -> &str {
    if p.kind == PlaceKind::Admin1 {
        p.id.as_str()
    } else {
        p.admin1.as_deref().unwrap_or(p.id.as_str())
    }
}
