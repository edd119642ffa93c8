//! Claims: who says what about which event.
//!
//! A claim is made by a cue (a reporting verb «قال», «أكد»; «وفق», «بحسب»; «نقلت عن»; «نفى»;
//! «ليس على علم»; «تبنت», «أعلنت مسؤوليتها»; «تنسبها إلى», «ألقت باللوم على») and a source
//! found next to it: a named actor, a person, or an anonymous or role source («مصدر أمني
//! عراقي», «مسؤول طلب عدم كشف هويته»). News agencies next to the cue («لوكالة فرانس برس»,
//! «عبر قنوات تلغرام», «حسب ما نقله موقع الحرة») become `via`. The stance comes from the
//! sentence: no confirmation → `unconfirmed`, a denial → `denies`, responsibility →
//! `claims_responsibility`, blame → `attributes`, otherwise `asserts`.
use rasd_model::{Span, Stance};

use crate::ctx::Ctx;
use crate::lexicon::Class;
use crate::recognize::{source_head_lemma, source_head_written, LexHit, Name, NameKind};
use crate::words::W;
use rasd_text::clitics;

/// A claim found in a sentence, before it is attached to events.
#[derive(Debug, Clone)]
pub struct RawClaim {
    /// The source as written (bare sources resolved to the source they refer to).
    pub source: String,
    /// Anonymous or role source.
    pub anonymous: bool,
    /// Agency or channel.
    pub via: Option<String>,
    /// Stance.
    pub stance: Stance,
    /// Dictionary actor of the source (or the body it speaks for).
    pub source_actor: Option<usize>,
    /// Sentence index.
    pub sent: usize,
    /// Key span of the claim's scope in the sentence (where the events it speaks of are told).
    pub scope: Span,
    /// Key span of the cue.
    pub cue: Span,
    /// The cue as written.
    pub cue_text: String,
    /// Key span of the source name.
    pub source_key: Span,
    /// Party blamed by an attribution («تنسبها إلى X», «شنه على الأرجح X»).
    pub blamed: Option<Span>,
}

fn speech(c: &LexHit) -> bool {
    matches!(
        c.value.as_str(),
        "say" | "relay" | "per" | "deny" | "responsibility" | "attribute"
    )
}

/// Find the claims of a document, in text order.
pub fn find(cx: &Ctx) -> Vec<RawClaim> {
    let mut out: Vec<RawClaim> = Vec::new();
    let mut last_media: Option<String> = None;
    for (si, ss) in cx.f.a.sentences.iter().enumerate() {
        let mut s = Sentence::new(cx, si, *ss, &mut last_media);
        if s.speech.is_empty() && s.headline.is_none() {
            continue;
        }
        let found = s.sources(&mut out);
        s.emit(found, &mut out);
    }
    out
}

/// One sentence's claim cues and what they share.
struct Sentence<'c, 'a> {
    cx: &'c Ctx<'a>,
    si: usize,
    ss: Span,
    /// Every cue of the sentence that is not inside a name.
    cues: Vec<&'c LexHit>,
    /// The cues that open a claim.
    speech: Vec<&'c LexHit>,
    /// The agency or channel the claims came through.
    via: Option<String>,
    /// The sentence's stance.
    stance: Stance,
    /// Who the sentence blames.
    blamed: Option<Span>,
    /// «البنتاغون: إصابة …»: the headline's source.
    headline: Option<&'c Name>,
}

/// A source found in a sentence: its key, its name, the scope of its claim, and the part of the
/// sentence whose cues set its stance.
type Found<'c> = (Span, &'c Name, Span, Span);

impl<'c, 'a> Sentence<'c, 'a> {
    fn new(cx: &'c Ctx<'a>, si: usize, ss: Span, last_media: &mut Option<String>) -> Self {
        let f = cx.f;
        let cues: Vec<&LexHit> = f
            .lex_in(Class::Cue, ss)
            .filter(|c| {
                !f.names_over(c.key)
                    .any(|n| n.key.contains(c.key) && !matches!(n.kind, NameKind::Source { .. }))
            })
            // Verbs take no article: «الكشف عن هويته» is no «كشف».
            .filter(|c| {
                !(c.value == "say" && rasd_text::clitics::has_article(prefix_of(cx, c.key)))
            })
            .collect();
        let via = via_of(cx, ss, &cues, last_media);
        let mut s = Sentence {
            cx,
            si,
            ss,
            cues,
            speech: Vec::new(),
            via,
            stance: Stance::Asserts,
            blamed: None,
            headline: headline_source(cx, ss),
        };
        s.stance = s.stance_in(ss);
        s.blamed = s.blamed_name();
        s.speech = s.speech_cues();
        s
    }

