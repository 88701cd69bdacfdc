//! Attachments: drawings on part revisions, files on RFQ lines, a supplier's original
//! quote document. The body of `POST /api/files?…` is the file itself.
//!
//! Who may read a file follows what it is attached to: a supplier reads a revision's
//! drawing only through an RFQ it is invited to, an RFQ line's file only on such an RFQ,
//! and only its own quote files; buyers read quote files only where the sealing rule
//! (`domain::rfq::may_see_bid`) lets them see the bid (an original quote document is full
//! of prices), and downloading one after bidding ended opens the bids.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::bytes::size_words;
use domain::rfq as lifecycle;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Path, Query};
use crate::store::{quotes, rfqs};
use crate::AppState;

/// Largest attachment.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// Storage quotas on quote documents and a per-user upload rate (issue 10, M3): a
/// supplier could store 60 × 2 MiB in under two seconds, and without end. Set by
/// `bidwell serve` (`--quote-quota-mib`, `--supplier-quota-mib`, `--upload-rate`,
/// `--upload-rate-mib`); see `docs/contract.md`, "Upload quotas".
#[derive(Debug, Clone)]
pub struct UploadQuota {
    /// Bytes of documents one supplier may keep with its quote on one RFQ.
    pub quote_bytes: i64,
    /// Bytes of quote documents one supplier company may keep over all RFQs.
    pub supplier_bytes: i64,
    /// Files one user may upload (any kind) within `rate_window_ms`.
    pub rate_uploads: usize,
    /// Bytes one user may upload within `rate_window_ms`.
    pub rate_bytes: i64,
    pub rate_window_ms: i64,
}

impl Default for UploadQuota {
    fn default() -> Self {
        UploadQuota {
            quote_bytes: 100 * MIB,
            supplier_bytes: 1024 * MIB,
            rate_uploads: 60,
            rate_bytes: 250 * MIB,
            rate_window_ms: 10 * 60 * 1000,
        }
    }
}

const MIB: i64 = 1024 * 1024;

/// Each user's uploads within the rate window: (time, bytes), oldest first.
type Recent = std::collections::HashMap<String, std::collections::VecDeque<(i64, i64)>>;

/// The uploads of each user within the rate window, in this server process.
#[derive(Debug, Clone, Default)]
pub struct UploadLog(std::sync::Arc<std::sync::Mutex<Recent>>);

/// An upload counted against its user's rate; given back unless [`Reserved::keep`] is
/// called (the upload was refused or failed).
pub struct Reserved {
    log: UploadLog,
    user: String,
    entry: (i64, i64),
    kept: bool,
}

impl Reserved {
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        if self.kept {
            return;
        }
        let mut log = self.log.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(q) = log.get_mut(&self.user) {
            if let Some(i) = q.iter().position(|e| *e == self.entry) {
                q.remove(i);
            }
        }
    }
}

