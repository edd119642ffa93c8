//! The output record's events, assembled from drafts: claims given to events with their
//! stance, designation parties, follow-up claims, aliases merged.
use rasd_model::{ActorRef, Event, Location, Role, Span, Stance, TraceLine};

use crate::claims::{self, RawClaim};
use crate::ctx::Ctx;
use crate::events::{self, Draft, TrigKind};
use crate::kb::ActorKind;
use crate::words::W;

/// Designations: the designator and the designated, from the sentence or the document.
pub(crate) fn fill_designations(cx: &Ctx, drafts: &mut [Draft]) {
    let mut last_actor = None;
    for d in drafts.iter_mut() {
        if !d.mentions.iter().any(|m| m.kind == TrigKind::Designation) {
            continue;
        }
        let (m0_sent, m0_trig) = (d.mentions[0].sent, d.mentions[0].trig);
        if d.actor().is_none() {
            // The subject of «أعلنت» in the sentence, or the last designator.
            let ss = cx.f.a.sentences.get(m0_sent).copied().unwrap_or(m0_trig);
            let subj =
                cx.f.names_in(ss)
                    .filter(|n| n.key.end <= m0_trig.start)
                    .find(|n| {
                        cx.actor_of(n).is_some_and(|(_, a)| {
                            matches!(a.kind, ActorKind::State | ActorKind::Agency)
                        })
                    })
                    .and_then(|n| events::party(cx, n));
            let actor = subj.or_else(|| last_actor.clone());
            if let Some(a) = actor {
                d.mentions[0].actor = Some(a);
            }
        }
        if d.target().is_none() {
            // A list line: «كتائب حزب الله - تم تصنيفها …».
            let ss = cx.f.a.sentences.get(m0_sent).copied().unwrap_or(m0_trig);
            if let Some(n) =
                cx.f.names
                    .iter()
                    .find(|n| n.key.start == ss.start && cx.is_agent(n))
            {
                d.mentions[0].target = events::party(cx, n);
            }
        }
        if let Some(a) = d.actor() {
            last_actor = Some(a.clone());
        }
    }
}

