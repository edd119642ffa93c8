//! Rules that keep a trigger word from telling an event: each is a named, documented check on
//! one candidate ([`Cand`]); [`RULES`] lists them all, and a candidate any of them holds for
//! is no event.
use rasd_text::numbers::Approx;

use crate::ctx::Ctx;
use crate::events::TrigKind;
use crate::lexicon::Class;
use crate::recognize::{LexHit, NameKind};
use crate::words::W;
use rasd_model::Span;

/// A trigger word with what the rules look at.
pub struct Cand<'c, 'a> {
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
                && cx.f.numbers_in(cx.near(h.key, 0)).any(|q| {
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
    pub fn tok(&self) -> usize {
        self.cx.tok_at(self.h.key.start)
    }
}

/// A rule that keeps a candidate from telling an event.
pub struct Rule {
    /// A short name, as features and `rasd explain` show it.
    pub id: &'static str,
    /// What it says, in words.
    pub name: &'static str,
    /// A hard rule keeps the candidate out whatever the detector says; the others are features
    /// the detector weighs.
    pub hard: bool,
    /// True when the rule holds.
    pub holds: fn(&Cand) -> bool,
}

const fn rule(id: &'static str, name: &'static str, hard: bool, holds: fn(&Cand) -> bool) -> Rule {
    Rule {
        id,
        name,
        hard,
        holds,
    }
}

/// Every rule. The first, structural, makes a word no candidate at all.
pub const RULES: &[Rule] = &[
    rule(
        "name",
        "not a trigger here (inside a name or a date)",
        true,
        |c| !live_trigger(c.cx, c.h, c.kind),
    ),
    rule(
        "toll",
        "a casualty word or plural of a cumulative toll: the toll's",
        true,
        |c| c.in_toll && (c.kind == TrigKind::Kill || c.plural),
    ),
    rule(
        "fell",
        "casualties fell, nothing crashed",
        false,
        casualties_fell,
    ),
    rule("neg", "negated", false, negated),
    rule("without", "what did not happen", false, without),
    rule("ceasefire", "a ceasefire, no shooting", false, ceasefire),
    rule("hypo", "hypothetical or future", false, hypothetical),
    rule(
        "threat_now",
        "a present-tense threat describes",
        false,
        |c| c.present && c.kind == TrigKind::Threat,
    ),
    rule("present", "habitual present", false, habitual_present),
    rule("in_threat", "inside a threat", false, in_threat),
    rule("purpose", "a purpose, no event", false, purpose),
    rule("more", "more to come", false, more_to_come),
    rule(
        "not_made",
        "an agreement sought, broken or in force",
        false,
        agreement_not_made,
    ),
    rule("habitual", "habitual", false, habitual),
    rule(
        "agg_verb",
        "a verb over many targets and a span of time",
        false,
        aggregate_verb,
    ),
    rule("agg", "an aggregate of events", false, aggregate_plural),
    rule("charge", "a charge or an accusation", false, charge),
    rule(
        "since",
        "the event a period started with",
        false,
        since_start,
    ),
];

/// Hard rules that are no features of the detector: what they keep out is never an event, so
/// a weight learnt for them would only move the learnt thresholds.
pub const VETOES: &[Rule] = &[
    rule(
        "judicial",
        "a court's sentence carried out, or the crime it punished",
        true,
        judicial,
    ),
    rule(
        "accident",
        "deaths, a blast or a fire of an accident or of nature",
        true,
        accident,
    ),
    rule(
        "anniversary",
        "the anniversary of an event, commemorated",
        true,
        anniversary,
    ),
    rule(
        "trial",
        "the crime a trial or an indictment is about",
        true,
        trial,
    ),
    rule(
        "almanac",
        "an item of a list of what happened on this day in past years",
        true,
        almanac,
    ),
    rule("held", "who holds a place, no taking of it", true, held),
    rule("world_war", "told of a world war: history", true, world_war),
    rule(
        "sought",
        "an arrest sought or tried, not made",
        true,
        arrest_sought,
    ),
    rule("ousted", "a ruler ousted, no arrest", true, ousted),
    rule("verbal", "an attack of words or on computers", true, verbal),
    rule("imminent", "near or planned, not done", true, imminent),
];

/// «وجهت النيابة الاتهام إلى المتهمين في حادث التفجير الذي استهدف المسجد», «محاكمة 29 متهما
/// في تفجير مسجد»: the crime a trial or an indictment is about is told as known, not as news.
fn trial(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    let bare = |k: usize| {
        cx.tok(k)
            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS)
    };
    // «في حادث التفجير», «في قضية الهجوم»: the incident's noun before the word.
    let mut j = i;
    while j > 0 && i - j < 2 && W::Incident.has(bare(j - 1)) {
        j -= 1;
    }
    // «المتهمين في …», or «المتهمين بتفجير …».
    let at = if j > 0 && cx.tok(j - 1) == "في" {
        j - 1
    } else if j == i && cx.tok(i).starts_with('ب') {
        i
    } else {
        return false;
    };
    (at.saturating_sub(4)..at).any(|k| W::Trial.has(bare(k)))
}

/// «1969- مقتل الممثلة شارون تيت …», «2008- تسعة قتلى في اشتباكات …»: a sentence that opens
/// with a past year and a dash is an item of an almanac (what happened on this day), history.
fn almanac(c: &Cand) -> bool {
    let cx = c.cx;
    let Some(ss) = cx.f.a.sentences.get(c.sent) else {
        return false;
    };
    let Some(tk) = cx.f.a.tokens.get(cx.tok_from(ss.start)) else {
        return false;
    };
    let w = cx.tok(cx.tok_from(ss.start));
    let Ok(year) = w.parse::<i32>() else {
        return false;
    };
    let before = cx.published.map_or(2100, |p| p.year);
    w.len() == 4
        && (1000..before).contains(&year)
        && cx
            .gap_after(tk.key.end)
            .trim_start()
            .starts_with(['-', '–', '—'])
}

/// «مراسم إحياء الذكرى السنوية السبعين لتفجير أول قنبلة ذرية»: an event commemorated on its
/// anniversary is history, not news.
fn anniversary(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    (i.saturating_sub(4)..i)
        .any(|j| W::Anniversary.has(cx.tok(j).trim_start_matches(rasd_text::clitics::WAW_LAM_BA)))
}

/// The first hard rule that holds for a candidate.
pub fn hard_rule(c: &Cand) -> Option<&'static Rule> {
    RULES.iter().chain(VETOES).find(|r| r.hard && (r.holds)(c))
}

