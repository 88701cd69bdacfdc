//! The app's offline state and its read-through cache.
//!
//! - [`state`]: app-wide signals — online/offline, syncing, pending changes, problems
//!   (conflicts and rejections the person must decide on), and the fetched-at time of
//!   the cached copy the page is showing (set when the network failed and an answer
//!   came from IndexedDB).
//! - [`store`] / [`load`]: what [`crate::api`] calls around every cached GET: a good
//!   answer is stored as record `(kind, id)` with its fetched-at time; when the server
//!   cannot be reached the last stored answer is used instead.
//! - [`SyncIndicator`]: the header's "Online · 2 pending" status with "Sync now".
//! - [`ConflictsPanel`]: each conflict or rejection, with both versions and the choice.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::storage::Storage;
use crate::sync::{self, Problem};

/// App-wide offline signals (created once, never disposed).
#[derive(Clone, Copy)]
pub struct OfflineState {
    pub online: RwSignal<bool>,
    pub syncing: RwSignal<bool>,
    /// Outbox entries still waiting to be sent.
    pub pending: RwSignal<usize>,
    /// Outbox entries the server answered with a conflict or a rejection.
    pub problems: RwSignal<Vec<Problem>>,
    /// `Some(HH:MM)`: the page shows a cached copy fetched at that local time.
    pub copy_from: RwSignal<Option<String>>,
    /// The last sync's outcome for a person ("Synced 3 changes", an error).
    pub last: RwSignal<Option<String>>,
}

thread_local! {
    // The owner lives as long as the page (kept here), so the signals are never disposed
    // whichever component first asks for them.
    static STATE: (Owner, OfflineState) = {
        let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
        // `new_root` makes itself the current owner: put the caller's back afterwards.
        let caller = Owner::current();
        let owner = Owner::new_root(None);
        let state = owner.with(|| OfflineState {
            online: RwSignal::new(online),
            syncing: RwSignal::new(false),
            pending: RwSignal::new(0),
            problems: RwSignal::new(Vec::new()),
            copy_from: RwSignal::new(None),
            last: RwSignal::new(None),
        });
        match caller {
            Some(c) => c.set(),
            None => Owner::unset(owner.clone()),
        }
        (owner, state)
    };
}

/// The offline signals.
pub fn state() -> OfflineState {
    STATE.with(|s| s.1)
}

/// Stores a fetched answer as record `(kind, id)`; failures only cost the offline copy.
pub async fn store<T: Serialize>(kind: &str, id: &str, value: &T) {
    if let Ok(db) = Storage::open().await {
        let _ = db.put_record(kind, id, value).await;
    }
    let st = state();
    // An answer that arrives just after the browser went offline must not flip the
    // status back to "Online": only the browser's own `online` event does that.
    st.online.set(browser_online());
    st.copy_from.set(None);
}

/// Whether the browser believes it has a network (`navigator.onLine`).
pub fn browser_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// The cached answer `(kind, id)`, marking the page as showing an offline copy.
pub async fn load<T: DeserializeOwned>(kind: &str, id: &str) -> Option<T> {
    let db = Storage::open().await.ok()?;
    let cached = db.get_record::<T>(kind, id).await.ok()??;
    let st = state();
    st.online.set(false);
    st.copy_from.set(Some(local_hhmm(&cached.fetched_at)));
    Some(cached.value)
}

