//! Bid receipts as the server hands them out (issue 13): they follow format 1 of
//! `docs/receipt.md`, checked by the verification script shown there — not by recomputing
//! with `domain::quote::receipt_hash` — and the golden vectors hold in the server's build
//! too (its dependency features are the ones that decide serde_json's key order).

use std::path::{Path, PathBuf};
use std::process::Command;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::harness::{id_named, in_hours, TestApp};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs the ```python block of docs/receipt.md on `{bid_receipt, quote}` as the portal's
/// "Download receipt" saves them; answers the script's exit code and output.
pub fn check_with_documented_script(receipt: &Value, quote: &Value) -> (i32, String) {
    let doc = std::fs::read_to_string(repo().join("docs/receipt.md")).unwrap();
    let start = doc
        .find("```python\n")
        .expect("a python block in docs/receipt.md")
        + 10;
    let len = doc[start..].find("\n```").unwrap();
    let id = uuid::Uuid::new_v4();
    let script = std::env::temp_dir().join(format!("check_receipt-{id}.py"));
    let file = std::env::temp_dir().join(format!("bid-receipt-{id}.json"));
    std::fs::write(&script, &doc[start..start + len + 1]).unwrap();
    std::fs::write(
        &file,
        serde_json::to_string_pretty(&json!({"bid_receipt": receipt, "quote": quote})).unwrap(),
    )
    .unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&file)
        .output()
        .expect("python3 runs the receipt script of docs/receipt.md (install python3)");
    let _ = std::fs::remove_file(script);
    let _ = std::fs::remove_file(file);
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn golden_vectors_hold_in_the_servers_build() {
    let dir = repo().join("domain/tests/data/receipts");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let dir = entry.unwrap().path();
        let input: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("input.json")).unwrap())
                .unwrap();
        let quote: domain::quote::Quote = serde_json::from_value(input["quote"].clone()).unwrap();
        let version = u32::try_from(input["version"].as_u64().unwrap()).unwrap();
        let canonical = domain::quote::receipt_canonical(
            input["rfq_id"].as_str().unwrap(),
            input["supplier_id"].as_str().unwrap(),
            version,
            &quote,
            input["received_at"].as_str().unwrap(),
            input.get("nonce").and_then(Value::as_str),
        );
        assert_eq!(
            canonical.as_bytes(),
            std::fs::read(dir.join("canonical.json")).unwrap(),
            "{}",
            dir.display()
        );
        n += 1;
    }
    assert!(n >= 3);
}

#[tokio::test]
async fn a_receipt_from_the_server_verifies_with_the_documented_script() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let sups = app.get("/api/suppliers", &buyer).await.json;
    let parts = app.get("/api/parts?q=BRK-2208", &buyer).await.json;
    let r = app
        .post(
            "/api/rfqs",
            json!({
                "title": "Receipt check", "currency": "EUR", "deadline": in_hours(2),
                "lines": [{"part_id": parts[0]["id"], "quantities": ["500", "2000"]}],
                "supplier_ids": [id_named(&sups, "Kestrel Plastics")]
            }),
            &buyer,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    let rfq = r.json["id"].as_str().unwrap().to_string();
    let line = r.json["lines"][0]["id"].clone();
    app.open_rfq(&rfq, &buyer).await;
    let kestrel = app.login("quotes@kestrel.example").await;
    // Decimals typed with trailing zeros, text with quotes, a newline and non-ASCII.
    let sent = json!({
        "header": {"currency": "EUR", "valid_until": "2027-06-30", "incoterm": "DAP", "incoterm_place": "Köln",
                   "payment_terms": {"text": "2 % 10 Tage, 30 netto", "net_days": 30, "discount_pct": "2.00", "discount_days": 10, "basis": "invoice_date", "deposit_pct": null, "method": null},
                   "freight": {"kind": "per_shipment", "amount": "80.50"}, "reference": "K-\"17\"", "notes": "Zeile 1\nZeile 2 ✓"},
        "lines": [{"rfq_line_id": line, "breaks": [{"min_qty": "500.0", "price": "0.6600"}, {"min_qty": "2000", "price": "0.58"}],
                   "price_basis_qty": "1.00", "moq": "250.0", "lead_time_days": 20,
                   "tooling": [{"description": "Werkzeug", "amount": "1200.00"}]}]
    });
    let put = app
        .put(&format!("/api/rfqs/{rfq}/quote"), sent, &kestrel)
        .await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.json);
    let mine = app
        .get(&format!("/api/rfqs/{rfq}/quote"), &kestrel)
        .await
        .json;
    let v = &mine["versions"][0];
    assert_eq!(v["receipt"], put.json);
    let stored = v["quote"].clone();
    assert_eq!(stored["lines"][0]["breaks"][0]["price"], "0.66");
    // The stored quote verifies, and so does the same quote with its decimals as typed
    // (what the portal falls back to when it only has what it sent).
    let mut as_typed = stored.clone();
    as_typed["lines"][0]["breaks"][0]["price"] = json!("0.6600");
    as_typed["lines"][0]["price_basis_qty"] = json!("1.00");
    as_typed["header"]["freight"]["amount"] = json!("80.50");
    for quote in [&stored, &as_typed] {
        let (code, out) = check_with_documented_script(&v["receipt"], quote);
        assert_eq!(code, 0, "{out}");
        assert_eq!(
            out.trim(),
            format!("OK {}", put.json["hash"].as_str().unwrap())
        );
    }
    // A cent more on one break: refused.
    let mut changed = stored.clone();
    changed["lines"][0]["breaks"][1]["price"] = json!("0.59");
    let (code, out) = check_with_documented_script(&v["receipt"], &changed);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("MISMATCH"), "{out}");
}
