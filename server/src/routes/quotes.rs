//! Supplier quotes: submit, resubmit (a new version each time), withdraw, all until the
//! deadline by the server's clock; a bid receipt for each submission; and the buyer's
//! view of responses, with prices withheld on a sealed RFQ until the deadline.
//!
//! The server re-validates every quote with `domain::quote::validate`, whatever the
//! browser computed. Audit events for quotes carry the receipt hash, never prices, because
//! buyers can read the audit trail before a sealed RFQ opens.
//!
//! Sealing (issue 10): every answer that could carry a bid's prices or documents asks
//! [`may_see`] (the one rule, `domain::rfq::may_see_bid`) per bid; a view that shows bids
//! to the buyer's side after bidding ended goes through [`open_bids`], which records the
//! opening under the writer lock so that a deadline extension cannot follow it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::quote::Quote;
use domain::rfq::{self as lifecycle, Sealed, Viewer};
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, lock_quote, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::store::quotes::{
    open_bids, refused, submit_in, version_from_row, Submission, Submitted,
};
use crate::store::rfqs::{self, RfqRow};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/rfqs/{id}/quote", get(mine).put(submit))
        .route("/api/rfqs/{id}/quote/withdraw", post(withdraw))
        .route("/api/rfqs/{id}/quotes", get(responses))
        .route("/api/rfqs/{id}/quotes/{supplier_id}", get(one_supplier))
}

/// The supplier the actor quotes for, or 403 for internal users.
fn own_supplier(user: &CurrentUser) -> AppResult<&str> {
    user.actor
        .supplier_id
        .as_deref()
        .ok_or_else(|| AppError::Forbidden("Only supplier users submit quotes here.".into()))
}

/// The sealed-bid sentence shown instead of prices.
fn sealed_message(e: Sealed, rfq: &RfqRow) -> String {
    match e {
        Sealed::Cancelled => {
            "Sealed bid: this RFQ was cancelled before its deadline, so its bids stay sealed."
                .into()
        }
        _ => format!(
            "Sealed bid: prices open at the deadline, {}.",
            rfc3339(rfq.deadline)
        ),
    }
}

async fn versions(
    pool: &AnyPool,
    rfq: &RfqRow,
    supplier: &str,
    with_prices: bool,
) -> AppResult<Vec<api::QuoteVersion>> {
    let rows = sqlx::query(
        "SELECT * FROM quotes WHERE rfq_id = $1 AND supplier_id = $2 ORDER BY version DESC",
    )
    .bind(&rfq.id)
    .bind(supplier)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| version_from_row(r, rfq, with_prices))
        .collect()
}

