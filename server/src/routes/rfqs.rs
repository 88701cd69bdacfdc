//! RFQs: buyers create, open, extend and invite; suppliers see only those they are
//! invited to, never drafts, and never who else is invited. The status shown is the
//! effective one (`domain::rfq::effective_status`): an open RFQ past its deadline is
//! closed by the server's clock.

use std::str::FromStr;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, NaiveDate};
use domain::access::{authorize, rfq_scope, Resource, RfqScope, Verb};
use domain::money::Currency;
use domain::revision;
use domain::rfq::{self as lifecycle, Status};
use domain::validate::{self, FieldErrors};
use rust_decimal::Decimal;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor};

use crate::audit::Change;
use crate::auth::CurrentUser;
use crate::db::{col, lock_rfq, lock_writers, new_id, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::page::{Page, PageQuery};
use crate::store::rfqs::{
    lifecycle_error, lines, load_row_in, may, opt_decimal, readable, spec_in, status_of, writable,
};
use crate::AppState;

mod requote;
pub(crate) use requote::RequoteQuery;
use requote::{requote, REQUOTE_MAX_BYTES};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/rfqs", get(list).post(create))
        .route("/api/rfqs/{id}", get(one))
        .route("/api/rfqs/from-bom", post(from_bom))
        .route(
            "/api/rfqs/requote",
            post(requote).layer(axum::extract::DefaultBodyLimit::max(REQUOTE_MAX_BYTES)),
        )
        .route("/api/rfqs/{id}/open", post(open))
        .route("/api/rfqs/{id}/extend", post(extend))
        .route("/api/rfqs/{id}/cancel", post(cancel))
        .route("/api/rfqs/{id}/suppliers", post(invite))
        .route("/api/rfqs/{id}/lines", axum::routing::put(edit_lines))
        .route("/api/rfqs/{id}/close", post(close))
        .route("/api/rfqs/{id}/award", post(award))
}

const SUMMARY_SQL: &str = "SELECT r.*, \
    (SELECT COUNT(*) FROM rfq_lines l WHERE l.rfq_id = r.id) AS line_count, \
    (SELECT COUNT(*) FROM rfq_suppliers s WHERE s.rfq_id = r.id) AS invited_count \
    FROM rfqs r";

/// `my_quote`: in the supplier's list, where its own answer stands (`my_state`).
fn summary(
    r: &AnyRow,
    internal: bool,
    now: i64,
    my_quote: Option<api::MyQuoteState>,
) -> Result<api::RfqSummary, AppError> {
    let deadline: i64 = col(r, "deadline")?;
    Ok(api::RfqSummary {
        id: col(r, "id")?,
        number: col(r, "number")?,
        title: col(r, "title")?,
        status: lifecycle::effective_status(status_of(r)?, deadline, now)
            .as_str()
            .to_string(),
        deadline: rfc3339(deadline),
        time_zone: col(r, "time_zone")?,
        sealed: col::<i64>(r, "sealed")? != 0,
        currency: col(r, "currency")?,
        line_count: col(r, "line_count")?,
        invited_count: if internal {
            col(r, "invited_count")?
        } else {
            0
        },
        my_quote,
    })
}

/// Where the supplier's own answer stands, from the latest version's status and flag the
/// supplier's list selects (`my_status`, `my_reconfirm`).
fn my_state(r: &AnyRow) -> Result<api::MyQuoteState, AppError> {
    let status: Option<String> = col(r, "my_status")?;
    let reconfirm: Option<i64> = col(r, "my_reconfirm")?;
    Ok(api::MyQuoteState::from_latest(
        status.as_deref().map(|s| (s, reconfirm.unwrap_or(0) != 0)),
    ))
}

/// `GET /api/rfqs`: one page of the RFQs the user may see, latest deadline first, with
/// `X-Total-Count` and a `Link` to the next page ([`crate::page`]; issue 10, L7: it
/// stopped at 500 without a word).
async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    uri: Uri,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    authorize(&user.actor, Verb::Read, Resource::RfqList)?;
    let page = Page::of(q)?;
    let scope = rfq_scope(&user.actor);
    let scope_is_supplier = matches!(scope, RfqScope::InvitedSupplier(_));
    let (total, rows) = match scope {
        RfqScope::All => {
            let total: i64 = col(
                &sqlx::query("SELECT COUNT(*) AS n FROM rfqs")
                    .fetch_one(&st.db.pool)
                    .await?,
                "n",
            )?;
            let rows = sqlx::query(&format!(
                "{SUMMARY_SQL} ORDER BY r.deadline DESC, r.id LIMIT $1 OFFSET $2"
            ))
            .bind(page.limit)
            .bind(page.offset)
            .fetch_all(&st.db.pool)
            .await?;
            (total, rows)
        }
        RfqScope::InvitedSupplier(sid) => {
            const VISIBLE: &str = "r.status <> 'draft' AND EXISTS \
                 (SELECT 1 FROM rfq_suppliers x WHERE x.rfq_id = r.id AND x.supplier_id = $1)";
            let total: i64 = col(
                &sqlx::query(&format!("SELECT COUNT(*) AS n FROM rfqs r WHERE {VISIBLE}"))
                    .bind(&sid)
                    .fetch_one(&st.db.pool)
                    .await?,
                "n",
            )?;
            // The supplier's own latest version: what it still owes on each RFQ.
            let rows = sqlx::query(&format!(
                "SELECT r.*, \
                 (SELECT COUNT(*) FROM rfq_lines l WHERE l.rfq_id = r.id) AS line_count, \
                 (SELECT q.status FROM quotes q WHERE q.rfq_id = r.id AND q.supplier_id = $1 \
                  ORDER BY q.version DESC LIMIT 1) AS my_status, \
                 (SELECT q.needs_reconfirmation FROM quotes q WHERE q.rfq_id = r.id AND q.supplier_id = $1 \
                  ORDER BY q.version DESC LIMIT 1) AS my_reconfirm \
                 FROM rfqs r WHERE {VISIBLE} \
                 ORDER BY r.deadline DESC, r.id LIMIT $2 OFFSET $3"
            ))
            .bind(&sid)
            .bind(page.limit)
            .bind(page.offset)
            .fetch_all(&st.db.pool)
            .await?;
            (total, rows)
        }
    };
    let internal = user.sees_buyer_view();
    let now = now_ms();
    let out = rows
        .iter()
        .map(|r| {
            let mine = scope_is_supplier.then(|| my_state(r)).transpose()?;
            summary(r, internal, now, mine)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.answer(&uri, total, out))
}

