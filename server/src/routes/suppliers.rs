//! Supplier organizations and their contacts.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::money::Currency;
use domain::validate::{self, FieldErrors};
use serde::Deserialize;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::routes::parts::like_pattern;
use crate::AppState;

pub const STATUSES: [&str; 3] = ["approved", "conditional", "blocked"];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/suppliers", get(list).post(create))
        .route("/api/suppliers/{id}", get(one))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    #[serde(default)]
    q: Option<String>,
}

async fn contacts(pool: &AnyPool, supplier_id: &str) -> Result<Vec<api::Contact>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT name, email, user_id FROM supplier_contacts WHERE supplier_id = $1 ORDER BY name",
    )
    .bind(supplier_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(api::Contact {
                name: col(r, "name")?,
                email: col(r, "email")?,
                has_login: col::<Option<String>>(r, "user_id")?.is_some(),
            })
        })
        .collect()
}

pub async fn from_row(pool: &AnyPool, r: &AnyRow) -> Result<api::Supplier, sqlx::Error> {
    let id: String = col(r, "id")?;
    Ok(api::Supplier {
        contacts: contacts(pool, &id).await?,
        id,
        name: col(r, "name")?,
        country: col(r, "country")?,
        currency: col(r, "currency")?,
        status: col(r, "status")?,
    })
}

async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(s): Query<Search>,
) -> AppResult<axum::Json<Vec<api::Supplier>>> {
    authorize(&user.actor, Verb::Read, Resource::SupplierDirectory)?;
    let rows = sqlx::query(
        "SELECT * FROM suppliers WHERE LOWER(name) LIKE $1 ESCAPE '\\' ORDER BY name LIMIT 500",
    )
    .bind(like_pattern(s.q.as_deref()))
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(from_row(&st.db.pool, r).await?);
    }
    Ok(axum::Json(out))
}

async fn one(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::Supplier>> {
    authorize(
        &user.actor,
        Verb::Read,
        Resource::Supplier { supplier_id: &id },
    )?;
    let row = sqlx::query("SELECT * FROM suppliers WHERE id = $1")
        .bind(&id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("supplier {id}")))?;
    Ok(axum::Json(from_row(&st.db.pool, &row).await?))
}

/// Checks a new supplier; returns (country, currency, status) normalized.
pub fn validate_new_supplier(
    s: &api::NewSupplier,
) -> Result<(String, Currency, String), FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "name", &s.name, 200);
    let country = s.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
        e.add(
            "country",
            "use a two-letter ISO 3166 country code such as DE or US",
        );
    }
    let currency = Currency::from_code(&s.currency);
    if currency.is_err() {
        e.add(
            "currency",
            "use an ISO 4217 currency code such as EUR or USD",
        );
    }
    let status = s
        .status
        .as_deref()
        .unwrap_or("approved")
        .trim()
        .to_lowercase();
    if !STATUSES.contains(&status.as_str()) {
        e.add("status", "one of approved, conditional, blocked");
    }
    e.into_result()?;
    match currency {
        Ok(c) => Ok((country, c, status)),
        Err(_) => Err(FieldErrors::new()),
    }
}

/// Inserts a supplier organization (organization + supplier rows) inside a transaction.
pub async fn insert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    name: &str,
    country: &str,
    currency: Currency,
    status: &str,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO organizations (id, name, kind, created_at) VALUES ($1, $2, 'supplier', $3)",
    )
    .bind(&id)
    .bind(name)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO suppliers (id, name, country, currency, status, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(name)
    .bind(country)
    .bind(currency.code())
    .bind(status)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(s): Json<api::NewSupplier>,
) -> AppResult<(StatusCode, axum::Json<api::Supplier>)> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let (country, currency, status) = validate_new_supplier(&s)?;
    let name = s.name.trim().to_string();
    let mut w = st.db.write().await?;
    if sqlx::query("SELECT id FROM suppliers WHERE LOWER(name) = LOWER($1)")
        .bind(&name)
        .fetch_optional(&mut **w)
        .await?
        .is_some()
    {
        return Err(AppError::conflict_field(
            "name",
            format!("a supplier named {name} already exists"),
        ));
    }
    let id = insert(&mut w, &name, &country, currency, &status).await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "supplier.create",
            entity_type: "supplier",
            entity_id: &id,
            summary: serde_json::json!({"name": name, "country": country, "currency": currency.code(), "status": status}),
        },
    )
    .await?;
    w.commit().await?;
    let row = sqlx::query("SELECT * FROM suppliers WHERE id = $1")
        .bind(&id)
        .fetch_one(&st.db.pool)
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(from_row(&st.db.pool, &row).await?),
    ))
}
