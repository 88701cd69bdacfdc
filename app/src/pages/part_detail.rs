//! `/parts/{id}`: the part (edit name, description, unit), its revisions (add, release),
//! and for the revision being worked on its drawings and files (upload, download,
//! delete), its BOM (children with quantity per parent; edit with the server's loop
//! check shown beside the row) and "Create RFQ from BOM".

use std::str::FromStr;

use api::{BomChild, BomLine, FileRef, Part, RfqFromBom, UpdatePart};
use domain::access::Resource;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use rust_decimal::Decimal;

use crate::api::{self as client, AppError};
use crate::pages::rfq_new::{local_input_in_days, local_input_to_rfc3339};
use crate::session::{may_write, use_internal};
use crate::ui::{
    card_table, change_action, check_fields, col, form_alert, loaded, local_date, local_datetime,
    num_col, record_page, remove_cell, save_action, set_title, show_error, staff_only,
    status_badge, toggle_button, FieldMap, FileDrop, FormFooter, RecordHead, TextField,
};

/// `/parts/{id}`.
#[component]
pub fn PartDetail() -> AnyView {
    if !use_internal() {
        return staff_only();
    }
    let params = use_params_map();
    let part = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { client::part(&id).await }
    });
    record_page(
        "/parts",
        "Part list",
        part,
        |p| view! { <PartView part=p /> },
    )
    .into_any()
}

#[component]
fn PartView(part: Part) -> impl IntoView {
    let can_write = may_write(Resource::Parts);
    let first = part
        .revisions
        .first()
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let part = RwSignal::new(part);
    let selected = RwSignal::new(first);
    let editing = RwSignal::new(false);
    Effect::new(move |_| part.with(|p| set_title(&p.number)));
    let number = move || part.with(|p| p.number.clone());

    view! {
        <RecordHead edit_label="Edit part" editing=editing can_write=can_write>
            <p class="eyebrow mono">{number}</p>
            <h1>{move || part.with(|p| p.name.clone())}</h1>
        </RecordHead>
        <Show when=move || editing.get()>
            <EditPartForm part=part on_done=Callback::new(move |_| editing.set(false)) />
        </Show>
        <dl class="facts">
            <div>
                <dt>"Unit"</dt>
                <dd>{move || part.with(|p| domain::terms::unit_label(&p.uom))}</dd>
            </div>
            <div class="wide">
                <dt>"Description"</dt>
                <dd>
                    {move || part.with(|p| if p.description.is_empty() { "—".to_string() } else { p.description.clone() })}
                </dd>
            </div>
        </dl>
        <Revisions part=part selected=selected can_write=can_write />
        {move || {
            let rid = selected.get();
            // Untracked: saving costs or releasing must not rebuild the files and BOM.
            let label = part.with_untracked(|p| {
                p.revisions
                    .iter()
                    .find(|r| r.id == rid)
                    .map(|r| r.label.clone())
            });
            label
                .map(|label| {
                    let number = part.with_untracked(|p| p.number.clone());
                    view! {
                        <RevisionCosts part=part rid=rid.clone() label=label.clone() can_write=can_write />
                        <RevisionFiles rid=rid.clone() label=label.clone() can_write=can_write />
                        <Bom rid=rid label=label number=number can_write=can_write />
                    }
                })
        }}
    }
}