    /// Is the cue the verb of a relative clause («أكدت مصادر طبية حصيلة الهجومين اللذين
    /// تبناهما التنظيم»): told of the noun before it, not the speaker's own stance?
    fn relative(&self, c: &LexHit) -> bool {
        let i = self.cx.tok_at(c.key.start);
        (i.saturating_sub(2)..i).any(|j| W::Relative.has(self.cx.tok(j)))
    }

    fn negated(&self, c: &LexHit) -> bool {
        self.cx.lex_before(Class::Neg, c.key.start, 1).is_some()
    }

    /// The stance of the cues in a part of the sentence (each source speaks for its own
    /// clause: «قال الحوثيون إنهم استهدفوا سفينة، بينما قالت القيادة المركزية إنها لم تتلق أي
    /// تقارير»).
    fn stance_in(&self, part: Span) -> Stance {
        let here: Vec<&LexHit> = self
            .cues
            .iter()
            .copied()
            .filter(|c| part.contains(c.key))
            .collect();
        if here.iter().any(|c| c.value == "unconfirmed") {
            Stance::Unconfirmed
        } else if here.iter().any(|c| c.value == "deny" && !self.negated(c)) {
            Stance::Denies
        } else if here
            .iter()
            .any(|c| c.value == "responsibility" && !self.negated(c) && !self.relative(c))
        {
            Stance::ClaimsResponsibility
        } else if here.iter().any(|c| c.value == "attribute") {
            Stance::Attributes
        } else {
            Stance::Asserts
        }
    }

    /// The agent named right after an attribution cue.
    fn blamed_name(&self) -> Option<Span> {
        let cx = self.cx;
        if self.stance != Stance::Attributes {
            return None;
        }
        self.cues
            .iter()
            .filter(|c| c.value == "attribute")
            .find_map(|c| {
                cx.f.names_in(self.ss).find(|n| {
                    n.key.start >= c.key.end && cx.dist(c.key, n.key) <= 4 && cx.is_agent(n)
                })
            })
            .map(|n| n.key)
    }

