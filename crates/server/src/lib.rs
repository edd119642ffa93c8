//! rasd's HTTP server: a JSON API over the event store and a dashboard for analysts.
//!
//! * `GET /api/...`: events (filters by date, type, actor, place, bounding box and text, with
//!   paging), one event with its claims and reports, entities, documents, casualty tolls,
//!   full-text search, and `GET /api/openapi.json`, the hand-written OpenAPI 3.1 description;
//! * `POST /api/ingest`: JSON Lines or a JSON array of `{id, text, published, source, url,
//!   title}`, extracted with [`rasd_extract::Pipeline`] and stored; it needs
//!   `Authorization: Bearer TOKEN` and is disabled (403) when the server has no token;
//! * `/`: the dashboard (map, timeline, event pages with highlighted evidence, entities,
//!   documents), plain JavaScript compiled into the binary together with Leaflet and offline
//!   country and admin-1 boundaries (see `build.rs`).
//!
//! Every response carries a strict `Content-Security-Policy` (no inline script) and
//! `X-Content-Type-Options: nosniff`; the dashboard builds its DOM from text nodes only.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let store = rasd_store::Store::open("rasd.db")?;
//! let state = rasd_server::AppState::new(store).with_token(Some("s3cret".into()));
//! rasd_server::serve("127.0.0.1:8080".parse()?, state).await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

mod api;
mod assets;
mod error;
mod ingest;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rasd_extract::Pipeline;
use rasd_store::{Store, StoreError};

pub use api::{DEFAULT_LIMIT, MAX_LIMIT, ROUTES};
pub use error::ApiError;

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Default largest accepted `POST /api/ingest` body (32 MiB).
pub const DEFAULT_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// What the handlers share: the store (one connection behind a mutex), the extraction pipeline
/// and the ingest token.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    pipeline: Arc<Pipeline>,
    token: Option<Arc<str>>,
    body_limit: usize,
}

impl AppState {
    /// State over an open store, with the default pipeline and ingest disabled.
    pub fn new(store: Store) -> Self {
        AppState {
            store: Arc::new(Mutex::new(store)),
            pipeline: Arc::new(Pipeline::new()),
            token: None,
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// Enable `POST /api/ingest` for clients that send this bearer token (`None` or empty: disabled).
    pub fn with_token(mut self, token: Option<String>) -> Self {
        self.token = token
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .map(Arc::from);
        self
    }

    /// Use this pipeline for ingest (e.g. one built with an extra gazetteer).
    pub fn with_pipeline(mut self, pipeline: Arc<Pipeline>) -> Self {
        self.pipeline = pipeline;
        self
    }

    /// Accept ingest bodies up to this many bytes.
    pub fn with_body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    pub(crate) fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub(crate) fn pipeline(&self) -> Arc<Pipeline> {
        Arc::clone(&self.pipeline)
    }

    pub(crate) fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// Run a store call on the blocking pool, holding the connection's lock.
    pub(crate) async fn with_store<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            // A panic in an earlier call poisons the lock; the connection itself is still usable.
            let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("store worker: {e}")))?
        .map_err(ApiError::from)
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// Binding the address or accepting connections failed.
    #[error("{addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// The whole application: API, dashboard, security headers.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(api::router())
        .route("/", get(|| static_file("index.html")))
        .route(
            "/{file}",
            get(|axum::extract::Path(f): axum::extract::Path<String>| static_file_owned(f)),
        )
        .route(
            "/vendor/{*path}",
            get(|axum::extract::Path(p): axum::extract::Path<String>| {
                static_file_owned(format!("vendor/{p}"))
            }),
        )
        .fallback(fallback)
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

async fn static_file(path: &'static str) -> Response {
    static_file_owned(path.to_string()).await
}

async fn static_file_owned(path: String) -> Response {
    assets::response(&path).unwrap_or_else(|| ApiError::NotFound { what: "file" }.into_response())
}

async fn fallback(method: Method, uri: axum::http::Uri) -> ApiError {
    if method != Method::GET && method != Method::HEAD && !uri.path().starts_with("/api/") {
        return ApiError::MethodNotAllowed;
    }
    if uri.path().starts_with("/api") {
        ApiError::NoRoute
    } else {
        ApiError::NotFound { what: "page" }
    }
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let ok = resp.status() == StatusCode::OK;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if ok && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// npm packages missing from this build's dashboard (empty when the map is fully bundled).
pub fn missing_assets() -> &'static [&'static str] {
    assets::missing_vendor()
}

/// Bind `addr` and serve until Ctrl-C.
pub async fn serve(addr: SocketAddr, state: AppState) -> Result<(), ServerError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Io {
            addr: addr.to_string(),
            source,
        })?;
    serve_listener(listener, state).await
}

/// Serve on an already bound listener until Ctrl-C (lets callers bind port 0 and learn the port).
pub async fn serve_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> Result<(), ServerError> {
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| ServerError::Io { addr, source })
}
