//! Where a mention happened.

use rasd_model::{Location, Span};

use super::Mention;
use crate::ctx::Ctx;
use crate::geo::{self, GeoContext};
use crate::kb::PlaceKind;
use crate::lexicon::Class;
use crate::recognize::{LexHit, Name, NameKind};
use crate::words::W;

/// Places listed after a mention's place, each the place of an event of its own: joined by
/// «و» («حقل العمر النفطي والشدادي»), with a few words between («ومواقع عسكرية أخرى في جبل
/// …», «وفي مناطق متفرقة من محافظة …», «إضافة إلى منطقة …»), or named after a dual or
/// plural unit («في محافظتي الضالع وأبين»). A place that holds or bears the one before it
/// («مديرية حيس بمحافظة الحديدة», «التابعة لمحافظة حجة», «وسط اليمن») is no item of the list.
/// Towns, districts and governorates only: a list of countries is of states, not of places.
pub(super) fn coordinated_places(
    cx: &Ctx,
    geo: &GeoContext,
    m: &Mention,
    plural: bool,
) -> Vec<(Span, Location, PlaceKind)> {
    let Some((pk, _, kind)) = &m.place else {
        return Vec::new();
    };
    if *kind > PlaceKind::Admin1 {
        return Vec::new();
    }
    let first = cx.tok_at(pk.start);
    let plural_unit = (first.saturating_sub(2)..first).any(|j| {
        // «بلدتي» is the dual of «بلدة», not «ب» + «لدتي».
        let t = cx.tok(j);
        W::PluralUnit.has(t)
            || W::PluralUnit.has(cx.stem(j))
            || t.strip_prefix(rasd_text::clitics::WAW_LAM_BA)
                .is_some_and(|r| W::PluralUnit.has(r))
    });
    if !(plural || plural_unit) {
        return Vec::new();
    }
    let ss = cx.sentence(m.trig);
    let mut out: Vec<(Span, Location, PlaceKind)> = Vec::new();
    let mut last = *pk;
    for n in cx.f.names_in(Span::new(pk.end, ss.end)) {
        let NameKind::Known { places, .. } = &n.kind else {
            continue;
        };
        if places.is_empty() || n.key.start < last.end {
            continue;
        }
        let i = cx.tok_at(n.key.start);
        let j0 = cx.tok_from(last.end);
        if j0 > i {
            continue;
        }
        // The words between: the first joins («و…», «إضافة»), the rest introduce the place.
        let filler = |w: &str| {
            W::ListFiller.has(w)
                || W::PlaceIntro.has(w)
                || W::AdminUnit.has(w)
                || W::OpensPlace.has(w)
                || W::Locative.has(w)
                || W::SiteOf.has(w)
                || W::PluralUnit.has(w)
        };
        let fills = |j: usize| {
            let t = cx.tok(j);
            let bare = t.trim_start_matches(rasd_text::clitics::WAW_LAM_BA);
            filler(t) || filler(bare) || filler(cx.stem(j))
        };
        let joins = |j: usize| {
            let t = cx.tok(j);
            let rest = t.strip_prefix(rasd_text::clitics::WAW).unwrap_or(t);
            W::And.has(t)
                || W::ListJoin.has(t)
                || (rest.len() < t.len() && (cx.stem(j).len() < t.len() || filler(rest)))
        };
        let between = Span::new(last.end, n.key.start);
        let clean = cx.f.lex_in(Class::Trigger, between).next().is_none()
            && cx.f.lex_in(Class::Cue, between).next().is_none()
            && cx.f.dates_in(between).next().is_none();
        // The name's own «و» («وساقين») or a joining word before it, then fillers only.
        // Items the gazetteer lacks may stand between («باقم وساقين ورازح»).
        let own_and = i <= j0 + 2
            && (j0..=i).all(|j| cx.tok(j).starts_with(rasd_text::clitics::WAW))
            && !cx.key(n.key).starts_with(rasd_text::clitics::WAW);
        let joined = clean
            && (own_and
                || (j0 < i && i - j0 <= 6 && joins(j0) && (j0 + 1..i).all(fills) && {
                    // «ومديرية حيس», «و مواقع»: the «و» is on the first filler or alone.
                    let t = cx.tok(j0);
                    W::And.has(t) || W::ListJoin.has(t) || fills(j0)
                }));
        if !joined {
            // A place that holds or bears the one before it qualifies it: read on past it.
            // So does one that holds an item the gazetteer lacks («ومواقع في جبل … بمحافظة
            // عمران»).
            let qualifies = clean
                && (i - j0 <= 3 || (joins(j0) && i - j0 <= 8))
                && (bearing_of_place(cx, i) || held_by(cx, j0, i));
            if qualifies {
                last = n.key;
                continue;
            }
            break;
        }
        last = n.key;
        // An item too coarse to be a place of its own (a region, a range) keeps the list.
        let Some(p) = geo::choose(cx, geo, n).filter(|p| p.kind <= PlaceKind::Admin1) else {
            continue;
        };
        let loc = geo::location_in(cx, geo, p, n.key);
        let same = |l: &Location| l.place_id.is_some() && l.place_id == loc.place_id;
        if m.place.as_ref().is_some_and(|x| same(&x.1)) || out.iter().any(|(_, l, _)| same(l)) {
            continue;
        }
        out.push((n.key, loc, p.kind));
    }
    out
}

