//! Property tests of the text layer's invariants, over arbitrary Unicode that leans on what
//! Arabic news pages really contain: letters with harakat and tatweel, Arabic-Indic and Persian
//! digits, presentation forms, bidi controls, zero-width characters, CR/LF, emoji and other
//! scripts; and over random sequences of the very words the number and date recognisers look
//! for, so that their deeper paths run too.
use proptest::prelude::*;
use rasd_model::{IsoDate, Span};
use rasd_text::{analyze, dates, match_key_str, numbers, Analyzed};

/// One character, drawn mostly from the troublesome ranges.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('\u{0621}', '\u{064A}'), // Arabic letters
        2 => prop::char::range('\u{064B}', '\u{065F}'), // harakat
        1 => Just('\u{0640}'),                          // tatweel
        1 => Just('\u{0670}'),                          // superscript alef
        2 => prop::char::range('\u{0660}', '\u{0669}'), // Arabic-Indic digits
        1 => prop::char::range('\u{06F0}', '\u{06F9}'), // Persian digits
        2 => prop::char::range('0', '9'),
        1 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
        3 => Just(' '),
        1 => prop::sample::select(vec!['\n', '\r', '\t', '\u{2028}', '\u{0085}', '\u{00A0}']),
        2 => prop::sample::select(vec![
            '.', ',', '،', '؛', '؟', ':', '/', '-', '–', '%', '٪', '٫', '٬', '«', '»', '"', '(', ')', '!',
        ]),
        1 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}',
            '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{061C}', '\u{FEFF}',
            '\u{00AD}',
        ]),
        1 => prop::char::range('\u{FB50}', '\u{FDFF}'), // presentation forms A
        1 => prop::char::range('\u{FE70}', '\u{FEFC}'), // presentation forms B
        1 => prop::char::range('\u{1F300}', '\u{1F6FF}'), // emoji
        1 => prop::sample::select(vec!['é', 'Ä', 'ß', 'İ', 'Ǆ', 'ﬁ', 'Ж', 'я', '中', '한', 'ａ', 'Ａ', '١', 'ی', 'ک', 'ە']),
        1 => any::<char>(),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..200).prop_map(|v| v.into_iter().collect())
}

/// Words the recognisers care about, with their usual spellings.
const WORDS: &[&str] = &[
    "قتل",
    "أكثر",
    "من",
    "ما",
    "لا",
    "يقل",
    "عن",
    "يزيد",
    "على",
    "الأقل",
    "نحو",
    "حوالي",
    "قرابة",
    "زهاء",
    "تقريبا",
    "أقل",
    "ثلاثة",
    "ثلاث",
    "خمسة",
    "عشر",
    "عشرة",
    "اثنا",
    "إحدى",
    "واحد",
    "واحدة",
    "وعشرون",
    "مئة",
    "مائة",
    "مئتان",
    "ثلاثمئة",
    "ألف",
    "ألفين",
    "ألفا",
    "آلاف",
    "الآلاف",
    "مليون",
    "ملايين",
    "عشرات",
    "مئات",
    "العديد",
    "عدة",
    "بضعة",
    "عدد",
    "كبير",
    "طائرتين",
    "مسيرتين",
    "صاروخين",
    "اثنين",
    "جنديين",
    "مصدران",
    "طائرة",
    "مسيّرة",
    "شخصا",
    "أشخاص",
    "4385",
    "1,400",
    "2.5",
    "٢٠٢٣",
    "2023",
    "1445",
    "هـ",
    "27",
    "10",
    "7",
    "1",
    "05",
    "%",
    "بالمئة",
    "في",
    "المئة",
    "F",
    "أف",
    "16",
    "الساعة",
    "عام",
    "العام",
    "سنة",
    "يناير",
    "أكتوبر",
    "تشرين",
    "الأول",
    "الثاني",
    "كانون",
    "شباط",
    "آب",
    "رمضان",
    "ربيع",
    "الآخر",
    "جمادى",
    "الأولى",
    "ذو",
    "الحجة",
    "صيف",
    "شتاء",
    "الربيع",
    "منذ",
    "مطلع",
    "أواخر",
    "منتصف",
    "السبت",
    "الأحد",
    "الاثنين",
    "الأربعاء",
    "يوم",
    "مساء",
    "فجر",
    "ليلة",
    "ليل",
    "اليوم",
    "هذا",
    "أمس",
    "أول",
    "البارحة",
    "الليلة",
    "الماضي",
    "الماضية",
    "المقبل",
    "الجاري",
    "قبل",
    "يومين",
    "أيام",
    "أسبوع",
    "شهر",
    "الأسبوع",
    "الشهر",
    "خلال",
    "الـ",
    "24",
    "ساعة",
    "الساعات",
    "السابع",
    "الحادي",
    "والعشرين",
    "غدا",
    "دولار",
    "كيلومترات",
    "و",
    "ب",
    "ل",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "، ", ". ", "\n", "/", "-", " - ", ":", "ـ", "\u{200F}", "  ",
];

