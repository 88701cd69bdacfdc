//! The supplier's quote form on the page: the form itself and its conversions (typed text
//! → [`domain::quote::Quote`], extraction → text) are `domain::quote::form`; here are the
//! RFQ as the form and the checks see it, sending or queueing a submit, and the buyer's
//! "Enter a quote for a supplier" form.

use std::str::FromStr;

use api::RfqDetail;
use chrono::NaiveDate;
use domain::money::Currency;
use domain::quote::{Quote, RfqLineSpec, RfqSpec};
use rust_decimal::Decimal;

/// The form and its conversions live in `domain::quote::form` (tested there).
pub use domain::quote::form::{BreakRow, Errors, LineForm, QuoteForm, ToolingRow};

/// The RFQ's lines as the form answers them: `(line id, break quantities)`.
pub fn form_lines(rfq: &RfqDetail) -> impl Iterator<Item = (&str, &[Decimal])> {
    rfq.lines
        .iter()
        .map(|l| (l.id.as_str(), l.quantities.as_slice()))
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The RFQ facts the quote is checked against, built from the RFQ as the supplier
/// receives it (the server builds the same from its tables).
pub fn rfq_spec(rfq: &RfqDetail) -> Option<RfqSpec> {
    Some(RfqSpec {
        currency: Currency::from_code(&rfq.summary.currency).ok()?,
        incoterm: non_empty(&rfq.incoterm),
        // `validate` does not read the RFQ's payment terms; leaving their parser out keeps
        // it out of the main bundle.
        payment_terms: None,
        lines: rfq
            .lines
            .iter()
            .map(|l| RfqLineSpec {
                id: l.id.clone(),
                line_no: u32::try_from(l.line_no).unwrap_or(0),
                part_number: l.part_number.clone(),
                revision: l.revision.clone(),
                quantities: l.quantities.clone(),
                annual_volume: l.annual_volume,
                need_by: l
                    .need_by
                    .as_deref()
                    .and_then(|d| NaiveDate::from_str(d).ok()),
                last_price: None,
                should_cost: None,
            })
            .collect(),
    })
}

/// The RFQ as the extractor matches quote lines against it; each line's id is the RFQ
/// line id, so a match names the line to fill.
pub fn extract_spec(rfq: &RfqDetail) -> domain::extract::RfqSpec {
    domain::extract::RfqSpec {
        rfq: Some(rfq.summary.number.clone()),
        currency: Some(rfq.summary.currency.clone()),
        lines: rfq
            .lines
            .iter()
            .map(|l| domain::extract::RfqLine {
                line: l.id.clone(),
                part_number: l.part_number.clone(),
                revision: Some(l.revision.clone()),
                description: Some(l.part_name.clone()),
                quantities: l.quantities.clone(),
                supplier_part: None,
                uom: Some(l.uom.clone()),
                last_price: None,
                target_price: None,
                should_cost: None,
            })
            .collect(),
    }
}

/// Today's date in UTC, as the server judges validity dates.
pub fn today_utc() -> NaiveDate {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    NaiveDate::from_str(iso.get(..10).unwrap_or("")).unwrap_or_default()
}

/// Code of the [`crate::api::AppError`] that [`submit_or_queue`] answers when the quote
/// was queued on the device instead of sent.
pub const QUEUED: &str = "queued";

/// What the person reads when their quote is queued offline.
pub const QUEUED_MESSAGE: &str = "You are offline: your quote is saved on this device and will be sent when you are back online. The server's clock decides whether it arrived before the deadline.";

/// Submits a supplier's quote: at once when the server can be reached (the answer is
/// the bid receipt), otherwise through the outbox as `quote.submit` carrying
/// `base_version` (the newest version the person saw, so the server answers a conflict
/// if the quote changed meanwhile). Queued, it answers the error code [`QUEUED`] with
/// [`QUEUED_MESSAGE`], and the form's draft (`draft_key`) stays until the server has
/// applied the op.
pub async fn submit_or_queue(
    rfq_id: &str,
    quote: &Quote,
    base_version: Option<i64>,
    draft_key: &str,
) -> crate::api::ApiResult<api::QuoteReceipt> {
    match crate::api::submit_quote(rfq_id, quote).await {
        Err(e) if e.is_network() => {
            let number = rfq_number(rfq_id).await;
            let payload = api::QuoteSubmitOp {
                rfq_id: rfq_id.to_string(),
                base_version,
                quote: quote.clone(),
            };
            let payload = serde_json::to_value(&payload)
                .map_err(|e| crate::api::AppError::new("bad_request", e.to_string()))?;
            crate::sync::queue_from_draft(
                crate::sync::QUOTE_SUBMIT,
                format!("Your quote for {number}"),
                payload,
                Some(draft_key.to_string()),
            )
            .await
            .map_err(|m| crate::api::AppError::new("storage", m))?;
            Err(crate::api::AppError::new(QUEUED, QUEUED_MESSAGE))
        }
        other => other,
    }
}

/// The RFQ's number from the device's cache (its id when not cached).
async fn rfq_number(rfq_id: &str) -> String {
    if let Ok(db) = crate::storage::Storage::open().await {
        if let Ok(Some(r)) = db
            .get_record::<RfqDetail>(crate::api::kinds::RFQ, rfq_id)
            .await
        {
            return r.value.summary.number;
        }
    }
    rfq_id.to_string()
}

pub use enter::EnterForSupplier;

/// "Enter a quote for a supplier": what a buyer captures at a supplier visit (often with
/// no network). The quote goes through the outbox as `quote.enter_for_supplier`; the
/// server stores it as the supplier's next version marked as entered by the buyer (who
/// and when in the audit, `entered_by_buyer` on the version).
mod enter {
    use super::{QuoteForm, RfqDetail};
    use leptos::prelude::*;

    use crate::offline::{local_hhmm, state};
    use crate::storage::now_rfc3339;
    use crate::sync::{self, ENTER_FOR_SUPPLIER};

    /// The collapsed form on the buyer's RFQ page (open RFQs with invited suppliers).
    #[component]
    pub fn EnterForSupplier(detail: RfqDetail) -> impl IntoView {
        let allowed = crate::session::rfq_actions(&detail);
        if !allowed.contains(&domain::rfq::Action::EnterQuote) || detail.invited.is_empty() {
            return None;
        }
        let st = state();
        let rfq = StoredValue::new(detail.clone());
        let supplier = RwSignal::new(detail.invited[0].supplier_id.clone());
        let currency = RwSignal::new(detail.summary.currency.clone());
        let note = RwSignal::new(String::new());
        let blank = QuoteForm::blank(super::form_lines(&detail), &detail.summary.currency);
        let prices: Vec<Vec<RwSignal<String>>> = blank
            .lines
            .iter()
            .map(|l| {
                l.breaks
                    .iter()
                    .map(|_| RwSignal::new(String::new()))
                    .collect()
            })
            .collect();
        let prices = StoredValue::new(prices);
        let errors = RwSignal::new(Vec::<String>::new());
        let saved = RwSignal::new(None::<String>);
        let busy = RwSignal::new(false);
        let rfq_id = detail.summary.id.clone();

        // This device's captured quotes for this RFQ that are not on the server yet.
        let queued = {
            let rfq_id = rfq_id.clone();
            LocalResource::new(move || {
                st.pending.track();
                st.problems.track();
                let rfq_id = rfq_id.clone();
                async move {
                    sync::outbox()
                        .await
                        .into_iter()
                        .filter(|e| e.payload.kind == ENTER_FOR_SUPPLIER)
                        .filter(|e| {
                            e.payload.payload.get("rfq_id").and_then(|v| v.as_str())
                                == Some(rfq_id.as_str())
                        })
                        .map(|e| (e.payload.summary, e.payload.state))
                        .collect::<Vec<_>>()
                }
            })
        };

        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let detail = rfq.get_value();
            let sid = supplier.get_untracked();
            let name = detail
                .invited
                .iter()
                .find(|s| s.supplier_id == sid)
                .map(|s| s.supplier_name.clone())
                .unwrap_or_else(|| sid.clone());
            let mut form =
                QuoteForm::blank(super::form_lines(&detail), currency.get_untracked().trim());
            prices.with_value(|p| {
                for (line, row) in form.lines.iter_mut().zip(p) {
                    for (b, price) in line.breaks.iter_mut().zip(row) {
                        b.price = price.get_untracked();
                    }
                }
            });
            let when = now_rfc3339();
            let me = crate::session::use_me().map(|m| m.name).unwrap_or_default();
            let extra = note.get_untracked().trim().to_string();
            form.notes = format!(
                "Entered by {me} (buyer) on behalf of {name} at a supplier visit, {}.{}",
                crate::ui::local_datetime(&when),
                if extra.is_empty() {
                    String::new()
                } else {
                    format!(" {extra}")
                }
            );
            let Some(spec) = super::rfq_spec(&detail) else {
                errors.set(vec![
                    "This RFQ's currency is not known; reload the page.".into()
                ]);
                return;
            };
            let quote = match form.to_quote(&spec, super::today_utc()) {
                Ok(q) => q,
                Err(e) => {
                    errors.set(
                        e.into_iter()
                            .map(|(k, m)| format!("{}: {m}", where_(&detail, &k)))
                            .collect(),
                    );
                    return;
                }
            };
            errors.set(Vec::new());
            busy.set(true);
            let rfq_id = detail.summary.id.clone();
            leptos::task::spawn_local(async move {
                // The version this buyer last saw for the supplier (cached offline), so
                // the server answers a conflict if the supplier quoted meanwhile.
                let base = crate::api::rfq_responses(&rfq_id).await.ok().and_then(|r| {
                    r.responses
                        .into_iter()
                        .find(|x| x.supplier_id == sid)
                        .and_then(|x| x.current)
                        .map(|v| v.receipt.version)
                });
                let payload = api::EnterForSupplierOp {
                    rfq_id,
                    supplier_id: sid,
                    base_version: base,
                    quote,
                };
                let result = match serde_json::to_value(&payload) {
                    Ok(v) => {
                        let summary =
                            format!("Quote for {name} entered by you at {}", local_hhmm(&when));
                        sync::queue(ENTER_FOR_SUPPLIER, summary, v).await
                    }
                    Err(e) => Err(e.to_string()),
                };
                busy.set(false);
                match result {
                    Ok(_) => {
                        prices
                            .with_value(|p| p.iter().flatten().for_each(|s| s.set(String::new())));
                        note.set(String::new());
                        saved.set(Some(format!(
                            "Quote for {name} saved on this device at {}; it is sent to Bidwell when online, marked as entered by you.",
                            local_hhmm(&when)
                        )));
                    }
                    Err(e) => errors.set(vec![e]),
                }
            });
        };

        let options = detail
            .invited
            .iter()
            .map(|s| view! { <option value=s.supplier_id.clone()>{s.supplier_name.clone()}</option> })
            .collect_view();
        let rows = detail
            .lines
            .iter()
            .enumerate()
            .map(|(li, l)| {
                let inputs = l
                    .quantities
                    .iter()
                    .enumerate()
                    .map(|(bi, q)| {
                        let sig = prices.with_value(|p| p[li][bi]);
                        let qty = q.normalize().to_string();
                        let label = format!("Unit price {} at {qty}", l.part_number);
                        let id = format!("efs-{li}-{bi}");
                        view! {
                            <div class="field">
                                <label for=id.clone()>{label}</label>
                                <input id=id class="mono" inputmode="decimal" autocomplete="off" bind:value=sig />
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="form-grid">
                        <legend>{format!("Line {} · {} {}", l.line_no, l.part_number, l.part_name)}</legend>
                        {inputs}
                    </fieldset>
                }
            })
            .collect_view();
        Some(view! {
            <details class="panel enter-for-supplier">
                <summary>"Enter a quote for a supplier (visit)"</summary>
                <p class="muted small">
                    "For a quote a supplier gives you in person: it is stored as that supplier's quote, marked as entered by you, with the time. Works offline; it is sent when you are back online."
                </p>
                <form class="form-grid" on:submit=submit novalidate aria-label="Enter a quote for a supplier">
                    <div class="field">
                        <label for="efs-supplier">"Supplier"</label>
                        <select id="efs-supplier" on:change=move |ev| supplier.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="efs-currency">"Quote currency"</label>
                        <input id="efs-currency" class="mono" maxlength="3" bind:value=currency />
                    </div>
                    <div class="span-all">{rows}</div>
                    <div class="field span-all">
                        <label for="efs-note">"Note on this quote"</label>
                        <textarea id="efs-note" rows="2" bind:value=note></textarea>
                    </div>
                    <div class="span-all">
                        {move || {
                            let e = errors.get();
                            (!e.is_empty())
                                .then(|| {
                                    view! {
                                        <ul class="form-alert" role="alert">
                                            {e.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                        </ul>
                                    }
                                })
                        }}
                        {move || saved.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                        <button class="btn btn-primary" type="submit" disabled=move || busy.get()>
                            "Save quote for supplier"
                        </button>
                    </div>
                </form>
                <Suspense>
                    {move || Suspend::new(async move {
                        let q = queued.await;
                        (!q.is_empty())
                            .then(|| {
                                view! {
                                    <ul class="plain" aria-label="Quotes entered on this device">
                                        {q
                                            .into_iter()
                                            .map(|(s, state)| {
                                                let mark = if state == "pending" { "not yet synced" } else { "needs your decision" };
                                                view! {
                                                    <li>{s} " · " <span class="badge badge-draft">{mark}</span></li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                            })
                    })}
                </Suspense>
            </details>
        })
    }

    /// `lines[1].breaks[0].price` → "Line 2 (PN-100), break 1, price".
    fn where_(rfq: &RfqDetail, path: &str) -> String {
        let Some(rest) = path.strip_prefix("lines[") else {
            return path.replace('.', ", ").replace('_', " ");
        };
        let Some((n, tail)) = rest.split_once(']') else {
            return path.to_string();
        };
        let line = n
            .parse::<usize>()
            .ok()
            .and_then(|i| rfq.lines.get(i))
            .map(|l| format!("Line {} ({})", l.line_no, l.part_number))
            .unwrap_or_else(|| format!("Line {n}"));
        format!(
            "{line}{}",
            tail.replace('.', ", ")
                .replace('[', " ")
                .replace(']', "")
                .replace('_', " ")
        )
    }
}

pub use queued::QueuedQuote;

/// What became of a quote submitted offline on this device, on the supplier's RFQ page.
mod queued {
    use leptos::prelude::*;

    use crate::offline::{local_hhmm, state};
    use crate::sync::{self, QUOTE_SUBMIT};

    #[derive(Clone, PartialEq)]
    enum Seen {
        Nothing,
        /// Waiting in the outbox since (HH:MM).
        Waiting(String),
        /// The server answered a conflict or refused it (shown in the conflicts panel).
        Problem,
    }

    /// "Your quote made offline at 10:42 is waiting to be sent", then, once the server
    /// applied it, "Your offline quote reached Bidwell" with a reload for its receipt.
    #[component]
    pub fn QueuedQuote(rfq_id: String) -> impl IntoView {
        let st = state();
        let was_waiting = StoredValue::new(false);
        let seen = LocalResource::new(move || {
            st.pending.track();
            st.problems.track();
            let rfq_id = rfq_id.clone();
            async move {
                let mine: Vec<_> = sync::outbox()
                    .await
                    .into_iter()
                    .filter(|e| e.payload.kind == QUOTE_SUBMIT)
                    .filter(|e| {
                        e.payload.payload.get("rfq_id").and_then(|v| v.as_str())
                            == Some(rfq_id.as_str())
                    })
                    .collect();
                if mine.iter().any(|e| e.payload.state != "pending") {
                    Seen::Problem
                } else if let Some(e) = mine.last() {
                    Seen::Waiting(local_hhmm(&e.created_at))
                } else {
                    Seen::Nothing
                }
            }
        });
        move || {
            let now = seen.get()?;
            let view = match now {
                Seen::Waiting(at) => {
                    was_waiting.set_value(true);
                    view! {
                        <p class="alert alert-info" role="status" aria-label="Offline quote">
                            {format!(
                                "Your quote made offline at {at} is waiting to be sent; it goes when you are back online."
                            )}
                        </p>
                    }
                        .into_any()
                }
                Seen::Problem => {
                    view! {
                        <p class="alert alert-warn" role="status" aria-label="Offline quote">
                            "Your offline quote was not accepted as it was: see “Changes that need you” at the top of the page."
                        </p>
                    }
                        .into_any()
                }
                Seen::Nothing if was_waiting.get_value() => {
                    view! {
                        <p class="alert alert-info" role="status" aria-label="Offline quote">
                            "Your offline quote reached Bidwell. "
                            <button
                                class="btn btn-small"
                                type="button"
                                on:click=|_| {
                                    if let Some(w) = web_sys::window() {
                                        let _ = w.location().reload();
                                    }
                                }
                            >
                                "Show its receipt"
                            </button>
                        </p>
                    }
                        .into_any()
                }
                Seen::Nothing => return None,
            };
            Some(view)
        }
    }
}
