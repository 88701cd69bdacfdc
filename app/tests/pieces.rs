//! Small pure-ish pieces of the app, checked in headless Chromium (they use the
//! browser's Intl and Date): `cargo test -p app --target wasm32-unknown-unknown`.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use app::api::AppError;
use app::session::safe_next;
use app::ui::{local_date, local_number, time_left};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn next_after_sign_in_stays_on_this_site() {
    let cases: &[(Option<&str>, &str)] = &[
        (None, "/"),
        (Some("/parts?q=brk"), "/parts?q=brk"),
        (Some("/rfqs/abc"), "/rfqs/abc"),
        (Some("//evil.example/x"), "/"),
        (Some("/\\evil.example/x"), "/"),
        (Some("https://evil.example/"), "/"),
        (Some("/login?next=/"), "/"),
        (Some(""), "/"),
    ];
    for (input, want) in cases {
        assert_eq!(safe_next(input.map(str::to_string)), *want, "{input:?}");
    }
}

#[wasm_bindgen_test]
fn numbers_keep_every_digit() {
    // Grouping depends on the browser's locale; the digits must all survive.
    let digits = |s: String| s.chars().filter(char::is_ascii_digit).collect::<String>();
    assert_eq!(digits(local_number("12000")), "12000");
    assert_eq!(digits(local_number("1234567.125")), "1234567125");
    assert_eq!(local_number("not a number"), "not a number");
}

#[wasm_bindgen_test]
fn dates_fall_back_to_the_input_when_unreadable() {
    assert_eq!(local_date("someday"), "someday");
    assert!(local_date("2027-02-01").contains("2027"));
    assert_eq!(time_left("2000-01-01T00:00:00Z"), "passed");
    assert_eq!(time_left("garbage"), "");
}

#[wasm_bindgen_test]
fn errors_read_as_their_message() {
    let e = AppError::new("network", "Bidwell can't be reached right now.");
    assert!(e.is_network());
    assert_eq!(e.to_string(), "Bidwell can't be reached right now.");
    assert!(e.fields().is_empty());
}

#[wasm_bindgen_test]
fn conflict_summary_reads_a_quote_version_and_an_op() {
    use serde_json::json;
    let quote = json!({
        "header": {
            "currency": "USD", "valid_until": "2030-06-30", "incoterm": "FCA",
            "incoterm_place": "Chicago",
            "payment_terms": {"text": "Net 30", "net_days": 30, "discount_pct": null,
                "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
            "freight": {"kind": "included"}, "reference": ""
        },
        "lines": [
            {"rfq_line_id": "l1", "breaks": [{"min_qty": "500", "price": "0.690"}, {"min_qty": "2000", "price": "0.60"}],
             "price_basis_qty": "1", "tooling": []},
            {"rfq_line_id": "l2", "breaks": [], "price_basis_qty": "1", "no_bid": true, "no_bid_reason": "No anodizing", "tooling": []}
        ]
    });
    let server =
        json!({"receipt": {"version": 2, "received_at": "2026-11-23T10:00:00Z"}, "quote": quote});
    let s = app::offline::summary(&server);
    assert!(s[0].starts_with("Version 2, received "), "{s:?}");
    assert_eq!(s[1], "USD · FCA Chicago · Net 30");
    assert_eq!(s[2], "Line 1: 500 @ 0.69 · 2000 @ 0.6");
    assert_eq!(s[3], "Line 2: no bid (No anodizing)");
    let op = json!({"rfq_id": "r1", "base_version": 1, "quote": quote});
    assert_eq!(
        app::offline::summary(&op)[0],
        "Made on this device from version 1"
    );
    // A record that is not a quote gets no summary (the full record is shown instead).
    assert!(app::offline::summary(&json!({"note_id": "n1", "text": "hello"})).is_empty());
    // Sealed: a version without prices.
    assert!(app::offline::summary(&json!({"receipt": {"version": 1}, "quote": null})).is_empty());
}
