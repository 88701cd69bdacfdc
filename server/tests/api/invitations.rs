use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::harness::{Session, TestApp};

async fn supplier_id(app: &TestApp, buyer: &Session, name: &str) -> String {
    let list = app.get("/api/suppliers", buyer).await;
    list.json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .map(|s| s["id"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("supplier {name} missing"))
}

async fn invite(app: &TestApp, buyer: &Session, supplier: &str, email: &str) -> String {
    let r = app
        .post(
            "/api/invitations",
            json!({"supplier_id": supplier, "email": email, "name": "Pat New"}),
            buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(
        r.json["path"],
        format!("/invite/{}", r.json["token"].as_str().unwrap())
    );
    r.json["token"].as_str().unwrap().to_string()
}

fn accept_body(password: &str) -> serde_json::Value {
    json!({"name": "Pat Newcomer", "password": password})
}

#[tokio::test]
async fn invited_contact_sets_a_password_and_lands_in_its_supplier() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let kestrel = supplier_id(&app, &buyer, "Kestrel Plastics").await;
    let token = invite(&app, &buyer, &kestrel, "Pat@Kestrel.example").await;

    let info = app
        .call(
            Method::GET,
            &format!("/api/invitations/{token}"),
            None,
            None,
        )
        .await;
    assert_eq!(info.status, StatusCode::OK);
    assert_eq!(info.json["supplier_name"], "Kestrel Plastics");
    assert_eq!(info.json["email"], "pat@kestrel.example");

    let accepted = app
        .call(
            Method::POST,
            &format!("/api/invitations/{token}/accept"),
            Some(accept_body("a long passphrase")),
            None,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{}", accepted.json);
    assert_eq!(accepted.json["role"], "supplier");
    assert_eq!(accepted.json["supplier_id"], kestrel.as_str());
    let s = accepted.session();
    let rfqs = app.get("/api/rfqs", &s).await;
    assert_eq!(rfqs.json.as_array().unwrap().len(), 1, "{}", rfqs.json);

    // The new login works with the chosen password; the contact shows a login.
    assert_eq!(
        app.login_from("pat@kestrel.example", "a long passphrase", [10, 0, 0, 2])
            .await
            .status,
        StatusCode::OK
    );
    let sup = app.get(&format!("/api/suppliers/{kestrel}"), &buyer).await;
    let contact = sup.json["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == "pat@kestrel.example")
        .cloned()
        .unwrap();
    assert_eq!(contact["has_login"], true);
    assert_eq!(contact["name"], "Pat Newcomer");
}

#[tokio::test]
async fn a_used_invitation_cannot_be_used_again() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sid = supplier_id(&app, &buyer, "Orion Stamping").await;
    let token = invite(&app, &buyer, &sid, "second@orion.example").await;
    let path = format!("/api/invitations/{token}/accept");
    let first = app
        .call(
            Method::POST,
            &path,
            Some(accept_body("a long passphrase")),
            None,
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = app
        .call(
            Method::POST,
            &path,
            Some(accept_body("another passphrase")),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::GONE);
    assert_eq!(again.code(), "invitation_used");
    let info = app
        .call(
            Method::GET,
            &format!("/api/invitations/{token}"),
            None,
            None,
        )
        .await;
    assert_eq!(info.code(), "invitation_used");
    // The password was not changed by the second attempt.
    assert_eq!(
        app.login_from("second@orion.example", "another passphrase", [10, 0, 0, 3])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sid = supplier_id(&app, &buyer, "Orion Stamping").await;
    let token = invite(&app, &buyer, &sid, "late@orion.example").await;
    sqlx::query("UPDATE invitations SET expires_at = 1")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let r = app
        .call(
            Method::POST,
            &format!("/api/invitations/{token}/accept"),
            Some(accept_body("a long passphrase")),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::GONE);
    assert_eq!(r.code(), "invitation_expired");
    assert!(r.json["message"]
        .as_str()
        .unwrap()
        .contains("Ask the buyer for a new one"));
    assert_eq!(
        app.login_from("late@orion.example", "a long passphrase", [10, 0, 0, 4])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_unknown_token_is_not_found() {
    let app = TestApp::new().await;
    let r = app
        .call(Method::GET, "/api/invitations/deadbeef", None, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "invitation_invalid");
    let r = app
        .call(
            Method::POST,
            "/api/invitations/deadbeef/accept",
            Some(accept_body("a long passphrase")),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn weak_password_is_a_field_error_and_keeps_the_link_usable() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sid = supplier_id(&app, &buyer, "Orion Stamping").await;
    let token = invite(&app, &buyer, &sid, "weak@orion.example").await;
    let path = format!("/api/invitations/{token}/accept");
    let r = app
        .call(Method::POST, &path, Some(accept_body("short")), None)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json["fields"]["password"]
        .as_str()
        .unwrap()
        .contains("at least 10 characters"));
    let ok = app
        .call(
            Method::POST,
            &path,
            Some(accept_body("long enough now")),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
}

#[tokio::test]
async fn only_buyers_and_admins_invite_and_never_for_blocked_suppliers() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sid = supplier_id(&app, &buyer, "Orion Stamping").await;
    for who in ["approver@acme.example", "sales@northwind.example"] {
        let s = app.login(who).await;
        let r = app
            .post(
                "/api/invitations",
                json!({"supplier_id": sid, "email": "x@orion.example", "name": "X"}),
                &s,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
    }
    sqlx::query("UPDATE suppliers SET status = 'blocked' WHERE id = $1")
        .bind(&sid)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let r = app
        .post(
            "/api/invitations",
            json!({"supplier_id": sid, "email": "x@orion.example", "name": "X"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json["fields"]["supplier_id"]
        .as_str()
        .unwrap()
        .contains("blocked"));
    let dup = app
        .post("/api/invitations", json!({"supplier_id": supplier_id(&app, &buyer, "Kestrel Plastics").await, "email": "buyer@acme.example", "name": "X"}), &buyer)
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
}