/// Is the place name at token `i` the unit that holds the place told before it (from token
/// `j0`): «بمحافظة …», «لمحافظة …», «التابعة لمحافظة …»?
fn held_by(cx: &Ctx, j0: usize, i: usize) -> bool {
    // «بمحافظة» as the name's own first word or the word before it.
    let unit_at = |j: usize| {
        let t = cx.tok(j);
        let bare = t.trim_start_matches([rasd_text::clitics::BA, rasd_text::clitics::LAM]);
        bare.len() < t.len() && W::AdminUnit.has(bare)
    };
    unit_at(i)
        || (i > j0 && unit_at(i - 1))
        || containing_place(cx, i)
        || (j0..i).any(|j| W::HeldBy.has(cx.tok(j)))
}

/// Is the word at token `j` (an institution's noun) the complement of a person's title:
/// «وكيل جامعة …», «رئيس مستشفى …»?
fn of_a_title(cx: &Ctx, j: usize) -> bool {
    j > 0 && W::AffiliationTitle.has(rasd_text::clitics::strip_article(cx.tok(j - 1)))
}

/// The place of a trigger: the most specific place near it in its sentence; when none is
/// near, one further off in the word's own relative clause («التفجير الآثم الذي وقع أثناء صلاة
/// الظهر يوم الخميس الماضي في مسجد قوات الطوارئ الخاصة بمنطقة عسير»).
pub(super) fn place_for(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    ss: Span,
    anaphoric: bool,
) -> Option<(Span, Location, PlaceKind)> {
    place_within(cx, geo, h, ss, anaphoric, false)
        .or_else(|| place_within(cx, geo, h, ss, anaphoric, true))
}

/// The place of a trigger within the usual reach, or within its own clause's (`clause`).
fn place_within(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    ss: Span,
    anaphoric: bool,
    clause: bool,
) -> Option<(Span, Location, PlaceKind)> {
    let f = cx.f;
    let mut best: Option<(usize, PlaceKind, &Name)> = None;
    // Places further than 22 tokens are never taken (see `limit`).
    let win = cx.near(h.key, 22);
    let start = ss.start.max(win.start);
    let ss = Span::new(start, ss.end.min(win.end).max(start));
    for n in f.names_in(ss) {
        let NameKind::Known { actors, places } = &n.kind else {
            continue;
        };
        if places.is_empty() {
            continue;
        }
        let i = cx.tok_at(n.key.start);
        let prev = if i > 0 { cx.tok(i - 1) } else { "" };
        let tok = cx.tok(i);
        let after = n.key.start >= h.key.end;
        let d = cx.dist(n.key, h.key);
        if too_far(cx, h.key, n.key, d, anaphoric, clause) {
            continue;
        }
        // «بدأت الغارات بعد تفجير استهدف مدينة سوروج»: the other event's place.
        if after && super::date::of_event_related(cx, h.key, n.key) {
            continue;
        }
        // A place told with a day of its own before the word, which has another day after it,
        // is the other day's event's: «ضحايا حادث بلدة سوروج الذي وقع الاثنين الماضي، وفي
        // ضابطي الشرطة اللذين استشهدا أمس».
        if !after {
            let own_day = f
                .dates_in(Span::new(n.key.end, h.key.start))
                .map(|(_, d)| d.value.clone())
                .next();
            if let Some(v) = own_day {
                // Another day told near the word, after it or just before it («قتلا أمس
                // برصاص مسلحين»).
                let told_after = f
                    .dates_in(Span::new(n.key.end, ss.end))
                    .any(|(_, d)| d.value != v && cx.dist(d.key, h.key) <= 4);
                if told_after {
                    continue;
                }
            }
        }
        if of_another_event(cx, h, n.key, ss) {
            continue;
        }
        // Origins are not places of the event: «من اتجاه الجولان», «أطلقا من شاحنة».
        // «سقوط مقذوفات من داخل الأراضي اليمنية على حي سكني»: from within is an origin too.
        let from_within = i >= 2 && W::FromWithin.has(prev) && W::From.has(cx.tok(i - 2));
        // «بالقرب من حلب», «قريبة من الرقة»: near, not from.
        let near_to = i >= 2 && W::NearTo.has(cx.tok(i - 2));
        if W::Origin.has(prev) || (W::From.has(prev) && after && d > 1 && !near_to) || from_within {
            continue;
        }
        if route_end(cx, i, n.key) {
            continue;
        }
        let Some(kind) = cx.best_kind(n) else {
            continue;
        };
        if held_abroad(cx, geo, n) {
            continue;
        }
        // A place told as the bearing of another («في ولاية لوغار جنوب كابول») is where the
        // other is, not where it happened: taken only when the other is out of reach.
        let country = kind == PlaceKind::Country;
        let bearing = if bearing_of_place(cx, i) { 8 } else { 0 };
        // …and its being a town does not make it more specific than the place told of.
        let kind = if bearing > 0 {
            PlaceKind::Country
        } else {
            kind
        };
        // Time zones are no places: «بتوقيت شرق الولايات المتحدة».
        if (i.saturating_sub(2)..i).any(|j| W::TimeZone.has(cx.tok(j))) {
            continue;
        }
        if of_speaker(cx, n.key) {
            continue;
        }
        // A name that is also an actor («العراق», «واشنطن») is a place only after a locative
        // («في العراق», «بالعراق»); so is a country, whose name is also its adjective
        // («خطفوا مواطنا كرواتيا … بالقاهرة»).
        if !actors.is_empty() || country {
            // «مطار كابل», «مدينة كابل», «العاصمة الأفغانية كابل»: a site or a town of it.
            let of_site = W::PlaceIntro.has(prev)
                || W::SiteOf.has(prev)
                || (i.saturating_sub(2)..i).any(|j| W::Capital.has(cx.tok(j)));
            let located = tok.starts_with(rasd_text::clitics::BA)
                || W::Locative.has(prev)
                || W::Direction.has(prev)
                || (i > 0 && W::Direction.has(cx.stem(i - 1)))
                || of_site;
            if !located {
                continue;
            }
        }
        // Distance penalty; places after the trigger are preferred, and so is the subject of
        // «تعرضت قاعدة حرير … لهجوم».
        let subject_of_passive =
            i > 0 && (W::Passive.has(cx.stem(i - 1)) || W::Passive.has(cx.tok(i - 1)));
        let score = bearing
            + if subject_of_passive {
                0
            } else {
                d + if after { 0 } else { 3 }
            };
        let better = best
            .as_ref()
            .is_none_or(|b| outranks(cx, geo, (score, kind, n), b, after));
        if better {
            best = Some((score, kind, n));
        }
    }
    let (_, _, n) = best?;
    resolved(cx, geo, n)
}

