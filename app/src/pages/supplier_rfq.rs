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

mod clarifications;
mod form;

use api::{MyQuote, QuoteReceipt, QuoteVersion, RfqDetail};
use domain::quote::Quote;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use self::clarifications::Clarifications;
use self::form::QuoteFormView;
use crate::api::{self as client, AppError};
use crate::pages::quote_form::{form_lines, rfq_spec, QuoteForm};
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