/// The output event of a draft: its type, place, parties, weapons, figures, claims and evidence.
pub(crate) fn build_event(
    cx: &Ctx,
    d: &Draft,
    (date, date_precision, date_text): events::ResolvedDate,
    raw: &[RawClaim],
    follow_ups: &[usize],
    id: &str,
    mut trace: Option<&mut Vec<TraceLine>>,
) -> Event {
    let kind = d.kind(cx);
    let location = with_named_site(cx, d, event_location(cx, d, kind));
    let mut actors = events::actor_refs(d);
    let t = tally(d);
    no_aircraft_of_armed_groups(cx, kind, &t, &mut actors);
    let (claims, blamed) = event_claims(
        cx,
        d,
        raw,
        follow_ups,
        id,
        trace.as_deref_mut(),
        &mut actors,
    );
    let blamed = if blamed.is_none() && !actors.iter().any(|a| a.role == Role::Actor) {
        blame_without_speaker(cx, d)
    } else {
        blamed
    };
    if !actors.iter().any(|a| a.role == Role::Actor) {
        if let Some(b) = blamed {
            if let Some(n) = cx.f.names.iter().find(|n| n.key == b) {
                if let Some(p) = events::party(cx, n) {
                    actors.insert(
                        0,
                        ActorRef {
                            role: Role::Actor,
                            name: p.name,
                            name_en: p.name_en,
                            entity_id: p.entity_id,
                        },
                    );
                }
            }
        }
    }
    let contradiction = claims.iter().any(|c| c.stance.affirms())
        && claims
            .iter()
            .any(|c| matches!(c.stance, Stance::Denies | Stance::Unconfirmed));
    let evidence: Vec<Span> = {
        let mut v: Vec<Span> = d
            .mentions
            .iter()
            .map(|m| cx.orig(cx.sentence(m.trig)))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    if let Some(t) = trace {
        trace_event(cx, d, id, kind, t);
    }
    Event {
        id: id.to_string(),
        kind,
        date,
        date_precision,
        date_text,
        location,
        actors,
        weapons: t.weapons,
        count: t.count,
        killed: t.killed,
        injured: t.injured,
        outcome: t.outcome,
        claims,
        contradiction,
        evidence,
    }
}

/// What an event's mentions tell together.
struct Tally {
    weapons: Vec<rasd_model::Weapon>,
    outcome: Vec<rasd_model::Outcome>,
    count: Option<u64>,
    killed: Option<u64>,
    injured: Option<u64>,
}

/// «شن طيران التحالف غارات على مواقع للحوثيين»: a non-state armed group flies no aircraft, so
/// named as the actor of an air strike by aircraft (not a drone) it is the strike's target.
fn no_aircraft_of_armed_groups(
    cx: &Ctx,
    kind: rasd_model::EventType,
    t: &Tally,
    actors: &mut Vec<ActorRef>,
) {
    use rasd_model::Weapon;
    if kind != rasd_model::EventType::AirDroneStrike
        || t.weapons.contains(&Weapon::Drone)
        || !t.weapons.contains(&Weapon::Aircraft)
    {
        return;
    }
    let armed_group = |a: &ActorRef| {
        a.entity_id
            .as_deref()
            .and_then(|id| cx.kb.actor(id))
            .is_some_and(|x| x.kind == crate::kb::ActorKind::ArmedGroup)
    };
    let has_target = actors.iter().any(|a| a.role == Role::Target);
    if has_target {
        actors.retain(|a| a.role != Role::Actor || !armed_group(a));
    } else {
        for a in actors.iter_mut() {
            if a.role == Role::Actor && armed_group(a) {
                a.role = Role::Target;
            }
        }
    }
}

/// Weapons and outcomes of every mention, and the largest figures.
fn tally(d: &Draft) -> Tally {
    let mut t = Tally {
        weapons: Vec::new(),
        outcome: Vec::new(),
        count: None,
        killed: None,
        injured: None,
    };
    for m in &d.mentions {
        for w in &m.weapons {
            if !t.weapons.contains(w) {
                t.weapons.push(*w);
            }
        }
        for o in &m.outcome {
            if !t.outcome.contains(o) {
                t.outcome.push(*o);
            }
        }
        t.count = max_opt(t.count, m.count);
        t.killed = max_opt(t.killed, m.killed);
        t.injured = max_opt(t.injured, m.injured);
    }
    t
}

/// The claims about an event: those whose scope holds one of its triggers, and the follow-ups
/// given to it. A group claiming the attack becomes its actor. Returns the claims and the name
/// a source blames, if any.
fn event_claims(
    cx: &Ctx,
    d: &Draft,
    raw: &[RawClaim],
    follow_ups: &[usize],
    id: &str,
    mut trace: Option<&mut Vec<TraceLine>>,
    actors: &mut Vec<ActorRef>,
) -> (Vec<rasd_model::Claim>, Option<Span>) {
    let mut claims: Vec<(String, rasd_model::Claim)> = Vec::new();
    let mut blamed = None;
    let mut claimed_actor = false;
    // Claims are about violent events (who says an attack happened, who did it).
    // Abductions too: who says civilians were taken matters as much as who says they were hit.
    let claimable = d
        .mentions
        .iter()
        .any(|m| m.kind.violent() || m.kind == events::TrigKind::Abduction);
    if !claimable {
        return (Vec::new(), None);
    }
    // Claims are told in the sentences of the event's mentions (or just after them).
    let (first, last) = d
        .mentions
        .iter()
        .fold((usize::MAX, 0), |(a, b), m| (a.min(m.sent), b.max(m.sent)));
    let lo = raw.partition_point(|c| c.sent < first);
    for (ci, c) in raw.iter().enumerate().skip(lo) {
        if c.sent > last.saturating_add(2) {
            break;
        }
        let about = d.mentions.iter().any(|m| c.scope.contains(m.trig)) || follow_ups.contains(&ci);
        if !about {
            continue;
        }
        let stance = stance_of(cx, c, d);
        if stance == Stance::Attributes && c.blamed.is_some() {
            blamed = blamed.or(c.blamed);
        }
        let key = format!("{:?}|{}", stance, claims::identity(cx, c));
        if let Some((_, prev)) = claims
            .iter_mut()
            .find(|(k, _)| *k == key || same_source(k, &key))
        {
            if prev.via.is_none() {
                prev.via = c.via.clone();
            }
            continue;
        }
        if let Some(t) = trace.as_deref_mut() {
            t.push(TraceLine {
                field: format!("{id}.claims"),
                rule: format!("claim cue «{}» → {:?}", c.cue_text, stance),
                text: c.source.clone(),
                span: cx.orig(c.source_key),
            });
        }
        claims.push((
            key,
            rasd_model::Claim {
                source: c.source.clone(),
                anonymous: c.anonymous,
                via: c.via.clone(),
                stance,
                source_id: c.source_actor.map(|a| cx.kb.actors[a].id.clone()),
                evidence: vec![cx.orig(cx.sentence(c.cue))],
            },
        ));
        // A group claiming the attack is its actor, whatever else was guessed.
        if stance == Stance::ClaimsResponsibility && !claimed_actor {
            claim_actor(cx, c, actors);
            claimed_actor = true;
        }
    }
    (claims.into_iter().map(|(_, c)| c).collect(), blamed)
}

/// Where an event happened: its most specific place; an arrest's state when its own words
/// name none; a designation has no place.
fn event_location(cx: &Ctx, d: &Draft, kind: rasd_model::EventType) -> Option<Location> {
    if matches!(kind, rasd_model::EventType::Designation) {
        None
    } else {
        let own_state = || {
            (kind == rasd_model::EventType::Arrest)
                .then(|| {
                    d.actor()
                        .and_then(|a| a.country.clone())
                        .or_else(|| arresting_state(cx, d))
                })
                .flatten()
        };
        // «أعلنت الداخلية الكويتية ضبط خلية … شاركوا في القتال في العراق»: an arrest whose
        // own words name no place is at home, not where the arrested fought before; so is one
        // in an article about one country, whose arresting state the article does not name.
        let elsewhere = own_state()
            .or_else(|| {
                (kind == rasd_model::EventType::Arrest)
                    .then(|| crate::geo::article_country(cx))
                    .flatten()
            })
            .filter(|c| {
                d.place()
                    .is_some_and(|p| p.1.country.as_deref() != Some(c.as_str()))
                    && d.mentions
                        .iter()
                        .filter(|m| m.kind == events::TrigKind::Arrest && !m.support)
                        .all(|m| m.place.is_none())
            });
        if let Some(loc) = elsewhere.and_then(|c| crate::geo::country_location(cx, &c)) {
            Some(loc)
        } else {
            d.place().map(|p| p.1.clone()).or_else(|| {
                // «اعتقلت قوات الأمن التركية 851 شخصا في 34 ولاية»: a state's police arrest at
                // home; the country is where, when no place is told.
                // Failing that, for any event, the country the article names most; failing
                // that, where the forces it names fight abroad; failing that, the outlet's own
                // country.
                own_state()
                    .or_else(|| crate::geo::main_country(cx))
                    .or_else(|| crate::geo::theatre_country(cx))
                    .or_else(|| crate::geo::home_alone(cx))
                    .and_then(|c| crate::geo::country_location(cx, &c))
            })
        }
    }
}

/// «فجر انتحاري نفسه في مسجد الإمام الصادق بالكويت», «نصبت كمينا في بلدة باتيكول»: an event
/// placed no more precisely than a country (or not at all) is placed at the named building or
/// settlement the gazetteer lacks, in that country.
fn with_named_site(cx: &Ctx, d: &Draft, location: Option<Location>) -> Option<Location> {
    use rasd_model::GeoPrecision as G;
    let coarse = location
        .as_ref()
        .is_none_or(|l| matches!(l.precision, None | Some(G::Country) | Some(G::Region)));
    // «في مدينة فيستيراس الواقعة على بعد ساعة غربي العاصمة ستوكهولم»: a known place a settlement
    // the gazetteer lacks is told at a distance from is not where it happened.
    // «قرية المغيرة في محافظة الحرث»: a village the gazetteer lacks, in the district it
    // knows, is where it happened (in that district's country and governorate).
    let unit = location
        .as_ref()
        .is_some_and(|l| l.precision == Some(G::Admin2));
    if !coarse && !unit && !d.place().is_some_and(|p| events::reference_point(cx, p.0)) {
        return location;
    }
    let site = events::named_site(cx, d);
    if !coarse && site.as_ref().is_none_or(|(_, building)| *building) {
        return location;
    }
    let Some((name, building)) = site else {
        // «في غرب العاصمة»: the capital of the country the article is about.
        let country = location
            .as_ref()
            .and_then(|l| l.country.clone())
            .or_else(|| crate::geo::article_country(cx));
        return country
            .and_then(|c| events::bare_capital(cx, d, &c))
            .or(location);
    };
    let country = location
        .as_ref()
        .and_then(|l| l.country.clone())
        .or_else(|| crate::geo::article_country(cx));
    Some(Location {
        name,
        name_en: None,
        place_id: None,
        country,
        admin1: location.as_ref().and_then(|l| l.admin1.clone()),
        lat: None,
        lon: None,
        precision: Some(if building { G::Facility } else { G::Locality }),
    })
}

/// «أعلنت وزارة الداخلية الكويتية ضبط خلية»: the state whose security body (named with its
/// nationality adjective before the arrest word, in its sentence) made an arrest.
fn arresting_state(cx: &Ctx, d: &Draft) -> Option<String> {
    use crate::lexicon::Class;
    let m = d
        .mentions
        .iter()
        .filter(|m| m.kind == events::TrigKind::Arrest)
        .min_by_key(|m| (m.support, m.trig.start))?;
    let ss = cx.sentence(m.trig);
    let trig_i = cx.tok_at(m.trig.start);
    cx.f.lex_in(Class::Nisba, ss)
        .filter(|x| x.key.end <= m.trig.start && x.value.len() == 2)
        .filter(|x| trig_i.saturating_sub(cx.tok_at(x.key.start)) <= 12)
        .filter(|x| {
            let k = cx.tok_at(x.key.start);
            (k.saturating_sub(2)..k).any(|j| W::SecurityBody.starts(cx.tok(j)))
        })
        .last()
        .map(|x| x.value.clone())
}

/// «مصدر أمني» after «مصدر أمني عراقي»: the same source told more briefly (keys are
/// "stance|identity").
fn same_source(k: &str, key: &str) -> bool {
    let (Some((s1, a)), Some((s2, b))) = (k.split_once('|'), key.split_once('|')) else {
        return false;
    };
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    s1 == s2
        && !a.starts_with("id:")
        && !b.starts_with("id:")
        && wa.first() == wb.first()
        && (wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w)))
}

