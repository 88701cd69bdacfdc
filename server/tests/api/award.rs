//! Closing bidding early, awarding, and the buyer-internal reference prices (last price,
//! should-cost) that feed the comparison's deltas (issue 4, buyer side).

use axum::http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::harness::{id_named, in_hours, Response, Session, TestApp};

struct Setup {
    app: TestApp,
    buyer: Session,
    northwind: Session,
    kestrel: Session,
    orion: Session,
    rfq: String,
    number: String,
    lines: Vec<String>,
    part: String,
    rev_b: String,
    nw: String,
    ke: String,
    or: String,
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap().to_string()
}

fn dec(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

/// A sealed RFQ for BRK-2208 rev B (line 1, 3 breaks) and HSG-1040 (line 2, line
/// should-cost override 3.00 USD), inviting all three demo suppliers. Not opened yet.
async fn setup() -> Setup {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sups = app.get("/api/suppliers", &buyer).await.json;
    let sid = |name: &str| id_named(&sups, name);
    let parts = app.get("/api/parts", &buyer).await.json;
    let part_of = |n: &str| {
        parts
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["number"] == n)
            .unwrap()
            .clone()
    };
    let brk = part_of("BRK-2208");
    let rev_b = str_of(&revision(&brk, "B")["id"]);
    let (nw, ke, or) = (
        sid("Northwind Metal Works"),
        sid("Kestrel Plastics"),
        sid("Orion Stamping"),
    );
    let r = app
        .post(
            "/api/rfqs",
            json!({
                "title": "Brackets and housings",
                "currency": "USD",
                "incoterm": "FCA Chicago",
                "payment_terms": "Net 60",
                "deadline": in_hours(4),
                "sealed": true,
                "lines": [
                    {"part_id": brk["id"], "revision": "B", "quantities": ["500", "2000", "5000"], "annual_volume": "24000"},
                    {"part_id": part_of("HSG-1040")["id"], "quantities": ["500", "2000"], "should_cost": "3.00"}
                ],
                "supplier_ids": [nw, ke, or]
            }),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    Setup {
        northwind: app.login("sales@northwind.example").await,
        kestrel: app.login("quotes@kestrel.example").await,
        orion: app.login("rep@orion.example").await,
        rfq: str_of(&r.json["id"]),
        number: str_of(&r.json["number"]),
        lines: r.json["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| str_of(&l["id"]))
            .collect(),
        part: str_of(&brk["id"]),
        rev_b,
        nw,
        ke,
        or,
        app,
        buyer,
    }
}

async fn open(s: &Setup) {
    s.app.open_rfq(&s.rfq, &s.buyer).await;
}

fn header() -> Value {
    json!({
        "currency": "USD",
        "valid_until": "2027-06-30",
        "incoterm": "FCA",
        "incoterm_place": "Chicago",
        "payment_terms": {"text": "Net 60", "net_days": 60, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
        "freight": {"kind": "included"},
        "reference": "Q-1"
    })
}

fn priced(line: &str, prices: &[(&str, &str)]) -> Value {
    json!({
        "rfq_line_id": line,
        "breaks": prices.iter().map(|(q, p)| json!({"min_qty": q, "price": p})).collect::<Vec<_>>(),
        "price_basis_qty": "1",
        "lead_time_days": 30
    })
}

fn no_bid(line: &str) -> Value {
    json!({"rfq_line_id": line, "breaks": [], "price_basis_qty": "1", "no_bid": true, "no_bid_reason": "not our process"})
}

async fn quote(s: &Setup, who: &Session, lines: Vec<Value>) {
    let r = s
        .app
        .put(
            &format!("/api/rfqs/{}/quote", s.rfq),
            json!({"header": header(), "lines": lines}),
            who,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
}

/// Northwind prices line 1 and declines line 2; Kestrel prices both; Orion prices line 1
/// high.
async fn three_quotes(s: &Setup) {
    let (l1, l2) = (s.lines[0].as_str(), s.lines[1].as_str());
    quote(
        s,
        &s.northwind,
        vec![
            priced(l1, &[("500", "0.62"), ("2000", "0.55"), ("5000", "0.49")]),
            no_bid(l2),
        ],
    )
    .await;
    quote(
        s,
        &s.kestrel,
        vec![
            priced(l1, &[("500", "0.66"), ("2000", "0.58"), ("5000", "0.52")]),
            priced(l2, &[("500", "3.10"), ("2000", "2.90")]),
        ],
    )
    .await;
    quote(
        s,
        &s.orion,
        vec![priced(
            l1,
            &[("500", "0.91"), ("2000", "0.87"), ("5000", "0.83")],
        )],
    )
    .await;
}

async fn close(s: &Setup, reason: &str) -> Response {
    with_reason(s, "close", reason, &s.buyer).await
}

/// `POST /api/rfqs/{id}/{action}` with `{reason}`, as `who`.
async fn with_reason(s: &Setup, action: &str, reason: &str, who: &Session) -> Response {
    s.app
        .post(
            &format!("/api/rfqs/{}/{action}", s.rfq),
            json!({ "reason": reason }),
            who,
        )
        .await
}

async fn award(s: &Setup, body: Value) -> Response {
    s.app
        .post(&format!("/api/rfqs/{}/award", s.rfq), body, &s.buyer)
        .await
}

async fn audit(s: &Setup) -> String {
    s.app
        .get("/api/audit?limit=20", &s.buyer)
        .await
        .json
        .to_string()
}

async fn message_bodies(s: &Setup, kind: &str, supplier: &str) -> Vec<String> {
    sqlx::query(
        "SELECT subject, body FROM messages WHERE rfq_id = $1 AND kind = $2 AND supplier_id = $3",
    )
    .bind(&s.rfq)
    .bind(kind)
    .bind(supplier)
    .fetch_all(&s.app.db.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| {
        let subject: String = sqlx::Row::get(r, "subject");
        let body: String = sqlx::Row::get(r, "body");
        format!("{subject}\n{body}")
    })
    .collect()
}

/// The revision labelled `label` of a part.
fn revision(part: &Value, label: &str) -> Value {
    part["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["label"] == label)
        .unwrap()
        .clone()
}

/// Buyer-entered revision costs: should-cost 0.40 EUR (at 1.10 USD per EUR → 0.44 USD)
/// and a last price of 0.70 USD entered by hand.
async fn set_revision_costs(s: &Setup) {
    s.app.set_eur_rate("1.10", "2026-11-02", &s.buyer).await;
    let r = s
        .app
        .patch(
            &format!("/api/parts/{}/revisions/{}", s.part, s.rev_b),
            json!({
                "should_cost": {"amount": "0.40", "currency": "EUR"},
                "last_price": {"amount": "0.70", "currency": "USD", "on": "2026-01-15"}
            }),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let b = revision(&r.json, "B");
    assert_eq!(
        b["should_cost"],
        json!({"amount": "0.4", "currency": "EUR"})
    );
    assert_eq!(b["last_price"]["amount"], "0.7");
    assert_eq!(b["last_price"]["source"], "manual");
    assert_eq!(b["last_price"]["on"], "2026-01-15");
}

#[tokio::test]
async fn close_early_once_everyone_responded() {
    let s = setup().await;
    // A draft cannot be closed.
    let r = close(&s, "").await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "lifecycle"));
    assert!(r.json["message"].as_str().unwrap().contains("draft"));
    open(&s).await;
    let sealed = s
        .app
        .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
        .await;
    assert_eq!(sealed.status, StatusCode::CONFLICT);

    three_quotes(&s).await;
    // Northwind withdraws: not everyone has a current quote any more, so a reason is needed.
    let w = s
        .app
        .post(
            &format!("/api/rfqs/{}/quote/withdraw", s.rfq),
            json!(null),
            &s.northwind,
        )
        .await;
    assert_eq!(w.status, StatusCode::OK, "{}", w.json);
    let r = close(&s, " ").await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::CONFLICT, "lifecycle"),
        "{}",
        r.json
    );
    assert_eq!(
        r.json["message"],
        "Not every invited supplier has responded; give a reason to close bidding early."
    );
    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    assert_eq!(detail["responded"].as_array().unwrap().len(), 2, "{detail}");

    // A decline (all lines no-bid) is a response.
    quote(
        &s,
        &s.northwind,
        vec![no_bid(&s.lines[0]), no_bid(&s.lines[1])],
    )
    .await;
    let before = chrono::Utc::now();
    let r = close(&s, "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["status"], "closed");
    let deadline = chrono::DateTime::parse_from_rfc3339(r.json["deadline"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert!(
        deadline >= before - chrono::Duration::seconds(1)
            && deadline <= chrono::Utc::now() + chrono::Duration::seconds(1),
        "the deadline is now by the server clock: {deadline}"
    );

    // Sealing opened: the comparison is there, quotes can no longer change.
    let c = s
        .app
        .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.json);
    let late = s
        .app
        .put(
            &format!("/api/rfqs/{}/quote", s.rfq),
            json!({"header": header(), "lines": [priced(&s.lines[0], &[("500", "0.10")])]}),
            &s.orion,
        )
        .await;
    assert_eq!(
        (late.status, late.code()),
        (StatusCode::CONFLICT, "deadline_passed")
    );
    // Everyone invited is told, once per contact.
    for sup in [&s.nw, &s.ke, &s.or] {
        let m = message_bodies(&s, "rfq.close", sup).await;
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("bidding closed"), "{m:?}");
    }
    let a = audit(&s).await;
    assert!(
        a.contains("rfq.close") && a.contains("every invited supplier responded"),
        "{a}"
    );
    // Closing twice: no longer open.
    let again = close(&s, "x").await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.json["message"].as_str().unwrap().contains("closed"));
    // Suppliers cannot close.
    let r = with_reason(&s, "close", "x", &s.kestrel).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn close_early_with_a_reason_when_not_everyone_responded() {
    let s = setup().await;
    open(&s).await;
    quote(
        &s,
        &s.kestrel,
        vec![priced(&s.lines[0], &[("500", "0.66")])],
    )
    .await;
    let r = close(
        &s,
        "Board meets tomorrow; two suppliers confirmed by phone they pass",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["status"], "closed");
    let stored: String = sqlx::Row::get(
        &sqlx::query("SELECT reason FROM rfq_deadline_changes WHERE rfq_id = $1")
            .bind(&s.rfq)
            .fetch_one(&s.app.db.pool)
            .await
            .unwrap(),
        "reason",
    );
    assert_eq!(
        stored,
        "Board meets tomorrow; two suppliers confirmed by phone they pass"
    );
    assert!(audit(&s).await.contains("Board meets tomorrow"));
    // The buyer's reason is not sent to the suppliers.
    let m = message_bodies(&s, "rfq.close", &s.or).await;
    assert_eq!(m.len(), 1);
    assert!(!m[0].contains("Board"), "{m:?}");
}

#[tokio::test]
async fn reference_prices_feed_the_comparison_deltas() {
    let s = setup().await;
    set_revision_costs(&s).await;
    open(&s).await;
    three_quotes(&s).await;
    assert_eq!(close(&s, "").await.status, StatusCode::OK);

    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    let l1 = &detail["lines"][0];
    assert_eq!(l1["last_price"]["amount"], "0.7");
    assert_eq!(l1["last_price"]["from"], "revision");
    assert_eq!(l1["last_price"]["source"], "manual");
    assert_eq!(l1["should_cost"]["amount"], "0.44", "0.40 EUR × 1.10");
    assert_eq!(l1["should_cost"]["fx_rate"], "1.1");
    assert_eq!(l1["should_cost"]["fx_as_of"], "2026-11-02");
    assert_eq!(detail["lines"][1]["should_cost"]["from"], "line");
    assert_eq!(detail["lines"][1]["should_cost"]["amount"], "3");
    assert!(detail["lines"][1].get("last_price").is_none());

    let c = s
        .app
        .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.json);
    assert_eq!(
        dec(&c.json["rfq"]["lines"][0]["last_price"]),
        Decimal::new(7, 1)
    );
    assert_eq!(
        dec(&c.json["rfq"]["lines"][0]["should_cost"]),
        Decimal::new(44, 2)
    );
    let line1 = &c.json["leveled"]["lines"][0]["breaks"][0]["cells"];
    // Issue 13: expected values worked out by hand (checked with Python's decimal module),
    // not by `domain::level::pct`. Net 60 at the default 8 % cost of capital:
    // landed = price × (1 − 0.08 × 60/365) = price × 0.98684932 (6 dp);
    // delta = (landed − reference) / reference × 100, 1 dp, half away from zero.
    //   Northwind 0.62 → 0.611847: (0.611847 − 0.70)/0.70 = −12.6 %; (… − 0.44)/0.44 = +39.1 %
    //   Kestrel   0.66 → 0.651321: −7.0 %; +48.0 %
    //   Orion     0.91 → 0.898033: +28.3 %; +104.1 %
    let expected = [
        (&s.nw, "0.611847", "-12.6", "39.1"),
        (&s.ke, "0.651321", "-7.0", "48.0"),
        (&s.or, "0.898033", "28.3", "104.1"),
    ];
    assert_eq!(line1.as_array().unwrap().len(), 3);
    for (supplier, landed, to_last, to_should) in expected {
        let cell = line1
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["supplier_id"] == supplier.as_str())
            .unwrap();
        assert_eq!(cell["breakdown"]["landed"], landed, "{cell}");
        assert_eq!(cell["delta_to_last_price_pct"], to_last, "{cell}");
        assert_eq!(cell["delta_to_should_cost_pct"], to_should, "{cell}");
    }
    // Line 2 has only a should-cost (the line's own 3.00): Kestrel at 3.10.
    let k2 = &c.json["leveled"]["lines"][1]["breaks"][0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["supplier_id"] == s.ke.as_str())
        .unwrap()
        .clone();
    assert!(k2["delta_to_last_price_pct"].is_null());
    // 3.10 × 0.98684932 = 3.059233; (3.059233 − 3)/3 = +2.0 %.
    assert_eq!(k2["breakdown"]["landed"], "3.059233");
    assert_eq!(k2["delta_to_should_cost_pct"], "2.0");

    // Without a rate the converted amount is unknown, and the delta stays empty.
    sqlx::query("DELETE FROM fx_rates")
        .execute(&s.app.db.pool)
        .await
        .unwrap();
    let d = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    assert!(d["lines"][0]["should_cost"]["amount"].is_null(), "{d}");
    assert_eq!(d["lines"][0]["should_cost"]["original"]["currency"], "EUR");
}

#[tokio::test]
async fn revision_cost_edits_are_checked() {
    let s = setup().await;
    let path = format!("/api/parts/{}/revisions/{}", s.part, s.rev_b);
    let r = s.app.patch(
        &path,
        json!({"should_cost": {"amount": "-1", "currency": "EURO"}, "last_price": {"amount": "1", "currency": "USD", "on": "2999-01-01"}}),
        &s.buyer,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    for f in [
        "should_cost.amount",
        "should_cost.currency",
        "last_price.on",
    ] {
        assert!(r.json["fields"].get(f).is_some(), "{f}: {}", r.json);
    }
    set_revision_costs(&s).await;
    // Absent stays, null clears.
    let r = s
        .app
        .patch(&path, json!({"should_cost": null}), &s.buyer)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let b = revision(&r.json, "B");
    assert!(b["should_cost"].is_null());
    assert_eq!(b["last_price"]["amount"], "0.7");
    assert!(audit(&s).await.contains("part.revision_costs"));
    // Suppliers and approvers cannot set costs.
    let r = s
        .app
        .patch(&path, json!({"should_cost": null}), &s.northwind)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let approver = s.app.login("approver@acme.example").await;
    let r = s
        .app
        .patch(&path, json!({"should_cost": null}), &approver)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn suppliers_never_see_reference_prices() {
    let s = setup().await;
    set_revision_costs(&s).await;
    open(&s).await;
    three_quotes(&s).await;
    let paths = [
        "/api/rfqs".to_string(),
        format!("/api/rfqs/{}", s.rfq),
        format!("/api/rfqs/{}/quote", s.rfq),
        format!("/api/rfqs/{}/clarifications", s.rfq),
        "/api/changes?since=0".to_string(),
    ];
    let scan = |body: &str, path: &str| {
        for secret in [
            "last_price",
            "should_cost",
            "\"0.7\"",
            "\"0.44\"",
            "\"0.4\"",
        ] {
            assert!(
                !body.contains(secret),
                "{path} shows a supplier {secret}: {body}"
            );
        }
    };
    for who in [&s.northwind, &s.kestrel, &s.orion] {
        for path in &paths {
            let r = s.app.get(path, who).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.json);
            scan(&r.json.to_string(), path);
        }
        assert_eq!(
            s.app.get("/api/parts", who).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            s.app
                .get(&format!("/api/rfqs/{}/comparison", s.rfq), who)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
    // Still true once closed and awarded.
    assert_eq!(close(&s, "").await.status, StatusCode::OK);
    let r = award(
        &s,
        json!({"lines": [{"rfq_line_id": s.lines[0], "supplier_id": s.kestrel.me["supplier_id"], "qty": "2000"}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    for who in [&s.northwind, &s.kestrel, &s.orion] {
        let path = format!("/api/rfqs/{}", s.rfq);
        scan(&s.app.get(&path, who).await.json.to_string(), &path);
    }
    // The buyer does see them.
    let b = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json
        .to_string();
    assert!(b.contains("last_price") && b.contains("should_cost"));
}

#[tokio::test]
async fn award_rules_effects_and_notices() {
    let s = setup().await;
    set_revision_costs(&s).await;
    open(&s).await;
    three_quotes(&s).await;
    let choice = |line: usize, sup: &str, qty: &str| json!({"rfq_line_id": s.lines[line], "supplier_id": sup, "qty": qty});
    // Before bidding closes: refused.
    let r = award(&s, json!({"lines": [choice(0, &s.nw, "2000")]})).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::CONFLICT, "lifecycle"),
        "{}",
        r.json
    );
    assert_eq!(
        r.json["message"],
        "Award once bidding has closed (this RFQ is open)."
    );
    assert_eq!(close(&s, "").await.status, StatusCode::OK);

    // Northwind declined line 2; a withdrawn or missing quote cannot win; breaks must exist.
    let r = award(
        &s,
        json!({"lines": [choice(0, &s.nw, "1000"), choice(1, &s.nw, "500")]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert!(r.json["fields"]["lines[0].qty"]
        .as_str()
        .unwrap()
        .contains("500, 2000, 5000"));
    assert!(r.json["fields"]["lines[1].supplier_id"]
        .as_str()
        .unwrap()
        .contains("declined line 2"));
    let r = award(&s, json!({"lines": [choice(1, &s.or, "500")]})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json["fields"]["lines[0].supplier_id"]
        .as_str()
        .unwrap()
        .contains("did not quote line 2"));
    // Nothing was stored by the refused attempts.
    let n: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM rfq_awards")
            .fetch_one(&s.app.db.pool)
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(n, 0);

    // Issue 11: the award is made with the settings the buyer levelled with, checked as
    // the comparison checks them, and keeps them.
    let settings = |capital: &str, outlier: &str| {
        json!({"base": "USD", "fx": [], "amortization_years": "2", "cost_of_capital_pct": capital,
               "outlier_ratio": outlier, "today": "2000-01-01"})
    };
    let r = award(
        &s,
        json!({"lines": [choice(0, &s.nw, "2000")], "settings": settings("0", "1")}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert_eq!(r.json["fields"]["outlier_ratio"], "greater than 1");

    let r = award(
        &s,
        json!({"lines": [choice(0, &s.nw, "2000"), choice(1, &s.ke, "500")], "note": "Northwind for steel, Kestrel for housings",
               "settings": settings("0", "20")}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    // No financing at 0 %: the landed cost is the price itself (freight included, no
    // tooling), not the 8 % default's 0.55 × (1 − 0.08 × 60/365).
    assert_eq!(r.json["award"]["lines"][0]["landed"], "0.55");
    assert_eq!(r.json["award"]["settings"]["cost_of_capital_pct"], "0");
    assert_ne!(
        r.json["award"]["settings"]["today"], "2000-01-01",
        "the server's day"
    );
    assert_eq!(r.json["status"], "awarded");
    let aw = &r.json["award"];
    assert_eq!(aw["note"], "Northwind for steel, Kestrel for housings");
    assert_eq!(aw["lines"][0]["supplier_name"], "Northwind Metal Works");
    assert_eq!(aw["lines"][0]["qty"], "2000");
    assert_eq!(aw["lines"][0]["unit_price"], "0.55");
    assert_eq!(aw["lines"][1]["supplier_name"], "Kestrel Plastics");
    assert_eq!(aw["lines"][1]["unit_price"], "3.1");
    assert!(aw["lines"][0]["landed"].is_string());

    // The revision's last price is now the awarded price, from this award.
    let part = s
        .app
        .get(&format!("/api/parts/{}", s.part), &s.buyer)
        .await
        .json;
    let b = revision(&part, "B");
    assert_eq!(b["last_price"]["amount"], "0.55");
    assert_eq!(b["last_price"]["currency"], "USD");
    assert_eq!(b["last_price"]["source"], "award");
    assert_eq!(b["last_price"]["rfq_number"], s.number.as_str());
    assert_eq!(
        b["last_price"]["on"],
        chrono::Utc::now().date_naive().to_string()
    );
    // This RFQ keeps the reference it was decided on.
    let c = s
        .app
        .get(&format!("/api/rfqs/{}/comparison", s.rfq), &s.buyer)
        .await
        .json;
    assert_eq!(dec(&c["rfq"]["lines"][0]["last_price"]), Decimal::new(7, 1));

    // Awarding again, cancelling, extending: it is final.
    let again = award(&s, json!({"lines": [choice(0, &s.ke, "500")]})).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let cancel = with_reason(&s, "cancel", "x", &s.buyer).await;
    assert_eq!(cancel.status, StatusCode::CONFLICT);

    // Each supplier learns its own result only.
    let nw_msgs = message_bodies(&s, "rfq.award", &s.nw).await;
    assert_eq!(nw_msgs.len(), 1, "{nw_msgs:?}");
    assert!(nw_msgs[0].contains("Line 1: BRK-2208 rev B, 2000 units at 0.55 USD"));
    assert!(!nw_msgs[0].contains("Line 2") && !nw_msgs[0].contains("Kestrel"));
    let ke_msgs = message_bodies(&s, "rfq.award", &s.ke).await;
    assert_eq!(ke_msgs.len(), 1);
    assert!(ke_msgs[0].contains("Line 2: HSG-1040") && !ke_msgs[0].contains("Northwind"));
    assert!(message_bodies(&s, "rfq.not_awarded", &s.nw)
        .await
        .is_empty());
    let or_msgs = message_bodies(&s, "rfq.not_awarded", &s.or).await;
    assert_eq!(or_msgs.len(), 1);
    for leak in ["Northwind", "Kestrel", "0.55", "3.1", "BRK-2208"] {
        assert!(!or_msgs[0].contains(leak), "{leak} in {or_msgs:?}");
    }
    assert!(message_bodies(&s, "rfq.award", &s.or).await.is_empty());

    // The supplier-visible RFQ answer carries each supplier's own result.
    let path = format!("/api/rfqs/{}", s.rfq);
    let nw_view = s.app.get(&path, &s.northwind).await.json;
    assert_eq!(nw_view["status"], "awarded");
    assert_eq!(nw_view["my_award"]["result"], "awarded");
    assert_eq!(nw_view["my_award"]["lines"].as_array().unwrap().len(), 1);
    assert_eq!(nw_view["my_award"]["lines"][0]["unit_price"], "0.55");
    assert!(nw_view.get("award").is_none());
    let or_view = s.app.get(&path, &s.orion).await.json;
    assert_eq!(or_view["my_award"]["result"], "not_awarded");
    assert_eq!(or_view["my_award"]["lines"], json!([]));
    let or_text = or_view.to_string();
    for leak in ["Northwind", "Kestrel", "\"0.55\"", "\"3.1\"", "responded"] {
        assert!(!or_text.contains(leak), "{leak} in {or_text}");
    }
    assert!(s
        .app
        .get(&path, &s.buyer)
        .await
        .json
        .get("my_award")
        .is_none());

    let a = audit(&s).await;
    assert!(
        a.contains("rfq.award") && a.contains("Northwind for steel"),
        "{a}"
    );
}

/// Issue 11: a quote on other delivery terms than the RFQ's (FCA Chicago) is flagged
/// "estimate missing"; the buyer's freight and duty estimate is stored, added to its
/// landed cost in the grid and the exports, and kept with the award.
#[tokio::test]
async fn a_freight_and_duty_estimate_levels_a_quote_on_other_terms() {
    let s = setup().await;
    open(&s).await;
    let (l1, l2) = (s.lines[0].as_str(), s.lines[1].as_str());
    quote(
        &s,
        &s.northwind,
        vec![
            priced(l1, &[("500", "0.62"), ("2000", "0.55"), ("5000", "0.49")]),
            no_bid(l2),
        ],
    )
    .await;
    quote(&s, &s.kestrel, vec![no_bid(l1), no_bid(l2)]).await;
    let mut exw = header();
    exw["incoterm"] = json!("EXW");
    exw["incoterm_place"] = json!("Shenzhen");
    let r = s
        .app
        .put(
            &format!("/api/rfqs/{}/quote", s.rfq),
            json!({"header": exw, "lines": [priced(l1, &[("500", "0.50"), ("2000", "0.48"), ("5000", "0.45")])]}),
            &s.orion,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(close(&s, "").await.status, StatusCode::OK);
    s.app.set_eur_rate("1.10", "2026-11-02", &s.buyer).await;

    let grid = format!("/api/rfqs/{}/comparison?cost_of_capital_pct=0", s.rfq);
    // The cell of `supplier` at line 1, break `k`.
    let cell = |c: &Value, supplier: &str, k: usize| {
        c["leveled"]["lines"][0]["breaks"][k]["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["supplier_id"] == supplier)
            .unwrap()
            .clone()
    };
    let c = s.app.get(&grid, &s.buyer).await.json;
    let orion = cell(&c, &s.or, 0);
    assert!(
        orion["flags"].as_array().unwrap().contains(&json!({
            "flag": "terms.incoterm_mismatch", "quoted": "EXW Shenzhen",
            "requested": "FCA Chicago", "estimated": false
        })),
        "{orion}"
    );
    assert_eq!(orion["breakdown"]["landed"], "0.5");
    assert_eq!(
        orion["lowest"], true,
        "cheapest before its freight is counted"
    );
    // Northwind quoted the RFQ's own terms: no such flag.
    assert!(!cell(&c, &s.nw, 0)["flags"].to_string().contains("terms."));

    let est_path = format!("/api/rfqs/{}/estimates/{}", s.rfq, s.or);
    // Bad input: every field named; suppliers may not; an uninvited supplier is 404.
    let r = s
        .app
        .put(
            &est_path,
            json!({"currency": "EURO", "freight": {"kind": "per_unit", "amount": "-1"}, "duty_pct": "120"}),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    for f in ["currency", "freight.amount", "duty_pct"] {
        assert!(r.json["fields"][f].is_string(), "{f}: {}", r.json);
    }
    let good = json!({"currency": "EUR", "freight": {"kind": "per_shipment", "amount": "110"},
                      "duty_pct": "3.5", "note": "forwarder offer 4711"});
    let r = s.app.put(&est_path, good.clone(), &s.orion).await;
    assert!(r.status.is_client_error(), "{}", r.json);
    let r = s
        .app
        .put(
            &format!("/api/rfqs/{}/estimates/no-such-supplier", s.rfq),
            good.clone(),
            &s.buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.json);

    let r = s.app.put(&est_path, good, &s.buyer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["currency"], "EUR");
    assert_eq!(r.json["note"], "forwarder offer 4711");

    let c = s.app.get(&grid, &s.buyer).await.json;
    let orion = cell(&c, &s.or, 0);
    // 110 EUR × 1.10 = 121 USD per shipment ÷ 500 = 0.242; duty 3.5 % of 0.50 = 0.0175;
    // 0.50 + 0.242 + 0.0175 = 0.7595, above Northwind's 0.62.
    let b = &orion["breakdown"];
    assert_eq!(
        (
            b["estimated_freight"].as_str(),
            b["duty"].as_str(),
            b["landed"].as_str()
        ),
        (Some("0.242"), Some("0.0175"), Some("0.7595")),
        "{orion}"
    );
    assert_eq!(orion["lowest"], false);
    assert_eq!(cell(&c, &s.nw, 0)["lowest"], true);
    assert!(orion["flags"].to_string().contains("\"estimated\":true"));
    // The bid carries the estimate, so the page re-levels with it.
    let bid = c["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["supplier_id"] == s.or.as_str())
        .unwrap();
    assert_eq!(bid["estimate"]["duty_pct"], "3.5");
    let csv = s
        .app
        .get(
            &format!("/api/rfqs/{}/comparison.csv?cost_of_capital_pct=0", s.rfq),
            &s.buyer,
        )
        .await;
    let text = csv.json.as_str().unwrap();
    assert!(
        text.contains(",Orion Stamping,priced,USD,0.5,0,0.242,0.0175,0,0,0.7595,"),
        "{text}"
    );
    // Suppliers see nothing of it.
    let mine = s
        .app
        .get(&format!("/api/rfqs/{}/quote", s.rfq), &s.orion)
        .await
        .json
        .to_string();
    assert!(
        !mine.contains("4711") && !mine.contains("duty_pct"),
        "{mine}"
    );

    // The award levels with the estimate and keeps it.
    let r = award(
        &s,
        json!({"lines": [{"rfq_line_id": l1, "supplier_id": s.or, "qty": "500"}],
               "settings": {"base": "USD", "fx": [{"currency": "EUR", "rate": "1.10", "as_of": "2026-11-02"}],
                            "amortization_years": "2", "cost_of_capital_pct": "0",
                            "outlier_ratio": "20", "today": "2026-11-02"}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let line = &r.json["award"]["lines"][0];
    assert_eq!(line["landed"], "0.7595", "{line}");
    assert_eq!(line["estimate"]["freight"]["amount"], "110");

    // Removing it: "estimate missing" again, the price alone.
    let r = s
        .app
        .call(
            axum::http::Method::DELETE,
            &format!("/api/rfqs/{}/estimates/{}", s.rfq, s.or),
            None,
            Some(&s.buyer),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let orion = cell(&s.app.get(&grid, &s.buyer).await.json, &s.or, 0);
    assert_eq!(orion["breakdown"]["landed"], "0.5");
    assert!(orion["flags"].to_string().contains("\"estimated\":false"));
    // The award kept what it was decided with.
    let d = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    assert_eq!(d["award"]["lines"][0]["estimate"]["duty_pct"], "3.5");
    let a = audit(&s).await;
    assert!(
        a.contains("rfq.estimate") && a.contains("rfq.estimate_removed"),
        "{a}"
    );
}
