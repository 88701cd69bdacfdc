//! Supplier organizations and their contacts.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::money::Currency;
use domain::supplier::{
    self as supplier, cert_status, normalize_categories, SupplierFields, SupplierInput,
};
use domain::validate::{self, FieldErrors};
use serde::Deserialize;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::page::Page;
use crate::store::like_pattern;
use crate::AppState;

pub use domain::supplier::STATUSES;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/suppliers", get(list).post(create))
        .route("/api/suppliers/{id}", get(one).patch(update))
        .route(
            "/api/suppliers/{id}/contacts",
            axum::routing::post(add_contact),
        )
        .route(
            "/api/suppliers/{id}/contacts/{cid}",
            axum::routing::patch(update_contact).delete(remove_contact),
        )
        .route(
            "/api/suppliers/{id}/certifications",
            axum::routing::post(add_certification),
        )
        .route(
            "/api/suppliers/{id}/certifications/{cid}",
            axum::routing::delete(remove_certification),
        )
        .route("/api/suppliers.csv", get(export_csv))
        .route(
            "/api/suppliers/import",
            axum::routing::post(import)
                .layer(axum::extract::DefaultBodyLimit::max(25 * 1024 * 1024)),
        )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Search {
    #[serde(default)]
    q: Option<String>,
    /// `approved`, `conditional` or `blocked`.
    #[serde(default)]
    status: Option<String>,
    /// A category the supplier must have.
    #[serde(default)]
    category: Option<String>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    country: Option<String>,
    /// Suppliers in this page: 1 to 1000 (default 500); see `X-Total-Count` and `Link`.
    #[serde(default)]
    limit: Option<i64>,
    /// Suppliers to skip (default 0).
    #[serde(default)]
    offset: Option<i64>,
}

async fn contacts(pool: &AnyPool, supplier_id: &str) -> Result<Vec<api::Contact>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, name, email, user_id FROM supplier_contacts WHERE supplier_id = $1 ORDER BY name",
    )
    .bind(supplier_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(api::Contact {
                id: col(r, "id")?,
                name: col(r, "name")?,
                email: col(r, "email")?,
                has_login: col::<Option<String>>(r, "user_id")?.is_some(),
            })
        })
        .collect()
}

async fn certifications(
    pool: &AnyPool,
    supplier_id: &str,
) -> Result<Vec<api::Certification>, sqlx::Error> {
    let today = crate::clock::today();
    let rows = sqlx::query(
        "SELECT * FROM certifications WHERE supplier_id = $1 ORDER BY expires_on, name",
    )
    .bind(supplier_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let expires_on: Option<String> = col(r, "expires_on")?;
            let date = expires_on.as_deref().and_then(|d| d.parse().ok());
            Ok(api::Certification {
                id: col(r, "id")?,
                name: col(r, "name")?,
                number: col(r, "number")?,
                status: cert_status(date, today),
                expires_on,
            })
        })
        .collect()
}

pub async fn from_row(pool: &AnyPool, r: &AnyRow) -> Result<api::Supplier, sqlx::Error> {
    let id: String = col(r, "id")?;
    let categories: String = col(r, "categories")?;
    Ok(api::Supplier {
        contacts: contacts(pool, &id).await?,
        certifications: certifications(pool, &id).await?,
        categories: serde_json::from_str(&categories).unwrap_or_default(),
        id,
        name: col(r, "name")?,
        country: col(r, "country")?,
        currency: col(r, "currency")?,
        status: col(r, "status")?,
    })
}

