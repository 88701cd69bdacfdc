//! The one module that touches the browser's storage: an IndexedDB database (through
//! rexie) that the offline cache, drafts and the outbox of unsent writes build on.
//!
//! Layout of database `bidwell` (version [`DB_VERSION`]):
//! - `records`: cached server records keyed by `[kind, id]`, each with the time it was
//!   fetched; index `kind` lists one kind.
//! - `drafts`: unfinished forms keyed by a caller-chosen key.
//! - `outbox`: writes made offline, keyed by a client-generated id, replayed in the
//!   order they were made (index `order` on `[created_at, seq]`).
//!
//! Guarantees: values are stored as plain JSON objects (the serde form of the Rust
//! type), so a later version can read and migrate them; [`Storage::clear_user_data`]
//! empties every store, and sign-out calls it so the next person on the device sees
//! nothing of the last one.

use rexie::{Index, KeyRange, ObjectStore, Rexie, TransactionMode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Name of the application database.
pub const DB_NAME: &str = "bidwell";
/// Schema version; bump it (and extend [`Storage::open_named`]) when stores change.
pub const DB_VERSION: u32 = 1;

const RECORDS: &str = "records";
const DRAFTS: &str = "drafts";
const OUTBOX: &str = "outbox";
const ALL_STORES: [&str; 3] = [RECORDS, DRAFTS, OUTBOX];
/// Record kind under which each user's changes-feed cursor is kept (cleared with the rest).
const CURSOR_KIND: &str = "_cursor";
/// Record kind of the pins: what the person chose to keep offline (cleared with the rest).
const PIN_KIND: &str = "_pin";

thread_local! {
    static OUTBOX_SEQ: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// IndexedDB refused (private mode, quota, blocked upgrade, …).
    #[error("the browser's storage refused: {0}")]
    Database(String),
    /// A stored value did not have the expected shape.
    #[error("a stored {store} entry could not be read: {detail}")]
    Corrupt { store: &'static str, detail: String },
}

impl From<rexie::Error> for StorageError {
    fn from(e: rexie::Error) -> Self {
        StorageError::Database(e.to_string())
    }
}

/// Result of every storage call.
pub type StorageResult<T> = Result<T, StorageError>;

/// A cached server record with the time it was fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cached<T> {
    /// What the record is, e.g. `rfq`, `part`.
    pub kind: String,
    pub id: String,
    /// RFC 3339 time (UTC) at which the record was fetched from the server.
    pub fetched_at: String,
    pub value: T,
}

/// An unfinished form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft<T> {
    pub key: String,
    /// RFC 3339 time (UTC) of the last save.
    pub updated_at: String,
    pub value: T,
}

/// A write waiting to be sent to the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry<T> {
    /// Client-generated id (UUID v4); the server uses it to apply the write once only.
    pub id: String,
    /// RFC 3339 time (UTC) at which the write was made.
    pub created_at: String,
    /// Tie-breaker for writes made within the same millisecond by this page.
    #[serde(default)]
    pub seq: u32,
    pub payload: T,
}

/// "Make available offline" on one RFQ: the cached records its pages need, kept out of
/// eviction until the person removes the pin (or signs out). Stored as record
/// `("_pin", rfq_id)`, whose fetched-at time is when the copy was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub rfq_id: String,
    /// For a person, e.g. the RFQ number.
    pub label: String,
    /// The `(kind, id)` records kept.
    pub keys: Vec<(String, String)>,
}

/// An open handle on the database.
pub struct Storage {
    db: Rexie,
}

impl Storage {
    /// Opens (creating or upgrading) the application database.
    pub async fn open() -> StorageResult<Storage> {
        Self::open_named(DB_NAME).await
    }

    /// Opens a database of the application's layout under another name (tests).
    pub async fn open_named(name: &str) -> StorageResult<Storage> {
        let db = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(
                ObjectStore::new(RECORDS)
                    .key_path_array(["kind", "id"])
                    .add_index(Index::new("kind", "kind")),
            )
            .add_object_store(ObjectStore::new(DRAFTS).key_path("key"))
            .add_object_store(
                ObjectStore::new(OUTBOX)
                    .key_path("id")
                    .add_index(Index::new_array("order", ["created_at", "seq"])),
            )
            .build()
            .await?;
        Ok(Storage { db })
    }

    /// Closes the handle and deletes the database `name` (tests, or a full reset).
    pub async fn delete_database(self, name: &str) -> StorageResult<()> {
        self.db.close();
        Rexie::delete(name).await?;
        Ok(())
    }

    async fn put_value(&self, store: &str, value: &impl Serialize) -> StorageResult<()> {
        let js = to_js(value)?;
        let tx = self.db.transaction(&[store], TransactionMode::ReadWrite)?;
        tx.store(store)?.put(&js, None).await?;
        tx.done().await?;
        Ok(())
    }

