//! Parts and their revisions.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::validate::FieldErrors;
use serde::Deserialize;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::page::Page;
use crate::store;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/parts", get(list).post(create))
        .route("/api/parts/{id}", get(one).patch(update))
        .route(
            "/api/parts/{id}/revisions",
            axum::routing::post(add_revision),
        )
        .route(
            "/api/parts/{id}/revisions/{rid}/release",
            axum::routing::post(release),
        )
        .route(
            "/api/parts/{id}/revisions/{rid}",
            axum::routing::patch(update_revision),
        )
        .route("/api/revisions/{rid}/bom", get(bom).put(set_bom))
        .route("/api/parts.csv", get(export_csv))
        .route(
            "/api/parts/import",
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
    /// Parts in this page: 1 to 1000 (default 500); see `X-Total-Count` and `Link`.
    #[serde(default)]
    limit: Option<i64>,
    /// Parts to skip (default 0).
    #[serde(default)]
    offset: Option<i64>,
}

async fn revisions(pool: &AnyPool, part_id: &str) -> Result<Vec<api::Revision>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT * FROM revisions WHERE part_id = $1 ORDER BY created_at DESC, label DESC",
    )
    .bind(part_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(api::Revision {
                id: col(r, "id")?,
                label: col(r, "label")?,
                status: col(r, "status")?,
                released_on: col(r, "released_on")?,
                should_cost: revision_should_cost(r)?,
                last_price: revision_last_price(r)?,
            })
        })
        .collect()
}

fn opt_decimal(r: &AnyRow, name: &str) -> Result<Option<rust_decimal::Decimal>, sqlx::Error> {
    match col::<Option<String>>(r, name)? {
        None => Ok(None),
        Some(s) => {
            s.parse()
                .map(Some)
                .map_err(|e: rust_decimal::Error| sqlx::Error::ColumnDecode {
                    index: name.to_string(),
                    source: Box::new(e),
                })
        }
    }
}

/// A revision row's should-cost (buyer-internal).
pub fn revision_should_cost(r: &AnyRow) -> Result<Option<api::Money>, sqlx::Error> {
    let currency: Option<String> = col(r, "should_cost_currency")?;
    Ok(opt_decimal(r, "should_cost")?
        .zip(currency)
        .map(|(amount, currency)| api::Money { amount, currency }))
}

/// A revision row's last price paid (buyer-internal).
pub fn revision_last_price(r: &AnyRow) -> Result<Option<api::LastPrice>, sqlx::Error> {
    let currency: Option<String> = col(r, "last_price_currency")?;
    let Some((amount, currency)) = opt_decimal(r, "last_price")?.zip(currency) else {
        return Ok(None);
    };
    Ok(Some(api::LastPrice {
        amount,
        currency,
        on: col::<Option<String>>(r, "last_price_on")?.unwrap_or_default(),
        source: col::<Option<String>>(r, "last_price_source")?.unwrap_or_else(|| "manual".into()),
        rfq_number: col(r, "last_price_rfq")?,
    }))
}

/// `PATCH /api/parts/{id}/revisions/{rid}`: the revision's buyer-internal reference
/// prices. A field left out stays; `null` clears it. A last price entered here is
/// `manual`; awards set it too (`award`, with the RFQ number).
async fn update_revision(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, rid)): Path<(String, String)>,
    Json(u): Json<api::UpdateRevision>,
) -> AppResult<axum::Json<api::Part>> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let (part, rev) = part_revision(&st.db.pool, &id, &rid).await?;
    let mut e = FieldErrors::new();
    let should = match &u.should_cost {
        Some(Some(m)) => {
            domain::part::reference_price(&mut e, "should_cost", m.amount, &m.currency)
                .map(|c| Some((m.amount.normalize().to_string(), c.code().to_string())))
        }
        Some(None) => Some(None),
        None => None,
    };
    let today = crate::clock::today();
    let last = match &u.last_price {
        Some(Some(m)) => {
            let c = domain::part::reference_price(&mut e, "last_price", m.amount, &m.currency)
                .map(|c| c.code().to_string());
            let on = domain::part::paid_on(&mut e, "last_price.on", m.on.as_deref(), today);
            c.zip(on)
                .map(|(c, on)| Some((m.amount.normalize().to_string(), c, on.to_string())))
        }
        Some(None) => Some(None),
        None => None,
    };
    e.into_result()?;
    let mut w = st.db.write().await?;
    if let Some(v) = &should {
        let (a, c) = v.clone().unzip();
        sqlx::query(
            "UPDATE revisions SET should_cost = $1, should_cost_currency = $2 WHERE id = $3",
        )
        .bind(a)
        .bind(c)
        .bind(&rid)
        .execute(&mut **w)
        .await?;
    }
    if let Some(v) = &last {
        let (a, c, on, source) = match v {
            Some((a, c, on)) => (
                Some(a.clone()),
                Some(c.clone()),
                Some(on.clone()),
                Some("manual"),
            ),
            None => (None, None, None, None),
        };
        sqlx::query(
            "UPDATE revisions SET last_price = $1, last_price_currency = $2, last_price_on = $3, last_price_source = $4, last_price_rfq = NULL WHERE id = $5",
        )
        .bind(a)
        .bind(c)
        .bind(on)
        .bind(source)
        .bind(&rid)
        .execute(&mut **w)
        .await?;
    }
    let summary = serde_json::json!({
        "number": part.number,
        "revision": rev.label,
        "before": {"should_cost": rev.should_cost, "last_price": rev.last_price},
        "after": {"should_cost": u.should_cost, "last_price": u.last_price},
    });
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "part.revision_costs", summary).await?,
    ))
}

