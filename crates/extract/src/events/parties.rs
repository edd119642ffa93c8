//! Who acted and who was acted on.

use rasd_model::{ActorRef, Role, Span};

use super::build::clause;
use super::{Draft, Mention, Party, TrigKind};
use crate::ctx::Ctx;
use crate::kb::ActorKind;
use crate::lexicon::Class;
use crate::recognize::{LexHit, Name, NameKind};
use crate::words::W;

/// The names around a trigger that may be its parties.
struct Around<'n> {
    /// Agents named in the trigger's clause.
    agents: Vec<&'n Name>,
    /// Those before the trigger.
    before: Vec<&'n Name>,
    /// Those after it.
    after: Vec<&'n Name>,
    /// The first after it, within two tokens.
    first_after: Option<&'n Name>,
    /// The last before it, within four tokens.
    near_before: Option<&'n Name>,
    /// Token index of the trigger, and of the token after it.
    trig_i: usize,
    trig_end: usize,
    /// The trigger is a verb.
    is_verb: bool,
}

impl<'n> Around<'n> {
    fn new(cx: &'n Ctx, h: &LexHit, ss: Span) -> Around<'n> {
        let f = cx.f;
        // Only the trigger's clause: «قال الحوثيون إنهم استهدفوا سفينة، بينما قالت القيادة
        // المركزية…» names no target after the second speech verb.
        let agents: Vec<&Name> = f
            .names_in(clause(cx, h.key, ss))
            .filter(|n| cx.is_agent(n) && !is_place_use(cx, n))
            .collect();
        let trig_i = cx.tok_at(h.key.start);
        let trig_end = cx.tok_from(h.key.end);
        let after: Vec<&Name> = agents
            .iter()
            .copied()
            .filter(|n| n.key.start >= h.key.end)
            .collect();
        let before: Vec<&Name> = agents
            .iter()
            .copied()
            .filter(|n| n.key.end <= h.key.start)
            .collect();
        let first_after = after
            .first()
            .copied()
            .filter(|n| cx.tok_at(n.key.start).saturating_sub(trig_end) <= 2);
        // «أدانت مملكة البحرين التفجير», «أدانت الأمانة العامة لمجلس التعاون التفجير», «وصف
        // المفتي التفجير»: who condemns or judges an attack did not carry it out.
        let speaker = |n: &Name| {
            f.lex_in(Class::Cue, ss).any(|c| {
                c.key.end <= n.key.start
                    && cx.dist(c.key, n.key) <= 3
                    && W::Condemn.starts(
                        cx.key(c.key)
                            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
                    )
            })
        };
        // «قالت وزارة الداخلية اليوم إن شرطيا قتل»: who says that («إن», «أن») something
        // happened is not who did it.
        let says_that = |n: &Name| {
            (cx.tok_from(n.key.end)..trig_i).any(|j| {
                W::That.has(
                    cx.tok(j)
                        .trim_start_matches(rasd_text::clitics::WAW)
                        .trim_start_matches('ب'),
                )
            })
        };
        let near_before = before.last().copied().filter(|n| {
            trig_i.saturating_sub(cx.tok_from(n.key.end)) <= 4 && !speaker(n) && !says_that(n)
        });
        let is_verb = !f
            .lex_in(Class::Trigger, ss)
            .any(|t| t.key == h.key && t.value.contains("noun"));
        Around {
            agents,
            before,
            after,
            first_after,
            near_before,
            trig_i,
            trig_end,
            is_verb,
        }
    }
}

/// Parties of a mention: who acted, who was acted on.
pub(super) fn parties(cx: &Ctx, h: &LexHit, kind: TrigKind, ss: Span, m: &mut Mention) {
    let ar = Around::new(cx, h, ss);
    match kind {
        TrigKind::Clash => {
            // «اشتباكات بين X وY»: the two sides.
            let sides: Vec<&Name> = ar
                .after
                .iter()
                .copied()
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
            if let Some(n) = ar.first_after.or(ar.near_before) {
                m.target = party(cx, n);
            }
        }
        TrigKind::Designation => designation_parties(cx, &ar, m),
        TrigKind::Threat
        | TrigKind::Arrest
        | TrigKind::Protest
        | TrigKind::Agreement
        | TrigKind::Abduction => act_parties(cx, &ar, m),
        _ => violence_parties(cx, h, ss, &ar, m),
    }
    if let Some(n) = by_agent(cx, h, &ar).filter(|_| kind.violent() && kind != TrigKind::Clash) {
        m.actor = party(cx, n);
    }
    if let (Some(a), Some(t)) = (&m.actor, &m.target) {
        if a.key == t.key {
            m.target = None;
        }
    }
}

/// «برصاص قوات الاحتلال», «على يد مسلحين», «هجوم شنته قوات الدعم السريع»: the agent of the
/// violence, named after it.
fn by_agent<'n>(cx: &Ctx, h: &LexHit, ar: &Around<'n>) -> Option<&'n Name> {
    ar.after.iter().copied().find(|n| {
        let i = cx.tok_at(n.key.start);
        let prev = if i > 0 { cx.stem(i - 1) } else { "" };
        let prev_tok = if i > 0 { cx.tok(i - 1) } else { "" };
        let prev2 = if i > 1 { cx.tok(i - 2) } else { "" };
        cx.dist(h.key, n.key) <= 6
            && (W::AgentStem.has(prev)
                || W::AgentToken.has(prev_tok)
                || (W::On.has(prev2) && W::Hand.has(prev_tok)))
    })
}

