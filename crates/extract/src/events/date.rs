//! When a mention happened, and the dates of the events.

use rasd_model::{DatePrecision, Span};

use super::Draft;
use crate::ctx::Ctx;
use crate::lexicon::Class;
use crate::words::W;

/// Are two key spans in the same part of a sentence, between the words that join two events
/// told in one sentence («قُتل شخص بضربة … مساء الأحد، في حين طالت غارات مواقع قرب البوكمال،
/// فجر الاثنين»: [`W::Contrast`])?
pub(super) fn same_part(cx: &Ctx, a: Span, b: Span, ss: Span) -> bool {
    let (lo, hi) = if a.start < b.start { (a, b) } else { (b, a) };
    let (i, j) = (cx.tok_from(lo.end), cx.tok_at(hi.start));
    let _ = ss;
    !cx.any_word(W::Contrast, i, j)
}

/// Is `at` (a date or a place) told of another event, the one the trigger's event came after
/// or before? «بدأت الغارات الأسبوع الماضي بعد تفجير انتحاري استهدف مدينة سوروج في 20 يوليو»:
/// the town and the day are the bombing's, not the strikes'; and «اليوم» is the strikes'.
pub(super) fn of_event_related(cx: &Ctx, trig: Span, at: Span) -> bool {
    if at.end <= trig.start {
        // «اشتباكات مع التنظيم اليوم، وذلك بعد تفجير انتحاري», «اجتماع مجلس الوزراء الذي عقده
        // أول من أمس عقب تفجيرات سوروج»: a date before the word that relates the trigger to
        // what was told before it (an event or not) is of what was told.
        let (i, j) = (cx.tok_from(at.end), cx.tok_at(trig.start));
        // The relating word is at most three tokens before the trigger.
        return cx
            .first_word_after_waw(W::TimeRelation, i.max(j.saturating_sub(3)), j)
            .is_some();
    }
    if at.start < trig.end {
        return false;
    }
    let (i, j) = (cx.tok_from(trig.end), cx.tok_at(at.start));
    // A relating word followed by another event word before `at`: the first relating word
    // is enough to ask (what follows a later one follows it too).
    cx.first_word_after_waw(W::TimeRelation, i, j)
        .and_then(|t| cx.f.a.tokens.get(t))
        .is_some_and(|tk| {
            cx.f.lex_in(Class::Trigger, Span::new(tk.key.end, at.start))
                .next()
                .is_some()
        })
}

/// How many days the event of a trigger came before the event it is told beside: «ويأتي ذلك
/// بعد ثلاثة أيام على هجوم انتحاري» (3), «بعد يومين من التفجير» (2), «بعد ساعات على الاعتداء»
/// (0), «بعد 10 أيام فقط على اعتداء» (10). `None` when the trigger is not counted back from,
/// or by an interval of unknown length («بعد أيام على …»).
pub(super) fn days_back(cx: &Ctx, trig: Span) -> Option<i64> {
    let mut j = cx.tok_at(trig.start).checked_sub(1)?;
    if !W::IntervalOf.has(cx.tok(j)) {
        return None;
    }
    j = j.checked_sub(1)?;
    if W::IntervalOnly.has(cx.tok(j)) {
        j = j.checked_sub(1)?;
    }
    let unit = cx.stem(j);
    let counted = |per: i64| -> Option<(i64, usize)> {
        // The number right before the unit: «ثلاثة أيام», «10 أيام».
        let before = j.checked_sub(1)?;
        let tok = cx.f.a.tokens.get(before)?;
        let q = cx.f.numbers.iter().find(|q| q.key.end == tok.key.end)?;
        let n = i64::try_from(q.value)
            .ok()
            .filter(|n| (1..=60).contains(n))?;
        Some((n * per, cx.tok_at(q.key.start)))
    };
    let (days, first) = if W::IntervalOneDay.has(unit) {
        counted(1).unwrap_or((1, j))
    } else if W::IntervalTwoDays.has(unit) {
        (2, j)
    } else if W::IntervalDays.has(unit) {
        counted(1)?
    } else if W::IntervalOneWeek.has(unit) {
        counted(7).unwrap_or((7, j))
    } else if W::IntervalTwoWeeks.has(unit) {
        (14, j)
    } else if W::IntervalWeeks.has(unit) {
        counted(7)?
    } else if W::IntervalHours.has(unit) {
        (0, j)
    } else {
        return None;
    };
    let after = first.checked_sub(1)?;
    W::IntervalAfter.has(cx.stem(after)).then_some(days)
}

