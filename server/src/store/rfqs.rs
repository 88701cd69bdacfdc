//! An RFQ as the routes read it: its rule facts ([`RfqRow`]) loaded for whoever may read
//! or change it, its lines (with the buyer-internal reference prices), the spec the
//! domain rules judge quotes by, and the lifecycle answer (`may`). Shared by the RFQ,
//! quote, comparison, file, clarification, sync and admin routes (issue 11: they imported
//! `routes::rfqs` for these before).

use std::str::FromStr;

use axum::http::StatusCode;
use chrono::NaiveDate;
use domain::access::{authorize, Resource, Verb};
use domain::money::Currency;
use domain::quote::{PaymentTerms, RfqLineSpec, RfqSpec};
use domain::rfq::{self as lifecycle, Status};
use rust_decimal::Decimal;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use crate::auth::CurrentUser;
use crate::db::col;
use crate::error::{AppError, AppResult};

/// The stored facts of one RFQ that rules need.
pub struct RfqRow {
    pub id: String,
    pub number: String,
    pub status: Status,
    pub deadline: i64,
    pub sealed: bool,
    pub invited: Vec<String>,
    /// When it was cancelled (sealing: a sealed RFQ cancelled early stays sealed).
    pub cancelled_at: Option<i64>,
    /// When a buyer first saw its bids after bidding ended (no extension after that).
    pub bids_opened_at: Option<i64>,
}

impl RfqRow {
    pub fn effective(&self, now: i64) -> Status {
        lifecycle::effective_status(self.status, self.deadline, now)
    }

    /// The RFQ as `domain::access::authorize` judges it.
    pub fn resource(&self) -> Resource<'_> {
        Resource::Rfq {
            invited: &self.invited,
            draft: self.status == Status::Draft,
        }
    }

    /// The history the sealing rule (`domain::rfq::may_see_bid`) judges.
    pub fn seal(&self) -> lifecycle::SealState {
        lifecycle::SealState {
            sealed: self.sealed,
            stored: self.status,
            deadline_ms: self.deadline,
            cancelled_at_ms: self.cancelled_at,
            bids_opened_at_ms: self.bids_opened_at,
        }
    }
}

pub fn status_of(r: &AnyRow) -> Result<Status, AppError> {
    let s: String = col(r, "status")?;
    Status::parse(&s).ok_or_else(|| anyhow::anyhow!("rfq row has unknown status {s:?}").into())
}

/// Loads an RFQ's rule facts, or 404.
pub async fn load_row(pool: &AnyPool, id: &str) -> AppResult<RfqRow> {
    load_row_in(&mut *pool.acquire().await?, id).await
}

