//! Property tests: extraction never panics and every span it reports is valid, for arbitrary
//! Unicode (Arabic letters, marks, digits, bidi and control characters included).
use proptest::prelude::*;
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate};

fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "هجوم",
        "بطائرة",
        "مسيرة",
        "قاعدة",
        "عين الأسد",
        "قال",
        "مصدر",
        "أمني",
        "لوكالة",
        "فرانس برس",
        "السبت",
        "أمس",
        "ثلاثة",
        "طائرتين",
        "١٤٠٠",
        "قُتل",
        "أكثر من",
        "حصيلة",
        "وفق",
        "\u{202E}",
        "\u{200F}",
        "ـ",
        "ّ",
        "«",
        "»",
        "،",
        ".",
        "\n",
        " ",
        "2024",
        "يناير",
        "كتائب",
        "حزب الله",
        "(المعروف أيضا باسم",
        ")",
        ":",
        "🙂",
        "\u{0}",
        "a",
        "٫",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(String::from),
            any::<char>().prop_map(String::from)
        ],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_character_ranges(text in arabicish()) {
        let mut doc = Document::new("p", text.clone());
        doc.meta.published = IsoDate::parse("2024-01-06").ok();
        let p = Pipeline::new();
        let r = p.extract(&doc);
        let n = text.chars().count();
        let spans = r.events.iter().flat_map(|e| e.evidence.iter().chain(e.claims.iter().flat_map(|c| c.evidence.iter())))
            .chain(r.tolls.iter().flat_map(|t| t.evidence.iter()))
            .chain(r.relations.iter().flat_map(|x| x.evidence.iter()))
            .chain(r.entities.iter().flat_map(|e| e.mentions.iter()));
        for s in spans {
            prop_assert!(s.start <= s.end && s.end <= n, "{s:?} in {n} chars");
        }
        prop_assert!(serde_json::to_string(&r).is_ok());
    }
}
