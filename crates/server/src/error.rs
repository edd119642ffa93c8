//! API errors: one enum, rendered as `{"error": "..."}` with a fitting status code.
//!
//! Store failures are logged on standard error and answered with a bare "internal error", so no
//! SQL, path or driver message ever reaches a client (axum's error-handling example).
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The thing asked for does not exist (`what` names it: "event", "entity"…).
    #[error("{what} not found")]
    NotFound {
        /// What was looked up.
        what: &'static str,
    },
    /// No route answers this path.
    #[error("no such API route")]
    NoRoute,
    /// The route exists but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A parameter or the body could not be understood.
    #[error("{0}")]
    BadRequest(String),
    /// `POST /api/ingest` without the right bearer token.
    #[error("missing or wrong bearer token")]
    Unauthorized,
    /// `POST /api/ingest` while the server has no token configured.
    #[error("ingest is disabled: start rasd serve with --token or RASD_TOKEN")]
    IngestDisabled,
    /// The request body is larger than the server accepts.
    #[error("request body too large (at most {limit} bytes)")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The request did not finish within its deadline (its store work was stopped), or no
    /// store connection was free in time.
    #[error("the server could not answer within {secs} s; try again or narrow the request")]
    Deadline {
        /// The deadline in seconds.
        secs: f64,
    },
    /// The client did not send its request body in time.
    #[error("the request body did not arrive within {secs} s")]
    BodyTimeout {
        /// The limit in seconds.
        secs: f64,
    },
    /// The store failed; the detail goes to the log, not to the client.
    #[error("internal error")]
    Store(rasd_store::StoreError),
    /// Anything else that is our fault (a panicked worker, a poisoned lock).
    #[error("internal error")]
    Internal(String),
}

impl From<rasd_store::StoreError> for ApiError {
    fn from(e: rasd_store::StoreError) -> Self {
        match e {
            // A filter value the store rejects is the client's mistake, and says only what was given.
            rasd_store::StoreError::Invalid { .. } => ApiError::BadRequest(e.to_string()),
            rasd_store::StoreError::Interrupted => ApiError::Deadline { secs: 0.0 },
            other => ApiError::Store(other),
        }
    }
}

impl ApiError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound { .. } | ApiError::NoRoute => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::IngestDisabled => StatusCode::FORBIDDEN,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Deadline { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            ApiError::Store(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Store(e) => eprintln!("rasd serve: store error: {e}"),
            ApiError::Internal(e) => eprintln!("rasd serve: internal error: {e}"),
            _ => {}
        }
        let status = self.status();
        let mut resp = (
            status,
            Json(serde_json::json!({ "error": self.to_string() })),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        resp
    }
}
