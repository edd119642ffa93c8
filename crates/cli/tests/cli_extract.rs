//! `rasd extract`, `rasd explain` and `rasd gazetteer` as a user runs them: the built binary,
//! files in a temporary directory, records on standard output, problems on standard error.
//!
//! These tests check the reading, the streaming and the contract keys, never what extraction
//! finds (that is `rasd-extract`'s own tests' business).
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const KEYS: [&str; 6] = [
    "doc",
    "events",
    "tolls",
    "relations",
    "entities",
    "warnings",
];

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

/// Run `rasd args…` with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = rasd()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rasd");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for rasd");
    feeder.join().expect("feeder");
    out
}

fn extract(args: &[&str]) -> Output {
    let mut a = vec!["extract"];
    a.extend_from_slice(args);
    run(&a, b"")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The records of JSON Lines output, each checked for the contract keys.
fn records(o: &Output) -> Vec<Value> {
    let text = String::from_utf8(o.stdout.clone()).expect("UTF-8 output");
    text.lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
            for k in KEYS {
                assert!(v.get(k).is_some(), "record without {k}: {l}");
            }
            assert_eq!(v["doc"]["lang"], "ar");
            v
        })
        .collect()
}

fn ids(o: &Output) -> Vec<String> {
    records(o)
        .iter()
        .map(|r| r["doc"]["id"].as_str().expect("doc.id").to_string())
        .collect()
}

fn line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "published": "2024-03-02"}).to_string()
}

const T1: &str = "قصفت طائرة مسيرة موقعا عسكريا قرب الحدود فجر اليوم السبت.";
const T2: &str = "أعلنت وزارة الصحة مقتل ثلاثة أشخاص وإصابة سبعة آخرين في انفجار عبوة ناسفة.";
const T3: &str = "اعتقلت الشرطة خمسة أشخاص خلال احتجاجات في وسط المدينة.";

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p: PathBuf = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write input");
        p.to_str().expect("UTF-8 path").to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Three lines: a good one, `bad` (as bytes), a good one.
fn around(bad: &[u8]) -> Vec<u8> {
    let mut v = format!("{}\n", line("a", T1)).into_bytes();
    v.extend_from_slice(bad);
    v.push(b'\n');
    v.extend_from_slice(format!("{}\n", line("c", T3)).as_bytes());
    v
}

/// The bad middle line is reported with file and line 2, the others come out, exit status 2.
fn assert_line_2_skipped(bad: &[u8], message: &str) {
    let d = Dir::new();
    let f = d.file("in.jsonl", &around(bad));
    let o = extract(&[&f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("rasd: {f}:2: {message}")),
        "stderr: {err}"
    );
    assert_eq!(ids(&o), ["a", "c"]);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
}

