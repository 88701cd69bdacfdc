//! Sign-in throttling against the outside attacker's follow-up findings (issue 10, M2',
//! M3', M4): whose address counts behind a proxy, IPv6 networks, refusals that touch
//! neither the database nor the hashing pool, device cookies, and requests in progress
//! per address.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::auth::LockoutPolicy;
use server::{AppState, Config};
use tower::ServiceExt;

use crate::harness::{Response, TestApp};

/// The `bidwell_device` cookie a sign-in answered with.
pub fn device_cookie(res: &Response) -> String {
    res.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("bidwell_device="))
        .and_then(|c| c.split(';').next())
        .unwrap_or_else(|| panic!("no device cookie in {:?}", res.headers))
        .to_string()
}

/// A sign-in from `ip`, with a device cookie if given.
pub async fn login_with(
    app: &TestApp,
    email: &str,
    password: &str,
    ip: [u8; 4],
    device: Option<&str>,
) -> Response {
    let mut b = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(d) = device {
        b = b.header(header::COOKIE, format!("bidwell_device={d}"));
    }
    let req = b
        .body(Body::from(
            json!({"email": email, "password": password}).to_string(),
        ))
        .unwrap();
    app.send(req, ip).await
}

/// Sends `req` to `router` from the socket peer `peer`.
async fn send_from(router: &Router, mut req: Request<Body>, peer: IpAddr) -> Response {
    req.extensions_mut()
        .insert(ConnectInfo(SocketAddr::new(peer, 40000)));
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Response {
        status,
        headers,
        json,
    }
}

fn login_request(email: &str, password: &str, forwarded: Option<&str>) -> Request<Body> {
    let mut b = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(f) = forwarded {
        b = b.header("x-forwarded-for", f);
    }
    b.body(Body::from(
        json!({"email": email, "password": password}).to_string(),
    ))
    .unwrap()
}

