//! Who is signed in, shared through context, and the signed-in layout ([`Shell`]) that
//! sends a signed-out visitor to `/login?next=…` and brings them back afterwards.

use api::Me;
use domain::access::{authorize, Actor, Resource, Role, Verb};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::offline::{ConflictsPanel, SyncIndicator};
use crate::{api as client, storage, sync};

/// The session as the app knows it. `checked` turns true once `GET /api/me` answered.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
    pub checked: RwSignal<bool>,
    /// True after the person pressed "Sign out": the layout then goes to a plain
    /// `/login` instead of remembering where they were.
    pub left: RwSignal<bool>,
}

impl Session {
    /// Creates the session and asks the server who is signed in.
    pub fn start() -> Session {
        let session = Session {
            me: RwSignal::new(None),
            checked: RwSignal::new(false),
            left: RwSignal::new(false),
        };
        client::on_unauthenticated(move || session.me.set(None));
        leptos::task::spawn_local(async move {
            if let Ok(me) = client::me().await {
                session.me.set(Some(me));
            }
            session.checked.set(true);
        });
        session
    }

    /// Records a successful sign-in (login or accepted invitation).
    pub fn signed_in(&self, me: Me) {
        self.left.set(false);
        self.me.set(Some(me));
        self.checked.set(true);
    }
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The signed-in person (below [`Shell`]; `None` only while signing out).
pub fn use_me() -> Option<Me> {
    use_context::<Me>().or_else(|| use_session().me.get_untracked())
}

/// Whether the signed-in person sees the buying side's view (parts, RFQ lists with the
/// field of bidders, the comparison): `authorize` on `BuyerView`, as the server decides.
pub fn use_internal() -> bool {
    use_actor().is_some_and(|a| sees_buyer_view(&a))
}

/// `domain::access::authorize` on [`Resource::BuyerView`].
pub fn sees_buyer_view(actor: &Actor) -> bool {
    authorize(actor, Verb::Read, Resource::BuyerView).is_ok()
}

/// The signed-in person as `domain::access` judges them.
pub fn use_actor() -> Option<Actor> {
    use_me().map(|me| Actor {
        user_id: me.user_id,
        role: me.role,
        supplier_id: me.supplier_id,
        scopes: None,
    })
}

/// Whether the signed-in person may write `resource` (the server decides; this only
/// hides buttons that would be refused).
pub fn may_write(resource: Resource<'_>) -> bool {
    use_actor().is_some_and(|actor| authorize(&actor, Verb::Write, resource).is_ok())
}

/// What the signed-in person may do to this RFQ now: `domain::rfq::actions`, the rule
/// every handler checks, judged on the status the server sent (its clock decides when
/// an open RFQ closed).
pub fn rfq_actions(detail: &api::RfqDetail) -> Vec<domain::rfq::Action> {
    let Some(status) = domain::rfq::Status::parse(&detail.summary.status) else {
        return Vec::new();
    };
    let invited: Vec<String> = detail
        .invited
        .iter()
        .map(|i| i.supplier_id.clone())
        .collect();
    use_actor().map_or_else(Vec::new, |actor| {
        domain::rfq::actions(&actor, &invited, status, detail.bids_opened_at.is_some())
    })
}

/// A `next` value from the URL is followed only if it is a path on this site.
pub fn safe_next(next: Option<String>) -> String {
    match next {
        // `//host` and `/\host` would leave the site; browsers read `\` as `/`.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.starts_with("/login") =>
        {
            n
        }
        _ => "/".to_string(),
    }
}

/// Layout of every signed-in page: header with the person and "Sign out", navigation by
/// role, and the page in `<main>`.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    move || {
        if !session.checked.get() {
            return view! { <div class="boot" aria-busy="true">"Loading Bidwell…"</div> }
                .into_any();
        }
        match session.me.get() {
            None => {
                // The router's `search` comes without its leading `?`.
                let search = location.search.get_untracked();
                let here = if search.is_empty() {
                    location.pathname.get_untracked()
                } else {
                    format!(
                        "{}?{}",
                        location.pathname.get_untracked(),
                        search.trim_start_matches('?')
                    )
                };
                let to = if session.left.get_untracked() || here == "/" {
                    "/login".to_string()
                } else {
                    format!("/login?next={}", js_sys::encode_uri_component(&here))
                };
                view! { <Redirect path=to options=NavigateOptions { replace: true, ..Default::default() } /> }
                    .into_any()
            }
            Some(me) => view! { <Layout me=me /> }.into_any(),
        }
    }
}

#[component]
fn Layout(me: Me) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    provide_context(me.clone());
    let internal = sees_buyer_view(&Actor {
        user_id: me.user_id.clone(),
        role: me.role,
        supplier_id: me.supplier_id.clone(),
        scopes: None,
    });
    let role = match me.role {
        Role::Buyer => "Buyer",
        Role::Approver => "Approver",
        Role::Admin => "Admin",
        Role::Supplier => "Supplier",
    };

    sync::start(&me.user_id);
    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // Unsent changes would be lost with the rest of this person's data: ask first.
            let unsent = sync::outbox().await.len();
            if unsent > 0 {
                let question = format!(
                    "{unsent} change(s) made on this device are not on the server yet and will be lost. Sign out anyway?"
                );
                let sure = web_sys::window()
                    .and_then(|w| w.confirm_with_message(&question).ok())
                    .unwrap_or(false);
                if !sure {
                    return;
                }
            }
            // Whatever the server says, this device forgets the person and their data.
            let _ = client::logout().await;
            sync::stop();
            let _ = storage::clear_user_data().await;
            session.left.set(true);
            navigate("/login", NavigateOptions::default());
            session.me.set(None);
        }
    });

    view! {
        <div class="app">
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="topbar">
                <div class="topbar-row">
                    <a class="brand" href="/" aria-label="Bidwell home">
                        <img src="/icon.svg" alt="" width="24" height="24" />
                        <span>"Bidwell"</span>
                    </a>
                    <nav class="mainnav" aria-label="Main">
                        <A href="/rfqs">"RFQs"</A>
                        {internal
                            .then(|| {
                                view! {
                                    <A href="/parts">"Parts"</A>
                                    <A href="/suppliers">"Suppliers"</A>
                                }
                            })}
                        {may_write(Resource::Users).then(|| view! { <A href="/users">"Users"</A> })}
                    </nav>
                    <SyncIndicator />
                    <div class="who">
                        <span class="who-name">{me.name.clone()}</span>
                        <span class="who-org">
                            {me.organization_name.clone()} " · " {role}
                        </span>
                    </div>
                    <button
                        class="btn btn-quiet"
                        type="button"
                        disabled=move || sign_out.pending().get()
                        on:click=move |_| {
                            sign_out.dispatch(());
                        }
                    >
                        "Sign out"
                    </button>
                </div>
            </header>
            <main id="main" class="content">
                <ConflictsPanel />
                <Outlet />
            </main>
        </div>
    }
}
