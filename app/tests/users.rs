//! The admin's users page mounted in a browser (issue 10): accounts whose sign-ins are
//! slowed come first and say until when, and "Unlock" calls back with the account's id
//! (the page sends `POST /api/users/{id}/unlock` with it).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use app::pages::users::{sign_in_words, unlocked_notice, UsersView};
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn user(id: &str, email: &str, failures: i64, until: Option<&str>) -> api::User {
    serde_json::from_value(json!({
        "id": id, "email": email, "name": format!("Name {id}"), "role": "buyer",
        "organization_name": "Acme Industrial", "supplier_id": null,
        "sign_in": {"failures": failures, "slowed_until": until}
    }))
    .unwrap()
}

#[wasm_bindgen_test]
async fn slowed_accounts_come_first_and_unlock_calls_back_with_their_id() {
    let users = vec![
        user("u1", "a@acme.example", 0, None),
        user("u2", "b@acme.example", 3, None),
        user("u3", "c@acme.example", 27, Some("2030-01-01T12:00:00Z")),
    ];
    let clicked = RwSignal::new(Vec::<String>::new());
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <UsersView
                users=users.clone()
                on_unlock=Callback::new(move |id: String| clicked.update(|c| c.push(id)))
            />
        }
    });
    tick().await;

    let row = |n: usize| -> web_sys::Element {
        host.query_selector(&format!("tbody tr:nth-child({n})"))
            .unwrap()
            .unwrap_or_else(|| panic!("no row {n}"))
    };
    let order: Vec<String> = (1..=3)
        .map(|n| row(n).get_attribute("data-user").unwrap())
        .collect();
    assert_eq!(order, ["u3", "u2", "u1"]);
    assert!(host
        .query_selector("tbody tr:nth-child(4)")
        .unwrap()
        .is_none());
    let text = host.text_content().unwrap();
    assert!(text.contains("1 account is slowed for sign-ins."), "{text}");
    assert!(
        text.contains("Slowed: 27 failed sign-ins; new browsers wait until"),
        "{text}"
    );
    assert!(text.contains("3 failed sign-ins"), "{text}");
    assert!(text.contains("Normal"), "{text}");

    // An account without failures has nothing to unlock.
    let has_button = |n: usize| row(n).query_selector("button").unwrap().is_some();
    assert_eq!(
        (has_button(1), has_button(2), has_button(3)),
        (true, true, false)
    );
    let unlock_c: web_sys::HtmlElement = host
        .query_selector("button[aria-label='Unlock c@acme.example']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    unlock_c.click();
    tick().await;
    assert_eq!(clicked.get_untracked(), ["u3"]);

    handle.forget();
    host.remove();
}

#[wasm_bindgen_test]
fn sign_in_state_and_unlock_read_in_words() {
    let s = |failures, until: Option<&str>| api::SignInThrottle {
        failures,
        slowed_until: until.map(str::to_string),
    };
    assert_eq!(sign_in_words(&s(0, None)), "Normal");
    assert_eq!(sign_in_words(&s(1, None)), "1 failed sign-in");
    assert!(sign_in_words(&s(25, Some("2030-01-01T12:00:00Z"))).contains("2030"));
    let u = |was_locked, failures_cleared| api::AccountUnlocked {
        user_id: "u".into(),
        email: "a@x.example".into(),
        was_locked,
        failures_cleared,
    };
    assert_eq!(
        unlocked_notice(&u(true, 25)),
        "Unlocked a@x.example: sign-ins no longer wait; 25 failed sign-ins cleared."
    );
    assert_eq!(
        unlocked_notice(&u(false, 0)),
        "a@x.example had no failed sign-ins to clear."
    );
}