/// Random sequences of recogniser words, some glued to a proclitic.
fn word_text() -> impl Strategy<Value = String> {
    let word = (
        prop::sample::select(WORDS),
        prop::sample::select(&["", "", "", "", "و", "ب", "ل", "وال"][..]),
    );
    prop::collection::vec((word, prop::sample::select(SEPARATORS)), 0..40).prop_map(|v| {
        v.into_iter()
            .map(|((w, p), s)| format!("{p}{w}{s}"))
            .collect::<String>()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        word_text(),
        (word_text(), any_text()).prop_map(|(a, b)| a + &b)
    ]
}

fn published() -> impl Strategy<Value = Option<IsoDate>> {
    prop_oneof![
        1 => Just(None),
        4 => (1990i32..2040, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| IsoDate::from_ymd(y, m, d)),
    ]
}

/// A span of the original text is on char boundaries and inside the text.
fn valid_orig(text: &str, s: Span) -> bool {
    s.start <= s.end && text.get(s.start..s.end).is_some()
}

/// Does the text hold a character whose key is more than one letter («ﷺ», «ﻻ»)? Spans cannot
/// split such a character, so a span over part of its key maps back to all of it.
fn has_multiword_char(s: &str) -> bool {
    s.chars()
        .any(|c| match_key_str(c.encode_utf8(&mut [0; 4])).chars().count() > 1)
}

fn key_slice(a: &Analyzed, s: Span) -> Option<&str> {
    a.key.text.get(s.start..s.end)
}

proptest! {
    // PROPTEST_CASES=20000 for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn tokens_map_back_to_their_original(text in text()) {
        let a = analyze(&text);
        let mut last_end = 0;
        for t in &a.tokens {
            prop_assert!(valid_orig(&text, t.orig), "orig span {:?} of {:?}", t.orig, text);
            let key = key_slice(&a, t.key);
            prop_assert!(key.is_some(), "key span off char boundaries");
            let key = key.unwrap_or_default();
            let orig = t.orig.slice(&text).unwrap_or_default();
            // A single original character may expand into several words («ﷺ»): a token may
            // then hold only part of its key; otherwise the token is the whole key.
            let folded = match_key_str(orig);
            if has_multiword_char(orig) {
                prop_assert!(folded.contains(key), "{:?} in {:?}", key, folded);
            } else {
                prop_assert_eq!(&folded, key, "orig {:?}", orig);
            }
            prop_assert!(t.key.start >= last_end, "tokens overlap or go back");
            prop_assert!(t.key.start < t.key.end);
            prop_assert!(t.key.start <= t.stem.start && t.stem.end == t.key.end);
            last_end = t.key.end;
        }
    }

    #[test]
    fn any_key_span_maps_to_char_boundaries(text in any_text(), a_ in 0usize..600, b_ in 0usize..600) {
        let a = analyze(&text);
        let n = a.key.text.len() + 2;
        let s = Span::new(a_ % n, b_ % n);
        let o = a.key.to_original(s);
        prop_assert!(valid_orig(&text, o), "{:?} → {:?}", s, o);
    }

    #[test]
    fn match_key_is_idempotent(text in text()) {
        let once = match_key_str(&text);
        prop_assert_eq!(match_key_str(&once), once);
    }

    #[test]
    fn sentences_cover_tokens_in_order(text in text()) {
        let a = analyze(&text);
        let mut last_end = 0;
        for s in &a.sentences {
            prop_assert!(s.start >= last_end && s.start < s.end);
            prop_assert!(key_slice(&a, *s).is_some());
            last_end = s.end;
        }
        let mut si = 0;
        for t in &a.tokens {
            while si < a.sentences.len() && a.sentences[si].end <= t.key.start {
                si += 1;
            }
            prop_assert!(si < a.sentences.len(), "token after the last sentence");
            prop_assert!(a.sentences[si].contains(t.key), "token {:?} outside sentence {:?}", t.key, a.sentences[si]);
            prop_assert_eq!(a.sentence_of(t.key.start), Some(si));
        }
        // Sentences begin and end on tokens.
        for s in &a.sentences {
            prop_assert!(a.tokens.iter().any(|t| t.key.start == s.start));
            prop_assert!(a.tokens.iter().any(|t| t.key.end == s.end));
        }
    }

    #[test]
    fn numbers_have_valid_spans(text in text()) {
        let a = analyze(&text);
        let mut last_start = 0;
        for q in numbers::find(&a) {
            prop_assert!(valid_orig(&text, q.orig), "{:?}", q);
            let key = key_slice(&a, q.key);
            prop_assert!(key.is_some(), "key span off char boundaries: {:?}", q);
            prop_assert!(!q.key.is_empty());
            prop_assert!(q.key.start >= last_start, "quantities out of order");
            last_start = q.key.start;
            let orig = q.orig.slice(&text).unwrap_or_default();
            if !has_multiword_char(orig) {
                prop_assert_eq!(match_key_str(orig), match_key_str(key.unwrap_or_default()), "{:?}", q);
            }
            for s in q.noun.iter().chain(q.qualifier.iter()) {
                prop_assert!(key_slice(&a, *s).is_some());
            }
        }
    }

    #[test]
    fn dates_have_valid_spans(text in text(), published in published()) {
        let a = analyze(&text);
        let mut last_end = 0;
        for d in dates::find(&a, published) {
            prop_assert!(valid_orig(&text, d.orig), "{:?}", d);
            let key = key_slice(&a, d.key);
            prop_assert!(key.is_some(), "key span off char boundaries: {:?}", d);
            prop_assert!(d.key.start >= last_end, "dates overlap: {:?}", d);
            last_end = d.key.end;
            let orig = d.orig.slice(&text).unwrap_or_default();
            if !has_multiword_char(orig) {
                prop_assert_eq!(match_key_str(orig), match_key_str(key.unwrap_or_default()), "{:?}", d);
            }
            if let Some((first, last)) = d.range {
                prop_assert!(first <= last, "{:?}", d);
            }
            let v = &d.value;
            prop_assert!(v.is_empty() || v.len() == 4 || v.len() == 7 || v.len() == 10, "{:?}", d);
            if v.len() == 10 {
                prop_assert!(IsoDate::parse(v).is_ok(), "{:?}", d);
            }
            if v.is_empty() {
                prop_assert!(d.relative || d.range.is_some(), "{:?}", d);
            }
        }
    }
}

#[test]
fn stress_words_without_publication() {
    // Every recogniser word alone and in pairs, with and without a publication date.
    for a in WORDS {
        for b in WORDS {
            let text = format!("{a} {b} 2023");
            let an = analyze(&text);
            let _ = numbers::find(&an);
            let _ = dates::find(&an, None);
            let _ = dates::find(&an, IsoDate::from_ymd(2024, 2, 29));
        }
    }
}
