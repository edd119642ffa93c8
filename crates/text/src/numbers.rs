//! Numbers in digits and in words (stub: filled in by the numbers work).
use rasd_model::Span;

use crate::Analyzed;

/// How exact a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// As stated.
    Exact,
    /// «أكثر من», «ما يزيد عن».
    MoreThan,
    /// «على الأقل», «لا يقل عن».
    AtLeast,
    /// «نحو», «حوالي», «قرابة».
    About,
    /// «أقل من».
    LessThan,
    /// No figure: «عشرات», «العديد», «عدة».
    Vague,
}

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Span in the match key (the whole expression, qualifiers included).
    pub key: Span,
    /// Span in the original text.
    pub orig: Span,
    /// The value (for vague quantities, a conventional lower bound: «عشرات» = 20).
    pub value: u64,
    /// How exact it is.
    pub approx: Approx,
    /// Key span of the counted noun when the number is carried by it (duals: «طائرتين»).
    pub noun: Option<Span>,
}

/// Find the quantities of an analysed text.
pub fn find(_a: &Analyzed) -> Vec<Quantity> {
    Vec::new()
}
