//! The JSON API, driven in-process with `tower::ServiceExt::oneshot` over a store made from the
//! test articles in `common/mod.rs`.
mod common;

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "test-token-5f2c";

fn app() -> Router {
    rasd_server::app(common::state(Some(TOKEN)))
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = to_bytes(resp.into_body(), usize::MAX).await.unwrap();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, headers, v)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (s, _, v) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, v)
}

fn assert_json_error(status: StatusCode, v: &Value, want: StatusCode) {
    assert_eq!(status, want, "{v}");
    assert!(
        v.get("error")
            .and_then(Value::as_str)
            .is_some_and(|e| !e.is_empty()),
        "not a JSON error: {v}"
    );
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {v}"))
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Id of the stored event whose place mentions عين الأسد.
async fn ain_al_asad(app: &Router) -> String {
    let (_, v) = get(app, "/api/events?limit=1000").await;
    items(&v)
        .iter()
        .find(|e| {
            e["location"]["name"]
                .as_str()
                .is_some_and(|n| n.contains("عين الأسد"))
        })
        .and_then(|e| e["id"].as_str())
        .expect("an Ain al-Asad event")
        .to_string()
}

#[tokio::test]
async fn events_are_paged() {
    let app = app();
    let (s, all) = get(&app, "/api/events?limit=1000").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 4, "expected the test articles' events, got {all}");
    assert_eq!(items(&all).len() as u64, total);

    let (_, p1) = get(&app, "/api/events?limit=2").await;
    let (_, p2) = get(&app, "/api/events?limit=2&offset=2").await;
    assert_eq!(items(&p1).len(), 2);
    assert_eq!(p1["limit"], 2);
    assert_eq!(p2["offset"], 2);
    assert_eq!(p1["total"], p2["total"]);
    let ids = |v: &Value| {
        items(v)
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        ids(&p1).iter().all(|id| !ids(&p2).contains(id)),
        "pages overlap"
    );

    let (_, past) = get(&app, "/api/events?offset=100000").await;
    assert!(items(&past).is_empty());
    let (_, big) = get(&app, "/api/events?limit=999999").await;
    assert_eq!(big["limit"], rasd_server::MAX_LIMIT);
    let (_, dflt) = get(&app, "/api/events").await;
    assert_eq!(dflt["limit"], rasd_server::DEFAULT_LIMIT);
}

#[tokio::test]
async fn events_are_filtered() {
    let app = app();
    let (s, v) = get(&app, "/api/events?type=protest&limit=1000").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!items(&v).is_empty(), "the Baghdad protest");
    assert!(items(&v).iter().all(|e| e["type"] == "protest"));

    let (_, v) = get(&app, "/api/events?type=air_drone_strike,protest&limit=1000").await;
    assert!(items(&v)
        .iter()
        .all(|e| e["type"] == "air_drone_strike" || e["type"] == "protest"));
    assert!(items(&v).iter().any(|e| e["type"] == "air_drone_strike"));

    let (_, v) = get(&app, "/api/events?from=2024-01-16&to=2024-01-18&limit=1000").await;
    assert!(!items(&v).is_empty());
    for e in items(&v) {
        let d = e["date"].as_str().unwrap_or("");
        assert!(
            ("2024-01-16".."2024-01-19").contains(&d),
            "{d} outside the range"
        );
    }

    let (_, v) = get(&app, "/api/events?country=iq&limit=1000").await;
    assert!(!items(&v).is_empty());
    assert!(
        items(&v).iter().all(|e| e["location"]["country"] == "IQ"),
        "{v}"
    );

    let (_, v) = get(&app, "/api/events?bbox=42,33,43,34&limit=1000").await;
    assert!(
        !items(&v).is_empty(),
        "Ain al-Asad lies in 42..43 E, 33..34 N"
    );
    for e in items(&v) {
        let (lon, lat) = (
            e["location"]["lon"].as_f64().unwrap(),
            e["location"]["lat"].as_f64().unwrap(),
        );
        assert!(
            (42.0..=43.0).contains(&lon) && (33.0..=34.0).contains(&lat),
            "{e}"
        );
    }
}

