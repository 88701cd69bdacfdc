//! `/login`: e-mail and password; returns to `?next=` afterwards.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{self as client, AppError};
use crate::session::{safe_next, use_session};
use crate::ui::{form_alert, set_title};

#[component]
pub fn LoginPage() -> impl IntoView {
    set_title("Sign in");
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || safe_next(query.with_untracked(|q| q.get("next")));

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);

    // Someone already signed in has nothing to do here.
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            if session.checked.get() && session.me.with(Option::is_some) {
                navigate(
                    &next(),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        });
    }

    let sign_in = Action::new_local(move |(e, p): &(String, String)| {
        let (e, p) = (e.clone(), p.clone());
        async move {
            match client::login(&e, &p).await {
                Ok(me) => {
                    error.set(None);
                    session.signed_in(me);
                }
                Err(err) => {
                    password.set(String::new());
                    error.set(Some(err));
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (email.get_untracked(), password.get_untracked());
        if e.trim().is_empty() || p.is_empty() {
            error.set(Some(AppError::new(
                "validation",
                "Enter your e-mail address and your password.",
            )));
            return;
        }
        sign_in.dispatch((e, p));
    };

    view! {
        <div class="auth-page">
            <main class="auth-card">
                <div class="auth-brand">
                    <img src="/icon.svg" alt="" width="40" height="40" />
                    <span>"Bidwell"</span>
                </div>
                <h1>"Sign in"</h1>
                <p class="muted">"The sourcing workspace for buyers and their suppliers."</p>
                <form on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="login-email">"Email"</label>
                        <input
                            id="login-email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            autofocus
                            required
                            bind:value=email
                        />
                    </div>
                    <div class="field">
                        <label for="login-password">"Password"</label>
                        <input
                            id="login-password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            bind:value=password
                        />
                    </div>
                    {form_alert(error)}
                    <button
                        class="btn btn-primary btn-block"
                        type="submit"
                        disabled=move || sign_in.pending().get()
                    >
                        {move || if sign_in.pending().get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </form>
                <p class="muted small">
                    "Suppliers: use the invitation link your buyer sent you to create your account."
                </p>
            </main>
        </div>
    }
}
