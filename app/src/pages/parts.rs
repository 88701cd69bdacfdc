//! `/parts`: search, a status filter, "New part", import from CSV/XLSX and export to
//! CSV (the list-page shape shared with suppliers, [`crate::ui::ListPage`]). The part
//! itself is [`crate::pages::part_detail`].

use api::{NewPart, Part};
use domain::access::Resource;
use domain::validate::FieldErrors;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{self as client, AppError};
use crate::session::{may_write, use_internal};
use crate::ui::{
    card_table, check_fields, col, created_notice, filter_select, loaded, on_created, show_error,
    staff_only, status_badge, FieldMap, FormFooter, ListPage, TextField,
};

/// What a part's revisions say about it, for the list's filter and badge: `released`
/// when one revision is released, else `draft` when one is a draft, else `obsolete`.
pub fn part_status(p: &Part) -> &'static str {
    let has = |s: &str| p.revisions.iter().any(|r| r.status == s);
    if has("released") {
        "released"
    } else if has("draft") {
        "draft"
    } else {
        "obsolete"
    }
}

#[component]
pub fn PartsPage() -> AnyView {
    if !use_internal() {
        return staff_only();
    }
    // `?q=` pre-fills the search; `?new=NUMBER` opens "New part" with that number (links
    // from a re-quote's unmatched lines).
    let query = use_query_map();
    let q = RwSignal::new(query.with_untracked(|m| m.get("q")).unwrap_or_default());
    let new_number = query.with_untracked(|m| m.get("new")).unwrap_or_default();
    let status = RwSignal::new(String::new());
    let parts = LocalResource::new(move || {
        let q = q.get();
        async move { client::parts(&q).await }
    });
    let open = RwSignal::new(!new_number.is_empty());
    let created = RwSignal::new(None::<Part>);

    view! {
        <ListPage
            title="Parts"
            what="parts"
            import_columns="Part number, Name, Description, Unit, Revision"
            new_label="New part"
            can_write=may_write(Resource::Parts)
            open=open
            q=q
            search_label="Search parts"
            placeholder="Search by number or name"
            notice=move || {
                created
                    .get()
                    .map(|p| created_notice("Part ", format!("/parts/{}", p.id), p.number, " created."))
            }
            form=move || {
                view! {
                    <NewPartForm
                        number=new_number.clone()
                        on_done=on_created(open, created, move || parts.refetch())
                        on_cancel=Callback::new(move |_| open.set(false))
                    />
                }
            }
            filters=move || {
                filter_select(
                    "Status",
                    "Part status",
                    status,
                    &[
                        ("", "Any status"),
                        ("released", "Released"),
                        ("draft", "Draft only"),
                        ("obsolete", "Obsolete only"),
                    ],
                )
            }
            on_imported=Callback::new(move |_| parts.refetch())
        >
            {loaded(
                parts,
                move |list: Vec<Part>| {
                    let want = status.get();
                    parts_table(
                        list.into_iter().filter(|p| want.is_empty() || part_status(p) == want).collect(),
                    )
                },
            )}
        </ListPage>
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
            let status = part_status(&p);
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
                    <td data-label="Status">{status_badge(status.to_string())}</td>
                    <td data-label="Revisions" class="mono">
                        {revs}
                    </td>
                    <td data-label="Unit">{domain::terms::unit_label(&p.uom)}</td>
                    <td data-label="Description" class="wrap muted">
                        {p.description}
                    </td>
                </tr>
            }
        })
        .collect_view();
    card_table(
        "Parts",
        vec![
            col("Number"),
            col("Name"),
            col("Status"),
            col("Revisions"),
            col("Unit"),
            col("Description"),
        ],
        rows,
    )
}

#[component]
fn NewPartForm(number: String, on_done: Callback<Part>, on_cancel: Callback<()>) -> impl IntoView {
    let number = RwSignal::new(number);
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
                Err(e) => show_error(e, fields, error),
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The server's own check (`domain::part::check`).
        let (n, na, d, u, r) = (
            number.get_untracked(),
            name.get_untracked(),
            description.get_untracked(),
            uom.get_untracked(),
            revision.get_untracked(),
        );
        let checked = domain::part::check(&domain::part::PartInput {
            number: &n,
            name: &na,
            description: &d,
            uom: Some(&u),
            revision: Some(&r),
        });
        match checked {
            Err(errors) => {
                check_fields(errors, fields, error);
            }
            Ok(p) => {
                check_fields(FieldErrors::new(), fields, error);
                save.dispatch(NewPart {
                    number: p.number,
                    name: p.name,
                    description: p.description,
                    uom: Some(p.uom),
                    revision: Some(p.revision),
                });
            }
        }
    };

    view! {
        <form
            id="new-part"
            class="panel form-grid"
            aria-label="New part"
            on:submit=on_submit
            novalidate
        >
            <h2 class="span-all">"New part"</h2>
            <TextField id="part-number" label="Number" value=number errors=fields field="number" class="mono" />
            <TextField id="part-name" label="Name" value=name errors=fields field="name" />
            <TextField
                id="part-description"
                label="Description"
                value=description
                errors=fields
                field="description"
                wide=true
            />
            <TextField
                id="part-uom"
                label="Unit"
                value=uom
                errors=fields
                field="uom"
                class="mono"
                hint="UN/ECE code: H87 piece, KGM kilogram, MTR metre"
            />
            <TextField
                id="part-revision"
                label="First revision"
                value=revision
                errors=fields
                field="revision"
                class="mono"
            />
            <FormFooter submit="Create part" error=error pending=Signal::derive(move || save.pending().get()) on_cancel=on_cancel />
        </form>
    }
}
