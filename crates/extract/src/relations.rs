//! Relations between actors stated in the text: member_of, leader_of, alias_of,
//! affiliated_with, splinter_of (cues in `data/lexicon.tsv`, class `relation`).
//!
//! Subjects and objects are named entities (dictionary actors, persons, new organisations).
//! Anaphors («الحركة», «هذا الفصيل», «الجماعة») refer to the document's topic: the armed group
//! or organisation it names most. A relation whose subject would be a description («فصائل
//! موالية لإيران») is not a relation between actors and is left out.
use rasd_model::{EntityType, Relation, RelationType, Span};

use crate::ctx::Ctx;
use crate::lexicon::Class;
use crate::recognize::{LexHit, Name, NameKind};
use crate::words::W;
use rasd_text::clitics;

/// An entity taking part in a relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// Name as written.
    pub name: String,
    /// Dictionary id.
    pub id: Option<String>,
    /// Where.
    pub key: Span,
    /// A group or organisation (not a state, a state force or a person).
    pub group: bool,
    /// An armed actor: an armed group, a state force or a military command, which a
    /// commander leads and a fighter belongs to (not a state, a party or an international body).
    pub armed: bool,
    /// A person.
    pub person: bool,
}

fn entityish(cx: &Ctx, n: &Name) -> bool {
    match &n.kind {
        NameKind::Known { actors, .. } => !actors.is_empty() && !cx.is_media(n),
        NameKind::Person | NameKind::NewOrg(_) => true,
        _ => false,
    }
}

fn arg(cx: &Ctx, n: &Name) -> Arg {
    use crate::kb::ActorKind as K;
    let id = cx.actor_of(n).map(|(_, a)| a.id.clone());
    let name = match cx.actor_of(n) {
        Some((_, a)) => a.name_ar.clone(),
        None => cx.written(n.key),
    };
    let kind = cx.actor_of(n).map(|(_, a)| a.kind);
    let group = match kind {
        Some(k) => matches!(k, K::ArmedGroup | K::Organization),
        None => matches!(n.kind, NameKind::NewOrg(_)),
    };
    let armed = match kind {
        Some(k) => matches!(k, K::ArmedGroup | K::StateForce),
        None => match n.kind {
            NameKind::NewOrg(EntityType::ArmedGroup) => true,
            // «المنطقة العسكرية الرابعة»: an organisation named by a command head.
            NameKind::NewOrg(_) => {
                cx.f.lex(Class::OrgHead)
                    .iter()
                    .any(|h| h.key.start == n.key.start && h.value == "command")
            }
            _ => false,
        },
    };
    Arg {
        name,
        id,
        key: n.key,
        group,
        armed,
        person: kind == Some(K::Person) || matches!(n.kind, NameKind::Person),
    }
}

/// A dictionary actor named at `key`.
fn actor_arg(a: &crate::kb::Actor, key: Span) -> Arg {
    use crate::kb::ActorKind as K;
    Arg {
        name: a.name_ar.clone(),
        id: Some(a.id.clone()),
        key,
        group: matches!(a.kind, K::ArmedGroup | K::Organization),
        armed: matches!(a.kind, K::ArmedGroup | K::StateForce),
        person: a.kind == K::Person,
    }
}

/// The document's topic: the group or organisation named most often.
fn topic(cx: &Ctx) -> Option<Arg> {
    let mut counts: Vec<(String, usize, &Name)> = Vec::new();
    for n in &cx.f.names {
        let group = match &n.kind {
            NameKind::Known { actors, .. } => actors.first().is_some_and(|&i| {
                matches!(
                    cx.kb.actors[i].kind,
                    crate::kb::ActorKind::ArmedGroup | crate::kb::ActorKind::Organization
                )
            }),
            NameKind::NewOrg(_) => true,
            _ => false,
        };
        if !group {
            continue;
        }
        let a = arg(cx, n);
        let k = a.id.clone().unwrap_or(rasd_text::match_key_str(&a.name));
        match counts.iter_mut().find(|c| c.0 == k) {
            Some(c) => c.1 += 1,
            None => counts.push((k, 1, n)),
        }
    }
    counts
        .iter()
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.2.key.start)))
        .map(|c| arg(cx, c.2))
}

