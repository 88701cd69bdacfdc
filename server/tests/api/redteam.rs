//! Findings of an outside probe (issue 10), replayed through the router: each test is the
//! attack, and the family it stands for.

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{id_named, in_hours, Response, Session, TestApp};

/// A one-line quote in the shape the supplier portal's form sends.
fn one_line_quote(line: &str, price: &str) -> Value {
    json!({
        "header": {
            "currency": "USD", "valid_until": "2027-06-30", "incoterm": "FCA", "incoterm_place": "Chicago",
            "payment_terms": {"text": "Net 60", "net_days": 60, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
            "freight": {"kind": "included"}, "reference": "", "notes": ""
        },
        "lines": [{"rfq_line_id": line, "breaks": [{"min_qty": "1000", "price": price}], "price_basis_qty": "1", "lead_time_days": 30}]
    })
}

struct Setup {
    app: TestApp,
    buyer: Session,
    northwind: Session,
    nw: String,
    rfq: String,
    line: String,
}

/// A sealed one-line RFQ with Northwind the only bidder, open for two hours.
async fn setup() -> Setup {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    let sups = app.get("/api/suppliers", &buyer).await.json;
    let nw = id_named(&sups, "Northwind Metal Works");
    let parts = app.get("/api/parts", &buyer).await.json;
    let part = parts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == "SHF-0310")
        .unwrap()["id"]
        .clone();
    let r = app
        .post(
            "/api/rfqs",
            json!({"title": "One line", "currency": "USD", "deadline": in_hours(2), "sealed": true,
                   "lines": [{"part_id": part, "quantities": ["1000"]}], "supplier_ids": [nw]}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let rfq = r.json["id"].as_str().unwrap().to_string();
    let line = r.json["lines"][0]["id"].as_str().unwrap().to_string();
    app.open_rfq(&rfq, &buyer).await;
    Setup {
        app,
        buyer,
        northwind,
        nw,
        rfq,
        line,
    }
}

async fn upload(s: &Setup, name: &str, content_type: &str, body: &[u8]) -> Response {
    crate::files::upload(
        &s.app,
        &s.northwind,
        &format!("owner_kind=quote&owner_id={}&name={name}", s.rfq),
        body,
        content_type,
    )
    .await
}

/// The receipt hash covered only what the buyer's side knows or can guess while a bid is
/// sealed (ids, version, time of receipt, usual terms): trying prices until the hash
/// matched recovered a sealed price in seconds. Format 2 hashes a random nonce too, given
/// to the supplier and shown to the buyer's side only with the prices.
#[tokio::test]
async fn a_receipt_hash_is_no_oracle_for_a_sealed_price() {
    let s = setup().await;
    let sent = one_line_quote(&s.line, "3.4187");
    let put = s
        .app
        .put(
            &format!("/api/rfqs/{}/quote", s.rfq),
            sent.clone(),
            &s.northwind,
        )
        .await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.json);
    let nonce = put.json["nonce"].as_str().unwrap_or_default().to_string();
    assert!(
        domain::quote::receipt_nonce_ok(&nonce),
        "the supplier's receipt carries its nonce: {}",
        put.json
    );
    // The supplier's own view of its quote has it too (the portal's receipt download).
    let mine = s
        .app
        .get(&format!("/api/rfqs/{}/quote", s.rfq), &s.northwind)
        .await
        .json;
    assert_eq!(mine["versions"][0]["receipt"]["nonce"], nonce.as_str());

    // Everything the buyer can read while the bid is sealed.
    let statuses = s
        .app
        .get(
            &format!("/api/rfqs/{}/quotes?prices=false", s.rfq),
            &s.buyer,
        )
        .await
        .json;
    assert_eq!(
        s.app
            .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
            .await
            .code(),
        "sealed"
    );
    let audit = s.app.get("/api/audit?limit=200", &s.buyer).await.json;
    let changes = s.app.get("/api/changes", &s.buyer).await.json;
    let readable = format!("{statuses}{audit}{changes}");
    assert!(
        !readable.contains(&nonce),
        "the nonce is shown to the buyer's side while sealed"
    );
    let receipt = &statuses["responses"][0]["current"]["receipt"];
    assert!(receipt.get("nonce").is_none(), "{receipt}");
    let received_at = receipt["received_at"].as_str().unwrap().to_string();
    let hash = receipt["hash"].as_str().unwrap().to_string();
    // The buyer's right guess of the whole quote, without the nonce, matches nothing.
    let guess: domain::quote::Quote = serde_json::from_value(sent).unwrap();
    let guessed = domain::quote::receipt_hash(&s.rfq, &s.nw, 1, &guess, &received_at, None);
    assert_ne!(guessed, hash);
    assert!(!readable.contains(&guessed));

    // After the deadline the nonce opens with the prices, and the hash checks out.
    s.app.advance_clock(3 * 3_600_000);
    let open = s
        .app
        .get(&format!("/api/rfqs/{}/quotes", s.rfq), &s.buyer)
        .await
        .json;
    let receipt = &open["responses"][0]["current"]["receipt"];
    assert_eq!(receipt["nonce"], nonce.as_str(), "{open}");
    let stored: domain::quote::Quote =
        serde_json::from_value(open["responses"][0]["current"]["quote"].clone()).unwrap();
    assert_eq!(
        domain::quote::receipt_hash(&s.rfq, &s.nw, 1, &stored, &received_at, Some(&nonce)),
        hash
    );
}

/// After bidding ended, the names, sizes and hashes of the bids' documents were listed to
/// the buyer (files list, audit trail) without that counting as opening the bids, so the
/// deadline could still be extended and suppliers re-price after the buyer learned about
/// them. Views that open nothing now wait for the opening.
#[tokio::test]
async fn documents_are_not_listed_before_the_bids_are_opened() {
    let s = setup().await;
    let put = s
        .app
        .put(
            &format!("/api/rfqs/{}/quote", s.rfq),
            one_line_quote(&s.line, "2.50"),
            &s.northwind,
        )
        .await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.json);
    let up = upload(
        &s,
        "nw-offer-7731.pdf",
        "application/pdf",
        b"%PDF-1.4 offer",
    )
    .await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.json);
    // Everyone responded: the buyer closes bidding.
    let close = s
        .app
        .post(
            &format!("/api/rfqs/{}/close", s.rfq),
            json!({"reason": ""}),
            &s.buyer,
        )
        .await;
    assert_eq!(close.status, StatusCode::OK, "{}", close.json);

    let list_path = format!("/api/files?owner_kind=quote&owner_id={}", s.rfq);
    let listed = s.app.get(&list_path, &s.buyer).await;
    assert_eq!(
        (listed.status, listed.code()),
        (StatusCode::CONFLICT, "bids_not_opened"),
        "{}",
        listed.json
    );
    let audit = s.app.get("/api/audit?limit=200", &s.buyer).await.json;
    let text = audit.to_string();
    assert!(
        !text.contains("nw-offer-7731"),
        "the audit trail names a bid's document before the opening"
    );
    let upload_event = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "file.upload")
        .expect("the upload is in the trail");
    assert_eq!(upload_event["summary"]["sealed"], true, "{upload_event}");
    // Nothing was opened, so the extension is still possible …
    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    assert!(detail["bids_opened_at"].is_null(), "{detail}");

    // … and once the comparison opened the bids, the documents are listed.
    let cmp = s
        .app
        .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
        .await;
    assert_eq!(cmp.status, StatusCode::OK, "{}", cmp.json);
    let listed = s.app.get(&list_path, &s.buyer).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.json);
    assert!(listed.json.to_string().contains("nw-offer-7731.pdf"));
    let audit = s.app.get("/api/audit?limit=200", &s.buyer).await.json;
    assert!(audit.to_string().contains("nw-offer-7731.pdf"));
}

