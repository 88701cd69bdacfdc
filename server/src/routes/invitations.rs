//! Invitation links: a buyer invites a supplier contact; the contact follows the
//! single-use, expiring link, sets a password and is signed in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use domain::validate::{self, FieldErrors};

use crate::audit::{self, Change};
use crate::auth::{self, random_token, token_hash, ClientIp, CurrentUser};
use crate::db::{col, new_id, now_ms, rfc3339};
use crate::error::{AppError, AppResult, Json, Path};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/invitations", post(create))
        .route("/api/invitations/{token}", get(info))
        .route(
            "/api/invitations/{token}/accept",
            post(accept).layer(axum::extract::DefaultBodyLimit::max(
                crate::auth::AUTH_MAX_BODY,
            )),
        )
}

async fn create(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(inv): Json<api::NewInvitation>,
) -> AppResult<(StatusCode, axum::Json<api::InvitationCreated>)> {
    authorize(&user.actor, Verb::Write, Resource::Invitations)?;
    let mut e = FieldErrors::new();
    validate::email(&mut e, "email", &inv.email);
    validate::required(&mut e, "name", &inv.name, 200);
    e.into_result()?;
    let email = inv.email.trim().to_lowercase();
    let name = inv.name.trim().to_string();
    let mut w = st.db.write().await?;
    let supplier = sqlx::query("SELECT name, status FROM suppliers WHERE id = $1")
        .bind(&inv.supplier_id)
        .fetch_optional(&mut **w)
        .await?
        .ok_or_else(|| AppError::not_found(format!("supplier {}", inv.supplier_id)))?;
    let status: String = col(&supplier, "status")?;
    if status == "blocked" {
        return Err(AppError::conflict_field(
            "supplier_id",
            "this supplier is blocked; unblock it before inviting its contacts",
        ));
    }
    if sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&mut **w)
        .await?
        .is_some()
    {
        return Err(AppError::conflict_field(
            "email",
            format!("{email} already has a Bidwell login"),
        ));
    }
    let contact =
        sqlx::query("SELECT id FROM supplier_contacts WHERE supplier_id = $1 AND email = $2")
            .bind(&inv.supplier_id)
            .bind(&email)
            .fetch_optional(&mut **w)
            .await?;
    if contact.is_none() {
        sqlx::query("INSERT INTO supplier_contacts (id, supplier_id, name, email, user_id) VALUES ($1, $2, $3, $4, NULL)")
            .bind(new_id())
            .bind(&inv.supplier_id)
            .bind(&name)
            .bind(&email)
            .execute(&mut **w)
            .await?;
    }
    let id = new_id();
    let token = random_token();
    let now = now_ms();
    let expires = now + st.config.invitation_ttl_ms;
    sqlx::query(
        "INSERT INTO invitations (id, token_hash, supplier_id, email, name, created_by, created_at, expires_at, used_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)",
    )
    .bind(&id)
    .bind(token_hash(&token))
    .bind(&inv.supplier_id)
    .bind(&email)
    .bind(&name)
    .bind(user.id())
    .bind(now)
    .bind(expires)
    .execute(&mut **w)
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "invitation.create",
            entity_type: "invitation",
            entity_id: &id,
            summary: serde_json::json!({"supplier_id": inv.supplier_id, "email": email, "expires_at": rfc3339(expires)}),
        },
    )
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(api::InvitationCreated {
            id,
            path: format!("/invite/{token}"),
            token,
            expires_at: rfc3339(expires),
        }),
    ))
}

struct Invitation {
    id: String,
    supplier_id: String,
    supplier_name: String,
    email: String,
    name: String,
    expires_at: i64,
}

/// Whether a refusal is the server's own failure rather than an unusable token.
fn refused_by_server(e: &AppError) -> bool {
    matches!(e, AppError::Database(_) | AppError::Internal(_))
}

