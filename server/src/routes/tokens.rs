//! API tokens for integrations (issue 10): admins make, list and revoke them; a request
//! with `Authorization: Bearer <token>` acts as the admin who made the token, limited to
//! its scopes (`domain::access::authorize`), without a session or CSRF token.
//!
//! A token is 32 random bytes (hex) shown once; the database keeps its SHA-256. Making
//! and revoking a token are audited (`auth.token_create`, `auth.token_revoke`), and so is
//! every request a known token is refused ([`audit_denied`], `auth.token_denied`).

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{delete, get};
use axum::Router;
use domain::access::{authorize, Resource, Scope, Verb};
use domain::validate::FieldErrors;
use sqlx::any::AnyRow;

use crate::audit::Change;
use crate::auth::{bearer_token, random_token, token_hash, CurrentUser};
use crate::db::{col, new_id, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/tokens", get(list).post(create))
        .route("/api/tokens/{id}", delete(revoke))
}

fn token_from_row(r: &AnyRow) -> AppResult<api::ApiToken> {
    let scopes: String = col(r, "scopes")?;
    Ok(api::ApiToken {
        id: col(r, "id")?,
        name: col(r, "name")?,
        scopes: scopes.split_whitespace().filter_map(Scope::parse).collect(),
        created_by: col(r, "user_id")?,
        created_at: rfc3339(col(r, "created_at")?),
        revoked_at: col::<Option<i64>>(r, "revoked_at")?.map(rfc3339),
    })
}

/// `GET /api/tokens`: every token, newest first.
async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::Json<Vec<api::ApiToken>>> {
    authorize(&user.actor, Verb::Read, Resource::ApiTokens)?;
    let rows = sqlx::query("SELECT * FROM api_tokens ORDER BY created_at DESC, id")
        .fetch_all(&st.db.pool)
        .await?;
    Ok(axum::Json(
        rows.iter().map(token_from_row).collect::<AppResult<_>>()?,
    ))
}

/// `POST /api/tokens`: a new token, shown once.
async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(n): Json<api::NewApiToken>,
) -> AppResult<(StatusCode, axum::Json<api::ApiTokenCreated>)> {
    authorize(&user.actor, Verb::Write, Resource::ApiTokens)?;
    let mut e = FieldErrors::new();
    let name = n.name.trim();
    if name.is_empty() {
        e.add("name", "give the token a name (what it is for)");
    } else if name.chars().count() > 200 {
        e.add("name", "at most 200 characters");
    }
    if n.scopes.is_empty() {
        e.add("scopes", "at least one scope");
    }
    e.into_result()?;
    let mut scopes = n.scopes.clone();
    scopes.sort();
    scopes.dedup();
    let scopes_s = scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let bearer = format!("bw_{}", random_token());
    let id = new_id();
    let now = now_ms();
    let mut w = st.db.write().await?;
    sqlx::query(
        "INSERT INTO api_tokens (id, token_hash, name, scopes, user_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(token_hash(&bearer))
    .bind(name)
    .bind(&scopes_s)
    .bind(user.id())
    .bind(now)
    .execute(&mut **w)
    .await?;
    w.commit_audited(Change {
        actor: user.id(),
        action: "auth.token_create",
        entity_type: "api_token",
        entity_id: &id,
        summary: serde_json::json!({ "name": name, "scopes": scopes }),
    })
    .await?;
    let token = api::ApiToken {
        id,
        name: name.to_string(),
        scopes,
        created_by: user.id().to_string(),
        created_at: rfc3339(now),
        revoked_at: None,
    };
    Ok((
        StatusCode::CREATED,
        axum::Json(api::ApiTokenCreated { token, bearer }),
    ))
}

/// `DELETE /api/tokens/{id}`: revokes a token (for good); revoking it again changes
/// nothing.
async fn revoke(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::ApiToken>> {
    authorize(&user.actor, Verb::Write, Resource::ApiTokens)?;
    let mut w = st.db.write().await?;
    let row = sqlx::query("SELECT * FROM api_tokens WHERE id = $1")
        .bind(&id)
        .fetch_optional(&mut **w)
        .await?
        .ok_or_else(|| AppError::not_found("API token"))?;
    let mut token = token_from_row(&row)?;
    if token.revoked_at.is_none() {
        let now = now_ms();
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&id)
            .execute(&mut **w)
            .await?;
        w.commit_audited(Change {
            actor: user.id(),
            action: "auth.token_revoke",
            entity_type: "api_token",
            entity_id: &id,
            summary: serde_json::json!({ "name": token.name }),
        })
        .await?;
        token.revoked_at = Some(rfc3339(now));
    }
    Ok(axum::Json(token))
}

/// Middleware: a request made with a known API token that is refused (401: revoked; 403:
/// outside its scopes or its owner's role) is recorded in the audit trail as
/// `auth.token_denied` with the method, path and status. Unknown tokens name nobody and
/// are not recorded.
pub async fn audit_denied(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let bearer = match bearer_token(req.headers()) {
        Some(Ok(t)) => t.to_string(),
        _ => return next.run(req).await,
    };
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    let status = res.status();
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        if let Err(e) = record_denial(&st, &bearer, &method, &path, status).await {
            tracing::error!("recording a refused API token request: {e:#}");
        }
    }
    res
}

async fn record_denial(
    st: &AppState,
    bearer: &str,
    method: &str,
    path: &str,
    status: StatusCode,
) -> anyhow::Result<()> {
    let Some(row) = sqlx::query("SELECT id, user_id FROM api_tokens WHERE token_hash = $1")
        .bind(token_hash(bearer))
        .fetch_optional(&st.db.pool)
        .await?
    else {
        return Ok(());
    };
    let id: String = col(&row, "id")?;
    let owner: String = col(&row, "user_id")?;
    let w = st.db.write().await?;
    w.commit_audited(Change {
        actor: &owner,
        action: "auth.token_denied",
        entity_type: "api_token",
        entity_id: &id,
        summary: serde_json::json!({
            "method": method,
            "path": path,
            "status": status.as_u16(),
        }),
    })
    .await?;
    Ok(())
}
