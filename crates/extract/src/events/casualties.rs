//! Killed and injured figures, and counts of weapons.

use rasd_model::Span;
use rasd_text::numbers::Approx;

use super::{live_primary, TrigKind};
use crate::ctx::Ctx;
use crate::lexicon::Class;
use crate::recognize::LexHit;
use crate::words::W;

/// The number of weapons a weapon word counts.
pub(super) fn count_for(cx: &Ctx, w: &LexHit) -> Option<u64> {
    let f = cx.f;
    for q in f.numbers_in(cx.near(w.key, 0)) {
        if !is_count(q) {
            continue;
        }
        // Dual carried by the weapon noun itself, or a number right before it.
        if q.noun.is_some_and(|n| n.overlaps(w.key)) || q.key.overlaps(w.key) {
            return Some(q.value);
        }
        if q.key.end <= w.key.start && cx.dist(q.key, w.key) == 0 && q.approx != Approx::Vague {
            return Some(q.value);
        }
    }
    // «طائرة مسيرة واحدة»
    let next = cx.tok_from(w.key.end);
    if W::One.has(cx.tok(next)) {
        return Some(1);
    }
    None
}

pub(super) fn is_count(q: &rasd_text::numbers::Quantity) -> bool {
    q.approx != Approx::Vague && q.value > 0 && q.value < 10_000 && is_count_kind(q)
}

/// True for numbers that count things (not years, times, percentages).
pub fn is_count_kind(q: &rasd_text::numbers::Quantity) -> bool {
    q.kind == rasd_text::numbers::NumberKind::Count
}

/// Killed and injured figures stated in a sentence.
pub fn casualties(cx: &Ctx, ss: Span) -> (Option<u64>, Option<u64>) {
    casualties_where(cx, ss, |_| true)
}

/// The casualties of one trigger: those of its sentence that belong to it. Each casualty word
/// belongs to the nearest event trigger before it («غارة على دورس أدت إلى سقوط 4 شهداء،
/// بينما أسفرت غارة على سحمر عن مقتل ثلاثة»), or failing one, the first after it («قُتل سبعة
/// في غارات على بعلبك»). Interceptions, falls and killings own only the casualties of a
/// sentence without an event trigger.
pub(super) fn casualties_of(
    cx: &Ctx,
    ss: Span,
    h: &LexHit,
    kind: TrigKind,
    live: &Primaries,
    wide: bool,
) -> (Option<u64>, Option<u64>) {
    if cx.f.lex_in(Class::Casualty, ss).next().is_none() {
        return (None, None);
    }
    // «قتل 30 شخصا في سلسلة تفجيرات استهدفت مناطق مختلفة في العراق»: the figures of a
    // series told of a whole country (or of no place) are its total, not those of one of its
    // attacks («سلسلة غارات على محافظة لحج» is one event of one place, as ACLED codes it).
    let series: Vec<Span> =
        cx.f.lex_in(Class::Trigger, ss)
            .filter(|t| {
                let at = cx.tok_at(t.key.start);
                (1..=2).any(|b| {
                    at.checked_sub(b)
                        .is_some_and(|j| W::Series.has(cx.tok(j)) || W::Series.has(cx.stem(j)))
                })
            })
            .map(|t| t.key)
            .filter(|_| wide)
            .collect();
    if series.contains(&h.key) {
        return (None, None);
    }
    let of_series = |c: Span| {
        series
            .iter()
            .any(|s| c.end <= s.start && cx.dist(c, *s) <= 6)
    };
    let primaries: Vec<Span> = live.within(cx, ss);
    // The last that ends before the casualty word, else the first that starts after it (both
    // found by their starts, which are in order).
    // «قصف الطيران صعدة، أما في تعز فقد قتل 11 شخصا في مواجهات»: a word in another part of
    // the sentence than the casualty word («أما», «بينما», «فيما») is not its owner when one in
    // its part is.
    let owner = |c: Span| {
        let before = primaries.partition_point(|p| p.start < c.start);
        let after = primaries.partition_point(|p| p.start < c.end);
        let part = |p: &&Span| super::date::same_part(cx, **p, c, ss);
        primaries[..before]
            .iter()
            .rfind(|p| p.end <= c.start && part(p))
            .or_else(|| primaries.get(after..).and_then(|a| a.iter().find(part)))
            .or_else(|| primaries[..before].iter().rfind(|p| p.end <= c.start))
            .or_else(|| primaries.get(after))
            .copied()
    };
    casualties_where(cx, ss, |c| {
        !of_series(c)
            && match owner(c) {
                Some(o) => !kind.secondary() && o == h.key,
                None => true,
            }
    })
}

/// Which trigger words of a document are live event words of their own ([`live_primary`]):
/// each asked once, when a sentence with casualty words needs it.
pub(super) struct Primaries(Vec<std::cell::Cell<Option<bool>>>);

impl Primaries {
    /// Nothing asked yet.
    pub(super) fn new(cx: &Ctx) -> Primaries {
        Primaries(vec![
            std::cell::Cell::new(None);
            cx.f.lex(Class::Trigger).len()
        ])
    }

    /// The live primary trigger words inside a span, in order.
    pub(super) fn within(&self, cx: &Ctx, ss: Span) -> Vec<Span> {
        let triggers = cx.f.lex(Class::Trigger);
        let lo = triggers.partition_point(|t| t.key.start < ss.start);
        let hi = triggers.partition_point(|t| t.key.start < ss.end).max(lo);
        cx.f.work.add(hi - lo);
        (lo..hi)
            .filter_map(|i| {
                let t = triggers.get(i)?;
                if !ss.contains(t.key) {
                    return None;
                }
                let cell = self.0.get(i)?;
                let live = cell.get().unwrap_or_else(|| {
                    let v = live_primary(cx, t);
                    cell.set(Some(v));
                    v
                });
                live.then_some(t.key)
            })
            .collect()
    }
}

