//! What a client sends, judged by one rule each (issue 10, red team L3–L6), on both
//! engines: a field a request type does not have is refused, not dropped (L3); natural
//! keys are folded in Rust, so both engines agree (L4); every text passes one rule
//! against bidi and invisible characters and is stored in NFC (L5); one bad op of a sync
//! request is that op's rejection alone (L6).

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{quote_every_line, sync_op, Response, Session, TestApp};

/// A 422 whose field `field` holds a message containing `needle`.
fn assert_field(r: &Response, field: &str, needle: &str) {
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}: {}",
        r.json
    );
    let m = r.json["fields"][field]
        .as_str()
        .unwrap_or_else(|| panic!("no field {field}: {}", r.json));
    assert!(m.contains(needle), "{field}: {m}");
}

// --- L3: unknown fields -------------------------------------------------------------

#[tokio::test]
async fn unknown_fields_in_a_quote_are_refused_naming_field_and_place_api_and_sync() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    let rfq = app.first_rfq(&buyer).await;
    let rfq_id = rfq["id"].as_str().unwrap();
    let url = format!("/api/rfqs/{rfq_id}/quote");
    // At every depth of the quote: the line, a price break, the header, payment terms,
    // freight, the quote itself.
    type AddField = fn(&mut Value);
    let cases: [(&str, AddField); 6] = [
        ("lines[0].colour", |q| {
            q["lines"][0]["colour"] = json!("red")
        }),
        ("lines[0].breaks[0].discount", |q| {
            q["lines"][0]["breaks"][0]["discount"] = json!("5")
        }),
        ("header.vat_pct", |q| q["header"]["vat_pct"] = json!("19")),
        ("header.payment_terms.early", |q| {
            q["header"]["payment_terms"]["early"] = json!(true)
        }),
        ("header.freight.per", |q| {
            q["header"]["freight"]["per"] = json!("pallet")
        }),
        ("signature", |q| q["signature"] = json!("x")),
    ];
    for (field, add) in cases {
        let mut q = quote_every_line(&rfq, "0.61");
        add(&mut q);
        let r = app
            .call(Method::PUT, &url, Some(q.clone()), Some(&northwind))
            .await;
        assert_field(&r, field, "unknown field");
        // The same quote offline: the op is rejected on the same field, under payload.
        let o = sync_op(
            "quote.submit",
            json!({"rfq_id": rfq_id, "base_version": null, "quote": q}),
        );
        let r = app.post("/api/sync", json!({"ops": [o]}), &northwind).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json);
        let res = &r.json["results"][0];
        assert_eq!(res["status"], "rejected", "{res}");
        assert_eq!(res["code"], "validation", "{res}");
        let path = format!("payload.quote.{field}");
        assert!(
            res["detail"]["fields"][&path]
                .as_str()
                .is_some_and(|m| m.contains("unknown field")),
            "{path}: {res}"
        );
        assert!(res["message"].as_str().unwrap().contains(&path), "{res}");
    }
    // Nothing was stored; the app's own payloads (no extra field) still go through.
    let mine = app.get(&url, &northwind).await.json;
    assert!(mine["versions"].as_array().unwrap().is_empty(), "{mine}");
    let r = app
        .call(
            Method::PUT,
            &url,
            Some(quote_every_line(&rfq, "0.61")),
            Some(&northwind),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let o = sync_op(
        "quote.submit",
        json!({"rfq_id": rfq_id, "base_version": 1, "quote": quote_every_line(&rfq, "0.60")}),
    );
    let r = app.post("/api/sync", json!({"ops": [o]}), &northwind).await;
    assert_eq!(r.json["results"][0]["status"], "applied", "{}", r.json);
    // Other write types and the other ops: a part, a visit note's photo.
    let r = app
        .post(
            "/api/parts",
            json!({"number": "UNK-1", "name": "Bracket", "weight": "2 kg"}),
            &buyer,
        )
        .await;
    assert_field(&r, "weight", "unknown field");
    let o = sync_op(
        "visit_note.create",
        json!({"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": northwind.me["supplier_id"],
               "text": "Met them", "taken_at": chrono::Utc::now().to_rfc3339(), "mood": "good"}),
    );
    let r = app.post("/api/sync", json!({"ops": [o]}), &buyer).await;
    assert!(
        r.json["results"][0]["detail"]["fields"]["payload.mood"].is_string(),
        "{}",
        r.json
    );
}