async fn part_from_row(pool: &AnyPool, r: &AnyRow) -> Result<api::Part, sqlx::Error> {
    let id: String = col(r, "id")?;
    Ok(api::Part {
        revisions: revisions(pool, &id).await?,
        id,
        number: col(r, "number")?,
        name: col(r, "name")?,
        description: col(r, "description")?,
        uom: col(r, "uom")?,
    })
}

/// `GET /api/parts`: one page of the catalogue (issue 10, L7: it stopped at 500 without
/// a word), with `X-Total-Count` and a `Link` to the next page ([`crate::page`]).
async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    uri: Uri,
    Query(s): Query<Search>,
) -> AppResult<Response> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    let page = Page::new(s.limit, s.offset)?;
    let pattern = store::like_pattern(s.q.as_deref());
    const MATCH: &str = "number_key LIKE $1 ESCAPE '\\' OR LOWER(name) LIKE $1 ESCAPE '\\'";
    let total: i64 = col(
        &sqlx::query(&format!("SELECT COUNT(*) AS n FROM parts WHERE {MATCH}"))
            .bind(&pattern)
            .fetch_one(&st.db.pool)
            .await?,
        "n",
    )?;
    let rows = sqlx::query(&format!(
        "SELECT * FROM parts WHERE {MATCH} ORDER BY number, id LIMIT $2 OFFSET $3"
    ))
    .bind(&pattern)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(part_from_row(&st.db.pool, r).await?);
    }
    Ok(page.answer(&uri, total, out))
}

async fn one(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::Part>> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    Ok(axum::Json(load(&st.db.pool, &id).await?))
}

/// Checks a new part with `domain::part::check` (the rule the app's form applies).
pub fn validate_new_part(p: &api::NewPart) -> Result<domain::part::PartFields, FieldErrors> {
    domain::part::check(&domain::part::PartInput {
        number: &p.number,
        name: &p.name,
        description: &p.description,
        uom: p.uom.as_deref(),
        revision: p.revision.as_deref(),
    })
}

async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(p): Json<api::NewPart>,
) -> AppResult<(StatusCode, axum::Json<api::Part>)> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let domain::part::PartFields {
        number,
        name,
        description,
        uom,
        revision: rev,
    } = validate_new_part(&p)?;
    let mut w = st.db.write().await?;
    // One Unicode-aware fold on every engine (issue 10, L4), computed here.
    let exists = sqlx::query("SELECT id FROM parts WHERE number_key = $1")
        .bind(domain::validate::fold_key(&number))
        .fetch_optional(&mut **w)
        .await?;
    if exists.is_some() {
        return Err(AppError::conflict_field(
            "number",
            format!("part number {number} already exists"),
        ));
    }
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO parts (id, number, number_key, name, description, uom, created_at, updated_at) VALUES ($1, $2, $7, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(&number)
    .bind(&name)
    .bind(&description)
    .bind(&uom)
    .bind(now)
    .bind(domain::validate::fold_key(&number))
    .execute(&mut **w)
    .await?;
    sqlx::query(
        "INSERT INTO revisions (id, part_id, label, label_key, status, released_on, created_at) VALUES ($1, $2, $3, $5, 'draft', NULL, $4)",
    )
    .bind(new_id())
    .bind(&id)
    .bind(&rev)
    .bind(now)
    .bind(domain::validate::fold_key(&rev))
    .execute(&mut **w)
    .await?;
    let summary = serde_json::json!({"number": number, "name": name, "uom": uom, "revision": rev});
    Ok((
        StatusCode::CREATED,
        axum::Json(commit_and_load(&st, w, &user, &id, "part.create", summary).await?),
    ))
}

