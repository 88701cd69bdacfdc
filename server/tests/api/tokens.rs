//! API tokens for integrations (issue 10): made, listed and revoked by admins only; shown
//! once and stored as SHA-256; `Authorization: Bearer` instead of a session, without a
//! CSRF token, limited to the token's scopes; creation, revocation and refused uses in
//! the audit trail.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::harness::{Response, TestApp};

/// A request with `Authorization: Bearer {bearer}` and no cookie or CSRF token.
async fn with_token(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
    bearer: &str,
) -> Response {
    let b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {bearer}"));
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(v.to_string())),
        None => b.body(Body::empty()),
    }
    .unwrap();
    app.send(req, [10, 0, 0, 9]).await
}

/// `(action, entity_id, summary)` of every audit event whose action starts `auth.token`.
async fn token_events(app: &TestApp) -> Vec<(String, String, Value)> {
    use sqlx::Row;
    sqlx::query(
        "SELECT action, entity_id, summary FROM audit_events \
         WHERE action LIKE 'auth.token%' ORDER BY seq",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| {
        let summary: String = r.get("summary");
        (
            r.get("action"),
            r.get("entity_id"),
            serde_json::from_str(&summary).unwrap(),
        )
    })
    .collect()
}

/// An admin's new token with `scopes`: `(id, bearer)`.
async fn make_token(app: &TestApp, scopes: Value) -> (String, String) {
    let admin = app.login("admin@acme.example").await;
    let r = app
        .post(
            "/api/tokens",
            json!({"name": "ERP nightly", "scopes": scopes}),
            &admin,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    (
        r.json["token"]["id"].as_str().unwrap().to_string(),
        r.json["bearer"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn tokens_are_shown_once_and_stored_as_sha256_only() {
    let app = TestApp::new().await;
    let admin = app.login("admin@acme.example").await;
    let r = app
        .post(
            "/api/tokens",
            json!({"name": "ERP nightly", "scopes": ["parts:write", "awards:read", "parts:write"]}),
            &admin,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let bearer = r.json["bearer"].as_str().unwrap().to_string();
    // `bw_` and 32 random bytes in hex.
    assert_eq!(bearer.len(), 3 + 64, "{bearer}");
    assert!(bearer.starts_with("bw_"));
    assert!(bearer[3..].chars().all(|c| c.is_ascii_hexdigit()));
    let id = r.json["token"]["id"].as_str().unwrap().to_string();
    // Scopes sorted and without duplicates.
    assert_eq!(
        r.json["token"]["scopes"],
        json!(["parts:write", "awards:read"])
    );
    assert_eq!(r.json["token"]["created_by"], admin.me["user_id"]);
    assert_eq!(r.json["token"]["revoked_at"], Value::Null);

    // At rest: the SHA-256 of the token, never the token.
    use sqlx::Row;
    let row = sqlx::query("SELECT * FROM api_tokens WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let stored: String = row.get("token_hash");
    assert_eq!(stored, hex::encode(Sha256::digest(bearer.as_bytes())));
    for c in 0..row.len() {
        if let Ok(Some(v)) = row.try_get::<Option<String>, _>(c) {
            assert!(!v.contains(&bearer[3..]), "column {c} holds the token");
        }
    }

    // Listed without it, and the audit trail does not hold it either.
    let list = app.get("/api/tokens", &admin).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.json);
    assert_eq!(list.json.as_array().unwrap().len(), 1);
    assert_eq!(list.json[0]["id"], id.as_str());
    assert_eq!(list.json[0]["name"], "ERP nightly");
    assert!(!list.json.to_string().contains(&bearer[3..]));
    let events = token_events(&app).await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "auth.token_create");
    assert_eq!(events[0].1, id);
    assert_eq!(
        events[0].2,
        json!({"name": "ERP nightly", "scopes": ["parts:write", "awards:read"]})
    );
    let audit = app.get("/api/audit", &admin).await;
    assert!(!audit.json.to_string().contains(&bearer[3..]));
}

#[tokio::test]
async fn only_admins_manage_tokens() {
    let app = TestApp::new().await;
    let (id, bearer) = make_token(&app, json!(["parts:read"])).await;
    for email in [
        "buyer@acme.example",
        "approver@acme.example",
        "sales@northwind.example",
    ] {
        let s = app.login(email).await;
        let r = app
            .post(
                "/api/tokens",
                json!({"name": "x", "scopes": ["parts:read"]}),
                &s,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}: {}", r.json);
        let r = app.get("/api/tokens", &s).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}: {}", r.json);
        let r = app
            .call(Method::DELETE, &format!("/api/tokens/{id}"), None, Some(&s))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}: {}", r.json);
    }
    // A token never manages tokens, even one an admin made.
    let r = with_token(&app, Method::GET, "/api/tokens", None, &bearer).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.json);
    assert_eq!(r.code(), "insufficient_scope");
    // Bad requests say what is wrong.
    let admin = app.login("admin@acme.example").await;
    let r = app
        .post("/api/tokens", json!({"name": " ", "scopes": []}), &admin)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"]["name"].is_string(), "{}", r.json);
    assert!(r.json["fields"]["scopes"].is_string(), "{}", r.json);
    let r = app
        .post(
            "/api/tokens",
            json!({"name": "x", "scopes": ["parts:admin"]}),
            &admin,
        )
        .await;
    assert!(r.status.is_client_error(), "{} {}", r.status, r.json);
    assert!(
        r.json["message"].as_str().unwrap().contains("parts:admin"),
        "{}",
        r.json
    );
    let r = app
        .call(Method::DELETE, "/api/tokens/nope", None, Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.json);
}

#[tokio::test]
async fn a_bearer_token_acts_within_its_scopes_without_csrf() {
    let app = TestApp::new().await;
    let (id, bearer) = make_token(&app, json!(["awards:read", "parts:write"])).await;

    // awards:read: RFQs as the buying side reads them.
    let r = with_token(&app, Method::GET, "/api/rfqs", None, &bearer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let rfq = r.json[0]["id"].as_str().unwrap().to_string();
    let r = with_token(
        &app,
        Method::GET,
        &format!("/api/rfqs/{rfq}"),
        None,
        &bearer,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert!(
        r.json["invited"].as_array().unwrap().len() == 3,
        "{}",
        r.json
    );
    // parts:write: a part is pushed without a session or CSRF token, and read back.
    let r = with_token(
        &app,
        Method::POST,
        "/api/parts",
        Some(json!({"number": "ERP-1", "name": "From the ERP"})),
        &bearer,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let part = r.json["id"].as_str().unwrap().to_string();
    let r = with_token(
        &app,
        Method::GET,
        &format!("/api/parts/{part}"),
        None,
        &bearer,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["number"], "ERP-1");
    let r = with_token(&app, Method::GET, "/api/me", None, &bearer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["email"], "admin@acme.example");

    // Outside the scopes: refused, though the admin who made it may do all of these.
    let refused = [
        (Method::GET, "/api/suppliers".to_string(), None),
        (Method::PUT, "/api/fx".to_string(), Some(json!([]))),
        (Method::GET, "/api/users".to_string(), None),
        (Method::GET, "/api/audit".to_string(), None),
        (
            Method::POST,
            format!("/api/rfqs/{rfq}/close"),
            Some(json!({"reason": "erp"})),
        ),
        (
            Method::POST,
            "/api/sync".to_string(),
            Some(json!({"ops": []})),
        ),
        (Method::GET, "/api/changes?since=0".to_string(), None),
        (Method::POST, "/api/auth/logout".to_string(), None),
    ];
    for (m, path, body) in &refused {
        let r = with_token(&app, m.clone(), path, body.clone(), &bearer).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{m} {path}: {}", r.json);
        assert_eq!(r.code(), "insufficient_scope", "{m} {path}");
    }
    // Each refusal is in the audit trail, attributed to the token.
    let denied: Vec<_> = token_events(&app)
        .await
        .into_iter()
        .filter(|(a, _, _)| a == "auth.token_denied")
        .collect();
    assert_eq!(denied.len(), refused.len(), "{denied:?}");
    for ((_, entity, summary), (m, path, _)) in denied.iter().zip(&refused) {
        assert_eq!(entity, &id);
        assert_eq!(summary["method"], m.as_str());
        assert_eq!(summary["path"], path.split('?').next().unwrap());
        assert_eq!(summary["status"], 403);
    }
    // The RFQ was not closed.
    let r = with_token(
        &app,
        Method::GET,
        &format!("/api/rfqs/{rfq}"),
        None,
        &bearer,
    )
    .await;
    assert_eq!(r.json["status"], "open");
}

#[tokio::test]
async fn a_revoked_or_unknown_token_is_refused() {
    let app = TestApp::new().await;
    let (id, bearer) = make_token(&app, json!(["parts:read"])).await;
    let r = with_token(&app, Method::GET, "/api/parts", None, &bearer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);

    let admin = app.login("admin@acme.example").await;
    let r = app
        .call(
            Method::DELETE,
            &format!("/api/tokens/{id}"),
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert!(r.json["revoked_at"].is_string(), "{}", r.json);
    // Revoking again changes nothing (and records nothing more).
    let again = app
        .call(
            Method::DELETE,
            &format!("/api/tokens/{id}"),
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json["revoked_at"], r.json["revoked_at"]);

    let r = with_token(&app, Method::GET, "/api/parts", None, &bearer).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.json);
    assert_eq!(r.code(), "unauthenticated");
    assert!(r.json["message"].as_str().unwrap().contains("revoked"));
    // An unknown token, and an Authorization header that is no bearer token.
    let r = with_token(
        &app,
        Method::GET,
        "/api/parts",
        None,
        &format!("bw_{}", "0".repeat(64)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.json);
    let req = Request::builder()
        .uri("/api/parts")
        .header(header::AUTHORIZATION, "Basic YTpi")
        .body(Body::empty())
        .unwrap();
    let r = app.send(req, [10, 0, 0, 9]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.json);
    assert_eq!(r.code(), "unauthenticated");

    let events: Vec<_> = token_events(&app)
        .await
        .into_iter()
        .map(|(a, e, s)| (a, e, s["status"].clone()))
        .collect();
    assert_eq!(
        events,
        vec![
            ("auth.token_create".to_string(), id.clone(), Value::Null),
            ("auth.token_revoke".to_string(), id.clone(), Value::Null),
            // The unknown token names nobody: not recorded.
            ("auth.token_denied".to_string(), id.clone(), json!(401)),
        ]
    );
}

/// The supplier directory's scopes reach suppliers, not the buyers' visit notes (a red-team
/// finding: `suppliers:read` read them): list, one supplier's notes and a photo are refused
/// for `suppliers:read` and `suppliers:write` tokens, while the directory itself is read.
#[tokio::test]
async fn supplier_scopes_do_not_reach_visit_notes() {
    let app = TestApp::new().await;
    let (_, bearer) = make_token(&app, json!(["suppliers:read", "suppliers:write"])).await;
    let r = with_token(&app, Method::GET, "/api/suppliers", None, &bearer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let sid = r.json[0]["id"].as_str().unwrap().to_string();
    for path in [
        "/api/visit-notes".to_string(),
        format!("/api/visit-notes?supplier_id={sid}"),
        "/api/visit-notes/no-such-note/photos/no-such-photo".to_string(),
    ] {
        let r = with_token(&app, Method::GET, &path, None, &bearer).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {}", r.json);
        assert_eq!(r.code(), "insufficient_scope", "{path}");
    }
    // The buyer who made the notes still reads them with a session.
    let buyer = app.login("buyer@acme.example").await;
    let r = app.get("/api/visit-notes", &buyer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
}
