//! The dashboard in a real browser: Debian's Chromium, headless, loads pages from a server on
//! 127.0.0.1 (ephemeral port) over the test articles, and we read the DOM it ends up with.
//!
//! Chromium is found at `$CHROMIUM`, else `/usr/bin/chromium`, else `chromium` on the PATH. When
//! it is missing the tests are skipped with a message, unless `CI` is set, in which case they fail
//! (CI installs it in `.ci/setup.d/chromium.sh`). Screenshots go to `target/dashboard*.png`
//! (`scripts/screenshot.sh` copies them to `docs/`).
mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            PathBuf::from("/usr/bin/chromium"),
            PathBuf::from("/usr/bin/chromium-browser"),
        ]);
    for c in candidates {
        if c.is_file() {
            return Some(c);
        }
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

/// Chromium, or `None` (skip) when it is missing outside CI.
fn browser() -> Option<PathBuf> {
    match chromium() {
        Some(c) => Some(c),
        None => {
            common::skip(
                "browser test",
                "chromium not found (source .ci/setup.d/chromium.sh, `apt-get install chromium`, or set CHROMIUM)",
            );
            None
        }
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// Run headless Chromium with `extra` arguments on `url`; returns standard output.
fn run_chromium(bin: &PathBuf, extra: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=ar",
        "--virtual-time-budget=10000",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(extra)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

/// The DOM after the page's scripts ran; also saved as `target/browser-dom/NAME.html` for debugging.
fn dump_dom(bin: &PathBuf, url: &str, name: &str) -> String {
    let dom = run_chromium(bin, &["--dump-dom".to_string()], url);
    let dir = target_dir().join("browser-dom");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}.html")), &dom);
    assert!(
        dom.contains("</html>"),
        "no DOM from chromium for {url}: {dom:.300}"
    );
    dom
}

fn screenshot(bin: &PathBuf, url: &str, name: &str, size: &str) {
    let dir = target_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    let _ = std::fs::remove_file(&file);
    run_chromium(
        bin,
        &[
            format!("--screenshot={}", file.display()),
            format!("--window-size={size}"),
            "--hide-scrollbars".to_string(),
        ],
        url,
    );
    let len = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    assert!(
        len > 10_000,
        "screenshot {} missing or empty",
        file.display()
    );
}

fn api(addr: SocketAddr, path: &str) -> Value {
    let (status, body) = common::http_get(addr, path);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The `<title>` of a dumped DOM.
fn title(dom: &str) -> &str {
    dom.split("<title>")
        .nth(1)
        .and_then(|r| r.split("</title>").next())
        .unwrap_or("")
}

/// The inner text of every `<mark …>…</mark>` (tags inside removed).
fn marks(dom: &str) -> Vec<String> {
    dom.split("<mark")
        .skip(1)
        .filter_map(|r| r.split_once('>').map(|(_, rest)| rest))
        .filter_map(|r| r.split("</mark>").next())
        .map(strip_tags)
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Everything rendered inside `<main id="main">` (the data views, not the static shell).
fn main_part(dom: &str) -> &str {
    dom.split("<main id=\"main\"")
        .nth(1)
        .and_then(|r| r.split("</main>").next())
        .unwrap_or("")
}

fn assert_inert(dom: &str, page: &str) {
    assert!(
        !title(dom).contains("PWNED"),
        "{page}: the title was changed by injected script"
    );
    let main = main_part(dom);
    assert!(
        !main.contains("<script"),
        "{page}: a script element was injected"
    );
    assert!(
        !main.contains("<img"),
        "{page}: an img element was injected"
    );
    assert!(!main.contains("<b>"), "{page}: markup from data was parsed");
    assert!(
        !dom.contains('\u{202E}'),
        "{page}: a raw RIGHT-TO-LEFT OVERRIDE reached the DOM"
    );
}

#[test]
fn dashboard_in_headless_chromium() {
    let Some(bin) = browser() else { return };
    let addr = common::spawn_server(common::state(None));
    let base = format!("http://{addr}");

    // Overview: a map marker for every event with coordinates, a timeline, the event list.
    let events = api(addr, "/api/events?limit=1000");
    let located: Vec<&str> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["location"]["lat"].is_number() && e["location"]["lon"].is_number())
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(located.len() >= 4, "{events}");
    let dom = dump_dom(&bin, &format!("{base}/#/"), "overview");
    assert!(
        dom.contains("data-rendered=\"overview\""),
        "overview did not finish rendering"
    );
    // The map library and borders are vendored: every build has them.
    assert_eq!(rasd_server::missing_assets(), &[] as &[&str]);
    assert!(dom.contains("leaflet-container"), "Leaflet did not start");
    for id in &located {
        let attr = format!("data-event-id=\"{id}\"");
        let marker = dom
            .split("<path")
            .skip(1)
            .any(|p| p.contains("ev-marker") && p.split('>').next().unwrap_or("").contains(&attr));
        assert!(marker, "no map marker for event {id}");
    }
    assert!(dom.contains("leaflet-interactive") || dom.contains("ev-marker"));
    // Country and governorate borders drawn in their pane.
    let borders = dom
        .split("leaflet-boundaries-pane")
        .nth(1)
        .map_or(0, |r| r.matches("<path").count());
    assert!(
        borders > 10,
        "country borders are not drawn ({borders} paths)"
    );
    // Capitals labelled.
    assert!(
        dom.contains("place-label capital") && dom.contains(">بغداد<"),
        "no label for Baghdad"
    );
    // Download links of the current selection, through the API.
    for f in ["acled-csv", "geojson", "parquet"] {
        assert!(
            dom.contains(&format!("href=\"/api/export?format={f}\"")),
            "no download link for {f}"
        );
    }
    let filtered = dump_dom(
        &bin,
        &format!("{base}/#/?type=protest"),
        "overview-filtered",
    );
    assert!(
        filtered.contains("href=\"/api/export?type=protest&amp;format=acled-csv\""),
        "the download follows the filters"
    );
    assert!(
        dom.contains("class=\"tl-svg\"") && dom.contains("<rect"),
        "timeline bars missing"
    );
    assert!(
        dom.contains("2024-01-14"),
        "timeline or list should show the first day"
    );
    for id in &located {
        assert!(
            dom.contains(&format!("data-event-id=\"{id}\"")),
            "event {id} not listed"
        );
    }
    assert_inert(&dom, "overview");

    // Event page: evidence highlighted in each report, claims with their stance.
    let ain = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["location"]["name"]
                .as_str()
                .is_some_and(|n| n.contains("عين الأسد"))
        })
        .expect("Ain al-Asad event");
    let ain_id = ain["id"].as_str().unwrap();
    let dom = dump_dom(&bin, &format!("{base}/#/event/{ain_id}"), "event");
    assert!(dom.contains("data-rendered=\"event\""));
    let m = marks(&dom);
    assert!(
        m.iter().any(|t| t.contains("عين الأسد")),
        "no <mark> with عين الأسد in {m:?}"
    );
    assert!(
        dom.contains("dir=\"rtl\" lang=\"ar\""),
        "article text must be right-to-left Arabic"
    );
    assert!(dom.contains("مصدر أمني عراقي"), "claim source missing");
    // A small map of the event's place.
    let mini = dom.split("id=\"event-map\"").nth(1).unwrap_or("");
    assert!(
        mini.contains("leaflet-container") || dom.contains("leaflet-container"),
        "no map on the event page"
    );
    assert!(mini.contains("ev-marker"), "no marker on the event map");
    assert!(dom.contains("class=\"stance\""), "claim stance missing");
    let detail = api(addr, &format!("/api/events/{ain_id}"));
    assert_eq!(
        dom.matches("class=\"card report\"").count(),
        detail["reports"].as_array().unwrap().len(),
        "one article card per report"
    );

    // The hostile article: its event page and its document page.
    let hostile = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "protest")
        .expect("the Baghdad protest");
    let dom = dump_dom(
        &bin,
        &format!("{base}/#/event/{}", hostile["id"].as_str().unwrap()),
        "hostile-event",
    );
    assert_inert(&dom, "hostile event");
    let dom = dump_dom(
        &bin,
        &format!("{base}/#/document/t-hostile"),
        "hostile-document",
    );
    assert!(dom.contains("data-rendered=\"document\""));
    assert_inert(&dom, "hostile document");
    assert!(
        dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"),
        "the <script> text should be visible as text"
    );
    assert!(
        dom.contains("&lt;img src=x onerror="),
        "the <img> text should be visible as text"
    );
    assert!(
        dom.contains(">U+202E<"),
        "the bidi override should be shown as a visible badge"
    );
    assert!(
        dom.contains("مدونة &lt;b&gt;مجهولة&lt;/b&gt;"),
        "the outlet's markup should be text"
    );

    // Entity page.
    let ents = api(addr, "/api/entities?limit=1000");
    let iri = ents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["name"]
                .as_str()
                .is_some_and(|n| n.contains("المقاومة الإسلامية"))
        })
        .expect("entity");
    let dom = dump_dom(
        &bin,
        &format!("{base}/#/entity/{}", iri["id"].as_str().unwrap()),
        "entity",
    );
    assert!(dom.contains("data-rendered=\"entity\""));
    assert!(main_part(&dom).contains("المقاومة الإسلامية في العراق"));
    assert!(dom.contains("class=\"card entity-head\""));

    // Document list, in English.
    let dom = dump_dom(&bin, &format!("{base}/?lang=en#/documents"), "documents");
    assert!(dom.contains("data-rendered=\"documents\""));
    assert!(dom.contains("dir=\"ltr\"") && dom.contains("lang=\"en\""));
    assert_eq!(
        dom.matches("data-doc-id=").count(),
        5,
        "five articles listed"
    );
    assert_inert(&dom, "documents");

    // Screenshots for the README.
    screenshot(&bin, &format!("{base}/#/"), "dashboard.png", "1280,900");
    screenshot(
        &bin,
        &format!("{base}/#/event/{ain_id}"),
        "dashboard-event.png",
        "1280,1350",
    );
    screenshot(
        &bin,
        &format!("{base}/#/document/t-hostile"),
        "dashboard-hostile.png",
        "1280,700",
    );
}