/// A file uploaded as `text/javascript` (or HTML, SVG) was served back with that type from
/// the app's own origin: a way around the page's `script-src 'self'`. Stored files are
/// served as inert types only, and sandboxed.
#[tokio::test]
async fn an_uploaded_script_is_never_served_as_one() {
    let s = setup().await;
    for (name, claimed) in [
        ("x.js", "text/javascript"),
        ("x.html", "text/html"),
        ("x.svg", "image/svg+xml"),
    ] {
        let up = upload(&s, name, claimed, b"alert(document.cookie)").await;
        assert_eq!(up.status, StatusCode::CREATED, "{}", up.json);
        let id = up.json["id"].as_str().unwrap().to_string();
        let got = s.app.get(&format!("/api/files/{id}"), &s.northwind).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(
            got.headers[header::CONTENT_TYPE],
            "application/octet-stream",
            "{claimed}"
        );
        let csp = got.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            csp.contains("sandbox") && csp.contains("default-src 'none'"),
            "{csp}"
        );
        assert_eq!(got.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
    // A PDF stays a PDF.
    let up = upload(&s, "x.pdf", "application/pdf", b"%PDF-1.4").await;
    let id = up.json["id"].as_str().unwrap().to_string();
    let got = s.app.get(&format!("/api/files/{id}"), &s.northwind).await;
    assert_eq!(got.headers[header::CONTENT_TYPE], "application/pdf");
}

/// 300 sign-ins with 2 MB passwords held 1.16 GB (945 MB after): the bodies were read
/// whole under the server-wide limit. Sign-in and invitation accepts take small bodies.
#[tokio::test]
async fn sign_in_bodies_are_small() {
    let app = TestApp::new().await;
    let big = "x".repeat(2 * 1024 * 1024);
    for path in ["/api/auth/login", "/api/invitations/nosuchtoken/accept"] {
        let r = app
            .call(
                Method::POST,
                path,
                Some(json!({"email": "buyer@acme.example", "password": big, "name": "X"})),
                None,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}: {}",
            r.json
        );
        assert!(
            r.json["code"].is_string(),
            "the JSON error shape: {}",
            r.json
        );
    }
    // An ordinary sign-in still works.
    let ok = app
        .call(
            Method::POST,
            "/api/auth/login",
            Some(json!({"email": "buyer@acme.example", "password": "bidwell-demo"})),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
}

/// Issue 10, outside probe L: notes of 1.9 MB and a line of 40,000 price breaks were
/// stored. Every text of a quote (and of an RFQ) has a length bound and every list a size
/// bound (`domain::quote::limits`, `domain::rfq::limits`), refused as a 422 on the field.
#[tokio::test]
async fn texts_and_lists_past_their_bounds_are_refused_on_their_field() {
    let s = setup().await;
    let path = format!("/api/rfqs/{}/quote", s.rfq);
    let mut notes = one_line_quote(&s.line, "1.25");
    notes["header"]["notes"] = json!("x".repeat(1_900_000));
    let mut breaks = one_line_quote(&s.line, "1.25");
    breaks["lines"][0]["breaks"] = Value::Array(
        (1..=40_000)
            .map(|k| json!({"min_qty": k.to_string(), "price": "1"}))
            .collect(),
    );
    let mut reason = one_line_quote(&s.line, "1.25");
    reason["lines"][0]["alternate"] = json!("y".repeat(1001));
    for (body, field, message) in [
        (
            notes,
            "header.notes",
            "at most 4000 characters (got 1900000)",
        ),
        (
            breaks,
            "lines[0].breaks",
            "at most 50 price breaks (got 40000)",
        ),
        (
            reason,
            "lines[0].alternate",
            "at most 1000 characters (got 1001)",
        ),
    ] {
        let r = s.app.put(&path, body, &s.northwind).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.json
        );
        assert_eq!(r.json["fields"][field], message, "{}", r.json);
    }
    // Nothing was stored.
    let mine = s.app.get(&path, &s.northwind).await;
    assert_eq!(mine.json["versions"], json!([]), "{}", mine.json);
    // An RFQ: its title, terms, lines and each line's notes and quantities.
    let parts = s.app.get("/api/parts", &s.buyer).await.json;
    let part = parts[0]["id"].clone();
    let line = json!({"part_id": part, "quantities": ["100"]});
    let many = vec![line.clone(); domain::rfq::limits::LINES + 1];
    let mut long_notes = line.clone();
    long_notes["notes"] = json!("n".repeat(4001));
    for (title, terms, lines, field, message) in [
        (
            "t".repeat(201),
            String::new(),
            vec![line.clone()],
            "title",
            "at most 200 characters (got 201)".to_string(),
        ),
        (
            "T".into(),
            "p".repeat(201),
            vec![line.clone()],
            "payment_terms",
            "at most 200 characters (got 201)".into(),
        ),
        (
            "T".into(),
            String::new(),
            many,
            "lines",
            format!("at most 500 lines (got {})", domain::rfq::limits::LINES + 1),
        ),
        (
            "T".into(),
            String::new(),
            vec![long_notes],
            "lines[0].notes",
            "at most 4000 characters (got 4001)".into(),
        ),
    ] {
        let r = s
            .app
            .post(
                "/api/rfqs",
                json!({"title": title, "currency": "USD", "deadline": in_hours(2), "payment_terms": terms, "lines": lines}),
                &s.buyer,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.json
        );
        assert_eq!(r.json["fields"][field], message.as_str(), "{}", r.json);
    }
    // A decision's reason, mailed to every invited supplier (redteam: a 1 MiB extend
    // reason was accepted): extend, close early and cancel, and the award's note.
    let long = "r".repeat(domain::rfq::limits::REASON + 1);
    for (what, body) in [
        ("extend", json!({"deadline": in_hours(5), "reason": long})),
        ("close", json!({"reason": long})),
        ("cancel", json!({"reason": long})),
    ] {
        let r = s
            .app
            .post(&format!("/api/rfqs/{}/{what}", s.rfq), body, &s.buyer)
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            r.json
        );
        assert_eq!(
            r.json["fields"]["reason"], "at most 2000 characters (got 2001)",
            "{what}: {}",
            r.json
        );
    }
    // The RFQ is untouched: still open, deadline unmoved.
    let rfq = s.app.get(&format!("/api/rfqs/{}", s.rfq), &s.buyer).await;
    assert_eq!(rfq.json["status"], "open", "{}", rfq.json);
}

