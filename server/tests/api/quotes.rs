//! RFQ lifecycle, supplier quotes, bid receipts and sealed bids (issue 4, server side).

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{id_named, in_hours, Session, TestApp};

struct Setup {
    app: TestApp,
    buyer: Session,
    northwind: Session,
    kestrel: Session,
    orion: Session,
    rfq: String,
    lines: Vec<String>,
}

async fn supplier_ids(app: &TestApp, buyer: &Session) -> Value {
    app.get("/api/suppliers", buyer).await.json
}

async fn setup(sealed: bool) -> Setup {
    setup_with(sealed, server::Config::default()).await
}

async fn setup_with(sealed: bool, config: server::Config) -> Setup {
    let app = TestApp::with_config(config).await;
    let buyer = app.login("buyer@acme.example").await;
    let sups = supplier_ids(&app, &buyer).await;
    let parts = app.get("/api/parts", &buyer).await.json;
    let part = |n: &str| {
        parts
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["number"] == n)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let r = app
        .post(
            "/api/rfqs",
            json!({
                "title": "Brackets for 2027",
                "currency": "USD",
                "incoterm": "FCA Chicago",
                "payment_terms": "Net 60",
                "deadline": in_hours(2),
                "time_zone": "America/Chicago",
                "sealed": sealed,
                "lines": [
                    {"part_id": part("BRK-2208"), "revision": "B", "quantities": ["500", "2000", "5000"], "annual_volume": "24000", "need_by": "2027-03-01"},
                    {"part_id": part("HSG-1040"), "quantities": ["500", "2000"]}
                ],
                "supplier_ids": [id_named(&sups, "Northwind Metal Works"), id_named(&sups, "Kestrel Plastics")]
            }),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["status"], "draft");
    assert_eq!(
        r.json["number"],
        format!("RFQ-{}-0002", &chrono::Utc::now().to_rfc3339()[..4])
    );
    assert_eq!(
        r.json["lines"][1]["revision"], "C",
        "the newest revision is the default"
    );
    let rfq = r.json["id"].as_str().unwrap().to_string();
    let lines = r.json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    Setup {
        northwind: app.login("sales@northwind.example").await,
        kestrel: app.login("quotes@kestrel.example").await,
        orion: app.login("rep@orion.example").await,
        app,
        buyer,
        rfq,
        lines,
    }
}

async fn open(s: &Setup) {
    s.app.open_rfq(&s.rfq, &s.buyer).await;
}

