//! A supplier's column-mapping memory for quote files (`domain::extract::MappingMemory`):
//! what its people taught the extractor in the upload review. Kept per supplier, so it
//! follows them to every device; only that supplier's users read or change it.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::extract::MappingMemory;
use domain::validate::FieldErrors;

use crate::audit::Change;
use crate::auth::CurrentUser;
use crate::db::{col, now_ms};
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

/// Most layouts one supplier keeps; each layout at most this many columns.
const MAX_LAYOUTS: usize = 500;
const MAX_COLUMNS: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/mapping-memory", get(load).put(save))
}

fn own_supplier(user: &CurrentUser, verb: Verb) -> AppResult<String> {
    let supplier = user.actor.supplier_id.clone().ok_or_else(|| {
        AppError::Forbidden("Column mappings belong to a supplier's own users.".into())
    })?;
    authorize(
        &user.actor,
        verb,
        Resource::Quote {
            supplier_id: &supplier,
        },
    )?;
    Ok(supplier)
}

async fn load(
    State(st): State<AppState>,
    user: CurrentUser,
) -> AppResult<axum::Json<MappingMemory>> {
    let supplier = own_supplier(&user, Verb::Read)?;
    let row = sqlx::query("SELECT data FROM mapping_memory WHERE supplier_id = $1")
        .bind(&supplier)
        .fetch_optional(&st.db.pool)
        .await?;
    let memory = match row {
        Some(r) => {
            let data: String = col(&r, "data")?;
            serde_json::from_str(&data)
                .map_err(|e| anyhow::anyhow!("stored mapping memory of {supplier}: {e}"))?
        }
        None => MappingMemory::default(),
    };
    Ok(axum::Json(memory))
}

async fn save(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(memory): Json<MappingMemory>,
) -> AppResult<axum::Json<MappingMemory>> {
    let supplier = own_supplier(&user, Verb::Write)?;
    let mut e = FieldErrors::new();
    if memory.layouts.len() > MAX_LAYOUTS {
        e.add("layouts", format!("at most {MAX_LAYOUTS} layouts"));
    }
    for (k, roles) in &memory.layouts {
        if roles.len() > MAX_COLUMNS || k.len() > 300 {
            e.add(
                &format!("layouts.{}", k.replace('\u{1f}', "/")),
                format!("at most {MAX_COLUMNS} columns and a key of 300 characters"),
            );
        }
    }
    e.into_result()?;
    let data = serde_json::to_string(&memory).map_err(|e| anyhow::anyhow!(e))?;
    let now = now_ms();
    let mut w = st.db.write().await?;
    sqlx::query(
        "INSERT INTO mapping_memory (supplier_id, data, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (supplier_id) DO UPDATE SET data = excluded.data, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(&supplier)
    .bind(&data)
    .bind(user.id())
    .bind(now)
    .execute(&mut **w)
    .await?;
    w.commit_audited(Change {
        actor: user.id(),
        action: "mapping_memory.save",
        entity_type: "supplier",
        entity_id: &supplier,
        summary: serde_json::json!({"layouts": memory.layouts.len()}),
    })
    .await?;
    Ok(axum::Json(memory))
}
