//! `/invite/{token}`: a supplier contact turns a single-use invitation link into an
//! account and lands on the supplier portal.

use api::{AcceptInvitation, InvitationInfo};
use domain::validate::{self, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::api::{self as client, AppError};
use crate::session::use_session;
use crate::ui::{error_panel, field_error, form_alert, invalid, loading, local_datetime, FieldMap};

#[component]
pub fn InvitePage() -> impl IntoView {
    crate::ui::set_title("Invitation");
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let info = LocalResource::new(move || {
        let t = token();
        async move { client::invitation(&t).await }
    });

    view! {
        <div class="auth-page">
            <main class="auth-card">
                <div class="auth-brand">
                    <img src="/icon.svg" alt="" width="40" height="40" />
                    <span>"Bidwell"</span>
                </div>
                <Transition fallback=loading>
                    <ErrorBoundary fallback=error_panel>
                        {move || Suspend::new(async move {
                            match info.await {
                                Ok(i) => Ok::<_, AppError>(view! { <AcceptForm token=token() info=i /> }.into_any()),
                                Err(e) if e.is_network() => Err(e),
                                Err(e) => Ok(unusable(e).into_any()),
                            }
                        })}
                    </ErrorBoundary>
                </Transition>
            </main>
        </div>
    }
}

/// An expired, used or unknown link: say which, and what to do.
fn unusable(e: AppError) -> impl IntoView {
    let title = match e.code() {
        "invitation_expired" => "This invitation has expired",
        "invitation_used" => "This invitation has already been used",
        _ => "This invitation link is not valid",
    };
    let advice = if e.code() == "invitation_used" {
        "If you created your account with it, sign in with your e-mail and password."
    } else {
        "Ask your contact at the buying company to send you a new link."
    };
    view! {
        <h1>{title}</h1>
        <p class="alert alert-error" role="alert">
            {e.message().to_string()}
        </p>
        <p class="muted">{advice}</p>
        <a class="btn" href="/login">
            "Go to sign in"
        </a>
    }
}

#[component]
fn AcceptForm(token: String, info: InvitationInfo) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let name = RwSignal::new(info.name.clone());
    let password = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);

    let accept = Action::new_local(move |(token, body): &(String, AcceptInvitation)| {
        let (token, body) = (token.clone(), body.clone());
        let navigate = navigate.clone();
        async move {
            match client::accept_invitation(&token, &body).await {
                Ok(me) => {
                    session.signed_in(me);
                    navigate(
                        "/",
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
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
        validate::password(&mut errors, "password", &password.get_untracked());
        if password.get_untracked() != repeat.get_untracked() {
            errors.add("repeat", "the two passwords differ");
        }
        error.set(None);
        if !errors.is_empty() {
            fields.set(errors.0);
            return;
        }
        fields.set(FieldMap::new());
        accept.dispatch((
            token.clone(),
            AcceptInvitation {
                name: name.get_untracked().trim().to_string(),
                password: password.get_untracked(),
            },
        ));
    };

    view! {
        <h1>"Create your account"</h1>
        <p>
            "You are invited to quote for " <strong class="invite-supplier">{info.supplier_name.clone()}</strong>
            " as " <strong class="invite-email">{info.email.clone()}</strong> "."
        </p>
        <p class="muted small">"This link is valid until " {local_datetime(&info.expires_at)} "."</p>
        <form on:submit=on_submit novalidate>
            <div class="field">
                <label for="invite-your-name">"Your name"</label>
                <input
                    id="invite-your-name"
                    autocomplete="name"
                    bind:value=name
                    aria-invalid=invalid(fields, "name")
                    aria-describedby="name-error"
                />
                {field_error(fields, "name")}
            </div>
            <input type="email" class="sr-only" tabindex="-1" aria-hidden="true" autocomplete="username" value=info.email.clone() readonly />
            <div class="field">
                <label for="invite-password">"Password"</label>
                <input
                    id="invite-password"
                    type="password"
                    autocomplete="new-password"
                    bind:value=password
                    aria-invalid=invalid(fields, "password")
                    aria-describedby="password-hint password-error"
                />
                <p class="hint" id="password-hint">
                    {format!("At least {} characters.", validate::MIN_PASSWORD_LEN)}
                </p>
                {field_error(fields, "password")}
            </div>
            <div class="field">
                <label for="invite-repeat">"Repeat password"</label>
                <input
                    id="invite-repeat"
                    type="password"
                    autocomplete="new-password"
                    bind:value=repeat
                    aria-invalid=invalid(fields, "repeat")
                    aria-describedby="repeat-error"
                />
                {field_error(fields, "repeat")}
            </div>
            {form_alert(error)}
            <button class="btn btn-primary btn-block" type="submit" disabled=move || accept.pending().get()>
                "Create account"
            </button>
        </form>
    }
}
