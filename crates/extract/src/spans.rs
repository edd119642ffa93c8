//! An index of spans by their start, for the overlap queries of the recognisers: a document
//! of a million characters holds tens of thousands of names and hits, and checking each new
//! one against all the others would cost their square.
use rasd_model::Span;

/// Spans indexed by their start, for overlap queries among many names.
#[derive(Debug, Default)]
pub(crate) struct SpanIndex {
    by_start: std::collections::BTreeMap<usize, Vec<(Span, usize)>>,
    longest: usize,
}

impl SpanIndex {
    pub(crate) fn insert(&mut self, s: Span, id: usize) {
        self.longest = self.longest.max(s.len());
        self.by_start.entry(s.start).or_default().push((s, id));
    }

    pub(crate) fn remove(&mut self, s: Span, id: usize) {
        if let Some(v) = self.by_start.get_mut(&s.start) {
            v.retain(|x| x.1 != id);
        }
    }

    /// The (span, id) pairs that overlap `s`.
    pub(crate) fn overlapping(&self, s: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let lo = s.start.saturating_sub(self.longest);
        self.by_start
            .range(lo..s.end.max(lo + 1))
            .flat_map(|(_, v)| v.iter().copied())
            .filter(move |(x, _)| x.overlaps(s))
    }
}
