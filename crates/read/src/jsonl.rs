//! JSON Lines: one document a line, read line by line.
use std::collections::HashMap;
use std::io::{self, BufRead};
use std::sync::Arc;

use rasd_model::{DocMeta, Document, IsoDate};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::decode::decode;
use crate::{json_kind, ErrorKind, Position, ReadDoc, ReadError, ReadOptions, ReadWarning};

/// Lines above this capacity are not kept allocated after they are read.
const KEEP_CAPACITY: usize = 1 << 20;

/// Streams the documents of a JSON Lines input, one item a line.
///
/// Each line is a JSON object with a string `text` and optionally `id` (string or number; a
/// hash of the text when absent), `published` (`YYYY-MM-DD`, a trailing time is ignored),
/// `source`, `url` and `title`. A line longer than [`ReadOptions::max_bytes`] is skipped
/// without being held in memory.
#[derive(Debug)]
pub struct JsonlReader<R> {
    name: Arc<str>,
    input: R,
    opts: ReadOptions,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `input`, called `name` in messages.
    pub fn new(name: impl Into<Arc<str>>, input: R, opts: ReadOptions) -> Self {
        JsonlReader {
            name: name.into(),
            input,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn err(&self, kind: ErrorKind) -> ReadError {
        ReadError::new(Position::new(&self.name, Some(self.line)), kind)
    }

    /// Parse the line in `buf`.
    fn record(&self) -> Result<ReadDoc, ReadError> {
        Line {
            name: &self.name,
            line: self.line,
            opts: self.opts,
        }
        .record(&self.buf)
    }
}

/// Read one JSON Lines record, a line of JSON (with or without its newline), exactly as line
/// `line` of the input `name` is read: the same fields, defaults, warnings and errors.
///
/// ```
/// use std::sync::Arc;
/// use rasd_read::{read_jsonl_record, ReadOptions};
/// let name: Arc<str> = Arc::from("items");
/// let line = r#"{"id": 7, "text": "قصفت طائرة مسيرة موقعا قرب الحدود."}"#;
/// let rd = read_jsonl_record(&name, 3, line.as_bytes(), ReadOptions::default()).unwrap();
/// assert_eq!(rd.doc.id, "7");
/// let e = read_jsonl_record(&name, 4, br#"{"id": 8}"#, ReadOptions::default()).unwrap_err();
/// assert_eq!(e.to_string(), r#"items:4: no "text" field"#);
/// ```
pub fn read_jsonl_record(
    name: &Arc<str>,
    line: u64,
    bytes: &[u8],
    opts: ReadOptions,
) -> Result<ReadDoc, ReadError> {
    Line { name, line, opts }.record(bytes)
}

/// A line of a JSON Lines input: where it is, and how to read it.
struct Line<'a> {
    name: &'a Arc<str>,
    line: u64,
    opts: ReadOptions,
}

impl Line<'_> {
    fn at(&self) -> Position {
        Position::new(self.name, Some(self.line))
    }

    fn err(&self, kind: ErrorKind) -> ReadError {
        ReadError::new(self.at(), kind)
    }

