//! Outbox and sync: writes that may be made offline are queued in IndexedDB (through
//! [`crate::storage`]) with a client-generated op id and replayed in order through
//! `POST /api/sync` (see docs/contract.md, "Offline sync").
//!
//! Guarantees:
//! - An op leaves the outbox only when the server answered `applied` or `duplicate`
//!   (a retry after a lost answer reuses the same op id, so the server applies it once).
//! - `conflict` and `rejected` ops stay, marked, and are shown ([`crate::offline::ConflictsPanel`])
//!   until the person keeps theirs (a new op based on the server's version) or drops it.
//! - Replays run when the browser comes back online, every 30 s, and on "Sync now";
//!   one at a time.
//! - Pull is incremental: `GET /api/changes?since=cursor` (cursor per user in IndexedDB),
//!   refetching only the named entities this device has cached.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use api::{SyncOp, SyncRequest, SyncResult};
use leptos::prelude::{GetUntracked, Set};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::api::{self as client, kinds};
use crate::offline::state;
use crate::storage::{OutboxEntry, Storage};

/// A supplier's own quote (`{rfq_id, base_version, quote}`).
pub const QUOTE_SUBMIT: &str = "quote.submit";
/// A quote a buyer captured on a supplier's behalf.
pub const ENTER_FOR_SUPPLIER: &str = "quote.enter_for_supplier";
/// A buyer's visit note with photos.
pub const VISIT_NOTE: &str = "visit_note.create";
/// Most ops per request (contract).
pub const BATCH: usize = api::SYNC_MAX_OPS;

/// What the outbox holds for one op.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    /// One of [`QUOTE_SUBMIT`], [`ENTER_FOR_SUPPLIER`], [`VISIT_NOTE`].
    pub kind: String,
    /// Whose change it is; only the signed-in person's ops are sent.
    pub user_id: String,
    /// A line for a person ("Visit note for Northwind Metal Works").
    pub summary: String,
    pub payload: Value,
    /// `pending`, `conflict` or `rejected`.
    #[serde(default = "pending")]
    pub state: String,
    /// The server's answer for a conflict or rejection.
    #[serde(default)]
    pub result: Option<SyncResult>,
    /// The form draft this op was made from; deleted once the server applied the op.
    #[serde(default)]
    pub draft: Option<String>,
}

fn pending() -> String {
    "pending".to_string()
}

/// A conflict or rejection to show, with both versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub op_id: String,
    pub summary: String,
    /// `conflict` or `rejected`.
    pub status: String,
    pub message: Option<String>,
    pub mine: Value,
    pub server: Option<Value>,
}

impl Problem {
    fn from_entry(e: &OutboxEntry<Queued>) -> Problem {
        let r = e.payload.result.clone();
        let detail = r.as_ref().and_then(|r| r.detail.clone());
        let message = r.as_ref().and_then(|r| r.message.clone()).or_else(|| {
            (e.payload.state == "conflict")
                .then(|| "Someone changed this on the server while you were offline.".into())
        });
        Problem {
            op_id: e.id.clone(),
            summary: e.payload.summary.clone(),
            status: e.payload.state.clone(),
            message,
            mine: detail
                .as_ref()
                .and_then(|d| d.get("mine").cloned())
                .unwrap_or_else(|| e.payload.payload.clone()),
            server: detail.and_then(|d| d.get("server").cloned()),
        }
    }
}

