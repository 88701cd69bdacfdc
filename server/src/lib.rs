//! Bidwell's server: the system of record and the access rules.
//!
//! Guarantees:
//! - Every answer under `/api/` is JSON; errors have the shape `api::ApiError` and a
//!   client mistake is never a 500 (see [`error`]).
//! - Access is decided by `domain::access::authorize`, called by every handler; a
//!   supplier user never receives another supplier's data.
//! - Every state change appends a hash-chained audit event in the same transaction
//!   ([`audit`]); an acknowledged write is committed before the response.
//! - The same code runs on SQLite (embedded default) and PostgreSQL ([`db`]).

pub mod audit;
pub mod auth;
pub mod clock;
pub mod db;
pub mod error;
pub mod extract_cmd;
pub mod guard;
pub mod hosts;
pub mod inflight;
pub mod openapi;
pub mod outbox;
pub mod page;
pub mod routes;
pub mod seed;
pub mod serve;
pub mod store;
pub mod throttle;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::auth::LockoutPolicy;
use crate::db::Db;
use crate::error::AppError;

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark the session cookie `Secure` (serve over https).
    pub secure_cookies: bool,
    /// Take the client IP from `X-Forwarded-For` (only behind a proxy you run): the
    /// entry the outermost of `proxy_hops` proxies appended (`auth::forwarded_entry`).
    pub trust_proxy: bool,
    /// How many proxies you run in front of the server, each appending to
    /// `X-Forwarded-For` (default 1).
    pub proxy_hops: usize,
    /// Requests one client address (IPv4 address, IPv6 /64; behind `trust_proxy`, the
    /// forwarded one) may have in progress at once; more are answered 429
    /// `too_many_requests` at once ([`inflight`], issue 10 M4). `None` (the default, for
    /// tests and embedding) checks none; `bidwell serve` sets it.
    pub max_inflight_per_address: Option<usize>,
    /// The built app to serve (`dist/`), if any.
    pub dist: Option<PathBuf>,
    pub session_ttl_ms: i64,
    pub invitation_ttl_ms: i64,
    pub lockout: LockoutPolicy,
    /// Largest accepted request body.
    pub max_body_bytes: usize,
    /// Where outbound messages are written as `.eml` files (`DATA_DIR/outbox`); `None`
    /// keeps them in the database only.
    pub outbox_dir: Option<PathBuf>,
    /// Sender address of outbound messages.
    pub mail_from: String,
    /// Test mode: the server's clock is this [`clock::TestClock`], which an admin can move
    /// forward through `POST /api/test/clock`. `None` (the default, and always in
    /// production) means the system clock and no such route.
    pub test_clock: Option<clock::TestClock>,
    /// Password hashes run at once per lane of the pool (default: half the cores, at least
    /// one, so a sign-in flood leaves the other half to everyone else) and requests that
    /// may wait for one beyond those (default: four per core); more get 503 `busy`
    /// (issue 10).
    pub hash_workers: usize,
    pub hash_queue: usize,
    /// Re-quote extractions read at once (default: one per core); a re-quote beyond them
    /// is answered 503 `busy` with Retry-After at once instead of queueing a document
    /// of up to 25 MiB in memory (issue 10).
    pub requote_workers: usize,
    /// Host names requests may address ([`hosts`]); `None` checks none (the default, for
    /// tests and embedding; `bidwell serve` always sets a list unless told `*`).
    pub allowed_hosts: Option<hosts::AllowedHosts>,
    /// The server is reached over https (directly or through a TLS proxy): its web origin
    /// is `https://HOST`, and only that `Origin` is same-origin (issue 10, L9). `bidwell
    /// serve` sets it from `BIDWELL_PUBLIC_URL`'s scheme or `BIDWELL_SECURE_COOKIES`;
    /// behind a trusted proxy (`trust_proxy`) `X-Forwarded-Proto` says it per request.
    pub https: bool,
    /// Quotas on quote documents and the per-user upload rate (issue 10, M3).
    pub uploads: routes::files::UploadQuota,
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            secure_cookies: false,
            trust_proxy: false,
            proxy_hops: 1,
            max_inflight_per_address: None,
            dist: None,
            session_ttl_ms: 12 * 60 * 60 * 1000,
            invitation_ttl_ms: 7 * 24 * 60 * 60 * 1000,
            lockout: LockoutPolicy::default(),
            max_body_bytes: 2 * 1024 * 1024,
            outbox_dir: None,
            mail_from: "Bidwell <no-reply@bidwell.invalid>".to_string(),
            test_clock: None,
            hash_workers: (cores / 2).max(1),
            hash_queue: 4 * cores,
            requote_workers: cores,
            allowed_hosts: None,
            https: false,
            uploads: routes::files::UploadQuota::default(),
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// The bounded password-hashing pool (one per server process).
    pub hashing: auth::Hashing,
    /// Recent uploads per user, for the upload rate (one per server process).
    pub uploads: routes::files::UploadLog,
    /// Turns at reading a re-quote's document (`Config::requote_workers`).
    pub requotes: Arc<tokio::sync::Semaphore>,
    /// Failed sign-ins, counted in memory (one per server process; [`throttle`]).
    pub throttle: Arc<throttle::Throttle>,
    /// The device-cookie key, read once from `server_secrets` ([`auth::device_cookie`]).
    pub device_key: Arc<tokio::sync::OnceCell<Vec<u8>>>,
    /// Requests in progress per client address ([`inflight`]).
    pub inflight: inflight::InFlight,
}

