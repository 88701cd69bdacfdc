//! The leveled comparison (computed with `domain::level`, the same code the app runs),
//! its CSV export, and the exchange-rate table it converts with.

use std::str::FromStr;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{NaiveDate, Utc};
use domain::access::{authorize, Resource, Verb};
use domain::level::{self, Bid, Settings};
use domain::money::Currency;
use domain::rfq as lifecycle;
use domain::validate::FieldErrors;
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::routes::rfqs;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/fx", get(fx_list).put(fx_put))
        .route("/api/rfqs/{id}/comparison", get(comparison))
        .route("/api/rfqs/{id}/comparison.csv", get(comparison_csv))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BaseQuery {
    #[serde(default)]
    base: Option<String>,
}

async fn rates(pool: &AnyPool, base: &str) -> AppResult<Vec<api::FxRate>> {
    let rows = sqlx::query("SELECT * FROM fx_rates WHERE base = $1 ORDER BY currency")
        .bind(base)
        .fetch_all(pool)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let rate: String = col(r, "rate")?;
        out.push(api::FxRate {
            base: col(r, "base")?,
            currency: col(r, "currency")?,
            rate: Decimal::from_str(&rate)
                .map_err(|e| anyhow::anyhow!("stored rate {rate:?}: {e}"))?,
            as_of: col(r, "as_of")?,
        });
    }
    Ok(out)
}

fn currency(e: &mut FieldErrors, field: &str, code: &str) -> Option<Currency> {
    let c = Currency::from_code(code).ok();
    if c.is_none() {
        e.add(field, "use an ISO 4217 currency code such as EUR or USD");
    }
    c
}

async fn fx_list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(q): Query<BaseQuery>,
) -> AppResult<axum::Json<Vec<api::FxRate>>> {
    authorize(&user.actor, Verb::Read, Resource::FxRates)?;
    let mut e = FieldErrors::new();
    let base = currency(&mut e, "base", q.base.as_deref().unwrap_or("USD"));
    e.into_result()?;
    let base = base.map(|b| b.code()).unwrap_or("USD");
    Ok(axum::Json(rates(&st.db.pool, base).await?))
}