/// Part `id` and its revision `rid`, or 404 naming both.
async fn part_revision(
    pool: &AnyPool,
    id: &str,
    rid: &str,
) -> AppResult<(api::Part, api::Revision)> {
    let part = load(pool, id).await?;
    let rev = part
        .revisions
        .iter()
        .find(|r| r.id == rid)
        .cloned()
        .ok_or_else(|| AppError::not_found(format!("revision {rid} of {}", part.number)))?;
    Ok((part, rev))
}

/// Records `action` on part `id` in the audit trail, commits `w`, and answers with the
/// part as stored now.
async fn commit_and_load(
    st: &AppState,
    w: crate::db::WriteTx,
    user: &CurrentUser,
    id: &str,
    action: &str,
    summary: serde_json::Value,
) -> AppResult<api::Part> {
    w.commit_audited(Change {
        actor: user.id(),
        action,
        entity_type: "part",
        entity_id: id,
        summary,
    })
    .await?;
    load(&st.db.pool, id).await
}

async fn load(pool: &AnyPool, id: &str) -> AppResult<api::Part> {
    let row = sqlx::query("SELECT * FROM parts WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("part {id}")))?;
    Ok(part_from_row(pool, &row).await?)
}

/// `POST /api/parts/{id}/revisions`: a new draft revision.
async fn add_revision(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(r): Json<api::NewRevision>,
) -> AppResult<(StatusCode, axum::Json<api::Part>)> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let part = load(&st.db.pool, &id).await?;
    let existing: Vec<&str> = part.revisions.iter().map(|x| x.label.as_str()).collect();
    let label = domain::part::check_new_revision(&part.number, &r.label, &existing)?;
    let mut w = st.db.write().await?;
    sqlx::query("INSERT INTO revisions (id, part_id, label, label_key, status, released_on, created_at) VALUES ($1, $2, $3, $5, 'draft', NULL, $4)")
        .bind(new_id())
        .bind(&id)
        .bind(&label)
        .bind(now_ms())
        .bind(domain::validate::fold_key(&label))
        .execute(&mut **w)
        .await?;
    let summary = serde_json::json!({"number": part.number, "revision": label});
    Ok((
        StatusCode::CREATED,
        axum::Json(commit_and_load(&st, w, &user, &id, "part.revision_add", summary).await?),
    ))
}

/// `POST /api/parts/{id}/revisions/{rid}/release`: releases a revision today; the
/// previously released one becomes obsolete.
async fn release(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, rid)): Path<(String, String)>,
) -> AppResult<axum::Json<api::Part>> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let (part, rev) = part_revision(&st.db.pool, &id, &rid).await?;
    if rev.status != "draft" {
        return Err(AppError::Coded {
            status: StatusCode::CONFLICT,
            code: "lifecycle",
            message: format!(
                "Revision {} is {}; only a draft can be released.",
                rev.label, rev.status
            ),
        });
    }
    let today = crate::clock::today().to_string();
    let mut w = st.db.write().await?;
    sqlx::query(
        "UPDATE revisions SET status = 'obsolete' WHERE part_id = $1 AND status = 'released'",
    )
    .bind(&id)
    .execute(&mut **w)
    .await?;
    sqlx::query("UPDATE revisions SET status = 'released', released_on = $1 WHERE id = $2")
        .bind(&today)
        .bind(&rid)
        .execute(&mut **w)
        .await?;
    let summary =
        serde_json::json!({"number": part.number, "revision": rev.label, "released_on": today});
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "part.revision_release", summary).await?,
    ))
}

async fn revision_part(pool: &AnyPool, rid: &str) -> AppResult<String> {
    let r = sqlx::query("SELECT part_id FROM revisions WHERE id = $1")
        .bind(rid)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("revision {rid}")))?;
    Ok(col(&r, "part_id")?)
}

async fn bom(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(rid): Path<String>,
) -> AppResult<axum::Json<Vec<api::BomLine>>> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    revision_part(&st.db.pool, &rid).await?;
    Ok(axum::Json(store::bom_lines(&st.db.pool, &rid).await?))
}