/// Does a place (its score, kind and name) outrank the best one so far? A more specific place
/// within reach, or a nearer one as specific, or a much nearer one.
fn outranks(
    cx: &Ctx,
    geo: &GeoContext,
    (score, kind, n): (usize, PlaceKind, &Name),
    (bs, bk, bn): &(usize, PlaceKind, &Name),
    after: bool,
) -> bool {
    // «بتسع ضربات جوية في سوريا أصابت مواقع بالقرب من حلب»: a town told a few words after a
    // country is where, in that country; further words off when it lies in it («الضربات
    // التي وجهت في سوريا أصابت وحدات تكتيكية ومواقع قتالية بالقرب من مدن حلب»).
    let in_it = || {
        let country = |x: &Name| resolved(cx, geo, x).and_then(|p| p.1.country);
        let c = country(bn);
        c.is_some() && c == country(n)
    };
    let reach = if *bk != PlaceKind::Country {
        4
    } else if after && in_it() {
        14
    } else {
        8
    };
    (kind < *bk && score <= bs + reach) || (score < *bs && kind <= *bk) || (score + 4 < *bs)
}

/// Is a place name held by the place told right after it («منطقة العلم بعدن») in another
/// country than the gazetteer's place of that name (Al-Alam of Iraq)? Then it is a place the
/// gazetteer does not know, in the holder.
fn held_abroad(cx: &Ctx, geo: &GeoContext, n: &Name) -> bool {
    let j = cx.tok_from(n.key.end);
    let Some(t) = cx.f.a.tokens.get(j) else {
        return false;
    };
    // Right after it, with nothing between: not «بمدينة القدس، بحجة إلقاء الحجارة».
    let gap = cx.f.a.key.text.get(n.key.end..t.key.start).unwrap_or(",");
    if !cx.tok(j).starts_with('ب') || gap.chars().any(|c| !c.is_whitespace()) {
        return false;
    }
    let country = |x: &Name| geo::choose(cx, geo, x).map(|p| p.country.clone());
    let Some(here) = country(n) else {
        return false;
    };
    cx.f.names_in(t.key).any(|h| {
        h.key.start >= t.key.start
            && matches!(&h.kind, NameKind::Known { places, .. } if !places.is_empty())
            && country(h).is_some_and(|c| c != here)
    })
}

/// Is a place told of another event than the word's: in the other part of a sentence that
/// joins two events («قتلوا في غارة على خور المكسر في وسط عدن، بينما تستمر المعارك حول حيي
/// دار سعد»), or in the motive told after the word («أمطرت الفصائل البلدات بالقذائف ردا على
/// تعرض بلدة الزبداني لهجوم»)?
fn of_another_event(cx: &Ctx, h: &LexHit, key: Span, ss: Span) -> bool {
    let i = cx.tok_at(key.start);
    let motive =
        key.start >= h.key.end && (cx.tok_from(h.key.end)..i).any(|j| super::motive_word(cx, j));
    motive || of_other_part(cx, h, key, ss)
}

