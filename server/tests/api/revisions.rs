//! Which revision an RFQ line asks for (issue 11, "Leveling that never misleads"): the
//! released one by default; a draft or obsolete one only with `confirm_revision`, and the
//! RFQ shows the revision's status to buyer and supplier.
//!
//! Seed: BRK-2208 has revisions A (obsolete) and B (released); the test adds C (draft),
//! so "newest" and "released" differ.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::harness::{id_named, in_hours, Session, TestApp};

struct Setup {
    app: TestApp,
    buyer: Session,
    brk: String,
    northwind: String,
}

async fn setup() -> Setup {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let parts = app.get("/api/parts", &buyer).await.json;
    let brk = parts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == "BRK-2208")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .post(
            &format!("/api/parts/{brk}/revisions"),
            json!({"label": "C"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["revisions"][0]["label"], "C");
    assert_eq!(r.json["revisions"][0]["status"], "draft");
    let sups = app.get("/api/suppliers", &buyer).await.json;
    Setup {
        northwind: id_named(&sups, "Northwind Metal Works"),
        app,
        buyer,
        brk,
    }
}

fn rfq(s: &Setup, line: Value) -> Value {
    json!({
        "title": "Brackets", "currency": "USD", "deadline": in_hours(48),
        "lines": [line], "supplier_ids": [s.northwind]
    })
}

fn field<'a>(r: &'a Value, path: &str) -> &'a str {
    r["fields"][path]
        .as_str()
        .unwrap_or_else(|| panic!("no {path} in {r}"))
}

#[tokio::test]
async fn a_line_without_a_revision_asks_for_the_released_one_not_the_newest() {
    let s = setup().await;
    let r = s
        .app
        .post(
            "/api/rfqs",
            rfq(&s, json!({"part_id": s.brk, "quantities": ["500"]})),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["lines"][0]["revision"], "B");
    assert_eq!(r.json["lines"][0]["revision_status"], "released");
}

#[tokio::test]
async fn draft_and_obsolete_revisions_are_refused_without_confirmation() {
    let s = setup().await;
    for (label, status) in [("A", "obsolete"), ("C", "draft"), ("a", "obsolete")] {
        let r = s
            .app
            .post(
                "/api/rfqs",
                rfq(
                    &s,
                    json!({"part_id": s.brk, "revision": label, "quantities": ["500"]}),
                ),
                &s.buyer,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
        let m = field(&r.json, "lines[0].revision");
        assert!(m.contains(status), "{m}");
        assert!(m.contains("released revision is B"), "{m}");
        assert!(m.contains("confirm_revision"), "{m}");
        // `false` is the same as leaving it out.
        let r = s
            .app
            .post(
                "/api/rfqs",
                rfq(
                    &s,
                    json!({"part_id": s.brk, "revision": label, "confirm_revision": false, "quantities": ["500"]}),
                ),
                &s.buyer,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    }
    // Nothing was created by the refusals.
    let list = s.app.get("/api/rfqs", &s.buyer).await.json;
    assert!(
        !list
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["title"] == "Brackets"),
        "{list}"
    );
}

#[tokio::test]
async fn a_confirmed_obsolete_revision_is_shown_to_buyer_and_supplier() {
    let s = setup().await;
    let r = s
        .app
        .post(
            "/api/rfqs",
            rfq(
                &s,
                json!({"part_id": s.brk, "revision": "A", "confirm_revision": true, "quantities": ["500"]}),
            ),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["lines"][0]["revision"], "A");
    assert_eq!(r.json["lines"][0]["revision_status"], "obsolete");
    let id = r.json["id"].as_str().unwrap().to_string();
    s.app.open_rfq(&id, &s.buyer).await;
    let supplier = s.app.login("sales@northwind.example").await;
    let seen = s.app.get(&format!("/api/rfqs/{id}"), &supplier).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.json);
    assert_eq!(seen.json["lines"][0]["revision"], "A");
    assert_eq!(seen.json["lines"][0]["revision_status"], "obsolete");
    let seen = s.app.get(&format!("/api/rfqs/{id}"), &s.buyer).await;
    assert_eq!(seen.json["lines"][0]["revision_status"], "obsolete");
}

