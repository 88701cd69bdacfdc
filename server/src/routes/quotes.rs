//! Supplier quotes: submit, resubmit (a new version each time), withdraw, all until the
//! deadline by the server's clock; a bid receipt for each submission; and the buyer's
//! view of responses, with prices withheld on a sealed RFQ until the deadline.
//!
//! The server re-validates every quote with `domain::quote::validate`, whatever the
//! browser computed. Audit events for quotes carry the receipt hash, never prices, because
//! buyers can read the audit trail before a sealed RFQ opens.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::quote::{self, Quote};
use domain::rfq as lifecycle;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, lock_writers, new_id, now_ms, rfc3339, WriteTx};
use crate::error::{AppError, AppResult, Json, Path};
use crate::routes::rfqs::{self, RfqRow};
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

pub fn refused(e: lifecycle::QuoteRefused) -> AppError {
    AppError::Coded {
        status: StatusCode::CONFLICT,
        code: e.code(),
        message: match e {
            lifecycle::QuoteRefused::DeadlinePassed => {
                "The deadline has passed: quotes can no longer be submitted, changed or withdrawn."
                    .into()
            }
            lifecycle::QuoteRefused::NotOpen => "This RFQ is not open for quotes.".into(),
        },
    }
}

fn version_from_row(r: &AnyRow, rfq: &RfqRow, with_prices: bool) -> AppResult<api::QuoteVersion> {
    let body: String = col(r, "body")?;
    let quote: Option<Quote> = if with_prices {
        Some(
            serde_json::from_str(&body)
                .map_err(|e| anyhow::anyhow!("stored quote is not valid: {e}"))?,
        )
    } else {
        None
    };
    Ok(api::QuoteVersion {
        receipt: api::QuoteReceipt {
            rfq_id: rfq.id.clone(),
            rfq_number: rfq.number.clone(),
            supplier_id: col(r, "supplier_id")?,
            version: col(r, "version")?,
            received_at: rfc3339(col(r, "received_at")?),
            hash: col(r, "receipt_hash")?,
        },
        status: col(r, "status")?,
        needs_reconfirmation: col::<i64>(r, "needs_reconfirmation")? != 0,
        quote,
        entered_by_buyer: col::<i64>(r, "entered_by_buyer")? != 0,
    })
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

/// What a submission came to.
pub enum Submitted {
    Receipt(api::QuoteReceipt),
    /// The server holds a newer version than the one the person edited (offline).
    Conflict(Box<api::QuoteVersion>),
}

/// A quote to store, with who sends it and on whose behalf.
pub struct Submission<'a> {
    pub rfq_id: &'a str,
    pub supplier_id: &'a str,
    /// The newest version the person's device knew; `None` skips the conflict check
    /// (an online submit always builds on what the server has).
    pub base_version: Option<i64>,
    pub quote: &'a Quote,
    /// Set when a buyer enters the quote on the supplier's behalf (a supplier visit).
    pub entered_by_buyer: bool,
}