/// Is the place at `key` in the other part of a sentence that tells two events, joined by
/// «بينما», «فيما», «في حين», with an event word of its own there?
fn of_other_part(cx: &Ctx, h: &LexHit, key: Span, ss: Span) -> bool {
    let before = key.end <= h.key.start;
    let (lo, hi) = if before { (key, h.key) } else { (h.key, key) };
    let Some(c) = cx.first_word_after_waw(W::Contrast, cx.tok_from(lo.end), cx.tok_at(hi.start))
    else {
        return false;
    };
    let Some(ct) = cx.f.a.tokens.get(c) else {
        return false;
    };
    let part = if before {
        Span::new(ss.start, ct.key.start)
    } else {
        Span::new(ct.key.end, ss.end)
    };
    cx.f.lex_in(Class::Trigger, part)
        .any(|t| t.key != h.key && t.key.start < part.end && t.key.end > part.start)
}

/// A place name resolved to the gazetteer's place it names here, with its location.
fn resolved(cx: &Ctx, geo: &GeoContext, n: &Name) -> Option<(Span, Location, PlaceKind)> {
    let p = geo::choose(cx, geo, n)?;
    // «بريف حمص الشرقي»: the countryside of a town is its governorate, less the town.
    let i = cx.tok_at(n.key.start);
    let countryside = i > 0
        && W::Countryside.has(
            cx.tok(i - 1)
                .trim_start_matches(rasd_text::clitics::CONJUNCTIONS_BA),
        );
    if countryside && p.kind < PlaceKind::Admin1 {
        if let Some(a) = p.admin1.as_deref().and_then(|id| cx.kb.place(id)) {
            let mut l = geo::location_in(cx, geo, a, n.key);
            l.name = format!("{} {}", W::Countryside.lemma(), cx.written(n.key));
            return Some((n.key, l, a.kind));
        }
    }
    Some((n.key, geo::location_in(cx, geo, p, n.key), p.kind))
}

/// Is a place name where a speaker is or spoke rather than where it happened: «قالت مصادر
/// محلية في دير الزور», «في تصريح صحافي أدلى به في أنقرة», «أعلن مستشفى العودة», «بحسب
/// مستشفى ناصر»?
fn of_speaker(cx: &Ctx, key: Span) -> bool {
    let f = cx.f;
    let i = cx.tok_at(key.start);
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    // Where a source is.
    let source = W::In.has(prev)
        && f.names_in(cx.near(key, 1)).any(|s| {
            matches!(s.kind, NameKind::Source { .. })
                && s.key.end <= key.start
                && cx.dist(s.key, key) <= 1
        });
    // Where words were said.
    let said = W::In.has(prev) && (i.saturating_sub(5)..i).any(|j| W::Statement.has(cx.tok(j)));
    // Who speaks.
    let speaks = f.lex_in(Class::Cue, cx.near(key, 0)).any(|c| {
        c.key.end <= key.start
            && cx.dist(c.key, key) == 0
            && matches!(c.value.as_str(), "say" | "relay" | "per")
    });
    // Where the wounded are treated: «ومازالا يعالجان في إسرائيل», «نقل إلى مستشفى في …».
    let treated = (W::In.has(prev) || prev == "الي")
        && (i.saturating_sub(4)..i).any(|j| W::Treated.has(cx.tok(j)));
    // To whom it was said: «وقال لـ«الشرق الأوسط»», «صرح لـ"عكاظ"».
    let told_to = {
        let at = cx.orig(key).start;
        let before = cx
            .text
            .get(..at)
            .unwrap_or("")
            .trim_end_matches(['«', '"', '“', '\'', ' ']);
        (before.ends_with("لـ") || before.ends_with(" ل"))
            && f.lex_in(Class::Cue, Span::new(cx.sentence(key).start, key.start))
                .any(|c| matches!(c.value.as_str(), "say" | "relay"))
    };
    // «وقال المسؤول الصحي في عدن الخضر لصور إن …»: where a speaker named by his office is,
    // told right after a speech verb, even when his name follows.
    let office = W::In.has(prev)
        && (i.saturating_sub(4)..i.saturating_sub(1)).any(|j| {
            let w = rasd_text::clitics::strip_article(cx.tok(j));
            (W::HeadOfficial.starts(w) || W::HeadSource.starts(w) || W::HeadSpokesman.starts(w))
                && f.lex_in(Class::Cue, cx.near(cx.f.a.tokens[j].key, 0))
                    .any(|c| {
                        c.key.end <= cx.f.a.tokens[j].key.start
                            && cx.dist(c.key, cx.f.a.tokens[j].key) <= 1
                            && matches!(c.value.as_str(), "say" | "relay")
                    })
        });
    // «وكيل جامعة حفر الباطن»: the place names a speaker's institution.
    // «رئيس هيئة مدينة الرياض»: the seat of a body named in a title.
    let affiliation =
        i >= 1 && (W::FacilityHead.has(prev) || W::OfficeBody.has(prev)) && of_a_title(cx, i - 1);
    // «أدانت رابطة العالم الإسلامي بمكة المكرمة الهجوم الذي …»: the seat of the subject of a
    // speech or condemnation verb, told before what it speaks of, is where it speaks.
    let seat = {
        let written = cx.written(key);
        let own_ba = cx.tok(i).starts_with('ب') && !written.starts_with('ب');
        (own_ba || W::In.has(prev))
            && f.lex_in(Class::Cue, cx.near(key, 6)).any(|c| {
                c.key.end <= key.start
                    && cx.dist(c.key, key) <= 6
                    && c.value == "say"
                    && cx.sentence(c.key) == cx.sentence(key)
                    && f.lex_in(Class::Trigger, Span::new(c.key.end, key.start))
                        .next()
                        .is_none()
                    // «وأضاف البيان أن القوات نفذت في العراق …»: what is said is no seat.
                    && !(cx.tok_from(c.key.end)..i).any(|j| W::That.has(cx.tok(j)))
            })
    };
    source || said || speaks || treated || told_to || office || affiliation || seat
}

