//! Tolls: cumulative casualty figures, never single incidents.
//!
//! A sentence states a toll when it has a toll cue («حصيلة», «ارتفعت حصيلة», «الإجمالية»,
//! «منذ بدء الحرب») or a killed figure of a hundred or more; daily figures («خلال الـ24 ساعة
//! الماضية») are not cumulative. Consecutive toll sentences about the same place form one toll
//! (a figure in one sentence, its breakdown and source in the next); tolls of the same place
//! and figure told twice (a headline and the body) are one.
use std::collections::BTreeMap;

use rasd_model::{Location, Span, Toll};
use rasd_text::numbers::Approx;

use crate::events::is_count_kind;

use crate::ctx::Ctx;
use crate::geo::{self, GeoContext};
use crate::kb::PlaceKind;
use crate::lexicon::Class;
use crate::recognize::NameKind;
use crate::words::W;
use rasd_text::clitics;

/// A toll and the sentences it came from.
#[derive(Debug, Clone)]
pub struct TollDraft {
    /// The toll.
    pub toll: Toll,
    /// Sentence indices.
    pub sentences: Vec<usize>,
    /// Key spans of its evidence.
    pub keys: Vec<Span>,
}

/// «في أعنف حصيلة منذ بدء الضربات»: a comparison with the past, not a cumulative figure.
fn superlative(cx: &Ctx, h: &crate::recognize::LexHit) -> bool {
    let i = cx.tok_at(h.key.start);
    let before = |k: usize| i.checked_sub(k).map(|j| cx.tok(j)).unwrap_or("");
    let is_sup = |w: &str| W::Superlative.has(w.trim_start_matches(clitics::CONJUNCTIONS_BA));
    // The cue itself («أعنف حصيلة»), or «حصيلة … منذ» after one.
    is_sup(before(1))
        || (h.value == "since"
            && (2..=5).any(|k| is_sup(before(k)) && W::TollWord.ends(cx.tok(i - k + 1))))
}

/// The indices of sentences that state tolls.
pub fn toll_sentences(cx: &Ctx) -> Vec<usize> {
    let f = cx.f;
    let mut out = Vec::new();
    for (i, ss) in f.a.sentences.iter().enumerate() {
        let cue = f
            .lex_in(Class::Toll, *ss)
            .any(|h| matches!(h.value.as_str(), "cue" | "since" | "total") && !superlative(cx, h));
        let daily = f.lex_in(Class::Toll, *ss).any(|h| h.value == "daily");
        let (killed, _) = figures(cx, *ss);
        let big = killed.is_some_and(|k| k >= 100);
        if (cue || big || series_total(cx, *ss))
            && !daily
            && !one_attack(cx, *ss)
            && !follows_its_attack(cx, i, killed)
            && (killed.is_some()
                || figures(cx, *ss).1.is_some()
                || !breakdown(cx, *ss).0.is_empty())
        {
            out.push(i);
        }
    }
    out
}

/// «قتل 30 شخصا على الأقل في سلسلة تفجيرات استهدفت مناطق مختلفة في العراق»: the figures of
/// a series of attacks told of a whole country are a toll of the day, not an event's («سلسلة
/// غارات على محافظة لحج» is one event of one governorate).
fn series_total(cx: &Ctx, ss: Span) -> bool {
    let f = cx.f;
    let series = f.lex_in(Class::Trigger, ss).any(|t| {
        let at = cx.tok_at(t.key.start);
        (1..=2).any(|b| {
            at.checked_sub(b)
                .is_some_and(|j| W::Series.has(cx.tok(j)) || W::Series.has(cx.stem(j)))
        })
    });
    let places: Vec<PlaceKind> = f
        .names_in(ss)
        .filter(|n| matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty()))
        .filter_map(|n| cx.best_kind(n))
        .collect();
    series && !places.is_empty() && places.iter().all(|k| *k == PlaceKind::Country)
}