/// `PUT /api/fx`: sets (inserts or replaces) the given rates.
async fn fx_put(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(list): Json<Vec<api::FxRate>>,
) -> AppResult<axum::Json<Vec<api::FxRate>>> {
    authorize(&user.actor, Verb::Write, Resource::FxRates)?;
    let mut e = FieldErrors::new();
    for (i, r) in list.iter().enumerate() {
        let b = currency(&mut e, &format!("[{i}].base"), &r.base);
        let c = currency(&mut e, &format!("[{i}].currency"), &r.currency);
        if b.is_some() && b == c {
            e.add(
                &format!("[{i}].currency"),
                "a rate converts between two different currencies",
            );
        }
        if r.rate <= Decimal::ZERO {
            e.add(&format!("[{i}].rate"), "the rate must be positive");
        }
        if NaiveDate::from_str(&r.as_of).is_err() {
            e.add(&format!("[{i}].as_of"), "a date like 2026-11-20");
        }
    }
    e.into_result()?;
    let mut w = st.db.write().await?;
    let now = now_ms();
    for r in &list {
        let (base, cur) = (
            r.base.trim().to_ascii_uppercase(),
            r.currency.trim().to_ascii_uppercase(),
        );
        sqlx::query("DELETE FROM fx_rates WHERE base = $1 AND currency = $2")
            .bind(&base)
            .bind(&cur)
            .execute(&mut **w)
            .await?;
        sqlx::query("INSERT INTO fx_rates (base, currency, rate, as_of, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&base)
            .bind(&cur)
            .bind(r.rate.normalize().to_string())
            .bind(&r.as_of)
            .bind(user.id())
            .bind(now)
            .execute(&mut **w)
            .await?;
    }
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "fx.update",
            entity_type: "fx_rates",
            entity_id: "table",
            summary: serde_json::to_value(&list).map_err(|e| anyhow::anyhow!(e))?,
        },
    )
    .await?;
    w.commit().await?;
    let base = list
        .first()
        .map_or("USD".to_string(), |r| r.base.trim().to_ascii_uppercase());
    Ok(axum::Json(rates(&st.db.pool, &base).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelQuery {
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    amortization_years: Option<Decimal>,
    #[serde(default)]
    cost_of_capital_pct: Option<Decimal>,
    #[serde(default)]
    outlier_ratio: Option<Decimal>,
}

/// The current (submitted, not withdrawn) quote of every invited supplier.
pub async fn bids(pool: &AnyPool, rfq_id: &str) -> AppResult<Vec<Bid>> {
    let rows = sqlx::query(
        "SELECT q.supplier_id, s.name, q.body FROM quotes q JOIN suppliers s ON s.id = q.supplier_id \
         WHERE q.rfq_id = $1 AND q.status = 'submitted' ORDER BY s.name",
    )
    .bind(rfq_id)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let body: String = col(r, "body")?;
        out.push(Bid {
            supplier_id: col(r, "supplier_id")?,
            supplier_name: col(r, "name")?,
            quote: serde_json::from_str(&body)
                .map_err(|e| anyhow::anyhow!("stored quote is not valid: {e}"))?,
        });
    }
    Ok(out)
}

async fn build(
    st: &AppState,
    user: &CurrentUser,
    id: &str,
    q: LevelQuery,
) -> AppResult<api::Comparison> {
    if !user.actor.role.is_internal() {
        return Err(AppError::not_found(format!("RFQ {id}")));
    }
    let row = rfqs::readable(&st.db.pool, user, id).await?;
    let now = now_ms();
    if !lifecycle::prices_visible(row.sealed, row.status, row.deadline, now) {
        return Err(AppError::Coded {
            status: StatusCode::CONFLICT,
            code: "sealed",
            message: format!(
                "Sealed bid: prices open at the deadline, {}.",
                rfc3339(row.deadline)
            ),
        });
    }
    let spec = rfqs::spec(&st.db.pool, id).await?;
    let mut e = FieldErrors::new();
    let base = match q.base.as_deref() {
        Some(b) => currency(&mut e, "base", b),
        None => Some(spec.currency),
    };
    let years = q.amortization_years.unwrap_or(Decimal::TWO);
    let capital = q.cost_of_capital_pct.unwrap_or(Decimal::from(8));
    let outlier = q.outlier_ratio.unwrap_or(Decimal::from(20));
    if years < Decimal::ZERO || years > Decimal::from(30) {
        e.add("amortization_years", "between 0 and 30 years");
    }
    if capital < Decimal::ZERO || capital > Decimal::ONE_HUNDRED {
        e.add("cost_of_capital_pct", "between 0 and 100 percent");
    }
    if outlier <= Decimal::ONE {
        e.add("outlier_ratio", "greater than 1");
    }
    e.into_result()?;
    let base = base.unwrap_or(spec.currency);
    let fx = rates(&st.db.pool, base.code())
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(level::FxRate {
                currency: Currency::from_code(&r.currency).ok()?,
                rate: r.rate,
                as_of: NaiveDate::from_str(&r.as_of).ok()?,
            })
        })
        .collect();
    let settings = Settings {
        base,
        fx,
        amortization_years: years,
        cost_of_capital_pct: capital,
        outlier_ratio: outlier,
        today: Utc::now().date_naive(),
    };
    let bids = bids(&st.db.pool, id).await?;
    let leveled = level::level(&spec, &bids, &settings);
    if row.sealed {
        let mut w = st.db.write().await?;
        audit::append(
            &mut w,
            Change {
                actor: user.id(),
                action: "rfq.quotes_opened",
                entity_type: "rfq",
                entity_id: id,
                summary: serde_json::json!({"responses": bids.len(), "view": "comparison"}),
            },
        )
        .await?;
        w.commit().await?;
    }
    Ok(api::Comparison {
        rfq: spec,
        bids,
        settings,
        leveled,
    })
}

async fn comparison(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<LevelQuery>,
) -> AppResult<axum::Json<api::Comparison>> {
    Ok(axum::Json(build(&st, &user, &id, q).await?))
}

async fn comparison_csv(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<LevelQuery>,
) -> AppResult<Response> {
    let c = build(&st, &user, &id, q).await?;
    let number: String = col(
        &sqlx::query("SELECT number FROM rfqs WHERE id = $1")
            .bind(&id)
            .fetch_one(&st.db.pool)
            .await?,
        "number",
    )?;
    let mut res = level::to_csv(&c.leveled).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{number}-leveled.csv\""))
    {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