/// The source of a claim of responsibility is the event's actor.
fn claim_actor(cx: &Ctx, c: &RawClaim, actors: &mut Vec<ActorRef>) {
    let id = c.source_actor.map(|a| cx.kb.actors[a].id.clone());
    let already = actors
        .iter()
        .any(|a| a.role == Role::Actor && a.entity_id.is_some() && a.entity_id == id);
    if !already {
        actors.retain(|a| a.role != Role::Actor);
        actors.insert(
            0,
            ActorRef {
                role: Role::Actor,
                name: c.source.clone(),
                name_en: None,
                entity_id: id,
            },
        );
    }
}

/// A claim's stance about one event: a source that asserts its own side's deed claims it.
fn stance_of(cx: &Ctx, c: &RawClaim, d: &Draft) -> Stance {
    let stance = c.stance;
    if stance != Stance::Asserts {
        return stance;
    }
    // «إن ما حدث عمل إرهابي يقف وراءه أعداء الوطن»: the source says who is behind it.
    let (lo, hi) = (cx.tok_from(c.scope.start), cx.tok_from(c.scope.end));
    if (lo..hi).any(|t| {
        W::StandVerb.has(cx.tok(t).trim_start_matches(rasd_text::clitics::WAW))
            && W::Behind.starts(cx.tok(t + 1))
    }) {
        return Stance::Attributes;
    }
    // A source speaking for the attacker claims the attack.
    if speaks_for_actor(cx, c, d) {
        return Stance::ClaimsResponsibility;
    }
    // «قال الجيش الإسرائيلي إنه استهدف …», «أعلنت الوزارة أن مقاتلاتها شاركت في الضربات»:
    // the source says it did it.
    if self_report(cx, c, d) {
        return Stance::ClaimsResponsibility;
    }
    // «أعلنت المقاومة الإسلامية في العراق، الأحد، استهداف قاعدة عين الأسد»: an armed group
    // or force announcing an attack that no one else is said to have carried out claims it.
    if d.actor().is_none() && announces_own(cx, c, d) {
        return Stance::ClaimsResponsibility;
    }
    stance
}