/// Issue 10, M2': behind `--trust-proxy` the server took the FIRST X-Forwarded-For
/// entry, which the client writes, so every guess could claim a fresh address and a
/// fresh budget. Now it takes the entry the trusted proxy appended (the last one, or the
/// `proxy_hops`-th from the right); whatever the client puts before it changes nothing.
/// IPv6 addresses count by their /64.
#[tokio::test]
async fn the_proxys_entry_counts_not_the_clients() {
    for hops in [1usize, 2] {
        let app = TestApp::with_config(Config {
            trust_proxy: true,
            proxy_hops: hops,
            lockout: LockoutPolicy {
                max_ip_failures: 3,
                ..LockoutPolicy::default()
            },
            ..Config::default()
        })
        .await;
        let proxy: IpAddr = [10, 0, 0, 100].into();
        // What the proxies append: the client's address (and, with two hops, the outer
        // proxy's as seen by the inner one).
        let chain = |client: &str| match hops {
            1 => client.to_string(),
            _ => format!("{client}, 10.0.0.99"),
        };
        for i in 0..3 {
            let spoofed = format!("203.0.113.{i}, {}", chain("192.0.2.50"));
            let r = send_from(
                &app.router,
                login_request(&format!("u{i}@acme.example"), "guess", Some(&spoofed)),
                proxy,
            )
            .await;
            assert_eq!(
                r.status,
                StatusCode::UNAUTHORIZED,
                "hops {hops}: {}",
                r.json
            );
        }
        for spoofed in ["198.51.100.1", "1.1.1.1, 2.2.2.2, 3.3.3.3", "garbage"] {
            let f = format!("{spoofed}, {}", chain("192.0.2.50"));
            let r = send_from(
                &app.router,
                login_request("buyer@acme.example", "bidwell-demo", Some(&f)),
                proxy,
            )
            .await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
                "hops {hops}, X-Forwarded-For {f}"
            );
        }
        // Another client behind the same proxy is its own address.
        let r = send_from(
            &app.router,
            login_request(
                "buyer@acme.example",
                "bidwell-demo",
                Some(&chain("192.0.2.51")),
            ),
            proxy,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "hops {hops}: {}", r.json);
        // IPv6 clients count by their /64, whatever the interface id (and a port the
        // proxy may add is no new address).
        for i in 1..=3 {
            let f = chain(&format!("[2001:db8:1:1::{i:x}]:4431"));
            let r = send_from(
                &app.router,
                login_request("nobody@acme.example", "guess", Some(&f)),
                proxy,
            )
            .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{f}: {}", r.json);
        }
        let r = send_from(
            &app.router,
            login_request(
                "buyer@acme.example",
                "bidwell-demo",
                Some(&chain("2001:db8:1:1:ffff:ffff:ffff:ffff")),
            ),
            proxy,
        )
        .await;
        assert_eq!(r.code(), "rate_limited", "hops {hops}");
    }
    // Without --trust-proxy the header is ignored: the socket peer counts, and IPv6
    // peers by their /64 too.
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            max_ip_failures: 2,
            ..LockoutPolicy::default()
        },
        ..Config::default()
    })
    .await;
    for i in 1..=2u16 {
        let peer = IpAddr::from([0x2001, 0xdb8, 7, 7, 0, 0, 0, i]);
        let f = format!("203.0.113.{i}");
        let r = send_from(
            &app.router,
            login_request("nobody@acme.example", "guess", Some(&f)),
            peer,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let peer = IpAddr::from([0x2001, 0xdb8, 7, 7, 0xabcd, 0, 0, 9]);
    let r = send_from(
        &app.router,
        login_request("buyer@acme.example", "bidwell-demo", None),
        peer,
    )
    .await;
    assert_eq!(r.code(), "rate_limited");
}

/// Issue 10, M3': each failed sign-in was a write transaction, checked under SQLite's
/// writer lock even when refused, so a bad-login flood starved every other writer. Now
/// failures are counted in memory: a failed sign-in writes nothing, and once a budget is
/// spent an attempt is refused without any database access or password hash — here with
/// the database gone altogether.
#[tokio::test]
async fn failures_write_nothing_and_refusals_need_no_database() {
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            max_ip_failures: 2,
            ..LockoutPolicy::default()
        },
        ..Config::default()
    })
    .await;
    let count = |sql: &'static str| {
        let pool = app.db.pool.clone();
        async move {
            let row = sqlx::query(sql).fetch_one(&pool).await.unwrap();
            sqlx::Row::get::<i64, _>(&row, "n")
        }
    };
    let rows_before = count("SELECT COUNT(*) AS n FROM login_attempts").await;
    let events_before = count("SELECT COUNT(*) AS n FROM audit_events").await;
    let attacker = [192, 0, 2, 66];
    for email in ["buyer@acme.example", "nobody@acme.example"] {
        let r = app.login_from(email, "guess", attacker).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        count("SELECT COUNT(*) AS n FROM login_attempts").await,
        rows_before
    );
    assert_eq!(
        count("SELECT COUNT(*) AS n FROM audit_events").await,
        events_before
    );
    // A good sign-in is stored (its address becomes known to the account).
    let ok = app
        .login_from("buyer@acme.example", "bidwell-demo", [10, 0, 0, 2])
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(
        count("SELECT COUNT(*) AS n FROM login_attempts WHERE success = 1").await,
        rows_before + 1
    );
    app.db.pool.close().await;
    for _ in 0..50 {
        let r = app
            .login_from("buyer@acme.example", "bidwell-demo", attacker)
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            "{}",
            r.json
        );
    }
}

