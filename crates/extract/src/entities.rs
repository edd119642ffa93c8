//! Entity linking: every actor and place mention gets its dictionary id; persons and
//! organisations found by patterns become new entities, flagged `new`.
use rasd_model::{Designation, Entity, EntityType, Span};

use crate::ctx::Ctx;
use crate::kb::{ActorKind, PlaceKind};
use crate::recognize::{entity_type, Name, NameKind};
use crate::words::W;
use rasd_text::clitics;

/// The state an actor stands for in the entity list, when it is a state's generic force.
fn standing_for<'k>(cx: &Ctx<'k>, a: &'k crate::kb::Actor) -> &'k crate::kb::Actor {
    if a.kind != ActorKind::StateForce {
        return a;
    }
    let key = rasd_text::match_key_str(&a.name_ar);
    let first = key.split(' ').next().unwrap_or("");
    if !W::GenericForce.has(first) {
        return a;
    }
    let state = a
        .parent
        .as_deref()
        .and_then(|p| cx.kb.actor(p))
        .filter(|p| p.kind == ActorKind::State)
        .or_else(|| {
            cx.kb.actors.iter().find(|s| {
                s.kind == ActorKind::State && s.country == a.country && a.country.is_some()
            })
        });
    state.unwrap_or(a)
}

/// Does `hay` hold the words of `needle` in a row, the first perhaps with a proclitic
/// («الجناح العسكري لحركة حماس» holds «حركة حماس»; «الجيش السوداني» does not hold
/// «السودان»)? Both are match keys.
fn contains_words(hay: &str, needle: &str) -> bool {
    let h: Vec<&str> = hay.split(' ').collect();
    let n: Vec<&str> = needle.split(' ').collect();
    if n.is_empty() || n.len() > h.len() {
        return false;
    }
    let first_ok = |w: &str| {
        w == n[0]
            || clitics::strip_letter_proclitic(w) == Some(n[0])
            || (clitics::starts_with_lil(w) && clitics::article_form(w) == n[0])
    };
    (0..=h.len() - n.len()).any(|i| first_ok(h[i]) && h[i + 1..i + n.len()] == n[1..])
}

fn actor_entity(a: &crate::kb::Actor) -> Entity {
    Entity {
        id: a.id.clone(),
        kind: entity_type(a.kind),
        name: a.name_ar.clone(),
        name_en: Some(a.name_en.clone()),
        aliases: a.aliases_ar.iter().chain(&a.aliases_en).cloned().collect(),
        mentions: Vec::new(),
        new: false,
        country: a.country.clone(),
        designations: a
            .designations
            .iter()
            .map(|d| Designation {
                by: d.by.clone(),
                date: d.date.clone(),
            })
            .collect(),
    }
}

/// A new organisation whose name opens a known one's («وزارة الصحة» before «وزارة الصحة في
/// غزة») is that one.
fn fold_new_into_known(out: &mut Vec<(Entity, Vec<Span>)>) {
    let key = rasd_text::match_key_str;
    let mut i = 0;
    while i < out.len() {
        if out[i].0.new && out[i].0.kind != EntityType::Person {
            let k = key(&out[i].0.name);
            let target = out.iter().position(|(e, _)| {
                !e.new
                    && std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| key(n).starts_with(&format!("{k} ")) || key(n) == k)
            });
            if let Some(t) = target {
                let (e, spans) = out.remove(i);
                let t = if t > i { t - 1 } else { t };
                out[t].1.extend(spans);
                if !out[t].0.aliases.contains(&e.name) {
                    out[t].0.aliases.push(e.name);
                }
                continue;
            }
        }
        i += 1;
    }
}

/// The entities of a document, with their mentions as key spans.
pub fn find(cx: &Ctx) -> Vec<(Entity, Vec<Span>)> {
    let mut es = Entities::default();
    // A name of several places is the one the article is about («رفح» of Egypt or of Gaza), as
    // for events.
    let geo = crate::geo::GeoContext::new(cx);
    for n in &cx.f.names {
        match &n.kind {
            NameKind::Known { actors, places } => {
                let chosen = crate::geo::choose(cx, &geo, n).and_then(|c| {
                    places
                        .iter()
                        .copied()
                        .find(|&i| std::ptr::eq(&cx.kb.places[i], c))
                });
                if let Some(&ai) = actors.first() {
                    es.actor(cx, n, ai);
                } else if let Some(pi) = chosen.or_else(|| places.first().copied()) {
                    es.place(cx, n, pi);
                }
            }
            NameKind::Source {
                speaks_for: Some(ai),
                ..
            } => {
                let a = standing_for(cx, &cx.kb.actors[*ai]);
                es.add(a.id.clone(), actor_entity(a), n.key);
            }
            NameKind::Person | NameKind::NewOrg(_) => es.new_entity(cx, n),
            _ => {}
        }
    }
    let mut out = es.out;
    fold_new_into_known(&mut out);
    clean_aliases(&mut out);
    out
}

/// The entities of a document as they are found.
#[derive(Default)]
struct Entities {
    /// Each entity with its mentions (key spans).
    out: Vec<(Entity, Vec<Span>)>,
    /// The identity of each entity of `out`: a dictionary id, «place:…» or «new:…».
    ids: Vec<String>,
}