/// Designations: only states, their agencies and international bodies designate.
fn designation_parties(cx: &Ctx, ar: &Around, m: &mut Mention) {
    let designator = |n: &Name| {
        cx.actor_of(n).is_some_and(|(_, a)| {
            matches!(
                a.kind,
                ActorKind::State | ActorKind::Agency | ActorKind::Organization
            )
        })
    };
    let fa = ar.first_after.filter(|n| designator(n));
    let nb = ar.near_before.filter(|n| designator(n));
    let subj = if ar.is_verb { fa.or(nb) } else { nb };
    if let Some(n) = subj {
        m.actor = party(cx, n);
    }
    if let Some(t) = ar
        .after
        .iter()
        .find(|t| Some(t.key) != subj.map(|s| s.key) && !designator(t))
    {
        m.target = party(cx, t);
    }
}

/// Threats, arrests, protests, agreements, abductions: the subject acts on what follows it.
fn act_parties(cx: &Ctx, ar: &Around, m: &mut Mention) {
    if ar.is_verb {
        if let Some(n) = ar.first_after.or(ar.near_before) {
            m.actor = party(cx, n);
            if let Some(t) = ar
                .after
                .iter()
                .find(|t| t.key.start >= n.key.end && t.key != n.key)
            {
                m.target = party(cx, t);
            }
        }
    } else {
        if let Some(n) = ar.near_before {
            m.actor = party(cx, n);
        }
        if let Some(t) = ar.after.first() {
            m.target = party(cx, t);
        }
    }
}