/// Every object in every JSON request body the API documents, and in every sync op's
/// payload, is closed (`additionalProperties: false`, from `deny_unknown_fields`): the
/// class behind L3, checked on the contract so a new request type cannot slip through.
#[test]
fn every_write_type_refuses_unknown_fields() {
    let doc: Value = serde_json::from_str(&server::openapi::json()).unwrap();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    fn walk(
        s: &Value,
        at: &str,
        schemas: &serde_json::Map<String, Value>,
        seen: &mut std::collections::BTreeSet<String>,
        open: &mut Vec<String>,
    ) {
        if let Some(r) = s["$ref"].as_str() {
            let name = r.rsplit('/').next().unwrap().to_string();
            if seen.insert(name.clone()) {
                walk(&schemas[&name], &name, schemas, seen, open);
            }
            return;
        }
        for k in ["oneOf", "anyOf", "allOf"] {
            for x in s[k].as_array().into_iter().flatten() {
                walk(x, at, schemas, seen, open);
            }
        }
        if let Some(props) = s["properties"].as_object() {
            // A one-key object that is an enum variant's tag (`{"break_price": "1"}`)
            // is closed by serde itself.
            let variant =
                props.len() == 1 && s["required"].as_array().is_some_and(|r| r.len() == 1);
            if s["additionalProperties"] != json!(false) && !variant {
                open.push(at.to_string());
            }
            for p in props.values() {
                walk(p, at, schemas, seen, open);
            }
        }
        if s["additionalProperties"].is_object() {
            walk(&s["additionalProperties"], at, schemas, seen, open);
        }
        if s["items"].is_object() {
            walk(&s["items"], at, schemas, seen, open);
        }
    }
    let mut open = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut bodies = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if let Some(s) =
                operation["requestBody"]["content"]["application/json"]["schema"].as_object()
            {
                bodies += 1;
                walk(
                    &Value::Object(s.clone()),
                    &format!("{method} {path}"),
                    schemas,
                    &mut seen,
                    &mut open,
                );
            }
        }
    }
    for payload in [
        "QuoteSubmitOp",
        "EnterForSupplierOp",
        "VisitNoteOp",
        "SyncOp",
    ] {
        assert!(
            schemas.contains_key(payload),
            "{payload} is not in the document"
        );
        walk(
            &json!({"$ref": format!("#/components/schemas/{payload}")}),
            payload,
            schemas,
            &mut seen,
            &mut open,
        );
    }
    assert!(bodies >= 30, "only {bodies} JSON bodies found");
    open.sort();
    open.dedup();
    // Adjacently tagged enums (`{"kind": …, "amount": …}`) deny unknown keys through
    // serde, which utoipa does not write into their schema: checked here directly.
    let serde_closed = ["EstimateFreight", "Freight"];
    assert!(
        serde_json::from_str::<domain::quote::Freight>(r#"{"kind":"included","per":"x"}"#).is_err()
    );
    assert!(serde_json::from_str::<domain::quote::Freight>(r#"{"kind":"included"}"#).is_ok());
    assert!(serde_json::from_str::<domain::level::EstimateFreight>(
        r#"{"kind":"per_shipment","amount":"1","per":"x"}"#
    )
    .is_err());
    assert!(serde_json::from_str::<domain::level::EstimateFreight>(
        r#"{"kind":"per_shipment","amount":"1"}"#
    )
    .is_ok());
    open.retain(|name| !serde_closed.contains(&name.as_str()));
    assert!(
        open.is_empty(),
        "request types that drop unknown fields: {open:?}"
    );
}

// --- L4: natural keys folded in Rust ------------------------------------------------

#[tokio::test]
async fn part_numbers_labels_and_supplier_names_compare_by_one_unicode_fold_on_every_engine() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let r = app
        .post(
            "/api/parts",
            json!({"number": "ÄRGER-x", "name": "Ärger"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let part_id = r.json["id"].as_str().unwrap().to_string();
    for same in [
        "ärger-X",
        "ÄRGER-X",
        "A\u{308}rger-x",
        "ＡＲＧＥＲ-x".replace('Ａ', "Ä").as_str(),
    ] {
        let r = app
            .post(
                "/api/parts",
                json!({"number": same, "name": "Again"}),
                &buyer,
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{same}: {}", r.json);
        assert!(r.json["fields"]["number"].is_string(), "{same}: {}", r.json);
    }
    // A look-alike in full-width letters is the same key.
    let r = app
        .post(
            "/api/parts",
            json!({"number": "ＢＲＫ-9", "name": "Wide"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let r = app
        .post(
            "/api/parts",
            json!({"number": "brk-9", "name": "Narrow"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.json);
    // Different letters stay different parts.
    let r = app
        .post(
            "/api/parts",
            json!({"number": "ARGER-x", "name": "Plain"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    // Search folds the same way: lower-case non-ASCII finds the upper-case number.
    let found = app.get("/api/parts?q=%C3%A4rger", &buyer).await.json;
    let numbers: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["ÄRGER-x"], "{found}");
    // Revision labels within a part.
    let r = app
        .post(
            &format!("/api/parts/{part_id}/revisions"),
            json!({"label": "Ö"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let r = app
        .post(
            &format!("/api/parts/{part_id}/revisions"),
            json!({"label": "ö"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"]["label"].is_string(), "{}", r.json);
    // Supplier names, on create and on rename.
    let new_supplier = |name: &str| json!({"name": name, "country": "DK", "currency": "DKK"});
    let r = app
        .post("/api/suppliers", new_supplier("Ørsted Værk"), &buyer)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let r = app
        .post("/api/suppliers", new_supplier("ØRSTED VÆRK"), &buyer)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.json);
    let r = app
        .post("/api/suppliers", new_supplier("Other Værk"), &buyer)
        .await;
    let other = r.json["id"].as_str().unwrap().to_string();
    let r = app
        .patch(
            &format!("/api/suppliers/{other}"),
            json!({"name": "ørsted værk"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.json);
    assert!(r.json["fields"]["name"].is_string(), "{}", r.json);
    // An import compares the same way.
    let csv = "Part number,Name\närger-X,Dup\nÖL-1,Oil\nöl-1,Oil again\n";
    let r = import(&app, &buyer, "parts", csv.as_bytes()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"]["rows[4].number"].is_string(), "{}", r.json);
    let r = import(
        &app,
        &buyer,
        "parts",
        "Part number,Name\närger-X,Dup\n".as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["skipped"].as_array().unwrap().len(), 1, "{}", r.json);
}

async fn import(app: &TestApp, s: &Session, what: &str, bytes: &[u8]) -> Response {
    app.post_raw(
        &format!("/api/{what}/import?file_name=x.csv"),
        "application/octet-stream",
        bytes,
        s,
    )
    .await
}

/// Rows from before migration 0019 (no folded key) get theirs at start; two that the old
/// ASCII-only check let in as different are kept, the later one renamed.
#[tokio::test]
async fn stored_keys_are_folded_at_start_and_old_look_alike_duplicates_kept_apart() {
    let app = TestApp::new().await;
    let now = 1_700_000_000_000_i64;
    for (id, number, at) in [("old-a", "ÜBER-1", now), ("old-b", "über-1", now + 1)] {
        sqlx::query("INSERT INTO parts (id, number, name, description, uom, created_at, updated_at) VALUES ($1, $2, 'Old', '', 'H87', $3, $3)")
            .bind(id)
            .bind(number)
            .bind(at)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    app.db.migrate().await.unwrap();
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, number, number_key FROM parts WHERE id LIKE 'old-%' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(rows[0], ("old-a".into(), "ÜBER-1".into(), "über-1".into()));
    assert_eq!(rows[1].1, "über-1-DUP-old-b");
    assert_eq!(rows[1].2, "über-1-dup-old-b");
    let missing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM parts WHERE number_key IS NULL")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(missing, 0);
    // Every path that writes a key wrote it (seed, create, revisions, suppliers).
    for sql in [
        "SELECT COUNT(*) FROM revisions WHERE label_key IS NULL",
        "SELECT COUNT(*) FROM suppliers WHERE name_key IS NULL",
    ] {
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 0, "{sql}");
    }
}

// --- L5: one text rule --------------------------------------------------------------

/// Bidi controls and invisible characters, refused in every displayed text of every
/// write path, with the field named.
#[tokio::test]
async fn bidi_and_invisible_characters_are_refused_in_every_text_field() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    let rfq = app.first_rfq(&buyer).await;
    let rfq_id = rfq["id"].as_str().unwrap().to_string();
    let supplier_id = northwind.me["supplier_id"].as_str().unwrap().to_string();
    let family = [
        '\u{202E}',
        '\u{202D}',
        '\u{202A}',
        '\u{2066}',
        '\u{2067}',
        '\u{200F}',
        '\u{200B}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{AD}',
        '\u{7}',
        '\u{1B}',
        '\u{85}',
        '\u{E0041}',
    ];
    for c in family {
        let bad = format!("Acme{c}gnp.exe");
        let code = format!("U+{:04X}", u32::from(c));
        let mut q = quote_every_line(&rfq, "0.61");
        q["header"]["notes"] = json!(bad);
        let cases: Vec<(Method, String, Value, &Session, &str)> = vec![
            (
                Method::POST,
                "/api/suppliers".into(),
                json!({"name": bad, "country": "DE", "currency": "EUR"}),
                &buyer,
                "name",
            ),
            (
                Method::PATCH,
                format!("/api/suppliers/{supplier_id}"),
                json!({"name": bad}),
                &buyer,
                "name",
            ),
            (
                Method::POST,
                "/api/parts".into(),
                json!({"number": "P-1", "name": bad}),
                &buyer,
                "name",
            ),
            (
                Method::POST,
                "/api/parts".into(),
                json!({"number": bad, "name": "Part"}),
                &buyer,
                "number",
            ),
            (
                Method::POST,
                "/api/parts".into(),
                json!({"number": "P-2", "name": "Part", "description": bad}),
                &buyer,
                "description",
            ),
            (
                Method::POST,
                format!("/api/suppliers/{supplier_id}/contacts"),
                json!({"name": bad, "email": "x@y.example"}),
                &buyer,
                "name",
            ),
            (
                Method::POST,
                format!("/api/rfqs/{rfq_id}/clarifications"),
                json!({"text": bad}),
                &northwind,
                "text",
            ),
            (
                Method::PUT,
                format!("/api/rfqs/{rfq_id}/quote"),
                q,
                &northwind,
                "header.notes",
            ),
        ];
        for (method, url, body, s, field) in cases {
            let r = app.call(method.clone(), &url, Some(body), Some(s)).await;
            assert_field(&r, field, &code);
            let _ = url;
        }
        // In an offline op: that op is rejected, on its field.
        let o = sync_op(
            "visit_note.create",
            json!({"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": supplier_id,
                   "text": bad, "taken_at": chrono::Utc::now().to_rfc3339()}),
        );
        let r = app.post("/api/sync", json!({"ops": [o]}), &buyer).await;
        let res = &r.json["results"][0];
        assert_eq!(res["status"], "rejected", "{res}");
        assert!(
            res["detail"]["fields"]["payload.text"]
                .as_str()
                .is_some_and(|m| m.contains(&code)),
            "{res}"
        );
        // In an imported cell: row and column.
        let csv = format!("Supplier,Country,Currency\n{bad},DE,EUR\n");
        let r = import(&app, &buyer, "suppliers", csv.as_bytes()).await;
        assert_field(&r, "rows[2].name", &code);
    }
    // Nothing of it was stored.
    let all = app.get("/api/suppliers", &buyer).await.json.to_string();
    assert!(!all.contains("gnp.exe"), "{all}");
    // Text people write still passes: accents, other scripts, emoji, line breaks.
    for ok in [
        "Müller & Söhne",
        "東京精密",
        "شركة",
        "Line\nbreak",
        "👩\u{200D}🔧 Works",
    ] {
        let r = app
            .post(
                "/api/suppliers",
                json!({"name": ok, "country": "DE", "currency": "EUR"}),
                &buyer,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{ok:?}: {}", r.json);
    }
}

/// Text is stored in NFC: a name typed with a combining accent is the name typed with
/// the accented letter, stored once and unique once.
#[tokio::test]
async fn text_is_stored_composed_so_look_alike_spellings_are_one_name() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let r = app
        .post(
            "/api/suppliers",
            json!({"name": "Cafe\u{301} Works", "country": "FR", "currency": "EUR"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["name"], "Caf\u{E9} Works");
    let r = app
        .post(
            "/api/suppliers",
            json!({"name": "Caf\u{E9} works", "country": "FR", "currency": "EUR"}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.json);
    let r = app
        .post(
            "/api/parts",
            json!({"number": "NFC-1", "name": "Pie\u{300}ce"}),
            &buyer,
        )
        .await;
    assert_eq!(r.json["name"], "Pi\u{E8}ce", "{}", r.json);
}

// --- L6: each sync op judged on its own ---------------------------------------------

#[tokio::test]
async fn one_bad_op_is_rejected_alone_and_the_others_apply_exactly_once() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let northwind = app.login("sales@northwind.example").await;
    let supplier_id = northwind.me["supplier_id"].as_str().unwrap().to_string();
    let note = |text: &str| {
        sync_op(
            "visit_note.create",
            json!({"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": supplier_id,
                   "text": text, "taken_at": chrono::Utc::now().to_rfc3339()}),
        )
    };
    let mut bad_id = note("bad id");
    bad_id["op_id"] = json!("not-a-uuid");
    let mut bad_envelope = note("bad envelope");
    bad_envelope["device"] = json!("phone");
    let mut bad_created = note("bad time");
    bad_created["created_at"] = json!("2026-12-01\u{0}");
    let ops = vec![
        note("first"),
        note("NUL \u{0} here"),
        bad_id,
        bad_envelope,
        bad_created,
        json!("not an op"),
        note("last"),
    ];
    let r = app.post("/api/sync", json!({"ops": ops}), &buyer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let results = r.json["results"].as_array().unwrap();
    let statuses: Vec<&str> = results
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["applied", "rejected", "rejected", "rejected", "rejected", "rejected", "applied"],
        "{}",
        r.json
    );
    let named = |i: usize, field: &str| {
        let m = results[i]["message"].as_str().unwrap();
        assert!(
            m.contains(&format!("Change {}", i + 1)) && m.contains(field),
            "{i}: {m}"
        );
        assert!(
            results[i]["detail"]["fields"][field].is_string(),
            "{i}: {}",
            results[i]
        );
    };
    named(1, "payload.text");
    named(2, "ops[2].op_id");
    named(3, "ops[3].device");
    named(4, "created_at");
    assert_eq!(results[1]["op_id"], ops[1]["op_id"]);
    let notes = app
        .get(
            &format!("/api/visit-notes?supplier_id={supplier_id}"),
            &buyer,
        )
        .await
        .json;
    let texts: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2, "{notes}");
    assert!(
        texts.contains(&"first") && texts.contains(&"last"),
        "{notes}"
    );
    // Sent again (the answer was lost): nothing applies twice; the recorded rejection
    // comes back as the first outcome.
    let again = app.post("/api/sync", json!({"ops": ops}), &buyer).await;
    let statuses: Vec<&str> = again.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "duplicate",
            "duplicate",
            "rejected",
            "rejected",
            "duplicate",
            "rejected",
            "duplicate"
        ],
        "{}",
        again.json
    );
    assert_eq!(again.json["results"][1]["detail"]["status"], "rejected");
    let notes = app
        .get(
            &format!("/api/visit-notes?supplier_id={supplier_id}"),
            &buyer,
        )
        .await
        .json;
    assert_eq!(notes.as_array().unwrap().len(), 2, "{notes}");
}
