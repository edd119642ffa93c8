//! Quantities: numbers in digits and in words, their qualifiers, and what kind of figure they are.
//!
//! [`find`] reads the tokens of an [`Analyzed`] text (so it sees match keys: «ثلاثة» is «ثلاثه»,
//! «مئة» is «ميه», «آلاف» is «الاف») and returns every quantity with its span in the key and in
//! the original text.
//!
//! What is recognised:
//! * digits, with thousands separators and decimals: «4385», «1,400», «١٣٥٦١», «2.5»; a single
//!   `.` followed by exactly three digits and no multiplier is a thousands separator («1.400»);
//! * numbers in words, in every gender and case, compound with «و» in the usual order
//!   (hundreds, units, tens): «ثلاثة», «ثلاث», «خمسة عشر», «اثنا عشر», «إحدى عشرة»,
//!   «واحد وعشرون», «مئة»/«مائة», «مئتان», «ثلاثمئة», «ثلاث مئة», «ألف», «ألفين», «ألف ومئتان»;
//! * multipliers after digits or words: «3 آلاف», «2.5 مليون», «300 ألف», «ثلاثة ملايين»;
//! * duals carried by a counted noun («طائرتين», «صاروخين», «مصدران», «جنديين»): value 2 and
//!   `noun` set; the list of nouns is closed (`DUAL_COUNTS`) because general dual detection is
//!   unreliable (most «-ين» words are plurals: «مدنيين», «مسؤولين»). A following agreeing dual
//!   («طائرتين مسيرتين») or «اثنتين» joins the same quantity;
//! * «واحد»/«واحدة» is 1, with `noun` set when a counted singular noun comes just before it
//!   («طائرة مسيرة واحدة»);
//! * vague quantities ([`Approx::Vague`]), with a conventional lower bound as value: the plural
//!   of a power of ten is two of it («عشرات» = 20, «مئات» = 200, «آلاف» = 2 000, «ملايين» =
//!   2 000 000, and «عشرات الآلاف» = 20 000); «العديد», «عدة», «بضعة», «عدد من» are 3, the
//!   smallest Arabic plural («بضعة آلاف» = 3 000);
//! * qualifiers, included in the key span when they touch the number: «أكثر من», «ما يزيد
//!   عن/على», «أزيد من» ([`Approx::MoreThan`]); «ما لا يقل عن», «لا يقل عن», «على الأقل»
//!   ([`Approx::AtLeast`]); «نحو», «حوالي», «قرابة», «زهاء», «ما يقارب», «تقريبا»
//!   ([`Approx::About`]); «أقل من» ([`Approx::LessThan`]). A trailing «على الأقل» or «تقريبا»
//!   after the counted noun («5 أشخاص على الأقل») sets `approx` but stays out of `key`, so that
//!   the token after `key` is still the counted noun; its span is in `qualifier`.
//!
//! Every quantity has a [`NumberKind`]: only [`NumberKind::Count`] counts things. Years («عام
//! 2021», «2023م», «1445 هـ»), clock times («1:05», «الساعة 7»), dates («28 يناير»,
//! «27/10/2023»), percentages («30%», «بالمئة»), durations («24 ساعة», «يومين»), money, measures
//! («5 كيلومترات», «155 ملم»), model numbers («F-16», «أف – 16», «شاهد-136») and references
//! («القرار 2254») are kept but marked. Ordinals («الأول», «الثانية») are not quantities at all.
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rasd_model::Span;

use crate::tokenize::TokenKind;
use crate::Analyzed;

/// How exact a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// As stated.
    Exact,
    /// «أكثر من», «ما يزيد عن».
    MoreThan,
    /// «على الأقل», «لا يقل عن».
    AtLeast,
    /// «نحو», «حوالي», «قرابة».
    About,
    /// «أقل من».
    LessThan,
    /// No figure: «عشرات», «العديد», «عدة».
    Vague,
}

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A count of people or things: the only kind an event or toll should use.
    Count,
    /// A year: «عام 2021», «2023م», «1445 هـ».
    Year,
    /// A clock time: «1:05», «الساعة 7» (value: hours × 100 + minutes).
    Time,
    /// Part of a date: the day in «28 يناير», or a whole numeric date «27/10/2023»
    /// (value: YYYYMMDD).
    Date,
    /// A percentage: «30%», «30 بالمئة».
    Percent,
    /// A length of time: «24 ساعة», «ثلاثة أيام», «يومين».
    Duration,
    /// An amount of money: «2.5 مليون دولار».
    Money,
    /// A measure: «5 كيلومترات», «155 ملم», «3 أطنان».
    Measure,
    /// Part of a model name: «F-16», «أف – 16», «شاهد-136».
    Model,
    /// Anything else: references («القرار 2254»), frequencies («مرتين»), bare decimals.
    Other,
}

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Span in the match key (the whole expression, qualifiers included).
    pub key: Span,
    /// Span in the original text.
    pub orig: Span,
    /// The value (for vague quantities, a conventional lower bound: «عشرات» = 20).
    pub value: u64,
    /// How exact it is.
    pub approx: Approx,
    /// Key span of the counted noun when the number is carried by it (duals: «طائرتين»).
    pub noun: Option<Span>,
    /// What kind of figure it is (only [`NumberKind::Count`] counts things).
    pub kind: NumberKind,
    /// Key span of the qualifier words («أكثر من», «على الأقل»…), when there are some.
    pub qualifier: Option<Span>,
}

// ------------------------------------------------------------------------------------------
// A view over the tokens, shared with the dates recogniser.

/// Token access by index over an analysed text.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    pub(crate) a: &'a Analyzed,
}

impl<'a> View<'a> {
    pub(crate) fn new(a: &'a Analyzed) -> Self {
        View { a }
    }

    /// Number of tokens.
    pub(crate) fn n(&self) -> usize {
        self.a.tokens.len()
    }

    /// Key text of token `i` ("" out of range).
    pub(crate) fn w(&self, i: usize) -> &'a str {
        self.a.tokens.get(i).map_or("", |t| self.a.key_str(t.key))
    }

    /// Key span of token `i`.
    pub(crate) fn span(&self, i: usize) -> Span {
        self.a.tokens.get(i).map_or(
            Span::new(self.a.key.text.len(), self.a.key.text.len()),
            |t| t.key,
        )
    }

    /// Kind of token `i`.
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.a.tokens.get(i).map(|t| t.kind)
    }

    /// Key offset where the gap before token `i` starts.
    pub(crate) fn gap_start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.a
                .tokens
                .get(i - 1)
                .map_or(self.a.key.text.len(), |t| t.key.end)
        }
    }

    /// Key text between token `i - 1` and token `i`.
    pub(crate) fn gap(&self, i: usize) -> &'a str {
        let start = self.gap_start(i);
        let end = self
            .a
            .tokens
            .get(i)
            .map_or(self.a.key.text.len(), |t| t.key.start);
        self.a.key.text.get(start..end).unwrap_or("")
    }

    /// True when token `i` follows token `i - 1` with nothing but a space between.
    pub(crate) fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.n() && self.gap(i) == " "
    }

    /// The gap before token `i` without its spaces (e.g. "-" for «أف – 16»), when on one line.
    pub(crate) fn sep(&self, i: usize) -> Option<&'a str> {
        let g = self.gap(i);
        (i > 0 && i < self.n() && !g.contains('\n')).then(|| g.trim_matches(' '))
    }

    /// Token `i` equals `word`, possibly behind a conjunction or preposition (و ف ب ل).
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        let w = self.w(i);
        w == word
            || ["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"]
                .iter()
                .any(|p| w.strip_prefix(p) == Some(word))
    }

    /// Token `i` is in `set` (possibly behind و ف ب ل).
    pub(crate) fn is_in(&self, i: usize, set: &FastSet<&str>) -> bool {
        let w = self.w(i);
        i < self.n()
            && (set.contains(w)
                || CONJ
                    .iter()
                    .any(|p| w.strip_prefix(p).is_some_and(|r| set.contains(r))))
    }

    /// Token `i` equals one of `words` (possibly behind و ف ب ل).
    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        i < self.n() && words.iter().any(|w| self.is(i, w))
    }
}

/// Conjunctions and prepositions that may be glued to a word.
const CONJ: &[&str] = &["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"];

/// Proclitics that may stand before a number word or digits.
const PREFIXES: &[&str] = &[
    "وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "وب", "ول", "فب", "فل", "وك", "ال", "و", "ف",
    "ب", "ل", "ك",
];

/// The readings of a word: itself, then without each proclitic sequence that leaves a plausible
/// stem (at least three letters, except after «و»). Yields (prefix byte length, rest, article).
fn readings(w: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    std::iter::once((0, w, false)).chain(PREFIXES.iter().filter_map(move |p| {
        let rest = w.strip_prefix(p)?;
        let n = rest.chars().count();
        (n >= 3 || (*p == "و" && n >= 2)).then_some((
            p.len(),
            rest,
            p.ends_with("ال") || p.ends_with("لل"),
        ))
    }))
}

