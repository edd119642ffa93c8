//! Mentions, the parties found for them, and the events (drafts) they merge into.
use rasd_model::{Location, Outcome, Span, Weapon};

use super::TrigKind;
use crate::ctx::Ctx;
use crate::kb::PlaceKind;

/// An actor or target found for a mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// Name as written (or the canonical name of a state from a nationality adjective).
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Dictionary id.
    pub entity_id: Option<String>,
    /// Country, when known.
    pub country: Option<String>,
    /// Key span where it was found.
    pub key: Span,
}

impl Party {
    /// Is the party an arm that strikes from the air: an air force, or a coalition whose war
    /// is fought from the air (the Saudi-led coalition over Yemen, the anti-IS coalition)?
    pub fn strikes_from_air(&self) -> bool {
        self.entity_id
            .as_deref()
            .is_some_and(|id| AIR_ARMS.contains(&id) || id.ends_with(".air_force"))
    }
}

/// The coalitions whose attacks are air strikes when nothing else is said.
const AIR_ARMS: &[&str] = &["sa.coalition", "int.coalition"];

/// One trigger and its arguments.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Trigger key span.
    pub trig: Span,
    /// Trigger words as written.
    pub trig_text: String,
    /// Sentence index.
    pub sent: usize,
    /// Kind.
    pub kind: TrigKind,
    /// Refers back to an event told before («الهجوم»).
    pub anaphoric: bool,
    /// A trigger that says little of the means («قصف»: by air or by guns).
    pub weak: bool,
    /// Casualty figures told without any event word: they join an event told just before, or
    /// nothing («وأفاد مستشفى ناصر بأنه استقبل 28 مصابا»).
    pub attach_only: bool,
    /// Refers to a specific event without reporting one of its own: joins an event another
    /// word reports, even one told after it, or nothing.
    pub support: bool,
    /// The detector's judgement in words, for `rasd explain`.
    pub why: Option<String>,
    /// Told in the headline, which sums up several events in few words: it votes for no
    /// type and names an actor only when the body names none.
    pub headline: bool,
    /// Weapons.
    pub weapons: Vec<Weapon>,
    /// Place: (the name's key span, location).
    pub place: Option<(Span, Location, PlaceKind)>,
    /// Date: index into `Found::dates`.
    pub date: Option<usize>,
    /// Who acted.
    pub actor: Option<Party>,
    /// Who was acted on.
    pub target: Option<Party>,
    /// Number of projectiles / strikes.
    pub count: Option<u64>,
    /// Killed.
    pub killed: Option<u64>,
    /// Injured.
    pub injured: Option<u64>,
    /// Outcomes.
    pub outcome: Vec<Outcome>,
    /// The detector's probability that the trigger reports an event (1 without a detector).
    pub score: f32,
    /// The detector's probability of each type of [`crate::detect::TYPES`].
    pub types: [f32; crate::detect::NT],
    /// The detector's probability that the trigger names a specific event, reported or only
    /// referred to (1 without a detector, 0 for figures told without an event word).
    pub specific: f32,
}

/// An event being built from mentions.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its mentions.
    pub mentions: Vec<Mention>,
    /// Set once: see [`Draft::kind`].
    pub kinds: Vec<TrigKind>,
}

/// Does the place `fine` lie in `coarse` (same country for a country, same governorate for a
/// governorate, within 25 km otherwise)?
fn inside(fine: &Location, coarse: &Location) -> bool {
    use rasd_model::GeoPrecision as G;
    if fine.country != coarse.country {
        return false;
    }
    match coarse.precision {
        Some(G::Country) | Some(G::Region) => true,
        Some(G::Admin1) => coarse.admin1.is_some() && fine.admin1 == coarse.admin1,
        _ => match (fine.lat, fine.lon, coarse.lat, coarse.lon) {
            (Some(a), Some(b), Some(c), Some(d)) => super::merge::km(a, b, c, d) <= 25.0,
            _ => false,
        },
    }
}

impl Draft {
    /// The explicit date of the event (the most precise of its mentions).
    pub fn date<'c>(&self, cx: &'c Ctx) -> Option<&'c rasd_text::dates::DateMention> {
        self.mentions
            .iter()
            .filter_map(|m| {
                m.date
                    .and_then(|d| cx.f.dates.get(d))
                    .map(|d| (d, m.support))
            })
            .min_by_key(|(d, support)| (d.precision, d.range.is_some(), *support))
            .map(|(d, _)| d)
    }

    /// The most specific place of the event (on a tie, a place of a word that reports it
    /// rather than of one that only refers to it).
    pub fn place(&self) -> Option<&(Span, Location, PlaceKind)> {
        let best = |support: bool| {
            self.mentions
                .iter()
                .filter(|m| m.support == support)
                .filter_map(|m| m.place.as_ref())
                .min_by_key(|p| p.2)
        };
        match (best(false), best(true)) {
            // A word that only refers to the event says where more precisely: only inside
            // where a word that reports it says (not a town of another event it names).
            (Some(r), Some(s)) if s.2 < r.2 && inside(&s.1, &r.1) => Some(s),
            (Some(r), _) => Some(r),
            (None, s) => s,
        }
    }

    /// The actor: the body's first, else the headline's.
    pub fn actor(&self) -> Option<&Party> {
        self.mentions
            .iter()
            .filter(|m| !m.headline)
            .find_map(|m| m.actor.as_ref())
            .or_else(|| self.mentions.iter().find_map(|m| m.actor.as_ref()))
    }

    /// The target: the body's first, else the headline's.
    pub fn target(&self) -> Option<&Party> {
        self.mentions
            .iter()
            .filter(|m| !m.headline)
            .find_map(|m| m.target.as_ref())
            .or_else(|| self.mentions.iter().find_map(|m| m.target.as_ref()))
    }

    /// The primary (non-secondary) kinds of its triggers.
    pub(super) fn primary(&self) -> Vec<TrigKind> {
        self.mentions
            .iter()
            .map(|m| m.kind)
            .filter(|k| !k.secondary())
            .collect()
    }
}