/// `PUT /api/revisions/{rid}/bom`: replaces the child list; refuses loops at any depth.
async fn set_bom(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(rid): Path<String>,
    Json(b): Json<api::SetBom>,
) -> AppResult<axum::Json<Vec<api::BomLine>>> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let parent_part = revision_part(&st.db.pool, &rid).await?;
    // part → parts used by any of its revisions' BOMs (a loop through any revision is a loop).
    let edges = sqlx::query("SELECT v.part_id AS parent, b.child_part_id AS child FROM bom_lines b JOIN revisions v ON v.id = b.parent_revision_id WHERE b.parent_revision_id <> $1")
        .bind(&rid)
        .fetch_all(&st.db.pool)
        .await?;
    let mut uses: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for e in &edges {
        uses.entry(col(e, "parent")?)
            .or_default()
            .insert(col(e, "child")?);
    }
    let mut e = FieldErrors::new();
    let mut seen = std::collections::HashSet::new();
    for (i, c) in b.children.iter().enumerate() {
        let at = |f: &str| format!("children[{i}].{f}");
        domain::part::bom_quantity(&mut e, &at("quantity"), c.quantity);
        if !seen.insert(&c.part_id) {
            e.add(&at("part_id"), "this part is listed twice");
        }
        if sqlx::query("SELECT id FROM parts WHERE id = $1")
            .bind(&c.part_id)
            .fetch_optional(&st.db.pool)
            .await?
            .is_none()
        {
            e.add(&at("part_id"), "no such part");
        } else if domain::bom::creates_cycle(&uses, &parent_part, &c.part_id) {
            e.add(&at("part_id"), "this part contains the parent (directly or further down): a BOM cannot contain itself");
        }
    }
    e.into_result()?;
    let mut w = st.db.write().await?;
    sqlx::query("DELETE FROM bom_lines WHERE parent_revision_id = $1")
        .bind(&rid)
        .execute(&mut **w)
        .await?;
    for c in &b.children {
        sqlx::query("INSERT INTO bom_lines (id, parent_revision_id, child_part_id, quantity) VALUES ($1, $2, $3, $4)")
            .bind(new_id())
            .bind(&rid)
            .bind(&c.part_id)
            .bind(c.quantity.normalize().to_string())
            .execute(&mut **w)
            .await?;
    }
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "bom.set",
            entity_type: "revision",
            entity_id: &rid,
            summary: serde_json::json!({"children": b.children.iter().map(|c| serde_json::json!({"part_id": c.part_id, "quantity": c.quantity.normalize().to_string()})).collect::<Vec<_>>()}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(axum::Json(store::bom_lines(&st.db.pool, &rid).await?))
}

/// `GET /api/parts.csv`: the catalogue as CSV, one row per part with its revisions.
async fn export_csv(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::response::Response> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    let rows = sqlx::query("SELECT * FROM parts ORDER BY number")
        .fetch_all(&st.db.pool)
        .await?;
    let mut table = vec![vec![
        "number".to_string(),
        "name".into(),
        "description".into(),
        "uom".into(),
        "revisions".into(),
    ]];
    for r in &rows {
        let p = part_from_row(&st.db.pool, r).await?;
        let revs = p
            .revisions
            .iter()
            .map(|v| format!("{} ({})", v.label, v.status))
            .collect::<Vec<_>>()
            .join("; ");
        table.push(vec![p.number, p.name, p.description, p.uom, revs]);
    }
    Ok(crate::routes::csv_download(&table, "parts.csv"))
}

/// `PATCH /api/parts/{id}`: name, description, unit. The number identifies the part in
/// RFQs, quotes and history and does not change.
async fn update(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(u): Json<api::UpdatePart>,
) -> AppResult<axum::Json<api::Part>> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let before = load(&st.db.pool, &id).await?;
    let check = api::NewPart {
        number: before.number.clone(),
        name: u.name.clone().unwrap_or(before.name.clone()),
        description: u.description.clone().unwrap_or(before.description.clone()),
        uom: Some(u.uom.clone().unwrap_or(before.uom.clone())),
        revision: None,
    };
    let checked = validate_new_part(&check)?;
    let mut w = st.db.write().await?;
    sqlx::query(
        "UPDATE parts SET name = $1, description = $2, uom = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(&checked.name)
    .bind(&checked.description)
    .bind(&checked.uom)
    .bind(now_ms())
    .bind(&id)
    .execute(&mut **w)
    .await?;
    let summary = serde_json::json!({
        "before": {"name": before.name, "description": before.description, "uom": before.uom},
        "after": {"name": checked.name, "description": checked.description, "uom": checked.uom},
    });
    Ok(axum::Json(
        commit_and_load(&st, w, &user, &id, "part.update", summary).await?,
    ))
}

