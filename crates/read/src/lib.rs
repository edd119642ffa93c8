//! Stage 1 of rasd: read input files into [`Document`]s.
//!
//! The pipeline is read → clean → normalise/tokenise → recognise → extract → resolve → fuse →
//! store → serve/export; this crate is the first step. It reads
//!
//! * **JSON Lines** (`.jsonl`, `.ndjson`, `.json`, and `-` for standard input): one document a
//!   line, with `id`, `text` and optional `published` (`YYYY-MM-DD`), `source`, `url` and
//!   `title`; other fields are ignored;
//! * **plain text** (`.txt`): the whole file is one document whose id is the file stem;
//! * **HTML** (`.html`, `.htm`): one page; the article text is kept (paragraphs as lines) and
//!   the navigation, scripts, headers, footers, asides, forms and share buttons are dropped;
//!   title, date, canonical address and site name come from the page's metadata.
//!
//! Other extensions are recognised by their first byte (`{` JSON Lines, `<` HTML, else text).
//!
//! A [`Reader`] is an iterator of `Result<ReadDoc, ReadError>` that streams: a JSON Lines file
//! is read line by line, so memory does not grow with the number of documents. Bad input loses
//! nothing else: a line that is not JSON, a record without text, a document over the size
//! limit (skipped without being held in memory), an empty line or file are each one
//! [`ReadError`] naming the file and line, and reading goes on with the next line. Problems
//! that do not stop a document — text that is not UTF-8 (decoded, e.g. from Windows-1256), a
//! `published` date that cannot be read — are [`ReadWarning`]s carried by the document.
//!
//! ```
//! use rasd_read::{JsonlReader, ReadOptions};
//! let input = concat!(
//!     r#"{"id": "a1", "published": "2024-03-02", "text": "قصفت طائرة مسيرة موقعا قرب الحدود."}"#, "\n",
//!     "not json\n",
//!     r#"{"id": "a2", "text": "أعلنت وزارة الصحة حصيلة جديدة."}"#, "\n",
//! );
//! let items: Vec<_> = JsonlReader::new("news.jsonl", input.as_bytes(), ReadOptions::default()).collect();
//! assert_eq!(items.len(), 3);
//! assert_eq!(items[0].as_ref().unwrap().doc.id, "a1");
//! let err = items[1].as_ref().unwrap_err();
//! assert!(err.to_string().starts_with("news.jsonl:2: not JSON"));
//! assert_eq!(items[2].as_ref().unwrap().doc.meta.published, None);
//! ```
#![deny(missing_docs)]

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use rasd_model::{Document, IsoDate};

mod decode;
pub mod html;
mod jsonl;

pub use jsonl::{read_jsonl_record, JsonlReader};

/// Default size limit of one document: 100 MB.
pub const DEFAULT_MAX_BYTES: u64 = 100 * 1000 * 1000;

/// Name used for standard input in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// How to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest document (a JSON Lines line, a text or HTML file) in bytes; larger ones are
    /// skipped with an error.
    pub max_bytes: u64,
    /// Publication date given to documents that carry none (the anchor of relative dates).
    pub published: Option<IsoDate>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            published: None,
        }
    }
}

/// Where in the input something was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// File name as given (or `<stdin>`).
    pub file: Arc<str>,
    /// 1-based line number (JSON Lines only).
    pub line: Option<u64>,
}