/// The first rule that holds for a candidate (the rules alone, without the detector).
pub fn veto(c: &Cand) -> Option<&'static Rule> {
    RULES.iter().chain(VETOES).find(|r| (r.holds)(c))
}

/// «سقوط قتلى وجرحى»: casualties fell; nothing crashed.
fn casualties_fell(c: &Cand) -> bool {
    let cx = c.cx;
    c.kind == TrigKind::Crash
        && cx
            .f
            .lex_in(Class::Casualty, cx.near(c.h.key, 1))
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
    (i.saturating_sub(4)..i.saturating_sub(1)).any(|j| {
        W::Without.has(cx.tok(j).trim_start_matches(rasd_text::clitics::WAW))
            && W::That.has(cx.tok(j + 1))
    })
}

/// «وقف دائم لإطلاق النار»: a ceasefire, not a shooting.
fn ceasefire(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Shooting
        && (i.saturating_sub(3)..i)
            .any(|j| W::Stop.has(cx.tok(j).trim_start_matches(rasd_text::clitics::WAW_LAM_BA)))
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
    c.noun && W::Purpose.has(w)
}

/// «المزيد من الهجمات»: more to come, not an event.
fn more_to_come(c: &Cand) -> bool {
    let i = c.tok();
    c.plural && i >= 2 && W::More.has(c.cx.tok(i - 2))
}

/// «أسفر الهجوم النووي في الأيام الأخيرة للحرب العالمية الثانية عن مقتل 74 ألف شخص»: what a
/// sentence tells of a world war is history, whatever day its anniversary falls on.
fn world_war(c: &Cand) -> bool {
    let cx = c.cx;
    let ss = cx.sentence(c.h.key);
    let (lo, hi) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    (lo + 1..hi).any(|k| {
        W::World.has(cx.tok(k))
            && W::War.has(
                cx.tok(k - 1)
                    .trim_start_matches(rasd_text::clitics::WAW_LAM_BA),
            )
    })
}

