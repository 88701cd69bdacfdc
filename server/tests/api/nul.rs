//! NUL in any text a client sends is a 422 naming the field, on both engines (issue 10:
//! PostgreSQL refuses NUL in TEXT, which used to surface as a 500): JSON bodies at any
//! depth, query parameters, path parameters and cells of an imported file.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::harness::{Response, TestApp};

fn assert_nul(r: &Response, field: &str) {
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}: {}",
        r.json
    );
    assert_eq!(r.code(), "validation", "{}", r.json);
    let message = r.json["fields"][field]
        .as_str()
        .unwrap_or_else(|| panic!("no field {field}: {}", r.json));
    assert!(message.contains("NUL"), "{message}");
}

#[tokio::test]
async fn nul_in_a_json_body_is_a_422_naming_the_field() {
    let app = TestApp::new().await;
    // Before sign-in: the login e-mail.
    let r = app
        .login_from("buyer\u{0}@acme.example", "bidwell-demo", [10, 0, 0, 9])
        .await;
    assert_nul(&r, "email");

    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    let rfq = app.first_rfq(&buyer).await;
    let rfq_id = rfq["id"].as_str().unwrap();

    assert_nul(
        &app.post(
            "/api/parts",
            json!({"number": "NUL-1", "name": "Bra\u{0}cket"}),
            &buyer,
        )
        .await,
        "name",
    );
    assert_nul(
        &app.post(
            &format!("/api/rfqs/{rfq_id}/clarifications"),
            json!({"text": "Is \u{0} ok?"}),
            &northwind,
        )
        .await,
        "text",
    );
    // Nested: an RFQ line's notes, an op's payload, a top-level array's element.
    let part = rfq["lines"][0]["part_id"].clone();
    assert_nul(
        &app.post(
            "/api/rfqs",
            json!({"title": "T", "currency": "USD", "deadline": crate::harness::in_hours(24),
                   "lines": [{"part_id": part, "quantities": ["1"], "notes": "x\u{0}"}]}),
            &buyer,
        )
        .await,
        "lines[0].notes",
    );
    let op = json!({"op_id": uuid::Uuid::new_v4().to_string(), "kind": "visit_note.create", "created_at": chrono::Utc::now().to_rfc3339(),
                    "payload": {"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": northwind.me["supplier_id"], "rfq_id": null,
                                "text": "met \u{0} them", "taken_at": chrono::Utc::now().to_rfc3339(), "photos": []}});
    // In a sync op, that op's rejection (the request's other ops go on; issue 10, L6).
    let r = app.post("/api/sync", json!({"ops": [op]}), &buyer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["results"][0]["status"], "rejected", "{}", r.json);
    assert!(
        r.json["results"][0]["detail"]["fields"]["payload.text"]
            .as_str()
            .is_some_and(|m| m.contains("NUL")),
        "{}",
        r.json
    );
    assert_nul(
        &app.put(
            "/api/fx",
            json!([{"base": "USD", "currency": "EUR", "rate": "1.1", "as_of": "2026-11-20\u{0}"}]),
            &buyer,
        )
        .await,
        "[0].as_of",
    );
    // A key holding NUL is named with the NUL written out.
    let r = app
        .put(
            "/api/mapping-memory",
            json!({"layouts": {"a\u{0}b": {}}}),
            &northwind,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);

    // The six characters `\u0000` (an escaped backslash, not NUL) are ordinary text.
    let r = app
        .post(
            "/api/parts",
            json!({"number": "NUL-2", "name": "back\\u0000slash"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["name"], "back\\u0000slash");
    // Nothing was stored by the refused requests.
    assert!(app
        .get("/api/parts?q=NUL-1", &buyer)
        .await
        .json
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn nul_in_a_query_or_path_parameter_is_a_422_naming_it() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    assert_nul(&app.get("/api/parts?q=br%00k", &buyer).await, "q");
    assert_nul(
        &app.get("/api/suppliers?country=D%00E", &buyer).await,
        "country",
    );
    assert_nul(
        &app.get("/api/visit-notes?supplier_id=%00", &buyer).await,
        "supplier_id",
    );
    assert_nul(&app.get("/api/parts/%00", &buyer).await, "id");
    assert_nul(&app.get("/api/rfqs/x%00y/quote", &northwind).await, "id");
    assert_nul(
        &app.call(
            Method::PATCH,
            "/api/suppliers/abc/contacts/c%00",
            Some(json!({"name": "X"})),
            Some(&buyer),
        )
        .await,
        "cid",
    );
    assert_nul(
        &app.call(Method::GET, "/api/invitations/%00", None, None)
            .await,
        "token",
    );
    // `%2500` is the text "%00", not NUL.
    assert_eq!(
        app.get("/api/parts?q=%2500", &buyer).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn nul_in_an_imported_cell_is_a_422_naming_row_and_column() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let import = |what: &'static str, query: &'static str, bytes: &'static [u8]| {
        let path = format!("/api/{what}/import?file_name={query}");
        let (app, buyer) = (&app, &buyer);
        async move {
            app.post_raw(&path, "application/octet-stream", bytes, buyer)
                .await
        }
    };
    let r = import(
        "parts",
        "p.csv",
        b"Part number,Name\nOK-1,Fine\nNUL-3,Bad\0name\n",
    )
    .await;
    assert_nul(&r, "rows[3].name");
    let r = import(
        "suppliers",
        "s.csv",
        b"Supplier,Country,Currency\nNul\0 Works,DE,EUR\n",
    )
    .await;
    assert_nul(&r, "rows[2].name");
    let r = import("parts", "p%00.csv", b"Part number,Name\nOK-1,Fine\n").await;
    assert_nul(&r, "file_name");
    assert!(app
        .get("/api/parts?q=OK-1", &buyer)
        .await
        .json
        .as_array()
        .unwrap()
        .is_empty());
}
