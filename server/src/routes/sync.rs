//! Offline sync: the app's outbox replays through `POST /api/sync`; `GET /api/changes`
//! is the incremental pull; visit notes (with photos) are what a buyer captures at a
//! supplier visit.
//!
//! Exactly once: each op's id is inserted into `sync_ops` in the same transaction as the
//! change the op makes, together with its outcome. A replay of the same id (a retry after
//! a dropped response) finds the row and answers `duplicate` with the first outcome; two
//! concurrent replays are serialized by the writer lock (SQLite) or a transaction-scoped
//! advisory lock on the op id (PostgreSQL, `db::lock_op`).

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::Engine as _;
use domain::access::{authorize, Resource, Verb};
use domain::bytes::size_words;
use domain::validate::{self, FieldErrors};
use futures_util::FutureExt as _;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, lock_op, now_ms, WriteTx};
use crate::error::{AppError, AppResult, Path, Query};
use crate::store::quotes::{self, submit_in, Submission, Submitted};
use crate::store::rfqs;
use crate::AppState;

/// Most ops in one request.
pub const MAX_OPS: usize = api::SYNC_MAX_OPS;
/// Largest photo after decoding.
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;
/// Most photos on one visit note.
pub const MAX_PHOTOS: usize = 20;
const PHOTO_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/sync",
            post(sync).layer(DefaultBodyLimit::max(api::SYNC_MAX_BODY_BYTES)),
        )
        .route("/api/changes", get(changes))
        .route("/api/visit-notes", get(notes))
        .route("/api/visit-notes/{id}/photos/{photo_id}", get(photo))
}

/// An op's outcome before it is recorded.
enum Outcome {
    Applied(Value),
    Conflict(Value),
}

/// `api::SyncRequest` as the server reads it (issue 10: a 60 MB body parsed into
/// `serde_json::Value` took 2.1 GB): each op's payload stays its JSON text until its kind
/// says which type to read it into, and ops past [`MAX_OPS`] are counted, not kept, so
/// memory stays a small multiple of the body (itself at most `api::SYNC_MAX_BODY_BYTES`).
/// Nesting is bounded by serde_json's recursion limit when a payload is read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncBody {
    ops: Ops,
}

/// The first [`MAX_OPS`] ops, each as its JSON text, and how many were sent. Each op is
/// read on its own (issue 10, L6): one that does not fit is that op's rejection, never
/// the request's.
struct Ops {
    kept: Vec<Box<serde_json::value::RawValue>>,
    sent: usize,
}

impl<'de> Deserialize<'de> for Ops {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = Ops;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of ops")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Ops, A::Error> {
                let mut ops = Ops {
                    kept: Vec::new(),
                    sent: 0,
                };
                loop {
                    if ops.sent < MAX_OPS {
                        match seq.next_element::<Box<serde_json::value::RawValue>>()? {
                            Some(op) => ops.kept.push(op),
                            None => break,
                        }
                    } else if seq.next_element::<serde::de::IgnoredAny>()?.is_none() {
                        break;
                    }
                    ops.sent += 1;
                }
                Ok(ops)
            }
        }
        d.deserialize_seq(Seq)
    }
}

/// One op as read: `api::SyncOp` with the payload as raw JSON text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Op {
    op_id: String,
    kind: String,
    created_at: String,
    payload: Box<serde_json::value::RawValue>,
}

/// The sent quote of an op (`payload.quote`), for a conflict's `mine`.
fn sent_quote(op: &Op) -> Value {
    #[derive(Deserialize)]
    struct WithQuote {
        #[serde(default)]
        quote: Value,
    }
    serde_json::from_str::<WithQuote>(op.payload.get()).map_or(Value::Null, |w| w.quote)
}

/// An op's payload read into its type by the rules every request body follows (issue
/// 10): every string by the one text rule and in NFC, no field the type does not have;
/// fields are named under `payload.`.
fn payload<T: serde::de::DeserializeOwned>(op: &Op) -> AppResult<T> {
    let text = crate::error::checked_json_text(op.payload.get().as_bytes(), "payload")?;
    crate::error::read_json(&text, "payload").map_err(|e| match e {
        AppError::BadRequest { message, .. } => AppError::bad_request(
            "invalid_payload",
            message.replace("The request body", "The op's payload"),
        ),
        other => other,
    })
}

