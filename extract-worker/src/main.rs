//! The extraction worker: runs [`domain::extract::extract`] off the page's thread, in its
//! own wasm bundle, so the parsers (spreadsheets, PDF, e-mail; about a megabyte gzipped)
//! load only when a person drops a file and the page stays responsive meanwhile.
//!
//! Protocol (all messages are JSON strings, see `app/src/upload.rs`):
//! - worker → page, once started: `{"kind":"ready"}`;
//! - page → worker: an object `{id, file_name, bytes: Uint8Array, request: "<json>"}` where
//!   `request` is a [`Request`];
//! - worker → page: `{"kind":"progress","id":…,"stage":"…"}` then
//!   `{"kind":"done","id":…,"extraction":{…}}` (a [`domain::extract::Extraction`]) or
//!   `{"kind":"failed","id":…,"message":"…"}`.
//!
//! Guarantee: every request gets exactly one `done` or `failed` answer; `extract` itself
//! never panics (see `domain::extract`), and input it cannot read comes back as
//! diagnostics.

use domain::extract::{extract, ExtractInput, MappingMemory, RfqSpec};
use serde::Deserialize;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What accompanies the bytes.
#[derive(Debug, Default, Deserialize)]
struct Request {
    /// The RFQ the quote answers (for line matching and RFQ-relative flags).
    #[serde(default)]
    rfq: Option<RfqSpec>,
    /// Column mappings corrected earlier for this supplier.
    #[serde(default)]
    memory: Option<MappingMemory>,
}

fn post(scope: &DedicatedWorkerGlobalScope, value: &serde_json::Value) {
    // Posting a string cannot fail for a live worker; nothing to do if it did.
    let _ = scope.post_message(&JsValue::from_str(&value.to_string()));
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let id = field(data, "id").as_f64().unwrap_or(0.0);
    let file_name = field(data, "file_name").as_string().unwrap_or_default();
    let bytes = field(data, "bytes");
    let Some(bytes) = bytes.dyn_ref::<js_sys::Uint8Array>().map(|b| b.to_vec()) else {
        post(
            scope,
            &json!({"kind": "failed", "id": id, "message": "no file bytes were sent"}),
        );
        return;
    };
    let request: Request = match field(data, "request").as_string() {
        Some(s) => match serde_json::from_str(&s) {
            Ok(r) => r,
            Err(e) => {
                post(
                    scope,
                    &json!({"kind": "failed", "id": id, "message": format!("bad request: {e}")}),
                );
                return;
            }
        },
        None => Request::default(),
    };
    post(
        scope,
        &json!({"kind": "progress", "id": id, "stage": "reading", "bytes": bytes.len()}),
    );
    let input = ExtractInput {
        file_name,
        bytes,
        rfq: request.rfq,
        memory: request.memory,
    };
    let extraction = extract(&input);
    post(
        scope,
        &json!({"kind": "done", "id": id, "extraction": extraction}),
    );
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        handle(&reply_to, &ev.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &json!({"kind": "ready"}));
}