/// Is a place name `d` tokens from the word too far to be its place? Places further than 14
/// tokens are, or 22 for a position at sea, the place the sentence opens with or, when
/// `clause`, a place in the word's own relative clause; an event
/// word that refers back to a known event takes only a place told just after it, in its own
/// relative clause, or the place its sentence opens with.
fn too_far(cx: &Ctx, trig: Span, key: Span, d: usize, anaphoric: bool, clause: bool) -> bool {
    let i = cx.tok_at(key.start);
    let after = key.start >= trig.end;
    // «الاعتداء الإرهابي الذي … أوقع الثلاثاء 32 قتيلا في سروج»: a known event's own
    // relative clause tells where it happened.
    let own_clause = after && {
        let t = cx.tok_from(trig.end);
        (t..t + 3).any(|j| W::Relative.has(cx.tok(j)))
    };
    let anaphoric = anaphoric && !own_clause;
    // «على بعد نحو 15 ميلا بحريا غرب مدينة المخا»: a position at sea, told far from the word.
    let at_sea = after
        && (i.saturating_sub(3)..i).any(|j| {
            let w = cx.tok(j);
            W::AtSea.has(w) || W::AtSeaPrefix.has(w)
        });
    // The place a sentence opens with is where what it tells happened, however long the
    // sentence, and the fighting it names as known is fought there too: «وفي تعز، تجددت
    // المواجهات», «أما في شبوة، التي احتدمت فيها المواجهات».
    let opens = !after && opens_sentence(cx, key);
    // The word's own relative clause reaches as far, when asked (`clause`).
    let limit = if at_sea || opens || (clause && own_clause) {
        22
    } else {
        14
    };
    d > limit || (anaphoric && if after { d > 8 } else { !opens })
}

/// The place a round-up's paragraph is at: a sentence at most three before, in the same
/// paragraph, opened with it («وفي مدينة تعز سقط عشرات القتلى. وهزت انفجارات المدينة جراء
/// قصف…»), and no sentence between opened with another.
pub(super) fn topic_place(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    sent: usize,
) -> Option<(Span, Location, PlaceKind)> {
    let sentences = &cx.f.a.sentences;
    let at = cx.orig(h.key).start;
    for k in (sent.saturating_sub(3).max(cx.story_start(sent))..sent).rev() {
        let s = *sentences.get(k)?;
        let between = cx.text.get(cx.orig(s).end..at).unwrap_or("\n");
        if between.contains('\n') {
            return None;
        }
        let Some(n) = cx.f.names_in(s).find(|n| {
            matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
                && opens_sentence(cx, n.key)
        }) else {
            continue;
        };
        return resolved(cx, geo, n);
    }
    None
}

