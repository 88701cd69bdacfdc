//! Bidwell's browser app: a Leptos 0.8 client-side app built by Trunk (`Trunk.toml`,
//! `app/index.html`).
//!
//! Code map:
//! - [`api`]: the one typed client for the HTTP API (cookie session, CSRF header,
//!   errors as [`api::AppError`]).
//! - [`storage`]: the one module over the browser's IndexedDB (cache, drafts, outbox).
//! - [`offline`]: online/offline state, the read-through cache behind [`api`], the
//!   header's sync indicator and the conflicts panel; [`sync`]: the outbox replay
//!   (`POST /api/sync`) and the incremental pull (`GET /api/changes`).
//! - `public/sw.js`: the service worker keeping the app shell for offline starts.
//! - [`session`]: who is signed in, shared through context; sign-in/out.
//! - [`ui`]: small shared view pieces (error panels, field errors, dates, badges).
//! - [`pages`]: one module per screen; routes are declared in [`App`].
//! - [`upload`]: the page's side of the quote-extraction worker (`extract-worker/`).
//!
//! Build and test (see `Trunk.toml`; `CARGO_TARGET_DIR` as you like):
//! - `TRUNK_SKIP_VERSION_CHECK=true trunk build` → `dist/` (dev, no wasm-opt);
//! - `PATH=$PWD/.tools/node_modules/.bin:$PATH trunk build --release` → cargo profile
//!   `wasm-release` + `wasm-opt -Oz` (binaryen 132 from npm, pinned in `Trunk.toml`);
//! - `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p app --target wasm32-unknown-unknown`
//!   runs `app/tests/` in headless Chromium (storage against a real IndexedDB).
//!
//! Components stay thin: rules (validation, access) come from the `domain` crate, which
//! the server runs too, so the browser says what the server would.

pub mod api;
pub mod offline;
pub mod pages;
pub mod session;
pub mod storage;
pub mod sync;
pub mod ui;
pub mod upload;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::pages::{
    home::Home, invite::InvitePage, login::LoginPage, not_found::NotFound, part_detail::PartDetail,
    parts::PartsPage, rfqs::RfqDetailPage, rfqs::RfqsPage, supplier_detail::SupplierDetail,
    suppliers::SuppliersPage,
};
use crate::session::{Session, Shell};

/// The whole app: session context and routes (see the UI contract in
/// `docs/contract.md`).
#[component]
pub fn App() -> impl IntoView {
    let session = Session::start();
    provide_context(session);

    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/invite/:token") view=InvitePage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Home />
                    <Route path=path!("rfqs") view=RfqsPage />
                    <Route path=path!("rfqs/new") view=crate::pages::rfq_new::NewRfqPage />
                    <Route path=path!("rfqs/:id") view=RfqDetailPage />
                    <Route
                        path=path!("rfqs/:id/compare")
                        view=crate::pages::compare::ComparePage
                    />
                    <Route
                        path=path!("rfqs/:id/quotes/:supplier_id")
                        view=crate::pages::quote_view::SupplierQuotePage
                    />
                    <Route path=path!("parts") view=PartsPage />
                    <Route path=path!("parts/:id") view=PartDetail />
                    <Route path=path!("suppliers") view=SuppliersPage />
                    <Route path=path!("suppliers/:id") view=SupplierDetail />
                    <Route path=path!("users") view=crate::pages::users::UsersPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Entry point called by the binary: installs the panic hook and mounts [`App`].
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
