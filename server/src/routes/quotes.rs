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
use domain::quote::{self, Quote};
use domain::rfq::{self as lifecycle, Sealed, Viewer};
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, lock_quote, lock_rfq, new_id, now_ms, rfc3339, WriteTx};
use crate::error::{AppError, AppResult, Json, Path, Query};
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

/// A stored version as `user` may see it now: the quote body only where the sealing rule
/// allows (`with_prices` is that answer), the receipt and status always.
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
            // Format 2's nonce opens with the bid: whoever may see the prices may check the
            // hash; while sealed, the hash alone is no oracle for them (docs/receipt.md).
            nonce: if with_prices {
                col::<Option<String>>(r, "receipt_nonce")?
            } else {
                None
            },
        },
        status: col(r, "status")?,
        needs_reconfirmation: col::<i64>(r, "needs_reconfirmation")? != 0,
        quote,
        entered_by_buyer: col::<i64>(r, "entered_by_buyer")? != 0,
    })
}

/// The sealing rule (`domain::rfq::may_see_bid`): may `user` see the prices and documents
/// of `bidder`'s bid on `rfq` at `now`?
pub fn may_see(user: &CurrentUser, rfq: &RfqRow, bidder: &str, now: i64) -> Result<(), Sealed> {
    lifecycle::may_see_bid(Viewer::of(Some(&user.actor)), bidder, &rfq.seal(), now)
}

