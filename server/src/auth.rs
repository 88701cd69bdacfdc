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
//! - Throttling ([`crate::throttle`], issue 10): failed sign-ins are counted in memory and
//!   an attempt over a budget is refused before the database or the hashing pool is
//!   touched ([`admit`]); one address guessing on one account is slowed by a doubling
//!   wait, one address (IPv6: one /64, and one /48 more coarsely) is stopped after
//!   `lockout.max_ip_failures` failures, and an account slows browsers it does not know
//!   after many failures, never its own device ([`device_cookie`]) or a network it
//!   signed in from; an admin can lift that ([`unlock`]).
//! - Client addresses ([`ClientIp`]): the socket peer's, or behind `--trust-proxy` the
//!   `X-Forwarded-For` entry the outermost trusted proxy appended (`--proxy-hops`).

use std::net::{IpAddr, SocketAddr};
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
use crate::throttle::{self, Admit, Known, Refusal, Ticket};
use crate::AppState;

pub use crate::throttle::LockoutPolicy;

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
/// start one hash per request: at most `workers` hashes run at once, at most `queue` more
/// wait for a turn, and a request beyond that is answered at once with 503 `busy` and
/// `Retry-After`, so memory stays bounded and the server keeps answering.
///
/// There are two such lanes (issue 10, M3'): one for everyone and one for sign-ins from
/// a trusted device (a good device cookie for the account, [`device_cookie`]), so a flood
/// of wrong passwords that fills the first cannot starve the owner's sign-in. Trusted
/// attempts are few (each device and each account has a small failure budget), so the
/// second lane's turns are free when its owner needs one.
///
/// A turn is held by the blocking task itself, so a client that disconnects while its
/// hash runs does not free the turn before the hash (and its memory) is done.
#[derive(Clone)]
pub struct Hashing {
    normal: Lane,
    trusted: Lane,
}

/// One lane of the hashing pool.
#[derive(Clone)]
struct Lane {
    turns: Arc<Semaphore>,
    admitted: Arc<AtomicUsize>,
    limit: usize,
}

impl std::fmt::Debug for Hashing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hashing")
            .field("limit", &self.normal.limit)
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

impl Lane {
    fn new(workers: usize, queue: usize) -> Lane {
        let workers = workers.max(1);
        Lane {
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
}

impl Hashing {
    /// `workers` hashes at once (at least 1) and `queue` more waiting, per lane.
    pub fn new(workers: usize, queue: usize) -> Hashing {
        Hashing {
            normal: Lane::new(workers, queue),
            trusted: Lane::new(workers, queue),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> AppResult<T> {
        self.normal.run(work).await
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

    /// [`Hashing::verify`] on the trusted devices' lane.
    pub async fn verify_trusted(
        &self,
        stored: Option<String>,
        password: String,
    ) -> AppResult<bool> {
        self.trusted
            .run(move || verify_now(stored, &password))
            .await
    }
}

/// The client's IP address: the socket peer's, or, behind trusted proxies
/// (`Config::trust_proxy`), the `X-Forwarded-For` entry the outermost of the
/// `Config::proxy_hops` proxies appended ([`forwarded_client`]).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
        if state.config.trust_proxy {
            if let Some(ip) = forwarded_client(&parts.headers, state.config.proxy_hops) {
                return Ok(ClientIp(ip));
            }
        }
        Ok(ClientIp(peer))
    }
}

/// The entry of a comma-separated forwarding header (all its lines, in order) that the
/// outermost of `hops` trusted proxies wrote: the `hops`-th from the right. Every proxy
/// appends the address it was reached from, so entries to the left of that one are
/// whatever the client sent and prove nothing (issue 10, M2': the first entry was taken,
/// and a client chose its own address, and so its own sign-in budget, per request).
/// With fewer entries than hops the leftmost is taken (the request passed fewer
/// proxies; every entry there was appended by one).
pub fn forwarded_entry(headers: &HeaderMap, name: &str, hops: usize) -> Option<String> {
    let entries: Vec<&str> = headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let n = entries.len();
    if n == 0 {
        return None;
    }
    let i = n.saturating_sub(hops.max(1));
    Some(entries[i].to_string())
}

/// The client address `X-Forwarded-For` names for `hops` trusted proxies
/// ([`forwarded_entry`]); an entry may carry a port (`192.0.2.1:5000`, `[2001:db8::1]:443`).
/// `None` when that entry is not an address (then the socket peer counts: the proxy).
pub fn forwarded_client(headers: &HeaderMap, hops: usize) -> Option<IpAddr> {
    let entry = forwarded_entry(headers, "x-forwarded-for", hops)?;
    let entry = entry.trim_matches('"');
    let parsed = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .and_then(|(a, _)| a.parse().ok())
        });
    if parsed.is_none() {
        tracing::warn!("X-Forwarded-For entry {entry:?} is not an address; counting the proxy's");
    }
    parsed
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
        let user = current_user(parts, state).await?;
        // From here the request's body counts against this user's byte budget too
        // (`serve::BodyCharge`; issue 10, outside probe H3).
        crate::serve::charge_body_to(&parts.extensions, user.id());
        Ok(user)
    }
}