async fn apply(w: &mut WriteTx, st: &AppState, user: &CurrentUser, op: &Op) -> AppResult<Outcome> {
    let size = op.payload.get().len();
    if size > api::SYNC_MAX_OP_BYTES {
        return Err(AppError::Coded {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "op_too_large",
            message: format!(
                "This change is {}; one change may be at most {} (a visit note's \
                 photos together about 12 MiB). Remove photos and capture it again.",
                size_words(size),
                size_words(api::SYNC_MAX_OP_BYTES)
            ),
        });
    }
    if let Some(m) = validate::text_problem(&op.created_at) {
        let mut e = FieldErrors::new();
        e.add("created_at", m);
        return Err(e.into());
    }
    match op.kind.as_str() {
        "quote.submit" => {
            let p: api::QuoteSubmitOp = payload(op)?;
            let supplier = user
                .actor
                .supplier_id
                .clone()
                .ok_or_else(|| AppError::Forbidden("Only supplier users submit quotes; buyers use quote.enter_for_supplier.".into()))?;
            rfqs::readable_in(&mut w.tx, user, &p.rfq_id).await?;
            authorize(&user.actor, Verb::Write, Resource::Quote { supplier_id: &supplier })?;
            submitted(w, st, user, &Submission { rfq_id: &p.rfq_id, supplier_id: &supplier, base_version: Some(p.base_version.unwrap_or(0)), quote: &p.quote, entered_by_buyer: false }).await
        }
        "quote.enter_for_supplier" => {
            let p: api::EnterForSupplierOp = payload(op)?;
            let row = rfqs::readable_in(&mut w.tx, user, &p.rfq_id).await?;
            // Entering a quote for a supplier changes the RFQ's bids: the buyer's side's
            // writers only (an approver or a supplier: 403).
            authorize(&user.actor, Verb::Write, row.resource())?;
            if !row.invited.contains(&p.supplier_id) {
                return Err(AppError::not_found(format!("supplier {} on this RFQ", p.supplier_id)));
            }
            submitted(w, st, user, &Submission { rfq_id: &p.rfq_id, supplier_id: &p.supplier_id, base_version: Some(p.base_version.unwrap_or(0)), quote: &p.quote, entered_by_buyer: true }).await
        }
        "visit_note.create" => {
            let p: api::VisitNoteOp = payload(op)?;
            create_note(w, user, &p).await.map(|n| Outcome::Applied(json!(n)))
        }
        other => Err(AppError::bad_request(
            "unknown_op",
            format!("Unknown op kind {other:?}; use quote.submit, quote.enter_for_supplier or visit_note.create."),
        )),
    }
}

/// An offline edit that knew no version (`null`) conflicts with any version the server
/// has by now; so `base_version` is always checked here (`None` → 0). The server's side
/// of a conflict is shown as the sender may see it (`submit_in` applies the sealing
/// rule): a buyer never receives a sealed bid's prices this way.
async fn submitted(
    w: &mut WriteTx,
    st: &AppState,
    user: &CurrentUser,
    s: &Submission<'_>,
) -> AppResult<Outcome> {
    Ok(match submit_in(w, st, user, s).await? {
        Submitted::Receipt(r) => Outcome::Applied(json!(r)),
        Submitted::Conflict(server) => {
            Outcome::Conflict(json!({"server": server, "mine": s.quote}))
        }
    })
}

/// An outcome as `sync_ops` keeps it: a conflict without either quote body (the server's
/// version is named by its receipt; the sender's is in the op), so no bid's prices are
/// stored with the op. [`replayed`] puts them back, as the sealing rule allows then.
fn storable(result: &api::SyncResult) -> api::SyncResult {
    let mut kept = result.clone();
    if kept.status == "conflict" {
        if let Some(d) = kept.detail.as_mut().and_then(Value::as_object_mut) {
            d.insert("mine".into(), Value::Null);
            if let Some(server) = d.get_mut("server").and_then(Value::as_object_mut) {
                server.insert("quote".into(), Value::Null);
            }
        }
    }
    kept
}

/// The first outcome of a replayed op, as recorded by [`storable`], with a conflict's two
/// versions restored: the sender's own from the replayed op, the server's as the sealing
/// rule lets the sender see it now.
async fn replayed(
    st: &AppState,
    user: &CurrentUser,
    op: &Op,
    mut first: Value,
) -> AppResult<Value> {
    if first["status"] != "conflict" {
        return Ok(first);
    }
    let receipt = &first["detail"]["server"]["receipt"];
    let (Some(rfq_id), Some(supplier_id), Some(version)) = (
        receipt["rfq_id"].as_str(),
        receipt["supplier_id"].as_str(),
        receipt["version"].as_i64(),
    ) else {
        return Ok(first);
    };
    let server = quotes::version_as_seen(st, user, rfq_id, supplier_id, version).await?;
    if let Some(d) = first["detail"].as_object_mut() {
        d.insert("server".into(), json!(server));
        d.insert("mine".into(), sent_quote(op));
    }
    Ok(first)
}