impl Entities {
    /// Add a mention: a new entity, or one more mention of a known one and its aliases.
    fn add(&mut self, id: String, e: Entity, key: Span) {
        match self.ids.iter().position(|k| *k == id) {
            Some(i) => {
                let (x, spans) = &mut self.out[i];
                spans.push(key);
                for a in e.aliases {
                    if !x.aliases.contains(&a) && a != x.name {
                        x.aliases.push(a);
                    }
                }
            }
            None => {
                self.ids.push(id);
                self.out.push((e, vec![key]));
            }
        }
    }

    /// A dictionary actor named by `n` (the state for its generic forces), and its parent
    /// when the name names it too; platforms are no entity.
    fn actor(&mut self, cx: &Ctx, n: &Name, ai: usize) {
        let a = standing_for(cx, &cx.kb.actors[ai]);
        let ak = rasd_text::match_key_str(&a.name_ar);
        if a.kind == ActorKind::Media && ak.split(' ').any(|w| W::Platform.has(w)) {
            return;
        }
        let written = cx.written(n.key);
        let mut e = actor_entity(a);
        if written != a.name_ar && !e.aliases.contains(&written) {
            e.aliases.insert(0, written);
        }
        self.add(a.id.clone(), e, n.key);
        // «الأمين العام لحزب الله نعيم قاسم», «الجناح العسكري لحركة حماس»: the name names its
        // parent too.
        let own = &cx.kb.actors[ai];
        if let Some(parent) = own.parent.as_deref().and_then(|p| cx.kb.actor(p)) {
            let key = cx.key(n.key);
            let named = std::iter::once(&parent.name_ar)
                .chain(&parent.aliases_ar)
                .map(|x| rasd_text::match_key_str(x))
                .any(|x| key != x && contains_words(key, &x));
            if named {
                let p = standing_for(cx, parent);
                self.add(p.id.clone(), actor_entity(p), n.key);
            }
        }
    }

    /// A gazetteer place named by `n`: a state, a place (same-name places are one entity for
    /// the document), or the state of which «غرب العراق» names a part.
    fn place(&mut self, cx: &Ctx, n: &Name, pi: usize) {
        let p = &cx.kb.places[pi];
        let pk = rasd_text::match_key_str(&p.name_ar);
        if p.kind >= PlaceKind::Admin1
            && pk
                .split(' ')
                .next()
                .is_some_and(|w| W::RegionDirection.has(w))
        {
            if let Some(a) = cx.kb.actors.iter().find(|a| {
                a.kind == ActorKind::State && a.country.as_deref() == Some(p.country.as_str())
            }) {
                self.add(a.id.clone(), actor_entity(a), n.key);
            }
            return;
        }
        let kind = if p.kind == PlaceKind::Country {
            EntityType::State
        } else {
            EntityType::Place
        };
        let written = cx.written(n.key);
        let mut aliases: Vec<String> = p.aliases_ar.iter().chain(&p.aliases_en).cloned().collect();
        if written != p.name_ar && !aliases.contains(&written) {
            aliases.insert(0, written);
        }
        let e = Entity {
            id: p.id.clone(),
            kind,
            name: p.name_ar.clone(),
            name_en: Some(p.name_en.clone()),
            aliases,
            mentions: Vec::new(),
            new: false,
            country: Some(p.country.clone()),
            designations: Vec::new(),
        };
        self.add(format!("place:{pk}"), e, n.key);
    }

    /// A person or an organisation no dictionary knows, flagged `new`.
    fn new_entity(&mut self, cx: &Ctx, n: &Name) {
        let kind = match &n.kind {
            NameKind::NewOrg(k) => *k,
            _ => EntityType::Person,
        };
        let written = cx.written(n.key);
        let key = rasd_text::match_key_str(&written);
        // «الداود» after «عبدالرحمن بن حمد الداود»: the person named again.
        if kind == EntityType::Person && !key.contains(' ') {
            let full = self.out.iter().position(|(e, _)| {
                e.kind == EntityType::Person
                    && rasd_text::match_key_str(&e.name).ends_with(&format!(" {key}"))
            });
            if let Some(i) = full {
                self.out[i].1.push(n.key);
                return;
            }
        }
        let id = format!("new:{}", key.replace(' ', "_"));
        let e = Entity {
            id: id.clone(),
            kind,
            name: written,
            name_en: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
            new: true,
            country: None,
            designations: Vec::new(),
        };
        self.add(id, e, n.key);
    }
}

/// Aliases without the dictionary's mark of a name that is a place only after a place word
/// («~الخيام»), without the name itself and without repeats.
fn clean_aliases(out: &mut [(Entity, Vec<Span>)]) {
    for (e, _) in out {
        for a in &mut e.aliases {
            if let Some(bare) = a.strip_prefix(crate::kb::CUE_ONLY_MARK) {
                *a = bare.to_string();
            }
        }
        let name = e.name.clone();
        let mut seen = std::collections::HashSet::new();
        e.aliases.retain(|a| *a != name && seen.insert(a.clone()));
    }
}
