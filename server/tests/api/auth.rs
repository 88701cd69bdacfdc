use axum::http::{header, Method, StatusCode};
use serde_json::json;
use server::auth::LockoutPolicy;
use server::Config;

use crate::harness::TestApp;

#[tokio::test]
async fn sign_in_sets_a_session_cookie_and_me_answers() {
    let app = TestApp::new().await;
    let res = app
        .login_from("Buyer@Acme.example ", "bidwell-demo", [10, 0, 0, 1])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let cookie = res.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("bidwell_session="), "{cookie}");
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} missing in {cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http must not set Secure: {cookie}"
    );
    assert_eq!(res.json["role"], "buyer");
    assert_eq!(res.json["organization_name"], "Acme Industrial");
    let s = res.session();
    let me = app.get("/api/me", &s).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["email"], "buyer@acme.example");
    assert_eq!(me.json["csrf_token"], s.csrf.as_str());
}

#[tokio::test]
async fn secure_cookie_when_configured_for_https() {
    let app = TestApp::with_config(Config {
        secure_cookies: true,
        ..Config::default()
    })
    .await;
    let res = app
        .login_from("buyer@acme.example", "bidwell-demo", [10, 0, 0, 1])
        .await;
    assert!(res.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("; Secure"));
}

#[tokio::test]
async fn wrong_password_and_unknown_account_get_the_same_answer() {
    let app = TestApp::new().await;
    let wrong = app
        .login_from("buyer@acme.example", "not-the-password", [10, 0, 0, 1])
        .await;
    let unknown = app
        .login_from("nobody@acme.example", "not-the-password", [10, 0, 0, 1])
        .await;
    for r in [&wrong, &unknown] {
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.code(), "invalid_credentials");
        assert_eq!(r.json["message"], "Email or password is wrong.");
        assert!(r.headers.get(header::SET_COOKIE).is_none());
    }
}

#[tokio::test]
async fn account_locks_after_repeated_failures_even_for_the_right_password() {
    let app = TestApp::new().await;
    for i in 0..5 {
        let r = app
            .login_from("buyer@acme.example", "guess", [10, 0, 0, i])
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let locked = app
        .login_from("buyer@acme.example", "bidwell-demo", [10, 0, 0, 9])
        .await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        locked.json
    );
    assert_eq!(locked.code(), "locked_out");
    assert!(locked.json["message"]
        .as_str()
        .unwrap()
        .contains("Try again in 15 minutes"));
    assert!(locked.headers.contains_key(header::RETRY_AFTER));
    // Other accounts are not affected.
    let other = app
        .login_from("approver@acme.example", "bidwell-demo", [10, 0, 0, 9])
        .await;
    assert_eq!(other.status, StatusCode::OK);
}

#[tokio::test]
async fn lock_lifts_when_the_window_passes() {
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            window_ms: 1,
            max_account_failures: 2,
            max_ip_failures: 100,
        },
        ..Config::default()
    })
    .await;
    for _ in 0..2 {
        app.login_from("buyer@acme.example", "guess", [10, 0, 0, 1])
            .await;
    }
    // A 1 ms window has passed by now: the failures no longer count.
    let again = app
        .login_from("buyer@acme.example", "bidwell-demo", [10, 0, 0, 1])
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.json);
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_rate_limited() {
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            window_ms: 15 * 60 * 1000,
            max_account_failures: 5,
            max_ip_failures: 6,
        },
        ..Config::default()
    })
    .await;
    for i in 0..6 {
        let r = app
            .login_from(&format!("user{i}@acme.example"), "guess", [192, 0, 2, 7])
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let blocked = app
        .login_from("buyer@acme.example", "bidwell-demo", [192, 0, 2, 7])
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(blocked.code(), "rate_limited");
    let elsewhere = app
        .login_from("buyer@acme.example", "bidwell-demo", [192, 0, 2, 8])
        .await;
    assert_eq!(elsewhere.status, StatusCode::OK);
}

