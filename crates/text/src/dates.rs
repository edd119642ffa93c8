//! Dates (stub: filled in by the dates work).
use rasd_model::{DatePrecision, IsoDate, Span};

use crate::Analyzed;

/// A date expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Span in the match key.
    pub key: Span,
    /// Span in the original text.
    pub orig: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` at the given precision.
    pub value: String,
    /// Precision of `value`.
    pub precision: DatePrecision,
    /// For ranges («منذ الأربعاء», «الأسبوع الماضي»): first and last day.
    pub range: Option<(IsoDate, IsoDate)>,
    /// True when resolved against the publication date (weekday, «أمس», «اليوم»…).
    pub relative: bool,
}

/// Find and resolve the date expressions of an analysed text.
pub fn find(_a: &Analyzed, _published: Option<IsoDate>) -> Vec<DateMention> {
    Vec::new()
}
