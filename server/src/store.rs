//! Loaders more than one route module reads (issue 11: route modules stopped importing
//! each other for them): the FX table and the rates against a base, the current bids of
//! an RFQ, a BOM's children, the keys an import skips, the LIKE pattern of a search;
//! an RFQ's rule facts, lines and spec ([`rfqs`]); quote versions as a viewer may see
//! them, the opening of bids and a submission stored ([`quotes`]). No route module
//! imports another (a test in `routes` keeps it so).

pub mod quotes;
pub mod rfqs;

use std::str::FromStr;

use chrono::NaiveDate;
use domain::level::{self, Bid, Settings};
use domain::money::Currency;
use rust_decimal::Decimal;
use sqlx::{Any, AnyPool, Executor};

use crate::db::col;
use crate::error::AppResult;

/// `%text%` for a case-insensitive LIKE, with LIKE's wildcards escaped; folded as the
/// natural keys are (`domain::validate::fold_key`), so it matches a `…_key` column.
pub fn like_pattern(q: Option<&str>) -> String {
    let q = domain::validate::fold_key(q.unwrap_or(""));
    let escaped: String = q
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

/// The natural keys `sql` selects (as column `k`), folded as an import compares them
/// (`domain::validate::fold_key`), for the import to skip.
pub async fn existing_keys(
    pool: &sqlx::AnyPool,
    sql: &str,
) -> AppResult<std::collections::HashSet<String>> {
    sqlx::query(sql)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok(domain::validate::fold_key(&col::<String>(r, "k")?)))
        .collect()
}

/// The children of a parent revision.
pub async fn bom_lines(pool: &AnyPool, rid: &str) -> AppResult<Vec<api::BomLine>> {
    let rows = sqlx::query(
        "SELECT b.child_part_id, b.quantity, p.number, p.name FROM bom_lines b JOIN parts p ON p.id = b.child_part_id \
         WHERE b.parent_revision_id = $1 ORDER BY p.number",
    )
    .bind(rid)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let q: String = col(r, "quantity")?;
        out.push(api::BomLine {
            child_part_id: col(r, "child_part_id")?,
            child_number: col(r, "number")?,
            child_name: col(r, "name")?,
            quantity: q
                .parse()
                .map_err(|e| anyhow::anyhow!("bom quantity {q:?}: {e}"))?,
        });
    }
    Ok(out)
}

/// The FX rows against `base`, as stored.
pub async fn rates<'e>(
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

/// The rates against `base` as the leveling code takes them: every currency the table
/// links to `base`, directly or across another base (`domain::level::rates_against`,
/// the conversion the app runs too).
pub async fn level_rates<'e>(
    db: impl Executor<'e, Database = Any>,
    base: Currency,
) -> AppResult<Vec<level::FxRate>> {
    Ok(level::rates_against(base, &fx_table(db).await?))
}

/// The comparison's default settings in `base` (`Settings::with_defaults`).
pub async fn default_settings<'e>(
    db: impl Executor<'e, Database = Any>,
    base: Currency,
) -> AppResult<Settings> {
    Ok(Settings::with_defaults(
        base,
        level_rates(db, base).await?,
        crate::clock::today(),
    ))
}

/// The current (submitted, not withdrawn) quote of every invited supplier, each with the
/// buyer's freight and duty estimate for it when there is one.
pub async fn bids<'e>(db: impl Executor<'e, Database = Any>, rfq_id: &str) -> AppResult<Vec<Bid>> {
    let rows = sqlx::query(
        "SELECT q.supplier_id, s.name, q.body, e.body AS estimate FROM quotes q \
         JOIN suppliers s ON s.id = q.supplier_id \
         LEFT JOIN landed_estimates e ON e.rfq_id = q.rfq_id AND e.supplier_id = q.supplier_id \
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
            estimate: col::<Option<String>>(r, "estimate")?
                .map(|e| serde_json::from_str(&e))
                .transpose()
                .map_err(|e| anyhow::anyhow!("stored estimate is not valid: {e}"))?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern(Some(" BRK_1% ")), "%brk\\_1\\%%");
        assert_eq!(like_pattern(None), "%%");
    }
}
