//! Test fixtures shared by the API and browser tests: five short news items written for these
//! tests (invented events, not real reports), one of them hostile, ingested into a fresh store.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use rasd_extract::Pipeline;
use rasd_model::{DocMeta, Document, IsoDate};
use rasd_server::AppState;
use rasd_store::Store;

/// Markup and a bidi override that must stay inert in the dashboard.
pub const HOSTILE_SCRIPT: &str = "<script>document.title='PWNED'</script>";
/// An image whose error handler would fire if the text were parsed as HTML.
pub const HOSTILE_IMG: &str = "<img src=x onerror=\"document.title='PWNED'\">";

fn doc(id: &str, published: &str, source: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        meta: DocMeta {
            source: Some(source.to_string()),
            url: Some(format!("https://news.example.invalid/{id}")),
            published: IsoDate::parse(published).ok(),
            title: Some(title.to_string()),
        },
        text: text.to_string(),
    }
}

/// The test articles.
pub fn corpus() -> Vec<Document> {
    vec![
        doc(
            "t-anbar-1",
            "2024-01-14",
            "وكالة الرصد",
            "هجوم بطائرتين مسيّرتين على قاعدة عين الأسد",
            "أعلنت المقاومة الإسلامية في العراق، يوم الأحد، استهداف قاعدة عين الأسد في محافظة الأنبار غربي \
العراق بطائرتين مسيّرتين. وقال مصدر أمني عراقي لوكالة فرانس برس إن الطائرتين أُسقطتا قبل وصولهما إلى القاعدة \
ولم يسفر الهجوم عن أي إصابات. في المقابل قال مسؤول في التحالف الدولي إنه لا علم لديه بوقوع أي هجوم على القاعدة.",
        ),
        doc(
            "t-anbar-2",
            "2024-01-14",
            "صحيفة المساء",
            "إسقاط مسيّرتين قرب عين الأسد",
            "أسقطت الدفاعات الجوية، الأحد، طائرتين مسيّرتين حاولتا استهداف قاعدة عين الأسد الجوية في الأنبار، \
بحسب ما أفاد مصدر أمني عراقي. وتبنّت المقاومة الإسلامية في العراق الهجوم في بيان نشرته على تلغرام.",
        ),
        doc(
            "t-idlib",
            "2024-01-16",
            "شبكة الشمال",
            "قتلى بقصف مدفعي على إدلب",
            "قُتل ثلاثة مدنيين وأصيب خمسة آخرون، الثلاثاء، في قصف مدفعي استهدف مدينة إدلب شمال غربي سوريا، \
بحسب ما أفاد الدفاع المدني السوري.",
        ),
        doc(
            "t-hodeidah",
            "2024-01-18",
            "إذاعة الساحل",
            "غارات على الحديدة",
            "شنّت طائرات حربية أميركية غارات جوية على مواقع لجماعة الحوثي في مدينة الحديدة غربي اليمن، فجر الخميس، \
وفق ما ذكرت قناة المسيرة. ولم تُعرف على الفور حصيلة الخسائر.",
        ),
        doc(
            "t-hostile",
            "2024-01-20",
            "مدونة <b>مجهولة</b>",
            &format!("{HOSTILE_IMG} تظاهرة في بغداد"),
            &format!(
                "تظاهر المئات في ساحة التحرير وسط بغداد، السبت، احتجاجاً على انقطاع الكهرباء. {HOSTILE_SCRIPT} \
وكتب أحد المحتجين على لافتة: \u{202E}نريد الكهرباء\u{202C} {HOSTILE_IMG} وانتهت التظاهرة من دون حوادث."
            ),
        ),
    ]
}

/// A fresh in-memory store holding the corpus.
pub fn store() -> Store {
    let mut store = Store::open(":memory:").expect("open store");
    let p = Pipeline::new();
    let batch: Vec<_> = corpus()
        .into_iter()
        .map(|d| {
            let r = p.extract(&d);
            (d, r)
        })
        .collect();
    store.ingest(&batch).expect("ingest corpus");
    store
}

/// Server state over the corpus store, with ingest enabled for `token`.
pub fn state(token: Option<&str>) -> AppState {
    AppState::new(store()).with_token(token.map(String::from))
}

/// Start the app on 127.0.0.1 with an ephemeral port in a background thread.
pub fn spawn_server(state: AppState) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr"))
                .expect("send addr");
            axum::serve(listener, rasd_server::app(state))
                .await
                .expect("serve");
        });
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("server started")
}

/// A minimal HTTP/1.1 GET over loopback: (status, body).
pub fn http_get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).expect("read");
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(buf.len(), |i| i + 4);
    let head = String::from_utf8_lossy(&buf[..split]).to_ascii_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(&buf[split..])
    } else {
        buf[split..].to_vec()
    };
    (status, String::from_utf8(body).expect("utf-8 body"))
}

fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = s.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(std::str::from_utf8(&s[..eol]).unwrap_or("0").trim(), 16)
            .unwrap_or(0);
        let rest = &s[eol + 2..];
        if n == 0 || rest.len() < n {
            break;
        }
        out.extend_from_slice(&rest[..n]);
        s = rest.get(n + 2..).unwrap_or(&[]);
    }
    out
}

/// Skip a test that cannot run here (`SKIPPED …` on standard error; under CI, a failure).
#[path = "../../../store/tests/common/skip.rs"]
mod skip;
#[allow(unused_imports)] // not every test crate that includes this module skips
pub use skip::skip;
