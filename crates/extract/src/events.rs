//! Events: trigger mentions, their arguments, and one event per real event.
//!
//! 1. Every trigger word (see `data/lexicon.tsv`, class `trigger`) that is not negated,
//!    hypothetical, inside a threat («هددت بمهاجمة») or an aggregate («لخمس هجمات منذ
//!    الأربعاء», «عشرات الهجمات») becomes a [`Mention`] with the arguments found around it in
//!    its sentence: weapons, place, date, actor and target, count, killed and injured, outcome.
//! 2. Mentions merge into events in text order: a mention joins the most recent event it is
//!    compatible with (same family, no conflicting date, place or actor); otherwise it starts
//!    a new event. Definite nouns («الهجوم», «القاعدة») refer back and bring no new place.
//! 3. Each event's type comes from its triggers and weapons (a drone → `air_drone_strike`…).
use rasd_model::{ActorRef, DatePrecision, EventType, Location, Outcome, Role, Span, Weapon};
use rasd_text::numbers::Approx;

use crate::ctx::Ctx;
use crate::geo::{self, GeoContext};
use crate::kb::{ActorKind, PlaceKind};
use crate::lexicon::Class;
use crate::recognize::{LexHit, Name, NameKind};

/// What a trigger word says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TrigKind {
    /// Generic attack.
    Attack,
    /// Air or drone strike.
    Air,
    /// Shelling, rockets, missiles.
    Missile,
    /// An explosion of unknown cause.
    Explosion,
    /// A bombing (IED, car bomb).
    Explosive,
    /// A suicide attack.
    Suicide,
    /// Armed clashes.
    Clash,
    /// An assassination.
    Assassination,
    /// A shooting.
    Shooting,
    /// A stabbing.
    Stabbing,
    /// Abduction.
    Abduction,
    /// Arrest.
    Arrest,
    /// Protest.
    Protest,
    /// Terrorist designation or sanctions.
    Designation,
    /// Threat.
    Threat,
    /// Agreement, truce.
    Agreement,
    /// An interception (part of the attack it stops).
    Intercept,
    /// A fall or crash of a projectile.
    Crash,
    /// Killing (an event on its own only when nothing else is said).
    Kill,
}

impl TrigKind {
    fn parse(s: &str) -> Option<TrigKind> {
        Some(match s {
            "attack" => TrigKind::Attack,
            "air" => TrigKind::Air,
            "missile" => TrigKind::Missile,
            "explosion" => TrigKind::Explosion,
            "explosive" => TrigKind::Explosive,
            "suicide" => TrigKind::Suicide,
            "clash" => TrigKind::Clash,
            "assassination" => TrigKind::Assassination,
            "shooting" => TrigKind::Shooting,
            "stabbing" => TrigKind::Stabbing,
            "abduction" => TrigKind::Abduction,
            "arrest" => TrigKind::Arrest,
            "protest" => TrigKind::Protest,
            "designation" => TrigKind::Designation,
            "threat" => TrigKind::Threat,
            "agreement" => TrigKind::Agreement,
            "intercept" => TrigKind::Intercept,
            "crash" => TrigKind::Crash,
            "kill" => TrigKind::Kill,
            _ => return None,
        })
    }

    /// True for kinds of violence (they merge with each other).
    pub fn violent(self) -> bool {
        !matches!(
            self,
            TrigKind::Abduction
                | TrigKind::Arrest
                | TrigKind::Protest
                | TrigKind::Designation
                | TrigKind::Threat
                | TrigKind::Agreement
        )
    }

    /// Kinds that only add to an attack told elsewhere (an interception, a fall, a death toll).
    pub fn secondary(self) -> bool {
        matches!(
            self,
            TrigKind::Intercept | TrigKind::Crash | TrigKind::Kill | TrigKind::Explosion
        )
    }
}

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
}

/// An event being built from mentions.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its mentions.
    pub mentions: Vec<Mention>,
    /// Set once: see [`Draft::kind`].
    pub kinds: Vec<TrigKind>,
}

impl Draft {
    /// The explicit date of the event (the most precise of its mentions).
    pub fn date<'c>(&self, cx: &'c Ctx) -> Option<&'c rasd_text::dates::DateMention> {
        self.mentions
            .iter()
            .filter_map(|m| m.date.and_then(|d| cx.f.dates.get(d)))
            .min_by_key(|d| (d.precision, d.range.is_some()))
    }

    /// The most specific place of the event.
    pub fn place(&self) -> Option<&(Span, Location, PlaceKind)> {
        self.mentions
            .iter()
            .filter_map(|m| m.place.as_ref())
            .min_by_key(|p| p.2)
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
    fn primary(&self) -> Vec<TrigKind> {
        self.mentions
            .iter()
            .map(|m| m.kind)
            .filter(|k| !k.secondary())
            .collect()
    }

    /// Votes for strikes from the air and from the ground: each mention votes once for each
    /// means its weapons or its trigger name («غارة», «طائرة مسيرة»; «صواريخ», «قصف مدفعي»);
    /// the first mention, which tells the event, votes twice.
    fn means_votes(&self) -> (usize, usize) {
        let (mut air, mut ground) = (0, 0);
        let body: Vec<&Mention> = self.mentions.iter().filter(|m| !m.headline).collect();
        let told: Vec<&Mention> = if body.is_empty() {
            self.mentions.iter().collect()
        } else {
            body
        };
        for (i, m) in told.into_iter().enumerate() {
            // A weapon named says more than a trigger word («غارة», «قصف صاروخي»).
            let weight = if i == 0 { 2 } else { 1 };
            let a_weapon = m
                .weapons
                .iter()
                .any(|w| matches!(w, Weapon::Drone | Weapon::Aircraft));
            let g_weapon = m.weapons.iter().any(|w| {
                matches!(
                    w,
                    Weapon::Rocket
                        | Weapon::BallisticMissile
                        | Weapon::CruiseMissile
                        | Weapon::Mortar
                        | Weapon::Artillery
                )
            });
            let a = if a_weapon {
                2
            } else {
                usize::from(m.kind == TrigKind::Air)
            };
            let g = if g_weapon {
                2
            } else {
                usize::from(m.kind == TrigKind::Missile && !m.weak)
            };
            air += weight * a;
            ground += weight * g;
        }
        (air, ground)
    }

    /// The event type from triggers and weapons.
    pub fn kind(&self) -> EventType {
        let kinds: Vec<TrigKind> = self.mentions.iter().map(|m| m.kind).collect();
        let weapons: Vec<Weapon> = self
            .mentions
            .iter()
            .flat_map(|m| m.weapons.iter().copied())
            .collect();
        let has = |k: TrigKind| kinds.contains(&k);
        let w = |x: Weapon| weapons.contains(&x);
        for (k, t) in [
            (TrigKind::Designation, EventType::Designation),
            (TrigKind::Threat, EventType::Threat),
            (TrigKind::Agreement, EventType::Agreement),
            (TrigKind::Arrest, EventType::Arrest),
            (TrigKind::Abduction, EventType::Abduction),
            (TrigKind::Protest, EventType::Protest),
        ] {
            if has(k) {
                return t;
            }
        }
        if has(TrigKind::Suicide)
            || (w(Weapon::ExplosiveBelt) && !w(Weapon::Drone) && !w(Weapon::Aircraft))
        {
            return EventType::SuicideBomb;
        }
        // Battles: the fighting defines the event, whatever guns it used.
        if has(TrigKind::Clash)
            && self
                .mentions
                .first()
                .is_some_and(|m| m.kind == TrigKind::Clash)
        {
            return EventType::ArmedClash;
        }
        // From the air or from launchers and guns: the means most of its mentions tell.
        let (air, ground) = self.means_votes();
        if air > 0 || ground > 0 {
            return if air >= ground {
                EventType::AirDroneStrike
            } else {
                EventType::MissileArtillery
            };
        }
        if self.mentions.iter().any(|m| m.kind == TrigKind::Missile) {
            // Bare «قصف»: by an air force, an air strike; otherwise shelling.
            let by_air_force = self
                .actor()
                .and_then(|a| a.country.as_deref())
                .is_some_and(|c| AIR_POWERS.contains(&c));
            return if by_air_force {
                EventType::AirDroneStrike
            } else {
                EventType::MissileArtillery
            };
        }
        if [Weapon::Ied, Weapon::CarBomb, Weapon::Landmine]
            .iter()
            .any(|x| w(*x))
            || has(TrigKind::Explosive)
        {
            return EventType::RemoteExplosive;
        }
        if has(TrigKind::Clash) {
            return EventType::ArmedClash;
        }
        if self.primary().is_empty() && has(TrigKind::Intercept) {
            // Air defences intercept what flies: drones, missiles, aircraft.
            return EventType::AirDroneStrike;
        }
        EventType::Attack
    }
}

/// Words before an agreement that make it sought, broken or already in force rather than
/// made (match-key prefixes).
const NOT_MADE: &[&str] = &[
    "للتوصل",
    "مساعي",
    "مساع",
    "جهود",
    "محادثات",
    "مفاوضات",
    "المحادثات",
    "المفاوضات",
    "مقترح",
    "المقترح",
    "مسوده",
    "خرق",
    "خروق",
    "انتهاك",
    "منذ",
    "بموجب",
    "بنود",
    "انهيار",
    "الدعوه",
    "دعا",
    "دعت",
    "يدعو",
    "تدعو",
    "مطالب",
    "طالب",
    "للوصول",
    "لابرام",
    "سريان",
    "تمديد",
];

/// States whose «قصف» is bombing from the air when nothing else is said.
const AIR_POWERS: &[&str] = &["US", "GB", "IL", "RU", "FR", "SA", "AE"];