impl Position {
    /// A position in a file, with a line number or not.
    pub fn new(file: &Arc<str>, line: Option<u64>) -> Self {
        Position {
            file: Arc::clone(file),
            line,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// A problem that did not stop a document from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadWarning {
    /// Where.
    pub at: Position,
    /// What, in words.
    pub message: String,
}

impl fmt::Display for ReadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Why an input (a line or a file) was skipped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened.
    #[error("cannot open: {0}")]
    Open(#[source] io::Error),
    /// Reading failed part way.
    #[error("cannot read: {0}")]
    Io(#[source] io::Error),
    /// The file has no content at all.
    #[error("empty file")]
    EmptyFile,
    /// A JSON Lines line holds nothing but spaces.
    #[error("empty line")]
    EmptyLine,
    /// A JSON Lines line is not JSON.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// A JSON Lines line is JSON but not an object.
    #[error("not a JSON object but {0}")]
    NotAnObject(&'static str),
    /// A record has no `text` field.
    #[error("no \"text\" field")]
    MissingText,
    /// A record's `text` is not a string.
    #[error("\"text\" is {0}, not a string")]
    TextNotString(&'static str),
    /// The text is empty or only spaces.
    #[error("the text is empty")]
    EmptyText,
    /// The document is over the size limit.
    #[error("document of {bytes} bytes is over the limit of {max} bytes (--max-bytes)")]
    TooLarge {
        /// Its size (or a lower bound of it).
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// An HTML page holds no readable text.
    #[error("no article text found in the page")]
    NoText,
}

/// An input that was skipped, with its place.
#[derive(Debug, thiserror::Error)]
#[error("{at}: {kind}")]
#[non_exhaustive]
pub struct ReadError {
    /// Where.
    pub at: Position,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl ReadError {
    /// An error at a position.
    pub fn new(at: Position, kind: ErrorKind) -> Self {
        ReadError { at, kind }
    }
}

/// A document as read, with where it came from and what was odd about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDoc {
    /// The document.
    pub doc: Document,
    /// Where it starts.
    pub at: Position,
    /// Problems that did not stop it.
    pub warnings: Vec<ReadWarning>,
}

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// One plain-text document.
    Text,
    /// One HTML page.
    Html,
}

impl Format {
    /// The format a file name's extension stands for, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format the first bytes of a file look like: `{` JSON Lines, `<` HTML, else text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

type Input = Box<dyn BufRead + Send>;

enum State {
    /// Not opened yet.
    Pending(Option<Format>),
    /// Streaming lines.
    Jsonl(Box<JsonlReader<Input>>),
    /// Done.
    Done,
}

/// Reads the documents of one input, lazily: nothing is opened before the first `next()`.
///
/// Errors opening the file are the first (and only) item; a `.txt` or `.html` file gives one
/// item; a JSON Lines input gives one item a line.
pub struct Reader {
    name: Arc<str>,
    path: Option<std::path::PathBuf>,
    opts: ReadOptions,
    state: State,
}

impl fmt::Debug for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Reader {
    /// A reader of a file by name, or of JSON Lines on standard input for `-`.
    pub fn open(path: &str, opts: ReadOptions) -> Reader {
        if path == "-" {
            return Reader {
                name: Arc::from(STDIN_NAME),
                path: None,
                opts,
                state: State::Pending(Some(Format::Jsonl)),
            };
        }
        let p = Path::new(path).to_path_buf();
        let format = Format::from_path(&p);
        Reader {
            name: Arc::from(path),
            path: Some(p),
            opts,
            state: State::Pending(format),
        }
    }

    /// The name used in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn start(&mut self, format: Option<Format>) -> Option<Result<ReadDoc, ReadError>> {
        let at = Position::new(&self.name, None);
        let mut input: Input = match &self.path {
            None => Box::new(BufReader::with_capacity(1 << 18, io::stdin())),
            Some(p) => match File::open(p) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 18, f)),
                Err(e) => return Some(Err(ReadError::new(at, ErrorKind::Open(e)))),
            },
        };
        let format = match format {
            Some(f) => f,
            None => match input.fill_buf() {
                Ok(head) => Format::sniff(head),
                Err(e) => return Some(Err(ReadError::new(at, ErrorKind::Io(e)))),
            },
        };
        match format {
            Format::Jsonl => {
                let mut r = JsonlReader::new(Arc::clone(&self.name), input, self.opts);
                let first = r.next();
                self.state = State::Jsonl(Box::new(r));
                first
            }
            Format::Text | Format::Html => {
                let bytes = match read_limited(&mut input, self.opts.max_bytes) {
                    Ok(Ok(b)) => b,
                    Ok(Err(bytes)) => {
                        let max = self.opts.max_bytes;
                        return Some(Err(ReadError::new(at, ErrorKind::TooLarge { bytes, max })));
                    }
                    Err(e) => return Some(Err(ReadError::new(at, ErrorKind::Io(e)))),
                };
                Some(if format == Format::Text {
                    read_text(&self.name, &bytes, self.opts)
                } else {
                    html::read_html(&self.name, &bytes, self.opts)
                })
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Result<ReadDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Pending(format) => self.start(format),
            State::Jsonl(mut r) => {
                let item = r.next();
                if item.is_some() {
                    self.state = State::Jsonl(r);
                }
                item
            }
            State::Done => None,
        }
    }
}

/// Read at most `max` bytes; `Ok(Err(n))` when there are more (`n` is a lower bound of the size).
fn read_limited(input: &mut impl Read, max: u64) -> io::Result<Result<Vec<u8>, u64>> {
    let mut bytes = Vec::new();
    input.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        // Count the rest without keeping it.
        let rest = io::copy(input, &mut io::sink())?;
        return Ok(Err(bytes.len() as u64 + rest));
    }
    Ok(Ok(bytes))
}

/// The id of a one-document file: its stem (`reports/2024-03-02-raid.txt` → `2024-03-02-raid`).
pub fn file_id(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| name.to_string())
}

/// Read one plain-text document (the whole of `bytes`); its id is the stem of `name`.
pub fn read_text(name: &Arc<str>, bytes: &[u8], opts: ReadOptions) -> Result<ReadDoc, ReadError> {
    let at = Position::new(name, None);
    if bytes.is_empty() {
        return Err(ReadError::new(at, ErrorKind::EmptyFile));
    }
    if bytes.len() as u64 > opts.max_bytes {
        let (bytes, max) = (bytes.len() as u64, opts.max_bytes);
        return Err(ReadError::new(at, ErrorKind::TooLarge { bytes, max }));
    }
    let decoded = decode::decode(bytes, None);
    let text = decoded.text.into_owned();
    if text.trim().is_empty() {
        return Err(ReadError::new(at, ErrorKind::EmptyText));
    }
    let mut doc = Document::new(file_id(name), text);
    doc.meta.published = opts.published;
    let warnings = decoded
        .warning
        .into_iter()
        .map(|message| ReadWarning {
            at: at.clone(),
            message,
        })
        .collect();
    Ok(ReadDoc { doc, at, warnings })
}

/// Name of a JSON value's kind, for messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions_and_first_bytes() {
        assert_eq!(
            Format::from_path(Path::new("a/b.JSONL")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("b.txt")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b")), None);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF  {\"id\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"\n<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff("قصف".as_bytes()), Format::Text);
    }

