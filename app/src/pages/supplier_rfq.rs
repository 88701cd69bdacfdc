//! `/rfqs/{id}` for a supplier user: the RFQ (header and lines), "Your quote" (bid
//! receipt, versions, withdrawal), the quote form with drafts kept in IndexedDB, the
//! upload of a quote file with review, and the clarification questions.
//!
//! Guarantees:
//! - The form is checked with `domain::quote::validate` before anything is sent; the
//!   server checks again and its field errors land beside the same inputs.
//! - Every change is saved as a draft (debounced) under one key per RFQ and supplier, so
//!   a closed tab or a reload loses nothing; a successful submission clears it.
//! - Once the server says quoting is over (`can_change` false, or 409 on a submit) the
//!   form is read-only and says why.

use api::{Clarification, MyQuote, QuoteReceipt, QuoteVersion, RfqDetail};
use domain::quote::{Quote, RfqSpec};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::api::{self as client, AppError};
use crate::pages::quote_form::{
    form_lines, rfq_spec, today_utc, BreakRow, Errors, QuoteForm, ToolingRow,
};
use crate::pages::quote_upload::QuoteUpload;
use crate::session::use_me;
use crate::storage::{Draft, Storage};
use crate::ui::{
    card_table, col, error_panel, loading, local_date, local_datetime, local_number, num_col,
    set_title, status_badge, time_left,
};

/// Draft key of the quote form: one per RFQ and supplier.
pub fn draft_key(rfq_id: &str, supplier_id: &str) -> String {
    format!("quote:{rfq_id}:{supplier_id}")
}

const CLOSED_MESSAGE: &str =
    "The deadline has passed: quotes can no longer be submitted, changed or withdrawn.";

#[derive(Clone)]
struct Loaded {
    rfq: RfqDetail,
    mine: MyQuote,
    currency: String,
    draft: Option<Draft<QuoteForm>>,
    supplier_id: String,
}

async fn load(id: String, supplier_id: String) -> Result<Loaded, AppError> {
    let rfq = client::rfq(&id).await?;
    let mine = client::my_quote(&id).await?;
    // The supplier's own currency is the default; the RFQ's if it cannot be read.
    let currency = match client::supplier(&supplier_id).await {
        Ok(s) => s.currency,
        Err(_) => rfq.summary.currency.clone(),
    };
    // A draft that cannot be read (private mode, old shape) is no reason to fail the page.
    let draft = match Storage::open().await {
        Ok(s) => s
            .get_draft::<QuoteForm>(&draft_key(&id, &supplier_id))
            .await
            .ok()
            .flatten(),
        Err(_) => None,
    };
    Ok(Loaded {
        rfq,
        mine,
        currency,
        draft,
        supplier_id,
    })
}

/// The supplier's view of one RFQ.
#[component]
pub fn SupplierRfqPage() -> impl IntoView {
    let params = use_params_map();
    let supplier_id = use_me().and_then(|m| m.supplier_id).unwrap_or_default();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        load(id, supplier_id.clone())
    });
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/">"Invited RFQs"</a>
        </nav>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let d = data.await?;
                    Ok::<_, AppError>(loaded_view(d))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// "Award result": this supplier's own outcome once the RFQ is awarded (the server never
/// says who else won or at what price).
fn award_view(a: api::MyAward) -> impl IntoView {
    let when = local_datetime(&a.awarded_at);
    if a.result != "awarded" || a.lines.is_empty() {
        return view! {
            <section class="panel" role="region" aria-label="Award result">
                <h2>"Award result"</h2>
                <p role="status">
                    "Not awarded to you this time (decided " {when}
                    "). Thank you for your quote."
                </p>
            </section>
        }
        .into_any();
    }
    let rows = a
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <td data-label="Line" class="num">{l.line_no}</td>
                    <td data-label="Part" class="mono">{l.part_number} " rev " {l.revision}</td>
                    <td data-label="Quantity" class="num">{local_number(&l.qty.normalize().to_string())}</td>
                    <td data-label="Unit price" class="num mono">
                        {l.currency} " " {local_number(&l.unit_price.normalize().to_string())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" role="region" aria-label="Award result">
            <h2>"Award result"</h2>
            <p role="status">"Awarded to you on " {when} " for these lines:"</p>
            {card_table(
                "Awarded lines",
                vec![num_col("Line"), col("Part"), num_col("Quantity"), num_col("Unit price")],
                rows,
            )}
        </section>
    }
    .into_any()
}

fn current(m: &MyQuote) -> Option<&QuoteVersion> {
    m.versions.first()
}

