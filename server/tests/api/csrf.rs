use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;

use crate::harness::TestApp;

fn new_part() -> serde_json::Value {
    json!({"number": "CSRF-1", "name": "Test part"})
}

#[tokio::test]
async fn state_change_without_the_token_is_refused() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/parts")
        .header(header::COOKIE, format!("bidwell_session={}", s.cookie))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(new_part().to_string()))
        .unwrap();
    let r = app.send(req, [10, 0, 0, 1]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "csrf");

    let mut wrong = s.clone();
    wrong.csrf = "f".repeat(64);
    let r = app.post("/api/parts", new_part(), &wrong).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "csrf");

    // Nothing was created by the refused requests; the right token works.
    let ok = app.post("/api/parts", new_part(), &s).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.json);
}

#[tokio::test]
async fn another_sessions_token_does_not_work() {
    let app = TestApp::new().await;
    let a = app.login("buyer@acme.example").await;
    let b = app.login("admin@acme.example").await;
    let mut mixed = a.clone();
    mixed.csrf = b.csrf.clone();
    assert_eq!(
        app.post("/api/parts", new_part(), &mixed).await.code(),
        "csrf"
    );
}

#[tokio::test]
async fn logout_needs_the_token_too() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/logout")
        .header(header::COOKIE, format!("bidwell_session={}", s.cookie))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(req, [10, 0, 0, 1]).await.code(), "csrf");
    assert_eq!(app.get("/api/me", &s).await.status, StatusCode::OK);
}

/// A sign-in sent with `origin` to a server at `bidwell.example`.
fn login_with_origin(origin: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/api/auth/login")
        .header(header::HOST, "bidwell.example")
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"email": "buyer@acme.example", "password": "bidwell-demo"}).to_string(),
        ))
        .unwrap()
}

#[tokio::test]
async fn cross_site_origin_is_refused_even_for_login() {
    let app = TestApp::new().await;
    let r = app
        .send(login_with_origin("http://evil.example"), [10, 0, 0, 1])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "csrf");
    let same = app
        .send(login_with_origin("http://bidwell.example"), [10, 0, 0, 1])
        .await;
    assert_eq!(same.status, StatusCode::OK, "{}", same.json);
}

/// Issue 10, L9: `https://HOST` and `http://HOST` are two origins to a browser. A server
/// reached over http took an https Origin as its own (and the reverse); now only the
/// origin of the server's own scheme is same-origin, for every state-changing request.
#[tokio::test]
async fn an_origin_of_the_other_scheme_is_cross_origin() {
    let http = TestApp::new().await;
    let https = TestApp::with_config(server::Config {
        https: true,
        ..server::Config::default()
    })
    .await;
    for (app, own, other) in [
        (&http, "http://bidwell.example", "https://bidwell.example"),
        (&https, "https://bidwell.example", "http://bidwell.example"),
    ] {
        let r = app.send(login_with_origin(other), [10, 0, 0, 1]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{other}: {}", r.json);
        assert_eq!(r.code(), "csrf");
        let r = app.send(login_with_origin(own), [10, 0, 0, 1]).await;
        assert_eq!(r.status, StatusCode::OK, "{own}: {}", r.json);
        // A signed-in request with the token is refused from the other scheme too.
        let s = r.session();
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/parts")
            .header(header::HOST, "bidwell.example")
            .header(header::ORIGIN, other)
            .header(header::COOKIE, format!("bidwell_session={}", s.cookie))
            .header(api::CSRF_HEADER, &s.csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(new_part().to_string()))
            .unwrap();
        assert_eq!(app.send(req, [10, 0, 0, 1]).await.code(), "csrf", "{other}");
    }
    // Behind a trusted TLS proxy, X-Forwarded-Proto says which scheme the browser used.
    let proxied = TestApp::with_config(server::Config {
        trust_proxy: true,
        ..server::Config::default()
    })
    .await;
    let mut req = login_with_origin("https://bidwell.example");
    req.headers_mut()
        .insert("x-forwarded-proto", "https".parse().unwrap());
    let r = proxied.send(req, [10, 0, 0, 1]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
}

#[tokio::test]
async fn a_form_post_cannot_sign_in() {
    // HTML forms cannot send application/json cross-site without a preflight.
    let app = TestApp::new().await;
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "email=buyer%40acme.example&password=bidwell-demo",
        ))
        .unwrap();
    let r = app.send(req, [10, 0, 0, 1]).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}