async fn current_user(parts: &mut Parts, state: &AppState) -> Result<CurrentUser, AppError> {
    {
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
/// the account from no address; other processes read it ([`crate::throttle::Known`]).
pub const ADMIN_UNLOCK: &str = "(admin unlock)";

/// The answer to an attempt refused before it was looked at.
fn refused(r: Refusal, policy: &LockoutPolicy) -> AppError {
    match r {
        Refusal::Address { wait_ms } => AppError::TooManyRequests {
            code: "rate_limited",
            message: format!(
                "Too many failed sign-ins from your network. Try again in {}.",
                wait_words(wait_ms)
            ),
            retry_after_secs: retry_secs(wait_ms),
        },
        Refusal::Pair { failures, wait_ms } => AppError::TooManyRequests {
            code: "slow_down",
            message: format!(
                "{failures} wrong passwords for this account from your network. Wait {} before \
                 trying again; each further wrong password doubles the wait.",
                wait_words(wait_ms)
            ),
            retry_after_secs: retry_secs(wait_ms),
        },
        Refusal::Account { failures, wait_ms } => AppError::TooManyRequests {
            code: "account_slowed",
            message: format!(
                "This account is getting many wrong passwords: {failures} failed sign-ins in the \
                 last {} from browsers it does not know. Sign-ins from those wait: try again in \
                 {} (each further wrong password doubles the wait, up to {}). A browser that \
                 signed in to this account before, or a network it signed in from, is not held \
                 up, and open sessions are not affected; an administrator can lift the wait now.",
                wait_words(policy.window_ms),
                wait_words(wait_ms),
                wait_words(policy.account_max_delay_ms.min(policy.window_ms)),
            ),
            retry_after_secs: retry_secs(wait_ms),
        },
        Refusal::Full => AppError::Unavailable {
            code: "busy",
            message: "Bidwell could not check this sign-in against its recent failures just \
                      now. Try again shortly."
                .into(),
            retry_after_secs: 5,
        },
    }
}

/// Decides on one sign-in (`account`) or invitation accept (`None`) from `ip` before
/// anything else is done ([`crate::throttle`]): refused at once, without touching the
/// database or hashing a password, when a budget is spent. Admitted, it counts as a
/// failure until [`crate::throttle::Throttle::succeeded`]. The database is read only when the account is
/// slowed for unknown browsers, to learn whether `ip` is a network it signed in from
/// (cached for a few seconds).
pub async fn admit(
    state: &AppState,
    ip: IpAddr,
    account: Option<&str>,
    device: Option<&str>,
    now: i64,
) -> AppResult<Ticket> {
    let throttle = &state.throttle;
    for _ in 0..2 {
        match throttle.admit(ip, account, device, now) {
            Admit::Yes(ticket) => return Ok(ticket),
            Admit::No(r) => return Err(refused(r, throttle.policy())),
            Admit::LookUp => {
                let email = account.unwrap_or_default();
                let known = known_of(state, email, now).await?;
                throttle.remember(email, known, now);
            }
        }
    }
    Err(refused(Refusal::Full, throttle.policy()))
}

/// The networks `email` signed in from within the policy's `known_address_ms`, and its
/// last admin unlock.
async fn known_of(state: &AppState, email: &str, now: i64) -> AppResult<Known> {
    let rows = sqlx::query(
        "SELECT ip, MAX(at) AS at FROM login_attempts \
         WHERE email = $1 AND success = 1 AND (at > $2 OR ip = $3) GROUP BY ip",
    )
    .bind(email)
    .bind(now - state.config.lockout.known_address_ms)
    .bind(ADMIN_UNLOCK)
    .fetch_all(&state.db.pool)
    .await?;
    let mut known = Known::default();
    for r in &rows {
        let ip: String = col(r, "ip")?;
        let at: i64 = col(r, "at")?;
        if ip == ADMIN_UNLOCK {
            known.unlocked_at = at;
        } else if let Ok(addr) = ip.parse::<IpAddr>() {
            known.nets.insert(throttle::net64(addr));
        }
    }
    Ok(known)
}

/// Device cookies (issue 10, M3'; OWASP's "device cookies"): a browser that signed in
/// to an account gets `bidwell_device`, naming the account, when it was issued and a
/// random id, signed with the server's `device_cookie` secret (HMAC-SHA256). Sent back
/// with a sign-in on that account within `known_address_ms`, it makes the attempt a
/// trusted device's: held only to the device's own budget, not the address's, the
/// address-on-account's or the account's (`crate::throttle`), and hashed on its own
/// lane of the hashing pool. So neither a flood of wrong passwords on the account nor
/// one from the owner's network keeps the owner's browser out. One cookie per browser
/// (signing in to another account replaces it); HttpOnly, SameSite=Strict, sent only to
/// `/api/auth/`.
pub mod device_cookie {
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

    /// The cookie's name.
    pub const NAME: &str = "bidwell_device";

    fn mac(key: &[u8], issued: i64, id: &str, email: &str) -> String {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        m.update(format!("bidwell device v1\n{issued}\n{id}\n{email}").as_bytes());
        hex::encode(m.finalize().into_bytes())
    }

    /// A new cookie value for `email`, issued at `now`.
    pub fn issue(key: &[u8], email: &str, now: i64) -> String {
        let id = &super::random_token()[..32];
        format!(
            "v1.{now}.{id}.{}.{}",
            hex::encode(email),
            mac(key, now, id, email)
        )
    }

    /// The device id of a cookie `value` that is good for `email` at `now` (issued at
    /// most `max_age_ms` ago, signed with `key`); `None` for anything else.
    pub fn check(
        key: &[u8],
        value: &str,
        email: &str,
        now: i64,
        max_age_ms: i64,
    ) -> Option<String> {
        let mut parts = value.split('.');
        let (Some("v1"), Some(issued), Some(id), Some(named), Some(sig), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let issued: i64 = issued.parse().ok()?;
        let fresh = issued <= now && now - issued < max_age_ms;
        let for_email = hex::decode(named).ok()? == email.as_bytes();
        let good = super::constant_time_eq(sig.as_bytes(), mac(key, issued, id, email).as_bytes());
        (fresh && for_email && good && id.len() == 32).then(|| id.to_string())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_device_cookie_is_good_only_for_its_account_key_and_age() {
            let key = b"k1";
            let c = issue(key, "a@x.example", 1000);
            let id = check(key, &c, "a@x.example", 2000, 10_000).unwrap();
            assert_eq!(id.len(), 32);
            assert_eq!(check(key, &c, "b@x.example", 2000, 10_000), None);
            assert_eq!(check(b"k2", &c, "a@x.example", 2000, 10_000), None);
            assert_eq!(check(key, &c, "a@x.example", 11_000, 10_000), None);
            // Tampering with any part breaks the signature.
            let forged = c.replacen("v1.1000.", "v1.1001.", 1);
            assert_eq!(check(key, &forged, "a@x.example", 2000, 10_000), None);
            for bad in ["", "v1", "v1.1.2.3.4.5", "v2.1000.x.y.z"] {
                assert_eq!(check(key, bad, "a@x.example", 2000, 10_000), None, "{bad}");
            }
        }
    }
}

/// The server's device-cookie key (the `server_secrets` row made at start).
async fn device_key(state: &AppState) -> AppResult<&[u8]> {
    let key = state
        .device_key
        .get_or_try_init(|| async {
            let row = sqlx::query("SELECT value FROM server_secrets WHERE name = 'device_cookie'")
                .fetch_optional(&state.db.pool)
                .await?;
            let value: String = match row {
                Some(r) => col(&r, "value")?,
                None => {
                    return Err(AppError::Internal(anyhow::anyhow!(
                        "the device_cookie secret is missing"
                    )))
                }
            };
            hex::decode(value.trim())
                .map_err(|e| AppError::Internal(anyhow::anyhow!("device_cookie secret: {e}")))
        })
        .await?;
    Ok(key.as_slice())
}

/// The `Set-Cookie` value of a device cookie.
fn device_cookie_header(state: &AppState, value: &str) -> HeaderValue {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let v = format!(
        "{}={value}; Path=/api/auth/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        device_cookie::NAME,
        state.config.lockout.known_address_ms / 1000
    );
    // Built from digits, hex and fixed text only.
    HeaderValue::from_str(&v).unwrap_or(HeaderValue::from_static(""))
}

/// The largest body a sign-in or an invitation accept may send: an e-mail, a name and a
/// password fit many times over. Bigger bodies are refused (413) before they are read
/// whole, so a burst of sign-ins with megabyte passwords holds no memory (issue 10).
pub const AUTH_MAX_BODY: usize = 16 * 1024;

/// `POST /api/auth/login`. Throttled before anything else ([`admit`]: memory only); the
/// password is hashed on the trusted lane for a browser with a good device cookie for
/// the account; a good sign-in stores one `login_attempts` row (the address becomes
/// known to the account) in the session's transaction and renews the device cookie.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(req): Json<api::LoginRequest>,
) -> AppResult<Response> {
    let email = req.email.trim().to_lowercase();
    let now = now_ms();
    let max_age = state.config.lockout.known_address_ms;
    let device = match cookie_value(&headers, device_cookie::NAME) {
        Some(c) => device_cookie::check(device_key(&state).await?, &c, &email, now, max_age),
        None => None,
    };
    let ticket = admit(&state, ip, Some(&email), device.as_deref(), now).await?;

    let user = match sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&state.db.pool)
        .await
    {
        Ok(u) => u,
        Err(e) => {
            state.throttle.unjudged(ticket);
            return Err(e.into());
        }
    };
    let (user_id, stored) = match &user {
        Some(row) => (
            Some(col::<String>(row, "id")?),
            Some(col::<String>(row, "password_hash")?),
        ),
        None => (None, None),
    };
    let verified = if ticket.trusted {
        state.hashing.verify_trusted(stored, req.password).await
    } else {
        state.hashing.verify(stored, req.password).await
    };
    let ok = match verified {
        Ok(ok) => ok,
        Err(busy) => {
            state.throttle.unjudged(ticket);
            return Err(busy);
        }
    };
    let (true, Some(user_id)) = (ok, user_id) else {
        // The attempt stays counted as a failure.
        drop(ticket);
        return Err(AppError::InvalidCredentials);
    };
    let session = async {
        let mut w = state.db.write().await?;
        sqlx::query(
            "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, 1)",
        )
        .bind(new_id())
        .bind(&email)
        .bind(ip.to_string())
        .bind(now)
        .execute(&mut **w)
        .await?;
        let token = create_session(&mut w, &state, &user_id).await?;
        audit::append(
            &mut w,
            Change {
                actor: &user_id,
                action: "auth.login",
                entity_type: "user",
                entity_id: &user_id,
                summary: serde_json::json!({ "ip": ip.to_string() }),
            },
        )
        .await?;
        w.commit().await?;
        Ok::<_, AppError>(token)
    }
    .await;
    let token = match session {
        Ok(t) => t,
        Err(e) => {
            state.throttle.unjudged(ticket);
            return Err(e);
        }
    };
    state.throttle.succeeded(ticket);
    let mut res = signed_in_response(&state, &token, StatusCode::OK).await?;
    let renewed = device_cookie::issue(device_key(&state).await?, &email, now);
    res.headers_mut()
        .append(header::SET_COOKIE, device_cookie_header(&state, &renewed));
    Ok(res)
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

/// `POST /api/users/{id}/unlock` (admins, issue 10): lifts the account's wait for
/// unknown browsers, every address's wait on it and its devices' failures; earlier
/// failures no longer count (in this process at once, in others within
/// [`crate::throttle::KNOWN_TTL_MS`], through the stored unlock). Audited as
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
    let mut w = state.db.write().await?;
    let email: String = col(
        &sqlx::query("SELECT email FROM users WHERE id = $1")
            .bind(&id)
            .fetch_optional(&mut **w)
            .await?
            .ok_or_else(|| AppError::not_found(format!("user {id}")))?,
        "email",
    )?;
    let before = state.throttle.account_state(&email, now);
    sqlx::query(
        "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, 1)",
    )
    .bind(new_id())
    .bind(&email)
    .bind(ADMIN_UNLOCK)
    .bind(now)
    .execute(&mut **w)
    .await?;
    let was_locked = before.slowed_until.is_some();
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
                "failures_cleared": before.failures,
            }),
        },
    )
    .await?;
    w.commit().await?;
    let cleared = state.throttle.unlock(&email, now, now);
    Ok(axum::Json(api::AccountUnlocked {
        user_id: id,
        email,
        was_locked: was_locked || cleared.slowed_until.is_some(),
        failures_cleared: before.failures.max(cleared.failures),
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
        while pool.normal.admitted.load(Ordering::SeqCst) < 2 {
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
        assert_eq!(pool.normal.admitted.load(Ordering::SeqCst), 0);
    }

    /// Issue 10, M3': a flood that fills the pool's lane for everyone leaves the trusted
    /// devices' lane free, so the owner's sign-in is not answered `busy`.
    #[tokio::test]
    async fn a_full_pool_leaves_the_trusted_lane_free() {
        let pool = Hashing::new(1, 0);
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
        let running = {
            let pool = pool.clone();
            tokio::spawn(async move {
                pool.run(move || {
                    let _ = started_tx.send(());
                    let _ = release_rx.recv();
                })
                .await
            })
        };
        started_rx.await.unwrap();
        assert!(matches!(
            pool.verify(None, "x".into()).await,
            Err(AppError::Unavailable { code: "busy", .. })
        ));
        let stored = hash_now("right").unwrap();
        assert!(pool
            .verify_trusted(Some(stored), "right".into())
            .await
            .unwrap());
        release_tx.send(()).unwrap();
        running.await.unwrap().unwrap();
    }

    /// Issue 10, M2': the client address behind proxies is the entry the outermost
    /// trusted proxy appended, never one the client wrote before it.
    #[test]
    fn the_forwarded_client_is_counted_from_the_right() {
        let headers = |lines: &[&str]| {
            let mut h = HeaderMap::new();
            for l in lines {
                h.append("x-forwarded-for", HeaderValue::from_str(l).unwrap());
            }
            h
        };
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let h = headers(&["6.6.6.6, 192.0.2.1"]);
        assert_eq!(forwarded_client(&h, 1), Some(ip("192.0.2.1")));
        assert_eq!(forwarded_client(&h, 2), Some(ip("6.6.6.6")));
        // Several header lines are one list, in order.
        let h = headers(&["6.6.6.6", "192.0.2.1, 10.0.0.9"]);
        assert_eq!(forwarded_client(&h, 1), Some(ip("10.0.0.9")));
        assert_eq!(forwarded_client(&h, 2), Some(ip("192.0.2.1")));
        // Fewer entries than hops: the leftmost (every entry there is a proxy's).
        assert_eq!(
            forwarded_client(&headers(&["192.0.2.1"]), 3),
            Some(ip("192.0.2.1"))
        );
        // Ports, brackets and quotes.
        for (entry, want) in [
            ("192.0.2.1:5000", "192.0.2.1"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("\"[2001:db8::2]\"", "2001:db8::2"),
            ("2001:db8::3", "2001:db8::3"),
        ] {
            assert_eq!(
                forwarded_client(&headers(&[entry]), 1),
                Some(ip(want)),
                "{entry}"
            );
        }
        assert_eq!(forwarded_client(&headers(&["unknown"]), 1), None);
        assert_eq!(forwarded_client(&HeaderMap::new(), 1), None);
    }
}
