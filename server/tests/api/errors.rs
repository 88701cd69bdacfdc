//! Bad input of every kind is a clear 4xx in the project's error shape, never a 500.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;
use server::{app, AppState, Config};

use crate::harness::TestApp;

async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Body,
    s: &crate::harness::Session,
) -> crate::harness::Response {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, format!("bidwell_session={}", s.cookie))
        .header(api::CSRF_HEADER, &s.csrf);
    if let Some(ct) = content_type {
        b = b.header(header::CONTENT_TYPE, ct);
    }
    app.send(b.body(body).unwrap(), [10, 0, 0, 1]).await
}

#[tokio::test]
async fn malformed_bodies_say_what_is_wrong() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let json_ct = Some("application/json");
    let cases: Vec<(Body, Option<&str>, StatusCode, &str, &str)> = vec![
        (
            Body::from("{\"number\": "),
            json_ct,
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "not valid JSON",
        ),
        (
            Body::from("[1,2]"),
            json_ct,
            StatusCode::BAD_REQUEST,
            "invalid_body",
            "does not fit",
        ),
        (
            // A field the type does not have: a 422 on that field (issue 10, L3).
            Body::from(json!({"number": "X", "name": "Y", "colour": "red"}).to_string()),
            json_ct,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "1 field needs attention",
        ),
        (
            Body::from(json!({"number": 5, "name": "Y"}).to_string()),
            json_ct,
            StatusCode::BAD_REQUEST,
            "invalid_body",
            "number",
        ),
        (
            Body::from(json!({"number": "X", "name": "Y"}).to_string()),
            None,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Content-Type: application/json",
        ),
        (
            Body::from(vec![b' '; 3 * 1024 * 1024]),
            json_ct,
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "too large",
        ),
    ];
    for (body, ct, status, code, text) in cases {
        let r = raw(&app, Method::POST, "/api/parts", ct, body, &s).await;
        assert_eq!((r.status, r.code()), (status, code), "{}", r.json);
        assert!(
            r.json["message"].as_str().unwrap().contains(text),
            "{} lacks {text:?}",
            r.json
        );
    }
}

#[tokio::test]
async fn validation_errors_name_the_fields() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let r = app
        .post(
            "/api/parts",
            json!({"number": "has space", "name": "", "uom": "pieces"}),
            &s,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "validation");
    assert_eq!(r.json["message"], "3 fields need attention.");
    for f in ["number", "name", "uom"] {
        assert!(r.json["fields"][f].is_string(), "{f} missing: {}", r.json);
    }
    let sup = app
        .post(
            "/api/suppliers",
            json!({"name": "Z", "country": "Germany", "currency": "EURO"}),
            &s,
        )
        .await;
    assert_eq!(sup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(sup.json["fields"]["currency"]
        .as_str()
        .unwrap()
        .contains("ISO 4217"));
    assert!(sup.json["fields"]["country"]
        .as_str()
        .unwrap()
        .contains("ISO 3166"));
}

#[tokio::test]
async fn duplicates_are_conflicts_with_the_field() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let r = app
        .post(
            "/api/parts",
            json!({"number": "brk-2208", "name": "Again"}),
            &s,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json["fields"]["number"]
        .as_str()
        .unwrap()
        .contains("already exists"));
}

#[tokio::test]
async fn bad_paths_queries_and_methods() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let r = app.get("/api/parts/not-a-real-id", &s).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    let r = app.get("/api/audit?limit=lots", &s).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "bad_query"));
    let r = app.get("/api/audit?limit=0", &s).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app.get("/api/parts?q=x&sort=bogus", &s).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "bad_query"));
    let r = app.get("/api/nothing/here", &s).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::NOT_FOUND, "no_such_endpoint")
    );
    let r = app
        .call(Method::DELETE, "/api/health", None, Some(&s))
        .await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    // Odd but harmless ids are just not found.
    let r = app
        .get("/api/rfqs/%27%3B%20DROP%20TABLE%20rfqs%3B--", &s)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/rfqs", &s).await.status, StatusCode::OK);
}

#[tokio::test]
async fn health_names_the_database() {
    let app = TestApp::new().await;
    let r = app.call(Method::GET, "/api/health", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["status"], "ok");
    assert_eq!(r.json["database"], app.db.engine.name());
}

#[tokio::test]
async fn client_routes_get_the_app_and_api_routes_never_do() {
    let dir = std::env::temp_dir().join(format!("bidwell-dist-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Bidwell</title>",
    )
    .unwrap();
    let t = TestApp::new().await;
    let router = app(AppState::new(
        t.db.clone(),
        Config {
            dist: Some(dir.clone()),
            ..Config::default()
        },
    ));
    let call = |path: &'static str| {
        let router = router.clone();
        async move {
            use http_body_util::BodyExt;
            use tower::ServiceExt;
            let res = router
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&body).to_string())
        }
    };
    let (status, body) = call("/rfqs/123").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>Bidwell</title>"));
    let (status, body) = call("/api/rfqz").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("no_such_endpoint"), "{body}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn every_answer_names_the_contract_version_so_a_stale_page_can_tell() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    assert_eq!(api::API_VERSION.len(), 16);
    for (path, status) in [
        ("/api/rfqs", StatusCode::OK),
        ("/api/no-such-thing", StatusCode::NOT_FOUND),
    ] {
        let r = app.get(path, &buyer).await;
        assert_eq!(r.status, status);
        assert_eq!(
            r.headers
                .get(api::API_VERSION_HEADER)
                .and_then(|v| v.to_str().ok()),
            Some(api::API_VERSION),
            "{path}"
        );
    }
}