/// Digits inside a token: an optional proclitic («و967», «بـ5»), the digits with inner
/// separators, and an optional era letter («2023م», «1445هـ»).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Digits<'a> {
    /// Key offset of the first digit.
    pub(crate) start: usize,
    /// Key offset after the last digit (or after the era letter).
    pub(crate) end: usize,
    /// The digits and separators.
    pub(crate) text: &'a str,
    /// «م» or «ه» glued after the digits.
    pub(crate) era: Option<char>,
}

impl Digits<'_> {
    /// The integer value when the digits have no separator.
    pub(crate) fn int(&self) -> Option<u64> {
        if self.text.bytes().all(|b| b.is_ascii_digit()) && self.text.len() <= 18 {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

/// The digits of token `i`, if it is a number (possibly with a proclitic or era letter).
pub(crate) fn digits_of<'a>(v: &View<'a>, i: usize) -> Option<Digits<'a>> {
    let t = v.a.tokens.get(i)?;
    let w = v.w(i);
    let p = w.find(|c: char| c.is_ascii_digit())?;
    let prefix = w.get(..p)?;
    if !prefix.is_empty() && !PREFIXES.contains(&prefix) {
        return None;
    }
    let q = w
        .get(p..)?
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(w.len(), |x| p + x);
    let suffix = w.get(q..)?;
    let era = match suffix {
        "" => None,
        "م" => Some('م'),
        "ه" => Some('ه'),
        _ => return None,
    };
    Some(Digits {
        start: t.key.start + p,
        end: t.key.start + w.len(),
        text: w.get(p..q)?,
        era,
    })
}

// ------------------------------------------------------------------------------------------
// Lexicon.

/// What a number word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    /// 1–10 («ثلاثة», «ثلاث», «عشرة» is [`Lex::Ten`]).
    Unit(u64),
    /// «أحد», «إحدى», «اثنا», «اثنتا»: only before «عشر».
    TeenHead(u64),
    /// «عشر», «عشرة»: 10, or the teen marker after a unit.
    Ten,
    /// 20–90.
    Tens(u64),
    /// 100–900.
    Hundreds(u64),
    /// «ألف», «مليون», «مليار».
    Mult(u64),
    /// «ألفا», «مليونا»: a multiplier after a number, a dual (2 ×) alone.
    MultAcc(u64),
    /// «ألفين», «مليونان»: 2 ×.
    MultDual(u64),
    /// «آلاف», «ملايين»: a multiplier after a number, vague alone.
    MultPlural(u64),
    /// «عشرات», «مئات», «العديد», «عدة», «بضعة».
    Vague(u64),
}

/// Number words (match-key spelling), grouped by meaning.
const LEXICON: &[(Lex, &str)] = &[
    (Lex::Unit(1), "واحد واحده"),
    (Lex::Unit(2), "اثنان اثنين اثنتان اثنتين ثنتان ثنتين"),
    (Lex::TeenHead(1), "احد احدي"),
    (Lex::TeenHead(2), "اثنا اثنتا اثني اثنتي"),
    (Lex::Unit(3), "ثلاثه ثلاث"),
    (Lex::Unit(4), "اربعه اربع"),
    (Lex::Unit(5), "خمسه خمس"),
    (Lex::Unit(6), "سته ست"),
    (Lex::Unit(7), "سبعه سبع"),
    (Lex::Unit(8), "ثمانيه ثماني ثمان"),
    (Lex::Unit(9), "تسعه تسع"),
    (Lex::Ten, "عشره عشر"),
    (Lex::Tens(20), "عشرون عشرين"),
    (Lex::Tens(30), "ثلاثون ثلاثين"),
    (Lex::Tens(40), "اربعون اربعين"),
    (Lex::Tens(50), "خمسون خمسين"),
    (Lex::Tens(60), "ستون ستين"),
    (Lex::Tens(70), "سبعون سبعين"),
    (Lex::Tens(80), "ثمانون ثمانين"),
    (Lex::Tens(90), "تسعون تسعين"),
    (Lex::Hundreds(100), "ميه مايه"),
    (
        Lex::Hundreds(200),
        "ميتان ميتين ميتا ميتي مايتان مايتين مايتا مايتي",
    ),
    (Lex::Hundreds(300), "ثلاثميه ثلاثمايه"),
    (Lex::Hundreds(400), "اربعميه اربعمايه"),
    (Lex::Hundreds(500), "خمسميه خمسمايه"),
    (Lex::Hundreds(600), "ستميه ستمايه"),
    (Lex::Hundreds(700), "سبعميه سبعمايه"),
    (Lex::Hundreds(800), "ثمانميه ثمانمايه ثمانيميه ثمانيمايه"),
    (Lex::Hundreds(900), "تسعميه تسعمايه"),
    (Lex::Mult(1_000), "الف"),
    (Lex::MultAcc(1_000), "الفا"),
    (Lex::MultDual(1_000), "الفان الفين الفي"),
    (Lex::MultPlural(1_000), "الاف الوف"),
    (Lex::Mult(1_000_000), "مليون"),
    (Lex::MultAcc(1_000_000), "مليونا"),
    (Lex::MultDual(1_000_000), "مليونان مليونين مليوني"),
    (Lex::MultPlural(1_000_000), "ملايين"),
    (Lex::Mult(1_000_000_000), "مليار بليون"),
    (Lex::MultAcc(1_000_000_000), "مليارا"),
    (Lex::MultDual(1_000_000_000), "ملياران مليارين ملياري"),
    (Lex::MultPlural(1_000_000_000), "مليارات"),
    (Lex::Vague(20), "عشرات"),
    (Lex::Vague(200), "ميات"),
    (Lex::Vague(3), "العديد عديد عده بضعه بضع"),
];

/// Words that are numbers only without the article («الاثنين» is Monday, «المئة» is per cent).
const NO_ARTICLE: &str = "اثنين اثنان اثنتين اثنتان ميه مايه عده احد احدي";

/// Counted nouns in the dual. Only forms that cannot be plurals: «مسؤولين», «مدنيين»,
/// «مقاتلين» are plurals far more often than duals, so those nouns appear in «-ان» only.
const DUAL_COUNTS: &str = "طايرتين طايرتان مسيرتين مسيرتان مروحيتين مروحيتان مقاتلتين \
    مقاتلتان صاروخين صاروخان قذيفتين قذيفتان قنبلتين قنبلتان عبوتين عبوتان غارتين غارتان \
    ضربتين ضربتان هجومين هجومان انفجارين انفجاران عمليتين عمليتان جنديين جنديان شخصين شخصان \
    طفلين طفلان طفلتين طفلتان امراتين امراتان رجلين رجلان شابين شابان فتاتين فتاتان شقيقين \
    شقيقان مصدرين مصدران مسوولان ضابطين ضابطان عنصرين عنصران مقاتلان مدنيان عسكريان مصابان \
    مواطنان صحفيان مسعفان معتقلان شهيدين شهيدان قتيلين قتيلان جريحين جريحان اسيرين اسيران \
    رهينتين رهينتان ضحيتين ضحيتان طبيبين طبيبان سيارتين سيارتان مركبتين مركبتان دبابتين \
    دبابتان اليتين اليتان زورقين زورقان سفينتين سفينتان منزلين منزلان مبنيين قاعدتين قاعدتان \
    موقعين موقعان هدفين هدفان";

/// Lengths of time in the dual.
const DUAL_DURATIONS: &str =
    "يومين يومان ساعتين ساعتان اسبوعين اسبوعان شهرين شهران عامين عامان سنتين سنتان دقيقتين دقيقتان";

/// Other duals: frequencies.
const DUAL_OTHER: &str = "مرتين مرتان";

/// Singular counted nouns: «طائرة مسيرة واحدة» gives «واحدة» its noun.
const SINGULARS: &str = "طايره مسيره مروحيه مقاتله صاروخ قذيفه قنبله عبوه غاره ضربه هجوم \
    انفجار عمليه جندي شخص طفل طفله امراه رجل شاب فتاه مصدر مسوول ضابط عنصر مقاتل مدني عسكري \
    مصاب مواطن صحفي مسعف معتقل شهيد قتيل جريح اسير رهينه ضحيه طبيب سياره مركبه دبابه اليه زورق \
    سفينه منزل مبني قاعده موقع هدف";

