//! One error type for every handler, rendered as `api::ApiError` JSON.
//!
//! Client mistakes are 4xx with a message that says what to fix. Server faults are
//! logged in full and answered with a generic 500 that leaks nothing.

use std::collections::BTreeMap;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::access::Denied;
use domain::validate::FieldErrors;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("some fields need attention")]
    Validation(FieldErrors),
    #[error("sign in first")]
    Unauthenticated,
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("{0}")]
    Forbidden(String),
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error("{0} not found")]
    NotFound(String),
    #[error("{message}")]
    Conflict {
        message: String,
        fields: BTreeMap<String, String>,
    },
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    /// Any other status with a specific code.
    #[error("{message}")]
    Coded {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
    #[error("{message}")]
    TooManyRequests {
        code: &'static str,
        message: String,
        retry_after_secs: u64,
    },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

/// Handler result.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        AppError::BadRequest {
            code,
            message: message.into(),
        }
    }
    pub fn conflict_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        AppError::Conflict {
            fields: BTreeMap::from([(field.to_string(), message.clone())]),
            message,
        }
    }
    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound(what.into())
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Validation(e)
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        match d {
            Denied::Forbidden => AppError::Forbidden("Your role may not do this.".into()),
            Denied::NotFound => AppError::NotFound("that record".into()),
        }
    }
}

impl AppError {
    /// Status, error body and Retry-After seconds; server faults are logged here.
    pub fn parts(self) -> (StatusCode, api::ApiError, Option<u64>) {
        let mut fields = BTreeMap::new();
        let mut retry_after = None;
        let (status, code, message) = match self {
            AppError::BadRequest { code, message } => (StatusCode::BAD_REQUEST, code, message),
            AppError::Validation(f) => {
                let n = f.0.len();
                fields = f.0;
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation",
                    format!(
                        "{n} field{} need{} attention.",
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "s" } else { "" }
                    ),
                )
            }
            AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Sign in to continue.".to_string(),
            ),
            AppError::InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "Email or password is wrong.".to_string(),
            ),
            AppError::Forbidden(m) => (StatusCode::FORBIDDEN, "forbidden", m),
            AppError::Csrf => (
                StatusCode::FORBIDDEN,
                "csrf",
                "This request lacks a valid CSRF token; reload the page and try again.".to_string(),
            ),
            AppError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                "not_found",
                format!("We could not find {what}."),
            ),
            AppError::Conflict { message, fields: f } => {
                fields = f;
                (StatusCode::CONFLICT, "conflict", message)
            }
            AppError::Gone { code, message } => (StatusCode::GONE, code, message),
            AppError::Coded {
                status,
                code,
                message,
            } => (status, code, message),
            AppError::TooManyRequests {
                code,
                message,
                retry_after_secs,
            } => {
                retry_after = Some(retry_after_secs);
                (StatusCode::TOO_MANY_REQUESTS, code, message)
            }
            AppError::UnsupportedMediaType(m) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                m,
            ),
            AppError::PayloadTooLarge(m) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", m),
            AppError::Database(e) => {
                tracing::error!(error = %e, "database error");
                internal()
            }
            AppError::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                internal()
            }
        };
        let body = api::ApiError {
            code: code.to_string(),
            message,
            fields,
        };
        (status, body, retry_after)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body, retry_after) = self.parts();
        let mut res = (status, axum::Json(body)).into_response();
        if let Some(secs) = retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

fn internal() -> (StatusCode, &'static str, String) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "Something went wrong on our side. It has been logged; please try again.".to_string(),
    )
}

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(e) => AppError::bad_request(
                "invalid_body",
                format!("The request body does not fit: {}", e.body_text()),
            ),
            JsonRejection::JsonSyntaxError(e) => AppError::bad_request(
                "malformed_json",
                format!("The request body is not valid JSON: {}", e.body_text()),
            ),
            JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType(
                "Send the body as JSON with the header Content-Type: application/json.".into(),
            ),
            JsonRejection::BytesRejection(e) => {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::PayloadTooLarge("The request body is too large.".into())
                } else {
                    AppError::bad_request("bad_body", e.body_text())
                }
            }
            other => AppError::bad_request("bad_body", other.body_text()),
        }
    }
}

impl From<PathRejection> for AppError {
    fn from(r: PathRejection) -> Self {
        AppError::bad_request("bad_path", format!("Bad path parameter: {}", r.body_text()))
    }
}

impl From<QueryRejection> for AppError {
    fn from(r: QueryRejection) -> Self {
        AppError::bad_request("bad_query", format!("Bad query string: {}", r.body_text()))
    }
}

/// `axum::Json` whose rejections use the project's error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

/// `axum::extract::Path` with the project's error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct Path<T>(pub T);

/// `axum::extract::Query` with the project's error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct Query<T>(pub T);