/// Words after a verb that make it habitual, not one event.
const HABITUAL: &[&str] = &[
    "مرارا",
    "تكرارا",
    "باستمرار",
    "مرات",
    "دايما",
    "المتكرره",
    "متكرره",
    "اليوميه",
];
/// Words that make plural triggers an aggregate over time.
const SPAN_WORDS: &[&str] = &[
    "منذ",
    "خلال",
    "حتي",
    "طوال",
    "الاعوام",
    "الاشهر",
    "السنوات",
    "الماضيه",
    "الماضي",
];
/// Verbs that carry a trigger noun after their subject («شنت X غارات», «نفذت X ضربات»).
const SUPPORT_VERBS: &[&str] = &["شن", "نفذ", "اطلق", "وجه", "ارتكب"];
/// Prepositions that introduce where something happened.
const LOCATIVE: &[&str] = &[
    "في",
    "علي",
    "فوق",
    "قرب",
    "داخل",
    "عند",
    "قبالة",
    "قباله",
    "بمنطقه",
    "بالقرب",
    "محيط",
    "ضد",
];

/// Find the event mentions of a document.
pub fn mentions(cx: &Ctx, geo: &GeoContext, toll_sentences: &[usize]) -> Vec<Mention> {
    let f = cx.f;
    let triggers = f.lex(Class::Trigger);
    let mut out = Vec::new();
    for (ti, h) in triggers.iter().enumerate() {
        let mut parts = h.value.split(',');
        let Some(kind) = parts.next().and_then(TrigKind::parse) else {
            continue;
        };
        let feats: Vec<&str> = parts.collect();
        let present = feats.contains(&"present");
        let noun = feats.contains(&"noun");
        // «40 هجوما», «أكثر من 140 هجوما»: a noun counted by a number over ten is singular in
        // form and plural in meaning.
        let plural = feats.contains(&"plural")
            || (noun
                && f.numbers_in(cx.sentence(h.key)).any(|q| {
                    q.key.end <= h.key.start && cx.dist(q.key, h.key) == 0 && q.value > 10
                }));
        let sent = cx.sentence_ix(h.key);
        if !live_trigger(cx, h, kind) {
            continue;
        }
        // «سقوط قتلى وجرحى»: casualties fell; nothing crashed.
        if kind == TrigKind::Crash
            && f.lex_in(Class::Casualty, cx.sentence(h.key))
                .any(|c| cx.tok_at(c.key.start) == cx.tok_from(h.key.end))
        {
            continue;
        }

        // Casualty words in toll sentences belong to the toll.
        let in_toll = toll_sentences.binary_search(&sent).is_ok();
        if kind == TrigKind::Kill && in_toll {
            continue;
        }
        if in_toll && plural {
            continue;
        }
        // Negated or hypothetical.
        if cx
            .lex_before(Class::Neg, h.key.start, 1)
            .is_some_and(|n| n.value != "none")
        {
            continue;
        }
        // «من دون أن تندلع بعدها معارك», «دون أن يسفر عن»: what did not happen.
        {
            let i = cx.tok_at(h.key.start);
            if (i.saturating_sub(4)..i.saturating_sub(1))
                .any(|j| cx.tok(j).trim_start_matches('و') == "دون" && cx.tok(j + 1) == "ان")
            {
                continue;
            }
        }
        // «وقف دائم لإطلاق النار»: a ceasefire, not a shooting.
        if kind == TrigKind::Shooting {
            let i = cx.tok_at(h.key.start);
            if (i.saturating_sub(3)..i).any(|j| {
                let w = cx.tok(j).trim_start_matches(['و', 'ل', 'ب']);
                w == "وقف" || w == "الوقف"
            }) {
                continue;
            }
        }
        if cx
            .lex_before(Class::Hypo, h.key.start, 3)
            .is_some_and(|x| x.value != "weak")
        {
            continue;
        }
        if present && kind == TrigKind::Threat {
            // «هذه المسيرات تهدد حياة المدنيين»: a present-tense threat describes, it does not threaten.
            continue;
        }
        if present && !matches!(kind, TrigKind::Threat) {
            // Habitual present («تصنفها واشنطن», «تستهدف»): no single event.
            if kind == TrigKind::Designation
                || kind == TrigKind::Attack
                || kind == TrigKind::Missile
            {
                continue;
            }
        }
        // Inside a threat's scope: «هددت بمواصلة مهاجمة…».
        if kind != TrigKind::Threat
            && triggers[..ti].iter().rev().take(3).any(|p| {
                p.value.starts_with("threat")
                    && cx.sentence_ix(p.key) == sent
                    && cx.dist(p.key, h.key) <= 4
            })
        {
            continue;
        }
        // Purposes are no events: «لاستهداف سفن», «لمهاجمة».
        {
            let ti_ = cx.tok_at(h.key.start);
            let w = cx.tok(ti_);
            if noun
                && (w.starts_with("لاستهداف") || w.starts_with("لمهاجمه") || w.starts_with("لضرب"))
            {
                continue;
            }
            // «المزيد من الهجمات»: more to come, not an event.
            if plural && ti_ >= 2 && cx.tok(ti_ - 2) == "المزيد" {
                continue;
            }
        }
        // Agreements sought, violated or in force, not made: «مساعيهم للتوصل إلى اتفاق»,
        // «خرق وقف إطلاق النار», «منذ سريان الهدنة», «بموجب الاتفاق».
        if kind == TrigKind::Agreement {
            let i = cx.tok_at(h.key.start);
            let sought = (i.saturating_sub(4)..i).any(|j| {
                let w = cx.tok(j).trim_start_matches(['و', 'ف']);
                NOT_MADE.iter().any(|p| w.starts_with(p))
            });
            if sought {
                continue;
            }
        }
        // Habitual verbs: «هاجمت مرارا وتكرارا».
        let next = cx.tok_from(h.key.end);
        if HABITUAL
            .iter()
            .any(|w| cx.tok(next) == *w || cx.stem(next) == *w)
        {
            continue;
        }
        // «استهدفت أكثر من 100 سفينة منذ نوفمبر»: a verb over many targets and a span of
        // time is an aggregate too.
        if !noun && kind.violent() {
            let ti = cx.tok_at(h.key.start);
            let many = f.numbers_in(cx.sentence(h.key)).any(|q| {
                q.key.start >= h.key.end
                    && cx.dist(h.key, q.key) <= 3
                    && (q.value > 10 || q.approx == Approx::Vague)
                    && cx.sentence_ix(q.key) == sent
            });
            let ssp = cx.sentence(h.key);
            let lo = ti.saturating_sub(6).max(cx.tok_from(ssp.start));
            let hi = (ti + 8).min(cx.tok_from(ssp.end));
            let spans_time = (lo..hi).any(|i| {
                SPAN_WORDS.contains(&cx.tok(i))
                    || SPAN_WORDS.contains(&cx.tok(i).trim_start_matches('و'))
            });
            if many && spans_time {
                continue;
            }
        }
        // Aggregates: «لخمس هجمات», «عشرات الهجمات», «مئات الضربات منذ…».
        if plural && kind.violent() {
            let quantified = f.numbers_in(cx.sentence(h.key)).any(|q| {
                q.key.end <= h.key.start
                    && cx.dist(q.key, h.key) <= 2
                    && (q.value > 1 || q.approx == Approx::Vague)
                    && cx.sentence_ix(q.key) == sent
            });
            let ssp = cx.sentence(h.key);
            // A span of time told with the trigger («الهجمات منذ أكتوبر», «خلال الأشهر
            // الماضية»), not anywhere in the sentence («الغارات، التي طالت …، في أعنف حصيلة
            // منذ بدء الضربات»).
            let ti = cx.tok_at(h.key.start);
            let lo = ti.saturating_sub(3).max(cx.tok_from(ssp.start));
            let hi = (ti + 8).min(cx.tok_from(ssp.end));
            let spans_time = (lo..hi).any(|i| {
                SPAN_WORDS.contains(&cx.tok(i))
                    || SPAN_WORDS.contains(&cx.tok(i).trim_start_matches('و'))
            });
            let demonstrative = matches!(
                cx.tok(cx.tok_at(h.key.start).wrapping_sub(1)),
                "تلك" | "هذه" | "هاتين" | "تلكم"
            );
            if demonstrative {
                continue;
            }
            let definite = is_definite(cx, h);
            if (quantified
                && (spans_time
                    || f.numbers_in(cx.sentence(h.key))
                        .any(|q| q.approx == Approx::Vague && cx.dist(q.key, h.key) <= 2)))
                || (spans_time && (quantified || definite))
            {
                continue;
            }
        }
        // «وتأتي الضربة بعد أسبوعين من …», «ويأتي الهجوم في وقت …»: the event just told, framed
        // by what follows; it brings nothing of that sentence.
        let framed = {
            let i = cx.tok_at(h.key.start);
            noun && i > 0 && {
                let w = cx.tok(i - 1).trim_start_matches(['و', 'ف']);
                matches!(w, "تاتي" | "ياتي" | "جاءت" | "جاء" | "اتت" | "اتي")
            }
        };
        let anaphoric = noun && (is_definite(cx, h) || framed);
        // «اعتقال خمسة بتهمة الاعتداء على الممتلكات»: a charge, not an event; nor are the
        // attacks a party is accused of in general («متهمة القوات بشن هجمات على المدنيين،
        // بينها غارات جوية على مدارس»).
        {
            let i = cx.tok_at(h.key.start);
            let charge = (i.saturating_sub(2)..i).any(|j| {
                let w = cx.tok(j).trim_start_matches(['و', 'ب']);
                w.starts_with("تهم")
            });
            let accused = plural
                && (i.saturating_sub(8)..i).any(|j| {
                    let w = cx.tok(j).trim_start_matches(['و', 'ف']);
                    w.starts_with("متهم")
                        || w.starts_with("اتهم")
                        || w.starts_with("تتهم")
                        || w.starts_with("يتهم")
                });
            if charge || accused {
                continue;
            }
        }
        let mut m = build(cx, geo, h, kind, sent, anaphoric);
        m.weak = feats.contains(&"weak");
        // What is still to come is no event: «تظاهرة مركزية يوم الجمعة المقبل». A threat is
        // made now, whatever day it names.
        if let (Some(d), Some(p)) = (m.date.and_then(|i| f.dates.get(i)), cx.published) {
            let future =
                rasd_model::IsoDate::parse(&d.value).is_ok_and(|x| x.to_days() > p.to_days());
            if future {
                if kind == TrigKind::Threat {
                    m.date = None;
                } else {
                    continue;
                }
            }
        }
        // Clashes with protesters are a protest met by force.
        if kind == TrigKind::Clash {
            let ss = cx.sentence(h.key);
            let protesters = (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|i| {
                let w = cx.tok(i).trim_start_matches(['و', 'ب', 'ل']);
                w.starts_with("المحتج")
                    || w.starts_with("محتج")
                    || w.starts_with("المتظاهر")
                    || w.starts_with("متظاهر")
            });
            if protesters {
                m.kind = TrigKind::Protest;
            }
        }
        // «ردا على المجازر بحق أهلنا في غزة», «تضامنا مع»: a motive, no event — unless it is
        // dated («ردا على الهجوم الذي استهدف قاعدة عين الأسد مساء السبت الماضي»).
        let motive = {
            let i = cx.tok_at(h.key.start);
            (i.saturating_sub(4)..i).any(|j| {
                let w = cx.tok(j).trim_start_matches(['و', 'ف']);
                matches!(w, "ردا" | "انتقاما" | "تضامنا" | "ثارا" | "خلفيه")
            })
        };
        if motive && m.date.is_none() && kind.violent() {
            continue;
        }
        if framed {
            m.place = None;
            m.date = None;
            m.weapons.clear();
            m.count = None;
            m.killed = None;
            m.injured = None;
            m.outcome.clear();
        }
        // «هجمات … على قواعد في حقل العمر والشدادي»: one event per place.
        let others = if plural {
            coordinated_places(cx, geo, &m)
        } else {
            Vec::new()
        };
        out.push(m.clone());
        // Several places for one plural trigger: the figures are not told place by place.
        let (count, killed, injured) = if others.is_empty() {
            (m.count, m.killed, m.injured)
        } else {
            (None, None, None)
        };
        if let Some(last) = out.last_mut() {
            last.count = count;
            last.killed = killed;
            last.injured = injured;
        }
        let m = out.last().cloned().unwrap_or(m);
        for p in others {
            let mut x = m.clone();
            x.place = Some(p);
            out.push(x);
        }
    }
    // Sentences with casualty figures and no event word: a mention that can only join.
    let told: std::collections::HashSet<usize> = out.iter().map(|m| m.sent).collect();
    for (si, ss) in f.a.sentences.iter().enumerate() {
        if toll_sentences.binary_search(&si).is_ok() || told.contains(&si) {
            continue;
        }
        if f.lex_in(Class::Trigger, *ss)
            .any(|t| trigger_kind(t).is_some_and(|k| live_trigger(cx, t, k)))
        {
            continue;
        }
        let Some(first) = f.lex_in(Class::Casualty, *ss).next() else {
            continue;
        };
        let (killed, injured) = casualties(cx, *ss);
        if killed.is_none() && injured.is_none() {
            continue;
        }
        let mut m = build(cx, geo, first, TrigKind::Kill, si, true);
        m.attach_only = true;
        m.place = None;
        m.date = None;
        m.actor = None;
        m.target = None;
        out.push(m);
    }
    out.sort_by_key(|m| m.trig.start);
    out
}