impl AppState {
    /// A server's state, with the hashing pool `config` asks for.
    pub fn new(db: Db, config: Config) -> AppState {
        AppState {
            hashing: auth::Hashing::new(config.hash_workers, config.hash_queue),
            uploads: routes::files::UploadLog::default(),
            requotes: Arc::new(tokio::sync::Semaphore::new(config.requote_workers.max(1))),
            throttle: Arc::new(throttle::Throttle::new(config.lockout.clone())),
            device_key: Arc::new(tokio::sync::OnceCell::new()),
            inflight: inflight::InFlight::default(),
            db,
            config: Arc::new(config),
        }
    }
}

async fn health(State(st): State<AppState>) -> Result<axum::Json<api::Health>, AppError> {
    sqlx::query("SELECT 1").execute(&st.db.pool).await?;
    Ok(axum::Json(api::Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        database: st.db.engine.name().into(),
    }))
}

async fn api_not_found(req: Request) -> AppError {
    AppError::Coded {
        status: StatusCode::NOT_FOUND,
        code: "no_such_endpoint",
        message: format!(
            "There is no API endpoint {} {}.",
            req.method(),
            req.uri().path()
        ),
    }
}

async fn method_not_allowed(req: Request) -> AppError {
    AppError::Coded {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: format!("{} is not allowed on {}.", req.method(), req.uri().path()),
    }
}

/// Refuses state-changing requests whose `Origin` is another site: a second line of
/// CSRF defence that also covers the endpoints used before a session exists. `Origin:
/// null` (a sandboxed frame, a `data:` page, a privacy redirect) names no site at all,
/// so it is refused too (issue 10), and so is an origin of the right host but the other
/// scheme (`https://HOST` on a server reached over http, or the reverse: a different
/// origin to the browser, L9): the app always sends its own origin.
async fn same_origin(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if auth::is_unsafe(req.method()) {
        if let Some(origin) = req
            .headers()
            .get(header::ORIGIN)
            .and_then(|o| o.to_str().ok())
        {
            let host = req
                .headers()
                .get(header::HOST)
                .and_then(|h| h.to_str().ok());
            if !origin_is_host(origin, host, server_scheme(&st.config, &req)) {
                return AppError::Csrf.into_response();
            }
        }
    }
    next.run(req).await
}

/// The scheme this server is reached by: `https` when configured so, or (behind a
/// trusted proxy) when `X-Forwarded-Proto` says so; `http` otherwise.
fn server_scheme(config: &Config, req: &Request) -> &'static str {
    // The entry the outermost trusted proxy wrote, as for X-Forwarded-For (issue 10, M2').
    let forwarded_https = config.trust_proxy
        && auth::forwarded_entry(req.headers(), "x-forwarded-proto", config.proxy_hops)
            .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    if config.https || forwarded_https {
        "https"
    } else {
        "http"
    }
}

/// Whether `origin` is the web origin `scheme://HOST` of the request's `Host`, as a
/// browser serializes it (lowercase scheme, no path). `null`, the other scheme, other
/// schemes (`evil://HOST`), upper case and trailing paths are not.
fn origin_is_host(origin: &str, host: Option<&str>, scheme: &str) -> bool {
    let Some(host) = host else { return false };
    let rest = origin
        .strip_prefix(scheme)
        .and_then(|r| r.strip_prefix("://"));
    rest.is_some_and(|h| !h.is_empty() && h.eq_ignore_ascii_case(host) && !h.contains('/'))
}

