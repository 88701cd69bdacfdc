//! `POST /api/rfqs/requote`: a new draft RFQ from an old quote or RFQ document, read
//! with the extractor the browser runs and matched to current revisions
//! (`domain::requote`). A section of the RFQ routes (issue 11: `rfqs.rs` was split along
//! its sections).

use axum::extract::State;
use axum::http::StatusCode;
use domain::access::{authorize, Resource, Verb};
use domain::revision;

use super::create;
use crate::auth::CurrentUser;
use crate::db::col;
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

/// Largest document accepted for a re-quote.
pub(super) const REQUOTE_MAX_BYTES: usize = 25 * 1024 * 1024;
/// Longest a re-quote's document may take to read (with
/// `domain::extract::bounds::SERVER_BOUNDS` on rows and pages).
pub const REQUOTE_MAX_TIME: std::time::Duration =
    std::time::Duration::from_secs(domain::extract::bounds::MAX_SECONDS);

/// Retry-After of a re-quote refused because every reading turn is taken.
const REQUOTE_RETRY_AFTER_SECS: u64 = 5;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct RequoteQuery {
    file_name: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    currency: Option<String>,
}

/// `POST /api/rfqs/requote?file_name=…` with the document as the body: extracts it with
/// the same `domain::extract` the browser runs, matches its lines to current revisions,
/// and creates a draft RFQ (deadline in 14 days, sealed) for the buyer to finish. When no
/// line matches, no RFQ is created and the answer lists why.
pub(super) async fn requote(
    State(st): State<AppState>,
    user: CurrentUser,
    crate::error::Query(q): crate::error::Query<RequoteQuery>,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, axum::Json<api::Requote>)> {
    authorize(&user.actor, Verb::Write, Resource::RfqList)?;
    if body.is_empty() {
        return Err(AppError::bad_request(
            "empty_file",
            "The uploaded file is empty.",
        ));
    }
    // A bounded number of extractions at once (issue 10): each holds its document and the
    // reader's working memory for up to REQUOTE_MAX_TIME, so a burst is refused at once.
    let Ok(turn) = st.requotes.clone().try_acquire_owned() else {
        return Err(AppError::Unavailable {
            code: "busy",
            message: format!(
                "The server is already reading {} re-quote documents, the most it reads at once. Try again in a few seconds.",
                st.config.requote_workers.max(1)
            ),
            retry_after_secs: REQUOTE_RETRY_AFTER_SECS,
        });
    };
    let file_name = q.file_name.clone();
    let bytes = body.to_vec();
    // Read within rows, pages and time (issue 10): the readers stop at the first bound
    // passed and the answer says which, instead of a thread busy for minutes.
    let deadline = std::time::Instant::now() + REQUOTE_MAX_TIME;
    let extraction = tokio::task::spawn_blocking(move || {
        // The turn is the reading thread's: a client that hangs up does not free it
        // before the reading ends.
        let _turn = turn;
        domain::extract::bounds::within(
            domain::extract::bounds::SERVER_BOUNDS,
            move || std::time::Instant::now() > deadline,
            || {
                domain::extract::extract(&domain::extract::ExtractInput {
                    file_name,
                    bytes,
                    rfq: None,
                    memory: None,
                })
            },
        )
    })
    .await
    .map_err(|e| anyhow::anyhow!("extraction task failed: {e}"))?
    .map_err(|exceeded| AppError::Coded {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "document_too_large",
        message: format!(
            "Not read: {exceeded}. A re-quote reads at most {} rows or lines, {} cells per table row, {} table cells and {} pages, within {} seconds; split the document or keep only the lines and columns to quote again.",
            domain::extract::bounds::SERVER_BOUNDS.max_rows,
            domain::extract::bounds::SERVER_BOUNDS.max_row_cells,
            domain::extract::bounds::SERVER_BOUNDS.max_cells,
            domain::extract::bounds::SERVER_BOUNDS.max_pages,
            REQUOTE_MAX_TIME.as_secs()
        ),
    })?;
    // Every part with its revisions newest first; which one a re-quote line takes is
    // `domain::revision::current`'s rule, not the query's.
    let rows = sqlx::query(
        "SELECT p.id, p.number, p.name, v.label, v.status FROM parts p \
         JOIN revisions v ON v.part_id = p.id ORDER BY p.id, v.created_at DESC, v.label DESC",
    )
    .fetch_all(&st.db.pool)
    .await?;
    /// A part with its revisions (label, status), newest first.
    struct PartRevisions {
        id: String,
        number: String,
        name: String,
        revisions: Vec<(String, revision::Status)>,
    }
    let mut parts: Vec<PartRevisions> = Vec::new();
    for r in &rows {
        let id: String = col(r, "id")?;
        let status: String = col(r, "status")?;
        // A status the server does not know counts as a draft (it needs confirming).
        let status = revision::Status::parse(&status).unwrap_or(revision::Status::Draft);
        let label: String = col(r, "label")?;
        match parts.last_mut() {
            Some(p) if p.id == id => p.revisions.push((label, status)),
            _ => parts.push(PartRevisions {
                id,
                number: col(r, "number")?,
                name: col(r, "name")?,
                revisions: vec![(label, status)],
            }),
        }
    }
    let mut catalogue = Vec::with_capacity(parts.len());
    // Parts with no released revision: a line for one needs the buyer's confirmation
    // (`domain::revision`), so it is left for the buyer instead of chosen here.
    let mut unreleased = std::collections::HashSet::new();
    for PartRevisions {
        id,
        number,
        name,
        revisions,
    } in parts
    {
        let choices: Vec<revision::Choice<'_>> = revisions
            .iter()
            .map(|(label, status)| revision::Choice {
                label,
                status: *status,
            })
            .collect();
        let Some(now) = revision::current(&choices) else {
            continue;
        };
        if now.status != revision::Status::Released {
            unreleased.insert(id.clone());
        }
        catalogue.push(domain::requote::CatalogueEntry {
            part_id: id.clone(),
            number,
            name,
            current_revision: now.label.to_string(),
        });
    }
    let mut plan = domain::requote::plan(&extraction, &catalogue);
    let (planned, unconfirmed): (Vec<_>, Vec<_>) = std::mem::take(&mut plan.lines)
        .into_iter()
        .partition(|l| !unreleased.contains(&l.part_id));
    plan.lines = planned;
    plan.unmatched
        .extend(unconfirmed.into_iter().map(|l| domain::requote::Unmatched {
            reason: format!(
                "{} has no released revision; add it on the RFQ and confirm revision {}",
                l.part_number, l.revision
            ),
            part_number: Some(l.part_number),
            description: None,
            source: l.source,
        }));
    if plan.lines.is_empty() {
        return Ok((
            StatusCode::OK,
            axum::Json(api::Requote {
                rfq: None,
                plan,
                diagnostics: extraction.diagnostics,
            }),
        ));
    }
    let currency = q
        .currency
        .or_else(|| extraction.currency.map(|c| c.code().to_string()))
        .unwrap_or_else(|| "USD".into());
    // Text taken from the document (not typed by the buyer) loses any NUL instead of
    // refusing the whole file.
    let clean = |s: String| s.replace('\0', "");
    // Text taken from the document is also cut to the RFQ's bounds
    // (`domain::rfq::limits`) instead of refusing the re-quote.
    let cut = |s: String, max: usize| match s.char_indices().nth(max) {
        Some((at, _)) => s[..at].to_string(),
        None => s,
    };
    let n = api::NewRfq {
        title: q
            .title
            .unwrap_or_else(|| format!("Re-quote of {}", q.file_name)),
        currency,
        incoterm: extraction
            .incoterm
            .as_ref()
            .map(|i| {
                format!("{} {}", i.code, i.place.clone().unwrap_or_default())
                    .trim()
                    .to_string()
            })
            .map(clean)
            .map(|s| cut(s, domain::rfq::limits::INCOTERM))
            .unwrap_or_default(),
        payment_terms: extraction
            .payment_terms
            .as_ref()
            .map(|t| cut(clean(t.text.clone()), domain::rfq::limits::PAYMENT_TERMS))
            .unwrap_or_default(),
        deadline: (crate::clock::now() + chrono::Duration::days(14)).to_rfc3339(),
        time_zone: None,
        sealed: true,
        lines: plan
            .lines
            .iter()
            .map(|l| api::NewRfqLine {
                id: None,
                part_id: l.part_id.clone(),
                revision: Some(l.revision.clone()),
                confirm_revision: false,
                quantities: l.quantities.clone(),
                annual_volume: None,
                need_by: None,
                notes: cut(clean(l.notes.join("; ")), domain::rfq::limits::LINE_NOTES),
                last_price: None,
                should_cost: None,
            })
            .collect(),
        supplier_ids: Vec::new(),
    };
    let (status, axum::Json(rfq)) = create(State(st), user, Json(n)).await?;
    Ok((
        status,
        axum::Json(api::Requote {
            rfq: Some(rfq),
            plan,
            diagnostics: extraction.diagnostics,
        }),
    ))
}
