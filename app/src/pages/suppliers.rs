//! `/suppliers`: search, filters (status, category, country, certificates), "New
//! supplier", import from CSV/XLSX and export to CSV (the list-page shape shared with
//! parts, [`crate::ui::ListPage`]). One supplier is [`crate::pages::supplier_detail`].

use api::{NewSupplier, Supplier};
use domain::access::Resource;
use domain::supplier::CertStatus;
use domain::validate::FieldErrors;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{self as client, AppError};
use crate::session::{may_write, use_internal};
use crate::ui::{
    card_table, check_fields, col, created_notice, filter_select, loaded, num_col, on_created,
    show_error, staff_only, status_badge, FieldMap, FormFooter, ListPage, TextField,
};

/// A certificate status as the word on its badge.
pub fn cert_word(s: CertStatus) -> &'static str {
    match s {
        CertStatus::Valid => "valid",
        CertStatus::Expiring => "expiring",
        CertStatus::Expired => "expired",
        CertStatus::Unknown => "no expiry date",
    }
}

/// The badge of a certificate status (`badge-expired`, `badge-expiring`, …).
pub fn cert_badge(s: CertStatus) -> impl IntoView {
    let word = cert_word(s);
    let class = format!("badge badge-cert-{}", word.replace(' ', "-"));
    view! { <span class=class>{word}</span> }
}

/// The worst certificate status of a supplier: expired before expiring before the rest.
pub fn worst_cert(s: &Supplier) -> Option<CertStatus> {
    let rank = |c: &CertStatus| match c {
        CertStatus::Expired => 0,
        CertStatus::Expiring => 1,
        CertStatus::Unknown => 2,
        CertStatus::Valid => 3,
    };
    s.certifications.iter().map(|c| c.status).min_by_key(rank)
}

/// The list's certificate filter: `""` any, `expired`, `expiring` (or expired).
fn cert_filter(want: &str, worst: Option<CertStatus>) -> bool {
    matches!(
        (want, worst),
        ("", _)
            | ("expired", Some(CertStatus::Expired))
            | ("expiring", Some(CertStatus::Expired | CertStatus::Expiring))
    )
}

