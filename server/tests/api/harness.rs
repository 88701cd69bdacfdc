//! A fresh database and router per test, driven with `tower::ServiceExt::oneshot`.
//!
//! SQLite by default (a temporary file); PostgreSQL when `BIDWELL_TEST_DATABASE_URL` is
//! set, in a throw-away database created for the test.
//!
//! Every app runs in test mode with its own [`TestClock`] (`app.clock`): a deadline test
//! moves the server's clock past the deadline instead of waiting for it.

use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::clock::TestClock;
use server::db::{Db, PoolSettings};
use server::{app, seed, AppState, Config};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    /// The router's state (its bounded pools, e.g. `requotes`).
    pub state: AppState,
    pub db: Db,
    /// The database URL (a second "process" can connect to it).
    pub url: String,
    /// The server's clock; `advance` it to pass a deadline.
    pub clock: TestClock,
    _cleanup: Cleanup,
}

/// Removes the SQLite file (PostgreSQL test databases are dropped at the next run).
struct Cleanup(Option<std::path::PathBuf>);
impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
            }
        }
    }
}

/// The name of a new test database: it carries this process's id, so that a run only
/// ever drops the databases of runs that have ended, never those of a run going on at the
/// same time (other worktrees share the PostgreSQL server).
fn test_database_name() -> String {
    format!(
        "bidwell_t_{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Whether a test database was left by a run that has ended: its process is gone (or the
/// name is of the older form without a process id).
fn is_stale(name: &str, alive: impl Fn(u32) -> bool) -> bool {
    let Some(rest) = name.strip_prefix("bidwell_t_") else {
        return false;
    };
    match rest.split_once('_').map(|(pid, _)| pid.parse::<u32>()) {
        Some(Ok(pid)) => !alive(pid),
        _ => true,
    }
}

fn process_alive(pid: u32) -> bool {
    std::path::Path::new("/proc").join(pid.to_string()).exists()
}

/// Drops test databases left by earlier runs, once per process, before any test makes one.
fn drop_stale_pg_databases(admin_url: &str) {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let url = admin_url.to_string();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                sqlx::any::install_default_drivers();
                let pool = sqlx::AnyPool::connect(&url)
                    .await
                    .unwrap_or_else(|e| panic!("{}", unreachable_postgres(&url, &e)));
                let rows =
                    sqlx::query("SELECT datname::text AS datname FROM pg_database WHERE datname LIKE 'bidwell_t_%'")
                        .fetch_all(&pool)
                        .await
                        .expect("list databases");
                for r in rows {
                    let name: String = sqlx::Row::get(&r, "datname");
                    if !is_stale(&name, process_alive) {
                        continue;
                    }
                    let _ =
                        sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                            .execute(&pool)
                            .await;
                }
            });
        })
        .join()
        .expect("cleanup thread");
    });
}

/// The PostgreSQL admin URL the tests must run on, from `BIDWELL_TEST_DATABASE_URL`:
/// `None` (SQLite) only when the variable is unset or empty. Once it is set the tests run
/// on PostgreSQL or fail — an unreachable server is never a quiet fall back to SQLite.
fn postgres_asked_for(var: Option<&str>) -> Result<Option<&str>, String> {
    match var.map(str::trim) {
        None | Some("") => Ok(None),
        Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => Ok(Some(u)),
        Some(u) => Err(format!(
            "BIDWELL_TEST_DATABASE_URL must be a postgres:// URL (unset it to test on SQLite), got {u:?}"
        )),
    }
}