/// Nouns (and their accusative and plural forms) that a number counts; they tell a count
/// («2000 شخص») from a year.
const COUNTED: &str = "شخص شخصا اشخاص قتيل قتيلا قتلي جريح جريحا جرحي مصاب مصابا مصابين \
    شهيد شهيدا شهداء طفل طفلا اطفال امراه نساء سيده جندي جنديا جنود عسكري عسكريا عسكريين عنصر \
    عنصرا عناصر مقاتل مقاتلا مقاتلين مدني مدنيا مدنيين مواطن مواطنا مواطنين معتقل معتقلا \
    معتقلين اسير اسيرا اسري رهينه رهاين محتجز محتجزا نازح نازحا نازحين لاجي لاجيا لاجيين \
    صاروخ صاروخا صواريخ قذيفه قذايف طايره طايرات مسيره مسيرات غاره غارات هجوم هجوما هجمات \
    منزل منزلا منازل مبني مباني بيت بيوت عايله عايلات اسره ضابط ضابطا ضباط مسلح مسلحا مسلحين \
    صحفي صحفيا صحفيين موظف موظفا موظفين رجل رجلا رجال شاب شابا شبان كادر كادرا مسعف مسعفا \
    مسعفين فلسطيني فلسطينيا فلسطينيين اسرايلي اسرايليا اسرايليين مستوطن مستوطنا مستوطنين";

const CURRENCY: &str = "دولار دولارا دولارات يورو ليره ليرات دينار دينارا دنانير ريال ريالا \
    ريالات جنيه جنيها جنيهات شيكل شيكلا شواكل درهم درهما دراهم تومان usd dollars";

const MEASURE: &str = "كيلومتر كيلومترا كيلومترات كلم كم متر مترا امتار ميل ميلا اميال طن \
    طنا اطنان كيلوغرام كيلوغراما كيلوغرامات كغ كيلو غرام هكتار هكتارا دونم دونما دونمات درجه \
    درجات ملم مم مليمتر ملليمتر لتر لترا برميل برميلا ميغاواط بوصه km m kg mm";

const DURATION: &str = "يوم يوما ايام ساعه ساعات اسبوع اسبوعا اسابيع شهر شهرا اشهر شهور سنه \
    سنوات سنين عام عاما اعوام دقيقه دقايق ثانيه ثوان ثواني عقد عقود قرن ليله ليال";

/// Words after which a number is a reference, not a count.
const REFERENCE: &str = "رقم القرار قرار الماده ماده البند الفقره الكيلو الطريق الصفحه الفصل \
    العدد الرقم";

/// Words after which a number is a clock time.
const TIME_AFTER: &str = "صباحا مساء مساءا ظهرا فجرا ليلا عصرا بتوقيت gmt utc ص";

/// Words before which a 4-digit number is a year.
const YEAR_BEFORE: &str = "عام العام سنه السنه عامي سنتي في منذ حتي خلال مطلع بدايه اوايل \
    منتصف اواسط اواخر نهايه اخر قبل بعد صيف شتاء ربيع خريف موسم مستهل ختام عاما";

/// Latin-letter names spelt in Arabic («أف – 16», «بي-52», «إس-400») and model names.
const LETTER_NAMES: &str = "اف بي سي تي ام اس اي يو جي كي سو ميغ ميج ار ايه اتش دي ان \
    توبوليف سوخوي ميراج شاهد قسام كورنيت غراد كاتيوشا فجر بركان قدس صماد سكود توشكا زلزال \
    خيبر فاتح كروز صمود فلق كاسر مرصاد ابابيل مهاجر باتريوت هيمارس ستينغر";

/// FNV-1a: a fast hash for short words (the keys are our own lists: no flooding concern).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by words.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A hash set of words.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A word list written as one space-separated string, turned into a set on first use.
pub(crate) struct Words {
    /// The words, separated by spaces.
    pub(crate) src: &'static str,
    set: OnceLock<FastSet<&'static str>>,
}

impl Words {
    /// A list from its words.
    pub(crate) const fn new(src: &'static str) -> Self {
        Words {
            src,
            set: OnceLock::new(),
        }
    }

    /// Is `w` one of the words?
    pub(crate) fn has(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.src.split_whitespace().collect())
            .contains(w)
    }
}

/// The word lists, as hash sets, built once.
struct Lists {
    /// Number words and dual nouns.
    entries: FastMap<&'static str, Entry>,
    no_article: FastSet<&'static str>,
    singulars: FastSet<&'static str>,
    counted: FastSet<&'static str>,
    currency: FastSet<&'static str>,
    measure: FastSet<&'static str>,
    duration: FastSet<&'static str>,
    reference: FastSet<&'static str>,
    time_after: FastSet<&'static str>,
    year_before: FastSet<&'static str>,
    letter_names: FastSet<&'static str>,
}

/// What a word can start.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// A number word.
    Num(Lex),
    /// A dual noun, and what kind of figure its 2 is.
    Dual(NumberKind),
}

/// A set of the words of a space-separated list.
fn words(s: &'static str) -> FastSet<&'static str> {
    s.split_whitespace().collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut entries: FastMap<&'static str, Entry> = LEXICON
            .iter()
            .flat_map(|(l, ws)| ws.split_whitespace().map(move |w| (w, Entry::Num(*l))))
            .collect();
        for (list, kind) in [
            (DUAL_COUNTS, NumberKind::Count),
            (DUAL_DURATIONS, NumberKind::Duration),
            (DUAL_OTHER, NumberKind::Other),
        ] {
            entries.extend(list.split_whitespace().map(|w| (w, Entry::Dual(kind))));
        }
        Lists {
            entries,
            no_article: words(NO_ARTICLE),
            singulars: words(SINGULARS),
            counted: words(COUNTED),
            currency: words(CURRENCY),
            measure: words(MEASURE),
            duration: words(DURATION),
            reference: words(REFERENCE),
            time_after: words(TIME_AFTER),
            year_before: words(YEAR_BEFORE),
            letter_names: words(LETTER_NAMES),
        }
    })
}

/// The value of a simple number word (units, «عشرة», tens, hundreds), through proclitics:
/// «ثلاثة» = 3, «وعشرين» = 20.
pub(crate) fn word_value(w: &str) -> Option<u64> {
    match lookup(w, true)?.1 {
        Lex::Unit(u) => Some(u),
        Lex::Ten => Some(10),
        Lex::Tens(t) => Some(t),
        Lex::Hundreds(h) => Some(h),
        _ => None,
    }
}

/// Look a word up, through its proclitics when it is the first word of a number. Returns
/// (proclitic byte length, entry).
fn lookup(w: &str, first: bool) -> Option<(usize, Lex)> {
    if !first {
        return match lists().entries.get(w)? {
            Entry::Num(x) => Some((0, *x)),
            Entry::Dual(_) => None,
        };
    }
    match entry(w)? {
        (p, Entry::Num(x)) => Some((p, x)),
        _ => None,
    }
}

/// The entry of a word, through its proclitics: (proclitic byte length, entry).
fn entry(w: &str) -> Option<(usize, Entry)> {
    let l = lists();
    readings(w).find_map(|(p, rest, article)| match *l.entries.get(rest)? {
        Entry::Num(_) if article && l.no_article.contains(rest) => None,
        e => Some((p, e)),
    })
}

fn dual(w: &str) -> Option<NumberKind> {
    match entry(w)? {
        (_, Entry::Dual(k)) => Some(k),
        _ => None,
    }
}

/// Qualifiers before a number, with what they mean.
const QUAL_BEFORE: &[(&[&str], Approx)] = &[
    (&["ما", "لا", "يقل", "عن"], Approx::AtLeast),
    (&["ما", "لا", "تقل", "عن"], Approx::AtLeast),
    (&["لا", "يقل", "عن"], Approx::AtLeast),
    (&["لا", "تقل", "عن"], Approx::AtLeast),
    (&["علي", "الاقل"], Approx::AtLeast),
    (&["ما", "يزيد", "عن"], Approx::MoreThan),
    (&["ما", "يزيد", "علي"], Approx::MoreThan),
    (&["ما", "يربو", "علي"], Approx::MoreThan),
    (&["يزيد", "عن"], Approx::MoreThan),
    (&["يزيد", "علي"], Approx::MoreThan),
    (&["يربو", "علي"], Approx::MoreThan),
    (&["ما", "يفوق"], Approx::MoreThan),
    (&["اكثر", "من"], Approx::MoreThan),
    (&["ازيد", "من"], Approx::MoreThan),
    (&["ما", "يقارب"], Approx::About),
    (&["ما", "يناهز"], Approx::About),
    (&["ما", "يقرب", "من"], Approx::About),
    (&["يقارب"], Approx::About),
    (&["يناهز"], Approx::About),
    (&["نحو"], Approx::About),
    (&["حوالي"], Approx::About),
    (&["قرابه"], Approx::About),
    (&["زهاء"], Approx::About),
    (&["اقل", "من"], Approx::LessThan),
];

// ------------------------------------------------------------------------------------------
// Parsing.

/// The number part of a quantity, before qualifiers and kind.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// First and last token.
    first: usize,
    last: usize,
    /// Key span.
    start: usize,
    end: usize,
    value: u64,
    vague: bool,
    /// Digits with a decimal part and no multiplier.
    decimal: bool,
    /// Digits (not words).
    digits: bool,
    /// Digits without separators.
    plain: bool,
    /// Era letter glued to the digits.
    era: bool,
    noun: Option<Span>,
    /// Kind decided by the parser (duals).
    kind: Option<NumberKind>,
}

