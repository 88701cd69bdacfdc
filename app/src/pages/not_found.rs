//! The view for any path no route matches.

use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    crate::ui::set_title("Page not found");
    view! {
        <div class="auth-page">
            <main class="auth-card">
                <div class="auth-brand">
                    <img src="/icon.svg" alt="" width="40" height="40" />
                    <span>"Bidwell"</span>
                </div>
                <h1>"Page not found"</h1>
                <p class="muted">
                    "There is nothing at this address. The link may be mistyped or out of date."
                </p>
                <a class="btn btn-primary" href="/">
                    "Go to the start page"
                </a>
            </main>
        </div>
    }
}
