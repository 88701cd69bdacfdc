//! One error type for every handler, rendered as `api::ApiError` JSON.
//!
//! Client mistakes are 4xx with a message that says what to fix. Server faults are
//! logged in full and answered with a generic 500 that leaks nothing.

use std::collections::BTreeMap;

use axum::body::{Body, Bytes};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
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
    /// A transient overload (no free database connection in time, a lock conflict the
    /// database gave up on): 503 with Retry-After, so a client retries instead of failing.
    #[error("{message}")]
    Unavailable {
        code: &'static str,
        message: String,
        retry_after_secs: u64,
    },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    /// A database fault. Built through `From<sqlx::Error>`, which first turns what is the
    /// client's doing (a duplicate natural key, a reference to nothing, text the database
    /// cannot store) and transient overload into their own 4xx/503 variants.
    #[error("database error: {0}")]
    Database(sqlx::Error),
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
            Denied::Scope => AppError::Coded {
                status: StatusCode::FORBIDDEN,
                code: "insufficient_scope",
                message: "This API token's scopes do not cover this request \
                          (see docs/contract.md, API tokens)."
                    .into(),
            },
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
            AppError::Unavailable {
                code,
                message,
                retry_after_secs,
            } => {
                retry_after = Some(retry_after_secs);
                (StatusCode::SERVICE_UNAVAILABLE, code, message)
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

/// Natural keys and what a duplicate of each means to a client: (PostgreSQL constraint
/// or index name, SQLite's "UNIQUE constraint failed: …" detail, field, message). The
/// unique indexes themselves are in the migrations (`0011_natural_keys.sql` adds the
/// case-insensitive ones); a key missing here still answers 409, without a field.
const UNIQUE_KEYS: &[(&str, &str, &str, &str)] = &[
    (
        "parts_number_key",
        "parts.number",
        "number",
        "a part with this number already exists",
    ),
    (
        "parts_number_lower",
        "index 'parts_number_lower'",
        "number",
        "a part with this number already exists (part numbers are compared without case)",
    ),
    (
        "suppliers_name_lower",
        "index 'suppliers_name_lower'",
        "name",
        "a supplier with this name already exists (names are compared without case)",
    ),
    (
        "users_email_key",
        "users.email",
        "email",
        "this e-mail address already has a Bidwell login",
    ),
    (
        "supplier_contacts_supplier_id_email_key",
        "supplier_contacts.supplier_id, supplier_contacts.email",
        "email",
        "this e-mail address is already a contact of this supplier",
    ),
    (
        "revisions_part_id_label_key",
        "revisions.part_id, revisions.label",
        "label",
        "this part already has a revision with this label",
    ),
    (
        "revisions_label_lower",
        "index 'revisions_label_lower'",
        "label",
        "this part already has a revision with this label (labels are compared without case)",
    ),
    (
        "rfqs_number_key",
        "rfqs.number",
        "number",
        "an RFQ with this number already exists",
    ),
    (
        "rfq_suppliers_pkey",
        "rfq_suppliers.rfq_id, rfq_suppliers.supplier_id",
        "supplier_id",
        "this supplier is already invited to this RFQ",
    ),
    (
        "rfq_lines_rfq_id_line_no_key",
        "rfq_lines.rfq_id, rfq_lines.line_no",
        "lines",
        "two lines of this RFQ have the same number; try again",
    ),
    (
        "quotes_rfq_id_supplier_id_version_key",
        "quotes.rfq_id, quotes.supplier_id, quotes.version",
        "version",
        "this quote version was stored by another request; reload and try again",
    ),
    (
        "fx_rates_pkey",
        "fx_rates.base, fx_rates.currency",
        "currency",
        "this exchange rate was changed by another request; try again",
    ),
    (
        "bom_lines_parent_revision_id_child_part_id_key",
        "bom_lines.parent_revision_id, bom_lines.child_part_id",
        "children",
        "this BOM was changed by another request; reload and try again",
    ),
    (
        "rfq_awards_rfq_line_id_key",
        "rfq_awards.rfq_line_id",
        "lines",
        "this line is already awarded",
    ),
    (
        "invitations_token_hash_key",
        "invitations.token_hash",
        "token",
        "this invitation token is already in use",
    ),
    (
        "sync_ops_pkey",
        "sync_ops.op_id",
        "op_id",
        "this op id is already recorded",
    ),
    (
        "visit_notes_pkey",
        "visit_notes.id",
        "note_id",
        "a visit note with this id already exists",
    ),
    (
        "visit_photos_pkey",
        "visit_photos.id",
        "photos",
        "a photo with this id already exists",
    ),
    (
        "mapping_memory_pkey",
        "mapping_memory.supplier_id",
        "supplier_id",
        "this mapping memory was saved by another request; try again",
    ),
];

/// The constraint a database error names: PostgreSQL's constraint name, or SQLite's
/// detail after "constraint failed: ".
fn constraint_of(d: &dyn sqlx::error::DatabaseError) -> Option<String> {
    if let Some(c) = d.constraint() {
        return Some(c.to_string());
    }
    d.message()
        .split_once("constraint failed: ")
        .map(|(_, detail)| detail.trim().to_string())
}

/// The column a PostgreSQL foreign-key or not-null error is about (from the constraint
/// name `<table>_<column>_fkey`, or the error's column), or SQLite's `table.column`.
fn column_of(d: &dyn sqlx::error::DatabaseError) -> Option<String> {
    if let Some(pg) = d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
        if let Some(c) = pg.column() {
            return Some(c.to_string());
        }
        if let (Some(c), Some(t)) = (pg.constraint(), pg.table()) {
            return c
                .strip_prefix(&format!("{t}_"))
                .and_then(|c| c.strip_suffix("_fkey"))
                .map(str::to_string);
        }
        return None;
    }
    constraint_of(d)
        .and_then(|detail| detail.rsplit_once('.').map(|(_, col)| col.to_string()))
        .filter(|col| !col.contains(' '))
}

