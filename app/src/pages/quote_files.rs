//! "Quote documents" on the buyer's RFQ page: the original files suppliers kept with their
//! quotes (the PDF or spreadsheet they uploaded), by supplier. An original quote document
//! is full of prices, so the server lists them only once prices may be seen (a sealed RFQ:
//! after the deadline); before that this section says nothing is open yet.

use api::{FileRef, RfqResponses};
use leptos::prelude::*;

use crate::api as client;

/// The section; `responses` names the suppliers and says whether prices may be seen.
#[component]
pub fn QuoteDocuments(rfq_id: String, responses: RfqResponses) -> impl IntoView {
    if !responses.prices_visible {
        return None;
    }
    let names: Vec<(String, String)> = responses
        .responses
        .iter()
        .map(|r| (r.supplier_id.clone(), r.supplier_name.clone()))
        .collect();
    let files = LocalResource::new(move || {
        let id = rfq_id.clone();
        async move { client::files("quote", &id).await }
    });
    Some(view! {
        <section class="panel" aria-labelledby="quote-docs-h">
            <h2 id="quote-docs-h">"Quote documents"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    let names = names.clone();
                    files
                        .get()
                        .map(|r| match r {
                            Ok(list) if list.is_empty() => {
                                view! { <p class="muted">"No supplier kept an original file with its quote."</p> }
                                    .into_any()
                            }
                            Ok(list) => documents(list, &names).into_any(),
                            Err(e) => {
                                view! { <p class="alert alert-error" role="alert">{e.message().to_string()}</p> }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    })
}

fn documents(list: Vec<FileRef>, names: &[(String, String)]) -> impl IntoView {
    let name_of = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| names.iter().find(|(s, _)| s == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "Unknown supplier".into())
    };
    let rows = list
        .into_iter()
        .map(|f| {
            let supplier = name_of(&f.supplier_id);
            view! {
                <tr>
                    <td data-label="Supplier">{supplier}</td>
                    <td data-label="File">
                        <a href=client::file_url(&f.id) download=f.name.clone()>
                            {f.name.clone()}
                        </a>
                    </td>
                    <td data-label="Size" class="num">{size(f.size)}</td>
                    <td data-label="SHA-256" class="mono small" title=f.sha256.clone()>
                        {f.sha256.chars().take(12).collect::<String>()}
                        "…"
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table-cards" aria-label="Quote documents">
                <thead>
                    <tr>
                        <th scope="col">"Supplier"</th>
                        <th scope="col">"File"</th>
                        <th scope="col" class="num">
                            "Size"
                        </th>
                        <th scope="col">"SHA-256"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A file size for a person: `12 KB`, `1.4 MB`.
pub fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = bytes * 10 / 1_048_576;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}
