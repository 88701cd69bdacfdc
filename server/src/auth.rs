//! Sign-in, sessions, CSRF and login throttling.
//!
//! - Passwords: argon2id (PHC strings), hashed and verified on the blocking pool so the
//!   async executor never stalls, through a bounded [`Hashing`] pool so a burst cannot
//!   exhaust memory. Unknown e-mails are verified against a dummy hash so the answer
//!   takes as long as for a real account.
//! - Sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie (Secure when
//!   configured for https); the database keeps only its SHA-256, so a leaked database
//!   does not leak live sessions, and several server processes can share sessions.
//! - CSRF: each session has a token, returned by `/api/me`, that every state-changing
//!   request must echo in `x-csrf-token`. Cross-site forms cannot read it.
//! - API tokens (issue 10): `Authorization: Bearer …` instead of the cookie, for
//!   integrations; no CSRF token (a browser never sends it on its own). Stored as SHA-256
//!   only, revocable, limited to their scopes by `domain::access::authorize`
//!   ([`crate::routes::tokens`]).
//! - Throttling ([`LockoutPolicy`]): failed sign-ins are stored; one address guessing on
//!   one account is slowed by a doubling wait, one address is stopped after
//!   `lockout.max_ip_failures` failures, and an account is locked only at a much higher
//!   count from everywhere, never for an address it signed in from before; an admin can
//!   unlock it ([`unlock`]).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::access::{Actor, Role};
use rand::RngCore;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::audit::{self, Change};
use crate::db::{col, new_id, now_ms};
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

/// Limits for failed sign-ins (issue 10, M2): see `docs/contract.md`, "Sign-in
/// throttling". A guesser is slowed where it guesses from, so that nobody can lock a
/// buyer out from elsewhere:
///
/// - one address on one account: `pair_free_failures` failures, then a wait of
///   `pair_first_delay_ms` before the next try, doubled with each further failure, up to
///   `window_ms` (429 `slow_down`);
/// - one address on any accounts (and invitation accepts): `max_ip_failures` in the
///   window, then 429 `rate_limited` until the window passes;
/// - one account from everywhere: only at `max_account_failures` in the window is it
///   locked (429 `locked_out`), and even then not for an address it signed in from within
///   `known_address_ms`; the lock lifts when the window passes or an admin unlocks the
///   account (`POST /api/users/{id}/unlock`, audited). Open sessions are never touched.
#[derive(Debug, Clone)]
pub struct LockoutPolicy {
    /// The window failures are counted in.
    pub window_ms: i64,
    /// Failures one address may make on one account before it must wait.
    pub pair_free_failures: i64,
    /// The first wait after those; each further failure doubles it (up to `window_ms`).
    pub pair_first_delay_ms: i64,
    /// Failures one address may make over all accounts and invitation accepts.
    pub max_ip_failures: i64,
    /// Failures on one account from all addresses that lock it (known addresses excepted).
    pub max_account_failures: i64,
    /// How long an address stays known to an account after a good sign-in from it.
    pub known_address_ms: i64,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        LockoutPolicy {
            window_ms: 15 * 60 * 1000,
            pair_free_failures: 5,
            pair_first_delay_ms: 30 * 1000,
            max_ip_failures: 20,
            max_account_failures: 100,
            known_address_ms: 90 * 24 * 60 * 60 * 1000,
        }
    }
}

