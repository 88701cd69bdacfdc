//! The leveled comparison (computed with `domain::level`, the same code the app runs),
//! its CSV export, and the exchange-rate table it converts with.

use std::str::FromStr;

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::level::{self, Settings};
use domain::quote::RfqSpec;
use domain::validate::{self, FieldErrors};
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::store;
use crate::store::{quotes, rfqs};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/fx", get(fx_list).put(fx_put))
        .route("/api/fx/import", axum::routing::post(fx_import))
        .route("/api/rfqs/{id}/comparison", get(comparison))
        .route("/api/rfqs/{id}/comparison.csv", get(comparison_csv))
        .route("/api/rfqs/{id}/comparison.xlsx", get(comparison_xlsx))
        .route(
            "/api/rfqs/{id}/estimates/{supplier_id}",
            axum::routing::put(estimate_put).delete(estimate_delete),
        )
}

/// The RFQ the buyer's side may change, and the supplier invited to it (else 404).
async fn estimate_target(
    st: &AppState,
    user: &CurrentUser,
    id: &str,
    supplier_id: &str,
) -> AppResult<()> {
    let row = rfqs::writable(&st.db.pool, user, id).await?;
    if !row.invited.iter().any(|s| s == supplier_id) {
        return Err(AppError::not_found(format!(
            "supplier {supplier_id} on RFQ {id}"
        )));
    }
    Ok(())
}

/// `PUT /api/rfqs/{id}/estimates/{supplier_id}`: the buyer's freight and duty estimate
/// for an invited supplier's quote (`domain::level::estimate_from`, the form's check),
/// replacing the previous one; the comparison adds it to the bid's landed cost. Audited
/// (`rfq.estimate`). It names no bid price, so the sealing rule does not bar it.
async fn estimate_put(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, supplier_id)): Path<(String, String)>,
    Json(r): Json<api::EstimateRequest>,
) -> AppResult<axum::Json<level::LandedEstimate>> {
    estimate_target(&st, &user, &id, &supplier_id).await?;
    let est = level::estimate_from(&r.currency, r.freight, r.duty_pct, &r.note)?;
    let body = serde_json::to_string(&est).map_err(|e| anyhow::anyhow!(e))?;
    let mut w = st.db.write().await?;
    // One statement, so two concurrent saves cannot both insert the row.
    sqlx::query(
        "INSERT INTO landed_estimates (rfq_id, supplier_id, body, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (rfq_id, supplier_id) DO UPDATE SET \
         body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(&id)
    .bind(&supplier_id)
    .bind(&body)
    .bind(user.id())
    .bind(now_ms())
    .execute(&mut **w)
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "rfq.estimate",
            entity_type: "rfq",
            entity_id: &id,
            summary: serde_json::json!({"supplier_id": supplier_id, "estimate": est}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(axum::Json(est))
}

/// `DELETE /api/rfqs/{id}/estimates/{supplier_id}`: removes the estimate (the quote is
/// "estimate missing" again if its terms differ). Audited when there was one.
async fn estimate_delete(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, supplier_id)): Path<(String, String)>,
) -> AppResult<axum::http::StatusCode> {
    estimate_target(&st, &user, &id, &supplier_id).await?;
    let mut w = st.db.write().await?;
    let gone = sqlx::query("DELETE FROM landed_estimates WHERE rfq_id = $1 AND supplier_id = $2")
        .bind(&id)
        .bind(&supplier_id)
        .execute(&mut **w)
        .await?
        .rows_affected();
    if gone > 0 {
        audit::append(
            &mut w,
            Change {
                actor: user.id(),
                action: "rfq.estimate_removed",
                entity_type: "rfq",
                entity_id: &id,
                summary: serde_json::json!({"supplier_id": supplier_id}),
            },
        )
        .await?;
    }
    w.commit().await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct BaseQuery {
    #[serde(default)]
    base: Option<String>,
}

async fn fx_list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(q): Query<BaseQuery>,
) -> AppResult<axum::Json<Vec<api::FxRate>>> {
    authorize(&user.actor, Verb::Read, Resource::FxRates)?;
    let mut e = FieldErrors::new();
    let base = validate::currency(&mut e, "base", q.base.as_deref().unwrap_or("USD"));
    e.into_result()?;
    let base = base.map(|b| b.code()).unwrap_or("USD");
    Ok(axum::Json(store::rates(&st.db.pool, base).await?))
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
        let b = validate::currency(&mut e, &format!("[{i}].base"), &r.base);
        let c = validate::currency(&mut e, &format!("[{i}].currency"), &r.currency);
        if b.is_some() && b == c {
            e.add(
                &format!("[{i}].currency"),
                "a rate converts between two different currencies",
            );
        }
        level::fx_rate(&mut e, &format!("[{i}].rate"), r.rate);
        level::fx_as_of(
            &mut e,
            &format!("[{i}].as_of"),
            &r.as_of,
            crate::clock::today(),
        );
    }
    e.into_result()?;
    let rows: Vec<api::FxRate> = list
        .iter()
        .map(|r| api::FxRate {
            base: r.base.trim().to_ascii_uppercase(),
            currency: r.currency.trim().to_ascii_uppercase(),
            ..r.clone()
        })
        .collect();
    let summary = serde_json::to_value(&list).map_err(|e| anyhow::anyhow!(e))?;
    save_rates(&st, &user, &rows, "fx.update", summary).await?;
    let base = list
        .first()
        .map_or("USD".to_string(), |r| r.base.trim().to_ascii_uppercase());
    Ok(axum::Json(store::rates(&st.db.pool, &base).await?))
}

