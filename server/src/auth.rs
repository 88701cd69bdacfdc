//! Sign-in, sessions, CSRF and login throttling.
//!
//! - Passwords: argon2id (PHC strings), hashed and verified on the blocking pool so the
//!   async executor never stalls. Unknown e-mails are verified against a dummy hash so
//!   the answer takes as long as for a real account.
//! - Sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie (Secure when
//!   configured for https); the database keeps only its SHA-256, so a leaked database
//!   does not leak live sessions, and several server processes can share sessions.
//! - CSRF: each session has a token, returned by `/api/me`, that every state-changing
//!   request must echo in `x-csrf-token`. Cross-site forms cannot read it.
//! - Throttling: failed sign-ins are stored; an account is locked after
//!   `lockout.max_account_failures` failures within the window (until the window
//!   passes), and an IP address after `lockout.max_ip_failures`.

use std::net::SocketAddr;
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::access::{Actor, Role};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

/// Limits for failed sign-ins.
#[derive(Debug, Clone)]
pub struct LockoutPolicy {
    pub window_ms: i64,
    pub max_account_failures: i64,
    pub max_ip_failures: i64,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        LockoutPolicy {
            window_ms: 15 * 60 * 1000,
            max_account_failures: 5,
            max_ip_failures: 20,
        }
    }
}

/// A random 256-bit token as lowercase hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// SHA-256 of a token, as stored in the database.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with argon2id on the blocking pool.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(b"no account has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Verifies `password` against a stored hash (or a dummy one) on the blocking pool.
pub async fn verify_password(stored: Option<String>, password: String) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let hash = stored.unwrap_or_else(|| dummy_hash().to_string());
        let ok = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && real
    })
    .await
    .map_err(Into::into)
}

/// The client's IP address: the socket peer, or the first `X-Forwarded-For` entry when
/// the server is configured to sit behind a trusted proxy.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if state.config.trust_proxy {
            if let Some(ip) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
            {
                return Ok(ClientIp(ip.trim().to_string()));
            }
        }
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_else(|| "unknown".to_string());
        Ok(ClientIp(ip))
    }
}

/// The signed-in user of a request. Extracting it also enforces CSRF on
/// state-changing methods.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub actor: Actor,
    pub email: String,
    pub name: String,
    pub org_id: String,
    pub org_name: String,
    pub csrf_token: String,
    session_hash: String,
}

impl CurrentUser {
    pub fn id(&self) -> &str {
        &self.actor.user_id
    }
    pub fn me(&self) -> api::Me {
        api::Me {
            user_id: self.actor.user_id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.actor.role,
            organization_id: self.org_id.clone(),
            organization_name: self.org_name.clone(),
            supplier_id: self.actor.supplier_id.clone(),
            csrf_token: self.csrf_token.clone(),
        }
    }
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether a method changes state (and so needs the CSRF token).
pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token =
            cookie_value(&parts.headers, api::SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
        let hash = token_hash(&token);
        let row = sqlx::query(
            "SELECT s.csrf_token, s.expires_at, u.id, u.email, u.name, u.role, u.org_id, \
                    o.name AS org_name \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             JOIN organizations o ON o.id = u.org_id WHERE s.token_hash = $1",
        )
        .bind(&hash)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or(AppError::Unauthenticated)?;
        let expires_at: i64 = col(&row, "expires_at")?;
        if expires_at <= now_ms() {
            return Err(AppError::Unauthenticated);
        }
        let csrf_token: String = col(&row, "csrf_token")?;
        if is_unsafe(&parts.method) {
            let sent = parts
                .headers
                .get(api::CSRF_HEADER)
                .map(HeaderValue::as_bytes)
                .unwrap_or_default();
            if !constant_time_eq(sent, csrf_token.as_bytes()) {
                return Err(AppError::Csrf);
            }
        }
        let role_s: String = col(&row, "role")?;
        let role = Role::parse(&role_s)
            .ok_or_else(|| anyhow::anyhow!("user row has unknown role {role_s:?}"))?;
        let org_id: String = col(&row, "org_id")?;
        Ok(CurrentUser {
            actor: Actor {
                user_id: col(&row, "id")?,
                role,
                supplier_id: (role == Role::Supplier).then(|| org_id.clone()),
            },
            email: col(&row, "email")?,
            name: col(&row, "name")?,
            org_name: col(&row, "org_name")?,
            org_id,
            csrf_token,
            session_hash: hash,
        })
    }
}

/// Creates a session for `user_id` inside `tx`; returns the cookie token.
pub async fn create_session(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    state: &AppState,
    user_id: &str,
) -> Result<String, sqlx::Error> {
    let now = now_ms();
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2")
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    let token = random_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(random_token())
    .bind(now)
    .bind(now + state.config.session_ttl_ms)
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// The `Set-Cookie` value that carries a new session (or clears it with `None`).
pub fn session_cookie(state: &AppState, token: Option<&str>) -> HeaderValue {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let v = match token {
        Some(t) => format!(
            "{}={t}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            api::SESSION_COOKIE,
            state.config.session_ttl_ms / 1000
        ),
        None => format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
            api::SESSION_COOKIE
        ),
    };
    // Built from hex and fixed text only, so always a valid header value.
    HeaderValue::from_str(&v).unwrap_or(HeaderValue::from_static(""))
}

