//! The output record of the OUTPUT.md contract (v1): one per document.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::span::{CharIndex, Span};

/// Version of the output contract these types serialise to.
pub const RECORD_VERSION: &str = "1";

/// One output record: everything rasd extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The document it came from.
    pub doc: DocInfo,
    /// Single events (attacks, arrests, designations…).
    pub events: Vec<Event>,
    /// Cumulative casualty figures.
    pub tolls: Vec<Toll>,
    /// Facts about actors (membership, leadership, aliases…).
    pub relations: Vec<Relation>,
    /// Actors and places mentioned.
    pub entities: Vec<Entity>,
    /// What could not be read or resolved, in words.
    pub warnings: Vec<String>,
    /// Which rule produced which field (only with `--trace`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceLine>,
}

/// The `doc` part of a record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Language code; always `ar` for now.
    pub lang: String,
}

/// Event type (see `spec/TAXONOMY.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventType {
    AirDroneStrike,
    MissileArtillery,
    RemoteExplosive,
    SuicideBomb,
    ArmedClash,
    Attack,
    Abduction,
    Arrest,
    Protest,
    Designation,
    Threat,
    Agreement,
}

impl EventType {
    /// Every type, in taxonomy order.
    pub const ALL: [EventType; 12] = [
        EventType::AirDroneStrike,
        EventType::MissileArtillery,
        EventType::RemoteExplosive,
        EventType::SuicideBomb,
        EventType::ArmedClash,
        EventType::Attack,
        EventType::Abduction,
        EventType::Arrest,
        EventType::Protest,
        EventType::Designation,
        EventType::Threat,
        EventType::Agreement,
    ];

    /// The snake_case name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::AirDroneStrike => "air_drone_strike",
            EventType::MissileArtillery => "missile_artillery",
            EventType::RemoteExplosive => "remote_explosive",
            EventType::SuicideBomb => "suicide_bomb",
            EventType::ArmedClash => "armed_clash",
            EventType::Attack => "attack",
            EventType::Abduction => "abduction",
            EventType::Arrest => "arrest",
            EventType::Protest => "protest",
            EventType::Designation => "designation",
            EventType::Threat => "threat",
            EventType::Agreement => "agreement",
        }
    }

    /// Parse the snake_case name.
    pub fn parse(s: &str) -> Option<Self> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// ACLED (event_type, sub_event_type), where the type has one.
    pub fn acled(self) -> Option<(&'static str, &'static str)> {
        const ERV: &str = "Explosions/Remote violence";
        Some(match self {
            EventType::AirDroneStrike => (ERV, "Air/drone strike"),
            EventType::MissileArtillery => (ERV, "Shelling/artillery/missile attack"),
            EventType::RemoteExplosive => (ERV, "Remote explosive/landmine/IED"),
            EventType::SuicideBomb => (ERV, "Suicide bomb"),
            EventType::ArmedClash => ("Battles", "Armed clash"),
            EventType::Attack => ("Violence against civilians", "Attack"),
            EventType::Abduction => (
                "Violence against civilians",
                "Abduction/forced disappearance",
            ),
            EventType::Arrest => ("Strategic developments", "Arrests"),
            EventType::Protest => ("Protests", "Peaceful protest"),
            EventType::Agreement => ("Strategic developments", "Agreement"),
            EventType::Designation | EventType::Threat => return None,
        })
    }

    /// PLOVER event type: FIGHT for conventional military force (air and drone strikes,
    /// shelling, armed clashes), ASSAULT for unconventional violence (bombings, attacks,
    /// abductions).
    pub fn plover(self) -> &'static str {
        match self {
            EventType::AirDroneStrike | EventType::MissileArtillery | EventType::ArmedClash => {
                "FIGHT"
            }
            EventType::RemoteExplosive
            | EventType::SuicideBomb
            | EventType::Attack
            | EventType::Abduction => "ASSAULT",
            EventType::Arrest => "COERCE",
            EventType::Protest => "PROTEST",
            EventType::Designation => "SANCTION",
            EventType::Threat => "THREATEN",
            EventType::Agreement => "AGREE",
        }
    }

    /// CAMEO event code (CAMEO 1.1b3) that best fits the type, for tools that still read CAMEO.
    pub fn cameo(self) -> &'static str {
        match self {
            EventType::AirDroneStrike => "195",   // employ aerial weapons
            EventType::MissileArtillery => "194", // fight with artillery and tanks
            EventType::ArmedClash => "193",       // fight with small arms and light weapons
            EventType::RemoteExplosive => "183",  // conduct non-military bombing
            EventType::SuicideBomb => "1831",     // carry out suicide bombing
            EventType::Attack => "180",           // use unconventional violence
            EventType::Abduction => "181",        // abduct, hijack, or take hostage
            EventType::Arrest => "173",           // arrest, detain, or charge
            EventType::Protest => "141",          // demonstrate or rally
            EventType::Designation => "163",      // impose embargo, boycott, or sanctions
            EventType::Threat => "138",           // threaten with military force
            EventType::Agreement => "057",        // sign formal agreement
        }
    }

    /// Coarse family used to decide whether two reports can be the same event.
    pub fn family(self) -> &'static str {
        match self {
            EventType::AirDroneStrike
            | EventType::MissileArtillery
            | EventType::RemoteExplosive
            | EventType::SuicideBomb
            | EventType::ArmedClash
            | EventType::Attack => "violence",
            other => other.as_str(),
        }
    }
}