async fn mine(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::MyQuote>> {
    let supplier = own_supplier(&user)?;
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    authorize(
        &user.actor,
        Verb::Read,
        Resource::Quote {
            supplier_id: supplier,
        },
    )?;
    Ok(axum::Json(api::MyQuote {
        can_change: lifecycle::may_quote(rfq.status, rfq.deadline, now_ms()).is_ok(),
        versions: versions(&st.db.pool, &rfq, supplier, true).await?,
    }))
}

async fn submit(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(q): Json<Quote>,
) -> AppResult<(StatusCode, axum::Json<api::QuoteReceipt>)> {
    let supplier = own_supplier(&user)?.to_string();
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    authorize(
        &user.actor,
        Verb::Write,
        Resource::Quote {
            supplier_id: &supplier,
        },
    )?;
    lifecycle::may_quote(rfq.status, rfq.deadline, now_ms()).map_err(refused)?;
    let mut w = st.db.write().await?;
    let sub = Submission {
        rfq_id: &id,
        supplier_id: &supplier,
        base_version: None,
        quote: &q,
        entered_by_buyer: false,
    };
    match submit_in(&mut w, &st, &user, &sub).await? {
        Submitted::Receipt(r) => {
            w.commit().await?;
            Ok((StatusCode::CREATED, axum::Json(r)))
        }
        Submitted::Conflict(_) => {
            Err(anyhow::anyhow!("an online submit has no base version to conflict with").into())
        }
    }
}

async fn withdraw(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::MyQuote>> {
    let supplier = own_supplier(&user)?.to_string();
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    authorize(
        &user.actor,
        Verb::Write,
        Resource::Quote {
            supplier_id: &supplier,
        },
    )?;
    let mut w = st.db.write().await?;
    lock_quote(&mut w, st.db.engine, &id, &supplier).await?;
    // Judged again under the lock: the status and deadline this withdrawal counts on.
    let current = rfqs::load_row_in(&mut w.tx, &id).await?;
    lifecycle::may_quote(current.status, current.deadline, now_ms()).map_err(refused)?;
    let done = sqlx::query("UPDATE quotes SET status = 'withdrawn' WHERE rfq_id = $1 AND supplier_id = $2 AND status = 'submitted'")
        .bind(&id)
        .bind(&supplier)
        .execute(&mut **w)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::Coded {
            status: StatusCode::CONFLICT,
            code: "nothing_to_withdraw",
            message: "You have no submitted quote on this RFQ to withdraw.".into(),
        });
    }
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "quote.withdraw",
            entity_type: "rfq",
            entity_id: &id,
            summary: serde_json::json!({"supplier_id": supplier}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(axum::Json(api::MyQuote {
        can_change: true,
        versions: versions(&st.db.pool, &rfq, &supplier, true).await?,
    }))
}

/// `GET /api/rfqs/{id}/quotes/{supplier_id}`: one supplier's quote history. A supplier
/// may ask only for its own (anyone else's is "not found"); the buyer's side sees prices
/// only where the sealing rule allows, and seeing them after bidding ended opens the bids.
async fn one_supplier(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, supplier_id)): Path<(String, String)>,
) -> AppResult<axum::Json<Vec<api::QuoteVersion>>> {
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    authorize(
        &user.actor,
        Verb::Read,
        Resource::Quote {
            supplier_id: &supplier_id,
        },
    )?;
    if !rfq.invited.contains(&supplier_id) {
        return Err(AppError::not_found(format!(
            "a quote by supplier {supplier_id}"
        )));
    }
    let stored = versions(&st.db.pool, &rfq, &supplier_id, false).await?;
    if stored.is_empty() {
        return Ok(axum::Json(stored));
    }
    let summary = serde_json::json!({"supplier_id": supplier_id, "view": "versions"});
    match open_bids(&st, &user, &id, Some(&supplier_id), summary).await? {
        Ok(rfq) => Ok(axum::Json(
            versions(&st.db.pool, &rfq, &supplier_id, true).await?,
        )),
        Err(Sealed::NotYours) => Err(AppError::not_found(format!(
            "a quote by supplier {supplier_id}"
        ))),
        Err(_) => Ok(axum::Json(stored)),
    }
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResponsesQuery {
    /// `false`: statuses and receipts only, even where prices may be seen (what the
    /// RFQ page needs; such a view does not open the bids).
    #[serde(default)]
    prices: Option<bool>,
}

/// `GET /api/rfqs/{id}/quotes[?prices=false]`: every invited supplier's response. Prices
/// where the sealing rule allows and they are asked for; showing them after bidding
/// ended opens the bids.
async fn responses(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<ResponsesQuery>,
) -> AppResult<axum::Json<api::RfqResponses>> {
    if !user.sees_buyer_view() {
        // Suppliers never see the field of bidders; their own quote is at /quote.
        return Err(AppError::not_found(format!("RFQ {id}")));
    }
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    let allowed = lifecycle::may_see_bid(Viewer::of(Some(&user.actor)), "", &rfq.seal(), now_ms());
    let (rfq, sealed) = match allowed {
        Ok(()) if q.prices != Some(false) => {
            match open_bids(
                &st,
                &user,
                &id,
                None,
                serde_json::json!({"view": "responses"}),
            )
            .await?
            {
                Ok(rfq) => (rfq, None),
                Err(e) => (rfq, Some(e)),
            }
        }
        Ok(()) => (rfq, None),
        Err(e) => (rfq, Some(e)),
    };
    let with_prices = sealed.is_none() && q.prices != Some(false);
    let invited = sqlx::query(
        "SELECT x.supplier_id, s.name FROM rfq_suppliers x JOIN suppliers s ON s.id = x.supplier_id WHERE x.rfq_id = $1 ORDER BY s.name",
    )
    .bind(&id)
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(invited.len());
    for r in &invited {
        let supplier_id: String = col(r, "supplier_id")?;
        let current = sqlx::query(
            "SELECT * FROM quotes WHERE rfq_id = $1 AND supplier_id = $2 AND status <> 'superseded' ORDER BY version DESC LIMIT 1",
        )
        .bind(&id)
        .bind(&supplier_id)
        .fetch_optional(&st.db.pool)
        .await?;
        let current = current
            .map(|c| version_from_row(&c, &rfq, with_prices))
            .transpose()?;
        out.push(api::Response {
            status: current
                .as_ref()
                .map_or("none".to_string(), |c| c.status.clone()),
            supplier_name: col(r, "name")?,
            supplier_id,
            current,
        });
    }
    Ok(axum::Json(api::RfqResponses {
        prices_visible: sealed.is_none(),
        sealed_message: sealed.map(|e| sealed_message(e, &rfq)),
        responses: out,
    }))
}