/// «اطمأن نائب الوزير أمس على المصابين من رجال الأمن في حادث تفجير المسجد», «شيّع أمس شهداء
/// التفجير»: is a day told before the event's victims, named as such, the day of what was done
/// for them rather than of the event?
pub(super) fn of_victims(cx: &Ctx, date: Span, trig: Span) -> bool {
    date.end <= trig.start && {
        let (d, t) = (cx.tok_from(date.end), cx.tok_at(trig.start));
        t <= d + 10 && (d..t).any(|j| W::Victims.has(cx.tok(j)) && t <= j + 6)
    }
}

/// Is a date the day a statement was made rather than the day of the event it reports?
/// «قالت الوزارة، السبت، إن طائرتين استهدفتا القاعدة مساء أمس الجمعة»: the date sits after a
/// speech cue and right before the «إن/أن» that opens the reported clause holding the trigger.
pub fn statement_date(cx: &Ctx, date: Span, trig: Span, ss: Span) -> bool {
    // «قتل 30 شخصا … أول أمس، بحسب ما أفادت مصادر أمنية أمس»: a date right after an
    // attribution (the trigger not between them) is the day it was said.
    let attributed = cx.f.lex_in(Class::Cue, cx.near(date, 4)).any(|c| {
        c.key.end <= date.start
            && cx.dist(c.key, date) <= 4
            && !(c.key.end <= trig.start && trig.end <= date.start)
            && matches!(c.value.as_str(), "say" | "relay" | "per")
    });
    // «ندد خطباء المساجد، اليوم، بالتفجير الذي حدث يوم أمس»: a day right before the event
    // word a condemnation or a statement takes as its object («ب…») is the day of the words.
    let object_of_words = date.end <= trig.start
        && cx.dist(date, trig) <= 1
        && cx
            .tok(cx.tok_at(trig.start))
            .starts_with(rasd_text::clitics::BA)
        && cx
            .f
            .lex_in(Class::Cue, cx.near(date, 8))
            .any(|c| c.key.end <= date.start && cx.dist(c.key, date) <= 8 && c.value == "say");
    // «وأكدت الوزارة في بيان أصدرته أمس الثلاثاء بمناسبة تحرير قاعدة العند … أمس الأول
    // الاثنين»: a date of the statement's words, before the event word.
    let of_statement = date.end <= trig.start && {
        let d = cx.tok_at(date.start);
        (d.saturating_sub(3)..d).any(|j| W::Statement.has(cx.tok(j)))
    };
    if attributed || object_of_words || of_statement {
        return true;
    }
    if date.start >= trig.end {
        return false;
    }
    if date.end > trig.start {
        return false;
    }
    let next = cx.tok_from(date.end);
    let opens = W::ReportedThat.has(cx.tok(next))
        && cx
            .f
            .a
            .tokens
            .get(next)
            .is_some_and(|t| t.key.end <= trig.start);
    let cue_before = |max: usize| {
        cx.f.lex_in(Class::Cue, ss).any(|c| {
            c.key.end <= date.start
                && cx.dist(c.key, date) <= max
                && matches!(c.value.as_str(), "say" | "relay" | "deny")
        })
    };
    // «أعلنت وزارة الصحة، اليوم الجمعة، ارتفاع حصيلة …»: set off by commas right after the
    // speaker, the day the statement was made.
    let set_off = cx.gap_before(date.start).contains(',') && cx.gap_after(date.end).contains(',');
    (opens && cue_before(usize::MAX)) || (set_off && cue_before(5))
}

/// A resolved date: (value, precision, the words it was read from).
pub type ResolvedDate = (Option<String>, DatePrecision, Option<String>);

