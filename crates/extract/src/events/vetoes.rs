//! Rules that keep a trigger word from telling an event: each is a named, documented check on
//! one candidate ([`Cand`]); [`RULES`] lists them all, and a candidate any of them holds for
//! is no event.
use rasd_text::numbers::Approx;

use super::TrigKind;
use crate::ctx::Ctx;
use crate::lexicon::Class;
use crate::recognize::{LexHit, NameKind};

/// A trigger word with what the rules look at.
pub(crate) struct Cand<'c, 'a> {
    /// The document.
    pub cx: &'c Ctx<'a>,
    /// Every trigger hit of the document.
    pub triggers: &'c [LexHit],
    /// Index of this one in `triggers`.
    pub ti: usize,
    /// This trigger.
    pub h: &'c LexHit,
    /// What it says happened.
    pub kind: TrigKind,
    /// A noun (not a verb).
    pub noun: bool,
    /// A present-tense verb.
    pub present: bool,
    /// Plural in form, or in meaning («40 هجوما»).
    pub plural: bool,
    /// Says little of the means («قصف»).
    pub weak: bool,
    /// Index of its sentence.
    pub sent: usize,
    /// Its sentence gives a cumulative toll.
    pub in_toll: bool,
}

impl<'c, 'a> Cand<'c, 'a> {
    /// The candidate of trigger `ti`, when its lexicon value names a kind.
    pub fn new(
        cx: &'c Ctx<'a>,
        triggers: &'c [LexHit],
        ti: usize,
        toll_sentences: &[usize],
    ) -> Option<Self> {
        let h = triggers.get(ti)?;
        let mut parts = h.value.split(',');
        let kind = parts.next().and_then(TrigKind::parse)?;
        let feats: Vec<&str> = parts.collect();
        let noun = feats.contains(&"noun");
        // «40 هجوما», «أكثر من 140 هجوما»: a noun counted by a number over ten is singular in
        // form and plural in meaning.
        let plural = feats.contains(&"plural")
            || (noun
                && cx.f.numbers_in(cx.sentence(h.key)).any(|q| {
                    q.key.end <= h.key.start && cx.dist(q.key, h.key) == 0 && q.value > 10
                }));
        let sent = cx.sentence_ix(h.key);
        Some(Cand {
            cx,
            triggers,
            ti,
            h,
            kind,
            noun,
            present: feats.contains(&"present"),
            plural,
            weak: feats.contains(&"weak"),
            sent,
            in_toll: toll_sentences.binary_search(&sent).is_ok(),
        })
    }

    /// Index of the trigger's first token.
    fn tok(&self) -> usize {
        self.cx.tok_at(self.h.key.start)
    }
}

/// A rule that keeps a candidate from telling an event.
pub(crate) struct Rule {
    /// Its name, as `rasd explain` shows it.
    pub name: &'static str,
    /// True when the rule holds: the candidate tells no event.
    pub holds: fn(&Cand) -> bool,
}

/// Every rule, in the order they are tried.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "not a trigger here (a name, a date, a place)",
        holds: |c| !live_trigger(c.cx, c.h, c.kind),
    },
    Rule {
        name: "casualties fell («سقوط قتلى»)",
        holds: casualties_fell,
    },
    Rule {
        name: "a toll's casualty word or plural",
        holds: |c| c.in_toll && (c.kind == TrigKind::Kill || c.plural),
    },
    Rule {
        name: "negated",
        holds: negated,
    },
    Rule {
        name: "what did not happen («دون أن»)",
        holds: without,
    },
    Rule {
        name: "a ceasefire, no shooting",
        holds: ceasefire,
    },
    Rule {
        name: "hypothetical",
        holds: hypothetical,
    },
    Rule {
        name: "a present-tense threat describes",
        holds: |c| c.present && c.kind == TrigKind::Threat,
    },
    Rule {
        name: "habitual present",
        holds: habitual_present,
    },
    Rule {
        name: "inside a threat",
        holds: in_threat,
    },
    Rule {
        name: "a purpose («لاستهداف»)",
        holds: purpose,
    },
    Rule {
        name: "more to come («المزيد من»)",
        holds: more_to_come,
    },
    Rule {
        name: "an agreement sought, broken or in force",
        holds: agreement_not_made,
    },
    Rule {
        name: "habitual («مرارا»)",
        holds: habitual,
    },
    Rule {
        name: "a verb over many targets and a span of time",
        holds: aggregate_verb,
    },
    Rule {
        name: "an aggregate («عشرات الهجمات»)",
        holds: aggregate_plural,
    },
    Rule {
        name: "a charge or an accusation",
        holds: charge,
    },
];

/// The first rule that holds for a candidate.
pub(crate) fn veto(c: &Cand) -> Option<&'static Rule> {
    RULES.iter().find(|r| (r.holds)(c))
}