    /// The cues that open a claim. «وفق ما ذكرت قناة المسيرة», «حسبما أفادت الوكالة»: the verb
    /// after «وفق ما» belongs to that cue; it opens no clause of its own. Likewise «نفى الجيش
    /// مسؤوليته عن القصف»: the responsibility is what is denied.
    fn speech_cues(&self) -> Vec<&'c LexHit> {
        let cx = self.cx;
        let after_per = |c: &LexHit| {
            let follows = |value: &str, gap: usize| {
                self.cues.iter().any(|p| {
                    p.value == value
                        && p.key.end <= c.key.start
                        && cx.tok_from(c.key.start) - cx.tok_from(p.key.end) <= gap
                })
            };
            (c.value == "say" && follows("per", 1))
                || (c.value == "responsibility" && follows("deny", 4))
        };
        self.cues
            .iter()
            .copied()
            .filter(|c| speech(c) && !self.negated(c) && !after_per(c))
            .collect()
    }

    /// Where each cue's scope starts: a cue speaks for the text from its start to the next cue;
    /// one that follows another closely, with no event word between them («وفق ما نقلت وكالة
    /// رويترز عن مصدر أمني»), shares the first one's scope.
    fn scope_starts(&self) -> Vec<usize> {
        let cx = self.cx;
        let mut starts: Vec<usize> = Vec::with_capacity(self.speech.len());
        for (ci, c) in self.speech.iter().enumerate() {
            let start = match ci
                .checked_sub(1)
                .and_then(|p| self.speech.get(p).map(|x| (p, x)))
            {
                None => self.ss.start,
                Some((p, prev)) => {
                    let between = Span::new(prev.key.end, c.key.start.max(prev.key.end));
                    let close = cx.tok_from(c.key.start) - cx.tok_from(prev.key.end) <= 5;
                    if close && cx.f.lex_in(Class::Trigger, between).next().is_none() {
                        starts[p]
                    } else {
                        c.key.start
                    }
                }
            };
            starts.push(start);
        }
        starts
    }

    /// The scope of cue `ci`.
    fn scope(&self, ci: usize, start: usize) -> Span {
        let (cx, ss) = (self.cx, self.ss);
        let Some(c) = self.speech.get(ci) else {
            return ss;
        };
        let end = self
            .speech
            .get(ci + 1)
            .map(|n| n.key.start)
            .unwrap_or(ss.end);
        let scope = if self.speech.len() == 1 {
            ss
        } else {
            Span::new(start, end)
        };
        // «… بعد يوم من هجوم بطائرة مسيرة تبنته الجماعة على تل أبيب»: a claim with the deed as
        // its object pronoun speaks only of the event word just before it.
        if c.value == "responsibility" && object_pronoun(cx, c) {
            cx.f.lex_in(Class::Trigger, Span::new(ss.start, c.key.start))
                .last()
                .filter(|t| cx.dist(t.key, c.key) <= 5)
                .map_or(scope, |t| Span::new(t.key.start, c.key.end))
        } else {
            scope
        }
    }

    /// The sources of the sentence's cues. The part of the sentence whose cues set each found
    /// source's stance is its own scope and the scopes of later cues that name no new source
    /// («وقال المسؤول إن الهجوم شنه على الأرجح مسلحون»: the attribution is his). A second
    /// anonymous source («عن مصدر أمني عراقي وآخر عسكري») is pushed to `out` at once.
    fn sources(&mut self, out: &mut Vec<RawClaim>) -> Vec<Found<'c>> {
        let cx = self.cx;
        let mut found: Vec<Found> = Vec::new();
        if let Some(n) = self.headline {
            found.push((n.key, n, self.ss, self.ss));
        }
        let starts = self.scope_starts();
        for (ci, c) in self.speech.clone().into_iter().enumerate() {
            let scope = self.scope(ci, starts[ci]);
            let Some(src) = source_for(cx, c, self.ss) else {
                if let Some(last) = found.last_mut() {
                    last.3 = last.3.cover(scope);
                }
                continue;
            };
            // «إن المزيد من الهجمات قد تتبع…»: a forecast asserts no event.
            if hypothetical(cx, scope) {
                continue;
            }
            // «وفق وسائل إعلام أمريكية» next to another source: it is the channel.
            if c.value == "per"
                && (cx.is_media(src) || is_media_source(cx, src))
                && self.speech.len() > 1
            {
                self.via = Some(cx.written(src.key));
                continue;
            }
            if let Some(x) = found.iter_mut().find(|x| x.0 == src.key) {
                x.3 = x.3.cover(scope);
                continue;
            }
            found.push((src.key, src, scope, scope));
            if let Some((key, text)) = another(cx, src) {
                out.push(RawClaim {
                    source: text,
                    anonymous: true,
                    via: self.via.clone(),
                    stance: self.stance,
                    source_actor: None,
                    sent: self.si,
                    scope,
                    cue: c.key,
                    cue_text: cx.written(c.key),
                    source_key: key,
                    blamed: self.blamed,
                });
            }
        }
        found
    }

    /// The claims of the found sources; a bare source («المصدر», «المسؤول») is the last source
    /// of that kind, or no claim.
    fn emit(&self, found: Vec<Found<'c>>, out: &mut Vec<RawClaim>) {
        let cx = self.cx;
        for (key, n, scope, stance_span) in found {
            let (mut source, mut anonymous, mut actor) = describe(cx, n);
            if let NameKind::Source {
                bare: true, head, ..
            } = &n.kind
            {
                match out
                    .iter()
                    .rev()
                    .take_while(|p| p.sent + 12 >= self.si)
                    .find(|p| source_head_lemma(&head_of(cx, p)) == *head)
                {
                    Some(prev) => {
                        source = prev.source.clone();
                        anonymous = prev.anonymous;
                        actor = prev.source_actor.or(actor);
                    }
                    None => continue,
                }
            }
            let cue = self.speech.iter().find(|c| scope.contains(c.key)).copied();
            // «حصيلة الهجومين اللذين تبناهما التنظيم»: whoever a responsibility verb is told
            // of claims the deed, in a relative clause too.
            let claims_deed = self.speech.iter().any(|c| {
                c.value == "responsibility"
                    && !self.negated(c)
                    && c.key.end <= key.start
                    && cx.dist(c.key, key) <= 1
            });
            out.push(RawClaim {
                source,
                anonymous,
                via: self.via.clone().filter(|v| *v != cx.written(key)),
                stance: if claims_deed {
                    Stance::ClaimsResponsibility
                } else {
                    self.stance_in(stance_span)
                },
                source_actor: actor,
                sent: self.si,
                scope,
                cue: cue.map(|c| c.key).unwrap_or(key),
                cue_text: cue.map(|c| cx.written(c.key)).unwrap_or_else(|| ":".into()),
                source_key: key,
                blamed: self.blamed,
            });
        }
    }
}