/// The resolved dates of a document's drafts, in order.
///
/// A draft with a date of its own keeps it. One without takes the date of the story it is
/// told in: the nearest dated mention of the same family in its sentence or the two before
/// («شنت مقاتلات أمريكية، مساء الأحد، ضربات … وقال أوستن إن طائرات استهدفت منشأة قرب
/// البوكمال»), else the article's news date, the first day-precise date of an event in the
/// week before publication (the lead's «مساء السبت»), else the day its lead says the news
/// was told, else the one day of the past week the article names anywhere (out of speech), else the
/// publication date.
pub fn resolve_dates(cx: &Ctx, drafts: &[Draft]) -> Vec<ResolvedDate> {
    let own = |dm: &rasd_text::dates::DateMention| -> ResolvedDate {
        // «الأسبوع الماضي»: the middle day of the period.
        if let (true, Some((a, b))) = (dm.value.is_empty(), dm.range) {
            let mid = a.add_days((b.to_days() - a.to_days()) / 2);
            return (
                Some(mid.to_string()),
                DatePrecision::Day,
                Some(cx.written(dm.key)),
            );
        }
        (
            Some(dm.value.clone()),
            dm.precision,
            Some(cx.written(dm.key)),
        )
    };
    // Every dated mention: (sentence, violent, date).
    let mut dated: Vec<(usize, bool, &rasd_text::dates::DateMention, Span)> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter())
        .filter_map(|m| {
            m.date
                .and_then(|i| cx.f.dates.get(i))
                .map(|dm| (m.sent, m.kind.violent(), dm, m.trig))
        })
        .collect();
    dated.sort_by_key(|x| x.3.start);
    let news = cx.published.and_then(|p| {
        dated
            .iter()
            .filter(|(_, violent, dm, _)| *violent && dm.precision == DatePrecision::Day)
            .find(|(_, _, dm, _)| {
                rasd_model::IsoDate::parse(&dm.value)
                    .is_ok_and(|d| (0..=7).contains(&(p.to_days() - d.to_days())))
            })
            .map(|x| x.2)
    });
    // «قال مصدر عسكري الأحد إن القوات تقدمت …»: a wire story printed days later tells its
    // news on the day its lead says it was told, not on the day it was printed.
    let said = cx.published.and_then(|p| {
        let lead = cx.f.a.sentences.get(..2).unwrap_or(&cx.f.a.sentences);
        let lead = lead
            .first()
            .zip(lead.last())
            .map(|(a, b)| Span::new(a.start, b.end))?;
        cx.f.dates_in(lead)
            .map(|(_, d)| d)
            .filter(|d| d.precision == DatePrecision::Day)
            .filter(|d| {
                rasd_model::IsoDate::parse(&d.value)
                    .is_ok_and(|x| (1..=7).contains(&(p.to_days() - x.to_days())))
            })
            .find(|d| {
                cx.f.lex_in(Class::Cue, cx.near(d.key, 4)).any(|c| {
                    c.key.end <= d.key.start
                        && cx.dist(c.key, d.key) <= 4
                        && matches!(c.value.as_str(), "say" | "relay")
                })
            })
    });
    let only = the_one_day(cx);
    drafts
        .iter()
        .map(|d| {
            if let Some(dm) = d.date(cx) {
                return own(dm);
            }
            let Some(first) = d.mentions.first() else {
                return (None, DatePrecision::Unknown, None);
            };
            let violent = first.kind.violent();
            // An arrest told after a battle or a raid is of its day.
            let arrest = d.kind(cx) == rasd_model::EventType::Arrest;
            let near = dated.iter().rev().find(|(s, v, dm, k)| {
                (*v == violent || arrest)
                    && k.start < first.trig.start
                    && *s + 2 >= first.sent
                    && *s >= cx.story_start(first.sent)
                    && takes_across(cx, *k, dm, first.trig)
            });
            let told = if let (true, Some(p)) = (near.is_none() && told_now(cx, d), cx.published) {
                (Some(p.to_string()), DatePrecision::Day, None)
            } else if let Some((_, _, dm, _)) = near {
                own(dm)
            } else if let (true, Some(dm)) = (violent, news) {
                own(dm)
            } else if let (true, Some(dm)) = (violent, said) {
                own(dm)
            } else if let (true, Some(dm)) = (
                violent && d.mentions.iter().all(|m| days_back(cx, m.trig).is_none()),
                only,
            ) {
                own(dm)
            } else {
                match cx.published {
                    Some(p) if std::env::var("RASD_NULLDATE").is_err() => {
                        (Some(p.to_string()), DatePrecision::Day, None)
                    }
                    _ => (None, DatePrecision::Unknown, None),
                }
            };
            // Any mention told as so many days before (the draft may have gathered the
            // casualty words of the lead first).
            let back = d.mentions.iter().find_map(|m| days_back(cx, m.trig));
            counted_back(told, back)
        })
        .collect()
}

