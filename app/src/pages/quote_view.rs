//! `/rfqs/{id}/quotes/{supplier_id}` (buyer side): one supplier's full quote — every
//! version with all its fields, line by line, and the files the supplier kept with it —
//! opened from "Responses" on the RFQ page and from a cell's breakdown on the comparison.
//! The server decides what may be seen (`domain::rfq::may_see_bid` in
//! `GET /api/rfqs/{id}/quotes/{supplier_id}`; showing prices after bidding ended opens the
//! bids); a sealed version arrives without its quote and is shown as sealed.

use api::{FileRef, QuoteVersion, RfqDetail};
use domain::quote::{Freight, Quote, QuoteLine};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self as client, AppError};
use crate::session::use_internal;
use crate::ui::{
    error_panel, loading, local_date, local_datetime, local_number, set_title, staff_only,
};

/// The page.
#[component]
pub fn SupplierQuotePage() -> impl IntoView {
    if !use_internal() {
        return staff_only();
    }
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let sid = Memo::new(move |_| params.with(|p| p.get("supplier_id").unwrap_or_default()));
    let data = LocalResource::new(move || {
        let (id, sid) = (id.get(), sid.get());
        async move {
            let rfq = client::rfq(&id).await?;
            let versions = client::supplier_quotes(&id, &sid).await?;
            // Documents carry prices: listed only once a version's prices may be seen.
            let files = if versions.iter().any(|v| v.quote.is_some()) {
                client::files("quote", &id)
                    .await?
                    .into_iter()
                    .filter(|f| f.supplier_id.as_deref() == Some(sid.as_str()))
                    .collect()
            } else {
                Vec::new()
            };
            Ok::<_, AppError>((rfq, versions, files))
        }
    });
    set_title("Supplier quote");
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/rfqs">"RFQ list"</a>
            " / "
            <a href=move || format!("/rfqs/{}", id.get())>"RFQ"</a>
            " / "
            <a href=move || format!("/rfqs/{}/compare", id.get())>"Compare bids"</a>
        </nav>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let (rfq, versions, files) = data.await?;
                    Ok::<_, AppError>(quote_page(&rfq, &sid.get_untracked(), versions, files))
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

fn quote_page(
    rfq: &RfqDetail,
    sid: &str,
    versions: Vec<QuoteVersion>,
    files: Vec<FileRef>,
) -> impl IntoView {
    let name = rfq
        .invited
        .iter()
        .find(|s| s.supplier_id == sid)
        .map(|s| s.supplier_name.clone())
        .unwrap_or_else(|| "Supplier".into());
    set_title(&format!("Quote from {name}"));
    let heading = format!("Quote from {name}");
    let sub = format!("{} · {}", rfq.summary.number, rfq.summary.title);
    let body = if versions.is_empty() {
        view! { <p class="panel muted">"No quote from this supplier yet."</p> }.into_any()
    } else {
        versions
            .into_iter()
            .map(|v| version_view(rfq, v))
            .collect_view()
            .into_any()
    };
    view! {
        <div class="page-head">
            <h1>{heading}</h1>
            <p class="muted">{sub}</p>
        </div>
        {files_view(files)}
        {body}
    }
}

fn files_view(files: Vec<FileRef>) -> Option<impl IntoView> {
    (!files.is_empty()).then(|| {
        let items = files
            .into_iter()
            .map(|f| {
                view! {
                    <li>
                        <a href=client::file_url(&f.id) download=f.name.clone()>
                            {f.name.clone()}
                        </a>
                        " "
                        <span class="muted small">{local_datetime(&f.uploaded_at)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="quote-files-h">
                <h2 id="quote-files-h">"Files kept with the quote"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

fn version_view(rfq: &RfqDetail, v: QuoteVersion) -> impl IntoView {
    let n = v.receipt.version;
    let hid = format!("version-{n}-h");
    let badges = view! {
        <span class=format!("badge badge-status badge-{}", v.status)>{v.status.clone()}</span>
        {v.needs_reconfirmation
            .then(|| view! { <span class="badge badge-warn">"needs reconfirmation"</span> })}
        {v.entered_by_buyer
            .then(|| view! { <span class="badge badge-info">"entered by buyer"</span> })}
    };
    let body = match v.quote {
        Some(q) => quote_view(rfq, n, q).into_any(),
        None => view! {
            <p class="alert alert-info" role="status">
                "Sealed: prices and terms are shown once bidding has ended."
            </p>
        }
        .into_any(),
    };
    let labelled_by = hid.clone();
    view! {
        <section class="panel quote-version" aria-labelledby=labelled_by>
            <h2 id=hid>{format!("Version {n}")} " " {badges}</h2>
            <p class="muted small">
                "Received " {local_datetime(&v.receipt.received_at)} " · receipt "
                <span class="mono" title=v.receipt.hash.clone()>
                    {v.receipt.hash.chars().take(12).collect::<String>()}
                    "…"
                </span>
            </p>
            {body}
        </section>
    }
}

fn dash(s: Option<String>) -> String {
    s.filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "—".into())
}

fn num(d: rust_decimal::Decimal) -> String {
    local_number(&d.normalize().to_string())
}

fn freight_text(f: &Freight, currency: &str) -> String {
    match f {
        Freight::Included => "included in the price".into(),
        Freight::PerShipment(a) => format!("{currency} {} per shipment", num(*a)),
        Freight::PerUnit(a) => format!("{currency} {} per unit", num(*a)),
        Freight::NotQuoted => "not quoted".into(),
    }
}

fn quote_view(rfq: &RfqDetail, n: i64, q: Quote) -> impl IntoView {
    let h = &q.header;
    let cur = h.currency.code().to_string();
    let fact = |k: &'static str, v: String| {
        view! {
            <div>
                <dt>{k}</dt>
                <dd>{v}</dd>
            </div>
        }
    };
    let incoterm = match (&h.incoterm, &h.incoterm_place) {
        (Some(c), Some(p)) if !p.trim().is_empty() => format!("{c} {p}"),
        (Some(c), _) => c.clone(),
        (None, p) => dash(p.clone()),
    };
    let facts = view! {
        <dl class="facts">
            {fact("Currency", cur.clone())}
            {fact("Valid until", h.valid_until.map(|d| local_date(&d.to_string())).unwrap_or_else(|| "—".into()))}
            {fact("Incoterm", incoterm)}
            {fact("Payment terms", dash(Some(h.payment_terms.text.clone())))}
            {fact("Freight", freight_text(&h.freight, &cur))}
            {fact("Supplier reference", dash(Some(h.reference.clone())))}
            {fact("Notes", dash(Some(h.notes.clone())))}
        </dl>
    };
    let rows = q
        .lines
        .iter()
        .map(|l| line_row(rfq, &cur, l))
        .collect_view();
    let label = format!("Lines, version {n}");
    view! {
        {facts}
        <div class="table-wrap">
            <table class="table table-cards" aria-label=label>
                <thead>
                    <tr>
                        <th scope="col">"Line"</th>
                        <th scope="col">"Revision"</th>
                        <th scope="col">"Price breaks"</th>
                        <th scope="col" class="num">"Price per"</th>
                        <th scope="col" class="num">"MOQ"</th>
                        <th scope="col" class="num">"Order multiple"</th>
                        <th scope="col" class="num">"Lead time"</th>
                        <th scope="col">"Tooling"</th>
                        <th scope="col">"Alternate, notes"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn line_row(rfq: &RfqDetail, cur: &str, l: &QuoteLine) -> impl IntoView {
    let line = rfq
        .lines
        .iter()
        .find(|x| x.id == l.rfq_line_id)
        .map(|x| format!("{} · {}", x.line_no, x.part_number))
        .unwrap_or_else(|| l.rfq_line_id.clone());
    if l.no_bid {
        let why = l
            .no_bid_reason
            .clone()
            .filter(|r| !r.trim().is_empty())
            .map(|r| format!("No bid: {r}"))
            .unwrap_or_else(|| "No bid".into());
        return view! {
            <tr>
                <td data-label="Line">{line}</td>
                <td data-label="Revision" colspan="8">{why}</td>
            </tr>
        }
        .into_any();
    }
    let breaks = l
        .breaks
        .iter()
        .map(|b| format!("{}: {cur} {}", num(b.min_qty), num(b.price)))
        .collect::<Vec<_>>()
        .join(" · ");
    let tooling = l
        .tooling
        .iter()
        .map(|t| format!("{} {cur} {}", t.description, num(t.amount)))
        .collect::<Vec<_>>()
        .join(" · ");
    let other = [l.alternate.clone(), Some(l.notes.clone())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <tr>
            <td data-label="Line">{line}</td>
            <td data-label="Revision" class="mono">{dash(l.revision.clone())}</td>
            <td data-label="Price breaks" class="mono">{if breaks.is_empty() { "—".into() } else { breaks }}</td>
            <td data-label="Price per" class="num">{num(l.price_basis_qty)}</td>
            <td data-label="MOQ" class="num">{l.moq.map(num).unwrap_or_else(|| "—".into())}</td>
            <td data-label="Order multiple" class="num">{l.order_multiple.map(num).unwrap_or_else(|| "—".into())}</td>
            <td data-label="Lead time" class="num">
                {l.lead_time_days.map(|d| format!("{d} days")).unwrap_or_else(|| "—".into())}
            </td>
            <td data-label="Tooling">{if tooling.is_empty() { "—".into() } else { tooling }}</td>
            <td data-label="Alternate, notes">{if other.is_empty() { "—".into() } else { other }}</td>
        </tr>
    }
    .into_any()
}
