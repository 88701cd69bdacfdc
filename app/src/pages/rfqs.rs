//! `/rfqs` and `/rfqs/{id}`, plus the RFQ table the role homes reuse.

use api::{MyQuoteState, RfqDetail, RfqLine, RfqSummary};
use leptos::prelude::*;

use crate::api as client;
use crate::session::use_internal;
use crate::storage::Storage;
use crate::ui::{
    card_table, col, loaded, local_date, local_datetime, local_datetime_zone, local_number,
    num_col, set_title, status_badge, time_left,
};

/// What a supplier still owes on an RFQ, in its words: from the server's standing of its
/// latest version (`my_quote`) and whether this device holds an unsent draft.
pub fn owed(state: MyQuoteState, rfq_open: bool, draft: bool) -> (&'static str, &'static str) {
    use MyQuoteState as S;
    match (state, rfq_open, draft) {
        (S::Reconfirm, true, _) => ("Reconfirm needed: the RFQ changed", "badge-warn"),
        (S::Reconfirm, false, _) | (S::Submitted, _, false) | (S::Submitted, false, true) => {
            ("Submitted", "badge-submitted")
        }
        (S::Submitted, true, true) => ("Submitted; changes on this device not sent", "badge-warn"),
        (S::NotStarted, true, false) => ("Not started", "badge-warn"),
        (S::NotStarted | S::Withdrawn, true, true) => {
            ("Draft on this device, not sent", "badge-warn")
        }
        (S::Withdrawn, true, false) => ("Withdrawn: no quote stands", "badge-warn"),
        (S::NotStarted | S::Withdrawn, false, _) => ("No quote sent", "badge-withdrawn"),
    }
}

/// RFQs as a table (stacked cards on a phone). `show_invited` adds the invited count,
/// which only internal users receive; a supplier's list says what it still owes on each
/// (its quote's standing, or a draft on this device) and the deadline in its time zone.
#[component]
pub fn RfqTable(rfqs: Vec<RfqSummary>, show_invited: bool) -> impl IntoView {
    if rfqs.is_empty() {
        return view! { <p class="empty">"No RFQs here yet."</p> }.into_any();
    }
    let show_owed = rfqs.iter().any(|r| r.my_quote.is_some());
    // RFQ ids with a quote draft of this supplier on this device.
    let supplier_id = crate::session::use_me().and_then(|m| m.supplier_id);
    let drafts = LocalResource::new(move || {
        let sid = supplier_id.clone();
        async move {
            let Some(sid) = sid.filter(|_| show_owed) else {
                return Vec::new();
            };
            let Ok(s) = Storage::open().await else {
                return Vec::new();
            };
            s.list_drafts::<serde_json::Value>()
                .await
                .unwrap_or_default()
                .into_iter()
                .filter_map(|d| {
                    d.key
                        .strip_prefix("quote:")
                        .and_then(|k| k.strip_suffix(&format!(":{sid}")))
                        .map(str::to_string)
                })
                .collect::<Vec<String>>()
        }
    });
    let rows = rfqs
        .into_iter()
        .map(|r| {
            let href = format!("/rfqs/{}", r.id);
            let deadline = if show_owed {
                local_datetime_zone(&r.deadline)
            } else {
                local_datetime(&r.deadline)
            };
            let left = time_left(&r.deadline);
            let owed_cell = r.my_quote.map(|state| {
                let open = r.status == "open";
                let id = r.id.clone();
                view! {
                    <td data-label="Your quote">
                        {move || {
                            let draft = drafts
                                .get()
                                .is_some_and(|d| d.contains(&id));
                            let (text, class) = owed(state, open, draft);
                            view! { <span class=format!("badge {class}")>{text}</span> }
                        }}
                    </td>
                }
            });
            let zone_note = show_owed.then_some(" · your time");
            view! {
                <tr>
                    <td data-label="RFQ">
                        <a class="mono strong" href=href>
                            {r.number}
                        </a>
                    </td>
                    <td data-label="Title" class="wrap">
                        {r.title}
                    </td>
                    <td data-label="Status">{status_badge(r.status)}</td>
                    {owed_cell}
                    <td data-label="Deadline">
                        <div>
                            <time datetime=r.deadline.clone() title=format!("Set in {}", r.time_zone)>
                                {deadline}
                            </time>
                            <span class="muted small block">{left} {zone_note}</span>
                        </div>
                    </td>
                    <td data-label="Bid prices">
                        {if r.sealed {
                            view! {
                                <span
                                    class="badge badge-sealed"
                                    title="Prices stay hidden until the deadline"
                                >
                                    "Sealed until deadline"
                                </span>
                            }
                                .into_any()
                        } else {
                            view! { <span class="muted">"Seen on arrival"</span> }.into_any()
                        }}
                    </td>
                    <td data-label="Lines" class="num">
                        {r.line_count}
                    </td>
                    {show_invited
                        .then(|| {
                            view! {
                                <td data-label="Invited" class="num">
                                    {r.invited_count}
                                </td>
                            }
                        })}
                </tr>
            }
        })
        .collect_view();
    let mut columns = vec![col("RFQ"), col("Title"), col("Status")];
    columns.extend(show_owed.then_some(col("Your quote")));
    columns.extend([col("Deadline"), col("Bid prices"), num_col("Lines")]);
    columns.extend(show_invited.then_some(num_col("Invited")));
    card_table("", columns, rows)
}

