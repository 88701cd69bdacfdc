//! The leveled comparison (computed with `domain::level`, the same code the app runs),
//! its CSV export, and the exchange-rate table it converts with.

use std::str::FromStr;

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use domain::access::{authorize, Resource, Verb};
use domain::level::{self, Bid, Settings};
use domain::money::Currency;
use domain::quote::RfqSpec;
use domain::validate::{self, FieldErrors};
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::{Any, AnyPool, Executor};

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::routes::{quotes, rfqs};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/fx", get(fx_list).put(fx_put))
        .route("/api/rfqs/{id}/comparison", get(comparison))
        .route("/api/rfqs/{id}/comparison.csv", get(comparison_csv))
        .route("/api/rfqs/{id}/comparison.xlsx", get(comparison_xlsx))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct BaseQuery {
    #[serde(default)]
    base: Option<String>,
}

async fn rates<'e>(
    db: impl Executor<'e, Database = Any>,
    base: &str,
) -> AppResult<Vec<api::FxRate>> {
    let rows = sqlx::query("SELECT * FROM fx_rates WHERE base = $1 ORDER BY currency")
        .bind(base)
        .fetch_all(db)
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

/// The whole FX table as `(base, rate)` rows, for converting between any two currencies
/// it links (`domain::level::conversion`).
pub async fn fx_table<'e>(
    db: impl Executor<'e, Database = Any>,
) -> AppResult<Vec<(Currency, level::FxRate)>> {
    let rows = sqlx::query("SELECT * FROM fx_rates ORDER BY base, currency")
        .fetch_all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let rate: String = col(r, "rate")?;
        let (Ok(base), Ok(cur), Ok(rate), Ok(as_of)) = (
            Currency::from_code(&col::<String>(r, "base")?),
            Currency::from_code(&col::<String>(r, "currency")?),
            Decimal::from_str(&rate),
            NaiveDate::from_str(&col::<String>(r, "as_of")?),
        ) else {
            continue;
        };
        out.push((
            base,
            level::FxRate {
                currency: cur,
                rate,
                as_of,
            },
        ));
    }
    Ok(out)
}

/// The rates against `base` as the leveling code takes them.
async fn level_rates<'e>(
    db: impl Executor<'e, Database = Any>,
    base: Currency,
) -> AppResult<Vec<level::FxRate>> {
    Ok(rates(db, base.code())
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(level::FxRate {
                currency: Currency::from_code(&r.currency).ok()?,
                rate: r.rate,
                as_of: NaiveDate::from_str(&r.as_of).ok()?,
            })
        })
        .collect())
}

/// The comparison's default settings in `base` (2 years, 8 %, outliers at 20×).
pub async fn default_settings<'e>(
    db: impl Executor<'e, Database = Any>,
    base: Currency,
) -> AppResult<Settings> {
    Ok(Settings {
        base,
        fx: level_rates(db, base).await?,
        amortization_years: Decimal::TWO,
        cost_of_capital_pct: Decimal::from(8),
        outlier_ratio: Decimal::from(20),
        today: crate::clock::today(),
    })
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
        validate::bounded(&mut e, &format!("[{i}].rate"), r.rate, validate::FX_RATE);
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
        // One statement, so two concurrent saves of a pair cannot both insert it.
        sqlx::query("INSERT INTO fx_rates (base, currency, rate, as_of, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (base, currency) DO UPDATE SET rate = excluded.rate, as_of = excluded.as_of, \
             updated_by = excluded.updated_by, updated_at = excluded.updated_at")
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

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct LevelQuery {
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    amortization_years: Option<Decimal>,
    #[serde(default)]
    cost_of_capital_pct: Option<Decimal>,
    #[serde(default)]
    outlier_ratio: Option<Decimal>,
    /// Annual volumes the buyer is trying instead of the RFQ's: `LINE_ID:QTY,…`.
    #[serde(default)]
    volumes: Option<String>,
}

/// Reads `volumes` (`LINE_ID:QTY,…`) into the spec's lines; every problem is one field
/// error naming the part that is wrong.
fn apply_volumes(spec: &mut RfqSpec, volumes: &str, e: &mut FieldErrors) {
    for item in volumes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let Some((line_id, qty)) = item.split_once(':') else {
            e.add("volumes", format!("{item:?} is not LINE_ID:QUANTITY"));
            continue;
        };
        let Some(line) = spec.lines.iter_mut().find(|l| l.id == line_id.trim()) else {
            e.add(
                "volumes",
                format!("no line {:?} on this RFQ", line_id.trim()),
            );
            continue;
        };
        match Decimal::from_str(qty.trim()) {
            Ok(q) if q > Decimal::ZERO && validate::QUANTITY.check(q).is_ok() => {
                line.annual_volume = Some(q)
            }
            _ => e.add(
                "volumes",
                format!(
                    "line {}: {:?} is not a positive quantity (at most 1 000 000 000)",
                    line.line_no,
                    qty.trim()
                ),
            ),
        }
    }
}

