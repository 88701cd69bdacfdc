//! Offline sync (issue 5, server side): exactly-once ops, conflicts, server-clock rules,
//! visit notes with photos, the incremental changes feed.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{quote_every_line, sync_op, Session, TestApp};

async fn sync(app: &TestApp, s: &Session, ops: &[Value]) -> crate::harness::Response {
    app.post("/api/sync", json!({"ops": ops}), s).await
}

struct World {
    app: TestApp,
    buyer: Session,
    northwind: Session,
    kestrel: Session,
    rfq: Value,
}

async fn world() -> World {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let rfq = app.first_rfq(&buyer).await;
    World {
        northwind: app.login("sales@northwind.example").await,
        kestrel: app.login("quotes@kestrel.example").await,
        app,
        buyer,
        rfq,
    }
}

async fn versions(w: &World, s: &Session) -> Vec<Value> {
    w.app
        .get(
            &format!("/api/rfqs/{}/quote", w.rfq["id"].as_str().unwrap()),
            s,
        )
        .await
        .json["versions"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_replayed_op_is_applied_once_and_answered_as_duplicate() {
    let w = world().await;
    let o = sync_op(
        "quote.submit",
        json!({"rfq_id": w.rfq["id"], "base_version": null, "quote": quote_every_line(&w.rfq, "0.61")}),
    );
    let first = sync(&w.app, &w.northwind, std::slice::from_ref(&o)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.json);
    assert_eq!(
        first.json["results"][0]["status"], "applied",
        "{}",
        first.json
    );
    let receipt = first.json["results"][0]["detail"].clone();
    assert_eq!(receipt["version"], 1);
    // The response was "lost": the device sends the same op again.
    let again = sync(&w.app, &w.northwind, std::slice::from_ref(&o)).await;
    assert_eq!(again.json["results"][0]["status"], "duplicate");
    assert_eq!(
        again.json["results"][0]["detail"]["detail"], receipt,
        "the first outcome is returned"
    );
    assert_eq!(versions(&w, &w.northwind).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_replays_of_one_op_apply_it_once() {
    let w = std::sync::Arc::new(world().await);
    let o = sync_op(
        "quote.submit",
        json!({"rfq_id": w.rfq["id"], "base_version": null, "quote": quote_every_line(&w.rfq, "0.61")}),
    );
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let (w, o) = (w.clone(), o.clone());
        tasks.push(tokio::spawn(async move {
            sync(&w.app, &w.northwind, &[o]).await.json["results"][0]["status"]
                .as_str()
                .unwrap()
                .to_string()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(
        statuses,
        vec![
            "applied",
            "duplicate",
            "duplicate",
            "duplicate",
            "duplicate",
            "duplicate"
        ]
    );
    assert_eq!(versions(&w, &w.northwind).await.len(), 1);
}

#[tokio::test]
async fn a_server_side_change_meanwhile_is_a_conflict_with_both_versions() {
    let w = world().await;
    let rfq_id = w.rfq["id"].as_str().unwrap().to_string();
    // v1 online; the device edited offline knowing v1 …
    w.app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{rfq_id}/quote"),
            Some(quote_every_line(&w.rfq, "0.61")),
            Some(&w.northwind),
        )
        .await;
    // … while a colleague submitted v2 online.
    w.app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{rfq_id}/quote"),
            Some(quote_every_line(&w.rfq, "0.59")),
            Some(&w.northwind),
        )
        .await;
    let stale = sync_op(
        "quote.submit",
        json!({"rfq_id": rfq_id, "base_version": 1, "quote": quote_every_line(&w.rfq, "0.57")}),
    );
    let r = sync(&w.app, &w.northwind, &[stale]).await;
    let res = &r.json["results"][0];
    assert_eq!(res["status"], "conflict", "{}", r.json);
    assert_eq!(res["code"], "changed_on_server");
    assert_eq!(res["detail"]["server"]["receipt"]["version"], 2);
    assert_eq!(
        res["detail"]["server"]["quote"]["lines"][0]["breaks"][0]["price"],
        "0.59"
    );
    assert_eq!(
        res["detail"]["mine"]["lines"][0]["breaks"][0]["price"],
        "0.57"
    );
    assert_eq!(
        versions(&w, &w.northwind).await.len(),
        2,
        "nothing overwritten"
    );
    // Keeping mine = a new op based on the server's version.
    let keep = sync_op(
        "quote.submit",
        json!({"rfq_id": rfq_id, "base_version": 2, "quote": quote_every_line(&w.rfq, "0.57")}),
    );
    assert_eq!(
        sync(&w.app, &w.northwind, &[keep]).await.json["results"][0]["status"],
        "applied"
    );
    // An offline edit that knew no version at all conflicts too.
    let blind = sync_op(
        "quote.submit",
        json!({"rfq_id": rfq_id, "base_version": null, "quote": quote_every_line(&w.rfq, "0.50")}),
    );
    assert_eq!(
        sync(&w.app, &w.northwind, &[blind]).await.json["results"][0]["status"],
        "conflict"
    );
    // The same quote the server already holds as its newest version (an online submit
    // whose answer was lost, queued again from the device) is no conflict and no new
    // version: the answer is that version's receipt.
    let again = sync_op(
        "quote.submit",
        json!({"rfq_id": rfq_id, "base_version": 1, "quote": quote_every_line(&w.rfq, "0.57")}),
    );
    let r = sync(&w.app, &w.northwind, &[again]).await;
    assert_eq!(r.json["results"][0]["status"], "applied", "{}", r.json);
    assert_eq!(r.json["results"][0]["detail"]["version"], 3);
    assert_eq!(versions(&w, &w.northwind).await.len(), 3);
}

#[tokio::test]
async fn a_submit_made_offline_after_the_deadline_is_refused_by_the_server_clock() {
    let w = world().await;
    sqlx::query("UPDATE rfqs SET deadline = $1")
        .bind(chrono::Utc::now().timestamp_millis() - 60_000)
        .execute(&w.app.db.pool)
        .await
        .unwrap();
    let late = sync_op(
        "quote.submit",
        json!({"rfq_id": w.rfq["id"], "base_version": null, "quote": quote_every_line(&w.rfq, "0.61")}),
    );
    let r = sync(&w.app, &w.kestrel, std::slice::from_ref(&late)).await;
    let res = &r.json["results"][0];
    assert_eq!(
        (res["status"].as_str(), res["code"].as_str()),
        (Some("rejected"), Some("deadline_passed")),
        "{}",
        r.json
    );
    let message = res["message"].as_str().unwrap();
    assert!(message.contains("The deadline has passed"), "{message}");
    // Said for the person: when they made it, when it arrived, whose clock counts.
    assert!(
        message.starts_with("Not accepted: this change was made on your device at ")
            && message.contains("after the deadline (the server's clock decides)"),
        "{message}"
    );
    let again = sync(&w.app, &w.kestrel, &[late]).await;
    assert_eq!(again.json["results"][0]["status"], "duplicate");
    assert_eq!(
        again.json["results"][0]["detail"]["code"],
        "deadline_passed"
    );
    assert!(versions(&w, &w.kestrel).await.is_empty());
}

#[tokio::test]
async fn visit_notes_with_photos_and_quotes_entered_for_a_supplier() {
    let w = world().await;
    let sid = w.rfq["invited"][0]["supplier_id"]
        .as_str()
        .unwrap()
        .to_string();
    let jpeg = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        b"\xff\xd8\xff\xe0fake-jpeg",
    );
    let note_id = uuid::Uuid::new_v4().to_string();
    let photo_id = uuid::Uuid::new_v4().to_string();
    let n = sync_op(
        "visit_note.create",
        json!({"note_id": note_id, "supplier_id": sid, "rfq_id": w.rfq["id"], "text": "Saw the new press line; 400 t.", "taken_at": "2026-11-23T10:15:00+01:00",
               "photos": [{"photo_id": photo_id, "content_type": "image/jpeg", "data_base64": jpeg}]}),
    );
    let bad = sync_op(
        "visit_note.create",
        json!({"note_id": "x", "supplier_id": sid, "text": "", "taken_at": "today", "photos": [{"photo_id": "p", "content_type": "image/gif", "data_base64": "!!"}]}),
    );
    let entered = sync_op(
        "quote.enter_for_supplier",
        json!({"rfq_id": w.rfq["id"], "supplier_id": sid, "base_version": null, "quote": quote_every_line(&w.rfq, "0.66")}),
    );
    let r = sync(&w.app, &w.buyer, &[n.clone(), bad, entered]).await;
    let res = r.json["results"].as_array().unwrap();
    assert_eq!(res[0]["status"], "applied", "{}", r.json);
    assert_eq!(res[1]["status"], "rejected");
    let fields = res[1]["detail"]["fields"].as_object().unwrap();
    for f in [
        "text",
        "taken_at",
        "note_id",
        "photos[0].content_type",
        "photos[0].data_base64",
    ] {
        assert!(fields.contains_key(f), "{f} missing in {fields:?}");
    }
    assert_eq!(res[2]["status"], "applied", "{}", res[2]);
    assert_eq!(
        sync(&w.app, &w.buyer, &[n]).await.json["results"][0]["status"],
        "duplicate"
    );
    let notes = w
        .app
        .get(&format!("/api/visit-notes?supplier_id={sid}"), &w.buyer)
        .await
        .json;
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["photos"][0]["id"], photo_id.as_str());
    let img = w
        .app
        .get(
            &format!("/api/visit-notes/{note_id}/photos/{photo_id}"),
            &w.buyer,
        )
        .await;
    assert_eq!(img.headers["content-type"], "image/jpeg");
    // The entered quote is marked as the buyer's capture in the audit trail.
    let audit = w
        .app
        .get("/api/audit?limit=5", &w.buyer)
        .await
        .json
        .to_string();
    assert!(audit.contains("quote.enter_for_supplier"), "{audit}");
    // …and on the version the buyer sees in the responses.
    let responses = w
        .app
        .get(
            &format!("/api/rfqs/{}/quotes", w.rfq["id"].as_str().unwrap()),
            &w.buyer,
        )
        .await
        .json;
    let mine = responses["responses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["supplier_id"] == sid.as_str())
        .unwrap()
        .clone();
    assert_eq!(mine["current"]["entered_by_buyer"], true, "{responses}");
    // Suppliers neither read notes nor enter quotes for others.
    assert_eq!(
        w.app.get("/api/visit-notes", &w.northwind).await.status,
        StatusCode::FORBIDDEN
    );
    let sneaky = sync_op(
        "quote.enter_for_supplier",
        json!({"rfq_id": w.rfq["id"], "supplier_id": sid, "base_version": null, "quote": quote_every_line(&w.rfq, "9")}),
    );
    assert_eq!(
        sync(&w.app, &w.northwind, &[sneaky]).await.json["results"][0]["code"],
        "forbidden"
    );
}

#[tokio::test]
async fn bad_batches_are_refused() {
    let w = world().await;
    let too_many: Vec<Value> = (0..201)
        .map(|_| sync_op("visit_note.create", json!({})))
        .collect();
    assert_eq!(
        sync(&w.app, &w.buyer, &too_many).await.code(),
        "too_many_ops"
    );
    // An op id that is not a UUID is that op's rejection (issue 10, L6), not recorded.
    let mut bad_id = sync_op("visit_note.create", json!({}));
    bad_id["op_id"] = json!("1");
    let r = sync(&w.app, &w.buyer, &[bad_id]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["results"][0]["status"], "rejected", "{}", r.json);
    assert!(
        r.json["results"][0]["detail"]["fields"]["ops[0].op_id"].is_string(),
        "{}",
        r.json
    );
    let unknown = sync(&w.app, &w.buyer, &[sync_op("part.delete", json!({}))]).await;
    assert_eq!(unknown.json["results"][0]["code"], "unknown_op");
}

#[tokio::test]
async fn the_changes_feed_is_incremental_and_shows_suppliers_only_their_share() {
    let w = world().await;
    let rfq_id = w.rfq["id"].as_str().unwrap().to_string();
    let start = w.app.get("/api/changes", &w.buyer).await.json;
    let cursor = start["cursor"].as_str().unwrap().to_string();
    assert!(!start["changes"].as_array().unwrap().is_empty(), "{start}");
    // The cursors of each reader, before anything happens.
    let nw_cursor = w.app.get("/api/changes", &w.northwind).await.json["cursor"]
        .as_str()
        .unwrap()
        .to_string();
    let ke_cursor = w.app.get("/api/changes", &w.kestrel).await.json["cursor"]
        .as_str()
        .unwrap()
        .to_string();
    w.app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{rfq_id}/quote"),
            Some(quote_every_line(&w.rfq, "0.61")),
            Some(&w.kestrel),
        )
        .await;
    let q = w
        .app
        .post(
            &format!("/api/rfqs/{rfq_id}/clarifications"),
            json!({"text": "Packaging?"}),
            &w.kestrel,
        )
        .await
        .json;
    w.app
        .post(
            &format!(
                "/api/rfqs/{rfq_id}/clarifications/{}/answer",
                q["id"].as_str().unwrap()
            ),
            json!({"text": "Returnable crates."}),
            &w.buyer,
        )
        .await;
    let buyer_view = w
        .app
        .get(&format!("/api/changes?since={cursor}"), &w.buyer)
        .await
        .json;
    let actions: Vec<&str> = buyer_view["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["clarification.answer"],
        "one entry per entity, the newest: {buyer_view}"
    );
    assert_ne!(buyer_view["cursor"].as_str().unwrap(), cursor);
    // Northwind learns of the shared answer, not of Kestrel's quote or question.
    let nw = w
        .app
        .get(&format!("/api/changes?since={nw_cursor}"), &w.northwind)
        .await
        .json;
    assert_eq!(nw["changes"].as_array().unwrap().len(), 1, "{nw}");
    assert_eq!(nw["changes"][0]["action"], "clarification.answer");
    let nw_all = w
        .app
        .get("/api/changes", &w.northwind)
        .await
        .json
        .to_string();
    assert!(
        !nw_all.contains("quote.submit") && !nw_all.contains("clarification.ask"),
        "{nw_all}"
    );
    // Kestrel sees its own quote among its changes (the entity is the RFQ).
    let ke = w
        .app
        .get(&format!("/api/changes?since={ke_cursor}"), &w.kestrel)
        .await
        .json;
    assert_eq!(ke["changes"][0]["entity_id"], rfq_id.as_str());
    assert_eq!(
        w.app.get("/api/changes?since=abc", &w.buyer).await.code(),
        "bad_cursor"
    );
}

/// Issue 10, L1: a supplier's changes cursor used to be the audit trail's global
/// sequence number, so a sealed bidder polling the feed could count its rivals' bids.
/// Now it names the last change shown to that reader: a rival's activity does not move
/// it, and it cannot be read, swapped between readers or forged.
#[tokio::test]
async fn a_suppliers_cursor_does_not_move_when_a_rival_acts() {
    let w = world().await;
    let rfq_id = w.rfq["id"].as_str().unwrap().to_string();
    let first = w.app.get("/api/changes", &w.northwind).await.json;
    let c0 = first["cursor"].as_str().unwrap().to_string();
    assert!(!c0.chars().all(|c| c.is_ascii_digit()), "opaque: {c0}");
    // Kestrel, a rival on the same sealed RFQ, bids three times, asks, withdraws…
    for price in ["0.61", "0.60", "0.59"] {
        let r = w
            .app
            .call(
                Method::PUT,
                &format!("/api/rfqs/{rfq_id}/quote"),
                Some(quote_every_line(&w.rfq, price)),
                Some(&w.kestrel),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    }
    w.app
        .post(
            &format!("/api/rfqs/{rfq_id}/clarifications"),
            json!({"text": "Packaging?"}),
            &w.kestrel,
        )
        .await;
    // …and signs in again: the buyer's side acts on other suppliers too.
    w.app.login("quotes@kestrel.example").await;
    let again = w
        .app
        .get(&format!("/api/changes?since={c0}"), &w.northwind)
        .await
        .json;
    assert_eq!(again["cursor"], c0.as_str(), "{again}");
    assert!(again["changes"].as_array().unwrap().is_empty(), "{again}");
    assert_eq!(again["more"], false);
    // From the start, too, the same cursor: nothing in it depends on the rival.
    let fresh = w.app.get("/api/changes", &w.northwind).await.json;
    assert_eq!(fresh["cursor"], c0.as_str(), "{fresh}");
    assert_eq!(fresh["changes"], first["changes"]);
    // What Northwind shares moves it: the buyer extends the deadline.
    let r = w
        .app
        .post(
            &format!("/api/rfqs/{rfq_id}/extend"),
            json!({"deadline": crate::harness::in_hours(24 * 30), "reason": "Holidays"}),
            &w.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let moved = w
        .app
        .get(&format!("/api/changes?since={c0}"), &w.northwind)
        .await
        .json;
    assert_ne!(moved["cursor"], c0.as_str(), "{moved}");
    assert_eq!(moved["changes"][0]["action"], "rfq.extend", "{moved}");
    assert!(moved["changes"][0].get("seq").is_none(), "{moved}");
    // A cursor is its reader's own: Kestrel cannot use Northwind's.
    let r = w
        .app
        .get(&format!("/api/changes?since={c0}"), &w.kestrel)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json);
    assert_eq!(r.code(), "bad_cursor");
    // A cursor from before (a global sequence number) starts the reader over cleanly,
    // whatever number it holds: everything it may see, and a new cursor.
    for old in ["0", "3", "999999"] {
        let r = w
            .app
            .get(&format!("/api/changes?since={old}"), &w.northwind)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json);
        assert_eq!(r.json["cursor"], moved["cursor"], "{old}: {}", r.json);
    }
}

/// `POST /api/sync` with `body` as it is.
async fn sync_raw(app: &TestApp, s: &Session, body: Vec<u8>) -> crate::harness::Response {
    app.post_raw("/api/sync", "application/json", body, s).await
}

/// The process's peak resident memory in KiB (Linux), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Issue 10: a 60 MB body made the server use 2.1 GB (the payloads became
/// `serde_json::Value`). Bodies are bounded, payloads are read typed, and each bound
/// answers in the error shape saying the limit.
#[tokio::test]
async fn sync_bodies_are_bounded_and_read_in_proportion_to_their_size() {
    let w = world().await;
    let sid = w.rfq["invited"][0]["supplier_id"].clone();
    // Over the body limit: 413 naming it, before anything is parsed.
    let huge = format!(
        "{{\"ops\":[{}]}}",
        sync_op(
            "visit_note.create",
            json!({"text": "x".repeat(api::SYNC_MAX_BODY_BYTES)})
        )
    );
    let r = sync_raw(&w.app, &w.buyer, huge.into_bytes()).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.json);
    assert_eq!(r.code(), "payload_too_large");
    let mib = api::SYNC_MAX_BODY_BYTES / (1024 * 1024);
    assert!(
        r.json["message"]
            .as_str()
            .unwrap()
            .contains(&format!("{mib} MiB")),
        "{}",
        r.json
    );

    // The shape that took gigabytes: payloads of millions of tiny values (here two ops
    // of 15.5 MiB each, 16 million numbers). They are read as text, then refused as those
    // ops' payloads; the ops are recorded (a replay is a duplicate) and the next op of the
    // batch is applied.
    let before = peak_rss_kib();
    let values = (api::SYNC_MAX_OP_BYTES - 512 * 1024) / 2;
    let mut bomb = String::with_capacity(2 * values + 2);
    bomb.push('[');
    for i in 0..values {
        if i > 0 {
            bomb.push(',');
        }
        bomb.push('0');
    }
    bomb.push(']');
    let bomb_ops: Vec<Value> = (0..2)
        .map(|_| sync_op("visit_note.create", Value::Null))
        .collect();
    let bomb_id = bomb_ops[0]["op_id"].as_str().unwrap().to_string();
    let note = sync_op(
        "visit_note.create",
        json!({"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": sid,
               "text": "After the bomb", "taken_at": chrono::Utc::now().to_rfc3339(), "photos": []}),
    );
    let with_bomb = |o: &Value| {
        o.to_string()
            .replace("\"payload\":null", &format!("\"payload\":{bomb}"))
    };
    let body = format!(
        "{{\"ops\":[{},{},{}]}}",
        with_bomb(&bomb_ops[0]),
        with_bomb(&bomb_ops[1]),
        note
    );
    drop(bomb);
    assert!(body.len() < api::SYNC_MAX_BODY_BYTES, "{}", body.len());
    let r = sync_raw(&w.app, &w.buyer, body.into_bytes()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    for i in 0..2 {
        assert_eq!(r.json["results"][i]["status"], "rejected", "{}", r.json);
        assert_eq!(r.json["results"][i]["code"], "invalid_payload");
    }
    assert_eq!(r.json["results"][2]["status"], "applied", "{}", r.json);
    if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
        // As `serde_json::Value` these payloads took over a GiB; read as text they cost
        // a few copies of the 31 MiB body.
        let grew_mib = after.saturating_sub(before) / 1024;
        assert!(grew_mib < 400, "peak memory grew by {grew_mib} MiB");
    }
    let again = sync(&w.app, &w.buyer, &[json!({"op_id": bomb_id, "kind": "visit_note.create", "created_at": chrono::Utc::now().to_rfc3339(), "payload": {}})]).await;
    assert_eq!(
        again.json["results"][0]["status"], "duplicate",
        "{}",
        again.json
    );

    // One op over the per-op limit (within the body limit): that op is rejected with
    // the limit in its message, recorded; the others go on.
    let big = sync_op(
        "visit_note.create",
        json!({"text": "x".repeat(api::SYNC_MAX_OP_BYTES + 1)}),
    );
    let small = sync_op(
        "visit_note.create",
        json!({"note_id": uuid::Uuid::new_v4().to_string(), "supplier_id": sid,
               "text": "Small", "taken_at": chrono::Utc::now().to_rfc3339(), "photos": []}),
    );
    let r = sync(&w.app, &w.buyer, &[big, small]).await;
    assert_eq!(r.json["results"][0]["code"], "op_too_large", "{}", r.json);
    let op_mib = api::SYNC_MAX_OP_BYTES / (1024 * 1024);
    assert!(r.json["results"][0]["message"]
        .as_str()
        .unwrap()
        .contains(&format!("{op_mib} MiB")));
    assert_eq!(r.json["results"][1]["status"], "applied", "{}", r.json);

    // Many ops: counted past the limit, not kept.
    let one = sync_op("visit_note.create", json!({})).to_string();
    let many = format!("{{\"ops\":[{}]}}", vec![one.as_str(); 50_000].join(","));
    let r = sync_raw(&w.app, &w.buyer, many.into_bytes()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json);
    assert_eq!(r.code(), "too_many_ops");
    assert!(
        r.json["message"].as_str().unwrap().contains("50000"),
        "{}",
        r.json
    );

    // Deep nesting: in a payload or as an op, that op's rejection; around the ops, a 4xx
    // in the error shape. Never a crash or a 500.
    let depth = 200_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deep_op = sync_op("quote.submit", Value::Null)
        .to_string()
        .replace("\"payload\":null", &format!("\"payload\":{deep}"));
    let r = sync_raw(
        &w.app,
        &w.buyer,
        format!("{{\"ops\":[{deep_op}]}}").into_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["results"][0]["status"], "rejected", "{}", r.json);
    let r = sync_raw(&w.app, &w.buyer, format!("{{\"ops\":{deep}}}").into_bytes()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["results"][0]["status"], "rejected", "{}", r.json);
    let r = sync_raw(
        &w.app,
        &w.buyer,
        format!("{{\"ops\":{{\"a\":{deep}}}}}").into_bytes(),
    )
    .await;
    assert!(r.status.is_client_error(), "{} {}", r.status, r.json);
    assert!(r.json["code"].is_string(), "{}", r.json);
    // NUL deep inside a payload is still found and named, as that op's rejection.
    let nul = sync_op("visit_note.create", json!({"text": "a\u{0}b"}));
    let r = sync_raw(
        &w.app,
        &w.buyer,
        json!({"ops": [nul]}).to_string().into_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert!(
        r.json["results"][0]["detail"]["fields"]["payload.text"].is_string(),
        "{}",
        r.json
    );
}
