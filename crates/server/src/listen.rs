//! The accept loop: hyper's HTTP/1 server over tokio, with the limits axum's `serve` lacks.
//!
//! * at most [`Limits::max_connections`] connections at once: the loop takes a permit before it
//!   accepts, so the others wait in the kernel's listen queue and cost no descriptor;
//! * a client must send a request's headers within [`Limits::header_timeout`] (which also ends
//!   a kept-alive connection left idle), or [`Limits::busy_header_timeout`] when more than three
//!   quarters of the connections are taken, so slow and idle clients cannot hold every slot; a
//!   connection that has not sent a whole request within the busy timeout is closed as soon as
//!   the server is busy, whenever it was accepted (its header timeout was set when it came);
//! * body and request deadlines are the handlers' ([`crate::AppState`]).
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

use crate::{Limits, ServerError};

/// How long open connections may finish their requests after a shutdown.
const DRAIN: Duration = Duration::from_secs(10);

pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let max = limits.max_connections.max(1);
    let permits = Arc::new(Semaphore::new(max));
    let graceful = GracefulShutdown::new();
    // Bumped each time a connection is accepted while the server is busy.
    let (busy_tx, _) = tokio::sync::watch::channel(0u64);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&permits).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((s, _)) => s,
                Err(e) => {
                    // Out of descriptors or a connection reset before it was accepted: wait a
                    // little and go on.
                    eprintln!("rasd serve: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let busy = permits.available_permits() < max / 4;
        let header_timeout = if busy {
            limits.busy_header_timeout
        } else {
            limits.header_timeout
        };
        // Whether the connection has sent a whole request yet.
        let started = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&started);
        let svc = tower::ServiceBuilder::new()
            .map_request(move |r: hyper::Request<hyper::body::Incoming>| {
                seen.store(true, Ordering::Relaxed);
                r
            })
            .service(app.clone());
        let conn = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .keep_alive(true)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(svc));
        let conn = graceful.watch(conn);
        if busy {
            // Tell the connections already open: those that have sent nothing whole within
            // the busy timeout give their place up. A signal, not a state that each of them
            // samples: a connection whose task runs late still sees it.
            busy_tx.send_modify(|n| *n = n.wrapping_add(1));
        }
        let mut busy_rx = busy_tx.subscribe();
        let all = Arc::clone(&permits);
        let grace = limits.busy_header_timeout;
        tokio::spawn(async move {
            let mut conn = std::pin::pin!(conn);
            let opened = tokio::time::Instant::now();
            let deadline = tokio::time::sleep_until(opened + grace);
            tokio::pin!(deadline);
            let mut deadline_passed = false;
            loop {
                let give_way = tokio::select! {
                    _ = &mut conn => break,
                    // The server became busy (or busier) with a new connection.
                    changed = busy_rx.changed(), if !started.load(Ordering::Relaxed) => {
                        if changed.is_err() {
                            // The accept loop has ended: the graceful shutdown takes over.
                            let _ = (&mut conn).await;
                            break;
                        }
                        opened.elapsed() >= grace
                    }
                    // The grace is over while the server is busy already: no new connection
                    // will signal it, as none can be accepted.
                    () = &mut deadline, if !deadline_passed => {
                        deadline_passed = true;
                        all.available_permits() < max / 4
                    }
                };
                if give_way && !started.load(Ordering::Relaxed) {
                    break;
                }
            }
            drop(permit);
        });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => {}
    }
    Ok(())
}