/// SQLSTATEs that mean "try again": serialization failure, deadlock, lock not
/// available, statement timeout, too many connections.
const TRANSIENT: [&str; 5] = ["40001", "40P01", "55P03", "57014", "53300"];

/// PostgreSQL refusing a character: NUL (`22021`) or one without an equivalent in the
/// database encoding (`22P05`). Extraction rejects NUL with the field first; this is the
/// net under it, so no text ever becomes a 500.
const BAD_TEXT: [&str; 2] = ["22021", "22P05"];

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        use sqlx::error::ErrorKind;
        let busy = |what: &str| AppError::Unavailable {
            code: "busy",
            message: format!("The server is busy ({what}); try again in a moment."),
            retry_after_secs: 2,
        };
        let d = match &e {
            sqlx::Error::PoolTimedOut => {
                tracing::warn!("no database connection free within the acquire timeout");
                return busy("no database connection was free in time");
            }
            sqlx::Error::Database(d) => d,
            _ => return AppError::Database(e),
        };
        let code = d.code().map(|c| c.to_string()).unwrap_or_default();
        match d.kind() {
            ErrorKind::UniqueViolation => {
                let key = constraint_of(d.as_ref()).unwrap_or_default();
                let known = UNIQUE_KEYS
                    .iter()
                    .find(|(pg, lite, _, _)| key == *pg || key == *lite);
                match known {
                    Some((_, _, field, message)) => AppError::conflict_field(field, *message),
                    None => {
                        tracing::warn!(constraint = %key, "unique violation on a key without a field");
                        AppError::Conflict {
                            message: "This conflicts with a record that already exists.".into(),
                            fields: BTreeMap::new(),
                        }
                    }
                }
            }
            // SQLite does not say which reference; PostgreSQL does.
            ErrorKind::ForeignKeyViolation => match column_of(d.as_ref()) {
                Some(field) => {
                    let mut f = FieldErrors::new();
                    f.add(&field, "refers to a record that does not exist");
                    AppError::Validation(f)
                }
                None => AppError::Coded {
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                    code: "unknown_reference",
                    message: "The request refers to a record that does not exist.".into(),
                },
            },
            ErrorKind::NotNullViolation | ErrorKind::CheckViolation => {
                let mut f = FieldErrors::new();
                f.add(
                    &column_of(d.as_ref()).unwrap_or_else(|| "body".into()),
                    "this value is missing or not allowed",
                );
                AppError::Validation(f)
            }
            _ if BAD_TEXT.contains(&code.as_str()) => {
                let mut f = FieldErrors::new();
                f.add("text", NUL_MESSAGE);
                AppError::Validation(f)
            }
            _ if TRANSIENT.contains(&code.as_str()) => {
                tracing::warn!(code = %code, error = %d, "transient database refusal");
                busy("the database asked to retry")
            }
            _ => AppError::Database(e),
        }
    }
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