/// Issue 10, outside probe L: `Content-Type: application/evil+json` was read as JSON.
/// Only `application/json` (with at most `charset=utf-8`) is; anything else is a 415 in
/// the JSON error shape, on every JSON route.
#[tokio::test]
async fn only_application_json_is_read_as_json() {
    let app = TestApp::new().await;
    let s = app.login("buyer@acme.example").await;
    let body = json!({"number": "CT-1", "name": "Bracket", "uom": "EA"}).to_string();
    let send = |ct: &'static str, path: &'static str, body: String| {
        let req = axum::http::Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(
                header::COOKIE,
                format!("{}={}", api::SESSION_COOKIE, s.cookie),
            )
            .header(api::CSRF_HEADER, &s.csrf)
            .header(header::CONTENT_TYPE, ct)
            .body(axum::body::Body::from(body))
            .unwrap();
        app.send(req, [10, 0, 0, 1])
    };
    for ct in [
        "application/evil+json",
        "application/vnd.api+json",
        "text/json",
        "application/json; charset=latin1",
        "application/jsonp",
    ] {
        for path in ["/api/parts", "/api/sync", "/api/auth/login"] {
            let r = send(ct, path, body.clone()).await;
            assert_eq!(
                r.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{ct} {path}: {}",
                r.json
            );
            assert_eq!(r.json["code"], "unsupported_media_type", "{}", r.json);
            assert!(
                r.json["message"]
                    .as_str()
                    .unwrap()
                    .contains("Content-Type: application/json"),
                "{}",
                r.json
            );
        }
    }
    let r = send("application/json; charset=UTF-8", "/api/parts", body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
}
