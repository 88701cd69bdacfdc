//! Endpoints whose success or whose refusals had no test (issue 13): each gets both here,
//! with expected values written out by hand.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::harness::{id_named, in_hours, Session, TestApp};

/// A GET whose answer is kept as bytes (the harness reads bodies as JSON or text).
async fn get_bytes(app: &TestApp, path: &str, s: &Session) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(
            header::COOKIE,
            format!("{}={}", api::SESSION_COOKIE, s.cookie),
        )
        .body(Body::empty())
        .unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [10, 0, 0, 1],
            40000,
        ))));
    let res = app.router.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

fn part_id(parts: &Value, number: &str) -> String {
    parts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == number)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn revision_id(part: &Value, label: &str) -> String {
    part["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == label)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// An open, unsealed one-line RFQ (BRK-2208, breaks 500 / 2000) inviting `invited`;
/// answers its id and its line's id.
async fn open_rfq(app: &TestApp, buyer: &Session, invited: &[&str]) -> (String, String) {
    let sups = app.get("/api/suppliers", buyer).await.json;
    let parts = app.get("/api/parts", buyer).await.json;
    let r = app
        .post(
            "/api/rfqs",
            json!({
                "title": "Endpoint checks", "currency": "USD", "deadline": in_hours(3), "sealed": false,
                "lines": [{"part_id": part_id(&parts, "BRK-2208"), "quantities": ["500", "2000"]}],
                "supplier_ids": invited.iter().map(|n| id_named(&sups, n)).collect::<Vec<_>>()
            }),
            buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let id = r.json["id"].as_str().unwrap().to_string();
    app.open_rfq(&id, buyer).await;
    (id, r.json["lines"][0]["id"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn a_revisions_bom_reads_back_as_set_for_internal_users_only() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let parts = app.get("/api/parts", &buyer).await.json;
    let brk = app
        .get(
            &format!("/api/parts/{}", part_id(&parts, "BRK-2208")),
            &buyer,
        )
        .await
        .json;
    let rev = revision_id(&brk, "B");
    let path = format!("/api/revisions/{rev}/bom");
    assert_eq!(app.get(&path, &buyer).await.json, json!([]));
    let set = app
        .put(
            &path,
            json!({"children": [
                {"part_id": part_id(&parts, "SHF-0310"), "quantity": "0.50"},
                {"part_id": part_id(&parts, "HSG-1040"), "quantity": "2"}
            ]}),
            &buyer,
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    // Read back in part-number order, quantities as decimals.
    for who in ["buyer@acme.example", "approver@acme.example"] {
        let s = app.login(who).await;
        let got = app.get(&path, &s).await;
        assert_eq!(got.status, StatusCode::OK, "{who}");
        let lines: Vec<(&str, &str)> = got
            .json
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["child_number"].as_str().unwrap(),
                    l["quantity"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(lines, [("HSG-1040", "2"), ("SHF-0310", "0.5")], "{who}");
    }
    let supplier = app.login("sales@northwind.example").await;
    let r = app.get(&path, &supplier).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    let r = app.get("/api/revisions/no-such-revision/bom", &buyer).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    let r = app.call(Method::GET, &path, None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_deleted_file_is_gone_and_its_deletion_audited() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let parts = app.get("/api/parts", &buyer).await.json;
    let brk = app
        .get(
            &format!("/api/parts/{}", part_id(&parts, "BRK-2208")),
            &buyer,
        )
        .await
        .json;
    let rev = revision_id(&brk, "B");
    let drawing = b"%PDF-1.4 drawing of BRK-2208 rev B";
    let up = app
        .post_raw(
            &format!("/api/files?owner_kind=revision&owner_id={rev}&name=BRK-2208_B.pdf"),
            "application/pdf",
            drawing,
            &buyer,
        )
        .await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.json);
    // printf '%s' '%PDF-1.4 drawing of BRK-2208 rev B' | sha256sum
    assert_eq!(
        up.json["sha256"],
        "564fc120f43320ae43eafd781fbf019932c7fabb45139fa409820a56bcbad206"
    );
    let id = up.json["id"].as_str().unwrap().to_string();
    let file = format!("/api/files/{id}");

    // Refusals first: a supplier (not its file: as if it did not exist) and an approver
    // may not delete it, nor may anyone signed out.
    let supplier = app.login("sales@northwind.example").await;
    let approver = app.login("approver@acme.example").await;
    for (who, want) in [
        (&supplier, StatusCode::NOT_FOUND),
        (&approver, StatusCode::FORBIDDEN),
    ] {
        let r = app.call(Method::DELETE, &file, None, Some(who)).await;
        assert_eq!(r.status, want, "{}", r.json);
    }
    let r = app.call(Method::DELETE, &file, None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get(&file, &buyer).await.status, StatusCode::OK);

    // The buyer deletes it: 204, then it is gone everywhere.
    let del = app.call(Method::DELETE, &file, None, Some(&buyer)).await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.json);
    assert_eq!(del.json, Value::Null);
    let gone = app.get(&file, &buyer).await;
    assert_eq!(
        (gone.status, gone.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let list = app
        .get(
            &format!("/api/files?owner_kind=revision&owner_id={rev}"),
            &buyer,
        )
        .await;
    assert_eq!(list.json, json!([]));
    let audit = app.get("/api/audit?limit=1", &buyer).await.json;
    assert_eq!(audit[0]["action"], "file.delete");
    assert_eq!(audit[0]["summary"]["file_id"], id.as_str());
    assert_eq!(audit[0]["summary"]["name"], "BRK-2208_B.pdf");
    // Deleting it again: there is nothing to delete.
    let again = app.call(Method::DELETE, &file, None, Some(&buyer)).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_suppliers_quote_history_is_for_that_invited_supplier_only() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let (rfq, _) = open_rfq(&app, &buyer, &["Kestrel Plastics"]).await;
    let path = format!("/api/rfqs/{rfq}/quote");
    let kestrel = app.login("quotes@kestrel.example").await;
    let mine = app.get(&path, &kestrel).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.json);
    assert_eq!(mine.json, json!({"can_change": true, "versions": []}));
    // Not invited: as if the RFQ did not exist.
    let northwind = app.login("sales@northwind.example").await;
    let r = app.get(&path, &northwind).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    // Internal users have no quote of their own.
    let r = app.get(&path, &buyer).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    let r = app.get("/api/rfqs/no-such-rfq/quote", &kestrel).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.call(Method::GET, &path, None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn visit_note_photos_come_back_byte_for_byte_to_internal_users_only() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sups = app.get("/api/suppliers", &buyer).await.json;
    let sid = id_named(&sups, "Northwind Metal Works");
    let jpeg: &[u8] = b"\xff\xd8\xff\xe0fake-jpeg";
    // base64 of the 13 bytes above: printf '\xff\xd8\xff\xe0fake-jpeg' | base64
    let b64 = "/9j/4GZha2UtanBlZw==";
    let (note, photo) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let r = app
        .post(
            "/api/sync",
            json!({"ops": [{"op_id": uuid::Uuid::new_v4(), "kind": "visit_note.create", "created_at": "2026-11-23T10:15:00Z",
                "payload": {"note_id": note, "supplier_id": sid, "text": "Press line 3", "taken_at": "2026-11-23T10:15:00+01:00",
                            "photos": [{"photo_id": photo, "content_type": "image/jpeg", "data_base64": b64}]}}]}),
            &buyer,
        )
        .await;
    assert_eq!(r.json["results"][0]["status"], "applied", "{}", r.json);
    let path = format!("/api/visit-notes/{note}/photos/{photo}");
    for who in ["buyer@acme.example", "approver@acme.example"] {
        let s = app.login(who).await;
        let (status, headers, body) = get_bytes(&app, &path, &s).await;
        assert_eq!(status, StatusCode::OK, "{who}");
        assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(body, jpeg, "{who}");
    }
    let supplier = app.login("sales@northwind.example").await;
    let r = app.get(&path, &supplier).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    // The photo under another note, and an unknown photo: not found.
    let other = uuid::Uuid::new_v4();
    for p in [
        format!("/api/visit-notes/{other}/photos/{photo}"),
        format!("/api/visit-notes/{note}/photos/{other}"),
    ] {
        let r = app.get(&p, &buyer).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{p}"
        );
    }
}

#[tokio::test]
async fn the_supplier_list_downloads_as_csv_for_internal_users_only() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let (status, headers, body) = get_bytes(&app, "/api/suppliers.csv", &buyer).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"suppliers.csv\""
    );
    let text = String::from_utf8(body).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    // A header, the three demo suppliers, and the empty string after the last CRLF.
    assert_eq!(lines.len(), 5, "{text}");
    assert!(
        lines[0].starts_with("name,country,currency,status,"),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Orion Stamping,")),
        "{text}"
    );
    assert_eq!(lines[4], "");
    let supplier = app.login("sales@northwind.example").await;
    let r = app.get("/api/suppliers.csv", &supplier).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    let r = app
        .call(Method::GET, "/api/suppliers.csv", None, None)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_xlsx_comparison_holds_the_leveled_numbers_and_refuses_what_the_grid_refuses() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let (rfq, line) = open_rfq(&app, &buyer, &["Kestrel Plastics"]).await;
    let kestrel = app.login("quotes@kestrel.example").await;
    // Net 0 (paid on receipt), freight included: landed = price exactly.
    let put = app
        .put(
            &format!("/api/rfqs/{rfq}/quote"),
            json!({"header": {"currency": "USD", "valid_until": "2030-06-30", "incoterm": "FCA", "incoterm_place": "Chicago",
                              "payment_terms": {"text": "Cash", "net_days": 0, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
                              "freight": {"kind": "included"}},
                   "lines": [{"rfq_line_id": line, "breaks": [{"min_qty": "500", "price": "0.66"}, {"min_qty": "2000", "price": "0.58"}], "price_basis_qty": "1", "lead_time_days": 20}]}),
            &kestrel,
        )
        .await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.json);
    let path = format!("/api/rfqs/{rfq}/comparison.xlsx");
    let (status, headers, body) = get_bytes(&app, &path, &buyer).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .ends_with("-leveled.xlsx\""));
    // Read back with a spreadsheet reader (calamine, through the import code).
    let table = domain::import::read_table("x.xlsx", &body).unwrap();
    let rows: Vec<&Vec<String>> = table.rows.iter().map(|(_, r)| r).collect();
    let head = rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 3, "a header and one row per break: {rows:?}");
    for (row, qty, landed) in [(1, "500", "0.66"), (2, "2000", "0.58")] {
        assert_eq!(rows[row][col("quantity")], qty);
        assert_eq!(rows[row][col("supplier")], "Kestrel Plastics");
        assert_eq!(rows[row][col("landed")], landed, "{:?}", rows[row]);
    }

    // Refusals: suppliers never get the grid; unknown RFQ; bad settings.
    let r = app.get(&path, &kestrel).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    let r = app
        .get("/api/rfqs/no-such-rfq/comparison.xlsx", &buyer)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .get(&format!("{path}?amortization_years=-1"), &buyer)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(
        r.json["fields"].get("amortization_years").is_some(),
        "{}",
        r.json
    );
    let r = app.get(&format!("{path}?colour=red"), &buyer).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json);
    // A sealed RFQ before its deadline: no prices in any form.
    let sups = app.get("/api/suppliers", &buyer).await.json;
    let parts = app.get("/api/parts", &buyer).await.json;
    let sealed = app
        .post(
            "/api/rfqs",
            json!({"title": "Sealed", "currency": "USD", "deadline": in_hours(3), "sealed": true,
                   "lines": [{"part_id": part_id(&parts, "BRK-2208"), "quantities": ["500"]}],
                   "supplier_ids": [id_named(&sups, "Kestrel Plastics")]}),
            &buyer,
        )
        .await;
    let sealed_id = sealed.json["id"].as_str().unwrap();
    app.open_rfq(sealed_id, &buyer).await;
    let r = app
        .get(&format!("/api/rfqs/{sealed_id}/comparison.xlsx"), &buyer)
        .await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "sealed"));
}

