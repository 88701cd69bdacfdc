//! `/rfqs/{id}` for the buying team: the RFQ's facts (shared view in
//! [`crate::pages::rfqs`]), actions by status (open, extend, invite, edit lines), who
//! responded (prices only once they may be seen), clarifications to answer, and the
//! way to the leveled comparison.

use api::{Clarification, ExtendDeadline, RfqDetail, RfqResponses};
use domain::rfq::Action as RfqAction;
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
                                can_attach=crate::session::rfq_actions(&detail)
                                    .contains(&RfqAction::AttachFiles)
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
            // The full quote (every field, file and version); its page asks the server,
            // which shows prices only where the sealing rule allows.
            let quote_link = x.current.is_some().then(|| {
                view! {
                    <a href=format!("/rfqs/{id}/quotes/{}", x.supplier_id)>
                        {format!("Open quote from {}", x.supplier_name)}
                    </a>
                }
            });
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
                    <td data-label="Quote">{quote_link}</td>
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
                        <th scope="col">"Quote"</th>
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
    Cancel,
}

/// What the action forms share: which form is open, the server's answer to the last
/// change, and what happens once a change is saved.
#[derive(Clone, Copy)]
struct Forms {
    id: StoredValue<String>,
    panel: RwSignal<Panel>,
    error: RwSignal<Option<AppError>>,
    fields: RwSignal<FieldMap>,
    reload: Callback<()>,
}

impl Forms {
    /// Closes the form and reloads the RFQ on success; keeps the errors otherwise.
    fn done(self, r: Result<RfqDetail, AppError>) {
        match r {
            Ok(_) => {
                self.panel.set(Panel::None);
                self.error.set(None);
                self.fields.set(FieldMap::new());
                self.reload.run(());
            }
            Err(e) => {
                self.fields.set(e.fields().clone());
                self.error.set(Some(e));
            }
        }
    }

    fn toggle(self, p: Panel) {
        self.error.set(None);
        self.fields.set(FieldMap::new());
        self.panel
            .update(|c| *c = if *c == p { Panel::None } else { p });
    }

    /// A button that opens (or closes) form `p`.
    fn button(self, p: Panel, label: &'static str) -> impl IntoView {
        view! {
            <button
                class="btn"
                type="button"
                aria-expanded=move || (self.panel.get() == p).to_string()
                on:click=move |_| self.toggle(p)
            >
                {label}
            </button>
        }
    }
}

