//! The JSON API under `/api/`: thin handlers that parse parameters, call the store on a
//! blocking thread, and return its serialisable results.
use axum::body::{to_bytes, Body};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rasd_model::{EventType, IsoDate};
use rasd_store::{EntityQuery, EventQuery, ExportFormat};
use serde::Deserialize;

use crate::{ApiError, AppState};

/// Default page size of list endpoints.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size a client may ask for.
pub const MAX_LIMIT: usize = 1000;

const OPENAPI: &str = include_str!("openapi.json");

/// The API routes (method, path) in the OpenAPI path syntax; `tests/api.rs` checks that each is
/// served and described in `openapi.json`, and that `router()` below declares no others.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/stats"),
    ("GET", "/api/events"),
    ("GET", "/api/events/{id}"),
    ("GET", "/api/events/{id}/explain"),
    ("GET", "/api/entities"),
    ("GET", "/api/entities/{id}"),
    ("GET", "/api/documents"),
    ("GET", "/api/documents/{id}"),
    ("GET", "/api/tolls"),
    ("GET", "/api/search"),
    ("GET", "/api/export"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/ingest"),
];

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/events/{id}/explain", get(explain))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/documents", get(documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/tolls", get(tolls))
        .route("/api/search", get(search))
        .route("/api/export", get(export))
        .route("/api/openapi.json", get(openapi))
        .route("/api/ingest", post(ingest))
}

// ---- parameters -----------------------------------------------------------------------------

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(v)| v)
        .map_err(|e| ApiError::BadRequest(format!("bad query string: {}", e.body_text())))
}

fn path_id(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(v)| v)
        .map_err(|e| ApiError::BadRequest(format!("bad path: {}", e.body_text())))
}

/// Non-empty, trimmed.
fn opt(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn paging(limit: Option<String>, offset: Option<String>) -> Result<(usize, usize), ApiError> {
    let num = |name: &str, v: Option<String>, default: usize| -> Result<usize, ApiError> {
        match opt(v) {
            None => Ok(default),
            Some(s) => s.parse::<usize>().map_err(|_| {
                ApiError::BadRequest(format!("{name} must be a non-negative integer, not {s:?}"))
            }),
        }
    };
    let limit = num("limit", limit, DEFAULT_LIMIT)?;
    if limit == 0 {
        return Err(ApiError::BadRequest("limit must be at least 1".into()));
    }
    // The stores count rows in signed 64 bits: a larger offset is out of range, not a failure.
    let offset = num("offset", offset, 0)?;
    if i64::try_from(offset).is_err() {
        return Err(ApiError::BadRequest(format!(
            "offset must be at most {}, not {offset}",
            i64::MAX
        )));
    }
    Ok((limit.min(MAX_LIMIT), offset))
}

fn date(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    match opt(v) {
        None => Ok(None),
        Some(s) => IsoDate::parse(&s)
            .map(|d| Some(d.to_string()))
            .map_err(|_| {
                ApiError::BadRequest(format!("{name} must be a YYYY-MM-DD date, not {s:?}"))
            }),
    }
}

fn types(v: Option<String>) -> Result<Vec<EventType>, ApiError> {
    let Some(s) = opt(v) else {
        return Ok(Vec::new());
    };
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            EventType::parse(t)
                .ok_or_else(|| ApiError::BadRequest(format!("unknown event type {t:?}")))
        })
        .collect()
}

fn bbox(v: Option<String>) -> Result<Option<[f64; 4]>, ApiError> {
    let Some(s) = opt(v) else { return Ok(None) };
    let bad = || {
        ApiError::BadRequest(format!(
            "bbox must be min_lon,min_lat,max_lon,max_lat, not {s:?}"
        ))
    };
    let nums: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    match nums.as_slice() {
        &[a, b, c, d]
            if [a, b, c, d].iter().all(|x| x.is_finite())
                && (-180.0..=180.0).contains(&a)
                && (-180.0..=180.0).contains(&c)
                && (-90.0..=90.0).contains(&b)
                && (-90.0..=90.0).contains(&d)
                && a <= c
                && b <= d =>
        {
            Ok(Some([a, b, c, d]))
        }
        _ => Err(bad()),
    }
}

/// Query string of `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EventsParams {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actor: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
    bbox: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl EventsParams {
    pub(crate) fn into_query(self) -> Result<EventQuery, ApiError> {
        let (limit, offset) = paging(self.limit, self.offset)?;
        let from = date("from", self.from)?;
        let to = date("to", self.to)?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(ApiError::BadRequest("from is after to".into()));
            }
        }
        let country = opt(self.country).map(|c| c.to_ascii_uppercase());
        if let Some(c) = &country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(ApiError::BadRequest(format!(
                    "country must be an ISO 3166-1 alpha-2 code, not {c:?}"
                )));
            }
        }
        Ok(EventQuery {
            from,
            to,
            types: types(self.kind)?,
            actor: opt(self.actor),
            country,
            admin1: opt(self.admin1),
            bbox: bbox(self.bbox)?,
            text: opt(self.q),
            limit,
            offset,
        })
    }
}