/// Is a trigger hit a word for an attack (not a clash, an arrest or a killing), outside a name?
fn attack_word(cx: &Ctx, t: &crate::recognize::LexHit) -> bool {
    matches!(
        t.value.split(',').next().unwrap_or(""),
        "attack" | "air" | "missile" | "explosive" | "suicide" | "assassination" | "shooting"
    ) && !cx.f.names_over(t.key).any(|n| n.key.contains(t.key))
}

/// Is a toll sentence the updated figure of one attack rather than a cumulative toll?
/// «ارتفعت حصيلة الغارة على حارة حريك إلى 5 قتلى», «ارتفاع حصيلة ضحايا غارات العدوان على
/// ميناء رأس عيسى إلى 80 شهيدا»: an attack told at a town or a facility, with no «منذ» and no
/// «الإجمالية». «ارتفعت حصيلة القصف على قطاع غزة» or «حصيلة الحرب على لبنان» stay tolls.
fn one_attack(cx: &Ctx, ss: Span) -> bool {
    let f = cx.f;
    if f.lex_in(Class::Toll, ss)
        .any(|h| (h.value == "since" || h.value == "total") && !superlative(cx, h))
    {
        return false;
    }
    let attack = f.lex_in(Class::Trigger, ss).any(|t| attack_word(cx, t))
        || (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|i| W::Aggression.has(cx.stem(i)));
    attack
        && f.names_in(ss).any(|n| {
            matches!(&n.kind, NameKind::Known { actors, places } if actors.is_empty() && !places.is_empty())
                && cx.best_kind(n).is_some_and(|k| k <= PlaceKind::Locality)
        })
}

/// Is a toll sentence the first figures of the attack the sentence before told? «شنت
/// مقاتلات غارات على ميناء الحديدة … وأعلنت وزارة الصحة مقتل 6 أشخاص وإصابة 83 آخرين، في
/// حصيلة أولية»: under a hundred dead, no «منذ», no «الإجمالية», no place wider than a town.
fn follows_its_attack(cx: &Ctx, i: usize, killed: Option<u64>) -> bool {
    let f = cx.f;
    let (Some(ss), Some(prev)) = (
        f.a.sentences.get(i),
        i.checked_sub(1).and_then(|j| f.a.sentences.get(j)),
    ) else {
        return false;
    };
    if killed.is_some_and(|k| k >= 100)
        || f.lex_in(Class::Toll, *ss)
            .any(|h| h.value == "since" || h.value == "total")
    {
        return false;
    }
    let wide = f.names_in(*ss).any(|n| {
        matches!(&n.kind, NameKind::Known { actors, places } if actors.is_empty() && !places.is_empty())
            && cx.best_kind(n).is_some_and(|k| k > PlaceKind::Locality)
    });
    let attack_before = f.lex_in(Class::Trigger, *prev).any(|t| attack_word(cx, t));
    !wide && attack_before
}

/// Killed and injured figures of a toll sentence: a number before a casualty noun
/// («4385 شخصا», «45028 شهيدًا», «13561 جريحا»), or after a casualty verb («قُتل 4385»).
fn figures(cx: &Ctx, ss: Span) -> (Option<u64>, Option<u64>) {
    let f = cx.f;
    let mut killed = None;
    let mut injured = None;
    let breakdown_numbers: Vec<Span> = breakdown(cx, ss).1;
    for q in f.numbers_in(ss) {
        if q.approx == Approx::Vague || !is_count_kind(q) || breakdown_numbers.contains(&q.key) {
            continue;
        }
        let ni = cx.tok_from(q.key.end);
        let next = f.a.tokens.get(ni).map(|t| t.key).unwrap_or_default();
        let cas_after = f
            .lex_in(Class::Casualty, ss)
            .find(|c| c.key.overlaps(next) && c.value.ends_with("before"));
        let person_after = f
            .lex_in(Class::PersonNoun, ss)
            .any(|c| c.key.overlaps(next) && c.value == "-");
        let cas_before = f
            .lex_in(Class::Casualty, ss)
            .find(|c| c.key.end <= q.key.start && cx.dist(c.key, q.key) == 0);
        let what = if let Some(c) = cas_after {
            c.value.split(',').next()
        } else if let Some(c) = cas_before {
            c.value.split(',').next()
        } else if person_after {
            // «قُتل 4385 شخصا»: the verb is further back.
            f.lex_in(Class::Casualty, Span::new(ss.start, q.key.start))
                .last()
                .and_then(|c| c.value.split(',').next())
        } else {
            None
        };
        match what {
            Some("killed") if killed.is_none() => killed = Some(q.value),
            Some("injured") if injured.is_none() => injured = Some(q.value),
            _ => {}
        }
    }
    (killed, injured)
}

