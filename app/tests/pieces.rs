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

#[wasm_bindgen_test]
#[allow(clippy::float_arithmetic)] // JavaScript time is milliseconds in an f64; no money here.
fn a_deadline_half_an_hour_ago_has_passed() {
    // Whole hours round toward zero: -30 min is hour 0, which once read "within the hour".
    let iso = |offset_ms: f64| -> String {
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            js_sys::Date::now() + offset_ms,
        ))
        .to_iso_string()
        .into()
    };
    assert_eq!(time_left(&iso(-1_800_000.0)), "passed");
    assert_eq!(time_left(&iso(1_800_000.0)), "within the hour");
    assert_eq!(time_left(&iso(12_600_000.0)), "in 3 hours");
}

/// An extraction as the reader answers it for a German offer whose "Lieferzeit" column of
/// bare numbers it read as a lead time without a unit (so no line has one).
fn german_offer(lead_days: Option<u32>) -> domain::extract::Extraction {
    use serde_json::json;
    let line = |part: &str, price: &str| {
        json!({
            "part_number": part, "supplier_part": null, "revision": "B", "description": null,
            "uom": null, "price_basis_qty": "1",
            "breaks": [{"min_qty": "500", "unit_price": price}],
            "moq": null, "order_multiple": null, "lead_time_days": lead_days, "tooling": [],
            "no_bid": false, "no_bid_reason": null, "alternate": null, "rfq_line": null,
            "confidence": 100, "provenance": {}
        })
    };
    serde_json::from_value(json!({
        "file": "angebot.csv", "format": "delimited", "supplier": null, "quote_ref": "A-1",
        "quote_date": null, "currency": "USD", "valid_until": "2027-03-31", "validity_days": null,
        "payment_terms": null, "incoterm": null, "freight": null, "total": null,
        "lines": [line("BRK-2208", "0.66"), line("HSG-1040", "3.95")],
        "diagnostics": [], "provenance": {},
        "layouts": [{
            "table": "table", "fingerprint": "f1",
            "header": ["Teilenummer", "Rev", "Menge", "Stückpreis", "Lieferzeit"],
            "roles": ["part_number", "revision", "quantity", "unit_price",
                if lead_days.is_some() { "lead_time_weeks" } else { "lead_time" }],
            "source": "inferred"
        }]
    }))
    .unwrap()
}

#[wasm_bindgen_test]
fn what_the_reader_left_unread_is_a_finding() {
    use app::pages::quote_upload::unread_findings;
    let found = unread_findings(&german_offer(None));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(
            "Column “Lieferzeit” (table) is read as “Lead time”, but no line got a value from it."
        ),
        "{found:?}"
    );
    assert!(found[0].contains("Lead time in weeks"), "{found:?}");
    assert_eq!(
        found[1],
        "Not found in the file: Incoterm, payment terms, lead time. Enter them in the quote form if the buyer asked for them."
    );
    // Once the column gives values, only the terms the file lacks remain.
    let found = unread_findings(&german_offer(Some(28)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("Not found in the file: Incoterm, payment terms."),
        "{found:?}"
    );
}

#[wasm_bindgen_test]
fn reading_again_lists_what_changed() {
    use app::pages::quote_upload::changes;
    let before = german_offer(None);
    let after = german_offer(Some(28));
    assert_eq!(
        changes(&before, &after),
        vec![
            "BRK-2208: lead time — → 28 days".to_string(),
            "HSG-1040: lead time — → 28 days".to_string()
        ]
    );
    assert!(changes(&after, &after).is_empty());
    let mut fewer = after.clone();
    fewer.lines.pop();
    assert_eq!(
        changes(&after, &fewer),
        vec!["HSG-1040: no longer read".to_string()]
    );
    assert_eq!(
        changes(&fewer, &after),
        vec!["HSG-1040: new line".to_string()]
    );
}

#[wasm_bindgen_test]
fn a_correction_replaces_what_was_remembered_for_that_layout() {
    use app::pages::quote_upload::remember;
    use domain::extract::{ColumnRole, MappingMemory};
    let mut memory = MappingMemory::default();
    // Learned earlier under the sender's name the reader found in the file.
    memory.learn(
        Some("Orion Stamping"),
        "f1",
        vec![Some(ColumnRole::LeadTime)],
    );
    memory.learn(Some("Orion Stamping"), "f2", vec![Some(ColumnRole::Moq)]);
    remember(&mut memory, "f1", vec![Some(ColumnRole::LeadTimeWeeks)]);
    assert_eq!(memory.layouts.len(), 2);
    let weeks = Some(&vec![Some(ColumnRole::LeadTimeWeeks)]);
    // Whatever sender the next file names, or none.
    assert_eq!(memory.lookup(Some("Orion Stamping"), "f1"), weeks);
    assert_eq!(memory.lookup(Some("ORION STAMPING GmbH"), "f1"), weeks);
    assert_eq!(memory.lookup(None, "f1"), weeks);
    assert_eq!(
        memory.lookup(Some("Orion Stamping"), "f2"),
        Some(&vec![Some(ColumnRole::Moq)])
    );
}