thread_local! {
    static USER: RefCell<Option<String>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// A sync was asked for while one ran.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

fn user() -> Option<String> {
    USER.with(|u| u.borrow().clone())
}

/// Starts syncing for `user_id` (called by the signed-in layout): listens for the
/// browser's `online`/`offline` events, replays every 30 s, and once now.
pub fn start(user_id: &str) {
    USER.with(|u| *u.borrow_mut() = Some(user_id.to_string()));
    if !STARTED.with(|s| s.replace(true)) {
        if let Some(w) = web_sys::window() {
            let on = Closure::<dyn Fn()>::new(|| {
                state().online.set(true);
                sync_soon();
            });
            let off = Closure::<dyn Fn()>::new(|| state().online.set(false));
            let _ = w.add_event_listener_with_callback("online", on.as_ref().unchecked_ref());
            let _ = w.add_event_listener_with_callback("offline", off.as_ref().unchecked_ref());
            on.forget();
            off.forget();
        }
        gloo_timers::callback::Interval::new(30_000, sync_soon).forget();
        leptos::task::spawn_local(crate::offline::evict_stale());
    }
    sync_soon();
}

/// Forgets the signed-in person (sign-out); nothing more is sent for them.
pub fn stop() {
    USER.with(|u| *u.borrow_mut() = None);
    let st = state();
    st.pending.set(0);
    st.problems.set(Vec::new());
    st.copy_from.set(None);
}

/// Queues a change for the signed-in person and tries to send it at once. Returns the
/// op id (also the idempotency key).
pub async fn queue(kind: &str, summary: String, payload: Value) -> Result<String, String> {
    queue_from_draft(kind, summary, payload, None).await
}

/// [`queue`] for a change made in a form whose draft is under `draft`: the draft is
/// deleted once the server has applied the change (it stays while the op is pending or
/// in conflict, so the person never loses what they typed).
pub async fn queue_from_draft(
    kind: &str,
    summary: String,
    payload: Value,
    draft: Option<String>,
) -> Result<String, String> {
    let user_id = user().ok_or("Sign in again to save this change.")?;
    let db = Storage::open().await.map_err(|e| e.to_string())?;
    let entry = db
        .push_outbox(&Queued {
            kind: kind.to_string(),
            user_id,
            summary,
            payload,
            state: pending(),
            result: None,
            draft,
        })
        .await
        .map_err(|e| e.to_string())?;
    refresh().await;
    sync_soon();
    Ok(entry.id)
}

/// The signed-in person's outbox, oldest first.
pub async fn outbox() -> Vec<OutboxEntry<Queued>> {
    let Some(me) = user() else {
        return Vec::new();
    };
    let Ok(db) = Storage::open().await else {
        return Vec::new();
    };
    db.list_outbox::<Queued>()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.payload.user_id == me)
        .collect()
}

/// Recounts pending ops and problems into the offline signals.
pub async fn refresh() {
    let entries = outbox().await;
    let st = state();
    st.pending.set(
        entries
            .iter()
            .filter(|e| e.payload.state == "pending")
            .count(),
    );
    st.problems.set(
        entries
            .iter()
            .filter(|e| e.payload.state != "pending")
            .map(Problem::from_entry)
            .collect(),
    );
}

/// Runs [`sync_now`] in the background.
pub fn sync_soon() {
    leptos::task::spawn_local(sync_now());
}

/// Sends the outbox, then pulls changes. A call while another sync runs is not lost: the
/// running sync goes round once more when it ends (the network may have come back, or
/// a change been queued, after it read the outbox).
pub async fn sync_now() {
    let st = state();
    if user().is_none() {
        return;
    }
    if st.syncing.get_untracked() {
        AGAIN.with(|a| a.set(true));
        return;
    }
    st.syncing.set(true);
    loop {
        AGAIN.with(|a| a.set(false));
        let pushed = push().await;
        if pushed {
            pull().await;
        }
        refresh().await;
        if !AGAIN.with(Cell::get) || user().is_none() {
            break;
        }
    }
    st.syncing.set(false);
}

/// Sends pending ops in order, in batches; false when the server could not be reached.
async fn push() -> bool {
    let st = state();
    let entries: Vec<_> = outbox()
        .await
        .into_iter()
        .filter(|e| e.payload.state == "pending")
        .collect();
    let Ok(db) = Storage::open().await else {
        return false;
    };
    // An op larger than the server takes would be refused on every try: set it aside
    // here, as the server would, so the ops behind it go on.
    let size =
        |e: &OutboxEntry<Queued>| serde_json::to_string(&e.payload.payload).map_or(0, |t| t.len());
    let (entries, too_large): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|e| size(e) <= api::SYNC_MAX_OP_BYTES);
    for entry in too_large {
        let mut marked = entry.clone();
        marked.payload.state = "rejected".into();
        marked.payload.result = Some(SyncResult {
            op_id: entry.id.clone(),
            status: "rejected".into(),
            code: Some("op_too_large".into()),
            message: Some(format!(
                "This change is larger than the {} MiB one change may be (a visit note's photos together about 12 MiB). Remove photos and capture it again.",
                api::SYNC_MAX_OP_BYTES / (1024 * 1024)
            )),
            detail: None,
        });
        let _ = db.put_outbox_entry(&marked).await;
    }
    for chunk in api::sync_batches(&entries, size) {
        let ops = chunk
            .iter()
            .map(|e| SyncOp {
                op_id: e.id.clone(),
                kind: e.payload.kind.clone(),
                created_at: e.created_at.clone(),
                payload: e.payload.payload.clone(),
            })
            .collect();
        match client::sync(&SyncRequest { ops }).await {
            Err(e) if e.is_network() => {
                st.online.set(false);
                return false;
            }
            Err(e) => {
                st.online.set(crate::offline::browser_online());
                st.last.set(Some(e.message().to_string()));
                return false;
            }
            Ok(answer) => {
                st.online.set(crate::offline::browser_online());
                for r in answer.results {
                    let Some(entry) = chunk.iter().find(|e| e.id == r.op_id) else {
                        continue;
                    };
                    match r.status.as_str() {
                        "applied" | "duplicate" => {
                            let _ = db.delete_outbox(&entry.id).await;
                            forget_sent_draft(&db, &entry.payload).await;
                        }
                        _ => {
                            let mut marked = entry.clone();
                            marked.payload.state = r.status.clone();
                            marked.payload.result = Some(r);
                            let _ = db.put_outbox_entry(&marked).await;
                        }
                    }
                }
            }
        }
    }
    refresh().await;
    true
}

