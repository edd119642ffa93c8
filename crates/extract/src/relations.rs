//! Relations between actors stated in the text: member_of, leader_of, alias_of,
//! affiliated_with, splinter_of (cues in `data/lexicon.tsv`, class `relation`).
//!
//! Subjects and objects are named entities (dictionary actors, persons, new organisations).
//! Anaphors («الحركة», «هذا الفصيل», «الجماعة») refer to the document's topic: the armed group
//! or organisation it names most. A relation whose subject would be a description («فصائل
//! موالية لإيران») is not a relation between actors and is left out.
use rasd_model::{Relation, RelationType, Span};

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
}

fn entityish(cx: &Ctx, n: &Name) -> bool {
    match &n.kind {
        NameKind::Known { actors, .. } => !actors.is_empty() && !cx.is_media(n),
        NameKind::Person | NameKind::NewOrg(_) => true,
        _ => false,
    }
}

fn arg(cx: &Ctx, n: &Name) -> Arg {
    let id = cx.actor_of(n).map(|(_, a)| a.id.clone());
    let name = match cx.actor_of(n) {
        Some((_, a)) => a.name_ar.clone(),
        None => cx.written(n.key),
    };
    let group = match cx.actor_of(n) {
        Some((_, a)) => matches!(
            a.kind,
            crate::kb::ActorKind::ArmedGroup | crate::kb::ActorKind::Organization
        ),
        None => matches!(n.kind, NameKind::NewOrg(_)),
    };
    Arg {
        name,
        id,
        key: n.key,
        group,
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
    let mut t = topic.clone()?;
    t.key = cx.f.a.tokens[i].key;
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
    let j = cx.tok_at(n.key.start);
    let own =
        cx.f.a
            .tokens
            .get(j)
            .map(|t| cx.key(Span::new(t.key.start, n.key.start)))
            .unwrap_or("");
    (j > 0 && W::About.has(cx.tok(j - 1)))
        || own.ends_with(clitics::LAM)
        // «جزء من Y»: Y is the object of the membership.
        || cx.f.lex(Class::Relation).iter().any(|r| {
            r.value == "member_of" && r.key.end <= n.key.start && cx.dist(r.key, n.key) == 0
        })
}

/// The entity (or anaphor) nearest after key offset `off` in the sentence, within `max` tokens.
fn after(cx: &Ctx, ss: Span, off: usize, max: usize, topic: &Option<Arg>) -> Option<Arg> {
    let i = cx.tok_from(off);
    let hi = cx.tok_from(ss.end);
    for k in i..hi.min(i + max + 1) {
        if let Some(n) = cx.f.names.iter().find(|n| {
            n.key.start == cx.f.a.tokens[k].key.start
                || cx.f.a.tokens[k]
                    .key
                    .contains(Span::new(n.key.start, n.key.start))
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
        // Membership and splits hold between groups, not states or their forces.
        if matches!(kind, RelationType::MemberOf | RelationType::SplinterOf)
            && !(s.group && o.group)
        {
            return;
        }
        if kind == RelationType::LeaderOf && !o.group {
            return;
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
        let group = |a: &crate::kb::Actor| {
            matches!(
                a.kind,
                crate::kb::ActorKind::ArmedGroup | crate::kb::ActorKind::Organization
            )
        };
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
                let s = Arg {
                    name: a.name_ar.clone(),
                    id: Some(a.id.clone()),
                    key: n.key,
                    group: group(a),
                };
                let o = Arg {
                    name: parent.name_ar.clone(),
                    id: Some(parent.id.clone()),
                    key: n.key,
                    group: group(parent),
                };
                self.push(kind, Some(s), Some(o), cx.sentence(n.key));
            }
        }
    }

    /// The relation of a cue `h` of sentence `si` (key span `ss`).
    fn cue(&mut self, si: usize, ss: Span, h: &LexHit) {
        let (cx, topic) = (self.cx, &self.topic);
        let (start, end) = (h.key.start, h.key.end);
        let (kind, s, o) = match h.value.as_str() {
            "member_of" => (
                RelationType::MemberOf,
                before(cx, ss, start, 8, topic, true),
                after(cx, ss, end, 3, topic),
            ),
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
            "leader_of" => {
                let person = person_near(cx, ss, h.key);
                // The organisation: right after the cue («الأمين العام للحركة», «زعيم حماس»),
                // else right before it («الحركة وأمينها العام»).
                let org = after(cx, ss, end, 1, topic)
                    .filter(|o| person.as_ref().is_none_or(|p| p.key != o.key))
                    .or_else(|| {
                        before(cx, ss, start, 2, topic, true)
                            .filter(|o| person.as_ref().is_none_or(|p| p.key != o.key))
                    });
                (RelationType::LeaderOf, person, org)
            }
            "member_list" => return self.member_list(si, ss, h),
            _ => return,
        };
        self.push(kind, s, o, ss);
    }

    /// A list of members: «Y … تضم … ومنها A وB وC», «وتضم Y أعضاء آخرين وهم:» + list lines.
    fn member_list(&mut self, si: usize, ss: Span, h: &LexHit) {
        let (cx, f) = (self.cx, self.cx.f);
        let container = if W::Comprises.within(cx.key(h.key)) {
            before(cx, ss, h.key.start, 6, &self.topic, true)
                .or_else(|| after(cx, ss, h.key.end, 1, &self.topic))
        } else {
            None
        };
        let container = container.or_else(|| {
            self.out
                .iter()
                .rev()
                .find(|(r, _)| r.kind == RelationType::MemberOf)
                .map(|(r, k)| Arg {
                    name: r.object.clone(),
                    id: r.object_id.clone(),
                    key: *k,
                    group: true,
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