/// The actions the RFQ allows now: exactly those `domain::rfq::actions` lists (the rule
/// each handler checks), so the page never offers what the server refuses.
#[component]
fn RfqActions(detail: RfqDetail, reload: Callback<()>) -> impl IntoView {
    let allowed = crate::session::rfq_actions(&detail);
    let can = |a: RfqAction| allowed.contains(&a);
    let f = Forms {
        id: StoredValue::new(detail.summary.id.clone()),
        panel: RwSignal::new(Panel::None),
        error: RwSignal::new(None::<AppError>),
        fields: RwSignal::new(FieldMap::new()),
        reload,
    };
    let open = Action::new_local(move |_: &()| {
        let id = f.id.get_value();
        async move { f.done(client::open_rfq(&id).await) }
    });
    // Who can still be invited (not invited yet, not blocked): without anyone, no button.
    let invited: Vec<String> = detail
        .invited
        .iter()
        .map(|i| i.supplier_id.clone())
        .collect();
    let candidates = LocalResource::new({
        let invite = can(RfqAction::Invite);
        let invited = invited.clone();
        move || {
            let invited = invited.clone();
            async move {
                if !invite {
                    return Vec::new();
                }
                let all = client::suppliers("").await.unwrap_or_default();
                let ok: Vec<String> = domain::supplier::invite_candidates(
                    all.iter().map(|s| (s.id.as_str(), s.status.as_str())),
                    &invited,
                )
                .into_iter()
                .map(|(id, _)| id.to_string())
                .collect();
                all.into_iter()
                    .filter(|s| ok.contains(&s.id))
                    .collect::<Vec<_>>()
            }
        }
    });
    let invitable = move || {
        candidates.with(|c| {
            c.as_ref().is_some_and(|c| {
                c.iter()
                    .any(|s| domain::supplier::may_invite(&s.status).is_ok())
            })
        })
    };
    let is_open = detail.summary.status == "open";
    let draft = detail.summary.status == "draft";
    view! {
        <section class="rfq-actions" aria-label="RFQ actions">
            <div class="actions">
                {can(RfqAction::Open)
                    .then(|| {
                        view! {
                            <button
                                class="btn btn-primary"
                                type="button"
                                disabled=move || open.pending().get()
                                on:click=move |_| {
                                    open.dispatch(());
                                }
                            >
                                "Open RFQ"
                            </button>
                        }
                    })}
                {can(RfqAction::Close).then(|| f.button(Panel::Close, "Close bidding"))}
                {can(RfqAction::Extend).then(|| f.button(Panel::Extend, "Extend deadline"))}
                {move || invitable().then(|| f.button(Panel::Invite, "Invite supplier"))}
                {can(RfqAction::EditLines).then(|| f.button(Panel::Lines, "Edit lines"))}
                {can(RfqAction::Cancel).then(|| f.button(Panel::Cancel, "Cancel RFQ"))}
            </div>
            {
                let detail = StoredValue::new(detail);
                move || match f.panel.get() {
                    Panel::None => ().into_any(),
                    Panel::Close => view! { <CloseForm f detail=detail.get_value() /> }.into_any(),
                    Panel::Extend => view! { <ExtendForm f /> }.into_any(),
                    Panel::Invite => {
                        let list = candidates.get().unwrap_or_default();
                        view! { <InviteForm f candidates=list /> }.into_any()
                    }
                    Panel::Lines => view! { <LinesForm f detail=detail.get_value() is_open /> }.into_any(),
                    Panel::Cancel => view! { <CancelForm f draft /> }.into_any(),
                }
            }
            {form_alert(f.error)}
        </section>
    }
}

/// "Close bidding": everyone responded, or a reason for closing early.
#[component]
fn CloseForm(f: Forms, detail: RfqDetail) -> impl IntoView {
    let invited: Vec<String> = detail
        .invited
        .iter()
        .map(|i| i.supplier_id.clone())
        .collect();
    let responded = detail.responded.clone().unwrap_or_default();
    let everyone = domain::rfq::all_responded(&invited, &responded);
    let (invited_n, responded_n) = (
        invited.len(),
        invited.iter().filter(|s| responded.contains(s)).count(),
    );
    let reason = RwSignal::new(String::new());
    let close = Action::new_local(move |reason: &String| {
        let (id, reason) = (f.id.get_value(), reason.clone());
        async move { f.done(client::close_rfq(&id, &reason).await) }
    });
    view! {
        <form
            class="panel form-grid"
            aria-label="Close bidding"
            on:submit=move |ev| {
                ev.prevent_default();
                close.dispatch(reason.get_untracked());
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
                            <input id="close-reason" bind:value=reason />
                        </div>
                    }
                })}
            <div class="actions span-all">
                <button class="btn btn-primary" type="submit" disabled=move || close.pending().get()>
                    "Close bidding now"
                </button>
            </div>
        </form>
    }
}