/// Records `action` on RFQ `id` in the audit trail, commits `w`, sends the messages it
/// queued when `notify`, and answers with the RFQ as `user` sees it now.
async fn commit_and_detail(
    st: &AppState,
    w: crate::db::WriteTx,
    user: &CurrentUser,
    id: &str,
    action: &str,
    summary: serde_json::Value,
    notify: bool,
) -> AppResult<api::RfqDetail> {
    w.commit_audited(Change {
        actor: user.id(),
        action,
        entity_type: "rfq",
        entity_id: id,
        summary,
    })
    .await?;
    if notify {
        crate::outbox::flush_logged(st).await;
    }
    detail(&st.db.pool, id, user).await
}

async fn detail(pool: &AnyPool, id: &str, user: &CurrentUser) -> AppResult<api::RfqDetail> {
    let row = sqlx::query(&format!("{SUMMARY_SQL} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("RFQ {id}")))?;
    let invited_rows = sqlx::query(
        "SELECT x.supplier_id, s.name FROM rfq_suppliers x JOIN suppliers s ON s.id = x.supplier_id \
         WHERE x.rfq_id = $1 ORDER BY s.name",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let mut invited = Vec::with_capacity(invited_rows.len());
    for r in &invited_rows {
        invited.push(api::InvitedSupplier {
            supplier_id: col(r, "supplier_id")?,
            supplier_name: col(r, "name")?,
        });
    }
    let internal = user.sees_buyer_view();
    if !internal {
        invited.retain(|i| Some(&i.supplier_id) == user.actor.supplier_id.as_ref());
    }
    let summary = summary(&row, internal, now_ms(), None)?;
    let awarded = summary.status == "awarded";
    let (award, my_award) = match (awarded, internal, user.actor.supplier_id.as_deref()) {
        (false, _, _) => (None, None),
        (true, true, _) => (award_summary(pool, id).await?, None),
        (true, false, Some(sid)) => (None, my_award(pool, id, sid).await?),
        (true, false, None) => (None, None),
    };
    let responded = if internal {
        Some(responded_suppliers(pool, id).await?)
    } else {
        None
    };
    let bids_opened_at = if internal {
        col::<Option<i64>>(&row, "bids_opened_at")?.map(rfc3339)
    } else {
        None
    };
    Ok(api::RfqDetail {
        summary,
        incoterm: col(&row, "incoterm")?,
        payment_terms: col(&row, "payment_terms")?,
        lines: lines(&mut *pool.acquire().await?, id, internal).await?,
        invited,
        award,
        my_award,
        responded,
        bids_opened_at,
    })
}

/// Invited suppliers with a current submitted quote (an all-lines no-bid included).
pub async fn responded_suppliers<'e>(
    db: impl Executor<'e, Database = Any>,
    rfq_id: &str,
) -> AppResult<Vec<String>> {
    let rows = sqlx::query(
        "SELECT DISTINCT q.supplier_id FROM quotes q JOIN rfq_suppliers x \
         ON x.rfq_id = q.rfq_id AND x.supplier_id = q.supplier_id \
         WHERE q.rfq_id = $1 AND q.status = 'submitted' ORDER BY q.supplier_id",
    )
    .bind(rfq_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| col::<String>(r, "supplier_id"))
        .collect::<Result<_, _>>()?)
}

const AWARDS_SQL: &str = "SELECT a.*, l.line_no, p.number AS part_number, v.label AS revision, \
     s.name AS supplier_name, u.name AS awarded_by_name \
     FROM rfq_awards a JOIN rfq_lines l ON l.id = a.rfq_line_id JOIN parts p ON p.id = l.part_id \
     JOIN revisions v ON v.id = l.revision_id JOIN suppliers s ON s.id = a.supplier_id \
     JOIN users u ON u.id = a.awarded_by WHERE a.rfq_id = $1";

fn col_dec(r: &AnyRow, name: &str) -> AppResult<Decimal> {
    Ok(crate::db::col_decimal(r, name)?)
}

/// The award as buyers see it.
async fn award_summary(pool: &AnyPool, rfq_id: &str) -> AppResult<Option<api::AwardSummary>> {
    let rows = sqlx::query(&format!("{AWARDS_SQL} ORDER BY l.line_no"))
        .bind(rfq_id)
        .fetch_all(pool)
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let mut lines = Vec::with_capacity(rows.len());
    for r in &rows {
        lines.push(api::AwardedLine {
            rfq_line_id: col(r, "rfq_line_id")?,
            line_no: col(r, "line_no")?,
            part_number: col(r, "part_number")?,
            revision: col(r, "revision")?,
            supplier_id: col(r, "supplier_id")?,
            supplier_name: col(r, "supplier_name")?,
            qty: col_dec(r, "qty")?,
            unit_price: col_dec(r, "unit_price")?,
            currency: col(r, "currency")?,
            landed: opt_decimal(r, "landed")?,
            estimate: col::<Option<String>>(r, "estimate")?
                .and_then(|s| serde_json::from_str(&s).ok()),
        });
    }
    Ok(Some(api::AwardSummary {
        awarded_at: rfc3339(col(first, "awarded_at")?),
        awarded_by: col(first, "awarded_by_name")?,
        note: col(first, "note")?,
        lines,
        settings: col::<Option<String>>(first, "settings")?
            .and_then(|s| serde_json::from_str(&s).ok()),
    }))
}

/// A supplier's own award result: the lines it won, or `not_awarded`. Nothing about
/// other suppliers.
async fn my_award(
    pool: &AnyPool,
    rfq_id: &str,
    supplier_id: &str,
) -> AppResult<Option<api::MyAward>> {
    let at = sqlx::query("SELECT MAX(awarded_at) AS at FROM rfq_awards WHERE rfq_id = $1")
        .bind(rfq_id)
        .fetch_one(pool)
        .await?;
    let Some(at) = col::<Option<i64>>(&at, "at")? else {
        return Ok(None);
    };
    let rows = sqlx::query(&format!(
        "{AWARDS_SQL} AND a.supplier_id = $2 ORDER BY l.line_no"
    ))
    .bind(rfq_id)
    .bind(supplier_id)
    .fetch_all(pool)
    .await?;
    let mut lines = Vec::with_capacity(rows.len());
    for r in &rows {
        lines.push(api::MyAwardedLine {
            rfq_line_id: col(r, "rfq_line_id")?,
            line_no: col(r, "line_no")?,
            part_number: col(r, "part_number")?,
            revision: col(r, "revision")?,
            qty: col_dec(r, "qty")?,
            unit_price: col_dec(r, "unit_price")?,
            currency: col(r, "currency")?,
        });
    }
    Ok(Some(api::MyAward {
        result: if lines.is_empty() {
            "not_awarded".into()
        } else {
            "awarded".into()
        },
        awarded_at: rfc3339(at),
        lines,
    }))
}

async fn one(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    readable(&st.db.pool, &user, &id).await?;
    Ok(axum::Json(detail(&st.db.pool, &id, &user).await?))
}

fn parse_deadline(e: &mut FieldErrors, field: &str, s: &str) -> Option<i64> {
    match DateTime::parse_from_rfc3339(s.trim()) {
        Ok(d) => Some(d.timestamp_millis()),
        Err(_) => {
            e.add(
                field,
                "give a date and time with its offset, e.g. 2026-12-15T17:00:00+01:00",
            );
            None
        }
    }
}

struct LinePlan {
    existing_id: Option<String>,
    part_id: String,
    revision_id: String,
    quantities: Vec<Decimal>,
    annual_volume: Option<Decimal>,
    need_by: Option<String>,
    notes: String,
    last_price: Option<Decimal>,
    should_cost: Option<Decimal>,
}

/// Checks new or edited lines (field errors go to `e`) and resolves their revisions.
async fn plan_lines(
    pool: &AnyPool,
    rfq_id: Option<&str>,
    lines: &[api::NewRfqLine],
    e: &mut FieldErrors,
) -> AppResult<Vec<LinePlan>> {
    // Sizes first (issue 10, outside probe L): past a bound, no line is looked up.
    let before = e.0.len();
    let mut fit =
        domain::validate::max_items(e, "lines", lines.len(), domain::rfq::limits::LINES, "lines");
    for (i, l) in lines.iter().enumerate().take(domain::rfq::limits::LINES) {
        fit &= domain::rfq::check_line_limits(
            e,
            &format!("lines[{i}]"),
            &l.part_id,
            l.revision.as_deref(),
            &l.notes,
            l.quantities.len(),
        );
    }
    if !fit || e.0.len() > before {
        return Ok(Vec::new());
    }
    let mut plans = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        if let Err(m) = lifecycle::check_quantities(&l.quantities) {
            e.add(&at("quantities"), m);
        }
        if matches!(l.annual_volume, Some(v) if v <= Decimal::ZERO) {
            e.add(&at("annual_volume"), "must be positive");
        }
        validate::bounded_opt(e, &at("annual_volume"), l.annual_volume, validate::QUANTITY);
        validate::bounded_opt(e, &at("last_price"), l.last_price, validate::AMOUNT);
        validate::bounded_opt(e, &at("should_cost"), l.should_cost, validate::AMOUNT);
        if let Some(d) = &l.need_by {
            if NaiveDate::from_str(d).is_err() {
                e.add(&at("need_by"), "a date like 2027-03-01");
            }
        }
        if matches!(l.last_price, Some(v) if v <= Decimal::ZERO) {
            e.add(
                &at("last_price"),
                "must be positive (per unit, RFQ currency)",
            );
        }
        if matches!(l.should_cost, Some(v) if v <= Decimal::ZERO) {
            e.add(
                &at("should_cost"),
                "must be positive (per unit, RFQ currency)",
            );
        }
        // The part's revisions, newest first; the choice is `domain::revision::choose`.
        let revs = sqlx::query(
            "SELECT id, label, status FROM revisions WHERE part_id = $1 ORDER BY created_at DESC, label DESC",
        )
        .bind(&l.part_id)
        .fetch_all(pool)
        .await?;
        if revs.is_empty() {
            e.add(&at("part_id"), "no such part, or it has no revisions");
            continue;
        }
        let mut ids = Vec::with_capacity(revs.len());
        let mut labels = Vec::with_capacity(revs.len());
        let mut statuses = Vec::with_capacity(revs.len());
        for r in &revs {
            ids.push(col::<String>(r, "id")?);
            labels.push(col::<String>(r, "label")?);
            let status: String = col(r, "status")?;
            statuses.push(
                revision::Status::parse(&status)
                    .ok_or_else(|| anyhow::anyhow!("revision status {status:?} is not known"))?,
            );
        }
        // A line that keeps the revision it already has was confirmed when it was chosen.
        let kept = match (rfq_id, &l.id) {
            (Some(rfq), Some(id)) => sqlx::query(
                "SELECT revision_id FROM rfq_lines WHERE id = $1 AND rfq_id = $2 AND part_id = $3",
            )
            .bind(id)
            .bind(rfq)
            .bind(&l.part_id)
            .fetch_optional(pool)
            .await?
            .map(|r| col::<String>(&r, "revision_id"))
            .transpose()?,
            _ => None,
        };
        let choices: Vec<revision::Choice<'_>> = labels
            .iter()
            .zip(&statuses)
            .map(|(label, status)| revision::Choice {
                label,
                status: *status,
            })
            .collect();
        let requested = l.revision.as_deref();
        let confirmed = l.confirm_revision
            || kept.as_ref().is_some_and(|k| {
                requested.is_some_and(|want| {
                    ids.iter().zip(&labels).any(|(id, label)| {
                        id == k && label.trim().eq_ignore_ascii_case(want.trim())
                    })
                })
            });
        match revision::choose(&choices, requested, confirmed) {
            Ok(chosen) => {
                // Labels are unique per part (0011_natural_keys.sql).
                let i = labels
                    .iter()
                    .position(|l| l == chosen.label)
                    .unwrap_or_default();
                plans.push(LinePlan {
                    existing_id: l.id.clone(),
                    part_id: l.part_id.clone(),
                    revision_id: ids[i].clone(),
                    quantities: l.quantities.clone(),
                    annual_volume: l.annual_volume,
                    need_by: l.need_by.clone(),
                    notes: l.notes.trim().to_string(),
                    last_price: l.last_price.map(|d| d.normalize()),
                    should_cost: l.should_cost.map(|d| d.normalize()),
                })
            }
            Err(m) => e.add(&at("revision"), m.to_string()),
        }
    }
    Ok(plans)
}

