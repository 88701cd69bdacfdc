//! Clarifications: an invited supplier asks; the buyer's answer goes to every invited
//! supplier, and no supplier ever learns who asked (only the asker sees its own open
//! questions).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use domain::rfq::Status;
use domain::validate::{self, FieldErrors};

use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db::{col, new_id, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json, Path};
use crate::store::rfqs;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/rfqs/{id}/clarifications", get(list).post(ask))
        .route("/api/rfqs/{id}/clarifications/{cid}/answer", post(answer))
}

fn text(t: &api::ClarificationText) -> AppResult<String> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "text", &t.text, 4000);
    e.into_result()?;
    Ok(t.text.trim().to_string())
}

async fn list(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::Json<Vec<api::Clarification>>> {
    rfqs::readable(&st.db.pool, &user, &id).await?;
    let rows = sqlx::query("SELECT * FROM clarifications WHERE rfq_id = $1 ORDER BY asked_at")
        .bind(&id)
        .fetch_all(&st.db.pool)
        .await?;
    let internal = user.sees_buyer_view();
    let mut out = Vec::new();
    for r in &rows {
        let asker: String = col(r, "asked_by_supplier")?;
        let own = user.actor.supplier_id.as_deref() == Some(asker.as_str());
        let answer: Option<String> = col(r, "answer")?;
        if !internal && !own && answer.is_none() {
            continue;
        }
        out.push(api::Clarification {
            id: col(r, "id")?,
            question: col(r, "question")?,
            asked_at: rfc3339(col(r, "asked_at")?),
            asked_by_supplier: (internal || own).then_some(asker),
            answer,
            answered_at: col::<Option<i64>>(r, "answered_at")?.map(rfc3339),
        });
    }
    Ok(axum::Json(out))
}

async fn ask(
    State(st): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Json(t): Json<api::ClarificationText>,
) -> AppResult<(StatusCode, axum::Json<api::Clarification>)> {
    let supplier = user.actor.supplier_id.clone().ok_or_else(|| {
        AppError::Forbidden("Only invited suppliers ask clarification questions.".into())
    })?;
    let row = rfqs::readable(&st.db.pool, &user, &id).await?;
    let now = now_ms();
    if row.effective(now) != Status::Open {
        return Err(AppError::Coded {
            status: StatusCode::CONFLICT,
            code: "rfq_not_open",
            message: "Questions can be asked only while the RFQ is open.".into(),
        });
    }
    let question = text(&t)?;
    let cid = new_id();
    let mut w = st.db.write().await?;
    sqlx::query(
        "INSERT INTO clarifications (id, rfq_id, asked_by_supplier, asked_by_user, question, asked_at, answer, answered_by, answered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, NULL)",
    )
    .bind(&cid)
    .bind(&id)
    .bind(&supplier)
    .bind(user.id())
    .bind(&question)
    .bind(now)
    .execute(&mut **w)
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "clarification.ask",
            entity_type: "rfq",
            entity_id: &id,
            summary: serde_json::json!({"clarification_id": cid, "supplier_id": supplier}),
        },
    )
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(api::Clarification {
            id: cid,
            question,
            asked_at: rfc3339(now),
            asked_by_supplier: Some(supplier),
            answer: None,
            answered_at: None,
        }),
    ))
}

async fn answer(
    State(st): State<AppState>,
    user: CurrentUser,
    Path((id, cid)): Path<(String, String)>,
    Json(t): Json<api::ClarificationText>,
) -> AppResult<axum::Json<api::Clarification>> {
    let row = rfqs::writable(&st.db.pool, &user, &id).await?;
    let answer = text(&t)?;
    let now = now_ms();
    let mut w = st.db.write().await?;
    let q = sqlx::query("SELECT * FROM clarifications WHERE id = $1 AND rfq_id = $2")
        .bind(&cid)
        .bind(&id)
        .fetch_optional(&mut **w)
        .await?
        .ok_or_else(|| AppError::not_found(format!("clarification {cid}")))?;
    sqlx::query(
        "UPDATE clarifications SET answer = $1, answered_by = $2, answered_at = $3 WHERE id = $4",
    )
    .bind(&answer)
    .bind(user.id())
    .bind(now)
    .bind(&cid)
    .execute(&mut **w)
    .await?;
    let question: String = col(&q, "question")?;
    crate::outbox::queue(
        &mut w,
        &row.invited,
        &crate::outbox::Notice {
            kind: "clarification.answer",
            rfq_id: Some(&id),
            subject: format!("{}: a clarification was answered", row.number),
            body: format!(
                "A bidder asked:\n\n{question}\n\nThe buyer answered (this answer goes to every invited supplier):\n\n{answer}\n"
            ),
            created_by: user.id(),
        },
    )
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "clarification.answer",
            entity_type: "rfq",
            entity_id: &id,
            summary: serde_json::json!({"clarification_id": cid, "to_suppliers": row.invited}),
        },
    )
    .await?;
    w.commit().await?;
    crate::outbox::flush_logged(&st).await;
    Ok(axum::Json(api::Clarification {
        id: cid,
        question,
        asked_at: rfc3339(col(&q, "asked_at")?),
        asked_by_supplier: Some(col(&q, "asked_by_supplier")?),
        answer: Some(answer),
        answered_at: Some(rfc3339(now)),
    }))
}