/// An anaphor («الحركة», «هذا الفصيل») at token `i`, resolved to the topic.
fn anaphor_at(cx: &Ctx, i: usize, topic: &Option<Arg>) -> Option<Arg> {
    let w = cx.tok(i);
    let st = cx.stem(i);
    let hit = W::Anaphor.has(w)
        || (W::AnaphorPrefix.starts(w)
            && w.ends_with(st)
            && W::Anaphor.any(|a| clitics::after_article(a) == Some(st)));
    if !hit {
        return None;
    }
    let key = cx.f.a.tokens[i].key;
    // «عناصر تنظيم القاعدة … قائد التنظيم»: a group named before in the sentence with the
    // anaphor's head word, rather than the document's topic.
    let head = clitics::strip_article(st);
    let ss = cx.sentence(key);
    let named =
        cx.f.names_in(Span::new(ss.start, key.start))
            .filter(|n| entityish(cx, n) && matches!(n.kind, NameKind::Known { .. }))
            .filter(|n| {
                let first = cx.key(n.key).split(' ').next().unwrap_or("");
                clitics::strip_article(first) == head
            })
            .last()
            .map(|n| arg(cx, n));
    let mut t = named.or_else(|| topic.clone())?;
    t.key = key;
    Some(t)
}

/// The entity (or anaphor) nearest before key offset `off` in the sentence, within `max` tokens.
///
/// With `group`, only groups and organisations qualify and other names are passed over; a
/// description in between («فصائل … موالية لإيران») means there is no named subject, unless it
/// is a predicate («X هي ميليشيا موالية…») or a list of members («X … تضم … الميليشيات
/// المتحالفة مع…»), whose subject is X. Names that are objects of another cue («المنشق عن X»)
/// are passed over.
fn before(
    cx: &Ctx,
    ss: Span,
    off: usize,
    max: usize,
    topic: &Option<Arg>,
    group: bool,
) -> Option<Arg> {
    let i = cx.tok_at(off);
    let lo = cx.tok_at(ss.start);
    let mut k = i;
    let mut budget = max;
    // After jumping back over «… تضم …», the container is wanted even as an object.
    let mut jumped = false;
    while k > lo {
        k -= 1;
        if budget == 0 {
            break;
        }
        budget -= 1;
        let tk = cx.f.a.tokens[k].key;
        if let Some(n) =
            cx.f.names
                .iter()
                .find(|n| n.key.end == tk.end || n.key.contains(tk))
        {
            if matches!(n.kind, NameKind::Descriptor { .. }) {
                // Skip back over the description and judge what stands before it.
                let (to, jump) = past_description(cx, cx.tok_at(n.key.start))?;
                (k, budget, jumped) = (to, max, jumped || jump);
                continue;
            }
            if entityish(cx, n) && (!is_object(cx, n) || jumped) {
                let a = arg(cx, n);
                if !group || a.group {
                    return Some(a);
                }
            }
            k = cx.tok_at(n.key.start);
            continue;
        }
        if let Some(a) = anaphor_at(cx, k, topic) {
            return Some(a);
        }
        if cx
            .f
            .lex(Class::ActorHead)
            .iter()
            .any(|h| h.key.overlaps(tk))
        {
            let (to, jump) = past_description(cx, k)?;
            (k, budget, jumped) = (to, max, jumped || jump);
        }
    }
    None
}

/// Where to go on from past a description that starts at token `j`: back to the copula of a
/// predicate («X هي ميليشيا موالية…»), or back to the verb of a list of members («X … تضم …»,
/// `true`); `None` when the description stands where the subject should.
fn past_description(cx: &Ctx, j: usize) -> Option<(usize, bool)> {
    let prev = if j > 0 { cx.tok(j - 1) } else { "" };
    if W::Copula.has(prev) {
        return Some((j.saturating_sub(1), false));
    }
    (j.saturating_sub(4)..j)
        .rev()
        .find(|&t| W::Comprises.ends(cx.tok(t)))
        .map(|t| (t, true))
}

/// Is a name the object of another cue («المنشق عن X», «لـX», «جزء من X»)?
fn is_object(cx: &Ctx, n: &Name) -> bool {
    object_at(cx, n.key)
}

