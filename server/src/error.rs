//! One error type for every handler, rendered as `api::ApiError` JSON.
//!
//! Client mistakes are 4xx with a message that says what to fix. Server faults are
//! logged in full and answered with a generic 500 that leaks nothing.

use std::collections::BTreeMap;

use axum::body::Bytes;
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
        "parts_number_folded",
        "parts.number_key",
        "number",
        "a part with this number already exists (part numbers are compared without case)",
    ),
    (
        "revisions_label_folded",
        "revisions.part_id, revisions.label_key",
        "label",
        "this part already has a revision with this label (labels are compared without case)",
    ),
    (
        "suppliers_name_folded",
        "suppliers.name_key",
        "name",
        "a supplier with this name already exists (names are compared without case)",
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

/// What a field holding NUL is told ([`domain::validate::NUL_MESSAGE`]).
pub use domain::validate::NUL_MESSAGE;

fn nul_error(field: &str) -> AppError {
    let mut f = FieldErrors::new();
    f.add(field, NUL_MESSAGE);
    AppError::Validation(f)
}

/// Fields whose text is a secret, compared byte for byte and never shown: they are
/// neither checked by the text rule nor normalized (a password typed with a combining
/// accent must keep working).
const SECRET_KEYS: [&str; 2] = ["password", "new_password"];

/// What [`TextWalk`] found in a JSON document.
#[derive(Default)]
struct TextFindings {
    /// The path (`lines[0].notes`, the field-error style) and message of the first string
    /// or key [`domain::validate::text_problem`] refuses.
    problem: Option<(String, String)>,
    /// Some string (not a secret) is not in NFC.
    needs_nfc: bool,
}

/// Walks a JSON document as a stream, checking every string and key by the one text
/// rule (issue 10, L5): memory grows with its nesting, never with its size (issue 10: a
/// big body once became a `serde_json::Value` many times its size).
struct TextWalk<'f> {
    path: String,
    secret: bool,
    found: &'f mut TextFindings,
}

impl TextWalk<'_> {
    fn join(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    fn at(&mut self, path: String, secret: bool) -> TextWalk<'_> {
        TextWalk {
            path,
            secret,
            found: self.found,
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for TextWalk<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TextWalk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        if self.secret || self.found.problem.is_some() {
            return Ok(());
        }
        if let Some(m) = domain::validate::text_problem(v) {
            let path = if self.path.is_empty() {
                "body".to_string()
            } else {
                self.path
            };
            self.found.problem = Some((path, m));
        } else if !self.found.needs_nfc
            && matches!(domain::validate::nfc(v), std::borrow::Cow::Owned(_))
        {
            self.found.needs_nfc = true;
        }
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            let path = format!("{}[{i}]", self.path);
            let secret = self.secret;
            if seq.next_element_seed(self.at(path, secret))?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            // Keys are names, or map keys that are data of the app's own making (a mapping
            // memory's `supplier\u{1f}fingerprint`), not text shown to anyone: only NUL,
            // which no database stores, is refused in them.
            if self.found.problem.is_none() && key.contains('\0') {
                let shown = key.replace('\0', "\\u0000");
                self.found.problem = Some((self.join(&shown), NUL_MESSAGE.to_string()));
            }
            let path = self.join(&key);
            let secret = self.secret || SECRET_KEYS.contains(&key.as_ref());
            map.next_value_seed(self.at(path, secret))?;
        }
        Ok(())
    }
}

/// Checks every string of a JSON document by the text rule and, when some string is not
/// NFC, answers the document with every string (secrets aside) in NFC. A pure-ASCII
/// document without escapes can hold neither, so it is passed without parsing twice.
/// `prefix` goes before every field path (`payload` for a sync op).
pub fn checked_json_text<'b>(
    body: &'b [u8],
    prefix: &str,
) -> Result<std::borrow::Cow<'b, [u8]>, AppError> {
    let plain = body.is_ascii() && !body.windows(2).any(|w| w == b"\\u");
    if plain {
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    let mut found = TextFindings::default();
    let mut de = serde_json::Deserializer::from_slice(body);
    let walk = TextWalk {
        path: prefix.to_string(),
        secret: false,
        found: &mut found,
    };
    if serde::de::DeserializeSeed::deserialize(walk, &mut de).is_err() {
        // Not JSON: the type's own reading says what is wrong.
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    if let Some((field, message)) = found.problem {
        let mut f = FieldErrors::new();
        f.add(&field, message);
        return Err(AppError::Validation(f));
    }
    if !found.needs_nfc {
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    // Rare (text typed with combining marks): rebuilt once, within the body limit.
    let mut v: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| AppError::bad_request("malformed_json", e.to_string()))?;
    nfc_value(&mut v);
    serde_json::to_vec(&v)
        .map(std::borrow::Cow::Owned)
        .map_err(|e| AppError::Internal(e.into()))
}

fn nfc_value(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::String(s) => {
            if let std::borrow::Cow::Owned(n) = domain::validate::nfc(s) {
                *s = n;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(nfc_value),
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().cloned().collect();
            for k in keys {
                if SECRET_KEYS.contains(&k.as_str()) {
                    continue;
                }
                if let Some(x) = o.get_mut(&k) {
                    nfc_value(x);
                }
            }
        }
        _ => {}
    }
}

/// Reads checked JSON text into `T`. A field the type does not have is a 422 naming it
/// and where it is (`lines[0].colour`; issue 10, L3): nothing a client sends is dropped
/// silently. `prefix` goes before the path (`payload` for a sync op).
pub fn read_json<T: serde::de::DeserializeOwned>(body: &[u8], prefix: &str) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let v =
        serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| json_error(&e, prefix))?;
    de.end().map_err(|e| {
        AppError::bad_request(
            "malformed_json",
            format!("The request body is not valid JSON: {e}"),
        )
    })?;
    Ok(v)
}

