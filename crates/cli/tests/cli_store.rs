//! `rasd ingest`, `rasd query`, `rasd export` and `rasd event` as a user runs them: the built
//! binary over files in a temporary directory. These tests check the mechanics (exit codes,
//! idempotence, formats, whole documents after a kill), not what extraction finds.
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rasd_store::Store;
use serde_json::Value;

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

fn run(args: &[&str]) -> Output {
    rasd()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run rasd")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Three articles (written for these tests) on two attacks, one told by two outlets.
const ARTICLES: &str = concat!(
    r#"{"id": "t-1", "source": "وكالة الرافدين", "published": "2024-02-10", "text": "قال مصدر أمني عراقي إن طائرة مسيرة استهدفت قاعدة حرير الجوية في أربيل فجر السبت من دون أن تسفر عن إصابات."}"#,
    "\n",
    r#"{"id": "t-2", "source": "قناة الشرق", "published": "2024-02-10", "text": "نفى مسؤول في وزارة البيشمركة وقوع أي هجوم بطائرة مسيرة على قاعدة حرير الجوية السبت."}"#,
    "\n",
    r#"{"id": "t-3", "source": "صحيفة المدى", "published": "2024-03-05", "text": "سقطت ثلاثة صواريخ على مدينة دير الزور الثلاثاء، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين."}"#,
    "\n",
);

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write input");
    p
}

