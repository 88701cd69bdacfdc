//! `/rfqs/new`: a buyer builds a draft RFQ (header, lines with quantity breaks, invited
//! suppliers). The line editor is shared with "Edit lines" on the RFQ page
//! ([`crate::pages::rfq_buyer`]).

use std::str::FromStr;

use api::{NewRfq, NewRfqLine, Part, RfqLine, Supplier};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

use domain::revision;

use crate::api::{self as client, AppError};
use crate::session::use_internal;
use crate::ui::{error_panel, form_alert, loading, set_title, staff_only, FieldMap};

/// One line being edited. Every field is its own signal so the `<For>` rows keep their
/// inputs (and focus) while other lines change.
#[derive(Clone, Copy)]
pub struct LineDraft {
    /// Stable key for `<For>`.
    key: u32,
    /// The existing line's id when editing (kept so quotes still match it).
    id: StoredValue<Option<String>>,
    search: RwSignal<String>,
    part_id: RwSignal<String>,
    revision: RwSignal<String>,
    /// The buyer confirmed asking for a draft or obsolete revision (`domain::revision`).
    confirm_revision: RwSignal<bool>,
    quantities: RwSignal<String>,
    annual_volume: RwSignal<String>,
    need_by: RwSignal<String>,
    notes: RwSignal<String>,
    /// Buyer-internal overrides, per unit in the RFQ's currency (empty: the revision's).
    last_price: RwSignal<String>,
    should_cost: RwSignal<String>,
}

impl LineDraft {
    fn empty(key: u32) -> Self {
        LineDraft {
            key,
            id: StoredValue::new(None),
            search: RwSignal::new(String::new()),
            part_id: RwSignal::new(String::new()),
            revision: RwSignal::new(String::new()),
            confirm_revision: RwSignal::new(false),
            quantities: RwSignal::new(String::new()),
            annual_volume: RwSignal::new(String::new()),
            need_by: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
            last_price: RwSignal::new(String::new()),
            should_cost: RwSignal::new(String::new()),
        }
    }

