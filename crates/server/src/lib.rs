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
//!   country and admin-1 boundaries (vendored in `web/vendor/`, see `build.rs`);
//! * `GET /api/export`: the events of the `/api/events` filters as ACLED CSV, GeoJSON, Parquet
//!   or JSON Lines, to download.
//!
//! Slow and hostile clients are held off by [`Limits`]: header, body and request timeouts, a
//! cap on connections, and a pool of store connections whose work stops at a request's
//! deadline or when its client goes.
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
mod listen;
mod pool;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

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

pub use pool::DEFAULT_CONNECTIONS;

/// Limits that keep slow, idle and greedy clients from locking others out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Connections served at once; more wait in the listen queue (default 512).
    pub max_connections: usize,
    /// Time a client has to send a request's headers, and to start its next request on a
    /// kept-alive connection (default 10 s).
    pub header_timeout: Duration,
    /// The same while more than three quarters of the connections are taken (default 2 s).
    pub busy_header_timeout: Duration,
    /// Time a client has to send a request body (default 60 s).
    pub body_timeout: Duration,
    /// Deadline of a read request, waiting for a store connection included (default 30 s); its
    /// store work is stopped then, or as soon as its client disconnects.
    pub request_timeout: Duration,
    /// Deadline of `POST /api/ingest` once its body is read, and of `GET /api/export`
    /// (default 600 s).
    pub ingest_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            busy_header_timeout: Duration::from_secs(2),
            body_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(30),
            ingest_timeout: Duration::from_secs(600),
        }
    }
}

/// What the handlers share: a pool of store connections, the extraction pipeline, the ingest
/// token and the limits.
#[derive(Clone)]
pub struct AppState {
    pool: Arc<pool::Pool>,
    pipeline: Arc<Pipeline>,
    token: Option<Arc<str>>,
    body_limit: usize,
    limits: Limits,
}

impl AppState {
    /// State over an open store (more connections to it are opened as requests need them, up
    /// to [`DEFAULT_CONNECTIONS`]), with the default pipeline and ingest disabled.
    pub fn new(store: Store) -> Self {
        Self::with_connections(store, DEFAULT_CONNECTIONS)
    }

    /// State over an open store with at most `n` connections (an in-memory store has one).
    pub fn with_connections(store: Store, n: usize) -> Self {
        AppState {
            pool: Arc::new(pool::Pool::new(store, n)),
            pipeline: Arc::new(
                Pipeline::new().with_time_budget(Some(rasd_extract::DEFAULT_TIME_BUDGET)),
            ),
            token: None,
            body_limit: DEFAULT_BODY_LIMIT,
            limits: Limits::default(),
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

    /// Use these limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// How many store connections requests may use at once.
    pub fn connections(&self) -> usize {
        self.pool.size()
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

    /// Run a store call on a connection of its own, within the request deadline.
    pub(crate) async fn with_store<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        pool::run(&self.pool, self.limits.request_timeout, f).await
    }

    /// [`AppState::with_store`] with another deadline (ingest).
    pub(crate) async fn with_store_until<T, F>(
        &self,
        deadline: Duration,
        f: F,
    ) -> Result<T, ApiError>
    where
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        pool::run(&self.pool, deadline, f).await
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
        .layer(middleware::from_fn_with_state(state.clone(), deadline))
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

/// Every request but ingest and export (which have their own, longer, deadline) is answered
/// within the request deadline.
async fn deadline(
    axum::extract::State(st): axum::extract::State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(req.uri().path(), "/api/ingest" | "/api/export") {
        return next.run(req).await;
    }
    let d = st.limits.request_timeout;
    match tokio::time::timeout(d, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::Deadline {
            secs: d.as_secs_f64(),
        }
        .into_response(),
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

/// Vendored map files missing from this build's dashboard (empty when the map is fully bundled).
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
///
/// Connections are served with the state's [`Limits`]: at most `max_connections` at once, the
/// others wait in the listen queue; a client that does not send its headers in time, or lets a
/// kept-alive connection idle, is disconnected.
pub async fn serve_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> Result<(), ServerError> {
    let limits = state.limits();
    listen::serve(listener, app(state), limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// [`serve_listener`] until `shutdown` completes (for tests and embedding).
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let limits = state.limits();
    listen::serve(listener, app(state), limits, shutdown).await
}