/// A serde error at a path as the project's error: an unknown field is a 422 on that
/// field, anything else a 400 that says where.
fn json_error(e: &serde_path_to_error::Error<serde_json::Error>, prefix: &str) -> AppError {
    let inner = e.inner();
    let path = e.path().to_string();
    let at = |path: &str| match (prefix.is_empty(), path == "." || path.is_empty()) {
        (_, true) if prefix.is_empty() => "body".to_string(),
        (_, true) => prefix.to_string(),
        (true, false) => path.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    };
    // serde's own text, without "at line 1 column 80".
    let text = inner.to_string();
    let text = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(t, _)| t)
        .to_string();
    // An adjacently tagged enum (`{"kind": …, "amount": …}`) names a key it does not
    // have as an invalid value: the string is the path's last segment.
    let last = path.rsplit('.').next().unwrap_or_default();
    let unknown_key = text
        .strip_prefix(&format!("invalid value: string \"{last}\", expected "))
        .filter(|_| !last.is_empty() && !last.ends_with(']'))
        .map(|expected| format!("unknown field `{last}`, expected {expected}"));
    if inner.is_data() && (text.starts_with("unknown field") || unknown_key.is_some()) {
        let mut f = FieldErrors::new();
        f.add(
            &at(&path),
            format!(
                "{}; this field is not part of the request, remove it",
                unknown_key.unwrap_or(text)
            ),
        );
        return AppError::Validation(f);
    }
    match inner.classify() {
        serde_json::error::Category::Data => AppError::bad_request(
            "invalid_body",
            format!("The request body does not fit at {}: {text}", at(&path)),
        ),
        _ => AppError::bad_request(
            "malformed_json",
            format!("The request body is not valid JSON: {inner}"),
        ),
    }
}

/// The first `(name, value)` pair whose name or value holds NUL.
fn nul_pair<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    pairs
        .into_iter()
        .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        .map(|(k, _)| k.replace('\0', "\\u0000"))
}

/// `axum::Json` whose rejections use the project's error shape. Every string of the body
/// passes the one text rule (`domain::validate::text_problem`: NUL, control, bidi and
/// invisible characters are a 422 naming the field) and is stored in NFC; a field the
/// type does not have is a 422 naming it.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let bytes = json_bytes(req, state).await?;
        let text = checked_json_text(&bytes, "")?;
        Ok(Json(read_json(&text, "")?))
    }
}

/// A JSON body's bytes, unchecked: the content type is JSON and the route's body limit
/// holds. For `POST /api/sync`, which judges each op's text on its own.
pub struct JsonBytes(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        json_bytes(req, state).await.map(JsonBytes)
    }
}

async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, AppError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if let Err(message) = json_content_type(content_type) {
        return Err(AppError::UnsupportedMediaType(message));
    }
    // Read through `Bytes` so the route's body limit applies as before.
    Bytes::from_request(req, state)
        .await
        .map_err(|r| AppError::from(JsonRejection::from(r)))
}

/// Whether a request's `Content-Type` is JSON as the API takes it (issue 10, outside
/// probe L): exactly `application/json`, with at most a `charset` parameter naming UTF-8
/// (RFC 8259: JSON between systems is UTF-8). `application/evil+json`, `text/json`,
/// another charset or other parameters are refused with what to send; the media type and
/// parameter names are case-insensitive, as RFC 9110 says.
pub fn json_content_type(value: Option<&str>) -> Result<(), String> {
    const SEND: &str = "Send the body as JSON with the header Content-Type: application/json";
    let Some(value) = value else {
        return Err(format!("{SEND}."));
    };
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or_default().trim();
    if !media.eq_ignore_ascii_case("application/json") {
        let shown: String = media.chars().take(80).collect();
        return Err(format!(
            "{SEND} (optionally with charset=utf-8); '{shown}' is not accepted here."
        ));
    }
    for param in parts {
        let param = param.trim();
        if param.is_empty() {
            continue;
        }
        let (name, val) = param.split_once('=').unwrap_or((param, ""));
        let val = val.trim().trim_matches('"');
        if !(name.trim().eq_ignore_ascii_case("charset") && val.eq_ignore_ascii_case("utf-8")) {
            let shown: String = param.chars().take(80).collect();
            return Err(format!(
                "{SEND} (optionally with charset=utf-8); the parameter '{shown}' is not accepted."
            ));
        }
    }
    Ok(())
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

#[cfg(test)]
mod content_type_tests {
    use super::json_content_type;

    #[test]
    fn only_application_json_with_a_utf8_charset_is_json() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/json;charset=UTF-8",
            "application/json; charset=\"utf-8\"",
            "application/json;",
        ] {
            assert_eq!(json_content_type(Some(ok)), Ok(()), "{ok}");
        }
        for bad in [
            "application/evil+json",
            "application/vnd.api+json",
            "application/problem+json",
            "text/json",
            "application/jsonx",
            "application/json-seq",
            "application/x-json",
            "application/json; charset=latin1",
            "application/json; boundary=x",
            "application/json; charset=utf-8; x=y",
            "application/ json",
            "",
            "*/*",
        ] {
            let e = json_content_type(Some(bad)).expect_err(bad);
            assert!(e.contains("Content-Type: application/json"), "{bad}: {e}");
        }
        assert!(json_content_type(None).is_err());
    }
}