    async fn get_value<T: DeserializeOwned>(
        &self,
        store: &'static str,
        key: JsValue,
    ) -> StorageResult<Option<T>> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let found = tx.store(store)?.get(key).await?;
        tx.done().await?;
        found.map(|v| from_js(store, &v)).transpose()
    }

    async fn delete_value(&self, store: &str, key: JsValue) -> StorageResult<()> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadWrite)?;
        tx.store(store)?.delete(key).await?;
        tx.done().await?;
        Ok(())
    }

    async fn all_values<T: DeserializeOwned>(
        &self,
        store: &'static str,
        index: Option<(&str, Option<KeyRange>)>,
    ) -> StorageResult<Vec<T>> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let s = tx.store(store)?;
        let values = match index {
            Some((name, range)) => s.index(name)?.get_all(range, None).await?,
            None => s.get_all(None, None).await?,
        };
        tx.done().await?;
        values.iter().map(|v| from_js(store, v)).collect()
    }

    /// Caches `value` as record `(kind, id)`, fetched now.
    pub async fn put_record<T: Serialize>(
        &self,
        kind: &str,
        id: &str,
        value: &T,
    ) -> StorageResult<()> {
        let entry = Cached {
            kind: kind.to_string(),
            id: id.to_string(),
            fetched_at: now_rfc3339(),
            value,
        };
        self.put_value(RECORDS, &entry).await
    }

    /// The cached record `(kind, id)`, if any.
    pub async fn get_record<T: DeserializeOwned>(
        &self,
        kind: &str,
        id: &str,
    ) -> StorageResult<Option<Cached<T>>> {
        self.get_value(RECORDS, record_key(kind, id)).await
    }

    /// Every cached record of `kind`, in id order.
    pub async fn list_records<T: DeserializeOwned>(
        &self,
        kind: &str,
    ) -> StorageResult<Vec<Cached<T>>> {
        let range = KeyRange::only(&JsValue::from_str(kind))
            .map_err(|e| StorageError::Database(e.to_string()))?;
        self.all_values(RECORDS, Some(("kind", Some(range)))).await
    }

    /// Forgets the cached record `(kind, id)` (no error if absent).
    pub async fn delete_record(&self, kind: &str, id: &str) -> StorageResult<()> {
        self.delete_value(RECORDS, record_key(kind, id)).await
    }

    /// Saves a draft under `key`, replacing any earlier one.
    pub async fn put_draft<T: Serialize>(&self, key: &str, value: &T) -> StorageResult<()> {
        let entry = Draft {
            key: key.to_string(),
            updated_at: now_rfc3339(),
            value,
        };
        self.put_value(DRAFTS, &entry).await
    }

    /// The draft saved under `key`, if any.
    pub async fn get_draft<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> StorageResult<Option<Draft<T>>> {
        self.get_value(DRAFTS, JsValue::from_str(key)).await
    }

    /// Every draft, in key order.
    pub async fn list_drafts<T: DeserializeOwned>(&self) -> StorageResult<Vec<Draft<T>>> {
        self.all_values(DRAFTS, None).await
    }

    /// Drops the draft under `key` (no error if absent).
    pub async fn delete_draft(&self, key: &str) -> StorageResult<()> {
        self.delete_value(DRAFTS, JsValue::from_str(key)).await
    }

    /// Queues a write; returns the entry with its new client-generated id.
    pub async fn push_outbox<T: Serialize + Clone>(
        &self,
        payload: &T,
    ) -> StorageResult<OutboxEntry<T>> {
        let entry = OutboxEntry {
            id: new_id()?,
            created_at: now_rfc3339(),
            seq: OUTBOX_SEQ.with(|n| {
                let v = n.get().wrapping_add(1);
                n.set(v);
                v
            }),
            payload: payload.clone(),
        };
        self.put_value(OUTBOX, &entry).await?;
        Ok(entry)
    }

    /// The queued writes, oldest first.
    pub async fn list_outbox<T: DeserializeOwned>(&self) -> StorageResult<Vec<OutboxEntry<T>>> {
        self.all_values(OUTBOX, Some(("order", None))).await
    }

    /// Removes a queued write once the server has acknowledged it.
    pub async fn delete_outbox(&self, id: &str) -> StorageResult<()> {
        self.delete_value(OUTBOX, JsValue::from_str(id)).await
    }

    /// Replaces a queued write (same id, same place in the order), e.g. to mark it as
    /// answered with a conflict.
    pub async fn put_outbox_entry<T: Serialize>(
        &self,
        entry: &OutboxEntry<T>,
    ) -> StorageResult<()> {
        self.put_value(OUTBOX, entry).await
    }

    /// The changes-feed cursor of `user_id` (`None` when none was stored yet). A cursor
    /// stored before cursors were opaque (a number) reads as none: the feed starts again.
    pub async fn get_cursor(&self, user_id: &str) -> StorageResult<Option<String>> {
        Ok(self
            .get_record::<serde_json::Value>(CURSOR_KIND, user_id)
            .await?
            .and_then(|c| c.value.as_str().map(str::to_string)))
    }

    /// Stores the changes-feed cursor of `user_id` (`None`: start again).
    pub async fn set_cursor(&self, user_id: &str, cursor: Option<&str>) -> StorageResult<()> {
        self.put_record(CURSOR_KIND, user_id, &cursor).await
    }

    /// Pins `pin.keys` (replacing an earlier pin of the same RFQ), stamped now.
    pub async fn put_pin(&self, pin: &Pin) -> StorageResult<()> {
        self.put_record(PIN_KIND, &pin.rfq_id, pin).await
    }

    /// The pin of RFQ `rfq_id`, with the time it was made, if any.
    pub async fn get_pin(&self, rfq_id: &str) -> StorageResult<Option<Cached<Pin>>> {
        self.get_record(PIN_KIND, rfq_id).await
    }

    /// Every pin, in RFQ id order.
    pub async fn list_pins(&self) -> StorageResult<Vec<Cached<Pin>>> {
        self.list_records(PIN_KIND).await
    }

    /// Removes the pin of `rfq_id` and the records only it kept (records another pin
    /// also keeps stay). No error if there is no such pin.
    pub async fn remove_pin(&self, rfq_id: &str) -> StorageResult<()> {
        let Some(pin) = self.get_pin(rfq_id).await? else {
            return Ok(());
        };
        self.delete_record(PIN_KIND, rfq_id).await?;
        let kept = self.pinned_keys().await?;
        for key in pin.value.keys {
            if !kept.contains(&key) {
                self.delete_record(&key.0, &key.1).await?;
            }
        }
        Ok(())
    }

    async fn pinned_keys(&self) -> StorageResult<std::collections::BTreeSet<(String, String)>> {
        Ok(self
            .list_pins()
            .await?
            .into_iter()
            .flat_map(|p| p.value.keys)
            .collect())
    }

    /// Deletes cached records fetched before `cutoff` (RFC 3339 UTC, as stored) that no
    /// pin keeps. Bookkeeping (pins, cursors) and the signed-in person stay. Answers how
    /// many records went.
    pub async fn evict_unpinned(&self, cutoff: &str) -> StorageResult<usize> {
        let kept = self.pinned_keys().await?;
        let all: Vec<Cached<serde_json::Value>> = self.all_values(RECORDS, None).await?;
        let mut evicted = 0;
        for r in all {
            let bookkeeping = r.kind.starts_with('_') || r.kind == "me";
            if bookkeeping || r.fetched_at.as_str() >= cutoff {
                continue;
            }
            if kept.contains(&(r.kind.clone(), r.id.clone())) {
                continue;
            }
            self.delete_record(&r.kind, &r.id).await?;
            evicted += 1;
        }
        Ok(evicted)
    }

    /// Test and migration hook: stores `value` as record `(kind, id)` with an explicit
    /// fetched-at time.
    pub async fn put_record_at<T: Serialize>(
        &self,
        kind: &str,
        id: &str,
        fetched_at: &str,
        value: &T,
    ) -> StorageResult<()> {
        let entry = Cached {
            kind: kind.to_string(),
            id: id.to_string(),
            fetched_at: fetched_at.to_string(),
            value,
        };
        self.put_value(RECORDS, &entry).await
    }

    /// Empties every store: cached records, drafts and unsent writes. Called at sign-out.
    pub async fn clear_user_data(&self) -> StorageResult<()> {
        let tx = self
            .db
            .transaction(&ALL_STORES, TransactionMode::ReadWrite)?;
        for store in ALL_STORES {
            tx.store(store)?.clear().await?;
        }
        tx.done().await?;
        Ok(())
    }
}