#[test]
fn happy_path_exits_0() {
    let d = Dir::new();
    let f = d.file(
        "news.jsonl",
        format!("{}\n{}\n{}\n", line("a", T1), line("b", T2), line("c", T3)).as_bytes(),
    );
    let o = extract(&[&f]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(ids(&o), ["a", "b", "c"]);
    assert_eq!(records(&o)[0]["doc"]["published"], "2024-03-02");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn not_json_line_is_skipped() {
    assert_line_2_skipped("{\"id\": \"b\", \"text\": ".as_bytes(), "not JSON");
}

#[test]
fn record_without_text_is_skipped() {
    assert_line_2_skipped(
        br#"{"id": "b", "body": "no text field"}"#,
        "no \"text\" field",
    );
}

#[test]
fn non_string_text_is_skipped() {
    assert_line_2_skipped(
        br#"{"id": "b", "text": 42}"#,
        "\"text\" is a number, not a string",
    );
}

#[test]
fn empty_line_is_skipped() {
    assert_line_2_skipped(b"   ", "empty line");
}

#[test]
fn over_size_document_is_skipped() {
    let d = Dir::new();
    let big = line("b", &T2.repeat(50));
    let f = d.file("in.jsonl", &around(big.as_bytes()));
    let o = extract(&["--max-bytes", "1000", &f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "rasd: {f}:2: document of {} bytes is over the limit of 1000 bytes",
            big.len()
        )),
        "{err}"
    );
    assert_eq!(ids(&o), ["a", "c"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn document_over_the_time_budget_is_skipped() {
    // Two texts without an event word and, between them, one with many: with a budget spent
    // before the first event word is weighed, the middle one is reported and skipped.
    let quiet1 = "ارتفعت درجات الحرارة في العاصمة مع هبوب رياح خفيفة.";
    let quiet2 = "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح الأحد.";
    let d = Dir::new();
    let f = d.file(
        "in.jsonl",
        format!(
            "{}\n{}\n{}\n",
            line("a", quiet1),
            line("b", &format!("{T2} ").repeat(200)),
            line("c", quiet2)
        )
        .as_bytes(),
    );
    let o = extract(&["--time-budget", "0.000000001", &f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "rasd: {f}:2: document \"b\": extraction took longer than the time budget of 0.000000001 s; skipped"
        )),
        "{err}"
    );
    assert_eq!(ids(&o), ["a", "c"]);
    assert_eq!(o.status.code(), Some(2));
    // 0 is no limit.
    let o = extract(&["--time-budget", "0", &f]);
    assert_eq!(ids(&o), ["a", "b", "c"], "{}", stderr(&o));
    let o = extract(&["--time-budget", "soon", &f]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("not a number of seconds"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn windows_1256_line_is_decoded_with_a_warning() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(T2);
    let mut bad = br#"{"id": "b", "text": ""#.to_vec();
    bad.extend_from_slice(&bytes);
    bad.extend_from_slice(br#""}"#);
    let d = Dir::new();
    let f = d.file("in.jsonl", &around(&bad));
    let o = extract(&[&f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "rasd: {f}:2: warning: not UTF-8: decoded as windows-1256"
        )),
        "{err}"
    );
    let recs = records(&o);
    assert_eq!(ids(&o), ["a", "b", "c"]);
    let warnings = recs[1]["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains("windows-1256"))),
        "{warnings:?}"
    );
    // Nothing was skipped.
    assert_eq!(o.status.code(), Some(0), "{err}");
}

#[test]
fn invalid_utf8_bytes_are_replaced_with_a_warning() {
    let mut bad = format!("{{\"id\": \"b\", \"text\": \"{T2}").into_bytes();
    bad.extend_from_slice(b"\xff\xfe\"}");
    let d = Dir::new();
    let f = d.file("in.jsonl", &around(&bad));
    let o = extract(&[&f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("rasd: {f}:2: warning: invalid UTF-8")),
        "{err}"
    );
    assert_eq!(ids(&o), ["a", "b", "c"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn empty_file_is_reported() {
    let d = Dir::new();
    let empty = d.file("empty.jsonl", b"");
    let good = d.file("good.jsonl", format!("{}\n", line("a", T1)).as_bytes());
    let o = extract(&[&empty, &good]);
    let err = stderr(&o);
    assert!(err.contains(&format!("rasd: {empty}: empty file")), "{err}");
    assert_eq!(ids(&o), ["a"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn missing_file_is_reported_and_the_others_go_through() {
    let d = Dir::new();
    let missing = d.path("missing.jsonl");
    let missing = missing.to_str().expect("path");
    let good = d.file(
        "good.jsonl",
        format!("{}\n{}\n", line("a", T1), line("b", T2)).as_bytes(),
    );
    let o = extract(&[missing, &good]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("rasd: {missing}: cannot open")),
        "{err}"
    );
    assert_eq!(ids(&o), ["a", "b"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bad_published_date_is_a_warning() {
    let d = Dir::new();
    let f = d.file(
        "in.jsonl",
        r#"{"id":"a","text":"قصفت طائرة مسيرة موقعا عسكريا","published":"السبت"}"#.as_bytes(),
    );
    let o = extract(&[&f]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "rasd: {f}:1: warning: \"published\" \"السبت\" is not a YYYY-MM-DD date"
        )),
        "{err}"
    );
    let r = &records(&o)[0];
    assert_eq!(r["doc"]["published"], Value::Null);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn stdin_dash() {
    let input = format!("{}\n{}\n", line("a", T1), line("b", T2));
    let o = run(&["extract", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&o), ["a", "b"]);
    // No file at all reads standard input too.
    let o = run(&["extract"], input.as_bytes());
    assert_eq!(ids(&o), ["a", "b"]);
    // And errors there are named <stdin>.
    let o = run(
        &["extract", "-"],
        format!("{}\nnope\n", line("a", T1)).as_bytes(),
    );
    assert!(
        stderr(&o).contains("rasd: <stdin>:2: not JSON"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn order_is_preserved_with_four_workers() {
    let texts = [T1, T2, T3];
    let mut input = String::new();
    for i in 0..200 {
        // Lengths vary so that workers finish out of order.
        let text = texts[i % 3].repeat(1 + (i * 7) % 13);
        input += &line(&format!("doc-{i:03}"), &text);
        input.push('\n');
    }
    let d = Dir::new();
    let f = d.file("many.jsonl", input.as_bytes());
    let o = extract(&["-j", "4", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected: Vec<String> = (0..200).map(|i| format!("doc-{i:03}")).collect();
    assert_eq!(ids(&o), expected);
}

#[test]
fn output_file_and_pretty() {
    let d = Dir::new();
    let f = d.file(
        "in.jsonl",
        format!("{}\n{}\n", line("a", T1), line("b", T2)).as_bytes(),
    );
    let out = d.path("out.jsonl");
    let o = extract(&["--pretty", "-o", out.to_str().expect("path"), &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&out).expect("output file");
    assert!(text.starts_with("{\n  \"doc\": {\n"), "{text}");
    let recs: Vec<Value> = serde_json::Deserializer::from_str(&text)
        .into_iter::<Value>()
        .map(|v| v.expect("JSON record"))
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["doc"]["id"], "b");
    for k in KEYS {
        assert!(recs[0].get(k).is_some(), "{k}");
    }
}

#[test]
fn unwritable_output_is_fatal() {
    let d = Dir::new();
    let f = d.file("in.jsonl", format!("{}\n", line("a", T1)).as_bytes());
    let out = d.path("no/such/dir/out.jsonl");
    let o = extract(&["-o", out.to_str().expect("path"), &f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot create"), "{}", stderr(&o));
}

#[test]
fn text_file_with_published() {
    let d = Dir::new();
    let f = d.file("2024-03-02-raid.txt", format!("{T1}\n\n{T3}\n").as_bytes());
    let o = extract(&["--published", "2024-03-02", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = &records(&o)[0];
    assert_eq!(r["doc"]["id"], "2024-03-02-raid");
    assert_eq!(r["doc"]["published"], "2024-03-02");
}

#[test]
fn bad_published_option_is_a_usage_error() {
    let o = extract(&["--published", "2024-13-01", "x.txt"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a usage error is fatal, not a skipped input"
    );
    assert!(stderr(&o).contains("--published"), "{}", stderr(&o));
}

const PAGE: &str = r#"<!doctype html>
<html lang="ar"><head><meta charset="utf-8">
<title>انفجار في سوق شعبي | الموقع</title>
<meta property="article:published_time" content="2024-06-01T10:00:00Z">
<script>var menu = "سطر من السكربت";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">القائمة الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article>
<p>انفجرت عبوة ناسفة في سوق شعبي وسط المدينة ظهر السبت.</p>
<p>وقالت الشرطة إن شخصين أصيبا بجروح طفيفة.</p>
</article>
<footer>حقوق النشر محفوظة للموقع</footer>
</body></html>"#;

#[test]
fn html_page_without_its_chrome() {
    let d = Dir::new();
    let f = d.file("market-blast.html", PAGE.as_bytes());
    let o = extract(&["--trace", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = &records(&o)[0];
    assert_eq!(r["doc"]["id"], "market-blast");
    assert_eq!(r["doc"]["published"], "2024-06-01");
    assert_eq!(r["doc"]["title"], "انفجار في سوق شعبي | الموقع");
    // The chrome is not in the text the record points into: explain shows the text length.
    let e = run(&["explain", &f], b"");
    let out = String::from_utf8_lossy(&e.stdout);
    let text = "انفجرت عبوة ناسفة في سوق شعبي وسط المدينة ظهر السبت.\nوقالت الشرطة إن شخصين أصيبا بجروح طفيفة.";
    assert!(
        out.contains(&format!("{} characters", text.chars().count())),
        "{out}"
    );
    for chrome in ["القائمة", "السكربت", "حقوق", "color"] {
        assert!(!out.contains(chrome), "{chrome} in {out}");
    }
}

#[test]
fn explain_by_id() {
    let d = Dir::new();
    let f = d.file(
        "news.jsonl",
        format!("{}\n{}\n", line("a", T1), line("b", T2)).as_bytes(),
    );
    let o = run(&["explain", &f, "--id", "b"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("document b\n"), "{out}");
    assert!(out.contains("published  2024-03-02"), "{out}");
    let o = run(&["explain", &f, "--id", "zzz"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no document with id \"zzz\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn examples_directory_goes_through() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let files: Vec<String> = ["sample.jsonl", "sample.txt", "sample.html"]
        .iter()
        .map(|f| root.join(f).to_str().expect("path").to_string())
        .collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut a = vec!["--published", "2024-04-17"];
    a.extend(args);
    let o = extract(&a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(records(&o).len(), 6);
}

#[test]
fn gazetteer_import_writes_a_loadable_tsv() {
    let d = Dir::new();
    // Two rows of the GeoNames dump format (19 columns) and their Arabic names.
    let all = d.file(
        "IQ.txt",
        b"9000001\tQaryat Test\tQaryat Test\t\t34.10000\t43.20000\tP\tPPL\tIQ\t\t08\t\t\t\t5000\t\t120\tAsia/Baghdad\t2024-01-01\n\
          9000002\tTest Airbase\tTest Airbase\t\t34.20000\t43.30000\tS\tAIRB\tIQ\t\t08\t\t\t\t0\t\t130\tAsia/Baghdad\t2024-01-01\n",
    );
    let alt = d.file(
        "alternateNamesV2.txt",
        "1\t9000001\tar\tقرية التجربة\t1\t\t\t\t\t\n2\t9000002\tar\tقاعدة التجربة الجوية\t1\t\t\t\t\t\n".as_bytes(),
    );
    let tsv = d.path("places.tsv");
    let tsv = tsv.to_str().expect("path");
    let o = run(
        &[
            "gazetteer",
            "import",
            "geonames",
            &all,
            &alt,
            "--countries",
            "IQ",
            "-o",
            tsv,
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(tsv).expect("tsv");
    assert!(written.contains("قرية التجربة"), "{written}");
    let input = d.file(
        "in.jsonl",
        format!("{}\n", line("a", "سقطت قذيفة على قرية التجربة صباح اليوم.")).as_bytes(),
    );
    let o = extract(&["--gazetteer", tsv, &input]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&o), ["a"]);
    // A missing dump is a fatal error.
    let o = run(
        &[
            "gazetteer",
            "import",
            "geonames",
            "/nonexistent/all.txt",
            &alt,
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn gazetteer_import_districts_keeps_admin2_rows_and_drops_built_in_names() {
    let d = Dir::new();
    let src = d.file(
        "districts.tsv",
        "gb:9001\tadmin2\tكرسنان الغربية\tKarsanan West District\t\t\tYE\tYE.ibb\t14.2\t44.3\t0\n\
         gb:9002\tadmin2\tعدن\tAden District\t\t\tYE\tYE.aden\t12.8\t45.0\t0\n"
            .as_bytes(),
    );
    let review = d.file("review.tsv", "cue\tكرسنان الغربية\ta test\n".as_bytes());
    let tsv = d.path("out.tsv");
    let tsv = tsv.to_str().expect("path");
    let o = run(
        &[
            "gazetteer",
            "import",
            "districts",
            &src,
            "--review",
            &review,
            "-o",
            tsv,
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(tsv).expect("tsv");
    // «عدن» is a built-in place: the district of that name is left out.
    assert!(
        written.contains("gb:9001\tadmin2\t~كرسنان الغربية"),
        "{written}"
    );
    assert!(!written.contains("gb:9002"), "{written}");
    assert!(
        stderr(&o).contains("2 districts read, 1 written"),
        "{}",
        stderr(&o)
    );
    // A missing source is a fatal error.
    let o = run(
        &["gazetteer", "import", "districts", "/nonexistent/d.tsv"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
}
