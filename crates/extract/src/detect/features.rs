//! The features of a candidate: what the detector's models weigh.
//!
//! Each feature is a short string, `name:value`. They describe the trigger word itself (its
//! lexicon kind, its form, its clitics), the words around it, what else its sentence holds
//! (dates and how recent they are, places, actors, sources, casualty figures, weapons,
//! negations, how many other event words), how many event words the two sentences before hold
//! and the first word of its sentence (a round-up goes on place by place), the rules of [`super::rules`] that hold for it, and
//! the document (the title's words, how many event words it has). A few conjunctions with the
//! lexicon kind let the linear models weigh the same context differently for different words.
use rasd_model::IsoDate;
use rasd_text::dates::DateMention;
use rasd_text::numbers::Approx;

use super::rules::{Cand, RULES};
use crate::ctx::Ctx;
use crate::events::is_headline;
use crate::kb::{ActorKind, PlaceKind};
use crate::lexicon::Class;
use crate::recognize::NameKind;

/// What the features of every candidate of a document share.
#[derive(Debug, Clone, Default)]
pub struct DocFeats {
    /// The title's word stems.
    pub title: Vec<String>,
    /// Number of candidates of violent kinds in the document.
    pub violent: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// What kind of writing the document is, as news or as comment: its dates of the last week,
    /// its attribution verbs, its named and anonymous sources, its questions.
    pub genre: [usize; 4],
}

impl DocFeats {
    /// The document-level material of a document and its title.
    pub fn new(cx: &Ctx, cands: &[Cand], title: Option<&str>) -> DocFeats {
        let title = title
            .map(|t| {
                let key = rasd_text::match_key_str(t);
                key.split(|c: char| !rasd_text::clitics::is_arabic_letter(c))
                    .filter(|w| w.chars().count() >= 2)
                    .map(|w| light(&w[rasd_text::clitics::proclitic_len(w, 2)..]).to_string())
                    .collect()
            })
            .unwrap_or_default();
        let f = cx.f;
        let recent = f
            .dates
            .iter()
            .filter(|d| matches!(date_rel(d, cx.published), "today" | "week"))
            .count();
        let says = f
            .lex(Class::Cue)
            .iter()
            .filter(|x| x.value == "say")
            .count();
        let sources = f
            .names
            .iter()
            .filter(|n| matches!(n.kind, NameKind::Source { .. }))
            .count();
        let questions = cx.text.matches(['?', '\u{61f}']).count();
        DocFeats {
            title,
            violent: cands.iter().filter(|c| c.kind.violent()).count(),
            sentences: cx.f.a.sentences.len(),
            genre: [recent, says, sources, questions],
        }
    }
}

/// A word stem without a pronoun enclitic (at least three letters left).
pub fn light(stem: &str) -> &str {
    &stem[..stem.len() - rasd_text::clitics::enclitic_len(stem, 3)]
}

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().position(|&e| n <= e).unwrap_or(edges.len())
}

