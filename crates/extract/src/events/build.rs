//! A mention built around its trigger: weapons, outcomes, place, date, parties, casualties.

use rasd_model::{Outcome, Span, Weapon};

use super::casualties::{casualties_of, count_for, Primaries};
use super::date::{of_event_related, of_victims, same_part, statement_date};
use super::parties::parties;
use super::place::{place_for, the_town, topic_place};
use super::{Mention, TrigKind};
use crate::ctx::Ctx;
use crate::geo::GeoContext;
use crate::lexicon::Class;
use crate::recognize::LexHit;
use crate::words::W;

/// Build a mention: look for its arguments around the trigger in its sentence.
pub(super) fn build(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    kind: TrigKind,
    sent: usize,
    anaphoric: bool,
    live: &Primaries,
) -> Mention {
    let ss = cx.sentence(h.key);
    let mut m = Mention {
        trig: h.key,
        trig_text: cx.written(h.key),
        sent,
        kind,
        anaphoric,
        weak: false,
        attach_only: false,
        support: false,
        why: None,
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
        score: 1.0,
        types: [0.0; crate::detect::NT],
        specific: 1.0,
    };
    weapons(cx, h, kind, ss, &mut m);
    outcomes(cx, ss, &mut m);
    // Place: in the trigger's clause (a sentence may report two sources on two strikes).
    m.place = place_for(cx, geo, h, clause(cx, h.key, ss), anaphoric).or_else(|| {
        // «خرجت تظاهرة في البصرة، وأفاد ناشطون بأن قوات الأمن اعتقلت…»: the sentence's place.
        if anaphoric {
            None
        } else {
            place_for(cx, geo, h, ss, anaphoric)
        }
    });
    if m.place.is_none() && sent != usize::MAX && !crate::events::is_headline(cx, sent) {
        m.place = the_town(cx, geo, h, ss, sent).or_else(|| topic_place(cx, geo, h, sent));
    } else if m
        .place
        .as_ref()
        .is_some_and(|p| p.2 == crate::kb::PlaceKind::Country)
        && sent != usize::MAX
        && !crate::events::is_headline(cx, sent)
    {
        // «… في اليمن باقتحام القاعدة»: the base named before is more precise than the country.
        if let Some(t) = the_town(cx, geo, h, ss, sent) {
            m.place = Some(t);
        }
    }
    m.date = date(cx, h, ss, sent);
    // Actor and target.
    parties(cx, h, kind, ss, &mut m);
    // Casualties.
    let wide = m
        .place
        .as_ref()
        .is_none_or(|p| p.1.precision == Some(rasd_model::GeoPrecision::Country));
    let (k, i) = casualties_of(cx, ss, h, kind, live, wide);
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

/// Weapons near the trigger, and how many; not those being destroyed («تدمير صواريخ», «ضد صواريخ»).
fn weapons(cx: &Ctx, h: &LexHit, kind: TrigKind, ss: Span, m: &mut Mention) {
    let f = cx.f;
    // Clause window: from the trigger back to the previous trigger of another place, forward 12 tokens.
    let win = 10;
    for w in f.lex_in(Class::Weapon, cx.near(h.key, win)) {
        if cx.dist(w.key, h.key) > win {
            continue;
        }
        // A weapon belongs to the nearest trigger of its sentence («تعرضت قاعدة العمر لهجوم
        // بخمسة صواريخ، بينما استهدفت قاعدة كونوكو بطائرة مسيرة»); on a tie, to the one before it.
        let mine = (cx.dist(w.key, h.key), h.key.start > w.key.start);
        if f.lex_in(Class::Trigger, cx.near(w.key, win)).any(|o| {
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
            W::Destroy.has(
                cx.tok(j)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
            )
        });
        // «وتفكيك 3 منازل مفخخة، و42 عبوة ناسفة», «ضبط أحزمة ناسفة»: weapons defused or
        // seized, a few words before, were not used.
        let defused = (i.saturating_sub(6)..i).any(|j| {
            W::Defuse.starts(
                cx.tok(j)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
            )
        });
        if destroyed || defused || W::NotUsedAfter.has(prev) {
            continue;
        }
        // «مسيرة احتجاجية»: a march, not a drone.
        if w.value == "drone" && (kind == TrigKind::Protest || is_march(cx, w.key)) {
            continue;
        }
        // «قناة المسيرة»: part of a name; «وقف إطلاق النار»: a ceasefire, not a shooting.
        if f.names_over(w.key).any(|n| n.key.contains(w.key)) || W::StopBefore.has(prev) {
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
}

/// Outcomes in the sentence; not «سقوط قتلى وجرحى» (casualties fell, nothing crashed).
fn outcomes(cx: &Ctx, ss: Span, m: &mut Mention) {
    let f = cx.f;
    for o in f.lex_in(Class::Outcome, ss).filter(|o| {
        !(o.value == "crashed"
            && f.lex_in(Class::Casualty, cx.near(o.key, 1))
                .any(|c| cx.tok_at(c.key.start) == cx.tok_from(o.key.end)))
    }) {
        if let Some(x) = parse_outcome(&o.value) {
            if !m.outcome.contains(&x) {
                m.outcome.push(x);
            }
        }
    }
}

/// Is a date a period over before publication («الأسبوع الماضي»), which dates an event to
/// its middle day, as a coder does?
pub(super) fn past_range(cx: &Ctx, d: &rasd_text::dates::DateMention) -> bool {
    d.value.is_empty()
        && !d.since
        && d.range
            .zip(cx.published)
            .is_some_and(|((_, last), p)| last.to_days() < p.to_days())
}

/// The date of a trigger: the nearest date in its sentence that is not a publication stamp or the
/// start or end of a period, preferring the part of the sentence the trigger is in; else a date
/// told alone in the sentence before.
fn date(cx: &Ctx, h: &LexHit, ss: Span, sent: usize) -> Option<usize> {
    let f = cx.f;
    // Date: the nearest date in the sentence that is not a publication stamp or a range start.
    let mut date = f
        .dates_in(ss)
        .filter(|(_, d)| !d.value.is_empty() || past_range(cx, d))
        .filter(|(_, d)| cx.lex_before(Class::Metadate, d.key.start, 2).is_none())
        .filter(|(_, d)| {
            // «منذ الأربعاء» starts a period; «حتى صباح الأحد» ends one.
            let prev = cx.tok(cx.tok_at(d.key.start).wrapping_sub(1));
            // «منذ بدء الضربات في يناير»: the start of a period too.
            let since = (2..=4).any(|k| {
                cx.tok_at(d.key.start)
                    .checked_sub(k)
                    .is_some_and(|j| W::Since.has(cx.tok(j)))
            });
            // «هذا التفجير … منذ هجومه في حزيران»: a date past «منذ» after the trigger is
            // the start of another period.
            let past_since = d.key.start >= h.key.end
                && cx.any_word(W::Since, cx.tok_from(h.key.end), cx.tok_at(d.key.start));
            // «وقال الحاكم إن "مروحيتين هاجمتا صباح اليوم الحاجز"»: a relative day in direct
            // speech counts from the day the words were said, which the article does not give.
            // A day of the week («الخميس الماضي») is the same day whether counted from the
            // words or from the paper, when they came out within the week.
            let quoted = d.relative
                && in_quote(cx, d.key, ss)
                && !cx.key(d.key).split_whitespace().any(|w| W::Weekday.has(w));
            // «ويهدف الهجوم إلى اقتحام مدينة الضالع، عاصمة المحافظة، التي أرغمتهم المقاومة،
            // في مايو الماضي، على مغادرتها»: a date in a relative clause of a noun told after
            // the word is that clause's.
            let of_clause = d.key.start >= h.key.end && {
                let (i, j) = (cx.tok_from(h.key.end), cx.tok_at(d.key.start));
                (i + 4..j).any(|t| W::Relative.has(cx.tok(t)))
            };
            // «توفي اليوم والد الرضيع الذي قتل حرقا»: a date before the relative pronoun that
            // opens the word's clause is the main clause's.
            let before_clause = d.key.end <= h.key.start && {
                let (i, j) = (cx.tok_from(d.key.end), cx.tok_at(h.key.start));
                (i.max(j.saturating_sub(3))..j).any(|t| W::Relative.has(cx.tok(t)))
            };
            !since
                && !of_clause
                && !before_clause
                && !quoted
                && !past_since
                && !of_event_related(cx, h.key, d.key)
                && !(d.relative && d.value.len() == 10 && of_victims(cx, d.key, h.key))
                // «خلال أداء المصلين لصلاة الجمعة»: a prayer's name, said of any Friday; the
                // one day an article names may still be it.
                && !W::Prayer.has(prev.trim_start_matches(['و', 'ف', 'ل', 'ب']))
                // «في شارع 26 سبتمبر»: a street's name.
                && !W::NamedAfterDay.has(prev.trim_start_matches(['و', 'ف', 'ل', 'ب']))
                // «خلال زيارته أمس»: the day of a visit.
                && !(d.relative && W::Visit.starts(prev.trim_start_matches(['و', 'ف', 'ل', 'ب'])))
                && !W::Since.has(prev)
                && !W::Until.has(prev)
                && !W::Since.starts(cx.key(d.key))
                && !W::UntilHead.starts(cx.key(d.key))
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
    if date.is_none() && sent > 0 && sent != usize::MAX {
        if let Some(prev) = f.a.sentences.get(sent - 1) {
            // Only a short fragment that says nothing else: no event word, no speaker.
            let short = cx.tok_from(prev.end) - cx.tok_from(prev.start) <= 12;
            if short
                && f.lex_in(Class::Trigger, *prev).next().is_none()
                && f.lex_in(Class::Cue, *prev).next().is_none()
            {
                date = f.dates.iter().position(|d| {
                    prev.contains(d.key)
                        && !d.value.is_empty()
                        && d.range.is_none()
                        && !d.since
                        && !W::Since.starts(cx.key(d.key))
                });
            }
        }
    }
    date
}

/// Is a key span inside a direct quotation of its sentence (after an opening «, “ or " that
/// is not closed before it)?
fn in_quote(cx: &Ctx, k: Span, ss: Span) -> bool {
    if cx.f.a.key.text.get(ss.start..k.start).is_none() {
        return false;
    }
    let [open, close, curly_open, curly_close, straight] = cx.quote_marks(ss.start, k.start);
    open > close || curly_open > curly_close || straight % 2 == 1
}

/// Is «مسيرة» a march here («مسيرة احتجاجية», «مسيرات شعبية حاشدة»)?
pub(super) fn is_march(cx: &Ctx, k: Span) -> bool {
    let word = cx.stem(cx.tok_at(k.start));
    let next = cx.tok(cx.tok_from(k.end));
    W::MarchHead.has(word) && (W::MarchNext.has(next) || W::MarchNextPrefix.has(next))
}

/// The part of a sentence between the speech cues around a key span.
pub fn clause(cx: &Ctx, k: Span, ss: Span) -> Span {
    let mut start = ss.start;
    let mut end = ss.end;
    // A cue followed by «إنها», «أنه» reports the subject already named: it opens no clause.
    let opens = |c: &&crate::recognize::LexHit| {
        let next = cx.tok(cx.tok_from(c.key.end));
        !W::ClauseOpener.has(next)
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

pub(super) fn parse_weapon(s: &str) -> Option<Weapon> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

pub(super) fn parse_outcome(s: &str) -> Option<Outcome> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}