#[tokio::test]
async fn editing_lines_keeps_a_confirmed_revision_but_a_new_choice_needs_confirming() {
    let s = setup().await;
    let r = s
        .app
        .post(
            "/api/rfqs",
            rfq(
                &s,
                json!({"part_id": s.brk, "revision": "A", "confirm_revision": true, "quantities": ["500"]}),
            ),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let id = r.json["id"].as_str().unwrap().to_string();
    let line = r.json["lines"][0]["id"].clone();
    let path = format!("/api/rfqs/{id}/lines");
    // The line as it stands, sent back without a new confirmation: kept.
    let r = s
        .app
        .put(
            &path,
            json!([{"id": line, "part_id": s.brk, "revision": "A", "quantities": ["500", "1000"]}]),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["lines"][0]["revision"], "A");
    // The same line moved to the draft C: a new choice, refused without confirmation.
    let r = s
        .app
        .put(
            &path,
            json!([{"id": line, "part_id": s.brk, "revision": "C", "quantities": ["500"]}]),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(field(&r.json, "lines[0].revision").contains("draft"));
    // A second, new line for the obsolete A is a new choice too.
    let r = s
        .app
        .put(
            &path,
            json!([
                {"id": line, "part_id": s.brk, "revision": "A", "quantities": ["500"]},
                {"part_id": s.brk, "revision": "A", "quantities": ["200"]}
            ]),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(field(&r.json, "lines[1].revision").contains("obsolete"));
    assert!(
        r.json["fields"].get("lines[0].revision").is_none(),
        "{}",
        r.json
    );
    let r = s
        .app
        .put(
            &path,
            json!([{"id": line, "part_id": s.brk, "revision": "C", "confirm_revision": true, "quantities": ["500"]}]),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["lines"][0]["revision_status"], "draft");
}

#[tokio::test]
async fn a_part_with_no_released_revision_has_no_default() {
    let s = setup().await;
    let p = s
        .app
        .post(
            "/api/parts",
            json!({"number": "NEW-1", "name": "New part", "uom": "H87"}),
            &s.buyer,
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.json);
    let part = p.json["id"].clone();
    let r = s
        .app
        .post(
            "/api/rfqs",
            rfq(&s, json!({"part_id": part, "quantities": ["10"]})),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(field(&r.json, "lines[0].revision").contains("no released revision"));
    let r = s
        .app
        .post(
            "/api/rfqs",
            rfq(
                &s,
                json!({"part_id": part, "revision": "A", "confirm_revision": true, "quantities": ["10"]}),
            ),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["lines"][0]["revision_status"], "draft");
}

#[tokio::test]
async fn an_rfq_from_a_bom_names_the_children_with_no_released_revision() {
    let s = setup().await;
    let mut ids = Vec::new();
    for n in ["ASM-9", "CLP-9"] {
        let p = s
            .app
            .post(
                "/api/parts",
                json!({"number": n, "name": n, "uom": "H87"}),
                &s.buyer,
            )
            .await;
        assert_eq!(p.status, StatusCode::CREATED, "{}", p.json);
        ids.push((p.json["id"].clone(), p.json["revisions"][0]["id"].clone()));
    }
    let asm_rev = ids[0].1.as_str().unwrap().to_string();
    let bom = s
        .app
        .put(
            &format!("/api/revisions/{asm_rev}/bom"),
            json!({"children": [{"part_id": ids[1].0, "quantity": "2"}, {"part_id": s.brk, "quantity": "1"}]}),
            &s.buyer,
        )
        .await;
    assert_eq!(bom.status, StatusCode::OK, "{}", bom.json);
    let body = json!({"revision_id": asm_rev, "title": "ASM-9 parts", "currency": "USD",
                      "deadline": in_hours(48), "build_quantities": ["10"]});
    let r = s
        .app
        .post("/api/rfqs/from-bom", body.clone(), &s.buyer)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    let m = field(&r.json, "revision_id");
    assert!(m.contains("no released revision for CLP-9"), "{m}");
    assert!(!m.contains("BRK-2208"), "{m}");
    // Once the clip's revision is released, the RFQ asks for it (and BRK-2208's B, not C).
    let clip = ids[1].0.as_str().unwrap();
    let clip_rev = ids[1].1.as_str().unwrap();
    let rel = s
        .app
        .post(
            &format!("/api/parts/{clip}/revisions/{clip_rev}/release"),
            Value::Null,
            &s.buyer,
        )
        .await;
    assert_eq!(rel.status, StatusCode::OK, "{}", rel.json);
    let r = s.app.post("/api/rfqs/from-bom", body, &s.buyer).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let lines = r.json["lines"].as_array().unwrap();
    let by = |n: &str| lines.iter().find(|l| l["part_number"] == n).unwrap();
    assert_eq!(by("BRK-2208")["revision"], "B");
    assert_eq!(by("CLP-9")["revision"], "A");
    assert_eq!(by("CLP-9")["revision_status"], "released");
}
