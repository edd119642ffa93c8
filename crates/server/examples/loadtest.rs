//! A bounded API load test on loopback (`scripts/loadtest.sh` drives it).
//!
//! ```text
//! loadtest gen --db target/loadtest/store.db --docs 3000
//! loadtest run --addr 127.0.0.1:PORT --requests 20000 --concurrency 16 --max-secs 60
//! loadtest run --addr 127.0.0.1:PORT --requests 20000 --concurrency 200 --slow 1000
//! ```
//! `gen` writes a store of generated Arabic news items (template sentences over real gazetteer
//! places, one event each); `run` sends a fixed mix of API requests over keep-alive connections
//! and prints requests per second and latency percentiles. With `--slow N` it also holds N slow
//! connections the whole time (each sends its request line a byte a second, and connects again
//! when the server cuts it off), to show that slow clients do not lock fast ones out. It only
//! ever connects to a loopback address and stops after `--requests` requests or `--max-secs`
//! seconds, whichever comes first.
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rasd_extract::Pipeline;
use rasd_model::{DocMeta, Document, IsoDate};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") => gen(&arg(&args, "--db", "target/loadtest/store.db"), arg(&args, "--docs", "3000").parse()?),
        Some("run") => {
            let addr: SocketAddr = arg(&args, "--addr", "127.0.0.1:8080").parse()?;
            if !addr.ip().is_loopback() {
                return Err(format!("refusing to load-test {addr}: loopback addresses only").into());
            }
            run(
                addr,
                arg(&args, "--requests", "20000").parse()?,
                arg(&args, "--concurrency", "16").parse()?,
                Duration::from_secs(arg(&args, "--max-secs", "60").parse()?),
                arg(&args, "--slow", "0").parse()?,
            )
        }
        _ => Err("usage: loadtest gen --db PATH --docs N | loadtest run --addr 127.0.0.1:PORT --requests N --concurrency C --max-secs S".into()),
    }
}

// ---- gen ------------------------------------------------------------------------------------

const PLACES: &[&str] = &[
    "قاعدة عين الأسد في محافظة الأنبار",
    "مدينة إدلب شمال غربي سوريا",
    "مدينة الحديدة غربي اليمن",
    "مدينة بغداد",
    "مدينة طرابلس شمال لبنان",
    "مدينة الموصل",
    "مدينة حلب",
    "مدينة دير الزور",
    "مدينة كركوك",
    "مدينة صنعاء",
    "مدينة درعا",
    "مدينة البصرة",
];
const OUTLETS: &[&str] = &[
    "وكالة الرصد",
    "صحيفة المساء",
    "شبكة الشمال",
    "إذاعة الساحل",
    "نشرة المدينة",
];

fn sentence(kind: usize, place: &str, n: usize) -> String {
    match kind % 6 {
        0 => {
            format!("شنّت طائرات حربية غارات جوية أمس على مواقع في {place}، بحسب ما أفاد مصدر أمني.")
        }
        1 => {
            format!("استهدف قصف مدفعي أمس أحياء في {place}، وقال شهود إن {n} قذائف سقطت قرب السوق.")
        }
        2 => format!("انفجرت عبوة ناسفة أمس في {place} لدى مرور دورية عسكرية، وفق مصدر في الشرطة."),
        3 => format!("تظاهر المئات أمس في {place} احتجاجاً على تردي الخدمات وانقطاع الكهرباء."),
        4 => format!(
            "اعتقلت القوى الأمنية أمس {n} أشخاص في {place} للاشتباه بانتمائهم إلى تنظيم داعش."
        ),
        _ => format!(
            "اندلعت اشتباكات مسلحة أمس بين فصيلين في {place} استمرت ساعات، بحسب سكان محليين."
        ),
    }
}