/// The current (submitted, not withdrawn) quote of every invited supplier.
pub async fn bids<'e>(db: impl Executor<'e, Database = Any>, rfq_id: &str) -> AppResult<Vec<Bid>> {
    let rows = sqlx::query(
        "SELECT q.supplier_id, s.name, q.body FROM quotes q JOIN suppliers s ON s.id = q.supplier_id \
         WHERE q.rfq_id = $1 AND q.status = 'submitted' ORDER BY s.name",
    )
    .bind(rfq_id)
    .fetch_all(db)
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
    if !user.sees_buyer_view() {
        // Suppliers never see the field of bidders; their own quote is at /quote.
        return Err(AppError::not_found(format!("RFQ {id}")));
    }
    let row = rfqs::readable(&st.db.pool, user, id).await?;
    let sealed = |e| quotes::sealed_error(e, &row, &format!("RFQ {id}"));
    // The sealing rule first (a sealed RFQ answers 409 whatever the settings) …
    quotes::may_see(user, &row, "", now_ms()).map_err(sealed)?;
    let mut spec = rfqs::spec(&st.db.pool, id).await?;
    let mut e = FieldErrors::new();
    if let Some(v) = q.volumes.as_deref() {
        apply_volumes(&mut spec, v, &mut e);
    }
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
    validate::bounded(&mut e, "amortization_years", years, validate::FACTOR);
    validate::bounded(&mut e, "cost_of_capital_pct", capital, validate::PERCENT);
    validate::bounded(&mut e, "outlier_ratio", outlier, validate::FACTOR);
    e.into_result()?;
    let base = base.unwrap_or(spec.currency);
    let fx = level_rates(&st.db.pool, base).await?;
    let settings = Settings {
        base,
        fx,
        amortization_years: years,
        cost_of_capital_pct: capital,
        outlier_ratio: outlier,
        today: crate::clock::today(),
    };
    // … then, the settings being good, the opening is decided again and recorded.
    let summary = serde_json::json!({"view": "comparison"});
    quotes::open_bids(st, user, id, None, summary)
        .await?
        .map_err(sealed)?;
    let bids = bids(&st.db.pool, id).await?;
    let leveled = level::level(&spec, &bids, &settings);
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

async fn rfq_number(pool: &AnyPool, id: &str) -> AppResult<String> {
    Ok(col(
        &sqlx::query("SELECT number FROM rfqs WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await?,
        "number",
    )?)
}

/// The leveled grid as an XLSX workbook: sheet "Leveled" (one row per line × break ×
/// supplier, numbers as numbers) and sheet "Suppliers" (totals, coverage, lead time).
/// Spreadsheet cells hold IEEE doubles by format; the conversion happens only here, on
/// the way out, never in arithmetic.
fn xlsx(c: &api::Comparison) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    // Formula-like text is written as text with Excel's quote prefix (issue 10).
    let as_text = Format::new().set_quote_prefix();
    let text = |sheet: &mut rust_xlsxwriter::Worksheet,
                r: u32,
                col: u16,
                t: &str|
     -> Result<(), rust_xlsxwriter::XlsxError> {
        if level::formula_like(t) {
            sheet.write_string_with_format(r, col, t, &as_text)?;
        } else {
            sheet.write_string(r, col, t)?;
        }
        Ok(())
    };
    let sheet = wb.add_worksheet().set_name("Leveled")?;
    for (i, h) in level::EXPORT_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *h, &bold)?;
    }
    for (r, row) in level::export_rows(&c.leveled).iter().enumerate() {
        let r = r as u32 + 1;
        for (i, f) in row.iter().enumerate() {
            let col = i as u16;
            match f {
                level::Field::Text(t) => text(sheet, r, col, t)?,
                level::Field::Num(d) => {
                    sheet.write_number(r, col, d.to_f64().unwrap_or_default())?;
                }
                level::Field::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let sup = wb.add_worksheet().set_name("Suppliers")?;
    let breaks = c.leveled.suppliers.first().map_or(0, |s| s.totals.len());
    let mut head = vec![
        "supplier".to_string(),
        "lines_bid".into(),
        "lines_total".into(),
        "coverage_pct".into(),
        "max_lead_time_days".into(),
    ];
    head.extend((1..=breaks).map(|k| format!("total_at_break_{k}")));
    for (i, h) in head.iter().enumerate() {
        sup.write_string_with_format(0, i as u16, h, &bold)?;
    }
    for (r, s) in c.leveled.suppliers.iter().enumerate() {
        let r = r as u32 + 1;
        text(sup, r, 0, &s.supplier_name)?;
        sup.write_number(r, 1, s.lines_bid as f64)?;
        sup.write_number(r, 2, s.lines_total as f64)?;
        sup.write_number(r, 3, s.coverage_pct.to_f64().unwrap_or_default())?;
        if let Some(d) = s.max_lead_time_days {
            sup.write_number(r, 4, f64::from(d))?;
        }
        for (k, t) in s.totals.iter().enumerate() {
            sup.write_number(r, 5 + k as u16, t.to_f64().unwrap_or_default())?;
        }
    }
    wb.save_to_buffer()
}

async fn comparison_xlsx(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<LevelQuery>,
) -> AppResult<Response> {
    let c = build(&st, &user, &id, q).await?;
    let number = rfq_number(&st.db.pool, &id).await?;
    let bytes = xlsx(&c).map_err(|e| anyhow::anyhow!("writing the XLSX export: {e}"))?;
    Ok(crate::routes::download(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("{number}-leveled.xlsx"),
    ))
}

async fn comparison_csv(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<LevelQuery>,
) -> AppResult<Response> {
    let c = build(&st, &user, &id, q).await?;
    let number = rfq_number(&st.db.pool, &id).await?;
    Ok(crate::routes::download(
        level::to_csv(&c.leveled).into_bytes(),
        "text/csv; charset=utf-8",
        &format!("{number}-leveled.csv"),
    ))
}