/// The town, governorate or facility a word names as known («وسط قصف جوي على البلدة»,
/// «الاشتباكات العنيفة … في المدينة», «في نفس المنطقة», «باقتحام القاعدة»): the latest town
/// (governorate, facility) named before the word, in its sentence or the three before.
pub(super) fn the_town(
    cx: &Ctx,
    geo: &GeoContext,
    h: &LexHit,
    ss: Span,
    sent: usize,
) -> Option<(Span, Location, PlaceKind)> {
    let i = cx.tok_at(h.key.start);
    let (lo, hi) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    let wanted = (i.saturating_sub(3).max(lo)..(i + 20).min(hi)).find_map(|j| {
        let t = cx.tok(j);
        let bare = t.trim_start_matches(['ب', 'ل', 'و']);
        // «في نفس المنطقة», «في المنطقة ذاتها»: the place just named.
        let same_before = j > lo && W::SameAs.has(cx.tok(j - 1));
        let same = same_before || (j + 1 < hi && W::SameAfter.has(cx.tok(j + 1)));
        let located = t.len() > bare.len()
            || (j > lo && W::Locative.has(cx.tok(j - 1)))
            || (same_before && j > lo + 1 && W::Locative.has(cx.tok(j - 2)));
        let kind = if W::TheTown.has(bare) || (same && W::TheArea.has(bare)) {
            PlaceKind::Locality
        } else if W::TheGovernorate.has(bare) {
            PlaceKind::Admin1
        } else if W::TheFacility.has(bare) {
            PlaceKind::Facility
        } else {
            return None;
        };
        // «في المدينة» alone, not «في المدينة المنورة» or a name after it.
        let named_after = cx.f.a.tokens.get(j + 1).is_some_and(|nt| {
            cx.f.names_in(nt.key)
                .any(|n| n.key.start == nt.key.start && matches!(n.kind, NameKind::Known { .. }))
        });
        // «باقتحام القاعدة»: a facility is also the object of the word just before it.
        let object = kind == PlaceKind::Facility && j == i + 1;
        ((located || object) && !named_after).then_some(kind)
    })?;
    let first =
        cx.f.a
            .sentences
            .get(sent.saturating_sub(3))
            .map_or(ss.start, |s| s.start);
    let n =
        cx.f.names_in(Span::new(first, h.key.start))
            .filter(|n| {
                matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
                    && cx.best_kind(n) == Some(wanted)
            })
            .last()?;
    resolved(cx, geo, n)
}

/// Is the place name at `key` the place its sentence opens with («وفي تعز،», «أما في شبوة،»,
/// «وفي مدينة مقبنة»)?
pub(super) fn opens_sentence(cx: &Ctx, key: Span) -> bool {
    let i = cx.tok_at(key.start);
    let s0 = cx.tok_from(cx.sentence(key).start);
    i > s0 && i <= s0 + 4 && (s0..i).all(|j| W::OpensPlace.has(cx.tok(j)))
}

/// Is the place name at token `i` a reference point, the bearing of a place named just
/// before: «لوغار جنوب كابول», «بلدة الصالحية شمال شرقي دمشق»?
/// «كانت تنقل سجينين من محافظة الوادي الجديد إلى القاهرة»: is the place name at token `i`
/// (key span `key`) an end of a route, where it led or where it started from, rather than
/// where something happened?
fn route_end(cx: &Ctx, i: usize, key: Span) -> bool {
    let prev = if i > 0 { cx.tok(i - 1) } else { "" };
    let name_end = cx.tok_from(key.end);
    (W::RouteTo.has(prev) && route_from(cx, i))
        || (W::From.has(prev) && (name_end..name_end + 3).any(|j| W::RouteTo.has(cx.tok(j))))
}

/// Is a place named after «من» a few words before token `i` (the start of a route)?
fn route_from(cx: &Ctx, i: usize) -> bool {
    let toks = &cx.f.a.tokens;
    (i.saturating_sub(8)..i.saturating_sub(1)).any(|j| {
        let (Some(a), Some(b)) = (toks.get(j + 1), toks.get((j + 3).min(i - 1))) else {
            return false;
        };
        W::From.has(cx.tok(j))
            && cx.f.names_in(Span::new(a.key.start, b.key.end)).any(|n| {
                n.key.start <= toks.get(j + 2).map_or(a.key.start, |t| t.key.start)
                    && matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
            })
    })
}

fn bearing_of_place(cx: &Ctx, i: usize) -> bool {
    containing_place(cx, i) || bearing_after_place(cx, i)
}

/// Is the place name at token `i` the unit that holds a place named just before it: «بمدينة
/// سجنان من ولاية بنزرت», «قرية X بمحافظة Y»?
fn containing_place(cx: &Ctx, i: usize) -> bool {
    let unit = |t: &str| W::AdminUnit.has(t.trim_start_matches('ب'));
    // The unit word is the name's first word, or the word before it.
    let mut j = i;
    if !unit(cx.tok(i)) {
        if j == 0 || !unit(cx.tok(j - 1)) {
            return false;
        }
        j -= 1;
    }
    if j > 0 && (cx.tok(j - 1) == "من" || W::In.has(cx.tok(j - 1))) {
        j -= 1;
    }
    let Some(last) = (j > 0).then(|| cx.f.a.tokens.get(j - 1)).flatten() else {
        return false;
    };
    cx.f.names_in(last.key).any(|n| {
        n.key.end == last.key.end
            && matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
    })
}

/// Is the place name at token `i` the bearing of a place named before it («لوغار جنوب كابول»)?
fn bearing_after_place(cx: &Ctx, i: usize) -> bool {
    let mut j = i;
    while j > 0 && j + 3 > i && W::Direction.has(cx.tok(j - 1)) {
        j -= 1;
    }
    if j == i || j == 0 {
        return false;
    }
    // «مقبنة بمديرية شمير في شمال غربي تعز»: the place told of, a district, «في», the bearing.
    let told_with_in = W::In.has(cx.tok(j - 1));
    if told_with_in {
        j -= 1;
        if j == 0 {
            return false;
        }
    }
    let toks = &cx.f.a.tokens;
    let (Some(first), Some(last)) = (toks.get(j.saturating_sub(5)), toks.get(j - 1)) else {
        return false;
    };
    let b = Span::new(first.key.start, last.key.end);
    {
        cx.f.names_in(b).any(|n| {
            (told_with_in || n.key.end == b.end)
                && matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
        })
    }
}