pub(super) fn casualties_where(
    cx: &Ctx,
    ss: Span,
    mine: impl Fn(Span) -> bool,
) -> (Option<u64>, Option<u64>) {
    let f = cx.f;
    let mut killed = None;
    let mut injured = None;
    // «قتل وإصابة أكثر من عشرة», «بين قتيل وجريح»: one figure for both, neither is known.
    // «ثلاثة جنود قتلوا وأصيب خمسة»: the first word's figure comes before it; each has its own.
    let combined = |c: &LexHit| {
        f.lex_in(Class::Casualty, cx.near(c.key, 1)).any(|o| {
            let first = if o.key.start < c.key.start { o } else { c };
            o.key != c.key
                && o.value.split(',').next() != c.value.split(',').next()
                && cx.tok_at(o.key.start).abs_diff(cx.tok_at(c.key.start)) == 1
                && cx
                    .tok(cx.tok_at(o.key.start.max(c.key.start)))
                    .starts_with(rasd_text::clitics::WAW)
                && subject_first(cx, first.key, 2).is_none()
        })
    };
    for c in f
        .lex_in(Class::Casualty, ss)
        .filter(|c| mine(c.key) && !combined(c))
    {
        let (what, side) = c
            .value
            .split_once(',')
            .unwrap_or((c.value.as_str(), "after"));
        let q = if side == "before" {
            f.numbers_in(cx.near(c.key, 0))
                .filter(|q| q.key.end <= c.key.start && cx.dist(q.key, c.key) == 0)
                .last()
        } else {
            // «مقتل ثلاثة», «أصيب 5 جنود», or «خمسة جنود أصيبوا».
            let after = || {
                f.numbers_in(cx.near(c.key, 1))
                    .find(|q| q.key.start >= c.key.end && cx.dist(c.key, q.key) <= 1)
            };
            // A verb in the plural or the dual agrees with the subject told before it («أن
            // ثلاثة جنود قتلوا وأصيب خمسة», «شخصين قتلا»): that figure is its own, whatever
            // number follows.
            if cx.tok(cx.tok_at(c.key.start)).ends_with('ا') {
                subject_first(cx, c.key, 4).or_else(after)
            } else {
                after().or_else(|| subject_first(cx, c.key, 1))
            }
        };
        // «راح ضحيته 23 من رجال الأمن بين شهداء وجرحى»: the figure counts both.
        let both = |q: &rasd_text::numbers::Quantity| {
            f.lex_in(Class::Casualty, cx.near(q.key, 6)).any(|o| {
                o.key.start >= q.key.end
                    && cx.dist(q.key, o.key) <= 5
                    && o.key != c.key
                    && W::Between.has(cx.tok(cx.tok_at(o.key.start).wrapping_sub(1)))
                    && combined(o)
            })
        };
        let value = match q {
            Some(q) if both(q) => continue,
            Some(q) if q.approx != Approx::Vague && is_count_kind(q) => q.value,
            Some(_) => continue,
            // «قُتل جندي تركي وأصيب اثنان»: one person, in the singular.
            None if side != "before" && singular_person(cx, cx.tok_from(c.key.end)) => 1,
            // «لقي شخص مصرعه»: the pronoun tells one.
            None if W::OneDead.has(cx.tok(cx.tok_at(c.key.end.saturating_sub(1)))) => 1,
            None => continue,
        };
        let slot = if what == "killed" {
            &mut killed
        } else {
            &mut injured
        };
        *slot = Some(slot.map_or(value, |v: u64| v.max(value)));
    }
    (killed, injured)
}

/// The figure told before a casualty word as its subject: «خمسة جنود أصيبوا», «أن 20 مسلحا
/// حوثيا قتلوا», «أن تسعة من الميليشيات قتلوا» (a number with a person noun or «من» right
/// after it, at most `gap` words before the casualty word, and no other figure between).
fn subject_first<'f>(cx: &'f Ctx, c: Span, gap: usize) -> Option<&'f rasd_text::numbers::Quantity> {
    let f = cx.f;
    let subject = |q: &&rasd_text::numbers::Quantity| {
        let ni = cx.tok_from(q.key.end);
        f.lex_in(Class::PersonNoun, cx.near(q.key, 1))
            .any(|p| cx.tok_at(p.key.start) == ni || q.noun.is_some_and(|n| n.overlaps(p.key)))
            || (gap > 1 && cx.tok(ni) == "من")
    };
    let q = f
        .numbers_in(cx.near(c, gap))
        .filter(|q| q.key.end <= c.start && cx.dist(q.key, c) <= gap)
        .last()
        .filter(subject)?;
    // «57 مدنيا بينهم 12 طفلا و6 نساء قتلوا»: the figure before the breakdown is the subject.
    let t = cx.tok_at(q.key.start);
    let among = (t.saturating_sub(6)..t)
        .rev()
        .find(|&j| W::Among.has(cx.tok(j)));
    match among {
        Some(j) => f
            .numbers_in(cx.near(q.key, 8))
            .filter(|p| p.key.end <= q.key.start && cx.tok_from(p.key.end) + 1 == j)
            .last()
            .filter(subject)
            .or(Some(q)),
        None => Some(q),
    }
}

/// Is the token a person in the singular («جندي», «مدنيا», «طفلة»)?
pub(super) fn singular_person(cx: &Ctx, i: usize) -> bool {
    let w = rasd_text::clitics::strip_article(cx.tok(i));
    W::SingularPerson.has(w.trim_end_matches(rasd_text::clitics::ACCUSATIVE_ALIF))
}