/// Opens the application database and empties it; what sign-out calls.
pub async fn clear_user_data() -> StorageResult<()> {
    let storage = Storage::open().await?;
    storage.clear_user_data().await
}

fn record_key(kind: &str, id: &str) -> JsValue {
    let key = js_sys::Array::new();
    key.push(&JsValue::from_str(kind));
    key.push(&JsValue::from_str(id));
    key.into()
}

/// Serde value → plain JS object, through JSON (no extra dependency, and the stored
/// shape is exactly the API's JSON shape).
fn to_js(value: &impl Serialize) -> StorageResult<JsValue> {
    let json = serde_json::to_string(value).map_err(|e| StorageError::Database(e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|e| StorageError::Database(format!("{e:?}")))
}

fn from_js<T: DeserializeOwned>(store: &'static str, value: &JsValue) -> StorageResult<T> {
    let corrupt = |detail: String| StorageError::Corrupt { store, detail };
    let json = js_sys::JSON::stringify(value).map_err(|e| corrupt(format!("{e:?}")))?;
    let json = String::from(json);
    serde_json::from_str(&json).map_err(|e| corrupt(e.to_string()))
}

/// Current time as RFC 3339 UTC with milliseconds (sorts as text).
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A random UUID v4 from `crypto.getRandomValues`, which (unlike `randomUUID`) also
/// exists on plain-http origins such as a LAN address.
pub fn new_id() -> StorageResult<String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| StorageError::Database("no crypto in this browser".into()))?;
    let mut b = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut b)
        .map_err(|e| StorageError::Database(format!("{e:?}")))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}