/// `/rfqs`: every RFQ the person may see.
#[component]
pub fn RfqsPage() -> impl IntoView {
    set_title("RFQs");
    let internal = use_internal();
    let rfqs = LocalResource::new(client::rfqs);
    let can_write = crate::session::may_write(domain::access::Resource::RfqList);
    let requoting = RwSignal::new(false);
    view! {
        <div class="page-head">
            <h1>{if internal { "RFQs" } else { "Invited RFQs" }}</h1>
            {can_write
                .then(|| {
                    view! {
                        <div class="actions">
                            {crate::ui::toggle_button("Re-quote from file", requoting, "btn")}
                            <a class="btn btn-primary" href="/rfqs/new">
                                "New RFQ"
                            </a>
                        </div>
                    }
                })}
        </div>
        <Show when=move || requoting.get()>
            <RequotePanel on_created=Callback::new(move |_| rfqs.refetch()) />
        </Show>
        {loaded(rfqs, move |list| view! { <RfqTable rfqs=list show_invited=internal /> })}
    }
}

/// "Re-quote from file": an old quote, PO or invoice goes to `POST /api/rfqs/requote`;
/// its lines become a draft RFQ against the current part revisions, and the lines that
/// matched no part are listed with where they are in the file, to resolve.
#[component]
fn RequotePanel(on_created: Callback<()>) -> impl IntoView {
    let result = RwSignal::new(None::<(String, api::Requote)>);
    let error = RwSignal::new(None::<client::AppError>);
    let run = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            error.set(None);
            result.set(None);
            match client::requote(&file).await {
                Ok(r) => {
                    if r.rfq.is_some() {
                        on_created.run(());
                    }
                    result.set(Some((file.name(), r)));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section class="panel" aria-labelledby="requote-h">
            <h2 id="requote-h">"Re-quote from file"</h2>
            <p class="muted small">
                "Drop an old quote, purchase order or invoice (PDF, XLSX, CSV, .eml). Its lines become a draft RFQ for the current revision of each part; lines that match no part are listed below for you to resolve."
            </p>
            <crate::ui::FileDrop
                id="requote-file"
                label="Old quote or PO file"
                prompt="Drop the old quote or PO"
                accept=".pdf,.xlsx,.xls,.ods,.csv,.tsv,.txt,.eml,.xml,.json"
                on_file=Callback::new(move |f| {
                    run.dispatch(f);
                })
                busy=Signal::derive(move || run.pending().get())
            />
            {crate::ui::form_alert(error)}
            {move || result.get().map(|(name, r)| requote_result(name, r))}
        </section>
    }
}

fn requote_result(file: String, r: api::Requote) -> impl IntoView {
    use crate::pages::quote_upload::where_from;
    let rfq = r
        .rfq
        .as_ref()
        .map(|d| (d.summary.id.clone(), d.summary.number.clone()));
    let head = match &rfq {
        Some((id, number)) => view! {
            <p class="alert alert-ok" role="status">
                {format!("Draft {number} created from {file} with {} line(s). ", r.plan.lines.len())}
                <a href=format!("/rfqs/{id}")>{format!("Open draft {number}")}</a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="alert alert-warn" role="status">
                {format!("No line of {file} matched a part, so no RFQ was created.")}
            </p>
        }
        .into_any(),
    };
    let matched = r
        .plan
        .lines
        .iter()
        .map(|l| {
            let q = l
                .quantities
                .iter()
                .map(|q| local_number(&q.normalize().to_string()))
                .collect::<Vec<_>>()
                .join(" / ");
            view! {
                <tr>
                    <td data-label="Part">
                        <a class="mono strong" href=format!("/parts/{}", l.part_id)>
                            {l.part_number.clone()}
                        </a>
                    </td>
                    <td data-label="Revision" class="mono">
                        {l.revision.clone()}
                    </td>
                    <td data-label="Quantities" class="mono">
                        {q}
                    </td>
                    <td data-label="Matched by" class="wrap">
                        {l.reason.clone()}
                        {(!l.notes.is_empty())
                            .then(|| view! { <span class="muted small block">{l.notes.join("; ")}</span> })}
                    </td>
                    <td data-label="In the file" class="mono small">
                        {l.source.as_ref().map(where_from).unwrap_or_default()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let rfq_link = rfq.clone();
    let unmatched = r
        .plan
        .unmatched
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let number = u.part_number.clone().unwrap_or_default();
            let what = match (&u.part_number, &u.description) {
                (Some(n), Some(d)) => format!("{n} — {d}"),
                (Some(n), None) => n.clone(),
                (None, Some(d)) => d.clone(),
                (None, None) => "(no part number or description)".into(),
            };
            let search = u
                .part_number
                .clone()
                .or_else(|| u.description.clone())
                .unwrap_or_default();
            let create = (!number.is_empty()).then(|| {
                view! {
                    <a class="btn btn-small" href=format!("/parts?new={}", js_sys::encode_uri_component(&number))>
                        {format!("Create part {number}")}
                    </a>
                }
            });
            let pick = rfq_link.as_ref().map(|(id, number)| {
                view! {
                    <PickPart
                        rfq_id=id.clone()
                        rfq_number=number.clone()
                        what=what.clone()
                        uid=format!("u{i}")
                    />
                }
            });
            view! {
                <tr>
                    <td data-label="Line in the file" class="wrap">
                        {what}
                    </td>
                    <td data-label="Why" class="wrap">
                        {u.reason.clone()}
                    </td>
                    <td data-label="In the file" class="mono small">
                        {u.source.as_ref().map(where_from).unwrap_or_default()}
                    </td>
                    <td data-label="Resolve">
                        <div>
                            <div class="actions">
                                {create}
                                <a
                                    class="btn btn-small btn-quiet"
                                    href=format!("/parts?q={}", js_sys::encode_uri_component(&search))
                                >
                                    "Find a part"
                                </a>
                            </div>
                            {pick}
                        </div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let n_unmatched = r.plan.unmatched.len();
    let diags = r
        .diagnostics
        .iter()
        .map(|d| view! { <li>{d.message.clone()} {d.location.as_ref().map(|l| format!(" ({})", where_from(l)))}</li> })
        .collect_view();
    let n_diags = r.diagnostics.len();
    view! {
        <div class="requote-result">
            {head}
            {(!r.plan.lines.is_empty())
                .then(|| {
                    view! {
                        {card_table(
                            "Matched lines",
                            vec![
                                col("Part"),
                                col("Revision"),
                                col("Quantities"),
                                col("Matched by"),
                                col("In the file"),
                            ],
                            matched,
                        )}
                    }
                })}
            {(n_unmatched > 0)
                .then(|| {
                    view! {
                        <h3>{format!("Unmatched lines ({n_unmatched})")}</h3>
                        {card_table(
                            "Unmatched lines",
                            vec![col("Line in the file"), col("Why"), col("In the file"), col("Resolve")],
                            unmatched,
                        )}
                    }
                })}
            {(n_diags > 0)
                .then(|| {
                    view! {
                        <details class="diagnostics">
                            <summary>{format!("Findings ({n_diags})")}</summary>
                            <ul>{diags}</ul>
                        </details>
                    }
                })}
        </div>
    }
}

/// An RFQ line as it stands, to send back unchanged with `PUT /api/rfqs/{id}/lines`
/// (the id keeps it; only the line's own reference prices are overrides).
fn keep_line(l: &RfqLine) -> api::NewRfqLine {
    let own = |p: &Option<api::ReferencePrice>| {
        p.as_ref()
            .filter(|p| p.from == "line")
            .and_then(|p| p.amount)
    };
    api::NewRfqLine {
        id: Some(l.id.clone()),
        part_id: l.part_id.clone(),
        revision: Some(l.revision.clone()),
        // Kept as it is: the server needs no new confirmation for it.
        confirm_revision: false,
        quantities: l.quantities.clone(),
        annual_volume: l.annual_volume,
        need_by: l.need_by.clone(),
        notes: l.notes.clone(),
        last_price: own(&l.last_price),
        should_cost: own(&l.should_cost),
    }
}

/// Resolves an unmatched re-quote line by picking a part from the catalogue: the part
/// (current revision) is added to the draft at the quantities given.
#[component]
fn PickPart(rfq_id: String, rfq_number: String, what: String, uid: String) -> impl IntoView {
    let label = what.clone();
    let parts = LocalResource::new(|| client::parts(""));
    let part = RwSignal::new(String::new());
    let quantities = RwSignal::new(String::new());
    let error = RwSignal::new(None::<client::AppError>);
    let added = RwSignal::new(None::<String>);
    let add = Action::new_local(
        move |(part_id, qs): &(String, Vec<rust_decimal::Decimal>)| {
            let (part_id, qs, rfq_id) = (part_id.clone(), qs.clone(), rfq_id.clone());
            let note = what.clone();
            async move {
                error.set(None);
                let result = async {
                    let d = client::rfq(&rfq_id).await?;
                    let mut lines: Vec<api::NewRfqLine> = d.lines.iter().map(keep_line).collect();
                    lines.push(api::NewRfqLine {
                        id: None,
                        part_id,
                        revision: None,
                        confirm_revision: false,
                        quantities: qs,
                        annual_volume: None,
                        need_by: None,
                        notes: format!("Re-quote: {note}"),
                        last_price: None,
                        should_cost: None,
                    });
                    client::set_rfq_lines(&rfq_id, &lines).await
                }
                .await;
                match result {
                    Ok(d) => {
                        let l = d.lines.last();
                        added.set(l.map(|l| {
                            format!(
                                "Added as line {} ({} rev {}).",
                                l.line_no, l.part_number, l.revision
                            )
                        }));
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = part.get_untracked();
        let qs = crate::pages::part_detail::parse_quantities(&quantities.get_untracked());
        match (p.is_empty(), qs) {
            (true, _) => error.set(Some(client::AppError::new(
                "pick",
                "Choose the part this line is.",
            ))),
            (_, None) => error.set(Some(client::AppError::new(
                "quantities",
                "Give the quantities to ask, e.g. 100, 500.",
            ))),
            (false, Some(qs)) => {
                add.dispatch((p, qs));
            }
        }
    };
    let part_id = format!("pick-part-{uid}");
    let qty_id = format!("pick-qty-{uid}");
    view! {
        {move || match added.get() {
            Some(m) => view! { <p class="alert alert-ok" role="status">{m}</p> }.into_any(),
            None => view! {
                <form class="pick-part" aria-label=format!("Pick a part for {label}") on:submit=on_submit novalidate>
                    <label for=part_id.clone()>"Part"</label>
                    <select id=part_id.clone() on:change=move |ev| part.set(event_target_value(&ev)) prop:value=move || part.get()>
                        <option value="">"Choose a part…"</option>
                        {move || {
                            parts
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|p| view! { <option value=p.id.clone()>{format!("{} — {}", p.number, p.name)}</option> })
                                .collect_view()
                        }}
                    </select>
                    <label for=qty_id.clone()>"Quantities"</label>
                    <input id=qty_id.clone() inputmode="decimal" placeholder="100, 500" bind:value=quantities />
                    <button class="btn btn-small" type="submit" disabled=move || add.pending().get()>
                        {format!("Add to {rfq_number}")}
                    </button>
                    {crate::ui::form_alert(error)}
                </form>
            }
            .into_any(),
        }}
    }
}

/// `/rfqs/{id}`: header facts, lines with quantity breaks, and (internal users) the
/// invited suppliers.
#[component]
pub fn RfqDetailPage() -> impl IntoView {
    let internal = use_internal();
    if !internal {
        // A supplier quotes here: its own page (crate::pages::supplier_rfq).
        return view! { <crate::pages::supplier_rfq::SupplierRfqPage /> }.into_any();
    }
    // The buying team's page: actions, responses, clarifications (crate::pages::rfq_buyer).
    view! { <crate::pages::rfq_buyer::BuyerRfqPage /> }.into_any()
}

/// The RFQ's header facts, lines and (internal users) invited suppliers.
/// Beside a line's revision on the RFQ (buyer and supplier): a badge when the revision
/// is not the released one (a draft or obsolete revision the buyer confirmed, or one that
/// became obsolete since).
pub(crate) fn revision_badge(status: &str) -> Option<impl IntoView> {
    let status = domain::revision::Status::parse(status).unwrap_or(domain::revision::Status::Draft);
    (status != domain::revision::Status::Released).then(|| {
        view! {
            <span class=format!("badge badge-{}", status.as_str())>
                {format!("{} revision", status.as_str())}
            </span>
        }
    })
}

pub(crate) fn rfq_view(d: RfqDetail, internal: bool) -> impl IntoView {
    let s = d.summary;
    set_title(&s.number);
    let lines = d.lines.into_iter().map(line_row).collect_view();
    let invited = d.invited;
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
                                title="Prices stay hidden until the deadline"
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
                        {time_left(&s.deadline)} " · set in " {s.time_zone.clone()}
                    </span>
                </dd>
            </div>
            <div>
                <dt>"Currency"</dt>
                <dd class="mono">{s.currency.clone()}</dd>
            </div>
            <div>
                <dt>"Incoterm"</dt>
                <dd>{non_empty(d.incoterm)}</dd>
            </div>
            <div>
                <dt>"Payment terms"</dt>
                <dd>{non_empty(d.payment_terms)}</dd>
            </div>
        </dl>
        <section aria-labelledby="lines-h">
            <h2 id="lines-h">"Lines"</h2>
            {card_table(
                "",
                vec![
                    num_col("#"),
                    col("Part"),
                    col("Revision"),
                    col("Quantity breaks"),
                    num_col("Annual volume"),
                    col("Need by"),
                ],
                lines,
            )}
        </section>
        {internal
            .then(|| {
                let count = invited.len();
                let items = invited
                    .into_iter()
                    .map(|i| {
                        view! {
                            <li>
                                <a href=format!("/suppliers/{}", i.supplier_id)>{i.supplier_name}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="invited-h">
                        <h2 id="invited-h">"Invited suppliers " <span class="count">{count}</span></h2>
                        {if count == 0 {
                            view! { <p class="empty">"No supplier invited yet."</p> }.into_any()
                        } else {
                            view! { <ul class="chips">{items}</ul> }.into_any()
                        }}
                    </section>
                }
            })}
    }
}

fn line_row(l: RfqLine) -> impl IntoView {
    let breaks = l
        .quantities
        .iter()
        .map(|q| local_number(&q.normalize().to_string()))
        .collect::<Vec<_>>()
        .join(" / ");
    let volume = l
        .annual_volume
        .map(|v| local_number(&v.normalize().to_string()))
        .unwrap_or_else(|| "—".into());
    let need = l
        .need_by
        .as_deref()
        .map(local_date)
        .unwrap_or_else(|| "—".into());
    let notes = (!l.notes.is_empty())
        .then(|| view! { <span class="muted small block">{l.notes.clone()}</span> });
    view! {
        <tr>
            <td data-label="#" class="num">
                {l.line_no}
            </td>
            <td data-label="Part" class="wrap">
                <div>
                    <a class="mono strong" href=format!("/parts/{}", l.part_id)>
                        {l.part_number}
                    </a>
                    " "
                    <span>{l.part_name}</span>
                    {notes}
                </div>
            </td>
            <td data-label="Revision" class="mono">
                {l.revision} " " {revision_badge(&l.revision_status)}
            </td>
            <td data-label="Quantity breaks" class="mono">
                <div>
                    {breaks}
                    " "
                    <span class="muted small">{domain::terms::unit_label(&l.uom)}</span>
                </div>
            </td>
            <td data-label="Annual volume" class="num">
                {volume}
            </td>
            <td data-label="Need by">{need}</td>
        </tr>
    }
}

fn non_empty(s: String) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s
    }
}