/// `10:42` in the device's time zone for an RFC 3339 time.
pub fn local_hhmm(rfc3339: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_string();
    }
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Header status: "Online", "Offline · 2 pending", "Syncing…", with "Sync now".
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let st = state();
    let text = move || {
        let mut s = if st.syncing.get() {
            "Syncing…".to_string()
        } else if st.online.get() {
            "Online".to_string()
        } else {
            "Offline".to_string()
        };
        let n = st.pending.get();
        if n > 0 {
            s.push_str(&format!(" · {n} pending"));
        }
        let p = st.problems.with(|p| p.len());
        if p > 0 {
            s.push_str(&format!(" · {p} to resolve"));
        }
        s
    };
    let class = move || {
        if st.syncing.get() {
            "sync-status sync-busy"
        } else if st.online.get() {
            "sync-status sync-online"
        } else {
            "sync-status sync-offline"
        }
    };
    view! {
        <div class="sync">
            <span class=class role="status" aria-label="Sync status" data-testid="sync-status">
                {text}
            </span>
            <button
                class="btn btn-quiet btn-small"
                type="button"
                disabled=move || st.syncing.get()
                on:click=move |_| sync::sync_soon()
            >
                "Sync now"
            </button>
            {move || {
                st.copy_from
                    .get()
                    .map(|t| {
                        view! {
                            <p class="offline-copy" role="note" aria-label="Offline copy">
                                {format!("Offline copy from {t}")}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Conflicts and rejections from the last syncs, each with both versions and a choice.
/// Nothing leaves the outbox without the person deciding.
#[component]
pub fn ConflictsPanel() -> impl IntoView {
    let st = state();
    move || {
        let problems = st.problems.get();
        if problems.is_empty() {
            return None;
        }
        let items = problems
            .into_iter()
            .map(|p| {
                let id_keep = p.op_id.clone();
                let id_drop = p.op_id.clone();
                let can_keep = p.server.is_some() && p.status == "conflict";
                let drop_label = if p.status == "conflict" {
                    "Take theirs"
                } else {
                    "Discard mine"
                };
                view! {
                    <li class="conflict">
                        <p class="conflict-title">
                            <strong>{p.summary.clone()}</strong>
                            " — "
                            {if p.status == "conflict" { "changed on the server meanwhile" } else { "refused by the server" }}
                        </p>
                        {p.message.clone().map(|m| view! { <p class="conflict-message" role="alert">{m}</p> })}
                        <div class="conflict-versions">
                            <div>
                                <h3>"Mine"</h3>
                                {version_view(&p.mine, "Mine")}
                            </div>
                            {p.server.clone().map(|s| view! {
                                <div>
                                    <h3>"Server's"</h3>
                                    {version_view(&s, "Server's")}
                                </div>
                            })}
                        </div>
                        <div class="actions">
                            {can_keep.then(|| view! {
                                <button class="btn" type="button"
                                    on:click=move |_| sync::resolve_keep_mine(id_keep.clone())>"Keep mine"</button>
                            })}
                            <button class="btn" type="button"
                                on:click=move |_| sync::resolve_drop(id_drop.clone())>{drop_label}</button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="panel conflicts" aria-label="Conflicts">
                <h2>"Changes that need you"</h2>
                <ul class="plain">{items}</ul>
            </section>
        })
    }
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// One side of a conflict: a readable summary (list named "Mine" / "Server's") when the
/// record is a quote, and the full record under "Full record".
fn version_view(v: &serde_json::Value, name: &'static str) -> impl IntoView {
    let lines = summary(v);
    view! {
        {(!lines.is_empty())
            .then(|| {
                view! {
                    <ul class="plain conflict-summary" aria-label=name>
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                }
            })}
        <details>
            <summary>"Full record"</summary>
            <pre class="mono">{pretty(v)}</pre>
        </details>
    }
}

/// A quote as a person compares it: version and time (a stored version), terms, and
/// each line's breaks ("Line 1: 500 @ 0.58 · 2000 @ 0.6"). Empty for other records.
pub fn summary(v: &serde_json::Value) -> Vec<String> {
    use domain::quote::Quote;
    let mut out = Vec::new();
    // A stored version `{receipt, quote}`, an op payload `{rfq_id, quote}`, or a quote.
    let quote_value = if v.get("header").is_some() {
        Some(v)
    } else {
        v.get("quote").filter(|q| !q.is_null())
    };
    let Some(q) = quote_value.and_then(|q| serde_json::from_value::<Quote>(q.clone()).ok()) else {
        return out;
    };
    if let Some(r) = v.get("receipt") {
        let version = r.get("version").and_then(|x| x.as_i64()).unwrap_or(0);
        let at = r
            .get("received_at")
            .and_then(|x| x.as_str())
            .map(crate::ui::local_datetime)
            .unwrap_or_default();
        out.push(format!("Version {version}, received {at}"));
    } else if let Some(b) = v.get("base_version").and_then(|x| x.as_i64()) {
        out.push(format!("Made on this device from version {b}"));
    }
    let h = &q.header;
    let mut terms = vec![h.currency.code().to_string()];
    if let Some(i) = &h.incoterm {
        terms.push(
            format!("{i} {}", h.incoterm_place.clone().unwrap_or_default())
                .trim()
                .to_string(),
        );
    }
    if !h.payment_terms.text.is_empty() {
        terms.push(h.payment_terms.text.clone());
    }
    out.push(terms.join(" · "));
    for (i, l) in q.lines.iter().enumerate() {
        let body = if l.no_bid {
            format!(
                "no bid{}",
                l.no_bid_reason
                    .as_ref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            )
        } else {
            l.breaks
                .iter()
                .map(|b| format!("{} @ {}", b.min_qty.normalize(), b.price.normalize()))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        out.push(format!("Line {}: {body}", i + 1));
    }
    out
}

/// How long a cached record no pin keeps may stay on the device.
pub const UNPINNED_DAYS: f64 = 14.0;

/// Drops cached records older than [`UNPINNED_DAYS`] that no "Make available offline"
/// pin keeps (called when a signed-in session starts).
#[allow(clippy::float_arithmetic)] // milliseconds of a JS date, not money
pub async fn evict_stale() {
    let cutoff = js_sys::Date::new(&JsValue::from_f64(
        js_sys::Date::now() - UNPINNED_DAYS * 86_400_000.0,
    ));
    let cutoff = String::from(cutoff.to_iso_string());
    if let Ok(db) = Storage::open().await {
        let _ = db.evict_unpinned(&cutoff).await;
    }
}

/// "Make available offline" on an RFQ: fetches and keeps everything the RFQ's pages
/// need (see [`crate::api::fetch_for_offline`]), shows "Available offline · HH:MM"
/// with "Refresh" and "Remove". `supplier_id` is the signed-in supplier's own id on
/// the supplier's page, `None` on the buyer's.
#[component]
pub fn MakeAvailableOffline(
    rfq_id: String,
    label: String,
    #[prop(optional, into)] supplier_id: Option<String>,
) -> impl IntoView {
    let rfq_id = StoredValue::new(rfq_id);
    let label = StoredValue::new(label);
    let supplier_id = StoredValue::new(supplier_id);
    // `Some(HH:MM)` when pinned.
    let pinned = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Ok(db) = Storage::open().await {
            if let Ok(Some(p)) = db.get_pin(&rfq_id.get_value()).await {
                pinned.set(Some(local_hhmm(&p.fetched_at)));
            }
        }
    });
    let keep = Action::new_local(move |_: &()| async move {
        let id = rfq_id.get_value();
        let sid = supplier_id.get_value();
        match crate::api::fetch_for_offline(&id, sid.as_deref()).await {
            Ok(keys) => {
                let pin = crate::storage::Pin {
                    rfq_id: id.clone(),
                    label: label.get_value(),
                    keys,
                };
                match Storage::open().await {
                    Ok(db) => match db.put_pin(&pin).await {
                        Ok(()) => {
                            pinned.set(Some(local_hhmm(&crate::storage::now_rfc3339())));
                            message.set(None);
                        }
                        Err(e) => message.set(Some(format!("Could not keep it offline: {e}"))),
                    },
                    Err(e) => message.set(Some(format!("Could not keep it offline: {e}"))),
                }
            }
            Err(e) if e.is_network() => message.set(Some(
                "You are offline: connect to make this RFQ available offline.".into(),
            )),
            Err(e) => message.set(Some(e.message().to_string())),
        }
    });
    let remove = Action::new_local(move |_: &()| async move {
        if let Ok(db) = Storage::open().await {
            match db.remove_pin(&rfq_id.get_value()).await {
                Ok(()) => {
                    pinned.set(None);
                    message.set(None);
                }
                Err(e) => message.set(Some(format!("Could not remove the offline copy: {e}"))),
            }
        }
    });
    let busy = move || keep.pending().get() || remove.pending().get();
    view! {
        <div class="offline-pin" role="group" aria-label="Offline copy of this RFQ">
            {move || match pinned.get() {
                Some(t) => {
                    view! {
                        <span class="badge badge-offline" data-testid="offline-pin-state">
                            {format!("Available offline · {t}")}
                        </span>
                        <button
                            class="btn btn-quiet btn-small"
                            type="button"
                            disabled=busy
                            on:click=move |_| {
                                keep.dispatch(());
                            }
                        >
                            "Refresh offline copy"
                        </button>
                        <button
                            class="btn btn-quiet btn-small"
                            type="button"
                            disabled=busy
                            on:click=move |_| {
                                remove.dispatch(());
                            }
                        >
                            "Remove offline copy"
                        </button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button
                            class="btn btn-small"
                            type="button"
                            disabled=busy
                            on:click=move |_| {
                                keep.dispatch(());
                            }
                        >
                            {move || {
                                if keep.pending().get() {
                                    "Saving for offline…"
                                } else {
                                    "Make available offline"
                                }
                            }}
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || message.get().map(|m| view! { <span class="muted small" role="alert">{m}</span> })}
        </div>
    }
}
