//! The test clock (issue 13): only a server in test mode has one that can be moved, only an
//! admin may move it, only forward; every deadline, session and "today" follows it.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::{app, AppState, Config};
use tower::ServiceExt;

use crate::harness::TestApp;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

fn ms(rfc3339: &Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339.as_str().unwrap())
        .unwrap()
        .timestamp_millis()
}

#[tokio::test]
async fn a_server_not_in_test_mode_has_no_clock_route() {
    let t = TestApp::new().await;
    let admin = t.login("admin@acme.example").await;
    // The default configuration, as `bidwell serve` builds it without --test-clock, on the
    // same database (sessions live there, so the admin's cookie is valid here too).
    assert!(Config::default().test_clock.is_none());
    let production = app(AppState::new(t.db.clone(), Config::default()));
    for (method, body) in [
        (Method::POST, json!({"advance_ms": DAY}).to_string()),
        (Method::GET, String::new()),
    ] {
        let req = Request::builder()
            .method(method.clone())
            .uri("/api/test/clock")
            .header(
                header::COOKIE,
                format!("{}={}", api::SESSION_COOKIE, admin.cookie),
            )
            .header(api::CSRF_HEADER, &admin.csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        let mut req = req;
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [10, 0, 0, 1],
                40000,
            ))));
        let res = production.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{method}");
        let body: Value =
            serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
        assert_eq!(body["code"], "no_such_endpoint", "{method}: {body}");
    }
    // Nothing moved: the test-mode app's clock is where it started.
    assert_eq!(t.clock.offset_ms(), 0);
}

#[tokio::test]
async fn an_admin_moves_the_clock_and_deadlines_and_sessions_follow_it() {
    let app = TestApp::new().await;
    let admin = app.login("admin@acme.example").await;
    let supplier = app.login("sales@northwind.example").await;
    let rfqs = app.get("/api/rfqs", &supplier).await.json;
    let demo = rfqs[0]["id"].as_str().unwrap().to_string();
    // The seeded RFQ is open for 14 days.
    let before = app.get(&format!("/api/rfqs/{demo}"), &supplier).await.json;
    assert_eq!(before["status"], "open", "{before}");
    assert_eq!(
        app.get(&format!("/api/rfqs/{demo}/quote"), &supplier)
            .await
            .json["can_change"],
        true
    );

    let read = app.get("/api/test/clock", &admin).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.json);
    assert_eq!(read.json["offset_ms"], 0);
    let start = ms(&read.json["now"]);

    let moved = app
        .post("/api/test/clock", json!({"advance_ms": 15 * DAY}), &admin)
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.json);
    assert_eq!(moved.json["offset_ms"], 15 * DAY);
    let now = ms(&moved.json["now"]);
    assert!(
        now >= start + 15 * DAY && now < start + 15 * DAY + 60_000,
        "{}",
        moved.json
    );
    assert_eq!(moved.json["now_ms"], now);

    // 15 days on, every 12-hour session has expired, the admin's own included.
    assert_eq!(
        app.get(&format!("/api/rfqs/{demo}"), &supplier)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/test/clock", &admin).await.status,
        StatusCode::UNAUTHORIZED
    );
    // …and the deadline has passed by the server's clock.
    let supplier = app.login("sales@northwind.example").await;
    let after = app.get(&format!("/api/rfqs/{demo}"), &supplier).await.json;
    assert_eq!(after["status"], "closed", "{after}");
    assert_eq!(
        app.get(&format!("/api/rfqs/{demo}/quote"), &supplier)
            .await
            .json["can_change"],
        false
    );

    // Moving to a named time works the same way.
    let admin = app.login("admin@acme.example").await;
    let target = start + 20 * DAY;
    let at = chrono::DateTime::from_timestamp_millis(target)
        .unwrap()
        .to_rfc3339();
    let set = app
        .post("/api/test/clock", json!({"now": at}), &admin)
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    let now = ms(&set.json["now"]);
    assert!(now >= target && now < target + 60_000, "{}", set.json);
    // The audit trail records times by the same clock (this sign-in is the newest event).
    let admin = app.login("admin@acme.example").await;
    let events = app.get("/api/audit?limit=1", &admin).await.json;
    assert_eq!(events[0]["action"], "auth.login", "{events}");
    let last = ms(&events[0]["at"]);
    assert!(last >= start + 20 * DAY - 60_000, "{events}");
}

#[tokio::test]
async fn only_admins_move_the_clock_and_only_forward() {
    let app = TestApp::new().await;
    let advance = json!({"advance_ms": HOUR});
    for who in [
        "buyer@acme.example",
        "approver@acme.example",
        "sales@northwind.example",
    ] {
        let s = app.login(who).await;
        let r = app.post("/api/test/clock", advance.clone(), &s).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}: {}", r.json);
        assert_eq!(
            app.get("/api/test/clock", &s).await.status,
            StatusCode::FORBIDDEN,
            "{who}"
        );
    }
    let anonymous = app
        .call(Method::POST, "/api/test/clock", Some(advance), None)
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let admin = app.login("admin@acme.example").await;
    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    for (body, code) in [
        (json!({"advance_ms": -1}), "clock_backwards"),
        (json!({"now": past}), "clock_backwards"),
        (json!({"now": "tomorrow"}), "bad_time"),
        (
            json!({"advance_ms": 1, "now": "2040-01-01T00:00:00Z"}),
            "bad_clock_change",
        ),
        (json!({}), "bad_clock_change"),
        // Issue 10 (found by schemathesis): past year 9999 every time computation could
        // overflow; a later failed sign-in then answered 500.
        (json!({"advance_ms": i64::MAX}), "clock_too_far"),
        (
            json!({"advance_ms": 300_000_000_000_000_i64}),
            "clock_too_far",
        ),
        (json!({"now": "+275760-09-13T00:00:00Z"}), "bad_time"),
    ] {
        let r = app.post("/api/test/clock", body.clone(), &admin).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::BAD_REQUEST, code),
            "{body}: {}",
            r.json
        );
    }
    // A field the request does not have is named (issue 10, L3).
    let r = app
        .post("/api/test/clock", json!({"advance_days": 1}), &admin)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"]["advance_days"].is_string(), "{}", r.json);
    assert_eq!(
        app.clock.offset_ms(),
        0,
        "no refused change moved the clock"
    );
    // To the last moment allowed, then not one millisecond further; sign-in (and a
    // failed one, which adds the lockout window to its time) still answers.
    let r = app
        .post(
            "/api/test/clock",
            json!({"now": "9999-12-31T23:59:59.999Z"}),
            &admin,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["now"], "9999-12-31T23:59:59.999Z");
    // (Sessions follow the server's clock: the admin signs in again.)
    let admin = app.login("admin@acme.example").await;
    let r = app
        .post("/api/test/clock", json!({"advance_ms": 1}), &admin)
        .await;
    assert_eq!(r.code(), "clock_too_far", "{}", r.json);
    for _ in 0..3 {
        let r = app
            .login_from("admin@acme.example", "wrong", [10, 0, 0, 7])
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.json);
    }
}