impl UploadLog {
    /// Counts an upload of `bytes` by `user` at `now`, or refuses it (429 `upload_rate`,
    /// with the wait) when the user's files or bytes in the window would pass the rate.
    pub fn reserve(
        &self,
        quota: &UploadQuota,
        user: &str,
        bytes: i64,
        now: i64,
    ) -> AppResult<Reserved> {
        let mut log = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // Forget whoever has nothing left in the window (bounded by active users).
        log.retain(|_, q| {
            q.back()
                .is_some_and(|(at, _)| *at > now - quota.rate_window_ms)
        });
        let q = log.entry(user.to_string()).or_default();
        while q
            .front()
            .is_some_and(|(at, _)| *at <= now - quota.rate_window_ms)
        {
            q.pop_front();
        }
        let used: i64 = q.iter().map(|(_, b)| b).sum();
        let over_count = q.len() >= quota.rate_uploads;
        let over_bytes = used.saturating_add(bytes) > quota.rate_bytes;
        if over_count || over_bytes {
            // The wait: until enough of the oldest uploads leave the window.
            let mut freed = 0i64;
            let mut wait_until = now;
            for (i, (at, b)) in q.iter().enumerate() {
                freed += b;
                wait_until = at + quota.rate_window_ms;
                let count_ok = q.len() - (i + 1) < quota.rate_uploads;
                let bytes_ok = used - freed + bytes <= quota.rate_bytes;
                if count_ok && bytes_ok {
                    break;
                }
            }
            let wait_ms = (wait_until - now).max(1000);
            let minutes = (wait_ms + 59_999) / 60_000;
            let window = quota.rate_window_ms / 60_000;
            let what = if over_count {
                format!(
                    "{} files in the last {window} minutes, the most one person may upload in that time ({} files or {})",
                    q.len(),
                    quota.rate_uploads,
                    size_words(quota.rate_bytes)
                )
            } else {
                format!(
                    "{} in the last {window} minutes; this file ({}) would pass the most one person may upload in that time ({} files or {})",
                    size_words(used),
                    size_words(bytes),
                    quota.rate_uploads,
                    size_words(quota.rate_bytes)
                )
            };
            return Err(AppError::TooManyRequests {
                code: "upload_rate",
                message: format!(
                    "You uploaded {what}. Try again in {minutes} minute{}.",
                    if minutes == 1 { "" } else { "s" }
                ),
                retry_after_secs: u64::try_from((wait_ms + 999) / 1000).unwrap_or(1),
            });
        }
        q.push_back((now, bytes));
        Ok(Reserved {
            log: self.clone(),
            user: user.to_string(),
            entry: (now, bytes),
            kept: false,
        })
    }
}

/// Refuses (413 `quota_exceeded`) a quote document that would take the supplier's
/// documents on this RFQ, or on all RFQs, past its quota; naming the quota, what is used
/// and the file. Runs in the upload's write transaction (on PostgreSQL under a lock per
/// supplier), so concurrent uploads cannot pass it together.
async fn check_quota(
    st: &AppState,
    conn: &mut sqlx::AnyConnection,
    rfq_id: &str,
    supplier_id: &str,
    bytes: i64,
) -> AppResult<()> {
    let quota = &st.config.uploads;
    if st.db.engine == crate::db::Engine::Postgres {
        sqlx::query(
            "SELECT COUNT(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l",
        )
        .bind(format!("quote-files:{supplier_id}"))
        .execute(&mut *conn)
        .await?;
    }
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(size), 0) AS BIGINT) AS used FROM files \
         WHERE owner_kind = 'quote' AND owner_id = $1 AND supplier_id = $2",
    )
    .bind(rfq_id)
    .bind(supplier_id)
    .fetch_one(&mut *conn)
    .await?;
    let (n, used): (i64, i64) = (col(&row, "n")?, col(&row, "used")?);
    if used.saturating_add(bytes) > quota.quote_bytes {
        return Err(AppError::Coded {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "quota_exceeded",
            message: format!(
                "This file ({}) does not fit the quota of {} of documents per quote: your \
                 quote on this RFQ keeps {n} files of {} already. Delete a document you no \
                 longer need, or send fewer pages.",
                size_words(bytes),
                size_words(quota.quote_bytes),
                size_words(used)
            ),
        });
    }
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(size), 0) AS BIGINT) AS used FROM files \
         WHERE owner_kind = 'quote' AND supplier_id = $1",
    )
    .bind(supplier_id)
    .fetch_one(&mut *conn)
    .await?;
    let (n, used): (i64, i64) = (col(&row, "n")?, col(&row, "used")?);
    if used.saturating_add(bytes) > quota.supplier_bytes {
        return Err(AppError::Coded {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "quota_exceeded",
            message: format!(
                "This file ({}) does not fit the quota of {} of quote documents per supplier \
                 company: your company keeps {n} files of {} over all RFQs already. Delete \
                 documents of quotes you no longer need, or ask the buyer to raise the quota.",
                size_words(bytes),
                size_words(quota.supplier_bytes),
                size_words(used)
            ),
        });
    }
    Ok(())
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/files",
            post(upload)
                .get(list)
                .layer(DefaultBodyLimit::max(MAX_FILE_BYTES)),
        )
        .route("/api/files/{id}", get(download).delete(remove))
        .route("/api/rfqs/{id}/files", get(rfq_files))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct Owner {
    owner_kind: String,
    owner_id: String,
    #[serde(default)]
    name: Option<String>,
}