fn unreachable_postgres(url: &str, e: &sqlx::Error) -> String {
    format!(
        "BIDWELL_TEST_DATABASE_URL is set, but PostgreSQL at {} cannot be used: {e}. \
         The tests do not fall back to SQLite; unset the variable to test on SQLite.",
        server::db::redact(url)
    )
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = match base.rfind('/') {
        Some(i) if i > base.find("://").map_or(0, |s| s + 2) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::with_config(Config::default()).await
    }

    pub async fn with_config(config: Config) -> TestApp {
        Self::with_pool(config, PoolSettings::default()).await
    }

    /// A fresh app whose database pool has these settings (e.g. one connection).
    pub async fn with_pool(mut config: Config, pool: PoolSettings) -> TestApp {
        let clock = config.test_clock.get_or_insert_with(TestClock::new).clone();
        sqlx::any::install_default_drivers();
        let asked = std::env::var("BIDWELL_TEST_DATABASE_URL").ok();
        let (url, cleanup) =
            match postgres_asked_for(asked.as_deref()).unwrap_or_else(|e| panic!("{e}")) {
                Some(admin) => {
                    let admin = admin.to_string();
                    drop_stale_pg_databases(&admin);
                    let name = test_database_name();
                    let pool = sqlx::AnyPool::connect(&admin)
                        .await
                        .unwrap_or_else(|e| panic!("{}", unreachable_postgres(&admin, &e)));
                    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                        .execute(&pool)
                        .await
                        .expect("create test database");
                    pool.close().await;
                    (with_database(&admin, &name), Cleanup(None))
                }
                None => {
                    let path = std::env::temp_dir()
                        .join(format!("bidwell-test-{}.db", uuid::Uuid::new_v4()));
                    (
                        format!("sqlite://{}?mode=rwc", path.display()),
                        Cleanup(Some(path)),
                    )
                }
            };
        let db = Db::connect_with(&url, pool).await.expect("connect");
        db.migrate().await.expect("migrate");
        seed::seed_if_empty(&db).await.expect("seed");
        let state = AppState::new(db.clone(), config);
        TestApp {
            router: app(state.clone()),
            state,
            db,
            url,
            clock,
            _cleanup: cleanup,
        }
    }

    /// The same app as another server process would run it on this database: its own
    /// pool (and so, on PostgreSQL, nothing shared but the database). On SQLite, which
    /// is served by one process, it shares this app's pool and writer lock.
    pub async fn another_process(&self) -> TestApp {
        let db = match self.db.engine {
            server::db::Engine::Postgres => Db::connect(&self.url).await.expect("connect"),
            server::db::Engine::Sqlite => self.db.clone(),
        };
        // Processes on one machine read one clock.
        let state = AppState::new(
            db.clone(),
            Config {
                test_clock: Some(self.clock.clone()),
                ..Config::default()
            },
        );
        TestApp {
            router: app(state.clone()),
            state,
            db,
            url: self.url.clone(),
            clock: self.clock.clone(),
            _cleanup: Cleanup(None),
        }
    }

    /// Sends a request from `ip`; returns status, headers and the JSON body (Null if empty).
    pub async fn send(&self, req: Request<Body>, ip: [u8; 4]) -> Response {
        let mut req = req;
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from((ip, 40000))));
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Response {
            status,
            headers,
            json,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        session: Option<&Session>,
    ) -> Response {
        let mut b = Request::builder().method(method.clone()).uri(path);
        if let Some(s) = session {
            b = b.header(
                header::COOKIE,
                format!("{}={}", api::SESSION_COOKIE, s.cookie),
            );
            if method != Method::GET {
                b = b.header(api::CSRF_HEADER, &s.csrf);
            }
        }
        let req = match body {
            Some(v) => b
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(v.to_string())),
            None => b.body(Body::empty()),
        }
        .expect("request");
        self.send(req, [10, 0, 0, 1]).await
    }

    pub async fn get(&self, path: &str, s: &Session) -> Response {
        self.call(Method::GET, path, None, Some(s)).await
    }
    pub async fn post(&self, path: &str, body: Value, s: &Session) -> Response {
        self.call(Method::POST, path, Some(body), Some(s)).await
    }
    pub async fn put(&self, path: &str, body: Value, s: &Session) -> Response {
        self.call(Method::PUT, path, Some(body), Some(s)).await
    }
    pub async fn patch(&self, path: &str, body: Value, s: &Session) -> Response {
        self.call(Method::PATCH, path, Some(body), Some(s)).await
    }

    /// Moves the server's clock `ms` milliseconds forward.
    pub fn advance_clock(&self, ms: i64) {
        self.clock
            .advance(ms)
            .expect("the test clock moves forward");
    }

    /// `POST path` with `bytes` as the body of type `content_type`, as `s` (its session
    /// cookie and CSRF token): uploads, imports, a raw sync body.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        bytes: impl Into<Vec<u8>>,
        s: &Session,
    ) -> Response {
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(
                header::COOKIE,
                format!("{}={}", api::SESSION_COOKIE, s.cookie),
            )
            .header(api::CSRF_HEADER, &s.csrf)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(bytes.into()))
            .expect("request");
        self.send(req, [10, 0, 0, 1]).await
    }

    /// The first RFQ of `s`'s list (in the demo data, the open sealed RFQ every demo
    /// supplier is invited to) as `s` sees it.
    pub async fn first_rfq(&self, s: &Session) -> Value {
        let id = self.get("/api/rfqs", s).await.json[0]["id"]
            .as_str()
            .expect("an RFQ")
            .to_string();
        self.get(&format!("/api/rfqs/{id}"), s).await.json
    }

    /// Opens RFQ `rfq` for bidding as `buyer`; asserts it opened.
    pub async fn open_rfq(&self, rfq: &str, buyer: &Session) {
        let r = self
            .post(&format!("/api/rfqs/{rfq}/open"), Value::Null, buyer)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json);
        assert_eq!(r.json["status"], "open");
    }

    /// Stores 1 EUR = `rate` USD as of `as_of` in the FX table, as `s`; asserts it worked.
    pub async fn set_eur_rate(&self, rate: &str, as_of: &str, s: &Session) {
        let fx = self
            .put(
                "/api/fx",
                serde_json::json!([{"base": "USD", "currency": "EUR", "rate": rate, "as_of": as_of}]),
                s,
            )
            .await;
        assert_eq!(fx.status, StatusCode::OK, "{}", fx.json);
    }

    /// Signs in from `ip`; returns the raw response.
    pub async fn login_from(&self, email: &str, password: &str, ip: [u8; 4]) -> Response {
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/auth/login")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                serde_json::json!({"email": email, "password": password}).to_string(),
            ))
            .expect("request");
        self.send(req, ip).await
    }

    /// Signs in a demo user and returns the session.
    pub async fn login(&self, email: &str) -> Session {
        let res = self
            .login_from(email, seed::DEMO_PASSWORD, [10, 0, 0, 1])
            .await;
        assert_eq!(res.status, StatusCode::OK, "login {email}: {}", res.json);
        res.session()
    }
}