/// How precisely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum DatePrecision {
    Day,
    Month,
    Season,
    Year,
    #[default]
    Unknown,
}

/// How precisely a place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum GeoPrecision {
    Facility,
    Locality,
    Admin2,
    Admin1,
    Country,
    Region,
}

/// Where an event happened or a toll applies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The name as written in the text.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Gazetteer id, when resolved.
    pub place_id: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Governorate or province.
    pub admin1: Option<String>,
    /// Latitude (WGS84).
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    pub lon: Option<f64>,
    /// Precision of the point.
    pub precision: Option<GeoPrecision>,
}

/// Role of an actor in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Who acts (attacker, designator, threatener).
    Actor,
    /// Who is acted on.
    Target,
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Actor or target.
    pub role: Role,
    /// Name as written (or the canonical Arabic name).
    pub name: String,
    /// English name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Dictionary id, when linked.
    pub entity_id: Option<String>,
}

/// Weapon class (see `spec/TAXONOMY.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Weapon {
    Drone,
    Aircraft,
    BallisticMissile,
    CruiseMissile,
    Rocket,
    Mortar,
    Artillery,
    Ied,
    CarBomb,
    Landmine,
    ExplosiveBelt,
    Firearms,
    Knife,
}

/// What happened to the attack (see `spec/TAXONOMY.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Outcome {
    Intercepted,
    ShotDown,
    Crashed,
    NoDamage,
    Damage,
    NoCasualties,
}

/// What a source says about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The event happened.
    Asserts,
    /// It did not happen.
    Denies,
    /// No knowledge or confirmation of it.
    Unconfirmed,
    /// The source carried it out.
    ClaimsResponsibility,
    /// The source blames a third party.
    Attributes,
}

impl Stance {
    /// True for stances that say the event happened (used to flag contradictions).
    pub fn affirms(self) -> bool {
        matches!(
            self,
            Stance::Asserts | Stance::ClaimsResponsibility | Stance::Attributes
        )
    }
}

/// Who says what about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The source as written («مصدر أمني عراقي», «البنتاغون»).
    pub source: String,
    /// True for anonymous or role sources.
    pub anonymous: bool,
    /// The agency or channel it came through («فرانس برس», «تلغرام»).
    pub via: Option<String>,
    /// What the source says.
    pub stance: Stance,
    /// Dictionary id of the source, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Where the claim is made.
    #[serde(default)]
    pub evidence: Vec<Span>,
}