#[component]
pub fn SuppliersPage() -> AnyView {
    if !use_internal() {
        return staff_only();
    }
    // `?q=` in the address pre-fills the search (links and a return from sign-in).
    let q = RwSignal::new(
        use_query_map()
            .with_untracked(|m| m.get("q"))
            .unwrap_or_default(),
    );
    let status = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let certs = RwSignal::new(String::new());
    let suppliers = LocalResource::new(move || {
        let (q, status, category, country) = (q.get(), status.get(), category.get(), country.get());
        async move { client::suppliers_filtered(&q, &status, &category, &country).await }
    });
    let open = RwSignal::new(false);
    let created = RwSignal::new(None::<Supplier>);

    view! {
        <ListPage
            title="Suppliers"
            what="suppliers"
            import_columns="Supplier, Country, Currency, Status, Categories, Contact, Email"
            new_label="New supplier"
            can_write=may_write(Resource::SupplierDirectory)
            open=open
            q=q
            search_label="Search suppliers"
            placeholder="Search by name"
            notice=move || {
                created
                    .get()
                    .map(|s| {
                        created_notice(
                            "Supplier ",
                            format!("/suppliers/{}", s.id),
                            s.name,
                            " created. Open it to add contacts and certificates.",
                        )
                    })
            }
            form=move || {
                view! {
                    <NewSupplierForm
                        on_done=on_created(open, created, move || suppliers.refetch())
                        on_cancel=Callback::new(move |_| open.set(false))
                    />
                }
            }
            filters=move || {
                view! {
                    {filter_select(
                        "Status",
                        "Supplier status",
                        status,
                        &[
                            ("", "Any status"),
                            ("approved", "Approved"),
                            ("conditional", "Conditional"),
                            ("blocked", "Blocked"),
                        ],
                    )}
                    <label class="filter">
                        <span>"Category"</span>
                        <input
                            type="search"
                            placeholder="stamping"
                            aria-label="Category"
                            bind:value=category
                        />
                    </label>
                    <label class="filter filter-narrow">
                        <span>"Country"</span>
                        <input
                            type="search"
                            class="mono"
                            maxlength="2"
                            placeholder="DE"
                            aria-label="Country"
                            bind:value=country
                        />
                    </label>
                    {filter_select(
                        "Certificates",
                        "Certificates",
                        certs,
                        &[("", "Any"), ("expired", "Expired"), ("expiring", "Expiring or expired")],
                    )}
                }
            }
            on_imported=Callback::new(move |_| suppliers.refetch())
        >
            {loaded(
                suppliers,
                move |list: Vec<Supplier>| {
                    let want = certs.get();
                    suppliers_table(
                        list.into_iter().filter(|s| cert_filter(&want, worst_cert(s))).collect(),
                    )
                },
            )}
        </ListPage>
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
            let cert = worst_cert(&s);
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
                    <td data-label="Categories" class="wrap">
                        {s.categories.join(", ")}
                    </td>
                    <td data-label="Certificates">
                        {cert.map(|c| cert_badge(c).into_any()).unwrap_or_else(|| view! { <span class="muted">"—"</span> }.into_any())}
                    </td>
                    <td data-label="Contacts" class="num">
                        {contacts}
                    </td>
                </tr>
            }
        })
        .collect_view();
    card_table(
        "Suppliers",
        vec![
            col("Name"),
            col("Status"),
            col("Country"),
            col("Currency"),
            col("Categories"),
            col("Certificates"),
            num_col("Contacts"),
        ],
        rows,
    )
}

/// The status select shared by the new-supplier and edit forms.
pub fn status_select(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>"Status"</label>
            <select id=id bind:value=value>
                <option value="approved">"Approved"</option>
                <option value="conditional">"Conditional"</option>
                <option value="blocked">"Blocked"</option>
            </select>
        </div>
    }
}

/// A supplier form's name, country, currency and status checked by the server's own rule
/// (`domain::supplier::check`): a form never accepts what the server refuses.
pub fn checked_supplier(
    fields: [RwSignal<String>; 4],
) -> Result<domain::supplier::SupplierFields, FieldErrors> {
    let [name, country, currency, status] = fields.map(|f| f.get_untracked());
    domain::supplier::check(&domain::supplier::SupplierInput {
        name: &name,
        country: &country,
        currency: &currency,
        status: Some(&status),
    })
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
                Err(e) => show_error(e, fields, error),
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match checked_supplier([name, country, currency, status]) {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok(s) => {
                check_fields(FieldErrors::new(), fields, error);
                save.dispatch(NewSupplier {
                    name: s.name,
                    country: s.country,
                    currency: s.currency.code().to_string(),
                    status: Some(s.status),
                });
            }
        }
    };

    view! {
        <form
            id="new-supplier"
            class="panel form-grid"
            aria-label="New supplier"
            on:submit=on_submit
            novalidate
        >
            <h2 class="span-all">"New supplier"</h2>
            <TextField id="supplier-name" label="Name" value=name errors=fields field="name" wide=true />
            <TextField
                id="supplier-country"
                label="Country"
                value=country
                errors=fields
                field="country"
                class="mono"
                placeholder="DE"
                hint="Two-letter ISO code"
            />
            <TextField
                id="supplier-currency"
                label="Currency"
                value=currency
                errors=fields
                field="currency"
                class="mono"
                hint="Quote currency, ISO 4217 (EUR, USD, …)"
            />
            {status_select("supplier-status", status)}
            <FormFooter submit="Create supplier" error=error pending=Signal::derive(move || save.pending().get()) on_cancel=on_cancel />
        </form>
    }
}