/// Is an undated event told as going on now («تخوض القوات حاليا معارك عنيفة»), on the day the
/// paper is printed? «حتى الآن» ("so far") counts what happened before.
fn told_now(cx: &Ctx, d: &Draft) -> bool {
    d.mentions.iter().any(|m| {
        let t = cx.tok_at(m.trig.start);
        (t.saturating_sub(2)..t + 2)
            .any(|j| W::Now.has(cx.tok(j)) && !W::Until.has(cx.tok(j.wrapping_sub(1))))
    })
}

/// May an undated word at `trig` take the day `dm` of the dated word at `from`? A day of
/// background (more than a week old) is not taken across a paragraph: «وفي تعز، …» after a
/// paragraph on a battle of last May elsewhere.
fn takes_across(cx: &Ctx, from: Span, dm: &rasd_text::dates::DateMention, trig: Span) -> bool {
    let recent = cx.published.is_some_and(|p| {
        crate::detect::date_first_day(&dm.value).is_some_and(|x| p.to_days() - x <= 7)
    });
    recent
        || cx
            .text
            .get(cx.orig(from).end..cx.orig(trig).start)
            .is_some_and(|g| !g.contains('\n'))
}

/// The one day of the past week an article names, if it names one: a weekday anywhere, or
/// «أمس» out of a sentence of speech. A follow-up that names it names the day of the event it
/// follows («كان المهاجم يعلم أن المصلين سيؤدون الصلاة يوم الخميس»); «قال الوزير أمس» is the
/// day of the words.
fn the_one_day<'a>(cx: &'a Ctx) -> Option<&'a rasd_text::dates::DateMention> {
    cx.published.and_then(|p| {
        let all = Span::new(0, usize::MAX);
        let mut days =
            cx.f.dates_in(all)
                .map(|(_, d)| d)
                .filter(|d| d.precision == DatePrecision::Day)
                // «الصحف الصادرة أمس»: the day a paper or a statement came out.
                .filter(|d| cx.lex_before(Class::Metadate, d.key.start, 2).is_none())
                .filter(|d| {
                    // «أمس» in a sentence of speech is the day of the words («قال الوزير أمس»).
                    rasd_text::dates::names_weekday(cx.f.key_str(d.key)) || {
                        let ss = cx.f.a.sentences.iter().find(|s| s.contains(d.key));
                        ss.is_some_and(|&ss| !cx.f.lex_in(Class::Cue, ss).any(|c| c.value == "say"))
                    }
                })
                .filter(|d| {
                    rasd_model::IsoDate::parse(&d.value)
                        .is_ok_and(|x| (1..=7).contains(&(p.to_days() - x.to_days())))
                });
        let first = days.next()?;
        days.all(|d| d.value == first.value).then_some(first)
    })
}

/// The date of an event told as so many days before the one beside it («بعد ثلاثة أيام على
/// هجوم …»): the story's day less the interval. Other dates, and coarser ones, are kept.
fn counted_back(told: ResolvedDate, days: Option<i64>) -> ResolvedDate {
    let (Some(value), DatePrecision::Day, words) = (&told.0, told.1, &told.2) else {
        return told;
    };
    match (days, rasd_model::IsoDate::parse(value)) {
        (Some(n), Ok(d)) if n > 0 => (
            Some(d.add_days(-n).to_string()),
            DatePrecision::Day,
            words.clone(),
        ),
        _ => told,
    }
}