/// `GET /api/suppliers`: one page of the directory with `X-Total-Count` and a `Link` to
/// the next page ([`crate::page`]; issue 10, L7: it stopped at 500 without a word, and the
/// category filter only looked at those 500).
async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    uri: Uri,
    Query(s): Query<Search>,
) -> AppResult<Response> {
    authorize(&user.actor, Verb::Read, Resource::SupplierDirectory)?;
    let page = Page::new(s.limit, s.offset)?;
    // Every filter runs in SQL, so the count and the page come from the database without
    // loading the directory; the category is an element of the stored JSON list, matched
    // whole (`Engine::json_list_has`), never a piece of another one.
    let filter = format!(
        "name_key LIKE $1 ESCAPE '\\' AND ($2 = '' OR status = $2) AND ($3 = '' OR country = $3) \
         AND ($4 = '' OR {})",
        st.db.engine.json_list_has("categories", "$4")
    );
    let pattern = like_pattern(s.q.as_deref());
    let status = s.status.as_deref().unwrap_or("").trim().to_lowercase();
    let country = s
        .country
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    let category = s.category.as_deref().unwrap_or("").trim().to_lowercase();
    let total: i64 = col(
        &sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM suppliers WHERE {filter}"
        ))
        .bind(&pattern)
        .bind(&status)
        .bind(&country)
        .bind(&category)
        .fetch_one(&st.db.pool)
        .await?,
        "n",
    )?;
    let rows = sqlx::query(&format!(
        "SELECT * FROM suppliers WHERE {filter} ORDER BY name, id LIMIT $5 OFFSET $6"
    ))
    .bind(&pattern)
    .bind(&status)
    .bind(&country)
    .bind(&category)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&st.db.pool)
    .await?;
    // Contacts and certificates are loaded for the page only.
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(from_row(&st.db.pool, r).await?);
    }
    Ok(page.answer(&uri, total, out))
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
    Ok(axum::Json(load(&st.db.pool, &id).await?))
}

/// Checks a new supplier with `domain::supplier::check` (the rule the app's forms apply).
pub fn validate_new_supplier(s: &api::NewSupplier) -> Result<SupplierFields, FieldErrors> {
    supplier::check(&SupplierInput {
        name: &s.name,
        country: &s.country,
        currency: &s.currency,
        status: s.status.as_deref(),
    })
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
        "INSERT INTO suppliers (id, name, name_key, country, currency, status, created_at) VALUES ($1, $2, $7, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(name)
    .bind(country)
    .bind(currency.code())
    .bind(status)
    .bind(now)
    .bind(domain::validate::fold_key(name))
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
    let SupplierFields {
        name,
        country,
        currency,
        status,
    } = validate_new_supplier(&s)?;
    let mut w = st.db.write().await?;
    if sqlx::query("SELECT id FROM suppliers WHERE name_key = $1")
        .bind(domain::validate::fold_key(&name))
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
    let summary = serde_json::json!({"name": name, "country": country, "currency": currency.code(), "status": status});
    Ok((
        StatusCode::CREATED,
        axum::Json(commit_and_load(&st, w, &user, &id, "supplier.create", summary).await?),
    ))
}

/// Records `action` on supplier `id` in the audit trail, commits `w`, and answers with the
/// supplier as stored now.
async fn commit_and_load(
    st: &AppState,
    w: crate::db::WriteTx,
    user: &CurrentUser,
    id: &str,
    action: &str,
    summary: serde_json::Value,
) -> AppResult<api::Supplier> {
    w.commit_audited(Change {
        actor: user.id(),
        action,
        entity_type: "supplier",
        entity_id: id,
        summary,
    })
    .await?;
    load(&st.db.pool, id).await
}

