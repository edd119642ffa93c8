//! Arbitrary bytes as an HTML page (and as a text file): the readers must never panic.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use rasd_read::{html::read_html, read_text, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    let name: Arc<str> = Arc::from("fuzz.html");
    if let Ok(d) = read_html(&name, data, opts) {
        assert!(!d.doc.text.trim().is_empty());
        assert_eq!(d.doc.id, "fuzz");
    }
    let _ = read_text(&name, data, opts);
});