/// «عمليات البحث جارية للقبض عليهم», «تحاول القبض على مشتبه بهما»: an arrest sought or tried
/// is not made; one someone was subjected to is («تعرض للاعتقال»), and so is a raid's («بدهم
/// لاعتقال ناشطين»).
fn arrest_sought(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    if c.kind != TrigKind::Arrest || !c.noun {
        return false;
    }
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    let w = cx.tok(i).trim_start_matches(rasd_text::clitics::WAW);
    let prev = prev.trim_start_matches(rasd_text::clitics::WAW);
    (W::ArrestSought.has(w) && !W::Subjected.has(prev) && !W::Raid.has(prev))
        || W::Attempt.has(prev)
}

/// «منذ الإطاحة بالرئيس الأسبق حسني مبارك»: «الإطاحة» of a ruler or a regime is an ousting, not
/// the arrest of a cell («الإطاحة بخلية»).
fn ousted(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Arrest && W::Ousted.has(cx.tok(i + 1))
}

/// «شن هجوما لاذعا على منافسيه», «تتعرض لهجمات إعلامية شرسة»: an attack of words.
fn verbal(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Attack
        && c.noun
        && (i + 1..i + 4).any(|j| {
            let w = cx.tok(j);
            let bare = w.strip_prefix("ال").unwrap_or(w);
            // «هجوم إلكتروني»: the adjective's own «ال» is part of the word.
            W::Verbal.has(bare) || W::Verbal.has(w)
        })
}

/// «تحت سيطرة الحوثيين», «تحريرها من سيطرة الميليشيات»: control held, not taken. «من» is
/// the state's only when no «على» follows («تمكنت من السيطرة على المدينة» is the taking); a
/// change of hands told as a state is a taking («باتت الحوطة تحت السيطرة»).
fn held(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    // The token without its proclitics (the stem would also take «س» for a future's).
    let w = cx.tok(i).trim_start_matches(rasd_text::clitics::WAW_LAM_BA);
    if c.kind != TrigKind::Clash || i == 0 || !W::Control.has(w.strip_prefix("ال").unwrap_or(w)) {
        return false;
    }
    let before = cx.tok(i - 1);
    let became = (i.saturating_sub(7)..i - 1).any(|j| {
        cx.sentence_ix(cx.f.a.tokens.get(j).map_or(c.h.key, |t| t.key)) == c.sent
            && W::Became.has(cx.tok(j).trim_start_matches(rasd_text::clitics::WAW))
    });
    !became
        && (W::Under.has(before)
            || (W::From.has(before) && !(i + 1..i + 4).any(|j| W::On.has(cx.tok(j)))))
}

/// «تحرير العاصمة من الميليشيات بات وشيكا», «استعادتها من أولويات القوات»: an event noun whose
/// own clause says it is near or planned (no comma between them).
fn imminent(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    if !c.noun {
        return false;
    }
    let end = cx.tok_from(cx.sentence(c.h.key).end).min(i + 12);
    (i + 1..end)
        .find(|&j| {
            // «ووشيكا», «لأولويات»: with a conjunction or «ل» before it.
            let w = cx.tok(j);
            W::Imminent.starts(w)
                || w.strip_prefix(['و', 'ف', 'ل'])
                    .is_some_and(|r| W::Imminent.starts(r))
        })
        .is_some_and(|j| {
            let at = cx.f.a.tokens.get(j).map_or(c.h.key.end, |t| t.key.start);
            !cx.key(Span::new(c.h.key.end, at.max(c.h.key.end)))
                .contains(['،', ',', ':', '.'])
        })
}

/// Agreements sought, violated or in force, not made: «مساعيهم للتوصل إلى اتفاق», «خرق وقف
/// إطلاق النار», «منذ سريان الهدنة», «بموجب الاتفاق».
fn agreement_not_made(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    c.kind == TrigKind::Agreement
        && (i.saturating_sub(4)..i).any(|j| {
            W::NotMade.has(
                cx.tok(j)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
            )
        })
}