fn gen(db: &str, n: usize) -> Res<()> {
    if let Some(dir) = std::path::Path::new(db).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let _ = std::fs::remove_file(db);
    let mut store = rasd_store::Store::open(db)?;
    let pipeline = Pipeline::new();
    let start = IsoDate::parse("2023-01-01")?;
    let t = Instant::now();
    let mut events = 0;
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            let place = PLACES[i % PLACES.len()];
            let kind = (i / PLACES.len()) % 6;
            let published = start.add_days((i / 7) as i64);
            let text = format!(
                "{} وأضاف المصدر أن التحقيقات جارية لمعرفة ملابسات الحادث رقم {i}.",
                sentence(kind, place, 2 + i % 5)
            );
            Document {
                id: format!("gen-{i:05}"),
                meta: DocMeta {
                    source: Some(OUTLETS[i % OUTLETS.len()].to_string()),
                    url: Some(format!("https://news.example.invalid/gen/{i}")),
                    published: Some(published),
                    title: Some(format!("خبر مولّد رقم {i}")),
                },
                text,
            }
        })
        .collect();
    for chunk in docs.chunks(500) {
        let batch: Vec<_> = chunk
            .iter()
            .map(|d| {
                let r = pipeline.extract(d);
                events += r.events.len();
                (d.clone(), r)
            })
            .collect();
        store.ingest(&batch)?;
    }
    let counts = store.counts()?;
    eprintln!(
        "loadtest gen: {n} documents, {events} extracted events, in {:.1} s; store counts: {}",
        t.elapsed().as_secs_f64(),
        serde_json::to_string(&counts)?
    );
    Ok(())
}

// ---- run ------------------------------------------------------------------------------------

struct Conn {
    addr: SocketAddr,
    io: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn get(&mut self, path: &str) -> Res<(u16, usize)> {
        for attempt in 0..2 {
            if self.io.is_none() {
                self.io = Some(BufReader::new(connect(self.addr)?));
            }
            match self.try_get(path) {
                Ok(r) => return Ok(r),
                Err(e) if attempt == 0 => {
                    self.io = None; // the server closed a kept-alive connection: reconnect once
                    let _ = e;
                }
                Err(e) => return Err(e),
            }
        }
        Err("unreachable".into())
    }

    fn try_get(&mut self, path: &str) -> Res<(u16, usize)> {
        let io = self.io.as_mut().ok_or("no connection")?;
        let req = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\n\r\n",
            self.addr
        );
        io.get_mut().write_all(req.as_bytes())?;
        let mut line = String::new();
        io.read_line(&mut line)?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or("bad status line")?;
        let (mut len, mut chunked, mut close) = (0usize, false, false);
        loop {
            line.clear();
            if io.read_line(&mut line)? == 0 {
                return Err("connection closed in headers".into());
            }
            let l = line.trim_end().to_ascii_lowercase();
            if l.is_empty() {
                break;
            }
            if let Some(v) = l.strip_prefix("content-length:") {
                len = v.trim().parse()?;
            } else if l.starts_with("transfer-encoding:") && l.contains("chunked") {
                chunked = true;
            } else if l.starts_with("connection:") && l.contains("close") {
                close = true;
            }
        }
        let mut total = 0;
        if chunked {
            loop {
                line.clear();
                io.read_line(&mut line)?;
                let n = usize::from_str_radix(line.trim(), 16)?;
                let mut buf = vec![0u8; n + 2];
                io.read_exact(&mut buf)?;
                total += n;
                if n == 0 {
                    break;
                }
            }
        } else {
            let mut buf = vec![0u8; len];
            io.read_exact(&mut buf)?;
            total = len;
        }
        if close {
            self.io = None;
        }
        Ok((status, total))
    }
}

fn connect(addr: SocketAddr) -> Res<TcpStream> {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    s.set_nodelay(true)?;
    Ok(s)
}

