//! The comparison page mounted in a browser: the keyboard closes the breakdown and the
//! grid re-levels only what an edit touches, with the same cells as leveling anew.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use app::pages::compare::CompareView;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Three lines × two breaks, three suppliers (the last in EUR).
fn comparison() -> api::Comparison {
    let qty = |b: usize| (100 * (b + 1)).to_string();
    let lines: Vec<Value> = (0..3)
        .map(|i| {
            json!({
                "id": format!("l{i}"), "line_no": i + 1, "part_number": format!("P-{i}"),
                "revision": "A", "quantities": [qty(0), qty(1)], "annual_volume": "10000",
                "need_by": null, "last_price": "2.5", "should_cost": "1.9"
            })
        })
        .collect();
    let bids: Vec<Value> = (0..3)
        .map(|s| {
            let qlines: Vec<Value> = (0..3)
                .map(|i| {
                    json!({
                        "rfq_line_id": format!("l{i}"), "price_basis_qty": "1",
                        "breaks": [{"min_qty": qty(0), "price": format!("2.{}{}", i, s)},
                                   {"min_qty": qty(1), "price": format!("1.{}{}", i, s)}],
                        "lead_time_days": 20, "tooling": [{"description": "Die", "amount": "1000"}]
                    })
                })
                .collect();
            json!({
                "supplier_id": format!("s{s}"), "supplier_name": format!("Supplier {s}"),
                "quote": {
                    "header": {
                        "currency": if s == 2 { "EUR" } else { "USD" }, "valid_until": "2030-06-30",
                        "incoterm": "FCA", "incoterm_place": "Chicago",
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
        "base": "USD", "fx": [{"currency": "EUR", "rate": "1.1", "as_of": "2026-12-01"}],
        "amortization_years": "2", "cost_of_capital_pct": "8", "outlier_ratio": "20",
        "today": "2026-12-07"
    });
    let rfq: domain::quote::RfqSpec = serde_json::from_value(
        json!({"currency": "USD", "incoterm": "FCA", "payment_terms": null, "lines": lines}),
    )
    .unwrap();
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

struct Page {
    doc: web_sys::Document,
    host: web_sys::Element,
}

impl Page {
    async fn mount(c: api::Comparison) -> Page {
        let doc = web_sys::window().unwrap().document().unwrap();
        let host = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&host).unwrap();
        let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            view! { <CompareView id="test".to_string() c=c.clone() /> }
        });
        handle.forget();
        tick().await;
        Page { doc, host }
    }

    fn el(&self, id: &str) -> web_sys::HtmlElement {
        self.host
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("#{id} is not on the page"))
            .unchecked_into()
    }

    fn breakdown_open(&self) -> bool {
        self.host
            .query_selector("section.breakdown")
            .unwrap()
            .is_some()
    }

    fn focused_id(&self) -> String {
        self.doc
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default()
    }

    /// A key pressed where the focus is (bubbling, as a browser sends it).
    async fn key(&self, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        let target: web_sys::EventTarget = match self.doc.active_element() {
            Some(e) => e.into(),
            None => self.doc.body().unwrap().into(),
        };
        target.dispatch_event(&ev).unwrap();
        tick().await;
    }

    /// A volume typed and the field left (`change`).
    async fn volume(&self, line: usize, value: &str) {
        let input: web_sys::HtmlInputElement =
            self.el(&format!("cmp-volume-{line}")).unchecked_into();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
        tick().await;
    }

    fn text(&self, id: &str) -> String {
        self.el(id).text_content().unwrap_or_default()
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.host.remove();
    }
}

#[wasm_bindgen_test]
async fn escape_closes_the_breakdown_wherever_the_focus_is() {
    let page = Page::mount(comparison()).await;
    page.volume(0, "5000").await;
    // Opened with a click: the focus is on the cell.
    let cell = page.el("cell-0-1");
    cell.focus().unwrap();
    cell.click();
    tick().await;
    assert!(page.breakdown_open());
    page.key("Escape").await;
    assert!(!page.breakdown_open(), "Escape on the cell");
    assert_eq!(page.focused_id(), "cell-0-1");
    // Opened with Enter, then the focus inside the breakdown (its close button).
    page.key("ArrowDown").await;
    assert_eq!(page.focused_id(), "cell-1-1");
    page.key("Enter").await;
    assert!(page.breakdown_open());
    let close: web_sys::HtmlElement = page
        .host
        .query_selector("section.breakdown button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    close.focus().unwrap();
    page.key("Escape").await;
    assert!(!page.breakdown_open(), "Escape in the breakdown");
    assert_eq!(page.focused_id(), "cell-1-1");
    // The focus left the comparison (on the page's body): Escape still closes it.
    page.el("cell-2-0").click();
    tick().await;
    assert!(page.breakdown_open());
    page.el("cell-2-0").blur().unwrap();
    page.key("Escape").await;
    assert!(!page.breakdown_open(), "Escape with the focus on the body");
    assert_eq!(page.focused_id(), "cell-2-0");
}

#[wasm_bindgen_test]
async fn a_volume_re_levels_its_line_as_leveling_anew_does() {
    let c = comparison();
    let mut want = c.rfq.clone();
    let page = Page::mount(c.clone()).await;
    let before_other = page.text("cell-2-0");
    page.volume(0, "500").await;
    want.lines[0].annual_volume = Some(rust_decimal::Decimal::from(500));
    let full = domain::level::level(&want, &c.bids, &c.settings);
    let landed = |li: usize, bi: usize, s: usize| {
        full.lines[li].breaks[bi].cells[s]
            .breakdown
            .as_ref()
            .unwrap()
            .landed
            .normalize()
            .to_string()
    };
    for s in 0..3 {
        let shown = page
            .host
            .query_selector(&format!("#cell-0-{s} .landed"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        // Displayed with 4 decimals in the browser's locale: compare the digits.
        let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
        let want = landed(0, 0, s);
        let want = rust_decimal::Decimal::from_str_exact(&want)
            .unwrap()
            .round_dp(4)
            .normalize()
            .to_string();
        assert_eq!(digits(&shown), digits(&want), "cell 0-{s}");
    }
    // Another line's cells are untouched.
    assert_eq!(page.text("cell-2-0"), before_other);
}