/// An agreement made, told by its verb and new to the text (not definite, unless its start is
/// announced: «أعلن التحالف بدء الهدنة»): «وقعت الحكومة والمتمردون اتفاقا», «توصلوا إلى
/// هدنة» (and not sought, broken or in force).
pub fn agreement_made(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    let started = i >= 1
        && W::PeriodStart.has(
            cx.tok(i - 1)
                .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
        );
    c.kind == TrigKind::Agreement
        && (!is_definite(cx, c.h) || started)
        && !agreement_not_made(c)
        && (i
            .saturating_sub(8)
            .max(cx.tok_from(cx.sentence(c.h.key).start))..i)
            .any(|j| {
                // «ووقعت», and «وقعت» whose «و» is of the root.
                let w = cx.tok(j);
                W::Made.has(w)
                    || W::Made.has(w.trim_start_matches(rasd_text::clitics::CONJUNCTIONS))
            })
}

/// «منذ بدء المعارك في أواخر مارس», «منذ الهجوم»: the event a period started with, told as
/// the start of what the sentence tells.
fn since_start(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    let tok = |j: usize| cx.tok(j).trim_start_matches('و');
    (i >= 1 && W::Since.has(tok(i - 1)))
        || (i >= 2 && W::Since.has(tok(i - 2)) && W::PeriodStart.has(cx.tok(i - 1)))
}

/// Habitual verbs: «هاجمت مرارا وتكرارا».
fn habitual(c: &Cand) -> bool {
    let cx = c.cx;
    let next = cx.tok_from(c.h.key.end);
    W::Habitual.has(cx.tok(next)) || W::Habitual.has(cx.stem(next))
}

/// Is a word of [`SPAN_WORDS`] within `back` tokens before and 8 after the trigger, in its sentence?
fn spans_time(c: &Cand, back: usize) -> bool {
    let (cx, ti) = (c.cx, c.tok());
    let ssp = cx.sentence(c.h.key);
    let lo = ti.saturating_sub(back).max(cx.tok_from(ssp.start));
    let hi = (ti + 8).min(cx.tok_from(ssp.end));
    (lo..hi).any(|i| {
        W::SpanWords.has(cx.tok(i))
            || W::SpanWords.has(cx.tok(i).trim_start_matches(rasd_text::clitics::WAW))
    })
}

/// «استهدفت أكثر من 100 سفينة منذ نوفمبر»: a verb over many targets and a span of time is an
/// aggregate too.
fn aggregate_verb(c: &Cand) -> bool {
    let (cx, h) = (c.cx, c.h);
    if c.noun || !c.kind.violent() {
        return false;
    }
    let many = cx.f.numbers_in(cx.near(h.key, 3)).any(|q| {
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
    let demonstrative = W::Demonstrative.has(cx.tok(c.tok().wrapping_sub(1)));
    if demonstrative {
        return true;
    }
    let quantified = cx.f.numbers_in(cx.near(h.key, 2)).any(|q| {
        q.key.end <= h.key.start
            && cx.dist(q.key, h.key) <= 2
            && (q.value > 1 || q.approx == Approx::Vague)
            && cx.sentence_ix(q.key) == c.sent
    });
    // A span of time told with the trigger («الهجمات منذ أكتوبر», «خلال الأشهر الماضية»), not
    // anywhere in the sentence («الغارات، التي طالت …، في أعنف حصيلة منذ بدء الضربات»).
    let spans_time = spans_time(c, 3);
    let vague =
        cx.f.numbers_in(cx.near(h.key, 2))
            .any(|q| q.approx == Approx::Vague && cx.dist(q.key, h.key) <= 2);
    (quantified && (spans_time || vague)) || (spans_time && (quantified || is_definite(cx, h)))
}

/// «اعتقال خمسة بتهمة الاعتداء على الممتلكات»: a charge, not an event; nor are the attacks a
/// party is accused of in general («متهمة القوات بشن هجمات على المدنيين، بينها غارات جوية على
/// مدارس»).
fn charge(c: &Cand) -> bool {
    let (cx, i) = (c.cx, c.tok());
    let charge = (i.saturating_sub(2)..i)
        .any(|j| W::Charge.has(cx.tok(j).trim_start_matches(rasd_text::clitics::WAW_BA)));
    let accused = c.plural
        && (i.saturating_sub(8)..i).any(|j| {
            W::Accused.has(
                cx.tok(j)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS),
            )
        });
    charge || accused
}

/// «نفذت وزارة الداخلية أمس حكم القتل قصاصا في جان أقدم على قتل شقيقين»: the sentence of a
/// court carried out (retribution, discretionary punishment, «حكم القتل») is no event, nor is
/// the crime told with it.
fn judicial(c: &Cand) -> bool {
    let cx = c.cx;
    let Some(ss) = cx.f.a.sentences.get(c.sent) else {
        return false;
    };
    let word = |k: usize| {
        cx.tok(k)
            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS)
    };
    (cx.tok_from(ss.start)..cx.tok_from(ss.end)).any(|k| {
        W::Judicial.has(word(k))
            || (W::JudicialHead.has(word(k)) && W::JudicialDeath.has(cx.tok(k + 1)))
    })
}