/// «سقوط قتلى وجرحى»: casualties fell; nothing crashed.
fn casualties_fell(c: &Cand) -> bool {
    let cx = c.cx;
    c.kind == TrigKind::Crash
        && cx
            .f
            .lex_in(Class::Casualty, cx.sentence(c.h.key))
            .any(|x| cx.tok_at(x.key.start) == cx.tok_from(c.h.key.end))
}

/// A negation right before the trigger.
fn negated(c: &Cand) -> bool {
    c.cx.lex_before(Class::Neg, c.h.key.start, 1)
        .is_some_and(|n| n.value != "none")
}

/// «من دون أن تندلع بعدها معارك», «دون أن يسفر عن»: what did not happen.
fn without(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    (i.saturating_sub(4)..i.saturating_sub(1))
        .any(|j| cx.tok(j).trim_start_matches('و') == "دون" && cx.tok(j + 1) == "ان")
}

/// «وقف دائم لإطلاق النار»: a ceasefire, not a shooting.
fn ceasefire(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Shooting
        && (i.saturating_sub(3)..i).any(|j| {
            let w = cx.tok(j).trim_start_matches(['و', 'ل', 'ب']);
            w == "وقف" || w == "الوقف"
        })
}

/// A hypothetical or future marker shortly before.
fn hypothetical(c: &Cand) -> bool {
    c.cx.lex_before(Class::Hypo, c.h.key.start, 3)
        .is_some_and(|x| x.value != "weak")
}

/// Habitual present («تصنفها واشنطن», «تستهدف»): no single event.
fn habitual_present(c: &Cand) -> bool {
    c.present
        && matches!(
            c.kind,
            TrigKind::Designation | TrigKind::Attack | TrigKind::Missile
        )
}

/// Inside a threat's scope: «هددت بمواصلة مهاجمة…».
fn in_threat(c: &Cand) -> bool {
    let cx = c.cx;
    c.kind != TrigKind::Threat
        && c.triggers[..c.ti].iter().rev().take(3).any(|p| {
            p.value.starts_with("threat")
                && cx.sentence_ix(p.key) == c.sent
                && cx.dist(p.key, c.h.key) <= 4
        })
}

/// Purposes are no events: «لاستهداف سفن», «لمهاجمة».
fn purpose(c: &Cand) -> bool {
    let w = c.cx.tok(c.tok());
    c.noun && (w.starts_with("لاستهداف") || w.starts_with("لمهاجمه") || w.starts_with("لضرب"))
}

/// «المزيد من الهجمات»: more to come, not an event.
fn more_to_come(c: &Cand) -> bool {
    let i = c.tok();
    c.plural && i >= 2 && c.cx.tok(i - 2) == "المزيد"
}

/// Agreements sought, violated or in force, not made: «مساعيهم للتوصل إلى اتفاق», «خرق وقف
/// إطلاق النار», «منذ سريان الهدنة», «بموجب الاتفاق».
fn agreement_not_made(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Agreement
        && (i.saturating_sub(4)..i).any(|j| {
            let w = cx.tok(j).trim_start_matches(['و', 'ف']);
            NOT_MADE.iter().any(|p| w.starts_with(p))
        })
}

/// Habitual verbs: «هاجمت مرارا وتكرارا».
fn habitual(c: &Cand) -> bool {
    let cx = c.cx;
    let next = cx.tok_from(c.h.key.end);
    HABITUAL
        .iter()
        .any(|w| cx.tok(next) == *w || cx.stem(next) == *w)
}

/// Is a word of [`SPAN_WORDS`] within `back` tokens before and 8 after the trigger, in its sentence?
fn spans_time(c: &Cand, back: usize) -> bool {
    let (cx, ti) = (c.cx, c.tok());
    let ssp = cx.sentence(c.h.key);
    let lo = ti.saturating_sub(back).max(cx.tok_from(ssp.start));
    let hi = (ti + 8).min(cx.tok_from(ssp.end));
    (lo..hi).any(|i| {
        SPAN_WORDS.contains(&cx.tok(i)) || SPAN_WORDS.contains(&cx.tok(i).trim_start_matches('و'))
    })
}

/// «استهدفت أكثر من 100 سفينة منذ نوفمبر»: a verb over many targets and a span of time is an
/// aggregate too.
fn aggregate_verb(c: &Cand) -> bool {
    let (cx, h) = (c.cx, c.h);
    if c.noun || !c.kind.violent() {
        return false;
    }
    let many = cx.f.numbers_in(cx.sentence(h.key)).any(|q| {
        q.key.start >= h.key.end
            && cx.dist(h.key, q.key) <= 3
            && (q.value > 10 || q.approx == Approx::Vague)
            && cx.sentence_ix(q.key) == c.sent
    });
    many && spans_time(c, 6)
}

