//! Detection: which trigger words report a specific real event.
//!
//! Every trigger word of the lexicon that is not part of a name or a date is a [`Candidate`].
use rasd_model::Span;

use crate::ctx::Ctx;
use crate::events::{live_trigger, TrigKind};
use crate::lexicon::Class;

/// A trigger word that may report an event.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the trigger in `Found::lex(Class::Trigger)`.
    pub hit: usize,
    /// Key span of the trigger.
    pub trig: Span,
    /// Index of its sentence.
    pub sent: usize,
    /// What the lexicon says the word tells.
    pub kind: TrigKind,
    /// The lexicon value (kind and features).
    pub value: String,
}

/// The candidates of a document, in text order.
pub fn candidates(cx: &Ctx) -> Vec<Candidate> {
    cx.f.lex(Class::Trigger)
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let kind = h.value.split(',').next().and_then(TrigKind::parse)?;
            live_trigger(cx, h, kind).then(|| Candidate {
                hit: i,
                trig: h.key,
                sent: cx.sentence_ix(h.key),
                kind,
                value: h.value.clone(),
            })
        })
        .collect()
}