/// Checks and stores one quote version inside the caller's write transaction: validates
/// with `domain::quote::validate`, judges the deadline by the server's clock under the
/// writer lock, supersedes the previous version, computes the bid receipt and audits it.
pub async fn submit_in(
    w: &mut WriteTx,
    st: &AppState,
    user: &CurrentUser,
    s: &Submission<'_>,
) -> AppResult<Submitted> {
    let spec = rfqs::spec_in(&mut w.tx, s.rfq_id).await?;
    quote::validate(&spec, s.quote, crate::clock::today())?;
    let normalized = quote::normalized(s.quote);
    lock_writers(w, st.db.engine).await?;
    let now = now_ms();
    let current = rfqs::load_row_in(&mut w.tx, s.rfq_id).await?;
    lifecycle::may_quote(current.status, current.deadline, now).map_err(refused)?;
    let last: Option<i64> = col(
        &sqlx::query("SELECT MAX(version) AS v FROM quotes WHERE rfq_id = $1 AND supplier_id = $2")
            .bind(s.rfq_id)
            .bind(s.supplier_id)
            .fetch_one(&mut *w.tx)
            .await?,
        "v",
    )?;
    if let (Some(base), Some(last)) = (s.base_version, last) {
        if last > base {
            let row = sqlx::query(
                "SELECT * FROM quotes WHERE rfq_id = $1 AND supplier_id = $2 AND version = $3",
            )
            .bind(s.rfq_id)
            .bind(s.supplier_id)
            .bind(last)
            .fetch_one(&mut *w.tx)
            .await?;
            return Ok(Submitted::Conflict(Box::new(version_from_row(
                &row, &current, true,
            )?)));
        }
    }
    let version = last.unwrap_or(0) + 1;
    let received_at = rfc3339(now);
    let hash = quote::receipt_hash(
        s.rfq_id,
        s.supplier_id,
        u32::try_from(version).unwrap_or(u32::MAX),
        &normalized,
        &received_at,
    );
    sqlx::query("UPDATE quotes SET status = 'superseded' WHERE rfq_id = $1 AND supplier_id = $2 AND status = 'submitted'")
        .bind(s.rfq_id)
        .bind(s.supplier_id)
        .execute(&mut *w.tx)
        .await?;
    let body = serde_json::to_string(&normalized).map_err(|e| anyhow::anyhow!(e))?;
    sqlx::query(
        "INSERT INTO quotes (id, rfq_id, supplier_id, version, status, body, receipt_hash, received_at, submitted_by, needs_reconfirmation, entered_by_buyer) \
         VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, 0, $9)",
    )
    .bind(new_id())
    .bind(s.rfq_id)
    .bind(s.supplier_id)
    .bind(version)
    .bind(&body)
    .bind(&hash)
    .bind(now)
    .bind(user.id())
    .bind(i64::from(s.entered_by_buyer))
    .execute(&mut *w.tx)
    .await?;
    audit::append(
        &mut w.tx,
        Change {
            actor: user.id(),
            action: if s.entered_by_buyer { "quote.enter_for_supplier" } else { "quote.submit" },
            entity_type: "rfq",
            entity_id: s.rfq_id,
            summary: serde_json::json!({"supplier_id": s.supplier_id, "version": version, "receipt_hash": hash, "entered_by_buyer": s.entered_by_buyer}),
        },
    )
    .await?;
    Ok(Submitted::Receipt(api::QuoteReceipt {
        rfq_id: s.rfq_id.to_string(),
        rfq_number: current.number,
        supplier_id: s.supplier_id.to_string(),
        version,
        received_at,
        hash,
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
    lock_writers(&mut w, st.db.engine).await?;
    lifecycle::may_quote(rfq.status, rfq.deadline, now_ms()).map_err(refused)?;
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
/// may ask only for its own (anyone else's is "not found"); buyers see prices only when
/// the sealing rules allow.
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
    let internal = user.actor.role.is_internal();
    let visible =
        !internal || lifecycle::prices_visible(rfq.sealed, rfq.status, rfq.deadline, now_ms());
    let list = versions(&st.db.pool, &rfq, &supplier_id, visible).await?;
    if internal && visible && rfq.sealed && !list.is_empty() {
        audit_opening(
            &st,
            &user,
            &id,
            serde_json::json!({"supplier_id": supplier_id}),
        )
        .await?;
    }
    Ok(axum::Json(list))
}

/// Records that a person saw the prices of a sealed RFQ: every opening is on the record.
pub async fn audit_opening(
    st: &AppState,
    user: &CurrentUser,
    rfq_id: &str,
    summary: serde_json::Value,
) -> AppResult<()> {
    let mut w = st.db.write().await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "rfq.quotes_opened",
            entity_type: "rfq",
            entity_id: rfq_id,
            summary,
        },
    )
    .await?;
    w.commit().await?;
    Ok(())
}

async fn responses(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::RfqResponses>> {
    if !user.actor.role.is_internal() {
        // Suppliers never see the field of bidders; their own quote is at /quote.
        return Err(AppError::not_found(format!("RFQ {id}")));
    }
    let rfq = rfqs::readable(&st.db.pool, &user, &id).await?;
    let now = now_ms();
    let visible = lifecycle::prices_visible(rfq.sealed, rfq.status, rfq.deadline, now);
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
            .map(|c| version_from_row(&c, &rfq, visible))
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
    if visible && rfq.sealed {
        let n = out.iter().filter(|r| r.current.is_some()).count();
        audit_opening(&st, &user, &id, serde_json::json!({"responses": n})).await?;
    }
    Ok(axum::Json(api::RfqResponses {
        prices_visible: visible,
        sealed_message: (!visible).then(|| {
            format!(
                "Sealed bid: prices open at the deadline, {}.",
                rfc3339(rfq.deadline)
            )
        }),
        responses: out,
    }))
}