/// Parse digits with separators as mantissa / 10^scale.
fn parse_decimal(s: &str, has_mult: bool) -> Option<(u128, u32)> {
    let seps: Vec<(usize, u8)> = s
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'.' || *b == b',')
        .collect();
    let groups_of_3 = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let head = parts.next().unwrap_or("");
        (1..=3).contains(&head.len()) && parts.all(|p| p.len() == 3)
    };
    let digits_only = |s: &str| -> Option<u128> {
        if s.is_empty() || s.len() > 30 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    if seps.is_empty() {
        return Some((digits_only(s)?, 0));
    }
    let dots = seps.iter().filter(|(_, b)| *b == b'.').count();
    let commas = seps.len() - dots;
    // Which separator (if any) is the decimal point?
    let decimal_at = if dots > 0 && commas > 0 {
        seps.last().map(|(i, _)| *i)
    } else if commas > 0 {
        if groups_of_3(s, ',') {
            None
        } else if commas == 1 {
            seps.first().map(|(i, _)| *i)
        } else {
            return None;
        }
    } else if dots == 1 {
        let after = s.split('.').nth(1).unwrap_or("");
        if !has_mult && after.len() == 3 && groups_of_3(s, '.') {
            None
        } else {
            seps.first().map(|(i, _)| *i)
        }
    } else if groups_of_3(s, '.') {
        None
    } else {
        return None;
    };
    let (int_part, frac) = match decimal_at {
        Some(i) => (s.get(..i)?, s.get(i + 1..)?),
        None => (s, ""),
    };
    if frac.contains(['.', ',']) {
        return None;
    }
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let all = format!("{int_digits}{frac}");
    Some((digits_only(&all)?, frac.len() as u32))
}

fn scaled(mantissa: u128, scale: u32, mult: u64) -> Option<u64> {
    let v = mantissa.checked_mul(u128::from(mult))? / 10u128.checked_pow(scale)?;
    u64::try_from(v).ok()
}

/// A multiplier word right after token `i - 1` (no proclitic): «ألف», «آلاف», «مليون».
fn mult_at(v: &View, i: usize) -> Option<u64> {
    if !v.joined(i) {
        return None;
    }
    match lookup(v.w(i), false)?.1 {
        Lex::Mult(m) | Lex::MultAcc(m) | Lex::MultPlural(m) => Some(m),
        _ => None,
    }
}

/// Digits at token `i`, with a multiplier after them.
fn parse_digits(v: &View, i: usize) -> Option<Core> {
    let d = digits_of(v, i)?;
    let mult = if d.era.is_none() {
        mult_at(v, i + 1)
    } else {
        None
    };
    let (mantissa, scale) = parse_decimal(d.text, mult.is_some())?;
    let mut value = scaled(mantissa, scale, mult.unwrap_or(1))?;
    let mut last = if mult.is_some() { i + 1 } else { i };
    let mut end = if mult.is_some() {
        v.span(last).end
    } else {
        d.end
    };
    // «40 ألفا و173 شهيدا»: the rest of the number after «و».
    if let Some(m) = mult {
        if v.joined(last + 1) {
            if let Some(r) = digits_of(v, last + 1) {
                let glued = v.w(last + 1).starts_with('و') && r.era.is_none();
                let small = parse_decimal(r.text, false)
                    .filter(|(_, sc)| *sc == 0)
                    .and_then(|(x, _)| u64::try_from(x).ok())
                    .filter(|x| *x < m);
                // Not the start of another figure: «40 ألفا و5 آلاف».
                let own_mult = mult_at(v, last + 2).is_some();
                if let (true, false, Some(x)) = (glued, own_mult, small) {
                    value = value.saturating_add(x);
                    last += 1;
                    end = r.end;
                }
            }
        }
    }
    Some(Core {
        first: i,
        last,
        start: d.start,
        end,
        value,
        vague: false,
        decimal: mult.is_none() && scale > 0,
        digits: true,
        plain: d.text.bytes().all(|b| b.is_ascii_digit()),
        era: d.era.is_some(),
        noun: None,
        kind: None,
    })
}

/// Composition classes inside one group below a thousand.
const C_UNIT: u8 = 1;
const C_TEN: u8 = 2;
const C_HUNDRED: u8 = 4;

/// A number in words starting at token `i`.
fn parse_words(v: &View, i: usize, pl: usize, first: Lex) -> Option<Core> {
    let start = v.span(i).start + pl;
    if let Lex::Vague(base) = first {
        return parse_vague(v, i, start, base);
    }
    if let Lex::MultPlural(m) = first {
        // «آلاف» alone: vague.
        return parse_vague(v, i, start, m.saturating_mul(2));
    }
    let mut total: u64 = 0;
    let mut chunk: u64 = 0;
    let mut classes: u8 = 0;
    let mut last_mult = u64::MAX;
    let mut last_lex = first;
    let mut pending_teen = false;
    match first {
        Lex::Unit(u) => {
            chunk = u;
            classes = C_UNIT;
        }
        Lex::TeenHead(u) => {
            chunk = u;
            classes = C_UNIT;
            pending_teen = true;
        }
        Lex::Ten => {
            chunk = 10;
            classes = C_UNIT | C_TEN;
        }
        Lex::Tens(t) => {
            chunk = t;
            classes = C_TEN;
        }
        Lex::Hundreds(h) => {
            chunk = h;
            classes = C_HUNDRED;
        }
        Lex::Mult(m) => {
            total = m;
            last_mult = m;
        }
        Lex::MultAcc(m) | Lex::MultDual(m) => {
            total = m.saturating_mul(2);
            last_mult = m;
        }
        Lex::MultPlural(_) | Lex::Vague(_) => return None,
    }
    let mut j = i + 1;
    let mut last = i;
    while j < v.n() && v.joined(j) {
        let w = v.w(j);
        // Direct continuations: «خمسة عشر», «ثلاث مئة», «ثلاثة آلاف».
        if let Some((_, l)) = lookup(w, false) {
            match l {
                Lex::Ten
                    if matches!(last_lex, Lex::Unit(1..=9) | Lex::TeenHead(_))
                        && classes == C_UNIT =>
                {
                    chunk += 10;
                    classes = C_UNIT | C_TEN;
                    pending_teen = false;
                    last_lex = l;
                    last = j;
                    j += 1;
                    continue;
                }
                Lex::Hundreds(100) if matches!(last_lex, Lex::Unit(3..=9)) && classes == C_UNIT => {
                    chunk *= 100;
                    classes = C_HUNDRED;
                    last_lex = l;
                    last = j;
                    j += 1;
                    continue;
                }
                Lex::Mult(m) | Lex::MultAcc(m) | Lex::MultPlural(m)
                    if chunk > 0 && m < last_mult && !pending_teen =>
                {
                    total = total.saturating_add(chunk.saturating_mul(m));
                    chunk = 0;
                    classes = 0;
                    last_mult = m;
                    last_lex = l;
                    last = j;
                    j += 1;
                    continue;
                }
                _ => {}
            }
        }
        // «و» continuations: «واحد وعشرون», «مئة وخمسة», «ألف ومئتان».
        let Some(rest) = w.strip_prefix('و') else {
            break;
        };
        let Some((_, l)) = lookup(rest, false) else {
            break;
        };
        if pending_teen {
            break;
        }
        let ok = match l {
            Lex::Unit(u) if classes & (C_UNIT | C_TEN) == 0 => {
                chunk += u;
                classes |= C_UNIT;
                true
            }
            Lex::Ten if classes & (C_UNIT | C_TEN) == 0 => {
                chunk += 10;
                classes |= C_UNIT | C_TEN;
                true
            }
            Lex::Tens(t) if classes & C_TEN == 0 => {
                chunk += t;
                classes |= C_TEN;
                true
            }
            Lex::Hundreds(h) if classes == 0 && chunk == 0 && total > 0 => {
                chunk = h;
                classes = C_HUNDRED;
                true
            }
            Lex::Mult(m) if chunk == 0 && total > 0 && m < last_mult => {
                total = total.saturating_add(m);
                last_mult = m;
                true
            }
            Lex::MultDual(m) if chunk == 0 && total > 0 && m < last_mult => {
                total = total.saturating_add(m.saturating_mul(2));
                last_mult = m;
                true
            }
            _ => false,
        };
        if !ok {
            break;
        }
        last_lex = l;
        last = j;
        j += 1;
    }
    if pending_teen {
        return None;
    }
    Some(Core {
        first: i,
        last,
        start,
        end: v.span(last).end,
        value: total.saturating_add(chunk),
        vague: false,
        decimal: false,
        digits: false,
        plain: false,
        era: false,
        noun: None,
        kind: None,
    })
}