fn loaded_view(d: Loaded) -> impl IntoView {
    let Loaded {
        rfq,
        mine,
        currency,
        draft,
        supplier_id,
    } = d;
    set_title(&rfq.summary.number);
    let rfq_id = rfq.summary.id.clone();
    let key = draft_key(&rfq_id, &supplier_id);
    let spec = rfq_spec(&rfq);

    // What the server holds: the last submitted quote, else a blank answer per line.
    let baseline = current(&mine)
        .filter(|v| v.status == "submitted")
        .and_then(|v| v.quote.as_ref())
        .map(|q| QuoteForm::from_quote(form_lines(&rfq), q))
        .unwrap_or_else(|| QuoteForm::blank(form_lines(&rfq), &currency));
    let (initial, saved_at) = match draft {
        Some(d) if d.value.lines.len() == rfq.lines.len() => (d.value, Some(d.updated_at)),
        _ => (baseline.clone(), None),
    };
    let form = RwSignal::new(initial);
    let baseline = StoredValue::new(baseline);
    let draft_saved = RwSignal::new(saved_at);
    // True from a change until its draft is written: "Draft saved" is shown only when the
    // screen and the stored draft agree.
    let draft_pending = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let mine = RwSignal::new(mine);
    let closed = RwSignal::new(None::<String>);
    let can_change =
        Signal::derive(move || mine.with(|m| m.can_change) && closed.with(Option::is_none));
    let receipt_quote = RwSignal::new(None::<Quote>);

    // Drafts: saved 400 ms after the last change, unless the form is what the server has.
    let timer = StoredValue::new_local(None::<Timeout>);
    let first = StoredValue::new(true);
    {
        let key = key.clone();
        Effect::new(move |_| {
            let value = form.get();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            if !can_change.get_untracked() || baseline.with_value(|b| *b == value) {
                timer.set_value(None);
                draft_pending.set(false);
                return;
            }
            let key = key.clone();
            let gen = generation.get_value() + 1;
            generation.set_value(gen);
            draft_pending.set(true);
            timer.set_value(Some(Timeout::new(400, move || {
                spawn_local(async move {
                    if let Ok(s) = Storage::open().await {
                        if s.put_draft(&key, &value).await.is_ok() {
                            draft_saved.set(Some(crate::storage::now_rfc3339()));
                        }
                    }
                    if generation.get_value() == gen {
                        draft_pending.set(false);
                    }
                });
            })));
        });
    }

    let header = rfq_header(&rfq);
    let award = rfq.my_award.clone().map(award_view);
    let lines = rfq_lines(&rfq);
    let rfq_number = rfq.summary.number.clone();
    let rfq_for_upload = rfq.clone();
    view! {
        {header}
        {award}
        <crate::offline::MakeAvailableOffline rfq_id=rfq_id.clone() label=rfq_number.clone() supplier_id=supplier_id.clone() />
        <crate::pages::quote_form::QueuedQuote rfq_id=rfq_id.clone() />
        {lines}
        <crate::pages::quote_files::LineFiles
            rfq_id=rfq_id.clone()
            lines=rfq_for_upload.lines.clone()
            can_attach=false
        />
        <YourQuote
            rfq_id=rfq_id.clone()
            rfq_number=rfq_number
            mine=mine
            closed=closed
            can_change=can_change
            receipt_quote=receipt_quote
        />
        {move || {
            can_change
                .get()
                .then(|| {
                    view! {
                        <QuoteUpload
                            rfq=rfq_for_upload.clone()
                            supplier_id=supplier_id.clone()
                            form=form
                        />
                    }
                })
        }}
        <QuoteFormView
            rfq=rfq
            spec=spec
            form=form
            baseline=baseline
            draft_key=key
            draft_saved=draft_saved
            draft_pending=draft_pending
            timer=timer
            mine=mine
            closed=closed
            can_change=can_change
            receipt_quote=receipt_quote
        />
        <Clarifications rfq_id=rfq_id can_change=can_change />
    }
}