/// The kind a trigger hit names (the first field of its lexicon value).
fn trigger_kind(t: &LexHit) -> Option<TrigKind> {
    t.value.split(',').next().and_then(TrigKind::parse)
}

/// Is a trigger hit a live event word that tells an event of its own (not an interception, a
/// fall or a killing)?
fn live_primary(cx: &Ctx, t: &LexHit) -> bool {
    trigger_kind(t).is_some_and(|k| !k.secondary() && live_trigger(cx, t, k))
}

/// Is a trigger word a trigger here: not inside a name («وزارة الدفاع», «قوات التحالف») or a
/// date («فجر الخميس»: dawn, not «فجّر», detonated), nor dawn itself («الثالثة فجرا»)?
fn live_trigger(cx: &Ctx, h: &LexHit, kind: TrigKind) -> bool {
    let f = cx.f;
    if f.names_over(h.key)
        .any(|n| n.key.contains(h.key) && !matches!(n.kind, NameKind::Source { .. }))
    {
        return false;
    }
    if f.dates_in(cx.sentence(h.key))
        .any(|(_, d)| d.key.contains(h.key))
    {
        return false;
    }
    // «مركز احتجاز», «معسكر اعتقال»: a place, not an arrest.
    if matches!(kind, TrigKind::Arrest | TrigKind::Abduction) {
        let i = cx.tok_at(h.key.start);
        if i > 0
            && matches!(
                cx.tok(i - 1).trim_start_matches(['و', 'ب', 'ل']),
                "مركز" | "مراكز" | "سجن" | "معسكر" | "معتقل" | "مقر"
            )
        {
            return false;
        }
    }
    if kind == TrigKind::Explosive {
        let i = cx.tok_at(h.key.start);
        let word = cx.tok(i);
        let stem = cx.stem(i);
        if word.ends_with("فجرا")
            || stem == "فجرا"
            || (stem.starts_with("فجر") && word.contains("ال"))
        {
            return false;
        }
    }
    true
}

/// Places joined to a mention's place by «و» («حقل العمر النفطي والشدادي»), of the same
/// precision (facilities or towns).
fn coordinated_places(cx: &Ctx, geo: &GeoContext, m: &Mention) -> Vec<(Span, Location, PlaceKind)> {
    let Some((pk, _, kind)) = &m.place else {
        return Vec::new();
    };
    if *kind > PlaceKind::Locality {
        return Vec::new();
    }
    let ss = cx.sentence(m.trig);
    let mut out = Vec::new();
    let mut last = *pk;
    for n in cx.f.names_in(Span::new(pk.end, ss.end)) {
        let NameKind::Known { places, .. } = &n.kind else {
            continue;
        };
        if places.is_empty() {
            continue;
        }
        // Joined by «و» right after the previous place (a modifier may stand between: «النفطي»).
        let i = cx.tok_at(n.key.start);
        let joined =
            cx.f.a
                .tokens
                .get(i)
                .is_some_and(|t| cx.key(Span::new(t.key.start, n.key.start)) == "و")
                && cx.dist(last, n.key) <= 1;
        if !joined {
            break;
        }
        let Some(p) = geo::choose(cx, geo, n) else {
            break;
        };
        if p.kind > PlaceKind::Locality {
            break;
        }
        out.push((n.key, geo::location_in(cx, geo, p, n.key), p.kind));
        last = n.key;
    }
    out
}

fn is_definite(cx: &Ctx, h: &LexHit) -> bool {
    let i = cx.tok_at(h.key.start);
    let t = cx.tok(i);
    let before = if i > 0 { cx.tok(i - 1) } else { "" };
    t.starts_with("ال")
        || t.starts_with("بال")
        || t.starts_with("لل")
        || t.starts_with("وال")
        || matches!(before, "هذا" | "هذه" | "ذلك" | "تلك" | "ذات")
}