/// What a field holding NUL is told. NUL is refused in every text a client sends: SQLite
/// would store it and cut strings at it in C APIs, PostgreSQL refuses it (issue 10).
pub const NUL_MESSAGE: &str = "must not contain the NUL character (U+0000)";

fn nul_error(field: &str) -> AppError {
    let mut f = FieldErrors::new();
    f.add(field, NUL_MESSAGE);
    AppError::Validation(f)
}

/// Finds the path (`lines[0].notes`, the field-error style) of the first string or key
/// of a JSON document that holds NUL, reading the document as a stream: memory grows with
/// its nesting, never with its size (issue 10: a big body once became a
/// `serde_json::Value` many times its size).
struct NulPath(String);

impl NulPath {
    fn join(&self, key: &str) -> String {
        if self.0.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.0)
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for NulPath {
    type Value = Option<String>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for NulPath {
    type Value = Option<String>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.contains('\0').then(|| {
            if self.0.is_empty() {
                "body".to_string()
            } else {
                self.0
            }
        }))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        let mut i = 0usize;
        loop {
            let next = if found.is_none() {
                seq.next_element_seed(NulPath(format!("{}[{i}]", self.0)))?
                    .map(|f| found = f)
            } else {
                seq.next_element::<serde::de::IgnoredAny>()?.map(|_| ())
            };
            if next.is_none() {
                return Ok(found);
            }
            i += 1;
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if found.is_some() {
                map.next_value::<serde::de::IgnoredAny>()?;
            } else if key.contains('\0') {
                found = Some(self.join(&key.replace('\0', "\\u0000")));
                map.next_value::<serde::de::IgnoredAny>()?;
            } else {
                found = map.next_value_seed(NulPath(self.join(&key)))?;
            }
        }
        Ok(found)
    }
}

/// The field of a JSON body whose text holds NUL. JSON can carry NUL only escaped, so a
/// body without `\u0000` is passed without parsing twice.
pub fn json_body_nul_field(body: &[u8]) -> Option<String> {
    const ESCAPE: &[u8] = b"\\u0000";
    if !body.windows(ESCAPE.len()).any(|w| w == ESCAPE) {
        return None;
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    serde::de::DeserializeSeed::deserialize(NulPath(String::new()), &mut de)
        .ok()
        .flatten()
}

/// The first `(name, value)` pair whose name or value holds NUL.
fn nul_pair<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    pairs
        .into_iter()
        .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        .map(|(k, _)| k.replace('\0', "\\u0000"))
}

/// `axum::Json` whose rejections use the project's error shape, and which refuses NUL in
/// any string of the body with a 422 naming the field.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let (parts, body) = req.into_parts();
        // Read through `Bytes` so the route's body limit applies as before.
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|r| AppError::from(JsonRejection::from(r)))?;
        if let Some(field) = json_body_nul_field(&bytes) {
            return Err(nul_error(&field));
        }
        let req = Request::from_parts(parts, Body::from(bytes));
        let axum::Json(v) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Json(v))
    }
}

/// `axum::extract::Path` with the project's error shape; a parameter holding NUL (`%00`)
/// is a 422 naming it.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        if parts.uri.path().contains("%00") {
            if let Ok(raw) = RawPathParams::from_request_parts(parts, state).await {
                if let Some(field) = nul_pair(raw.iter()) {
                    return Err(nul_error(&field));
                }
            }
        }
        let axum::extract::Path(v) =
            axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(v))
    }
}

/// `axum::extract::Query` with the project's error shape; a parameter holding NUL
/// (`%00`) is a 422 naming it.
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        if parts.uri.query().is_some_and(|q| q.contains("%00")) {
            if let Ok(axum::extract::Query(pairs)) =
                axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            {
                if let Some(field) = nul_pair(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
                    return Err(nul_error(&field));
                }
            }
        }
        let axum::extract::Query(v) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(v))
    }
}