/// Most events one `GET /api/export` writes.
pub const MAX_EXPORT: usize = 100_000;

/// Query string of `GET /api/export`: a format and the filters of `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ExportParams {
    format: Option<String>,
    #[serde(flatten)]
    events: EventsParams,
}

/// Query string of `GET /api/entities`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EntitiesParams {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// Query string of the plain paged lists.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageParams {
    limit: Option<String>,
    offset: Option<String>,
}

/// Query string of `GET /api/search`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

// ---- handlers -------------------------------------------------------------------------------

async fn stats(State(st): State<AppState>) -> Result<Response, ApiError> {
    let counts = st.with_store(|s| s.counts()).await?;
    Ok(Json(counts).into_response())
}

async fn events(
    State(st): State<AppState>,
    q: Result<Query<EventsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let q = query(q)?.into_query()?;
    let page = st.with_store(move |s| s.events(&q)).await?;
    Ok(Json(page).into_response())
}

async fn event(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(id)?;
    let ev = st.with_store(move |s| s.event(&id)).await?;
    ev.map(|e| Json(e).into_response())
        .ok_or(ApiError::NotFound { what: "event" })
}

async fn explain(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(id)?;
    let ex = st.with_store(move |s| s.explain(&id)).await?;
    ex.map(|e| Json(e).into_response())
        .ok_or(ApiError::NotFound { what: "event" })
}

async fn entities(
    State(st): State<AppState>,
    q: Result<Query<EntitiesParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let (limit, offset) = paging(p.limit, p.offset)?;
    let kind = match opt(p.kind) {
        None => None,
        Some(k) => Some(
            serde_json::from_value(serde_json::Value::String(k.clone()))
                .map_err(|_| ApiError::BadRequest(format!("unknown entity type {k:?}")))?,
        ),
    };
    let eq = EntityQuery {
        text: opt(p.q),
        kind,
        limit,
        offset,
    };
    let page = st.with_store(move |s| s.entities(&eq)).await?;
    Ok(Json(page).into_response())
}

async fn entity(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(id)?;
    let en = st.with_store(move |s| s.entity(&id)).await?;
    en.map(|e| Json(e).into_response())
        .ok_or(ApiError::NotFound { what: "entity" })
}

async fn documents(
    State(st): State<AppState>,
    q: Result<Query<PageParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let (limit, offset) = paging(p.limit, p.offset)?;
    let page = st.with_store(move |s| s.documents(limit, offset)).await?;
    Ok(Json(page).into_response())
}

async fn document(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(id)?;
    let d = st.with_store(move |s| s.document(&id)).await?;
    d.map(|d| Json(d).into_response())
        .ok_or(ApiError::NotFound { what: "document" })
}

async fn tolls(
    State(st): State<AppState>,
    q: Result<Query<PageParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let (limit, offset) = paging(p.limit, p.offset)?;
    let page = st.with_store(move |s| s.tolls(limit, offset)).await?;
    Ok(Json(page).into_response())
}

async fn search(
    State(st): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let text = opt(p.q).ok_or_else(|| ApiError::BadRequest("q is required".into()))?;
    let (limit, _) = paging(p.limit, None)?;
    let hits = st.with_store(move |s| s.search(&text, limit)).await?;
    Ok(Json(hits).into_response())
}

async fn export(
    State(st): State<AppState>,
    q: Result<Query<ExportParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let format: ExportFormat = opt(p.format)
        .ok_or_else(|| {
            ApiError::BadRequest(
                "format is required: acled-csv, geojson, parquet, plover-jsonl or jsonl".into(),
            )
        })?
        .parse()
        .map_err(|e: rasd_store::StoreError| ApiError::BadRequest(e.to_string()))?;
    let limit = p.events.limit.clone();
    let mut eq = EventsParams {
        limit: None,
        offset: None,
        ..p.events
    }
    .into_query()?;
    eq.offset = 0;
    eq.limit = match opt(limit) {
        None => MAX_EXPORT,
        Some(s) => match s.parse::<usize>() {
            Ok(n) if n >= 1 => n.min(MAX_EXPORT),
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "limit must be a positive integer, not {s:?}"
                )))
            }
        },
    };
    // Exports take longer than a page: the ingest deadline applies.
    let deadline = st.limits().ingest_timeout;
    let bytes = st
        .with_store_until(deadline, move |s| {
            let mut buf = Vec::new();
            s.export(format, &eq, &mut buf)?;
            Ok(buf)
        })
        .await?;
    let (mime, ext) = match format {
        ExportFormat::AcledCsv => ("text/csv; charset=utf-8", "csv"),
        ExportFormat::Geojson => ("application/geo+json", "geojson"),
        ExportFormat::Parquet => ("application/vnd.apache.parquet", "parquet"),
        ExportFormat::PloverJsonl => ("application/x-ndjson", "plover.jsonl"),
        _ => ("application/x-ndjson", "jsonl"),
    };
    let mut resp = (StatusCode::OK, bytes).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"rasd-events.{ext}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

