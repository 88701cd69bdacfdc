//! `/parts` (search, "New part") and `/parts/{id}` (the part with its revisions).

use api::{NewPart, Part};
use domain::access::Resource;
use domain::validate::{self, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self as client, AppError};
use crate::session::{may_write, use_internal};
use crate::ui::{
    error_panel, field_error, form_alert, invalid, loading, local_date, set_title, staff_only,
    status_badge, FieldMap,
};

#[component]
pub fn PartsPage() -> AnyView {
    if !use_internal() {
        return staff_only();
    }
    set_title("Parts");
    // `?q=` in the address pre-fills the search (links and a return from sign-in).
    let q = RwSignal::new(
        use_query_map()
            .with_untracked(|m| m.get("q"))
            .unwrap_or_default(),
    );
    let parts = LocalResource::new(move || {
        let q = q.get();
        async move { client::parts(&q).await }
    });
    let can_create = may_write(Resource::Parts);
    let open = RwSignal::new(false);
    let created = RwSignal::new(None::<Part>);

    view! {
            <div class="page-head">
                <h1>"Parts"</h1>
                {can_create
                    .then(|| {
                        view! {
                            <button
                                class="btn btn-primary"
                                type="button"
                                aria-expanded=move || open.get().to_string()
                                aria-controls="new-part"
                                on:click=move |_| open.update(|o| *o = !*o)
                            >
                                "New part"
                            </button>
                        }
                    })}
            </div>
            {move || {
                created
                    .get()
                    .map(|p| {
    view! {
                            <p class="alert alert-ok" role="status">
                                "Part " <a href=format!("/parts/{}", p.id)>{p.number.clone()}</a>
                                " created."
                            </p>
                        }
                    })
            }}
            <Show when=move || open.get()>
                <NewPartForm
                    on_done=Callback::new(move |p: Part| {
                        open.set(false);
                        created.set(Some(p));
                        parts.refetch();
                    })
                    on_cancel=Callback::new(move |_| open.set(false))
                />
            </Show>
            <div class="toolbar">
                <label class="search">
                    <span class="sr-only">"Search parts"</span>
                    <input
                        type="search"
                        placeholder="Search by number or name"
                        bind:value=q
                    />
                </label>
            </div>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let list = parts.await?;
                        Ok::<_, AppError>(parts_table(list))
                    })}
                </ErrorBoundary>
            </Transition>
        }
    .into_any()
}

fn parts_table(list: Vec<Part>) -> AnyView {
    if list.is_empty() {
        return view! { <p class="empty">"No parts match."</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|p| {
            let revs = p
                .revisions
                .iter()
                .map(|r| r.label.clone())
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr>
                    <td data-label="Number">
                        <a class="mono strong" href=format!("/parts/{}", p.id)>
                            {p.number}
                        </a>
                    </td>
                    <td data-label="Name" class="wrap">
                        {p.name}
                    </td>
                    <td data-label="Revisions" class="mono">
                        {revs}
                    </td>
                    <td data-label="Unit" class="mono">
                        {p.uom}
                    </td>
                    <td data-label="Description" class="wrap muted">
                        {p.description}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table-cards">
                <thead>
                    <tr>
                        <th scope="col">"Number"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Revisions"</th>
                        <th scope="col">"Unit"</th>
                        <th scope="col">"Description"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn NewPartForm(on_done: Callback<Part>, on_cancel: Callback<()>) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let uom = RwSignal::new("H87".to_string());
    let revision = RwSignal::new("A".to_string());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);

    let save = Action::new_local(move |body: &NewPart| {
        let body = body.clone();
        async move {
            match client::create_part(&body).await {
                Ok(p) => on_done.run(p),
                Err(e) => {
                    fields.set(e.fields().clone());
                    error.set(Some(e));
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::new();
        validate::required(&mut errors, "number", &number.get_untracked(), 64);
        validate::required(&mut errors, "name", &name.get_untracked(), 200);
        error.set(None);
        if !errors.is_empty() {
            fields.set(errors.0);
            return;
        }
        fields.set(FieldMap::new());
        let opt = |s: String| {
            let s = s.trim().to_string();
            (!s.is_empty()).then_some(s)
        };
        save.dispatch(NewPart {
            number: number.get_untracked().trim().to_string(),
            name: name.get_untracked().trim().to_string(),
            description: description.get_untracked().trim().to_string(),
            uom: opt(uom.get_untracked()),
            revision: opt(revision.get_untracked()),
        });
    };

    view! {
        <form id="new-part" class="panel form-grid" on:submit=on_submit novalidate>
            <h2 class="span-all">"New part"</h2>
            <div class="field">
                <label for="part-number">"Number"</label>
                <input
                    id="part-number"
                    class="mono"
                    bind:value=number
                    aria-invalid=invalid(fields, "number")
                    aria-describedby="number-error"
                    autocomplete="off"
                />
                {field_error(fields, "number")}
            </div>
            <div class="field">
                <label for="part-name">"Name"</label>
                <input
                    id="part-name"
                    bind:value=name
                    aria-invalid=invalid(fields, "name")
                    aria-describedby="name-error"
                />
                {field_error(fields, "name")}
            </div>
            <div class="field span-all">
                <label for="part-description">"Description"</label>
                <textarea id="part-description" rows="2" bind:value=description></textarea>
                {field_error(fields, "description")}
            </div>
            <div class="field">
                <label for="part-uom">"Unit"</label>
                <input
                    id="part-uom"
                    class="mono"
                    bind:value=uom
                    aria-invalid=invalid(fields, "uom")
                    aria-describedby="uom-hint uom-error"
                />
                <p class="hint" id="uom-hint">
                    "UN/ECE code: H87 piece, KGM kilogram, MTR metre"
                </p>
                {field_error(fields, "uom")}
            </div>
            <div class="field">
                <label for="part-revision">"First revision"</label>
                <input
                    id="part-revision"
                    class="mono"
                    bind:value=revision
                    aria-invalid=invalid(fields, "revision")
                    aria-describedby="revision-error"
                />
                {field_error(fields, "revision")}
            </div>
            <div class="span-all">{form_alert(error)}</div>
            <div class="actions span-all">
                <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                    "Create part"
                </button>
                <button class="btn" type="button" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

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
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/parts">"Part list"</a>
        </nav>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let p = part.await?;
                    Ok::<_, AppError>(part_view(p))
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

fn part_view(p: Part) -> impl IntoView {
    set_title(&p.number);
    let revs = p
        .revisions
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td data-label="Revision" class="mono strong">
                        {r.label}
                    </td>
                    <td data-label="Status">{status_badge(r.status)}</td>
                    <td data-label="Released">
                        {r.released_on.as_deref().map(local_date).unwrap_or_else(|| "—".into())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow mono">{p.number.clone()}</p>
                <h1>{p.name.clone()}</h1>
            </div>
        </div>
        <dl class="facts">
            <div>
                <dt>"Unit"</dt>
                <dd class="mono">{p.uom.clone()}</dd>
            </div>
            <div class="wide">
                <dt>"Description"</dt>
                <dd>{if p.description.is_empty() { "—".to_string() } else { p.description.clone() }}</dd>
            </div>
        </dl>
        <section aria-labelledby="revs-h">
            <h2 id="revs-h">"Revisions"</h2>
            <div class="table-wrap">
                <table class="table table-cards">
                    <thead>
                        <tr>
                            <th scope="col">"Revision"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Released"</th>
                        </tr>
                    </thead>
                    <tbody>{revs}</tbody>
                </table>
            </div>
        </section>
    }
}
