//! `/rfqs/{id}` for the buying team: the RFQ's facts (shared view in
//! [`crate::pages::rfqs`]), actions by status (open, extend, invite, edit lines), who
//! responded (prices only once they may be seen), clarifications to answer, and the
//! way to the leveled comparison.

use api::{Clarification, ExtendDeadline, RfqDetail, RfqResponses};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self as client, AppError};
use crate::pages::rfq_new::{
    browser_time_zone, local_input_in_days, local_input_to_rfc3339, read_lines, LineDraft,
    LinesEditor,
};
use crate::pages::rfqs::rfq_view;
use crate::ui::{error_panel, form_alert, loading, local_datetime, FieldMap};

/// The page; the route's `id` picks the RFQ.
#[component]
pub fn BuyerRfqPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let rfq = LocalResource::new(move || {
        let id = id.get();
        async move { client::rfq(&id).await }
    });
    let responses = LocalResource::new(move || {
        let id = id.get();
        async move { client::rfq_responses(&id).await }
    });
    let reload = Callback::new(move |_: ()| {
        rfq.refetch();
        responses.refetch();
    });
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/rfqs">"RFQ list"</a>
        </nav>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let detail = rfq.await?;
                    Ok::<_, AppError>(
                        view! {
                            {rfq_view(detail.clone(), true)}
                            <RfqActions detail=detail.clone() reload />
                            {detail.award.clone().map(award_summary_view)}
                            <crate::pages::quote_files::LineFiles
                                rfq_id=detail.summary.id.clone()
                                lines=detail.lines.clone()
                                can_attach=matches!(detail.summary.status.as_str(), "draft" | "open")
                            />
                            <crate::offline::MakeAvailableOffline rfq_id=detail.summary.id.clone() label=detail.summary.number.clone() />
                            <crate::pages::quote_form::EnterForSupplier detail=detail.clone() />
                        },
                    )
                })}
            </ErrorBoundary>
        </Transition>
        <section aria-labelledby="responses-h">
            <h2 id="responses-h">"Responses"</h2>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let r = responses.await?;
                        Ok::<_, AppError>(responses_view(id.get_untracked(), r))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
        <Transition>
            {move || Suspend::new(async move {
                responses
                    .await
                    .ok()
                    .map(|r| {
                        view! {
                            <crate::pages::quote_files::QuoteDocuments
                                rfq_id=id.get_untracked()
                                responses=r
                            />
                        }
                    })
            })}
        </Transition>
        <Clarifications id=id.get_untracked() />
    }
}