/// Is the place name at `key` the reference point of a distance, «على بعد» and a direction word
/// (and «العاصمة») before it: «مدينة فيستيراس الواقعة على بعد نحو ساعة غربي العاصمة ستوكهولم»?
pub fn reference_point(cx: &Ctx, key: Span) -> bool {
    let i = cx.tok_at(key.start);
    let mut j = i;
    while j > 0 && i - j < 3 && W::Capital.has(cx.tok(j - 1)) {
        j -= 1;
    }
    let bearing = j > 0 && (W::Direction.has(cx.tok(j - 1)) || W::Direction.has(cx.stem(j - 1)));
    bearing
        && (j.saturating_sub(8)..j.saturating_sub(1))
            .any(|k| W::On.has(cx.tok(k)) && W::Distance.has(cx.tok(k + 1)))
}

/// «تفجير مسجد الإمام الصادق», «هجوم على فندق ريو إمبريال», «كمين في بلدة باتيكول»: the named
/// building or settlement where an event happened, told near its word, that the gazetteer does
/// not know: its name as written (a building's with its noun, a settlement's without), and
/// whether it is a building. Only a name of its own counts: «مسجدا», «المسجد», «بلدة» alone
/// are none.
pub fn named_site(cx: &Ctx, d: &super::Draft) -> Option<(String, bool)> {
    let mut told: Vec<&super::Mention> = d
        .mentions
        .iter()
        .filter(|m| !m.headline && m.kind.violent())
        .collect();
    told.sort_by_key(|m| (m.support, m.trig.start));
    // The words that report the event first, then those that refer to it.
    told.into_iter().find_map(|m| site_near(cx, m))
}

/// The named building or settlement near one word of an event (see [`named_site`]).
fn site_near(cx: &Ctx, m: &super::Mention) -> Option<(String, bool)> {
    let ss = super::build::clause(cx, m.trig, cx.sentence(m.trig));
    let (lo, hi) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
    let t = cx.tok_at(m.trig.start);
    // «مسجد», «بمسجد», «ومسجد» (but «فندق» is no «ف» + «ندق»).
    let head = |j: usize, list: W| {
        let w = cx.tok(j);
        list.has(w)
            || w.strip_prefix(rasd_text::clitics::CONJUNCTIONS_BA)
                .is_some_and(|r| list.has(r))
    };
    // The nearest head after the word, within ten words; else the nearest before it, within
    // four («المصابين في مستشفى عسير جراء الاعتداء في مسجد قوات الطوارئ» is the mosque), or
    // the subject of a passive verb of being hit.
    // The subject of «تعرضت قرية السلامية التي … إلى قصف» is the place hit, further back.
    let passive = (t.saturating_sub(10).max(lo)..t)
        .find(|&j| W::Passive.has(cx.stem(j)) || W::Passive.has(cx.tok(j)))
        .map(|j| j + 1);
    let back = passive
        .unwrap_or(t.saturating_sub(4))
        .min(t.saturating_sub(4));
    let mut heads: Vec<(usize, bool)> = (back.max(lo)..(t + 11).min(hi))
        .filter(|&j| j + 4 >= t || Some(j) == passive)
        .filter_map(|j| {
            // «وكيل جامعة حفر الباطن»: a speaker's institution, not a building hit.
            if of_a_title(cx, j) {
                None
            } else if head(j, W::FacilityHead) {
                Some((j, true))
            } else {
                head(j, W::SettlementHead).then_some((j, false))
            }
        })
        .collect();
    heads.sort_by_key(|&(j, _)| (j < t, j.abs_diff(t)));
    heads.into_iter().find_map(|(j, building)| {
        let end = name_chain(cx, j, hi)?;
        let first = if building { j } else { j + 1 };
        let toks = &cx.f.a.tokens;
        // A settlement the gazetteer knows was placed, or left out, by the rules of places.
        let at = toks[j + 1].key.start;
        let known = cx.f.names.iter().any(|n| {
            n.key.start <= at
                && at < n.key.end
                && matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
        });
        (building || !known).then(|| {
            let mut words: Vec<String> = (first..=end).map(|k| cx.written(toks[k].key)).collect();
            // «بمسجد الإمام الصادق»: the building's noun without its preposition.
            if building && !W::FacilityHead.has(cx.tok(j)) {
                if let Some(w) = words.first_mut() {
                    *w = w.chars().skip(1).collect();
                }
            }
            (words.join(" "), building)
        })
    })
}

