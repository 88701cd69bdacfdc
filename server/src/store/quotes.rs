//! A quote as the routes store and show it: one version as a viewer may see it (the
//! sealing rule, `domain::rfq::may_see_bid`, asked per bid: [`may_see`]), the opening of
//! bids under the writer lock ([`open_bids`]), and one submission checked and stored
//! ([`submit_in`], for the quote routes and for sync's replay). Shared by the quote,
//! RFQ, comparison, file and sync routes (issue 11: they imported `routes::quotes`).

use axum::http::StatusCode;
use domain::quote::{self, Quote};
use domain::rfq::{self as lifecycle, Sealed, Viewer};
use sqlx::any::AnyRow;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, lock_quote, lock_rfq, new_id, now_ms, rfc3339, WriteTx};
use crate::error::{AppError, AppResult};
use crate::store::rfqs::{self, RfqRow};
use crate::AppState;

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
pub fn version_from_row(
    r: &AnyRow,
    rfq: &RfqRow,
    with_prices: bool,
) -> AppResult<api::QuoteVersion> {
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