/// Writes `plans` as the RFQ's lines: lines named by id are updated in place (so quotes
/// that answer them still match), others inserted, and lines no longer listed removed.
async fn write_lines(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    rfq_id: &str,
    plans: &[LinePlan],
) -> AppResult<()> {
    let keep: Vec<&String> = plans
        .iter()
        .filter_map(|p| p.existing_id.as_ref())
        .collect();
    let existing = sqlx::query("SELECT id FROM rfq_lines WHERE rfq_id = $1")
        .bind(rfq_id)
        .fetch_all(&mut **tx)
        .await?;
    for r in &existing {
        let id: String = col(r, "id")?;
        if !keep.contains(&&id) {
            sqlx::query("DELETE FROM rfq_lines WHERE id = $1")
                .bind(&id)
                .execute(&mut **tx)
                .await?;
        }
    }
    // Renumber through a temporary offset so the (rfq_id, line_no) key never collides.
    sqlx::query("UPDATE rfq_lines SET line_no = line_no + 100000 WHERE rfq_id = $1")
        .bind(rfq_id)
        .execute(&mut **tx)
        .await?;
    for (i, p) in plans.iter().enumerate() {
        let q: Vec<String> = p
            .quantities
            .iter()
            .map(|d| d.normalize().to_string())
            .collect();
        let q = serde_json::to_string(&q).map_err(|e| anyhow::anyhow!(e))?;
        let annual = p.annual_volume.map(|v| v.normalize().to_string());
        if let Some(id) = &p.existing_id {
            let updated = sqlx::query(
                "UPDATE rfq_lines SET line_no = $1, part_id = $2, revision_id = $3, quantities = $4, annual_volume = $5, need_by = $6, notes = $7, \
                 last_price = $10, should_cost = $11 WHERE id = $8 AND rfq_id = $9",
            )
            .bind(i as i64 + 1)
            .bind(&p.part_id)
            .bind(&p.revision_id)
            .bind(&q)
            .bind(&annual)
            .bind(&p.need_by)
            .bind(&p.notes)
            .bind(id)
            .bind(rfq_id)
            .bind(p.last_price.map(|d| d.to_string()))
            .bind(p.should_cost.map(|d| d.to_string()))
            .execute(&mut **tx)
            .await?
            .rows_affected();
            if updated == 0 {
                let mut e = FieldErrors::new();
                e.add(
                    &format!("lines[{i}].id"),
                    format!("this RFQ has no line {id}"),
                );
                return Err(e.into());
            }
            continue;
        }
        sqlx::query(
            "INSERT INTO rfq_lines (id, rfq_id, line_no, part_id, revision_id, quantities, annual_volume, need_by, notes, last_price, should_cost) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(rfq_id)
        .bind(i as i64 + 1)
        .bind(&p.part_id)
        .bind(&p.revision_id)
        .bind(&q)
        .bind(&annual)
        .bind(&p.need_by)
        .bind(&p.notes)
        .bind(p.last_price.map(|d| d.to_string()))
        .bind(p.should_cost.map(|d| d.to_string()))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(n): Json<api::NewRfq>,
) -> AppResult<(StatusCode, axum::Json<api::RfqDetail>)> {
    authorize(&user.actor, Verb::Write, Resource::RfqList)?;
    let now = now_ms();
    let mut e = FieldErrors::new();
    let fit = domain::rfq::check_limits(
        &mut e,
        domain::rfq::RfqInput {
            title: &n.title,
            incoterm: &n.incoterm,
            payment_terms: &n.payment_terms,
            time_zone: n.time_zone.as_deref(),
            lines: n.lines.len(),
            supplier_ids: &n.supplier_ids,
        },
    );
    if !fit {
        return Err(e.into());
    }
    validate::required(&mut e, "title", &n.title, domain::rfq::limits::TITLE);
    validate::currency(&mut e, "currency", &n.currency);
    if let Some(d) = parse_deadline(&mut e, "deadline", &n.deadline) {
        if d <= now {
            e.add("deadline", "the deadline must be in the future");
        }
    }
    let plans = plan_lines(&st.db.pool, None, &n.lines, &mut e).await?;
    for (i, sid) in n.supplier_ids.iter().enumerate() {
        let s = sqlx::query("SELECT status FROM suppliers WHERE id = $1")
            .bind(sid)
            .fetch_optional(&st.db.pool)
            .await?;
        match s {
            None => e.add(&format!("supplier_ids[{i}]"), "no such supplier"),
            Some(r) if col::<String>(&r, "status")? == "blocked" => e.add(
                &format!("supplier_ids[{i}]"),
                "this supplier is blocked and cannot be invited",
            ),
            Some(_) => {}
        }
    }
    e.into_result()?;
    let deadline = DateTime::parse_from_rfc3339(n.deadline.trim())
        .map(|d| d.timestamp_millis())
        .map_err(|e| anyhow::anyhow!(e))?;
    let currency = Currency::from_code(&n.currency).map_err(|e| anyhow::anyhow!(e))?;

    let mut w = st.db.write().await?;
    lock_writers(&mut w, st.db.engine).await?;
    let year = rfc3339(now)[..4].to_string();
    let count: i64 = col(
        &sqlx::query("SELECT COUNT(*) AS n FROM rfqs WHERE number LIKE $1")
            .bind(format!("RFQ-{year}-%"))
            .fetch_one(&mut **w)
            .await?,
        "n",
    )?;
    let number = format!("RFQ-{year}-{:04}", count + 1);
    let id = new_id();
    sqlx::query(
        "INSERT INTO rfqs (id, number, title, status, deadline, time_zone, sealed, currency, incoterm, payment_terms, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&id)
    .bind(&number)
    .bind(n.title.trim())
    .bind(deadline)
    .bind(n.time_zone.as_deref().unwrap_or("UTC"))
    .bind(i64::from(n.sealed))
    .bind(currency.code())
    .bind(n.incoterm.trim())
    .bind(n.payment_terms.trim())
    .bind(user.id())
    .bind(now)
    .execute(&mut **w)
    .await?;
    write_lines(&mut w, &id, &plans).await?;
    let mut invited: Vec<&String> = n.supplier_ids.iter().collect();
    invited.sort();
    invited.dedup();
    for sid in &invited {
        sqlx::query(
            "INSERT INTO rfq_suppliers (rfq_id, supplier_id, invited_at) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(*sid)
        .bind(now)
        .execute(&mut **w)
        .await?;
    }
    let summary = serde_json::json!({"number": number, "title": n.title.trim(), "lines": plans.len(), "suppliers": invited, "sealed": n.sealed, "deadline": rfc3339(deadline)});
    Ok((
        StatusCode::CREATED,
        axum::Json(commit_and_detail(&st, w, &user, &id, "rfq.create", summary, false).await?),
    ))
}

async fn open(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    writable(&st.db.pool, &user, &id).await?;
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    // Read again under the lock: the state the decision is based on.
    let row = load_row_in(&mut w.tx, &id).await?;
    let lines: i64 = col(
        &sqlx::query("SELECT COUNT(*) AS n FROM rfq_lines WHERE rfq_id = $1")
            .bind(&id)
            .fetch_one(&mut **w)
            .await?,
        "n",
    )?;
    let now = now_ms();
    lifecycle::may_open(
        row.status,
        lines as usize,
        row.invited.len(),
        row.deadline,
        now,
    )
    .map_err(lifecycle_error)?;
    sqlx::query("UPDATE rfqs SET status = 'open', updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"number": row.number, "suppliers": row.invited});
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.open", summary, false).await?,
    ))
}

/// RFQ `id`'s title as this transaction sees it.
async fn title_of(tx: &mut sqlx::Transaction<'static, sqlx::Any>, id: &str) -> AppResult<String> {
    Ok(col(
        &sqlx::query("SELECT title FROM rfqs WHERE id = $1")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?,
        "title",
    )?)
}

/// Moves RFQ `id`'s deadline from `old` to `new` at `now` and keeps the change, with
/// its reason, in the RFQ's deadline history.
async fn move_deadline(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
    old: i64,
    new: i64,
    reason: &str,
    user: &CurrentUser,
    now: i64,
) -> AppResult<()> {
    sqlx::query("UPDATE rfqs SET deadline = $1, updated_at = $2 WHERE id = $3")
        .bind(new)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO rfq_deadline_changes (id, rfq_id, old_deadline, new_deadline, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(id)
    .bind(old)
    .bind(new)
    .bind(reason)
    .bind(user.id())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn extend(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(x): Json<api::ExtendDeadline>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    writable(&st.db.pool, &user, &id).await?;
    let mut e = FieldErrors::new();
    let new = parse_deadline(&mut e, "deadline", &x.deadline);
    domain::validate::max_chars(&mut e, "reason", &x.reason, domain::rfq::limits::REASON);
    e.into_result()?;
    let new = new.unwrap_or_default();
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    // Read again under the lock: a view that opened the bids meanwhile is seen here.
    let row = load_row_in(&mut w.tx, &id).await?;
    let now = now_ms();
    lifecycle::may_extend(&row.seal(), new, &x.reason, now).map_err(lifecycle_error)?;
    move_deadline(&mut w, &id, row.deadline, new, x.reason.trim(), &user, now).await?;
    // A draft was never sent, so nobody is told its deadline moved.
    if row.status != Status::Draft {
        crate::outbox::queue(
            &mut w,
            &row.invited,
            &crate::outbox::Notice {
                kind: "rfq.extend",
                rfq_id: Some(&id),
                subject: format!("{}: deadline extended to {}", row.number, rfc3339(new)),
                body: format!(
                    "The deadline of {} moved from {} to {}.\nReason: {}\n",
                    row.number,
                    rfc3339(row.deadline),
                    rfc3339(new),
                    x.reason.trim()
                ),
                created_by: user.id(),
            },
        )
        .await?;
    }
    let summary = serde_json::json!({"from": rfc3339(row.deadline), "to": rfc3339(new), "reason": x.reason.trim()});
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.extend", summary, true).await?,
    ))
}

async fn invite(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(x): Json<api::InviteSupplier>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    let row = writable(&st.db.pool, &user, &id).await?;
    let now = now_ms();
    may(&row, lifecycle::Action::Invite, now)?;
    let s = sqlx::query("SELECT status FROM suppliers WHERE id = $1")
        .bind(&x.supplier_id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("supplier {}", x.supplier_id)))?;
    domain::supplier::may_invite(&col::<String>(&s, "status")?)
        .map_err(|m| AppError::conflict_field("supplier_id", m))?;
    if row.invited.contains(&x.supplier_id) {
        return Ok(axum::Json(detail(&st.db.pool, &id, &user).await?));
    }
    let mut w = st.db.write().await?;
    sqlx::query("INSERT INTO rfq_suppliers (rfq_id, supplier_id, invited_at) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(&x.supplier_id)
        .bind(now)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"supplier_id": x.supplier_id});
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.invite", summary, false).await?,
    ))
}