/// Hold `n` slow connections until `stop`: a byte a second each, reconnecting when cut off.
/// Returns how many times the server cut one off.
fn slow_clients(
    addr: SocketAddr,
    n: usize,
    stop: Arc<std::sync::atomic::AtomicBool>,
    deadline: Instant,
) -> usize {
    const LINE: &[u8] = b"GET /api/stats HTTP/1.1\r\nHost: slow\r\n";
    let mut conns: Vec<(Option<TcpStream>, usize)> = (0..n).map(|_| (None, 0)).collect();
    let mut cut = 0;
    while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
        for (c, sent) in conns.iter_mut() {
            if c.is_none() {
                *c = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok();
                *sent = 0;
                if let Some(s) = c {
                    let _ = s.set_write_timeout(Some(Duration::from_millis(100)));
                }
            }
            if let Some(s) = c {
                let b = LINE
                    .get(*sent % LINE.len()..*sent % LINE.len() + 1)
                    .unwrap_or(b"x");
                if s.write_all(b).is_err() {
                    cut += 1;
                    *c = None;
                } else {
                    *sent += 1;
                }
            }
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    cut
}

fn run(
    addr: SocketAddr,
    requests: usize,
    concurrency: usize,
    max: Duration,
    slow: usize,
) -> Res<()> {
    // Learn some ids and words to ask for.
    let mut c = Conn { addr, io: None };
    let mut ids = Vec::new();
    let (s, _) = c.get("/api/events?limit=1")?;
    if s != 200 {
        return Err(format!("GET /api/events answered {s}").into());
    }
    let body = fetch_body(addr, "/api/events?limit=300")?;
    let v: serde_json::Value = serde_json::from_str(&body)?;
    for e in v["items"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        if let Some(id) = e["id"].as_str() {
            ids.push(enc(id));
        }
    }
    let total_events = v["total"].as_u64().unwrap_or(0);
    if ids.is_empty() {
        return Err("the store has no events".into());
    }
    let mix: Vec<String> = {
        let mut m = vec![
            "/api/events?limit=50".to_string(),
            "/api/events?limit=50&offset=500".to_string(),
            "/api/events?type=air_drone_strike&limit=50".to_string(),
            "/api/events?country=IQ&from=2023-03-01&to=2023-09-30&limit=100".to_string(),
            format!("/api/events?actor={}&limit=50", enc("داعش")),
            "/api/events?bbox=38,29,49,38&limit=100".to_string(),
            "/api/entities?limit=50".to_string(),
            "/api/documents?limit=50&offset=100".to_string(),
            format!("/api/search?q={}&limit=20", enc("الكهرباء")),
            "/api/stats".to_string(),
            "/".to_string(),
        ];
        for id in ids.iter().take(40) {
            m.push(format!("/api/events/{id}"));
        }
        m
    };
    println!(
        "loadtest: {addr}, store with {total_events} events; {requests} requests at most, {concurrency} connections, {} s at most",
        max.as_secs()
    );
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let deadline = start + max;
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let slow_thread = (slow > 0).then(|| {
        let stop = Arc::clone(&stop);
        let t = std::thread::spawn(move || slow_clients(addr, slow, stop, deadline));
        // Let them take their connections first.
        std::thread::sleep(Duration::from_secs(2));
        t
    });
    let fast_start = Instant::now();
    let mix = Arc::new(mix);
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (next, mix) = (Arc::clone(&next), Arc::clone(&mix));
        tasks.push(std::thread::spawn(move || {
            let mut conn = Conn { addr, io: None };
            let mut lat = Vec::new();
            let (mut errors, mut non_200, mut bytes) = (0usize, 0usize, 0usize);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests || Instant::now() >= deadline {
                    break;
                }
                let path = &mix[i % mix.len()];
                let t = Instant::now();
                match conn.get(path) {
                    Ok((s, n)) => {
                        lat.push(t.elapsed());
                        bytes += n;
                        if s != 200 {
                            non_200 += 1;
                        }
                    }
                    Err(_) => {
                        errors += 1;
                        conn.io = None;
                    }
                }
            }
            (lat, errors, non_200, bytes)
        }));
    }
    let mut lat = Vec::new();
    let (mut errors, mut non_200, mut bytes) = (0, 0, 0);
    for t in tasks {
        let (l, e, n, b) = t.join().map_err(|_| "worker panicked")?;
        lat.extend(l);
        errors += e;
        non_200 += n;
        bytes += b;
    }
    let secs = fast_start.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    if let Some(t) = slow_thread {
        let cut = t.join().map_err(|_| "slow clients panicked")?;
        println!(
            "loadtest: {slow} slow connections held; the server cut slow ones off {cut} times"
        );
    }
    lat.sort();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((lat.len() as f64 - 1.0) * p).round() as usize;
        lat[i.min(lat.len() - 1)].as_secs_f64() * 1000.0
    };
    println!(
        "loadtest: {} responses in {secs:.2} s = {:.0} requests/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} non-200, {} errors, {:.1} MB received",
        lat.len(),
        lat.len() as f64 / secs,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
        non_200,
        errors,
        bytes as f64 / 1e6
    );
    Ok(())
}

fn fetch_body(addr: SocketAddr, path: &str) -> Res<String> {
    let mut s = connect(addr)?;
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no header end")?
        + 4;
    Ok(String::from_utf8(buf.split_off(split))?)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