/// "Extend deadline": a later deadline and the reason every invited supplier is told.
#[component]
fn ExtendForm(f: Forms) -> impl IntoView {
    let new_deadline = RwSignal::new(local_input_in_days(7));
    let reason = RwSignal::new(String::new());
    let extend = Action::new_local(move |body: &ExtendDeadline| {
        let (id, body) = (f.id.get_value(), body.clone());
        async move { f.done(client::extend_rfq(&id, &body).await) }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match local_input_to_rfc3339(&new_deadline.get_untracked()) {
            Some(deadline) => {
                extend.dispatch(ExtendDeadline {
                    deadline,
                    reason: reason.get_untracked().trim().to_string(),
                });
            }
            None => f.fields.set(FieldMap::from([(
                "deadline".to_string(),
                "Choose a date and time.".to_string(),
            )])),
        }
    };
    let deadline_err = move || {
        f.fields
            .with(|x| x.get("deadline").cloned())
            .map(|m| view! { <p class="field-error">{m}</p> })
    };
    view! {
        <form class="panel form-grid" aria-label="Extend deadline" on:submit=on_submit>
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
                <button class="btn btn-primary" type="submit" disabled=move || extend.pending().get()>
                    "Save new deadline"
                </button>
            </div>
        </form>
    }
}

/// "Invite supplier": the suppliers not invited yet; blocked ones shown, not choosable.
#[component]
fn InviteForm(f: Forms, candidates: Vec<api::Supplier>) -> impl IntoView {
    let chosen = RwSignal::new(
        candidates
            .iter()
            .find(|s| domain::supplier::may_invite(&s.status).is_ok())
            .map(|s| s.id.clone())
            .unwrap_or_default(),
    );
    let invite = Action::new_local(move |sid: &String| {
        let (id, sid) = (f.id.get_value(), sid.clone());
        async move { f.done(client::invite_supplier(&id, &sid).await) }
    });
    let options = candidates
        .into_iter()
        .map(|s| {
            let refused = domain::supplier::may_invite(&s.status).err();
            let label = match refused {
                Some(why) => format!("{} ({why})", s.name),
                None => s.name.clone(),
            };
            view! {
                <option value=s.id disabled=refused.is_some()>
                    {label}
                </option>
            }
        })
        .collect_view();
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
                    {options}
                </select>
            </div>
            <div class="actions span-all">
                <button
                    class="btn btn-primary"
                    type="submit"
                    disabled=move || invite.pending().get() || chosen.with(String::is_empty)
                >
                    "Send invitation"
                </button>
            </div>
        </form>
    }
}

/// "Edit lines": the lines editor of a new RFQ; on an open RFQ every bidder reconfirms.
#[component]
fn LinesForm(f: Forms, detail: RfqDetail, is_open: bool) -> impl IntoView {
    let drafts = RwSignal::new(
        detail
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineDraft::from_line(i as u32, l))
            .collect::<Vec<_>>(),
    );
    let parts = LocalResource::new(|| client::parts(""));
    let save = Action::new_local(move |lines: &Vec<api::NewRfqLine>| {
        let (id, lines) = (f.id.get_value(), lines.clone());
        async move { f.done(client::set_rfq_lines(&id, &lines).await) }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match drafts.with_untracked(|d| read_lines(d)) {
            Ok(lines) => {
                save.dispatch(lines);
            }
            Err(e) => f.fields.set(e),
        }
    };
    let fields = f.fields;
    view! {
        <form class="panel" aria-label="Edit lines" on:submit=on_submit novalidate>
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
                <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                    "Save lines"
                </button>
            </div>
        </form>
    }
}

/// "Cancel RFQ": ends it for good, with the reason invited suppliers are told.
#[component]
fn CancelForm(f: Forms, draft: bool) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let cancel = Action::new_local(move |reason: &String| {
        let (id, reason) = (f.id.get_value(), reason.clone());
        async move { f.done(client::cancel_rfq(&id, &reason).await) }
    });
    view! {
        <form
            class="panel form-grid"
            aria-label="Cancel RFQ"
            on:submit=move |ev| {
                ev.prevent_default();
                cancel.dispatch(reason.get_untracked());
            }
        >
            <p class="span-all" role="note">
                {if draft {
                    "This draft was never sent, so no supplier is told. Cancelling cannot be undone."
                } else {
                    "Every invited supplier is told the RFQ is cancelled, with your reason. Sealed bids of an RFQ cancelled before its deadline are never opened. Cancelling cannot be undone."
                }}
            </p>
            <div class="field span-all">
                <label for="cancel-reason">"Reason for cancelling"</label>
                <input id="cancel-reason" bind:value=reason required />
            </div>
            <div class="actions span-all">
                <button class="btn btn-danger" type="submit" disabled=move || cancel.pending().get()>
                    "Cancel RFQ now"
                </button>
            </div>
        </form>
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