/// `PUT /api/rfqs/{id}/lines`: replaces the lines of a draft or open RFQ. On an open RFQ
/// every submitted quote is marked as needing reconfirmation and every invited supplier
/// is told, so all bidders work from the same information.
async fn edit_lines(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(lines): Json<Vec<api::NewRfqLine>>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    let row = writable(&st.db.pool, &user, &id).await?;
    let now = now_ms();
    let status = row.effective(now);
    may(&row, lifecycle::Action::EditLines, now)?;
    let mut e = FieldErrors::new();
    let plans = plan_lines(&st.db.pool, Some(&id), &lines, &mut e).await?;
    e.into_result()?;
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    write_lines(&mut w, &id, &plans).await?;
    sqlx::query("UPDATE rfqs SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let mut notified = 0;
    let mut reconfirm = 0;
    if status == Status::Open {
        reconfirm = sqlx::query(
            "UPDATE quotes SET needs_reconfirmation = 1 WHERE rfq_id = $1 AND status = 'submitted'",
        )
        .bind(&id)
        .execute(&mut **w)
        .await?
        .rows_affected();
        let title = title_of(&mut w, &id).await?;
        notified = crate::outbox::queue(
            &mut w,
            &row.invited,
            &crate::outbox::Notice {
                kind: "rfq.amended",
                rfq_id: Some(&id),
                subject: format!("{} amended: {title}", row.number),
                body: format!(
                    "The buyer changed the lines of {} \"{title}\".\n\nPlease review the RFQ in Bidwell. \
                     If you already submitted a quote, confirm it or submit a revised one before the deadline, {}.\n",
                    row.number,
                    rfc3339(row.deadline)
                ),
                created_by: user.id(),
            },
        )
        .await?;
    }
    let summary = serde_json::json!({"lines": plans.len(), "quotes_to_reconfirm": reconfirm, "messages": notified});
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.lines_edit", summary, true).await?,
    ))
}