/// Is the name at key span `key` the object of another cue?
fn object_at(cx: &Ctx, key: Span) -> bool {
    let j = cx.tok_at(key.start);
    let own =
        cx.f.a
            .tokens
            .get(j)
            .map(|t| cx.key(Span::new(t.key.start, key.start)))
            .unwrap_or("");
    (j > 0 && W::About.has(cx.tok(j - 1)))
        || own.ends_with(clitics::LAM)
        // «جزء من Y»: Y is the object of the membership.
        || cx.f.lex(Class::Relation).iter().any(|r| {
            r.value == "member_of" && r.key.end <= key.start && cx.dist(r.key, key) == 0
        })
}

/// The entity (or anaphor) nearest after key offset `off` in the sentence, within `max` tokens.
fn after(cx: &Ctx, ss: Span, off: usize, max: usize, topic: &Option<Arg>) -> Option<Arg> {
    // A cue may end inside a token: «التابعة لـ» before «للحلف».
    let i = cx.tok_at(off);
    let hi = cx.tok_from(ss.end);
    for k in i..hi.min(i + max + 1) {
        if let Some(n) = cx.f.names.iter().find(|n| {
            let t = cx.f.a.tokens[k].key;
            n.key.start >= off
                && (n.key.start == t.start || t.contains(Span::new(n.key.start, n.key.start)))
        }) {
            if entityish(cx, n) {
                return Some(arg(cx, n));
            }
        }
        if let Some(a) = anaphor_at(cx, k, topic) {
            return Some(a);
        }
    }
    None
}

/// The entity named right before key offset `off`, the cue's subject («التحالف الذي تقوده»,
/// «قوة … التابعة لـ»), even with a preposition glued to it («لقوات التحالف»).
fn name_before(cx: &Ctx, off: usize) -> Option<Arg> {
    let k = cx.tok_before(off)?;
    let tk = cx.f.a.tokens.get(k)?.key;
    cx.f.names_over(tk)
        .find(|n| n.key.end == tk.end && entityish(cx, n))
        .map(|n| arg(cx, n))
}

/// The armed group a possessive cue refers back to («تنظيم … زعيمهم»): the only one named before
/// it in the sentence; none when several are named or none (the pronoun may stand for a group
/// no dictionary knows: «للمقاومة وقائدها»).
fn group_before(cx: &Ctx, ss: Span, off: usize) -> Option<Arg> {
    let mut found: Option<Arg> = None;
    for n in cx.f.names_in(Span::new(ss.start, off)) {
        if !entityish(cx, n) {
            continue;
        }
        let a = arg(cx, n);
        if !a.armed || a.person {
            continue;
        }
        match &found {
            Some(f) if f.name != a.name => return None,
            Some(_) => {}
            None => found = Some(a),
        }
    }
    found
}

/// Does the dictionary list backers of `o` among which `leader` is not?
fn backed_by_other(cx: &Ctx, leader: &Arg, o: &Arg) -> bool {
    let (Some(lid), Some(oa)) = (
        leader.id.as_deref(),
        o.id.as_deref().and_then(|i| cx.kb.actor(i)),
    ) else {
        return false;
    };
    !oa.affiliated.is_empty() && !oa.affiliated.iter().any(|a| a == lid)
}

/// Does the dictionary put `s` under `o` (its parent, or its parent's parent…)?
fn part_of(cx: &Ctx, s: &Arg, o: &Arg) -> bool {
    let (Some(sid), Some(oid)) = (s.id.as_deref(), o.id.as_deref()) else {
        return false;
    };
    let mut cur = cx.kb.actor(sid);
    for _ in 0..8 {
        let Some(p) = cur.and_then(|a| a.parent.as_deref()) else {
            return false;
        };
        if p == oid {
            return true;
        }
        cur = cx.kb.actor(p);
    }
    false
}

/// Is a group named with a place inside a country right after it («أمير التنظيم في المدينة»)?
/// «زعيم الجماعة في البلد» still leads the whole group.
fn in_place(cx: &Ctx, o: &Arg) -> bool {
    let j = cx.tok_from(o.key.end);
    W::LocalIn.has(cx.tok(j))
        && cx.f.a.tokens.get(j + 1).is_some_and(|t| {
            cx.f.names_over(t.key).any(|n| {
                n.key.start >= t.key.start
                    && cx
                        .best_kind(n)
                        .is_some_and(|k| k < crate::kb::PlaceKind::Country)
                    && cx.actor_of(n).is_none()
            })
        })
}