#[tokio::test]
async fn logout_ends_the_session_everywhere() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let out = app
        .call(Method::POST, "/api/auth/logout", None, Some(&s))
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(out.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let me = app.get("/api/me", &s).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    assert_eq!(me.code(), "unauthenticated");
}

#[tokio::test]
async fn expired_session_is_refused() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    sqlx::query("UPDATE sessions SET expires_at = 0")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get("/api/me", &s).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn no_cookie_or_forged_cookie_is_unauthenticated() {
    let app = TestApp::new().await;
    let none = app.call(Method::GET, "/api/me", None, None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    let forged = crate::harness::Session {
        cookie: "00".repeat(32),
        csrf: String::new(),
        me: json!({}),
    };
    assert_eq!(
        app.get("/api/parts", &forged).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn sessions_are_stored_hashed() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let n: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE token_hash = $1")
            .bind(&s.cookie)
            .fetch_one(&app.db.pool)
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(n, 0, "the raw cookie token must not be stored");
    let pw: String = sqlx::Row::get(
        &sqlx::query("SELECT password_hash FROM users WHERE email = 'buyer@acme.example'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap(),
        "password_hash",
    );
    assert!(pw.starts_with("$argon2id$"), "{pw}");
}

/// Issue 10: the budgets were checked, then counted after the password was hashed, so a
/// burst passed between the two. Now checking and counting are one step: a concurrent
/// burst gets exactly the budget through, per address and per account, for sign-ins and
/// invitation accepts alike.
#[tokio::test]
async fn a_concurrent_burst_gets_exactly_the_budget_through() {
    let app = TestApp::with_config(Config {
        lockout: LockoutPolicy {
            window_ms: 15 * 60 * 1000,
            max_account_failures: 3,
            max_ip_failures: 5,
        },
        ..Config::default()
    })
    .await;
    let count = |rs: &[crate::harness::Response], status: StatusCode| {
        rs.iter().filter(|r| r.status == status).count()
    };
    // One address, many accounts.
    let app = &app;
    let burst = futures_util::future::join_all((0..30).map(|i| async move {
        app.login_from(&format!("nobody{i}@acme.example"), "guess", [192, 0, 2, 9])
            .await
    }))
    .await;
    assert_eq!(
        count(&burst, StatusCode::UNAUTHORIZED),
        5,
        "{:?}",
        burst.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    assert_eq!(count(&burst, StatusCode::TOO_MANY_REQUESTS), 25);
    assert!(burst
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .all(|r| r.code() == "rate_limited"));
    // One account, many addresses.
    let burst = futures_util::future::join_all(
        (0..20u8).map(|i| app.login_from("buyer@acme.example", "guess", [198, 51, 100, i])),
    )
    .await;
    assert_eq!(count(&burst, StatusCode::UNAUTHORIZED), 3);
    assert_eq!(count(&burst, StatusCode::TOO_MANY_REQUESTS), 17);
    assert!(burst
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .all(|r| r.code() == "locked_out"));
    // Bogus invitation accepts from one address draw on the same budget.
    let accept = |i: usize| {
        let req = axum::http::Request::builder()
            .method(Method::POST)
            .uri(format!(
                "/api/invitations/{}/accept",
                "f".repeat(60 + i % 2)
            ))
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(
                json!({"name": "Mallory", "password": "a long passphrase"}).to_string(),
            ))
            .unwrap();
        app.send(req, [203, 0, 113, 5])
    };
    let burst = futures_util::future::join_all((0..30).map(accept)).await;
    assert_eq!(
        count(&burst, StatusCode::TOO_MANY_REQUESTS),
        25,
        "{:?}",
        burst.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    // A good sign-in from a fresh address is not counted as a failure.
    for _ in 0..6 {
        let ok = app
            .login_from("sales@northwind.example", "bidwell-demo", [10, 9, 9, 9])
            .await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
    }
}