/// `POST /api/rfqs/from-bom`: a draft RFQ whose lines are a parent revision's children,
/// each asked at (build quantity × quantity per parent) and for its released revision.
async fn from_bom(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(b): Json<api::RfqFromBom>,
) -> AppResult<(StatusCode, axum::Json<api::RfqDetail>)> {
    authorize(&user.actor, Verb::Write, Resource::RfqList)?;
    let mut e = FieldErrors::new();
    if let Err(m) = lifecycle::check_quantities(&b.build_quantities) {
        e.add("build_quantities", m);
    }
    if matches!(b.annual_builds, Some(v) if v <= Decimal::ZERO) {
        e.add("annual_builds", "must be positive");
    }
    let children = match sqlx::query("SELECT id FROM revisions WHERE id = $1")
        .bind(&b.revision_id)
        .fetch_optional(&st.db.pool)
        .await?
    {
        None => {
            e.add("revision_id", "no such revision");
            Vec::new()
        }
        Some(_) => crate::store::bom_lines(&st.db.pool, &b.revision_id).await?,
    };
    if e.is_empty() && children.is_empty() {
        e.add(
            "revision_id",
            "this revision has no BOM lines; add children to its BOM first",
        );
    }
    // Each child is asked at its released revision (`domain::revision`); a child with none
    // needs a buyer's confirmation on its own line, which a BOM cannot give.
    let mut unreleased = Vec::new();
    for c in &children {
        let n = sqlx::query(
            "SELECT COUNT(*) AS n FROM revisions WHERE part_id = $1 AND status = 'released'",
        )
        .bind(&c.child_part_id)
        .fetch_one(&st.db.pool)
        .await?;
        if col::<i64>(&n, "n")? == 0 {
            unreleased.push(c.child_number.clone());
        }
    }
    if !unreleased.is_empty() {
        e.add(
            "revision_id",
            format!(
                "no released revision for {}: release one first, or add the line by hand and confirm its revision",
                unreleased.join(", ")
            ),
        );
    }
    e.into_result()?;
    let lines = children
        .iter()
        .map(|c| api::NewRfqLine {
            id: None,
            part_id: c.child_part_id.clone(),
            revision: None,
            confirm_revision: false,
            quantities: domain::bom::child_quantities(c.quantity, &b.build_quantities),
            // Beyond Decimal, the line's own check refuses the volume (issue 10).
            annual_volume: b.annual_builds.map(|a| {
                a.checked_mul(c.quantity)
                    .unwrap_or(Decimal::MAX)
                    .normalize()
            }),
            need_by: b.need_by.clone(),
            notes: String::new(),
            last_price: None,
            should_cost: None,
        })
        .collect();
    let n = api::NewRfq {
        title: b.title,
        currency: b.currency,
        incoterm: String::new(),
        payment_terms: String::new(),
        deadline: b.deadline,
        time_zone: None,
        sealed: b.sealed,
        lines,
        supplier_ids: b.supplier_ids,
    };
    create(State(st), user, Json(n)).await
}