fn person_near(cx: &Ctx, ss: Span, cue: Span) -> Option<Arg> {
    // «X هو الأمين العام»: the person the sentence is about.
    let ci = cx.tok_at(cue.start);
    let copula = ci > 0 && W::CopulaHe.has(cx.tok(ci - 1));
    // Not an alias («المعروف أيضا باسم X»): X is the same person under another name.
    let alias_cues: Vec<Span> =
        cx.f.lex_in(Class::Relation, ss)
            .filter(|h| h.value == "alias_of")
            .map(|h| h.key)
            .collect();
    let persons: Vec<&Name> =
        cx.f.names_in(ss)
            .filter(|n| {
                matches!(n.kind, NameKind::Person)
                    || cx
                        .actor_of(n)
                        .is_some_and(|(_, a)| a.kind == crate::kb::ActorKind::Person)
            })
            .filter(|n| {
                !alias_cues
                    .iter()
                    .any(|c| c.end <= n.key.start && cx.dist(*c, n.key) <= 1)
            })
            .collect();
    if copula {
        return persons
            .iter()
            .find(|n| n.key.end <= cue.start)
            .map(|n| arg(cx, n));
    }
    persons
        .iter()
        .filter(|n| cx.dist(n.key, cue) <= 6)
        .min_by_key(|n| cx.dist(n.key, cue))
        .map(|n| arg(cx, n))
}

/// Find the relations of a document.
pub fn find(cx: &Ctx) -> Vec<(Relation, Span)> {
    let mut r = Finder {
        cx,
        topic: topic(cx),
        out: Vec::new(),
    };
    r.in_names();
    r.spokesmen();
    for (si, ss) in cx.f.a.sentences.iter().enumerate() {
        for h in cx.f.lex_in(Class::Relation, *ss) {
            r.cue(si, *ss, h);
        }
    }
    r.out
}

/// The relations of a document as they are found.
struct Finder<'c, 'a> {
    cx: &'c Ctx<'a>,
    /// The document's topic, what anaphors refer to.
    topic: Option<Arg>,
    /// The relations found so far, with their evidence.
    out: Vec<(Relation, Span)>,
}

impl Finder<'_, '_> {
    /// Add a relation, when both its arguments are found, differ and can stand in it.
    fn push(&mut self, kind: RelationType, s: Option<Arg>, o: Option<Arg>, ev: Span) {
        let (Some(s), Some(o)) = (s, o) else { return };
        let same = s.id.is_some() && s.id == o.id
            || rasd_text::match_key_str(&s.name) == rasd_text::match_key_str(&o.name);
        if same {
            return;
        }
        // Membership and splits hold between groups, not states or their forces; a person is a
        // member of an armed actor («القيادي في حركة …»).
        let groups = s.group && o.group;
        // «فيلق القدس التابع للحرس الثوري»: a force the dictionary puts under another.
        let unit = s.armed && o.armed && part_of(self.cx, &s, &o);
        match kind {
            RelationType::SplinterOf if !groups => return,
            RelationType::MemberOf if !(groups || s.person && o.armed || unit) => return,
            // A commander leads an armed actor; officials' posts (the head of a league, a
            // ministry, a state) are not relations between conflict actors.
            RelationType::LeaderOf if !o.armed => return,
            _ => {}
        }
        let r = Relation {
            kind,
            subject: s.name,
            object: o.name,
            subject_id: s.id,
            object_id: o.id,
            evidence: Vec::new(),
        };
        if !self
            .out
            .iter()
            .any(|(x, _)| x.kind == r.kind && x.subject == r.subject && x.object == r.object)
        {
            self.out.push((r, ev));
        }
    }