async fn create_note(
    w: &mut WriteTx,
    user: &CurrentUser,
    p: &api::VisitNoteOp,
) -> AppResult<api::VisitNote> {
    authorize(&user.actor, Verb::Write, Resource::VisitNotes)?;
    let mut e = FieldErrors::new();
    validate::required(&mut e, "text", &p.text, 20_000);
    if chrono::DateTime::parse_from_rfc3339(&p.taken_at).is_err() {
        e.add("taken_at", "a time like 2026-11-23T10:15:00+01:00");
    }
    if uuid::Uuid::parse_str(&p.note_id).is_err() {
        e.add("note_id", "a UUID made on the device");
    }
    if p.photos.len() > MAX_PHOTOS {
        e.add("photos", format!("at most {MAX_PHOTOS} photos per note"));
    }
    let mut photos = Vec::with_capacity(p.photos.len());
    let mut photo_ids = std::collections::HashSet::new();
    for (i, ph) in p.photos.iter().enumerate() {
        if uuid::Uuid::parse_str(&ph.photo_id).is_err() {
            e.add(
                &format!("photos[{i}].photo_id"),
                "a UUID made on the device",
            );
        } else if !photo_ids.insert(ph.photo_id.as_str()) {
            e.add(
                &format!("photos[{i}].photo_id"),
                "this photo id is used twice in the note",
            );
        }
        if !PHOTO_TYPES.contains(&ph.content_type.as_str()) {
            e.add(
                &format!("photos[{i}].content_type"),
                "a JPEG, PNG or WebP image",
            );
        }
        match base64::engine::general_purpose::STANDARD.decode(ph.data_base64.as_bytes()) {
            Ok(bytes) if bytes.len() > MAX_PHOTO_BYTES => e.add(
                &format!("photos[{i}].data_base64"),
                "at most 2 MiB after resizing",
            ),
            Ok(bytes) => photos.push((ph, bytes)),
            Err(_) => e.add(&format!("photos[{i}].data_base64"), "not valid base64"),
        }
    }
    e.into_result()?;
    if sqlx::query("SELECT id FROM suppliers WHERE id = $1")
        .bind(&p.supplier_id)
        .fetch_optional(&mut *w.tx)
        .await?
        .is_none()
    {
        return Err(AppError::not_found(format!("supplier {}", p.supplier_id)));
    }
    // Every reference and id is checked here, so a reused or unknown one is a clear
    // rejection of this op (issue 10: it used to be a 500 the device retried forever).
    if let Some(rfq_id) = &p.rfq_id {
        if rfqs::readable_in(&mut w.tx, user, rfq_id).await.is_err() {
            let mut f = FieldErrors::new();
            f.add("rfq_id", format!("no RFQ {rfq_id}"));
            return Err(f.into());
        }
    }
    if let Some(existing) = sqlx::query(
        "SELECT supplier_id, rfq_id, text, taken_at, created_by FROM visit_notes WHERE id = $1",
    )
    .bind(&p.note_id)
    .fetch_optional(&mut *w.tx)
    .await?
    {
        // The same note sent again under a new op id (a device that lost its outbox
        // record): it is already there, nothing to add.
        let same = col::<String>(&existing, "supplier_id")? == p.supplier_id
            && col::<Option<String>>(&existing, "rfq_id")? == p.rfq_id
            && col::<String>(&existing, "text")? == p.text.trim()
            && col::<String>(&existing, "taken_at")? == p.taken_at
            && col::<String>(&existing, "created_by")? == user.id();
        if !same {
            return Err(AppError::Coded {
                status: StatusCode::CONFLICT,
                code: "note_id_taken",
                message:
                    "Another visit note already has this id; this note was not saved under it."
                        .into(),
            });
        }
        return note_by_id(&mut w.tx, &p.note_id).await;
    }
    let mut taken = FieldErrors::new();
    for (i, (ph, _)) in photos.iter().enumerate() {
        if sqlx::query("SELECT id FROM visit_photos WHERE id = $1")
            .bind(&ph.photo_id)
            .fetch_optional(&mut *w.tx)
            .await?
            .is_some()
        {
            taken.add(
                &format!("photos[{i}].photo_id"),
                "another photo already has this id",
            );
        }
    }
    taken.into_result()?;
    sqlx::query("INSERT INTO visit_notes (id, supplier_id, rfq_id, text, taken_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(&p.note_id)
        .bind(&p.supplier_id)
        .bind(&p.rfq_id)
        .bind(p.text.trim())
        .bind(&p.taken_at)
        .bind(user.id())
        .bind(now_ms())
        .execute(&mut *w.tx)
        .await?;
    for (ph, bytes) in &photos {
        sqlx::query(
            "INSERT INTO visit_photos (id, note_id, content_type, data) VALUES ($1, $2, $3, $4)",
        )
        .bind(&ph.photo_id)
        .bind(&p.note_id)
        .bind(&ph.content_type)
        .bind(bytes.clone())
        .execute(&mut *w.tx)
        .await?;
    }
    audit::append(
        w,
        Change {
            actor: user.id(),
            action: "visit_note.create",
            entity_type: "supplier",
            entity_id: &p.supplier_id,
            summary: json!({"note_id": p.note_id, "rfq_id": p.rfq_id, "photos": photos.len(), "taken_at": p.taken_at}),
        },
    )
    .await?;
    Ok(api::VisitNote {
        id: p.note_id.clone(),
        supplier_id: p.supplier_id.clone(),
        rfq_id: p.rfq_id.clone(),
        text: p.text.trim().to_string(),
        taken_at: p.taken_at.clone(),
        created_by: user.id().to_string(),
        photos: photos
            .iter()
            .map(|(ph, _)| api::PhotoRef {
                id: ph.photo_id.clone(),
                content_type: ph.content_type.clone(),
            })
            .collect(),
    })
}

/// A stored visit note with its photos (read in the op's transaction).
async fn note_by_id(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
) -> AppResult<api::VisitNote> {
    let r = sqlx::query("SELECT * FROM visit_notes WHERE id = $1")
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    let photos =
        sqlx::query("SELECT id, content_type FROM visit_photos WHERE note_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|p| {
                Ok(api::PhotoRef {
                    id: col(p, "id")?,
                    content_type: col(p, "content_type")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
    Ok(api::VisitNote {
        id: col(&r, "id")?,
        supplier_id: col(&r, "supplier_id")?,
        rfq_id: col(&r, "rfq_id")?,
        text: col(&r, "text")?,
        taken_at: col(&r, "taken_at")?,
        created_by: col(&r, "created_by")?,
        photos,
    })
}

async fn record(
    w: &mut WriteTx,
    user: &CurrentUser,
    op: &Op,
    result: &api::SyncResult,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sync_ops (op_id, user_id, kind, status, result, applied_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&op.op_id)
        .bind(user.id())
        .bind(&op.kind)
        .bind(&result.status)
        .bind(serde_json::to_string(result).unwrap_or_default())
        .bind(now_ms())
        .execute(&mut *w.tx)
        .await?;
    Ok(())
}

/// Replays one op (the `i`th of its request) exactly once.
async fn one(st: &AppState, user: &CurrentUser, i: usize, op: &Op) -> AppResult<api::SyncResult> {
    let mut w = st.db.write().await?;
    lock_op(&mut w, st.db.engine, &op.op_id).await?;
    let seen = sqlx::query("SELECT user_id, result FROM sync_ops WHERE op_id = $1")
        .bind(&op.op_id)
        .fetch_optional(&mut *w.tx)
        .await?;
    if let Some(row) = seen {
        let owner: String = col(&row, "user_id")?;
        if owner != user.id() {
            return Ok(api::SyncResult {
                op_id: op.op_id.clone(),
                status: "rejected".into(),
                code: Some("op_id_taken".into()),
                message: Some("This op id was used by another user; make a new one.".into()),
                detail: None,
            });
        }
        let first: String = col(&row, "result")?;
        drop(w);
        let detail = match serde_json::from_str::<Value>(&first) {
            Ok(v) => Some(replayed(st, user, op, v).await?),
            Err(_) => None,
        };
        return Ok(api::SyncResult {
            op_id: op.op_id.clone(),
            status: "duplicate".into(),
            code: None,
            message: Some("Already applied; this is the first outcome.".into()),
            detail,
        });
    }
    // A panic inside one op must not lose the batch: it is that op's failure alone.
    let applied = std::panic::AssertUnwindSafe(apply(&mut w, st, user, op))
        .catch_unwind()
        .await
        .unwrap_or_else(|panic| Err(crate::guard::panic_error(panic)));
    let result = match applied {
        Ok(Outcome::Applied(detail)) => api::SyncResult { op_id: op.op_id.clone(), status: "applied".into(), code: None, message: None, detail: Some(detail) },
        Ok(Outcome::Conflict(detail)) => api::SyncResult {
            op_id: op.op_id.clone(),
            status: "conflict".into(),
            code: Some("changed_on_server".into()),
            message: Some("The quote was changed on the server after you edited it offline. Compare both versions and choose.".into()),
            detail: Some(detail),
        },
        Err(e) => {
            let (status, body, retry_after) = e.parts();
            if status == StatusCode::SERVICE_UNAVAILABLE {
                // Transient (the database asked to retry, no connection was free): nothing
                // of this op is committed and the device sends it again later, with the
                // ops after it (issue 10).
                return Err(AppError::Unavailable {
                    code: "busy",
                    message: body.message,
                    retry_after_secs: retry_after.unwrap_or(2),
                });
            }
            // Anything else ends recorded (issue 10): a fault that would fail the same
            // way on every retry is this op's rejection, so the outbox moves on instead
            // of sending it forever and blocking every op behind it. (Logged in parts().)
            let body = if status.is_server_error() {
                api::ApiError {
                    code: "server_error".into(),
                    message: "The server could not apply this change (it has been logged); it was set aside so the rest can be sent. Keep your copy or discard it.".into(),
                    fields: Default::default(),
                }
            } else {
                body
            };
            // Undo whatever the op half-did, then record the rejection on its own.
            drop(w);
            w = st.db.write().await?;
            lock_op(&mut w, st.db.engine, &op.op_id).await?;
            let message = if body.code == "deadline_passed" {
                // Said in full: the person made the change in time on their device, but
                // the server's clock at arrival is what counts.
                let utc = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
                let made = chrono::DateTime::parse_from_rfc3339(&op.created_at)
                    .map(|t| utc(t.with_timezone(&chrono::Utc)))
                    .unwrap_or_else(|_| op.created_at.clone());
                format!(
                    "Not accepted: this change was made on your device at {made} but reached the server at {}, after the deadline (the server's clock decides). {}",
                    utc(crate::clock::now()),
                    body.message
                )
            } else if let Some((field, m)) = body.fields.iter().next() {
                // Named: which change, which field (issue 10, L6).
                let more = body.fields.len() - 1;
                format!(
                    "Change {} ({}) was not applied: {field}: {m}{}",
                    i + 1,
                    op.kind,
                    if more > 0 { format!(" (and {more} more)") } else { String::new() }
                )
            } else {
                body.message
            };
            api::SyncResult {
                op_id: op.op_id.clone(),
                status: "rejected".into(),
                code: Some(body.code),
                message: Some(message),
                detail: (!body.fields.is_empty()).then(|| json!({"fields": body.fields})),
            }
        }
    };
    record(&mut w, user, op, &storable(&result)).await?;
    w.commit().await?;
    if op.kind == "quote.enter_for_supplier" && result.status == "applied" {
        // The supplier's notice was queued with the quote; write it out now.
        crate::outbox::flush_logged(st).await;
    }
    Ok(result)
}

async fn sync(
    State(st): State<AppState>,
    user: CurrentUser,
    body: Result<crate::error::JsonBytes, AppError>,
) -> AppResult<axum::Json<api::SyncResponse>> {
    // The app's offline outbox; an integration's token has no business here.
    user.require_session()?;
    let too_large = || {
        AppError::PayloadTooLarge(format!(
            "A sync request may be at most {} (and {MAX_OPS} ops, each at most {}); send the ops in smaller batches.",
            size_words(api::SYNC_MAX_BODY_BYTES),
            size_words(api::SYNC_MAX_OP_BYTES)
        ))
    };
    let bytes = match body {
        Ok(crate::error::JsonBytes(b)) => b,
        Err(AppError::PayloadTooLarge(_)) => return Err(too_large()),
        Err(e) => return Err(e),
    };
    // Only the envelope here; each op's text is judged with the op.
    let req: SyncBody = crate::error::read_json(&bytes, "")?;
    if req.ops.sent > MAX_OPS {
        return Err(AppError::bad_request(
            "too_many_ops",
            format!(
                "Send at most {MAX_OPS} ops per request (got {}).",
                req.ops.sent
            ),
        ));
    }
    let mut results = Vec::with_capacity(req.ops.kept.len());
    for (i, raw) in req.ops.kept.iter().enumerate() {
        let result = match envelope(i, raw) {
            Ok(op) => one(&st, &user, i, &op).await?,
            Err(refused) => *refused,
        };
        results.push(result);
    }
    Ok(axum::Json(api::SyncResponse { results }))
}

/// One op's envelope (`op_id`, `kind`, `created_at`, `payload`), or its rejection. An op
/// without a usable id cannot be recorded (the id is what makes it exactly-once), so its
/// rejection is answered only: the app never sends one.
fn envelope(i: usize, raw: &serde_json::value::RawValue) -> Result<Op, Box<api::SyncResult>> {
    let refused = |op_id: String, field: String, message: String| {
        Box::new(api::SyncResult {
            op_id,
            status: "rejected".into(),
            code: Some("validation".into()),
            message: Some(format!(
                "Change {} was not applied: {field}: {message}",
                i + 1
            )),
            detail: Some(json!({"fields": {field: message}})),
        })
    };
    let op = match crate::error::read_json::<Op>(raw.get().as_bytes(), &format!("ops[{i}]")) {
        Ok(op) => op,
        Err(e) => {
            #[derive(Deserialize)]
            struct IdOnly {
                #[serde(default)]
                op_id: Option<String>,
            }
            let op_id = serde_json::from_str::<IdOnly>(raw.get())
                .ok()
                .and_then(|o| o.op_id)
                .unwrap_or_default();
            let (_, body, _) = e.parts();
            return Err(match body.fields.into_iter().next() {
                Some((field, message)) => refused(op_id, field, message),
                None => refused(
                    op_id,
                    format!("ops[{i}]"),
                    body.message.replace("The request body", "The change"),
                ),
            });
        }
    };
    if uuid::Uuid::parse_str(&op.op_id).is_err() {
        return Err(refused(
            op.op_id.clone(),
            format!("ops[{i}].op_id"),
            "a UUID made on the device".into(),
        ));
    }
    Ok(op)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct Since {
    /// The `cursor` of the previous answer; none for everything this reader may see. A
    /// number (a cursor from before issue 10, L1) starts again from the beginning.
    #[serde(default)]
    since: Option<String>,
}

/// Actions a supplier may learn about on RFQs it is invited to (what every bidder is
/// told); anything else there is another bidder's business.
const SHARED_RFQ_ACTIONS: [&str; 7] = [
    "rfq.open",
    "rfq.extend",
    "rfq.lines_edit",
    "clarification.answer",
    "rfq.cancel",
    "rfq.close",
    "rfq.award",
];

/// Changes-feed cursors (issue 10, L1). A cursor names the last event its reader was
/// shown, never how far the audit trail has grown: it moves only when something the
/// reader may see happens, so a sealed bidder polling the feed learns nothing of its
/// rivals' activity (the global sequence number it used to be counted every bid). It is
/// opaque: the event's sequence number enciphered for this reader (a 4-round Feistel
/// permutation over 64 bits keyed by the database's `changes_cursor` secret and the
/// reader's id) with an 8-byte tag, so it can be neither read, nor compared between
/// readers, nor forged to probe positions.
mod cursor {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};

    const PREFIX: &str = "c1.";

    fn round(key: &str, user: &str, i: u8, half: u32) -> u32 {
        let mut h = Sha256::new();
        h.update(key.as_bytes());
        h.update([0]);
        h.update(user.as_bytes());
        h.update([0, i]);
        h.update(half.to_le_bytes());
        let d = h.finalize();
        u32::from_le_bytes([d[0], d[1], d[2], d[3]])
    }

    fn tag(key: &str, user: &str, block: &[u8; 8]) -> [u8; 8] {
        let mut h = Sha256::new();
        h.update(b"tag\0");
        h.update(key.as_bytes());
        h.update([0]);
        h.update(user.as_bytes());
        h.update([0]);
        h.update(block);
        let d = h.finalize();
        let mut t = [0u8; 8];
        t.copy_from_slice(&d[..8]);
        t
    }

    /// The cursor of event `seq` for `user`.
    pub fn seal(key: &str, user: &str, seq: i64) -> String {
        let v = seq.to_le_bytes();
        let (mut l, mut r) = (
            u32::from_le_bytes([v[0], v[1], v[2], v[3]]),
            u32::from_le_bytes([v[4], v[5], v[6], v[7]]),
        );
        for i in 0..4 {
            (l, r) = (r, l ^ round(key, user, i, r));
        }
        let mut block = [0u8; 8];
        block[..4].copy_from_slice(&l.to_le_bytes());
        block[4..].copy_from_slice(&r.to_le_bytes());
        let mut out = block.to_vec();
        out.extend_from_slice(&tag(key, user, &block));
        format!(
            "{PREFIX}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out)
        )
    }

    /// The event `cursor` names for `user`; `None` when it is not a cursor this server
    /// gave `user`.
    pub fn open(key: &str, user: &str, cursor: &str) -> Option<i64> {
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(cursor.strip_prefix(PREFIX)?)
            .ok()?;
        let (block, t) = raw.split_at_checked(8)?;
        let block: [u8; 8] = block.try_into().ok()?;
        if t != tag(key, user, &block) {
            return None;
        }
        let (mut l, mut r) = (
            u32::from_le_bytes([block[0], block[1], block[2], block[3]]),
            u32::from_le_bytes([block[4], block[5], block[6], block[7]]),
        );
        for i in (0..4).rev() {
            (l, r) = (r ^ round(key, user, i, l), l);
        }
        let mut v = [0u8; 8];
        v[..4].copy_from_slice(&l.to_le_bytes());
        v[4..].copy_from_slice(&r.to_le_bytes());
        Some(i64::from_le_bytes(v)).filter(|s| *s >= 0)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_cursor_opens_only_for_its_reader_and_key() {
            for seq in [0, 1, 2, 41, 1 << 40, i64::MAX] {
                let c = super::seal("k", "u1", seq);
                assert_eq!(super::open("k", "u1", &c), Some(seq));
                assert_eq!(super::open("k", "u2", &c), None);
                assert_eq!(super::open("other", "u1", &c), None);
            }
            // Neighbouring positions share nothing visible.
            let (a, b) = (super::seal("k", "u1", 41), super::seal("k", "u1", 42));
            assert_ne!(a[3..9], b[3..9]);
            for bad in [
                "",
                "41",
                "c1.",
                "c1.AAAA",
                "c1.!!!",
                "x1.AAAAAAAAAAAAAAAAAAAAAA",
            ] {
                assert_eq!(super::open("k", "u1", bad), None, "{bad}");
            }
        }
    }
}

/// The secret the changes-feed cursors are keyed with (made at start, `db::Db::migrate`).
async fn cursor_key(st: &AppState) -> AppResult<String> {
    sqlx::query("SELECT value FROM server_secrets WHERE name = 'changes_cursor'")
        .fetch_optional(&st.db.pool)
        .await?
        .map(|r| col::<String>(&r, "value"))
        .transpose()?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the changes_cursor secret is missing")))
}

/// `GET /api/changes?since=CURSOR`: what changed since the reader's cursor, among what
/// the reader may see. The audit trail is read only where this reader has a share (its
/// own supplier record, the RFQs it is invited to; everything but sign-ins for the
/// buyer's side), and the cursor is the last event shown.
async fn changes(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(q): Query<Since>,
) -> AppResult<axum::Json<api::Changes>> {
    user.require_session()?;
    const PAGE: usize = 1000;
    let key = cursor_key(&st).await?;
    let since = match q.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => 0,
        // A cursor from before opaque cursors: the global sequence number it carries is
        // not honoured (it would let a reader probe positions); the reader starts again
        // and gets everything it may see, then an opaque cursor.
        Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => 0,
        Some(c) => cursor::open(&key, user.id(), c).ok_or_else(|| {
            AppError::bad_request(
                "bad_cursor",
                "This changes cursor was not given to you by this server (or it has been reset); ask again without `since` to start over.",
            )
        })?,
    };
    let supplier = user.actor.supplier_id.clone();
    let shared = SHARED_RFQ_ACTIONS
        .iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = match &supplier {
        None => "SELECT seq, action, entity_type, entity_id, summary FROM audit_events \
                 WHERE seq > $1 AND action NOT LIKE 'auth.%' ORDER BY seq LIMIT $2"
            .to_string(),
        Some(_) => format!(
            "SELECT seq, action, entity_type, entity_id, summary FROM audit_events \
             WHERE seq > $1 AND ( \
               (entity_type = 'supplier' AND entity_id = $3 AND action NOT LIKE 'visit_note%') \
               OR (entity_type = 'rfq' \
                   AND entity_id IN (SELECT x.rfq_id FROM rfq_suppliers x JOIN rfqs r ON r.id = x.rfq_id \
                                     WHERE x.supplier_id = $3 AND r.status <> 'draft') \
                   AND (action IN ({shared}) OR summary LIKE $4 ESCAPE '\\'))) \
             ORDER BY seq LIMIT $2"
        ),
    };
    let about_me = supplier.as_deref().map(|s| {
        let esc: String = s
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        format!("%\"supplier_id\":\"{esc}\"%")
    });
    let mut shown: Option<i64> = None;
    let mut from = since;
    let mut more = false;
    let mut out: Vec<api::ChangeRef> = Vec::new();
    let mut taken = 0usize;
    'pages: loop {
        let mut query = sqlx::query(&sql).bind(from).bind(PAGE as i64);
        if let (Some(s), Some(like)) = (&supplier, &about_me) {
            query = query.bind(s).bind(like);
        }
        let rows = query.fetch_all(&st.db.pool).await?;
        for r in &rows {
            let seq: i64 = col(r, "seq")?;
            from = seq;
            let action: String = col(r, "action")?;
            let entity_type: String = col(r, "entity_type")?;
            let entity_id: String = col(r, "entity_id")?;
            if let Some(own) = &supplier {
                // The query is a superset where a summary merely mentions the supplier;
                // this is the rule.
                if entity_type == "rfq" && !SHARED_RFQ_ACTIONS.contains(&action.as_str()) {
                    let summary: Value =
                        serde_json::from_str(&col::<String>(r, "summary")?).unwrap_or(Value::Null);
                    if summary["supplier_id"].as_str() != Some(own.as_str()) {
                        continue;
                    }
                }
            }
            shown = Some(seq);
            taken += 1;
            // One entry per entity: the client refetches it once.
            out.retain(|c| !(c.entity_type == entity_type && c.entity_id == entity_id));
            out.push(api::ChangeRef {
                entity_type,
                entity_id,
                action,
            });
            if taken == PAGE {
                more = true;
                break 'pages;
            }
        }
        if rows.len() < PAGE {
            break;
        }
    }
    let cursor = match shown {
        Some(seq) => cursor::seal(&key, user.id(), seq),
        // Nothing new for this reader: the same position as before, as the same text.
        None => cursor::seal(&key, user.id(), since),
    };
    Ok(axum::Json(api::Changes {
        cursor,
        more,
        changes: out,
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoteQuery {
    #[serde(default)]
    supplier_id: Option<String>,
    /// Notes in this page: 1 to 1000 (default 500); see `X-Total-Count` and `Link`.
    #[serde(default)]
    limit: Option<i64>,
    /// Notes to skip (default 0).
    #[serde(default)]
    offset: Option<i64>,
}

async fn notes(
    State(st): State<AppState>,
    user: CurrentUser,
    uri: axum::http::Uri,
    Query(q): Query<NoteQuery>,
) -> AppResult<Response> {
    authorize(&user.actor, Verb::Read, Resource::VisitNotes)?;
    // One page, newest first, with `X-Total-Count` and a `Link` to the next (issue 10,
    // L7: all notes stopped at 1000 without a word).
    let page = crate::page::Page::new(q.limit, q.offset)?;
    const WHERE: &str = "($1 = '' OR supplier_id = $1)";
    let supplier = q.supplier_id.as_deref().unwrap_or("");
    let total: i64 = col(
        &sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM visit_notes WHERE {WHERE}"
        ))
        .bind(supplier)
        .fetch_one(&st.db.pool)
        .await?,
        "n",
    )?;
    let rows = sqlx::query(&format!(
        "SELECT * FROM visit_notes WHERE {WHERE} ORDER BY taken_at DESC, id LIMIT $2 OFFSET $3"
    ))
    .bind(supplier)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: String = col(r, "id")?;
        let photos =
            sqlx::query("SELECT id, content_type FROM visit_photos WHERE note_id = $1 ORDER BY id")
                .bind(&id)
                .fetch_all(&st.db.pool)
                .await?
                .iter()
                .map(|p| {
                    Ok(api::PhotoRef {
                        id: col(p, "id")?,
                        content_type: col(p, "content_type")?,
                    })
                })
                .collect::<Result<_, sqlx::Error>>()?;
        out.push(api::VisitNote {
            id,
            supplier_id: col(r, "supplier_id")?,
            rfq_id: col(r, "rfq_id")?,
            text: col(r, "text")?,
            taken_at: col(r, "taken_at")?,
            created_by: col(r, "created_by")?,
            photos,
        });
    }
    Ok(page.answer(&uri, total, out))
}

async fn photo(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, photo_id)): Path<(String, String)>,
) -> AppResult<Response> {
    authorize(&user.actor, Verb::Read, Resource::VisitNotes)?;
    let r =
        sqlx::query("SELECT content_type, data FROM visit_photos WHERE id = $1 AND note_id = $2")
            .bind(&photo_id)
            .bind(&id)
            .fetch_optional(&st.db.pool)
            .await?
            .ok_or_else(|| AppError::not_found(format!("photo {photo_id}")))?;
    let content_type: String = col(&r, "content_type")?;
    let data: Vec<u8> = col(&r, "data")?;
    let mut res = (StatusCode::OK, data).into_response();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    Ok(res)
}