/// `POST /api/rfqs/{id}/cancel` with `{reason}`: ends a draft, open or closed RFQ for
/// good; invited suppliers are told why (a draft was never sent, so nobody is told).
async fn cancel(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(c): Json<api::Reason>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    let row = writable(&st.db.pool, &user, &id).await?;
    let now = now_ms();
    may(&row, lifecycle::Action::Cancel, now)?;
    at_most_reason("reason", &c.reason)?;
    if c.reason.trim().is_empty() {
        return Err(lifecycle_error(lifecycle::LifecycleError::NoReason));
    }
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    // When it was cancelled is sealing history: a sealed RFQ cancelled before its
    // deadline stays sealed (`domain::rfq::bidding_ended`).
    sqlx::query(
        "UPDATE rfqs SET status = 'cancelled', cancelled_at = $1, updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(&id)
    .execute(&mut **w)
    .await?;
    if row.status != Status::Draft {
        crate::outbox::queue(
            &mut w,
            &row.invited,
            &crate::outbox::Notice {
                kind: "rfq.cancel",
                rfq_id: Some(&id),
                subject: format!("{} cancelled", row.number),
                body: format!(
                    "The buyer cancelled {}.\nReason: {}\nThank you for your time.\n",
                    row.number,
                    c.reason.trim()
                ),
                created_by: user.id(),
            },
        )
        .await?;
    }
    let summary =
        serde_json::json!({"reason": c.reason.trim(), "was": row.effective(now).as_str()});
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.cancel", summary, true).await?,
    ))
}

