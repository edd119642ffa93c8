//! A bound on the bytes of document text in flight between the reading thread and the writer.
//!
//! Counting documents is not enough: twenty documents of 95 MB fit in any window of documents.
//! The reader takes a document's size from the budget before handing it on and waits while the
//! budget is spent; the writer gives it back once the document is written or stored. A document
//! larger than the whole budget still goes through, alone.
use std::sync::{Condvar, Mutex};

/// Bytes of document text that `rasd extract` and `rasd ingest` hold at once (besides the one
/// document the reader has just read): 128 MiB.
pub const IN_FLIGHT_BYTES: u64 = 128 * 1024 * 1024;

/// The budget shared by the reader (which takes) and the writer (which gives back).
#[derive(Debug)]
pub struct Budget {
    max: u64,
    state: Mutex<State>,
    freed: Condvar,
}

#[derive(Debug, Default)]
struct State {
    used: u64,
    closed: bool,
}

impl Budget {
    /// A budget of `max` bytes.
    pub fn new(max: u64) -> Self {
        Budget {
            max,
            state: Mutex::new(State::default()),
            freed: Condvar::new(),
        }
    }

    /// Take `n` bytes, waiting until they fit (or nothing else is in flight). False once the
    /// budget is closed: the writer has stopped, and the reader should stop too.
    pub fn take(&self, n: u64) -> bool {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !st.closed && st.used > 0 && st.used.saturating_add(n) > self.max {
            st = self.freed.wait(st).unwrap_or_else(|p| p.into_inner());
        }
        if st.closed {
            return false;
        }
        st.used = st.used.saturating_add(n);
        true
    }

    /// Give back `n` bytes.
    pub fn give(&self, n: u64) {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.used = st.used.saturating_sub(n);
        self.freed.notify_all();
    }

    /// Stop: every waiting and later [`Budget::take`] returns false.
    pub fn close(&self) {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.closed = true;
        self.freed.notify_all();
    }

    /// Bytes in flight now.
    #[cfg(test)]
    pub fn used(&self) -> u64 {
        self.state.lock().map(|s| s.used).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn a_large_document_goes_alone_and_the_next_waits() {
        let b = Arc::new(Budget::new(100));
        assert!(
            b.take(250),
            "larger than the budget, but nothing else is in flight"
        );
        let b2 = Arc::clone(&b);
        let waiter = std::thread::spawn(move || b2.take(10));
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "the next document waits");
        b.give(250);
        assert!(waiter.join().unwrap());
        assert_eq!(b.used(), 10);
        assert!(b.take(90), "fits exactly");
    }

    #[test]
    fn closing_releases_a_waiting_reader() {
        let b = Arc::new(Budget::new(10));
        assert!(b.take(10));
        let b2 = Arc::clone(&b);
        let waiter = std::thread::spawn(move || b2.take(5));
        std::thread::sleep(Duration::from_millis(20));
        b.close();
        assert!(!waiter.join().unwrap());
        assert!(!b.take(1));
    }
}