#[tokio::test]
async fn bad_parameters_are_json_400s() {
    let app = app();
    for q in [
        "from=yesterday",
        "to=2024-13-01",
        "type=bombing",
        "bbox=1,2",
        "limit=ten",
        "limit=0",
        "offset=-3",
        "country=Iraq",
        "from=2024-02-01&to=2024-01-01",
    ] {
        let (s, v) = get(&app, &format!("/api/events?{q}")).await;
        assert_json_error(s, &v, StatusCode::BAD_REQUEST);
    }
    let (s, v) = get(&app, "/api/search").await;
    assert_json_error(s, &v, StatusCode::BAD_REQUEST);
    let (s, v) = get(&app, "/api/documents?limit=x").await;
    assert_json_error(s, &v, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn out_of_range_offsets_are_400s_and_punctuation_finds_nothing() {
    let app = app();
    for path in ["events", "documents", "tolls", "entities"] {
        for big in ["9223372036854775808", "18446744073709551615", "1e30"] {
            let (s, v) = get(&app, &format!("/api/{path}?offset={big}")).await;
            assert_json_error(s, &v, StatusCode::BAD_REQUEST);
        }
        let (s, v) = get(&app, &format!("/api/{path}?offset=9223372036854775807")).await;
        assert_eq!(s, StatusCode::OK, "{path}: {v}");
        assert_eq!(items(&v).len(), 0, "{path}: {v}");
    }
    // A search of punctuation alone finds nothing, not every event.
    for q in ["...", "؟!", "%", "_"] {
        let (s, v) = get(&app, &format!("/api/events?q={}", enc(q))).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["total"], 0, "{q}: {v}");
        let (s, v) = get(&app, &format!("/api/search?q={}", enc(q))).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v.as_array().map(Vec::len), Some(0), "{q}: {v}");
    }
}