/// What a file hangs on, resolved for access checks.
enum Target {
    Revision {
        revision_id: String,
    },
    RfqLine {
        rfq: rfqs::RfqRow,
    },
    Quote {
        rfq: rfqs::RfqRow,
        supplier_id: String,
    },
}

/// RFQs (not drafts) that ask for `revision_id` and invite `supplier`.
async fn revision_on_invited_rfq(
    st: &AppState,
    revision_id: &str,
    supplier: &str,
) -> AppResult<bool> {
    let hit = sqlx::query(
        "SELECT 1 AS x FROM rfq_lines l JOIN rfqs r ON r.id = l.rfq_id JOIN rfq_suppliers s ON s.rfq_id = r.id \
         WHERE l.revision_id = $1 AND s.supplier_id = $2 AND r.status <> 'draft' LIMIT 1",
    )
    .bind(revision_id)
    .bind(supplier)
    .fetch_optional(&st.db.pool)
    .await?;
    Ok(hit.is_some())
}

async fn rfq_of_line(st: &AppState, line_id: &str) -> AppResult<String> {
    let r = sqlx::query("SELECT rfq_id FROM rfq_lines WHERE id = $1")
        .bind(line_id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("RFQ line {line_id}")))?;
    Ok(col(&r, "rfq_id")?)
}

/// Resolves the owner and checks that `user` may `verb` its files.
async fn target(
    st: &AppState,
    user: &CurrentUser,
    kind: &str,
    owner_id: &str,
    supplier_of_file: Option<&str>,
    verb: Verb,
) -> AppResult<Target> {
    match kind {
        "revision" => {
            if sqlx::query("SELECT id FROM revisions WHERE id = $1")
                .bind(owner_id)
                .fetch_optional(&st.db.pool)
                .await?
                .is_none()
            {
                return Err(AppError::not_found(format!("revision {owner_id}")));
            }
            if let Err(denied) = authorize(&user.actor, verb, Resource::Parts) {
                // A supplier reads a revision's drawings only through an RFQ it is invited
                // to (never a draft), and sees nothing else of the catalogue.
                let Some(supplier) = user.actor.supplier_id.as_deref() else {
                    return Err(denied.into());
                };
                if verb == Verb::Write || !revision_on_invited_rfq(st, owner_id, supplier).await? {
                    return Err(AppError::not_found(format!("revision {owner_id}")));
                }
            }
            Ok(Target::Revision {
                revision_id: owner_id.to_string(),
            })
        }
        "rfq_line" => {
            let rfq_id = rfq_of_line(st, owner_id).await?;
            let rfq = rfqs::readable(&st.db.pool, user, &rfq_id).await?;
            authorize(&user.actor, verb, rfq.resource())?;
            if verb == Verb::Write {
                // The files suppliers quote against stay as they were once bidding closed.
                rfqs::may(&rfq, lifecycle::Action::AttachFiles, now_ms())?;
            }
            Ok(Target::RfqLine { rfq })
        }
        "quote" => {
            let rfq = rfqs::readable(&st.db.pool, user, owner_id).await?;
            let supplier = match (&user.actor.supplier_id, supplier_of_file) {
                (Some(own), _) => own.clone(),
                (None, Some(s)) => s.to_string(),
                (None, None) => {
                    return Err(AppError::Forbidden(
                        "Only the supplier attaches files to its quote.".into(),
                    ))
                }
            };
            authorize(
                &user.actor,
                verb,
                Resource::Quote {
                    supplier_id: &supplier,
                },
            )?;
            if verb == Verb::Read {
                // The sealing rule: a quote document is full of prices.
                quotes::may_see(user, &rfq, &supplier, now_ms()).map_err(|e| {
                    quotes::sealed_error(e, &rfq, &format!("quote files of {owner_id}"))
                })?;
            }
            if verb == Verb::Write {
                lifecycle::may_quote(rfq.status, rfq.deadline, now_ms())
                    .map_err(crate::store::quotes::refused)?;
            }
            Ok(Target::Quote {
                rfq,
                supplier_id: supplier,
            })
        }
        other => Err(AppError::bad_request(
            "bad_query",
            format!("owner_kind must be revision, rfq_line or quote (got {other:?})"),
        )),
    }
}

