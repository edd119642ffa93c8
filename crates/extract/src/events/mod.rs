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
use crate::ctx::Ctx;
use crate::geo::GeoContext;
use crate::lexicon::Class;
use crate::recognize::LexHit;
use crate::words::W;

mod build;
mod casualties;
mod date;
mod kind;
mod mention;
mod merge;
mod parties;
mod place;
mod typing;

pub(crate) use crate::detect::live_trigger;
pub use build::clause;
pub use casualties::{casualties, is_count_kind};
pub use date::{resolve_dates, statement_date, ResolvedDate};
pub use kind::TrigKind;
pub use mention::{Draft, Mention, Party};
pub(crate) use merge::told_apart;
pub use merge::{is_headline, km, merge, places_compatible};
pub use parties::{actor_refs, party, written_name};
pub use place::{bare_capital, named_site, reference_point};

use crate::detect::{is_definite, Cand};
use build::build;
use casualties::Primaries;
use place::coordinated_places;

/// A candidate the detector accepts.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// Index of its trigger in `Found::lex(Class::Trigger)`.
    pub hit: usize,
    /// The detector's probability that it reports an event.
    pub score: f32,
    /// The detector's probability of each type of [`crate::detect::TYPES`].
    pub types: [f32; crate::detect::NT],
    /// The detector's probability that it names a specific event (reported or referred to).
    pub specific: f32,
    /// It refers to a specific event but does not report one of its own: it may only join an
    /// event that another word reports (and give it its place, figures, claims).
    pub support: bool,
    /// The detector's judgement in words (`rasd explain`), when asked for.
    pub why: Option<String>,
}

/// The event mentions of a document's accepted candidates.
pub fn mentions(
    cx: &Ctx,
    geo: &GeoContext,
    toll_sentences: &[usize],
    accepted: &[Accepted],
) -> Vec<Mention> {
    let triggers = cx.f.lex(Class::Trigger);
    let live = Primaries::new(cx);
    let mut out = Vec::new();
    for a in accepted.iter() {
        if cx.f.work.over() {
            break;
        }
        let Some(c) = Cand::new(cx, triggers, a.hit, toll_sentences) else {
            continue;
        };
        let Some(mut m) = mention(&c, geo, &live) else {
            continue;
        };
        m.score = a.score;
        m.types = a.types;
        m.specific = a.specific;
        m.support = a.support;
        m.why = a.why.clone();
        // «أن الغارات الجوية … استهدفت الجمعة مواقع في X وY», «استهدفت الهجمات أهدافا قرب X
        // وY»: the verb tells the strikes its plural subject names.
        let plural = c.plural
            || (!c.noun && c.kind.violent())
            || triggers.iter().any(|t| {
                let d = cx.dist(t.key, c.h.key);
                (if t.key.end <= c.h.key.start {
                    d <= 10
                } else {
                    d <= 2
                }) && cx.sentence(t.key) == cx.sentence(c.h.key)
                    && t.value.split(',').any(|x| x == "plural")
                    && c.kind.violent()
                    && trigger_kind(t).is_some_and(TrigKind::violent)
            });
        push_per_place(cx, geo, &mut out, m, plural);
    }
    casualty_mentions(cx, geo, toll_sentences, &live, &mut out);
    out.sort_by_key(|m| m.trig.start);
    out
}

/// The candidates no rule keeps out (the rules alone, without the detector), with score 1.
pub fn rule_accepted(cx: &Ctx, toll_sentences: &[usize]) -> Vec<Accepted> {
    crate::detect::candidates(cx, toll_sentences)
        .iter()
        .filter(|c| crate::detect::veto(c).is_none())
        .map(|c| Accepted {
            hit: c.ti,
            score: 1.0,
            types: [0.0; crate::detect::NT],
            specific: 1.0,
            support: false,
            why: None,
        })
        .collect()
}

/// Days before publication beyond which dated violence is history, not news.
pub const HISTORY_DAYS: i64 = 366;