/// [`load_row`] through the caller's connection or transaction (never a second one):
/// inside a write transaction, the state a decision under the writer lock is based on.
pub async fn load_row_in(c: &mut AnyConnection, id: &str) -> AppResult<RfqRow> {
    let r = sqlx::query(
        "SELECT id, number, status, deadline, sealed, cancelled_at, bids_opened_at FROM rfqs WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?
    .ok_or_else(|| AppError::not_found(format!("RFQ {id}")))?;
    let invited = sqlx::query("SELECT supplier_id FROM rfq_suppliers WHERE rfq_id = $1")
        .bind(id)
        .fetch_all(&mut *c)
        .await?
        .iter()
        .map(|x| col::<String>(x, "supplier_id"))
        .collect::<Result<_, _>>()?;
    Ok(RfqRow {
        id: col(&r, "id")?,
        number: col(&r, "number")?,
        status: status_of(&r)?,
        deadline: col(&r, "deadline")?,
        sealed: col::<i64>(&r, "sealed")? != 0,
        invited,
        cancelled_at: col(&r, "cancelled_at")?,
        bids_opened_at: col(&r, "bids_opened_at")?,
    })
}

/// Loads an RFQ the actor may read (404 for a supplier not invited, or for a draft).
pub async fn readable(pool: &AnyPool, user: &CurrentUser, id: &str) -> AppResult<RfqRow> {
    readable_in(&mut *pool.acquire().await?, user, id).await
}

/// [`readable`] through the caller's connection or transaction.
pub async fn readable_in(c: &mut AnyConnection, user: &CurrentUser, id: &str) -> AppResult<RfqRow> {
    let row = load_row_in(c, id).await?;
    authorize(&user.actor, Verb::Read, row.resource()).map_err(|e| match e {
        domain::access::Denied::NotFound => AppError::not_found(format!("RFQ {id}")),
        e => e.into(),
    })?;
    Ok(row)
}

/// Loads an RFQ the actor may change (buyers and admins).
pub async fn writable(pool: &AnyPool, user: &CurrentUser, id: &str) -> AppResult<RfqRow> {
    let row = load_row(pool, id).await?;
    authorize(&user.actor, Verb::Write, row.resource())?;
    Ok(row)
}

const LINES_SQL: &str =
    "SELECT l.*, p.number AS part_number, p.name AS part_name, p.uom, v.label AS revision, v.status AS revision_status, \
     v.should_cost AS rev_should_cost, v.should_cost_currency AS rev_should_cost_currency, \
     v.last_price AS rev_last_price, v.last_price_currency AS rev_last_price_currency, \
     v.last_price_on AS rev_last_price_on, v.last_price_source AS rev_last_price_source, \
     v.last_price_rfq AS rev_last_price_rfq, r.currency AS rfq_currency \
     FROM rfq_lines l JOIN parts p ON p.id = l.part_id JOIN revisions v ON v.id = l.revision_id \
     JOIN rfqs r ON r.id = l.rfq_id \
     WHERE l.rfq_id = $1 ORDER BY l.line_no";

pub fn opt_decimal(r: &AnyRow, name: &str) -> AppResult<Option<Decimal>> {
    col::<Option<String>>(r, name)?
        .map(|s| Decimal::from_str(&s))
        .transpose()
        .map_err(|e| anyhow::anyhow!("{name} is not a decimal: {e}").into())
}

/// A buyer-internal reference price of a line: the line's own value (in the RFQ's
/// currency) if the buyer entered one, else the revision's, converted into the RFQ's
/// currency with the FX table the comparison uses.
fn reference(
    line_value: Option<Decimal>,
    revision_value: Option<(Decimal, String)>,
    rfq_currency: Currency,
    fx: &[(Currency, domain::level::FxRate)],
) -> Option<api::ReferencePrice> {
    if let Some(a) = line_value {
        return Some(api::ReferencePrice {
            amount: Some(a),
            from: "line".into(),
            original: None,
            fx_rate: None,
            fx_as_of: None,
            on: None,
            source: None,
        });
    }
    let (amount, code) = revision_value?;
    let conv = Currency::from_code(&code)
        .ok()
        .and_then(|c| domain::level::conversion(c, rfq_currency, fx));
    Some(api::ReferencePrice {
        // A stored amount too large to convert (entered before the input bounds) has
        // no amount in this currency rather than a panic (issue 10).
        amount: conv
            .and_then(|(rate, _)| amount.checked_mul(rate))
            .map(domain::level::round_cost),
        from: "revision".into(),
        fx_rate: conv
            .filter(|(r, _)| *r != Decimal::ONE)
            .map(|(r, _)| domain::level::round_cost(r)),
        fx_as_of: conv.and_then(|(_, d)| d).map(|d| d.to_string()),
        original: Some(api::Money {
            amount,
            currency: code,
        }),
        on: None,
        source: None,
    })
}

/// The lines of an RFQ; `internal` adds the buyer-internal reference prices (a supplier
/// never receives them).
pub async fn lines(
    c: &mut AnyConnection,
    rfq_id: &str,
    internal: bool,
) -> AppResult<Vec<api::RfqLine>> {
    let rows = sqlx::query(LINES_SQL)
        .bind(rfq_id)
        .fetch_all(&mut *c)
        .await?;
    let fx = if internal && !rows.is_empty() {
        crate::store::fx_table(&mut *c).await?
    } else {
        Vec::new()
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let (last_price, should_cost) = if internal {
            let rfq_currency = Currency::from_code(&col::<String>(r, "rfq_currency")?)
                .map_err(|e| anyhow::anyhow!(e))?;
            let rev_money =
                |amount: &str, currency: &str| -> AppResult<Option<(Decimal, String)>> {
                    Ok(opt_decimal(r, amount)?.zip(col::<Option<String>>(r, currency)?))
                };
            let mut last = reference(
                opt_decimal(r, "last_price")?,
                rev_money("rev_last_price", "rev_last_price_currency")?,
                rfq_currency,
                &fx,
            );
            if let Some(l) = last.as_mut().filter(|l| l.from == "revision") {
                l.on = col(r, "rev_last_price_on")?;
                let source: Option<String> = col(r, "rev_last_price_source")?;
                let rfq: Option<String> = col(r, "rev_last_price_rfq")?;
                l.source = source.map(|s| match rfq {
                    Some(n) => format!("{s} {n}"),
                    None => s,
                });
            }
            let should = reference(
                opt_decimal(r, "should_cost")?,
                rev_money("rev_should_cost", "rev_should_cost_currency")?,
                rfq_currency,
                &fx,
            );
            (last, should)
        } else {
            (None, None)
        };
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
            revision_status: col(r, "revision_status")?,
            uom: col(r, "uom")?,
            quantities,
            annual_volume: annual
                .map(|a| Decimal::from_str(&a))
                .transpose()
                .map_err(|e| anyhow::anyhow!("annual volume is not a decimal: {e}"))?,
            need_by: col(r, "need_by")?,
            notes: col(r, "notes")?,
            last_price,
            should_cost,
        });
    }
    Ok(out)
}