/// A free-text field of at most 2000 characters, or a field error naming it.
/// A decision's reason or note within [`domain::rfq::limits::REASON`] characters (it is
/// mailed to every invited supplier).
fn at_most_reason(field: &str, text: &str) -> AppResult<()> {
    let mut e = FieldErrors::new();
    domain::validate::max_chars(&mut e, field, text, domain::rfq::limits::REASON);
    Ok(e.into_result()?)
}

/// `POST /api/rfqs/{id}/close` with `{reason}`: ends bidding now, by the server's clock
/// (the deadline becomes now, so a sealed RFQ opens). Allowed on an open RFQ when every
/// invited supplier has responded, or with a reason when not; the reason is stored with
/// the deadline change and audited. Invited suppliers are told bidding closed (not why:
/// the reason is the buyer's own).
async fn close(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(c): Json<api::CloseBidding>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    writable(&st.db.pool, &user, &id).await?;
    at_most_reason("reason", &c.reason)?;
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    // Read again under the lock: the state the decision is based on.
    let row = load_row_in(&mut w.tx, &id).await?;
    let responded = responded_suppliers(&mut *w.tx, &id).await?;
    let all = lifecycle::all_responded(&row.invited, &responded);
    let now = now_ms();
    lifecycle::may_close(row.status, row.deadline, now, all, &c.reason).map_err(lifecycle_error)?;
    let reason = if c.reason.trim().is_empty() {
        "Closed early: every invited supplier responded".to_string()
    } else {
        c.reason.trim().to_string()
    };
    move_deadline(&mut w, &id, row.deadline, now, &reason, &user, now).await?;
    let notified = crate::outbox::queue(
        &mut w,
        &row.invited,
        &crate::outbox::Notice {
            kind: "rfq.close",
            rfq_id: Some(&id),
            subject: format!("{}: bidding closed", row.number),
            body: format!(
                "The buyer closed bidding on {} at {}, before the deadline of {}.\n\
                 Quotes can no longer be submitted, changed or withdrawn. \
                 You will hear about the outcome in Bidwell.\n",
                row.number,
                rfc3339(now),
                rfc3339(row.deadline)
            ),
            created_by: user.id(),
        },
    )
    .await?;
    let summary = serde_json::json!({
        "number": row.number,
        "deadline_was": rfc3339(row.deadline),
        "closed_at": rfc3339(now),
        "all_responded": all,
        "responded": responded.len(),
        "invited": row.invited.len(),
        "reason": reason,
        "messages": notified,
    });
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.close", summary, true).await?,
    ))
}