async fn load(pool: &AnyPool, id: &str) -> AppResult<api::Supplier> {
    let row = sqlx::query("SELECT * FROM suppliers WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("supplier {id}")))?;
    Ok(from_row(pool, &row).await?)
}

/// `PATCH /api/suppliers/{id}`.
async fn update(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(u): Json<api::UpdateSupplier>,
) -> AppResult<axum::Json<api::Supplier>> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let before = load(&st.db.pool, &id).await?;
    let SupplierFields {
        name,
        country,
        currency,
        status,
    } = supplier::check(&SupplierInput {
        name: u.name.as_deref().unwrap_or(&before.name),
        country: u.country.as_deref().unwrap_or(&before.country),
        currency: u.currency.as_deref().unwrap_or(&before.currency),
        status: Some(u.status.as_deref().unwrap_or(&before.status)),
    })?;
    let currency = currency.code();
    let categories = match u.categories.as_deref() {
        Some(cats) => supplier::check_categories(cats)?,
        None => before.categories.clone(),
    };
    let mut w = st.db.write().await?;
    let cats = serde_json::to_string(&categories).map_err(|e| anyhow::anyhow!(e))?;
    sqlx::query("UPDATE suppliers SET name = $1, name_key = $7, country = $2, currency = $3, status = $4, categories = $5 WHERE id = $6")
        .bind(&name)
        .bind(&country)
        .bind(currency)
        .bind(&status)
        .bind(&cats)
        .bind(&id)
        .bind(domain::validate::fold_key(&name))
        .execute(&mut **w)
        .await?;
    sqlx::query("UPDATE organizations SET name = $1 WHERE id = $2")
        .bind(&name)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({
        "before": {"name": before.name, "country": before.country, "currency": before.currency, "status": before.status, "categories": before.categories},
        "after": {"name": name, "country": country, "currency": currency, "status": status, "categories": categories},
    });
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "supplier.update", summary).await?,
    ))
}

/// `POST /api/suppliers/{id}/contacts`: a contact without a login (invite to give one).
async fn add_contact(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(c): Json<api::NewContact>,
) -> AppResult<(StatusCode, axum::Json<api::Supplier>)> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    load(&st.db.pool, &id).await?;
    let (name, email) = supplier::check_contact(&c.name, &c.email)?;
    let mut w = st.db.write().await?;
    contact_email_free(&mut w, &id, &email, None).await?;
    sqlx::query("INSERT INTO supplier_contacts (id, supplier_id, name, email, user_id) VALUES ($1, $2, $3, $4, NULL)")
        .bind(new_id())
        .bind(&id)
        .bind(&name)
        .bind(&email)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"name": name, "email": email});
    Ok((
        StatusCode::CREATED,
        axum::Json(commit_and_load(&st, w, &user, &id, "supplier.contact_add", summary).await?),
    ))
}

/// 409 on `email` when a contact of supplier `id` (other than contact `except`) already
/// has that address.
async fn contact_email_free(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
    email: &str,
    except: Option<&str>,
) -> AppResult<()> {
    let taken = sqlx::query(
        "SELECT id FROM supplier_contacts WHERE supplier_id = $1 AND email = $2 AND id <> $3",
    )
    .bind(id)
    .bind(email)
    .bind(except.unwrap_or(""))
    .fetch_optional(&mut **tx)
    .await?
    .is_some();
    if taken {
        return Err(AppError::conflict_field(
            "email",
            format!("{email} is already a contact of this supplier"),
        ));
    }
    Ok(())
}

/// One contact row of a supplier: (name, email, has a login).
async fn contact_row(
    pool: &AnyPool,
    supplier_id: &str,
    cid: &str,
) -> AppResult<(String, String, bool)> {
    let r = sqlx::query(
        "SELECT name, email, user_id FROM supplier_contacts WHERE id = $1 AND supplier_id = $2",
    )
    .bind(cid)
    .bind(supplier_id)
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| AppError::not_found(format!("contact {cid}")))?;
    Ok((
        col(&r, "name")?,
        col(&r, "email")?,
        col::<Option<String>>(&r, "user_id")?.is_some(),
    ))
}