/// The features of a candidate, appended to `out`.
pub fn features(c: &Cand, doc: &DocFeats, out: &mut Vec<String>) {
    let k = c.kind.name();
    trigger_form(c, out);
    context_words(c, out);
    sentence_signals(c, out);
    for r in RULES.iter().skip(1) {
        if (r.holds)(c) {
            out.push(format!("r:{}", r.id));
        }
    }
    for t in &doc.title {
        out.push(format!("ti:{t}"));
    }
    out.push(format!("dv:{}", bucket(doc.violent, &[0, 1, 3, 8, 20])));
    out.push(format!("ds:{}", bucket(doc.sentences, &[1, 3, 10, 30])));
    // The genre of a text too short to have one (a sentence, a brief) is not weighed.
    if doc.sentences >= 4 {
        let [recent, says, _sources, questions] = doc.genre;
        out.push(format!("dd:{}", bucket(recent, &[0, 1, 3])));
        out.push(format!("dsay:{}", bucket(says, &[0, 1, 3, 6])));
        out.push(format!("dq:{}", bucket(questions, &[0, 1, 3])));
    }
    // Conjunctions with the lexicon's kind.
    let n = out.len();
    for i in 0..n {
        let f = &out[i];
        if [
            "pc:", "l1:", "r1:", "sd:", "sp:", "scas:", "nv:", "sc:", "r:", "pos:",
        ]
        .iter()
        .any(|p| f.starts_with(p))
        {
            let x = format!("{k}|{f}");
            out.push(x);
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// The trigger word: its kind and form, its clitics, its stem.
fn trigger_form(c: &Cand, out: &mut Vec<String>) {
    let cx = c.cx;
    let i = c.tok();
    out.push(format!("k:{}", c.kind.name()));
    out.push(format!("v:{}", c.h.value));
    out.push(format!("T:{}", cx.key(c.h.key)));
    let Some(t) = cx.f.a.tokens.get(i) else {
        return;
    };
    let tok = cx.key(t.key);
    let stem = light(cx.key(t.stem));
    out.push(format!("t:{tok}"));
    out.push(format!("s:{stem}"));
    out.push(format!("p4:{}", stem.chars().take(4).collect::<String>()));
    let pc = cx.f.a.key.text.get(t.key.start..t.stem.start).unwrap_or("");
    out.push(format!("pc:{pc}"));
    let last = cx.tok_at(c.h.key.end.saturating_sub(1));
    if let Some(lt) = cx.f.a.tokens.get(last) {
        let sfx = cx.f.a.key.text.get(c.h.key.end..lt.key.end).unwrap_or("");
        out.push(format!("sfx:{sfx}"));
    }
}

/// The words before and after the trigger, and the words of its sentence.
fn context_words(c: &Cand, out: &mut Vec<String>) {
    let cx = c.cx;
    let ss = cx.sentence(c.h.key);
    let (s0, s1) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    let i = c.tok();
    let j = cx.tok_at(c.h.key.end.saturating_sub(1)) + 1;
    let word = |k: usize| light(cx.stem(k));
    let before = |d: usize| if i >= s0 + d { word(i - d) } else { "<s>" };
    let after = |d: usize| {
        if j + d - 1 < s1 {
            word(j + d - 1)
        } else {
            "</s>"
        }
    };
    out.push(format!("l1:{}", before(1)));
    out.push(format!("l2:{}", before(2)));
    out.push(format!("l3:{}", before(3)));
    out.push(format!("r1:{}", after(1)));
    out.push(format!("r2:{}", after(2)));
    out.push(format!("r3:{}", after(3)));
    out.push(format!("l12:{}_{}", before(2), before(1)));
    out.push(format!("r12:{}_{}", after(1), after(2)));
    if i > s0 {
        out.push(format!("l1t:{}", cx.tok(i - 1)));
    }
    for k in s0.max(i.saturating_sub(6))..i {
        out.push(format!("w:{}", word(k)));
    }
    for k in j..s1.min(j + 6) {
        out.push(format!("w:{}", word(k)));
    }
    for k in s0.max(i.saturating_sub(40))..s1.min(j + 40) {
        if k < i || k >= j {
            out.push(format!("b:{}", word(k)));
        }
    }
    out.push(format!("sl:{}", bucket(s1 - s0, &[8, 15, 30, 60])));
}

/// How a date stands to the publication date.
fn date_rel(d: &DateMention, published: Option<IsoDate>) -> &'static str {
    if d.value.len() < 10 {
        return "coarse";
    }
    let (Ok(x), Some(p)) = (IsoDate::parse(&d.value), published) else {
        return "nopub";
    };
    match p.to_days() - x.to_days() {
        n if n < 0 => "future",
        0 => "today",
        1..=7 => "week",
        8..=45 => "month",
        _ => "old",
    }
}

/// The dates of the trigger's sentence: how recent, how near the word.
fn dates(c: &Cand, out: &mut Vec<String>) {
    let (cx, h) = (c.cx, c.h);
    let ss = cx.sentence(h.key);
    let mut any = false;
    for (_, d) in cx.f.dates_in(ss) {
        any = true;
        // «وقال المرصد في بيان أمس إن…»: the day a statement was made says little of when.
        if crate::events::statement_date(cx, d.key, h.key, ss) {
            out.push("sd:said".into());
            continue;
        }
        out.push(format!("sd:{}", date_rel(d, cx.published)));
        if d.since {
            out.push("sd:since".into());
        }
        let near = cx.dist(d.key, h.key);
        out.push(format!("sdn:{}", bucket(near, &[2, 6, 12])));
    }
    if !any {
        out.push("sd:none".into());
    }
}

/// What else the trigger's sentence holds.
fn sentence_signals(c: &Cand, out: &mut Vec<String>) {
    let cx = c.cx;
    let f = cx.f;
    let h = c.h;
    let ss = cx.sentence(h.key);
    dates(c, out);
    places(cx, c, out);
    for n in f.names_in(ss) {
        match &n.kind {
            NameKind::Known { actors, .. } => {
                if let Some(&a) = actors.first() {
                    out.push(format!("sa:{}", actor_kind(cx.kb.actors[a].kind)));
                }
            }
            NameKind::Source { anonymous, .. } => {
                out.push(format!("sn:{}", if *anonymous { "anon" } else { "role" }))
            }
            NameKind::Descriptor { .. } => out.push("sa:descriptor".into()),
            NameKind::Person => out.push("sa:person".into()),
            NameKind::NewOrg(_) => out.push("sa:neworg".into()),
        }
    }
    for x in f.lex_in(Class::Cue, ss) {
        out.push(format!("sc:{}", x.value));
    }
    for x in f.lex_in(Class::Weapon, ss) {
        out.push(format!("sw:{}", x.value));
    }
    // A word marked `figure` only counts a figure: the labels the weights come from were made
    // without it, so it is no feature (`data/README.md`, lexicon).
    for x in f
        .lex_in(Class::Casualty, ss)
        .filter(|x| !x.value.ends_with(",figure"))
    {
        let what = x.value.split(',').next().unwrap_or("");
        let counted = f
            .numbers_in(cx.near(x.key, 1))
            .any(|q| cx.dist(q.key, x.key) <= 1);
        out.push(format!("scas:{what}{}", if counted { "#" } else { "" }));
    }
    for q in f
        .numbers_in(cx.near(h.key, 3))
        .filter(|q| cx.dist(q.key, h.key) <= 3)
    {
        let b = if q.approx == Approx::Vague {
            "vague".to_string()
        } else {
            bucket(q.value as usize, &[1, 10, 100]).to_string()
        };
        let side = if q.key.start < h.key.start { "<" } else { ">" };
        out.push(format!("snum:{side}{b}"));
    }
    if cx.lex_before(Class::Neg, h.key.start, 3).is_some() {
        out.push("sneg".into());
    }
    if let Some(x) = cx.lex_before(Class::Hypo, h.key.start, 5) {
        out.push(format!("shyp:{}", x.value));
    }
    let (mut n, mut nv) = (0, 0);
    for t in f.lex_in(Class::Trigger, ss) {
        n += 1;
        if let Some(k) = crate::events::TrigKind::parse(t.value.split(',').next().unwrap_or("")) {
            nv += usize::from(k.violent() && !k.secondary());
        }
    }
    out.push(format!("nt:{}", bucket(n, &[1, 2, 4])));
    out.push(format!("nv:{}", bucket(nv, &[0, 1, 2, 4])));
    // What the two sentences before tell: a round-up goes on place by place.
    let mut pv = 0;
    for k in c.sent.saturating_sub(2)..c.sent {
        if let Some(&ps) = f.a.sentences.get(k) {
            pv += f
                .lex_in(Class::Trigger, ps)
                .filter(|t| {
                    crate::events::TrigKind::parse(t.value.split(',').next().unwrap_or(""))
                        .is_some_and(|k| k.violent() && !k.secondary())
                })
                .count();
        }
    }
    if c.sent > 0 {
        out.push(format!("pv:{}", bucket(pv, &[0, 2])));
    }
    // The sentence's first word: its link to what came before («وفي», «كما», «أما»).
    let s0 = cx.tok_from(ss.start);
    if s0 < c.tok() {
        out.push(format!("s0:{}", cx.tok(s0)));
    }
    let pos = if is_headline(cx, c.sent) {
        "head"
    } else if c.sent == 0 || (c.sent == 1 && is_headline(cx, 0)) {
        "lead"
    } else {
        "body"
    };
    out.push(format!("pos:{pos}"));
}

/// The places of the sentence: the kind of the nearest, and how far it is.
fn places(cx: &Ctx, c: &Cand, out: &mut Vec<String>) {
    let ss = cx.sentence(c.h.key);
    let near =
        cx.f.names_in(ss)
            .filter_map(|n| {
                cx.best_kind(n)
                    .map(|k| (cx.dist(n.key, c.h.key), k, n.key.start > c.h.key.start))
            })
            .min_by_key(|x| x.0);
    match near {
        None => out.push("sp:none".into()),
        Some((d, k, after)) => {
            out.push(format!("sp:{}", place_kind(k)));
            out.push(format!(
                "spd:{}{}",
                if after { ">" } else { "<" },
                bucket(d, &[2, 6, 12])
            ));
        }
    }
}

fn place_kind(k: PlaceKind) -> &'static str {
    k.as_str()
}

fn actor_kind(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "state",
        ActorKind::StateForce => "state_force",
        ActorKind::Agency => "agency",
        ActorKind::ArmedGroup => "armed_group",
        ActorKind::Organization => "organization",
        ActorKind::Media => "media",
        ActorKind::Person => "person",
    }
}