fn a_quote(lines: &[String], price: &str) -> Value {
    json!({
        "header": {
            "currency": "USD",
            "valid_until": "2027-06-30",
            "incoterm": "FCA",
            "incoterm_place": "Chicago",
            "payment_terms": {"text": "Net 60", "net_days": 60, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
            "freight": {"kind": "included"},
            "reference": "NW-Q-77"
        },
        "lines": [
            {"rfq_line_id": lines[0], "breaks": [{"min_qty": "500", "price": price}, {"min_qty": "2000", "price": "0.55"}, {"min_qty": "5000", "price": "0.49"}], "price_basis_qty": "1", "lead_time_days": 35},
            {"rfq_line_id": lines[1], "breaks": [], "price_basis_qty": "1", "no_bid": true, "no_bid_reason": "no anodizing line"}
        ]
    })
}

async fn put_quote(s: &Setup, who: &Session, body: Value) -> crate::harness::Response {
    s.app
        .put(&format!("/api/rfqs/{}/quote", s.rfq), body, who)
        .await
}

/// Passes the RFQ's deadline (2 hours away) on the server's clock.
async fn expire(s: &Setup) {
    s.app.advance_clock(2 * 3_600_000 + 1_000);
}

#[tokio::test]
async fn drafts_are_invisible_to_suppliers_until_opened() {
    let s = setup(true).await;
    let path = format!("/api/rfqs/{}", s.rfq);
    assert_eq!(
        s.app.get(&path, &s.northwind).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    open(&s).await;
    assert_eq!(s.app.get(&path, &s.northwind).await.status, StatusCode::OK);
    // Orion was not invited: the RFQ does not exist for it.
    assert_eq!(
        s.app.get(&path, &s.orion).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        put_quote(&s, &s.orion, a_quote(&s.lines, "0.62"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Opening twice is a lifecycle conflict with a clear message.
    let again = s
        .app
        .post(&format!("/api/rfqs/{}/open", s.rfq), json!(null), &s.buyer)
        .await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::CONFLICT, "lifecycle")
    );
    assert_eq!(
        again.json["message"],
        "Only a draft can be opened (this one is open)."
    );
}

#[tokio::test]
async fn submit_resubmit_and_receipts() {
    let s = setup(true).await;
    open(&s).await;
    let first = put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    assert_eq!(first.json["version"], 1);
    assert_eq!(first.json["hash"].as_str().unwrap().len(), 64);
    let second = put_quote(&s, &s.northwind, a_quote(&s.lines, "0.60")).await;
    assert_eq!(second.json["version"], 2);
    assert_ne!(first.json["hash"], second.json["hash"]);

    let mine = s
        .app
        .get(&format!("/api/rfqs/{}/quote", s.rfq), &s.northwind)
        .await
        .json;
    assert_eq!(mine["can_change"], true);
    let v = mine["versions"].as_array().unwrap();
    assert_eq!(
        (v[0]["status"].as_str(), v[1]["status"].as_str()),
        (Some("submitted"), Some("superseded"))
    );
    assert_eq!(v[0]["quote"]["lines"][0]["breaks"][0]["price"], "0.6");
    assert_eq!(v[0]["receipt"]["hash"], second.json["hash"]);

    // The receipt is reproducible from the stored content and time, by the script of
    // docs/receipt.md rather than the code that made it (issue 13).
    let (code, out) =
        crate::receipts::check_with_documented_script(&v[0]["receipt"], &v[0]["quote"]);
    assert_eq!(code, 0, "{out}");

    // The audit trail records the receipt, never the prices.
    let audit = s
        .app
        .get("/api/audit?limit=5", &s.buyer)
        .await
        .json
        .to_string();
    assert!(
        audit.contains("quote.submit") && audit.contains(second.json["hash"].as_str().unwrap())
    );
    // Prices travel as JSON strings ("0.6"); timestamps merely contain the digits.
    assert!(
        !audit.contains("\"0.6\"") && !audit.contains("\"0.62\"") && !audit.contains("breaks"),
        "prices leaked into the audit trail: {audit}"
    );
}

#[tokio::test]
async fn the_server_revalidates_and_names_fields() {
    let s = setup(false).await;
    open(&s).await;
    let mut q = a_quote(&s.lines, "-1");
    q["lines"][1]["no_bid_reason"] = json!("");
    q["lines"].as_array_mut().unwrap().push(json!({"rfq_line_id": "not-a-line", "breaks": [{"min_qty": "1", "price": "1"}], "price_basis_qty": "1"}));
    let r = put_quote(&s, &s.northwind, q).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    let fields = r.json["fields"].as_object().unwrap();
    for f in [
        "lines[0].breaks[0].price",
        "lines[1].no_bid_reason",
        "lines[2].rfq_line_id",
    ] {
        assert!(fields.contains_key(f), "{f} missing in {fields:?}");
    }
    let bad_currency = {
        let mut q = a_quote(&s.lines, "0.62");
        q["header"]["currency"] = json!("ZZZ");
        put_quote(&s, &s.northwind, q).await
    };
    assert_eq!(bad_currency.status, StatusCode::BAD_REQUEST);
    assert!(
        bad_currency.json["message"]
            .as_str()
            .unwrap()
            .contains("ISO 4217"),
        "{}",
        bad_currency.json
    );
}

#[tokio::test]
async fn sealed_prices_stay_hidden_until_the_deadline_and_opening_is_audited() {
    let s = setup(true).await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    put_quote(&s, &s.kestrel, a_quote(&s.lines, "0.58")).await;
    let path = format!("/api/rfqs/{}/quotes", s.rfq);
    let before = s.app.get(&path, &s.buyer).await.json;
    assert_eq!(before["prices_visible"], false);
    assert!(before["sealed_message"]
        .as_str()
        .unwrap()
        .starts_with("Sealed bid: prices open at the deadline"));
    let responses = before["responses"].as_array().unwrap();
    assert_eq!(responses.len(), 2);
    assert!(responses
        .iter()
        .all(|r| r["status"] == "submitted" && r["current"]["quote"].is_null()));
    // Prices are JSON strings ("0.58"); receipt times and hashes may contain the digits.
    assert!(!before.to_string().contains("\"0.58\""), "{before}");

    // Suppliers never get the field of bidders.
    assert_eq!(
        s.app.get(&path, &s.northwind).await.status,
        StatusCode::NOT_FOUND
    );

    expire(&s).await;
    let after = s.app.get(&path, &s.buyer).await.json;
    assert_eq!(after["prices_visible"], true);
    let kestrel = after["responses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["supplier_name"] == "Kestrel Plastics")
        .unwrap();
    assert_eq!(
        kestrel["current"]["quote"]["lines"][0]["breaks"][0]["price"],
        "0.58"
    );
    let audit = s.app.get("/api/audit?limit=3", &s.buyer).await.json;
    assert_eq!(audit[0]["action"], "rfq.quotes_opened");
    assert_eq!(audit[0]["summary"]["responses"], 2);
    assert_eq!(
        s.app.get("/api/audit/verify", &s.buyer).await.json["ok"],
        true
    );
}

#[tokio::test]
async fn after_the_deadline_nothing_changes() {
    let s = setup(false).await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    expire(&s).await;
    let late = put_quote(&s, &s.northwind, a_quote(&s.lines, "0.50")).await;
    assert_eq!(
        (late.status, late.code()),
        (StatusCode::CONFLICT, "deadline_passed")
    );
    assert!(late.json["message"]
        .as_str()
        .unwrap()
        .contains("The deadline has passed"));
    let w = s
        .app
        .post(
            &format!("/api/rfqs/{}/quote/withdraw", s.rfq),
            json!(null),
            &s.northwind,
        )
        .await;
    assert_eq!(w.code(), "deadline_passed");
    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.northwind)
        .await
        .json;
    assert_eq!(detail["status"], "closed", "closed by the clock");
    assert_eq!(
        s.app
            .get(&format!("/api/rfqs/{}/quote", s.rfq), &s.northwind)
            .await
            .json["can_change"],
        false
    );

    // Extending the deadline (with a reason) reopens quoting.
    let no_reason = s
        .app
        .post(
            &format!("/api/rfqs/{}/extend", s.rfq),
            json!({"deadline": in_hours(5), "reason": " "}),
            &s.buyer,
        )
        .await;
    assert_eq!(no_reason.code(), "lifecycle");
    let ext = s
        .app
        .post(
            &format!("/api/rfqs/{}/extend", s.rfq),
            json!({"deadline": in_hours(5), "reason": "Kestrel asked for a week"}),
            &s.buyer,
        )
        .await;
    assert_eq!(ext.status, StatusCode::OK, "{}", ext.json);
    assert_eq!(ext.json["status"], "open");
    assert_eq!(
        put_quote(&s, &s.northwind, a_quote(&s.lines, "0.50"))
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn withdraw_then_nothing_left_to_withdraw() {
    let s = setup(false).await;
    open(&s).await;
    put_quote(&s, &s.kestrel, a_quote(&s.lines, "0.62")).await;
    let path = format!("/api/rfqs/{}/quote/withdraw", s.rfq);
    let w = s.app.post(&path, json!(null), &s.kestrel).await;
    assert_eq!(w.status, StatusCode::OK, "{}", w.json);
    assert_eq!(w.json["versions"][0]["status"], "withdrawn");
    assert_eq!(
        s.app.post(&path, json!(null), &s.kestrel).await.code(),
        "nothing_to_withdraw"
    );
    let buyer_view = s
        .app
        .get(&format!("/api/rfqs/{}/quotes", s.rfq), &s.buyer)
        .await
        .json;
    let k = buyer_view["responses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["supplier_name"] == "Kestrel Plastics")
        .unwrap()
        .clone();
    assert_eq!(k["status"], "withdrawn");
}

#[tokio::test]
async fn rfq_creation_checks_every_field_and_blocked_suppliers() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sups = supplier_ids(&app, &buyer).await;
    let orion = id_named(&sups, "Orion Stamping");
    sqlx::query("UPDATE suppliers SET status = 'blocked' WHERE id = $1")
        .bind(&orion)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let r = app
        .post(
            "/api/rfqs",
            json!({"title": "", "currency": "EURO", "deadline": "tomorrow", "lines": [{"part_id": "nope", "quantities": ["500", "100"]}], "supplier_ids": [orion]}),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let f = r.json["fields"].as_object().unwrap();
    for k in [
        "title",
        "currency",
        "deadline",
        "lines[0].quantities",
        "lines[0].part_id",
        "supplier_ids[0]",
    ] {
        assert!(f.contains_key(k), "{k} missing: {f:?}");
    }
    assert!(f["supplier_ids[0]"].as_str().unwrap().contains("blocked"));
    // Suppliers and approvers cannot create RFQs.
    for who in ["approver@acme.example", "sales@northwind.example"] {
        let s = app.login(who).await;
        let r = app
            .post(
                "/api/rfqs",
                json!({"title": "x", "currency": "USD", "deadline": in_hours(1), "lines": []}),
                &s,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
    }
    // Opening an RFQ with no lines or suppliers says what is missing.
    let empty = app
        .post(
            "/api/rfqs",
            json!({"title": "Empty", "currency": "USD", "deadline": in_hours(1), "lines": []}),
            &buyer,
        )
        .await;
    assert_eq!(empty.status, StatusCode::CREATED);
    let o = app
        .post(
            &format!("/api/rfqs/{}/open", empty.json["id"].as_str().unwrap()),
            json!(null),
            &buyer,
        )
        .await;
    assert_eq!(o.json["message"], "Add at least one line before opening.");
    // A blocked supplier cannot be invited later either.
    let inv = app
        .post(
            &format!("/api/rfqs/{}/suppliers", empty.json["id"].as_str().unwrap()),
            json!({"supplier_id": orion}),
            &buyer,
        )
        .await;
    assert_eq!(inv.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn comparison_levels_in_base_currency_after_the_deadline_and_exports_csv() {
    let s = setup(true).await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    let mut eur = a_quote(&s.lines, "0.58");
    eur["header"]["currency"] = json!("EUR");
    assert_eq!(
        put_quote(&s, &s.kestrel, eur).await.status,
        StatusCode::CREATED
    );
    let path = format!("/api/rfqs/{}/comparison", s.rfq);
    let sealed = s.app.get(&path, &s.buyer).await;
    assert_eq!(
        (sealed.status, sealed.code()),
        (StatusCode::CONFLICT, "sealed")
    );

    s.app.set_eur_rate("1.10", "2026-11-20", &s.buyer).await;
    let bad_fx = s
        .app
        .put(
            "/api/fx",
            json!([{"base": "USD", "currency": "USD", "rate": "0", "as_of": "someday"}]),
            &s.buyer,
        )
        .await;
    assert_eq!(bad_fx.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad_fx.json["fields"].as_object().unwrap().len(),
        3,
        "{}",
        bad_fx.json
    );
    assert_eq!(
        s.app
            .call(Method::PUT, "/api/fx", Some(json!([])), Some(&s.northwind))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    expire(&s).await;
    let c = s
        .app
        .get(&format!("{path}?cost_of_capital_pct=0"), &s.buyer)
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.json);
    let first = &c.json["leveled"]["lines"][0]["breaks"][0];
    let cell = |name: &str| {
        let sid = c.json["bids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["supplier_name"] == name)
            .unwrap()["supplier_id"]
            .clone();
        first["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["supplier_id"] == sid)
            .unwrap()
            .clone()
    };
    let (nw, ke) = (cell("Northwind Metal Works"), cell("Kestrel Plastics"));
    assert_eq!(nw["lowest"], true);
    assert_eq!(nw["breakdown"]["landed"], "0.62");
    assert_eq!(ke["breakdown"]["landed"], "0.638", "0.58 EUR at 1.10");
    assert_eq!(ke["breakdown"]["fx_as_of"], "2026-11-20");
    assert_eq!(ke["delta_to_lowest_pct"], "2.9");
    let line2 = &c.json["leveled"]["lines"][1]["breaks"][0]["cells"][0];
    assert_eq!(line2["state"], "no_bid");

    let bad = s
        .app
        .get(&format!("{path}?cost_of_capital_pct=500"), &s.buyer)
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        s.app.get(&path, &s.northwind).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.app
            .get(&path, &s.app.login("approver@acme.example").await)
            .await
            .status,
        StatusCode::OK
    );

    let csv = s
        .app
        .get(&format!("/api/rfqs/{}/comparison.csv", s.rfq), &s.buyer)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(csv.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("-leveled.csv"));
    let text = csv.json.as_str().unwrap();
    assert!(text.starts_with("line,part,revision,quantity,supplier,state,currency,"));
    assert!(
        text.contains("1,BRK-2208,B,500,Kestrel Plastics,priced,USD,0.638,"),
        "{text}"
    );
    // 2 lines × (3 + 2 breaks) … line 1 has 3 breaks and line 2 has 2: (3 + 2) × 2 suppliers + header.
    assert_eq!(text.split("\r\n").filter(|r| !r.is_empty()).count(), 11);
}

#[tokio::test]
async fn the_buyer_can_level_at_other_annual_volumes_and_export_them() {
    let s = setup(false).await;
    open(&s).await;
    let mut q = a_quote(&s.lines, "0.62");
    q["lines"][0]["tooling"] = json!([{"description": "mould", "amount": "1000"}]);
    assert_eq!(
        put_quote(&s, &s.northwind, q).await.status,
        StatusCode::CREATED
    );
    expire(&s).await;
    let landed = |c: &Value| {
        c["leveled"]["lines"][0]["breaks"][0]["cells"][0]["breakdown"]["landed"]
            .as_str()
            .unwrap()
            .parse::<rust_decimal::Decimal>()
            .unwrap()
    };
    let path = format!("/api/rfqs/{}/comparison", s.rfq);
    let at = |v: &str| format!("{path}?cost_of_capital_pct=0&volumes={}:{v}", s.lines[0]);
    let small = s.app.get(&at("1000"), &s.buyer).await;
    assert_eq!(small.status, StatusCode::OK, "{}", small.json);
    let large = s.app.get(&at("10000"), &s.buyer).await;
    // 1000 of tooling over volume × 2 years: 0.5 a piece at 1 000 a year, 0.05 at 10 000.
    assert_eq!(landed(&small.json).normalize().to_string(), "1.12");
    assert_eq!(landed(&large.json).normalize().to_string(), "0.67");
    assert_eq!(
        small.json["rfq"]["lines"][0]["annual_volume"], "1000",
        "the answer says which volume it used"
    );
    let csv = s
        .app
        .get(
            &format!(
                "/api/rfqs/{}/comparison.csv?cost_of_capital_pct=0&volumes={}:1000",
                s.rfq, s.lines[0]
            ),
            &s.buyer,
        )
        .await;
    assert!(
        csv.json.as_str().unwrap().contains(",1.12,"),
        "{}",
        csv.json
    );
    for bad in ["nope", "unknown-line:5", &format!("{}:-3", s.lines[0])] {
        let r = s.app.get(&format!("{path}?volumes={bad}"), &s.buyer).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(r.json["fields"]["volumes"].is_string(), "{}", r.json);
    }
}

#[tokio::test]
async fn clarification_answers_reach_everyone_without_the_askers_name() {
    let s = setup(false).await;
    open(&s).await;
    let path = format!("/api/rfqs/{}/clarifications", s.rfq);
    let q = s
        .app
        .post(
            &path,
            json!({"text": "Is zinc flake acceptable instead of zinc plating?"}),
            &s.northwind,
        )
        .await;
    assert_eq!(q.status, StatusCode::CREATED, "{}", q.json);
    let cid = q.json["id"].as_str().unwrap().to_string();
    assert_eq!(
        s.app.get(&path, &s.kestrel).await.json,
        json!([]),
        "open questions of others stay private"
    );
    let buyer_view = s.app.get(&path, &s.buyer).await.json;
    assert_eq!(
        buyer_view[0]["asked_by_supplier"],
        s.northwind.me["supplier_id"]
    );
    assert_eq!(
        s.app
            .post(
                &format!("{path}/{cid}/answer"),
                json!({"text": "Yes"}),
                &s.kestrel
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let a = s
        .app
        .post(
            &format!("{path}/{cid}/answer"),
            json!({"text": "Yes, zinc flake per ISO 10683 is fine."}),
            &s.buyer,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.json);
    let kestrel_view = s.app.get(&path, &s.kestrel).await.json;
    assert_eq!(
        kestrel_view[0]["answer"],
        "Yes, zinc flake per ISO 10683 is fine."
    );
    assert!(
        kestrel_view[0]["asked_by_supplier"].is_null(),
        "{kestrel_view}"
    );
    assert!(!kestrel_view.to_string().contains("Northwind"));
    let own = s.app.get(&path, &s.northwind).await.json;
    assert_eq!(own[0]["asked_by_supplier"], s.northwind.me["supplier_id"]);
    assert_eq!(
        s.app
            .post(&path, json!({"text": "  "}), &s.kestrel)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        s.app
            .post(&path, json!({"text": "?"}), &s.orion)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    expire(&s).await;
    assert_eq!(
        s.app
            .post(&path, json!({"text": "late?"}), &s.kestrel)
            .await
            .code(),
        "rfq_not_open"
    );
}

#[tokio::test]
async fn nobody_reads_another_suppliers_quote_by_url() {
    let s = setup(true).await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    put_quote(&s, &s.kestrel, a_quote(&s.lines, "0.58")).await;
    let nw = s.northwind.me["supplier_id"].as_str().unwrap();
    let ke = s.kestrel.me["supplier_id"].as_str().unwrap();
    let url = |sid: &str| format!("/api/rfqs/{}/quotes/{sid}", s.rfq);
    let foreign = s.app.get(&url(ke), &s.northwind).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert!(!foreign.json.to_string().contains("\"0.58\""));
    let own = s.app.get(&url(nw), &s.northwind).await;
    assert_eq!(
        own.json[0]["quote"]["lines"][0]["breaks"][0]["price"],
        "0.62"
    );
    // Orion is not invited: neither the RFQ nor any quote on it exists for Orion.
    assert_eq!(
        s.app.get(&url(nw), &s.orion).await.status,
        StatusCode::NOT_FOUND
    );
    // The buyer sees that Kestrel responded, but no price before the sealed deadline …
    let sealed = s.app.get(&url(ke), &s.buyer).await;
    assert_eq!(sealed.json[0]["status"], "submitted");
    assert!(sealed.json[0]["quote"].is_null());
    // … and the price after it, with the opening on the record.
    expire(&s).await;
    let open_now = s.app.get(&url(ke), &s.buyer).await;
    assert_eq!(
        open_now.json[0]["quote"]["lines"][0]["breaks"][0]["price"],
        "0.58"
    );
    let audit = s.app.get("/api/audit?limit=1", &s.buyer).await.json;
    assert_eq!(audit[0]["action"], "rfq.quotes_opened");
    assert_eq!(audit[0]["summary"]["supplier_id"], ke);
}

#[tokio::test]
async fn xlsx_export_is_a_workbook() {
    let s = setup(false).await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    let r = s
        .app
        .get(&format!("/api/rfqs/{}/comparison.xlsx", s.rfq), &s.buyer)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(r.headers["content-disposition"]
        .to_str()
        .unwrap()
        .ends_with("-leveled.xlsx\""));
    assert!(
        r.json.as_str().unwrap().starts_with("PK"),
        "an XLSX is a zip archive"
    );
}

#[tokio::test]
async fn amending_an_open_rfq_asks_every_bidder_to_reconfirm_and_tells_them() {
    let outbox = std::env::temp_dir().join(format!("bidwell-outbox-{}", uuid::Uuid::new_v4()));
    let s = setup_with(
        false,
        server::Config {
            outbox_dir: Some(outbox.clone()),
            ..server::Config::default()
        },
    )
    .await;
    open(&s).await;
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    let l0 = &detail["lines"][0];
    // Keep line 1 (more volume), drop line 2, add nothing.
    let edit = s
        .app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{}/lines", s.rfq),
            Some(json!([{"id": l0["id"], "part_id": l0["part_id"], "revision": "B", "quantities": ["1000", "5000"], "annual_volume": "30000"}])),
            Some(&s.buyer),
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.json);
    assert_eq!(edit.json["lines"].as_array().unwrap().len(), 1);
    assert_eq!(
        edit.json["lines"][0]["id"], l0["id"],
        "an edited line keeps its id"
    );
    assert_eq!(edit.json["lines"][0]["quantities"], json!(["1000", "5000"]));
    let mine = s
        .app
        .get(&format!("/api/rfqs/{}/quote", s.rfq), &s.northwind)
        .await
        .json;
    assert_eq!(mine["versions"][0]["needs_reconfirmation"], true);
    // One notice per contact of each invited supplier (Northwind and Kestrel: one each).
    let n: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM messages WHERE rfq_id = $1 AND kind = 'rfq.amended' AND written_at IS NOT NULL")
            .bind(&s.rfq)
            .fetch_one(&s.app.db.pool)
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(n, 2);
    let files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2);
    let text = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<String>();
    assert!(
        text.contains("To: sales@northwind.example") && text.contains("To: quotes@kestrel.example"),
        "{text}"
    );
    assert!(text.contains("amended"));
    assert!(!text.contains("orion"), "Orion is not invited");
    let bad = s
        .app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{}/lines", s.rfq),
            Some(json!([{"id": "nope", "part_id": l0["part_id"], "quantities": ["1"]}])),
            Some(&s.buyer),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.json);
    assert!(bad.json["fields"]["lines[0].id"].is_string());
    assert_eq!(
        s.app
            .call(
                Method::PUT,
                &format!("/api/rfqs/{}/lines", s.rfq),
                Some(json!([])),
                Some(&s.northwind)
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    std::fs::remove_dir_all(outbox).unwrap();
}

/// Issue 11: the server refuses what the RFQ page no longer offers (`domain::rfq::may`,
/// one rule for both): once bidding closed, no invitations, no line edits and no files
/// for the lines; and a draft's deadline moves without telling any supplier (it was never
/// sent to them).
#[tokio::test]
async fn a_closed_rfq_refuses_invitations_line_edits_and_line_files_issue_11() {
    let s = setup(true).await;
    let ext = s
        .app
        .post(
            &format!("/api/rfqs/{}/extend", s.rfq),
            json!({"deadline": in_hours(3), "reason": "more time to prepare"}),
            &s.buyer,
        )
        .await;
    assert_eq!(ext.status, StatusCode::OK, "{}", ext.json);
    assert_eq!(ext.json["status"], "draft");
    let told: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM messages WHERE rfq_id = $1")
            .bind(&s.rfq)
            .fetch_one(&s.app.db.pool)
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(told, 0, "nobody hears of a draft");
    open(&s).await;
    s.app.advance_clock(3 * 3_600_000 + 1_000);
    let sups = supplier_ids(&s.app, &s.buyer).await;
    let invite = s
        .app
        .post(
            &format!("/api/rfqs/{}/suppliers", s.rfq),
            json!({"supplier_id": id_named(&sups, "Orion Stamping")}),
            &s.buyer,
        )
        .await;
    assert_eq!(
        (invite.status, invite.code()),
        (StatusCode::CONFLICT, "lifecycle")
    );
    assert_eq!(
        invite.json["message"],
        "This RFQ is closed and can no longer change."
    );
    let lines = s
        .app
        .put(
            &format!("/api/rfqs/{}/lines", s.rfq),
            json!([{"id": s.lines[0], "part_id": ext.json["lines"][0]["part_id"], "quantities": ["500"]}]),
            &s.buyer,
        )
        .await;
    assert_eq!(
        (lines.status, lines.code()),
        (StatusCode::CONFLICT, "lifecycle")
    );
    let file = s
        .app
        .post_raw(
            &format!(
                "/api/files?owner_kind=rfq_line&owner_id={}&name=spec.pdf",
                s.lines[0]
            ),
            "application/pdf",
            b"%PDF-1.4",
            &s.buyer,
        )
        .await;
    assert_eq!(
        (file.status, file.code()),
        (StatusCode::CONFLICT, "lifecycle"),
        "{}",
        file.json
    );
}

/// `my_quote` of the setup's RFQ in `who`'s RFQ list.
async fn my_quote(s: &Setup, who: &Session) -> Value {
    let list = s.app.get("/api/rfqs", who).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.json);
    list.json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == s.rfq.as_str())
        .unwrap()["my_quote"]
        .clone()
}

/// The supplier's RFQ list says what it still owes on each RFQ (issue 11): nothing yet,
/// submitted, reconfirm after an amendment, withdrawn; buyers get no such field.
#[tokio::test]
async fn the_supplier_list_says_what_each_supplier_still_owes() {
    let s = setup(false).await;
    open(&s).await;
    assert_eq!(my_quote(&s, &s.northwind).await, "not_started");
    assert_eq!(my_quote(&s, &s.kestrel).await, "not_started");
    put_quote(&s, &s.northwind, a_quote(&s.lines, "0.62")).await;
    put_quote(&s, &s.kestrel, a_quote(&s.lines, "0.60")).await;
    assert_eq!(my_quote(&s, &s.northwind).await, "submitted");
    let w = s
        .app
        .post(
            &format!("/api/rfqs/{}/quote/withdraw", s.rfq),
            json!(null),
            &s.kestrel,
        )
        .await;
    assert_eq!(w.status, StatusCode::OK, "{}", w.json);
    assert_eq!(my_quote(&s, &s.kestrel).await, "withdrawn");

    // An amendment asks every bidder to reconfirm; a resubmission settles it.
    let detail = s
        .app
        .get(&format!("/api/rfqs/{}", s.rfq), &s.buyer)
        .await
        .json;
    let l0 = &detail["lines"][0];
    let edit = s
        .app
        .call(
            Method::PUT,
            &format!("/api/rfqs/{}/lines", s.rfq),
            Some(json!([{"id": l0["id"], "part_id": l0["part_id"], "revision": "B", "quantities": ["1000", "5000"]}])),
            Some(&s.buyer),
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.json);
    assert_eq!(my_quote(&s, &s.northwind).await, "reconfirm");
    assert_eq!(my_quote(&s, &s.kestrel).await, "withdrawn");
    let line = edit.json["lines"][0]["id"].as_str().unwrap().to_string();
    let again = json!({
        "header": a_quote(&s.lines, "0.62")["header"],
        "lines": [{"rfq_line_id": line, "breaks": [{"min_qty": "1000", "price": "0.58"}, {"min_qty": "5000", "price": "0.49"}], "price_basis_qty": "1"}]
    });
    let r = put_quote(&s, &s.northwind, again).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(my_quote(&s, &s.northwind).await, "submitted");

    // Staff lists carry no supplier's standing.
    let buyer = s.app.get("/api/rfqs", &s.buyer).await.json;
    assert!(buyer
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.get("my_quote").is_none()));
}
