//! Who acted and who was acted on.

use rasd_model::{ActorRef, Role, Span};

use super::build::clause;
use super::place::LOCATIVE;
use super::{Draft, Mention, Party, TrigKind};
use crate::ctx::Ctx;
use crate::kb::ActorKind;
use crate::lexicon::Class;
use crate::recognize::{LexHit, Name, NameKind};

/// Verbs that carry a trigger noun after their subject («شنت X غارات», «نفذت X ضربات»).
pub(super) const SUPPORT_VERBS: &[&str] = &["شن", "نفذ", "اطلق", "وجه", "ارتكب"];

/// Parties of a mention: who acted, who was acted on.
pub(super) fn parties(cx: &Ctx, h: &LexHit, kind: TrigKind, ss: Span, m: &mut Mention) {
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
