//! `/users` (admins): the accounts and how sign-ins on each are throttled (issue 10). An
//! account whose sign-ins from unknown browsers must wait, or that has failed sign-ins
//! counted, says so and has an "Unlock" button (`POST /api/users/{id}/unlock`, audited),
//! which lifts the wait and clears the failures. Throttled accounts come first.

use leptos::prelude::*;

use crate::api::{self as client, AppError};
use crate::ui::{card_table, col, error_panel, loading, local_datetime, set_title};

#[component]
pub fn UsersPage() -> impl IntoView {
    set_title("Users");
    let reload = RwSignal::new(0u32);
    let users = LocalResource::new(move || {
        reload.track();
        client::users()
    });
    let unlock = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            let r = client::unlock_user(&id).await;
            if r.is_ok() {
                reload.update(|n| *n += 1);
            }
            r
        }
    });
    view! {
        <div class="page-head">
            <h1>"Users"</h1>
        </div>
        {move || {
            unlock
                .value()
                .get()
                .map(|r| match r {
                    Ok(u) => {
                        view! {
                            <p class="alert alert-ok" role="status">
                                {unlocked_notice(&u)}
                            </p>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {e.to_string()}
                            </p>
                        }
                            .into_any()
                    }
                })
        }}
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    let list = users.await?;
                    Ok::<
                        _,
                        AppError,
                    >(
                        view! {
                            <UsersView
                                users=list
                                on_unlock=Callback::new(move |id: String| {
                                    unlock.dispatch(id);
                                })
                                busy=Signal::derive(move || unlock.pending().get())
                            />
                        },
                    )
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// What the page says after an unlock.
pub fn unlocked_notice(u: &api::AccountUnlocked) -> String {
    match (u.was_locked, u.failures_cleared) {
        (_, 0) => format!("{} had no failed sign-ins to clear.", u.email),
        (true, n) => format!(
            "Unlocked {}: sign-ins no longer wait; {n} failed sign-ins cleared.",
            u.email
        ),
        (false, n) => format!("Cleared {n} failed sign-ins of {}.", u.email),
    }
}

/// How sign-ins on an account stand, in words.
pub fn sign_in_words(s: &api::SignInThrottle) -> String {
    match (&s.slowed_until, s.failures) {
        (Some(until), n) => format!(
            "Slowed: {n} failed sign-ins; new browsers wait until {}",
            local_datetime(until)
        ),
        (None, 0) => "Normal".to_string(),
        (None, 1) => "1 failed sign-in".to_string(),
        (None, n) => format!("{n} failed sign-ins"),
    }
}

/// The users table: throttled accounts first, each with an "Unlock" button that calls
/// `on_unlock` with the user's id.
#[component]
pub fn UsersView(
    users: Vec<api::User>,
    on_unlock: Callback<String>,
    #[prop(optional, into)] busy: Signal<bool>,
) -> impl IntoView {
    let mut users = users;
    users.sort_by_key(|u| {
        (
            u.sign_in.slowed_until.is_none(),
            u.sign_in.failures == 0,
            u.email.clone(),
        )
    });
    let throttled = users
        .iter()
        .filter(|u| u.sign_in.slowed_until.is_some())
        .count();
    let rows = users
        .into_iter()
        .map(|u| {
            let slowed = u.sign_in.slowed_until.is_some();
            let words = sign_in_words(&u.sign_in);
            let action = (slowed || u.sign_in.failures > 0).then(|| {
                let id = u.id.clone();
                let label = format!("Unlock {}", u.email);
                view! {
                    <button
                        class="btn btn-small"
                        type="button"
                        aria-label=label
                        disabled=move || busy.get()
                        on:click=move |_| on_unlock.run(id.clone())
                    >
                        "Unlock"
                    </button>
                }
            });
            view! {
                <tr class:row-warn=slowed data-user=u.id.clone()>
                    <td data-label="Name" class="wrap strong">
                        {u.name}
                    </td>
                    <td data-label="Email" class="wrap">
                        {u.email}
                    </td>
                    <td data-label="Role">{u.role.as_str()}</td>
                    <td data-label="Organization" class="wrap">
                        {u.organization_name}
                    </td>
                    <td data-label="Sign-in" class="wrap sign-in-state">
                        {words}
                    </td>
                    <td data-label="">{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted small" role="status">
            {match throttled {
                0 => "No account is slowed for sign-ins.".to_string(),
                1 => "1 account is slowed for sign-ins.".to_string(),
                n => format!("{n} accounts are slowed for sign-ins."),
            }}
            " Failed sign-ins are counted by each server process; an account's own browsers and networks are never slowed."
        </p>
        {card_table(
            "Users",
            vec![col("Name"), col("Email"), col("Role"), col("Organization"), col("Sign-in"), col("")],
            rows,
        )}
    }
}
