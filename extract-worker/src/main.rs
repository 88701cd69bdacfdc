//! The extraction worker: runs [`domain::extract::extract`] off the page's thread, in its
//! own wasm bundle, so the parsers (spreadsheets, PDF, e-mail; about a megabyte gzipped)
//! load only when a person drops a file and the page stays responsive meanwhile.
//!
//! Protocol: the typed messages of `domain::extract::worker` ([`WorkerRequest`] beside
//! the file's bytes, [`WorkerReply`] back), each a JSON string.
//!
//! Guarantee: every request gets exactly one `done` or `failed` answer; `extract` itself
//! never panics (see `domain::extract`), and input it cannot read comes back as
//! diagnostics.

use domain::extract::worker::{Stage, WorkerReply, WorkerRequest};
use domain::extract::ExtractInput;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, reply: &WorkerReply) {
    // Posting a string cannot fail for a live worker; nothing to do if it did.
    let _ = scope.post_message(&JsValue::from_str(&reply.to_json()));
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    // The page numbers requests from 0 with a u32; anything else is not one of its ids.
    let id = field(data, "id")
        .as_f64()
        .and_then(|f| format!("{f}").parse::<u32>().ok())
        .unwrap_or(u32::MAX);
    let file_name = field(data, "file_name").as_string().unwrap_or_default();
    let bytes = field(data, "bytes");
    let Some(bytes) = bytes.dyn_ref::<js_sys::Uint8Array>().map(|b| b.to_vec()) else {
        post(
            scope,
            &WorkerReply::Failed {
                id,
                message: "no file bytes were sent".into(),
            },
        );
        return;
    };
    let request = match field(data, "request").as_string() {
        Some(s) => match WorkerRequest::from_json(&s) {
            Ok(r) => r,
            Err(message) => {
                post(scope, &WorkerReply::Failed { id, message });
                return;
            }
        },
        None => WorkerRequest::default(),
    };
    post(
        scope,
        &WorkerReply::Progress {
            id,
            stage: Stage::Reading,
            bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        },
    );
    let input = ExtractInput {
        file_name,
        bytes,
        rfq: request.rfq,
        memory: request.memory,
    };
    // The server's bounds and time for one document (issue 10, outside probe H2).
    // Milliseconds since the epoch fit a u64 (`as` saturates; no float arithmetic).
    let now_ms = || js_sys::Date::now() as u64;
    let deadline = now_ms().saturating_add(1000 * domain::extract::bounds::MAX_SECONDS);
    let extraction = Box::new(domain::extract::bounds::extract_within(&input, move || {
        now_ms() > deadline
    }));
    post(scope, &WorkerReply::Done { id, extraction });
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
    post(&scope, &WorkerReply::Ready);
}