fn rfq_header(rfq: &RfqDetail) -> impl IntoView {
    let s = &rfq.summary;
    let dash = |v: &str| {
        if v.trim().is_empty() {
            "—".to_string()
        } else {
            v.to_string()
        }
    };
    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow mono">{s.number.clone()}</p>
                <h1>{s.title.clone()}</h1>
            </div>
            <div class="head-badges">
                {status_badge(s.status.clone())}
                {s
                    .sealed
                    .then(|| {
                        view! {
                            <span
                                class="badge badge-sealed"
                                title="No other supplier sees your prices; the buyer sees them after the deadline"
                            >
                                "Sealed"
                            </span>
                        }
                    })}
            </div>
        </div>
        <dl class="facts">
            <div>
                <dt>"Deadline"</dt>
                <dd>
                    <time datetime=s.deadline.clone()>{local_datetime(&s.deadline)}</time>
                    <span class="muted small block">
                        {time_left(&s.deadline)} " · your local time"
                    </span>
                </dd>
            </div>
            <div>
                <dt>"Currency"</dt>
                <dd class="mono">{s.currency.clone()}</dd>
            </div>
            <div>
                <dt>"Requested Incoterm"</dt>
                <dd>{dash(&rfq.incoterm)}</dd>
            </div>
            <div>
                <dt>"Requested payment terms"</dt>
                <dd>{dash(&rfq.payment_terms)}</dd>
            </div>
        </dl>
    }
}