    /// A draft of an existing line (for "Edit lines").
    pub fn from_line(key: u32, l: &RfqLine) -> Self {
        let d = LineDraft::empty(key);
        d.id.set_value(Some(l.id.clone()));
        d.part_id.set(l.part_id.clone());
        d.revision.set(l.revision.clone());
        // Kept as it is, the line's revision was confirmed when it was chosen.
        d.confirm_revision.set(l.revision_status != "released");
        d.quantities.set(
            l.quantities
                .iter()
                .map(|q| q.normalize().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        );
        d.annual_volume.set(
            l.annual_volume
                .map(|v| v.normalize().to_string())
                .unwrap_or_default(),
        );
        d.need_by.set(l.need_by.clone().unwrap_or_default());
        d.notes.set(l.notes.clone());
        // Only the line's own values are overrides; the revision's stay the default.
        let own = |r: &Option<api::ReferencePrice>| {
            r.as_ref()
                .filter(|r| r.from == "line")
                .and_then(|r| r.amount)
                .map(|a| a.normalize().to_string())
                .unwrap_or_default()
        };
        d.last_price.set(own(&l.last_price));
        d.should_cost.set(own(&l.should_cost));
        d
    }
}

/// Reads the drafts into API lines; browser-side errors use the server's field paths
/// (`lines[0].quantities`) so both kinds show in the same place.
pub fn read_lines(drafts: &[LineDraft]) -> Result<Vec<NewRfqLine>, FieldMap> {
    let mut errors = FieldMap::new();
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let part_id = d.part_id.get_untracked();
        if part_id.is_empty() {
            errors.insert(format!("lines[{i}].part_id"), "Choose a part.".into());
        }
        let mut quantities = Vec::new();
        for q in d
            .quantities
            .get_untracked()
            .split([',', ';', ' ', '/'])
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            match Decimal::from_str(&q.replace('_', "")) {
                Ok(v) => quantities.push(v),
                Err(_) => {
                    errors.insert(
                        format!("lines[{i}].quantities"),
                        format!("\"{q}\" is not a number; write breaks like 500, 2000, 5000."),
                    );
                }
            }
        }
        if let std::collections::btree_map::Entry::Vacant(slot) =
            errors.entry(format!("lines[{i}].quantities"))
        {
            if let Err(m) = domain::rfq::check_quantities(&quantities) {
                slot.insert(m.to_string());
            }
        }
        let volume = d.annual_volume.get_untracked();
        let annual_volume = if volume.trim().is_empty() {
            None
        } else {
            match Decimal::from_str(volume.trim()) {
                Ok(v) => Some(v),
                Err(_) => {
                    errors.insert(
                        format!("lines[{i}].annual_volume"),
                        "Write the annual volume as a number.".into(),
                    );
                    None
                }
            }
        };
        let mut price = |name: &str, v: String| -> Option<Decimal> {
            let v = v.trim().replace(',', ".");
            if v.is_empty() {
                return None;
            }
            match Decimal::from_str(&v) {
                Ok(x) if x > Decimal::ZERO => Some(x),
                _ => {
                    errors.insert(
                        format!("lines[{i}].{name}"),
                        "Write a positive price per unit, or leave it empty.".into(),
                    );
                    None
                }
            }
        };
        let last_price = price("last_price", d.last_price.get_untracked());
        let should_cost = price("should_cost", d.should_cost.get_untracked());
        let need_by = d.need_by.get_untracked();
        let revision = d.revision.get_untracked();
        out.push(NewRfqLine {
            id: d.id.get_value(),
            part_id,
            revision: (!revision.is_empty()).then_some(revision),
            confirm_revision: d.confirm_revision.get_untracked(),
            quantities,
            annual_volume,
            need_by: (!need_by.is_empty()).then_some(need_by),
            notes: d.notes.get_untracked().trim().to_string(),
            last_price,
            should_cost,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn error_for(fields: RwSignal<FieldMap>, key: String) -> impl IntoView {
    let id = format!("{}-error", key.replace(['[', ']', '.'], "-"));
    move || {
        fields.with(|f| f.get(&key).cloned()).map(|m| {
            view! {
                <p class="field-error" id=id.clone()>
                    {m}
                </p>
            }
        })
    }
}

/// The editable list of lines: part picker with search, revision, quantity breaks,
/// annual volume, need-by date and notes; "Add line" / "Remove line {n}".
#[component]
pub fn LinesEditor(
    /// The lines being edited.
    lines: RwSignal<Vec<LineDraft>>,
    /// Parts to pick from (`GET /api/parts`).
    parts: Vec<Part>,
    /// Field errors keyed by the server's paths (`lines[0].quantities`).
    fields: RwSignal<FieldMap>,
) -> impl IntoView {
    let parts = StoredValue::new(parts);
    let next_key = StoredValue::new(lines.with_untracked(|l| l.len() as u32 + 1000));
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lines.update(|l| l.push(LineDraft::empty(key)));
    };
    view! {
        <div class="lines-editor">
            <For
                each=move || lines.get().into_iter().enumerate()
                key=|(i, d)| (*i, d.key)
                children=move |(i, d)| {
                    let n = i + 1;
                    let f = move |name: &str| format!("lines[{i}].{name}");
                    let uid = move |name: &str| format!("l{}-{name}", d.key);
                    let options = move || {
                        let q = d.search.get().to_lowercase();
                        let current = d.part_id.get();
                        parts
                            .with_value(|ps| {
                                ps.iter()
                                    .filter(|p| {
                                        p.id == current || q.is_empty()
                                            || p.number.to_lowercase().contains(&q)
                                            || p.name.to_lowercase().contains(&q)
                                    })
                                    .map(|p| {
                                        let selected = p.id == current;
                                        view! {
                                            <option value=p.id.clone() selected=selected>
                                                {format!("{} · {}", p.number, p.name)}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            })
                    };
                    let revisions = move || {
                        let pid = d.part_id.get();
                        let current = d.revision.get();
                        parts
                            .with_value(|ps| {
                                ps.iter()
                                    .find(|p| p.id == pid)
                                    .map(|p| {
                                        p.revisions
                                            .iter()
                                            .map(|r| {
                                                let selected = r.label == current;
                                                view! {
                                                    <option value=r.label.clone() selected=selected>
                                                        {format!("{} ({})", r.label, r.status)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    })
                            })
                    };
                    let on_part = move |ev: leptos::ev::Event| {
                        let pid = event_target_value(&ev);
                        // The released revision (never silently a draft or obsolete one).
                        let released = parts
                            .with_value(|ps| {
                                ps.iter()
                                    .find(|p| p.id == pid)
                                    .and_then(|p| {
                                        let choices = choices(p);
                                        revision::default_label(&choices).map(str::to_string)
                                    })
                            });
                        d.part_id.set(pid);
                        d.revision.set(released.unwrap_or_default());
                        d.confirm_revision.set(false);
                    };
                    let on_revision = move |ev: leptos::ev::Event| {
                        d.revision.set(event_target_value(&ev));
                        d.confirm_revision.set(false);
                    };
                    // A draft or obsolete revision: the warning and the confirmation.
                    let revision_warning = move || {
                        let status = revision_status(&parts, d)?;
                        let label = d.revision.get();
                        let text = revision::warning(&label, status)?;
                        Some(
                            view! {
                                <div class="revision-warning" role="alert">
                                    <p class="warning">{text}</p>
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || d.confirm_revision.get()
                                            on:change=move |ev| d.confirm_revision.set(event_target_checked(&ev))
                                        />
                                        {format!("Ask for revision {label} anyway, line {n}")}
                                    </label>
                                </div>
                            },
                        )
                    };
                    view! {
                        <fieldset class="line-draft panel">
                            <legend>{format!("Line {n}")}</legend>
                            <div class="form-grid">
                                <div class="field">
                                    <label for=uid("search")>{format!("Find part, line {n}")}</label>
                                    <input
                                        id=uid("search")
                                        type="search"
                                        placeholder="Number or name"
                                        bind:value=d.search
                                    />
                                </div>
                                <div class="field">
                                    <label for=uid("part")>{format!("Part, line {n}")}</label>
                                    <select id=uid("part") on:change=on_part>
                                        <option value="" selected=move || d.part_id.get().is_empty()>
                                            "Choose a part…"
                                        </option>
                                        {options}
                                    </select>
                                    {error_for(fields, f("part_id"))}
                                </div>
                                <div class="field">
                                    <label for=uid("rev")>{format!("Revision, line {n}")}</label>
                                    <select id=uid("rev") prop:value=move || d.revision.get() on:change=on_revision>
                                        <option value="" selected=move || d.revision.get().is_empty()>
                                            "Choose a revision…"
                                        </option>
                                        {revisions}
                                    </select>
                                    {revision_warning}
                                    {error_for(fields, f("revision"))}
                                </div>
                                <div class="field">
                                    <label for=uid("qty")>{format!("Quantity breaks, line {n}")}</label>
                                    <input
                                        id=uid("qty")
                                        class="mono"
                                        placeholder="500, 2000, 5000"
                                        bind:value=d.quantities
                                    />
                                    {error_for(fields, f("quantities"))}
                                </div>
                                <div class="field">
                                    <label for=uid("vol")>{format!("Annual volume, line {n}")}</label>
                                    <input
                                        id=uid("vol")
                                        class="mono"
                                        inputmode="decimal"
                                        bind:value=d.annual_volume
                                    />
                                    {error_for(fields, f("annual_volume"))}
                                </div>
                                <div class="field">
                                    <label for=uid("need")>{format!("Need by, line {n}")}</label>
                                    <input id=uid("need") type="date" bind:value=d.need_by />
                                    {error_for(fields, f("need_by"))}
                                </div>
                                <div class="field">
                                    <label for=uid("last")>{format!("Last price, line {n}")}</label>
                                    <input
                                        id=uid("last")
                                        class="mono"
                                        inputmode="decimal"
                                        placeholder=move || revision_hint(&parts, d, true)
                                        bind:value=d.last_price
                                    />
                                    <p class="hint">"Buyer-internal, per unit in the RFQ currency; empty: the revision's."</p>
                                    {error_for(fields, f("last_price"))}
                                </div>
                                <div class="field">
                                    <label for=uid("should")>{format!("Should-cost, line {n}")}</label>
                                    <input
                                        id=uid("should")
                                        class="mono"
                                        inputmode="decimal"
                                        placeholder=move || revision_hint(&parts, d, false)
                                        bind:value=d.should_cost
                                    />
                                    {error_for(fields, f("should_cost"))}
                                </div>
                                <div class="field span-all">
                                    <label for=uid("notes")>{format!("Notes, line {n}")}</label>
                                    <input id=uid("notes") bind:value=d.notes />
                                </div>
                            </div>
                            <button
                                class="btn btn-small"
                                type="button"
                                on:click=move |_| lines.update(|l| l.retain(|x| x.key != d.key))
                            >
                                {format!("Remove line {n}")}
                            </button>
                        </fieldset>
                    }
                }
            />
            {error_for(fields, "lines".to_string())}
            <button class="btn" type="button" on:click=add>
                "Add line"
            </button>
        </div>
    }
}

/// A part's revisions as `domain::revision` sees them (newest first, as the API lists
/// them); a status the app does not know counts as a draft (it needs confirming).
fn choices(p: &Part) -> Vec<revision::Choice<'_>> {
    p.revisions
        .iter()
        .map(|r| revision::Choice {
            label: &r.label,
            status: revision::Status::parse(&r.status).unwrap_or(revision::Status::Draft),
        })
        .collect()
}

/// The status of the revision a line draft names, if it names one of its part's.
fn revision_status(parts: &StoredValue<Vec<Part>>, d: LineDraft) -> Option<revision::Status> {
    let (pid, label) = (d.part_id.get(), d.revision.get());
    parts.with_value(|ps| {
        let p = ps.iter().find(|p| p.id == pid)?;
        choices(p)
            .iter()
            .find(|c| c.label == label)
            .map(|c| c.status)
    })
}

/// Placeholder for a line's last-price / should-cost input: the chosen revision's value
/// (the default when the input stays empty).
fn revision_hint(parts: &StoredValue<Vec<Part>>, d: LineDraft, last: bool) -> String {
    let (pid, label) = (d.part_id.get(), d.revision.get());
    parts
        .with_value(|ps| {
            let r = ps
                .iter()
                .find(|p| p.id == pid)?
                .revisions
                .iter()
                .find(|r| r.label == label)?;
            if last {
                r.last_price.as_ref().map(|m| {
                    format!(
                        "Revision: {} {} ({})",
                        m.amount.normalize(),
                        m.currency,
                        m.on
                    )
                })
            } else {
                r.should_cost
                    .as_ref()
                    .map(|m| format!("Revision: {} {}", m.amount.normalize(), m.currency))
            }
        })
        .unwrap_or_else(|| "none on the revision".into())
}

/// The browser's IANA time zone, e.g. `Europe/Berlin`.
pub fn browser_time_zone() -> String {
    let fmt = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&fmt.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".into())
}

/// A `datetime-local` value ("2026-12-07T17:00") read in the browser's time zone, as
/// RFC 3339 with the offset ("2026-12-07T17:00:00+01:00").
pub fn local_input_to_rfc3339(value: &str) -> Option<String> {
    let value = value.trim();
    if value.len() < 16 {
        return None;
    }
    let d = js_sys::Date::new(&JsValue::from_str(value));
    if d.get_time().is_nan() {
        return None;
    }
    // getTimezoneOffset is minutes *behind* UTC: −60 for UTC+1.
    let off = -(d.get_timezone_offset() as i64);
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.abs();
    // With seconds ("…T17:00:30") keep them; without, whole minutes.
    let local = if value.len() >= 19 {
        value[..19].to_string()
    } else {
        format!("{}:00", &value[..16])
    };
    Some(format!("{local}{sign}{:02}:{:02}", off / 60, off % 60))
}

/// Now + `days`, as a `datetime-local` value in the browser's time zone.
pub fn local_input_in_days(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    format!(
        "{:04}-{:02}-{:02}T{:02}:00",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours()
    )
}

/// `/rfqs/new`.
#[component]
pub fn NewRfqPage() -> impl IntoView {
    if !use_internal() {
        return staff_only();
    }
    set_title("New RFQ");
    let parts = LocalResource::new(|| client::parts(""));
    let suppliers = LocalResource::new(|| client::suppliers(""));
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/rfqs">"RFQ list"</a>
        </nav>
        <div class="page-head">
            <h1>"New RFQ"</h1>
        </div>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let parts = parts.await?;
                    let suppliers = suppliers.await?;
                    Ok::<_, AppError>(view! { <NewRfqForm parts suppliers /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

#[component]
fn NewRfqForm(parts: Vec<Part>, suppliers: Vec<Supplier>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let currency = RwSignal::new("USD".to_string());
    let incoterm = RwSignal::new("FCA".to_string());
    let place = RwSignal::new(String::new());
    let payment = RwSignal::new("Net 60".to_string());
    let deadline = RwSignal::new(local_input_in_days(14));
    let sealed = RwSignal::new(true);
    let lines = RwSignal::new(vec![LineDraft::empty(0)]);
    let invited = RwSignal::new(Vec::<String>::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let time_zone = browser_time_zone();
    let navigate = use_navigate();

    let save = Action::new_local(move |body: &NewRfq| {
        let body = body.clone();
        let navigate = navigate.clone();
        async move {
            match client::create_rfq(&body).await {
                Ok(d) => navigate(&format!("/rfqs/{}", d.summary.id), Default::default()),
                Err(e) => {
                    fields.set(e.fields().clone());
                    error.set(Some(e));
                }
            }
        }
    });

    let tz = time_zone.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let mut errs = FieldMap::new();
        if title.get_untracked().trim().is_empty() {
            errs.insert("title".into(), "Give the RFQ a title.".into());
        }
        let deadline = local_input_to_rfc3339(&deadline.get_untracked());
        if deadline.is_none() {
            errs.insert("deadline".into(), "Choose a date and time.".into());
        }
        let read = lines.with_untracked(|l| read_lines(l));
        if let Err(e) = &read {
            errs.extend(e.clone());
        }
        if !errs.is_empty() {
            let n = errs.len();
            fields.set(errs);
            error.set(Some(AppError::new(
                "invalid",
                format!("Fix the {n} highlighted field(s)."),
            )));
            return;
        }
        fields.set(FieldMap::new());
        let term = incoterm.get_untracked();
        let place = place.get_untracked().trim().to_string();
        save.dispatch(NewRfq {
            title: title.get_untracked().trim().to_string(),
            currency: currency.get_untracked().trim().to_ascii_uppercase(),
            incoterm: if term.is_empty() {
                String::new()
            } else {
                format!("{term} {place}").trim().to_string()
            },
            payment_terms: payment.get_untracked().trim().to_string(),
            deadline: deadline.unwrap_or_default(),
            time_zone: Some(tz.clone()),
            sealed: sealed.get_untracked(),
            lines: read.unwrap_or_default(),
            supplier_ids: invited.get_untracked(),
        });
    };

    let supplier_boxes = suppliers
        .into_iter()
        .map(|s| {
            let blocked = s.status == "blocked";
            let id = s.id.clone();
            let cid = format!("invite-{}", s.id);
            let reason = blocked.then(|| {
                view! { <span class="muted small">" — blocked: cannot be invited"</span> }
            });
            view! {
                <li>
                    <label for=cid.clone() class="check">
                        <input
                            id=cid.clone()
                            type="checkbox"
                            disabled=blocked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                invited
                                    .update(|v| {
                                        v.retain(|x| *x != id);
                                        if on {
                                            v.push(id);
                                        }
                                    });
                            }
                        />
                        {s.name}
                        {reason}
                    </label>
                </li>
            }
        })
        .collect_view();

    let err = move |k: &str| error_for(fields, k.to_string());
    view! {
        <form class="panel form-grid" aria-label="New RFQ" on:submit=on_submit novalidate>
            <div class="field span-all">
                <label for="rfq-title">"Title"</label>
                <input id="rfq-title" bind:value=title />
                {err("title")}
            </div>
            <div class="field">
                <label for="rfq-currency">"Base currency"</label>
                <input id="rfq-currency" class="mono" maxlength="3" bind:value=currency />
                {err("currency")}
            </div>
            <div class="field">
                <label for="rfq-incoterm">"Incoterm"</label>
                <select id="rfq-incoterm" bind:value=incoterm>
                    <option value="">"None requested"</option>
                    {domain::terms::INCOTERMS_2020
                        .iter()
                        .map(|r| view! { <option value=r.code>{format!("{} · {}", r.code, r.name)}</option> })
                        .collect_view()}
                </select>
                {err("incoterm")}
            </div>
            <div class="field">
                <label for="rfq-place">"Incoterm place"</label>
                <input id="rfq-place" placeholder="Chicago" bind:value=place />
            </div>
            <div class="field">
                <label for="rfq-payment">"Payment terms"</label>
                <input id="rfq-payment" bind:value=payment />
                {err("payment_terms")}
            </div>
            <div class="field">
                <label for="rfq-deadline">"Deadline"</label>
                <input
                    id="rfq-deadline"
                    type="datetime-local"
                    step="1"
                    bind:value=deadline
                    aria-describedby="rfq-deadline-hint"
                />
                <p class="hint" id="rfq-deadline-hint">
                    {format!("Your time zone: {time_zone}")}
                </p>
                {err("deadline")}
            </div>
            <div class="field">
                <label class="check" for="rfq-sealed">
                    <input id="rfq-sealed" type="checkbox" bind:checked=sealed />
                    "Sealed bids"
                </label>
                <p class="hint">"Prices stay hidden from everyone until the deadline."</p>
            </div>
            <section class="span-all" aria-labelledby="new-lines-h">
                <h2 id="new-lines-h">"Lines"</h2>
                <LinesEditor lines parts fields />
            </section>
            <section class="span-all" aria-labelledby="new-invite-h">
                <h2 id="new-invite-h">"Invited suppliers"</h2>
                <ul class="checks">{supplier_boxes}</ul>
                {err("supplier_ids")}
            </section>
            <div class="span-all">{form_alert(error)}</div>
            <div class="actions span-all">
                <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                    "Create RFQ"
                </button>
                <a class="btn" href="/rfqs">
                    "Cancel"
                </a>
            </div>
        </form>
    }
}