#[component]
fn EditPartForm(part: RwSignal<Part>, on_done: Callback<()>) -> impl IntoView {
    let p = part.get_untracked();
    let name = RwSignal::new(p.name.clone());
    let description = RwSignal::new(p.description.clone());
    let uom = RwSignal::new(p.uom.clone());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let save = save_action(
        part,
        |id, body: UpdatePart| async move { client::update_part(&id, &body).await },
        fields,
        error,
        move || on_done.run(()),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The server checks an edit as a whole part (`domain::part::check`); so does the form.
        let (number, n, d, u) = (
            part.with_untracked(|p| p.number.clone()),
            name.get_untracked(),
            description.get_untracked(),
            uom.get_untracked(),
        );
        let checked = domain::part::check(&domain::part::PartInput {
            number: &number,
            name: &n,
            description: &d,
            uom: Some(&u),
            revision: None,
        });
        match checked {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok(p) => {
                check_fields(domain::validate::FieldErrors::new(), fields, error);
                save.dispatch(UpdatePart {
                    name: Some(p.name),
                    description: Some(p.description),
                    uom: Some(p.uom),
                });
            }
        }
    };
    view! {
        <form class="panel form-grid" aria-label="Edit part" on:submit=on_submit novalidate>
            <h2 class="span-all">"Edit part"</h2>
            <TextField id="edit-part-name" label="Name" value=name errors=fields field="name" />
            <TextField id="edit-part-uom" label="Unit" value=uom errors=fields field="uom" class="mono" />
            <TextField
                id="edit-part-description"
                label="Description"
                value=description
                errors=fields
                field="description"
                wide=true
            />
            <p class="hint span-all">"The part number never changes: RFQs, quotes and history refer to it."</p>
            <FormFooter submit="Save part" error=error pending=Signal::derive(move || save.pending().get()) on_cancel=on_done />
        </form>
    }
}