/// Is the source the event's actor, or a body or official of the same state?
fn speaks_for_actor(cx: &Ctx, c: &RawClaim, d: &Draft) -> bool {
    let (Some(a), Some(sa)) = (d.actor(), c.source_actor) else {
        return false;
    };
    let s = &cx.kb.actors[sa];
    // The same body, or two bodies of the same state (the army for the state).
    let state_like = |k: ActorKind| {
        matches!(
            k,
            ActorKind::State | ActorKind::StateForce | ActorKind::Agency
        )
    };
    let actor_state_like = a
        .entity_id
        .as_deref()
        .and_then(|id| cx.kb.actor(id))
        .is_some_and(|x| state_like(x.kind));
    // An official of the state that acted speaks for it: «أعلن وزير الدفاع الأميركي لويد أوستن
    // أن القوات الأميركية نفذت ضربات».
    let official = s.kind == ActorKind::Person
        && s.parent
            .as_deref()
            .and_then(|p| cx.kb.actor(p))
            .is_some_and(|p| state_like(p.kind));
    a.entity_id.as_deref() == Some(s.id.as_str())
        || (actor_state_like
            && a.country.is_some()
            && a.country == s.country
            && (state_like(s.kind) || official))
}

/// Does an armed group or force announce («أعلنت») the event right after naming itself?
fn announces_own(cx: &Ctx, c: &RawClaim, d: &Draft) -> bool {
    let Some(sa) = c.source_actor else {
        return false;
    };
    let kind = cx.kb.actors[sa].kind;
    let cue = rasd_text::match_key_str(&c.cue_text);
    let verb = cue.trim_start_matches(rasd_text::clitics::CONJUNCTIONS);
    let announces = W::Announce.starts(verb) && !W::AnnounceThat.starts(verb);
    let follows = d.mentions.iter().any(|m| {
        m.trig.start >= c.source_key.end
            && c.cue.end <= c.source_key.start
            && cx.dist(c.source_key, m.trig) <= 4
            && m.target.as_ref().and_then(|t| t.entity_id.as_deref())
                != Some(cx.kb.actors[sa].id.as_str())
    });
    announces && follows && matches!(kind, ActorKind::ArmedGroup | ActorKind::StateForce)
}

