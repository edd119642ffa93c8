//! Parsing the body of `POST /api/ingest`: a JSON array or JSON Lines of input documents,
//! each read as `rasd extract` and `rasd ingest` read a line (`rasd_read::read_jsonl_record`),
//! so that one rule holds everywhere: a numeric id keeps its digits, a `published` that is no
//! date is a warning and the document goes on without one.
use std::sync::Arc;

use rasd_model::Document;
use rasd_read::{read_jsonl_record, ReadOptions};
use serde_json::value::RawValue;

/// A document of the body, with what was odd about it (each warning names its line or item).
pub(crate) type BodyDoc = (Document, Vec<String>);

/// Parse a body into documents; the error names the line or array index that failed.
pub(crate) fn parse_body(body: &[u8]) -> Result<Vec<BodyDoc>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "body is not UTF-8".to_string())?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err("empty body: send a JSON array or JSON Lines of {id, text, published, source, url, title}".into());
    }
    let name: Arc<str> = Arc::from("body");
    if trimmed.starts_with('[') {
        let items: Vec<&RawValue> =
            serde_json::from_str(trimmed).map_err(|e| format!("JSON array: {e}"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, r)| read_one(&name, &format!("item {i}"), i, r.get()))
            .collect()
    } else {
        trimmed
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| read_one(&name, &format!("line {}", i + 1), i + 1, line))
            .collect()
    }
}

/// One JSON object, read as a line of JSON Lines.
fn read_one(name: &Arc<str>, at: &str, n: usize, json: &str) -> Result<BodyDoc, String> {
    match read_jsonl_record(name, n as u64, json.as_bytes(), ReadOptions::default()) {
        Ok(rd) => Ok((
            rd.doc,
            rd.warnings
                .into_iter()
                .map(|w| format!("{at}: {}", w.message))
                .collect(),
        )),
        Err(e) => Err(format!("{at}: {}", e.kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $body:expr, ok $n:expr) => {
            #[test]
            fn $name() {
                assert_eq!(parse_body($body.as_bytes()).map(|d| d.len()), Ok($n));
            }
        };
        ($name:ident, $body:expr, err $needle:expr) => {
            #[test]
            fn $name() {
                let e = parse_body($body.as_bytes()).unwrap_err();
                assert!(e.contains($needle), "{e}");
            }
        };
    }

    t!(array, r#"[{"id":"a","text":"قصف"},{"text":"غارة"}]"#, ok 2);
    t!(array_over_lines, "[\n {\"id\": \"a\",\n  \"text\": \"قصف\"}\r\n]", ok 1);
    t!(lines, "{\"id\":\"a\",\"text\":\"قصف\"}\n\n{\"id\":\"b\",\"text\":\"غارة\",\"published\":\"2024-01-02\"}\n", ok 2);
    t!(empty, "  \n", err "empty body");
    t!(bad_line, "{\"text\":\"قصف\"}\n{oops}\n", err "line 2");
    t!(not_an_array_of_objects, "[1]", err "item 0");
    t!(empty_text, r#"{"id":"x","text":"  "}"#, err "line 1: the text is empty");
    t!(missing_text, r#"{"id":"x"}"#, err "line 1");

    #[test]
    fn missing_id_is_hashed() {
        let d = parse_body("{\"text\":\"قصف على غزة\"}".as_bytes()).unwrap();
        assert_eq!(d[0].0.id, Document::hash_id("قصف على غزة"));
    }

    #[test]
    fn a_bad_published_is_a_warning_as_in_the_cli() {
        let d =
            parse_body(r#"[{"text":"قصف","published":"أمس"},{"text":"غارة"}]"#.as_bytes()).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].0.meta.published, None);
        assert_eq!(
            d[0].1,
            ["item 0: \"published\" \"أمس\" is not a YYYY-MM-DD date: treated as absent"]
        );
        assert!(d[1].1.is_empty());
    }

    #[test]
    fn numeric_ids_keep_their_digits() {
        let body = "{\"id\":12345678901234567890123,\"text\":\"قصف\"}\n{\"id\":12345678901234567890124,\"text\":\"قصف\"}";
        let d = parse_body(body.as_bytes()).unwrap();
        assert_eq!(d[0].0.id, "12345678901234567890123");
        assert_eq!(d[1].0.id, "12345678901234567890124");
    }
}