/// `POST /api/parts/import?file_name=…`: the body is a CSV/TSV/XLSX/ODS with columns
/// such as Part number, Name, Description, Unit, Revision.
async fn import(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(q): Query<crate::routes::ImportQuery>,
    body: axum::body::Bytes,
) -> AppResult<axum::Json<api::ImportReport>> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let recs = crate::routes::import_records(
        &q.file_name,
        &body,
        domain::import::PART_COLUMNS,
        &["number", "name"],
    )?;
    let mut errors = FieldErrors::new();
    let mut planned = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = std::collections::HashMap::new();
    // The existing numbers in one read, not one query per row (issue 10: an import of
    // tens of thousands of rows answers in seconds).
    let existing = store::existing_keys(&st.db.pool, "SELECT number AS k FROM parts").await?;
    for (row, rec) in &recs {
        let get = |f: &str| rec.get(f).cloned().unwrap_or_default();
        let p = api::NewPart {
            number: get("number"),
            name: get("name"),
            description: get("description"),
            uom: rec.get("uom").cloned(),
            revision: rec.get("revision").cloned(),
        };
        match validate_new_part(&p) {
            Err(e) => crate::routes::row_errors(&mut errors, *row, e),
            Ok(domain::part::PartFields {
                number,
                name,
                description,
                uom,
                revision: rev,
            }) => {
                if let Some(first) = seen.insert(domain::validate::fold_key(&number), *row) {
                    errors.add(
                        &format!("rows[{row}].number"),
                        format!("{number} is also on row {first}"),
                    );
                    continue;
                }
                if existing.contains(&domain::validate::fold_key(&number)) {
                    skipped.push(api::ImportSkip {
                        row: *row,
                        reason: format!("part {number} already exists"),
                    });
                } else {
                    planned.push((number, name, description, uom, rev));
                }
            }
        }
    }
    errors.into_result()?;
    let rows_of = seen;
    // Inserted in one order (by key) so two imports that share new parts wait for each
    // other instead of deadlocking; a part another import created meanwhile is skipped
    // like one that existed before (the unique index on the folded number decides).
    planned.sort_by_key(|p| domain::validate::fold_key(&p.0));
    let mut w = st.db.write().await?;
    let now = now_ms();
    let mut created = Vec::with_capacity(planned.len());
    for (number, name, description, uom, rev) in &planned {
        let id = new_id();
        let inserted = sqlx::query("INSERT INTO parts (id, number, number_key, name, description, uom, created_at, updated_at) VALUES ($1, $2, $7, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING")
            .bind(&id)
            .bind(number)
            .bind(name)
            .bind(description)
            .bind(uom)
            .bind(now)
            .bind(domain::validate::fold_key(number))
            .execute(&mut **w)
            .await?
            .rows_affected();
        if inserted == 0 {
            let row = rows_of
                .get(&domain::validate::fold_key(number))
                .copied()
                .unwrap_or_default();
            skipped.push(api::ImportSkip {
                row,
                reason: format!("part {number} already exists"),
            });
            continue;
        }
        created.push(number.clone());
        sqlx::query("INSERT INTO revisions (id, part_id, label, label_key, status, released_on, created_at) VALUES ($1, $2, $3, $5, 'draft', NULL, $4)")
            .bind(new_id())
            .bind(&id)
            .bind(rev)
            .bind(now)
            .bind(domain::validate::fold_key(rev))
            .execute(&mut **w)
            .await?;
    }
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "part.import",
            entity_type: "parts",
            entity_id: &q.file_name,
            summary: serde_json::json!({"file": q.file_name, "created": created, "skipped": skipped.len()}),
        },
    )
    .await?;
    w.commit().await?;
    skipped.sort_by_key(|s| s.row);
    Ok(axum::Json(api::ImportReport {
        created: created.len(),
        skipped,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_part_defaults_and_errors() {
        let ok = api::NewPart {
            number: "BRK-1".into(),
            name: "Bracket".into(),
            description: String::new(),
            uom: None,
            revision: None,
        };
        let ok = validate_new_part(&ok).unwrap();
        assert_eq!((ok.uom.as_str(), ok.revision.as_str()), ("H87", "A"));
        let bad = api::NewPart {
            number: "BRK 1".into(),
            name: " ".into(),
            description: String::new(),
            uom: Some("pieces".into()),
            revision: None,
        };
        let e = validate_new_part(&bad).unwrap_err();
        assert_eq!(
            e.0.keys().collect::<Vec<_>>(),
            vec!["name", "number", "uom"]
        );
    }
}