    /// A dictionary name that is itself a description names two actors and how they stand:
    /// «الأمين العام لحزب الله نعيم قاسم» is Naim Qassem and leads Hezbollah, «الجناح العسكري
    /// لحركة حماس» is the Qassam Brigades and belongs to Hamas (the dictionary's parent).
    fn in_names(&mut self) {
        let cx = self.cx;
        for n in &cx.f.names {
            let NameKind::Known { actors, .. } = &n.kind else {
                continue;
            };
            let Some(&ai) = actors.first() else { continue };
            let a = &cx.kb.actors[ai];
            let Some(parent) = a.parent.as_deref().and_then(|p| cx.kb.actor(p)) else {
                continue;
            };
            for h in
                cx.f.lex(Class::Relation)
                    .iter()
                    .filter(|h| n.key.contains(h.key))
            {
                let kind = match h.value.as_str() {
                    "leader_of" => RelationType::LeaderOf,
                    "member_of" => RelationType::MemberOf,
                    _ => continue,
                };
                let (s, o) = (actor_arg(a, n.key), actor_arg(parent, n.key));
                self.push(kind, Some(s), Some(o), cx.sentence(n.key));
            }
        }
    }

    /// The relation of a cue `h` of sentence `si` (key span `ss`).
    fn cue(&mut self, si: usize, ss: Span, h: &LexHit) {
        let (cx, topic) = (self.cx, &self.topic);
        let (start, end) = (h.key.start, h.key.end);
        // «الناطق باسم القائد العام للقوات المسلحة»: the body a source speaks for.
        if cx
            .f
            .names_over(h.key)
            .any(|n| matches!(n.kind, NameKind::Source { .. }) && n.key.contains(h.key))
        {
            return;
        }
        let (kind, s, o) = match h.value.as_str() {
            "member_of" => (
                RelationType::MemberOf,
                before(cx, ss, start, 8, topic, true),
                after(cx, ss, end, 3, topic),
            ),
            // «فلان القيادي في حركة …», «من قيادات الخط الأول في تنظيم …».
            "member_of_person" => (
                RelationType::MemberOf,
                person_near(cx, ss, h.key),
                after(cx, ss, end, 4, topic).filter(|o| o.armed),
            ),
            // «قوة … التابعة للحلف»: an armed actor and the body it answers to; part of it
            // when the dictionary says so («فيلق القدس التابع للحرس الثوري»).
            "affiliated_with_weak" => {
                // «وكلاء لفيلق القدس التابع للحرس الثوري»: the name of another cue's object.
                let s = name_before(cx, start).filter(|s| s.armed && !object_at(cx, s.key));
                let o = after(cx, ss, end, 1, topic).filter(|o| !o.person);
                let part = match (&s, &o) {
                    (Some(s), Some(o)) => part_of(cx, s, o),
                    _ => false,
                };
                let kind = if part {
                    RelationType::MemberOf
                } else {
                    RelationType::AffiliatedWith
                };
                (kind, s, o)
            }
            "splinter_of" => (
                RelationType::SplinterOf,
                before(cx, ss, start, 4, topic, true),
                after(cx, ss, end, 2, topic),
            ),
            "affiliated_with" => {
                let obj = after(cx, ss, end, 2, topic);
                let subj = before(cx, ss, start, 8, topic, true);
                (RelationType::AffiliatedWith, subj, obj)
            }
            "alias_of" => {
                // «حيدر مزهر مالك السعيدي (المعروف أيضا باسم حيدر الغراوي)»
                let alias = after(cx, ss, end, 2, topic);
                let main = before(cx, ss, start, 3, topic, false);
                (RelationType::AliasOf, alias, main)
            }
            "leader_of" | "leader_of_back" | "led_by" => return self.leader(ss, h),
            "member_list" => return self.member_list(si, ss, h),
            _ => return,
        };
        self.push(kind, s, o, ss);
    }