#[tokio::test]
async fn event_has_claims_reports_and_evidence() {
    let app = app();
    let id = ain_al_asad(&app).await;
    let (s, ev) = get(&app, &format!("/api/events/{}", enc(&id))).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(ev["id"], id.as_str());
    assert_eq!(ev["type"], "air_drone_strike");
    let claims = ev["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "{ev}");
    assert!(claims
        .iter()
        .all(|c| c["source"].is_string() && c["stance"].is_string() && c["doc_id"].is_string()));
    let reports = ev["reports"].as_array().unwrap();
    assert!(!reports.is_empty());
    for r in reports {
        let doc_id = r["doc_id"].as_str().unwrap();
        let (s, doc) = get(&app, &format!("/api/documents/{}", enc(doc_id))).await;
        assert_eq!(s, StatusCode::OK);
        let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        let spans = r["event"]["evidence"].as_array().unwrap();
        assert!(!spans.is_empty());
        let mut covered = String::new();
        for sp in spans {
            let (a, b) = (
                sp["start"].as_u64().unwrap() as usize,
                sp["end"].as_u64().unwrap() as usize,
            );
            assert!(
                a < b && b <= chars.len(),
                "span {a}..{b} outside a text of {} chars",
                chars.len()
            );
            covered.extend(&chars[a..b]);
        }
        assert!(
            covered.contains("عين الأسد"),
            "evidence (character offsets) should cover the place: {covered}"
        );
    }
    let (s, ex) = get(&app, &format!("/api/events/{}/explain", enc(&id))).await;
    assert_eq!(s, StatusCode::OK, "{ex}");
}

#[tokio::test]
async fn missing_things_are_json_404s() {
    let app = app();
    for uri in [
        "/api/events/no-such-event",
        "/api/events/no-such-event/explain",
        "/api/entities/no-such-entity",
        "/api/documents/no-such-doc",
        "/api/nothing-here",
        "/api/events/a/b/c",
        "/no-such-file.js",
        "/vendor/no-such-lib.js",
    ] {
        let (s, v) = get(&app, uri).await;
        assert_json_error(s, &v, StatusCode::NOT_FOUND);
    }
    let (s, _, v) = send(
        &app,
        Request::delete("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_json_error(s, &v, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn entities_documents_tolls_and_search() {
    let app = app();
    let (s, v) = get(&app, "/api/entities?limit=1000").await;
    assert_eq!(s, StatusCode::OK);
    let iri = items(&v)
        .iter()
        .find(|e| {
            e["name"]
                .as_str()
                .is_some_and(|n| n.contains("المقاومة الإسلامية"))
        })
        .expect("the Islamic Resistance in Iraq is an entity");
    let (s, en) = get(
        &app,
        &format!("/api/entities/{}", enc(iri["id"].as_str().unwrap())),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{en}");
    for k in ["aliases", "relations", "designations", "events"] {
        assert!(en[k].is_array(), "entity lacks {k}: {en}");
    }
    let (_, one) = get(&app, "/api/entities?limit=1").await;
    assert_eq!(items(&one).len(), 1);

    let (s, v) = get(&app, "/api/documents?limit=2").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(items(&v).len(), 2);
    assert_eq!(v["total"], 5);

    let (s, v) = get(&app, "/api/tolls").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["items"].is_array());

    let (s, v) = get(&app, &format!("/api/search?q={}", enc("الحديدة"))).await;
    assert_eq!(s, StatusCode::OK);
    let hits = v.as_array().unwrap();
    assert!(hits.iter().any(|h| h["doc_id"] == "t-hodeidah"), "{v}");

    let (s, v) = get(&app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v.is_object());
}

#[tokio::test]
async fn actors_are_found_by_any_dictionary_name_in_arabic_or_english() {
    let app = app();
    let total = |v: &Value| v["total"].as_u64().unwrap();
    let (s, ar) = get(
        &app,
        &format!("/api/events?actor={}", enc("المقاومة الإسلامية في العراق")),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(total(&ar) > 0, "{ar}");
    for name in [
        "Islamic Resistance in Iraq",
        "islamic resistance",
        "IRI",
        "iq.iri",
    ] {
        let (s, en) = get(&app, &format!("/api/events?actor={}", enc(name))).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(total(&en), total(&ar), "{name}: {en}");
    }
    let (_, none) = get(&app, "/api/events?actor=%25").await;
    assert_eq!(total(&none), 0, "a % is no wildcard");
    let (_, ents) = get(
        &app,
        &format!("/api/entities?q={}", enc("Islamic Resistance")),
    )
    .await;
    assert!(items(&ents).iter().any(|e| e["id"] == "iq.iri"), "{ents}");
}

#[tokio::test]
async fn exports_download_the_selection() {
    let app = app();
    let raw = |uri: String| {
        let app = app.clone();
        async move {
            let resp = app
                .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = resp.status();
            let h = resp.headers().clone();
            let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, h, body)
        }
    };
    let (s, h, body) = raw("/api/export?format=acled-csv".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(h[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("rasd-events.csv"));
    let csv = String::from_utf8(body.to_vec()).unwrap();
    assert!(csv.starts_with("event_id_cnty,event_date,"), "{csv}");
    let (_, all) = get(&app, "/api/events?limit=1000").await;
    assert_eq!(
        csv.lines().count() as u64,
        all["total"].as_u64().unwrap() + 1
    );
    // The filters of /api/events apply.
    let (_, _, one) = raw("/api/export?format=geojson&type=protest".into()).await;
    let geo: Value = serde_json::from_slice(&one).unwrap();
    assert!(geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["properties"]["type"] == "protest"));
    let (s, h, pq) = raw("/api/export?format=parquet".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "application/vnd.apache.parquet");
    assert!(pq.starts_with(b"PAR1") && pq.ends_with(b"PAR1"));
    for bad in [
        "/api/export",
        "/api/export?format=xlsx",
        "/api/export?format=geojson&limit=0",
    ] {
        let (s, v) = get(&app, bad).await;
        assert_json_error(s, &v, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn search_queries_are_capped_and_repeated_words_count_once() {
    let app = app();
    // The same word a thousand times is one word.
    let q = vec!["الحديدة"; 1000].join(" ");
    let (s, v) = get(&app, &format!("/api/search?q={}", enc(&q))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["doc_id"] == "t-hodeidah"));
    // Over 1,000 distinct words, or 10,000 characters: refused at once.
    let many: Vec<String> = (0..1001).map(|i| format!("w{i}")).collect();
    for q in [many.join(" "), "ق".repeat(10_001)] {
        let (s, v) = get(&app, &format!("/api/search?q={}", enc(&q))).await;
        assert_json_error(s, &v, StatusCode::BAD_REQUEST);
        let (s, v) = get(&app, &format!("/api/events?q={}", enc(&q))).await;
        assert_json_error(s, &v, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn hostile_text_is_returned_as_data() {
    let app = app();
    let (s, h, v) = send(
        &app,
        Request::get("/api/documents/t-hostile")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(h[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
    let text = v["text"].as_str().unwrap();
    assert!(text.contains(common::HOSTILE_SCRIPT));
    assert!(text.contains(common::HOSTILE_IMG));
    assert!(text.contains('\u{202E}'));
    assert!(v["title"].as_str().unwrap().contains(common::HOSTILE_IMG));
}

#[tokio::test]
async fn dashboard_is_served_with_a_strict_policy() {
    let app = app();
    let (s, h, v) = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("default-src 'self'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe")
    );
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(v.as_str().unwrap().contains("/app.js"));
    for f in ["/app.js", "/i18n.js", "/style.css", "/favicon.svg"] {
        let (s, _) = get(&app, f).await;
        assert_eq!(s, StatusCode::OK, "{f}");
    }
    if rasd_server::missing_assets().is_empty() {
        for f in [
            "/vendor/leaflet.js",
            "/vendor/leaflet.css",
            "/vendor/countries-50m.json",
            "/vendor/admin1.json",
        ] {
            let (s, _) = get(&app, f).await;
            assert_eq!(s, StatusCode::OK, "{f}");
        }
    }
}

fn ingest_req(auth: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::builder()
        .method(Method::POST)
        .uri("/api/ingest")
        .header(header::CONTENT_TYPE, "application/x-ndjson");
    if let Some(a) = auth {
        b = b.header(header::AUTHORIZATION, a);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

const NEW_DOC: &str = r#"{"id":"t-new","published":"2024-02-02","source":"نشرة الاختبار","title":"اعتقال في طرابلس","text":"اعتقلت القوى الأمنية اللبنانية، الجمعة، شخصين في مدينة طرابلس شمال لبنان للاشتباه بانتمائهما إلى تنظيم داعش."}"#;

#[tokio::test]
async fn ingest_needs_the_token() {
    // No token configured: ingest is off.
    let off = rasd_server::app(common::state(None));
    let (s, _, v) = send(&off, ingest_req(Some(&format!("Bearer {TOKEN}")), NEW_DOC)).await;
    assert_json_error(s, &v, StatusCode::FORBIDDEN);

    let app = app();
    let (s, h, v) = send(&app, ingest_req(None, NEW_DOC)).await;
    assert_json_error(s, &v, StatusCode::UNAUTHORIZED);
    assert_eq!(h[header::WWW_AUTHENTICATE], "Bearer");
    let (s, _, v) = send(&app, ingest_req(Some("Bearer wrong-token"), NEW_DOC)).await;
    assert_json_error(s, &v, StatusCode::UNAUTHORIZED);
    let (s, _, v) = send(&app, ingest_req(Some(TOKEN), NEW_DOC)).await;
    assert_json_error(s, &v, StatusCode::UNAUTHORIZED);
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer{TOKEN}")), NEW_DOC)).await;
    assert_json_error(s, &v, StatusCode::UNAUTHORIZED);
    let (s, _, v) = send(
        &app,
        ingest_req(Some(&format!("Bearer {TOKEN}")), "{\"text\": 1}\n"),
    )
    .await;
    assert_json_error(s, &v, StatusCode::BAD_REQUEST);
    assert!(v["error"].as_str().unwrap().contains("line 1"));

    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), NEW_DOC)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["documents"], 1);
    let (s, d) = get(&app, "/api/documents/t-new").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(d["source"], "نشرة الاختبار");

    // A JSON array works too.
    let arr = format!(
        "[{}]",
        NEW_DOC
            .replace("t-new", "t-new-2")
            .replace("شخصين", "ثلاثة أشخاص")
    );
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), &arr)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, _) = get(&app, "/api/documents/t-new-2").await;
    assert_eq!(s, StatusCode::OK);

    // Another text under a stored id: not stored, and said so.
    let taken = NEW_DOC.replace("شخصين", "أربعة أشخاص");
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), &taken)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stats"]["conflicts"], serde_json::json!(["t-new"]), "{v}");
    assert_eq!(v["stats"]["documents"], 0);
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let app = app();
    for (i, scheme) in ["BEARER", "bearer", "BeArEr", "Bearer\t"]
        .iter()
        .enumerate()
    {
        let doc = NEW_DOC.replace("t-new", &format!("t-case-{i}"));
        let auth = if scheme.ends_with('\t') {
            format!("{scheme}{TOKEN}")
        } else {
            format!("{scheme} {TOKEN}")
        };
        let (s, _, v) = send(&app, ingest_req(Some(&auth), &doc)).await;
        assert_eq!(s, StatusCode::OK, "{auth}: {v}");
    }
}

#[tokio::test]
async fn a_bad_published_is_a_warning_as_in_the_cli() {
    // The CLI warns and goes on; so does the API: the document is stored without a date, the
    // one beside it too, and the response and the record say why.
    let app = app();
    let bad = NEW_DOC
        .replace("t-new", "t-undated")
        .replace("2024-02-02", "السبت");
    let other = NEW_DOC
        .replace("t-new", "t-dated")
        .replace("شخصين", "ثلاثة أشخاص");
    let body = format!("{bad}\n{other}\n");
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), &body)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stats"]["documents"], 2, "{v}");
    assert_eq!(
        v["warnings"],
        serde_json::json!([
            "line 1: \"published\" \"السبت\" is not a YYYY-MM-DD date: treated as absent"
        ]),
        "{v}"
    );
    let (s, d) = get(&app, "/api/documents/t-undated").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(d["published"], Value::Null, "{d}");
    let (_, d) = get(&app, "/api/documents/t-dated").await;
    assert_eq!(d["published"], "2024-02-02", "{d}");
    // A numeric id keeps its digits, as in the CLI.
    let numeric = NEW_DOC
        .replace("\"t-new\"", "12345678901234567890123")
        .replace("شخصين", "أربعة أشخاص");
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), &numeric)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, _) = get(&app, "/api/documents/12345678901234567890123").await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn ingest_skips_a_document_over_the_time_budget() {
    // A budget spent before the first event word is weighed: the document with event words
    // is skipped and named, the one without any is stored.
    let pipeline = rasd_extract::Pipeline::new().with_time_budget(Some(std::time::Duration::ZERO));
    let app =
        rasd_server::app(common::state(Some(TOKEN)).with_pipeline(std::sync::Arc::new(pipeline)));
    let quiet =
        r#"{"id":"t-quiet","text":"افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح الأحد."}"#;
    let body = format!("{NEW_DOC}\n{quiet}\n");
    let (s, _, v) = send(&app, ingest_req(Some(&format!("Bearer {TOKEN}")), &body)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["documents"], 2);
    assert_eq!(v["stats"]["documents"], 1, "{v}");
    assert_eq!(v["skipped"][0]["id"], "t-new", "{v}");
    assert_eq!(v["skipped"][0]["index"], 0, "{v}");
    assert!(
        v["skipped"][0]["error"]
            .as_str()
            .unwrap()
            .contains("time budget"),
        "{v}"
    );
    let (s, _) = get(&app, "/api/documents/t-quiet").await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = get(&app, "/api/documents/t-new").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let app = app();
    let (s, doc) = get(&app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in rasd_server::ROUTES {
        let op = &paths
            .get(*path)
            .unwrap_or_else(|| panic!("{path} not in openapi.json"))[method.to_ascii_lowercase()];
        assert!(op.is_object(), "{method} {path} not described");
        assert!(
            op["responses"].is_object(),
            "{method} {path} has no responses"
        );
    }
    // No path described that is not served.
    for p in paths.keys() {
        assert!(
            rasd_server::ROUTES.iter().any(|(_, r)| r == p),
            "openapi.json describes {p}, which is not a route"
        );
    }
    // ROUTES lists exactly the routes the router declares.
    let src = include_str!("../src/api.rs");
    let declared: Vec<&str> = src
        .split(".route(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(declared.len(), rasd_server::ROUTES.len(), "{declared:?}");
    for (_, r) in rasd_server::ROUTES {
        assert!(declared.contains(r), "{r} not declared in the router");
    }
    // And each is actually served (never the "no such API route" fallback).
    for (method, path) in rasd_server::ROUTES {
        let uri = path.replace("{id}", "x");
        let req = Request::builder()
            .method(*method)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let (s, _, v) = send(&app, req).await;
        assert!(
            !(s == StatusCode::NOT_FOUND && v["error"] == "no such API route"),
            "{method} {path} not routed"
        );
    }
    // Every $ref resolves.
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap();
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "dangling $ref {name}"
        );
    }
}