/// «يرجح أنه تابع للميليشيات الإيرانية»: blame with no speaker.
fn blame_without_speaker(cx: &Ctx, d: &Draft) -> Option<Span> {
    d.mentions.iter().find_map(|m| {
        let ss = cx.sentence(m.trig);
        cx.f.lex_in(crate::lexicon::Class::Cue, ss)
            .filter(|c| c.value == "attribute")
            .find_map(|c| {
                cx.f.names_in(ss)
                    .find(|n| {
                        n.key.start >= c.key.end && cx.dist(c.key, n.key) <= 3 && cx.is_agent(n)
                    })
                    .map(|n| n.key)
            })
    })
}

/// The trace of an event's type, places and date.
fn trace_event(cx: &Ctx, d: &Draft, id: &str, kind: rasd_model::EventType, t: &mut Vec<TraceLine>) {
    for m in &d.mentions {
        if let Some(why) = &m.why {
            t.push(TraceLine {
                field: format!("{id}.detector"),
                rule: if m.support {
                    format!("{why} (refers to the event only: supports it)")
                } else {
                    why.clone()
                },
                text: m.trig_text.clone(),
                span: cx.orig(m.trig),
            });
        }
        t.push(TraceLine {
            field: format!("{id}.type"),
            rule: format!("trigger {:?} → {}", m.kind, kind.as_str()),
            text: m.trig_text.clone(),
            span: cx.orig(m.trig),
        });
        if let Some((k, l, _)) = &m.place {
            t.push(TraceLine {
                field: format!("{id}.location"),
                rule: "place nearest the trigger, most specific".into(),
                text: l.name.clone(),
                span: cx.orig(*k),
            });
        }
    }
    if let Some(dm) = d.date(cx) {
        t.push(TraceLine {
            field: format!("{id}.date"),
            rule: format!("date expression → {} ({:?})", dm.value, dm.precision),
            text: cx.written(dm.key),
            span: dm.orig,
        });
    }
}