#[component]
fn Revisions(part: RwSignal<Part>, selected: RwSignal<String>, can_write: bool) -> impl IntoView {
    let label = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let add = Action::new_local(move |label: &String| {
        let label = label.clone();
        let id = part.with_untracked(|p| p.id.clone());
        async move {
            match client::add_revision(&id, &label).await {
                Ok(p) => {
                    let new_id = p
                        .revisions
                        .iter()
                        .find(|r| r.label == label.trim())
                        .map(|r| r.id.clone());
                    part.set(p);
                    if let Some(id) = new_id {
                        selected.set(id);
                    }
                    fields.set(FieldMap::new());
                }
                Err(e) => show_error(e, fields, error),
            }
        }
    });
    let release = change_action(
        part,
        |id, rid: String| async move { client::release_revision(&id, &rid).await },
        error,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (number, existing) = part.with_untracked(|p| {
            let labels: Vec<String> = p.revisions.iter().map(|r| r.label.clone()).collect();
            (p.number.clone(), labels)
        });
        let existing: Vec<&str> = existing.iter().map(String::as_str).collect();
        let l = match domain::part::check_new_revision(&number, &label.get_untracked(), &existing) {
            Err(errors) => {
                check_fields(errors, fields, error);
                return;
            }
            Ok(l) => l,
        };
        check_fields(domain::validate::FieldErrors::new(), fields, error);
        add.dispatch(l);
        label.set(String::new());
    };
    let rows = move || {
        part.with(|p| {
            p.revisions
                .iter()
                .map(|r| {
                    let rid = r.id.clone();
                    let rid2 = r.id.clone();
                    let rid3 = r.id.clone();
                    let draft = r.status == "draft";
                    let label = r.label.clone();
                    view! {
                        <tr class:row-selected=move || selected.get() == rid3>
                            <td data-label="Revision" class="mono strong">
                                {r.label.clone()}
                            </td>
                            <td data-label="Status">{status_badge(r.status.clone())}</td>
                            <td data-label="Released">
                                {r.released_on.as_deref().map(local_date).unwrap_or_else(|| "—".into())}
                            </td>
                            <td data-label="Actions">
                                <div class="actions">
                                    <button
                                        class="btn btn-small"
                                        type="button"
                                        aria-pressed=move || (selected.get() == rid).to_string()
                                        on:click=move |_| selected.set(rid2.clone())
                                    >
                                        {format!("Work on rev {label}")}
                                    </button>
                                    {(can_write && draft)
                                        .then(|| {
                                            let rid = r.id.clone();
                                            view! {
                                                <button
                                                    class="btn btn-small btn-primary"
                                                    type="button"
                                                    disabled=move || release.pending().get()
                                                    on:click=move |_| {
                                                        release.dispatch(rid.clone());
                                                    }
                                                >
                                                    {format!("Release rev {}", r.label)}
                                                </button>
                                            }
                                        })}
                                </div>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="revs-h">
            <h2 id="revs-h">"Revisions"</h2>
            <p class="hint">
                "Releasing a draft makes it the current revision (released today); the revision released before becomes obsolete."
            </p>
            {card_table(
                "Revisions",
                vec![col("Revision"), col("Status"), col("Released"), col("Actions")],
                rows,
            )}
            {can_write
                .then(|| {
                    view! {
                        <form class="inline-form" aria-label="Add revision" on:submit=on_submit novalidate>
                            <TextField
                                id="new-revision"
                                label="New revision label"
                                value=label
                                errors=fields
                                field="label"
                                class="mono"
                                placeholder="B"
                            />
                            <button class="btn" type="submit" disabled=move || add.pending().get()>
                                "Add revision"
                            </button>
                        </form>
                    }
                })}
            {form_alert(error)}
        </section>
    }
}

/// "EUR 1.25" for a per-unit amount.
fn money_text(amount: &Decimal, currency: &str) -> String {
    format!("{currency} {}", amount.normalize())
}

/// The working revision's buyer-internal reference prices: should-cost and last price
/// paid (entered here as `manual`, or set by an award). The comparison shows each bid's
/// delta to them.
#[component]
fn RevisionCosts(
    part: RwSignal<Part>,
    rid: String,
    label: String,
    can_write: bool,
) -> impl IntoView {
    let rev = part.with_untracked(|p| p.revisions.iter().find(|r| r.id == rid).cloned());
    let Some(rev) = rev else {
        return ().into_any();
    };
    let should_amount = RwSignal::new(
        rev.should_cost
            .as_ref()
            .map(|m| m.amount.normalize().to_string())
            .unwrap_or_default(),
    );
    let should_currency = RwSignal::new(
        rev.should_cost
            .as_ref()
            .map(|m| m.currency.clone())
            .unwrap_or_else(|| "EUR".into()),
    );
    let last_initial = rev
        .last_price
        .as_ref()
        .map(|l| {
            (
                l.amount.normalize().to_string(),
                l.currency.clone(),
                l.on.clone(),
            )
        })
        .unwrap_or_else(|| (String::new(), "EUR".into(), String::new()));
    let last_amount = RwSignal::new(last_initial.0.clone());
    let last_currency = RwSignal::new(last_initial.1.clone());
    let last_on = RwSignal::new(last_initial.2.clone());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let save_rid = rid.clone();
    let save = Action::new_local(move |body: &api::UpdateRevision| {
        let body = body.clone();
        let id = part.with_untracked(|p| p.id.clone());
        let rid = save_rid.clone();
        async move {
            match client::update_revision(&id, &rid, &body).await {
                Ok(p) => {
                    part.set(p);
                    saved.set(true);
                }
                Err(e) => show_error(e, fields, error),
            }
        }
    });
    let had_should = rev.should_cost.is_some();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        saved.set(false);
        // The server's checks of a reference price (`domain::part::reference_price`,
        // `paid_on`), on what was typed.
        let mut errs = domain::validate::FieldErrors::new();
        let amount = |s: String,
                      currency: String,
                      field: &str,
                      errs: &mut domain::validate::FieldErrors|
         -> Option<Decimal> {
            let s = s.trim().to_string();
            if s.is_empty() {
                return None;
            }
            match Decimal::from_str(&s) {
                Ok(d) => {
                    domain::part::reference_price(errs, field, d, &currency);
                    Some(d)
                }
                Err(_) => {
                    errs.add(
                        &format!("{field}.amount"),
                        "a positive amount per unit, e.g. 1.25",
                    );
                    None
                }
            }
        };
        let should = amount(
            should_amount.get_untracked(),
            should_currency.get_untracked(),
            "should_cost",
            &mut errs,
        );
        let last = amount(
            last_amount.get_untracked(),
            last_currency.get_untracked(),
            "last_price",
            &mut errs,
        );
        if last.is_some() {
            domain::part::paid_on(
                &mut errs,
                "last_price.on",
                Some(&last_on.get_untracked()),
                crate::pages::quote_form::today_utc(),
            );
        }
        if !check_fields(errs, fields, error) {
            return;
        }
        fields.set(FieldMap::new());
        let should_cost = match should {
            Some(a) => Some(Some(api::Money {
                amount: a,
                currency: should_currency.get_untracked().trim().to_ascii_uppercase(),
            })),
            None if had_should => Some(None),
            None => None,
        };
        // An award's last price is left alone unless the buyer changed it here.
        let now = (
            last_amount.get_untracked().trim().to_string(),
            last_currency.get_untracked().trim().to_ascii_uppercase(),
            last_on.get_untracked().trim().to_string(),
        );
        let last_price = if now == last_initial {
            None
        } else {
            match last {
                Some(a) => Some(Some(api::NewLastPrice {
                    amount: a,
                    currency: now.1,
                    on: (!now.2.is_empty()).then_some(now.2),
                })),
                None => Some(None),
            }
        };
        save.dispatch(api::UpdateRevision {
            should_cost,
            last_price,
        });
    };
    let facts = move || {
        let r = part.with(|p| p.revisions.iter().find(|r| r.id == rid).cloned());
        r.map(|r| {
            let should = r
                .should_cost
                .as_ref()
                .map(|m| money_text(&m.amount, &m.currency))
                .unwrap_or_else(|| "—".into());
            let last = r
                .last_price
                .as_ref()
                .map(|l| {
                    let source = match &l.rfq_number {
                        Some(n) => format!("award {n}"),
                        None => l.source.clone(),
                    };
                    format!(
                        "{} · {} · {source}",
                        money_text(&l.amount, &l.currency),
                        local_date(&l.on)
                    )
                })
                .unwrap_or_else(|| "—".into());
            view! {
                <dl class="facts">
                    <div>
                        <dt>"Should-cost per unit"</dt>
                        <dd class="mono">{should}</dd>
                    </div>
                    <div>
                        <dt>"Last price paid per unit"</dt>
                        <dd class="mono">{last}</dd>
                    </div>
                </dl>
            }
        })
    };
    view! {
        <section aria-labelledby="costs-h">
            <h2 id="costs-h">{format!("Reference prices, rev {label}")}</h2>
            <p class="hint">"Buyer-internal: suppliers never see these. The comparison shows each bid's delta to them."</p>
            {facts}
            {can_write
                .then(|| {
                    view! {
                        <details class="panel costs-edit">
                            <summary>"Edit reference prices"</summary>
                            <form class="form-grid" aria-label="Reference prices" on:submit=on_submit novalidate>
                                <TextField
                                    id="should-amount"
                                    label="Should-cost per unit"
                                    value=should_amount
                                    errors=fields
                                    field="should_cost.amount"
                                    hint="Empty clears it"
                                />
                                <TextField
                                    id="should-currency"
                                    label="Should-cost currency"
                                    value=should_currency
                                    errors=fields
                                    field="should_cost.currency"
                                    class="mono"
                                />
                                <TextField
                                    id="last-amount"
                                    label="Last price per unit"
                                    value=last_amount
                                    errors=fields
                                    field="last_price.amount"
                                    hint="Awards set this too"
                                />
                                <TextField
                                    id="last-currency"
                                    label="Last price currency"
                                    value=last_currency
                                    errors=fields
                                    field="last_price.currency"
                                    class="mono"
                                />
                                <TextField
                                    id="last-on"
                                    label="Last price paid on"
                                    value=last_on
                                    errors=fields
                                    field="last_price.on"
                                    input_type="date"
                                />
                                <div class="span-all">{form_alert(error)}</div>
                                <div class="actions span-all">
                                    <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                                        "Save reference prices"
                                    </button>
                                    {move || saved.get().then(|| view! { <span class="muted" role="status">"Saved."</span> })}
                                </div>
                            </form>
                        </details>
                    }
                })}
        </section>
    }
    .into_any()
}

/// Drawings and other files of one revision.
#[component]
fn RevisionFiles(rid: String, label: String, can_write: bool) -> impl IntoView {
    let owner = rid.clone();
    let files = LocalResource::new(move || {
        let rid = owner.clone();
        async move { client::files("revision", &rid).await }
    });
    let error = RwSignal::new(None::<AppError>);
    let upload_rid = rid.clone();
    let upload = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        let rid = upload_rid.clone();
        async move {
            error.set(None);
            match client::upload_file("revision", &rid, &file).await {
                Ok(_) => files.refetch(),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let remove = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            error.set(None);
            match client::delete_file(&id).await {
                Ok(()) => files.refetch(),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let heading = format!("Files, rev {label}");
    let table = move |list: Vec<FileRef>| {
        if list.is_empty() {
            return view! { <p class="empty">"No drawings or files on this revision yet."</p> }
                .into_any();
        }
        let rows = list
            .into_iter()
            .map(|f| {
                let id = f.id.clone();
                view! {
                    <tr>
                        <td data-label="File" class="wrap">
                            <a href=client::file_url(&f.id) download=f.name.clone()>
                                {f.name.clone()}
                            </a>
                        </td>
                        <td data-label="Size" class="num">
                            {domain::bytes::size_words(f.size)}
                        </td>
                        <td data-label="Uploaded">{local_datetime(&f.uploaded_at)}</td>
                        <td data-label="SHA-256" class="mono small" title=f.sha256.clone()>
                            {f.sha256.chars().take(12).collect::<String>()}
                        </td>
                        {remove_cell(
                            can_write,
                            "Delete",
                            format!("Delete {}", f.name),
                            move || {
                                remove.dispatch(id.clone());
                            },
                        )}
                    </tr>
                }
            })
            .collect_view();
        let mut columns = vec![
            col("File"),
            num_col("Size"),
            col("Uploaded"),
            col("SHA-256"),
        ];
        columns.extend(can_write.then_some(col("")));
        card_table("Files", columns, rows)
    };
    view! {
        <section aria-labelledby="files-h">
            <h2 id="files-h">{heading}</h2>
            {loaded(files, table)}
            {can_write
                .then(|| {
                    view! {
                        <FileDrop
                            id="drawing-file"
                            label="Drawing or file"
                            prompt="Drop a drawing (PDF, STEP, DXF, image …)"
                            accept=""
                            on_file=Callback::new(move |f| {
                                upload.dispatch(f);
                            })
                            busy=Signal::derive(move || upload.pending().get())
                        />
                    }
                })}
            {form_alert(error)}
        </section>
    }
}

/// A BOM row being edited.
#[derive(Clone)]
struct BomRow {
    key: u32,
    part_id: RwSignal<String>,
    quantity: RwSignal<String>,
}

/// One revision's BOM: the children with their quantity per parent; edit (loops are
/// refused by the server and shown on the row); "Create RFQ from BOM".
#[component]
fn Bom(rid: String, label: String, number: String, can_write: bool) -> impl IntoView {
    let owner = rid.clone();
    let lines = LocalResource::new(move || {
        let rid = owner.clone();
        async move { client::bom(&rid).await }
    });
    let editing = RwSignal::new(false);
    let to_rfq = RwSignal::new(false);
    let heading = format!("BOM, rev {label}");
    let edit_rid = rid.clone();
    let rfq_rid = rid.clone();
    let rfq_title = format!("{number} rev {label} BOM");

    let table = move |list: Vec<BomLine>| {
        if list.is_empty() {
            return view! { <p class="empty">"No children: this revision is bought or made as one piece."</p> }
                .into_any();
        }
        let rows = list
            .into_iter()
            .map(|l| {
                view! {
                    <tr>
                        <td data-label="Child part">
                            <a class="mono strong" href=format!("/parts/{}", l.child_part_id)>
                                {l.child_number}
                            </a>
                        </td>
                        <td data-label="Name" class="wrap">
                            {l.child_name}
                        </td>
                        <td data-label="Quantity per parent" class="num">
                            {l.quantity.normalize().to_string()}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        card_table(
            "BOM",
            vec![
                col("Child part"),
                col("Name"),
                num_col("Quantity per parent"),
            ],
            rows,
        )
    };

    view! {
        <section aria-labelledby="bom-h">
            <div class="section-head wrap">
                <h2 id="bom-h">{heading}</h2>
                {can_write
                    .then(|| {
                        view! {
                            <div class="actions">
                                {toggle_button("Edit BOM", editing, "btn")}
                                {toggle_button("Create RFQ from BOM", to_rfq, "btn btn-primary")}
                            </div>
                        }
                    })}
            </div>
            {loaded(
                lines,
                move |list: Vec<BomLine>| {
                    if editing.get() {
                        view! {
                            <BomEditor
                                rid=edit_rid.clone()
                                lines=list
                                on_done=Callback::new(move |saved: bool| {
                                    editing.set(false);
                                    if saved {
                                        lines.refetch();
                                    }
                                })
                            />
                        }
                            .into_any()
                    } else {
                        table(list)
                    }
                },
            )}
            <Show when=move || to_rfq.get()>
                <FromBomForm
                    rid=rfq_rid.clone()
                    title=rfq_title.clone()
                    on_cancel=Callback::new(move |_| to_rfq.set(false))
                />
            </Show>
        </section>
    }
}

#[component]
fn BomEditor(rid: String, lines: Vec<BomLine>, on_done: Callback<bool>) -> impl IntoView {
    let parts = LocalResource::new(|| client::parts(""));
    let next = StoredValue::new(0u32);
    let new_row = move |part_id: String, quantity: String| {
        let key = next.get_value();
        next.set_value(key + 1);
        BomRow {
            key,
            part_id: RwSignal::new(part_id),
            quantity: RwSignal::new(quantity),
        }
    };
    let rows = RwSignal::new(
        lines
            .iter()
            .map(|l| new_row(l.child_part_id.clone(), l.quantity.normalize().to_string()))
            .collect::<Vec<_>>(),
    );
    // Errors by row key and field (`part_id`, `quantity`).
    let errors = RwSignal::new(std::collections::BTreeMap::<(u32, String), String>::new());
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new_local(move |(keys, children): &(Vec<u32>, Vec<BomChild>)| {
        let keys = keys.clone();
        let children = children.clone();
        let rid = rid.clone();
        async move {
            match client::set_bom(&rid, children).await {
                Ok(_) => on_done.run(true),
                Err(e) => {
                    let mut by_row = std::collections::BTreeMap::new();
                    for (k, m) in e.fields() {
                        if let Some((i, f)) =
                            k.strip_prefix("children[").and_then(|r| r.split_once("]."))
                        {
                            if let Some(key) = i.parse::<usize>().ok().and_then(|i| keys.get(i)) {
                                by_row.insert((*key, f.to_string()), m.clone());
                            }
                        }
                    }
                    errors.set(by_row);
                    error.set(Some(e));
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let mut errs = std::collections::BTreeMap::new();
        let mut keys = Vec::new();
        let mut children = Vec::new();
        for r in rows.get_untracked() {
            let part_id = r.part_id.get_untracked();
            let q = r.quantity.get_untracked();
            if part_id.is_empty() {
                errs.insert(
                    (r.key, "part_id".to_string()),
                    "choose the child part".to_string(),
                );
            }
            let mut qe = domain::validate::FieldErrors::new();
            let parsed = Decimal::from_str(q.trim());
            if let Ok(d) = parsed {
                domain::part::bom_quantity(&mut qe, "quantity", d);
            }
            match parsed {
                Ok(d) if qe.is_empty() => {
                    keys.push(r.key);
                    children.push(BomChild {
                        part_id,
                        quantity: d,
                    });
                }
                _ => {
                    let m =
                        qe.0.remove("quantity")
                            .unwrap_or_else(|| "a positive number, e.g. 2 or 0.5".to_string());
                    errs.insert((r.key, "quantity".to_string()), m);
                }
            }
        }
        let ok = errs.is_empty();
        errors.set(errs);
        if ok {
            save.dispatch((keys, children));
        }
    };
    let options = move |chosen: RwSignal<String>| {
        move || {
            parts
                .get()
                .and_then(Result::ok)
                .unwrap_or_default()
                .into_iter()
                .map(|p| {
                    let id = p.id.clone();
                    view! {
                        <option value=p.id.clone() selected=move || chosen.get() == id>
                            {format!("{} — {}", p.number, p.name)}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    let row_error = move |key: u32, field: &'static str| {
        move || {
            errors
                .with(|e| e.get(&(key, field.to_string())).cloned())
                .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
        }
    };
    view! {
        <form class="panel bom-editor" aria-label="Edit BOM" on:submit=on_submit novalidate>
            <For
                each=move || rows.get().into_iter().enumerate()
                key=|(i, r)| (*i, r.key)
                children=move |(i, r)| {
                    let n = i + 1;
                    let key = r.key;
                    view! {
                        <div class="bom-row" role="group" aria-label=format!("BOM row {n}")>
                            <div class="field">
                                <label for=format!("bom-part-{key}")>{format!("Child part, row {n}")}</label>
                                <select
                                    id=format!("bom-part-{key}")
                                    on:change=move |ev| r.part_id.set(event_target_value(&ev))
                                    prop:value=move || r.part_id.get()
                                    aria-invalid=move || errors.with(|e| e.contains_key(&(key, "part_id".to_string()))).then_some("true")
                                >
                                    <option value="">"Choose a part…"</option>
                                    {options(r.part_id)}
                                </select>
                                {row_error(key, "part_id")}
                            </div>
                            <div class="field qty">
                                <label for=format!("bom-qty-{key}")>{format!("Quantity, row {n}")}</label>
                                <input
                                    id=format!("bom-qty-{key}")
                                    inputmode="decimal"
                                    bind:value=r.quantity
                                    aria-invalid=move || errors.with(|e| e.contains_key(&(key, "quantity".to_string()))).then_some("true")
                                />
                                {row_error(key, "quantity")}
                            </div>
                            <button
                                class="btn btn-small btn-quiet"
                                type="button"
                                on:click=move |_| rows.update(|v| v.retain(|x| x.key != key))
                            >
                                {format!("Remove row {n}")}
                            </button>
                        </div>
                    }
                }
            />
            <div class="actions">
                <button
                    class="btn"
                    type="button"
                    on:click=move |_| rows.update(|v| v.push(new_row(String::new(), "1".into())))
                >
                    "Add child"
                </button>
                <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                    "Save BOM"
                </button>
                <button class="btn" type="button" on:click=move |_| on_done.run(false)>
                    "Cancel"
                </button>
            </div>
            {form_alert(error)}
        </form>
    }
}

/// Numbers separated by commas or spaces ("100, 500 1000").
pub(crate) fn parse_quantities(s: &str) -> Option<Vec<Decimal>> {
    let v: Option<Vec<Decimal>> = s
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| Decimal::from_str(x).ok())
        .collect();
    v.filter(|v| !v.is_empty())
}

#[component]
fn FromBomForm(rid: String, title: String, on_cancel: Callback<()>) -> impl IntoView {
    let title = RwSignal::new(title);
    let currency = RwSignal::new("EUR".to_string());
    let deadline = RwSignal::new(local_input_in_days(14));
    let builds = RwSignal::new("100, 500".to_string());
    let annual = RwSignal::new(String::new());
    let sealed = RwSignal::new(true);
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let navigate = use_navigate();
    let create = Action::new_local(move |body: &RfqFromBom| {
        let body = body.clone();
        let navigate = navigate.clone();
        async move {
            match client::rfq_from_bom(&body).await {
                Ok(d) => navigate(&format!("/rfqs/{}", d.summary.id), Default::default()),
                Err(e) => show_error(e, fields, error),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let mut errs = FieldMap::new();
        let quantities = parse_quantities(&builds.get_untracked());
        if quantities.is_none() {
            errs.insert(
                "build_quantities".into(),
                "numbers separated by commas, e.g. 100, 500".into(),
            );
        }
        let when = local_input_to_rfc3339(&deadline.get_untracked());
        if when.is_none() {
            errs.insert("deadline".into(), "pick a date and time".into());
        }
        let a = annual.get_untracked();
        let annual_builds = if a.trim().is_empty() {
            None
        } else {
            match Decimal::from_str(a.trim()) {
                Ok(d) => Some(d),
                Err(_) => {
                    errs.insert("annual_builds".into(), "a number, e.g. 1200".into());
                    None
                }
            }
        };
        if !errs.is_empty() {
            fields.set(errs);
            return;
        }
        fields.set(FieldMap::new());
        create.dispatch(RfqFromBom {
            revision_id: rid.clone(),
            title: title.get_untracked().trim().to_string(),
            currency: currency.get_untracked().trim().to_ascii_uppercase(),
            deadline: when.unwrap_or_default(),
            build_quantities: quantities.unwrap_or_default(),
            annual_builds,
            need_by: None,
            supplier_ids: Vec::new(),
            sealed: sealed.get_untracked(),
        });
    };
    view! {
        <form class="panel form-grid" aria-label="Create RFQ from BOM" on:submit=on_submit novalidate>
            <h3 class="span-all">"Create RFQ from BOM"</h3>
            <p class="hint span-all">
                "One line per child, asked at build quantity × quantity per parent, for the child's current revision. The RFQ starts as a draft: invite suppliers and open it there."
            </p>
            <TextField id="bom-rfq-title" label="RFQ title" value=title errors=fields field="title" wide=true />
            <TextField
                id="bom-rfq-builds"
                label="Build quantities"
                value=builds
                errors=fields
                field="build_quantities"
                hint="Parent builds per break, e.g. 100, 500"
            />
            <TextField
                id="bom-rfq-annual"
                label="Annual builds"
                value=annual
                errors=fields
                field="annual_builds"
                hint="Optional; gives each line its annual volume"
            />
            <TextField
                id="bom-rfq-currency"
                label="Base currency"
                value=currency
                errors=fields
                field="currency"
                class="mono"
            />
            <TextField
                id="bom-rfq-deadline"
                label="Deadline"
                value=deadline
                errors=fields
                field="deadline"
                input_type="datetime-local"
            />
            <div class="field checkbox span-all">
                <label>
                    <input type="checkbox" bind:checked=sealed />
                    " Sealed bids"
                </label>
            </div>
            {move || {
                fields
                    .with(|f| f.get("revision_id").cloned())
                    .map(|m| view! { <p class="field-error span-all">{m}</p> })
            }}
            <FormFooter submit="Create draft RFQ" error=error pending=Signal::derive(move || create.pending().get()) on_cancel=on_cancel />
        </form>
    }
}
