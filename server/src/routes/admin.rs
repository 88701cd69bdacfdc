//! Users and the audit trail (shown through the sealing rule: events about quote
//! documents lose the document's name, size and hash while the bid is sealed).

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use domain::access::{authorize, Resource, Role, Verb};
use serde::Deserialize;

use std::collections::HashMap;

use crate::audit;
use crate::auth::CurrentUser;
use crate::db::{col, now_ms};
use crate::error::{AppError, AppResult, Query};
use crate::store::rfqs;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/users", get(users))
        .route("/api/users/{id}/unlock", post(crate::auth::unlock))
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
    let now = now_ms();
    for r in &rows {
        let role: String = col(r, "role")?;
        let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?}"))?;
        let org_id: String = col(r, "org_id")?;
        let email: String = col(r, "email")?;
        let throttled = st.throttle.account_state(&email, now);
        out.push(api::User {
            id: col(r, "id")?,
            sign_in: api::SignInThrottle {
                failures: throttled.failures,
                slowed_until: throttled.slowed_until.map(crate::db::rfc3339),
            },
            email,
            name: col(r, "name")?,
            role,
            organization_name: col(r, "org_name")?,
            supplier_id: (role == Role::Supplier).then_some(org_id),
        });
    }
    Ok(axum::Json(out))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct Limit {
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
    let mut events = audit::recent(&st.db.pool, limit).await?;
    seal_documents(&st, &user, &mut events).await?;
    Ok(axum::Json(events))
}

/// What an audit event about a quote document keeps while the bid is sealed: which file
/// and whose, not its name, size or hash (they tell about the document, so the sealing
/// rule decides, as for the document itself).
const SEALED_FILE_KEYS: [&str; 4] = ["file_id", "owner_kind", "owner_id", "supplier_id"];

/// Applies the sealing rule (`domain::rfq::may_see_bid`) to events about quote documents
/// (`file.upload` / `file.delete` on an RFQ with `owner_kind: quote`; a `file.delete` on
/// an RFQ that does not say its kind is treated as one). The stored chain is untouched;
/// the answer marks what it withholds with `"sealed": true`.
async fn seal_documents(
    st: &AppState,
    user: &CurrentUser,
    events: &mut [domain::audit::AuditEvent],
) -> AppResult<()> {
    let now = now_ms();
    let mut cache: HashMap<String, Option<rfqs::RfqRow>> = HashMap::new();
    for e in events.iter_mut() {
        if e.entity_type != "rfq" || !matches!(e.action.as_str(), "file.upload" | "file.delete") {
            continue;
        }
        let kind = e.summary.get("owner_kind").and_then(|k| k.as_str());
        let about_quote = match kind {
            Some(k) => k == "quote",
            None => e.action == "file.delete",
        };
        if !about_quote {
            continue;
        }
        if !cache.contains_key(&e.entity_id) {
            let r = match rfqs::load_row(&st.db.pool, &e.entity_id).await {
                Ok(r) => Some(r),
                Err(AppError::NotFound(_)) => None,
                Err(other) => return Err(other),
            };
            cache.insert(e.entity_id.clone(), r);
        }
        let row = cache.get(&e.entity_id).and_then(Option::as_ref);
        let bidder = e
            .summary
            .get("supplier_id")
            .and_then(|s| s.as_str())
            .unwrap_or_default();
        // Reading the trail opens nothing, so it shows a bid's documents only where a
        // view that does not open may (after they were opened; issue 10).
        let visible = row.is_some_and(|r| {
            domain::rfq::may_see_without_opening(
                domain::rfq::Viewer::of(Some(&user.actor)),
                bidder,
                &r.seal(),
                now,
            )
        });
        if !visible {
            let mut kept = serde_json::Map::new();
            for k in SEALED_FILE_KEYS {
                if let Some(v) = e.summary.get(k) {
                    kept.insert(k.to_string(), v.clone());
                }
            }
            kept.insert("sealed".into(), true.into());
            e.summary = serde_json::Value::Object(kept);
        }
    }
    Ok(())
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