/// The answer when the sealing rule says no: another supplier's bid is "not found"; a
/// sealed bid is 409 `sealed`, saying when it opens (or that it never will).
pub fn sealed_error(e: Sealed, rfq: &RfqRow, what: &str) -> AppError {
    match e {
        Sealed::NotYours => AppError::not_found(what.to_string()),
        Sealed::UntilDeadline => AppError::Coded {
            status: StatusCode::CONFLICT,
            code: e.code(),
            message: format!(
                "Sealed bid: prices and quote documents open at the deadline, {}.",
                rfc3339(rfq.deadline)
            ),
        },
        Sealed::Cancelled => AppError::Coded {
            status: StatusCode::CONFLICT,
            code: e.code(),
            message:
                "Sealed bid: this RFQ was cancelled before its deadline, so its bids stay sealed."
                    .into(),
        },
    }
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

/// Opens RFQ `rfq_id`'s bids (`bidder`'s, or `None`: every bid) to `user` for a view
/// that shows their prices or documents. When this view opens them
/// (`domain::rfq::is_opening`: the buyer's side, after bidding ended), the rule is judged
/// again under the writer lock and the opening recorded in the same transaction: the
/// first one as `bids_opened_at`, and each one of a sealed RFQ (only the first of an
/// unsealed one) as an `rfq.quotes_opened` audit event with `summary`. So a deadline
/// extension racing with the view either comes first, and the bids are sealed again, or
/// sees the opening and is refused. Answers the RFQ as decided, or why it stays sealed.
/// The caller has checked that `user` may read the RFQ.
pub async fn open_bids(
    st: &AppState,
    user: &CurrentUser,
    rfq_id: &str,
    bidder: Option<&str>,
    summary: serde_json::Value,
) -> AppResult<Result<RfqRow, Sealed>> {
    let viewer = Viewer::of(Some(&user.actor));
    // An internal viewer's answer does not depend on the bidder; anyone else asking for
    // "every bid" is asking for someone else's.
    let bidder = bidder.unwrap_or_default();
    let rfq = rfqs::load_row(&st.db.pool, rfq_id).await?;
    let now = now_ms();
    if let Err(e) = lifecycle::may_see_bid(viewer, bidder, &rfq.seal(), now) {
        return Ok(Err(e));
    }
    if !lifecycle::is_opening(viewer, &rfq.seal(), now) {
        return Ok(Ok(rfq));
    }
    let mut w = st.db.write().await?;
    // The RFQ row first (it may be updated below), then every writer: `db.rs`'s order.
    lock_rfq(&mut w, st.db.engine, rfq_id).await?;
    let rfq = rfqs::load_row_in(&mut w.tx, rfq_id).await?;
    let now = now_ms();
    if let Err(e) = lifecycle::may_see_bid(viewer, bidder, &rfq.seal(), now) {
        return Ok(Err(e));
    }
    if lifecycle::is_opening(viewer, &rfq.seal(), now) {
        let mut summary = summary;
        if let Some(o) = summary
            .as_object_mut()
            .filter(|o| !o.contains_key("responses"))
        {
            let n: i64 = col(
                &sqlx::query(
                    "SELECT COUNT(*) AS n FROM quotes WHERE rfq_id = $1 AND status = 'submitted'",
                )
                .bind(rfq_id)
                .fetch_one(&mut *w.tx)
                .await?,
                "n",
            )?;
            o.insert("responses".into(), n.into());
        }
        let first = rfq.bids_opened_at.is_none();
        if first {
            sqlx::query(
                "UPDATE rfqs SET bids_opened_at = $1 WHERE id = $2 AND bids_opened_at IS NULL",
            )
            .bind(now)
            .bind(rfq_id)
            .execute(&mut *w.tx)
            .await?;
        }
        if rfq.sealed || first {
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
        }
    }
    w.commit().await?;
    Ok(Ok(rfq))
}

/// Version `version` of `supplier_id`'s quote on RFQ `rfq_id` as `user` may see it now
/// (the sealing rule), or `None` when there is no such version. For answering a replayed
/// sync conflict; the op was authorized when it was first applied.
pub async fn version_as_seen(
    st: &AppState,
    user: &CurrentUser,
    rfq_id: &str,
    supplier_id: &str,
    version: i64,
) -> AppResult<Option<api::QuoteVersion>> {
    let rfq = rfqs::load_row(&st.db.pool, rfq_id).await?;
    let row =
        sqlx::query("SELECT * FROM quotes WHERE rfq_id = $1 AND supplier_id = $2 AND version = $3")
            .bind(rfq_id)
            .bind(supplier_id)
            .bind(version)
            .fetch_optional(&st.db.pool)
            .await?;
    // A sync answer is no place to open bids: prices only where they may be seen without
    // that (a supplier's own; the buyer's side on an unsealed RFQ while bidding runs).
    let now = now_ms();
    let visible = may_see(user, &rfq, supplier_id, now).is_ok()
        && !lifecycle::is_opening(Viewer::of(Some(&user.actor)), &rfq.seal(), now);
    row.map(|r| version_from_row(&r, &rfq, visible)).transpose()
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
    /// Stored as a new version; or, when the newer version the server holds is this very
    /// quote (an online submit whose answer was lost, queued again), that version's
    /// receipt and no new version.
    Receipt(api::QuoteReceipt),
    /// The server holds a newer version than the one the person edited (offline), as the
    /// sender may see it: without prices where the sealing rule says so.
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
/// writer lock, refuses a buyer's entry over the supplier's own bid
/// (`domain::quote::may_enter_for_supplier`), supersedes the previous version, computes
/// the bid receipt and audits it. A quote entered on a supplier's behalf queues a message
/// telling the supplier (the caller flushes the outbox after commit).
pub async fn submit_in(
    w: &mut WriteTx,
    st: &AppState,
    user: &CurrentUser,
    s: &Submission<'_>,
) -> AppResult<Submitted> {
    let spec = rfqs::spec_in(&mut w.tx, s.rfq_id).await?;
    quote::validate(&spec, s.quote, crate::clock::today())?;
    let normalized = quote::normalized(s.quote);
    lock_quote(w, st.db.engine, s.rfq_id, s.supplier_id).await?;
    let now = now_ms();
    let current = rfqs::load_row_in(&mut w.tx, s.rfq_id).await?;
    lifecycle::may_quote(current.status, current.deadline, now).map_err(refused)?;
    let latest = sqlx::query(
        "SELECT * FROM quotes WHERE rfq_id = $1 AND supplier_id = $2 ORDER BY version DESC LIMIT 1",
    )
    .bind(s.rfq_id)
    .bind(s.supplier_id)
    .fetch_optional(&mut *w.tx)
    .await?;
    let last: Option<i64> = latest.as_ref().map(|r| col(r, "version")).transpose()?;
    if s.entered_by_buyer {
        let by = match &latest {
            Some(r) if col::<String>(r, "status")? == "submitted" => {
                Some(if col::<i64>(r, "entered_by_buyer")? != 0 {
                    quote::EnteredBy::Buyer
                } else {
                    quote::EnteredBy::Supplier
                })
            }
            _ => None,
        };
        quote::may_enter_for_supplier(by).map_err(|e| AppError::Coded {
            status: StatusCode::CONFLICT,
            code: e.code(),
            message: "This supplier has submitted its own quote on this RFQ; a quote entered on its behalf would replace it, so it was not saved. Ask the supplier to revise its quote in Bidwell.".into(),
        })?;
    }
    if let (Some(base), Some(row)) = (s.base_version, &latest) {
        if last.is_some_and(|l| l > base) {
            let same = col::<String>(row, "status")? == "submitted"
                && serde_json::from_str::<Quote>(&col::<String>(row, "body")?).ok()
                    == Some(normalized.clone());
            if same {
                // The sender sent exactly this content: its receipt, nonce included, tells
                // it nothing it did not know.
                let v = version_from_row(row, &current, true)?;
                return Ok(Submitted::Receipt(v.receipt));
            }
            let visible = may_see(user, &current, s.supplier_id, now).is_ok();
            return Ok(Submitted::Conflict(Box::new(version_from_row(
                row, &current, visible,
            )?)));
        }
    }
    let version = last.unwrap_or(0) + 1;
    let received_at = rfc3339(now);
    let nonce = receipt_nonce();
    let hash = quote::receipt_hash(
        s.rfq_id,
        s.supplier_id,
        u32::try_from(version).unwrap_or(u32::MAX),
        &normalized,
        &received_at,
        Some(&nonce),
    );
    sqlx::query("UPDATE quotes SET status = 'superseded' WHERE rfq_id = $1 AND supplier_id = $2 AND status = 'submitted'")
        .bind(s.rfq_id)
        .bind(s.supplier_id)
        .execute(&mut *w.tx)
        .await?;
    let body = serde_json::to_string(&normalized).map_err(|e| anyhow::anyhow!(e))?;
    sqlx::query(
        "INSERT INTO quotes (id, rfq_id, supplier_id, version, status, body, receipt_hash, received_at, submitted_by, needs_reconfirmation, entered_by_buyer, receipt_nonce) \
         VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, 0, $9, $10)",
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
    .bind(&nonce)
    .execute(&mut *w.tx)
    .await?;
    audit::append(
        w,
        Change {
            actor: user.id(),
            action: if s.entered_by_buyer { "quote.enter_for_supplier" } else { "quote.submit" },
            entity_type: "rfq",
            entity_id: s.rfq_id,
            summary: serde_json::json!({"supplier_id": s.supplier_id, "version": version, "receipt_hash": hash, "entered_by_buyer": s.entered_by_buyer}),
        },
    )
    .await?;
    if s.entered_by_buyer {
        // The supplier is told of every quote entered on its behalf: it is its bid now.
        crate::outbox::queue(
            &mut w.tx,
            &[s.supplier_id.to_string()],
            &crate::outbox::Notice {
                kind: "quote.entered_for_you",
                rfq_id: Some(s.rfq_id),
                subject: format!("{}: a quote was entered on your behalf", current.number),
                body: format!(
                    "{} ({}) entered a quote on your behalf on {}, as version {version}, received {received_at} \
                     (receipt hash {hash}).\n\nIt is your current bid. Please review it in Bidwell under \"Your quote\"; \
                     if it is not what you agreed, submit your own quote before the deadline, {}: yours replaces it.\n",
                    user.name,
                    user.org_name,
                    current.number,
                    rfc3339(current.deadline)
                ),
                created_by: user.id(),
            },
        )
        .await?;
    }
    Ok(Submitted::Receipt(api::QuoteReceipt {
        rfq_id: s.rfq_id.to_string(),
        rfq_number: current.number,
        supplier_id: s.supplier_id.to_string(),
        version,
        received_at,
        hash,
        nonce: Some(nonce),
    }))
}

/// A bid receipt's nonce (format 2, docs/receipt.md): 128 random bits as 32 lowercase hex
/// digits, from the operating system's generator.
fn receipt_nonce() -> String {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
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
