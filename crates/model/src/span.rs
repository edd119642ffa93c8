use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into a document's original text.
///
/// Inside the pipeline the offsets are bytes; in an output [`crate::Record`] they are characters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First offset inside the span.
    pub start: usize,
    /// First offset after the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given backwards.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Length in offsets.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under a byte span, or `None` when it is out of range or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True when the two spans share at least one offset.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets into character offsets for one text, cheaply and in any order.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Index the char boundaries of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The character offset of a byte offset (rounded down to a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A byte span as a char span.
    pub fn span(&self, s: Span) -> Span {
        Span {
            start: self.char_of(s.start),
            end: self.char_of(s.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_scalars() {
        let t = "أكد مصدر";
        let ix = CharIndex::new(t);
        let b = t.find("مصدر").unwrap();
        assert_eq!(ix.span(Span::new(b, t.len())), Span::new(4, 8));
    }

    #[test]
    fn slice_rejects_bad_boundaries() {
        assert_eq!(Span::new(1, 2).slice("عا"), None);
        assert_eq!(Span::new(0, 100).slice("abc"), None);
    }
}
