//! Arbitrary bytes as a JSON Lines input: the reader must never panic, must give one item per
//! line at most, and every document it gives must have an id and a non-empty text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_read::{JsonlReader, ReadOptions};

fuzz_target!(|data: &[u8]| {
    // A small limit exercises the skipping of long lines too.
    let opts = ReadOptions {
        max_bytes: 256,
        ..Default::default()
    };
    let lines = data.split(|b| *b == b'\n').count() as u64;
    let mut items = 0u64;
    for item in JsonlReader::new("fuzz.jsonl", data, opts) {
        items += 1;
        match item {
            Ok(d) => {
                assert!(!d.doc.id.is_empty());
                assert!(!d.doc.text.trim().is_empty());
                assert!(d.at.line.is_some());
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    assert!(items <= lines.max(1));
});
