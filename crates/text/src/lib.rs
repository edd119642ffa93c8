//! The Arabic language layer of rasd: clean, normalise with alignment, tokenise, split
//! sentences, and recognise numbers and dates.
//!
//! Everything here is pure and deterministic. The one rule that every stage keeps is that
//! **offsets are sacred**: the match-key text that recognisers search is aligned, byte by byte,
//! with the original text, so that whatever a recogniser finds in the key can be mapped back to
//! the exact characters of the original ([`Aligned::to_original`]).
//!
//! ```
//! use rasd_text::analyze;
//! let text = "وقال مصدر أمني لوكالة فرانس برس إن «طائرتين مسيّرتين» هاجمتا القاعدة.";
//! let a = analyze(text);
//! // The key folds diacritics, alef forms, ta marbuta and Arabic punctuation…
//! assert!(a.key.text.contains("مسيرتين"));
//! // …and every token maps back to the original characters.
//! let tok = a.tokens.iter().find(|t| a.key_str(t.key) == "مسيرتين").unwrap();
//! assert_eq!(tok.orig.slice(text), Some("مسيّرتين"));
//! // «لوكالة» is segmented into the proclitic «ل» and the stem «وكاله».
//! let tok = a.tokens.iter().find(|t| a.key_str(t.key) == "لوكاله").unwrap();
//! assert_eq!(a.key_str(tok.stem), "وكاله");
//! ```
#![deny(missing_docs)]

pub mod clean;
pub mod clitics;
pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentences;
pub mod tokenize;

pub use normalize::{display, match_key, match_key_str, Aligned};
pub use tokenize::Token;

use rasd_model::Span;

/// A document's text after clean → normalise → tokenise → split.
#[derive(Debug, Clone)]
pub struct Analyzed {
    /// The match key of the kept text, aligned with the original.
    pub key: Aligned,
    /// Tokens over the key.
    pub tokens: Vec<Token>,
    /// Sentences as key spans (they cover whole tokens).
    pub sentences: Vec<Span>,
    /// Original ranges dropped by cleaning (repeated lines, page chrome).
    pub dropped: Vec<Span>,
}

impl Analyzed {
    /// The key text under a key span (empty when out of range).
    pub fn key_str(&self, s: Span) -> &str {
        s.slice(&self.key.text).unwrap_or("")
    }

    /// Index of the sentence that holds a key offset.
    pub fn sentence_of(&self, key_offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= key_offset);
        (i < self.sentences.len() && self.sentences[i].start <= key_offset).then_some(i)
    }

    /// Index of the first token that ends after a key offset.
    pub fn token_at(&self, key_offset: usize) -> usize {
        self.tokens.partition_point(|t| t.key.end <= key_offset)
    }
}

/// Run clean → normalise → tokenise → sentence split over an original text.
pub fn analyze(text: &str) -> Analyzed {
    let kept = clean::kept_ranges(text);
    let dropped = clean::complement(&kept, text.len());
    let key = normalize::match_key(text, &kept);
    let tokens = tokenize::tokenize(&key);
    let sentences = sentences::split(&key, &tokens);
    Analyzed {
        key,
        tokens,
        sentences,
        dropped,
    }
}
