//! Plain data types shared by every stage of rasd.
//!
//! rasd turns Arabic news into structured event data. The pipeline is
//! read → clean → normalise/tokenise → recognise → extract → resolve → fuse → store → serve/export,
//! and the records that travel between the stages are defined here, free of any I/O:
//!
//! * [`Document`]: what the readers produce (an id, metadata and the original text);
//! * [`Span`]: a half-open range into the original text; inside the pipeline spans are **byte**
//!   offsets, and [`Record::into_char_offsets`] converts them once, at the edge, to the
//!   **character** offsets (Unicode scalar values) that the OUTPUT.md contract promises;
//! * [`Record`]: the output contract — one per document, with its [`Event`]s, [`Toll`]s,
//!   [`Relation`]s and [`Entity`]s.
//!
//! ```
//! use rasd_model::{IsoDate, Span};
//! let d = IsoDate::parse("2023-10-21").unwrap();
//! assert_eq!(d.to_string(), "2023-10-21");
//! let text = "قصف على غزة";
//! let span = Span::new(0, "قصف".len());
//! assert_eq!(span.slice(text), Some("قصف"));
//! ```
#![deny(missing_docs)]

mod date;
mod record;
mod span;

pub use date::{DateError, IsoDate};
pub use record::*;
pub use span::{CharIndex, Span};

/// Metadata that came with a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocMeta {
    /// Outlet name, when known (e.g. «الحرة»).
    pub source: Option<String>,
    /// Page address, when known.
    pub url: Option<String>,
    /// Publication date: the anchor for relative dates.
    pub published: Option<IsoDate>,
    /// Headline, when known.
    pub title: Option<String>,
}

/// One input document as the readers hand it to the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: from the input, or a hash of the text.
    pub id: String,
    /// Metadata that came with it.
    pub meta: DocMeta,
    /// The original text; every [`Span`] points into it.
    pub text: String,
}

impl Document {
    /// A document with no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            meta: DocMeta::default(),
            text: text.into(),
        }
    }

    /// A stable id for a text that came without one: `doc-` and 16 hex digits of FNV-1a.
    pub fn hash_id(text: &str) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("doc-{h:016x}")
    }
}
