//! `/`: the role's home. Internal staff get the "Bid desk" (open RFQs and quick
//! counts); a supplier user gets the "Supplier portal" with its invited RFQs.

use leptos::prelude::*;

use crate::api::{self as client, AppError};
use crate::pages::rfqs::RfqTable;
use crate::session::use_internal;
use crate::ui::{error_panel, loading, set_title};

#[component]
pub fn Home() -> impl IntoView {
    if use_internal() {
        view! { <BidDesk /> }.into_any()
    } else {
        view! { <SupplierPortal /> }.into_any()
    }
}

#[component]
fn BidDesk() -> impl IntoView {
    set_title("Bid desk");
    let rfqs = LocalResource::new(client::rfqs);
    let parts = LocalResource::new(|| client::parts(""));
    let suppliers = LocalResource::new(|| client::suppliers(""));

    // The tiles are not links on purpose: the nav holds the one "RFQs", "Parts" and
    // "Suppliers" link each, which tests and screen-reader users find by name.
    // A count is a nicety: if it fails the tile says so instead of failing the page.
    let count = |n: Option<Result<usize, AppError>>| match n {
        None => "…".to_string(),
        Some(Ok(n)) => n.to_string(),
        Some(Err(_)) => "—".to_string(),
    };
    let with_status = move |status: &'static str| {
        move || {
            count(
                rfqs.get()
                    .map(|r| r.map(|v| v.iter().filter(|r| r.status == status).count())),
            )
        }
    };
    let part_count = move || count(parts.get().map(|r| r.map(|v| v.len())));
    let supplier_count = move || count(suppliers.get().map(|r| r.map(|v| v.len())));

    view! {
        <div class="page-head">
            <h1>"Bid desk"</h1>
            {crate::session::may_write(domain::access::Resource::RfqList)
                .then(|| view! { <a class="btn btn-primary" href="/rfqs/new">"New RFQ"</a> })}
        </div>
        <div class="tiles">
            <div class="tile">
                <span class="tile-num">{with_status("open")}</span>
                <span class="tile-label">"Open RFQs"</span>
            </div>
            <div class="tile">
                <span class="tile-num">{with_status("draft")}</span>
                <span class="tile-label">"Draft RFQs"</span>
            </div>
            <div class="tile">
                <span class="tile-num">{part_count}</span>
                <span class="tile-label">"Parts"</span>
            </div>
            <div class="tile">
                <span class="tile-num">{supplier_count}</span>
                <span class="tile-label">"Suppliers"</span>
            </div>
        </div>
        <section aria-labelledby="open-rfqs-h">
            <h2 id="open-rfqs-h">"Open RFQs"</h2>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let list = rfqs.await?;
                        let open: Vec<_> = list.into_iter().filter(|r| r.status == "open").collect();
                        Ok::<_, AppError>(view! { <RfqTable rfqs=open show_invited=true /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn SupplierPortal() -> impl IntoView {
    set_title("Supplier portal");
    let rfqs = LocalResource::new(client::rfqs);
    view! {
        <div class="page-head">
            <h1>"Supplier portal"</h1>
        </div>
        <section aria-labelledby="invited-rfqs-h">
            <h2 id="invited-rfqs-h">"Invited RFQs"</h2>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let list = rfqs.await?;
                        Ok::<_, AppError>(view! { <RfqTable rfqs=list show_invited=false /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