/// `GET /api/rfqs/{id}/files`: what a reader of the RFQ needs beside its lines — each
/// line's revision drawings and the files attached to the line itself. Anyone who may
/// read the RFQ may read these (suppliers: only RFQs they are invited to, never drafts).
async fn rfq_files(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<Vec<api::RfqFile>>> {
    rfqs::readable(&st.db.pool, &user, &id).await?;
    let mut out = Vec::new();
    for (kind, join) in [
        (
            "drawing",
            "f.owner_kind = 'revision' AND f.owner_id = l.revision_id",
        ),
        ("line", "f.owner_kind = 'rfq_line' AND f.owner_id = l.id"),
    ] {
        let rows = sqlx::query(&format!(
            "SELECT l.id AS rfq_line_id, l.line_no, f.id, f.name, f.content_type, f.size, f.sha256, \
             f.uploaded_at, f.supplier_id FROM rfq_lines l JOIN files f ON {join} \
             WHERE l.rfq_id = $1 ORDER BY l.line_no, f.uploaded_at"
        ))
        .bind(&id)
        .fetch_all(&st.db.pool)
        .await?;
        for r in &rows {
            out.push((
                col::<i64>(r, "line_no")?,
                api::RfqFile {
                    rfq_line_id: col(r, "rfq_line_id")?,
                    kind: kind.to_string(),
                    file: file_ref(r)?,
                },
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.kind.cmp(&b.1.kind)));
    Ok(axum::Json(out.into_iter().map(|(_, f)| f).collect()))
}

fn file_ref(r: &AnyRow) -> Result<api::FileRef, sqlx::Error> {
    Ok(api::FileRef {
        id: col(r, "id")?,
        name: col(r, "name")?,
        content_type: col(r, "content_type")?,
        size: col(r, "size")?,
        sha256: col(r, "sha256")?,
        uploaded_at: rfc3339(col(r, "uploaded_at")?),
        supplier_id: col(r, "supplier_id")?,
    })
}

/// A file name without directories or control characters, at most 200 characters.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned
    }
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or(v).trim().to_ascii_lowercase())
        .filter(|v| {
            v.contains('/')
                && v.len() <= 100
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/.+-".contains(c))
        })
        .unwrap_or_else(|| "application/octet-stream".to_string())
}

async fn upload(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(o): Query<Owner>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<(StatusCode, axum::Json<api::FileRef>)> {
    if body.is_empty() {
        return Err(AppError::bad_request(
            "empty_file",
            "The uploaded file is empty.",
        ));
    }
    let t = target(&st, &user, &o.owner_kind, &o.owner_id, None, Verb::Write).await?;
    let supplier_id = match &t {
        Target::Quote { supplier_id, .. } => Some(supplier_id.clone()),
        _ => None,
    };
    let name = clean_name(o.name.as_deref().unwrap_or("file"));
    let ctype = content_type(&headers);
    let sha = hex::encode(Sha256::digest(&body));
    let id = new_id();
    let now = now_ms();
    let size = i64::try_from(body.len()).unwrap_or(i64::MAX);
    let reserved = st
        .uploads
        .reserve(&st.config.uploads, user.id(), size, now)?;
    let mut w = st.db.write().await?;
    if let Target::Quote { rfq, supplier_id } = &t {
        check_quota(&st, &mut w, &rfq.id, supplier_id, size).await?;
    }
    sqlx::query(
        "INSERT INTO files (id, owner_kind, owner_id, supplier_id, name, content_type, size, sha256, data, uploaded_by, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(&o.owner_kind)
    .bind(&o.owner_id)
    .bind(&supplier_id)
    .bind(&name)
    .bind(&ctype)
    .bind(body.len() as i64)
    .bind(&sha)
    .bind(body.to_vec())
    .bind(user.id())
    .bind(now)
    .execute(&mut **w)
    .await?;
    let (entity_type, entity_id) = match &t {
        Target::Revision { revision_id } => ("revision", revision_id.clone()),
        Target::RfqLine { rfq } | Target::Quote { rfq, .. } => ("rfq", rfq.id.clone()),
    };
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "file.upload",
            entity_type,
            entity_id: &entity_id,
            summary: serde_json::json!({"file_id": id, "owner_kind": o.owner_kind, "owner_id": o.owner_id, "name": name, "size": body.len(), "sha256": sha, "supplier_id": supplier_id}),
        },
    )
    .await?;
    w.commit().await?;
    reserved.keep();
    Ok((
        StatusCode::CREATED,
        axum::Json(api::FileRef {
            id,
            name,
            content_type: ctype,
            size: body.len() as i64,
            sha256: sha,
            uploaded_at: rfc3339(now),
            supplier_id,
        }),
    ))
}