/// The agency or channel of a sentence's claims: a medium named where a channel stands, the
/// subject of «نقلت وكالة رويترز عن», or the last medium named when the sentence refers to «الوكالة».
fn via_of(cx: &Ctx, ss: Span, cues: &[&LexHit], last_media: &mut Option<String>) -> Option<String> {
    let media: Vec<&Name> = cx.f.names_in(ss).filter(|n| cx.is_media(n)).collect();
    let mut via = media
        .iter()
        .find(|n| via_position(cx, n))
        .map(|n| cx.written(n.key));
    if via.is_none() {
        for c in cues.iter().filter(|c| c.value == "relay") {
            if let Some(m) = media.iter().find(|m| cx.dist(c.key, m.key) <= 3) {
                via = Some(cx.written(m.key));
            }
        }
    }
    if via.is_none() && sentence_mentions_agency(cx, ss) {
        via = last_media.clone();
    }
    if let Some(m) = media.last() {
        *last_media = Some(cx.written(m.key));
    }
    via
}

/// Does a cue carry its object as a pronoun («تبنته», «تبنتها», «تبناه»)?
fn object_pronoun(cx: &Ctx, c: &LexHit) -> bool {
    let w = cx.tok(cx.tok_at(c.key.start));
    let w = w.trim_start_matches(clitics::CONJUNCTIONS);
    W::ObjectPronoun.ends(w) && W::Adopt.starts(w)
}

/// The proclitics before a key offset inside its token.
fn prefix_of<'a>(cx: &Ctx<'a>, k: Span) -> &'a str {
    let i = cx.tok_at(k.start);
    cx.f.a
        .tokens
        .get(i)
        .and_then(|t| cx.f.a.key.text.get(t.key.start..k.start))
        .unwrap_or("")
}

fn head_of(cx: &Ctx, c: &RawClaim) -> String {
    let k = rasd_text::match_key_str(&c.source);
    let _ = cx;
    k.split(' ').next().unwrap_or("").to_string()
}

/// Is a media name in a `via` position («لوكالة فرانس برس», «عبر تلغرام», «نقله موقع الحرة»)?
fn via_position(cx: &Ctx, n: &Name) -> bool {
    let i = cx.tok_at(n.key.start);
    let tok = cx.tok(i);
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    let prev2 = if i > 1 { cx.tok(i - 2) } else { "" };
    (tok.starts_with(clitics::LAM) && !cx.key(n.key).starts_with(clitics::LAM))
        || W::ViaBefore.has(prev)
        || W::Through.has(prev2)
        || W::Lam.has(prev)
        || cx.gap_before(n.key.start).contains(clitics::LAM)
}