/// Claims told in a sentence that names no event, right after an event's sentence, about
/// what happened in it: «شنت مقاتلات غارات على المواصي. وأفاد مستشفى ناصر بأنه استقبل 28
/// مصابا», «… وقال شهود عيان إن الخيام تطايرت». They speak of the event told last, when the
/// sentence tells its casualties, damage or weapons, or names its place. Returns (claim, draft).
pub(crate) fn follow_up_claims(
    cx: &Ctx,
    drafts: &[Draft],
    raw: &[RawClaim],
    toll_sentences: &[usize],
) -> Vec<(usize, usize)> {
    use crate::lexicon::Class;
    // The mentions of each sentence: (draft, mention).
    let mut by_sent: std::collections::BTreeMap<usize, Vec<(usize, &events::Mention)>> =
        std::collections::BTreeMap::new();
    for (di, d) in drafts.iter().enumerate() {
        for m in &d.mentions {
            by_sent.entry(m.sent).or_default().push((di, m));
        }
    }
    let mut out = Vec::new();
    for (ci, c) in raw.iter().enumerate() {
        // Who gives a cumulative toll speaks of the war, not of the attack told before.
        if toll_sentences.binary_search(&c.sent).is_ok() {
            continue;
        }
        if by_sent.contains_key(&c.sent)
            || by_sent
                .range(c.sent.saturating_sub(2)..=c.sent)
                .flat_map(|(_, v)| v.iter())
                .any(|(_, m)| c.scope.contains(m.trig))
        {
            continue;
        }
        let ss = cx.sentence(c.cue);
        // The event the nearest sentence before tells first (not one it names in passing),
        // within two sentences.
        let Some(prev) = by_sent
            .range(c.sent.saturating_sub(2)..c.sent)
            .rev()
            .find(|(_, v)| v.iter().any(|(_, m)| m.trig.end <= ss.start && !m.headline))
            .map(|(s, _)| *s)
        else {
            continue;
        };
        let here = &by_sent[&prev];
        let Some((di, _)) = here
            .iter()
            .filter(|(_, m)| !m.kind.secondary())
            .min_by_key(|(_, m)| m.trig.start)
            .or_else(|| here.iter().min_by_key(|(_, m)| m.trig.start))
            .copied()
        else {
            continue;
        };
        let d = &drafts[di];
        if !d.mentions.iter().any(|m| m.kind.violent()) {
            continue;
        }
        // «وأكد المتحدث … هذه الحصيلة», «قال مسؤول إنه على علم بحادث»: the sentence refers
        // back to the event.
        let refers_back =
            (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|t| W::BackEvent.has(cx.stem(t)));
        let tells = refers_back
            || [Class::Casualty, Class::Outcome, Class::Weapon]
                .into_iter()
                .any(|k| cx.f.lex_in(k, ss).next().is_some())
            || d.place().is_some_and(|p| {
                cx.f.names_in(ss).any(|n| {
                    cx.places_of(n)
                        .iter()
                        .any(|q| p.1.place_id.as_deref() == Some(q.id.as_str()))
                })
            });
        if tells {
            out.push((ci, di));
        }
    }
    out.extend(dual_claims(cx, drafts, raw));
    out
}