async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(o): Query<Owner>,
) -> AppResult<axum::Json<Vec<api::FileRef>>> {
    let rows = if o.owner_kind == "quote" {
        match &user.actor.supplier_id {
            // A supplier lists only its own quote files.
            Some(own) => {
                target(&st, &user, "quote", &o.owner_id, None, Verb::Read).await?;
                sqlx::query("SELECT * FROM files WHERE owner_kind = 'quote' AND owner_id = $1 AND supplier_id = $2 ORDER BY uploaded_at")
                    .bind(&o.owner_id)
                    .bind(own)
                    .fetch_all(&st.db.pool)
                    .await?
            }
            None => {
                // Buyers: the sealing rule decides, and listing opens nothing. The names,
                // sizes and hashes of the bids' documents tell about the bids, so after
                // bidding ended they are listed only once the bids were opened (the
                // comparison, a quote or a document read); before that the deadline can
                // still be extended for suppliers to re-price (issue 10).
                let rfq = rfqs::readable(&st.db.pool, &user, &o.owner_id).await?;
                let now = now_ms();
                quotes::may_see(&user, &rfq, "", now).map_err(|e| {
                    quotes::sealed_error(e, &rfq, &format!("quote files of {}", o.owner_id))
                })?;
                if !lifecycle::may_see_without_opening(
                    lifecycle::Viewer::of(Some(&user.actor)),
                    "",
                    &rfq.seal(),
                    now,
                ) {
                    return Err(AppError::Coded {
                        status: StatusCode::CONFLICT,
                        code: "bids_not_opened",
                        message: "Bidding has ended but the bids are not opened yet: open the comparison (or a supplier's quote) to open them; their documents are listed from then on.".into(),
                    });
                }
                let mut rows = sqlx::query("SELECT * FROM files WHERE owner_kind = 'quote' AND owner_id = $1 ORDER BY supplier_id, uploaded_at")
                    .bind(&o.owner_id)
                    .fetch_all(&st.db.pool)
                    .await?;
                let mut keep = Vec::with_capacity(rows.len());
                for r in rows.drain(..) {
                    let bidder: Option<String> = col(&r, "supplier_id")?;
                    if quotes::may_see(&user, &rfq, bidder.as_deref().unwrap_or_default(), now)
                        .is_ok()
                    {
                        keep.push(r);
                    }
                }
                keep
            }
        }
    } else {
        target(&st, &user, &o.owner_kind, &o.owner_id, None, Verb::Read).await?;
        sqlx::query(
            "SELECT * FROM files WHERE owner_kind = $1 AND owner_id = $2 ORDER BY uploaded_at",
        )
        .bind(&o.owner_kind)
        .bind(&o.owner_id)
        .fetch_all(&st.db.pool)
        .await?
    };
    Ok(axum::Json(
        rows.iter().map(file_ref).collect::<Result<_, _>>()?,
    ))
}

async fn load(st: &AppState, id: &str) -> AppResult<AnyRow> {
    sqlx::query("SELECT * FROM files WHERE id = $1")
        .bind(id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("file {id}")))
}