#[test]
fn ingest_twice_then_query_export_and_show_an_event() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "news.jsonl", ARTICLES);
    let db = dir.path().join("rasd.db");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());

    let o = run(&["ingest", input, "--db", db, "-j", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 documents stored"), "{}", stderr(&o));
    let counts = Store::open(db).unwrap().counts().unwrap();
    assert_eq!(counts.documents, 3);

    // Again, and once more in batches of one: nothing changes.
    let o = run(&["ingest", input, "--db", db]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("0 documents stored, 3 already in the store"),
        "{}",
        stderr(&o)
    );
    let o = run(&["ingest", input, "--db", db, "--batch", "1"]);
    assert!(o.status.success());
    let store = Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap(), counts);
    assert!(store.verify().unwrap().is_empty());

    // Query: JSON, CSV and table.
    let o = run(&["query", "--db", db, "--format", "json", "--limit", "100"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page: Value = serde_json::from_str(&stdout(&o)).expect("query --format json is JSON");
    let items = page["items"].as_array().unwrap();
    assert_eq!(
        page["total"].as_u64().unwrap() as usize,
        counts.canonical_events
    );
    assert_eq!(items.len(), counts.canonical_events);
    let o = run(&["query", "--db", db, "--format", "csv"]);
    let csv = stdout(&o);
    assert!(csv.starts_with("id,date,"), "{csv}");
    assert_eq!(csv.lines().count(), counts.canonical_events + 1);
    let o = run(&["query", "--db", db, "--country", "ZZ"]);
    assert!(stdout(&o).contains("no events match"));
    let o = run(&["query", "--db", db, "--type", "nonsense"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown event type"), "{}", stderr(&o));

    // Every export format.
    for (f, name) in [
        ("acled-csv", "e.csv"),
        ("plover-jsonl", "e.plover.jsonl"),
        ("geojson", "e.geojson"),
        ("jsonl", "e.jsonl"),
        ("parquet", "e.parquet"),
    ] {
        let out = dir.path().join(name);
        let o = run(&[
            "export",
            "--format",
            f,
            "-o",
            out.to_str().unwrap(),
            "--db",
            db,
        ]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 0, "{f}");
    }
    let geo: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("e.geojson")).unwrap()).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let o = run(&["export", "--format", "jsonl", "--db", db]);
    assert_eq!(stdout(&o).lines().count(), counts.canonical_events);
    let o = run(&["export", "--format", "parquet", "--db", db]);
    assert_eq!(o.status.code(), Some(1), "parquet needs -o");
    let o = run(&["export", "--format", "xlsx", "--db", db]);
    assert_eq!(o.status.code(), Some(1), "clap rejects an unknown format");

    // One event, as text and as JSON.
    if let Some(id) = items.first().and_then(|e| e["id"].as_str()) {
        let o = run(&["event", id, "--db", db]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = stdout(&o);
        assert!(
            text.starts_with(id) && text.contains("reports (") && text.contains("why"),
            "{text}"
        );
        let o = run(&["event", id, "--db", db, "--json"]);
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["id"], id);
        assert!(v["reports"].is_array() && v["fusion"]["reasons"].is_array());
        // `rasd explain EVENT-ID` says the same as `rasd event EVENT-ID`.
        let o = run(&["explain", id, "--db", db]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), text);
    }
    let o = run(&["event", "ev-999999", "--db", db]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn bad_lines_are_reported_with_their_place_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{ARTICLES}not json\n{{\"id\": \"t-9\"}}\n");
    let input = write(dir.path(), "mixed.jsonl", &text);
    let db = dir.path().join("rasd.db");
    let o = run(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("mixed.jsonl:4:"), "{err}");
    assert!(err.contains("mixed.jsonl:5:"), "{err}");
    assert_eq!(
        Store::open(db.to_str().unwrap())
            .unwrap()
            .counts()
            .unwrap()
            .documents,
        3
    );
    let o = run(&[
        "ingest",
        "/nonexistent/file.jsonl",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_document_over_the_time_budget_is_reported_and_the_others_stored() {
    let dir = tempfile::tempdir().unwrap();
    // Two texts without an event word, and one with many between them: with a budget spent
    // before the first event word is weighed, the middle one is skipped.
    let lines = [
        ("q-1", "ارتفعت درجات الحرارة في العاصمة مع هبوب رياح خفيفة."),
        (
            "t-long",
            &"شنت طائرات حربية غارات على مواقع في مدينة حلب أمس. ".repeat(100),
        ),
        (
            "q-2",
            "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح الأحد.",
        ),
    ]
    .iter()
    .map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "text": text})))
    .collect::<String>();
    let input = write(dir.path(), "budget.jsonl", &lines);
    let db = dir.path().join("rasd.db");
    let o = run(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--time-budget",
        "0.000000001",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "budget.jsonl:2: document \"t-long\": extraction took longer than the time budget"
        ),
        "{err}"
    );
    assert_eq!(documents(db.to_str().unwrap()), 2);
}

/// A large input: `n` generated articles of six attack sentences each.
fn generated(n: usize) -> String {
    const PLACES: [&str; 8] = [
        "قاعدة حرير",
        "قاعدة عين الأسد",
        "مدينة دير الزور",
        "حقل العمر",
        "الشدادي",
        "مطار أربيل",
        "قاعدة التنف",
        "البوكمال",
    ];
    const DAYS: [&str; 7] = [
        "السبت",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
    ];
    const OUTLETS: [&str; 3] = ["وكالة أولى", "وكالة ثانية", "قناة ثالثة"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    let mut out = String::new();
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str(&format!(
                "قال مصدر أمني إن طائرة مسيرة استهدفت {} يوم {}، وأسفر الهجوم عن مقتل {} أشخاص وإصابة {} آخرين. ",
                PLACES[next(PLACES.len())],
                DAYS[next(DAYS.len())],
                1 + next(9),
                next(20)
            ));
        }
        let doc = serde_json::json!({
            "id": format!("gen-{i:05}"),
            "source": OUTLETS[next(OUTLETS.len())],
            "published": format!("2024-0{}-1{}", 1 + next(9), next(10)),
            "text": text,
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

/// Watch the database and SIGKILL `pid` the moment it holds the write lock (inside a batch's
/// transaction), once at least `min_docs` documents are stored. Needs python3 (its sqlite3
/// module); `None` when it is missing.
fn kill_inside_a_transaction(db: &str, pid: u32, min_docs: usize) -> Option<String> {
    let script = r#"
import os, signal, sqlite3, sys, time
db, pid, need = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
deadline = time.time() + 240
while time.time() < deadline:
    try:
        con = sqlite3.connect(db, timeout=0, isolation_level=None)
        n = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        time.sleep(0.01)
        continue
    if n < need:
        con.close()
        time.sleep(0.01)
        continue
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        con.close()
        time.sleep(0.001)
    except sqlite3.OperationalError:
        os.kill(pid, signal.SIGKILL)
        print("killed inside a transaction after", n, "documents")
        sys.exit(0)
print("timeout")
"#;
    match Command::new("python3")
        .args(["-c", script, db, &pid.to_string(), &min_docs.to_string()])
        .output()
    {
        Ok(o) => Some(stdout(&o).trim().to_string()),
        Err(e) if std::env::var_os("CI").is_some() => panic!("python3 is required under CI: {e}"),
        Err(_) => None,
    }
}

fn documents(db: &str) -> usize {
    Store::open(db)
        .ok()
        .and_then(|s| s.documents(1, 0).ok())
        .map_or(0, |p| p.total)
}

#[test]
fn a_killed_ingest_leaves_whole_documents_only() {
    const N: usize = 1500;
    const BATCH: usize = 50;
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "big.jsonl", &generated(N));
    let db = dir.path().join("rasd.db");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());
    let batch = BATCH.to_string();
    let mut stored = 0;
    for round in 0..3 {
        let mut child = rasd()
            .args(["ingest", input, "--db", db, "--batch", &batch, "-j", "2"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start rasd ingest");
        let want = stored + 2 * BATCH;
        let how = match kill_inside_a_transaction(db, child.id(), want) {
            Some(s) => s,
            None => {
                // Without python3: kill at some moment after two more batches.
                let t = Instant::now();
                while documents(db) < want && t.elapsed() < Duration::from_secs(240) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                std::thread::sleep(Duration::from_millis(37 * (round + 1)));
                let _ = child.kill();
                "killed at some moment".to_string()
            }
        };
        let status = child.wait().expect("wait for rasd");
        eprintln!("round {round}: {how}; {status}");
        if status.success() {
            break;
        }
        // The database opens, and holds whole batches of whole documents.
        let store = Store::open(db).expect("the database opens after a kill");
        let problems = store.verify().unwrap();
        assert!(
            problems.is_empty(),
            "partial documents after a kill: {problems:?}"
        );
        let n = store.counts().unwrap().documents;
        assert_eq!(
            n % BATCH,
            0,
            "only whole batches are committed ({n} documents)"
        );
        assert!(n >= stored, "nothing committed is lost");
        stored = n;
    }
    // Resume to the end: every document once, nothing partial.
    let o = run(&["ingest", input, "--db", db, "--batch", &batch]);
    assert!(o.status.success(), "{}", stderr(&o));
    let store = Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap().documents, N);
    assert!(store.verify().unwrap().is_empty());
}

/// A hostile outlet: a spreadsheet formula as its name, terminal escapes in the title.
const HOSTILE: &str = concat!(
    r#"{"id": "h-1", "source": "=HYPERLINK(\"http://evil.example\",\"click\")", "title": "عنوان\u001b]0;pwned\u0007\u001b[31mأحمر\u009b2J", "published": "2024-02-10", "text": "قال مصدر أمني عراقي إن طائرة مسيرة استهدفت قاعدة حرير الجوية في أربيل فجر السبت من دون أن تسفر عن إصابات."}"#,
    "\n",
);

#[test]
fn formulas_are_neutralised_in_csv_and_escapes_stripped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "hostile.jsonl", HOSTILE);
    let db = dir.path().join("rasd.db");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());
    let o = run(&["ingest", input, "--db", db]);
    assert!(o.status.success(), "{}", stderr(&o));

    for args in [
        &["query", "--db", db, "--format", "csv"][..],
        &["export", "--db", db, "--format", "acled-csv"][..],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let csv = stdout(&o);
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
            "{args:?}: {csv}"
        );
        assert!(!csv.contains(",=HYPERLINK"), "{args:?}: {csv}");
    }

    let o = run(&["query", "--db", db]);
    let table = stdout(&o);
    assert!(table.contains("HYPERLINK"), "{table}");
    let o = run(&["query", "--db", db, "--format", "json"]);
    let id = serde_json::from_str::<Value>(&stdout(&o)).unwrap()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let o = run(&["event", &id, "--db", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("عنوان]0;pwned[31mأحمر2J"), "{text}");
    for out in [&table, &text] {
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the terminal: {out:?}"
        );
    }
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_document_whose_id_is_taken_is_reported_then_replaced_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rasd.db");
    let db = db.to_str().unwrap();
    let (txt, html) = (example("sample.txt"), example("sample.html"));
    // Both files have the id `sample` (their stem): the second is refused, loudly.
    let o = run(&["ingest", &txt, &html, "--db", db]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "sample.html: the id \"sample\" is already taken in the store by a different text"
        ),
        "{err}"
    );
    // In another run too (the reader's own check).
    let o = run(&["ingest", &html, "--db", db]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("already taken"), "{}", stderr(&o));
    let store = Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 1);
    let first = store.document("sample").unwrap().unwrap().text;
    drop(store);

    // --replace: the stored document is replaced, whole.
    let o = run(&["ingest", "--replace", &html, "--db", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 replacing stored ones"),
        "{}",
        stderr(&o)
    );
    let store = Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 1);
    let now = store.document("sample").unwrap().unwrap();
    assert_ne!(now.text, first);
    assert!(store.verify().unwrap().is_empty(), "{:?}", store.verify());
}

