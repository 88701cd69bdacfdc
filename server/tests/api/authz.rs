//! The authorization matrix: role × endpoint × own/foreign object → status.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{Session, TestApp};

struct World {
    app: TestApp,
    buyer: Session,
    approver: Session,
    admin: Session,
    northwind: Session,
    nw: String,
    ke: String,
    open_all: String,
    kestrel_only: String,
    draft_nw: String,
    part: String,
}

async fn insert_rfq(app: &TestApp, number: &str, status: &str, invite: &[&str]) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let buyer: String = sqlx::Row::get(
        &sqlx::query("SELECT id FROM users WHERE email = 'buyer@acme.example'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap(),
        "id",
    );
    sqlx::query(
        "INSERT INTO rfqs (id, number, title, status, deadline, time_zone, sealed, currency, incoterm, payment_terms, created_by, created_at, updated_at) \
         VALUES ($1, $2, 'Other', $3, 4102444800000, 'UTC', 0, 'EUR', 'EXW', 'Net 30', $4, 0, 0)",
    )
    .bind(&id)
    .bind(number)
    .bind(status)
    .bind(&buyer)
    .execute(&app.db.pool)
    .await
    .unwrap();
    for s in invite {
        sqlx::query(
            "INSERT INTO rfq_suppliers (rfq_id, supplier_id, invited_at) VALUES ($1, $2, 0)",
        )
        .bind(&id)
        .bind(*s)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    id
}

async fn world() -> World {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let suppliers = app.get("/api/suppliers", &buyer).await.json;
    let id_of = |name: &str| crate::harness::id_named(&suppliers, name);
    let (nw, ke) = (id_of("Northwind Metal Works"), id_of("Kestrel Plastics"));
    let open_all = app.get("/api/rfqs", &buyer).await.json[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let kestrel_only = insert_rfq(&app, "RFQ-T-2", "open", &[&ke]).await;
    let draft_nw = insert_rfq(&app, "RFQ-T-3", "draft", &[&nw]).await;
    let part = app.get("/api/parts", &buyer).await.json[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    World {
        approver: app.login("approver@acme.example").await,
        admin: app.login("admin@acme.example").await,
        northwind: app.login("sales@northwind.example").await,
        app,
        buyer,
        nw,
        ke,
        open_all,
        kestrel_only,
        draft_nw,
        part,
    }
}

/// (who, session, method, path, body, expected status)
type Case<'a> = (
    &'a str,
    &'a Session,
    Method,
    String,
    Option<Value>,
    StatusCode,
);

#[tokio::test]
async fn matrix() {
    let w = world().await;
    let ok = StatusCode::OK;
    let created = StatusCode::CREATED;
    let forbidden = StatusCode::FORBIDDEN;
    let not_found = StatusCode::NOT_FOUND;
    let part_body = |n: &str| json!({"number": n, "name": "Matrix part"});
    let supplier_body = |n: &str| json!({"name": n, "country": "DE", "currency": "EUR"});
    let invite_body = |e: &str| json!({"supplier_id": w.ke, "email": e, "name": "M"});
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        // parts
        ("buyer", &w.buyer, Method::GET, "/api/parts".into(), None, ok),
        ("approver", &w.approver, Method::GET, "/api/parts".into(), None, ok),
        ("admin", &w.admin, Method::GET, "/api/parts".into(), None, ok),
        ("supplier", &w.northwind, Method::GET, "/api/parts".into(), None, forbidden),
        ("supplier", &w.northwind, Method::GET, format!("/api/parts/{}", w.part), None, forbidden),
        ("buyer", &w.buyer, Method::POST, "/api/parts".into(), Some(part_body("M-1")), created),
        ("admin", &w.admin, Method::POST, "/api/parts".into(), Some(part_body("M-2")), created),
        ("approver", &w.approver, Method::POST, "/api/parts".into(), Some(part_body("M-3")), forbidden),
        ("supplier", &w.northwind, Method::POST, "/api/parts".into(), Some(part_body("M-4")), forbidden),
        // suppliers: directory, own and foreign record
        ("buyer", &w.buyer, Method::GET, "/api/suppliers".into(), None, ok),
        ("approver", &w.approver, Method::GET, "/api/suppliers".into(), None, ok),
        ("supplier", &w.northwind, Method::GET, "/api/suppliers".into(), None, forbidden),
        ("supplier", &w.northwind, Method::GET, format!("/api/suppliers/{}", w.nw), None, ok),
        ("supplier", &w.northwind, Method::GET, format!("/api/suppliers/{}", w.ke), None, not_found),
        ("buyer", &w.buyer, Method::GET, format!("/api/suppliers/{}", w.ke), None, ok),
        ("buyer", &w.buyer, Method::POST, "/api/suppliers".into(), Some(supplier_body("Matrix GmbH")), created),
        ("approver", &w.approver, Method::POST, "/api/suppliers".into(), Some(supplier_body("Matrix 2 GmbH")), forbidden),
        ("supplier", &w.northwind, Method::POST, "/api/suppliers".into(), Some(supplier_body("Matrix 3 GmbH")), forbidden),
        // RFQs: invited, not invited, draft
        ("supplier", &w.northwind, Method::GET, format!("/api/rfqs/{}", w.open_all), None, ok),
        ("supplier", &w.northwind, Method::GET, format!("/api/rfqs/{}", w.kestrel_only), None, not_found),
        ("supplier", &w.northwind, Method::GET, format!("/api/rfqs/{}", w.draft_nw), None, not_found),
        ("buyer", &w.buyer, Method::GET, format!("/api/rfqs/{}", w.kestrel_only), None, ok),
        ("approver", &w.approver, Method::GET, format!("/api/rfqs/{}", w.draft_nw), None, ok),
        // invitations, users, audit
        ("buyer", &w.buyer, Method::POST, "/api/invitations".into(), Some(invite_body("m1@kestrel.example")), created),
        ("admin", &w.admin, Method::POST, "/api/invitations".into(), Some(invite_body("m2@kestrel.example")), created),
        ("approver", &w.approver, Method::POST, "/api/invitations".into(), Some(invite_body("m3@kestrel.example")), forbidden),
        ("supplier", &w.northwind, Method::POST, "/api/invitations".into(), Some(invite_body("m4@kestrel.example")), forbidden),
        ("admin", &w.admin, Method::GET, "/api/users".into(), None, ok),
        ("buyer", &w.buyer, Method::GET, "/api/users".into(), None, forbidden),
        ("approver", &w.approver, Method::GET, "/api/users".into(), None, forbidden),
        ("supplier", &w.northwind, Method::GET, "/api/users".into(), None, forbidden),
        ("buyer", &w.buyer, Method::GET, "/api/audit".into(), None, ok),
        ("approver", &w.approver, Method::GET, "/api/audit/verify".into(), None, ok),
        ("supplier", &w.northwind, Method::GET, "/api/audit".into(), None, forbidden),
        ("supplier", &w.northwind, Method::GET, "/api/audit/verify".into(), None, forbidden),
    ];
    let mut failures = Vec::new();
    for (who, s, method, path, body, want) in cases {
        let r = w.app.call(method.clone(), &path, body, Some(s)).await;
        if r.status != want {
            failures.push(format!(
                "{who} {method} {path}: want {want}, got {} {}",
                r.status, r.json
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn supplier_lists_only_its_invited_rfqs_and_never_sees_other_bidders() {
    let w = world().await;
    let list = w.app.get("/api/rfqs", &w.northwind).await;
    let numbers: Vec<&str> = list
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        vec!["RFQ-2026-0001"],
        "kestrel-only and draft RFQs must not be listed"
    );
    assert_eq!(
        list.json[0]["invited_count"], 0,
        "a supplier must not learn how many compete"
    );
    let detail = w
        .app
        .get(&format!("/api/rfqs/{}", w.open_all), &w.northwind)
        .await;
    let invited = detail.json["invited"].as_array().unwrap();
    assert_eq!(invited.len(), 1);
    assert_eq!(invited[0]["supplier_id"], w.nw.as_str());
    assert_eq!(detail.json["lines"].as_array().unwrap().len(), 3);
    assert_eq!(
        detail.json["lines"][0]["quantities"],
        json!(["500", "2000", "5000"])
    );

    // Nothing any supplier-visible endpoint returns names another supplier.
    for path in [
        "/api/rfqs".to_string(),
        format!("/api/rfqs/{}", w.open_all),
        "/api/me".into(),
        format!("/api/suppliers/{}", w.nw),
    ] {
        let body = w.app.get(&path, &w.northwind).await.json.to_string();
        for other in ["Kestrel", "Orion", &w.ke] {
            assert!(!body.contains(other), "{path} leaks {other}: {body}");
        }
    }
    // The buyer sees everyone.
    let buyer_view = w
        .app
        .get(&format!("/api/rfqs/{}", w.open_all), &w.buyer)
        .await;
    assert_eq!(buyer_view.json["invited"].as_array().unwrap().len(), 3);
    assert_eq!(buyer_view.json["invited_count"], 3);
}
