//! The supplier's quote form on `/rfqs/{id}`: header, lines with their breaks and
//! tooling, field errors beside their inputs and focus on the first one, the draft kept
//! as it is typed. A section of `supplier_rfq` (issue 11: the file was split along its
//! sections).

use api::{MyQuote, RfqDetail};
use domain::quote::{Quote, RfqSpec};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api as client;
use crate::pages::quote_form::{today_utc, BreakRow, Errors, QuoteForm, ToolingRow};
use crate::storage::Storage;
use crate::ui::local_datetime;

use super::current;

/// Once the form shows its errors (next frame), moves the focus to the first one: the
/// first field marked invalid, or the first message without a field of its own. The
/// browser scrolls it into view, so on a phone the person lands on what to fix.
fn focus_first_error() {
    request_animation_frame(|| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(Some(first)) =
            doc.query_selector(".quote-form [aria-invalid=\"true\"], .quote-form .field-error")
        else {
            return;
        };
        let Ok(el) = first.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        if el.class_name().contains("field-error") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    });
}

/// Message for one field path, and whether it has one.
fn err_view(errors: Memo<Errors>, key: String) -> impl IntoView {
    let id = error_id(&key);
    move || {
        errors.with(|e| e.get(&key).cloned()).map(|m| {
            view! {
                <p class="field-error" id=id.clone()>
                    {m}
                </p>
            }
        })
    }
}

fn error_id(key: &str) -> String {
    let mut s: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    s.push_str("-error");
    s
}

fn invalid_attr(errors: Memo<Errors>, key: String) -> impl Fn() -> Option<&'static str> {
    move || errors.with(|e| e.contains_key(&key)).then_some("true")
}

type LineForm = crate::pages::quote_form::LineForm;

/// One input of a repeated row (a price break's quantity, a tooling amount, …).
#[derive(Clone, Copy)]
struct CellSpec {
    /// Column name shown beside the value on narrow screens.
    data_label: &'static str,
    /// The input's name without the row number: "Price, break" → "Price, break 2".
    label: &'static str,
    /// The field in the row, for error paths like `lines[0].breaks[1].price`.
    field: &'static str,
    decimal: bool,
    get: fn(&LineForm, usize) -> Option<&String>,
    set: fn(&mut LineForm, usize) -> Option<&mut String>,
}

/// A repeated group of a line's inputs (price breaks, tooling): two inputs per row and
/// a "×" that removes the row.
#[derive(Clone, Copy)]
struct Rows {
    /// The list in the line, for error paths (`breaks`, `tooling`).
    list: &'static str,
    /// What one row is called in "Remove {noun} {n}".
    noun: &'static str,
    cells: [CellSpec; 2],
    remove: fn(&mut LineForm, usize),
}

const BREAK_ROWS: Rows = Rows {
    list: "breaks",
    noun: "break",
    cells: [
        CellSpec {
            data_label: "Quantity",
            label: "Quantity, break",
            field: "min_qty",
            decimal: true,
            get: |l, j| l.breaks.get(j).map(|b| &b.qty),
            set: |l, j| l.breaks.get_mut(j).map(|b| &mut b.qty),
        },
        CellSpec {
            data_label: "Price",
            label: "Price, break",
            field: "price",
            decimal: true,
            get: |l, j| l.breaks.get(j).map(|b| &b.price),
            set: |l, j| l.breaks.get_mut(j).map(|b| &mut b.price),
        },
    ],
    remove: |l, j| {
        if j < l.breaks.len() {
            l.breaks.remove(j);
        }
    },
};