/// «قتل سبعة في صاعقة ضربت منطقة جبلية», «مقتل 12 إثر انهيار مبنى», «انفجار خلال أعمال
/// إطفاء حريق», «سيطرت فرق الدفاع المدني على حريق»: deaths, a blast, a fall or a fire told with
/// an accident or a force of nature, and no weapon and no arson in the sentence, are no
/// attack. A hard veto, not a feature: Saudi papers print such news daily, and the labels hold
/// too few of them to weigh.
fn accident(c: &Cand) -> bool {
    use TrigKind as K;
    // «في صاعقة ضربت منطقة جبلية»: what struck is a force of nature, told just before; «بعد
    // مداهمته السيول», «سيول الوادي داهمته»: or just before or after a raid, as its subject.
    if matches!(c.kind, K::Attack | K::Kill) {
        // «هاجم دب أشيب أحد رواد المتنزه», «قتل تمساح صيادا»: an animal attacked, told
        // right before or after the word.
        let (cx, i) = (c.cx, c.tok());
        let animal = (i.saturating_sub(2)..i + 3).any(|k| {
            k != i
                && W::Animal.has(
                    cx.tok(k)
                        .trim_start_matches(rasd_text::clitics::CONJUNCTIONS_BA),
                )
        });
        if animal {
            return true;
        }
    }
    if matches!(c.kind, K::Attack | K::Arrest) {
        let (cx, i) = (c.cx, c.tok());
        let around = if c.kind == K::Attack {
            i.saturating_sub(2)..i
        } else {
            i.saturating_sub(2)..i + 3
        };
        return around.into_iter().any(|k| {
            W::Accident.has(
                cx.tok(k)
                    .trim_start_matches(rasd_text::clitics::CONJUNCTIONS_BA),
            )
        }) && cx
            .f
            .lex_in(Class::Weapon, cx.sentence(c.h.key))
            .next()
            .is_none();
    }
    if !matches!(c.kind, K::Kill | K::Explosion | K::Crash | K::Clash) {
        return false;
    }
    let cx = c.cx;
    let Some(ss) = cx.f.a.sentences.get(c.sent) else {
        return false;
    };
    let (lo, hi) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    let i = c.tok();
    let word = |k: usize| {
        cx.tok(k)
            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS)
    };
    // A battle is «brought under control» only as a fire is («سيطرت الفرق على الحريق»).
    let list = if c.kind == K::Clash {
        W::Fire
    } else {
        W::Accident
    };
    // «حادثة التصادم», «بتصادم حافلتين»: the list's nouns with the article or «ب» too.
    let cause = |k: usize| {
        let w = word(k);
        let bare = cx
            .tok(k)
            .trim_start_matches(rasd_text::clitics::CONJUNCTIONS_BA);
        list.has(w)
            || list.has(rasd_text::clitics::strip_article(w))
            || list.has(bare)
            || (c.kind == K::Kill && W::Animal.has(bare))
    };
    // «قتل أربعة أطفال وثلاث نساء هم جميعا أفراد عائلة واحدة في صاعقة»: the cause may come
    // after a long list of the dead.
    let near = (i.saturating_sub(10).max(lo)..(i + 14).min(hi)).any(cause);
    // A weapon says it was no accident, but for the aircraft that crashed («في تحطم مروحية
    // عسكرية»), not the tanks that fire («نيران الدبابات»).
    let armed = cx.f.lex_in(Class::Weapon, *ss).any(|w| {
        let at = cx.tok_at(w.key.start);
        w.value != "aircraft" || !(at.saturating_sub(2).max(lo)..at).any(cause)
    });
    near && !armed && !(lo..hi).any(|k| W::Arson.has(word(k)))
}

