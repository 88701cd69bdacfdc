//! Attachments and who may read them.

use axum::http::{header, Method, StatusCode};
use serde_json::Value;

use crate::harness::{Session, TestApp};

pub async fn upload(
    app: &TestApp,
    s: &Session,
    query: &str,
    bytes: &[u8],
    ctype: &str,
) -> crate::harness::Response {
    app.post_raw(&format!("/api/files?{query}"), ctype, bytes, s)
        .await
}

async fn demo(app: &TestApp, buyer: &Session) -> (Value, Value) {
    let rfq = app.first_rfq(buyer).await;
    let part = app
        .get(
            &format!(
                "/api/parts/{}",
                rfq["lines"][0]["part_id"].as_str().unwrap()
            ),
            buyer,
        )
        .await
        .json;
    (rfq, part)
}

#[tokio::test]
async fn drawings_reach_invited_suppliers_only_through_their_rfqs() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let nw = app.login("sales@northwind.example").await;
    let (_rfq, part) = demo(&app, &buyer).await;
    let rev = |label: &str| {
        part["revisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["label"] == label)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let drawing = b"%PDF-1.4 drawing of BRK-2208 rev B";
    let up = upload(
        &app,
        &buyer,
        &format!(
            "owner_kind=revision&owner_id={}&name=..%2F..%2FBRK-2208_B.pdf",
            rev("B")
        ),
        drawing,
        "application/pdf",
    )
    .await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.json);
    assert_eq!(
        up.json["name"], "BRK-2208_B.pdf",
        "directories are stripped"
    );
    assert_eq!(up.json["size"], drawing.len());
    assert_eq!(up.json["sha256"].as_str().unwrap().len(), 64);
    let fid = up.json["id"].as_str().unwrap();
    // Northwind is invited to an RFQ asking for rev B: it may read the drawing.
    let got = app.get(&format!("/api/files/{fid}"), &nw).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.json.as_str().unwrap(),
        std::str::from_utf8(drawing).unwrap()
    );
    assert_eq!(got.headers["content-type"], "application/pdf");
    assert_eq!(
        app.get(
            &format!("/api/files?owner_kind=revision&owner_id={}", rev("B")),
            &nw
        )
        .await
        .json
        .as_array()
        .unwrap()
        .len(),
        1
    );
    // Rev A is on no RFQ: for a supplier it does not exist.
    let a = upload(
        &app,
        &buyer,
        &format!("owner_kind=revision&owner_id={}&name=old.pdf", rev("A")),
        b"old",
        "application/pdf",
    )
    .await;
    assert_eq!(
        app.get(
            &format!("/api/files/{}", a.json["id"].as_str().unwrap()),
            &nw
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // Suppliers do not attach drawings.
    assert_eq!(
        upload(
            &app,
            &nw,
            &format!("owner_kind=revision&owner_id={}&name=x.pdf", rev("B")),
            b"x",
            "application/pdf"
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let bad = upload(
        &app,
        &buyer,
        "owner_kind=part&owner_id=x",
        b"x",
        "text/plain",
    )
    .await;
    assert_eq!(
        (bad.status, bad.code()),
        (StatusCode::BAD_REQUEST, "bad_query")
    );
    assert_eq!(
        upload(
            &app,
            &buyer,
            &format!("owner_kind=revision&owner_id={}", rev("B")),
            b"",
            "text/plain"
        )
        .await
        .code(),
        "empty_file"
    );
}

#[tokio::test]
async fn original_quote_files_are_sealed_like_prices_and_private_to_their_supplier() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let nw = app.login("sales@northwind.example").await;
    let ke = app.login("quotes@kestrel.example").await;
    let (rfq, _) = demo(&app, &buyer).await;
    let rfq_id = rfq["id"].as_str().unwrap();
    let line_file = upload(
        &app,
        &buyer,
        &format!(
            "owner_kind=rfq_line&owner_id={}&name=spec.txt",
            rfq["lines"][0]["id"].as_str().unwrap()
        ),
        b"spec",
        "text/plain",
    )
    .await;
    assert_eq!(line_file.status, StatusCode::CREATED);
    assert_eq!(
        app.get(
            &format!("/api/files/{}", line_file.json["id"].as_str().unwrap()),
            &ke
        )
        .await
        .status,
        StatusCode::OK
    );
    let q = upload(
        &app,
        &nw,
        &format!("owner_kind=quote&owner_id={rfq_id}&name=NW-quote.pdf"),
        b"%PDF prices inside",
        "application/pdf",
    )
    .await;
    assert_eq!(q.status, StatusCode::CREATED, "{}", q.json);
    let qid = q.json["id"].as_str().unwrap().to_string();
    assert_eq!(
        app.get(&format!("/api/files/{qid}"), &nw).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/files/{qid}"), &ke).await.status,
        StatusCode::NOT_FOUND,
        "another supplier's quote file"
    );
    assert!(app
        .get(
            &format!("/api/files?owner_kind=quote&owner_id={rfq_id}"),
            &ke
        )
        .await
        .json
        .as_array()
        .unwrap()
        .is_empty());
    let sealed = app.get(&format!("/api/files/{qid}"), &buyer).await;
    assert_eq!(
        (sealed.status, sealed.code()),
        (StatusCode::CONFLICT, "sealed")
    );
    assert_eq!(
        app.call(
            Method::DELETE,
            &format!("/api/files/{qid}"),
            None,
            Some(&buyer)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    sqlx::query("UPDATE rfqs SET deadline = $1")
        .bind(chrono::Utc::now().timestamp_millis() - 1000)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/api/files/{qid}"), &buyer).await.status,
        StatusCode::OK
    );
    let listed = app
        .get(
            &format!("/api/files?owner_kind=quote&owner_id={rfq_id}"),
            &buyer,
        )
        .await
        .json;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    // The buyer learns whose document it is; the uploader's answer said so too.
    assert_eq!(listed[0]["supplier_id"], q.json["supplier_id"]);
    assert!(listed[0]["supplier_id"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    let late = upload(
        &app,
        &nw,
        &format!("owner_kind=quote&owner_id={rfq_id}&name=late.pdf"),
        b"late",
        "application/pdf",
    )
    .await;
    assert_eq!(late.code(), "deadline_passed");
    assert_eq!(
        app.call(
            Method::DELETE,
            &format!("/api/files/{qid}"),
            None,
            Some(&nw)
        )
        .await
        .code(),
        "deadline_passed"
    );
    let audit = app.get("/api/audit?limit=20", &buyer).await.json;
    assert!(audit
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "file.upload" && e["summary"]["name"] == "NW-quote.pdf"));
}

#[tokio::test]
async fn an_rfq_lists_each_lines_drawings_and_files_for_whoever_may_read_it() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let nw = app.login("sales@northwind.example").await;
    let (rfq, part) = demo(&app, &buyer).await;
    let rfq_id = rfq["id"].as_str().unwrap();
    let line0 = rfq["lines"][0]["id"].as_str().unwrap();
    let rev = rfq["lines"][0]["revision"].as_str().unwrap();
    let rev_id = part["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == rev)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = app.get(&format!("/api/rfqs/{rfq_id}/files"), &nw).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.json.as_array().unwrap().is_empty());

    for q in [
        format!("owner_kind=revision&owner_id={rev_id}&name=drawing.pdf"),
        format!("owner_kind=rfq_line&owner_id={line0}&name=packing.txt"),
    ] {
        let up = upload(&app, &buyer, &q, b"content", "application/pdf").await;
        assert_eq!(up.status, StatusCode::CREATED, "{}", up.json);
    }
    for who in [&buyer, &nw] {
        let listed = app.get(&format!("/api/rfqs/{rfq_id}/files"), who).await;
        assert_eq!(listed.status, StatusCode::OK);
        let items = listed.json.as_array().unwrap();
        assert_eq!(items.len(), 2, "{}", listed.json);
        assert_eq!(items[0]["rfq_line_id"], line0);
        assert_eq!(items[0]["kind"], "drawing");
        assert_eq!(items[0]["file"]["name"], "drawing.pdf");
        assert_eq!(items[1]["kind"], "line");
        assert_eq!(items[1]["file"]["name"], "packing.txt");
        // Each listed file downloads for the same reader.
        for it in items {
            let id = it["file"]["id"].as_str().unwrap();
            assert_eq!(
                app.get(&format!("/api/files/{id}"), who).await.status,
                StatusCode::OK
            );
        }
    }

    // A draft RFQ does not exist for suppliers, nor do its files.
    let draft = app
        .post(
            "/api/rfqs",
            serde_json::json!({
                "title": "Draft with files",
                "currency": "USD",
                "deadline": "2031-01-01T12:00:00Z",
                "sealed": true,
                "lines": [{"part_id": rfq["lines"][0]["part_id"], "revision": rev, "quantities": ["100"]}],
                "supplier_ids": []
            }),
            &buyer,
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.json);
    let did = draft.json["id"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/rfqs/{did}/files"), &nw).await.status,
        StatusCode::NOT_FOUND
    );
}

/// A new open sealed RFQ (one line) that invites Northwind; its id.
async fn open_rfq_for_northwind(app: &TestApp, buyer: &Session, title: &str) -> String {
    let sups = app.get("/api/suppliers", buyer).await.json;
    let nw = crate::harness::id_named(&sups, "Northwind Metal Works");
    let parts = app.get("/api/parts", buyer).await.json;
    let part = parts.as_array().unwrap()[0]["id"].clone();
    let r = app
        .post(
            "/api/rfqs",
            serde_json::json!({"title": title, "currency": "USD", "deadline": crate::harness::in_hours(2),
                   "sealed": true, "lines": [{"part_id": part, "quantities": ["1000"]}],
                   "supplier_ids": [nw]}),
            buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let id = r.json["id"].as_str().unwrap().to_string();
    app.open_rfq(&id, buyer).await;
    id
}

/// Issue 10, M3: a supplier stored 60 × 2 MiB of "quote documents" in 1.7 s, without
/// end. Quote documents now have a quota per quote and per supplier company (413
/// `quota_exceeded` naming the quota and what is used), a deleted document frees its
/// room, and the quotas come from the server's configuration.
#[tokio::test]
async fn quote_documents_have_a_quota_per_quote_and_per_supplier() {
    let app = TestApp::with_config(server::Config {
        uploads: server::routes::files::UploadQuota {
            quote_bytes: 3000,
            supplier_bytes: 5000,
            ..Default::default()
        },
        ..server::Config::default()
    })
    .await;
    let buyer = app.login("buyer@acme.example").await;
    let nw = app.login("sales@northwind.example").await;
    let first = open_rfq_for_northwind(&app, &buyer, "Quota one").await;
    let second = open_rfq_for_northwind(&app, &buyer, "Quota two").await;
    let doc = vec![b'x'; 1000];
    let up = |rfq: &str| format!("owner_kind=quote&owner_id={rfq}&name=q.pdf");
    let mut kept = Vec::new();
    for _ in 0..3 {
        let r = upload(&app, &nw, &up(&first), &doc, "application/pdf").await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
        kept.push(r.json["id"].as_str().unwrap().to_string());
    }
    let over = upload(&app, &nw, &up(&first), &doc, "application/pdf").await;
    assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", over.json);
    assert_eq!(over.code(), "quota_exceeded");
    let message = over.json["message"].as_str().unwrap();
    for words in [
        "2.9 KiB of documents per quote",
        "3 files of 2.9 KiB",
        "1000 bytes",
    ] {
        assert!(message.contains(words), "{words:?} in {message}");
    }
    // Deleting a document frees its room.
    let del = app
        .call(
            Method::DELETE,
            &format!("/api/files/{}", kept[0]),
            None,
            Some(&nw),
        )
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.json);
    let r = upload(&app, &nw, &up(&first), &doc, "application/pdf").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    // The company's quota covers all its quotes: 3000 here, 2000 more on another RFQ.
    for _ in 0..2 {
        let r = upload(&app, &nw, &up(&second), &doc, "application/pdf").await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    }
    let over = upload(&app, &nw, &up(&second), &doc, "application/pdf").await;
    assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", over.json);
    assert_eq!(over.code(), "quota_exceeded");
    let message = over.json["message"].as_str().unwrap();
    for words in ["per supplier company", "5 files of 4.9 KiB"] {
        assert!(message.contains(words), "{words:?} in {message}");
    }
    // Nothing refused was stored.
    let listed = app
        .get(
            &format!("/api/files?owner_kind=quote&owner_id={second}"),
            &nw,
        )
        .await;
    assert_eq!(listed.json.as_array().unwrap().len(), 2);
}

/// Issue 10, M3: one user's uploads are rate-limited (files and bytes in a window), 429
/// `upload_rate` with `Retry-After` naming what was uploaded; the window passing lets
/// the user upload again. Refused uploads do not count.
#[tokio::test]
async fn uploads_are_rate_limited_per_user() {
    let app = TestApp::with_config(server::Config {
        uploads: server::routes::files::UploadQuota {
            rate_uploads: 3,
            rate_bytes: 10_000,
            ..Default::default()
        },
        ..server::Config::default()
    })
    .await;
    let buyer = app.login("buyer@acme.example").await;
    let nw = app.login("sales@northwind.example").await;
    let rfq = open_rfq_for_northwind(&app, &buyer, "Rate").await;
    let up = format!("owner_kind=quote&owner_id={rfq}&name=q.pdf");
    for _ in 0..3 {
        let r = upload(&app, &nw, &up, b"%PDF small", "application/pdf").await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    }
    let over = upload(&app, &nw, &up, b"%PDF small", "application/pdf").await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS, "{}", over.json);
    assert_eq!(over.code(), "upload_rate");
    assert!(over.json["message"]
        .as_str()
        .unwrap()
        .contains("You uploaded 3 files in the last 10 minutes"));
    assert!(over.headers.contains_key(header::RETRY_AFTER));
    // Another user is not affected (the buyer attaches a line file).
    let line = app.get(&format!("/api/rfqs/{rfq}"), &buyer).await.json["lines"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = upload(
        &app,
        &buyer,
        &format!("owner_kind=rfq_line&owner_id={line}&name=spec.txt"),
        b"spec",
        "text/plain",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    // Bytes count too: a second buyer upload that passes 10,000 bytes is refused.
    let big = vec![b'x'; 9_999];
    let r = upload(
        &app,
        &buyer,
        &format!("owner_kind=rfq_line&owner_id={line}&name=big.txt"),
        &big,
        "text/plain",
    )
    .await;
    assert_eq!(r.code(), "upload_rate", "{}", r.json);
    app.advance_clock(10 * 60 * 1000 + 1);
    let r = upload(&app, &nw, &up, b"%PDF small", "application/pdf").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
}
