//! "Quote documents" on the buyer's RFQ page: the original files suppliers kept with their
//! quotes (the PDF or spreadsheet they uploaded), by supplier. An original quote document
//! is full of prices, so the server lists them only once prices may be seen (a sealed RFQ:
//! after the deadline); before that this section says nothing is open yet.

use api::{FileRef, RfqResponses};
use leptos::prelude::*;

use crate::api as client;
use crate::ui::{card_table, col, num_col};

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
                            // Bidding ended and nobody opened the bids yet: listing their
                            // documents would tell about them while the deadline can still
                            // be extended, so the server waits for the opening.
                            Err(e) if e.code() == "bids_not_opened" => {
                                view! { <p class="muted">"The bids are not opened yet. Their documents are listed once you open the comparison or a supplier's quote."</p> }
                                    .into_any()
                            }
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
                    <td data-label="Size" class="num">{domain::bytes::size_words(f.size)}</td>
                    <td data-label="SHA-256" class="mono small" title=f.sha256.clone()>
                        {f.sha256.chars().take(12).collect::<String>()}
                        "…"
                    </td>
                </tr>
            }
        })
        .collect_view();
    card_table(
        "Quote documents",
        vec![
            col("Supplier"),
            col("File"),
            num_col("Size"),
            col("SHA-256"),
        ],
        rows,
    )
}

/// "Drawings and files": what goes with each RFQ line — its revision's drawings and the
/// files attached to the line. Buyers may attach a file to a line while the RFQ can
/// still change (`can_attach`); suppliers read and download.
#[component]
pub fn LineFiles(rfq_id: String, lines: Vec<api::RfqLine>, can_attach: bool) -> impl IntoView {
    let rfq_id = StoredValue::new(rfq_id);
    let files = LocalResource::new(move || {
        let id = rfq_id.get_value();
        async move { client::rfq_files(&id).await }
    });
    let names: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                format!("Line {} · {} rev {}", l.line_no, l.part_number, l.revision),
            )
        })
        .collect();
    let names = StoredValue::new(names);
    let target = RwSignal::new(lines.first().map(|l| l.id.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        let line = target.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match client::upload_file("rfq_line", &line, &file).await {
                Ok(_) => files.refetch(),
                Err(e) => error.set(Some(format!(
                    "{} could not be attached: {}",
                    file.name(),
                    e.message()
                ))),
            }
            busy.set(false);
        });
    };
    let attach = can_attach.then(|| {
        let options = names.with_value(|ns| {
            ns.iter()
                .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
                .collect_view()
        });
        view! {
            <div class="actions">
                <label for="line-file-target">"Attach to"</label>
                <select id="line-file-target" on:change=move |ev| target.set(event_target_value(&ev))>
                    {options}
                </select>
                <label for="line-file" class="btn btn-small">
                    "Choose file"
                </label>
                <input
                    id="line-file"
                    type="file"
                    class="sr-only"
                    aria-label="File for the line"
                    disabled=move || busy.get()
                    on:change=on_file
                />
            </div>
        }
    });
    view! {
        <section class="panel" aria-labelledby="line-files-h">
            <h2 id="line-files-h">"Drawings and files"</h2>
            {attach}
            {move || error.get().map(|m| view! { <p class="alert alert-error" role="alert">{m}</p> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    files
                        .get()
                        .map(|r| match r {
                            Ok(list) if list.is_empty() => {
                                view! { <p class="muted">"No drawings or files for these lines."</p> }
                                    .into_any()
                            }
                            Ok(list) => line_files_table(list, names).into_any(),
                            Err(e) => {
                                view! { <p class="alert alert-error" role="alert">{e.message().to_string()}</p> }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </section>
    }
}

fn line_files_table(
    list: Vec<api::RfqFile>,
    names: StoredValue<Vec<(String, String)>>,
) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|f| {
            let line = names.with_value(|ns| {
                ns.iter()
                    .find(|(id, _)| *id == f.rfq_line_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            });
            let kind = if f.kind == "drawing" {
                "Drawing"
            } else {
                "Line file"
            };
            view! {
                <tr>
                    <td data-label="Line">{line}</td>
                    <td data-label="Kind">{kind}</td>
                    <td data-label="File">
                        <a href=client::file_url(&f.file.id) download=f.file.name.clone()>
                            {f.file.name.clone()}
                        </a>
                    </td>
                    <td data-label="Size" class="num">{domain::bytes::size_words(f.file.size)}</td>
                </tr>
            }
        })
        .collect_view();
    card_table(
        "Drawings and files",
        vec![col("Line"), col("Kind"), col("File"), num_col("Size")],
        rows,
    )
}