async fn openapi() -> Response {
    let mut resp = (StatusCode::OK, OPENAPI).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// Constant-time comparison, so the token cannot be guessed byte by byte from response times.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The credentials of a `Bearer` authorization (the scheme's name in any case, RFC 9110
/// §11.1: «BEARER», «bearer»), trimmed.
fn bearer(v: &str) -> Option<&str> {
    let (scheme, rest) = v.trim_start().split_once([' ', '\t'])?;
    scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
}

fn authorize(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = st.token() else {
        return Err(ApiError::IngestDisabled);
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer)
        .ok_or(ApiError::Unauthorized)?;
    if same(given.as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

async fn ingest(State(st): State<AppState>, req: Request) -> Result<Response, ApiError> {
    // Check the token before reading the body.
    authorize(&st, req.headers())?;
    let limit = st.body_limit();
    let body: Body = req.into_body();
    // A body sent a byte a minute does not hold a connection and a worker for ever.
    let wait = st.limits().body_timeout;
    let bytes = tokio::time::timeout(wait, to_bytes(body, limit))
        .await
        .map_err(|_| ApiError::BodyTimeout {
            secs: wait.as_secs_f64(),
        })?
        .map_err(|_| ApiError::TooLarge { limit })?;
    let docs = crate::ingest::parse_body(&bytes).map_err(ApiError::BadRequest)?;
    let n = docs.len();
    let pipeline = st.pipeline();
    let warnings: Vec<String> = docs.iter().flat_map(|(_, w)| w.iter().cloned()).collect();
    let (batch, skipped) = tokio::task::spawn_blocking(move || {
        let mut batch = Vec::with_capacity(docs.len());
        let mut skipped = Vec::new();
        for (i, (d, read_warnings)) in docs.into_iter().enumerate() {
            // A document whose extraction takes longer than the time budget is skipped, and
            // said so; the others are stored (with what was odd in their input, as the CLI
            // keeps it).
            match pipeline.try_extract(&d) {
                Ok(mut r) => {
                    r.warnings.splice(0..0, read_warnings);
                    batch.push((d, r))
                }
                Err(e) => skipped.push(serde_json::json!({
                    "index": i,
                    "id": d.id,
                    "error": e.to_string(),
                })),
            }
        }
        (batch, skipped)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("extraction worker: {e}")))?;
    let deadline = st.limits().ingest_timeout;
    let stats = st
        .with_store_until(deadline, move |s| s.ingest(&batch))
        .await?;
    Ok(
        Json(serde_json::json!({ "documents": n, "stats": stats, "skipped": skipped, "warnings": warnings }))
            .into_response(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(qs: &str) -> Result<EventQuery, ApiError> {
        let p: EventsParams = serde_urlencoded_like(qs);
        p.into_query()
    }

    /// Parse a query string with axum's own extractor machinery.
    fn serde_urlencoded_like(qs: &str) -> EventsParams {
        let uri: axum::http::Uri = format!("/?{qs}").parse().unwrap();
        Query::<EventsParams>::try_from_uri(&uri).unwrap().0
    }

    #[test]
    fn event_params() {
        let q = ev("from=2024-01-01&to=2024-02-01&type=protest,arrest&country=iq&bbox=40,30,45,35&limit=5000").unwrap();
        assert_eq!(q.from.as_deref(), Some("2024-01-01"));
        assert_eq!(q.types, vec![EventType::Protest, EventType::Arrest]);
        assert_eq!(q.country.as_deref(), Some("IQ"));
        assert_eq!(q.bbox, Some([40.0, 30.0, 45.0, 35.0]));
        assert_eq!(q.limit, MAX_LIMIT);
        assert_eq!(q.offset, 0);
    }

    #[test]
    fn bad_event_params() {
        for qs in [
            "from=yesterday",
            "from=2024-02-01&to=2024-01-01",
            "type=bombing",
            "offset=9223372036854775808",
            "offset=99999999999999999999",
            "bbox=1,2,3",
            "bbox=50,30,40,35",
            "limit=-1",
            "limit=0",
            "offset=x",
            "country=Iraq",
        ] {
            assert!(matches!(ev(qs), Err(ApiError::BadRequest(_))), "{qs}");
        }
    }

    #[test]
    fn token_comparison() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }
}