    #[test]
    fn text_file_is_one_document_named_by_its_stem() {
        let name: Arc<str> = Arc::from("in/2024-03-02-raid.txt");
        let opts = ReadOptions {
            published: IsoDate::parse("2024-03-02").ok(),
            ..Default::default()
        };
        let r = read_text(
            &name,
            "اعتقلت القوات الأمنية ثلاثة مطلوبين.\n".as_bytes(),
            opts,
        )
        .unwrap();
        assert_eq!(r.doc.id, "2024-03-02-raid");
        assert_eq!(r.doc.meta.published, opts.published);
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn text_file_errors() {
        let name: Arc<str> = Arc::from("x.txt");
        let opts = ReadOptions {
            max_bytes: 10,
            ..Default::default()
        };
        let e = read_text(&name, b"", opts).unwrap_err();
        assert_eq!(e.to_string(), "x.txt: empty file");
        let e = read_text(&name, b" \n\t ", opts).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::EmptyText));
        let e = read_text(&name, "نص أطول من الحد".as_bytes(), opts).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::TooLarge { max: 10, .. }), "{e}");
    }

    #[test]
    fn read_limited_counts_what_it_drops() {
        let data = vec![b'a'; 100];
        assert_eq!(read_limited(&mut &data[..], 100).unwrap(), Ok(data.clone()));
        assert_eq!(read_limited(&mut &data[..], 10).unwrap(), Err(100));
    }

    #[test]
    fn missing_file_is_one_error() {
        let mut r = Reader::open("/nonexistent/rasd/x.jsonl", ReadOptions::default());
        let e = r.next().unwrap().unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Open(_)));
        assert!(e
            .to_string()
            .starts_with("/nonexistent/rasd/x.jsonl: cannot open"));
        assert!(r.next().is_none());
    }
}