/// Issue 10, M3' (OWASP "device cookies"): a browser that signed in to an account
/// carries a signed cookie for it, and its sign-ins on that account skip the address's
/// and the account's budgets, so an attacker sharing the owner's address, or flooding
/// the account, cannot keep the owner out. The device has a small budget of its own; a
/// cookie of another account, forged or tampered with is no device at all.
#[tokio::test]
async fn the_owners_browser_signs_in_where_strangers_are_refused() {
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            max_ip_failures: 3,
            device_max_failures: 2,
            ..LockoutPolicy::default()
        },
        ..Config::default()
    })
    .await;
    let first = app
        .login_from("buyer@acme.example", "bidwell-demo", [10, 0, 0, 1])
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let set = first
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("bidwell_device="))
        .unwrap();
    for attr in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/auth/",
        "Max-Age=7776000",
    ] {
        assert!(set.contains(attr), "{attr} missing in {set}");
    }
    let device = device_cookie(&first);
    let other = device_cookie(
        &app.login_from("approver@acme.example", "bidwell-demo", [10, 0, 0, 1])
            .await,
    );
    // Someone on the owner's shared address spends its budget.
    let shared = [192, 0, 2, 10];
    for i in 0..3 {
        let r = app
            .login_from(&format!("x{i}@acme.example"), "guess", shared)
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let stranger = app
        .login_from("buyer@acme.example", "bidwell-demo", shared)
        .await;
    assert_eq!(stranger.code(), "rate_limited");
    let flipped = if device.ends_with('0') { '1' } else { '0' };
    let tampered = format!("{}{flipped}", &device[..device.len() - 1]);
    for not_a_device in [other.as_str(), tampered.as_str(), "v1.0.x.y.z"] {
        let r = login_with(
            &app,
            "buyer@acme.example",
            "bidwell-demo",
            shared,
            Some(not_a_device),
        )
        .await;
        assert_eq!(r.code(), "rate_limited", "{not_a_device}");
    }
    // The owner's browser is let through, and gets its cookie renewed.
    let owner = login_with(
        &app,
        "buyer@acme.example",
        "bidwell-demo",
        shared,
        Some(&device),
    )
    .await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.json);
    assert!(device_cookie(&owner).starts_with("v1."));
    // The device's own budget: two wrong passwords, then it is an unknown browser.
    for _ in 0..2 {
        let r = login_with(&app, "buyer@acme.example", "guess", shared, Some(&device)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = login_with(
        &app,
        "buyer@acme.example",
        "bidwell-demo",
        shared,
        Some(&device),
    )
    .await;
    assert_eq!(r.code(), "rate_limited");
}

/// Issue 10, M4: four addresses could fill the server's connection cap. Besides a far
/// smaller share of connections per address (`serve.rs`), each client address may have
/// only so many requests in progress; more are answered 429 at once, others are served.
#[tokio::test]
async fn one_address_cannot_hold_every_request_in_progress() {
    let app = TestApp::with_config(Config {
        max_inflight_per_address: Some(2),
        ..Config::default()
    })
    .await;
    let gate = Arc::new(tokio::sync::Semaphore::new(0));
    let held = gate.clone();
    let router = server::layered(
        Router::<AppState>::new()
            .route(
                "/api/wait",
                get(move || {
                    let held = held.clone();
                    async move {
                        let _ = held.acquire().await.unwrap();
                        "done"
                    }
                }),
            )
            .route("/api/quick", get(|| async { "quick" })),
        app.state.clone(),
    );
    let req = |path: &str| Request::get(path).body(Body::empty()).unwrap();
    let a: IpAddr = [192, 0, 2, 1].into();
    let waiting: Vec<_> = (0..2)
        .map(|_| {
            let router = router.clone();
            tokio::spawn(async move { send_from(&router, req("/api/wait"), a).await })
        })
        .collect();
    while app.state.inflight.of(a) < 2 {
        tokio::task::yield_now().await;
    }
    let refused = send_from(&router, req("/api/quick"), a).await;
    assert_eq!(
        (refused.status, refused.code()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
        "{}",
        refused.json
    );
    assert_eq!(refused.headers[header::RETRY_AFTER], "1");
    let other = send_from(&router, req("/api/quick"), [192, 0, 2, 2].into()).await;
    assert_eq!(other.status, StatusCode::OK);
    gate.add_permits(2);
    for w in waiting {
        assert_eq!(w.await.unwrap().status, StatusCode::OK);
    }
    assert_eq!(app.state.inflight.of(a), 0);
    assert_eq!(
        send_from(&router, req("/api/quick"), a).await.status,
        StatusCode::OK
    );
}