/// Does a claim's scope speak of what may happen («قد تتبع», «إذا», «سوف»)?
fn hypothetical(cx: &Ctx, scope: Span) -> bool {
    cx.f.lex_in(Class::Hypo, scope).any(|h| {
        if h.value != "weak" {
            return !W::HypoThat.has(cx.key(h.key));
        }
        // «قد» before a present verb is a possibility; before a past verb it stresses a fact.
        let next = cx.tok(cx.tok_from(h.key.end));
        W::May.has(cx.key(h.key)) && W::PresentPrefix.starts(next) && next.chars().count() > 3
    })
}

/// A name written with the preposition «ل» («لفرانس برس», «للحرس الثوري»).
fn has_lam(cx: &Ctx, n: &Name) -> bool {
    let own = prefix_of(cx, n.key);
    let i = cx.tok_at(n.key.start);
    own.ends_with(clitics::LAM)
        || clitics::starts_with_lil(cx.key(n.key))
        || (i > 0 && W::Lam.has(cx.tok(i - 1)))
}

/// «الوكالة ذاتها», «الوكالة» used as the subject of a relay.
fn sentence_mentions_agency(cx: &Ctx, ss: Span) -> bool {
    (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|i| W::TheAgency.has(cx.tok(i)))
}

fn is_media_source(cx: &Ctx, n: &Name) -> bool {
    matches!(&n.kind, NameKind::Source { head, .. } if W::MediaHead.starts(head))
        || W::MediaHead.starts(cx.key(n.key))
}

/// The name that says something through a cue.
fn source_for<'a>(cx: &Ctx<'a>, c: &LexHit, ss: Span) -> Option<&'a Name> {
    let f = cx.f;
    let speaker = |n: &&Name| {
        matches!(
            n.kind,
            NameKind::Source { .. } | NameKind::Person | NameKind::NewOrg(_)
        ) || (cx.is_agent(n) && !matches!(n.kind, NameKind::Descriptor { .. }))
            || cx.is_media(n)
    };
    let in_sent: Vec<&Name> = f.names_in(ss).filter(speaker).collect();
    // Relays: the source follows «عن».
    if c.value == "relay" {
        let an = (cx.tok_from(c.key.end)..cx.tok_from(ss.end))
            .find(|&i| W::About.has(cx.tok(i)))
            .map(|i| cx.f.a.tokens[i].key.end);
        if let Some(from) = an {
            return in_sent
                .iter()
                .copied()
                .find(|n| n.key.start >= from && !via_position(cx, n));
        }
    }
    // After the cue (verb-subject order), skipping agencies in a `via` position and addressees
    // («قالت لـ…», «قالت إنها تعود للحرس الثوري»).
    // «استنكر مدير جامعة الملك خالد أ.د. فلان»: an office told before the name puts it further.
    let office = W::Office.has(cx.stem(cx.tok_from(c.key.end)));
    let after = in_sent.iter().copied().find(|n| {
        n.key.start >= c.key.end
            && (cx.dist(c.key, n.key) <= 4
                || office && matches!(n.kind, NameKind::Person) && cx.dist(c.key, n.key) <= 9)
            && !(cx.is_media(n) && via_position(cx, n))
            && !(c.value == "say" && has_lam(cx, n))
    });
    // «قال قائد المنطقة العسكرية الرابعة اللواء فلان»: the commander speaks, not his command.
    let after = after.map(|n| commander(cx, n, &in_sent).unwrap_or(n));
    // Before the cue (subject-verb order), in the same clause.
    let before = in_sent
        .iter()
        .copied()
        .rfind(|n| n.key.end <= c.key.start && cx.dist(n.key, c.key) <= 5);
    match c.value.as_str() {
        "per" | "deny" => after.or(before),
        "attribute" | "unconfirmed" => before.or(after),
        // «وقد أعلنت مسؤوليتها»: the group the sentence is about.
        "responsibility" => after.or_else(|| {
            in_sent
                .iter()
                .copied()
                .filter(|n| n.key.end <= c.key.start && !cx.is_media(n))
                .rfind(|n| match cx.actor_of(n) {
                    Some((_, a)) => a.kind == crate::kb::ActorKind::ArmedGroup,
                    None => matches!(n.kind, NameKind::NewOrg(_) | NameKind::Descriptor { .. }),
                })
        }),
        _ => after
            .filter(|n| {
                !cx.is_media(n)
                    || !in_sent.iter().any(|m| {
                        matches!(m.kind, NameKind::Source { .. }) && m.key.start > n.key.end
                    })
            })
            .or(before),
    }
}