/// `POST /api/rfqs/{id}/award`: after bidding closed, one winning supplier per awarded
/// line at one of its breaks (`domain::rfq::check_award`: invited, with a current quote
/// that prices the line). Stores the award rows, sets the RFQ awarded, makes each
/// awarded price its revision's last price (source `award`, the RFQ number, today), and
/// tells every invited supplier its own result only. One transaction, audited.
async fn award(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(a): Json<api::AwardRequest>,
) -> AppResult<axum::Json<api::RfqDetail>> {
    writable(&st.db.pool, &user, &id).await?;
    at_most_reason("note", &a.note)?;
    let mut w = st.db.write().await?;
    lock_rfq(&mut w, st.db.engine, &id).await?;
    let row = load_row_in(&mut w.tx, &id).await?;
    let now = now_ms();
    lifecycle::may_award(row.status, row.deadline, now).map_err(lifecycle_error)?;
    // An award is decided on the bids' prices: the sealing rule, and the opening recorded.
    crate::store::quotes::may_see(&user, &row, "", now)
        .map_err(|e| crate::store::quotes::sealed_error(e, &row, &format!("RFQ {id}")))?;
    sqlx::query("UPDATE rfqs SET bids_opened_at = $1 WHERE id = $2 AND bids_opened_at IS NULL")
        .bind(now)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let spec = spec_in(&mut w.tx, &id).await?;
    let bids = crate::store::bids(&mut *w.tx, &id).await?;
    let choices: Vec<lifecycle::AwardChoice> = a
        .lines
        .iter()
        .map(|l| lifecycle::AwardChoice {
            rfq_line_id: l.rfq_line_id.clone(),
            supplier_id: l.supplier_id.clone(),
            qty: l.qty,
        })
        .collect();
    let decisions = lifecycle::check_award(&spec, &bids, &row.invited, &choices)?;
    // The settings the buyer decided with (checked as the comparison checks them), or
    // the comparison's defaults; stored with every awarded line.
    let settings = match &a.settings {
        Some(s) => {
            let mut s = s.clone();
            s.today = crate::clock::today();
            s.check()?;
            s
        }
        None => crate::store::default_settings(&mut *w.tx, spec.currency).await?,
    };
    let settings_json = serde_json::to_string(&settings).map_err(|e| anyhow::anyhow!(e))?;
    let leveled = domain::level::level(&spec, &bids, &settings);
    let today = crate::clock::today().to_string();
    let note = a.note.trim();
    let mut audit_lines = Vec::with_capacity(decisions.len());
    for d in &decisions {
        let landed = leveled
            .lines
            .iter()
            .find(|l| l.rfq_line_id == d.rfq_line_id)
            .and_then(|l| l.breaks.iter().find(|b| b.qty == d.qty))
            .and_then(|b| b.cells.iter().find(|c| c.supplier_id == d.supplier_id))
            .and_then(|c| c.breakdown.as_ref())
            .map(|b| b.landed);
        let unit_price = d.unit_price.normalize();
        // The buyer's freight and duty estimate the landed cost included, kept with it.
        let estimate_json = bids
            .iter()
            .find(|b| b.supplier_id == d.supplier_id)
            .and_then(|b| b.estimate.as_ref())
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| anyhow::anyhow!(e))?;
        sqlx::query(
            "INSERT INTO rfq_awards (id, rfq_id, rfq_line_id, supplier_id, qty, unit_price, currency, landed, note, awarded_by, awarded_at, settings, estimate) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(&d.rfq_line_id)
        .bind(&d.supplier_id)
        .bind(d.qty.normalize().to_string())
        .bind(unit_price.to_string())
        .bind(d.currency.code())
        .bind(landed.map(|l| l.normalize().to_string()))
        .bind(note)
        .bind(user.id())
        .bind(now)
        .bind(&settings_json)
        .bind(estimate_json)
        .execute(&mut **w)
        .await?;
        let line = spec.lines.iter().find(|l| l.id == d.rfq_line_id);
        // Keep this RFQ's own reference: the last price it was compared with stays on
        // the line, so its comparison still shows the deltas it was decided on.
        if let Some(prev) = line.and_then(|l| l.last_price) {
            sqlx::query(
                "UPDATE rfq_lines SET last_price = $1 WHERE id = $2 AND last_price IS NULL",
            )
            .bind(prev.normalize().to_string())
            .bind(&d.rfq_line_id)
            .execute(&mut **w)
            .await?;
        }
        sqlx::query(
            "UPDATE revisions SET last_price = $1, last_price_currency = $2, last_price_on = $3, \
             last_price_source = 'award', last_price_rfq = $4 \
             WHERE id = (SELECT revision_id FROM rfq_lines WHERE id = $5)",
        )
        .bind(unit_price.to_string())
        .bind(d.currency.code())
        .bind(&today)
        .bind(&row.number)
        .bind(&d.rfq_line_id)
        .execute(&mut **w)
        .await?;
        audit_lines.push(serde_json::json!({
            "line_no": line.map(|l| l.line_no),
            "part_number": line.map(|l| l.part_number.clone()),
            "supplier_id": d.supplier_id,
            "qty": d.qty.normalize().to_string(),
        }));
    }
    sqlx::query("UPDATE rfqs SET status = 'awarded', updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let title = title_of(&mut w, &id).await?;
    let mut notified = 0;
    for sid in &row.invited {
        let won: Vec<String> = decisions
            .iter()
            .filter(|d| &d.supplier_id == sid)
            .filter_map(|d| {
                let l = spec.lines.iter().find(|l| l.id == d.rfq_line_id)?;
                Some(format!(
                    "  Line {}: {} rev {}, {} units at {} {} per unit",
                    l.line_no,
                    l.part_number,
                    l.revision,
                    d.qty.normalize(),
                    d.unit_price.normalize(),
                    d.currency.code()
                ))
            })
            .collect();
        let notice = if won.is_empty() {
            crate::outbox::Notice {
                kind: "rfq.not_awarded",
                rfq_id: Some(&id),
                subject: format!("{}: not awarded", row.number),
                body: format!(
                    "Thank you for your response to {} \"{title}\".\n\
                     This RFQ has been awarded, and your company was not awarded any line this time.\n",
                    row.number
                ),
                created_by: user.id(),
            }
        } else {
            crate::outbox::Notice {
                kind: "rfq.award",
                rfq_id: Some(&id),
                subject: format!("{}: awarded to you", row.number),
                body: format!(
                    "Your company has been awarded on {} \"{title}\":\n{}\n\
                     The buyer will follow up with a purchase order.\n",
                    row.number,
                    won.join("\n")
                ),
                created_by: user.id(),
            }
        };
        notified += crate::outbox::queue(&mut w, std::slice::from_ref(sid), &notice).await?;
    }
    let summary = serde_json::json!({
        "number": row.number,
        "lines": audit_lines,
        "note": note,
        "messages": notified,
    });
    Ok(axum::Json(
        commit_and_detail(&st, w, &user, &id, "rfq.award", summary, true).await?,
    ))
}
