//! The server under slow and idle clients: header and body timeouts, a cap on connections, and
//! fast clients answered all the same. A real listener on 127.0.0.1 (port 0), small limits.
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use rasd_server::{AppState, Limits};
use rasd_store::Store;

fn limits() -> Limits {
    Limits {
        max_connections: 8,
        header_timeout: Duration::from_millis(600),
        busy_header_timeout: Duration::from_millis(300),
        body_timeout: Duration::from_millis(600),
        ..Limits::default()
    }
}

/// Start a server on its own runtime thread; it stops when the returned sender is dropped.
fn start(limits: Limits, token: Option<&str>) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let (atx, arx) = std::sync::mpsc::channel();
    let token = token.map(String::from);
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            atx.send(listener.local_addr().unwrap()).unwrap();
            let state = AppState::new(Store::open(":memory:").unwrap())
                .with_token(token)
                .with_limits(limits);
            rasd_server::serve_until(listener, state, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
    });
    (arx.recv().unwrap(), tx)
}

fn get(addr: SocketAddr, path: &str) -> u16 {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0)
}

/// Read until the server closes the connection; how long that took.
fn closed_after(mut s: TcpStream) -> Duration {
    let t = Instant::now();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut buf = [0u8; 1024];
    while let Ok(n) = s.read(&mut buf) {
        if n == 0 {
            break;
        }
    }
    t.elapsed()
}

#[test]
fn idle_and_unfinished_headers_are_cut_off() {
    let (addr, _stop) = start(limits(), None);
    // Connected, nothing sent.
    let idle = TcpStream::connect(addr).unwrap();
    // Half a request line, then nothing.
    let mut half = TcpStream::connect(addr).unwrap();
    half.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    assert!(closed_after(idle) < Duration::from_secs(10));
    assert!(closed_after(half) < Duration::from_secs(10));
    // A kept-alive connection left idle after a request is closed too.
    let mut kept = TcpStream::connect(addr).unwrap();
    kept.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert!(closed_after(kept) < Duration::from_secs(10));
}

#[test]
fn slow_clients_holding_every_connection_do_not_lock_out_a_fast_one() {
    let (addr, _stop) = start(limits(), None);
    // Three times the cap of connections that send a byte now and then.
    let slow: Vec<TcpStream> = (0..24)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            let _ = s.write_all(b"G");
            s
        })
        .collect();
    let t = Instant::now();
    assert_eq!(get(addr, "/api/stats"), 200);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "answered after the slow ones were cut off"
    );
    drop(slow);
}

#[test]
fn connections_accepted_before_the_server_was_busy_give_way_once_it_is() {
    // A long header timeout for connections accepted while the server was not busy: before,
    // each of them held its place for all of it, whatever came after.
    let limits = Limits {
        header_timeout: Duration::from_secs(60),
        ..limits()
    };
    let (addr, _stop) = start(limits, None);
    let mut early: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            let _ = s.write_all(b"G");
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // Then the server fills up.
    let late: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            let _ = s.write_all(b"G");
            s
        })
        .collect();
    let first = early.remove(0);
    assert!(
        closed_after(first) < Duration::from_secs(20),
        "an early slow connection kept its place once the server was busy"
    );
    assert_eq!(get(addr, "/api/stats"), 200);
    drop((early, late));
}

#[test]
fn a_body_sent_too_slowly_is_refused_with_408() {
    let (addr, _stop) = start(limits(), Some("s3cret"));
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n\
         Content-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{{\"text\": \"قصف"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
}
