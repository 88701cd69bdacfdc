//! RFQs as seen by buyers (all) and suppliers (only those they are invited to, never
//! drafts, and never who else is invited).

use std::str::FromStr;

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, rfq_scope, Resource, RfqScope, Verb};
use rust_decimal::Decimal;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::auth::CurrentUser;
use crate::db::{col, rfc3339};
use crate::error::{AppError, AppResult, Path};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/rfqs", get(list))
        .route("/api/rfqs/{id}", get(one))
}

const SUMMARY_SQL: &str = "SELECT r.*, \
    (SELECT COUNT(*) FROM rfq_lines l WHERE l.rfq_id = r.id) AS line_count, \
    (SELECT COUNT(*) FROM rfq_suppliers s WHERE s.rfq_id = r.id) AS invited_count \
    FROM rfqs r";

fn summary(r: &AnyRow, internal: bool) -> Result<api::RfqSummary, sqlx::Error> {
    Ok(api::RfqSummary {
        id: col(r, "id")?,
        number: col(r, "number")?,
        title: col(r, "title")?,
        status: col(r, "status")?,
        deadline: rfc3339(col(r, "deadline")?),
        time_zone: col(r, "time_zone")?,
        sealed: col::<i64>(r, "sealed")? != 0,
        currency: col(r, "currency")?,
        line_count: col(r, "line_count")?,
        invited_count: if internal {
            col(r, "invited_count")?
        } else {
            0
        },
    })
}

async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::Json<Vec<api::RfqSummary>>> {
    authorize(&user.actor, Verb::Read, Resource::RfqList)?;
    let rows = match rfq_scope(&user.actor) {
        RfqScope::All => {
            sqlx::query(&format!("{SUMMARY_SQL} ORDER BY r.deadline DESC LIMIT 500"))
                .fetch_all(&st.db.pool)
                .await?
        }
        RfqScope::InvitedSupplier(sid) => {
            sqlx::query(&format!(
                "{SUMMARY_SQL} WHERE r.status <> 'draft' AND EXISTS \
                 (SELECT 1 FROM rfq_suppliers x WHERE x.rfq_id = r.id AND x.supplier_id = $1) \
                 ORDER BY r.deadline DESC LIMIT 500"
            ))
            .bind(sid)
            .fetch_all(&st.db.pool)
            .await?
        }
    };
    let internal = user.actor.role.is_internal();
    Ok(axum::Json(
        rows.iter()
            .map(|r| summary(r, internal))
            .collect::<Result<_, _>>()?,
    ))
}

async fn lines(pool: &AnyPool, rfq_id: &str) -> AppResult<Vec<api::RfqLine>> {
    let rows = sqlx::query(
        "SELECT l.*, p.number AS part_number, p.name AS part_name, p.uom, v.label AS revision \
         FROM rfq_lines l JOIN parts p ON p.id = l.part_id JOIN revisions v ON v.id = l.revision_id \
         WHERE l.rfq_id = $1 ORDER BY l.line_no",
    )
    .bind(rfq_id)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let quantities: String = col(r, "quantities")?;
        let quantities: Vec<Decimal> = serde_json::from_str(&quantities)
            .map_err(|e| anyhow::anyhow!("rfq line quantities are not a decimal list: {e}"))?;
        let annual: Option<String> = col(r, "annual_volume")?;
        out.push(api::RfqLine {
            id: col(r, "id")?,
            line_no: col(r, "line_no")?,
            part_id: col(r, "part_id")?,
            part_number: col(r, "part_number")?,
            part_name: col(r, "part_name")?,
            revision: col(r, "revision")?,
            uom: col(r, "uom")?,
            quantities,
            annual_volume: annual
                .map(|a| Decimal::from_str(&a))
                .transpose()
                .map_err(|e| anyhow::anyhow!("annual volume is not a decimal: {e}"))?,
            need_by: col(r, "need_by")?,
            notes: col(r, "notes")?,
        });
    }
    Ok(out)
}

async fn one(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    let row = sqlx::query(&format!("{SUMMARY_SQL} WHERE r.id = $1"))
        .bind(&id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("RFQ {id}")))?;
    let invited_rows = sqlx::query(
        "SELECT x.supplier_id, s.name FROM rfq_suppliers x JOIN suppliers s ON s.id = x.supplier_id \
         WHERE x.rfq_id = $1 ORDER BY s.name",
    )
    .bind(&id)
    .fetch_all(&st.db.pool)
    .await?;
    let mut invited = Vec::with_capacity(invited_rows.len());
    for r in &invited_rows {
        invited.push(api::InvitedSupplier {
            supplier_id: col(r, "supplier_id")?,
            supplier_name: col(r, "name")?,
        });
    }
    let ids: Vec<String> = invited.iter().map(|i| i.supplier_id.clone()).collect();
    authorize(&user.actor, Verb::Read, Resource::Rfq { invited: &ids })?;
    let status: String = col(&row, "status")?;
    let internal = user.actor.role.is_internal();
    if !internal {
        if status == "draft" {
            // A draft is not sent yet: to the supplier it does not exist.
            return Err(AppError::not_found(format!("RFQ {id}")));
        }
        invited.retain(|i| Some(&i.supplier_id) == user.actor.supplier_id.as_ref());
    }
    Ok(axum::Json(api::RfqDetail {
        summary: summary(&row, internal)?,
        incoterm: col(&row, "incoterm")?,
        payment_terms: col(&row, "payment_terms")?,
        lines: lines(&st.db.pool, &id).await?,
        invited,
    }))
}
