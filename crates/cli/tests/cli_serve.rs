//! `rasd serve` as a user runs it: start the binary on 127.0.0.1 with port 0, read the address it
//! prints, and talk HTTP to it.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &std::path::Path, token: Option<&str>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasd"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env_remove("RASD_TOKEN")
        .env_remove("RASD_DB");
    if let Some(t) = token {
        cmd.args(["--token", t]);
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or("").to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("rasd serve printed its address");
    Server { child, addr }
}

fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (
        status,
        text.split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default(),
    )
}

const DOC: &str = r#"{"id":"cli-serve-1","published":"2024-03-05","source":"نشرة الاختبار","text":"شنّت طائرات حربية غارات جوية أمس على مواقع في مدينة الحديدة غربي اليمن، بحسب مصدر محلي."}"#;

#[test]
fn serve_answers_api_and_dashboard_and_ingests_with_token() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("serve.db"), Some("cli-secret"));
    let (s, body) = request(&server.addr, "GET", "/api/events", &[], "");
    assert_eq!(s, 200, "{body}");
    assert!(body.contains("\"items\""));
    let (s, body) = request(&server.addr, "GET", "/", &[], "");
    assert_eq!(s, 200);
    assert!(body.contains("/app.js"));

    let (s, _) = request(
        &server.addr,
        "POST",
        "/api/ingest",
        &[("Authorization", "Bearer nope")],
        DOC,
    );
    assert_eq!(s, 401);
    let (s, body) = request(
        &server.addr,
        "POST",
        "/api/ingest",
        &[("Authorization", "Bearer cli-secret")],
        DOC,
    );
    assert_eq!(s, 200, "{body}");
    let (s, body) = request(&server.addr, "GET", "/api/documents/cli-serve-1", &[], "");
    assert_eq!(s, 200, "{body}");
    assert!(body.contains("الحديدة"));
}

#[test]
fn serve_without_token_refuses_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("serve.db"), None);
    let (s, body) = request(
        &server.addr,
        "POST",
        "/api/ingest",
        &[("Authorization", "Bearer x")],
        DOC,
    );
    assert_eq!(s, 403, "{body}");
    assert!(body.contains("\"error\""));
}