/// Aggregates: «لخمس هجمات», «عشرات الهجمات», «مئات الضربات منذ…», «تلك الهجمات».
fn aggregate_plural(c: &Cand) -> bool {
    let (cx, h) = (c.cx, c.h);
    if !(c.plural && c.kind.violent()) {
        return false;
    }
    let demonstrative = matches!(
        cx.tok(c.tok().wrapping_sub(1)),
        "تلك" | "هذه" | "هاتين" | "تلكم"
    );
    if demonstrative {
        return true;
    }
    let quantified = cx.f.numbers_in(cx.sentence(h.key)).any(|q| {
        q.key.end <= h.key.start
            && cx.dist(q.key, h.key) <= 2
            && (q.value > 1 || q.approx == Approx::Vague)
            && cx.sentence_ix(q.key) == c.sent
    });
    // A span of time told with the trigger («الهجمات منذ أكتوبر», «خلال الأشهر الماضية»), not
    // anywhere in the sentence («الغارات، التي طالت …، في أعنف حصيلة منذ بدء الضربات»).
    let spans_time = spans_time(c, 3);
    let vague =
        cx.f.numbers_in(cx.sentence(h.key))
            .any(|q| q.approx == Approx::Vague && cx.dist(q.key, h.key) <= 2);
    (quantified && (spans_time || vague)) || (spans_time && (quantified || is_definite(cx, h)))
}

/// «اعتقال خمسة بتهمة الاعتداء على الممتلكات»: a charge, not an event; nor are the attacks a
/// party is accused of in general («متهمة القوات بشن هجمات على المدنيين، بينها غارات جوية على
/// مدارس»).
fn charge(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    let charge = (i.saturating_sub(2)..i).any(|j| {
        let w = cx.tok(j).trim_start_matches(['و', 'ب']);
        w.starts_with("تهم")
    });
    let accused = c.plural
        && (i.saturating_sub(8)..i).any(|j| {
            let w = cx.tok(j).trim_start_matches(['و', 'ف']);
            w.starts_with("متهم")
                || w.starts_with("اتهم")
                || w.starts_with("تتهم")
                || w.starts_with("يتهم")
        });
    charge || accused
}

/// Words before an agreement that make it sought, broken or already in force rather than
/// made (match-key prefixes).
pub(super) const NOT_MADE: &[&str] = &[
    "للتوصل",
    "مساعي",
    "مساع",
    "جهود",
    "محادثات",
    "مفاوضات",
    "المحادثات",
    "المفاوضات",
    "مقترح",
    "المقترح",
    "مسوده",
    "خرق",
    "خروق",
    "انتهاك",
    "منذ",
    "بموجب",
    "بنود",
    "انهيار",
    "الدعوه",
    "دعا",
    "دعت",
    "يدعو",
    "تدعو",
    "مطالب",
    "طالب",
    "للوصول",
    "لابرام",
    "سريان",
    "تمديد",
];

/// Words after a verb that make it habitual, not one event.
pub(super) const HABITUAL: &[&str] = &[
    "مرارا",
    "تكرارا",
    "باستمرار",
    "مرات",
    "دايما",
    "المتكرره",
    "متكرره",
    "اليوميه",
];
/// Words that make plural triggers an aggregate over time.
pub(super) const SPAN_WORDS: &[&str] = &[
    "منذ",
    "خلال",
    "حتي",
    "طوال",
    "الاعوام",
    "الاشهر",
    "السنوات",
    "الماضيه",
    "الماضي",
];

/// Is a trigger word a trigger here: not inside a name («وزارة الدفاع», «قوات التحالف») or a
/// date («فجر الخميس»: dawn, not «فجّر», detonated), nor dawn itself («الثالثة فجرا»)?
pub(crate) fn live_trigger(cx: &Ctx, h: &LexHit, kind: TrigKind) -> bool {
    let f = cx.f;
    if f.names_over(h.key)
        .any(|n| n.key.contains(h.key) && !matches!(n.kind, NameKind::Source { .. }))
    {
        return false;
    }
    if f.dates_in(cx.sentence(h.key))
        .any(|(_, d)| d.key.contains(h.key))
    {
        return false;
    }
    // «مركز احتجاز», «معسكر اعتقال»: a place, not an arrest.
    if matches!(kind, TrigKind::Arrest | TrigKind::Abduction) {
        let i = cx.tok_at(h.key.start);
        if i > 0
            && matches!(
                cx.tok(i - 1).trim_start_matches(['و', 'ب', 'ل']),
                "مركز" | "مراكز" | "سجن" | "معسكر" | "معتقل" | "مقر"
            )
        {
            return false;
        }
    }
    if kind == TrigKind::Explosive {
        let i = cx.tok_at(h.key.start);
        let word = cx.tok(i);
        let stem = cx.stem(i);
        if word.ends_with("فجرا")
            || stem == "فجرا"
            || (stem.starts_with("فجر") && word.contains("ال"))
        {
            return false;
        }
    }
    true
}

pub(super) fn is_definite(cx: &Ctx, h: &LexHit) -> bool {
    let i = cx.tok_at(h.key.start);
    let t = cx.tok(i);
    let before = if i > 0 { cx.tok(i - 1) } else { "" };
    t.starts_with("ال")
        || t.starts_with("بال")
        || t.starts_with("لل")
        || t.starts_with("وال")
        || matches!(before, "هذا" | "هذه" | "ذلك" | "تلك" | "ذات")
}