fn responses_view(id: String, r: RfqResponses) -> impl IntoView {
    let visible = r.prices_visible;
    let message = r.sealed_message.clone();
    let any = r.responses.iter().any(|x| x.status == "submitted");
    let rows = r
        .responses
        .into_iter()
        .map(|x| {
            let (version, received, reconfirm) = match &x.current {
                Some(v) => (
                    format!("v{}", v.receipt.version),
                    local_datetime(&v.receipt.received_at),
                    v.needs_reconfirmation,
                ),
                None => ("—".into(), "—".into(), false),
            };
            let by_buyer = x.current.as_ref().is_some_and(|v| v.entered_by_buyer);
            let word = match x.status.as_str() {
                "submitted" => "responded",
                "withdrawn" => "withdrawn",
                _ => "no response yet",
            };
            view! {
                <tr>
                    <td data-label="Supplier">{x.supplier_name}</td>
                    <td data-label="Status">
                        <span class=format!("badge badge-status badge-{}", x.status)>{word}</span>
                        {reconfirm
                            .then(|| {
                                view! { <span class="badge badge-warn">"needs reconfirmation"</span> }
                            })}
                        {by_buyer.then(|| view! { <span class="badge badge-info">"entered by buyer"</span> })}
                    </td>
                    <td data-label="Version" class="mono">
                        {version}
                    </td>
                    <td data-label="Received">{received}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {message
            .map(|m| {
                view! {
                    <p class="alert alert-info" role="status">
                        {m}
                    </p>
                }
            })}
        <div class="table-wrap">
            <table class="table table-cards" aria-label="Responses">
                <thead>
                    <tr>
                        <th scope="col">"Supplier"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Received"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(visible && any)
            .then(|| {
                view! {
                    <p>
                        <a class="btn btn-primary" href=format!("/rfqs/{id}/compare")>
                            "Compare bids"
                        </a>
                    </p>
                }
            })}
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    None,
    Extend,
    Invite,
    Lines,
    Close,
}

/// The actions the RFQ's status allows.
#[component]
fn RfqActions(detail: RfqDetail, reload: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(detail.summary.id.clone());
    let status = detail.summary.status.clone();
    let is_open = status == "open";
    let editable = matches!(status.as_str(), "draft" | "open" | "closed");
    // The server refuses to extend once the bids were opened after bidding closed
    // (suppliers could re-price knowing them), so the button is not offered then.
    let extendable =
        matches!(status.as_str(), "open" | "closed") && detail.bids_opened_at.is_none();
    let panel = RwSignal::new(Panel::None);
    let error = RwSignal::new(None::<AppError>);
    let fields = RwSignal::new(FieldMap::new());
    let done = move |r: Result<RfqDetail, AppError>| match r {
        Ok(_) => {
            panel.set(Panel::None);
            error.set(None);
            fields.set(FieldMap::new());
            reload.run(());
        }
        Err(e) => {
            fields.set(e.fields().clone());
            error.set(Some(e));
        }
    };
    let open = Action::new_local(move |_: &()| {
        let id = id.get_value();
        async move { done(client::open_rfq(&id).await) }
    });
    let toggle = move |p: Panel| {
        error.set(None);
        fields.set(FieldMap::new());
        panel.update(|c| *c = if *c == p { Panel::None } else { p });
    };

    // Extend deadline.
    let new_deadline = RwSignal::new(local_input_in_days(7));
    let reason = RwSignal::new(String::new());
    let extend = Action::new_local(move |body: &ExtendDeadline| {
        let (id, body) = (id.get_value(), body.clone());
        async move { done(client::extend_rfq(&id, &body).await) }
    });
    let on_extend = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match local_input_to_rfc3339(&new_deadline.get_untracked()) {
            Some(deadline) => {
                extend.dispatch(ExtendDeadline {
                    deadline,
                    reason: reason.get_untracked().trim().to_string(),
                });
            }
            None => {
                fields.set(FieldMap::from([(
                    "deadline".to_string(),
                    "Choose a date and time.".to_string(),
                )]));
            }
        }
    };

    // Invite supplier.
    let invited: Vec<String> = detail
        .invited
        .iter()
        .map(|i| i.supplier_id.clone())
        .collect();
    let suppliers = LocalResource::new(|| client::suppliers(""));
    let chosen = RwSignal::new(String::new());
    let invite = Action::new_local(move |sid: &String| {
        let (id, sid) = (id.get_value(), sid.clone());
        async move { done(client::invite_supplier(&id, &sid).await) }
    });

    // Edit lines.
    let drafts = RwSignal::new(
        detail
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineDraft::from_line(i as u32, l))
            .collect::<Vec<_>>(),
    );
    let parts = LocalResource::new(|| client::parts(""));
    let save_lines = Action::new_local(move |lines: &Vec<api::NewRfqLine>| {
        let (id, lines) = (id.get_value(), lines.clone());
        async move { done(client::set_rfq_lines(&id, &lines).await) }
    });
    let on_lines = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match drafts.with_untracked(|d| read_lines(d)) {
            Ok(lines) => {
                save_lines.dispatch(lines);
            }
            Err(e) => fields.set(e),
        }
    };
    // Close bidding early.
    let invited_n = detail.invited.len();
    let responded_n = detail.responded.as_ref().map_or(0, Vec::len);
    let everyone = responded_n >= invited_n;
    let close_reason = RwSignal::new(String::new());
    let close = Action::new_local(move |reason: &String| {
        let (id, reason) = (id.get_value(), reason.clone());
        async move { done(client::close_rfq(&id, &reason).await) }
    });
    let pending = move || {
        open.pending().get()
            || close.pending().get()
            || extend.pending().get()
            || invite.pending().get()
            || save_lines.pending().get()
    };
    let deadline_err = move || {
        fields
            .with(|f| f.get("deadline").cloned())
            .map(|m| view! { <p class="field-error">{m}</p> })
    };

    view! {
        <section class="rfq-actions" aria-label="RFQ actions">
            <div class="actions">
                {(status == "draft")
                    .then(|| {
                        view! {
                            <button
                                class="btn btn-primary"
                                type="button"
                                disabled=pending
                                on:click=move |_| {
                                    open.dispatch(());
                                }
                            >
                                "Open RFQ"
                            </button>
                        }
                    })}
                {is_open
                    .then(|| {
                        view! {
                            <button
                                class="btn"
                                type="button"
                                aria-expanded=move || (panel.get() == Panel::Close).to_string()
                                on:click=move |_| toggle(Panel::Close)
                            >
                                "Close bidding"
                            </button>
                        }
                    })}
                {extendable
                    .then(|| {
                        view! {
                            <button
                                class="btn"
                                type="button"
                                aria-expanded=move || (panel.get() == Panel::Extend).to_string()
                                on:click=move |_| toggle(Panel::Extend)
                            >
                                "Extend deadline"
                            </button>
                        }
                    })}
                {editable
                    .then(|| {
                        view! {
                            <button
                                class="btn"
                                type="button"
                                aria-expanded=move || (panel.get() == Panel::Invite).to_string()
                                on:click=move |_| toggle(Panel::Invite)
                            >
                                "Invite supplier"
                            </button>
                            <button
                                class="btn"
                                type="button"
                                aria-expanded=move || (panel.get() == Panel::Lines).to_string()
                                on:click=move |_| toggle(Panel::Lines)
                            >
                                "Edit lines"
                            </button>
                        }
                    })}
            </div>
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Close => {
                    view! {
                        <form
                            class="panel form-grid"
                            aria-label="Close bidding"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                close.dispatch(close_reason.get_untracked());
                            }
                        >
                            <p class="span-all" role="note">
                                {if everyone {
                                    format!(
                                        "All {invited_n} invited suppliers have responded. Closing ends bidding now: quotes can no longer change, and sealed prices open.",
                                    )
                                } else {
                                    format!(
                                        "{responded_n} of {invited_n} invited suppliers have responded. To close bidding before the deadline, give a reason (kept in the audit trail, not sent to suppliers).",
                                    )
                                }}
                            </p>
                            {(!everyone)
                                .then(|| {
                                    view! {
                                        <div class="field span-all">
                                            <label for="close-reason">"Reason for closing early"</label>
                                            <input id="close-reason" bind:value=close_reason />
                                        </div>
                                    }
                                })}
                            <div class="actions span-all">
                                <button class="btn btn-primary" type="submit" disabled=pending>
                                    "Close bidding now"
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
                Panel::Extend => {
                    view! {
                        <form class="panel form-grid" aria-label="Extend deadline" on:submit=on_extend>
                            <div class="field">
                                <label for="extend-deadline">"New deadline"</label>
                                <input id="extend-deadline" type="datetime-local" bind:value=new_deadline />
                                <p class="hint">{format!("Your time zone: {}", browser_time_zone())}</p>
                                {deadline_err}
                            </div>
                            <div class="field">
                                <label for="extend-reason">"Reason"</label>
                                <input id="extend-reason" bind:value=reason />
                                <p class="hint">"Every invited supplier is told."</p>
                            </div>
                            <div class="actions span-all">
                                <button class="btn btn-primary" type="submit" disabled=pending>
                                    "Save new deadline"
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
                Panel::Invite => {
                    let invited = invited.clone();
                    view! {
                        <form
                            class="panel form-grid"
                            aria-label="Invite supplier"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                let sid = chosen.get_untracked();
                                if !sid.is_empty() {
                                    invite.dispatch(sid);
                                }
                            }
                        >
                            <div class="field">
                                <label for="invite-supplier">"Supplier to invite"</label>
                                <select id="invite-supplier" bind:value=chosen>
                                    <option value="">"Choose…"</option>
                                    {move || {
                                        let invited = invited.clone();
                                        suppliers
                                            .get()
                                            .and_then(Result::ok)
                                            .unwrap_or_default()
                                            .into_iter()
                                            .filter(|s| !invited.contains(&s.id))
                                            .map(|s| {
                                                let blocked = s.status == "blocked";
                                                let label = if blocked {
                                                    format!("{} (blocked — cannot be invited)", s.name)
                                                } else {
                                                    s.name.clone()
                                                };
                                                view! {
                                                    <option value=s.id disabled=blocked>
                                                        {label}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </select>
                            </div>
                            <div class="actions span-all">
                                <button class="btn btn-primary" type="submit" disabled=pending>
                                    "Send invitation"
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
                Panel::Lines => {
                    view! {
                        <form class="panel" aria-label="Edit lines" on:submit=on_lines novalidate>
                            {is_open
                                .then(|| {
                                    view! {
                                        <p class="alert alert-warn" role="note">
                                            "This RFQ is open: saving changed lines asks every supplier that has bid to reconfirm or revise their quote, and every invited supplier is told."
                                        </p>
                                    }
                                })}
                            <Transition fallback=loading>
                                {move || Suspend::new(async move {
                                    let parts = parts.await.unwrap_or_default();
                                    view! { <LinesEditor lines=drafts parts fields /> }
                                })}
                            </Transition>
                            <div class="actions">
                                <button class="btn btn-primary" type="submit" disabled=pending>
                                    "Save lines"
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
            }}
            {form_alert(error)}
        </section>
    }
}

/// The award, once made: who won each line, at which break and price.
fn award_summary_view(a: api::AwardSummary) -> impl IntoView {
    let rows = a
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <td data-label="Line">{format!("{} · {} rev {}", l.line_no, l.part_number, l.revision)}</td>
                    <td data-label="Supplier">{l.supplier_name}</td>
                    <td data-label="Quantity" class="num mono">{l.qty.normalize().to_string()}</td>
                    <td data-label="Unit price" class="num mono">
                        {format!("{} {}", l.currency, l.unit_price.normalize())}
                    </td>
                    <td data-label="Landed" class="num mono">
                        {l.landed.map(|d| d.round_dp(4).normalize().to_string()).unwrap_or_else(|| "—".into())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel award-summary" aria-labelledby="award-h">
            <h2 id="award-h">"Award"</h2>
            <p class="muted small">
                {format!("Awarded {} by {}", local_datetime(&a.awarded_at), a.awarded_by)}
            </p>
            {(!a.note.is_empty()).then(|| view! { <p>{a.note.clone()}</p> })}
            <div class="table-wrap">
                <table class="table table-cards" aria-label="Award summary">
                    <thead>
                        <tr>
                            <th scope="col">"Line"</th>
                            <th scope="col">"Supplier"</th>
                            <th scope="col">"Quantity"</th>
                            <th scope="col">"Unit price"</th>
                            <th scope="col">"Landed"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Questions from suppliers; each open one gets an answer box. Answers go to every
/// invited supplier, without the asker's name.
#[component]
fn Clarifications(id: String) -> impl IntoView {
    let rfq_id = StoredValue::new(id);
    let list = LocalResource::new(move || {
        let id = rfq_id.get_value();
        async move { client::clarifications(&id).await }
    });
    view! {
        <section aria-labelledby="clar-h">
            <h2 id="clar-h">"Clarifications"</h2>
            <p class="hint">
                "An answer goes to every invited supplier, without naming who asked."
            </p>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let items = list.await?;
                        if items.is_empty() {
                            return Ok::<_, AppError>(
                                view! { <p class="empty">"No questions yet."</p> }.into_any(),
                            );
                        }
                        let refetch = Callback::new(move |_: ()| list.refetch());
                        Ok(
                            view! {
                                <ul class="clarifications">
                                    {items
                                        .into_iter()
                                        .map(|c| view! { <ClarificationItem rfq_id=rfq_id.get_value() c refetch /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any(),
                        )
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn ClarificationItem(rfq_id: String, c: Clarification, refetch: Callback<()>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let (rid, cid) = (StoredValue::new(rfq_id), StoredValue::new(c.id.clone()));
    let answer = Action::new_local(move |t: &String| {
        let (rid, cid, t) = (rid.get_value(), cid.get_value(), t.clone());
        async move {
            match client::answer_clarification(&rid, &cid, &t).await {
                Ok(_) => refetch.run(()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let asker = c.asked_by_supplier.clone().unwrap_or_else(|| "—".into());
    let box_id = format!("answer-{}", c.id);
    view! {
        <li class="panel">
            <p class="strong">{c.question.clone()}</p>
            <p class="muted small">
                {format!("Asked by {asker} · {}", local_datetime(&c.asked_at))}
            </p>
            {match c.answer.clone() {
                Some(a) => {
                    view! {
                        <p>
                            <span class="badge">"Answered"</span>
                            " "
                            {a}
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <form on:submit=move |ev| {
                            ev.prevent_default();
                            let t = text.get_untracked();
                            if !t.trim().is_empty() {
                                answer.dispatch(t);
                            }
                        }>
                            <label for=box_id.clone()>"Answer (sent to every invited supplier)"</label>
                            <textarea id=box_id bind:value=text rows="2"></textarea>
                            <button class="btn btn-small" type="submit" disabled=move || answer.pending().get()>
                                "Send answer"
                            </button>
                            {form_alert(error)}
                        </form>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}
