//! `/suppliers` (search, "New supplier") and `/suppliers/{id}` (contacts, and the
//! "Invite contact" form through which a buyer hands a supplier contact a single-use
//! sign-up link).

use api::{InvitationCreated, NewInvitation, NewSupplier, Supplier};
use domain::access::Resource;
use domain::validate::{self, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use wasm_bindgen::JsValue;

use crate::api::{self as client, AppError};
use crate::session::{may_write, use_internal};
use crate::ui::{
    error_panel, field_error, form_alert, invalid, loading, local_datetime, set_title, staff_only,
    status_badge, FieldMap,
};

#[component]
pub fn SuppliersPage() -> AnyView {
    if !use_internal() {
        return staff_only();
    }
    set_title("Suppliers");
    // `?q=` in the address pre-fills the search (links and a return from sign-in).
    let q = RwSignal::new(
        use_query_map()
            .with_untracked(|m| m.get("q"))
            .unwrap_or_default(),
    );
    let suppliers = LocalResource::new(move || {
        let q = q.get();
        async move { client::suppliers(&q).await }
    });
    let can_create = may_write(Resource::SupplierDirectory);
    let open = RwSignal::new(false);
    let created = RwSignal::new(None::<Supplier>);

    view! {
        <div class="page-head">
            <h1>"Suppliers"</h1>
            {can_create
                .then(|| {
                    view! {
                        <button
                            class="btn btn-primary"
                            type="button"
                            aria-expanded=move || open.get().to_string()
                            aria-controls="new-supplier"
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            "New supplier"
                        </button>
                    }
                })}
        </div>
        {move || {
            created
                .get()
                .map(|s| {
view! {
                        <p class="alert alert-ok" role="status">
                            "Supplier " <a href=format!("/suppliers/{}", s.id)>{s.name.clone()}</a>
                            " created. Open it to invite a contact."
                        </p>
                    }
                })
        }}
        <Show when=move || open.get()>
            <NewSupplierForm
                on_done=Callback::new(move |s: Supplier| {
                    open.set(false);
                    created.set(Some(s));
                    suppliers.refetch();
                })
                on_cancel=Callback::new(move |_| open.set(false))
            />
        </Show>
        <div class="toolbar">
            <label class="search">
                <span class="sr-only">"Search suppliers"</span>
                <input type="search" placeholder="Search by name" bind:value=q />
            </label>
        </div>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let list = suppliers.await?;
                    Ok::<_, AppError>(suppliers_table(list))
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

fn suppliers_table(list: Vec<Supplier>) -> AnyView {
    if list.is_empty() {
        return view! { <p class="empty">"No suppliers match."</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|s| {
            let contacts = s.contacts.len();
            view! {
                <tr>
                    <td data-label="Name" class="wrap">
                        <a class="strong" href=format!("/suppliers/{}", s.id)>
                            {s.name}
                        </a>
                    </td>
                    <td data-label="Status">{status_badge(s.status)}</td>
                    <td data-label="Country" class="mono">
                        {s.country}
                    </td>
                    <td data-label="Currency" class="mono">
                        {s.currency}
                    </td>
                    <td data-label="Contacts" class="num">
                        {contacts}
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
                        <th scope="col">"Name"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Country"</th>
                        <th scope="col">"Currency"</th>
                        <th scope="col" class="num">
                            "Contacts"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn NewSupplierForm(on_done: Callback<Supplier>, on_cancel: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let currency = RwSignal::new("EUR".to_string());
    let status = RwSignal::new("approved".to_string());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);

    let save = Action::new_local(move |body: &NewSupplier| {
        let body = body.clone();
        async move {
            match client::create_supplier(&body).await {
                Ok(s) => on_done.run(s),
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
        validate::required(&mut errors, "name", &name.get_untracked(), 200);
        validate::required(&mut errors, "country", &country.get_untracked(), 2);
        validate::required(&mut errors, "currency", &currency.get_untracked(), 3);
        error.set(None);
        if !errors.is_empty() {
            fields.set(errors.0);
            return;
        }
        fields.set(FieldMap::new());
        save.dispatch(NewSupplier {
            name: name.get_untracked().trim().to_string(),
            country: country.get_untracked().trim().to_ascii_uppercase(),
            currency: currency.get_untracked().trim().to_ascii_uppercase(),
            status: Some(status.get_untracked()),
        });
    };

    view! {
        <form id="new-supplier" class="panel form-grid" on:submit=on_submit novalidate>
            <h2 class="span-all">"New supplier"</h2>
            <div class="field span-all">
                <label for="supplier-name">"Name"</label>
                <input
                    id="supplier-name"
                    bind:value=name
                    aria-invalid=invalid(fields, "name")
                    aria-describedby="name-error"
                />
                {field_error(fields, "name")}
            </div>
            <div class="field">
                <label for="supplier-country">"Country"</label>
                <input
                    id="supplier-country"
                    class="mono"
                    maxlength="2"
                    placeholder="DE"
                    bind:value=country
                    aria-invalid=invalid(fields, "country")
                    aria-describedby="country-hint country-error"
                />
                <p class="hint" id="country-hint">
                    "Two-letter ISO code"
                </p>
                {field_error(fields, "country")}
            </div>
            <div class="field">
                <label for="supplier-currency">"Currency"</label>
                <input
                    id="supplier-currency"
                    class="mono"
                    maxlength="3"
                    bind:value=currency
                    aria-invalid=invalid(fields, "currency")
                    aria-describedby="currency-hint currency-error"
                />
                <p class="hint" id="currency-hint">
                    "Quote currency, ISO 4217 (EUR, USD, …)"
                </p>
                {field_error(fields, "currency")}
            </div>
            <div class="field">
                <label for="supplier-status">"Status"</label>
                <select id="supplier-status" bind:value=status>
                    <option value="approved">"Approved"</option>
                    <option value="conditional">"Conditional"</option>
                    <option value="blocked">"Blocked"</option>
                </select>
                {field_error(fields, "status")}
            </div>
            <div class="span-all">{form_alert(error)}</div>
            <div class="actions span-all">
                <button class="btn btn-primary" type="submit" disabled=move || save.pending().get()>
                    "Create supplier"
                </button>
                <button class="btn" type="button" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

/// `/suppliers/{id}`.
#[component]
pub fn SupplierDetail() -> impl IntoView {
    let params = use_params_map();
    let supplier = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { client::supplier(&id).await }
    });
    let can_invite = may_write(Resource::Invitations);
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/suppliers">"Supplier list"</a>
        </nav>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let s = supplier.await?;
                    Ok::<_, AppError>(supplier_view(s, can_invite))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

fn supplier_view(s: Supplier, can_invite: bool) -> impl IntoView {
    set_title(&s.name);
    let contacts = if s.contacts.is_empty() {
        view! { <p class="empty">"No contacts yet."</p> }.into_any()
    } else {
        let rows = s
            .contacts
            .into_iter()
            .map(|c| {
                view! {
                    <tr>
                        <td data-label="Name">{c.name}</td>
                        <td data-label="E-mail" class="wrap">
                            <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>
                        </td>
                        <td data-label="Login">
                            {if c.has_login {
                                view! { <span class="badge badge-approved">"Has login"</span> }.into_any()
                            } else {
                                view! { <span class="muted">"No login"</span> }.into_any()
                            }}
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
                            <th scope="col">"Name"</th>
                            <th scope="col">"E-mail"</th>
                            <th scope="col">"Login"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let supplier_id = s.id.clone();
    let notes_for = (s.id.clone(), s.name.clone());
    let can_note = may_write(Resource::SupplierDirectory);
    view! {
        <div class="page-head">
            <h1>{s.name.clone()}</h1>
            <div class="head-badges">{status_badge(s.status.clone())}</div>
        </div>
        <dl class="facts">
            <div>
                <dt>"Country"</dt>
                <dd class="mono">{s.country.clone()}</dd>
            </div>
            <div>
                <dt>"Currency"</dt>
                <dd class="mono">{s.currency.clone()}</dd>
            </div>
        </dl>
        <section aria-labelledby="contacts-h">
            <h2 id="contacts-h">"Contacts"</h2>
            {contacts}
        </section>
        {can_invite.then(|| view! { <InviteContact supplier_id=supplier_id /> })}
        {can_note
            .then(|| {
                view! {
                    <crate::pages::visit_notes::VisitNotes
                        supplier_id=notes_for.0
                        supplier_name=notes_for.1
                    />
                }
            })}
    }
}

/// The "Invite contact" form: creates a single-use link and shows it, ready to copy.
#[component]
fn InviteContact(supplier_id: String) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let link = RwSignal::new(None::<(String, InvitationCreated)>);
    // None: not tried yet; Some(true): copied; Some(false): the browser refused.
    let copied = RwSignal::new(None::<bool>);

    let invite = Action::new_local(move |body: &NewInvitation| {
        let body = body.clone();
        async move {
            match client::create_invitation(&body).await {
                Ok(created) => {
                    let origin = web_sys::window()
                        .and_then(|w| w.location().origin().ok())
                        .unwrap_or_default();
                    link.set(Some((format!("{origin}{}", created.path), created)));
                    copied.set(None);
                    name.set(String::new());
                    email.set(String::new());
                }
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
        validate::required(&mut errors, "name", &name.get_untracked(), 200);
        validate::email(&mut errors, "email", &email.get_untracked());
        error.set(None);
        if !errors.is_empty() {
            fields.set(errors.0);
            return;
        }
        fields.set(FieldMap::new());
        invite.dispatch(NewInvitation {
            supplier_id: supplier_id.clone(),
            email: email.get_untracked().trim().to_string(),
            name: name.get_untracked().trim().to_string(),
        });
    };

    // Copy with the clipboard API; where the browser refuses (plain-http origin,
    // permissions), select the link so Ctrl+C / the share menu does the rest.
    let copy = move |_| {
        let Some((url, _)) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let ok = copy_text(&url).await;
            copied.set(Some(ok));
            if !ok {
                select_link();
            }
        });
    };

    view! {
        <section aria-labelledby="invite-h" class="panel">
            <h2 id="invite-h">"Invite contact"</h2>
            <p class="muted small">
                "Creates a single-use sign-up link for a person at this supplier. Send it to them yourself; Bidwell sends nothing on its own."
            </p>
            <form class="form-grid" on:submit=on_submit novalidate>
                <div class="field">
                    <label for="invite-name">"Contact name"</label>
                    <input
                        id="invite-name"
                        bind:value=name
                        autocomplete="off"
                        aria-invalid=invalid(fields, "name")
                        aria-describedby="name-error"
                    />
                    {field_error(fields, "name")}
                </div>
                <div class="field">
                    <label for="invite-email">"Contact email"</label>
                    <input
                        id="invite-email"
                        type="email"
                        bind:value=email
                        autocomplete="off"
                        aria-invalid=invalid(fields, "email")
                        aria-describedby="email-error"
                    />
                    {field_error(fields, "email")}
                </div>
                <div class="span-all">{form_alert(error)}</div>
                <div class="actions span-all">
                    <button class="btn btn-primary" type="submit" disabled=move || invite.pending().get()>
                        "Create invitation link"
                    </button>
                </div>
            </form>
            {move || {
                link.get()
                    .map(|(url, created)| {
                        view! {
                            <div class="invite-link" role="status">
                                <label for="invite-link">"Invitation link (single use)"</label>
                                <div class="copy-row">
                                    <input
                                        id="invite-link"
                                        class="mono"
                                        readonly
                                        value=url
                                        on:focus=|ev| {
                                            use wasm_bindgen::JsCast;
                                            if let Some(input) = ev
                                                .target()
                                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                            {
                                                input.select();
                                            }
                                        }
                                    />
                                    <button class="btn" type="button" on:click=copy>
                                        {move || if copied.get() == Some(true) { "Copied" } else { "Copy link" }}
                                    </button>
                                </div>
                                {move || {
                                    (copied.get() == Some(false))
                                        .then(|| {
                                            view! {
                                                <p class="hint">
                                                    "The browser did not allow copying: the link is selected, press Ctrl+C (⌘C)."
                                                </p>
                                            }
                                        })
                                }}
                                <p class="hint">
                                    "Valid until " {local_datetime(&created.expires_at)}
                                    ". The link is shown only now."
                                </p>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// Copies `text` with the async clipboard API where the browser offers it (secure
/// origins only); whether it worked.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

fn select_link() {
    use wasm_bindgen::JsCast;
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("invite-link"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}