/// Build a mention: look for its arguments around the trigger in its sentence.
fn build(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    kind: TrigKind,
    sent: usize,
    anaphoric: bool,
) -> Mention {
    let f = cx.f;
    let ss = cx.sentence(h.key);
    let mut m = Mention {
        trig: h.key,
        trig_text: cx.written(h.key),
        sent,
        kind,
        anaphoric,
        weak: false,
        attach_only: false,
        headline: false,
        weapons: Vec::new(),
        place: None,
        date: None,
        actor: None,
        target: None,
        count: None,
        killed: None,
        injured: None,
        outcome: Vec::new(),
    };
    // Clause window: from the trigger back to the previous trigger of another place, forward 12 tokens.
    let win = 10;
    // Weapons near the trigger; not those being destroyed («تدمير صواريخ», «ضد صواريخ»).
    for w in f.lex_in(Class::Weapon, ss) {
        if cx.dist(w.key, h.key) > win {
            continue;
        }
        // A weapon belongs to the nearest trigger of its sentence («تعرضت قاعدة العمر لهجوم
        // بخمسة صواريخ، بينما استهدفت قاعدة كونوكو بطائرة مسيرة»); on a tie, to the one before it.
        let mine = (cx.dist(w.key, h.key), h.key.start > w.key.start);
        if f.lex_in(Class::Trigger, ss).any(|o| {
            o.key != h.key
                && !o.key.contains(w.key)
                && !w.key.contains(o.key)
                && ss.contains(o.key)
                && (cx.dist(w.key, o.key), o.key.start > w.key.start) < mine
        }) {
            continue;
        }
        let i = cx.tok_at(w.key.start);
        let prev = if i > 0 { cx.tok(i - 1) } else { "" };
        let destroyed = (i.saturating_sub(2)..i).any(|j| {
            let w = cx.tok(j).trim_start_matches(['و', 'ف']);
            w.starts_with("دمر") || w.starts_with("تدمير")
        });
        if destroyed || matches!(prev, "ضد" | "تدمير" | "دمرت" | "مخزن" | "تخزين")
        {
            continue;
        }
        // «مسيرة احتجاجية»: a march, not a drone.
        if w.value == "drone" && (kind == TrigKind::Protest || is_march(cx, w.key)) {
            continue;
        }
        // «قناة المسيرة»: part of a name; «وقف إطلاق النار»: a ceasefire, not a shooting.
        if f.names_over(w.key).any(|n| n.key.contains(w.key)) || matches!(prev, "وقف" | "لوقف")
        {
            continue;
        }
        if let Some(wp) = parse_weapon(&w.value) {
            if !m.weapons.contains(&wp) {
                m.weapons.push(wp);
            }
            // Count: a number right before the weapon («ثلاث طائرات»), a dual weapon word,
            // or «واحدة» after it.
            if let Some(c) = count_for(cx, w) {
                m.count = Some(m.count.map_or(c, |x| x.max(c)));
            }
        }
    }
    // Outcomes in the sentence; not «سقوط قتلى وجرحى» (casualties fell, nothing crashed).
    for o in f.lex_in(Class::Outcome, ss).filter(|o| {
        !(o.value == "crashed"
            && f.lex_in(Class::Casualty, ss)
                .any(|c| cx.tok_at(c.key.start) == cx.tok_from(o.key.end)))
    }) {
        if let Some(x) = parse_outcome(&o.value) {
            if !m.outcome.contains(&x) {
                m.outcome.push(x);
            }
        }
    }
    // Place: in the trigger's clause (a sentence may report two sources on two strikes).
    m.place = place_for(cx, geo, h, clause(cx, h.key, ss), anaphoric).or_else(|| {
        // «خرجت تظاهرة في البصرة، وأفاد ناشطون بأن قوات الأمن اعتقلت…»: the sentence's place.
        if anaphoric {
            None
        } else {
            place_for(cx, geo, h, ss, anaphoric)
        }
    });
    // Date: the nearest date in the sentence that is not a publication stamp or a range start.
    m.date = f
        .dates_in(ss)
        .filter(|(_, d)| !d.value.is_empty())
        .filter(|(_, d)| cx.lex_before(Class::Metadate, d.key.start, 2).is_none())
        .filter(|(_, d)| {
            // «منذ الأربعاء» starts a period; «حتى صباح الأحد» ends one.
            let prev = cx.tok(cx.tok_at(d.key.start).wrapping_sub(1));
            // «منذ بدء الضربات في يناير»: the start of a period too.
            let since = (2..=4).any(|k| {
                cx.tok_at(d.key.start)
                    .checked_sub(k)
                    .is_some_and(|j| cx.tok(j) == "منذ")
            });
            !since
                && !matches!(prev, "منذ" | "حتي" | "لغايه")
                && !cx.key(d.key).starts_with("منذ")
                && !cx.key(d.key).starts_with("حتي")
        })
        .min_by_key(|(_, d)| {
            (
                statement_date(cx, d.key, h.key, ss),
                !same_part(cx, d.key, h.key, ss),
                cx.dist(d.key, h.key),
            )
        })
        .map(|(i, _)| i);
    // «في 3 فبراير، في حوالي الساعة 7:20 مساء. نفذت القوات ضربات…»: a date alone in the
    // sentence before.
    if m.date.is_none() && sent > 0 && sent != usize::MAX {
        if let Some(prev) = f.a.sentences.get(sent - 1) {
            // Only a short fragment that says nothing else: no event word, no speaker.
            let short = cx.tok_from(prev.end) - cx.tok_from(prev.start) <= 12;
            if short
                && f.lex_in(Class::Trigger, *prev).next().is_none()
                && f.lex_in(Class::Cue, *prev).next().is_none()
            {
                m.date = f
                    .dates
                    .iter()
                    .position(|d| prev.contains(d.key) && !d.value.is_empty() && d.range.is_none());
            }
        }
    }
    // Actor and target.
    parties(cx, h, kind, ss, &mut m);
    // Casualties.
    let (k, i) = casualties_of(cx, ss, h, kind);
    m.killed = k;
    m.injured = i;
    // «سقوط ثلاثة صواريخ على حي سكني»: rockets and shells that fall have hit, not crashed; only
    // what flies (a drone, an aircraft) crashes.
    if !m.weapons.is_empty()
        && !m
            .weapons
            .iter()
            .any(|w| matches!(w, Weapon::Drone | Weapon::Aircraft))
    {
        m.outcome.retain(|o| *o != Outcome::Crashed);
    }
    if m.outcome.contains(&Outcome::NoCasualties) {
        m.killed.get_or_insert(0);
        m.injured.get_or_insert(0);
    }
    m
}

/// Words that join two events told in one sentence («قُتل شخص بضربة … مساء الأحد، في حين
/// طالت غارات مواقع قرب البوكمال، فجر الاثنين»), match keys.
const CONTRAST: &[&str] = &["بينما", "فيما", "حين", "وبينما", "وفيما"];

/// Are two key spans in the same part of a sentence, between the words of [`CONTRAST`]?
fn same_part(cx: &Ctx, a: Span, b: Span, ss: Span) -> bool {
    let (lo, hi) = if a.start < b.start { (a, b) } else { (b, a) };
    let (i, j) = (cx.tok_from(lo.end), cx.tok_at(hi.start));
    let _ = ss;
    !(i..j).any(|t| CONTRAST.contains(&cx.tok(t)))
}

/// Is a date the day a statement was made rather than the day of the event it reports?
/// «قالت الوزارة، السبت، إن طائرتين استهدفتا القاعدة مساء أمس الجمعة»: the date sits after a
/// speech cue and right before the «إن/أن» that opens the reported clause holding the trigger.
fn statement_date(cx: &Ctx, date: Span, trig: Span, ss: Span) -> bool {
    if date.end > trig.start {
        return false;
    }
    let next = cx.tok_from(date.end);
    let opens = matches!(
        cx.tok(next),
        "ان" | "انه" | "انها" | "انهم" | "انهما" | "بان" | "بانه" | "بانها"
    ) && cx
        .f
        .a
        .tokens
        .get(next)
        .is_some_and(|t| t.key.end <= trig.start);
    let cue_before = |max: usize| {
        cx.f.lex_in(Class::Cue, ss).any(|c| {
            c.key.end <= date.start
                && cx.dist(c.key, date) <= max
                && matches!(c.value.as_str(), "say" | "relay" | "deny")
        })
    };
    // «أعلنت وزارة الصحة، اليوم الجمعة، ارتفاع حصيلة …»: set off by commas right after the
    // speaker, the day the statement was made.
    let set_off = cx.gap_before(date.start).contains(',') && cx.gap_after(date.end).contains(',');
    (opens && cue_before(usize::MAX)) || (set_off && cue_before(5))
}

/// Is «مسيرة» a march here («مسيرة احتجاجية», «مسيرات شعبية حاشدة»)?
fn is_march(cx: &Ctx, k: Span) -> bool {
    let word = cx.stem(cx.tok_at(k.start));
    let next = cx.tok(cx.tok_from(k.end));
    word.starts_with("مسير")
        && (matches!(
            next,
            "احتجاجيه"
                | "احتجاجيا"
                | "شعبيه"
                | "سلميه"
                | "حاشده"
                | "جماهيريه"
                | "راجله"
                | "تضامنيه"
                | "غاضبه"
                | "ليليه"
                | "جماهيري"
                | "شموع"
                | "العوده"
                | "الاعلام"
        ) || next.starts_with("احتجاج")
            || next.starts_with("تضامن")
            || next.starts_with("تنديد"))
}

/// The part of a sentence between the speech cues around a key span.
pub fn clause(cx: &Ctx, k: Span, ss: Span) -> Span {
    let mut start = ss.start;
    let mut end = ss.end;
    // A cue followed by «إنها», «أنه» reports the subject already named: it opens no clause.
    let opens = |c: &&crate::recognize::LexHit| {
        let next = cx.tok(cx.tok_from(c.key.end));
        !matches!(next, "انه" | "انها" | "انهم" | "انهما" | "ان")
    };
    for c in
        cx.f.lex_in(Class::Cue, ss)
            .filter(|c| matches!(c.value.as_str(), "say" | "relay"))
            .filter(opens)
    {
        if c.key.end <= k.start {
            start = start.max(c.key.start);
        } else if c.key.start >= k.end {
            end = end.min(c.key.start);
        }
    }
    Span::new(start, end)
}

fn parse_weapon(s: &str) -> Option<Weapon> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// The number of weapons a weapon word counts.
fn count_for(cx: &Ctx, w: &LexHit) -> Option<u64> {
    let f = cx.f;
    for q in f.numbers_in(cx.sentence(w.key)) {
        if !is_count(q) {
            continue;
        }
        // Dual carried by the weapon noun itself, or a number right before it.
        if q.noun.is_some_and(|n| n.overlaps(w.key)) || q.key.overlaps(w.key) {
            return Some(q.value);
        }
        if q.key.end <= w.key.start && cx.dist(q.key, w.key) == 0 && q.approx != Approx::Vague {
            return Some(q.value);
        }
    }
    // «طائرة مسيرة واحدة»
    let next = cx.tok_from(w.key.end);
    if matches!(cx.tok(next), "واحده" | "واحد") {
        return Some(1);
    }
    None
}

fn is_count(q: &rasd_text::numbers::Quantity) -> bool {
    q.approx != Approx::Vague && q.value > 0 && q.value < 10_000 && is_count_kind(q)
}

/// True for numbers that count things (not years, times, percentages).
pub fn is_count_kind(q: &rasd_text::numbers::Quantity) -> bool {
    q.kind == rasd_text::numbers::NumberKind::Count
}