impl LockoutPolicy {
    /// The wait after `failures` failures of one address on one account (0 within the
    /// free ones): `pair_first_delay_ms`, doubled per further failure, at most the window.
    pub fn pair_delay_ms(&self, failures: i64) -> i64 {
        let over = failures - self.pair_free_failures;
        if over < 0 {
            return 0;
        }
        let doublings = u32::try_from(over.min(40)).unwrap_or(40);
        self.pair_first_delay_ms
            .max(1)
            .saturating_mul(1i64 << doublings)
            .min(self.window_ms)
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

/// Hashes a password with argon2id on the blocking pool, unbounded: for the command
/// line and seeding only. Request handlers go through [`Hashing`], which bounds how many
/// hashes run and wait at once.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("no account has this password").unwrap_or_default())
}

fn verify_now(stored: Option<String>, password: &str) -> bool {
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
}

/// The password-hashing pool of a server (issue 10). Each argon2id hash takes 19 MiB and
/// a core for tens of milliseconds, so a burst of sign-ins or invitation accepts must not
/// start one hash per request: at most `workers` hashes run at once (one per core), at
/// most `queue` more wait for a turn, and a request beyond that is answered at once with
/// 503 `busy` and `Retry-After`, so memory stays bounded and the server keeps answering.
///
/// A turn is held by the blocking task itself, so a client that disconnects while its
/// hash runs does not free the turn before the hash (and its memory) is done.
#[derive(Clone)]
pub struct Hashing {
    turns: Arc<Semaphore>,
    admitted: Arc<AtomicUsize>,
    limit: usize,
}

impl std::fmt::Debug for Hashing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hashing")
            .field("limit", &self.limit)
            .finish()
    }
}

/// Gives an admission back when dropped (the work finished, or never started).
struct Admission(Arc<AtomicUsize>);
impl Drop for Admission {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hashing {
    /// `workers` hashes at once (at least 1) and `queue` more waiting.
    pub fn new(workers: usize, queue: usize) -> Hashing {
        let workers = workers.max(1);
        Hashing {
            turns: Arc::new(Semaphore::new(workers)),
            admitted: Arc::new(AtomicUsize::new(0)),
            limit: workers + queue,
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> AppResult<T> {
        let admission = Admission(self.admitted.clone());
        if self.admitted.fetch_add(1, Ordering::SeqCst) >= self.limit {
            return Err(AppError::Unavailable {
                code: "busy",
                message: "Bidwell is busy signing in many people at once. Try again in a moment."
                    .into(),
                retry_after_secs: 1,
            });
        }
        let turn = self
            .turns
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| anyhow::anyhow!("the hashing pool is closed: {e}"))?;
        let result = tokio::task::spawn_blocking(move || {
            let out = work();
            drop((turn, admission));
            out
        })
        .await
        .map_err(|e| anyhow::anyhow!("a password hash task failed: {e}"))?;
        Ok(result)
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: String) -> AppResult<String> {
        Ok(self.run(move || hash_now(&password)).await??)
    }

    /// Verifies `password` against a stored hash, or against a dummy one when there is
    /// no account (so the answer takes as long either way); false without an account.
    pub async fn verify(&self, stored: Option<String>, password: String) -> AppResult<bool> {
        self.run(move || verify_now(stored, &password)).await
    }
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
    /// The API token the request was made with (`None`: a session).
    pub token_id: Option<String>,
}

impl CurrentUser {
    pub fn id(&self) -> &str {
        &self.actor.user_id
    }
    /// Refuses a request made with an API token: for what only the app does (offline
    /// sync, the changes feed, signing out), which no scope covers.
    pub fn require_session(&self) -> AppResult<()> {
        match self.token_id {
            None => Ok(()),
            Some(_) => Err(domain::access::Denied::Scope.into()),
        }
    }
    /// Whether this user sees the buying side's view of an RFQ (the field of bidders,
    /// reference prices, the award): `domain::access::authorize` on `BuyerView`.
    pub fn sees_buyer_view(&self) -> bool {
        domain::access::authorize(
            &self.actor,
            domain::access::Verb::Read,
            domain::access::Resource::BuyerView,
        )
        .is_ok()
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
        if let Some(bearer) = bearer_token(&parts.headers) {
            return token_user(state, bearer?).await;
        }
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
                scopes: None,
            },
            email: col(&row, "email")?,
            name: col(&row, "name")?,
            org_name: col(&row, "org_name")?,
            org_id,
            csrf_token,
            session_hash: hash,
            token_id: None,
        })
    }
}

/// The `Authorization: Bearer …` token, if the header is there: `Err` when it is not a
/// bearer token at all.
pub fn bearer_token(headers: &HeaderMap) -> Option<Result<&str, AppError>> {
    let v = headers.get(header::AUTHORIZATION)?;
    let token = v
        .to_str()
        .ok()
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .filter(|t| !t.is_empty());
    Some(token.ok_or(AppError::Coded {
        status: StatusCode::UNAUTHORIZED,
        code: "unauthenticated",
        message: "Send an API token as `Authorization: Bearer <token>`, or sign in.".into(),
    }))
}