/// The last token of the name that follows the noun at token `j` (before token `hi`), if any:
/// up to three words, joined by spaces or quotes, that are no function word, number, date or
/// event word; a definite word ends the chain of nouns (only its adjectives may follow: «مسجد
/// المعسكر صلاة الظهر» is the camp's mosque), and so do a known place after the first word
/// and a word with a preposition («قرية دوما بالضفة الغربية»).
fn name_chain(cx: &Ctx, j: usize, hi: usize) -> Option<usize> {
    let toks = &cx.f.a.tokens;
    let joined = |k: usize| {
        toks.get(k - 1)
            .zip(toks.get(k))
            .and_then(|(p, q)| cx.f.a.key.text.get(p.key.end..q.key.start))
            .is_some_and(|g| {
                g.chars()
                    .all(|c| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '(' | ')'))
            })
    };
    let definite = |w: &str| rasd_text::clitics::starts_with_article(w);
    let mut end = j;
    for (k, tk) in toks.iter().enumerate().take((j + 4).min(hi)).skip(j + 1) {
        let w = cx.tok(k);
        let prepositional = w.len() > 6 && W::DefinitePrefix.starts(w) && !definite(w);
        // «حي سكني», «مسجد شيعي», «سوسة التونسية»: an adjective is no name; «ميلووكي تعرض»:
        // nor is a verb after the name's first word.
        let adjective = (!definite(w) && (w.ends_with('ي') || w.ends_with("يه")))
            || cx
                .f
                .lex_in(crate::lexicon::Class::Nisba, tk.key)
                .next()
                .is_some();
        // «منطقة يرتادها السياح»: a present verb with an object pronoun is no name either.
        let present = !definite(w) && (w.starts_with('ي') || w.starts_with('ت'));
        let verb = present
            && (k > j + 1
                || (w.chars().count() > 4 && ["ها", "هم", "هما"].iter().any(|p| w.ends_with(p))));
        if !joined(k)
            || w.chars().count() < 3
            || adjective
            || verb
            || W::Direction.has(w)
            || W::PlaceIntro.has(w)
            || W::SettlementHead.has(w)
            || W::FacilityStop.has(w)
            || w.starts_with(rasd_text::clitics::WAW)
            || prepositional
            || w.chars().any(|c| c.is_ascii_digit())
            || cx
                .f
                .lex_in(crate::lexicon::Class::Trigger, tk.key)
                .next()
                .is_some()
            // «تشاتانوغا الخميس الماضي»: a date that begins at the word ends the name.
            || cx
                .f
                .dates_in(Span::new(tk.key.start, cx.f.a.key.text.len()))
                .next()
                .is_some_and(|(_, d)| d.key.start == tk.key.start)
        {
            break;
        }
        let place = cx.f.names.iter().any(|n| {
            n.key.start == tk.key.start
                && matches!(&n.kind, NameKind::Known { places, .. } if !places.is_empty())
        });
        if (place && k > j + 1) || (definite(cx.tok(end)) && !definite(w)) {
            break;
        }
        end = k;
    }
    (end > j).then_some(end)
}

/// «اقتتال داخل معسكرين في غرب العاصمة وجنوبها»: the capital, named by «العاصمة» alone in the
/// sentence of one of the event's words, is the capital of the country the article is about (the
/// town the gazetteer calls «العاصمة» with that country's adjective).
pub fn bare_capital(cx: &Ctx, d: &super::Draft, country: &str) -> Option<Location> {
    let named_alone = d.mentions.iter().filter(|m| !m.headline).any(|m| {
        let ss = cx.sentence(m.trig);
        let (lo, hi) = (cx.tok_from(ss.start), cx.tok_from(ss.end));
        (lo..hi).any(|j| {
            let w = cx.tok(j);
            let bare = w
                .strip_prefix(rasd_text::clitics::CONJUNCTIONS_BA)
                .unwrap_or(w);
            // «العاصمة» itself, not «العاصمة صنعاء», «العاصمة اليمنية» (names of their own),
            // nor the capital of another subject («عاصمة المحافظة»).
            let toks = &cx.f.a.tokens;
            let (Some(t), next) = (toks.get(j), toks.get(j + 1)) else {
                return false;
            };
            let around = Span::new(t.key.start, next.map_or(t.key.end, |n| n.key.end));
            (W::Capital.has(w) || W::Capital.has(bare))
                && rasd_text::clitics::starts_with_article(bare)
                && cx.f.names_in(around).next().is_none()
                && cx.f.lex_in(Class::Nisba, around).next().is_none()
        })
    });
    if !named_alone {
        return None;
    }
    let capital = cx.kb.places.iter().find(|p| {
        p.country == country
            && p.kind == PlaceKind::Locality
            && p.aliases_ar.iter().any(|a| {
                let k = rasd_text::match_key_str(a);
                let mut w = k.split(' ');
                w.next().is_some_and(|x| W::Capital.has(x))
                    && w.next().is_some_and(|x| x.ends_with("يه"))
                    && w.next().is_none()
            })
    })?;
    let i = d.mentions.iter().find(|m| !m.headline)?;
    let mut l = geo::location(cx, capital, i.trig);
    l.name = capital.name_ar.clone();
    Some(l)
}