const TOOLING_ROWS: Rows = Rows {
    list: "tooling",
    noun: "tooling",
    cells: [
        CellSpec {
            data_label: "Description",
            label: "Tooling description",
            field: "description",
            decimal: false,
            get: |l, j| l.tooling.get(j).map(|t| &t.description),
            set: |l, j| l.tooling.get_mut(j).map(|t| &mut t.description),
        },
        CellSpec {
            data_label: "Amount",
            label: "Tooling amount",
            field: "amount",
            decimal: true,
            get: |l, j| l.tooling.get(j).map(|t| &t.amount),
            set: |l, j| l.tooling.get_mut(j).map(|t| &mut t.amount),
        },
    ],
    remove: |l, j| {
        if j < l.tooling.len() {
            l.tooling.remove(j);
        }
    },
};

/// Rows `0..n` of group `rows` on line `i`, bound to the form.
fn repeated_rows(
    form: RwSignal<QuoteForm>,
    errors: Memo<Errors>,
    i: usize,
    n: usize,
    rows: Rows,
) -> impl IntoView {
    (0..n)
        .map(|j| {
            let cells = rows
                .cells
                .into_iter()
                .map(|c| {
                    let key = format!("lines[{i}].{}[{j}].{}", rows.list, c.field);
                    view! {
                        <td data-label=c.data_label>
                            <input
                                inputmode=c.decimal.then_some("decimal")
                                aria-label=format!("{} {}", c.label, j + 1)
                                prop:value=move || {
                                    form.with(|f| f.lines.get(i).and_then(|l| (c.get)(l, j)).cloned())
                                }
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.update(|f| {
                                        if let Some(slot) = f.lines.get_mut(i).and_then(|l| (c.set)(l, j)) {
                                            *slot = v;
                                        }
                                    });
                                }
                                aria-invalid=invalid_attr(errors, key.clone())
                            />
                            {err_view(errors, key)}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    {cells}
                    <td>
                        <button
                            class="btn btn-quiet btn-small"
                            type="button"
                            aria-label=format!("Remove {} {}", rows.noun, j + 1)
                            on:click=move |_| {
                                form.update(|f| {
                                    if let Some(l) = f.lines.get_mut(i) {
                                        (rows.remove)(l, j);
                                    }
                                })
                            }
                        >
                            "×"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view()
}

/// Reads one string of the form (boxed: one copy of [`text_field`] serves every input,
/// which keeps the wasm small).
type Getter = std::sync::Arc<dyn Fn(&QuoteForm) -> String + Send + Sync>;
/// Writes one string of the form.
type Setter = std::sync::Arc<dyn Fn(&mut QuoteForm, String) + Send + Sync>;

/// A labelled text input bound to one string of the form.
#[allow(clippy::too_many_arguments)]
fn text_field(
    form: RwSignal<QuoteForm>,
    errors: Memo<Errors>,
    id: String,
    label: &'static str,
    key: &str,
    input_type: &'static str,
    get: Getter,
    set: Setter,
) -> AnyView {
    let key = key.to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=input_type
                inputmode=(input_type == "text" && matches!(label, "Net days" | "Discount days"))
                    .then_some("numeric")
                prop:value=move || form.with(|f| get(f))
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    form.update(|f| set(f, v));
                }
                aria-invalid=invalid_attr(errors, key.clone())
                aria-describedby=error_id(&key)
            />
            {err_view(errors, key.clone())}
        </div>
    }
    .into_any()
}

/// The quote form: header, one fieldset per RFQ line, submit.
#[component]
#[allow(clippy::too_many_arguments)]
pub(super) fn QuoteFormView(
    rfq: RfqDetail,
    spec: Option<RfqSpec>,
    form: RwSignal<QuoteForm>,
    baseline: StoredValue<QuoteForm>,
    draft_key: String,
    draft_saved: RwSignal<Option<String>>,
    draft_pending: RwSignal<bool>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    mine: RwSignal<MyQuote>,
    closed: RwSignal<Option<String>>,
    can_change: Signal<bool>,
    receipt_quote: RwSignal<Option<Quote>>,
) -> impl IntoView {
    let rfq_id = rfq.summary.id.clone();
    let spec = StoredValue::new(spec);
    let attempted = RwSignal::new(false);
    let server_errors = RwSignal::new(Errors::new());
    let alert = RwSignal::new(None::<String>);
    // "Saved on this device, sent when online": shown while the queued submit waits.
    let queued = RwSignal::new(None::<String>);
    {
        let pending = crate::offline::state().pending;
        Effect::new(move |_| {
            if pending.get() == 0 && queued.with_untracked(Option::is_some) {
                queued.set(None);
            }
        });
    }
    let errors = Memo::new(move |_| {
        let mut e = server_errors.get();
        if attempted.get() {
            if let Some(spec) = spec.with_value(Clone::clone) {
                if let Err(local) = form.with(|f| f.to_quote(&spec, today_utc())) {
                    for (k, m) in local {
                        e.entry(k).or_insert(m);
                    }
                }
            }
        }
        e
    });

    let submit = Action::new_local(move |q: &Quote| {
        let q = q.clone();
        let id = rfq_id.clone();
        let key = draft_key.clone();
        async move {
            let base = mine.with_untracked(|m| current(m).map(|v| v.receipt.version));
            match crate::pages::quote_form::submit_or_queue(&id, &q, base, &key).await {
                Ok(_receipt) => {
                    timer.set_value(None);
                    baseline.set_value(form.get_untracked());
                    receipt_quote.set(Some(q));
                    if let Ok(s) = Storage::open().await {
                        let _ = s.delete_draft(&key).await;
                    }
                    draft_saved.set(None);
                    draft_pending.set(false);
                    attempted.set(false);
                    alert.set(None);
                    match client::my_quote(&id).await {
                        Ok(m) => mine.set(m),
                        Err(e) => alert.set(Some(e.message().to_string())),
                    }
                }
                Err(e) if e.code() == crate::pages::quote_form::QUEUED => {
                    alert.set(None);
                    queued.set(Some(e.message().to_string()));
                }
                Err(e) => {
                    if matches!(e.code(), "deadline_passed" | "rfq_not_open") {
                        closed.set(Some(e.message().to_string()));
                    } else {
                        let fields = !e.fields().is_empty();
                        server_errors.set(e.fields().clone());
                        alert.set(Some(e.message().to_string()));
                        if fields {
                            focus_first_error();
                        }
                    }
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !can_change.get_untracked() {
            return;
        }
        server_errors.set(Errors::new());
        attempted.set(true);
        let Some(spec) = spec.with_value(Clone::clone) else {
            alert.set(Some(
                "This RFQ's currency is not known; reload the page.".into(),
            ));
            return;
        };
        match form.with_untracked(|f| f.to_quote(&spec, today_utc())) {
            Ok(q) => {
                alert.set(None);
                submit.dispatch(q);
            }
            Err(_) => {
                // The count is live (`problems`): it falls as the person fixes fields.
                alert.set(None);
                focus_first_error();
            }
        }
    };
    // While the person fixes what a submission found: how many problems remain.
    let problems = move || {
        let n = errors.with(|e| e.len());
        (attempted.get() && n > 0).then(|| {
            format!(
                "{n} problem{} left to fix before sending: the first is marked and has the focus.",
                if n == 1 { "" } else { "s" }
            )
        })
    };

    let currencies = {
        let mut codes: Vec<&'static str> = domain::money::all_currencies()
            .into_iter()
            .filter(|c| c.minor_units.is_some())
            .map(|c| c.code)
            .collect();
        codes.sort_unstable();
        codes
    };
    let currency_options = currencies
        .into_iter()
        .map(|c| view! { <option value=c>{c}</option> })
        .collect_view();
    let incoterm_options = domain::terms::INCOTERMS_2020
        .iter()
        .map(|r| view! { <option value=r.code>{format!("{} · {}", r.code, r.name)}</option> })
        .collect_view();

    let header = view! {
        <fieldset class="form-grid quote-header">
            <legend>"Terms of the whole quote"</legend>
            <div class="field">
                <label for="q-currency">"Currency"</label>
                <select
                    id="q-currency"
                    prop:value=move || form.with(|f| f.currency.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.currency = v);
                    }
                    aria-invalid=invalid_attr(errors, "header.currency".into())
                >
                    {currency_options}
                </select>
                {err_view(errors, "header.currency".into())}
            </div>
            {text_field(
                form,
                errors,
                "q-valid-until".into(),
                "Valid until",
                "header.valid_until",
                "date",
                std::sync::Arc::new(|f| f.valid_until.clone()),
                std::sync::Arc::new(|f, v| f.valid_until = v),
            )}
            <div class="field">
                <label for="q-incoterm">"Incoterm"</label>
                <select
                    id="q-incoterm"
                    prop:value=move || form.with(|f| f.incoterm.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.incoterm = v);
                    }
                    aria-invalid=invalid_attr(errors, "header.incoterm".into())
                >
                    <option value="">"Not stated"</option>
                    {incoterm_options}
                </select>
                {err_view(errors, "header.incoterm".into())}
            </div>
            {text_field(
                form,
                errors,
                "q-incoterm-place".into(),
                "Named place",
                "header.incoterm_place",
                "text",
                std::sync::Arc::new(|f| f.incoterm_place.clone()),
                std::sync::Arc::new(|f, v| f.incoterm_place = v),
            )}
            {text_field(
                form,
                errors,
                "q-net-days".into(),
                "Net days",
                "header.payment_terms.net_days",
                "text",
                std::sync::Arc::new(|f| f.net_days.clone()),
                std::sync::Arc::new(|f, v| f.net_days = v),
            )}
            {text_field(
                form,
                errors,
                "q-discount-pct".into(),
                "Early-payment discount %",
                "header.payment_terms.discount_pct",
                "text",
                std::sync::Arc::new(|f| f.discount_pct.clone()),
                std::sync::Arc::new(|f, v| f.discount_pct = v),
            )}
            {text_field(
                form,
                errors,
                "q-discount-days".into(),
                "Discount days",
                "header.payment_terms.discount_days",
                "text",
                std::sync::Arc::new(|f| f.discount_days.clone()),
                std::sync::Arc::new(|f, v| f.discount_days = v),
            )}
            {text_field(
                form,
                errors,
                "q-terms-text".into(),
                "Payment terms as written",
                "header.payment_terms.text",
                "text",
                std::sync::Arc::new(|f| f.terms_text.clone()),
                std::sync::Arc::new(|f, v| f.terms_text = v),
            )}
            {err_view(errors, "header.payment_terms".into())}
            <div class="field">
                <label for="q-freight">"Freight"</label>
                <select
                    id="q-freight"
                    prop:value=move || form.with(|f| f.freight_kind.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.freight_kind = v);
                    }
                >
                    <option value="included">"Included in the price"</option>
                    <option value="per_shipment">"Per shipment"</option>
                    <option value="per_unit">"Per unit"</option>
                    <option value="not_quoted">"Not quoted"</option>
                </select>
            </div>
            {move || {
                form.with(|f| matches!(f.freight_kind.as_str(), "per_shipment" | "per_unit"))
                    .then(|| {
                        text_field(
                            form,
                            errors,
                            "q-freight-amount".into(),
                            "Freight amount",
                            "header.freight",
                            "text",
                            std::sync::Arc::new(|f| f.freight_amount.clone()),
                            std::sync::Arc::new(|f, v| f.freight_amount = v),
                        )
                    })
            }}
            {text_field(
                form,
                errors,
                "q-reference".into(),
                "Your reference",
                "header.reference",
                "text",
                std::sync::Arc::new(|f| f.reference.clone()),
                std::sync::Arc::new(|f, v| f.reference = v),
            )}
            <div class="field span-all">
                <label for="q-notes">"Notes"</label>
                <textarea
                    id="q-notes"
                    rows="2"
                    prop:value=move || form.with(|f| f.notes.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.notes = v);
                    }
                ></textarea>
            </div>
        </fieldset>
    };

    let line_views = rfq
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| line_fieldset(form, errors, i, l))
        .collect_view();

    let saved = move || {
        if draft_pending.get() {
            return Some(
                view! { <span class="muted small draft-saved">"Saving draft…"</span> }.into_any(),
            );
        }
        draft_saved.get().map(|t| {
            view! {
                <span class="muted small draft-saved">
                    "Draft saved " <time datetime=t.clone()>{local_datetime(&t)}</time>
                </span>
            }
            .into_any()
        })
    };
    let has_version = move || mine.with(|m| !m.versions.is_empty());

    view! {
        <section aria-labelledby="quote-form-h">
            <div class="section-head">
                <h2 id="quote-form-h">"Quote form"</h2>
                <p role="status">{saved}</p>
            </div>
            <form class="quote-form" on:submit=on_submit novalidate aria-label="Quote form">
                <fieldset class="bare" disabled=move || !can_change.get()>
                    {header}
                    {line_views}
                    {move || {
                        alert
                            .get()
                            .or_else(problems)
                            .map(|m| {
                                view! {
                                    <p class="alert alert-error" role="alert">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                    {move || {
                        queued
                            .get()
                            .map(|m| {
                                view! {
                                    <p class="alert alert-info queued" role="status">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                    <div class="actions submit-actions">
                        <button
                            class="btn btn-primary"
                            type="submit"
                            disabled=move || submit.pending().get()
                        >
                            {move || if has_version() { "Resubmit quote" } else { "Submit quote" }}
                        </button>
                    </div>
                </fieldset>
            </form>
        </section>
    }
}

fn line_fieldset(
    form: RwSignal<QuoteForm>,
    errors: Memo<Errors>,
    i: usize,
    l: &api::RfqLine,
) -> impl IntoView {
    let p = move |f: &str| format!("lines[{i}].{f}");
    let n_breaks = Memo::new(move |_| form.with(|f| f.lines.get(i).map_or(0, |l| l.breaks.len())));
    let n_tooling =
        Memo::new(move |_| form.with(|f| f.lines.get(i).map_or(0, |l| l.tooling.len())));
    let no_bid = Memo::new(move |_| form.with(|f| f.lines.get(i).is_some_and(|l| l.no_bid)));
    let basis_other =
        Memo::new(move |_| form.with(|f| f.lines.get(i).is_some_and(|l| l.basis == "other")));
    let legend = format!("Line {} · {} rev {}", l.line_no, l.part_number, l.revision);
    let uom = domain::terms::unit_name(&l.uom)
        .map(str::to_string)
        .unwrap_or_else(|| l.uom.clone());

    let breaks = move || repeated_rows(form, errors, i, n_breaks.get(), BREAK_ROWS);
    let tooling = move || repeated_rows(form, errors, i, n_tooling.get(), TOOLING_ROWS);

    let id = move |f: &str| format!("l{i}-{f}");
    let line_text =
        move |fid: &'static str,
              label: &'static str,
              key: &'static str,
              get: fn(&crate::pages::quote_form::LineForm) -> String,
              set: fn(&mut crate::pages::quote_form::LineForm, String)| {
            text_field(
                form,
                errors,
                format!("l{i}-{fid}"),
                label,
                &p(key),
                "text",
                std::sync::Arc::new(move |f: &QuoteForm| {
                    f.lines.get(i).map(get).unwrap_or_default()
                }),
                std::sync::Arc::new(move |f: &mut QuoteForm, v: String| {
                    if let Some(l) = f.lines.get_mut(i) {
                        set(l, v);
                    }
                }),
            )
        };

    view! {
        <fieldset class="quote-line panel">
            <legend>{legend}</legend>
            {err_view(errors, p("rfq_line_id"))}
            <div class="field checkbox">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || no_bid.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|f| f.lines[i].no_bid = on);
                        }
                    />
                    " No bid"
                </label>
            </div>
            {move || {
                if no_bid.get() {
                    view! {
                        <div class="field">
                            <label for=id("reason")>"Reason for not bidding"</label>
                            <textarea
                                id=id("reason")
                                rows="2"
                                prop:value=move || form.with(|f| f.lines[i].no_bid_reason.clone())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.update(|f| f.lines[i].no_bid_reason = v);
                                }
                                aria-invalid=invalid_attr(errors, p("no_bid_reason"))
                            ></textarea>
                            {err_view(errors, p("no_bid_reason"))}
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="line-grid">
                            <div class="breaks">
                                <table class="table compact" aria-label="Price breaks">
                                    <thead>
                                        <tr>
                                            <th scope="col">"From quantity"</th>
                                            <th scope="col">"Price"</th>
                                            <th scope="col">
                                                <span class="sr-only">"Remove"</span>
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>{breaks}</tbody>
                                </table>
                                {err_view(errors, p("breaks"))}
                                <button
                                    class="btn btn-small"
                                    type="button"
                                    on:click=move |_| {
                                        form.update(|f| f.lines[i].breaks.push(BreakRow::default()))
                                    }
                                >
                                    "Add price break"
                                </button>
                            </div>
                            <div class="form-grid">
                                <div class="field">
                                    <label for=id("basis")>"Price basis"</label>
                                    <select
                                        id=id("basis")
                                        prop:value=move || form.with(|f| f.lines[i].basis.clone())
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            form.update(|f| f.lines[i].basis = v);
                                        }
                                    >
                                        <option value="1">"Per 1 " {uom.clone()}</option>
                                        <option value="100">"Per 100"</option>
                                        <option value="1000">"Per 1000"</option>
                                        <option value="other">"Per other quantity"</option>
                                    </select>
                                    {err_view(errors, p("price_basis_qty"))}
                                </div>
                                {move || {
                                    basis_other
                                        .get()
                                        .then(|| {
                                            line_text(
                                                "basis-other",
                                                "Price per how many units",
                                                "price_basis_qty",
                                                |l| l.basis_other.clone(),
                                                |l, v| l.basis_other = v,
                                            )
                                        })
                                }}
                                {line_text("moq", "MOQ", "moq", |l| l.moq.clone(), |l, v| l.moq = v)}
                                {line_text(
                                    "multiple",
                                    "Order multiple",
                                    "order_multiple",
                                    |l| l.order_multiple.clone(),
                                    |l, v| l.order_multiple = v,
                                )}
                                {line_text(
                                    "lead",
                                    "Lead time (days)",
                                    "lead_time_days",
                                    |l| l.lead_time_days.clone(),
                                    |l, v| l.lead_time_days = v,
                                )}
                                {line_text(
                                    "alternate",
                                    "Alternate offered",
                                    "alternate",
                                    |l| l.alternate.clone(),
                                    |l, v| l.alternate = v,
                                )}
                            </div>
                            <div class="tooling">
                                <table class="table compact" aria-label="Tooling and NRE">
                                    <thead>
                                        <tr>
                                            <th scope="col">"Tooling / NRE"</th>
                                            <th scope="col">"Amount"</th>
                                            <th scope="col">
                                                <span class="sr-only">"Remove"</span>
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>{tooling}</tbody>
                                </table>
                                <button
                                    class="btn btn-small"
                                    type="button"
                                    on:click=move |_| {
                                        form.update(|f| f.lines[i].tooling.push(ToolingRow::default()))
                                    }
                                >
                                    "Add tooling or NRE"
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
            {line_text("notes", "Line notes", "notes", |l| l.notes.clone(), |l, v| l.notes = v)}
        </fieldset>
    }
}
