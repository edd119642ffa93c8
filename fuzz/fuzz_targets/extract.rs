//! Arbitrary text through the whole of extraction (text → record). The pipeline must never
//! panic, and every span of the record must lie in the text, on character boundaries; where
//! the record says what text a span holds (the trigger of an event's type, its date
//! expression, a toll's words, a word the detector kept out), the text at the span is that
//! text; the record converted to character offsets has its spans within the text's characters.
//! Long inputs (the seeds hold some of thousands of words without a full stop) check that
//! extraction stays linear: libFuzzer's `-timeout` reports a slow input.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate, Record, Span};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .trace(true)
            .build()
            .expect("the built-in knowledge loads")
    })
}

/// Every span of a record, with what it is.
fn spans(r: &Record) -> Vec<(String, Span)> {
    let mut v = Vec::new();
    for e in &r.events {
        v.extend(
            e.evidence
                .iter()
                .map(|s| (format!("{}.evidence", e.id), *s)),
        );
        for c in &e.claims {
            v.extend(c.evidence.iter().map(|s| (format!("{}.claim", e.id), *s)));
        }
    }
    for (i, t) in r.tolls.iter().enumerate() {
        v.extend(t.evidence.iter().map(|s| (format!("toll{i}.evidence"), *s)));
    }
    for (i, x) in r.relations.iter().enumerate() {
        v.extend(
            x.evidence
                .iter()
                .map(|s| (format!("relation{i}.evidence"), *s)),
        );
    }
    for e in &r.entities {
        v.extend(e.mentions.iter().map(|s| (format!("{}.mention", e.id), *s)));
    }
    v.extend(
        r.trace
            .iter()
            .map(|t| (format!("trace {}", t.field), t.span)),
    );
    v
}

/// Trace fields whose `text` is the text at their span, as written.
fn written_field(field: &str) -> bool {
    field.ends_with(".type")
        || field.ends_with(".date")
        || field.starts_with("toll")
        || field == "detector.kept_out"
}

fuzz_target!(|data: &[u8]| {
    // The first byte says whether the document has a publication date.
    let (published, text) = match data.split_first() {
        Some((b, rest)) => (b % 2 == 0, String::from_utf8_lossy(rest).into_owned()),
        None => (false, String::new()),
    };
    let mut doc = Document::new("fuzz", text.clone());
    if published {
        doc.meta.published = IsoDate::parse("2024-03-02").ok();
    }
    let p = pipeline();
    let bytes = p.extract_byte_offsets(&doc);
    for (what, s) in spans(&bytes) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{what}: span {s:?} outside the text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what}: span {s:?} not on character boundaries"
        );
    }
    for t in &bytes.trace {
        if written_field(&t.field) {
            assert_eq!(
                text.get(t.span.start..t.span.end),
                Some(t.text.as_str()),
                "{}: the text at {:?}",
                t.field,
                t.span
            );
        }
    }
    for e in &bytes.events {
        if let Some(dt) = &e.date_text {
            assert!(
                text.contains(dt.as_str()),
                "{}: date text {dt:?} not in the text",
                e.id
            );
        }
    }
    // The record in characters (what `Pipeline::extract` returns: the same extraction, its
    // spans converted) has every span within the text's characters.
    let chars = text.chars().count();
    let record = bytes.into_char_offsets(&text);
    for (what, s) in spans(&record) {
        assert!(
            s.start <= s.end && s.end <= chars,
            "{what}: char span {s:?} of {chars}"
        );
    }
});