    /// Parse one line.
    fn record(&self, buf: &[u8]) -> Result<ReadDoc, ReadError> {
        let bytes = buf.strip_suffix(b"\n").unwrap_or(buf);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(self.err(ErrorKind::EmptyLine));
        }
        let decoded = decode(bytes, None);
        let mut warnings = Vec::new();
        let mut warn = |message: String| {
            warnings.push(ReadWarning {
                at: self.at(),
                message,
            })
        };
        if let Some(w) = decoded.warning {
            warn(w);
        }
        // Each field is kept as its JSON text first, so that a numeric `id` keeps its exact
        // digits (`12345678901234567890123` is no f64 and no u64).
        let raw: HashMap<String, &RawValue> = match serde_json::from_str(&decoded.text) {
            Ok(raw) => raw,
            Err(e) => {
                return Err(match serde_json::from_str::<Value>(&decoded.text) {
                    Err(e) => self.err(ErrorKind::NotJson(json_error(&e))),
                    Ok(v) if !v.is_object() => self.err(ErrorKind::NotAnObject(json_kind(&v))),
                    Ok(_) => self.err(ErrorKind::NotJson(json_error(&e))),
                })
            }
        };
        let mut raw_id = None;
        let mut map = Map::new();
        for (k, v) in raw {
            if k == "id" {
                raw_id = Some(v);
            } else if matches!(
                k.as_str(),
                "text" | "published" | "source" | "url" | "title"
            ) {
                let v: Value = serde_json::from_str(v.get())
                    .map_err(|e| self.err(ErrorKind::NotJson(json_error(&e))))?;
                map.insert(k, v);
            }
        }
        let text = match map.remove("text") {
            None | Some(Value::Null) => return Err(self.err(ErrorKind::MissingText)),
            Some(Value::String(s)) => s,
            Some(other) => return Err(self.err(ErrorKind::TextNotString(json_kind(&other)))),
        };
        if text.trim().is_empty() {
            return Err(self.err(ErrorKind::EmptyText));
        }
        let id_value = match raw_id {
            // A number: its literal text, every digit kept.
            Some(r)
                if r.get()
                    .starts_with(|c: char| c == '-' || c.is_ascii_digit()) =>
            {
                Some(Value::String(r.get().to_string()))
            }
            Some(r) => Some(
                serde_json::from_str(r.get())
                    .map_err(|e| self.err(ErrorKind::NotJson(json_error(&e))))?,
            ),
            None => None,
        };
        let id = match id_value {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            None | Some(Value::Null) => Document::hash_id(&text),
            Some(other) => {
                warn(format!(
                    "\"id\" is {}: using a hash of the text",
                    describe(&other)
                ));
                Document::hash_id(&text)
            }
        };
        let published = match map.remove("published") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => match IsoDate::parse(&s) {
                Ok(d) => Some(d),
                Err(_) => {
                    warn(format!(
                        "\"published\" {s:?} is not a YYYY-MM-DD date: treated as absent"
                    ));
                    None
                }
            },
            Some(other) => {
                warn(format!(
                    "\"published\" is {}: treated as absent",
                    json_kind(&other)
                ));
                None
            }
        };
        let mut meta = DocMeta {
            source: string_field(&mut map, "source", &mut warn),
            url: string_field(&mut map, "url", &mut warn),
            published,
            title: string_field(&mut map, "title", &mut warn),
        };
        if meta.published.is_none() {
            meta.published = self.opts.published;
        }
        Ok(ReadDoc {
            doc: Document { id, meta, text },
            at: self.at(),
            warnings,
        })
    }
}

/// An optional string field; anything but a string or null is warned about and ignored.
fn string_field(
    map: &mut Map<String, Value>,
    key: &str,
    warn: &mut impl FnMut(String),
) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        None | Some(Value::Null) | Some(Value::String(_)) => None,
        Some(other) => {
            warn(format!("\"{key}\" is {}: ignored", json_kind(&other)));
            None
        }
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "empty",
        other => json_kind(other),
    }
}

/// serde_json's message without its «at line 1» (the line is the file's, given elsewhere).
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(p) => format!("{} at byte {}", msg.get(..p).unwrap_or(&msg), e.column()),
        None => msg,
    }
}

/// What [`read_line_limited`] found.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// End of input, nothing read.
    Eof,
    /// A line is in the buffer (with its newline, if it had one).
    Line,
    /// A line of this many bytes was over the limit and was skipped.
    TooLong(u64),
}