/// The mention of a candidate no rule kept out, or none when what it tells is still to come
/// or a motive.
fn mention(c: &Cand, geo: &GeoContext, live: &Primaries) -> Option<Mention> {
    let (cx, h, kind) = (c.cx, c.h, c.kind);
    // «وتأتي الضربة بعد أسبوعين من …», «ويأتي الهجوم في وقت …»: the event just told, framed
    // by what follows; it brings nothing of that sentence.
    let framed = {
        let i = cx.tok_at(h.key.start);
        let framing = |j: usize| {
            W::Framing.has(
                cx.tok(j)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
            )
        };
        // «ويأتي الهجوم», «ويأتي هذا التفجير».
        c.noun
            && i > 0
            && (framing(i - 1) || (i > 1 && W::Definite.has(cx.tok(i - 1)) && framing(i - 2)))
    };
    // «والإطاحة بخلية إرهابية», «القبض على 13 إرهابيا»: an arrest's verbal noun takes the
    // article with its object; it tells the arrest, it does not point back to one.
    let arrest_noun = kind == TrigKind::Arrest && !framed;
    // «تستمر الاشتباكات بين قوات النظام وعناصر داعش في محيط حقلي شاعر»: fighting told with its
    // sides is told anew, with its own place, however definite.
    let sides =
        kind == TrigKind::Clash && !framed && W::Between.has(cx.tok(cx.tok_from(h.key.end)));
    let anaphoric = c.noun && !arrest_noun && !sides && (is_definite(cx, h) || framed);
    let mut m = build(cx, geo, h, kind, c.sent, anaphoric, live);
    m.weak = c.weak;
    // What is still to come is no event: «تظاهرة مركزية يوم الجمعة المقبل». A threat is
    // made now, whatever day it names, and so is a truce announced for tomorrow.
    if let (Some(d), Some(p)) = (m.date.and_then(|i| cx.f.dates.get(i)), cx.published) {
        let future = rasd_model::IsoDate::parse(&d.value).is_ok_and(|x| x.to_days() > p.to_days());
        if future {
            // A truce announced today that starts tomorrow is made today.
            if matches!(kind, TrigKind::Threat | TrigKind::Agreement) {
                m.date = None;
            } else {
                return None;
            }
        }
        // Violence told with a date more than a year before the article is history (the 2003
        // bombings a column recalls), not news of it.
        let first_day = crate::detect::date_first_day(&d.value);
        if kind.violent() && first_day.is_some_and(|x| p.to_days() - x > HISTORY_DAYS) {
            return None;
        }
    }
    // «تفجير كنيسة … في 31 أكتوبر عام 2010، الذي أسفر عن مقتل 58»: an undated word whose
    // sentence tells, before it, a day of history, and no later day, is of that history.
    if m.date.is_none() && kind.violent() {
        if let Some(p) = cx.published {
            let before = rasd_model::Span::new(cx.sentence(h.key).start, h.key.start);
            // A day, a month or a year told just before; no span «منذ 2002» opens.
            let last = cx.f.dates_in(before).map(|(_, d)| d).last().filter(|d| {
                let i = cx.tok_at(d.key.start);
                let since = (i.saturating_sub(2)..=i).any(|j| {
                    W::Since.has(
                        cx.tok(j)
                            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
                    )
                });
                d.range.is_none() && !since && cx.dist(d.key, h.key) <= 10
            });
            let old = last
                .and_then(|d| crate::detect::date_first_day(&d.value))
                .is_some_and(|x| p.to_days() - x > HISTORY_DAYS);
            if old {
                return None;
            }
        }
    }
    // Clashes with protesters are a protest met by force.
    if kind == TrigKind::Clash {
        let ss = cx.sentence(h.key);
        let protesters = (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|i| {
            W::Protesters.has(cx.tok(i).trim_start_matches(rasd_text::clitics::WAW_LAM_BA))
        });
        if protesters {
            m.kind = TrigKind::Protest;
        }
    }
    // «ردا على المجازر بحق أهلنا في غزة», «تضامنا مع»: a motive, no event — unless it is
    // dated («ردا على الهجوم الذي استهدف قاعدة عين الأسد مساء السبت الماضي»); a date told
    // before the motive word is the main clause's («قصفوا أمس … ردا على هجوم»).
    let motive = {
        let i = cx.tok_at(h.key.start);
        // «ردا، بحسب قولها، على تعرض بلدة الزبداني لهجوم»: the motive may name its source
        // and the target first.
        (i.saturating_sub(12)..i)
            .rev()
            .find(|&j| motive_word(cx, j))
    };
    if let (Some(j), true) = (motive, kind.violent()) {
        let at = cx.f.a.tokens.get(j).map_or(0, |t| t.key.start);
        let dated_in_motive = m
            .date
            .and_then(|d| cx.f.dates.get(d))
            .is_some_and(|d| d.key.start >= at);
        if !dated_in_motive {
            return None;
        }
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
    Some(m)
}

/// Push a mention, and one more for each place listed after its own when its trigger is
/// plural or its places follow a plural unit («هجمات … على قواعد في حقل العمر والشدادي», «في
/// محافظتي الضالع وأبين»: one event per place); then the figures are not told place by place.
fn push_per_place(
    cx: &Ctx,
    geo: &GeoContext,
    out: &mut Vec<Mention>,
    mut m: Mention,
    plural: bool,
) {
    let others = coordinated_places(cx, geo, &m, plural);
    if !others.is_empty() {
        m.count = None;
        m.killed = None;
        m.injured = None;
    }
    for p in others.iter().cloned() {
        let mut x = m.clone();
        x.place = Some(p);
        // A place of a list is told as new, whatever the word («الغارات … على X وY»).
        x.anaphoric = false;
        out.push(x);
    }
    let n = others.len();
    out.insert(out.len() - n, m);
}

/// Sentences with casualty figures and no event word: a mention that can only join.
fn casualty_mentions(
    cx: &Ctx,
    geo: &GeoContext,
    toll_sentences: &[usize],
    live: &Primaries,
    out: &mut Vec<Mention>,
) {
    let f = cx.f;
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
        let mut m = build(cx, geo, first, TrigKind::Kill, si, true, live);
        m.attach_only = true;
        m.place = None;
        m.date = None;
        m.actor = None;
        m.target = None;
        out.push(m);
    }
}

/// Is token `j` a word of motive («ردا», «تضامنا», «انتقاما»), after a conjunction or not?
pub(super) fn motive_word(cx: &Ctx, j: usize) -> bool {
    W::Motive.has(
        cx.tok(j)
            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
    )
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
