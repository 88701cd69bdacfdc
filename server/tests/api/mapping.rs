//! A supplier's column-mapping memory: kept per supplier, private to it, bounded.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::TestApp;

#[tokio::test]
async fn a_suppliers_mapping_memory_is_kept_for_it_alone() {
    let app = TestApp::new().await;
    let nw = app.login("sales@northwind.example").await;
    let ke = app.login("quotes@kestrel.example").await;
    let buyer = app.login("buyer@acme.example").await;

    let empty = app.get("/api/mapping-memory", &nw).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.json, json!({"layouts": {}}));

    let memory = json!({"layouts": {"\u{1f}0123456789abcdef": [
        "part_number", null, "quantity", "unit_price", {"break_price": "500"}
    ]}});
    let saved = app.put("/api/mapping-memory", memory.clone(), &nw).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.json);
    assert_eq!(app.get("/api/mapping-memory", &nw).await.json, memory);
    // Another sign-in of the same supplier (another device) gets it too.
    let nw2 = app.login("sales@northwind.example").await;
    assert_eq!(app.get("/api/mapping-memory", &nw2).await.json, memory);
    // Other suppliers and the buyers do not.
    assert_eq!(
        app.get("/api/mapping-memory", &ke).await.json,
        json!({"layouts": {}})
    );
    assert_eq!(
        app.get("/api/mapping-memory", &buyer).await.status,
        StatusCode::FORBIDDEN
    );
    // Saving again replaces it.
    let replaced = json!({"layouts": {}});
    assert_eq!(
        app.put("/api/mapping-memory", replaced.clone(), &nw)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(app.get("/api/mapping-memory", &nw).await.json, replaced);

    let too_wide = json!({"layouts": {"x": vec![serde_json::Value::Null; 201]}});
    let bad = app.put("/api/mapping-memory", too_wide, &nw).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.json);
    let unknown_role = json!({"layouts": {"x": ["price_of_tea"]}});
    let bad = app.put("/api/mapping-memory", unknown_role, &nw).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.json["message"]
            .as_str()
            .unwrap()
            .contains("price_of_tea"),
        "{}",
        bad.json
    );
    // Each save is in the audit trail.
    let events =
        sqlx::query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'mapping_memory.save'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let n: i64 = sqlx::Row::get(&events, "n");
    assert_eq!(n, 2);
}
