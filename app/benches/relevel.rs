//! Re-level benchmark (issue 12), in headless Chromium through wasm-bindgen-test-runner,
//! built with the shipped bundle's profile:
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p app --target wasm32-unknown-unknown
//!  --profile wasm-release --features bench --test relevel -- --nocapture`
//! (what `cargo xtask bench relevel` runs).
//!
//! For each size (lines × suppliers × breaks) it prints the median of several runs of
//! - `level`: `domain::level::level` from scratch, and `domain::level::Leveling::update`
//!   after one annual volume changed (what the page runs: only that line's cells), and
//! - `re-level`: the comparison page mounted with that data, one annual volume changed
//!   through its field (a `change` event), until the page has redrawn — leveling, the
//!   grid's changed cells and the per-supplier totals. The wait for the redraw is a
//!   zero-delay timer, whose own cost (`timer`) is printed beside it.
//!
//! Sizes whose grid would hold more cells than a page can draw at once are leveled only.
//! It is a benchmark, not a test: it asserts nothing about time.

#![cfg(all(target_arch = "wasm32", feature = "bench"))]
#![allow(clippy::unwrap_used, clippy::float_arithmetic)]

use app::pages::compare::CompareView;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Largest grid (cells) mounted in the page; beyond, only `level` is timed.
const MAX_MOUNTED_CELLS: usize = 20_000;
const RUNS: usize = 7;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// A comparison of `lines` RFQ lines with `breaks` quantity breaks, each quoted by
/// `suppliers` suppliers (prices spread so lowest and deltas vary, tooling on every
/// line so the annual volume matters).
fn comparison(lines: usize, suppliers: usize, breaks: usize) -> api::Comparison {
    let qty = |b: usize| (100 * (b + 1) * (b + 1)).to_string();
    let rfq_lines: Vec<Value> = (0..lines)
        .map(|i| {
            json!({
                "id": format!("l{i}"), "line_no": i + 1, "part_number": format!("P-{i:05}"),
                "revision": "A", "quantities": (0..breaks).map(qty).collect::<Vec<_>>(),
                "annual_volume": "10000", "need_by": null,
                "last_price": "2.5", "should_cost": "1.9"
            })
        })
        .collect();
    let rfq =
        json!({"currency": "USD", "incoterm": "FCA", "payment_terms": null, "lines": rfq_lines});
    let bids: Vec<Value> = (0..suppliers)
        .map(|s| {
            let qlines: Vec<Value> = (0..lines)
                .map(|i| {
                    let brks: Vec<Value> = (0..breaks)
                        .map(|b| {
                            let cents = 200 + (i * 7 + s * 13) % 90 - b * 5;
                            json!({"min_qty": qty(b), "price": format!("{}.{:02}", cents / 100, cents % 100)})
                        })
                        .collect();
                    json!({
                        "rfq_line_id": format!("l{i}"), "breaks": brks, "price_basis_qty": "1",
                        "lead_time_days": 20 + s, "tooling": [{"description": "Die", "amount": "1000"}]
                    })
                })
                .collect();
            json!({
                "supplier_id": format!("s{s}"), "supplier_name": format!("Supplier {s}"),
                "quote": {
                    "header": {
                        "currency": "USD", "valid_until": "2030-06-30", "incoterm": "FCA",
                        "incoterm_place": "Chicago",
                        "payment_terms": {"text": "Net 30", "net_days": 30, "discount_pct": null,
                            "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
                        "freight": {"kind": "per_unit", "amount": "0.05"}, "reference": ""
                    },
                    "lines": qlines
                }
            })
        })
        .collect();
    let settings = json!({
        "base": "USD", "fx": [], "amortization_years": "2", "cost_of_capital_pct": "8",
        "outlier_ratio": "20", "today": "2026-12-07"
    });
    let rfq: domain::quote::RfqSpec = serde_json::from_value(rfq).unwrap();
    let bids: Vec<domain::level::Bid> = serde_json::from_value(json!(bids)).unwrap();
    let settings: domain::level::Settings = serde_json::from_value(settings).unwrap();
    let leveled = domain::level::level(&rfq, &bids, &settings);
    api::Comparison {
        rfq,
        bids,
        settings,
        leveled,
        fx_table: Vec::new(),
    }
}

/// Medians of (`domain::level::level` from scratch, `Leveling::update` after the same
/// change), for a changed annual volume of line 1.
fn level_only(c: &api::Comparison) -> (f64, f64) {
    let mut rfq = c.rfq.clone();
    let mut kept = domain::level::Leveling::new(&rfq, &c.bids, &c.settings);
    let (mut full, mut part) = (Vec::new(), Vec::new());
    for k in 0..RUNS {
        rfq.lines[0].annual_volume = Some(rust_decimal::Decimal::from(20_000 + k as i64));
        let t = now();
        let l = domain::level::level(&rfq, &c.bids, &c.settings);
        full.push(now() - t);
        let t = now();
        kept.update(
            &rfq,
            &c.bids,
            &c.settings,
            &[domain::level::Change::Line(0)],
        );
        part.push(now() - t);
        assert_eq!(
            kept.leveled(),
            &l,
            "the re-level differs from leveling anew"
        );
    }
    (median(full), median(part))
}

/// Mounts the page, changes line 1's annual volume `RUNS` times, returns the medians of
/// (first draw, re-level, bare timer).
async fn relevel_in_page(c: api::Comparison) -> (f64, f64, f64) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let t = now();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CompareView id="bench".to_string() c=c.clone() /> }
    });
    tick().await;
    let first = now() - t;
    console_log!("relevel: first draw {first:.0} ms");
    let input: web_sys::HtmlInputElement = doc
        .get_element_by_id("cmp-volume-0")
        .unwrap()
        .unchecked_into();
    let landed = || {
        doc.query_selector("#cell-0-0 .landed")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let mut times = Vec::new();
    let mut timers = Vec::new();
    for k in 0..RUNS {
        let before = landed();
        // Alternating between a low and a high volume moves the tooling share.
        input.set_value(if k % 2 == 0 { "500" } else { "50000" });
        let ev = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        let t = now();
        input.dispatch_event(&ev).unwrap();
        tick().await;
        times.push(now() - t);
        console_log!("relevel: re-level {k}: {:.1} ms", now() - t);
        assert_ne!(before, landed(), "the page did not re-level");
        let t = now();
        tick().await;
        timers.push(now() - t);
    }
    drop(handle);
    host.remove();
    (first, median(times), median(timers))
}