/// Test mode: every request runs with the app's test clock as the server's clock.
async fn with_test_clock(
    State(clock): State<clock::TestClock>,
    req: Request,
    next: Next,
) -> Response {
    clock.scope(next.run(req)).await
}

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let mut api = Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi::serve))
        .route(
            "/api/auth/login",
            post(auth::login).layer(DefaultBodyLimit::max(auth::AUTH_MAX_BODY)),
        )
        .route("/api/auth/logout", post(auth::logout))
        .route("/api/me", get(auth::me))
        .merge(routes::parts::router())
        .merge(routes::suppliers::router())
        .merge(routes::rfqs::router())
        .merge(routes::quotes::router())
        .merge(routes::compare::router())
        .merge(routes::clarifications::router())
        .merge(routes::sync::router())
        .merge(routes::files::router())
        .merge(routes::invitations::router())
        .merge(routes::mapping::router())
        .merge(routes::admin::router())
        .merge(routes::tokens::router());
    // Only a server started in test mode has a settable clock; elsewhere the path is an
    // unknown endpoint like any other.
    if state.config.test_clock.is_some() {
        api = api.merge(routes::test_clock::router());
    }
    let api = api
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        // Refused requests of known API tokens go to the audit trail.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::tokens::audit_denied,
        ));

    let router = match &state.config.dist {
        Some(dist) => {
            let index = dist.join("index.html");
            // Client routes (/rfqs/…) get index.html with status 200. The build writes a
            // brotli and a gzip copy beside each compressible file (`app/precompress.mjs`,
            // a Trunk post-build hook); they are sent to a browser that accepts them, with
            // `Content-Encoding`. HTML is never precompressed: `guard::security_headers`
            // hashes the page's inline scripts from its body. Cache-Control and `Vary` are
            // set there too.
            api.fallback_service(
                ServeDir::new(dist)
                    .precompressed_br()
                    .precompressed_gzip()
                    .fallback(ServeFile::new(index)),
            )
        }
        None => api.fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The app is not built: run `cargo xtask serve`, or pass --dist DIR.",
            )
        }),
    };
    let router = match &state.config.test_clock {
        Some(clock) => router.layer(middleware::from_fn_with_state(
            clock.clone(),
            with_test_clock,
        )),
        None => router,
    };
    layered(router, state)
}

/// The layers every answer passes through, around `router` (its routes and fallback):
/// requests in progress per client address, host allowlist, same-origin check, body byte budgets, body limit, panic → JSON 500, non-JSON API errors → JSON, the
/// contract version header, security headers, tracing. Public so tests can put a route
/// of their own behind exactly these layers.
pub fn layered(router: Router<AppState>, state: AppState) -> Router {
    router
        // A body cut off for passing a byte budget of `serve::run` is answered 429/503
        // here, whatever the handler made of it (issue 10, outside probe H3).
        .layer(middleware::from_fn(serve::over_budget))
        .layer(middleware::from_fn_with_state(state.clone(), same_origin))
        .layer(middleware::from_fn_with_state(state.clone(), hosts::check))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            inflight::limit,
        ))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        // Innermost of the answer-shaping layers: a panic becomes a JSON 500 that the
        // layers outside still see (issue 10).
        .layer(CatchPanicLayer::custom(guard::panic_response))
        .layer(middleware::from_fn(guard::json_errors))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(api::API_VERSION_HEADER),
            HeaderValue::from_static(api::API_VERSION),
        ))
        .layer(middleware::from_fn(guard::security_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

#[cfg(test)]
mod origin_tests {
    use super::origin_is_host;

    #[test]
    fn only_the_servers_own_web_origin_passes() {
        let host = Some("127.0.0.1:8080");
        assert!(origin_is_host("http://127.0.0.1:8080", host, "http"));
        assert!(origin_is_host("https://127.0.0.1:8080", host, "https"));
        for other in [
            "null",
            "evil://127.0.0.1:8080",
            "HTTP://127.0.0.1:8080",
            "http://127.0.0.1:8080/x",
            "http://127.0.0.1:8081",
            "http://evil.example",
            "http://",
            "127.0.0.1:8080",
            "https://127.0.0.1:8080",
            "httpss://127.0.0.1:8080",
        ] {
            assert!(!origin_is_host(other, host, "http"), "{other}");
        }
        assert!(!origin_is_host("http://127.0.0.1:8080", host, "https"));
        assert!(!origin_is_host("http://127.0.0.1:8080", None, "http"));
    }
}