/// One real event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id within the record (`e1`, `e2`…).
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when unknown.
    pub date: Option<String>,
    /// Precision of `date`.
    pub date_precision: DatePrecision,
    /// The words the date was resolved from.
    pub date_text: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who acted and who was acted on.
    pub actors: Vec<ActorRef>,
    /// Weapons used.
    pub weapons: Vec<Weapon>,
    /// Number of drones, rockets… when stated.
    pub count: Option<u64>,
    /// People killed; null when the text gives no figure.
    pub killed: Option<u64>,
    /// People injured; null when the text gives no figure.
    pub injured: Option<u64>,
    /// Interceptions, damage…
    pub outcome: Vec<Outcome>,
    /// Who says what about it.
    pub claims: Vec<Claim>,
    /// At least one source affirms it and another denies or has not confirmed it.
    pub contradiction: bool,
    /// Where the text tells it.
    pub evidence: Vec<Span>,
}

/// A cumulative casualty figure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Toll {
    /// Where it applies.
    pub place: Option<Location>,
    /// People killed in all.
    pub killed: Option<u64>,
    /// People injured in all.
    pub injured: Option<u64>,
    /// Parts of the figure (`children_killed`, `women_killed`, `medics_killed`…).
    pub breakdown: BTreeMap<String, u64>,
    /// Date the figure stands at.
    pub as_of: Option<String>,
    /// Who gives it.
    pub source: Option<String>,
    /// Where the text gives it.
    pub evidence: Vec<Span>,
}

/// Kind of fact about actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RelationType {
    MemberOf,
    LeaderOf,
    AliasOf,
    AffiliatedWith,
    SplinterOf,
}

/// A fact about actors stated in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Kind of fact.
    #[serde(rename = "type")]
    pub kind: RelationType,
    /// Subject name.
    pub subject: String,
    /// Object name.
    pub object: String,
    /// Dictionary id of the subject, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
    /// Dictionary id of the object, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    /// Where the text states it.
    pub evidence: Vec<Span>,
}

/// Kind of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EntityType {
    Person,
    ArmedGroup,
    Organization,
    State,
    Place,
    Media,
}

/// A terrorist listing or sanction of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Designation {
    /// Who lists it (`US-FTO`, `US-SDGT`, `UK`, `EU`, `UN`…).
    pub by: String,
    /// Date or partial date of the listing.
    pub date: Option<String>,
}

/// An actor or place mentioned in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Dictionary id, or `new:` and a slug for entities no dictionary knows.
    pub id: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical (or as-written) Arabic name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Other names seen or known.
    pub aliases: Vec<String>,
    /// Where it is mentioned.
    pub mentions: Vec<Span>,
    /// True when found by a pattern and not in any dictionary.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// Country (ISO alpha-2), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Known listings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub designations: Vec<Designation>,
}

/// One line of `--trace`: which rule produced which field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceLine {
    /// What the line is about (`e1.type`, `e1.location`, `toll1`…).
    pub field: String,
    /// The rule or pattern that produced it.
    pub rule: String,
    /// The text it fired on.
    pub text: String,
    /// Where.
    pub span: Span,
}

impl Record {
    /// Convert every span of the record from byte offsets into `text` to character offsets.
    pub fn into_char_offsets(mut self, text: &str) -> Self {
        let ix = CharIndex::new(text);
        let fix = |v: &mut Vec<Span>| v.iter_mut().for_each(|s| *s = ix.span(*s));
        for e in &mut self.events {
            fix(&mut e.evidence);
            for c in &mut e.claims {
                fix(&mut c.evidence);
            }
        }
        for t in &mut self.tolls {
            fix(&mut t.evidence);
        }
        for r in &mut self.relations {
            fix(&mut r.evidence);
        }
        for en in &mut self.entities {
            fix(&mut en.mentions);
        }
        for t in &mut self.trace {
            t.span = ix.span(t.span);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_type_names_round_trip() {
        for t in EventType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn record_serialises_contract_field_names() {
        let r = Record {
            doc: DocInfo {
                id: "x".into(),
                lang: "ar".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        for k in [
            "doc",
            "events",
            "tolls",
            "relations",
            "entities",
            "warnings",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
        assert!(v.get("trace").is_none());
    }
}