/// A quote answering every line of `rfq` (an RFQ as the API shows it) at `price` from 500
/// pieces: USD, FCA Chicago, net 60, freight included, 30 days' lead time.
pub fn quote_every_line(rfq: &Value, price: &str) -> Value {
    let lines: Vec<Value> = rfq["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| json!({"rfq_line_id": l["id"], "breaks": [{"min_qty": "500", "price": price}], "price_basis_qty": "1", "lead_time_days": 30}))
        .collect();
    json!({
        "header": {"currency": "USD", "valid_until": null, "incoterm": "FCA", "incoterm_place": "Chicago",
                   "payment_terms": {"text": "Net 60", "net_days": 60, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
                   "freight": {"kind": "included"}},
        "lines": lines
    })
}

/// One offline op for `POST /api/sync`: a new op id, made now.
pub fn sync_op(kind: &str, payload: Value) -> Value {
    json!({"op_id": uuid::Uuid::new_v4().to_string(), "kind": kind, "created_at": chrono::Utc::now().to_rfc3339(), "payload": payload})
}

/// An RFC 3339 time `h` hours from now.
pub fn in_hours(h: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(h)).to_rfc3339()
}

/// The `id` of the entry of a JSON list whose `name` is `name`.
pub fn id_named(list: &Value, name: &str) -> String {
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub struct Response {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
}

impl Response {
    /// The session carried by this response's Set-Cookie and body.
    pub fn session(&self) -> Session {
        let cookie = self
            .headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .expect("Set-Cookie");
        let value = cookie
            .split(';')
            .next()
            .and_then(|kv| kv.split_once('='))
            .map(|(_, v)| v.to_string())
            .expect("cookie value");
        Session {
            cookie: value,
            csrf: self.json["csrf_token"]
                .as_str()
                .expect("csrf_token")
                .to_string(),
            me: self.json.clone(),
        }
    }
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or("")
    }
}

#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
    pub me: Value,
}

#[test]
fn a_set_test_database_url_means_postgresql_or_a_failure() {
    assert_eq!(postgres_asked_for(None), Ok(None));
    assert_eq!(postgres_asked_for(Some("")), Ok(None));
    assert_eq!(
        postgres_asked_for(Some("postgres://u@127.0.0.1:1/x")),
        Ok(Some("postgres://u@127.0.0.1:1/x"))
    );
    assert!(postgres_asked_for(Some("sqlite://x.db")).is_err());
    assert!(postgres_asked_for(Some("127.0.0.1:5432")).is_err());
}

#[test]
fn only_databases_of_ended_runs_are_stale() {
    let mine = test_database_name();
    assert!(!is_stale(&mine, |pid| pid == std::process::id()));
    assert!(is_stale(&mine, |_| false));
    assert!(is_stale("bidwell_t_0f3a9c", |_| true), "the older form");
    assert!(!is_stale("test", |_| false));
}

#[test]
fn database_name_is_replaced_in_urls() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u@h/test?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
}