#[wasm_bindgen_test]
async fn relevel() {
    console_log!("relevel: median of {RUNS} runs, wasm-release profile, headless Chromium");
    // Leveling alone first, for every size, so its figures print even if drawing a size
    // in the page takes longer than the runner waits.
    let mut to_mount = Vec::new();
    for (lines, suppliers, breaks, goal) in [(200, 10, 3, 16.0), (2000, 50, 5, 50.0)] {
        let cells = lines * suppliers * breaks;
        let shape =
            format!("{lines} lines × {suppliers} suppliers × {breaks} breaks ({cells} cells)");
        let t = now();
        let c = comparison(lines, suppliers, breaks);
        console_log!("relevel: {shape}: test data built in {:.0} ms", now() - t);
        // Lets the runner read the output between the long synchronous steps.
        tick().await;
        let (full, level) = level_only(&c);
        console_log!(
            "relevel: {shape}: level from scratch {full:.1} ms; re-level of the changed line (Leveling::update) {level:.1} ms (goal < {goal} ms: {})",
            if level < goal { "met" } else { "not met" }
        );
        if cells <= MAX_MOUNTED_CELLS {
            to_mount.push((shape, level, goal, c));
        } else {
            console_log!(
                "relevel: {shape}: not mounted: {cells} cells are more than a page draws at once (needs a virtualized grid)"
            );
        }
        tick().await;
    }
    for (shape, level, goal, c) in to_mount {
        let (first, re, timer) = relevel_in_page(c).await;
        console_log!(
            "relevel: {shape}: level {level:.1} ms; re-level in the page {re:.1} ms (timer {timer:.1} ms; goal < {goal} ms: {}); first draw {first:.0} ms",
            if re < goal { "met" } else { "not met" }
        );
    }
}