/// Finds a usable invitation, or says precisely why it cannot be used.
async fn usable<'e, E>(exec: E, token: &str) -> AppResult<Invitation>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(
        "SELECT i.id, i.supplier_id, s.name AS supplier_name, i.email, i.name, i.expires_at, i.used_at \
         FROM invitations i JOIN suppliers s ON s.id = i.supplier_id WHERE i.token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(exec)
    .await?
    .ok_or_else(|| AppError::Coded {
        status: StatusCode::NOT_FOUND,
        code: "invitation_invalid",
        message: "This invitation link is not valid. Check that you copied all of it, or ask the buyer for a new one.".into(),
    })?;
    if col::<Option<i64>>(&row, "used_at")?.is_some() {
        return Err(AppError::Gone {
            code: "invitation_used",
            message: "This invitation link was already used. Sign in with the password you chose, or ask the buyer for a new link.".into(),
        });
    }
    let expires_at: i64 = col(&row, "expires_at")?;
    if expires_at <= now_ms() {
        return Err(AppError::Gone {
            code: "invitation_expired",
            message: format!(
                "This invitation link expired on {}. Ask the buyer for a new one.",
                rfc3339(expires_at)
            ),
        });
    }
    Ok(Invitation {
        id: col(&row, "id")?,
        supplier_id: col(&row, "supplier_id")?,
        supplier_name: col(&row, "supplier_name")?,
        email: col(&row, "email")?,
        name: col(&row, "name")?,
        expires_at,
    })
}

async fn info(
    State(st): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<axum::Json<api::InvitationInfo>> {
    let inv = usable(&st.db.pool, &token).await?;
    Ok(axum::Json(api::InvitationInfo {
        email: inv.email,
        name: inv.name,
        supplier_name: inv.supplier_name,
        expires_at: rfc3339(inv.expires_at),
    }))
}

/// `POST /api/invitations/{token}/accept`. The token is checked before the password is
/// hashed, on the bounded pool, and a client address that keeps presenting unusable
/// tokens is throttled like failed sign-ins (issue 10): a burst of bogus accepts costs a
/// database read each, not 19 MiB and a core each.
async fn accept(
    State(st): State<AppState>,
    ClientIp(ip): ClientIp,
    Path(token): Path<String>,
    Json(req): Json<api::AcceptInvitation>,
) -> AppResult<Response> {
    // Counted as a failure of this address until the token proves usable; decided in
    // memory before the database is read ([`auth::admit`]).
    let ticket = auth::admit(&st, ip, None, None, now_ms()).await?;
    if let Err(refused) = usable(&st.db.pool, &token).await {
        if refused_by_server(&refused) {
            st.throttle.unjudged(ticket);
        } else {
            drop(ticket);
        }
        return Err(refused);
    }
    st.throttle.succeeded(ticket);
    let mut e = FieldErrors::new();
    validate::required(&mut e, "name", &req.name, 200);
    validate::password(&mut e, "password", &req.password);
    e.into_result()?;
    // Hash before taking the writer lock: it is the slow part. The token is checked
    // again inside the transaction (a concurrent accept may have used it meanwhile).
    let hash = st.hashing.hash(req.password).await?;
    let mut w = st.db.write().await?;
    let inv = usable(&mut **w, &token).await?;
    let now = now_ms();
    // Marking it used first, conditionally, makes a second concurrent accept fail.
    let marked =
        sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(&inv.id)
            .execute(&mut **w)
            .await?;
    if marked.rows_affected() != 1 {
        return Err(AppError::Gone {
            code: "invitation_used",
            message: "This invitation link was already used.".into(),
        });
    }
    if sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(&inv.email)
        .fetch_optional(&mut **w)
        .await?
        .is_some()
    {
        return Err(AppError::conflict_field(
            "email",
            format!("{} already has a Bidwell login; sign in instead", inv.email),
        ));
    }
    let user_id = new_id();
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, 'supplier', $5, $6)",
    )
    .bind(&user_id)
    .bind(&inv.supplier_id)
    .bind(&inv.email)
    .bind(req.name.trim())
    .bind(&hash)
    .bind(now)
    .execute(&mut **w)
    .await?;
    sqlx::query("UPDATE supplier_contacts SET user_id = $1, name = $2 WHERE supplier_id = $3 AND email = $4")
        .bind(&user_id)
        .bind(req.name.trim())
        .bind(&inv.supplier_id)
        .bind(&inv.email)
        .execute(&mut **w)
        .await?;
    let session = auth::create_session(&mut w, &st, &user_id).await?;
    audit::append(
        &mut w,
        Change {
            actor: &user_id,
            action: "invitation.accept",
            entity_type: "invitation",
            entity_id: &inv.id,
            summary: serde_json::json!({"user_id": user_id, "supplier_id": inv.supplier_id, "email": inv.email}),
        },
    )
    .await?;
    w.commit().await?;
    auth::signed_in_response(&st, &session, StatusCode::CREATED).await
}