/// `POST /api/fx/import`: the body is an ECB euro reference-rate file (daily or
/// historical, CSV or XML, `domain::ecb`); the newest rate per currency is stored with
/// its date as the row "one euro in that currency", replacing the pair's previous rate.
async fn fx_import(
    State(st): State<AppState>,
    user: CurrentUser,
    body: axum::body::Bytes,
) -> AppResult<axum::Json<api::FxImport>> {
    authorize(&user.actor, Verb::Write, Resource::FxRates)?;
    let parsed = domain::ecb::parse(&body).map_err(|m| {
        let mut e = FieldErrors::new();
        e.add("file", m);
        AppError::from(e)
    })?;
    let imported: Vec<api::FxRate> = parsed
        .rows
        .iter()
        .map(|(base, r)| api::FxRate {
            base: base.code().to_string(),
            currency: r.currency.code().to_string(),
            rate: r.rate,
            as_of: r.as_of.to_string(),
        })
        .collect();
    let mut e = FieldErrors::new();
    for (i, r) in imported.iter().enumerate() {
        level::fx_rate(&mut e, &format!("rates[{i}].rate"), r.rate);
    }
    e.into_result()?;
    let summary =
        serde_json::json!({"source": "ecb", "rates": imported.len(), "skipped": parsed.skipped});
    save_rates(&st, &user, &imported, "fx.import", summary).await?;
    Ok(axum::Json(api::FxImport {
        imported,
        skipped: parsed.skipped,
    }))
}

/// Sets (inserts or replaces) checked, normalized `rows` and audits `action` with
/// `summary`, in one transaction.
async fn save_rates(
    st: &AppState,
    user: &CurrentUser,
    rows: &[api::FxRate],
    action: &str,
    summary: serde_json::Value,
) -> AppResult<()> {
    let mut w = st.db.write().await?;
    let now = now_ms();
    for r in rows {
        // One statement, so two concurrent saves of a pair cannot both insert it.
        sqlx::query("INSERT INTO fx_rates (base, currency, rate, as_of, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (base, currency) DO UPDATE SET rate = excluded.rate, as_of = excluded.as_of, \
             updated_by = excluded.updated_by, updated_at = excluded.updated_at")
            .bind(&r.base)
            .bind(&r.currency)
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
            action,
            entity_type: "fx_rates",
            entity_id: "table",
            summary,
        },
    )
    .await?;
    w.commit().await?;
    Ok(())
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
        Some(b) => validate::currency(&mut e, "base", b),
        None => Some(spec.currency),
    };
    let years = q
        .amortization_years
        .unwrap_or(level::DEFAULT_AMORTIZATION_YEARS);
    let capital = q
        .cost_of_capital_pct
        .unwrap_or(level::DEFAULT_COST_OF_CAPITAL_PCT);
    let outlier = q.outlier_ratio.unwrap_or(level::DEFAULT_OUTLIER_RATIO);
    level::check_knobs(&mut e, years, capital, outlier);
    e.into_result()?;
    let base = base.unwrap_or(spec.currency);
    let table = store::fx_table(&st.db.pool).await?;
    let settings = Settings {
        amortization_years: years,
        cost_of_capital_pct: capital,
        outlier_ratio: outlier,
        ..Settings::with_defaults(
            base,
            level::rates_against(base, &table),
            crate::clock::today(),
        )
    };
    // … then, the settings being good, the opening is decided again and recorded.
    let summary = serde_json::json!({"view": "comparison"});
    quotes::open_bids(st, user, id, None, summary)
        .await?
        .map_err(sealed)?;
    let bids = store::bids(&st.db.pool, id).await?;
    let leveled = level::level(&spec, &bids, &settings);
    Ok(api::Comparison {
        rfq: spec,
        bids,
        settings,
        leveled,
        fx_table: table
            .into_iter()
            .map(|(base, r)| api::FxRate {
                base: base.code().to_string(),
                currency: r.currency.code().to_string(),
                rate: r.rate,
                as_of: r.as_of.to_string(),
            })
            .collect(),
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