/// `PATCH /api/suppliers/{id}/contacts/{cid}`: name and e-mail; the e-mail of a contact
/// with a login is the login and does not change here.
async fn update_contact(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, cid)): Path<(String, String)>,
    Json(u): Json<api::UpdateContact>,
) -> AppResult<axum::Json<api::Supplier>> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let (old_name, old_email, has_login) = contact_row(&st.db.pool, &id, &cid).await?;
    let (name, email) = supplier::check_contact(
        u.name.as_deref().unwrap_or(&old_name),
        u.email.as_deref().unwrap_or(&old_email),
    )?;
    let mut e = FieldErrors::new();
    if has_login && email != old_email {
        e.add(
            "email",
            format!("{old_email} signs in to Bidwell with this address; it cannot change here"),
        );
    }
    e.into_result()?;
    let mut w = st.db.write().await?;
    if email != old_email {
        contact_email_free(&mut w, &id, &email, Some(&cid)).await?;
    }
    sqlx::query("UPDATE supplier_contacts SET name = $1, email = $2 WHERE id = $3")
        .bind(&name)
        .bind(&email)
        .bind(&cid)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({
        "contact_id": cid,
        "before": {"name": old_name, "email": old_email},
        "after": {"name": name, "email": email},
    });
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "supplier.contact_update", summary).await?,
    ))
}

/// `DELETE /api/suppliers/{id}/contacts/{cid}`: a contact without a login (one with a
/// login is a user account, which this does not remove).
async fn remove_contact(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, cid)): Path<(String, String)>,
) -> AppResult<axum::Json<api::Supplier>> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let (name, email, has_login) = contact_row(&st.db.pool, &id, &cid).await?;
    if has_login {
        return Err(AppError::Coded {
            status: StatusCode::CONFLICT,
            code: "contact_has_login",
            message: format!(
                "{name} <{email}> has a Bidwell login and stays listed while the account exists."
            ),
        });
    }
    let mut w = st.db.write().await?;
    sqlx::query("DELETE FROM supplier_contacts WHERE id = $1 AND supplier_id = $2")
        .bind(&cid)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"contact_id": cid, "name": name, "email": email});
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "supplier.contact_remove", summary).await?,
    ))
}

async fn add_certification(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(c): Json<api::NewCertification>,
) -> AppResult<(StatusCode, axum::Json<api::Supplier>)> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    load(&st.db.pool, &id).await?;
    let expires_on =
        supplier::check_certificate(&c.name, c.expires_on.as_deref())?.map(|d| d.to_string());
    let cid = new_id();
    let mut w = st.db.write().await?;
    sqlx::query("INSERT INTO certifications (id, supplier_id, name, number, expires_on, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&cid)
        .bind(&id)
        .bind(c.name.trim())
        .bind(c.number.trim())
        .bind(&expires_on)
        .bind(now_ms())
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"certification_id": cid, "name": c.name.trim(), "number": c.number.trim(), "expires_on": expires_on});
    Ok((
        StatusCode::CREATED,
        axum::Json(
            commit_and_load(&st, w, &user, &id, "supplier.certification_add", summary).await?,
        ),
    ))
}

async fn remove_certification(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, cid)): Path<(String, String)>,
) -> AppResult<axum::Json<api::Supplier>> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let mut w = st.db.write().await?;
    let gone = sqlx::query("DELETE FROM certifications WHERE id = $1 AND supplier_id = $2")
        .bind(&cid)
        .bind(&id)
        .execute(&mut **w)
        .await?;
    if gone.rows_affected() == 0 {
        return Err(AppError::not_found(format!("certification {cid}")));
    }
    let summary = serde_json::json!({"certification_id": cid});
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "supplier.certification_remove", summary).await?,
    ))
}