/// Violence: the subject of the verb or of the support verb before the noun, the genitive after
/// the noun, a nationality adjective; the target after «على», «ضد».
fn violence_parties(cx: &Ctx, h: &LexHit, ss: Span, ar: &Around, m: &mut Mention) {
    let f = cx.f;
    let passive = W::Passive.within(cx.key(h.key))
        || f.lex_in(Class::Trigger, ss)
            .any(|t| t.key == h.key && t.value.contains("passive"));
    let (trig_i, trig_end) = (ar.trig_i, ar.trig_end);
    if passive {
        if let Some(n) = ar.near_before {
            m.target = party(cx, n);
        }
    } else if ar.is_verb && trig_i > 0 && W::SelfPronoun.has(cx.tok(trig_i - 1)) {
        // «قال الجيش الإسرائيلي إنه استهدف مبنى»: the pronoun is the speaker.
        if let Some(n) = ar.before.iter().rev().find(|n| {
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
    } else if ar.is_verb {
        // «طائرة مسيرة هاجمت القوات»: a weapon before the verb is its subject, and the name
        // after the verb is the target.
        let weapon_subject = f.lex_in(Class::Weapon, ss).any(|w| {
            w.key.end <= h.key.start
                && trig_i.saturating_sub(cx.tok_at(w.key.end.saturating_sub(1))) <= 4
        });
        if weapon_subject {
            if let Some(n) = ar.first_after {
                m.target = party(cx, n);
            }
        } else if let Some(n) = ar.first_after.or(ar.near_before) {
            m.actor = party(cx, n);
        }
    } else if let Some(n) = ar.near_before.filter(|n| {
        // «نفذت قوات القيادة المركزية ضربات», «شنت إسرائيل قصفا»: a support verb, its subject,
        // then the trigger noun.
        let j = cx.tok_at(n.key.start);
        // «وشن» is «و» and «شن» (too short a stem for the clitic to be taken off it).
        (j.saturating_sub(2)..j).any(|k| {
            W::SupportVerbs.has(cx.stem(k))
                || W::SupportVerbs.has(cx.tok(k))
                || W::SupportVerbs.has(cx.tok(k).trim_start_matches(rasd_text::clitics::WAW))
        })
    }) {
        m.actor = party(cx, n);
    } else if let Some(n) = ar.first_after.filter(|n| {
        cx.tok_at(n.key.start) == trig_end && cx.gap_before(n.key.start).trim().is_empty()
    }) {
        // «هجوم حماس»: the genitive after a noun is the attacker.
        m.actor = party(cx, n);
    }
    if m.actor.is_none() {
        m.actor = nisba_actor(cx, ss, trig_i, trig_end);
    }
    if m.target.is_none() {
        if let Some(n) = ar.after.iter().find(|n| {
            let i = cx.tok_at(n.key.start);
            let prev = if i > 0 { cx.tok(i - 1) } else { "" };
            W::TargetIntro.has(prev)
        }) {
            m.target = party(cx, n);
        }
    }
    // Forces named anywhere in the sentence, attacked: «قاعدة تضم قوات أميركية».
    if m.target.is_none() {
        if let Some(n) = ar.agents.iter().find(|n| {
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

/// A nationality adjective right after a trigger noun («غارات إسرائيلية», «الضربات الجوية
/// الأمريكية»), or in the weapon phrase before it («شنت طائرات حربية إسرائيلية غارة»): the state.
fn nisba_actor(cx: &Ctx, ss: Span, trig_i: usize, trig_end: usize) -> Option<Party> {
    let f = cx.f;
    for k in trig_end..(trig_end + 3).min(f.a.tokens.len()) {
        if let Some(nh) = f
            .lex_in(Class::Nisba, ss)
            .find(|x| f.a.tokens[k].key.contains(x.key) || x.key.contains(f.a.tokens[k].key))
        {
            let state = if nh.value.len() == 2 {
                state_party(cx, &nh.value, nh.key)
            } else {
                None
            };
            return state.or_else(|| before_nisba(cx, ss, trig_i));
        }
        // Only through weapon words («هجوم جوي إسرائيلي»).
        if !f
            .lex_in(Class::Weapon, ss)
            .any(|w| w.key.overlaps(f.a.tokens[k].key))
            && !W::AirAdjective.has(cx.tok(k))
        {
            break;
        }
    }
    before_nisba(cx, ss, trig_i)
}

/// «شنت طائرات حربية إسرائيلية غارة»: a nationality adjective in the weapon phrase before.
fn before_nisba(cx: &Ctx, ss: Span, trig_i: usize) -> Option<Party> {
    let f = cx.f;
    for k in (trig_i.saturating_sub(3)..trig_i).rev() {
        let tk = f.a.tokens[k].key;
        if let Some(nh) = f.lex_in(Class::Nisba, ss).find(|x| x.key.overlaps(tk)) {
            let in_weapon = f
                .lex_in(Class::Weapon, ss)
                .any(|w| w.key.end <= tk.start && cx.dist(w.key, tk) <= 1);
            if in_weapon && nh.value.len() == 2 {
                return state_party(cx, &nh.value, nh.key);
            }
            return None;
        }
    }
    None
}

/// True when a known name is used as a place here («في العراق»), not as an actor.
pub(super) fn is_place_use(cx: &Ctx, n: &Name) -> bool {
    let NameKind::Known { places, .. } = &n.kind else {
        return false;
    };
    if places.is_empty() {
        return false;
    }
    let i = cx.tok_at(n.key.start);
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    let tok = cx.tok(i);
    W::Locative.has(prev)
        // «نقلت سجينين من الوادي الجديد إلى القاهرة»: a route's end is a place.
        || W::RouteTo.has(prev)
        || (tok.starts_with(rasd_text::clitics::BA)
            && !cx.key(n.key).starts_with(rasd_text::clitics::BA))
}

/// A name as written, with «لل» (ل + the article) given back its article.
pub fn written_name(cx: &Ctx, n: &Name) -> String {
    let w = cx.written(n.key);
    if rasd_text::clitics::article_form(cx.key(n.key)) != cx.key(n.key) {
        return rasd_text::clitics::article_form(&w).into_owned();
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
pub(super) fn state_party(cx: &Ctx, code: &str, key: Span) -> Option<Party> {
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