/// Issue 11: the ECB's reference-rate file sets the rates with their dates; the
/// comparison converts across the euro to any base with them.
#[tokio::test]
async fn ecb_reference_rates_import_with_their_dates() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let csv = b"Date,USD,CHF,CYP,\n2026-12-04,1.25,N/A,N/A,\n2026-12-03,1.2,0.95,0.58,\n";
    let r = app
        .post_raw("/api/fx/import", "application/octet-stream", csv, &buyer)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(
        r.json["imported"],
        json!([
            {"base": "CHF", "currency": "EUR", "rate": "0.95", "as_of": "2026-12-03"},
            {"base": "USD", "currency": "EUR", "rate": "1.25", "as_of": "2026-12-04"}
        ])
    );
    assert_eq!(
        r.json["skipped"],
        json!(["CYP: not a current ISO 4217 currency"])
    );
    assert_eq!(
        app.get("/api/fx?base=USD", &buyer).await.json,
        json!([{"base": "USD", "currency": "EUR", "rate": "1.25", "as_of": "2026-12-04"}])
    );
    let audit = app.get("/api/audit?limit=1", &buyer).await.json;
    assert_eq!(audit[0]["action"], "fx.import");
    // Bad files say what and where; suppliers may not import.
    let bad = app
        .post_raw(
            "/api/fx/import",
            "application/octet-stream",
            b"Date,USD\n2026-12-04,abc\n",
            &buyer,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.json);
    assert!(bad.json["fields"]["file"]
        .as_str()
        .unwrap()
        .contains("line 2, USD"));
    let supplier = app.login("sales@northwind.example").await;
    let r = app
        .post_raw("/api/fx/import", "application/octet-stream", csv, &supplier)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_fx_table_reads_back_as_set_for_internal_users_only() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    assert_eq!(app.get("/api/fx", &buyer).await.json, json!([]));
    let put = app
        .put(
            "/api/fx",
            json!([
                {"base": "USD", "currency": "EUR", "rate": "1.10", "as_of": "2026-11-02"},
                {"base": "USD", "currency": "CNY", "rate": "0.1380", "as_of": "2026-11-02"},
                {"base": "EUR", "currency": "GBP", "rate": "1.17", "as_of": "2026-11-03"}
            ]),
            &buyer,
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.json);
    // Base USD by default, ordered by currency; decimals normalized.
    let approver = app.login("approver@acme.example").await;
    let usd = app.get("/api/fx", &approver).await;
    assert_eq!(usd.status, StatusCode::OK);
    assert_eq!(
        usd.json,
        json!([
            {"base": "USD", "currency": "CNY", "rate": "0.138", "as_of": "2026-11-02"},
            {"base": "USD", "currency": "EUR", "rate": "1.1", "as_of": "2026-11-02"}
        ])
    );
    assert_eq!(
        app.get("/api/fx?base=EUR", &buyer).await.json,
        json!([{"base": "EUR", "currency": "GBP", "rate": "1.17", "as_of": "2026-11-03"}])
    );
    let supplier = app.login("sales@northwind.example").await;
    let r = app.get("/api/fx", &supplier).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    let r = app.get("/api/fx?base=EURO", &buyer).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"].get("base").is_some(), "{}", r.json);
    let r = app.get("/api/fx?currency=EUR", &buyer).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json);
    let r = app.call(Method::GET, "/api/fx", None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}