async fn download(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let r = load(&st, &id).await?;
    let kind: String = col(&r, "owner_kind")?;
    let owner: String = col(&r, "owner_id")?;
    let supplier: Option<String> = col(&r, "supplier_id")?;
    if kind == "quote" {
        // Whose quote the file belongs to decides (`authorize`): another supplier's is
        // not found, as every other supplier object.
        authorize(
            &user.actor,
            Verb::Read,
            Resource::Quote {
                supplier_id: supplier.as_deref().unwrap_or_default(),
            },
        )
        .map_err(|_| AppError::not_found(format!("file {id}")))?;
    }
    if let Target::Quote { rfq, supplier_id } =
        target(&st, &user, &kind, &owner, supplier.as_deref(), Verb::Read).await?
    {
        // Reading a quote document after bidding ended opens the bids.
        let summary =
            serde_json::json!({"view": "quote_file", "file_id": id, "supplier_id": supplier_id});
        quotes::open_bids(&st, &user, &rfq.id, Some(&supplier_id), summary)
            .await?
            .map_err(|e| quotes::sealed_error(e, &rfq, &format!("file {id}")))?;
    }
    let f = file_ref(&r)?;
    let data: Vec<u8> = col(&r, "data")?;
    let mut res = (StatusCode::OK, data).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(served_content_type(&f.content_type)),
    );
    // An uploaded file is someone's data, never part of the app: no script of it runs
    // and nothing loads it as one, whatever type the uploader claimed.
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    res.headers_mut().insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    let ascii: String = f
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}\"", f.sha256)) {
        res.headers_mut().insert(header::ETAG, v);
    }
    Ok(res)
}

async fn remove(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let r = load(&st, &id).await?;
    let kind: String = col(&r, "owner_kind")?;
    let owner: String = col(&r, "owner_id")?;
    let supplier: Option<String> = col(&r, "supplier_id")?;
    if kind == "quote" && user.actor.supplier_id != supplier {
        // A quote's file is the supplier's; buyers never delete it.
        return Err(AppError::not_found(format!("file {id}")));
    }
    let t = target(&st, &user, &kind, &owner, supplier.as_deref(), Verb::Write).await?;
    let mut w = st.db.write().await?;
    sqlx::query("DELETE FROM files WHERE id = $1")
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let (entity_type, entity_id) = match &t {
        Target::Revision { revision_id } => ("revision", revision_id.clone()),
        Target::RfqLine { rfq } | Target::Quote { rfq, .. } => ("rfq", rfq.id.clone()),
    };
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "file.delete",
            entity_type,
            entity_id: &entity_id,
            summary: serde_json::json!({"file_id": id, "owner_kind": kind, "owner_id": owner, "supplier_id": supplier, "name": col::<String>(&r, "name")?, "sha256": col::<String>(&r, "sha256")?}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(super::clean_name("../../etc/passwd"), "passwd");
        assert_eq!(
            super::clean_name("C:\\drawings\\BRK-2208 rev B.pdf"),
            "BRK-2208 rev B.pdf"
        );
        assert_eq!(super::clean_name("..\u{0}hidden"), "hidden");
        assert_eq!(super::clean_name(""), "file");
    }
}

/// The type a stored file is served with: the uploader's claim only where that type is
/// inert in a browser (documents, images without scripts, spreadsheets, text shown as
/// text), else `application/octet-stream`. A claimed `text/javascript`, `text/html` or
/// `image/svg+xml` served from the app's origin would be a way around the page's
/// `script-src 'self'` (`<script src="/api/files/…">`; issue 10).
pub fn served_content_type(claimed: &str) -> &'static str {
    let base = claimed
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    const INERT: [&str; 14] = [
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "text/csv",
        "text/plain",
        "message/rfc822",
        "application/zip",
        "application/xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];
    INERT
        .iter()
        .find(|t| **t == base)
        .copied()
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod served_type_tests {
    use super::served_content_type;

    #[test]
    fn only_inert_types_are_served_as_claimed() {
        assert_eq!(served_content_type("application/pdf"), "application/pdf");
        assert_eq!(served_content_type("Image/PNG; charset=x"), "image/png");
        for active in [
            "text/javascript",
            "application/javascript",
            "text/html",
            "application/xhtml+xml",
            "image/svg+xml",
            "text/xml",
            "",
            "application/x-unknown",
        ] {
            assert_eq!(
                served_content_type(active),
                "application/octet-stream",
                "{active}"
            );
        }
    }
}