/// The place of a trigger: the most specific place near it in its sentence.
fn place_for(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    ss: Span,
    anaphoric: bool,
) -> Option<(Span, Location, PlaceKind)> {
    let f = cx.f;
    let mut best: Option<(usize, PlaceKind, &Name)> = None;
    for n in f.names_in(ss) {
        let NameKind::Known { actors, places } = &n.kind else {
            continue;
        };
        if places.is_empty() {
            continue;
        }
        let i = cx.tok_at(n.key.start);
        let prev = if i > 0 { cx.tok(i - 1) } else { "" };
        let tok = cx.tok(i);
        let after = n.key.start >= h.key.end;
        let d = cx.dist(n.key, h.key);
        // «على بعد نحو 15 ميلا بحريا غرب مدينة المخا»: a position at sea, told far from the word.
        let at_sea = after
            && (i.saturating_sub(3)..i).any(|j| {
                let w = cx.tok(j);
                w == "بحريا" || w.starts_with("ميل") || w == "كيلومترا" || w == "كلم"
            });
        let limit = if at_sea { 22 } else { 14 };
        if d > limit || (anaphoric && (!after || d > 8)) {
            continue;
        }
        // Origins are not places of the event: «من اتجاه الجولان», «أطلقا من شاحنة».
        if matches!(prev, "اتجاه" | "باتجاه" | "مصدرها") || (prev == "من" && after && d > 1)
        {
            continue;
        }
        let Some(kind) = cx.best_kind(n) else {
            continue;
        };
        // Time zones are no places: «بتوقيت شرق الولايات المتحدة».
        if (i.saturating_sub(2)..i).any(|j| cx.tok(j) == "بتوقيت") {
            continue;
        }
        // Where a source is is not where it happened: «قالت مصادر محلية في دير الزور».
        if prev == "في"
            && f.names_in(cx.sentence(n.key)).any(|s| {
                matches!(s.kind, NameKind::Source { .. })
                    && s.key.end <= n.key.start
                    && cx.dist(s.key, n.key) <= 1
            })
        {
            continue;
        }
        // Who speaks is not where it happened: «أعلن مستشفى العودة استقبال 9 شهداء»,
        // «بحسب مستشفى ناصر».
        if f.lex_in(Class::Cue, cx.sentence(n.key)).any(|c| {
            c.key.end <= n.key.start
                && cx.dist(c.key, n.key) == 0
                && matches!(c.value.as_str(), "say" | "relay" | "per")
        }) {
            continue;
        }
        // A name that is also an actor («العراق», «واشنطن») is a place only after a locative
        // («في العراق», «بالعراق»).
        if !actors.is_empty() {
            let t_full = tok;
            let located = t_full.starts_with('ب') && !t_full.starts_with("بال")
                || t_full.starts_with("بال")
                || LOCATIVE.contains(&prev)
                || matches!(
                    prev,
                    "شمال"
                        | "جنوب"
                        | "شرق"
                        | "غرب"
                        | "شمالي"
                        | "جنوبي"
                        | "شرقي"
                        | "غربي"
                        | "وسط"
                        | "انحاء"
                        | "مناطق"
                        | "قبالة"
                );
            if !located {
                continue;
            }
        }
        // Distance penalty; places after the trigger are preferred, and so is the subject of
        // «تعرضت قاعدة حرير … لهجوم».
        let subject_of_passive =
            i > 0 && (cx.stem(i - 1).starts_with("تعرض") || cx.tok(i - 1).starts_with("تعرض"));
        let score = if subject_of_passive {
            0
        } else {
            d + if after { 0 } else { 3 }
        };
        let better = match &best {
            None => true,
            Some((bs, bk, _)) => {
                (kind < *bk && score <= bs + 4) || (score < *bs && kind <= *bk) || (score + 4 < *bs)
            }
        };
        if better {
            best = Some((score, kind, n));
        }
    }
    let (_, _, n) = best?;
    let p = geo::choose(cx, geo, n)?;
    Some((n.key, geo::location_in(cx, geo, p, n.key), p.kind))
}

/// Parties of a mention: who acted, who was acted on.
fn parties(cx: &Ctx, h: &LexHit, kind: TrigKind, ss: Span, m: &mut Mention) {
    let f = cx.f;
    // Only the trigger's clause: «قال الحوثيون إنهم استهدفوا سفينة، بينما قالت القيادة المركزية…»
    // names no target after the second speech verb.
    let agents: Vec<&Name> = f
        .names_in(clause(cx, h.key, ss))
        .filter(|n| cx.is_agent(n) && !is_place_use(cx, n))
        .collect();
    let trig_i = cx.tok_at(h.key.start);
    let trig_end = cx.tok_from(h.key.end);
    let is_verb = !f
        .lex_in(Class::Trigger, ss)
        .any(|t| t.key == h.key && t.value.contains("noun"));
    let passive = cx.key(h.key).contains("تعرض")
        || f.lex_in(Class::Trigger, ss)
            .any(|t| t.key == h.key && t.value.contains("passive"));
    // Nationality adjective right after a trigger noun: «غارات إسرائيلية», «الضربات الجوية الأمريكية».
    let mut nisba_actor: Option<Party> = None;
    for k in trig_end..(trig_end + 3).min(f.a.tokens.len()) {
        if let Some(nh) = f
            .lex_in(Class::Nisba, ss)
            .find(|x| f.a.tokens[k].key.contains(x.key) || x.key.contains(f.a.tokens[k].key))
        {
            if nh.value.len() == 2 {
                nisba_actor = state_party(cx, &nh.value, nh.key);
            }
            break;
        }
        // Only through weapon words («هجوم جوي إسرائيلي»).
        if !f
            .lex_in(Class::Weapon, ss)
            .any(|w| w.key.overlaps(f.a.tokens[k].key))
            && !matches!(cx.tok(k), "جوي" | "جويه" | "صاروخي" | "الجويه" | "الجوي")
        {
            break;
        }
    }
    // «شنت طائرات حربية إسرائيلية غارة»: a nationality adjective in the weapon phrase before.
    if nisba_actor.is_none() {
        for k in (trig_i.saturating_sub(3)..trig_i).rev() {
            let tk = f.a.tokens[k].key;
            if let Some(nh) = f.lex_in(Class::Nisba, ss).find(|x| x.key.overlaps(tk)) {
                let in_weapon = f
                    .lex_in(Class::Weapon, ss)
                    .any(|w| w.key.end <= tk.start && cx.dist(w.key, tk) <= 1);
                if in_weapon && nh.value.len() == 2 {
                    nisba_actor = state_party(cx, &nh.value, nh.key);
                }
                break;
            }
        }
    }
    let after: Vec<&&Name> = agents.iter().filter(|n| n.key.start >= h.key.end).collect();
    let before: Vec<&&Name> = agents.iter().filter(|n| n.key.end <= h.key.start).collect();
    let first_after = after
        .first()
        .filter(|n| cx.tok_at(n.key.start).saturating_sub(trig_end) <= 2);
    let target_after = after.iter().find(|n| {
        let i = cx.tok_at(n.key.start);
        let prev = if i > 0 { cx.tok(i - 1) } else { "" };
        matches!(prev, "علي" | "ضد" | "استهدف" | "استهدفت" | "مستهدفا")
    });
    let near_before = before
        .last()
        .filter(|n| trig_i.saturating_sub(cx.tok_from(n.key.end)) <= 4);
    // «برصاص قوات الاحتلال», «على يد مسلحين», «هجوم شنته قوات الدعم السريع»: the agent of
    // the violence, named after it.
    let by_agent = after.iter().find(|n| {
        let i = cx.tok_at(n.key.start);
        let prev = if i > 0 { cx.stem(i - 1) } else { "" };
        let prev_tok = if i > 0 { cx.tok(i - 1) } else { "" };
        let prev2 = if i > 1 { cx.tok(i - 2) } else { "" };
        cx.dist(h.key, n.key) <= 6
            && (matches!(prev, "رصاص" | "نيران" | "قذائف" | "ايدي")
                || matches!(
                    prev_tok,
                    "برصاص"
                        | "بنيران"
                        | "بقذائف"
                        | "بايدي"
                        | "شنته"
                        | "شنها"
                        | "نفذته"
                        | "نفذها"
                )
                || (prev2 == "علي" && matches!(prev_tok, "يد" | "ايدي")))
    });
    match kind {
        TrigKind::Clash => {
            // «اشتباكات بين X وY»: the two sides.
            let sides: Vec<&&&Name> = after
                .iter()
                .filter(|n| cx.dist(h.key, n.key) <= 6)
                .take(2)
                .collect();
            if let Some(n) = sides.first() {
                m.actor = party(cx, n);
            }
            if let Some(n) = sides.get(1) {
                m.target = party(cx, n);
            }
        }
        TrigKind::Intercept => {
            // The interceptor defends: it is the target of the attack.
            if let Some(n) = first_after.or(near_before) {
                m.target = party(cx, n);
            }
        }
        TrigKind::Designation => {
            // Only states, their agencies and international bodies designate.
            let designator = |n: &Name| {
                cx.actor_of(n).is_some_and(|(_, a)| {
                    matches!(
                        a.kind,
                        ActorKind::State | ActorKind::Agency | ActorKind::Organization
                    )
                })
            };
            let fa = first_after.copied().copied().filter(|n| designator(n));
            let nb = near_before.copied().copied().filter(|n| designator(n));
            let subj = if is_verb { fa.or(nb) } else { nb };
            if let Some(n) = subj {
                m.actor = party(cx, n);
            }
            if let Some(t) = after
                .iter()
                .find(|t| Some(t.key) != subj.map(|s| s.key) && !designator(t))
            {
                m.target = party(cx, t);
            }
        }
        TrigKind::Threat
        | TrigKind::Arrest
        | TrigKind::Protest
        | TrigKind::Agreement
        | TrigKind::Abduction => {
            if is_verb {
                if let Some(n) = first_after.or(near_before) {
                    m.actor = party(cx, n);
                    if let Some(t) = after
                        .iter()
                        .find(|t| t.key.start >= n.key.end && t.key != n.key)
                    {
                        m.target = party(cx, t);
                    }
                }
            } else {
                if let Some(n) = near_before {
                    m.actor = party(cx, n);
                }
                if let Some(t) = after.first() {
                    m.target = party(cx, t);
                }
            }
        }
        _ => {
            if passive {
                if let Some(n) = near_before {
                    m.target = party(cx, n);
                }
            } else if is_verb
                && trig_i > 0
                && matches!(
                    cx.tok(trig_i - 1),
                    "انه" | "انها" | "انهم" | "بانه" | "بانها"
                )
            {
                // «قال الجيش الإسرائيلي إنه استهدف مبنى»: the pronoun is the speaker.
                if let Some(n) = before.iter().rev().find(|n| {
                    let j = cx.tok_at(n.key.start);
                    j > 0
                        && cx.f.lex_in(Class::Cue, ss).any(|c| {
                            c.value == "say"
                                && cx.tok_at(c.key.start) + 1 >= j
                                && cx.tok_at(c.key.start) < j
                        })
                }) {
                    m.actor = party(cx, n);
                }
            } else if is_verb {
                // «طائرة مسيرة هاجمت القوات»: a weapon before the verb is its subject, and the
                // name after the verb is the target.
                let weapon_subject = f.lex_in(Class::Weapon, ss).any(|w| {
                    w.key.end <= h.key.start
                        && trig_i.saturating_sub(cx.tok_at(w.key.end.saturating_sub(1))) <= 4
                });
                if weapon_subject {
                    if let Some(n) = first_after {
                        m.target = party(cx, n);
                    }
                } else if let Some(n) = first_after {
                    m.actor = party(cx, n);
                } else if let Some(n) = near_before {
                    m.actor = party(cx, n);
                }
            } else if let Some(n) = near_before.filter(|n| {
                // «نفذت قوات القيادة المركزية ضربات», «شنت إسرائيل قصفا»: a support verb, its
                // subject, then the trigger noun.
                let j = cx.tok_at(n.key.start);
                (j.saturating_sub(2)..j).any(|k| {
                    SUPPORT_VERBS
                        .iter()
                        .any(|v| cx.stem(k).starts_with(v) || cx.tok(k).starts_with(v))
                })
            }) {
                m.actor = party(cx, n);
            } else if let Some(n) = first_after.filter(|n| {
                cx.tok_at(n.key.start) == trig_end && cx.gap_before(n.key.start).trim().is_empty()
            }) {
                // «هجوم حماس»: the genitive after a noun is the attacker.
                m.actor = party(cx, n);
            }
            if m.actor.is_none() {
                m.actor = nisba_actor;
            }
            if m.target.is_none() {
                if let Some(n) = target_after {
                    m.target = party(cx, n);
                }
            }
            // Forces named anywhere in the sentence, attacked: «قاعدة تضم قوات أميركية».
            if m.target.is_none() {
                if let Some(n) = agents.iter().find(|n| {
                    cx.actor_of(n)
                        .is_some_and(|(_, a)| a.kind == ActorKind::StateForce)
                        && m.actor.as_ref().is_none_or(|p| p.key != n.key)
                        && n.key.start >= h.key.end
                        && cx.dist(n.key, h.key) <= 12
                }) {
                    m.target = party(cx, n);
                }
            }
        }
    }
    if let Some(n) = by_agent.filter(|_| kind.violent() && kind != TrigKind::Clash) {
        m.actor = party(cx, n);
    }
    if let (Some(a), Some(t)) = (&m.actor, &m.target) {
        if a.key == t.key {
            m.target = None;
        }
    }
}

