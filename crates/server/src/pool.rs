//! Store connections for the handlers: each request gets a connection of its own (SQLite in WAL
//! mode lets many readers read while one writes; PostgreSQL serves many connections), so one slow
//! request never holds the others up. Work on a connection stops when its request's deadline
//! passes or its client has gone: the running statement is interrupted
//! ([`rasd_store::Interrupter`]) and the connection goes back to the pool.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rasd_store::{Interrupter, Store, StoreError};
use tokio::sync::Semaphore;

use crate::ApiError;

/// Default number of store connections (an in-memory store has one).
pub const DEFAULT_CONNECTIONS: usize = 8;

/// A pool of connections to one store, opened as they are needed.
pub(crate) struct Pool {
    idle: Mutex<Vec<Store>>,
    /// Opens more connections (never used for queries); none for an in-memory store.
    seed: Option<Mutex<Store>>,
    permits: Arc<Semaphore>,
    size: usize,
}

impl Pool {
    pub(crate) fn new(store: Store, size: usize) -> Pool {
        let (idle, seed, size) = if store.can_reopen() {
            // Connections are opened by the first requests that need them.
            (Vec::new(), Some(Mutex::new(store)), size.max(1))
        } else {
            // An in-memory database has one connection: it is the pool.
            (vec![store], None, 1)
        };
        Pool {
            idle: Mutex::new(idle),
            seed,
            permits: Arc::new(Semaphore::new(size)),
            size,
        }
    }

    pub(crate) fn size(&self) -> usize {
        self.size
    }

    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match (idle, &self.seed) {
            (Some(s), _) => Ok(s),
            (None, Some(seed)) => seed.lock().unwrap_or_else(|p| p.into_inner()).reopen(),
            (None, None) => Err(StoreError::Invalid {
                what: "store pool",
                value: "no connection left".into(),
            }),
        }
    }

    fn give(&self, s: Store) {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(s);
    }
}

/// The interrupter of the connection a request is using, and whether the request has gone.
#[derive(Default)]
struct Slot {
    current: Mutex<Option<Interrupter>>,
    gone: AtomicBool,
}

/// Stops the work of a request that is dropped (its client disconnected) or timed out.
struct StopOnDrop(Arc<Slot>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.gone.store(true, Ordering::SeqCst);
        if let Some(i) = self
            .0
            .current
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            i.interrupt();
        }
    }
}

/// Run `f` on a connection of its own, on the blocking pool, within `deadline`: waiting for a
/// free connection counts. Past the deadline, or when the caller is dropped, the work is stopped.
pub(crate) async fn run<T, F>(pool: &Arc<Pool>, deadline: Duration, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    T: Send + 'static,
{
    let secs = deadline.as_secs_f64();
    let until = tokio::time::Instant::now() + deadline;
    let permit = tokio::time::timeout_at(until, Arc::clone(&pool.permits).acquire_owned())
        .await
        .map_err(|_| ApiError::Deadline { secs })?
        .map_err(|e| ApiError::Internal(format!("store pool: {e}")))?;
    let slot = Arc::new(Slot::default());
    let guard = StopOnDrop(Arc::clone(&slot));
    let pool = Arc::clone(pool);
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut store = pool.take()?;
        let intr = store.interrupter();
        intr.reset();
        *slot.current.lock().unwrap_or_else(|p| p.into_inner()) = Some(intr.clone());
        if slot.gone.load(Ordering::SeqCst) {
            intr.interrupt();
        }
        let r = f(&mut store);
        *slot.current.lock().unwrap_or_else(|p| p.into_inner()) = None;
        intr.reset();
        pool.give(store);
        r
    });
    let r = tokio::time::timeout_at(until, task).await;
    drop(guard);
    match r {
        Err(_) => Err(ApiError::Deadline { secs }),
        Ok(Err(e)) => Err(ApiError::Internal(format!("store worker: {e}"))),
        Ok(Ok(Err(StoreError::Interrupted))) => Err(ApiError::Deadline { secs }),
        Ok(Ok(r)) => r.map_err(ApiError::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn file_store(dir: &tempfile::TempDir) -> Store {
        Store::open(dir.path().join("t.db").to_str().unwrap()).unwrap()
    }

    /// Far more work than any deadline here allows (minutes of SQL).
    const FOREVER: i64 = 1 << 40;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn slow_work_stops_at_its_deadline_and_the_connection_serves_again() {
        let pool = Arc::new(Pool::new(Store::open(":memory:").unwrap(), 1));
        let t = Instant::now();
        let r = run(&pool, Duration::from_millis(300), |s| s.count_to(FOREVER)).await;
        assert!(matches!(r, Err(ApiError::Deadline { .. })), "{r:?}");
        // The one connection comes back, interrupted work gone, and answers.
        let n = run(&pool, Duration::from_secs(20), |s| s.count_to(10)).await;
        assert_eq!(n.unwrap(), 10);
        assert!(t.elapsed() < Duration::from_secs(20));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_dropped_by_its_client_stops_its_work() {
        let pool = Arc::new(Pool::new(Store::open(":memory:").unwrap(), 1));
        let p = Arc::clone(&pool);
        let req = tokio::spawn(async move {
            run(&p, Duration::from_secs(3600), |s| s.count_to(FOREVER)).await
        });
        tokio::time::sleep(Duration::from_millis(200)).await;
        // The client goes: axum drops the handler's future.
        req.abort();
        let n = run(&pool, Duration::from_secs(20), |s| s.count_to(10)).await;
        assert_eq!(n.unwrap(), 10, "the connection was freed");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn readers_have_connections_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let pool = Arc::new(Pool::new(file_store(&dir), 4));
        assert_eq!(pool.size(), 4);
        let p = Arc::clone(&pool);
        let slow = tokio::spawn(async move {
            run(&p, Duration::from_secs(3600), |s| s.count_to(FOREVER)).await
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        // Answered while the slow query runs on another connection.
        let counts = run(&pool, Duration::from_secs(10), |s| s.counts()).await;
        assert_eq!(counts.unwrap().documents, 0);
        slow.abort();
    }

    #[test]
    fn an_in_memory_store_is_a_pool_of_one() {
        assert_eq!(Pool::new(Store::open(":memory:").unwrap(), 8).size(), 1);
    }
}