/// Breakdown figures («منهم 1756 طفلا و967 امرأة», «51 كادرا صحيا … إصابة 87 آخرين») and
/// the key spans of the numbers they use.
fn breakdown(cx: &Ctx, ss: Span) -> (BTreeMap<String, u64>, Vec<Span>) {
    let f = cx.f;
    let mut out = BTreeMap::new();
    let mut used = Vec::new();
    let mut last_group: Option<String> = None;
    for q in f.numbers_in(ss) {
        if q.approx == Approx::Vague || !is_count_kind(q) {
            continue;
        }
        let ni = cx.tok_from(q.key.end);
        let next = f.a.tokens.get(ni).map(|t| t.key).unwrap_or_default();
        let group = f
            .lex_in(Class::PersonNoun, ss)
            .find(|c| c.key.start == next.start && c.value != "-")
            .map(|c| c.value.clone());
        let injured_ctx = f.lex_in(Class::Casualty, ss).any(|c| {
            c.value.starts_with("injured") && c.key.end <= q.key.start && cx.dist(c.key, q.key) <= 1
        });
        let group = match group {
            Some(g) => Some(g),
            // «إصابة 87 آخرين»: the group just named.
            None if W::Others.has(cx.tok(ni)) => last_group.clone(),
            None => None,
        };
        let Some(g) = group else { continue };
        let key = format!("{g}_{}", if injured_ctx { "injured" } else { "killed" });
        out.entry(key).or_insert(q.value);
        used.push(q.key);
        last_group = Some(g);
    }
    (out, used)
}

/// Extract the tolls of a document.
pub fn find(cx: &Ctx, geo: &GeoContext, sentences: &[usize]) -> Vec<TollDraft> {
    let f = cx.f;
    let mut out: Vec<TollDraft> = Vec::new();
    for &si in sentences {
        let ss = f.a.sentences[si];
        let (killed, injured) = figures(cx, ss);
        let (bd, _) = breakdown(cx, ss);
        // No place named: the country of the body that gives the figure («وزارة الصحة في قطاع غزة»).
        let place = toll_place(cx, geo, ss).or_else(|| {
            let n = cx.f.names_in(ss).find(|n| {
                cx.actor_of(n)
                    .is_some_and(|(_, a)| a.kind == crate::kb::ActorKind::Agency)
            })?;
            let code = cx.actor_of(n)?.1.country.clone()?;
            geo::country_location(cx, &code)
        });
        let source = toll_source(cx, ss);
        let as_of = f
            .dates
            .iter()
            .filter(|d| {
                ss.contains(d.key)
                    && d.range.is_none()
                    && d.precision == rasd_model::DatePrecision::Day
            })
            .map(|d| d.value.clone())
            .next();
        let continues = out.last().is_some_and(|prev| {
            prev.sentences.last().is_some_and(|&p| p + 1 == si)
                && (place.is_none()
                    || prev.toll.place.as_ref().map(|p| &p.name) == place.as_ref().map(|p| &p.name))
                && (killed.is_none() || prev.toll.killed.is_none() || prev.toll.killed == killed)
        });
        // The same figure told twice (a headline and the body) for the same country is one toll.
        let same = out.iter().position(|prev| {
            place.is_some()
                && prev.toll.place.as_ref().and_then(|p| p.country.as_ref())
                    == place.as_ref().and_then(|p| p.country.as_ref())
                && killed.is_some()
                && prev.toll.killed == killed
        });
        let target = if continues { Some(out.len() - 1) } else { same };
        match target {
            Some(i) => {
                let t = &mut out[i].toll;
                t.killed = t.killed.or(killed);
                t.injured = t.injured.or(injured);
                for (k, v) in bd {
                    t.breakdown.entry(k).or_insert(v);
                }
                if t.place.is_none() {
                    t.place = place;
                }
                if t.source.is_none() {
                    t.source = source;
                }
                if as_of.is_some() {
                    t.as_of = as_of;
                }
                out[i].sentences.push(si);
                out[i].keys.push(ss);
            }
            None => {
                if killed.is_none() && injured.is_none() {
                    continue;
                }
                out.push(TollDraft {
                    toll: Toll {
                        place,
                        killed,
                        injured,
                        breakdown: bd,
                        as_of: as_of.or_else(|| cx.published.map(|p| p.to_string())),
                        source,
                        evidence: Vec::new(),
                    },
                    sentences: vec![si],
                    keys: vec![ss],
                });
            }
        }
    }
    out
}