/// True when a known name is used as a place here («في العراق»), not as an actor.
fn is_place_use(cx: &Ctx, n: &Name) -> bool {
    let NameKind::Known { places, .. } = &n.kind else {
        return false;
    };
    if places.is_empty() {
        return false;
    }
    let i = cx.tok_at(n.key.start);
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    let tok = cx.tok(i);
    LOCATIVE.contains(&prev) || (tok.starts_with('ب') && !cx.key(n.key).starts_with('ب'))
}

/// A name as written, with «لل» (ل + the article) given back its article.
pub fn written_name(cx: &Ctx, n: &Name) -> String {
    let w = cx.written(n.key);
    if cx.key(n.key).starts_with("لل") {
        if let Some(rest) = w.strip_prefix("لل") {
            return format!("ال{rest}");
        }
    }
    w
}

/// A party from a name.
pub fn party(cx: &Ctx, n: &Name) -> Option<Party> {
    let written = written_name(cx, n);
    match cx.actor_of(n) {
        Some((_, a)) if !matches!(n.kind, NameKind::Source { .. }) => Some(Party {
            name: written,
            name_en: Some(a.name_en.clone()),
            entity_id: Some(a.id.clone()),
            country: a.country.clone(),
            key: n.key,
        }),
        _ => Some(Party {
            name: written,
            name_en: None,
            entity_id: None,
            country: cx.country_of(n),
            key: n.key,
        }),
    }
}

/// The state of a country code as a party.
fn state_party(cx: &Ctx, code: &str, key: Span) -> Option<Party> {
    let a = cx
        .kb
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::State && a.country.as_deref() == Some(code))?;
    Some(Party {
        name: a.name_ar.clone(),
        name_en: Some(a.name_en.clone()),
        entity_id: Some(a.id.clone()),
        country: Some(code.to_string()),
        key,
    })
}

/// Killed and injured figures stated in a sentence.
pub fn casualties(cx: &Ctx, ss: Span) -> (Option<u64>, Option<u64>) {
    casualties_where(cx, ss, |_| true)
}

/// The casualties of one trigger: those of its sentence that belong to it. Each casualty word
/// belongs to the nearest event trigger before it («غارة على دورس أدت إلى سقوط 4 شهداء،
/// بينما أسفرت غارة على سحمر عن مقتل ثلاثة»), or failing one, the first after it («قُتل سبعة
/// في غارات على بعلبك»). Interceptions, falls and killings own only the casualties of a
/// sentence without an event trigger.
fn casualties_of(cx: &Ctx, ss: Span, h: &LexHit, kind: TrigKind) -> (Option<u64>, Option<u64>) {
    let primaries: Vec<Span> =
        cx.f.lex_in(Class::Trigger, ss)
            .filter(|t| live_primary(cx, t))
            .map(|t| t.key)
            .collect();
    let owner = |c: Span| {
        primaries
            .iter()
            .rfind(|p| p.end <= c.start)
            .or_else(|| primaries.iter().find(|p| p.start >= c.end))
            .copied()
    };
    casualties_where(cx, ss, |c| match owner(c) {
        Some(o) => !kind.secondary() && o == h.key,
        None => true,
    })
}

fn casualties_where(cx: &Ctx, ss: Span, mine: impl Fn(Span) -> bool) -> (Option<u64>, Option<u64>) {
    let f = cx.f;
    let mut killed = None;
    let mut injured = None;
    let cas: Vec<&LexHit> = f.lex_in(Class::Casualty, ss).collect();
    // «قتل وإصابة أكثر من عشرة», «بين قتيل وجريح»: one figure for both, neither is known.
    let combined = |c: &LexHit| {
        cas.iter().any(|o| {
            o.key != c.key
                && o.value.split(',').next() != c.value.split(',').next()
                && cx.tok_at(o.key.start).abs_diff(cx.tok_at(c.key.start)) == 1
                && cx
                    .tok(cx.tok_at(o.key.start.max(c.key.start)))
                    .starts_with('و')
        })
    };
    for c in f
        .lex_in(Class::Casualty, ss)
        .filter(|c| mine(c.key) && !combined(c))
    {
        let (what, side) = c
            .value
            .split_once(',')
            .unwrap_or((c.value.as_str(), "after"));
        let q = if side == "before" {
            f.numbers_in(ss)
                .filter(|q| q.key.end <= c.key.start && cx.dist(q.key, c.key) == 0)
                .last()
        } else {
            // «مقتل ثلاثة», «أصيب 5 جنود», or «خمسة جنود أصيبوا».
            f.numbers_in(ss)
                .find(|q| q.key.start >= c.key.end && cx.dist(c.key, q.key) <= 1)
                .or_else(|| {
                    f.numbers_in(ss)
                        .filter(|q| {
                            q.key.end <= c.key.start && cx.dist(q.key, c.key) <= 1 && {
                                let ni = cx.tok_from(q.key.end);
                                f.lex_in(Class::PersonNoun, ss)
                                    .any(|p| cx.tok_at(p.key.start) == ni)
                            }
                        })
                        .last()
                })
        };
        let value = match q {
            Some(q) if q.approx != Approx::Vague && is_count_kind(q) => q.value,
            Some(_) => continue,
            // «قُتل جندي تركي وأصيب اثنان»: one person, in the singular.
            None if side != "before" && singular_person(cx, cx.tok_from(c.key.end)) => 1,
            None => continue,
        };
        let slot = if what == "killed" {
            &mut killed
        } else {
            &mut injured
        };
        *slot = Some(slot.map_or(value, |v: u64| v.max(value)));
    }
    (killed, injured)
}

/// Is the token a person in the singular («جندي», «مدنيا», «طفلة»)?
fn singular_person(cx: &Ctx, i: usize) -> bool {
    let w = cx.tok(i);
    let w = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        w.trim_end_matches('ا'),
        "جندي"
            | "شخص"
            | "مدني"
            | "طفل"
            | "طفله"
            | "امراه"
            | "سيده"
            | "عنصر"
            | "مسعف"
            | "صحفي"
            | "صحفيه"
            | "شرطي"
            | "مقاتل"
            | "ضابط"
            | "مواطن"
            | "مواطنه"
            | "شاب"
            | "شابه"
            | "رجل"
            | "فتي"
            | "فتاه"
            | "عسكري"
            | "مزارع"
            | "طبيب"
            | "ممرض"
            | "ناشط"
            | "قيادي"
            | "مسلح"
    )
}

