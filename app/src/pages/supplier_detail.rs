//! `/suppliers/{id}`: the supplier (edit name, country, default currency, status,
//! categories), its contacts (add; "Invite contact" hands one a single-use sign-up link),
//! its certificates with expiry dates and their status badge (add, remove), and visit
//! notes.

use api::{
    Certification, Contact, InvitationCreated, NewCertification, NewContact, NewInvitation,
    Supplier, UpdateContact, UpdateSupplier,
};
use domain::access::Resource;
use domain::validate::{self, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsValue;

use crate::api::{self as client, AppError};
use crate::pages::suppliers::{cert_badge, status_select};
use crate::session::may_write;
use crate::ui::{
    card_table, change_action, check_fields, col, field_error, form_alert, invalid, local_date,
    local_datetime, record_page, remove_button, remove_cell, save_action, set_title, show_error,
    status_badge, FieldMap, FormFooter, RecordHead, TextField,
};

/// `/suppliers/{id}`.
#[component]
pub fn SupplierDetail() -> impl IntoView {
    let params = use_params_map();
    let supplier = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { client::supplier(&id).await }
    });
    record_page(
        "/suppliers",
        "Supplier list",
        supplier,
        |s| view! { <SupplierView supplier=s /> },
    )
}

#[component]
fn SupplierView(supplier: Supplier) -> impl IntoView {
    let can_write = may_write(Resource::SupplierDirectory);
    let can_invite = may_write(Resource::Invitations);
    let supplier_id = supplier.id.clone();
    let notes_for = (supplier.id.clone(), supplier.name.clone());
    let s = RwSignal::new(supplier);
    let editing = RwSignal::new(false);
    Effect::new(move |_| s.with(|s| set_title(&s.name)));
    view! {
        <RecordHead edit_label="Edit supplier" editing=editing can_write=can_write>
            <h1>{move || s.with(|s| s.name.clone())}</h1>
            <div class="head-badges">{move || status_badge(s.with(|s| s.status.clone()))}</div>
        </RecordHead>
        <Show when=move || editing.get()>
            <EditSupplierForm supplier=s on_done=Callback::new(move |_| editing.set(false)) />
        </Show>
        <dl class="facts">
            <div>
                <dt>"Country"</dt>
                <dd class="mono">{move || s.with(|s| s.country.clone())}</dd>
            </div>
            <div>
                <dt>"Default currency"</dt>
                <dd class="mono">{move || s.with(|s| s.currency.clone())}</dd>
            </div>
            <div class="wide">
                <dt>"Categories"</dt>
                <dd>
                    {move || {
                        let cats = s.with(|s| s.categories.clone());
                        if cats.is_empty() {
                            view! { <span class="muted">"None yet"</span> }.into_any()
                        } else {
                            view! {
                                <ul class="chips" aria-label="Categories">
                                    {cats.into_iter().map(|c| view! { <li><span class="chip">{c}</span></li> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                </dd>
            </div>
        </dl>
        <Contacts supplier=s can_write=can_write />
        <Certifications supplier=s can_write=can_write />
        {can_invite.then(|| view! { <InviteContact supplier_id=supplier_id /> })}
        {can_write
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

#[component]
fn EditSupplierForm(supplier: RwSignal<Supplier>, on_done: Callback<()>) -> impl IntoView {
    let v = supplier.get_untracked();
    let name = RwSignal::new(v.name.clone());
    let country = RwSignal::new(v.country.clone());
    let currency = RwSignal::new(v.currency.clone());
    let status = RwSignal::new(v.status.clone());
    let categories = RwSignal::new(v.categories.join(", "));
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let save = save_action(
        supplier,
        |id, body: UpdateSupplier| async move { client::update_supplier(&id, &body).await },
        fields,
        error,
        move || on_done.run(()),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = match crate::pages::suppliers::checked_supplier([name, country, currency, status]) {
            Err(errors) => {
                check_fields(errors, fields, error);
                return;
            }
            Ok(s) => s,
        };
        check_fields(FieldErrors::new(), fields, error);
        let cats = categories
            .get_untracked()
            .split([',', ';'])
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        save.dispatch(UpdateSupplier {
            name: Some(s.name),
            country: Some(s.country),
            currency: Some(s.currency.code().to_string()),
            status: Some(s.status),
            categories: Some(cats),
        });
    };
    view! {
        <form class="panel form-grid" aria-label="Edit supplier" on:submit=on_submit novalidate>
            <h2 class="span-all">"Edit supplier"</h2>
            <TextField id="edit-supplier-name" label="Name" value=name errors=fields field="name" wide=true />
            <TextField
                id="edit-supplier-country"
                label="Country"
                value=country
                errors=fields
                field="country"
                class="mono"
                hint="Two-letter ISO code"
            />
            <TextField
                id="edit-supplier-currency"
                label="Default currency"
                value=currency
                errors=fields
                field="currency"
                class="mono"
                hint="ISO 4217 (EUR, USD, …)"
            />
            {status_select("edit-supplier-status", status)}
            <TextField
                id="edit-supplier-categories"
                label="Categories"
                value=categories
                errors=fields
                field="categories"
                hint="Separated by commas, e.g. stamping, machining"
            />
            <FormFooter submit="Save supplier" error=error pending=Signal::derive(move || save.pending().get()) on_cancel=on_done />
        </form>
    }
}

#[component]
fn Contacts(supplier: RwSignal<Supplier>, can_write: bool) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let add = save_action(
        supplier,
        |id, body: NewContact| async move { client::add_contact(&id, &body).await },
        fields,
        error,
        move || {
            name.set(String::new());
            email.set(String::new());
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match domain::supplier::check_contact(&name.get_untracked(), &email.get_untracked()) {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok((name, email)) => {
                check_fields(FieldErrors::new(), fields, error);
                add.dispatch(NewContact { name, email });
            }
        }
    };
    let editing = RwSignal::new(None::<Contact>);
    let remove = change_action(
        supplier,
        |id, cid: String| async move { client::remove_contact(&id, &cid).await },
        error,
    );
    let table = move || {
        let contacts = supplier.with(|s| s.contacts.clone());
        if contacts.is_empty() {
            return view! { <p class="empty">"No contacts yet."</p> }.into_any();
        }
        let rows = contacts
            .into_iter()
            .map(|c| {
                let for_edit = c.clone();
                let cid = c.id.clone();
                let actions = (can_write && !c.id.is_empty()).then(|| {
                    view! {
                        <td data-label="">
                            <div class="actions">
                                <button
                                    class="btn btn-small"
                                    type="button"
                                    aria-label=format!("Edit contact {}", c.name)
                                    on:click=move |_| editing.set(Some(for_edit.clone()))
                                >
                                    "Edit"
                                </button>
                                {(!c.has_login)
                                    .then(|| {
                                        remove_button(
                                            "Remove",
                                            format!("Remove contact {}", c.name),
                                            move || {
                                                remove.dispatch(cid.clone());
                                            },
                                        )
                                    })}
                            </div>
                        </td>
                    }
                });
                view! {
                    <tr>
                        <td data-label="Name">{c.name.clone()}</td>
                        <td data-label="E-mail" class="wrap email">
                            <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>
                        </td>
                        <td data-label="Login">
                            {if c.has_login {
                                view! {
                                    <span
                                        class="badge badge-approved"
                                        title="Signs in with this e-mail; the address cannot change and the contact stays while the account exists"
                                    >
                                        "Has login"
                                    </span>
                                }
                                    .into_any()
                            } else {
                                view! { <span class="muted">"No login"</span> }.into_any()
                            }}
                        </td>
                        {actions}
                    </tr>
                }
            })
            .collect_view();
        let mut columns = vec![col("Name"), col("E-mail"), col("Login")];
        columns.extend(can_write.then_some(col("")));
        card_table("Contacts", columns, rows)
    };
    view! {
        <section aria-labelledby="contacts-h">
            <h2 id="contacts-h">"Contacts"</h2>
            {table}
            {move || {
                editing
                    .get()
                    .map(|c| {
                        view! {
                            <EditContactForm
                                supplier=supplier
                                contact=c
                                on_done=Callback::new(move |_| editing.set(None))
                            />
                        }
                    })
            }}
            {can_write
                .then(|| {
                    view! {
                        <form class="inline-form" aria-label="Add contact" on:submit=on_submit novalidate>
                            <TextField id="contact-name" label="New contact name" value=name errors=fields field="name" />
                            <TextField
                                id="contact-email"
                                label="New contact email"
                                value=email
                                errors=fields
                                field="email"
                                input_type="email"
                            />
                            <button class="btn" type="submit" disabled=move || add.pending().get()>
                                "Add contact"
                            </button>
                        </form>
                        {form_alert(error)}
                    }
                })}
        </section>
    }
}

#[component]
fn EditContactForm(
    supplier: RwSignal<Supplier>,
    contact: Contact,
    on_done: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(contact.name.clone());
    let email = RwSignal::new(contact.email.clone());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let cid = contact.id.clone();
    let save = save_action(
        supplier,
        move |id, body: UpdateContact| {
            let cid = cid.clone();
            async move { client::update_contact(&id, &cid, &body).await }
        },
        fields,
        error,
        move || on_done.run(()),
    );
    let has_login = contact.has_login;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match domain::supplier::check_contact(&name.get_untracked(), &email.get_untracked()) {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok((name, email)) => {
                check_fields(FieldErrors::new(), fields, error);
                save.dispatch(UpdateContact {
                    name: Some(name),
                    email: (!has_login).then_some(email),
                });
            }
        }
    };
    view! {
        <form
            class="panel form-grid"
            aria-label=format!("Edit contact {}", contact.name)
            on:submit=on_submit
            novalidate
        >
            <h3 class="span-all">{format!("Edit contact {}", contact.name)}</h3>
            <TextField id="edit-contact-name" label="Contact's name" value=name errors=fields field="name" />
            {if has_login {
                view! {
                    <div class="field">
                        <span class="label">"Contact's email"</span>
                        <p class="mono">{contact.email.clone()}</p>
                        <p class="hint">"Signs in with this address, so it stays."</p>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <TextField
                        id="edit-contact-email"
                        label="Contact's email"
                        value=email
                        errors=fields
                        field="email"
                        input_type="email"
                    />
                }
                    .into_any()
            }}
            <FormFooter submit="Save contact" error=error pending=Signal::derive(move || save.pending().get()) on_cancel=on_done />
        </form>
    }
}

#[component]
fn Certifications(supplier: RwSignal<Supplier>, can_write: bool) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let expires = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let add = save_action(
        supplier,
        |id, body: NewCertification| async move { client::add_certification(&id, &body).await },
        fields,
        error,
        move || {
            name.set(String::new());
            number.set(String::new());
            expires.set(String::new());
        },
    );
    let remove = change_action(
        supplier,
        |id, cid: String| async move { client::remove_certification(&id, &cid).await },
        error,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = domain::supplier::check_certificate(
            &name.get_untracked(),
            Some(&expires.get_untracked()),
        );
        match checked {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok(expires_on) => {
                check_fields(FieldErrors::new(), fields, error);
                add.dispatch(NewCertification {
                    name: name.get_untracked().trim().to_string(),
                    number: number.get_untracked().trim().to_string(),
                    expires_on: expires_on.map(|d| d.to_string()),
                });
            }
        }
    };
    let row = move |c: Certification| {
        let cid = c.id.clone();
        view! {
            <tr>
                <td data-label="Certificate">{c.name.clone()}</td>
                <td data-label="Number" class="mono">
                    {c.number.clone()}
                </td>
                <td data-label="Expires">
                    {c.expires_on.as_deref().map(local_date).unwrap_or_else(|| "—".into())}
                </td>
                <td data-label="Status">{cert_badge(c.status)}</td>
                {remove_cell(
                    can_write,
                    "Remove",
                    format!("Remove certificate {}", c.name),
                    move || {
                        remove.dispatch(cid.clone());
                    },
                )}
            </tr>
        }
    };
    let table = move || {
        let certs = supplier.with(|s| s.certifications.clone());
        if certs.is_empty() {
            return view! { <p class="empty">"No certificates recorded."</p> }.into_any();
        }
        let mut columns = vec![
            col("Certificate"),
            col("Number"),
            col("Expires"),
            col("Status"),
        ];
        columns.extend(can_write.then_some(col("")));
        card_table(
            "Certificates",
            columns,
            certs.into_iter().map(row).collect_view(),
        )
    };
    view! {
        <section aria-labelledby="certs-h">
            <h2 id="certs-h">"Certificates"</h2>
            <p class="hint">"A certificate expiring within 60 days is marked expiring."</p>
            {table}
            {can_write
                .then(|| {
                    view! {
                        <form class="inline-form" aria-label="Add certificate" on:submit=on_submit novalidate>
                            <TextField id="cert-name" label="Certificate" value=name errors=fields field="name" placeholder="ISO 9001" />
                            <TextField id="cert-number" label="Certificate number" value=number errors=fields field="number" />
                            <TextField
                                id="cert-expires"
                                label="Expires on"
                                value=expires
                                errors=fields
                                field="expires_on"
                                input_type="date"
                            />
                            <button class="btn" type="submit" disabled=move || add.pending().get()>
                                "Add certificate"
                            </button>
                        </form>
                    }
                })}
            {form_alert(error)}
        </section>
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
                Err(e) => show_error(e, fields, error),
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::new();
        validate::required(&mut errors, "name", &name.get_untracked(), 200);
        validate::email(&mut errors, "email", &email.get_untracked());
        if !check_fields(errors, fields, error) {
            return;
        }
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
                <FormFooter submit="Create invitation link" error=error pending=Signal::derive(move || invite.pending().get()) />
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
