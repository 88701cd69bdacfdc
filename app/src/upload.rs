//! The page's side of the extraction worker (`extract-worker/`): starts the worker on the
//! first file a person drops, sends it the file, and hands back the
//! [`domain::extract::Extraction`].
//!
//! Why a worker: the parsers (spreadsheets, PDF, e-mail) are about a megabyte gzipped, and
//! a large PDF takes seconds. In their own wasm bundle they cost nothing until used, and
//! the page stays responsive (and shows progress) while they run. Trunk builds the bundle
//! from `app/index.html` (`data-type="worker"`); its entry script [`WORKER_URL`] is
//! `public/extract-worker_loader.js`.
//!
//! Protocol: the typed messages of `domain::extract::worker`. Requests carry an id; each
//! gets exactly one `Done` or `Failed` answer, or an error if the worker itself dies.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use domain::extract::worker::{Stage, WorkerReply, WorkerRequest};
use domain::extract::Extraction;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's entry script (`public/extract-worker_loader.js`).
pub const WORKER_URL: &str = "/extract-worker_loader.js";

struct Pending {
    resolve: Function,
    reject: Function,
    progress: Rc<dyn Fn(&str)>,
}

struct State {
    worker: Worker,
    ready: Promise,
    pending: HashMap<u32, Pending>,
    next_id: u32,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    static READY: RefCell<Option<(Function, Function)>> = const { RefCell::new(None) };
}

fn on_message(ev: MessageEvent) {
    let Some(text) = ev.data().as_string() else {
        return;
    };
    let Ok(msg) = WorkerReply::from_json(&text) else {
        return;
    };
    let Some(id) = msg.id() else {
        if let Some((resolve, _)) = READY.with(|r| r.borrow_mut().take()) {
            let _ = resolve.call0(&JsValue::NULL);
        }
        return;
    };
    if let WorkerReply::Progress { stage, bytes, .. } = &msg {
        let progress = STATE.with(|s| {
            s.borrow()
                .as_ref()
                .and_then(|s| s.pending.get(&id).map(|p| p.progress.clone()))
        });
        if let Some(p) = progress {
            let size = domain::bytes::size_words(*bytes);
            p(&format!(
                "{} ({size})…",
                match stage {
                    Stage::Reading => "Reading the file",
                }
            ));
        }
        return;
    }
    let pending = STATE.with(|s| s.borrow_mut().as_mut().and_then(|s| s.pending.remove(&id)));
    if let Some(p) = pending {
        let _ = match &msg {
            WorkerReply::Failed { message, .. } => {
                p.reject.call1(&JsValue::NULL, &JsValue::from_str(message))
            }
            _ => p.resolve.call1(&JsValue::NULL, &JsValue::from_str(&text)),
        };
    }
}

/// The worker died or could not load: every waiting request fails, and the worker is
/// dropped so that the next file starts a fresh one. A parser that panics inside the
/// worker aborts its wasm instance (wasm has no unwinding), which lands here too: that
/// file fails with a message that says so, and the next file works.
fn on_error(ev: web_sys::Event) {
    let detail = ev
        .dyn_ref::<web_sys::ErrorEvent>()
        .map(|e| e.message())
        .unwrap_or_default();
    web_sys::console::error_1(&JsValue::from_str(&format!("extraction worker: {detail}")));
    let loading = READY.with(|r| r.borrow_mut().take());
    if let Some((_, reject)) = loading {
        let _ = reject.call1(
            &JsValue::NULL,
            &JsValue::from_str(
                "The quote reader could not be loaded. Check your connection and reload the page.",
            ),
        );
    }
    let crashed = JsValue::from_str(
        "The quote reader stopped while reading this file: the file is damaged or in a form it \
         cannot read. Try the quote in another format (XLSX, CSV or a text PDF), paste its \
         text, or type the values. The reader starts again for the next file.",
    );
    let state = STATE.with(|s| s.borrow_mut().take());
    if let Some(state) = state {
        state.worker.terminate();
        for (_, p) in state.pending {
            let _ = p.reject.call1(&JsValue::NULL, &crashed);
        }
    }
}

fn start() -> Result<(), String> {
    if STATE.with(|s| s.borrow().is_some()) {
        return Ok(());
    }
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let ready = Promise::new(&mut |resolve, reject| {
        READY.with(|r| *r.borrow_mut() = Some((resolve, reject)));
    });
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(on_error);
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            worker,
            ready,
            pending: HashMap::new(),
            next_id: 1,
        })
    });
    Ok(())
}

/// Extracts a quote from `bytes` in the worker, with `request` (the RFQ, the supplier's
/// remembered column mappings); `progress` receives sentences for the person while it
/// runs.
pub async fn extract(
    file_name: &str,
    bytes: &[u8],
    request: &WorkerRequest,
    progress: impl Fn(&str) + 'static,
) -> Result<Extraction, String> {
    let progress: Rc<dyn Fn(&str)> = Rc::new(progress);
    if STATE.with(|s| s.borrow().is_none()) {
        progress("Loading the quote reader (first file only)…");
    }
    start()?;
    let ready = STATE
        .with(|s| s.borrow().as_ref().map(|s| s.ready.clone()))
        .ok_or("the quote reader is not running")?;
    JsFuture::from(ready)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;

    let (id, worker) = STATE
        .with(|s| {
            s.borrow_mut().as_mut().map(|s| {
                let id = s.next_id;
                s.next_id = s.next_id.wrapping_add(1);
                (id, s.worker.clone())
            })
        })
        .ok_or("the quote reader stopped")?;
    let answer = Promise::new(&mut |resolve, reject| {
        STATE.with(|s| {
            if let Some(s) = s.borrow_mut().as_mut() {
                s.pending.insert(
                    id,
                    Pending {
                        resolve,
                        reject,
                        progress: progress.clone(),
                    },
                );
            }
        });
    });
    let msg = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&msg, &JsValue::from_str(k), v);
    set("id", &JsValue::from_f64(f64::from(id))).map_err(|e| format!("{e:?}"))?;
    set("file_name", &JsValue::from_str(file_name)).map_err(|e| format!("{e:?}"))?;
    set("bytes", &Uint8Array::from(bytes).into()).map_err(|e| format!("{e:?}"))?;
    set("request", &JsValue::from_str(&request.to_json())).map_err(|e| format!("{e:?}"))?;
    worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;

    let text = JsFuture::from(answer)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    let text = text.as_string().unwrap_or_default();
    match WorkerReply::from_json(&text)? {
        WorkerReply::Done { extraction, .. } => Ok(*extraction),
        _ => Err("the quote reader answered out of turn".into()),
    }
}

/// The bytes of a file the person chose or dropped.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}