/// Is the mention compatible with the draft event?
fn compatible(cx: &Ctx, d: &Draft, m: &Mention, consequence: bool) -> bool {
    let dk = d.mentions.iter().map(|x| x.kind).collect::<Vec<_>>();
    let d_violent = dk.iter().any(|k| k.violent());
    if m.kind.violent() != d_violent {
        return false;
    }
    if !m.kind.violent() && !dk.contains(&m.kind) {
        return false;
    }
    // An article tells one agreement however many times it names it («الاتفاق», «الهدنة»,
    // «وقف إطلاق النار»), unless it dates another one («هدنة نيسان 2022»): dates a day
    // apart at most (announced in the evening, in force at dawn), places and parties aside.
    if m.kind == TrigKind::Agreement {
        return match (d.date(cx), m.date.and_then(|i| cx.f.dates.get(i))) {
            (Some(a), Some(b)) => days_apart(a, b).is_some_and(|n| n <= 1),
            _ => true,
        };
    }
    // Casualties told alone in the sentence after the attack are its casualties: «شنت
    // مقاتلات غارات على ميناء الحديدة. وأعلنت وزارة الصحة مقتل 6 أشخاص وإصابة 83 آخرين».
    let next_sentence = consequence
        && m.kind == TrigKind::Kill
        && m.sent > 0
        && d.mentions
            .iter()
            .any(|x| x.sent < m.sent && x.sent + 2 >= m.sent && !x.kind.secondary())
        && !cx
            .f
            .lex_in(Class::Trigger, cx.sentence(m.trig))
            .any(|t| trigger_kind(t).is_some_and(|k| !k.secondary()));
    if next_sentence {
        return true;
    }
    // Dates.
    if let (Some(a), Some(b)) = (d.date(cx), m.date.and_then(|i| cx.f.dates.get(i))) {
        let n = a.value.len().min(b.value.len());
        if a.value.get(..n) != b.value.get(..n) {
            return false;
        }
    }
    // Places; not for what an attack told in the same sentence led to, whatever place is
    // nearest the word: its casualties («انفجرت عبوة على طريق درعا - دمشق، ما أدى إلى مقتل
    // جنديين»), its interception and its fall («حاولتا استهداف قاعدة حرير … شمال شرقي مدينة
    // أربيل، وأسقطت الدفاعات إحداهما»).
    let same_sentence = consequence
        && m.kind.secondary()
        && d.mentions.iter().any(|x| x.sent == m.sent)
        && (m.kind != TrigKind::Kill || is_consequence(cx, m.trig))
        && match (d.place(), m.place.as_ref()) {
            (Some(a), Some(b)) => a.1.country == b.1.country,
            _ => true,
        };
    let consequence = same_sentence;
    if let (Some(a), Some(b), false) = (d.place(), m.place.as_ref(), consequence) {
        if !places_compatible(cx, &a.1, &b.1) {
            return false;
        }
    }
    // Two triggers told together in one part of a sentence are one event whoever is named
    // with each («غارات أميركية بريطانية مشتركة، الخميس، استهدفت 13 موقعا»).
    if d.mentions.iter().any(|x| {
        x.sent == m.sent && cx.dist(x.trig, m.trig) <= 6 && same_part(cx, x.trig, m.trig, x.trig)
    }) {
        return true;
    }
    // Actors: the same party cannot be attacker in one and target in the other.
    let same = |x: &Party, y: &Party| {
        x.entity_id.is_some() && x.entity_id == y.entity_id
            || x.country.is_some()
                && x.country == y.country
                && x.entity_id.is_none() == y.entity_id.is_none()
    };
    if let (Some(a), Some(t)) = (d.actor(), m.target.as_ref()) {
        if same(a, t) {
            return false;
        }
    }
    if let (Some(t), Some(a)) = (d.target(), m.actor.as_ref()) {
        if same(t, a) {
            return false;
        }
    }
    if let (Some(a), Some(b)) = (d.actor(), m.actor.as_ref()) {
        if a.country.is_some() && b.country.is_some() && a.country != b.country {
            return false;
        }
    }
    if let (Some(a), Some(b)) = (d.target(), m.target.as_ref()) {
        if !m.kind.violent()
            && a.entity_id.is_some()
            && b.entity_id.is_some()
            && a.entity_id != b.entity_id
        {
            return false;
        }
    }
    true
}

/// Days between two date mentions (their first days), when both are full dates; the same
/// month or year when coarser counts as 0.
fn days_apart(a: &rasd_text::dates::DateMention, b: &rasd_text::dates::DateMention) -> Option<i64> {
    let n = a.value.len().min(b.value.len());
    if n < 10 {
        return (a.value.get(..n) == b.value.get(..n)).then_some(0);
    }
    let (x, y) = (
        rasd_model::IsoDate::parse(&a.value).ok()?,
        rasd_model::IsoDate::parse(&b.value).ok()?,
    );
    Some((x.to_days() - y.to_days()).abs())
}

/// Is a casualty word told as the result of what came before («ما أدى إلى مقتل», «أسفر عن
/// مقتل», «مخلفا قتلى»)?
fn is_consequence(cx: &Ctx, trig: Span) -> bool {
    let i = cx.tok_at(trig.start);
    (1..=3).any(|back| {
        i.checked_sub(back).is_some_and(|j| {
            let t = cx.stem(j);
            t.starts_with("ادي")
                || t.starts_with("اسفر")
                || t.starts_with("يودي")
                || t.starts_with("مخلف")
                || t.starts_with("خلف")
                || t.starts_with("اوقع")
                || t.starts_with("موقع")
        })
    })
}

/// Same place, one inside the other, or within 25 km.
pub fn places_compatible(cx: &Ctx, a: &Location, b: &Location) -> bool {
    if a.place_id.is_some() && a.place_id == b.place_id {
        return true;
    }
    if a.country != b.country {
        return false;
    }
    let coarse = |l: &Location| {
        matches!(
            l.precision,
            Some(
                rasd_model::GeoPrecision::Country
                    | rasd_model::GeoPrecision::Region
                    | rasd_model::GeoPrecision::Admin1
            )
        )
    };
    if coarse(a) || coarse(b) {
        // One contains the other when the coarse one is a country, or the admin1 agrees.
        let (c, fine) = if coarse(a) { (a, b) } else { (b, a) };
        let near = match (c.lat, c.lon, fine.lat, fine.lon) {
            (Some(x1), Some(y1), Some(x2), Some(y2)) => km(x1, y1, x2, y2) <= 40.0,
            _ => false,
        };
        return c.precision != Some(rasd_model::GeoPrecision::Admin1)
            || c.admin1.is_none()
            || c.admin1 == fine.admin1
            || near;
    }
    let _ = cx;
    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(x1), Some(y1), Some(x2), Some(y2)) => km(x1, y1, x2, y2) <= 25.0,
        _ => false,
    }
}

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

/// Is sentence `i` part of the headline: the first line of the text, when it is short and
/// more lines follow?
pub fn is_headline(cx: &Ctx, i: usize) -> bool {
    let key = &cx.f.a.key.text;
    let Some(nl) = key
        .trim_start()
        .find('\n')
        .map(|n| n + (key.len() - key.trim_start().len()))
    else {
        return false;
    };
    let Some(ss) = cx.f.a.sentences.get(i) else {
        return false;
    };
    // A first paragraph that ends with a full stop is the lead, not a headline.
    let first = key[..nl].trim_end();
    ss.end <= nl && cx.tok_from(nl) <= 40 && !first.ends_with('.') && !key[nl..].trim().is_empty()
}

/// Merge mentions into events.
///
/// Body mentions merge in text order; the headline's mentions come last and join the first
/// event they fit, since a headline announces what the body tells («هجوم بمسيّرتين على
/// قاعدة حرير» over «أعلن الجهاز، فجر الأربعاء، أن طائرتين مسيرتين حاولتا استهداف قاعدة
/// حرير»).
pub fn merge(cx: &Ctx, mentions: Vec<Mention>) -> Vec<Draft> {
    let (mut headline, body): (Vec<Mention>, Vec<Mention>) =
        mentions.into_iter().partition(|m| is_headline(cx, m.sent));
    for m in &mut headline {
        m.headline = true;
    }
    let mut drafts = merge_body(cx, body);
    for m in headline {
        let pick = drafts
            .iter()
            .position(|d| compatible(cx, d, &m, false))
            .or_else(|| drafts.iter().position(|d| compatible(cx, d, &m, true)));
        match pick {
            Some(i) => {
                let d = &mut drafts[i];
                let at = d
                    .mentions
                    .iter()
                    .take_while(|x| is_headline(cx, x.sent))
                    .count();
                d.kinds.push(m.kind);
                d.mentions.insert(at, m);
            }
            None => {
                // Headline events that the body does not tell go first, in headline order.
                let at = drafts
                    .iter()
                    .take_while(|d| d.mentions.first().is_some_and(|x| is_headline(cx, x.sent)))
                    .count();
                drafts.insert(
                    at,
                    Draft {
                        kinds: vec![m.kind],
                        mentions: vec![m],
                    },
                );
            }
        }
    }
    refer_back_places(cx, &mut drafts);
    drafts.retain(|d| {
        !(d.primary().is_empty()
            && d.place().is_none()
            && d.mentions.iter().all(|m| m.weapons.is_empty()))
    });
    drafts
}