/// A vague quantity: «عشرات», «مئات الآلاف», «بضعة آلاف», «العديد من».
fn parse_vague(v: &View, i: usize, start: usize, base: u64) -> Option<Core> {
    let mut value = base;
    let mut last = i;
    if let Some(m) = v
        .joined(i + 1)
        .then(|| lookup(v.w(i + 1), true))
        .flatten()
        .and_then(|(_, l)| match l {
            Lex::MultPlural(m) | Lex::Mult(m) => Some(m),
            Lex::Vague(200) => Some(100),
            _ => None,
        })
    {
        // «بضعة آلاف» = 3 000, «عشرات الآلاف» = 20 000.
        value = base.saturating_mul(m);
        last = i + 1;
    }
    let rest = v.w(i).get(start - v.span(i).start..).unwrap_or("");
    if matches!(rest, "العديد" | "عديد") && v.joined(last + 1) && v.w(last + 1) == "من"
    {
        last += 1;
    }
    Some(Core {
        first: i,
        last,
        start,
        end: v.span(last).end,
        value,
        vague: true,
        decimal: false,
        digits: false,
        plain: false,
        era: false,
        noun: None,
        kind: None,
    })
}

/// «عدد من», «عدد كبير من».
fn parse_adad(v: &View, i: usize) -> Option<Core> {
    let w = v.w(i);
    let pl = if w == "عدد" {
        0
    } else if w == "وعدد" || w == "بعدد" || w == "لعدد" {
        "و".len()
    } else {
        return None;
    };
    let mut j = i + 1;
    if v.joined(j) && matches!(v.w(j), "كبير" | "قليل" | "محدود" | "ضخم" | "هايل" | "غير")
    {
        j += 1;
        if v.w(j - 1) == "غير" {
            if !(v.joined(j) && v.w(j) == "قليل") {
                return None;
            }
            j += 1;
        }
    }
    if !(v.joined(j) && v.w(j) == "من") {
        return None;
    }
    Some(Core {
        first: i,
        last: j,
        start: v.span(i).start + pl,
        end: v.span(j).end,
        value: 3,
        vague: true,
        decimal: false,
        digits: false,
        plain: false,
        era: false,
        noun: None,
        kind: None,
    })
}

/// A dual noun: «طائرتين», «صاروخين» (and «طائرتين مسيرتين», «طائرتين اثنتين»).
fn parse_dual(v: &View, i: usize, kind: NumberKind) -> Option<Core> {
    let mut last = i;
    while v.joined(last + 1)
        && (dual(v.w(last + 1)).is_some()
            || matches!(v.w(last + 1), "اثنين" | "اثنتين" | "اثنان" | "اثنتان"))
    {
        last += 1;
    }
    Some(Core {
        first: i,
        last,
        start: v.span(i).start,
        end: v.span(last).end,
        value: 2,
        vague: false,
        decimal: false,
        digits: false,
        plain: false,
        era: false,
        noun: Some(v.span(i)),
        kind: Some(kind),
    })
}

/// The quantity at token `i`, if any.
fn core_at(v: &View, i: usize) -> Option<Core> {
    match v.kind(i)? {
        TokenKind::Number => parse_digits(v, i),
        TokenKind::Arabic => {
            if let Some(c) = parse_digits(v, i).or_else(|| parse_adad(v, i)) {
                return Some(c);
            }
            match entry(v.w(i))? {
                (pl, Entry::Num(first)) => parse_words(v, i, pl, first),
                (_, Entry::Dual(kind)) => parse_dual(v, i, kind),
            }
        }
        TokenKind::Other => None,
    }
}

/// Token `i` (or the token before it, an adjective between) is a counted singular noun.
fn singular_noun_before(v: &View, i: usize) -> Option<Span> {
    let l = lists();
    let stem = |j: usize| v.a.tokens.get(j).map_or("", |t| v.a.key_str(t.stem));
    let mut found = None;
    // The farthest of two: «طائرة مسيرة واحدة» counts «طائرة».
    for back in 1..=2 {
        let Some(j) = i.checked_sub(back) else { break };
        if !v.joined(j + 1) {
            break;
        }
        if l.singulars.contains(v.w(j)) || l.singulars.contains(stem(j)) {
            found = Some(v.span(j));
        } else if back == 1 && v.kind(j) != Some(TokenKind::Arabic) {
            break;
        }
    }
    found
}

/// A qualifier ending right before token `i`: (first token, approx).
fn qualifier_before(v: &View, i: usize) -> Option<(usize, Approx)> {
    QUAL_BEFORE.iter().find_map(|(words, approx)| {
        let k = words.len();
        let first = i.checked_sub(k)?;
        for (n, word) in words.iter().enumerate() {
            let j = first + n;
            let ok = if n == 0 {
                v.is(j, word)
            } else {
                v.w(j) == *word && v.joined(j)
            };
            if !ok {
                return None;
            }
        }
        v.joined(i).then_some((first, *approx))
    })
}

/// A trailing qualifier starting at token `j`: (last token, approx).
fn qualifier_after(v: &View, j: usize) -> Option<(usize, Approx)> {
    if !v.joined(j) {
        return None;
    }
    if v.is(j, "علي") && v.joined(j + 1) && v.w(j + 1) == "الاقل" {
        return Some((j + 1, Approx::AtLeast));
    }
    if v.w(j) == "تقريبا" {
        return Some((j, Approx::About));
    }
    None
}

/// Is token `i` the start of a month name?
fn month_at(v: &View, i: usize) -> bool {
    crate::dates::month_at(v, i).is_some()
}

/// What the number `c` is, from its neighbours. Returns the kind and, for «%», the span end
/// or start to extend to.
fn classify(v: &View, c: &Core, prev: Option<&Quantity>) -> (NumberKind, Span) {
    let l = lists();
    let mut span = Span::new(c.start, c.end);
    if let Some(k) = c.kind {
        return (k, span);
    }
    let next = c.last + 1;
    let next_w = if next < v.n() && v.sep(next).is_some() {
        v.w(next)
    } else {
        ""
    };
    let joined_next = v.joined(next);
    let prev_w = if v.sep(c.first).is_some() {
        v.w(c.first.wrapping_sub(1))
    } else {
        ""
    };
    let int = (!c.decimal).then_some(c.value);
    let four = c.plain && mult_free(c) && (1000..=2100).contains(&c.value) && c.end - c.start == 4;

    if c.era {
        return (NumberKind::Year, span);
    }
    // Percentages: «30%», «%30» (typed right to left), «30 بالمئة», «30 في المئة».
    if c.digits {
        let after = v.gap(next);
        if after.trim_start_matches(' ').starts_with('%') && !after.contains('\n') {
            if let Some(p) = after.find('%') {
                span.end = c.end.max(v.gap_start(next) + p + 1);
            }
            return (NumberKind::Percent, span);
        }
        let before = v.gap(c.first);
        if before.trim_end_matches(' ').ends_with('%')
            && !before.contains('\n')
            && c.start == v.span(c.first).start
        {
            if let Some(p) = before.rfind('%') {
                span.start = v.gap_start(c.first) + p;
            }
            return (NumberKind::Percent, span);
        }
    }
    if joined_next && matches!(next_w, "بالميه" | "بالمايه" | "بالمييه") {
        span.end = v.span(next).end;
        return (NumberKind::Percent, span);
    }
    if joined_next
        && next_w == "في"
        && v.joined(next + 1)
        && matches!(v.w(next + 1), "الميه" | "المايه")
    {
        span.end = v.span(next + 1).end;
        return (NumberKind::Percent, span);
    }
    // Clock times.
    if v.is_any(c.first.wrapping_sub(1), &["الساعه", "ساعه"])
        && v.joined(c.first)
        && int.is_some_and(|h| h <= 24)
    {
        return (NumberKind::Time, span);
    }
    if joined_next
        && (l.time_after.contains(next_w) || (next_w == "بعد" && v.w(next + 1) == "الظهر"))
    {
        return (NumberKind::Time, span);
    }
    // Dates: «28 يناير», «7 من أكتوبر», «27-أكتوبر-2023»; years after a month.
    if c.digits && int.is_some_and(|d| (1..=31).contains(&d)) {
        let sep_ok = matches!(v.sep(next), Some("" | "-" | "/"));
        if sep_ok
            && (month_at(v, next)
                || (v.w(next) == "من" && v.joined(next + 1) && month_at(v, next + 1)))
        {
            return (NumberKind::Date, span);
        }
    }
    if c.digits && int.is_some() && c.first > 0 && matches!(v.sep(c.first), Some("" | "-" | "/")) {
        let mut j = c.first - 1;
        // «أكتوبر/تشرين الأول 2023»: the month name may be two tokens.
        let mut found = month_at(v, j);
        if !found && j > 0 {
            j -= 1;
            found = crate::dates::month_at(v, j).is_some_and(|m| m.end == c.first);
        }
        if found && (c.end - c.start >= 3) {
            return (NumberKind::Year, span);
        }
    }
    // Model numbers: «F-16», «أف – 16», «MQ-9».
    if c.digits && c.first > 0 && c.start == v.span(c.first).start {
        let sep = v.sep(c.first);
        let pk = v.kind(c.first - 1);
        if matches!(sep, Some("-" | "/"))
            && (pk == Some(TokenKind::Other) || l.letter_names.contains(prev_w))
        {
            return (NumberKind::Model, span);
        }
        if sep == Some("") && pk == Some(TokenKind::Other) {
            return (NumberKind::Model, span);
        }
    }
    // Years.
    if four {
        let counted =
            l.counted.contains(next_w) || l.measure.contains(next_w) || l.currency.contains(next_w);
        let era_next =
            joined_next && matches!(next_w, "م" | "ه" | "ميلادي" | "ميلاديه" | "هجري" | "هجريه");
        if era_next {
            span.end = v.span(next).end;
            return (NumberKind::Year, span);
        }
        let prev_year = prev.is_some_and(|p| {
            p.kind == NumberKind::Year && v.span(c.first.wrapping_sub(1)).end == p.key.end
        }) && (matches!(v.sep(c.first), Some("-" | "/"))
            || v.w(c.first).starts_with('و'));
        let year_word =
            v.is_in(c.first.wrapping_sub(1), &l.year_before) && v.sep(c.first) == Some("");
        if !counted && (year_word || prev_year || (1945..=2035).contains(&c.value)) {
            return (NumberKind::Year, span);
        }
    }
    if joined_next {
        if l.currency.contains(next_w) {
            return (NumberKind::Money, span);
        }
        if l.measure.contains(next_w) {
            return (NumberKind::Measure, span);
        }
        if l.duration.contains(next_w) {
            return (NumberKind::Duration, span);
        }
    }
    // «اليوم الـ 437», «الذكرى الـ 75»: an ordinal after a definite noun.
    if c.digits
        && prev_w == "ال"
        && c.first >= 2
        && v.joined(c.first - 1)
        && v.w(c.first - 2).starts_with("ال")
    {
        return (NumberKind::Other, span);
    }
    // «خلال الـ 24 ساعة»: «الـ» stands between.
    if c.digits && prev_w == "ال" && joined_next && l.duration.contains(next_w) {
        return (NumberKind::Duration, span);
    }
    if v.joined(c.first) && v.is_in(c.first.wrapping_sub(1), &l.reference) {
        return (NumberKind::Other, span);
    }
    if c.decimal {
        return (NumberKind::Other, span);
    }
    (NumberKind::Count, span)
}

