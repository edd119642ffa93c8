//! The work done on one document: how many recognised items its stages looked at, and the
//! time it may take.
//!
//! Every search of the recognised items (names, lexicon words, numbers, dates within a span)
//! adds the number of items it looks at, so the count is a measure of work that does not
//! depend on the machine: it grows linearly with the length of a document, whatever its
//! punctuation (see `tests/scaling.rs`). The loops over a document's candidates, mentions and
//! events ask [`Work::over`] as they go, and stop once the time budget has passed: the
//! pipeline then reports the document as over budget instead of a record.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Work counter and time budget of one document's extraction.
#[derive(Debug, Default)]
pub struct Work {
    items: AtomicU64,
    deadline: Option<Instant>,
    over: AtomicBool,
}

impl Clone for Work {
    fn clone(&self) -> Self {
        Work {
            items: AtomicU64::new(self.items()),
            deadline: self.deadline,
            over: AtomicBool::new(self.over.load(Ordering::Relaxed)),
        }
    }
}

impl Work {
    /// A counter with a time budget counted from `start`, or none.
    pub fn new(start: Instant, budget: Option<Duration>) -> Work {
        Work {
            items: AtomicU64::new(0),
            deadline: budget.and_then(|b| start.checked_add(b)),
            over: AtomicBool::new(false),
        }
    }

    /// Count `n` items looked at.
    pub fn add(&self, n: usize) {
        self.items.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// The items looked at so far.
    pub fn items(&self) -> u64 {
        self.items.load(Ordering::Relaxed)
    }

    /// Has the time budget passed? Reads the clock; once true, stays true.
    pub fn over(&self) -> bool {
        if self.over.load(Ordering::Relaxed) {
            return true;
        }
        let over = self.deadline.is_some_and(|d| Instant::now() >= d);
        if over {
            self.over.store(true, Ordering::Relaxed);
        }
        over
    }

    /// Did a loop find the time budget passed (without reading the clock)?
    pub fn was_over(&self) -> bool {
        self.over.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_budget_is_never_over() {
        let w = Work::new(Instant::now(), None);
        w.add(3);
        w.add(4);
        assert_eq!(w.items(), 7);
        assert!(!w.over());
        assert!(!w.was_over());
    }

    #[test]
    fn a_passed_budget_stays_over() {
        let w = Work::new(Instant::now(), Some(Duration::ZERO));
        assert!(!w.was_over(), "only a loop that asks reads the clock");
        assert!(w.over());
        assert!(w.was_over());
        assert!(w.clone().was_over());
    }
}