/// The user an API token acts as, with the token's scopes.
async fn token_user(state: &AppState, bearer: &str) -> Result<CurrentUser, AppError> {
    let row = sqlx::query(
        "SELECT t.id AS token_id, t.scopes, t.revoked_at, u.id, u.email, u.name, u.role, \
                u.org_id, o.name AS org_name \
         FROM api_tokens t JOIN users u ON u.id = t.user_id \
         JOIN organizations o ON o.id = u.org_id WHERE t.token_hash = $1",
    )
    .bind(token_hash(bearer))
    .fetch_optional(&state.db.pool)
    .await?;
    let refused = |message: &str| AppError::Coded {
        status: StatusCode::UNAUTHORIZED,
        code: "unauthenticated",
        message: message.into(),
    };
    let row = row.ok_or_else(|| refused("This API token is not known."))?;
    if col::<Option<i64>>(&row, "revoked_at")?.is_some() {
        return Err(refused("This API token was revoked."));
    }
    let scopes_s: String = col(&row, "scopes")?;
    let scopes = scopes_s
        .split_whitespace()
        .map(|s| {
            domain::access::Scope::parse(s)
                .ok_or_else(|| anyhow::anyhow!("api token has unknown scope {s:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let role_s: String = col(&row, "role")?;
    let role = Role::parse(&role_s)
        .ok_or_else(|| anyhow::anyhow!("user row has unknown role {role_s:?}"))?;
    let org_id: String = col(&row, "org_id")?;
    Ok(CurrentUser {
        actor: Actor {
            user_id: col(&row, "id")?,
            role,
            supplier_id: (role == Role::Supplier).then(|| org_id.clone()),
            scopes: Some(scopes),
        },
        email: col(&row, "email")?,
        name: col(&row, "name")?,
        org_name: col(&row, "org_name")?,
        org_id,
        csrf_token: String::new(),
        session_hash: String::new(),
        token_id: Some(col(&row, "token_id")?),
    })
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

/// A wait in words: "40 seconds", "1 minute", "12 minutes".
fn wait_words(ms: i64) -> String {
    let ms = ms.max(1000);
    if ms < 60_000 {
        format!("{} seconds", (ms + 999) / 1000)
    } else {
        match minutes(ms) {
            1 => "1 minute".to_string(),
            m => format!("{m} minutes"),
        }
    }
}

fn retry_secs(wait_ms: i64) -> u64 {
    u64::try_from((wait_ms.max(0) + 999) / 1000).unwrap_or(0)
}

/// What an admin unlock is recorded under in `login_attempts.ip`: a good "attempt" on
/// the account from no address, after which earlier failures no longer count.
pub const ADMIN_UNLOCK: &str = "(admin unlock)";

/// Refuses (429 `rate_limited`) a client address with too many failed sign-ins or
/// invitation accepts in the lockout window: both make the server hash a password, so
/// both draw on one budget per address (issue 10).
async fn throttle_ip(
    conn: &mut sqlx::AnyConnection,
    policy: &LockoutPolicy,
    ip: &str,
    now: i64,
) -> AppResult<()> {
    let ip_row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(at) AS first FROM login_attempts WHERE ip = $1 AND success = 0 AND at > $2",
    )
    .bind(ip)
    .bind(now - policy.window_ms)
    .fetch_one(&mut *conn)
    .await?;
    let ip_failures: i64 = col(&ip_row, "n")?;
    if ip_failures >= policy.max_ip_failures {
        let first: i64 = col::<Option<i64>>(&ip_row, "first")?.unwrap_or(now);
        let wait = first + policy.window_ms - now;
        return Err(AppError::TooManyRequests {
            code: "rate_limited",
            message: format!(
                "Too many failed sign-ins from your network. Try again in {}.",
                wait_words(wait)
            ),
            retry_after_secs: retry_secs(wait),
        });
    }
    Ok(())
}

/// When an admin last unlocked `email` (0: never).
async fn last_unlock(conn: &mut sqlx::AnyConnection, email: &str) -> AppResult<i64> {
    let at: Option<i64> = col(
        &sqlx::query("SELECT MAX(at) AS at FROM login_attempts WHERE email = $1 AND ip = $2")
            .bind(email)
            .bind(ADMIN_UNLOCK)
            .fetch_one(&mut *conn)
            .await?,
        "at",
    )?;
    Ok(at.unwrap_or(0))
}

/// Refuses (429 `slow_down`) one address's next guess on one account until its wait
/// ([`LockoutPolicy::pair_delay_ms`]) has passed. Failures count since the window began,
/// the address's last good sign-in on the account or an admin unlock, whichever is last.
async fn throttle_pair(
    conn: &mut sqlx::AnyConnection,
    policy: &LockoutPolicy,
    email: &str,
    ip: &str,
    unlocked: i64,
    now: i64,
) -> AppResult<()> {
    let last_ok: Option<i64> = col(
        &sqlx::query(
            "SELECT MAX(at) AS at FROM login_attempts WHERE email = $1 AND ip = $2 AND success = 1",
        )
        .bind(email)
        .bind(ip)
        .fetch_one(&mut *conn)
        .await?,
        "at",
    )?;
    let since = (now - policy.window_ms)
        .max(last_ok.unwrap_or(0))
        .max(unlocked);
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MAX(at) AS last FROM login_attempts \
         WHERE email = $1 AND ip = $2 AND success = 0 AND at > $3",
    )
    .bind(email)
    .bind(ip)
    .bind(since)
    .fetch_one(&mut *conn)
    .await?;
    let failures: i64 = col(&row, "n")?;
    let delay = policy.pair_delay_ms(failures);
    if delay == 0 {
        return Ok(());
    }
    let last: i64 = col::<Option<i64>>(&row, "last")?.unwrap_or(now);
    let wait = last + delay - now;
    if wait > 0 {
        return Err(AppError::TooManyRequests {
            code: "slow_down",
            message: format!(
                "{failures} wrong passwords for this account from your network. Wait {} before \
                 trying again; each further wrong password doubles the wait.",
                wait_words(wait)
            ),
            retry_after_secs: retry_secs(wait),
        });
    }
    Ok(())
}

/// Refuses (429 `locked_out`) an account with `max_account_failures` failures in the
/// window (since an admin's unlock, if later) from all addresses, unless `ip` is an
/// address the account signed in from within `known_address_ms`: the owner's usual
/// network keeps working while strangers are locked out.
async fn throttle_account(
    conn: &mut sqlx::AnyConnection,
    policy: &LockoutPolicy,
    email: &str,
    ip: &str,
    unlocked: i64,
    now: i64,
) -> AppResult<()> {
    let since = (now - policy.window_ms).max(unlocked);
    let failures: i64 = col(
        &sqlx::query(
            "SELECT COUNT(*) AS n FROM login_attempts WHERE email = $1 AND success = 0 AND at > $2",
        )
        .bind(email)
        .bind(since)
        .fetch_one(&mut *conn)
        .await?,
        "n",
    )?;
    if failures < policy.max_account_failures {
        return Ok(());
    }
    let known = sqlx::query(
        "SELECT id FROM login_attempts WHERE email = $1 AND ip = $2 AND success = 1 AND at > $3 LIMIT 1",
    )
    .bind(email)
    .bind(ip)
    .bind(now - policy.known_address_ms)
    .fetch_optional(&mut *conn)
    .await?
    .is_some();
    if known {
        return Ok(());
    }
    // The lock lifts when so many failures have left the window that fewer than the
    // threshold remain: when the failure at this offset (oldest first) leaves it.
    let offset = failures - policy.max_account_failures;
    let lifting: Option<i64> = sqlx::query(
        "SELECT at FROM login_attempts WHERE email = $1 AND success = 0 AND at > $2 \
         ORDER BY at LIMIT 1 OFFSET $3",
    )
    .bind(email)
    .bind(since)
    .bind(offset)
    .fetch_optional(&mut *conn)
    .await?
    .map(|r| col::<i64>(&r, "at"))
    .transpose()?;
    let wait = lifting.unwrap_or(now) + policy.window_ms - now;
    Err(AppError::TooManyRequests {
        code: "locked_out",
        message: format!(
            "This account is locked: {failures} failed sign-ins in the last {} from other \
             networks. It unlocks by itself in {}, or an administrator can unlock it now. \
             Signing in from a network where you signed in before still works, and open \
             sessions are not affected.",
            wait_words(policy.window_ms),
            wait_words(wait)
        ),
        retry_after_secs: retry_secs(wait),
    })
}

/// What a failed invitation accept is recorded under in `login_attempts`: not an
/// e-mail address (no `@`), so it never locks out an account, but it counts for the
/// client's address in the address budget.
pub const INVITATION_ATTEMPT: &str = "(invitation accept)";

/// One sign-in or invitation accept, counted as a failure from before its password is
/// looked at until it proves good ([`Attempt::succeeded`]).
#[must_use = "an attempt stays a failure unless it is marked as succeeded"]
pub struct Attempt {
    id: String,
}

/// Checks the address's budget (and the account's, for a sign-in) and counts this
/// attempt against them, in one transaction that concurrent attempts from the same
/// address or on the same account wait for (the writer lock on SQLite, advisory locks on
/// PostgreSQL). Checking and counting were two steps before, and a burst passed between
/// them (issue 10): now N concurrent attempts let exactly the budget through.
pub async fn begin_attempt(
    state: &AppState,
    ip: &str,
    account: Option<&str>,
    now: i64,
) -> AppResult<Attempt> {
    let policy = &state.config.lockout;
    let mut w = state.db.write().await?;
    if state.db.engine == crate::db::Engine::Postgres {
        // Always the address first, then the account: no two attempts wait for each other.
        let keys = std::iter::once(format!("attempt-ip:{ip}"))
            .chain(account.map(|e| format!("attempt-account:{e}")));
        for key in keys {
            sqlx::query(
                "SELECT COUNT(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l",
            )
            .bind(key)
            .execute(&mut **w)
            .await?;
        }
    }
    throttle_ip(&mut w, policy, ip, now).await?;
    if let Some(email) = account {
        let unlocked = last_unlock(&mut w, email).await?;
        throttle_pair(&mut w, policy, email, ip, unlocked, now).await?;
        throttle_account(&mut w, policy, email, ip, unlocked, now).await?;
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, 0)",
    )
    .bind(&id)
    .bind(account.unwrap_or(INVITATION_ATTEMPT))
    .bind(ip)
    .bind(now)
    .execute(&mut **w)
    .await?;
    w.commit().await?;
    Ok(Attempt { id })
}

impl Attempt {
    /// The attempt was good: it no longer counts as a failure (in `conn`'s transaction).
    pub async fn succeeded(self, conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE login_attempts SET success = 1 WHERE id = $1")
            .bind(&self.id)
            .execute(conn)
            .await?;
        Ok(())
    }

    /// The attempt was good, in a transaction of its own.
    pub async fn succeeded_now(self, state: &AppState) -> AppResult<()> {
        let mut w = state.db.write().await?;
        self.succeeded(&mut w).await?;
        w.commit().await?;
        Ok(())
    }

    /// The server could not judge the attempt (no hashing slot free): it does not count.
    /// Best effort; a failure to forget only leaves one failure counted.
    pub async fn forget(self, state: &AppState) {
        let forgot = async {
            let mut w = state.db.write().await?;
            sqlx::query("DELETE FROM login_attempts WHERE id = $1")
                .bind(&self.id)
                .execute(&mut **w)
                .await?;
            w.commit().await
        };
        if let Err(e) = forgot.await {
            tracing::warn!("could not forget an unjudged sign-in attempt: {e}");
        }
    }
}

/// The largest body a sign-in or an invitation accept may send: an e-mail, a name and a
/// password fit many times over. Bigger bodies are refused (413) before they are read
/// whole, so a burst of sign-ins with megabyte passwords holds no memory (issue 10).
pub const AUTH_MAX_BODY: usize = 16 * 1024;

/// `POST /api/auth/login`.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(req): Json<api::LoginRequest>,
) -> AppResult<Response> {
    let email = req.email.trim().to_lowercase();
    let now = now_ms();
    let attempt = begin_attempt(&state, &ip, Some(&email), now).await?;

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
    let ok = match state.hashing.verify(stored, req.password).await {
        Ok(ok) => ok,
        Err(busy) => {
            attempt.forget(&state).await;
            return Err(busy);
        }
    };
    let (true, Some(user_id)) = (ok, user_id) else {
        // The attempt stays counted as a failure.
        return Err(AppError::InvalidCredentials);
    };
    let mut w = state.db.write().await?;
    attempt.succeeded(&mut w).await?;
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
    user.require_session()?;
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

/// `POST /api/users/{id}/unlock` (admins, issue 10): lifts the account's sign-in lock
/// and the waits of every address on it; earlier failures no longer count. Audited as
/// `user.unlock` with what it cleared. A no-op unlock (nothing to clear) is recorded too:
/// an admin asked for it.
pub async fn unlock(
    State(state): State<AppState>,
    user: CurrentUser,
    crate::error::Path(id): crate::error::Path<String>,
) -> AppResult<axum::Json<api::AccountUnlocked>> {
    domain::access::authorize(
        &user.actor,
        domain::access::Verb::Write,
        domain::access::Resource::Users,
    )?;
    let now = now_ms();
    let policy = &state.config.lockout;
    let mut w = state.db.write().await?;
    let email: String = col(
        &sqlx::query("SELECT email FROM users WHERE id = $1")
            .bind(&id)
            .fetch_optional(&mut **w)
            .await?
            .ok_or_else(|| AppError::not_found(format!("user {id}")))?,
        "email",
    )?;
    let since = (now - policy.window_ms).max(last_unlock(&mut w, &email).await?);
    let failures: i64 = col(
        &sqlx::query(
            "SELECT COUNT(*) AS n FROM login_attempts WHERE email = $1 AND success = 0 AND at > $2",
        )
        .bind(&email)
        .bind(since)
        .fetch_one(&mut **w)
        .await?,
        "n",
    )?;
    let was_locked = failures >= policy.max_account_failures;
    sqlx::query(
        "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, 1)",
    )
    .bind(new_id())
    .bind(&email)
    .bind(ADMIN_UNLOCK)
    .bind(now)
    .execute(&mut **w)
    .await?;
    audit::append(
        &mut w,
        Change {
            actor: user.id(),
            action: "user.unlock",
            entity_type: "user",
            entity_id: &id,
            summary: serde_json::json!({
                "email": email,
                "was_locked": was_locked,
                "failures_cleared": failures,
            }),
        },
    )
    .await?;
    w.commit().await?;
    Ok(axum::Json(api::AccountUnlocked {
        user_id: id,
        email,
        was_locked,
        failures_cleared: failures,
    }))
}

/// `GET /api/me`.
pub async fn me(user: CurrentUser) -> axum::Json<api::Me> {
    axum::Json(user.me())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10: beyond `workers + queue` requests in flight the pool answers 503 `busy`
    /// at once, without starting work; a freed turn serves the next request.
    #[tokio::test]
    async fn the_hashing_pool_refuses_beyond_its_queue_and_recovers() {
        let pool = Hashing::new(1, 1);
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
        // One running (held until released) …
        let running = {
            let pool = pool.clone();
            tokio::spawn(async move {
                pool.run(move || {
                    let _ = started_tx.send(());
                    let _ = release_rx.recv();
                    1
                })
                .await
            })
        };
        started_rx.await.unwrap();
        // … and one waiting for the turn.
        let waiting = {
            let pool = pool.clone();
            tokio::spawn(async move { pool.run(|| 2).await })
        };
        while pool.admitted.load(Ordering::SeqCst) < 2 {
            tokio::task::yield_now().await;
        }
        let refused = pool.run(|| 3).await;
        match refused {
            Err(AppError::Unavailable {
                code,
                retry_after_secs,
                ..
            }) => assert_eq!((code, retry_after_secs), ("busy", 1)),
            other => panic!("expected busy, got {other:?}"),
        }
        release_tx.send(()).unwrap();
        assert_eq!(running.await.unwrap().unwrap(), 1);
        assert_eq!(waiting.await.unwrap().unwrap(), 2);
        assert_eq!(pool.run(|| 4).await.unwrap(), 4);
        assert_eq!(pool.admitted.load(Ordering::SeqCst), 0);
    }
}
