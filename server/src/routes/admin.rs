//! Users and the audit trail.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Role, Verb};
use serde::Deserialize;

use crate::audit;
use crate::auth::CurrentUser;
use crate::db::col;
use crate::error::{AppError, AppResult, Query};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/users", get(users))
        .route("/api/audit", get(audit_list))
        .route("/api/audit/verify", get(audit_verify))
}

async fn users(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::Json<Vec<api::User>>> {
    authorize(&user.actor, Verb::Read, Resource::Users)?;
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.name, u.role, u.org_id, o.name AS org_name, o.kind \
         FROM users u JOIN organizations o ON o.id = u.org_id ORDER BY o.kind, o.name, u.email",
    )
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let role: String = col(r, "role")?;
        let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?}"))?;
        let org_id: String = col(r, "org_id")?;
        out.push(api::User {
            id: col(r, "id")?,
            email: col(r, "email")?,
            name: col(r, "name")?,
            role,
            organization_name: col(r, "org_name")?,
            supplier_id: (role == Role::Supplier).then_some(org_id),
        });
    }
    Ok(axum::Json(out))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Limit {
    #[serde(default)]
    limit: Option<i64>,
}

async fn audit_list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(l): Query<Limit>,
) -> AppResult<axum::Json<Vec<api::AuditEvent>>> {
    authorize(&user.actor, Verb::Read, Resource::Audit)?;
    let limit = l.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(AppError::bad_request(
            "bad_query",
            "limit must be between 1 and 1000",
        ));
    }
    Ok(axum::Json(audit::recent(&st.db.pool, limit).await?))
}

async fn audit_verify(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::Json<api::AuditVerify>> {
    authorize(&user.actor, Verb::Read, Resource::Audit)?;
    let v = audit::verify(&st.db.pool).await?;
    Ok(axum::Json(api::AuditVerify {
        ok: v.ok(),
        events: v.events,
        error: v.describe(),
    }))
}