/// Read one line into `buf` unless it is longer than `max` bytes, in which case it is consumed
/// without being kept.
fn read_line_limited<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, max: u64) -> io::Result<LineRead> {
    let mut total: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong(total),
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        total += (take - usize::from(found)) as u64;
        if !too_long {
            if total > max {
                too_long = true;
                buf.clear();
                buf.shrink_to(KEEP_CAPACITY);
            } else {
                buf.extend_from_slice(avail.get(..take).unwrap_or_default());
            }
        }
        r.consume(take);
        if found {
            return Ok(if too_long {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<ReadDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.buf.clear();
        if self.buf.capacity() > KEEP_CAPACITY {
            self.buf.shrink_to(KEEP_CAPACITY);
        }
        let read = read_line_limited(&mut self.input, &mut self.buf, self.opts.max_bytes);
        let first = self.line == 0;
        match read {
            Err(e) => {
                self.done = true;
                self.line += 1;
                Some(Err(self.err(ErrorKind::Io(e))))
            }
            Ok(LineRead::Eof) => {
                self.done = true;
                first.then(|| {
                    Err(ReadError::new(
                        Position::new(&self.name, None),
                        ErrorKind::EmptyFile,
                    ))
                })
            }
            Ok(LineRead::TooLong(bytes)) => {
                self.line += 1;
                Some(Err(self.err(ErrorKind::TooLarge {
                    bytes,
                    max: self.opts.max_bytes,
                })))
            }
            Ok(LineRead::Line) => {
                self.line += 1;
                // A byte-order mark, at the start of the file or of a file concatenated to it.
                if self.buf.starts_with(b"\xEF\xBB\xBF") {
                    self.buf.drain(..3);
                }
                Some(self.record())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], max: u64) -> Vec<Result<ReadDoc, ReadError>> {
        let opts = ReadOptions {
            max_bytes: max,
            ..Default::default()
        };
        JsonlReader::new("t.jsonl", input, opts).collect()
    }

    fn errors(input: &[u8]) -> Vec<String> {
        read(input, 1000)
            .into_iter()
            .filter_map(|r| r.err())
            .map(|e| e.to_string())
            .collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(errors($input.as_bytes()), $expected as &[&str]);
            }
        };
    }

    t!(
        good_lines,
        "{\"id\":\"a\",\"text\":\"اشتباكات في الريف الغربي\"}\n{\"id\":7,\"text\":\"غارة\"}",
        &[]
    );
    t!(empty_input, "", &["t.jsonl: empty file"]);
    t!(
        empty_line,
        "{\"text\":\"غارة\"}\n\n  \n",
        &["t.jsonl:2: empty line", "t.jsonl:3: empty line"]
    );
    t!(
        not_json,
        "{\"text\":\"غارة\"\n",
        &["t.jsonl:1: not JSON: EOF while parsing an object at byte 18"]
    );
    t!(
        not_object,
        "[1,2]\n",
        &["t.jsonl:1: not a JSON object but an array"]
    );
    t!(
        no_text,
        "{\"id\":\"x\",\"body\":\"غارة\"}\n",
        &["t.jsonl:1: no \"text\" field"]
    );
    t!(
        text_not_string,
        "{\"text\":[\"غارة\"]}\n",
        &["t.jsonl:1: \"text\" is an array, not a string"]
    );
    t!(
        blank_text,
        "{\"text\":\"  \"}\n",
        &["t.jsonl:1: the text is empty"]
    );

    #[test]
    fn fields_and_defaults() {
        let input = "\u{feff}{\"id\":\"n1\",\"text\":\"قتل شخصان\",\"published\":\"2024-01-05T08:00:00Z\",\"source\":\"وكالة\",\"url\":null,\"extra\":1}\r\n{\"text\":\"جرح ثلاثة\",\"published\":\"05/01/2024\",\"title\":5}\n";
        let items = read(input.as_bytes(), 1000);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.doc.id, "n1");
        assert_eq!(a.doc.meta.published, IsoDate::parse("2024-01-05").ok());
        assert_eq!(a.doc.meta.source.as_deref(), Some("وكالة"));
        assert_eq!(a.doc.meta.url, None);
        assert_eq!(a.at.to_string(), "t.jsonl:1");
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.doc.id, Document::hash_id("جرح ثلاثة"));
        assert_eq!(b.doc.meta.published, None);
        let w: Vec<String> = b.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w, ["t.jsonl:2: \"published\" \"05/01/2024\" is not a YYYY-MM-DD date: treated as absent", "t.jsonl:2: \"title\" is a number: ignored"]);
    }

    #[test]
    fn numeric_ids_keep_every_digit() {
        let input = concat!(
            "{\"id\":12345678901234567890123,\"text\":\"غارة\"}\n",
            "{\"id\":12345678901234567890124,\"text\":\"غارة\"}\n",
            "{\"id\":-7,\"text\":\"غارة\"}\n",
            "{\"id\":1.50,\"text\":\"غارة\"}\n",
            "{\"text\":\"غارة\",\"id\":  42 }\n",
        );
        let ids: Vec<String> = read(input.as_bytes(), 1000)
            .into_iter()
            .map(|r| r.unwrap().doc.id)
            .collect();
        assert_eq!(
            ids,
            [
                "12345678901234567890123",
                "12345678901234567890124",
                "-7",
                "1.50",
                "42"
            ]
        );
    }

    #[test]
    fn fallback_publication_date() {
        let opts = ReadOptions {
            published: IsoDate::parse("2024-02-01").ok(),
            ..Default::default()
        };
        let input = "{\"text\":\"غارة\"}\n{\"text\":\"غارة\",\"published\":\"2024-01-01\"}\n";
        let dates: Vec<String> = JsonlReader::new("t", input.as_bytes(), opts)
            .map(|r| r.unwrap().doc.meta.published.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2024-02-01", "2024-01-01"]);
    }

    #[test]
    fn long_line_is_skipped_and_the_next_read() {
        let long = format!("{{\"text\":\"{}\"}}\n", "ق".repeat(500));
        let input = format!(
            "{{\"id\":\"a\",\"text\":\"غارة\"}}\n{long}{{\"id\":\"b\",\"text\":\"غارة\"}}\n"
        );
        // A tiny buffer makes the long line span many reads.
        let r = io::BufReader::with_capacity(16, input.as_bytes());
        let opts = ReadOptions {
            max_bytes: 100,
            ..Default::default()
        };
        let items: Vec<_> = JsonlReader::new("t", r, opts).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().doc.id, "a");
        let e = items[1].as_ref().unwrap_err();
        assert!(
            matches!(
                e.kind,
                ErrorKind::TooLarge {
                    bytes: 1011,
                    max: 100
                }
            ),
            "{e}"
        );
        assert_eq!(e.at.line, Some(2));
        assert_eq!(items[2].as_ref().unwrap().doc.id, "b");
    }

    #[test]
    fn windows_1256_line_goes_through_with_a_warning() {
        let text = "أعلنت الشرطة اعتقال خلية مسلحة في ضواحي المدينة بعد اشتباك قصير";
        let (enc, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let mut input = b"{\"id\":\"w\",\"text\":\"".to_vec();
        input.extend_from_slice(&enc);
        input.extend_from_slice(b"\"}\n");
        let items = read(&input, 1000);
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.doc.text, text);
        assert!(d.warnings[0]
            .to_string()
            .starts_with("t.jsonl:1: not UTF-8: decoded as windows-1256"));
    }

    #[test]
    fn line_reader_handles_missing_final_newline() {
        let mut input: &[u8] = b"ab\ncd";
        let mut buf = Vec::new();
        assert_eq!(
            read_line_limited(&mut input, &mut buf, 10).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"ab\n");
        buf.clear();
        assert_eq!(
            read_line_limited(&mut input, &mut buf, 10).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"cd");
        buf.clear();
        assert_eq!(
            read_line_limited(&mut input, &mut buf, 10).unwrap(),
            LineRead::Eof
        );
        let mut input: &[u8] = b"abcdef";
        assert_eq!(
            read_line_limited(&mut input, &mut buf, 3).unwrap(),
            LineRead::TooLong(6)
        );
    }
}