/// The person named right after a command that a leader word opens («قائد X اللواء فلان»).
fn commander<'a>(cx: &Ctx<'a>, n: &'a Name, in_sent: &[&'a Name]) -> Option<&'a Name> {
    let led =
        cx.f.lex(Class::Relation).iter().any(|h| {
            h.value == "leader_of" && h.key.end <= n.key.start && cx.dist(h.key, n.key) == 0
        });
    if !led {
        return None;
    }
    in_sent.iter().copied().find(|p| {
        let person = matches!(p.kind, NameKind::Person)
            || cx
                .actor_of(p)
                .is_some_and(|(_, a)| a.kind == crate::kb::ActorKind::Person);
        person && p.key.start >= n.key.end && cx.dist(n.key, p.key) <= 1
    })
}

/// «الهيئة: …» at the start of a line.
fn headline_source<'a>(cx: &Ctx<'a>, ss: Span) -> Option<&'a Name> {
    let n = cx.f.names_in(ss).find(|n| n.key.start == ss.start)?;
    let gap = cx.f.a.key.text.get(n.key.end..)?.trim_start();
    (gap.starts_with(':') && (cx.is_agent(n) || matches!(n.kind, NameKind::NewOrg(_)))).then_some(n)
}

/// «وآخر عسكري» after a source: another source of the same head.
fn another(cx: &Ctx, n: &Name) -> Option<(Span, String)> {
    let NameKind::Source { head, .. } = &n.kind else {
        return None;
    };
    let i = cx.tok_from(n.key.end);
    if !W::AndAnother.has(cx.tok(i)) {
        return None;
    }
    let adj = cx.f.a.tokens.get(i + 1)?;
    let adj_text = cx.written(adj.key);
    let head_text = source_head_written(head);
    Some((
        Span::new(cx.f.a.tokens[i].key.start, adj.key.end),
        format!("{head_text} {adj_text}"),
    ))
}

/// Source text, anonymity and dictionary actor of a source name.
fn describe(cx: &Ctx, n: &Name) -> (String, bool, Option<usize>) {
    let text = crate::events::written_name(cx, n);
    match &n.kind {
        // A spokesman named: the person is the source.
        NameKind::Source {
            person: Some((p, key)),
            speaks_for,
            ..
        } => (cx.written(*key), false, speaks_for.or(*p)),
        NameKind::Source {
            anonymous,
            speaks_for,
            ..
        } => (text, *anonymous, *speaks_for),
        // «وأضاف المرصد»: the organisation referred back to, by its name.
        NameKind::Known { actors, .. } if !actors.is_empty() && W::BackHead.has(cx.key(n.key)) => {
            let a = actors[0];
            (cx.kb.actors[a].name_ar.clone(), false, Some(a))
        }
        NameKind::Known { actors, .. } => (text, false, actors.first().copied()),
        NameKind::Descriptor { .. } => (text, true, None),
        // «وقال الداود»: the person named in full before.
        NameKind::Person if !cx.key(n.key).contains(' ') => {
            let last = cx.key(n.key);
            let full = cx.f.names.iter().find(|m| {
                matches!(m.kind, NameKind::Person)
                    && m.key.end <= n.key.start
                    && cx.key(m.key).ends_with(&format!(" {last}"))
            });
            (
                full.map_or(text, |m| crate::events::written_name(cx, m)),
                false,
                None,
            )
        }
        _ => (text, false, None),
    }
}

/// A normalised identity for de-duplicating claims of one event.
pub fn identity(cx: &Ctx, c: &RawClaim) -> String {
    if let Some(a) = c.source_actor {
        return format!("id:{}", cx.kb.actors[a].id);
    }
    let k = rasd_text::match_key_str(&c.source);
    k.split(' ')
        .map(|w| {
            let w = source_head_lemma(clitics::strip_article(w));
            let w = W::SourceSuffix
                .strip_suffix(&w, |s| s.chars().count() >= 3)
                .unwrap_or(&w);
            w.trim_end_matches(clitics::YA).to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