/// A supplier's queued quote reached the server: its form draft has done its job.
async fn forget_sent_draft(db: &Storage, q: &Queued) {
    if let Some(key) = &q.draft {
        let _ = db.delete_draft(key).await;
    }
}

/// Reads `GET /api/changes` from the stored cursor and refetches what this device has
/// cached among the named entities.
async fn pull() {
    let Some(me) = user() else { return };
    let Ok(db) = Storage::open().await else {
        return;
    };
    let mut cursor = db.get_cursor(&me).await.unwrap_or(None);
    let mut touched = BTreeSet::new();
    loop {
        let page = match client::changes(cursor.as_deref()).await {
            Ok(page) => page,
            // A cursor the server no longer knows (its database was reset, or the cursor
            // is another person's): start again; what is cached is refetched.
            Err(e) if e.code() == "bad_cursor" && cursor.is_some() => {
                cursor = None;
                let _ = db.set_cursor(&me, None).await;
                continue;
            }
            Err(_) => return,
        };
        for c in &page.changes {
            touched.insert((c.entity_type.clone(), c.entity_id.clone()));
        }
        cursor = Some(page.cursor);
        let _ = db.set_cursor(&me, cursor.as_deref()).await;
        if !page.more {
            break;
        }
    }
    let mut rfq_list = false;
    for (kind, id) in touched {
        match kind.as_str() {
            "rfq" => {
                rfq_list = true;
                if cached(&db, kinds::RFQ, &id).await {
                    let _ = client::rfq(&id).await;
                }
                if cached(&db, kinds::RESPONSES, &id).await {
                    let _ = client::rfq_responses(&id).await;
                }
                if cached(&db, kinds::COMPARISON, &id).await {
                    let _ = client::comparison(&id).await;
                }
                if cached(&db, kinds::MY_QUOTE, &id).await {
                    let _ = client::my_quote(&id).await;
                }
                if cached(&db, kinds::CLARIFICATIONS, &id).await {
                    let _ = client::clarifications(&id).await;
                }
            }
            "supplier" => {
                if cached(&db, "supplier", &id).await {
                    let _ = client::supplier(&id).await;
                }
                if cached(&db, "visit_notes", &id).await {
                    let _ = client::visit_notes(&id).await;
                }
            }
            "part" if cached(&db, "part", &id).await => {
                let _ = client::part(&id).await;
            }
            _ => {}
        }
    }
    if rfq_list && cached(&db, "rfqs", "all").await {
        let _ = client::rfqs().await;
    }
}

async fn cached(db: &Storage, kind: &str, id: &str) -> bool {
    matches!(db.get_record::<Value>(kind, id).await, Ok(Some(_)))
}

/// "Keep mine": queue the same change again, based on the server's current version,
/// and drop the conflicting op.
pub fn resolve_keep_mine(op_id: String) {
    leptos::task::spawn_local(async move {
        let Some(entry) = outbox().await.into_iter().find(|e| e.id == op_id) else {
            return;
        };
        let server_version = entry
            .payload
            .result
            .as_ref()
            .and_then(|r| r.detail.as_ref())
            .and_then(|d| d.get("server"))
            .and_then(|s| {
                s.pointer("/receipt/version")
                    .or_else(|| s.get("version"))
                    .and_then(Value::as_i64)
            });
        let mut payload = entry.payload.payload.clone();
        if let (Some(v), Some(obj)) = (server_version, payload.as_object_mut()) {
            obj.insert("base_version".into(), Value::from(v));
        }
        if queue_from_draft(
            &entry.payload.kind,
            entry.payload.summary.clone(),
            payload,
            entry.payload.draft.clone(),
        )
        .await
        .is_ok()
        {
            if let Ok(db) = Storage::open().await {
                let _ = db.delete_outbox(&op_id).await;
            }
        }
        refresh().await;
    });
}

/// "Take theirs" / "Discard mine": the person chose to drop their change.
pub fn resolve_drop(op_id: String) {
    leptos::task::spawn_local(async move {
        let entry = outbox().await.into_iter().find(|e| e.id == op_id);
        if let Ok(db) = Storage::open().await {
            let _ = db.delete_outbox(&op_id).await;
            // The person chose the server's version: the form shows it again.
            if let Some(e) = entry {
                forget_sent_draft(&db, &e.payload).await;
            }
        }
        refresh().await;
    });
}