    /// A leader and what it leads: «زعيم حماس X», «X الأمين العام للحركة», «قائد المنطقة
    /// العسكرية الرابعة اللواء X»; «تنظيم … زعيمهم X» leads the group named before;
    /// «التحالف الذي تقوده الدولة X»: X leads the group named right before. The leader of a
    /// group in a place («أمير التنظيم في المدينة X») leads a branch: one of its leaders, a member.
    fn leader(&mut self, ss: Span, h: &LexHit) {
        let (cx, topic) = (self.cx, &self.topic);
        let (start, end) = (h.key.start, h.key.end);
        let (leader, org) = match h.value.as_str() {
            "led_by" => {
                let (leader, org) = (after(cx, ss, end, 1, topic), name_before(cx, start));
                // «قوات التحالف بقيادة …»: a coalition the dictionary gives other backers is
                // another coalition than the one named.
                let backed_by_other = match (&leader, &org) {
                    (Some(l), Some(o)) => backed_by_other(cx, l, o),
                    _ => false,
                };
                if backed_by_other {
                    return;
                }
                (leader, org)
            }
            "leader_of_back" => (person_near(cx, ss, h.key), group_before(cx, ss, start)),
            _ => {
                let person = person_near(cx, ss, h.key);
                let not_person = |o: &Arg| person.as_ref().is_none_or(|p| p.key != o.key);
                // «الأمير فلان»: a title of the person, who leads nothing named before.
                let named_next = person
                    .as_ref()
                    .is_some_and(|p| p.key.start >= end && cx.dist(h.key, p.key) == 0);
                let org = after(cx, ss, end, 1, topic).filter(not_person).or_else(|| {
                    (!named_next)
                        .then(|| before(cx, ss, start, 2, topic, true))
                        .flatten()
                        .filter(not_person)
                });
                (person, org)
            }
        };
        let direct = h.value == "leader_of" && org.as_ref().is_some_and(|o| o.key.start >= end);
        let kind = if direct && org.as_ref().is_some_and(|o| o.armed && in_place(cx, o)) {
            RelationType::MemberOf
        } else {
            RelationType::LeaderOf
        };
        self.push(kind, leader, org, ss);
    }

    /// A spokesman named with the armed group he speaks for («المتحدث باسم الجماعة فلان») is
    /// one of its members.
    fn spokesmen(&mut self) {
        let cx = self.cx;
        for n in &cx.f.names {
            let NameKind::Source {
                speaks_for: Some(g),
                head,
                person: Some((p, key)),
                ..
            } = &n.kind
            else {
                continue;
            };
            let group = &cx.kb.actors[*g];
            if head != W::HeadSpokesman.lemma() || group.kind != crate::kb::ActorKind::ArmedGroup {
                continue;
            }
            let person = match p {
                Some(i) => actor_arg(&cx.kb.actors[*i], *key),
                None => Arg {
                    name: cx.written(*key),
                    id: None,
                    key: *key,
                    group: false,
                    armed: false,
                    person: true,
                },
            };
            let group = actor_arg(group, n.key);
            self.push(
                RelationType::MemberOf,
                Some(person),
                Some(group),
                cx.sentence(n.key),
            );
        }
    }

    /// A list of members: «Y … تضم … ومنها A وB وC», «وتضم Y أعضاء آخرين وهم:» + list lines.
    fn member_list(&mut self, si: usize, ss: Span, h: &LexHit) {
        let (cx, f) = (self.cx, self.cx.f);
        let comprises = W::Comprises.within(cx.key(h.key));
        let container = if comprises {
            before(cx, ss, h.key.start, 6, &self.topic, true)
                .or_else(|| after(cx, ss, h.key.end, 1, &self.topic))
        } else {
            None
        };
        // «… جزء من Y، ومنها A وB»: the container of the membership just told, in this sentence.
        let container = container.or_else(|| {
            self.out
                .iter()
                .rev()
                .filter(|_| !comprises)
                .find(|(r, k)| r.kind == RelationType::MemberOf && *k == ss)
                .map(|(r, k)| Arg {
                    name: r.object.clone(),
                    id: r.object_id.clone(),
                    key: *k,
                    group: true,
                    armed: false,
                    person: false,
                })
        });
        let members: Vec<Arg> = f
            .names_in(Span::new(h.key.end, ss.end))
            .filter(|n| {
                entityish(cx, n) && matches!(n.kind, NameKind::Known { .. } | NameKind::NewOrg(_))
            })
            .map(|n| arg(cx, n))
            .collect();
        let container_key = container.as_ref().map(|c| c.key);
        for m in members {
            if Some(m.key) == container_key {
                continue;
            }
            self.push(RelationType::MemberOf, Some(m), container.clone(), ss);
        }
        // A list announced at the end of the sentence: the lines that follow.
        let tail = f.a.key.text.get(h.key.end..ss.end).unwrap_or("").trim();
        if tail.is_empty() || W::ListOpener.starts(tail) {
            let cont = container.or_else(|| after(cx, ss, h.key.end, 1, &self.topic));
            self.list_lines(si, cont);
        }
    }