/// A numeric date at token `i`: «27/10/2023», «27-10-2023», «2023-10-27», «2023/10/27»,
/// «27.10.2023». Returns the date, its key span and the token after it.
pub(crate) fn numeric_date_at(v: &View, i: usize) -> Option<(rasd_model::IsoDate, Span, usize)> {
    let d = digits_of(v, i)?;
    if d.era.is_some() {
        return None;
    }
    let ymd = |y: u64, m: u64, dd: u64| {
        rasd_model::IsoDate::from_ymd(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(dd).ok()?,
        )
        .filter(|_| (1000..=2100).contains(&y))
    };
    // «27.10.2023» is a single token.
    if d.text.matches('.').count() == 2 {
        let mut it = d.text.split('.');
        let (a, b, c) = (it.next()?, it.next()?, it.next()?);
        let num = |s: &str| {
            s.bytes()
                .all(|x| x.is_ascii_digit())
                .then(|| s.parse::<u64>().ok())
                .flatten()
        };
        if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            let date = ymd(num(c)?, num(b)?, num(a)?)?;
            return Some((date, Span::new(d.start, d.end), i + 1));
        }
        return None;
    }
    let first = d.int()?;
    let sep = v.gap(i + 1);
    if !(matches!(sep, "/" | "-") && v.gap(i + 2) == sep) {
        return None;
    }
    let b = digits_of(v, i + 1).filter(|x| x.start == v.span(i + 1).start && x.era.is_none())?;
    let c = digits_of(v, i + 2).filter(|x| x.start == v.span(i + 2).start)?;
    let (bi, ci) = (b.int()?, c.int()?);
    let date = if d.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
        ymd(first, bi, ci)?
    } else if c.text.len() == 4 && d.text.len() <= 2 && b.text.len() <= 2 {
        ymd(ci, bi, first)?
    } else {
        return None;
    };
    Some((date, Span::new(d.start, c.end), i + 3))
}

/// The number has no multiplier word after it.
fn mult_free(c: &Core) -> bool {
    c.first == c.last
}

/// A clock time («7:20») or a numeric date («27/10/2023») at token `i`.
fn time_or_date_at(v: &View, i: usize) -> Option<(Quantity, usize)> {
    if let Some((date, key, next)) = numeric_date_at(v, i) {
        let value = u64::try_from(date.year).ok()? * 10_000
            + u64::from(date.month) * 100
            + u64::from(date.day);
        return Some((
            quantity(v, key, value, Approx::Exact, None, NumberKind::Date, None),
            next,
        ));
    }
    let d = digits_of(v, i)?;
    let first = d.int()?;
    // Times: «7:20», «13:05:30».
    if d.era.is_none() && v.gap(i + 1) == ":" {
        let m = digits_of(v, i + 1)
            .filter(|m| m.text.len() == 2 && m.start == v.span(i + 1).start)?
            .int()?;
        if first <= 24 && m < 60 {
            let mut last = i + 1;
            if v.gap(last + 1) == ":" && digits_of(v, last + 1).is_some_and(|s| s.text.len() == 2) {
                last += 1;
            }
            let key = Span::new(d.start, v.span(last).end);
            return Some((
                quantity(
                    v,
                    key,
                    first * 100 + m,
                    Approx::Exact,
                    None,
                    NumberKind::Time,
                    None,
                ),
                last + 1,
            ));
        }
    }
    None
}

fn quantity(
    v: &View,
    key: Span,
    value: u64,
    approx: Approx,
    noun: Option<Span>,
    kind: NumberKind,
    qualifier: Option<Span>,
) -> Quantity {
    Quantity {
        key,
        orig: v.a.key.to_original(key),
        value,
        approx,
        noun,
        kind,
        qualifier,
    }
}

/// Find the quantities of an analysed text.
pub fn find(a: &Analyzed) -> Vec<Quantity> {
    let v = View::new(a);
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < v.n() {
        if let Some((q, next)) = time_or_date_at(&v, i) {
            out.push(q);
            i = next;
            continue;
        }
        let Some(mut c) = core_at(&v, i) else {
            i += 1;
            continue;
        };
        let lone_one =
            !c.digits && !c.vague && c.kind.is_none() && c.value == 1 && c.first == c.last;
        if lone_one {
            c.noun = singular_noun_before(&v, i);
        }
        let (kind, mut key) = classify(&v, &c, out.last());
        let mut approx = if c.vague {
            Approx::Vague
        } else {
            Approx::Exact
        };
        let mut qualifier = None;
        let mut next = c.last + 1;
        if kind == NumberKind::Count || c.vague {
            let free = |qs: usize| out.last().is_none_or(|p: &Quantity| p.key.end <= qs);
            let before = qualifier_before(&v, c.first)
                .map(|(qf, ap)| (v.span(qf).start + qualifier_prefix_len(v.w(qf)), ap))
                .filter(|(qs, _)| free(*qs));
            if let Some((qs, ap)) = before {
                key.start = qs;
                qualifier = Some(Span::new(qs, v.span(c.first - 1).end));
                if !c.vague {
                    approx = ap;
                }
            }
            // Trailing qualifier: right after the number, or after the counted noun (and an
            // adjective), without taking the noun into the key.
            if let Some((ql, ap)) = qualifier_after(&v, c.last + 1) {
                key.end = v.span(ql).end;
                qualifier = Some(Span::new(v.span(c.last + 1).start, v.span(ql).end));
                next = ql + 1;
                if !c.vague {
                    approx = ap;
                }
            } else if let Some((ql, ap, qs)) = (2..=3).find_map(|k| {
                (v.joined(c.last + 1)
                    && (c.last + 2..c.last + k)
                        .all(|j| v.joined(j) && v.kind(j) == Some(TokenKind::Arabic)))
                .then(|| qualifier_after(&v, c.last + k).map(|(ql, ap)| (ql, ap, c.last + k)))
                .flatten()
            }) {
                qualifier = Some(Span::new(v.span(qs).start, v.span(ql).end));
                if !c.vague {
                    approx = ap;
                }
            }
        }
        if kind == NumberKind::Year || kind == NumberKind::Percent {
            next = next.max(v.a.token_at(key.end));
        }
        // «واحد» alone is mostly an adjective («في آن واحد», «صوت واحد»): a count only after
        // a counted noun, before «من» («واحد من الجنود»), or qualified.
        let counts_one = c.noun.is_some()
            || qualifier.is_some()
            || (v.joined(c.last + 1) && v.w(c.last + 1) == "من");
        if lone_one && kind == NumberKind::Count && !counts_one {
            i = c.last + 1;
            continue;
        }
        out.push(quantity(&v, key, c.value, approx, c.noun, kind, qualifier));
        i = next.max(i + 1);
    }
    out
}

