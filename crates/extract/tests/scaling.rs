//! Extraction does work linear in a document's length whatever its punctuation (issue 12):
//! a text of event words told without a full stop once took time in the square of its length
//! (10,000 words, 42 s). Work is counted, not timed: [`Pipeline::extract_with_work`] counts the
//! recognised items the stages look at, the same on every machine.
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate};

/// Event words and places, told without punctuation.
const WORDS: &[&str] = &[
    "غارة",
    "قصف",
    "اشتباكات",
    "انفجار",
    "مقتل",
    "هجوم",
    "في",
    "حلب",
    "إدلب",
    "الموصل",
    "درعا",
    "أمس",
    "بطائرة",
    "مسيرة",
    "أسفر",
    "عن",
    "مقتل",
    "ثلاثة",
    "وإصابة",
    "خمسة",
    "قال",
    "مصدر",
    "أمني",
    "إن",
    "القاعدة",
];

fn text(n: usize, stop_every: Option<usize>) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[i % WORDS.len()]);
        if stop_every.is_some_and(|k| (i + 1) % k == 0) {
            s.push('.');
        }
    }
    s
}

fn work(p: &Pipeline, n: usize, stop_every: Option<usize>) -> (u64, usize) {
    let mut doc = Document::new(format!("w{n}"), text(n, stop_every));
    doc.meta.published = IsoDate::parse("2024-03-02").ok();
    let (rec, items) = p.extract_with_work(&doc);
    (items, rec.events.len())
}

#[test]
fn work_is_linear_in_unpunctuated_event_words() {
    let p = Pipeline::new();
    let (w10, e10) = work(&p, 10_000, None);
    let (w20, e20) = work(&p, 20_000, None);
    let (wp, _) = work(&p, 10_000, Some(20));
    eprintln!("items looked at: 10k words {w10} ({e10} events), 20k {w20} ({e20} events), 10k with full stops {wp}");
    assert!(e10 > 0 && e20 > 0, "the words tell events");
    // Twice the words, about twice the work (the square would be four times).
    let ratio = w20 as f64 / w10 as f64;
    assert!(
        ratio < 2.3,
        "20k words cost {ratio:.2} times 10k words ({w20} / {w10})"
    );
    // Bounded work per word, within a small factor of the same words with full stops.
    assert!(
        w10 < 40 * wp,
        "10k unpunctuated words: {w10} items looked at, with full stops {wp}"
    );
}

#[test]
fn a_document_over_the_time_budget_is_an_error_that_names_it() {
    use rasd_extract::ExtractError;
    use std::time::Duration;
    let mut doc = Document::new("long-text", text(2_000, None));
    doc.meta.published = IsoDate::parse("2024-03-02").ok();
    // A budget spent before the first event word is weighed.
    let p = Pipeline::new().with_time_budget(Some(Duration::ZERO));
    match p.try_extract(&doc) {
        Err(e @ ExtractError::OverBudget { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("\"long-text\"") && msg.contains("time budget"),
                "{msg}"
            );
        }
        other => panic!("expected over budget, got {other:?}"),
    }
    // `extract` works to the end whatever the budget, and so does a pipeline without one.
    assert!(!p.extract(&doc).events.is_empty());
    assert!(Pipeline::new().try_extract(&doc).is_ok());
    // The budget is read as event words are weighed: a text without any is never over it.
    let quiet = Document::new(
        "quiet",
        "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح الأحد.",
    );
    assert!(p.try_extract(&quiet).is_ok());
}