/// `GET /api/suppliers.csv`: the directory as CSV.
async fn export_csv(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::response::Response> {
    authorize(&user.actor, Verb::Read, Resource::SupplierDirectory)?;
    let rows = sqlx::query("SELECT * FROM suppliers ORDER BY name")
        .fetch_all(&st.db.pool)
        .await?;
    let mut table = vec![vec![
        "name".to_string(),
        "country".into(),
        "currency".into(),
        "status".into(),
        "categories".into(),
        "contacts".into(),
        "certifications".into(),
    ]];
    for r in &rows {
        let s = from_row(&st.db.pool, r).await?;
        table.push(vec![
            s.name,
            s.country,
            s.currency,
            s.status,
            s.categories.join("; "),
            s.contacts
                .iter()
                .map(|c| format!("{} <{}>", c.name, c.email))
                .collect::<Vec<_>>()
                .join("; "),
            s.certifications
                .iter()
                .map(|c| {
                    format!(
                        "{} {} (expires {})",
                        c.name,
                        c.number,
                        c.expires_on.as_deref().unwrap_or("n/a")
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    Ok(crate::routes::csv_download(&table, "suppliers.csv"))
}

/// `POST /api/suppliers/import?file_name=…`: columns such as Supplier, Country,
/// Currency, Status, Categories (separated by `;` or `,`), Contact, Email.
async fn import(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(q): Query<crate::routes::ImportQuery>,
    body: axum::body::Bytes,
) -> AppResult<axum::Json<api::ImportReport>> {
    authorize(&user.actor, Verb::Write, Resource::SupplierDirectory)?;
    let recs = crate::routes::import_records(
        &q.file_name,
        &body,
        domain::import::SUPPLIER_COLUMNS,
        &["name", "country", "currency"],
    )?;
    let mut errors = FieldErrors::new();
    let mut planned = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let existing =
        crate::store::existing_keys(&st.db.pool, "SELECT name AS k FROM suppliers").await?;
    for (row, rec) in &recs {
        let get = |f: &str| rec.get(f).cloned().unwrap_or_default();
        let n = api::NewSupplier {
            name: get("name"),
            country: get("country"),
            currency: get("currency"),
            status: rec.get("status").filter(|s| !s.is_empty()).cloned(),
        };
        let mut contact_errors = FieldErrors::new();
        let email = get("contact_email");
        if !email.is_empty() {
            validate::email(&mut contact_errors, "contact_email", &email);
        }
        match validate_new_supplier(&n) {
            Err(e) => crate::routes::row_errors(&mut errors, *row, e),
            Ok(SupplierFields {
                name,
                country,
                currency,
                status,
            }) => {
                if let Some(first) = seen.insert(domain::validate::fold_key(&name), *row) {
                    errors.add(
                        &format!("rows[{row}].name"),
                        format!("{name} is also on row {first}"),
                    );
                    continue;
                }
                if existing.contains(&domain::validate::fold_key(&name)) {
                    skipped.push(api::ImportSkip {
                        row: *row,
                        reason: format!("supplier {name} already exists"),
                    });
                    continue;
                }
                let cats: Vec<String> = get("categories")
                    .split([';', ','])
                    .map(str::to_string)
                    .collect();
                let contact_name = get("contact_name");
                planned.push((
                    name,
                    country,
                    currency,
                    status,
                    normalize_categories(&cats),
                    contact_name,
                    email.trim().to_lowercase(),
                ));
            }
        }
        crate::routes::row_errors(&mut errors, *row, contact_errors);
    }
    errors.into_result()?;
    let mut w = st.db.write().await?;
    for (name, country, currency, status, cats, contact_name, email) in &planned {
        let id = insert(&mut w, name, country, *currency, status).await?;
        sqlx::query("UPDATE suppliers SET categories = $1 WHERE id = $2")
            .bind(serde_json::to_string(cats).map_err(|e| anyhow::anyhow!(e))?)
            .bind(&id)
            .execute(&mut **w)
            .await?;
        if !email.is_empty() {
            sqlx::query("INSERT INTO supplier_contacts (id, supplier_id, name, email, user_id) VALUES ($1, $2, $3, $4, NULL)")
                .bind(new_id())
                .bind(&id)
                .bind(if contact_name.is_empty() { email } else { contact_name })
                .bind(email)
                .execute(&mut **w)
                .await?;
        }
    }
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "supplier.import",
            entity_type: "suppliers",
            entity_id: &q.file_name,
            summary: serde_json::json!({"file": q.file_name, "created": planned.iter().map(|p| p.0.clone()).collect::<Vec<_>>(), "skipped": skipped.len()}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(axum::Json(api::ImportReport {
        created: planned.len(),
        skipped,
    }))
}