/// First words of the qualifiers before a number (they may carry a proclitic: «لأكثر من»).
const QUAL_BEFORE_FIRST: &str = "ما لا علي يزيد يربو اكثر ازيد يقارب يناهز نحو حوالي قرابه زهاء اقل";

/// Byte length of the proclitic before a qualifier's first word («ل» in «لأكثر»).
fn qualifier_prefix_len(w: &str) -> usize {
    for f in QUAL_BEFORE_FIRST.split_whitespace() {
        if w == f {
            return 0;
        }
        if let Some(p) = w.strip_suffix(f) {
            if CONJ.contains(&p) {
                return p.len();
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    /// (original text of the quantity, value, approx, kind) for every quantity found.
    fn q(text: &str) -> Vec<(String, u64, Approx, NumberKind)> {
        let a = analyze(text);
        find(&a)
            .into_iter()
            .map(|q| {
                (
                    q.orig.slice(text).unwrap_or("?").to_string(),
                    q.value,
                    q.approx,
                    q.kind,
                )
            })
            .collect()
    }

    /// Only the counts.
    fn counts(text: &str) -> Vec<(String, u64, Approx)> {
        q(text)
            .into_iter()
            .filter(|x| x.3 == NumberKind::Count)
            .map(|x| (x.0, x.1, x.2))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, [$(($s:expr, $v:expr, $ap:ident, $k:ident)),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<(String, u64, Approx, NumberKind)> =
                    vec![$(($s.to_string(), $v, Approx::$ap, NumberKind::$k)),*];
                assert_eq!(q($input), want);
            }
        };
    }

    // Digits.
    t!(
        plain_digits,
        "قتل 4385 شخصا",
        [("4385", 4385, Exact, Count)]
    );
    t!(
        thousands_comma,
        "أكثر من 1,400 قتيل",
        [("أكثر من 1,400", 1400, MoreThan, Count)]
    );
    t!(
        arabic_indic,
        "أصيب ١٣٥٦١ جريحا",
        [("١٣٥٦١", 13561, Exact, Count)]
    );
    t!(
        arabic_decimal_sep,
        "نزح ٢٫٥ مليون شخص",
        [("٢٫٥ مليون", 2_500_000, Exact, Count)]
    );
    t!(
        decimal_million,
        "نزح 2.5 مليون شخص",
        [("2.5 مليون", 2_500_000, Exact, Count)]
    );
    t!(
        thousands_dot,
        "قتل 1.400 شخص",
        [("1.400", 1400, Exact, Count)]
    );
    t!(
        digits_thousands,
        "نحو 3 آلاف مقاتل",
        [("نحو 3 آلاف", 3000, About, Count)]
    );
    t!(
        digits_alf,
        "نزح 300 ألف شخص",
        [("300 ألف", 300_000, Exact, Count)]
    );
    t!(
        digits_after_waw,
        "منهم 1756 طفلا و967 امرأة",
        [("1756", 1756, Exact, Count), ("967", 967, Exact, Count)]
    );
    t!(digits_after_ba, "بـ5 صواريخ", [("5", 5, Exact, Count)]);

    // Words.
    t!(word_three, "قتل ثلاثة جنود", [("ثلاثة", 3, Exact, Count)]);
    t!(
        word_three_fem,
        "أطلقت ثلاث طائرات",
        [("ثلاث", 3, Exact, Count)]
    );
    t!(
        word_fifteen,
        "خمسة عشر مقاتلا",
        [("خمسة عشر", 15, Exact, Count)]
    );
    t!(
        word_twelve,
        "اثنا عشر جنديا",
        [("اثنا عشر", 12, Exact, Count)]
    );
    t!(
        word_eleven_fem,
        "إحدى عشرة قذيفة",
        [("إحدى عشرة", 11, Exact, Count)]
    );
    t!(
        word_twenty_one,
        "واحد وعشرون صاروخا",
        [("واحد وعشرون", 21, Exact, Count)]
    );
    t!(
        word_hundred,
        "مئة شخص ومائة آخرون",
        [("مئة", 100, Exact, Count), ("مائة", 100, Exact, Count)]
    );
    t!(
        word_three_hundred,
        "ثلاثمئة مقاتل",
        [("ثلاثمئة", 300, Exact, Count)]
    );
    t!(
        word_three_hundred_split,
        "ثلاث مئة مقاتل",
        [("ثلاث مئة", 300, Exact, Count)]
    );
    t!(
        word_two_hundred,
        "مئتان وخمسون جريحا",
        [("مئتان وخمسون", 250, Exact, Count)]
    );
    t!(
        word_hundred_twenty_five,
        "مئة وخمسة وعشرون قتيلا",
        [("مئة وخمسة وعشرون", 125, Exact, Count)]
    );
    t!(word_alf, "ألف جندي", [("ألف", 1000, Exact, Count)]);
    t!(
        thousands_and_digits,
        "ارتفع عدد الشهداء إلى 40 ألفا و173 شهيدا",
        [("40 ألفا و173", 40_173, Exact, Count)]
    );
    t!(
        thousands_and_digits_not_a_list,
        "قتل 40 ألفا و5 آلاف جريح",
        [
            ("40 ألفا", 40_000, Exact, Count),
            ("5 آلاف", 5_000, Exact, Count)
        ]
    );
    t!(word_alfay, "ألفي جندي", [("ألفي", 2000, Exact, Count)]);
    t!(
        word_alfayn,
        "نحو ألفين",
        [("نحو ألفين", 2000, About, Count)]
    );
    t!(
        word_three_thousand,
        "ثلاثة آلاف نازح",
        [("ثلاثة آلاف", 3000, Exact, Count)]
    );
    t!(
        word_thousand_two_hundred,
        "ألف ومئتا جندي",
        [("ألف ومئتا", 1200, Exact, Count)]
    );
    t!(
        word_million,
        "ثلاثة ملايين لاجئ",
        [("ثلاثة ملايين", 3_000_000, Exact, Count)]
    );
    t!(
        word_thirty_thousand_acc,
        "ثلاثين ألفا",
        [("ثلاثين ألفا", 30_000, Exact, Count)]
    );
    t!(
        word_with_proclitic,
        "وبثلاثة صواريخ",
        [("ثلاثة", 3, Exact, Count)]
    );
    t!(
        two_numbers_stay_apart,
        "قتل خمسة وستة جرحى",
        [("خمسة", 5, Exact, Count), ("ستة", 6, Exact, Count)]
    );
    t!(
        comma_breaks_compound,
        "ثلاثة، وأربعة",
        [("ثلاثة", 3, Exact, Count), ("أربعة", 4, Exact, Count)]
    );
    t!(ordinals_skipped, "الأول والثانية والثالث", []);
    t!(monday_not_two, "يوم الاثنين", []);
    t!(ahad_alone_not_number, "أحد الجنود", []);
    t!(lastu_not_six, "لست أدري", []);
    t!(percent_word_not_hundred, "بالمئة", []);

    // Duals and «واحد».
    t!(
        dual_aircraft,
        "هاجمت طائرتين",
        [("طائرتين", 2, Exact, Count)]
    );
    t!(
        dual_with_adjective,
        "«طائرتين مسيرتين» هاجمتا",
        [("طائرتين مسيرتين", 2, Exact, Count)]
    );
    t!(
        dual_with_number,
        "صاروخين اثنين",
        [("صاروخين اثنين", 2, Exact, Count)]
    );
    t!(dual_sources, "قال مصدران", [("مصدران", 2, Exact, Count)]);
    t!(dual_soldiers, "إصابة جنديين", [("جنديين", 2, Exact, Count)]);
    t!(
        dual_persons_prefixed,
        "وبشخصين",
        [("وبشخصين", 2, Exact, Count)]
    );
    t!(
        dual_days_duration,
        "قبل يومين",
        [("يومين", 2, Exact, Duration)]
    );
    t!(plural_not_dual, "مقتل مدنيين ومسلحين", []);
    t!(
        one_after_noun,
        "بطائرة مسيرة واحدة",
        [("واحدة", 1, Exact, Count)]
    );
    t!(one_as_adjective, "في آن واحد", []);
    t!(one_of, "قتل واحد من الجنود", [("واحد", 1, Exact, Count)]);
    t!(
        one_at_least,
        "بطائرة مسيرة واحدة على الأقل",
        [("واحدة على الأقل", 1, AtLeast, Count)]
    );

    #[test]
    fn dual_noun_span_is_the_noun() {
        let text = "أسقطت طائرتين مسيرتين";
        let a = analyze(text);
        let qs = find(&a);
        assert_eq!(qs.len(), 1);
        assert_eq!(
            qs[0].noun.and_then(|n| n.slice(&a.key.text)),
            Some("طايرتين")
        );
    }

    #[test]
    fn one_carries_its_noun() {
        // The head noun, not the adjective «مسيرة» (which is also the noun "drone").
        let text = "هجوم بطائرة مسيّرة واحدة";
        let a = analyze(text);
        let qs = find(&a);
        assert_eq!(qs[0].noun.map(|n| a.key_str(n)), Some("بطايره"));
    }

    // Vague.
    t!(vague_tens, "عشرات القتلى", [("عشرات", 20, Vague, Count)]);
    t!(vague_hundreds, "مئات الجرحى", [("مئات", 200, Vague, Count)]);
    t!(
        vague_thousands,
        "آلاف النازحين",
        [("آلاف", 2000, Vague, Count)]
    );
    t!(
        vague_tens_of_thousands,
        "عشرات الآلاف",
        [("عشرات الآلاف", 20_000, Vague, Count)]
    );
    t!(
        vague_few_thousand,
        "بضعة آلاف",
        [("بضعة آلاف", 3000, Vague, Count)]
    );
    t!(
        vague_many,
        "العديد من الهجمات",
        [("العديد من", 3, Vague, Count)]
    );
    t!(vague_several, "عدة صواريخ", [("عدة", 3, Vague, Count)]);
    t!(
        vague_a_number_of,
        "عدد من المسلحين",
        [("عدد من", 3, Vague, Count)]
    );
    t!(
        vague_large_number,
        "وعدد كبير من الجرحى",
        [("عدد كبير من", 3, Vague, Count)]
    );
    t!(adad_alone_is_not_vague, "عدد القتلى", []);
    t!(
        vague_with_prefix,
        "بعشرات الصواريخ",
        [("عشرات", 20, Vague, Count)]
    );

    // Qualifiers.
    t!(
        more_than,
        "أكثر من 20 قتيلا",
        [("أكثر من 20", 20, MoreThan, Count)]
    );
    t!(
        more_than_prefixed,
        "لأكثر من عشرين",
        [("أكثر من عشرين", 20, MoreThan, Count)]
    );
    t!(
        ma_yazid_an,
        "ما يزيد عن 50 شخصا",
        [("ما يزيد عن 50", 50, MoreThan, Count)]
    );
    t!(
        ma_yazid_ala,
        "ما يزيد على مئة",
        [("ما يزيد على مئة", 100, MoreThan, Count)]
    );
    t!(azyad, "أزيد من 30", [("أزيد من 30", 30, MoreThan, Count)]);
    t!(
        at_least_after,
        "قتل 5 على الأقل",
        [("5 على الأقل", 5, AtLeast, Count)]
    );
    t!(
        ma_la_yaqill,
        "ما لا يقل عن 12 شخصا",
        [("ما لا يقل عن 12", 12, AtLeast, Count)]
    );
    t!(
        la_yaqill,
        "لا يقل عن ثلاثة",
        [("لا يقل عن ثلاثة", 3, AtLeast, Count)]
    );
    t!(nahw, "نحو 40 جريحا", [("نحو 40", 40, About, Count)]);
    t!(hawali, "حوالي 60", [("حوالي 60", 60, About, Count)]);
    t!(
        qurabat,
        "قرابة مئتي شخص",
        [("قرابة مئتي", 200, About, Count)]
    );
    t!(zuhaa, "زهاء ألف", [("زهاء ألف", 1000, About, Count)]);
    t!(
        ma_yuqarib,
        "ما يقارب 70",
        [("ما يقارب 70", 70, About, Count)]
    );
    t!(taqriban, "70 تقريبا", [("70 تقريبا", 70, About, Count)]);
    t!(
        less_than,
        "أقل من 10 أشخاص",
        [("أقل من 10", 10, LessThan, Count)]
    );
    t!(
        vague_keeps_vague,
        "أكثر من عشرات",
        [("أكثر من عشرات", 20, Vague, Count)]
    );

    #[test]
    fn at_least_after_noun_stays_out_of_key() {
        let text = "قتل 5 أشخاص على الأقل";
        let a = analyze(text);
        let qs = find(&a);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].orig.slice(text), Some("5"));
        assert_eq!(qs[0].approx, Approx::AtLeast);
        assert_eq!(qs[0].qualifier.map(|s| a.key_str(s)), Some("علي الاقل"));
    }

    // Not counts.
    t!(year_after_am, "في عام 2021", [("2021", 2021, Exact, Year)]);
    t!(year_bare, "حرب 2023", [("2023", 2023, Exact, Year)]);
    t!(year_era_glued, "سنة 2023م", [("2023م", 2023, Exact, Year)]);
    t!(year_hijri, "عام 1445 هـ", [("1445 هـ", 1445, Exact, Year)]);
    t!(
        years_pair,
        "عامي 2021 و2022",
        [("2021", 2021, Exact, Year), ("2022", 2022, Exact, Year)]
    );
    t!(
        count_not_year,
        "قتل 2000 شخص",
        [("2000", 2000, Exact, Count)]
    );
    t!(time_colon, "عند 1:05 فجرا", [("1:05", 105, Exact, Time)]);
    t!(
        time_after_saa,
        "الساعة 7:20 صباحا",
        [("7:20", 720, Exact, Time)]
    );
    t!(time_hour_only, "في الساعة 7 مساء", [("7", 7, Exact, Time)]);
    t!(
        date_day,
        "في 28 يناير 2024",
        [("28", 28, Exact, Date), ("2024", 2024, Exact, Year)]
    );
    t!(date_day_levant, "23 تشرين الأول", [("23", 23, Exact, Date)]);
    t!(
        date_combined_year,
        "23 أكتوبر/تشرين الأول 2023",
        [("23", 23, Exact, Date), ("2023", 2023, Exact, Year)]
    );
    t!(
        date_numeric,
        "بتاريخ 27/10/2023",
        [("27/10/2023", 20231027, Exact, Date)]
    );
    t!(
        date_iso,
        "2023-10-27",
        [("2023-10-27", 20231027, Exact, Date)]
    );
    t!(
        date_dotted,
        "27.10.2023",
        [("27.10.2023", 20231027, Exact, Date)]
    );
    t!(
        date_hyphen_month,
        "27-أكتوبر-2023",
        [("27", 27, Exact, Date), ("2023", 2023, Exact, Year)]
    );
    t!(percent_sign, "بنسبة 30%", [("30%", 30, Exact, Percent)]);
    t!(
        percent_sign_before,
        "بنسبة %30",
        [("%30", 30, Exact, Percent)]
    );
    t!(
        percent_words,
        "ارتفع 12 في المئة",
        [("12 في المئة", 12, Exact, Percent)]
    );
    t!(
        percent_bil,
        "نحو 40 بالمئة",
        [("40 بالمئة", 40, Exact, Percent)]
    );
    t!(model_latin, "مقاتلات F-16", [("16", 16, Exact, Model)]);
    t!(
        model_arabic_letters,
        "طائرات أف – 16",
        [("16", 16, Exact, Model)]
    );
    t!(
        model_shahed,
        "مسيرات شاهد-136",
        [("136", 136, Exact, Model)]
    );
    t!(
        duration_hours,
        "خلال الـ 24 ساعة الماضية",
        [("24", 24, Exact, Duration)]
    );
    t!(
        duration_days,
        "منذ ثلاثة أيام",
        [("ثلاثة", 3, Exact, Duration)]
    );
    t!(
        money,
        "2.5 مليون دولار",
        [("2.5 مليون", 2_500_000, Exact, Money)]
    );
    t!(measure, "على بعد 5 كيلومترات", [("5", 5, Exact, Measure)]);
    t!(reference, "القرار 2254", [("2254", 2254, Exact, Other)]);
    t!(bare_decimal, "بقوة 4.5", [("4.5", 4, Exact, Other)]);
    t!(
        ordinal_after_definite,
        "في اليوم الـ 437 للحرب",
        [("437", 437, Exact, Other)]
    );
    t!(plural_officials_not_dual, "عن مسؤولين أمريكيين", []);

    #[test]
    fn counts_in_a_toll_sentence() {
        let text = "وقُتل 4385 شخصا منهم 1756 طفلا و967 امرأة، إضافة إلى 13561 جريحا.";
        assert_eq!(
            counts(text),
            [
                ("4385".to_string(), 4385, Approx::Exact),
                ("1756".to_string(), 1756, Approx::Exact),
                ("967".to_string(), 967, Approx::Exact),
                ("13561".to_string(), 13561, Approx::Exact),
            ]
        );
    }

    #[test]
    fn huge_digits_do_not_overflow() {
        assert_eq!(
            q("99999999999999999999999999999999999 مليار"),
            [(
                "مليار".to_string(),
                1_000_000_000,
                Approx::Exact,
                NumberKind::Count
            )]
        );
        assert_eq!(q("18446744073709551615").len(), 1);
    }

    #[test]
    fn decimal_parsing() {
        assert_eq!(parse_decimal("1,400", false), Some((1400, 0)));
        assert_eq!(parse_decimal("2.5", true), Some((25, 1)));
        assert_eq!(parse_decimal("1.234.567", false), Some((1_234_567, 0)));
        assert_eq!(parse_decimal("1,234.5", false), Some((12345, 1)));
        assert_eq!(parse_decimal("2,5", false), Some((25, 1)));
        assert_eq!(parse_decimal("1.2.3", false), None);
    }
}