/// Is a trigger word a trigger here: not inside a name («وزارة الدفاع», «قوات التحالف») or a
/// date («فجر الخميس»: dawn, not «فجّر», detonated), nor dawn itself («الثالثة فجرا»)?
pub fn live_trigger(cx: &Ctx, h: &LexHit, kind: TrigKind) -> bool {
    let f = cx.f;
    if f.names_over(h.key)
        .any(|n| n.key.contains(h.key) && !matches!(n.kind, NameKind::Source { .. }))
    {
        return false;
    }
    if f.dates_in(cx.near(h.key, 0))
        .any(|(_, d)| d.key.contains(h.key))
    {
        return false;
    }
    // «مركز احتجاز», «معسكر اعتقال»: a place, not an arrest.
    if matches!(kind, TrigKind::Arrest | TrigKind::Abduction) {
        let i = cx.tok_at(h.key.start);
        if i > 0
            && W::DetentionPlace.has(
                cx.tok(i - 1)
                    .trim_start_matches(rasd_text::clitics::WAW_LAM_BA),
            )
        {
            return false;
        }
    }
    if kind == TrigKind::Explosive {
        let i = cx.tok_at(h.key.start);
        let word = cx.tok(i);
        let stem = cx.stem(i);
        // «عملية فجر الكرمة»: «فجر» (dawn) names an operation.
        let operation = i > 0
            && W::DawnStem.has(word)
            && W::OperationNoun.has(
                cx.tok(i - 1)
                    .trim_start_matches(rasd_text::clitics::WAW_LAM_BA),
            );
        if W::Dawn.ends(word)
            || W::Dawn.has(stem)
            || (W::DawnStem.has(stem) && W::Article.within(word))
            || operation
        {
            return false;
        }
    }
    true
}

/// Is the trigger definite («الهجوم», «هذه الغارات»): an event told before?
pub fn is_definite(cx: &Ctx, h: &LexHit) -> bool {
    let i = cx.tok_at(h.key.start);
    let t = cx.tok(i);
    let before = if i > 0 { cx.tok(i - 1) } else { "" };
    // «سلسلة من الغارات», «عدد من الهجمات»: a part of a whole, told as new.
    let partitive = i >= 2 && before == "من" && W::Partitive.has(cx.tok(i - 2));
    (W::DefinitePrefix.has(t) || W::Definite.has(before)) && !partitive
}

/// Does the candidate's sentence give it a date of its own: a date expression within ten tokens
/// that does not start a period («منذ») or stamp the publication?
pub fn own_date(c: &Cand) -> bool {
    let cx = c.cx;
    cx.f.dates_in(cx.near(c.h.key, 10)).any(|(_, d)| {
        !d.value.is_empty()
            && !d.since
            && cx.dist(d.key, c.h.key) <= 10
            && cx.lex_before(Class::Metadate, d.key.start, 2).is_none()
    })
}

/// Is a place (a district or finer) named within eight tokens after the candidate?
pub fn own_place(c: &Cand) -> bool {
    let cx = c.cx;
    cx.f.names_in(cx.near(c.h.key, 8)).any(|n| {
        n.key.start >= c.h.key.end
            && cx.dist(c.h.key, n.key) <= 8
            && cx
                .best_kind(n)
                .is_some_and(|k| k <= crate::kb::PlaceKind::Admin2)
    })
}

/// Designations, which the labels do not teach (none is reported in them): a designation word
/// is a designation when a terrorism list or sanctions are named within eight words of it
/// («تصنيفها كمنظمة إرهابية», «أدرجت على قائمة الإرهاب»; not «التصنيف العالمي») and no rule
/// against an event holds (a habitual present, a plan, a negation…).
pub fn designation(c: &Cand) -> bool {
    let cx = c.cx;
    let ss = cx.sentence(c.h.key);
    let (s0, s1) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    let i = c.tok();
    // Another word than the trigger's own, or sanctions imposed («فرضت الخزانة عقوبات على
    // ثلاثة من قادة الحزب»): «إيقاع أشد العقوبات على مرتكبيها» lists no one.
    let own = i..cx.tok_from(c.h.key.end);
    let listed = (s0.max(i.saturating_sub(8))..s1.min(i + 9))
        .filter(|k| !own.contains(k))
        .any(|k| W::Listing.has(cx.stem(k)));
    let imposed = (s0.max(i.saturating_sub(6))..i)
        .any(|k| W::Impose.has(cx.tok(k).trim_start_matches(rasd_text::clitics::WAW_LAM_BA)));
    (listed || imposed) && veto(c).is_none()
}
