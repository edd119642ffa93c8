//! Properties of the readers on arbitrary input, and reading real files from disk.
use std::io::Write;

use proptest::prelude::*;
use rasd_read::{ErrorKind, JsonlReader, ReadOptions, Reader};

fn opts(max_bytes: u64) -> ReadOptions {
    ReadOptions {
        max_bytes,
        ..Default::default()
    }
}

proptest! {
    /// Any bytes: no panic, and one item per line (the last line may lack its newline).
    #[test]
    fn one_item_per_line(data in proptest::collection::vec(any::<u8>(), 0..2000), max in 1u64..500) {
        let items: Vec<_> = JsonlReader::new("p", &data[..], opts(max)).collect();
        let newlines = data.iter().filter(|b| **b == b'\n').count();
        let lines = if data.is_empty() { 1 } else { newlines + usize::from(!data.ends_with(b"\n")) };
        prop_assert_eq!(items.len(), lines);
        for (i, item) in items.iter().enumerate() {
            let line = match item {
                Ok(d) => d.at.line,
                Err(e) => e.at.line,
            };
            if !data.is_empty() {
                prop_assert_eq!(line, Some(i as u64 + 1));
            }
        }
    }

    /// Records written by a JSON serialiser come back with their id and text.
    #[test]
    fn records_round_trip(texts in proptest::collection::vec("[\\p{Arabic} a-z0-9\\n\"\\\\]{1,60}", 1..20)) {
        let mut input = String::new();
        let texts: Vec<String> = texts.into_iter().map(|t| format!("خبر {t}")).collect();
        for (i, t) in texts.iter().enumerate() {
            input += &serde_json::json!({"id": format!("d{i}"), "text": t}).to_string();
            input.push('\n');
        }
        let docs: Vec<_> = JsonlReader::new("p", input.as_bytes(), opts(1 << 20)).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(docs.len(), texts.len());
        for (i, (d, t)) in docs.iter().zip(&texts).enumerate() {
            prop_assert_eq!(&d.doc.id, &format!("d{i}"));
            prop_assert_eq!(&d.doc.text, t);
        }
    }
}

#[test]
fn files_by_extension_and_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::File::create(&p)
            .unwrap()
            .write_all(body.as_bytes())
            .unwrap();
        p.to_str().unwrap().to_string()
    };
    let jsonl = write(
        "a.jsonl",
        "{\"id\":\"x\",\"text\":\"غارة جوية على موقع\"}\n{\"id\":\"y\",\"text\":\"قصف مدفعي\"}\n",
    );
    let txt = write("report.txt", "اشتباكات متقطعة في محيط المطار.");
    let page = write(
        "page.htm",
        "<html><body><nav>قائمة</nav><article><p>انفجار سيارة مفخخة</p></article></body></html>",
    );
    let sniffed = write("noext", "{\"id\":\"z\",\"text\":\"نص\"}\n");
    let ids = |p: &str| -> Vec<String> {
        Reader::open(p, ReadOptions::default())
            .map(|r| r.unwrap().doc.id)
            .collect()
    };
    assert_eq!(ids(&jsonl), ["x", "y"]);
    assert_eq!(ids(&txt), ["report"]);
    assert_eq!(ids(&page), ["page"]);
    assert_eq!(ids(&sniffed), ["z"]);
    let big = write("big.txt", &"ق".repeat(100));
    let e = Reader::open(&big, opts(50)).next().unwrap().unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::TooLarge {
                bytes: 200,
                max: 50
            }
        ),
        "{e}"
    );
}