/// The RFQ as the domain rules see it (for quote validation and leveling).
pub async fn spec(pool: &AnyPool, rfq_id: &str) -> AppResult<RfqSpec> {
    spec_in(&mut *pool.acquire().await?, rfq_id).await
}

/// [`spec`] through the caller's connection or transaction.
pub async fn spec_in(c: &mut AnyConnection, rfq_id: &str) -> AppResult<RfqSpec> {
    let r = sqlx::query("SELECT currency, incoterm, payment_terms FROM rfqs WHERE id = $1")
        .bind(rfq_id)
        .fetch_one(&mut *c)
        .await?;
    let currency: String = col(&r, "currency")?;
    let incoterm: String = col(&r, "incoterm")?;
    let terms: String = col(&r, "payment_terms")?;
    let lines = lines(c, rfq_id, true).await?;
    Ok(RfqSpec {
        currency: Currency::from_code(&currency).map_err(|e| anyhow::anyhow!(e))?,
        incoterm: (!incoterm.trim().is_empty()).then_some(incoterm),
        payment_terms: domain::extract::terms::parse_payment_terms(&terms).or_else(|| {
            (!terms.trim().is_empty()).then(|| PaymentTerms {
                text: terms.clone(),
                ..PaymentTerms::default()
            })
        }),
        lines: lines
            .into_iter()
            .map(|l| RfqLineSpec {
                id: l.id,
                line_no: u32::try_from(l.line_no).unwrap_or(0),
                part_number: l.part_number,
                revision: l.revision,
                quantities: l.quantities,
                annual_volume: l.annual_volume,
                need_by: l.need_by.and_then(|d| NaiveDate::from_str(&d).ok()),
                last_price: l.last_price.and_then(|p| p.amount),
                should_cost: l.should_cost.and_then(|p| p.amount),
            })
            .collect(),
    })
}

/// Whether `action` may be taken on the RFQ now (`domain::rfq::may`, the rule the RFQ page
/// offers its buttons by); 409 `lifecycle` with the rule's sentence when not.
pub fn may(row: &RfqRow, action: lifecycle::Action, now: i64) -> AppResult<()> {
    lifecycle::may(action, row.effective(now), row.bids_opened_at.is_some())
        .map_err(lifecycle_error)
}

pub fn lifecycle_error(e: lifecycle::LifecycleError) -> AppError {
    AppError::Coded {
        status: StatusCode::CONFLICT,
        code: "lifecycle",
        message: format!("{}.", capitalize(&e.to_string())),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
