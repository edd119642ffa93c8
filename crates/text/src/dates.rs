//! Dates: explicit, relative and calendar expressions, resolved against the publication date.
//!
//! [`find`] reads the tokens of an [`Analyzed`] text (match keys: «أكتوبر» is «اكتوبر»,
//! «تشرين الأول» is «تشرين الاول») and returns every date expression with its span and its
//! resolved value. The forms, and how they resolve:
//!
//! * **Days**: «28 يناير 2024», «السابع من أكتوبر 2023», «23 أكتوبر/تشرين الأول»,
//!   «السابع من تشرين الأول/ أكتوبر 2023», «27-أكتوبر-2023», «27/10/2023», «2023-10-27»,
//!   «27.10.2023». Both month-naming systems (and the Maghreb names) are known, alone or
//!   combined with «/», «-» or brackets. Without a year the day is the latest such date on or
//!   before publication (`relative`); «7 أكتوبر الماضي» is strictly before it, «المقبل» after.
//! * **Months**: «يوليو 2009», «أكتوبر من عام 2023»; without a year («في يناير», «شهر
//!   رمضان», «أكتوبر الماضي») the latest such month on or before publication. A month without
//!   day or year needs a word before it («في», «شهر», «منذ», «خلال», «حتى», «مطلع»…) or after it
//!   («الماضي», «الجاري»), so that «حرب أكتوبر» or the verb «مارس» are not dates; names that are
//!   also common words («آب», «صفر», «رجب», «شعبان», «محرم») need «شهر» or a day or a year.
//! * **Years**: «عام 2021», «سنة 2021», «2023م», «في 2022»; «العام الماضي» (relative).
//! * **Parts of a period**: «مطلع/بداية/أوائل/مستهل», «منتصف/أواسط», «أواخر/نهاية/ختام» before a
//!   month or a year keep the precision of that period (month or year) and narrow `range`: a
//!   month to days 1–10, 11–20, 21–end, a year to January–April, May–August,
//!   September–December.
//! * **Seasons**: «صيف 2022» is value `2022`, precision Season, range June–August; spring is
//!   March–May, autumn September–November, and «شتاء 2022» is December 2021–February 2022 (the
//!   winter whose bulk lies in 2022). «الصيف الماضي» is the latest season that ended before
//!   publication. «الربيع العربي» is not a date.
//! * **Hijri**: «15 رمضان 1445 هـ» (day), «رمضان 1445» (month), «1445 هـ» (year), converted with
//!   the tabular Islamic calendar (the arithmetic one of Calendrical Calculations; the
//!   observed calendar may differ by a day or two). A Hijri month or year never lines up with
//!   a Gregorian one, so `range` gives its exact first and last Gregorian days, and `value` is
//!   the Gregorian month (or year) that holds its middle. Without a year, the latest such
//!   month (or day) on or before publication. A Hijri day in figures needs its «هـ»
//!   («15 / 10 / 1436 هـ»). A weekday told with a Hijri day («يوم الخميس الموافق 21 / 10 /
//!   1436هـ») moves it by the one day the observed calendar may differ from the tabular one.
//! * **Weekdays**: «الأحد» … «السبت», with «يوم», «مساء», «صباح», «فجر», «ظهر», «ليل»,
//!   «ليلة» before them: the latest such day on or before publication (a Saturday paper's
//!   «السبت» is that day); «السبت الماضي» is strictly before (7 days back on a Saturday);
//!   «المقبل»/«القادم» strictly after. «ليل الجمعة السبت» is the night between: value the
//!   second day, range both days. A weekday next to an explicit date («الاثنين 23 أكتوبر»)
//!   makes one mention with the date's value.
//! * **Relative words**: «اليوم», «هذا اليوم», «صباح/مساء/فجر اليوم», «الليلة»: publication
//!   day; «أمس», «البارحة», «ليلة أمس», «مساء أمس», «الليلة الماضية»: the day before; «الليلة
//!   قبل الماضية»: two days before; «أول
//!   أمس», «أول من أمس», «أمس الأول»: two days before; «غدا» the day after. «قبل يومين»,
//!   «قبل ثلاثة أيام», «قبل أسبوع» (day), «قبل شهر» (month), «قبل عامين» (year).
//!   «الشهر الماضي/الجاري/المقبل» (month), «العام الماضي/الجاري/المقبل» (year).
//! * **Ranges with no single value** («الأسبوع الماضي»: the seven days before publication;
//!   «هذا الأسبوع»: the seven days up to publication; «خلال الـ 24 ساعة الماضية»: publication
//!   day and the day before): precision Unknown, `value` empty, `range` set.
//! * **«منذ»** before any of these («منذ الأربعاء», «منذ 7 أكتوبر», «منذ صيف 2022», «منذ
//!   ثلاثة أيام») sets `since`; when the start is a day, `range` runs from it to publication.
//!   «منذ بدء الحرب» has no date and is skipped.
//!
//! Without a publication date, expressions that need it are still found, with `relative` set,
//! `value` empty, precision Unknown and no range.
use std::sync::OnceLock;

use rasd_model::{DatePrecision, IsoDate, Span};

use crate::numbers::{digits_of, FastMap, FastSet, View, Words};
use crate::Analyzed;