/// Claims told of two events at once by a dual that refers back («أكدت مصادر طبية حصيلة
/// الهجومين اللذين تبناهما التنظيم»): they are about the last two events told before it (within
/// three sentences). Returns (claim, draft).
fn dual_claims(cx: &Ctx, drafts: &[Draft], raw: &[RawClaim]) -> Vec<(usize, usize)> {
    use crate::lexicon::Class;
    let mut out = Vec::new();
    for (ci, c) in raw.iter().enumerate() {
        for t in cx.f.lex_in(Class::Trigger, c.scope) {
            let ti = cx.tok_at(t.key.start);
            let w = cx.tok(ti);
            let prefix =
                cx.f.a
                    .tokens
                    .get(ti)
                    .and_then(|k| cx.f.a.key.text.get(k.key.start..t.key.start))
                    .unwrap_or("");
            let definite = rasd_text::clitics::has_article(prefix)
                || rasd_text::clitics::starts_with_article(
                    w.trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
                );
            if !(definite && W::DualEnding.ends(w)) {
                continue;
            }
            let sent = cx.sentence_ix(t.key);
            // Each draft's last violent word before the dual.
            let mut last: Vec<(usize, usize)> = drafts
                .iter()
                .enumerate()
                .filter_map(|(di, d)| {
                    d.mentions
                        .iter()
                        .filter(|x| {
                            x.kind.violent() && x.trig.end <= t.key.start && x.sent + 3 >= sent
                        })
                        .map(|x| x.trig.start)
                        .max()
                        .map(|at| (at, di))
                })
                .collect();
            last.sort_unstable_by(|a, b| b.cmp(a));
            out.extend(last.iter().take(2).map(|&(_, di)| (ci, di)));
        }
    }
    out
}

/// Does a claim's source report its own deed: the reported clause opens with the source
/// itself («إنه استهدف», «أنها نفذت») or its forces («أن طائراته أغارت», «إن مقاتليها
/// استهدفوا») right before one of the event's triggers?
fn self_report(cx: &Ctx, c: &RawClaim, d: &Draft) -> bool {
    if c.anonymous {
        return false;
    }
    let from = c.cue.end.max(c.source_key.end);
    let i = cx.tok_from(from);
    (i..i + 4).any(|j| {
        let t = cx.tok(j);
        let pronoun = W::SelfReport.has(t);
        let w = t.trim_start_matches(rasd_text::clitics::CONJUNCTIONS);
        let forces = W::ForceNouns.any_rest(w, |rest| W::OwnPronoun.has(rest));
        // The first event word after it says what the source did: «أنه اعترض صاروخا» is an
        // interception, not the attack it stopped.
        let after = cx.f.a.tokens.get(j).map_or(usize::MAX, |t| t.key.end);
        let first =
            cx.f.lex(crate::lexicon::Class::Trigger)
                .iter()
                .find(|t| t.key.start >= after);
        (pronoun || forces)
            && first.is_some_and(|t| {
                cx.tok_at(t.key.start) <= j + 3
                    && d.mentions
                        .iter()
                        .any(|m| m.trig == t.key && !m.kind.secondary())
            })
    })
}

/// «X (المعروف أيضا باسم Y)»: Y is one more name of X, not another entity.
pub(crate) fn merge_aliases(
    entities: &mut Vec<rasd_model::Entity>,
    relations: &[rasd_model::Relation],
) {
    let key = rasd_text::match_key_str;
    for r in relations
        .iter()
        .filter(|r| r.kind == rasd_model::RelationType::AliasOf)
    {
        let find = |es: &[rasd_model::Entity], name: &str| {
            let k = key(name);
            es.iter()
                .position(|e| key(&e.name) == k || e.aliases.iter().any(|a| key(a) == k))
        };
        let (Some(si), Some(oi)) = (find(entities, &r.subject), find(entities, &r.object)) else {
            continue;
        };
        if si == oi {
            continue;
        }
        let sub = entities[si].clone();
        let obj = &mut entities[oi];
        if !obj.aliases.contains(&sub.name) {
            obj.aliases.push(sub.name.clone());
        }
        obj.mentions.extend(sub.mentions);
        obj.mentions.sort();
        entities.remove(si);
    }
}

fn max_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}