#[test]
fn numeric_ids_beyond_64_bits_are_two_documents() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "ids.jsonl",
        concat!(
            "{\"id\": 12345678901234567890123, \"text\": \"قصفت طائرة مسيرة قاعدة حرير الجوية.\"}\n",
            "{\"id\": 12345678901234567890124, \"text\": \"سقطت ثلاثة صواريخ على مدينة دير الزور.\"}\n",
        ),
    );
    let db = dir.path().join("rasd.db");
    let db = db.to_str().unwrap();
    let o = run(&["ingest", input.to_str().unwrap(), "--db", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let store = Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 2);
    assert!(store.document("12345678901234567890123").unwrap().is_some());
    assert!(store.document("12345678901234567890124").unwrap().is_some());
}

#[test]
fn reextract_uses_a_publication_date_given_later() {
    let dir = tempfile::tempdir().unwrap();
    // No `published`: «السبت» cannot be dated.
    let text = ARTICLES.replace("\"published\": \"2024-02-10\", ", "");
    let input = write(dir.path(), "news.jsonl", &text);
    let db = dir.path().join("rasd.db");
    let db = db.to_str().unwrap();
    let o = run(&["ingest", input.to_str().unwrap(), "--db", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = Store::open(db).unwrap().counts().unwrap();
    let dated = |db: &str| {
        let o = run(&[
            "query",
            "--db",
            db,
            "--format",
            "json",
            "--from",
            "2024-02-01",
            "--to",
            "2024-02-29",
        ]);
        serde_json::from_str::<Value>(&stdout(&o)).unwrap()["total"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(dated(db), 0);
    let o = run(&["reextract", "--db", db, "--published", "2024-02-10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 replacing stored ones"),
        "{}",
        stderr(&o)
    );
    let store = Store::open(db).unwrap();
    let after = store.counts().unwrap();
    assert_eq!(after.documents, before.documents);
    assert!(store.verify().unwrap().is_empty(), "{:?}", store.verify());
    assert!(dated(db) > 0, "the events of 2024-02 are dated now");
    assert_eq!(
        store.document("t-1").unwrap().unwrap().published.as_deref(),
        Some("2024-02-10")
    );
}

#[test]
fn export_to_a_device_and_to_a_closed_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "news.jsonl", ARTICLES);
    let db = dir.path().join("rasd.db");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());
    assert!(run(&["ingest", input, "--db", db]).status.success());
    // A device has nothing to sync: writing to /dev/null is a success.
    let o = run(&["export", "--db", db, "--format", "jsonl", "-o", "/dev/null"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("written as jsonl to /dev/null"),
        "{}",
        stderr(&o)
    );
    // A closed standard output is an error, not a silent success.
    for cmd in [
        r#"exec "$0" export --format jsonl --db "$1" >&-"#,
        r#"exec "$0" query --format json --db "$1" >&-"#,
        r#"exec "$0" extract "$2" >&-"#,
    ] {
        let o = Command::new("sh")
            .args(["-c", cmd, env!("CARGO_BIN_EXE_rasd"), db, input])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("standard output is closed"),
            "{cmd}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_damaged_database_is_reported_by_query_and_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "news.jsonl", ARTICLES);
    let db = dir.path().join("rasd.db");
    let (input, dbs) = (input.to_str().unwrap(), db.to_str().unwrap());
    assert!(run(&["ingest", input, "--db", dbs]).status.success());
    assert!(run(&["query", "--db", dbs]).status.success());
    // A page in the middle overwritten (the header is whole: the file still opens).
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4 * 4096, "{} bytes", bytes.len());
    let half = bytes.len() / 2;
    for b in &mut bytes[half..half + 4096] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    for args in [
        vec!["query", "--db", dbs],
        vec!["export", "--db", dbs, "--format", "jsonl"],
        vec!["ingest", input, "--db", dbs],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("damaged") || err.contains("malformed"),
            "{args:?}: {err}"
        );
    }
    // Unchecked, a query may read what its pages still hold.
    let o = run(&["query", "--db", dbs, "--no-check", "--format", "json"]);
    assert!(!stderr(&o).contains("damaged"), "{}", stderr(&o));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // `rasd export | head`, `rasd extract | head`: more output than a pipe holds, a reader
    // that leaves after a few bytes; rasd stops quietly with 0.
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "many.jsonl", &generated(150));
    let db = dir.path().join("rasd.db");
    let (input, db) = (input.to_str().unwrap(), db.to_str().unwrap());
    assert!(run(&["ingest", input, "--db", db]).status.success());
    for cmd in [
        r#"("$0" export --format jsonl --db "$1"; echo "rasd exit $?" >&2) | head -c 10 >/dev/null"#,
        r#"("$0" extract "$2"; echo "rasd exit $?" >&2) | head -c 10 >/dev/null"#,
    ] {
        let o = Command::new("sh")
            .args(["-c", cmd, env!("CARGO_BIN_EXE_rasd"), db, input])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = stderr(&o);
        assert!(err.contains("rasd exit 0"), "{cmd}: {err}");
        assert!(!err.contains("error"), "{cmd}: {err}");
    }
}
