//! Parts and their revisions.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::validate::{self, FieldErrors};
use serde::Deserialize;
use sqlx::any::AnyRow;
use sqlx::AnyPool;

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json, Path, Query};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/parts", get(list).post(create))
        .route("/api/parts/{id}", get(one))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    #[serde(default)]
    q: Option<String>,
}

/// `%text%` for a case-insensitive LIKE, with LIKE's wildcards escaped.
pub fn like_pattern(q: Option<&str>) -> String {
    let q = q.unwrap_or("").trim().to_lowercase();
    let escaped: String = q
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

async fn revisions(pool: &AnyPool, part_id: &str) -> Result<Vec<api::Revision>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, label, status, released_on FROM revisions WHERE part_id = $1 ORDER BY created_at DESC, label DESC",
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
            })
        })
        .collect()
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

async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    Query(s): Query<Search>,
) -> AppResult<axum::Json<Vec<api::Part>>> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    let rows = sqlx::query(
        "SELECT * FROM parts WHERE LOWER(number) LIKE $1 ESCAPE '\\' OR LOWER(name) LIKE $1 ESCAPE '\\' \
         ORDER BY number LIMIT 500",
    )
    .bind(like_pattern(s.q.as_deref()))
    .fetch_all(&st.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(part_from_row(&st.db.pool, r).await?);
    }
    Ok(axum::Json(out))
}

async fn one(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<api::Part>> {
    authorize(&user.actor, Verb::Read, Resource::Parts)?;
    let row = sqlx::query("SELECT * FROM parts WHERE id = $1")
        .bind(&id)
        .fetch_optional(&st.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found(format!("part {id}")))?;
    Ok(axum::Json(part_from_row(&st.db.pool, &row).await?))
}

/// Checks a new part; returns the normalized (uom, revision label).
pub fn validate_new_part(p: &api::NewPart) -> Result<(String, String), FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "number", &p.number, 64);
    if p.number.trim().contains(char::is_whitespace) {
        e.add("number", "no spaces inside a part number");
    }
    validate::required(&mut e, "name", &p.name, 200);
    if p.description.chars().count() > 4000 {
        e.add("description", "at most 4000 characters");
    }
    let uom = p
        .uom
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("H87")
        .to_ascii_uppercase();
    if !(2..=3).contains(&uom.len()) || !uom.chars().all(|c| c.is_ascii_alphanumeric()) {
        e.add(
            "uom",
            "use a UN/ECE Rec 20 unit code such as H87 (piece), KGM or MTR",
        );
    }
    let rev = p
        .revision
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("A")
        .to_string();
    if rev.chars().count() > 16 {
        e.add("revision", "at most 16 characters");
    }
    e.into_result().map(|()| (uom, rev))
}

async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(p): Json<api::NewPart>,
) -> AppResult<(StatusCode, axum::Json<api::Part>)> {
    authorize(&user.actor, Verb::Write, Resource::Parts)?;
    let (uom, rev) = validate_new_part(&p)?;
    let number = p.number.trim().to_string();
    let mut w = st.db.write().await?;
    let exists = sqlx::query("SELECT id FROM parts WHERE LOWER(number) = LOWER($1)")
        .bind(&number)
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
        "INSERT INTO parts (id, number, name, description, uom, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(&number)
    .bind(p.name.trim())
    .bind(p.description.trim())
    .bind(&uom)
    .bind(now)
    .execute(&mut **w)
    .await?;
    sqlx::query(
        "INSERT INTO revisions (id, part_id, label, status, released_on, created_at) VALUES ($1, $2, $3, 'draft', NULL, $4)",
    )
    .bind(new_id())
    .bind(&id)
    .bind(&rev)
    .bind(now)
    .execute(&mut **w)
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "part.create",
            entity_type: "part",
            entity_id: &id,
            summary: serde_json::json!({"number": number, "name": p.name.trim(), "uom": uom, "revision": rev}),
        },
    )
    .await?;
    w.commit().await?;
    let row = sqlx::query("SELECT * FROM parts WHERE id = $1")
        .bind(&id)
        .fetch_one(&st.db.pool)
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(part_from_row(&st.db.pool, &row).await?),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern(Some(" BRK_1% ")), "%brk\\_1\\%%");
        assert_eq!(like_pattern(None), "%%");
    }

    #[test]
    fn new_part_defaults_and_errors() {
        let ok = api::NewPart {
            number: "BRK-1".into(),
            name: "Bracket".into(),
            description: String::new(),
            uom: None,
            revision: None,
        };
        assert_eq!(validate_new_part(&ok).unwrap(), ("H87".into(), "A".into()));
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