/// Loads the session just created and answers with `Me` and the cookie.
pub async fn signed_in_response(
    state: &AppState,
    token: &str,
    status: StatusCode,
) -> AppResult<Response> {
    let mut parts = axum::http::Request::builder()
        .method(Method::GET)
        .header(header::COOKIE, format!("{}={token}", api::SESSION_COOKIE))
        .body(())
        .map_err(|e| anyhow::anyhow!(e))?
        .into_parts()
        .0;
    let user = CurrentUser::from_request_parts(&mut parts, state).await?;
    let mut res = (status, axum::Json(user.me())).into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, Some(token)));
    Ok(res)
}

fn minutes(ms: i64) -> i64 {
    (ms + 59_999) / 60_000
}

/// `POST /api/auth/login`.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(req): Json<api::LoginRequest>,
) -> AppResult<Response> {
    let email = req.email.trim().to_lowercase();
    let now = now_ms();
    let policy = &state.config.lockout;
    let since = now - policy.window_ms;

    let ip_row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(at) AS first FROM login_attempts WHERE ip = $1 AND success = 0 AND at > $2",
    )
    .bind(&ip)
    .bind(since)
    .fetch_one(&state.db.pool)
    .await?;
    let ip_failures: i64 = col(&ip_row, "n")?;
    if ip_failures >= policy.max_ip_failures {
        let first: i64 = col::<Option<i64>>(&ip_row, "first")?.unwrap_or(now);
        let wait = first + policy.window_ms - now;
        return Err(AppError::TooManyRequests {
            code: "rate_limited",
            message: format!(
                "Too many failed sign-ins from your network. Try again in {} minutes.",
                minutes(wait)
            ),
            retry_after_secs: (wait.max(0) / 1000) as u64,
        });
    }

    let last_ok: Option<i64> = col(
        &sqlx::query("SELECT MAX(at) AS at FROM login_attempts WHERE email = $1 AND success = 1")
            .bind(&email)
            .fetch_one(&state.db.pool)
            .await?,
        "at",
    )?;
    let acct_since = since.max(last_ok.unwrap_or(0));
    let acct_row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(at) AS first FROM login_attempts WHERE email = $1 AND success = 0 AND at > $2",
    )
    .bind(&email)
    .bind(acct_since)
    .fetch_one(&state.db.pool)
    .await?;
    let acct_failures: i64 = col(&acct_row, "n")?;
    if acct_failures >= policy.max_account_failures {
        let first: i64 = col::<Option<i64>>(&acct_row, "first")?.unwrap_or(now);
        let wait = first + policy.window_ms - now;
        return Err(AppError::TooManyRequests {
            code: "locked_out",
            message: format!(
                "This account is locked after {acct_failures} failed sign-ins. Try again in {} minutes, or ask an admin.",
                minutes(wait)
            ),
            retry_after_secs: (wait.max(0) / 1000) as u64,
        });
    }

    let user = sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&state.db.pool)
        .await?;
    let (user_id, stored) = match &user {
        Some(row) => (
            Some(col::<String>(row, "id")?),
            Some(col::<String>(row, "password_hash")?),
        ),
        None => (None, None),
    };
    let ok = verify_password(stored, req.password).await?;

    let mut w = state.db.write().await?;
    sqlx::query(
        "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(&email)
    .bind(&ip)
    .bind(now)
    .bind(i64::from(ok))
    .execute(&mut **w)
    .await?;
    let (true, Some(user_id)) = (ok, user_id) else {
        w.commit().await?;
        return Err(AppError::InvalidCredentials);
    };
    let token = create_session(&mut w, &state, &user_id).await?;
    audit::append(
        &mut w,
        Change {
            actor: &user_id,
            action: "auth.login",
            entity_type: "user",
            entity_id: &user_id,
            summary: serde_json::json!({ "ip": ip }),
        },
    )
    .await?;
    w.commit().await?;
    signed_in_response(&state, &token, StatusCode::OK).await
}

/// `POST /api/auth/logout`.
pub async fn logout(State(state): State<AppState>, user: CurrentUser) -> AppResult<Response> {
    let mut w = state.db.write().await?;
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(&user.session_hash)
        .execute(&mut **w)
        .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "auth.logout",
            entity_type: "user",
            entity_id: user.id(),
            summary: serde_json::json!({}),
        },
    )
    .await?;
    w.commit().await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, None));
    Ok(res)
}

/// `GET /api/me`.
pub async fn me(user: CurrentUser) -> axum::Json<api::Me> {
    axum::Json(user.me())
}