    /// The lines after sentence `si` that each open with a member of `container`.
    fn list_lines(&mut self, si: usize, container: Option<Arg>) {
        let (cx, f) = (self.cx, self.cx.f);
        for ns in f.a.sentences.iter().skip(si + 1).take(12) {
            let Some(first) = f.names.iter().find(|n| n.key.start == ns.start) else {
                break;
            };
            if !entityish(cx, first) {
                break;
            }
            self.push(
                RelationType::MemberOf,
                Some(arg(cx, first)),
                container.clone(),
                *ns,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Pipeline;
    use rasd_model::{Document, RelationType};

    /// The relations of a text, as (type, subject, object).
    fn rels(text: &str) -> Vec<(RelationType, String, String)> {
        let doc = Document::new("t", text);
        Pipeline::new()
            .extract(&doc)
            .relations
            .into_iter()
            .map(|r| (r.kind, r.subject, r.object))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$(($kind:ident, $s:expr, $o:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<(RelationType, String, String)> =
                    vec![$((RelationType::$kind, $s.to_string(), $o.to_string())),*];
                assert_eq!(rels($text), want);
            }
        };
    }

    t!(
        a_commander_after_his_command_and_rank,
        "أكد قائد المنطقة العسكرية الثانية العميد سالم ناصر الحربي أن قواته صدت الهجوم.",
        [(LeaderOf, "سالم ناصر الحربي", "المنطقة العسكرية الثانية")]
    );
    t!(
        one_of_the_leaders_is_a_member,
        "قتلت القوات العراقية خالد حسن العبيدي من قيادات الصف الثاني في تنظيم داعش.",
        [(MemberOf, "خالد حسن العبيدي", "تنظيم الدولة الإسلامية")]
    );
    t!(
        a_possessive_leader_of_the_group_named_before,
        "يواصل تنظيم داعش هجماته منذ مقتل زعيمهم السابق أبي يوسف الحلبي.",
        [(LeaderOf, "أبي يوسف الحلبي", "تنظيم الدولة الإسلامية")]
    );
    t!(
        a_state_leads_the_coalition_named_before,
        "وصلت تعزيزات التحالف العربي الذي تقوده السعودية إلى المدينة.",
        [(LeaderOf, "السعودية", "التحالف العربي")]
    );
    t!(
        a_force_affiliated_with_an_alliance,
        "انسحبت قوة إيساف التابعة لحلف الناتو من الولاية.",
        [(AffiliatedWith, "قوة إيساف", "حلف شمال الأطلسي")]
    );
    t!(
        a_spokesman_of_an_armed_group_is_a_member,
        "قال المتحدث باسم جماعة الحوثي أحمد سالم الزبيدي إن الجماعة لن تنسحب.",
        [(MemberOf, "أحمد سالم الزبيدي", "جماعة الحوثي")]
    );
    t!(
        a_cadre_named_after_his_group,
        "وتحدث القيادي في حركة حماس سامي خالد الأغا عن المفاوضات.",
        [(MemberOf, "سامي خالد الأغا", "حركة حماس")]
    );
    t!(
        the_leader_of_a_group_in_a_town_leads_a_branch,
        "قتل أمير داعش في الموصل أبو سعد الجبوري بغارة.",
        [(MemberOf, "أبو سعد الجبوري", "تنظيم الدولة الإسلامية")]
    );
    t!(
        an_officials_post_is_no_relation,
        "استقبل الأمين العام لجامعة الدول العربية أحمد ناصر الكبيسي الوفد.",
        []
    );
    t!(
        a_head_of_states_title_is_no_command,
        "رفع المجلس التهنئة إلى الملك سلمان القائد الأعلى للقوات المسلحة السعودية.",
        []
    );
    t!(
        a_unit_of_a_force_named_as_the_object_of_another_cue,
        "تعد الحركة من الوكلاء العراقيين لفيلق القدس التابع للحرس الثوري الإيراني.",
        []
    );
}