/// Generic place nouns that refer back to a place just named, with the kinds they name
/// («سبق أن استهدفها صاروخ … الأعنف على القاعدة» is the base told before).
const BACK_PLACES: &[(&str, PlaceKind)] = &[
    ("القاعده", PlaceKind::Facility),
    ("المطار", PlaceKind::Facility),
    ("الميناء", PlaceKind::Facility),
    ("المعسكر", PlaceKind::Facility),
    ("الحقل", PlaceKind::Facility),
    ("المعبر", PlaceKind::Facility),
    ("المستشفي", PlaceKind::Facility),
    ("المدينه", PlaceKind::Locality),
    ("البلده", PlaceKind::Locality),
    ("القريه", PlaceKind::Locality),
    ("المخيم", PlaceKind::Locality),
];

/// An event without a place of its own whose sentence names «القاعدة», «البلدة»… takes the
/// place of that kind of the event told just before it.
fn refer_back_places(cx: &Ctx, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if drafts[i].place().is_some() || !drafts[i].mentions.iter().any(|m| m.kind.violent()) {
            continue;
        }
        let Some(first) = drafts[i].mentions.iter().map(|m| m.trig.start).min() else {
            continue;
        };
        let kinds: Vec<PlaceKind> = drafts[i]
            .mentions
            .iter()
            .filter(|m| !m.headline)
            .flat_map(|m| {
                let ss = cx.sentence(m.trig);
                (cx.tok_from(ss.start)..cx.tok_from(ss.end)).filter_map(|t| {
                    // «والقاعدة», «بالقاعدة», «للقاعدة».
                    let w = cx.tok(t).trim_start_matches(['و', 'ف', 'ب']);
                    let w = match w.strip_prefix("لل") {
                        Some(rest) => format!("ال{rest}"),
                        None => w.to_string(),
                    };
                    BACK_PLACES.iter().find(|(n, _)| w == *n).map(|(_, k)| *k)
                })
            })
            .collect();
        let Some(kind) = kinds.first().copied() else {
            continue;
        };
        // The latest place of that kind told before this event.
        let back = drafts[..i]
            .iter()
            .chain(drafts[i + 1..].iter())
            .flat_map(|d| d.mentions.iter())
            .filter(|m| m.trig.start < first)
            .filter_map(|m| m.place.as_ref().map(|p| (m.trig.start, p)))
            .filter(|(_, p)| p.2 == kind)
            .max_by_key(|(at, _)| *at)
            .map(|(_, p)| p.clone());
        if let (Some(p), Some(m)) = (back, drafts[i].mentions.iter_mut().find(|m| !m.headline)) {
            m.place = Some(p);
        }
    }
}

/// How many of the latest events a mention may join: a mention refers to what was told
/// recently, and a long document must not cost the square of its events.
const MERGE_WINDOW: usize = 64;

/// The latest [`MERGE_WINDOW`] drafts.
fn recent(drafts: &[Draft]) -> std::slice::Iter<'_, Draft> {
    drafts[drafts.len().saturating_sub(MERGE_WINDOW)..].iter()
}

fn merge_body(cx: &Ctx, mut mentions: Vec<Mention>) -> Vec<Draft> {
    // Within a sentence the event triggers go first and what they led to after («استشهد 3
    // مواطنين بقصف مدفعي استهدف مخيم جباليا»: the shelling, then the deaths).
    mentions.sort_by_key(|m| (m.sent, m.kind.secondary()));
    let mut drafts: Vec<Draft> = Vec::new();
    for m in mentions {
        // The most recent compatible event; secondary and anaphoric mentions need one, others
        // start a new event when they bring a new date or place.
        // Failing that, casualties told as the result of an attack in the same sentence join it
        // whatever place is nearest the casualty word.
        // Casualties told in a sentence of their own belong to the event the sentence before
        // tells first («شنت مقاتلات غارات على ميناء الحديدة …، بعد يوم من هجوم على تل أبيب.
        // وأعلنت وزارة الصحة مقتل 6»), not to an earlier one it mentions in passing.
        let lone = m.kind == TrigKind::Kill
            && !cx
                .f
                .lex_in(Class::Trigger, cx.sentence(m.trig))
                .any(|t| live_primary(cx, t));
        let told_first = lone
            .then(|| {
                (1..=2).find_map(|back| {
                    let s = m.sent.checked_sub(back)?;
                    drafts
                        .iter()
                        .enumerate()
                        .flat_map(|(i, d)| d.mentions.iter().map(move |x| (i, x)))
                        .filter(|(_, x)| x.sent == s && !x.kind.secondary() && !x.headline)
                        .min_by_key(|(_, x)| x.trig.start)
                        .map(|(i, _)| i)
                })
            })
            .flatten()
            .filter(|&i| compatible(cx, &drafts[i], &m, true));
        let pick = told_first.or_else(|| {
            let skip = drafts.len().saturating_sub(MERGE_WINDOW);
            recent(&drafts)
                .rposition(|d| compatible(cx, d, &m, false))
                .or_else(|| recent(&drafts).rposition(|d| compatible(cx, d, &m, true)))
                .map(|i| i + skip)
        });
        let starts_new = match pick {
            None => true,
            Some(i) => {
                let d = &drafts[i];
                let same_sentence = d.mentions.iter().any(|x| x.sent == m.sent);
                let later_date = m.date.is_some()
                    && d.date(cx).is_none()
                    && !same_sentence
                    && d.mentions.iter().any(|x| x.sent + 3 < m.sent);
                let other_place = !m.anaphoric
                    && !m.kind.secondary()
                    && m.place.is_some()
                    && d.place().is_some_and(|p| {
                        m.place.as_ref().is_some_and(|q| {
                            q.1.place_id != p.1.place_id
                                && q.2 <= PlaceKind::Locality
                                && p.2 <= PlaceKind::Locality
                        })
                    });
                let new_info = m.kind != TrigKind::Agreement && (later_date || other_place);
                new_info && !same_sentence
            }
        };
        // A killing told with no town of its own, once an attack has been told, is what some
        // attack did («قال ميلر إن الحوثيين قتلوا بحارة أبرياء»), not an event of its own.
        let thin_kill = m.kind == TrigKind::Kill
            && !drafts.is_empty()
            && m.place.as_ref().is_none_or(|p| p.2 > PlaceKind::Locality);
        if starts_new && (m.attach_only || thin_kill) {
            continue;
        }
        if starts_new {
            drafts.push(Draft {
                kinds: vec![m.kind],
                mentions: vec![m],
            });
        } else if let Some(i) = pick {
            drafts[i].kinds.push(m.kind);
            drafts[i].mentions.push(m);
        }
    }
    // An event made only of secondary mentions with nothing else («قُتل» alone) stays an attack;
    // an interception with no weapon and no place is dropped as too thin (in `merge`).
    drafts
}

/// A resolved date: (value, precision, the words it was read from).
pub type ResolvedDate = (Option<String>, DatePrecision, Option<String>);

/// The resolved dates of a document's drafts, in order.
///
/// A draft with a date of its own keeps it. One without takes the date of the story it is
/// told in: the nearest dated mention of the same family in its sentence or the two before
/// («شنت مقاتلات أمريكية، مساء الأحد، ضربات … وقال أوستن إن طائرات استهدفت منشأة قرب
/// البوكمال»), else the article's news date, the first day-precise date of an event in the
/// week before publication (the lead's «مساء السبت»), else the publication date.
pub fn resolve_dates(cx: &Ctx, drafts: &[Draft]) -> Vec<ResolvedDate> {
    let own = |dm: &rasd_text::dates::DateMention| -> ResolvedDate {
        (
            Some(dm.value.clone()),
            dm.precision,
            Some(cx.written(dm.key)),
        )
    };
    // Every dated mention: (sentence, violent, date).
    let mut dated: Vec<(usize, bool, &rasd_text::dates::DateMention, Span)> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter())
        .filter_map(|m| {
            m.date
                .and_then(|i| cx.f.dates.get(i))
                .map(|dm| (m.sent, m.kind.violent(), dm, m.trig))
        })
        .collect();
    dated.sort_by_key(|x| x.3.start);
    let news = cx.published.and_then(|p| {
        dated
            .iter()
            .filter(|(_, violent, dm, _)| *violent && dm.precision == DatePrecision::Day)
            .find(|(_, _, dm, _)| {
                rasd_model::IsoDate::parse(&dm.value)
                    .is_ok_and(|d| (0..=7).contains(&(p.to_days() - d.to_days())))
            })
            .map(|x| x.2)
    });
    drafts
        .iter()
        .map(|d| {
            if let Some(dm) = d.date(cx) {
                return own(dm);
            }
            let Some(first) = d.mentions.first() else {
                return (None, DatePrecision::Unknown, None);
            };
            let violent = first.kind.violent();
            let near = dated.iter().rev().find(|(s, v, _, k)| {
                *v == violent && k.start < first.trig.start && *s + 2 >= first.sent
            });
            if let Some((_, _, dm, _)) = near {
                return own(dm);
            }
            if let (true, Some(dm)) = (violent, news) {
                return own(dm);
            }
            match cx.published {
                Some(p) => (Some(p.to_string()), DatePrecision::Day, None),
                None => (None, DatePrecision::Unknown, None),
            }
        })
        .collect()
}

/// The actor refs of a draft.
pub fn actor_refs(d: &Draft) -> Vec<ActorRef> {
    let mut out = Vec::new();
    if let Some(a) = d.actor() {
        out.push(ActorRef {
            role: Role::Actor,
            name: a.name.clone(),
            name_en: a.name_en.clone(),
            entity_id: a.entity_id.clone(),
        });
    }
    if let Some(t) = d.target() {
        out.push(ActorRef {
            role: Role::Target,
            name: t.name.clone(),
            name_en: t.name_en.clone(),
            entity_id: t.entity_id.clone(),
        });
    }
    out
}