fn toll_place(cx: &Ctx, geo: &GeoContext, ss: Span) -> Option<Location> {
    // The first place of the sentence that is not part of the source («وزارة الصحة في غزة» is
    // still Gaza: fine).
    for n in cx.f.names_in(ss) {
        if let NameKind::Known { places, .. } = &n.kind {
            if places.is_empty() {
                continue;
            }
            if let Some(p) = geo::choose(cx, geo, n) {
                if p.kind <= PlaceKind::Country {
                    return Some(geo::location(cx, p, n.key));
                }
            }
        }
    }
    // «في الجانب الإسرائيلي»: a nationality adjective.
    cx.f.lex_in(Class::Nisba, ss)
        .find(|h| {
            h.value.len() == 2 && {
                let i = cx.tok_at(h.key.start);
                i > 0 && W::Side.has(cx.tok(i - 1))
            }
        })
        .and_then(|h| {
            let mut l = geo::country_location(cx, &h.value)?;
            let i = cx.tok_at(h.key.start);
            l.name = format!(
                "{} {}",
                cx.written(cx.f.a.tokens[i - 1].key),
                cx.written(h.key)
            );
            Some(l)
        })
}

fn toll_source(cx: &Ctx, ss: Span) -> Option<String> {
    let f = cx.f;
    // «وفق آخر حصيلة لوزارة الصحة التابعة لحركة حماس», «بحسب السلطات الإسرائيلية»,
    // «أعلنت وزارة الصحة بقطاع غزة».
    for c in f.lex_in(Class::Cue, ss) {
        if !matches!(c.value.as_str(), "per" | "say") {
            continue;
        }
        let n = f.names_in(ss).find(|n| {
            n.key.start >= c.key.end
                && cx.dist(c.key, n.key) <= 3
                && matches!(
                    n.kind,
                    NameKind::Known { .. } | NameKind::NewOrg(_) | NameKind::Source { .. }
                )
                && !cx
                    .places_of(n)
                    .iter()
                    .any(|p| p.kind == PlaceKind::Country || p.kind == PlaceKind::Region)
        });
        if let Some(n) = n {
            // Extend over «التابعة لـ X», «في غزة», «بقطاع غزة», «الفلسطينية».
            let mut end = n.key.end;
            let mut i = cx.tok_from(end);
            for _ in 0..3 {
                let w = cx.tok(i);
                if W::TollSourceLink.has(w) {
                    if let Some(m) = f.names_in(ss).find(|m| {
                        m.key.start
                            >= f.a
                                .tokens
                                .get(i + 1)
                                .map(|t| t.key.start)
                                .unwrap_or(usize::MAX)
                            && cx.tok_at(m.key.start) == i + 1
                    }) {
                        end = m.key.end;
                        i = cx.tok_from(end);
                        continue;
                    }
                }
                break;
            }
            return Some(cx.written(Span::new(n.key.start, end)));
        }
    }
    None
}