/// "Lines": what is asked, before the quote form: each line's part and description,
/// revision, quantity breaks with the unit's name, annual volume, need date and its
/// drawings (download links; also listed under "Drawings and files").
fn rfq_lines(rfq: &RfqDetail) -> impl IntoView {
    let rfq_id = rfq.summary.id.clone();
    let files = LocalResource::new(move || {
        let id = rfq_id.clone();
        async move { client::rfq_files(&id).await.unwrap_or_default() }
    });
    let rows = rfq
        .lines
        .iter()
        .map(|l| {
            let breaks = l
                .quantities
                .iter()
                .map(|q| local_number(&q.normalize().to_string()))
                .collect::<Vec<_>>()
                .join(" / ");
            let need = l
                .need_by
                .as_deref()
                .map(local_date)
                .unwrap_or_else(|| "—".into());
            let volume = l
                .annual_volume
                .map(|v| local_number(&v.normalize().to_string()))
                .unwrap_or_else(|| "—".into());
            let unit = domain::terms::unit_label(&l.uom);
            let line_id = l.id.clone();
            let drawings = move || {
                let list: Vec<api::RfqFile> = files
                    .get()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|f| f.rfq_line_id == line_id)
                    .collect();
                if list.is_empty() {
                    return view! { <span class="muted">"—"</span> }.into_any();
                }
                list.into_iter()
                    .map(|f| {
                        view! {
                            <a class="block" href=client::file_url(&f.file.id) download=f.file.name.clone()>
                                {f.file.name.clone()}
                            </a>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr>
                    <td data-label="#" class="num">
                        {l.line_no}
                    </td>
                    <td data-label="Part" class="wrap">
                        <div>
                            <span class="mono strong">{l.part_number.clone()}</span>
                            " "
                            <span>{l.part_name.clone()}</span>
                            {(!l.notes.is_empty())
                                .then(|| {
                                    view! { <span class="muted small block">{l.notes.clone()}</span> }
                                })}
                        </div>
                    </td>
                    <td data-label="Revision" class="mono">
                        {l.revision.clone()} " " {crate::pages::rfqs::revision_badge(&l.revision_status)}
                    </td>
                    <td data-label="Quantity breaks">
                        <div>
                            <span class="mono">{breaks}</span>
                            " "
                            <span class="muted small">{unit.clone()}</span>
                        </div>
                    </td>
                    <td data-label="Annual volume" class="num">
                        {volume}
                    </td>
                    <td data-label="Need by">{need}</td>
                    <td data-label="Drawing" class="wrap">
                        <div>{drawings}</div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="lines-h">
            <h2 id="lines-h">"Lines"</h2>
            <div class="table-wrap">
                <table class="table table-cards" aria-label="Lines asked for">
                    <thead>
                        <tr>
                            <th scope="col" class="num">
                                "#"
                            </th>
                            <th scope="col">"Part"</th>
                            <th scope="col">"Revision"</th>
                            <th scope="col">"Quantity breaks"</th>
                            <th scope="col" class="num">
                                "Annual volume"
                            </th>
                            <th scope="col">"Need by"</th>
                            <th scope="col">"Drawing"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Saves `text` as a file named `name` through a Blob and an object URL; nothing leaves
/// the browser.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started from the click; the URL is no longer needed.
    web_sys::Url::revoke_object_url(&url).map_err(err)?;
    Ok(())
}

fn receipt_json(r: &QuoteReceipt, quote: Option<&Quote>) -> String {
    let value = serde_json::json!({
        "bid_receipt": r,
        "quote": quote,
        "receipt_format": 1,
        "how_to_check": "hash = SHA-256 over the canonical JSON (keys sorted, no whitespace) of {quote (decimals normalized), received_at, rfq_id, supplier_id, version}; Bidwell's docs/receipt.md (receipt format 1) has the rules and a short Python script that checks this file",
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// "Your quote": status, the bid receipt of the current version, versions, withdrawal.
#[component]
fn YourQuote(
    rfq_id: String,
    rfq_number: String,
    mine: RwSignal<MyQuote>,
    closed: RwSignal<Option<String>>,
    can_change: Signal<bool>,
    receipt_quote: RwSignal<Option<Quote>>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let withdraw = Action::new_local(move |_: &()| {
        let id = rfq_id.clone();
        async move {
            match client::withdraw_quote(&id).await {
                Ok(m) => {
                    mine.set(m);
                    confirming.set(false);
                    error.set(None);
                }
                Err(e) => {
                    if matches!(e.code(), "deadline_passed" | "rfq_not_open") {
                        closed.set(Some(e.message().to_string()));
                    }
                    error.set(Some(e));
                }
            }
        }
    });
    let status = move || {
        mine.with(|m| match current(m) {
            None => "Not submitted yet.".to_string(),
            Some(v) if v.status == "withdrawn" => {
                format!("Withdrawn (version {}).", v.receipt.version)
            }
            Some(v) => format!("Submitted: version {}.", v.receipt.version),
        })
    };
    let reconfirm = move || {
        mine.with(|m| {
            current(m)
                .is_some_and(|v| v.status == "submitted" && v.needs_reconfirmation)
        })
        .then(|| {
            view! {
                <p class="alert alert-warn" role="status">
                    "Needs reconfirmation: the buyer amended the RFQ after you submitted. Check your quote against the lines above and submit it again."
                </p>
            }
        })
    };
    let receipt = move || {
        let v = mine.with(|m| current(m).filter(|v| v.status == "submitted").cloned())?;
        let r = v.receipt.clone();
        let quote = v.quote.clone().or_else(|| receipt_quote.get());
        let name = format!("bid-receipt-{}-v{}.json", r.rfq_number, r.version);
        let json = receipt_json(&r, quote.as_ref());
        Some(view! {
            <div class="receipt" role="region" aria-label="Bid receipt">
                <h3>"Bid receipt"</h3>
                <dl class="facts">
                    <div>
                        <dt>"RFQ"</dt>
                        <dd class="mono">{r.rfq_number.clone()}</dd>
                    </div>
                    <div>
                        <dt>"Version"</dt>
                        <dd>{r.version}</dd>
                    </div>
                    <div>
                        <dt>"Received"</dt>
                        <dd>
                            <time datetime=r.received_at.clone()>
                                {local_datetime(&r.received_at)}
                            </time>
                            <span class="muted small block" title="The receipt time exactly as the hash covers it (UTC)">
                                "In the receipt (UTC): "
                                <span class="mono">{r.received_at.clone()}</span>
                            </span>
                        </dd>
                    </div>
                    <div class="wide">
                        <dt>"SHA-256"</dt>
                        <dd class="mono hash" aria-label="Receipt hash">
                            {r.hash.clone()}
                        </dd>
                    </div>
                </dl>
                <button
                    class="btn btn-small"
                    type="button"
                    on:click=move |_| {
                        let _ = download_text(&name, "application/json", &json);
                    }
                >
                    "Download receipt"
                </button>
            </div>
        })
    };
    let versions = move || {
        let list = mine.with(|m| m.versions.clone());
        (!list.is_empty()).then(|| {
            let rows = list
                .into_iter()
                .map(|v| {
                    let r = v.receipt;
                    view! {
                        <tr>
                            <td data-label="Version">"v" {r.version}</td>
                            <td data-label="Status">
                                {status_badge(v.status.clone())}
                                {v
                                    .needs_reconfirmation
                                    .then(|| {
                                        view! {
                                            <span class="badge badge-draft">"needs reconfirmation"</span>
                                        }
                                    })}
                            </td>
                            <td data-label="Received">{local_datetime(&r.received_at)}</td>
                            <td data-label="Hash" class="mono" title=r.hash.clone()>
                                {r.hash.get(..12).unwrap_or_default().to_string()}
                                "…"
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            card_table(
                "Versions",
                vec![col("Version"), col("Status"), col("Received"), col("Hash")],
                rows,
            )
        })
    };
    let can_withdraw = move || {
        can_change.get() && mine.with(|m| current(m).is_some_and(|v| v.status == "submitted"))
    };
    view! {
        <section class="panel" aria-labelledby="your-quote-h">
            <h2 id="your-quote-h">"Your quote"</h2>
            <p class="quote-status">{status}</p>
            {reconfirm}
            {move || {
                (!can_change.get())
                    .then(|| {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {closed.get().unwrap_or_else(|| CLOSED_MESSAGE.to_string())}
                            </p>
                        }
                    })
            }}
            {receipt}
            {versions}
            {move || {
                can_withdraw()
                    .then(|| {
                        if confirming.get() {
                            view! {
                                <div class="confirm" role="group" aria-label="Confirm withdrawal">
                                    <p>
                                        "Withdraw your quote for "
                                        {rfq_number.clone()}
                                        "? The buyer will see it as withdrawn. You can submit again until the deadline."
                                    </p>
                                    <div class="actions">
                                        <button
                                            class="btn btn-danger"
                                            type="button"
                                            disabled=move || withdraw.pending().get()
                                            on:click=move |_| {
                                                withdraw.dispatch(());
                                            }
                                        >
                                            "Yes, withdraw"
                                        </button>
                                        <button
                                            class="btn"
                                            type="button"
                                            on:click=move |_| confirming.set(false)
                                        >
                                            "Keep my quote"
                                        </button>
                                    </div>
                                </div>
                            }
                                .into_any()
                        } else {
                            view! {
                                <button
                                    class="btn"
                                    type="button"
                                    on:click=move |_| confirming.set(true)
                                >
                                    "Withdraw quote"
                                </button>
                            }
                                .into_any()
                        }
                    })
            }}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {e.message().to_string()}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

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
fn QuoteFormView(
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

/// Questions and answers: every answered question (without who asked) and this
/// supplier's own open ones; "Ask a question" while the RFQ is open.
#[component]
fn Clarifications(rfq_id: String, can_change: Signal<bool>) -> impl IntoView {
    let list_id = rfq_id.clone();
    let list = LocalResource::new(move || {
        let id = list_id.clone();
        async move { client::clarifications(&id).await }
    });
    let asked = RwSignal::new(Vec::<Clarification>::new());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let ask = Action::new_local(move |t: &String| {
        let t = t.clone();
        let id = rfq_id.clone();
        async move {
            match client::ask_clarification(&id, &t).await {
                Ok(c) => {
                    asked.update(|v| v.push(c));
                    text.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let item = |c: Clarification| {
        let answered = c.answer.is_some();
        view! {
            <li class="qa">
                <p class="strong">{c.question.clone()}</p>
                {match c.answer {
                    Some(a) => view! { <p>{a}</p> }.into_any(),
                    None => view! { <p class="muted small">"Your question · not answered yet"</p> }.into_any(),
                }}
                <p class="muted small">
                    {if answered { "Answered " } else { "Asked " }}
                    {local_datetime(c.answered_at.as_deref().unwrap_or(&c.asked_at))}
                </p>
            </li>
        }
    };
    view! {
        <section aria-labelledby="qa-h">
            <h2 id="qa-h">"Questions and answers"</h2>
            <p class="hint">
                "Answers go to every invited supplier, without saying who asked."
            </p>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let mut all = list.await?;
                        let extra = asked.get();
                        let extra: Vec<Clarification> = extra
                            .into_iter()
                            .filter(|c| !all.iter().any(|x| x.id == c.id))
                            .collect();
                        all.extend(extra);
                        Ok::<_, AppError>(
                            if all.is_empty() {
                                view! { <p class="empty">"No questions yet."</p> }.into_any()
                            } else {
                                view! { <ul class="qa-list">{all.into_iter().map(item).collect_view()}</ul> }
                                    .into_any()
                            },
                        )
                    })}
                </ErrorBoundary>
            </Transition>
            {move || {
                can_change
                    .get()
                    .then(|| {
                        view! {
                            <form
                                class="panel"
                                aria-label="Ask a question"
                                novalidate
                                on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let t = text.get_untracked();
                                    if t.trim().is_empty() {
                                        error.set(Some(AppError::new("validation", "Write your question first.")));
                                        return;
                                    }
                                    ask.dispatch(t);
                                }
                            >
                                <div class="field">
                                    <label for="qa-text">"Your question"</label>
                                    <textarea id="qa-text" rows="3" bind:value=text></textarea>
                                </div>
                                {move || {
                                    error
                                        .get()
                                        .map(|e| {
                                            view! {
                                                <p class="alert alert-error" role="alert">
                                                    {e.message().to_string()}
                                                </p>
                                            }
                                        })
                                }}
                                <button
                                    class="btn"
                                    type="submit"
                                    disabled=move || ask.pending().get()
                                >
                                    "Ask a question"
                                </button>
                            </form>
                        }
                    })
            }}
        </section>
    }
}