/// A date expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Span in the match key.
    pub key: Span,
    /// Span in the original text.
    pub orig: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` at the given precision.
    pub value: String,
    /// Precision of `value`.
    pub precision: DatePrecision,
    /// For ranges («منذ الأربعاء», «الأسبوع الماضي»): first and last day.
    pub range: Option<(IsoDate, IsoDate)>,
    /// True when resolved against the publication date (weekday, «أمس», «اليوم»…).
    pub relative: bool,
    /// True for «منذ …»: the date starts a period that runs to publication.
    pub since: bool,
}

// ------------------------------------------------------------------------------------------
// Calendars.

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cal {
    /// Gregorian (either naming system).
    Gregorian,
    /// Hijri.
    Hijri,
}

/// R.D. (days from 0001-01-01 = 1) of 1 Muharram AH 1 in the civil tabular calendar.
const ISLAMIC_EPOCH_RD: i64 = 227_015;
/// R.D. of 1970-01-01.
const UNIX_EPOCH_RD: i64 = 719_163;

/// Days since 1970-01-01 of a Hijri date (tabular calendar).
fn hijri_to_days(y: i64, m: u32, d: u32) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    ISLAMIC_EPOCH_RD - 1 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 29 * (m - 1) + m / 2 + d
        - UNIX_EPOCH_RD
}

fn hijri_leap(y: i64) -> bool {
    (14 + 11 * y).rem_euclid(30) < 11
}

fn hijri_month_len(y: i64, m: u32) -> u32 {
    if m % 2 == 1 || (m == 12 && hijri_leap(y)) {
        30
    } else {
        29
    }
}

/// The Hijri (year, month) of a day.
fn hijri_of(days: i64) -> (i64, u32) {
    let rd = days + UNIX_EPOCH_RD;
    let mut y = (30 * (rd - ISLAMIC_EPOCH_RD) + 10_646).div_euclid(10_631);
    if hijri_to_days(y, 1, 1) > days {
        y -= 1;
    }
    let m = (1..=12)
        .rev()
        .find(|&m| hijri_to_days(y, m, 1) <= days)
        .unwrap_or(1);
    (y, m)
}

/// First and last Gregorian day of a Hijri month.
fn hijri_month_range(y: i64, m: u32) -> (IsoDate, IsoDate) {
    let start = hijri_to_days(y, m, 1);
    (
        IsoDate::from_days(start),
        IsoDate::from_days(start + i64::from(hijri_month_len(y, m)) - 1),
    )
}

/// Number of days in a Gregorian month (0 for a bad month).
fn days_in_month(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| IsoDate::from_ymd(y, m, d).is_some())
        .unwrap_or(0)
}

/// First and last day of a Gregorian month.
fn month_range(y: i32, m: u32) -> Option<(IsoDate, IsoDate)> {
    Some((
        IsoDate::from_ymd(y, m, 1)?,
        IsoDate::from_ymd(y, m, days_in_month(y, m))?,
    ))
}

fn year_range(y: i32) -> Option<(IsoDate, IsoDate)> {
    Some((IsoDate::from_ymd(y, 1, 1)?, IsoDate::from_ymd(y, 12, 31)?))
}

// ------------------------------------------------------------------------------------------
// Lexicon (match-key spelling).

/// Gregorian month names of one word, in both naming systems and the Maghreb's.
const GREG1: &[(u32, &str)] = &[
    (1, "يناير جانفي"),
    (2, "فبراير فيفري شباط"),
    (3, "مارس اذار"),
    (4, "ابريل افريل نيسان"),
    (5, "مايو ايار"),
    (6, "يونيو يونيه جوان حزيران"),
    (7, "يوليو يوليه جويليه يوليوز تموز"),
    (8, "اغسطس اوت غشت اب"),
    (9, "سبتمبر شتنبر ايلول"),
    (10, "اكتوبر"),
    (11, "نوفمبر نونبر"),
    (12, "ديسمبر دجنبر"),
];

/// Gregorian month names of two words.
const GREG2: &[(&str, &str, u32)] = &[
    ("كانون", "الثاني", 1),
    ("كانون", "ثاني", 1),
    ("تشرين", "الاول", 10),
    ("تشرين", "اول", 10),
    ("تشرين", "الثاني", 11),
    ("تشرين", "ثاني", 11),
    ("كانون", "الاول", 12),
    ("كانون", "اول", 12),
];

/// Hijri month names of one word.
const HIJRI1: &[(u32, &str)] = &[
    (1, "محرم"),
    (2, "صفر"),
    (7, "رجب"),
    (8, "شعبان"),
    (9, "رمضان"),
    (10, "شوال"),
];

/// Hijri month names of two words.
const HIJRI2: &[(&str, &str, u32)] = &[
    ("ربيع", "الاول", 3),
    ("ربيع", "الاخر", 4),
    ("ربيع", "الثاني", 4),
    ("جمادي", "الاولي", 5),
    ("جمادي", "الاول", 5),
    ("جمادي", "الاخره", 6),
    ("جمادي", "الاخر", 6),
    ("جمادي", "الثانيه", 6),
    ("جمادي", "الثاني", 6),
    ("ذو", "القعده", 11),
    ("ذي", "القعده", 11),
    ("ذو", "الحجه", 12),
    ("ذي", "الحجه", 12),
];

/// Month names that are also common words or person names: they need «شهر», a day or a year.
static AMBIGUOUS_STRONG: Words = Words::new("اب صفر رجب شعبان محرم");
/// Month names that are also words («مارس» practised, «رمضان» a name): they need a context word.
static AMBIGUOUS: Words = Words::new("مارس رمضان شوال اوت جوان");

/// Words before a month that make it a date without day or year.
static MONTH_CONTEXT: Words = Words::new("شهر في خلال منذ حتي مطلع منتصف اواخر اوايل بدايه نهايه اواسط مستهل ختام اخر قبل بعد طيله طوال الي من");

const WEEKDAYS: &[(&str, u32)] = &[
    ("الاثنين", 0),
    ("الثلاثاء", 1),
    ("الاربعاء", 2),
    ("الخميس", 3),
    ("الجمعه", 4),
    ("السبت", 5),
    ("الاحد", 6),
];

/// Time-of-day words before a day: «مساء الجمعة», «فجر اليوم», «يوم السبت».
static TIME_OF_DAY: Words =
    Words::new("يوم مساء صباح فجر ظهر عصر ليل ليله ظهيره ضحي صبيحه عشيه فجريوم ظهيرة");

static PAST: Words = Words::new("الماضي الماضيه المنصرم المنصرمه الفايت الفايته");
static NEXT: Words = Words::new("المقبل المقبله القادم القادمه");
static CURRENT: Words = Words::new("الجاري الحالي الحاليه الجاريه");

/// «اليوم» followed by these is not the publication day («اليوم التالي»).
static NOT_TODAY_AFTER: Words = Words::new("التالي السابق نفسه ذاته عينه الاول الثاني الثالث الاخير الذي العالمي الدولي الوطني الموعود المحدد التاسع الرابع الخامس السادس السابع الثامن العاشر");

/// Words for «year» before a year.
static YEAR_WORDS: Words = Words::new("عام العام سنه السنه");
/// Words for «year» (and «the years of») that start a year.
static YEAR_WORDS_DUAL: Words = Words::new("عام العام سنه السنه عامي");
/// «شهر» (month).
static SHAHR: Words = Words::new("شهر");
/// Season names.
static SEASONS: Words = Words::new("صيف الصيف شتاء الشتاء ربيع الربيع خريف الخريف");
/// Weekday names.
static WEEKDAY_NAMES: Words = Words::new("الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد");
/// Words that start a relative day.
static DAY_WORDS: Words = Words::new("اليوم امس البارحه الليله غدا غد اول بعد قبل هذا هذه");
/// Words that start a relative week, month or year.
static PERIOD_WORDS: Words = Words::new("الاسبوع الشهر العام السنه هذا هذه");
/// «خلال», «في»… before «الـ 24 ساعة الماضية».
static WITHIN: Words = Words::new("خلال في طيله طوال");
/// «منذ» (since).
static MUNDHU: Words = Words::new("منذ");

/// Proclitics that may stand before a date word («والسبت», «بأكتوبر», «لعام»).
const PRE: &[&str] = &["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"];

/// `w` is one of the words of a list.
fn in_list(list: &Words, w: &str) -> bool {
    list.has(w)
}

/// The word itself, then without a proclitic (keeping at least three letters), when it is in
/// `list`: (proclitic byte length, the word).
fn bare<'a>(w: &'a str, list: &Words) -> Option<(usize, &'a str)> {
    if in_list(list, w) {
        return Some((0, w));
    }
    PRE.iter().find_map(|p| {
        let rest = w.strip_prefix(p)?;
        (rest.chars().count() >= 3 && in_list(list, rest)).then_some((p.len(), rest))
    })
}

/// The match key of a date's words names a day of the week («يوم الخميس», «مساء الأحد»).
pub fn names_weekday(key: &str) -> bool {
    key.split_whitespace()
        .any(|w| bare(w, &WEEKDAY_NAMES).is_some())
}

/// Token `i` (through a proclitic) is one of `list`: returns the proclitic length.
fn word_in(v: &View, i: usize, list: &Words) -> Option<usize> {
    if i >= v.n() {
        return None;
    }
    bare(v.w(i), list).map(|(p, _)| p)
}

/// A month name at token `i`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MonthName {
    /// Calendar.
    pub(crate) cal: Cal,
    /// Month 1–12.
    pub(crate) month: u32,
    /// Token after the name.
    pub(crate) end: usize,
    /// Byte length of a proclitic before it.
    pub(crate) prefix: usize,
    /// The name is also a common word (needs context).
    pub(crate) ambiguous: u8,
}

/// One-word month names of both calendars.
fn month_names() -> &'static FastMap<&'static str, (Cal, u32)> {
    static MAP: OnceLock<FastMap<&'static str, (Cal, u32)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FastMap::default();
        for (cal, table) in [(Cal::Gregorian, GREG1), (Cal::Hijri, HIJRI1)] {
            for (month, names) in table {
                map.extend(names.split_whitespace().map(|n| (n, (cal, *month))));
            }
        }
        map
    })
}

/// First words of the two-word month names.
static TWO_WORD_HEADS: Words = Words::new("كانون تشرين ربيع جمادي ذو ذي");

/// A single month name (one or two tokens) at `i`.
fn month_simple(v: &View, i: usize) -> Option<MonthName> {
    if i >= v.n() {
        return None;
    }
    let w = v.w(i);
    let second = if v.joined(i + 1) { v.w(i + 1) } else { "" };
    let stripped = PRE.iter().filter_map(|p| {
        let rest = w.strip_prefix(p)?;
        (rest.chars().count() >= 3).then_some((p.len(), rest))
    });
    for (p, r) in std::iter::once((0, w)).chain(stripped) {
        if TWO_WORD_HEADS.has(r) {
            for (cal, two) in [(Cal::Gregorian, GREG2), (Cal::Hijri, HIJRI2)] {
                if let Some((_, _, m)) = two.iter().find(|(a, b, _)| *a == r && *b == second) {
                    return Some(MonthName {
                        cal,
                        month: *m,
                        end: i + 2,
                        prefix: p,
                        ambiguous: 0,
                    });
                }
            }
        }
        if let Some(&(cal, month)) = month_names().get(r) {
            let ambiguous = if AMBIGUOUS_STRONG.has(r) {
                2
            } else {
                u8::from(AMBIGUOUS.has(r))
            };
            return Some(MonthName {
                cal,
                month,
                end: i + 1,
                prefix: p,
                ambiguous,
            });
        }
    }
    None
}

/// A month name at `i`, with its other-system twin («أكتوبر/تشرين الأول», «تشرين الأول
/// (أكتوبر)»).
pub(crate) fn month_at(v: &View, i: usize) -> Option<MonthName> {
    let mut m = month_simple(v, i)?;
    if m.cal == Cal::Gregorian && matches!(v.sep(m.end), Some("/" | "-" | "(" | "،" | "," | "/("))
    {
        if let Some(twin) =
            month_simple(v, m.end).filter(|t| t.cal == Cal::Gregorian && t.month == m.month)
        {
            m.end = twin.end;
            m.ambiguous = 0;
        }
    }
    Some(m)
}

/// Ordinal day words (the masculine «اليوم» agrees with them).
const ORD_UNITS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
];

/// Every ordinal that can start a day.
static ORDINALS: Words = Words::new(
    "الاول الحادي الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر العشرين الثلاثين",
);

/// A day of the month at `i`: digits 1–31 or an ordinal («السابع», «الحادي والعشرين»).
/// Returns (day, next token, key start, written with digits).
fn day_at(v: &View, i: usize) -> Option<(u32, usize, usize, bool)> {
    if let Some(d) = digits_of(v, i) {
        let n = d.int()?;
        if d.era.is_some() || d.text.len() > 2 || !(1..=31).contains(&n) {
            return None;
        }
        return Some((u32::try_from(n).ok()?, i + 1, d.start, true));
    }
    let (p, w) = bare(v.w(i), &ORDINALS)?;
    let start = v.span(i).start + p;
    let unit = ORD_UNITS.iter().find(|(o, _)| *o == w).map(|(_, n)| *n);
    let Some(u) = unit else {
        return Some((if w == "العشرين" { 20 } else { 30 }, i + 1, start, false));
    };
    if w == "الحادي" && !v.joined(i + 1) {
        return None;
    }
    if v.joined(i + 1) {
        match v.w(i + 1) {
            "عشر" if u < 10 => return Some((10 + u, i + 2, start, false)),
            "والعشرين" | "والعشرون" if u < 10 => {
                return Some((20 + u, i + 2, start, false))
            }
            "والثلاثين" | "والثلاثون" if u == 1 => {
                return Some((31, i + 2, start, false))
            }
            _ => {}
        }
    }
    (w != "الحادي").then_some((u, i + 1, start, false))
}

/// A year after a month or a year word at `i`: «2023», «2023م», «1445 هـ», «عام 2023», «من عام
/// 2023». Returns (year, next token, Hijri era marked).
fn year_at(v: &View, i: usize, allow_word: bool) -> Option<(i64, usize, bool)> {
    let mut j = i;
    if allow_word {
        if v.w(j) == "من" && v.joined(j + 1) {
            j += 1;
        }
        if word_in(v, j, &YEAR_WORDS).is_some() && v.joined(j + 1) {
            j += 1;
        } else {
            j = i;
        }
    }
    let d = digits_of(v, j)?;
    if d.start != v.span(j).start && j != i {
        return None;
    }
    let y = d.int()?;
    if !(3..=4).contains(&d.text.len()) {
        return None;
    }
    let mut end = j + 1;
    let mut hijri = d.era == Some('ه');
    if d.era.is_none() && v.joined(end) {
        match v.w(end) {
            "ه" | "هجري" | "هجريه" => {
                hijri = true;
                end += 1;
            }
            "م" | "ميلادي" | "ميلاديه" => end += 1,
            _ => {}
        }
    }
    let y = i64::try_from(y).ok()?;
    let ok = if hijri {
        (1..=1600).contains(&y)
    } else {
        (1000..=2100).contains(&y)
    };
    ok.then_some((y, end, hijri))
}

// ------------------------------------------------------------------------------------------
// Resolved values.

/// What a core expression denotes, before prefixes and merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A day (explicit or relative).
    Day,
    /// A weekday (can pair with an explicit date or another weekday).
    Weekday,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A season.
    Season,
    /// A range with no single value.
    Range,
}

/// A resolved (or unresolvable) core expression.
#[derive(Debug, Clone)]
struct Res {
    value: String,
    precision: DatePrecision,
    range: Option<(IsoDate, IsoDate)>,
    /// The full period the value denotes (for narrowing by «مطلع»…).
    period: Option<(IsoDate, IsoDate)>,
    relative: bool,
    shape: Shape,
    /// For a day: the date.
    day: Option<IsoDate>,
}

impl Res {
    fn day(d: IsoDate, relative: bool, shape: Shape) -> Res {
        Res {
            value: d.to_string(),
            precision: DatePrecision::Day,
            range: None,
            period: Some((d, d)),
            relative,
            shape,
            day: Some(d),
        }
    }

    fn month(y: i32, m: u32, relative: bool) -> Option<Res> {
        Some(Res {
            value: format!("{y:04}-{m:02}"),
            precision: DatePrecision::Month,
            range: None,
            period: Some(month_range(y, m)?),
            relative,
            shape: Shape::Month,
            day: None,
        })
    }

    fn year(y: i32, relative: bool) -> Option<Res> {
        Some(Res {
            value: format!("{y:04}"),
            precision: DatePrecision::Year,
            range: None,
            period: Some(year_range(y)?),
            relative,
            shape: Shape::Year,
            day: None,
        })
    }

    /// A relative expression found without a publication date.
    fn unresolved(shape: Shape) -> Res {
        Res {
            value: String::new(),
            precision: DatePrecision::Unknown,
            range: None,
            period: None,
            relative: true,
            shape,
            day: None,
        }
    }

    fn range(first: IsoDate, last: IsoDate) -> Res {
        Res {
            value: String::new(),
            precision: DatePrecision::Unknown,
            range: Some((first, last)),
            period: Some((first, last)),
            relative: true,
            shape: Shape::Range,
            day: None,
        }
    }

    /// A Hijri month: value the Gregorian month of its middle, range its days.
    fn hijri_month(y: i64, m: u32, relative: bool) -> Res {
        let (a, b) = hijri_month_range(y, m);
        let mid = a.add_days(14);
        Res {
            value: format!("{:04}-{:02}", mid.year, mid.month),
            precision: DatePrecision::Month,
            range: Some((a, b)),
            period: Some((a, b)),
            relative,
            shape: Shape::Month,
            day: None,
        }
    }
}

fn month_of(y: i32, m: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + (m - 1);
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

// ------------------------------------------------------------------------------------------
// Core recognisers. Each returns the token after the expression and its value.

struct Cx<'a> {
    v: View<'a>,
    published: Option<IsoDate>,
}

/// Which way a trailing word points.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    None,
    Past,
    Next,
    Current,
}

impl Cx<'_> {
    fn tail(&self, j: usize) -> (Tail, usize) {
        // «7 يناير (كانون الثاني) الحالي»: the twin's closing bracket stands before the tail.
        if !self.v.joined(j) && self.v.sep(j) != Some(")") {
            return (Tail::None, j);
        }
        let w = self.v.w(j);
        if in_list(&PAST, w) {
            (Tail::Past, j + 1)
        } else if in_list(&NEXT, w) {
            (Tail::Next, j + 1)
        } else if in_list(&CURRENT, w) {
            (Tail::Current, j + 1)
        } else {
            (Tail::None, j)
        }
    }

    /// An explicit day: «28 يناير 2024», «السابع من أكتوبر», «15 رمضان 1445 هـ».
    fn explicit_day(&self, i: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let (day, mut k, start, digits) = day_at(v, i)?;
        if v.joined(k) && v.w(k) == "من" {
            k += 1;
        }
        let sep = v.sep(k)?;
        if !(sep.is_empty() || (digits && (sep == "-" || sep == "/"))) {
            return None;
        }
        let m = month_at(v, k)?;
        if m.prefix > 0 {
            return None;
        }
        let mut end = m.end;
        let year = if matches!(v.sep(end), Some("" | "-" | "/" | "," | ")")) {
            year_at(v, end, true)
        } else {
            None
        };
        let res = match (m.cal, year) {
            (Cal::Gregorian, Some((y, e, false))) => {
                end = e;
                Res::day(
                    IsoDate::from_ymd(i32::try_from(y).ok()?, m.month, day)?,
                    false,
                    Shape::Day,
                )
            }
            (Cal::Hijri, Some((y, e, _))) => {
                end = e;
                if day > hijri_month_len(y, m.month) {
                    return None;
                }
                Res::day(
                    IsoDate::from_days(hijri_to_days(y, m.month, day)),
                    false,
                    Shape::Day,
                )
            }
            (Cal::Gregorian, Some((_, _, true))) => return None,
            (cal, None) => {
                // «7 أكتوبر من العام الماضي».
                if let Some((e, r)) = self.relative_year_after(end) {
                    let y = r;
                    end = e;
                    let d = match cal {
                        Cal::Gregorian => IsoDate::from_ymd(y, m.month, day)?,
                        Cal::Hijri => return None,
                    };
                    Res::day(d, true, Shape::Day)
                } else {
                    let (tail, e) = self.tail(end);
                    end = e;
                    match self.published {
                        None => {
                            if cal == Cal::Gregorian && (day > days_in_month(2024, m.month)) {
                                return None;
                            }
                            Res::unresolved(Shape::Day)
                        }
                        Some(p) => {
                            Res::day(resolve_day(cal, m.month, day, p, tail)?, true, Shape::Day)
                        }
                    }
                }
            }
        };
        Some((start, end, res))
    }

    /// «من العام الماضي», «من هذا العام», «من العام الجاري» after a day and month: the year.
    fn relative_year_after(&self, j: usize) -> Option<(usize, i32)> {
        let v = &self.v;
        self.published?;
        if !(v.joined(j) && v.w(j) == "من") {
            return None;
        }
        let (end, res) = self.relative_period(j + 1)?;
        if res.shape != Shape::Year {
            return None;
        }
        Some((end, res.value.parse().ok()?))
    }

    /// A month with or without a year: «يوليو 2009», «في يناير», «أكتوبر الماضي».
    fn month(&self, i: usize, context: bool) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let m = month_at(v, i)?;
        // «شهر رمضان», «شهر أكتوبر»: the word «شهر» belongs to the expression.
        let shahr = (i > 0 && m.prefix == 0 && v.joined(i))
            .then(|| word_in(v, i - 1, &SHAHR))
            .flatten();
        let start = match shahr {
            Some(p) => v.span(i - 1).start + p,
            None => v.span(i).start + m.prefix,
        };
        let mut end = m.end;
        let year = if matches!(v.sep(end), Some("" | "-" | "/" | ")")) {
            year_at(v, end, true)
        } else {
            None
        };
        let res = match (m.cal, year) {
            (Cal::Gregorian, Some((y, e, false))) => {
                end = e;
                Res::month(i32::try_from(y).ok()?, m.month, false)?
            }
            (Cal::Hijri, Some((y, e, _))) => {
                end = e;
                Res::hijri_month(y, m.month, false)
            }
            (Cal::Gregorian, Some((_, _, true))) => return None,
            (cal, None) => {
                let (tail, e) = self.tail(end);
                let shahr = i > 0 && v.joined(i) && word_in(v, i - 1, &SHAHR).is_some();
                let ok = match m.ambiguous {
                    0 => context || tail != Tail::None,
                    1 => context,
                    _ => shahr,
                };
                if !ok {
                    return None;
                }
                end = e;
                match self.published {
                    None => Res::unresolved(Shape::Month),
                    Some(p) => resolve_month(cal, m.month, p, tail)?,
                }
            }
        };
        Some((start, end, res))
    }

    /// A year: «عام 2021», «سنة 2021», «2023م», «1445 هـ», «في 2022».
    fn year(&self, i: usize, context: bool) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let start_word = word_in(v, i, &YEAR_WORDS_DUAL);
        let (start, y, end, hijri) = if let Some(p) = start_word {
            if !v.joined(i + 1) {
                return None;
            }
            let (y, end, hijri) = year_at(v, i + 1, false)?;
            (v.span(i).start + p, y, end, hijri)
        } else {
            let d = digits_of(v, i)?;
            let (y, end, hijri) = year_at(v, i, false)?;
            let era = hijri || end > i + 1 || d.era.is_some();
            if !(era || (context && d.text.len() == 4 && (1900..=2100).contains(&y))) {
                return None;
            }
            (d.start, y, end, hijri)
        };
        let res = if hijri {
            let a = IsoDate::from_days(hijri_to_days(y, 1, 1));
            let b = IsoDate::from_days(hijri_to_days(y + 1, 1, 1) - 1);
            let mid = a.add_days(177);
            Res {
                value: format!("{:04}", mid.year),
                precision: DatePrecision::Year,
                range: Some((a, b)),
                period: Some((a, b)),
                relative: false,
                shape: Shape::Year,
                day: None,
            }
        } else {
            Res::year(i32::try_from(y).ok()?, false)?
        };
        Some((start, end, res))
    }

    /// A season: «صيف 2022», «صيف عام 2022», «الصيف الماضي».
    fn season(&self, i: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let (p, w) = bare(v.w(i), &SEASONS)?;
        let start = v.span(i).start + p;
        // The season's first month, counted from January of its year (0 = December before).
        let first_month: i64 = match w.trim_start_matches("ال") {
            "ربيع" => 3,
            "صيف" => 6,
            "خريف" => 9,
            _ => 0, // winter starts in December of the year before
        };
        let (y, end, relative) = if let Some((y, e, false)) =
            v.joined(i + 1).then(|| year_at(v, i + 1, true)).flatten()
        {
            (i32::try_from(y).ok()?, e, false)
        } else {
            let (tail, e) = self.tail(i + 1);
            let this = i > 0 && v.joined(i) && matches!(v.w(i - 1), "هذا" | "وهذا");
            if tail == Tail::None && !this {
                return None;
            }
            let Some(p) = self.published else {
                let start = if this { v.span(i - 1).start } else { start };
                return Some((start, e, Res::unresolved(Shape::Season)));
            };
            // The season of the publication year, then step by years.
            let season_of = |y: i32| {
                let (sy, sm) = month_of(y, first_month);
                let (ey, em) = month_of(sy, i64::from(sm) + 2);
                (
                    IsoDate::from_ymd(sy, sm, 1),
                    IsoDate::from_ymd(ey, em, days_in_month(ey, em)),
                )
            };
            let mut y = p.year + 1;
            match tail {
                Tail::Past => {
                    while season_of(y).1.is_some_and(|end| end >= p) {
                        y -= 1;
                    }
                }
                Tail::Next => {
                    y = p.year - 1;
                    while season_of(y).0.is_some_and(|s| s <= p) {
                        y += 1;
                    }
                }
                _ => {
                    while season_of(y).0.is_some_and(|s| s > p) {
                        y -= 1;
                    }
                }
            }
            let start = if this { v.span(i - 1).start } else { start };
            let res = season_res(y, first_month, true)?;
            return Some((start, e, res));
        };
        Some((start, end, season_res(y, first_month, relative)?))
    }

    /// A weekday: «السبت», «الأربعاء الماضي».
    fn weekday(&self, i: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let (p, w) = bare(v.w(i), &WEEKDAY_NAMES)?;
        let wd = WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)?;
        // «بين الاثنين», «كلا الاثنين»: the two.
        if wd == 0 && i > 0 && matches!(v.w(i - 1), "بين" | "كلا" | "هذين" | "هاذين")
        {
            return None;
        }
        let start = v.span(i).start + p;
        let (tail, end) = self.tail(i + 1);
        // «اعتبارا من مساء الأحد», «ابتداء من السبت»: what starts on the day is to come.
        let starting = (1..=3).any(|k| {
            i > k
                && v.w(i - k) == "من"
                && matches!(v.w(i - k - 1), "اعتبارا" | "ابتداء" | "بدءا" | "ابتداءا")
        });
        let res = match self.published {
            None => Res::unresolved(Shape::Weekday),
            Some(pd) => {
                let back = i64::from((pd.weekday() + 7 - wd) % 7);
                let d = match tail {
                    Tail::Past if back == 0 => pd.add_days(-7),
                    Tail::None if starting && back > 0 => pd.add_days(7 - back),
                    Tail::Next => pd.add_days(if back == 0 { 7 } else { 7 - back }),
                    _ => pd.add_days(-back),
                };
                Res::day(d, true, Shape::Weekday)
            }
        };
        Some((start, end, res))
    }

    /// Day words: «اليوم», «أمس», «أول أمس», «الليلة», «غدا», «قبل يومين».
    fn relative_day(&self, i: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        let w = v.w(i);
        let (p, b) = bare(w, &DAY_WORDS).or_else(|| (w == "امس").then_some((0, w)))?;
        let mut start = v.span(i).start + p;
        let next = if v.joined(i + 1) { v.w(i + 1) } else { "" };
        let (offset, end): (i64, usize) = match b {
            "اليوم" => {
                let prev = if i > 0 && v.joined(i) { v.w(i - 1) } else { "" };
                let numbered = next == "ال" || digits_of(v, i + 1).is_some();
                if numbered
                    || in_list(&NOT_TODAY_AFTER, next)
                    || matches!(prev, "ذلك" | "نفس" | "ذات" | "ذاك")
                {
                    return None;
                }
                if i > 1 && matches!(v.w(i - 2), "مثل") {
                    return None;
                }
                if matches!(prev, "هذا" | "وهذا") {
                    start = v.span(i - 1).start;
                }
                (0, i + 1)
            }
            "امس" if next == "الاول" => (-2, i + 2),
            "امس" | "البارحه" => (-1, i + 1),
            "الليله" => {
                let prev = if i > 0 && v.joined(i) { v.w(i - 1) } else { "" };
                if matches!(prev, "تلك" | "ذات" | "نفس")
                    || matches!(next, "التاليه" | "نفسها" | "ذاتها" | "الاولي")
                {
                    return None;
                }
                if matches!(prev, "هذه" | "وهذه") {
                    start = v.span(i - 1).start;
                }
                if in_list(&PAST, next) {
                    (-1, i + 2)
                } else if next == "قبل" && v.joined(i + 2) && in_list(&PAST, v.w(i + 2)) {
                    // «الليلة قبل الماضية»: the night before last.
                    (-2, i + 3)
                } else {
                    (0, i + 1)
                }
            }
            "هذا" if next == "اليوم" && !in_list(&NOT_TODAY_AFTER, v.w(i + 2)) => {
                (0, i + 2)
            }
            "هذه" if next == "الليله" => (0, i + 2),
            // «ابتداء من غد الأحد»: «غد» with the weekday it names.
            "غدا" | "غد" => (1, i + 1),
            "بعد" if next == "غد" => (2, i + 2),
            "اول" if next == "امس" => (-2, i + 2),
            "اول" if next == "من" && v.joined(i + 2) && v.w(i + 2) == "امس" => (-2, i + 3),
            "قبل" => return self.ago(i, start),
            _ => return None,
        };
        let res = match self.published {
            None => Res::unresolved(Shape::Day),
            Some(pd) => Res::day(pd.add_days(offset), true, Shape::Day),
        };
        Some((start, end, res))
    }

    /// «قبل يومين», «قبل ثلاثة أيام», «قبل أسبوع», «قبل شهرين», «قبل عام»; after «منذ» the same
    /// words give the start of a period.
    fn ago(&self, i: usize, start: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        if !v.joined(i + 1) {
            return None;
        }
        let (n, unit_at) = if let Some(n) = count_at(v, i + 1) {
            if !v.joined(i + 2) {
                return None;
            }
            (n, i + 2)
        } else {
            (1, i + 1)
        };
        let unit = v.w(unit_at);
        let (n, unit) = match unit {
            "يوم" | "يوما" | "ايام" => (n, 'd'),
            "يومين" if unit_at == i + 1 => (2, 'd'),
            "اسبوع" | "اسبوعا" | "اسابيع" => (n * 7, 'd'),
            "اسبوعين" if unit_at == i + 1 => (14, 'd'),
            "شهر" | "شهرا" | "اشهر" | "شهور" => (n, 'm'),
            "شهرين" if unit_at == i + 1 => (2, 'm'),
            "عام" | "عاما" | "سنه" | "اعوام" | "سنوات" => (n, 'y'),
            "عامين" | "سنتين" if unit_at == i + 1 => (2, 'y'),
            _ => return None,
        };
        // More than a century back is no date of the news.
        let limit = match unit {
            'd' => 36_600,
            'm' => 1_200,
            _ => 100,
        };
        if n == 0 || n > limit {
            return None;
        }
        let end = unit_at + 1;
        // «قبل يومين من الهجوم»: before another event, not before publication.
        if v.joined(end) && matches!(v.w(end), "من" | "علي") {
            return None;
        }
        let Some(p) = self.published else {
            return Some((
                start,
                end,
                Res::unresolved(if unit == 'd' {
                    Shape::Day
                } else {
                    Shape::Month
                }),
            ));
        };
        let n = i64::try_from(n).ok()?;
        let res = match unit {
            'd' => Res::day(p.add_days(-n), true, Shape::Day),
            'm' => {
                let (y, m) = month_of(p.year, i64::from(p.month) - n);
                Res::month(y, m, true)?
            }
            _ => Res::year(p.year - i32::try_from(n).ok()?, true)?,
        };
        Some((start, end, res))
    }

    /// «الأسبوع الماضي», «الشهر الماضي», «العام الجاري», «هذا العام», «خلال الـ 24 ساعة
    /// الماضية».
    fn relative_period(&self, i: usize) -> Option<(usize, Res)> {
        let v = &self.v;
        let w = v.w(i);
        let (_, b) = bare(w, &PERIOD_WORDS)?;
        let (b, at) = if matches!(b, "هذا" | "هذه") {
            if !v.joined(i + 1) {
                return None;
            }
            let n = v.w(i + 1);
            if !matches!(n, "الاسبوع" | "الشهر" | "العام" | "السنه") {
                return None;
            }
            (n, i + 1)
        } else {
            (b, i)
        };
        let this = at > i;
        let (tail, end) = if this {
            (Tail::Current, at + 1)
        } else {
            self.tail(at + 1)
        };
        if tail == Tail::None {
            return None;
        }
        let shape = match b {
            "الاسبوع" => Shape::Range,
            "الشهر" => Shape::Month,
            _ => Shape::Year,
        };
        let Some(p) = self.published else {
            return Some((end, Res::unresolved(shape)));
        };
        let res = match (shape, tail) {
            (Shape::Range, Tail::Past) => Res::range(p.add_days(-7), p.add_days(-1)),
            (Shape::Range, Tail::Next) => Res::range(p.add_days(1), p.add_days(7)),
            (Shape::Range, _) => Res::range(p.add_days(-6), p),
            (Shape::Month, t) => {
                let d = match t {
                    Tail::Past => -1,
                    Tail::Next => 1,
                    _ => 0,
                };
                let (y, m) = month_of(p.year, i64::from(p.month) + d);
                Res::month(y, m, true)?
            }
            (_, t) => {
                let d = match t {
                    Tail::Past => -1,
                    Tail::Next => 1,
                    _ => 0,
                };
                Res::year(p.year + d, true)?
            }
        };
        Some((end, res))
    }

    /// «خلال الـ 24 ساعة الماضية», «في الساعات الـ48 الأخيرة».
    fn last_hours(&self, i: usize) -> Option<(usize, usize, Res)> {
        let v = &self.v;
        word_in(v, i, &WITHIN)?;
        let start = v.span(i).start + word_in(v, i, &WITHIN).unwrap_or(0);
        let mut j = i + 1;
        let mut hours = None;
        let mut saw_unit = false;
        // Up to four tokens: «ال» «24» «ساعه» / «الساعات» «ال» «24».
        while j < v.n() && j <= i + 4 && v.sep(j) == Some("") {
            let w = v.w(j);
            if let Some(d) = digits_of(v, j) {
                hours = d.int();
            } else if matches!(w, "ساعه" | "الساعات" | "ساعات") {
                saw_unit = true;
            } else if w != "ال" {
                break;
            }
            j += 1;
        }
        let h = hours?;
        if !(saw_unit
            && v.sep(j) == Some("")
            && matches!(v.w(j), "الماضيه" | "الاخيره" | "المنصرمه" | "الماضيين"))
        {
            return None;
        }
        if h == 0 || h > 24 * 31 {
            return None;
        }
        let end = j + 1;
        let days = i64::try_from(h.div_ceil(24)).ok()?;
        let res = match self.published {
            None => Res::unresolved(Shape::Range),
            Some(p) => Res::range(p.add_days(-days), p),
        };
        Some((start, end, res))
    }

    /// The core expression at `i`: the longest of all recognisers.
    fn core(&self, i: usize, context: bool) -> Option<(usize, usize, Res)> {
        let mut best: Option<(usize, usize, Res)> = None;
        let mut consider = |c: Option<(usize, usize, Res)>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.1 > b.1) {
                    best = Some(c);
                }
            }
        };
        consider(self.numeric(i));
        consider(self.explicit_day(i));
        consider(self.month(i, context));
        consider(self.season(i));
        consider(self.year(i, context));
        consider(self.weekday(i));
        consider(self.relative_day(i));
        consider(self.last_hours(i));
        consider(
            self.relative_period(i)
                .map(|(e, r)| (self.v.span(i).start + bare_len(self.v.w(i)), e, r)),
        );
        best
    }

    /// «27/10/2023», «2023-10-27», «27.10.2023»; a Hijri day «15 / 10 / 1436 هـ».
    fn numeric(&self, i: usize) -> Option<(usize, usize, Res)> {
        if let Some(h) = self.hijri_numeric(i) {
            return Some(h);
        }
        let (d, key, end) = crate::numbers::numeric_date_at(&self.v, i)?;
        Some((key.start, end, Res::day(d, false, Shape::Day)))
    }
}

impl Cx<'_> {
    /// «15 / 10 / 1436 هـ», «15/10/1436هـ»: a Hijri day written in figures, its year marked
    /// with «هـ» (glued or the next word).
    fn hijri_numeric(&self, i: usize) -> Option<(usize, usize, Res)> {
        use crate::numbers::digits_of;
        let v = &self.v;
        let sep = v.gap(i + 1).trim();
        if !matches!(sep, "/" | "-") || v.gap(i + 2).trim() != sep {
            return None;
        }
        let (d, m, y) = (digits_of(v, i)?, digits_of(v, i + 1)?, digits_of(v, i + 2)?);
        if d.era.is_some() || m.era.is_some() {
            return None;
        }
        let (dd, mm, yy) = (d.int()?, m.int()?, y.int()?);
        let marked_next = matches!(v.w(i + 3), "ه" | "هـ") && v.joined(i + 3);
        // The token after the date.
        let end = match y.era {
            Some('ه') => i + 3,
            None if marked_next => i + 4,
            _ => return None,
        };
        if !(1..=30).contains(&dd) || !(1..=12).contains(&mm) || !(1300..=1500).contains(&yy) {
            return None;
        }
        let (mm, dd) = (u32::try_from(mm).ok()?, u32::try_from(dd).ok()?);
        if dd > hijri_month_len(i64::try_from(yy).ok()?, mm) {
            return None;
        }
        let day = IsoDate::from_days(hijri_to_days(i64::try_from(yy).ok()?, mm, dd));
        Some((d.start, end, Res::day(day, false, Shape::Day)))
    }
}

/// Length of a proclitic before a relative-period word («والشهر»).
fn bare_len(w: &str) -> usize {
    bare(w, &PERIOD_WORDS).map_or(0, |(p, _)| p)
}

/// A small count at `i` in digits or words («3», «ثلاثة», «عشرة»).
fn count_at(v: &View, i: usize) -> Option<u64> {
    if let Some(d) = digits_of(v, i) {
        return if d.start == v.span(i).start {
            d.int()
        } else {
            None
        };
    }
    crate::numbers::word_value(v.w(i))
}

fn season_res(y: i32, first_month: i64, relative: bool) -> Option<Res> {
    let (sy, sm) = month_of(y, first_month);
    let (ey, em) = month_of(sy, i64::from(sm) + 2);
    let a = IsoDate::from_ymd(sy, sm, 1)?;
    let b = IsoDate::from_ymd(ey, em, days_in_month(ey, em))?;
    Some(Res {
        value: format!("{y:04}"),
        precision: DatePrecision::Season,
        range: Some((a, b)),
        period: Some((a, b)),
        relative,
        shape: Shape::Season,
        day: None,
    })
}

/// The latest (or next) date with this month and day around publication.
fn resolve_day(cal: Cal, month: u32, day: u32, p: IsoDate, tail: Tail) -> Option<IsoDate> {
    match cal {
        Cal::Gregorian => {
            // Walk years until the date exists and sits on the right side of publication
            // (29 February needs a leap year).
            let mut y = if tail == Tail::Next {
                p.year
            } else {
                p.year + 1
            };
            for _ in 0..10 {
                if let Some(d) = IsoDate::from_ymd(y, month, day) {
                    let ok = match tail {
                        Tail::Past => d < p,
                        Tail::Next => d > p,
                        _ => d <= p,
                    };
                    if ok {
                        return Some(d);
                    }
                }
                y += if tail == Tail::Next { 1 } else { -1 };
            }
            None
        }
        Cal::Hijri => {
            let (hy, _) = hijri_of(p.to_days());
            let mut y = if tail == Tail::Next { hy } else { hy + 1 };
            for _ in 0..4 {
                if day <= hijri_month_len(y, month) {
                    let d = IsoDate::from_days(hijri_to_days(y, month, day));
                    let ok = match tail {
                        Tail::Past => d < p,
                        Tail::Next => d > p,
                        _ => d <= p,
                    };
                    if ok {
                        return Some(d);
                    }
                }
                y += if tail == Tail::Next { 1 } else { -1 };
            }
            None
        }
    }
}

/// The latest (or next) month of that name around publication.
fn resolve_month(cal: Cal, month: u32, p: IsoDate, tail: Tail) -> Option<Res> {
    match cal {
        Cal::Gregorian => {
            let y = match tail {
                Tail::Past if month >= p.month => p.year - 1,
                Tail::Next if month <= p.month => p.year + 1,
                Tail::Next => p.year,
                Tail::Current => p.year,
                _ if month > p.month => p.year - 1,
                _ => p.year,
            };
            Res::month(y, month, true)
        }
        Cal::Hijri => {
            let (hy, hm) = hijri_of(p.to_days());
            let y = match tail {
                Tail::Past if month >= hm => hy - 1,
                Tail::Next if month <= hm => hy + 1,
                Tail::Next | Tail::Current => hy,
                _ if month > hm => hy - 1,
                _ => hy,
            };
            Some(Res::hijri_month(y, month, true))
        }
    }
}

/// Part of a period: early, middle, late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

fn part_word(w: &str) -> Option<Part> {
    let (_, b) = bare(w, &PARTS)?;
    Some(match b {
        "مطلع" | "بدايه" | "اوايل" | "مستهل" => Part::Early,
        "منتصف" | "اواسط" => Part::Mid,
        _ => Part::Late,
    })
}

/// Narrow a month or a year to a part of it.
fn narrow(res: &mut Res, part: Part) {
    let Some((a, b)) = res.period else { return };
    let (first, last) = match res.shape {
        Shape::Month if res.range.is_none() => match part {
            Part::Early => (a, IsoDate::from_ymd(a.year, a.month, 10).unwrap_or(b)),
            Part::Mid => (
                IsoDate::from_ymd(a.year, a.month, 11).unwrap_or(a),
                IsoDate::from_ymd(a.year, a.month, 20).unwrap_or(b),
            ),
            Part::Late => (IsoDate::from_ymd(a.year, a.month, 21).unwrap_or(a), b),
        },
        Shape::Year if res.range.is_none() => {
            let (m1, m2) = match part {
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
            };
            match (month_range(a.year, m1), month_range(a.year, m2)) {
                (Some((f, _)), Some((_, l))) => (f, l),
                _ => return,
            }
        }
        _ => {
            // Thirds of any other period (Hijri months, seasons).
            let len = b.to_days() - a.to_days() + 1;
            let third = len / 3;
            match part {
                Part::Early => (a, a.add_days(third - 1)),
                Part::Mid => (a.add_days(third), b.add_days(-third)),
                Part::Late => (b.add_days(1 - third), b),
            }
        }
    };
    if first <= last {
        res.range = Some((first, last));
    }
}

// ------------------------------------------------------------------------------------------

/// A mention before merging.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    /// Token after it.
    next: usize,
    res: Res,
    since: bool,
}

/// Is a match-key word the name of a Gregorian month, in either naming system («أغسطس»,
/// «آب»)?
pub fn is_month_name(key: &str) -> bool {
    GREG1
        .iter()
        .any(|(_, names)| names.split(' ').any(|n| n == key))
}

/// Find and resolve the date expressions of an analysed text.
pub fn find(a: &Analyzed, published: Option<IsoDate>) -> Vec<DateMention> {
    // Only calendar years that date arithmetic can step around safely.
    let published = published.filter(|p| (1..=9999).contains(&p.year));
    let cx = Cx {
        v: View::new(a),
        published,
    };
    let v = &cx.v;
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < v.n() {
        if !may_start(v, i) {
            i += 1;
            continue;
        }
        match at(&cx, i, raws.last()) {
            Some(r) => {
                i = r.next.max(i + 1);
                raws.push(r);
            }
            None => i += 1,
        }
    }
    merge(&cx, raws)
        .into_iter()
        // Calendar arithmetic near the ends of time can leave four-digit years.
        .filter(|r| {
            r.res
                .period
                .is_none_or(|(a, b)| a.year >= 1 && b.year <= 9999)
        })
        .map(|r| {
            let key = Span::new(r.start, r.end);
            DateMention {
                key,
                orig: a.key.to_original(key),
                value: r.res.value,
                precision: r.res.precision,
                range: r.res.range,
                relative: r.res.relative,
                since: r.since,
            }
        })
        .collect()
}

/// Words that can start a date expression (beside digits).
fn starters() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: FastSet<&'static str> = FastSet::default();
        for (_, names) in GREG1.iter().chain(HIJRI1) {
            set.extend(names.split_whitespace());
        }
        set.extend(GREG2.iter().chain(HIJRI2).map(|(a, _, _)| *a));
        for list in [&ORDINALS, &PARTS, &TIME_OF_DAY, &STARTERS] {
            set.extend(list.src.split_whitespace());
        }
        set
    })
}

/// First words of the expressions that no other list holds.
static STARTERS: Words = Words::new(
    "الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد صيف الصيف شتاء \
    الشتاء ربيع الربيع خريف الخريف عام العام سنه السنه عامي اليوم امس البارحه الليله غدا غد اول بعد \
    قبل هذا هذه الاسبوع الشهر خلال في طيله طوال منذ منتصف",
);

/// Can a date expression start at token `i`? A cheap test that skips most tokens.
fn may_start(v: &View, i: usize) -> bool {
    let w = v.w(i);
    if w.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let set = starters();
    set.contains(w)
        || PRE
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(|r| set.contains(r)))
}

/// The mention starting at token `i` (prefix words included), if any.
fn at(cx: &Cx, i: usize, prev: Option<&Raw>) -> Option<Raw> {
    let v = &cx.v;
    let mut j = i;
    let mut start: Option<usize> = None;
    let mut since = false;
    let mut part = None;
    let mut tod = false;
    let mut context = i > 0 && v.joined(i) && word_in(v, i - 1, &MONTH_CONTEXT).is_some();
    if let Some(p) = word_in(v, j, &MUNDHU) {
        if v.joined(j + 1) {
            since = true;
            context = true;
            start = Some(v.span(j).start + p);
            j += 1;
        }
    }
    if let Some(pt) = part_word(v.w(j)) {
        // «منتصف الليل» is a time of day.
        if v.joined(j + 1) && !matches!(v.w(j + 1), "الليل" | "ليل" | "ليله") {
            part = Some(pt);
            context = true;
            start = start.or(Some(
                v.span(j).start + bare(v.w(j), &PARTS).map_or(0, |x| x.0),
            ));
            j += 1;
            // «أواخر عام 2021»: the year word belongs to the year.
        }
    }
    for _ in 0..2 {
        let w = v.w(j);
        let is_tod = word_in(v, j, &TIME_OF_DAY).is_some() || (w == "منتصف" && v.joined(j + 1));
        if is_tod && v.joined(j + 1) && part.is_none() {
            tod = true;
            start = start.or(Some(
                v.span(j).start + word_in(v, j, &TIME_OF_DAY).unwrap_or(0),
            ));
            j += 1;
            if w == "منتصف" && matches!(v.w(j), "ليل" | "ليله") && v.joined(j + 1) {
                j += 1;
            }
        } else {
            break;
        }
    }
    // A bare year after «و» right after a year («عامي 2021 و2022»).
    if prev.is_some_and(|p| p.res.shape == Shape::Year && p.next == i && j == i) {
        if let Some(d) = digits_of(v, i)
            .filter(|d| d.start > v.span(i).start && v.w(i).starts_with('و') && v.joined(i))
        {
            if let Some((y, end, hijri)) = year_at(v, i, false) {
                let res = if hijri {
                    None
                } else {
                    Res::year(i32::try_from(y).ok()?, false)
                };
                if let Some(res) = res {
                    return Some(Raw {
                        start: d.start,
                        end: v.span(end - 1).end,
                        next: end,
                        res,
                        since: false,
                    });
                }
            }
        }
    }
    let core = cx.core(j, context).or_else(|| {
        // «منذ ثلاثة أيام»: «منذ» with a length of time.
        let s = start?;
        (since && j == i + 1).then(|| cx.ago(i, s)).flatten()
    });
    let (cs, end, mut res) = match core {
        Some(c) => c,
        None if j > i => {
            // The prefixes lead nowhere: try the core at `i` alone.
            let (cs, end, res) = cx.core(
                i,
                i > 0 && v.joined(i) && word_in(v, i - 1, &MONTH_CONTEXT).is_some(),
            )?;
            return Some(Raw {
                start: cs,
                end: v.span(end - 1).end,
                next: end,
                res,
                since: false,
            });
        }
        None => return None,
    };
    // Prefixes must fit the core.
    if tod && !matches!(res.shape, Shape::Day | Shape::Weekday) {
        let (cs, end, res) = cx.core(i, false)?;
        return Some(Raw {
            start: cs,
            end: v.span(end - 1).end,
            next: end,
            res,
            since: false,
        });
    }
    if let Some(pt) = part {
        if matches!(res.shape, Shape::Day | Shape::Weekday | Shape::Range) {
            return Some(Raw {
                start: cs,
                end: v.span(end - 1).end,
                next: end,
                res,
                since: false,
            });
        }
        narrow(&mut res, pt);
    }
    if since {
        if let (Some(d), Some(p)) = (res.day, cx.published) {
            if d <= p {
                res.range = Some((d, p));
            }
        }
    }
    let start = start.unwrap_or(cs);
    Some(Raw {
        start,
        end: v.span(end - 1).end,
        next: end,
        res,
        since,
    })
}

static PARTS: Words = Words::new("مطلع بدايه اوايل مستهل منتصف اواسط اواخر نهايه ختام");

/// Merge a weekday or a relative day with the explicit date beside it («الاثنين 23 أكتوبر»,
/// «اليوم السبت»), and two consecutive weekdays into a night («ليل الجمعة السبت»).
/// Days from `d` to the day of `w`'s weekday nearest it (−3 to +3).
fn weekday_offset(d: IsoDate, w: IsoDate) -> i64 {
    let ahead = i64::from((w.weekday() + 7 - d.weekday()) % 7);
    if ahead > 3 {
        ahead - 7
    } else {
        ahead
    }
}

fn merge(cx: &Cx, raws: Vec<Raw>) -> Vec<Raw> {
    let v = &cx.v;
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws {
        if let Some(last) = out.last_mut() {
            let gap = v.a.key.text.get(last.end..r.start).unwrap_or("\n");
            let gap_ok = !gap.contains('\n')
                && gap
                    .trim_matches(|c: char| {
                        c == ' ' || c == ',' || c == '-' || c == '/' || c == '(' || c == ')'
                    })
                    .split(' ')
                    .all(|w| w.is_empty() || matches!(w, "الموافق" | "علي" | "الي" | "و"));
            let day_like = |s: Shape| matches!(s, Shape::Day | Shape::Weekday);
            if gap_ok && day_like(last.res.shape) && day_like(r.res.shape) && !r.since {
                let both_weekdays =
                    last.res.shape == Shape::Weekday && r.res.shape == Shape::Weekday;
                let merged = if both_weekdays {
                    match (last.res.day, r.res.day) {
                        (Some(a), Some(b)) if b == a.add_days(1) => {
                            let mut res = r.res.clone();
                            res.range = Some((a, b));
                            Some(res)
                        }
                        (None, None) => Some(r.res.clone()),
                        _ => None,
                    }
                } else {
                    // The explicit (non-relative) one wins; a day word and a weekday are
                    // that weekday nearest the day word's day («غد الأحد» is tomorrow, not
                    // the Sunday before; «اليوم الجمعة» in a paper of Saturday is the day the
                    // wire wrote, Friday); else the later one.
                    let named = match (last.res.shape, r.res.shape, last.res.day, r.res.day) {
                        (Shape::Day, Shape::Weekday, Some(d), Some(w))
                        | (Shape::Weekday, Shape::Day, Some(w), Some(d))
                            if last.res.relative && r.res.relative =>
                        {
                            let off = weekday_offset(d, w);
                            Some(Res::day(d.add_days(off), true, Shape::Weekday))
                        }
                        _ => None,
                    };
                    // «يوم الخميس الموافق 21 / 10 / 1436هـ»: the tabular Hijri calendar may be a
                    // day off the observed one; the weekday told with the date says which day.
                    let hijri = |x: &Raw| {
                        v.a.key
                            .text
                            .get(x.start..x.end)
                            .is_some_and(|t| t.trim_end().ends_with('ه'))
                    };
                    let snapped = |explicit: &Res, weekday: &Res| -> Res {
                        let (Some(d), Some(w), Shape::Weekday) =
                            (explicit.day, weekday.day, weekday.shape)
                        else {
                            return explicit.clone();
                        };
                        let off = weekday_offset(d, w);
                        if off.abs() == 1 && explicit.shape == Shape::Day {
                            Res::day(d.add_days(off), false, Shape::Day)
                        } else {
                            explicit.clone()
                        }
                    };
                    Some(if !last.res.relative && r.res.relative {
                        if hijri(last) {
                            snapped(&last.res, &r.res)
                        } else {
                            last.res.clone()
                        }
                    } else if last.res.relative
                        && !r.res.relative
                        && last.res.shape == Shape::Weekday
                        && hijri(&r)
                    {
                        snapped(&r.res, &last.res)
                    } else if let Some(n) = named {
                        n
                    } else {
                        r.res.clone()
                    })
                };
                if let Some(res) = merged {
                    last.end = r.end;
                    last.next = r.next;
                    let since = last.since;
                    last.res = res;
                    if since {
                        if let (Some(d), Some(p)) = (last.res.day, cx.published) {
                            if d <= p {
                                last.res.range = Some((d, p));
                            }
                        }
                    }
                    continue;
                }
            }
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    /// (original text, value, precision, range as "first/last", relative).
    fn d(text: &str, published: &str) -> Vec<(String, String, DatePrecision, String, bool)> {
        let a = analyze(text);
        let p = IsoDate::parse(published).ok();
        find(&a, p)
            .into_iter()
            .map(|m| {
                (
                    m.orig.slice(text).unwrap_or("?").to_string(),
                    m.value,
                    m.precision,
                    m.range.map(|(a, b)| format!("{a}/{b}")).unwrap_or_default(),
                    m.relative,
                )
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, $published:expr, [$(($s:expr, $v:expr, $p:ident, $r:expr, $rel:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<(String, String, DatePrecision, String, bool)> =
                    vec![$(($s.to_string(), $v.to_string(), DatePrecision::$p, $r.to_string(), $rel)),*];
                assert_eq!(d($input, $published), want);
            }
        };
    }

    // 2023-10-21 was a Saturday.
    const PUB: &str = "2023-10-21";

    // Explicit days.
    t!(
        day_month_year,
        "في 28 يناير 2024 وقع هجوم",
        PUB,
        [("28 يناير 2024", "2024-01-28", Day, "", false)]
    );
    t!(
        day_ordinal,
        "السابع من أكتوبر 2023",
        PUB,
        [("السابع من أكتوبر 2023", "2023-10-07", Day, "", false)]
    );
    t!(
        day_combined,
        "23 أكتوبر/تشرين الأول 2023",
        PUB,
        [("23 أكتوبر/تشرين الأول 2023", "2023-10-23", Day, "", false)]
    );
    t!(
        day_combined_reversed,
        "في السابع من تشرين الأول/ أكتوبر 2023",
        PUB,
        [(
            "السابع من تشرين الأول/ أكتوبر 2023",
            "2023-10-07",
            Day,
            "",
            false
        )]
    );
    t!(
        day_levant,
        "في 5 شباط 2024",
        PUB,
        [("5 شباط 2024", "2024-02-05", Day, "", false)]
    );
    t!(
        day_ordinal_compound,
        "الحادي والعشرين من آذار 2022",
        PUB,
        [("الحادي والعشرين من آذار 2022", "2022-03-21", Day, "", false)]
    );
    t!(
        day_ordinal_teen,
        "الخامس عشر من أيار 2021",
        PUB,
        [("الخامس عشر من أيار 2021", "2021-05-15", Day, "", false)]
    );
    t!(
        day_no_year,
        "وقع في 7 أكتوبر",
        PUB,
        [("7 أكتوبر", "2023-10-07", Day, "", true)]
    );
    t!(
        day_no_year_last_year,
        "وقع في 25 ديسمبر",
        PUB,
        [("25 ديسمبر", "2022-12-25", Day, "", true)]
    );
    t!(
        day_no_year_past,
        "في 21 أكتوبر الماضي",
        PUB,
        [("21 أكتوبر الماضي", "2022-10-21", Day, "", true)]
    );
    t!(
        day_of_last_year,
        "7 أكتوبر من العام الماضي",
        PUB,
        [("7 أكتوبر من العام الماضي", "2022-10-07", Day, "", true)]
    );
    t!(
        day_hyphens,
        "بتاريخ 27-أكتوبر-2023",
        PUB,
        [("27-أكتوبر-2023", "2023-10-27", Day, "", false)]
    );
    t!(
        day_slashes,
        "بتاريخ 27/10/2023",
        PUB,
        [("27/10/2023", "2023-10-27", Day, "", false)]
    );
    t!(
        hijri_day_in_figures,
        "بتاريخ 15 / 10 / 1436 هـ",
        "2015-08-09",
        [("15 / 10 / 1436 هـ", "2015-08-01", Day, "", false)]
    );
    t!(
        hijri_day_in_figures_glued,
        "بتاريخ 15/10/1436هـ",
        "2015-08-09",
        [("15/10/1436هـ", "2015-08-01", Day, "", false)]
    );
    t!(
        hijri_day_snapped_to_its_weekday,
        "يوم الخميس الموافق 21 / 10 / 1436هـ",
        "2015-08-09",
        [(
            "يوم الخميس الموافق 21 / 10 / 1436هـ",
            "2015-08-06",
            Day,
            "",
            false
        )]
    );
    t!(
        day_iso,
        "بتاريخ 2023-10-27",
        PUB,
        [("2023-10-27", "2023-10-27", Day, "", false)]
    );
    t!(
        day_dots,
        "بتاريخ 27.10.2023",
        PUB,
        [("27.10.2023", "2023-10-27", Day, "", false)]
    );
    t!(
        day_bad,
        "في 31 فبراير 2023",
        PUB,
        [("فبراير 2023", "2023-02", Month, "", false)]
    );
    t!(
        day_arabic_digits,
        "في ٢٨ يناير ٢٠٢٤",
        PUB,
        [("٢٨ يناير ٢٠٢٤", "2024-01-28", Day, "", false)]
    );
    t!(
        day_yawm_prefix,
        "يوم 7 أكتوبر 2023",
        PUB,
        [("يوم 7 أكتوبر 2023", "2023-10-07", Day, "", false)]
    );

    t!(
        day_ibril,
        "في 3 إبريل 2022",
        PUB,
        [("3 إبريل 2022", "2022-04-03", Day, "", false)]
    );
    t!(
        day_abril,
        "في 3 أبريل 2022",
        PUB,
        [("3 أبريل 2022", "2022-04-03", Day, "", false)]
    );
    t!(
        day_yuniya,
        "في 9 يونية 2021",
        PUB,
        [("9 يونية 2021", "2021-06-09", Day, "", false)]
    );
    t!(
        day_yuliya,
        "في 9 يولية 2021",
        PUB,
        [("9 يولية 2021", "2021-07-09", Day, "", false)]
    );
    t!(
        day_kanun,
        "في 2 كانون الثاني 2024",
        PUB,
        [("2 كانون الثاني 2024", "2024-01-02", Day, "", false)]
    );
    t!(
        day_ab_with_day,
        "في 4 آب 2020",
        PUB,
        [("4 آب 2020", "2020-08-04", Day, "", false)]
    );
    t!(father_not_august, "قال أب الضحية", PUB, []);

    // Months.
    t!(
        month_year,
        "في يوليو 2009",
        PUB,
        [("يوليو 2009", "2009-07", Month, "", false)]
    );
    t!(
        month_year_levant,
        "منذ حزيران 2014",
        PUB,
        [("منذ حزيران 2014", "2014-06", Month, "", false)]
    );
    t!(
        month_alone,
        "في يناير",
        PUB,
        [("يناير", "2023-01", Month, "", true)]
    );
    t!(
        month_alone_after_pub,
        "في نوفمبر",
        PUB,
        [("نوفمبر", "2022-11", Month, "", true)]
    );
    t!(
        month_alone_current,
        "في أكتوبر",
        PUB,
        [("أكتوبر", "2023-10", Month, "", true)]
    );
    t!(
        month_past,
        "أكتوبر الماضي",
        PUB,
        [("أكتوبر الماضي", "2022-10", Month, "", true)]
    );
    t!(month_without_context, "حرب أكتوبر", PUB, []);
    t!(month_verb_not_date, "مارس ضغوطا", PUB, []);
    t!(
        month_of_year,
        "أكتوبر من عام 2023",
        PUB,
        [("أكتوبر من عام 2023", "2023-10", Month, "", false)]
    );
    t!(
        month_early,
        "مطلع أكتوبر 2023",
        PUB,
        [(
            "مطلع أكتوبر 2023",
            "2023-10",
            Month,
            "2023-10-01/2023-10-10",
            false
        )]
    );
    t!(
        month_late,
        "أواخر شباط 2024",
        PUB,
        [(
            "أواخر شباط 2024",
            "2024-02",
            Month,
            "2024-02-21/2024-02-29",
            false
        )]
    );

    // Years.
    t!(
        year_am,
        "في عام 2021",
        PUB,
        [("عام 2021", "2021", Year, "", false)]
    );
    t!(
        year_sana,
        "سنة 2021",
        PUB,
        [("سنة 2021", "2021", Year, "", false)]
    );
    t!(
        year_bare_fi,
        "في 2022 قتل",
        PUB,
        [("2022", "2022", Year, "", false)]
    );
    t!(year_bare_alone, "قتل 2022 شخصا", PUB, []);
    t!(
        year_era,
        "سنة 2023م",
        PUB,
        [("سنة 2023م", "2023", Year, "", false)]
    );
    t!(
        year_late,
        "أواخر عام 2021",
        PUB,
        [(
            "أواخر عام 2021",
            "2021",
            Year,
            "2021-09-01/2021-12-31",
            false
        )]
    );
    t!(
        year_start,
        "مطلع 2022",
        PUB,
        [("مطلع 2022", "2022", Year, "2022-01-01/2022-04-30", false)]
    );
    t!(
        year_mid,
        "منتصف العام 2020",
        PUB,
        [(
            "منتصف العام 2020",
            "2020",
            Year,
            "2020-05-01/2020-08-31",
            false
        )]
    );
    t!(
        years_pair,
        "عامي 2021 و2022",
        PUB,
        [
            ("عامي 2021", "2021", Year, "", false),
            ("2022", "2022", Year, "", false)
        ]
    );
    t!(
        year_last,
        "العام الماضي",
        PUB,
        [("العام الماضي", "2022", Year, "", true)]
    );
    t!(
        year_this,
        "هذا العام",
        PUB,
        [("هذا العام", "2023", Year, "", true)]
    );
    t!(
        year_current,
        "السنة الحالية",
        PUB,
        [("السنة الحالية", "2023", Year, "", true)]
    );

    // Seasons.
    t!(
        season_summer,
        "صيف 2022",
        PUB,
        [("صيف 2022", "2022", Season, "2022-06-01/2022-08-31", false)]
    );
    t!(
        season_since,
        "منذ صيف 2022",
        PUB,
        [(
            "منذ صيف 2022",
            "2022",
            Season,
            "2022-06-01/2022-08-31",
            false
        )]
    );
    t!(
        season_winter,
        "شتاء 2022",
        PUB,
        [("شتاء 2022", "2022", Season, "2021-12-01/2022-02-28", false)]
    );
    t!(
        season_year_word,
        "خريف عام 2019",
        PUB,
        [(
            "خريف عام 2019",
            "2019",
            Season,
            "2019-09-01/2019-11-30",
            false
        )]
    );
    t!(
        season_last,
        "الصيف الماضي",
        PUB,
        [(
            "الصيف الماضي",
            "2023",
            Season,
            "2023-06-01/2023-08-31",
            true
        )]
    );
    t!(arab_spring, "الربيع العربي", PUB, []);

    // Hijri.
    t!(
        hijri_day,
        "15 رمضان 1445 هـ",
        PUB,
        [("15 رمضان 1445 هـ", "2024-03-25", Day, "", false)]
    );
    t!(
        hijri_month_year,
        "في رمضان 1445",
        PUB,
        [(
            "رمضان 1445",
            "2024-03",
            Month,
            "2024-03-11/2024-04-09",
            false
        )]
    );
    t!(
        hijri_year,
        "عام 1445 هـ",
        PUB,
        [("عام 1445 هـ", "2024", Year, "2023-07-19/2024-07-07", false)]
    );
    t!(
        hijri_two_words,
        "في جمادى الأولى 1445",
        PUB,
        [(
            "جمادى الأولى 1445",
            "2023-11",
            Month,
            "2023-11-14/2023-12-13",
            false
        )]
    );
    t!(
        hijri_no_year,
        "في شهر رمضان",
        PUB,
        [("شهر رمضان", "2023-04", Month, "2023-03-23/2023-04-21", true)]
    );
    t!(hijri_name_not_month, "قال رمضان", PUB, []);
    t!(
        hijri_rabi_akhir,
        "في ربيع الآخر 1445",
        PUB,
        [(
            "ربيع الآخر 1445",
            "2023-10",
            Month,
            "2023-10-16/2023-11-13",
            false
        )]
    );
    t!(
        hijri_dhu_qada,
        "ذو القعدة 1444 هـ",
        PUB,
        [(
            "ذو القعدة 1444 هـ",
            "2023-06",
            Month,
            "2023-05-21/2023-06-19",
            false
        )]
    );
    t!(
        hijri_day_no_year,
        "في 10 محرم",
        PUB,
        [("10 محرم", "2023-07-28", Day, "", true)]
    );
    t!(
        hijri_month_past,
        "شهر شعبان الماضي",
        PUB,
        [(
            "شهر شعبان الماضي",
            "2023-03",
            Month,
            "2023-02-22/2023-03-22",
            true
        )]
    );
    t!(hijri_safar_zero, "صفر", PUB, []);

    // Weekdays (publication: Saturday 2023-10-21).
    t!(
        weekday_same,
        "هجوم السبت",
        PUB,
        [("السبت", "2023-10-21", Day, "", true)]
    );
    t!(
        weekday_back,
        "الأربعاء",
        PUB,
        [("الأربعاء", "2023-10-18", Day, "", true)]
    );
    t!(
        weekday_yawm,
        "يوم السبت",
        PUB,
        [("يوم السبت", "2023-10-21", Day, "", true)]
    );
    t!(
        weekday_last,
        "السبت الماضي",
        PUB,
        [("السبت الماضي", "2023-10-14", Day, "", true)]
    );
    t!(
        weekday_next,
        "الأحد المقبل",
        PUB,
        [("الأحد المقبل", "2023-10-22", Day, "", true)]
    );
    t!(
        weekday_evening,
        "مساء الجمعة",
        PUB,
        [("مساء الجمعة", "2023-10-20", Day, "", true)]
    );
    t!(
        weekday_dawn,
        "فجر يوم السبت",
        PUB,
        [("فجر يوم السبت", "2023-10-21", Day, "", true)]
    );
    t!(
        weekday_prefixed,
        "والسبت",
        PUB,
        [("السبت", "2023-10-21", Day, "", true)]
    );
    t!(
        weekday_since,
        "منذ الأربعاء",
        PUB,
        [(
            "منذ الأربعاء",
            "2023-10-18",
            Day,
            "2023-10-18/2023-10-21",
            true
        )]
    );
    t!(
        weekday_night,
        "ليل الجمعة السبت",
        PUB,
        [(
            "ليل الجمعة السبت",
            "2023-10-21",
            Day,
            "2023-10-20/2023-10-21",
            true
        )]
    );
    t!(
        weekday_with_date,
        "اليوم الاثنين 23 أكتوبر/تشرين الأول",
        "2023-10-23",
        [(
            "اليوم الاثنين 23 أكتوبر/تشرين الأول",
            "2023-10-23",
            Day,
            "",
            true
        )]
    );
    t!(
        weekday_with_full_date,
        "الاثنين 23 أكتوبر 2023",
        "2023-10-23",
        [("الاثنين 23 أكتوبر 2023", "2023-10-23", Day, "", false)]
    );
    t!(between_the_two, "بين الاثنين", PUB, []);

    // Relative words.
    t!(
        today,
        "اليوم",
        PUB,
        [("اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        this_day,
        "هذا اليوم",
        PUB,
        [("هذا اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        dawn_today,
        "فجر اليوم",
        PUB,
        [("فجر اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        morning_today,
        "صباح اليوم",
        PUB,
        [("صباح اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        evening_today,
        "مساء اليوم",
        PUB,
        [("مساء اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        tonight,
        "الليلة",
        PUB,
        [("الليلة", "2023-10-21", Day, "", true)]
    );
    t!(next_day_not_today, "في اليوم التالي", PUB, []);
    t!(numbered_day_not_today, "في اليوم الـ 437 للحرب", PUB, []);
    t!(
        dawn_this_day,
        "من فجر هذا اليوم",
        PUB,
        [("فجر هذا اليوم", "2023-10-21", Day, "", true)]
    );
    t!(
        yesterday,
        "أمس",
        PUB,
        [("أمس", "2023-10-20", Day, "", true)]
    );
    t!(
        yesterday_bariha,
        "البارحة",
        PUB,
        [("البارحة", "2023-10-20", Day, "", true)]
    );
    t!(
        last_night,
        "ليلة أمس",
        PUB,
        [("ليلة أمس", "2023-10-20", Day, "", true)]
    );
    t!(
        yesterday_evening,
        "مساء أمس",
        PUB,
        [("مساء أمس", "2023-10-20", Day, "", true)]
    );
    t!(
        day_before_yesterday,
        "أول أمس",
        PUB,
        [("أول أمس", "2023-10-19", Day, "", true)]
    );
    t!(
        day_before_yesterday_min,
        "أول من أمس",
        PUB,
        [("أول من أمس", "2023-10-19", Day, "", true)]
    );
    t!(
        last_night_laila,
        "الليلة الماضية",
        PUB,
        [("الليلة الماضية", "2023-10-20", Day, "", true)]
    );
    t!(
        two_days_ago,
        "قبل يومين",
        PUB,
        [("قبل يومين", "2023-10-19", Day, "", true)]
    );
    t!(
        three_days_ago,
        "قبل ثلاثة أيام",
        PUB,
        [("قبل ثلاثة أيام", "2023-10-18", Day, "", true)]
    );
    t!(before_an_event, "قبل يومين من الهجوم", PUB, []);
    t!(
        days_ago_digits,
        "قبل 5 أيام",
        PUB,
        [("قبل 5 أيام", "2023-10-16", Day, "", true)]
    );
    t!(
        week_ago,
        "قبل أسبوع",
        PUB,
        [("قبل أسبوع", "2023-10-14", Day, "", true)]
    );
    t!(
        since_days,
        "منذ ثلاثة أيام",
        PUB,
        [(
            "منذ ثلاثة أيام",
            "2023-10-18",
            Day,
            "2023-10-18/2023-10-21",
            true
        )]
    );
    t!(
        last_week,
        "الأسبوع الماضي",
        PUB,
        [("الأسبوع الماضي", "", Unknown, "2023-10-14/2023-10-20", true)]
    );
    t!(
        last_month,
        "الشهر الماضي",
        PUB,
        [("الشهر الماضي", "2023-09", Month, "", true)]
    );
    t!(
        this_month,
        "الشهر الجاري",
        PUB,
        [("الشهر الجاري", "2023-10", Month, "", true)]
    );
    t!(
        last_24h,
        "خلال الـ 24 ساعة الماضية",
        PUB,
        [(
            "خلال الـ 24 ساعة الماضية",
            "",
            Unknown,
            "2023-10-20/2023-10-21",
            true
        )]
    );
    t!(
        last_48h,
        "في الساعات الـ48 الأخيرة",
        PUB,
        [(
            "في الساعات الـ48 الأخيرة",
            "",
            Unknown,
            "2023-10-19/2023-10-21",
            true
        )]
    );
    t!(since_war, "منذ بدء الحرب", PUB, []);
    t!(centuries_ago_is_no_date, "قبل 4385 عام", "1990-01-01", []);
    t!(tomorrow, "غدا", PUB, [("غدا", "2023-10-22", Day, "", true)]);
    t!(
        a_weekday_something_starts_on_is_to_come,
        "اعتبارا من مساء الأحد",
        PUB,
        [("مساء الأحد", "2023-10-22", Day, "", true)]
    );
    t!(
        tomorrow_and_its_weekday,
        "ابتداء من غد الأحد",
        PUB,
        [("غد الأحد", "2023-10-22", Day, "", true)]
    );

    // Without a publication date.
    t!(
        no_pub_weekday,
        "السبت",
        "",
        [("السبت", "", Unknown, "", true)]
    );
    t!(
        no_pub_yesterday,
        "أمس",
        "",
        [("أمس", "", Unknown, "", true)]
    );
    t!(
        no_pub_explicit,
        "28 يناير 2024",
        "",
        [("28 يناير 2024", "2024-01-28", Day, "", false)]
    );
    t!(
        no_pub_day_no_year,
        "في 7 أكتوبر",
        "",
        [("7 أكتوبر", "", Unknown, "", true)]
    );

    #[test]
    fn twin_month_in_brackets_then_year() {
        let got = d(
            "أدرجت واشنطن في سبتمبر (أيلول) 2023 شقيقه على القائمة",
            "2025-01-17",
        );
        assert_eq!(got[0].1, "2023-09", "{got:?}");
        let got = d("في 7 يناير (كانون الثاني) الحالي أعلن", "2025-01-17");
        assert_eq!(got[0].1, "2025-01-07", "{got:?}");
    }

    #[test]
    fn since_flag() {
        let a = analyze("منذ الأربعاء تعرضت القواعد لهجمات");
        let m = find(&a, IsoDate::parse(PUB).ok());
        assert!(m[0].since);
        let m = find(&analyze("الأربعاء"), IsoDate::parse(PUB).ok());
        assert!(!m[0].since);
    }

    #[test]
    fn hijri_round_trip() {
        // 1 Muharram 1445 = 19 July 2023 in the tabular calendar.
        assert_eq!(
            IsoDate::from_days(hijri_to_days(1445, 1, 1)).to_string(),
            "2023-07-19"
        );
        for days in (0..30_000).step_by(7) {
            let (y, m) = hijri_of(days);
            let (a, b) = hijri_month_range(y, m);
            assert!(a.to_days() <= days && days <= b.to_days(), "{days}");
        }
    }

    #[test]
    fn sentence_from_a_report() {
        let text =
            "وقال مصدر أمني إن طائرتين هاجمتا القاعدة فجر السبت، بعد هجوم مماثل منذ الأربعاء.";
        let got = d(text, PUB);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "فجر السبت");
        assert_eq!(got[1].0, "منذ الأربعاء");
    }
}
